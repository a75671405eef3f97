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
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import itertools
import logging
import math
import re
import unicodedata
import weakref
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar, cast

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
from jlpanel.exchange.dossier_schema import (
    BOOL_FALSE,
    BOOL_TRUE,
    DATE_HELP,
    INSTRUCTIONS_SHEET,
    OUTCOMES,
    SHEETS,
    WORK_SUMMARY,
    ColumnKind,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
    funding_is_income,
    kind_help,
    normalise_name,
    sheet_for,
)
from jlpanel.exchange.workbook_container import (
    MAX_CELLS,
    MAX_COLUMNS,
    ExtentCounter,
    probe_in_child,
)

log = logging.getLogger(__name__)

#: Per sheet and column, findings beyond this many are summed up in one "还有 N 处" finding.
MAX_CELL_FINDINGS = 100
#: The zip may unpack to at most this many times the file size limit, and never past
#: UNPACK_LIMIT (sharedStrings is read whole, whatever the row limit).
UNPACK_FACTOR = 20
UNPACK_LIMIT = 2**30
#: Numbers beyond this size are refused: no amount, count or volume of a platform comes near,
#: and a few of them summed are inf on every report.
MAX_PLAUSIBLE = 1e12
#: Rows searched for the header (title, blank and merged rows above it are common).
HEADER_SEARCH_ROWS = 20
_SCAN_CHUNK = 2**20
_PART_LIMIT = 16 * 2**20  # workbook.xml and its relationships are small

_ZIP_MAGIC = (b"PK\x03\x04",)
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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


# ------------------------------------------------------------------------- findings


class _Bad:
    """A cell that could not be read: what is wrong and how to fix it."""

    __slots__ = ("code", "fix", "message")

    def __init__(self, code: str, message: Text, fix: Text) -> None:
        self.code = code
        self.message = message
        self.fix = fix


class _Fixed:
    """A cell read under a stated assumption: the value, and what was assumed, as a warning."""

    __slots__ = ("code", "shown", "value")

    def __init__(self, value: object, code: str, shown: str) -> None:
        self.value = value
        self.code = code
        self.shown = shown  # "2021年10月 → 2021-10-01"


@dataclass(slots=True)
class _CellFinding:
    row: int
    col_index: int
    column: str
    bad: _Bad


