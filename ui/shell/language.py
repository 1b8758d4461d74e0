"""Declare the page's language: `<html lang>` follows the interface (Streamlit serves `en`),
and Streamlit's own words follow it too (`ui.text.framework_words`).

Screen readers pick their voice and pronunciation from it, and browsers their hyphenation and
translation offers, so a Dutch page must say `nl`.
"""

from __future__ import annotations

import streamlit as st

from ui.text import plain_text
from ui.text.framework_words import STYLE as FRAMEWORK_STYLE
from ui.text.framework_words import words_script
from ui.text.i18n import LANGUAGES


def language_script(language: str) -> plain_text.Markup:
    """A script that sets `lang` on the document's root element to `language` (`nl`, `en`)
    and puts Streamlit's own phrases in that language (`ui.text.framework_words`)."""
    if language not in LANGUAGES:
        raise ValueError(f"not a language of the interface: {language!r}")
    return words_script(language)


def declare_language(language: str) -> None:
    """Set `<html lang>` of the page to the interface's language. The script's (empty) element
    goes in the sidebar, so the main column, where the number must show, gains no gap."""
    with st.sidebar:
        plain_text.run_script(language_script(language))
        plain_text.show_markup(FRAMEWORK_STYLE)
