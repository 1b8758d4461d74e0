"""Finding a municipality by code or name, ignoring case and accents."""

from __future__ import annotations

import pytest

from coverage.search import MunicipalityIndex, normalise
from geodata import Units


@pytest.fixture(scope="module")
def index(units: Units) -> MunicipalityIndex:
    return MunicipalityIndex(units.municipalities)


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
