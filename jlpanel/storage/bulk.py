"""Writing many rows at once: one executemany per chunk, not one ORM object or statement each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from typing import Any, cast

from sqlalchemy import Connection, Table, insert
from sqlalchemy.orm import Session

from jlpanel.storage.models import Base

DEFAULT_CHUNK_SIZE = 5_000


def insert_rows(
    session: Session,
    model: type[Base],
    rows: Iterable[Mapping[str, Any]],
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> int:
    """Insert ``rows`` (column name → value) into ``model``'s table; returns how many.

    Runs in the session's transaction, in chunks so a generator of rows is never held in
    memory whole. Every row must name the same columns as the first. Column defaults apply;
    ORM relationships and events do not.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    table = cast(Table, model.__table__)
    iterator = iter(rows)
    count = 0
    writer: _ChunkWriter | None = None
    while chunk := [dict(row) for row in islice(iterator, chunk_size)]:
        # An empty parameter list would insert one row of defaults; the walrus stops first.
        if writer is None:
            writer = _ChunkWriter(session.connection(), table, list(chunk[0]))
        writer.write(chunk)
        count += len(chunk)
    return count


class _ChunkWriter:
    """Executes one INSERT for many rows with the driver's own executemany.

    SQLAlchemy's executemany builds each row's parameters through the compiled statement
    (about 30 µs a row here), which made storing a 1,000-row dossier sheet cost more than
    reading it. Here the statement is compiled once for the dialect — its placeholders and
    parameter order are the driver's, so nothing SQLite-specific is written — and each value
    goes through its column type's own bind processor, as SQLAlchemy would do.

    Columns missing from the rows that have a Python-side default (a timestamp, a uuid) are
    left to SQLAlchemy's own path, which knows how to fill them.
    """

    def __init__(self, connection: Connection, table: Table, keys: Sequence[str]) -> None:
        self.connection = connection
        self.table = table
        self.keys = list(keys)
        dialect = connection.dialect
        needs_defaults = any(
            c.name not in self.keys and c.default is not None for c in table.columns
        )
        self.fast = not needs_defaults
        if not self.fast:
            self.statement = insert(table)
            return
        compiled = insert(table).compile(dialect=dialect, column_keys=self.keys)
        self.sql = compiled.string
        self.positional = bool(compiled.positional)
        order = list(compiled.positiontup or self.keys) if self.positional else self.keys
        self.order = order
        self.processors: list[Callable[[Any], Any] | None] = [
            table.c[key].type.bind_processor(dialect) for key in order
        ]

    def write(self, chunk: list[dict[str, Any]]) -> None:
        if not self.fast:
            self.connection.execute(self.statement, chunk)
            return
        pairs = list(zip(self.order, self.processors, strict=True))
        if self.positional:
            params: list[Any] = [
                tuple(
                    value if process is None or value is None else process(value)
                    for key, process in pairs
                    for value in (row[key],)
                )
                for row in chunk
            ]
        else:
            params = [
                {
                    key: (value if process is None or value is None else process(value))
                    for key, process in pairs
                    for value in (row[key],)
                }
                for row in chunk
            ]
        self.connection.exec_driver_sql(self.sql, params)
