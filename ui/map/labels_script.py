"""Municipality names on the map once it is zoomed in far enough to read them.

At the opening zoom the municipalities are 12 to 27 px wide on a phone and a name would cover
its neighbours; from :data:`LABEL_MIN_ZOOM` on (a safety region fitted after a selection, or
the reader's own zoom) each municipality's name is written at its representative point (a
point inside its display geometry, :func:`label_points`), in a pane of its own above the
outlines that takes no clicks or taps (:data:`LABELS_PANE`). The names are the layer's own
``name`` properties, escaped on the way in (:mod:`ui.map.geojson`).
"""

from __future__ import annotations

from typing import Final

import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template

from ui.map.styled_geojson import StyledGeoJson

__all__ = ["LABELS_PANE", "LABEL_MIN_ZOOM", "POINT_SCALE", "LabelsScript", "label_points"]

LABEL_MIN_ZOOM: Final = 9.5
"""The zoom from which the names show (a region fitted after a selection is at 9 to 10)."""

LABELS_PANE: Final = "coverageLabels"
"""Leaflet pane of the names (class ``leaflet-coverageLabels-pane``)."""


POINT_SCALE: Final = 10_000
"""Label points are sent as whole ten-thousandths of a degree (about 10 m, finer than a label
can be placed): short integers instead of full floats for all 342."""


def label_points(display: gpd.GeoDataFrame) -> list[int]:
    """A point inside each municipality's display geometry (EPSG:4326), in the order of
    ``display`` (the order of the map's municipality layers), as one flat list: latitude,
    longitude, latitude, … in whole ten-thousandths of a degree (:data:`POINT_SCALE`)."""
    points = display.geometry.representative_point()
    return [round(float(value) * POINT_SCALE) for point in points
            for value in (point.y, point.x)]


class LabelsScript(MacroElement):
    """Write the municipalities' names on the map from a zoom on. Add it after the layer."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .coverage-label {white-space: nowrap; font: 600 11px/1.1 sans-serif; color: #111;
            text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff;
            transform: translate(-50%, -50%); width: max-content;}
        .leaflet-{{ this.pane }}-pane {pointer-events: none;}
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var municipalities = {{ this.municipalities.get_name() }};
            var points = {{ this.points|tojson }};
            var pane = map.createPane({{ this.pane|tojson }});
            pane.style.zIndex = 460;
            pane.style.pointerEvents = "none";
            var names = L.layerGroup(), built = false, scale = {{ this.scale|tojson }};
            function build() {
                var position = 0;  // the layers come in the order of the points
                municipalities.eachLayer(function (layer) {
                    var properties = layer.feature.properties, i = 2 * position++;
                    if (i + 1 >= points.length) { return; }
                    var at = [points[i] / scale, points[i + 1] / scale];
                    names.addLayer(L.marker(at, {
                        pane: {{ this.pane|tojson }}, interactive: false, keyboard: false,
                        icon: L.divIcon({className: "", iconSize: null,
                                         html: "<div class='coverage-label'>"
                                               + properties.name + "</div>"})}));
                });
                built = true;
            }
            var state = {shown: false, minZoom: {{ this.min_zoom|tojson }}};
            window.coverageLabels = state;
            function follow() {
                var wanted = map.getZoom() >= state.minZoom;
                if (wanted === state.shown) { return; }
                if (wanted && !built) { build(); }
                if (wanted) { names.addTo(map); } else { names.remove(); }
                state.shown = wanted;
            }
            map.on("zoomend", follow);
            follow();
        })();
        {% endmacro %}
        """
    )

    def __init__(self, municipalities: StyledGeoJson, points: list[int],
                 min_zoom: float = LABEL_MIN_ZOOM) -> None:
        """Args:
            municipalities: The layer of municipalities (``properties.code``, ``.name``,
                escaped).
            points: Where the names go, in the order of the layer's features
                (:func:`label_points`).
            min_zoom: The zoom from which the names show.
        """
        super().__init__()
        self._name = "LabelsScript"
        self.municipalities = municipalities
        self.points = points
        self.scale = POINT_SCALE
        self.min_zoom = min_zoom
        self.pane = LABELS_PANE
