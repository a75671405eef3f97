"""Computing a cycle's results from its workspace and storing them."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jlpanel.domain.results import DECISION_LABELS, CycleResults, PlatformInput, compute_results
from jlpanel.domain.rules import Grade, RuleSettings, grade_from_label
from jlpanel.domain.scoresheet import Provenance, ScoreSheet
from jlpanel.services.rubrics import rubric_from_snapshot
from jlpanel.services.workspace import Workspace, current_actor
from jlpanel.storage import models as m
from jlpanel.storage.audit import record_change
from jlpanel.storage.bulk import insert_rows

log = logging.getLogger(__name__)


def _previous_grades(session: Session) -> dict[str, Grade]:
    """Each filing number's grade in its most recent earlier cycle."""
    rows = session.execute(
        select(
            m.HistoryEntry.filing_no,
            m.HistoryEntry.cycle_end,
            m.HistoryEntry.cycle_name,
            m.HistoryEntry.grade,
        )
    ).all()
    latest: dict[str, tuple[dt.date, str, str]] = {}
    for filing_no, cycle_end, cycle_name, grade in rows:
        key = (cycle_end or dt.date.min, cycle_name, grade)
        if filing_no not in latest or key[:2] > latest[filing_no][:2]:
            latest[filing_no] = key
    out: dict[str, Grade] = {}
    for filing_no, (_, _, grade) in latest.items():
        try:
            out[filing_no] = grade_from_label(grade)
        except ValueError:
            log.warning("history grade %r of %s is not a grade; ignored", grade, filing_no)
    return out


def load_platform_inputs(session: Session) -> list[PlatformInput]:
    """Every platform's conflict-free score sheets, previous grade and adjustment."""
    platforms = session.execute(select(m.Platform.id, m.Platform.filing_no)).all()
    conflicted = set(session.execute(select(m.Conflict.expert_id, m.Conflict.platform_id)).all())

    sheets: dict[int, tuple[int, int, str, int]] = {
        sid: (expert_id, platform_id, provenance, revision)
        for sid, expert_id, platform_id, provenance, revision in session.execute(
            select(
                m.ScoreSheet.id,
                m.ScoreSheet.expert_id,
                m.ScoreSheet.platform_id,
                m.ScoreSheet.provenance,
                m.ScoreSheet.revision,
            )
        )
        if (expert_id, platform_id) not in conflicted
    }
    points: dict[int, dict[str, float | None]] = defaultdict(dict)
    comments: dict[int, dict[str, str]] = defaultdict(dict)
    for sid, code, value, comment in session.execute(
        select(
            m.IndicatorScore.sheet_id,
            m.IndicatorScore.indicator_code,
            m.IndicatorScore.points,
            m.IndicatorScore.comment,
        )
    ):
        points[sid][code] = value
        if comment:
            comments[sid][code] = comment
    vetoes: dict[int, dict[str, str]] = defaultdict(dict)
    for sid, code, reason in session.execute(
        select(m.VetoClaim.sheet_id, m.VetoClaim.veto_code, m.VetoClaim.reason)
    ):
        vetoes[sid][code] = reason or ""
    bonus: dict[int, dict[str, float]] = defaultdict(dict)
    for sid, code, value in session.execute(
        select(m.BonusScore.sheet_id, m.BonusScore.item_code, m.BonusScore.points)
    ):
        bonus[sid][code] = value

    by_platform: dict[int, list[ScoreSheet]] = defaultdict(list)
    for sid, (expert_id, platform_id, provenance, revision) in sheets.items():
        by_platform[platform_id].append(
            ScoreSheet(
                expert_id=str(expert_id),
                platform_id=str(platform_id),
                points=points.get(sid, {}),
                comments=comments.get(sid, {}),
                vetoes=vetoes.get(sid, {}),
                bonus=bonus.get(sid, {}),
                provenance=Provenance(provenance),
                revision=revision,
            )
        )
    adjusted: dict[int, float] = {}
    for platform_id, score in session.execute(
        select(m.Adjustment.platform_id, m.Adjustment.adjusted_score).order_by(
            m.Adjustment.at, m.Adjustment.id
        )
    ):
        adjusted[platform_id] = score  # the latest adjustment wins
    previous = _previous_grades(session)
    return [
        PlatformInput(
            platform_id=str(pid),
            sheets=by_platform.get(pid, []),
            previous_grade=previous.get(filing_no),
            adjusted_score=adjusted.get(pid),
        )
        for pid, filing_no in platforms
    ]


