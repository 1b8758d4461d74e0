"""Every fault of the boundary files gives one clear message naming the file and the
municipality or region: `BoundaryDataError` in code, exit 1 from the CLI, a short page in the
app (no traceback, no server path). Each fault is made in a private copy of the real files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geodata import BoundaryDataError, load_units
from geodata.disk_cache import CACHE_DIR_VARIABLE
from geodata.settings import GEODATA_DIR_VARIABLE
from geodata.tables import MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE, TOPOLOGY_FILE
from tests.app_session import new_session
from tests.conftest import REPOSITORY_ROOT
from tests.geodata_copy import copy_geodata
from tests.page_text import texts as shown_texts

ZWOLLE = "GM0193,Zwolle,,VR04,"


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def _write(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(content)


def _truncate(name: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(data[: len(data) // 2])
    return edit


def _drop_column(name: str, column: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        rows = list(csv.DictReader(io.StringIO((folder / name).read_text(encoding="utf-8"))))
        fields = [field for field in rows[0] if field != column]
        out = io.StringIO()
        writer = csv.DictWriter(out, fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        (folder / name).write_text(out.getvalue(), encoding="utf-8")
    return edit


def _append(name: str, line: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        with (folder / name).open("a", encoding="utf-8") as file:
            file.write(line + "\n")
    return edit


def _edit_topology(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        path = folder / TOPOLOGY_FILE
        topology = json.loads(path.read_text(encoding="utf-8"))
        change(topology)
        path.write_text(json.dumps(topology), encoding="utf-8")
    return edit


def _rename_layer(topology: dict) -> None:
    topology["objects"]["vr_regions"] = topology["objects"].pop("vr_features")


def _drop_feature(layer: str, code: str) -> Callable[[dict], None]:
    def change(topology: dict) -> None:
        features = topology["objects"][layer]["geometries"]
        features[:] = [item for item in features if item["properties"]["code"] != code]
    return change


def _drop_code_of_fifth_feature(topology: dict) -> None:
    del topology["objects"]["gm_features"]["geometries"][4]["properties"]["code"]


def _zwolle_line() -> int:
    lines = (REPOSITORY_ROOT / "geodata" / "cbs-2023" / MUNICIPALITIES_FILE).read_text(
        encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(ZWOLLE))


# fault id: (how to make it, file named, what the message says after "<file>: ")
FAULTS: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "topology missing": (
        _remove(TOPOLOGY_FILE), TOPOLOGY_FILE,
        "file not found (set the data folder with the environment variable "
        "COVERAGE_GEODATA_DIR)"),
    "municipality table missing": (
        _remove(MUNICIPALITIES_FILE), MUNICIPALITIES_FILE, "file not found"),
    "safety-region table missing": (
        _remove(SAFETY_REGIONS_FILE), SAFETY_REGIONS_FILE, "file not found"),
    "topology truncated": (
        _truncate(TOPOLOGY_FILE), TOPOLOGY_FILE, "not a readable JSON file"),
    "topology not UTF-8": (
        _write(TOPOLOGY_FILE, b"\xff\xfe{}"), TOPOLOGY_FILE, "not a readable JSON file"),
    "GeoJSON instead of TopoJSON": (
        _write(TOPOLOGY_FILE, b'{"type": "FeatureCollection", "features": []}'), TOPOLOGY_FILE,
        'not a TopoJSON file (expected an object with "type": "Topology")'),
    "layer missing": (
        _edit_topology(_rename_layer), TOPOLOGY_FILE,
        "layer vr_features is missing (found: gm_features, nl_features, vr_regions)"),
    "feature without code": (
        _edit_topology(_drop_code_of_fifth_feature), TOPOLOGY_FILE,
        "layer gm_features, feature #5 has no code"),
    "municipality without geometry": (
        _edit_topology(_drop_feature("gm_features", "GM0193")), TOPOLOGY_FILE,
        "layer gm_features has no geometry for GM0193 Zwolle"),
    "safety region without geometry": (
        _edit_topology(_drop_feature("vr_features", "VR04")), TOPOLOGY_FILE,
        "layer vr_features has no geometry for VR04 IJsselland"),
    "geometry for a code not in the table": (
        _replace(MUNICIPALITIES_FILE, "GM0193,Zwolle,,VR04,", "GM0194,Zwolle,,VR04,"),
        TOPOLOGY_FILE, "layer gm_features has no geometry for GM0194 Zwolle; "
                       "a geometry for a code not in the table: GM0193"),
    "table not UTF-8": (
        _write(MUNICIPALITIES_FILE, b"code,name\n\xff\xfe\xfa,\xe9\n"), MUNICIPALITIES_FILE,
        "cannot be read as a UTF-8 CSV file"),
    "column missing": (
        _drop_column(MUNICIPALITIES_FILE, "population"), MUNICIPALITIES_FILE,
        "missing column population (expected code, name, display_name, safety_region_code, "
        "population)"),
    "region column missing": (
        _drop_column(SAFETY_REGIONS_FILE, "police_unit"), SAFETY_REGIONS_FILE,
        "missing column police_unit"),
    "bad population": (
        _replace(MUNICIPALITIES_FILE, ZWOLLE + "1", ZWOLLE + "veel1"), MUNICIPALITIES_FILE,
        f"population is not a whole number of people for GM0193 Zwolle (line {_zwolle_line()})"),
    "empty name": (
        _replace(MUNICIPALITIES_FILE, "GM0193,Zwolle,", "GM0193,,"), MUNICIPALITIES_FILE,
        f"empty name for GM0193 (line {_zwolle_line()})"),
    "row with a field too few": (
        _append(MUNICIPALITIES_FILE, "GM9998,Ergens,,VR04"), MUNICIPALITIES_FILE,
        "wrong number of fields for GM9998 Ergens (line 344)"),
    "unknown safety region": (
        _replace(MUNICIPALITIES_FILE, ZWOLLE, "GM0193,Zwolle,,VR99,"), MUNICIPALITIES_FILE,
        "safety region not in safety-regions.csv for GM0193 Zwolle (VR99)"),
    "duplicate municipality": (
        _append(MUNICIPALITIES_FILE, "GM0193,Zwolle,,VR04,1"), MUNICIPALITIES_FILE,
        "duplicate code GM0193"),
    "duplicate safety region": (
        _append(SAFETY_REGIONS_FILE, "VR04,IJsselland,Overijssel,Oost-Nederland"),
        SAFETY_REGIONS_FILE, "duplicate code VR04"),
    "wrong table (Zwolle in VR01)": (
        _replace(MUNICIPALITIES_FILE, ZWOLLE, "GM0193,Zwolle,,VR01,"), MUNICIPALITIES_FILE,
        "safety regions disagree with the boundaries in nl-gm-vr-2023.topo.json for "
        "GM0193 Zwolle: table says VR01, boundaries say VR04"),
}


@pytest.fixture(params=list(FAULTS))
def fault(request: pytest.FixtureRequest, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, str]:
    """A broken copy of the boundary files (and an empty cache): folder, file, message."""
    make, file, message = FAULTS[request.param]
    folder = copy_geodata(tmp_path / "geodata")
    make(folder)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    return folder, file, message


def test_load_names_file_and_unit(fault: tuple[Path, str, str]) -> None:
    folder, file, message = fault
    with pytest.raises(BoundaryDataError) as raised:
        load_units(folder)
    assert (raised.value.file, raised.value.folder) == (file, folder)
    assert raised.value.public_message.startswith(f"{file}: {message}")


def test_cli_exits_1_with_the_message(fault: tuple[Path, str, str]) -> None:
    folder, file, message = fault
    env = {**os.environ, GEODATA_DIR_VARIABLE: str(folder)}
    result = subprocess.run([sys.executable, "-m", "coverage", "lookup", "zwolle", "--json"],
                            cwd=REPOSITORY_ROOT, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {folder / file}: {message}")
    assert "Traceback" not in result.stderr


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def page_texts(app: AppTest) -> list[str]:
    """The text of every element on the page, as Streamlit would send it."""
    def walk(node: object) -> Iterator[object]:
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)
    return [str(node.proto) for node in walk(app._tree) if getattr(node, "proto", None)]


@pytest.mark.usefixtures("fresh_caches")
def test_app_shows_a_short_page(fault: tuple[Path, str, str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder, file, message = fault
    monkeypatch.setenv(GEODATA_DIR_VARIABLE, str(folder))
    app = new_session()
    app.run()
    assert not app.exception
    assert [error.split(":")[0] for error in shown_texts(app, "error")] == [
        "Het dashboard kan nu geen antwoord geven"]
    (text,) = shown_texts(app, "paragraph")  # plain text: the message quotes the data files
    assert text.startswith(f"{file}: {message}")
    texts = "\n".join(page_texts(app))
    assert str(folder) not in texts
    assert str(REPOSITORY_ROOT) not in texts
    assert "/tmp" not in texts
    assert "Traceback" not in texts
    assert not app.title  # the dashboard itself did not run


def test_wrong_table_is_caught_by_lookup_every_time(tmp_path: Path) -> None:
    folder = copy_geodata(tmp_path / "geodata")
    FAULTS["wrong table (Zwolle in VR01)"][0](folder)
    env = {**os.environ, GEODATA_DIR_VARIABLE: str(folder),
           CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    for _ in range(2):  # a failed check is not cached as a success
        result = subprocess.run([sys.executable, "-m", "coverage", "lookup", "Zwolle"],
                                cwd=REPOSITORY_ROOT, env=env, capture_output=True, text=True,
                                timeout=120, check=False)
        assert result.returncode == 1
        assert "GM0193 Zwolle: table says VR01, boundaries say VR04" in result.stderr
        assert "IJsselland" not in result.stdout


def _corrupt_every_cache_file(cache: Path) -> list[Path]:
    """Replace each cached value by valid JSON of the wrong shape, keeping its key."""
    paths = sorted(cache.glob("*.json"))
    for path in paths:
        stored = json.loads(path.read_text())
        path.write_text(json.dumps({"key": stored["key"], "value": {"GM0014": [1, 2]}}))
    return paths


def test_cli_rebuilds_a_cache_with_wrong_content(tmp_path: Path) -> None:
    env = {**os.environ, CACHE_DIR_VARIABLE: str(tmp_path / "cache")}
    env.pop(GEODATA_DIR_VARIABLE, None)

    def report() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "coverage", "report", "--by", "national",
                               "--json"], cwd=REPOSITORY_ROOT, env=env, capture_output=True,
                              text=True, timeout=120, check=False)

    clean = report()
    assert clean.returncode == 0, clean.stderr
    corrupted = _corrupt_every_cache_file(tmp_path / "cache")
    assert [path.name.split("-")[0] for path in corrupted] == ["areas", "spatial"]
    again = report()
    assert (again.returncode, again.stderr, again.stdout) == (0, "", clean.stdout)
    assert all("GM0014" in json.loads(path.read_text())["value"] and
               json.loads(path.read_text())["value"]["GM0014"] != [1, 2] for path in corrupted)


@pytest.mark.usefixtures("fresh_caches")
def test_app_rebuilds_a_cache_with_wrong_content(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.delenv(GEODATA_DIR_VARIABLE, raising=False)
    app = new_session()
    app.run()
    assert not app.exception
    corrupted = _corrupt_every_cache_file(tmp_path / "cache")
    assert "display" in {path.name.split("-")[0] for path in corrupted}
    st.cache_resource.clear()
    app = new_session()
    app.run()
    assert not app.exception
    assert not shown_texts(app, "error")
    assert app.title[0].value == "Dekking zorgcoördinatie mensenhandel"
    display = next(path for path in corrupted if path.name.startswith("display-"))
    assert json.loads(display.read_text())["value"]["GM0014"] != [1, 2]
