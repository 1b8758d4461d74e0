"""End-to-end, issue 17: the map on the phone path, on a laptop (1400 by 1000) and a phone
(390 by 844); the searches, the card and the links are in `test_phone_path.py`.

- Every click or tap on the map brings the card's first `tel:` link into view, however many
  came before.
- On a phone (touch events, a mobile viewport): a one-finger swipe on the map scrolls the page,
  and a tap in the middle of Dordrecht at the opening zoom selects Dordrecht.
"""

from __future__ import annotations

import pytest

from tests.support.browser import (
    CARD,
    MAP_IFRAME,
    PHONE_CONTEXT,
    VIEWPORTS,
    AppPage,
    municipality_point,
    number_in_view,
    open_app_page,
    open_at,
    wait_for_app,
)
from ui.scroll import HOLD_MS

SCROLL_TOP_JS = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"


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
            number_in_view(app_page, name)
            page.wait_for_timeout(HOLD_MS + 200)  # the card is held in view this long
        app_page.screenshot()
    finally:
        app_page.close()


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
