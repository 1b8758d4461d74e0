"""A private copy of the shipped boundary files, to break in a test."""

from __future__ import annotations

import shutil
from pathlib import Path

from geodata.settings import DEFAULT_GEODATA_DIR
from geodata.tables import BOUNDARY_FILES


def copy_geodata(target: Path) -> Path:
    """Copy the shipped CBS files into `target` (created) and return it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in BOUNDARY_FILES:
        shutil.copy(DEFAULT_GEODATA_DIR / name, target / name)
    return target
