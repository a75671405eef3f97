"""The results workbook (DESIGN §6 Excel/CSV): plain tables written with xlsxwriter.

The caller hands over finished tables (:class:`Sheet`: a name, typed columns, rows of plain
values); this module only knows how to lay them out: bold frozen header row, an autofilter,
column widths and number formats by column kind. The workbook is built in memory and written
atomically, so a reader never sees half of one. The CSV variant writes one table as UTF-8
with a byte-order mark, which Excel needs to read Chinese correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from jlpanel.storage.files import write_atomic


class ColumnKind(StrEnum):
    """How a column's values are stored and shown."""

    TEXT = "text"
    INTEGER = "integer"
    SCORE = "score"  # platform scores and statistics: the cycle's decimals
    POINTS = "points"  # points an expert gave (step 0.5): one decimal
    AMOUNT = "amount"  # money (万元): two decimals
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, kind and width (in characters)."""

    header: str
    kind: ColumnKind = ColumnKind.TEXT
    width: float = 12.0


@dataclass(frozen=True, slots=True)
class Sheet:
    """A worksheet: its name, columns and rows (values in column order; None for empty)."""

    name: str
    columns: tuple[Column, ...]
    rows: Sequence[Sequence[Any]] = field(default_factory=tuple)
    #: Columns kept in view when scrolling sideways (besides the frozen header row).
    frozen_columns: int = 0


def _decimal_format(decimals: int) -> str:
    return "0" if decimals <= 0 else "0." + "0" * decimals


def workbook_bytes(sheets: Sequence[Sheet], *, score_decimals: int = 2) -> bytes:
    """The .xlsx bytes of ``sheets``."""
    import xlsxwriter

    buffer = io.BytesIO()
    # in_memory: no temporary files; never constant_memory (it would drop rows written
    # out of order, and these tables are small).
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False})
    header = book.add_format(
        {"bold": True, "bg_color": "#D9D9D9", "border": 1, "align": "center", "valign": "vcenter"}
    )
    header.set_text_wrap()
    formats = {
        ColumnKind.TEXT: book.add_format({"valign": "top"}),
        ColumnKind.INTEGER: book.add_format({"num_format": "0"}),
        ColumnKind.SCORE: book.add_format({"num_format": _decimal_format(score_decimals)}),
        ColumnKind.POINTS: book.add_format({"num_format": "0.0"}),
        ColumnKind.AMOUNT: book.add_format({"num_format": "#,##0.00"}),
        ColumnKind.DATE: book.add_format({"num_format": "yyyy-mm-dd"}),
    }
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        for c, column in enumerate(sheet.columns):
            ws.set_column(c, c, column.width, formats[column.kind])
            ws.write_string(0, c, column.header, header)
        for r, row in enumerate(sheet.rows, 1):
            for c, (column, value) in enumerate(zip(sheet.columns, row, strict=True)):
                if value is None or value == "":
                    continue
                fmt = formats[column.kind]
                if isinstance(value, bool):
                    ws.write_boolean(r, c, value, fmt)
                elif isinstance(value, dt.datetime):
                    ws.write_datetime(r, c, value.replace(tzinfo=None), fmt)
                elif isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), fmt)
                elif isinstance(value, int | float):
                    ws.write_number(r, c, value, fmt)
                else:
                    ws.write_string(r, c, str(value), fmt)
        ws.freeze_panes(1, sheet.frozen_columns)
        if sheet.columns:
            ws.autofilter(0, 0, max(len(sheet.rows), 1), len(sheet.columns) - 1)
        ws.set_row(0, 30)
    book.close()
    return buffer.getvalue()


def write_workbook(path: Path, sheets: Sequence[Sheet], *, score_decimals: int = 2) -> None:
    """Write ``sheets`` as an .xlsx workbook at ``path``, atomically."""
    write_atomic(path, workbook_bytes(sheets, score_decimals=score_decimals))


def _csv_value(value: Any, kind: ColumnKind, score_decimals: int) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and kind is ColumnKind.SCORE:
        return f"{value:.{score_decimals}f}"
    if isinstance(value, float) and kind is ColumnKind.POINTS:
        return f"{value:.1f}"
    if isinstance(value, float) and kind is ColumnKind.AMOUNT:
        return f"{value:.2f}"
    return str(value)


def csv_bytes(sheet: Sheet, *, score_decimals: int = 2) -> bytes:
    """One table as CSV: UTF-8 with a byte-order mark, CRLF line ends (as Excel writes)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([c.header for c in sheet.columns])
    for row in sheet.rows:
        writer.writerow(
            [_csv_value(v, c.kind, score_decimals) for c, v in zip(sheet.columns, row, strict=True)]
        )
    return text.getvalue().encode("utf-8-sig")


def write_csv(path: Path, sheet: Sheet, *, score_decimals: int = 2) -> None:
    """Write one table as a CSV file Excel opens with Chinese intact, atomically."""
    write_atomic(path, csv_bytes(sheet, score_decimals=score_decimals))
