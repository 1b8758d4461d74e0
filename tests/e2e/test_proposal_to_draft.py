"""End-to-end: in Chromium, an editor opens a shared proposal of three municipalities, follows
the page's link to the edit page to sign in, comes back to the proposal (still there), turns it
into a draft entry (the edit page's form filled from the proposal), completes it with a phone
number and saves it; the draft holds exactly those municipalities."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.browser import AppPage, wait_for_script_done
from tests.support.browser_editing import PASSWORD, add_accounts, save_draft, widget
from tests.support.proposal_page import FLEVOLAND
from tests.support.registers import draft_areas

pytestmark = pytest.mark.e2e


def test_a_proposal_becomes_a_draft_entry(start_app: Callable[..., str],
                                          open_page: Callable[[str], AppPage],
                                          tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    add_accounts(database_url)
    origin = start_app(None, database_url)
    editor = open_page(origin)
    page = editor.page
    page.goto(f"{origin}/voorstel?voorstel={','.join(FLEVOLAND)}&naam=Flevoland+samen"
              "&organisatie=Fier")
    wait_for_script_done(page)
    assert page.locator(".st-key-proposal_to_draft").count() == 0  # not signed in
    page.get_by_role("link", name="Naar de bewerkpagina").click()
    wait_for_script_done(page)
    widget(page, "sign_in_name").fill("anna")
    widget(page, "sign_in_password").fill(PASSWORD)
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    page.get_by_text("Aangemeld als anna").wait_for()
    wait_for_script_done(page)
    page.locator('[data-testid="stSidebarNav"] a[href$="/voorstel"]').click()
    wait_for_script_done(page)
    page.get_by_text("Voorstel als concept").wait_for()
    page.locator(".st-key-proposal_to_draft button").click()
    page.get_by_text("Nieuw item uit het voorstel.").wait_for()
    wait_for_script_done(page)
    assert "/bewerken" in page.url
    assert widget(page, "entry_form.id").input_value() == "flevoland-samen"
    assert widget(page, "entry_form.contact.0.organisation").input_value() == "Fier"
    phones = widget(page, "entry_form.contact.0.phones", "textarea")
    phones.fill("036-1234567")
    phones.press("Control+Enter")
    wait_for_script_done(page)
    save_draft(page)
    editor.assert_same_origin()
    assert draft_areas(database_url) == {"flevoland-samen": frozenset(FLEVOLAND)}
