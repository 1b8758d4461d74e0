"""The region chosen in the gaps view, outlined and zoomed to by the map itself, in the browser.

Like the selection (:mod:`ui.map.selection_script`), the chosen region never changes the map
document: the app writes it into the page's address, one of :data:`FOCUS_PARAMETERS`
(``?veiligheidsregio=VR04``, ``?politie-eenheid=Oost-Nederland``, ``?provincie=Limburg``; the
most specific one wins), and this script, inside streamlit-folium's iframe (same origin as the
page), reads ``window.parent.location`` every :data:`ui.map.selection_script.POLL_MS` ms. It
fits the map to the region's municipalities and outlines the region (the arcs only one of its
municipalities uses, from the map's topology, :meth:`ui.map.topology_script.TopologyScript.outline`)
in a pane of its own (:data:`FOCUS_PANE`), under the selection's. When the region is cleared
the outline goes and the map returns to the whole country.

The document carries a small table for this: safety-region code → the region's name as the
municipalities' ``region`` property holds it, its province and its police unit (one row per
safety region: small beside the geometry).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from branca.element import MacroElement
from folium.template import Template

from ui.map.palette import FOCUS_HALO_STYLE, FOCUS_STYLE
from ui.map.selection_script import POLL_MS
from ui.map.styled_geojson import StyledGeoJson
from ui.map.topology_script import TopologyScript

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


class FocusScript(MacroElement):
    """Outline and fit the region named in the page's address. Add it after the
    municipality layer."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var municipalities = {{ this.municipalities.get_name() }};
            var regions = {{ this.regions|tojson }};
            var parameters = {{ this.parameters|tojson }};
            var pane = map.createPane({{ this.pane|tojson }});
            pane.style.zIndex = 440;
            pane.style.pointerEvents = "none";
            function line(style) {
                return L.geoJson(null, {pane: {{ this.pane|tojson }}, interactive: false,
                                        style: function () { return style; }}).addTo(map);
            }
            var halo = line({{ this.halo_style|tojson }});
            var outline = line({{ this.style|tojson }});
            var padding = {padding: {{ this.padding|tojson }}};
            var state = {shown: null};
            window.coverageFocus = state;
            function wanted() {
                var search;
                try { search = new URLSearchParams(window.parent.location.search); }
                catch (error) { return null; }
                for (var i = 0; i < parameters.length; i++) {
                    var value = search.get(parameters[i][1]);
                    if (value !== null) { return [parameters[i][0], value]; }
                }
                return null;
            }
            function regionNames(kind, value) {
                var column = {safety_region: -1, province: 1, police_unit: 2}[kind], chosen = {};
                Object.keys(regions).forEach(function (code) {
                    if (column === -1 ? code === value : regions[code][column] === value) {
                        chosen[regions[code][0]] = true;
                    }
                });
                return chosen;
            }
            function show(focus) {
                halo.clearLayers();
                outline.clearLayers();
                var had = state.shown;
                state.shown = null;
                var chosen = focus === null ? {} : regionNames(focus[0], focus[1]), bounds = null;
                municipalities.eachLayer(function (layer) {
                    if (chosen[layer.feature.properties.region] !== true) { return; }
                    var own = layer.getBounds();
                    bounds = bounds === null
                        ? L.latLngBounds(own.getSouthWest(), own.getNorthEast())
                        : bounds.extend(own);
                });
                if (bounds === null) {
                    if (had !== null) {
                        map.fitBounds(municipalities.getBounds(), padding);
                    }
                    return;
                }
                function keep(properties) { return chosen[properties.region] === true; }
                var shape = {{ this.outline_script }};
                halo.addData(shape);
                outline.addData(shape);
                state.shown = focus[0] + ":" + focus[1];
                map.fitBounds(bounds, padding);
            }
            var seen = null;
            function follow() {
                var focus = wanted(), key = focus === null ? null : focus.join(":");
                if (key === seen) { return; }
                seen = key;
                show(focus);
            }
            follow();
            window.setInterval(follow, {{ this.poll_ms|tojson }});
        })();
        {% endmacro %}
        """
    )

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
        self.outline_script = topology.outline(object_name, "keep")
        self.regions = {code: list(row) for code, row in regions.items()}
        self.parameters = [[kind, name] for kind, name in FOCUS_PARAMETERS.items()]
        self.padding = list(padding)
        self.halo_style = dict(halo_style)
        self.style = dict(style)
        self.pane = FOCUS_PANE
        self.poll_ms = POLL_MS
