"""Data for the app, loaded once per process and shared by every session (never a folium map).

The tables, display geometry and search index are loaded on first use; the display geometry
comes from the derived-data cache when it holds it for these boundary files, so a first run
need not load and simplify the full boundaries (which downloads still use, when asked).

The register comes from the database of published versions (`registry`). Versions never change,
so a version's coverage is cached by its number for good; only the number of the newest version
is asked again, at most every `NEWEST_TTL_S` seconds, so a version published anywhere reaches
every session within seconds while reading never waits for a reload. A session works on one
version number per run: it always sees one whole version.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from coverage.engine import Coverage
from coverage.search import MunicipalityIndex
from geodata import Boundaries, Units, load_boundaries, load_units
from geodata.derived import cached
from geodata.display_geometry import DEFAULT_TOLERANCE_M, simplify_for_display
from geodata.place_tables import load_place_tables
from geodata.topology import Topology, build_topology
from registry.database import database_url
from registry.readers import open_reader
from registry.versions import VersionInfo, VersionReader, read_document
from registry.yaml_register import register_dir

NEWEST_TTL_S = 2.0
"""How long the number of the newest published version is trusted before it is asked again."""


def units() -> Units:
    """The municipality and safety-region tables (cached by `load_units` itself)."""
    return load_units()


@st.cache_resource(show_spinner=False)
def boundaries() -> Boundaries:
    """The full CBS boundaries, checked and measured (for downloads)."""
    return load_boundaries()


@st.cache_resource(show_spinner=False)
def display_municipalities() -> gpd.GeoDataFrame:
    """Municipalities simplified as a coverage for the map, with the units table's columns."""
    table = units().municipalities

    def parse(shapes: Any) -> gpd.GeoSeries:
        """One valid polygonal geometry per municipality; raises otherwise."""
        if not isinstance(shapes, dict) or set(shapes) != set(table.index):
            raise ValueError("display geometry: not one shape per municipality")
        geometry = gpd.GeoSeries.from_wkb(pd.Series(shapes).reindex(table.index),
                                          crs="EPSG:4326", on_invalid="raise")
        if not geometry.geom_type.isin(["Polygon", "MultiPolygon"]).all():
            raise ValueError("display geometry: not all polygons")
        return geometry

    geometry = cached("display", lambda: simplify_for_display(
        boundaries().municipalities).geometry.to_wkb(hex=True).to_dict(), parse,
        parameters={"tolerance_m": DEFAULT_TOLERANCE_M, "crs": "EPSG:4326"})
    return gpd.GeoDataFrame(table, geometry=geometry)


@st.cache_resource(show_spinner=False)
def display_topology() -> Topology:
    """The display municipalities' shared arcs, built once for every map."""
    return build_topology(display_municipalities())


@st.cache_resource(show_spinner=False)
def municipality_index() -> MunicipalityIndex:
    """Search over codes, official and common names, places, postcodes and aliases."""
    places = load_place_tables()
    return MunicipalityIndex(units().municipalities, places.names, places.postcodes)


@st.cache_resource(show_spinner=False)
def _reader(url: str, seed_dir: str) -> VersionReader:
    """The reader on the database (migrated, and filled from the seed folder when empty)."""
    return open_reader(units(), url, Path(seed_dir))


def reader() -> VersionReader:
    """The published versions of `$COVERAGE_DATABASE_URL` (or the user's SQLite file)."""
    return _reader(database_url(), str(register_dir()))


@st.cache_data(show_spinner=False, ttl=NEWEST_TTL_S)
def _newest_number(url: str, seed_dir: str) -> int | None:
    return _reader(url, seed_dir).newest_number()


def newest_number() -> int | None:
    """The newest published version's number, at most `NEWEST_TTL_S` seconds old."""
    return _newest_number(database_url(), str(register_dir()))


def forget_newest_number() -> None:
    """Ask for the newest number again on the next call: this process has just published (or
    found that someone else has), and the run that follows must show that version from its
    start, not only after the version watch's next tick (which would rerun the page and take
    the publish's outcome off it)."""
    _newest_number.clear()


@st.cache_data(show_spinner=False, max_entries=16)
def _infos(url: str, seed_dir: str, newest: int | None) -> list[VersionInfo]:
    return _reader(url, seed_dir).infos()


def versions() -> list[VersionInfo]:
    """Every published version, newest first (read again when a new one is published)."""
    return _infos(database_url(), str(register_dir()), newest_number())


_CACHE_KEYS = itertools.count(1)


@dataclass(frozen=True)
class Shown:
    """One published version as the page shows it: its number, its coverage, and a key for
    caches, unique within the process (two databases may both have a version 2)."""

    number: int
    coverage: Coverage
    key: int


@st.cache_resource(show_spinner=False, max_entries=8)
def _shown(url: str, seed_dir: str, number: int) -> Shown:
    document = read_document(_reader(url, seed_dir), number, units())
    return Shown(number, Coverage(document.snapshot, document.fallback, units()),
                 next(_CACHE_KEYS))


def shown(number: int) -> Shown:
    """A published version's coverage, read and validated once per process."""
    return _shown(database_url(), str(register_dir()), number)