@dataclass(slots=True)
class _Report:
    """Findings in reading order: file and sheet problems first, then cells row by row."""

    general: list[Finding] = field(default_factory=list)
    cells: dict[str, list[_CellFinding]] = field(default_factory=dict)
    cell_counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(
        self,
        code: str,
        sheet: str | None,
        row: int | None,
        column: str | None,
        message: Text,
        fix: Text,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.general.append(Finding(severity, code, sheet, row, column, message, fix))

    def cell(self, sheet: str, row: int, col_index: int, column: str, bad: _Bad) -> None:
        key = (sheet, column)
        count = self.cell_counts.get(key, 0) + 1
        self.cell_counts[key] = count
        if count <= MAX_CELL_FINDINGS:
            self.cells.setdefault(sheet, []).append(_CellFinding(row, col_index, column, bad))

    @property
    def has_errors(self) -> bool:
        return bool(self.cells) or any(f.severity is Severity.ERROR for f in self.general)

    def findings(self) -> list[Finding]:
        out = list(self.general)
        for sheet, items in self.cells.items():
            items.sort(key=lambda c: (c.row, c.col_index))
            out.extend(
                Finding(
                    Severity.ERROR, c.bad.code, sheet, c.row, c.column, c.bad.message, c.bad.fix
                )
                for c in items
            )
            for (s, column), count in self.cell_counts.items():
                if s == sheet and count > MAX_CELL_FINDINGS:
                    more = count - MAX_CELL_FINDINGS
                    out.append(
                        Finding(
                            Severity.ERROR,
                            "cell.more",
                            sheet,
                            None,
                            column,
                            Text(
                                f"还有 {more} 处同类问题未列出",
                                f"{more} more problems like these are not listed",
                            ),
                            Text(
                                "请按上面的说明改正这一列的其余单元格",
                                "Correct the rest of this column as described above",
                            ),
                        )
                    )
        return out


def _show(value: object) -> str:
    """A cell value as the user would recognise it."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    text = text.replace("\n", " ").strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _closest(wanted: Iterable[str], candidates: Iterable[str], cutoff: float = 0.5) -> str | None:
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


def _near(name: str, candidates: Iterable[tuple[_T, Sequence[str]]]) -> tuple[list[_T], bool]:
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


def _col_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _col_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


# --------------------------------------------------------------------------- values

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MIN_DATE = dt.date(1900, 1, 1)
_MAX_DATE = dt.date(2100, 12, 31)
_MAX_SERIAL = (_MAX_DATE - _EXCEL_EPOCH).days
_DATE_TEXT = re.compile(
    r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_MONTH_TEXT = re.compile(r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月(?:份)?)")
_SERIAL_TEXT = re.compile(r"\d{5}")
#: Text day numbers are taken from 1990 on: "2024" in a date cell is a year, not 1905-07-16.
_MIN_SERIAL = (dt.date(1990, 1, 1) - dt.date(1899, 12, 30)).days
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_BOOLS: dict[str, bool] = {**dict.fromkeys(BOOL_TRUE, True), **dict.fromkeys(BOOL_FALSE, False)}
_EXCEL_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!"}
)

_NUMBER_FIX = Text(
    "填写数字，可带千位分隔符，如 1,234.5；不要写单位或文字",
    "Write a number, thousands separators allowed (1,234.5); no units or words",
)


def _bad_date(value: object) -> _Bad:
    return _Bad(
        "cell.bad_date",
        Text(f"“{_show(value)}”不是有效的日期", f"'{_show(value)}' is not a valid date"),
        DATE_HELP,
    )


def _date_out_of_range(value: dt.date) -> _Bad:
    return _Bad(
        "cell.date_out_of_range",
        Text(
            f"日期 {value.isoformat()} 不在 1900 年到 2100 年之间",
            f"The date {value.isoformat()} is not between 1900 and 2100",
        ),
        Text("请检查年份是否写错", "Check the year"),
    )


def _bad_number(value: object) -> _Bad:
    return _Bad(
        "cell.bad_number",
        Text(f"“{_show(value)}”不是数字", f"'{_show(value)}' is not a number"),
        _NUMBER_FIX,
    )


def _negative(value: float) -> _Bad:
    return _Bad(
        "cell.negative",
        Text(f"不能是负数：{_show(value)}", f"Must not be negative: {_show(value)}"),
        Text(
            "填写 0 或正数；退款等请在说明中注明，不要写成负数",
            "Write 0 or a positive number; explain refunds in words, not as negative amounts",
        ),
    )


def _bad_bool(value: object) -> _Bad:
    return _Bad(
        "cell.bad_bool",
        Text(f"“{_show(value)}”不是“是”或“否”", f"'{_show(value)}' is not 是 (yes) or 否 (no)"),
        Text("填写“是”或“否”（也可写 Y/N、yes/no）", "Write 是 or 否 (Y/N and yes/no also work)"),
    )


def _excel_error(value: str) -> _Bad:
    return _Bad(
        "cell.excel_error",
        Text(f"单元格是 Excel 错误值 {value}", f"The cell holds the Excel error {value}"),
        Text("请修正公式，或把公式改成数值", "Correct the formula, or replace it by its value"),
    )


def _formula_without_value() -> _Bad:
    return _Bad(
        "cell.formula_no_value",
        Text(
            "公式没有计算结果（文件可能由其他程序生成，未经 Excel 计算）",
            "The formula has no computed value (the file was probably written by a program "
            "and never calculated in Excel)",
        ),
        Text(
            "请用 Excel 打开工作簿、保存后再导入，或把公式改成数值",
            "Open the workbook in Excel and save it, or replace the formula by its value",
        ),
    )


def _to_text(value: object) -> object:
    if type(value) is str:
        return value.strip() or None
    if type(value) is float:
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else str(value)
    if type(value) is bool:
        return "是" if value else "否"
    if type(value) is dt.datetime:
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip() or None


def _date_from_text(text: str) -> object:
    clean = unicodedata.normalize("NFKC", text).strip()
    if not clean:
        return None
    match = _DATE_TEXT.fullmatch(clean)
    try:
        if match:
            year, month, day = match.group(1), match.group(2) or match.group(4), match.group(3)
            day = day or match.group(5)
            value = dt.date(int(year), int(month), int(day))
        elif compact := _DATE_COMPACT.fullmatch(clean):
            value = dt.date(*(int(g) for g in compact.groups()))
        elif month_only := _MONTH_TEXT.fullmatch(clean):
            year, month = month_only.group(1), month_only.group(2) or month_only.group(3)
            first = dt.date(int(year), int(month), 1)
            if not _MIN_DATE <= first <= _MAX_DATE:
                return _date_out_of_range(first)
            return _Fixed(first, "cell.month_only", f"{_show(text)} → {first.isoformat()}")
        elif _SERIAL_TEXT.fullmatch(clean) and _MIN_SERIAL <= int(clean) <= _MAX_SERIAL:
            # A date cell turned into text (WPS 转换为文本) keeps Excel's day number.
            day = _from_serial(int(clean))
            return _Fixed(day, "cell.text_serial", f"“{clean}” → {day.isoformat()}")
        else:
            return _bad_date(text)
    except ValueError:  # 2024-02-30, 2021年13月
        return _bad_date(text)
    return value if _MIN_DATE <= value <= _MAX_DATE else _date_out_of_range(value)


def _from_serial(days: int) -> dt.date:
    # Excel counts the 29 February 1900 that never was.
    return _EXCEL_EPOCH + dt.timedelta(days=days if days >= 61 else days + 1)


def _date_from_number(value: float) -> object:
    if value.is_integer() and 19000101 <= value <= 21001231:
        # 20240104 typed as a number, as "20240104" typed as text is.
        return _date_from_text(str(int(value)))
    if not value.is_integer() and 1900 < value < 2101:
        # 2019.11 typed as a number: a month. 2019.1 cannot be told from 2019.10.
        year, _, month = repr(value).partition(".")
        if len(month) == 2 and 1 <= int(month) <= 12:
            first = dt.date(int(year), int(month), 1)
            return _Fixed(first, "cell.month_only", f"{_show(value)} → {first.isoformat()}")
        return _bad_date(value)
    if not 1 <= value <= _MAX_SERIAL:
        return _bad_date(value)
    return _from_serial(int(value))


def _to_date(value: object) -> object:
    if type(value) is str:
        return _date_from_text(value) if value else None
    if type(value) is dt.date:
        day = value
    elif type(value) is dt.datetime:
        day = value.date()
    elif type(value) is float or type(value) is int:
        if not math.isfinite(value):
            return _bad_date(value)
        found = _date_from_number(float(value))
        if not isinstance(found, dt.date):
            return found
        day = found
    else:
        return _bad_date(value)
    return day if _MIN_DATE <= day <= _MAX_DATE else _date_out_of_range(day)


def _date_parser(column: ColumnSpec) -> Callable[[object], object]:
    if not column.required:
        return _to_date

    def parse(value: object) -> object:
        # A required date (服务日期, 重大事项 日期) must name the day: a month is refused.
        day = _to_date(value)
        if type(day) is _Fixed and day.code == "cell.month_only":
            return _Bad(
                "cell.month_only",
                Text(
                    f"“{_show(value)}”只有年月，{column.header}须写到日",
                    f"'{_show(value)}' gives only a month; {column.header} needs the day",
                ),
                DATE_HELP,
            )
        return day

    return parse


def _number_from_text(text: str) -> float | None:
    clean = "".join(unicodedata.normalize("NFKC", text).split()).lstrip("¥$")
    if _GROUPED.fullmatch(clean):
        clean = clean.replace(",", "")
    if not _NUMBER.fullmatch(clean):
        return None
    number = float(clean)
    return number if math.isfinite(number) else None


def _implausible(value: object) -> _Bad:
    return _Bad(
        "cell.implausible_number",
        Text(
            f"“{_show(value)}”不是可信的数值（应为有限数，且绝对值不超过 {MAX_PLAUSIBLE:,.0f}）",
            f"'{_show(value)}' is not a plausible number (it must be finite and at most "
            f"{MAX_PLAUSIBLE:,.0f} in size)",
        ),
        Text(
            "请检查这个数是否多打了零或用了科学计数法；金额按表头的单位（元或万元）填写",
            "Check for extra zeros or scientific notation; write amounts in the header's unit "
            "(yuan or 10k yuan)",
        ),
    )


def _to_number(value: object) -> float | _Bad | None:
    if type(value) is float:
        number: float = value
    elif type(value) is str:
        if not value or value.isspace():
            return None
        found = _number_from_text(value)
        if found is None:
            return _bad_number(value)
        number = found
    elif type(value) is int:
        number = float(value)
    else:
        return _bad_number(value)
    # Beyond any plausible amount, a sum of a few such cells is inf on every report.
    return number if -MAX_PLAUSIBLE <= number <= MAX_PLAUSIBLE else _implausible(value)


def _to_amount(value: object) -> object:
    number = _to_number(value)
    if type(number) is float and number < 0:
        return _negative(number)
    return number


def _integer_parser(column: ColumnSpec) -> Callable[[object], object]:
    low, high = column.minimum, column.maximum
    rule = kind_help(column)
    is_year = column.kind is ColumnKind.YEAR

    def parse(value: object) -> object:
        if is_year and type(value) is str and value.strip().endswith("年"):
            value = value.strip()[:-1]
        whole = _to_number(value)
        if not isinstance(whole, float):
            return whole
        if not whole.is_integer():
            return _Bad(
                "cell.bad_integer",
                Text(f"“{_show(value)}”不是整数", f"'{_show(value)}' is not a whole number"),
                rule,
            )
        if (low is not None and whole < low) or (high is not None and whole > high):
            return _Bad(
                "cell.out_of_range",
                Text(f"{_show(whole)} 超出允许的范围", f"{_show(whole)} is out of range"),
                rule,
            )
        return int(whole)

    return parse


def _share_parser(column: ColumnSpec) -> Callable[[object], object]:
    rule = kind_help(column)

    def parse(value: object) -> object:
        percent = isinstance(value, str) and value.strip().endswith(("%", "％"))
        number = _to_number(str(value).strip()[:-1] if percent else value)
        if not isinstance(number, float):
            return number
        share = number / 100 if percent else number
        if not 0 <= share <= 1:
            return _Bad(
                "cell.out_of_range",
                Text(
                    f"{_show(value)} 不在 0 到 1（0%–100%）之间",
                    f"{_show(value)} is not between 0 and 1 (0%–100%)",
                ),
                rule,
            )
        return share

    return parse


def _to_bool(value: object) -> object:
    if type(value) is str:
        text = unicodedata.normalize("NFKC", value).strip().casefold()
        if not text:
            return None
        result = _BOOLS.get(text)
        return _bad_bool(value) if result is None else result
    if type(value) is bool:
        return value
    if type(value) in (float, int) and value in (0, 1):
        return bool(value)
    return _bad_bool(value)


def _choice_parser(column: ColumnSpec) -> Callable[[object], object]:
    allowed = frozenset(column.choices)
    mapping = column.choice_values
    listed = "、".join(column.choices)

    def parse(value: object) -> object:
        text = "".join(value.split()) if type(value) is str else _show(value)
        if not text:
            return None
        if text in allowed:
            return mapping[text] if mapping is not None else text
        guess = difflib.get_close_matches(text, column.choices, n=1, cutoff=0.5)
        hint = (
            (f"（是否应为“{guess[0]}”？）", f" (did you mean {guess[0]}?)") if guess else ("", "")
        )
        return _Bad(
            "cell.bad_choice",
            Text(
                f"“{_show(value)}”不是允许的{column.header}{hint[0]}",
                f"'{_show(value)}' is not an allowed {column.header}{hint[1]}",
            ),
            Text(f"请从下拉列表中选择：{listed}", f"Pick one of: {', '.join(column.choices)}"),
        )

    return parse


def _parser(column: ColumnSpec) -> Callable[[object], object]:
    match column.kind:
        case ColumnKind.TEXT:
            return _to_text
        case ColumnKind.DATE:
            return _date_parser(column)
        case ColumnKind.NUMBER:
            return _to_number
        case ColumnKind.AMOUNT:
            return _to_amount
        case ColumnKind.INTEGER | ColumnKind.YEAR:
            return _integer_parser(column)
        case ColumnKind.SHARE:
            return _share_parser(column)
        case ColumnKind.BOOL:
            return _to_bool
        case ColumnKind.CHOICE:
            return _choice_parser(column)
    raise AssertionError(column.kind)  # pragma: no cover


def _parse_column(column: ColumnSpec, values: Sequence[object]) -> tuple[list[object], bool]:
    """Every value of a column parsed, and whether any is a :class:`_Bad` or a :class:`_Fixed`.

    The common cases (a text column of strings, a number column of numbers, a date column of
    dates, with blank cells among them) take a fast path chosen by the set of value types,
    which ``set(map(type, …))`` computes in C; other columns parse each distinct value once
    and map the cells through the results, so the Python-level work grows with the number of
    distinct values, not of cells.
    """
    types = set(map(type, values))
    kind = column.kind
    if kind is ColumnKind.TEXT and types <= {str}:
        return [text or None for text in map(str.strip, cast("Sequence[str]", values))], False
    blank_ok = str not in types or _only_blank_strings(values)
    if kind in (ColumnKind.NUMBER, ColumnKind.AMOUNT) and types <= {float, str} and blank_ok:
        out: list[object] = [None if v == "" else v for v in values]
        numbers = cast("list[float]", [v for v in out if v is not None])
        # The sum is NaN or inf when any is; the bounds then hold for every number.
        if not numbers or (
            math.isfinite(sum(numbers))
            and max(numbers) <= MAX_PLAUSIBLE
            and min(numbers) >= (-MAX_PLAUSIBLE if kind is ColumnKind.NUMBER else 0)
        ):
            return out, False
    if kind is ColumnKind.DATE and types <= {dt.date, str} and blank_ok:
        dates = cast("list[dt.date]", [v for v in values if v != ""])
        if not dates or (min(dates) >= _MIN_DATE and max(dates) <= _MAX_DATE):
            return [None if v == "" else v for v in values], False
    parse = _parser(column)
    if kind is ColumnKind.TEXT or (bool in types and kind is not ColumnKind.BOOL):
        # Text is mostly distinct; and True == 1.0 would share one parse where they differ.
        parsed = list(map(parse, values))
    else:
        # Dates, choices, flags and amounts repeat: parse each distinct value once.
        cache = {value: parse(value) for value in set(values)}
        parsed = list(map(cache.__getitem__, values))
    kinds = set(map(type, parsed))
    return parsed, _Bad in kinds or _Fixed in kinds


def _only_blank_strings(values: Sequence[object]) -> bool:
    return all(v == "" for v in values if type(v) is str)


# ------------------------------------------------------------------ the file itself


def _file_findings(path: Path, max_bytes: int, report: _Report) -> bool:
    """Check the file is an .xlsx worth opening; report why not otherwise."""
    name = path.name
    try:
        stat = path.stat()
    except FileNotFoundError:
        report.add(
            "file.missing",
            None,
            None,
            None,
            Text(f"找不到文件“{path}”", f"The file '{path}' does not exist"),
            Text("请检查文件名和位置", "Check the file name and folder"),
        )
        return False
    except OSError as exc:
        report.add(
            "file.unreadable",
            None,
            None,
            None,
            Text(f"无法读取文件“{name}”：{exc}", f"Cannot read '{name}': {exc}"),
            Text(
                "请检查文件权限，或把文件复制到本机后再导入",
                "Check the permissions, or copy the file to this computer first",
            ),
        )
        return False
    if not path.is_file():
        report.add(
            "file.missing",
            None,
            None,
            None,
            Text(f"“{name}”不是文件", f"'{name}' is not a file"),
            Text("请选择 .xlsx 工作簿文件", "Choose an .xlsx workbook file"),
        )
        return False
    if stat.st_size == 0:
        report.add(
            "file.empty",
            None,
            None,
            None,
            Text(f"文件“{name}”是空的（0 字节）", f"The file '{name}' is empty (0 bytes)"),
            Text(
                "请在 WPS、Excel 或 LibreOffice 中重新保存工作簿后再导入",
                "Save the workbook again in WPS, Excel or LibreOffice and import it again",
            ),
        )
        return False
    if stat.st_size > max_bytes:
        report.add(
            "file.too_large",
            None,
            None,
            None,
            Text(
                f"文件“{name}”有 {stat.st_size / 2**20:.1f} MB，超过上限 "
                f"{max_bytes / 2**20:.1f} MB",
                f"The file '{name}' is {stat.st_size / 2**20:.1f} MB, more than the "
                f"limit of {max_bytes / 2**20:.1f} MB",
            ),
            Text(
                "请删除工作簿中的图片等多余内容（附件放在附件文件夹中）后再导入",
                "Remove pictures and other extras from the workbook (attachments go in "
                "the attachment folder) and import again",
            ),
        )
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            if head.startswith(_ZIP_MAGIC):
                return True
            rest = handle.read(max_bytes) if head == _OLE_MAGIC else handle.read(4096)
        if head == _OLE_MAGIC and _is_xls(rest):
            return True  # an Excel 97-2003 workbook, read in a child process
    except OSError as exc:
        report.add(
            "file.unreadable",
            None,
            None,
            None,
            Text(f"无法读取文件“{name}”：{exc}", f"Cannot read '{name}': {exc}"),
            Text("请检查文件权限", "Check the file's permissions"),
        )
        return False
    report.general.append(_not_a_workbook(name, path.suffix.lower(), head, rest))
    return False


def _is_xls(rest: bytes) -> bool:
    if _utf16("EncryptedPackage") in rest or _utf16("EncryptionInfo") in rest:
        return False
    return _utf16("Workbook") in rest or _utf16("Book") in rest


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def _not_a_workbook(name: str, suffix: str, head: bytes, rest: bytes) -> Finding:
    save_as = Text(
        "请在 WPS、Excel 或 LibreOffice 中“另存为”工作簿（.xlsx、.xls 或 .ods）后再导入",
        "In WPS, Excel or LibreOffice, use Save As → workbook (.xlsx, .xls or .ods) and "
        "import that file",
    )
    if head == _OLE_MAGIC:
        if _utf16("EncryptedPackage") in rest or _utf16("EncryptionInfo") in rest:
            encrypted = True
        else:
            # An OLE container named .xlsx is, in practice, a password-protected workbook.
            encrypted = suffix in (".xlsx", ".xlsm")
        if encrypted:
            return Finding(
                Severity.ERROR,
                "file.encrypted",
                None,
                None,
                None,
                Text(
                    "工作簿已加密，请取消密码后再导入",
                    "The workbook is password-protected; remove the password and import it again",
                ),
                Text(
                    "在 Excel 中打开，文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码并保存",
                    "Open it in Excel, File → Info → Protect Workbook → Encrypt "
                    "with Password, clear the password and save",
                ),
            )
        return Finding(
            Severity.ERROR,
            "file.not_workbook",
            None,
            None,
            None,
            Text(
                f"“{name}”是 Office 文档，但不是 Excel 工作簿",
                f"'{name}' is an Office document but not an Excel workbook",
            ),
            save_as,
        )
    if head.startswith(b"%PDF"):
        return Finding(
            Severity.ERROR,
            "file.pdf",
            None,
            None,
            None,
            Text(
                f"“{name}”是 PDF 文件，不是 Excel 工作簿",
                f"'{name}' is a PDF file, not an Excel workbook",
            ),
            Text(
                "请导入用 jlpanel template 生成并填好的 .xlsx 工作簿；PDF 材料作为"
                "附件放在附件文件夹中",
                "Import the filled .xlsx from jlpanel template; PDFs go in the attachment folder",
            ),
        )
    if head.startswith(_EMPTY_ZIP_MAGIC):
        return Finding(
            Severity.ERROR,
            "file.not_workbook",
            None,
            None,
            None,
            Text(
                f"“{name}”是一个空的压缩包，不是 Excel 工作簿",
                f"'{name}' is an empty zip, not an Excel workbook",
            ),
            save_as,
        )
    sample = head + rest
    if b"\x00" not in sample:
        for encoding in ("utf-8", "gb18030"):
            try:
                sample.decode(encoding)
            except UnicodeDecodeError:
                continue
            return Finding(
                Severity.ERROR,
                "file.text",
                None,
                None,
                None,
                Text(
                    f"“{name}”是文本文件（如 CSV 或网页），不是 Excel 工作簿",
                    f"'{name}' is a text file (CSV or a web page), not an Excel workbook",
                ),
                save_as,
            )
    return Finding(
        Severity.ERROR,
        "file.not_workbook",
        None,
        None,
        None,
        Text(
            f"“{name}”不是工作簿（.xlsx、.xls 或 .ods）",
            f"'{name}' is not a workbook (.xlsx, .xls or .ods)",
        ),
        save_as,
    )


def _corrupt(name: str, detail: str, sheet: str | None = None) -> Finding:
    log.info("workbook %s unreadable (%s): %s", name, sheet, detail)
    where = f"工作表“{sheet}”" if sheet else "文件"
    return Finding(
        Severity.ERROR,
        "file.corrupt",
        sheet,
        None,
        None,
        Text(
            f"“{name}”已损坏，{where}无法读取（{detail}）",
            f"'{name}' is damaged; {'the sheet ' + sheet if sheet else 'the file'} cannot be "
            f"read ({detail})",
        ),
        Text(
            "请在 WPS、Excel 或 LibreOffice 中打开并重新保存（或从原件重新复制）后再导入",
            "Open it in WPS, Excel or LibreOffice and save it again (or copy it again from "
            "the original)",
        ),
    )


_R = TypeVar("_R")


def read_guarded(
    path: Path,
    max_bytes: int,
    read: Callable[[zipfile.ZipFile | None, _Report], _R],
    refuse: Callable[[list[Finding]], _R],
    what: str,
    pdf_fix: Text,
    *,
    max_rows: int = 200_000,
) -> _R:
    """Run ``read`` on a workbook after the container checks; never raises on bad input.

    The shared frame of the small workbook readers (roster, history): the file-type and size
    findings, every sheet's extent bounded (see :func:`open_workbook`; ``read`` gets the zip
    of an .xlsx/.xlsm, None for an .xls/.ods), and any unexpected failure turned into a
    finding that ``refuse`` wraps in the reader's own result. ``pdf_fix`` replaces the
    dossier reader's advice for a PDF given instead of a workbook (which speaks of
    attachments).
    """
    report = _Report()

    def refused() -> _R:
        return refuse(
            [
                dataclasses.replace(f, fix=pdf_fix) if f.code == "file.pdf" else f
                for f in report.findings()
            ]
        )

    try:
        ok, archive = open_workbook(path, max_bytes, max_rows, report)
        if not ok:
            return refused()
        if archive is None:
            return read(None, report)
        with archive:
            return read(archive, report)
    except BaseException as exc:  # never let a hostile file crash the caller
        if _fatal(exc):
            raise
        log.exception("unexpected failure reading %s %s", what, path)
        report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__))
        return refused()


def _fatal(exc: BaseException) -> bool:
    """Whether ``exc`` must go on up: not a reader failure (a Rust panic is a BaseException)."""
    return isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit))


def check_workbook(path: Path, *, max_bytes: int, max_rows: int) -> list[Finding]:
    """The container findings of a workbook that the caller will read with calamine itself.

    Empty when the file is an .xlsx, .xlsm, .xls or .ods that calamine can read within the
    limits; otherwise why not (the paper score sheet reader uses this).
    """
    report = _Report()
    try:
        _, archive = open_workbook(path, max_bytes, max_rows, report)
        if archive is not None:
            archive.close()
    except BaseException as exc:
        if _fatal(exc):
            raise
        log.exception("unexpected failure checking %s", path)
        report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__))
    return report.findings()


def open_workbook(
    path: Path, max_bytes: int, max_rows: int, report: _Report
) -> tuple[bool, zipfile.ZipFile | None]:
    """Check a workbook before calamine reads it; (False, None) after reporting why not.

    An .xlsx/.xlsm comes back open, its zip checked and every sheet's extent measured from
    its cells; an .xls or .ods comes back as (True, None) after calamine read it in a child
    process under a memory cap (:func:`probe_in_child`).
    """
    if not _file_findings(path, max_bytes, report):
        return False, None
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == _OLE_MAGIC:
        return _probe_ok(path, max_rows, report), None
    archive = _open_zip(path, max_bytes, report)
    if archive is None:
        return False, None
    if "xl/workbook.xml" not in archive.NameToInfo:
        archive.close()  # an .ods, checked by _open_zip
        return _probe_ok(path, max_rows, report), None
    if not _bound_sheets(path.name, archive, max_rows, report):
        archive.close()
        return False, None
    return True, archive


def _probe_ok(path: Path, max_rows: int, report: _Report) -> bool:
    probe = probe_in_child(path)
    if probe.failure is not None:
        detail = {
            "crash": "读取程序异常退出 / the reader crashed",
            "timeout": "读取超时 / reading took too long",
        }.get(probe.failure, probe.failure)
        report.general.append(_corrupt(path.name, detail))
        return False
    for name, rows, columns in probe.sheets:
        if not _within_limits(name, rows, columns, True, max_rows, report):
            return False
    return True


def _within_limits(
    sheet: str, rows: int, columns: int, exact: bool, max_rows: int, report: _Report
) -> bool:
    if rows - 1 > max_rows:
        report.general.append(_too_many_rows(sheet, rows - 1, exact, max_rows))
        return False
    if columns > MAX_COLUMNS:
        report.general.append(_too_many_columns(sheet, columns))
        return False
    if rows * columns > MAX_CELLS:
        report.general.append(_too_many_cells(sheet, rows, columns))
        return False
    return True


def _too_many_cells(sheet: str, rows: int, columns: int) -> Finding:
    return Finding(
        Severity.ERROR,
        "sheet.too_many_cells",
        sheet,
        None,
        None,
        Text(
            f"工作表“{sheet}”有 {rows:,} 行 × {columns} 列，超过上限 {MAX_CELLS:,} 个单元格",
            f"The sheet '{sheet}' spans {rows:,} rows × {columns} columns, more than the "
            f"limit of {MAX_CELLS:,} cells",
        ),
        Text(
            "请删除表格下方和右侧多余的行和列（包括看似空白但有格式或内容的单元格）",
            "Delete the surplus rows below and columns right of the table (including cells "
            "that look empty but hold formatting or content)",
        ),
    )


#: Sheet scans of an open workbook, by part: made before calamine opens the file, used
#: again for each sheet's special cells.
_SCANS: weakref.WeakKeyDictionary[zipfile.ZipFile, dict[str, _Scan]] = weakref.WeakKeyDictionary()
_NOT_SHEETS = ("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml")


def _bound_sheets(name: str, archive: zipfile.ZipFile, max_rows: int, report: _Report) -> bool:
    """Measure every part that could be a sheet from its cells; False after refusing one.

    Every XML part is measured, not only those workbook.xml names: calamine may resolve a
    sheet's part differently, and a damaged or oddly prefixed workbook.xml must not skip
    the scan.
    """
    sheet_of = {part: sheet for sheet, part in _sheet_parts(archive).items()}
    scans: dict[str, _Scan] = {}
    for info in archive.infolist():
        part = info.filename
        if (
            not part.endswith(".xml")
            or part in _NOT_SHEETS
            or part.startswith(("docProps/", "xl/theme/"))
        ):
            continue
        label = sheet_of.get(part, part)
        try:
            scan = _scan_sheet(archive, part, max_rows)
        except Exception as exc:  # zlib.error, BadZipFile, … from a damaged member
            report.general.append(_corrupt(name, str(exc) or type(exc).__name__, label))
            return False
        if not _within_limits(
            label, scan.last_row, scan.last_col + 1, scan.rows_exact, max_rows, report
        ):
            return False
        scans[part] = scan
    _SCANS[archive] = scans
    return True


def _open_zip(path: Path, max_bytes: int, report: _Report) -> zipfile.ZipFile | None:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except Exception as exc:  # zipfile raises many kinds on a damaged directory
        report.general.append(_corrupt(name, str(exc) or type(exc).__name__))
        return None
    names = {i.filename for i in infos}
    ods = "xl/workbook.xml" not in names and _is_ods(archive, names)
    if "xl/workbook.xml" not in names and not ods:
        archive.close()
        if "xl/workbook.bin" in names:
            what = Text("是二进制工作簿（.xlsb）", "is a binary workbook (.xlsb)")
        elif "content.xml" in names:
            what = Text(
                "是 OpenDocument 文档，但不是表格", "is an OpenDocument file but not a spreadsheet"
            )
        elif "word/document.xml" in names:
            what = Text("是 Word 文档", "is a Word document")
        else:
            what = Text("是一个压缩包，不是 Excel 工作簿", "is a zip file, not an Excel workbook")
        report.add(
            "file.not_workbook",
            None,
            None,
            None,
            Text(f"“{name}”{what.zh}", f"'{name}' {what.en}"),
            Text(
                "请在 WPS、Excel 或 LibreOffice 中“另存为”工作簿（.xlsx、.xls 或 .ods）后再导入",
                "In WPS, Excel or LibreOffice, use Save As → workbook (.xlsx, .xls or .ods) "
                "and import that file",
            ),
        )
        return None
    if ods and path.suffix.lower() != ".ods":
        # The reader goes by the extension: an OpenDocument sheet named .xlsx would read as a
        # damaged Excel file. Say what it is instead.
        archive.close()
        report.add(
            "file.wrong_extension",
            None,
            None,
            None,
            Text(
                f"“{name}”是 OpenDocument 表格（.ods），但扩展名是 {path.suffix}",
                f"'{name}' is an OpenDocument spreadsheet (.ods) named {path.suffix}",
            ),
            Text(
                "请把文件扩展名改为 .ods 后再导入，或在 WPS、Excel 或 LibreOffice 中另存为 .xlsx",
                "Rename it to .ods and import it, or save it as .xlsx in WPS, Excel or LibreOffice",
            ),
        )
        return None
    unpacked = sum(i.file_size for i in infos)
    if unpacked > min(UNPACK_FACTOR * max_bytes, UNPACK_LIMIT):
        archive.close()
        report.add(
            "file.too_large",
            None,
            None,
            None,
            Text(
                f"“{name}”解压后有 {unpacked / 2**20:.0f} MB，超过上限",
                f"'{name}' unpacks to {unpacked / 2**20:.0f} MB, more than allowed",
            ),
            Text(
                "请删除多余的内容（空行、图片）后再导入",
                "Remove extras (empty rows, pictures) and import again",
            ),
        )
        return None
    # calamine stops reading a part at its closing tag and so never checks its CRC; a damaged
    # byte would pass unseen. Worksheets are checked as they are scanned; check the rest here.
    try:
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and (
                ods or not _is_worksheet(info.filename)
            ):
                with archive.open(info) as handle:
                    while handle.read(_SCAN_CHUNK):
                        pass
    except Exception as exc:  # BadZipFile (CRC), zlib.error, NotImplementedError …
        archive.close()
        report.general.append(_corrupt(name, str(exc) or type(exc).__name__))
        return None
    return archive


def _is_ods(archive: zipfile.ZipFile, names: set[str]) -> bool:
    if "content.xml" not in names or "mimetype" not in names:
        return False
    try:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(200)
    except Exception:  # a damaged member: not taken for a spreadsheet
        return False
    return mimetype.strip() == b"application/vnd.oasis.opendocument.spreadsheet"


def _is_worksheet(part: str) -> bool:
    return part.startswith("xl/worksheets/") and part.count("/") == 2


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part, from the workbook and its relationships (empty if odd)."""
    try:
        if (
            max(
                archive.getinfo(p).file_size
                for p in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
            )
            > _PART_LIMIT
        ):
            return {}
        workbook = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a damaged part: the cells are read without the pre-scan
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels if r.tag.endswith("Relationship")}
    parts: dict[str, str] = {}
    for element in workbook.iter():
        if not element.tag.endswith("}sheet"):
            continue
        rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rel_id)
        name = element.get("name")
        if not target or name is None:
            continue
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = str(PurePosixPath("xl") / target)
            # Resolve "../" segments the way a zip path needs.
            pieces: list[str] = []
            for piece in part.split("/"):
                if piece == "..":
                    if pieces:
                        pieces.pop()
                elif piece != ".":
                    pieces.append(piece)
            part = "/".join(pieces)
        parts[name] = part
    return parts


