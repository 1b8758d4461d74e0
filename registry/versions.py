"""Published versions of the register: what they are, how they are named and read.

A version is an immutable register document (one snapshot of the overview and the national
fallback in force), numbered 1, 2, 3, … in order of publication. `VersionReader` is what every
reader (the CLI, the app) needs; `registry.store.VersionStore` implements it on any database
through SQLAlchemy and also writes, `registry.sqlite_reader.SqliteReader` reads an SQLite file
with the standard library only (a faster start for the command line).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from coverage.quoting import quoted_input

if TYPE_CHECKING:  # the documents (pydantic, YAML) only where one is read
    from geodata import Units
    from registry.documents import Document

VERSIONS_TABLE = "register_versions"
NEWEST_LABEL = "current"
"""`current` always names the newest published version."""
_NUMBER = re.compile(r"[0-9]{1,9}")
"""A version number as a reference names it: ASCII digits, not too many for `int`."""

COLUMNS = ("number", "label", "source_date", "source", "published_at", "published_by",
           "comment", "parent", "content_hash")
"""The columns of `VersionInfo`, in order, as stored."""


@dataclass(frozen=True)
class VersionInfo:
    """Who published which version when and why; the document itself is read separately."""

    number: int
    label: str
    source_date: datetime.date | None
    source: str
    published_at: datetime.datetime
    published_by: str
    comment: str
    parent: int | None
    content_hash: str

    def to_json(self) -> dict[str, object]:
        """The public JSON shape of `versions --json`."""
        return {"number": self.number, "label": self.label,
                "source_date": self.source_date.isoformat() if self.source_date else None,
                "source": self.source, "published_at": self.published_at.isoformat(),
                "published_by": self.published_by, "comment": self.comment,
                "parent": self.parent, "content_hash": self.content_hash}


def info_from_row(row: tuple) -> VersionInfo:
    """A `VersionInfo` from a row of `COLUMNS`, whatever types the database driver returns
    (SQLite gives dates as text and times without a zone; they are stored in UTC)."""
    number, label, source_date, source, published_at, by, comment, parent, digest = row
    if isinstance(source_date, str):
        source_date = datetime.date.fromisoformat(source_date)
    if isinstance(published_at, str):
        published_at = datetime.datetime.fromisoformat(published_at)
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=datetime.UTC)
    return VersionInfo(number, label, source_date, source, published_at.astimezone(datetime.UTC),
                       by, comment, parent, digest)


class UnknownVersionError(LookupError):
    """No published version by that number or label."""


class StaleBaseError(Exception):
    """The newest published version is no longer the one a change was based on."""

    def __init__(self, base: int, newest: int | None) -> None:
        self.base, self.newest = base, newest
        super().__init__(f"version {base} is no longer the newest published version "
                         f"(the newest is {newest}); nothing was published. Review the "
                         "changes against the newest version and try again.")


class VersionReader(Protocol):
    """Read access to the published versions."""

    def newest_number(self) -> int | None:
        """The number of the newest published version (None when there is none)."""
        ...

    def infos(self) -> list[VersionInfo]:
        """Every published version, newest first."""
        ...

    def texts(self, number: int) -> tuple[str, str]:
        """The snapshot and fallback YAML of one version, as published."""
        ...


def resolve(reader: VersionReader, reference: str | int) -> int:
    """The number of a version named by number (`3`) or label (`current`: the newest;
    another label: the newest version with that label)."""
    infos = reader.infos()
    if not infos:
        raise UnknownVersionError("no version has been published")
    text = str(reference).strip()
    if text == NEWEST_LABEL:
        return infos[0].number
    if _NUMBER.fullmatch(text):  # ASCII digits only: `str.isdigit` takes '²', int() does not
        if any(info.number == int(text) for info in infos):
            return int(text)
    else:
        match = next((info for info in infos if info.label == text), None)
        if match is not None:
            return match.number
    labels = sorted({info.label for info in infos} | {NEWEST_LABEL})
    raise UnknownVersionError(f"no version '{quoted_input(text)}'; choose a number from 1 to "
                              f"{infos[0].number} or a label ({', '.join(labels)})")


def read_document(reader: VersionReader, number: int, units: Units, *,
                  published: bool = True) -> Document:
    """One version's document, validated as when it was published: the register's limits
    (`coverage.limits`), perhaps newer than the version, are applied only when not read as
    `published` (to publish its content anew), so a version breaking them can be replaced."""
    from registry.documents import document_from_texts

    snapshot_yaml, fallback_yaml = reader.texts(number)
    return document_from_texts(snapshot_yaml, fallback_yaml, units,
                               snapshot_name=Path(f"version {number} (snapshot)"),
                               fallback_name=Path(f"version {number} (fallback)"),
                               published=published)
