"""A broken register file fails with a message naming the file, line, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata import Units
from registry.yaml_register import load_register
from tests.support.registers import assert_names as _assert_names
from tests.support.registers import break_snapshot as _break
from tests.support.registers import line_of as _line_of
from tests.support.registers import load_error as _error


def test_the_real_register_loads(units: Units) -> None:
    register = load_register(units)
    assert list(register.snapshots) == ["earlier", "current"]
    assert register.latest.id == "current"
    assert register.fallback.phones[0].e164 == "+31334481186"


def test_yaml_syntax_error_names_the_line(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "area_wording: Provincie Drenthe",
                  "area_wording: Provincie: Drenthe")
    error = _error(units, data_dir)
    assert error.path == path
    assert "YAML syntax error: mapping values are not allowed" in str(error)
    assert error.line == _line_of(path, "Provincie: Drenthe")


def test_duplicate_key_is_refused(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "    area_wording: Provincie Drenthe\n",
                  "    area_wording: Provincie Drenthe\n    area_wording: Drenthe\n")
    error = _error(units, data_dir)
    assert "duplicate key 'area_wording'" in str(error)
    assert error.line == _line_of(path, "area_wording: Drenthe")


def test_unknown_field_names_entry_and_field(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "      - organisation: GGD Drenthe",
                  "      - organization: GGD Drenthe")
    error = _error(units, data_dir)
    assert (error.entry, error.field) == ("#3 'provincie-drenthe'", "contacts[0].organization")
    assert "unknown field 'organization'" in str(error)
    assert str(error).startswith(f"{path}:{_line_of(path, 'organization: GGD Drenthe')}, ")


def test_malformed_phone_names_entry_field_and_number(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, '"0592 - 30 63 00"', '"0592 - 30 63"')
    error = _error(units, data_dir)
    assert (error.entry, error.field) == ("#3 'provincie-drenthe'", "contacts[0].phones[0]")
    assert "'0592 - 30 63' is not a valid phone number" in str(error)
    assert error.line == _line_of(path, "0592 - 30 63")


def test_duplicate_id(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "id: provincie-friesland", "id: provincie-drenthe")
    error = _error(units, data_dir)
    assert (error.entry, error.field) == ("#5 'provincie-drenthe'", "id")
    assert "duplicate id 'provincie-drenthe'" in str(error)
    second = _line_of(path, "area_wording: Provincie Friesland") - 1
    assert error.line == second


def test_unknown_unit_name_with_suggestion(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "- safety_region: Amsterdam-Amstelland",
                  "- safety_region: Amsterdam-Amstelandd")
    error = _error(units, data_dir)
    assert (error.entry, error.field) == ("#1 'politieregio-amsterdam'",
                                          "area.include[0].safety_region")
    assert "unknown safety region 'Amsterdam-Amstelandd'" in str(error)
    assert "did you mean 'Amsterdam-Amstelland'" in str(error)
    assert error.line == _line_of(path, "Amsterdam-Amstelandd")


def test_unknown_municipality_in_the_earlier_snapshot(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "- municipality: Weert", "- municipality: Wert", "earlier")
    error = _error(units, data_dir)
    assert error.path == path
    assert error.entry == "#10 'municipality-of-weert'"
    assert "unknown municipality 'Wert'" in str(error)


def test_reference_to_an_unknown_entry(units: Units, data_dir: Path) -> None:
    _break(data_dir, "- entry: politieregio-amsterdam", "- entry: politieregio-amsterdm")
    error = _error(units, data_dir)
    assert (error.entry, error.field) == ("#11 'provincie-noord-holland'",
                                          "area.exclude[0].entry")
    assert "did you mean 'politieregio-amsterdam'" in str(error)


def test_entries_that_refer_to_each_other_in_a_circle(units: Units, data_dir: Path) -> None:
    _break(data_dir, "        - safety_region: Amsterdam-Amstelland\n",
           "        - safety_region: Amsterdam-Amstelland\n      exclude:\n"
           "        - entry: provincie-noord-holland\n")
    error = _error(units, data_dir)
    assert "in a circle" in str(error)
    assert "provincie-noord-holland" in str(error) and "politieregio-amsterdam" in str(error)


def test_missing_required_field(units: Units, data_dir: Path) -> None:
    _break(data_dir, "    area_wording: Gemeente Groningen\n", "")
    error = _error(units, data_dir)
    assert (error.entry, error.field) == ("#9 'gemeente-groningen'", "area_wording")
    assert "Field required" in str(error)


def test_an_entry_without_organisation_needs_a_note(units: Units, data_dir: Path) -> None:
    _break(data_dir, "      - organisation: MJD", "      - organisation: null")
    error = _error(units, data_dir)
    assert error.entry == "#9 'gemeente-groningen'"
    assert "needs a note" in str(error)


def test_wrong_target_group(units: Units, data_dir: Path) -> None:
    _break(data_dir, "target_group: under_23", "target_group: under_18")
    error = _error(units, data_dir)
    assert error.field == "contacts[0].target_group"
    assert "'all', 'under_23' or '23_plus'" in str(error)


def test_broken_fallback_file(units: Units, data_dir: Path) -> None:
    path = data_dir / "fallback.yaml"
    path.write_text(path.read_text().replace('"033 - 448 11 86"', '"call us"'))
    error = _error(units, data_dir)
    assert error.path == path
    assert error.field == "phones[0]"


def test_a_contact_without_organisation_or_phone_is_refused(units: Units,
                                                             data_dir: Path) -> None:
    path = _break(data_dir, '      - organisation: Fier\n        phones: ["058 - 215 70 84"]',
                  "      - organisation: null\n        phones: []")
    error = _error(units, data_dir)
    _assert_names(error, path, "organisation: null", "#5 'provincie-friesland'", "contacts[0]")
    assert "needs an organisation (or inferred_organisation) or a phone number" in str(error)


@pytest.mark.parametrize("spelling", ["Comensha", "COMENSHA", "Co Mensha", "Co-Mensha",
                                      "CoMensha helpdesk"])
def test_comensha_spelt_otherwise_is_refused(units: Units, data_dir: Path,
                                             spelling: str) -> None:
    path = _break(data_dir, "      - organisation: CoMensha\n        phones: [\"06-41",
                  f"      - organisation: {spelling}\n        phones: [\"06-41")
    error = _error(units, data_dir)
    _assert_names(error, path, f"organisation: {spelling}", "#14 'regio-oost-nederland-twente'",
                  "contacts[0].organisation")
    assert f"'{spelling}' names CoMensha with other letters" in str(error)


def test_comensha_spelt_otherwise_in_an_inferred_organisation(units: Units,
                                                              data_dir: Path) -> None:
    path = _break(data_dir, "        inferred_organisation: CoMensha",
                  "        inferred_organisation: comensha", snapshot="earlier")
    error = _error(units, data_dir)
    _assert_names(error, path, "inferred_organisation: comensha",
                  "#7 'ijsselland-police-region'", "contacts[0].inferred_organisation")


def test_comensha_number_under_another_name_is_refused(units: Units, data_dir: Path) -> None:
    # The national fallback's number, written another way, under a regional organisation.
    path = _break(data_dir, '"050 - 312 61 23"', '"+31 (0)33 4481186"')
    error = _error(units, data_dir)
    _assert_names(error, path, "+31 (0)33 4481186", "#9 'gemeente-groningen'",
                  "contacts[0].phones[0]")
    assert "(+31334481186) is CoMensha's number" in str(error)
    assert "under the organisation 'MJD'" in str(error)


def test_comensha_number_without_any_organisation_is_refused(units: Units,
                                                             data_dir: Path) -> None:
    path = _break(data_dir, "        inferred_organisation: CoMensha\n", "",
                  snapshot="earlier")
    error = _error(units, data_dir)
    assert (error.path, error.entry, error.field) == (
        path, "#7 'ijsselland-police-region'", "contacts[0].phones[0]")
    assert "is given without an organisation" in str(error)


def test_explicit_comensha_marker_is_accepted_and_counted(units: Units,
                                                          data_dir: Path) -> None:
    _break(data_dir, "      - organisation: CoMensha\n        phones: [\"06-41",
           "      - organisation: Comensha Twente\n        comensha: true\n"
           "        phones: [\"06-41")
    _break(data_dir, '      - organisation: Fier\n', '      - organisation: Fier\n'
           '        comensha: false\n')
    _break(data_dir, '"058 - 215 70 84"', '"033 - 448 11 86"')
    register = load_register(units, data_dir)
    twente = next(entry for entry in register.latest.entries
                  if entry.id == "regio-oost-nederland-twente")
    friesland = next(entry for entry in register.latest.entries
                     if entry.id == "provincie-friesland")
    assert twente.contacts[0].is_comensha and twente.is_comensha_only
    assert not friesland.contacts[0].is_comensha


def test_explicit_comensha_marker_needs_a_note(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "      - organisation: PMW Humanitas\n",
                  "      - organisation: PMW Humanitas\n        comensha: false\n")
    error = _error(units, data_dir)
    assert (error.path, error.entry) == (path, "#13 'gemeente-rotterdam'")
    assert "marked 'comensha' needs a note" in str(error)


def test_an_area_that_resolves_to_no_municipality_is_refused(units: Units,
                                                             data_dir: Path) -> None:
    path = _break(data_dir, "        - municipality: Rotterdam\n",
                  "        - municipality: Rotterdam\n      exclude:\n"
                  "        - safety_region: Rotterdam-Rijnmond\n")
    error = _error(units, data_dir)
    # The line of the area's value: its `include:`, just above Rotterdam.
    _assert_names(error, path, _line_of(path, "- municipality: Rotterdam") - 1,
                  "#13 'gemeente-rotterdam'", "area")
    assert "the area resolves to no municipality" in str(error)


def test_an_entry_for_one_age_group_only_is_valid(units: Units, data_dir: Path) -> None:
    _break(data_dir, "      - organisation: MJD\n",
           "      - organisation: MJD\n        target_group: 23_plus\n")
    register = load_register(units, data_dir)
    assert register.latest.entries[8].contacts[0].target_group == "23_plus"
