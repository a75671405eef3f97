"""Dossiers edited the way host units edit templates (issue 12 items 2–4), read back.

Each test writes a real .xlsx from the sample dossier, makes one everyday edit (a title row,
a renamed header or sheet, a 合计 row, a date typed as a number …) and says what reading it
gives: the same data with a warning that states the mapping, or a refusal naming the cell.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from broken_workbooks import Grids, sample_dossier, set_cell, write_dossier_workbook

from jlpanel.domain.dossier import Dossier, Finding, Severity
from jlpanel.domain.dossier_metrics import compute_metrics
from jlpanel.exchange.dossier_reader import ReadResult, read_dossier
from jlpanel.exchange.dossier_schema import DATE_HELP, SERVICES

S = "服务记录"


def read(tmp_path: Path, edit: object, **kwargs: object) -> ReadResult:
    path = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit, **kwargs)  # type: ignore[arg-type]
    return read_dossier(path)


def read_ok(tmp_path: Path, edit: object, **kwargs: object) -> tuple[Dossier, list[Finding]]:
    result = read(tmp_path, edit, **kwargs)
    assert result.dossier is not None, [(f.code, f.location(), f.message.zh) for f in result.errors]
    return result.dossier, result.findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def titled(grid: list[list[object]], *titles: object) -> None:
    """Insert title / blank rows above a sheet's header, as wide as the header."""
    width = len(grid[0])
    for title in reversed(titles):
        grid.insert(0, [title] + [None] * (width - 1))


# ------------------------------------------------------------- 2. headers wherever they are


