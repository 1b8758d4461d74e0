"""The GeoJSON the map embeds: municipality features with escaped text, bare outlines, bounds.

folium's ``GeoJsonTooltip`` puts property values into ``innerHTML`` unescaped, so every string
that can reach a tooltip is passed through :func:`html.escape` here.

The municipality features carry only what the map needs: ``code``, ``name``, ``region``,
``status`` (the translated text) and ``key`` (the :data:`ui.map_palette.STATUS_COLOURS` key);
outlines carry no properties. Coordinates are whatever the caller passes, normally from
:func:`geodata.display_geometry.simplify_for_display` (5 decimals).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, TypeVar

import geopandas as gpd
import pandas as pd
import pyproj
import shapely

from geodata.display_geometry import outline_lines
from ui.map_palette import STATUS_COLOURS, colour_keys

__all__ = [
    "STATUS_TEXT_COLUMN",
    "geojson_geometries",
    "latlon_bounds",
    "municipality_features",
    "outline_features",
]

STATUS_TEXT_COLUMN: Final = "status_text"
"""Column of the coverage table holding the translated status wording."""

_REQUIRED_COLUMNS: Final = ("display_name", "safety_region_name", "status", "split_by_age",
                            STATUS_TEXT_COLUMN)

_WGS84: Final = pyproj.CRS.from_epsg(4326)

GeoFrame = TypeVar("GeoFrame", gpd.GeoDataFrame, gpd.GeoSeries)


def _in_wgs84(frame: GeoFrame) -> GeoFrame:
    """The frame in EPSG:4326, without a (costly) transformation when it already is."""
    return frame if frame.crs is not None and frame.crs.equals(_WGS84) else frame.to_crs(_WGS84)


def _escaped(values: pd.Series) -> list[str]:
    return [html.escape(str(value), quote=True) for value in values]


def latlon_bounds(geometry: gpd.GeoSeries) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of the geometry in EPSG:4326 (Leaflet's order)."""
    west, south, east, north = _in_wgs84(geometry).total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


def geojson_geometries(geometry: gpd.GeoSeries) -> list[dict[str, Any]]:
    """The GeoJSON geometry of every shape, in EPSG:4326 and in order.

    For the municipalities these never change: compute them once and pass them to
    :func:`municipality_features` as ``shapes`` (saves converting 342 polygons each time).
    """
    return [json.loads(text) for text in shapely.to_geojson(_in_wgs84(geometry).to_numpy())]


def municipality_features(display: gpd.GeoDataFrame, coverage_table: pd.DataFrame,
                          shapes: Sequence[Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """The municipality FeatureCollection with the five display properties, text escaped.

    Args:
        display: Municipality geometry indexed by code.
        coverage_table: Per code: ``display_name``, ``safety_region_name``, ``status``,
            ``split_by_age`` and :data:`STATUS_TEXT_COLUMN`; must cover every code of
            ``display``.
        shapes: :func:`geojson_geometries` of ``display``, or None to convert them here.

    Raises:
        KeyError: If the table lacks a column or a municipality of ``display``.
        ValueError: If a colour key is not one of :data:`ui.map_palette.STATUS_COLOURS`.
    """
    missing = [column for column in _REQUIRED_COLUMNS if column not in coverage_table.columns]
    if missing:
        raise KeyError(f"coverage table lacks columns {missing}")
    table = coverage_table.reindex(display.index)
    absent = table.index[table["status"].isna()]
    if len(absent):
        raise KeyError(f"no coverage for municipalities {list(absent)}")
    keys = colour_keys(table)
    unknown = sorted(set(keys) - set(STATUS_COLOURS))
    if unknown:
        raise ValueError(f"unknown status values {unknown}")
    if shapes is None:
        shapes = geojson_geometries(display.geometry)
    columns = zip([str(code) for code in display.index], _escaped(table["display_name"]),
                  _escaped(table["safety_region_name"]), _escaped(table[STATUS_TEXT_COLUMN]),
                  keys.to_numpy(), shapes, strict=True)
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": shape,
         "properties": {"code": code, "name": name, "region": region, "status": status,
                        "key": key}}
        for code, name, region, status, key, shape in columns]}


def outline_features(outlines: gpd.GeoDataFrame, *, as_lines: bool) -> dict[str, Any]:
    """A FeatureCollection of bare outline geometries (no properties), in EPSG:4326.

    ``as_lines``: one feature with the line network (shared edges once, see
    :func:`geodata.display_geometry.outline_lines`) instead of the polygons; for outlines
    drawn without fill.
    """
    geometry = _in_wgs84(outlines.geometry)
    if as_lines:
        geometry = gpd.GeoSeries([outline_lines(geometry)], crs=geometry.crs)
    bare = gpd.GeoDataFrame(geometry=geometry.to_numpy(), crs=geometry.crs)
    return bare.to_geo_dict(drop_id=True)
