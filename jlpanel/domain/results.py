"""Computing a cycle's results: platform scores, grades, ranks and decisions (DESIGN §5)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jlpanel.domain.aggregation import (
    Disagreement,
    Leniency,
    Summary,
    disagreements,
    leniency,
    summarize,
)
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import (
    BudgetSplit,
    Grade,
    RuleSettings,
    add_months,
    excellent_quota_count,
    grade_for_score,
    round_half_up,
    worse,
)
from jlpanel.domain.scoresheet import (
    ScoreSheet,
    SheetProblem,
    area_points,
    expert_total,
    validate_sheet,
)
from jlpanel.domain.text import Text


class DecisionKind(StrEnum):
    """What the cycle decides for a platform."""

    FUNDING_CANDIDATE = "funding_candidate"  # 后补助候选
    MAINTAIN = "maintain"  # 合格: keeps its status
    RECTIFY = "rectify"  # 限期整改
    DISQUALIFY = "disqualify"  # 取消资格
    PENDING = "pending"  # not final: too few valid scores


DECISION_LABELS: Mapping[DecisionKind, Text] = {
    DecisionKind.FUNDING_CANDIDATE: Text("后补助候选", "Post-hoc funding candidate"),
    DecisionKind.MAINTAIN: Text("保持资格", "Status maintained"),
    DecisionKind.RECTIFY: Text("限期整改", "Rectify within a deadline"),
    DecisionKind.DISQUALIFY: Text("取消资格", "Status revoked"),
    DecisionKind.PENDING: Text("待定（有效评分不足）", "Pending (too few valid scores)"),
}


@dataclass(frozen=True, slots=True)
class Decision:
    """The decision for one platform, with its reason."""

    kind: DecisionKind
    reason: Text
    deadline: dt.date | None = None
    #: Fraud or misconduct: barred from applying and from evaluation.
    barred: bool = False
    funding_rank: int | None = None
    funding_amount: float | None = None


@dataclass(frozen=True, slots=True)
class PlatformInput:
    """Everything the rules need to know about one platform in the cycle."""

    platform_id: str
    #: Conflict-free sheets for this platform (the caller drops conflicted experts).
    sheets: Sequence[ScoreSheet]
    #: The platform's grade in the previous cycle, if it was evaluated then.
    previous_grade: Grade | None = None
    #: A consensus-round score that replaces the computed one.
    adjusted_score: float | None = None
    #: Vetoes the panel confirmed directly (veto code → reason).
    panel_vetoes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlatformResult:
    """The computed result of one platform."""

    platform_id: str
    n_valid: int
    expert_totals: Mapping[str, float]
    total: Summary | None
    areas: Mapping[str, Summary]
    indicators: Mapping[str, Summary]
    #: The statistic the policy chose, rounded; None without valid scores.
    computed_score: float | None
    #: The score that counts: the adjustment if any, else the computed score.
    score: float | None
    adjusted: bool
    #: Applied vetoes: code → the reasons given.
    vetoes: Mapping[str, tuple[str, ...]]
    barred: bool
    disagreements: tuple[Disagreement, ...]
    #: Areas below the floor (only when a floor is set).
    floors_missed: tuple[str, ...]
    #: The grade before the 优秀 quota was applied.
    grade_by_rules: Grade | None
    grade: Grade | None
    #: True when the quota moved this platform from 优秀 to 良好.
    quota_applied: bool
    rank: int | None
    is_final: bool
    decision: Decision
    #: Sheets left out because they were invalid: expert id → problems.
    excluded: Mapping[str, tuple[SheetProblem, ...]]

    @property
    def on_discussion_list(self) -> bool:
        """Whether the panel should discuss this platform's scores."""
        return bool(self.disagreements)


@dataclass(frozen=True, slots=True)
class CycleResults:
    """All platforms' results plus the per-expert leniency view."""

    platforms: tuple[PlatformResult, ...]
    leniency: Mapping[str, Leniency]

    def by_id(self, platform_id: str) -> PlatformResult:
        """The result of ``platform_id``."""
        for p in self.platforms:
            if p.platform_id == platform_id:
                return p
        raise KeyError(platform_id)

    def ranked(self) -> list[PlatformResult]:
        """Results in rank order; unranked platforms last."""
        return sorted(
            self.platforms,
            key=lambda p: (p.rank is None, p.rank or 0, p.platform_id),
        )


@dataclass(slots=True)
class _Work:
    """Intermediate per-platform state while the cycle is being graded."""

    inp: PlatformInput
    valid: list[ScoreSheet]
    excluded: dict[str, tuple[SheetProblem, ...]]
    totals: dict[str, float]
    total: Summary | None
    areas: dict[str, Summary]
    indicators: dict[str, Summary]
    computed: float | None
    score: float | None
    area_scores: dict[str, float]
    vetoes: dict[str, tuple[str, ...]]
    barred: bool
    floors_missed: tuple[str, ...]
    grade_by_rules: Grade | None
    grade: Grade | None = None
    quota_applied: bool = False
    rank: int | None = None


