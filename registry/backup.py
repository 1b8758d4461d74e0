"""Backups of the register's database that restore, the same on SQLite and PostgreSQL.

A backup is one JSON-lines document in UTF-8 (gzip-compressed when the file name ends in
`.gz`; reading recognises gzip by its first bytes):

- the first line, the header: `{"format": "coverage-backup/1", "schema_revision": "0003",
  "created_at": …, "engine": "sqlite", "tables": [{"name": …, "columns": [[name, kind], …]},
  …]}`, tables in dependency order (a table after the tables it refers to);
- one line per row, `{"table": name, "row": [value, …]}`, values in the header's column order,
  rows by primary key; a row of `register_versions` also carries `"texts_sha256"`, the SHA-256
  of the version's stored content (`texts_sha256`: its snapshot and fallback texts);
- the last line, `{"end": {"rows": {table: count, …}, "sha256": …}}`: the SHA-256 of every
  line before it, bytes as written (a backup cut short has no last line).

Values are plain JSON, typed by the column's kind in the header: `integer`, `float`,
`boolean`, `text` and `json` as themselves, `decimal` as text, `date`, `time` and `datetime`
in ISO 8601 (a `datetime` in UTC with `+00:00`: the register stores UTC, so a time without a
zone, as SQLite returns it, is UTC), `bytes` in base64: any content survives the trip.

**What is backed up**: every table of the register's metadata (`registry.tables`) except the
deny-list `EPHEMERAL_TABLES` (sign-in sessions and attempts, and Alembic's revision table,
which the header's `schema_revision` replaces), so a table added later is backed up without a
change here. Accounts keep their argon2 hashes (the file is made readable by its owner only).

**Consistent while the app runs**: every table is read in one read transaction, a snapshot of
one moment: REPEATABLE READ (read only) on PostgreSQL, one read transaction on SQLite (in WAL
mode writers go on meanwhile). The file is written to a temporary file and renamed when whole.

**Restore** reads the whole file first and refuses a file that is not a backup, is damaged,
cut short or altered (a version whose texts do not match their SHA-256, lines that do not match
the last line's SHA-256), or was made at a schema revision this program does not know. Then, in
one transaction, it refuses a database that is not empty (no `--force`: a register is never
overwritten), migrates the empty database to the backup's revision, inserts the rows (the
immutability triggers of published versions come with the migrations and refuse any change
afterwards), migrates on to the newest revision, and on PostgreSQL sets every sequence past the
highest number restored. A failure anywhere leaves the database as it was.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import decimal
import gzip
import hashlib
import json
import os
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy
from sqlalchemy import MetaData, Table, func, select
from sqlalchemy.engine import Connection, Engine

from registry.database import writing
from registry.migrate import HEAD_REVISION, current_revision, revisions_of_scripts, upgrade
from registry.store import _ADVISORY_LOCK  # the lock `prepare` takes: seeding waits for us
from registry.tables import Base
from registry.versions import VERSIONS_TABLE

FORMAT = "coverage-backup/1"
EPHEMERAL_TABLES = frozenset({"sign_in_sessions", "sign_in_attempts", "alembic_version"})
"""Tables never backed up: sign-in sessions and attempts (a restored register starts without
them: everyone signs in again) and Alembic's revision table (the header names the revision)."""
BATCH = 500
"""Rows read or inserted at a time."""
KINDS: dict[type, str] = {bool: "boolean", int: "integer", float: "float",
                          decimal.Decimal: "decimal", str: "text", datetime.date: "date",
                          datetime.datetime: "datetime", datetime.time: "time", bytes: "bytes",
                          dict: "json", list: "json"}
"""The kind of a column, by the Python type its values have."""
_GZIP_MAGIC = b"\x1f\x8b"


class BackupError(Exception):
    """A backup cannot be made or restored as asked; the message is one line and says why."""


