"""The secretary's dashboard and the result lists on a small cycle scored through real packages.

Three experts (赵明远, 钱晓红, 孙立群) score four platforms in their review packages, submit
signed files, and the secretary merges them. 钱晓红 has a conflict with platform 103, so it
has two valid scores only. Every number below is worked out by hand from the sheets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import shutil
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from review_support import build_cycle

from jlpanel.domain.aggregation import DisagreementKind
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import BudgetSplit, Grade
from jlpanel.services import review as rv
from jlpanel.services.dashboard import (
    agreement_view,
    discussion_list,
    leniency_view,
    platform_panel,
    spread_chart_data,
)
from jlpanel.services.merge import merge_score_files
from jlpanel.services.packages import issue_packages
from jlpanel.services.panel import confirm_results
from jlpanel.services.results import (
    compute_and_store_results,
    compute_workspace_results,
    funding_ranking,
    grade_distribution,
    not_final,
    rectification_list,
    results_table,
    results_table_rows,
    stored_decision_date,
)
from jlpanel.services.workspace import Workspace, open_workspace, update_rules

ZHAO, QIAN, SUN = 900001, 900002, 900003
DAY = dt.date(2026, 3, 15)

Sheet = Mapping[str, float] | float


def points_for(rubric: Rubric, spec: Sheet) -> dict[str, float]:
    """Every indicator at its maximum less the deductions given; or, for a total, the
    shortfall taken from the last indicators first (none below half its maximum)."""
    points = {i.code: float(i.max_points) for i in rubric.indicators}
    if isinstance(spec, Mapping):
        for code, deduction in spec.items():
            points[code] -= deduction
        return points
    short = float(rubric.total_points) - spec
    for i in reversed(rubric.indicators):
        take = min(short, math.floor(i.max_points / 2 / i.step) * float(i.step))
        points[i.code] -= take
        short -= take
    assert short == 0, spec
    return points


def score_panel(
    ws: Workspace,
    folder: Path,
    sheets: Mapping[int, Mapping[int, Sheet]],
    *,
    vetoes: Mapping[tuple[int, int], tuple[str, str]] | None = None,
) -> list[Path]:
    """Each expert scores their package (80 where not given), submits; the files merged."""
    files: list[Path] = []
    for package in issue_packages(ws, folder / "packages", paper_sheets=False):
        with rv.open_package(package.path) as session:
            for platform in session.platforms:
                rv.declare(session, platform.id, False)
                spec = sheets.get(package.expert_id, {}).get(platform.id, 80.0)
                for code, value in points_for(session.rubric, spec).items():
                    rv.set_score(session, platform.id, code, value)
                    if session.rubric.indicator(code).requires_comment(value):
                        rv.set_comment(session, platform.id, code, "明显不足")
                veto = (vetoes or {}).get((package.expert_id, platform.id))
                if veto is not None:
                    rv.set_veto(session, platform.id, *veto)
            out = folder / "scores" / f"{package.expert_id}.jlscore"
            rv.submit(session, out)
            files.append(out)
    outcomes = merge_score_files(ws, files, backup_dir=None)
    assert all(o.ok for o in outcomes), [f.message.zh for o in outcomes for f in o.findings]
    return files


#: 101: 90 / 70 / 86 by hand-picked deductions; 102: close agreement; 103: no 钱晓红;
#: 104: 95 / 80 / 97, a second disagreement with a smaller spread.
SHEETS: dict[int, dict[int, Sheet]] = {
    ZHAO: {101: {"A1": 2, "B3": 5, "C2": 3}, 102: 75.0, 103: 60.0, 104: 95.0},
    QIAN: {
        101: {"A1": 4, "A2": 3, "A4": 3, "B1": 5, "B3": 6, "B5": 4, "C3": 3, "C5": 2},
        102: 77.0,
        104: 80.0,
    },
    SUN: {101: {"A1": 1, "B1": 3, "B3": 6, "C1": 2, "C2": 2}, 102: 73.0, 103: 64.0, 104: 97.0},
}


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scored")
    # Module scope runs before the function-scoped fixture that keeps user folders private.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        with build_cycle(folder, others_work=False) as workspace:
            score_panel(workspace, folder, SHEETS)
            return workspace.path


@pytest.fixture
def ws(scored: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / scored.name
    shutil.copyfile(scored, copy)
    with open_workspace(copy) as workspace:
        yield workspace


def test_the_platform_panel_shows_every_expert_beside_the_statistics(ws: Workspace) -> None:
    panel = platform_panel(ws, 101)
    assert (panel.filing_no, panel.name) == ("JLPT-2023-101", "吉林省第1分析测试资源共享服务平台")
    assert [(e.name, e.total) for e in panel.experts] == [
        ("赵明远", 90.0),
        ("钱晓红", 70.0),
        ("孙立群", 86.0),
    ]
    total = panel.total.summary
    assert total is not None
    # n = 3 < 5: the trimmed mean is the mean; (90 + 70 + 86) / 3 = 82.
    assert (total.n, total.mean, total.trimmed_mean, total.median) == (3, 82, 82, 86)
    assert total.range == 20.0
    # sd = √(((90−82)² + (70−82)² + (86−82)²) / 2) = √112
    assert total.stdev == pytest.approx(math.sqrt(112))
    assert (panel.score, panel.grade, panel.n_valid, panel.is_final) == (82.0, Grade.GOOD, 3, True)

    a1 = next(r for r in panel.indicators if r.code == "A1")
    assert a1.summary is not None
    assert (a1.summary.mean, a1.summary.median, a1.summary.range) == ((Decimal("7.67"), 8, 3))
    b3 = next(r for r in panel.indicators if r.code == "B3")
    assert b3.summary is not None and b3.max_points == 10
    assert (b3.summary.minimum, b3.summary.median, b3.summary.maximum) == (4.0, 4.0, 5.0)
    area_a = next(r for r in panel.areas if r.code == "A")
    assert area_a.summary is not None
    # A: 35 − 2, 35 − (4 + 3 + 3), 35 − 1
    assert area_a.summary.mean == Decimal("30.67")  # (33 + 25 + 34) / 3, shown rounded
    assert area_a.summary.median == 33.0
    zhao = panel.experts[0]
    assert (zhao.points["A1"], zhao.points["B3"], zhao.areas["A"]) == (8.0, 5.0, 33.0)
    assert zhao.from_median == 4.0 and not zhao.outlier

    # Range 20 > 15, and 钱晓红 is 16 from the median > 10.
    assert [(d.kind, d.amount, d.expert_name) for d in panel.disagreements] == [
        (DisagreementKind.RANGE, 20.0, None),
        (DisagreementKind.OUTLIER, 16.0, "钱晓红"),
    ]
    assert "钱晓红" in panel.disagreements[1].text
    assert panel.experts[1].outlier and panel.on_discussion_list
    assert panel.conflicted == () and panel.excluded == () and panel.adjustment is None


def test_a_conflicted_expert_is_not_on_the_panel_and_coverage_is_short(ws: Workspace) -> None:
    panel = platform_panel(ws, 103, "en")
    assert [e.name for e in panel.experts] == ["赵明远", "孙立群"]
    assert panel.conflicted == ("钱晓红",)
    assert (panel.n_valid, panel.is_final, panel.score) == (2, False, 62.0)
    assert panel.total.name == "Total"
    (line,) = not_final(ws)
    assert (line.filing_no, line.n_valid, line.required) == ("JLPT-2023-103", 2, 3)
    assert line.awaiting == () and line.invalid == ()


def test_the_discussion_list_is_sorted_by_spread(ws: Workspace) -> None:
    items = discussion_list(ws)
    assert [(d.filing_no, d.range) for d in items] == [
        ("JLPT-2023-101", 20.0),
        ("JLPT-2023-104", 17.0),
    ]
    assert (items[1].minimum, items[1].median, items[1].maximum) == (80.0, 95.0, 97.0)
    assert {f.expert_name for f in items[1].flags} == {None, "钱晓红"}


def test_leniency_is_each_experts_mean_deviation_from_the_panel(ws: Workspace) -> None:
    lines = {x.name: x for x in leniency_view(ws)}
    # 钱晓红: 101 70 − 82, 102 77 − 75, 104 80 − 90.67 → (−12 + 2 − 10.67) / 3
    assert lines["钱晓红"].n == 3
    assert lines["钱晓红"].mean_deviation == pytest.approx((-12 + 2 + (80 - 272 / 3)) / 3)
    # 赵明远: 101 +8, 102 0, 103 −2, 104 95 − 90.67
    assert lines["赵明远"].n == 4
    assert lines["赵明远"].mean_deviation == pytest.approx((8 + 0 - 2 + (95 - 272 / 3)) / 4)
    assert [x.name for x in leniency_view(ws)][-1] == "钱晓红"  # the most severe last
    assert lines["钱晓红"].mean_z < 0 < lines["赵明远"].mean_z


def test_the_panels_agreement_over_the_cycle(ws: Workspace) -> None:
    agreement = agreement_view(ws)
    icc, w = agreement.icc, agreement.concordance
    # All 11 totals; 103 has 2 experts, so k = 4 / (1/3 + 1/3 + 1/2 + 1/3) = 8/3. Worked by
    # hand in tests/unit/test_agreement.py (the same totals): 51419/62561.
    assert icc.value == pytest.approx(51419 / 62561)
    assert (icc.platforms, icc.experts, icc.raters) == (4, 3, pytest.approx(8 / 3))
    # 钱晓红 did not score 103: W on 3 experts × 101, 102, 104; ranks sum to 5, 4, 9 → 7/9.
    assert w.value == pytest.approx(7 / 9)
    assert (w.platforms, w.experts) == (3, 3)
    assert agreement.reading.zh == (
        "评分一致性良好：平台得分较少取决于由哪几位专家评分；专家对平台的排序高度一致。"
    )
    # Information only: an adjusted score does not enter, the experts' totals do.
    assert agreement_view(ws, results=compute_workspace_results(ws)) == agreement


def test_the_spread_chart_follows_the_ranking(ws: Workspace) -> None:
    points = spread_chart_data(ws)
    assert [p.filing_no for p in points] == [
        "JLPT-2023-104",
        "JLPT-2023-101",
        "JLPT-2023-102",
        "JLPT-2023-103",
    ]
    assert [(p.minimum, p.median, p.maximum, p.flagged) for p in points[:2]] == [
        (80.0, 95.0, 97.0, True),
        (70.0, 86.0, 90.0, True),
    ]


def test_results_table_and_grade_distribution(ws: Workspace) -> None:
    lines = results_table(ws, decision_date=DAY)
    assert [(x.rank, x.filing_no, x.score, x.grade_label, x.decision) for x in lines] == [
        (1, "JLPT-2023-104", Decimal("90.67"), "优秀", DecisionKind.FUNDING_CANDIDATE),
        (2, "JLPT-2023-101", 82.0, "良好", DecisionKind.FUNDING_CANDIDATE),
        (3, "JLPT-2023-102", 75.0, "合格", DecisionKind.MAINTAIN),
        (4, "JLPT-2023-103", 62.0, "合格", DecisionKind.PENDING),
    ]
    assert [x.on_discussion_list for x in lines] == [True, True, False, False]
    assert lines[3].is_final is False and lines[3].decision_label == "待定（有效评分不足）"
    assert lines[0].host_unit == "吉林省第4研究院" and lines[0].funding_rank == 1
    rows = results_table_rows(lines, "zh")
    assert rows[0][:5] == ["名次", "备案编号", "平台名称", "依托单位", "得分"]
    assert rows[1][:5] == [
        "1",
        "JLPT-2023-104",
        "吉林省第4分析测试资源共享服务平台",
        "吉林省第4研究院",
        "90.67",
    ]
    assert results_table_rows(lines, "en")[0][9] == "grade"

    dist = grade_distribution(ws)
    assert dict(dist.counts) == {Grade.EXCELLENT: 1, Grade.GOOD: 1, Grade.PASS: 2, Grade.FAIL: 0}
    assert (dist.total, dist.not_final, dist.ungraded) == (4, 1, 0)
    assert dist.rows("en")[0] == ("Excellent", 1)
    assert dist.share(Grade.PASS) == 0.5


@pytest.mark.parametrize(
    ("split", "amounts"),
    [
        (BudgetSplit.NONE, [None, None]),
        (BudgetSplit.EQUAL, [50.0, 50.0]),
        # 90.67 : 82 of 100 → 52.51 and 47.49 (to the cent, summing exactly)
        (BudgetSplit.BY_SCORE, [52.51, 47.49]),
        # tier weights 1.5 (优秀) : 1.0 (良好)
        (BudgetSplit.BY_TIER, [60.0, 40.0]),
    ],
)
def test_funding_ranking_with_a_budget_split(
    ws: Workspace, split: BudgetSplit, amounts: list[float | None]
) -> None:
    rules = ws.cycle_info().rules
    update_rules(ws, dataclasses.replace(rules, funding_budget=100.0, budget_split=split))
    ranking = funding_ranking(ws)
    assert [(f.funding_rank, f.filing_no, f.grade) for f in ranking] == [
        (1, "JLPT-2023-104", Grade.EXCELLENT),
        (2, "JLPT-2023-101", Grade.GOOD),
    ]
    assert [f.amount for f in ranking] == [None if a is None else Decimal(str(a)) for a in amounts]


def test_failing_platforms_are_listed_for_rectification_with_the_deadline(
    tmp_path: Path,
) -> None:
    workspace = build_cycle(tmp_path, others_work=False)
    try:
        score_panel(
            workspace,
            tmp_path,
            {ZHAO: {102: 55.0}, QIAN: {102: 52.0}, SUN: {102: 58.0}},
        )
        results = compute_workspace_results(workspace, decision_date=DAY)
        (line,) = rectification_list(workspace, results=results)
        assert (line.filing_no, line.score, line.deadline) == (
            "JLPT-2023-102",
            55.0,
            dt.date(2027, 3, 15),
        )
        assert "2027-03-15" in line.reason and line.is_final
        table = results_table(workspace, "en", results=results)
        failing = next(x for x in table if x.filing_no == "JLPT-2023-102")
        assert (failing.grade, failing.decision_label) == (Grade.FAIL, "Rectify within a deadline")

        # Without a date the lists decide as of the day the results were confirmed.
        compute_and_store_results(workspace)
        assert stored_decision_date(workspace) is None
        confirm_results(workspace, on=dt.date(2026, 1, 5))
        assert stored_decision_date(workspace) == dt.date(2026, 1, 5)
        (line,) = rectification_list(workspace)
        assert line.deadline == dt.date(2027, 1, 5)
    finally:
        workspace.close()
