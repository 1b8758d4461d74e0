"""Data for the app, loaded once per process and shared by every session (never a folium map).

The tables, display geometry and search index are loaded on first use; the display geometry
comes from the derived-data cache when it holds it for these boundary files, so a first run
need not load and simplify the full boundaries (which downloads still use, when asked). The
register comes from a `RegisterStore`, which reloads edited files and keeps the last good
register when they are broken. Coverages are cached per register version.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import streamlit as st

from coverage.engine import Coverage, compute_all
from coverage.register import Register
from coverage.search import MunicipalityIndex
from coverage.store import Loaded, RegisterStore
from geodata import Boundaries, Units, load_boundaries, load_units
from geodata.derived import cached
from geodata.display_geometry import DEFAULT_TOLERANCE_M, simplify_for_display
from geodata.place_tables import load_place_tables
from geodata.topology import Topology, build_topology


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
    shapes = cached(f"display-{DEFAULT_TOLERANCE_M:g}m", lambda: simplify_for_display(
        boundaries().municipalities).geometry.to_wkb(hex=True).to_dict())
    table = units().municipalities
    geometry = gpd.GeoSeries.from_wkb(pd.Series(shapes).reindex(table.index), crs="EPSG:4326")
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
def _register_store() -> RegisterStore:
    return RegisterStore(units())


def register() -> Loaded:
    """The last good register, with the error of the latest load if it failed."""
    return _register_store().get()


@st.cache_resource(show_spinner=False, max_entries=4)
def coverages(version: int, _register: Register) -> dict[str, Coverage]:
    """The coverage of every snapshot of one register version."""
    return compute_all(_register, units())
