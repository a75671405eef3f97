"""Reading the expert roster workbook (``experts.xlsx``, DESIGN §3) into roster rows.

The sheet is 专家名单 (or "Experts"/"Roster"; failing those, the first sheet with a 姓名
header, failing that the first sheet). Headers are found in the first rows and matched like
the dossier's: 姓名/Name and 工作单位/Institution are required, 职称/Title, 专业领域/Field,
联系方式/Contact and 回避单位/Avoid optional; several 回避单位 share a cell, separated by
；; 、， or line breaks.

Like the dossier reader (whose file checks and table reading this module reuses), it never
raises on bad input: a roster is either read whole or refused with every problem as sheet /
row / column / what is wrong / how to fix it. An expert's name identifies them in the cycle,
so two rows with one name refuse the roster — one name however it was typed: names are compared
on their identity key, so "王志刚\u200b" (with a zero-width space) is 王志刚. Every value is
stored cleaned (invisible and control characters removed, with a warning).
"""

from __future__ import annotations

import dataclasses
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jlpanel.domain.conflicts import is_matchable_unit, split_units
from jlpanel.domain.dossier import Finding, ReadFindings, Severity
from jlpanel.domain.identity import clean_text, describe_removed, identity_key
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_schema import (
    ColumnKind,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
    normalise_name,
)
from jlpanel.exchange.read_report import ReadReport, characters_removed
from jlpanel.exchange.roster_writer import ROSTER_HEADERS, ROSTER_SHEET, RosterExpert
from jlpanel.exchange.table_reader import load_one_sheet, read_table
from jlpanel.exchange.workbook_container import read_guarded

log = logging.getLogger(__name__)

#: A roster of more rows than this is refused (a province has a few hundred experts).
MAX_ROSTER_ROWS = 10_000
#: A roster file larger than this is refused.
MAX_ROSTER_BYTES = 20 * 2**20

#: The longest value the workspace keeps per column (its ``experts`` table's lengths).
MAX_LENGTHS = {"name": 100, "institution": 200, "title": 100, "field": 200, "contact": 200}

#: Other names of the roster sheet.
ROSTER_SHEET_ALIASES = ("Experts", "Roster", "Expert roster", "专家", "评审专家名单", "专家库")


def _column(
    header: str, field: str, help_zh: str, help_en: str, *aliases: str, required: bool = False
) -> ColumnSpec:
    return ColumnSpec(
        header, field, ColumnKind.TEXT, Text(help_zh, help_en), required, aliases, width=16
    )


#: The roster sheet, described as the dossier's sheets are (for the reader and the template).
ROSTER_SPEC = SheetSpec(
    name=ROSTER_SHEET,
    name_en="Experts",
    aliases=ROSTER_SHEET_ALIASES,
    layout=SheetLayout.TABLE,
    required=True,
    dossier_field="experts",
    help=Text("评审专家，每行一人。", "The reviewing experts, one per row."),
    columns=(
        _column(
            "姓名",
            "name",
            "专家姓名；同一名单中不能重名（重名时请加以区分，如“张伟（吉林大学）”）",
            "The expert's name; unique in the roster (tell namesakes apart, e.g. 张伟（吉林大学）)",
            "Name",
            "专家姓名",
            "Expert",
            "Full name",
            required=True,
        ),
        _column(
            "工作单位",
            "institution",
            "专家所在单位全称；与平台依托单位相同或相互包含时自动回避",
            "The expert's institution in full; experts are kept off platforms hosted there",
            "Institution",
            "单位",
            "所在单位",
            "工作单位名称",
            "Organization",
            "Organisation",
            "Affiliation",
            "Employer",
            required=True,
        ),
        _column("职称", "title", "职称，如 教授、研究员", "Title, e.g. professor", "Title"),
        _column(
            "专业领域",
            "field",
            "专业或研究领域",
            "Field of expertise",
            "Field",
            "专业",
            "研究领域",
            "Expertise",
            "Discipline",
        ),
        _column(
            "联系方式",
            "contact",
            "电话或电子邮箱",
            "Phone or e-mail",
            "Contact",
            "联系电话",
            "电话",
            "手机",
            "Phone",
            "E-mail",
        ),
        _column(
            "回避单位",
            "avoid_units",
            "专家须回避的单位（本人工作单位之外），多个用“；”分隔",
            "Units the expert must not evaluate (besides their own), separated by ；",
            "Avoid",
            "Avoid units",
            "Units to avoid",
            "回避",
            "需回避单位",
            "Conflicts",
        ),
    ),
)
if tuple(c.header for c in ROSTER_SPEC.columns) != ROSTER_HEADERS:  # pragma: no cover
    raise AssertionError("the roster reader and writer disagree on the headers")
_ROSTER_SHEET_NAMES = frozenset(normalise_name(n) for n in (ROSTER_SHEET, *ROSTER_SHEET_ALIASES))


@dataclass(frozen=True, slots=True)
class RosterResult(ReadFindings):
    """The experts (empty when any finding is an error) and every finding."""

    experts: list[RosterExpert]
    findings: list[Finding]
    #: The workbook row of each expert (as Excel numbers it), parallel to ``experts``.
    rows: list[int] = dataclasses.field(default_factory=list)
    #: The sheet the experts were read from.
    sheet: str | None = None


