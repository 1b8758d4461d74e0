"""Links with odd or huge parameters: the page runs, says so in a short note, and quotes at most
`ECHO_LIMIT` characters of what the link said (AppTest; the limits: tests/test_url_parameters)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.page_text import shown, texts
from tests.test_app import all_text, assert_page_ran, card, start
from tests.test_proposal_app import open_page
from tests.test_url_parameters import DEEP, NOTICE
from ui.proposal.url import encode
from ui.url_parameters import ECHO_LIMIT, echo


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def version_note(app: AppTest) -> str:
    (warning,) = texts(app, "warning")
    assert "noemt een versie die niet bestaat" in warning
    return warning


@pytest.mark.parametrize("versie", ["²", "9" * 5000, "1²", "٣"])
def test_an_odd_version_shows_the_newest_with_a_note(versie: str) -> None:
    app = start(versie=versie, gemeente="Zwolle")
    assert_page_ran(app)
    assert "Contact voor Zwolle" in card(app)
    assert app.sidebar.selectbox(key="version").value == 0  # the newest
    assert versie not in version_note(app)
    assert "versie" not in app.query_params


def test_a_notice_in_the_link_is_quoted_short_and_apart() -> None:
    app = start(gemeente=NOTICE)
    assert_page_ran(app)
    assert "De link noemt geen gemeente die het dashboard kent." in texts(app, "paragraph")
    (quoted,) = texts(app, "echo")
    assert quoted == f"In de link stond: “{echo(NOTICE)}”"
    assert len(echo(NOTICE)) <= ECHO_LIMIT
    page = all_text(app)
    assert NOTICE not in page and NOTICE[:ECHO_LIMIT + 1] not in page
    assert "0900" not in page  # the notice's number comes after the first 40 characters
    for kind in ("warning", "error", "info", "success"):  # no box holds any of it
        assert not any(NOTICE[:20] in text for text in texts(app, kind)), kind


def test_a_notice_in_the_search_box_is_quoted_short_and_apart() -> None:
    from tests.search_box import type_in_search

    app = start()
    type_in_search(app, NOTICE)
    assert_page_ran(app)
    assert texts(app, "echo") == [f"U zocht: “{echo(NOTICE)}”"]
    assert NOTICE[:ECHO_LIMIT + 1] not in "\n".join(
        item.text for item in shown(app) if item.kind != "markup")


def test_an_unknown_language_falls_back_with_a_note() -> None:
    app = start(lang="x" * 5000)
    assert_page_ran(app)
    assert app.title[0].value == "Dekking zorgcoördinatie mensenhandel"
    assert "De link vraagt een taal die het dashboard niet kent; de pagina is in het " \
           "Nederlands." in texts(app, "caption")
    assert "xxxx" not in all_text(app)
    assert not any("taal die" in text for text in texts(start(lang="en"), "caption"))


def test_a_comparison_nested_5000_deep_is_left_out_with_a_note() -> None:
    from coverage.whatif import Proposal

    kept = encode(Proposal("Flevoland", "Fier", "all", frozenset({"GM0034", "GM0995"})))
    app = open_page(voorstel="GM0599", vergelijk=DEEP)  # open_page asserts the page ran
    assert "die het dashboard niet kan lezen" in " ".join(texts(app, "caption"))
    assert app.query_params.get("vergelijk") is None or DEEP not in app.query_params["vergelijk"]
    many = open_page(voorstel="GM0599", vergelijk=kept)
    assert not any("niet kan lezen" in text for text in texts(many, "caption"))
