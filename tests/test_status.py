"""Status and contacts per municipality, and the invariants the figures must keep."""

from __future__ import annotations

import pandas as pd
import pytest

from coverage.engine import Coverage
from coverage.figures import GROUPINGS, coverage_figures
from coverage.status import STATUSES
from geodata import Boundaries

MEE = ("MEE-Veluwe", "under_23")
MOVIERA_23 = ("Moviera", "23_plus")
HVO = ("HVO Querido/ACM", "all")

# (code, name, safety region, status, [(organisation, target group)]), two or more per region.
CURRENT_SAMPLE = [
    ("GM0014", "Groningen", "VR01", "coordinator", [("MJD", "all")]),
    ("GM0047", "Veendam", "VR01", "fallback", []),
    ("GM0080", "Leeuwarden", "VR02", "coordinator", [("Fier", "all")]),
    ("GM0106", "Assen", "VR03", "coordinator", [("GGD Drenthe", "all")]),
    ("GM0193", "Zwolle", "VR04", "comensha", [("CoMensha", "all")]),
    ("GM0153", "Enschede", "VR05", "comensha", [("CoMensha", "all")]),
    ("GM0200", "Apeldoorn", "VR06", "coordinator", [MEE, MOVIERA_23]),
    ("GM0222", "Doetinchem", "VR06", "coordinator", [MEE, MOVIERA_23]),
    ("GM0202", "Arnhem", "VR07", "coordinator", [("Moviera", "all")]),
    ("GM0228", "Ede", "VR07", "coordinator", [MEE, MOVIERA_23]),
    ("GM0268", "Nijmegen", "VR08", "coordinator", [("Moviera", "all")]),
    ("GM0344", "Utrecht", "VR09", "coordinator", [("Moviera", "all")]),
    ("GM0361", "Alkmaar", "VR10", "coordinator", [HVO]),
    ("GM0479", "Zaanstad", "VR11", "coordinator", [HVO]),
    ("GM0392", "Haarlem", "VR12", "coordinator", [HVO]),
    ("GM0363", "Amsterdam", "VR13", "coordinator", [("HVO Querido/ ACM", "all")]),
    ("GM0402", "Hilversum", "VR14", "coordinator", [HVO]),
    ("GM0518", "'s-Gravenhage", "VR15", "coordinator", [("SHOP", "all")]),
    ("GM0546", "Leiden", "VR16", "coordinator", [("SHOP", "all")]),
    ("GM0599", "Rotterdam", "VR17", "coordinator", [("PMW Humanitas", "all")]),
    ("GM0606", "Schiedam", "VR17", "fallback", []),
    ("GM0505", "Dordrecht", "VR18", "fallback", []),
    ("GM0687", "Middelburg (Z.)", "VR19", "comensha", [("CoMensha", "all")]),
    ("GM0855", "Tilburg", "VR20", "comensha", [("CoMensha", "all")]),
    ("GM0758", "Breda", "VR20", "comensha", [("CoMensha", "all")]),
    ("GM0796", "'s-Hertogenbosch", "VR21", "coordinator",
     [("Maatschappelijke Opvang Den Bosch", "all")]),
    ("GM0828", "Oss", "VR21", "coordinator", [("Maatschappelijke Opvang Den Bosch", "all")]),
    ("GM0772", "Eindhoven", "VR22", "coordinator", [("Lumens", "all")]),
    ("GM0983", "Venlo", "VR23", "coordinator", [("Koraal", "all")]),
    ("GM0988", "Weert", "VR23", "coordinator", [("Koraal", "all")]),
    ("GM0935", "Maastricht", "VR24", "comensha", [("CoMensha", "all")]),
    ("GM0034", "Almere", "VR25", "fallback", []),
    ("GM0995", "Lelystad", "VR25", "fallback", []),
]

EARLIER_SAMPLE = [
    ("GM0518", "'s-Gravenhage", "VR15", "coordinator", [("SHOP", "all")]),
    ("GM0193", "Zwolle", "VR04", "comensha", [("CoMensha", "all")]),
    ("GM0988", "Weert", "VR23", "fallback", []),
    ("GM0935", "Maastricht", "VR24", "fallback", []),
    ("GM0828", "Oss", "VR21", "fallback", []),
    ("GM0796", "'s-Hertogenbosch", "VR21", "coordinator",
     [("Veilig Thuis Brabant Noordoost", "all")]),
    ("GM0200", "Apeldoorn", "VR06", "coordinator", [("MEE-Veluwe", "all"), ("Moviera", "all")]),
]


