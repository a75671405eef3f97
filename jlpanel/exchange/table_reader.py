"""Locating a table on a sheet: its header row below any title, blank or merged rows, its
columns mapped by name or by a certain alias, its rows parsed; and choosing a workbook's sheet.

A renamed header or sheet is read as the one it certainly is, with a warning that states the
mapping; a guess is named in a refusal, never made; data that cannot be placed is never
dropped (DESIGN §3).
"""

from __future__ import annotations

import difflib
import logging
import math
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from jlpanel.domain.dossier import (
    Finding,
    Severity,
)
from jlpanel.domain.text import Text
from jlpanel.exchange.cell_values import (
    fixed_warning,
    parse_column,
    to_number,
)
from jlpanel.exchange.dossier_schema import (
    ColumnKind,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
    kind_help,
    normalise_name,
)
from jlpanel.exchange.read_report import (
    BadCell,
    FixedCell,
    ReadReport,
    column_letter,
    damaged_finding,
    is_fatal,
    show_value,
)
from jlpanel.exchange.workbook_container import (
    load_sheet,
    sheet_parts,
)

log = logging.getLogger(__name__)

#: Rows searched for the header (title, blank and merged rows above it are common).
HEADER_SEARCH_ROWS = 20


def closest_name(
    wanted: Iterable[str], candidates: Iterable[str], cutoff: float = 0.5
) -> str | None:
    """The candidate most like any of ``wanted`` (compared normalised), if like enough."""
    targets = [normalise_name(w) for w in wanted]
    best: str | None = None
    best_ratio = cutoff
    for candidate in candidates:
        key = normalise_name(candidate)
        if not key:
            continue
        for target in targets:
            ratio = difflib.SequenceMatcher(None, target, key).ratio()
            if ratio >= best_ratio and (best is None or ratio > best_ratio):
                best, best_ratio = candidate, ratio
    return best


_T = TypeVar("_T")
#: A renamed header or sheet is read as the one it resembles this much, when it is the only one.
ALIAS_RATIO = 0.8


def near_names(name: str, candidates: Iterable[tuple[_T, Sequence[str]]]) -> tuple[list[_T], bool]:
    """What ``name`` may have been meant to be, and whether that is certain.

    Certain: exactly one candidate, whose name is contained in ``name`` (人员表 → 人员) or very
    like it (是否为外单位 → 是否外单位). Several candidates, or only a faint likeness, are a
    guess to name in a refusal, never a mapping to make.
    """
    key = normalise_name(name)
    found: list[_T] = []
    certain = False
    if len(key) < 2:
        return found, certain
    for candidate, names in candidates:
        best = 0.0
        for other in names:
            target = normalise_name(other)
            if len(target) < 2:
                continue
            ratio = difflib.SequenceMatcher(None, target, key).ratio()
            if target in key or key in target:
                ratio = max(ratio, ALIAS_RATIO)
            best = max(best, ratio)
        if best >= 0.5:
            found.append(candidate)
            certain = best >= ALIAS_RATIO
    return found, certain and len(found) == 1


@dataclass(slots=True)
class TableRows:
    """A table sheet parsed: source rows and one parsed list per field."""

    rows: list[int]
    columns: dict[str, list[object]]


def find_header_row(spec: SheetSpec, grid: list[list[Any]]) -> int:
    """The row (0-based) naming the most of the sheet's columns among the top rows.

    Blank, title and merged rows above it are passed over; the first of equal rows wins.
    """
    best, best_count = 0, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        count = sum(1 for cell in row if spec.column_for(cell) is not None)
        if count > best_count:
            best, best_count = index, count
    return best


