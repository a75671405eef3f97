"""The paper score sheet (专家个人纸质评分表): a printable workbook per expert, and reading it back.

For experts who prefer paper. :func:`write_paper_sheet` writes one worksheet, 评分表, with a
block per assigned platform — every indicator with its code, name, maximum and points bands,
an empty score and comment cell, the 回避 line, the vetoes, the bonus items, an overall comment
and a signature line — set up for A4 landscape, headers repeated on every page, fitted to the
page width, each platform starting on a new page. A hidden sheet, ``jlpanel``, names the cycle,
the expert and the platforms, so the filled workbook can be read back without guessing.

:func:`read_paper_sheet` reads a filled copy (typed in by the secretary or the expert) and
checks it against the rubric: every problem becomes a finding with its sheet, row and column;
the scores come back as domain :class:`ScoreSheet` objects marked as paper. A block's 备案编号
is matched to the listed platforms on its identity key, so one typed in again in lower case,
full width or with a zero-width space is still that platform (and a second block of it is a
duplicate naming both rows); comments are kept cleaned, with a warning naming each cell that
held invisible or control characters.

Layout of a block (columns A–F: 代码, 项目, 满分, 评分档次, 得分, 评语/理由)::

    备案编号 | <filing no> | <platform name and host unit, merged C:F>
    回避     | 是否回避…   |     |                | 是/否     | reason
    A        | <area name> | 35  |
    A1       | <indicator> | 10  | 优 8–10；良 …  | <points>  | <comment>
    …
    fraud    | <veto name> |     |                | 是/否     | reason
    X1       | <bonus>     | 3   |                | <points>  |
    总评     | 总体评价意见 |     |                |           | <overall comment>
"""

from __future__ import annotations

import io
import math
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.exact import to_decimal
from jlpanel.domain.identity import clean_text, describe_removed, identity_key
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.scoresheet import (
    Provenance,
    ScoreSheet,
    exact_bonus,
    exact_points,
    validate_sheet,
)
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_writer import replace_atomically

SCORE_SHEET: Final = "评分表"
META_SHEET: Final = "jlpanel"
PAPER_FORMAT: Final = "jlpanel-paper-sheet"
PAPER_FORMAT_VERSION: Final = 1
BLOCK_START: Final = "备案编号"
CONFLICT_ROW: Final = "回避"
OVERALL_ROW: Final = "总评"
HEADERS: Final = ("代码", "项目", "满分", "评分档次", "得分", "评语 / 理由")
SCORE_COLUMN: Final = 4  # E
COMMENT_COLUMN: Final = 5  # F
#: A filled sheet is small; anything bigger is not ours.
MAX_BYTES: Final = 20 * 2**20
MAX_ROWS: Final = 50_000
_WIDTHS = (8, 34, 7, 40, 10, 56)
_YES = frozenset({"是", "√", "✓", "✔", "y", "yes", "true", "1", "回避", "否决"})
_NO = frozenset({"", "否", "n", "no", "false", "0", "×", "-", "—"})


@dataclass(frozen=True, slots=True)
class PaperPlatform:
    """An assigned platform as the paper sheet lists it."""

    platform_id: int
    filing_no: str
    name: str
    host_unit: str | None = None


@dataclass(frozen=True, slots=True)
class PaperSheetResult:
    """What a filled paper sheet holds, and every problem found in it."""

    cycle_id: str
    expert_id: str
    expert_name: str
    package_id: str
    #: One per platform scored (declared conflicts excluded), provenance PAPER.
    sheets: tuple[ScoreSheet, ...] = ()
    #: Platform id → the reason given for a declared conflict (回避).
    conflicts: Mapping[int, str] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """No errors: every platform is either fully and validly scored or declared."""
        return not any(f.severity is Severity.ERROR for f in self.findings)


def _fmt(x: Decimal | float) -> str:
    return f"{to_decimal(x).normalize():f}"


def _bands(rubric: Rubric, code: str) -> str:
    indicator = rubric.indicator(code)
    return "；".join(
        f"{rubric.level_name(g.level).zh} {_fmt(g.band.low)}–{_fmt(g.band.high)}"
        for g in indicator.guidance
    )


