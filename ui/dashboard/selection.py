"""Which municipality is selected, from the URL, the search box and clicks on the map.

Pure logic: the app passes in what happened on this run and gets back the new state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coverage.search import MunicipalityIndex, SearchResult
from ui.dashboard.search_offers import offer_for
from ui.map.click import MapClick
from ui.url_parameters import echo, municipality_text


@dataclass(frozen=True)
class SelectionState:
    """What is selected, and the inputs already acted on (so none is acted on twice)."""

    selected: str | None = None
    last_search: str = ""
    last_click: str | None = None
    """The id of the last map click acted on (:attr:`ui.map.click.MapClick.click`)."""
    search_result: SearchResult | None = None
    """The latest search that did not give exactly one municipality, for the UI to resolve."""
    url_rejected: str | None = None
    """A `?gemeente=` value that named no single municipality, cut to at most
    :data:`ui.url_parameters.ECHO_LIMIT` characters (:func:`ui.url_parameters.echo`)."""


def find(index: MunicipalityIndex, text: str) -> SearchResult:
    """What `text` names: the offer of the search box it labels ("Hoofddorp — gemeente
    Haarlemmermeer"), else any name, code, place or postcode; nothing for a text longer than
    any of them (which is not looked up at all: :data:`ui.url_parameters.MAX_MUNICIPALITY_TEXT`)."""
    if municipality_text(text) is None:
        return SearchResult(text, ())
    offer = offer_for(index, text)
    return index.result_for(offer, text) if offer is not None else index.find(text)


def initial_state(url_value: str | None, index: MunicipalityIndex) -> SelectionState:
    """The state of a new session: the municipality the URL names (`GM0193` or a name)."""
    if not url_value or not url_value.strip():
        return SelectionState()
    code = find(index, url_value).unique
    return SelectionState(selected=code, url_rejected=None if code else echo(url_value))


def next_state(state: SelectionState, *, search_text: str, clicked: MapClick | None,
               index: MunicipalityIndex) -> SelectionState:
    """Apply this run's inputs: a new click wins, then a changed search text.

    A click is new when its id differs from the last one acted on, so a second click on the
    municipality clicked before (after a search selected another) selects it again.
    """
    if clicked is not None and clicked.click != state.last_click:
        return replace(state, selected=clicked.code, last_click=clicked.click,
                       search_result=None, url_rejected=None)
    if search_text != state.last_search:
        state = replace(state, last_search=search_text, search_result=None)
        if not search_text.strip():
            return state
        result = find(index, search_text)
        if result.unique:
            # Kept when there is something to say beside the card: the place or postcode that
            # led to the municipality, or places of the same name in other municipalities.
            explained = bool(result.via_of(result.unique) or result.alternatives)
            return replace(state, selected=result.unique, url_rejected=None,
                           search_result=result if explained else None)
        return replace(state, search_result=result)
    return state


def choose(state: SelectionState, code: str | None) -> SelectionState:
    """Select a municipality picked from a list of search results (or clear with None)."""
    return replace(state, selected=code, search_result=None, url_rejected=None)


def search_box_text(state: SelectionState, text: str, index: MunicipalityIndex) -> str | None:
    """What the search box shows after this run's inputs, so that it stays in step with the
    selection: its own `text` while that names the selected municipality (or a search result
    about it is shown); else the selected municipality's name (a click, a link or a pick chose
    it), or nothing when nothing is selected."""
    if state.search_result is not None and state.search_result.query == text:
        return text
    if state.selected is None:
        return text if text and find(index, text).unique is None else None
    if text and find(index, text).unique == state.selected:
        return text
    return index.offer_of(state.selected)
