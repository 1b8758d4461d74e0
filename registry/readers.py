"""Open the published versions for reading, with as little start-up work as possible.

A ready SQLite file (newest schema, at least one version) is read with the standard library
(`registry.sqlite_reader`); only a new or older database, or another kind of database, loads
SQLAlchemy (`registry.store`), which migrates and seeds it first.

The app reads through `open_guarded_reader`: every read waits at most a timeout, and any way
the database fails to answer (a file gone or garbled, a server stopped, a lock held too long)
comes out as one error, `DatabaseUnreachableError`, for the app to answer from the last version
it knew (`registry.last_good`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from geodata import Units
from registry.database import (
    DatabaseUnreachableError,
    create_engine,
    database_url,
    sqlite_path,
    unreachable_errors,
)
from registry.sqlite_reader import SqliteReader
from registry.versions import VersionInfo, VersionReader

T = TypeVar("T")


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


class GuardedReader:
    """A `VersionReader` whose every failure to get an answer from the database is a
    `DatabaseUnreachableError` (an unknown version stays an `UnknownVersionError`)."""

    def __init__(self, reader: VersionReader, errors: tuple[type[BaseException], ...]) -> None:
        self.reader = reader
        self.errors = errors

    def _ask(self, question: Callable[[], T]) -> T:
        try:
            return question()
        except self.errors as error:
            raise DatabaseUnreachableError(str(error)) from error

    def newest_number(self) -> int | None:
        """The number of the newest published version."""
        return self._ask(self.reader.newest_number)

    def infos(self) -> list[VersionInfo]:
        """Every published version, newest first."""
        return self._ask(self.reader.infos)

    def texts(self, number: int) -> tuple[str, str]:
        """The snapshot and fallback YAML of one version."""
        return self._ask(lambda: self.reader.texts(number))


def open_guarded_reader(units: Units, url: str, seed_dir: Path | None, *, timeout_s: float,
                        create: bool) -> GuardedReader:
    """A reader whose every question waits at most about `timeout_s` seconds and fails as
    `DatabaseUnreachableError` (see `GuardedReader`); opening it fails the same way.

    A database of the register at an older schema is migrated, an empty one (an existing
    PostgreSQL database, an empty SQLite file) is seeded from `seed_dir`. A missing SQLite
    file, or one without the register's schema, is created and seeded only when `create` says
    this is a first start (the app: when it has no copy of an earlier version); otherwise it
    is a database that went away, and opening fails.
    """
    path = sqlite_path(url)
    if path is None:
        return _open_server(units, url, seed_dir, timeout_s)
    reader = SqliteReader(path, timeout_s=timeout_s)
    errors = (sqlite3.Error,)
    try:
        revision, newest = reader.schema() if path.is_file() else (None, None)
    except sqlite3.Error as error:  # locked, garbled, unreadable
        raise DatabaseUnreachableError(f"{path}: {error}") from error
    if revision is None and not create:
        raise DatabaseUnreachableError(f"{path}: no register database there")
    if revision is None or newest is None or not reader.is_ready():
        try:
            open_reader(units, url, seed_dir)  # migrates and seeds
        except unreachable_errors() as error:
            raise DatabaseUnreachableError(f"{path}: {error}") from error
    return GuardedReader(reader, errors)


def _open_server(units: Units, url: str, seed_dir: Path | None,
                 timeout_s: float) -> GuardedReader:
    """`open_guarded_reader` on a database server (PostgreSQL): reads on an engine with
    connect and statement timeouts; migrating and seeding on the writers' engine, which waits
    for another server doing the same."""
    from registry.store import VersionStore

    store = VersionStore(create_engine(url, timeout_s=timeout_s))
    errors = unreachable_errors()
    try:
        if not store.is_ready():
            VersionStore(create_engine(url)).prepare(units, seed_dir)
    except errors as error:
        raise DatabaseUnreachableError(str(error)) from error
    return GuardedReader(store, errors)
