"""The display municipalities as shared arcs: exact, each edge once, outlines without dissolving."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from coverage.engine import Coverage
from geodata.topology import (
    Topology,
    arcs_to_lines,
    border_arcs,
    decode_polygon,
    outline_arcs,
)
from tests.support.dissolved_outlines import dissolve_outlines, outline_lines, region_outlines


def test_every_municipality_is_rebuilt_exactly(display: gpd.GeoDataFrame,
                                               topology: Topology) -> None:
    assert list(topology.polygons) == list(display.index)
    for code, geometry in display.geometry.items():
        rebuilt = decode_polygon(topology, code)
        assert rebuilt.equals(geometry), code
        assert shapely.get_num_coordinates(rebuilt) == shapely.get_num_coordinates(geometry)


def test_each_edge_is_stored_once(display: gpd.GeoDataFrame, topology: Topology) -> None:
    stored = sum(len(arc) for arc in topology.arcs)
    drawn = int(shapely.get_num_coordinates(display.geometry.to_numpy()).sum())
    assert stored < 0.7 * drawn  # measured: 8,598 of 13,469 points
    assert all(1 <= len(users) <= 2 for users in topology.users)
    # Every arc is shared by two municipalities, or lies on the edge of the country.
    edge = arcs_to_lines(topology, [i for i, users in enumerate(topology.users)
                                    if len(users) == 1])
    assert edge.equals(shapely.boundary(shapely.union_all(display.geometry.to_numpy())))


def test_region_borders_are_the_dissolved_outlines(display: gpd.GeoDataFrame,
                                                   topology: Topology) -> None:
    regions = dict(zip(display.index, display["safety_region_code"], strict=True))
    assert arcs_to_lines(topology, border_arcs(topology, regions)).equals(
        outline_lines(region_outlines(display)))


@pytest.mark.parametrize("column", ["province", "police_unit"])
def test_borders_of_any_grouping_are_the_dissolved_outlines(display: gpd.GeoDataFrame,
                                                            topology: Topology,
                                                            column: str) -> None:
    groups = dict(zip(display.index, display[column], strict=True))
    assert arcs_to_lines(topology, border_arcs(topology, groups)).equals(
        outline_lines(region_outlines(display, by=column, name_column=None)))


def test_area_outlines_need_no_dissolving(display: gpd.GeoDataFrame, topology: Topology,
                                          current: Coverage) -> None:
    for entry_id in ("gemeente-apeldoorn-en-de-veluwe", *list(current.areas)[:5]):
        codes = current.areas[entry_id]
        if not codes:
            continue
        dissolved = dissolve_outlines(display, {entry_id: codes})
        assert arcs_to_lines(topology, outline_arcs(topology, codes)).equals(
            outline_lines(dissolved)), entry_id


def test_topojson_is_delta_encoded_on_the_grid(topology: Topology) -> None:
    encoded = topology.to_topojson({})
    assert encoded["type"] == "Topology"
    assert encoded["transform"] == {"scale": [1e-5, 1e-5], "translate": [0, 0]}
    first = encoded["arcs"][0]
    x = y = 0
    for step, point in zip(first, topology.arcs[0], strict=True):
        x, y = x + step[0], y + step[1]
        assert (x, y) == point
        assert all(isinstance(value, int) for value in step)
