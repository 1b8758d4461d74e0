"""Build `geodata/places/places.csv` and `postcodes.csv` from their raw sources.

Run from the repository root:

    python -m scripts.build_place_tables --places corop.generated.csv --postcodes NL.txt

`--places` is CBS "Woonplaatsen in Nederland" as a CSV with the columns `Woonplaatscode`,
`Woonplaats`, `Gemeentecode` and `Gemeente` (the copy in the `woningwaardering` package,
`woningwaardering/data/corop/corop.generated.csv`, has them). `--postcodes` is the GeoNames
postal-code file for the Netherlands (`NL.txt`, tab-separated, no header). Municipality codes
are checked against the CBS municipality table that `geodata.load_units` reads.

GeoNames rows without a current municipality code (the Voorne aan Zee postcodes 3221–3238 have
none) get the municipality of their place name in the CBS table, where that name belongs to
exactly one municipality; rows that still have none are reported and left out. Where GeoNames
marks some rows of a postcode as more accurate than others (column `accuracy`), only the most
accurate are kept. A row is a stray entry, left out and reported, when its coordinates lie more
than 25 km from the other postcodes of its area (the same first three digits) and its
municipality has no other postcode in the same two-digit region but has some elsewhere
(GeoNames lists 2324, a Leiden postcode, also under Amersfoort, whose postcodes are 38xx).
A postcode whose remaining rows name several municipalities keeps each of them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geodata import load_units

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPOSITORY_ROOT / "geodata" / "places"

CBS_COLUMNS = {"Woonplaatscode": "place_code", "Woonplaats": "place",
               "Gemeentecode": "municipality_code"}
GEONAMES_COLUMNS = ["country", "postcode", "place", "admin_name1", "admin_code1", "admin_name2",
                    "admin_code2", "admin_name3", "admin_code3", "latitude", "longitude",
                    "accuracy"]
STRAY_KM = 25.0
"""Farther than this from the rest of its postcode area, a GeoNames row is a stray entry."""
KM_PER_DEGREE = 111.2


@dataclass(frozen=True)
class PostcodeBuild:
    """The postcode table and what it took to make it."""

    table: pd.DataFrame
    """`postcode, municipality_code, places`: one row per postcode and municipality."""
    resolved_by_place: pd.DataFrame
    """GeoNames rows without a known municipality code that got one from their place name."""
    unmatched: pd.DataFrame
    """GeoNames rows left out: no known municipality code and no unique place name."""
    strays: pd.DataFrame
    """GeoNames rows left out as stray entries (see the module text); `km` is the distance to
    their postcode area."""


def read_cbs_places(path: Path) -> pd.DataFrame:
    """The CBS places CSV as `place_code, place, municipality_code` (`GMxxxx`)."""
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = set(CBS_COLUMNS) - set(raw.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {', '.join(sorted(missing))}")
    table = raw[list(CBS_COLUMNS)].rename(columns=CBS_COLUMNS)
    table["municipality_code"] = "GM" + table["municipality_code"].str.zfill(4)
    return table


def read_geonames(path: Path) -> pd.DataFrame:
    """A GeoNames postal-code file (tab-separated, no header) with named columns."""
    return pd.read_csv(path, sep="\t", names=GEONAMES_COLUMNS, dtype=str,
                       keep_default_na=False, quoting=3)


def build_places(cbs: pd.DataFrame, codes: frozenset[str]) -> pd.DataFrame:
    """The places table sorted by place code; every municipality code must be known."""
    unknown = sorted(set(cbs["municipality_code"]) - codes)
    if unknown:
        raise ValueError(f"places in unknown municipalities: {', '.join(unknown)}")
    return cbs.sort_values("place_code", key=lambda column: column.astype(int),
                           ignore_index=True)


def _unique_municipality_by_place(places: pd.DataFrame) -> dict[str, str]:
    per_name = places.groupby("place")["municipality_code"].unique()
    return {name: codes[0] for name, codes in per_name.items() if len(codes) == 1}


def distance_to_area_km(rows: pd.DataFrame) -> pd.Series:
    """For each row (`postcode`, `latitude`, `longitude`), the distance in km to the median
    point of the rows of the other postcodes with the same first three digits (first two, if
    there are none). Equirectangular: precise enough at this scale."""
    latitude = rows["latitude"].astype(float)
    longitude = rows["longitude"].astype(float)
    distances = pd.Series(np.nan, index=rows.index)
    for postcode in rows["postcode"].unique():
        own = rows["postcode"] == postcode
        for digits in (3, 2):
            others = ~own & (rows["postcode"].str[:digits] == postcode[:digits])
            if others.any():
                break
        if not others.any():
            continue
        centre_lat, centre_lon = latitude[others].median(), longitude[others].median()
        north = (latitude[own] - centre_lat) * KM_PER_DEGREE
        east = (longitude[own] - centre_lon) * KM_PER_DEGREE * np.cos(np.radians(centre_lat))
        distances[own] = np.hypot(north, east)
    return distances


def _strays(rows: pd.DataFrame) -> list[int]:
    """The index of every row far (`km`) from its postcode area whose municipality has no other
    postcode in the same two-digit region, but has postcodes elsewhere."""
    found = []
    for label, row in rows.loc[rows["km"] > STRAY_KM].iterrows():
        elsewhere = rows.loc[(rows["municipality_code"] == row["municipality_code"])
                             & (rows["postcode"] != row["postcode"]), "postcode"]
        if not elsewhere.empty and not (elsewhere.str[:2] == row["postcode"][:2]).any():
            found.append(label)
    return found


def build_postcodes(geonames: pd.DataFrame, places: pd.DataFrame,
                    codes: frozenset[str]) -> PostcodeBuild:
    """Four-digit postcodes mapped to the municipality codes `codes` (see the module text)."""
    rows = geonames.loc[:, ["postcode", "place", "admin_code2", "latitude", "longitude",
                            "accuracy"]].copy()
    given = "GM" + rows["admin_code2"].str.zfill(4)
    known = (rows["admin_code2"] != "") & given.isin(codes)
    by_place = rows["place"].map(_unique_municipality_by_place(places))
    rows["municipality_code"] = given.where(known, by_place)
    resolved = rows.loc[~known & by_place.notna()]
    unmatched = rows.loc[rows["municipality_code"].isna()]
    rows = rows.loc[rows["municipality_code"].notna()].copy()
    rows["rank"] = pd.to_numeric(rows["accuracy"], errors="coerce").fillna(0)
    rows = rows.loc[rows["rank"] == rows.groupby("postcode")["rank"].transform("max")].copy()
    rows["km"] = distance_to_area_km(rows)
    stray = rows.index.isin(_strays(rows))
    strays = rows.loc[stray, ["postcode", "place", "municipality_code", "km"]].sort_values(
        ["postcode", "place"])
    rows = rows.loc[~stray]
    table = (rows.groupby(["postcode", "municipality_code"], sort=True)["place"]
             .agg(lambda names: "; ".join(sorted(set(names))))
             .reset_index().rename(columns={"place": "places"}))
    return PostcodeBuild(table=table, resolved_by_place=resolved.reset_index(drop=True),
                         unmatched=unmatched.reset_index(drop=True),
                         strays=strays.reset_index(drop=True))


def write_table(table: pd.DataFrame, path: Path) -> None:
    """Write a table as UTF-8 CSV with `\\n` line ends (stable across platforms)."""
    table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def summary(places: pd.DataFrame, postcodes: PostcodeBuild) -> list[str]:
    """What was built, in lines for the terminal."""
    table = postcodes.table
    spanning = table.groupby("postcode").size()
    return [
        f"places: {len(places)} rows, {places['place'].nunique()} distinct names, "
        f"{places['municipality_code'].nunique()} municipalities",
        f"postcodes: {table['postcode'].nunique()} postcodes in "
        f"{table['municipality_code'].nunique()} municipalities, {len(table)} rows, "
        f"{int((spanning > 1).sum())} in more than one municipality",
        f"postcode rows resolved by place name: {len(postcodes.resolved_by_place)} "
        f"({', '.join(sorted(set(postcodes.resolved_by_place['postcode'])))})",
        f"postcode rows left out as strays (> {STRAY_KM:g} km from their postcode area, "
        "municipality not in its region): "
        f"{len(postcodes.strays)}"
        + "".join(f"\n  {row.postcode} {row.place} ({row.municipality_code}, {row.km:.0f} km)"
                  for row in postcodes.strays.itertuples()),
        f"postcode rows unmatched: {len(postcodes.unmatched)}"
        + "".join(f"\n  {row.postcode} {row.place} (code '{row.admin_code2}')"
                  for row in postcodes.unmatched.itertuples()),
    ]


def main(argv: list[str] | None = None) -> int:
    """Build both tables; print what was built."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--places", type=Path, required=True, help="CBS places CSV")
    parser.add_argument("--postcodes", type=Path, required=True, help="GeoNames NL.txt")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--geodata", type=Path, default=None,
                        help="boundary data folder (default: as geodata.geodata_dir)")
    args = parser.parse_args(argv)
    codes = frozenset(load_units(args.geodata).municipalities.index)
    places = build_places(read_cbs_places(args.places), codes)
    postcodes = build_postcodes(read_geonames(args.postcodes), places, codes)
    args.out.mkdir(parents=True, exist_ok=True)
    write_table(places, args.out / "places.csv")
    write_table(postcodes.table, args.out / "postcodes.csv")
    print("\n".join(summary(places, postcodes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