def _assess(inp: PlatformInput, rubric: Rubric, rules: RuleSettings) -> _Work:
    valid: list[ScoreSheet] = []
    excluded: dict[str, tuple[SheetProblem, ...]] = {}
    for sheet in inp.sheets:
        problems = validate_sheet(sheet, rubric)
        if problems:
            excluded[sheet.expert_id] = tuple(problems)
        else:
            valid.append(sheet)
    per_area = [area_points(s, rubric) for s in valid]
    totals = {s.expert_id: expert_total(s, rubric, a) for s, a in zip(valid, per_area, strict=True)}
    total = summarize(list(totals.values()), rules.trim_min_n) if totals else None
    areas = (
        {a.code: summarize([p[a.code] for p in per_area], rules.trim_min_n) for a in rubric.areas}
        if valid
        else {}
    )
    indicators = (
        {
            i.code: summarize([s.points[i.code] or 0.0 for s in valid], rules.trim_min_n)
            for i in rubric.indicators
        }
        if valid
        else {}
    )
    computed = (
        round_half_up(total.value(rules.score_policy), rules.score_decimals) if total else None
    )
    score = (
        round_half_up(inp.adjusted_score, rules.score_decimals)
        if inp.adjusted_score is not None
        else computed
    )
    area_scores = {code: s.value(rules.score_policy) for code, s in areas.items()}

    raised: dict[str, list[str]] = {}
    for sheet in valid:
        for code, reason in sheet.vetoes.items():
            raised.setdefault(code, []).append(reason)
    vetoes = {
        code: tuple(reasons)
        for code, reasons in raised.items()
        if len(reasons) >= rules.veto_min_experts
    }
    for code, reason in inp.panel_vetoes.items():
        vetoes[code] = (*vetoes.get(code, ()), reason)
    barred = any(rubric.veto(code).bars for code in vetoes)

    floors_missed: tuple[str, ...] = ()
    if rules.area_floor_pct is not None and areas:
        floors_missed = tuple(
            a.code
            for a in rubric.areas
            if area_scores[a.code] + 1e-9 < a.max_points * rules.area_floor_pct / 100.0
        )

    grade_by_rules: Grade | None = None
    if score is not None:
        grade_by_rules = grade_for_score(score, rules)
        if floors_missed:
            grade_by_rules = worse(grade_by_rules, rules.area_floor_max_grade)
        if vetoes:
            grade_by_rules = Grade.FAIL
    elif vetoes:
        grade_by_rules = Grade.FAIL

    return _Work(
        inp=inp,
        valid=valid,
        excluded=excluded,
        totals=totals,
        total=total,
        areas=areas,
        indicators=indicators,
        computed=computed,
        score=score,
        area_scores=area_scores,
        vetoes=vetoes,
        barred=barred,
        floors_missed=floors_missed,
        grade_by_rules=grade_by_rules,
        grade=grade_by_rules,
    )


def _rank(works: Sequence[_Work], rules: RuleSettings) -> list[_Work]:
    """Rank scored platforms: vetoed ones last, then by score, ties by the tie-break area."""

    def key(w: _Work) -> tuple[bool, float, float]:
        assert w.score is not None
        return (bool(w.vetoes), -w.score, -w.area_scores.get(rules.tie_break_area, 0.0))

    ordered = sorted(
        (w for w in works if w.score is not None), key=lambda w: (key(w), w.inp.platform_id)
    )
    previous: tuple[bool, float, float] | None = None
    for position, w in enumerate(ordered, 1):
        k = key(w)
        if previous is None or any(abs(a - b) > 1e-9 for a, b in zip(k, previous, strict=True)):
            w.rank = position
        else:
            w.rank = ordered[position - 2].rank
        previous = k
    return ordered


def _apply_quota(ordered: Sequence[_Work], rules: RuleSettings) -> None:
    allowed = excellent_quota_count(rules, len(ordered))
    if allowed is None:
        return
    kept = 0
    for w in ordered:  # rank order: the highest keep 优秀
        if w.grade is Grade.EXCELLENT:
            if kept < allowed:
                kept += 1
            else:
                w.grade = Grade.GOOD
                w.quota_applied = True


def split_budget(
    budget: float, how: BudgetSplit, candidates: Sequence[tuple[float, Grade]], rules: RuleSettings
) -> list[float]:
    """Divide ``budget`` among candidates (score, grade) to the cent, summing exactly."""
    if not candidates or how is BudgetSplit.NONE:
        return [0.0] * len(candidates)
    if how is BudgetSplit.EQUAL:
        weights = [1.0] * len(candidates)
    elif how is BudgetSplit.BY_SCORE:
        weights = [max(score, 0.0) for score, _ in candidates]
    else:
        weights = [rules.tier_weights.get(grade, 0.0) for _, grade in candidates]
    total_weight = math.fsum(weights)
    if total_weight <= 0:
        return [0.0] * len(candidates)
    cents = round(budget * 100)
    exact = [cents * w / total_weight for w in weights]
    floors = [math.floor(x) for x in exact]
    # Largest remainder: hand the leftover cents to the largest fractional parts, in rank order.
    leftover = cents - sum(floors)
    order = sorted(range(len(exact)), key=lambda n: (-(exact[n] - floors[n]), n))
    for n in order[:leftover]:
        floors[n] += 1
    return [c / 100 for c in floors]


