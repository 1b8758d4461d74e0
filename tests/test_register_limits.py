"""One set of limits (`coverage.limits`) for every way into the register: the schema, a YAML
import (also as `python -m coverage import`), and drafts saved and published all refuse an
over-long text, too many items, an invisible or control character and deeply nested YAML,
naming the file, line, entry and field; the seed data keeps well within them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from coverage import limits
from coverage.schema import Entry
from geodata import Units
from registry.accounts import Session
from registry.database import DATABASE_URL_VARIABLE
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.errors import RegisterError
from registry.yaml_register import DATA_DIR, load_register, snapshot_from_text
from registry.yaml_text import MAX_FILE_BYTES, too_deep
from tests.support.paths import REPOSITORY_ROOT
from tests.support.registers import ROTTERDAM, draft_stores, store_unchecked_draft
from tests.support.registers import line_of as _line_of
from tests.support.registers import load_error as _load_error

TEN_MB = 10 * 1024 * 1024
CURRENT = DATA_DIR / "snapshots" / "current.yaml"
FIER = "      - organisation: Fier\n"


def rotterdam() -> dict[str, Any]:
    """Rotterdam's entry in the seed, as plain data."""
    data = yaml.safe_load(CURRENT.read_text("utf-8"))
    return next(entry for entry in data["entries"] if entry["id"] == ROTTERDAM)


def refusal(data: dict[str, Any]) -> tuple[str, str]:
    """The field and message of the (first) problem that refuses `data` as an entry."""
    with pytest.raises(ValidationError) as caught:
        Entry.model_validate(data)
    first = caught.value.errors()[0]
    return ".".join(map(str, first["loc"])), first["msg"]


# --- the seed data ---------------------------------------------------------------------------

def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [value] if isinstance(value, str) else []


def test_the_seed_data_keeps_well_within_the_limits(units: Units) -> None:
    load_register(units)  # validates, limits included
    paths = [DATA_DIR / "fallback.yaml", *sorted((DATA_DIR / "snapshots").glob("*.yaml"))]
    for path in paths:
        data = yaml.safe_load(path.read_text("utf-8"))
        assert path.stat().st_size * 20 < limits.MAX_DOCUMENT_BYTES
        assert _depth(data) * 3 <= limits.MAX_NESTING_DEPTH
        assert max(map(len, _texts(data))) * 2 < limits.MAX_TEXT_CHARS
        assert all(limits.refused_character(text) is None for text in _texts(data))
        for entry in data.get("entries", []):
            assert len(entry.get("contacts", [])) * 5 <= limits.MAX_CONTACTS
            for contact in entry.get("contacts", []):
                assert len(contact.get("phones", [])) * 5 <= limits.MAX_PHONES
                assert len(contact.get("organisation") or "") * 4 < limits.MAX_NAME_CHARS
                assert all(len(phone) * 2 < limits.MAX_PHONE_CHARS
                           for phone in contact.get("phones", []))
            assert len(entry["id"]) * 2 < limits.MAX_ID_CHARS
        if "entries" in data:
            assert len(data["entries"]) * 10 < limits.MAX_ENTRIES


# --- the schema ------------------------------------------------------------------------------

@pytest.mark.parametrize("length", [limits.MAX_TEXT_CHARS + 1, TEN_MB])
def test_a_note_over_the_limit_is_refused_naming_the_field(length: int) -> None:
    data = rotterdam()
    data["note"] = {"nl": "Toelichting.", "en": "x" * length}
    field, message = refusal(data)
    assert field == "note.en"
    assert f"is {length:,} characters long; at most 2,000 are allowed here" in message


def test_a_note_at_the_limit_is_accepted() -> None:
    data = rotterdam()
    data["note"] = {"nl": "x" * limits.MAX_TEXT_CHARS, "en": "x" * limits.MAX_TEXT_CHARS}
    assert Entry.model_validate(data).note.en == "x" * limits.MAX_TEXT_CHARS


@pytest.mark.parametrize(("field", "value", "where"), [
    ("organisation", "x" * 201, "contacts.0.organisation"),
    ("target_group_wording", "x" * 201, "contacts.0.target_group_wording"),
    ("phones", ["0" * 41], "contacts.0.phones.0"),
    ("phones", ["010-1234567"] * 11, "contacts.0.phones"),
])
def test_contact_fields_over_their_limits(field: str, value: Any, where: str) -> None:
    data = rotterdam()
    data["contacts"][0][field] = value
    assert refusal(data)[0] == where
    assert "at most" in refusal(data)[1]


