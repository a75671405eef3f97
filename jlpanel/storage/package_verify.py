"""Verifying a review package before anything uses it: schema, description, rows, time.

A package comes back from a laptop outside the department, and an SQLite file can carry more
than rows. A trigger runs inside the desk's own transactions (one changed another platform's
score inside the signed score file, and it merged); a view runs whatever query it was given
(a recursive one made opening take 150 s); a damaged description crashed the JSON parser.
So before the desk reads a row, the file is checked on a read-only connection:

- its schema is exactly the one this version writes for the format: every object of
  ``sqlite_master`` (so no trigger, no view, nothing extra), each table's columns (name,
  declared type, NOT NULL, default, key, generated), foreign keys, indexes, flags and the
  definitions themselves. The expected schema is read from an empty package that the writer's
  own models create in memory, never from a hand-kept copy;
- the description row (``package_meta``) holds one value of the right kind per column, and
  its JSON parses within limits (size, nesting, number length, valid Unicode);
- every row holds values of its columns' kinds (dates that are dates, no text in a number);
- every query runs under a :class:`QueryBudget`, which SQLite's progress handler enforces.

Every finding is bilingual :class:`~jlpanel.domain.text.Text` naming the object and what is
wrong; the caller refuses the file with them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    create_engine,
)
from sqlalchemy.pool import StaticPool

from jlpanel.domain.text import Text
from jlpanel.storage import package_models as pm
from jlpanel.storage.columns import UtcDateTime

#: SQLite virtual-machine instructions between two calls of the progress handler.
PROGRESS_INTERVAL: Final = 1_000
#: At most this many findings are listed; a file wrong everywhere is not listed in full.
MAX_PROBLEMS: Final = 20


# ------------------------------------------------------------------------------ time bound


@dataclass(frozen=True, slots=True)
class QueryBudget:
    """How long a check or a statement may run before SQLite abandons it.

    ``steps`` (for tests, where wall time must not decide) bounds the progress handler's
    calls, one every ``interval`` virtual-machine instructions.
    """

    seconds: float
    steps: int | None = None
    interval: int = PROGRESS_INTERVAL


#: The whole check of a package on opening (the integrity check reads every page).
VERIFY_BUDGET: Final = QueryBudget(seconds=120.0)
#: One statement of the desk; nothing it asks of a verified package comes near.
STATEMENT_BUDGET: Final = QueryBudget(seconds=60.0)


class QueryClock:
    """SQLite's progress handler enforcing a :class:`QueryBudget` from the last restart."""

    def __init__(self, budget: QueryBudget) -> None:
        self.budget = budget
        self.exceeded = False
        self._deadline = 0.0
        self._steps = 0
        self.restart()

    def restart(self) -> None:
        """Start the budget again (before each statement)."""
        self._deadline = time.monotonic() + self.budget.seconds
        self._steps = 0
        self.exceeded = False

    def install(self, connection: sqlite3.Connection) -> None:
        """Make ``connection`` call this clock while it runs a statement."""
        connection.set_progress_handler(self, self.budget.interval)

    def __call__(self) -> int:
        self._steps += 1
        limit = self.budget.steps
        if (limit is not None and self._steps > limit) or time.monotonic() > self._deadline:
            self.exceeded = True
            return 1  # SQLite stops the statement with "interrupted"
        return 0


def too_slow(budget: QueryBudget) -> Text:
    """The finding for a check that ran out of its budget."""
    return Text(
        f"检查未能在 {budget.seconds:g} 秒内完成，已停止（文件异常庞大或被改动）",
        f"the check did not finish within {budget.seconds:g} s and was stopped (the file is "
        "unusually large or was altered)",
    )


# ------------------------------------------------------------------------- limited JSON


@dataclass(frozen=True, slots=True)
class JsonLimits:
    """Bounds on a JSON text: its UTF-8 size, nesting and the length of each number."""

    max_bytes: int
    max_depth: int = 32
    max_number_chars: int = 40


#: The cycle's rubric snapshot (the default is about 50 KB, 7 levels deep).
RUBRIC_LIMITS: Final = JsonLimits(max_bytes=4 * 1024 * 1024)
#: The cycle's rule settings (about 1 KB, 2 levels deep).
RULES_LIMITS: Final = JsonLimits(max_bytes=256 * 1024)
#: One undo-journal value: a row of the expert's work (a comment may be long).
JOURNAL_LIMITS: Final = JsonLimits(max_bytes=4 * 1024 * 1024, max_depth=4)


