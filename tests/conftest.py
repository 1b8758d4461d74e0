"""Shared fixtures: the real CBS boundaries and the real register, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from coverage.engine import Coverage, compute_all
from coverage.register import Register, load_register
from geodata import Boundaries, Units, load_boundaries, load_units

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent


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
