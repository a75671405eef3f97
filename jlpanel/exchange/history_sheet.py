"""The history sheet: platforms' grades and decisions in earlier cycles (考核历史).

The sheet is 考核历史 (or "History", 历史; failing that, the first sheet with a 备案编号 header,
failing that the first sheet). The program's own results export reads as history too: its
结果汇总 (Results) sheet gives the exported cycle's results and its 历史 (History) sheet the
cycles before it, also after Excel, WPS or LibreOffice saved it again. Headers are found in
the first rows and matched like the dossier's: 备案编号/Filing no, 考核周期/Cycle, 考核期止
(周期截止)/Period end and 等级/Grade are required, 平台名称/Platform, 处理意见/Decision,
取消申报资格/Barred and 结果已确定/Final optional. A grade is 优秀/良好/合格/不合格 or
Excellent/Good/Pass/Fail; a decision is one of the results' own labels (取消资格, 限期整改,
后补助候选, 保持资格, 待定, or their English labels).

A row without its period end is refused: without it no one can tell which cycle was the
previous one. A platform disqualified or barred without a grade counts as 不合格 (DESIGN §5:
any veto is 不合格, and only a 不合格 loses the status); a row with neither a grade nor a final
result nor a decision holds nothing to carry and is left out with a warning.

Like the roster reader it reuses the dossier reader's file checks and table reading, and never
raises on bad input: the workbook is read whole or refused with every problem as sheet / row /
column / what is wrong / how to fix it. Two rows for one platform in one cycle refuse it,
naming both: one platform however its 备案编号 is written (compared on its identity key,
:func:`jlpanel.domain.identity.identity_key`). Text is kept cleaned (``clean_text``), with a
warning naming each cell that held invisible or control characters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import logging
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jlpanel.domain.dossier import Finding, ReadFindings, Severity
from jlpanel.domain.identity import clean_text, describe_removed, identity_key
from jlpanel.domain.results import DECISION_LABELS, DecisionKind
from jlpanel.domain.rules import GRADE_ORDER, Grade, grade_from_label
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_schema import (
    ColumnKind,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
    normalise_name,
)
from jlpanel.exchange.read_report import ReadReport, characters_removed
from jlpanel.exchange.table_reader import load_one_sheet, read_table
from jlpanel.exchange.workbook_container import read_guarded
from jlpanel.storage.files import write_atomic

log = logging.getLogger(__name__)

HISTORY_SHEET = "考核历史"
HISTORY_SHEET_ALIASES = ("History", "历史", "考核结果", "历次考核", "历史等级", "Grades")
#: The results export's summary sheet (services.export): the exported cycle's own results.
RESULTS_SHEET_NAMES = ("结果汇总", "Results")
#: A history sheet of more rows than this is refused (a province has a few hundred platforms).
MAX_HISTORY_ROWS = 50_000
MAX_HISTORY_BYTES = 20 * 2**20
#: The longest value the workspace keeps per column (its ``history_entries`` table's lengths).
MAX_LENGTHS = {"filing_no": 64, "platform_name": 200, "cycle_name": 200}
INSTRUCTIONS_SHEET = "填写说明"

_GRADE_WORDS = "、".join(g.label.zh for g in GRADE_ORDER)
_GRADE_WORDS_EN = ", ".join(g.label.en for g in GRADE_ORDER)
#: The decisions a history row names (待定 is what a not-final result shows).
_DECISIONS = (
    DecisionKind.DISQUALIFY,
    DecisionKind.RECTIFY,
    DecisionKind.FUNDING_CANDIDATE,
    DecisionKind.MAINTAIN,
    DecisionKind.PENDING,
)
_DECISION_WORDS = "、".join(DECISION_LABELS[k].zh for k in _DECISIONS[:-1]) + "、待定"
_DECISION_WORDS_EN = ", ".join(DECISION_LABELS[k].en for k in _DECISIONS[:-1]) + ", Pending"
#: Other ways people write a decision in a sheet, besides the labels and codes.
_DECISION_SYNONYMS: Mapping[str, DecisionKind] = {
    "取消共享服务平台资格": DecisionKind.DISQUALIFY,
    "取消平台资格": DecisionKind.DISQUALIFY,
    "撤销资格": DecisionKind.DISQUALIFY,
    "disqualified": DecisionKind.DISQUALIFY,
    "revoked": DecisionKind.DISQUALIFY,
    "整改": DecisionKind.RECTIFY,
    "rectify": DecisionKind.RECTIFY,
    "后补助": DecisionKind.FUNDING_CANDIDATE,
    "funding candidate": DecisionKind.FUNDING_CANDIDATE,
    "保持": DecisionKind.MAINTAIN,
    "维持资格": DecisionKind.MAINTAIN,
    "maintained": DecisionKind.MAINTAIN,
    "待定": DecisionKind.PENDING,
    "未确定": DecisionKind.PENDING,
}


def _decision_key(text: str) -> str:
    return normalise_name(unicodedata.normalize("NFKC", text))


_DECISION_BY_KEY: Mapping[str, DecisionKind] = {
    **{_decision_key(k): v for k, v in _DECISION_SYNONYMS.items()},
    **{_decision_key(k.value): k for k in DecisionKind},
    **{_decision_key(label.zh): k for k, label in DECISION_LABELS.items()},
    **{_decision_key(label.en): k for k, label in DECISION_LABELS.items()},
}


def decision_from_label(label: str) -> DecisionKind:
    """A decision from its code, Chinese or English label, or a common way of writing it."""
    kind = _DECISION_BY_KEY.get(_decision_key(label))
    if kind is None:
        raise ValueError(f"unknown decision {label!r}")
    return kind


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
            "Filing no.",
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
            "周期截止",
            "Period end",
            "Cycle end",
            "End",
            "考核截止日期",
            "考核期截止",
            required=True,
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
        _column(
            "处理意见",
            "decision",
            ColumnKind.TEXT,
            f"该周期的处理意见（可不填）：{_DECISION_WORDS}",
            f"That cycle's decision (optional): {_DECISION_WORDS_EN}",
            "Decision",
            "处理决定",
            "决定",
            width=14,
            example="后补助候选",
        ),
        _column(
            "取消申报资格",
            "barred",
            ColumnKind.BOOL,
            "是否因弄虚作假等被取消申报和参加考核评价资格：是/否（可不填，视为否）",
            "Barred from applying and evaluation for fraud or misconduct: 是/否 (optional; "
            "blank is 否)",
            "取消申报和考核资格",
            "禁止申报",
            "Barred",
            width=12,
            example="否",
        ),
        _column(
            "结果已确定",
            "is_final",
            ColumnKind.BOOL,
            "该周期的结果是否已确定：是/否（可不填，视为是）；未确定的等级不计入“连续两次不合格”",
            "Whether that cycle's result was final: 是/否 (optional; blank is 是); a grade "
            "that was not final does not count for two fails in a row",
            "已确定",
            "是否确定",
            # The export's header since results are confirmed by the panel (a separate act).
            "结果可定",
            "Final",
            width=10,
            example="是",
        ),
    ),
)


#: Columns of the results export (services.export) that history does not keep: read past
#: without a word, so that an exported workbook imports as history as it stands.
EXPORT_ONLY_HEADERS: tuple[tuple[str, str], ...] = (
    ("名次", "Rank"),
    ("依托单位", "Host unit"),
    ("得分", "Score"),
    ("整改期限", "Rectify by"),
    ("后补助候选排序", "Funding rank"),
    ("有效评分", "Valid scores"),
    ("算术平均", "Mean"),
    ("截尾平均", "Trimmed mean"),
    ("中位数", "Median"),
    ("极差", "Range"),
    ("标准差", "SD"),
    ("计算得分", "Computed score"),
    ("合议调整", "Adjusted"),
    ("需合议", "Discuss"),
    ("来源", "Source"),
)

#: How sheets are read: grade and period end are checked row by row (with their own
#: messages), and the export's other columns are known.
_READ_SPEC = dataclasses.replace(
    HISTORY_SPEC,
    columns=(
        *(
            dataclasses.replace(c, required=False) if c.field in ("grade", "cycle_end") else c
            for c in HISTORY_SPEC.columns
        ),
        *(
            _column(zh, f"export_only_{n}", ColumnKind.TEXT, "", "", en)
            for n, (zh, en) in enumerate(EXPORT_ONLY_HEADERS)
        ),
    ),
)
_HISTORY_SHEET_NAMES = frozenset(normalise_name(n) for n in (HISTORY_SHEET, *HISTORY_SHEET_ALIASES))
_RESULTS_SHEET_NAMES = frozenset(normalise_name(n) for n in RESULTS_SHEET_NAMES)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One platform's grade and decision in one earlier cycle."""

    filing_no: str  # 备案编号
    cycle_name: str  # 考核周期
    grade: Grade  # 等级
    platform_name: str = ""  # 平台名称
    #: 考核期止. Only a row of the blank template's writer may lack it; nothing read lacks it.
    cycle_end: dt.date | None = None
    decision: DecisionKind | None = None  # 处理意见
    #: 取消申报资格: barred from applying and evaluation (fraud, misconduct).
    barred: bool = False
    #: 结果已确定: only a final grade counts for the two-consecutive-fails rule.
    is_final: bool = True


