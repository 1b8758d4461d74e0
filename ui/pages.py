"""The app's pages (`st.navigation`): the dashboard, and the edit page (signed in).

`app.py` runs `run_pages` in every session; the navigation shows the pages in the sidebar and
gives each its own address (`/bewerken` for the edit page).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.i18n import Translator
from ui.sidebar import initial_language, language_choice

EDIT_PATH = "bewerken"


def _edit_page() -> None:
    from ui import plain_text
    from ui.edit_page import show_edit_page

    t = Translator(initial_language())
    st.set_page_config(page_title=t("edit_page_title"), layout="wide")
    plain_text.styles()
    show_edit_page(Translator(language_choice()))


def run_pages(root: Path) -> None:
    """Show the page the address asks for."""
    from ui.page import show_page

    t = Translator(initial_language())
    dashboard = st.Page(lambda: show_page(root), title=t("page_title"), url_path="",
                        default=True)
    edit = st.Page(_edit_page, title=t("edit_page_title"), url_path=EDIT_PATH)
    st.navigation([dashboard, edit]).run()