# ------------------------------------------------------------------------------ writing


def write_paper_sheet(
    path: Path,
    *,
    cycle_id: str,
    cycle_name: str,
    expert_id: int,
    expert_name: str,
    package_id: str,
    rubric: Rubric,
    platforms: Sequence[PaperPlatform],
) -> None:
    """Write the printable paper score sheet of one expert to ``path``, atomically."""
    replace_atomically(
        path,
        paper_sheet_bytes(
            cycle_id=cycle_id,
            cycle_name=cycle_name,
            expert_id=expert_id,
            expert_name=expert_name,
            package_id=package_id,
            rubric=rubric,
            platforms=platforms,
        ),
    )


def paper_sheet_bytes(
    *,
    cycle_id: str,
    cycle_name: str,
    expert_id: int,
    expert_name: str,
    package_id: str,
    rubric: Rubric,
    platforms: Sequence[PaperPlatform],
) -> bytes:
    """The .xlsx bytes of one expert's printable paper score sheet (a worker can make them)."""
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
    workbook.set_properties(
        {"title": f"{cycle_name} 专家个人评分表（{expert_name}）", "comments": "Written by jlpanel"}
    )
    f = _formats(workbook)
    sheet = workbook.add_worksheet(SCORE_SHEET)
    for col, width in enumerate(_WIDTHS):
        sheet.set_column(col, col, width)
    sheet.merge_range(0, 0, 0, 5, f"{cycle_name}　专家个人评分表", f["title"])
    sheet.merge_range(
        1,
        0,
        1,
        5,
        f"评审专家：{expert_name}　　评审包：{package_id}　　"
        f"评分细则：{rubric.name.zh}（{rubric.id} {rubric.version}）",
        f["subtitle"],
    )
    for col, title in enumerate(HEADERS):
        sheet.write_string(2, col, title, f["header"])
    row = 3
    breaks: list[int] = []
    checks: dict[Decimal | None, list[int]] = defaultdict(list)
    for n, platform in enumerate(platforms):
        if n:
            breaks.append(row)
        row = _write_block(sheet, f, rubric, platform, row, checks)
    if breaks:
        sheet.set_h_pagebreaks(breaks)
    _add_validations(sheet, checks)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(0, 2)
    sheet.fit_to_pages(1, 0)
    # No font-size codes: "&8" followed by a cycle name starting "2026" would read as size 82.
    sheet.set_header(f"&L{_header_text(cycle_name)}&R专家：{_header_text(expert_name)}")
    sheet.set_footer("&C第 &P 页，共 &N 页")
    sheet.print_area(0, 0, max(row - 1, 2), 5)
    sheet.freeze_panes(3, 0)
    _write_meta(
        workbook.add_worksheet(META_SHEET),
        cycle_id=cycle_id,
        expert_id=expert_id,
        expert_name=expert_name,
        package_id=package_id,
        rubric=rubric,
        platforms=platforms,
    )
    workbook.close()
    return buffer.getvalue()


def _header_text(text: str) -> str:
    """``text`` safe inside a page header (a literal & is written &&; 255 characters at most)."""
    return text.replace("&", "&&")[:100]


def _formats(workbook: Any) -> dict[str, Any]:
    base = {"font_size": 10, "valign": "vcenter", "border": 1}
    return {
        "title": workbook.add_format({"bold": True, "font_size": 14, "align": "center"}),
        "subtitle": workbook.add_format({"font_size": 10, "align": "left"}),
        "header": workbook.add_format(
            base | {"bold": True, "align": "center", "bg_color": "#D9D9D9"}
        ),
        "block": workbook.add_format(base | {"bold": True, "bg_color": "#EDEDED"}),
        "block_name": workbook.add_format(
            base | {"bold": True, "bg_color": "#EDEDED", "text_wrap": True}
        ),
        "area": workbook.add_format(base | {"bold": True}),
        "text": workbook.add_format(base | {"text_wrap": True, "num_format": "@"}),
        "small": workbook.add_format(base | {"text_wrap": True, "font_size": 9, "num_format": "@"}),
        "number": workbook.add_format(base | {"align": "center"}),
        "input": workbook.add_format(
            base | {"align": "center", "locked": False, "bg_color": "#FFFFFF"}
        ),
        "input_text": workbook.add_format(
            base | {"text_wrap": True, "locked": False, "num_format": "@"}
        ),
        "section": workbook.add_format(base | {"bold": True, "italic": True}),
        "signature": workbook.add_format({"font_size": 11, "bottom": 1}),
        "signature_label": workbook.add_format({"font_size": 11, "bold": True}),
    }


