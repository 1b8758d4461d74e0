"""A page view in two runs: the first screen (map, card), then the rest once the map has drawn.

The map reports its polygons drawn as its value while the page shows a first screen's mark
(`ui.first_screen`, `ui.map.selection_script`): that value runs the page a second time, which
draws the search box, the views and the sidebar. Nothing else runs the page: streamlit-folium's
frontend sends the map's state after the map's first move unless it equals the component's
default (`ui/map/component.py`), and a value sent then would run the whole page once more for
every reader. Only the version check (a fragment in the sidebar, every few seconds) may run
after that. When the map never draws, a timer brings the rest anyway.
"""

from __future__ import annotations

import json
import time

from playwright.sync_api import Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from tests.e2e.helpers import (
    CARD,
    MAP_IFRAME,
    POLYGONS,
    WAITING_SELECTOR,
    AppPage,
    search_box,
    wait_for_app,
    wait_for_polygons,
)
from ui.first_screen import REST_AFTER_S
from ui.text.i18n import Translator

t = Translator("nl")


def record_runs(page: Page) -> list[tuple[str, list[object]]]:
    """Every run the page asks for: ("page" or the fragment's id, the JSON values sent)."""
    runs: list[tuple[str, list[object]]] = []

    def record(frame: bytes | str) -> None:
        message = BackMsg()
        message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode())
        if message.WhichOneof("type") == "rerun_script":
            rerun = message.rerun_script
            values = [json.loads(widget.json_value) for widget in rerun.widget_states.widgets
                      if widget.WhichOneof("value") == "json_value"]
            runs.append((rerun.fragment_id or "page", values))

    page.on("websocket", lambda socket: socket.on("framesent", record))
    return runs


def test_a_page_view_runs_twice_the_second_time_at_the_map_s_word(app_page: AppPage) -> None:
    page = app_page.page
    runs = record_runs(page)
    page.goto(app_page.origin + "/?gemeente=GM0193")
    # A server's first page loads the data: it may take a while.
    expect(page.locator(CARD)).to_contain_text("Contact voor Zwolle", timeout=60_000)
    wait_for_app(page)
    expect(search_box(page)).to_have_value("Zwolle")
    expect(page.get_by_role("tab", name=t("tab_overview"))).to_be_visible()
    page.wait_for_timeout(2000)  # streamlit-folium reports a move after a 250 ms debounce
    page_runs = [values for kind, values in runs if kind == "page"]
    assert len(page_runs) == 2, runs
    drawn = [value for value in page_runs[1] if isinstance(value, dict) and "drawn" in value]
    assert drawn, f"the second run was not the map's report: {runs}"
    assert not any(isinstance(value, dict) and "drawn" in value for value in page_runs[0])


def test_the_first_screen_waits_for_the_map_not_the_other_way_round(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    page.locator(WAITING_SELECTOR).wait_for()
    expect(page.locator(WAITING_SELECTOR)).to_contain_text(t("search_coming"))
    expect(search_box(page)).to_have_count(0)  # the mark holds the search box's place
    wait_for_polygons(page)
    wait_for_app(page)
    expect(page.locator(WAITING_SELECTOR)).to_have_count(0)
    page.reload()  # a new session: a first screen again
    page.locator(WAITING_SELECTOR).wait_for()
    wait_for_app(page)
    expect(search_box(page)).to_be_editable()


def test_without_the_map_the_rest_comes_after_a_while(app_page: AppPage) -> None:
    page = app_page.page
    # The map's code never arrives: no polygons, and no report from the map.
    page.route("**/component/streamlit_folium.st_folium/**/*.js",
               lambda route: route.abort())
    runs = record_runs(page)
    started = time.monotonic()
    page.goto(app_page.origin)
    page.locator(WAITING_SELECTOR).wait_for()
    expect(search_box(page)).to_be_editable(timeout=REST_AFTER_S * 1000 + 20_000)
    waited = time.monotonic() - started
    expect(page.get_by_role("tab", name=t("tab_overview"))).to_be_visible()
    expect(page.locator(WAITING_SELECTOR)).to_have_count(0)
    assert waited >= REST_AFTER_S, waited
    assert page.frame_locator(MAP_IFRAME).locator(POLYGONS).count() == 0
    assert len(runs) >= 2 and runs[0][0] == "page", runs
    assert runs[1][0] != "page", f"the timer (a fragment) should ask for the rest: {runs}"
