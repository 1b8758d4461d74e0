"""The register's own texts come in Dutch and English, and sources are cited, not pointed at:
a missing language or a file path fails with a message naming file, line, entry and field."""

from __future__ import annotations

from pathlib import Path

from coverage.register import Register
from geodata import Units
from registry.yaml_register import load_register
from tests.support.registers import assert_names as _assert_names
from tests.support.registers import break_snapshot as _break
from tests.support.registers import line_of as _line_of
from tests.support.registers import load_error as _error

FRIESLAND_NL = ("      nl: >-\n"
                "        Friesland is de provincie Fryslân (de officiële naam), die"
                " veiligheidsregio VR02 vormt.\n")
FRIESLAND_EN = ("      en: >-\n"
                "        Friesland is the province Fryslân (its official name), which is safety"
                " region VR02.\n")


def test_a_note_without_dutch_is_refused(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, FRIESLAND_NL, "")
    error = _error(units, data_dir)
    # The line of the note's value: its `en:`, the first key left under `note:`.
    _assert_names(error, path, _line_of(path, "Friesland is the province Fryslân") - 1,
                  "#5 'provincie-friesland'", "note.nl")
    assert "Field required" in str(error)


def test_a_note_without_english_is_refused(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, FRIESLAND_EN, "")
    error = _error(units, data_dir)
    _assert_names(error, path, _line_of(path, "Friesland is de provincie Fryslân") - 1,
                  "#5 'provincie-friesland'", "note.en")
    assert "Field required" in str(error)


def test_a_note_in_one_language_only_is_refused(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "    note:\n" + FRIESLAND_NL + FRIESLAND_EN,
                  "    note: Friesland is the province Fryslân.\n")
    error = _error(units, data_dir)
    _assert_names(error, path, "note: Friesland is the province", "#5 'provincie-friesland'",
                  "note")
    assert "give this text in both languages, as {nl: ..., en: ...}" in str(error)


def test_a_misspelt_language_key_in_a_date_note_is_named(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "    en: >-\n      The page carries no date. It is older", "    x: >-\n"
                  "      The page carries no date. It is older", "earlier")
    error = _error(units, data_dir)
    assert (error.path, error.entry, error.field) == (path, None, "source.date_note.x")
    assert "unknown field 'x'" in str(error)


def test_the_fallback_description_needs_both_languages(units: Units, data_dir: Path) -> None:
    path = data_dir / "fallback.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  nl: >-\n    Landelijk")
    end = text.index("  en: >-\n    Landelijk")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    error = _error(units, data_dir)
    assert (error.path, error.field) == (path, "description.nl")
    assert error.line == _line_of(path, "description:") + 1


def test_a_source_given_as_a_file_path_is_refused(units: Units, data_dir: Path) -> None:
    path = _break(data_dir, "  address: Wegwijzer Mensenhandel",
                  "  address: shared/seeds/001_8848eff046b8129d.txt")
    error = _error(units, data_dir)
    assert (error.path, error.field) == (path, "source.address")
    assert error.line == _line_of(path, "address: shared/seeds")
    assert "never a file path" in str(error)


def test_an_undated_source_must_say_what_is_known_of_the_date(units: Units,
                                                              data_dir: Path) -> None:
    path = data_dir / "snapshots" / "current.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  date_note:\n"), text.index("sequence: 2")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    error = _error(units, data_dir)
    assert (error.path, error.field) == (path, "source")
    assert "give the date, or 'date: null' with a date_note saying why" in str(error)


def test_a_dated_source_needs_no_date_note(units: Units, data_dir: Path) -> None:
    path = data_dir / "snapshots" / "current.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  date: null\n"), text.index("sequence: 2")
    path.write_text(text[:start] + "  date: 2024-03-01\n" + text[end:], encoding="utf-8")
    current = load_register(units, data_dir).latest
    assert current.date is not None and current.date.isoformat() == "2024-03-01"
    assert current.source.date_note is None


def test_every_text_of_the_register_is_in_both_languages_and_cites_no_file(
        register: Register) -> None:
    for snapshot in register.snapshots.values():
        assert snapshot.title.nl != snapshot.title.en
        assert "/" not in snapshot.source.address
        assert snapshot.source.date_note is not None
        for entry in snapshot.entries:
            if entry.note:
                assert entry.note.nl != entry.note.en, entry.id
                for text in (entry.note.nl, entry.note.en):
                    assert "shared/" not in text and ".txt" not in text, entry.id
    assert [source.address for source in register.fallback.sources] == [
        "Wegwijzer Mensenhandel", "CoMensha"]


def test_no_note_leans_on_another_note(register: Register) -> None:
    """A note stands alone: it may name another entry, but never sends the reader there."""
    for snapshot in register.snapshots.values():
        for entry in snapshot.entries:
            if entry.note:
                for phrase in ("see there", "(see ", "zie daar", "(zie "):
                    assert phrase not in entry.note.en + entry.note.nl, (entry.id, phrase)
