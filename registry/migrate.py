"""Bring a database to the newest schema with the migrations shipped in this package.

No `alembic.ini` is needed: the Alembic configuration is built here. A database already at
`HEAD_REVISION` is recognised with one query, without importing Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0004"
"""The newest migration (a test checks it against the migration scripts)."""


def current_revision(connection: Any) -> str | None:
    """The schema revision of the database, or None for an empty database."""
    import sqlalchemy

    if not sqlalchemy.inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(sqlalchemy.text("SELECT version_num FROM alembic_version")
                              ).scalar()


def upgrade(connection: Any, revision: str = "head") -> None:
    """Run every missing migration up to `revision` (default: the newest) on `connection`,
    inside its transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def revisions_of_scripts() -> list[str]:
    """Every revision the migration scripts know, oldest first."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return [script.revision for script in reversed(list(
        ScriptDirectory.from_config(config).walk_revisions()))]


def head_of_scripts() -> str:
    """The head revision according to the migration scripts themselves."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()
