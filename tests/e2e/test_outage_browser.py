"""End-to-end: the register's SQLite file goes away under an open page. A new search still
shows the number (a `tel:` link) under one line saying the database cannot be reached; when
the file comes back, the open page drops that line by itself, without a reload."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.browser import CARD, AppPage, search_for, wait_for_app

pytestmark = pytest.mark.e2e

NOTICE = "de database is nu niet bereikbaar"
BACK_WITHIN_MS = 10_000
"""The version watch ticks every 3 s; a failure is remembered for 2 s; then one rerun."""
NEWEST_TTL_S = 2.0


def test_a_page_keeps_its_numbers_while_the_database_is_gone_and_comes_back_by_itself(
        start_app: Callable[..., str], open_page: Callable[[str], AppPage],
        tmp_path: Path) -> None:
    database = tmp_path / "db" / "register.sqlite3"
    app_page = open_page(start_app(None, f"sqlite:///{database}"))
    page = app_page.page
    page.goto(f"{app_page.origin}/?gemeente=GM0193")
    wait_for_app(page)
    card = page.locator(CARD)
    card.get_by_text("Zwolle").first.wait_for()
    assert card.locator('a[href^="tel:"]').count() >= 1
    assert page.get_by_text(NOTICE).count() == 0

    aside = tmp_path / "aside"
    aside.mkdir()
    files = [database.with_name(database.name + suffix) for suffix in ("", "-wal", "-shm")]
    for file in files:
        if file.exists():
            file.rename(aside / file.name)
    time.sleep(NEWEST_TTL_S + 0.5)  # the server's cached newest number expires

    search_for(page, "Den Bosch")
    card.get_by_text("'s-Hertogenbosch").first.wait_for()
    assert card.locator('a[href="tel:+31736139225"]').count() >= 1
    page.get_by_text(NOTICE).wait_for()
    assert not database.exists()  # the server did not create the database anew
    app_page.screenshot(f"{app_page.name}-offline")

    for file in files:
        if (aside / file.name).exists():
            (aside / file.name).rename(file)
    started = time.monotonic()
    page.get_by_text(NOTICE).wait_for(state="detached", timeout=BACK_WITHIN_MS)
    print(f"notice gone {time.monotonic() - started:.1f} s after the database came back")
    assert card.locator('a[href="tel:+31736139225"]').count() >= 1
    app_page.assert_same_origin()
