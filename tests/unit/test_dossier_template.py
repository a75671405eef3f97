"""The blank dossier workbook: read back by pandas and from its XML, as Excel would see it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from jlpanel.domain.dossier import USER_TYPES
from jlpanel.exchange.dossier_reader import read_dossier
from jlpanel.exchange.dossier_schema import (
    INSTRUCTIONS_SHEET,
    SHEETS,
    TEMPLATE_ROWS,
    ColumnKind,
    SheetLayout,
)
from jlpanel.exchange.dossier_template import write_template

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

#: DESIGN §3, word for word.
DESIGN_SHEETS = {
    "基本信息": "平台名称, 英文名称, 备案编号, 备案日期, 资源类型, 依托单位, 统一社会信用代码, "
    "注册地址, 归口管理部门, 平台负责人, 联系人, 联系电话, 电子邮箱, 门户网址, "
    "对外服务起始日期, 考核期起, 考核期止",
    "资源目录": "资源编号, 资源名称, 资源类别, 数量, 计量单位, 原值(万元), 经费来源, "
    "入库日期, 是否开放共享, 共享方式, 在线状态",
    "服务记录": "服务日期, 用户单位, 用户类型, 是否外单位, 是否省外, 服务内容, 使用资源编号, "
    "服务量, 计量单位, 收费金额(元), 服务性质, 合同编号, 公益类别, 支撑项目, 满意度",
    "服务成效": "类型, 名称, 日期, 级别, 说明, 佐证材料",
    "人员": "姓名, 岗位, 专职/兼职, 职称, 学历, 投入比例",
    "经费": "年度, 类别, 金额(万元)",
    "管理制度": "制度名称, 文号, 发布日期",
    "重大事项": "日期, 类型, 说明, 是否已报备",
}
REQUIRED = {
    "基本信息": {"平台名称", "备案编号"},
    "资源目录": {"资源编号", "资源名称"},
    "服务记录": {"服务日期", "用户单位", "用户类型", "服务性质"},
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "模板.xlsx"
    write_template(path)
    return path


@pytest.fixture(scope="module")
def frames(template: Path) -> dict[str, object]:
    import pandas as pd

    return pd.read_excel(template, sheet_name=None, engine="calamine", header=None, dtype=object)


def _sheet_xml(path: Path, sheet: str) -> ET.Element:
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        names = re.findall(r'<sheet name="([^"]+)"', workbook)
        return ET.fromstring(archive.read(f"xl/worksheets/sheet{names.index(sheet) + 1}.xml"))


def _validations(path: Path, sheet: str) -> dict[str, ET.Element]:
    """Each data validation of a sheet by its range (sqref)."""
    root = _sheet_xml(path, sheet)
    return {v.get("sqref", ""): v for v in root.iterfind(".//m:dataValidation", NS)}


def _letter(index: int) -> str:
    return chr(65 + index) if index < 26 else "A" + chr(65 + index - 26)


def test_every_sheet_and_header_of_the_design(frames: dict[str, object]) -> None:
    assert list(frames) == [INSTRUCTIONS_SHEET, *DESIGN_SHEETS, "工作总结"]
    for sheet, listed in DESIGN_SHEETS.items():
        frame = frames[sheet]
        want = listed.split(", ")
        if sheet == "基本信息":
            assert list(frame.iloc[0]) == ["项目", "内容"]  # type: ignore[attr-defined]
            got = [str(v).rstrip("*") for v in frame.iloc[1:, 0]]  # type: ignore[attr-defined]
        else:
            got = [str(v).rstrip("*") for v in frame.iloc[0]]  # type: ignore[attr-defined]
        assert got == want, sheet
    assert list(frames["工作总结"].iloc[0]) == ["工作总结", "附件文件名"]  # type: ignore[attr-defined]


def test_required_columns_are_marked_with_a_red_asterisk(
    template: Path, frames: dict[str, object]
) -> None:
    for sheet, required in REQUIRED.items():
        frame = frames[sheet]
        cells = frame.iloc[1:, 0] if sheet == "基本信息" else frame.iloc[0]  # type: ignore[attr-defined]
        marked = {str(v)[:-1] for v in cells if str(v).endswith("*")}
        assert marked >= required, sheet
    with zipfile.ZipFile(template) as archive:
        shared = archive.read("xl/sharedStrings.xml").decode()
    # A rich string: the header, then a red bold "*".
    assert re.search(r'<color rgb="FFC00000"/>.*?<t>\*</t>', shared)


def test_dropdowns_on_every_enumerated_and_yes_no_column(template: Path) -> None:
    checked = 0
    for spec in SHEETS:
        if spec.layout is not SheetLayout.TABLE:
            continue
        validations = _validations(template, spec.name)
        for index, column in enumerate(spec.columns):
            if column.kind not in (ColumnKind.CHOICE, ColumnKind.BOOL):
                continue
            letter = _letter(index)
            rule = validations[f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"]
            assert rule.get("type") == "list"
            formula = rule.findtext("m:formula1", namespaces=NS)
            assert formula == '"' + ",".join(column.choices) + '"', column.header
            checked += 1
    assert checked >= 10
    services = _validations(template, "服务记录")
    formula = services[f"C2:C{TEMPLATE_ROWS + 1}"].findtext("m:formula1", namespaces=NS)
    assert formula == '"' + ",".join(USER_TYPES) + '"'
    assert (
        services[f"K2:K{TEMPLATE_ROWS + 1}"].findtext("m:formula1", namespaces=NS) == '"无偿,有偿"'
    )
    assert services[f"D2:D{TEMPLATE_ROWS + 1}"].findtext("m:formula1", namespaces=NS) == '"是,否"'


def test_date_number_and_rating_validations(template: Path) -> None:
    services = _validations(template, "服务记录")
    date_rule = services[f"A2:A{TEMPLATE_ROWS + 1}"]
    assert date_rule.get("type") == "date"
    assert date_rule.get("errorStyle") == "warning"
    fee = services[f"J2:J{TEMPLATE_ROWS + 1}"]
    assert (fee.get("type"), fee.get("operator")) == ("decimal", "greaterThanOrEqual")
    rating = services[f"O2:O{TEMPLATE_ROWS + 1}"]
    assert rating.get("type") == "whole"
    assert [
        rating.findtext("m:formula1", namespaces=NS),
        rating.findtext("m:formula2", namespaces=NS),
    ] == ["1", "5"]
    basic = _validations(template, "基本信息")
    assert (
        basic["B6"].findtext("m:formula1", namespaces=NS)
        == '"科研设施与仪器,科学数据,生物种质,实验材料,其他"'
    )


def _column_format(path: Path, sheet: str, index: int) -> str:
    """The number format a whole column carries."""
    with zipfile.ZipFile(path) as archive:
        styles = ET.fromstring(archive.read("xl/styles.xml"))
    codes = {n.get("numFmtId"): n.get("formatCode") for n in styles.iterfind(".//m:numFmt", NS)}
    codes |= {"0": "General", "1": "0", "49": "@", "9": "0%", "3": "#,##0", "4": "#,##0.00"}
    xfs = styles.find("m:cellXfs", NS)
    assert xfs is not None
    xf_formats = [xf.get("numFmtId", "0") for xf in xfs]
    for col in _sheet_xml(path, sheet).iterfind(".//m:col", NS):
        if int(col.get("min", 0)) <= index + 1 <= int(col.get("max", 0)):
            return codes[xf_formats[int(col.get("style", 0))]] or ""
    return "General"


def test_columns_carry_date_number_and_text_formats(template: Path) -> None:
    assert _column_format(template, "服务记录", 0) == "yyyy-mm-dd"
    assert _column_format(template, "服务记录", 9) == "#,##0.00"
    assert _column_format(template, "资源目录", 0) == "@"  # ids keep leading zeros
    assert _column_format(template, "资源目录", 5) == "#,##0.00"
    assert _column_format(template, "人员", 5) == "0%"


def test_header_rows_are_frozen_and_columns_have_widths(template: Path) -> None:
    for spec in SHEETS:
        root = _sheet_xml(template, spec.name)
        pane = root.find(".//m:pane", NS)
        assert pane is not None and pane.get("state") == "frozen", spec.name
        assert pane.get("ySplit") == "1"
        widths = [float(c.get("width", 0)) for c in root.iterfind(".//m:col", NS)]
        assert len(widths) >= min(len(spec.columns), 2)
        assert all(w >= 8 for w in widths), spec.name


def test_every_header_has_a_comment_with_its_help(template: Path) -> None:
    with zipfile.ZipFile(template) as archive:
        comments = [
            ET.fromstring(archive.read(n))
            for n in archive.namelist()
            if re.fullmatch(r"xl/comments\d+\.xml", n)
        ]
    texts = ["".join(c.itertext()) for root in comments for c in root.iterfind(".//m:comment", NS)]
    assert len(texts) == sum(len(spec.columns) for spec in SHEETS)
    assert any(t.startswith("（必填）\n提供服务的日期\n日期写成 2024-03-01") for t in texts)
    assert any("English: Satisfaction / Rating" in t for t in texts)


def test_the_instructions_explain_every_sheet_column_and_the_attachments(
    frames: dict[str, object],
) -> None:
    frame = frames[INSTRUCTIONS_SHEET]
    text = "\n".join(str(v) for v in frame.to_numpy().ravel() if v == v)  # type: ignore[attr-defined]
    for spec in SHEETS:
        assert spec.name in text
        for column in spec.columns:
            assert column.header in text
    for phrase in (
        "平台A/",
        "平台A_附件/",
        "平台A.zip",
        "2024年3月1日",
        "红色 *",
        "高校、科研院所",
    ):
        assert phrase in text, phrase


def test_the_blank_template_asks_only_for_the_required_items(template: Path) -> None:
    result = read_dossier(template)
    assert [(f.code, f.sheet, f.row, f.column) for f in result.findings] == [
        ("cell.required", "基本信息", 2, "平台名称"),
        ("cell.required", "基本信息", 4, "备案编号"),
    ]


def test_the_template_is_written_atomically_over_an_old_file(tmp_path: Path) -> None:
    path = tmp_path / "out" / "模板.xlsx"
    path.parent.mkdir()
    path.write_bytes(b"old")
    write_template(path)
    assert path.read_bytes()[:4] == b"PK\x03\x04"
    assert [p.name for p in path.parent.iterdir()] == ["模板.xlsx"]
