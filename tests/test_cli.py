"""`python -m coverage`, run from the repository root as a user would."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.support.cli import run
from tests.support.paths import REPOSITORY_ROOT


def test_lookup_json_shape() -> None:
    result = run("lookup", "zwolle", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["municipality"]["code"] == "GM0193"
    assert answer["safety_region"] == {"code": "VR04", "name": "IJsselland"}
    assert (answer["province"], answer["police_unit"]) == ("Overijssel", "Oost-Nederland")
    assert answer["status"] == "comensha"
    (coordinator,) = answer["coordinators"]
    assert coordinator["organisation"] == "CoMensha"
    assert coordinator["area_wording"] == "Politieregio IJsselland"
    assert coordinator["phones"] == [{"display": "033 - 448 11 86", "e164": "+31334481186"}]
    assert answer["fallback"]["organisation"] == "CoMensha"


def test_lookup_earlier_snapshot_and_split_by_age() -> None:
    answer = json.loads(run("lookup", "ede", "--json").stdout)
    assert [(c["organisation"], c["target_group"]) for c in answer["coordinators"]] == [
        ("MEE-Veluwe", "under_23"), ("Moviera", "23_plus")]
    assert answer["split_by_age"] is True
    earlier = json.loads(run("lookup", "Weert", "--snapshot", "earlier", "--json").stdout)
    assert earlier["status"] == "fallback"
    assert earlier["listed_without_contact"][0]["area_wording"] == "Municipality of Weert"


def test_lookup_text_for_a_fallback_municipality() -> None:
    result = run("lookup", "Almere")
    assert result.returncode == 0
    assert "Status: No care coordinator: CoMensha as fallback" in result.stdout
    assert "Call CoMensha: 033 - 448 11 86 (+31334481186)" in result.stdout


@pytest.mark.parametrize(("name", "message"), [
    ("bergen", "'bergen' is ambiguous: Bergen (NH.) (GM0373), Bergen (L.) (GM0893)"),
    ("amsterdm", "did you mean Amsterdam"),
])
def test_lookup_unknown_or_ambiguous_exits_2(name: str, message: str) -> None:
    result = run("lookup", name)
    assert result.returncode == 2
    assert message in result.stderr


def test_violations_json() -> None:
    result = run("violations", "--json")
    assert result.returncode == 0
    found = {item["area_id"]: item for item in json.loads(result.stdout)}
    assert set(found) == {"politieregio-den-haag-hollands-midden",
                          "gemeente-apeldoorn-en-de-veluwe",
                          "midden-nederland-utrecht-gelderland", "provincie-noord-holland"}
    veluwe = found["gemeente-apeldoorn-en-de-veluwe"]
    assert (veluwe["kind"], veluwe["organisation"]) == ("cuts_border", "MEE-Veluwe / Moviera")
    vr07 = next(part for part in veluwe["safety_regions"] if part["code"] == "VR07")
    assert vr07["whole"] is False
    assert [town["name"] for town in vr07["municipalities"]] == ["Barneveld", "Ede"]
    assert len(vr07["outside"]) == 13


def test_violations_all_includes_areas_within_one_region() -> None:
    kinds = [item["kind"] for item in json.loads(run("violations", "--all", "--json").stdout)]
    assert kinds.count("within") == 9


def test_report_csv_and_json_add_up() -> None:
    rows = list(csv.DictReader(io.StringIO(run("report", "--by", "province", "--csv").stdout)))
    assert len(rows) == 12
    assert sum(int(row["municipalities_total"]) for row in rows) == 342
    national = json.loads(run("report", "--by", "national", "--json").stdout)
    assert national[0]["population_total"] == 17_590_672
    assert national[0]["municipalities_fallback"] == 37


def test_diff_json() -> None:
    changes = {item["code"]: item for item in json.loads(run("diff", "--json").stdout)}
    assert changes["GM0828"]["change"] == "gained"
    assert changes["GM0796"]["contacts_before"] == [
        {"organisation": "Veilig Thuis Brabant Noordoost", "target_group": "all",
         "phones": ["+318002000"]}]


def test_broken_register_exits_1_naming_file_entry_and_field(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPOSITORY_ROOT / "data", data)
    path = data / "snapshots" / "current.yaml"
    path.write_text(path.read_text().replace('"058 - 215 70 84"', '"058 - 215"'))
    result = run("--data", str(data), "lookup", "zwolle")
    assert result.returncode == 1
    assert str(path) in result.stderr
    assert "entry #5 'provincie-friesland', field 'contacts[0].phones[0]'" in result.stderr


def test_check_command() -> None:
    result = run("check")
    assert result.returncode == 0
    assert "current: 17 entries OK" in result.stdout


def test_lookup_gives_the_note_in_the_chosen_language() -> None:
    english = json.loads(run("lookup", "Apeldoorn", "--json").stdout)
    dutch = json.loads(run("lookup", "Apeldoorn", "--json", "--lang", "nl").stdout)
    assert (english["language"], dutch["language"]) == ("en", "nl")
    for answer, start in ((english, 'Ambiguous: "de Veluwe"'),
                          (dutch, 'Dubbelzinnig: "de Veluwe"')):
        notes = {contact["note"] for contact in answer["coordinators"]}
        assert len(notes) == 1 and next(iter(notes)).startswith(start)
    # Only the project's own texts differ (the notes and the readings of the areas): the
    # source's wordings and everything else are the same.
    assert dutch["coordinators"][0]["interpretation"].startswith("gemeente Apeldoorn, ")
    assert english["coordinators"][0]["interpretation"].startswith("municipality of Apeldoorn")
    for contact in (*dutch["coordinators"], *english["coordinators"]):
        contact.pop("note")
        contact.pop("interpretation")
    for route in (*dutch["national_routes"], *english["national_routes"]):
        route.pop("label")  # the project's words for each national route
    assert {**english, "language": "nl"} == dutch
    earlier = json.loads(run("lookup", "Weert", "--snapshot", "earlier", "--json",
                             "--lang", "nl").stdout)
    assert earlier["listed_without_contact"][0]["note"].startswith("Dubbelzinnig: in de bron")


def test_lookup_text_prints_the_note_once_per_area() -> None:
    result = run("lookup", "Apeldoorn", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith("  toelichting: ")]
    assert len(notes) == 1 and notes[0].startswith('  toelichting: Dubbelzinnig: "de Veluwe"')
    assert "Ambiguous" not in result.stdout
    assert '  note: Ambiguous: "de Veluwe"' in run("lookup", "Apeldoorn").stdout
