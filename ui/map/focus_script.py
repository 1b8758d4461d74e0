"""The region chosen in the gaps view, outlined and zoomed to by the map itself, in the browser.

Like the selection (:mod:`ui.map.selection_script`), the chosen region never changes the map
document: the app writes it into the page's address, one of :data:`FOCUS_PARAMETERS`
(``?veiligheidsregio=VR04``, ``?politie-eenheid=Oost-Nederland``, ``?provincie=Limburg``; the
most specific one wins), and the map's script (``static/js/map/focus.js``), inside
streamlit-folium's iframe (same origin as the page), hears of every new address as the
selection does. It fits the map to the region's municipalities and outlines the region (the
arcs only one of its municipalities uses, from the map's topology,
``static/js/map/topology.js``) in a pane of its own (:data:`FOCUS_PANE`), under the
selection's. When the region is cleared the outline goes and the map returns to the whole
country.

The document carries a small table for this: safety-region code → the region's name as the
municipalities' ``region`` property holds it, its province and its police unit (one row per
safety region: small beside the geometry).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from ui.map.browser_script import BrowserScript
from ui.map.palette import FOCUS_HALO_STYLE, FOCUS_STYLE
from ui.map.selection_script import POLL_MS
from ui.map.styled_geojson import StyledGeoJson
from ui.map.topology_script import TopologyScript
from ui.text.browser_code import data

__all__ = ["FOCUS_PANE", "FOCUS_PARAMETERS", "FocusScript"]

FOCUS_PARAMETERS: Final[dict[str, str]] = {
    "safety_region": "veiligheidsregio",
    "police_unit": "politie-eenheid",
    "province": "provincie",
}
"""Kind of region (as :data:`ui.map.focus.RegionKind`) → the page's query parameter
naming it, most specific first. The value is the safety-region code, or the police unit's or
province's name."""

FOCUS_PANE: Final = "coverageFocus"
"""Leaflet pane of the chosen region's outline (class ``leaflet-coverageFocus-pane``)."""


class FocusScript(BrowserScript):
    """Outline and fit the region named in the page's address. Add it after the
    municipality layer."""

    script_name = "map/focus"
    libraries = ("map/address",)

    def __init__(self, municipalities: StyledGeoJson, topology: TopologyScript,
                 object_name: str, regions: Mapping[str, Sequence[str]], *,
                 padding: tuple[int, int] = (8, 8),
                 halo_style: Mapping[str, Any] = FOCUS_HALO_STYLE,
                 style: Mapping[str, Any] = FOCUS_STYLE) -> None:
        """Args:
            municipalities: The layer of municipalities (``properties.region``).
            topology: The map's topology; ``object_name`` is its municipalities' object.
            object_name: The municipalities' object in the topology.
            regions: Safety-region code → (the ``region`` property of its municipalities,
                province, police unit).
            padding: Pixels kept free around the fitted region.
            halo_style: Leaflet path options of the wide line under the outline.
            style: Leaflet path options of the outline.
        """
        super().__init__()
        self._name = "FocusScript"
        self.municipalities = municipalities
        self.topology = topology
        self.object_name = object_name
        self.regions = {code: list(row) for code, row in regions.items()}
        self.parameters = [[kind, name] for kind, name in FOCUS_PARAMETERS.items()]
        self.padding = list(padding)
        self.halo_style = dict(halo_style)
        self.style = dict(style)

    def config(self) -> dict[str, Any]:
        """What ``static/js/map/focus.js`` is given."""
        return {"regions": self.regions, "parameters": self.parameters,
                "object": self.object_name, "pane": FOCUS_PANE, "haloStyle": self.halo_style,
                "style": self.style, "padding": self.padding, "pollMs": POLL_MS}

    def arguments(self) -> list[str]:
        """The map, the municipalities' layer, the topology, the configuration."""
        return [self._parent.get_name(), self.municipalities.get_name(),
                self.topology.get_name(), data(self.config())]
