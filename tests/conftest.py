"""Shared fixtures (the helpers they are built on are in `tests/support/`; the browser tests'
own fixtures in `tests/e2e/conftest.py`):

- the real data: `units`, `boundaries`, `register`, `coverages`, `current`, `earlier` (once per
  session); `display`, `topology`, `regions` and `index` (once per module);
- databases: a throwaway database for every test session; `database_url` (an empty database
  on SQLite and on a PostgreSQL server the session starts itself), `sqlite_url`, `database`
  (a seeded one the app uses, with an editor and a publisher), `stores` (its drafts);
- made-up registers: `data_dir` (a copy of `data/` to break), `without_veluwe_23_plus` and
  `partial` (a partly covered Veluwe);
- the app in this process: `fresh_caches` (the one cache reset), `cache` and `sqlite_database`
  (a fresh server whose database can be taken away), `client` (the web routes), `cli` (the
  command line) and `dated_version`.

Modules that only some tests need (Streamlit, the web routes) are imported inside their
fixtures, so a test session that does not use them does not load them.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from coverage.engine import Coverage, compute_all
from coverage.register import Register
from geodata import Boundaries, Units, load_boundaries, load_units
from registry.database import DATABASE_URL_VARIABLE, TIMEOUT_VARIABLE
from registry.yaml_register import DATA_DIR, load_register
from tests.support.cli import Result
from tests.support.postgres import PostgresMissingError, fresh_database, postgres_server

if TYPE_CHECKING:
    import geopandas as gpd

    from coverage.search import MunicipalityIndex
    from geodata.topology import Topology
    from registry.accounts import Session
    from registry.drafts import DraftStore
    from tests.support.asgi_client import AsgiClient
    from tests.support.registers import Dated


@pytest.fixture(scope="session")
def units() -> Units:
    return load_units()


@pytest.fixture(scope="session")
def boundaries() -> Boundaries:
    return load_boundaries()


@pytest.fixture(scope="session")
def register(units: Units) -> Register:
    return load_register(units)


@pytest.fixture(scope="session")
def coverages(register: Register, units: Units) -> dict[str, Coverage]:
    return compute_all(register, units)


@pytest.fixture(scope="session")
def current(coverages: dict[str, Coverage]) -> Coverage:
    return coverages["current"]


@pytest.fixture(scope="session")
def earlier(coverages: dict[str, Coverage]) -> Coverage:
    return coverages["earlier"]


# --- the database of register versions ------------------------------------------------------


@pytest.fixture(scope="session", autouse=True)
def throwaway_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Every test (and every CLI or app process it starts) uses a throwaway SQLite database,
    never the user's own; it is filled from `data/` on first use."""
    url = f"sqlite:///{tmp_path_factory.mktemp('database') / 'register.sqlite3'}"
    previous = os.environ.get(DATABASE_URL_VARIABLE)
    os.environ[DATABASE_URL_VARIABLE] = url
    yield url
    if previous is None:
        os.environ.pop(DATABASE_URL_VARIABLE, None)
    else:
        os.environ[DATABASE_URL_VARIABLE] = previous


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A PostgreSQL server started for this test session (fails, never skips, without one)."""
    try:
        with postgres_server() as url:
            yield url
    except PostgresMissingError as error:
        pytest.fail(str(error))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend: an SQLite file, a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'register.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_server_url"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An empty SQLite database of the test's own."""
    return f"sqlite:///{tmp_path / 'register.sqlite3'}"


@pytest.fixture
def stores(database_url: str, units: Units) -> tuple[DraftStore, Session, Session]:
    """The draft store on a seeded database, an editor's and a publisher's session."""
    from tests.support.registers import draft_stores

    return draft_stores(database_url, units)


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database of its own for the app, with an editor (anna) and a publisher (piet), and
    empty process-wide caches."""
    from tests.support.caches import clear_caches
    from tests.support.registers import seeded_accounts

    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    seeded_accounts(url, load_units())
    clear_caches()
    yield url
    clear_caches()


# --- made-up registers -----------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the real register to break."""
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture(scope="module")
def without_veluwe_23_plus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The register with the Veluwe's 23+ contact removed."""
    from tests.support.registers import register_without_veluwe_23_plus

    return register_without_veluwe_23_plus(tmp_path_factory.mktemp("partial") / "data")


