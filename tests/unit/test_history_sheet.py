"""The history sheet (考核历史): written, read back, and refused with every problem named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jlpanel.domain.dossier import Severity
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.exchange.history_sheet import (
    HISTORY_SHEET,
    HistoryRow,
    decision_from_label,
    read_history_sheet,
    write_history_sheet,
    write_history_template,
)

END = dt.date(2023, 12, 31)
EARLIER = dt.date(2021, 12, 31)


def workbook(path: Path, rows: list[list[object]], *, sheet: str = HISTORY_SHEET) -> Path:
    """A workbook as a person would make it in Excel: one sheet, the given cells."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(
                    r,
                    c,
                    dt.datetime.combine(value, dt.time()),
                    book.add_format({"num_format": "yyyy-mm-dd"}),
                )
            elif value is not None:
                ws.write(r, c, value)
    book.close()
    return path


def test_written_rows_read_back_the_same(tmp_path: Path) -> None:
    rows = [
        HistoryRow("JLGX-2017-001", "2024年度考核评价", Grade.EXCELLENT, "吉林省甲平台", END),
        HistoryRow(
            "JLGX-2021-022",
            "2024年度考核评价",
            Grade.FAIL,
            "吉林省乙资源库",
            END,
            DecisionKind.DISQUALIFY,
            barred=True,
            is_final=False,
        ),
        HistoryRow(
            "JLGX-2021-022", "2022年度考核评价", Grade.PASS, "", EARLIER, DecisionKind.MAINTAIN
        ),
    ]
    path = tmp_path / "history.xlsx"
    write_history_sheet(path, rows)
    read = read_history_sheet(path)
    assert read.ok, read.findings
    assert read.rows == rows
    assert read.source_rows == [2, 3, 4]
    assert read.sheet == HISTORY_SHEET
    assert read.source_sheets == [HISTORY_SHEET] * 3


def test_english_headers_grades_and_a_title_row_are_understood(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["Grades of the previous cycle"],
            ["Grade", "Filing no", "Cycle", "Period end", "Platform"],
            ["Excellent", "JL-1", "2024 cycle", "2023-12-31", "A"],
            ["fail", " JL-2 ", "2024 cycle", END, "B"],
            [None, None, None, None, None],
            ["合格", "JL-3", "2024 cycle", END, None],
        ],
        sheet="History",
    )
    read = read_history_sheet(path)
    assert read.ok, read.findings
    assert [(r.filing_no, r.grade, r.cycle_end) for r in read.rows] == [
        ("JL-1", Grade.EXCELLENT, END),
        ("JL-2", Grade.FAIL, END),
        ("JL-3", Grade.PASS, END),
    ]
    assert read.source_rows == [3, 4, 6]
    # Without those columns a row is final, not barred, and has no decision recorded.
    assert {(r.decision, r.barred, r.is_final) for r in read.rows} == {(None, False, True)}


def test_a_row_without_its_period_end_is_refused_naming_the_row(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["备案编号", "考核周期", "周期截止", "等级"],
            ["JL-1", "2024年度", END, "良好"],
            ["JL-2", "2022年度", None, "不合格"],
        ],
    )
    read = read_history_sheet(path)
    assert not read.ok and read.rows == []
    (error,) = read.errors
    assert (error.code, error.sheet, error.row, error.column) == (
        "history.no_cycle_end",
        HISTORY_SHEET,
        3,
        "考核期止",
    )
    assert "第 3 行" in error.message.zh and "Row 3" in error.message.en
    assert "上一次" in error.message.zh


def test_a_sheet_without_a_period_end_column_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx", [["备案编号", "考核周期", "等级"], ["JL-1", "2024年度", "良好"]]
    )
    read = read_history_sheet(path)
    (missing,) = read.errors
    assert (missing.code, missing.column) == ("column.missing", "考核期止")
    assert "上一次考核" in missing.message.zh


