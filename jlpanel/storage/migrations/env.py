"""Alembic environment: runs on the connection handed over by ``jlpanel.storage.workspace``.

There is no ``alembic.ini``; ``workspace.migration_config()`` builds the configuration in code
and passes an open connection as ``config.attributes["connection"]``. To write a new revision:

    from alembic import command
    from jlpanel.storage.workspace import migration_config, open_engine
    engine = open_engine(path_of_a_workspace_at_head)
    with engine.begin() as conn:
        command.revision(migration_config(conn), message="...", autogenerate=True)

then check the generated file by hand (types, batch operations, data moves).
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from jlpanel.storage.models import Base, UtcDateTime


def _render_item(type_: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    # Revisions must not import the models (they change); render our types as plain ones.
    if type_ == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations() -> None:
    if context.is_offline_mode():
        raise RuntimeError("jlpanel migrations run online only, on a connection")
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError('pass the connection as config.attributes["connection"]')
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        render_item=_render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
