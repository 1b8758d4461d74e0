"""The tests' own dissolving (tests/support/dissolved_outlines.py), which cross-checks the
topology's outlines: its outlines cover exactly their municipalities, on their edges."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import box

from coverage.engine import Coverage
from geodata import Boundaries
from geodata.display_geometry import METRIC_CRS
from tests.support.dissolved_outlines import dissolve_outlines, outline_lines


def test_region_outlines_match_the_municipalities(boundaries: Boundaries,
                                                  display: gpd.GeoDataFrame,
                                                  regions: gpd.GeoDataFrame) -> None:
    assert list(regions.index) == sorted(boundaries.safety_regions.index)
    assert regions["municipality_count"].sum() == len(display)
    assert regions.loc["VR01", "name"] == boundaries.safety_regions.loc["VR01", "name"]
    assert regions.geometry.is_valid.all()
    assert shapely.coverage_is_valid(regions.geometry.to_numpy())

    metric_regions = regions.geometry.to_crs(METRIC_CRS).area
    summed = display.geometry.to_crs(METRIC_CRS).area.groupby(display["safety_region_code"]).sum()
    assert np.allclose(metric_regions.sort_index(), summed.sort_index(), rtol=1e-9)

    # Exactly on the drawn edges: every outline vertex is a municipality vertex.
    municipality_vertices = set(map(tuple, shapely.get_coordinates(display.geometry.to_numpy())))
    outline_vertices = set(map(tuple, shapely.get_coordinates(regions.geometry.to_numpy())))
    assert outline_vertices <= municipality_vertices


def test_dissolve_outlines_of_coordinator_areas(current: Coverage,
                                                display: gpd.GeoDataFrame) -> None:
    groups = {finding.entry_id: current.areas[finding.entry_id] for finding in current.findings}
    groups["nobody"] = frozenset()

    outlines = dissolve_outlines(display, groups)

    assert list(outlines.index) == [entry_id for entry_id in groups if entry_id != "nobody"]
    assert outlines.index.name == "id"
    for entry_id, row in outlines.iterrows():
        assert row["municipality_count"] == len(groups[entry_id])
        members = display.geometry.loc[sorted(groups[entry_id])].to_crs(METRIC_CRS)
        outline = gpd.GeoSeries([row.geometry], crs=display.crs).to_crs(METRIC_CRS)
        assert outline.area.iloc[0] == pytest.approx(members.area.sum(), rel=1e-9)
    assert outlines.geometry.is_valid.all()


def test_dissolve_outlines_rejects_unknown_codes(display: gpd.GeoDataFrame) -> None:
    with pytest.raises(KeyError, match="GM9999"):
        dissolve_outlines(display, {"area": frozenset({"GM0363", "GM9999"})})


def test_dissolve_outlines_without_groups(display: gpd.GeoDataFrame) -> None:
    outlines = dissolve_outlines(display, {})
    assert outlines.empty
    assert outlines.crs == display.crs


def test_outline_lines_draw_each_border_once(regions: gpd.GeoDataFrame) -> None:
    metric = regions.geometry.to_crs(METRIC_CRS)
    lines = gpd.GeoSeries([outline_lines(regions)], crs=regions.crs).to_crs(METRIC_CRS)
    coast_and_land_border = metric.union_all().boundary.length
    # Perimeters count each inner border twice and the outer border once.
    expected = (metric.boundary.length.sum() + coast_and_land_border) / 2
    assert lines.length.iloc[0] == pytest.approx(expected, rel=1e-6)
    assert shapely.get_num_coordinates(lines.iloc[0]) < 0.8 * shapely.get_num_coordinates(
        metric.to_numpy()).sum()


def test_outline_lines_of_nothing() -> None:
    assert outline_lines(gpd.GeoSeries([], crs=METRIC_CRS)).is_empty
    assert outline_lines(gpd.GeoSeries([box(0, 0, 1, 1)])).length == pytest.approx(4)