def test_decisions_bars_and_final_flags_are_read_in_either_language(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["备案编号", "考核周期", "考核期止", "等级", "处理意见", "取消申报资格", "已确定"],
            ["JL-1", "2024年度", END, "不合格", "取消资格", "是", "否"],
            ["JL-2", "2024年度", END, None, "Status revoked", "yes", "no"],
            ["JL-3", "2024年度", END, "不合格", "限期整改", "否", "是"],
            ["JL-4", "2024年度", END, "良好", "后补助候选", None, None],
            ["JL-5", "2024年度", END, "合格", "保持资格", "否", "是"],
            ["JL-6", "2024年度", END, "Pass", "pending", "no", "no"],
            ["JL-7", "2024年度", END, None, "待定（有效评分不足）", "否", "否"],
            ["JL-8", "2024年度", END, None, None, "是", "否"],
        ],
    )
    read = read_history_sheet(path)
    assert read.ok, read.findings
    got = {r.filing_no: (r.grade, r.decision, r.barred, r.is_final) for r in read.rows}
    assert got == {
        "JL-1": (Grade.FAIL, DecisionKind.DISQUALIFY, True, False),
        # Disqualified or barred without a grade: a veto is 不合格 (DESIGN §5).
        "JL-2": (Grade.FAIL, DecisionKind.DISQUALIFY, True, False),
        "JL-3": (Grade.FAIL, DecisionKind.RECTIFY, False, True),
        "JL-4": (Grade.GOOD, DecisionKind.FUNDING_CANDIDATE, False, True),
        "JL-5": (Grade.PASS, DecisionKind.MAINTAIN, False, True),
        "JL-6": (Grade.PASS, DecisionKind.PENDING, False, False),
        "JL-8": (Grade.FAIL, None, True, False),
    }
    # JL-7 had no result at all: nothing to carry, left out with a warning naming its row.
    (warning,) = read.warnings
    assert (warning.code, warning.row) == ("history.nothing_to_carry", 8)


def test_bad_decisions_and_a_final_row_without_a_grade_are_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["备案编号", "考核周期", "考核期止", "等级", "处理意见", "取消申报资格"],
            ["JL-1", "2024年度", END, "合格", "表扬", None],
            ["JL-2", "2024年度", END, None, "限期整改", None],
        ],
    )
    read = read_history_sheet(path)
    assert not read.ok and read.rows == []
    found = {(f.code, f.row, f.column) for f in read.errors}
    assert found == {
        ("history.bad_decision", 2, "处理意见"),
        ("history.no_grade", 3, "等级"),
    }


def test_decision_labels() -> None:
    assert decision_from_label(" 取消资格 ") is DecisionKind.DISQUALIFY
    assert decision_from_label("Rectify within a deadline") is DecisionKind.RECTIFY
    assert decision_from_label("funding_candidate") is DecisionKind.FUNDING_CANDIDATE
    assert decision_from_label("Post-hoc funding candidate") is DecisionKind.FUNDING_CANDIDATE
    with pytest.raises(ValueError):
        decision_from_label("良好")


def test_every_problem_is_reported_with_its_row_and_column(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            ["备案编号", "平台名称", "考核周期", "考核期止", "等级"],
            ["JL-1", "甲", "2024年度", END, "很好"],
            ["JL-2", "乙", "2024年度", END, "良好"],
            ["JL-2", "乙", "2024年度", END, "合格"],
            ["JL-3", "丙", None, END, "合格"],
            ["JL-4", "丁", "2024年度", "2024-13-45", "合格"],
        ],
    )
    read = read_history_sheet(path)
    assert not read.ok and read.rows == []
    by_code = {f.code: f for f in read.errors}
    assert set(by_code) >= {"cell.required", "cell.bad_date"}
    assert (by_code["cell.required"].row, by_code["cell.required"].column) == (5, "考核周期")
    assert (by_code["cell.bad_date"].row, by_code["cell.bad_date"].column) == (6, "考核期止")


def test_bad_grades_and_duplicates_refuse_the_sheet(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            ["备案编号", "平台名称", "考核周期", "考核期止", "等级"],
            ["JL-1", "甲", "2024年度", END, "很好"],
            ["JL-2", "乙", "2024年度", END, "良好"],
            ["JL-2", "乙", "2024年度", END, "合格"],
            ["JL-3", "丙", "2024年度", dt.date(2024, 6, 30), "合格"],
        ],
    )
    read = read_history_sheet(path)
    assert not read.ok
    found = {(f.code, f.row, f.column) for f in read.errors}
    assert ("history.bad_grade", 2, "等级") in found
    assert ("history.duplicate", 4, "备案编号") in found
    assert ("history.cycle_end_differs", 5, "考核期止") in found
    bad_grade = next(f for f in read.errors if f.code == "history.bad_grade")
    assert "很好" in bad_grade.message.zh and "优秀、良好、合格、不合格" in bad_grade.fix.zh


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx", [["备案编号", "考核周期", "考核期止"], ["JL-1", "2024年度", END]]
    )
    read = read_history_sheet(path)
    assert not read.ok
    (missing,) = [f for f in read.errors if f.code == "column.missing"]
    assert missing.column == "等级"


def test_the_blank_template_reads_as_empty_with_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_history_template(path)
    read = read_history_sheet(path)
    assert [f.code for f in read.errors] == ["history.empty"]


