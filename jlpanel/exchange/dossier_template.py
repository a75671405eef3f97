"""The blank dossier workbook (``jlpanel template OUT.xlsx``) that host units fill in.

Everything in it comes from :mod:`jlpanel.exchange.dossier_schema`, the description the reader
uses too, so the template and the import can never disagree.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from jlpanel.exchange.attachments import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES
from jlpanel.exchange.dossier_schema import (
    AMOUNT_HELP,
    ATTACHMENT_FOLDERS,
    ATTACHMENT_ZIPS,
    BOOL_HELP,
    DATE_HELP,
    INSTRUCTIONS_SHEET,
    SHEETS,
    TEMPLATE_ROWS,
    ColumnKind,
    ColumnSpec,
    SheetLayout,
    SheetSpec,
    kind_help,
)
from jlpanel.storage.files import write_atomic

_REQUIRED_FILL = "#FCE4D6"
_OPTIONAL_FILL = "#DDEBF7"
_RED = "#C00000"
DATE_FORMAT = "yyyy-mm-dd"
_FIRST_DATE = dt.date(1900, 1, 1)
_LAST_DATE = dt.date(2100, 12, 31)

_KIND_NAMES = {
    ColumnKind.TEXT: "文字",
    ColumnKind.DATE: "日期",
    ColumnKind.NUMBER: "数字",
    ColumnKind.AMOUNT: "数字（≥ 0）",
    ColumnKind.INTEGER: "整数",
    ColumnKind.YEAR: "年份",
    ColumnKind.SHARE: "比例",
    ColumnKind.BOOL: "是/否",
    ColumnKind.CHOICE: "下拉选择",
}


def write_template(path: Path) -> None:
    """Write the blank dossier workbook to ``path``, atomically."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_urls": False})
    workbook.set_properties(
        {
            "title": "吉林省科技资源共享服务平台考核评价材料",
            "subject": "Dossier of a Jilin Provincial S&T resource sharing service platform",
            "comments": "Written by jlpanel template",
        }
    )
    formats = _Formats(workbook)
    _write_instructions(workbook.add_worksheet(INSTRUCTIONS_SHEET), formats)
    for spec in SHEETS:
        sheet = workbook.add_worksheet(spec.name)
        if spec.layout is SheetLayout.KEY_VALUE:
            _write_key_value(sheet, spec, formats)
        elif spec.layout is SheetLayout.TEXT:
            _write_text(sheet, spec, formats)
        else:
            _write_table(sheet, spec, formats)
        if spec.required:
            sheet.set_tab_color(_RED)
    workbook.close()
    write_atomic(path, buffer.getvalue())


class ValueFormats:
    """The formats of the cells values go in, by column kind; made once per workbook.

    Shared by the blank template and the filled dossiers (dossier_writer), so a value looks
    the same in both.
    """

    def __init__(self, workbook: Any) -> None:
        self._workbook = workbook
        self.text = workbook.add_format({"num_format": "@"})
        self.wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        self.date = workbook.add_format({"num_format": DATE_FORMAT, "align": "left"})
        self.integer = workbook.add_format({"num_format": "0"})
        self.percent = workbook.add_format({"num_format": "0%"})
        self.general = workbook.add_format({})
        self._numbers: dict[int, Any] = {}

    def number(self, decimals: int | None) -> Any:
        if decimals is None:
            return self.general
        if decimals not in self._numbers:
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            self._numbers[decimals] = self._workbook.add_format({"num_format": pattern})
        return self._numbers[decimals]

    def for_column(self, column: ColumnSpec) -> Any:
        """The format of the cells a column's values go in."""
        match column.kind:
            case ColumnKind.TEXT:
                # Text, so that ids, phone numbers and credit codes keep their digits.
                return self.text
            case ColumnKind.DATE:
                return self.date
            case ColumnKind.AMOUNT | ColumnKind.NUMBER:
                return self.number(column.decimals)
            case ColumnKind.INTEGER | ColumnKind.YEAR:
                return self.integer
            case ColumnKind.SHARE:
                return self.percent
            case _:
                return self.general


