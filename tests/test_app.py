"""The dashboard's UI logic with Streamlit's AppTest: search, URL, clicks, language, snapshot,
tables, downloads, a broken register and escaping."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from coverage.engine import Coverage
from geodata import Boundaries, load_units
from registry.database import DATABASE_URL_VARIABLE
from registry.documents import Document
from registry.store import open_store
from registry.versions import read_document
from registry.yaml_register import DATA_DIR, REGISTER_DIR_VARIABLE, snapshot_from_text
from tests.app_session import new_session
from tests.conftest import REPOSITORY_ROOT
from tests.injection_payloads import (
    REGISTER_FIELDS,
    VELUWE,
    address_payload,
    payload,
    payload_register,
)
from tests.page_text import shown, tables, texts
from tests.search_box import type_in_search
from ui.dashboard.downloads import coverage_geojson, gaps_csv, municipalities_csv
from ui.data import NEWEST_TTL_S
from ui.map.panel import CLICK_STATE_KEY
from ui.text.i18n import Translator
from ui.url_parameters import echo

EVIL = "<img src=x onerror=\"document.title='pwned'\">"


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Every test starts with empty process-wide caches (the register folder may differ)."""
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def assert_page_ran(app: AppTest) -> None:
    """Neither Streamlit's error box nor the page guard's message: the whole page ran."""
    assert not app.exception, app.exception
    failed = {Translator(language)("page_failed") for language in ("nl", "en")}
    assert not failed & set(texts(app, "error")), "the page failed; see the log above"


def start(**query: str) -> AppTest:
    app = new_session()
    for name, value in query.items():
        app.query_params[name] = value
    app.run()
    assert_page_ran(app)
    return app


def card(app: AppTest) -> str:
    cards = [item.html for item in shown(app, "markup") if "contact-card" in item.html
             and "<section" in item.html]
    assert len(cards) == 1, "expected one contact card"
    return cards[0]


def open_view(app: AppTest, label: str) -> AppTest:
    """Open one of the views below the map (only the open view runs)."""
    app.session_state["view"] = label
    app.run()
    assert_page_ran(app)
    return app


def search(app: AppTest, text: str) -> AppTest:
    type_in_search(app, text)
    assert_page_ran(app)
    return app


def test_first_view_is_dutch_with_legend_and_no_selection() -> None:
    app = start()
    assert app.title[0].value == "Dekking zorgcoördinatie mensenhandel"
    assert any("Legenda" in text for text in texts(app, "markup"))
    assert any("Kies een gemeente" in text for text in texts(app, "info"))
    assert any("Tekstversie van de kaart: 227 gemeenten" in c for c in texts(app, "caption"))


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
    assert "Meerdere gemeenten passen bij ‘bergen’" in " ".join(texts(app, "paragraph"))
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
    assert texts(unknown, "echo") == ["In de link stond: “Atlantis”"]


def test_click_on_the_map_selects_the_municipality() -> None:
    app = start()
    # What the map's script sends on a click (ui/map/selection_script.py), as the component's
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
    app.sidebar.selectbox(key="version").set_value(1).run()
    assert app.query_params["versie"] == "1"
    html = card(app)
    assert "Koraal" not in html
    assert "noemt ‘Municipality of Weert’ zonder contactgegevens" in html
    assert "CoMensha als vangnet" in html


def test_gaps_table_and_filter() -> None:
    app = open_view(start(), "Hiaten")
    gaps = tables(app)[0]
    flevoland = gaps.set_index("Code").loc["VR25"]
    assert (flevoland["Zonder coördinator"], flevoland["Vangnet CoMensha"]) == ("6", "6")
    assert "Almere" in flevoland["Gemeenten zonder coördinator"]
    assert len(gaps) == 25
    app.selectbox(key="gaps_province").set_value("Limburg").run()
    assert tables(app)[-1]["Code"].tolist() == ["VR23", "VR24"]


