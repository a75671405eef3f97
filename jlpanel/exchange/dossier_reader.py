"""Reading a dossier workbook (DESIGN §3) into a :class:`Dossier`, or into what is wrong with it.

Import is all-or-nothing: :func:`read_dossier` either returns the whole dossier or ``None``
with every problem found, each as sheet / row / column / what is wrong / how to fix it. It never
raises for bad input, however broken or hostile the file.

The work happens in three passes, cheapest first, so a bad file is refused quickly:

1. the file itself: size, magic bytes (an encrypted workbook is an OLE container, an old .xls
   too; a PDF or a text file renamed .xlsx), the zip's directory and declared sizes;
2. each sheet's XML, streamed without parsing: its extent (a million rows are refused before
   anything reads them), formula cells without a cached value and Excel error cells (#REF! …),
   which calamine would silently read as empty;
3. the cells, read by python-calamine (faster than ``pandas.read_excel``, which wraps the same
   reader and then builds frames we do not need), parsed a column at a time.

The parts, each usable alone (the roster, history and paper readers use them too):
:mod:`~jlpanel.exchange.workbook_container` (passes 1 and 2: the file, the zip, the extent
scan, reading a sheet safely), :mod:`~jlpanel.exchange.table_reader` (a table's header row,
its columns and aliases), :mod:`~jlpanel.exchange.cell_values` (dates, numbers, choices) and
:mod:`~jlpanel.exchange.read_report` (the findings). This module assembles the dossier.
"""

from __future__ import annotations

import itertools
import logging
import zipfile
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from types import MemberDescriptorType
from typing import Any, cast

