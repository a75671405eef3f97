"""Storage: the workspace schema (SQLAlchemy models), its migrations, engines and backups.

Nothing here imports Qt or the layers above; ``workspace``, ``backups``, ``sqlite_file`` and
``package_file`` are the only SQLite-specific modules, and ``engines`` (with ``workspace`` and
``bulk``'s COPY) the only ones that know a store may be a PostgreSQL database.

The names below are imported when first used, so that importing one module of the package
(``jlpanel.storage.files``, the review package's) does not build the workspace's models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jlpanel.storage.audit import record_change
    from jlpanel.storage.bulk import insert_rows
    from jlpanel.storage.workspace import (
        WorkspaceError,
        backup_workspace,
        create_workspace,
        current_revision,
        head_revision,
        open_engine,
        open_workspace,
        open_workspace_later_backup,
        session_factory,
        upgrade,
    )

_WHERE = {
    "record_change": "audit",
    "insert_rows": "bulk",
    **dict.fromkeys(
        (
            "WorkspaceError",
            "backup_workspace",
            "create_workspace",
            "current_revision",
            "head_revision",
            "open_engine",
            "open_workspace",
            "open_workspace_later_backup",
            "session_factory",
            "upgrade",
        ),
        "workspace",
    ),
}

__all__ = [
    "WorkspaceError",
    "backup_workspace",
    "create_workspace",
    "current_revision",
    "head_revision",
    "insert_rows",
    "open_engine",
    "open_workspace",
    "open_workspace_later_backup",
    "record_change",
    "session_factory",
    "upgrade",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"jlpanel.storage.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