def read_roster(
    path: Path, *, max_rows: int = MAX_ROSTER_ROWS, max_bytes: int = MAX_ROSTER_BYTES
) -> RosterResult:
    """Read a filled roster workbook; every problem becomes a finding, nothing raises."""
    return read_guarded(
        path,
        max_bytes,
        lambda archive, report: _read_workbook(path, archive, max_rows, report),
        lambda findings: RosterResult([], findings),
        "roster",
        Text(
            "请导入填好的专家名单 .xlsx 工作簿（可用 jlpanel 生成空白名单模板）",
            "Import the filled roster .xlsx workbook (jlpanel writes a blank template)",
        ),
    )


def _read_workbook(
    path: Path, archive: zipfile.ZipFile | None, max_rows: int, report: ReadReport
) -> RosterResult:
    sheet_name, loaded = load_one_sheet(
        path,
        archive,
        max_rows,
        report,
        sheet=ROSTER_SHEET,
        sheet_names=_ROSTER_SHEET_NAMES,
        key_headers=frozenset(normalise_name(n) for n in ROSTER_SPEC.columns[0].names()),
        what=Text("专家名单", "roster"),
    )
    if sheet_name is None or loaded is None:
        return RosterResult([], report.findings(), sheet=sheet_name)
    grid, merged, special = loaded
    table = read_table(ROSTER_SPEC, sheet_name, grid, merged, special, report)
    if report.has_errors:
        return RosterResult([], report.findings(), sheet=sheet_name)

    experts: list[RosterExpert] = []
    for i, row in enumerate(table.rows):
        values = {
            name: _clean_cell(column[i], name, sheet_name, row, report)
            for name, column in table.columns.items()
        }
        experts.append(
            RosterExpert(
                name=values.get("name") or "",
                institution=values.get("institution") or "",
                title=values.get("title") or "",
                field=values.get("field") or "",
                contact=values.get("contact") or "",
                avoid_units=split_units(values.get("avoid_units")),
            )
        )
    _check_experts(sheet_name, experts, table.rows, report)
    if not experts and not report.has_errors:
        report.add(
            "roster.empty",
            sheet_name,
            None,
            None,
            Text("专家名单中没有专家", "The roster lists no experts"),
            Text(
                "请从表头下一行起每行填写一位专家",
                "Fill in one expert per row below the header",
            ),
        )
    findings = report.findings()
    if report.has_errors:
        return RosterResult([], findings, sheet=sheet_name)
    log.info("roster %s: %d experts from sheet %s", path, len(experts), sheet_name)
    return RosterResult(experts, findings, list(table.rows), sheet_name)


def _clean_cell(value: object, name: str, sheet: str, row: int, report: ReadReport) -> str | None:
    """A cell's text as stored: cleaned (issue 12), with a warning when characters went."""
    if value is None:
        return None
    # 回避单位 may list one unit per line; every other value is one line.
    cleaned = clean_text(str(value), multiline=name == "avoid_units")
    if cleaned.removed:
        header = ROSTER_SPEC.column(name).header
        where = Text("名单", "the roster")
        characters_removed(report, sheet, row, header, describe_removed(cleaned.removed), where)
    return cleaned.text or None


def _check_experts(
    sheet: str, experts: list[RosterExpert], rows: list[int], report: ReadReport
) -> None:
    """Duplicate names refuse the roster; too short 回避单位 get a warning."""
    first_row: dict[str, int] = {}
    name_header = ROSTER_SPEC.column("name").header
    avoid_header = ROSTER_SPEC.column("avoid_units").header
    for expert, row in zip(experts, rows, strict=True):
        if not expert.name:
            report.add(
                "cell.required",
                sheet,
                row,
                name_header,
                Text(
                    f"必填项“{name_header}”只有看不见的字符",
                    f"The required {name_header} holds nothing but invisible characters",
                ),
                Text(f"请填写{name_header}", f"Fill in the {name_header}"),
            )
            continue
        # One person however the name was typed: spaces, width, look-alike letters and
        # invisible characters do not make a second expert.
        key = identity_key(expert.name)
        if key in first_row:
            report.add(
                "roster.duplicate_name",
                sheet,
                row,
                name_header,
                Text(
                    f"专家“{expert.name}”在第 {first_row[key]} 行和第 {row} 行重复出现",
                    f"The expert '{expert.name}' appears twice, in rows {first_row[key]} and {row}",
                ),
                Text(
                    "删除重复的一行；确为同名的两位专家时，请在姓名后注明单位加以区分，"
                    "如“张伟（吉林大学）”",
                    "Delete the repeated row; for two experts of the same name, add their "
                    "institution to tell them apart, e.g. 张伟（吉林大学）",
                ),
            )
        else:
            first_row[key] = row
        for field_name, limit in MAX_LENGTHS.items():
            value = getattr(expert, field_name)
            if len(value) > limit:
                header = ROSTER_SPEC.column(field_name).header
                report.add(
                    "cell.too_long",
                    sheet,
                    row,
                    header,
                    Text(
                        f"“{header}”有 {len(value)} 个字，超过上限 {limit} 个字",
                        f"{header} has {len(value)} characters, more than the limit of {limit}",
                    ),
                    Text(f"请缩短{header}", f"Shorten the {header}"),
                )
        for unit in expert.avoid_units:
            if not is_matchable_unit(unit):
                report.add(
                    "roster.short_avoid_unit",
                    sheet,
                    row,
                    avoid_header,
                    Text(
                        f"回避单位“{unit}”不足 4 个字，只有与依托单位或平台名称完全相同时才会回避",
                        f"The unit to avoid '{unit}' has fewer than 4 characters: it only "
                        "matches a host unit or platform name that is exactly the same",
                    ),
                    Text(
                        "请填写单位全称，如“吉林大学”而不是“吉大”",
                        "Write the unit's full name, e.g. 吉林大学 rather than 吉大",
                    ),
                    Severity.WARNING,
                )
