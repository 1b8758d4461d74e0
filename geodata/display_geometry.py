"""Municipality geometry prepared for the map: simplified as a coverage, rounded, dissolved.

The CBS boundaries are already generalised (median edge about 1 km), so simplification removes
only the smallest wiggles; most of the saving in the map document comes from rounding the
coordinates to a 1e-5° grid (about 1.1 m north-south, 0.7 m east-west).

Simplification runs on the polygons *as a coverage* (GEOS coverage simplification, in the
Dutch national grid EPSG:28992 so the tolerance is in metres): every shared edge is simplified
once, so neighbours keep identical edges and no slivers or gaps appear. The source has one small
overlap (Amsterdam/Diemen, about 0.1 km²); it is cleaned first where GEOS can
(``shapely.coverage_clean``, shapely 2.2 / GEOS 3.14), so the result is a valid coverage.

Outlines (safety regions, coordinator areas) are dissolved from the *simplified* polygons, so
they lie exactly on the municipality edges drawn beneath them.

No Streamlit here; callers cache the results (they depend only on the boundary file).
"""

from __future__ import annotations

from collections.abc import Mapping, Set

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
    "dissolve_outlines",
    "outline_lines",
    "region_outlines",
    "simplify_for_display",
]


DEFAULT_TOLERANCE_M = 300.0
"""Coverage-simplification tolerance in metres (Visvalingam–Whyatt: roughly the square root of
the largest triangle area removed). Measured on the 2023 boundaries: 13,642 → 13,127 vertices,
largest area change 1.4 % (Diemen, most of it the cleaned overlap), 99th percentile 0.7 %,
median 0.02 %. At 400 m the largest change jumps to 4.4 % (Heemstede), at 500 m to 5.5 %."""

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


def _union(display: gpd.GeoDataFrame, members: pd.DataFrame) -> gpd.GeoDataFrame:
    """Dissolve ``display`` geometries by ``members['group']`` (``members['code']`` → row)."""
    frame = gpd.GeoDataFrame(
        {"group": members["group"].to_numpy()},
        geometry=display.geometry.reindex(members["code"]).to_numpy(),
        crs=display.crs,
    )
    method = "coverage" if shapely.coverage_is_valid(display.geometry.to_numpy()) else "unary"
    dissolved = frame.dissolve(by="group", method=method, sort=False)
    dissolved["geometry"] = _polygonal(dissolved.geometry.to_numpy())
    counts = members.groupby("group", sort=False).size()
    dissolved["municipality_count"] = counts.reindex(dissolved.index).to_numpy()
    return dissolved


def dissolve_outlines(
    display_municipalities: gpd.GeoDataFrame,
    groups: Mapping[str, Set[str]],
) -> gpd.GeoDataFrame:
    """Union the display municipalities of each group into one outline polygon.

    Args:
        display_municipalities: Output of :func:`simplify_for_display`, indexed by code.
        groups: Group id → municipality codes, e.g. ``Coverage.areas`` restricted to the
            coordinator areas. Groups without codes are left out.

    Returns:
        GeoDataFrame indexed by group id (in the order of ``groups``, index name ``id``)
        with ``municipality_count`` and the dissolved ``geometry`` (EPSG of the input).
        Because the input is a valid coverage, the union only drops shared edges: the
        outline's vertices are exactly those of the polygons.

    Raises:
        KeyError: If a group names codes missing from ``display_municipalities``.
    """
    members = pd.DataFrame(
        [(group, code) for group, codes in groups.items() for code in sorted(codes)],
        columns=["group", "code"],
    )
    unknown = sorted(set(members["code"]) - set(display_municipalities.index))
    if unknown:
        raise KeyError(f"codes not among the municipalities: {unknown}")
    if members.empty:
        empty = gpd.GeoDataFrame({"municipality_count": pd.Series(dtype="int64")},
                                 geometry=gpd.GeoSeries(crs=display_municipalities.crs))
        return empty.rename_axis("id")
    return _union(display_municipalities, members).rename_axis("id")


def region_outlines(
    display_municipalities: gpd.GeoDataFrame,
    by: str = "safety_region_code",
    name_column: str | None = "safety_region_name",
) -> gpd.GeoDataFrame:
    """Dissolve the display municipalities by a column (safety region by default).

    Args:
        display_municipalities: Output of :func:`simplify_for_display`.
        by: Column holding the group code.
        name_column: Column with the group's name, carried over (``None`` to skip).

    Returns:
        GeoDataFrame indexed by the values of ``by`` (sorted), with ``municipality_count``,
        ``name`` (when ``name_column`` is given) and ``geometry``.
    """
    members = pd.DataFrame({"group": display_municipalities[by].to_numpy(),
                            "code": display_municipalities.index.to_numpy()})
    outlines = _union(display_municipalities, members).sort_index().rename_axis(by)
    if name_column is not None:
        names = display_municipalities.groupby(by)[name_column].first()
        outlines.insert(0, "name", names.reindex(outlines.index).to_numpy())
    return outlines


def outline_lines(outlines: gpd.GeoDataFrame | gpd.GeoSeries) -> shapely.Geometry:
    """The boundaries of ``outlines`` as one line network, each shared edge once.

    Drawing polygon outlines draws every border between two neighbours twice; this keeps
    each once (a border map of the safety regions then needs about a quarter fewer
    coordinates). For outlines from :func:`dissolve_outlines` / :func:`region_outlines`
    the shared edges are identical, so the union adds no vertices: every vertex is one of
    the display municipalities'.

    Args:
        outlines: Polygons (any CRS; the result has the same coordinates).

    Returns:
        A (Multi)LineString, joined into runs between junctions (``line_merge``); an
        empty LineString when there is nothing to draw.
    """
    geometries = outlines.geometry.to_numpy() if isinstance(outlines, gpd.GeoDataFrame) \
        else outlines.to_numpy()
    if len(geometries) == 0:
        return shapely.LineString()
    return shapely.line_merge(shapely.union_all(shapely.boundary(geometries)))