@pytest.mark.parametrize(
    "content", [b"%PDF-1.4 not a workbook", b"plain text, renamed", b"", b"PK\x03\x04broken"]
)
def test_files_that_are_not_workbooks_are_refused_without_raising(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "history.xlsx"
    path.write_bytes(content)
    read = read_history_sheet(path)
    assert not read.ok and read.rows == []
    assert all(f.severity is Severity.ERROR for f in read.errors)
    assert read.errors[0].message.zh and read.errors[0].fix.zh


def test_a_missing_file_is_a_finding(tmp_path: Path) -> None:
    read = read_history_sheet(tmp_path / "nowhere.xlsx")
    assert not read.ok
    assert read.errors


# ----------------------------------------------------------- identities (issue 12 item 5)


def test_cells_are_kept_cleaned_with_a_warning_naming_each_cell(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["备案编号", "平台名称", "考核周期", "考核期止", "等级", "处理意见"],
            ["ＪＬ－２０２４－００１", "吉林省\u200b甲平台", "2024年度", END, "良\u200d好", None],
            ["JL-2024-002\u202e", "乙", "２０２４年度\x1b", END, "不合格", "限期\u2060整改"],
        ],
    )
    read = read_history_sheet(path)
    assert read.ok, read.findings
    assert [(r.filing_no, r.platform_name, r.cycle_name, r.grade) for r in read.rows] == [
        ("JL-2024-001", "吉林省甲平台", "2024年度", Grade.GOOD),
        ("JL-2024-002", "乙", "2024年度", Grade.FAIL),
    ]
    assert read.rows[1].decision is DecisionKind.RECTIFY
    warned = {(f.code, f.row, f.column) for f in read.findings}
    # Full-width letters and digits are folded without a word; invisible characters are not.
    assert warned == {
        ("text.invisible_removed", 2, "平台名称"),
        ("text.invisible_removed", 2, "等级"),
        ("text.invisible_removed", 3, "备案编号"),
        ("text.invisible_removed", 3, "考核周期"),
        ("text.invisible_removed", 3, "处理意见"),
    }
    assert all(f.severity is Severity.WARNING for f in read.findings)
    filing = next(f for f in read.findings if f.column == "备案编号")
    assert "U+202E" in filing.message.zh and "U+202E" in filing.message.en


def test_a_filing_number_of_invisible_characters_only_is_refused(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["备案编号", "考核周期", "考核期止", "等级"],
            ["JL-1", "2024年度", END, "良好"],
            ["\u200b\u200b", "2024年度", END, "良好"],
        ],
    )
    read = read_history_sheet(path)
    assert not read.ok and read.rows == []
    (error,) = read.errors
    assert (error.code, error.row, error.column) == ("cell.required", 3, "备案编号")


@pytest.mark.parametrize(
    ("spelling", "cleaned"),
    [
        ("jl-2024-001", "jl-2024-001"),
        ("JL\u200b-2024-001", "JL-2024-001"),
        ("ＪＬ－２０２４－００１", "JL-2024-001"),
        ("JL 2024 001", "JL2024001"),
        ("\u0408L-2024-001", "\u0408L-2024-001"),  # Cyrillic Ј
    ],
)
def test_two_spellings_of_one_filing_number_are_a_duplicate_naming_both_rows(
    tmp_path: Path, spelling: str, cleaned: str
) -> None:
    path = workbook(
        tmp_path / "h.xlsx",
        [
            ["备案编号", "考核周期", "考核期止", "等级"],
            ["JL-2024-001", "2024年度", END, "良好"],
            ["JL-2024-002", "2024年度", END, "合格"],
            [spelling, "2024年度", END, "不合格"],
            # The same platform in another cycle is no duplicate.
            [spelling, "2022年度", EARLIER, "合格"],
        ],
    )
    read = read_history_sheet(path)
    assert not read.ok and read.rows == []
    (duplicate,) = read.errors
    assert (duplicate.code, duplicate.row, duplicate.column) == ("history.duplicate", 4, "备案编号")
    assert "第 2 行和第 4 行" in duplicate.message.zh
    assert "rows 2 and 4" in duplicate.message.en
    assert "JL-2024-001" in duplicate.message.zh
    # Spelled otherwise once cleaned: both spellings are named, and why they are one.
    differs = cleaned != "JL-2024-001"
    assert (f"“{cleaned}”" in duplicate.message.zh) == differs
    assert ("视为同一编号" in duplicate.message.zh) == differs
    assert ("are one filing number" in duplicate.message.en) == differs