def test_too_many_contacts_units_and_a_long_id() -> None:
    data = rotterdam()
    data["contacts"] = data["contacts"] * (limits.MAX_CONTACTS + 1)
    assert refusal(data)[0] == "contacts"
    data = rotterdam()
    data["area"]["include"] = data["area"]["include"] * (limits.MAX_AREA_UNITS + 1)
    assert refusal(data)[0] == "area.include"
    data = rotterdam()
    data["id"] = "a" * 101
    assert refusal(data)[0] == "id"


@pytest.mark.parametrize(("char", "name"), [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE"),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK"),
    ("\u061c", "U+061C ARABIC LETTER MARK"),
    ("\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", "U+00AD SOFT HYPHEN"),
    ("\u2028", "U+2028 LINE SEPARATOR"),
    ("\x1b", "U+001B (a control character)"),
])
def test_invisible_and_control_characters_are_refused_by_name(char: str, name: str) -> None:
    data = rotterdam()
    data["contacts"][0]["organisation"] = f"Gemeente {char}Rotterdam"
    field, message = refusal(data)
    assert field == "contacts.0.organisation"
    assert f"contains {name} (character 10), an invisible character; remove it" in message


@pytest.mark.parametrize("where", ["area_wording", "note", "phone", "unit"])
def test_a_bidi_override_is_refused_in_every_kind_of_text(where: str) -> None:
    data = rotterdam()
    if where == "area_wording":
        data["area_wording"] += "\u202e"
    elif where == "note":
        data["note"] = {"nl": "Toelichting\u202e.", "en": "Note."}
    elif where == "phone":
        data["contacts"][0]["phones"] = ["010 - 236 52 12\u202e"]
    else:
        data["area"]["include"] = [{"municipality": "Rotterdam\u202e"}]
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in refusal(data)[1]


def test_new_lines_and_tabs_stay_allowed() -> None:
    data = rotterdam()
    data["note"] = {"nl": "Eerste regel.\nTweede\tregel.", "en": "One.\nTwo."}
    assert Entry.model_validate(data).note.nl.count("\n") == 1


# --- YAML files ------------------------------------------------------------------------------

def _write_current(data_dir: Path, old: str, new: str) -> Path:
    path = data_dir / "snapshots" / "current.yaml"
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize("written", ["Fier\u202e", '"Fier\\u202E"'])
def test_a_bidi_override_in_a_file_names_file_line_entry_and_field(
        units: Units, data_dir: Path, written: str) -> None:
    path = _write_current(data_dir, FIER, f"      - organisation: {written}\n")
    error = _load_error(units, data_dir)
    assert (error.path, error.line, error.entry, error.field) == (
        path, _line_of(path, "organisation: " + written), "#5 'provincie-friesland'",
        "contacts[0].organisation")
    assert "contains U+202E RIGHT-TO-LEFT OVERRIDE (character 5)" in error.message


def test_a_note_over_the_limit_in_a_file_names_the_field(units: Units, data_dir: Path) -> None:
    long_note = "x" * (limits.MAX_TEXT_CHARS + 1)
    path = _write_current(data_dir, "Friesland is de provincie Fryslân (de officiële naam), die "
                                    "veiligheidsregio VR02 vormt.", long_note)
    error = _load_error(units, data_dir)
    assert (error.entry, error.field) == ("#5 'provincie-friesland'", "note.nl")
    assert error.line == _line_of(path, long_note) - 1  # the line of `nl: >-`
    assert "is 2,001 characters long; at most 2,000 are allowed here" in error.message


def _deeply_nested(count: int) -> str:
    return "{a: " * count + "1" + "}" * count


def test_ten_thousand_nested_mappings_are_refused_with_the_line(units: Units,
                                                                data_dir: Path) -> None:
    path = _write_current(data_dir, FIER, f"      - organisation: {_deeply_nested(10_000)}\n")
    error = _load_error(units, data_dir)
    assert (error.path, error.line, error.entry) == (
        path, _line_of(path, "organisation: {a: {a:"), "#5 'provincie-friesland'")
    assert "nested more than 20 deep" in error.message


