"""The keyboard path through the page: the search box first, the map out of the way.

- The first Tab on a page that has no focus yet goes to the search box (Streamlit's own order
  starts with its skip link and the sidebar); Shift+Tab from there still reaches those.
- The map's frame leaves the tab order (`tabindex="-1"`: Chromium then skips the map's zoom
  buttons, layer switches and polygons, about 20 stops), and so does everything in it (a frame
  out of the tab order must hold nothing tabbable), and it gets a name for screen readers. The
  map has a text alternative below it, and the search reaches every municipality, so nothing
  on the map needs the keyboard. From the search box to the contact card's `tel:` link is then
  a few Tab presses (tests/e2e/test_keyboard.py counts them).

The script (`static/js/page/keyboard.js`) runs in the page's document (it is the app's own,
like `ui/scroll.py`) and keeps doing so as Streamlit redraws the page (a map drawn anew is a new
frame).
"""

from __future__ import annotations

import streamlit as st

from ui.scroll import MAP_SELECTOR
from ui.text import plain_text
from ui.text.browser_code import page_script
from ui.text.i18n import Translator

SEARCH_INPUT_SELECTOR = ".st-key-search input"
"""The search box's text field (Streamlit gives the widget keyed `search` the class
`st-key-search`)."""



def keyboard_script(map_name: str) -> plain_text.Markup:
    """The script that puts the search first in the tab order and takes the map out of it,
    naming the map's frame `map_name` for screen readers."""
    return page_script("page/keyboard", {"mapSelector": MAP_SELECTOR,
                                         "searchSelector": SEARCH_INPUT_SELECTOR,
                                         "mapName": map_name})


def keyboard_path(t: Translator) -> None:
    """Install the keyboard path (see the module's docstring). Its element, empty, goes in the
    sidebar, so the main column gains no gap."""
    with st.sidebar:
        plain_text.run_script(keyboard_script(t("map_label")))
