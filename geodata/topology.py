"""The display municipalities as a topology: every shared edge stored once, as an arc.

The map draws three things from the same edges: the municipalities (polygons), the
safety-region borders and the outlines of coordinator areas (lines). Written as GeoJSON each
edge appears up to four times; here each appears once, in a TopoJSON topology
(https://github.com/topojson/topojson-specification): quantized to the 1e-5° grid the display
coordinates already lie on (so nothing moves) and delta-encoded. Polygons and outlines are lists
of arc indices (``~i`` for arc ``i`` reversed).

This is the one place that dissolves municipalities into larger outlines (safety regions,
coordinator areas, any grouping), and it needs no polygon union: an arc belongs to the outline
of a group of municipalities when exactly one member of the group uses it (an arc between two
members is inside the group). The tests check it against shapely's union
(``tests/support/dissolved_outlines.py``).

Needs a valid polygon coverage on the grid (neighbours share identical vertices), as
:func:`geodata.display_geometry.simplify_for_display` gives.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import geopandas as gpd
import shapely

from geodata.display_geometry import DEFAULT_GRID_DEG

__all__ = [
    "Topology",
    "arcs_to_lines",
    "border_arcs",
    "build_topology",
    "decode_polygon",
    "outline_arcs",
]

Point = tuple[int, int]

_SCALE: Final = DEFAULT_GRID_DEG
_PER_DEGREE: Final = round(1 / DEFAULT_GRID_DEG)
"""Grid steps per degree: a grid point is ``(x / _PER_DEGREE, y / _PER_DEGREE)`` degrees, the
same doubles as the grid-snapped input (a product with ``_SCALE`` may differ in the last bit)."""


@dataclass(frozen=True)
class Topology:
    """Arcs shared by the municipalities, and each municipality as arc indices."""

    arcs: list[list[Point]]
    """Each arc's points on the grid (absolute, not yet delta-encoded)."""
    polygons: dict[str, list[list[list[int]]]]
    """Municipality code → MultiPolygon: polygons → rings → arc indices (``~i`` reversed)."""
    users: list[list[str]]
    """Arc index → the municipalities whose rings use it (one or two)."""

    def to_topojson(self, objects: Mapping[str, Any]) -> dict[str, Any]:
        """A TopoJSON ``Topology`` with these arcs (quantized, delta-encoded) and ``objects``."""
        encoded = []
        for arc in self.arcs:
            previous = (0, 0)
            deltas = []
            for x, y in arc:
                deltas.append([x - previous[0], y - previous[1]])
                previous = (x, y)
            encoded.append(deltas)
        return {"type": "Topology", "transform": {"scale": [_SCALE, _SCALE],
                                                  "translate": [0, 0]},
                "objects": dict(objects), "arcs": encoded}


def _quantized(ring: Sequence[tuple[float, float]]) -> list[Point]:
    points = [(round(x * _PER_DEGREE), round(y * _PER_DEGREE)) for x, y in ring]
    return points[:-1] if len(points) > 1 and points[0] == points[-1] else points


def _rings(geometry: shapely.Geometry) -> list[list[list[Point]]]:
    """Polygons → rings (exterior first) → grid points, without the closing point."""
    polygons = shapely.get_parts(geometry)
    return [[_quantized(polygon.exterior.coords),
             *(_quantized(ring.coords) for ring in polygon.interiors)]
            for polygon in polygons if not polygon.is_empty]


def _junctions(rings: Iterable[list[Point]]) -> set[Point]:
    """Points where more than two edges meet (or a ring touches itself)."""
    neighbours: dict[Point, set[Point]] = defaultdict(set)
    for ring in rings:
        count = len(ring)
        for index, point in enumerate(ring):
            neighbours[point].add(ring[index - 1])
            neighbours[point].add(ring[(index + 1) % count])
    return {point for point, near in neighbours.items() if len(near) > 2}


