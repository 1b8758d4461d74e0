"""Readers keep their numbers while the register's database does not answer (issue 16): the
last known good version, one line that says so, editing refused, and back by itself.

Real SQLite files (moved away, cut short, overwritten, locked) and a real PostgreSQL server of
the test's own that is stopped and started again; the app in Streamlit's AppTest.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geodata import load_units
from geodata.disk_cache import CACHE_DIR_VARIABLE, cache_dir
from registry.database import (
    DATABASE_URL_VARIABLE,
    TIMEOUT_VARIABLE,
    DatabaseUnreachableError,
    sqlite_path,
)
from registry.readers import open_guarded_reader
from registry.store import open_store
from registry.yaml_register import DATA_DIR
from tests.app_session import new_session
from tests.page_text import shown, texts
from tests.postgres_cluster import Cluster, fresh_database, postgres_cluster
from tests.test_app import assert_page_ran
from ui.data import NEWEST_TTL_S

TIMEOUT_S = 1.0
ZWOLLE = "GM0193"
NOTICE = {"nl": "de database is nu niet bereikbaar", "en": "the database cannot be reached"}
REFUSED = "Editing and publishing are not possible right now"
EDIT_PAGE = "page_scripts/edit.py"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own (with the derived boundary data already made), a
    short database timeout, and empty process-wide caches: a fresh server."""
    folder = tmp_path / "cache"
    folder.mkdir()
    source = cache_dir()
    if source.is_dir():
        for file in source.glob("*.json"):  # the derived data, not the copies in last-good/
            shutil.copy(file, folder / file.name)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(folder))
    monkeypatch.setenv(TIMEOUT_VARIABLE, str(TIMEOUT_S))
    fresh_server()
    yield folder
    fresh_server()


def fresh_server() -> None:
    """Forget everything the process kept (as a newly started server)."""
    st.cache_resource.clear()
    st.cache_data.clear()


def later() -> None:
    """Let the cached newest number and a remembered failure expire."""
    st.cache_data.clear()
    time.sleep(NEWEST_TTL_S + 0.1)


@pytest.fixture
def sqlite_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> Path:
    """A seeded SQLite database of the test's own, its WAL folded into the file."""
    path = tmp_path / "db" / "register.sqlite3"
    url = f"sqlite:///{path}"
    store = open_store(url)
    store.prepare(load_units(), DATA_DIR)
    store.engine.dispose()  # no idle connection of this process left on the file
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    return path


def dashboard(language: str = "nl") -> AppTest:
    app = new_session()
    app.query_params["gemeente"] = ZWOLLE
    app.query_params["lang"] = language
    app.run()
    assert_page_ran(app)
    return app


SINCE = re.compile(r"<p class='source since'>[^<]*</p>")
"""The card's line on since which version the status holds: it needs every version's
coverage, which a server answering from its last known good copy does not have."""


def card(app: AppTest) -> str:
    """The contact card's HTML, without its since-version line (see `SINCE`)."""
    cards = [item.html for item in shown(app, "markup") if "<section" in item.html
             and "contact-card" in item.html]
    assert len(cards) == 1, "expected one contact card"
    assert "href='tel:" in cards[0] or 'href="tel:' in cards[0]
    return SINCE.sub("", cards[0])


def notices(app: AppTest, language: str = "nl") -> list[str]:
    return [text for text in texts(app, "info") if NOTICE[language] in text]


def edit_page() -> AppTest:
    app = new_session()
    app.query_params["lang"] = "en"
    app.run()
    app.switch_page(EDIT_PAGE).run()
    assert_page_ran(app)
    return app


def _files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def move_away(path: Path) -> Path:
    """Move the database (and its WAL files) into another folder; the folder."""
    aside = path.parent.with_name("aside")
    aside.mkdir(exist_ok=True)
    for file in _files(path):
        if file.exists():
            file.rename(aside / file.name)
    return aside


def bring_back(path: Path, aside: Path) -> None:
    for file in _files(path):
        file.unlink(missing_ok=True)
        if (aside / file.name).exists():
            (aside / file.name).rename(file)


def damage(path: Path, how: str) -> Path:
    """Make the database unusable as `how` says; the folder with the original files."""
    aside = path.parent.with_name("aside")
    aside.mkdir(exist_ok=True)
    for file in _files(path):
        if file.exists():
            shutil.copy(file, aside / file.name)
    if how == "moved away":
        for file in _files(path):
            file.unlink(missing_ok=True)
    elif how == "cut short":
        path.write_bytes(path.read_bytes()[:1500])
    elif how == "overwritten":
        path.write_bytes(b"\x00\x13garbage" * 4096)
    elif how == "emptied":
        path.write_bytes(b"")
    return aside


