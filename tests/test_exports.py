"""The downloads as a Dutch (or English) spreadsheet reads them, and the rounded GeoJSON."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
import shapely

from coverage.engine import Coverage
from geodata import Boundaries
from ui.dashboard.downloads import coverage_geojson, gaps_csv, municipalities_csv
from ui.dashboard.tables import gaps_table
from ui.text.i18n import Translator

NL, EN = Translator("nl"), Translator("en")


def read_dutch(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")


@pytest.fixture(scope="module")
def dutch(current: Coverage, boundaries: Boundaries) -> bytes:
    return municipalities_csv(current, boundaries.municipalities["area_km2"], NL)


def test_dutch_csv_is_semicolons_decimal_commas_and_a_bom(dutch: bytes) -> None:
    assert dutch.startswith(b"\xef\xbb\xbf")
    header = dutch.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Code;Gemeente;Officiële naam;Code veiligheidsregio;")
    assert header.count(";") == 14  # 15 columns, the comma in "(internationaal, E.164)" is text
    assert header.endswith(";Gecontroleerd")  # when each contact was last checked (issue 18)
    zwolle = next(line for line in dutch.decode("utf-8-sig").splitlines()
                  if line.startswith("GM0193;"))
    assert re.search(r";\d+,\d+;", zwolle), zwolle  # the area with a decimal comma


def test_dutch_csv_reads_back(dutch: bytes, current: Coverage, boundaries: Boundaries) -> None:
    table = read_dutch(dutch).set_index("Code")
    assert len(table) == 342
    areas = boundaries.municipalities["area_km2"].round(3)
    assert table["Oppervlakte (km²)"].dtype == float
    assert (table["Oppervlakte (km²)"] - areas.reindex(table.index)).abs().max() < 1e-9
    assert table["Inwoners"].sum() == current.municipalities["population"].sum()
    zwolle = table.loc["GM0193"]
    assert zwolle["Gemeente"] == "Zwolle"
    assert zwolle["Status"] == "CoMensha (genoemd in het overzicht)"
    assert zwolle["Telefoon (zoals in het overzicht)"] == "033 - 448 11 86"
    # E.164 with an apostrophe in front: a spreadsheet reads it as text, not as a formula
    assert zwolle["Telefoon (internationaal, E.164)"] == "'+31334481186"
    apeldoorn = table.loc["GM0200"]
    assert apeldoorn["Organisaties"] == (
        "MEE-Veluwe (jonger dan 23 jaar); Moviera (23 jaar en ouder)")
    # "; " between organisations, " / " between the numbers of one organisation
    assert apeldoorn["Telefoon (zoals in het overzicht)"] == "055 - 526 92 00; 088 - 374 47 44"
    assert apeldoorn["Telefoon (internationaal, E.164)"] == "'+31555269200; +31883744744"
    almere = table.loc["GM0034"]  # no entry: CoMensha as the fallback
    assert almere["Status"] == "Geen zorgcoördinator: CoMensha als vangnet"
    assert almere["Organisaties"] == "CoMensha"
    assert almere["Telefoon (internationaal, E.164)"] == "'+31334481186"
    den_haag = table.loc["GM0518"]
    assert den_haag["Officiële naam"] == "'s-Gravenhage"
    assert den_haag["Telefoon (zoals in het overzicht)"] == "070 - 361 47 47"


def test_english_csv_has_english_headers_and_commas(current: Coverage,
                                                   boundaries: Boundaries) -> None:
    data = municipalities_csv(current, boundaries.municipalities["area_km2"], EN)
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig").set_index("Code")
    assert table.at["GM0200", "Organisations"] == "MEE-Veluwe (under 23); Moviera (23 and over)"
    assert table.at["GM0193", "Phone (as in the overview)"] == "033 - 448 11 86"
    assert table["Area (km²)"].dtype == float


def test_gaps_csv_reads_back_in_dutch(current: Coverage) -> None:
    table = read_dutch(gaps_csv(current, NL)).set_index("Code")
    expected = gaps_table(current, NL).set_index("Code")
    assert len(table) == 25
    # The share as a percentage with one decimal, under a whole header that says so.
    share = "Aandeel inwoners zonder (volledige) regionale zorgcoördinator"
    assert table[f"{share} (%)"].dtype == float
    assert (table[f"{share} (%)"] - expected[share] * 100).abs().max() <= 0.05
    assert table.at["VR25", f"{share} (%)"] == round(expected.at["VR25", share] * 100, 1)
    assert table.at["VR25", "Zonder coördinator"] == 6
    assert "Almere" in table.at["VR25", "Gemeenten zonder coördinator"]


def test_geojson_coordinates_have_six_decimals(current: Coverage,
                                               boundaries: Boundaries) -> None:
    features = json.loads(coverage_geojson(current, boundaries.municipalities))["features"]
    assert len(features) == 342
    text = json.dumps([feature["geometry"] for feature in features])
    decimals = [len(number.split(".")[1]) for number in
                text.replace("[", " ").replace("]", " ").replace(",", " ").split()
                if "." in number]
    assert decimals and max(decimals) <= 6 and max(decimals) == 6
    for feature in features[:20]:
        shape = shapely.geometry.shape(feature["geometry"])
        original = boundaries.municipalities.geometry[feature["properties"]["code"]]
        assert shape.hausdorff_distance(original) <= 1e-6  # rounded, not simplified
