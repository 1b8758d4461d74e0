"""Derived data (areas, the spatial check) is cached per content of the boundary files, validated
when read, rebuilt when anything is off, and written atomically."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

import geodata.disk_cache as disk_cache
from geodata import Boundaries
from geodata.checked import verified_regions
from geodata.derived import municipality_areas
from geodata.disk_cache import CACHE_DIR_VARIABLE, cache_dir
from geodata.settings import GEODATA_DIR_VARIABLE
from geodata.tables import MUNICIPALITIES_FILE, read_tables
from tests.conftest import REPOSITORY_ROOT
from tests.geodata_copy import copy_geodata


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(folder))
    return folder


def expected_areas(boundaries: Boundaries) -> dict[str, float]:
    return boundaries.municipalities["area_km2"].round(6).to_dict()


def areas_file(cache: Path) -> Path:
    (path,) = cache.glob("areas-*.json")
    return path


def test_default_location_is_the_user_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    assert cache_dir() == platformdirs.user_cache_path("coverage-dashboard", appauthor=False)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, "/somewhere/else")
    assert cache_dir() == Path("/somewhere/else")


def test_areas_are_cached_with_their_key(cache: Path, boundaries: Boundaries) -> None:
    assert municipality_areas().to_dict() == expected_areas(boundaries)
    stored = json.loads(areas_file(cache).read_text())
    assert stored["key"]["parameters"] == {"crs": "EPSG:28992", "decimals": 6}
    assert set(stored["key"]["libraries"]) == {"shapely", "geopandas", "pyproj", "pyogrio"}
    assert len(stored["key"]["boundary_files"]) == 64
    stored["value"]["GM0193"] = 1.5  # a valid value that is not the measured one
    areas_file(cache).write_text(json.dumps(stored))
    assert municipality_areas()["GM0193"] == 1.5  # proves the second call reads the file


@pytest.mark.parametrize("content", [
    '{"GM0014": 1.0}',                                  # the old format, no key
    "[]",
    '{"key": null, "value": {}}',
    "KEY_WITH_VALUE_OF_ONE_CODE",
    "KEY_WITH_TEXT_AREAS",
    "KEY_WITH_NEGATIVE_AREA",
])
def test_valid_json_with_wrong_content_is_rebuilt(cache: Path, boundaries: Boundaries,
                                                  content: str) -> None:
    municipality_areas()
    path = areas_file(cache)
    stored = json.loads(path.read_text())
    replacements = {
        "KEY_WITH_VALUE_OF_ONE_CODE": {"key": stored["key"], "value": {"GM0014": 1.0}},
        "KEY_WITH_TEXT_AREAS": {"key": stored["key"],
                                "value": dict.fromkeys(stored["value"], "12")},
        "KEY_WITH_NEGATIVE_AREA": {"key": stored["key"],
                                   "value": {**stored["value"], "GM0193": -1.0}},
    }
    path.write_text(json.dumps(replacements[content]) if content in replacements else content)
    assert municipality_areas().to_dict() == expected_areas(boundaries)
    assert json.loads(path.read_text()) == stored  # rewritten


def test_a_truncated_cache_is_rebuilt(cache: Path, boundaries: Boundaries) -> None:
    municipality_areas()
    path = areas_file(cache)
    whole = path.read_text()
    path.write_text(whole[: len(whole) // 2])
    assert municipality_areas().to_dict() == expected_areas(boundaries)
    assert path.read_text() == whole
    assert sorted(item.name for item in cache.iterdir() if item.name.endswith(".tmp")) == []


def test_other_library_versions_or_parameters_get_their_own_file(
        cache: Path, monkeypatch: pytest.MonkeyPatch, boundaries: Boundaries) -> None:
    municipality_areas()
    monkeypatch.setattr(disk_cache, "_library_versions",
                        lambda: {"shapely": "9.9", "geopandas": "1.2.0"})
    assert municipality_areas().to_dict() == expected_areas(boundaries)
    assert len(list(cache.glob("areas-*.json"))) == 2


def test_an_unwritable_cache_folder_still_gives_the_answer(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boundaries: Boundaries) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocker / "cache"))  # cannot be created
    assert municipality_areas().to_dict() == expected_areas(boundaries)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]


def test_a_read_only_cache_folder_still_gives_the_answer(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, boundaries: Boundaries) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(folder))
    # Root may write anyway; the os.replace failure below stands in for a refused write.
    monkeypatch.setattr(disk_cache.os, "replace", _refuse)
    try:
        assert municipality_areas().to_dict() == expected_areas(boundaries)
        assert list(folder.iterdir()) == []  # no temporary file left behind
    finally:
        folder.chmod(stat.S_IRWXU)


def _refuse(source: object, target: object) -> None:
    raise PermissionError(13, "Permission denied", str(target))


def test_no_temporary_file_survives_an_interrupted_write(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(source: object, target: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(disk_cache.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        municipality_areas()
    assert [path.name for path in cache.iterdir()] == []


def test_other_boundary_files_get_their_own_cache(cache: Path, tmp_path: Path) -> None:
    copy = copy_geodata(tmp_path / "geodata")
    municipality_areas()
    table = copy / MUNICIPALITIES_FILE
    table.write_text(table.read_text().replace("GM0193,Zwolle,,VR04,", "GM0193,Zwolle,,VR04,1"))
    municipality_areas(copy)
    assert len(list(cache.glob("areas-*.json"))) == 2


def test_a_forged_spatial_check_outcome_is_checked_again(cache: Path, tmp_path: Path) -> None:
    """A cached outcome that does not match the table is not trusted: the check runs again."""
    copy = copy_geodata(tmp_path / "geodata")
    units = read_tables(copy)
    verified_regions(units, copy)
    (path,) = cache.glob("spatial-check-*.json")
    stored = json.loads(path.read_text())
    assert stored["value"]["GM0193"] == "VR04"
    stored["value"]["GM0193"] = "VR01"
    path.write_text(json.dumps(stored))
    verified_regions(units, copy)  # no error: the boundaries agree with the table
    assert json.loads(path.read_text())["value"]["GM0193"] == "VR04"


def test_a_cached_spatial_check_needs_no_geometry(cache: Path) -> None:
    """The first run loads the geometry to check the tables; the next one reads the outcome
    from the cache and does not even import geopandas or shapely."""
    script = ("import sys, geodata; geodata.load_units(); "
              "print('geopandas' in sys.modules, 'shapely' in sys.modules)")
    env = {**os.environ, CACHE_DIR_VARIABLE: str(cache)}
    env.pop(GEODATA_DIR_VARIABLE, None)
    outputs = [subprocess.run([sys.executable, "-c", script], cwd=REPOSITORY_ROOT, env=env,
                              capture_output=True, text=True, timeout=60, check=True).stdout
               for _ in range(2)]
    assert [output.split() for output in outputs] == [["True", "True"], ["False", "False"]]
    assert len(list(cache.glob("spatial-check-*.json"))) == 1


def test_a_wrong_display_geometry_cache_is_rebuilt(cache: Path) -> None:
    """The app's simplified map geometry: a cached value that is not one polygon per
    municipality (bad WKB, a point, a code missing) is derived again."""
    import shapely
    import streamlit as st

    from ui import data

    st.cache_resource.clear()
    first = data.display_municipalities()
    (path,) = cache.glob("display-*.json")
    good = json.loads(path.read_text())
    point = shapely.Point(6.1, 52.5).wkb_hex
    corruptions = [{**good["value"], "GM0193": "00"}, {**good["value"], "GM0193": point},
                   {code: shape for code, shape in good["value"].items() if code != "GM0193"}]
    for corrupt in corruptions:
        path.write_text(json.dumps({"key": good["key"], "value": corrupt}))
        st.cache_resource.clear()
        again = data.display_municipalities()
        assert again.geometry.geom_equals(first.geometry).all()
        assert json.loads(path.read_text()) == good
    st.cache_resource.clear()
