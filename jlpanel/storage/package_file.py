"""Building, checking and opening review-package files (``*.jlreview``).

A package is one SQLite file (schema in :mod:`jlpanel.storage.package_models`). It is built
under a temporary name with durability off (nothing depends on it until it is complete), then
switched to WAL, synced and renamed into place — so a finished package appears whole or not at
all. Dossier rows are copied with ``INSERT … SELECT`` from the workspace ``ATTACH``-ed read-only
when the workspace is an SQLite file, and through SQLAlchemy in chunks otherwise (or, for
many packages from a store on a server, from a local copy of their platforms' dossiers made
once: see :func:`dossier_copy`). When nearly
every platform goes into the package (the usual case: every expert scores every platform but
their conflicts), whole tables are copied through SQLite's transfer optimisation and the few
platforms left out are deleted under ``secure_delete``, so nothing of them remains in the file.

Opening checks the file on a read-only connection first (an SQLite file, our application id, a
format this code knows, not truncated, not corrupt, and then everything
:mod:`jlpanel.storage.package_verify` checks: the exact schema, the description, the kinds of
the values, all within a time bound), so a refused file is never written to. The engine then
gets the workspace's connection settings (WAL, ``synchronous=FULL``, foreign keys); each of its
connections checks the schema again before those settings apply (the file might have been
swapped since), and each statement runs under :data:`~package_verify.STATEMENT_BUDGET`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

from sqlalchemy import Engine, Table, create_engine, event, insert, select
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.pool import NullPool, StaticPool

from jlpanel.domain.text import Text
from jlpanel.storage import package_models as pm
from jlpanel.storage import package_verify as pv
from jlpanel.storage.files import fsync_directory
from jlpanel.storage.workspace import APPLICATION_ID as WORKSPACE_APPLICATION_ID
from jlpanel.storage.workspace import BUSY_TIMEOUT_MS, SQLITE_HEADER, open_engine

log = logging.getLogger(__name__)

PACKAGE_SUFFIX: Final = ".jlreview"
#: Rows per INSERT when copying through SQLAlchemy (a non-SQLite workspace).
COPY_CHUNK: Final = 5_000
#: From this share of the workspace's platforms on, whole tables are copied and the few
#: platforms not chosen deleted (faster); below it only the chosen rows are copied.
TRANSFER_MIN_SHARE: Final = 0.75

PackageFileErrorKind = Literal[
    "missing",
    "not_a_package",
    "newer_format",
    "truncated",
    "corrupt",
    "damaged",
    "too_slow",
    "locked",
    "read_only",
    "exists",
    "io_error",
]


class PackageFileError(Exception):
    """A package file that cannot be built or opened; ``kind`` says why, for translation.

    Kinds: ``missing``; ``not_a_package`` (not SQLite, a workspace, another program's database,
    or an unfinished build); ``newer_format`` (written by a newer jlpanel; left untouched);
    ``truncated`` (shorter than its header says: an interrupted copy); ``corrupt`` (SQLite
    finds it damaged); ``damaged`` (a sound SQLite file whose schema, description or values
    are not what the format says: ``problems`` names each); ``too_slow`` (a statement ran out
    of its time budget); ``locked`` (another program holds it); ``read_only`` (on a
    write-protected disk or folder); ``exists`` (refusing to overwrite); ``io_error``.
    """

    def __init__(
        self,
        kind: PackageFileErrorKind,
        path: Path,
        message: str,
        problems: Sequence[Text] = (),
    ) -> None:
        super().__init__(message)
        self.kind: PackageFileErrorKind = kind
        self.path = path
        self.message = message
        self.problems: tuple[Text, ...] = tuple(problems)


def damaged(path: Path, problems: Sequence[Text]) -> PackageFileError:
    """The refusal of a package whose contents are not what the format says."""
    listed = "; ".join(p.en for p in problems)
    return PackageFileError("damaged", path, f"{path} is not a sound package: {listed}", problems)


@dataclass(frozen=True, slots=True)
class PackageHeader:
    """What the issuing workspace writes into ``package_meta``."""

    package_id: str
    cycle_id: str
    cycle_name: str
    period_start: dt.date | None
    period_end: dt.date | None
    language: str
    expert_id: int
    expert_name: str
    hmac_key: bytes
    issued_at: dt.datetime
    app_version: str
    rubric_json: str
    rules_json: str


# ------------------------------------------------------------------------------ checking


@dataclass(frozen=True, slots=True)
class _SqliteHeader:
    page_size: int
    page_count: int | None  # None when the header's count is not known to be current
    user_version: int
    application_id: int


def _read_header(path: Path) -> _SqliteHeader:
    try:
        with path.open("rb") as file:
            raw = file.read(100)
    except OSError as error:
        raise _translate(error, path, "could not read") from error
    if not raw:
        raise PackageFileError("not_a_package", path, f"{path} is empty, not a review package")
    if not raw.startswith(SQLITE_HEADER[: len(raw)]) or len(raw) < len(SQLITE_HEADER):
        raise PackageFileError(
            "not_a_package", path, f"{path} is not a review package (not an SQLite file)"
        )
    if len(raw) < 100:
        raise PackageFileError("truncated", path, f"{path} is cut short ({len(raw)} bytes)")
    page_size = int.from_bytes(raw[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    # The in-header page count is valid only when written by a version that keeps it current.
    count_valid = raw[24:28] == raw[92:96]
    return _SqliteHeader(
        page_size=page_size,
        page_count=int.from_bytes(raw[28:32], "big") if count_valid else None,
        user_version=int.from_bytes(raw[60:64], "big"),
        application_id=int.from_bytes(raw[68:72], "big"),
    )


def is_package_file(path: Path) -> bool:
    """Whether ``path`` looks like a review package (by its SQLite header); never raises."""
    try:
        return _read_header(Path(path)).application_id == pm.PACKAGE_APPLICATION_ID
    except PackageFileError:
        return False


def inspect_package(path: Path, *, budget: pv.QueryBudget = pv.VERIFY_BUDGET) -> int:
    """Check the package at ``path`` without writing to it; returns its format version.

    Raises :class:`PackageFileError` for a missing, foreign, newer, truncated, corrupt or
    damaged file (see :mod:`jlpanel.storage.package_verify`), or one whose check does not
    finish within ``budget``.
    """
    path = Path(path)
    if not path.exists():
        raise PackageFileError("missing", path, f"{path} does not exist")
    if not path.is_file():
        raise PackageFileError("not_a_package", path, f"{path} is not a file")
    header = _read_header(path)
    if header.application_id != pm.PACKAGE_APPLICATION_ID:
        what = (
            "a cycle workspace"
            if header.application_id == WORKSPACE_APPLICATION_ID
            else f"another program's SQLite database (application id {header.application_id:#x})"
        )
        raise PackageFileError("not_a_package", path, f"{path} is {what}, not a review package")
    if header.user_version > pm.PACKAGE_FORMAT_VERSION:
        raise PackageFileError(
            "newer_format",
            path,
            f"{path} is a package of format {header.user_version}, written by a newer jlpanel "
            f"(this version reads up to {pm.PACKAGE_FORMAT_VERSION}); it was left unchanged",
        )
    if header.user_version < 1:
        raise PackageFileError(
            "not_a_package", path, f"{path} is an unfinished review package (its build stopped)"
        )
    size = path.stat().st_size
    if size % header.page_size or (
        header.page_count is not None and size < header.page_count * header.page_size
    ):
        expected = (header.page_count or 0) * header.page_size
        raise PackageFileError(
            "truncated",
            path,
            f"{path} is cut short: {size} bytes"
            + (f" of {expected}" if expected > size else "")
            + " (an interrupted copy?)",
        )
    _check_contents(path, header.user_version, budget)
    return header.user_version


def _check_contents(path: Path, user_version: int, budget: pv.QueryBudget) -> None:
    connection = sqlite3.connect(_read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.text_factory = pv.lenient_text
    clock = pv.QueryClock(budget)
    clock.install(connection)  # before the first statement: reading the schema is one too
    try:
        tables = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if pm.PackageMeta.__tablename__ not in tables:
            raise PackageFileError("not_a_package", path, f"{path} has no package description")
        # The schema first: nothing else is read from a file that may hold triggers or views.
        problems = pv.schema_problems(connection)
        if problems:
            raise damaged(path, problems)
        (verdict,) = connection.execute("PRAGMA quick_check(1)").fetchone()
        if verdict != "ok":
            raise PackageFileError("corrupt", path, f"{path} is damaged: {verdict}")
        problems = pv.meta_problems(connection, user_version) or pv.row_problems(connection)
        if problems:
            raise damaged(path, problems)
    except sqlite3.Error as error:
        if clock.exceeded:
            raise damaged(path, [pv.too_slow(budget)]) from error
        raise _translate(error, path, "could not read") from error
    finally:
        connection.close()


def _read_only_uri(path: Path) -> str:
    # With no -wal beside it the main file holds everything and "immutable" reads it without
    # creating -wal/-shm files; after a crash the -wal holds the last edits and must be read.
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not any(_sidecar(path, s).exists() for s in ("-wal", "-journal")):
        uri += "&immutable=1"
    return uri


def open_package_engine(
    path: Path,
    *,
    verify_budget: pv.QueryBudget = pv.VERIFY_BUDGET,
    statement_budget: pv.QueryBudget = pv.STATEMENT_BUDGET,
) -> Engine:
    """Check the package at ``path`` and open it for editing (WAL, full sync, foreign keys).

    The file is verified read-only first (:func:`inspect_package`, within ``verify_budget``);
    every connection of the engine checks the schema again before anything can write, and
    every statement runs within ``statement_budget`` (else :class:`PackageFileError`
    ``too_slow``). A file that goes bad underneath the desk raises ``corrupt`` or ``damaged``.
    """
    path = Path(path)
    inspect_package(path, budget=verify_budget)
    # A file marked read-only (no write bit for anyone) counts as write-protected even for an
    # administrator, whom os.access would let through.
    marked_read_only = not path.stat().st_mode & 0o222
    if marked_read_only or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise PackageFileError(
            "read_only", path, f"{path} is on a write-protected disk or folder; edits need a copy"
        )
    engine = open_engine(path)
    _ConnectionGuard(path, statement_budget, verify_budget).watch(engine)
    try:
        with engine.connect():
            pass  # settings apply now; a locked or unwritable file fails here, not mid-edit
    except PackageFileError:
        engine.dispose()
        raise
    except Exception as error:
        engine.dispose()
        raise _translate(error, path, "could not open") from error
    return engine


def open_read_only_engine(
    path: Path,
    *,
    verify_budget: pv.QueryBudget = pv.VERIFY_BUDGET,
    statement_budget: pv.QueryBudget = pv.STATEMENT_BUDGET,
) -> Engine:
    """Check the package at ``path`` and open it for reading only (nothing can be written).

    The same checks and time bounds as :func:`open_package_engine`; for looking at a package
    without opening it for scoring (``jlpanel check``).
    """
    path = Path(path)
    inspect_package(path, budget=verify_budget)
    uri = _read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )

    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True)
    _ConnectionGuard(path, statement_budget, verify_budget).watch(engine)
    return engine


_CLOCK: Final = "jlpanel_package_clock"
#: What an error of the desk's statements may turn out to be that is the file's fault.
_FILE_FAULTS: Final = frozenset({"too_slow", "damaged", "corrupt", "locked", "read_only"})


class _ConnectionGuard:
    """The desk engine's events: a schema check per connection and a clock per statement."""

    def __init__(self, path: Path, budget: pv.QueryBudget, verify_budget: pv.QueryBudget) -> None:
        self.path = path
        self.budget = budget
        self.verify_budget = verify_budget

    def watch(self, engine: Engine) -> None:
        """Attach to ``engine``: check before any other connect listener (settings like WAL
        write), arm the statement clock after them all."""
        event.listen(engine, "connect", self.check_connection, insert=True)
        event.listen(engine, "connect", self.arm_clock)
        event.listen(engine, "before_cursor_execute", self.before_execute)
        for moment in ("begin", "commit", "rollback"):
            event.listen(engine, moment, self.on_transaction)
        event.listen(engine, "handle_error", self.on_error)

    def check_connection(self, dbapi_connection: Any, _record: Any) -> None:
        clock = pv.QueryClock(self.verify_budget)
        clock.install(dbapi_connection)
        text_factory = dbapi_connection.text_factory
        dbapi_connection.text_factory = pv.lenient_text
        try:
            problems = pv.schema_problems(dbapi_connection)
        except sqlite3.Error as error:
            fault = self._fault(error, clock)
            if fault.kind == "too_slow":
                fault = damaged(self.path, [pv.too_slow(self.verify_budget)])
            raise fault from error
        finally:
            dbapi_connection.text_factory = text_factory
        if problems:
            raise damaged(self.path, problems)

    def arm_clock(self, dbapi_connection: Any, record: Any) -> None:
        clock = pv.QueryClock(self.budget)
        clock.install(dbapi_connection)
        record.info[_CLOCK] = clock

    def before_execute(self, connection: Connection, *_args: object) -> None:
        self._restart(connection)

    def on_transaction(self, connection: Connection) -> None:
        self._restart(connection)

    @staticmethod
    def _restart(connection: Connection) -> None:
        clock = connection.info.get(_CLOCK)
        if isinstance(clock, pv.QueryClock):
            clock.restart()

    def on_error(self, context: ExceptionContext) -> BaseException | None:
        """Faults of the file become :class:`PackageFileError`; anything else stays a bug."""
        original = context.original_exception
        if not isinstance(original, sqlite3.Error):
            return None
        clock = context.connection.info.get(_CLOCK) if context.connection is not None else None
        fault = self._fault(original, clock if isinstance(clock, pv.QueryClock) else None)
        return fault if fault.kind in _FILE_FAULTS else None

    def _fault(self, error: sqlite3.Error, clock: pv.QueryClock | None) -> PackageFileError:
        if clock is not None and clock.exceeded:
            return PackageFileError(
                "too_slow",
                self.path,
                f"reading {self.path} took longer than {self.budget.seconds:g} s; stopped",
                [pv.too_slow(self.budget)],
            )
        if "could not decode" in str(error).lower():
            return damaged(
                self.path,
                [Text("某处文本不是有效的 UTF-8", "a text somewhere is not valid UTF-8")],
            )
        return _translate(error, self.path, "could not use")


