"""`python -m coverage lookup` from the answers kept on disk (cli/lookup_cache.py): the
same bytes as the full path, for names, places, postcodes, both languages, text and JSON, the
newest and an earlier version; a new version, changed boundary files and a broken file are
never answered from a stale or broken cache; and a lookup from the cache imports none of the
geometry or data libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import lookup_cache
from cli.main import main
from cli.words import LANGUAGE_VARIABLE
from geodata.disk_cache import CACHE_DIR_VARIABLE
from geodata.settings import GEODATA_DIR_VARIABLE
from registry.database import DATABASE_URL_VARIABLE
from tests.conftest import REPOSITORY_ROOT
from tests.geodata_copy import copy_geodata

QUERIES = ["Zwolle", "GM0363", "den haag", "Ede", "Almere", "Weert", "hoofddorp", "2132 AB",
           "Súdwest-Fryslân", "utrecht", "Hengelo"]
"""Names, codes, a place, a postcode, accents, every status of the seed versions."""


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database of its own (filled from `data/` on first use) and an empty cache folder."""
    monkeypatch.setenv(DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'register.sqlite3'}")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    return tmp_path


def full(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What the full command line prints (it also keeps the version's answers)."""
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def from_cache(capsys: pytest.CaptureFixture[str], *argv: str) -> str | None:
    """What the cache prints, or None when it cannot answer."""
    code = lookup_cache.answer_from_cache(list(argv))
    printed = capsys.readouterr().out
    if code is None:
        assert printed == ""
        return None
    assert code == 0
    return printed


def kept_files(folder: Path) -> list[Path]:
    return sorted((folder / "cache").glob("lookup-*.json"))


def run_module(*argv: str, env: dict[str, str], python: tuple[str, ...] = ()) -> str:
    result = subprocess.run([sys.executable, *python, "-m", "coverage", *argv],
                            cwd=REPOSITORY_ROOT, capture_output=True, text=True, timeout=120,
                            check=True, env=env)
    return result.stdout + result.stderr if python else result.stdout


@pytest.mark.parametrize("snapshot", ["current", "1"])
def test_the_cache_prints_the_same_bytes_as_the_full_path(
        fresh: Path, capsys: pytest.CaptureFixture[str], snapshot: str) -> None:
    argv = ("lookup", "Zwolle", "--snapshot", snapshot)
    assert from_cache(capsys, *argv) is None  # nothing kept yet
    full(capsys, *argv)
    assert len(kept_files(fresh)) == 1
    for query in QUERIES:
        for language in ("en", "nl"):
            for form in ((), ("--json",)):
                argv = ("lookup", query, "--snapshot", snapshot, "--lang", language, *form)
                assert from_cache(capsys, *argv) == full(capsys, *argv), argv


def test_ambiguous_unknown_and_other_requests_go_the_full_way(
        fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full(capsys, "lookup", "Zwolle")
    for argv in (["lookup", "bergen"], ["lookup", "amsterdm"], ["lookup", "Zwolle", "--data",
                 "data"], ["--data", "data", "lookup", "Zwolle"], ["lookup", "Zwolle", "-h"],
                 ["lookup", "Zwolle", "--snapshot", "99"], ["versions"]):
        assert from_cache(capsys, *argv) is None, argv


def test_a_new_version_is_not_answered_from_the_cache_of_the_one_before(
        fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weert = ("lookup", "Weert", "--json")
    before = full(capsys, *weert)
    assert from_cache(capsys, *weert) == before
    assert main(["revert", "1", "--comment", "back to the earlier overview"]) == 0
    capsys.readouterr()
    assert from_cache(capsys, *weert) is None  # version 3 is new: not kept yet
    after = full(capsys, *weert)
    assert json.loads(after)["version"]["number"] == 3
    assert json.loads(after)["status"] != json.loads(before)["status"]
    assert from_cache(capsys, *weert) == after
    assert len(kept_files(fresh)) == 2


def test_changed_boundary_files_are_not_answered_from_the_cache(
        fresh: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = copy_geodata(fresh / "geodata")
    monkeypatch.setenv(GEODATA_DIR_VARIABLE, str(folder))
    env = dict(__import__("os").environ)
    argv = ("lookup", "Zwolle", "--json")
    before = run_module(*argv, env=env)  # the full path, in a process of its own
    assert run_module(*argv, env=env) == before  # from the cache
    table = folder / "municipalities-2023.csv"
    text = table.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("GM0193,"))
    population = json.loads(before)["municipality"]["population"]
    table.write_text(text.replace(line, line.replace(str(population), str(population + 1))),
                     encoding="utf-8")
    assert from_cache(capsys, *argv) is None
    after = run_module(*argv, env=env)
    assert json.loads(after)["municipality"]["population"] == population + 1
    assert run_module(*argv, env=env) == after


def test_a_broken_cache_file_is_ignored_and_written_anew(
        fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("lookup", "Ede", "--lang", "nl")
    expected = full(capsys, *argv)
    (kept,) = kept_files(fresh)
    good = kept.read_text(encoding="utf-8")
    for broken in (good[: len(good) // 2], "[]", json.dumps({"key": "another"}),
                   good.replace('"answers"', '"something else"'), "\0\xff"):
        kept.write_text(broken, encoding="utf-8")
        assert from_cache(capsys, *argv) is None
        assert full(capsys, *argv) == expected
        assert from_cache(capsys, *argv) == expected


def test_a_lookup_from_the_cache_imports_no_geometry_or_data_library(fresh: Path) -> None:
    env = dict(__import__("os").environ)
    cold = run_module("lookup", "Zwolle", env=env)
    imported = run_module("lookup", "Zwolle", env=env, python=("-X", "importtime"))
    assert imported.startswith(cold)  # the same answer, then the import times
    modules = {line.split("|")[-1].strip() for line in imported.splitlines()
               if line.startswith("import time:")}
    assert "cli.lookup_cache" in modules
    for library in ("geopandas", "shapely", "pyproj", "pyogrio", "pandas", "numpy",
                    "pydantic", "sqlalchemy"):
        assert library not in modules, library


def test_the_cache_answers_in_the_language_of_coverage_lang(
        fresh: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LANGUAGE_VARIABLE, "nl")
    dutch = full(capsys, "lookup", "Ede")  # the full path, in COVERAGE_LANG's language
    assert "veiligheidsregio" in dutch
    assert from_cache(capsys, "lookup", "Ede") == dutch
    english = from_cache(capsys, "lookup", "Ede", "--lang", "en")  # --lang wins
    assert english is not None and "safety region" in english
    monkeypatch.delenv(LANGUAGE_VARIABLE)
    assert from_cache(capsys, "lookup", "Ede", "--lang", "nl") == dutch
    assert from_cache(capsys, "lookup", "Ede") == english