def test_title_blank_and_merged_rows_above_a_table_keep_excel_row_numbers(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        titled(grids[S], "吉林省XX平台服务记录表", None, "填表单位：吉林大学")

    width = len(SERVICES.columns)
    dossier, findings = read_ok(tmp_path, edit, merges=[(S, 0, 0, 0, width - 1)])
    assert findings == []
    assert [s.source_row for s in dossier.services] == [5, 6, 7]
    assert dossier.services == tuple(
        dataclasses.replace(s, source_row=s.source_row + 3) for s in sample_dossier().services
    )


def test_a_header_far_down_is_found_and_a_bad_cell_names_its_real_row(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 3, "服务日期", "2024-02-30")
        titled(grids[S], *(["说明"] + [None] * 8))

    result = read(tmp_path, edit)
    [error] = result.errors
    assert (error.code, error.sheet, error.row, error.column) == (
        "cell.bad_date",
        S,
        12,
        "服务日期",
    )


def test_a_title_row_above_basic_info_is_no_item_and_no_warning(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        titled(grids["基本信息"], "吉林省科技资源共享服务平台基本信息表", None)

    dossier, findings = read_ok(tmp_path, edit)
    assert findings == []
    assert dossier.basic == sample_dossier().basic


def test_a_title_row_above_the_work_summary_is_neither_text_nor_attachment(
    tmp_path: Path,
) -> None:
    def edit(grids: Grids) -> None:
        titled(grids["工作总结"], "2024年度工作总结", None)

    result = read(tmp_path, edit)
    assert result.findings == []
    assert result.dossier is not None
    assert result.dossier.work_summary == sample_dossier().work_summary
    assert result.dossier.work_summary_attachment == "工作总结.pdf"
    summary_refs = [(r.name, r.row) for r in result.attachment_refs if r.sheet == "工作总结"]
    assert summary_refs == [("工作总结.pdf", 4)]


# ----------------------------------------------------------- 3. never drop data silently


def test_a_renamed_header_that_is_certain_is_read_with_a_warning_stating_the_mapping(
    tmp_path: Path,
) -> None:
    def edit(grids: Grids) -> None:
        grids[S][0][grids[S][0].index("是否外单位")] = "是否为外单位"

    dossier, findings = read_ok(tmp_path, edit)
    assert dossier.services == sample_dossier().services
    [warning] = findings
    assert (warning.severity, warning.code, warning.sheet, warning.row) == (
        Severity.WARNING,
        "column.alias",
        S,
        1,
    )
    assert warning.message.zh == "列“是否为外单位”按“是否外单位”读取"
    assert compute_metrics(dossier, period=None)["external_user_share"] == 1.0


def test_a_header_like_two_columns_refuses_the_dossier_naming_both(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids[S][0][grids[S][0].index("是否外单位")] = "是否"
        grids[S][0][grids[S][0].index("是否省外")] = "备注"

    result = read(tmp_path, edit)
    assert result.dossier is None
    [error] = result.errors
    assert (error.code, error.sheet, error.column) == ("column.unplaced", S, "是否")
    assert "是否应为“是否外单位”或“是否省外”" in error.message.zh


def test_a_renamed_sheet_that_is_certain_is_read_with_a_warning(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids["人员表"] = grids.pop("人员")

    dossier, findings = read_ok(tmp_path, edit)
    assert dossier.staff == sample_dossier().staff
    [warning] = findings
    assert (warning.code, warning.sheet) == ("sheet.alias", "人员表")
    assert warning.message.zh == "工作表“人员表”按“人员”读取"


def test_a_sheet_name_like_two_sheets_refuses_the_dossier(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids["人员经费"] = grids.pop("人员")
        del grids["经费"]

    result = read(tmp_path, edit)
    assert result.dossier is None
    [error] = result.errors
    assert (error.code, error.sheet) == ("sheet.unplaced", "人员经费")
    assert "是否应为“人员”或“经费”" in error.message.zh


def test_a_renamed_basic_item_is_read_with_a_warning(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        for row in grids["基本信息"]:
            if row[0] == "统一社会信用代码":
                row[0] = "统一社会信用代码号"

    dossier, findings = read_ok(tmp_path, edit)
    assert dossier.basic == sample_dossier().basic
    assert codes(findings) == ["item.alias"]


def test_a_column_left_out_gives_a_metric_not_provided_not_zero(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        index = grids[S][0].index("是否外单位")
        for row in grids[S]:
            del row[index]

    dossier, findings = read_ok(tmp_path, edit)
    assert findings == []
    metrics = compute_metrics(dossier, period=None)
    assert metrics["external_user_share"] is None
    assert metrics["out_of_province_share"] == 1 / 3  # 是否省外 is there: a real share


# ----------------------------------------------------------- 4. values as people type them


def test_a_date_typed_as_a_number_reads_as_that_date(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", 20240301)

    dossier, findings = read_ok(tmp_path, edit)
    assert findings == []
    assert dossier.services[0].service_date == dt.date(2024, 3, 1)


def test_a_date_cell_turned_into_text_reads_with_a_hint(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", "45352")  # 2024-03-01 as Excel counts days

    dossier, findings = read_ok(tmp_path, edit)
    assert dossier.services[0].service_date == dt.date(2024, 3, 1)
    [warning] = findings
    assert (warning.code, warning.row, warning.column) == ("cell.text_serial", 2, "服务日期")
    assert "“45352” → 2024-03-01" in warning.message.zh


def test_month_only_dates_in_an_optional_column_are_the_first_day_with_one_warning(
    tmp_path: Path,
) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, "资源目录", 2, "入库日期", "2021年10月")
        set_cell(grids, "资源目录", 3, "入库日期", 2019.11)

    dossier, findings = read_ok(tmp_path, edit)
    assert [r.stored_on for r in dossier.resources] == [dt.date(2021, 10, 1), dt.date(2019, 11, 1)]
    [warning] = findings
    assert (warning.severity, warning.code, warning.column) == (
        Severity.WARNING,
        "cell.month_only",
        "入库日期",
    )
    assert "第 2 行 2021年10月 → 2021-10-01；第 3 行 2019.11 → 2019-11-01" in warning.message.zh


def test_a_month_only_service_date_is_refused(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", "2024年3月")

    [error] = read(tmp_path, edit).errors
    assert (error.code, error.row, error.column) == ("cell.month_only", 2, "服务日期")


def test_a_total_row_is_left_out_with_a_warning_and_its_sum_checked(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids["经费"].append(["合计", None, 90.0])

    dossier, findings = read_ok(tmp_path, edit)
    assert dossier.funding == sample_dossier().funding
    assert codes(findings) == ["table.total_row", "table.total_mismatch"]
    assert findings[0].row == 4
    assert findings[1].column == "金额(万元)"
    assert "90 与各行之和 82.50 不符" in findings[1].message.zh


def test_a_total_row_that_adds_up_is_only_noted(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids["经费"].append(["合 计", None, 82.5])

    _dossier, findings = read_ok(tmp_path, edit)
    assert codes(findings) == ["table.total_row"]


def test_a_credit_code_in_lower_case_is_stored_in_capitals(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        for row in grids["基本信息"]:
            if row[0] == "统一社会信用代码":
                row[1] = row[1].lower()

    dossier, _ = read_ok(tmp_path, edit)
    assert dossier.basic.credit_code == "12220000412755980E"


def test_an_implausible_amount_is_refused_naming_the_cell(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 3, "收费金额(元)", 1e308)

    [error] = read(tmp_path, edit).errors
    assert (error.code, error.sheet, error.row, error.column) == (
        "cell.implausible_number",
        S,
        3,
        "收费金额(元)",
    )


def test_a_bad_date_says_how_to_write_one_once(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", "三月一日")

    [error] = read(tmp_path, edit).errors
    assert error.fix == DATE_HELP
    assert error.fix.zh.count("2024-03-01") == 1
