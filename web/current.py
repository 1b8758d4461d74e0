"""The published versions the plain pages, the open data and the feed answer from, and what
is made of each version once: its answers (`coverage.answer.answers`), rendered pages, JSON
and files.

Everything comes through `ui.data` (its process-wide caches, the same database reader and the
same last known good version as the dashboard's pages). `ui.data.published()` is not free even
when cached (it passes through several of Streamlit's caches), so the list of versions is kept
here for `ui.data.NEWEST_TTL_S` seconds: within that time an answer that has been made before
costs a dictionary lookup. Asking `ui.data` blocks (it may wait for the database): `current()`
does it in a worker thread.

A version's products are cached by the database, the version's number and its content hash
(two databases may both have a version 2; a version never changes) and the date and age that
decide which contacts are due for a check (`coverage.check_age.CheckAge`: a contact becomes
due as days pass, so the answers are made again on a new day), for the `KEPT_VERSIONS`
versions used last. Since which version each municipality has its status
(`coverage.history.status_since`) is computed once per version too (`since`), when the
database answers (it reads the earlier versions).
"""

from __future__ import annotations

import datetime
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.concurrency import run_in_threadpool

from coverage.answer import Answer, Version, answers
from coverage.check_age import CheckAge
from coverage.history import Since
from registry.database import database_url
from registry.versions import VersionInfo
from ui import data

T = TypeVar("T")

KEPT_VERSIONS = 4
"""How many versions' answers (and what is made of them) are kept in memory."""


@dataclass(frozen=True)
class Current:
    """The published versions at one moment."""

    infos: tuple[VersionInfo, ...]
    """Newest first; while the database does not answer, the last known good version only."""
    as_of: datetime.datetime | None
    """None when the database answered; else when it last named `infos[0]` the newest."""
    url: str
    """The database asked."""
    checked: float
    """When (`time.monotonic`)."""

    @property
    def newest(self) -> VersionInfo:
        """The newest version."""
        return self.infos[0]

    @property
    def degraded(self) -> bool:
        """Whether this is the last known good version (the database does not answer)."""
        return self.as_of is not None

    def info(self, number: int) -> VersionInfo | None:
        """The published version `number`, if there is one."""
        return next((info for info in self.infos if info.number == number), None)


@dataclass
class VersionProducts:
    """One version's answers and everything made of them, each made once."""

    info: VersionInfo
    coverage: Any
    """The version's `coverage.engine.Coverage`."""
    answers: dict[str, Answer]
    checks: CheckAge
    """The date and age against which the answers decided which contacts are due."""
    made: dict[Hashable, Any] = field(default_factory=dict)

    def get(self, key: Hashable) -> Any | None:
        """What was made under `key`, or None (never blocks)."""
        return self.made.get(key)

    def make(self, key: Hashable, maker: Callable[[], T]) -> T:
        """What `maker` makes, made once under `key` (a race makes it twice, harmlessly)."""
        if key not in self.made:
            self.made[key] = maker()
        return self.made[key]


class _Memory:
    """The last `Current` per database and the products of the versions used last."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.current: dict[str, Current] = {}
        self.products: OrderedDict[tuple[str, int, str, CheckAge], VersionProducts] = (
            OrderedDict())


_MEMORY = _Memory()


def forget() -> None:
    """Forget every version and product (as a newly started server; for tests)."""
    with _MEMORY.lock:
        _MEMORY.current.clear()
        _MEMORY.products.clear()


def fresh() -> Current | None:
    """The versions asked for less than `ui.data.NEWEST_TTL_S` seconds ago (never blocks)."""
    known = _MEMORY.current.get(database_url())
    if known is not None and time.monotonic() - known.checked < data.NEWEST_TTL_S:
        return known
    return None


def load() -> Current:
    """Ask `ui.data.published()` (blocking); `registry.database.DatabaseUnreachableError`
    when the database does not answer and no version was kept; `LookupError` when nothing is
    published."""
    url = database_url()
    published = data.published()
    if not published.versions:
        raise LookupError("no published version")
    current = Current(tuple(published.versions), published.as_of, url, time.monotonic())
    _MEMORY.current[url] = current
    return current


async def current() -> Current:
    """The published versions: the kept ones when fresh, else asked in a worker thread."""
    return fresh() or await run_in_threadpool(load)


def _key(current: Current, info: VersionInfo,
         checks: CheckAge) -> tuple[str, int, str, CheckAge]:
    return (current.url, info.number, info.content_hash, checks)


def kept_products(current: Current, info: VersionInfo) -> VersionProducts | None:
    """The products of version `info` for today, if kept (never blocks)."""
    return _MEMORY.products.get(_key(current, info, CheckAge.now()))


def load_products(current: Current, info: VersionInfo) -> VersionProducts:
    """The products of version `info`, its answers made now if not kept (blocking: it may
    read the version from the database, and `answers` works through every municipality)."""
    checks = CheckAge.now()
    key = _key(current, info, checks)
    with _MEMORY.lock:
        kept = _MEMORY.products.get(key)
        if kept is not None:
            _MEMORY.products.move_to_end(key)
            return kept
    shown = data.shown(info.number)
    coverage = shown.coverage
    made = VersionProducts(info, coverage,
                           answers(coverage, Version.of(coverage.snapshot, info.number),
                                   checks=checks), checks)
    with _MEMORY.lock:
        kept = _MEMORY.products.setdefault(key, made)
        _MEMORY.products.move_to_end(key)
        while len(_MEMORY.products) > KEPT_VERSIONS:
            _MEMORY.products.popitem(last=False)
    return kept


async def products(current: Current, info: VersionInfo) -> VersionProducts:
    """The products of version `info`: kept, or made in a worker thread."""
    return kept_products(current, info) or await run_in_threadpool(load_products, current, info)


SINCE = "since"
"""The key under which `VersionProducts.made` keeps since which version each municipality has
its status."""


def since_of(current: Current, products: VersionProducts) -> dict[str, Since]:
    """Per municipality code, since which version (and date) it has its status in the version
    of `products`: computed once per version (`ui.data.status_since_for`, blocking: it reads
    the earlier versions the first time). Empty while the database does not answer and it was
    not computed before; an empty result is not kept, so it is computed once the database
    answers again."""
    kept = products.get(SINCE)
    if kept is not None:
        return kept
    if current.degraded:
        return {}
    since = data.status_since_for(list(current.infos), products.info.number)
    if since:
        products.made[SINCE] = since
    return since
