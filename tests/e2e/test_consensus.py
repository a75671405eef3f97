"""The consensus round on a small cycle scored through real packages and merged files:
adjusted scores (reason required, audited, changing the grade) and panel opinions."""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from review_support import build_cycle
from sqlalchemy import func, select

from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import Grade
from jlpanel.services import review as rv
from jlpanel.services.consensus import (
    adjust_score,
    current_adjustment,
    list_adjustments,
    panel_opinion,
    panel_opinion_template,
    save_panel_opinion,
)
from jlpanel.services.dashboard import platform_panel
from jlpanel.services.errors import UserError
from jlpanel.services.merge import merge_score_files
from jlpanel.services.packages import issue_packages
from jlpanel.services.results import compute_and_store_results, results_table
from jlpanel.services.workspace import Workspace, open_workspace
from jlpanel.storage import models as m

ZHAO, QIAN, SUN = 900001, 900002, 900003
FRAUD_REASON = "服务记录中的用户单位经电话核实并不存在，属编造运行服务记录"

Sheet = Mapping[str, float] | float

#: 101: 90 / 70 / 86 → 82.00 (良好); 104: 孙立群 raises the fraud veto.
SHEETS: dict[int, dict[int, Sheet]] = {
    ZHAO: {101: {"A1": 2, "B3": 5, "C2": 3}, 102: 75.0, 103: 60.0, 104: 85.0},
    QIAN: {
        101: {"A1": 4, "A2": 3, "A4": 3, "B1": 5, "B3": 6, "B5": 4, "C3": 3, "C5": 2},
        102: 77.0,
        104: 83.0,
    },
    SUN: {101: {"A1": 1, "B1": 3, "B3": 6, "C1": 2, "C2": 2}, 102: 73.0, 103: 64.0, 104: 84.0},
}


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


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scored")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        with build_cycle(folder, others_work=False) as workspace:
            files: list[Path] = []
            for package in issue_packages(workspace, folder / "packages", paper_sheets=False):
                with rv.open_package(package.path) as session:
                    for platform in session.platforms:
                        rv.declare(session, platform.id, False)
                        spec = SHEETS[package.expert_id][platform.id]
                        for code, value in points_for(session.rubric, spec).items():
                            rv.set_score(session, platform.id, code, value)
                        if (package.expert_id, platform.id) == (SUN, 104):
                            rv.set_veto(session, platform.id, "fraud", FRAUD_REASON)
                    files.append(folder / f"{package.expert_id}.jlscore")
                    rv.submit(session, files[-1])
            assert all(o.ok for o in merge_score_files(workspace, files, backup_dir=None))
            return workspace.path


@pytest.fixture
def ws(scored: Path, tmp_path: Path) -> Iterator[Workspace]:
    copy = tmp_path / scored.name
    shutil.copyfile(scored, copy)
    with open_workspace(copy) as workspace:
        yield workspace


def audit(ws: Workspace, action: str) -> list[dict[str, object]]:
    with ws.session() as s:
        return [
            json.loads(detail)
            for detail in s.scalars(
                select(m.AuditEntry.detail_json)
                .where(m.AuditEntry.action == action)
                .order_by(m.AuditEntry.id)
            )
        ]


