"""Which database holds the register, and how to connect to it.

`COVERAGE_DATABASE_URL` names any SQLAlchemy URL (PostgreSQL: `postgresql+psycopg://…`); by
default an SQLite file in the user's data folder (`platformdirs`). SQLite runs in WAL mode
(readers never wait for a writer) with a busy timeout, and writes start with `BEGIN IMMEDIATE`
so that two writers queue instead of failing half-way.

The app's readers wait for the database for `reader_timeout_s()` at most
(`COVERAGE_DATABASE_TIMEOUT_S`): on PostgreSQL as a connect timeout and a statement timeout, on
SQLite as the busy timeout. An SQLite file is created only by the first connection of an
engine: once the database existed, a file that is gone is an error (`unable to open database
file`), never a new empty database.
"""

from __future__ import annotations

import functools
import math
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

DATABASE_URL_VARIABLE = "COVERAGE_DATABASE_URL"
APP_NAME = "coverage-dashboard"
DATABASE_FILE = "register.sqlite3"
BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "register_write"
"""Execution option of a connection that writes (SQLite: `BEGIN IMMEDIATE`)."""
TIMEOUT_VARIABLE = "COVERAGE_DATABASE_TIMEOUT_S"
"""Environment variable: how long the app's readers wait for the database, in seconds."""
DEFAULT_TIMEOUT_S = 2.0


class DatabaseUnreachableError(RuntimeError):
    """The register's database did not answer: its file is gone, unreadable or not a database,
    its server is stopped, or it was slower than the readers' timeout."""


def reader_timeout_s() -> float:
    """`$COVERAGE_DATABASE_TIMEOUT_S` when it is a positive number, else `DEFAULT_TIMEOUT_S`."""
    try:
        value = float(os.environ.get(TIMEOUT_VARIABLE) or DEFAULT_TIMEOUT_S)
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return value if math.isfinite(value) and value > 0 else DEFAULT_TIMEOUT_S


def unreachable_errors() -> tuple[type[BaseException], ...]:
    """The errors that say the database did not answer (not that a request was wrong): the
    drivers' errors as SQLAlchemy wraps them, a pool that gave no connection in time, SQLite's
    own errors, and `DatabaseUnreachableError`."""
    from sqlalchemy import exc

    return (exc.DBAPIError, exc.TimeoutError, sqlite3.Error, DatabaseUnreachableError)


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


def _server_timeouts(timeout_s: float) -> dict[str, Any]:
    """Connect arguments of a PostgreSQL reader that waits at most about `timeout_s` (libpq's
    connect timeout is whole seconds, at least 2)."""
    return {"connect_timeout": max(2, math.ceil(timeout_s)),
            "options": f"-c statement_timeout={max(1, round(timeout_s * 1000))}"}


def _sqlite_connector(path: Path, timeout_s: float) -> Any:
    """Connections to the SQLite file: the first may create it, later ones only open it."""
    uri = path.resolve().as_uri()
    opened = False

    def connect() -> sqlite3.Connection:
        nonlocal opened
        mode = "rw" if opened else "rwc"
        connection = sqlite3.connect(f"{uri}?mode={mode}", uri=True, timeout=timeout_s,
                                     check_same_thread=False)
        opened = True
        return connection

    return connect


@functools.cache
def create_engine(url: str, timeout_s: float | None = None) -> Any:
    """The SQLAlchemy engine for `url` (one per URL, timeout and process); for SQLite with WAL,
    busy timeout and immediate writes. With `timeout_s` (readers) no statement waits longer
    than that; without it, writers wait `BUSY_TIMEOUT_MS` for SQLite's write lock."""
    import sqlalchemy

    path = sqlite_path(url)
    if path is None:
        if timeout_s is None:
            return sqlalchemy.create_engine(url, pool_pre_ping=True)
        return sqlalchemy.create_engine(url, pool_pre_ping=True, pool_timeout=timeout_s,
                                        connect_args=_server_timeouts(timeout_s))
    busy_ms = BUSY_TIMEOUT_MS if timeout_s is None else max(1, round(timeout_s * 1000))
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = sqlalchemy.create_engine(url, creator=_sqlite_connector(path, busy_ms / 1000))

    @sqlalchemy.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
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