def _add_validations(sheet: Any, checks: Mapping[Decimal | None, list[int]]) -> None:
    """One data validation per kind of score cell (a few, not one per row: faster to write)."""
    for maximum, rows in checks.items():
        if not rows:
            continue
        options: dict[str, Any]
        if maximum is None:
            options = {
                "validate": "list",
                "source": ["是", "否"],
                "error_message": "请填“是”或“否”",
            }
        else:
            options = {
                "validate": "decimal",
                "criteria": "between",
                "minimum": 0,
                "maximum": float(maximum),
                "error_message": f"得分应在 0–{_fmt(maximum)} 之间",
            }
        column = "E"
        options["multi_range"] = " ".join(f"{column}{r + 1}" for r in rows)
        sheet.data_validation(rows[0], SCORE_COLUMN, rows[0], SCORE_COLUMN, options)


def _write_block(
    sheet: Any,
    f: Mapping[str, Any],
    rubric: Rubric,
    platform: PaperPlatform,
    row: int,
    checks: dict[Decimal | None, list[int]],
) -> int:
    sheet.write_string(row, 0, BLOCK_START, f["block"])
    sheet.write_string(row, 1, platform.filing_no, f["block"])
    title = platform.name + (f"　依托单位：{platform.host_unit}" if platform.host_unit else "")
    sheet.merge_range(row, 2, row, 5, title, f["block_name"])
    row += 1
    sheet.write_string(row, 0, CONFLICT_ROW, f["text"])
    sheet.write_string(
        row, 1, "是否回避（回避填“是”，并在右栏写明理由；回避后本平台不评分）", f["small"]
    )
    sheet.write_blank(row, 2, None, f["text"])
    sheet.write_blank(row, 3, None, f["text"])
    sheet.write_blank(row, SCORE_COLUMN, None, f["input"])
    sheet.write_blank(row, COMMENT_COLUMN, None, f["input_text"])
    checks[None].append(row)
    row += 1
    for area in rubric.areas:
        sheet.write_string(row, 0, area.code, f["area"])
        sheet.write_string(row, 1, area.name.zh, f["area"])
        sheet.write_number(row, 2, area.max_points, f["area"])
        for col in (3, 4, 5):
            sheet.write_blank(row, col, None, f["area"])
        row += 1
        for ind in area.indicators:
            sheet.write_string(row, 0, ind.code, f["text"])
            sheet.write_string(row, 1, ind.name.zh, f["text"])
            sheet.write_number(row, 2, float(ind.max_points), f["number"])
            sheet.write_string(row, 3, _bands(rubric, ind.code), f["small"])
            sheet.write_blank(row, SCORE_COLUMN, None, f["input"])
            sheet.write_blank(row, COMMENT_COLUMN, None, f["input_text"])
            checks[ind.max_points].append(row)
            row += 1
    if rubric.vetoes:
        sheet.merge_range(
            row, 0, row, 5, "一票否决（认定时在“得分”栏填“是”，并写明理由）", f["section"]
        )
        row += 1
        for veto in rubric.vetoes:
            sheet.write_string(row, 0, veto.code, f["text"])
            sheet.write_string(row, 1, veto.name.zh, f["text"])
            sheet.write_blank(row, 2, None, f["text"])
            sheet.write_blank(row, 3, None, f["text"])
            sheet.write_blank(row, SCORE_COLUMN, None, f["input"])
            sheet.write_blank(row, COMMENT_COLUMN, None, f["input_text"])
            checks[None].append(row)
            row += 1
    if rubric.bonus_items:
        sheet.merge_range(
            row,
            0,
            row,
            5,
            f"加分项（合计不超过 {_fmt(rubric.bonus_cap)} 分，可不填）",
            f["section"],
        )
        row += 1
        for item in rubric.bonus_items:
            sheet.write_string(row, 0, item.code, f["text"])
            sheet.write_string(row, 1, item.name.zh, f["text"])
            sheet.write_number(row, 2, item.max_points, f["number"])
            sheet.write_blank(row, 3, None, f["text"])
            sheet.write_blank(row, SCORE_COLUMN, None, f["input"])
            sheet.write_blank(row, COMMENT_COLUMN, None, f["input_text"])
            row += 1
    sheet.write_string(row, 0, OVERALL_ROW, f["text"])
    sheet.write_string(row, 1, "总体评价意见", f["text"])
    for col in (2, 3, 4):
        sheet.write_blank(row, col, None, f["text"])
    sheet.write_blank(row, COMMENT_COLUMN, None, f["input_text"])
    sheet.set_row(row, 48)
    row += 1
    sheet.write_string(row, 1, f"合计（满分 {_fmt(rubric.total_points)} 分）", f["area"])
    for col in (0, 2, 3, 4, 5):
        sheet.write_blank(row, col, None, f["area"])
    row += 2
    sheet.write_string(row, 1, "专家签字：", f["signature_label"])
    sheet.write_blank(row, 2, None, f["signature"])
    sheet.write_blank(row, 3, None, f["signature"])
    sheet.write_string(row, 4, "日期：", f["signature_label"])
    sheet.write_blank(row, 5, None, f["signature"])
    return row + 2


