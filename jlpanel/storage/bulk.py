"""Writing many rows at once: one executemany per chunk, not one ORM object or statement each."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection, Table, insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql import sqltypes

from jlpanel.storage.limits import check_row, text_limits
from jlpanel.storage.models import Base

DEFAULT_CHUNK_SIZE = 5_000
_TUPLES = frozenset({tuple})


def insert_rows(
    session: Session,
    model: type[Base],
    rows: Iterable[Mapping[str, Any]] | Iterable[Sequence[Any]],
    *,
    columns: Sequence[str] | None = None,
    fixed: Mapping[str, Any] | None = None,
    as_is: Collection[str] = (),
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> int:
    """Insert ``rows`` into ``model``'s table; returns how many.

    Rows are mappings (column name → value), all naming the columns of the first; or, with
    ``columns``, plain sequences of values in that order (cheaper for many rows). ``fixed``
    gives columns every row has the same value in (a dossier's platform id), so the rows
    need not repeat it (with ``columns`` only); each is bound once, not once a row.
    ``as_is`` names columns whose values are already what the driver takes, so their type's
    bind processor is skipped: the caller vouches for them (a score file's finite floats in
    an :class:`~jlpanel.storage.models.ExactPoints` column, which are the doubles their exact
    values would be stored as). Runs in the
    session's transaction, in chunks so a generator of rows is never held in memory whole.
    Column defaults apply; ORM relationships and events do not. A text longer than its
    column takes is refused (:class:`~jlpanel.storage.limits.TextTooLong`), on every engine.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    table = cast(Table, model.__table__)
    if fixed and columns is None:
        raise ValueError("fixed values need rows given as sequences, with columns")
    iterator = iter(rows)
    count = 0
    writer: _ChunkWriter | None = None
    while chunk := list(islice(iterator, chunk_size)):
        # An empty parameter list would insert one row of defaults; the walrus stops first.
        if writer is None:
            keys = list(columns) if columns is not None else list(cast(Mapping[str, Any], chunk[0]))
            writer = _ChunkWriter(session.connection(), table, keys, fixed=fixed, as_is=as_is)
        if columns is None:
            writer.write_mappings(cast(list[Mapping[str, Any]], chunk))
        else:
            writer.write_sequences(cast(list[Sequence[Any]], chunk))
        count += len(chunk)
    return count


def write_rows(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> int:
    """Insert ``rows`` (values in ``columns``' order) into ``table`` on ``connection``, as
    :func:`insert_rows` does for a session: for copying between databases (a package built
    from a store on a server, where SQLite's ATTACH cannot reach). The rows come from a store,
    so their lengths are not checked again. Returns how many."""
    writer = _ChunkWriter(connection, table, columns, checked=False)
    iterator = iter(rows)
    count = 0
    while chunk := list(islice(iterator, chunk_size)):
        writer.write_sequences(chunk)
        count += len(chunk)
    return count


@dataclass(frozen=True, slots=True)
class _Plan:
    """A compiled INSERT for one table and set of columns, reused across calls."""

    fast: bool
    sql: str
    positional: bool
    #: The driver's parameter order, and where each comes from in a row given in key order.
    order: tuple[str, ...]
    index: tuple[int, ...]
    #: (position in ``order``, what converts the column's values) for the columns whose type
    #: converts values (:func:`_column_converter`).
    processors: tuple[tuple[int, Callable[[Sequence[Any]], Sequence[Any]]], ...]


#: By dialect, table and keys: a review package's tables share the workspace's names.
_PLANS: dict[tuple[str, Table, tuple[str, ...]], _Plan] = {}


def _plan(connection: Connection, table: Table, keys: tuple[str, ...]) -> _Plan:
    dialect = connection.dialect
    cache_key = (dialect.name, table, keys)
    plan = _PLANS.get(cache_key)
    if plan is not None:
        return plan
    fast = not any(c.name not in keys and c.default is not None for c in table.columns)
    if not fast:
        plan = _Plan(False, "", False, keys, (), ())
    else:
        compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
        positional = bool(compiled.positional)
        order = tuple(compiled.positiontup or keys) if positional else keys
        processors = tuple(
            (pos, convert)
            for pos, key in enumerate(order)
            if (convert := _column_converter(table.c[key].type, dialect)) is not None
        )
        index = tuple(keys.index(key) for key in order)
        plan = _Plan(True, compiled.string, positional, order, index, processors)
    _PLANS[cache_key] = plan
    return plan


def _column_converter(type_: Any, dialect: Any) -> Callable[[Sequence[Any]], Sequence[Any]] | None:
    """What turns a column of values into what the driver gets; None: they go as they are.

    A Python call per value adds up: 400,000 for the two yes/no and the two number columns of
    a 200-dossier import, 200,000 dates in SQLite's date adapter. So a column whose values the
    type's bind processor would hand on unchanged skips it, and SQLite's dates are turned into
    text at C speed; a column holding anything else still goes value by value, as before.
    """
    process = type_.bind_processor(dialect)
    none: type = type(None)
    if process is None:
        # The dates go to the driver's own date adapter, a Python call each.
        sqlite_date = dialect.driver == "pysqlite" and isinstance(type_, sqltypes.Date)
        return _dates_as_text if sqlite_date else None
    unchanged: frozenset[type] = frozenset()
    if isinstance(type_, sqltypes.Boolean) and (
        dialect.supports_native_boolean or dialect.name == "sqlite"
    ):
        # It checks the value is a bool and hands it on as bool(), or as int() where the
        # database has no boolean type: SQLite's driver binds a bool as the integer it is.
        unchanged = frozenset((bool, none))
    elif isinstance(type_, sqltypes.Float) and not type_.asdecimal:
        unchanged = frozenset((float, none))  # float() returns a float as it is

    def convert(column: Sequence[Any]) -> Sequence[Any]:
        if unchanged and unchanged.issuperset(map(type, column)):
            return column
        return [None if value is None else process(value) for value in column]

    return convert


def _dates_as_text(column: Sequence[Any]) -> Sequence[Any]:
    """Dates as SQLite's driver stores them (its date adapter: ``isoformat()``), at C speed.

    A date and time, or anything else, is left to the driver as before.
    """
    kinds = set(map(type, column))
    if kinds == {dt.date}:
        return list(map(dt.date.isoformat, column))
    if kinds == {dt.date, type(None)}:
        return [None if value is None else value.isoformat() for value in column]
    return column


_SQLITE_VALUES = (int, float, str, bytes, type(None))


def _adapted_for_sqlite(value: Any) -> Any:
    """``value`` as SQLite's driver adapts it before binding, when an adapter is registered
    for its type (its own for dates and times: their ISO text): once for a value every row
    of a chunk has (a merge's two times on each of its 5,000 sheets), not once a row through
    the driver's adapter lookup and a Python call. Anything else is left to the driver."""
    adapt = sqlite3.adapters.get((type(value), sqlite3.PrepareProtocol))
    if adapt is None:
        return value
    adapted = adapt(value)
    return adapted if isinstance(adapted, _SQLITE_VALUES) else value


class _ChunkWriter:
    """Executes one INSERT for many rows with the driver's own executemany.

    SQLAlchemy's executemany builds each row's parameters through the compiled statement
    (about 30 µs a row here), which made storing a 1,000-row dossier sheet cost more than
    reading it. Here the statement is compiled once for the dialect — its placeholders and
    parameter order are the driver's, so nothing SQLite-specific is written — and each value
    goes through its column type's own bind processor, as SQLAlchemy would do.

    A chunk is handled a column at a time (transposed, then zipped back to rows, both at C
    speed): the text limits are measured per column, and only the columns whose type
    converts values are visited value by value.

    Columns missing from the rows that have a Python-side default (a timestamp, a uuid) are
    left to SQLAlchemy's own path, which knows how to fill them.
    """

    def __init__(
        self,
        connection: Connection,
        table: Table,
        keys: Sequence[str],
        *,
        checked: bool = True,
        fixed: Mapping[str, Any] | None = None,
        as_is: Collection[str] = (),
    ) -> None:
        self.connection = connection
        self.table = table
        self.fixed = tuple((fixed or {}).values())
        #: The fixed columns first, then those of the rows.
        self.keys = (*(fixed or {}), *keys)
        self.row_keys = tuple(keys)
        self.plan = plan = _plan(connection, table, self.keys)
        if as_is and not plan.fast:  # SQLAlchemy's own path would bind them all
            raise ValueError(f"values bound as they are need every defaulted column of {table}")
        # The fixed values bound once (the driver gets the same for every row), and the
        # converters left for the rows' own columns.
        count = len(self.fixed)
        bound = list(self.fixed)
        processors = []
        for pos, convert in plan.processors:
            source = plan.index[pos]
            if source < count:
                bound[source] = convert([self.fixed[source]])[0]
            elif self.keys[source] not in as_is:
                processors.append((pos, convert))
        if connection.dialect.driver == "pysqlite":
            bound = [_adapted_for_sqlite(value) for value in bound]
        self._bound_fixed = tuple(bound)
        self._processors = tuple(processors)
        #: Rows that go to the driver as they are given: no fixed values, no converters, the
        #: driver's own parameter order (a merge's indicator scores).
        self._as_given = (
            plan.fast
            and not self.fixed
            and not self._processors
            and plan.positional
            and plan.index == tuple(range(len(self.keys)))
        )
        self._by_key = itemgetter(*self.row_keys) if len(self.row_keys) > 1 else None
        limits = text_limits(table)
        self._limits = tuple(
            (position, key, limits[key])
            for position, key in enumerate(self.keys)
            if checked and key in limits
        )

    def _check(self, columns: list[Sequence[Any]]) -> None:
        """Refuse a text over its column's limit (``columns`` in key order)."""
        for position, _key, limit in self._limits:
            try:  # the longest text of the column, at C speed; "" and None do not count
                longest = max(map(len, filter(None, columns[position])), default=0)
            except TypeError:  # a value that is not text: the exact check below skips it
                longest = limit + 1
            if longest > limit:
                for row in zip(*columns, strict=True):
                    check_row(self.connection, self.table, self._limits, self.keys, row)

    def _check_rows(self, chunk: list[Sequence[Any]]) -> None:
        """:meth:`_check` of rows in key order, without turning them into columns."""
        for position, _key, limit in self._limits:
            try:
                longest = max(map(len, filter(None, map(itemgetter(position), chunk))), default=0)
            except TypeError:
                longest = limit + 1
            if longest > limit:
                for row in chunk:
                    check_row(self.connection, self.table, self._limits, self.keys, row)

    def write_mappings(self, chunk: list[Mapping[str, Any]]) -> None:
        if not self.plan.fast:
            full = [(*self.fixed, *(row.get(key) for key in self.row_keys)) for row in chunk]
            self._check(list(zip(*full, strict=True)))
            self.connection.execute(
                insert(self.table), [dict(zip(self.keys, row, strict=True)) for row in full]
            )
            return
        if self._by_key is not None:
            self.write_sequences([self._by_key(row) for row in chunk])
        else:
            self.write_sequences([(row[self.row_keys[0]],) for row in chunk])

    def write_sequences(self, chunk: list[Sequence[Any]]) -> None:
        if not chunk:
            return
        if self._as_given and _TUPLES.issuperset(map(type, chunk)):  # what the driver takes
            if set(map(len, chunk)) != {len(self.keys)}:
                raise ValueError(f"rows of other lengths than {self.row_keys}")
            self._check_rows(chunk)
            if self.connection.dialect.name == "postgresql":
                self._copy(self.plan.order, chunk)
            else:
                self.connection.exec_driver_sql(self.plan.sql, chunk)
            return
        count = len(chunk)
        columns: list[Sequence[Any]] = [[value] * count for value in self.fixed]
        columns.extend(zip(*chunk, strict=True))
        if len(columns) != len(self.keys):
            raise ValueError(f"rows of {len(columns) - len(self.fixed)} values for {self.row_keys}")
        self._check(columns)
        plan = self.plan
        if not plan.fast:
            self.connection.execute(
                insert(self.table),
                [dict(zip(self.keys, row, strict=True)) for row in zip(*columns, strict=True)],
            )
            return
        fixed = len(self.fixed)
        bound = [[value] * count for value in self._bound_fixed]
        ordered = [bound[i] if i < fixed else columns[i] for i in plan.index]
        for pos, convert in self._processors:
            ordered[pos] = convert(ordered[pos])
        params: list[Any] = list(zip(*ordered, strict=True))
        if self.connection.dialect.name == "postgresql":
            self._copy(plan.order, params)
            return
        if not plan.positional:
            params = [dict(zip(plan.order, values, strict=True)) for values in params]
        self.connection.exec_driver_sql(plan.sql, params)

    def _copy(self, columns: Sequence[str], rows: list[Sequence[Any]]) -> None:
        """PostgreSQL: the rows through COPY, in the connection's transaction — a row at a
        time through executemany costs a round of the protocol each (3× SQLite's time)."""
        quote = self.connection.dialect.identifier_preparer.quote
        sql = f"COPY {quote(self.table.name)} ({', '.join(quote(c) for c in columns)}) FROM STDIN"
        raw: Any = self.connection.connection.dbapi_connection
        dbapi = self.connection.dialect.loaded_dbapi
        try:
            with raw.cursor() as cursor, cursor.copy(sql) as copy:
                for values in rows:
                    copy.write_row(values)
        except dbapi.Error as error:  # as SQLAlchemy would raise it: no row's values shown
            raise DBAPIError.instance(
                sql, None, error, dbapi.Error, hide_parameters=True, dialect=self.connection.dialect
            ) from error
