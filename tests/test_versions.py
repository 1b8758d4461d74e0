"""The command line on the published versions: versions, show, diff, --snapshot by number or
label, unknown versions, and `check --data` without the database."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cli.main import main
from registry.database import DATABASE_URL_VARIABLE
from tests.conftest import REPOSITORY_ROOT

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> Cli:
    """Run the CLI in this process on a new database filled from `data/`."""
    monkeypatch.setenv(DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'register.sqlite3'}")

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_versions_json_shape(cli: Cli) -> None:
    code, out, _ = cli("versions", "--json")
    assert code == 0
    newest, first = json.loads(out)
    assert set(newest) == {"number", "label", "source_date", "source", "published_at",
                           "published_by", "comment", "parent", "content_hash"}
    assert (newest["number"], newest["label"], newest["parent"]) == (2, "current", 1)
    assert (first["number"], first["label"], first["parent"]) == (1, "earlier", None)
    assert newest["comment"] == "First start: seeded from current.yaml"
    assert newest["source"] == "‘Zorgcoördinatoren’, Wegwijzer Mensenhandel"
    assert len(newest["content_hash"]) == 64
    code, out, _ = cli("versions")
    assert out.splitlines()[0].startswith("   2  current")
    assert out.splitlines()[0].endswith("(newest)")


def test_show_a_version(cli: Cli) -> None:
    code, out, _ = cli("show", "earlier")
    assert code == 0
    assert out.startswith("Version 1 (earlier), published ")
    assert "Based on: nothing (the first)" in out
    assert "  - amsterdam-police-region: Amsterdam police region" in out


def test_snapshot_by_number_or_label(cli: Cli) -> None:
    answers = {}
    for reference in ("1", "earlier", "2", "current"):
        code, out, _ = cli("lookup", "Weert", "--snapshot", reference, "--json")
        assert code == 0
        answers[reference] = json.loads(out)["status"]
    assert answers == {"1": "fallback", "earlier": "fallback", "2": "coordinator",
                       "current": "coordinator"}


@pytest.mark.parametrize("args", [("lookup", "Weert", "--snapshot", "9"),
                                  ("show", "latest"), ("export", "0")])
def test_an_unknown_version_exits_2(cli: Cli, args: tuple[str, ...]) -> None:
    code, _, err = cli(*args)
    assert code == 2
    assert "choose a number from 1 to 2 or a label (current, earlier)" in err


def test_diff_defaults_to_the_newest_against_the_one_before(cli: Cli) -> None:
    code, out, _ = cli("diff", "--json")
    default = {item["code"]: item["change"] for item in json.loads(out)}
    assert default["GM0828"] == "gained"
    code, out, _ = cli("diff", "--from", "2", "--to", "1", "--json")
    backwards = {item["code"]: item["change"] for item in json.loads(out)}
    assert backwards["GM0828"] == "lost" and set(backwards) == set(default)
    code, _, err = cli("diff", "--to", "1")
    assert code == 2 and "version 1 is the first" in err


def test_check_validates_every_published_version(cli: Cli) -> None:
    code, out, _ = cli("check")
    assert code == 0
    assert "earlier: 17 entries OK (version 1)" in out
    assert "current: 17 entries OK (version 2)" in out


def test_check_data_reads_files_without_the_database(tmp_path: Path) -> None:
    database = tmp_path / "never.sqlite3"
    data = tmp_path / "data"
    shutil.copytree(REPOSITORY_ROOT / "data", data)

    def check() -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "coverage", "--data", str(data), "check"],
                              cwd=REPOSITORY_ROOT, capture_output=True, text=True, timeout=120,
                              env={**os.environ,
                                   DATABASE_URL_VARIABLE: f"sqlite:///{database}"},
                              check=False)

    result = check()
    assert result.returncode == 0, result.stderr
    assert "current: 17 entries OK" in result.stdout
    (data / "snapshots" / "current.yaml").unlink()
    (data / "snapshots" / "current.yaml").symlink_to(tmp_path / "gone.yaml")
    result = check()
    assert result.returncode == 1
    assert f"{data / 'snapshots' / 'current.yaml'}: is a symbolic link to a missing file" in (
        result.stderr)
    assert not database.exists()
