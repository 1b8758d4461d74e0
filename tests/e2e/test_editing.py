"""End-to-end: in Chromium, an editor signs in and saves a draft with Rotterdam's new number, a
publisher signs in and publishes it (the confirmation stays on the page), and `python -m
coverage lookup Rotterdam` shows it; without signing in the edit page offers nothing but the
sign-in form."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from registry.database import DATABASE_URL_VARIABLE
from tests.e2e.editing_steps import (
    EDIT_PATH,
    add_accounts,
    change_rotterdam_phone,
    publish_first_draft,
    save_draft,
    sign_in,
    widget,
)
from tests.e2e.helpers import REPO_ROOT, AppPage, wait_for_script_done
from ui.data import NEWEST_TTL_S
from ui.shell.sidebar import WATCH_EVERY_S

pytestmark = pytest.mark.e2e

NEW_NUMBER = "010-1234567"


def test_sign_in_edit_and_publish(start_app: Callable[..., str],
                                  open_page: Callable[[str], AppPage], tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    add_accounts(database_url)
    origin = start_app(None, database_url)

    anonymous = open_page(origin)
    anonymous.page.goto(f"{origin}/{EDIT_PATH}")
    wait_for_script_done(anonymous.page)
    assert widget(anonymous.page, "sign_in_password").get_attribute("type") == "password"
    assert anonymous.page.locator(".st-key-edit_entry").count() == 0
    assert anonymous.page.locator(".st-key-save_draft").count() == 0

    editor = open_page(origin)
    sign_in(editor.page, origin, "anna")
    change_rotterdam_phone(editor.page, NEW_NUMBER)
    save_draft(editor.page)
    assert editor.page.locator(".st-key-publish_1").count() == 0  # an editor cannot publish

    publisher = open_page(origin)
    sign_in(publisher.page, origin, "piet")
    publish_first_draft(publisher.page)
    # The confirmation stays: the version watch's ticks find the new version already shown.
    publisher.page.wait_for_timeout((WATCH_EVERY_S + NEWEST_TTL_S) * 1000 + 500)
    assert publisher.page.get_by_text("Gepubliceerd als versie 3.").is_visible()
    assert publisher.page.locator('[data-testid="stSidebar"]').get_by_text(
        "Getoond: versie 3").is_visible()
    publisher.screenshot()
    for page in (anonymous, editor, publisher):
        page.assert_same_origin()

    answer = subprocess.run([sys.executable, "-m", "coverage", "lookup", "Rotterdam"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, DATABASE_URL_VARIABLE: database_url})
    assert answer.returncode == 0, answer.stderr
    assert NEW_NUMBER in answer.stdout and "010-2365212" not in answer.stdout
