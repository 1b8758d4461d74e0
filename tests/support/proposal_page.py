"""The proposal page (`page_scripts/proposal.py`) in Streamlit's AppTest: open it as a link
does, and click municipalities on its map."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.apptest import assert_page_ran, new_session
from ui.proposal.builder import CLICK_STATE_KEY

PAGE = "page_scripts/proposal.py"
FLEVOLAND = ("GM0034", "GM0995", "GM0303")
"""Almere, Lelystad and Dronten: three municipalities of safety region Flevoland (VR25)."""


def open_page(**query: str) -> AppTest:
    """The proposal page, reached the way a link reaches it: the address's parameters first."""
    app = new_session()
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    app.switch_page(PAGE).run()
    assert_page_ran(app)
    return app


def click(app: AppTest, code: str, number: int) -> AppTest:
    """What the map sends for a click on a municipality (see `ui.map.click`)."""
    app.session_state[CLICK_STATE_KEY] = {"code": code, "click": f"frame-{number}"}
    app.run()
    assert_page_ran(app)
    return app