def test_an_adjusted_score_changes_the_grade_and_is_audited(ws: Workspace) -> None:
    before = next(x for x in results_table(ws) if x.filing_no == "JLPT-2023-101")
    assert (before.score, before.grade, before.decision) == (
        82.0,
        Grade.GOOD,
        DecisionKind.FUNDING_CANDIDATE,
    )
    reason = "专家组讨论认为服务对象覆盖面偏窄，经合议将得分调整为 78 分"
    adjusted = adjust_score(ws, 101, 78, f"  {reason} ", author="秘书 李明")
    assert adjusted is not None
    assert (adjusted.score, adjusted.reason, adjusted.author, adjusted.current) == (
        78.0,
        reason,
        "秘书 李明",
        True,
    )

    after = next(x for x in results_table(ws) if x.filing_no == "JLPT-2023-101")
    assert (after.score, after.computed_score, after.adjusted) == (78.0, 82.0, True)
    assert after.adjustment_reason == reason
    assert (after.grade, after.decision) == (Grade.PASS, DecisionKind.MAINTAIN)
    assert platform_panel(ws, 101).adjustment == adjusted

    (entry,) = audit(ws, "adjust_score")
    # The audit keeps exact decimals as text: 82.00, never 81.99999999999999.
    assert entry["old"] == {"score": "82.00", "computed_score": "82.00", "adjusted": False}
    assert entry["new"] == {"score": "78.00", "reason": reason}

    # The stored results follow, and say the score was adjusted.
    compute_and_store_results(ws)
    with ws.session() as s:
        stored = s.scalars(select(m.Result).where(m.Result.platform_id == 101)).one()
    assert (stored.score, stored.grade) == (78.0, "pass")
    assert json.loads(stored.details_json)["adjusted"] is True


def test_the_latest_adjustment_counts_and_the_earlier_ones_are_kept(ws: Workspace) -> None:
    adjust_score(ws, 101, 78, "第一次合议")
    adjust_score(ws, 101, 91.234, "复议：平台支撑重大项目成效突出")
    history = list_adjustments(ws, 101)
    assert [(a.score, a.current) for a in history] == [(78, False), (Decimal("91.23"), True)]
    assert current_adjustment(ws, 101) == history[-1]
    assert list_adjustments(ws) == history
    latest = next(x for x in results_table(ws) if x.filing_no == "JLPT-2023-101")
    assert (latest.score, latest.grade) == (Decimal("91.23"), Grade.EXCELLENT)
    assert audit(ws, "adjust_score")[1]["old"] == {
        "score": "78.00",
        "computed_score": "82.00",
        "adjusted": True,
    }


def test_clearing_an_adjustment_restores_the_computed_score(ws: Workspace) -> None:
    adjust_score(ws, 101, 70, "合议")
    assert adjust_score(ws, 101, None, "经复核，恢复专家评分计算结果") is None
    back = next(x for x in results_table(ws) if x.filing_no == "JLPT-2023-101")
    assert (back.score, back.adjusted, back.grade) == (82.0, False, Grade.GOOD)
    assert list_adjustments(ws, 101) == [] and current_adjustment(ws, 101) is None
    (entry,) = audit(ws, "clear_adjustment")
    assert entry["old"] == {"score": "70.00", "computed_score": "82.00", "adjusted": True}
    assert entry["new"] == {"score": "82.00", "reason": "经复核，恢复专家评分计算结果"}
    with pytest.raises(UserError, match="never adjusted"):
        adjust_score(ws, 101, None, "再清除一次")


@pytest.mark.parametrize(
    ("score", "reason", "message"),
    [
        (78.0, "", "须写明理由"),
        (78.0, "   \n ", "须写明理由"),
        (-0.5, "理由", "不在 0–100 分之间"),
        (100.5, "理由", "不在 0–100 分之间"),
        (float("nan"), "理由", "不在 0–100 分之间"),
        (True, "理由", "不在 0–100 分之间"),
    ],
)
def test_an_adjustment_without_a_reason_or_out_of_bounds_is_refused(
    ws: Workspace, score: float, reason: str, message: str
) -> None:
    with pytest.raises(UserError) as refused:
        adjust_score(ws, 101, score, reason)
    assert message in refused.value.zh
    assert list_adjustments(ws) == [] and audit(ws, "adjust_score") == []


def test_an_unknown_platform_is_refused(ws: Workspace) -> None:
    with pytest.raises(UserError, match="no platform"):
        adjust_score(ws, 999, 80, "理由")
    with pytest.raises(UserError):
        panel_opinion(ws, 999)