class LimitedJsonError(ValueError):
    """A JSON text refused by :func:`parse_limited_json`; ``reason`` says why."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


# A JSON string (escapes included), unrolled so that long strings match in linear time.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def parse_limited_json(data: str | bytes, limits: JsonLimits) -> Any:
    """Parse ``data`` as JSON within ``limits``; a :class:`LimitedJsonError` says why not.

    Refused: more than ``max_bytes`` of UTF-8, bytes that are not UTF-8, nesting deeper than
    ``max_depth`` (measured before parsing, so the parser never recurses that far), numbers
    longer than ``max_number_chars``, infinite numbers, NaN, duplicate keys, and strings
    holding lone surrogates (which no file or widget can take).
    """
    if isinstance(data, bytes):
        if len(data) > limits.max_bytes:
            raise LimitedJsonError(_too_large(len(data), limits))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LimitedJsonError(
                Text(
                    f"第 {exc.start} 字节起不是有效的 UTF-8 文本",
                    f"not valid UTF-8 text from byte {exc.start}",
                )
            ) from None
    else:
        text = data
        if len(text) > limits.max_bytes // 4 and len(_utf8(text)) > limits.max_bytes:
            raise LimitedJsonError(_too_large(len(_utf8(text)), limits))
    _check_depth(text, limits.max_depth)
    try:
        value = json.loads(
            text,
            parse_int=_number_hook(int, limits),
            parse_float=_number_hook(float, limits),
            parse_constant=_refuse_constant,
            object_pairs_hook=_no_duplicates,
        )
    except json.JSONDecodeError as exc:
        raise LimitedJsonError(
            Text(
                f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
                f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            )
        ) from None
    except RecursionError:  # the depth scan makes this unreachable; kept as a refusal
        raise LimitedJsonError(_too_deep(limits.max_depth)) from None
    _check_strings(value)
    return value


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _too_large(size: int, limits: JsonLimits) -> Text:
    return Text(
        f"过大（{size} 字节，上限 {limits.max_bytes} 字节）",
        f"too large ({size} bytes; at most {limits.max_bytes})",
    )


def _too_deep(max_depth: int) -> Text:
    return Text(f"嵌套超过 {max_depth} 层", f"nested more than {max_depth} levels deep")


def _check_depth(text: str, max_depth: int) -> None:
    depth = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > max_depth:
            raise LimitedJsonError(_too_deep(max_depth))


def _number_hook(kind: Callable[[str], Any], limits: JsonLimits) -> Callable[[str], Any]:
    """A ``json.loads`` number hook refusing long literals and infinite values."""

    def parse(literal: str) -> Any:
        if len(literal) > limits.max_number_chars:
            raise LimitedJsonError(
                Text(
                    f"数字过长（{len(literal)} 个字符，上限 {limits.max_number_chars}）",
                    f"a number too long ({len(literal)} characters; at most "
                    f"{limits.max_number_chars})",
                )
            )
        value = kind(literal)
        if isinstance(value, float) and not math.isfinite(value):
            raise LimitedJsonError(
                Text(f"数字超出范围：{literal}", f"a number out of range: {literal}")
            )
        return value

    return parse


def _refuse_constant(name: str) -> Any:
    raise LimitedJsonError(Text(f"含非数字常量 {name}", f"holds the non-number constant {name}"))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise LimitedJsonError(
                Text(f"键“{shown(key)}”出现了两次", f"the key “{shown(key)}” appears twice")
            )
        result[key] = value
    return result


def _check_strings(value: Any) -> None:
    # Depth is bounded by the scan above, so this recursion is too.
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise LimitedJsonError(
                Text(
                    "含无效的 Unicode 字符（孤立的代理项）",
                    "holds invalid Unicode (a lone surrogate)",
                )
            ) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key)
            _check_strings(item)
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)


def shown(name: object, limit: int = 60) -> str:
    """A name from the file made safe to print: no control characters, at most ``limit``."""
    text = "".join(c if c.isprintable() else "?" for c in str(name))
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------- schema


_KINDS: Final = {
    "table": Text("表", "table"),
    "index": Text("索引", "index"),
    "view": Text("视图", "view"),
    "trigger": Text("触发器", "trigger"),
}


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    type: str
    notnull: int
    default: str | None
    pk: int
    hidden: int

    def describe(self) -> str:
        parts = [self.type or "(no type)", "NOT NULL" if self.notnull else "NULL"]
        if self.default is not None:
            parts.append(f"DEFAULT {self.default}")
        if self.pk:
            parts.append(f"PRIMARY KEY #{self.pk}")
        if self.hidden:
            parts.append("GENERATED" if self.hidden > 1 else "HIDDEN")
        return shown(" ".join(parts), 80)


@dataclass(frozen=True, slots=True)
class _TableShape:
    columns: tuple[_Column, ...]
    foreign_keys: tuple[tuple[object, ...], ...]
    flags: tuple[object, ...]
    sql: str


@dataclass(frozen=True, slots=True)
class _IndexShape:
    table: str
    flags: tuple[object, ...]
    columns: tuple[tuple[object, ...], ...]
    sql: str


@dataclass(frozen=True, slots=True)
class SchemaShape:
    """A package's schema as SQLite reports it: objects, tables and indexes."""

    #: Every ``sqlite_master`` row as (type, name) → the table it belongs to.
    objects: dict[tuple[str, str], str]
    tables: dict[str, _TableShape]
    indexes: dict[str, _IndexShape]


