"""Issue 18 (engine and command line): the last check per contact (`verified_on`,
`verified_by`) validated, carried through versions, answers and the export/import round trip;
availability and the national routes; `stale` ordering and `--months`; `history` rows that add
up to 342 municipalities per version."""

from __future__ import annotations

import datetime
import difflib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from cli.main import main
from coverage.answer import answer_for
from coverage.check_age import CheckAge, months_before, today_in_amsterdam
from coverage.engine import Coverage
from coverage.schema import TODAY, Contact, Fallback
from coverage.stale import contact_checks
from geodata import Units
from registry.accounts import AccountStore
from registry.checks import save_checked_today
from registry.database import DATABASE_URL_VARIABLE
from registry.documents import content_hash
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import with_entry
from registry.errors import RegisterError
from registry.review import review
from registry.store import open_store, seed_documents
from registry.versions import read_document
from registry.yaml_register import DATA_DIR, snapshot_from_text

PASSWORD = "lang-genoeg-wachtwoord"
ROTTERDAM = "gemeente-rotterdam"
DRENTHE = "provincie-drenthe"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'register.sqlite3'}"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        sqlite_url: str) -> Callable[..., Result]:
    """The CLI in this process on a database of its own."""
    monkeypatch.setenv(DATABASE_URL_VARIABLE, sqlite_url)

    def run(*args: str) -> Result:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


def contact(**fields: object) -> Contact:
    return Contact.model_validate({"organisation": "SHOP", **fields},
                                  context={TODAY: datetime.date(2026, 12, 3)})


