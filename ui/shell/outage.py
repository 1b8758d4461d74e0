"""What the page says while the register's database does not answer, and how it comes back.

The dashboard then shows the last known good version (`ui.data.published`) under one calm line
with its time in Amsterdam; editing and publishing are refused with a short message. A page
with nothing to show at all (no copy of any version yet) waits for the database and reruns
itself once it answers; a page showing the last known good version comes back through the
version watch (`ui.shell.sidebar.watch_for_new_versions`).
"""

from __future__ import annotations

import datetime

import streamlit as st

from ui import data
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.local_time import date_time_text
from ui.timed_fragment import on_ticks_only

WAIT_EVERY_S = 3.0
"""How often a page with nothing to show asks whether the database answers again."""


def outage_notice(as_of: datetime.datetime, t: Translator) -> str:
    """The one line over a page shown from the last known good version.

    >>> when = datetime.datetime(2025, 3, 1, 13, 5, tzinfo=datetime.UTC)
    >>> outage_notice(when, Translator("nl"))
    'Overzicht van 01-03-2025 14:05; de database is nu niet bereikbaar.'
    """
    return t("database_unreachable", as_of=date_time_text(as_of, t.language))


def refuse_editing(t: Translator) -> None:
    """Say that nothing can be edited or published now (the database does not answer)."""
    plain_text.warning(t("editing_unavailable"))


@on_ticks_only(every_s=WAIT_EVERY_S)
def wait_for_database() -> None:
    """Rerun the page once the database answers again (checked every `WAIT_EVERY_S`)."""
    if data.database_answers():
        st.rerun()
