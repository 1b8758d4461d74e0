"""Which database holds the register, and how to connect to it.

`COVERAGE_DATABASE_URL` names any SQLAlchemy URL (PostgreSQL: `postgresql+psycopg://…`); by
default an SQLite file in the user's data folder (`platformdirs`). SQLite runs in WAL mode
(readers never wait for a writer) with a busy timeout, and writes start with `BEGIN IMMEDIATE`
so that two writers queue instead of failing half-way.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any

DATABASE_URL_VARIABLE = "COVERAGE_DATABASE_URL"
APP_NAME = "coverage-dashboard"
DATABASE_FILE = "register.sqlite3"
BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "register_write"
"""Execution option of a connection that writes (SQLite: `BEGIN IMMEDIATE`)."""


def default_database_url() -> str:
    """An SQLite file in the user data folder, e.g. `~/.local/share/coverage-dashboard/`."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir(APP_NAME))
    return f"sqlite:///{folder / DATABASE_FILE}"


def database_url() -> str:
    """`$COVERAGE_DATABASE_URL`, else the default SQLite file."""
    return os.environ.get(DATABASE_URL_VARIABLE) or default_database_url()


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (`sqlite:///path`, `sqlite+pysqlite:///path`), else None."""
    scheme, _, rest = url.partition(":///")
    if scheme not in ("sqlite", "sqlite+pysqlite") or not rest or rest.startswith(":memory:"):
        return None
    return Path(rest.split("?", 1)[0])


@functools.cache
def create_engine(url: str) -> Any:
    """The SQLAlchemy engine for `url` (one per URL and process); for SQLite with WAL, busy
    timeout and immediate writes."""
    import sqlalchemy

    path = sqlite_path(url)
    if path is None:
        return sqlalchemy.create_engine(url, pool_pre_ping=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sqlalchemy.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @sqlalchemy.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @sqlalchemy.event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def writing(engine: Any) -> Any:
    """A connection on `engine` whose transactions write (on SQLite they take the write lock at
    once: `BEGIN IMMEDIATE`)."""
    return engine.connect().execution_options(**{WRITE_OPTION: True})


READ_ONLY_SIGNS = ("readonly", "read-only", "read only", "unable to open database",
                   "permission denied")
"""Words of a database's own message that say it cannot be written (SQLite, PostgreSQL)."""


def database_failure(error: BaseException) -> str | None:
    """One line for an error of the database itself (None for any other error): what failed
    and where, never the statement or its parameters (which hold register content, phone
    numbers among it). A read-only file or folder says that the database cannot be written."""
    import sqlite3

    reason: object = None
    if isinstance(error, sqlite3.Error):
        reason = error
    else:
        exc = sys.modules.get("sqlalchemy.exc")
        if exc is None or not isinstance(error, exc.DBAPIError):
            return None
        reason = error.orig
    first_line = (str(reason).strip().splitlines() or [type(error).__name__])[0][:200]
    where = _shown_url(database_url())
    if any(sign in first_line.lower() for sign in READ_ONLY_SIGNS):
        return (f"the database cannot be written ({first_line}): {where}; nothing was "
                "changed. Check that the file and its folder may be written")
    return f"the database failed ({first_line}): {where}"


def _shown_url(url: str) -> str:
    """The database's address without its password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}{at}{host}" if at else url
