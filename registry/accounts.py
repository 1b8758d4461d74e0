"""Accounts that may edit or publish the register, and signing in with them.

Passwords are kept only as argon2 hashes (argon2-cffi's `PasswordHasher`); a hash made with
older parameters is replaced at the next successful sign-in. A new password must meet the rules
of `registry.passwords`.

Signing in is limited (`registry.attempts`): an attempt is counted in the database before its
password is checked, atomically, so every app server shares the count and at most
`LIMITS.per_name` passwords are checked per name (known or not) and `LIMITS.per_client` per
client address within `LIMITS.window`, however many attempts arrive at once. Attempts made
while locked are refused at once (after the fixed delay) without a check and without extending
the lock; a success, a new password and `user unlock` clear a name's count. At most
`password_checks.AT_ONCE` argon2 computations run at once in a process, and a name or password
longer than its limit is refused before argon2. Refusals wait `FAILURE_DELAY_S`; an unknown
name is refused exactly like a wrong password.

A successful sign-in gives a `Session` holding a random token; only its SHA-256 is stored. The
functions that write (`registry.drafts`) take the session and call `authorise`, which checks the
token, its expiry and the account's role in the database at that moment. Expired sessions and
attempts older than the window are purged at every sign-in.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine

from registry import attempts
from registry.attempts import Limits
from registry.database import writing
from registry.password_checks import PASSWORD_CHECKS, CheckLimiter, ChecksBusyError
from registry.passwords import MAX_PASSWORD_LENGTH, WeakPasswordError, check_password
from registry.roles import ROLES, Role
from registry.tables import Account, SignInSession

LIMITS = Limits()
MAX_ATTEMPTS = LIMITS.per_name
"""Password checks per name within `LIMITS.window` (15 minutes)."""
FAILURE_DELAY_S = 1.0
"""Seconds every refused sign-in waits before it answers."""
SESSION_LIFETIME = datetime.timedelta(hours=8)
MAX_NAME_LENGTH = 100
MAX_CLIENT_LENGTH = 100
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")

_ACCOUNTS = Account.__table__
_SESSIONS = SignInSession.__table__

Clock = Callable[[], datetime.datetime]


class AccountError(ValueError):
    """An account cannot be added, changed or removed as asked; the message says why."""


class SignInRefusedError(Exception):
    """A sign-in failed. The same refusal for an unknown name and a wrong password; `locked_until`
    is set when the name (or the client address) has too many recent attempts."""

    def __init__(self, locked_until: datetime.datetime | None = None,
                 message: str | None = None) -> None:
        self.locked_until = locked_until
        super().__init__(message or ("too many failed sign-ins; try again later" if locked_until
                                     else "unknown name or wrong password"))


class SignInBusyError(SignInRefusedError):
    """Too many password checks at once in this process; nothing was counted, try again."""

    def __init__(self) -> None:
        super().__init__(None, "too many sign-ins at once; try again in a moment")


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


def client_key(client: str | None) -> str | None:
    """A client address as counted: printable characters only, trimmed, at most
    `MAX_CLIENT_LENGTH`; None when there is none.

    >>> client_key(" 203.0.113.7 "), client_key(""), client_key(None)
    ('203.0.113.7', None, None)
    """
    if client is None:
        return None
    kept = "".join(character for character in client if character.isprintable()).strip()
    return kept[:MAX_CLIENT_LENGTH] or None


class AccountStore:
    """Accounts, sign-in and sessions in the register's database.

    `limits`, `checks` (the process's argon2 semaphore) and `clock` (now, in UTC) can be given
    for tests; by default the policy above and the real time.
    """

    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None,
                 failure_delay_s: float = FAILURE_DELAY_S, *, limits: Limits = LIMITS,
                 checks: CheckLimiter = PASSWORD_CHECKS, clock: Clock = _now) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()
        self.failure_delay_s = failure_delay_s
        self.limits = limits
        self.checks = checks
        self.clock = clock
        self._dummy: str | None = None

    @property
    def database(self) -> str:
        """The database's URL, without its password (for messages)."""
        return self.engine.url.render_as_string(hide_password=True)

    # --- managing accounts ---------------------------------------------------------------------

    def add(self, name: str, role: Role, password: str) -> None:
        """Add an account; refuse a taken or malformed name, an unknown role, a weak password."""
        name = normalised_name(name)
        if not NAME_PATTERN.match(name):
            raise AccountError(f"'{name[:MAX_NAME_LENGTH]}' is not a valid account name: use "
                               "letters, digits, '.', '_' or '-' (at most 100), starting with "
                               "a letter or digit")
        if role not in ROLES:
            raise AccountError(f"unknown role '{role}'; choose {' or '.join(ROLES)}")
        password_hash = self._new_hash(name, password)
        with writing(self.engine) as connection, connection.begin():
            if connection.execute(select(_ACCOUNTS.c.name).where(_ACCOUNTS.c.name == name)
                                  ).first():
                raise AccountError(f"an account '{name}' exists already")
            connection.execute(_ACCOUNTS.insert().values(
                name=name, password_hash=password_hash, role=role, created_at=self.clock()))

    def remove(self, name: str) -> None:
        """Remove an account and end its sessions (its drafts stay, with its name)."""
        name = normalised_name(name)
        with writing(self.engine) as connection, connection.begin():
            connection.execute(delete(_SESSIONS).where(_SESSIONS.c.name == name))
            if not connection.execute(delete(_ACCOUNTS).where(_ACCOUNTS.c.name == name)
                                      ).rowcount:
                raise AccountError(f"no account '{name}'")

    def set_password(self, name: str, password: str) -> None:
        """Give an account a new password, end its sessions and clear its sign-in lock."""
        name = normalised_name(name)
        password_hash = self._new_hash(name, password)
        with writing(self.engine) as connection, connection.begin():
            if not connection.execute(update(_ACCOUNTS).where(_ACCOUNTS.c.name == name).values(
                    password_hash=password_hash)).rowcount:
                raise AccountError(f"no account '{name}'")
            connection.execute(delete(_SESSIONS).where(_SESSIONS.c.name == name))
            attempts.clear_name(connection, name)

    def unlock(self, name: str) -> int:
        """Clear a name's sign-in lock (known or not); returns how many attempts counted."""
        with writing(self.engine) as connection, connection.begin():
            return attempts.clear_name(connection, normalised_name(name)[:MAX_NAME_LENGTH])

    def unlock_client(self, client: str) -> int:
        """Clear a client address's sign-in lock; returns how many attempts counted."""
        key = client_key(client)
        if key is None:
            raise AccountError("no client address given")
        with writing(self.engine) as connection, connection.begin():
            return attempts.clear_client(connection, key)

    def accounts(self) -> list[tuple[str, Role]]:
        """Every account's name and role, by name."""
        with self.engine.connect() as connection:
            rows = connection.execute(select(_ACCOUNTS.c.name, _ACCOUNTS.c.role)
                                      .order_by(_ACCOUNTS.c.name))
            return [(row[0], row[1]) for row in rows]

    def _new_hash(self, name: str, password: str) -> str:
        """The argon2 hash of a password that meets the rules (`AccountError` otherwise)."""
        try:
            check_password(password, name)
            with self.checks.slot():
                return self.hasher.hash(password)
        except (WeakPasswordError, ChecksBusyError) as error:
            raise AccountError(str(error)) from error

    # --- signing in ----------------------------------------------------------------------------

    def locked_until(self, name: str) -> datetime.datetime | None:
        """When a name may try again, if it has `MAX_ATTEMPTS` attempts within the window."""
        with self.engine.connect() as connection:
            return attempts.locked_until(connection, normalised_name(name)[:MAX_NAME_LENGTH],
                                         self.clock(), self.limits)

    def attempt_count(self, name: str) -> int:
        """Attempts counting against a name within the window."""
        with self.engine.connect() as connection:
            return attempts.attempt_count(connection, normalised_name(name)[:MAX_NAME_LENGTH],
                                          self.clock(), self.limits)

    def sign_in(self, name: str, password: str, client: str | None = None) -> Session:
        """A new session for a right name and password, `client` being the address the attempt
        comes from (None: unknown, e.g. local). `SignInRefusedError` otherwise, after the fixed
        delay: for a wrong name or password, while the name or client is locked, for a field
        over its length limit; `SignInBusyError` when no password check could start in time."""
        if len(name) > MAX_NAME_LENGTH or len(password) > MAX_PASSWORD_LENGTH:
            self._refuse(None)  # before the database and argon2
        name = normalised_name(name)
        if len(name) > MAX_NAME_LENGTH or not name.isprintable():  # casefold may lengthen
            self._refuse(None)
        now = self.clock()
        with writing(self.engine) as connection, connection.begin():
            attempts.purge(connection, now, self.limits)
            counted = attempts.count_attempt(connection, name, client_key(client), now,
                                             self.limits)
        if counted.attempt_id is None:
            self._refuse(counted.locked_until)
        with self.engine.connect() as connection:
            row = connection.execute(select(_ACCOUNTS.c.password_hash, _ACCOUNTS.c.role)
                                     .where(_ACCOUNTS.c.name == name)).first()
        try:
            new_hash = self._check(row[0] if row else None, password)
        except ChecksBusyError:
            with writing(self.engine) as connection, connection.begin():
                attempts.forget_attempt(connection, counted.attempt_id)
            raise SignInBusyError() from None
        if row is None or new_hash is None:
            self._refuse(self.locked_until(name))
        return self._open_session(name, row[1], new_hash, counted.attempt_id)

    def _check(self, stored: str | None, password: str) -> str | None:
        """Check a password against a stored hash (the dummy for an unknown name) while holding
        a check slot: None when wrong, else the hash to keep (a new one if the stored hash has
        older parameters)."""
        with self.checks.slot():
            if self._dummy is None:  # unknown names take as long as a wrong password
                self._dummy = self.hasher.hash(secrets.token_hex(16))
            try:
                self.hasher.verify(stored or self._dummy, password)
            except (VerificationError, InvalidHashError):
                return None
            if stored is None:
                return None
            return self.hasher.hash(password) if self.hasher.check_needs_rehash(stored) \
                else stored

    def _open_session(self, name: str, role: Role, password_hash: str,
                      attempt_id: int) -> Session:
        """Record a successful sign-in: the (re)hashed password, the name's count cleared up to
        this attempt, a new session."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with writing(self.engine) as connection, connection.begin():
            connection.execute(update(_ACCOUNTS).where(
                _ACCOUNTS.c.name == name, _ACCOUNTS.c.password_hash != password_hash
            ).values(password_hash=password_hash))
            attempts.clear_name(connection, name, up_to=attempt_id)
            connection.execute(_SESSIONS.insert().values(
                token_hash=_token_hash(token), name=name, created_at=now,
                expires_at=now + SESSION_LIFETIME))
        return Session(name, role, token)

    def _refuse(self, locked_until: datetime.datetime | None) -> NoReturn:
        """Wait the fixed delay, then refuse."""
        time.sleep(self.failure_delay_s)
        raise SignInRefusedError(locked_until)

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
        if row is None or row[0] != session.name or _aware(row[2]) <= self.clock():
            raise NotSignedInError("the session has ended; sign in again")
        if ROLES.index(row[1]) < ROLES.index(needed):
            raise NotAllowedError(f"the account '{row[0]}' is an {row[1]} and may not do what "
                                  f"needs a {needed}")
        return Session(row[0], row[1], session.token)
