"""The dossier workbook writer: what it writes reads back as the same dossier."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from jlpanel.domain.dossier import (
    BasicInfo,
    Dossier,
    FundingLine,
    MajorEvent,
    Outcome,
    Regulation,
    Resource,
    ServiceRecord,
    Severity,
    StaffMember,
)
from jlpanel.exchange.dossier_reader import read_dossier
from jlpanel.exchange.dossier_schema import SHEETS, SheetLayout
from jlpanel.exchange.dossier_writer import (
    EXCEL_CELL_LIMIT,
    DossierWriteError,
    summary_cells,
    write_dossier_workbook,
)

D = dt.date


def full_dossier() -> Dossier:
    """Every field filled somewhere, and some left None; source rows as the reader counts."""
    return Dossier(
        basic=BasicInfo(
            name="吉林省大型科学仪器共享服务平台",
            filing_no="JLGX-2018-001",
            name_en="Jilin Provincial Large-scale Scientific Instrument Sharing Service Platform",
            filing_date=D(2018, 6, 12),
            resource_type="科研设施与仪器",
            host_unit="吉林大学",
            credit_code="12220000412756000X",
            registered_address="吉林省长春市前进大街2699号",
            supervising_department="教育部",
            director="王立新",
            contact_person="李娜",
            contact_phone="0431-85166000",
            email="yqgx@example.edu.cn",
            portal_url="https://yqgx.example.edu.cn/",
            service_start_date=D(2016, 3, 1),
            period_start=D(2024, 1, 1),
            period_end=D(2025, 12, 31),
        ),
        resources=(
            Resource(
                2,
                "YQ-0001",
                "场发射扫描电子显微镜",
                "电子光学仪器",
                1.0,
                "台",
                386.5,
                "中央财政",
                D(2015, 9, 30),
                True,
                "线上预约",
                "在线",
            ),
            # Numbers that look like text must stay text; None where nothing was typed.
            Resource(3, "0007", "X射线衍射仪", None, 2.0, "台", None, None, None, False),
        ),
        services=(
            ServiceRecord(
                2,
                D(2024, 3, 5),
                "长春理工大学",
                "高校",
                True,
                False,
                "样品形貌表征",
                "YQ-0001；0007",
                12.5,
                "机时",
                3750.0,
                "有偿",
                "JLPT-2024-0123",
                None,
                "国家自然科学基金面上项目（52172001）",
                5,
            ),
            ServiceRecord(
                3,
                D(2025, 12, 31),
                "吉林省生态环境厅",
                "政府部门",
                True,
                False,
                "土壤重金属检测",
                "0007",
                30.0,
                "样品",
                0.0,
                "无偿",
                None,
                "环境保护",
                None,
                None,
            ),
            ServiceRecord(4, D(2024, 1, 1), "=1+1", "个人", nature="无偿"),
        ),
        outcomes=(
            Outcome(
                2, "论文", "二维材料的原位电镜表征", D(2024, 8, 1), "SCI", "提供测试", "论文-01.pdf"
            ),
            Outcome(3, "科普活动", "全国科普日开放活动", D(2025, 9, 20), None, None, None),
        ),
        staff=(
            StaffMember(2, "王立新", "平台负责人", True, "教授", "博士研究生", 0.8),
            StaffMember(3, "赵敏", "实验技术", False, "工程师", None, 0.25),
            StaffMember(4, "孙强"),
        ),
        funding=(
            FundingLine(2, 2024, "财政", True, 120.0),
            FundingLine(3, 2024, "运行维护", False, 86.35),
            FundingLine(4, 2025, "后补助", True, 50.0),
        ),
        regulations=(
            Regulation(2, "大型仪器设备开放共享管理办法", "吉大资发〔2021〕12号", D(2021, 4, 2)),
            Regulation(3, "服务收费管理细则", None, None),
        ),
        major_events=(
            MajorEvent(2, D(2024, 7, 1), "主要人员变动", "平台负责人调整", True),
            MajorEvent(3, D(2025, 2, 1), "内部管理重大变化", None, False),
        ),
        work_summary="一、总体情况\n考核期内平台运行平稳。\n\n二、存在问题\n开放时间仍需延长。",
        work_summary_attachment="工作总结.pdf",
    )


def assert_same(read: Dossier, written: Dossier) -> None:
    for item in dataclasses.fields(Dossier):
        if item.name == "attachment_names":
            continue  # files beside the workbook, not cells in it
        got, want = getattr(read, item.name), getattr(written, item.name)
        if isinstance(want, tuple):
            assert len(got) == len(want), item.name
            for g, w in zip(got, want, strict=True):
                for f in dataclasses.fields(w):
                    assert getattr(g, f.name) == getattr(w, f.name), (item.name, w, f.name)
        elif dataclasses.is_dataclass(want):
            for f in dataclasses.fields(want):
                assert getattr(got, f.name) == getattr(want, f.name), f.name
        else:
            assert got == want, item.name


def test_a_full_dossier_reads_back_the_same(tmp_path: Path) -> None:
    dossier = full_dossier()
    path = tmp_path / "平台.xlsx"
    write_dossier_workbook(path, dossier)
    result = read_dossier(path)
    assert [f for f in result.findings if f.severity is Severity.ERROR] == []
    assert result.findings == []
    assert result.dossier is not None
    assert_same(result.dossier, dossier)
    assert [r.name for r in result.attachment_refs] == ["论文-01.pdf", "工作总结.pdf"]


def test_sheets_and_headers_come_from_the_schema(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    path = tmp_path / "平台.xlsx"
    write_dossier_workbook(path, full_dossier())
    with CalamineWorkbook.from_path(path) as workbook:
        assert list(workbook.sheet_names) == [s.name for s in SHEETS]
        for spec in SHEETS:
            grid = workbook.get_sheet_by_name(spec.name).to_python()
            if spec.layout is SheetLayout.TABLE:
                assert grid[0] == [c.header for c in spec.columns]
            elif spec.layout is SheetLayout.KEY_VALUE:
                assert [row[0] for row in grid] == [
                    spec.key_value_headers[0],
                    *(c.header for c in spec.columns),
                ]
        staff = workbook.get_sheet_by_name("人员").to_python()
        assert [row[2] for row in staff[1:]] == ["专职", "兼职", ""]
        services = workbook.get_sheet_by_name("服务记录").to_python()
        assert services[1][0] == D(2024, 3, 5)  # a real date, not text
        assert services[1][3] == "是"


def test_an_empty_dossier_reads_back_empty(tmp_path: Path) -> None:
    dossier = Dossier(BasicInfo(name="吉林省XX中心", filing_no="X-1"))
    path = tmp_path / "空.xlsx"
    write_dossier_workbook(path, dossier)
    result = read_dossier(path)
    assert result.dossier is not None, result.findings
    assert_same(result.dossier, dossier)


def test_a_long_summary_is_cut_at_line_breaks_and_joined_again(tmp_path: Path) -> None:
    paragraph = "平台开放共享情况良好，" * 300  # 3,300 characters
    text = "\n".join(f"{n}. {paragraph}" for n in range(25))
    cells = summary_cells(text)
    assert len(cells) > 1
    assert all(len(c) <= EXCEL_CELL_LIMIT for c in cells)
    dossier = Dossier(BasicInfo(name="吉林省XX中心", filing_no="X-1"), work_summary=text)
    path = tmp_path / "长.xlsx"
    write_dossier_workbook(path, dossier)
    result = read_dossier(path)
    assert result.dossier is not None
    assert result.dossier.work_summary == text


def test_a_cell_too_long_for_excel_is_refused_and_nothing_written(tmp_path: Path) -> None:
    basic = BasicInfo(name="吉林省XX中心", filing_no="X-1", registered_address="长" * 40_000)
    path = tmp_path / "坏.xlsx"
    with pytest.raises(DossierWriteError, match="基本信息 / 注册地址"):
        write_dossier_workbook(path, Dossier(basic))
    assert list(tmp_path.iterdir()) == []


def test_the_file_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "平台.xlsx"
    path.write_bytes(b"old")
    write_dossier_workbook(path, full_dossier())
    assert path.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["平台.xlsx"]
