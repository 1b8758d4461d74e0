"""Steps on the edit page in Chromium, shared by `tests/e2e/test_editing.py` and
`scripts/screenshot_edit_page.py`: accounts made with the CLI, signing in and out, changing
Rotterdam's phone number, saving a draft, publishing it. Plain functions (no pytest)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

from registry.database import DATABASE_URL_VARIABLE
from tests.e2e.helpers import REPO_ROOT, wait_for_script_done

if TYPE_CHECKING:
    from playwright.sync_api import Page

EDIT_PATH = "bewerken"
"""The edit page's address below the app's base URL (`ui.shell.pages`)."""
PASSWORD = "lang-genoeg-wachtwoord"
ROTTERDAM = "gemeente-rotterdam"


def add_accounts(database_url: str) -> None:
    """An editor `anna` and a publisher `piet`, made with `python -m coverage user add`."""
    environment = {**os.environ, DATABASE_URL_VARIABLE: database_url}
    for name, role in (("anna", "editor"), ("piet", "publisher")):
        subprocess.run([sys.executable, "-m", "coverage", "user", "add", name, "--role", role,
                        "--password-stdin"], input=PASSWORD + "\n", text=True, check=True,
                       cwd=REPO_ROOT, env=environment, capture_output=True, timeout=120)


def widget(page: Page, key: str, element: str = "input") -> object:
    """The input (or textarea) of the widget with this key (Streamlit's `st-key-…` class)."""
    return page.locator(f".st-key-{key.replace('.', '-')} {element}")


def sign_in(page: Page, origin: str, name: str) -> None:
    """Open the edit page and sign in as `name`."""
    page.goto(f"{origin}/{EDIT_PATH}")
    wait_for_script_done(page)
    widget(page, "sign_in_name").fill(name)
    widget(page, "sign_in_password").fill(PASSWORD)
    page.locator('[data-testid="stFormSubmitButton"] button').click()
    page.get_by_text(f"Aangemeld als {name}").wait_for()
    wait_for_script_done(page)


def change_rotterdam_phone(page: Page, number: str) -> None:
    """Choose Rotterdam's entry and give its first contact another number."""
    widget(page, "edit_entry").click()
    page.keyboard.type("Gemeente Rotterdam")
    page.keyboard.press("Enter")
    wait_for_script_done(page)
    phones = widget(page, "entry_form.contact.0.phones", "textarea")
    phones.fill(number)
    phones.press("Control+Enter")
    wait_for_script_done(page)
    page.get_by_text("Rotterdam: ander contact").wait_for()


def save_draft(page: Page) -> None:
    """Save the form as a draft and wait for the confirmation."""
    page.locator(".st-key-save_draft button").click()
    page.get_by_text("Concept 1 opgeslagen.").wait_for()
    wait_for_script_done(page)


def publish_first_draft(page: Page) -> None:
    """Confirm that draft 1 becomes version 3, publish it and wait for the confirmation."""
    page.get_by_text("Publiceren als versie 3?").wait_for()
    page.locator(".st-key-confirm_1_3 label").click()
    page.locator(".st-key-publish_1 button:enabled").click()
    page.get_by_text("Gepubliceerd als versie 3.").wait_for()