class _Formats(ValueFormats):
    """The cell formats of the template, made once."""

    def __init__(self, workbook: Any) -> None:
        super().__init__(workbook)
        header = {"bold": True, "border": 1, "valign": "vcenter", "align": "center"}
        header |= {"text_wrap": True}
        self.required_header = workbook.add_format(header | {"bg_color": _REQUIRED_FILL})
        self.optional_header = workbook.add_format(header | {"bg_color": _OPTIONAL_FILL})
        self.bold = workbook.add_format({"bold": True})
        self.red = workbook.add_format({"bold": True, "font_color": _RED})
        self.title = workbook.add_format({"bold": True, "font_size": 16})
        self.heading = workbook.add_format({"bold": True, "font_size": 12, "bg_color": "#EDEDED"})
        self.wrap_bold = workbook.add_format({"text_wrap": True, "valign": "top", "bold": True})


def _validation(column: ColumnSpec) -> dict[str, Any] | None:
    """The data validation of a column's cells, or None."""
    rule = kind_help(column).zh
    title = column.header[:32]
    options: dict[str, Any]
    match column.kind:
        case ColumnKind.CHOICE | ColumnKind.BOOL:
            options = {"validate": "list", "source": list(column.choices)}
        case ColumnKind.DATE:
            options = {
                "validate": "date",
                "criteria": "between",
                "minimum": _FIRST_DATE,
                "maximum": _LAST_DATE,
                # A warning, not a stop: 2024.3.1 typed as text is still accepted on import.
                "error_type": "warning",
            }
        case ColumnKind.AMOUNT:
            options = {"validate": "decimal", "criteria": ">=", "value": 0}
        case ColumnKind.INTEGER | ColumnKind.YEAR:
            options = {
                "validate": "integer",
                "criteria": "between",
                "minimum": int(column.minimum or 0),
                "maximum": int(column.maximum or 0),
            }
        case ColumnKind.SHARE:
            options = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1}
        case _:
            return None
    options |= {
        "input_title": title,
        "input_message": rule[:255],
        "error_title": title,
        "error_message": rule[:255],
    }
    return options


def _comment(column: ColumnSpec) -> str:
    lines = [column.help.zh, kind_help(column).zh]
    if column.required:
        lines.insert(0, "（必填）")
    english = [a for a in column.aliases if a.isascii()]
    if english:
        lines.append("English: " + " / ".join(english[:3]))
    return "\n".join(lines)


def _write_header(sheet: Any, row: int, col: int, column: ColumnSpec, formats: _Formats) -> None:
    if column.required:
        sheet.write_rich_string(
            row, col, formats.bold, column.header, formats.red, "*", formats.required_header
        )
    else:
        sheet.write_string(row, col, column.header, formats.optional_header)
    sheet.write_comment(row, col, _comment(column), {"x_scale": 2.2, "y_scale": 1.6})


def _write_table(sheet: Any, spec: SheetSpec, formats: _Formats) -> None:
    sheet.set_row(0, 32)
    for col, column in enumerate(spec.columns):
        sheet.set_column(col, col, column.width, formats.for_column(column))
        _write_header(sheet, 0, col, column, formats)
        validation = _validation(column)
        if validation is not None:
            sheet.data_validation(1, col, TEMPLATE_ROWS, col, validation)
    sheet.freeze_panes(1, 0)


def _write_key_value(sheet: Any, spec: SheetSpec, formats: _Formats) -> None:
    key_header, value_header = spec.key_value_headers
    sheet.set_column(0, 0, 20)
    sheet.set_column(1, 1, 48)
    sheet.set_row(0, 24)
    sheet.write_string(0, 0, key_header, formats.optional_header)
    sheet.write_string(0, 1, value_header, formats.optional_header)
    for index, column in enumerate(spec.columns, start=1):
        _write_header(sheet, index, 0, column, formats)
        sheet.write_blank(index, 1, None, formats.for_column(column))
        validation = _validation(column)
        if validation is not None:
            sheet.data_validation(index, 1, index, 1, validation)
    sheet.freeze_panes(1, 0)


def _write_text(sheet: Any, spec: SheetSpec, formats: _Formats) -> None:
    text_column, file_column = spec.columns
    sheet.set_column(0, 0, text_column.width, formats.wrap)
    sheet.set_column(1, 1, file_column.width, formats.text)
    _write_header(sheet, 0, 0, text_column, formats)
    _write_header(sheet, 0, 1, file_column, formats)
    sheet.set_row(1, 400, formats.wrap)
    sheet.freeze_panes(1, 0)


