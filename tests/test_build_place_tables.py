"""scripts/build_place_tables.py on a small hand-made input in the formats of its two sources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from scripts.build_place_tables import (
    build_places,
    build_postcodes,
    distance_to_area_km,
    read_cbs_places,
    read_geonames,
)
from tests.support.paths import REPOSITORY_ROOT

CBS_PLACES = """\
Woonplaatscode,Woonplaats,Gemeentecode,Gemeente,COROP-gebiedcode,COROP-gebied
1597,Hoofddorp,0394,Haarlemmermeer,23,Groot-Amsterdam
2368,Brielle,1992,Voorne aan Zee,29,Groot-Rijnmond
2369,Hellevoetsluis,1992,Voorne aan Zee,29,Groot-Rijnmond
1670,Beek,0888,Beek (L.),39,Zuid-Limburg
2203,Beek,1955,Montferland,14,Achterhoek
3001,Leiden,0546,Leiden,22,Agglomeratie Leiden en Bollenstreek
3002,Amersfoort,0307,Amersfoort,17,Utrecht
3003,Pesse,0118,Hoogeveen,09,Zuidwest-Drenthe
3004,Diemen,0384,Diemen,23,Groot-Amsterdam
3005,Amsterdam,0363,Amsterdam,23,Groot-Amsterdam
3006,Schiermonnikoog,0088,Schiermonnikoog,04,Noord-Friesland
3007,Hollum,0060,Ameland,04,Noord-Friesland
"""

# country, postcode, place, admin1, code1, admin2, code2, admin3, code3, lat, lon, accuracy
GEONAMES = [
    ("2132", "Hoofddorp", "Haarlemmermeer", "0394", "52.30", "4.69", ""),
    ("3231", "Brielle", "", "", "51.90", "4.17", ""),  # no municipality code, like Voorne
    ("3221", "Hellevoetsluis", "", "", "51.83", "4.12", ""),
    ("6191", "Beek", "", "", "50.94", "5.79", ""),  # no code and a name in two municipalities
    ("2321", "Leiden", "Leiden", "0546", "52.15", "4.47", ""),
    ("2322", "Leiden", "Leiden", "0546", "52.16", "4.49", ""),
    ("2324", "Leiden", "Leiden", "0546", "52.14", "4.47", ""),
    ("2324", "Amersfoort", "Amersfoort", "0307", "52.20", "5.37", ""),  # stray: 61 km away
    ("3811", "Amersfoort", "Amersfoort", "0307", "52.16", "5.39", ""),
    ("7933", "Pesse", "Hoogeveen", "0118", "52.77", "6.46", ""),
    ("7933", "Pesse", "Westerveld", "1701", "52.79", "6.44", ""),  # both kept
    ("1111", "Diemen", "Diemen", "0384", "52.34", "4.96", "4"),  # the more accurate row
    ("1111", "Amsterdam", "Amsterdam", "0363", "52.35", "4.95", "1"),
    ("9161", "Hollum", "Ameland", "0060", "53.44", "5.64", ""),
    ("9166", "Schiermonnikoog", "Schiermonnikoog", "0088", "53.48", "6.16", ""),  # far, only one
]


def write_inputs(folder: Path) -> tuple[Path, Path]:
    places = folder / "corop.generated.csv"
    places.write_text(CBS_PLACES, encoding="utf-8")
    postcodes = folder / "NL.txt"
    postcodes.write_text("".join(
        f"NL\t{code}\t{place}\tProvince\t01\t{admin2}\t{admin_code}\t\t\t{lat}\t{lon}\t{acc}\n"
        for code, place, admin2, admin_code, lat, lon, acc in GEONAMES), encoding="utf-8")
    return places, postcodes


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    return write_inputs(tmp_path)


@pytest.fixture
def codes() -> frozenset[str]:
    return frozenset({"GM0394", "GM1992", "GM0888", "GM1955", "GM0546", "GM0307", "GM0118",
                      "GM1701", "GM0384", "GM0363", "GM0088", "GM0060"})


def test_places(inputs: tuple[Path, Path], codes: frozenset[str]) -> None:
    places = build_places(read_cbs_places(inputs[0]), codes)
    assert list(places.columns) == ["place_code", "place", "municipality_code"]
    assert places["place_code"].tolist() == sorted(places["place_code"], key=int)
    assert places.set_index("place_code").at["1597", "municipality_code"] == "GM0394"


def test_places_in_an_unknown_municipality_are_refused(inputs: tuple[Path, Path],
                                                      codes: frozenset[str]) -> None:
    with pytest.raises(ValueError, match="GM0394"):
        build_places(read_cbs_places(inputs[0]), codes - {"GM0394"})


def test_postcodes(inputs: tuple[Path, Path], codes: frozenset[str]) -> None:
    places = build_places(read_cbs_places(inputs[0]), codes)
    built = build_postcodes(read_geonames(inputs[1]), places, codes)
    table = built.table.groupby("postcode")["municipality_code"].apply(tuple).to_dict()
    assert table == {
        "1111": ("GM0384",),  # the more accurate row wins
        "2132": ("GM0394",),
        "2321": ("GM0546",), "2322": ("GM0546",),
        "2324": ("GM0546",),  # the stray Amersfoort row is left out
        "3221": ("GM1992",), "3231": ("GM1992",),  # by their place names
        "3811": ("GM0307",),
        "7933": ("GM0118", "GM1701"),  # truly in two municipalities: both kept
        "9161": ("GM0060",),
        "9166": ("GM0088",),  # far from 9161, but Schiermonnikoog's only postcode
    }
    assert built.resolved_by_place["postcode"].tolist() == ["3231", "3221"]
    assert built.unmatched[["postcode", "place"]].values.tolist() == [["6191", "Beek"]]
    assert built.strays[["postcode", "place"]].values.tolist() == [["2324", "Amersfoort"]]
    assert 55 < built.strays.at[0, "km"] < 70


def test_distance_to_area() -> None:
    rows = pd.DataFrame({"postcode": ["2321", "2322", "2324"],
                         "latitude": ["52.0", "52.0", "53.0"],
                         "longitude": ["4.5", "4.5", "4.5"]})
    distances = distance_to_area_km(rows)
    assert distances.round(1).tolist() == [55.6, 55.6, 111.2]  # medians of the other two


def test_the_script_writes_both_tables(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "scripts.build_place_tables", "--places", str(inputs[0]),
         "--postcodes", str(inputs[1]), "--out", str(out)],
        cwd=REPOSITORY_ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "places: 12 rows, 11 distinct names, 11 municipalities" in result.stdout
    assert "postcode rows unmatched: 1\n  6191 Beek (code '')" in result.stdout
    assert "2324 Amersfoort (GM0307, 61 km)" in result.stdout
    postcodes = (out / "postcodes.csv").read_text(encoding="utf-8").splitlines()
    assert postcodes[0] == "postcode,municipality_code,places"
    assert "7933,GM0118,Pesse" in postcodes
    assert "3231,GM1992,Brielle" in postcodes
    places = (out / "places.csv").read_text(encoding="utf-8").splitlines()
    assert places[:2] == ["place_code,place,municipality_code", "1597,Hoofddorp,GM0394"]
