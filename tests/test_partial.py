"""`partial`: one target group has a regional coordinator, the other falls back to CoMensha.

The register here is the real one with one contact removed: the Moviera (23+) contact of the
Veluwe entry of the current overview, so the Veluwe keeps MEE-Veluwe for victims under 23 only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from coverage.changes import compare
from coverage.engine import Coverage, compute_all
from coverage.figures import GROUPINGS, coverage_figures
from coverage.serialise import lookup_json
from coverage.status import STATUSES
from geodata import Boundaries, Units
from registry.yaml_register import DATA_DIR, load_register
from tests.test_cli import run

VELUWE = "gemeente-apeldoorn-en-de-veluwe"
ACHTERHOEK = "noord-oost-gelderland-en-achterhoek"
VELUWE_MOVIERA = """      - organisation: Moviera
        target_group: 23_plus
        target_group_wording: (23 +)
        phones: ["088 - 374 47 44"]

  - id: gemeente-groningen"""


def _edited_register(folder: Path, old: str, new: str) -> Path:
    """A copy of the real register with one text replaced in the current snapshot."""
    shutil.copytree(DATA_DIR, folder)
    path = folder / "snapshots" / "current.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def without_veluwe_23_plus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The register with the Veluwe's 23+ contact removed."""
    return _edited_register(tmp_path_factory.mktemp("partial") / "data", VELUWE_MOVIERA,
                            "  - id: gemeente-groningen")


@pytest.fixture(scope="module")
def partial(without_veluwe_23_plus: Path, units: Units) -> dict[str, Coverage]:
    return compute_all(load_register(units, without_veluwe_23_plus), units)


def test_the_real_register_has_no_partial_municipality(coverages: dict[str, Coverage]) -> None:
    # Where the overviews split by age (Veluwe, Achterhoek) both groups have a coordinator.
    for coverage in coverages.values():
        assert not coverage.municipalities["status"].eq("partial").any()
        covered = coverage.municipalities["status"].eq("coordinator")
        assert coverage.uncovered_groups[covered].map(len).eq(0).all()


def test_removing_the_23_plus_contact_makes_the_veluwe_partial(
        partial: dict[str, Coverage], current: Coverage) -> None:
    coverage = partial["current"]
    table = coverage.municipalities
    veluwe = coverage.areas[VELUWE]
    assert len(veluwe) == 12
    assert set(table.index[table["status"] == "partial"]) == veluwe
    assert (coverage.uncovered_groups[sorted(veluwe)] == ("23_plus",)).all()
    assert table.loc[sorted(veluwe), "split_by_age"].all()
    # The Achterhoek keeps both of its contacts, and nothing else changes.
    assert table.loc[sorted(coverage.areas[ACHTERHOEK]), "status"].eq("coordinator").all()
    others = table.index.difference(sorted(veluwe))
    pd.testing.assert_series_equal(table.loc[others, "status"],
                                   current.municipalities.loc[others, "status"])
    assert table["status"].value_counts().to_dict() == {
        "coordinator": 227 - 12, "comensha": 78, "fallback": 37, "partial": 12}


def test_comensha_named_for_the_other_group_is_still_partial(tmp_path: Path,
                                                             units: Units) -> None:
    folder = _edited_register(tmp_path / "data", VELUWE_MOVIERA, """      - organisation: CoMensha
        target_group: 23_plus
        phones: ["033 - 448 11 86"]

  - id: gemeente-groningen""")
    coverage = compute_all(load_register(units, folder), units)["current"]
    veluwe = sorted(coverage.areas[VELUWE])
    assert coverage.municipalities.loc[veluwe, "status"].eq("partial").all()
    assert (coverage.uncovered_groups[veluwe] == ("23_plus",)).all()


def test_two_entries_for_the_two_groups_make_a_coordinator(tmp_path: Path,
                                                           units: Units) -> None:
    # Rotterdam's contact serves 23+ only; a second entry adds under-23s for Rotterdam.
    folder = _edited_register(tmp_path / "data", """      - organisation: PMW Humanitas
        phones: ["010-2365212"]
""", """      - organisation: PMW Humanitas
        target_group: 23_plus
        phones: ["010-2365212"]

  - id: rotterdam-jongeren
    area_wording: Rotterdam (23 -)
    area:
      include:
        - entry: gemeente-rotterdam
    contacts:
      - organisation: Jongeren Rotterdam
        target_group: under_23
        phones: ["010-2365213"]
""")
    coverage = compute_all(load_register(units, folder), units)["current"]
    assert coverage.municipalities.at["GM0599", "status"] == "coordinator"
    assert coverage.uncovered_groups["GM0599"] == ()


def test_lookup_json_names_the_uncovered_group(partial: dict[str, Coverage]) -> None:
    answer = lookup_json(partial["current"], "GM0200")
    assert (answer["status"], answer["uncovered_target_groups"]) == ("partial", ["23_plus"])
    assert [(c["organisation"], c["target_group"]) for c in answer["coordinators"]] == [
        ("MEE-Veluwe", "under_23")]


