"""The exports on a small worked cycle: bonus and veto rows, rounded statistics, BOM, guard.

Two platforms, three experts. On JL-001 the experts' totals are 89.47, 89.46 and 89.46 (two
of them with a bonus item), so the range is 0.01 and the mean 268.39 / 3 = 89.4633… → 89.46.
On JL-002 李四 claims the no-service veto. The platform name of JL-002 and two comments start
with = or -, as a formula would.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from factories import StoredSheet, small_workspace

from jlpanel.cli import main
from jlpanel.domain.exact import round_half_up
from jlpanel.services.export import EXPORT_TABLES, export_results
from jlpanel.services.results import compute_workspace_results
from jlpanel.services.workspace import open_workspace

BOM = b"\xef\xbb\xbf"
HOSTILE_NAME = '=HYPERLINK("http://example.invalid","乙")'
PLATFORMS = {
    "JL-001": ("吉林省甲科学仪器共享平台", "吉林省甲研究院"),
    "JL-002": (HOSTILE_NAME, "吉林省乙大学"),
}
COMMENTS = {"A1": "评语", "B1": "评语", "C1": "评语"}
VETO_REASON = "考核期内无对外服务记录"
SHEETS = [
    StoredSheet(
        "张三", "JL-001", {"A1": "31.47", "B1": "36.5", "C1": "20"}, COMMENTS, {"X1": "1.5"}
    ),
    StoredSheet("李四", "JL-001", {"A1": "31.46", "B1": "36.5", "C1": "21.5"}, COMMENTS),
    StoredSheet(
        "王五", "JL-001", {"A1": "31.46", "B1": "36.5", "C1": "20.5"}, COMMENTS, {"X2": "1"}
    ),
    StoredSheet(
        "张三", "JL-002", {"A1": "20", "B1": "25", "C1": "15"}, {**COMMENTS, "A1": "-材料不全"}
    ),
    StoredSheet(
        "李四",
        "JL-002",
        {"A1": "20", "B1": "25", "C1": "15"},
        {**COMMENTS, "B1": "=1+1"},
        vetoes={"no_service": VETO_REASON},
    ),
    StoredSheet("王五", "JL-002", {"A1": "20", "B1": "25", "C1": "15"}, COMMENTS),
]
SCORE_COLUMNS = [
    "专家",
    "备案编号",
    "平台名称",
    "类别",
    "编号",
    "名称",
    "得分",
    "意见或理由",
    "来源",
    "版本",
    "计入结果",
]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return small_workspace(tmp_path / "小周期.jlpanel", PLATFORMS, SHEETS, step=0.01)


def sheet_rows(path: Path, name: str) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


def as_dicts(rows: list[list[Any]]) -> list[dict[str, Any]]:
    header, *body = rows
    return [dict(zip(header, row, strict=True)) for row in body]


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    return list(csv.reader(io.StringIO(raw[len(BOM) :].decode("utf-8"), newline="")))


def test_every_expert_counts_and_the_totals_are_the_worked_ones(store: Path) -> None:
    with open_workspace(store) as ws:
        results = compute_workspace_results(ws)
    one, two = results.platforms if results.platforms[0].rank == 1 else results.platforms[::-1]
    assert one.n_valid == 3 and two.n_valid == 3
    assert sorted(round_half_up(t) for t in one.expert_totals.values()) == [
        round_half_up("89.46"),
        round_half_up("89.46"),
        round_half_up("89.47"),
    ]
    assert list(two.vetoes) == ["no_service"]


def test_the_scores_sheet_has_bonus_and_veto_rows(store: Path, tmp_path: Path) -> None:
    with open_workspace(store) as ws:
        out = export_results(ws, tmp_path / "结果.xlsx")
    rows = sheet_rows(out, "评分明细")
    assert rows[0] == SCORE_COLUMNS
    body = as_dicts(rows)
    assert len(body) == 6 * 3 + 2 + 1
    # 张三 on JL-001: the indicators in rubric order, then the bonus item
    zhang = [(r["类别"], r["编号"], r["得分"]) for r in body if r["专家"] == "张三"][:4]
    assert zhang == [
        ("指标", "A1", 31.47),
        ("指标", "B1", 36.5),
        ("指标", "C1", 20.0),
        ("加分项", "X1", 1.5),
    ]
    bonus = [r for r in body if r["类别"] == "加分项"]
    assert [(r["专家"], r["备案编号"], r["编号"], r["名称"], r["得分"]) for r in bonus] == [
        ("张三", "JL-001", "X1", "加分一", 1.5),
        ("王五", "JL-001", "X2", "加分二", 1.0),
    ]
    assert all(r["计入结果"] == "是" and r["来源"] == "评审包" for r in bonus)
    (veto,) = (r for r in body if r["类别"] == "一票否决")
    assert (veto["专家"], veto["备案编号"], veto["编号"], veto["名称"]) == (
        "李四",
        "JL-002",
        "no_service",
        "无实质服务",
    )
    assert veto["得分"] == "" and veto["意见或理由"] == VETO_REASON
    # The expert's veto row follows their indicator rows for the platform.
    li_two = [r["类别"] for r in body if r["专家"] == "李四" and r["备案编号"] == "JL-002"]
    assert li_two == ["指标", "指标", "指标", "一票否决"]


def test_the_workbook_writes_rounded_numbers_as_numbers(store: Path, tmp_path: Path) -> None:
    import zipfile

    with open_workspace(store) as ws:
        out = export_results(ws, tmp_path / "结果.xlsx")
    summary = {r["备案编号"]: r for r in as_dicts(sheet_rows(out, "结果汇总"))}
    one = summary["JL-001"]
    assert one["极差"] == 0.01  # the double nearest 0.01, never 0.01000000000001933
    assert one["算术平均"] == 89.46 and one["中位数"] == 89.46
    assert one["得分"] == 89.46 and one["标准差"] == 0.01
    assert summary["JL-002"]["等级"] == "不合格"
    # Every number in every sheet is a number (not text) with at most two decimals.
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(out))
    numbers = [
        v
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for v in row
        if isinstance(v, float)
    ]
    assert numbers and all(float(round_half_up(v)) == v for v in numbers)
    assert sheet_rows(out, "评分明细")[1][6] == 31.47  # a number, not "31.47"
    styles = zipfile.ZipFile(out).read("xl/styles.xml").decode("utf-8")
    assert 'formatCode="0.00"' in styles and 'formatCode="0.0"' not in styles


def test_the_csv_exports_start_with_a_bom_and_hold_rounded_numbers(
    store: Path, tmp_path: Path
) -> None:
    with open_workspace(store) as ws:
        summary = read_csv(export_results(ws, tmp_path / "结果.csv"))
        scores = read_csv(export_results(ws, tmp_path / "评分.csv", table="scores"))
    header, *rows = summary
    by_filing = {r[1]: dict(zip(header, r, strict=True)) for r in rows}
    one = by_filing["JL-001"]
    assert (one["得分"], one["算术平均"], one["中位数"], one["极差"], one["标准差"]) == (
        "89.46",
        "89.46",
        "89.46",
        "0.01",
        "0.01",
    )
    for table in (summary, scores):
        text = "\n".join(",".join(r) for r in table)
        assert not re.search(r"\d\.\d{3,}", text), "a number with more than two decimals"

    assert scores[0] == SCORE_COLUMNS
    body = [dict(zip(SCORE_COLUMNS, r, strict=True)) for r in scores[1:]]
    bonus = [(r["专家"], r["编号"], r["得分"]) for r in body if r["类别"] == "加分项"]
    assert bonus == [("张三", "X1", "1.50"), ("王五", "X2", "1.00")]
    (veto,) = (r for r in body if r["类别"] == "一票否决")
    assert (veto["专家"], veto["编号"], veto["得分"], veto["意见或理由"]) == (
        "李四",
        "no_service",
        "",
        VETO_REASON,
    )
    assert [r["得分"] for r in body if r["专家"] == "张三"][:3] == ["31.47", "36.50", "20.00"]


def test_the_csv_guards_text_that_looks_like_a_formula(store: Path, tmp_path: Path) -> None:
    with open_workspace(store) as ws:
        summary = read_csv(export_results(ws, tmp_path / "结果.csv"))
        scores = read_csv(export_results(ws, tmp_path / "评分.csv", table="scores"))
    names = {r[1]: r[2] for r in summary[1:]}
    assert names == {"JL-001": "吉林省甲科学仪器共享平台", "JL-002": "'" + HOSTILE_NAME}
    comments = {r[7] for r in scores[1:]}
    assert {"'-材料不全", "'=1+1"} <= comments
    assert "-材料不全" not in comments and "=1+1" not in comments
    # Numbers are never quoted: every score cell is a plain decimal.
    assert all(re.fullmatch(r"\d+\.\d\d", r[6]) for r in scores[1:] if r[3] != "一票否决")


def test_results_csv_on_the_command_line(store: Path, capsysbinary) -> None:
    assert main(["results", str(store), "--csv"]) == 0
    raw = capsysbinary.readouterr().out
    assert raw.startswith(BOM)
    assert b"\r\n" in raw and b"\r\r\n" not in raw
    rows = list(csv.reader(io.StringIO(raw[len(BOM) :].decode("utf-8"), newline="")))
    assert rows[0] == [
        "名次",
        "备案编号",
        "平台名称",
        "得分",
        "有效评分",
        "等级",
        "结果可定",
        "处理意见",
        "整改期限",
    ]
    assert rows[1][:7] == ["1", "JL-001", "吉林省甲科学仪器共享平台", "89.46", "3", "良好", "是"]
    assert rows[2][1:3] == ["JL-002", "'" + HOSTILE_NAME]
    assert rows[2][5] == "不合格"


def test_results_printed_on_the_command_line(store: Path, capsys) -> None:
    assert main(["results", str(store)]) == 0
    out = capsys.readouterr().out
    assert not out.startswith("\ufeff")
    first = out.splitlines()[1].split()
    assert first[:4] == ["1", "JL-001", "吉林省甲科学仪器共享平台", "89.46"]
    assert HOSTILE_NAME in out  # a printed table is not a spreadsheet: no apostrophe


def test_every_table_exports_as_csv_from_the_command_line(
    store: Path, tmp_path: Path, capsys
) -> None:
    book = tmp_path / "结果.xlsx"
    assert main(["export", str(store), str(book)]) == 0
    for table, sheet in zip(
        EXPORT_TABLES, ["结果汇总", "评分明细", "指标均分", "决定", "历史"], strict=True
    ):
        out = tmp_path / f"{table}.csv"
        assert main(["export", str(store), str(out), "--table", table]) == 0
        assert read_csv(out)[0] == sheet_rows(book, sheet)[0]
    assert main(["export", str(store), str(tmp_path / "x.csv"), "--table", "nonsense"]) == 2
    assert not (tmp_path / "x.csv").exists()
