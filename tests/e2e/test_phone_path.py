"""End-to-end, issue 17: the phone path, on a laptop (1400 by 1000) and a phone (390 by 844).

- Every search brings the card's first `tel:` link into view, however many came before (every
  click and tap on the map too, and the map's touch gestures: `test_phone_map.py`).
- The card leads with whom to call: a partly covered municipality shows CoMensha's number (for
  the age group without a coordinator) on the first screen.
- The search offers places and postcodes as such, with their municipality, and ranks a name
  inside a municipality's own name first.
- A region link opens the gaps view with that region chosen, also after a reload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.browser import (
    CARD,
    MAP_IFRAME,
    VIEWPORTS,
    AppPage,
    map_frame,
    number_in_view,
    open_at,
    search_box,
    search_for,
    wait_for_app,
    wait_for_script_done,
)

COMENSHA = "+31334481186"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_three_searches_in_a_row_each_bring_the_number_into_view(app_page: AppPage,
                                                                  viewport: str) -> None:
    page = app_page.page
    open_at(app_page, viewport)
    for name in ("Zwolle", "Dordrecht", "Ede"):
        # The reader left the search box at the foot of the screen (scrolled back up to it):
        # the card below it is out of sight until the page brings it into view.
        search_box(page).evaluate("box => box.scrollIntoView({block: 'end'})")
        page.wait_for_timeout(200)
        search_for(page, name)
        number_in_view(app_page, name)
    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_partly_covered_municipality_shows_comensha_on_the_first_screen(
        start_app: Callable[..., str], open_page: Callable[[str], AppPage],
        without_veluwe_23_plus: Path, viewport: str) -> None:
    app_page = open_page(start_app(without_veluwe_23_plus))
    open_at(app_page, viewport, "/?gemeente=Apeldoorn")
    number_in_view(app_page, "Apeldoorn", COMENSHA)  # for victims of 23 and over
    card = app_page.page.locator(CARD)
    assert "CoMensha voor 23 jaar en ouder" in card.inner_text()
    # Whom to call first: both numbers come before the status and the region.
    html = card.inner_html()
    assert html.index(f"tel:{COMENSHA}") < html.index("Veiligheidsregio")
    app_page.screenshot()


def _offers(app_page: AppPage, text: str) -> list[str]:
    page = app_page.page
    box = search_box(page)
    box.click()
    box.fill(text)
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    page.wait_for_timeout(300)  # the list follows the last key
    offers = options.all_inner_texts()
    box.press("Escape")
    return offers


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_search_says_what_it_found(app_page: AppPage, viewport: str) -> None:
    open_at(app_page, viewport)
    assert _offers(app_page, "Hoofddorp")[0] == "Hoofddorp — gemeente Haarlemmermeer"
    assert _offers(app_page, "2132")[0] == "2132 — Haarlemmermeer"
    bosch = _offers(app_page, "Bosch")
    assert bosch[:2] == ["Den Bosch", "'s-Hertogenbosch"]
    assert _offers(app_page, "Schev")[0] == "Scheveningen — gemeente Den Haag"
    assert not [offer for offer in bosch if offer.startswith("Add")]
    search_for(app_page.page, "Hoofddorp")
    number_in_view(app_page, "Haarlemmermeer")
    app_page.screenshot()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_region_link_survives_a_reload(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    open_at(app_page, viewport, "/?veiligheidsregio=VR17")
    for _load in range(2):
        page.get_by_role("tab", name="Hiaten", selected=True).wait_for()
        wait_for_script_done(page)
        chooser = page.get_by_label("Veiligheidsregio", exact=True)
        assert chooser.input_value() == "Rotterdam-Rijnmond (VR17)"
        assert "veiligheidsregio=VR17" in page.url and "weergave=hiaten" in page.url
        frame = page.locator(MAP_IFRAME).element_handle().content_frame()
        assert frame is not None
        frame.wait_for_function("() => window.coverageFocus.shown === 'safety_region:VR17'")
        page.reload()
        wait_for_app(page)
    assert map_frame(page).locator(".leaflet-coverageFocus-pane path").count() > 0
    app_page.screenshot()
