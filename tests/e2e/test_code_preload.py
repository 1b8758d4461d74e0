"""In Chromium: the first page's widget code is fetched before the server's first message, and
the dashboard's first page needs no code beyond Streamlit's own start and that preload
(`ui/code_preload.py`)."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest

from tests.e2e.helpers import AppPage, wait_for_polygons, wait_for_script_done
from ui.code_preload import STREAMLIT_STATIC, first_page_chunks

pytestmark = pytest.mark.e2e


def _chunks_requested(app_page: AppPage) -> set[str]:
    """The file names of Streamlit's JavaScript chunks the page requested."""
    names = set()
    for url in app_page.requests:
        path = urlsplit(url).path
        if path.startswith("/static/js/"):
            names.add(path.removeprefix("/static/js/"))
    return names


def test_widget_code_is_fetched_while_the_server_is_silent(app_page: AppPage) -> None:
    page = app_page.page
    # The server never answers: whatever code loads now was not asked for by an element.
    page.route_web_socket(re.compile(r"/_stcore/stream"), lambda socket: None)
    page.goto(app_page.origin)
    expected = set(first_page_chunks())
    deadline = time.monotonic() + 20
    while not expected <= _chunks_requested(app_page) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert expected - _chunks_requested(app_page) == set()
    assert page.locator('[data-testid="stSelectbox"]').count() == 0
    assert page.locator('iframe[title*="st_folium"]').count() == 0


def test_the_first_page_needs_no_code_beyond_the_preload(app_page: AppPage) -> None:
    page = app_page.page
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url)
            if "/static/js/" in response.url and response.status != 200 else None)
    page.goto(app_page.origin)
    wait_for_polygons(page)
    wait_for_script_done(page)
    index = (STREAMLIT_STATIC / "index.html").read_text(encoding="utf-8")
    started = set(re.findall(r"\./static/js/([\w.\-]+\.js)", index))
    late = _chunks_requested(app_page) - started - set(first_page_chunks())
    assert late == set(), f"first-page code not preloaded (see ui.code_preload): {late}"
    assert failed == []
