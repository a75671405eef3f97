"""Where a store lives — a SQLite file or a PostgreSQL database — and what differs between them.

A store's *location* is a :class:`~pathlib.Path` (a ``.jlpanel`` file) or a SQLAlchemy
:class:`~sqlalchemy.engine.URL` (``postgresql://…``, normalised to the psycopg 3 driver).
This module is the one place outside the SQLite file code that knows which engine is behind
a store: it builds the server's engine, begins its transactions (the write lock, the read
snapshot), orders text the same way on both, resets sequences after rows were copied with
their ids, and says which of the server's errors are the user's faults (by SQLSTATE).

Transactions on a server:

- A change (execution option :data:`IMMEDIATE`) takes ``pg_advisory_xact_lock`` on the store
  as its first statement, so two processes' changes never interleave — what ``BEGIN
  IMMEDIATE`` gives a file. It waits at most :data:`LOCK_TIMEOUT_MS` for it (then SQLSTATE
  55P03, "busy", which the caller retries a bounded number of times).
- A read (execution option :data:`SNAPSHOT`) is ``REPEATABLE READ, READ ONLY``: every
  statement sees the one snapshot the first one saw, as a file's reader does in WAL mode.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from sqlalchemy import URL, Integer, create_engine, event, func, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql import coercions, roles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.types import String

__all__ = [
    "IMMEDIATE",
    "LOCK_TIMEOUT_MS",
    "SNAPSHOT",
    "Location",
    "code_order",
    "display_name",
    "is_server",
    "parse_location",
    "reset_sequences",
    "server_engine",
    "server_fault_kind",
]

#: A store's location: a SQLite file or a PostgreSQL database's URL.
Location = Path | URL

#: Execution option asking for a transaction that takes the store's write lock at its start, so
#: a check-then-write (confirming results) cannot interleave with another process's.
IMMEDIATE: Final = "jlpanel_immediate"
#: Execution option asking for a read-only transaction that reads one snapshot throughout.
SNAPSHOT: Final = "jlpanel_snapshot"

#: How long a change on a server waits for another process's change before it is "busy".
LOCK_TIMEOUT_MS: Final = 10_000
#: The advisory lock key of a store's changes: "JLPN", as a file's application id.
WRITE_LOCK_KEY: Final = 0x4A4C504E

_SERVER_DRIVER: Final = "postgresql+psycopg"


class LocationError(ValueError):
    """A STORE argument that is neither a file path nor a PostgreSQL URL."""


def parse_location(store: str | Path | URL) -> Location:
    """The location named by a STORE argument: a ``postgresql://`` URL (any driver given is
    replaced by psycopg 3) or a file path. Another URL scheme is a :class:`LocationError`."""
    if isinstance(store, Path):
        return store
    if isinstance(store, URL):
        url = store
    else:
        if "://" not in store:
            return Path(store)
        try:
            url = make_url(store)
        except ArgumentError as error:
            raise LocationError(f"not a store URL: {display_text(store)}") from error
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise LocationError(
            f"a store is a .jlpanel file or a postgresql:// URL, not {url.get_backend_name()}://"
        )
    return url.set(drivername=_SERVER_DRIVER)


def display_text(store: str) -> str:
    """A STORE argument as it may be shown: a URL's password hidden."""
    try:
        return make_url(store).render_as_string(hide_password=True)
    except ArgumentError:
        return "<URL>" if "@" in store else store


def display_name(location: Location) -> str:
    """How a store is named to the user: the file's path, or the URL with its password
    hidden (``***``) and the driver as the user wrote it (``postgresql://``)."""
    if isinstance(location, Path):
        return str(location)
    shown = location.set(drivername=location.get_backend_name())
    return shown.render_as_string(hide_password=True)


def is_server(location: Location | Engine) -> bool:
    """Whether the store is on a database server (not a file)."""
    if isinstance(location, Engine):
        return location.dialect.name != "sqlite"
    return not isinstance(location, Path)


# ------------------------------------------------------------------------------- engines


def server_engine(url: URL) -> Engine:
    """An engine on the PostgreSQL database at ``url`` with the store's transactions.

    ``hide_parameters``: an error never carries the experts' comments or scores (nor a
    password) to a terminal or a log.
    """
    engine = create_engine(
        url.set(drivername=_SERVER_DRIVER), hide_parameters=True, pool_pre_ping=True
    )
    event.listen(engine, "connect", _configure_server_connection)
    event.listen(engine, "begin", _begin_on_server)
    return engine


def _configure_server_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
        cursor.execute("SET TIME ZONE 'UTC'")
    finally:
        cursor.close()
    dbapi_connection.commit()


def _begin_on_server(connection: Connection) -> None:
    options = connection.get_execution_options()
    if options.get(IMMEDIATE, False):
        connection.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK_KEY)))
    elif options.get(SNAPSHOT, False):
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def take_write_lock(connection: Connection) -> None:
    """Take the store's write lock in ``connection``'s transaction (a server's; a no-op on a
    file, whose ``BEGIN IMMEDIATE`` took it). For work that does not begin with
    :data:`IMMEDIATE`, such as a migration."""
    if connection.dialect.name != "sqlite":
        connection.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK_KEY)))


