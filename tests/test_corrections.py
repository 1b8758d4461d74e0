"""Correction reports from readers on SQLite and PostgreSQL (`database_url`): filed without an
account, limited per client address and in all (counted in the database), refused when too
long, blank or holding an invisible character; read, linked to a draft and closed by editors
only; the client address forgotten once it no longer counts; a backup keeps the reports."""

from __future__ import annotations

import datetime
import threading
from pathlib import Path

import pytest
import yaml

from geodata import Units
from registry.accounts import AccountStore, NotSignedInError
from registry.backup import backup, restore
from registry.corrections import (
    LIMITS,
    CorrectionStore,
    ReportError,
    ReportLimitedError,
    ReportLimits,
    ReportRefusedError,
    file_report,
)
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.store import open_store
from tests.support.registers import PASSWORD, seeded_accounts

NOON = datetime.datetime(2026, 12, 8, 12, 0, tzinfo=datetime.UTC)
ROTTERDAM = "GM0599"


@pytest.fixture
def register(database_url: str, units: Units) -> tuple[CorrectionStore, DraftStore, AccountStore]:
    """A seeded database with an editor (anna); its report store, draft store and accounts."""
    versions, accounts = seeded_accounts(database_url, units, {"anna": "editor"})
    return (CorrectionStore(versions.engine, accounts),
            DraftStore(versions, accounts, units), accounts)


def file(store: CorrectionStore, text: str = "Het nummer werkt niet meer.", *,
         client: str | None = "203.0.113.7", now: datetime.datetime = NOON,
         contact: str | None = None, limits: ReportLimits = LIMITS) -> int:
    return file_report(store.engine, ROTTERDAM, 2, text, contact, client, now, limits=limits)


def test_a_reader_files_a_report_that_an_editor_reads(register) -> None:
    store, _, accounts = register
    number = file(store, "  Het nummer van Rotterdam is 010-1234567 geworden.\n",
                  contact=" lezer@example.org ")
    with pytest.raises(NotSignedInError):
        store.reports(None)
    anna = accounts.sign_in("anna", PASSWORD)
    (report,) = store.reports(anna)
    assert (report.id, report.municipality, report.version, report.status) == (
        number, ROTTERDAM, 2, "open")
    assert report.text == "Het nummer van Rotterdam is 010-1234567 geworden."
    assert report.contact == "lezer@example.org"
    assert report.received_at == NOON
    assert (report.closing_reason, report.closed_by, report.closed_at, report.draft_id) == (
        None, None, None, None)
    assert store.open_count(anna) == 1


def test_the_sixth_report_in_an_hour_from_one_client_is_refused(register) -> None:
    store, _, accounts = register
    for minute in range(5):
        file(store, f"Melding {minute}", now=NOON + datetime.timedelta(minutes=minute))
    with pytest.raises(ReportLimitedError) as refused:
        file(store, "Melding 5", now=NOON + datetime.timedelta(minutes=30))
    assert refused.value.scope == "client"
    assert refused.value.retry_at == NOON + datetime.timedelta(hours=1)
    assert "too many correction reports from this address" in str(refused.value)
    file(store, "Another reader", client="198.51.100.9",
         now=NOON + datetime.timedelta(minutes=30))  # another address may still
    file(store, "An hour later", now=NOON + datetime.timedelta(hours=1, seconds=1))
    anna = accounts.sign_in("anna", PASSWORD)
    assert [report.text for report in store.reports(anna)] == [
        *(f"Melding {minute}" for minute in range(5)), "Another reader", "An hour later"]


def test_reports_arriving_at_once_are_counted_one_after_the_other(register) -> None:
    store, _, _ = register
    outcomes: list[object] = []

    def one(index: int) -> None:
        try:
            outcomes.append(file(store, f"Tegelijk {index}"))
        except ReportLimitedError as error:
            outcomes.append(error)

    threads = [threading.Thread(target=one, args=(index,)) for index in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(outcome, int) for outcome in outcomes) == 5
    assert sum(isinstance(outcome, ReportLimitedError) for outcome in outcomes) == 5


def test_an_unknown_address_counts_as_one_client(register) -> None:
    store, _, _ = register
    for _ in range(5):
        file(store, client=None)
    with pytest.raises(ReportLimitedError):
        file(store, client=" ")


def test_everyone_together_is_limited_too(register) -> None:
    store, _, _ = register
    limits = ReportLimits(per_client=5, everyone=3)
    for index in range(3):
        file(store, client=f"203.0.113.{index}", limits=limits)
    with pytest.raises(ReportLimitedError) as refused:
        file(store, client="203.0.113.99", limits=limits)
    assert refused.value.scope == "everyone"


