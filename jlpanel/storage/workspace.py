"""Creating, opening, migrating and backing up cycle workspaces (``*.jlpanel`` files).

A workspace is one SQLite file; this module is the only place that knows it. The rest of
the storage layer speaks portable SQLAlchemy, so a workspace could live on a server later.

Durability (DESIGN §7 "Nothing lost"): WAL journal, ``synchronous=FULL``, foreign keys on,
a busy timeout; new files appear atomically; a file this code cannot understand is refused
before anything is written to it; backups go through SQLite's online backup API.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from jlpanel.storage.backups import backup_workspace, list_backups
from jlpanel.storage.files import fsync_directory
from jlpanel.storage.sqlite_file import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    WORKSPACE_SUFFIX,
    WorkspaceError,
    WorkspaceErrorKind,
    check_header,
    read_only_uri,
    remove_if_empty,
    sidecar,
    translate_error,
)

log = logging.getLogger(__name__)

MIGRATIONS_DIR: Final = Path(__file__).with_name("migrations")

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "IMMEDIATE",
    "MIGRATIONS_DIR",
    "SQLITE_HEADER",
    "WORKSPACE_SUFFIX",
    "WorkspaceError",
    "WorkspaceErrorKind",
    "backup_workspace",
    "check_header",
    "create_workspace",
    "current_revision",
    "downgrade",
    "head_revision",
    "known_revisions",
    "list_backups",
    "migration_config",
    "open_engine",
    "open_workspace",
    "read_only_uri",
    "session_factory",
    "upgrade",
]


# ------------------------------------------------------------------------------ engines


def open_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with the workspace connection settings.

    Every new connection gets WAL, ``synchronous=FULL``, ``foreign_keys=ON`` and a busy
    timeout. SQLAlchemy emits BEGIN itself, so reads are repeatable, DDL is transactional
    and SAVEPOINTs (``Session.begin_nested``) work — sqlite3's legacy mode gets all three wrong.
    """
    url = URL.create("sqlite", database=str(Path(path).absolute()))
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _emit_begin)
    return engine


def _configure_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN from sqlite3; see _emit_begin
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        (mode,) = cursor.execute("PRAGMA journal_mode = WAL").fetchone()
        if str(mode).lower() != "wal":
            log.warning("SQLite refused WAL mode (journal_mode is %s)", mode)
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


#: Execution option asking for a transaction that takes the write lock at its start, so a
#: check-then-write (confirming results) cannot interleave with another process's.
IMMEDIATE = "jlpanel_immediate"


def _emit_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on ``engine`` whose objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


# ---------------------------------------------------------------------------- migrations


