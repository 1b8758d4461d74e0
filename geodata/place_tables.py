"""The place, postcode and alias tables that the search uses (`geodata/places/`).

They ship in the repository (see that folder's README for sources and licences), unlike the
boundary files, so their folder is fixed beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.errors import BoundaryDataError
from geodata.tables import require_file

if TYPE_CHECKING:  # imported where the tables are read: `PLACES_DIR` alone needs no pandas
    import pandas as pd

PLACES_DIR = Path(__file__).resolve().parent / "places"
"""The folder of `places.csv`, `postcodes.csv` and `aliases.csv`."""

COLUMNS = {
    "places.csv": ("place_code", "place", "municipality_code"),
    "postcodes.csv": ("postcode", "municipality_code", "places"),
    "aliases.csv": ("alias", "municipality_code", "reason"),
}


@dataclass(frozen=True)
class PlaceTables:
    """Other names of municipalities: places (CBS), postcodes (GeoNames) and aliases."""

    places: pd.DataFrame
    """`place_code, place, municipality_code`: one row per CBS place (woonplaats)."""
    postcodes: pd.DataFrame
    """`postcode, municipality_code, places`: one row per four-digit postcode and municipality
    it lies in; `places` are the GeoNames place names, separated by `; `."""
    aliases: pd.DataFrame
    """`alias, municipality_code, reason`: hand-written names that neither source has."""

    @property
    def names(self) -> pd.DataFrame:
        """Places and aliases in one table: `name, municipality_code, kind` (`place`/`alias`)."""
        import pandas as pd

        return pd.concat([
            pd.DataFrame({"name": self.places["place"], "kind": "place",
                          "municipality_code": self.places["municipality_code"]}),
            pd.DataFrame({"name": self.aliases["alias"], "kind": "alias",
                          "municipality_code": self.aliases["municipality_code"]}),
        ], ignore_index=True)[["name", "municipality_code", "kind"]]


def _read(folder: Path, file_name: str) -> pd.DataFrame:
    import pandas as pd

    path = require_file(folder, file_name)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [column for column in COLUMNS[file_name] if column not in table.columns]
    if missing:
        raise BoundaryDataError(folder, file_name, f"missing columns {', '.join(missing)}")
    empty = table.index[(table[list(COLUMNS[file_name][:2])] == "").any(axis=1)]
    if len(empty):
        raise BoundaryDataError(folder, file_name,
                                f"empty name or code on line {empty[0] + 2}")
    return table


@cache
def load_place_tables(folder: Path = PLACES_DIR) -> PlaceTables:
    """Read the three tables (once per process and folder)."""
    return PlaceTables(places=_read(folder, "places.csv"),
                       postcodes=_read(folder, "postcodes.csv"),
                       aliases=_read(folder, "aliases.csv"))
