"""The results workbook (DESIGN §6 Excel/CSV): plain tables written with xlsxwriter.

The caller hands over finished tables (:class:`Sheet`: a name, typed columns, rows of plain
values); this module only knows how to lay them out: bold frozen header row, an autofilter,
column widths and number formats by column kind. Rows are written in order in xlsxwriter's
constant-memory mode (each row goes to a temporary file as soon as the next begins, text as
inline strings), so a sheet's rows may come from a generator that reads the store in chunks:
the 2,000-platform 评分明细 never sits in memory whole (issue 16). The finished workbook is
written atomically, so a reader never sees half of one. The CSV variant writes one table as UTF-8
with a byte-order mark, which Excel needs to read Chinese correctly.

Every number is rounded half up, exactly, to the places its column shows (DESIGN §5) before it
is written: a range of 0.01, never 0.01000000000001933. The workbook keeps numbers as numbers
with a fixed-decimals format; the CSV writes them with those decimals.

A CSV must not turn into formulas when Excel, WPS or LibreOffice opens it (OWASP "CSV
injection"), whatever separators the reader's import dialog splits at:

- every text cell is quoted, so a tab, semicolon or line break inside it never starts a new
  cell (Python's csv module quotes only commas, quotes and line breaks);
- a text cell that begins with = + - @, a tab or a carriage return gets a leading apostrophe,
  which the spreadsheet shows: the text stays text. The rule has no exceptions, so text that
  merely looks like a number or a phone number is guarded too — "-5" is written '-5 and
  "+86 431 8888 0000" '+86 431 8888 0000 (a number would be lost to a spreadsheet anyway);
- numbers and dates are written bare, so a negative score stays a number: -1.50.

The .xlsx workbook needs none of this: every text is written as a string cell, never parsed
as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any

from jlpanel.domain.exact import round_half_up
from jlpanel.storage.files import write_atomic


class ColumnKind(StrEnum):
    """How a column's values are stored and shown."""

    TEXT = "text"
    INTEGER = "integer"
    SCORE = "score"  # platform scores and statistics: the cycle's decimals
    POINTS = "points"  # points an expert gave (on the rubric's step): two decimals
    AMOUNT = "amount"  # money (万元): two decimals
    DATE = "date"


#: Points and amounts are shown with two decimals whatever the cycle's score decimals.
FIXED_DECIMALS = 2

#: What a spreadsheet reads as the start of a formula in a CSV cell (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, kind and width (in characters)."""

    header: str
    kind: ColumnKind = ColumnKind.TEXT
    width: float = 12.0


@dataclass(frozen=True, slots=True)
class Sheet:
    """A worksheet: its name, columns and rows (values in column order; None for empty).

    ``rows`` may be an iterator read once (a large table streamed from the store); the
    writers here go through it once, in order.
    """

    name: str
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[Any]] = field(default_factory=tuple)
    #: Columns kept in view when scrolling sideways (besides the frozen header row).
    frozen_columns: int = 0


def _decimal_format(decimals: int) -> str:
    return "0" if decimals <= 0 else "0." + "0" * decimals


def column_decimals(kind: ColumnKind, score_decimals: int = 2) -> int | None:
    """The decimals a column of ``kind`` shows; None for a column that holds no number."""
    if kind is ColumnKind.INTEGER:
        return 0
    if kind is ColumnKind.SCORE:
        return score_decimals
    if kind in (ColumnKind.POINTS, ColumnKind.AMOUNT):
        return FIXED_DECIMALS
    return None


def rounded(value: Any, kind: ColumnKind, score_decimals: int = 2) -> Any:
    """``value`` as written in a column of ``kind``: a decimal rounded half up to its places.

    Accepts what the results carry — int, float, Decimal, Fraction — and a number as text
    (statistics read back from stored JSON). Other values, and values of other columns,
    come back unchanged.
    """
    places = column_decimals(kind, score_decimals)
    if places is None or value is None or value == "" or isinstance(value, bool):
        return value
    return round_half_up(value, places)