def _write_instructions(sheet: Any, formats: _Formats) -> None:
    folders = "、".join(p.format(stem="平台A") + "/" for p in ATTACHMENT_FOLDERS)
    zips = "、".join(p.format(stem="平台A") for p in ATTACHMENT_ZIPS)
    notes = [
        "每个平台填写一个工作簿。请不要改动工作表名称和表头（表头也可以用英文，见下表）。",
        "表头带红色 * 的列（基本信息中带 * 的项目）必须填写；其余可以留空。",
        "“基本信息”“资源目录”“服务记录”三个工作表必须保留；其他工作表没有内容可以留空。",
        "基本信息：A 列是项目名称，B 列填写内容。"
        "其他表格：第 1 行是表头，从第 2 行起每行一条记录。",
        "日期：" + DATE_HELP.zh + "。",
        "金额和数量：" + AMOUNT_HELP.zh + "。",
        "是/否列：" + BOOL_HELP.zh + "（也可写 Y/N、yes/no）。下拉列表列只能填写列表中的值。",
        "不要合并单元格。公式请在 Excel 中计算并保存后再提交（导入时读取公式的计算结果）。",
        "附件（服务成效的“佐证材料”、工作总结附件）只能是 PDF 或图片（PNG、JPG、GIF、BMP、TIFF、"
        "WEBP），表格中只写文件名，如 论文1.pdf；多个文件用；分隔。",
        "附件放在与工作簿同名的文件夹中，或同名的压缩包中，与工作簿放在一起。"
        f"例如 平台A.xlsx 的附件放在 {folders} 之一，或压缩包 {zips} 之一。"
        f"单个附件不超过 {DEFAULT_MAX_FILE_BYTES // 2**20} MB，"
        f"全部附件不超过 {DEFAULT_MAX_TOTAL_BYTES // 2**20} MB。",
        "导入是“全部或没有”：有任何错误，整份材料都不会导入，程序会列出每一处问题（工作表、行、列、"
        "问题和改法）。",
    ]
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 18)
    sheet.set_column(2, 2, 26)
    sheet.set_column(3, 3, 6)
    sheet.set_column(4, 4, 12)
    sheet.set_column(5, 5, 34)
    sheet.set_column(6, 6, 46)
    sheet.set_column(7, 7, 46)
    sheet.write_string(0, 0, "吉林省科技资源共享服务平台考核评价材料 填写说明", formats.title)
    row = 2
    sheet.write_string(row, 0, "总体要求", formats.heading)
    for number, note in enumerate(notes, start=1):
        row += 1
        sheet.write_string(row, 0, f"{number}.")
        sheet.write_string(row, 1, note)
    row += 2
    sheet.write_string(row, 0, "各工作表和列", formats.heading)
    row += 1
    headers = ("工作表", "列 / 项目", "英文表头", "必填", "格式", "可选值", "说明", "Notes")
    for col, text in enumerate(headers):
        sheet.write_string(row, col, text, formats.optional_header)
    sheet.freeze_panes(row + 1, 0)
    for spec in SHEETS:
        row += 1
        sheet.write_string(row, 0, spec.name, formats.wrap_bold)
        sheet.write_string(row, 2, spec.name_en, formats.wrap_bold)
        sheet.write_string(row, 3, "必需" if spec.required else "可选", formats.wrap_bold)
        sheet.write_string(row, 6, spec.help.zh, formats.wrap_bold)
        sheet.write_string(row, 7, spec.help.en, formats.wrap_bold)
        for column in spec.columns:
            row += 1
            english = " / ".join(a for a in column.aliases if a.isascii())
            sheet.write_string(row, 1, column.header, formats.wrap)
            sheet.write_string(row, 2, english, formats.wrap)
            if column.required:
                sheet.write_string(row, 3, "*", formats.red)
            sheet.write_string(row, 4, _KIND_NAMES[column.kind], formats.wrap)
            sheet.write_string(row, 5, "、".join(column.choices), formats.wrap)
            detail = column.help.zh
            if column.kind is not ColumnKind.TEXT:
                detail += "。" + kind_help(column).zh
            if column.example:
                detail += f"。例：{column.example}"
            sheet.write_string(row, 6, detail, formats.wrap)
            sheet.write_string(row, 7, column.help.en, formats.wrap)
    sheet.activate()
