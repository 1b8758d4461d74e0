"""End-to-end, issue 17: the phone path, on a laptop (1400 by 1000) and a phone (390 by 844).

- Every search brings the card's first `tel:` link into view, however many came before.
- The card leads with whom to call: a partly covered municipality shows CoMensha's number (for
  the age group without a coordinator) on the first screen.
- On a phone (touch events, a mobile viewport): a one-finger swipe on the map scrolls the page,
  and a tap in the middle of Dordrecht at the opening zoom selects Dordrecht.
- The search offers places and postcodes as such, with their municipality, and ranks a name
  inside a municipality's own name first.
- A region link opens the gaps view with that region chosen, also after a reload.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.e2e.helpers import (
    CARD,
    MAP_IFRAME,
    PHONE_CONTEXT,
    VIEWPORTS,
    AppPage,
    map_frame,
    municipality_point,
    open_app_page,
    open_at,
    search_box,
    search_for,
    wait_for_app,
    wait_for_script_done,
)
from tests.test_partial import VELUWE_MOVIERA, _edited_register
from ui.scroll import HOLD_MS

COMENSHA = "+31334481186"
NUMBER_IN_VIEW_JS = """
(selector) => {
    const link = document.querySelector(selector);
    if (!link) { return false; }
    const box = link.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0;
}
"""
SCROLL_TOP_JS = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"


def _number_in_view(app_page: AppPage, name: str, number: str | None = None) -> None:
    """Wait until the card names `name` and its first `tel:` link (or the one for `number`)
    lies wholly inside the viewport."""
    page = app_page.page
    page.locator(CARD).get_by_text(f"Contact voor {name}", exact=True).wait_for()
    selector = (f'{CARD} a[href="tel:{number}"]' if number else f'{CARD} a[href^="tel:"]')
    page.wait_for_function(NUMBER_IN_VIEW_JS, arg=selector, timeout=15_000)


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
        _number_in_view(app_page, name)
    app_page.screenshot()
    app_page.assert_same_origin()


TAPS = (("GM0193", 6.10, 52.51, "Zwolle"), ("GM0166", 5.92, 52.56, "Kampen"),
        ("GM0150", 6.16, 52.25, "Deventer"))
"""Three municipalities of one safety region (IJsselland): after the first, the map shows the
region, and the others are on it."""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_three_clicks_on_the_map_in_a_row_each_bring_the_number_into_view(
        browser: object, app_url: str, viewport: str) -> None:
    """On a phone the map is below the card: every tap leaves the card out of sight, unless
    the page brings it back, for the third selection as for the first."""
    options = PHONE_CONTEXT if viewport == "phone" else {}
    app_page = open_app_page(browser, app_url, f"three_clicks_{viewport}",  # type: ignore[arg-type]
                             **options)
    try:
        page = app_page.page
        open_at(app_page, viewport)
        for code, lon, lat, name in TAPS:
            x, y = municipality_point(page, code, lon, lat)  # scrolls the map into view
            if viewport == "phone":
                page.touchscreen.tap(x, y)
            else:
                page.mouse.click(x, y)
            _number_in_view(app_page, name)
            page.wait_for_timeout(HOLD_MS + 200)  # the card is held in view this long
        app_page.screenshot()
    finally:
        app_page.close()


@pytest.fixture(scope="module")
def partial_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real register with the Veluwe's 23+ contact removed: Apeldoorn is partly covered."""
    return _edited_register(tmp_path_factory.mktemp("partial") / "data", VELUWE_MOVIERA,
                            "  - id: gemeente-groningen")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_partly_covered_municipality_shows_comensha_on_the_first_screen(
        start_app: Callable[..., str], open_page: Callable[[str], AppPage],
        partial_register: Path, viewport: str) -> None:
    app_page = open_page(start_app(partial_register))
    open_at(app_page, viewport, "/?gemeente=Apeldoorn")
    _number_in_view(app_page, "Apeldoorn", COMENSHA)  # for victims of 23 and over
    card = app_page.page.locator(CARD)
    assert "CoMensha voor 23 jaar en ouder" in card.inner_text()
    # Whom to call first: both numbers come before the status and the region.
    html = card.inner_html()
    assert html.index(f"tel:{COMENSHA}") < html.index("Veiligheidsregio")
    app_page.screenshot()


def _open_phone(browser: object, app_url: str, open_page_name: str = "phone") -> AppPage:
    app_page = open_app_page(browser, app_url, open_page_name, **PHONE_CONTEXT)  # type: ignore[arg-type]
    app_page.page.goto(app_url)
    wait_for_app(app_page.page)
    return app_page


def test_a_swipe_on_the_phone_s_map_scrolls_the_page(browser: object, app_url: str) -> None:
    app_page = _open_phone(browser, app_url, "swipe_on_the_phone_map")
    try:
        page = app_page.page
        iframe = page.locator(MAP_IFRAME)
        iframe.scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        box = iframe.bounding_box()
        assert box is not None
        frame = iframe.element_handle().content_frame()
        assert frame is not None
        centre_js = "() => { const c = window.map.getCenter(); return [c.lat, c.lng]; }"
        centre, top = frame.evaluate(centre_js), page.evaluate(SCROLL_TOP_JS)
        x = box["x"] + box["width"] / 2
        y = box["y"] + min(box["height"], 844 - box["y"]) * 0.7
        cdp = page.context.new_cdp_session(page)
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        for step in range(1, 16):
            cdp.send("Input.dispatchTouchEvent",
                     {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 20 * step}]})
            page.wait_for_timeout(16)
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_timeout(800)
        assert page.evaluate(SCROLL_TOP_JS) > top + 150  # the page scrolled
        assert frame.evaluate(centre_js) == centre  # the map did not move
        app_page.screenshot()
    finally:
        app_page.close()


def test_a_tap_on_dordrecht_selects_dordrecht(browser: object, app_url: str) -> None:
    app_page = _open_phone(browser, app_url, "tap_on_dordrecht")
    try:
        page = app_page.page
        frame = page.locator(MAP_IFRAME).element_handle().content_frame()
        assert frame is not None
        assert frame.evaluate("() => window.map.getZoom()") < 7.5  # the phone's opening zoom
        x, y = municipality_point(page, "GM0505", 4.709, 51.782)  # Dordrecht's centroid
        page.touchscreen.tap(x, y)
        page.locator(CARD).get_by_text("Contact voor Dordrecht", exact=True).wait_for()
        assert "gemeente=GM0505" in page.url
        app_page.screenshot()
    finally:
        app_page.close()


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
    _number_in_view(app_page, "Haarlemmermeer")
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
