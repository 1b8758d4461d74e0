"""One language at a time: a Dutch page shows the register's Dutch texts only, an English page
its English texts only (card, coordinators table, sidebar citation), with Streamlit's AppTest
over the repository's register."""

from __future__ import annotations

import pytest

from coverage.register import Register
from tests.support.apptest import card, open_view, start
from tests.support.page_text import tables, texts
from ui.text.framework_words import words_script

VELUWE = "gemeente-apeldoorn-en-de-veluwe"
OTHER = {"nl": "en", "en": "nl"}
VIEW = {"nl": "Zorgcoördinatoren", "en": "Care coordinators"}
NOTE_COLUMN = {"nl": "Toelichting", "en": "Note"}


pytestmark = pytest.mark.usefixtures("fresh_caches")


def _notes(register: Register, snapshot_id: str, language: str) -> list[str]:
    return [entry.note.in_language(language) for entry in register.snapshots[snapshot_id].entries
            if entry.note]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_card_shows_the_note_in_the_page_language_only(register: Register,
                                                           language: str) -> None:
    (veluwe,) = [entry for entry in register.latest.entries if entry.id == VELUWE]
    app = start(gemeente="Apeldoorn", lang=language)
    assert "contact-card" in card(app)
    shown = " ".join("\n".join(texts(app)).split())  # every text, the card's included
    assert veluwe.note.in_language(language) in shown
    for other_note in _notes(register, "current", OTHER[language]):
        assert other_note not in shown
    # No sentence of the other language's note either (not only the whole text).
    first_sentence = veluwe.note.in_language(OTHER[language]).split(". ")[0]
    assert first_sentence not in shown


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_coordinators_table_gives_the_notes_in_the_page_language(register: Register,
                                                                     language: str) -> None:
    app = open_view(start(lang=language), VIEW[language])
    table = tables(app)[0]
    shown = {note for note in table[NOTE_COLUMN[language]] if note}
    assert shown == set(_notes(register, "current", language))
    assert not shown & set(_notes(register, "current", OTHER[language]))


def test_the_sidebar_cites_title_address_and_date_in_dutch() -> None:
    app = start()
    (source,) = [text for text in texts(app, "caption") if text.startswith("Bron:")]
    assert source.startswith("Bron: ‘Zorgcoördinatoren’, Wegwijzer Mensenhandel, zonder datum. "
                             "De pagina draagt geen datum.")
    assert "shared/" not in source and ".txt" not in source
    assert "The page carries no date" not in "\n".join(texts(app))


def test_the_sidebar_cites_the_earlier_version_in_english() -> None:
    app = start(lang="en")
    app.sidebar.selectbox(key="version").set_value(1).run()  # the seeds: 1 earlier, 2 current
    (source,) = [text for text in texts(app, "caption") if text.startswith("Source:")]
    assert source.startswith("Source: ‘Care coordinators’, National Referral Site, undated. "
                             "The page carries no date. It is older than the current Dutch")
    assert "shared/" not in source
    assert "De pagina draagt geen datum" not in "\n".join(texts(app))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_run_declares_the_page_language(language: str) -> None:
    app = start(lang=language)
    scripts = [element.proto.body for element in app.get("html")
               if "documentElement.lang" in element.proto.body]
    assert scripts == [str(words_script(language))]  # <html lang>, Streamlit's words too
    # static/js/page/words.js sets <html lang> from its configuration.
    assert "document.documentElement.lang = config.language;" in scripts[0]
    assert f'"language": "{language}"' in scripts[0]
