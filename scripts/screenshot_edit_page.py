"""Take the README's screenshot of the edit page (`docs/edit-page.png`) in headless Chromium.

Starts the dashboard on a throwaway SQLite database with an editor account, signs in, chooses
Rotterdam's entry and types a new phone number, so the picture shows the form, its validation
and the effect against the newest version. Run from the repository root:

    python scripts/screenshot_edit_page.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.browser import launch_chromium, open_app_page
from tests.support.browser_editing import add_accounts, change_rotterdam_phone, sign_in
from tests.support.paths import REPOSITORY_ROOT
from tests.support.servers import app_server

OUTPUT = REPOSITORY_ROOT / "docs" / "edit-page.png"
VIEWPORT = {"width": 1400, "height": 2000}
"""Tall enough for the form, its validation and the effect in one picture."""


def main() -> None:
    """Start the app, drive the edit page and save the screenshot."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="edit-screenshot-") as folder:
        database_url = f"sqlite:///{Path(folder) / 'register.sqlite3'}"
        add_accounts(database_url)
        with app_server(None, work_dir=Path(folder), database_url=database_url) as origin, \
                sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            app_page = open_app_page(browser, origin, "edit-page")
            app_page.page.set_viewport_size(VIEWPORT)
            sign_in(app_page.page, origin, "anna")
            change_rotterdam_phone(app_page.page, "010-1234567")
            app_page.page.screenshot(path=OUTPUT)
            app_page.assert_same_origin()
            browser.close()
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