def compute_workspace_results(
    ws: Workspace, *, decision_date: dt.date | None = None
) -> CycleResults:
    """The cycle's results under its rules, computed from the workspace (nothing stored)."""
    with ws.session() as s:
        cycle = s.scalars(select(m.Cycle)).one()
        rubric = rubric_from_snapshot(cycle.rubric_json)
        rules = RuleSettings.from_dict(json.loads(cycle.rules_json))
        inputs = load_platform_inputs(s)
    return compute_results(rubric, rules, inputs, decision_date=decision_date or dt.date.today())


def compute_and_store_results(
    ws: Workspace, *, decision_date: dt.date | None = None
) -> CycleResults:
    """Compute the results and replace the stored results and decisions, audited."""
    results = compute_workspace_results(ws, decision_date=decision_date)
    with ws.session() as s:
        s.execute(delete(m.Decision))
        s.execute(delete(m.Result))
        insert_rows(
            s,
            m.Result,
            (
                {
                    "platform_id": int(r.platform_id),
                    "score": r.score,
                    "rank": r.rank,
                    "grade": r.grade.value if r.grade else None,
                    "is_final": r.is_final,
                    "details_json": json.dumps(_details(r), ensure_ascii=False),
                }
                for r in results.platforms
            ),
        )
        insert_rows(
            s,
            m.Decision,
            (
                {
                    "platform_id": int(r.platform_id),
                    "kind": r.decision.kind.value,
                    "deadline": r.decision.deadline,
                    "status": "barred" if r.decision.barred else None,
                    "reason": r.decision.reason.zh,
                    "funding_rank": r.decision.funding_rank,
                    "funding_amount": r.decision.funding_amount,
                }
                for r in results.platforms
            ),
        )
        grades = Counter(r.grade.value if r.grade else "none" for r in results.platforms)
        record_change(
            s,
            actor=current_actor(),
            action="compute_results",
            entity="cycle",
            entity_id=None,
            new={"grades": dict(sorted(grades.items()))},
        )
    return results


def _details(r: Any) -> dict[str, Any]:
    total = r.total
    return {
        "n": r.n_valid,
        "computed_score": r.computed_score,
        "adjusted": r.adjusted,
        "mean": total.mean if total else None,
        "trimmed_mean": total.trimmed_mean if total else None,
        "median": total.median if total else None,
        "range": total.range if total else None,
        "stdev": total.stdev if total else None,
        "areas": {code: s.as_dict() for code, s in r.areas.items()},
        "vetoes": {code: list(reasons) for code, reasons in r.vetoes.items()},
        "disagreements": [[d.kind.value, d.amount, d.expert_id] for d in r.disagreements],
        "floors_missed": list(r.floors_missed),
        "quota_applied": r.quota_applied,
    }


def result_rows(ws: Workspace, results: CycleResults, language: str) -> list[list[str]]:
    """A header and one row per platform in rank order, for printing or CSV."""
    en = language.startswith("en")
    with ws.session() as s:
        names: dict[int, str] = dict(s.execute(select(m.Platform.id, m.Platform.name)).all())
    header = (
        ["rank", "platform", "score", "n", "grade", "final", "decision", "deadline"]
        if en
        else ["名次", "平台", "得分", "有效评分", "等级", "已确定", "处理意见", "整改期限"]
    )
    rows = [header]
    for r in results.ranked():
        rows.append(
            [
                "" if r.rank is None else str(r.rank),
                names.get(int(r.platform_id), r.platform_id),
                "" if r.score is None else f"{r.score:.2f}",
                str(r.n_valid),
                r.grade.label.get(language) if r.grade else "",
                ("yes" if r.is_final else "no") if en else ("是" if r.is_final else "否"),
                DECISION_LABELS[r.decision.kind].get(language),
                r.decision.deadline.isoformat() if r.decision.deadline else "",
            ]
        )
    return rows
