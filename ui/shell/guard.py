"""The page's last line of defence: an unexpected error is logged, never shown as a traceback.

Streamlit would show an uncaught exception in the page (with `client.showErrorDetails =
"none"` in `.streamlit/config.toml` only its generic English text). `run_guarded` catches it
first, logs it with its traceback on the server and shows the reader a short message in their
language. Streamlit's own control flow (`st.stop`, `st.rerun`) derives from `BaseException`
and passes through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from ui.text import plain_text
from ui.text.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator

LOGGER = logging.getLogger(__name__)


def _language() -> str:
    """The session's language (the default until one is chosen)."""
    language = st.session_state.get("language", DEFAULT_LANGUAGE)
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def run_guarded(page: Callable[[], None]) -> None:
    """Run `page`; on an unexpected exception log it and show a short translated message."""
    try:
        page()
    except Exception:
        LOGGER.exception("the dashboard page failed")
        plain_text.error(Translator(_language())("page_failed"))