# ------------------------------------------------------------------------------ building


def building_path(target: Path) -> Path:
    """A hidden temporary name beside ``target`` to build it under."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex}.building")


def build_package(
    path: Path,
    header: PackageHeader,
    source: Engine,
    platform_ids: Sequence[int],
    *,
    attach: bool | None = None,
) -> None:
    """Write a complete package at ``path`` (which must not exist) for ``platform_ids``.

    The platforms and their dossier rows come from the workspace behind ``source``, in the
    order given. ``attach`` forces (True) or avoids (False) the ``ATTACH DATABASE`` copy; by
    default it is used for SQLite workspaces. On any error nothing is left at ``path``. The
    file is synced but not renamed: see :func:`install_package`.
    """
    path = Path(path)
    if path.exists():
        raise PackageFileError("exists", path, f"{path} already exists")
    if len(set(platform_ids)) != len(platform_ids):
        raise ValueError("platform ids must be distinct")
    use_attach = source.dialect.name == "sqlite" if attach is None else attach
    try:
        pv.check_json_values(
            [("rubric_json", header.rubric_json), ("rules_json", header.rules_json)]
        )
    except pv.LimitedJsonError as exc:
        raise ValueError(f"the cycle's rubric or rules cannot go into a package: {exc}") from exc
    raw = sqlite3.connect(path.absolute().as_uri(), uri=True, isolation_level=None)
    try:
        # Durability is off while building: a failed build is deleted, a finished one synced.
        raw.execute("PRAGMA journal_mode = MEMORY")
        raw.execute("PRAGMA synchronous = OFF")
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("PRAGMA temp_store = MEMORY")
        # Rows deleted while building (platforms not chosen) leave zeros, not their content.
        raw.execute("PRAGMA secure_delete = ON")
        raw.execute(f"PRAGMA application_id = {pm.PACKAGE_APPLICATION_ID}")
        engine = create_engine(
            "sqlite://", creator=lambda: raw, poolclass=StaticPool, hide_parameters=True
        )
        with engine.connect() as connection:
            connection.exec_driver_sql("BEGIN")
            pm.PackageBase.metadata.create_all(connection)
            _write_meta(connection, header)
            if use_attach:
                _copy_attached(connection, raw, source, platform_ids)
            else:
                _copy_through_sqlalchemy(connection, source, platform_ids)
            connection.exec_driver_sql("COMMIT")
            if use_attach:
                connection.exec_driver_sql("DETACH DATABASE ws")
            violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise RuntimeError(f"package rows without their platform: {violations[:3]}")
            # Last: a file without a format version is recognisably unfinished.
            connection.exec_driver_sql(f"PRAGMA user_version = {pm.PACKAGE_FORMAT_VERSION}")
            (mode,) = connection.exec_driver_sql("PRAGMA journal_mode = WAL").one()
            if str(mode).lower() != "wal":
                raise PackageFileError("io_error", path, f"SQLite refused WAL mode ({mode})")
        engine.dispose()
        raw.close()
        _fsync_file(path)
    except BaseException as error:
        raw.close()
        discard(path)
        if isinstance(error, sqlite3.Error | OSError):
            raise _translate(error, path, "could not build") from error
        raise


def install_package(built: Path, target: Path) -> None:
    """Rename a finished build into place (replacing ``target``) and make the rename durable."""
    Path(built).replace(target)
    fsync_directory(Path(target).parent)


def discard(path: Path) -> None:
    """Delete a build and any SQLite side files it left."""
    for leftover in (path, *(_sidecar(path, s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)


def _write_meta(connection: Connection, header: PackageHeader) -> None:
    connection.execute(
        insert(pm.PackageMeta),
        {
            "id": 1,
            "format_version": pm.PACKAGE_FORMAT_VERSION,
            "package_id": header.package_id,
            "cycle_id": header.cycle_id,
            "cycle_name": header.cycle_name,
            "period_start": header.period_start,
            "period_end": header.period_end,
            "language": header.language,
            "expert_id": header.expert_id,
            "expert_name": header.expert_name,
            "hmac_key": header.hmac_key,
            "issued_at": header.issued_at,
            "app_version": header.app_version,
            "rubric_json": header.rubric_json,
            "rules_json": header.rules_json,
            "revision": 0,
            "locked": False,
        },
    )


def _table(model: type[pm.PackageBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _shared_columns(model: type[pm.PackageBase]) -> list[str]:
    """The package table's columns that its workspace namesake also has, in package order."""
    from jlpanel.storage import models as m  # building a package: the workspace's tables

    package_table = _table(model)
    workspace_table = m.Base.metadata.tables[package_table.name]
    return [c.name for c in package_table.columns if c.name in workspace_table.c]


