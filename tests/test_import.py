"""`python -m coverage import`/`export`/`revert` on SQLite and on PostgreSQL: review, publish,
refuse removals and bad input, racing imports, a crash in the middle, the round trip."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy

from cli.main import main
from registry.database import DATABASE_URL_VARIABLE
from registry.store import PAUSE_VARIABLE, open_store
from registry.yaml_text import MAX_FILE_BYTES
from tests.conftest import REPOSITORY_ROOT

CURRENT = REPOSITORY_ROOT / "data" / "snapshots" / "current.yaml"
FIER_PHONE = '"058 - 215 70 84"'


def command(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "coverage", *args]


def environment(url: str, **more: str) -> dict[str, str]:
    return {**os.environ, DATABASE_URL_VARIABLE: url, **more}


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


Cli = Callable[..., Result]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., Result]:
    """Run the CLI in this process (as `python -m coverage` would, minus the start-up)."""

    def run_cli(url: str, *args: str) -> Result:
        monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run_cli


def numbers(runner: Cli, url: str) -> list[int]:
    result = runner(url, "versions", "--json")
    assert result.returncode == 0, result.stderr
    return [version["number"] for version in json.loads(result.stdout)]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def fier_phone(runner: Cli, url: str) -> str:
    result = runner(url, "lookup", "leeuwarden", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["coordinators"][0]["phones"][0]["e164"]


def test_review_then_publish_then_lookup(cli: Cli, database_url: str, tmp_path: Path) -> None:
    new = write(tmp_path / "new.yaml",
                CURRENT.read_text("utf-8").replace(FIER_PHONE, '"058 - 215 70 85"'))
    review = cli(database_url, "import", str(new))
    assert review.returncode == 0, review.stderr
    assert "Entries changed (1):\n  - provincie-friesland: contacts" in review.stdout
    assert "Leeuwarden (GM0080): contact_changed" in review.stdout
    assert "+31582157084 -> Fier [all] +31582157085" in review.stdout
    assert ("Old -> new, per entry and contact:\n  - provincie-friesland (changed)\n"
            "    contact Fier (changed)\n      phones: 058 - 215 70 84 -> 058 - 215 70 85\n"
            "    answer changes in 18 municipalities: Achtkarspelen, Ameland,") in review.stdout
    assert "Not published" in review.stdout
    assert numbers(cli, database_url) == [2, 1]  # a review writes nothing
    assert fier_phone(cli, database_url) == "+31582157084"

    published = cli(database_url, "import", str(new), "--yes", "--base", "2", "--comment",
                    "Fier's new number", "--author", "anna")
    assert published.returncode == 0, published.stderr
    assert "Published version 3 (based on version 2)." in published.stdout
    assert fier_phone(cli, database_url) == "+31582157085"
    newest = json.loads(cli(database_url, "versions", "--json").stdout)[0]
    assert (newest["number"], newest["parent"], newest["published_by"], newest["comment"]) == (
        3, 2, "anna", "Fier's new number")

    stale = cli(database_url, "import", str(new), "--yes", "--base", "2")
    assert stale.returncode == 3
    assert "version 2 is no longer the newest published version (the newest is 3)" in (
        stale.stderr)
    assert numbers(cli, database_url) == [3, 2, 1]


def test_a_truncated_file_is_refused_with_the_removed_entries(cli: Cli, database_url: str,
                                                              tmp_path: Path) -> None:
    text = CURRENT.read_text("utf-8")
    cut = write(tmp_path / "cut.yaml", text[:text.index("  - id: provincie-friesland")])
    refused = cli(database_url, "import", str(cut), "--yes")
    assert refused.returncode == 1
    assert "Entries removed (13):" in refused.stdout
    assert "would remove 13 entries (provincie-friesland, noord-oost-gelderland-en-achterhoek," in (
        refused.stderr)
    assert "--allow-removals" in refused.stderr
    assert numbers(cli, database_url) == [2, 1]
    assert fier_phone(cli, database_url) == "+31582157084"

    allowed = cli(database_url, "import", str(cut), "--yes", "--allow-removals")
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(cli(database_url, "lookup", "leeuwarden", "--json").stdout)[
        "status"] == "fallback"


def _bad_inputs(folder: Path) -> dict[str, tuple[Path, list[str]]]:
    """Bad files and what the refusal must name (file, line, entry, field, problem)."""
    text = CURRENT.read_text("utf-8")
    latin = folder / "latin1.yaml"
    latin.write_bytes(text.encode("utf-8").replace(
        b"organisation: Fier\n", "organisation: Fiér\n".encode("latin-1")))
    bomb_lines = ["id: current", "title: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    bomb_lines += [f"t{i}: &a{i} [*a, *a, *a, *a, *a, *a, *a, *a, *a]" for i in range(9)]
    dangling = folder / "dangling.yaml"
    dangling.symlink_to(folder / "missing.yaml")
    friesland = "entry #5 'provincie-friesland'"

    def line(fragment: str) -> str:
        return f":{next(n for n, row in enumerate(text.splitlines(), 1) if fragment in row)}"

    return {
        "broken YAML": (write(folder / "broken.yaml", text.replace(
            f"phones: [{FIER_PHONE}]", f"phones: [{FIER_PHONE}")),
            # The parser notices at the next entry's first line.
            [line("- id: noord-oost-gelderland-en-achterhoek"), friesland, "YAML syntax error"]),
        "not UTF-8": (latin, [line("organisation: Fier"), friesland,
                              "field 'contacts[0].organisation'", "not UTF-8 text (byte 0xe9)"]),
        "impossible date": (write(folder / "date.yaml", text.replace(
            "date: null", "date: 2023-02-30")),
            [line("date: null"), "field 'source.date'", "impossible date '2023-02-30'"]),
        "over 1 MB": (write(folder / "big.yaml", text + "#" * MAX_FILE_BYTES),
                      ["larger than 1,000,000 bytes"]),
        "alias bomb": (write(folder / "bomb.yaml", "\n".join(bomb_lines) + "\n"),
                       [":2", "field 'title'", "YAML anchor 'a' is not allowed"]),
        "dangling symlink": (dangling, ["is a symbolic link to a missing file"]),
        "unknown field": (write(folder / "field.yaml", text.replace(
            "organisation: Fier\n", "organisatie: Fier\n")),
            [line("organisation: Fier"), friesland, "unknown field 'organisatie'"]),
    }


def test_bad_input_is_refused_naming_file_line_entry_field(cli: Cli, database_url: str,
                                                           tmp_path: Path) -> None:
    for name, (path, expected) in _bad_inputs(tmp_path).items():
        started = time.monotonic()
        result = cli(database_url, "import", str(path), "--yes", "--allow-removals")
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert result.stderr.startswith(f"error: {path}"), (name, result.stderr)
        for part in expected:
            assert part in result.stderr, (name, part, result.stderr)
        assert time.monotonic() - started < 30, name  # an alias bomb is refused, not expanded
    assert numbers(cli, database_url) == [2, 1]


def test_racing_imports_one_winner(cli: Cli, database_url: str, tmp_path: Path) -> None:
    assert numbers(cli, database_url) == [2, 1]  # seeded before the race
    files = [write(tmp_path / f"racer-{digit}.yaml", CURRENT.read_text("utf-8").replace(
        FIER_PHONE, f'"058 - 215 70 8{digit}"')) for digit in (5, 6, 7, 8)]
    racers = [subprocess.Popen(command(database_url, "import", str(path), "--yes", "--base", "2"),
                               cwd=REPOSITORY_ROOT, env=environment(database_url),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for path in files]
    outcomes = [(racer.wait(timeout=180), racer.communicate()) for racer in racers]
    codes = sorted(code for code, _ in outcomes)
    assert codes == [0, 3, 3, 3], outcomes
    winner = files[[code for code, _ in outcomes].index(0)]
    assert numbers(cli, database_url) == [3, 2, 1]
    assert cli(database_url, "export", "3").stdout == winner.read_text("utf-8")


def test_kill_during_import_leaves_the_previous_version(cli: Cli, database_url: str,
                                                       tmp_path: Path) -> None:
    assert numbers(cli, database_url) == [2, 1]
    new = write(tmp_path / "new.yaml",
                CURRENT.read_text("utf-8").replace(FIER_PHONE, '"058 - 215 70 85"'))
    importer = subprocess.Popen(
        command(database_url, "import", str(new), "--yes", "--base", "2"),
        cwd=REPOSITORY_ROOT, env=environment(database_url, **{PAUSE_VARIABLE: "120"}),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = importer.stderr.readline()  # the row is inserted, the commit not yet done
        assert line.strip() == "pausing before commit", line
        os.kill(importer.pid, signal.SIGKILL)
        assert importer.wait(timeout=30) == -signal.SIGKILL
    finally:
        if importer.poll() is None:
            importer.kill()
    assert numbers(cli, database_url) == [2, 1]
    assert fier_phone(cli, database_url) == "+31582157084"
    store = open_store(database_url)
    if store.engine.dialect.name == "sqlite":
        with store.engine.connect() as connection:
            check = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
        assert check == "ok"
    with store.engine.connect() as connection:
        chain = connection.execute(sqlalchemy.text(
            "SELECT number, parent FROM register_versions ORDER BY number")).all()
    assert [tuple(row) for row in chain] == [(1, None), (2, 1)]
    again = cli(database_url, "import", str(new), "--yes", "--base", "2")
    assert again.returncode == 0, again.stderr
    assert fier_phone(cli, database_url) == "+31582157085"


def test_export_import_round_trip_and_revert(cli: Cli, database_url: str, tmp_path: Path) -> None:
    exported = tmp_path / "earlier.yaml"
    assert cli(database_url, "export", "earlier", "--output", str(exported)).returncode == 0
    same = cli(database_url, "import", str(exported), "--base", "2", "--yes",
               "--allow-removals", "--comment", "back to the earlier overview")
    assert same.returncode == 0, same.stderr
    versions = json.loads(cli(database_url, "versions", "--json").stdout)
    assert versions[0]["number"] == 3
    assert versions[0]["content_hash"] == versions[2]["content_hash"]  # identical content
    assert cli(database_url, "export", "3").stdout == cli(database_url, "export", "1").stdout
    unchanged = cli(database_url, "import", str(exported), "--yes")
    assert "No changes against version 3." in unchanged.stdout
    assert numbers(cli, database_url) == [3, 2, 1]

    reverted = cli(database_url, "revert", "2", "--comment", "the Dutch overview again")
    assert reverted.returncode == 0, reverted.stderr
    versions = json.loads(cli(database_url, "versions", "--json").stdout)
    assert (versions[0]["number"], versions[0]["comment"]) == (4, "the Dutch overview again")
    assert versions[0]["content_hash"] == versions[2]["content_hash"]
    assert cli(database_url, "export", "current").stdout == CURRENT.read_text("utf-8")
