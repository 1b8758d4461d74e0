"""Building a proposal on the proposal page: name, organisation, target group, and the set of
municipalities (map clicks, whole units, an existing area, the keyboard-accessible list).

The set lives in the multiselect's session state (`CODES_KEY`); clicks and buttons change that
state before the list is drawn, so the list always shows the set.
"""

from __future__ import annotations

import streamlit as st

from coverage.engine import Coverage
from coverage.whatif import Proposal, toggle
from geodata import Units
from ui.i18n import Translator
from ui.map_click import MapClick
from ui.proposal_url import MAX_TEXT, TARGET_GROUPS, ReadProposal

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

UNIT_KINDS = ("safety_region", "province", "police_unit")


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
    municipality is a new click, see `ui.map_click`, and takes it out again)."""
    if click is None or click.click == st.session_state.get(LAST_CLICK_KEY):
        return
    st.session_state[LAST_CLICK_KEY] = click.click
    codes = frozenset(st.session_state.get(CODES_KEY, []))
    st.session_state[CODES_KEY] = sorted(toggle(codes, click.code))


def _change_codes(codes: frozenset[str], add: bool) -> None:
    current = frozenset(st.session_state.get(CODES_KEY, []))
    st.session_state[CODES_KEY] = sorted(current | codes if add else current - codes)


def _unit_codes(units: Units) -> frozenset[str]:
    kind, name = st.session_state.get(UNIT_KIND_KEY), st.session_state.get(UNIT_KEY)
    if kind not in UNIT_KINDS or name is None or name not in units.names_of(kind):
        return frozenset()
    return units.codes_of(kind, name)


def _unit_options(kind: str, units: Units) -> dict[str, str]:
    """Unit value → how it reads (safety regions by name and code)."""
    if kind == "safety_region":
        regions = units.safety_regions
        return {code: f"{name} ({code})" for code, name in
                sorted(zip(regions.index, regions["name"], strict=True),
                       key=lambda pair: pair[1])}
    values = sorted(units.municipalities[units.column_of(kind)].unique())
    return {value: value for value in values}


def inputs(coverage: Coverage, t: Translator) -> Proposal:
    """Draw the proposal's inputs; return the proposal they hold."""
    units = coverage.units
    names = units.municipalities["display_name"]
    first, second, third = st.columns([2, 2, 1])
    first.text_input(t("proposal_name"), key=NAME_KEY, max_chars=MAX_TEXT,
                     placeholder=t("proposal_name_placeholder"))
    second.text_input(t("proposal_organisation"), key=ORGANISATION_KEY, max_chars=MAX_TEXT,
                      placeholder=t("proposal_to_be_decided"))
    third.selectbox(t("proposal_target_group"), TARGET_GROUPS, key=GROUP_KEY,
                    format_func=lambda group: t(f"target_{group}"))

    with st.expander(t("proposal_add_units"), expanded=False):
        kind_column, unit_column = st.columns(2)
        kind = kind_column.selectbox(t("proposal_unit_kind"), UNIT_KINDS, key=UNIT_KIND_KEY,
                                     format_func=lambda kind: t(f"proposal_kind_{kind}"))
        options = _unit_options(kind, units)
        if st.session_state.get(UNIT_KEY) not in options:
            st.session_state[UNIT_KEY] = next(iter(options))
        unit_column.selectbox(t("proposal_unit"), list(options), key=UNIT_KEY,
                              format_func=options.__getitem__)
        add, remove, _ = st.columns([1, 1, 2])
        add.button(t("proposal_add"), on_click=lambda: _change_codes(_unit_codes(units), True))
        remove.button(t("proposal_remove"),
                      on_click=lambda: _change_codes(_unit_codes(units), False))
        entries = {entry.id: entry.area_wording for entry in coverage.snapshot.entries
                   if coverage.areas[entry.id]}
        if st.session_state.get(ENTRY_KEY) not in entries:
            st.session_state[ENTRY_KEY] = next(iter(entries))
        st.selectbox(t("proposal_entry"), list(entries), key=ENTRY_KEY,
                     format_func=entries.__getitem__)  # options are plain text
        st.button(t("proposal_start_from_entry"), on_click=lambda: st.session_state.update(
            {CODES_KEY: sorted(coverage.areas[st.session_state[ENTRY_KEY]])}))

    order = sorted(names.index, key=lambda code: names[code])
    st.multiselect(t("proposal_municipalities"), order, key=CODES_KEY,
                   format_func=lambda code: f"{names[code]} ({code})",
                   placeholder=t("proposal_municipalities_placeholder"))
    # Always drawn (disabled when empty): an element that comes and goes above the map would
    # move the map in the page and make the browser rebuild it.
    st.button(t("proposal_clear"), on_click=lambda: st.session_state.update({CODES_KEY: []}),
              disabled=not st.session_state[CODES_KEY])
    group = st.session_state[GROUP_KEY]
    organisation = st.session_state[ORGANISATION_KEY].strip()
    return Proposal(name=st.session_state[NAME_KEY].strip(), organisation=organisation or None,
                    target_group=group if group in TARGET_GROUPS else "all",
                    municipalities=frozenset(st.session_state[CODES_KEY]))