def _write_meta(
    sheet: Any,
    *,
    cycle_id: str,
    expert_id: int,
    expert_name: str,
    package_id: str,
    rubric: Rubric,
    platforms: Sequence[PaperPlatform],
) -> None:
    rows: list[tuple[str, ...]] = [
        ("format", PAPER_FORMAT),
        ("format_version", str(PAPER_FORMAT_VERSION)),
        ("cycle_id", cycle_id),
        ("expert_id", str(expert_id)),
        ("expert_name", expert_name),
        ("package_id", package_id),
        ("rubric_id", rubric.id),
        ("rubric_version", rubric.version),
        ("platforms",),
    ]
    rows += [(str(p.platform_id), p.filing_no, p.name) for p in platforms]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            sheet.write_string(r, c, value)
    sheet.hide()


# ------------------------------------------------------------------------------ reading


class _Bad(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _finding(
    code: str,
    zh: str,
    en: str,
    *,
    row: int | None = None,
    column: str | None = None,
    fix: Text | None = None,
    sheet: str | None = SCORE_SHEET,
) -> Finding:
    return Finding(
        Severity.ERROR,
        code,
        sheet,
        row,
        column,
        Text(zh, en),
        fix or Text("按纸质评分表核对后更正", "Check against the paper sheet and correct it"),
    )


def _not_ours(name: str, why_zh: str, why_en: str) -> Finding:
    return _finding(
        "paper.not_a_sheet",
        f"{name} 不是 jlpanel 生成的纸质评分表：{why_zh}",
        f"{name} is not a paper score sheet written by jlpanel: {why_en}",
        sheet=None,
        fix=Text(
            "请使用 jlpanel 为该专家生成的评分表文件填写",
            "Fill in the score sheet jlpanel wrote for this expert",
        ),
    )


def _cell(grid: Sequence[Sequence[Any]], row: int, col: int) -> Any:
    if row < len(grid) and col < len(grid[row]):
        return grid[row][col]
    return ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def read_paper_sheet(path: Path, rubric: Rubric) -> PaperSheetResult:
    """Read a filled paper score sheet and check it against ``rubric``; never raises on bad input.

    The result's ``findings`` list every problem (sheet / row / column / what / how to fix);
    ``ok`` is False when there is any.
    """
    try:
        meta, grid = _load(Path(path))
    except _Bad as bad:
        return PaperSheetResult("", "", "", "", findings=(bad.finding,))
    return _Reader(rubric, meta, grid).read()


@dataclass(slots=True)
class _Meta:
    cycle_id: str
    expert_id: str
    expert_name: str
    package_id: str
    #: Filing number (as the workspace writes it) → platform id.
    platforms: dict[str, int]

    def match(self, written: str) -> list[str]:
        """The listed filing numbers ``written`` stands for: itself when listed so, else those
        sharing its identity key (more than one only from a workspace holding one number
        under two spellings)."""
        if written in self.platforms:
            return [written]
        key = identity_key(written)
        return [f for f in self.platforms if identity_key(f) == key] if key else []


def _load(path: Path) -> tuple[_Meta, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    from jlpanel.exchange.workbook_container import check_workbook

    name = path.name
    # The container checks of every workbook reader: size, type, each sheet's extent from
    # its cells (.xlsx) or a capped child read (.xls, .ods) — no file can abort the program.
    problems = check_workbook(path, max_bytes=MAX_BYTES, max_rows=MAX_ROWS)
    if problems:
        raise _Bad(_not_ours(name, problems[0].message.zh, problems[0].message.en))
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        with workbook:
            sheets = list(workbook.sheet_names)
            if META_SHEET not in sheets or SCORE_SHEET not in sheets:
                raise _Bad(
                    _not_ours(name, f"缺少“{SCORE_SHEET}”或说明页", f"no {SCORE_SHEET} sheet")
                )
            meta_rows = workbook.get_sheet_by_name(META_SHEET).to_python(nrows=MAX_ROWS)
            grid = workbook.get_sheet_by_name(SCORE_SHEET).to_python(nrows=MAX_ROWS + 1)
    except _Bad:
        raise
    except BaseException as exc:  # calamine's errors for damaged files, a Rust panic too
        if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        raise _Bad(_not_ours(name, f"文件已损坏（{exc}）", f"the file is damaged ({exc})")) from exc
    if len(grid) > MAX_ROWS:
        raise _Bad(_not_ours(name, "行数过多", f"more than {MAX_ROWS} rows"))
    return _read_meta(name, meta_rows), grid


def _read_meta(name: str, rows: Sequence[Sequence[Any]]) -> _Meta:
    values: dict[str, str] = {}
    platforms: dict[str, int] = {}
    listing = False
    for row in rows:
        cells = [_text(c) for c in row]
        if not cells or not cells[0]:
            continue
        if listing:
            try:
                platforms[cells[1]] = int(cells[0])
            except (IndexError, ValueError):
                raise _Bad(
                    _not_ours(name, "平台清单已损坏", "its platform list is damaged")
                ) from None
        elif cells[0] == "platforms":
            listing = True
        elif len(cells) > 1:
            values[cells[0]] = cells[1]
    if values.get("format") != PAPER_FORMAT:
        raise _Bad(_not_ours(name, "缺少格式标记", "the format mark is missing"))
    version = values.get("format_version", "")
    if not version.isdigit() or int(version) > PAPER_FORMAT_VERSION:
        raise _Bad(
            _not_ours(
                name,
                f"格式版本 {version} 由更新版本的 jlpanel 生成",
                f"format version {version} comes from a newer jlpanel",
            )
        )
    return _Meta(
        cycle_id=values.get("cycle_id", ""),
        expert_id=values.get("expert_id", ""),
        expert_name=values.get("expert_name", ""),
        package_id=values.get("package_id", ""),
        platforms=platforms,
    )


@dataclass(slots=True)
class _Block:
    platform_id: int
    filing_no: str
    row: int  # 1-based, as Excel shows it
    points: dict[str, float | None] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    vetoes: dict[str, str] = field(default_factory=dict)
    bonus: dict[str, float] = field(default_factory=dict)
    overall: str = ""
    conflict: bool = False
    conflict_reason: str = ""
    conflict_row: int = 0
    filled: bool = False


class _Reader:
    def __init__(self, rubric: Rubric, meta: _Meta, grid: list[list[Any]]) -> None:
        self.rubric = rubric
        self.meta = meta
        self.grid = grid
        self.findings: list[Finding] = []
        self.indicators = {i.code for i in rubric.indicators}
        self.vetoes = {v.code for v in rubric.vetoes}
        self.bonus = {b.code for b in rubric.bonus_items}

    def add(self, code: str, zh: str, en: str, row: int | None, column: str | None) -> None:
        self.findings.append(_finding(code, zh, en, row=row, column=column))

    def text(self, value: Any, row: int, column: str, what: str, *, code: bool = False) -> str:
        """A cell's text as kept: cleaned (issue 12), with a warning when characters went.

        Comments keep their line breaks; a filing number (``code``) is one line, NFKC.
        """
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        cleaned = clean_text(str(value), multiline=not code, code=code)
        if cleaned.removed:
            codes = describe_removed(cleaned.removed)
            self.findings.append(
                Finding(
                    Severity.WARNING,
                    "text.invisible_removed",
                    SCORE_SHEET,
                    row,
                    column,
                    Text(
                        f"“{what}”含有看不见的字符或控制字符（{codes}），已删除",
                        f"{what} held invisible or control characters ({codes}); they were removed",
                    ),
                    Text(
                        "请在评分表中重新输入这一格（不要从网页、PDF 或聊天记录粘贴）",
                        "Type the cell again in the sheet (rather than pasting it from a web "
                        "page, a PDF or a chat)",
                    ),
                )
            )
        return cleaned.text

    def number(self, value: Any, row: int) -> float | None:
        if isinstance(value, bool):
            self.add("paper.not_a_number", "得分应为数字", "the score must be a number", row, "E")
            return None
        if isinstance(value, int | float):
            if not math.isfinite(value):
                self.add(
                    "paper.not_a_number", "得分应为数字", "the score must be a number", row, "E"
                )
                return None
            return float(value)
        text = _text(value).removesuffix("分").strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            self.add(
                "paper.not_a_number",
                f"得分“{text}”不是数字",
                f"the score {text!r} is not a number",
                row,
                "E",
            )
            return None
        return number

    def yes(self, value: Any, row: int) -> bool:
        text = _text(value).lower()
        if text in _YES:
            return True
        if text not in _NO:
            self.add(
                "paper.not_yes_no",
                f"此处应填“是”或留空（现为“{text}”）",
                f"write 是 (yes) or leave it blank here (found {text!r})",
                row,
                "E",
            )
        return False

    def block_start(self, r: int, seen: dict[int, tuple[int, str]]) -> _Block | None:
        """The block a 备案编号 row starts, matched on the identity key of the number written
        (however it was typed in again); None after reporting why there is none."""
        row = r + 1
        written = self.text(_cell(self.grid, r, 1), row, "B", BLOCK_START, code=True)
        matches = self.meta.match(written)
        if not matches:
            self.add(
                "paper.unknown_platform",
                f"备案编号 {written} 不在本专家的评分表中",
                f"filing number {written} is not on this expert's sheet",
                row,
                "B",
            )
            return None
        if len(matches) > 1:
            listed = "、".join(matches)
            self.add(
                "paper.ambiguous_platform",
                f"备案编号 {written} 可能是 {listed} 中的任何一个",
                f"filing number {written} may be any of {', '.join(matches)}",
                row,
                "B",
            )
            return None
        filing_no = matches[0]
        pid = self.meta.platforms[filing_no]
        if pid in seen:
            first, first_written = seen[pid]
            same = (
                (
                    f"；“{first_written}”和“{written}”视为同一编号"
                    "（大小写、全角半角、空格、标点和看不见的字符不计）",
                    f"; '{first_written}' and '{written}' are one filing number (case, width, "
                    "spaces, punctuation and invisible characters do not count)",
                )
                if first_written != written
                else ("", "")
            )
            self.add(
                "paper.duplicate_platform",
                f"备案编号 {filing_no} 出现了两次（第 {first} 行和第 {row} 行）{same[0]}",
                f"filing number {filing_no} appears twice (rows {first} and {row}){same[1]}",
                row,
                "B",
            )
            return None
        seen[pid] = (row, written)
        return _Block(pid, filing_no, row)

    def read(self) -> PaperSheetResult:
        blocks: list[_Block] = []
        block: _Block | None = None
        seen: dict[int, tuple[int, str]] = {}
        comment_header = HEADERS[COMMENT_COLUMN]
        for r in range(len(self.grid)):
            row = r + 1
            code = _text(_cell(self.grid, r, 0))
            if code == BLOCK_START:
                block = self.block_start(r, seen)
                if block is not None:
                    blocks.append(block)
                continue
            if block is None or not code:
                continue
            score_cell = _cell(self.grid, r, SCORE_COLUMN)
            comment = self.text(_cell(self.grid, r, COMMENT_COLUMN), row, "F", comment_header)
            if code == CONFLICT_ROW:
                block.conflict = self.yes(score_cell, row)
                block.conflict_reason = comment
                block.conflict_row = row
            elif code in self.indicators:
                points = self.number(score_cell, row)
                block.points[code] = points
                block.rows[code] = row
                if comment:
                    block.comments[code] = comment
                block.filled = block.filled or points is not None or bool(comment)
            elif code in self.vetoes:
                if self.yes(score_cell, row) or comment:
                    block.vetoes[code] = comment
                    block.rows[code] = row
                    block.filled = True
            elif code in self.bonus:
                points = self.number(score_cell, row)
                if points is not None:
                    block.bonus[code] = points
                    block.rows[code] = row
                    block.filled = True
            elif code == OVERALL_ROW:
                parts = [self.text(score_cell, row, "E", HEADERS[SCORE_COLUMN]), comment]
                block.overall = "\n".join(p for p in parts if p)
                block.filled = block.filled or bool(block.overall)
        for filing_no, pid in self.meta.platforms.items():
            if pid not in seen:
                self.add(
                    "paper.missing_platform",
                    f"评分表中找不到平台 {filing_no} 的评分栏",
                    f"the block of platform {filing_no} is missing from the sheet",
                    None,
                    None,
                )
        sheets: list[ScoreSheet] = []
        conflicts: dict[int, str] = {}
        for b in blocks:
            if b.conflict:
                self.check_conflict(b)
                conflicts[b.platform_id] = b.conflict_reason
            else:
                sheets.append(self.check_sheet(b))
        return PaperSheetResult(
            cycle_id=self.meta.cycle_id,
            expert_id=self.meta.expert_id,
            expert_name=self.meta.expert_name,
            package_id=self.meta.package_id,
            sheets=tuple(sheets),
            conflicts=conflicts,
            findings=tuple(self.findings),
        )

    def check_conflict(self, b: _Block) -> None:
        if not b.conflict_reason:
            self.add(
                "paper.conflict_reason",
                f"平台 {b.filing_no} 声明回避，须写明理由",
                f"platform {b.filing_no} is declared a conflict and needs the reason",
                b.conflict_row,
                "F",
            )
        if b.filled:
            self.add(
                "paper.conflict_scored",
                f"平台 {b.filing_no} 已声明回避，却又填写了评分",
                f"platform {b.filing_no} is declared a conflict but also scored",
                b.conflict_row,
                "E",
            )

    def check_sheet(self, b: _Block) -> ScoreSheet:
        sheet = ScoreSheet(
            expert_id=self.meta.expert_id,
            platform_id=str(b.platform_id),
            points=exact_points({i.code: b.points.get(i.code) for i in self.rubric.indicators}),
            comments=b.comments,
            vetoes=b.vetoes,
            bonus=exact_bonus(b.bonus),
            overall_comment=b.overall,
            provenance=Provenance.PAPER,
            revision=1,
        )
        if not b.filled:
            self.add(
                "paper.not_filled",
                f"平台 {b.filing_no} 未填写评分（如需回避，请在“回避”行填“是”）",
                f"platform {b.filing_no} is not scored (for a conflict write 是 on the 回避 line)",
                b.row,
                None,
            )
            return sheet
        for problem in validate_sheet(sheet, self.rubric):
            row = b.rows.get(problem.code, b.row)
            column = (
                "F" if problem.kind.value in ("comment_required", "veto_reason_required") else "E"
            )
            self.findings.append(
                Finding(
                    Severity.ERROR,
                    f"paper.{problem.kind.value}",
                    SCORE_SHEET,
                    row,
                    column,
                    Text(
                        f"平台 {b.filing_no}：{problem.message.zh}",
                        f"platform {b.filing_no}: {problem.message.en}",
                    ),
                    Text("按纸质评分表核对后更正", "Check against the paper sheet and correct it"),
                )
            )
        return sheet
