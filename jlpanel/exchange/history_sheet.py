"""The history sheet: platforms' grades in earlier cycles (考核历史), read and written.

One sheet, 考核历史 (or "History"; failing that, the first sheet with a 备案编号 header,
failing that the first sheet). Headers are found in the first rows and matched like the
dossier's: 备案编号/Filing no, 考核周期/Cycle and 等级/Grade are required, 平台名称/Platform
and 考核期止/Period end optional. A grade is 优秀/良好/合格/不合格 or Excellent/Good/Pass/Fail.

Like the roster reader it reuses the dossier reader's file checks and table reading, and never
raises on bad input: the sheet is read whole or refused with every problem as sheet / row /
column / what is wrong / how to fix it. Two rows for one platform in one cycle refuse it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jlpanel.domain.dossier import Finding, ReadFindings
from jlpanel.domain.rules import GRADE_ORDER, Grade, grade_from_label
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_reader import (
    _read_table,
    _Report,
    load_one_sheet,
    read_guarded,
)
from jlpanel.exchange.dossier_schema import (
    ColumnKind,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
    normalise_name,
)
from jlpanel.storage.files import write_atomic

log = logging.getLogger(__name__)

HISTORY_SHEET = "考核历史"
HISTORY_SHEET_ALIASES = ("History", "考核结果", "历次考核", "历史等级", "Grades")
#: A history sheet of more rows than this is refused (a province has a few hundred platforms).
MAX_HISTORY_ROWS = 50_000
MAX_HISTORY_BYTES = 20 * 2**20
#: The longest value the workspace keeps per column (its ``history_entries`` table's lengths).
MAX_LENGTHS = {"filing_no": 64, "platform_name": 200, "cycle_name": 200}
INSTRUCTIONS_SHEET = "填写说明"

_GRADE_WORDS = "、".join(g.label.zh for g in GRADE_ORDER)
_GRADE_WORDS_EN = ", ".join(g.label.en for g in GRADE_ORDER)


def _column(
    header: str,
    field: str,
    kind: ColumnKind,
    help_zh: str,
    help_en: str,
    *aliases: str,
    required: bool = False,
    width: float = 16,
    example: str = "",
) -> ColumnSpec:
    return ColumnSpec(
        header,
        field,
        kind,
        Text(help_zh, help_en),
        required,
        aliases,
        width=width,
        example=example,
    )


#: The history sheet, described as the dossier's sheets are (for the reader and the template).
HISTORY_SPEC = SheetSpec(
    name=HISTORY_SHEET,
    name_en="History",
    aliases=HISTORY_SHEET_ALIASES,
    layout=SheetLayout.TABLE,
    required=True,
    dossier_field="history",
    help=Text(
        "各平台在以往考核周期中的等级，每行一个平台的一次考核。",
        "Each platform's grade in earlier cycles, one platform and cycle per row.",
    ),
    columns=(
        _column(
            "备案编号",
            "filing_no",
            ColumnKind.TEXT,
            "平台备案编号，与本周期平台材料中的备案编号一致",
            "The platform's filing number, as in this cycle's dossiers",
            "Filing no",
            "Filing number",
            "备案号",
            "平台编号",
            required=True,
            width=18,
            example="JLGX-2017-001",
        ),
        _column(
            "平台名称",
            "platform_name",
            ColumnKind.TEXT,
            "平台名称（供核对，可不填）",
            "The platform's name (for checking; optional)",
            "Platform",
            "Platform name",
            "Name",
            "平台",
            width=40,
            example="吉林省大型科学仪器共享服务平台",
        ),
        _column(
            "考核周期",
            "cycle_name",
            ColumnKind.TEXT,
            "以往考核周期的名称，如“2024年度考核评价”",
            "The earlier cycle's name, e.g. 2024年度考核评价",
            "Cycle",
            "Cycle name",
            "考核年度",
            "周期",
            "考核批次",
            required=True,
            width=26,
            example="2024年度考核评价",
        ),
        _column(
            "考核期止",
            "cycle_end",
            ColumnKind.DATE,
            "该周期考核期的截止日期（用于判断哪一次是“上一次”考核）",
            "The last day of that cycle's period (tells which cycle was the previous one)",
            "Period end",
            "Cycle end",
            "End",
            "考核截止日期",
            width=14,
            example="2023-12-31",
        ),
        _column(
            "等级",
            "grade",
            ColumnKind.TEXT,
            f"考核等级：{_GRADE_WORDS}",
            f"The grade: {_GRADE_WORDS_EN}",
            "Grade",
            "考核等级",
            "考核结果",
            "Result",
            required=True,
            width=10,
            example="良好",
        ),
    ),
)
_HISTORY_SHEET_NAMES = frozenset(normalise_name(n) for n in (HISTORY_SHEET, *HISTORY_SHEET_ALIASES))


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One platform's grade in one earlier cycle."""

    filing_no: str  # 备案编号
    cycle_name: str  # 考核周期
    grade: Grade  # 等级
    platform_name: str = ""  # 平台名称
    cycle_end: dt.date | None = None  # 考核期止


