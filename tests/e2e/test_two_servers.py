"""End-to-end: two dashboard servers on one PostgreSQL database. A new phone number published
through the command line shows in both open browsers within seconds, without a reload."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.browser import CARD, AppPage, wait_for_app
from tests.support.cli import publish_phone_change
from tests.support.postgres import fresh_database

pytestmark = pytest.mark.e2e

OLD, NEW = "058 - 215 70 84", "058 - 215 70 85"
PUBLISHED_WITHIN_MS = 20_000
"""A new version reaches an open page after at most the poll interval plus the cache's TTL
(3 + 2 s) and one rerun; the margin is for a busy test machine."""


def test_a_published_phone_number_shows_on_both_servers(
        start_app: Callable[..., str], open_page: Callable[[str], AppPage],
        postgres_server_url: str, tmp_path: Path) -> None:
    database_url = fresh_database(postgres_server_url)
    pages = [open_page(start_app(None, database_url)) for _ in range(2)]
    for app_page in pages:
        app_page.page.goto(f"{app_page.origin}/?gemeente=GM0080")
        wait_for_app(app_page.page)
        card = app_page.page.locator(CARD)
        card.get_by_text("Contact voor Leeuwarden").wait_for()
        assert OLD in card.inner_text()

    published = publish_phone_change(database_url, tmp_path, OLD, NEW)
    assert "Published version 3" in published.stdout

    for app_page in pages:  # no reload: the open pages pick the new version up themselves
        card = app_page.page.locator(CARD)
        card.get_by_text(NEW).wait_for(timeout=PUBLISHED_WITHIN_MS)
        assert OLD not in card.inner_text()
        sidebar = app_page.page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text("Getoond: versie 3").wait_for(timeout=5_000)
        app_page.screenshot(f"{app_page.name}-{pages.index(app_page)}")
        app_page.assert_same_origin()
