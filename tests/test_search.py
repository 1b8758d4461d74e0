"""Finding a municipality by code, name, place, postcode or alias, ignoring case and accents."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.search import MunicipalityIndex, Via, normalise, postcode_of
from geodata import Units
from geodata.place_tables import load_place_tables


@pytest.mark.parametrize(("query", "code"), [
    ("den haag", "GM0518"), ("'s-Gravenhage", "GM0518"), ("s-gravenhage", "GM0518"),
    ("GM0518", "GM0518"), ("gm0518", "GM0518"), ("sudwest-fryslan", "GM1900"),
    ("Súdwest-Fryslân", "GM1900"), ("  ZWOLLE ", "GM0193"), ("Den Bosch", "GM0796"),
    ("'s-Hertogenbosch", "GM0796"), ("hengelo", "GM0164"), ("Hengelo (O.)", "GM0164"),
    ("nuenen", "GM0820"), ("Noardeast", "GM1970"),
])
def test_finds(index: MunicipalityIndex, query: str, code: str) -> None:
    assert index.find(query).unique == code


def test_ambiguous(index: MunicipalityIndex) -> None:
    result = index.find("Bergen")
    assert result.unique is None
    assert result.codes == ("GM0373", "GM0893")


def test_unknown_with_suggestions(index: MunicipalityIndex) -> None:
    result = index.find("Amsterdm")
    assert result.codes == ()
    assert "Amsterdam" in result.suggestions


def test_empty_query(index: MunicipalityIndex) -> None:
    assert index.find("  ").codes == ()


def test_normalise() -> None:
    assert normalise("Súdwest-Fryslân") == "sudwest fryslan"
    assert normalise("Nuenen, Gerwen en Nederwetten") == "nuenen gerwen en nederwetten"


# Places, postcodes and aliases (geodata/places/).

@pytest.fixture(scope="module")
def full_index(units: Units) -> MunicipalityIndex:
    places = load_place_tables()
    return MunicipalityIndex(units.municipalities, places.names, places.postcodes)


@pytest.mark.parametrize(("query", "code", "kind", "name"), [
    ("Hoofddorp", "GM0394", "place", "Hoofddorp"), ("hoofddorp", "GM0394", "place", "Hoofddorp"),
    ("2132", "GM0394", "postcode", "2132"), ("2132 AB", "GM0394", "postcode", "2132"),
    ("2132AB", "GM0394", "postcode", "2132"), (" 2132 ab ", "GM0394", "postcode", "2132"),
    ("Scheveningen", "GM0518", "alias", "Scheveningen"),
    ("3231", "GM1992", "postcode", "3231"), ("Brielle", "GM1992", "place", "Brielle"),
    ("Ljouwert", "GM0080", "alias", "Ljouwert"), ("Snits", "GM1900", "alias", "Snits"),
    ("Dantumadeel", "GM1891", "alias", "Dantumadeel"),
    ("Tietjerksteradeel", "GM0737", "alias", "Tietjerksteradeel"),
    ("De Friese Meren", "GM1940", "alias", "De Friese Meren"),
    ("zuidwest friesland", "GM1900", "alias", "Zuidwest-Friesland"),
    ("Feanwalden", "GM1891", "place", "Feanwâlden"),
])
def test_finds_through_a_place_postcode_or_alias(full_index: MunicipalityIndex, query: str,
                                                  code: str, kind: str, name: str) -> None:
    result = full_index.find(query)
    assert result.unique == code
    via = result.via_of(code)
    assert via is not None
    assert (via.kind, via.name) == (kind, name)


def test_postcode_names_its_places(full_index: MunicipalityIndex) -> None:
    via = full_index.find("3238").via_of("GM1992")
    assert via is not None
    assert via.places == ("Brielle", "Vierpolders", "Zwartewaal")


def test_postcode_in_several_municipalities_offers_each(full_index: MunicipalityIndex) -> None:
    result = full_index.find("7933")
    assert result.codes == ("GM0118", "GM1701")
    assert [(via.code, via.kind, via.places) for via in result.via] == [
        ("GM0118", "postcode", ("Pesse",)), ("GM1701", "postcode", ("Pesse",))]


def test_place_in_several_municipalities_offers_each(full_index: MunicipalityIndex) -> None:
    result = full_index.find("Alteveer")
    assert result.codes == ("GM0037", "GM1690", "GM1699")
    assert {via.kind for via in result.via} == {"place"}


def test_municipality_first_then_a_place_of_that_name_elsewhere(
        full_index: MunicipalityIndex) -> None:
    result = full_index.find("Hengelo")
    assert result.codes == ("GM0164", "GM1876")
    assert result.via_of("GM0164") is None  # the municipality Hengelo (O.) by its own name
    assert result.via_of("GM1876") == Via("GM1876", "place", "Hengelo (Gld)")  # Bronckhorst
    beek = full_index.find("Beek")
    assert beek.codes[0] == "GM0888"
    assert set(beek.codes) == {"GM0888", "GM1945", "GM1955"}


@pytest.mark.parametrize(("query", "code", "elsewhere"), [
    ("Hengelo", "GM0164", "GM1876"), ("Hoorn", "GM0405", "GM0093"), ("Beek", "GM0888", "GM1945"),
    ("Rijswijk", "GM0603", None), ("Noordwijk", "GM0575", None),
])
def test_a_municipality_named_exactly_is_the_answer_with_places_elsewhere_beside_it(
        full_index: MunicipalityIndex, query: str, code: str, elsewhere: str | None) -> None:
    """The city Hoorn, not a choice between it and the village Hoorn on Terschelling; the
    village is offered beside it. A prefix or a place name alone is never exact."""
    result = full_index.find(query)
    assert result.unique == code
    assert result.alternatives == result.codes[1:]
    assert result.alternatives
    if elsewhere:
        assert elsewhere in result.alternatives
    assert not full_index.find(query[:-1]).exact
    assert full_index.find("Bergen").unique is None  # two municipalities of that name


def test_a_place_in_its_own_municipality_adds_nothing(full_index: MunicipalityIndex) -> None:
    for query in ("Utrecht", "Zwolle", "Groningen"):
        result = full_index.find(query)
        assert result.unique is not None
        assert result.via == ()
    assert full_index.find("bergen").codes == ("GM0373", "GM0893")


def test_every_municipality_name_finds_itself_first(full_index: MunicipalityIndex,
                                                    units: Units) -> None:
    table = units.municipalities
    for code, name, display in zip(table.index, table["name"], table["display_name"],
                                   strict=True):
        for spelling in (code, name, display):
            result = full_index.find(spelling)
            assert result.codes[0] == code, spelling
            assert result.via_of(code) is None, spelling


def test_every_place_and_postcode_finds_its_municipalities(full_index: MunicipalityIndex) -> None:
    places = load_place_tables()
    for name, code in zip(places.places["place"], places.places["municipality_code"],
                          strict=True):
        assert code in full_index.find(name).codes, name
    expected = places.postcodes.groupby("postcode")["municipality_code"].apply(tuple)
    for postcode, codes in expected.items():
        assert full_index.find(postcode).codes == codes, postcode
        assert full_index.find(f"{postcode} XY").codes == codes, postcode


def test_prefix_lists_municipalities_before_places(full_index: MunicipalityIndex) -> None:
    result = full_index.find("Den H")
    assert result.codes[:2] == ("GM0400", "GM0518")  # Den Helder, Den Haag
    assert {"GM1700", "GM1842"} <= set(result.codes[2:])  # Den Ham, Den Hoorn (Midden-Delfland)
    assert full_index.find("Hoofdd").unique == "GM0394"


def test_unknown_postcode_finds_nothing(full_index: MunicipalityIndex) -> None:
    result = full_index.find("1234")
    assert (result.codes, result.suggestions) == ((), ())


def test_unknown_codes_in_the_tables_are_refused(units: Units) -> None:
    names = pd.DataFrame({"name": ["Nergens"], "municipality_code": ["GM9999"],
                          "kind": ["place"]})
    with pytest.raises(ValueError, match="GM9999"):
        MunicipalityIndex(units.municipalities, names)


def test_postcode_of() -> None:
    assert [postcode_of(text) for text in ("2132", "2132 AB", "2132ab", " 2132  ab ")] == [
        "2132"] * 4
    assert [postcode_of(text) for text in ("213", "21321", "2132 A", "2132 ABC", "GM0394")] == [
        None] * 5


# --- what a search box offers ----------------------------------------------------------------


def test_offers_every_municipality_by_its_common_and_official_name(
        full_index: MunicipalityIndex) -> None:
    offers = full_index.offers
    assert len(offers) == len(set(offers))
    table = full_index.municipalities
    assert set(offers) == set(table["display_name"]) | set(table["name"])
    assert {"Den Bosch", "'s-Hertogenbosch", "Zwolle", "Bergen (L.)"} <= set(offers)
    assert len(offers) == 344  # 342, and the official names of Den Bosch and Den Haag
    assert offers.index("Súdwest-Fryslân") < offers.index("Terneuzen")  # accents ignored
    assert "Hoofddorp" not in offers and "2132" not in offers  # typed, not offered


def test_every_offer_finds_its_municipality(full_index: MunicipalityIndex) -> None:
    for offer in full_index.offers:
        assert full_index.find(offer).unique is not None, offer


def test_the_offer_of_a_municipality_is_its_common_name(full_index: MunicipalityIndex) -> None:
    assert full_index.offer_of("GM0796") == "Den Bosch"
    assert full_index.offer_of("GM0344") == "Utrecht"
    assert full_index.find(full_index.offer_of("GM0796")).unique == "GM0796"


# What the search box offers, and in which order (issue 17).

def test_a_name_inside_a_municipality_ranks_above_places_elsewhere(
        full_index: MunicipalityIndex) -> None:
    offers = full_index.offers_for("Bosch")
    assert offers[0].code == "GM0796"  # Den Bosch / 's-Hertogenbosch
    assert {offer.kind for offer in offers[:2]} == {"municipality"}
    places = [offer for offer in offers if offer.kind == "place"]
    assert {"GM0355", "GM1701"} <= {offer.code for offer in places}  # Bosch en Duin, Boschoord
    assert offers.index(places[0]) > 1
    # Typed and looked up (a link): 's-Hertogenbosch first too, then the places.
    assert full_index.find("Bosch").codes[0] == "GM0796"


def test_an_alias_comes_before_places_that_merely_contain_the_text(
        full_index: MunicipalityIndex) -> None:
    offers = full_index.offers_for("Schev")
    assert (offers[0].kind, offers[0].name, offers[0].code) == ("alias", "Scheveningen", "GM0518")
    assert "GM1916" not in {offer.code for offer in offers}  # not Leidschendam-Voorburg


@pytest.mark.parametrize(("text", "kind", "code"), [
    ("Hoofddorp", "place", "GM0394"), ("2132", "postcode", "GM0394"),
    ("sudwest", "spelling", "GM1900"), ("GM0193", "code", "GM0193")])
def test_places_postcodes_plain_spellings_and_codes_are_offers(
        full_index: MunicipalityIndex, text: str, kind: str, code: str) -> None:
    # The box filters by the text as typed (accents count there): every kind has offers.
    offer = next(offer for offer in full_index.offers_for(text) if offer.kind == kind)
    assert offer.code == code
    result = full_index.result_for(offer, "label")
    assert result.unique == code
    if kind in ("place", "postcode"):
        assert result.via_of(code) is not None


def test_a_place_of_a_municipality_s_own_name_is_not_offered_twice(
        full_index: MunicipalityIndex) -> None:
    offers = full_index.offers_for("Hengelo")
    assert [(offer.kind, offer.code) for offer in offers] == [
        ("municipality", "GM0164"), ("place", "GM1876")]