def _check(coverage: Coverage, sample: list) -> None:
    table = coverage.municipalities
    for code, name, region, status, contacts in sample:
        assert (table.at[code, "name"], table.at[code, "safety_region_code"]) == (name, region)
        assert table.at[code, "status"] == status, name
        found = [(c.effective_organisation, c.target_group) for _, c in coverage.contacts_for(code)]
        assert found == contacts, name


def test_current_sample_covers_every_safety_region(current: Coverage) -> None:
    assert {row[2] for row in CURRENT_SAMPLE} == set(current.units.safety_regions.index)
    _check(current, CURRENT_SAMPLE)


def test_earlier_sample(earlier: Coverage) -> None:
    _check(earlier, EARLIER_SAMPLE)


def test_split_by_age_marks_the_veluwe_and_achterhoek(current: Coverage) -> None:
    split = set(current.municipalities.index[current.municipalities["split_by_age"]])
    assert split == current.areas["gemeente-apeldoorn-en-de-veluwe"] | current.areas[
        "noord-oost-gelderland-en-achterhoek"]
    assert len(split) == 24


def test_entries_without_contacts_are_listed_but_fall_back(earlier: Coverage) -> None:
    assert [entry.id for entry in earlier.entries_for("GM0988")] == ["municipality-of-weert"]
    assert earlier.contacts_for("GM0988") == []


@pytest.mark.parametrize("snapshot_id", ["current", "earlier"])
def test_every_municipality_has_exactly_one_status(coverages: dict[str, Coverage],
                                                   snapshot_id: str) -> None:
    table = coverages[snapshot_id].municipalities
    assert len(table) == 342
    assert table.index.is_unique
    assert table["status"].isin(STATUSES).all()


@pytest.mark.parametrize(("snapshot_id", "expected"), [
    # Neither overview has a partly covered municipality: where they split by age (the
    # Veluwe and the Achterhoek) both age groups have a regional coordinator.
    ("current", {"coordinator": 227, "partial": 0, "comensha": 78, "fallback": 37}),
    ("earlier", {"coordinator": 202, "partial": 0, "comensha": 62, "fallback": 78}),
])
def test_status_counts(coverages: dict[str, Coverage], snapshot_id: str,
                       expected: dict[str, int]) -> None:
    counts = coverages[snapshot_id].municipalities["status"].value_counts()
    assert counts.reindex(list(STATUSES), fill_value=0).to_dict() == expected


def test_overlaps(coverages: dict[str, Coverage]) -> None:
    assert coverages["current"].overlaps.empty
    earlier = coverages["earlier"].overlaps
    # The earlier overview lists MEE-Veluwe and Moviera for all ages in 24 Gelderland
    # municipalities: both age groups overlap there.
    assert len(earlier) == 48
    assert set(earlier["organisations"]) == {("MEE-Veluwe", "Moviera")}
    assert set(earlier["target_group"]) == {"under_23", "23_plus"}


@pytest.mark.parametrize("grouping", GROUPINGS)
@pytest.mark.parametrize("snapshot_id", ["current", "earlier"])
def test_figures_add_up_to_the_national_totals(coverages: dict[str, Coverage],
                                               boundaries: Boundaries, grouping: str,
                                               snapshot_id: str) -> None:
    table = coverages[snapshot_id].municipalities.join(boundaries.municipalities["area_km2"])
    figures = coverage_figures(table, grouping)
    population = int(boundaries.municipalities["population"].sum())
    area = boundaries.municipalities["area_km2"].sum()
    assert figures["municipalities_total"].sum() == 342
    assert figures["population_total"].sum() == population
    assert figures["area_km2_total"].sum() == pytest.approx(area)
    for measure in ("municipalities", "population", "area_km2"):
        by_status = sum(figures[f"{measure}_{status}"] for status in STATUSES)
        pd.testing.assert_series_equal(by_status, figures[f"{measure}_total"],
                                       check_names=False, check_dtype=False)
    expected_rows = {"safety-region": 25, "province": 12, "police-unit": 10, "national": 1}
    assert len(figures) == expected_rows[grouping]


def test_national_figures_current(current: Coverage, boundaries: Boundaries) -> None:
    figures = coverage_figures(current.municipalities, "national").iloc[0]
    fallback = current.municipalities.query("status == 'fallback'")["population"].sum()
    assert figures["population_fallback"] == fallback
    assert figures["municipalities_fallback"] == 37
    assert "area_km2_total" not in figures  # no area column given, no area figures
