"""Outlines dissolved the other way: shapely's polygon union, for the tests only.

The app dissolves in one place, :mod:`geodata.topology`: an area's or a safety region's outline
is the arcs used once inside it, read from the shared arcs without any polygon union. The tests
check those outlines against an independent method: union the display municipalities of each
group (GEOS coverage union where the input is a valid coverage) and take the union's boundary.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

import geopandas as gpd
import pandas as pd
import shapely

__all__ = ["dissolve_outlines", "outline_lines", "region_outlines"]


def _union(display: gpd.GeoDataFrame, members: pd.DataFrame) -> gpd.GeoDataFrame:
    """Dissolve ``display`` geometries by ``members['group']`` (``members['code']`` → row)."""
    frame = gpd.GeoDataFrame(
        {"group": members["group"].to_numpy()},
        geometry=display.geometry.reindex(members["code"]).to_numpy(),
        crs=display.crs,
    )
    method = "coverage" if shapely.coverage_is_valid(display.geometry.to_numpy()) else "unary"
    dissolved = frame.dissolve(by="group", method=method, sort=False)
    counts = members.groupby("group", sort=False).size()
    dissolved["municipality_count"] = counts.reindex(dissolved.index).to_numpy()
    return dissolved


def dissolve_outlines(display_municipalities: gpd.GeoDataFrame,
                      groups: Mapping[str, Set[str]]) -> gpd.GeoDataFrame:
    """Union the display municipalities of each group into one outline polygon.

    Returns a GeoDataFrame indexed by group id (in the order of ``groups``, index name ``id``)
    with ``municipality_count`` and the dissolved ``geometry``; groups without codes are left
    out. Raises KeyError for codes missing from ``display_municipalities``.
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


def region_outlines(display_municipalities: gpd.GeoDataFrame, by: str = "safety_region_code",
                    name_column: str | None = "safety_region_name") -> gpd.GeoDataFrame:
    """Dissolve the display municipalities by column ``by`` (indexed by its values, sorted),
    with ``municipality_count`` and, when ``name_column`` is given, ``name``."""
    members = pd.DataFrame({"group": display_municipalities[by].to_numpy(),
                            "code": display_municipalities.index.to_numpy()})
    outlines = _union(display_municipalities, members).sort_index().rename_axis(by)
    if name_column is not None:
        names = display_municipalities.groupby(by)[name_column].first()
        outlines.insert(0, "name", names.reindex(outlines.index).to_numpy())
    return outlines


def outline_lines(outlines: gpd.GeoDataFrame | gpd.GeoSeries) -> shapely.Geometry:
    """The boundaries of ``outlines`` as one line network, each shared edge once, joined into
    runs between junctions (``line_merge``); an empty LineString when there is nothing."""
    geometries = outlines.geometry.to_numpy() if isinstance(outlines, gpd.GeoDataFrame) \
        else outlines.to_numpy()
    if len(geometries) == 0:
        return shapely.LineString()
    return shapely.line_merge(shapely.union_all(shapely.boundary(geometries)))
