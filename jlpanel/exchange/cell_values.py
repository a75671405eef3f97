"""Cell values as people type them: dates, numbers, amounts, shares, flags and choices.

Each parser takes one raw cell (as python-calamine gives it: str, float, int, bool, date,
datetime) and returns the value, None for a blank, a :class:`BadCell` saying what is wrong
and how to fix it, or a :class:`FixedCell` read under an assumption the user is told about.
:func:`parse_column` parses a whole column at C speed where it can.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import cast

from jlpanel.domain.dossier import (
    Finding,
    Severity,
)
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_schema import (
    BOOL_FALSE,
    BOOL_TRUE,
    DATE_HELP,
    ColumnKind,
    ColumnSpec,
    kind_help,
)
from jlpanel.exchange.read_report import (
    BadCell,
    FixedCell,
    show_value,
)

log = logging.getLogger(__name__)

#: Numbers beyond this size are refused: no amount, count or volume of a platform comes near,
#: and a few of them summed are inf on every report.
MAX_PLAUSIBLE = 1e12

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


def _bad_date(value: object) -> BadCell:
    return BadCell(
        "cell.bad_date",
        Text(f"“{show_value(value)}”不是有效的日期", f"'{show_value(value)}' is not a valid date"),
        DATE_HELP,
    )


def _date_out_of_range(value: dt.date) -> BadCell:
    return BadCell(
        "cell.date_out_of_range",
        Text(
            f"日期 {value.isoformat()} 不在 1900 年到 2100 年之间",
            f"The date {value.isoformat()} is not between 1900 and 2100",
        ),
        Text("请检查年份是否写错", "Check the year"),
    )


def _bad_number(value: object) -> BadCell:
    return BadCell(
        "cell.bad_number",
        Text(f"“{show_value(value)}”不是数字", f"'{show_value(value)}' is not a number"),
        _NUMBER_FIX,
    )


def _negative(value: float) -> BadCell:
    return BadCell(
        "cell.negative",
        Text(f"不能是负数：{show_value(value)}", f"Must not be negative: {show_value(value)}"),
        Text(
            "填写 0 或正数；退款等请在说明中注明，不要写成负数",
            "Write 0 or a positive number; explain refunds in words, not as negative amounts",
        ),
    )


def _bad_bool(value: object) -> BadCell:
    return BadCell(
        "cell.bad_bool",
        Text(
            f"“{show_value(value)}”不是“是”或“否”",
            f"'{show_value(value)}' is not 是 (yes) or 否 (no)",
        ),
        Text("填写“是”或“否”（也可写 Y/N、yes/no）", "Write 是 or 否 (Y/N and yes/no also work)"),
    )


def excel_error(value: str) -> BadCell:
    return BadCell(
        "cell.excel_error",
        Text(f"单元格是 Excel 错误值 {value}", f"The cell holds the Excel error {value}"),
        Text("请修正公式，或把公式改成数值", "Correct the formula, or replace it by its value"),
    )


def formula_without_value() -> BadCell:
    return BadCell(
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


def to_text(value: object) -> object:
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
            return FixedCell(first, "cell.month_only", f"{show_value(text)} → {first.isoformat()}")
        elif _SERIAL_TEXT.fullmatch(clean) and _MIN_SERIAL <= int(clean) <= _MAX_SERIAL:
            # A date cell turned into text (WPS 转换为文本) keeps Excel's day number.
            day = _from_serial(int(clean))
            return FixedCell(day, "cell.text_serial", f"“{clean}” → {day.isoformat()}")
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
            return FixedCell(first, "cell.month_only", f"{show_value(value)} → {first.isoformat()}")
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
        if type(day) is FixedCell and day.code == "cell.month_only":
            return BadCell(
                "cell.month_only",
                Text(
                    f"“{show_value(value)}”只有年月，{column.header}须写到日",
                    f"'{show_value(value)}' gives only a month; {column.header} needs the day",
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


def _implausible(value: object) -> BadCell:
    return BadCell(
        "cell.implausible_number",
        Text(
            f"“{show_value(value)}”不是可信的数值"
            f"（应为有限数，且绝对值不超过 {MAX_PLAUSIBLE:,.0f}）",
            f"'{show_value(value)}' is not a plausible number (it must be finite and at most "
            f"{MAX_PLAUSIBLE:,.0f} in size)",
        ),
        Text(
            "请检查这个数是否多打了零或用了科学计数法；金额按表头的单位（元或万元）填写",
            "Check for extra zeros or scientific notation; write amounts in the header's unit "
            "(yuan or 10k yuan)",
        ),
    )


def to_number(value: object) -> float | BadCell | None:
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
    number = to_number(value)
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
        whole = to_number(value)
        if not isinstance(whole, float):
            return whole
        if not whole.is_integer():
            return BadCell(
                "cell.bad_integer",
                Text(
                    f"“{show_value(value)}”不是整数", f"'{show_value(value)}' is not a whole number"
                ),
                rule,
            )
        if (low is not None and whole < low) or (high is not None and whole > high):
            return BadCell(
                "cell.out_of_range",
                Text(f"{show_value(whole)} 超出允许的范围", f"{show_value(whole)} is out of range"),
                rule,
            )
        return int(whole)

    return parse


def _share_parser(column: ColumnSpec) -> Callable[[object], object]:
    rule = kind_help(column)

    def parse(value: object) -> object:
        percent = isinstance(value, str) and value.strip().endswith(("%", "％"))
        number = to_number(str(value).strip()[:-1] if percent else value)
        if not isinstance(number, float):
            return number
        share = number / 100 if percent else number
        if not 0 <= share <= 1:
            return BadCell(
                "cell.out_of_range",
                Text(
                    f"{show_value(value)} 不在 0 到 1（0%–100%）之间",
                    f"{show_value(value)} is not between 0 and 1 (0%–100%)",
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
        text = "".join(value.split()) if type(value) is str else show_value(value)
        if not text:
            return None
        if text in allowed:
            return mapping[text] if mapping is not None else text
        guess = difflib.get_close_matches(text, column.choices, n=1, cutoff=0.5)
        hint = (
            (f"（是否应为“{guess[0]}”？）", f" (did you mean {guess[0]}?)") if guess else ("", "")
        )
        return BadCell(
            "cell.bad_choice",
            Text(
                f"“{show_value(value)}”不是允许的{column.header}{hint[0]}",
                f"'{show_value(value)}' is not an allowed {column.header}{hint[1]}",
            ),
            Text(f"请从下拉列表中选择：{listed}", f"Pick one of: {', '.join(column.choices)}"),
        )

    return parse


def parser_for(column: ColumnSpec) -> Callable[[object], object]:
    match column.kind:
        case ColumnKind.TEXT:
            return to_text
        case ColumnKind.DATE:
            return _date_parser(column)
        case ColumnKind.NUMBER:
            return to_number
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


def parse_column(column: ColumnSpec, values: Sequence[object]) -> tuple[list[object], bool]:
    """Every value of a column parsed, and whether any is a :class:`BadCell` or :class:`FixedCell`.

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
    parse = parser_for(column)
    if kind is ColumnKind.TEXT or (bool in types and kind is not ColumnKind.BOOL):
        # Text is mostly distinct; and True == 1.0 would share one parse where they differ.
        parsed = list(map(parse, values))
    else:
        # Dates, choices, flags and amounts repeat: parse each distinct value once.
        cache = {value: parse(value) for value in set(values)}
        parsed = list(map(cache.__getitem__, values))
    kinds = set(map(type, parsed))
    return parsed, BadCell in kinds or FixedCell in kinds


def _only_blank_strings(values: Sequence[object]) -> bool:
    return all(v == "" for v in values if type(v) is str)


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


def fixed_warning(sheet: str, column: str, code: str, cells: list[tuple[int, str]]) -> Finding:
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
