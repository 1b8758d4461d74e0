"""The app's edit page (`page_scripts/edit.py`) in Streamlit's AppTest: signing in, an editor's
draft, a publisher's publish that `lookup` then shows, a conflicting publish that keeps both
texts, and no way to edit without signing in."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml
from streamlit.testing.v1 import AppTest

from geodata import load_units
from registry.accounts import AccountStore, Session
from registry.database import DATABASE_URL_VARIABLE
from registry.drafts import DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.store import open_store
from tests.support.apptest import new_session
from tests.support.caches import clear_data_cache
from tests.support.edit_page import PAGE, PHONES, confirm, open_page, publish, sign_in
from tests.support.page_text import texts
from tests.support.paths import REPOSITORY_ROOT
from tests.support.registers import PASSWORD


def edit_rotterdam_phone(app: AppTest, number: str) -> AppTest:
    app.selectbox(key="edit_entry").select("gemeente-rotterdam").run()
    app.text_area(key=PHONES).input(number).run()
    assert not app.exception, app.exception
    return app


def lookup_rotterdam(url: str) -> str:
    result = subprocess.run([sys.executable, "-m", "coverage", "lookup", "Rotterdam"],
                            capture_output=True, text=True, cwd=REPOSITORY_ROOT, timeout=120,
                            env={**os.environ, DATABASE_URL_VARIABLE: url})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_anonymous_sees_only_the_sign_in_form(database: str) -> None:
    app = open_page()
    assert [box.key for box in app.text_input] == ["sign_in_name", "sign_in_password"]
    assert not [box for box in app.selectbox if box.key and box.key.startswith("edit")]
    assert app.text_input(key="sign_in_password").proto.type == 1  # TextInput.PASSWORD
    assert [button.label for button in app.button] == ["Sign in"]
    assert not app.text_area
    assert "Edit the register" in [title.value for title in app.title]


def test_a_claimed_session_is_not_a_session(database: str) -> None:
    app = new_session(120)
    app.query_params["lang"] = "en"
    app.session_state["account_session"] = Session("piet", "publisher", "made-up-token")
    app.run()
    app.switch_page(PAGE).run()
    assert [button.label for button in app.button] == ["Sign in"]
    assert not app.text_area
    assert "Your session has ended; please sign in again." in texts(app, "warning")


def test_a_wrong_password_and_an_unknown_name_read_the_same(database: str) -> None:
    wrong = sign_in(open_page(), "anna", "not-her-password")
    unknown = sign_in(open_page(), "nobody", PASSWORD)
    assert texts(wrong, "error") == texts(unknown, "error") == [
        "Unknown name or wrong password."]
    assert not wrong.text_area and not unknown.text_area


def test_the_form_validates_with_the_register_rules(database: str) -> None:
    app = edit_rotterdam_phone(sign_in(open_page(), "anna"), "12")
    (error,) = texts(app, "error")
    assert error.startswith("Not valid yet: contacts[0].phones[0]: '12' is not a valid phone")
    assert app.button(key="save_draft").disabled
    app.text_area(key=PHONES).input("010-1234567").run()
    assert texts(app, "success") == ["The area keeps the register's rules."]
    assert "Rotterdam: contact changed" in "\n".join(texts(app, "list"))


def test_an_editor_saves_a_publisher_publishes_and_lookup_shows_it(database: str) -> None:
    assert "010-2365212" in lookup_rotterdam(database)
    editor = edit_rotterdam_phone(sign_in(open_page(), "anna"), "010-1234567")
    editor.text_input(key="edit_comment").input("Rotterdam's new number").run()
    editor.button(key="save_draft").click().run()
    assert "Draft 1 saved." in texts(editor, "success")
    assert not [button for button in editor.button if button.key == "publish_1"]

    publisher = sign_in(open_page(), "piet")
    assert any(line.startswith("Draft 1: changes gemeente-rotterdam, by anna, on version 2")
               for line in texts(publisher, "paragraph"))
    publish(publisher, 1)
    assert "Published as version 3." in texts(publisher, "success")
    answer = lookup_rotterdam(database)
    assert "010-1234567" in answer and "010-2365212" not in answer
    history = subprocess.run([sys.executable, "-m", "coverage", "versions", "--json"],
                             capture_output=True, text=True, cwd=REPOSITORY_ROOT, timeout=120,
                             env={**os.environ, DATABASE_URL_VARIABLE: database})
    newest = yaml.safe_load(history.stdout)[0]
    assert (newest["number"], newest["published_by"]) == (3, "piet")


def test_a_conflicting_publish_keeps_both_texts_and_tells_the_editor(database: str) -> None:
    editor = edit_rotterdam_phone(sign_in(open_page(), "anna"), "010-1234567")
    editor.button(key="save_draft").click().run()
    publisher = confirm(sign_in(open_page(), "piet"), 1)  # draft 1 on version 2 ...

    # ... when someone else publishes another number for Rotterdam.
    versions = open_store(database)
    accounts = AccountStore(versions.engine, failure_delay_s=0)
    other = DraftStore(versions, accounts, load_units())
    session = accounts.sign_in("piet", PASSWORD)
    data = yaml.safe_load(entry_of(versions.texts(2)[0], "gemeente-rotterdam"))
    data["contacts"][0]["phones"] = ["010-7654321"]
    theirs = other.save(session, entry_id="gemeente-rotterdam", action="change",
                        entry_yaml=entry_text(data), base=2)
    other.publish(session, theirs.id)

    publisher.button(key="publish_1").click().run()
    assert not publisher.exception
    assert texts(publisher, "error") == [
        "Not published: version 3 was published after this draft's base (version 2). The "
        "draft is kept; compare both texts."]
    both = texts(publisher, "preformatted")
    assert any("010-7654321" in text for text in both)
    assert any("010-1234567" in text for text in both)
    assert "010-7654321" in lookup_rotterdam(database)  # the other publication stands

    editor = sign_in(open_page(), "anna")  # the editor, on their next visit
    assert ("Version 3 was published after this draft's base. See below what changed; "
            "nothing is lost.") in texts(editor, "warning")
    both = texts(editor, "preformatted")
    assert any("010-7654321" in text for text in both)
    assert any("010-1234567" in text for text in both)
    editor.button(key="rebase_1").click().run()
    publisher = publish(sign_in(open_page(), "piet"), 1)
    assert "Published as version 4." in texts(publisher, "success")
    assert "010-1234567" in lookup_rotterdam(database)


def shown_version(app: AppTest) -> str:
    """The sidebar's line saying which version the page shows."""
    return next(line for line in texts(app, "caption") if line.startswith("Shown: version"))


