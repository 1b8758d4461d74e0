"""Drafts and publishing on SQLite and PostgreSQL (`database_url`): the role is checked at the
function that writes, a draft is validated by the register's rules, a publisher publishes with
the account recorded, and a conflicting publish keeps both texts and reports the difference."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coverage.engine import Coverage
from coverage.entry_effect import entry_effect
from geodata import Units
from registry.accounts import NotAllowedError, NotSignedInError, Session
from registry.drafts import DraftConflictError, entry_of
from registry.entry_yaml import entry_data, entry_text, with_entry
from registry.errors import RegisterError
from registry.versions import read_document
from registry.yaml_register import DATA_DIR, load_register, snapshot_from_text
from tests.support.registers import ROTTERDAM, rotterdam_with


def test_every_entry_round_trips_through_its_yaml(units: Units) -> None:
    register = load_register(units)
    text = (DATA_DIR / "snapshots" / "current.yaml").read_text("utf-8")
    for entry in register.latest.entries:
        edited = with_entry(text, entry.id, entry_text(entry_data(entry)))
        assert snapshot_from_text(edited, Path("x"), units, register.fallback) == register.latest
    removed = with_entry(text, ROTTERDAM, None)
    assert ROTTERDAM not in {entry.id for entry in snapshot_from_text(
        removed, Path("x"), units, register.fallback).entries}
    assert removed.splitlines()[:3] == text.splitlines()[:3]  # comments kept


def test_anonymous_cannot_save_list_or_publish(stores) -> None:
    drafts, editor, _ = stores
    with pytest.raises(NotSignedInError):
        drafts.save(None, entry_id=ROTTERDAM, action="change",
                    entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    with pytest.raises(NotSignedInError):
        drafts.drafts(None)
    draft = drafts.save(editor, entry_id=ROTTERDAM, action="change",
                        entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    with pytest.raises(NotSignedInError):
        drafts.publish(None, draft.id)
    assert drafts.versions.newest_number() == 2


def test_an_editor_saves_a_draft_but_cannot_publish(stores) -> None:
    drafts, editor, _ = stores
    draft = drafts.save(editor, entry_id=ROTTERDAM, action="change",
                        entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2,
                        comment="new number")
    assert (draft.author, draft.base_version, draft.published_version) == ("anna", 2, None)
    assert [each.id for each in drafts.drafts(editor)] == [draft.id]
    with pytest.raises(NotAllowedError):
        drafts.publish(editor, draft.id)
    with pytest.raises(NotAllowedError):  # claiming the role does not give it
        drafts.publish(Session("anna", "publisher", editor.token), draft.id)
    assert drafts.versions.newest_number() == 2


def test_a_publisher_publishes_with_the_account_recorded(stores, units: Units) -> None:
    drafts, editor, publisher = stores
    draft = drafts.save(editor, entry_id=ROTTERDAM, action="change",
                        entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    info = drafts.publish(publisher, draft.id, "Rotterdam's new number")
    assert (info.number, info.parent, info.published_by) == (3, 2, "piet")
    document = read_document(drafts.versions, 3, units)
    (rotterdam,) = [e for e in document.snapshot.entries if e.id == ROTTERDAM]
    assert [phone.e164 for phone in rotterdam.contacts[0].phones] == ["+31101234567"]
    assert document.snapshot_yaml.startswith("# The current overview")  # comments kept
    published = drafts.drafts(editor, unpublished_only=False)[0]
    assert (published.published_version, published.published_by) == (3, "piet")
    assert drafts.drafts(editor) == []


def test_a_draft_that_breaks_the_rules_is_refused_naming_the_field(stores) -> None:
    drafts, editor, _ = stores
    with pytest.raises(RegisterError) as refused:
        drafts.save(editor, entry_id=ROTTERDAM, action="change",
                    entry_yaml=rotterdam_with(drafts, "not a number"), base=2)
    assert refused.value.field == "contacts[0].phones[0]"
    assert refused.value.entry and ROTTERDAM in refused.value.entry
    assert drafts.drafts(editor) == []


def test_a_conflicting_publish_keeps_both_texts_and_reports_the_difference(stores) -> None:
    drafts, editor, publisher = stores
    mine = drafts.save(editor, entry_id=ROTTERDAM, action="change",
                       entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    theirs = drafts.save(publisher, entry_id=ROTTERDAM, action="change",
                         entry_yaml=rotterdam_with(drafts, "010-7654321"), base=2)
    drafts.publish(publisher, theirs.id)
    with pytest.raises(DraftConflictError) as conflict:
        drafts.publish(publisher, mine.id)
    found = conflict.value.conflict
    assert (found.newest, found.changed, found.added, found.removed) == (3, [ROTTERDAM], [], [])
    assert "010-7654321" in found.newest_text and "010-1234567" in found.draft_text
    assert any(line.startswith("-") and "010-7654321" in line for line in found.text_diff)
    assert any(line.startswith("+") and "010-1234567" in line for line in found.text_diff)
    assert drafts.versions.newest_number() == 3  # nothing published
    kept = drafts.draft(editor, mine.id)
    assert kept == mine  # the draft is kept as it was
    rebased = drafts.rebase(editor, mine.id)
    assert rebased.base_version == 3 and rebased.entry_yaml == mine.entry_yaml
    assert drafts.publish(publisher, mine.id).number == 4


def test_adding_and_removing_an_entry(stores, units: Units) -> None:
    drafts, editor, publisher = stores
    data = yaml.safe_load(entry_of(drafts.versions.texts(2)[0], ROTTERDAM))
    data.update(id="gemeente-zwolle", area_wording="Gemeente Zwolle",
                area={"include": [{"municipality": "Zwolle"}]})
    added = drafts.save(editor, entry_id="gemeente-zwolle", action="add",
                        entry_yaml=entry_text(data), base=2)
    drafts.publish(publisher, added.id)
    with pytest.raises(RegisterError, match="exists already"):
        drafts.save(editor, entry_id="gemeente-zwolle", action="add",
                    entry_yaml=entry_text(data), base=3)
    removed = drafts.save(editor, entry_id=ROTTERDAM, action="remove", entry_yaml=None, base=3)
    drafts.publish(publisher, removed.id)
    ids = [entry.id for entry in read_document(drafts.versions, 4, units).snapshot.entries]
    assert "gemeente-zwolle" in ids and ROTTERDAM not in ids


def test_the_effect_of_an_edit(stores, units: Units) -> None:
    drafts, _, _ = stores
    before_document = read_document(drafts.versions, 2, units)
    before = Coverage(before_document.snapshot, before_document.fallback, units)
    data = yaml.safe_load(entry_of(before_document.snapshot_yaml, ROTTERDAM))
    data["area"]["include"].append({"municipality": "Dordrecht"})
    document = drafts.compose(ROTTERDAM, entry_text(data), 2)
    effect = entry_effect(before, Coverage(document.snapshot, document.fallback, units),
                          ROTTERDAM)
    assert effect.verdict.finding.kind == "cuts_border"
    assert {region.code for region in effect.verdict.cut_regions} == {"VR17", "VR18"}
    assert effect.changes[["name", "status_before", "status_after"]].values.tolist() == [
        ["Dordrecht", "fallback", "coordinator"]]
    assert (effect.counts_after["coordinator"].municipalities
            == effect.counts_before["coordinator"].municipalities + 1)
    assert (effect.counts_after["fallback"].municipalities
            == effect.counts_before["fallback"].municipalities - 1)
    removal = drafts.compose(ROTTERDAM, None, 2, "remove")
    gone = entry_effect(before, Coverage(removal.snapshot, removal.fallback, units), ROTTERDAM)
    assert gone.removed and list(gone.changes["name"]) == ["Rotterdam"]
    assert (gone.counts_after["coordinator"].municipalities
            == gone.counts_before["coordinator"].municipalities - 1)
