"""`python -m coverage lookup` answered from answers kept on disk, without the data libraries.

A lookup in a fresh process used to import pandas and pydantic, read the tables and the
register and make the answer: longer than importing geopandas. The first lookup of a version
(the full path, `cli.lookup_commands`) therefore writes every municipality's answer as it
prints it (text and ``--json``, both languages) and the search's keys
(`coverage.search.SearchKeys`) into one JSON file in the cache folder
(`geodata.disk_cache.cache_dir`); a later lookup of that version reads that file with the standard
library alone (`answer_from_cache`, called by `cli.start` before anything else is imported) and
prints the very same bytes, in the language the full path would choose (``--lang``, else
`$COVERAGE_LANG`, else English: `cli.words`).

The file is used only when it holds exactly its key (as `geodata.disk_cache` keys its files):
the version's number, label and content hash (read from the SQLite file with the standard
library, `registry.sqlite_reader`), the boundary files' hash, and the code's own fingerprint
(every source file of `coverage/`, `geodata/`, `registry/` and `cli/`, the place tables, the
Python version and where the libraries the answers depend on are installed). A new version, other
boundary files or other code mean another key; a file that does not parse or has another
shape is ignored. Anything the cache cannot answer exactly (``--data``, a PostgreSQL
database, an unknown version, a name that is ambiguous or unknown, any other option) goes the
full way, which also says what is wrong.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.output import json_text
from cli.words import environment_language
from coverage.via_text import via_line

if TYPE_CHECKING:
    from coverage.check_age import CheckAge
    from coverage.search import SearchKeys

FORMAT_VERSION = 1
"""Raised when the layout of the file changes."""
LANGUAGES = ("en", "nl")
LIBRARIES = ("phonenumbers", "pydantic", "yaml", "pandas", "numpy")
"""The libraries whose installation is part of the key (where they lie, and when they were
installed): the answers are made with them."""

_ROOT = Path(__file__).resolve().parent.parent
_SOURCES = ("coverage", "geodata", "registry", "cli")


@dataclass(frozen=True)
class LookupRequest:
    """A plain ``lookup`` on the published versions: what the cache can answer."""

    name: str
    snapshot: str = "current"
    json: bool = False
    language: str = "en"


def lookup_request(argv: Sequence[str], default_language: str = "en") -> LookupRequest | None:
    """The lookup `argv` asks for, or None when it is anything else the full parser must read
    (another command, ``--data``, ``--help``, abbreviated or unknown options, a missing name);
    without ``--lang``, in `default_language` (the full path's: `$COVERAGE_LANG`, else en).

    >>> lookup_request(["lookup", "Zwolle", "--json", "--lang", "nl"])
    LookupRequest(name='Zwolle', snapshot='current', json=True, language='nl')
    >>> lookup_request(["--data", "d", "lookup", "Zwolle"]) is None
    True
    >>> lookup_request(["lookup", "Zwolle", "--lang", "de"]) is None
    True
    >>> lookup_request(["lookup", "Zwolle"], "nl").language
    'nl'
    """
    if not argv or argv[0] != "lookup":
        return None
    name: str | None = None
    values: dict[str, str] = {}
    as_json = False
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--json":
            as_json = True
        elif token in ("--snapshot", "--lang"):
            value = next(tokens, None)
            if value is None or value.startswith("-"):
                return None
            values[token] = value
        elif token.startswith("-") or name is not None:
            return None
        else:
            name = token
    language = values.get("--lang", default_language)
    if name is None or language not in LANGUAGES:
        return None
    return LookupRequest(name, values.get("--snapshot", "current"), as_json, language)


# --- the key -------------------------------------------------------------------------------


def code_fingerprint() -> str:
    """A hash of what the answers and the search are made with: the project's source files and
    place tables, the Python version, and where the libraries of `LIBRARIES` are installed."""
    digest = hashlib.sha256(sys.version.encode())
    for package in _SOURCES:
        folder = _ROOT / package
        for path in sorted([*folder.rglob("*.py"), *folder.glob("places/*.csv")]):
            digest.update(str(path.relative_to(_ROOT)).encode() + b"\0" + path.read_bytes())
    for library in LIBRARIES:
        spec = importlib.util.find_spec(library)
        origin = spec.origin if spec is not None and spec.origin else "absent"
        stamp = os.stat(origin).st_mtime_ns if origin != "absent" else 0
        digest.update(f"{library}\0{origin}\0{stamp}".encode())
    return digest.hexdigest()


def cache_key(number: int, label: str, content_hash: str, checks: CheckAge) -> dict[str, Any]:
    """The key of one version's answers (see the module's docstring), for the day and age
    that make a contact due for a check (`coverage.check_age`: an answer says which are)."""
    from geodata.disk_cache import boundary_fingerprint
    from geodata.settings import geodata_dir

    return {"format": FORMAT_VERSION, "name": "lookup",
            "version": {"number": number, "label": label, "content_hash": content_hash},
            "checks": {"today": checks.today.isoformat(), "months": checks.months},
            "boundary_files": boundary_fingerprint(geodata_dir()),
            "code": code_fingerprint()}


def default_checks() -> CheckAge:
    """Today in Amsterdam and `$COVERAGE_CHECK_MONTHS` (else 12), as a plain lookup uses them;
    `ValueError` for an age that is not valid (the full path then says so)."""
    from coverage.check_age import CheckAge, check_months

    return CheckAge.now(check_months(os.environ))


def cache_path(key: Mapping[str, Any]) -> Path:
    """Where the answers of `key` are kept."""
    from geodata.disk_cache import cache_dir

    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    return cache_dir() / f"lookup-{digest}.json"


def published_version(reference: str) -> tuple[int, str, str] | None:
    """The number, label and content hash of the published version `reference` names, read
    from a ready SQLite database with the standard library; None for another database, one
    that is not ready (the full path prepares it), or an unknown reference (it says so)."""
    from registry.database import database_url, sqlite_path
    from registry.sqlite_reader import SqliteReader
    from registry.versions import UnknownVersionError, resolve

    path = sqlite_path(database_url())
    if path is None:
        return None
    reader = SqliteReader(path)
    if not reader.is_ready():
        return None
    try:
        number = resolve(reader, reference)
    except UnknownVersionError:
        return None
    info = next(info for info in reader.infos() if info.number == number)
    return info.number, info.label, info.content_hash


# --- reading and writing -------------------------------------------------------------------


def store(key: Mapping[str, Any], answers: Mapping[str, Mapping[str, Any]],
          search_keys: Mapping[str, Any]) -> bool:
    """Keep one version's rendered answers (code → ``display_name``, ``text`` and ``json`` per
    language) and the search's keys under `key`; whether the file was written (a cache that
    cannot be written only means the full path next time)."""
    from geodata.disk_cache import write_atomically

    document = {"key": dict(key), "value": {"answers": dict(answers), "search": search_keys}}
    return write_atomically(cache_path(key), json.dumps(document, ensure_ascii=False))


@dataclass(frozen=True)
class Kept:
    """One version's answers as kept: code → ``display_name``, ``text`` and ``json`` per
    language; and the search's keys."""

    answers: dict[str, dict[str, Any]]
    search: SearchKeys


