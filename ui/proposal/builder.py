"""Building a proposal on the proposal page: name, organisation, target group, and the set of
municipalities (map clicks, whole units, an existing area, the keyboard-accessible list).

The set lives in the multiselect's session state (`CODES_KEY`); clicks and buttons change that
state before the list is drawn, so the list always shows the set.
"""

from __future__ import annotations

import streamlit as st

from coverage.engine import Coverage
from coverage.whatif import Proposal, toggle
from ui.edit.area_picker import PickerKeys, municipality_list, unit_and_entry_inputs
from ui.map.click import MapClick
from ui.proposal.url import MAX_TEXT, TARGET_GROUPS, ReadProposal
from ui.text.i18n import Translator

NAME_KEY = "proposal_name"
ORGANISATION_KEY = "proposal_organisation"
GROUP_KEY = "proposal_group"
CODES_KEY = "proposal_codes"
LAST_CLICK_KEY = "proposal_last_click"
UNIT_KIND_KEY = "proposal_unit_kind"
UNIT_KEY = "proposal_unit"
ENTRY_KEY = "proposal_entry"
CLICK_STATE_KEY = "proposal_map_click"
"""Session state of the proposal map's clicks (apart from the dashboard's)."""

PICKER_KEYS = PickerKeys(CODES_KEY, UNIT_KIND_KEY, UNIT_KEY, ENTRY_KEY, prefix="proposal_")


def needs_start() -> bool:
    """Whether this session has no proposal yet (a new session, or back from another page)."""
    return CODES_KEY not in st.session_state


def start(read: ReadProposal) -> None:
    """Fill the inputs with the proposal the address names."""
    proposal = read.proposal
    st.session_state[NAME_KEY] = proposal.name
    st.session_state[ORGANISATION_KEY] = proposal.organisation or ""
    st.session_state[GROUP_KEY] = proposal.target_group
    st.session_state[CODES_KEY] = sorted(proposal.municipalities)


def load(proposal: Proposal) -> None:
    """Button callback: make a compared proposal the one being built."""
    start(ReadProposal(proposal))


def apply_click(click: MapClick | None) -> None:
    """Toggle the clicked municipality, once per click (a second click on the same
    municipality is a new click, see `ui.map.click`, and takes it out again)."""
    if click is None or click.click == st.session_state.get(LAST_CLICK_KEY):
        return
    st.session_state[LAST_CLICK_KEY] = click.click
    codes = frozenset(st.session_state.get(CODES_KEY, []))
    st.session_state[CODES_KEY] = sorted(toggle(codes, click.code))


def inputs(coverage: Coverage, t: Translator) -> Proposal:
    """Draw the proposal's inputs; return the proposal they hold."""
    units = coverage.units
    first, second, third = st.columns([2, 2, 1])
    first.text_input(t("proposal_name"), key=NAME_KEY, max_chars=MAX_TEXT,
                     placeholder=t("proposal_name_placeholder"))
    second.text_input(t("proposal_organisation"), key=ORGANISATION_KEY, max_chars=MAX_TEXT,
                      placeholder=t("proposal_to_be_decided"))
    third.selectbox(t("proposal_target_group"), TARGET_GROUPS, key=GROUP_KEY,
                    format_func=lambda group: t(f"target_{group}"),
                    placeholder=t("choose_placeholder"))

    with st.expander(t("proposal_add_units"), expanded=False):
        unit_and_entry_inputs(coverage, PICKER_KEYS, t)
    municipality_list(units, PICKER_KEYS, t("proposal_municipalities"), t)
    # Always drawn (disabled when empty): an element that comes and goes above the map would
    # move the map in the page and make the browser rebuild it.
    st.button(t("proposal_clear"), on_click=lambda: st.session_state.update({CODES_KEY: []}),
              disabled=not st.session_state[CODES_KEY])
    group = st.session_state[GROUP_KEY]
    organisation = st.session_state[ORGANISATION_KEY].strip()
    return Proposal(name=st.session_state[NAME_KEY].strip(), organisation=organisation or None,
                    target_group=group if group in TARGET_GROUPS else "all",
                    municipalities=frozenset(st.session_state[CODES_KEY]))
