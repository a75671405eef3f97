"""Reading dossier workbooks: a valid one back into the exact Dossier, every accepted spelling,
and the broken-workbook corpus, each case with the finding it must give."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from broken_workbooks import (
    CASES,
    Case,
    Formula,
    Grids,
    column_of,
    dossier_grids,
    million_row_workbook,
    sample_dossier,
    set_cell,
    write_dossier_workbook,
    write_grids,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.domain.dossier import Dossier, Severity
from jlpanel.exchange.attachments import collect_attachments
from jlpanel.exchange.cell_values import parse_column
from jlpanel.exchange.dossier_reader import read_dossier
from jlpanel.exchange.dossier_schema import SHEETS
from jlpanel.exchange.read_report import MAX_CELL_FINDINGS, BadCell, FixedCell

S = "服务记录"


def read_ok(path: Path, **kwargs: object) -> Dossier:
    result = read_dossier(path, **kwargs)  # type: ignore[arg-type]
    errors = [(f.code, f.location(), f.message.zh) for f in result.errors]
    assert result.dossier is not None, errors
    assert not errors
    return result.dossier


def services_with(tmp_path: Path, header: str, *values: object) -> Dossier:
    """The sample with its three service rows' ``header`` cells set to ``values``."""

    def edit(grids: Grids) -> None:
        for row, value in enumerate(values, start=2):
            set_cell(grids, S, row, header, value)

    return read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))


# ------------------------------------------------------------------------ happy path


def test_a_filled_workbook_reads_back_into_the_exact_dossier(tmp_path: Path) -> None:
    path = write_dossier_workbook(tmp_path / "平台A.xlsx")
    result = read_dossier(path)
    assert result.findings == []
    assert result.dossier == sample_dossier()


def test_the_attachment_names_come_with_their_cells(tmp_path: Path) -> None:
    result = read_dossier(write_dossier_workbook(tmp_path / "平台A.xlsx"))
    refs = [(r.name, r.sheet, r.row, r.column) for r in result.attachment_refs]
    assert refs == [
        ("论文1.pdf", "服务成效", 2, "佐证材料"),
        ("工作总结.pdf", "工作总结", 2, "附件文件名"),
    ]