def test_only_the_open_view_runs() -> None:
    app = start()
    assert not app.dataframe and not tables(app)  # the national picture: no table
    open_view(app, "Hiaten")
    assert [table.columns[0] for table in tables(app)] == ["Veiligheidsregio"]  # gaps only
    open_view(app, "Wijzigingen")
    assert [table.columns[0] for table in tables(app)] == ["Gemeente"]
    assert not app.dataframe  # no data grid (its toolbar is English): plain tables


def test_border_rule_view_and_show_on_map() -> None:
    app = open_view(start(), "Grensregel")
    text = " ".join(texts(app))
    assert "Gemeente Apeldoorn en de Veluwe" in text
    assert "Breekt de regel: snijdt door veiligheidsregio" in text
    assert "Gelderland-Midden (VR07): 2 van 15 gemeenten" in text
    app.button(key="show-gemeente-apeldoorn-en-de-veluwe").click().run()
    assert any("Op de kaart: ‘Gemeente Apeldoorn en de Veluwe’" in info
               for info in texts(app, "info"))


def test_coordinators_and_changes_tables() -> None:
    app = open_view(start(), "Zorgcoördinatoren")
    (coordinators,) = tables(app)
    assert len(coordinators) == 19  # 17 entries, two of them with two contacts
    veluwe = coordinators.loc[coordinators["Gebied (bron)"] == "Gemeente Apeldoorn en de Veluwe"]
    assert veluwe["Organisatie"].tolist() == ["MEE-Veluwe", "Moviera"]
    (changes,) = tables(open_view(app, "Wijzigingen"))
    assert changes.set_index("Code").at["GM0828", "Wijziging"] == (
        "kreeg een regionale zorgcoördinator")


def test_download_buttons_are_offered() -> None:
    app = open_view(start(), "Downloads")
    labels = {element.proto.label for element in app.get("download_button")}
    assert labels == {"Tabel per gemeente (CSV)", "Dekking als GeoJSON",
                      "Hiaten per veiligheidsregio (CSV)",
                      "Tabel per gemeente: download als Excel (XLSX)",
                      "Hiaten per veiligheidsregio: download als Excel (XLSX)"}


def test_download_contents(current: Coverage, boundaries: Boundaries) -> None:
    import io
    import json

    table = pd.read_csv(io.BytesIO(municipalities_csv(current, boundaries.municipalities[
        "area_km2"], Translator("en"))), encoding="utf-8-sig").set_index("Code")
    assert len(table) == 342
    assert table.at["GM0034", "Status"] == "No care coordinator: CoMensha as fallback"
    assert table.at["GM0034", "Phone (international, E.164)"] == "'+31334481186"
    assert table.at["GM0228", "Organisations"] == "MEE-Veluwe (under 23); Moviera (23 and over)"
    features = json.loads(coverage_geojson(current, boundaries.municipalities))["features"]
    assert len(features) == 342
    assert {f["properties"]["status"] for f in features} == {"coordinator", "comensha",
                                                              "fallback"}
    gaps = pd.read_csv(io.BytesIO(gaps_csv(current, Translator("en"))), encoding="utf-8-sig")
    assert gaps["Without coordinator"].sum() == 342 - 227


