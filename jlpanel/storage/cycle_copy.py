"""A cycle's rows as a unit: which tables hold them, their digest, and copying them from one
store to another (check-out to a meeting's file and check-in back, DESIGN §3).

Everything here is SQLAlchemy Core on the tables, so it reads and writes a SQLite file and a
PostgreSQL database alike. A table belongs to a cycle when it has a foreign key to ``cycles``
or to a table that does; its rows of one cycle are those whose key leads there. The store's
own tables (history imported from earlier files) are not a cycle's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)

from jlpanel.storage import models as m

#: Rows read and written at a time.
CHUNK = 5_000
#: Columns of ``cycles`` that say where the cycle is checked out, not what it holds.
CHECKOUT_COLUMNS = frozenset(
    {
        "checkout_token",
        "checked_out_at",
        "checked_out_by",
        "checked_out_to",
        "checked_out_from",
        "checkout_digest",
    }
)
#: Audit entities whose ``entity_id`` is a row id of this table (renumbered with the row).
AUDITED_TABLES = {
    "platform": "platforms",
    "expert": "experts",
    "score_sheet": "score_sheets",
    "review_package": "review_packages",
    "conflict": "conflicts",
    "assignment": "assignments",
}


def _cycles() -> Table:
    return m.Cycle.__table__  # type: ignore[return-value]


@cache
def cycle_tables() -> tuple[Table, ...]:
    """The tables holding a cycle's rows, parents before children (``cycles`` first)."""
    owned: list[Table] = [_cycles()]
    names = {"cycles"}
    for table in m.Base.metadata.sorted_tables:
        if table.name in names:
            continue
        if any(fk.column.table.name in names for fk in table.foreign_keys):
            owned.append(table)
            names.add(table.name)
    return tuple(owned)


def _parent_key(table: Table) -> tuple[Any, Table] | None:
    """The foreign key column of ``table`` that leads to its cycle, and the table it names."""
    if "cycle_id" in table.c:
        return table.c.cycle_id, _cycles()
    owned = {t.name for t in cycle_tables()}
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        parent = fk.column.table
        if parent.name in owned and not fk.parent.nullable:
            return fk.parent, parent
    return None


def of_cycle(table: Table, cycle_id: str) -> ColumnElement[bool]:
    """The condition selecting ``table``'s rows of the cycle ``cycle_id``."""
    if table.name == "cycles":
        return table.c.id == cycle_id
    key = _parent_key(table)
    if key is None:  # pragma: no cover - every cycle table has a non-null path
        raise ValueError(f"{table.name} has no key leading to its cycle")
    column, parent = key
    if parent.name == "cycles":
        return column == cycle_id  # type: ignore[no-any-return]
    return column.in_(select(parent.c.id).where(of_cycle(parent, cycle_id)))  # type: ignore[no-any-return]


def cycle_rows(
    connection: Connection, table: Table, cycle_id: str
) -> Iterator[list[dict[str, Any]]]:
    """``table``'s rows of the cycle, in id order, a chunk at a time."""
    # Per statement: a Connection's own execution_options() would stream every later
    # statement too (an UPDATE through a server-side cursor fails on PostgreSQL).
    result = connection.execute(
        select(table).where(of_cycle(table, cycle_id)).order_by(*table.primary_key.columns),
        execution_options={"yield_per": CHUNK},
    )
    for chunk in result.mappings().partitions(CHUNK):
        yield [dict(row) for row in chunk]


def _fingerprint(value: Any) -> str:
    if isinstance(value, bytes | bytearray | memoryview):
        return "b:" + hashlib.sha256(bytes(value)).hexdigest()
    return repr(value)


def cycle_digest(connection: Connection, cycle_id: str) -> dict[str, str]:
    """Per table, the number of the cycle's rows and a digest of them (where it is checked
    out is left out): equal digests, equal rows. Read within one transaction."""
    out: dict[str, str] = {}
    for table in cycle_tables():
        columns = [
            c.name
            for c in table.columns
            if table.name != "cycles" or c.name not in CHECKOUT_COLUMNS
        ]
        digest = hashlib.sha256()
        count = 0
        for chunk in cycle_rows(connection, table, cycle_id):
            for row in chunk:
                digest.update("\x1f".join(_fingerprint(row[c]) for c in columns).encode())
                digest.update(b"\x1e")
                count += 1
        out[table.name] = f"{count}:{digest.hexdigest()}"
    return out


