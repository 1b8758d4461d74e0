"""The disk cache of data derived from the boundary files: keys, paths, reading and writing.

What is derived lives with what derives it (the areas in `geodata.derived`, the spatial check
in `geodata.checked`, the map's display geometry in `ui.data`); this module only keeps the
values, and imports none of them. Deriving needs the full geometry (geopandas, projections),
which a quick lookup should not load, so the results are kept as small JSON files in the user
cache folder (`platformdirs`, or `$COVERAGE_CACHE_DIR`). Each file holds its key beside its
value: a hash of the boundary files' contents, the derivation's parameters and the versions of
the geometry libraries. A file is used only when its key matches and its value parses; anything
else (another key, truncated or foreign JSON, a value of the wrong shape) means the value is
derived again and the file rewritten. Files are written atomically (a temporary file in the
same folder, then `os.replace`) and a cache that cannot be written only means deriving again
next time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from geodata.settings import geodata_dir
from geodata.tables import BOUNDARY_FILES

CACHE_DIR_VARIABLE = "COVERAGE_CACHE_DIR"
"""Environment variable for the cache folder (default: the user cache folder of
`coverage-dashboard`, e.g. `~/.cache/coverage-dashboard` on Linux)."""

GEOMETRY_LIBRARIES = ("shapely", "geopandas", "pyproj", "pyogrio")
"""The libraries whose versions are part of every key: their results may differ by version."""

FORMAT_VERSION = 1
"""Raised when the layout of the cache files changes."""

_log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    """Where derived data is kept: `$COVERAGE_CACHE_DIR`, else the user cache folder."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("coverage-dashboard", appauthor=False)


@cache
def _fingerprint(folder: Path, stamps: tuple[tuple[int, int], ...]) -> str:
    """A hash of the boundary files' contents (`stamps` only invalidates this memo)."""
    digest = hashlib.sha256()
    for name in BOUNDARY_FILES:
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def boundary_fingerprint(folder: Path) -> str:
    """The SHA-256 of the boundary files in `folder`, read again when one of them changes."""
    stamps = tuple((stat.st_mtime_ns, stat.st_size)
                   for stat in ((folder / name).stat() for name in BOUNDARY_FILES))
    return _fingerprint(folder, stamps)


def _library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for library in GEOMETRY_LIBRARIES:
        try:
            versions[library] = version(library)
        except PackageNotFoundError:
            versions[library] = "absent"
    return versions


def cache_key(name: str, folder: Path, parameters: Mapping[str, Any]) -> dict[str, Any]:
    """Everything a derived value depends on: the boundary files, the derivation's name and
    parameters, the geometry libraries' versions and the cache format."""
    return {"format": FORMAT_VERSION, "name": name,
            "boundary_files": boundary_fingerprint(folder),
            "parameters": dict(parameters), "libraries": _library_versions()}


def _path_of(key: dict[str, Any]) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    return cache_dir() / f"{key['name']}-{digest}.json"


def _read(path: Path, key: dict[str, Any]) -> Any:
    """The cached value at `path` if the file holds exactly `key`; `KeyError` otherwise."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise KeyError(f"unreadable: {error}") from error
    if not isinstance(stored, dict) or stored.get("key") != key or "value" not in stored:
        raise KeyError("another key or shape")
    return stored["value"]


def write_atomically(path: Path, text: str) -> bool:
    """Write `text` to `path` through a temporary file in the same folder and `os.replace`.

    Returns whether it was written; an unwritable folder is not an error. The temporary file
    never outlives the call.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    except OSError as error:
        _log.info("derived data not cached: %s", error)
        return False
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except OSError as error:
        _log.info("derived data not cached: %s", error)
        return False
    finally:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
    return True


def cached(name: str, derive: Callable[[], Any], parse: Callable[[Any], T], *,
           parameters: Mapping[str, Any] | None = None, data_dir: Path | None = None) -> T:
    """`parse(value)` of the JSON value that `derive()` returns for the current boundary files.

    The value comes from the cache when the file there has this exact key (see `cache_key`;
    `parameters` are the derivation's settings) and `parse` accepts it; else it is derived,
    parsed and written. `parse` must raise on a value of the wrong shape.
    """
    folder = data_dir or geodata_dir()
    try:
        key = cache_key(name, folder, parameters or {})
    except OSError:
        return parse(derive())  # a missing boundary file: let the loader name it
    path = _path_of(key)
    try:
        return parse(_read(path, key))
    except Exception as error:  # anything wrong with a cached value means: derive it again
        if path.exists():
            _log.info("derived data %s rebuilt: %s", path.name, error)
    value = derive()
    parsed = parse(value)
    write_atomically(path, json.dumps({"key": key, "value": value}))
    return parsed
