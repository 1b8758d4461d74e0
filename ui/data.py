"""Data for the app, loaded once per process and shared by every session (never a folium map).

The tables, display geometry and search index are loaded on first use; the display geometry
comes from the derived-data cache when it holds it for these boundary files, so a first run
need not load and simplify the full boundaries (which downloads still use, when asked).

The register comes from the database of published versions (`registry`). Versions never change,
so a version's coverage is cached by its number for good; only the number of the newest version
is asked again, at most every `NEWEST_TTL_S` seconds, so a version published anywhere reaches
every session within seconds while reading never waits for a reload. A session works on one
version number per run: it always sees one whole version.

Readers never lose a number because the database is slow or gone. Every read waits at most
`$COVERAGE_DATABASE_TIMEOUT_S` (`registry.readers.open_guarded_reader`); the newest version,
once validated, is kept in memory and on disk (`registry.last_good`), and while the database
does not answer `published()` gives that version alone, with when the database last named it
the newest (`Published.as_of`): the page says so in one line and the version watch brings the
page back once the database answers. A failure is remembered for `NEWEST_TTL_S`, so a locked
database costs one timeout per interval, not one per run.
"""

from __future__ import annotations

import datetime
import itertools
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import geopandas as gpd
import pandas as pd
import streamlit as st

from coverage.answer import Answer, Version
from coverage.answer import answers as answers_of
from coverage.check_age import DEFAULT_CHECK_MONTHS, CheckAge, check_months
from coverage.engine import Coverage
from coverage.history import Since, VersionMark, history_rows, status_since
from coverage.search import MunicipalityIndex
from geodata import Boundaries, Units, load_boundaries, load_units
from geodata.disk_cache import cache_dir, cached
from geodata.display_geometry import DEFAULT_TOLERANCE_M, simplify_for_display
from geodata.place_tables import load_place_tables
from geodata.topology import Topology, build_topology
from registry import last_good
from registry.database import DatabaseUnreachableError, database_url, reader_timeout_s
from registry.documents import Document
from registry.readers import open_guarded_reader
from registry.versions import VersionInfo, VersionReader, read_document
from registry.yaml_register import register_dir

NEWEST_TTL_S = 2.0
"""How long the number of the newest published version is trusted before it is asked again."""
COPY_REFRESH_S = 600.0
"""How often the copy on disk is written again while its version stays the newest (so that
its time, shown while the database does not answer, is at most this old)."""

_log = logging.getLogger(__name__)
T = TypeVar("T")


def units() -> Units:
    """The municipality and safety-region tables (cached by `load_units` itself)."""
    return load_units()


@st.cache_resource(show_spinner=False)
def boundaries() -> Boundaries:
    """The full CBS boundaries, checked and measured (for downloads)."""
    return load_boundaries()


@st.cache_resource(show_spinner=False)
def display_municipalities() -> gpd.GeoDataFrame:
    """Municipalities simplified as a coverage for the map, with the units table's columns."""
    table = units().municipalities

    def parse(shapes: Any) -> gpd.GeoSeries:
        """One valid polygonal geometry per municipality; raises otherwise."""
        if not isinstance(shapes, dict) or set(shapes) != set(table.index):
            raise ValueError("display geometry: not one shape per municipality")
        geometry = gpd.GeoSeries.from_wkb(pd.Series(shapes).reindex(table.index),
                                          crs="EPSG:4326", on_invalid="raise")
        if not geometry.geom_type.isin(["Polygon", "MultiPolygon"]).all():
            raise ValueError("display geometry: not all polygons")
        return geometry

    geometry = cached("display", lambda: simplify_for_display(
        boundaries().municipalities).geometry.to_wkb(hex=True).to_dict(), parse,
        parameters={"tolerance_m": DEFAULT_TOLERANCE_M, "crs": "EPSG:4326"})
    return gpd.GeoDataFrame(table, geometry=geometry)


@st.cache_resource(show_spinner=False)
def display_topology() -> Topology:
    """The display municipalities' shared arcs, built once for every map."""
    return build_topology(display_municipalities())


@st.cache_resource(show_spinner=False)
def municipality_index() -> MunicipalityIndex:
    """Search over codes, official and common names, places, postcodes and aliases."""
    places = load_place_tables()
    return MunicipalityIndex(units().municipalities, places.names, places.postcodes)


@dataclass(frozen=True)
class Shown:
    """One published version as the page shows it: its number, its coverage, and a key for
    caches, unique within the process (two databases may both have a version 2); and the
    validated document it was read from."""

    number: int
    coverage: Coverage
    key: int
    document: Document


@dataclass(frozen=True)
class Published:
    """The published versions a run works on."""

    versions: list[VersionInfo]
    """Newest first; while the database does not answer, the last known good version only."""
    as_of: datetime.datetime | None = None
    """None when the database answered; else when it last named `versions[0]` the newest
    (UTC)."""


