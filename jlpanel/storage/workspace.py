"""Creating, opening, migrating and backing up cycle workspaces (``*.jlpanel`` files).

A workspace is one SQLite file; this module is the only place that knows it. The rest of
the storage layer speaks portable SQLAlchemy, so a workspace could live on a server later.

Durability (DESIGN §7 "Nothing lost"): WAL journal, ``synchronous=FULL``, foreign keys on,
a busy timeout; new files appear atomically; a file this code cannot understand is refused
before anything is written to it; backups go through SQLite's online backup API.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from jlpanel.storage.files import fsync_directory

log = logging.getLogger(__name__)

WORKSPACE_SUFFIX: Final = ".jlpanel"
SQLITE_HEADER: Final = b"SQLite format 3\x00"
# Written to the SQLite header (PRAGMA application_id) so our files are recognisable: "JLPN".
APPLICATION_ID: Final = 0x4A4C504E
BUSY_TIMEOUT_MS: Final = 10_000
MIGRATIONS_DIR: Final = Path(__file__).with_name("migrations")

WorkspaceErrorKind = Literal[
    "missing", "not_a_workspace", "newer_version", "exists", "corrupt", "locked", "io_error"
]


class WorkspaceError(Exception):
    """A workspace file that cannot be created or opened; ``kind`` says why, for translation.

    Kinds: ``missing`` (no such file or folder), ``not_a_workspace`` (not SQLite, or another
    program's database), ``newer_version`` (written by a newer jlpanel; left untouched),
    ``exists`` (refusing to overwrite), ``corrupt`` (SQLite cannot read it), ``locked``
    (another program holds it), ``io_error`` (the file system refused).
    """

    def __init__(self, kind: WorkspaceErrorKind, path: Path, message: str) -> None:
        super().__init__(message)
        self.kind: WorkspaceErrorKind = kind
        self.path = path
        self.message = message


# ------------------------------------------------------------------------------ engines


def open_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with the workspace connection settings.

    Every new connection gets WAL, ``synchronous=FULL``, ``foreign_keys=ON`` and a busy
    timeout. SQLAlchemy emits BEGIN itself, so reads are repeatable, DDL is transactional
    and SAVEPOINTs (``Session.begin_nested``) work — sqlite3's legacy mode gets all three wrong.
    """
    url = URL.create("sqlite", database=str(Path(path).absolute()))
    # hide_parameters: an error never carries the experts' comments or scores to a terminal.
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
    )
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
        _remove_if_empty(_sidecar(building, "-wal"))
        _remove_if_empty(_sidecar(building, "-shm"))
        if _sidecar(building, "-wal").exists():
            raise WorkspaceError("io_error", path, "SQLite kept a write-ahead log open")
        if path.exists():
            raise WorkspaceError("exists", path, f"{path} appeared while it was being created")
        building.replace(path)
        fsync_directory(path.parent)
    except BaseException as error:
        engine.dispose()
        for leftover in (building, *(_sidecar(building, s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        if isinstance(error, DBAPIError | OSError):
            raise _translate(error, path, "could not create") from error
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
    _check_header(path)
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
            raise _translate(error, path, "could not open") from error
        raise
    return engine


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise _translate(error, path, "could not read") from error
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise WorkspaceError(
            "not_a_workspace", path, f"{path} is not a jlpanel workspace (not an SQLite file)"
        )


def _read_only_uri(path: Path) -> str:
    # A read-only connection to a WAL database creates empty -wal and -shm files beside it.
    # With no -wal or -journal present the main file holds everything, and "immutable" reads
    # it without creating (or locking) anything; otherwise those files exist already.
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not any(_sidecar(path, s).exists() for s in ("-wal", "-journal")):
        uri += "&immutable=1"
    return uri


def _inspect_read_only(path: Path) -> tuple[list[str], set[str], int]:
    """The schema revisions, table names and application id, read without writing."""
    connection = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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
        raise _translate(error, path, "could not read") from error
    finally:
        connection.close()
    return revisions, tables, int(application_id)


def _translate(error: BaseException, path: Path, doing: str) -> WorkspaceError:
    text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    kind: WorkspaceErrorKind
    if "locked" in lowered or "busy" in lowered:
        kind = "locked"
    elif "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        kind = "corrupt"
    else:
        kind = "io_error"
    return WorkspaceError(kind, path, f"{doing} {path}: {text}")


# -------------------------------------------------------------------------------- backups

_REASON = re.compile(r"[a-z]+(?:[_-][a-z]+)*")
_STAMP_FORMAT: Final = "%Y%m%d-%H%M%S-%f"


def backup_workspace(source: Engine | Path, backup_dir: Path, keep: int, reason: str) -> Path:
    """Copy a workspace into ``backup_dir`` and keep only the newest ``keep`` of its backups.

    Uses SQLite's online backup, so it is consistent while the workspace is open. The copy is
    named ``<stem>-<YYYYmmdd-HHMMSS-ffffff>-<reason>.jlpanel`` (local time); ``reason`` is
    lower-case words joined by ``-`` or ``_`` (e.g. ``pre-merge``). Returns the new file.
    """
    if keep < 1:
        raise ValueError(f"keep must be at least 1, not {keep}")
    if not _REASON.fullmatch(reason):
        raise ValueError(f"backup reason {reason!r}: use lower-case words joined by - or _")
    if isinstance(source, Engine):
        if not _is_sqlite(source):
            raise ValueError("only SQLite workspaces are backed up as files")
        source_path = _engine_path(source)
    else:
        source_path = Path(source)
    stem = source_path.stem
    backup_dir = Path(backup_dir)
    backup_dir.mkdir(parents=True, exist_ok=True)
    target = backup_dir / _next_backup_name(backup_dir, stem, reason)
    partial = target.with_name(f".{target.name}.partial")
    try:
        destination = sqlite3.connect(partial)
        try:
            with _sqlite_source(source) as origin:
                origin.backup(destination)
        finally:
            destination.close()
        partial.replace(target)
        fsync_directory(backup_dir)
    except BaseException as error:
        for leftover in (partial, *(_sidecar(partial, s) for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error | DBAPIError | OSError):
            raise _translate(error, source_path, "could not back up") from error
        raise
    _rotate_backups(backup_dir, stem, keep)
    log.info("backed up %s to %s", source_path, target)
    return target


@contextmanager
def _sqlite_source(source: Engine | Path) -> Iterator[sqlite3.Connection]:
    if isinstance(source, Engine):
        pooled = source.raw_connection()
        try:
            raw = pooled.dbapi_connection
            if not isinstance(raw, sqlite3.Connection):
                raise TypeError(f"not an sqlite3 connection: {type(raw)!r}")
            yield raw
        finally:
            pooled.close()
    else:
        connection = sqlite3.connect(
            _read_only_uri(Path(source)), uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
        try:
            yield connection
        finally:
            connection.close()


def _backup_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(stem)}-(\d{{8}}-\d{{6}}-\d{{6}})-{_REASON.pattern}"
        rf"{re.escape(WORKSPACE_SUFFIX)}"
    )


def list_backups(backup_dir: Path, stem: str) -> list[Path]:
    """The backups of the workspace named ``stem`` in ``backup_dir``, oldest first."""
    pattern = _backup_pattern(stem)
    found: list[tuple[str, Path]] = []
    if backup_dir.is_dir():
        for candidate in backup_dir.iterdir():
            match = pattern.fullmatch(candidate.name)
            if match and candidate.is_file():
                found.append((match.group(1), candidate))
    return [p for _, p in sorted(found)]


def _next_backup_name(backup_dir: Path, stem: str, reason: str) -> str:
    # Strictly after the newest existing backup, so a clock step back or two backups in the
    # same tick cannot make rotation delete the one just taken.
    stamp = datetime.now()
    existing = list_backups(backup_dir, stem)
    if existing:
        match = _backup_pattern(stem).fullmatch(existing[-1].name)
        assert match is not None
        newest = datetime.strptime(match.group(1), _STAMP_FORMAT)
        stamp = max(stamp, newest + timedelta(microseconds=1))
    return f"{stem}-{stamp.strftime(_STAMP_FORMAT)}-{reason}{WORKSPACE_SUFFIX}"


def _rotate_backups(backup_dir: Path, stem: str, keep: int) -> None:
    backups = list_backups(backup_dir, stem)
    for old in backups[: max(0, len(backups) - keep)]:
        try:
            old.unlink()
        except OSError as error:  # an undeletable old backup must not fail the new one
            log.warning("could not delete old backup %s: %s", old, error)


# ---------------------------------------------------------------------------- file helpers


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_if_empty(path: Path) -> None:
    try:
        if path.stat().st_size == 0:
            path.unlink()
    except FileNotFoundError:
        pass
