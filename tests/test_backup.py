"""Backups that restore (`registry.backup`, `python -m coverage backup|restore`): a busy
database backed up while a thread publishes, saves drafts and reads; restored into an empty
database of the same engine and of the other one (SQLite and PostgreSQL both ways), with every
version byte-identical, accounts that sign in, drafts, no sessions, the immutability triggers at
work and the next publish numbered N+1; tampered, cut-short and foreign files, a database that
is not empty, and the rule of which tables are backed up."""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
import yaml
from sqlalchemy import Column, DateTime, ForeignKey, Integer, LargeBinary, MetaData, Table, Text
from sqlalchemy.engine import Engine

from geodata import Units
from registry.accounts import AccountStore, NotSignedInError, Session, SignInRefusedError
from registry.backup import (
    EPHEMERAL_TABLES,
    FORMAT,
    BackupError,
    backed_up_tables,
    backup,
    restore,
    verify,
)
from registry.database import DATABASE_URL_VARIABLE
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.migrate import HEAD_REVISION
from registry.store import VersionStore, open_store
from registry.tables import Base
from registry.versions import VERSIONS_TABLE, read_document
from registry.yaml_register import DATA_DIR
from tests.support.paths import REPOSITORY_ROOT
from tests.support.postgres import fresh_database
from tests.support.registers import PASSWORD, ROTTERDAM

ENGINES = ("sqlite", "postgresql")


def new_url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A new, empty database of `kind`."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / f'register-{time.monotonic_ns()}.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_server_url"))


class Register:
    """A seeded register with accounts, sessions, a failed attempt and drafts."""

    def __init__(self, url: str, units: Units) -> None:
        self.versions = open_store(url)
        self.versions.prepare(units, DATA_DIR)
        self.accounts = AccountStore(self.versions.engine, failure_delay_s=0)
        self.drafts = DraftStore(self.versions, self.accounts, units)
        self.units = units

    def with_people(self) -> Register:
        self.accounts.add("anna", "editor", PASSWORD)
        self.accounts.add("piet", "publisher", PASSWORD + "-piet")
        self.editor = self.accounts.sign_in("anna", PASSWORD)
        with pytest.raises(SignInRefusedError):
            self.accounts.sign_in("piet", "a-wrong-password")  # an attempt on record
        self.save_draft("010 - 2000001")
        return self

    def save_draft(self, phone: str) -> None:
        save_draft(self.drafts, self.editor, phone)


def save_draft(drafts: DraftStore, editor: Session, phone: str) -> None:
    """An editor's draft giving Rotterdam's entry another phone number, on the newest version."""
    base = drafts.versions.newest_number() or 0
    data = yaml.safe_load(entry_of(drafts.versions.texts(base)[0], ROTTERDAM) or "")
    data["contacts"][0]["phones"] = [phone]
    drafts.save(editor, entry_id=ROTTERDAM, action="change", entry_yaml=entry_text(data),
                base=base, comment=f"phone {phone}")


def rows_of(engine: Engine, name: str) -> list[tuple[Any, ...]]:
    """Every row of a table by primary key, times as aware UTC (SQLite gives them naive)."""
    table = Base.metadata.tables[name]
    with engine.connect() as connection:
        found = connection.execute(sqlalchemy.select(table).order_by(
            *table.primary_key.columns)).all()

    def plain(value: Any) -> Any:
        if isinstance(value, datetime.datetime) and value.tzinfo is None:
            return value.replace(tzinfo=datetime.UTC)
        return value.astimezone(datetime.UTC) if isinstance(value, datetime.datetime) else value

    return [tuple(plain(value) for value in row) for row in found]


def count(engine: Engine, name: str) -> int:
    with engine.connect() as connection:
        return connection.execute(sqlalchemy.text(f"SELECT count(*) FROM {name}")).scalar()


