"""The register store keeps the last good register while a file is broken."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from coverage.register import DATA_DIR
from coverage.store import RegisterStore
from geodata import Units


def _touch_with(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_keeps_the_last_good_register(units: Units, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    store = RegisterStore(units, data)
    first = store.get()
    assert first.error is None and first.register is not None
    assert store.get() is first  # nothing changed: no reload

    current = data / "snapshots" / "current.yaml"
    good = current.read_text(encoding="utf-8")
    _touch_with(current, good.replace('"058 - 215 70 84"', '"058"'))
    broken = store.get()
    assert broken.register is first.register
    assert broken.version == first.version
    assert broken.error is not None
    assert "provincie-friesland" in str(broken.error) and "phones[0]" in str(broken.error)

    _touch_with(current, good.replace("organisation: Fier", "organisation: Fier Fryslân"))
    fixed = store.get()
    assert fixed.error is None
    assert fixed.version > first.version
    entry = next(e for e in fixed.register.snapshots["current"].entries
                 if e.id == "provincie-friesland")
    assert entry.contacts[0].organisation == "Fier Fryslân"


def test_broken_from_the_start(units: Units, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "fallback.yaml").write_text("organisation: [", encoding="utf-8")
    loaded = RegisterStore(units, data).get()
    assert loaded.register is None
    assert "fallback.yaml" in str(loaded.error)