@dataclass(frozen=True)
class Outcome:
    """What a backup or restore did: the schema revision of the backup, rows per table, the
    newest version, the file's size and how long it took."""

    revision: str
    rows: dict[str, int]
    newest_version: int | None
    size_bytes: int
    seconds: float

    def summary(self) -> str:
        """E.g. `3 versions (newest 3), accounts 2, drafts 4`."""
        versions = self.rows.get(VERSIONS_TABLE, 0)
        parts = [f"{versions} version{'' if versions == 1 else 's'}"
                 + (f" (newest {self.newest_version})" if self.newest_version else "")]
        parts += [f"{name} {count}" for name, count in self.rows.items()
                  if name != VERSIONS_TABLE]
        return ", ".join(parts)


def backed_up_tables(metadata: MetaData = Base.metadata) -> list[Table]:
    """Every table of `metadata` but the ephemeral ones, each after the tables it refers to."""
    return [table for table in metadata.sorted_tables if table.name not in EPHEMERAL_TABLES]


def column_kind(column: sqlalchemy.Column) -> str:
    """The kind of a column's values in a backup (see `KINDS`)."""
    try:
        python_type: type | None = column.type.python_type
    except NotImplementedError:
        python_type = None
    kind = KINDS.get(python_type) if python_type else None
    if kind is None:
        raise BackupError(f"column {column.table.name}.{column.name} ({column.type}) has a type "
                          "a backup cannot hold")
    return kind


def texts_sha256(snapshot_yaml: str, fallback_yaml: str) -> str:
    """The SHA-256 of a version's stored content: its snapshot text, a NUL, its fallback text
    (UTF-8).

    >>> texts_sha256("a", "b")[:16]
    '59b271ae1bbcb1d3'
    """
    return hashlib.sha256(snapshot_yaml.encode("utf-8") + b"\0"
                          + fallback_yaml.encode("utf-8")).hexdigest()


def encode(value: Any, kind: str) -> Any:
    """A column value as JSON (see the module's description)."""
    if value is None:
        return None
    if kind == "datetime":
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.UTC)
        return value.astimezone(datetime.UTC).isoformat()
    if kind in ("date", "time"):
        return value.isoformat()
    if kind == "decimal":
        return str(value)
    if kind == "bytes":
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "integer": (int,), "float": (int, float), "boolean": (bool,), "text": (str,),
    "json": (dict, list, str, int, float, bool)}


def decode(value: Any, kind: str) -> Any:
    """A column value from its JSON; `ValueError` when it is not one of its kind.

    >>> decode("2026-12-07T10:00:00+00:00", "datetime").tzinfo
    datetime.timezone.utc
    """
    if value is None:
        return None
    if kind in _JSON_TYPES:
        wrong_bool = isinstance(value, bool) and kind in ("integer", "float")
        if not isinstance(value, _JSON_TYPES[kind]) or wrong_bool:
            raise ValueError(f"not a value of kind {kind}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a value of kind {kind}")
    if kind == "datetime":
        moment = datetime.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError("a time without a zone")
        return moment
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "time":
        return datetime.time.fromisoformat(value)
    if kind == "decimal":
        return decimal.Decimal(value)
    if kind == "bytes":
        return base64.b64decode(value, validate=True)
    raise ValueError(f"unknown kind {kind}")


# --- making a backup ---------------------------------------------------------------------------