@dataclass(frozen=True, slots=True)
class HistoryReadResult(ReadFindings):
    """The rows (empty when any finding is an error) and every finding."""

    rows: list[HistoryRow]
    findings: list[Finding]
    #: The workbook row of each history row (as Excel numbers it), parallel to ``rows``.
    source_rows: list[int] = dataclasses.field(default_factory=list)
    #: The sheet read first (结果汇总 of an export, else the history sheet).
    sheet: str | None = None
    #: The sheet of each history row, parallel to ``rows``.
    source_sheets: list[str] = dataclasses.field(default_factory=list)


def read_history_sheet(
    path: Path, *, max_rows: int = MAX_HISTORY_ROWS, max_bytes: int = MAX_HISTORY_BYTES
) -> HistoryReadResult:
    """Read a filled history workbook or a results export; every problem becomes a finding."""
    return read_guarded(
        path,
        max_bytes,
        lambda archive, report: _read_workbook(path, archive, max_rows, report),
        lambda findings: HistoryReadResult([], findings),
        "history sheet",
        Text(
            "请导入考核历史 .xlsx 工作簿（可用 jlpanel 生成空白模板）、以往周期导出的结果 "
            ".xlsx，或以往周期的 .jlpanel 工作区",
            "Import the history .xlsx workbook (jlpanel writes a blank template), an earlier "
            "cycle's exported results .xlsx, or an earlier cycle's .jlpanel workspace",
        ),
    )


