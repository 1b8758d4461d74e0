"""Data derived from the boundary files and kept in the disk cache: the municipalities' areas.

Measuring areas needs the full geometry (`geodata.boundaries`); the result is kept by
`geodata.disk_cache`, so a later process reads it without loading geopandas.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from geodata.checked import load_units
from geodata.disk_cache import cached

if TYPE_CHECKING:  # pandas is imported where it is used: a cached lookup does not need it
    import pandas as pd


def parse_areas(value: Any, codes: pd.Index) -> pd.Series:
    """Areas in km² for exactly `codes`, each a positive number; `ValueError` otherwise.

    >>> import pandas as pd
    >>> parse_areas({"GM0193": 119.3}, pd.Index(["GM0193"])).to_dict()
    {'GM0193': 119.3}
    >>> parse_areas({"GM0193": "big"}, pd.Index(["GM0193"]))
    Traceback (most recent call last):
    ...
    ValueError: areas: not a positive number for GM0193
    """
    if not isinstance(value, dict) or set(value) != set(codes):
        raise ValueError("areas: not one value per municipality")
    bad = [code for code, area in value.items()
           if isinstance(area, bool) or not isinstance(area, int | float) or not area > 0]
    if bad:
        raise ValueError(f"areas: not a positive number for {', '.join(bad[:5])}")
    import pandas as pd

    return pd.Series(value, name="area_km2", dtype="float64").reindex(codes)


def municipality_areas(data_dir: Path | None = None) -> pd.Series:
    """Area in km² per municipality code (measured in EPSG:28992 by `load_boundaries`)."""
    codes = load_units(data_dir).municipalities.index

    def measure() -> dict[str, float]:
        from geodata.boundaries import load_boundaries  # geometry only when not cached

        return load_boundaries(data_dir).municipalities["area_km2"].round(6).to_dict()

    return cached("areas", measure, lambda value: parse_areas(value, codes),
                  parameters={"crs": "EPSG:28992", "decimals": 6}, data_dir=data_dir)
