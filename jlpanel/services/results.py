"""Computing a cycle's results from its workspace and storing them."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Float, delete, select, true, type_coerce
from sqlalchemy.orm import Session

from jlpanel.domain.exact import format_points
from jlpanel.domain.identity import identity_key
from jlpanel.domain.results import (
    DECISION_LABELS,
    CycleResults,
    DecisionKind,
    EarlierStanding,
    PlatformInput,
    PlatformResult,
    VetoRuling,
    compute_results,
)
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import GRADE_ORDER, Grade, RuleSettings
from jlpanel.domain.scoresheet import Provenance, ScoreSheet
from jlpanel.services.collector import collector_paused
from jlpanel.services.history import previous_standing
from jlpanel.services.rubrics import rubric_from_snapshot
from jlpanel.services.workspace import Workspace, current_actor
from jlpanel.storage import models as m
from jlpanel.storage.audit import record_change
from jlpanel.storage.bulk import insert_rows
from jlpanel.storage.confirmations import latest_confirmation
from jlpanel.storage.reading import plain_rows

log = logging.getLogger(__name__)


def _previous_with_cycle(session: Session) -> dict[str, tuple[Grade, str]]:
    """Each filing number's grade in its most recent earlier cycle with a final result, with
    that cycle's name (from :func:`previous_standing`, which refuses undated history)."""
    return {
        f: (p.grade, p.cycle_name or "")
        for f, p in previous_standing(session).items()
        if p.grade is not None
    }


def _stored_points() -> Callable[[float], Decimal]:
    """What :class:`~jlpanel.storage.models.ExactPoints` makes of a stored double (the decimal
    of its shortest repr), remembered per distinct value."""
    known: dict[float, Decimal] = {}

    def exact(value: float) -> Decimal:
        found = known.get(value)
        if found is None:
            found = Decimal(repr(float(value)))
            if value:  # 0.0 and -0.0 are one key but keep their own signs
                known[value] = found
        return found

    return exact


