"""The results workbook is written streaming (issue 16): rows in order, read a few experts at a
time, never the whole 评分明细 in memory — and the workbook reads back as before.

The cycle is the worked one of ``test_export_details`` (two platforms, three experts, bonus and
veto rows, a formula-like name and comments).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from factories import small_workspace
from test_export_details import PLATFORMS, SHEETS

from jlpanel.exchange.results_workbook import Column, ColumnKind, Sheet, write_workbook
from jlpanel.services import export
from jlpanel.services.export import export_results
from jlpanel.services.workspace import open_workspace


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return small_workspace(tmp_path / "小周期.jlpanel", PLATFORMS, SHEETS, step=0.01)


def values(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def cell_formats(path: Path, sheet_number: int) -> dict[str, str]:
    """Each written cell's number format code (by reference), resolved through styles.xml."""
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
        sheet = z.read(f"xl/worksheets/sheet{sheet_number}.xml").decode()
    codes = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', styles))
    xfs_part = re.search(r"<cellXfs [^>]*>(.*?)</cellXfs>", styles, re.S)
    assert xfs_part is not None
    xfs = [
        codes.get(n, {"0": "General", "1": "0"}.get(n, n))
        for n in re.findall(r'<xf numFmtId="(\d+)"', xfs_part.group(1))
    ]
    return {
        ref: xfs[int(style or 0)]
        for ref, style in re.findall(r'<c r="([A-Z]+\d+)"(?: s="(\d+)")?', sheet)
    }


def test_a_sheet_streamed_from_a_generator_is_written_whole(tmp_path: Path) -> None:
    """A sheet's rows may be a one-shot iterator: read once, written in order, filter over all."""
    read: list[int] = []

    def rows() -> Iterator[Sequence[Any]]:
        for n in range(1, 1001):
            read.append(n)
            yield (f"JL-{n:04d}", n, n / 3)

    columns = (
        Column("备案编号"),
        Column("名次", ColumnKind.INTEGER, 7),
        Column("得分", ColumnKind.SCORE, 9),
    )
    out = tmp_path / "流式.xlsx"
    write_workbook(out, [Sheet("结果", columns, rows(), frozen_columns=1)], score_decimals=2)

    assert read == list(range(1, 1001))
    table = values(out)["结果"]
    assert table[0] == ["备案编号", "名次", "得分"]
    assert table[1] == ["JL-0001", 1.0, 0.33]
    assert table[1000] == ["JL-1000", 1000.0, 333.33]
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<autoFilter ref="A1:C1001"/>' in sheet
    assert re.search(r'<row r="1"[^>]*ht="30" customHeight="1">', sheet)
    formats = cell_formats(out, 1)
    assert (formats["B2"], formats["C1000"], formats["C1001"]) == ("0", "0.00", "0.00")


def test_the_scores_read_a_few_experts_at_a_time_come_out_in_the_same_order(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One expert per chunk (three chunks) gives the very workbook all at once does."""
    with open_workspace(store) as ws:
        whole = export_results(ws, tmp_path / "一次.xlsx")
    monkeypatch.setattr(export, "EXPERTS_PER_CHUNK", 1)
    with open_workspace(store) as ws:
        chunked = export_results(ws, tmp_path / "分块.xlsx")
        csv = export_results(ws, tmp_path / "分块.csv", table="scores")

    assert values(chunked) == values(whole)
    scores = values(chunked)["评分明细"]
    experts = [row[0] for row in scores[1:]]
    assert experts == sorted(experts) and len(set(experts)) == 3
    assert len(scores) == 1 + 6 * 3 + 2 + 1
    assert len(csv.read_bytes().decode("utf-8-sig").splitlines()) == len(scores)
    for n in range(1, 6):
        assert cell_formats(chunked, n) == cell_formats(whole, n)


def test_every_sheet_keeps_its_number_formats_widths_and_frozen_panes(
    store: Path, tmp_path: Path
) -> None:
    with open_workspace(store) as ws:
        out = export_results(ws, tmp_path / "结果.xlsx")
    scores = cell_formats(out, 2)
    # 评分明细: points (G) two decimals, revision (J) whole, text General.
    assert (scores["G2"], scores["J2"], scores["A2"]) == ("0.00", "0", "General")
    results = cell_formats(out, 1)
    assert results["E2"] == "0.00" and results["A2"] == "0" and results["B2"] == "General"
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
    assert '<col min="3" max="3" width="36.7109375"' in sheet
    assert '<pane xSplit="1" ySplit="1"' in sheet
    assert '<autoFilter ref="A1:K22"/>' in sheet


def add_other_cycle(store: Path) -> None:
    """A second cycle in the same store, with its own platform, expert and scores (a bonus
    item and a veto claim among them), written as another jlpanel would have."""
    import sqlite3

    con = sqlite3.connect(store, isolation_level=None)
    try:
        con.execute("BEGIN")
        con.execute(
            "INSERT INTO cycles (id, name, period_start, period_end, language, rubric_json,"
            " rules_json, created_at) SELECT 'other-cycle', '往年周期', period_start, period_end,"
            " language, rubric_json, rules_json, created_at FROM cycles"
        )
        platform = con.execute(
            "INSERT INTO platforms (cycle_id, filing_no, name, host_unit, imported_at)"
            " VALUES ('other-cycle', 'JL-001', '往年的平台', '往年的单位', '2024-06-01 00:00:00')"
        ).lastrowid
        expert = con.execute(
            "INSERT INTO experts (cycle_id, name) VALUES ('other-cycle', '往年专家')"
        ).lastrowid
        sheet = con.execute(
            "INSERT INTO score_sheets (expert_id, platform_id, provenance, revision, merged_at)"
            " VALUES (?, ?, 'package', 1, '2024-06-01 00:00:00')",
            (expert, platform),
        ).lastrowid
        con.execute(
            "INSERT INTO indicator_scores (sheet_id, indicator_code, points) VALUES (?, 'A1', 9)",
            (sheet,),
        )
        con.execute(
            "INSERT INTO bonus_scores (sheet_id, item_code, points) VALUES (?, 'X1', 1)", (sheet,)
        )
        con.execute(
            "INSERT INTO veto_claims (sheet_id, veto_code, reason) VALUES (?, 'no_service', '无')",
            (sheet,),
        )
        con.execute("COMMIT")
    finally:
        con.close()


def test_the_scores_of_another_cycle_in_the_store_stay_out(store: Path, tmp_path: Path) -> None:
    add_other_cycle(store)
    with open_workspace(store, cycle="测试周期") as ws:
        this = values(export_results(ws, tmp_path / "本周期.xlsx"))["评分明细"]
    with open_workspace(store, cycle="往年周期") as ws:
        other = values(export_results(ws, tmp_path / "往年.xlsx"))["评分明细"]

    assert len(this) == 1 + 6 * 3 + 2 + 1
    assert {row[0] for row in this[1:]} == {"张三", "李四", "王五"}
    assert [(row[0], row[2], row[3]) for row in other[1:]] == [
        ("往年专家", "往年的平台", "指标"),
        ("往年专家", "往年的平台", "加分项"),
        ("往年专家", "往年的平台", "一票否决"),
    ]
