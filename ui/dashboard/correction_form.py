""""Klopt dit nummer niet?": a reader's correction report, under the card, without an account.

The form sends what is wrong (at most `coverage.limits.MAX_REPORT_CHARS` characters) and,
optionally, how to reach the reader (`MAX_REPORT_CONTACT_CHARS`) through
`registry.corrections.file_report`, which checks the text again, counts the report against the
client address (`ui.client_address`) and against everyone, and stores it. The button acts in a
callback: on success the fields are emptied, on a refusal they keep what the reader wrote; the
outcome is said on the next run, never quoting the report (it is shown to editors only, on the
edit page).
"""

from __future__ import annotations

import datetime
import logging

import streamlit as st

from coverage.limits import (
    MAX_REPORT_CHARS,
    MAX_REPORT_CONTACT_CHARS,
    character_name,
    refused_character,
)
from registry.corrections import (
    LIMITS,
    ReportLimitedError,
    ReportRefusedError,
    file_report,
)
from registry.database import (
    create_engine,
    database_url,
    reader_timeout_s,
    unreachable_errors,
)
from ui.client_address import client_address
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.local_time import LOCAL_TIME

TEXT_KEY = "correction_text"
CONTACT_KEY = "correction_contact"
OUTCOME_KEY = "correction_outcome"
_log = logging.getLogger(__name__)


def _problem(field: str, value: str, limit: int, t: Translator) -> str:
    """Why a field was refused, in the page's language."""
    label = t("report_text" if field == "text" else "report_contact")
    found = refused_character(value.strip())
    if len(value.strip()) > limit or found is None:
        return t("report_too_long", field=label, limit=t.number(limit))
    position, char = found
    return t("report_invisible", field=label, character=character_name(char),
             position=position + 1)


def refusal_text(error: ReportRefusedError | ReportLimitedError, text: str, contact: str,
                 t: Translator) -> str:
    """What the page says about a report that was not stored."""
    if isinstance(error, ReportLimitedError):
        time = f"{error.retry_at.astimezone(LOCAL_TIME):%H:%M}"
        if error.scope == "client":
            return t("report_limited_client", count=LIMITS.per_client, time=time)
        return t("report_limited_everyone", time=time)
    if error.reason == "empty":
        return t("report_empty")
    if error.reason == "text":
        return _problem("text", text, MAX_REPORT_CHARS, t)
    if error.reason == "contact":
        return _problem("contact", contact, MAX_REPORT_CONTACT_CHARS, t)
    return t("report_failed", problem=error.problem)


def _file(code: str, name: str, version: int, t: Translator) -> None:
    """Store the report (a callback: before the page runs again)."""
    state = st.session_state
    text, contact = state.get(TEXT_KEY, ""), state.get(CONTACT_KEY, "")
    engine = create_engine(database_url(), reader_timeout_s())
    try:
        file_report(engine, code, version, text, contact, client_address(),
                    datetime.datetime.now(datetime.UTC))
    except (ReportRefusedError, ReportLimitedError) as error:
        state[OUTCOME_KEY] = ("error", refusal_text(error, text, contact, t))
    except unreachable_errors() as error:
        _log.warning("a correction report was not stored: %s", type(error).__name__)
        state[OUTCOME_KEY] = ("error", t("report_unreachable"))
    else:
        state[OUTCOME_KEY] = ("success", t("report_thanks", name=name))
        state[TEXT_KEY] = state[CONTACT_KEY] = ""


def correction_form(code: str, name: str, version: int, t: Translator) -> None:
    """The outcome of the last report, then the form in an expander "Klopt dit nummer niet?"
    for municipality `code` (`name`) as shown in `version`."""
    kind, message = st.session_state.pop(OUTCOME_KEY, (None, ""))
    if kind is not None:
        (plain_text.success if kind == "success" else plain_text.error)(message)
    with st.expander(t("report_expander"), expanded=kind == "error"):
        plain_text.caption(t("report_intro"))
        with st.form("correction_form", border=False):
            st.text_area(t("report_text"), key=TEXT_KEY, max_chars=MAX_REPORT_CHARS, height=100,
                         help=t("field_limit", limit=t.number(MAX_REPORT_CHARS)))
            st.text_input(t("report_contact"), key=CONTACT_KEY,
                          max_chars=MAX_REPORT_CONTACT_CHARS,
                          help=t("field_limit", limit=t.number(MAX_REPORT_CONTACT_CHARS)))
            st.form_submit_button(t("report_submit"), on_click=_file,
                                  args=(code, name, version, t))