def test_block_nesting_beyond_the_depth_is_refused_at_its_line(units: Units,
                                                               data_dir: Path) -> None:
    deep = "".join(f"{'  ' * (level + 4)}k{level}:\n" for level in range(30))
    path = _write_current(data_dir, FIER, FIER + "        extra:\n" + deep + "          x\n")
    error = _load_error(units, data_dir)
    assert error.path == path
    assert error.line == _line_of(path, "k16:")  # the 21st mapping
    assert error.entry == "#5 'provincie-friesland'"
    assert too_deep(path.read_text("utf-8")) == error.line


def test_nesting_within_the_depth_is_left_to_the_schema(units: Units, data_dir: Path) -> None:
    _write_current(data_dir, FIER, f"      - organisation: {_deeply_nested(10)}\n")
    error = _load_error(units, data_dir)
    assert error.field == "contacts[0].organisation"
    assert "valid string" in error.message


# --- the command line ------------------------------------------------------------------------

def _import(database: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coverage", "import", str(path)],
                          capture_output=True, text=True, cwd=REPOSITORY_ROOT, timeout=120,
                          env={**os.environ, DATABASE_URL_VARIABLE: database}, check=False)


def test_the_import_refuses_deep_nesting_in_one_line(sqlite_url: str, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(CURRENT.read_text("utf-8").replace(
        FIER, f"      - organisation: {_deeply_nested(10_000)}\n"), "utf-8")
    result = _import(sqlite_url, path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"error: {path}:{_line_of(path, 'organisation: {a:')}, entry #5 'provincie-friesland': "
        "mappings and lists nested more than 20 deep (a register file needs 6)"]


def test_the_import_refuses_a_bidi_override_and_a_long_note(sqlite_url: str,
                                                            tmp_path: Path) -> None:
    bidi = tmp_path / "bidi.yaml"
    bidi.write_text(CURRENT.read_text("utf-8").replace(
        FIER, "      - organisation: Fier\u202e\n"), "utf-8")
    result = _import(sqlite_url, bidi)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {bidi}:{_line_of(bidi, 'organisation: Fier')}, entry #5 'provincie-friesland', "
        "field 'contacts[0].organisation': contains U+202E RIGHT-TO-LEFT OVERRIDE (character "
        "5), an invisible character; remove it"]
    assert "\u202e" not in result.stderr  # never printed: it would reverse the terminal's line

    long_note = tmp_path / "long.yaml"
    long_note.write_text(CURRENT.read_text("utf-8").replace(
        "Friesland is de provincie Fryslân (de officiële naam), die veiligheidsregio VR02 "
        "vormt.", "x" * 2001), "utf-8")
    result = _import(sqlite_url, long_note)
    assert result.returncode == 1
    assert "entry #5 'provincie-friesland', field 'note.nl': is 2,001 characters long" in (
        result.stderr)
    assert "Traceback" not in result.stderr


# --- drafts ----------------------------------------------------------------------------------

@pytest.fixture
def stores(sqlite_url: str, units: Units) -> tuple[DraftStore, Session, Session]:
    """The draft store on a seeded SQLite database, an editor's and a publisher's session."""
    return draft_stores(sqlite_url, units)


def rotterdam_yaml(drafts: DraftStore, **changes: Any) -> str:
    """Rotterdam's entry in version 2 as YAML, with top-level fields changed."""
    data = yaml.safe_load(entry_of(drafts.versions.texts(2)[0], ROTTERDAM))
    data.update(changes)
    return entry_text(data)


def _save(drafts: DraftStore, editor: Session, text: str, **more: Any) -> RegisterError:
    with pytest.raises(RegisterError) as caught:
        drafts.save(editor, entry_id=ROTTERDAM, action="change", entry_yaml=text, base=2, **more)
    return caught.value


def test_a_draft_with_a_note_over_the_limit_is_not_saved(stores) -> None:
    drafts, editor, _ = stores
    error = _save(drafts, editor, rotterdam_yaml(
        drafts, note={"nl": "Toelichting.", "en": "x" * (limits.MAX_TEXT_CHARS + 1)}))
    assert (error.entry, error.field) == (f"#13 '{ROTTERDAM}'", "note.en")
    assert "is 2,001 characters long" in error.message
    huge = _save(drafts, editor, rotterdam_yaml(drafts, note={"nl": "x" * TEN_MB, "en": "x"}))
    assert f"larger than {MAX_FILE_BYTES:,} bytes" in huge.message
    assert drafts.drafts(editor) == []


