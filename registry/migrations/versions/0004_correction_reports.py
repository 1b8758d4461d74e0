"""Correction reports from readers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create correction_reports."""
    op.create_table(
        "correction_reports",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("municipality", sa.String(6), nullable=False),
        sa.Column("version", sa.Integer(),
                  sa.ForeignKey("register_versions.number",
                                name="fk_correction_reports_version"), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(200), nullable=True),
        sa.Column("client", sa.String(100), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("closing_reason", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("draft_id", sa.Integer(),
                  sa.ForeignKey("drafts.id", name="fk_correction_reports_draft"),
                  nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_correction_reports_status"),
        sa.CheckConstraint(
            "(status = 'open' AND closed_at IS NULL AND closed_by IS NULL) OR "
            "(status = 'closed' AND closed_at IS NOT NULL AND closed_by IS NOT NULL "
            "AND closing_reason IS NOT NULL)", name="ck_correction_reports_closed"),
    )
    op.create_index("ix_correction_reports_received_at", "correction_reports", ["received_at"])
    op.create_index("ix_correction_reports_client", "correction_reports", ["client"])
    op.create_index("ix_correction_reports_status", "correction_reports", ["status"])


def downgrade() -> None:
    """Drop correction_reports (and the reports in it)."""
    op.drop_index("ix_correction_reports_status", "correction_reports")
    op.drop_index("ix_correction_reports_client", "correction_reports")
    op.drop_index("ix_correction_reports_received_at", "correction_reports")
    op.drop_table("correction_reports")