class _LineWriter:
    """Writes JSON lines and keeps the SHA-256 of everything written."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()

    def write(self, value: dict[str, Any]) -> None:
        line = json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
        data = line.encode("utf-8")
        self.digest.update(data)
        self.stream.write(data)


@contextlib.contextmanager
def read_snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection in one read-only transaction that sees one moment of the database:
    REPEATABLE READ on PostgreSQL; on SQLite one read transaction, begun by its first read."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    with connection, connection.begin():
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        else:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        yield connection


def _write_rows(connection: Connection, table: Table, kinds: list[tuple[str, str]],
                writer: _LineWriter) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execution_options(yield_per=BATCH).execute(
        select(table).order_by(*order))
    count = 0
    for row in result:
        values = row._mapping
        line: dict[str, Any] = {"table": table.name,
                                "row": [encode(values[name], kind) for name, kind in kinds]}
        if table.name == VERSIONS_TABLE:
            line["texts_sha256"] = texts_sha256(values["snapshot_yaml"], values["fallback_yaml"])
        writer.write(line)
        count += 1
    return count


def backup(engine: Engine, path: Path, *, metadata: MetaData = Base.metadata,
           after_table: Callable[[str], None] | None = None) -> Outcome:
    """Write a backup of the database of `engine` to `path` (gzip when it ends in `.gz`),
    atomically and readable by its owner only. `after_table(name)` is called once a table has
    been read (progress; the tests write to the database there). Refuses (`BackupError`) a
    database that is not at the newest schema revision."""
    started = time.monotonic()
    tables = backed_up_tables(metadata)
    kinds = {table.name: [(column.name, column_kind(column)) for column in table.columns]
             for table in tables}
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")  # mode 0600: hashes inside
    try:
        with os.fdopen(handle, "wb") as raw:
            stream: IO[bytes] = (gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)
                                 if path.name.endswith(".gz") else raw)
            rows, revision, newest = _write_backup(engine, tables, kinds, stream, after_table)
            if stream is not raw:
                stream.close()
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return Outcome(revision, rows, newest, path.stat().st_size, time.monotonic() - started)


def _write_backup(engine: Engine, tables: list[Table], kinds: dict[str, list[tuple[str, str]]],
                  stream: IO[bytes], after_table: Callable[[str], None] | None,
                  ) -> tuple[dict[str, int], str, int | None]:
    """The lines of a backup, read in one snapshot; rows per table, revision, newest version."""
    with read_snapshot(engine) as connection:
        revision = current_revision(connection)
        if revision != HEAD_REVISION:
            raise BackupError(
                f"the database is at schema revision {revision or 'none (empty)'}, not "
                f"{HEAD_REVISION}: start the app or run `python -m coverage versions` once to "
                "migrate it, then back it up")
        writer = _LineWriter(stream)
        writer.write({"format": FORMAT, "schema_revision": revision,
                      "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
                      "engine": engine.dialect.name,
                      "tables": [{"name": table.name,
                                  "columns": [list(pair) for pair in kinds[table.name]]}
                                 for table in tables]})
        rows: dict[str, int] = {}
        for table in tables:
            rows[table.name] = _write_rows(connection, table, kinds[table.name], writer)
            if after_table is not None:
                after_table(table.name)
        newest = connection.execute(
            select(func.max(Base.metadata.tables[VERSIONS_TABLE].c.number))).scalar()
        writer.write({"end": {"rows": rows, "sha256": writer.digest.hexdigest()}})
    return rows, revision, newest


# --- reading and checking a backup -------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """A backup's first line: its schema revision and its tables' columns with their kinds."""

    revision: str
    tables: dict[str, list[tuple[str, str]]]


def _lines(path: Path) -> Iterator[tuple[int, bytes, dict[str, Any]]]:
    """Line number, bytes and JSON object of every line of the backup at `path`."""
    damaged = f"{path} is not a backup of this program, or it is damaged"
    try:
        with path.open("rb") as raw:
            compressed = raw.read(2) == _GZIP_MAGIC
            raw.seek(0)
            stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if compressed else raw
            for number, line in enumerate(stream, start=1):
                try:
                    value = json.loads(line)
                except ValueError:
                    raise BackupError(f"{damaged} (line {number} is not JSON); nothing was "
                                      "restored") from None
                if not isinstance(value, dict):
                    raise BackupError(f"{damaged} (line {number}); nothing was restored")
                yield number, line, value
    except FileNotFoundError:
        raise BackupError(f"no file {path}; nothing was restored") from None
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise BackupError(f"{path} cannot be read ({reason}); nothing was restored") from None


def _header(path: Path, value: dict[str, Any]) -> Header:
    if value.get("format") != FORMAT:
        raise BackupError(f"{path} is not a backup of this program (format "
                          f"{str(value.get('format'))[:40]!r}, not {FORMAT!r}); nothing was "
                          "restored")
    revision = value.get("schema_revision")
    if revision not in revisions_of_scripts():
        raise BackupError(f"{path} was made at schema revision {str(revision)[:20]!r}, which "
                          f"this program does not know (its newest is {HEAD_REVISION}): restore "
                          "it with the program that made it; nothing was restored")
    try:
        tables = {str(table["name"]): [(str(name), str(kind)) for name, kind in table["columns"]]
                  for table in value["tables"]}
    except (KeyError, TypeError, ValueError):
        raise BackupError(f"{path} has a damaged first line; nothing was restored") from None
    return Header(revision, tables)


def verify(path: Path) -> tuple[Header, dict[str, int]]:
    """Read the whole backup and check it: its format and revision, every value of its kind,
    every version's texts against their SHA-256, its lines against the SHA-256 of its last
    line. Returns the header and the rows per table; `BackupError` names what is wrong."""
    lines = _lines(path)
    try:
        _, first, value = next(lines)
    except StopIteration:
        raise BackupError(f"{path} is empty; nothing was restored") from None
    header = _header(path, value)
    digest = hashlib.sha256(first)
    counts = dict.fromkeys(header.tables, 0)
    end: dict[str, Any] | None = None
    for number, line, value in lines:
        if end is not None:
            raise BackupError(f"{path} goes on after its last line (line {number}); nothing "
                              "was restored")
        if "end" in value:
            end = value["end"] if isinstance(value["end"], dict) else {}
            continue
        digest.update(line)
        row = _checked_row(path, number, header, value)
        counts[value["table"]] += 1
        if value["table"] == VERSIONS_TABLE:
            _check_version(path, header, row, value.get("texts_sha256"))
    if end is None:
        raise BackupError(f"{path} ends before its last line: the backup is incomplete (cut "
                          "short?); nothing was restored")
    if end.get("sha256") != digest.hexdigest() or end.get("rows") != counts:
        raise BackupError(f"{path} does not match the SHA-256 at its end: the backup is "
                          "damaged or was altered; nothing was restored")
    return header, counts


def _checked_row(path: Path, number: int, header: Header,
                 value: dict[str, Any]) -> dict[str, Any]:
    """A row line's values, decoded by their columns' kinds."""
    columns = header.tables.get(value.get("table"))  # type: ignore[arg-type]
    row = value.get("row")
    if columns is None or not isinstance(row, list) or len(row) != len(columns):
        raise BackupError(f"{path} is damaged at line {number}; nothing was restored")
    try:
        return {name: decode(item, kind) for (name, kind), item in zip(columns, row,
                                                                        strict=True)}
    except (ValueError, TypeError):
        raise BackupError(f"{path} is damaged at line {number} (a value of the wrong kind); "
                          "nothing was restored") from None


def _check_version(path: Path, header: Header, row: dict[str, Any], recorded: Any) -> None:
    snapshot, fallback = row.get("snapshot_yaml"), row.get("fallback_yaml")
    if not isinstance(snapshot, str) or not isinstance(fallback, str) \
            or texts_sha256(snapshot, fallback) != recorded:
        raise BackupError(f"version {row.get('number')} in {path} does not match its content "
                          "hash (the SHA-256 of its texts): the backup is damaged or was "
                          "altered; nothing was restored")


def backup_rows(path: Path, header: Header) -> Iterator[tuple[str, dict[str, Any]]]:
    """The table and decoded values of every row of a verified backup, in order."""
    lines = _lines(path)
    next(lines)
    for number, _, value in lines:
        if "end" not in value:
            yield value["table"], _checked_row(path, number, header, value)


# --- restoring ---------------------------------------------------------------------------------


def restore(engine: Engine, path: Path) -> Outcome:
    """Restore the backup at `path` into the empty database of `engine` (see the module's
    description); `BackupError` when the file or the database is refused."""
    started = time.monotonic()
    header, counts = verify(path)  # before the database is touched
    with writing(engine) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(sqlalchemy.text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _ADVISORY_LOCK})
        _refuse_unless_empty(connection, header.revision)
        upgrade(connection, header.revision)
        targets = _target_tables(connection, header)
        _insert_rows(connection, targets, backup_rows(path, header))
        upgrade(connection)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)
        newest = connection.execute(sqlalchemy.text(
            f"SELECT max(number) FROM {VERSIONS_TABLE}")).scalar()
    return Outcome(header.revision, counts, newest, path.stat().st_size,
                   time.monotonic() - started)


def _refuse_unless_empty(connection: Connection, revision: str) -> None:
    """Refuse a database with any row in any table, or with tables but not the register's
    schema, or at a schema revision past the backup's."""
    names = sqlalchemy.inspect(connection).get_table_names()
    if not names:
        return
    if "alembic_version" not in names:
        raise BackupError(f"the database holds other tables ({', '.join(sorted(names)[:5])}): "
                          "restore into a new, empty database; nothing was restored")
    filled = {}
    for name in names:
        if name != "alembic_version":
            count = connection.execute(select(func.count()).select_from(
                sqlalchemy.table(name))).scalar()
            if count:
                filled[name] = count
    if filled:
        found = ", ".join(f"{name} {count}" for name, count in sorted(filled.items()))
        raise BackupError(f"the database is not empty ({found}): a backup is restored only "
                          "into a new, empty database (create one, or move the SQLite file "
                          "away); nothing was restored")
    order = revisions_of_scripts()
    present = current_revision(connection)
    if present is not None and order.index(present) > order.index(revision):
        raise BackupError(f"the empty database is at schema revision {present}, past the "
                          f"backup's {revision}: restore into a new database without tables; "
                          "nothing was restored")


