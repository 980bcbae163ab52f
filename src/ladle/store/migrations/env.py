"""Alembic's environment: migrations run on the connection ``open_library`` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from ladle.store.tables import Base


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):  # pragma: no cover - ladle always passes one
    raise RuntimeError("ladle runs its migrations on an open connection (ladle.open_library)")
_run(_connection)
