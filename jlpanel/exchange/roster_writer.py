"""Writing the expert roster workbook (``experts.xlsx``, DESIGN §3).

One sheet, 专家名单, headers in row 1 and one expert per row from row 2: 姓名, 工作单位, 职称,
专业领域, 联系方式, 回避单位. Several 回避单位 share one cell, separated by ；.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jlpanel.exchange.dossier_writer import replace_atomically

ROSTER_SHEET = "专家名单"
#: The roster's headers, in order.
ROSTER_HEADERS = ("姓名", "工作单位", "职称", "专业领域", "联系方式", "回避单位")
#: Written between several units in the 回避单位 cell (the reader also accepts ";").
AVOID_SEPARATOR = "；"
_WIDTHS = (10, 36, 14, 22, 18, 48)


@dataclass(frozen=True, slots=True)
class RosterExpert:
    """One row of the expert roster."""

    name: str  # 姓名
    institution: str  # 工作单位
    title: str = ""  # 职称
    field: str = ""  # 专业领域
    contact: str = ""  # 联系方式
    #: 回避单位: units the expert must not evaluate (besides their own, which a rule adds).
    avoid_units: tuple[str, ...] = ()


def write_roster(path: Path, experts: Sequence[RosterExpert]) -> None:
    """Write the expert roster workbook to ``path``, atomically."""
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
    workbook.set_properties({"title": "评审专家名单", "comments": "Written by jlpanel"})
    header = workbook.add_format(
        {"bold": True, "border": 1, "align": "center", "bg_color": "#DDEBF7"}
    )
    text = workbook.add_format({"num_format": "@", "valign": "top"})
    wrap = workbook.add_format({"num_format": "@", "valign": "top", "text_wrap": True})
    sheet = workbook.add_worksheet(ROSTER_SHEET)
    for col, (title, width) in enumerate(zip(ROSTER_HEADERS, _WIDTHS, strict=True)):
        sheet.set_column(col, col, width, wrap if col == len(ROSTER_HEADERS) - 1 else text)
        sheet.write_string(0, col, title, header)
    for row, expert in enumerate(experts, start=1):
        cells = (
            expert.name,
            expert.institution,
            expert.title,
            expert.field,
            expert.contact,
            AVOID_SEPARATOR.join(u.strip() for u in expert.avoid_units if u.strip()),
        )
        for col, value in enumerate(cells):
            if value:
                sheet.write_string(row, col, value, wrap if col == len(cells) - 1 else text)
    sheet.freeze_panes(1, 0)
    workbook.close()
    replace_atomically(path, buffer.getvalue())
