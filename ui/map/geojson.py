"""The data the map embeds: one TopoJSON topology with escaped text, and bounds.

Municipalities, safety-region borders and area outlines share one arc set
(:mod:`geodata.topology`): each edge is sent once. folium's ``GeoJsonTooltip`` puts property
values into ``innerHTML`` unescaped, so every string that can reach a tooltip is passed through
:func:`html.escape` here.

The municipalities carry only what the map needs: ``code``, ``name``, ``region``, ``status``
(the translated text) and ``key`` (the :data:`ui.map.palette.STATUS_COLOURS` key); outlines
carry no properties.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any, Final

import geopandas as gpd
import pandas as pd

from geodata.topology import Topology, border_arcs, outline_arcs
from ui.map.palette import STATUS_COLOURS, colour_keys

__all__ = [
    "MUNICIPALITIES",
    "STATUS_TEXT_COLUMN",
    "area_outlines_object",
    "latlon_bounds",
    "lines_object",
    "municipalities_object",
    "municipality_properties",
    "region_borders_object",
]

STATUS_TEXT_COLUMN: Final = "status_text"
"""Column of the coverage table holding the translated status wording."""

MUNICIPALITIES: Final = "municipalities"
"""Name of the municipalities' object in the topology."""

_REQUIRED_COLUMNS: Final = ("display_name", "safety_region_name", "status", "split_by_age",
                            STATUS_TEXT_COLUMN)


def _escaped(values: pd.Series) -> list[str]:
    return [html.escape(str(value), quote=True) for value in values]


def latlon_bounds(geometry: gpd.GeoSeries) -> list[list[float]]:
    """``[[south, west], [north, east]]`` of EPSG:4326 geometry (Leaflet's order)."""
    west, south, east, north = geometry.total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]


def municipality_properties(display: gpd.GeoDataFrame,
                            coverage_table: pd.DataFrame) -> dict[str, dict[str, str]]:
    """Code → the five display properties, text escaped, in the order of ``display``.

    Args:
        display: Municipality geometry indexed by code.
        coverage_table: Per code: ``display_name``, ``safety_region_name``, ``status``,
            ``split_by_age`` and :data:`STATUS_TEXT_COLUMN`; must cover every code of
            ``display``.

    Raises:
        KeyError: If the table lacks a column or a municipality of ``display``.
        ValueError: If a colour key is not one of :data:`ui.map.palette.STATUS_COLOURS`.
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
    columns = zip([str(code) for code in display.index], _escaped(table["display_name"]),
                  _escaped(table["safety_region_name"]), _escaped(table[STATUS_TEXT_COLUMN]),
                  keys.to_numpy(), strict=True)
    return {code: {"code": code, "name": name, "region": region, "status": status, "key": key}
            for code, name, region, status, key in columns}


def municipalities_object(topology: Topology,
                          properties: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """The TopoJSON GeometryCollection of the municipalities, with their properties."""
    return {"type": "GeometryCollection", "geometries": [
        {"type": "MultiPolygon", "arcs": topology.polygons[code], "properties": dict(values)}
        for code, values in properties.items()]}


def lines_object(arcs: Iterable[int]) -> dict[str, Any]:
    """A TopoJSON MultiLineString of whole arcs (each a line of its own)."""
    return {"type": "MultiLineString", "arcs": [[index] for index in arcs]}


def region_borders_object(topology: Topology, display: gpd.GeoDataFrame,
                          column: str = "safety_region_code") -> dict[str, Any]:
    """The borders between safety regions (and the outer edge) as a MultiLineString."""
    return lines_object(border_arcs(topology, dict(zip(display.index, display[column],
                                                       strict=True))))


def area_outlines_object(topology: Topology,
                         areas: Iterable[Iterable[str]]) -> dict[str, Any]:
    """The outlines of several areas (groups of municipality codes) as one MultiLineString;
    an arc on two areas' outlines is drawn once."""
    arcs: dict[int, None] = {}
    for members in areas:
        arcs.update(dict.fromkeys(outline_arcs(topology, members)))
    return lines_object(sorted(arcs))
