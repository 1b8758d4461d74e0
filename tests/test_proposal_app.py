"""The proposal page with Streamlit's AppTest: a proposal built by clicks on the map, the
same proposal from a link, the comparison, and hostile text from the link shown literally."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from coverage.engine import Coverage
from coverage.whatif import Proposal, evaluate
from tests.app_session import new_session
from tests.injection_payloads import payload
from tests.page_text import shown, texts
from tests.test_app import EVIL, assert_page_ran
from ui.proposal.builder import CLICK_STATE_KEY, CODES_KEY
from ui.proposal.url import encode
from ui.text.i18n import Translator
from ui.text.verdict_text import verdict_summary

PAGE = "page_scripts/proposal.py"
FLEVOLAND = ("GM0034", "GM0995", "GM0303")
"""Almere, Lelystad and Dronten: three municipalities of safety region Flevoland (VR25)."""


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


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


def expected_texts(coverage: Coverage, codes: tuple[str, ...], language: str = "nl"
                   ) -> tuple[str, str]:
    """The verdict and gain sentences the page should show, computed by the engine."""
    t = Translator(language)
    answer = evaluate(coverage, Proposal("", None, "all", frozenset(codes)))
    table = coverage.municipalities.loc[list(codes)]
    uncovered = table.loc[table["status"] != "coordinator"]
    gain = t("proposal_gain", count=len(uncovered),
             population=t.number(int(uncovered["population"].sum())),
             groups=f"{t('target_under_23')} {t('area_and')} {t('target_23_plus')}")
    return verdict_summary(answer.verdict, t), gain


def test_three_clicks_build_a_proposal_with_verdict_and_gain(current: Coverage) -> None:
    app = open_page()
    assert Translator("nl")("proposal_empty") in texts(app, "info")
    for number, code in enumerate(FLEVOLAND, start=1):
        click(app, code, number)
    assert sorted(app.session_state[CODES_KEY]) == sorted(FLEVOLAND)
    verdict, gain = expected_texts(current, FLEVOLAND)
    assert any(text.startswith(verdict) for text in texts(app, "success")), texts(app)
    assert gain in texts(app, "success")
    assert app.query_params["voorstel"] == ",".join(sorted(FLEVOLAND))
    # The same municipality clicked again (a new click) takes it out again.
    click(app, "GM0303", 4)
    assert sorted(app.session_state[CODES_KEY]) == sorted(FLEVOLAND[:2])
    assert app.query_params["voorstel"] == ",".join(sorted(FLEVOLAND[:2]))
    # The same click value once more (a rerun, not a click) changes nothing.
    app.run()
    assert sorted(app.session_state[CODES_KEY]) == sorted(FLEVOLAND[:2])


def test_a_link_shows_the_same_proposal(current: Coverage) -> None:
    codes = ("GM0599", "GM0505")  # Rotterdam and Dordrecht: two borders cut
    app = open_page(voorstel=",".join(codes), naam="Rijnmond en Drechtsteden",
                    doelgroep="under_23", lang="en")
    assert sorted(app.session_state[CODES_KEY]) == sorted(codes)
    assert app.text_input[0].value == "Rijnmond en Drechtsteden"
    t = Translator("en")
    answer = evaluate(current, Proposal("", None, "under_23", frozenset(codes)))
    assert answer.verdict.verdict == "breach"
    assert any(text.startswith(verdict_summary(answer.verdict, t))
               for text in texts(app, "error")), texts(app)
    assert t("proposal_overlap", group=t("target_under_23"), count=1,
             organisations="PMW Humanitas", names="Rotterdam") in " ".join(texts(app, "list"))
    assert "Proposal “Rijnmond en Drechtsteden”" in texts(app, "heading")


def test_unknown_codes_in_a_link_are_named_and_left_out() -> None:
    app = open_page(voorstel="GM0599,GM9999,x")
    assert app.session_state[CODES_KEY] == ["GM0599"]
    assert "De link noemt gemeentecodes die niet bestaan; die zijn weggelaten." in texts(
        app, "paragraph")
    assert texts(app, "echo") == ["In de link stond: “GM9999, X”"]
    assert not texts(app, "warning")


def test_hostile_text_in_the_link_shows_literally() -> None:
    name, organisation = EVIL, payload("organisatie", 1)
    app = open_page(voorstel="GM0599", naam=name, organisatie=organisation)
    assert app.text_input[0].value == name
    assert app.text_input[1].value == organisation
    assert f"Voorstel “{name}”" in texts(app, "heading")
    assert any(organisation[:60] in text for text in texts(app, "paragraph"))
    for item in shown(app):  # the raw tags never reach the page's HTML
        assert EVIL not in item.html and "<img src='http" not in item.html
        assert "<b>organisatie-vet" not in item.html and "<a " not in item.html
    assert not app.markdown


def test_a_long_name_or_organisation_in_the_link_is_quoted_cut() -> None:
    notice = "LET OP: het nummer is gewijzigd. Bel voortaan 0900-1234567. " * 5
    app = open_page(voorstel="GM0599", naam=notice, organisatie=notice)
    assert app.text_input[0].value == notice.strip()  # the form keeps what the link says
    (heading,) = [text for text in texts(app, "heading") if text.startswith("Voorstel “")]
    assert len(heading) <= 90 and heading.endswith("…”")
    assert not any(notice[:100] in text for text in texts(app, "heading")
                   + texts(app, "paragraph"))


def test_proposals_compared_side_by_side(current: Coverage) -> None:
    kept = Proposal("Flevoland", "Fier", "all", frozenset(FLEVOLAND))
    app = open_page(voorstel="GM0599,GM0505", naam="Rijnmond", vergelijk=encode(kept))
    tables = [item.text for item in shown(app, "markup") if "proposal-table" in item.html
              and "aria-label" in item.html]
    assert len(tables) == 1
    table = tables[0]
    t = Translator("nl")
    assert t("proposal_being_built", name="Rijnmond") in table
    assert "Flevoland" in table and "Fier" in table
    assert t("proposal_verdict_breach") in table and t("proposal_verdict_within") in table
    kept_gain = evaluate(current, kept).gained_population
    assert t.number(kept_gain) in table
    # Keep the one being built too: both are kept, in the address as well.
    next(button for button in app.button if button.label == t("proposal_compare_add")).click()
    app.run()
    assert len(app.query_params["vergelijk"]) == 2


def test_language_and_version_work_on_the_proposal_page(current: Coverage,
                                                       earlier: Coverage) -> None:
    oss = current.units.names_of("municipality")["Oss"]
    assert current.municipalities.at[oss, "status"] == "coordinator"
    assert earlier.municipalities.at[oss, "status"] == "fallback"
    app = open_page(voorstel=oss)
    app.sidebar.radio[0].set_value("en").run()
    assert_page_ran(app)
    t = Translator("en")
    assert app.title[0].value == t("proposal_title")
    assert app.session_state[CODES_KEY] == [oss]
    groups = f"{t('target_under_23')} {t('area_and')} {t('target_23_plus')}"
    assert t("proposal_gain_none", groups=groups) in texts(app, "info")
    app.sidebar.selectbox[0].set_value(1).run()  # version 1: the earlier overview
    assert_page_ran(app)
    assert app.query_params["versie"] == "1"
    assert app.session_state[CODES_KEY] == [oss]
    assert t("proposal_gain_line", name="Oss", population=t.number(
        int(earlier.municipalities.at[oss, "population"])),
        before=t("status_fallback"), after=t("status_coordinator")) in " ".join(
            texts(app, "list"))
