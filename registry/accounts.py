"""Accounts that may edit or publish the register, and signing in with them.

Passwords are kept only as argon2 hashes (argon2-cffi's `PasswordHasher`); a hash made with
older parameters is replaced at the next successful sign-in. Failed sign-ins are slowed (a fixed
delay) and limited: `MAX_FAILURES` failures for one name within `FAILURE_WINDOW` lock that name
until the oldest of them leaves the window. Failures are recorded in the database, for any name
(known or not), so every app server on the database shares the count and an unknown name is
refused exactly like a wrong password.

A successful sign-in gives a `Session` holding a random token; only its SHA-256 is stored. The
functions that write (`registry.drafts`) take the session and call `authorise`, which checks the
token, its expiry and the account's role in the database at that moment.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine

from registry.database import writing
from registry.roles import ROLES, Role
from registry.tables import Account, SignInFailure, SignInSession

MAX_FAILURES = 5
FAILURE_WINDOW = datetime.timedelta(minutes=15)
FAILURE_DELAY_S = 1.0
"""Seconds every failed sign-in waits before it answers."""
SESSION_LIFETIME = datetime.timedelta(hours=8)
MIN_PASSWORD_LENGTH = 10
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")

_ACCOUNTS = Account.__table__
_FAILURES = SignInFailure.__table__
_SESSIONS = SignInSession.__table__


class AccountError(ValueError):
    """An account cannot be added, changed or removed as asked; the message says why."""


class SignInRefusedError(Exception):
    """A sign-in failed. The same refusal for an unknown name and a wrong password; `locked_until`
    is set when the name has too many recent failures."""

    def __init__(self, locked_until: datetime.datetime | None = None) -> None:
        self.locked_until = locked_until
        super().__init__("too many failed sign-ins; try again later" if locked_until
                         else "unknown name or wrong password")


class NotSignedInError(PermissionError):
    """No valid session: anonymous, signed out, expired, or the account was removed."""


class NotAllowedError(PermissionError):
    """The account's role does not allow this (an editor cannot publish)."""


@dataclass(frozen=True)
class Session:
    """A signed-in account: its name, its role when it signed in, and the session's secret."""

    name: str
    role: Role
    token: str

    def __repr__(self) -> str:  # never show the token in a log or a traceback
        return f"Session(name={self.name!r}, role={self.role!r})"


