"""Counting sign-in attempts in the database, before their password is checked.

`count_attempt` decides in one write transaction whether an attempt may have its password
checked, and if so records it: on SQLite the transaction starts with `BEGIN IMMEDIATE` (one
writer at a time), on PostgreSQL it first takes a transaction advisory lock per name and per
client address. So however many sign-ins arrive at once, on however many app servers, at most
`Limits.per_name` passwords are checked per name and `Limits.per_client` per client address
within any `Limits.window`.

An attempt refused because of a lock is not recorded: it neither extends the lock nor gets a
password check. A lock therefore ends at most `window` after the first attempt it counts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, select, text, update
from sqlalchemy.engine import Connection

from registry.tables import SignInAttempt, SignInSession

_ATTEMPTS = SignInAttempt.__table__
_SESSIONS = SignInSession.__table__
_NAME_LOCKS = 7_100_001
_CLIENT_LOCKS = 7_100_002
"""PostgreSQL advisory lock spaces (first key) for a name and a client address (second key:
`hashtext` of it)."""
_PURGE_LOCK = 7_100_003


@dataclass(frozen=True)
class Limits:
    """How many attempts a name and a client address may make within a window."""

    per_name: int = 5
    per_client: int = 20
    window: datetime.timedelta = datetime.timedelta(minutes=15)


@dataclass(frozen=True)
class Counted:
    """The outcome of `count_attempt`: the recorded attempt's id, or when it may try again."""

    attempt_id: int | None
    locked_until: datetime.datetime | None


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """SQLite returns times without a zone; they are stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _lock(connection: Connection, space: int, key: str) -> None:
    """On PostgreSQL, wait for the transaction lock of `key` in `space` (SQLite: the write
    transaction is the lock)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
                           {"space": space, "key": key})


def _locked_until(connection: Connection, where: object, limit: int,
                  since: datetime.datetime, window: datetime.timedelta
                  ) -> datetime.datetime | None:
    """When the attempts matching `where` fall below `limit` within the window, if they have
    reached it."""
    times = connection.execute(
        select(_ATTEMPTS.c.attempted_at).where(where, _ATTEMPTS.c.attempted_at > since)
        .order_by(_ATTEMPTS.c.attempted_at.desc()).limit(limit)).scalars().all()
    if len(times) < limit:
        return None
    return _aware(min(times)) + window


def _name_rows(name: str) -> object:
    return and_(_ATTEMPTS.c.name == name, _ATTEMPTS.c.counts_for_name)


def _client_rows(client: str) -> object:
    return and_(_ATTEMPTS.c.client == client, _ATTEMPTS.c.counts_for_client)


def count_attempt(connection: Connection, name: str, client: str | None,
                  now: datetime.datetime, limits: Limits) -> Counted:
    """Record an attempt for `name` from `client` (None: unknown) unless either is locked; run
    inside a write transaction on `connection`, which this makes atomic."""
    _lock(connection, _NAME_LOCKS, name)
    if client is not None:
        _lock(connection, _CLIENT_LOCKS, client)
    since = now - limits.window
    locked = [_locked_until(connection, _name_rows(name), limits.per_name, since, limits.window)]
    if client is not None:
        locked.append(_locked_until(connection, _client_rows(client), limits.per_client, since,
                                    limits.window))
    if any(locked):
        return Counted(None, max(moment for moment in locked if moment))
    attempt_id = connection.execute(_ATTEMPTS.insert().values(
        name=name, client=client, attempted_at=now, counts_for_name=True,
        counts_for_client=True).returning(_ATTEMPTS.c.id)).scalar_one()
    return Counted(attempt_id, None)


def locked_until(connection: Connection, name: str, now: datetime.datetime,
                 limits: Limits) -> datetime.datetime | None:
    """When `name` may try again, if it is locked now."""
    return _locked_until(connection, _name_rows(name), limits.per_name, now - limits.window,
                         limits.window)


def attempt_count(connection: Connection, name: str, now: datetime.datetime,
                  limits: Limits) -> int:
    """Attempts counting against `name` within the window."""
    return connection.execute(select(func.count()).select_from(_ATTEMPTS).where(
        _name_rows(name), _ATTEMPTS.c.attempted_at > now - limits.window)).scalar_one()


def clear_name(connection: Connection, name: str, up_to: int | None = None) -> int:
    """Stop the attempts of `name` (those up to the id `up_to`, or all) counting for it: after
    a success, a new password or `user unlock`. Returns how many counted until now."""
    rows = _name_rows(name) if up_to is None else and_(_name_rows(name), _ATTEMPTS.c.id <= up_to)
    return connection.execute(update(_ATTEMPTS).where(rows).values(counts_for_name=False)
                              ).rowcount


def clear_client(connection: Connection, client: str) -> int:
    """Stop every attempt from `client` counting for it (`user unlock --client`)."""
    return connection.execute(update(_ATTEMPTS).where(_client_rows(client))
                              .values(counts_for_client=False)).rowcount


def forget_attempt(connection: Connection, attempt_id: int) -> None:
    """Remove an attempt whose password was not checked after all (the checks were busy)."""
    connection.execute(delete(_ATTEMPTS).where(_ATTEMPTS.c.id == attempt_id))


def purge(connection: Connection, now: datetime.datetime, limits: Limits) -> None:
    """Delete attempts older than the window and expired sessions. On PostgreSQL only one
    transaction purges at a time; the others skip it rather than wait."""
    if connection.dialect.name == "postgresql" and not connection.execute(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _PURGE_LOCK}).scalar():
        return
    connection.execute(delete(_ATTEMPTS).where(_ATTEMPTS.c.attempted_at <= now - limits.window))
    connection.execute(delete(_SESSIONS).where(_SESSIONS.c.expires_at <= now))