def _target_tables(connection: Connection, header: Header) -> dict[str, Table]:
    """The database's tables of the backup, as they are at the backup's revision."""
    metadata = MetaData()
    targets = {}
    for name, columns in header.tables.items():
        try:
            table = Table(name, metadata, autoload_with=connection)
        except sqlalchemy.exc.NoSuchTableError:
            raise BackupError(f"the backup's table {name} does not exist at schema revision "
                              f"{header.revision}: the backup is damaged; nothing was "
                              "restored") from None
        unknown = [column for column, _ in columns if column not in table.columns]
        if unknown:
            raise BackupError(f"the backup's table {name} has columns the schema does not "
                              f"({', '.join(unknown)}); nothing was restored")
        targets[name] = table
    return targets


def _insert_rows(connection: Connection, targets: dict[str, Table],
                 source: Iterator[tuple[str, dict[str, Any]]]) -> None:
    """Insert the rows in batches of `BATCH`, in the backup's order."""
    batch: list[dict[str, Any]] = []
    table_name = ""
    for name, values in source:
        if batch and (name != table_name or len(batch) >= BATCH):
            connection.execute(targets[table_name].insert(), batch)
            batch = []
        table_name = name
        batch.append(values)
    if batch:
        connection.execute(targets[table_name].insert(), batch)


def _reset_sequences(connection: Connection) -> None:
    """Set every sequence of a primary key past its table's highest value (PostgreSQL), so that
    the next row gets the next number."""
    inspector = sqlalchemy.inspect(connection)
    for name in inspector.get_table_names():
        for column in inspector.get_pk_constraint(name)["constrained_columns"]:
            sequence = connection.execute(sqlalchemy.text(
                "SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": name, "column": column}).scalar()
            if sequence:
                connection.execute(sqlalchemy.text(
                    f'SELECT setval(:sequence, COALESCE((SELECT max("{column}") FROM "{name}"), '
                    "0) + 1, false)"), {"sequence": sequence})
