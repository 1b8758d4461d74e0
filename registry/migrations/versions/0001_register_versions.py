"""The register_versions table; published versions are immutable (triggers).

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

CHAIN_RULE = "(number = 1 AND parent IS NULL) OR (parent IS NOT NULL AND parent = number - 1)"
IMMUTABLE = "published register versions are immutable"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER register_versions_no_{action.lower()} BEFORE {action}
        ON register_versions BEGIN SELECT RAISE(ABORT, '{IMMUTABLE}'); END"""
    for action in ("UPDATE", "DELETE")
]
POSTGRESQL_TRIGGERS = [
    f"""CREATE FUNCTION register_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{IMMUTABLE}'; END $$""",
    """CREATE TRIGGER register_versions_no_change BEFORE UPDATE OR DELETE
        ON register_versions FOR EACH ROW EXECUTE FUNCTION register_versions_immutable()""",
    """CREATE TRIGGER register_versions_no_truncate BEFORE TRUNCATE
        ON register_versions FOR EACH STATEMENT EXECUTE FUNCTION register_versions_immutable()""",
]


def upgrade() -> None:
    """Create the table, its chain constraints and the triggers that refuse changes."""
    op.create_table(
        "register_versions",
        sa.Column("number", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("source_date", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(200), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("parent", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("snapshot_yaml", sa.Text(), nullable=False),
        sa.Column("fallback_yaml", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["parent"], ["register_versions.number"],
                                name="fk_register_versions_parent"),
        sa.UniqueConstraint("parent", name="uq_register_versions_parent"),
        sa.CheckConstraint(CHAIN_RULE,
                           name="ck_register_versions_chain"),
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    """Drop the table (and on PostgreSQL the trigger function)."""
    op.drop_table("register_versions")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION register_versions_immutable()")
