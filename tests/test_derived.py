"""Derived data (areas) is cached per content of the boundary files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from geodata import Boundaries, geodata_dir
from geodata.boundaries import TOPOLOGY_FILE
from geodata.derived import CACHE_DIR_VARIABLE, municipality_areas
from geodata.tables import MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE


def test_areas_are_cached_and_match_the_boundaries(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boundaries: Boundaries) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path))
    measured = municipality_areas()
    (cached_file,) = tmp_path.glob("areas-*.json")
    from_cache = municipality_areas()
    assert from_cache.round(6).equals(boundaries.municipalities["area_km2"].round(6))
    assert measured.round(6).equals(from_cache.round(6))
    cached_file.write_text('{"GM0014": 1.0}')  # proves the second call reads the file
    assert municipality_areas().to_dict() == {"GM0014": 1.0}


def test_other_boundary_files_get_their_own_cache(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    copy = tmp_path / "geodata"
    copy.mkdir()
    for name in (MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE, TOPOLOGY_FILE):
        shutil.copy(geodata_dir() / name, copy / name)
    municipality_areas()
    table = copy / MUNICIPALITIES_FILE
    table.write_text(table.read_text().replace("GM0193,Zwolle,,VR04,", "GM0193,Zwolle,,VR04,1"))
    municipality_areas(copy)
    assert len(list((tmp_path / "cache").glob("areas-*.json"))) == 2
