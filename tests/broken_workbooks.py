"""Dossier workbooks built in code: a valid one, and a corpus of broken and hostile ones.

``write_dossier_workbook`` writes a filled workbook with xlsxwriter from a :class:`Dossier`
(``sample_dossier()`` by default); ``edit`` may change the sheet grids first, so each broken
case is a small variation of a valid file. ``CASES`` is the corpus: each builds its files in a
folder and names the findings reading it must give.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jlpanel.domain.dossier import (
    BasicInfo,
    Dossier,
    FundingLine,
    MajorEvent,
    Outcome,
    Regulation,
    Resource,
    ServiceRecord,
    StaffMember,
)
from jlpanel.exchange.dossier_schema import (
    SHEETS,
    ColumnKind,
    SheetLayout,
)

Grid = list[list[Any]]
Grids = dict[str, Grid]


@dataclass(frozen=True)
class Formula:
    """A formula cell; ``value`` is its cached result (None: written without one)."""

    formula: str
    value: Any = None


def sample_dossier() -> Dossier:
    """A complete, valid dossier whose rows sit where ``write_dossier_workbook`` puts them."""
    basic = BasicInfo(
        name="吉林省分析测试资源共享服务平台",
        filing_no="JLKJ-2021-007",
        name_en="Jilin Provincial Analysis and Testing Platform",
        filing_date=dt.date(2021, 6, 1),
        resource_type="科研设施与仪器",
        host_unit="吉林大学",
        credit_code="12220000412755980E",
        registered_address="长春市前进大街2699号",
        supervising_department="吉林省教育厅",
        director="张三",
        contact_person="李四",
        contact_phone="0431-85160000",
        email="platform@jlu.edu.cn",
        portal_url="https://platform.example.cn",
        service_start_date=dt.date(2019, 1, 1),
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2024, 12, 31),
    )
    return Dossier(
        basic=basic,
        resources=(
            Resource(
                2,
                "YQ-0001",
                "场发射扫描电子显微镜",
                "分析仪器",
                1.0,
                "台",
                520.5,
                "中央财政",
                dt.date(2018, 5, 20),
                True,
                "线上预约",
                "在线",
            ),
            Resource(
                3,
                "YQ-0002",
                "液相色谱质谱联用仪",
                "分析仪器",
                2.0,
                "台",
                1234.5,
                "依托单位",
                dt.date(2020, 3, 1),
                False,
                None,
                "维修中",
            ),
        ),
        services=(
            ServiceRecord(
                2,
                dt.date(2024, 3, 1),
                "长春某某科技有限公司",
                "民营企业",
                True,
                False,
                "样品形貌表征",
                "YQ-0001",
                4.0,
                "机时",
                2000.0,
                "有偿",
                "HT-2024-015",
                None,
                "新材料研发",
                5,
            ),
            ServiceRecord(
                3,
                dt.date(2024, 4, 15),
                "吉林省生态环境厅",
                "政府部门",
                True,
                False,
                "水质检测",
                "YQ-0001；YQ-0002",
                10.0,
                "样品",
                0.0,
                "无偿",
                None,
                "环境保护",
                None,
                4,
            ),
            ServiceRecord(
                4,
                dt.date(2024, 5, 6),
                "哈尔滨某研究所",
                "科研院所",
                True,
                True,
                None,
                None,
                1.5,
                "机时",
                1234.5,
                "有偿",
                "HT-2024-020",
                None,
                None,
                None,
            ),
        ),
        outcomes=(
            Outcome(
                2, "论文", "某新材料的表征研究", dt.date(2024, 6, 1), "SCI", "提供表征", "论文1.pdf"
            ),
            Outcome(3, "科普活动", "开放日", dt.date(2024, 5, 18), "省级", None, None),
        ),
        staff=(
            StaffMember(2, "王五", "技术主管", True, "高级工程师", "博士", 1.0),
            StaffMember(3, "赵六", "操作员", False, "工程师", "硕士", 0.5),
        ),
        funding=(
            FundingLine(2, 2024, "财政", True, 50.0),
            FundingLine(3, 2024, "运行维护", False, 32.5),
        ),
        regulations=(
            Regulation(2, "大型仪器开放共享管理办法", "吉大字〔2020〕12号", dt.date(2020, 9, 1)),
        ),
        major_events=(MajorEvent(2, dt.date(2024, 7, 1), "主要人员变动", "平台负责人变更", True),),
        work_summary="一、基本情况\n平台运行良好。\n二、服务成效\n服务企业 120 家。",
        work_summary_attachment="工作总结.pdf",
    )


def _cell(column_kind: ColumnKind, value: Any, choice_values: Any) -> Any:
    if value is None:
        return None
    if choice_values is not None:
        return next(k for k, v in choice_values.items() if v == value)
    if column_kind is ColumnKind.BOOL:
        return "是" if value else "否"
    return value


def dossier_grids(dossier: Dossier) -> Grids:
    """The sheets of a filled workbook as grids of cell values (row 0 is the header)."""
    grids: Grids = {}
    for spec in SHEETS:
        if spec.layout is SheetLayout.KEY_VALUE:
            grid: Grid = [list(spec.key_value_headers)]
            for column in spec.columns:
                value = getattr(dossier.basic, column.field)
                grid.append([column.header, _cell(column.kind, value, column.choice_values)])
        elif spec.layout is SheetLayout.TEXT:
            grid = [
                [c.header for c in spec.columns],
                [dossier.work_summary, dossier.work_summary_attachment],
            ]
        else:
            grid = [[c.header for c in spec.columns]]
            for record in getattr(dossier, spec.dossier_field):
                grid.append(
                    [_cell(c.kind, getattr(record, c.field), c.choice_values) for c in spec.columns]
                )
        grids[spec.name] = grid
    return grids


def write_grids(
    path: Path,
    grids: Grids,
    *,
    merges: Iterable[tuple[str, int, int, int, int]] = (),
    constant_memory: bool = False,
) -> Path:
    """Write grids with xlsxwriter: dates get a date format, Formula cells a formula.

    ``merges`` are (sheet, first_row, first_col, last_row, last_col), 0-based, merged with the
    top-left value. Formulas written without a cached value lose it here (xlsxwriter writes 0).
    """
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        str(path), {"strings_to_urls": False, "constant_memory": constant_memory}
    )
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    merge_list = list(merges)
    no_value: list[tuple[str, str]] = []
    for index, (name, grid) in enumerate(grids.items(), start=1):
        sheet = workbook.add_worksheet(name)
        merged_here = {
            (r, c)
            for s, r0, c0, r1, c1 in merge_list
            if s == name
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
        }
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if (r, c) in merged_here:
                    continue
                _write(sheet, r, c, value, date_format, workbook)
                if isinstance(value, Formula) and value.value is None:
                    no_value.append((f"xl/worksheets/sheet{index}.xml", _ref(r, c)))
        for s, r0, c0, r1, c1 in merge_list:
            if s == name:
                sheet.merge_range(r0, c0, r1, c1, grid[r0][c0] if r0 < len(grid) else "")
    workbook.close()
    if no_value:
        _drop_cached_values(path, no_value)
    return path


def _ref(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _write(sheet: Any, r: int, c: int, value: Any, date_format: Any, workbook: Any) -> None:
    if value is None:
        return
    if isinstance(value, Formula):
        sheet.write_formula(r, c, value.formula, None, 0 if value.value is None else value.value)
    elif isinstance(value, bool):
        sheet.write_boolean(r, c, value)
    elif isinstance(value, int | float):
        sheet.write_number(r, c, value)
    elif isinstance(value, dt.datetime):
        sheet.write_datetime(r, c, value, date_format)
    elif isinstance(value, dt.date):
        sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
    else:
        sheet.write_string(r, c, str(value))


def _drop_cached_values(path: Path, cells: list[tuple[str, str]]) -> None:
    """Remove the cached value of formula cells, as a program that never calculates writes."""
    by_part: dict[str, list[str]] = {}
    for part, ref in cells:
        by_part.setdefault(part, []).append(ref)

    def edit(part: str, data: bytes) -> bytes:
        for ref in by_part.get(part, ()):
            data = re.sub(
                rb'(<c r="' + ref.encode() + rb'"[^>]*>)(<f>.*?</f>)<v>[^<]*</v>', rb"\1\2", data
            )
        return data

    rewrite_zip(path, edit)


def rewrite_zip(
    path: Path,
    edit: Callable[[str, bytes], bytes | None],
    *,
    rename: dict[str, str] | None = None,
) -> None:
    """Rewrite a zip, passing every member through ``edit`` (None drops the member).

    ``rename`` gives some members new names.
    """
    source = path.read_bytes()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(source)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = edit(info.filename, zin.read(info))
            if data is not None:
                zout.writestr((rename or {}).get(info.filename, info.filename), data)
    path.write_bytes(out.getvalue())


def write_dossier_workbook(
    path: Path,
    dossier: Dossier | None = None,
    *,
    edit: Callable[[Grids], None] | None = None,
    merges: Iterable[tuple[str, int, int, int, int]] = (),
) -> Path:
    """Write a filled dossier workbook; ``edit`` may change the grids before writing."""
    grids = dossier_grids(dossier or sample_dossier())
    if edit is not None:
        edit(grids)
    return write_grids(path, grids, merges=merges)


def column_of(grids: Grids, sheet: str, header: str) -> int:
    """The 0-based column of ``header`` in row 0 of a sheet."""
    return grids[sheet][0].index(header)


def set_cell(grids: Grids, sheet: str, excel_row: int, header: str, value: Any) -> None:
    """Set the cell of a table sheet at Excel row ``excel_row`` under ``header``."""
    grids[sheet][excel_row - 1][column_of(grids, sheet, header)] = value


# ----------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class Expected:
    """A finding a case must give; ``text`` must appear in its Chinese message."""

    code: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    text: str = ""
    fix: str = ""


@dataclass(frozen=True)
class Case:
    """A broken workbook: ``build(folder)`` writes it (and its attachments) and returns it."""

    name: str
    build: Callable[[Path], Path]
    expected: tuple[Expected, ...]
    read_kwargs: dict[str, Any] = field(default_factory=dict)
    #: Also collect the attachments and check their findings.
    attachments: bool = False
    attachment_kwargs: dict[str, Any] = field(default_factory=dict)


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _ole(*stream_names: str) -> bytes:
    """An OLE compound file header, padding, and a directory sector naming the streams."""
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + b"\x00" * 64 for name in stream_names
    )
    return OLE_MAGIC + b"\x00" * (512 - len(OLE_MAGIC)) + directory.ljust(512, b"\x00")


def _edited(**changes: Any) -> Callable[[Path], Path]:
    """A builder that writes the sample with (sheet, row, header) → value changes."""

    def build(folder: Path) -> Path:
        def edit(grids: Grids) -> None:
            for (sheet, row, header), value in changes["cells"].items():
                set_cell(grids, sheet, row, header, value)

        return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)

    return build


def _bytes(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return build


def _missing_sheet(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        grids["服务台账"] = grids.pop("服务记录")

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _renamed_header(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        grids["服务记录"][0][0] = "服务时间"

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _merged_header(folder: Path) -> Path:
    # 服务日期 merged over A1:B1 swallows the 用户单位 header.
    return write_dossier_workbook(folder / "平台A.xlsx", merges=[("服务记录", 0, 0, 0, 1)])


def _formula_without_value(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        set_cell(grids, "服务记录", 3, "收费金额(元)", Formula("=H3*100"))

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _error_value(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        set_cell(grids, "服务记录", 4, "服务量", Formula("=1/0", "#DIV/0!"))

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _truncated(folder: Path) -> Path:
    path = write_dossier_workbook(folder / "平台A.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _plain_zip(folder: Path) -> Path:
    path = folder / "平台A.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "这不是工作簿")
    return path


def _word_document(folder: Path) -> Path:
    path = folder / "平台A.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def _duplicate_sheet(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        grids["Services"] = [row[:] for row in grids["服务记录"]]

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _duplicate_column(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        for row in grids["服务记录"]:
            row.append(row[0])
        grids["服务记录"][0][-1] = "Service date"

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _many_bad_dates(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        template = grids["服务记录"][1]
        grids["服务记录"][1:] = [template[:] for _ in range(150)]
        for row in grids["服务记录"][1:]:
            row[0] = "上周"

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def _too_many_rows(folder: Path) -> Path:
    def edit(grids: Grids) -> None:
        template = grids["服务记录"][1]
        grids["服务记录"][1:] = [template[:] for _ in range(1001)]

    return write_dossier_workbook(folder / "平台A.xlsx", edit=edit)


def million_row_workbook(path: Path, *, dimension: bool = True) -> Path:
    """The sample with a 服务记录 of one million data rows, its XML generated directly.

    xlsxwriter would take most of a minute for a million rows; writing the sheet XML as bytes
    takes about a second and gives calamine (and the reader) exactly what Excel would.
    """
    write_dossier_workbook(path)
    rows = 1_000_001
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (b'<dimension ref="A1:A%d"/>' % rows if dimension else b"")
        + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + "服务日期".encode()
        + b"</t></is></c></row>"
    )
    body = b"".join(
        [b'<row r="%d"><c r="A%d"><v>45352</v></c></row>' % (i, i) for i in range(2, rows + 1)]
    )
    xml = head + body + b"</sheetData></worksheet>"
    part = _part_of(path, "服务记录")

    def edit(name: str, data: bytes) -> bytes:
        return xml if name == part else data

    rewrite_zip(path, edit)
    return path


def _part_of(path: Path, sheet: str) -> str:
    """The XML part of a sheet written by write_grids (sheets are numbered in order)."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    names = re.findall(r'<sheet name="([^"]+)"', workbook)
    return f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"


def _lying_dimension(folder: Path) -> Path:
    """A dimension of a million rows over a body that is not XML: the cells count, refused."""
    path = write_dossier_workbook(folder / "平台A.xlsx")
    part = _part_of(path, "服务记录")

    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        return (
            b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><dimension ref="A1:P1000001"/><sheetData><row r="1">'
            + b"\x00garbage"
            * 1000
        )

    rewrite_zip(path, edit)
    return path


def _with_attachments(
    evidence: str, files: dict[str, bytes] | None = None, zip_files: dict[str, bytes] | None = None
) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        def edit(grids: Grids) -> None:
            set_cell(grids, "服务成效", 2, "佐证材料", evidence)

        path = write_dossier_workbook(folder / "平台A.xlsx", edit=edit)
        if files is not None:
            (folder / "平台A").mkdir()
            for name, data in files.items():
                (folder / "平台A" / name).write_bytes(data)
        if zip_files is not None:
            with zipfile.ZipFile(folder / "平台A.zip", "w", zipfile.ZIP_DEFLATED) as archive:
                for name, data in zip_files.items():
                    archive.writestr(name, data)
        return path

    return build


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SUMMARY_PDF = {"工作总结.pdf": PDF}

S, R, B, OUT = "服务记录", "资源目录", "基本信息", "服务成效"

CASES: tuple[Case, ...] = (
    Case("empty file", _bytes("平台A.xlsx", b""), (Expected("file.empty", text="空的"),)),
    Case(
        "renamed text file",
        _bytes("平台A.xlsx", "平台名称,备案编号\n吉林省X平台,JL-1\n".encode()),
        (Expected("file.text", text="文本文件"),),
    ),
    Case(
        "renamed PDF",
        _bytes("平台A.xlsx", PDF),
        (Expected("file.pdf", text="是 PDF 文件，不是 Excel 工作簿"),),
    ),
    Case(
        "password-protected workbook",
        _bytes("平台A.xlsx", _ole("EncryptionInfo", "EncryptedPackage")),
        (Expected("file.encrypted", text="工作簿已加密，请取消密码后再导入"),),
    ),
    Case(
        "bare OLE container named .xlsx",
        _bytes("平台A.xlsx", OLE_MAGIC + b"\x00" * 4088),
        (Expected("file.encrypted", text="工作簿已加密"),),
    ),
    Case(
        "damaged .xls",
        _bytes("平台A.xls", _ole("Workbook", "SummaryInformation")),
        (Expected("file.corrupt", text="“平台A.xls”已损坏", fix="重新保存"),),
    ),
    Case(
        "zip that is no workbook",
        _plain_zip,
        (Expected("file.not_workbook", text="是一个压缩包，不是 Excel 工作簿"),),
    ),
    Case("Word document", _word_document, (Expected("file.not_workbook", text="是 Word 文档"),)),
    Case("truncated workbook", _truncated, (Expected("file.corrupt", text="已损坏"),)),
    Case(
        "file over the size limit",
        lambda folder: write_dossier_workbook(folder / "平台A.xlsx"),
        (Expected("file.too_large", text="超过上限"),),
        read_kwargs={"max_bytes": 1000},
    ),
    Case(
        "missing sheet",
        _missing_sheet,
        (
            Expected(
                "sheet.missing",
                S,
                None,
                None,
                "缺少工作表“服务记录”。工作簿中的工作表有：基本信息、资源目录、服务成效",
            ),
            Expected("sheet.missing", S, text="是否把“服务记录”改名成了“服务台账”？"),
        ),
    ),
    Case(
        "two sheets for one",
        _duplicate_sheet,
        (Expected("sheet.duplicate", S, text="“服务记录”和“Services”"),),
    ),
    Case(
        "renamed header",
        _renamed_header,
        (
            Expected("column.missing", S, 1, "服务日期", "缺少必填列“服务日期”"),
            Expected("column.missing", S, 1, "服务日期", "是否把“服务日期”改名成了“服务时间”？"),
        ),
    ),
    Case(
        "merged header cells",
        _merged_header,
        (
            Expected("sheet.merged_cells", S, 1, "服务日期", "表头单元格 A1:B1 是合并单元格"),
            Expected("column.missing", S, 1, "用户单位", "缺少必填列“用户单位”"),
        ),
    ),
    Case(
        "duplicate column",
        _duplicate_column,
        (Expected("column.duplicate", S, 1, "服务日期", "出现了两次（A 列和 P 列）"),),
    ),
    Case(
        "text in a money column",
        _edited(cells={(S, 3, "收费金额(元)"): "五百元"}),
        (Expected("cell.bad_number", S, 3, "收费金额(元)", "“五百元”不是数字", "千位分隔符"),),
    ),
    Case(
        "negative amount",
        _edited(cells={(S, 2, "收费金额(元)"): -100.0, (R, 3, "原值(万元)"): "-5"}),
        (
            Expected("cell.negative", S, 2, "收费金额(元)", "不能是负数：-100"),
            Expected("cell.negative", R, 3, "原值(万元)", "不能是负数：-5"),
        ),
    ),
    Case(
        "satisfaction 7",
        _edited(cells={(S, 4, "满意度"): 7}),
        (Expected("cell.out_of_range", S, 4, "满意度", "7 超出允许的范围", "1–5 的整数"),),
    ),
    Case(
        "bad dates",
        _edited(
            cells={
                (S, 2, "服务日期"): "2024-13-01",
                (S, 3, "服务日期"): "2024-02-30",
                (S, 4, "服务日期"): "三月一日",
            }
        ),
        (
            Expected(
                "cell.bad_date",
                S,
                2,
                "服务日期",
                "“2024-13-01”不是有效的日期",
                "日期写成 2024-03-01、2024/3/1 或 2024年3月1日",
            ),
            Expected("cell.bad_date", S, 3, "服务日期", "“2024-02-30”不是有效的日期"),
            Expected("cell.bad_date", S, 4, "服务日期", "“三月一日”不是有效的日期"),
        ),
    ),
    Case(
        "bad enumeration and bool",
        _edited(cells={(S, 2, "用户类型"): "民营", (S, 3, "是否外单位"): "可能"}),
        (
            Expected(
                "cell.bad_choice",
                S,
                2,
                "用户类型",
                "是否应为“民营企业”？",
                "请从下拉列表中选择：高校、科研院所",
            ),
            Expected("cell.bad_bool", S, 3, "是否外单位", "“可能”不是“是”或“否”"),
        ),
    ),
    Case(
        "empty required cells",
        _edited(cells={(B, 2, "内容"): None, (S, 3, "用户单位"): "  "}),
        (
            Expected("cell.required", B, 2, "平台名称", "必填项“平台名称”是空的"),
            Expected("cell.required", S, 3, "用户单位", "必填项“用户单位”是空的"),
        ),
    ),
    Case(
        "formula without a cached value",
        _formula_without_value,
        (Expected("cell.formula_no_value", S, 3, "收费金额(元)", "公式没有计算结果"),),
    ),
    Case(
        "Excel error value",
        _error_value,
        (Expected("cell.excel_error", S, 4, "服务量", "Excel 错误值 #DIV/0!"),),
    ),
    Case(
        "150 bad dates are capped",
        _many_bad_dates,
        (
            Expected("cell.bad_date", S, 2, "服务日期", "“上周”不是有效的日期"),
            Expected("cell.more", S, None, "服务日期", "还有 50 处同类问题"),
        ),
    ),
    Case(
        "more rows than max_rows",
        _too_many_rows,
        (Expected("sheet.too_many_rows", S, None, None, "有 1,001 行，超过上限 1,000 行"),),
        read_kwargs={"max_rows": 1000},
    ),
    Case(
        "a dimension of a million rows over garbage",
        _lying_dimension,
        (Expected("file.corrupt", S, None, None, "工作表“服务记录”无法读取"),),
    ),
    Case(
        "attachment path ../../x",
        _with_attachments("../../x"),
        (Expected("attachment.unsafe_path", OUT, 2, "佐证材料", "指向附件文件夹以外"),),
        attachments=True,
    ),
    Case(
        "absolute attachment paths",
        _with_attachments("/etc/passwd.pdf；C:\\Windows\\x.pdf"),
        (
            Expected("attachment.unsafe_path", OUT, 2, "佐证材料", "“/etc/passwd.pdf”是绝对路径"),
            Expected("attachment.unsafe_path", OUT, 2, "佐证材料", "“C:/Windows/x.pdf”是绝对路径"),
        ),
        attachments=True,
    ),
    Case(
        "zip bomb attachment",
        _with_attachments(
            "论文1.pdf",
            zip_files={"论文1.pdf": b"%PDF-" + b"\x00" * 8 * 2**20, "工作总结.pdf": PDF},
        ),
        (Expected("attachment.zip_bomb", None, None, None, "可能是“压缩炸弹”"),),
        attachments=True,
    ),
    Case(
        "zip slip member",
        _with_attachments(
            "论文1.pdf", zip_files={"论文1.pdf": PDF, "../../evil.pdf": PDF, "工作总结.pdf": PDF}
        ),
        (
            Expected(
                "attachment.unsafe_path", None, None, None, "“../../evil.pdf”指向附件文件夹以外"
            ),
        ),
        attachments=True,
    ),
    Case(
        "unsupported attachment type",
        _with_attachments("论文1.docx", files={"论文1.docx": b"PK\x03\x04", **SUMMARY_PDF}),
        (Expected("attachment.bad_type", OUT, 2, "佐证材料", "不支持的附件类型“.docx”"),),
        attachments=True,
    ),
    Case(
        "attachment name over 255 bytes",
        _with_attachments("长" * 90 + ".pdf", files=SUMMARY_PDF),
        (Expected("attachment.name_too_long", OUT, 2, "佐证材料", "附件名太长（274 字节"),),
        attachments=True,
    ),
    Case(
        "attachment that is not what its name says",
        _with_attachments("论文1.pdf", files={"论文1.pdf": PNG, **SUMMARY_PDF}),
        (Expected("attachment.wrong_content", OUT, 2, "佐证材料", "内容与扩展名不符"),),
        attachments=True,
    ),
)
