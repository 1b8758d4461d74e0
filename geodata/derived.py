"""Data derived from the boundary files, kept on disk so that loading is not repeated.

Measuring areas, simplifying polygons for display and the spatial check all need the full
geometry (geopandas, projections, ~0.5 s). Their results are kept as small JSON files named
after a hash of the boundary files' contents: a command-line report or the app's first run
reads them instead, and any change to the boundary files gives a new hash, so a stale result
is never used. The derivation itself always goes through `load_boundaries`, which runs the
spatial check.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from geodata.settings import geodata_dir
from geodata.tables import MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE

CACHE_DIR_VARIABLE = "COVERAGE_CACHE_DIR"
"""Environment variable for the cache folder (default `~/.cache/coverage-dashboard`)."""

_HASHED_FILES = (MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE, "nl-gm-vr-2023.topo.json")


def cache_dir() -> Path:
    """Where derived data is kept."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    return Path(configured) if configured else Path.home() / ".cache" / "coverage-dashboard"


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for name in _HASHED_FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()[:20]


def cached(name: str, derive: Callable[[], Any], data_dir: Path | None = None) -> Any:
    """The JSON value `derive()` returns for the current boundary files, from the cache when
    it holds one for exactly these files, else derived and then cached.

    `name` tells derived values apart (e.g. `areas`); a cache that cannot be read or written
    (a read-only home) only means deriving again next time.
    """
    folder = data_dir or geodata_dir()
    try:
        path = cache_dir() / f"{name}-{_fingerprint(folder)}.json"
    except OSError:
        return derive()  # a missing boundary file: let the loader name it
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = derive()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(value), encoding="utf-8")
        partial.replace(path)
    except OSError:
        pass
    return value


def municipality_areas(data_dir: Path | None = None) -> pd.Series:
    """Area in km² per municipality code (measured in EPSG:28992 by `load_boundaries`)."""
    def measure() -> dict[str, float]:
        from geodata.boundaries import load_boundaries  # geometry only when not cached

        return load_boundaries(data_dir).municipalities["area_km2"].round(6).to_dict()

    return pd.Series(cached("areas", measure, data_dir), name="area_km2", dtype="float64")