def _closed_forms(ring: list[Point]) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """A junction-free ring as a closed arc from its smallest point, both directions."""
    start = ring.index(min(ring))
    forward = ring[start:] + ring[:start]
    backward = [forward[0], *reversed(forward[1:])]
    return tuple([*forward, forward[0]]), tuple([*backward, backward[0]])


def build_topology(display: gpd.GeoDataFrame) -> Topology:
    """Cut the municipalities' rings into shared arcs.

    Args:
        display: Municipality polygons in EPSG:4326 on the :data:`DEFAULT_GRID_DEG` grid,
            indexed by code, forming a coverage.
    """
    shapes = {str(code): _rings(geometry) for code, geometry in display.geometry.items()}
    junctions = _junctions(ring for polygons in shapes.values()
                           for polygon in polygons for ring in polygon)
    arcs: list[list[Point]] = []
    users: list[list[str]] = []
    index_of: dict[tuple[Point, ...], int] = {}

    def arc_index(points: tuple[Point, ...], reverse: tuple[Point, ...], code: str) -> int:
        if points in index_of:
            found = index_of[points]
        elif reverse in index_of:
            found = ~index_of[reverse]
        else:
            index_of[points] = found = len(arcs)
            arcs.append(list(points))
            users.append([])
        plain = found if found >= 0 else ~found
        if code not in users[plain]:
            users[plain].append(code)
        return found

    polygons: dict[str, list[list[list[int]]]] = {}
    for code, parts in shapes.items():
        polygons[code] = []
        for polygon in parts:
            ring_arcs = []
            for ring in polygon:
                cuts = [index for index, point in enumerate(ring) if point in junctions]
                if not cuts:
                    forward, backward = _closed_forms(ring)
                    ring_arcs.append([arc_index(forward, backward, code)])
                    continue
                ring = ring[cuts[0]:] + ring[:cuts[0]]
                cuts = [cut - cuts[0] for cut in cuts] + [len(ring)]
                closed = [*ring, ring[0]]
                pieces = []
                for start, end in itertools.pairwise(cuts):
                    points = tuple(closed[start:end + 1])
                    pieces.append(arc_index(points, points[::-1], code))
                ring_arcs.append(pieces)
            polygons[code].append(ring_arcs)
    return Topology(arcs=arcs, polygons=polygons, users=users)


def outline_arcs(topology: Topology, members: Iterable[str]) -> list[int]:
    """The arcs on the outline of a group of municipalities: used by exactly one member."""
    group = set(members)
    return [index for index, codes in enumerate(topology.users)
            if sum(code in group for code in codes) == 1]


def border_arcs(topology: Topology, group_of: Mapping[str, str]) -> list[int]:
    """The arcs between municipalities of different groups (e.g. safety regions), and on the
    outer edge of the whole."""
    return [index for index, codes in enumerate(topology.users)
            if len(codes) == 1 or len({group_of[code] for code in codes}) > 1]


def _arc_points(topology: Topology, index: int) -> list[Point]:
    return topology.arcs[index] if index >= 0 else topology.arcs[~index][::-1]


def decode_polygon(topology: Topology, code: str) -> shapely.Geometry:
    """A municipality's geometry rebuilt from the arcs (EPSG:4326), for checks."""
    polygons = []
    for polygon in topology.polygons[code]:
        rings = []
        for ring in polygon:
            points: list[Point] = []
            for index in ring:
                arc = _arc_points(topology, index)
                points.extend(arc if not points else arc[1:])
            rings.append([(x / _PER_DEGREE, y / _PER_DEGREE) for x, y in points])
        polygons.append(shapely.Polygon(rings[0], rings[1:]))
    return shapely.MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]


def arcs_to_lines(topology: Topology, indices: Iterable[int]) -> shapely.Geometry:
    """The arcs as one (Multi)LineString (EPSG:4326), for checks."""
    return shapely.MultiLineString([[(x / _PER_DEGREE, y / _PER_DEGREE)
                                     for x, y in topology.arcs[index]] for index in indices])