def test_optional_sheets_may_be_missing(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        for name in ("服务成效", "人员", "经费", "管理制度", "重大事项", "工作总结"):
            del grids[name]

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert dossier.outcomes == dossier.staff == dossier.funding == ()
    assert dossier.work_summary == ""
    assert dossier.work_summary_attachment is None
    assert len(dossier.services) == 3


def test_blank_rows_are_skipped_and_row_numbers_stay_those_of_excel(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        rows = grids[S]
        rows.insert(2, [None] * len(rows[0]))  # a blank row 3
        rows.insert(3, ["  "] + [None] * (len(rows[0]) - 1))  # only a space: blank too

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert [s.source_row for s in dossier.services] == [2, 5, 6]
    assert dossier.services[1].user_unit == "吉林省生态环境厅"


def test_a_title_row_above_the_header_is_tolerated(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids[S].insert(0, ["吉林省XX平台服务记录表"])
        grids[S][0].extend([None] * (len(grids[S][1]) - 1))

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert [s.source_row for s in dossier.services] == [3, 4, 5]


def test_unknown_columns_are_a_warning_not_an_error(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids[S][0].append("备注")
        for row in grids[S][1:]:
            row.append("随便写写")

    result = read_dossier(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert result.dossier is not None
    [finding] = result.findings
    assert finding.severity is Severity.WARNING
    assert (finding.code, finding.sheet, finding.row, finding.column) == (
        "column.unknown",
        S,
        1,
        "备注",
    )
    assert "不认识的列“备注”（P 列）" in finding.message.zh


def test_a_foreign_sheet_holding_data_is_named_as_not_read(tmp_path: Path) -> None:
    # A sheet like none of the template's: its data is not placed, and that is said.
    def edit(grids: Grids) -> None:
        grids["统计图数据"] = [["月份", "次数"], ["1月", 12]]
        grids["Sheet3"] = [[None]]

    result = read_dossier(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert result.dossier is not None
    [finding] = result.findings
    assert (finding.severity, finding.code, finding.sheet) == (
        Severity.WARNING,
        "sheet.not_read",
        "统计图数据",
    )
    assert "内容没有导入" in finding.message.zh


def test_formulas_with_cached_values_read_as_their_values(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "收费金额(元)", Formula("=H2*500", 2000.0))
        set_cell(grids, S, 3, "服务性质", Formula('="无"&"偿"', "无偿"))

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert dossier == sample_dossier()


def test_the_header_comments_and_marks_of_the_template_are_ignored(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids[S][0] = [f"{h}*" if i < 3 else f" {h}（必填） " for i, h in enumerate(grids[S][0])]
        grids[S][0][column_of(grids, S, " 收费金额(元)（必填） ")] = "收费金额（元）"

    assert read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)) == sample_dossier()


def test_english_sheet_names_and_headers(tmp_path: Path) -> None:
    renames = {spec.name: spec.name_en for spec in SHEETS}

    def edit(grids: Grids) -> None:
        for spec in SHEETS:
            grid = grids[spec.name]
            if spec.layout.value == "table":
                english = {
                    c.header: next(a for a in c.aliases if a.isascii()) for c in spec.columns
                }
                grid[0] = [
                    english[h].upper() if i % 2 else english[h] for i, h in enumerate(grid[0])
                ]
            elif spec.layout.value == "key_value":
                grid[0] = ["Item", "Value"]
                for row in grid[1:]:
                    row[0] = next(a for a in spec.column_for(row[0]).aliases if a.isascii())  # type: ignore[union-attr]
        for old, new in renames.items():
            grids[new] = grids.pop(old)

    dossier = read_ok(write_dossier_workbook(tmp_path / "platform.xlsx", edit=edit))
    assert dossier == sample_dossier()


def test_basic_info_written_as_a_one_row_table(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        items = grids["基本信息"][1:]
        grids["基本信息"] = [[k for k, _ in items], [v for _, v in items]]

    assert read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)) == sample_dossier()


def test_work_summary_continues_over_several_cells(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids["工作总结"] = [
            ["工作总结", "附件文件名"],
            ["第一部分", None],
            ["", None],
            ["第二部分", None],
        ]

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert dossier.work_summary == "第一部分\n\n第二部分"
    assert dossier.work_summary_attachment is None


# ------------------------------------------------------------------------ spellings


def test_every_date_spelling(tmp_path: Path) -> None:
    dossier = services_with(tmp_path, "服务日期", 45352, "2024/3/1", "2024年3月1日")
    assert {s.service_date for s in dossier.services} == {dt.date(2024, 3, 1)}
    dossier = services_with(tmp_path, "服务日期", "2024.3.1", "２０２４－０３－０１", "20240301")
    assert {s.service_date for s in dossier.services} == {dt.date(2024, 3, 1)}
    dossier = services_with(
        tmp_path, "服务日期", dt.datetime(2024, 3, 1, 14, 30), "2024-03-01 00:00:00", 45352.6
    )
    assert {s.service_date for s in dossier.services} == {dt.date(2024, 3, 1)}


def test_every_number_spelling(tmp_path: Path) -> None:
    dossier = services_with(tmp_path, "收费金额(元)", "1,234.5", "１２３４．５", " ￥1,234.50 ")
    assert [s.fee_yuan for s in dossier.services] == [1234.5] * 3
    dossier = services_with(tmp_path, "收费金额(元)", 1234, "1234", "1.234e3")
    assert [s.fee_yuan for s in dossier.services] == [1234.0] * 3


def test_every_bool_spelling(tmp_path: Path) -> None:
    yes = ("是", "Y", "yes", "TRUE", "1", "√", True, 1.0, " Yes ")
    no = ("否", "n", "No", "false", "0", "×", False, 0.0, "Ｎ")
    for spelling in zip(yes[::3], yes[1::3], yes[2::3], strict=True):
        dossier = services_with(tmp_path, "是否外单位", *spelling)
        assert [s.is_external for s in dossier.services] == [True] * 3, spelling
    for spelling in zip(no[::3], no[1::3], no[2::3], strict=True):
        dossier = services_with(tmp_path, "是否外单位", *spelling)
        assert [s.is_external for s in dossier.services] == [False] * 3, spelling


def test_enumerations_ignore_spaces(tmp_path: Path) -> None:
    dossier = services_with(tmp_path, "用户类型", " 民营 企业 ", "政府部门　", "科研\n院所")
    assert [s.user_type for s in dossier.services] == ["民营企业", "政府部门", "科研院所"]


def test_ids_and_phone_numbers_typed_as_numbers_read_as_text(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, "资源目录", 2, "资源编号", 1001)
        set_cell(grids, S, 2, "使用资源编号", 1001.0)
        grids["基本信息"][12][1] = 13804310000

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert dossier.resources[0].resource_code == "1001"
    assert dossier.services[0].resource_codes == "1001"
    assert dossier.basic.contact_phone == "13804310000"


def test_shares_and_years(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, "人员", 2, "投入比例", "80%")
        set_cell(grids, "人员", 3, "投入比例", 0.25)
        set_cell(grids, "经费", 2, "年度", "2024年")
        set_cell(grids, "经费", 3, "年度", 2023.0)

    dossier = read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert [s.effort_share for s in dossier.staff] == [0.8, 0.25]
    assert [f.year for f in dossier.funding] == [2024, 2023]
    assert [f.is_income for f in dossier.funding] == [True, False]


# ------------------------------------------------------------------------ the corpus


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_workbook(case: Case, tmp_path: Path) -> None:
    path = case.build(tmp_path)
    result = read_dossier(path, **case.read_kwargs)
    findings = list(result.findings)
    if case.attachments:
        collected = collect_attachments(path, result.attachment_refs, **case.attachment_kwargs)
        findings += collected.findings
        assert not collected.ok
    else:
        assert result.dossier is None
    for expected in case.expected:
        matches = [
            f
            for f in findings
            if f.code == expected.code
            and f.sheet == expected.sheet
            and (expected.row is None or f.row == expected.row)
            and (expected.column is None or f.column == expected.column)
            and expected.text in f.message.zh
            and expected.fix in f.fix.zh
        ]
        shown = [(f.code, f.sheet, f.row, f.column, f.message.zh, f.fix.zh) for f in findings]
        assert matches, f"{expected} not in {shown}"
        # Every finding speaks both languages.
        assert all(m.message.en and m.fix.en for m in matches)


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 15


def test_every_cell_problem_is_reported_at_once(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", "不详")
        set_cell(grids, S, 3, "满意度", 0)
        set_cell(grids, S, 4, "服务性质", "部分有偿")
        set_cell(grids, "资源目录", 2, "数量", "两台")
        grids["基本信息"][3][1] = None  # 备案编号

    result = read_dossier(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert result.dossier is None
    where = [(f.sheet, f.row, f.column, f.code) for f in result.findings]
    assert where == [
        ("基本信息", 4, "备案编号", "cell.required"),
        ("资源目录", 2, "数量", "cell.bad_number"),
        (S, 2, "服务日期", "cell.bad_date"),
        (S, 3, "满意度", "cell.out_of_range"),
        (S, 4, "服务性质", "cell.bad_choice"),
    ]


def test_findings_speak_english_too(tmp_path: Path) -> None:
    result = read_dossier(
        write_dossier_workbook(
            tmp_path / "平台A.xlsx", edit=lambda g: set_cell(g, S, 2, "服务日期", "soon")
        )
    )
    [finding] = result.findings
    assert finding.location("en") == "服务记录, row 2, 服务日期"
    assert finding.message.get("en") == "'soon' is not a valid date"
    assert "2024-03-01, 2024/3/1 or 2024年3月1日" in finding.fix.get("en")


def test_a_huge_bad_column_gives_a_readable_list(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        template = grids[S][1]
        grids[S][1:] = [template[:] for _ in range(5000)]
        for row in grids[S][1:]:
            row[column_of(grids, S, "满意度")] = "很好"

    result = read_dossier(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert len(result.findings) == MAX_CELL_FINDINGS + 1
    assert result.findings[-1].message.zh == f"还有 {5000 - MAX_CELL_FINDINGS} 处同类问题未列出"


def test_a_missing_file_is_a_finding(tmp_path: Path) -> None:
    result = read_dossier(tmp_path / "nowhere.xlsx")
    assert [f.code for f in result.findings] == ["file.missing"]


def test_max_rows_counts_data_rows(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        grids[S][1:] = [grids[S][1][:] for _ in range(1000)]

    path = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert len(read_ok(path, max_rows=1000).services) == 1000


def test_rows_are_counted_even_without_a_dimension(tmp_path: Path) -> None:
    path = million_row_workbook(tmp_path / "平台A.xlsx", dimension=False)
    [finding] = read_dossier(path).findings
    assert finding.code == "sheet.too_many_rows"
    assert "超过 200,000" in finding.message.zh


@pytest.fixture(scope="module")
def million_rows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return million_row_workbook(tmp_path_factory.mktemp("million") / "平台A.xlsx")


def test_a_million_rows_are_refused_without_reading_them(
    million_rows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jlpanel.exchange import dossier_reader

    loaded: list[str] = []
    load_sheet = dossier_reader.load_sheet

    def recording_load_sheet(path: Path, archive: Any, workbook: Any, name: str, *rest: Any) -> Any:
        loaded.append(name)
        return load_sheet(path, archive, workbook, name, *rest)

    monkeypatch.setattr(dossier_reader, "load_sheet", recording_load_sheet)
    result = read_dossier(million_rows)
    [finding] = result.findings
    assert (finding.code, finding.sheet) == ("sheet.too_many_rows", S)
    # The declared dimension is not trusted: the rows are counted until past the limit.
    assert finding.message.zh == "工作表“服务记录”有超过 200,000 行，超过上限 200,000 行"
    # Refused from the counted extent: calamine never parses the million rows into cells.
    assert S not in loaded


def test_a_sheet_of_only_headers_gives_an_empty_table(tmp_path: Path) -> None:
    def edit(grids: Grids) -> None:
        del grids[S][1:]

    assert read_ok(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)).services == ()


def test_the_reader_never_raises_on_junk(tmp_path: Path) -> None:
    path = write_dossier_workbook(tmp_path / "平台A.xlsx")
    data = bytearray(path.read_bytes())
    for offset in range(200, len(data), max(1, len(data) // 25)):
        broken = bytearray(data)
        broken[offset : offset + 16] = b"\xff" * 16
        path.write_bytes(bytes(broken))
        result = read_dossier(path)
        assert result.dossier is None or result.dossier == sample_dossier()


def test_grid_helpers_round_trip(tmp_path: Path) -> None:
    grids = dossier_grids(sample_dossier())
    path = write_grids(tmp_path / "平台A.xlsx", grids)
    assert dataclasses.replace(read_ok(path)) == sample_dossier()


def test_a_misspelt_sheet_holding_data_refuses_the_dossier_naming_the_sheet(
    tmp_path: Path,
) -> None:
    # Issue 12: this was a warning and the outcomes were dropped; data must never vanish.
    def edit(grids: Grids) -> None:
        grids["服务成果"] = grids.pop("服务成效")

    result = read_dossier(write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit))
    assert result.dossier is None
    [finding] = result.errors
    assert (finding.code, finding.sheet) == ("sheet.unplaced", "服务成果")
    assert "是否应为“服务成效”" in finding.message.zh


CELL_VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["是", "否", "2024-03-01", "1,234.5", "80%", "2024年", "#N/A", "", " "]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**20), 10**20),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(CELL_VALUES, max_size=30))
def test_every_column_parser_takes_any_cell_without_raising(values: list[object]) -> None:
    for spec in SHEETS:
        for column in spec.columns:
            parsed, has_bad = parse_column(column, values)
            assert len(parsed) == len(values)
            assert has_bad == any(type(v) in (BadCell, FixedCell) for v in parsed)
            assert all(v is None or type(v) is BadCell or v != "" for v in parsed)


def test_records_built_a_column_at_a_time_are_those_the_constructor_builds() -> None:
    # Rows of a sheet become frozen records through their slots, a column at a time: equal,
    # hashed and frozen as the constructor's, missing columns None, a derived column derived.
    from jlpanel.domain.dossier import FundingLine, ServiceRecord
    from jlpanel.exchange.dossier_reader import _records
    from jlpanel.exchange.table_reader import TableRows

    services = TableRows(
        [3, 4],
        {
            "service_date": [dt.date(2025, 1, 2), None],
            "user_unit": ["甲单位", "乙单位"],
            "volume": [1.5, None],
            "satisfaction": [5, None],
        },
    )
    built = _records(services, ServiceRecord)
    expected = (
        ServiceRecord(3, dt.date(2025, 1, 2), "甲单位", volume=1.5, satisfaction=5),
        ServiceRecord(4, user_unit="乙单位"),
    )
    assert built == expected
    assert [hash(r) for r in built] == [hash(r) for r in expected]
    assert [repr(r) for r in built] == [repr(r) for r in expected]
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].volume = 2.0  # type: ignore[misc]
    funding = _records(TableRows([2], {"year": [2024], "category": ["财政"]}), FundingLine)
    assert funding == (FundingLine(2, 2024, "财政", is_income=True),)
