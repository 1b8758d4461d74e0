"""AppTest checks of the views for policy readers and regional tables: border-rule verdicts,
the national picture, gaps for one region, and the downloads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from coverage.engine import Coverage
from tests.app_session import new_session
from tests.page_text import shown, tables, texts
from ui.shell.keyboard import keyboard_script
from ui.shell.language import language_script
from ui.text.i18n import LANGUAGES, Translator
from ui.text.plain_text import label


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Every test starts with empty process-wide caches."""
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


def open_view(app: AppTest, label: str) -> AppTest:
    app.session_state["view"] = label
    app.run()
    assert not app.exception, app.exception
    return app


def scripts_of(app: AppTest) -> list[str]:
    """The scripts the page runs (`st.html` elements holding a script), besides the two every
    run sends: to declare the page's language (`ui.shell.language`) and to set the keyboard
    path (`ui.shell.keyboard`)."""
    every_run = {str(language_script(code)) for code in LANGUAGES} | {
        str(keyboard_script(Translator(code)("map_label"))) for code in LANGUAGES}
    return [element.proto.body for element in app.get("html")
            if "<script" in element.proto.body and element.proto.body not in every_run]


def figures_of(app: AppTest) -> dict[str, str]:
    """The headline figures on the page: status → number of municipalities."""
    pairs = [re.findall(r"<dt[^>]*>([^<]*)</dt><dd class='value'>([^<]*)</dd>", item.html)
             for item in shown(app, "markup")]
    return {unescape(label): value for found in pairs for label, value in found}


def words_of(app: AppTest) -> str:
    """Every plain text of the page, joined."""
    return " ".join(texts(app))


def test_border_rule_groups_breaches_first_and_quotes_the_rule() -> None:
    app = open_view(start(), "Grensregel")
    headings = texts(app, "heading")
    assert headings[:2] == [
        "Breekt de regel: snijdt door een veiligheidsregio (2)",
        "Overschrijdt een grens langs de regiogrenzen: meerdere hele veiligheidsregio's (2)"]
    quotes = [text for text in texts(app, "quote") if text.startswith("“")]
    assert len(quotes) == 1 and "overschrijden van de grenzen" in quotes[0]
    wordings = [text for text in texts(app) if text in {
        "Gemeente Apeldoorn en de Veluwe", "Midden Nederland- provincie Utrecht en provincie "
        "Gelderland", "Politieregio Den Haag en Hollands Midden", "Provincie Noord-Holland"}]
    assert wordings[:2] == ["Gemeente Apeldoorn en de Veluwe",
                            "Midden Nederland- provincie Utrecht en provincie Gelderland"]
    assert set(wordings[2:]) == {"Politieregio Den Haag en Hollands Midden",
                                 "Provincie Noord-Holland"}
    words = words_of(app)
    assert ("Breekt de regel: snijdt door veiligheidsregio Gelderland-Midden (VR07; 13 van 15 "
            "gemeenten binnen het gebied)") in words
    assert "omvat de hele veiligheidsregio's Haaglanden (VR15) en Hollands Midden (VR16)" in words
    assert "Gelderland-Midden (VR07): 2 van 15 gemeenten binnen het gebied" in texts(app, "list")[0]
    assert words.count("is een afweging voor de lezer") == 1  # said once, for the group
    assert words.count("dat is wat de regel uitsluit") == 1
    names = [text for text in texts(app) if text.startswith("Gelderland-Midden (VR07)\n")]
    assert any("Binnen (2): Barneveld, Ede" in text and "Buiten (13): Arnhem" in text
               for text in names)


def test_show_on_map_draws_the_area_and_scrolls_to_the_map() -> None:
    app = open_view(start(lang="en"), "Border rule")
    assert not scripts_of(app)
    app.button(key="show-provincie-noord-holland").click().run()
    assert any("On the map: ‘Provincie Noord-Holland’" in info for info in texts(app, "info"))
    scripts = scripts_of(app)
    assert len(scripts) == 1 and "scrollIntoView" in scripts[0]
    assert 'st_folium' in scripts[0]
    app.run()  # the scroll happens once, not on every later run
    assert not scripts_of(app)


