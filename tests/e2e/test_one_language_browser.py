"""End-to-end: a Dutch page speaks Dutch, Streamlit's own words included, and nothing is cut,
at 1400 x 1000 and 390 x 844.

The first test walks the Dutch dashboard with a card, opens the sidebar and every view, then
the edit page's sign-in form, and collects after each step what a reader or a screen reader
meets: the visible text, every `aria-label`, `title`, `placeholder` and `alt`, and the text of
links, buttons and labels, visible or not (the "Skip to main content" link shows only on
focus), in the page and in the map's frame. None of Streamlit's English phrases may be among
them. The second test opens every view and checks that no element is wider than its
container: the page, the main block and each table's frame scroll no wider than they are (a
table scrolls inside its own frame), every header cell shows its whole text, and on a phone
every view tab is on the screen.
"""

from __future__ import annotations

import re

import pytest

from tests.e2e.helpers import CARD, VIEWPORTS, AppPage, map_frame, open_at, open_view
from ui.text.i18n import Translator

pytestmark = pytest.mark.e2e

NL = Translator("nl")
VIEWS = [NL(key) for key in ("tab_overview", "tab_charts", "tab_gaps", "tab_border",
                             "tab_coordinators", "tab_changes", "tab_downloads", "tab_history")]

ENGLISH = (
    # Streamlit's frontend
    "Choose an option", "Choose options", "Press Enter to apply", "Press Enter to submit form",
    "Show/hide columns", "Download as CSV", "Search", "Fullscreen", "Close fullscreen",
    "Skip to main content", "Collapse sidebar", "Expand sidebar", "Show password",
    "Hide password", "Scroll tabs right", "Scroll tabs left", "Clear value", "Clear all",
    "No results", "Main menu", "Show data", "Download as PNG", "Running...",
    # the project's own words that were English on the Dutch page
    "Add:", "First start", "seeded from", "None", "current", "earlier",
    "municipality: Rotterdam", "UTC", "Status: no coordinator",
)
"""English that must not be on the Dutch page (whole words, case-sensitive)."""

LOADED_MACHINE_MS = 90_000
"""Generous waits: the machine's cores are shared with other test runs."""

_COLLECT_JS = """() => {
  const out = [document.body.innerText];
  for (const element of document.querySelectorAll("*")) {
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      const value = element.getAttribute(name);
      if (value) out.push(value);
    }
  }
  for (const element of document.querySelectorAll(
      "a, button, label, [data-testid=InputInstructions], [role=option], [role=tab]")) {
    out.push(element.textContent);
  }
  return out.join("\\n");
}"""


def _page_words(app_page: AppPage) -> str:
    """What a reader or screen reader meets on the page and in the map's frame."""
    page = app_page.page
    words = [page.evaluate(_COLLECT_JS)]
    for frame in page.frames[1:]:
        try:
            words.append(frame.evaluate(_COLLECT_JS))
        except Exception:  # a frame that went away meanwhile
            continue
    return "\n".join(words)


def _english_in(words: str) -> list[str]:
    return [phrase for phrase in ENGLISH
            if re.search(rf"(?<![\w/]){re.escape(phrase)}(?![\w/])", words)]


def _open_sidebar(app_page: AppPage) -> None:
    page = app_page.page
    expand = page.locator("[data-testid=stExpandSidebarButton]")
    if expand.count() and expand.is_visible():
        expand.click()
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.wait_for(
        state="visible", timeout=30_000)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_dutch_page_has_no_english_phrases(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    page.set_default_timeout(LOADED_MACHINE_MS)
    open_at(app_page, viewport, "/?gemeente=Apeldoorn")
    page.locator(CARD).get_by_text("Contact voor Apeldoorn").wait_for(timeout=60_000)
    assert page.evaluate("() => document.documentElement.lang") == "nl"
    map_frame(page).locator("path.leaflet-interactive").first.wait_for(state="attached")
    found: dict[str, list[str]] = {}

    def check(step: str) -> None:
        page.wait_for_timeout(300)  # the words' script swaps on the next animation frame
        english = _english_in(_page_words(app_page))
        if english:
            found[step] = english

    _open_sidebar(app_page)
    check("sidebar open")
    # The version picker, open: its options and its empty state.
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
    page.get_by_role("option").first.wait_for()
    check("version picker open")
    page.keyboard.press("Escape")
    if viewport == "phone":  # the sidebar covers the page on a phone
        page.locator("[data-testid=stSidebarCollapseButton] button").click()
    for view in VIEWS:
        open_view(page, view)
        check(f"view {view}")
    # A text field with a changed value shows Streamlit's hint under it.
    open_view(page, NL("tab_gaps"))
    page.goto(app_page.origin + "/bewerken")
    page.get_by_label(NL("sign_in_password"), exact=True).wait_for(timeout=60_000)
    page.get_by_label(NL("sign_in_name"), exact=True).fill("iemand")
    page.get_by_label(NL("sign_in_password"), exact=True).fill("geheim")
    check("edit page sign-in form")
    app_page.screenshot(f"one-language-{viewport}")
    assert not found, found


_OVERFLOW_JS = """() => {
  const problems = [];
  const wide = (element) => element.scrollWidth > element.clientWidth + 1;
  const root = document.scrollingElement;
  if (wide(root)) problems.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
  const main = document.querySelector("[data-testid=stMainBlockContainer]");
  if (wide(main)) problems.push(`main block ${main.scrollWidth} > ${main.clientWidth}`);
  const right = main.getBoundingClientRect().right;
  for (const frame of document.querySelectorAll(".plain-table-frame")) {
    const box = frame.getBoundingClientRect();
    const parent = frame.parentElement;
    if (box.right > right + 1) problems.push(`table frame ends at ${box.right} > ${right}`);
    if (wide(parent)) {
      problems.push(`table container ${parent.scrollWidth} > ${parent.clientWidth}`);
    }
    for (const cell of frame.querySelectorAll("thead th")) {
      if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`header cut: ${cell.textContent}`);
      }
    }
  }
  const charts = "[data-testid=stVegaLiteChart] svg, [data-testid=stVegaLiteChart] canvas";
  for (const chart of document.querySelectorAll(charts)) {
    const box = chart.getBoundingClientRect();
    if (box.right > right + 1) problems.push(`chart ends at ${box.right} > ${right}`);
  }
  if (document.querySelector("[data-testid=stDataFrame]")) problems.push("a data grid");
  return problems;
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_nothing_is_wider_than_its_container(app_page: AppPage, viewport: str) -> None:
    page = app_page.page
    page.set_default_timeout(LOADED_MACHINE_MS)
    open_at(app_page, viewport, "/?gemeente=Apeldoorn")
    width = VIEWPORTS[viewport][0]
    problems: dict[str, list[str]] = {}
    for view in VIEWS:
        open_view(page, view)
        if view == NL("tab_charts"):
            page.locator("[data-testid=stVegaLiteChart]").first.wait_for(timeout=30_000)
        if view == NL("tab_gaps"):  # a region chosen: its own table too
            page.locator(".plain-table-frame").first.wait_for(timeout=30_000)
        found = page.evaluate(_OVERFLOW_JS)
        tabs = page.get_by_role("tab")
        for index in range(tabs.count()):
            box = tabs.nth(index).bounding_box()
            if box is None or box["x"] < 0 or box["x"] + box["width"] > width + 1:
                found.append(f"tab {tabs.nth(index).inner_text()} off the screen")
        if found:
            problems[view] = found
        app_page.screenshot(f"no-overflow-{viewport}-{VIEWS.index(view)}")
    assert not problems, problems
