"""Correction reports from readers: "Is this number wrong?", filed without an account, read and
closed by editors. Nothing here uses Streamlit, so every page (the dashboard's card, the plain
answer page's POST form) files reports through `file_report`.

Filing is limited, counted in the database so that every app server shares the count: at most
`ReportLimits.per_client` reports per client address and `ReportLimits.everyone` reports in all
within `ReportLimits.window` (an unknown address, e.g. a local one, counts as one client). The
decision and the insert are one write transaction: on SQLite it starts with `BEGIN IMMEDIATE`,
on PostgreSQL it first takes a transaction advisory lock, so reports arriving at once are
counted one after the other. A report's client address is kept only while it counts: once the
window has passed it is cleared (at the next filing), so the table (and its backups) does not
keep where readers came from.

A report's text is a reader's: at most `coverage.limits.MAX_REPORT_CHARS` characters, not
blank, no invisible or control characters but tab and new line (`coverage.limits.text_problem`);
the contact at most `MAX_REPORT_CONTACT_CHARS`. Editors see it as plain text only, and nothing
from a report reaches a public page.

Reading and closing need an editor's session (`AccountStore.authorise`, as for drafts).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select, text, true, update
from sqlalchemy.engine import Connection, Engine

from coverage.limits import (
    MAX_CLOSING_REASON_CHARS,
    MAX_REPORT_CHARS,
    MAX_REPORT_CONTACT_CHARS,
    text_problem,
)
from registry.accounts import AccountStore, Session, client_key
from registry.database import writing
from registry.tables import CorrectionReport, RegisterVersion

_REPORTS = CorrectionReport.__table__
_VERSIONS = RegisterVersion.__table__
_FIELDS = ("id", "municipality", "version", "received_at", "text", "contact", "status",
           "closing_reason", "closed_by", "closed_at", "draft_id")
_LOCK = 7_100_004
"""PostgreSQL advisory lock (transaction) taken while a report is counted and stored."""
UNKNOWN_CLIENT = "unknown"
"""How a report without a client address (local, or not known) is counted."""
CODE_PATTERN = re.compile(r"GM\d{4}")

Status = Literal["open", "closed"]
Refusal = Literal["empty", "text", "contact", "code", "version"]


@dataclass(frozen=True)
class ReportLimits:
    """How many reports one client address, and everyone together, may file within a window."""

    per_client: int = 5
    everyone: int = 100
    window: datetime.timedelta = datetime.timedelta(hours=1)


LIMITS = ReportLimits()


@dataclass(frozen=True)
class Report:
    """A stored correction report (without the client address)."""

    id: int
    municipality: str
    version: int
    received_at: datetime.datetime
    text: str
    contact: str | None
    status: Status
    closing_reason: str | None
    closed_by: str | None
    closed_at: datetime.datetime | None
    draft_id: int | None


class ReportRefusedError(ValueError):
    """A report (or a closing reason) that is not stored as given: `reason` says which rule
    (`empty`, `text`, `contact`, `code`, `version`), `problem` the rule's own words."""

    def __init__(self, reason: Refusal, problem: str) -> None:
        self.reason = reason
        self.problem = problem
        super().__init__(f"the report is refused: {reason} {problem}")


class ReportLimitedError(Exception):
    """Too many reports within the window: from this client address (`scope` `client`) or from
    everyone (`everyone`); nothing was stored. `retry_at` is when one may be filed again."""

    def __init__(self, scope: Literal["client", "everyone"],
                 retry_at: datetime.datetime) -> None:
        self.scope = scope
        self.retry_at = retry_at
        who = "this address" if scope == "client" else "all readers together"
        super().__init__(f"too many correction reports from {who} within the hour; "
                         f"try again after {retry_at.isoformat(timespec='minutes')}")


class ReportError(ValueError):
    """A report that cannot be closed or linked as asked (unknown, already closed)."""


def _aware(moment: datetime.datetime | None) -> datetime.datetime | None:
    """SQLite returns times without a zone; they are stored in UTC."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _report(row: Any) -> Report:
    values = dict(zip(_FIELDS, row, strict=True))
    values["received_at"] = _aware(values["received_at"])
    values["closed_at"] = _aware(values["closed_at"])
    return Report(**values)


def checked_text(value: str) -> str:
    """A report's text as stored (trimmed), or `ReportRefusedError`.

    >>> checked_text("  Het nummer is 010-1234567 geworden. ")
    'Het nummer is 010-1234567 geworden.'
    >>> checked_text("  ")
    Traceback (most recent call last):
    ...
    registry.corrections.ReportRefusedError: the report is refused: empty say what is wrong
    """
    value = value.strip()
    if not value:
        raise ReportRefusedError("empty", "say what is wrong")
    problem = text_problem(value, MAX_REPORT_CHARS)
    if problem:
        raise ReportRefusedError("text", problem)
    return value


def checked_contact(value: str | None) -> str | None:
    """A reader's contact as stored (trimmed; None when empty), or `ReportRefusedError`."""
    value = (value or "").strip()
    problem = text_problem(value, MAX_REPORT_CONTACT_CHARS)
    if problem:
        raise ReportRefusedError("contact", problem)
    return value or None


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})


