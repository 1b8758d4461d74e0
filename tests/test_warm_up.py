"""The server warms its caches before its first reader (ui/server/warm_up.py): `/readyz` says
``starting`` (503) while `/healthz` answers, then ``ready``; after the warm-up a new session's
first page builds neither the map nor the answers again, and the map's component (imported
outside a script run) is served (AppTest runs in this process, so it
shares the caches the warm-up filled)."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app_session import APP
from tests.e2e.helpers import app_server
from tests.test_app import assert_page_ran, card
from tests.test_health import after_warm_up, get
from ui import data
from ui.map import panel as map_panel
from ui.server import warm_up


def test_readyz_says_starting_until_the_warm_up_is_over_while_healthz_answers(
        tmp_path: Path) -> None:
    database = tmp_path / "register.sqlite3"
    # A new cache folder: the warm-up derives the display geometry, which takes seconds.
    with app_server(None, work_dir=tmp_path / "server", database_url=f"sqlite:///{database}") \
            as url:
        status, body, cache = get(f"{url}/readyz")
        assert (status, body, cache) == (503, {"status": "starting", "degraded": False},
                                         "no-store")
        assert get(f"{url}/healthz")[:2] == (200, {"status": "ok"})
        status, body, _ = after_warm_up(url)
        assert status == 200 and body["status"] == "ready", body
        assert body["newest_version"] == {"number": 2, "label": "current"}
        assert body["warmed_in_s"] > 0
        # The map's component, imported by the warm-up outside a script run, is served.
        with urllib.request.urlopen(f"{url}/component/streamlit_folium.st_folium/index.html",
                                    timeout=60) as response:
            assert response.status == 200 and b"<html" in response.read().lower()


def test_the_first_page_after_the_warm_up_builds_no_map_and_no_answers(
        monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []

    def counted(name: str, real: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            built.append(name)
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(map_panel, "build_map", counted("map", map_panel.build_map))
    monkeypatch.setattr(data, "answers_of", counted("answers", data.answers_of))
    st.cache_resource.clear()
    st.cache_data.clear()
    state = warm_up.WarmUpState()
    warm_up.run_warm_up(state)
    assert state.finished.is_set() and state.error is None
    assert sorted(built) == ["answers", "map"]

    app = AppTest.from_file(APP, default_timeout=90)  # a new session, Dutch, newest version
    app.query_params["gemeente"] = "GM0193"
    app.run()
    assert_page_ran(app)
    assert len(list(app.get("component_instance"))) == 1  # the map is on the page
    assert "Contact voor Zwolle" in card(app)
    assert sorted(built) == ["answers", "map"]  # both came from the warm-up


def test_a_failed_warm_up_is_over_and_says_why(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    from geodata.settings import GEODATA_DIR_VARIABLE

    monkeypatch.setenv(GEODATA_DIR_VARIABLE, str(tmp_path))  # no boundary files here
    st.cache_resource.clear()
    state = warm_up.WarmUpState()
    warm_up.run_warm_up(state)
    assert state.finished.is_set() and not state.starting
    assert state.error == "BoundaryDataError"
    st.cache_resource.clear()
