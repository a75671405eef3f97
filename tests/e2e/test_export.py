"""The results export of the small scored cycle of test_reports, read back with pandas."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_reports import DAY, PLATFORM_NAMES, TOTALS

from jlpanel.domain.exact import round_half_up
from jlpanel.domain.rules import Grade
from jlpanel.exchange.history_sheet import HistoryRow, write_history_sheet
from jlpanel.services.errors import UserError
from jlpanel.services.export import export_results
from jlpanel.services.history import import_history
from jlpanel.services.results import compute_workspace_results
from jlpanel.services.workspace import Workspace, open_workspace

SHEETS = ["结果汇总", "评分明细", "指标均分", "决定", "历史"]


@pytest.fixture
def ws(scored: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / scored.name
    shutil.copyfile(scored, copy)
    sheet = tmp_path / "历史名单.xlsx"
    write_history_sheet(
        sheet,
        [
            HistoryRow(
                "JLPT-2023-104",
                "2024年度考核",
                Grade.PASS,
                PLATFORM_NAMES[104],
                dt.date(2024, 12, 31),
            )
        ],
    )
    with open_workspace(copy) as workspace:
        assert import_history(workspace, sheet).ok
        yield workspace


def read(path: Path) -> dict[str, Any]:
    import pandas as pd

    return pd.read_excel(path, sheet_name=None, engine="calamine")


def test_the_workbook_has_every_sheet_with_its_header(ws: Workspace, tmp_path: Path) -> None:
    out = export_results(ws, tmp_path / "结果.xlsx", decision_date=DAY)
    book = read(out)
    assert list(book) == SHEETS
    assert list(book["结果汇总"].columns[:7]) == [
        "名次",
        "备案编号",
        "平台名称",
        "依托单位",
        "得分",
        "等级",
        "处理意见",
    ]
    assert list(book["评分明细"].columns) == [
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
    assert list(book["决定"].columns[:5]) == [
        "备案编号",
        "平台名称",
        "等级",
        "处理意见",
        "整改期限",
    ]
    assert list(book["历史"].columns) == [
        "备案编号",
        "平台名称",
        "考核周期",
        "周期截止",
        "等级",
        "处理意见",
        "取消申报资格",
        "结果可定",
        "来源",
    ]
    # The summary names its cycle, its period end and each bar: it imports as history.
    assert list(book["结果汇总"].columns[-4:]) == [
        "结果可定",
        "取消申报资格",
        "考核周期",
        "周期截止",
    ]
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_results_sheet_matches_the_computed_results(ws: Workspace, tmp_path: Path) -> None:
    results = compute_workspace_results(ws, decision_date=DAY)
    table = read(export_results(ws, tmp_path / "r.xlsx", decision_date=DAY))["结果汇总"]
    assert list(table["备案编号"]) == [f"JLPT-2023-{p}" for p in (101, 102, 103, 104)]
    for row in table.itertuples(index=False):
        pid = int(row[1][-3:])
        r = results.by_id(str(pid))
        assert row[0] == r.rank
        assert row[2] == PLATFORM_NAMES[pid]
        assert row[4] == pytest.approx(float(r.score))
        assert row[5] == (r.grade.label.zh if r.grade else "")
    assert list(table["得分"]) == pytest.approx([92.33, 80.5, 68.0, 52.33])
    assert list(table["合议调整"]) == ["否", "是", "否", "否"]
    assert list(table["结果可定"]) == ["是", "是", "否", "是"]
    assert list(table["有效评分"]) == [3, 3, 2, 3]


def test_every_score_in_long_format(ws: Workspace, tmp_path: Path) -> None:
    scores = read(export_results(ws, tmp_path / "r.xlsx", decision_date=DAY))["评分明细"]
    sheets = sum(len(t) for t in TOTALS.values())
    assert len(scores) == sheets * 15
    totals = scores.groupby(["专家", "备案编号"])["得分"].sum()
    assert totals[("赵明远", "JLPT-2023-104")] == 50.0
    assert totals[("孙立群", "JLPT-2023-101")] == 92.0
    assert set(scores["来源"]) == {"评审包"}
    assert set(scores["版本"]) == {1}
    assert set(scores["计入结果"]) == {"是"}
    assert set(scores["类别"]) == {"指标"}  # no bonus item or veto claim in this cycle
    commented = scores.dropna(subset=["意见或理由"])
    assert set(commented["备案编号"]) == {"JLPT-2023-104"}
    assert set(commented["编号"]) == {"B1"} and len(commented) == 3


def test_indicator_means_decisions_and_history(ws: Workspace, tmp_path: Path) -> None:
    results = compute_workspace_results(ws, decision_date=DAY)
    book = read(export_results(ws, tmp_path / "r.xlsx", decision_date=DAY))
    means = book["指标均分"].set_index("备案编号")
    a1 = next(c for c in means.columns if c.startswith("A1 "))
    for pid in (101, 104):
        r = results.by_id(str(pid))
        # means are written rounded half up to two decimals (92.333… → 92.33)
        assert means.loc[f"JLPT-2023-{pid}", a1] == float(round_half_up(r.indicators["A1"].mean))
        assert means.loc[f"JLPT-2023-{pid}", "专家总分均值"] == float(round_half_up(r.total.mean))
    decisions = book["决定"].set_index("备案编号")
    assert decisions.loc["JLPT-2023-104", "处理意见"] == "限期整改"
    deadline = decisions.loc["JLPT-2023-104", "整改期限"]
    assert deadline.date() == dt.date(2027, 3, 15)
    assert decisions.loc["JLPT-2023-101", "后补助候选排序"] == 1
    assert "B3" in decisions.loc["JLPT-2023-102", "合议调整理由"]
    history = book["历史"]
    assert list(history["备案编号"]) == ["JLPT-2023-104"]
    assert list(history["等级"]) == ["合格"]


def test_the_csv_opens_in_excel_with_chinese_intact(ws: Workspace, tmp_path: Path) -> None:
    out = export_results(ws, tmp_path / "结果.csv", decision_date=DAY)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    # Text is quoted (a tab or semicolon in it never starts a cell), numbers and dates bare.
    assert lines[0].startswith('"名次","备案编号","平台名称","依托单位","得分","等级","处理意见"')
    assert len(lines) == 5
    assert lines[1].startswith(
        f'1,"JLPT-2023-101","{PLATFORM_NAMES[101]}","吉林省第1研究院",92.33,"优秀"'
    )
    assert ",2027-03-15," in lines[4]


def test_other_suffixes_are_refused(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError):
        export_results(ws, tmp_path / "results.ods")
    assert not (tmp_path / "results.ods").exists()


def test_english_export(ws: Workspace, tmp_path: Path) -> None:
    book = read(export_results(ws, tmp_path / "r.xlsx", language="en", decision_date=DAY))
    assert list(book) == ["Results", "Scores", "Indicator means", "Decisions", "History"]
    assert list(book["Results"]["Grade"]) == ["Excellent", "Good", "Pass", "Fail"]
