"""Bring a part of the page into view: the map after a button below it changed what the map
shows, the contact card after a municipality was selected (on a phone it sits above the map,
and after a click on the map it would otherwise be out of sight)."""

from __future__ import annotations

import json

import streamlit as st

from ui import plain_text

MAP_SELECTOR = 'iframe[title*="st_folium"]'
"""The map's frame: streamlit-folium's component iframe (its title names the component)."""

CARD_SELECTOR = "section.contact-card"
"""The contact card (`ui.card.card_html`)."""

SCROLL_REQUEST = "scroll_to_map"
"""Session-state flag set by a button's callback; the next run scrolls the map into view."""

_SCRIPT = """<script>
(function () {{
  // The page is still being laid out while the app's run finishes (the map is drawn anew),
  // so keep the target in view for a short while, unless the reader scrolls themself.
  let stopped = false;
  const stop = () => {{ stopped = true; }};
  for (const name of ["wheel", "touchstart", "keydown", "mousedown"]) {{
    window.addEventListener(name, stop, {{once: true, passive: true}});
  }}
  const started = Date.now();
  function keepInView() {{
    if (stopped || Date.now() - started > {hold_ms}) {{ return; }}
    const target = document.querySelector({selector});
    if (target) {{
      const top = target.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * {lowest}) {{
        target.style.scrollMarginTop = "4.5rem";  // clear of Streamlit's header bar
        target.scrollIntoView({{block: "start"}});
      }}
    }}
    setTimeout(keepInView, 100);
  }}
  keepInView();
}})();
</script>"""
HOLD_MS = 3000
"""How long the script keeps the target in view while the page settles."""


def scroll_script(selector: str = MAP_SELECTOR, lowest: float = 1 / 3) -> str:
    """A script that scrolls the first element matching `selector` into view and keeps it
    there for `HOLD_MS` while the page settles (stopping as soon as the reader scrolls)."""
    return _SCRIPT.format(selector=json.dumps(selector), hold_ms=HOLD_MS, lowest=f"{lowest:.3f}")


def request_scroll_to_map() -> None:
    """Ask the next run to bring the map into view (for use in a button's callback)."""
    st.session_state[SCROLL_REQUEST] = True


def bring_card_into_view() -> None:
    """Keep the contact card in view while the page settles (unless the reader scrolls). A card
    whose top is in the upper half of the window stays where it is, so the search box above it
    stays in sight on a laptop."""
    plain_text.run_script(plain_text.Markup(scroll_script(CARD_SELECTOR, lowest=0.5)))


def scroll_to_map_if_requested() -> bool:
    """Scroll the map into view if a callback asked for it in this run; return whether."""
    if not st.session_state.pop(SCROLL_REQUEST, False):
        return False
    plain_text.run_script(plain_text.Markup(scroll_script()))
    return True
