"""The search box with Streamlit's AppTest: a combobox over municipalities and places, taking
any typed name, code, place or postcode, and in step with the selection however it was made."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app_session import new_session
from tests.page_text import shown, texts
from tests.search_box import search_box_value, type_in_search
from ui.map_panel import CLICK_STATE_KEY


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def start(**query: str) -> AppTest:
    app = new_session()
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def card_text(app: AppTest) -> str:
    (text,) = [item.text for item in shown(app, "markup")
               if "contact-card" in item.html and "<section" in item.html]
    return text


def test_the_box_offers_the_municipalities_and_starts_empty() -> None:
    app = start()
    box = app.selectbox(key="search")
    assert box.value is None
    assert box.label == "Zoek een gemeente"
    assert {"Zwolle", "Den Bosch", "'s-Hertogenbosch", "Bergen (L.)"} <= set(box.options)
    assert len(box.options) == 344


def test_an_offer_chosen_selects_its_municipality() -> None:
    app = type_in_search(start(), "Bergen (NH.)")
    assert app.query_params["gemeente"] == "GM0373"
    assert "Contact voor Bergen (NH.)" in card_text(app)
    assert search_box_value(app) == "Bergen (NH.)"


def test_a_place_typed_beside_a_municipality_of_a_like_name_finds_the_place() -> None:
    # "Putte", typed and entered as typed, is the village in Woensdrecht, not Putten.
    app = type_in_search(start(), "Putte")
    assert app.query_params["gemeente"] == "GM0873"
    assert "Contact voor Woensdrecht" in card_text(app)
    assert "‘Putte’ ligt in de gemeente Woensdrecht." in texts(app, "paragraph")
    assert search_box_value(app) == "Putte"


def test_a_click_on_the_map_shows_its_municipality_in_the_box() -> None:
    app = type_in_search(start(), "Zwolle")
    assert search_box_value(app) == "Zwolle"
    app.session_state[CLICK_STATE_KEY] = {"code": "GM0344", "click": "frame-1"}
    app.run()
    assert app.query_params["gemeente"] == "GM0344"
    assert search_box_value(app) == "Utrecht"  # not the old "Zwolle"
    app.run()  # the box's new text is no new search: Utrecht stays selected
    assert app.query_params["gemeente"] == "GM0344"
    type_in_search(app, "Zwolle")  # and searching the old text again selects it again
    assert app.query_params["gemeente"] == "GM0193"


def test_a_link_shows_its_municipality_in_the_box() -> None:
    assert search_box_value(start(gemeente="GM0796")) == "Den Bosch"
    assert search_box_value(start(gemeente="Atlantis")) is None


def test_the_box_keeps_what_was_typed_while_it_names_the_selection_or_asks() -> None:
    app = type_in_search(start(), "2132 AB")
    assert search_box_value(app) == "2132 AB"
    assert app.query_params["gemeente"] == "GM0394"
    type_in_search(app, "bergen")  # ambiguous: the choice is offered, the text stays
    assert search_box_value(app) == "bergen"
    assert app.query_params["gemeente"] == "GM0394"
    app.button(key="pick-GM0893").click().run()
    assert search_box_value(app) == "Bergen (L.)"
    assert "Contact voor Bergen (L.)" in card_text(app)


def test_clearing_the_selection_empties_the_box() -> None:
    app = type_in_search(start(), "Zwolle")
    (clear,) = [button for button in app.button if button.label == "Selectie wissen"]
    clear.click().run()
    assert search_box_value(app) is None
    assert "gemeente" not in app.query_params
    assert not [item for item in shown(app, "markup") if "contact-card" in item.html
                and "<section" in item.html]