@pytest.mark.parametrize("grouping", GROUPINGS)
def test_figures_with_partial_add_up(partial: dict[str, Coverage], boundaries: Boundaries,
                                     grouping: str) -> None:
    table = partial["current"].municipalities.join(boundaries.municipalities["area_km2"])
    figures = coverage_figures(table, grouping)
    assert figures["municipalities_total"].sum() == 342
    assert figures["municipalities_partial"].sum() == 12
    for measure in ("municipalities", "population", "area_km2"):
        by_status = sum(figures[f"{measure}_{status}"] for status in STATUSES)
        pd.testing.assert_series_equal(by_status, figures[f"{measure}_total"],
                                       check_names=False, check_dtype=False)
        pd.testing.assert_series_equal(
            figures[f"{measure}_no_regional_coordinator"],
            figures[f"{measure}_comensha"] + figures[f"{measure}_fallback"], check_names=False)


def test_partial_is_never_counted_as_covered(partial: dict[str, Coverage],
                                             current: Coverage) -> None:
    table = partial["current"].municipalities
    national = coverage_figures(table, "national").iloc[0]
    before = coverage_figures(current.municipalities, "national").iloc[0]
    veluwe_population = table.loc[table["status"] == "partial", "population"].sum()
    assert veluwe_population > 0
    assert national["population_partial"] == veluwe_population
    assert national["population_share_partial"] == pytest.approx(
        veluwe_population / national["population_total"])
    assert national["population_share_without_coordinator"] == pytest.approx(
        before["population_share_without_coordinator"]
        + veluwe_population / national["population_total"])
    assert national["municipalities_no_regional_coordinator"] == 78 + 37


def test_diff_counts_a_lost_age_group_as_lost(partial: dict[str, Coverage],
                                              current: Coverage) -> None:
    changes = compare(current, partial["current"]).set_index("code")
    assert set(changes.index) == partial["current"].areas[VELUWE]
    assert set(changes["change"]) == {"lost"}
    assert set(changes["status_after"]) == {"partial"}
    back = compare(partial["current"], current).set_index("code")
    assert set(back["change"]) == {"gained"}


def test_cli_lookup_and_report_show_partial(without_veluwe_23_plus: Path) -> None:
    data = str(without_veluwe_23_plus)
    answer = json.loads(run("--data", data, "lookup", "Apeldoorn", "--json").stdout)
    assert (answer["status"], answer["uncovered_target_groups"]) == ("partial", ["23_plus"])
    text = run("--data", data, "lookup", "Ede")
    assert text.returncode == 0, text.stderr
    assert ("Status: Partly covered: a regional care coordinator for one age group only"
            in text.stdout)
    assert ("No regional coordinator for victims aged 23 and over: call CoMensha: "
            "033 - 448 11 86 (+31334481186)") in text.stdout
    (national,) = json.loads(run("--data", data, "report", "--by", "national", "--json").stdout)
    assert (national["municipalities_partial"], national["municipalities_coordinator"]) == (12, 215)
    assert national["municipalities_no_regional_coordinator"] == 115
    regions = json.loads(run("--data", data, "report", "--json").stdout)
    by_region = {row["safety_region_code"]: row["municipalities_partial"] for row in regions}
    assert (by_region["VR06"], by_region["VR07"]) == (10, 2)
    assert sum(by_region.values()) == 12


def test_cli_lookup_json_for_a_covered_municipality_has_no_uncovered_group() -> None:
    answer = json.loads(run("lookup", "Ede", "--json").stdout)
    assert (answer["status"], answer["uncovered_target_groups"]) == ("coordinator", [])
    zwolle = json.loads(run("lookup", "Zwolle", "--json").stdout)
    assert zwolle["uncovered_target_groups"] == ["under_23", "23_plus"]


def test_map_colour_and_csv_download_for_a_partial_municipality(
        partial: dict[str, Coverage], boundaries: Boundaries) -> None:
    from ui.dashboard.tables import municipality_table
    from ui.map.palette import STATUS_COLOURS, colour_keys

    coverage = partial["current"]
    keys = colour_keys(coverage.municipalities)
    veluwe = sorted(coverage.areas[VELUWE])
    assert keys[veluwe].eq("partial").all()  # not the split-by-age blue of full coverage
    assert STATUS_COLOURS["partial"] not in {
        colour for key, colour in STATUS_COLOURS.items() if key != "partial"}
    table = municipality_table(coverage, boundaries.municipalities["area_km2"]).set_index("code")
    row = table.loc["GM0200"]
    assert (row["status"], row["uncovered_target_groups"]) == ("partial", "23_plus")
    assert row["phones_e164"] == "+31555269200;+31334481186"  # MEE-Veluwe, then CoMensha
