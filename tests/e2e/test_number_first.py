"""End-to-end: the number first. After a search, a click on the map or a link, the contact
card's `tel:` link is inside the viewport without scrolling by the user, on a laptop and on a
phone (where the card comes before the map)."""

from __future__ import annotations

import pytest

from tests.e2e.helpers import CARD, AppPage, click_municipality, search_for, wait_for_app

VIEWPORTS = {"laptop": (1400, 1000), "phone": (390, 844)}
ZWOLLE = ("GM0193", 6.10, 52.51)  # code, longitude and latitude of its representative point


def _tel_link_in_view(app_page: AppPage, number: str) -> None:
    page = app_page.page
    link = page.locator(CARD).locator(f'a[href="tel:{number}"]').first
    link.wait_for()
    # The card is kept in view while the page settles; the link must end inside the viewport.
    page.wait_for_function(
        """([selector, href]) => {
             const link = document.querySelector(`${selector} a[href="${href}"]`);
             if (!link) { return false; }
             const box = link.getBoundingClientRect();
             return box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0;
           }""", arg=[CARD, f"tel:{number}"], timeout=10_000)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_search_and_enter_show_the_number_in_view(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_page.origin)
    wait_for_app(page)
    search_for(page, "Zwolle")
    _tel_link_in_view(app_page, "+31334481186")
    if viewport == "phone":  # the card comes before the map on a narrow screen
        card_top = page.locator(CARD).bounding_box()["y"]
        map_top = page.locator("iframe[title*='st_folium']").bounding_box()["y"]
        assert card_top < map_top
    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_link_shows_the_number_in_view(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_page.origin}/?gemeente=GM0193")
    wait_for_app(page)
    _tel_link_in_view(app_page, "+31334481186")
    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_click_on_the_map_shows_the_number_in_view(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    width, height = VIEWPORTS[viewport]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_page.origin)
    wait_for_app(page)
    code, lon, lat = ZWOLLE
    click_municipality(page, code, lon, lat, name="Zwolle")  # scrolls the map into view first
    page.locator(CARD).get_by_text("Contact voor Zwolle").wait_for()
    _tel_link_in_view(app_page, "+31334481186")
    app_page.screenshot()
    app_page.assert_same_origin()