def load_platform_inputs(
    session: Session, platform_ids: Collection[int] | None = None
) -> list[PlatformInput]:
    """Every platform's conflict-free score sheets, previous grade and adjustment.

    ``platform_ids`` limits it to those platforms (e.g. one, to recompute its score).
    """

    def only(column: Any) -> Any:
        return true() if platform_ids is None else column.in_(list(platform_ids))

    # The driver's rows (storage.reading): SQLAlchemy's row objects cost more than the
    # queries here, a cycle's indicator scores most (210,000 rows at 2,000 platforms).
    platforms = plain_rows(
        session, select(m.Platform.id, m.Platform.filing_no).where(only(m.Platform.id))
    )
    conflicted = set(
        plain_rows(
            session,
            select(m.Conflict.expert_id, m.Conflict.platform_id).where(
                only(m.Conflict.platform_id)
            ),
        )
    )

    sheets: dict[int, tuple[int, int, str, int, str]] = {
        sid: (expert_id, platform_id, provenance, revision, overall or "")
        for sid, expert_id, platform_id, provenance, revision, overall in plain_rows(
            session,
            select(
                m.ScoreSheet.id,
                m.ScoreSheet.expert_id,
                m.ScoreSheet.platform_id,
                m.ScoreSheet.provenance,
                m.ScoreSheet.revision,
                m.ScoreSheet.overall_comment,
            ).where(only(m.ScoreSheet.platform_id)),
        )
        if (expert_id, platform_id) not in conflicted
    }
    # Child rows of the chosen sheets only; all of them when every platform is wanted.
    mine = m.ScoreSheet.platform_id.in_(list(platform_ids)) if platform_ids is not None else None

    def of_sheets(query: Any, model: Any) -> Any:
        if mine is None:
            return query
        return query.join(m.ScoreSheet, m.ScoreSheet.id == model.sheet_id).where(mine)

    points: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    comments: dict[int, dict[str, str]] = defaultdict(dict)
    # A stored double is read as ExactPoints reads it, but once per distinct value: a
    # 2,000-platform cycle has 210,000 scores and a few hundred values.
    exact = _stored_points()
    for sid, code, value, comment in plain_rows(
        session,
        of_sheets(
            select(
                m.IndicatorScore.sheet_id,
                m.IndicatorScore.indicator_code,
                type_coerce(m.IndicatorScore.points, Float()),
                m.IndicatorScore.comment,
            ),
            m.IndicatorScore,
        ),
    ):
        points[sid][code] = None if value is None else exact(value)
        if comment:
            comments[sid][code] = comment
    vetoes: dict[int, dict[str, str]] = defaultdict(dict)
    for sid, code, reason in plain_rows(
        session,
        of_sheets(
            select(m.VetoClaim.sheet_id, m.VetoClaim.veto_code, m.VetoClaim.reason), m.VetoClaim
        ),
    ):
        vetoes[sid][code] = reason or ""
    bonus: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for sid, code, value in plain_rows(
        session,
        of_sheets(
            select(
                m.BonusScore.sheet_id,
                m.BonusScore.item_code,
                type_coerce(m.BonusScore.points, Float()),
            ),
            m.BonusScore,
        ),
    ):
        bonus[sid][code] = exact(value)

    by_platform: dict[int, list[ScoreSheet]] = defaultdict(list)
    for sid, (expert_id, platform_id, provenance, revision, overall) in sheets.items():
        by_platform[platform_id].append(
            ScoreSheet(
                expert_id=str(expert_id),
                platform_id=str(platform_id),
                points=points.get(sid, {}),
                comments=comments.get(sid, {}),
                vetoes=vetoes.get(sid, {}),
                bonus=bonus.get(sid, {}),
                overall_comment=overall,
                provenance=Provenance(provenance),
                revision=revision,
            )
        )
    adjusted: dict[int, Decimal] = {}
    for platform_id, score in session.execute(
        select(m.Adjustment.platform_id, m.Adjustment.adjusted_score)
        .where(only(m.Adjustment.platform_id))
        .order_by(m.Adjustment.at, m.Adjustment.id)
    ):
        adjusted[platform_id] = score  # the latest adjustment wins
    rulings: dict[int, dict[str, VetoRuling]] = defaultdict(dict)
    for platform_id, code, ruling, reason in session.execute(
        select(
            m.VetoRuling.platform_id,
            m.VetoRuling.veto_code,
            m.VetoRuling.ruling,
            m.VetoRuling.reason,
        )
        .where(only(m.VetoRuling.platform_id))
        .order_by(m.VetoRuling.at, m.VetoRuling.id)
    ):
        rulings[platform_id][code] = VetoRuling(ruling == "confirm", reason)  # latest wins
    standing = previous_standing(session)

    def earlier(filing_no: str) -> EarlierStanding | None:
        p = standing.get(filing_no)
        if p is None or not (p.barred or p.disqualified or p.rectification_lapsed_in):
            return None
        return EarlierStanding(
            barred_in=(p.barred_in or "") if p.barred else None,
            disqualified_in=(p.disqualified_in or "") if p.disqualified else None,
            rectification_lapsed_in=p.rectification_lapsed_in,
        )

    return [
        PlatformInput(
            platform_id=str(pid),
            sheets=by_platform.get(pid, []),
            previous_grade=standing[filing_no].grade if filing_no in standing else None,
            earlier=earlier(filing_no),
            adjusted_score=adjusted.get(pid),
            veto_rulings=rulings.get(pid, {}),
            label=filing_no,
        )
        for pid, filing_no in platforms
    ]


@dataclass(frozen=True, slots=True)
class StoredConfirmation:
    """The confirmation in force: the day, who, and what was confirmed per filing number."""

    id: int
    confirmed_on: dt.date
    author: str
    at: dt.datetime
    snapshot: Mapping[str, Mapping[str, Any]]


def confirmation_in_force(session: Session) -> StoredConfirmation | None:
    """The latest confirmation if it has not been reopened, else None."""
    row = latest_confirmation(session)
    if row is None or row.reopened_at is not None:
        return None
    return StoredConfirmation(
        row.id, row.confirmed_on, row.author, row.at, json.loads(row.snapshot_json or "{}")
    )


def kept_deadlines(session: Session) -> dict[str, dt.date]:
    """Deadlines fixed by any confirmation, by the identity key of the filing number: the
    earliest one that was set.

    Once a platform has been told to rectify by a date, a recompute or a later confirmation
    never moves that date — nor does its dossier replaced by one that writes its number
    otherwise (lower case, full width).
    """
    kept: dict[str, dt.date] = {}
    for (snapshot_json,) in session.execute(
        select(m.Confirmation.snapshot_json).order_by(m.Confirmation.at, m.Confirmation.id)
    ):
        for filing_no, line in json.loads(snapshot_json or "{}").items():
            deadline = line.get("deadline")
            key = identity_key(filing_no)
            if deadline and key not in kept:
                kept[key] = dt.date.fromisoformat(deadline)
    return kept