# ---------------------------------------------------------------- streaming the XML

_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_FORMULA_NO_VALUE = re.compile(
    rb"<(?:\w+:)?c\s([^>]*?)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\s([^>]*?\bt="e"[^>]*)>\s*(?:<(?:\w+:)?f\b[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?'
    rb"<(?:\w+:)?v>([^<]*)</"
)


@dataclass(slots=True)
class _Scan:
    """What the sheet XML says before anything parses it."""

    last_row: int = 0  # 1-based; 0 when unknown
    rows_exact: bool = True  # False when the scan stopped early
    last_col: int = -1  # 0-based index of the last column, from the cells
    special: dict[tuple[int, int], _Bad] = field(default_factory=dict)  # (row, col) → why


def _scan_sheet(archive: zipfile.ZipFile, part: str, max_rows: int) -> _Scan:
    """Stream a sheet's XML: its extent from the cells, formula cells without value, errors.

    The declared ``<dimension>`` is not trusted (Gnumeric declares A1:XFD1048576); the scan
    stops as soon as the sheet is past a limit.
    """
    scan = _Scan()
    extent = ExtentCounter()
    limit = max_rows + 1  # the header row
    with archive.open(part) as handle:
        buffer = handle.read(_SCAN_CHUNK)
        while buffer:
            more = handle.read(_SCAN_CHUNK)
            # Only whole rows are searched; the tail waits for the next chunk.
            cut = buffer.rfind(b"row>") + 4 if more else len(buffer)
            if cut < 4:
                cut = len(buffer) if len(buffer) > 64 * _SCAN_CHUNK else 0
            segment, buffer = buffer[:cut], buffer[cut:] + more
            if not segment:
                if not more:
                    break
                continue
            extent.feed(segment)
            scan.last_row, scan.last_col = extent.rows, extent.columns - 1
            if extent.rows > limit or extent.columns > MAX_COLUMNS or extent.cells() > MAX_CELLS:
                scan.rows_exact = not more and not buffer
                return scan
            if b"<f" in segment or b":f>" in segment or b":f " in segment:
                for cell in _FORMULA_NO_VALUE.finditer(segment):
                    _mark(scan, cell.group(1), _formula_without_value())
            if b't="e"' in segment:
                for cell in _ERROR_CELL.finditer(segment):
                    _mark(scan, cell.group(1), _excel_error(cell.group(2).decode(errors="replace")))
    return scan


