"""AppTest sessions of the dashboard as a browser has them once the map has drawn, and the
steps every AppTest of the dashboard takes: start with the address's parameters, check that the
whole page ran, read the contact card, open a view, search.

In a browser a session's first dashboard run draws the first screen only; the map's report
(or a timer) brings the rest on the next run (`ui.first_screen`). AppTest has no browser to
draw the map, so the tests of everything else start their session past that first screen;
`tests/test_first_screen_app.py` tests the first screen itself.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.support.page_text import shown, texts
from tests.support.paths import APP_SCRIPT
from tests.support.search_box import type_in_search
from ui import first_screen
from ui.text.i18n import Translator

APP = str(APP_SCRIPT)


def new_session(timeout: float = 90) -> AppTest:
    """A new session of `app.py` (not yet run) whose first screen has been drawn."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    app.session_state[first_screen.STATE_KEY] = first_screen.DONE
    return app


def assert_page_ran(app: AppTest) -> None:
    """Neither Streamlit's error box nor the page guard's message: the whole page ran."""
    assert_no_exception(app)
    failed = {Translator(language)("page_failed") for language in ("nl", "en")}
    assert not failed & set(texts(app, "error")), "the page failed; see the log above"


def assert_no_exception(app: AppTest) -> None:
    """No exception reached Streamlit (the page guard's message is not looked for)."""
    assert not app.exception, app.exception


def run_with(**query: str) -> AppTest:
    """A new session of the dashboard run once with these address parameters (nothing
    checked)."""
    app = new_session()
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    return app


def start(**query: str) -> AppTest:
    """The dashboard run once with these address parameters; the whole page ran."""
    app = run_with(**query)
    assert_page_ran(app)
    return app


def start_no_exception(**query: str) -> AppTest:
    """The dashboard run once with these address parameters; no exception."""
    app = run_with(**query)
    assert_no_exception(app)
    return app


def card(app: AppTest) -> str:
    """The contact card's HTML (there must be exactly one)."""
    cards = [item.html for item in shown(app, "markup") if "contact-card" in item.html
             and "<section" in item.html]
    assert len(cards) == 1, "expected one contact card"
    return cards[0]


def open_view(app: AppTest, label: str) -> AppTest:
    """Open one of the views below the map (only the open view runs); the whole page ran."""
    app.session_state["view"] = label
    app.run()
    assert_page_ran(app)
    return app


def open_view_no_exception(app: AppTest, label: str) -> AppTest:
    """Open one of the views below the map; no exception."""
    app.session_state["view"] = label
    app.run()
    assert_no_exception(app)
    return app


def search(app: AppTest, text: str) -> AppTest:
    """Type `text` in the search box and press Enter; the whole page ran."""
    type_in_search(app, text)
    assert_page_ran(app)
    return app


def all_text(app: AppTest) -> str:
    """Everything shown through `ui.text.plain_text`, as a reader sees it."""
    return "\n".join(texts(app))