def tie_orders(session: Session) -> list[list[str]]:
    """The panel's tie orders, oldest first, each as filing numbers best first."""
    return [
        list(json.loads(text))
        for (text,) in session.execute(
            select(m.TieOrder.filing_nos_json).order_by(m.TieOrder.at, m.TieOrder.id)
        )
    ]


def compute_workspace_results(
    ws: Workspace,
    *,
    decision_date: dt.date | None = None,
    inputs: Sequence[PlatformInput] | None = None,
) -> CycleResults:
    """The cycle's results under its rules, computed from the workspace (nothing stored).

    ``inputs``: the platforms' sheets when the caller has read them already
    (:func:`load_platform_inputs`), so that they are not held twice (the reports, issue 16).
    """
    # A cycle's scores, sheets and results are hundreds of thousands of objects alive at once
    # (210,000 scores at 2,000 platforms): the collector walked them again at every generation,
    # 100-300 ms of W3's 0.8-1.1 s, for objects that reference counting frees anyway.
    with collector_paused():
        return _compute_workspace_results(ws, decision_date, inputs)


def _compute_workspace_results(
    ws: Workspace, decision_date: dt.date | None, inputs: Sequence[PlatformInput] | None
) -> CycleResults:
    with ws.reading() as s:
        cycle = s.scalars(select(m.Cycle)).one()
        rubric = rubric_from_snapshot(cycle.rubric_json)
        rules = RuleSettings.from_dict(json.loads(cycle.rules_json))
        if inputs is None:
            inputs = load_platform_inputs(s)
        confirmation = confirmation_in_force(s)
        # Stored by filing number: found however the platform's number is written now.
        by_key = {identity_key(p.label): p.platform_id for p in inputs}
        kept = {by_key[k]: day for k, day in kept_deadlines(s).items() if k in by_key}
        orders = [
            [by_key[k] for f in order if (k := identity_key(f)) in by_key]
            for order in tie_orders(s)
        ]
    confirmed_on = decision_date or (confirmation.confirmed_on if confirmation else None)
    return compute_results(
        rubric,
        rules,
        inputs,
        confirmed_on=confirmed_on,
        kept_deadlines=kept,
        tie_orders=orders,
    )


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


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _details(r: PlatformResult) -> dict[str, Any]:
    """What a stored result keeps beside its score: exact decimals as strings, shown rounded."""
    total = r.total
    return {
        "n": r.n_valid,
        "computed_score": _exact(r.computed_score),
        "adjusted": r.adjusted,
        "mean": _exact(total.mean) if total else None,
        "trimmed_mean": _exact(total.trimmed_mean) if total else None,
        "median": _exact(total.median) if total else None,
        "range": _exact(total.range) if total else None,
        "stdev": _exact(total.shown_stdev) if total else None,
        "areas": {code: s.as_dict() for code, s in r.areas.items()},
        "area_scores": {code: str(v) for code, v in r.area_scores.items()},
        "vetoes": {code: list(reasons) for code, reasons in r.vetoes.items()},
        "disagreements": [[d.kind.value, str(d.amount), d.expert_id] for d in r.disagreements],
        "floors_missed": list(r.floors_missed),
        "quota_applied": r.quota_applied,
        "tie": None if r.tie is None else {"where": r.tie.where.value, "decided": r.tie.decided},
    }


# ----------------------------------------------------------------- result queries (item 4)


@dataclass(frozen=True, slots=True)
class ResultLine:
    """One platform's result as the results table shows it, labels in one language."""

    rank: int | None
    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    #: The score that counts (the adjustment if any) and the one the experts' totals gave.
    score: Decimal | None
    computed_score: Decimal | None
    adjusted: bool
    adjustment_reason: str
    n_valid: int
    grade: Grade | None
    grade_label: str
    is_final: bool
    decision: DecisionKind
    decision_label: str
    decision_reason: str
    deadline: dt.date | None
    funding_rank: int | None
    funding_amount: Decimal | None
    barred: bool
    previous_grade: Grade | None
    #: Names of the vetoes that applied.
    vetoes: tuple[str, ...]
    on_discussion_list: bool
    quota_applied: bool
    #: Areas below the floor, by code.
    floors_missed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FundingLine:
    """A post-hoc funding (后补助) candidate in funding order."""

    funding_rank: int
    rank: int | None
    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    score: Decimal | None
    grade: Grade
    #: The candidate's share of the budget (万元); None without a budget split.
    amount: Decimal | None


