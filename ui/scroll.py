"""Bring the map into view after a button below it changed what the map shows."""

from __future__ import annotations

import json

import streamlit as st

MAP_SELECTOR = 'iframe[title*="st_folium"]'
"""The map's frame: streamlit-folium's component iframe (its title names the component)."""

SCROLL_REQUEST = "scroll_to_map"
"""Session-state flag set by a button's callback; the next run scrolls the map into view."""

_SCRIPT = """<script>
(function () {{
  let tries = 0;
  function scroll() {{
    const target = document.querySelector({selector});
    if (target) {{ target.scrollIntoView({{behavior: "smooth", block: "start"}}); return; }}
    if (++tries < 40) {{ setTimeout(scroll, 100); }}
  }}
  scroll();
}})();
</script>"""


def scroll_script(selector: str = MAP_SELECTOR) -> str:
    """A script that scrolls the first element matching `selector` into view (retrying for
    up to 4 s while the element is being drawn)."""
    return _SCRIPT.format(selector=json.dumps(selector))


def request_scroll_to_map() -> None:
    """Ask the next run to bring the map into view (for use in a button's callback)."""
    st.session_state[SCROLL_REQUEST] = True


def scroll_to_map_if_requested() -> bool:
    """Scroll the map into view if a callback asked for it in this run; return whether."""
    if not st.session_state.pop(SCROLL_REQUEST, False):
        return False
    st.html(scroll_script(), unsafe_allow_javascript=True)
    return True