def _copy_attached(
    connection: Connection, raw: sqlite3.Connection, source: Engine, platform_ids: Sequence[int]
) -> None:
    database = source.url.database
    if source.dialect.name != "sqlite" or not database:
        raise ValueError("ATTACH needs an SQLite workspace file")
    uri = f"{Path(database).absolute().as_uri()}?mode=ro"
    # ATTACH is refused inside a transaction: leave the open one for a moment.
    connection.exec_driver_sql("COMMIT")
    raw.execute("ATTACH DATABASE ? AS ws", (uri,))
    connection.exec_driver_sql("BEGIN")
    connection.exec_driver_sql(
        "CREATE TEMP TABLE chosen (id INTEGER PRIMARY KEY, position INTEGER NOT NULL)"
    )
    raw.executemany(
        "INSERT INTO temp.chosen (id, position) VALUES (?, ?)",
        [(pid, n) for n, pid in enumerate(platform_ids)],
    )
    # Table and column names come from the models, never from data.
    columns = [c for c in _shared_columns(pm.PackagePlatform) if c != "id"]
    listed = ", ".join(f'"{c}"' for c in columns)
    picked = ", ".join(f'p."{c}"' for c in columns)
    copied = raw.execute(
        f"INSERT INTO main.platforms (id, position, {listed}) "
        f"SELECT p.id, chosen.position, {picked} FROM ws.platforms AS p "
        "JOIN temp.chosen AS chosen ON chosen.id = p.id"
    ).rowcount
    if copied != len(platform_ids):
        raise ValueError(f"{len(platform_ids) - copied} of the platforms are not in the workspace")
    (total,) = raw.execute("SELECT count(*) FROM ws.platforms").fetchone()
    transfer = copied >= TRANSFER_MIN_SHARE * total
    for model in pm.DOSSIER_CHILD_TABLES:
        name = _table(model).name
        if transfer and _same_layout(raw, name):
            # SQLite's transfer optimisation copies whole tables without decoding a row (it
            # needs foreign keys off, as they are while building); the few platforms not
            # chosen are then deleted, and secure_delete zeroes what they left in the file.
            raw.execute(f"INSERT INTO main.{name} SELECT * FROM ws.{name}")
            if copied < total:
                raw.execute(
                    f"DELETE FROM main.{name} WHERE platform_id NOT IN (SELECT id FROM temp.chosen)"
                )
            continue
        listed = ", ".join(f'"{c}"' for c in _shared_columns(model))
        raw.execute(
            f"INSERT INTO main.{name} ({listed}) SELECT {listed} FROM ws.{name} "
            "WHERE platform_id IN (SELECT id FROM temp.chosen)"
        )
    connection.exec_driver_sql("DROP TABLE temp.chosen")


