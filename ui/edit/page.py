"""The edit page: sign in, choose an entry of the newest version (or a new one), change or remove
it in a form that is validated at every change with the register's own rules, see the effect
against the newest version (old → new per contact), save a draft; the open drafts below,
published by publishers; then the readers' open correction reports (`ui.edit.reports`): one
turned into a draft is shown beside the form, and the draft saved records it.

Nothing here decides who may write: `registry.drafts.DraftStore` checks the session's role in
the database at every save and publish. Without a session the page shows the sign-in form only.
"""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from coverage import limits
from coverage.engine import Coverage
from registry.accounts import Session
from registry.corrections import CorrectionStore
from registry.database import unreachable_errors
from registry.documents import Document
from registry.drafts import Action, DraftStore, entry_of
from registry.entry_yaml import entry_text
from registry.errors import RegisterError
from ui import data
from ui.edit import stores
from ui.edit.form import PREFILL_KEY, entry_form, key, load_entry
from ui.edit.preview import show_preview
from ui.edit.publish import drafts_panel, problem_text
from ui.edit.reports import draft_saved, report_beside, report_in_hand, reports_panel
from ui.edit.sign_in import sign_in_form
from ui.edit.stale import stale_panel
from ui.shell.outage import refuse_editing
from ui.text import plain_text
from ui.text.i18n import Translator

_log = logging.getLogger(__name__)

NEW_ENTRY = ""
"""The entry choice that adds a new entry."""


def _choose_entry(coverage: Coverage, t: Translator) -> tuple[str | None, Action]:
    """The entry to edit (`NEW_ENTRY` for a new one, None before a choice) and what to do.

    A select box shows its options as plain text (no Markdown: an escaped label would show its
    backslashes); a radio button's options are Markdown, so they go through `plain_text.label`.
    """
    entries = {entry.id: entry.area_wording for entry in coverage.snapshot.entries}
    choice = st.selectbox(
        t("edit_entry_label"), [NEW_ENTRY, *entries], key="edit_entry", index=None,
        placeholder=t("edit_entry_placeholder"),
        format_func=lambda entry_id: (f"{entries[entry_id]} ({entry_id})" if entry_id
                                      else t("edit_new_entry")))
    if choice is None or choice == NEW_ENTRY:
        return choice, "add"
    action = st.radio(t("edit_action_label"), ("change", "remove"), key="edit_action",
                      horizontal=True,
                      format_func=lambda value: plain_text.label(t(f"edit_action_{value}")))
    return choice, action


def _validated(store: DraftStore, entry_id: str, text: str | None, newest: int,
               action: Action, t: Translator) -> Document | None:
    """The newest version with the edit, or None (and the rule it breaks shown)."""
    try:
        document = store.compose(entry_id, text, newest, action)
    except RegisterError as error:
        plain_text.error(t("edit_invalid", error=problem_text(error)))
        return None
    plain_text.success(t("edit_valid"))
    return document


def _save(store: DraftStore, session: Session, change: dict[str, Any], t: Translator,
          corrections: CorrectionStore) -> None:
    try:
        draft = store.save(session, **change, comment=st.session_state.get("edit_comment", ""))
    except PermissionError as error:
        plain_text.error(t("not_allowed", error=str(error)))
    except RegisterError as error:  # the newest version changed meanwhile
        plain_text.error(t("edit_invalid", error=problem_text(error)))
    except unreachable_errors() as error:
        _log.warning("a draft was not saved: %s", error)
        plain_text.error(t("write_unreachable"))
    else:
        draft_saved(corrections, session, draft.id)
        plain_text.success(t("draft_saved", number=draft.id))


def _start_from_prefill(newest: int, t: Translator) -> None:
    """A new entry started elsewhere (a proposal turned into a draft entry), once."""
    prefill = st.session_state.pop(PREFILL_KEY, None)
    if prefill is None:
        return
    data, codes = prefill
    st.session_state["edit_entry"] = NEW_ENTRY
    load_entry(data, codes)
    st.session_state[key("loaded")] = (NEW_ENTRY, newest)
    plain_text.info(t("edit_from_proposal"))


def _editor(store: DraftStore, session: Session, t: Translator,
            corrections: CorrectionStore) -> int:
    """The entry form with its validation and preview; returns the newest version's number."""
    newest = store.versions.newest_number() or 0
    before = data.shown(newest).coverage
    plain_text.caption(t("edit_based_on", number=newest))
    _start_from_prefill(newest, t)
    entry_id, action = _choose_entry(before, t)
    if entry_id is None:
        return newest
    if st.session_state.get(key("loaded")) != (entry_id, newest):
        text = entry_of(store.versions.texts(newest)[0], entry_id) if entry_id else None
        load_entry(_yaml_data(text))
        st.session_state[key("loaded")] = (entry_id, newest)
    text = None
    if action != "remove":
        form = entry_form(t, before, new=action == "add")
        entry_id = form["id"] if action == "add" else entry_id
        text = entry_text(form)
    document = _validated(store, entry_id, text, newest, action, t)
    if document is not None:
        show_preview(before, Coverage(document.snapshot, document.fallback, before.units),
                     entry_id, t)
    st.text_input(t("field_comment"), key="edit_comment", max_chars=limits.MAX_COMMENT_CHARS,
                  help=t("field_limit", limit=t.number(limits.MAX_COMMENT_CHARS)))
    if st.button(t("save_draft"), type="primary", disabled=document is None, key="save_draft"):
        _save(store, session, {"entry_id": entry_id, "action": action, "entry_yaml": text,
                               "base": newest}, t, corrections)
    return newest


def _yaml_data(text: str | None) -> dict[str, Any]:
    import yaml

    return yaml.safe_load(text) if text else {}


def show_edit_page(t: Translator, *, offline: bool = False) -> None:
    """The whole edit page in the reader's language; while the database does not answer
    (`offline`, or it stops answering during the run), only a short message that editing and
    publishing are not possible now (signing in needs the database too)."""
    st.title(t("edit_page_title"))
    plain_text.paragraph(t("edit_intro"))
    if offline:
        refuse_editing(t)
        return
    try:
        session = sign_in_form(t)
        if session is None:
            return
        store = stores.drafts()
        corrections = stores.corrections()
        report = report_in_hand(corrections, session)
        if report is None:
            newest = _editor(store, session, t, corrections)
        else:  # the report beside the form
            form_column, report_column = st.columns([3, 2], gap="medium")
            with report_column:
                report_beside(report, data.shown(store.versions.newest_number() or 0).coverage,
                              t)
            with form_column:
                newest = _editor(store, session, t, corrections)
        drafts_panel(store, session, newest, t)
        stale_panel(store, session, newest, t)
        reports_panel(corrections, session, data.shown(newest).coverage, t)
    except unreachable_errors() as error:
        _log.warning("the edit page cannot reach the database: %s", error)
        refuse_editing(t)