@dataclass(frozen=True, slots=True)
class RectificationLine:
    """A platform that must rectify within a deadline (first 不合格)."""

    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    score: Decimal | None
    reason: str
    deadline: dt.date | None
    #: Names of the (non-barring) vetoes that made it fail, if any.
    vetoes: tuple[str, ...]
    is_final: bool


@dataclass(frozen=True, slots=True)
class VetoReasons:
    """A veto that applied to a platform, with every reason the experts gave."""

    code: str
    name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DisqualificationLine:
    """A platform that loses its status (取消资格), and why."""

    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    score: Decimal | None
    reason: str
    #: Fraud or misconduct: also barred from applying and from evaluation.
    barred: bool
    vetoes: tuple[VetoReasons, ...]
    previous_grade: Grade | None
    #: The cycle in which the previous 不合格 was given, for the two-fails rule.
    previous_cycle: str | None


@dataclass(frozen=True, slots=True)
class NotFinalLine:
    """A platform whose result is not final: fewer valid, conflict-free scores than needed."""

    platform_id: int
    filing_no: str
    name: str
    n_valid: int
    required: int
    #: Sheets stored but left out as invalid, by expert name.
    invalid: tuple[str, ...]
    #: Assigned, conflict-free experts whose scores have not been merged yet.
    awaiting: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GradeDistribution:
    """How many platforms got each grade; pending ones are counted apart as well."""

    counts: Mapping[Grade, int]
    #: Platforms with no grade (no valid score and no veto).
    ungraded: int
    #: Platforms whose result is not final (graded or not).
    not_final: int
    total: int

    def share(self, grade: Grade) -> float:
        """The share of all platforms with ``grade`` (0 when there are none)."""
        return self.counts.get(grade, 0) / self.total if self.total else 0.0

    def rows(self, language: str = "zh") -> list[tuple[str, int]]:
        """(label, count) in grade order, then the ungraded, for a table or a chart."""
        out = [(g.label.get(language), self.counts.get(g, 0)) for g in GRADE_ORDER]
        if self.ungraded:
            out.append(("No grade" if language.startswith("en") else "未评定", self.ungraded))
        return out


@dataclass(frozen=True, slots=True)
class _PlatformFacts:
    filing_no: str
    name: str
    host_unit: str


@dataclass(frozen=True, slots=True)
class _Context:
    rubric: Rubric
    rules: RuleSettings
    results: CycleResults
    platforms: Mapping[int, _PlatformFacts]
    adjustment_reasons: Mapping[int, str]
    previous: Mapping[str, tuple[Grade, str]]


def stored_decision_date(ws: Workspace) -> dt.date | None:
    """The day the results were confirmed (deadlines count from it), or None before that.

    ``decision_date`` arguments below mean "as if confirmed on that day"; without one the
    confirmation in force decides, so every list agrees with what the panel confirmed.
    """
    with ws.reading() as s:
        confirmation = confirmation_in_force(s)
    return confirmation.confirmed_on if confirmation else None


def _context(
    ws: Workspace, results: CycleResults | None, decision_date: dt.date | None
) -> _Context:
    if results is None:
        results = compute_workspace_results(
            ws, decision_date=decision_date or stored_decision_date(ws)
        )
    with ws.reading() as s:
        cycle = s.scalars(select(m.Cycle)).one()
        rubric = rubric_from_snapshot(cycle.rubric_json)
        rules = RuleSettings.from_dict(json.loads(cycle.rules_json))
        platforms = {
            pid: _PlatformFacts(filing_no, name, host or "")
            for pid, filing_no, name, host in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name, m.Platform.host_unit)
            )
        }
        reasons: dict[int, str] = {}
        for pid, reason in s.execute(
            select(m.Adjustment.platform_id, m.Adjustment.reason).order_by(
                m.Adjustment.at, m.Adjustment.id
            )
        ):
            reasons[pid] = reason  # the latest adjustment wins
        previous = _previous_with_cycle(s)
    return _Context(rubric, rules, results, platforms, reasons, previous)


def _veto_names(ctx: _Context, r: PlatformResult, language: str) -> tuple[str, ...]:
    return tuple(ctx.rubric.veto(code).name.get(language) for code in r.vetoes)


def _facts(ctx: _Context, r: PlatformResult) -> _PlatformFacts:
    return ctx.platforms.get(int(r.platform_id), _PlatformFacts(r.platform_id, "", ""))


