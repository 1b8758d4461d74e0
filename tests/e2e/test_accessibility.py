"""End-to-end: an axe-core audit (axe-playwright-python, which ships axe-core: nothing is
downloaded) finds no serious or critical violation, on a Dutch and an English page, at a
laptop's and a phone's size: the page with a contact card, every view below the map, and the
search box with its offers open. The map's frame is audited too (axe runs inside it); once a
view is opened, the views are audited again, not the whole page."""

from __future__ import annotations

import pytest

from tests.support.accessibility import audit as _audit
from tests.support.browser import CARD, VIEWPORTS, AppPage, open_at, open_view, search_box

VIEWS = '[data-testid="stTabs"]'
"""The views below the map: all that changes when another view is opened."""
SEARCH_LABELS = {"nl": "Zoek een gemeente", "en": "Find a municipality"}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_serious_or_critical_violation(app_page: AppPage, language: str,
                                          viewport: str) -> None:
    page = app_page.page
    open_at(app_page, viewport, f"/?gemeente=GM0193&lang={language}")
    page.locator(CARD).wait_for()
    assert page.evaluate("() => document.documentElement.lang") == language
    found = _audit(app_page, "card")

    tabs = page.get_by_role("tab").all_inner_texts()
    assert len(tabs) == 8
    for tab in tabs if viewport == "laptop" else tabs[:1]:
        open_view(page, tab, settle_ms=500)
        found += _audit(app_page, f"view {tab}", within=VIEWS)  # the rest was audited above

    box = search_box(page, SEARCH_LABELS[language])
    box.click()
    box.fill("Ber")
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    found += _audit(app_page, "search offers open")
    app_page.screenshot()
    assert not found, "\n".join(found)
    app_page.assert_same_origin()
