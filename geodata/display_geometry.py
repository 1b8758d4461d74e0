"""Municipality geometry prepared for the map: simplified as a coverage and rounded.

The CBS boundaries are already generalised (median edge about 1 km), so simplification removes
only the smallest wiggles; most of the saving in the map document comes from rounding the
coordinates to a 1e-5° grid (about 1.1 m north-south, 0.7 m east-west).

Simplification runs on the polygons *as a coverage* (GEOS coverage simplification, in the
Dutch national grid EPSG:28992 so the tolerance is in metres): every shared edge is simplified
once, so neighbours keep identical edges and no slivers or gaps appear. The source has one small
overlap (Amsterdam/Diemen, about 0.1 km²); it is cleaned first where GEOS can
(``shapely.coverage_clean``, shapely 2.2 / GEOS 3.14), so the result is a valid coverage.

Outlines (safety regions, coordinator areas) are not dissolved here: :mod:`geodata.topology`
reads them from the simplified polygons' shared arcs, so they lie exactly on the municipality
edges drawn beneath them.

No Streamlit here; callers cache the results (they depend only on the boundary file).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.boundaries import DISPLAY_CRS, METRIC_CRS

__all__ = [
    "DEFAULT_GRID_DEG",
    "DEFAULT_TOLERANCE_M",
    "DISPLAY_CRS",
    "METRIC_CRS",
    "simplify_for_display",
]


DEFAULT_TOLERANCE_M = 300.0
"""Coverage-simplification tolerance in metres (Visvalingam–Whyatt: roughly the square root of
the largest triangle area removed): the largest that leaves every municipality's area nearly as
it was; above it, small municipalities with long coasts change visibly (the README's benchmark
section has the vertices and area changes per tolerance; `tests/test_display_geometry.py`
bounds them)."""

DEFAULT_GRID_DEG = 1e-5
"""Grid the display coordinates are snapped to, in degrees (5 decimals)."""


def _polygonal(geometries: np.ndarray) -> np.ndarray:
    """Make every geometry valid and keep only its polygonal parts (may give empties)."""
    geometries = geometries.copy()
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries[invalid] = shapely.make_valid(
            geometries[invalid], method="structure", keep_collapsed=False
        )
    not_polygonal = ~np.isin(shapely.get_type_id(geometries), (3, 6))  # Polygon, MultiPolygon
    for index in np.flatnonzero(not_polygonal):  # rare: only after a repair
        parts = shapely.get_parts(geometries[index])
        polygons = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
        geometries[index] = (shapely.union_all(polygons) if len(polygons)
                             else shapely.Polygon())
    return geometries


def _cleaned_coverage(metric: np.ndarray) -> np.ndarray:
    """Remove overlaps and snap shared edges together, if needed and GEOS can."""
    if shapely.coverage_is_valid(metric) or not hasattr(shapely, "coverage_clean"):
        return metric
    cleaned = _polygonal(shapely.coverage_clean(metric))
    return np.where(shapely.is_empty(cleaned), metric, cleaned)


def simplify_for_display(
    municipalities: gpd.GeoDataFrame,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    grid_deg: float = DEFAULT_GRID_DEG,
) -> gpd.GeoDataFrame:
    """Simplify the municipality polygons as a coverage and round them for display.

    Args:
        municipalities: Polygons in any CRS (normally ``Boundaries.municipalities``,
            EPSG:4326), forming a coverage (neighbours share edges).
        tolerance_m: Coverage-simplification tolerance in metres (EPSG:28992); 0 only
            cleans and rounds.
        grid_deg: Grid size in degrees the EPSG:4326 coordinates are snapped to.

    Returns:
        A copy with the same index and columns, geometry simplified, in EPSG:4326 with
        coordinates on ``grid_deg``. Every geometry is a valid, non-empty (Multi)Polygon;
        should simplification or rounding ever empty one, the original (rounded) is kept.
    """
    metric = municipalities.geometry.to_crs(METRIC_CRS)
    coverage = gpd.GeoSeries(_cleaned_coverage(metric.to_numpy()), index=metric.index,
                             crs=METRIC_CRS)
    if tolerance_m > 0:
        coverage = coverage.simplify_coverage(tolerance_m)
    display = coverage.to_crs(DISPLAY_CRS).to_numpy()
    rounded = _polygonal(shapely.set_precision(display, grid_deg))

    lost = shapely.is_empty(rounded)
    if lost.any():
        original = municipalities.geometry.to_crs(DISPLAY_CRS).to_numpy()[lost]
        rounded[lost] = _polygonal(shapely.set_precision(original, grid_deg))

    geometry_name = municipalities.geometry.name
    table = pd.DataFrame(municipalities).copy()
    table[geometry_name] = gpd.GeoSeries(rounded, index=table.index, crs=DISPLAY_CRS)
    return gpd.GeoDataFrame(table, geometry=geometry_name, crs=DISPLAY_CRS)
