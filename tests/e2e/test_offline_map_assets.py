"""End-to-end: a map shown with st_folium makes no request off the app's origin.

Starts a throwaway Streamlit app (in ``tmp_path``, with a copy of the project's
``.streamlit/config.toml`` and ``static/leaflet-<version>/``) that draws GeoJSON polygons on a map
from :func:`ui.map.offline.offline_map`, opens it in the system's headless
Chromium and checks that the polygons are drawn, the tooltip, highlight and
popup work, and every request went to the app's own host and port.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.e2e.helpers import (
    MAP_IFRAME,
    POLYGONS,
    REPO_ROOT,
    AppPage,
    streamlit_server,
    wait_for_script_done,
)
from ui.map.offline import LEAFLET_DIR

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.e2e

APP_SCRIPT = textwrap.dedent(
    '''
    """Throwaway app: two GeoJSON polygons on an offline map."""

    import folium
    from streamlit_folium import st_folium

    from tests.offline_check import assert_offline
    from ui.map.offline import offline_map

    def square(name, lon, lat):
        ring = [[lon, lat], [lon + 1, lat], [lon + 1, lat + 1], [lon, lat + 1], [lon, lat]]
        return {
            "type": "Feature",
            "properties": {"name": name},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        }

    zones = {
        "type": "FeatureCollection",
        "features": [square("Zone Alpha", 2.0, 36.0), square("Zone Beta", 4.0, 36.0)],
    }
    fmap = offline_map()
    folium.GeoJson(
        zones,
        style_function=lambda _: {"color": "#3388ff", "weight": 1, "fillOpacity": 0.4},
        highlight_function=lambda _: {"color": "#ff0000", "weight": 5},
        tooltip=folium.GeoJsonTooltip(fields=["name"], aliases=["Zone"]),
        popup=folium.GeoJsonPopup(fields=["name"], aliases=["Popup"]),
    ).add_to(fmap)
    fmap.fit_bounds(fmap.get_bounds())
    assert_offline(fmap)
    st_folium(fmap, height=400, width=700, returned_objects=[])
    '''
)


def _check_map_ui(page: Page, origin: str) -> None:
    """Open the app; check polygons, tooltip, hover highlight, popup and leaflet.css."""
    page.goto(origin)
    wait_for_script_done(page)
    # The iframe only appears once the script has run up to st_folium, and the
    # polygons only once leaflet.js has loaded inside it: wait for the paths.
    map_frame = page.frame_locator(MAP_IFRAME)
    polygons = map_frame.locator(POLYGONS)
    polygons.first.wait_for(state="visible")
    assert polygons.count() == 2

    first = polygons.first
    first.hover()
    tooltip = map_frame.locator(".leaflet-tooltip")
    tooltip.wait_for(state="visible")
    assert "Zone Alpha" in tooltip.inner_text()
    assert first.get_attribute("stroke") == "#ff0000"  # highlight_function applied

    first.click()
    popup = map_frame.locator(".leaflet-popup-content")
    popup.wait_for(state="visible")
    assert "Zone Alpha" in popup.inner_text()

    # leaflet.css is applied: it gives .leaflet-container overflow: hidden.
    overflow = map_frame.locator(".leaflet-container").evaluate(
        "el => getComputedStyle(el).overflow"
    )
    assert overflow == "hidden"


def test_offline_map_makes_only_same_origin_requests(
        tmp_path: Path, open_page: Callable[[str], AppPage]) -> None:
    """Polygons, tooltip, highlight and popup work with no request off the origin."""
    (tmp_path / "offline_map_app.py").write_text(APP_SCRIPT, encoding="utf-8")
    shutil.copytree(LEAFLET_DIR, tmp_path / "static" / LEAFLET_DIR.name)
    (tmp_path / ".streamlit").mkdir()
    shutil.copyfile(
        REPO_ROOT / ".streamlit" / "config.toml", tmp_path / ".streamlit" / "config.toml"
    )

    with streamlit_server(tmp_path / "offline_map_app.py", cwd=tmp_path,
                          log=tmp_path / "streamlit.log") as origin:
        app_page = open_page(origin)
        try:
            _check_map_ui(app_page.page, origin)
            app_page.screenshot()
        finally:
            app_page.page.wait_for_timeout(300)  # let late requests show up
            # Foreign requests first: a blocked asset is the likely cause of a UI failure.
            app_page.assert_same_origin()

    leaflet = [url for url in app_page.requests if f"/app/static/{LEAFLET_DIR.name}/" in url]
    assert any(url.endswith("/leaflet.js") for url in leaflet), app_page.requests
    assert any(url.endswith("/leaflet.css") for url in leaflet), app_page.requests
