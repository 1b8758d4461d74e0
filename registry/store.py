"""The register's versions in a database (SQLAlchemy): prepare, seed, read and publish.

Every write is one transaction. `prepare` brings the schema up to date and fills an empty
database from the seed folder (`data/` or `$COVERAGE_REGISTER_DIR`) in one transaction, under
a lock, so that several app servers starting together seed it once. `publish` appends a
version to the chain; two publications on the same base cannot both succeed (the newest number
is re-read inside the write transaction, and the database refuses a second child of a version).
"""

from __future__ import annotations

import datetime
import os
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from geodata import Units
from registry.database import create_engine, database_url, writing
from registry.documents import Document
from registry.migrate import HEAD_REVISION, current_revision, upgrade
from registry.tables import RegisterVersion
from registry.versions import (
    COLUMNS,
    StaleBaseError,
    UnknownVersionError,
    VersionInfo,
    info_from_row,
)
from registry.yaml_register import (
    FALLBACK_FILE,
    fallback_from_text,
    read_file,
    register_dir,
    snapshot_from_text,
    snapshot_paths,
)

SEED_AUTHOR = "seed"
PAUSE_VARIABLE = "COVERAGE_PAUSE_BEFORE_COMMIT_S"
"""For the crash tests only: seconds to wait inside a publishing transaction, after the
insert and before the commit (a line `pausing before commit` goes to stderr first)."""
_ADVISORY_LOCK = 7_000_007
"""PostgreSQL advisory lock held while the schema is migrated and the seeds are written."""

_TABLE = RegisterVersion.__table__


class VersionStore:
    """Published versions in any SQLAlchemy database; reads and appends."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- reading ----------------------------------------------------------------------------

    def newest_number(self) -> int | None:
        """The number of the newest published version."""
        with self.engine.connect() as connection:
            return connection.execute(select(func.max(_TABLE.c.number))).scalar()

    def infos(self) -> list[VersionInfo]:
        """Every published version, newest first."""
        columns = [_TABLE.c[name] for name in COLUMNS]
        with self.engine.connect() as connection:
            rows = connection.execute(select(*columns).order_by(_TABLE.c.number.desc()))
            return [info_from_row(tuple(row)) for row in rows]

    def texts(self, number: int) -> tuple[str, str]:
        """The snapshot and fallback YAML of one version."""
        with self.engine.connect() as connection:
            row = connection.execute(select(_TABLE.c.snapshot_yaml, _TABLE.c.fallback_yaml)
                                     .where(_TABLE.c.number == number)).first()
        if row is None:
            raise UnknownVersionError(f"no version {number}")
        return row[0], row[1]

    # --- writing ----------------------------------------------------------------------------

    def _write(self) -> Any:
        """A connection whose transaction takes the write lock at once (SQLite)."""
        return writing(self.engine)

    def is_ready(self) -> bool:
        """Whether the database is at the newest schema and holds at least one version."""
        with self.engine.connect() as connection:
            return current_revision(connection) == HEAD_REVISION and bool(connection.execute(
                select(func.count()).select_from(_TABLE)).scalar())

    def prepare(self, units: Units, seed_dir: Path | None = None) -> None:
        """Migrate to the newest schema; fill an empty database from the seed folder."""
        if self.is_ready():
            return
        seeds = seed_documents(units, seed_dir or register_dir())  # validated before writing
        with self._write() as connection, connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(sqlalchemy.text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": _ADVISORY_LOCK})
            if current_revision(connection) != HEAD_REVISION:
                upgrade(connection)
            if connection.execute(select(func.count()).select_from(_TABLE)).scalar():
                return  # another process seeded it meanwhile
            for number, (path, document) in enumerate(seeds, start=1):
                _insert(connection, number, document, author=SEED_AUTHOR,
                        comment=f"First start: seeded from {path.name}")

    def publish(self, document: Document, *, author: str, comment: str,
                base: int | None = None) -> VersionInfo:
        """Publish `document` as the next version; refuse with `StaleBaseError` when `base`
        is given and is no longer the newest version, or when another publication won."""
        with self._write() as connection:
            try:
                with connection.begin():
                    newest = connection.execute(select(func.max(_TABLE.c.number))).scalar()
                    if base is not None and newest != base:
                        raise StaleBaseError(base, newest)
                    number = (newest or 0) + 1
                    _insert(connection, number, document, author=author, comment=comment)
                    _pause_if_asked()
            except sqlalchemy.exc.IntegrityError:
                raise StaleBaseError(base if base is not None else newest,
                                     self.newest_number()) from None
        return next(info for info in self.infos() if info.number == number)


def _insert(connection: Connection, number: int, document: Document, *, author: str,
            comment: str) -> None:
    snapshot = document.snapshot
    connection.execute(_TABLE.insert().values(
        number=number, label=snapshot.id, source_date=snapshot.date,
        source=snapshot.source.summary,
        published_at=datetime.datetime.now(datetime.UTC), published_by=author, comment=comment,
        parent=number - 1 if number > 1 else None, content_hash=document.content_hash,
        snapshot_yaml=document.snapshot_yaml, fallback_yaml=document.fallback_yaml))


def _pause_if_asked() -> None:
    pause = float(os.environ.get(PAUSE_VARIABLE) or 0)
    if pause > 0:
        print("pausing before commit", file=sys.stderr, flush=True)
        time.sleep(pause)


def seed_documents(units: Units, folder: Path) -> list[tuple[Path, Document]]:
    """The seed overviews of a register folder, validated, oldest (`sequence`) first."""
    fallback_path = folder / FALLBACK_FILE
    fallback_yaml = read_file(fallback_path)
    fallback = fallback_from_text(fallback_yaml, fallback_path)
    documents = []
    for path in snapshot_paths(folder):
        text = read_file(path)
        documents.append((path, Document(snapshot_from_text(text, path, units, fallback),
                                         fallback, text, fallback_yaml)))
    return sorted(documents, key=lambda pair: pair[1].snapshot.sequence)


def open_store(url: str | None = None) -> VersionStore:
    """The store on `url` (default `$COVERAGE_DATABASE_URL` or the user's SQLite file)."""
    return VersionStore(create_engine(url or database_url()))


def open_writable_store(units: Units, url: str | None = None) -> VersionStore:
    """The store on `url`, migrated and seeded, checked to be writable before anything is
    reviewed or written (a read-only database fails here, with
    `registry.database.database_failure`'s one line, rather than after a review)."""
    store = open_store(url)
    store.prepare(units)
    # A write that changes nothing, rolled back: refused by a read-only file, folder,
    # transaction or role as a real one would be.
    with writing(store.engine) as connection, connection.begin() as transaction:
        connection.execute(sqlalchemy.text(
            f"UPDATE {_TABLE.name} SET number = number WHERE 1 = 0"))
        transaction.rollback()
    return store
