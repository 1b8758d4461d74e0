"""Pins the interpretation of every entry of both snapshots: which municipalities, which safety
regions, and the border-rule classification.

Regions covered whole are written `WHOLE`; partly covered ones list the official names of the
municipalities inside the area. `EXEMPT` marks entries without a regional coordinator (CoMensha
only, or no contact), which the border rule does not apply to.
"""

from __future__ import annotations

import pytest

from coverage.engine import Coverage

WHOLE = "whole"
EXEMPT = None

VELUWE_IN_VR06 = ["Apeldoorn", "Elburg", "Epe", "Ermelo", "Harderwijk", "Hattem", "Heerde",
                  "Nunspeet", "Oldebroek", "Putten"]
ACHTERHOEK_AND_REST_OF_VR06 = ["Aalten", "Berkelland", "Bronckhorst", "Brummen", "Doetinchem",
                               "Lochem", "Montferland", "Oost Gelre", "Oude IJsselstreek",
                               "Voorst", "Winterswijk", "Zutphen"]
VR07_WITHOUT_VELUWE = ["Arnhem", "Doesburg", "Duiven", "Lingewaard", "Nijkerk", "Overbetuwe",
                       "Renkum", "Rheden", "Rozendaal", "Scherpenzeel", "Wageningen",
                       "Westervoort", "Zevenaar"]
LIMBURG_NOORD_WITHOUT_WEERT = ["Beesel", "Bergen (L.)", "Echt-Susteren", "Gennep",
                               "Horst aan de Maas", "Leudal", "Maasgouw", "Mook en Middelaar",
                               "Nederweert", "Peel en Maas", "Roerdalen", "Roermond", "Venlo",
                               "Venray"]

CURRENT = {
    "politieregio-amsterdam": ("within", {"VR13": WHOLE}),
    "politieregio-den-haag-hollands-midden": ("spans_regions", {"VR15": WHOLE, "VR16": WHOLE}),
    "provincie-drenthe": ("within", {"VR03": WHOLE}),
    "gemeente-eindhoven-en-de-regio": ("within", {"VR22": WHOLE}),
    "provincie-friesland": ("within", {"VR02": WHOLE}),
    "noord-oost-gelderland-en-achterhoek": ("within", {"VR06": ACHTERHOEK_AND_REST_OF_VR06}),
    "politieregio-ijsselland": (EXEMPT, {"VR04": WHOLE}),
    "gemeente-apeldoorn-en-de-veluwe": (
        "cuts_border", {"VR06": VELUWE_IN_VR06, "VR07": ["Barneveld", "Ede"]}),
    "gemeente-groningen": ("within", {"VR01": ["Groningen"]}),
    "midden-nederland-utrecht-gelderland": (
        "cuts_border", {"VR07": VR07_WITHOUT_VELUWE, "VR08": WHOLE, "VR09": WHOLE}),
    "provincie-noord-holland": (
        "spans_regions", {"VR10": WHOLE, "VR11": WHOLE, "VR12": WHOLE, "VR14": WHOLE}),
    "gemeente-den-bosch-en-regio": ("within", {"VR21": WHOLE}),
    "gemeente-rotterdam": ("within", {"VR17": ["Rotterdam"]}),
    "regio-oost-nederland-twente": (EXEMPT, {"VR05": WHOLE}),
    "provincie-zeeland-en-west-brabant": (EXEMPT, {"VR19": WHOLE, "VR20": WHOLE}),
    "limburg-zuid": (EXEMPT, {"VR24": WHOLE}),
    "limburg-noord-en-limburg-midden": ("within", {"VR23": WHOLE}),
}

