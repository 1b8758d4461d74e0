"""Municipality names on the map once it is zoomed in far enough to read them.

At the opening zoom the municipalities are 12 to 27 px wide on a phone and a name would cover
its neighbours; from :data:`LABEL_MIN_ZOOM` on (a safety region fitted after a selection, or
the reader's own zoom) each municipality's name is written at its representative point (a
point inside its display geometry, :func:`label_points`), in a pane of its own above the
outlines that takes no clicks or taps (:data:`LABELS_PANE`). The names are the layer's own
``name`` properties, escaped on the way in (:mod:`ui.map.geojson`). The map's script is
``static/js/map/labels.js``.
"""

from __future__ import annotations

from typing import Final

import geopandas as gpd

from ui.map.browser_script import BrowserScript
from ui.map.styled_geojson import StyledGeoJson
from ui.text.browser_code import data

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


_CSS: Final = (
    "<style>.coverage-label {white-space: nowrap; font: 600 11px/1.1 sans-serif; color: #111;"
    " text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff;"
    " transform: translate(-50%, -50%); width: max-content;}"
    f" .leaflet-{LABELS_PANE}-pane {{pointer-events: none;}}</style>")


class LabelsScript(BrowserScript):
    """Write the municipalities' names on the map from a zoom on. Add it after the layer."""

    script_name = "map/labels"
    css = _CSS

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
        self.min_zoom = min_zoom

    def arguments(self) -> list[str]:
        """The map, the municipalities' layer, the configuration (points, scale, zoom,
        pane)."""
        return [self._parent.get_name(), self.municipalities.get_name(),
                data({"points": self.points, "scale": POINT_SCALE, "minZoom": self.min_zoom,
                      "pane": LABELS_PANE})]
