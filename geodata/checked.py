"""The tables, checked against the boundaries: what every command and page that answers uses."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from geodata.derived import verified_regions
from geodata.settings import geodata_dir
from geodata.tables import Units, read_tables


def load_units(data_dir: Path | None = None) -> Units:
    """The municipality and safety-region tables, checked in themselves and against the
    boundaries (once per process and folder; the spatial check's outcome is cached on disk).

    Raises `BoundaryDataError` naming the file and the municipalities or regions when any
    boundary file is missing, unreadable, or disagrees with the others.
    """
    return _load_units(data_dir or geodata_dir())


@cache
def _load_units(folder: Path) -> Units:
    units = read_tables(folder)
    verified_regions(units, folder)
    return units
