"""The store of register versions, on SQLite and on PostgreSQL (`database_url`): first start,
immutability enforced by the database, the version chain, readers that agree."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
import sqlalchemy

from geodata import Units
from registry.documents import Document
from registry.errors import RegisterError
from registry.migrate import HEAD_REVISION, head_of_scripts
from registry.readers import open_reader
from registry.sqlite_reader import SqliteReader
from registry.store import VersionStore, open_store
from registry.versions import StaleBaseError, UnknownVersionError, read_document, resolve
from registry.yaml_register import DATA_DIR, snapshot_from_text
from tests.support.paths import REPOSITORY_ROOT


def prepared(url: str, units: Units) -> VersionStore:
    store = open_store(url)
    store.prepare(units, DATA_DIR)
    return store


def edited(store: VersionStore, units: Units, number: int, old: str, new: str) -> Document:
    """Version `number`'s document with one text replaced, validated."""
    document = read_document(store, number, units)
    text = document.snapshot_yaml.replace(old, new)
    assert text != document.snapshot_yaml
    snapshot = snapshot_from_text(text, Path("edited.yaml"), units, document.fallback)
    return Document(snapshot, document.fallback, text, document.fallback_yaml)


def test_migration_head_matches_the_scripts() -> None:
    assert head_of_scripts() == HEAD_REVISION


def test_the_migrated_schema_matches_the_models(database_url: str, units: Units) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from registry.tables import Base

    store = prepared(database_url, units)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_first_start_seeds_the_overviews_in_order(database_url: str, units: Units) -> None:
    store = prepared(database_url, units)
    infos = store.infos()
    assert [(info.number, info.label, info.parent) for info in infos] == [
        (2, "current", 1), (1, "earlier", None)]
    assert {info.published_by for info in infos} == {"seed"}
    seeded = (REPOSITORY_ROOT / "data" / "snapshots" / "current.yaml").read_text("utf-8")
    assert store.texts(2)[0] == seeded
    assert resolve(store, "current") == 2 and resolve(store, "earlier") == 1
    assert resolve(store, "1") == 1
    with pytest.raises(UnknownVersionError, match="no version '7'"):
        resolve(store, "7")
    store.prepare(units, DATA_DIR)  # a second start seeds nothing
    assert len(store.infos()) == 2


@pytest.mark.parametrize("statement", [
    "UPDATE register_versions SET comment = 'rewritten' WHERE number = 1",
    "DELETE FROM register_versions WHERE number = 2",
])
def test_published_versions_are_immutable(database_url: str, units: Units,
                                          statement: str) -> None:
    store = prepared(database_url, units)
    before = store.infos()
    with pytest.raises(sqlalchemy.exc.DatabaseError, match="immutable"), \
            store.engine.begin() as connection:
        connection.execute(sqlalchemy.text(statement))
    assert store.infos() == before


def test_emptying_the_table_is_refused(database_url: str, units: Units) -> None:
    """PostgreSQL: TRUNCATE (which skips row triggers) has a trigger of its own. CASCADE, so
    that the drafts' foreign keys do not refuse it before the trigger runs."""
    store = prepared(database_url, units)
    statement = ("TRUNCATE register_versions CASCADE" if store.engine.dialect.name == "postgresql"
                 else "DELETE FROM register_versions")
    with pytest.raises(sqlalchemy.exc.DatabaseError, match="immutable"), \
            store.engine.begin() as connection:
        connection.execute(sqlalchemy.text(statement))
    assert store.newest_number() == 2


def test_publish_appends_to_the_chain(database_url: str, units: Units) -> None:
    store = prepared(database_url, units)
    document = edited(store, units, 2, '"058 - 215 70 84"', '"058 - 215 70 85"')
    info = store.publish(document, author="anna", comment="new number for Fier", base=2)
    assert (info.number, info.parent, info.published_by, info.comment) == (
        3, 2, "anna", "new number for Fier")
    assert info.content_hash == document.content_hash
    assert resolve(store, "current") == 3
    fier = read_document(store, 3, units).snapshot.entries[4].contacts[0]
    assert fier.phones[0].e164 == "+31582157085"
    with pytest.raises(StaleBaseError, match="version 2 is no longer the newest"):
        store.publish(document, author="bob", comment="late", base=2)
    assert store.newest_number() == 3


def test_the_chain_is_enforced_by_the_database(database_url: str, units: Units) -> None:
    store = prepared(database_url, units)
    row = {"label": "x", "source": "s", "published_at": "2026-01-01 00:00:00+00",
           "published_by": "p", "comment": "c", "content_hash": "h", "snapshot_yaml": "y",
           "fallback_yaml": "f"}
    insert = sqlalchemy.text(
        "INSERT INTO register_versions (number, parent, label, source, published_at, "
        "published_by, comment, content_hash, snapshot_yaml, fallback_yaml) VALUES (:number, "
        ":parent, :label, :source, :published_at, :published_by, :comment, :content_hash, "
        ":snapshot_yaml, :fallback_yaml)")
    for number, parent in ((3, 1), (5, 4), (3, None)):  # a fork, a gap, a second root
        with pytest.raises(sqlalchemy.exc.IntegrityError), store.engine.begin() as connection:
            connection.execute(insert, {**row, "number": number, "parent": parent})
    assert store.newest_number() == 2


def test_racing_publications_one_wins(database_url: str, units: Units) -> None:
    store = prepared(database_url, units)
    documents = [edited(store, units, 2, '"058 - 215 70 84"', f'"058 - 215 70 8{digit}"')
                 for digit in (5, 6, 7, 8)]
    outcomes: list[str] = []
    start = threading.Barrier(len(documents))

    def publish(document: Document) -> None:
        start.wait()
        try:
            store.publish(document, author="racer", comment="race", base=2)
            outcomes.append("won")
        except StaleBaseError:
            outcomes.append("refused")

    threads = [threading.Thread(target=publish, args=(d,)) for d in documents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "refused", "refused", "won"]
    assert [info.number for info in store.infos()] == [3, 2, 1]


def test_readers_agree(database_url: str, units: Units, tmp_path: Path) -> None:
    store = prepared(database_url, units)
    store.publish(edited(store, units, 2, "organisation: Fier", "organisation: Fier Fryslân"),
                  author="anna", comment="name", base=2)
    reader = open_reader(units, database_url)
    assert reader.infos() == store.infos()
    assert reader.texts(3) == store.texts(3)
    if database_url.startswith("sqlite"):
        assert isinstance(reader, SqliteReader)  # the quick reader once the file is ready


def test_an_empty_database_is_not_ready_for_the_quick_reader(tmp_path: Path,
                                                           units: Units) -> None:
    path = tmp_path / "fresh.sqlite3"
    assert not SqliteReader(path).is_ready()
    reader = open_reader(units, f"sqlite:///{path}")
    assert SqliteReader(path).is_ready()
    assert reader.newest_number() == 2


def test_a_broken_seed_folder_writes_nothing(database_url: str, units: Units,
                                             tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    current = folder / "snapshots" / "current.yaml"
    current.write_text(current.read_text("utf-8").replace('"058 - 215 70 84"', '"058"'),
                       encoding="utf-8")
    store = open_store(database_url)
    with pytest.raises(RegisterError, match="provincie-friesland"):
        store.prepare(units, folder)
    with store.engine.connect() as connection:
        assert not sqlalchemy.inspect(connection).has_table("register_versions")
