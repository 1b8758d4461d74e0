"""A page view runs the page's script once: the map reports nothing until it is clicked.

streamlit-folium's frontend sends the map's state after the map's first move unless it equals
the component's default (``ui/map_component.py``); a value sent then would run the whole page
a second time for every reader. Only the version check (a fragment, every few seconds) may run
after the first run.
"""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg

from tests.e2e.helpers import AppPage, wait_for_app


def test_a_page_view_runs_the_page_once(app_page: AppPage) -> None:
    page = app_page.page
    runs: list[str] = []

    def record(frame: bytes | str) -> None:
        message = BackMsg()
        message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode())
        if message.WhichOneof("type") == "rerun_script":
            runs.append(message.rerun_script.fragment_id or "page")

    page.on("websocket", lambda socket: socket.on("framesent", record))
    page.goto(app_page.origin)
    wait_for_app(page)
    page.wait_for_timeout(2000)  # streamlit-folium reports a move after a 250 ms debounce
    assert runs.count("page") == 1, runs
