"""End-to-end: what only a browser shows of the map's legibility (issue 9).

- The region chosen in the gaps view moves the map to it and outlines it, without rebuilding
  the map's iframe; clearing it brings back the whole country.
- A municipality found by search is shown with its whole safety region in view.
- The tooltip stays inside the map at its edges (the Wadden islands, the far south-west, South
  Limburg, the north-east).
- The layers are switched in the sidebar only (no switcher on the map); area outlines are
  drawn in their own colour.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.helpers import (
    MAP_IFRAME,
    AppPage,
    WebsocketMeter,
    hover_municipality,
    open_view,
    search_for,
    wait_for_app,
    wait_for_script_done,
    wait_for_selection_outline,
)
from ui.map.palette import AREA_OUTLINE_STYLE

pytestmark = pytest.mark.e2e

FOCUS_BYTES_LIMIT = 30_000
"""Websocket bytes (both ways) a change of region may cost: the gaps view's own tables and
texts for the region (measured: 19 KB); the map document (about 200 KB) is never among them."""

_REGION_BOUNDS_JS = """
region => {
    let bounds = null;
    window.map.eachLayer(layer => {
        if (layer.feature && layer.feature.properties && layer.feature.properties.code
                && layer.feature.properties.region === region) {
            bounds = bounds === null ? L.latLngBounds(layer.getBounds().getSouthWest(),
                                                      layer.getBounds().getNorthEast())
                : bounds.extend(layer.getBounds());
        }
    });
    return bounds.toBBoxString();
}
"""

_VIEW_JS = "() => window.map.getBounds().toBBoxString()"


def _box(text: str) -> tuple[float, float, float, float]:
    west, south, east, north = (float(value) for value in text.split(","))
    return west, south, east, north


def _contains(outer: tuple[float, ...], inner: tuple[float, ...], slack: float = 1e-6) -> bool:
    return (outer[0] <= inner[0] + slack and outer[1] <= inner[1] + slack
            and outer[2] >= inner[2] - slack and outer[3] >= inner[3] - slack)


def _frame(page: Any) -> Any:
    frame = page.locator(MAP_IFRAME).element_handle().content_frame()
    assert frame is not None, "the map iframe has no frame"
    return frame


def _choose(page: Any, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_script_done(page)


def test_the_map_zooms_to_the_chosen_region_and_back(app_page: AppPage) -> None:
    page = app_page.page
    meter = WebsocketMeter().attach(page)
    page.goto(app_page.origin)
    wait_for_app(page)
    open_view(page, "Hiaten")
    frame = _frame(page)
    frame.evaluate("() => { window.__e2eMarker = 'kept'; }")
    national = _box(frame.evaluate(_VIEW_JS))
    region = _box(frame.evaluate(_REGION_BOUNDS_JS, "IJsselland"))

    meter.reset()
    _choose(page, "Veiligheidsregio", "IJsselland (VR04)")
    page.wait_for_url("**veiligheidsregio=VR04**")
    frame.wait_for_function(
        """() => window.coverageFocus.shown === 'safety_region:VR04'
            && document.querySelectorAll('.leaflet-coverageFocus-pane path').length === 2""")
    page.wait_for_timeout(600)  # Leaflet's zoom animation
    view = _box(frame.evaluate(_VIEW_JS))
    assert view != national
    assert _contains(view, region), (view, region)
    # Zoomed in: the view is not much larger than the region (not the whole country).
    assert (view[2] - view[0]) < 0.5 * (national[2] - national[0]), (view, national)
    assert frame.evaluate("() => window.__e2eMarker === 'kept'"), "the map's iframe was rebuilt"
    focus_bytes = meter.total
    assert focus_bytes < FOCUS_BYTES_LIMIT, f"{focus_bytes} bytes for a region"
    print(f"websocket bytes for choosing a safety region: {focus_bytes}")
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    app_page.screenshot()

    # A province: its safety regions together.
    _choose(page, "Veiligheidsregio", "alle")
    _choose(page, "Provincie", "Limburg")
    frame.wait_for_function("() => window.coverageFocus.shown === 'province:Limburg'")
    page.wait_for_timeout(600)
    limburg = _box(frame.evaluate(_REGION_BOUNDS_JS, "Limburg-Noord"))
    south = _box(frame.evaluate(_REGION_BOUNDS_JS, "Zuid-Limburg"))
    assert _contains(_box(frame.evaluate(_VIEW_JS)), limburg)
    assert _contains(_box(frame.evaluate(_VIEW_JS)), south)

    _choose(page, "Provincie", "alle")
    frame.wait_for_function("() => window.coverageFocus.shown === null")
    frame.wait_for_function(
        "() => document.querySelectorAll('.leaflet-coverageFocus-pane path').length === 0")
    page.wait_for_timeout(600)
    assert _contains(_box(frame.evaluate(_VIEW_JS)), national, slack=0.05)
    assert frame.evaluate("() => window.__e2eMarker === 'kept'"), "the map's iframe was rebuilt"
    app_page.assert_same_origin()


def test_a_searched_municipality_is_shown_with_its_safety_region(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    search_for(page, "Olst-Wijhe")
    wait_for_selection_outline(page, "GM1773")
    frame = _frame(page)
    page.wait_for_timeout(600)
    region = _box(frame.evaluate(_REGION_BOUNDS_JS, "IJsselland"))
    view = _box(frame.evaluate(_VIEW_JS))
    assert _contains(view, region), (view, region)
    # The selection is drawn on its yellow halo.
    halo = frame.evaluate(
        "() => document.querySelector('.leaflet-coverageSelection-pane path')"
        ".getAttribute('stroke')")
    assert halo.upper() == "#F0E442"
    app_page.screenshot()


EDGES = [
    ("GM0088", 6.2, 53.48),   # Schiermonnikoog, the top edge
    ("GM1979", 7.0, 53.3),    # Eemsdelta, the north-east corner
    ("GM1714", 3.5, 51.3),    # Sluis, the south-west
    ("GM1903", 5.75, 50.78),  # Eijsden-Margraten, the bottom edge
]


@pytest.mark.parametrize("viewport", [{"width": 1400, "height": 1000},
                                      {"width": 390, "height": 844}], ids=["laptop", "phone"])
def test_the_tooltip_stays_inside_the_map(app_page: AppPage, viewport: dict[str, int]) -> None:
    page = app_page.page
    page.set_viewport_size(viewport)
    page.goto(app_page.origin)
    wait_for_app(page)
    frame = _frame(page)
    for code, lon, lat in EDGES:
        hover_municipality(page, code, lon, lat)
        frame.wait_for_function(
            "code => document.querySelector('.leaflet-tooltip') !== null", arg=code)
        page.wait_for_timeout(100)
        inside = frame.evaluate("""() => {
            const tip = document.querySelector('.leaflet-tooltip').getBoundingClientRect();
            const box = window.map.getContainer().getBoundingClientRect();
            return {tip: [tip.left, tip.top, tip.right, tip.bottom],
                    box: [box.left, box.top, box.right, box.bottom]};
        }""")
        tip, box = inside["tip"], inside["box"]
        assert (tip[0] >= box[0] and tip[1] >= box[1] and tip[2] <= box[2]
                and tip[3] <= box[3]), f"{code}: tooltip {tip} outside the map {box}"
        page.mouse.move(1, 1)
    app_page.screenshot()


def test_layers_are_switched_in_the_sidebar_only(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    frame = _frame(page)
    assert frame.evaluate("() => document.querySelector('.leaflet-control-layers') === null")
    colour = AREA_OUTLINE_STYLE["color"]
    lines = f"() => document.querySelectorAll('path[stroke=\"{colour}\"]').length"
    assert frame.evaluate(lines) == 0
    page.get_by_text("Gebieden van zorgcoördinatoren tonen").click()
    wait_for_script_done(page)
    # Another layer choice is another map document.
    page.frame_locator(MAP_IFRAME).locator(f'path[stroke="{colour}"]').first.wait_for(
        state="attached")
    frame = _frame(page)
    assert frame.evaluate(lines) >= 1
    assert frame.evaluate("() => document.querySelector('.leaflet-control-layers') === null")
    assert page.get_by_text("grens van het gebied van een zorgcoördinator").is_visible()
    app_page.screenshot()
