"""End-to-end: the dashboard in headless Chromium, against `streamlit run app.py`.

A click on the map, the search box and a link each show the right contact card; register text
reaches the card as text, never as HTML; no request ever leaves the app's origin. Each test
saves a screenshot to ``artifacts/e2e/<test name>.png``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.browser import (
    CARD,
    ZWOLLE,
    AppPage,
    click_municipality,
    search_for,
    wait_for_app,
    wait_for_polygons,
)
from tests.support.injection_payloads import EVIL
from tests.support.paths import REPOSITORY_ROOT

pytestmark = pytest.mark.e2e


def test_click_on_zwolle_shows_its_card(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)

    code, lon, lat = ZWOLLE
    click_municipality(page, code, lon, lat, name="Zwolle")
    card = page.locator(CARD)
    card.get_by_text("Contact voor Zwolle").wait_for()
    assert "CoMensha" in card.inner_text()
    wait_for_app(page)  # the map is drawn again, around the selection
    assert "gemeente=GM0193" in page.url

    app_page.screenshot()
    app_page.assert_same_origin()


def test_search_den_bosch_shows_its_card_and_phone(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)

    search_for(page, "Den Bosch")
    card = page.locator(CARD)
    card.wait_for()  # the rerun the key press starts may begin after the script looked done
    assert card.count() == 1
    assert "Contact voor Den Bosch" in card.inner_text()
    assert "Maatschappelijke Opvang Den Bosch" in card.inner_text()
    phone = card.locator('a[href="tel:+31736139225"]')
    assert phone.count() == 1
    assert phone.inner_text().strip() == "073 - 6139225"
    wait_for_polygons(page)
    assert "gemeente=GM0796" in page.url

    app_page.screenshot()
    app_page.assert_same_origin()


def test_link_with_a_code_opens_amsterdam(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(f"{app_page.origin}/?gemeente=GM0363")
    wait_for_app(page)

    card = page.locator(CARD)
    card.get_by_text("Contact voor Amsterdam").wait_for()
    assert "HVO Querido/ ACM" in card.inner_text()

    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.fixture
def evil_register(tmp_path: Path) -> Path:
    """A copy of the register whose Fier (current snapshot, Friesland) is an HTML payload."""
    copy = tmp_path / "data"
    shutil.copytree(REPOSITORY_ROOT / "data", copy)
    current = copy / "snapshots" / "current.yaml"
    text = current.read_text(encoding="utf-8")
    assert text.count("organisation: Fier\n") == 1
    quoted = "'" + EVIL.replace("'", "''") + "'"  # YAML single quotes: '' is one '
    current.write_text(text.replace("organisation: Fier\n", f"organisation: {quoted}\n"),
                       encoding="utf-8")
    return copy


def test_register_text_is_shown_as_text_not_html(
        evil_register: Path, start_app: Callable[[Path | None], str],
        open_page: Callable[[str], AppPage]) -> None:
    app_page = open_page(start_app(evil_register))
    page = app_page.page
    page.goto(f"{app_page.origin}/?gemeente=Leeuwarden")
    wait_for_app(page)

    card = page.locator(CARD)
    card.get_by_text("Contact voor Leeuwarden").wait_for()
    page.wait_for_timeout(1000)  # time for an onerror to fire, had the markup been parsed
    assert "<img src=x" in card.inner_text()
    assert EVIL in card.inner_text()
    assert card.locator("img").count() == 0
    assert page.evaluate("document.title") != "pwned"

    app_page.screenshot()
    app_page.assert_same_origin()
