"""The list of open drafts on the edit page: who changed which entry on which version, and
what it changes, old → new (`ui.edit.old_new`); a draft whose base is no longer the newest
version shows both texts of the entry; publishers publish, after confirming the version number
it will become ("Publiceren als versie 5?"). Under the four-eyes rule a publisher's own drafts
offer no publish button (and `DraftStore.publish` refuses them in any case).

Buttons act in callbacks (before the page runs again), and leave what happened in
`OUTCOME_KEY` for the next run to show. Publishing goes through `DraftStore.publish`, which
checks the role itself: the button is only shown to publishers, but hiding it is not the guard.
"""

from __future__ import annotations

import logging

import streamlit as st

from coverage.engine import Coverage
from coverage.old_new import entry_changes
from registry.accounts import Session
from registry.database import unreachable_errors
from registry.drafts import (
    Conflict,
    Draft,
    DraftConflictError,
    DraftError,
    DraftStore,
    OwnDraftError,
)
from registry.errors import RegisterError
from ui import data
from ui.edit.old_new import show_old_new
from ui.text import plain_text
from ui.text.i18n import Translator

OUTCOME_KEY = "draft_outcome"
_log = logging.getLogger(__name__)


def problem_text(error: RegisterError) -> str:
    """A register error as the editor reads it: the field and the rule's own message (the line
    of the composed file means nothing in a form)."""
    return f"{error.field}: {error.message}" if error.field else error.message


def _publish(store: DraftStore, session: Session, draft_id: int, confirmed_by: str) -> None:
    """Publish the draft, if the box naming the version it becomes (`confirmed_by`) is ticked."""
    if not st.session_state.get(confirmed_by):
        return
    try:
        info = store.publish(session, draft_id)
    except OwnDraftError:
        st.session_state[OUTCOME_KEY] = ("own_draft", draft_id)
        return
    except PermissionError as error:
        st.session_state[OUTCOME_KEY] = ("not_allowed", str(error))
        return
    except DraftError:  # published meanwhile by another publisher (drafts are never deleted)
        st.session_state[OUTCOME_KEY] = ("not_open", draft_id)
    except DraftConflictError as error:
        st.session_state[OUTCOME_KEY] = ("conflict", error.conflict)
    except unreachable_errors() as error:
        _log.warning("a draft was not published: %s", error)
        st.session_state[OUTCOME_KEY] = ("unreachable", None)
        return
    except RegisterError as error:  # saved before a rule (a limit, say) that it breaks
        st.session_state[OUTCOME_KEY] = ("invalid", problem_text(error))
    else:
        st.session_state[OUTCOME_KEY] = ("published", info.number)
    # A version newer than this run's exists now: the next run shows it from its start (and
    # the version watch, finding nothing new, leaves the outcome on the page).
    data.forget_newest_number()


def _rebase(store: DraftStore, session: Session, draft_id: int) -> None:
    try:
        store.rebase(session, draft_id)
    except (PermissionError, ValueError) as error:
        st.session_state[OUTCOME_KEY] = ("not_allowed", str(error))
    except unreachable_errors() as error:
        _log.warning("a draft was not rebased: %s", error)
        st.session_state[OUTCOME_KEY] = ("unreachable", None)


def show_conflict(conflict: Conflict, t: Translator) -> None:
    """What changed since the draft's base, and the entry's two texts side by side."""
    changed = [*conflict.changed, *conflict.added, *conflict.removed]
    if changed:
        plain_text.caption(t("conflict_others", entries=", ".join(changed)))
    newest, mine = st.columns(2)
    plain_text.caption(t("conflict_newest_text", number=conflict.newest), where=newest)
    plain_text.preformatted(conflict.newest_text or t("conflict_absent"), where=newest)
    plain_text.caption(t("conflict_draft_text"), where=mine)
    plain_text.preformatted(conflict.draft_text or t("conflict_absent"), where=mine)


def _outcome(t: Translator) -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is None:
        return
    kind, value = outcome
    if kind == "published":
        plain_text.success(t("published", number=value))
    elif kind == "unreachable":
        plain_text.error(t("write_unreachable"))
    elif kind == "not_open":
        plain_text.error(t("draft_not_open", number=value))
    elif kind == "conflict":
        plain_text.error(t("publish_conflict", base=value.draft.base_version,
                           newest=value.newest))
        show_conflict(value, t)
    elif kind == "invalid":
        plain_text.error(t("publish_invalid", error=value))
    elif kind == "own_draft":
        plain_text.error(t("publish_own_draft", number=value))
    else:
        plain_text.error(t("not_allowed", error=value))


def _draft(draft: Draft, store: DraftStore, session: Session, newest: int,
           t: Translator) -> None:
    box = st.container(border=True, key=f"draft_{draft.id}")
    with box:
        plain_text.paragraph(t("draft_line", number=draft.id,
                               action=t(f"draft_action_{draft.action}"), entry=draft.entry_id,
                               author=draft.author, base=draft.base_version,
                               comment=draft.comment))
        if draft.base_version != newest:
            plain_text.warning(t("draft_stale", newest=newest))
            show_conflict(store.conflict(draft, newest), t)
            st.button(t("rebase"), key=f"rebase_{draft.id}", on_click=_rebase,
                      args=(store, session, draft.id))
            return
        _changes(draft, store, t)
        if session.role != "publisher":
            return
        if not store.may_publish(session, draft):
            plain_text.caption(t("publish_own_draft", number=draft.id))
            return
        plain_text.emphasised(t("publish_confirm_question", number=newest + 1), "")
        confirm_key = f"confirm_{draft.id}_{newest + 1}"  # a new number asks again
        confirmed = st.checkbox(plain_text.label(t("publish_confirm", draft=draft.id,
                                                    number=newest + 1)), key=confirm_key)
        st.button(t("publish"), key=f"publish_{draft.id}", type="primary",
                  disabled=not confirmed, on_click=_publish,
                  args=(store, session, draft.id, confirm_key))


def _changes(draft: Draft, store: DraftStore, t: Translator) -> None:
    """What the draft changes on its base, old → new (nothing when it no longer keeps the
    register's rules: publishing then says why)."""
    try:
        document = store.compose(draft.entry_id, draft.entry_yaml, draft.base_version,
                                 draft.action)
    except RegisterError:
        return
    before = data.shown(draft.base_version).coverage
    show_old_new(entry_changes(before, Coverage(document.snapshot, document.fallback,
                                                before.units)), t)


def drafts_panel(store: DraftStore, session: Session, newest: int, t: Translator) -> None:
    """The outcome of the last button, then every open draft."""
    plain_text.heading(t("drafts_heading"))
    _outcome(t)
    drafts = store.drafts(session)
    if not drafts:
        plain_text.caption(t("drafts_none"))
    for draft in drafts:
        _draft(draft, store, session, newest, t)
