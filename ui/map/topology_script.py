"""The map's topology in the browser: one TopoJSON object and a small decoder, no library.

:class:`TopologyScript` writes ``var <name> = coverageScripts.topology.install(<topojson>);``
into the map's script (after the decoder, ``static/js/map/topology.js``); ``<name>(
"municipalities")`` then gives a GeoJSON FeatureCollection of that object, which a
:class:`ui.map.styled_geojson.StyledGeoJson` adds through its ``data_script``;
``<name>.outline("municipalities", keep)`` gives the outline of the municipalities whose
properties ``keep`` accepts (the arcs only one of them uses, as
:func:`geodata.topology.outline_arcs`) as one MultiLineString feature
(:mod:`ui.map.focus_script`). The decoder handles what :mod:`ui.map.geojson` writes: a
quantized, delta-encoded topology with (Multi)Polygon and (Multi)LineString geometries, in a
GeometryCollection or alone.

The JSON is written verbatim (never compiled as a template, see :mod:`ui.map.browser_script`)
and HTML-safe (``<``, ``>``, ``&``, ``'`` as ``\\u`` escapes).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import partial
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from ui.map.browser_script import BrowserScript

__all__ = ["TopologyScript"]

_COMPACT_DUMPS = partial(json.dumps, separators=(",", ":"))


class TopologyScript(BrowserScript):
    """Defines the topology in the map's script; add it to the map before the layers."""

    script_name = "map/topology"

    def __init__(self, topojson: Mapping[str, Any]) -> None:
        """Args:
            topojson: A TopoJSON Topology (see :meth:`geodata.topology.Topology.to_topojson`).
        """
        super().__init__()
        self._name = "Topology"
        self.topojson = dict(topojson)
        self.compact_data = htmlsafe_json_dumps(self.topojson, dumps=_COMPACT_DUMPS)

    def arguments(self) -> list[str]:
        """The topology, as compact JSON."""
        return [self.compact_data]

    def statement(self) -> str:
        """The topology decoded into the variable named after the element."""
        return f"var {self.get_name()} = {super().statement()}"

    def features(self, name: str) -> str:
        """The JavaScript expression giving object ``name`` as a GeoJSON FeatureCollection."""
        return f"{self.get_name()}({json.dumps(name)})"
