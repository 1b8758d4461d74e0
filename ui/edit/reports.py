"""Readers' correction reports on the edit page: the open ones, as plain text (a reader's words
never become markup), each with "make a draft from it" and "close" with a reason.

"Make a draft" opens the entry of the municipality's regional coordinator in the entry form
(the first entry whose area covers it, one with a regional coordinator first) with the report
beside the form (`report_beside`); the draft saved next records the report (`draft_saved`).
Buttons act in callbacks and leave what happened in `OUTCOME_KEY` for the next run; every
call goes through `registry.corrections.CorrectionStore`, which checks the editor's session.
"""

from __future__ import annotations

import logging

import streamlit as st

from coverage.engine import Coverage
from coverage.limits import MAX_CLOSING_REASON_CHARS
from registry.accounts import Session
from registry.corrections import CorrectionStore, Report, ReportError, ReportRefusedError
from registry.database import unreachable_errors
from ui.edit.form import key as form_key
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.local_time import date_time_text

IN_HAND_KEY = "edit_report"
"""Session state: the number of the report the entry form is working on."""
OUTCOME_KEY = "report_outcome"
ENTRY_KEY = "edit_entry"
ACTION_KEY = "edit_action"
_log = logging.getLogger(__name__)


def entry_for(coverage: Coverage, code: str) -> str | None:
    """The entry an editor opens for a report on municipality `code`: the first entry whose
    area covers it with a contact that is not CoMensha, else the first that covers it at all
    (None: no entry does; CoMensha is the fallback there)."""
    entries = coverage.entries_for(code)
    regional = [entry for entry in entries
                if any(not contact.is_comensha for contact in entry.contacts)]
    chosen = (regional or entries or [None])[0]
    return None if chosen is None else chosen.id


def _make_draft(report_id: int, entry_id: str | None) -> None:
    """Open the report's entry in the form (a callback: before the form is drawn)."""
    st.session_state[IN_HAND_KEY] = report_id
    st.session_state[ENTRY_KEY] = entry_id
    st.session_state[ACTION_KEY] = "change"
    st.session_state.pop(form_key("loaded"), None)  # load the entry afresh


def _stop() -> None:
    st.session_state.pop(IN_HAND_KEY, None)


def _close(store: CorrectionStore, session: Session, report_id: int) -> None:
    reason = st.session_state.get(f"report_reason_{report_id}", "")
    number = {"number": report_id}
    try:
        store.close(session, report_id, reason)
    except ReportRefusedError as refused:
        st.session_state[OUTCOME_KEY] = (
            ("error", "report_close_needs_reason", number) if refused.reason == "empty"
            else ("error", "report_failed", {"problem": refused.problem}))
    except ReportError:
        st.session_state[OUTCOME_KEY] = ("error", "report_not_open", number)
    except PermissionError as error:
        st.session_state[OUTCOME_KEY] = ("error", "not_allowed", {"error": str(error)})
    except unreachable_errors() as error:
        _log.warning("a report was not closed: %s", type(error).__name__)
        st.session_state[OUTCOME_KEY] = ("error", "write_unreachable", {})
    else:
        st.session_state[OUTCOME_KEY] = ("success", "report_closed", number)
        if st.session_state.get(IN_HAND_KEY) == report_id:
            _stop()


def _outcome(t: Translator) -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is not None:
        kind, message, fields = outcome
        (plain_text.success if kind == "success" else plain_text.error)(t(message, **fields))


def _report_text(report: Report, coverage: Coverage, t: Translator) -> None:
    """The report's facts and its text and contact, as plain text."""
    names = coverage.units.municipalities["name"]
    name = names.get(report.municipality, report.municipality)
    when = date_time_text(report.received_at, t.language)
    plain_text.emphasised(t("report_line", number=report.id, name=name,
                            code=report.municipality, version=report.version, time=when), "")
    plain_text.quote(report.text)
    plain_text.caption(t("report_reach", contact=report.contact) if report.contact
                       else t("report_no_contact"))
    if report.draft_id is not None:
        plain_text.caption(t("report_draft_made", number=report.draft_id))


def report_in_hand(store: CorrectionStore, session: Session) -> Report | None:
    """The open report the entry form works on, if any."""
    report_id = st.session_state.get(IN_HAND_KEY)
    if report_id is None:
        return None
    try:
        report = store.report(session, report_id)
    except ReportError:
        report = None
    if report is None or report.status != "open":
        _stop()
        return None
    return report


def report_beside(report: Report, coverage: Coverage, t: Translator) -> None:
    """The report the form works on, beside the form."""
    plain_text.heading(t("report_beside", number=report.id))
    _report_text(report, coverage, t)
    if st.session_state.get(ENTRY_KEY) is None:
        name = coverage.units.municipalities["name"].get(report.municipality, "")
        plain_text.info(t("report_no_entry", name=name))
    st.button(t("report_stop"), key="report_stop", on_click=_stop)


def draft_saved(store: CorrectionStore, session: Session, draft_id: int) -> None:
    """Record the draft just saved on the report the form worked on (if any); the report stays
    open, with its draft, until an editor closes it."""
    report_id = st.session_state.pop(IN_HAND_KEY, None)
    if report_id is not None:
        store.record_draft(session, report_id, draft_id)


def reports_panel(store: CorrectionStore, session: Session, coverage: Coverage,
                  t: Translator) -> None:
    """The outcome of the last button, then every open report with its actions."""
    reports = store.reports(session)
    plain_text.heading(t("reports_heading", count=t.number(len(reports))))
    _outcome(t)
    if not reports:
        plain_text.caption(t("reports_none"))
    for report in reports:
        with st.container(border=True, key=f"report_{report.id}"):
            _report_text(report, coverage, t)
            st.button(t("report_make_draft"), key=f"report_draft_{report.id}",
                      on_click=_make_draft,
                      args=(report.id, entry_for(coverage, report.municipality)))
            st.text_input(t("report_close_reason"), key=f"report_reason_{report.id}",
                          max_chars=MAX_CLOSING_REASON_CHARS,
                          help=t("field_limit", limit=t.number(MAX_CLOSING_REASON_CHARS)))
            st.button(t("report_close"), key=f"report_close_{report.id}", on_click=_close,
                      args=(store, session, report.id))
