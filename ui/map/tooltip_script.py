"""The municipalities' tooltip kept inside the map, never cut off at its edges.

Leaflet places a sticky tooltip beside the pointer, left or right of it by the map's centre and
centred on it vertically, so near the top or bottom edge (the Wadden islands, South Limburg)
or beside a long name it runs out of the map's iframe and is clipped. This script wraps the
tooltip's placement (``L.Tooltip._setPosition`` of the Leaflet in ``static/``, 1.9.3, see
:data:`ui.map.offline.LEAFLET_VERSION`): after Leaflet has placed it, the tooltip is moved back
inside the map's container with :data:`MARGIN_PX` to spare, and it is never wider than the
map (on a narrow screen its lines wrap). A click on a municipality hides the tooltip until the
pointer leaves it, so the municipality just chosen is not covered. The map's script is
``static/js/map/tooltip.js``.
"""

from __future__ import annotations

from typing import Final

from ui.map.browser_script import BrowserScript
from ui.map.styled_geojson import StyledGeoJson
from ui.text.browser_code import data

__all__ = ["MARGIN_PX", "TooltipInView"]

MARGIN_PX: Final = 4
"""Pixels kept between the tooltip and the map's edge."""


class TooltipInView(BrowserScript):
    """Keep a layer's tooltip inside the map. Add it after the layer (and its tooltip)."""

    script_name = "map/tooltip"

    def __init__(self, layer: StyledGeoJson, margin: int = MARGIN_PX) -> None:
        """Args:
            layer: The layer whose tooltip (``bindTooltip``, e.g. a ``GeoJsonTooltip``) is kept
                inside the map.
            margin: Pixels kept between the tooltip and the map's edge.
        """
        super().__init__()
        self._name = "TooltipInView"
        self.layer = layer
        self.margin = margin

    def arguments(self) -> list[str]:
        """The map, the layer, the configuration (the margin)."""
        return [self._parent.get_name(), self.layer.get_name(), data({"margin": self.margin})]