class _LastGoodMemory:
    """The newest version this process validated for one database, when the database last
    named it the newest, and when the database last failed to answer (thread-safe)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.shown: Shown | None = None
        self.info: VersionInfo | None = None
        self.confirmed_at: datetime.datetime | None = None
        self.saved: tuple[int, float] | None = None
        """The number of the version on disk and when it was written (monotonic)."""
        self.disk_read = False
        self.failed_at: float | None = None


@st.cache_resource(show_spinner=False)
def _memory(url: str) -> _LastGoodMemory:
    return _LastGoodMemory()


def _copy_path(url: str) -> Path:
    return last_good.copy_path(url, cache_dir())


@st.cache_resource(show_spinner=False)
def _reader(url: str, seed_dir: str) -> VersionReader:
    """The reader on the database (migrated; filled from the seed folder when empty, or
    created when missing on a first start: never once this process or an earlier one has kept
    a copy of a version, see `registry.readers.open_guarded_reader`)."""
    return open_guarded_reader(units(), url, Path(seed_dir), timeout_s=reader_timeout_s(),
                               create=not _copy_path(url).exists())


def _ask(url: str, question: Callable[[], T]) -> T:
    """`question()`, unless the database failed to answer less than `NEWEST_TTL_S` ago (then
    `DatabaseUnreachableError` at once); a failure is remembered."""
    memory = _memory(url)
    failed_at = memory.failed_at
    if failed_at is not None and time.monotonic() - failed_at < NEWEST_TTL_S:
        raise DatabaseUnreachableError("the database did not answer a moment ago")
    try:
        answer = question()
    except DatabaseUnreachableError as error:
        memory.failed_at = time.monotonic()
        _log.warning("the register's database did not answer: %s", error)
        raise
    memory.failed_at = None
    return answer


def reader() -> VersionReader:
    """The published versions of `$COVERAGE_DATABASE_URL` (or the user's SQLite file)."""
    return _reader(database_url(), str(register_dir()))


@st.cache_data(show_spinner=False, ttl=NEWEST_TTL_S)
def _newest_number(url: str, seed_dir: str) -> int | None:
    return _reader(url, seed_dir).newest_number()


def newest_number() -> int | None:
    """The newest published version's number, at most `NEWEST_TTL_S` seconds old;
    `DatabaseUnreachableError` when the database does not answer."""
    url, seed_dir = database_url(), str(register_dir())
    return _ask(url, lambda: _newest_number(url, seed_dir))


def database_answers() -> bool:
    """Whether the database answers now (at most `NEWEST_TTL_S` seconds ago)."""
    try:
        newest_number()
    except DatabaseUnreachableError:
        return False
    return True


def forget_newest_number() -> None:
    """Ask for the newest number again on the next call: this process has just published (or
    found that someone else has), and the run that follows must show that version from its
    start, not only after the version watch's next tick (which would rerun the page and take
    the publish's outcome off it)."""
    _newest_number.clear()


@st.cache_data(show_spinner=False, max_entries=16)
def _infos(url: str, seed_dir: str, newest: int | None) -> list[VersionInfo]:
    return _reader(url, seed_dir).infos()


_CACHE_KEYS = itertools.count(1)


@st.cache_resource(show_spinner=False, max_entries=8)
def _shown(url: str, seed_dir: str, number: int) -> Shown:
    return _shown_of(read_document(_reader(url, seed_dir), number, units()), number)


def _shown_of(document: Document, number: int) -> Shown:
    return Shown(number, Coverage(document.snapshot, document.fallback, units()),
                 next(_CACHE_KEYS), document)


def shown(number: int) -> Shown:
    """A published version's coverage, read and validated once per process (the last known
    good version without asking the database)."""
    url, seed_dir = database_url(), str(register_dir())
    kept = _memory(url).shown
    if kept is not None and kept.number == number:
        return kept
    return _ask(url, lambda: _shown(url, seed_dir, number))


@st.cache_resource(show_spinner=False, max_entries=8)
def _answers(key: int, number: int, checks: CheckAge, _coverage: Coverage
             ) -> dict[str, Answer]:
    return answers_of(_coverage, Version.of(_coverage.snapshot, number), checks=checks)


def answers(version: Shown) -> dict[str, Answer]:
    """Whom to call for every municipality of a published version (`coverage.answer`), made
    once per process, version and day (a contact becomes due for a check on a day, see
    `check_age`) and shared by every session."""
    return _answers(version.key, version.number, check_age(), version.coverage)


def published() -> Published:
    """Every published version, newest first (read again when a new one is published); the
    last known good version alone, with its time, while the database does not answer.
    `DatabaseUnreachableError` when it does not answer and there is no valid copy."""
    url, seed_dir = database_url(), str(register_dir())
    try:
        infos = _ask(url, lambda: _infos(url, seed_dir, _newest_number(url, seed_dir)))
        if infos:
            _remember(url, infos[0], _ask(url, lambda: _shown(url, seed_dir, infos[0].number)))
        return Published(infos)
    except DatabaseUnreachableError:
        memory = _memory(url)
        _read_copy_once(url, memory)
        with memory.lock:
            info, confirmed_at = memory.info, memory.confirmed_at
        if info is None or confirmed_at is None:
            raise
        return Published([info], confirmed_at)


def versions() -> list[VersionInfo]:
    """The versions of `published()`."""
    return published().versions


def _remember(url: str, info: VersionInfo, newest: Shown) -> None:
    """Keep `newest` as the last known good version, confirmed now; write the copy on disk
    when it holds another version or was written more than `COPY_REFRESH_S` ago."""
    memory = _memory(url)
    now = datetime.datetime.now(datetime.UTC)
    with memory.lock:
        memory.shown, memory.info, memory.confirmed_at = newest, info, now
        saved = memory.saved
        due = (saved is None or saved[0] != info.number
               or time.monotonic() - saved[1] > COPY_REFRESH_S)
        if due:
            memory.saved = (info.number, time.monotonic())
    if due:
        last_good.save(_copy_path(url), last_good.LastGood(info, newest.document, now))


def _read_copy_once(url: str, memory: _LastGoodMemory) -> None:
    """A fresh process whose database does not answer: take the copy on disk (checked by
    its hash; a broken copy is ignored), once."""
    with memory.lock:
        if memory.disk_read or memory.info is not None:
            return
        memory.disk_read = True
    good = last_good.load(_copy_path(url), units())
    if good is None:
        return
    kept = _shown_of(good.document, good.info.number)
    with memory.lock:
        if memory.info is None:
            memory.shown, memory.info, memory.confirmed_at = kept, good.info, good.confirmed_at


# --- issue 18: the age of a check, coverage over time ---------------------------------------


def check_age() -> CheckAge:
    """Today in Amsterdam and the age after which a contact is due for a check:
    `$COVERAGE_CHECK_MONTHS`, else 12 (a value that is not a whole number of months is logged
    and the default used)."""
    try:
        months = check_months(os.environ)
    except ValueError as error:
        _log.warning("COVERAGE_CHECK_MONTHS: %s; using %d", error, DEFAULT_CHECK_MONTHS)
        months = DEFAULT_CHECK_MONTHS
    return CheckAge.now(months)


def _mark(info: VersionInfo) -> VersionMark:
    return VersionMark(info.number, info.label, info.published_at, info.published_by)


@st.cache_resource(show_spinner=False, max_entries=256)
def _statuses(url: str, seed_dir: str, number: int) -> pd.DataFrame:
    """One version's status and population per municipality (versions never change: read and
    computed once per process and version)."""
    document = read_document(_reader(url, seed_dir), number, units())
    table = Coverage(document.snapshot, document.fallback, units()).municipalities
    return table[["status", "population"]].copy()


def _version_statuses(infos: list[VersionInfo], number: int) -> dict[VersionMark, pd.DataFrame]:
    """The statuses of every version up to `number`, oldest first."""
    url, seed_dir = database_url(), str(register_dir())
    chosen = sorted((info for info in infos if info.number <= number),
                    key=lambda info: info.number)
    return {_mark(info): _ask(url, lambda info=info: _statuses(url, seed_dir, info.number))
            for info in chosen}


@st.cache_resource(show_spinner=False, max_entries=16)
def _since(url: str, marks: tuple[tuple[int, str, datetime.datetime, str], ...],
           number: int) -> dict[str, Since]:
    """Per municipality, since which version it has its status in version `number`, computed
    once per process and version (`marks`: the versions up to it, as plain values)."""
    statuses = _version_statuses([_info_of(VersionMark(*mark)) for mark in marks], number)
    return status_since({mark: table["status"] for mark, table in statuses.items()})


def _info_of(mark: VersionMark) -> VersionInfo:
    return VersionInfo(mark.number, mark.label, None, "", mark.published_at, mark.published_by,
                       "", None, "")


def status_since_for(infos: list[VersionInfo], number: int) -> dict[str, Since]:
    """Per municipality, since which version (up to `number`) it has its status there; empty
    while the database does not answer (the earlier versions cannot be read)."""
    marks = tuple(sorted((info.number, info.label, info.published_at, info.published_by)
                         for info in infos if info.number <= number))
    try:
        return _since(database_url(), marks, number)
    except DatabaseUnreachableError:
        return {}


def coverage_history(infos: list[VersionInfo]) -> pd.DataFrame:
    """One row per published version, oldest first (`coverage.history.history_rows`); empty
    while the database does not answer."""
    if not infos:
        return history_rows([])
    try:
        statuses = _version_statuses(infos, max(info.number for info in infos))
    except DatabaseUnreachableError:
        return history_rows([])
    return history_rows(statuses.items())
