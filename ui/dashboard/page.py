"""The dashboard page, top to bottom: search; map beside the contact card; views for the
national picture, gaps, the border rule, the coordinators, the changes between versions,
downloads and the history of versions. Everything shown is computed in `coverage/`, the versions
come from `registry/`; `ui.shell.pages` runs it after `ui.shell.prelude`, which every page shares:
the sidebar's choices (language, version of the register, map layers) and the checked data; the
sidebar is drawn after the page.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from coverage.engine import Coverage
from ui import data
from ui.dashboard import overview, views
from ui.dashboard.card import CARD_CSS, card_html
from ui.dashboard.correction_form import correction_form
from ui.dashboard.history import history
from ui.dashboard.region_view import FOCUS_KEY
from ui.dashboard.search import box_text, render_search, search_text, show_in_search
from ui.dashboard.selection import (
    SelectionState,
    choose,
    initial_state,
    next_state,
    search_box_text,
)
from ui.dashboard.view_links import VIEW_KEY, VIEW_PARAMETERS, read_link, write_view
from ui.first_screen import first_screen_only, show_waiting_mark
from ui.map.panel import clicked, legend_html, render_map, show_focus, summary_text
from ui.scroll import bring_card_into_view
from ui.shell.prelude import PageContext
from ui.shell.sidebar import (
    map_options,
)
from ui.text import plain_text

MAP_AND_CARD = "map_and_card"
"""Key of the container of the map and the card (Streamlit gives it the class `st-key-…`)."""

NARROW_SCREEN_STYLE = plain_text.Markup(
    "<style>@media (max-width: 640px) {"
    f" .st-key-{MAP_AND_CARD} [data-testid='stHorizontalBlock']"
    " {flex-direction: column-reverse;} }</style>")
"""On a screen where the columns stack (Streamlit: below 640 px), the card column comes before
the map, so the number is on the first screen."""

COMPACT_HEADER = "page_header_compact"
"""Key of the title and intro's container once a municipality is chosen: on a phone the title
is small and the intro is left out, so the card comes high on the first screen."""

COMPACT_HEADER_STYLE = plain_text.Markup(
    "<style>@media (max-width: 640px) {"
    f" .st-key-{COMPACT_HEADER} h1 {{font-size: 1.35rem; padding: 0.25rem 0 0 0;}}"
    f" .st-key-{COMPACT_HEADER} [data-testid='stHeadingWithActionElements'] a {{display: none;}}"
    f" .st-key-{COMPACT_HEADER} [data-testid='stElementContainer']:has(.plain-text)"
    " {display: none;} }</style>")


def show_dashboard(context: PageContext) -> None:
    """The dashboard below the shared prelude: search, map and card, views."""
    t, versions, chosen, shown = context.t, context.versions, context.chosen, context.shown
    coverage = shown.coverage

    # Selection: the link on a new session, then clicks on the map and the search box. The map
    # outlines the selection itself, from the `gemeente` parameter written here.
    index = data.municipality_index()
    first_run = "selection" not in st.session_state
    if first_run:
        st.session_state.selection = initial_state(st.query_params.get("gemeente"), index)
    before: SelectionState = st.session_state.selection
    state = next_state(before, search_text=search_text(), clicked=clicked(), index=index)
    # The search box follows the selection (a click on Utrecht shows "Utrecht" there).
    shown_text = box_text(search_box_text(state, search_text(), index), index, t)
    if (shown_text or "") != search_text():
        show_in_search(shown_text)
        state = replace(state, last_search=shown_text or "")
    st.session_state.selection = state
    if state.selected:
        st.query_params["gemeente"] = state.selected
    elif "gemeente" in st.query_params:
        del st.query_params["gemeente"]

    with st.container(key=COMPACT_HEADER if state.selected else "page_header"):
        st.title(t("page_title"))
        plain_text.paragraph(t("page_intro"))
        if state.selected:
            plain_text.show_markup(COMPACT_HEADER_STYLE)

    # On a narrow screen the columns stack: the card comes first there (NARROW_SCREEN_STYLE).
    plain_text.show_markup(NARROW_SCREEN_STYLE)
    map_column, card_column = st.container(key=MAP_AND_CARD).columns([3, 2], gap="medium")
    # The map first: a fresh browser fetches Streamlit's code in many small files, six at a
    # time, in the order the elements arrive. On a later run the map is a reference to the
    # message the browser holds, so the card is not held up by it.
    with map_column:
        shown_area = st.session_state.get("shown_area")
        if shown_area not in coverage.areas:
            shown_area = None
        render_map(coverage, shown.key, map_options(chosen, shown_area), t)
        if shown_area:
            plain_text.info(t("showing_area", wording=coverage.entry(shown_area).area_wording))
            st.button(t("stop_showing_area"), on_click=views.show_area, args=(None,))
        plain_text.caption(summary_text(coverage, shown.key, t))

    # The number first: the search box, then the card above the legend, brought into view
    # when a search, a click or a link selects a municipality. The search box comes on the
    # next run (into its place here), once the map has drawn (ui.first_screen).
    with card_column:
        search_slot = st.container()
        correction_slot = answer = None
        if state.selected:
            answer = data.answers(shown)[state.selected]
            since = data.status_since_for(versions, shown.number).get(state.selected)
            plain_text.show_markup(plain_text.join([CARD_CSS, card_html(answer, t, since)]))
            correction_slot = st.container()  # "Klopt dit nummer niet?", after the first screen
            if state.selected != before.selected or first_run:
                bring_card_into_view(state.selected)
            if st.button(t("clear_selection")):
                st.session_state.selection = choose(state, None)
                st.rerun()
        else:
            plain_text.info(t("no_selection"))
        plain_text.show_markup(legend_html(t, caveat=not state.selected))  # once on the page

    # A session's first run stops here: the rest once the map has drawn (ui.first_screen).
    with search_slot:
        if first_screen_only():
            show_waiting_mark(t)
            return
        render_search(state, index, t)
    if correction_slot is not None and answer is not None and not context.offline:
        with correction_slot:
            correction_form(state.selected, answer.municipality.display_name, shown.number, t)

    # The views below the map; only the open one runs.
    shown_views = {
        t("tab_overview"): lambda: (overview.national_picture(
            with_previous(chosen.version, context.offline), coverage, t, shown.key,
            charts=False), overview.contacts_due(coverage, data.check_age(), t, shown.key)),
        t("tab_charts"): lambda: (overview.national_picture(
            with_previous(chosen.version, context.offline), coverage, t, shown.key,
            charts=True), overview.coverage_over_time(data.coverage_history(versions), t)),
        t("tab_gaps"): lambda: views.gaps(coverage, shown.key, t, info=next(
            info for info in versions if info.number == chosen.version)),
        t("tab_border"): lambda: views.border_rule(coverage, t),
        t("tab_coordinators"): lambda: views.coordinators(coverage, t),
        t("tab_changes"): lambda: views.changes(versions, chosen.version, t),
        t("tab_downloads"): lambda: views.downloads(coverage, t),
        t("tab_history"): lambda: history(versions, t),
    }
    # A link's view and region, read once per session (ui.dashboard.view_links).
    labels = {key: t(key) for key in VIEW_PARAMETERS}
    read_link(coverage, labels)
    opened = None
    for label, tab, show in zip(shown_views,
                                st.tabs(list(shown_views), key=VIEW_KEY, on_change="rerun"),
                                shown_views.values(), strict=True):
        if tab.open:
            opened = label
            with tab:
                show()
    write_view(next((key for key, label in labels.items() if label == opened), None))
    # The map follows the region chosen in the gaps view while that view is open.
    show_focus(st.session_state.get(FOCUS_KEY) if opened == t("tab_gaps") else None)


def with_previous(number: int, offline: bool = False) -> dict[str, Coverage]:
    """The version before `number` (if any, and not while the database does not answer) and
    `number` itself, oldest first: the changes the national picture counts."""
    first = number if offline else number - 1
    return {str(each): data.shown(each).coverage for each in (first, number) if each >= 1}
