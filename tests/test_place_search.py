"""Searching by place and postcode from the command line and in the app."""

from __future__ import annotations

import json

import pytest

from tests.support.apptest import new_session
from tests.support.cli import run
from tests.support.page_text import shown, texts
from tests.support.search_box import type_in_search


@pytest.mark.parametrize(("query", "first_line"), [
    ("Hoofddorp", "Hoofddorp lies in Haarlemmermeer"),
    ("2132", "postcode 2132 (Hoofddorp) lies in Haarlemmermeer"),
    ("2132 AB", "postcode 2132 (Hoofddorp) lies in Haarlemmermeer"),
])
def test_lookup_by_place_or_postcode(query: str, first_line: str) -> None:
    result = run("lookup", query)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == first_line
    assert lines[1].startswith("Haarlemmermeer (GM0394), safety region Kennemerland")


def test_lookup_json_says_what_matched() -> None:
    result = run("lookup", "scheveningen", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["municipality"]["code"] == "GM0518"
    assert answer["via"] == {"kind": "alias", "name": "Scheveningen", "places": []}
    by_name = json.loads(run("lookup", "den haag", "--json").stdout)
    assert "via" not in by_name


def test_lookup_postcode_in_two_municipalities_lists_both() -> None:
    result = run("lookup", "7933")
    assert result.returncode == 2
    assert ("'7933' is ambiguous: Hoogeveen (GM0118, postcode 7933), "
            "Westerveld (GM1701, postcode 7933)") in result.stderr


def test_lookup_unknown_postcode() -> None:
    result = run("lookup", "1234")
    assert result.returncode == 2
    assert "no municipality, place or postcode '1234'" in result.stderr


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("query", ["Hoofddorp", "2132"])
def test_app_search_by_place_or_postcode_selects_the_municipality(query: str) -> None:
    app = new_session()
    app.run()
    type_in_search(app, query)
    assert not app.exception, app.exception
    assert app.query_params["gemeente"] == "GM0394"
    assert any("Contact voor Haarlemmermeer" in item.text for item in shown(app, "markup"))


@pytest.mark.usefixtures("fresh_caches")
def test_app_says_which_place_led_to_the_municipality() -> None:
    app = new_session()
    app.run()
    type_in_search(app, "Hoofddorp")
    assert "‘Hoofddorp’ ligt in de gemeente Haarlemmermeer." in texts(app, "paragraph")
    type_in_search(app, "2132 AB")
    assert "Postcode 2132 ligt in de gemeente Haarlemmermeer." in texts(app, "paragraph")


@pytest.mark.usefixtures("fresh_caches")
def test_app_offers_places_of_the_same_name_beside_the_municipality() -> None:
    app = new_session()
    app.run()
    type_in_search(app, "Hoorn")
    assert app.query_params["gemeente"] == "GM0405"  # the city, selected at once
    assert "‘Hoorn’ is ook een plaats in een andere gemeente:" in texts(app, "paragraph")
    app.button(key="pick-GM0093").click().run()  # the village Hoorn on Terschelling
    assert not app.exception, app.exception
    assert app.query_params["gemeente"] == "GM0093"
    assert any("Contact voor Terschelling" in item.text for item in shown(app, "markup"))
    assert not app.get("button") or "pick-GM0093" not in [
        button.key for button in app.get("button")]
