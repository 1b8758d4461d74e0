"""The four-eyes rule in `DraftStore.publish` (SQLite and PostgreSQL): with it on, a publisher
cannot publish a draft they saved themselves, another publisher can; off, anyone with the role
can; the setting comes from `COVERAGE_FOUR_EYES` unless the store is given one."""

from __future__ import annotations

import pytest

from geodata import Units
from registry.accounts import AccountStore
from registry.drafts import FOUR_EYES_VARIABLE, DraftStore, OwnDraftError
from tests.support.registers import PASSWORD, ROTTERDAM, rotterdam_with, seeded_accounts


@pytest.fixture
def people(database_url: str, units: Units) -> tuple[DraftStore, AccountStore]:
    """A seeded database with two publishers (piet, klaas) and an editor (anna)."""
    versions, accounts = seeded_accounts(
        database_url, units, {"anna": "editor", "piet": "publisher", "klaas": "publisher"})
    return DraftStore(versions, accounts, units, four_eyes=True), accounts


def test_a_publisher_cannot_publish_their_own_draft_but_another_can(people) -> None:
    drafts, accounts = people
    piet, klaas = accounts.sign_in("piet", PASSWORD), accounts.sign_in("klaas", PASSWORD)
    own = drafts.save(piet, entry_id=ROTTERDAM, action="change",
                      entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    assert not drafts.may_publish(piet, own) and drafts.may_publish(klaas, own)
    with pytest.raises(OwnDraftError) as refused:
        drafts.publish(piet, own.id)
    assert str(refused.value) == ("draft 1 was saved by piet: under the four-eyes rule another "
                                  "publisher must publish it")
    assert isinstance(refused.value, PermissionError)
    assert drafts.versions.newest_number() == 2
    assert drafts.draft(piet, own.id).published_version is None
    assert drafts.publish(klaas, own.id).number == 3


def test_an_editors_draft_is_published_by_any_publisher(people) -> None:
    drafts, accounts = people
    anna = accounts.sign_in("anna", PASSWORD)
    draft = drafts.save(anna, entry_id=ROTTERDAM, action="change",
                        entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    assert drafts.publish(accounts.sign_in("piet", PASSWORD), draft.id).number == 3


def test_changing_anothers_draft_makes_it_ones_own(people) -> None:
    drafts, accounts = people
    anna, piet = accounts.sign_in("anna", PASSWORD), accounts.sign_in("piet", PASSWORD)
    draft = drafts.save(anna, entry_id=ROTTERDAM, action="change",
                        entry_yaml=rotterdam_with(drafts, "010-1234567"), base=2)
    changed = drafts.save(piet, entry_id=ROTTERDAM, action="change",
                          entry_yaml=rotterdam_with(drafts, "010-7654321"), base=2,
                          draft_id=draft.id)
    assert changed.author == "piet"
    with pytest.raises(OwnDraftError):
        drafts.publish(piet, draft.id)


def test_the_setting_comes_from_the_environment(people, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts, accounts = people
    store = DraftStore(drafts.versions, accounts, drafts.units)
    piet = accounts.sign_in("piet", PASSWORD)
    own = store.save(piet, entry_id=ROTTERDAM, action="change",
                     entry_yaml=rotterdam_with(store, "010-1234567"), base=2)
    monkeypatch.setenv(FOUR_EYES_VARIABLE, "1")
    assert store.four_eyes
    with pytest.raises(OwnDraftError):
        store.publish(piet, own.id)
    monkeypatch.setenv(FOUR_EYES_VARIABLE, "0")
    assert not store.four_eyes
    assert store.publish(piet, own.id).number == 3