def assert_restored(source: Register, target: VersionStore, *, complete: bool) -> None:
    """Every restored version is the source's, byte for byte; accounts and drafts as in the
    source (a prefix of its drafts while the source went on); no sessions, no attempts."""
    restored = rows_of(target.engine, VERSIONS_TABLE)
    original = rows_of(source.versions.engine, VERSIONS_TABLE)
    assert restored and restored == original[:len(restored)]
    assert [row[0] for row in restored] == list(range(1, len(restored) + 1))
    for number in range(1, len(restored) + 1):
        assert target.texts(number) == source.versions.texts(number)
    assert target.infos() == source.versions.infos()[-len(restored):]
    assert rows_of(target.engine, "accounts") == rows_of(source.versions.engine, "accounts")
    drafts = rows_of(target.engine, "drafts")
    assert drafts == rows_of(source.versions.engine, "drafts")[:len(drafts)]
    assert all(draft[4] <= len(restored) for draft in drafts)  # every base is there
    if complete:
        assert len(restored) == len(original)
        assert len(drafts) == count(source.versions.engine, "drafts")
    assert count(target.engine, "sign_in_sessions") == 0
    assert count(target.engine, "sign_in_attempts") == 0


class Busy(threading.Thread):
    """Publishes, saves drafts and reads on the source until stopped."""

    def __init__(self, register: Register) -> None:
        super().__init__(daemon=True)
        self.register = register
        self.stop = threading.Event()
        self.published = 0
        self.errors: list[BaseException] = []
        store = register.versions
        self.document = read_document(store, 2, register.units)

    def run(self) -> None:
        store = self.register.versions
        try:
            while not self.stop.is_set():
                newest = store.newest_number() or 0
                store.publish(self.document, author="busy",
                              comment=f"busy {self.published}", base=newest)
                self.published += 1
                self.register.save_draft(f"010 - 2{self.published:06d}")
                store.infos()
                store.texts(newest + 1)
        except BaseException as error:  # reported by the test
            self.errors.append(error)


@pytest.mark.parametrize(("source_kind", "target_kind"), [
    ("sqlite", "sqlite"), ("sqlite", "postgresql"), ("postgresql", "postgresql"),
    ("postgresql", "sqlite")])
def test_a_busy_database_is_backed_up_and_restored_into_either_engine(
        source_kind: str, target_kind: str, tmp_path: Path, units: Units,
        request: pytest.FixtureRequest) -> None:
    source = Register(new_url(source_kind, tmp_path, request), units).with_people()
    busy = Busy(source)
    busy.start()
    files = []
    try:
        while len(files) < 4 or busy.published < 6:
            assert not busy.errors, busy.errors
            assert busy.is_alive()
            started = busy.published
            path = tmp_path / f"busy-{len(files)}.jsonl{'.gz' if len(files) % 2 else ''}"
            backup(source.versions.engine, path)
            files.append(path)
            while busy.published == started and busy.is_alive():
                time.sleep(0.01)
    finally:
        busy.stop.set()
        busy.join(timeout=60)
    assert not busy.errors, busy.errors
    for path in files:  # each taken while the thread wrote: each one moment of the source
        target = open_store(new_url(target_kind, tmp_path, request))
        outcome = restore(target.engine, path)
        assert outcome.newest_version == target.newest_number()
        assert_restored(source, target, complete=False)

    final = tmp_path / "final.jsonl.gz"
    backup(source.versions.engine, final)
    target = open_store(new_url(target_kind, tmp_path, request))
    restore(target.engine, final)
    assert_restored(source, target, complete=True)
    newest = target.newest_number()
    assert newest == source.versions.newest_number() and newest >= 8

    accounts = AccountStore(target.engine, failure_delay_s=0)
    assert accounts.sign_in("anna", PASSWORD).role == "editor"
    publisher = accounts.sign_in("piet", PASSWORD + "-piet")
    with pytest.raises(NotSignedInError):  # the source's session did not come along
        accounts.authorise(source.editor, "editor")

    for statement in (f"UPDATE {VERSIONS_TABLE} SET comment = 'changed' WHERE number = 1",
                      f"DELETE FROM {VERSIONS_TABLE} WHERE number = {newest}"):
        with pytest.raises(sqlalchemy.exc.DBAPIError, match="immutable"), \
                target.engine.begin() as connection:
            connection.execute(sqlalchemy.text(statement))

    drafts = DraftStore(target, accounts, units)
    highest_draft = max(row[0] for row in rows_of(target.engine, "drafts"))
    # the drafts' numbers go on after the restored ones (PostgreSQL: the sequence was reset)
    save_draft(drafts, accounts.sign_in("anna", PASSWORD), "010 - 2999999")
    draft = drafts.drafts(publisher)[0]
    assert draft.id == highest_draft + 1
    info = drafts.publish(publisher, draft.id, "after the restore")
    assert (info.number, info.parent, info.published_by) == (newest + 1, newest, "piet")


