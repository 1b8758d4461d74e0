"""End-to-end: the number first. After a search, a click on the map or a link, the contact
card's `tel:` link is inside the viewport without scrolling by the user, on a laptop and on a
phone (where the card comes before the map)."""

from __future__ import annotations

import pytest

from tests.support.browser import (
    CARD,
    VIEWPORTS,
    ZWOLLE,
    AppPage,
    click_municipality,
    open_at,
    search_for,
)

ZWOLLE_NUMBER = "+31334481186"


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
    open_at(app_page, viewport)
    search_for(page, "Zwolle")
    _tel_link_in_view(app_page, ZWOLLE_NUMBER)
    if viewport == "phone":  # the card comes before the map on a narrow screen
        card_top = page.locator(CARD).bounding_box()["y"]
        map_top = page.locator("iframe[title*='st_folium']").bounding_box()["y"]
        assert card_top < map_top
    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_link_shows_the_number_in_view(app_page: AppPage, viewport: str) -> None:
    open_at(app_page, viewport, "/?gemeente=GM0193")
    _tel_link_in_view(app_page, ZWOLLE_NUMBER)
    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_click_on_the_map_shows_the_number_in_view(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    open_at(app_page, viewport)
    code, lon, lat = ZWOLLE
    click_municipality(page, code, lon, lat, name="Zwolle")  # scrolls the map into view first
    page.locator(CARD).get_by_text("Contact voor Zwolle").wait_for()
    _tel_link_in_view(app_page, ZWOLLE_NUMBER)
    app_page.screenshot()
    app_page.assert_same_origin()
