"""The edit page keeps the register's limits (`coverage.limits`): every text field holds at most
its limit (a longer value, typed, pasted or sent, never reaches the session), an invisible
character is refused naming the field, and a draft saved before a limit is refused at publishing
with the field named instead of an exception."""

from __future__ import annotations

import pytest
import yaml

from coverage import limits
from geodata import load_units
from registry.accounts import AccountStore
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.store import open_store
from tests.page_text import texts
from tests.test_edit_page import database, open_page, publish, sign_in  # noqa: F401 (a fixture)
from tests.test_register_limits import store_unchecked_draft
from ui.edit.form import FIELD_LIMITS, key

FIFTEEN_MB = 15 * 1024 * 1024


def _rotterdam(name: str = "anna"):
    app = sign_in(open_page(), name)
    app.selectbox(key="edit_entry").select("gemeente-rotterdam").run()
    assert not app.exception, app.exception
    return app


def _field(app, widget_key: str):
    """The text input or text area of `widget_key`."""
    boxes = [box for box in [*app.text_input, *app.text_area] if box.key == widget_key]
    assert len(boxes) == 1, widget_key
    return boxes[0]


FIELDS = {
    key("area_wording"): limits.MAX_TEXT_CHARS,
    key("note_nl"): limits.MAX_TEXT_CHARS,
    key("note_en"): limits.MAX_TEXT_CHARS,
    key("contact", 0, "organisation"): limits.MAX_NAME_CHARS,
    key("contact", 0, "inferred_organisation"): limits.MAX_NAME_CHARS,
    key("contact", 0, "target_group_wording"): limits.MAX_NAME_CHARS,
    key("contact", 0, "phones"): FIELD_LIMITS["phones"],
    key("include"): FIELD_LIMITS["include"],
    key("exclude"): FIELD_LIMITS["exclude"],
    "edit_comment": limits.MAX_COMMENT_CHARS,
}


def test_every_field_holds_at_most_its_limit(database: str) -> None:  # noqa: F811
    app = _rotterdam()
    for widget_key, limit in FIELDS.items():
        field = _field(app, widget_key)
        assert field.max_chars == limit, widget_key
        before = field.value
        field.input("x" * (limit + 1)).run()  # as the browser does: a longer paste is refused
        assert _field(app, widget_key).value == before, widget_key
    assert "At most 2,000 characters" in _field(app, key("note_en")).help


def test_a_fifteen_megabyte_value_never_reaches_the_session(database: str) -> None:  # noqa: F811
    app = _rotterdam()
    _field(app, key("note_en")).set_value("x" * FIFTEEN_MB).run()  # sent past the browser
    assert not app.exception
    assert len(app.session_state[key("note_en")]) == limits.MAX_TEXT_CHARS
    assert len(_field(app, key("note_en")).value) == limits.MAX_TEXT_CHARS


def test_the_limits_are_exactly_what_the_register_takes(database: str) -> None:  # noqa: F811
    app = _rotterdam()
    _field(app, key("note_nl")).input("n" * limits.MAX_TEXT_CHARS).run()
    _field(app, key("note_en")).input("e" * limits.MAX_TEXT_CHARS).run()
    assert texts(app, "success") == ["The area keeps the register's rules."]
    assert not app.button(key="save_draft").disabled


def test_a_bidi_override_is_refused_naming_the_field(database: str) -> None:  # noqa: F811
    app = _rotterdam()
    _field(app, key("contact", 0, "organisation")).input("Gemeente Rotterdam\u202e").run()
    (error,) = texts(app, "error")
    assert error == ("Not valid yet: contacts[0].organisation: contains U+202E RIGHT-TO-LEFT "
                     "OVERRIDE (character 19), an invisible character; remove it")
    assert app.button(key="save_draft").disabled


def test_a_zero_width_space_in_the_comment_is_refused_at_saving(database: str) -> None:  # noqa: F811
    app = _rotterdam()
    _field(app, "edit_comment").input("nieuw\u200b nummer").run()
    app.button(key="save_draft").click().run()
    assert not app.exception
    assert ("Not valid yet: comment: contains U+200B ZERO WIDTH SPACE (character 6), an "
            "invisible character; remove it") in texts(app, "error")
    assert not [line for line in texts(app, "success") if line.startswith("Draft")]


def test_a_draft_over_the_limits_is_not_published(database: str) -> None:  # noqa: F811
    versions = open_store(database)
    drafts = DraftStore(versions, AccountStore(versions.engine), load_units())
    data = yaml.safe_load(entry_of(versions.texts(2)[0], "gemeente-rotterdam"))
    data["note"] = {"nl": "x" * (limits.MAX_TEXT_CHARS + 1), "en": "Note."}
    draft_id = store_unchecked_draft(drafts, entry_text(data))
    publisher = sign_in(open_page(), "piet")
    publish(publisher, draft_id)  # confirmed: the store refuses it
    assert not publisher.exception
    assert texts(publisher, "error") == [
        "Not published: the draft breaks the register's rules: note.nl: is 2,001 characters "
        "long; at most 2,000 are allowed here"]
    assert versions.newest_number() == 2


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_limit_is_said_in_the_page_language(database: str, language: str) -> None:  # noqa: F811
    app = sign_in(open_page(language), "anna")
    app.selectbox(key="edit_entry").select("gemeente-rotterdam").run()
    expected = {"nl": "Ten hoogste 2.000 tekens", "en": "At most 2,000 characters"}[language]
    assert expected in _field(app, key("note_nl")).help
