"""The map's topology in the browser: one TopoJSON object and a small decoder, no library.

:class:`TopologyScript` writes ``var <name> = (decoder)(<topojson>);`` into the map's script;
``<name>("municipalities")`` then gives a GeoJSON FeatureCollection of that object, which a
:class:`ui.map.styled_geojson.StyledGeoJson` adds through its ``data_script``;
``<name>.outline("municipalities", keep)`` gives the outline of the municipalities whose
properties ``keep`` accepts (the arcs only one of them uses, as
:func:`geodata.topology.outline_arcs`) as one MultiLineString feature. The decoder handles
what :mod:`ui.map.geojson` writes: a quantized, delta-encoded topology with (Multi)Polygon and
(Multi)LineString geometries, in a GeometryCollection or alone.

The JSON is written verbatim (never compiled as a template, see ``ui/map/styled_geojson.py``) and
HTML-safe (``<``, ``>``, ``&``, ``'`` as ``\\u`` escapes).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from typing import Any

from branca.element import MacroElement
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from ui.map.styled_geojson import Verbatim

__all__ = ["TopologyScript"]

_COMPACT_DUMPS = partial(json.dumps, separators=(",", ":"))

_DECODER = """function (topology) {
    var scale = topology.transform.scale, move = topology.transform.translate;
    var kx = Math.round(1 / scale[0]), ky = Math.round(1 / scale[1]);
    var arcs = topology.arcs.map(function (arc) {
        var x = 0, y = 0;
        return arc.map(function (step) {
            x += step[0]; y += step[1];
            return [x / kx + move[0], y / ky + move[1]];
        });
    });
    function line(indices) {
        var points = [];
        indices.forEach(function (index) {
            var arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
            Array.prototype.push.apply(points, points.length ? arc.slice(1) : arc);
        });
        return points;
    }
    function rings(polygon) { return polygon.map(line); }
    var decode = {
        LineString: line, MultiLineString: function (lines) { return lines.map(line); },
        Polygon: rings, MultiPolygon: function (polygons) { return polygons.map(rings); }
    };
    function features(name) {
        var object = topology.objects[name];
        var geometries = object.type === "GeometryCollection" ? object.geometries : [object];
        return {type: "FeatureCollection", features: geometries.map(function (geometry) {
            return {type: "Feature", properties: geometry.properties || {},
                    geometry: {type: geometry.type,
                               coordinates: decode[geometry.type](geometry.arcs)}};
        })};
    }
    features.outline = function (name, keep) {
        var users = {};
        topology.objects[name].geometries.forEach(function (geometry) {
            if (!keep(geometry.properties || {})) { return; }
            var own = {};
            geometry.arcs.forEach(function (polygon) {
                polygon.forEach(function (ring) {
                    ring.forEach(function (index) { own[index < 0 ? ~index : index] = true; });
                });
            });
            Object.keys(own).forEach(function (arc) { users[arc] = (users[arc] || 0) + 1; });
        });
        var lines = Object.keys(users).filter(function (arc) { return users[arc] === 1; })
            .map(function (arc) { return line([+arc]); });
        return {type: "Feature", properties: {},
                geometry: {type: "MultiLineString", coordinates: lines}};
    };
    return features;
}"""


class TopologyScript(MacroElement):
    """Defines the topology in the map's script; add it to the map before the layers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = ({{ this.decoder }})({{ this.compact_data }});
        {% endmacro %}
        """
    )

    def __init__(self, topojson: Mapping[str, Any]) -> None:
        """Args:
            topojson: A TopoJSON Topology (see :meth:`geodata.topology.Topology.to_topojson`).
        """
        super().__init__()
        self._name = "Topology"
        self.topojson = dict(topojson)
        self.decoder = _DECODER
        self.compact_data = htmlsafe_json_dumps(self.topojson, dumps=_COMPACT_DUMPS)

    def features(self, name: str) -> str:
        """The JavaScript expression giving object ``name`` as a GeoJSON FeatureCollection."""
        return f"{self.get_name()}({json.dumps(name)})"

    def outline(self, name: str, keep: str) -> str:
        """The JavaScript expression giving the outline of the geometries of object ``name``
        (a GeometryCollection of (Multi)Polygons) whose properties the JavaScript function
        ``keep`` accepts, as one GeoJSON MultiLineString feature."""
        return f"{self.get_name()}.outline({json.dumps(name)}, {keep})"

    def render(self, **kwargs: Any) -> None:
        """Put the script into the figure verbatim (no template pass over the data)."""
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(Verbatim(script), name=self.get_name())
