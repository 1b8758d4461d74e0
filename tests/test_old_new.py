"""Old -> new per changed contact (`coverage.old_new`): every field that differs, contacts
matched by organisation, added and removed contacts and entries, and the municipalities whose
answer changes; the same lines in `python -m coverage import`'s review."""

from __future__ import annotations

import yaml

from coverage.engine import Coverage
from coverage.old_new import entry_changes, old_new_lines
from geodata import Units
from registry.yaml_register import DATA_DIR, load_register, snapshot_from_text

CURRENT = DATA_DIR / "snapshots" / "current.yaml"


def edited(units: Units, change) -> tuple[Coverage, Coverage]:
    """The current overview before and after `change(entries by id)` on its YAML data."""
    register = load_register(units)
    before = Coverage(register.snapshots["current"], register.fallback, units)
    data = yaml.safe_load(CURRENT.read_text("utf-8"))
    change({entry["id"]: entry for entry in data["entries"]}, data)
    snapshot = snapshot_from_text(yaml.safe_dump(data, allow_unicode=True), CURRENT, units,
                                  register.fallback)
    return before, Coverage(snapshot, register.fallback, units)


def test_a_new_number_is_one_field_old_to_new_with_the_municipalities(units: Units) -> None:
    def change(entries, _):
        entries["gemeente-rotterdam"]["contacts"][0]["phones"] = ["010-1234567"]

    (entry,) = entry_changes(*edited(units, change))
    assert (entry.entry_id, entry.kind, entry.fields) == ("gemeente-rotterdam", "changed", ())
    (contact,) = entry.contacts
    assert contact.kind == "changed"
    (field,) = contact.fields
    assert (field.field, field.old, field.new) == ("phones", ("010-2365212",),
                                                  ("010-1234567",))
    assert entry.municipalities == (("GM0599", "Rotterdam"),)


def test_every_field_of_a_contact_and_the_entry(units: Units) -> None:
    def change(entries, _):
        entry = entries["provincie-friesland"]
        entry["area_wording"] = "Friesland"
        contact = entry["contacts"][0]
        contact["organisation"] = "Fier Fryslân"
        contact["phones"] = ["058 - 215 70 85", "06-12345678"]
        contact["target_group"] = "23_plus"

    (entry,) = entry_changes(*edited(units, change))
    assert [(f.field, f.new) for f in entry.fields] == [("area_wording", ("Friesland",))]
    (contact,) = entry.contacts  # renamed: matched in order, not removed and added
    assert contact.organisation == "Fier Fryslân"
    assert {f.field: (f.old, f.new) for f in contact.fields} == {
        "organisation": (("Fier",), ("Fier Fryslân",)),
        "target_group": (("all",), ("23_plus",)),
        "phones": (("058 - 215 70 84",), ("058 - 215 70 85", "06-12345678")),
    }
    assert len(entry.municipalities) == 18  # partly covered now: every answer changes


def test_reordered_contacts_change_nothing_and_added_ones_show(units: Units) -> None:
    def change(entries, _):
        contacts = entries["noord-oost-gelderland-en-achterhoek"]["contacts"]
        contacts.reverse()

    assert entry_changes(*edited(units, change)) == []

    def add(entries, _):
        entries["gemeente-rotterdam"]["contacts"].append(
            {"organisation": "Extra", "phones": ["010-7654321"]})

    (entry,) = entry_changes(*edited(units, add))
    assert [(c.kind, c.organisation) for c in entry.contacts] == [("added", "Extra")]
    assert {f.field: f.new for f in entry.contacts[0].fields} == {
        "organisation": ("Extra",), "target_group": ("all",), "phones": ("010-7654321",)}


def test_a_removed_entry_names_every_municipality_that_falls_back(units: Units) -> None:
    def remove(_, data):
        data["entries"] = [e for e in data["entries"] if e["id"] != "gemeente-rotterdam"]

    (entry,) = entry_changes(*edited(units, remove))
    assert (entry.kind, entry.municipalities) == ("removed", (("GM0599", "Rotterdam"),))
    assert [c.kind for c in entry.contacts] == ["removed"]
    lines = old_new_lines([entry])
    assert lines[0] == "  - gemeente-rotterdam (removed)"
    assert "      phones: 010-2365212 -> (none)" in lines
    assert lines[-1] == "    answer changes in 1 municipality: Rotterdam"

