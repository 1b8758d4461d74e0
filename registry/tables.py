"""The database tables (SQLAlchemy 2): one row per published version of the register; the
accounts that may edit and publish, their sessions and sign-in attempts; drafts of changes."""

from __future__ import annotations

import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from registry.versions import VERSIONS_TABLE

CHAIN_RULE = "(number = 1 AND parent IS NULL) OR (parent IS NOT NULL AND parent = number - 1)"
"""Version 1 has no parent; every other version's parent is the version before it."""


class Base(DeclarativeBase):
    """The declarative base of the register's tables."""


class RegisterVersion(Base):
    """A published version: the snapshot and fallback documents as published, with who, when
    and why. Rows are never updated or deleted (triggers refuse it; see the migrations).

    Versions form one chain: version 1 has no parent, every other version's parent is the
    version before it, and no two versions share a parent (so two publications racing on the
    same base cannot both win).
    """

    __tablename__ = VERSIONS_TABLE
    __table_args__ = (
        CheckConstraint(CHAIN_RULE,
                        name="ck_register_versions_chain"),
    )

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    label: Mapped[str] = mapped_column(String(100))
    """The snapshot's id (the seeds: `earlier`, `current`)."""
    source_date: Mapped[datetime.date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str] = mapped_column(Text)
    parent: Mapped[int | None] = mapped_column(
        ForeignKey(f"{VERSIONS_TABLE}.number", name="fk_register_versions_parent"),
        unique=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the validated snapshot and fallback (`registry.documents.content_hash`)."""
    snapshot_yaml: Mapped[str] = mapped_column(Text)
    """The snapshot as published (YAML text, comments kept): what `export` writes."""
    fallback_yaml: Mapped[str] = mapped_column(Text)
    """The national fallback in force with this version (YAML text)."""


ROLE_RULE = "role IN ('editor', 'publisher')"
DRAFT_ACTION_RULE = "action IN ('change', 'add', 'remove')"


class Account(Base):
    """Someone who may edit (`editor`) or also publish (`publisher`) the register; the password
    is kept only as an argon2 hash."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint(ROLE_RULE, name="ck_accounts_role"),)

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class SignInAttempt(Base):
    """One sign-in attempt whose password was (or is being) checked, for a name (known or not)
    and the client's address: counted before the check, so that every app server on the
    database shares the count (`registry.attempts`). A success or `user unlock` stops its
    attempts counting for the name; `user unlock --client` for the client."""

    __tablename__ = "sign_in_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    client: Mapped[str | None] = mapped_column(String(100), index=True)
    attempted_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)
    counts_for_name: Mapped[bool] = mapped_column(Boolean)
    counts_for_client: Mapped[bool] = mapped_column(Boolean)


class SignInSession(Base):
    """A signed-in session: the SHA-256 of its secret token, whose account, until when."""

    __tablename__ = "sign_in_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(
        ForeignKey("accounts.name", name="fk_sign_in_sessions_account", ondelete="CASCADE"),
        index=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)


class Draft(Base):
    """An editor's unpublished change to one entry (changed, added or removed), on a base
    version; kept after publishing (with the version it became) and after a conflict."""

    __tablename__ = "drafts"
    __table_args__ = (CheckConstraint(DRAFT_ACTION_RULE, name="ck_drafts_action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))
    entry_yaml: Mapped[str | None] = mapped_column(Text)
    """The entry as YAML (null when the draft removes it)."""
    base_version: Mapped[int] = mapped_column(
        ForeignKey(f"{VERSIONS_TABLE}.number", name="fk_drafts_base_version"))
    author: Mapped[str] = mapped_column(String(100))
    comment: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    published_version: Mapped[int | None] = mapped_column(
        ForeignKey(f"{VERSIONS_TABLE}.number", name="fk_drafts_published_version"))
    published_by: Mapped[str | None] = mapped_column(String(100))


REPORT_STATUS_RULE = "status IN ('open', 'closed')"
REPORT_CLOSED_RULE = ("(status = 'open' AND closed_at IS NULL AND closed_by IS NULL) OR "
                      "(status = 'closed' AND closed_at IS NOT NULL AND closed_by IS NOT NULL "
                      "AND closing_reason IS NOT NULL)")


class CorrectionReport(Base):
    """A reader's report that something on a municipality's card is wrong (no account needed),
    with the version the reader saw; open until an editor closes it with a reason, and linked
    to the draft an editor made from it (`registry.corrections`). Never shown on a public page.

    `client` is the address the report came from, kept only while it counts against that
    address's limit (it is cleared once the window has passed)."""

    __tablename__ = "correction_reports"
    __table_args__ = (CheckConstraint(REPORT_STATUS_RULE, name="ck_correction_reports_status"),
                      CheckConstraint(REPORT_CLOSED_RULE, name="ck_correction_reports_closed"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    municipality: Mapped[str] = mapped_column(String(6))
    """The CBS code of the municipality whose card the reader saw."""
    version: Mapped[int] = mapped_column(
        ForeignKey(f"{VERSIONS_TABLE}.number", name="fk_correction_reports_version"))
    received_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)
    text: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(200))
    client: Mapped[str | None] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    closing_reason: Mapped[str | None] = mapped_column(Text)
    closed_by: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[datetime.datetime | None] = mapped_column(DateTime(timezone=True))
    draft_id: Mapped[int | None] = mapped_column(
        ForeignKey("drafts.id", name="fk_correction_reports_draft"))