def lenient_text(raw: bytes) -> str:
    """A ``text_factory`` that never fails: bad UTF-8 in a name becomes U+FFFD."""
    return raw.decode("utf-8", "replace")


def _normalised_sql(sql: object) -> str:
    # The same definition written with other spacing or letter case is the same definition.
    text = re.sub(r"\s+", " ", str(sql or "")).strip().casefold()
    return re.sub(r" ?([(),]) ?", r"\1", text)


def _objects(connection: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {
        (str(kind), str(name)): str(table)
        for kind, name, table in connection.execute(
            "SELECT type, name, tbl_name FROM sqlite_master"
        )
    }


def _sql_of(connection: sqlite3.Connection, kind: str, name: str) -> str:
    row = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)
    ).fetchone()
    return _normalised_sql(row[0] if row else None)


def _table_shape(connection: sqlite3.Connection, name: str) -> _TableShape:
    columns = tuple(
        _Column(str(n), str(t).upper(), int(nn), None if d is None else str(d), int(pk), int(h))
        for _, n, t, nn, d, pk, h in connection.execute(
            "SELECT * FROM pragma_table_xinfo(?)", (name,)
        )
    )
    foreign_keys = tuple(
        sorted(
            tuple(row)
            for row in connection.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,))
        )
    )
    flags = tuple(
        connection.execute(
            "SELECT type, ncol, wr, strict FROM pragma_table_list(?) WHERE schema = 'main'",
            (name,),
        ).fetchone()
        or ()
    )
    return _TableShape(columns, foreign_keys, flags, _sql_of(connection, "table", name))


def _index_shape(connection: sqlite3.Connection, name: str, table: str) -> _IndexShape:
    flags = tuple(
        connection.execute(
            'SELECT "unique", origin, partial FROM pragma_index_list(?) WHERE name = ?',
            (table, name),
        ).fetchone()
        or ()
    )
    columns = tuple(
        tuple(row) for row in connection.execute("SELECT * FROM pragma_index_xinfo(?)", (name,))
    )
    return _IndexShape(table, flags, columns, _sql_of(connection, "index", name))


@cache
def expected_schema() -> SchemaShape:
    """The schema this version writes, read from an empty package created in memory.

    The writer's own models create it (:func:`create_schema`), so the check can never drift
    from what :func:`jlpanel.storage.package_file.build_package` writes.
    """
    connection = sqlite3.connect(":memory:")
    try:
        create_schema(connection)
        objects = _objects(connection)
        tables = {n: _table_shape(connection, n) for (k, n) in objects if k == "table"}
        indexes = {
            n: _index_shape(connection, n, objects[(k, n)]) for (k, n) in objects if k == "index"
        }
        return SchemaShape(objects, tables, indexes)
    finally:
        connection.close()


def create_schema(connection: sqlite3.Connection) -> None:
    """Create every package table and index on ``connection`` (the one definition of both)."""
    engine = create_engine(
        "sqlite://", creator=lambda: connection, poolclass=StaticPool, hide_parameters=True
    )
    with engine.begin() as conn:
        pm.PackageBase.metadata.create_all(conn)


class _Findings:
    """Findings up to :data:`MAX_PROBLEMS`, then one line saying there are more."""

    def __init__(self) -> None:
        self.items: list[Text] = []
        self.more = 0

    def add(self, zh: str, en: str) -> None:
        if len(self.items) < MAX_PROBLEMS:
            self.items.append(Text(zh, en))
        else:
            self.more += 1

    def result(self) -> list[Text]:
        if not self.more:
            return self.items
        return [
            *self.items,
            Text(f"……另有 {self.more} 处不符", f"… and {self.more} more difference(s)"),
        ]


