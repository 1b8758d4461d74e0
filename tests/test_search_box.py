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
from ui.map.panel import CLICK_STATE_KEY


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
    # Issue 17: places, aliases and postcodes are offers too, said as such in Dutch (the box
    # takes no text of its own: Streamlit words that in English, "Add: …").
    assert {"Hoofddorp — gemeente Haarlemmermeer", "2132 — Haarlemmermeer",
            "Scheveningen — gemeente Den Haag", "GM0193 — Zwolle"} <= set(box.options)
    assert box.options[:2] == ["Aa en Hunze", "Aalsmeer"]  # the municipalities first
    assert len(box.options) > 7_000


def test_an_offer_chosen_selects_its_municipality() -> None:
    app = type_in_search(start(), "Bergen (NH.)")
    assert app.query_params["gemeente"] == "GM0373"
    assert "Contact voor Bergen (NH.)" in card_text(app)
    assert search_box_value(app) == "Bergen (NH.)"


def test_a_place_typed_beside_a_municipality_of_a_like_name_finds_the_place() -> None:
    # "Putte", the village in Woensdrecht, not Putten: offered as such (issue 17).
    app = type_in_search(start(), "Putte — gemeente Woensdrecht")
    assert app.query_params["gemeente"] == "GM0873"
    assert "Contact voor Woensdrecht" in card_text(app)
    assert "‘Putte’ ligt in de gemeente Woensdrecht." in texts(app, "paragraph")
    assert search_box_value(app) == "Putte — gemeente Woensdrecht"


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


def test_the_box_keeps_the_offer_chosen_while_it_names_the_selection() -> None:
    # Issue 17: a postcode is an offer of its own ("2132 AB" can no longer be typed as is).
    app = type_in_search(start(), "2132 — Haarlemmermeer")
    assert search_box_value(app) == "2132 — Haarlemmermeer"
    assert app.query_params["gemeente"] == "GM0394"
    assert "Postcode 2132 ligt in de gemeente Haarlemmermeer." in texts(app, "paragraph")
    app.run()  # and stays so
    assert search_box_value(app) == "2132 — Haarlemmermeer"
    assert app.query_params["gemeente"] == "GM0394"


def test_clearing_the_selection_empties_the_box() -> None:
    app = type_in_search(start(), "Zwolle")
    (clear,) = [button for button in app.button if button.label == "Selectie wissen"]
    clear.click().run()
    assert search_box_value(app) is None
    assert "gemeente" not in app.query_params
    assert not [item for item in shown(app, "markup") if "contact-card" in item.html
                and "<section" in item.html]
