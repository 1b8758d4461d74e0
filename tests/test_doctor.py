"""`python -m coverage doctor`: one line per check, OK or FAIL with a hint; exit 0 only when
everything is in order (a healthy setup), 1 for a broken database URL, a missing database, an
unwritable cache folder, a missing or damaged last known good copy, or untested packages."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geodata import Units
from geodata.disk_cache import CACHE_DIR_VARIABLE, cache_dir
from registry import last_good
from registry.database import DATABASE_URL_VARIABLE
from registry.doctor import check_last_good, check_tested_set
from registry.store import open_store
from registry.versions import read_document
from registry.yaml_register import DATA_DIR
from tests.conftest import REPOSITORY_ROOT

CHECKS = ("boundaries", "migrations", "database", "cache folder", "last known good copy",
          "tested package set")


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """A cache folder of the test's own, with the derived boundary data already made."""
    folder = tmp_path / "cache"
    folder.mkdir()
    if cache_dir().is_dir():
        for file in cache_dir().glob("*.json"):
            if not file.name.startswith("last-good-"):
                shutil.copy(file, folder / file.name)
    return folder


def seeded(url: str, units: Units, cache: Path) -> None:
    """A seeded database, and the app's last known good copy of its newest version."""
    store = open_store(url)
    store.prepare(units, DATA_DIR)
    info = store.infos()[0]
    good = last_good.LastGood(info, read_document(store, info.number, units),
                              datetime.datetime.now(datetime.UTC))
    assert last_good.save(last_good.copy_path(url, cache), good)


def doctor(url: str, cache: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, DATABASE_URL_VARIABLE: url, CACHE_DIR_VARIABLE: str(cache)}
    return subprocess.run([sys.executable, "-m", "coverage", "doctor"], cwd=REPOSITORY_ROOT,
                          env=environment, capture_output=True, text=True, timeout=300,
                          check=False)


def lines_of(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """The check lines by check name; nothing else but the closing line, no traceback."""
    assert "Traceback" not in result.stderr + result.stdout and result.stderr == ""
    *checks, closing = result.stdout.splitlines()
    found = {}
    for line in checks:
        status, _, rest = line.partition(" ")
        name = rest.strip().split(":", 1)[0]
        assert status in ("OK", "FAIL") and name in CHECKS, line
        found[name] = line
    assert list(found) == list(CHECKS)
    assert closing.startswith(("All checks passed", "Something needs fixing"))
    return found


def test_a_healthy_setup_passes_every_check(tmp_path: Path, units: Units, cache: Path,
                                            database_url: str) -> None:
    seeded(database_url, units, cache)
    result = doctor(database_url, cache)
    assert result.returncode == 0, result.stdout
    found = lines_of(result)
    assert all(line.startswith("OK   ") for line in found.values()), result.stdout
    assert "342 municipalities, 25 safety regions" in found["boundaries"]
    assert "schema revision 0004, 2 versions, newest 2 (current" in found["database"]
    assert "version 2 (current), valid" in found["last known good copy"]


def test_a_broken_database_url_fails_with_a_hint(cache: Path) -> None:
    url = "postgresql+psycopg://nobody:secret-password@127.0.0.1:1/none"
    result = doctor(url, cache)
    assert result.returncode == 1
    found = lines_of(result)
    line = found["database"]
    assert line.startswith("FAIL database: postgresql+psycopg://nobody:***@127.0.0.1:1/none "
                           "cannot be used: ")
    assert "fix: check COVERAGE_DATABASE_URL" in line and "secret-password" not in line
    assert found["boundaries"].startswith("OK") and found["cache folder"].startswith("OK")


def test_a_missing_database_is_reported_not_created(tmp_path: Path, cache: Path) -> None:
    path = tmp_path / "none.sqlite3"
    result = doctor(f"sqlite:///{path}", cache)
    assert result.returncode == 1
    line = lines_of(result)["database"]
    assert line.startswith(f"FAIL database: no database file at {path}; fix: start the app")
    assert not path.exists()


def test_an_unwritable_cache_folder_fails_with_a_hint(tmp_path: Path, units: Units,
                                                      cache: Path) -> None:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    seeded(url, units, cache)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")  # even root cannot make a folder inside a file
    result = doctor(url, blocker / "cache")
    assert result.returncode == 1
    found = lines_of(result)
    assert found["cache folder"] == (
        f"FAIL cache folder: {blocker / 'cache'} cannot be written; fix: make "
        f"{blocker / 'cache'} writable for the app's user, or set {CACHE_DIR_VARIABLE} to a "
        "writable folder")
    assert found["last known good copy"].startswith("FAIL last known good copy: none at")
    assert "fix: open the dashboard once" in found["last known good copy"]
    assert found["database"].startswith("OK")


def test_a_damaged_last_good_copy_fails(tmp_path: Path, units: Units, cache: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    seeded(url, units, cache)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(cache))
    assert check_last_good(url).ok
    path = last_good.copy_path(url, cache)
    path.write_text(path.read_text("utf-8").replace("Rotterdam", "Rotterdan"), "utf-8")
    check = check_last_good(url)
    assert not check.ok and "does not match its content hash" in check.found
    assert check.line().endswith("fix: delete it; the app writes a new one at its next read "
                                 "of the database")


def test_the_tested_set_counts_what_a_server_needs(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\ndependencies = ["pyyaml>=6.0", "sqlalchemy>=2"]\n')
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(f"pytest=={pytest.__version__}\nsome-test-tool==1.0\n")
    assert check_tested_set(constraints, pyproject).ok  # a test tool need not be installed
    constraints.write_text("pyyaml==0.1\nsqlalchemy==2.0.0\nsome-test-tool==1.0\n")
    check = check_tested_set(constraints, pyproject)
    assert not check.ok
    assert check.found.startswith("2 differ from constraints.txt: pyyaml 6.")
    assert "(tested: 0.1)" in check.found and "some-test-tool" not in check.found
    assert check.fix == "pip install -e . -c constraints.txt (from the repository root)"
