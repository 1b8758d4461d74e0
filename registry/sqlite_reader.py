"""Read published versions from an SQLite file with the standard library only.

The command line starts in a fresh process each time; importing SQLAlchemy would add about a
fifth to a lookup. A database that is already at the newest schema and holds versions is read
here instead; anything else (a new file, an older schema) goes through `registry.store`.

The reader never creates the file: a file that is gone is an error (`sqlite3.OperationalError`),
not a new empty database.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from registry.database import BUSY_TIMEOUT_MS
from registry.migrate import HEAD_REVISION
from registry.versions import (
    COLUMNS,
    VERSIONS_TABLE,
    UnknownVersionError,
    VersionInfo,
    info_from_row,
)


class SqliteReader:
    """A `VersionReader` on an SQLite file (one short connection per call: thread-safe) that
    waits at most `timeout_s` for a lock."""

    def __init__(self, path: Path, timeout_s: float = BUSY_TIMEOUT_MS / 1000) -> None:
        self.path = path
        self.timeout_s = timeout_s

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                                     timeout=self.timeout_s)
        try:
            yield connection
        finally:
            connection.close()

    def schema(self) -> tuple[str | None, int | None]:
        """The schema revision and the newest version's number; (None, None) for a database
        without the schema (an empty file). Raises `sqlite3.Error` when the file is missing,
        locked for longer than the timeout, or not a database."""
        with self._connection() as connection:
            tables = {row[0] for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "alembic_version" not in tables:
                return None, None
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            newest = self._newest(connection) if VERSIONS_TABLE in tables else None
        return (revision[0] if revision else None), newest

    def is_ready(self) -> bool:
        """Whether the file exists, is at the newest schema and holds at least one version."""
        if not self.path.is_file():
            return False
        try:
            revision, newest = self.schema()
        except sqlite3.Error:
            return False
        return revision == HEAD_REVISION and newest is not None

    @staticmethod
    def _newest(connection: sqlite3.Connection) -> int | None:
        return connection.execute(f"SELECT max(number) FROM {VERSIONS_TABLE}").fetchone()[0]

    def newest_number(self) -> int | None:
        """The number of the newest published version."""
        with self._connection() as connection:
            return self._newest(connection)

    def infos(self) -> list[VersionInfo]:
        """Every published version, newest first."""
        with self._connection() as connection:
            rows = connection.execute(f"SELECT {', '.join(COLUMNS)} FROM {VERSIONS_TABLE} "
                                      "ORDER BY number DESC").fetchall()
        return [info_from_row(row) for row in rows]

    def texts(self, number: int) -> tuple[str, str]:
        """The snapshot and fallback YAML of one version."""
        with self._connection() as connection:
            row = connection.execute(f"SELECT snapshot_yaml, fallback_yaml FROM {VERSIONS_TABLE} "
                                     "WHERE number = ?", (number,)).fetchone()
        if row is None:
            raise UnknownVersionError(f"no version {number}")
        return row[0], row[1]