def _answer_shape(answer: Any) -> bool:
    return (isinstance(answer, dict) and isinstance(answer.get("display_name"), str)
            and all(isinstance(answer.get(form), dict) and all(
                isinstance(answer[form].get(language), kind) for language in LANGUAGES)
                for form, kind in (("text", str), ("json", dict))))


def _load(key: Mapping[str, Any]) -> Kept | None:
    """The answers kept under `key`; None for a missing file, another key, or a file that
    does not parse or has another shape."""
    from coverage.search import SearchKeys

    try:
        stored = json.loads(cache_path(key).read_text(encoding="utf-8"))
        value = stored["value"] if stored["key"] == key else None
        answers = value["answers"] if isinstance(value, dict) else None
        if not isinstance(answers, dict) or not all(map(_answer_shape, answers.values())):
            return None
        return Kept(answers, SearchKeys.from_json(value["search"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def is_kept(key: Mapping[str, Any]) -> bool:
    """Whether the file of `key` holds it and answers of the right shape."""
    return _load(key) is not None


def cached_output(request: LookupRequest) -> str | None:
    """What the full path would print for `request`, from the cache; None when the cache
    cannot say (see the module's docstring)."""
    version = published_version(request.snapshot)
    if version is None:
        return None
    kept = _load(cache_key(*version, default_checks()))
    if kept is None:
        return None
    try:
        result = kept.search.find(request.name)
        code = result.unique
        if code is None:
            return None
        answer = kept.answers[code]
        via = result.via_of(code)
        if request.json:
            shape = dict(answer["json"][request.language])
            if via:
                shape["via"] = {"kind": via.kind, "name": via.name, "places": list(via.places)}
            return json_text(shape) + "\n"
        text = answer["text"][request.language]
        if not isinstance(text, str):
            return None
        if via:
            text = via_line(via.kind, via.name, via.places, str(answer["display_name"]),
                            request.language) + "\n" + text
        return text
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a file of another shape: the full path answers and writes it anew


def answer_from_cache(argv: Sequence[str]) -> int | None:
    """Print the answer to a plain lookup from the cache and return the exit code 0; None
    (nothing printed) when the full command line must answer."""
    request = lookup_request(argv, environment_language(os.environ))
    if request is None:
        return None
    try:
        output = cached_output(request)
    except Exception:  # anything unforeseen: the full path answers, or says what is wrong
        return None
    if output is None:
        return None
    sys.stdout.write(output)
    sys.stdout.flush()
    return 0