@pytest.fixture
def register_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of `data/` that seeds a new, empty database."""
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    monkeypatch.setenv(REGISTER_DIR_VARIABLE, str(copy))
    monkeypatch.setenv(DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'register.sqlite3'}")
    return copy


def test_a_broken_seed_register_is_reported(register_copy: Path) -> None:
    current = register_copy / "snapshots" / "current.yaml"
    current.write_text(current.read_text().replace("organisation: Fier", "organisatie: Fier"))
    app = new_session().run()
    (error,) = texts(app, "error")
    assert "current.yaml" in error and "provincie-friesland" in error
    assert "unknown field 'organisatie'" in error


def test_a_published_version_reaches_an_open_session(register_copy: Path) -> None:
    app = start(gemeente="Leeuwarden")
    assert "058 - 215 70 84" in card(app)
    history = tables(open_view(app, "Geschiedenis"))[0]
    assert history["Versie"].tolist() == ["2", "1"]
    current = register_copy / "snapshots" / "current.yaml"
    store = open_store()
    document = read_document(store, 2, load_units())
    text = document.snapshot_yaml.replace('"058 - 215 70 84"', '"058 - 215 70 85"')
    snapshot = snapshot_from_text(text, current, load_units(), document.fallback)
    store.publish(Document(snapshot, document.fallback, text, document.fallback_yaml),
                  author="anna", comment="Fier: new <b>number</b>", base=2)
    time.sleep(NEWEST_TTL_S + 0.5)
    app.run()
    assert "058 - 215 70 85" in card(app)
    history = tables(app)[0]
    assert history["Versie"].tolist() == ["3", "2", "1"]
    assert any(caption.startswith("Getoond: versie 3, Huidig overzicht")
               for caption in texts(app, "caption"))
    assert history.iloc[0]["Toelichting"] == "Fier: new <b>number</b>"  # plain text in a cell
    assert history.iloc[0]["Door"] == "anna"
    app.sidebar.selectbox(key="version").set_value(2).run()  # an older version, by choice
    assert "058 - 215 70 84" in card(app)
    assert app.query_params["versie"] == "2"


def test_a_link_to_a_version() -> None:
    app = start(gemeente="Weert", versie="1")
    assert "Koraal" not in card(app)
    assert app.sidebar.selectbox(key="version").value == 1
    unknown = start(versie="<b>99</b>")
    (warning,) = texts(unknown, "warning")
    assert "noemt een versie die niet bestaat (er zijn versies 1 tot 2)" in warning
    assert "99" not in warning


def test_changes_between_any_two_versions() -> None:
    app = open_view(start(), "Wijzigingen")
    assert app.selectbox(key="changes_from").value == 1
    assert app.selectbox(key="changes_to").value == 2
    app.selectbox(key="changes_from").set_value(2).run()
    assert not tables(app)
    assert "Geen wijzigingen." in texts(app, "paragraph")


def test_register_text_is_escaped_in_the_card(register_copy: Path) -> None:
    current = register_copy / "snapshots" / "current.yaml"
    current.write_text(current.read_text().replace(
        "organisation: Fier", f"organisation: '{EVIL.replace(chr(39), chr(39) * 2)}'"))
    html = card(start(gemeente="Leeuwarden"))
    assert "<img" not in html
    assert "&lt;img src=x onerror=&quot;document.title=&#x27;pwned&#x27;&quot;&gt;" in html


def test_a_partial_municipality_shows_comensha_for_the_uncovered_group(
        register_copy: Path) -> None:
    from tests.test_partial import VELUWE_MOVIERA

    current = register_copy / "snapshots" / "current.yaml"
    text = current.read_text(encoding="utf-8")
    assert text.count(VELUWE_MOVIERA) == 1
    current.write_text(text.replace(VELUWE_MOVIERA, "  - id: gemeente-groningen"),
                       encoding="utf-8")
    app = start(gemeente="Apeldoorn", lang="en")
    html = card(app)
    assert "Partly covered: a regional care coordinator for one age group only" in html
    assert "for the age group ‘23 and over’ the overview names no regional care coordinator" in html
    assert "MEE-Veluwe" in html and "Moviera" not in html
    assert ("<h4>CoMensha for 23 and over</h4><p class='phones'>"
            '<a href="tel:+31334481186">033 - 448 11 86</a>') in html
    assert any("12 partly covered" in caption for caption in texts(app, "caption"))
    assert any("Partly covered" in item.html and "#CC79A7" in item.html
               for item in shown(app, "markup"))  # the legend
    gaps = tables(open_view(app, "Gaps"))[0].set_index("Code")
    assert (gaps.at["VR06", "Partly covered"], gaps.at["VR07", "Partly covered"]) == ("10", "2")
    assert "Apeldoorn" in gaps.at["VR06", "Municipalities partly covered"]
    assert "Apeldoorn" not in gaps.at["VR06", "Municipalities without coordinator"]


# --- text the project did not write reaches the page as plain text -------------------------

MARKUP_SIGNS = ("](", "![", "<img", "<b>", ":red[", ":material/", "$x^2$", "->")
"""Pieces of a payload that Markdown would act on; none may reach a Markdown element raw."""


def markdown_texts(app: AppTest) -> list[str]:
    """Every text that Streamlit renders as Markdown: Markdown elements, alerts, captions,
    headings, button labels and radio options."""
    texts_ = [element.value for kind in ("markdown", "caption", "info", "warning", "error",
                                          "success", "title", "header", "subheader")
              for element in app.get(kind)]
    texts_ += [button.label for button in app.button]
    texts_ += [option for radio in app.radio for option in radio.options]
    return texts_


def assert_no_markdown_from(app: AppTest, payloads: list[str]) -> None:
    """No payload, nor any of its markup, reached a Markdown-rendering element unescaped."""
    for text in markdown_texts(app):
        for payload_ in payloads:
            field = payload_.split(":")[0]
            if field in text:
                for sign in MARKUP_SIGNS:
                    assert sign not in text, (sign, text)


def all_text(app: AppTest) -> str:
    """Everything shown through `ui.text.plain_text`, as a reader sees it."""
    return "\n".join(texts(app))


def test_url_parameters_show_as_text() -> None:
    gemeente, lang = payload("gemeente", 90), payload("lang", 91)
    app = start(gemeente=gemeente, lang=lang)
    assert app.title[0].value == "Dekking zorgcoördinatie mensenhandel"  # ?lang= ignored
    assert "De link noemt geen gemeente die het dashboard kent." in texts(app, "paragraph")
    assert texts(app, "echo") == [f"In de link stond: “{echo(gemeente)}”"]  # cut, set apart
    assert not texts(app, "warning")
    assert gemeente not in all_text(app)
    assert lang not in all_text(app)
    assert_no_markdown_from(app, [gemeente, lang])


def test_search_text_shows_as_text() -> None:
    query = payload("search", 92)
    app = search(start(), query)
    assert "Geen gemeente, plaats of postcode gevonden." in texts(app, "paragraph")
    assert texts(app, "echo") == [f"U zocht: “{echo(query)}”"]
    assert_no_markdown_from(app, [query])


@pytest.fixture
def payloads_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The payload register seeds a new database: versions 1 `extra`, 2 `earlier`, 3 `current`."""
    folder = payload_register(tmp_path / "data")
    monkeypatch.setenv(REGISTER_DIR_VARIABLE, str(folder))
    monkeypatch.setenv(DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'register.sqlite3'}")
    return folder


