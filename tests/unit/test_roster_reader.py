"""Reading the expert roster: layouts people actually send, and every way it can be wrong."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.exchange.roster_reader import RosterResult, read_roster
from jlpanel.exchange.roster_template import write_roster_template
from jlpanel.exchange.roster_writer import ROSTER_HEADERS, RosterExpert, write_roster

EXPERTS = [
    RosterExpert("王志刚", "吉林大学", "教授", "材料科学与工程", "13904310218"),
    RosterExpert("张宏伟", "东北林业大学", "教授", "林木遗传育种", "", ("北华大学",)),
    RosterExpert(
        "陈晓燕",
        "吉林省科学技术信息研究所",
        "研究员",
        "科技管理与情报",
        "0431-85682207",
        ("吉林省农业科学院", "吉林农业大学"),
    ),
]


def write_sheets(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """A workbook with these sheets, cells as given (numbers stay numbers)."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    workbook.close()
    return path


def codes(result: RosterResult) -> list[str]:
    return [f.code for f in result.findings]


def error(result: RosterResult, code: str) -> Finding:
    found = [f for f in result.errors if f.code == code]
    assert found, [(f.code, f.message.zh) for f in result.findings]
    return found[0]


# ---------------------------------------------------------------------------- reading


def test_a_written_roster_reads_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "experts.xlsx"
    write_roster(path, EXPERTS)
    result = read_roster(path)
    assert result.ok and result.findings == []
    assert result.experts == EXPERTS
    assert result.rows == [2, 3, 4]
    assert result.sheet == "专家名单"


def test_english_headers_any_order_a_title_row_and_numbers_as_phone_numbers(
    tmp_path: Path,
) -> None:
    path = write_sheets(
        tmp_path / "roster.xlsx",
        {
            "Experts": [
                ["2026 年度评审专家名单"],
                ["Institution", "Name", "Contact", "Avoid", "Title", "Field"],
                ["吉林大学 ", " 王志刚", 13904310218, "北华大学；吉林农业大学", "教授", None],
                [None, None, None, None, None, None],
                [
                    "东北林业大学",
                    "张宏伟",
                    None,
                    "延边大学;长春理工大学、吉林大学\n东北师范大学",
                    None,
                    None,
                ],
            ]
        },
    )
    result = read_roster(path)
    assert result.ok, result.findings
    assert result.experts == [
        RosterExpert("王志刚", "吉林大学", "教授", "", "13904310218", ("北华大学", "吉林农业大学")),
        RosterExpert(
            "张宏伟",
            "东北林业大学",
            avoid_units=("延边大学", "长春理工大学", "吉林大学", "东北师范大学"),
        ),
    ]
    assert result.rows == [3, 5]


def test_the_named_sheet_wins_over_the_first_and_else_the_first_with_names(
    tmp_path: Path,
) -> None:
    header = list(ROSTER_HEADERS)
    path = write_sheets(
        tmp_path / "a.xlsx",
        {"说明": [["请填写名单"]], "专家名单": [header, ["王志刚", "吉林大学"]]},
    )
    assert read_roster(path).experts == [RosterExpert("王志刚", "吉林大学")]
    path = write_sheets(
        tmp_path / "b.xlsx",
        {"说明": [["请填写名单"]], "Sheet2": [["姓名", "工作单位"], ["王志刚", "吉林大学"]]},
    )
    result = read_roster(path)
    assert result.sheet == "Sheet2" and len(result.experts) == 1


def test_an_unknown_column_is_a_warning_naming_it(tmp_path: Path) -> None:
    path = write_sheets(
        tmp_path / "r.xlsx",
        {"专家名单": [["姓名", "工作单位", "备注"], ["王志刚", "吉林大学", "组长"]]},
    )
    result = read_roster(path)
    assert result.ok and len(result.experts) == 1
    (warning,) = result.warnings
    assert warning.code == "column.unknown" and warning.column == "备注"


def test_a_short_unit_to_avoid_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_roster(path, [RosterExpert("王志刚", "东北林业大学", avoid_units=("吉大", "北华大学"))])
    result = read_roster(path)
    assert result.ok
    (warning,) = result.warnings
    assert (warning.code, warning.sheet, warning.row, warning.column) == (
        "roster.short_avoid_unit",
        "专家名单",
        2,
        "回避单位",
    )
    assert "吉大" in warning.message.zh and "吉林大学" in warning.fix.zh


