"""The proposal page, for anyone, without signing in: try a coordinator area and see at once
the border-rule verdict, the gain, the figures per status before and after, the overlaps per
target group and the map of the result; compare several proposals side by side.

The proposal lives in the address (`ui.proposal.url`), so a link shows the same proposal; the
map draws it from there (`ui.map.proposal_script`) and stays the same document on every run.
Comparison: "add to the comparison" keeps the proposal being built in a list (in the address
too, as `vergelijk`), shown in one table beside the proposal being built; any kept proposal can
be loaded back or removed.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from coverage.engine import Coverage
from coverage.quoting import quoted_input
from coverage.whatif import Proposal, WhatIf, evaluate
from ui.map.panel import clicked, legend_html, render_map
from ui.proposal import url as proposal_url
from ui.proposal.builder import CLICK_STATE_KEY, apply_click, inputs, load, needs_start, start
from ui.proposal.draft import draft_section
from ui.proposal.view import (
    comparison_row,
    comparison_table,
    gain_section,
    overlap_section,
    status_section,
    verdict_section,
)
from ui.shell.prelude import PageContext
from ui.shell.sidebar import map_options
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.url_parameters import echo

COMPARED_KEY = "proposal_compared"
REJECTED_KEY = "proposal_rejected"
COMPARED_DROPPED_KEY = "proposal_compared_dropped"
"""Session state: the link named proposals to compare that could not be read."""
KEPT_KEY = "proposal_kept"
SHOWN_TEXT = 80
"""The most characters of a proposal's name or organisation shown in its summary (a link can
carry 300: the form holds them all, the summary quotes them cut, so a link cannot put a long
"notice" on the page)."""
"""The proposal being built, kept beyond the page's widgets (which go when another page runs)."""


@st.cache_resource(show_spinner=False, max_entries=128)
def _evaluated(version_key: int, name: str, organisation: str | None, group: str,
               codes: str, _coverage: Coverage, _proposal: Proposal) -> WhatIf:
    """A proposal against a version, once per process (cached by the version and the
    proposal's parts)."""
    return evaluate(_coverage, _proposal)


def evaluated(version_key: int, coverage: Coverage, proposal: Proposal) -> WhatIf:
    """The what-if of a (non-empty) proposal against the version shown."""
    return _evaluated(version_key, proposal.name, proposal.organisation, proposal.target_group,
                      proposal_url.codes_text(proposal.municipalities), coverage, proposal)


def _start_from_address(coverage: Coverage) -> None:
    """Start from the proposal the address names; back from another page (whose address names
    none), from the proposal this session was building (so signing in on the edit page keeps
    it)."""
    kept = st.session_state.get(KEPT_KEY)
    if kept is not None and not any(name in st.query_params for name in proposal_url.PARAMETERS):
        load(kept)
        return
    known = coverage.units.municipalities.index
    read = proposal_url.read_proposal(st.query_params.to_dict(), known)
    start(read)
    compared, dropped = proposal_url.read_compared(
        st.query_params.get_all(proposal_url.COMPARE), known)
    st.session_state[COMPARED_KEY] = compared
    st.session_state[COMPARED_DROPPED_KEY] = dropped
    st.session_state[REJECTED_KEY] = read.unknown_codes


def _write_address(proposal: Proposal, compared: list[Proposal]) -> None:
    """Put the proposal and the compared ones in the address (only what changed)."""
    wanted: dict[str, str | list[str]] = dict(proposal_url.proposal_params(proposal))
    if compared:
        wanted[proposal_url.COMPARE] = [proposal_url.encode(each) for each in compared]
    for name in proposal_url.PARAMETERS:
        value = wanted.get(name)
        current = (st.query_params.get_all(name) if name == proposal_url.COMPARE
                   else st.query_params.get(name))
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif value != current:
            st.query_params[name] = value


