"""The last known good version: a copy on disk of the newest version a server has validated,
for answering while the register's database does not.

One JSON file per database (named by a hash of its URL, which is not stored) in the folder
`last-good/` of the cache folder (`$COVERAGE_CACHE_DIR`, see `geodata.disk_cache.cache_dir`), apart
from the derived boundary data kept there, written atomically: the
version's record (number, label, … and its SHA-256 content hash), its snapshot and fallback
YAML as published, and when the database last named it the newest version. Reading it back
validates both texts with the register's rules and compares their content hash with the
recorded one: a file that is truncated, garbled, of another format or whose content does not
match its hash is ignored (`load` gives None), never half used.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from geodata import Units
from geodata.disk_cache import write_atomically
from registry.documents import Document, document_from_texts
from registry.versions import COLUMNS, VersionInfo, info_from_row

FORMAT = "coverage-last-good/1"
"""The file's format; a file of another format is ignored."""

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LastGood:
    """A published version as a server last validated it, and when the database last named it
    the newest (UTC)."""

    info: VersionInfo
    document: Document
    confirmed_at: datetime.datetime


def copy_path(url: str, folder: Path) -> Path:
    """The file of the copy for the database `url` in the cache `folder` (the URL, which may
    hold a password, is only hashed).

    >>> copy_path("sqlite:///a.sqlite3", Path("/cache")).as_posix()
    '/cache/last-good/224bf510dbb9d479fdc12f2d.json'
    """
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]
    return folder / "last-good" / f"{digest}.json"


def to_text(good: LastGood) -> str:
    """The copy's JSON text."""
    return json.dumps({"format": FORMAT, "version": good.info.to_json(),
                       "confirmed_at": good.confirmed_at.isoformat(),
                       "snapshot_yaml": good.document.snapshot_yaml,
                       "fallback_yaml": good.document.fallback_yaml}, ensure_ascii=False)


def save(path: Path, good: LastGood) -> bool:
    """Write the copy atomically (a temporary file, then a rename); whether it was written (an
    unwritable cache folder is logged, not raised)."""
    return write_atomically(path, to_text(good))


def from_text(text: str, units: Units) -> LastGood:
    """The copy in `text`, validated; `ValueError` (or `KeyError`, `TypeError`) when it is not
    a whole, valid copy whose content matches its hash."""
    stored = json.loads(text)
    if not isinstance(stored, dict) or stored.get("format") != FORMAT:
        raise ValueError("not a last-good copy of this format")
    record = stored["version"]
    info = info_from_row(tuple(record[name] for name in COLUMNS))
    confirmed_at = datetime.datetime.fromisoformat(stored["confirmed_at"])
    if confirmed_at.tzinfo is None:
        raise ValueError("confirmed_at without a time zone")
    name = Path(f"last good version {info.number}")
    document = document_from_texts(stored["snapshot_yaml"], stored["fallback_yaml"], units,
                                   snapshot_name=name, fallback_name=name)
    if document.content_hash != info.content_hash:
        raise ValueError(f"content hash {document.content_hash} is not the recorded "
                         f"{info.content_hash}")
    return LastGood(info, document, confirmed_at.astimezone(datetime.UTC))


def load(path: Path, units: Units) -> LastGood | None:
    """The copy at `path` if it is whole and valid and its content matches its hash; None
    otherwise (a broken copy is logged and ignored)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        _log.warning("last-good copy %s ignored: %s", path, error)
        return None
    try:
        return from_text(text, units)
    except Exception as error:  # any fault of the file means: no copy
        _log.warning("last-good copy %s ignored: %s", path, error)
        return None
