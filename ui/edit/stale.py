"""The contacts due for a check, on the edit page: never checked first, then the oldest check;
per contact a "checked today" button that saves a draft whose only change is that contact's
check date and the signed-in name (`registry.checks`). A publisher publishes it like any draft.

The button acts in a callback and leaves its outcome in `OUTCOME_KEY` for the next run.
"""

from __future__ import annotations

import datetime
import logging

import streamlit as st

from coverage.check_age import date_in_words
from coverage.phones import phones_text
from coverage.stale import ContactCheck, contact_checks
from registry.accounts import Session
from registry.checks import save_checked_today
from registry.database import unreachable_errors
from registry.drafts import DraftError, DraftStore
from registry.errors import RegisterError
from ui import data
from ui.edit.publish import problem_text
from ui.text import plain_text
from ui.text.i18n import Translator

OUTCOME_KEY = "stale_outcome"
_log = logging.getLogger(__name__)


def _checked_today(store: DraftStore, session: Session, check: ContactCheck,
                   today: datetime.date, comment: str) -> None:
    assert check.entry_id is not None and check.contact_index is not None
    try:
        draft = save_checked_today(store, session, entry_id=check.entry_id,
                                   contact_index=check.contact_index, today=today,
                                   comment=comment)
    except PermissionError as error:
        st.session_state[OUTCOME_KEY] = ("error", str(error))
    except RegisterError as error:
        st.session_state[OUTCOME_KEY] = ("error", problem_text(error))
    except DraftError as error:
        st.session_state[OUTCOME_KEY] = ("error", str(error))
    except unreachable_errors() as error:
        _log.warning("a check was not saved: %s", error)
        st.session_state[OUTCOME_KEY] = ("unreachable", None)
    else:
        st.session_state[OUTCOME_KEY] = ("saved", draft.id)


def _outcome(t: Translator) -> None:
    outcome = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is None:
        return
    kind, value = outcome
    if kind == "saved":
        plain_text.success(t("stale_draft_saved", number=value))
    elif kind == "unreachable":
        plain_text.error(t("write_unreachable"))
    else:
        plain_text.error(t("not_allowed", error=value))


def stale_line(check: ContactCheck, names: dict[str, str], t: Translator) -> str:
    """One contact as the list says it: organisation, area, phones, last check, municipalities."""
    if check.verified_on is None:
        checked = t("checked_never")
    else:
        checked = t("checked_on_words", date=date_in_words(check.verified_on, t.language),
                    name=check.verified_by or "")
    return t("stale_line", organisation=check.organisation or t("card_no_organisation"),
             area=check.area_wording or t("stale_fallback_area"),
             phones=phones_text(check.phones, f" {t('card_or')} ") or "–",
             checked=checked + ".", count=len(check.municipalities),
             municipalities=", ".join(names[code] for code in check.municipalities) or "–")


def stale_panel(store: DraftStore, session: Session, newest: int, t: Translator) -> None:
    """The contacts of the newest version due for a check, each with "checked today"."""
    plain_text.heading(t("stale_heading"))
    _outcome(t)
    checks = data.check_age()
    coverage = data.shown(newest).coverage
    found = contact_checks(coverage, checks, due_only=True)
    plain_text.caption(t("stale_intro", months=checks.months))
    if not found:
        plain_text.caption(t("stale_none"))
    names = coverage.municipalities["display_name"].to_dict()
    for check in found:
        name = f"{check.entry_id}.{check.contact_index}" if check.entry_id else "fallback"
        with st.container(border=True, key=f"stale_{name}"):
            plain_text.paragraph(stale_line(check, names, t))
            if check.is_fallback:
                plain_text.caption(t("stale_fallback_note"))
                continue
            comment = t("stale_comment", organisation=check.organisation or "–",
                        entry=check.entry_id)
            st.button(t("stale_checked_today"), key=f"checked_today_{name}",
                      on_click=_checked_today,
                      args=(store, session, check, checks.today, comment))
