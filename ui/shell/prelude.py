"""What every page shares, run before the page itself (`ui.shell.pages`): the page's
configuration and language, the checked boundary data, the published versions (or the last
known good one while the database is away) and the sidebar's choices, as a `PageContext`; and
the sidebar itself, drawn after the page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from registry.database import DatabaseUnreachableError
from registry.errors import RegisterError
from registry.tested_set import log_untested_versions
from registry.versions import VersionInfo
from ui import data
from ui.shell.failure import boundary_failure_page
from ui.shell.keyboard import keyboard_path
from ui.shell.language import declare_language
from ui.shell.outage import outage_notice, wait_for_database
from ui.shell.sidebar import (
    Settings,
    chosen_settings,
    initial_language,
    language_note,
    show_sidebar,
)
from ui.text import plain_text
from ui.text.i18n import Translator


@dataclass(frozen=True)
class PageContext:
    """What every page gets from the shared prelude: the language, the published versions, the
    sidebar's choices and the version shown."""

    root: Path
    """The folder of `app.py` (for `static/`)."""
    t: Translator
    versions: list[VersionInfo]
    chosen: Settings
    shown: data.Shown
    as_of: datetime.datetime | None = None
    """None when the database answered; else it did not, and the version shown is the last
    known good one, named the newest by the database at this time (`data.Published.as_of`)."""

    @property
    def offline(self) -> bool:
        """Whether the database did not answer this run (nothing can be written)."""
        return self.as_of is not None


def prelude(root: Path) -> PageContext:
    """What every page shares, run before the page itself: page config, language, the checked
    boundary data and the sidebar's choices (language, version, map layers; the sidebar itself
    is drawn after the page, see `sidebar`); stops with a short page when the data is broken."""
    # Language first: every other string depends on it.
    st.set_page_config(page_title=Translator(initial_language())("page_title"), layout="wide")
    plain_text.styles()
    log_untested_versions(root / "constraints.txt")  # server log only
    t = Translator(initial_language())  # the sidebar's radio is drawn after the page
    declare_language(t.language)  # <html lang> follows the interface
    language_note(t)  # the link asked for a language the page does not have
    keyboard_path(t)  # the search first in the tab order, the map's frame out of it

    # The boundary data and place tables, checked: a short page, not a traceback, when broken.
    with boundary_failure_page(t):
        data.units()
        data.municipality_index()

    # The register: the published versions; the newest unless the sidebar or the link says
    # otherwise. One version number per run: the page always shows one whole version. While
    # the database does not answer, the last known good version, and one line that says so.
    try:
        register = data.published()
    except RegisterError as error:  # broken seed files on a first start: say where
        plain_text.error(t("register_missing", error=error))
        st.stop()
    except DatabaseUnreachableError:  # and no copy of an earlier version
        plain_text.error(t("database_unreachable_no_copy"))
        wait_for_database()
        st.stop()
    if register.as_of is not None:
        plain_text.info(outage_notice(register.as_of, t))
    chosen = chosen_settings(register.versions, t)
    return PageContext(root, t, register.versions, chosen, data.shown(chosen.version),
                       register.as_of)


def sidebar(context: PageContext) -> None:
    """The sidebar for the prelude's choices; drawn after the page (see `ui.shell.sidebar`)."""
    show_sidebar(context.versions, context.chosen,
                 lambda number: data.shown(number).coverage.snapshot, context.t,
                 offline=context.offline)