def test_first_view_is_the_national_picture_without_a_data_grid() -> None:
    app = start()
    assert not app.dataframe
    assert not app.metric  # the figures are plain HTML: no metric code to fetch
    assert figures_of(app) == {"Regionale zorgcoördinator": "227", "Deels gedekt": "0",
                               "CoMensha genoemd": "78", "Vangnet CoMensha": "37"}
    assert "van 342 gemeenten · 12.365.931 inwoners (70,3 %)" in words_of(app)
    assert not app.get("vega_lite_chart")  # no chart library on the first page
    words = words_of(app)
    assert "Tekstversie van de grafiek: in 16 veiligheidsregio's" in words
    assert "kreeg een regionale zorgcoördinator" in words


def test_the_charts_view_draws_its_charts_with_their_text() -> None:
    app = open_view(start(), "Grafieken")
    charts = app.get("vega_lite_chart")
    assert len(charts) == 3  # per region, the changes, and the statuses over time (issue 18)
    assert "Inwoners per veiligheidsregio" in charts[0].proto.spec
    words = words_of(app)
    assert "Tekstversie van de grafiek: in 16 veiligheidsregio's" in words
    assert "kreeg een regionale zorgcoördinator" in words
    assert not figures_of(app)  # the figures are the first view's


def test_a_chosen_safety_region_gets_its_own_totals_and_names_first() -> None:
    app = open_view(start(), "Hiaten")
    assert app.session_state["focus_region"] is None
    assert any(text.startswith("Landelijk:") for text in texts(app))
    app.selectbox(key="gaps_safety_region").set_value("VR04").run()
    assert app.session_state["focus_region"] == ("safety_region", "VR04")
    words = words_of(app)
    assert "Landelijk:" not in words
    assert ("In veiligheidsregio IJsselland (VR04): 11 van 11 gemeenten hebben geen regionale "
            "zorgcoördinator en 0 zijn deels gedekt") in words
    listed, per_region = tables(app)
    assert len(listed) == 11 and "Zwolle" in listed["Gemeente"].tolist()
    assert per_region["Code"].tolist() == ["VR04"]


def test_a_chosen_province_lists_uncovered_municipalities_first(current: Coverage) -> None:
    app = open_view(start(lang="en"), "Gaps")
    app.selectbox(key="gaps_province").set_value("Zuid-Holland").run()
    assert app.session_state["focus_region"] == ("province", "Zuid-Holland")
    listed = tables(app)[0]
    expected = current.municipalities.loc[current.municipalities["province"] == "Zuid-Holland"]
    assert len(listed) == len(expected)
    uncovered = [status.startswith(("No care coordinator", "CoMensha"))
                 for status in listed["Status"]]
    assert uncovered[0] and not uncovered[-1]
    assert uncovered == sorted(uncovered, reverse=True)  # every gap before every covered one
    assert sum(uncovered) == expected["status"].isin(["comensha", "fallback"]).sum()
    words = words_of(app)
    assert (f"In province of Zuid-Holland: {sum(uncovered)} of {len(expected)} municipalities "
            "have no regional care coordinator") in words
    app.selectbox(key="gaps_province").set_value("all").run()
    app.selectbox(key="gaps_police_unit").set_value("Oost-Nederland").run()
    assert not app.exception, app.exception
    assert app.session_state["focus_region"] == ("police_unit", "Oost-Nederland")
    assert "In police unit Oost-Nederland: " in words_of(app)


def test_a_chosen_safety_region_offers_its_report() -> None:
    app = open_view(start(), "Hiaten")
    assert not [button for button in app.get("download_button")
                if "Rapport" in button.proto.label]
    app.selectbox(key="gaps_safety_region").set_value("VR04").run()
    labels = [button.proto.label for button in app.get("download_button")
              if button.proto.label != "Deze tabel als CSV"]  # each table's own CSV
    assert labels == [label("Rapport voor IJsselland (PDF, één pagina)")]


def test_the_downloads_offer_each_table_as_csv_and_as_xlsx() -> None:
    app = open_view(start(lang="en"), "Downloads")
    buttons = {element.proto.label: element.proto for element in app.get("download_button")}
    assert list(buttons) == ["Table per municipality (CSV)",
                             "Table per municipality: download as Excel (XLSX)",
                             "Coverage as GeoJSON", "Gaps per safety region (CSV)",
                             "Gaps per safety region: download as Excel (XLSX)"]
    assert "has an apostrophe in front, as in '+31334481186" in words_of(app)
