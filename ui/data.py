"""Data for the app, loaded once per process and shared by every session (never a folium map).

Boundaries, display geometry and the search index are loaded on first use; the register comes
from a `RegisterStore`, which reloads edited files and keeps the last good register when they
are broken. Coverages are cached per register version.
"""

from __future__ import annotations

import geopandas as gpd
import streamlit as st

from coverage.engine import Coverage, compute_all
from coverage.register import Register
from coverage.search import MunicipalityIndex
from coverage.store import Loaded, RegisterStore
from geodata import Boundaries, load_boundaries
from ui.display_geometry import dissolve_outlines, region_outlines, simplify_for_display


@st.cache_resource(show_spinner=False)
def boundaries() -> Boundaries:
    """The CBS boundaries, checked and measured."""
    return load_boundaries()


@st.cache_resource(show_spinner=False)
def display_municipalities() -> gpd.GeoDataFrame:
    """Municipalities simplified as a coverage for the map."""
    return simplify_for_display(boundaries().municipalities)


@st.cache_resource(show_spinner=False)
def display_regions() -> gpd.GeoDataFrame:
    """Safety-region outlines that match the simplified municipalities exactly."""
    return region_outlines(display_municipalities())


@st.cache_resource(show_spinner=False)
def municipality_index() -> MunicipalityIndex:
    """Search over codes, official and common names."""
    return MunicipalityIndex(boundaries().municipalities)


@st.cache_resource(show_spinner=False)
def _register_store() -> RegisterStore:
    return RegisterStore(boundaries().units)


def register() -> Loaded:
    """The last good register, with the error of the latest load if it failed."""
    return _register_store().get()


@st.cache_resource(show_spinner=False, max_entries=4)
def coverages(version: int, _register: Register) -> dict[str, Coverage]:
    """The coverage of every snapshot of one register version."""
    return compute_all(_register, boundaries().units)


@st.cache_resource(show_spinner=False, max_entries=8)
def area_outlines(version: int, snapshot_id: str, _coverage: Coverage) -> gpd.GeoDataFrame:
    """The outline of every entry's area in one snapshot, indexed by entry id."""
    return dissolve_outlines(display_municipalities(),
                             {entry_id: codes for entry_id, codes in _coverage.areas.items()
                              if codes})