def results_table(
    ws: Workspace,
    language: str = "zh",
    *,
    results: CycleResults | None = None,
    decision_date: dt.date | None = None,
) -> list[ResultLine]:
    """Every platform's result in rank order (unranked last), labels in ``language``.

    ``results`` reuses results computed already; otherwise they are computed, deciding as of
    ``decision_date`` (default :func:`stored_decision_date`: rectification deadlines run from
    it).
    """
    ctx = _context(ws, results, decision_date)
    lines: list[ResultLine] = []
    for r in ctx.results.ranked():
        facts = _facts(ctx, r)
        previous = ctx.previous.get(facts.filing_no)
        lines.append(
            ResultLine(
                rank=r.rank,
                platform_id=int(r.platform_id),
                filing_no=facts.filing_no,
                name=facts.name,
                host_unit=facts.host_unit,
                score=r.score,
                computed_score=r.computed_score,
                adjusted=r.adjusted,
                adjustment_reason=ctx.adjustment_reasons.get(int(r.platform_id), "")
                if r.adjusted
                else "",
                n_valid=r.n_valid,
                grade=r.grade,
                grade_label=r.grade.label.get(language) if r.grade else "",
                is_final=r.is_final,
                decision=r.decision.kind,
                decision_label=DECISION_LABELS[r.decision.kind].get(language),
                decision_reason=r.decision.reason.get(language),
                deadline=r.decision.deadline,
                funding_rank=r.decision.funding_rank,
                funding_amount=r.decision.funding_amount,
                barred=r.barred,
                previous_grade=previous[0] if previous else None,
                vetoes=_veto_names(ctx, r, language),
                on_discussion_list=r.on_discussion_list,
                quota_applied=r.quota_applied,
                floors_missed=r.floors_missed,
            )
        )
    return lines


def results_table_rows(lines: Sequence[ResultLine], language: str = "zh") -> list[list[str]]:
    """A header and one row per line, for printing or CSV (``jlpanel results --csv``)."""
    en = language.startswith("en")
    yes, no = ("yes", "no") if en else ("是", "否")
    header = (
        [
            "rank",
            "filing no",
            "platform",
            "host unit",
            "score",
            "computed score",
            "adjusted",
            "adjustment reason",
            "valid scores",
            "grade",
            "final",
            "decision",
            "deadline",
            "funding rank",
            "funding (10k yuan)",
            "barred",
            "previous grade",
            "vetoes",
        ]
        if en
        else [
            "名次",
            "备案编号",
            "平台名称",
            "依托单位",
            "得分",
            "计算得分",
            "已调整",
            "调整理由",
            "有效评分",
            "等级",
            "结果可定",
            "处理意见",
            "整改期限",
            "后补助排序",
            "后补助金额(万元)",
            "取消申报资格",
            "上期等级",
            "一票否决",
        ]
    )

    def number(value: Decimal | None) -> str:
        return format_points(value)

    rows = [header]
    for line in lines:
        rows.append(
            [
                "" if line.rank is None else str(line.rank),
                line.filing_no,
                line.name,
                line.host_unit,
                number(line.score),
                number(line.computed_score),
                yes if line.adjusted else no,
                line.adjustment_reason,
                str(line.n_valid),
                line.grade_label,
                yes if line.is_final else no,
                line.decision_label,
                line.deadline.isoformat() if line.deadline else "",
                "" if line.funding_rank is None else str(line.funding_rank),
                number(line.funding_amount),
                yes if line.barred else no,
                line.previous_grade.label.get(language) if line.previous_grade else "",
                ("; " if en else "；").join(line.vetoes),
            ]
        )
    return rows


def funding_ranking(
    ws: Workspace,
    *,
    results: CycleResults | None = None,
    decision_date: dt.date | None = None,
) -> list[FundingLine]:
    """The post-hoc funding candidates (良好 or better) in funding order, with their amounts."""
    ctx = _context(ws, results, decision_date)
    out: list[FundingLine] = []
    for r in ctx.results.platforms:
        d = r.decision
        if d.kind is not DecisionKind.FUNDING_CANDIDATE or d.funding_rank is None:
            continue
        assert r.grade is not None
        facts = _facts(ctx, r)
        out.append(
            FundingLine(
                funding_rank=d.funding_rank,
                rank=r.rank,
                platform_id=int(r.platform_id),
                filing_no=facts.filing_no,
                name=facts.name,
                host_unit=facts.host_unit,
                score=r.score,
                grade=r.grade,
                amount=d.funding_amount,
            )
        )
    return sorted(out, key=lambda f: f.funding_rank)