@pytest.mark.parametrize("how", ["moved away", "cut short", "overwritten", "emptied"])
def test_a_broken_sqlite_file_keeps_the_number_says_so_and_comes_back(
        sqlite_database: Path, how: str) -> None:
    online = dashboard()
    number_card = card(online)
    assert not notices(online)

    aside = damage(sqlite_database, how)
    later()
    offline = dashboard()
    assert card(offline) == number_card
    (notice,) = notices(offline)
    assert notice.startswith("Overzicht van ") and notice.endswith(
        "; de database is nu niet bereikbaar.")
    assert not texts(offline, "error")
    english = dashboard("en")
    assert notices(english, "en") and card(english)
    if how == "moved away":  # a reader never creates the database anew
        assert not sqlite_database.exists()

    refused = edit_page()
    assert any(text.startswith(REFUSED) for text in texts(refused, "warning"))
    assert not refused.text_input  # no sign-in form: it would need the database

    bring_back(sqlite_database, aside)
    later()
    back = dashboard()
    assert card(back) == number_card
    assert not notices(back)
    assert not edit_page().get("warning") and [box.key for box in edit_page().text_input] == [
        "sign_in_name", "sign_in_password"]


def test_a_fresh_server_answers_from_the_copy_on_disk(sqlite_database: Path,
                                                      cache: Path) -> None:
    number_card = card(dashboard())  # this server keeps a copy in the cache folder
    assert len(list(cache.glob("last-good/*.json"))) == 1

    aside = damage(sqlite_database, "moved away")
    fresh_server()
    offline = dashboard()
    assert card(offline) == number_card
    assert notices(offline)
    assert not sqlite_database.exists()  # not created anew, nor seeded

    bring_back(sqlite_database, aside)
    later()
    assert not notices(dashboard())


def test_a_fresh_server_ignores_a_broken_copy(sqlite_database: Path, cache: Path) -> None:
    dashboard()
    (copy,) = cache.glob("last-good/*.json")
    copy.write_bytes(copy.read_bytes()[:-200])
    damage(sqlite_database, "moved away")
    fresh_server()
    app = dashboard()
    assert not [item for item in shown(app, "markup") if "contact-card" in item.html]
    (error,) = texts(app, "error")
    assert error.startswith("Het register is nu niet bereikbaar")
    assert not sqlite_database.exists()


def hold_exclusive_lock(path: Path) -> sqlite3.Connection:
    """Another connection that keeps every reader out (WAL with exclusive locking)."""
    holder = sqlite3.connect(path, isolation_level=None, timeout=10)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT count(*) FROM register_versions").fetchone()
    return holder


def test_a_locked_database_fails_a_new_reader_within_the_timeout(sqlite_database: Path) -> None:
    holder = hold_exclusive_lock(sqlite_database)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseUnreachableError):
            open_guarded_reader(load_units(), f"sqlite:///{sqlite_database}", DATA_DIR,
                                timeout_s=TIMEOUT_S, create=False)
        waited = time.monotonic() - started
    finally:
        holder.close()
    assert TIMEOUT_S * 0.9 <= waited < TIMEOUT_S + 3, waited


@pytest.mark.parametrize("server", ["running", "fresh"])
def test_a_locked_database_delays_a_page_by_the_timeout_at_most(
        sqlite_database: Path, server: str) -> None:
    dashboard()  # warm: the boundary data loaded, the version read and kept
    started = time.monotonic()
    number_card = card(dashboard())
    baseline = time.monotonic() - started

    holder = hold_exclusive_lock(sqlite_database)
    try:
        if server == "fresh":
            fresh_server()  # (the boundary data loads again: not timed against the baseline)
        else:
            later()
        started = time.monotonic()
        locked = dashboard()
        waited = time.monotonic() - started
    finally:
        holder.close()
    assert card(locked) == number_card
    assert notices(locked)
    if server == "running":
        assert waited < baseline + TIMEOUT_S + 3, (waited, baseline)
    print(f"page with the database locked ({server} server): {waited:.2f} s; "
          f"unlocked: {baseline:.2f} s; timeout {TIMEOUT_S} s")


# --- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture
def postgres(monkeypatch: pytest.MonkeyPatch, cache: Path) -> Iterator[Cluster]:
    """A PostgreSQL server of the test's own (to stop and start), with a seeded database."""
    with postgres_cluster() as cluster:
        url = fresh_database(cluster.url)
        open_store(url).prepare(load_units(), DATA_DIR)
        monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
        assert sqlite_path(url) is None
        yield cluster


def test_a_stopped_postgresql_server_keeps_the_number_and_comes_back(
        postgres: Cluster) -> None:
    online = dashboard()
    number_card = card(online)
    assert not notices(online)

    postgres.stop()
    later()
    offline = dashboard()
    assert card(offline) == number_card
    assert notices(offline)
    refused = edit_page()
    assert any(text.startswith(REFUSED) for text in texts(refused, "warning"))

    fresh_server()  # a server started while the database is down: the copy on disk
    started = time.monotonic()
    fresh = dashboard()
    assert card(fresh) == number_card and notices(fresh)
    print(f"fresh server, PostgreSQL down: {time.monotonic() - started:.2f} s")

    postgres.start()
    later()
    back = dashboard()
    assert card(back) == number_card
    assert not notices(back)
