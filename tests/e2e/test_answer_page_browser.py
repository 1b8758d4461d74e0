"""End-to-end: the plain answer page (`/gemeente/…`, web/pages.py) served by the running app,
in Chromium at a phone's size (390 by 844): every `tel:` link in the first screen, no script, no
request off the app's origin, the security headers, no serious or critical axe violation in
Dutch or English, the print layout without the search form, and the search form and the
dashboard card's link work without a web socket."""

from __future__ import annotations

import pytest

from tests.support.accessibility import audit as _audit
from tests.support.browser import CARD, VIEWPORTS, AppPage, open_at

PHONE = VIEWPORTS["phone"]


def _open(app_page: AppPage, path: str) -> dict[str, str]:
    page = app_page.page
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    response = page.goto(app_page.origin + path)
    assert response is not None and response.status == 200
    return response.headers


def _tel_links_in_first_screen(app_page: AppPage) -> list[str]:
    """The `tel:` links of the list of whom to call; each must lie inside the first screen."""
    boxes = app_page.page.evaluate("""() => [...document.querySelectorAll(
        'ul.calls a[href^="tel:"]')].map(link => {
          const box = link.getBoundingClientRect();
          return [link.getAttribute('href'), box.top, box.bottom, box.left, box.right,
                  parseFloat(getComputedStyle(link).fontSize)];
        })""")
    assert boxes, "no tel: link"
    for href, top, bottom, left, right, size in boxes:
        assert top >= 0 and bottom <= PHONE[1], f"{href} is not in the first screen"
        assert left >= 0 and right <= PHONE[0], f"{href} is wider than the screen"
        assert size >= 24, f"{href} is not in large type ({size}px)"
    return [href for href, *_ in boxes]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_numbers_in_the_first_screen_and_axe_clean(app_page: AppPage,
                                                        language: str) -> None:
    headers = _open(app_page, f"/gemeente/GM0228?lang={language}")  # Ede: two numbers
    page = app_page.page
    assert _tel_links_in_first_screen(app_page) == ["tel:+31555269200", "tel:+31883744744"]
    assert page.evaluate("() => document.documentElement.lang") == language
    assert page.evaluate("() => document.scripts.length") == 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE[0]
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["etag"].startswith(f'"v2-{language}-GM0228-')
    assert _audit(app_page, f"answer page {language}") == []
    app_page.screenshot()

    page.emulate_media(media="print")
    assert not page.locator("form").is_visible()
    assert page.locator('ul.calls a[href^="tel:"]').first.is_visible()
    page.emulate_media(media="screen")
    app_page.assert_same_origin()


def test_choices_and_not_found_are_axe_clean(app_page: AppPage) -> None:
    _open(app_page, "/gemeente/Bergen")
    assert app_page.page.locator('a[href="/gemeente/GM0373"]').is_visible()
    assert _audit(app_page, "choices") == []
    response = app_page.page.goto(app_page.origin + "/gemeente/nergenshuizen")
    assert response is not None and response.status == 404
    assert _audit(app_page, "not found") == []


def test_the_search_form_and_the_cards_link(app_page: AppPage) -> None:
    _open(app_page, "/gemeente/GM0363")
    page = app_page.page
    page.get_by_label("Gemeente, plaats of postcode").fill("2132")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/gemeente/2132")
    assert page.locator("h1").inner_text() == "Haarlemmermeer: wie belt u?"
    assert "Postcode 2132 (Hoofddorp)" in page.locator("p.via").inner_text()
    _tel_links_in_first_screen(app_page)
    assert not any(url.startswith("ws") for url in app_page.requests)  # no web socket

    open_at(app_page, "phone", "/?gemeente=GM0193")
    link = page.locator(CARD).get_by_role("link", name="Link naar dit antwoord")
    assert link.get_attribute("href") == "/gemeente/GM0193"
    response = page.goto(app_page.origin + "/gemeente/GM0193")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text() == "Zwolle: wie belt u?"
