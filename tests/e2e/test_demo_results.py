"""The demo meeting end to end: the secretary merges the simulated panel's signed score files
and the cycle's rules give the expected grades and decisions (DESIGN §5, issue 5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jlpanel.domain.register import RegisterStatus
from jlpanel.domain.results import CycleResults, DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.services.dashboard import discussion_list, leniency_view, platform_panel
from jlpanel.services.demo import DEMO_CYCLE_NAME, DemoSummary, build_demo
from jlpanel.services.demo_scores import (
    DECLARED_CONFLICTS,
    EXPECTED_DEMO,
    EXPECTED_DISAGREEMENTS,
    EXPECTED_FUNDING_ORDER,
    FRAUD_EXPERTS,
    FRAUD_PLATFORM,
    LENIENT_EXPERT,
    PREVIOUS_CYCLE,
    SEVERE_EXPERT,
)
from jlpanel.services.history import list_history
from jlpanel.services.merge import merge_score_files
from jlpanel.services.register import register_lines
from jlpanel.services.results import (
    compute_workspace_results,
    disqualification_list,
    funding_ranking,
    grade_distribution,
    not_final,
    rectification_list,
    results_table,
)
from jlpanel.services.workspace import Workspace, open_workspace, store_cycles
from jlpanel.storage import models as m

pytestmark = pytest.mark.slow

DAY = dt.date(2026, 3, 20)


@dataclass
class Meeting:
    demo: DemoSummary
    ws: Workspace
    results: CycleResults
    sheets_before_merge: int


@pytest.fixture(scope="module")
def meeting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Meeting]:
    with pytest.MonkeyPatch.context() as patch:
        home = tmp_path_factory.mktemp("demo-user")
        patch.setenv("JLPANEL_CONFIG_DIR", str(home / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(home / "data"))
        demo = build_demo(tmp_path_factory.mktemp("demo"))
        with open_workspace(demo.workspace) as ws:
            with ws.session() as s:
                before = s.scalar(select(func.count()).select_from(m.ScoreSheet)) or 0
            assert demo.score_folder is not None
            outcomes = merge_score_files(
                ws, sorted(demo.score_folder.glob("*.jlscore")), backup_dir=home / "backups"
            )
            assert [o.ok for o in outcomes] == [True] * 7, [
                f.message.zh for o in outcomes for f in o.findings
            ]
            results = compute_workspace_results(ws, decision_date=DAY)
            yield Meeting(demo, ws, results, before)


def test_the_demo_leaves_score_files_unmerged_beside_a_confirmed_earlier_cycle(
    meeting: Meeting,
) -> None:
    demo = meeting.demo
    assert meeting.sheets_before_merge == 0
    assert len(demo.score_files) == 7
    assert {p.stem for p in demo.score_files} == {
        "王志刚",
        "刘淑芬",
        "张宏伟",
        "陈晓燕",
        "李建军",
        "赵丽华",
        LENIENT_EXPERT,
    }
    # The store's history is a cycle of its own, run and confirmed: no history imported.
    assert demo.earlier_cycle == PREVIOUS_CYCLE
    assert [(c.name, c.confirmed) for c in store_cycles(meeting.ws)] == [
        (PREVIOUS_CYCLE, True),
        (DEMO_CYCLE_NAME, False),
    ]
    assert list_history(meeting.ws) == []
    lines = {x.filing_no: x for x in register_lines(meeting.ws, today=DAY)}
    # Every platform filed before the earlier cycle ended; the one filed in 2025 is not yet.
    assert len(lines) == 23
    assert {x.last_cycle for x in lines.values()} == {PREVIOUS_CYCLE}
    # Both 2024 fails rectified and passed their 复核: 在册 again, nothing overdue. One
    # passes now; the other fails again (two fails in a row, see below).
    failed = {f: x for f, x in lines.items() if x.last_grade is Grade.FAIL}
    assert {EXPECTED_DEMO[f] for f in failed} == {
        (Grade.PASS, DecisionKind.MAINTAIN),
        (Grade.FAIL, DecisionKind.DISQUALIFY),
    }
    for line in failed.values():
        assert line.status is RegisterStatus.LISTED and not line.overdue
        assert line.report_received_on is not None and line.reviewed_on is not None
    assert not any(x.overdue for x in lines.values())


def test_every_scenario_platform_gets_its_expected_grade_and_decision(meeting: Meeting) -> None:
    lines = {x.filing_no: x for x in results_table(meeting.ws, results=meeting.results)}
    assert len(lines) == 24
    got = {f: (lines[f].grade, lines[f].decision) for f in EXPECTED_DEMO}
    assert got == dict(EXPECTED_DEMO)
    # Every platform is final: at least 5 conflict-free experts each.
    assert all(x.is_final and x.n_valid >= 5 for x in lines.values())
    assert not_final(meeting.ws, results=meeting.results) == []


def test_two_consecutive_fails_and_the_fraud_are_disqualified(meeting: Meeting) -> None:
    out = {d.filing_no: d for d in disqualification_list(meeting.ws, results=meeting.results)}
    disqualified = {f for f, (_, kind) in EXPECTED_DEMO.items() if kind is DecisionKind.DISQUALIFY}
    assert set(out) == disqualified
    fraud = out[FRAUD_PLATFORM]
    assert fraud.barred and next(iter(out)) == FRAUD_PLATFORM  # barred ones first
    (veto,) = fraud.vetoes
    assert veto.code == "fraud" and len(veto.reasons) == len(FRAUD_EXPERTS)
    assert all("编造" in reason for reason in veto.reasons)
    assert "取消申报和参加考核评价资格" in fraud.reason
    (twice,) = (d for d in out.values() if not d.barred)
    assert (twice.previous_grade, twice.previous_cycle) == (Grade.FAIL, PREVIOUS_CYCLE)
    assert twice.reason == "连续两次考核不合格，取消共享服务平台资格"


def test_a_first_fail_is_ordered_to_rectify_within_twelve_months(meeting: Meeting) -> None:
    (fix,) = rectification_list(meeting.ws, results=meeting.results)
    assert EXPECTED_DEMO[fix.filing_no] == (Grade.FAIL, DecisionKind.RECTIFY)
    assert fix.deadline == dt.date(2027, 3, 20)
    assert fix.score is not None and fix.score < 60


def test_the_funding_ranking_follows_the_scores(meeting: Meeting) -> None:
    ranking = funding_ranking(meeting.ws, results=meeting.results)
    assert tuple(f.filing_no for f in ranking) == EXPECTED_FUNDING_ORDER
    assert [f.funding_rank for f in ranking] == [1, 2, 3, 4, 5]
    scores = [f.score for f in ranking]
    assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
    assert [f.grade for f in ranking][:2] == [Grade.EXCELLENT, Grade.EXCELLENT]
    dist = grade_distribution(meeting.ws, results=meeting.results)
    assert dict(dist.counts) == {
        Grade.EXCELLENT: 2,
        Grade.GOOD: 3,
        Grade.PASS: 16,
        Grade.FAIL: 3,
    }


def test_the_lenient_and_severe_experts_show_in_the_leniency_view(meeting: Meeting) -> None:
    lines = leniency_view(meeting.ws, results=meeting.results)
    assert (lines[0].name, lines[-1].name) == (LENIENT_EXPERT, SEVERE_EXPERT)
    assert lines[0].mean_deviation == pytest.approx(6, abs=1)
    assert lines[-1].mean_deviation == pytest.approx(-6, abs=1)
    assert lines[0].mean_z > 1 and lines[-1].mean_z < -1
    assert all(abs(x.mean_deviation) < 1.5 for x in lines[1:-1])


def test_the_two_disagreements_head_the_discussion_list(meeting: Meeting) -> None:
    items = discussion_list(meeting.ws, results=meeting.results)
    # the two disagreements first, then the platform with the experts' fraud veto claims
    assert {d.filing_no for d in items[:2]} == set(EXPECTED_DISAGREEMENTS)
    assert [d.filing_no for d in items[2:]] == [FRAUD_PLATFORM]
    assert {c.code for c in items[2].claims} == {"fraud"}
    for item in items[:2]:
        outlier = EXPECTED_DISAGREEMENTS[item.filing_no]
        assert item.range > 15
        assert outlier in {f.expert_name for f in item.flags}
        panel = platform_panel(meeting.ws, item.platform_id, results=meeting.results)
        far = next(e for e in panel.experts if e.name == outlier)
        others = [e.total for e in panel.experts if e.name != outlier]
        assert min(abs(far.total - t) for t in others) > 15


def test_the_declared_conflict_came_in_with_the_score_file(meeting: Meeting) -> None:
    ((expert, filing_no), reason) = next(iter(DECLARED_CONFLICTS.items()))
    with meeting.ws.session() as s:
        stored = s.execute(
            select(m.Conflict.source, m.Conflict.reason)
            .join(m.Expert, m.Expert.id == m.Conflict.expert_id)
            .join(m.Platform, m.Platform.id == m.Conflict.platform_id)
            .where(m.Expert.name == expert, m.Platform.filing_no == filing_no)
        ).one()
        platform_id = s.scalars(
            select(m.Platform.id).where(m.Platform.filing_no == filing_no)
        ).one()
    assert tuple(stored) == ("declared", reason)
    panel = platform_panel(meeting.ws, platform_id, results=meeting.results)
    assert expert in panel.conflicted and expert not in {e.name for e in panel.experts}


def test_the_export_lists_the_stores_earlier_cycle_as_history(
    meeting: Meeting, tmp_path: Path
) -> None:
    """The 历史 sheet shows what this cycle's rules read: here the store's own 2024 cycle,
    not only history imported from files (there is none)."""
    from python_calamine import CalamineWorkbook

    from jlpanel.services.export import export_results

    out = export_results(meeting.ws, tmp_path / "结果.xlsx", decision_date=DAY)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("历史").to_python()
    header, body = rows[0], rows[1:]
    assert header[:5] == ["备案编号", "平台名称", "考核周期", "周期截止", "等级"]
    assert len(body) == 23
    assert {r[2] for r in body} == {PREVIOUS_CYCLE}
    assert {r[-1] for r in body} == {"本存储，2024-06-28 确定"}
    twice = next(
        f
        for f, (_, k) in EXPECTED_DEMO.items()
        if k is DecisionKind.DISQUALIFY and f != FRAUD_PLATFORM
    )
    assert [r[4] for r in body if r[0] == twice] == ["不合格"]
