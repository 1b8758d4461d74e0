"""Every refusal of `python -m coverage` is one line and exit code 1 or 2: odd version names
and a database that cannot be written; never a traceback, never the register's content."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from registry.database import DATABASE_URL_VARIABLE
from tests.support.paths import REPOSITORY_ROOT

WITHOUT_OVERRIDES = ("setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner,-chown")
"""Root without the capabilities that ignore file modes (as in test_read_only_checkout)."""
PHONE = re.compile(r"\+31\d{6,}|\b0\d{2,3} - \d")
"""A phone number as the register writes it (`033 - 448 11 86`) or as E.164 (`+31…`)."""


def run(*args: str, env: dict[str, str] | None = None,
        prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "coverage", *args],
                          cwd=REPOSITORY_ROOT, capture_output=True, text=True, timeout=120,
                          check=False, env={**os.environ, **(env or {})})


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], code: int) -> str:
    """Exit `code`, nothing on stdout but what came before, one short line on stderr."""
    assert result.returncode == code, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[-2000:]
    assert len(lines[0]) < 300, lines[0]
    return lines[0]


@pytest.mark.parametrize("name", ["²", "9" * 5000, "1²", "٣", "\x1b[2J"])
@pytest.mark.parametrize("command", [("lookup", "Zwolle", "--snapshot"), ("show",),
                                     ("export",), ("check", "--snapshot"),
                                     ("diff", "--from")])
def test_an_odd_version_name_is_refused_in_one_line(command: tuple[str, ...],
                                                    name: str) -> None:
    line = assert_one_line_refusal(run(*command, name), 2)
    assert "no version" in line and "\x1b" not in line


@pytest.fixture
def read_only_database(tmp_path: Path) -> Iterator[tuple[dict[str, str], Path]]:
    """A seeded SQLite database, and a changed copy of its newest version to import; the
    database file and its folder are made read-only by the test (restored afterwards)."""
    folder = tmp_path / "database"
    folder.mkdir()
    env = {DATABASE_URL_VARIABLE: f"sqlite:///{folder / 'register.sqlite3'}"}
    changed = tmp_path / "changed.yaml"
    assert run("export", "current", "-o", str(changed), env=env).returncode == 0
    text = changed.read_text(encoding="utf-8")
    assert "058 - 215 70 84" in text
    changed.write_text(text.replace("058 - 215 70 84", "058 - 215 70 99"), encoding="utf-8")
    try:
        yield env, changed
    finally:
        for path in (folder, *folder.iterdir()):
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


@pytest.mark.parametrize("read_only_folder", [False, True])
def test_an_import_into_a_read_only_database_says_so_in_one_line(
        read_only_database: tuple[dict[str, str], Path], read_only_folder: bool) -> None:
    env, changed = read_only_database
    path = Path(env[DATABASE_URL_VARIABLE].removeprefix("sqlite:///"))
    path.chmod(0o444)
    if read_only_folder:
        path.parent.chmod(0o555)
    result = run("import", str(changed), "--yes", env=env, prefix=WITHOUT_OVERRIDES)
    line = assert_one_line_refusal(result, 1)
    assert "the database cannot be written" in line and str(path) in line
    assert result.stdout == ""  # refused before the review: no entry, no number
    assert not PHONE.search(result.stdout + result.stderr)
    assert "entries" not in line and "area_wording" not in line
    # Nothing was published: the newest version is still the seed's.
    path.parent.chmod(0o755)
    path.chmod(0o644)
    versions = run("versions", env=env)
    assert versions.returncode == 0 and "(newest)" in versions.stdout.splitlines()[0]
    assert versions.stdout.splitlines()[0].split()[0] == "2"


def test_the_probe_does_not_stop_a_writable_import(
        read_only_database: tuple[dict[str, str], Path]) -> None:
    env, changed = read_only_database
    result = run("import", str(changed), "--yes", env=env, prefix=WITHOUT_OVERRIDES)
    assert result.returncode == 0, result.stderr
    assert "Published version 3 (based on version 2)." in result.stdout


def test_an_unknown_long_name_is_quoted_cut_on_one_line() -> None:
    notice = "LET OP: het nummer is gewijzigd. Bel voortaan 0900-1234567 " * 5
    line = assert_one_line_refusal(run("lookup", notice + "\u202e\x1b[2J"), 2)
    assert "no municipality" in line
    assert "0900-1234567" not in line and "\u202e" not in line and "\x1b" not in line