def _mark(scan: _Scan, attributes: bytes, bad: _Bad) -> None:
    ref = _REF.search(attributes)
    if ref is not None and len(scan.special) < 10_000:
        scan.special[(int(ref.group(2)), _col_index(ref.group(1).decode()))] = bad


# ------------------------------------------------------------------------- the sheets


@dataclass(slots=True)
class _TableRows:
    """A table sheet parsed: source rows and one parsed list per field."""

    rows: list[int]
    columns: dict[str, list[object]]


def _too_many_rows(sheet: str, count: int, exact: bool, max_rows: int) -> Finding:
    number = f" {count:,} " if exact else f"超过 {max_rows:,} "
    number_en = f"{count:,}" if exact else f"more than {max_rows:,}"
    return Finding(
        Severity.ERROR,
        "sheet.too_many_rows",
        sheet,
        None,
        None,
        Text(
            f"工作表“{sheet}”有{number}行，超过上限 {max_rows:,} 行",
            f"The sheet '{sheet}' has {number_en} rows, more than the limit of {max_rows:,}",
        ),
        Text(
            "请删除表格下方多余的行（包括看似空白但有格式或内容的行）；确实有这么多记录时请联系管理员",
            "Delete the surplus rows below the table (including rows that look empty but hold "
            "formatting or content); if there really are this many records, ask the "
            "administrator",
        ),
    )


