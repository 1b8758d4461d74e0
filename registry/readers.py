"""Open the published versions for reading, with as little start-up work as possible.

A ready SQLite file (newest schema, at least one version) is read with the standard library
(`registry.sqlite_reader`); only a new or older database, or another kind of database, loads
SQLAlchemy (`registry.store`), which migrates and seeds it first.
"""

from __future__ import annotations

from pathlib import Path

from geodata import Units
from registry.database import database_url, sqlite_path
from registry.sqlite_reader import SqliteReader
from registry.versions import VersionReader


def open_reader(units: Units, url: str | None = None,
                seed_dir: Path | None = None) -> VersionReader:
    """A reader on a ready database: the standard-library reader for a ready SQLite file,
    else the store, after migrating and seeding (from `seed_dir`, default `data/` or
    `$COVERAGE_REGISTER_DIR`)."""
    url = url or database_url()
    path = sqlite_path(url)
    if path is not None:
        reader = SqliteReader(path)
        if reader.is_ready():
            return reader
    from registry.store import open_store

    store = open_store(url)
    store.prepare(units, seed_dir)
    return SqliteReader(path) if path is not None else store