def alias_warning(sheet: str, row: int | None, kind: Text, found: str, meant: str) -> Finding:
    return Finding(
        Severity.WARNING,
        f"{kind.en}.alias",
        sheet,
        row,
        None if kind is KIND_SHEET else meant,
        Text(f"{kind.zh}“{found}”按“{meant}”读取", f"The {kind.en} '{found}' is read as {meant}"),
        Text(
            f"如果不对，请把{kind.zh}名改成模板中的名称；如果对，最好也改成“{meant}”",
            f"If that is wrong, give the {kind.en} its template name; if right, rename it "
            f"to {meant} all the same",
        ),
    )


def unplaced_finding(
    sheet: str | None, row: int | None, kind: Text, found: str, where: str, meant: Sequence[str]
) -> Finding:
    listed = "”或“".join(meant)
    listed_en = " or ".join(meant)
    unit = {"sheet": "个工作表", "item": "项"}.get(kind.en, "列")
    return Finding(
        Severity.ERROR,
        f"{kind.en}.unplaced",
        sheet,
        row,
        found,
        Text(
            f"{kind.zh}“{found}”{where}有内容，但无法确定它是模板中的哪一{unit}"
            f"：是否应为“{listed}”？内容不能丢弃，所以不导入这份材料",
            f"The {kind.en} '{found}' holds data, but it is not certain which {kind.en} it is: "
            f"should it be {listed_en}? Its data cannot be dropped, so the dossier is refused",
        ),
        Text(
            f"请把{kind.zh}名改成“{meant[0]}”（或模板中的其他名称）",
            f"Rename the {kind.en} to {meant[0]} (or another name of the template)",
        ),
    )


KIND_COLUMN = Text("列", "column")
KIND_SHEET = Text("工作表", "sheet")
KIND_ITEM = Text("项目", "item")
_TOTAL_LABELS = frozenset({"合计", "总计", "小计", "总合计", "共计", "total", "sum", "subtotal"})


def merged_findings(
    spec: SheetSpec,
    sheet_name: str,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    first_row: int,
    header_of: Callable[[int], str],
    report: ReadReport,
) -> set[int]:
    """Report merged cells at or below ``first_row``; the columns merged in the header row."""
    header_columns: set[int] = set()
    for (r0, c0), (r1, c1) in merged:
        if r1 < first_row or (r0 == r1 and c0 == c1):
            continue
        ref = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        in_header = r0 <= first_row <= r1 and spec.layout is SheetLayout.TABLE
        if in_header:
            header_columns.update(range(c0, c1 + 1))
        report.add(
            "sheet.merged_cells",
            sheet_name,
            r0 + 1,
            header_of(c0),
            Text(
                f"{'表头' if in_header else ''}单元格 {ref} 是合并单元格",
                f"The {'header ' if in_header else ''}cells {ref} are merged",
            ),
            Text(
                "请取消合并，让每一列都有自己的表头、每一行都填写完整"
                if in_header
                else "请取消合并，并在每一行分别填写",
                "Unmerge them so that every column has its own header"
                if in_header
                else "Unmerge them and fill in every row",
            ),
        )
    return header_columns


@dataclass(slots=True)
class _Header:
    """A table's header row read: which column is which, and what could not be placed."""

    excel_row: int
    width: int
    mapped: dict[int, ColumnSpec] = field(default_factory=dict)  # column index → spec
    seen: dict[str, int] = field(default_factory=dict)  # field → column index
    unknown: dict[int, str] = field(default_factory=dict)  # column index → header text
    unnamed: list[int] = field(default_factory=list)  # columns without a header
    guesses: dict[int, list[ColumnSpec]] = field(default_factory=dict)

    def name_of(self, index: int) -> str:
        """The column's name in a finding: its header, or its letter."""
        column = self.mapped.get(index)
        if column is not None:
            return column.header
        return self.unknown.get(index) or f"{column_letter(index)} 列"


