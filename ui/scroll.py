"""Bring a part of the page into view: the map after a button below it changed what the map
shows, the contact card after a municipality was selected (on a phone it sits above the map,
and after a click on the map it would otherwise be out of sight).

Every request is a script of its own: Streamlit runs an `st.html` script when the element
arrives, and an element whose text is the same as the one already in its place is kept as it
is, so a script that read the same on every selection ran for the first one only (a second
search on a phone left the page at the top). Each request therefore carries a token, new for
every request (:func:`bring_card_into_view` counts them per session). The script is
`static/js/page/scroll.js`."""

from __future__ import annotations

import streamlit as st

from ui.text import plain_text
from ui.text.browser_code import page_script

MAP_SELECTOR = 'iframe[title*="st_folium"]'
"""The map's frame: streamlit-folium's component iframe (its title names the component)."""

CARD_SELECTOR = "section.contact-card"
"""The contact card (`ui.dashboard.card.card_html`)."""

CARD_NUMBER_SELECTOR = f'{CARD_SELECTOR} a[href^="tel:"]'
"""The card's first `tel:` link: what must be in view after a selection."""

CARD_REQUESTS_KEY = "card_scroll_requests"
"""Session state: how many times this session brought the card into view (the token)."""

HEADER_PX = 64
"""Streamlit's header bar: an element under it is not in view."""

SCROLL_REQUEST = "scroll_to_map"
"""Session-state flag set by a button's callback; the next run scrolls the map into view."""

HOLD_MS = 3000
"""How long the script keeps the target in view while the page settles."""


def scroll_script(selector: str = MAP_SELECTOR, lowest: float = 1 / 3, *,
                  watched: str | None = None, token: str = "") -> plain_text.Markup:
    """A script that scrolls the first element matching `selector` into view and keeps it
    there for `HOLD_MS` while the page settles (stopping as soon as the reader scrolls).

    The page is scrolled when the top of `selector`'s element lies above the header bar or
    below `lowest` of the window's height; with `watched`, when that element (e.g. the card's
    number) is not wholly above `lowest` (or lies under the header bar). `token` makes the
    script differ from the one before it (see the module's docstring)."""
    return page_script("page/scroll", {
        "token": token, "selector": selector, "holdMs": HOLD_MS, "lowest": round(lowest, 3),
        "watched": watched or selector, "watchedEdge": "bottom" if watched else "top",
        "headerPx": HEADER_PX if watched else 0})


def request_scroll_to_map() -> None:
    """Ask the next run to bring the map into view (for use in a button's callback)."""
    st.session_state[SCROLL_REQUEST] = True


def bring_card_into_view(selected: str) -> None:
    """Keep the contact card's first number in view while the page settles (unless the reader
    scrolls), for every selection of the session, however many came before: a card whose
    number is already wholly in the window stays where it is (the search box above it stays
    in sight on a laptop); else the card's top goes to the top of the window. `selected` (the
    municipality's code) and a per-session count make every request's script new."""
    count = int(st.session_state.get(CARD_REQUESTS_KEY, 0)) + 1
    st.session_state[CARD_REQUESTS_KEY] = count
    plain_text.run_script(scroll_script(CARD_SELECTOR, lowest=1.0, watched=CARD_NUMBER_SELECTOR,
                                        token=f"{selected}-{count}"))


def scroll_to_map_if_requested() -> bool:
    """Scroll the map into view if a callback asked for it in this run; return whether."""
    if not st.session_state.pop(SCROLL_REQUEST, False):
        return False
    plain_text.run_script(scroll_script())
    return True
