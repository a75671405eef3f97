"""The blank expert roster workbook staff fill in before ``jlpanel experts``.

Its headers and notes come from :data:`jlpanel.exchange.roster_reader.ROSTER_SPEC`, the
description the reader uses, so the template and the import cannot disagree.
"""

from __future__ import annotations

import io
from pathlib import Path

from jlpanel.exchange.dossier_writer import replace_atomically
from jlpanel.exchange.roster_reader import ROSTER_SPEC
from jlpanel.exchange.roster_writer import AVOID_SEPARATOR

INSTRUCTIONS_SHEET = "填写说明"
_WIDTHS = {"name": 12, "institution": 36, "title": 14, "field": 22, "contact": 18}
_AVOID_WIDTH = 48


def write_roster_template(path: Path) -> None:
    """Write the blank roster workbook (专家名单 with its headers, and instructions)."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_urls": False}
    )
    workbook.set_properties({"title": "评审专家名单（空白模板）", "comments": "Written by jlpanel"})
    required = workbook.add_format(
        {"bold": True, "border": 1, "align": "center", "bg_color": "#FCE4D6"}
    )
    optional = workbook.add_format(
        {"bold": True, "border": 1, "align": "center", "bg_color": "#DDEBF7"}
    )
    text = workbook.add_format({"num_format": "@", "valign": "top"})
    wrap = workbook.add_format({"num_format": "@", "valign": "top", "text_wrap": True})

    sheet = workbook.add_worksheet(ROSTER_SPEC.name)
    for col, column in enumerate(ROSTER_SPEC.columns):
        width = _WIDTHS.get(column.field, _AVOID_WIDTH)
        sheet.set_column(col, col, width, wrap if column.field == "avoid_units" else text)
        sheet.write_string(0, col, column.header, required if column.required else optional)
        note = f"{column.help.zh}{'（必填）' if column.required else ''}\n{column.help.en}"
        sheet.write_comment(0, col, note, {"x_scale": 2, "y_scale": 1.5})
    sheet.freeze_panes(1, 0)

    notes = workbook.add_worksheet(INSTRUCTIONS_SHEET)
    notes.set_column(0, 0, 100, wrap)
    lines = [
        "评审专家名单填写说明",
        f"1. 在“{ROSTER_SPEC.name}”工作表中每行填写一位专家，第 1 行为表头，请勿修改表头。",
        "2. 姓名、工作单位为必填项（表头为橙色）；同一名单中专家不能重名。",
        "3. 工作单位请写全称：专家工作单位与平台依托单位相同或相互包含（如“吉林大学”与"
        "“吉林大学化学学院”）时，系统自动安排回避。",
        f"4. 回避单位：专家本人须回避的其他单位，多个单位用“{AVOID_SEPARATOR}”分隔；"
        "既与依托单位比对，也与平台名称比对。",
        "5. 联系方式可填电话或电子邮箱。",
        "",
        "Instructions: one expert per row on the sheet 专家名单. 姓名 (name) and 工作单位 "
        "(institution) are required; names must be unique. Experts are kept off platforms "
        "whose host unit is their institution (or contains it, or is contained in it), and off "
        "those matching a unit listed under 回避单位 (several separated by ；).",
    ]
    for row, line in enumerate(lines):
        notes.write_string(row, 0, line, wrap)
    workbook.close()
    replace_atomically(path, buffer.getvalue())
