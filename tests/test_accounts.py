"""Accounts and sign-in, on SQLite and PostgreSQL (`database_url`): argon2 hashes, rehashing,
the same refusal for an unknown name and a wrong password, the delay and the lock shared through
the database, sessions checked at the function that needs them, and the `user` commands."""

from __future__ import annotations

import time

import pytest
from argon2 import PasswordHasher

from geodata import Units
from registry.accounts import (
    MAX_ATTEMPTS,
    AccountError,
    AccountStore,
    NotAllowedError,
    NotSignedInError,
    Session,
    SignInRefusedError,
)
from registry.store import open_store
from registry.yaml_register import DATA_DIR
from tests.support.cli import run_user as _user
from tests.support.registers import PASSWORD

DELAY_S = 0.2


def accounts(url: str, units: Units, **options: object) -> AccountStore:
    store = open_store(url)
    store.prepare(units, DATA_DIR)
    return AccountStore(store.engine, failure_delay_s=DELAY_S, **options)


def test_a_password_is_kept_as_an_argon2_hash(database_url: str, units: Units) -> None:
    store = accounts(database_url, units)
    store.add("Anna", "editor", PASSWORD)
    with store.engine.connect() as connection:
        (stored,) = connection.exec_driver_sql(
            "SELECT password_hash FROM accounts WHERE name = 'anna'").one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    session = store.sign_in("ANNA ", PASSWORD)
    assert (session.name, session.role) == ("anna", "editor")
    assert session.token not in repr(session)


def test_unknown_name_and_wrong_password_are_refused_alike_and_slowly(
        database_url: str, units: Units) -> None:
    store = accounts(database_url, units)
    store.add("anna", "publisher", PASSWORD)
    messages = []
    for name, password in (("anna", "wrong-password!"), ("nobody", PASSWORD)):
        started = time.monotonic()
        with pytest.raises(SignInRefusedError) as refused:
            store.sign_in(name, password)
        assert time.monotonic() - started >= DELAY_S
        assert refused.value.locked_until is None
        messages.append(str(refused.value))
    assert messages[0] == messages[1] == "unknown name or wrong password"


def test_too_many_failures_lock_the_name_for_every_server(database_url: str,
                                                         units: Units) -> None:
    first, second = accounts(database_url, units), accounts(database_url, units)
    first.add("anna", "editor", PASSWORD)
    for attempt in range(MAX_ATTEMPTS):
        server = first if attempt % 2 else second  # two app servers share the count
        with pytest.raises(SignInRefusedError):
            server.sign_in("anna", f"wrong-{attempt}-password")
    with pytest.raises(SignInRefusedError) as refused:
        first.sign_in("anna", PASSWORD)  # the right password, but locked
    assert refused.value.locked_until is not None
    assert "too many" in str(refused.value)
    for _ in range(MAX_ATTEMPTS):  # an unknown name is locked the same way
        with pytest.raises(SignInRefusedError):
            first.sign_in("nobody", PASSWORD)
    assert first.locked_until("nobody") is not None


def test_a_success_clears_earlier_failures(database_url: str, units: Units) -> None:
    store = accounts(database_url, units)
    store.add("anna", "editor", PASSWORD)
    with pytest.raises(SignInRefusedError):
        store.sign_in("anna", "not-the-password")
    assert store.attempt_count("anna") == 1
    store.sign_in("anna", PASSWORD)
    assert store.attempt_count("anna") == 0


def test_an_old_hash_is_replaced_at_sign_in(database_url: str, units: Units) -> None:
    weak = accounts(database_url, units, hasher=PasswordHasher(time_cost=1, memory_cost=8192))
    weak.add("anna", "editor", PASSWORD)
    store = accounts(database_url, units)

    def stored() -> str:
        with store.engine.connect() as connection:
            return connection.exec_driver_sql(
                "SELECT password_hash FROM accounts WHERE name = 'anna'").scalar()

    before = stored()
    assert store.hasher.check_needs_rehash(before)
    store.sign_in("anna", PASSWORD)
    after = stored()
    assert after != before and not store.hasher.check_needs_rehash(after)
    store.sign_in("anna", PASSWORD)  # the new hash verifies


def test_sessions_are_checked_in_the_database(database_url: str, units: Units) -> None:
    store = accounts(database_url, units)
    store.add("anna", "editor", PASSWORD)
    store.add("piet", "publisher", PASSWORD)
    editor, publisher = store.sign_in("anna", PASSWORD), store.sign_in("piet", PASSWORD)
    with pytest.raises(NotSignedInError):
        store.authorise(None, "editor")
    assert store.authorise(editor, "editor").name == "anna"
    with pytest.raises(NotAllowedError):
        store.authorise(editor, "publisher")
    assert store.authorise(publisher, "editor").role == "publisher"
    forged = Session("anna", "publisher", editor.token)  # a role claimed, not held
    with pytest.raises(NotAllowedError):
        store.authorise(forged, "publisher")
    with pytest.raises(NotSignedInError):
        store.authorise(Session("piet", "publisher", "guessed-token"), "editor")
    store.sign_out(editor)
    with pytest.raises(NotSignedInError):
        store.authorise(editor, "editor")
    store.remove("piet")
    with pytest.raises(NotSignedInError):
        store.authorise(publisher, "editor")


def test_account_rules(database_url: str, units: Units) -> None:
    store = accounts(database_url, units)
    store.add("anna", "editor", PASSWORD)
    with pytest.raises(AccountError, match="exists already"):
        store.add("Anna", "publisher", PASSWORD)
    with pytest.raises(AccountError, match="at least"):
        store.add("bert", "editor", "short")
    with pytest.raises(AccountError, match="unknown role"):
        store.add("bert", "admin", PASSWORD)  # type: ignore[arg-type]
    with pytest.raises(AccountError, match="not a valid account name"):
        store.add("<b>x</b>", "editor", PASSWORD)
    with pytest.raises(AccountError, match="no account"):
        store.remove("nobody")
    store.set_password("anna", "another-long-password")
    with pytest.raises(SignInRefusedError):
        store.sign_in("anna", PASSWORD)
    store.sign_in("anna", "another-long-password")


def test_user_commands(tmp_path, units: Units) -> None:
    url = f"sqlite:///{tmp_path / 'register.sqlite3'}"
    added = _user(url, "add", "Anna", "--role", "publisher", "--password-stdin",
                  password=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert _user(url, "list").stdout.split() == ["anna", "publisher"]
    store = accounts(url, units)
    assert store.sign_in("anna", PASSWORD).role == "publisher"
    again = _user(url, "add", "anna", "--role", "editor", "--password-stdin",
                  password=PASSWORD + "\n")
    assert again.returncode == 1 and "exists already" in again.stderr
    changed = _user(url, "passwd", "anna", "--password-stdin", password="nieuw-wachtwoord-1\n")
    assert changed.returncode == 0, changed.stderr
    assert store.sign_in("anna", "nieuw-wachtwoord-1")
    assert _user(url, "remove", "anna").returncode == 0
    with pytest.raises(SignInRefusedError):
        store.sign_in("anna", "nieuw-wachtwoord-1")
    assert _user(url, "remove", "anna").returncode == 1
