"""Creating, opening, migrating, copying and backing up stores: ``*.jlpanel`` files and
PostgreSQL databases.

A store is one SQLite file or one PostgreSQL database (:mod:`~jlpanel.storage.engines` says
which and builds a server's engine); this module and that one are the only places that know.
The rest of the storage layer speaks portable SQLAlchemy.

Durability (DESIGN §7 "Nothing lost"): WAL journal, ``synchronous=FULL``, foreign keys on,
a busy timeout; new files appear atomically; a file this code cannot understand is refused
before anything is written to it; backups go through SQLite's online backup API.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import URL, create_engine, event, func, insert, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from jlpanel.storage.backups import (
    PendingBackup,
    backup_workspace,
    begin_backup,
    cycle_ids_of,
    cycles_in,
    list_backups,
    take_backup,
)
from jlpanel.storage.engines import (
    IMMEDIATE,
    SNAPSHOT,
    Location,
    LocationError,
    display_name,
    is_server,
    parse_location,
    reset_sequences,
    server_engine,
    take_write_lock,
)
from jlpanel.storage.files import fsync_directory
from jlpanel.storage.limits import TextTooLong, check_flush
from jlpanel.storage.sqlite_file import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    WORKSPACE_SUFFIX,
    WorkspaceError,
    WorkspaceErrorKind,
    check_header,
    contents_digest,
    copy_database,
    integrity_problems,
    read_only_connection,
    read_only_uri,
    remove_if_empty,
    sidecar,
    translate_error,
)

if TYPE_CHECKING:  # Alembic (~0.2 s with Mako) is imported where a schema is checked or migrated
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR: Final = Path(__file__).with_name("migrations")

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "IMMEDIATE",
    "MIGRATIONS_DIR",
    "SNAPSHOT",
    "SQLITE_HEADER",
    "WORKSPACE_SUFFIX",
    "Location",
    "LocationError",
    "Restored",
    "TextTooLong",
    "WorkspaceError",
    "WorkspaceErrorKind",
    "backup_workspace",
    "check_header",
    "copy_store",
    "create_workspace",
    "current_revision",
    "display_name",
    "downgrade",
    "head_revision",
    "is_server",
    "known_revisions",
    "list_backups",
    "migration_config",
    "open_engine",
    "open_workspace",
    "parse_location",
    "read_only_uri",
    "restore_workspace",
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


def _emit_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


#: Rows SQLite samples per index when it gathers statistics: enough for the planner to see a
#: table's size and an index's selectivity, in milliseconds even on a 300 MB store.
ANALYSIS_LIMIT: Final = 1000


def refresh_statistics(engine: Engine) -> None:
    """Give SQLite's query planner the store's current table statistics (``sqlite_stat1``).

    Without them it guesses, and the cycle criteria every scoped query carries (an ``IN``
    over the cycle's platforms per joined table) made it drive a 2,000-platform join from the
    wrong end: 45 s for a query that takes 0.8 s once the tables are analysed. Called after
    the changes that add many rows (import, assignment, packages, merge, check-in).

    A server's autovacuum analyses a table only a minute or more after such a change, and
    the results are read at once: right after a merge of 2,000 platforms' scores, with the
    210,000 indicator scores never analysed, reading them took 0.94 s against 0.59 s once
    analysed (issue 16, W3). So on a server the store's own tables (named by the models,
    never by data) are analysed here too.
    """
    if not _is_sqlite(engine):
        from jlpanel.storage.models import Base

        names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.exec_driver_sql(f"ANALYZE {names}")
        return
    with engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}")
        connection.exec_driver_sql("ANALYZE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions on ``engine`` whose objects stay readable after commit, refusing a text
    longer than its column before it is written (:mod:`~jlpanel.storage.limits`)."""
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    event.listen(factory, "before_flush", check_flush)
    return factory


# ---------------------------------------------------------------------------- migrations