def _decide(w: _Work, rubric: Rubric, rules: RuleSettings, decision_date: dt.date) -> Decision:
    if w.barred:
        names = "、".join(rubric.veto(c).name.zh for c in w.vetoes if rubric.veto(c).bars)
        names_en = ", ".join(rubric.veto(c).name.en for c in w.vetoes if rubric.veto(c).bars)
        return Decision(
            DecisionKind.DISQUALIFY,
            Text(
                f"一票否决：{names}；取消资格并取消申报和参加考核评价资格",
                f"Veto: {names_en}; status revoked and barred from applying and evaluation",
            ),
            barred=True,
        )
    if len(w.valid) < rules.min_valid_scores:
        return Decision(
            DecisionKind.PENDING,
            Text(
                f"有效评分 {len(w.valid)} 份，少于 {rules.min_valid_scores} 份，结果尚未确定",
                f"{len(w.valid)} valid scores, fewer than {rules.min_valid_scores}: not final",
            ),
        )
    if w.grade is Grade.FAIL:
        if w.inp.previous_grade is Grade.FAIL:
            return Decision(
                DecisionKind.DISQUALIFY,
                Text(
                    "连续两次考核不合格，取消共享服务平台资格",
                    "Failed in this and the previous cycle: status revoked",
                ),
            )
        deadline = add_months(decision_date, rules.rectification_months)
        why = Text("考核不合格", "Failed the evaluation")
        if w.vetoes:
            names = "、".join(rubric.veto(c).name.zh for c in w.vetoes)
            names_en = ", ".join(rubric.veto(c).name.en for c in w.vetoes)
            why = Text(f"一票否决：{names}", f"Veto: {names_en}")
        return Decision(
            DecisionKind.RECTIFY,
            Text(
                f"{why.zh}，限期整改，整改期限至 {deadline.isoformat()}",
                f"{why.en}; rectify by {deadline.isoformat()}",
            ),
            deadline=deadline,
        )
    if w.grade in rules.funding_grades:
        return Decision(
            DecisionKind.FUNDING_CANDIDATE,
            Text(
                "考核结果为良好及以上，列入后补助候选", "Good or better: post-hoc funding candidate"
            ),
        )
    return Decision(DecisionKind.MAINTAIN, Text("考核合格，保持资格", "Passed: status maintained"))


def compute_results(
    rubric: Rubric,
    rules: RuleSettings,
    platforms: Sequence[PlatformInput],
    *,
    decision_date: dt.date,
) -> CycleResults:
    """Grade every platform of a cycle under ``rules`` and decide what follows for each."""
    works = [_assess(p, rubric, rules) for p in platforms]
    ordered = _rank(works, rules)
    _apply_quota(ordered, rules)

    decisions = {id(w): _decide(w, rubric, rules, decision_date) for w in works}
    candidates = [w for w in ordered if decisions[id(w)].kind is DecisionKind.FUNDING_CANDIDATE]
    amounts: list[float | None] = [None] * len(candidates)
    if rules.funding_budget is not None and rules.budget_split is not BudgetSplit.NONE:
        amounts = list(
            split_budget(
                rules.funding_budget,
                rules.budget_split,
                [(w.score or 0.0, w.grade or Grade.PASS) for w in candidates],
                rules,
            )
        )
    for n, w in enumerate(candidates):
        d = decisions[id(w)]
        decisions[id(w)] = Decision(
            d.kind, d.reason, d.deadline, d.barred, funding_rank=n + 1, funding_amount=amounts[n]
        )

    results = tuple(
        PlatformResult(
            platform_id=w.inp.platform_id,
            n_valid=len(w.valid),
            expert_totals=dict(w.totals),
            total=w.total,
            areas=w.areas,
            indicators=w.indicators,
            computed_score=w.computed,
            score=w.score,
            adjusted=w.inp.adjusted_score is not None,
            vetoes=w.vetoes,
            barred=w.barred,
            disagreements=tuple(
                disagreements(
                    w.totals,
                    max_range=rules.disagreement_range,
                    max_from_median=rules.disagreement_from_median,
                )
            ),
            floors_missed=w.floors_missed,
            grade_by_rules=w.grade_by_rules,
            grade=w.grade,
            quota_applied=w.quota_applied,
            rank=w.rank,
            is_final=len(w.valid) >= rules.min_valid_scores,
            decision=decisions[id(w)],
            excluded=w.excluded,
        )
        for w in works
    )
    triples = [(e, w.inp.platform_id, t) for w in works for e, t in w.totals.items()]
    return CycleResults(results, leniency(triples))