def test_after_publishing_the_page_shows_the_new_version_at_once(database: str) -> None:
    editor = edit_rotterdam_phone(sign_in(open_page(), "anna"), "010-1234567")
    editor.button(key="save_draft").click().run()
    publisher = sign_in(open_page(), "piet")
    clear_data_cache()
    confirm(publisher, 1)  # reads the newest number afresh: the cache holds it for 2 s ...
    assert shown_version(publisher).startswith("Shown: version 2,")
    publisher.button(key="publish_1").click().run()  # ... and this run starts within them
    assert "Published as version 3." in texts(publisher, "success")
    # The run after the publish shows version 3 from its start: the version watch has nothing
    # to rerun for, so it leaves the outcome on the page (in a browser:
    # tests/e2e/test_editing.py).
    assert shown_version(publisher).startswith("Shown: version 3,")


def test_publishing_a_draft_another_publisher_just_published_says_so(database: str) -> None:
    editor = edit_rotterdam_phone(sign_in(open_page(), "anna"), "010-1234567")
    editor.button(key="save_draft").click().run()
    first, second = (confirm(sign_in(open_page(), "piet"), 1),
                     confirm(sign_in(open_page(), "piet"), 1))
    first.button(key="publish_1").click().run()
    second.button(key="publish_1").click().run()  # its page still offered draft 1
    assert not second.exception
    assert texts(second, "error") == [
        "Not published: draft 1 is no longer open (another publisher has just published it). "
        "The list below is up to date."]
    assert not [button for button in second.button if button.key == "publish_1"]
    assert shown_version(second).startswith("Shown: version 3,")


def test_the_page_speaks_dutch(database: str) -> None:
    app = sign_in(open_page("nl"), "anna")
    assert "Aangemeld als anna (redacteur)." in texts(app, "caption")
    assert "Afmelden" in [button.label for button in app.button]