def _find_header_row(spec: SheetSpec, grid: list[list[Any]]) -> int:
    """The row (0-based) naming the most of the sheet's columns among the top rows.

    Blank, title and merged rows above it are passed over; the first of equal rows wins.
    """
    best, best_count = 0, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        count = sum(1 for cell in row if spec.column_for(cell) is not None)
        if count > best_count:
            best, best_count = index, count
    return best


def _alias_warning(sheet: str, row: int | None, kind: Text, found: str, meant: str) -> Finding:
    return Finding(
        Severity.WARNING,
        f"{kind.en}.alias",
        sheet,
        row,
        None if kind is _SHEET else meant,
        Text(f"{kind.zh}“{found}”按“{meant}”读取", f"The {kind.en} '{found}' is read as {meant}"),
        Text(
            f"如果不对，请把{kind.zh}名改成模板中的名称；如果对，最好也改成“{meant}”",
            f"If that is wrong, give the {kind.en} its template name; if right, rename it "
            f"to {meant} all the same",
        ),
    )


def _unplaced(
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


_COLUMN = Text("列", "column")
_SHEET = Text("工作表", "sheet")
_ITEM = Text("项目", "item")
_TOTAL_LABELS = frozenset({"合计", "总计", "小计", "总合计", "共计", "total", "sum", "subtotal"})


def _merged_findings(
    spec: SheetSpec,
    sheet_name: str,
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    first_row: int,
    header_of: Callable[[int], str],
    report: _Report,
) -> set[int]:
    """Report merged cells at or below ``first_row``; the columns merged in the header row."""
    header_columns: set[int] = set()
    for (r0, c0), (r1, c1) in merged:
        if r1 < first_row or (r0 == r1 and c0 == c1):
            continue
        ref = f"{_col_letter(c0)}{r0 + 1}:{_col_letter(c1)}{r1 + 1}"
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


def _read_table(
    spec: SheetSpec,
    sheet_name: str,
    grid: list[list[Any]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    special: dict[tuple[int, int], _Bad],
    report: _Report,
) -> _TableRows:
    header_index = _find_header_row(spec, grid) if grid else 0
    header = grid[header_index] if grid else []
    data = grid[header_index + 1 :]
    width = len(header)
    header_excel_row = header_index + 1

    mapped: dict[int, ColumnSpec] = {}
    seen: dict[str, int] = {}
    unknown: dict[int, str] = {}
    unnamed: list[int] = []
    for index, cell in enumerate(header):
        column = spec.column_for(cell)
        if column is None:
            if cell == "" or (isinstance(cell, str) and not cell.strip()):
                unnamed.append(index)
            else:
                unknown[index] = _show(cell)
            continue
        if column.field in seen:
            first = seen[column.field]
            report.add(
                "column.duplicate",
                sheet_name,
                header_excel_row,
                column.header,
                Text(
                    f"“{column.header}”列出现了两次（{_col_letter(first)} 列和 "
                    f"{_col_letter(index)} 列）",
                    f"The column {column.header} appears twice (columns "
                    f"{_col_letter(first)} and {_col_letter(index)})",
                ),
                Text(
                    "删除其中一列，或把它改成正确的表头",
                    "Delete one of them, or give it the right header",
                ),
            )
            continue
        seen[column.field] = index
        mapped[index] = column

    # A renamed header read as the column it certainly is; a guess is named, never made.
    guesses: dict[int, list[ColumnSpec]] = {}
    claims: dict[str, list[int]] = {}
    for index, text in unknown.items():
        near, certain = _near(
            text, [(c, c.names()[:-1]) for c in spec.columns if c.field not in seen]
        )
        guesses[index] = near
        if certain:
            claims.setdefault(near[0].field, []).append(index)
    for field_name, indexes in claims.items():
        if len(indexes) == 1:
            index = indexes[0]
            column = spec.column(field_name)
            report.general.append(
                _alias_warning(
                    sheet_name, header_excel_row, _COLUMN, unknown.pop(index), column.header
                )
            )
            seen[field_name] = index
            mapped[index] = column
            del guesses[index]

    def header_of(index: int) -> str:
        column = mapped.get(index)
        if column is not None:
            return column.header
        return unknown.get(index) or f"{_col_letter(index)} 列"

    merged_header = _merged_findings(spec, sheet_name, merged, header_index, header_of, report)

    found = list(unknown.values())
    suggested: set[str] = set()
    for column in spec.required_columns:
        if column.field in seen:
            continue
        guess = _closest(column.names()[:-1], found)
        listed = "、".join(_show(c) for c in header if _show(c)) or "（空）"
        hint_zh = f"是否把“{column.header}”改名成了“{guess}”？" if guess else ""
        hint_en = f" Was {column.header} renamed to '{guess}'?" if guess else ""
        if guess:
            suggested.add(guess)
        english = next((a for a in column.aliases if a.isascii()), "")
        report.add(
            "column.missing",
            sheet_name,
            header_excel_row,
            column.header,
            Text(
                f"缺少必填列“{column.header}”。第 {header_excel_row} 行的表头有：{listed}。"
                f"{hint_zh}",
                f"The required column {column.header} is missing. The headers in row "
                f"{header_excel_row} are: {listed}.{hint_en}",
            ),
            Text(
                f"请在第 {header_excel_row} 行加上表头“{column.header}”"
                + (f"（英文可写 {english}）" if english else ""),
                f"Add the header {column.header} to row {header_excel_row}"
                + (f" (or {english})" if english else ""),
            ),
        )

    unmapped_specs = [c for c in spec.columns if c.field not in seen]
    for index, text in unknown.items():
        if text in suggested:
            continue
        near = [c for c in guesses.get(index, ()) if c.field not in seen]
        if near and any(row[index] != "" for row in data if index < len(row)):
            # Data the reader cannot place is never dropped: the dossier is refused.
            report.general.append(
                _unplaced(
                    sheet_name,
                    header_excel_row,
                    _COLUMN,
                    text,
                    f"（{_col_letter(index)} 列）",
                    [c.header for c in near],
                )
            )
            continue
        guess_column = next(
            (c for c in unmapped_specs if _closest(c.names()[:-1], [text]) is not None), None
        )
        hint = (
            (f"，是否应为“{guess_column.header}”？", f"; did you mean {guess_column.header}?")
            if guess_column
            else ("", "")
        )
        report.add(
            "column.unknown",
            sheet_name,
            header_excel_row,
            text,
            Text(
                f"不认识的列“{text}”（{_col_letter(index)} 列），这一列的内容不会导入{hint[0]}",
                f"Unknown column '{text}' (column {_col_letter(index)}): its contents "
                f"are not imported{hint[1]}",
            ),
            Text(
                "如果这一列需要导入，请把表头改成模板中的名称",
                "If it should be imported, give it the header used in the template",
            ),
            Severity.WARNING,
        )

    # Drop rows with nothing in them (count runs in C); row numbers as Excel shows them.
    first_data_row = header_index + 2
    if any(row.count("") == width for row in data):
        keep = [i for i, row in enumerate(data) if row.count("") != width]
        data = [data[i] for i in keep]
        rows = [first_data_row + i for i in keep]
    else:
        rows = list(range(first_data_row, first_data_row + len(data)))

    for index in unnamed:
        if index in merged_header or all(row[index] == "" for row in data):
            continue
        report.add(
            "column.unnamed",
            sheet_name,
            header_excel_row,
            f"{_col_letter(index)} 列",
            Text(
                f"{_col_letter(index)} 列有内容，但第 {header_excel_row} 行没有表头",
                f"Column {_col_letter(index)} holds data but has no header in row "
                f"{header_excel_row}",
            ),
            Text(
                "请给这一列写上模板中的表头，或删除这一列的内容",
                "Give the column its header from the template, or delete its contents",
            ),
        )

    # A 合计 row closing the table is no record: left out, said, and its sums checked.
    totals: list[tuple[int, list[Any]]] = []
    while data and len(totals) < 3 and _is_total_row(data[-1]):
        totals.insert(0, (rows.pop(), data.pop()))

    if not mapped:
        return _TableRows(rows, {})
    columns_by_index = list(zip(*data, strict=True)) if data else [() for _ in range(width)]
    parsed: dict[str, list[object]] = {}
    bad_columns: list[int] = []
    for index, column in mapped.items():
        values, has_bad = _parse_column(column, columns_by_index[index])
        parsed[column.field] = values
        if has_bad:
            bad_columns.append(index)

    # Cells calamine reads as empty but that hold a formula without value or an error.
    special_cells: set[tuple[int, int]] = set()
    if special:
        position = {row: i for i, row in enumerate(rows)}
        for (row, col), bad in special.items():
            if col in mapped and row in position:
                parsed[mapped[col].field][position[row]] = bad
                special_cells.add((row, col))
                if col not in bad_columns:
                    bad_columns.append(col)

    # A row with nothing in the columns we read is blank, not a row of missing values.
    blank: set[int] = set()
    required = [(i, c) for i, c in mapped.items() if c.required]
    if any(None in parsed[c.field] for _, c in required):
        value_lists = list(parsed.values())
        blank = {i for i in range(len(rows)) if all(v[i] is None for v in value_lists)}

    fixed: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for index in bad_columns:
        column = mapped[index]
        values = parsed[column.field]
        for i, value in enumerate(values):
            if type(value) is _Bad:
                report.cell(sheet_name, rows[i], index, column.header, value)
            elif type(value) is _Fixed:
                fixed.setdefault((index, value.code), []).append((rows[i], value.shown))
                values[i] = value.value
    for (index, code), cells in fixed.items():
        report.general.append(_fixed_warning(sheet_name, mapped[index].header, code, cells))
    for row, cells in totals:
        _check_total(sheet_name, row, cells, mapped, parsed, report)
    for index, column in required:
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
                    _Bad(
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

    if blank:
        keep = [i for i in range(len(rows)) if i not in blank]
        rows = [rows[i] for i in keep]
        parsed = {name: [values[i] for i in keep] for name, values in parsed.items()}
    return _TableRows(rows, parsed)


def _is_total_row(row: Sequence[Any]) -> bool:
    return any(type(c) is str and normalise_name(c) in _TOTAL_LABELS for c in row)


def _check_total(
    sheet: str,
    row: int,
    cells: Sequence[Any],
    mapped: dict[int, ColumnSpec],
    parsed: dict[str, list[object]],
    report: _Report,
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
        total = _to_number(cells[index])
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
                    f"合计行的{column.header} {_show(total)} 与各行之和 {rows_sum:,.2f} 不符",
                    f"The total row's {column.header} {_show(total)} differs from the sum of "
                    f"the rows, {rows_sum:,.2f}",
                ),
                Text(
                    "请检查是否漏填、多填了某一行，或合计公式的范围不对",
                    "Check for a missing or extra row, or a total formula over the wrong range",
                ),
                Severity.WARNING,
            )


_FIXED_WORDS = {
    "cell.month_only": (
        Text("只写了年月，按当月 1 日读取", "gives only a month, read as its first day"),
        Text(
            "如果知道具体日期，请写到日，如 2021-10-15",
            "If the day is known, write it, e.g. 2021-10-15",
        ),
    ),
    "cell.text_serial": (
        Text(
            "是文本形式的 Excel 日期序号，按日期读取",
            "holds an Excel day number as text, read as a date",
        ),
        Text(
            "请核对读出的日期；把单元格设为日期格式，或直接写成 2024-01-04",
            "Check the dates read; format the cells as dates, or write 2024-01-04",
        ),
    ),
}


def _fixed_warning(sheet: str, column: str, code: str, cells: list[tuple[int, str]]) -> Finding:
    """One warning per column and kind of assumption, naming the first cells."""
    what, fix = _FIXED_WORDS[code]
    shown = "；".join(f"第 {row} 行 {text}" for row, text in cells[:5])
    shown_en = "; ".join(f"row {row} {text}" for row, text in cells[:5])
    more = (f" 等 {len(cells)} 处", f" and {len(cells) - 5} more") if len(cells) > 5 else ("", "")
    return Finding(
        Severity.WARNING,
        code,
        sheet,
        cells[0][0],
        column,
        Text(f"{column}{what.zh}：{shown}{more[0]}", f"{column} {what.en}: {shown_en}{more[1]}"),
        fix,
    )


def _read_basic(
    spec: SheetSpec,
    sheet_name: str,
    grid: list[list[Any]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]],
    special: dict[tuple[int, int], _Bad],
    report: _Report,
) -> dict[str, object]:
    """The 基本信息 items: field → value (a _Bad for a value that could not be read)."""
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
    _merged_findings(
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
            near, certain = _near(
                _show(key), [(c, c.names()[:-1]) for c in spec.columns if c.field not in exact]
            )
            if certain and near[0].field not in where:
                column = near[0]
                report.general.append(
                    _alias_warning(sheet_name, excel_row, _ITEM, _show(key), column.header)
                )
            elif near and raw != "" and not (isinstance(raw, str) and not raw.strip()):
                report.general.append(
                    _unplaced(sheet_name, excel_row, _ITEM, _show(key), "", [near[0].header])
                )
                continue
        if column is None:
            guess = _closest([_show(key)], [c.header for c in spec.columns if c.field not in where])
            hint = (f"，是否应为“{guess}”？", f"; did you mean {guess}?") if guess else ("", "")
            report.add(
                "basic.unknown_item",
                sheet_name,
                excel_row,
                _show(key),
                Text(
                    f"不认识的项目“{_show(key)}”，不会导入{hint[0]}",
                    f"Unknown item '{_show(key)}' is not imported{hint[1]}",
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
        value = special.get((excel_row, col)) or _parser(column)(raw)
        if type(value) is _Bad:
            report.cell(sheet_name, excel_row, col, column.header, value)
        elif type(value) is _Fixed:
            report.general.append(
                _fixed_warning(sheet_name, column.header, value.code, [(excel_row, value.shown)])
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
                _Bad(
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
    lines = [_to_text(row[0]) for row in grid[start:]]
    text = "\n".join("" if line is None else str(line) for line in lines).strip()
    attachment: str | None = None
    attachment_row = start + 1
    for index, row in enumerate(grid[start:], start=start):
        if len(row) < 2 or row[1] == "":
            continue
        value = _to_text(row[1])
        if value is not None:
            attachment, attachment_row = str(value), index + 1
            break
    return text, attachment, attachment_row


# ----------------------------------------------------------------------------- main


def read_dossier(
    path: Path, *, max_rows: int = 200_000, max_bytes: int = 100 * 2**20
) -> ReadResult:
    """Read a filled dossier workbook; every problem becomes a finding, nothing raises.

    ``max_rows`` caps the data rows of any sheet; ``max_bytes`` the file size (the zip may
    unpack to :data:`UNPACK_FACTOR` times as much).
    """
    report = _Report()
    try:
        ok, archive = open_workbook(path, max_bytes, max_rows, report)
        if not ok:
            return ReadResult(None, report.findings())
        if archive is None:
            return _read_workbook(path, None, max_rows, report)
        with archive:
            return _read_workbook(path, archive, max_rows, report)
    except BaseException as exc:  # never let a hostile file crash the caller
        if _fatal(exc):
            raise
        log.exception("unexpected failure reading dossier %s", path)
        report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__))
        return ReadResult(None, report.findings())


def _read_workbook(
    path: Path, archive: zipfile.ZipFile | None, max_rows: int, report: _Report
) -> ReadResult:
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(path)
        sheet_names = list(workbook.sheet_names)
    except BaseException as exc:  # calamine raises its own, zip and XML errors alike
        if _fatal(exc):
            raise
        report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__))
        return ReadResult(None, report.findings())
    with workbook:
        return _read_sheets(path, archive, workbook, sheet_names, max_rows, report)


def load_one_sheet(
    path: Path,
    archive: zipfile.ZipFile | None,
    max_rows: int,
    report: _Report,
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
        if _fatal(exc):
            raise
        report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__))
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
        parts = _sheet_parts(archive) if archive is not None else {}
        loaded = _load_sheet(path, archive, workbook, chosen, chosen, parts, max_rows, report)
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
            if _fatal(exc):
                raise
            continue
        if any(isinstance(c, str) and normalise_name(c) in key_headers for r in rows for c in r):
            return name
    return names[0] if names else None


def _read_sheets(
    path: Path,
    archive: zipfile.ZipFile | None,
    workbook: Any,
    sheet_names: list[str],
    max_rows: int,
    report: _Report,
) -> ReadResult:
    matched: dict[str, str] = {}  # spec name → workbook sheet name
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
    # A renamed sheet read as the sheet it certainly is (人员表 → 人员), and said so.
    guesses: dict[str, list[SheetSpec]] = {}
    claims: dict[str, list[str]] = {}
    for name in unmatched:
        near, certain = _near(name, [(s, s.names()) for s in SHEETS if s.name not in matched])
        guesses[name] = near
        if certain:
            claims.setdefault(near[0].name, []).append(name)
    for spec_name, names in claims.items():
        if len(names) == 1:
            matched[spec_name] = names[0]
            unmatched.remove(names[0])
            report.general.append(_alias_warning(names[0], None, _SHEET, names[0], spec_name))
    parts = _sheet_parts(archive) if archive is not None else {}
    suggested: set[str] = set()
    for spec in SHEETS:
        if spec.name in matched or not spec.required:
            continue
        guess = _closest(spec.names(), unmatched)
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
        near = [s for s in guesses.get(name, ()) if s.name not in matched]
        if name in suggested or not near:
            continue
        loaded = _load_sheet(path, archive, workbook, name, name, parts, max_rows, report)
        if loaded is not None and any(c != "" for row in loaded[0] for c in row):
            # Its data cannot be placed and must not vanish: the dossier is refused.
            report.general.append(_unplaced(name, None, _SHEET, name, "", [s.name for s in near]))
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

    tables: dict[str, _TableRows] = {}
    basic: dict[str, object] | None = None
    summary: tuple[str, str | None, int] = ("", None, 2)
    for spec in SHEETS:
        sheet_name = matched.get(spec.name)
        if sheet_name is None:
            continue
        loaded = _load_sheet(
            path, archive, workbook, sheet_name, spec.name, parts, max_rows, report
        )
        if loaded is None:
            continue
        grid, merged, special = loaded
        if spec.layout is SheetLayout.KEY_VALUE:
            basic = _read_basic(spec, spec.name, grid, merged, special, report)
        elif spec.layout is SheetLayout.TEXT:
            summary = _read_summary(spec, grid)
        else:
            tables[spec.dossier_field] = _read_table(spec, spec.name, grid, merged, special, report)

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


def _load_sheet(
    path: Path,
    archive: zipfile.ZipFile | None,
    workbook: Any,
    name: str,
    label: str,
    parts: dict[str, str],
    max_rows: int,
    report: _Report,
) -> tuple[list[list[Any]], list[tuple[tuple[int, int], tuple[int, int]]], dict[Any, _Bad]] | None:
    """A sheet's cells, merged ranges and special cells, or None after reporting why not.

    Its extent was bounded before calamine opened the file (:func:`open_workbook`).
    """
    special: dict[tuple[int, int], _Bad] = {}
    part = parts.get(name)
    if archive is not None and part is not None:
        scan = _SCANS.get(archive, {}).get(part)
        if scan is None:
            try:
                scan = _scan_sheet(archive, part, max_rows)
            except Exception as exc:  # zlib.error, BadZipFile, … from a damaged member
                report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__, label))
                return None
        if not _within_limits(
            label, scan.last_row, scan.last_col + 1, scan.rows_exact, max_rows, report
        ):
            return None
        special = scan.special
    try:
        sheet = workbook.get_sheet_by_name(name)
        if not _within_limits(label, sheet.total_height, sheet.total_width, True, max_rows, report):
            return None
        grid: list[list[Any]] = sheet.to_python(skip_empty_area=False)
        merged = list(sheet.merged_cell_ranges or ())
    except BaseException as exc:  # calamine's errors for damaged sheets, a panic too
        if _fatal(exc):
            raise
        report.general.append(_corrupt(path.name, str(exc) or type(exc).__name__, label))
        return None
    return grid, merged, special


def _too_many_columns(sheet: str, count: int) -> Finding:
    return Finding(
        Severity.ERROR,
        "sheet.too_many_columns",
        sheet,
        None,
        None,
        Text(
            f"工作表“{sheet}”有 {count} 列，超过上限 {MAX_COLUMNS} 列",
            f"The sheet '{sheet}' has {count} columns, more than the limit of {MAX_COLUMNS}",
        ),
        Text("请删除表格右侧多余的列", "Delete the surplus columns to the right of the table"),
    )


def _records(table: _TableRows | None, record_type: type[Any]) -> tuple[Any, ...]:
    """Dataclass records built a column at a time: ``starmap`` keeps the loop in C."""
    if table is None or not table.rows:
        return ()
    columns: list[Iterable[object]] = []
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
            columns.append(itertools.repeat(None))
    return tuple(itertools.starmap(record_type, zip(*columns, strict=False)))


def _attachment_refs(
    outcomes: _TableRows | None, summary: tuple[str, str | None, int]
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
