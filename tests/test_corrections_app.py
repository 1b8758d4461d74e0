"""Corrections from readers and a publish that shows what changes, in Streamlit's AppTest: a
reader files a report under the card without an account (limited per client and in size, an
invisible character refused); the report's text reaches no public page; an editor sees the
open reports on the edit page as plain text, makes a draft from one (the report beside the form,
the draft recorded on it) and closes another with a reason; the preview and the drafts list
show old → new numbers; publishing asks to confirm the version it becomes; with four eyes on, a
publisher cannot publish their own draft but another can."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geodata import load_units
from registry.accounts import AccountStore
from registry.corrections import CorrectionStore
from registry.database import DATABASE_URL_VARIABLE
from registry.drafts import FOUR_EYES_VARIABLE
from registry.store import open_store
from registry.yaml_register import DATA_DIR
from tests.app_session import new_session
from tests.conftest import REPOSITORY_ROOT
from tests.page_text import shown, texts
from tests.test_app import assert_page_ran, open_view
from tests.test_edit_page import PASSWORD, PHONES, open_page, publish, sign_in
from ui.text import plain_text

MARKER = "Zxq-<b>MELDING</b>-7731 *vet* :red[rood]"
"""A report's text that no public page may ever show (with markup that must stay text)."""


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database of its own, with an editor (anna) and a publisher (piet)."""
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    versions = open_store(url)
    versions.prepare(load_units(), DATA_DIR)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    accounts.add("anna", "editor", PASSWORD)
    accounts.add("piet", "publisher", PASSWORD)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield url
    st.cache_resource.clear()
    st.cache_data.clear()


def dashboard(code: str = "GM0599", language: str = "en") -> AppTest:
    app = new_session()
    app.query_params["gemeente"] = code
    app.query_params["lang"] = language
    app.run()
    assert_page_ran(app)
    return app


def file_on_card(app: AppTest, text: str, contact: str = "") -> AppTest:
    app.text_area(key="correction_text").input(text)
    app.text_input(key="correction_contact").input(contact)
    next(button for button in app.button if button.label == "Send report").click().run()
    assert_page_ran(app)
    return app


def reports(url: str) -> list:
    """Every report in the database (signed in as the editor)."""
    versions = open_store(url)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    return CorrectionStore(versions.engine, accounts).reports(
        accounts.sign_in("anna", PASSWORD), status=None)


def page_dump(app: AppTest) -> str:
    """Everything the page sent: every element's and widget's protocol message as text."""
    found: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            found.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    return "\n".join(found)


def test_a_reader_files_a_correction_without_an_account(database: str) -> None:
    app = dashboard()
    assert [each.label for each in app.expander] == ["Is this number wrong?"]
    assert app.text_area(key="correction_text").proto.max_chars == 1000
    assert app.text_input(key="correction_contact").proto.max_chars == 200
    app = file_on_card(app, "  Het nummer is nu 010-1234567.  ", "06-12345678")
    assert texts(app, "success") == [
        "Thank you. Your report on Rotterdam has been received; an editor will look at it."]
    assert app.text_area(key="correction_text").value == ""  # emptied after sending
    (report,) = reports(database)
    assert (report.municipality, report.version, report.status) == ("GM0599", 2, "open")
    assert (report.text, report.contact) == ("Het nummer is nu 010-1234567.", "06-12345678")

    dutch = dashboard(language="nl")
    assert [each.label for each in dutch.expander] == ["Klopt dit nummer niet?"]


def test_the_sixth_report_in_an_hour_is_refused(database: str) -> None:
    app = dashboard()
    for number in range(5):
        app = file_on_card(app, f"Melding {number}")
        assert texts(app, "success"), texts(app, "error")
    app = file_on_card(app, "Melding 5")
    (error,) = texts(app, "error")
    assert error.startswith("You have sent 5 reports in the past hour; please try again after ")
    assert app.text_area(key="correction_text").value == "Melding 5"  # kept for later
    assert len(reports(database)) == 5


def test_an_empty_or_invisible_text_is_refused(database: str) -> None:
    app = file_on_card(dashboard(), "   ")
    assert texts(app, "error") == ["Please write what is wrong first."]
    app = file_on_card(app, "Nummer\u202e fout")
    assert texts(app, "error") == [
        "What is wrong?: contains an invisible character (U+202E RIGHT-TO-LEFT OVERRIDE, "
        "character 7); remove it."]
    assert reports(database) == []


def test_a_reports_text_never_reaches_a_public_page(database: str) -> None:
    reader = file_on_card(dashboard(), MARKER, "lezer@example.org")
    assert reports(database)[0].text == MARKER
    assert "MELDING" not in page_dump(reader)  # the reader's own page does not echo it

    for language, views in (("en", ("National picture", "Charts", "Gaps", "Border rule",
                                     "Coordinators", "Changes", "Downloads", "History")),
                            ("nl", ("Landelijk beeld",))):
        app = dashboard(language=language)
        for view in views:
            app = open_view(app, view)
            dump = page_dump(app)
            assert "MELDING" not in dump and "lezer@example.org" not in dump, view
    lookup = subprocess.run([sys.executable, "-m", "coverage", "lookup", "Rotterdam", "--json"],
                            capture_output=True, text=True, cwd=REPOSITORY_ROOT, timeout=120,
                            env={**os.environ, DATABASE_URL_VARIABLE: database})
    assert lookup.returncode == 0, lookup.stderr
    assert json.loads(lookup.stdout)["municipality"]["code"] == "GM0599"
    assert "MELDING" not in lookup.stdout


def test_an_editor_makes_a_draft_from_a_report_and_closes_another(database: str) -> None:
    file_on_card(file_on_card(dashboard(), MARKER), "Dubbel: zie de vorige melding")
    anonymous = open_page()
    assert "MELDING" not in page_dump(anonymous)  # not before signing in

    editor = sign_in(open_page(), "anna")
    assert "Reports from readers (2 open)" in texts(editor, "heading")
    assert MARKER in texts(editor, "quote")  # as plain text: no markup made of it
    assert not any("<b>MELDING</b>" in item.html for item in shown(editor))
    assert any(line.startswith("Report 1 on Rotterdam (GM0599), on version 2, received ")
               for line in texts(editor, "paragraph"))

    editor.button(key="report_draft_1").click().run()
    assert not editor.exception
    assert editor.selectbox(key="edit_entry").value == "gemeente-rotterdam"
    assert "Draft for report 1" in texts(editor, "heading")
    editor.text_area(key=PHONES).input("010-1234567").run()
    editor.button(key="save_draft").click().run()
    assert "Draft 1 saved." in texts(editor, "success")
    first, second = reports(database)
    assert (first.draft_id, first.status) == (1, "open")
    assert "Draft 1 was made from this report." in texts(editor, "caption")

    editor.button(key="report_close_2").click().run()  # no reason given
    assert texts(editor, "error") == ["Give a reason to close report 2."]
    editor.text_input(key="report_reason_2").input("Dubbel met melding 1").run()
    editor.button(key="report_close_2").click().run()
    assert "Report 2 is closed." in texts(editor, "success")
    assert "Reports from readers (1 open)" in texts(editor, "heading")
    second = reports(database)[1]
    assert (second.status, second.closing_reason, second.closed_by) == (
        "closed", "Dubbel met melding 1", "anna")


def old_new_blocks(app: AppTest) -> list[str]:
    return [item.html for item in shown(app, "markup") if "class='old-new'" in item.html]


def test_the_preview_shows_old_and_new_numbers(database: str) -> None:
    editor = sign_in(open_page(), "anna")
    editor.selectbox(key="edit_entry").select("gemeente-rotterdam").run()
    editor.text_area(key=PHONES).input("010-1234567").run()
    assert "What changes, old → new" in texts(editor, "heading")
    (block,) = old_new_blocks(editor)
    assert ("<td class='old'><span class='number'>010-2365212</span></td><td class='arrow' "
            "aria-hidden='true'>→</td><td class='new'><span class='number'>010-1234567</span>"
            "</td>") in block
    assert "Contact PMW Humanitas: changed" in block
    assert "The answer changes in 1 municipality(ies): Rotterdam" in block


def save_rotterdam(app: AppTest, number: str = "010-1234567") -> AppTest:
    app.selectbox(key="edit_entry").select("gemeente-rotterdam").run()
    app.text_area(key=PHONES).input(number).run()
    app.button(key="save_draft").click().run()
    return app


def test_publishing_confirms_the_version_it_becomes(database: str) -> None:
    save_rotterdam(sign_in(open_page(), "anna"))
    publisher = sign_in(open_page(), "piet")
    (block,) = old_new_blocks(publisher)  # the draft's changes, old → new
    assert "010-2365212" in block and "010-1234567" in block
    assert "Publish as version 3?" in texts(publisher, "paragraph")
    box = publisher.checkbox(key="confirm_1_3")
    assert box.label == plain_text.label("Yes, publish draft 1 as version 3")
    assert publisher.button(key="publish_1").disabled  # until the box is ticked
    publish(publisher, 1)
    assert "Published as version 3." in texts(publisher, "success")

    dutch = sign_in(open_page("nl"), "piet")
    assert not [box for box in dutch.checkbox if box.key.startswith("confirm_")]  # none open
    save_rotterdam(dutch, "010-7654321")
    assert "Publiceren als versie 4?" in texts(dutch, "paragraph")


@pytest.fixture
def four_eyes(database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The database with a second publisher (klaas) and the four-eyes rule on."""
    versions = open_store(database)
    AccountStore(versions.engine, failure_delay_s=0).add("klaas", "publisher", PASSWORD)
    monkeypatch.setenv(FOUR_EYES_VARIABLE, "1")
    yield database


def test_with_four_eyes_a_publisher_cannot_publish_their_own_draft(four_eyes: str) -> None:
    piet = save_rotterdam(sign_in(open_page(), "piet"))
    assert "Draft 1 saved." in texts(piet, "success")
    piet = sign_in(open_page(), "piet")
    assert not [button for button in piet.button if button.key == "publish_1"]
    assert ("Four eyes: you saved draft 1 yourself, so another publisher must publish it."
            in texts(piet, "caption"))
    assert old_new_blocks(piet)  # the changes are still shown

    klaas = publish(sign_in(open_page(), "klaas"), 1)
    assert "Published as version 3." in texts(klaas, "success")
    assert open_store(four_eyes).newest_number() == 3