@contextmanager
def dossier_copy(source: Engine, platform_ids: Iterable[int], folder: Path) -> Iterator[Engine]:
    """A workspace to build packages of ``platform_ids`` from: ``source`` itself when it is an
    SQLite file, else a temporary SQLite file in ``folder`` holding those platforms and their
    dossier rows, deleted on exit.

    Every platform goes into about seven packages; copying its rows from the server once and
    building each package from the local file with ``ATTACH`` (as from an SQLite workspace)
    reads and converts each row once instead of seven times: packages from a 2,000-platform
    store took 351 s on the server against 37 s from a file.
    """
    if source.dialect.name == "sqlite":
        yield source
        return
    from jlpanel.storage import models as m  # the workspace's tables
    from jlpanel.storage.bulk import write_rows

    wanted = sorted(set(platform_ids))
    path = building_path(Path(folder) / "dossiers.jlpanel")
    models: list[type[pm.PackageBase]] = [pm.PackagePlatform, *pm.DOSSIER_CHILD_TABLES]
    tables = [m.Base.metadata.tables[_table(model).name] for model in models]
    copy: Engine | None = None
    try:
        raw = sqlite3.connect(path.absolute().as_uri(), uri=True, isolation_level=None)
        try:
            raw.execute("PRAGMA journal_mode = OFF")
            raw.execute("PRAGMA synchronous = OFF")
            local = create_engine(
                "sqlite://", creator=lambda: raw, poolclass=StaticPool, hide_parameters=True
            )
            with local.connect() as connection, source.connect() as origin:
                connection.exec_driver_sql("BEGIN")
                m.Base.metadata.create_all(connection, tables=tables)
                for table in tables:
                    column = table.c.id if table.name == "platforms" else table.c.platform_id
                    result = origin.execution_options(yield_per=COPY_CHUNK).execute(
                        select(*table.c).where(column.in_(wanted)).order_by(table.c.id)
                    )
                    write_rows(connection, table, list(table.c.keys()), result)
                connection.exec_driver_sql("COMMIT")
            local.dispose()
        finally:
            raw.close()
    except sqlite3.Error as error:
        discard(path)
        raise _translate(error, path, "could not copy the dossiers to") from error
    except BaseException:
        discard(path)
        raise
    try:
        copy = create_engine(
            f"sqlite:///{path.absolute()}", poolclass=NullPool, hide_parameters=True
        )
        yield copy
    finally:
        if copy is not None:
            copy.dispose()
        discard(path)