@pytest.mark.parametrize(("text", "contact", "reason", "problem"), [
    ("", None, "empty", "say what is wrong"),
    (" \n\t ", None, "empty", "say what is wrong"),
    ("x" * 1001, None, "text", "is 1,001 characters long; at most 1,000 are allowed here"),
    ("Het nummer\u202e klopt niet", None, "text", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("Nummer fout\u200b", None, "text", "U+200B ZERO WIDTH SPACE"),
    ("Nummer fout", "y" * 201, "contact", "at most 200 are allowed here"),
    ("Nummer fout", "bel\x1b[31m", "contact", "U+001B (a control character)"),
])
def test_too_long_blank_or_invisible_is_refused(register, text: str, contact: str | None,
                                                 reason: str, problem: str) -> None:
    store, _, accounts = register
    with pytest.raises(ReportRefusedError) as refused:
        file(store, text, contact=contact)
    assert refused.value.reason == reason
    assert problem in refused.value.problem
    assert store.reports(accounts.sign_in("anna", PASSWORD)) == []


def test_a_report_of_the_longest_text_is_kept_whole(register) -> None:
    store, _, accounts = register
    text = "Regel één\n\tmet een tab; " + "x" * 976
    assert len(text) == 1000
    file(store, text, contact="z" * 200)
    (report,) = store.reports(accounts.sign_in("anna", PASSWORD))
    assert (report.text, report.contact) == (text, "z" * 200)


def test_an_unknown_code_or_version_is_refused(register) -> None:
    store, _, _ = register
    with pytest.raises(ReportRefusedError, match="code"):
        file_report(store.engine, "Rotterdam", 2, "fout", None, None, NOON)
    with pytest.raises(ReportRefusedError, match="there is no version 9"):
        file_report(store.engine, ROTTERDAM, 9, "fout", None, None, NOON)


def test_the_client_address_is_forgotten_once_it_no_longer_counts(register) -> None:
    store, _, _ = register
    import sqlalchemy

    file(store, client="203.0.113.7")
    with store.engine.connect() as connection:
        assert connection.execute(sqlalchemy.text(
            "SELECT client FROM correction_reports")).scalars().all() == ["203.0.113.7"]
    file(store, client="198.51.100.9", now=NOON + datetime.timedelta(hours=2))
    with store.engine.connect() as connection:
        assert connection.execute(sqlalchemy.text(
            "SELECT client FROM correction_reports ORDER BY id")).scalars().all() == [
            None, "198.51.100.9"]


def test_an_editor_links_a_draft_and_closes_with_a_reason(register) -> None:
    store, drafts, accounts = register
    first, second = file(store, "Nummer fout"), file(store, "Dubbele melding")
    anna = accounts.sign_in("anna", PASSWORD)
    data = yaml.safe_load(entry_of(drafts.versions.texts(2)[0], "gemeente-rotterdam"))
    data["contacts"][0]["phones"] = ["010-1234567"]
    draft = drafts.save(anna, entry_id="gemeente-rotterdam", action="change",
                        entry_yaml=entry_text(data), base=2)
    assert store.record_draft(anna, first, draft.id).draft_id == draft.id

    with pytest.raises(ReportRefusedError, match="say why"):
        store.close(anna, second, "  ")
    with pytest.raises(NotSignedInError):
        store.close(None, second, "dubbel")
    closed = store.close(anna, second, "Dubbel met melding 1", now=NOON)
    assert (closed.status, closed.closing_reason, closed.closed_by, closed.closed_at) == (
        "closed", "Dubbel met melding 1", "anna", NOON)
    with pytest.raises(ReportError, match="no open report"):
        store.close(anna, second, "nog eens")
    assert [report.id for report in store.reports(anna)] == [first]
    assert [report.id for report in store.reports(anna, status="closed")] == [second]
    assert len(store.reports(anna, status=None)) == 2


def test_a_backup_keeps_the_reports(register, tmp_path: Path, units: Units) -> None:
    store, _, accounts = register
    number = file(store, "Nummer fout\nregel twee", contact="06-12345678")
    anna = accounts.sign_in("anna", PASSWORD)
    store.close(anna, file(store, "Dubbel"), "dubbel", now=NOON)
    path = tmp_path / "backup.jsonl"
    backup(store.engine, path)
    target = open_store(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    restore(target.engine, path)
    restored = CorrectionStore(target.engine, AccountStore(target.engine, failure_delay_s=0))
    again = restored.accounts.sign_in("anna", PASSWORD)
    assert restored.reports(again, status=None) == store.reports(anna, status=None)
    assert restored.report(again, number).text == "Nummer fout\nregel twee"