def normalised_name(name: str) -> str:
    """An account name as stored: trimmed, lower case.

    >>> normalised_name("  Anna.de-Vries ")
    'anna.de-vries'
    """
    return name.strip().casefold()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """SQLite returns times without a zone; they are stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


class AccountStore:
    """Accounts, sign-in and sessions in the register's database."""

    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None,
                 failure_delay_s: float = FAILURE_DELAY_S) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()
        self.failure_delay_s = failure_delay_s
        self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
        """Verified against for unknown names, so they take as long as a wrong password."""

    # --- managing accounts ---------------------------------------------------------------------

    def add(self, name: str, role: Role, password: str) -> None:
        """Add an account; refuse a taken or malformed name, an unknown role, a short password."""
        name = normalised_name(name)
        if not NAME_PATTERN.match(name):
            raise AccountError(f"'{name}' is not a valid account name: use letters, digits, "
                               "'.', '_' or '-' (at most 100), starting with a letter or digit")
        if role not in ROLES:
            raise AccountError(f"unknown role '{role}'; choose {' or '.join(ROLES)}")
        _check_password(password)
        with writing(self.engine) as connection, connection.begin():
            if connection.execute(select(_ACCOUNTS.c.name).where(_ACCOUNTS.c.name == name)
                                  ).first():
                raise AccountError(f"an account '{name}' exists already")
            connection.execute(_ACCOUNTS.insert().values(
                name=name, password_hash=self.hasher.hash(password), role=role,
                created_at=_now()))

    def remove(self, name: str) -> None:
        """Remove an account and end its sessions (its drafts stay, with its name)."""
        name = normalised_name(name)
        with writing(self.engine) as connection, connection.begin():
            connection.execute(delete(_SESSIONS).where(_SESSIONS.c.name == name))
            if not connection.execute(delete(_ACCOUNTS).where(_ACCOUNTS.c.name == name)
                                      ).rowcount:
                raise AccountError(f"no account '{name}'")

    def set_password(self, name: str, password: str) -> None:
        """Give an account a new password and end its sessions."""
        name = normalised_name(name)
        _check_password(password)
        with writing(self.engine) as connection, connection.begin():
            if not connection.execute(update(_ACCOUNTS).where(_ACCOUNTS.c.name == name).values(
                    password_hash=self.hasher.hash(password))).rowcount:
                raise AccountError(f"no account '{name}'")
            connection.execute(delete(_SESSIONS).where(_SESSIONS.c.name == name))

    def accounts(self) -> list[tuple[str, Role]]:
        """Every account's name and role, by name."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(_ACCOUNTS.c.name, _ACCOUNTS.c.role)
                                      .order_by(_ACCOUNTS.c.name))
            return [(row[0], row[1]) for row in rows]

    # --- signing in ----------------------------------------------------------------------------

    def locked_until(self, name: str) -> datetime.datetime | None:
        """When a name may try again, if it has `MAX_FAILURES` failures within the window."""
        name = normalised_name(name)[:100]
        since = _now() - FAILURE_WINDOW
        with self.engine.connect() as connection:
            times = connection.execute(
                select(_FAILURES.c.failed_at).where(_FAILURES.c.name == name,
                                                    _FAILURES.c.failed_at > since)
                .order_by(_FAILURES.c.failed_at.desc()).limit(MAX_FAILURES)).scalars().all()
        if len(times) < MAX_FAILURES:
            return None
        return _aware(min(times)) + FAILURE_WINDOW

    def sign_in(self, name: str, password: str) -> Session:
        """A new session for a right name and password; `SignInRefusedError` otherwise (after the
        fixed delay, the failure recorded), and while the name is locked."""
        name = normalised_name(name)[:100]
        locked = self.locked_until(name)
        if locked is not None:
            self._fail(name)
            raise SignInRefusedError(locked)
        with self.engine.connect() as connection:
            row = connection.execute(select(_ACCOUNTS.c.password_hash, _ACCOUNTS.c.role)
                                     .where(_ACCOUNTS.c.name == name)).first()
        try:
            self.hasher.verify(row[0] if row else self._dummy_hash, password)
        except (VerificationError, InvalidHashError):
            row = None
        if row is None:
            self._fail(name)
            raise SignInRefusedError(self.locked_until(name))
        token = secrets.token_urlsafe(32)
        with writing(self.engine) as connection, connection.begin():
            if self.hasher.check_needs_rehash(row[0]):
                connection.execute(update(_ACCOUNTS).where(_ACCOUNTS.c.name == name).values(
                    password_hash=self.hasher.hash(password)))
            connection.execute(delete(_FAILURES).where(_FAILURES.c.name == name))
            connection.execute(_SESSIONS.insert().values(
                token_hash=_token_hash(token), name=name, created_at=_now(),
                expires_at=_now() + SESSION_LIFETIME))
        return Session(name, row[1], token)

    def _fail(self, name: str) -> None:
        """Record a failure (and forget failures older than the window), then wait."""
        with writing(self.engine) as connection, connection.begin():
            connection.execute(delete(_FAILURES).where(
                _FAILURES.c.failed_at < _now() - FAILURE_WINDOW))
            connection.execute(_FAILURES.insert().values(name=name, failed_at=_now()))
        time.sleep(self.failure_delay_s)

    def sign_out(self, session: Session | None) -> None:
        """End a session (nothing happens for None or an ended one)."""
        if session is None:
            return
        with writing(self.engine) as connection, connection.begin():
            connection.execute(delete(_SESSIONS).where(
                _SESSIONS.c.token_hash == _token_hash(session.token)))

    def authorise(self, session: Session | None, needed: Role) -> Session:
        """The session as it stands in the database, if it may act as `needed`; raises
        `NotSignedInError` (anonymous, ended, expired, account removed) or `NotAllowedError`."""
        if session is None:
            raise NotSignedInError("sign in first")
        with self.engine.connect() as connection:
            row = connection.execute(
                select(_ACCOUNTS.c.name, _ACCOUNTS.c.role, _SESSIONS.c.expires_at)
                .join(_ACCOUNTS, _ACCOUNTS.c.name == _SESSIONS.c.name)
                .where(_SESSIONS.c.token_hash == _token_hash(session.token))).first()
        if row is None or row[0] != session.name or _aware(row[2]) <= _now():
            raise NotSignedInError("the session has ended; sign in again")
        if ROLES.index(row[1]) < ROLES.index(needed):
            raise NotAllowedError(f"the account '{row[0]}' is an {row[1]} and may not do what "
                                  f"needs a {needed}")
        return Session(row[0], row[1], session.token)

    def failure_count(self, name: str) -> int:
        """Failed sign-ins recorded for a name within the window."""
        with self.engine.connect() as connection:
            return connection.execute(
                select(func.count()).select_from(_FAILURES).where(
                    _FAILURES.c.name == normalised_name(name)[:100],
                    _FAILURES.c.failed_at > _now() - FAILURE_WINDOW)).scalar()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
