"""The CBS area tables: municipalities, safety regions, and the units built from them.

These are plain pandas tables, read without any geometry so that a quick lookup does not pay
for loading boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import pandas as pd

from geodata.settings import GEODATA_DIR_VARIABLE, geodata_dir

MUNICIPALITIES_FILE = "municipalities-2023.csv"
SAFETY_REGIONS_FILE = "safety-regions.csv"

UNIT_KINDS = ("municipality", "safety_region", "province", "police_unit")
"""The named units an area can be made of, smallest first."""


class BoundaryDataError(ValueError):
    """The boundary data folder is missing, incomplete or inconsistent."""


@dataclass(frozen=True)
class Units:
    """The municipality table, one row per municipality, indexed by CBS code (`GMxxxx`).

    Columns: `name` (official CBS name), `display_name` (common name, equal to `name` where CBS
    gives none), `safety_region_code`, `safety_region_name`, `province`, `police_unit`,
    `population`.
    """

    municipalities: pd.DataFrame
    safety_regions: pd.DataFrame
    """The 25 safety regions indexed by code `VRxx`: `name`, `province`, `police_unit`."""

    def column_of(self, kind: str) -> str:
        """The column of `municipalities` that holds the code or name of a unit kind."""
        return {
            "municipality": "code",
            "safety_region": "safety_region_code",
            "province": "province",
            "police_unit": "police_unit",
        }[kind]

    def names_of(self, kind: str) -> dict[str, str]:
        """Every accepted spelling of a unit of `kind` mapped to its canonical value.

        Municipalities and safety regions are known by code, official name and common name;
        provinces and police units by name.
        """
        return self._spellings[kind]

    def codes_of(self, kind: str, name: str) -> frozenset[str]:
        """The municipality codes of the unit of `kind` spelled `name` (see `names_of`)."""
        return self._members[kind][self._spellings[kind][name]]

    @cached_property
    def _spellings(self) -> dict[str, dict[str, str]]:
        table, regions = self.municipalities, self.safety_regions
        spellings = {
            "municipality": {**dict(zip(table.index, table.index, strict=True)),
                             **dict(zip(table["name"], table.index, strict=True)),
                             **dict(zip(table["display_name"], table.index, strict=True))},
            "safety_region": {**dict(zip(regions.index, regions.index, strict=True)),
                              **dict(zip(regions["name"], regions.index, strict=True))},
        }
        for kind in ("province", "police_unit"):
            values = table[self.column_of(kind)].unique()
            spellings[kind] = dict(zip(values, values, strict=True))
        return spellings

    @cached_property
    def _members(self) -> dict[str, dict[str, frozenset[str]]]:
        table = self.municipalities
        members: dict[str, dict[str, frozenset[str]]] = {}
        for kind in UNIT_KINDS:
            grouped: dict[str, list[str]] = {}
            for code, value in zip(table.index, table[self.column_of(kind)], strict=True):
                grouped.setdefault(value, []).append(code)
            members[kind] = {value: frozenset(codes) for value, codes in grouped.items()}
        return members


def require_file(path: Path) -> Path:
    """The path, if it is a file; else a `BoundaryDataError` that names it and the setting."""
    if not path.is_file():
        raise BoundaryDataError(f"{path}: file not found (set the data folder with the "
                                f"environment variable {GEODATA_DIR_VARIABLE})")
    return path


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(require_file(path), dtype=str, keep_default_na=False)


@cache
def load_units(data_dir: Path | None = None) -> Units:
    """Read and check the municipality and safety-region tables (once per process and folder)."""
    folder = data_dir or geodata_dir()
    municipalities = _read_csv(folder / MUNICIPALITIES_FILE)
    regions = _read_csv(folder / SAFETY_REGIONS_FILE).set_index("code")
    unknown = municipalities.loc[~municipalities["safety_region_code"].isin(regions.index)]
    if not unknown.empty:
        raise BoundaryDataError(
            f"{folder / MUNICIPALITIES_FILE}: unknown safety region for "
            + ", ".join(f"{row.code} ({row.safety_region_code})" for row in unknown.itertuples())
        )
    duplicated = municipalities.loc[municipalities["code"].duplicated(), "code"]
    if not duplicated.empty:
        raise BoundaryDataError(
            f"{folder / MUNICIPALITIES_FILE}: duplicate codes {', '.join(duplicated)}"
        )
    municipalities["display_name"] = municipalities["display_name"].where(
        municipalities["display_name"] != "", municipalities["name"]
    )
    municipalities["population"] = municipalities["population"].astype("int64")
    municipalities = municipalities.join(
        regions.rename(columns={"name": "safety_region_name"}), on="safety_region_code"
    ).set_index("code", drop=False)
    municipalities.index.name = None
    return Units(municipalities=municipalities.sort_index(), safety_regions=regions.sort_index())