def test_the_blank_template_has_the_headers_and_no_experts(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_roster_template(path)
    result = read_roster(path)
    assert codes(result) == ["roster.empty"]
    with zipfile.ZipFile(path) as archive:
        assert any("comments" in n for n in archive.namelist())  # the header notes


# ----------------------------------------------------------------------------- refusals


def test_missing_name_column_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = write_sheets(
        tmp_path / "r.xlsx", {"专家名单": [["专家名字", "工作单位"], ["王志刚", "吉林大学"]]}
    )
    result = read_roster(path)
    assert result.experts == []
    finding = error(result, "column.missing")
    assert (finding.sheet, finding.row, finding.column) == ("专家名单", 1, "姓名")
    assert "缺少必填列“姓名”" in finding.message.zh
    assert "Name" in finding.fix.zh


def test_missing_institution_column_is_refused(tmp_path: Path) -> None:
    path = write_sheets(tmp_path / "r.xlsx", {"专家名单": [["姓名", "职称"], ["王志刚", "教授"]]})
    result = read_roster(path)
    assert not result.ok and result.experts == []
    assert error(result, "column.missing").column == "工作单位"


def test_empty_name_and_empty_institution_are_refused_where_they_are(tmp_path: Path) -> None:
    path = write_sheets(
        tmp_path / "r.xlsx",
        {
            "专家名单": [
                list(ROSTER_HEADERS),
                ["王志刚", "吉林大学"],
                [None, "东北林业大学", "教授"],
                ["张宏伟", None, "教授"],
            ]
        },
    )
    result = read_roster(path)
    assert result.experts == []
    where = [(f.code, f.row, f.column) for f in result.errors]
    assert where == [("cell.required", 3, "姓名"), ("cell.required", 4, "工作单位")]
    assert result.errors[0].message.zh == "必填项“姓名”是空的"


def test_duplicate_names_are_refused_naming_both_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_roster(
        path,
        [
            RosterExpert("王志刚", "吉林大学"),
            RosterExpert("张宏伟", "东北林业大学"),
            RosterExpert("王 志刚", "长春理工大学"),
        ],
    )
    result = read_roster(path)
    finding = error(result, "roster.duplicate_name")
    assert (finding.sheet, finding.row, finding.column) == ("专家名单", 4, "姓名")
    assert "第 2 行和第 4 行" in finding.message.zh
    assert "张伟（吉林大学）" in finding.fix.zh
    assert result.experts == []


def test_a_value_too_long_for_the_workspace_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_roster(path, [RosterExpert("王志刚", "吉" * 201)])
    finding = error(read_roster(path), "cell.too_long")
    assert finding.column == "工作单位" and "201" in finding.message.zh


def test_an_empty_roster_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_roster(path, [])
    assert codes(read_roster(path)) == ["roster.empty"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file.empty"),
        (b"%PDF-1.7\n...", "file.pdf"),
        ("姓名,工作单位\n王志刚,吉林大学\n".encode(), "file.text"),
        (b"\x00\x01\x02garbage" * 10, "file.not_workbook"),
        (b"PK\x03\x04truncated", "file.corrupt"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "experts.xlsx"
    path.write_bytes(data)
    result = read_roster(path)
    assert codes(result) == [code]
    assert result.experts == []
    assert result.errors[0].fix.zh


def test_a_pdf_gets_a_roster_fix_not_a_dossier_one(tmp_path: Path) -> None:
    path = tmp_path / "experts.xlsx"
    path.write_bytes(b"%PDF-1.4")
    (finding,) = read_roster(path).findings
    assert "专家名单" in finding.fix.zh and "附件" not in finding.fix.zh


def test_a_missing_file_is_a_finding(tmp_path: Path) -> None:
    assert codes(read_roster(tmp_path / "nowhere.xlsx")) == ["file.missing"]


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    path = tmp_path / "experts.xlsx"
    path.write_bytes(buffer.getvalue())
    assert codes(read_roster(path)) == ["file.not_workbook"]


def test_too_many_rows_are_refused_before_reading_them(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_roster(path, [RosterExpert(f"专家{i}", "吉林大学") for i in range(30)])
    result = read_roster(path, max_rows=10)
    assert codes(result) == ["sheet.too_many_rows"]


def test_merged_cells_are_refused(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "r.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("专家名单")
    for c, header in enumerate(ROSTER_HEADERS):
        sheet.write(0, c, header)
    sheet.write(1, 0, "王志刚")
    sheet.write(2, 0, "张宏伟")
    sheet.merge_range(1, 1, 2, 1, "吉林大学")
    workbook.close()
    result = read_roster(path)
    assert "sheet.merged_cells" in codes(result)
    assert result.experts == []


# ---------------------------------------------------------------------------- junk in


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2048))
def test_junk_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "junk.xlsx"
    path.write_bytes(data)
    result = read_roster(path)
    assert result.experts == [] and result.errors


_cell = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.sampled_from([*ROSTER_HEADERS, "Name", "备注", "", "Institution"]), max_size=8),
    st.lists(st.lists(_cell, max_size=8), max_size=8),
)
def test_any_cells_give_experts_or_findings_never_an_exception(
    tmp_path: Path, header: list[str], rows: list[list[Any]]
) -> None:
    path = write_sheets(tmp_path / "cells.xlsx", {"专家名单": [header, *rows]})
    result = read_roster(path)
    if result.ok:
        assert result.experts
        names = [e.name for e in result.experts]
        assert len(names) == len(set(names))
        assert all(e.name and e.institution for e in result.experts)
    else:
        assert result.experts == []
        assert all(f.message.zh and f.fix.zh for f in result.findings)
    assert all(f.severity in (Severity.ERROR, Severity.WARNING) for f in result.findings)