def migration_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the workspace schema, built in code (no alembic.ini)."""
    config = Config()
    # Config values go through configparser interpolation: a "%" in the path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(migration_config())


def head_revision() -> str:
    """The schema revision this code writes."""
    head = _script_directory().get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def known_revisions() -> frozenset[str]:
    """Every schema revision this code can upgrade from."""
    return frozenset(script.revision for script in _script_directory().walk_revisions())


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database behind ``engine`` (None: not migrated yet)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate the database behind ``engine`` to the head revision, in one transaction."""
    _run_alembic(engine, lambda config: command.upgrade(config, "head"))


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate back to ``revision`` ("base" drops every table); for development and tests."""
    _run_alembic(engine, lambda config: command.downgrade(config, revision))


def _run_alembic(engine: Engine, run: Callable[[Config], None]) -> None:
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection if _is_sqlite(engine) else None
        if raw is not None:
            # Batch migrations copy a table and drop the old one; with foreign keys on, the
            # drop would cascade-delete the children. SQLite ignores this pragma inside a
            # transaction, so it is set on the raw connection before BEGIN.
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                run(migration_config(connection))
                if raw is not None:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise WorkspaceError(
                            "corrupt",
                            _engine_path(engine),
                            f"migration left {len(broken)} rows with dangling references "
                            f"(first: {tuple(broken[0])}); nothing was changed",
                        )
                    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = ON")


def _is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _engine_path(engine: Engine) -> Path:
    return Path(engine.url.database or "")


# ------------------------------------------------------------------------ create and open


def create_workspace(path: Path) -> Engine:
    """Create a new, empty workspace at ``path`` (schema at head) and return its engine.

    Refuses an existing path. The file is built under a temporary name in the same folder
    and renamed into place, so a failure leaves nothing behind.
    """
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise WorkspaceError("exists", path, f"{path} already exists; it was left unchanged")
    if not path.parent.is_dir():
        raise WorkspaceError("missing", path, f"the folder {path.parent} does not exist")
    building = path.with_name(f".{path.name}.{uuid.uuid4().hex}.creating")
    engine = open_engine(building)
    try:
        upgrade(engine)
        engine.dispose()  # the last connection to close folds the WAL into the file
        remove_if_empty(sidecar(building, "-wal"))
        remove_if_empty(sidecar(building, "-shm"))
        if sidecar(building, "-wal").exists():
            raise WorkspaceError("io_error", path, "SQLite kept a write-ahead log open")
        if path.exists():
            raise WorkspaceError("exists", path, f"{path} appeared while it was being created")
        building.replace(path)
        fsync_directory(path.parent)
    except BaseException as error:
        engine.dispose()
        for leftover in (building, *(sidecar(building, s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        if isinstance(error, DBAPIError | OSError):
            raise translate_error(error, path, "could not create") from error
        raise
    log.info("created workspace %s at revision %s", path, head_revision())
    return open_engine(path)


def open_workspace(path: Path, *, backup_dir: Path | None, backup_count: int) -> Engine:
    """Open the workspace at ``path``: check it, back it up, migrate it to head.

    The checks (an SQLite file, our schema, a revision this code knows) run on a read-only
    connection, so a refused file — in particular one from a newer jlpanel — is not touched.
    ``backup_dir`` None skips the backup.
    """
    path = Path(path)
    if not path.exists():
        raise WorkspaceError("missing", path, f"{path} does not exist")
    if not path.is_file():
        raise WorkspaceError("not_a_workspace", path, f"{path} is not a file")
    check_header(path)
    revisions, tables, application_id = _inspect_read_only(path)
    if application_id not in (0, APPLICATION_ID):
        raise WorkspaceError(
            "not_a_workspace",
            path,
            f"{path} is another program's SQLite database (application id {application_id:#x})",
        )
    if not revisions:
        ours = {t for t in tables if not t.startswith("sqlite_") and t != "alembic_version"}
        if ours:
            raise WorkspaceError(
                "not_a_workspace",
                path,
                f"{path} is an SQLite database but not a jlpanel workspace (no schema version)",
            )
    else:
        unknown = sorted(set(revisions) - known_revisions())
        if unknown:
            raise WorkspaceError(
                "newer_version",
                path,
                f"{path} was written by a newer version of jlpanel (schema {', '.join(unknown)}; "
                f"this version knows up to {head_revision()}); it was left unchanged",
            )
    at_head = revisions == [head_revision()]
    if backup_dir is not None:
        backup_workspace(path, backup_dir, backup_count, "open" if at_head else "pre-upgrade")
    engine = open_engine(path)
    try:
        if at_head:
            with engine.connect():
                pass  # connects, so WAL and the other settings apply now, not at first use
        else:
            log.info("upgrading %s from %s to %s", path, revisions or "base", head_revision())
            upgrade(engine)
    except BaseException as error:
        engine.dispose()
        if isinstance(error, DBAPIError | OSError):
            raise translate_error(error, path, "could not open") from error
        raise
    return engine


def _inspect_read_only(path: Path) -> tuple[list[str], set[str], int]:
    """The schema revisions, table names and application id, read without writing."""
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        revisions: list[str] = []
        if "alembic_version" in tables:
            revisions = [
                v for (v,) in connection.execute("SELECT version_num FROM alembic_version")
            ]
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    except sqlite3.Error as error:
        raise translate_error(error, path, "could not read") from error
    finally:
        connection.close()
    return revisions, tables, int(application_id)