def refresh_planner(connection: Connection, table: str) -> None:
    """On a server, ANALYZE ``table`` (named by the models, never by data) in ``connection``'s
    transaction, rows it added included; a no-op on a file.

    For a parent table about to get many child rows: PostgreSQL checks each child's foreign
    key with a plan it made once per connection, and a plan made while the table looked
    empty (analysed before it had rows) scans the whole table for every child. A merge of 200
    score files into a 2,000-platform store analysed before scoring took 61 s instead of 7 s.
    The ANALYZE gives the planner the table's size and drops those plans.
    """
    if connection.dialect.name != "sqlite":
        connection.exec_driver_sql(f'ANALYZE "{table}"')


def reset_sequences(connection: Connection) -> None:
    """After rows were inserted with their ids (copied from another store), move each table's
    id sequence past the largest id, so the next ordinary insert gets a free one. A no-op on a
    file, where an INTEGER PRIMARY KEY always takes the next free id."""
    if connection.dialect.name == "sqlite":
        return
    from jlpanel.storage.models import Base

    for table in Base.metadata.sorted_tables:
        id_column = table.columns.get("id")
        if id_column is None or not id_column.autoincrement or not id_column.primary_key:
            continue
        if not isinstance(id_column.type, Integer):
            continue
        sequence = connection.execute(
            select(func.pg_get_serial_sequence(table.name, "id"))
        ).scalar_one()
        if sequence is None:
            continue
        largest = connection.execute(select(func.max(id_column))).scalar_one()
        connection.execute(
            select(func.setval(sequence, (largest or 0) + 1, False))  # next insert: largest + 1
        )


# ------------------------------------------------------------------------- text ordering


class code_order(ColumnElement[str]):  # lower case: used like a function
    """A text column ordered by its characters' code points, as SQLite's BINARY collation
    does: ``COLLATE "C"`` on a server, whose database may sort by a language's rules
    (zh_CN.UTF-8 orders 备案编号 and names differently)."""

    inherit_cache = True

    def __init__(self, column: ColumnElement[Any] | QueryableAttribute[Any]) -> None:
        self.column = coercions.expect(roles.ExpressionElementRole, column)
        self.type = String()


@compiles(code_order)
def _code_order_default(element: code_order, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column, **kw)


@compiles(code_order, "postgresql")
def _code_order_server(element: code_order, compiler: SQLCompiler, **kw: Any) -> str:
    return f'{compiler.process(element.column, **kw)} COLLATE "C"'


# -------------------------------------------------------------------------------- errors

#: SQLSTATE classes and codes of a server's errors that are the user's (or the machine's)
#: fault, as the fault kinds a file's errors map to (services/errors.py).
_SQLSTATE_FAULTS: Final = (
    ("40001", "busy"),  # serialization_failure
    ("40P01", "busy"),  # deadlock_detected
    ("55P03", "busy"),  # lock_not_available (lock_timeout)
    ("57014", "busy"),  # query_canceled (statement_timeout)
    ("53300", "busy"),  # too_many_connections
    ("53100", "full"),  # disk_full
    ("53", "full"),  # insufficient_resources (out of memory, …)
    ("25006", "read_only"),  # read_only_sql_transaction (a standby, a read-only database)
    ("28", "permission"),  # invalid_authorization_specification: user or password
    ("42501", "permission"),  # insufficient_privilege
    ("3D", "missing"),  # invalid_catalog_name: no such database
    ("08", "unreachable"),  # connection_exception
    ("57P", "unreachable"),  # the server is shutting down or restarting
    ("22001", "too_long"),  # string_data_right_truncation
    ("22", "invalid"),  # data_exception
    ("23", "conflict"),  # integrity_constraint_violation
    ("XX001", "damaged"),  # data_corrupted
    ("XX002", "damaged"),  # index_corrupted
)


def server_fault_kind(error: BaseException) -> str | None:
    """The fault kind (a :class:`~jlpanel.services.errors.FaultKind` value) of a server's
    error, raw or wrapped by SQLAlchemy; None when it is not a server's error or is a bug."""
    original = getattr(error, "orig", None) or error
    if not type(original).__module__.startswith("psycopg"):
        return None
    sqlstate = getattr(original, "sqlstate", None)
    if not sqlstate:
        # No SQLSTATE: the connection failed. psycopg passes on the server's own words when
        # it refused the login (English unless the server's lc_messages says otherwise).
        if type(original).__name__ != "OperationalError":
            return None
        words = str(original).lower()
        if "database" in words and "does not exist" in words:
            return "missing"
        if "authentication" in words or ("role" in words and "does not exist" in words):
            return "permission"
        return "unreachable"
    for prefix, kind in _SQLSTATE_FAULTS:
        if sqlstate.startswith(prefix):
            return kind
    return None