def read_table(
    spec: SheetSpec,
    sheet_name: str,
    grid: list[list[Any]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    special: dict[tuple[int, int], BadCell],
    report: ReadReport,
) -> TableRows:
    """A table sheet's rows, parsed; every problem in ``report``.

    The header is the row among the top :data:`HEADER_SEARCH_ROWS` naming the most columns;
    a renamed header is read as the column it certainly is (said in a warning), data under a
    header that cannot be placed refuses the sheet, a 合计 row closing the table is left out
    and checked, and blank rows are dropped. Row numbers are the workbook's.
    """
    header_index = find_header_row(spec, grid) if grid else 0
    header_cells = grid[header_index] if grid else []
    data = grid[header_index + 1 :]
    header = _map_header(spec, sheet_name, header_cells, header_index + 1, report)
    _map_aliases(spec, sheet_name, header, report)
    merged_header = merged_findings(spec, sheet_name, merged, header_index, header.name_of, report)
    suggested = _missing_columns(spec, sheet_name, header_cells, header, report)
    _unknown_columns(spec, sheet_name, data, header, suggested, report)
    rows, data = _filled_rows(data, header.width, header_index + 2)
    _unnamed_columns(sheet_name, data, header, merged_header, report)
    # A 合计 row closing the table is no record: left out, said, and its sums checked.
    totals: list[tuple[int, list[Any]]] = []
    while data and len(totals) < 3 and _is_total_row(data[-1]):
        totals.insert(0, (rows.pop(), data.pop()))
    if not header.mapped:
        return TableRows(rows, {})
    parsed, bad_columns = _parse_cells(header, data, rows, special)
    blank = _blank_rows(header, parsed, len(rows))
    _report_cells(sheet_name, header, parsed, bad_columns, rows, report)
    for row, cells in totals:
        _check_total(sheet_name, row, cells, header.mapped, parsed, report)
    _required_cells(sheet_name, header, parsed, rows, blank, report)
    if blank:
        keep = [i for i in range(len(rows)) if i not in blank]
        rows = [rows[i] for i in keep]
        parsed = {name: [values[i] for i in keep] for name, values in parsed.items()}
    return TableRows(rows, parsed)


def _map_header(
    spec: SheetSpec, sheet_name: str, cells: list[Any], excel_row: int, report: ReadReport
) -> _Header:
    """Each header cell named by the spec mapped to its column; a column twice is an error."""
    header = _Header(excel_row, len(cells))
    for index, cell in enumerate(cells):
        column = spec.column_for(cell)
        if column is None:
            if cell == "" or (isinstance(cell, str) and not cell.strip()):
                header.unnamed.append(index)
            else:
                header.unknown[index] = show_value(cell)
            continue
        if column.field in header.seen:
            first = header.seen[column.field]
            report.add(
                "column.duplicate",
                sheet_name,
                excel_row,
                column.header,
                Text(
                    f"“{column.header}”列出现了两次（{column_letter(first)} 列和 "
                    f"{column_letter(index)} 列）",
                    f"The column {column.header} appears twice (columns "
                    f"{column_letter(first)} and {column_letter(index)})",
                ),
                Text(
                    "删除其中一列，或把它改成正确的表头",
                    "Delete one of them, or give it the right header",
                ),
            )
            continue
        header.seen[column.field] = index
        header.mapped[index] = column
    return header


def _map_aliases(spec: SheetSpec, sheet_name: str, header: _Header, report: ReadReport) -> None:
    """A renamed header read as the column it certainly is; a guess is named, never made."""
    claims: dict[str, list[int]] = {}
    for index, text in header.unknown.items():
        near, certain = near_names(
            text, [(c, c.names()[:-1]) for c in spec.columns if c.field not in header.seen]
        )
        header.guesses[index] = near
        if certain:
            claims.setdefault(near[0].field, []).append(index)
    for field_name, indexes in claims.items():
        if len(indexes) == 1:
            index = indexes[0]
            column = spec.column(field_name)
            report.general.append(
                alias_warning(
                    sheet_name,
                    header.excel_row,
                    KIND_COLUMN,
                    header.unknown.pop(index),
                    column.header,
                )
            )
            header.seen[field_name] = index
            header.mapped[index] = column
            del header.guesses[index]


def _missing_columns(
    spec: SheetSpec, sheet_name: str, cells: list[Any], header: _Header, report: ReadReport
) -> set[str]:
    """Report each required column not found; the unknown headers suggested for them."""
    found = list(header.unknown.values())
    excel_row = header.excel_row
    suggested: set[str] = set()
    for column in spec.required_columns:
        if column.field in header.seen:
            continue
        guess = closest_name(column.names()[:-1], found)
        listed = "、".join(show_value(c) for c in cells if show_value(c)) or "（空）"
        hint_zh = f"是否把“{column.header}”改名成了“{guess}”？" if guess else ""
        hint_en = f" Was {column.header} renamed to '{guess}'?" if guess else ""
        if guess:
            suggested.add(guess)
        english = next((a for a in column.aliases if a.isascii()), "")
        report.add(
            "column.missing",
            sheet_name,
            excel_row,
            column.header,
            Text(
                f"缺少必填列“{column.header}”。第 {excel_row} 行的表头有：{listed}。{hint_zh}",
                f"The required column {column.header} is missing. The headers in row "
                f"{excel_row} are: {listed}.{hint_en}",
            ),
            Text(
                f"请在第 {excel_row} 行加上表头“{column.header}”"
                + (f"（英文可写 {english}）" if english else ""),
                f"Add the header {column.header} to row {excel_row}"
                + (f" (or {english})" if english else ""),
            ),
        )
    return suggested


def _unknown_columns(
    spec: SheetSpec,
    sheet_name: str,
    data: list[list[Any]],
    header: _Header,
    suggested: set[str],
    report: ReadReport,
) -> None:
    """An unknown header like a template column with data under it refuses; others warn."""
    unmapped_specs = [c for c in spec.columns if c.field not in header.seen]
    for index, text in header.unknown.items():
        if text in suggested:
            continue
        near = [c for c in header.guesses.get(index, ()) if c.field not in header.seen]
        if near and any(row[index] != "" for row in data if index < len(row)):
            # Data the reader cannot place is never dropped: the dossier is refused.
            report.general.append(
                unplaced_finding(
                    sheet_name,
                    header.excel_row,
                    KIND_COLUMN,
                    text,
                    f"（{column_letter(index)} 列）",
                    [c.header for c in near],
                )
            )
            continue
        guess_column = next(
            (c for c in unmapped_specs if closest_name(c.names()[:-1], [text]) is not None), None
        )
        hint = (
            (f"，是否应为“{guess_column.header}”？", f"; did you mean {guess_column.header}?")
            if guess_column
            else ("", "")
        )
        report.add(
            "column.unknown",
            sheet_name,
            header.excel_row,
            text,
            Text(
                f"不认识的列“{text}”（{column_letter(index)} 列），这一列的内容不会导入{hint[0]}",
                f"Unknown column '{text}' (column {column_letter(index)}): its contents "
                f"are not imported{hint[1]}",
            ),
            Text(
                "如果这一列需要导入，请把表头改成模板中的名称",
                "If it should be imported, give it the header used in the template",
            ),
            Severity.WARNING,
        )


def _filled_rows(
    data: list[list[Any]], width: int, first_row: int
) -> tuple[list[int], list[list[Any]]]:
    """The rows with anything in them and their Excel numbers (``count`` runs in C)."""
    if any(row.count("") == width for row in data):
        keep = [i for i, row in enumerate(data) if row.count("") != width]
        return [first_row + i for i in keep], [data[i] for i in keep]
    return list(range(first_row, first_row + len(data))), data


def _unnamed_columns(
    sheet_name: str,
    data: list[list[Any]],
    header: _Header,
    merged_header: set[int],
    report: ReadReport,
) -> None:
    """A column holding data without a header is an error: its data has no place."""
    excel_row = header.excel_row
    for index in header.unnamed:
        if index in merged_header or all(row[index] == "" for row in data):
            continue
        report.add(
            "column.unnamed",
            sheet_name,
            excel_row,
            f"{column_letter(index)} 列",
            Text(
                f"{column_letter(index)} 列有内容，但第 {excel_row} 行没有表头",
                f"Column {column_letter(index)} holds data but has no header in row {excel_row}",
            ),
            Text(
                "请给这一列写上模板中的表头，或删除这一列的内容",
                "Give the column its header from the template, or delete its contents",
            ),
        )


def _parse_cells(
    header: _Header,
    data: list[list[Any]],
    rows: list[int],
    special: dict[tuple[int, int], BadCell],
) -> tuple[dict[str, list[object]], list[int]]:
    """Each mapped column parsed; the columns holding a bad or assumed value."""
    by_column: list[tuple[Any, ...]] = [() for _ in range(header.width)]
    if data:
        by_column = list(zip(*data, strict=True))
    parsed: dict[str, list[object]] = {}
    bad_columns: list[int] = []
    for index, column in header.mapped.items():
        values, has_bad = parse_column(column, by_column[index])
        parsed[column.field] = values
        if has_bad:
            bad_columns.append(index)
    # Cells calamine reads as empty but that hold a formula without value or an error.
    if special:
        position = {row: i for i, row in enumerate(rows)}
        for (row, col), bad in special.items():
            if col in header.mapped and row in position:
                parsed[header.mapped[col].field][position[row]] = bad
                if col not in bad_columns:
                    bad_columns.append(col)
    return parsed, bad_columns


def _blank_rows(header: _Header, parsed: dict[str, list[object]], count: int) -> set[int]:
    """Rows with nothing in the columns read: blank, not rows of missing values."""
    required = [c for c in header.mapped.values() if c.required]
    if not any(None in parsed[c.field] for c in required):
        return set()
    value_lists = list(parsed.values())
    return {i for i in range(count) if all(v[i] is None for v in value_lists)}


def _report_cells(
    sheet_name: str,
    header: _Header,
    parsed: dict[str, list[object]],
    bad_columns: list[int],
    rows: list[int],
    report: ReadReport,
) -> None:
    """Bad cells reported one by one; assumed values taken, said once per column and kind."""
    fixed: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for index in bad_columns:
        column = header.mapped[index]
        values = parsed[column.field]
        for i, value in enumerate(values):
            if type(value) is BadCell:
                report.cell(sheet_name, rows[i], index, column.header, value)
            elif type(value) is FixedCell:
                fixed.setdefault((index, value.code), []).append((rows[i], value.shown))
                values[i] = value.value
    for (index, code), cells in fixed.items():
        report.general.append(fixed_warning(sheet_name, header.mapped[index].header, code, cells))


def _required_cells(
    sheet_name: str,
    header: _Header,
    parsed: dict[str, list[object]],
    rows: list[int],
    blank: set[int],
    report: ReadReport,
) -> None:
    """An empty required cell in a row that is not blank is an error."""
    for index, column in header.mapped.items():
        if not column.required:
            continue
        values = parsed[column.field]
        if None not in values:
            continue
        for i, value in enumerate(values):
            if value is None and i not in blank:
                report.cell(
                    sheet_name,
                    rows[i],
                    index,
                    column.header,
                    BadCell(
                        "cell.required",
                        Text(
                            f"必填项“{column.header}”是空的",
                            f"The required {column.header} is empty",
                        ),
                        Text(
                            f"请填写{column.header}（{kind_help(column).zh}）",
                            f"Fill in {column.header} ({kind_help(column).en})",
                        ),
                    ),
                )


def _is_total_row(row: Sequence[Any]) -> bool:
    return any(type(c) is str and normalise_name(c) in _TOTAL_LABELS for c in row)


def _check_total(
    sheet: str,
    row: int,
    cells: Sequence[Any],
    mapped: dict[int, ColumnSpec],
    parsed: dict[str, list[object]],
    report: ReadReport,
) -> None:
    report.add(
        "table.total_row",
        sheet,
        row,
        None,
        Text(
            f"第 {row} 行是合计行，没有作为一条记录导入",
            f"Row {row} is a total row and is not imported as a record",
        ),
        Text(
            "合计由程序计算，可以删除这一行",
            "The program sums the rows itself; the row may be deleted",
        ),
        Severity.WARNING,
    )
    for index, column in mapped.items():
        if column.kind not in (ColumnKind.NUMBER, ColumnKind.AMOUNT) or index >= len(cells):
            continue
        total = to_number(cells[index])
        if type(total) is not float:
            continue
        rows_sum = math.fsum(v for v in parsed[column.field] if type(v) is float)
        if abs(total - rows_sum) > 0.005 + 1e-9 * abs(rows_sum):
            report.add(
                "table.total_mismatch",
                sheet,
                row,
                column.header,
                Text(
                    f"合计行的{column.header} {show_value(total)} 与各行之和 {rows_sum:,.2f} 不符",
                    f"The total row's {column.header} {show_value(total)} differs from the sum of "
                    f"the rows, {rows_sum:,.2f}",
                ),
                Text(
                    "请检查是否漏填、多填了某一行，或合计公式的范围不对",
                    "Check for a missing or extra row, or a total formula over the wrong range",
                ),
                Severity.WARNING,
            )


def load_one_sheet(
    path: Path,
    archive: zipfile.ZipFile | None,
    max_rows: int,
    report: ReadReport,
    *,
    sheet: str,
    sheet_names: frozenset[str],
    key_headers: frozenset[str],
    what: Text,
    skip: frozenset[str] = frozenset(),
) -> tuple[str | None, Any]:
    """Open a one-table workbook (roster, history) and load its table's sheet, guarded.

    The sheet is the one named ``sheet`` or an alias (``sheet_names``, normalised), else the
    first whose top rows hold one of ``key_headers`` (normalised), else the first sheet;
    ``skip`` (normalised names) is never taken for the table. Returns the sheet's name and
    its (grid, merged, special) cells; None for the cells when the file or the sheet could
    not be read, with the findings in ``report``. ``what`` names the table in the fix of a
    workbook without sheets (专家名单 / the roster).
    """
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(path)
        names = list(workbook.sheet_names)
    except BaseException as exc:  # calamine raises its own, zip and XML errors alike
        if is_fatal(exc):
            raise
        report.general.append(damaged_finding(path.name, str(exc) or type(exc).__name__))
        return None, None
    with workbook:
        chosen = _choose_sheet(workbook, names, sheet_names, key_headers, skip)
        if chosen is None:
            report.add(
                "sheet.missing",
                sheet,
                None,
                None,
                Text("工作簿中没有工作表", "The workbook has no sheets"),
                Text(
                    f"请在工作表“{sheet}”中填写{what.zh}",
                    f"Fill in the {what.en} on a sheet named {sheet}",
                ),
            )
            return None, None
        parts = sheet_parts(archive) if archive is not None else {}
        loaded = load_sheet(path, archive, workbook, chosen, chosen, parts, max_rows, report)
    return chosen, loaded


def _choose_sheet(
    workbook: Any,
    names: list[str],
    wanted: frozenset[str],
    key_headers: frozenset[str],
    skip: frozenset[str],
) -> str | None:
    for name in names:
        if normalise_name(name) in wanted:
            return name
    for name in names:
        if normalise_name(name) in skip:
            continue
        try:
            rows = workbook.get_sheet_by_name(name).to_python(
                skip_empty_area=False, nrows=HEADER_SEARCH_ROWS
            )
        except BaseException as exc:  # a damaged sheet is reported when read, if chosen
            if is_fatal(exc):
                raise
            continue
        if any(isinstance(c, str) and normalise_name(c) in key_headers for r in rows for c in r):
            return name
    return names[0] if names else None