def max_ids(connection: Connection, cycle_id: str | None = None) -> dict[str, int]:
    """The highest id of each cycle table numbered by integers (of one cycle's rows, or of
    all), 0 when empty. Cycles and review packages have UUIDs: they never collide."""
    out: dict[str, int] = {}
    for table in cycle_tables():
        if not isinstance(table.c.id.type, Integer):
            continue
        query = select(func.max(table.c.id))
        if cycle_id is not None:
            query = query.where(of_cycle(table, cycle_id))
        out[table.name] = int(connection.scalar(query) or 0)
    return out


@dataclass(frozen=True, slots=True)
class Renumbering:
    """How ids of rows written since a check-out move when they come back: an id up to
    ``kept`` was the cycle's own in the store and is kept; a higher one moves above ``above``
    (the store's highest id of the table), so it never meets another cycle's row."""

    kept: int
    above: int

    def __call__(self, value: int | None) -> int | None:
        if value is None or value <= self.kept:
            return value
        return value - self.kept + max(self.above, self.kept)


def copy_cycle(
    source: Connection,
    target: Connection,
    cycle_id: str,
    *,
    renumber: Mapping[str, Renumbering] | None = None,
    cycle_values: Mapping[str, Any] | None = None,
) -> dict[str, int]:
    """Copy the cycle's rows from ``source`` into ``target`` (which must not hold them);
    returns rows copied per table. ``renumber`` moves ids per table (and the foreign keys
    naming them); ``cycle_values`` overrides columns of the cycle's own row."""
    renumber = renumber or {}
    counts: dict[str, int] = {}
    for table in cycle_tables():
        keys = [
            (fk.parent.name, renumber[fk.column.table.name])
            for fk in table.foreign_keys
            if fk.column.table.name in renumber
        ]
        own = renumber.get(table.name)
        count = 0
        for chunk in cycle_rows(source, table, cycle_id):
            for row in chunk:
                if own is not None:
                    row["id"] = own(row["id"])
                for column, move in keys:
                    row[column] = move(row[column])
                if table.name == "cycles" and cycle_values:
                    row.update(cycle_values)
                if table.name == "audit_entries" and row.get("entity") in AUDITED_TABLES:
                    named = renumber.get(AUDITED_TABLES[row["entity"]])
                    entity_id = row.get("entity_id")
                    if named is not None and entity_id is not None and entity_id.isdigit():
                        row["entity_id"] = str(named(int(entity_id)))
            target.execute(insert(table), chunk)
            count += len(chunk)
        counts[table.name] = count
    return counts


def copy_store_rows(source: Connection, target: Connection) -> int:
    """Copy the store's own history (imported from earlier files) that ``target`` lacks, by
    its natural key (filing number, cycle name); returns how many rows were added."""
    table: Table = m.HistoryEntry.__table__  # type: ignore[assignment]
    have = {
        (r.filing_no, r.cycle_name)
        for r in target.execute(select(table.c.filing_no, table.c.cycle_name))
    }
    rows = [
        {k: v for k, v in dict(r).items() if k != "id"}
        for r in source.execute(select(table).order_by(table.c.id)).mappings()
        if (r["filing_no"], r["cycle_name"]) not in have
    ]
    if rows:
        target.execute(insert(table), rows)
    return len(rows)


def delete_cycle(connection: Connection, cycle_id: str) -> None:
    """Delete the cycle and every row of it (children first: no reliance on cascades)."""
    for table in reversed(cycle_tables()):
        connection.execute(delete(table).where(of_cycle(table, cycle_id)))


def set_cycle(connection: Connection, cycle_id: str, **values: Any) -> None:
    """Update columns of the cycle's own row."""
    connection.execute(update(_cycles()).where(_cycles().c.id == cycle_id).values(**values))


def checkout_record(digest: Mapping[str, str], highest: Mapping[str, int]) -> str:
    """What a check-out keeps of the cycle as it was: digests and highest ids, as JSON."""
    return json.dumps({"digest": dict(digest), "max_ids": dict(highest)}, sort_keys=True)


def read_checkout_record(text: str | None) -> tuple[dict[str, str], dict[str, int]]:
    """The digests and highest ids :func:`checkout_record` wrote (empty when none)."""
    if not text:
        return {}, {}
    raw = json.loads(text)
    return dict(raw.get("digest", {})), {k: int(v) for k, v in raw.get("max_ids", {}).items()}
