"""Issue 18 in the app (AppTest): the card says when each contact was last checked (or "not yet
checked"), marks a contact due for a check in words, says since which version the municipality
has its status, and shows the national routes under every answer; the charts view has the
chart over time with its text version; the national view counts the contacts due; on the edit
page "checked today" makes a draft whose only change is the date."""

from __future__ import annotations

import datetime
import difflib
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml

from coverage.check_age import date_in_words, today_in_amsterdam
from coverage.engine import Coverage
from registry.accounts import AccountStore
from registry.database import DATABASE_URL_VARIABLE
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import with_entry
from registry.store import open_store
from registry.yaml_register import DATA_DIR, REGISTER_DIR_VARIABLE
from tests.support.apptest import card, open_view, start
from tests.support.caches import clear_caches
from tests.support.edit_page import open_page, sign_in
from tests.support.page_text import texts
from tests.support.registers import PASSWORD, ROTTERDAM, seeded_accounts

CHECKED = today_in_amsterdam() - datetime.timedelta(days=400)


pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture
def checked_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A seed folder whose current overview has Rotterdam's contact checked 400 days ago by
    anna, seeding a new database."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    current = copy / "snapshots" / "current.yaml"
    text = current.read_text("utf-8")
    data = yaml.safe_load(entry_of(text, ROTTERDAM))
    data["contacts"][0].update(verified_on=CHECKED, verified_by="anna")
    current.write_text(with_entry(text, ROTTERDAM, yaml.safe_dump(data, allow_unicode=True,
                                                                  sort_keys=False)), "utf-8")
    monkeypatch.setenv(REGISTER_DIR_VARIABLE, str(copy))
    monkeypatch.setenv(DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'register.sqlite3'}")
    return copy


def card_text(html: str) -> str:
    import re

    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_card_says_not_yet_checked_due_and_the_national_routes() -> None:
    text = card_text(card(start(gemeente="Almere", lang="en")))
    assert "Not yet checked." in text
    assert "Due for a check: checked more than 12 months ago, or never." in text
    assert "Always, everywhere: The police  0900-8844 ; The Labour Inspectorate, for labour " \
           "exploitation  0800-5151 ; In acute danger  112 ." in text
    dutch = card(start(gemeente="Rotterdam"))
    assert "Nog niet gecontroleerd." in card_text(dutch)
    assert "Controle nodig" in card_text(dutch)
    assert '<a href="tel:112">112</a>' in dutch


def test_the_card_shows_the_date_of_the_check(checked_register: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    text = card_text(card(start(gemeente="Rotterdam", lang="en")))
    assert f"Checked on {date_in_words(CHECKED, 'en')} by anna." in text
    assert "Due for a check" in text  # 400 days: older than 12 months
    dutch = card_text(card(start(gemeente="Rotterdam")))
    assert f"Gecontroleerd op {date_in_words(CHECKED, 'nl')} door anna." in dutch
    monkeypatch.setenv("COVERAGE_CHECK_MONTHS", "24")
    clear_caches()
    relaxed = card_text(card(start(gemeente="Rotterdam", lang="en")))
    assert f"Checked on {date_in_words(CHECKED, 'en')} by anna." in relaxed
    assert "Due for a check" not in relaxed


def test_the_card_says_since_which_version(earlier: Coverage, current: Coverage) -> None:
    before, after = earlier.municipalities["status"], current.municipalities["status"]
    changed = next(code for code in after.index if before[code] != after[code])
    same = next(code for code in after.index if before[code] == after[code])
    assert "This status since version 2 (" in card_text(card(start(gemeente=changed, lang="en")))
    assert "This status since version 1 (" in card_text(card(start(gemeente=same, lang="en")))
    assert "Deze status sinds versie 1 (" in card_text(card(start(gemeente=same)))
    # An older version chosen: the status since a version up to that one.
    assert "since version 1 (" in card_text(card(start(gemeente=changed, lang="en",
                                                       versie="1")))


def test_the_chart_over_time_has_its_text_version() -> None:
    app = open_view(start(lang="en"), "Charts")
    (text,) = [each for each in texts(app, "paragraph")
               if each.startswith("Per version, by publication date")]
    assert "version 1 (" in text and "version 2 (" in text
    assert "regional coordinator 227" in text.lower() or "227" in text
    charts = app.get("vega_lite_chart")
    assert len(charts) == 3
    over_time = [chart for chart in charts
                 if "Municipalities per status, per version" in chart.proto.spec]
    assert len(over_time) == 1
    assert "#0072B2" in over_time[0].proto.spec  # the map's colours


def test_the_national_view_counts_the_contacts_due(current: Coverage) -> None:
    app = open_view(start(lang="en"), "National picture")
    total = 1 + sum(len(entry.contacts) for entry in current.snapshot.entries)
    assert f"{total} of {total} contacts are due for a check" in " ".join(texts(app))


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units) -> str:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    seeded_accounts(url, units, {"anna": "editor"})
    return url


def test_checked_today_makes_a_draft_whose_only_change_is_the_date(database: str,
                                                                    units) -> None:
    app = sign_in(open_page("en"), "anna")
    assert "Contacts to check" in texts(app, "heading")
    button = app.button(key=f"checked_today_{ROTTERDAM}.0")
    button.click().run()
    assert not app.exception, app.exception
    (saved,) = [each for each in texts(app, "success") if each.startswith("Draft ")]
    assert "only this contact's check date changes" in saved
    versions = open_store(database)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    drafts = DraftStore(versions, accounts, units)
    (draft,) = drafts.drafts(accounts.sign_in("anna", PASSWORD))
    assert (draft.entry_id, draft.author, draft.base_version) == (ROTTERDAM, "anna", 2)
    before = entry_of(versions.texts(2)[0], ROTTERDAM)
    changed = [line for line in difflib.unified_diff(
        before.splitlines(), draft.entry_yaml.splitlines(), lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"+    verified_on: {today_in_amsterdam().isoformat()}",
                       "+    verified_by: anna"]
