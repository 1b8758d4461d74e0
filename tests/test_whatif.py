"""What if: proposals judged by the border rule and measured against the real register (and,
for a partly covered municipality, which the real register has none of, a made-up one)."""

from __future__ import annotations

import pytest

from coverage.engine import Coverage
from coverage.status import STATUSES
from coverage.whatif import (
    Proposal,
    UnknownUnitError,
    entry_area,
    evaluate,
    parse_unit,
    toggle,
)
from geodata import Units
from tests.support.registers import FALLBACK
from tests.support.registers import made_up_entry as _entry
from tests.support.registers import made_up_snapshot as _snapshot


def _code(units: Units, name: str) -> str:
    return units.names_of("municipality")[name]


def test_a_proposal_inside_one_safety_region_is_within(current: Coverage, units: Units) -> None:
    codes = frozenset({_code(units, "Zwolle"), _code(units, "Kampen"), _code(units, "Deventer")})
    answer = evaluate(current, Proposal("IJsselland", None, "all", codes))
    assert answer.finding.kind == "within"
    assert answer.verdict.verdict == "within"
    (region,) = answer.finding.regions
    assert (region.code, region.whole, set(region.municipalities)) == ("VR04", False, codes)
    assert set(region.outside) == units.codes_of("safety_region", "VR04") - codes


def test_rotterdam_plus_dordrecht_cuts_two_borders(current: Coverage, units: Units) -> None:
    rotterdam, dordrecht = _code(units, "Rotterdam"), _code(units, "Dordrecht")
    assert (rotterdam, dordrecht) == ("GM0599", "GM0505")
    answer = evaluate(current, Proposal("Rijnmond-Drechtsteden", "PMW Humanitas", "all",
                                        frozenset({rotterdam, dordrecht})))
    assert answer.finding.kind == "cuts_border"
    assert answer.verdict.verdict == "breach"
    assert [(part.code, part.municipalities, part.whole) for part in answer.finding.regions] == [
        ("VR17", (rotterdam,), False), ("VR18", (dordrecht,), False)]
    assert [count.code for count in answer.verdict.cut_regions] == ["VR17", "VR18"]


def test_whole_regions_are_along_region_lines(current: Coverage, units: Units) -> None:
    codes = parse_unit("province:Overijssel", units)
    answer = evaluate(current, Proposal("Overijssel", None, "all", codes))
    assert (answer.finding.kind, answer.verdict.verdict) == ("spans_regions",
                                                             "along_region_lines")
    assert {part.code for part in answer.finding.regions} == {"VR04", "VR05"}


def test_gained_population_is_the_sum_over_the_uncovered(current: Coverage,
                                                         units: Units) -> None:
    codes = parse_unit("police_unit:Oost-Nederland", units) | parse_unit("province:Flevoland",
                                                                         units)
    answer = evaluate(current, Proposal("East", None, "all", codes))
    table = current.municipalities.loc[sorted(codes)]
    uncovered = table.loc[table["status"] != "coordinator"]
    assert len(uncovered) > 10 and (table["status"] == "coordinator").any()
    assert answer.gained == tuple(uncovered.index)
    assert answer.gained_population == uncovered["population"].sum()
    assert set(answer.status_after) == {"coordinator"}
    before, after = answer.counts_before, answer.counts_after
    assert after["coordinator"].municipalities == (before["coordinator"].municipalities
                                                   + len(uncovered))
    assert after["coordinator"].population == (before["coordinator"].population
                                               + answer.gained_population)
    assert sum(after[status].population for status in STATUSES) == sum(
        before[status].population for status in STATUSES) == units.municipalities[
            "population"].sum()


def test_overlaps_on_the_veluwe_per_target_group(current: Coverage) -> None:
    """On the Veluwe MEE-Veluwe serves those under 23 and Moviera those aged 23 and over."""
    veluwe = entry_area(current, "gemeente-apeldoorn-en-de-veluwe")
    young = evaluate(current, Proposal("Veluwe young", None, "under_23", veluwe))
    old = evaluate(current, Proposal("Veluwe 23+", None, "23_plus", veluwe))
    both = evaluate(current, Proposal("Veluwe", None, "all", veluwe))
    assert set(young.overlaps["organisations"]) == {("MEE-Veluwe",)}
    assert set(old.overlaps["organisations"]) == {("Moviera",)}
    assert young.overlap_groups == {"under_23": tuple(sorted(veluwe))}
    assert old.overlap_groups == {"23_plus": tuple(sorted(veluwe))}
    assert set(both.overlap_groups) == {"under_23", "23_plus"}
    assert young.gained == old.gained == ()
    almere = evaluate(current, Proposal("Almere", None, "under_23", frozenset({"GM0034"})))
    assert almere.overlaps.empty and almere.gained == ("GM0034",)
    assert almere.status_after.to_dict() == {"GM0034": "partial"}


def test_a_partly_covered_municipality_gains_only_for_its_missing_group(units: Units) -> None:
    snapshot = _snapshot(_entry("young", [{"municipality": "Zwolle"}], "A",
                                target_group="under_23"))
    coverage = Coverage(snapshot, FALLBACK, units)
    assert coverage.municipalities.at["GM0193", "status"] == "partial"
    zwolle = frozenset({"GM0193"})
    young = evaluate(coverage, Proposal("Zwolle young", None, "under_23", zwolle))
    old = evaluate(coverage, Proposal("Zwolle 23+", None, "23_plus", zwolle))
    assert young.overlap_groups == {"under_23": ("GM0193",)} and young.gained == ()
    assert old.overlap_groups == {"23_plus": ()} and old.gained == ("GM0193",)
    assert old.status_after.to_dict() == {"GM0193": "coordinator"}
    assert old.counts_after["partial"].municipalities == 0
    assert old.counts_before["partial"].municipalities == 1


def test_units_and_toggle(units: Units) -> None:
    assert parse_unit("safety-region:Rotterdam-Rijnmond", units) == units.codes_of(
        "safety_region", "VR17")
    assert parse_unit("province:utrecht", units) == units.codes_of("province", "Utrecht")
    with pytest.raises(UnknownUnitError, match="choose from"):
        parse_unit("province:Atlantis", units)
    with pytest.raises(UnknownUnitError, match="KIND:NAME"):
        parse_unit("Utrecht", units)
    codes = frozenset({"GM0193"})
    assert toggle(toggle(codes, "GM0148"), "GM0148") == codes
    assert toggle(codes, "GM0193") == frozenset()


def test_unknown_codes_and_empty_proposals_are_refused(current: Coverage) -> None:
    with pytest.raises(UnknownUnitError, match="GM9999"):
        evaluate(current, Proposal("x", None, "all", frozenset({"GM9999"})))
    with pytest.raises(ValueError, match="at least one"):
        evaluate(current, Proposal("x", None, "all", frozenset()))
