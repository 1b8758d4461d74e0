"""The dashboard's UI logic with Streamlit's AppTest: search, URL, clicks, language, snapshot,
tables, downloads, a broken register and escaping."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from coverage.engine import Coverage
from coverage.register import DATA_DIR, REGISTER_DIR_VARIABLE
from geodata import Boundaries
from tests.conftest import REPOSITORY_ROOT
from ui.downloads import coverage_geojson, gaps_csv, municipalities_csv
from ui.i18n import Translator
from ui.map_panel import CLICK_STATE_KEY

APP = str(REPOSITORY_ROOT / "app.py")
EVIL = "<img src=x onerror=\"document.title='pwned'\">"


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Every test starts with empty process-wide caches (the register folder may differ)."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def start(**query: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def card(app: AppTest) -> str:
    cards = [block.value for block in app.markdown if "contact-card" in block.value
             and "<section" in block.value]
    assert len(cards) == 1, "expected one contact card"
    return cards[0]


def open_view(app: AppTest, label: str) -> AppTest:
    """Open one of the views below the map (only the open view runs)."""
    app.session_state["view"] = label
    app.run()
    assert not app.exception, app.exception
    return app


def search(app: AppTest, text: str) -> AppTest:
    app.text_input(key="search").input(text).run()
    assert not app.exception, app.exception
    return app


def test_first_view_is_dutch_with_legend_and_no_selection() -> None:
    app = start()
    assert app.title[0].value == "Dekking zorgcoördinatie mensenhandel"
    assert any("Legenda" in block.value for block in app.markdown)
    assert any("Kies een gemeente" in info.value for info in app.info)
    assert any("Tekstversie van de kaart: 227 gemeenten" in c.value for c in app.caption)


def test_search_shows_the_card_and_sets_the_link() -> None:
    app = search(start(), "Den Bosch")
    html = card(app)
    assert "Contact voor Den Bosch" in html
    assert "Officiële naam: &#x27;s-Hertogenbosch" in html
    assert "Maatschappelijke Opvang Den Bosch" in html
    assert '<a href="tel:+31736139225">073 - 6139225</a>' in html
    assert "Gemeente Den Bosch en regio" in html
    assert "veiligheidsregio Brabant-Noord" in html  # how the wording was read
    assert app.query_params["gemeente"] == "GM0796"


def test_accent_and_case_insensitive_search() -> None:
    assert "Contact voor Súdwest-Fryslân" in card(search(start(), "sudwest-fryslan"))


def test_ambiguous_search_offers_a_choice() -> None:
    app = search(start(), "bergen")
    assert "Meerdere gemeenten passen bij ‘bergen’" in " ".join(m.value for m in app.markdown)
    app.button(key="pick-GM0893").click().run()
    assert "Contact voor Bergen (L.)" in card(app)
    assert "Koraal" in card(app)


def test_unknown_search_suggests_names() -> None:
    app = search(start(), "Amsterdm")
    assert any(button.label == "Amsterdam" for button in app.button)


def test_link_to_a_municipality_by_code_or_name() -> None:
    html = card(start(gemeente="GM0363"))
    assert "Contact voor Amsterdam" in html and "HVO Querido/ ACM" in html
    assert "Contact voor Den Haag" in card(start(gemeente="den haag"))
    unknown = start(gemeente="Atlantis")
    assert any("Atlantis" in warning.value for warning in unknown.warning)


def test_click_on_the_map_selects_the_municipality() -> None:
    app = start()
    # What the map's script sends on a click (ui/map_selection_script.py), as the component's
    # on_change stores it.
    app.session_state[CLICK_STATE_KEY] = {"code": "GM0193", "click": "frame-1"}
    app.run()
    html = card(app)
    assert "Contact voor Zwolle" in html
    assert "CoMensha" in html and "Politieregio IJsselland" in html
    assert "noemt voor dit gebied CoMensha zelf" in html  # named, not the fallback
    assert app.query_params["gemeente"] == "GM0193"


def test_fallback_card_says_why() -> None:
    html = card(start(gemeente="Almere"))
    assert "Geen zorgcoördinator: CoMensha als vangnet" in html
    assert "coördineert CoMensha de zorg op afstand" in html
    assert 'href="tel:+31334481186"' in html


def test_language_switch() -> None:
    app = start(gemeente="Ede")
    app.sidebar.radio(key="language").set_value("en").run()
    assert app.title[0].value == "Care coordination coverage, human trafficking"
    html = card(app)
    assert "Contact for Ede" in html
    assert "under 23" in html and "23 and over" in html
    assert "Two organisations, split by the victim&#x27;s age." in html
    assert start(lang="en").title[0].value.startswith("Care coordination")


def test_snapshot_switch() -> None:
    app = start(gemeente="Weert")
    assert "Koraal" in card(app)
    app.sidebar.radio(key="snapshot").set_value("earlier").run()
    html = card(app)
    assert "Koraal" not in html
    assert "noemt ‘Municipality of Weert’ zonder contactgegevens" in html
    assert "CoMensha als vangnet" in html


def test_gaps_table_and_filter() -> None:
    app = open_view(start(), "Hiaten")
    gaps = app.dataframe[0].value
    flevoland = gaps.set_index("Code").loc["VR25"]
    assert (flevoland["Zonder coördinator"], flevoland["Vangnet CoMensha"]) == (6, 6)
    assert "Almere" in flevoland["Gemeenten zonder coördinator"]
    assert len(gaps) == 25
    app.selectbox(key="gaps_province").set_value("Limburg").run()
    assert app.dataframe[0].value["Code"].tolist() == ["VR23", "VR24"]


def test_only_the_open_view_runs() -> None:
    app = start()
    assert not app.dataframe  # the first view (summary) draws no table
    assert any("van 342 gemeenten" in block.value for block in app.markdown)
    open_view(app, "Hiaten")
    assert [frame.value.columns[0] for frame in app.dataframe] == ["Code"]  # gaps only
    open_view(app, "Wijzigingen")
    assert [frame.value.columns[0] for frame in app.dataframe] == ["Gemeente"]


def test_border_rule_view_and_show_on_map() -> None:
    app = open_view(start(), "Grensregel")
    text = " ".join(block.value for block in app.markdown)
    assert "Gemeente Apeldoorn en de Veluwe" in text
    assert "snijdt door de grens van een veiligheidsregio" in text
    assert "Gelderland\\-Midden \\(VR07\\): 2 van 15 gemeenten" in text
    app.button(key="show-gemeente-apeldoorn-en-de-veluwe").click().run()
    assert any("Op de kaart: ‘Gemeente Apeldoorn en de Veluwe’" in info.value
               for info in app.info)


def test_coordinators_and_changes_tables() -> None:
    app = open_view(start(), "Zorgcoördinatoren")
    (coordinators,) = [frame.value for frame in app.dataframe]
    assert len(coordinators) == 19  # 17 entries, two of them with two contacts
    veluwe = coordinators.loc[coordinators["Gebied (bron)"] == "Gemeente Apeldoorn en de Veluwe"]
    assert veluwe["Organisatie"].tolist() == ["MEE-Veluwe", "Moviera"]
    (changes,) = [frame.value for frame in open_view(app, "Wijzigingen").dataframe]
    assert changes.set_index("Code").at["GM0828", "Wijziging"] == (
        "kreeg een regionale zorgcoördinator")


def test_download_buttons_are_offered() -> None:
    app = open_view(start(), "Downloads")
    labels = {element.proto.label for element in app.get("download_button")}
    assert labels == {"Tabel per gemeente (CSV)", "Dekking als GeoJSON",
                      "Hiaten per veiligheidsregio (CSV)"}


def test_download_contents(current: Coverage, boundaries: Boundaries) -> None:
    import io
    import json

    table = pd.read_csv(io.BytesIO(municipalities_csv(current, boundaries.municipalities[
        "area_km2"])), encoding="utf-8-sig").set_index("code")
    assert len(table) == 342
    assert table.at["GM0034", "status"] == "fallback"
    assert table.at["GM0034", "phones_e164"] == "+31334481186"
    assert table.at["GM0228", "organisations"] == "MEE-Veluwe (under_23);Moviera (23_plus)"
    features = json.loads(coverage_geojson(current, boundaries.municipalities))["features"]
    assert len(features) == 342
    assert {f["properties"]["status"] for f in features} == {"coordinator", "comensha",
                                                              "fallback"}
    gaps = pd.read_csv(io.BytesIO(gaps_csv(current, Translator("en"))), encoding="utf-8-sig")
    assert gaps["Without coordinator"].sum() == 342 - 227


@pytest.fixture
def register_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    monkeypatch.setenv(REGISTER_DIR_VARIABLE, str(copy))
    return copy


def test_a_broken_register_keeps_the_last_good_data(register_copy: Path) -> None:
    app = start(gemeente="Leeuwarden")
    assert "Fier" in card(app)
    current = register_copy / "snapshots" / "current.yaml"
    current.write_text(current.read_text().replace("organisation: Fier", "organisatie: Fier"))
    app.run()
    (warning,) = app.warning
    assert "laatste goede versie" in warning.value
    assert "current.yaml" in warning.value and "provincie-friesland" in warning.value
    assert "Fier" in card(app)


def test_register_text_is_escaped_in_the_card(register_copy: Path) -> None:
    current = register_copy / "snapshots" / "current.yaml"
    current.write_text(current.read_text().replace(
        "organisation: Fier", f"organisation: '{EVIL.replace(chr(39), chr(39) * 2)}'"))
    html = card(start(gemeente="Leeuwarden"))
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;pwned&#x27;&quot;&gt;" in html
