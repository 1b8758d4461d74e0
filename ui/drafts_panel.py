"""The list of open drafts on the edit page: who changed which entry on which version; a draft
whose base is no longer the newest version shows both texts of the entry; publishers publish.

Buttons act in callbacks (before the page runs again), and leave what happened in
`OUTCOME_KEY` for the next run to show. Publishing goes through `DraftStore.publish`, which
checks the role itself: the button is only shown to publishers, but hiding it is not the guard.
"""

from __future__ import annotations

import logging

import streamlit as st

from registry.accounts import Session
from registry.database import unreachable_errors
from registry.drafts import Conflict, Draft, DraftConflictError, DraftError, DraftStore
from registry.errors import RegisterError
from ui import data, plain_text
from ui.i18n import Translator

OUTCOME_KEY = "draft_outcome"
_log = logging.getLogger(__name__)


def problem_text(error: RegisterError) -> str:
    """A register error as the editor reads it: the field and the rule's own message (the line
    of the composed file means nothing in a form)."""
    return f"{error.field}: {error.message}" if error.field else error.message


def _publish(store: DraftStore, session: Session, draft_id: int) -> None:
    try:
        info = store.publish(session, draft_id)
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
        elif session.role == "publisher":
            st.button(t("publish"), key=f"publish_{draft.id}", type="primary",
                      on_click=_publish, args=(store, session, draft.id))


def drafts_panel(store: DraftStore, session: Session, newest: int, t: Translator) -> None:
    """The outcome of the last button, then every open draft."""
    plain_text.heading(t("drafts_heading"))
    _outcome(t)
    drafts = store.drafts(session)
    if not drafts:
        plain_text.caption(t("drafts_none"))
    for draft in drafts:
        _draft(draft, store, session, newest, t)
