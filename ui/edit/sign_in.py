"""Signing in on the edit page: a form with name and password, then who is signed in and a
button to sign out. The session (`registry.accounts.Session`) lives in the Streamlit session
only; every write checks it again in the database (`AccountStore.authorise`)."""

from __future__ import annotations

import streamlit as st

from registry.accounts import NotSignedInError, Session, SignInBusyError, SignInRefusedError
from registry.passwords import (
    MAX_PASSWORD_LENGTH,
    MIN_DISTINCT_CHARACTERS,
    MIN_PASSWORD_LENGTH,
    WeakPasswordError,
)
from ui.client_address import client_address
from ui.edit import stores
from ui.text import plain_text
from ui.text.i18n import Translator
from ui.text.local_time import clock_text

SESSION_KEY = "account_session"


def current_session() -> Session | None:
    """The signed-in session of this browser session, if it is still valid in the database."""
    session = st.session_state.get(SESSION_KEY)
    if session is None:
        return None
    try:
        return stores.accounts().authorise(session, "editor")
    except NotSignedInError:
        del st.session_state[SESSION_KEY]
        return None


def sign_out() -> None:
    """End the session in the database and in this browser session."""
    stores.accounts().sign_out(st.session_state.pop(SESSION_KEY, None))


def sign_in_form(t: Translator) -> Session | None:
    """The signed-in session, or the sign-in form (and None) when there is none."""
    ended = SESSION_KEY in st.session_state
    session = current_session()
    if session is not None:
        plain_text.caption(t("signed_in_as", name=session.name, role=t(f"role_{session.role}")))
        st.button(t("sign_out"), on_click=sign_out, key="sign_out")
        return session
    if ended:
        plain_text.warning(t("session_ended"))
    plain_text.heading(t("sign_in_heading"))
    plain_text.paragraph(t("sign_in_needed"))
    with st.form("sign_in", clear_on_submit=True):  # the password does not linger
        name = st.text_input(t("sign_in_name"), key="sign_in_name", autocomplete="username")
        password = st.text_input(t("sign_in_password"), type="password", key="sign_in_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("sign_in_submit"))
    if submitted:
        try:
            st.session_state[SESSION_KEY] = stores.accounts().sign_in(
                name, password, client_address())
        except SignInRefusedError as refused:
            plain_text.error(refusal_text(t, refused))
            return None
        st.rerun()
    return None


def refusal_text(t: Translator, refused: SignInRefusedError) -> str:
    """What the page says about a refused sign-in."""
    if isinstance(refused, SignInBusyError):
        return t("sign_in_busy")
    if refused.locked_until is None:
        return t("sign_in_refused")
    return t("sign_in_locked", time=clock_text(refused.locked_until))


_RULE_COUNTS = {"too_short": MIN_PASSWORD_LENGTH, "too_long": MAX_PASSWORD_LENGTH,
                "repeated": MIN_DISTINCT_CHARACTERS}


def password_rule_text(t: Translator, weak: WeakPasswordError) -> str:
    """What a page that sets a password says when `registry.passwords.check_password` refuses
    it (check before calling `AccountStore.add` or `.set_password`)."""
    return t(f"password_{weak.reason}", count=_RULE_COUNTS.get(weak.reason, 0))