def test_a_draft_with_a_bidi_override_or_a_long_comment_is_not_saved(stores) -> None:
    drafts, editor, _ = stores
    data = yaml.safe_load(rotterdam_yaml(drafts))
    data["contacts"][0]["organisation"] = "Gemeente Rotterdam\u202e"
    error = _save(drafts, editor, entry_text(data))
    assert (error.entry, error.field) == (f"#13 '{ROTTERDAM}'", "contacts[0].organisation")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in error.message
    comment = _save(drafts, editor, rotterdam_yaml(drafts), comment="x" * 501)
    assert comment.field == "comment" and "at most 500" in comment.message
    assert drafts.drafts(editor) == []


def test_a_draft_over_the_limits_is_not_published(stores) -> None:
    drafts, _, publisher = stores
    draft_id = store_unchecked_draft(drafts, rotterdam_yaml(
        drafts, note={"nl": "x" * (limits.MAX_TEXT_CHARS + 1), "en": "x"}))
    with pytest.raises(RegisterError) as caught:
        drafts.publish(publisher, draft_id)
    assert caught.value.field == "note.nl"
    assert drafts.versions.newest_number() == 2
    assert drafts.draft(publisher, draft_id).published_version is None


def test_a_draft_nested_too_deep_is_refused_with_its_entry(stores) -> None:
    drafts, editor, _ = stores
    text = rotterdam_yaml(drafts).replace("area_wording: ",
                                          f"area_wording: {_deeply_nested(10_000)}\n# ", 1)
    error = _save(drafts, editor, text)
    assert error.entry == f"#13 '{ROTTERDAM}'"
    assert "nested more than 20 deep" in error.message


def test_a_document_over_the_size_limit_is_refused_whatever_its_origin(units: Units) -> None:
    text = CURRENT.read_text("utf-8") + "#" * MAX_FILE_BYTES
    with pytest.raises(RegisterError, match="document is larger than 1,000,000 bytes"):
        snapshot_from_text(text, Path("composed"), units)


# --- versions published before the limits ---------------------------------------------------

def publish_unchecked(drafts: DraftStore, units: Units, entry_yaml: str) -> int:
    """Publish Rotterdam's entry as given without the limits, as a version published before
    them was; returns its number."""
    from registry.documents import document_from_texts
    from registry.entry_yaml import with_entry

    snapshot_yaml, fallback_yaml = drafts.versions.texts(2)
    document = document_from_texts(with_entry(snapshot_yaml, ROTTERDAM, entry_yaml),
                                   fallback_yaml, units, snapshot_name=Path("old"),
                                   fallback_name=Path("old"), published=True)
    return drafts.versions.publish(document, author="old", comment="before the limits",
                                   base=2).number


def test_a_version_over_the_limits_is_read_and_can_be_replaced(stores, units: Units,
                                                               sqlite_url: str,
                                                               tmp_path: Path) -> None:
    drafts, editor, publisher = stores
    long_note = {"nl": "x" * TEN_MB, "en": "Note."}
    number = publish_unchecked(drafts, units, rotterdam_yaml(drafts, note=long_note))
    from registry.versions import read_document

    assert read_document(drafts.versions, number, units).snapshot.entries[12].note == (
        Entry.model_validate({**rotterdam(), "note": long_note},
                             context={"published": True}).note)
    with pytest.raises(RegisterError) as caught:  # what is written keeps the limits
        read_document(drafts.versions, number, units, published=False)
    assert "larger than 1,000,000 bytes" in caught.value.message

    reverted = subprocess.run([sys.executable, "-m", "coverage", "revert", str(number),
                               "--comment", "back"], capture_output=True, text=True,
                              cwd=REPOSITORY_ROOT, timeout=120, check=False,
                              env={**os.environ, DATABASE_URL_VARIABLE: sqlite_url})
    assert reverted.returncode == 1 and "Traceback" not in reverted.stderr
    assert f"version {number} (snapshot): the document is larger than" in reverted.stderr

    fixed = drafts.save(editor, entry_id=ROTTERDAM, action="change", base=number,
                        entry_yaml=rotterdam_yaml(drafts, note={"nl": "Kort.", "en": "Short."}))
    assert drafts.publish(publisher, fixed.id).number == number + 1
    assert read_document(drafts.versions, number + 1, units, published=False)