def schema_problems(connection: sqlite3.Connection) -> list[Text]:
    """How the schema behind ``connection`` differs from :func:`expected_schema` (empty: none).

    Only reads: ``sqlite_master`` and the pragma table functions. ``connection`` should use
    :func:`lenient_text`, so a name that is not UTF-8 is reported rather than raised.
    """
    expected = expected_schema()
    actual = _objects(connection)
    found = _Findings()
    for (kind, name), table in sorted(actual.items()):
        if (kind, name) in expected.objects:
            continue
        what = _KINDS.get(kind, Text(kind, kind))
        on_zh = f"（属于表“{shown(table)}”）" if table != name else ""
        on_en = f" (on table “{shown(table)}”)" if table != name else ""
        found.add(
            f"多出{what.zh}“{shown(name)}”{on_zh}", f"an extra {what.en} “{shown(name)}”{on_en}"
        )
    for (kind, name), table in sorted(expected.objects.items()):
        if (kind, name) not in actual:
            what = _KINDS[kind]
            found.add(f"缺少{what.zh}“{name}”", f"the {what.en} “{name}” is missing")
        elif actual[(kind, name)] != table:
            found.add(
                f"{_KINDS[kind].zh}“{name}”应属于表“{table}”",
                f"the {_KINDS[kind].en} “{name}” should belong to table “{table}”",
            )
    for name, want in expected.tables.items():
        if ("table", name) in actual:
            _compare_table(found, name, want, _table_shape(connection, name))
    for name, want_index in expected.indexes.items():
        if actual.get(("index", name)) == want_index.table:
            have = _index_shape(connection, name, want_index.table)
            if have != want_index:
                found.add(
                    f"索引“{name}”的定义与格式不符",
                    f"the index “{name}” is not defined as the format says",
                )
    return found.result()


def _compare_table(found: _Findings, name: str, want: _TableShape, have: _TableShape) -> None:
    before = len(found.items) + found.more
    wanted = {c.name: c for c in want.columns}
    present = {c.name: c for c in have.columns}
    for column in have.columns:
        if column.name not in wanted:
            found.add(
                f"表“{name}”多出列“{shown(column.name)}”",
                f"table “{name}” has an extra column “{shown(column.name)}”",
            )
    for column in want.columns:
        other = present.get(column.name)
        if other is None:
            found.add(
                f"表“{name}”缺少列“{column.name}”", f"table “{name}” has no column “{column.name}”"
            )
        elif other != column:
            found.add(
                f"表“{name}”的列“{column.name}”应为 {column.describe()}，实为 {other.describe()}",
                f"column “{column.name}” of table “{name}” should be {column.describe()}, "
                f"is {other.describe()}",
            )
    if len(found.items) + found.more > before:
        return
    if [c.name for c in have.columns] != [c.name for c in want.columns]:
        found.add(
            f"表“{name}”的列顺序与格式不符", f"the columns of table “{name}” are out of order"
        )
    elif have.foreign_keys != want.foreign_keys:
        found.add(f"表“{name}”的外键与格式不符", f"the foreign keys of table “{name}” differ")
    elif have.flags != want.flags:
        found.add(
            f"表“{name}”的存储方式与格式不符",
            f"table “{name}” is stored differently (rowid/strict)",
        )
    elif have.sql != want.sql:
        found.add(
            f"表“{name}”的定义（约束）与格式不符",
            f"the definition (constraints) of table “{name}” differs from the format",
        )


# ------------------------------------------------------------------------ kinds of value


def _kind(column: Column[Any]) -> str:
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return "datetime"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float):
        return "real"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, LargeBinary):
        return "blob"
    if isinstance(kind, String):  # Text is a String
        return "text"
    raise TypeError(f"no value check for {column.table.name}.{column.name}: {kind!r}")


