"""Writing a filled dossier workbook (DESIGN §3) from a :class:`Dossier`.

The layout comes from :mod:`jlpanel.exchange.dossier_schema`, the description the reader and
the blank template use, so what is written here reads back as the same dossier: sheet names,
headers, the key/value 基本信息 and the 工作总结 text and attachment cells all come from
:data:`~jlpanel.exchange.dossier_schema.SHEETS`.

Values are written the way a careful host unit would type them: dates as real Excel dates
with a date format, 是/否 for yes/no columns, choices as their text (专职/兼职 for
``full_time``, mapped back through the column's ``choice_values``), numbers as numbers and
every text column as a string, so ids, phone numbers and credit codes keep their digits.

Two things do not travel through a workbook and are not written: ``source_row`` (the reader
numbers the rows as they come, from row 2) and ``FundingLine.is_income`` (the reader derives
it from 类别). ``Dossier.attachment_names`` is not written either: attachments are files beside
the workbook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jlpanel.domain.dossier import BasicInfo, Dossier
from jlpanel.exchange.dossier_schema import (
    SHEETS,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
)
from jlpanel.exchange.dossier_template import ValueFormats
from jlpanel.storage.files import write_atomic

#: The most characters Excel keeps in one cell.
EXCEL_CELL_LIMIT = 32_767
_HEADER_FILL = "#DDEBF7"
_BOOL_TEXT = {True: "是", False: "否"}


class DossierWriteError(ValueError):
    """A dossier value that a workbook cannot hold as it is (e.g. a cell over 32,767 chars)."""


def write_dossier_workbook(path: Path, dossier: Dossier) -> None:
    """Write ``dossier`` as a filled dossier workbook at ``path``, atomically.

    Raises :class:`DossierWriteError` for a value a workbook cannot hold (nothing is written
    then).
    """
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            # Everything is written with typed calls; never let a string turn into a
            # number, a URL or a formula.
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties(
        {
            "title": f"{dossier.basic.name} 考核评价材料",
            "subject": "Dossier of a Jilin Provincial S&T resource sharing service platform",
            "comments": "Written by jlpanel",
        }
    )
    formats = _Formats(workbook)
    try:
        for spec in SHEETS:
            sheet = workbook.add_worksheet(spec.name)
            if spec.layout is SheetLayout.KEY_VALUE:
                _write_key_value(sheet, spec, getattr(dossier, spec.dossier_field), formats)
            elif spec.layout is SheetLayout.TEXT:
                _write_text(sheet, spec, dossier, formats)
            else:
                _write_table(sheet, spec, getattr(dossier, spec.dossier_field), formats)
    finally:
        workbook.close()
    write_atomic(path, buffer.getvalue())


#: Kept for callers written before the helper moved to ``jlpanel.storage.files``.
replace_atomically = write_atomic


class _Formats(ValueFormats):
    """The cell formats, made once per workbook."""

    def __init__(self, workbook: Any) -> None:
        super().__init__(workbook)
        self.header = workbook.add_format(
            {"bold": True, "border": 1, "align": "center", "valign": "vcenter"}
            | {"text_wrap": True, "bg_color": _HEADER_FILL}
        )
        self.key = workbook.add_format({"bold": True, "bg_color": _HEADER_FILL, "border": 1})


def _choice_text(column: ColumnSpec) -> Mapping[object, str] | None:
    """Stored value → the choice that stands for it, for columns like 专职/兼职."""
    if column.choice_values is None:
        return None
    return {value: choice for choice, value in column.choice_values.items()}


class _CellWriter:
    """Writes one column's values into cells, by the column's kind."""

    def __init__(self, sheet: Any, spec: SheetSpec, column: ColumnSpec, formats: _Formats) -> None:
        self.sheet = sheet
        self.where = f"{spec.name} / {column.header}"
        self.kind = column.kind
        self.format = formats.for_column(column)
        self.choices = _choice_text(column)

    def write(self, row: int, col: int, value: object) -> None:
        if value is None:
            return
        sheet, fmt = self.sheet, self.format
        if self.choices is not None:
            if value not in self.choices:
                raise DossierWriteError(f"{self.where}: {value!r} stands for no choice")
            sheet.write_string(row, col, self.choices[value], fmt)
        elif isinstance(value, bool):
            # Before numbers: a bool is an int to Python and would become 1/0.
            sheet.write_string(row, col, _BOOL_TEXT[value], fmt)
        elif isinstance(value, dt.date):
            if isinstance(value, dt.datetime) and value.time() == dt.time():
                value = value.date()
            sheet.write_datetime(row, col, value, fmt)
        elif isinstance(value, int | float):
            sheet.write_number(row, col, value, fmt)
        else:
            text = str(value)
            if len(text) > EXCEL_CELL_LIMIT:
                raise DossierWriteError(
                    f"{self.where} row {row + 1}: {len(text):,} characters, more than the "
                    f"{EXCEL_CELL_LIMIT:,} an Excel cell holds"
                )
            if text:
                sheet.write_string(row, col, text, fmt)


def _write_table(sheet: Any, spec: SheetSpec, rows: Sequence[Any], formats: _Formats) -> None:
    sheet.set_row(0, 30)
    writers: list[tuple[int, str, _CellWriter]] = []
    for col, column in enumerate(spec.columns):
        sheet.set_column(col, col, column.width)
        sheet.write_string(0, col, column.header, formats.header)
        writers.append((col, column.field, _CellWriter(sheet, spec, column, formats)))
    for index, record in enumerate(rows, start=1):
        for col, field_name, writer in writers:
            writer.write(index, col, getattr(record, field_name))
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(spec.columns) - 1)


def _write_key_value(sheet: Any, spec: SheetSpec, basic: BasicInfo, formats: _Formats) -> None:
    key_header, value_header = spec.key_value_headers
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 52)
    sheet.write_string(0, 0, key_header, formats.header)
    sheet.write_string(0, 1, value_header, formats.header)
    values = dataclasses.asdict(basic)
    for row, column in enumerate(spec.columns, start=1):
        sheet.write_string(row, 0, column.header, formats.key)
        _CellWriter(sheet, spec, column, formats).write(row, 1, values.get(column.field))
    sheet.freeze_panes(1, 0)


def summary_cells(text: str) -> list[str]:
    """The work summary cut into cells of at most 32,767 characters, at line breaks.

    The reader joins the cells of column A with line breaks, so a cut at a line break gives
    the same text back. A single line longer than a cell is cut where it must be.
    """
    text = text.strip()
    if len(text) <= EXCEL_CELL_LIMIT:
        return [text] if text else []
    cells: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        while len(line) > EXCEL_CELL_LIMIT:
            if current:
                cells.append("\n".join(current))
                current, size = [], 0
            cells.append(line[:EXCEL_CELL_LIMIT])
            line = line[EXCEL_CELL_LIMIT:]
        added = len(line) + (1 if current else 0)
        if current and size + added > EXCEL_CELL_LIMIT:
            cells.append("\n".join(current))
            current, size = [], 0
            added = len(line)
        current.append(line)
        size += added
    if current:
        cells.append("\n".join(current))
    return cells


def _write_text(sheet: Any, spec: SheetSpec, dossier: Dossier, formats: _Formats) -> None:
    text_column, file_column = spec.columns
    sheet.set_column(0, 0, text_column.width, formats.wrap)
    sheet.set_column(1, 1, file_column.width, formats.text)
    sheet.write_string(0, 0, text_column.header, formats.header)
    sheet.write_string(0, 1, file_column.header, formats.header)
    for row, cell in enumerate(summary_cells(dossier.work_summary), start=1):
        sheet.write_string(row, 0, cell, formats.wrap)
    if dossier.work_summary_attachment:
        sheet.write_string(1, 1, dossier.work_summary_attachment, formats.text)
    sheet.freeze_panes(1, 0)
