"""The CBS area tables: municipalities, safety regions, and the units built from them.

These are plain pandas tables, read without any geometry so that a quick lookup does not pay
for loading boundaries; pandas itself is imported when they are read, so that importing this
module (and `geodata`) stays light for a lookup answered from the cache
(`cli.lookup_cache`).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import BoundaryDataError
from geodata.settings import GEODATA_DIR_VARIABLE, geodata_dir

if TYPE_CHECKING:
    import pandas as pd

MUNICIPALITIES_FILE = "municipalities-2023.csv"
SAFETY_REGIONS_FILE = "safety-regions.csv"
TOPOLOGY_FILE = "nl-gm-vr-2023.topo.json"
BOUNDARY_FILES = (MUNICIPALITIES_FILE, SAFETY_REGIONS_FILE, TOPOLOGY_FILE)
"""The files of the boundary data folder."""
MUNICIPALITY_COLUMNS = ("code", "name", "display_name", "safety_region_code", "population")
SAFETY_REGION_COLUMNS = ("code", "name", "province", "police_unit")

_WHOLE_NUMBER = re.compile(r"[0-9]+")

UNIT_KINDS = ("municipality", "safety_region", "province", "police_unit")
"""The named units an area can be made of, smallest first."""


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


def require_file(folder: Path, name: str) -> Path:
    """The path of file `name` in `folder`, if it is a file; else a `BoundaryDataError` that
    names it and the setting."""
    path = folder / name
    if not path.is_file():
        raise BoundaryDataError(folder, name, f"file not found (set the data folder with the "
                                              f"environment variable {GEODATA_DIR_VARIABLE})")
    return path


Row = dict[str, str]


def _read_csv(folder: Path, name: str, columns: tuple[str, ...]) -> list[Row]:
    """The rows of a CSV file with exactly `columns` (others ignored), each filled in except
    `display_name`, with unique codes. Plain Python: 342 rows need no pandas to be checked."""
    path = require_file(folder, name)
    try:
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.DictReader(file)
            header = reader.fieldnames or []
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise BoundaryDataError(folder, name, f"cannot be read as a UTF-8 CSV file ({error})"
                                ) from error
    missing = [column for column in columns if column not in header]
    if missing:
        raise BoundaryDataError(folder, name, f"missing column {', '.join(missing)} (expected "
                                              f"{', '.join(columns)})")
    ragged = [number for number, row in enumerate(rows) if None in row or None in row.values()]
    if ragged:
        raise BoundaryDataError(folder, name, "wrong number of fields for " + ", ".join(
            _row_name(rows, number) for number in ragged))
    for column in columns:
        empty = [number for number, row in enumerate(rows)
                 if column != "display_name" and not row[column].strip()]
        if empty:
            raise BoundaryDataError(folder, name, f"empty {column} for " + ", ".join(
                _row_name(rows, number) for number in empty))
    counts = Counter(row["code"] for row in rows)
    duplicated = [code for code, count in counts.items() if count > 1]
    if duplicated:
        raise BoundaryDataError(folder, name, f"duplicate code {', '.join(duplicated)}")
    return [{column: row[column] for column in columns} for row in rows]


def _row_name(rows: list[Row], number: int) -> str:
    """A row as `GM0193 Zwolle (line 12)`, with what it has of code and name."""
    row = rows[number]
    label = " ".join(value for value in (row.get("code"), row.get("name")) if value)
    return f"{label} (line {number + 2})".strip()


def _population(folder: Path, rows: list[Row]) -> list[int]:
    bad = [number for number, row in enumerate(rows)
           if not _WHOLE_NUMBER.fullmatch(row["population"].strip())]
    if bad:
        raise BoundaryDataError(folder, MUNICIPALITIES_FILE, "population is not a whole number "
                                "of people for " + ", ".join(
                                    f"{_row_name(rows, number)}: {rows[number]['population']!r}"
                                    for number in bad))
    return [int(row["population"]) for row in rows]


def read_tables(data_dir: Path | None = None) -> Units:
    """Read and check the municipality and safety-region tables, without any geometry.

    Every fault raises `BoundaryDataError` naming the file and the rows concerned. The result
    is not yet checked against the boundaries: `geodata.load_units` does that.
    """
    return _read_tables(data_dir or geodata_dir())


@cache
def _read_tables(folder: Path) -> Units:
    import pandas as pd

    rows = _read_csv(folder, MUNICIPALITIES_FILE, MUNICIPALITY_COLUMNS)
    region_rows = _read_csv(folder, SAFETY_REGIONS_FILE, SAFETY_REGION_COLUMNS)
    region_codes = {row["code"] for row in region_rows}
    unknown = [row for row in rows if row["safety_region_code"] not in region_codes]
    if unknown:
        raise BoundaryDataError(
            folder, MUNICIPALITIES_FILE, f"safety region not in {SAFETY_REGIONS_FILE} for "
            + ", ".join(f"{row['code']} {row['name']} ({row['safety_region_code']})"
                        for row in unknown))
    population = _population(folder, rows)
    for row in rows:
        row["display_name"] = row["display_name"] or row["name"]
    regions = pd.DataFrame(region_rows, columns=list(SAFETY_REGION_COLUMNS)).set_index("code")
    municipalities = pd.DataFrame(rows, columns=list(MUNICIPALITY_COLUMNS))
    municipalities["population"] = pd.Series(population, dtype="int64")
    municipalities = municipalities.join(
        regions.rename(columns={"name": "safety_region_name"}), on="safety_region_code"
    ).set_index("code", drop=False)
    municipalities.index.name = None
    return Units(municipalities=municipalities.sort_index(), safety_regions=regions.sort_index())
