"""End-to-end: `<html lang>` follows the interface's language, and the card shows the register's
note in that language only (Streamlit itself serves `lang="en"`)."""

from __future__ import annotations

import pytest

from tests.support.browser import CARD, AppPage, wait_for_app

pytestmark = pytest.mark.e2e

DUTCH_NOTE_START = 'Dubbelzinnig: "de Veluwe" heeft geen bestuurlijke grens.'
ENGLISH_NOTE_START = 'Ambiguous: "de Veluwe" has no administrative boundary.'


def _lang(app_page: AppPage) -> str:
    return app_page.page.evaluate("document.documentElement.lang")


def test_a_dutch_page_declares_nl_and_shows_the_dutch_note(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(f"{app_page.origin}/?gemeente=Apeldoorn")
    wait_for_app(page)
    card = page.locator(CARD)
    card.get_by_text("Contact voor Apeldoorn").wait_for()
    page.wait_for_function("document.documentElement.lang === 'nl'")
    assert _lang(app_page) == "nl"
    assert DUTCH_NOTE_START in card.inner_text()
    assert ENGLISH_NOTE_START not in page.locator("body").inner_text()
    app_page.screenshot()


def test_an_english_page_declares_en_and_shows_the_english_note(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(f"{app_page.origin}/?gemeente=Apeldoorn&lang=en")
    wait_for_app(page)
    card = page.locator(CARD)
    card.get_by_text("Contact for Apeldoorn").wait_for()
    assert _lang(app_page) == "en"
    assert ENGLISH_NOTE_START in card.inner_text()
    assert DUTCH_NOTE_START not in page.locator("body").inner_text()
    app_page.screenshot()


def test_switching_the_language_changes_html_lang(app_page: AppPage) -> None:
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'nl'")
    # Wait for each language's own heading rather than for "the script is done": the page's
    # periodic check for new versions can start a run of its own at any moment.
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Care coordination coverage, human trafficking").wait_for()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert _lang(app_page) == "en"
    page.get_by_text("Nederlands", exact=True).click()
    page.get_by_role("heading", name="Dekking zorgcoördinatie mensenhandel").wait_for()
    page.wait_for_function("document.documentElement.lang === 'nl'")
    assert _lang(app_page) == "nl"


def test_version_options_read_as_written(app_page: AppPage) -> None:
    """A select box shows its options as plain text: escaping them for Markdown would show the
    backslashes (it did, in the sidebar's version choice)."""
    page = app_page.page
    page.goto(app_page.origin)
    wait_for_app(page)
    page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]").first.click()
    options = page.get_by_role("option")
    options.nth(1).wait_for()
    texts = options.all_inner_texts()
    assert len(texts) >= 3 and any(text.startswith("Versie 2, ") for text in texts)
    assert not any("\\" in text or "\u2060" in text for text in texts)
