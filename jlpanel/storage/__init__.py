"""Storage: the workspace schema (SQLAlchemy models), its migrations, engines and backups.

Nothing here imports Qt or the layers above; ``workspace``, ``backups``, ``sqlite_file`` and
``package_file`` are the only SQLite-specific modules.
"""

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
    session_factory,
    upgrade,
)

__all__ = [
    "WorkspaceError",
    "backup_workspace",
    "create_workspace",
    "current_revision",
    "head_revision",
    "insert_rows",
    "open_engine",
    "open_workspace",
    "record_change",
    "session_factory",
    "upgrade",
]