def test_register_fields_show_as_text_in_every_view(payloads_register: Path) -> None:
    fields = {field: payload(field, number) for number, field in enumerate(REGISTER_FIELDS)}
    app = start(gemeente="Apeldoorn")
    html = card(app)
    card_text = next(item.text for item in shown(app, "markup") if item.html == html)
    for field in ("organisation", "area_wording", "note"):
        assert fields[field] in card_text, field
        assert fields[field] not in html  # in the HTML only escaped
    assert fields["note_en"] not in card_text  # a Dutch page: the Dutch note only
    (source,) = [text for text in texts(app, "caption") if text.startswith("Bron:")]
    address = address_payload(REGISTER_FIELDS.index("address"))
    assert source == (f"Bron: ‘{fields['source']}’, {address}, zonder datum. "
                      f"{fields['date_note']}")
    assert fields["date_note_en"] not in all_text(app)
    assert_no_markdown_from(app, list(fields.values()))

    open_view(app, "Grensregel")
    shown_text = all_text(app)
    assert fields["area_wording"] in shown_text
    assert f"Zorgcoördinator: {fields['organisation']} / Moviera" in shown_text
    app.button(key=f"show-{VELUWE}").click().run()
    assert f"Op de kaart: ‘{fields['area_wording']}’." in texts(app, "info")
    assert_no_markdown_from(app, list(fields.values()))

    coordinators = tables(open_view(app, "Zorgcoördinatoren"))[0]
    veluwe = coordinators.loc[coordinators["Gebied (bron)"] == fields["area_wording"]]
    assert veluwe["Organisatie"].tolist() == [fields["organisation"], "Moviera"]
    assert set(veluwe["Toelichting"]) == {fields["note"]}
    assert_no_markdown_from(app, list(fields.values()))

    changes = tables(open_view(app, "Wijzigingen"))[0]
    assert changes["Nu"].str.contains(fields["organisation"], regex=False).any()
    open_view(app, "Downloads")
    assert_no_markdown_from(app, list(fields.values()))

    app.sidebar.selectbox(key="version").set_value(1).run()  # `extra`: its title is shown
    assert f"Getoond: versie 1, {fields['title']}" in " ".join(texts(app, "caption"))
    assert fields["title_en"] not in all_text(app)  # a Dutch page: the Dutch title only
    assert_no_markdown_from(app, list(fields.values()))

    app.sidebar.selectbox(key="version").set_value(2).run()  # `earlier`
    type_in_search(app, "Den Haag")
    assert fields["inferred_organisation"] in next(
        item.text for item in shown(app, "markup") if "contact-card" in item.html)
    assert_no_markdown_from(app, list(fields.values()))


