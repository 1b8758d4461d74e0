"""Keep the last good register while its files are being edited.

The app asks the store for the register on every run. When a file under `data/` changed since
the last load, the store reloads; if the new files are broken it keeps serving the last good
register and reports the error, so a typo in a YAML file never takes the dashboard down.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coverage.register import Register, RegisterError, load_register, register_dir
from geodata import Units


@dataclass(frozen=True)
class Loaded:
    """What the store serves: the last good register (None if there never was one), the error
    of the latest failed load (None if the latest load succeeded), and a version number,
    unique within the process, that changes whenever a new register is accepted."""

    register: Register | None
    error: RegisterError | None
    version: int


_VERSIONS = itertools.count(1)
"""Register versions are unique within the process, so caches keyed by version never mix up
the registers of two stores."""


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(folder.rglob("*.yaml"))
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)


class RegisterStore:
    """A register that reloads when its files change and keeps the last good one."""

    def __init__(self, units: Units, data_dir: Path | None = None,
                 loader: Callable[[Units, Path], Register] = load_register) -> None:
        self._units, self._loader = units, loader
        self._data_dir = data_dir or register_dir()
        self._lock = threading.Lock()
        self._seen: tuple | None = None
        self._loaded = Loaded(register=None, error=None, version=0)

    def get(self) -> Loaded:
        """The register to show, reloading first if any file changed since the last call."""
        with self._lock:
            fingerprint = _fingerprint(self._data_dir)
            if fingerprint != self._seen:
                self._seen = fingerprint
                try:
                    register = self._loader(self._units, self._data_dir)
                except RegisterError as error:
                    self._loaded = Loaded(self._loaded.register, error, self._loaded.version)
                else:
                    self._loaded = Loaded(register, None, next(_VERSIONS))
            return self._loaded
