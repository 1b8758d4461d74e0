"""End-to-end: the keyboard path to the number, at a laptop's and a phone's size.

The first Tab goes to the search box; typing and Enter (or the arrow keys and Enter) select a
municipality by name, place or postcode; from the search box a few real Tab presses reach the
contact card's `tel:` link, skipping the map; a click on the map puts its municipality in the box.
"""

from __future__ import annotations

import pytest

from tests.support.browser import (
    CARD,
    MAP_IFRAME,
    VIEWPORTS,
    AppPage,
    click_municipality,
    open_at,
    search_box,
    wait_for_script_done,
)

MOST_TABS_TO_THE_NUMBER = 10

_FOCUSED_JS = """() => {
    const e = document.activeElement;
    const box = e.getBoundingClientRect();
    return {tag: e.tagName, role: e.getAttribute('role'), label: e.getAttribute('aria-label'),
            href: e.getAttribute('href'), inCard: e.closest('section.contact-card') !== null,
            inView: box.top >= 0 && box.bottom <= window.innerHeight && box.width > 0};
}"""


def _type_and_enter(app_page: AppPage, text: str) -> None:
    """Type into the focused search box as a person does, key by key, then Enter."""
    page = app_page.page
    page.keyboard.type(text)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")
    wait_for_script_done(page)


def _first_tab_to_the_search(app_page: AppPage) -> None:
    page = app_page.page
    # The search box is drawn after the map (its code is fetched after the map's), so on a
    # busy machine it can appear after the polygons: a Tab before it exists goes to
    # Streamlit's skip link.
    search_box(page).wait_for()
    page.keyboard.press("Tab")
    focused = page.evaluate(_FOCUSED_JS)
    assert (focused["tag"], focused["role"]) == ("INPUT", "combobox"), focused
    assert search_box(page).evaluate("box => box === document.activeElement")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_tab_search_enter_and_a_few_tabs_reach_the_number(app_page: AppPage,
                                                          viewport: str) -> None:
    page = app_page.page
    open_at(app_page, viewport)
    _first_tab_to_the_search(app_page)
    _type_and_enter(app_page, "Zwolle")
    page.locator(CARD).get_by_text("Contact voor Zwolle").wait_for()
    presses, path = 0, []
    while presses < MOST_TABS_TO_THE_NUMBER:
        page.keyboard.press("Tab")
        presses += 1
        focused = page.evaluate(_FOCUSED_JS)
        path.append(focused)
        assert focused["tag"] != "IFRAME", f"the map took the focus after {presses} Tab presses"
        if focused["inCard"] and (focused["href"] or "").startswith("tel:"):
            break
    else:
        pytest.fail(f"no tel: link within {MOST_TABS_TO_THE_NUMBER} Tab presses: {path}")
    assert focused["href"] == "tel:+31334481186"
    page.wait_for_function(  # focus brings the link into view
        """() => { const box = document.activeElement.getBoundingClientRect();
                   return box.top >= 0 && box.bottom <= window.innerHeight; }""")
    print(f"{viewport}: {presses} Tab presses from the search box to the number")
    app_page.screenshot()
    app_page.assert_same_origin()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("query", ["Hoofddorp", "2132"])
def test_a_place_or_postcode_and_enter_find_haarlemmermeer(app_page: AppPage, viewport: str,
                                                           query: str) -> None:
    page = app_page.page
    open_at(app_page, viewport)
    _first_tab_to_the_search(app_page)
    _type_and_enter(app_page, query)
    page.locator(CARD).get_by_text("Contact voor Haarlemmermeer").wait_for()
    assert "gemeente=GM0394" in page.url
    app_page.assert_same_origin()


def test_arrow_keys_move_between_the_offers(app_page: AppPage) -> None:
    page = app_page.page
    open_at(app_page, "laptop")
    _first_tab_to_the_search(app_page)
    page.keyboard.type("Bergen")
    listbox = page.get_by_role("listbox")
    listbox.get_by_role("option", name="Bergen op Zoom").wait_for()

    def active_offer() -> str:
        option_id = search_box(page).get_attribute("aria-activedescendant")
        return page.locator(f"[id='{option_id}']").inner_text()

    active = [active_offer()]
    for _ in range(6):  # down to Bergen op Zoom
        page.keyboard.press("ArrowDown")
        active.append(active_offer())
        if active[-1] == "Bergen op Zoom":
            break
    assert active[-1] == "Bergen op Zoom", active
    assert len(set(active)) == len(active)  # each press moved to another offer
    page.keyboard.press("ArrowUp")
    assert active_offer() == active[-2]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_script_done(page)
    page.locator(CARD).get_by_text("Contact voor Bergen op Zoom").wait_for()
    assert "gemeente=GM0748" in page.url
    assert search_box(page).input_value() == "Bergen op Zoom"


def test_a_typed_place_is_not_taken_for_a_municipality_of_a_like_name(
        app_page: AppPage) -> None:
    """The village Putte is offered as such, below the municipality Putten, and taken with the
    arrow keys. (Issue 17 changed this: the box takes no text of its own any more, whose entry
    Streamlit words in English, "Add: Putte"; the places are offers of their own.)"""
    page = app_page.page
    open_at(app_page, "laptop")
    _first_tab_to_the_search(app_page)
    page.keyboard.type("Putte")
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    assert options.all_inner_texts()[:2] == ["Putten", "Putte — gemeente Woensdrecht"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_script_done(page)
    page.locator(CARD).get_by_text("Contact voor Woensdrecht").wait_for()
    assert "gemeente=GM0873" in page.url


def test_a_click_on_the_map_puts_its_municipality_in_the_box(app_page: AppPage) -> None:
    page = app_page.page
    open_at(app_page, "laptop", "/?gemeente=GM0193")
    page.locator(CARD).get_by_text("Contact voor Zwolle").wait_for()
    assert search_box(page).input_value() == "Zwolle"  # a link shows in the box too
    # A neighbour in the same safety region, in view around the selection.
    click_municipality(page, "GM0148", 6.30, 52.50, name="Dalfsen")
    page.locator(CARD).get_by_text("Contact voor Dalfsen").wait_for()
    wait_for_script_done(page)
    page.wait_for_function("label => document.querySelector(`input[aria-label='${label}']`)"
                           ".value === 'Dalfsen'", arg="Zoek een gemeente")
    app_page.assert_same_origin()


def test_the_map_is_out_of_the_tab_order_and_named(app_page: AppPage) -> None:
    page = app_page.page
    open_at(app_page, "laptop")
    frame = page.locator(MAP_IFRAME)
    page.wait_for_function("selector => document.querySelector(selector)"
                           ".getAttribute('tabindex') === '-1'", arg=MAP_IFRAME)
    assert frame.get_attribute("aria-label") == (
        "Kaart van de 342 gemeenten, gekleurd naar dekking door zorgcoördinatie.")
