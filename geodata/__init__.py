"""Boundary data: CBS municipalities and safety regions, loaded, checked and prepared.

`load_units` reads the tables and checks them against the boundaries (the outcome of that
spatial check is cached by the files' hash, so this is fast); `load_boundaries` adds the
repaired geometries and areas in km². The geometry part (and
geopandas with it) is imported on first use, so that a quick lookup does not pay for it.
"""

from typing import Any

from geodata.checked import load_units
from geodata.errors import BoundaryDataError
from geodata.settings import GEODATA_DIR_VARIABLE, geodata_dir
from geodata.tables import UNIT_KINDS, Units

_GEOMETRY_NAMES = ("Boundaries", "load_boundaries")

__all__ = [
    "GEODATA_DIR_VARIABLE",
    "UNIT_KINDS",
    "BoundaryDataError",
    "Units",
    "geodata_dir",
    "load_units",
    *_GEOMETRY_NAMES,
]


def __getattr__(name: str) -> Any:
    if name in _GEOMETRY_NAMES:
        from geodata import boundaries

        return getattr(boundaries, name)
    raise AttributeError(f"module 'geodata' has no attribute {name!r}")