def test_the_panel_opinion_template_is_filled_from_the_results(ws: Workspace) -> None:
    text = panel_opinion_template(ws, 101)
    # A: (33 + 25 + 34) / 3 = 30.67 of 35 (87.6 %, 优); B: (35 + 25 + 31) / 3 = 30.33 of 40
    # (75.8 %, 良); C: (22 + 20 + 21) / 3 = 21 of 25 (84 %, 优). B3 (4.33 of 10) is the weak one.
    # A 良好 platform: its 优 areas read 较好, never 突出 (kept for an 优秀 platform's areas).
    assert text.startswith("资源整合能力较好（得分 30.67 分，满分 35 分，优）；")
    assert "；服务成效较好（得分 30.33 分，满分 40 分，良）；" in text
    assert "；组织运行管理较好（得分 21.00 分，满分 25 分，优）；" in text
    assert "突出" not in text
    assert (
        "主要问题与建议：B3 支撑科技创新成效（4.33/10 分）相对薄弱，建议加强支撑科技创新成效"
        in text
    )
    assert text.endswith("；综合得分 82.00 分，建议考核等级为良好。")
    english = panel_opinion_template(ws, 101, "en")
    assert "overall score 82.00, proposed grade Good." in english
    assert "strong" not in english


def test_an_excellent_platforms_best_areas_read_strong(ws: Workspace) -> None:
    adjust_score(ws, 101, 95, "专家组合议")  # now 优秀: its 优 areas are 突出 again
    text = panel_opinion_template(ws, 101)
    assert text.startswith("资源整合能力突出（得分 30.67 分，满分 35 分，优）；")
    assert "；服务成效较好（得分 30.33 分，满分 40 分，良）；" in text
    assert text.endswith("建议考核等级为优秀。")


def test_the_template_names_dossier_warnings_vetoes_and_the_adjusted_score(ws: Workspace) -> None:
    warned = panel_opinion_template(ws, 102)
    assert "申报材料存在以下问题：有偿服务缺少合同编号" in warned
    vetoed = panel_opinion_template(ws, 104)
    assert f"专家提出一票否决“弄虚作假、违反学术道德”：{FRAUD_REASON}" in vetoed
    assert vetoed.endswith("建议考核等级为不合格（一票否决）。")
    adjust_score(ws, 102, 80.5, "合议")
    assert panel_opinion_template(ws, 102).endswith("综合得分 80.50 分，建议考核等级为良好。")


def test_the_fraud_veto_from_a_signed_file_disqualifies_and_bars(ws: Workspace) -> None:
    fraud = next(x for x in results_table(ws) if x.filing_no == "JLPT-2023-104")
    assert (fraud.grade, fraud.decision, fraud.barred) == (
        Grade.FAIL,
        DecisionKind.DISQUALIFY,
        True,
    )
    assert fraud.vetoes == ("弄虚作假、违反学术道德",)
    assert fraud.rank == 4  # vetoed platforms rank last whatever their score (84)


def test_the_panel_opinion_is_saved_edited_and_audited(ws: Workspace) -> None:
    assert panel_opinion(ws, 101) is None
    draft = panel_opinion_template(ws, 101)
    save_panel_opinion(ws, 101, draft)
    edited = draft.replace("相对薄弱", "明显不足")
    save_panel_opinion(ws, 101, edited + "\n")
    save_panel_opinion(ws, 101, edited)  # unchanged: not audited again
    assert panel_opinion(ws, 101) == edited
    entries = audit(ws, "save_panel_opinion")
    assert [(e["old"], e["new"]) for e in entries] == [(None, draft), (draft, edited)]
    save_panel_opinion(ws, 101, "  ")
    assert panel_opinion(ws, 101) is None
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.PanelOpinion)) == 0
    assert audit(ws, "save_panel_opinion")[-1] == {"old": edited, "new": None}