@dataclass(frozen=True, slots=True)
class HistoryReadResult(ReadFindings):
    """The rows (empty when any finding is an error) and every finding."""

    rows: list[HistoryRow]
    findings: list[Finding]
    #: The workbook row of each history row (as Excel numbers it), parallel to ``rows``.
    source_rows: list[int] = dataclasses.field(default_factory=list)
    sheet: str | None = None


def read_history_sheet(
    path: Path, *, max_rows: int = MAX_HISTORY_ROWS, max_bytes: int = MAX_HISTORY_BYTES
) -> HistoryReadResult:
    """Read a filled history workbook; every problem becomes a finding, nothing raises."""
    return read_guarded(
        path,
        max_bytes,
        lambda archive, report: _read_workbook(path, archive, max_rows, report),
        lambda findings: HistoryReadResult([], findings),
        "history sheet",
        Text(
            "请导入考核历史 .xlsx 工作簿（可用 jlpanel 生成空白模板），或以往周期的 "
            ".jlpanel 工作区",
            "Import the history .xlsx workbook (jlpanel writes a blank template), or "
            "an earlier cycle's .jlpanel workspace",
        ),
    )


def _read_workbook(
    path: Path, archive: zipfile.ZipFile, max_rows: int, report: _Report
) -> HistoryReadResult:
    sheet_name, loaded = load_one_sheet(
        path,
        archive,
        max_rows,
        report,
        sheet=HISTORY_SHEET,
        sheet_names=_HISTORY_SHEET_NAMES,
        key_headers=frozenset(normalise_name(n) for n in HISTORY_SPEC.columns[0].names()),
        what=Text("考核历史", "history"),
        skip=frozenset({normalise_name(INSTRUCTIONS_SHEET)}),
    )
    if sheet_name is None or loaded is None:
        return HistoryReadResult([], report.findings(), sheet=sheet_name)
    grid, merged, special = loaded
    table = _read_table(HISTORY_SPEC, sheet_name, grid, merged, special, report)
    if report.has_errors:
        return HistoryReadResult([], report.findings(), sheet=sheet_name)

    rows: list[HistoryRow] = []
    source_rows: list[int] = []
    grade_header = HISTORY_SPEC.column("grade").header
    for i, excel_row in enumerate(table.rows):
        values = {name: column[i] for name, column in table.columns.items()}
        label = str(values.get("grade") or "")
        try:
            grade = grade_from_label(label)
        except ValueError:
            report.add(
                "history.bad_grade",
                sheet_name,
                excel_row,
                grade_header,
                Text(
                    f"“{label}”不是考核等级",
                    f"'{label}' is not a grade",
                ),
                Text(
                    f"请填写 {_GRADE_WORDS} 之一",
                    f"Write one of {_GRADE_WORDS} (or {_GRADE_WORDS_EN})",
                ),
            )
            continue
        end = values.get("cycle_end")
        rows.append(
            HistoryRow(
                filing_no="".join(str(values["filing_no"]).split()),
                cycle_name=str(values["cycle_name"]).strip(),
                grade=grade,
                platform_name=str(values.get("platform_name") or ""),
                cycle_end=end if isinstance(end, dt.date) else None,
            )
        )
        source_rows.append(excel_row)
    _check_rows(sheet_name, rows, source_rows, report)
    if not rows and not report.has_errors:
        report.add(
            "history.empty",
            sheet_name,
            None,
            None,
            Text("考核历史表中没有记录", "The history sheet lists nothing"),
            Text(
                "请从表头下一行起每行填写一个平台在一次考核中的等级",
                "Fill in one platform's grade in one cycle per row below the header",
            ),
        )
    findings = report.findings()
    if report.has_errors:
        return HistoryReadResult([], findings, sheet=sheet_name)
    log.info("history sheet %s: %d rows from sheet %s", path, len(rows), sheet_name)
    return HistoryReadResult(rows, findings, source_rows, sheet_name)


