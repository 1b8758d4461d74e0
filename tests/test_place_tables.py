"""The shipped place, postcode and alias tables (geodata/places/): the facts they must hold."""

from __future__ import annotations

import pytest

from geodata import Units
from geodata.place_tables import PLACES_DIR, PlaceTables, load_place_tables


@pytest.fixture(scope="module")
def tables() -> PlaceTables:
    return load_place_tables()


def test_places_are_cbs_2024_woonplaatsen(tables: PlaceTables) -> None:
    places = tables.places
    assert len(places) == 2501
    assert places["place_code"].is_unique
    assert places["municipality_code"].nunique() == 342
    assert places["place"].nunique() == 2426  # some names recur: Beek lies in three municipalities
    assert places.loc[places["place"] == "Hoofddorp", "municipality_code"].tolist() == ["GM0394"]


def test_every_code_is_one_of_the_342_municipalities(tables: PlaceTables, units: Units) -> None:
    known = set(units.municipalities.index)
    assert len(known) == 342
    for table in (tables.places, tables.postcodes, tables.aliases):
        assert set(table["municipality_code"]) <= known


def test_postcodes(tables: PlaceTables) -> None:
    postcodes = tables.postcodes
    assert postcodes["postcode"].str.fullmatch(r"[1-9]\d{3}").all()
    assert not postcodes.duplicated(["postcode", "municipality_code"]).any()
    assert postcodes["postcode"].nunique() == 4081
    assert postcodes["municipality_code"].nunique() == 342  # every municipality has a postcode
    assert postcodes.loc[postcodes["postcode"] == "2132", "municipality_code"].tolist() == [
        "GM0394"]


def test_voorne_aan_zee_postcodes_have_their_municipality(tables: PlaceTables) -> None:
    """GeoNames has no municipality code for 3221–3238; their places all lie in GM1992."""
    postcodes = tables.postcodes
    voorne = postcodes.loc[postcodes["postcode"].between("3221", "3238")]
    assert set(voorne["municipality_code"]) == {"GM1992"}
    assert len(voorne) == 13
    assert voorne.set_index("postcode").at["3231", "places"] == "Brielle; Vierpolders"


def test_postcodes_in_several_municipalities_keep_each(tables: PlaceTables) -> None:
    postcodes = tables.postcodes
    spanning = postcodes.groupby("postcode")["municipality_code"].apply(tuple)
    assert (spanning.str.len() > 1).sum() == 48
    assert spanning["7933"] == ("GM0118", "GM1701")  # Pesse: Hoogeveen and Westerveld


def test_stray_geonames_rows_are_left_out(tables: PlaceTables) -> None:
    """2324 is a Leiden postcode that GeoNames also lists under Amersfoort; 9999 (Kantens and
    Stitswerd, Het Hogeland) is also listed under Rotterdam, Zwolle, Someren and Roermond."""
    spanning = tables.postcodes.groupby("postcode")["municipality_code"].apply(tuple)
    assert spanning["2324"] == ("GM0546",)
    assert spanning["9999"] == ("GM1966",)
    assert "5217" not in spanning  # only listed under 's-Gravenhage; it is in 's-Hertogenbosch


def test_aliases_are_new_names_with_a_reason(tables: PlaceTables) -> None:
    aliases = tables.aliases
    assert (aliases["reason"].str.len() > 10).all()
    assert aliases["alias"].is_unique
    assert not set(aliases["alias"]) & set(tables.places["place"])
    by_alias = dict(zip(aliases["alias"], aliases["municipality_code"], strict=True))
    assert by_alias["Scheveningen"] == "GM0518"
    assert by_alias["Ljouwert"] == "GM0080"
    assert by_alias["Dantumadeel"] == "GM1891"
    assert by_alias["Tietjerksteradeel"] == "GM0737"


def test_names_joins_places_and_aliases(tables: PlaceTables) -> None:
    names = tables.names
    assert list(names.columns) == ["name", "municipality_code", "kind"]
    assert len(names) == len(tables.places) + len(tables.aliases)
    assert names["kind"].value_counts().to_dict() == {"place": 2501, "alias": len(tables.aliases)}


def test_readme_states_source_year_and_licence() -> None:
    readme = (PLACES_DIR / "README.md").read_text(encoding="utf-8")
    for fact in ("Woonplaatsen in Nederland 2024", "CC BY 4.0", "GeoNames", "woningwaardering",
                 "symerio/postal-codes-data", "build_place_tables"):
        assert fact in readme