def test_the_backup_is_one_moment_of_the_database(database_url: str, tmp_path: Path,
                                                  units: Units) -> None:
    source = Register(database_url, units).with_people()
    before = (source.versions.newest_number(), count(source.versions.engine, "drafts"))

    def write_meanwhile(table: str) -> None:
        if table == "accounts":  # the first table: the others are read after these writes
            document = read_document(source.versions, 2, units)
            source.versions.publish(document, author="meanwhile", comment="meanwhile",
                                    base=before[0])
            source.save_draft("010 - 2999998")
            source.accounts.add("kees", "editor", PASSWORD)

    path = tmp_path / "moment.jsonl"
    outcome = backup(source.versions.engine, path, after_table=write_meanwhile)
    assert outcome.rows["register_versions"] == before[0] == outcome.newest_version
    assert outcome.rows["drafts"] == before[1]
    assert outcome.rows["accounts"] == 2
    assert source.versions.newest_number() == before[0] + 1  # the writes did happen
    assert "meanwhile" not in path.read_text("utf-8")


def test_which_tables_are_backed_up() -> None:
    names = {table.name for table in backed_up_tables()}
    assert names == set(Base.metadata.tables) - EPHEMERAL_TABLES
    assert names >= {"register_versions", "accounts", "drafts"}
    assert {"sign_in_sessions", "sign_in_attempts", "alembic_version"} == EPHEMERAL_TABLES
    assert EPHEMERAL_TABLES & set(Base.metadata.tables) == {"sign_in_sessions",
                                                            "sign_in_attempts"}


def later_metadata() -> MetaData:
    """The register's tables and a table added later (attachments to reader correction
    reports), with a binary column."""
    metadata = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    Table("report_attachments", metadata,
          Column("id", Integer, primary_key=True, autoincrement=True),
          Column("version", ForeignKey(f"{VERSIONS_TABLE}.number")),
          Column("text", Text, nullable=False),
          Column("received_at", DateTime(timezone=True), nullable=False),
          Column("attachment", LargeBinary))
    return metadata


def test_a_table_added_later_is_backed_up_without_a_change(tmp_path: Path,
                                                           units: Units) -> None:
    source = Register(f"sqlite:///{tmp_path / 'later.sqlite3'}", units).with_people()
    metadata = later_metadata()
    reports = metadata.tables["report_attachments"]
    order = [table.name for table in backed_up_tables(metadata)]
    assert order.index("report_attachments") > order.index(VERSIONS_TABLE)  # after what it names
    reports.create(source.versions.engine)
    attachment = bytes(range(256)) + "ëé\u2028".encode()
    when = datetime.datetime(2026, 12, 7, 9, 30, 0, 123456, tzinfo=datetime.UTC)
    with source.versions.engine.begin() as connection:
        connection.execute(reports.insert().values(version=2, text="Nummer klopt niet\n\0?",
                                                   received_at=when, attachment=attachment))
    path = tmp_path / "later.jsonl"
    backup(source.versions.engine, path, metadata=metadata)
    header, counts = verify(path)
    assert counts == {"accounts": 2, "register_versions": 2, "drafts": 1,
                      "correction_reports": 0, "report_attachments": 1}
    assert header.tables["report_attachments"][-1] == ("attachment", "bytes")
    from registry.backup import backup_rows

    (report,) = [values for table, values in backup_rows(path, header)
                 if table == "report_attachments"]
    assert (report["attachment"], report["received_at"]) == (attachment, when)
    assert report["text"] == "Nummer klopt niet\n\0?"
    text = path.read_text("utf-8")
    assert source.editor.token not in text
    assert hashlib.sha256(source.editor.token.encode()).hexdigest() not in text  # no sessions