def _keep(proposal: Proposal) -> None:
    compared: list[Proposal] = st.session_state[COMPARED_KEY]
    if proposal not in compared and len(compared) < proposal_url.MAX_COMPARED:
        st.session_state[COMPARED_KEY] = [*compared, proposal]


def _drop(position: int) -> None:
    compared = list(st.session_state[COMPARED_KEY])
    del compared[position]
    st.session_state[COMPARED_KEY] = compared


def _comparison(proposal: Proposal, version_key: int, coverage: Coverage,
                t: Translator) -> None:
    """The proposals kept for comparison, with the one being built, side by side."""
    plain_text.heading(t("proposal_compare_heading"))
    compared: list[Proposal] = st.session_state[COMPARED_KEY]
    if proposal.municipalities:
        st.button(t("proposal_compare_add"), on_click=_keep, args=(proposal,),
                  disabled=proposal in compared or len(compared) >= proposal_url.MAX_COMPARED)
    if not compared:
        plain_text.caption(t("proposal_compare_empty"))
        return
    rows = []
    if proposal.municipalities and proposal not in compared:
        row = comparison_row(evaluated(version_key, coverage, proposal), t)
        rows.append([t("proposal_being_built", name=row[0]), *row[1:]])
    rows += [comparison_row(evaluated(version_key, coverage, each), t) for each in compared]
    comparison_table(rows, t)
    for position, each in enumerate(compared):
        name = each.name or t("proposal_unnamed")
        load_column, drop_column, _ = st.columns([2, 2, 3])
        load_column.button(plain_text.label(t("proposal_load", name=name)),
                           key=f"proposal-load-{position}", on_click=load, args=(each,))
        drop_column.button(plain_text.label(t("proposal_drop", name=name)),
                           key=f"proposal-drop-{position}", on_click=_drop, args=(position,))


def show_proposal_page(context: PageContext) -> None:
    """The proposal page below the shared prelude."""
    t, shown = context.t, context.shown
    coverage = shown.coverage
    if needs_start():
        _start_from_address(coverage)
    apply_click(clicked(CLICK_STATE_KEY))

    st.title(t("proposal_title"))
    plain_text.paragraph(t("proposal_intro"))
    if st.session_state.get(REJECTED_KEY):
        plain_text.paragraph(t("proposal_url_unknown_note"))
        plain_text.echo(t("echo_link", text=echo(", ".join(st.session_state[REJECTED_KEY]))))
    if st.session_state.get(COMPARED_DROPPED_KEY):
        plain_text.caption(t("proposal_compare_dropped"))
    proposal = inputs(coverage, t)
    st.session_state[KEPT_KEY] = proposal
    _write_address(proposal, st.session_state[COMPARED_KEY])

    map_column, result_column = st.columns([3, 2], gap="medium")
    with map_column:
        options = replace(map_options(context.chosen, None), proposal=True)
        render_map(coverage, shown.key, options, t, click_state_key=CLICK_STATE_KEY)
        plain_text.show_markup(legend_html(t, proposal=True))
    with result_column:
        if not proposal.municipalities:
            plain_text.info(t("proposal_empty"))
        else:
            answer = evaluated(shown.key, coverage, proposal)
            if proposal.name:  # the link's words, marked as the proposal's name and cut
                plain_text.heading(t("proposal_named", name=quoted_input(proposal.name,
                                                                         SHOWN_TEXT)))
            organisation = (quoted_input(proposal.organisation, SHOWN_TEXT)
                            if proposal.organisation else t("proposal_to_be_decided"))
            plain_text.emphasised(t("proposal_summary", count=len(proposal.municipalities),
                                    group=t(f"target_{proposal.target_group}")),
                                  " " + t("proposal_by", organisation=organisation))
            verdict_section(answer, coverage, t)
            gain_section(answer, coverage, t)
            overlap_section(answer, coverage, t)
    if proposal.municipalities:
        status_section(evaluated(shown.key, coverage, proposal), t)
    _comparison(proposal, shown.key, coverage, t)
    draft_section(proposal, coverage, t)