def test_a_register_error_quotes_the_file_as_text(register_copy: Path) -> None:
    unit = payload("province", 93)
    current = register_copy / "snapshots" / "current.yaml"
    text = current.read_text(encoding="utf-8")
    assert "- province: Drenthe\n" in text
    current.write_text(text.replace("- province: Drenthe\n",
                                    f"- province: '{unit.replace(chr(39), chr(39) * 2)}'\n"),
                       encoding="utf-8")
    app = new_session()
    app.run()
    assert_page_ran(app)
    (error,) = texts(app, "error")
    assert error.startswith("Het register kan niet worden geladen: ")
    assert unit in error
    assert_no_markdown_from(app, [unit])


# --- users never see a traceback ----------------------------------------------------------------


def test_an_unexpected_failure_shows_a_short_message_and_is_logged(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import ui.data

    secret = "/srv/geheim/pad.csv"

    def broken() -> None:
        raise RuntimeError(f"cannot read {secret}")

    monkeypatch.setattr(ui.data, "published", broken)
    with caplog.at_level("ERROR", logger="ui.shell.guard"):
        app = new_session()
        app.query_params["lang"] = "en"
        app.run()
    assert not app.exception  # Streamlit's own error box is not used
    (error,) = texts(app, "error")
    assert error == Translator("en")("page_failed")
    assert secret not in all_text(app) and "Traceback" not in all_text(app)
    (record,) = [r for r in caplog.records if r.name == "ui.shell.guard"]
    assert record.exc_info is not None and secret in str(record.exc_info[1])


def test_streamlit_shows_no_error_details() -> None:
    import tomllib

    from streamlit import config

    settings = tomllib.loads((REPOSITORY_ROOT / ".streamlit" / "config.toml").read_text())
    assert settings["client"]["showErrorDetails"] == config.ShowErrorDetailsConfigOptions.NONE
    # Read by Streamlit itself (AppTest runs with the repository's config).
    app = AppTest.from_string("import streamlit as st\nst.write(st.get_option("
                              "'client.showErrorDetails'))")
    app.run()
    assert app.markdown[0].value == "none"


def test_no_full_garbage_collection_after_every_run() -> None:
    """A full collection walks every object of the server process (about 200,000) after each
    run of every session; `bench/app.py` measures what it costs with many sessions."""
    app = AppTest.from_string("import streamlit as st\nst.write(st.get_option("
                              "'runner.postScriptGC'))")
    app.run()
    assert app.markdown[0].value == "`False`"