def _check_rows(sheet: str, rows: list[HistoryRow], excel_rows: list[int], report: _Report) -> None:
    """Two rows for one platform and cycle refuse the sheet; so do over-long values and
    one cycle given two different period ends."""
    first_row: dict[tuple[str, str], int] = {}
    ends: dict[str, tuple[dt.date, int]] = {}
    filing_header = HISTORY_SPEC.column("filing_no").header
    end_header = HISTORY_SPEC.column("cycle_end").header
    for row, excel_row in zip(rows, excel_rows, strict=True):
        key = (row.filing_no, row.cycle_name)
        if key in first_row:
            report.add(
                "history.duplicate",
                sheet,
                excel_row,
                filing_header,
                Text(
                    f"平台 {row.filing_no} 在“{row.cycle_name}”的等级出现了两次"
                    f"（第 {first_row[key]} 行和第 {excel_row} 行）",
                    f"Platform {row.filing_no} has two grades for '{row.cycle_name}' "
                    f"(rows {first_row[key]} and {excel_row})",
                ),
                Text("删除重复的一行", "Delete the repeated row"),
            )
        else:
            first_row[key] = excel_row
        if row.cycle_end is not None:
            seen = ends.setdefault(row.cycle_name, (row.cycle_end, excel_row))
            if seen[0] != row.cycle_end:
                report.add(
                    "history.cycle_end_differs",
                    sheet,
                    excel_row,
                    end_header,
                    Text(
                        f"“{row.cycle_name}”的考核期止在第 {seen[1]} 行是 {seen[0]}，"
                        f"这里却是 {row.cycle_end}",
                        f"'{row.cycle_name}' ends on {seen[0]} in row {seen[1]} but on "
                        f"{row.cycle_end} here",
                    ),
                    Text(
                        "同一考核周期的考核期止应相同，请核对",
                        "One cycle has one period end; check the dates",
                    ),
                )
        for field_name, limit in MAX_LENGTHS.items():
            value = getattr(row, field_name)
            if len(value) > limit:
                header = HISTORY_SPEC.column(field_name).header
                report.add(
                    "cell.too_long",
                    sheet,
                    excel_row,
                    header,
                    Text(
                        f"“{header}”有 {len(value)} 个字，超过上限 {limit} 个字",
                        f"{header} has {len(value)} characters, more than the limit of {limit}",
                    ),
                    Text(f"请缩短{header}", f"Shorten the {header}"),
                )


# ------------------------------------------------------------------------------- writing


def write_history_sheet(path: Path, rows: Sequence[HistoryRow]) -> None:
    """Write a history workbook (考核历史 and its instructions) with ``rows``, atomically.

    With no rows it is the blank template staff fill in.
    """
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    workbook.set_properties({"title": "平台考核历史", "comments": "Written by jlpanel"})
    required = workbook.add_format(
        {"bold": True, "border": 1, "align": "center", "bg_color": "#FCE4D6"}
    )
    optional = workbook.add_format(
        {"bold": True, "border": 1, "align": "center", "bg_color": "#DDEBF7"}
    )
    text = workbook.add_format({"num_format": "@", "valign": "top"})
    date = workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})

    sheet = workbook.add_worksheet(HISTORY_SPEC.name)
    for col, column in enumerate(HISTORY_SPEC.columns):
        sheet.set_column(col, col, column.width, date if column.kind is ColumnKind.DATE else text)
        sheet.write_string(0, col, column.header, required if column.required else optional)
        note = f"{column.help.zh}{'（必填）' if column.required else ''}\n{column.help.en}"
        sheet.write_comment(0, col, note, {"x_scale": 2, "y_scale": 1.5})
    grade_col = [c.field for c in HISTORY_SPEC.columns].index("grade")
    sheet.data_validation(
        1,
        grade_col,
        max(len(rows), 1000),
        grade_col,
        {"validate": "list", "source": [g.label.zh for g in GRADE_ORDER]},
    )
    for r, row in enumerate(rows, start=1):
        sheet.write_string(r, 0, row.filing_no, text)
        if row.platform_name:
            sheet.write_string(r, 1, row.platform_name, text)
        sheet.write_string(r, 2, row.cycle_name, text)
        if row.cycle_end is not None:
            sheet.write_datetime(r, 3, dt.datetime.combine(row.cycle_end, dt.time()), date)
        sheet.write_string(r, 4, row.grade.label.zh, text)
    sheet.freeze_panes(1, 0)

    notes = workbook.add_worksheet(INSTRUCTIONS_SHEET)
    wrap = workbook.add_format({"num_format": "@", "valign": "top", "text_wrap": True})
    notes.set_column(0, 0, 100, wrap)
    lines = [
        "平台考核历史填写说明",
        f"1. 在“{HISTORY_SPEC.name}”工作表中每行填写一个平台在一次以往考核中的等级，"
        "第 1 行为表头。",
        "2. 备案编号、考核周期、等级为必填项（表头为橙色）；备案编号须与本周期平台材料一致。",
        f"3. 等级填写 {_GRADE_WORDS} 之一（也可写英文 {_GRADE_WORDS_EN}）。",
        "4. 考核期止用于判断哪一次是平台的“上一次”考核：连续两次考核不合格的平台将被取消资格。",
        "5. 同一平台在同一考核周期只能有一行。",
        "",
        "Instructions: one platform's grade in one earlier cycle per row on the sheet 考核历史. "
        "备案编号 (filing no), 考核周期 (cycle) and 等级 (grade) are required; the grade is "
        f"{_GRADE_WORDS} or {_GRADE_WORDS_EN}. 考核期止 (period end) tells which cycle was the "
        "previous one: a platform failing two cycles in a row loses its status.",
    ]
    for r, line in enumerate(lines):
        notes.write_string(r, 0, line, wrap)
    workbook.close()
    write_atomic(path, buffer.getvalue())


def write_history_template(path: Path) -> None:
    """Write the blank history workbook staff fill in."""
    write_history_sheet(path, ())