_YEAR_FROM_1: Final = "substr({c}, 1, 4) >= '0001'"
_CONDITIONS: Final = {
    "int": "typeof({c}) = 'integer'",
    "bool": "typeof({c}) = 'integer' AND {c} IN (0, 1)",
    "real": "typeof({c}) IN ('integer', 'real') AND {c} BETWEEN -1e300 AND 1e300",
    "text": "typeof({c}) = 'text'",
    "blob": "typeof({c}) = 'blob'",
    # date() leaves 2024-02-30 alone; a modifier makes it normalise, so only real days match.
    "date": "typeof({c}) = 'text' AND length({c}) = 10 AND date({c}, '+0 days') IS {c} AND "
    + _YEAR_FROM_1,
    # What the writer stores: 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC, no offset).
    "datetime": "typeof({c}) = 'text' AND length({c}) = 26 "
    # (on the seconds alone: SQLite rounds .9995 s and above up to the next second)
    "AND datetime(substr({c}, 1, 19), '+0 days') IS substr({c}, 1, 19) "
    "AND substr({c}, 20) GLOB '.[0-9][0-9][0-9][0-9][0-9][0-9]' AND " + _YEAR_FROM_1,
}


def _condition(column: Column[Any]) -> str:
    quoted = '"' + column.name + '"'
    condition = "(" + _CONDITIONS[_kind(column)].format(c=quoted) + ")"
    return f"({quoted} IS NULL OR {condition})" if column.nullable else condition