def migration_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration of the workspace schema, built in code (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    # Config values go through configparser interpolation: a "%" in the path must be doubled.
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

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
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate the database behind ``engine`` to the head revision, in one transaction."""
    from alembic import command

    _run_alembic(engine, lambda config: command.upgrade(config, "head"))


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate back to ``revision`` ("base" drops every table); for development and tests."""
    from alembic import command

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
                take_write_lock(connection)  # on a server: one migration at a time
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


def engine_name(engine: Engine) -> str:
    """The store behind ``engine`` as the user names it (a server's password hidden)."""
    if _is_sqlite(engine):
        return str(_engine_path(engine))
    return display_name(engine.url)


# ------------------------------------------------------------------------ create and open


def create_workspace(location: Location) -> Engine:
    """Create a new, empty store at ``location`` (schema at head) and return its engine.

    A file: refuses an existing path. The file is built under a temporary name in the same
    folder and renamed into place, so a failure leaves nothing behind. A server: the database
    must exist (the DBA creates it) and hold no tables; the same migrations build the schema,
    in one transaction, so a failure leaves it empty.
    """
    if isinstance(location, URL):
        return _create_on_server(location)
    path = Path(location)
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


def _create_on_server(url: URL) -> Engine:
    engine = server_engine(url)
    name = display_name(url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
        if tables:
            raise WorkspaceError(
                "exists", name, f"{name} already holds tables; it was left unchanged"
            )
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    log.info("created store %s at revision %s", name, head_revision())
    return engine


def open_workspace(
    location: Location,
    *,
    backup_dir: Path | None,
    backup_count: int,
    backup_on_open: bool = True,
) -> Engine:
    """Open the workspace at ``location`` (:func:`open_workspace_later_backup`), taking its
    ``open`` backup before it returns."""
    engine, pending = open_workspace_later_backup(
        location,
        backup_dir=backup_dir,
        backup_count=backup_count,
        backup_on_open=backup_on_open,
        later=False,
    )
    assert pending is None
    return engine


def open_workspace_later_backup(
    location: Location,
    *,
    backup_dir: Path | None,
    backup_count: int,
    backup_on_open: bool = True,
    later: bool = True,
) -> tuple[Engine, PendingBackup | None]:
    """Open the workspace at ``path``: check it, back it up, migrate it to head.

    The checks (an SQLite file, our schema, a revision this code knows, then SQLite's quick
    integrity check) run on read-only connections, so a refused file — one from a newer jlpanel,
    or a damaged one (WorkspaceError ``corrupt`` with the problems found) — is not written and
    not backed up. A sound file is backed up to ``backup_dir`` (None: no backup) in the same
    snapshot the check read: kind ``open``, or ``pre-upgrade`` when it is about to be migrated;
    ``backup_on_open`` False takes only the latter (for commands that change nothing).

    ``later``: the ``open`` backup of a file already at head is planned in the check's snapshot
    and returned to be taken on another thread (:class:`PendingBackup`; None when nothing is to
    copy, e.g. the file is unchanged since its last backup); the caller takes or discards it.
    A ``pre-upgrade`` backup is always taken before the upgrade.

    A store on a server is checked for a schema this code knows and migrated to head (under
    its write lock); it is not backed up as a file (the server's backups are the DBA's).
    """
    if isinstance(location, URL):
        return _open_on_server(location), None
    path = Path(location)
    revisions = _check_ours(path)
    at_head = revisions == [head_revision()]
    kind = ("open" if backup_on_open else None) if at_head else "pre-upgrade"
    pending = _check_integrity(
        path, backup_dir=backup_dir, backup_count=backup_count, kind=kind, later=later
    )
    try:
        engine = open_engine(path)
    except BaseException:
        if pending is not None:
            pending.discard()
        raise
    try:
        if at_head:
            with engine.connect():
                pass  # connects, so WAL and the other settings apply now, not at first use
        else:
            log.info("upgrading %s from %s to %s", path, revisions or "base", head_revision())
            upgrade(engine)
    except BaseException as error:
        if pending is not None:
            pending.discard()
        engine.dispose()
        if isinstance(error, DBAPIError | OSError):
            raise translate_error(error, path, "could not open") from error
        raise
    return engine, pending


def _open_on_server(url: URL) -> Engine:
    engine = server_engine(url)
    name = display_name(url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
        revision = current_revision(engine)
        if revision is None:
            raise WorkspaceError(
                "not_a_workspace" if tables - {"alembic_version"} else "missing",
                name,
                f"{name} holds no jlpanel store (no schema version)",
            )
        if revision not in known_revisions():
            raise WorkspaceError(
                "newer_version",
                name,
                f"{name} was written by a newer version of jlpanel (schema {revision}; this "
                f"version knows up to {head_revision()}); it was left unchanged",
            )
        if revision != head_revision():
            log.info("upgrading %s from %s to %s", name, revision, head_revision())
            upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_ours(path: Path) -> list[str]:
    """Refuse what is not a workspace this code can open; its schema revisions otherwise."""
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
    return revisions


def _check_integrity(
    path: Path, *, backup_dir: Path | None, backup_count: int, kind: str | None, later: bool = False
) -> PendingBackup | None:
    """Run the quick integrity check and, when it passes and ``kind`` is given, take the backup
    from the same snapshot. A damaged file raises ``corrupt`` and is left as it was: the side
    files this reader created beside it (an empty -wal and the -shm) are removed again.

    ``later`` (an ``open`` backup only): the copy is not made here but returned, planned in the
    check's snapshot, for the caller to take on another thread (None when nothing is to copy)."""
    had = {suffix: sidecar(path, suffix).exists() for suffix in ("-wal", "-shm")}
    refused = False
    try:
        if backup_dir is None or kind is None:
            with read_only_connection(path) as connection:
                connection.execute("BEGIN")
                _refuse_damaged(path, connection)
            return None
        # Opening an unchanged file again reuses its backup (issue 16).
        planned = begin_backup(
            path,
            backup_dir,
            backup_count,
            kind,
            check=partial(_refuse_damaged, path),
            unless_unchanged=kind == "open",
        )
        if not isinstance(planned, PendingBackup):
            return None
        if later and kind == "open":
            return planned
        planned.take()
        return None
    except sqlite3.Error as error:
        refused = True
        raise translate_error(error, path, "could not check") from error
    except WorkspaceError as error:
        refused = refused or error.kind == "corrupt"
        raise
    finally:
        if refused and not had["-wal"]:
            wal = sidecar(path, "-wal")
            remove_if_empty(wal)
            if not had["-shm"] and not wal.exists():
                sidecar(path, "-shm").unlink(missing_ok=True)


def _refuse_damaged(path: Path, connection: sqlite3.Connection) -> None:
    """Raise ``corrupt`` with the problems SQLite's quick check finds, if any."""
    problems = integrity_problems(connection)
    if problems:
        raise WorkspaceError(
            "corrupt", path, f"{path} failed its integrity check: {problems[0]}", problems=problems
        )


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


# ------------------------------------------------------------------------------- restore


@dataclass(frozen=True, slots=True)
class Restored:
    """What :func:`restore_workspace` did."""

    store: Path
    backup: Path
    #: The damaged workspace as it was, kept beside it (its -wal too, with "-wal" added).
    damaged_copy: Path | None
    #: A sound workspace's own backup (kind ``pre-restore``), taken before it was replaced.
    safety_backup: Path | None


#: How long restoring waits to find the workspace unused before it refuses (another jlpanel
#: has it open): replacing a file under an open connection would corrupt the restored one.
_RESTORE_LOCK_TIMEOUT_S: Final = 1.0


def restore_workspace(
    store: Path, backup: Path, *, backup_dir: Path | None, backup_count: int
) -> Restored:
    """Replace the workspace ``store`` with the backup file ``backup``, keeping what it replaces.

    The backup must be a workspace this code can open that passes the integrity check and, when
    the store can still say which cycle it holds, of the same cycle (``other_cycle``). A damaged
    store is first copied byte for byte beside itself (``<name>.damaged-<time>``, its -wal
    too); a sound one is backed up to ``backup_dir`` (kind ``pre-restore``), or copied beside
    itself when there is no backup folder. A store another program has open is refused
    (``locked``). The backup is copied through SQLite's backup API into a temporary file beside
    the store, verified, and renamed over it after the store's -wal and -shm are removed, so a
    stale log can never be replayed onto the restored file.
    """
    store, backup = Path(store), Path(backup)
    _check_ours(backup)
    for stale in store.parent.glob(f".{glob.escape(store.name)}.*.restoring"):
        stale.unlink(missing_ok=True)  # what a killed restore left
    restoring = store.with_name(f".{store.name}.{uuid.uuid4().hex}.restoring")
    try:
        # A backup of ours is read as it is; any other workspace file like a shared one.
        with read_only_connection(backup, private=not sidecar(backup, "-wal").exists()) as source:
            source.execute("BEGIN")
            problems = integrity_problems(source)
            if problems:
                raise WorkspaceError(
                    "corrupt",
                    backup,
                    f"the backup {backup} failed its integrity check: {problems[0]}",
                    problems=problems,
                )
            expected = contents_digest(source)
            if store.exists():
                _check_same_cycle(store, backup, [cycle_id for cycle_id, _ in cycles_in(source)])
            copy_database(source, restoring)
        with read_only_connection(restoring, private=True) as copy:
            copy.execute("BEGIN")
            if integrity_problems(copy) or contents_digest(copy) != expected:
                raise WorkspaceError(
                    "io_error", store, f"the copy of {backup} beside {store} did not verify"
                )
        damaged_copy, safety = _keep_current(store, backup_dir, backup_count)
        for suffix in ("-wal", "-shm", "-journal"):
            sidecar(store, suffix).unlink(missing_ok=True)
        restoring.replace(store)
        fsync_directory(store.parent)
    except BaseException as error:
        for leftover in (restoring, *(sidecar(restoring, s) for s in ("-journal", "-wal"))):
            leftover.unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error | OSError):
            raise translate_error(error, store, "could not restore") from error
        raise
    log.info("restored %s from %s", store, backup)
    return Restored(store, backup, damaged_copy, safety)


def _check_same_cycle(store: Path, backup: Path, backup_cycles: list[str]) -> None:
    cycles = cycle_ids_of(store)
    if not cycles or not backup_cycles:
        return  # the store cannot tell (damaged where its cycle is): the user's choice stands
    if sorted(c for c, _ in cycles) != sorted(backup_cycles):
        raise WorkspaceError(
            "other_cycle",
            backup,
            f"{backup} is a backup of another cycle than {store} "
            f"({', '.join(name for _, name in cycles)})",
        )


def _keep_current(
    store: Path, backup_dir: Path | None, keep: int
) -> tuple[Path | None, Path | None]:
    """Keep the workspace about to be replaced; refuse one another program has open.

    A damaged file is copied before anything else touches it (the lock probe's connection could
    fold a write-ahead log into it); a sound one is probed first, then backed up.
    """
    if not store.exists():
        return None, None
    try:
        with read_only_connection(store) as reader:
            reader.execute("BEGIN")
            sound = not integrity_problems(reader)
    except sqlite3.DatabaseError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise
        sound = False
    if sound and backup_dir is not None:
        _refuse_if_in_use(store)
        with read_only_connection(store) as reader:
            return None, take_backup(reader, store, backup_dir, keep, "pre-restore")
    label = "before-restore" if sound else "damaged"
    copy = store.with_name(f"{store.name}.{label}-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    made = [copy]
    try:
        shutil.copyfile(store, copy)
        _fsync_file(copy)
        for suffix in ("-wal", "-journal"):
            log_file = sidecar(store, suffix)
            if log_file.exists() and log_file.stat().st_size:
                made.append(sidecar(copy, suffix))
                shutil.copyfile(log_file, made[-1])
                _fsync_file(made[-1])
        fsync_directory(store.parent)
        _refuse_if_in_use(store)
    except BaseException:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    return copy, None


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _refuse_if_in_use(store: Path) -> None:
    """Refuse (``locked``) when another connection — another jlpanel — has the workspace open:
    replacing the file under it would let its write-ahead log meet the restored file.

    Takes the file's exclusive lock for a moment; it reads, and writes nothing itself.
    """
    connection = sqlite3.connect(store, timeout=_RESTORE_LOCK_TIMEOUT_S, isolation_level=None)
    try:
        connection.execute("PRAGMA locking_mode = EXCLUSIVE")
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise WorkspaceError(
                "locked", store, f"{store} is open in another program: {error}"
            ) from error
        raise
    except sqlite3.DatabaseError:  # too damaged to lock: copied already, nothing left to guard
        pass
    finally:
        connection.close()


# ---------------------------------------------------------------------------------- copy

#: Rows copied per INSERT when one store is copied into another.
_COPY_CHUNK: Final = 2_000


def copy_store(source: Engine, target: Location) -> dict[str, int]:
    """Copy every row of the store behind ``source`` into a new store at ``target``; returns
    the rows copied per table.

    ``source`` is read in one snapshot, so the copy is of one moment even while others change
    it. A file target must not exist: it is built under a temporary name beside it, checked
    and renamed into place — a portable snapshot of a server's store, which ``jlpanel open``
    reads like any workspace. A server target must be an empty database; rows keep their ids
    and its sequences are moved past them. Either way the copy's row counts are compared with
    the source's, and a failure leaves no target behind (an empty database stays empty).
    """
    from jlpanel.storage.models import Base

    if isinstance(target, URL):
        name = display_name(target)
        engine = server_engine(target)
        try:
            with engine.connect() as connection:
                tables = set(inspect(connection).get_table_names())
        except BaseException:
            engine.dispose()
            raise
        if tables:
            engine.dispose()
            raise WorkspaceError(
                "exists", name, f"{name} already holds tables; it was left unchanged"
            )
        building: Path | None = None
    else:
        path = target
        if path.exists() or path.is_symlink():
            raise WorkspaceError("exists", path, f"{path} already exists; it was left unchanged")
        if not path.parent.is_dir():
            raise WorkspaceError("missing", path, f"the folder {path.parent} does not exist")
        building = path.with_name(f".{path.name}.{uuid.uuid4().hex}.copying")
        engine = open_engine(building)
    counts: dict[str, int] = {}
    try:
        with (
            source.connect().execution_options(**{SNAPSHOT: True}) as reading,
            reading.begin(),
            engine.connect() as writing,
            writing.begin(),
        ):
            take_write_lock(writing)
            run_upgrade_in(writing)
            if building is not None:
                writing.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table in Base.metadata.sorted_tables:
                counts[table.name] = _copy_table(reading, writing, table)
            reset_sequences(writing)
            for table in Base.metadata.sorted_tables:
                copied = writing.execute(select(func.count()).select_from(table)).scalar_one()
                if copied != counts[table.name]:
                    raise WorkspaceError(
                        "io_error",
                        engine_name(engine),
                        f"the copy of {table.name} holds {copied} rows, not {counts[table.name]}",
                    )
        engine.dispose()
        if building is not None:
            for suffix in ("-wal", "-shm"):
                remove_if_empty(sidecar(building, suffix))
            if path.exists():
                raise WorkspaceError("exists", path, f"{path} appeared while it was written")
            building.replace(path)
            fsync_directory(path.parent)
    except BaseException as error:
        engine.dispose()
        if building is not None:
            for leftover in (building, *(sidecar(building, s) for s in ("-wal", "-shm"))):
                leftover.unlink(missing_ok=True)
            if isinstance(error, DBAPIError | OSError):
                raise translate_error(error, path, "could not copy to") from error
        raise
    log.info("copied %s to %s", engine_name(source), display_name(target))
    return counts


def run_upgrade_in(connection: Connection) -> None:
    """Migrate the (empty) database behind ``connection`` to head in its transaction."""
    from alembic import command

    command.upgrade(migration_config(connection), "head")
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def _copy_table(reading: Connection, writing: Connection, table: Any) -> int:
    order = list(table.primary_key.columns) or list(table.columns)
    result = reading.execution_options(yield_per=_COPY_CHUNK).execute(
        select(table).order_by(*order)
    )
    count = 0
    for chunk in result.mappings().partitions(_COPY_CHUNK):
        writing.execute(insert(table), [dict(row) for row in chunk])
        count += len(chunk)
    return count


def discard_new(location: Location) -> None:
    """Remove a store just created at ``location`` whose first change failed: the file, or
    the schema on a server (best effort: an unreachable server keeps it, and refuses it as
    existing until the DBA empties the database)."""
    if isinstance(location, Path):
        location.unlink(missing_ok=True)
        return
    engine = server_engine(location)
    try:
        downgrade(engine, "base")
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    except DBAPIError:
        log.warning("could not empty %s again", display_name(location), exc_info=True)
    finally:
        engine.dispose()