def rectification_list(
    ws: Workspace,
    language: str = "zh",
    *,
    results: CycleResults | None = None,
    decision_date: dt.date | None = None,
) -> list[RectificationLine]:
    """Platforms ordered to rectify within a deadline, lowest score first."""
    ctx = _context(ws, results, decision_date)
    out = [
        RectificationLine(
            platform_id=int(r.platform_id),
            filing_no=_facts(ctx, r).filing_no,
            name=_facts(ctx, r).name,
            host_unit=_facts(ctx, r).host_unit,
            score=r.score,
            reason=r.decision.reason.get(language),
            deadline=r.decision.deadline,
            vetoes=_veto_names(ctx, r, language),
            is_final=r.is_final,
        )
        for r in ctx.results.platforms
        if r.decision.kind is DecisionKind.RECTIFY
    ]
    return sorted(out, key=lambda x: (x.score if x.score is not None else Decimal(-1), x.filing_no))


def disqualification_list(
    ws: Workspace,
    language: str = "zh",
    *,
    results: CycleResults | None = None,
    decision_date: dt.date | None = None,
) -> list[DisqualificationLine]:
    """Platforms that lose their status, with the reason: barred (fraud) ones first."""
    ctx = _context(ws, results, decision_date)
    out: list[DisqualificationLine] = []
    for r in ctx.results.platforms:
        if r.decision.kind is not DecisionKind.DISQUALIFY:
            continue
        facts = _facts(ctx, r)
        previous = ctx.previous.get(facts.filing_no)
        out.append(
            DisqualificationLine(
                platform_id=int(r.platform_id),
                filing_no=facts.filing_no,
                name=facts.name,
                host_unit=facts.host_unit,
                score=r.score,
                reason=r.decision.reason.get(language),
                barred=r.decision.barred,
                vetoes=tuple(
                    VetoReasons(code, ctx.rubric.veto(code).name.get(language), reasons)
                    for code, reasons in r.vetoes.items()
                ),
                previous_grade=previous[0] if previous else None,
                previous_cycle=previous[1] if previous else None,
            )
        )
    return sorted(out, key=lambda x: (not x.barred, x.filing_no))


def not_final(
    ws: Workspace,
    *,
    results: CycleResults | None = None,
    decision_date: dt.date | None = None,
) -> list[NotFinalLine]:
    """Platforms below the minimum coverage, with whose scores are still awaited."""
    ctx = _context(ws, results, decision_date)
    pending = [r for r in ctx.results.platforms if not r.is_final]
    if not pending:
        return []
    with ws.session() as s:
        experts = dict(s.execute(select(m.Expert.id, m.Expert.name)).all())
        assigned: dict[int, set[int]] = defaultdict(set)
        for eid, pid in s.execute(select(m.Assignment.expert_id, m.Assignment.platform_id)):
            assigned[pid].add(eid)
        for eid, pid in s.execute(select(m.Conflict.expert_id, m.Conflict.platform_id)):
            assigned[pid].discard(eid)
        scored: dict[int, set[int]] = defaultdict(set)
        for eid, pid in s.execute(select(m.ScoreSheet.expert_id, m.ScoreSheet.platform_id)):
            scored[pid].add(eid)
    out: list[NotFinalLine] = []
    for r in pending:
        pid = int(r.platform_id)
        facts = _facts(ctx, r)
        awaiting = sorted(assigned.get(pid, set()) - scored.get(pid, set()))
        out.append(
            NotFinalLine(
                platform_id=pid,
                filing_no=facts.filing_no,
                name=facts.name,
                n_valid=r.n_valid,
                required=ctx.rules.min_valid_scores,
                invalid=tuple(sorted(experts.get(int(e), e) for e in r.excluded)),
                awaiting=tuple(experts[e] for e in awaiting if e in experts),
            )
        )
    return sorted(out, key=lambda x: (x.n_valid, x.filing_no))


def grade_distribution(
    ws: Workspace,
    *,
    results: CycleResults | None = None,
    decision_date: dt.date | None = None,
) -> GradeDistribution:
    """How many platforms got each grade (after the 优秀 quota), for the table and the chart."""
    if results is None:
        results = compute_workspace_results(
            ws, decision_date=decision_date or stored_decision_date(ws)
        )
    counts = Counter(r.grade for r in results.platforms if r.grade is not None)
    return GradeDistribution(
        counts={g: counts.get(g, 0) for g in GRADE_ORDER},
        ungraded=sum(1 for r in results.platforms if r.grade is None),
        not_final=sum(1 for r in results.platforms if not r.is_final),
        total=len(results.platforms),
    )
