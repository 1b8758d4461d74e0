"""The map on a touch screen: one finger scrolls the page, two move the map, a tap selects the
municipality under the finger.

Done by the map's own script (no plugin, nothing downloaded), on the Leaflet in ``static/``
(1.9.3, :data:`ui.map.offline.LEAFLET_VERSION`), as Leaflet's gesture-handling plugins do:

- **Scrolling.** On a device with a touch screen the map's container gets ``touch-action:
  pan-y``, so a one-finger swipe is the browser's own: the page scrolls (the map's frame does
  not scroll, so the scroll passes to the page). Leaflet's one-finger dragging is switched off
  as a touch begins (and on again when a mouse button goes down, for a laptop with a touch
  screen). Two fingers pinch and move the map (Leaflet's touch zoom, which also pans); a
  two-finger move is kept from scrolling the page. A one-finger swipe on the map shows
  :attr:`TouchScript.hint` ("two fingers to move the map") for a moment.
- **Tapping.** Chromium moves a tap to the "best" clickable element within the finger's reach,
  judged by bounding boxes: at the opening zoom on a phone (municipalities 12 to 27 px wide) a
  tap in the middle of Dordrecht went to Sliedrecht, whose box lies inside Dordrecht's. So a
  short tap (moved at most :data:`TAP_TOLERANCE_PX`) is resolved here: the municipality whose
  polygon holds the point under the finger gets Leaflet's ``click`` (as a mouse click gives
  it, so :mod:`ui.map.selection_script` and :mod:`ui.map.proposal_script` take it as they
  take a click), and the browser's own click is cancelled.

The map's script is ``static/js/map/touch.js``.
"""

from __future__ import annotations

from typing import Final

from ui.map.browser_script import BrowserScript
from ui.map.styled_geojson import StyledGeoJson
from ui.text.browser_code import data

__all__ = ["HINT_MS", "TAP_MS", "TAP_TOLERANCE_PX", "TouchScript"]

TAP_TOLERANCE_PX: Final = 10
"""The most a finger may move between touching and lifting for a tap."""
TAP_MS: Final = 600
"""The longest touch that is still a tap."""
HINT_MS: Final = 1500
"""How long the hint shows after a one-finger swipe on the map."""


_CSS: Final = (
    "<style>.coverage-touch-hint {position: absolute; inset: 0; z-index: 1000; display: flex;"
    " align-items: center; justify-content: center; pointer-events: none;"
    " background: rgba(0, 0, 0, 0.45); color: #fff; font: 600 16px/1.3 sans-serif;"
    " text-align: center; padding: 1rem; opacity: 0; transition: opacity 0.2s;}"
    " .coverage-touch-hint.shown {opacity: 1;}</style>")


class TouchScript(BrowserScript):
    """Gesture handling and exact taps for the municipalities' layer. Add it after the layer."""

    script_name = "map/touch"
    css = _CSS

    def __init__(self, municipalities: StyledGeoJson, hint: str = "",
                 tolerance: int = TAP_TOLERANCE_PX, tap_ms: int = TAP_MS,
                 hint_ms: int = HINT_MS) -> None:
        """Args:
            municipalities: The layer whose features (``properties.code``) a tap selects.
            hint: Shown over the map after a one-finger swipe on it (the reader's language,
                HTML-escaped like every text on the map); none when empty.
            tolerance: :data:`TAP_TOLERANCE_PX`.
            tap_ms: :data:`TAP_MS`.
            hint_ms: :data:`HINT_MS`.
        """
        super().__init__()
        self._name = "TouchScript"
        self.municipalities = municipalities
        self.hint = hint
        self.tolerance = tolerance
        self.tap_ms = tap_ms
        self.hint_ms = hint_ms

    def arguments(self) -> list[str]:
        """The map, the municipalities' layer, the configuration."""
        return [self._parent.get_name(), self.municipalities.get_name(),
                data({"hint": self.hint, "tolerance": self.tolerance, "tapMs": self.tap_ms,
                      "hintMs": self.hint_ms})]