def with_checks(text: str, entry_id: str, checks: dict[int, tuple[str, str]]) -> str:
    """A snapshot's YAML with some contacts of one entry checked (index: (date, name))."""
    data = yaml.safe_load(entry_of(text, entry_id))
    for index, (day, name) in checks.items():
        data["contacts"][index].update(verified_on=day, verified_by=name)
    return with_entry(text, entry_id, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


# --- validation ---------------------------------------------------------------------------


def test_verified_on_is_a_real_date_and_never_in_the_future() -> None:
    assert contact(verified_on="2026-12-03", verified_by="anna").verified_on == \
        datetime.date(2026, 12, 3)
    refused = {"2026-12-04": "lies in the future", "2025-02-30": "is not a real date",
               "3 december 2026": "is not a real date"}
    for value, message in refused.items():
        with pytest.raises(ValueError, match=message):
            contact(verified_on=value, verified_by="anna")
    with pytest.raises(ValueError, match="not a time"):
        contact(verified_on=datetime.datetime(2026, 1, 1, 12), verified_by="anna")
    with pytest.raises(ValueError, match="together"):
        contact(verified_on="2026-01-01")
    with pytest.raises(ValueError, match="together"):
        contact(verified_by="anna")
    with pytest.raises(ValueError, match="at most 100"):
        contact(verified_on="2026-01-01", verified_by="a" * 101)
    with pytest.raises(ValueError, match="U\\+202E"):
        contact(verified_on="2026-01-01", verified_by="an\u202ena")


def test_a_future_date_in_a_file_is_refused_naming_entry_and_field(units: Units) -> None:
    text = (DATA_DIR / "snapshots" / "current.yaml").read_text("utf-8")
    tomorrow = (today_in_amsterdam() + datetime.timedelta(days=1)).isoformat()
    with pytest.raises(RegisterError) as refused:
        snapshot_from_text(with_checks(text, ROTTERDAM, {0: (tomorrow, "anna")}),
                           Path("overview.yaml"), units)
    assert refused.value.field == "contacts[0].verified_on"
    assert ROTTERDAM in (refused.value.entry or "")
    impossible = with_checks(text, ROTTERDAM, {0: ("2025-02-29", "anna")})
    with pytest.raises(RegisterError):
        snapshot_from_text(impossible, Path("overview.yaml"), units)


def test_availability_is_validated() -> None:
    checked = contact(opening_hours="ma–vr 08:00–19:00", after_hours_phone="010 - 123 45 67",
                      email="zorg@shop.nl", website="https://www.shop.nl/mensenhandel")
    assert checked.after_hours_phone is not None
    assert checked.after_hours_phone.e164 == "+31101234567"
    for field, value in {"after_hours_phone": "not a number", "email": "zorg at shop.nl",
                         "website": "http://www.shop.nl", "opening_hours": "x" * 201}.items():
        with pytest.raises(ValueError, match=field):
            contact(**{field: value})
    with pytest.raises(ValueError):
        contact(website="https://user:secret@shop.nl")
    with pytest.raises(ValueError, match="U\\+200B"):
        contact(opening_hours="ma\u200bvr")


def test_the_seed_overviews_carry_no_dates_and_keep_their_hashes(units: Units) -> None:
    documents = dict((path.name, document) for path, document in seed_documents(units, DATA_DIR))
    for document in documents.values():
        assert all(c.verified_on is None for e in document.snapshot.entries for c in e.contacts)
    # Versions published before these fields (with the fallback as it was then, without the
    # national routes) keep the hash recorded for them.
    hashes = {name: content_hash(document.snapshot, document.fallback.model_copy(
        update={"national_routes": None})) for name, document in documents.items()}
    assert hashes["current.yaml"].startswith("2fcce339d4a009a9")
    assert hashes["earlier.yaml"].startswith("5d7908fb2948276b")


def test_the_national_routes_are_register_content(register) -> None:
    routes = register.fallback.national_routes
    assert [route.phone.display for route in routes.routes] == ["0900-8844", "0800-5151", "112"]
    assert [route.phone.tel_url for route in routes.routes] == [
        "tel:+319008844", "tel:+318005151", "tel:112"]
    assert routes.routes[0].label.en == "The police"
    with pytest.raises(ValueError, match="not a valid phone number or short number"):
        Fallback.model_validate({**register.fallback.model_dump(mode="json"),
                                 "phones": ["033 - 448 11 86"],
                                 "national_routes": {
                                     "source": routes.source.model_dump(mode="json"),
                                     "routes": [{"label": {"nl": "x", "en": "x"},
                                                 "phone": "999999"}]}})


# --- the answer ---------------------------------------------------------------------------


def test_the_answer_carries_the_check_and_whether_it_is_due(register, units: Units) -> None:
    text = (DATA_DIR / "snapshots" / "current.yaml").read_text("utf-8")
    snapshot = snapshot_from_text(with_checks(text, ROTTERDAM, {0: ("2025-12-03", "anna")}),
                                  Path("x"), units, register.fallback)
    coverage = Coverage(snapshot, register.fallback, units)
    fresh = answer_for(coverage, "GM0599", checks=CheckAge(datetime.date(2026, 12, 3)))
    (call,) = fresh.listed
    assert (call.verified_on, call.verified_by, call.due_for_check) == (
        datetime.date(2025, 12, 3), "anna", False)
    late = answer_for(coverage, "GM0599", checks=CheckAge(datetime.date(2026, 12, 4)))
    assert late.listed[0].due_for_check
    assert not answer_for(coverage, "GM0599", checks=CheckAge(datetime.date(2026, 12, 4),
                                                              months=13)).listed[0].due_for_check
    shape = fresh.to_json("en")
    assert shape["coordinators"][0]["verified_on"] == "2025-12-03"
    assert (shape["calls"][0]["verified_by"], shape["calls"][0]["due_for_check"]) == (
        "anna", False)
    assert shape["check"] == {"as_of": "2026-12-03", "months": 12}
    assert shape["fallback"]["verified_on"] is None and shape["fallback"]["due_for_check"]
    assert [route["phone"]["display"] for route in shape["national_routes"]] == [
        "0900-8844", "0800-5151", "112"]
    almere = answer_for(coverage, "GM0034", checks=CheckAge(datetime.date(2026, 12, 3)))
    assert (almere.calls[0].verified_on, almere.calls[0].due_for_check) == (None, True)


def test_months_before_counts_calendar_months() -> None:
    assert months_before(datetime.date(2024, 2, 29), 12) == datetime.date(2023, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)


# --- drafts, versions, export and import ----------------------------------------------------


@pytest.fixture
def stores(database_url: str, units: Units) -> tuple[DraftStore, object, object]:
    versions = open_store(database_url)
    versions.prepare(units, DATA_DIR)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    accounts.add("anna", "editor", PASSWORD)
    accounts.add("piet", "publisher", PASSWORD)
    return (DraftStore(versions, accounts, units), accounts.sign_in("anna", PASSWORD),
            accounts.sign_in("piet", PASSWORD))


def test_checked_today_is_a_draft_whose_only_change_is_the_date(stores, units: Units) -> None:
    drafts, editor, publisher = stores
    today = today_in_amsterdam()
    draft = save_checked_today(drafts, editor, entry_id=ROTTERDAM, contact_index=0,
                               today=today)
    before = entry_of(drafts.versions.texts(2)[0], ROTTERDAM)
    changed = [line for line in difflib.unified_diff(before.splitlines(),
                                                     draft.entry_yaml.splitlines(), lineterm="")
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"+    verified_on: {today.isoformat()}", "+    verified_by: anna"]
    info = drafts.publish(publisher, draft.id)
    base, published = (read_document(drafts.versions, number, units) for number in (2, 3))
    result = review(base, published, units)
    assert [after.id for _, after in result.changed] == [ROTTERDAM]
    assert not (result.added or result.removed or result.fallback_changed)
    assert len(result.municipalities) == 0  # no answer's status or contacts change
    (old_entry, new_entry), = result.changed
    assert [c.model_dump(exclude={"verified_on", "verified_by"}) for c in new_entry.contacts] \
        == [c.model_dump(exclude={"verified_on", "verified_by"}) for c in old_entry.contacts]
    assert info.number == 3
    # Carried through later versions: another entry's change keeps Rotterdam's check.
    later = save_checked_today(drafts, editor, entry_id=DRENTHE, contact_index=0, today=today)
    drafts.publish(publisher, later.id)
    newest = read_document(drafts.versions, 4, units).snapshot
    checked = {entry.id: entry.contacts[0].verified_on for entry in newest.entries
               if entry.contacts and entry.contacts[0].verified_on}
    assert checked == {ROTTERDAM: today, DRENTHE: today}


def test_export_and_import_round_trip_the_check(cli, tmp_path: Path, units: Units) -> None:
    exported = tmp_path / "overview.yaml"
    assert cli("export", "current", "-o", str(exported)).code == 0
    day = (today_in_amsterdam() - datetime.timedelta(days=3)).isoformat()
    text = with_checks(exported.read_text("utf-8"), ROTTERDAM, {0: (day, "anna")})
    exported.write_text(text, encoding="utf-8")
    result = cli("import", str(exported), "--yes", "--author", "piet")
    assert result.code == 0, result.err
    assert "gemeente-rotterdam: contacts" in result.out
    again = tmp_path / "again.yaml"
    assert cli("export", "current", "-o", str(again)).code == 0
    assert again.read_text("utf-8") == text
    shape = json.loads(cli("lookup", "Rotterdam", "--json").out)
    assert (shape["calls"][0]["verified_on"], shape["calls"][0]["verified_by"]) == (day, "anna")
    assert shape["calls"][0]["due_for_check"] is False
    words = cli("lookup", "Rotterdam").out
    assert "checked on" in words and "by anna" in words
    assert "Everywhere: The police 0900-8844" in words


# --- stale --------------------------------------------------------------------------------


def test_stale_lists_never_checked_first_then_the_oldest(cli, tmp_path: Path) -> None:
    exported = tmp_path / "overview.yaml"
    cli("export", "current", "-o", str(exported))
    today = today_in_amsterdam()
    old = (today - datetime.timedelta(days=800)).isoformat()
    older = (today - datetime.timedelta(days=900)).isoformat()
    month = (today - datetime.timedelta(days=40)).isoformat()
    text = with_checks(exported.read_text("utf-8"), ROTTERDAM, {0: (old, "anna")})
    text = with_checks(text, DRENTHE, {0: (month, "piet")})
    text = with_checks(text, "politieregio-amsterdam", {0: (older, "anna")})
    exported.write_text(text, encoding="utf-8")
    assert cli("import", str(exported), "--yes").code == 0

    listed = json.loads(cli("stale", "--json").out)
    assert listed["months"] == 12 and listed["as_of"] == today.isoformat()
    contacts = listed["contacts"]
    dated = [each for each in contacts if each["verified_on"]]
    never = [each for each in contacts if not each["verified_on"]]
    assert contacts == never + dated  # never checked first
    assert contacts[0]["entry_id"] == "fallback"  # CoMensha, the fallback, first of those
    assert [each["entry_id"] for each in dated] == ["politieregio-amsterdam", ROTTERDAM]
    assert DRENTHE not in {each["entry_id"] for each in contacts}  # checked 40 days ago
    assert all(each["due_for_check"] for each in contacts)
    rotterdam = dated[1]
    assert rotterdam["age_days"] == 800 and rotterdam["organisation"]
    assert rotterdam["phones"][0]["e164"].startswith("+31")
    assert {"code": "GM0599", "name": "Rotterdam"} in rotterdam["municipalities"]

    one_month = json.loads(cli("stale", "--json", "--months", "1").out)["contacts"]
    assert [each["entry_id"] for each in one_month if each["verified_on"]] == [
        "politieregio-amsterdam", ROTTERDAM, DRENTHE]
    everything = json.loads(cli("stale", "--json", "--all", "--months", "36").out)["contacts"]
    assert [each["entry_id"] for each in everything if each["verified_on"]] == [
        "politieregio-amsterdam", ROTTERDAM, DRENTHE]
    assert not any(each["due_for_check"] for each in everything if each["verified_on"])
    words = cli("stale").out
    assert words.index("CoMensha (national fallback): not yet checked") < words.index(
        "(politieregio-amsterdam, contact 1): checked on")
    with pytest.raises(SystemExit) as refused:  # argparse: a usage error
        cli("stale", "--months", "0")
    assert refused.value.code == 2


def test_stale_takes_the_age_from_the_environment(
        cli, monkeypatch: pytest.MonkeyPatch, current: Coverage) -> None:
    monkeypatch.setenv("COVERAGE_CHECK_MONTHS", "6")
    assert json.loads(cli("stale", "--json").out)["months"] == 6
    monkeypatch.setenv("COVERAGE_CHECK_MONTHS", "six")
    assert cli("stale").code == 2
    # Every contact of the seed version plus CoMensha: never checked, all due.
    checks = contact_checks(current, CheckAge(datetime.date(2026, 12, 3)))
    assert len(checks) == 1 + sum(len(entry.contacts) for entry in current.snapshot.entries)


# --- history ------------------------------------------------------------------------------


def test_history_rows_add_up_to_342_per_version(cli, tmp_path: Path) -> None:
    rows = json.loads(cli("history", "--json").out)
    assert [row["label"] for row in rows] == ["earlier", "current"]
    assert [row["number"] for row in rows] == [1, 2]
    for row in rows:
        assert sum(row["municipalities"].values()) == row["municipalities_total"] == 342
        assert sum(row["population"].values()) > 17_000_000
        assert row["published_by"] == "seed"
    assert rows[1]["municipalities"]["coordinator"] == 227
    exported = tmp_path / "overview.yaml"
    cli("export", "1", "-o", str(exported))
    cli("import", str(exported), "--yes", "--allow-removals", "--author", "piet")
    rows = json.loads(cli("history", "--json").out)
    assert [(row["number"], row["published_by"]) for row in rows][-1] == (3, "piet")
    assert rows[2]["municipalities"] == rows[0]["municipalities"]
    assert all(sum(row["municipalities"].values()) == 342 for row in rows)
    text = cli("history").out.splitlines()
    assert len(text) == 4 and "piet" in text[-1]
    assert cli("--data", "data", "history").code == 2


def test_the_card_shows_availability_where_the_register_gives_it(register, units: Units) -> None:
    from ui.dashboard.card import card_html
    from ui.text.i18n import Translator

    text = (DATA_DIR / "snapshots" / "current.yaml").read_text("utf-8")
    data = yaml.safe_load(entry_of(text, ROTTERDAM))
    data["contacts"][0].update(opening_hours="ma–vr 08:00–19:00 <b>",
                               after_hours_phone="010 - 123 45 67", email="zorg@shop.nl",
                               website="https://www.shop.nl/mensenhandel")
    edited = with_entry(text, ROTTERDAM, yaml.safe_dump(data, allow_unicode=True))
    coverage = Coverage(snapshot_from_text(edited, Path("x"), units, register.fallback),
                        register.fallback, units)
    answer = answer_for(coverage, "GM0599", checks=CheckAge(datetime.date(2026, 12, 3)))
    html = card_html(answer, Translator("en"))
    assert "<dt>Opening hours</dt><dd>ma–vr 08:00–19:00 &lt;b&gt;</dd>" in html
    assert '<dt>After hours</dt><dd><a href="tel:+31101234567">010 - 123 45 67</a></dd>' in html
    assert '<a href="mailto:zorg@shop.nl">zorg@shop.nl</a>' in html
    assert 'href="https://www.shop.nl/mensenhandel"' in html
    shape = answer.to_json("en")["calls"][0]
    assert shape["after_hours_phone"] == {"display": "010 - 123 45 67", "e164": "+31101234567"}
    assert (shape["opening_hours"], shape["email"]) == ("ma–vr 08:00–19:00 <b>", "zorg@shop.nl")
    bare = card_html(answer_for(Coverage(register.latest, register.fallback, units), "GM0599"),
                     Translator("en"))
    assert "Opening hours" not in bare and "mailto:" not in bare
