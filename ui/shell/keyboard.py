"""The keyboard path through the page: the search box first, the map out of the way.

- The first Tab on a page that has no focus yet goes to the search box (Streamlit's own order
  starts with its skip link and the sidebar); Shift+Tab from there still reaches those.
- The map's frame leaves the tab order (`tabindex="-1"`: Chromium then skips the map's zoom
  buttons, layer switches and polygons, about 20 stops), and so does everything in it (a frame
  out of the tab order must hold nothing tabbable), and it gets a name for screen readers. The
  map has a text alternative below it, and the search reaches every municipality, so nothing
  on the map needs the keyboard. From the search box to the contact card's `tel:` link is then
  a few Tab presses (tests/e2e/test_keyboard.py counts them).

The script runs in the page's document (it is the app's own, like `ui/scroll.py`) and keeps
doing so as Streamlit redraws the page (a map drawn anew is a new frame).
"""

from __future__ import annotations

import json

import streamlit as st

from ui.scroll import MAP_SELECTOR
from ui.text import plain_text
from ui.text.i18n import Translator

SEARCH_INPUT_SELECTOR = ".st-key-search input"
"""The search box's text field (Streamlit gives the widget keyed `search` the class
`st-key-search`)."""

_SCRIPT = """<script>
(function () {{
  const mapSelector = {map_selector}, searchSelector = {search_selector}, mapName = {map_name};
  const state = window.__coverageKeyboard || (window.__coverageKeyboard = {{}});
  state.mapName = mapName;  // the language may change between runs
  const focusable = "a[href], button, input, select, textarea, [tabindex]";
  function untab(root) {{
    for (const element of root.querySelectorAll(focusable)) {{
      if (element.getAttribute("tabindex") !== "-1") {{ element.setAttribute("tabindex", "-1"); }}
    }}
  }}
  function tidyInside(frame) {{
    // The frame is the app's own origin: its zoom buttons, layer switches and the map itself
    // leave the tab order too (a frame out of the tab order must hold nothing tabbable).
    let inner = null;
    try {{ inner = frame.contentDocument; }} catch (error) {{ return; }}
    if (!inner || !inner.body) {{ return; }}
    untab(inner);
    if (inner.__coverageUntabbed) {{ return; }}
    inner.__coverageUntabbed = true;
    new MutationObserver(() => untab(inner))
      .observe(inner.body, {{childList: true, subtree: true}});
  }}
  function tidyMaps() {{
    for (const frame of document.querySelectorAll(mapSelector)) {{
      if (frame.getAttribute("tabindex") !== "-1") {{ frame.setAttribute("tabindex", "-1"); }}
      if (frame.getAttribute("aria-label") !== state.mapName) {{
        frame.setAttribute("aria-label", state.mapName);
      }}
      if (!frame.__coverageLoadWatched) {{
        frame.__coverageLoadWatched = true;
        frame.addEventListener("load", () => tidyInside(frame));
      }}
      tidyInside(frame);
    }}
  }}
  tidyMaps();
  if (state.installed) {{ return; }}
  state.installed = true;
  new MutationObserver(tidyMaps).observe(document.body, {{childList: true, subtree: true}});
  document.addEventListener("keydown", (event) => {{
    const nothingFocused = !document.activeElement || document.activeElement === document.body;
    if (event.key !== "Tab" || event.shiftKey || !nothingFocused) {{ return; }}
    const search = document.querySelector(searchSelector);
    if (search) {{ event.preventDefault(); search.focus(); }}
  }}, true);
}})();
</script>"""


def keyboard_script(map_name: str) -> plain_text.Markup:
    """The script that puts the search first in the tab order and takes the map out of it,
    naming the map's frame `map_name` for screen readers."""
    return plain_text.Markup(_SCRIPT.format(map_selector=json.dumps(MAP_SELECTOR),
                                            search_selector=json.dumps(SEARCH_INPUT_SELECTOR),
                                            map_name=json.dumps(map_name)))


def keyboard_path(t: Translator) -> None:
    """Install the keyboard path (see the module's docstring). Its element, empty, goes in the
    sidebar, so the main column gains no gap."""
    with st.sidebar:
        plain_text.run_script(keyboard_script(t("map_label")))