from jlpanel.domain.dossier import (
    BasicInfo,
    Dossier,
    Finding,
    FundingLine,
    MajorEvent,
    Outcome,
    Regulation,
    Resource,
    ServiceRecord,
    Severity,
    StaffMember,
)
from jlpanel.domain.text import Text
from jlpanel.exchange.attachments import AttachmentRef, split_attachment_names
from jlpanel.exchange.cell_values import (
    fixed_warning,
    parser_for,
    to_text,
)
from jlpanel.exchange.dossier_schema import (
    INSTRUCTIONS_SHEET,
    OUTCOMES,
    SHEETS,
    WORK_SUMMARY,
    SheetLayout,
    SheetSpec,
    funding_is_income,
    normalise_name,
    sheet_for,
)
from jlpanel.exchange.read_report import (
    BadCell,
    FixedCell,
    ReadReport,
    damaged_finding,
    is_fatal,
    show_value,
)
from jlpanel.exchange.table_reader import (
    HEADER_SEARCH_ROWS,
    KIND_ITEM,
    KIND_SHEET,
    TableRows,
    alias_warning,
    closest_name,
    merged_findings,
    near_names,
    read_table,
    unplaced_finding,
)
from jlpanel.exchange.workbook_container import (
    SheetCells,
    load_sheet,
    open_workbook,
    sheet_parts,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadResult:
    """The dossier (None when any finding is an error) and every finding."""

    dossier: Dossier | None
    findings: list[Finding]
    #: The attachments the workbook names, with their cells (filled even when refused, so that
    #: the attachments can be checked in the same run and every problem reported at once).
    attachment_refs: tuple[AttachmentRef, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the dossier was read."""
        return self.dossier is not None

    @property
    def errors(self) -> list[Finding]:
        """The findings that refuse the dossier."""
        return [f for f in self.findings if f.severity is Severity.ERROR]


def _read_basic(
    spec: SheetSpec,
    sheet_name: str,
    grid: list[list[Any]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    special: dict[tuple[int, int], BadCell],
    report: ReadReport,
) -> dict[str, object]:
    """The 基本信息 items: field → value (a BadCell for a value that could not be read)."""
    # Tolerate the sheet written as a one-row table: headers in a row, values below them.
    top = grid[:HEADER_SEARCH_ROWS]
    table_row = next(
        (i for i, row in enumerate(top) if sum(1 for c in row if spec.column_for(c)) >= 2), None
    )
    pairs: list[tuple[int, object, object, int]] = []
    if table_row is not None:
        below = grid[table_row + 1] if len(grid) > table_row + 1 else []
        pairs = [
            (col, key, below[col] if col < len(below) else "", table_row + 2)
            for col, key in enumerate(grid[table_row])
        ]
        first_row = table_row
    else:
        # The items start below the 项目/内容 header, or at the first item the reader knows;
        # title and blank rows above them (nothing in column B) are no items.
        key_headers = {
            normalise_name(n) for n in (spec.key_value_headers[0], "item", "key", "field", "名称")
        }
        first_row, start = 0, 0
        for index, row in enumerate(top):
            if type(row[0]) is str and normalise_name(row[0]) in key_headers:
                first_row, start = index, index + 1
                break
            if spec.column_for(row[0]) is not None:
                first_row, start = index, index
                break
        pairs = [
            (1, row[0], row[1] if len(row) > 1 else "", index + 1)
            for index, row in enumerate(grid)
            if index >= start or (index < first_row and len(row) > 1 and row[1] != "")
        ]
    merged_rows = [m for m in merged if m[0][0] != m[1][0] and m[0][1] <= 1]
    merged_findings(
        spec, sheet_name, merged_rows, first_row, lambda c: "AB"[c] if c < 2 else "", report
    )
    exact = {c.field for _, key, _, _ in pairs if (c := spec.column_for(key)) is not None}

    values: dict[str, object] = {}
    where: dict[str, int] = {}
    for col, key, raw, excel_row in pairs:
        if key == "" or (isinstance(key, str) and not key.strip()):
            continue
        column = spec.column_for(key)
        if column is None:
            near, certain = near_names(
                show_value(key), [(c, c.names()[:-1]) for c in spec.columns if c.field not in exact]
            )
            if certain and near[0].field not in where:
                column = near[0]
                report.general.append(
                    alias_warning(sheet_name, excel_row, KIND_ITEM, show_value(key), column.header)
                )
            elif near and raw != "" and not (isinstance(raw, str) and not raw.strip()):
                report.general.append(
                    unplaced_finding(
                        sheet_name, excel_row, KIND_ITEM, show_value(key), "", [near[0].header]
                    )
                )
                continue
        if column is None:
            guess = closest_name(
                [show_value(key)], [c.header for c in spec.columns if c.field not in where]
            )
            hint = (f"，是否应为“{guess}”？", f"; did you mean {guess}?") if guess else ("", "")
            report.add(
                "basic.unknown_item",
                sheet_name,
                excel_row,
                show_value(key),
                Text(
                    f"不认识的项目“{show_value(key)}”，不会导入{hint[0]}",
                    f"Unknown item '{show_value(key)}' is not imported{hint[1]}",
                ),
                Text("请使用模板中的项目名称", "Use the item names of the template"),
                Severity.WARNING,
            )
            continue
        if column.field in where:
            report.add(
                "basic.duplicate_item",
                sheet_name,
                excel_row,
                column.header,
                Text(
                    f"项目“{column.header}”出现了两次（第 {where[column.field]} 行和第 "
                    f"{excel_row} 行）",
                    f"The item {column.header} appears twice (rows "
                    f"{where[column.field]} and {excel_row})",
                ),
                Text("删除多余的一行", "Delete the extra row"),
            )
            continue
        where[column.field] = excel_row
        value = special.get((excel_row, col)) or parser_for(column)(raw)
        if type(value) is BadCell:
            report.cell(sheet_name, excel_row, col, column.header, value)
        elif type(value) is FixedCell:
            report.general.append(
                fixed_warning(sheet_name, column.header, value.code, [(excel_row, value.shown)])
            )
            value = value.value
        elif column.field == "credit_code" and type(value) is str:
            value = value.upper()  # 统一社会信用代码 letters are capitals (GB 32100)
        values[column.field] = value
    for column in spec.columns:
        if not column.required:
            continue
        if column.field not in where:
            report.add(
                "basic.missing_item",
                sheet_name,
                None,
                column.header,
                Text(f"缺少项目“{column.header}”", f"The item {column.header} is missing"),
                Text(
                    f"在 A 列加一行“{column.header}”，并在 B 列填写内容",
                    f"Add a row {column.header} in column A and fill in column B",
                ),
            )
        elif values.get(column.field) is None:
            report.cell(
                sheet_name,
                where[column.field],
                1,
                column.header,
                BadCell(
                    "cell.required",
                    Text(
                        f"必填项“{column.header}”是空的", f"The required {column.header} is empty"
                    ),
                    Text(f"请在 B 列填写{column.header}", f"Fill in {column.header} in column B"),
                ),
            )
    return values


def _read_summary(spec: SheetSpec, grid: list[list[Any]]) -> tuple[str, str | None, int]:
    """The summary text, the attachment name and its Excel row.

    The text and the file name start below the header row (工作总结 / 附件文件名) wherever it
    is; title and blank rows above it are neither text nor an attachment.
    """
    start = 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if any(spec.column_for(cell) is not None for cell in row[:2]):
            start = index + 1
            break
    lines = [to_text(row[0]) for row in grid[start:]]
    text = "\n".join("" if line is None else str(line) for line in lines).strip()
    attachment: str | None = None
    attachment_row = start + 1
    for index, row in enumerate(grid[start:], start=start):
        if len(row) < 2 or row[1] == "":
            continue
        value = to_text(row[1])
        if value is not None:
            attachment, attachment_row = str(value), index + 1
            break
    return text, attachment, attachment_row


# ----------------------------------------------------------------------------- main


def read_dossier(
    path: Path, *, max_rows: int = 200_000, max_bytes: int = 100 * 2**20
) -> ReadResult:
    """Read a filled dossier workbook; every problem becomes a finding, nothing raises.

    ``max_rows`` caps the data rows of any sheet; ``max_bytes`` the file size, and with it
    what the zip may unpack to (:class:`MemoryLimits`).
    """
    report = ReadReport()
    try:
        ok, archive = open_workbook(path, max_bytes, max_rows, report)
        if not ok:
            return ReadResult(None, report.findings())
        if archive is None:
            return _read_workbook(path, None, max_rows, report)
        with archive:
            return _read_workbook(path, archive, max_rows, report)
    except BaseException as exc:  # never let a hostile file crash the caller
        if is_fatal(exc):
            raise
        log.exception("unexpected failure reading dossier %s", path)
        report.general.append(damaged_finding(path.name, str(exc) or type(exc).__name__))
        return ReadResult(None, report.findings())


def _read_workbook(
    path: Path, archive: zipfile.ZipFile | None, max_rows: int, report: ReadReport
) -> ReadResult:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(path)
        sheet_names = list(workbook.sheet_names)
    except BaseException as exc:  # calamine raises its own, zip and XML errors alike
        if is_fatal(exc):
            raise
        report.general.append(damaged_finding(path.name, str(exc) or type(exc).__name__))
        return ReadResult(None, report.findings())
    with workbook:
        return _read_sheets(path, archive, workbook, sheet_names, max_rows, report)


def _read_sheets(
    path: Path,
    archive: zipfile.ZipFile | None,
    workbook: Any,
    sheet_names: list[str],
    max_rows: int,
    report: ReadReport,
) -> ReadResult:
    parts = sheet_parts(archive) if archive is not None else {}

    def load(name: str, label: str) -> SheetCells | None:
        return load_sheet(path, archive, workbook, name, label, parts, max_rows, report)

    matched, unmatched = _match_sheets(sheet_names, report)
    _check_unmatched(sheet_names, matched, unmatched, load, report)
    tables: dict[str, TableRows] = {}
    basic: dict[str, object] | None = None
    summary: tuple[str, str | None, int] = ("", None, 2)
    for spec in SHEETS:
        sheet_name = matched.get(spec.name)
        if sheet_name is None:
            continue
        loaded = load(sheet_name, spec.name)
        if loaded is None:
            continue
        grid, merged, special = loaded
        if spec.layout is SheetLayout.KEY_VALUE:
            basic = _read_basic(spec, spec.name, grid, merged, special, report)
        elif spec.layout is SheetLayout.TEXT:
            summary = _read_summary(spec, grid)
        else:
            tables[spec.dossier_field] = read_table(spec, spec.name, grid, merged, special, report)

    refs = _attachment_refs(tables.get("outcomes"), summary)
    if report.has_errors or basic is None:
        return ReadResult(None, report.findings(), refs)
    dossier = Dossier(
        basic=BasicInfo(**cast("dict[str, Any]", basic)),
        resources=_records(tables.get("resources"), Resource),
        services=_records(tables.get("services"), ServiceRecord),
        outcomes=_records(tables.get("outcomes"), Outcome),
        staff=_records(tables.get("staff"), StaffMember),
        funding=_records(tables.get("funding"), FundingLine),
        regulations=_records(tables.get("regulations"), Regulation),
        major_events=_records(tables.get("major_events"), MajorEvent),
        work_summary=summary[0],
        work_summary_attachment=summary[1],
    )
    return ReadResult(dossier, report.findings(), refs)


def _match_sheets(sheet_names: list[str], report: ReadReport) -> tuple[dict[str, str], list[str]]:
    """Template sheet name → the workbook's sheet; the workbook's sheets left unmatched.

    A sheet is matched by its name or an alias, or, when it is the only one certainly meant
    (人员表 → 人员), by likeness, said in a warning. Two sheets for one are an error.
    """
    matched: dict[str, str] = {}
    for name in sheet_names:
        spec = sheet_for(name)
        if spec is None:
            continue
        if spec.name in matched:
            report.add(
                "sheet.duplicate",
                spec.name,
                None,
                None,
                Text(
                    f"有两个工作表都是“{spec.name}”：“{matched[spec.name]}”和“{name}”",
                    f"Two sheets are both {spec.name}: '{matched[spec.name]}' and '{name}'",
                ),
                Text("删除或合并其中一个", "Delete or merge one of them"),
            )
            continue
        matched[spec.name] = name
    unmatched = [n for n in sheet_names if sheet_for(n) is None and n != INSTRUCTIONS_SHEET]
    claims: dict[str, list[str]] = {}
    for name in unmatched:
        near, certain = near_names(name, [(s, s.names()) for s in SHEETS if s.name not in matched])
        if certain:
            claims.setdefault(near[0].name, []).append(name)
    for spec_name, names in claims.items():
        if len(names) == 1:
            matched[spec_name] = names[0]
            unmatched.remove(names[0])
            report.general.append(alias_warning(names[0], None, KIND_SHEET, names[0], spec_name))
    return matched, unmatched


def _check_unmatched(
    sheet_names: list[str],
    matched: dict[str, str],
    unmatched: list[str],
    load: Callable[[str, str], SheetCells | None],
    report: ReadReport,
) -> None:
    """Report each required sheet missing, and each sheet left over that holds data.

    A leftover sheet like a template sheet, with data on it, refuses the dossier: its data
    has no place and must not vanish.
    """
    suggested: set[str] = set()
    for spec in SHEETS:
        if spec.name in matched or not spec.required:
            continue
        guess = closest_name(spec.names(), unmatched)
        if guess is not None:
            suggested.add(guess)
        listed = "、".join(sheet_names) or "（无）"
        hint = (
            (f"是否把“{spec.name}”改名成了“{guess}”？", f" Was {spec.name} renamed to '{guess}'?")
            if guess
            else ("", "")
        )
        report.add(
            "sheet.missing",
            spec.name,
            None,
            None,
            Text(
                f"缺少工作表“{spec.name}”。工作簿中的工作表有：{listed}。{hint[0]}",
                f"The sheet {spec.name} ({spec.name_en}) is missing. The workbook has: "
                f"{listed}.{hint[1]}",
            ),
            Text(
                f"请把对应的工作表改名为“{spec.name}”，或使用 jlpanel template 生成的模板",
                f"Rename the sheet to {spec.name}, or start from the jlpanel template",
            ),
        )
    for name in unmatched:
        near, _ = near_names(name, [(s, s.names()) for s in SHEETS if s.name not in matched])
        if name in suggested:
            continue
        loaded = load(name, name)
        if not near:
            if loaded is not None and any(c != "" for row in loaded.grid for c in row):
                report.general.append(_foreign_sheet(name))
            continue
        if loaded is not None and any(c != "" for row in loaded.grid for c in row):
            # Its data cannot be placed and must not vanish: the dossier is refused.
            report.general.append(
                unplaced_finding(name, None, KIND_SHEET, name, "", [s.name for s in near])
            )
        elif loaded is not None:
            report.add(
                "sheet.unknown",
                name,
                None,
                None,
                Text(
                    f"不认识的空工作表“{name}”；是否应为“{near[0].name}”？",
                    f"Unknown empty sheet '{name}'; should it be {near[0].name}?",
                ),
                Text(
                    f"如果这是{near[0].name}，请把工作表改名为“{near[0].name}”",
                    f"If it holds the {near[0].name_en} sheet, rename it to {near[0].name}",
                ),
                Severity.WARNING,
            )


def _foreign_sheet(name: str) -> Finding:
    """A sheet like none of the template's, holding data: not read, and said so."""
    return Finding(
        Severity.WARNING,
        "sheet.not_read",
        name,
        None,
        None,
        Text(
            f"工作表“{name}”不是模板中的工作表，其中的内容没有导入",
            f"The sheet '{name}' is not one of the template's; its contents are not imported",
        ),
        Text(
            "如果其中有要评审的内容，请把它填到模板中对应的工作表里，或作为附件提交",
            "If it holds anything to be evaluated, move it to the template's sheet for it, "
            "or hand it in as an attachment",
        ),
    )


def _records(table: TableRows | None, record_type: type[Any]) -> tuple[Any, ...]:
    """Dataclass records built a column at a time, the loop kept in C.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, a Python
    call per value: 1.7 ms for W1's 1,000 service rows. A slotted record without
    ``__post_init__`` gets the same fields set a column at a time through its slots instead
    (0.7 ms); any other record type is built through its constructor, as it was.
    """
    if table is None or not table.rows:
        return ()
    count = len(table.rows)
    columns: list[Sequence[object]] = []
    for item in fields(record_type):
        if item.name == "source_row":
            columns.append(table.rows)
        elif item.name in table.columns:
            columns.append(table.columns[item.name])
        elif item.name == "is_income" and "category" in table.columns:
            categories = table.columns["category"]
            columns.append(
                [funding_is_income(c if isinstance(c, str) else None) for c in categories]
            )
        else:
            columns.append([None] * count)
    setters = _slot_setters(record_type)
    if setters is None or any(len(column) != count for column in columns):
        return tuple(itertools.starmap(record_type, zip(*columns, strict=False)))
    records = list(map(object.__new__, itertools.repeat(record_type, count)))
    for setter, column in zip(setters, columns, strict=True):
        deque(map(setter, records, column), maxlen=0)
    return tuple(records)


_SETTERS: dict[type[Any], tuple[Callable[[object, object], None], ...] | None] = {}


def _slot_setters(record_type: type[Any]) -> tuple[Callable[[object, object], None], ...] | None:
    """The setters of a record type's fields, in field order, where setting its slots is all
    its constructor does; None where it does more."""
    if record_type not in _SETTERS:
        names = [item.name for item in fields(record_type)]
        slots = [record_type.__dict__.get(name) for name in names]
        plain = (
            "__dict__" not in dir(record_type)
            and not hasattr(record_type, "__post_init__")
            and record_type.__new__ is cast(Any, object.__new__)
            and tuple(getattr(record_type, "__slots__", ())) == tuple(names)
            and all(isinstance(slot, MemberDescriptorType) for slot in slots)
        )
        _SETTERS[record_type] = (
            tuple(cast(MemberDescriptorType, slot).__set__ for slot in slots) if plain else None
        )
    return _SETTERS[record_type]


def _attachment_refs(
    outcomes: TableRows | None, summary: tuple[str, str | None, int]
) -> tuple[AttachmentRef, ...]:
    refs: list[AttachmentRef] = []
    if outcomes is not None and "evidence" in outcomes.columns:
        header = OUTCOMES.column("evidence").header
        for row, value in zip(outcomes.rows, outcomes.columns["evidence"], strict=True):
            if isinstance(value, str):
                refs.extend(
                    AttachmentRef(n, OUTCOMES.name, row, header)
                    for n in split_attachment_names(value)
                )
    if summary[1]:
        header = WORK_SUMMARY.column("work_summary_attachment").header
        refs.append(AttachmentRef(summary[1], WORK_SUMMARY.name, summary[2], header))
    return tuple(refs)