EARLIER = {
    "amsterdam-police-region": ("within", {"VR13": WHOLE}),
    "police-regions-the-hague-hollands-midden": (
        "spans_regions", {"VR15": WHOLE, "VR16": WHOLE}),
    "province-of-drenthe": ("within", {"VR03": WHOLE}),
    "municipality-of-eindhoven-and-greater-region": ("within", {"VR22": WHOLE}),
    "province-of-friesland": ("within", {"VR02": WHOLE}),
    "municipality-of-apeldoorn-and-region-veluwe": (
        "cuts_border", {"VR06": VELUWE_IN_VR06, "VR07": ["Barneveld", "Ede"]}),
    "ijsselland-police-region": (EXEMPT, {"VR04": WHOLE}),
    "noord-oost-gelderland-and-the-achterhoek": (
        "within", {"VR06": ACHTERHOEK_AND_REST_OF_VR06}),
    "limburg-police-region": (EXEMPT, {"VR23": LIMBURG_NOORD_WITHOUT_WEERT, "VR24": WHOLE}),
    "municipality-of-weert": (EXEMPT, {"VR23": ["Weert"]}),
    "netherlands-central-utrecht-gelderland": (
        "cuts_border", {"VR07": VR07_WITHOUT_VELUWE, "VR08": WHOLE, "VR09": WHOLE}),
    "province-of-north-holland": (
        "spans_regions", {"VR10": WHOLE, "VR11": WHOLE, "VR12": WHOLE, "VR14": WHOLE}),
    "municipality-of-s-hertogenbosch": ("within", {"VR21": ["'s-Hertogenbosch"]}),
    "municipality-of-rotterdam": ("within", {"VR17": ["Rotterdam"]}),
    "netherlands-east-twente": (EXEMPT, {"VR05": WHOLE}),
    "province-of-zeeland-and-west-brabant": (EXEMPT, {"VR19": WHOLE, "VR20": WHOLE}),
    "municipality-of-groningen": ("within", {"VR01": ["Groningen"]}),
}


def _regions_of(coverage: Coverage, entry_id: str) -> dict[str, object]:
    """The area of an entry, per safety region: `WHOLE` or the sorted names inside."""
    table = coverage.municipalities
    inside = table.loc[sorted(coverage.areas[entry_id])]
    regions: dict[str, object] = {}
    for region, names in inside.groupby("safety_region_code")["name"]:
        size = (table["safety_region_code"] == region).sum()
        regions[region] = WHOLE if len(names) == size else sorted(names)
    return regions


@pytest.mark.parametrize(("snapshot_id", "expected"), [("current", CURRENT),
                                                        ("earlier", EARLIER)])
def test_every_entry_is_pinned(coverages: dict[str, Coverage], snapshot_id: str,
                               expected: dict) -> None:
    coverage = coverages[snapshot_id]
    assert [entry.id for entry in coverage.snapshot.entries] == list(expected)
    kinds = {finding.entry_id: finding.kind for finding in coverage.findings}
    for entry_id, (kind, regions) in expected.items():
        assert kinds.get(entry_id) == kind, entry_id
        assert _regions_of(coverage, entry_id) == {
            code: (value if value == WHOLE else sorted(value)) for code, value in regions.items()
        }, entry_id


@pytest.mark.parametrize("snapshot_id", ["current", "earlier"])
def test_findings_name_the_regions_and_both_sides(coverages: dict[str, Coverage],
                                                  snapshot_id: str) -> None:
    coverage = coverages[snapshot_id]
    table = coverage.municipalities
    for finding in coverage.findings:
        for part in finding.regions:
            members = set(table.index[table["safety_region_code"] == part.code])
            assert set(part.municipalities) | set(part.outside) == members
            assert not set(part.municipalities) & set(part.outside)
            assert part.whole == (not part.outside)
            assert set(part.municipalities) <= coverage.areas[finding.entry_id]


def test_every_entry_keeps_its_source_wording(coverages: dict[str, Coverage]) -> None:
    current = coverages["current"].snapshot
    wordings = [entry.area_wording for entry in current.entries]
    assert "Midden Nederland- provincie Utrecht en provincie Gelderland" in wordings
    assert "Regios Noord-Oost Gelderland en de Achterhoek" in wordings
    earlier = coverages["earlier"].snapshot
    assert "Netherlands (east) –Twente" in [entry.area_wording for entry in earlier.entries]


def test_entries_without_organisation_say_so(coverages: dict[str, Coverage]) -> None:
    unnamed = [entry for entry in coverages["earlier"].snapshot.entries
               if not entry.contacts or any(c.organisation is None for c in entry.contacts)]
    assert {entry.id for entry in unnamed} == {
        "police-regions-the-hague-hollands-midden",
        "municipality-of-eindhoven-and-greater-region", "ijsselland-police-region",
        "limburg-police-region", "municipality-of-weert",
        "netherlands-central-utrecht-gelderland", "netherlands-east-twente",
        "province-of-zeeland-and-west-brabant", "municipality-of-groningen",
    }
    assert all(entry.note for entry in unnamed)