def rewrite(path: Path, target: Path, change: Any) -> None:
    """Copy a backup through `change(lines)` and give it a true SHA-256 at its end again (a
    backup made by another program version, say)."""
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    lines = change(lines[:-1])
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    out = []
    for value in lines:
        data = (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")
        digest.update(data.encode())
        out.append(data)
        if "table" in value:
            counts[value["table"]] = counts.get(value["table"], 0) + 1
    rows = {table["name"]: counts.get(table["name"], 0) for table in lines[0]["tables"]}
    out.append(json.dumps({"end": {"rows": rows, "sha256": digest.hexdigest()}}) + "\n")
    target.write_text("".join(out), "utf-8")


def test_a_backup_of_an_older_schema_is_migrated_after_the_restore(
        tmp_path: Path, units: Units) -> None:
    source = Register(f"sqlite:///{tmp_path / 'old.sqlite3'}", units).with_people()
    path, old = tmp_path / "new.jsonl", tmp_path / "old.jsonl"
    backup(source.versions.engine, path)

    def at_0002(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
        lines[0]["schema_revision"] = "0002"  # the same tables at 0002, but for 0004's
        lines[0]["tables"] = [table for table in lines[0]["tables"]
                              if table["name"] != "correction_reports"]
        return lines

    rewrite(path, old, at_0002)
    target = open_store(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    assert restore(target.engine, old).revision == "0002"
    assert_restored(source, target, complete=True)
    with target.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version"
                                          ).scalar() == HEAD_REVISION


# --- the commands --------------------------------------------------------------------------------


def run(url: str, *args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, DATABASE_URL_VARIABLE: url}
    return subprocess.run([sys.executable, "-m", "coverage", *args], cwd=REPOSITORY_ROOT,
                          env=environment, input=password, capture_output=True, text=True,
                          timeout=180, check=False)


def shown(url: str) -> str:
    return sqlalchemy.engine.make_url(url).render_as_string(hide_password=True)


def assert_refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    """One line on standard error, exit 1, no traceback and nothing of the register."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and message in line, line
    assert "Traceback" not in result.stderr and "+31" not in line and "Rotterdam" not in line


def test_backup_and_restore_commands(database_url: str, tmp_path: Path, units: Units,
                                     request: pytest.FixtureRequest) -> None:
    source = Register(database_url, units).with_people()
    path = tmp_path / "register.jsonl"
    made = run(database_url, "backup", str(path))
    assert made.returncode == 0, made.stderr
    assert f"from the database {shown(database_url)} to {path}" in made.stdout
    assert "2 versions (newest 2), accounts 2, drafts 1" in made.stdout
    assert path.stat().st_mode & 0o077 == 0  # password hashes inside: the owner's only

    other = "postgresql" if database_url.startswith("sqlite") else "sqlite"
    for kind in (other, database_url.split(":")[0].split("+")[0]):
        target = new_url(kind, tmp_path, request)
        restored = run(target, "restore", str(path))
        assert restored.returncode == 0, restored.stderr
        assert f"into the database {shown(target)}" in restored.stdout
        assert_restored(source, open_store(target), complete=True)
        assert_refused(run(target, "restore", str(path)), "is not empty (accounts 2, drafts 1, "
                       "register_versions 2)")
    assert_refused(run(database_url, "restore", str(path)), "is not empty")


def test_a_tampered_cut_short_or_foreign_backup_is_refused(tmp_path: Path,
                                                          units: Units) -> None:
    source_url = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    Register(source_url, units).with_people()
    path = tmp_path / "register.jsonl"
    assert run(source_url, "backup", str(path)).returncode == 0
    lines = path.read_text("utf-8").splitlines(keepends=True)
    version_2 = next(index for index, line in enumerate(lines)
                     if line.startswith('{"table":"register_versions","row":[2,'))
    target = tmp_path / "target.sqlite3"
    target_url = f"sqlite:///{target}"

    tampered = tmp_path / "tampered.jsonl"
    altered = lines[version_2].replace("Rotterdam", "Rotterdan", 1)
    assert altered != lines[version_2]
    tampered.write_text("".join([*lines[:version_2], altered, *lines[version_2 + 1:]]), "utf-8")
    assert_refused(run(target_url, "restore", str(tampered)),
                   "version 2 in " + str(tampered) + " does not match its content hash")

    account = next(index for index, line in enumerate(lines) if '"accounts"' in line
                   and line.startswith('{"table"'))
    promoted = tmp_path / "promoted.jsonl"
    promoted.write_text("".join([*lines[:account], lines[account].replace('"editor"',
                                                                          '"publisher"'),
                                 *lines[account + 1:]]), "utf-8")
    assert_refused(run(target_url, "restore", str(promoted)),
                   "does not match the SHA-256 at its end")

    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress("".join(lines[:-1]).encode()))
    assert_refused(run(target_url, "restore", str(cut)), "ends before its last line")
    half = tmp_path / "half.jsonl.gz"
    half.write_bytes(gzip.compress("".join(lines).encode())[:-200])
    assert_refused(run(target_url, "restore", str(half)), "cannot be read")

    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"format": "something-else/1"}\n', "utf-8")
    assert_refused(run(target_url, "restore", str(foreign)), "is not a backup of this program")
    newer = tmp_path / "newer.jsonl"
    newer.write_text(lines[0].replace(f'"schema_revision":"{HEAD_REVISION}"',
                                      '"schema_revision":"9999"'), "utf-8")
    assert_refused(run(target_url, "restore", str(newer)), "which this program does not know")
    assert_refused(run(target_url, "restore", str(tmp_path / "none.jsonl")), "no file")
    assert not target.exists()  # a refused file never creates the database

    assert_refused(run(f"sqlite:///{tmp_path / 'absent.sqlite3'}", "backup",
                       str(tmp_path / "b.jsonl")), "no database at")
    assert not (tmp_path / "absent.sqlite3").exists()
    assert_refused(run(source_url, "backup", str(tmp_path / "no" / "b.jsonl")), "no folder")
    assert_refused(run("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", "backup",
                       str(tmp_path / "b.jsonl")), "cannot be used")
    assert_refused(run("mysql://someone@127.0.0.1/register", "restore", str(path)),
                   "is neither SQLite nor PostgreSQL")


def test_a_refused_restore_changes_nothing(database_url: str, tmp_path: Path,
                                           units: Units) -> None:
    Register(database_url, units).with_people()
    path = tmp_path / "register.jsonl"
    backup(open_store(database_url).engine, path)
    before = rows_of(open_store(database_url).engine, VERSIONS_TABLE)
    with pytest.raises(BackupError, match="is not empty"):
        restore(open_store(database_url).engine, path)
    assert rows_of(open_store(database_url).engine, VERSIONS_TABLE) == before
    assert FORMAT in path.read_text("utf-8").splitlines()[0]


def test_every_user_command_says_which_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accounts.sqlite3'}"
    said = f"(database: {shown(url)})"
    for args, password in ((("add", "anna", "--role", "editor", "--password-stdin"),
                            PASSWORD + "\n"),
                           (("passwd", "anna", "--password-stdin"), PASSWORD + "-2\n"),
                           (("unlock", "anna"), None), (("unlock", "--client", "10.0.0.1"), None),
                           (("list",), None), (("remove", "anna"), None)):
        result = run(url, "user", *args, password=password)
        assert result.returncode == 0, result.stderr
        assert said in result.stdout + result.stderr, args

