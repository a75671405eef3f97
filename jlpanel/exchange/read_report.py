"""What a workbook reader found, as it collects it: findings in reading order, cell by cell.

Every reader of a workbook (dossier, roster, history, paper sheet) reports through a
:class:`ReadReport`: file and sheet problems first, then bad cells sorted by row and column,
at most :data:`MAX_CELL_FINDINGS` per column with the rest summed up. A cell that could not be
read is a :class:`BadCell`; one read under a stated assumption is a :class:`FixedCell`.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from jlpanel.domain.dossier import (
    Finding,
    Severity,
)
from jlpanel.domain.text import Text

log = logging.getLogger(__name__)

#: Per sheet and column, findings beyond this many are summed up in one "还有 N 处" finding.
MAX_CELL_FINDINGS = 100


class BadCell:
    """A cell that could not be read: what is wrong and how to fix it."""

    __slots__ = ("code", "fix", "message")

    def __init__(self, code: str, message: Text, fix: Text) -> None:
        self.code = code
        self.message = message
        self.fix = fix


class FixedCell:
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
    bad: BadCell


@dataclass(slots=True)
class ReadReport:
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

    def cell(self, sheet: str, row: int, col_index: int, column: str, bad: BadCell) -> None:
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


def show_value(value: object) -> str:
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


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def damaged_finding(name: str, detail: str, sheet: str | None = None) -> Finding:
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


def is_fatal(exc: BaseException) -> bool:
    """Whether ``exc`` must go on up: not a reader failure (a Rust panic is a BaseException)."""
    return isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit))


def characters_removed(
    report: ReadReport,
    sheet: str,
    row: int,
    header: str,
    codes: str,
    where: Text,
) -> None:
    """Warn that invisible or control characters (``codes``, e.g. U+200B) left a cell;
    ``where`` names what the cell is in (表 / the sheet, 名单 / the roster)."""
    report.add(
        "text.invisible_removed",
        sheet,
        row,
        header,
        Text(
            f"“{header}”含有看不见的字符或控制字符（{codes}），已删除",
            f"{header} held invisible or control characters ({codes}); they were removed",
        ),
        Text(
            f"请在{where.zh}中重新输入这一格（不要从网页、PDF 或聊天记录粘贴）",
            f"Type the cell again in {where.en} (rather than pasting it from a web page, a "
            "PDF or a chat)",
        ),
        Severity.WARNING,
    )
