"""Alembic environment: migrations run on a connection handed over by `registry.migrate`."""

from alembic import context

from registry.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata)
with context.begin_transaction():
    context.run_migrations()
