"""Accounts (argon2 hashes, roles), sign-in sessions and failures, drafts of entry changes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the accounts, sign_in_sessions, sign_in_failures and drafts tables."""
    op.create_table(
        "accounts",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('editor', 'publisher')", name="ck_accounts_role"),
    )
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sign_in_failures_name", "sign_in_failures", ["name"])
    op.create_table(
        "sign_in_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["name"], ["accounts.name"], name="fk_sign_in_sessions_account",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_sign_in_sessions_name", "sign_in_sessions", ["name"])
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entry_id", sa.String(100), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("entry_yaml", sa.Text(), nullable=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_version", sa.Integer(), nullable=True),
        sa.Column("published_by", sa.String(100), nullable=True),
        sa.ForeignKeyConstraint(["base_version"], ["register_versions.number"],
                                name="fk_drafts_base_version"),
        sa.ForeignKeyConstraint(["published_version"], ["register_versions.number"],
                                name="fk_drafts_published_version"),
        sa.CheckConstraint("action IN ('change', 'add', 'remove')", name="ck_drafts_action"),
    )


def downgrade() -> None:
    """Drop the tables of this revision."""
    op.drop_table("drafts")
    op.drop_index("ix_sign_in_sessions_name", "sign_in_sessions")
    op.drop_table("sign_in_sessions")
    op.drop_index("ix_sign_in_failures_name", "sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_table("accounts")
