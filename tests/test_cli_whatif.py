"""`python -m coverage whatif`, run from the repository root as a user would."""

from __future__ import annotations

import json

from coverage.engine import Coverage
from tests.support.cli import run


def test_whatif_json_rotterdam_and_dordrecht(current: Coverage) -> None:
    result = run("whatif", "--municipalities", "GM0599", "GM0505", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert (answer["kind"], answer["verdict"]) == ("cuts_border", "breach")
    assert [(part["code"], part["whole"], [town["code"] for town in part["municipalities"]])
            for part in answer["safety_regions"]] == [("VR17", False, ["GM0599"]),
                                                      ("VR18", False, ["GM0505"])]
    table = current.municipalities.loc[["GM0599", "GM0505"]]
    uncovered = table.loc[table["status"] != "coordinator"]
    assert [town["code"] for town in answer["gained"]["municipalities"]] == list(
        uncovered.index)
    assert answer["gained"]["population"] == uncovered["population"].sum()
    coordinator = answer["statuses"]["coordinator"]
    assert coordinator["after"]["municipalities"] == (coordinator["before"]["municipalities"]
                                                      + len(uncovered))
    assert {(o["code"], o["target_group"]) for o in answer["overlaps"]} == {
        ("GM0599", "under_23"), ("GM0599", "23_plus")}
    assert answer["proposal"]["organisation"] is None


def test_whatif_units_and_target_group_text() -> None:
    result = run("whatif", "--units", "safety_region:IJsselland", "--target-group", "23_plus",
                 "--name", "IJsselland 23+", "--organisation", "Fier")
    assert result.returncode == 0, result.stderr
    assert "Proposal 'IJsselland 23+' (Fier), target group 23_plus: 11 municipalities" in (
        result.stdout)
    assert "Border rule: within (within)" in result.stdout
    assert "VR04 IJsselland: whole" in result.stdout
    assert "Overlaps with existing regional coordinators: 0" in result.stdout


def test_whatif_unknown_code_or_unit_exits_2() -> None:
    for args, message in [(("--municipalities", "GM9999"), "unknown municipality GM9999"),
                          (("--units", "province:Atlantis"), "unknown province 'Atlantis'"),
                          (("--units", "VR17"), "KIND:NAME"),
                          ((), "at least one municipality")]:
        result = run("whatif", *args)
        assert result.returncode == 2, (args, result.stdout)
        assert message in result.stderr
