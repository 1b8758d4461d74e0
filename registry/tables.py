"""The database tables (SQLAlchemy 2): one row per published version of the register."""

from __future__ import annotations

import datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
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