def guard_formula(text: str) -> str:
    """A text cell as a CSV may carry it: one a spreadsheet would evaluate gets a "'" first."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def workbook_bytes(sheets: Sequence[Sheet], *, score_decimals: int = 2) -> bytes:
    """The .xlsx bytes of ``sheets``."""
    import xlsxwriter

    buffer = io.BytesIO()
    # constant_memory: each row is written out when the next one begins, so the workbook never
    # holds a large sheet's cells. It drops a cell written to an earlier row: every cell here
    # is written once, row after row (the header row's height is set before its cells).
    # Text is written with write_string, never parsed; the options say so once more, should a
    # generic write() ever creep in.
    book = xlsxwriter.Workbook(
        buffer,
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    try:
        _write_sheets(book, sheets, score_decimals)
    except BaseException:
        # A sheet's rows failed (the store, a bad value): remove the temporary files that
        # constant_memory keeps until close().
        for sheet_written in book.worksheets():
            scratch = getattr(sheet_written, "row_data_fh", None)
            if scratch is not None and not scratch.closed:
                scratch.close()
                Path(sheet_written.row_data_filename).unlink(missing_ok=True)
        raise
    book.close()
    return buffer.getvalue()


def _write_sheets(book: Any, sheets: Sequence[Sheet], score_decimals: int) -> None:
    header = book.add_format(
        {"bold": True, "bg_color": "#D9D9D9", "border": 1, "align": "center", "valign": "vcenter"}
    )
    header.set_text_wrap()
    formats = {
        ColumnKind.TEXT: book.add_format({"valign": "top"}),
        ColumnKind.INTEGER: book.add_format({"num_format": "0"}),
        ColumnKind.SCORE: book.add_format({"num_format": _decimal_format(score_decimals)}),
        ColumnKind.POINTS: book.add_format({"num_format": _decimal_format(FIXED_DECIMALS)}),
        ColumnKind.AMOUNT: book.add_format({"num_format": "#,##0.00"}),
        ColumnKind.DATE: book.add_format({"num_format": "yyyy-mm-dd"}),
    }
    for sheet in sheets:
        ws = book.add_worksheet(sheet.name)
        ws.set_row(0, 30)
        for c, column in enumerate(sheet.columns):
            ws.set_column(c, c, column.width, formats[column.kind])
            ws.write_string(0, c, column.header, header)
        last = 0
        for r, row in enumerate(sheet.rows, 1):
            last = r
            for c, (column, raw) in enumerate(zip(sheet.columns, row, strict=True)):
                if raw is None or raw == "":
                    continue
                fmt = formats[column.kind]
                value = rounded(raw, column.kind, score_decimals)
                if isinstance(value, bool):
                    ws.write_boolean(r, c, value, fmt)
                elif isinstance(value, dt.datetime):
                    ws.write_datetime(r, c, value.replace(tzinfo=None), fmt)
                elif isinstance(value, dt.date):
                    ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), fmt)
                elif isinstance(value, int | float | Decimal):
                    # The double nearest the rounded decimal: Excel shows it as that decimal.
                    ws.write_number(r, c, float(value), fmt)
                else:
                    ws.write_string(r, c, str(value), fmt)
        ws.freeze_panes(1, sheet.frozen_columns)
        if sheet.columns:
            ws.autofilter(0, 0, max(last, 1), len(sheet.columns) - 1)


def write_workbook(path: Path, sheets: Sequence[Sheet], *, score_decimals: int = 2) -> None:
    """Write ``sheets`` as an .xlsx workbook at ``path``, atomically."""
    write_atomic(path, workbook_bytes(sheets, score_decimals=score_decimals))


def cell_text(value: Any, kind: ColumnKind, score_decimals: int = 2) -> str:
    """A cell as text (CSV, a printed table): numbers rounded half up to their column's places."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    places = column_decimals(kind, score_decimals)
    if places is not None and value != "":
        return f"{round_half_up(value, places):.{places}f}"
    return str(value)


def text_rows(sheet: Sheet, *, score_decimals: int = 2) -> list[list[str]]:
    """The header and every row of ``sheet`` as text, for printing."""
    return [
        [c.header for c in sheet.columns],
        *(
            [cell_text(v, c.kind, score_decimals) for c, v in zip(sheet.columns, row, strict=True)]
            for row in sheet.rows
        ),
    ]


def _is_number(value: Any, kind: ColumnKind, score_decimals: int) -> bool:
    """Whether a CSV cell holds a number or a date (written bare) rather than text."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float | Decimal | Fraction | dt.date):
        return True
    # A statistic read back from stored JSON as text is a number in a number column.
    return isinstance(value, str) and column_decimals(kind, score_decimals) is not None


def _csv_text(text: str) -> str:
    """A text cell as a CSV carries it: guarded against formulas and always quoted."""
    return '"' + guard_formula(text).replace('"', '""') + '"'


def _csv_cell(value: Any, kind: ColumnKind, score_decimals: int) -> str:
    text = cell_text(value, kind, score_decimals)
    if text == "" or _is_number(value, kind, score_decimals):
        return text  # digits, a point, a minus sign, a date's hyphens: nothing to quote
    return _csv_text(text)


def csv_bytes(sheet: Sheet, *, score_decimals: int = 2) -> bytes:
    """One table as CSV: UTF-8 with a byte-order mark, CRLF line ends (as Excel writes).

    Excel in a Chinese locale reads a CSV without the mark as GBK and garbles it. Text cells
    are quoted and guarded (see the module's notes); numbers and dates are bare.
    """
    lines = [",".join(_csv_text(c.header) for c in sheet.columns)]
    lines.extend(
        ",".join(
            _csv_cell(v, c.kind, score_decimals) for c, v in zip(sheet.columns, row, strict=True)
        )
        for row in sheet.rows
    )
    # A lone empty cell is written "", as a blank line would be no row at all to a reader.
    return "".join((line or '""') + "\r\n" for line in lines).encode("utf-8-sig")


def write_csv(path: Path, sheet: Sheet, *, score_decimals: int = 2) -> None:
    """Write one table as a CSV file Excel opens with Chinese intact, atomically."""
    write_atomic(path, csv_bytes(sheet, score_decimals=score_decimals))
