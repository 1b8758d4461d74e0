"""A register database that stops answering, for the tests of the last known good version
(issue 16): SQLite files moved away, damaged and brought back, and the wait until the app asks
the database again. The fixtures built on these (`cache`, `sqlite_database`) are in
tests/conftest.py."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from tests.support.caches import clear_data_cache
from ui.data import NEWEST_TTL_S

TIMEOUT_S = 1.0
"""The database timeout the outage tests set (`COVERAGE_DATABASE_TIMEOUT_S`)."""
NOTICE = {"nl": "de database is nu niet bereikbaar", "en": "the database cannot be reached"}
"""The end of the line that says the database does not answer, per language."""


def later() -> None:
    """Let the cached newest number and a remembered failure expire."""
    clear_data_cache()
    time.sleep(NEWEST_TTL_S + 0.1)


def database_files(path: Path) -> list[Path]:
    """An SQLite database's file and its WAL files."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def move_away(path: Path) -> Path:
    """Move the database (and its WAL files) into another folder; the folder."""
    aside = path.parent.with_name("aside")
    aside.mkdir(exist_ok=True)
    for file in database_files(path):
        if file.exists():
            file.rename(aside / file.name)
    return aside


def bring_back(path: Path, aside: Path) -> None:
    """Put the files moved or copied `aside` back in place of the database's."""
    for file in database_files(path):
        file.unlink(missing_ok=True)
        if (aside / file.name).exists():
            (aside / file.name).rename(file)


def damage(path: Path, how: str) -> Path:
    """Make the database unusable as `how` says; the folder with the original files."""
    aside = path.parent.with_name("aside")
    aside.mkdir(exist_ok=True)
    for file in database_files(path):
        if file.exists():
            shutil.copy(file, aside / file.name)
    if how == "moved away":
        for file in database_files(path):
            file.unlink(missing_ok=True)
    elif how == "cut short":
        path.write_bytes(path.read_bytes()[:1500])
    elif how == "overwritten":
        path.write_bytes(b"\x00\x13garbage" * 4096)
    elif how == "emptied":
        path.write_bytes(b"")
    return aside
