"""The open view and the gaps view's region in the page's address, so a link or a reload
shows what the reader chose.

- `?weergave=` names the open view by a word that does not depend on the language
  (:data:`VIEW_PARAMETERS`); the first view, open by default, is left out.
- `?veiligheidsregio=`, `?politie-eenheid=`, `?provincie=`
  (:data:`ui.map.focus_script.FOCUS_PARAMETERS`) name the region chosen in the gaps view; they
  stay in the address while that view is open (the map follows them then).

A new session reads them once (:func:`read_link`): a region opens the gaps view (unless the
link names another view) with that region chosen in its boxes. Values are bounded and checked
against what the page knows (:func:`ui.url_parameters.known_choice`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import streamlit as st

from coverage.engine import Coverage
from ui.dashboard.region_view import FILTER_KEYS
from ui.map.focus import Focus, RegionKind
from ui.map.focus_script import FOCUS_PARAMETERS
from ui.url_parameters import known_choice

__all__ = ["VIEW_KEY", "VIEW_PARAMETER", "VIEW_PARAMETERS", "link_focus", "read_link",
           "write_view"]

VIEW_KEY: Final = "view"
"""The view tabs' widget key (its state: the open tab's label)."""
VIEW_PARAMETER: Final = "weergave"
VIEW_PARAMETERS: Final[dict[str, str]] = {
    "tab_overview": "landelijk", "tab_charts": "grafieken", "tab_gaps": "hiaten",
    "tab_border": "grensregel", "tab_coordinators": "zorgcoordinatoren",
    "tab_changes": "wijzigingen", "tab_downloads": "downloads", "tab_history": "geschiedenis"}
"""The views' text keys (:mod:`ui.text.i18n`) → their word in the address."""
READ_KEY: Final = "view_link_read"
"""Session state: the link's view and region were read (once per session)."""


def _known_regions(coverage: Coverage) -> dict[RegionKind, set[str]]:
    table = coverage.municipalities
    return {"safety_region": set(coverage.units.safety_regions.index),
            "province": set(table["province"].astype(str)),
            "police_unit": set(table["police_unit"].astype(str))}


def link_focus(parameters: Mapping[str, str], coverage: Coverage) -> Focus:
    """The region a link names, most specific first (safety region, police unit, province);
    None when it names none the register knows."""
    known = _known_regions(coverage)
    for kind, name in FOCUS_PARAMETERS.items():
        value = known_choice(parameters.get(name), known[kind])  # type: ignore[index]
        if value is not None:
            return (kind, value)  # type: ignore[return-value]
    return None


def read_link(coverage: Coverage, labels: Mapping[str, str]) -> None:
    """Once per session, before the views are drawn: open the view the link names, and choose
    its region in the gaps view's boxes (which opens that view unless the link names another).
    `labels`: the views' text keys → their labels in the page's language."""
    if st.session_state.get(READ_KEY):
        return
    st.session_state[READ_KEY] = True
    parameters = {name: st.query_params[name] for name in st.query_params}
    by_word = {word: key for key, word in VIEW_PARAMETERS.items()}
    view = known_choice(parameters.get(VIEW_PARAMETER), by_word)
    focus = link_focus(parameters, coverage)
    if focus is not None:
        kind, value = focus
        st.session_state[FILTER_KEYS[kind]] = value
        view = view or VIEW_PARAMETERS["tab_gaps"]
    if view is not None and by_word[view] in labels:
        st.session_state[VIEW_KEY] = labels[by_word[view]]


def write_view(opened_key: str | None) -> None:
    """Keep the open view in the address (the first view, the default, is left out)."""
    word = VIEW_PARAMETERS.get(opened_key or "")
    if word is None or opened_key == next(iter(VIEW_PARAMETERS)):
        if VIEW_PARAMETER in st.query_params:
            del st.query_params[VIEW_PARAMETER]
    elif st.query_params.get(VIEW_PARAMETER) != word:
        st.query_params[VIEW_PARAMETER] = word