def _same_layout(raw: sqlite3.Connection, table: str) -> bool:
    """Whether ``main.table`` and ``ws.table`` have the same columns, in the same order."""

    def layout(schema: str) -> list[tuple[object, ...]]:
        rows = raw.execute(f"PRAGMA {schema}.table_info({table})").fetchall()
        return [(name, kind.upper(), notnull, pk) for _, name, kind, notnull, _, pk in rows]

    return layout("main") == layout("ws")


def _copy_through_sqlalchemy(
    connection: Connection, source: Engine, platform_ids: Sequence[int]
) -> None:
    from jlpanel.storage import models as m  # building a package: the workspace's tables
    from jlpanel.storage.bulk import write_rows

    position = {pid: n for n, pid in enumerate(platform_ids)}
    with source.connect() as origin:
        platforms = m.Base.metadata.tables["platforms"]
        columns = [c for c in _shared_columns(pm.PackagePlatform) if c != "position"]
        rows = [
            {**dict(zip(columns, row, strict=True)), "position": position[row[0]]}
            for row in origin.execute(
                select(*(platforms.c[c] for c in columns)).where(platforms.c.id.in_(platform_ids))
            )
        ]
        if len(rows) != len(platform_ids):
            missing = len(platform_ids) - len(rows)
            raise ValueError(f"{missing} of the platforms are not in the workspace")
        if rows:
            connection.execute(insert(pm.PackagePlatform), rows)
        for model in pm.DOSSIER_CHILD_TABLES:
            package_table = _table(model)
            workspace_table = m.Base.metadata.tables[package_table.name]
            columns = _shared_columns(model)
            result = origin.execution_options(yield_per=COPY_CHUNK).execute(
                select(*(workspace_table.c[c] for c in columns))
                .where(workspace_table.c.platform_id.in_(platform_ids))
                .order_by(workspace_table.c.id)
            )
            # The fast bulk writer: SQLAlchemy's executemany builds each row's parameters
            # (5× the time of the whole package build from a store on a server).
            write_rows(connection, package_table, columns, result)


# ---------------------------------------------------------------------------- file helpers


def _translate(error: BaseException, path: Path, doing: str) -> PackageFileError:
    text = str(getattr(error, "orig", None) or error)
    lowered = text.lower()
    kind: PackageFileErrorKind
    if "locked" in lowered or "busy" in lowered:
        kind = "locked"
    elif "readonly" in lowered or "read-only" in lowered:
        kind = "read_only"
    elif "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        kind = "corrupt"
    elif "no such table" in lowered or "no such column" in lowered:
        kind = "not_a_package"
    else:
        kind = "io_error"
    return PackageFileError(kind, path, f"{doing} {path}: {text}")


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