def _table(model: type[pm.PackageBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _row_checked_tables() -> tuple[Table, ...]:
    dossier = {_table(model).name for model in pm.DOSSIER_CHILD_TABLES}
    return tuple(t for t in pm.PackageBase.metadata.sorted_tables if t.name not in dossier)


#: The tables whose every row is checked on opening: the description, the platforms and the
#: expert's own work (what the desk computes and signs with). The dossier rows are the bulk of
#: a package (200 platforms × 1,000 services: half a second to scan) and are only shown.
ROW_CHECKED_TABLES: Final = _row_checked_tables()


def row_problems(
    connection: sqlite3.Connection, tables: Iterable[Table] = ROW_CHECKED_TABLES
) -> list[Text]:
    """Rows whose values are not of their columns' kinds, one finding per table (empty: none).

    One scan per table; only a table with a bad row is looked at again, to name the column.
    """
    found = _Findings()
    for table in tables:
        conditions = [(c.name, _condition(c)) for c in table.columns]
        row = connection.execute(
            f'SELECT rowid FROM "{table.name}" WHERE NOT ('
            + " AND ".join(condition for _, condition in conditions)
            + ") LIMIT 1"
        ).fetchone()
        if row is None:
            continue
        checks = connection.execute(
            "SELECT "
            + ", ".join(condition for _, condition in conditions)
            + f' FROM "{table.name}" WHERE rowid = ?',
            (row[0],),
        ).fetchone()
        bad = [name for (name, _), ok in zip(conditions, checks, strict=True) if not ok]
        found.add(
            f"表“{table.name}”第 {row[0]} 行的列“{'、'.join(bad)}”的值类型或格式不符",
            f"row {row[0]} of table “{table.name}”: column(s) {', '.join(bad)} hold a value of "
            "the wrong kind or form",
        )
    return found.result()


# --------------------------------------------------------------------------- description


#: Text of the description (names, ids, versions) is short; anything longer is not ours.
_MAX_META_TEXT: Final = 64 * 1024
_HMAC_KEY_BYTES: Final = (16, 1024)
_META_JSON: Final = {"rubric_json": RUBRIC_LIMITS, "rules_json": RULES_LIMITS}
_META_LABELS: Final = {
    "rubric_json": Text("评分细则", "the rubric"),
    "rules_json": Text("考核规则", "the rules"),
}


def meta_problems(connection: sqlite3.Connection, format_version: int) -> list[Text]:
    """What is wrong with the package description (``package_meta``); empty when nothing.

    Exactly one row; each value of its column's kind and size; the format version the file
    header says; a revision that fits a score file; the rubric and rules JSON objects within
    :data:`RUBRIC_LIMITS` and :data:`RULES_LIMITS`.
    """
    table = _table(pm.PackageMeta)
    found = _Findings()
    (count,) = connection.execute(f"SELECT count(*) FROM {table.name}").fetchone()
    if count != 1:
        found.add(
            f"评审包说明（{table.name}）应恰有 1 行，实有 {count} 行",
            f"the package description ({table.name}) should have exactly 1 row, has {count}",
        )
        return found.result()
    columns = list(table.columns)
    kinds = connection.execute(
        "SELECT "
        + ", ".join(f'typeof("{c.name}"), length(CAST("{c.name}" AS BLOB))' for c in columns)
        + f" FROM {table.name}"
    ).fetchone()
    readable: list[Column[Any]] = []
    for n, column in enumerate(columns):
        storage, size = kinds[2 * n], kinds[2 * n + 1] or 0
        limit = _META_JSON[column.name].max_bytes if column.name in _META_JSON else _MAX_META_TEXT
        if not _stored_as(column, storage):
            found.add(
                f"评审包说明的“{column.name}”类型不符（{storage}）",
                f"the package description's “{column.name}” has the wrong kind ({storage})",
            )
        elif size > limit:
            found.add(
                f"评审包说明的“{column.name}”过大（{size} 字节）",
                f"the package description's “{column.name}” is too large ({size} bytes)",
            )
        else:
            readable.append(column)
    if not readable:
        return found.result()
    values = connection.execute(
        "SELECT "
        + ", ".join(
            f'CAST("{c.name}" AS BLOB)' if _kind(c) in _TEXTUAL else f'"{c.name}"' for c in readable
        )
        + f" FROM {table.name}"
    ).fetchone()
    for column, value in zip(readable, values, strict=True):
        reason = _meta_value_problem(column, value, format_version)
        if reason is None:
            continue
        label = _META_LABELS.get(column.name)
        if label is None:
            found.add(
                f"评审包说明的“{column.name}”{reason.zh}",
                f"the package description's “{column.name}” is {reason.en}",
            )
        else:
            found.add(
                f"评审包说明中{label.zh}（{column.name}）{reason.zh}",
                f"the package description's {label.en} ({column.name}) is {reason.en}",
            )
    return found.result()


#: Kinds stored as text, read back as bytes to check their UTF-8 first.
_TEXTUAL: Final = frozenset({"text", "date", "datetime"})
_STORAGE: Final = {
    "int": ("integer",),
    "bool": ("integer",),
    "real": ("integer", "real"),
    "text": ("text",),
    "date": ("text",),
    "datetime": ("text",),
    "blob": ("blob",),
}


def _stored_as(column: Column[Any], storage: str) -> bool:
    return storage in _STORAGE[_kind(column)] or (storage == "null" and bool(column.nullable))


def _meta_value_problem(column: Column[Any], value: object, format_version: int) -> Text | None:
    if value is None:
        return None
    kind = _kind(column)
    if column.name in _META_JSON:
        assert isinstance(value, bytes)
        try:
            document = parse_limited_json(value, _META_JSON[column.name])
        except LimitedJsonError as exc:
            return exc.reason
        if not isinstance(document, dict):
            return Text("不是 JSON 对象", "not a JSON object")
        return None
    if kind in _TEXTUAL:
        assert isinstance(value, bytes)
        try:
            text = value.decode("utf-8")
        except UnicodeDecodeError:
            return Text("不是有效的 UTF-8 文本", "not valid UTF-8 text")
        if kind == "date" and not _is_date(text):
            return Text(f"不是日期：{shown(text)}", f"not a date: {shown(text)}")
        if kind == "datetime" and not _is_datetime(text):
            return Text(f"不是时间：{shown(text)}", f"not a time: {shown(text)}")
        return None
    expected: dict[str, Callable[[Any], bool]] = {
        "id": lambda v: v == 1,
        "format_version": lambda v: v == format_version,
        "revision": lambda v: 0 <= v < 2**31,
        "locked": lambda v: v in (0, 1),
    }
    if column.name in expected and not expected[column.name](value):
        return Text(f"的值不符：{shown(value)}", f"out of range: {shown(value)}")
    if column.name == "hmac_key" and isinstance(value, bytes):
        low, high = _HMAC_KEY_BYTES
        if not low <= len(value) <= high:
            return Text(
                f"长度不符（{len(value)} 字节）", f"of the wrong length ({len(value)} bytes)"
            )
    return None


def _is_date(text: str) -> bool:
    try:
        return len(text) == 10 and dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _is_datetime(text: str) -> bool:
    try:
        value = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f")
    except ValueError:
        return False
    return len(text) == 26 and value.tzinfo is None


def check_json_values(texts: Sequence[tuple[str, str]]) -> None:
    """Refuse (with :class:`LimitedJsonError`) description JSON a package must not be built with.

    ``texts`` pairs a ``package_meta`` column name with its JSON text; the builder calls this
    so that no package is issued that its expert's desk would refuse to open.
    """
    for name, text in texts:
        document = parse_limited_json(text, _META_JSON[name])
        if not isinstance(document, dict):
            raise LimitedJsonError(Text("不是 JSON 对象", "not a JSON object"))
