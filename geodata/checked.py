"""The tables, checked against the boundaries: what every command and page that answers uses."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from geodata.disk_cache import cached
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


def verified_regions(units: Units, data_dir: Path | None = None) -> None:
    """Check that a point inside every municipality lies in the safety region its table names.

    The check needs the full geometry, so its outcome is cached by the files' hash: a cached
    outcome is used only when it names exactly the table's region for every municipality;
    otherwise the boundaries are loaded and checked again, which raises `BoundaryDataError`
    naming each municipality that disagrees.
    """
    expected = units.municipalities["safety_region_code"].to_dict()

    def check() -> dict[str, str]:
        from geodata.boundaries import load_boundaries  # runs the check; raises if it fails

        return load_boundaries(data_dir).municipalities["safety_region_code"].to_dict()

    def parse(value: Any) -> None:
        if value != expected:
            raise ValueError("spatial check: outcome does not match the table")

    cached("spatial-check", check, parse,
           parameters={"point": "representative_point", "predicate": "within"},
           data_dir=data_dir)
