"""A session's first dashboard run draws the first screen only; the next run draws the rest.

In a browser the next run comes from the map once its polygons are drawn, or from a timer
(`ui.first_screen`; tests/e2e/test_first_screen.py drives both); here it is `app.run()`.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.app_session import APP
from tests.page_text import texts
from tests.test_app import assert_page_ran, card
from ui.dashboard.search import SEARCH_KEY
from ui.text.i18n import Translator

t = Translator("nl")


def first_run(**query: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    assert_page_ran(app)
    return app


def maps(app: AppTest) -> list[object]:
    return list(app.get("component_instance"))


def test_a_link_s_first_run_shows_the_map_and_the_number_and_nothing_else() -> None:
    app = first_run(gemeente="GM0193")
    assert len(maps(app)) == 1
    assert "Contact voor Zwolle" in card(app)
    assert 'href="tel:' in card(app)
    assert t("search_coming") in texts(app, "caption")
    assert not [box for box in app.selectbox if box.key == SEARCH_KEY]
    assert not app.tabs  # the views below the map
    sidebar = app.sidebar  # language, version and layers
    assert not (sidebar.radio or sidebar.selectbox or sidebar.toggle)
    assert app.query_params["gemeente"] == "GM0193"


def test_the_next_run_draws_the_whole_page() -> None:
    app = first_run(gemeente="GM0193")
    app.run()
    assert_page_ran(app)
    assert len(maps(app)) == 1
    assert "Contact voor Zwolle" in card(app)
    assert t("search_coming") not in texts(app, "caption")
    assert app.selectbox(key=SEARCH_KEY).value == "Zwolle"  # the search box follows the link
    assert app.tabs[0].label == t("tab_overview")
    assert app.sidebar.radio and app.sidebar.selectbox and app.sidebar.toggle
    app.run()  # and so does every later run
    assert app.selectbox(key=SEARCH_KEY) and app.tabs


def test_a_first_run_without_a_link_invites_a_choice() -> None:
    app = first_run()
    assert t("no_selection") in texts(app, "info")
    assert any("Legenda" in text for text in texts(app, "markup"))
    assert t("search_coming") in texts(app, "caption")


def test_another_page_after_the_first_screen_has_its_sidebar() -> None:
    app = first_run()
    app.switch_page("page_scripts/proposal.py").run()
    assert_page_ran(app)
    assert app.sidebar.radio


def test_the_first_screen_is_in_english_too() -> None:
    app = first_run(lang="en")
    assert Translator("en")("search_coming") in texts(app, "caption")
