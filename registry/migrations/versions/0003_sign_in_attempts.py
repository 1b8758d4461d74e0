"""Sign-in attempts, counted before the password is checked, replace recorded failures.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create sign_in_attempts; drop sign_in_failures (it only ever held the last 15 minutes)."""
    op.create_table(
        "sign_in_attempts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("client", sa.String(100), nullable=True),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts_for_name", sa.Boolean(), nullable=False),
        sa.Column("counts_for_client", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_sign_in_attempts_name", "sign_in_attempts", ["name"])
    op.create_index("ix_sign_in_attempts_client", "sign_in_attempts", ["client"])
    op.create_index("ix_sign_in_attempts_attempted_at", "sign_in_attempts", ["attempted_at"])
    op.create_index("ix_sign_in_sessions_expires_at", "sign_in_sessions", ["expires_at"])
    op.drop_index("ix_sign_in_failures_name", "sign_in_failures")
    op.drop_table("sign_in_failures")


def downgrade() -> None:
    """Recreate sign_in_failures (empty) and drop the attempts."""
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sign_in_failures_name", "sign_in_failures", ["name"])
    op.drop_index("ix_sign_in_sessions_expires_at", "sign_in_sessions")
    op.drop_index("ix_sign_in_attempts_attempted_at", "sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_client", "sign_in_attempts")
    op.drop_index("ix_sign_in_attempts_name", "sign_in_attempts")
    op.drop_table("sign_in_attempts")
