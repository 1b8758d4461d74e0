"""Shared fixtures: the real CBS boundaries and the real register, loaded once per session;
a throwaway database for every test session, and empty databases on SQLite and on a
PostgreSQL server the session starts itself (`database_url`)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from coverage.engine import Coverage, compute_all
from coverage.register import Register
from geodata import Boundaries, Units, load_boundaries, load_units
from registry.database import DATABASE_URL_VARIABLE
from registry.yaml_register import load_register
from tests.support.postgres import PostgresMissingError, fresh_database, postgres_server


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
