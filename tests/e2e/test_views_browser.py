"""End-to-end: the views for policy readers in headless Chromium.

"Show on the map" in the border-rule view brings the map into the viewport; the national
picture's charts are drawn in their own view (none on the first page); a safety region chosen
in the gaps view gives its one-page report as a download.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.support.browser import MAP_IFRAME, AppPage, open_view, wait_for_app, wait_for_script_done
from ui.scroll import HOLD_MS

pytestmark = pytest.mark.e2e


def in_viewport(app_page: AppPage, selector: str) -> bool:
    """Whether the top of the element lies inside the viewport."""
    return app_page.page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight;
        }""", selector)


def test_show_on_map_scrolls_the_map_into_view(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    open_view(page, "Grensregel")
    button = page.get_by_role("button", name="Toon op de kaart").last
    button.scroll_into_view_if_needed()
    assert not in_viewport(app_page, MAP_IFRAME)
    button.click()
    page.get_by_text("Op de kaart: ‘Provincie Noord-Holland’").wait_for()
    page.wait_for_function(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight;
        }""", arg=MAP_IFRAME, timeout=5000)
    wait_for_app(page)
    page.wait_for_timeout(HOLD_MS + 500)  # and it stays in view once the page has settled
    assert in_viewport(app_page, MAP_IFRAME)
    app_page.screenshot()
    app_page.assert_same_origin()


def test_the_national_picture_draws_its_charts(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 0  # not on the first page
    open_view(page, "Grafieken")
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    charts.nth(2).wait_for()
    assert charts.count() == 3  # per safety region, the changes, and the statuses over time
    assert page.get_by_text("Tekstversie van de grafiek").count() == 1
    charts.first.scroll_into_view_if_needed()
    app_page.screenshot()
    app_page.assert_same_origin()


def test_a_regional_table_downloads_its_report(app_page: AppPage, tmp_path: Path) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    open_view(page, "Hiaten")
    chooser = page.get_by_label("Veiligheidsregio", exact=True)
    chooser.click()
    page.get_by_role("option", name="IJsselland (VR04)").click()
    wait_for_script_done(page)
    page.get_by_text("In veiligheidsregio IJsselland (VR04): 11 van 11 gemeenten").wait_for()
    # The label goes through plain_text.label: invisible word joiners sit between its marks.
    button = page.get_by_role("button", name=re.compile(r"^Rapport voor IJsselland \(\W*PDF"))
    button.scroll_into_view_if_needed()
    app_page.screenshot()
    with page.expect_download() as download:
        button.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    # The file names the region and the version (number and publication date).
    assert re.fullmatch(r"zorgcoordinatie-VR04-versie-2-\d{4}-\d{2}-\d{2}\.pdf", path.name)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Veiligheidsregio IJsselland (VR04)" in text and "Zwolle" in text
    assert "Versie 2 van het register" in " ".join(text.split())
    app_page.assert_same_origin()