def _sheet_names(path: Path, report: ReadReport) -> list[str] | None:
    from python_calamine import CalamineWorkbook

    try:
        with CalamineWorkbook.from_path(path) as workbook:
            return list(workbook.sheet_names)
    except BaseException as exc:  # calamine raises its own, zip and XML errors, panics
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        report.add(
            "file.corrupt",
            None,
            None,
            None,
            Text(
                f"无法读取工作簿“{path.name}”：{exc}",
                f"Cannot read the workbook '{path.name}': {exc}",
            ),
            Text(
                "请在 WPS、Excel 或 LibreOffice 中打开并重新保存后再导入",
                "Open it in WPS, Excel or LibreOffice, save it again and import that file",
            ),
        )
        return None


@dataclass(slots=True)
class _Rows:
    """History rows read so far, each with its sheet and workbook row."""

    rows: list[HistoryRow] = dataclasses.field(default_factory=list)
    excel_rows: list[int] = dataclasses.field(default_factory=list)
    sheets: list[str] = dataclasses.field(default_factory=list)
    #: Rows that hold nothing to carry (no grade, not final, no decision), per sheet.
    empty: dict[str, list[int]] = dataclasses.field(default_factory=dict)


def _read_workbook(
    path: Path, archive: zipfile.ZipFile | None, max_rows: int, report: ReadReport
) -> HistoryReadResult:
    names = _sheet_names(path, report)
    if names is None:
        return HistoryReadResult([], report.findings())
    results_sheet = next((n for n in names if normalise_name(n) in _RESULTS_SHEET_NAMES), None)
    read = _Rows()
    if results_sheet is None:
        # A history workbook: one sheet, found by name, by its 备案编号 header, or first.
        chosen = _read_one(path, archive, max_rows, report, read, None, exported=False)
        if chosen is None:
            return HistoryReadResult([], report.findings())
        sheets = [chosen]
    else:
        # The results export: the exported cycle's results, and the history it held.
        sheets = [results_sheet]
        _read_one(path, archive, max_rows, report, read, results_sheet, exported=True)
        history_sheet = next((n for n in names if normalise_name(n) in _HISTORY_SHEET_NAMES), None)
        if history_sheet is not None:
            sheets.append(history_sheet)
            _read_one(path, archive, max_rows, report, read, history_sheet, exported=True)
    _check_rows(read, report)
    for sheet_name, rows in read.empty.items():
        listed = "、".join(str(r) for r in rows[:10]) + ("…" if len(rows) > 10 else "")
        report.add(
            "history.nothing_to_carry",
            sheet_name,
            rows[0],
            HISTORY_SPEC.column("grade").header,
            Text(
                f"第 {listed} 行的平台没有等级、结果未确定，也没有处理意见，没有可记入历史的内容，"
                "未导入",
                f"Rows {listed} have no grade, no final result and no decision: nothing to "
                "carry into history, so they were left out",
            ),
            Text(
                "如这些平台在该周期有等级或处理意见，请填写后重新导入",
                "If these platforms had a grade or a decision in that cycle, fill it in and "
                "import again",
            ),
            Severity.WARNING,
        )
    if not read.rows and not report.has_errors:
        report.add(
            "history.empty",
            sheets[0],
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
        return HistoryReadResult([], findings, sheet=sheets[0])
    log.info("history workbook %s: %d rows from %s", path, len(read.rows), "、".join(sheets))
    return HistoryReadResult(read.rows, findings, read.excel_rows, sheets[0], read.sheets)


def _read_one(
    path: Path,
    archive: zipfile.ZipFile | None,
    max_rows: int,
    report: ReadReport,
    read: _Rows,
    sheet: str | None,
    *,
    exported: bool,
) -> str | None:
    """Read one sheet's rows into ``read``; the sheet's name, or None if there was none.

    ``sheet`` None chooses the history sheet as the template describes.
    """
    wanted = _HISTORY_SHEET_NAMES if sheet is None else frozenset({normalise_name(sheet)})
    sheet_name, loaded = load_one_sheet(
        path,
        archive,
        max_rows,
        report,
        sheet=sheet or HISTORY_SHEET,
        sheet_names=wanted,
        key_headers=frozenset(normalise_name(n) for n in HISTORY_SPEC.columns[0].names()),
        what=Text("考核历史", "history"),
        skip=frozenset({normalise_name(INSTRUCTIONS_SHEET)}),
    )
    if sheet_name is None or loaded is None:
        return sheet_name
    grid, merged, special = loaded
    if exported and not any(any(cell != "" for cell in row) for row in grid[1:]):
        return sheet_name  # an export's sheet with its header only: nothing to read
    table = read_table(_READ_SPEC, sheet_name, grid, merged, special, report)
    if report.has_errors:
        return sheet_name
    for field_name in ("cycle_end", "grade"):
        if field_name not in table.columns:
            _missing_column(sheet_name, field_name, exported, report)
    if report.has_errors:
        return sheet_name
    for i, excel_row in enumerate(table.rows):
        values = {
            name: _clean_cell(column[i], name, sheet_name, excel_row, report)
            if name in _CLEANED
            else column[i]
            for name, column in table.columns.items()
        }
        row = _history_row(sheet_name, excel_row, values, report)
        if row is None:
            continue
        if isinstance(row, int):
            read.empty.setdefault(sheet_name, []).append(row)
            continue
        read.rows.append(row)
        read.excel_rows.append(excel_row)
        read.sheets.append(sheet_name)
    return sheet_name


#: The text columns kept or read: cleaned (issue 12), with a warning when characters went.
_CLEANED = frozenset({"filing_no", "platform_name", "cycle_name", "grade", "decision"})


def _clean_cell(value: object, name: str, sheet: str, row: int, report: ReadReport) -> object:
    """A text cell as kept: invisible and control characters removed, NFKC (a 备案编号 with
    its punctuation folded too), with a warning naming the cell when characters went."""
    if not isinstance(value, str):
        return value
    cleaned = clean_text(value, code=name == "filing_no")
    if cleaned.removed:
        header = HISTORY_SPEC.column(name).header
        where = Text("表", "the sheet")
        characters_removed(report, sheet, row, header, describe_removed(cleaned.removed), where)
    return cleaned.text or None


def _missing_column(sheet: str, field_name: str, exported: bool, report: ReadReport) -> None:
    column = HISTORY_SPEC.column(field_name)
    english = next(a for a in column.aliases if a.isascii())
    why = (
        Text(
            "：没有它无法判断哪一次是上一次考核",
            ": without it no one can tell which cycle was the previous one",
        )
        if field_name == "cycle_end"
        else Text("", "")
    )
    fix = (
        Text(
            "这是旧版本导出的结果，缺少该列；请用本程序在该周期的工作区中重新导出结果，"
            "或直接导入该周期的 .jlpanel 工作区",
            "This export was written by an older version and lacks the column: export the "
            "results again from that cycle's workspace, or import its .jlpanel workspace",
        )
        if exported
        else Text(
            f"请在表头行加上“{column.header}”列（英文可写 {english}）",
            f"Add the column {column.header} (or {english}) to the header row",
        )
    )
    report.add(
        "column.missing",
        sheet,
        None,
        column.header,
        Text(
            f"缺少必填列“{column.header}”{why.zh}",
            f"The required column {column.header} is missing{why.en}",
        ),
        fix,
    )


def _history_row(
    sheet: str, excel_row: int, values: Mapping[str, object], report: ReadReport
) -> HistoryRow | int | None:
    """The history row of one sheet row; its row number when it holds nothing to carry;
    None after reporting why it cannot be read."""
    grade_header = HISTORY_SPEC.column("grade").header
    ok = True
    for field_name in ("filing_no", "cycle_name"):
        if values.get(field_name):
            continue
        # The table reader refuses a blank cell: this one held only invisible characters.
        ok = False
        header = HISTORY_SPEC.column(field_name).header
        report.add(
            "cell.required",
            sheet,
            excel_row,
            header,
            Text(
                f"必填项“{header}”只有看不见的字符",
                f"The required {header} holds nothing but invisible characters",
            ),
            Text(f"请填写{header}", f"Fill in the {header}"),
        )
    end = values.get("cycle_end")
    if not isinstance(end, dt.date):
        ok = False
        report.add(
            "history.no_cycle_end",
            sheet,
            excel_row,
            HISTORY_SPEC.column("cycle_end").header,
            Text(
                f"第 {excel_row} 行没有考核期止（周期截止）："
                "无法判断这是哪一次考核、哪一次是上一次",
                f"Row {excel_row} has no period end (考核期止): no one can tell when that cycle "
                "was, nor which cycle was the previous one",
            ),
            Text(
                "请填写该周期考核期的截止日期，如 2023-12-31",
                "Fill in the last day of that cycle's period, e.g. 2023-12-31",
            ),
        )
    label = str(values.get("grade") or "")
    grade: Grade | None = None
    if label:
        try:
            grade = grade_from_label(label)
        except ValueError:
            ok = False
            report.add(
                "history.bad_grade",
                sheet,
                excel_row,
                grade_header,
                Text(f"“{label}”不是考核等级", f"'{label}' is not a grade"),
                Text(
                    f"请填写 {_GRADE_WORDS} 之一",
                    f"Write one of {_GRADE_WORDS} (or {_GRADE_WORDS_EN})",
                ),
            )
    said = str(values.get("decision") or "")
    decision: DecisionKind | None = None
    if said:
        try:
            decision = decision_from_label(said)
        except ValueError:
            ok = False
            report.add(
                "history.bad_decision",
                sheet,
                excel_row,
                HISTORY_SPEC.column("decision").header,
                Text(f"“{said}”不是处理意见", f"'{said}' is not a decision"),
                Text(
                    f"请填写 {_DECISION_WORDS} 之一，或留空",
                    f"Write one of {_DECISION_WORDS_EN} (or {_DECISION_WORDS}), or leave it blank",
                ),
            )
    barred = values.get("barred") is True
    is_final = values.get("is_final") is not False
    if not ok:
        return None
    if grade is None:
        if barred or decision is DecisionKind.DISQUALIFY:
            grade = Grade.FAIL  # any veto is 不合格, and only a 不合格 loses the status
        elif not is_final and decision in (None, DecisionKind.PENDING):
            return excel_row
        else:
            report.add(
                "history.no_grade",
                sheet,
                excel_row,
                grade_header,
                Text(f"第 {excel_row} 行没有等级", f"Row {excel_row} has no grade"),
                Text(
                    f"请填写 {_GRADE_WORDS} 之一；结果未确定的平台请在“结果已确定”填“否”",
                    f"Write one of {_GRADE_WORDS} (or {_GRADE_WORDS_EN}); for a result that "
                    "was not final write 否 under 结果已确定",
                ),
            )
            return None
    assert isinstance(end, dt.date)
    return HistoryRow(
        filing_no="".join(str(values["filing_no"]).split()),
        cycle_name=str(values["cycle_name"]).strip(),
        grade=grade,
        platform_name=str(values.get("platform_name") or ""),
        cycle_end=end,
        decision=decision,
        barred=barred,
        is_final=is_final,
    )


def _check_rows(read: _Rows, report: ReadReport) -> None:
    """Two rows for one platform and cycle refuse the workbook; so do over-long values and
    one cycle given two different period ends.

    One platform however its 备案编号 is written: filing numbers are compared on their
    identity key (case, width, spaces, punctuation and look-alike letters do not count).
    """
    first_row: dict[tuple[str, str], tuple[str, int, str]] = {}
    ends: dict[str, tuple[dt.date, str, int]] = {}
    filing_header = HISTORY_SPEC.column("filing_no").header
    end_header = HISTORY_SPEC.column("cycle_end").header
    for row, excel_row, sheet in zip(read.rows, read.excel_rows, read.sheets, strict=True):
        key = (identity_key(row.filing_no), row.cycle_name)
        if key in first_row:
            first_sheet, first, spelled = first_row[key]
            where = (
                (f"第 {first} 行和第 {excel_row} 行", f"rows {first} and {excel_row}")
                if first_sheet == sheet
                else (
                    f"“{first_sheet}”第 {first} 行和“{sheet}”第 {excel_row} 行",
                    f"'{first_sheet}' row {first} and '{sheet}' row {excel_row}",
                )
            )
            same = (
                (
                    f"；“{spelled}”和“{row.filing_no}”视为同一编号"
                    "（大小写、全角半角、空格、标点和看不见的字符不计）",
                    f"; '{spelled}' and '{row.filing_no}' are one filing number (case, width, "
                    "spaces, punctuation and invisible characters do not count)",
                )
                if spelled != row.filing_no
                else ("", "")
            )
            report.add(
                "history.duplicate",
                sheet,
                excel_row,
                filing_header,
                Text(
                    f"平台 {spelled} 在“{row.cycle_name}”的等级出现了两次（{where[0]}）{same[0]}",
                    f"Platform {spelled} has two grades for '{row.cycle_name}' ({where[1]})"
                    f"{same[1]}",
                ),
                Text("删除重复的一行", "Delete the repeated row"),
            )
        else:
            first_row[key] = (sheet, excel_row, row.filing_no)
        if row.cycle_end is not None:
            seen = ends.setdefault(row.cycle_name, (row.cycle_end, sheet, excel_row))
            if seen[0] != row.cycle_end:
                report.add(
                    "history.cycle_end_differs",
                    sheet,
                    excel_row,
                    end_header,
                    Text(
                        f"“{row.cycle_name}”的考核期止在“{seen[1]}”第 {seen[2]} 行是 {seen[0]}，"
                        f"这里却是 {row.cycle_end}",
                        f"'{row.cycle_name}' ends on {seen[0]} in '{seen[1]}' row {seen[2]} but "
                        f"on {row.cycle_end} here",
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
    col_of = {c.field: n for n, c in enumerate(HISTORY_SPEC.columns)}
    last_row = max(len(rows), 1000)
    choices = {
        "grade": [g.label.zh for g in GRADE_ORDER],
        "decision": [DECISION_LABELS[k].zh for k in _DECISIONS[:-1]],
        "barred": ["是", "否"],
        "is_final": ["是", "否"],
    }
    for field_name, source in choices.items():
        col = col_of[field_name]
        sheet.data_validation(1, col, last_row, col, {"validate": "list", "source": source})
    for r, row in enumerate(rows, start=1):
        sheet.write_string(r, col_of["filing_no"], row.filing_no, text)
        if row.platform_name:
            sheet.write_string(r, col_of["platform_name"], row.platform_name, text)
        sheet.write_string(r, col_of["cycle_name"], row.cycle_name, text)
        if row.cycle_end is not None:
            end = dt.datetime.combine(row.cycle_end, dt.time())
            sheet.write_datetime(r, col_of["cycle_end"], end, date)
        sheet.write_string(r, col_of["grade"], row.grade.label.zh, text)
        if row.decision is not None:
            sheet.write_string(r, col_of["decision"], DECISION_LABELS[row.decision].zh, text)
        sheet.write_string(r, col_of["barred"], "是" if row.barred else "否", text)
        sheet.write_string(r, col_of["is_final"], "是" if row.is_final else "否", text)
    sheet.freeze_panes(1, 0)

    notes = workbook.add_worksheet(INSTRUCTIONS_SHEET)
    wrap = workbook.add_format({"num_format": "@", "valign": "top", "text_wrap": True})
    notes.set_column(0, 0, 100, wrap)
    lines = [
        "平台考核历史填写说明",
        f"1. 在“{HISTORY_SPEC.name}”工作表中每行填写一个平台在一次以往考核中的等级，"
        "第 1 行为表头。",
        "2. 备案编号、考核周期、考核期止、等级为必填项（表头为橙色）；"
        "备案编号须与本周期平台材料一致。",
        f"3. 等级填写 {_GRADE_WORDS} 之一（也可写英文 {_GRADE_WORDS_EN}）。",
        "4. 考核期止用于判断哪一次是平台的“上一次”考核：连续两次考核不合格的平台将被取消资格。"
        "没有考核期止的行不能导入。",
        f"5. 处理意见可填 {_DECISION_WORDS} 之一。"
        "因弄虚作假等被取消申报资格的，“取消申报资格”填“是”："
        "无论该周期结果是否已确定，以后各周期都按取消资格处理；"
        "被取消资格而没有等级的，按不合格记。",
        "6. 结果尚未确定的，“结果已确定”填“否”：其等级不计入“连续两次考核不合格”。",
        "7. 同一平台在同一考核周期只能有一行。"
        "本程序导出的考核结果工作簿（结果汇总、历史）也可直接导入。",
        "",
        "Instructions: one platform's grade in one earlier cycle per row on the sheet 考核历史. "
        "备案编号 (filing no), 考核周期 (cycle), 考核期止 (period end) and 等级 (grade) are "
        f"required; the grade is {_GRADE_WORDS} or {_GRADE_WORDS_EN}. The period end tells "
        "which cycle was the previous one: a platform failing two cycles in a row loses its "
        "status; a row without it cannot be imported. 处理意见 (decision) is optional: "
        f"{_DECISION_WORDS_EN}. 取消申报资格 (barred) 是 carries the bar into every later "
        "cycle, final or not; a disqualified or barred platform without a grade counts as "
        "不合格. 结果已确定 (final) 否: the grade does not count for two fails in a row. The "
        "program's own results export (结果汇总, 历史) imports as it stands.",
    ]
    for r, line in enumerate(lines):
        notes.write_string(r, 0, line, wrap)
    workbook.close()
    write_atomic(path, buffer.getvalue())


def write_history_template(path: Path) -> None:
    """Write the blank history workbook staff fill in."""
    write_history_sheet(path, ())
