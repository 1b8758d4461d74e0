"""The municipalities' tooltip kept inside the map, never cut off at its edges.

Leaflet places a sticky tooltip beside the pointer, left or right of it by the map's centre and
centred on it vertically, so near the top or bottom edge (the Wadden islands, South Limburg)
or beside a long name it runs out of the map's iframe and is clipped. This script wraps the
tooltip's placement (``L.Tooltip._setPosition`` of the Leaflet in ``static/``, 1.9.3, see
:data:`ui.map.offline.LEAFLET_VERSION`): after Leaflet has placed it, the tooltip is moved back
inside the map's container with :data:`MARGIN_PX` to spare, and it is never wider than the
map (on a narrow screen its lines wrap). A click on a municipality hides the tooltip until the
pointer leaves it, so the municipality just chosen is not covered.
"""

from __future__ import annotations

from typing import Final

from branca.element import MacroElement
from folium.template import Template

from ui.map.styled_geojson import StyledGeoJson

__all__ = ["MARGIN_PX", "TooltipInView"]

MARGIN_PX: Final = 4
"""Pixels kept between the tooltip and the map's edge."""


class TooltipInView(MacroElement):
    """Keep a layer's tooltip inside the map. Add it after the layer (and its tooltip)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var tooltip = {{ this.layer.get_name() }}.getTooltip();
            if (!tooltip) { return; }
            var margin = {{ this.margin|tojson }}, place = tooltip._setPosition;
            tooltip._setPosition = function (position) {
                var container = this._container, box = map.getContainer().getBoundingClientRect();
                var room = Math.max(box.width - 2 * margin, 60);
                container.style.maxWidth = "";
                container.style.whiteSpace = "";
                if (container.offsetWidth > room) {  // wrap only what does not fit
                    container.style.maxWidth = room + "px";
                    container.style.whiteSpace = "normal";
                }
                place.call(this, position);
                var rect = container.getBoundingClientRect();
                var dx = Math.max(box.left + margin - rect.left,
                                  Math.min(0, box.right - margin - rect.right));
                var dy = Math.max(box.top + margin - rect.top,
                                  Math.min(0, box.bottom - margin - rect.bottom));
                if (dx !== 0 || dy !== 0) {
                    L.DomUtil.setPosition(container,
                                          L.DomUtil.getPosition(container).add(L.point(dx, dy)));
                }
            };
            // A click (a tap) selects the municipality under it: the tooltip would cover it,
            // so it hides until the pointer leaves that municipality.
            var layer = {{ this.layer.get_name() }};
            var show = function (visible) {
                var container = tooltip.getElement && tooltip.getElement();
                if (container) { container.style.visibility = visible ? "" : "hidden"; }
            };
            layer.on("click", function () { show(false); });
            layer.on("mouseout", function () { show(true); });
        })();
        {% endmacro %}
        """
    )

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
