"""The contact card of a municipality whose coordinators split by age (the Veluwe): both
organisations with their numbers, and the area's wording, reading and note said once."""

from __future__ import annotations

import re

import pytest

from coverage.answer import answer_for
from coverage.engine import Coverage
from tests.page_text import shown
from tests.test_app import card, start
from ui.dashboard.card import card_html
from ui.text.i18n import Translator


@pytest.mark.parametrize("language", ["nl", "en"])
def test_split_by_age_note_is_shown_once(current: Coverage, language: str) -> None:
    t = Translator(language)
    answer = answer_for(current, "GM0228")  # Ede, in the Veluwe
    contacts = answer.to_json(language)["coordinators"]
    # The register: two organisations of one entry, one note between them.
    assert [contact["target_group"] for contact in contacts] == ["under_23", "23_plus"]
    assert len({contact["area_id"] for contact in contacts}) == 1
    note = contacts[0]["note"]
    assert note and len(note.split()) > 80 and contacts[1]["note"] == note

    html = card_html(answer, t)
    text = re.sub(r"<[^>]+>", "", html)
    for contact in contacts:
        assert contact["organisation"] in text
        for phone in contact["phones"]:
            assert f'href="tel:{phone["e164"]}"' in html
    assert html.count(t("card_note") + ":") == 1
    assert html.count(t("card_area_wording") + ":") == 1
    # Said after both organisations, not between them.
    assert html.index(contacts[1]["organisation"]) < html.index(t("card_note") + ":")


def test_split_by_age_card_in_the_app_shows_the_note_once() -> None:
    html = card(start(gemeente="Ede"))
    assert "MEE-Veluwe" in html and "Moviera" in html
    assert html.count("Toelichting:") == 1
    assert html.count("Gebied volgens het overzicht:") == 1


def test_areas_of_different_entries_keep_their_own_notes(current: Coverage) -> None:
    """Amsterdam: every entry that names the municipality keeps its own area text."""
    t = Translator("nl")
    answer = answer_for(current, "GM0363")
    html = card_html(answer, t)
    entries = {contact["area_id"] for contact in answer.to_json("nl")["coordinators"]}
    assert html.count(t("card_area_wording") + ":") == len(entries)


@pytest.mark.parametrize("query", [{}, {"gemeente": "Ede"}, {"gemeente": "Zwolle"}])
def test_the_capacity_caveat_is_said_once_on_the_page(query: dict[str, str]) -> None:
    """In the legend when no card is shown, in the card (not again in the legend below it)
    when one is."""
    caveat = Translator("nl")("card_capacity_caveat")
    page = " ".join(item.html for item in shown(start(**query)))
    assert page.count(caveat) == 1
