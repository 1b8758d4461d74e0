"""A session's first dashboard page in two steps: the map and the card, then everything else.

The page and the map's frame (same origin) share the browser's one main thread, so whatever
the page draws while the frame loads delays the polygons: above all the search box (a combobox
and its twenty code files), then the views below the map and the sidebar: drawn in two runs, the
polygons come sooner than in one, no later than the naive one-map app's (`bench/first_paint.py`;
the figures are in the README's benchmark section). On the first run of a session the
dashboard therefore sends its first screen only: the title, the map, the card (a link's number
at once) and the legend, with a line where the search box comes (:data:`WAITING_MARK`). The
search box, the views and the sidebar follow in the next run, which the map asks for as soon as
its polygons are drawn (`ui.map.selection_script` sends ``{"drawn": ...}`` as the component's
value while the page shows the mark), or which a timer starts :data:`REST_AFTER_S` seconds
after the first run when the map never reports (a fragment that reruns the app; a full run
stops its timer). Every later run draws the whole page.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from ui.text import plain_text
from ui.text.i18n import Translator
from ui.timed_fragment import on_ticks_only

__all__ = ["DONE", "REST_AFTER_S", "STATE_KEY", "WAITING", "WAITING_MARK", "first_screen_only",
           "rest_waits", "show_waiting_mark", "start_run"]

STATE_KEY: Final = "first_screen"
"""Session state: absent before the dashboard's first run, :data:`WAITING` during it,
:data:`DONE` from the next run on (whatever page that run shows)."""
WAITING: Final = "waiting"
DONE: Final = "done"

WAITING_MARK: Final = "coverage-rest-waits-for-map"
"""Key of the container shown where the search box comes (Streamlit gives it the class
``st-key-…``); the map reports its polygons drawn while the page has it."""

REST_AFTER_S: Final = 3.0
"""When the map has not reported after this many seconds, the rest of the page comes anyway."""


def start_run() -> None:
    """Call at the start of every run, before the page: a first screen lasts one run."""
    if st.session_state.get(STATE_KEY) == WAITING:
        st.session_state[STATE_KEY] = DONE


def first_screen_only() -> bool:
    """Tell whether this dashboard run draws the first screen only: true on the first
    dashboard run of a session."""
    if STATE_KEY in st.session_state:
        return False
    st.session_state[STATE_KEY] = WAITING
    return True


def rest_waits() -> bool:
    """Tell whether this run is a first screen (the sidebar, drawn after the page, waits too)."""
    return st.session_state.get(STATE_KEY) == WAITING


def show_waiting_mark(t: Translator) -> None:
    """Where the search box comes: a short line in the reader's language, the mark the map
    looks for, and the timer that brings the rest should the map never report."""
    with st.container(key=WAITING_MARK):
        plain_text.caption(t("search_coming"))
        _rest_after_a_while()


@on_ticks_only(every_s=REST_AFTER_S)
def _rest_after_a_while() -> None:
    """Rerun the whole app on the timer's first tick."""
    if rest_waits():
        st.rerun(scope="app")
