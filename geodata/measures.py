"""Municipality areas (km², EPSG:28992) without loading geometry on every call.

The areas are measured by `load_boundaries` (which also runs the spatial check) and kept in a
small JSON file named after a hash of the boundary files' contents. A command-line report
then reads 342 numbers instead of importing geopandas and projecting every polygon; any change
to the boundary files gives a new hash, so a stale cache is never used.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from geodata.settings import geodata_dir
from geodata.tables import MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE

CACHE_DIR_VARIABLE = "COVERAGE_CACHE_DIR"
"""Environment variable for the cache folder (default `~/.cache/coverage-dashboard`)."""

_HASHED_FILES = (MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE, "nl-gm-vr-2023.topo.json")


def cache_dir() -> Path:
    """Where measured areas are kept."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(configured) if configured else Path.home() / ".cache" / "coverage-dashboard"


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in _HASHED_FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:20]


def municipality_areas(data_dir: Path | None = None) -> pd.Series:
    """Area in km² per municipality code, from the cache or measured (and then cached)."""
    folder = data_dir or geodata_dir()
    try:
        cached = cache_dir() / f"areas-{_fingerprint(folder)}.json"
    except OSError:
        cached = None  # a missing file: let load_boundaries name it
    if cached is not None and cached.is_file():
        return pd.Series(json.loads(cached.read_text()), name="area_km2", dtype="float64")

    from geodata.boundaries import load_boundaries  # geometry only when not cached

    areas = load_boundaries(folder).municipalities["area_km2"]
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(areas.round(6).to_dict()))
            partial.replace(cached)
        except OSError:
            pass  # a read-only home: measure again next time
    return areas