@pytest.fixture(scope="module")
def partial(without_veluwe_23_plus: Path, units: Units) -> dict[str, Coverage]:
    return compute_all(load_register(units, without_veluwe_23_plus), units)


# --- the map's geometry and the search -------------------------------------------------------


@pytest.fixture(scope="module")
def display(boundaries: Boundaries) -> gpd.GeoDataFrame:
    from geodata.display_geometry import simplify_for_display

    return simplify_for_display(boundaries.municipalities)


@pytest.fixture(scope="module")
def topology(display: gpd.GeoDataFrame) -> Topology:
    from geodata.topology import build_topology

    return build_topology(display)


@pytest.fixture(scope="module")
def regions(display: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    from tests.support.dissolved_outlines import region_outlines

    return region_outlines(display)


@pytest.fixture(scope="module")
def index(units: Units) -> MunicipalityIndex:
    from coverage.search import MunicipalityIndex

    return MunicipalityIndex(units.municipalities)


# --- the app in this process -----------------------------------------------------------------


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Empty process-wide caches before and after the test, as a newly started server (the
    register folder or the database may differ from the last test's)."""
    from tests.support.caches import clear_caches

    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own (with the derived boundary data already made), a
    short database timeout, and empty process-wide caches: a fresh server."""
    from geodata.disk_cache import CACHE_DIR_VARIABLE, cache_dir
    from tests.support.caches import clear_caches
    from tests.support.outage import TIMEOUT_S

    folder = tmp_path / "cache"
    folder.mkdir()
    source = cache_dir()
    if source.is_dir():
        for file in source.glob("*.json"):  # the derived data, not the copies in last-good/
            shutil.copy(file, folder / file.name)
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(folder))
    monkeypatch.setenv(TIMEOUT_VARIABLE, str(TIMEOUT_S))
    clear_caches()
    yield folder
    clear_caches()


@pytest.fixture
def sqlite_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> Path:
    """A seeded SQLite database of the test's own, its WAL folded into the file."""
    from registry.store import open_store

    path = tmp_path / "db" / "register.sqlite3"
    url = f"sqlite:///{path}"
    store = open_store(url)
    store.prepare(load_units(), DATA_DIR)
    store.engine.dispose()  # no idle connection of this process left on the file
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    return path


@pytest.fixture
def client() -> Iterator[AsgiClient]:
    """The app server's own routes and middleware, driven as ASGI (no browser)."""
    from tests.support.asgi_client import web_client
    from web import current

    current.forget()
    with web_client() as made:
        yield made


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        sqlite_url: str) -> Callable[..., Result]:
    """The CLI in this process on a database of its own."""
    from cli.main import main

    monkeypatch.setenv(DATABASE_URL_VARIABLE, sqlite_url)

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def dated_version(cli: Callable, tmp_path: Path) -> Dated:
    """Version 3 of a database of its own: Rotterdam's first contact checked three days ago by
    anna, with opening hours, an after-hours number and an e-mail address (as
    tests/test_last_checked.py makes one)."""
    import yaml

    from coverage.check_age import today_in_amsterdam
    from registry.drafts import entry_of
    from registry.entry_yaml import with_entry
    from tests.support.registers import ROTTERDAM, Dated
    from web import current

    exported = tmp_path / "overview.yaml"
    assert cli("export", "current", "-o", str(exported)).code == 0
    text = exported.read_text("utf-8")
    data = yaml.safe_load(entry_of(text, ROTTERDAM))
    day = today_in_amsterdam() - datetime.timedelta(days=3)
    data["contacts"][0].update(verified_on=day.isoformat(), verified_by="anna",
                               opening_hours="ma–vr 08:00–19:00 <b>",
                               after_hours_phone="010 - 123 45 67", email="zorg@shop.nl")
    exported.write_text(with_entry(text, ROTTERDAM, yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False)), encoding="utf-8")
    result = cli("import", str(exported), "--yes", "--author", "piet")
    assert result.code == 0, result.err
    current.forget()
    return Dated(day, "anna")