def _retry_at(connection: Connection, where: Any, limit: int, since: datetime.datetime,
              window: datetime.timedelta) -> datetime.datetime | None:
    """When the reports matching `where` fall below `limit` within the window, if they have
    reached it."""
    times = connection.execute(
        select(_REPORTS.c.received_at).where(where, _REPORTS.c.received_at > since)
        .order_by(_REPORTS.c.received_at.desc()).limit(limit)).scalars().all()
    if len(times) < limit:
        return None
    return _aware(min(times)) + window  # type: ignore[operator]


def file_report(engine: Engine, code: str, version: int, text: str, contact: str | None,
                client: str | None, now: datetime.datetime, *,
                limits: ReportLimits = LIMITS) -> int:
    """Store a reader's correction report on municipality `code` as seen in `version`, filed
    from `client` (an address; None: unknown) at `now`; returns its id.

    Raises `ReportRefusedError` for a text that is blank, too long or holds an invisible
    character, a contact too long, a code that is no CBS municipality code or an unknown
    version; `ReportLimitedError` when this client, or everyone, has filed the most reports
    the window allows. Nothing is stored then."""
    text = checked_text(text)
    contact = checked_contact(contact)
    if not CODE_PATTERN.fullmatch(code):
        raise ReportRefusedError("code", "is not a CBS municipality code (GM followed by "
                                 "four digits)")
    key = client_key(client) or UNKNOWN_CLIENT
    since = now - limits.window
    with writing(engine) as connection, connection.begin():
        _lock(connection)
        connection.execute(update(_REPORTS).where(_REPORTS.c.received_at <= since,
                                                  _REPORTS.c.client.is_not(None))
                           .values(client=None))
        if connection.execute(select(_VERSIONS.c.number).where(
                _VERSIONS.c.number == version)).first() is None:
            raise ReportRefusedError("version", f"there is no version {version}")
        for scope, where, limit in (("client", _REPORTS.c.client == key, limits.per_client),
                                    ("everyone", true(), limits.everyone)):
            retry_at = _retry_at(connection, where, limit, since, limits.window)
            if retry_at is not None:
                raise ReportLimitedError(scope, retry_at)  # type: ignore[arg-type]
        return connection.execute(_REPORTS.insert().values(
            municipality=code, version=version, received_at=now, text=text, contact=contact,
            client=key, status="open").returning(_REPORTS.c.id)).scalar_one()


class CorrectionStore:
    """The reports as editors see and handle them: every call needs an editor's session."""

    def __init__(self, engine: Engine, accounts: AccountStore) -> None:
        self.engine, self.accounts = engine, accounts

    def reports(self, session: Session | None, *, status: Status | None = "open"
                ) -> list[Report]:
        """Reports (the open ones by default; None: all), oldest first."""
        self.accounts.authorise(session, "editor")
        query = select(*(_REPORTS.c[name] for name in _FIELDS)).order_by(_REPORTS.c.id)
        if status is not None:
            query = query.where(_REPORTS.c.status == status)
        with self.engine.connect() as connection:
            return [_report(row) for row in connection.execute(query)]

    def report(self, session: Session | None, report_id: int) -> Report:
        """One report by its number."""
        self.accounts.authorise(session, "editor")
        with self.engine.connect() as connection:
            row = connection.execute(select(*(_REPORTS.c[name] for name in _FIELDS))
                                     .where(_REPORTS.c.id == report_id)).first()
        if row is None:
            raise ReportError(f"no report {report_id}")
        return _report(row)

    def open_count(self, session: Session | None) -> int:
        """How many reports are open."""
        self.accounts.authorise(session, "editor")
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(_REPORTS).where(
                _REPORTS.c.status == "open")).scalar_one()

    def close(self, session: Session | None, report_id: int, reason: str,
              now: datetime.datetime | None = None) -> Report:
        """Close an open report with the editor's reason (not blank, within
        `MAX_CLOSING_REASON_CHARS`, no invisible characters), recording who and when."""
        signed_in = self.accounts.authorise(session, "editor")
        reason = reason.strip()
        problem = ("say why the report is closed" if not reason
                   else text_problem(reason, MAX_CLOSING_REASON_CHARS))
        if problem:
            raise ReportRefusedError("empty" if not reason else "text", problem)
        with writing(self.engine) as connection, connection.begin():
            closed = connection.execute(update(_REPORTS).where(
                _REPORTS.c.id == report_id, _REPORTS.c.status == "open").values(
                status="closed", closing_reason=reason, closed_by=signed_in.name,
                closed_at=now or datetime.datetime.now(datetime.UTC))).rowcount
        if not closed:
            raise ReportError(f"no open report {report_id}")
        return self.report(signed_in, report_id)

    def record_draft(self, session: Session | None, report_id: int, draft_id: int) -> Report:
        """Record the draft an editor made from a report (the report stays open)."""
        signed_in = self.accounts.authorise(session, "editor")
        with writing(self.engine) as connection, connection.begin():
            linked = connection.execute(update(_REPORTS).where(_REPORTS.c.id == report_id)
                                        .values(draft_id=draft_id)).rowcount
        if not linked:
            raise ReportError(f"no report {report_id}")
        return self.report(signed_in, report_id)
