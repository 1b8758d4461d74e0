"""The border rule on made-up registers over the real units."""

from __future__ import annotations

from coverage.border_rule import classify_areas
from coverage.engine import Coverage
from coverage.schema import Snapshot
from geodata import Units
from tests.support.registers import FALLBACK
from tests.support.registers import made_up_entry as _entry
from tests.support.registers import made_up_snapshot as _snapshot


def _kinds(snapshot: Snapshot, units: Units) -> dict[str, str]:
    coverage = Coverage(snapshot, FALLBACK, units)
    return {finding.entry_id: finding.kind
            for finding in classify_areas(snapshot, coverage.areas, units)}


def test_classification(units: Units) -> None:
    snapshot = _snapshot(
        _entry("one-city", [{"municipality": "Zwolle"}]),
        _entry("one-region", [{"safety_region": "VR04"}]),
        _entry("two-regions", [{"province": "Overijssel"}]),
        _entry("cut", [{"safety_region": "Twente"}, {"municipality": "Zwolle"}]),
        _entry("police-unit-less-a-city", [{"police_unit": "Oost-Nederland"}],
               exclude=[{"municipality": "Arnhem"}]),
    )
    assert _kinds(snapshot, units) == {
        "one-city": "within", "one-region": "within", "two-regions": "spans_regions",
        "cut": "cuts_border", "police-unit-less-a-city": "cuts_border",
    }


def test_the_cut_names_the_municipalities_on_each_side(units: Units) -> None:
    snapshot = _snapshot(_entry("cut", [{"safety_region": "Twente"},
                                        {"municipality": "GM0193"}]))
    coverage = Coverage(snapshot, FALLBACK, units)
    (finding,) = coverage.violations()
    twente, ijsselland = sorted(finding.regions, key=lambda part: part.code, reverse=True)
    assert (twente.code, twente.whole, twente.outside) == ("VR05", True, ())
    assert (ijsselland.code, ijsselland.whole, ijsselland.municipalities) == (
        "VR04", False, ("GM0193",))
    assert len(ijsselland.outside) == 10


def test_comensha_and_contactless_entries_are_exempt(units: Units) -> None:
    contactless = {"id": "nobody", "area_wording": "x",
                   "note": {"nl": "geen contact", "en": "no contact"},
                   "area": {"include": [{"province": "Limburg"}]}, "contacts": []}
    snapshot = _snapshot(_entry("comensha", [{"province": "Noord-Brabant"}], "CoMensha"),
                         contactless)
    assert _kinds(snapshot, units) == {}
    coverage = Coverage(snapshot, FALLBACK, units)
    statuses = coverage.municipalities["status"]
    assert (statuses[coverage.areas["comensha"]] == "comensha").all()
    assert (statuses[coverage.areas["nobody"]] == "fallback").all()


def test_a_regional_coordinator_wins_over_comensha(units: Units) -> None:
    snapshot = _snapshot(_entry("comensha", [{"safety_region": "VR04"}], "CoMensha"),
                         _entry("zwolle", [{"municipality": "Zwolle"}], "Zwolle Zorg"))
    coverage = Coverage(snapshot, FALLBACK, units)
    assert coverage.municipalities.at["GM0193", "status"] == "coordinator"
    assert coverage.municipalities.at["GM0148", "status"] == "comensha"


def test_overlap_by_target_group(units: Units) -> None:
    snapshot = _snapshot(
        _entry("young", [{"municipality": "Zwolle"}], "A", target_group="under_23"),
        _entry("old", [{"municipality": "Zwolle"}], "B", target_group="23_plus"),
        _entry("everyone", [{"municipality": "Kampen"}, {"municipality": "Zwolle"}], "C"),
    )
    overlaps = Coverage(snapshot, FALLBACK, units).overlaps
    assert overlaps[["municipality", "target_group"]].values.tolist() == [
        ["GM0193", "23_plus"], ["GM0193", "under_23"]]
    assert overlaps["organisations"].tolist() == [("B", "C"), ("A", "C")]
