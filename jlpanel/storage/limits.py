"""Texts longer than their column: refused on the way in, the same on every engine.

SQLite keeps a 400-character 依托单位 in a ``VARCHAR(200)`` column; PostgreSQL refuses it with
a DataError that names neither the field nor the platform. So every ``String(n)`` value is
checked before it is written — ORM objects before each flush (:func:`check_flush`, installed
on every session factory of a store), rows written in bulk as they go
(:func:`check_row`) — and a value too long raises :class:`TextTooLong` naming the table,
the column, its limit, and the platform and workbook row it belongs to where those are known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, FromClause, String, Table, select
from sqlalchemy.orm import Session

__all__ = ["TextTooLong", "check_flush", "check_row", "text_limits"]


@dataclass(frozen=True, slots=True)
class Owner:
    """The platform a refused value belongs to, as far as it is known."""

    platform_id: int | None = None
    filing_no: str | None = None
    name: str | None = None
    source_file: str | None = None


class TextTooLong(ValueError):
    """A text longer than its column takes; nothing of the change was written."""

    def __init__(
        self, table: str, column: str, limit: int, length: int, owner: Owner, row: int | None
    ) -> None:
        where = f" (platform {owner.filing_no or owner.platform_id}" if owner.platform_id else ""
        where += f", row {row})" if where and row is not None else (")" if where else "")
        super().__init__(f"{table}.{column} takes {limit} characters, not {length}{where}")
        self.table = table
        self.column = column
        self.limit = limit
        self.length = length
        self.owner = owner
        #: The workbook row the value came from (a dossier sheet's), when known.
        self.row = row


def text_limits(table: FromClause) -> dict[str, int]:
    """The length limit of each ``String(n)`` column of ``table``."""
    return {
        column.name: column.type.length
        for column in table.columns
        if isinstance(column.type, String) and column.type.length is not None
    }


def _owner(connection: Connection, platform_id: int | None) -> Owner:
    if platform_id is None:
        return Owner()
    from jlpanel.storage import models as m

    found = connection.execute(
        select(m.Platform.filing_no, m.Platform.name, m.Platform.source_file).where(
            m.Platform.id == platform_id
        )
    ).first()
    if found is None:
        return Owner(platform_id)
    return Owner(platform_id, found.filing_no, found.name, found.source_file)


def check_row(
    connection: Connection,
    table: Table,
    limits: Sequence[tuple[int, str, int]],
    keys: Sequence[str],
    row: Sequence[Any],
) -> None:
    """Refuse a bulk row (values in ``keys``' order) with a text over its limit; ``limits``
    are (position in the row, column, limit) of the columns checked."""
    for position, column, limit in limits:
        value = row[position]
        if isinstance(value, str) and len(value) > limit:
            values = dict(zip(keys, row, strict=False))
            platform_id = values.get("platform_id")
            raise TextTooLong(
                table.name,
                column,
                limit,
                len(value),
                _owner(connection, platform_id if isinstance(platform_id, int) else None),
                values.get("source_row"),
            )


def check_flush(session: Session, _context: Any, _instances: Iterable[Any] | None) -> None:
    """``before_flush``: refuse a new or changed object with a text over its column's limit."""
    from jlpanel.storage import models as m

    for instance in (*session.new, *session.dirty):
        table = getattr(type(instance), "__table__", None)
        if not isinstance(table, Table):
            continue
        state = instance.__dict__  # what is loaded or set; nothing is loaded here
        for column, limit in text_limits(table).items():
            value = state.get(column)
            if not isinstance(value, str) or len(value) <= limit:
                continue
            if isinstance(instance, m.Platform):
                owner = Owner(
                    state.get("id"),
                    state.get("filing_no"),
                    state.get("name"),
                    state.get("source_file"),
                )
            else:
                owner = _owner(session.connection(), state.get("platform_id"))
            raise TextTooLong(table.name, column, limit, len(value), owner, state.get("source_row"))
