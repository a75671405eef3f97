"""Computing a cycle's results: platform scores, grades, ranks and decisions (DESIGN §5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from typing import Any

from jlpanel.domain.aggregation import (
    Disagreement,
    Leniency,
    Summary,
    disagreements,
    leniency,
    policy_weights,
    summarize,
    weighted,
)
from jlpanel.domain.exact import ZERO, round_half_up, to_decimal
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import (
    BudgetSplit,
    Grade,
    RuleSettings,
    add_months,
    excellent_quota_count,
    grade_for_score,
    worse,
)
from jlpanel.domain.scoresheet import (
    ScoreSheet,
    SheetChecker,
    SheetProblem,
    area_points,
    expert_total,
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
    #: Set once the results are confirmed: the confirmation day plus the months allowed.
    deadline: dt.date | None = None
    #: Fraud or misconduct: barred from applying and from evaluation.
    barred: bool = False
    funding_rank: int | None = None
    #: The candidate's share of the budget (万元, to 0.01); None without a split or while a
    #: tie in the split is undecided.
    funding_amount: Decimal | None = None
    #: Carried from an earlier cycle (a bar or a loss of status), not from this cycle's scores.
    carried: bool = False


@dataclass(frozen=True, slots=True)
class VetoRuling:
    """The panel's ruling on a veto for one platform: confirmed or dismissed, and why."""

    confirmed: bool
    reason: str


@dataclass(frozen=True, slots=True)
class EarlierStanding:
    """What earlier cycles decided that carries into this one, whatever this cycle's score."""

    #: Barred for fraud or misconduct (取消申报和参加考核评价资格), and in which cycle.
    barred_in: str | None = None
    #: Lost its status (取消资格) in that cycle.
    disqualified_in: str | None = None
    #: Ordered to rectify in that cycle, and the 复核 failed or the deadline passed without
    #: a passed one: taken as a second fail (see :func:`jlpanel.domain.register.is_lapsed`).
    rectification_lapsed_in: str | None = None


@dataclass(frozen=True, slots=True)
class PlatformInput:
    """Everything the rules need to know about one platform in the cycle."""

    platform_id: str
    #: Conflict-free sheets for this platform (the caller drops conflicted experts).
    sheets: Sequence[ScoreSheet]
    #: The platform's grade in the previous cycle, if it was evaluated then (final results).
    previous_grade: Grade | None = None
    #: A consensus-round score that replaces the computed one.
    adjusted_score: Decimal | float | None = None
    #: The panel's rulings on vetoes (veto code → ruling); a confirmed veto applies even
    #: when no expert claimed it, a dismissed one never applies.
    veto_rulings: Mapping[str, VetoRuling] = field(default_factory=dict)
    #: A bar or loss of status from an earlier cycle.
    earlier: EarlierStanding | None = None
    #: How people know the platform (the filing number): only to list exact ties the same
    #: way every time; it never decides an order that matters.
    label: str = ""


class TieWhere(StrEnum):
    """Where a remaining exact tie matters, so the panel must order it (并列)."""

    QUOTA = "quota"  # at the 优秀 quota
    FUNDING_CUT = "funding_cut"  # at the number of candidates funded
    BUDGET = "budget"  # in the budget split (who gets the leftover cents)


TIE_LABELS: Mapping[TieWhere, Text] = {
    TieWhere.QUOTA: Text("优秀比例线上并列", "tied at the 优秀 quota"),
    TieWhere.FUNDING_CUT: Text("后补助名额线上并列", "tied at the funding cut"),
    TieWhere.BUDGET: Text("后补助经费分配并列", "tied in the budget split"),
}


@dataclass(frozen=True, slots=True)
class Tie:
    """An exact tie (same score, same tie-break area) that matters, with its members."""

    where: TieWhere
    #: Platform ids of every member, in label order.
    members: tuple[str, ...]
    #: True when the panel has ordered the members (a tie order covers them all).
    decided: bool


@dataclass(frozen=True, slots=True)
class VetoClaimStatus:
    """One veto raised for a platform: who claimed it, and the panel's ruling if any."""

    code: str
    #: (expert id, the expert's reason) for each valid sheet that claims it.
    claims: tuple[tuple[str, str], ...]
    ruling: VetoRuling | None
    #: Whether it counts in this result.
    applies: bool


@dataclass(frozen=True, slots=True)
class PlatformResult:
    """The computed result of one platform."""

    platform_id: str
    n_valid: int
    expert_totals: Mapping[str, Decimal]
    total: Summary | None
    areas: Mapping[str, Summary]
    indicators: Mapping[str, Summary]
    #: Each area's score over the same experts as the platform score, rounded like it.
    area_scores: Mapping[str, Decimal]
    #: The same, exact: without a bonus they add up to the exact platform score.
    exact_area_scores: Mapping[str, Fraction]
    #: The policy's statistic before rounding (None without valid scores).
    exact_score: Fraction | None
    #: The statistic the policy chose, rounded half up; None without valid scores.
    computed_score: Decimal | None
    #: The score that counts: the adjustment if any, else the computed score.
    score: Decimal | None
    adjusted: bool
    #: Applied vetoes: code → the reasons given (experts' claims, then the panel's).
    vetoes: Mapping[str, tuple[str, ...]]
    #: Every veto claimed or ruled on, with its status.
    veto_claims: tuple[VetoClaimStatus, ...]
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
    #: Enough valid, conflict-free scores (DESIGN §5 minimum coverage).
    covered: bool
    #: The result is final: covered, and not in an undecided tie that matters.
    is_final: bool
    #: A tie that matters, decided or not.
    tie: Tie | None
    decision: Decision
    #: Sheets left out because they were invalid: expert id → problems.
    excluded: Mapping[str, tuple[SheetProblem, ...]]

    @property
    def on_discussion_list(self) -> bool:
        """Whether the panel should discuss this platform: disagreement, a veto claim, a tie."""
        return (
            bool(self.disagreements)
            or any(c.claims for c in self.veto_claims)
            or (self.tie is not None and not self.tie.decided)
        )

    @property
    def failed_by_veto(self) -> bool:
        """不合格 because of a veto rather than the score."""
        return self.grade is Grade.FAIL and bool(self.vetoes)


@dataclass(frozen=True, slots=True)
class CycleResults:
    """All platforms' results plus the per-expert leniency view."""

    platforms: tuple[PlatformResult, ...]
    leniency: Mapping[str, Leniency]
    #: How many may be 优秀 under the quota (None without one), and over how many finals.
    quota_places: int | None = None
    final_count: int = 0
    #: Every tie that matters, once each.
    ties: tuple[Tie, ...] = ()
    #: The day the results were confirmed (None: not confirmed).
    confirmed_on: dt.date | None = None

    def by_id(self, platform_id: str) -> PlatformResult:
        """The result of ``platform_id``."""
        for p in self.platforms:
            if p.platform_id == platform_id:
                return p
        raise KeyError(platform_id)

    def ranked(self) -> list[PlatformResult]:
        """Results in rank order (the computed order, panel tie orders included); unranked
        platforms last."""
        order = {p.platform_id: n for n, p in enumerate(self.platforms)}
        return sorted(
            self.platforms,
            key=lambda p: (p.rank is None, p.rank or 0, order[p.platform_id]),
        )


@dataclass(slots=True)
class _Work:
    """Intermediate per-platform state while the cycle is being graded."""

    inp: PlatformInput
    valid: list[ScoreSheet]
    excluded: dict[str, tuple[SheetProblem, ...]]
    totals: dict[str, Decimal]
    total: Summary | None
    areas: dict[str, Summary]
    indicators: Mapping[str, Summary]
    exact: Fraction | None
    computed: Decimal | None
    score: Decimal | None
    #: Exact area scores over the policy's experts (tie-breaks and floors use these).
    area_exact: dict[str, Fraction]
    vetoes: dict[str, tuple[str, ...]]
    veto_claims: tuple[VetoClaimStatus, ...]
    barred: bool
    floors_missed: tuple[str, ...]
    grade_by_rules: Grade | None
    covered: bool
    grade: Grade | None = None
    quota_applied: bool = False
    rank: int | None = None
    tie: Tie | None = None

    def key(self, tie_break_area: str) -> tuple[bool, Decimal, Fraction]:
        """What ranks a scored platform: not vetoed first, then score, then the area."""
        assert self.score is not None
        return (
            bool(self.vetoes),
            -self.score,
            -self.area_exact.get(tie_break_area, Fraction(0)),
        )


class IndicatorSummaries(Mapping[str, Summary]):
    """Each indicator's summary over a platform's valid sheets, computed when first asked for.

    Most uses of a cycle's results (grades, ranks, the results table) never look at the
    indicators: a 2,000-platform cycle has 30,000 of these summaries. Read, it is the mapping
    it always was (indicator code → :func:`summarize` of the points, unscored as 0).
    """

    __slots__ = ("_codes", "_done", "_sheets", "_trim_min_n")

    def __init__(self, codes: Sequence[str], sheets: Sequence[ScoreSheet], trim_min_n: int):
        self._codes = tuple(codes)
        self._sheets = tuple(sheets)
        self._trim_min_n = trim_min_n
        self._done: dict[str, Summary] | None = None

    def _summaries(self) -> dict[str, Summary]:
        done = self._done
        if done is None:  # two threads may both compute it: the same values either way
            done = {
                code: summarize([s.points[code] or ZERO for s in self._sheets], self._trim_min_n)
                for code in self._codes
            }
            self._done = done
        return done

    def __getitem__(self, code: str) -> Summary:
        return self._summaries()[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return repr(self._summaries())

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as the plain dict it stands for
        return (dict, (self._summaries(),))


def _veto_status(
    inp: PlatformInput, valid: Sequence[ScoreSheet], rules: RuleSettings
) -> tuple[dict[str, tuple[str, ...]], tuple[VetoClaimStatus, ...]]:
    claims: dict[str, list[tuple[str, str]]] = {}
    for sheet in valid:
        for code, reason in sheet.vetoes.items():
            claims.setdefault(code, []).append((sheet.expert_id, reason))
    applied: dict[str, tuple[str, ...]] = {}
    statuses: list[VetoClaimStatus] = []
    for code in sorted(set(claims) | set(inp.veto_rulings)):
        raised = tuple(sorted(claims.get(code, [])))
        ruling = inp.veto_rulings.get(code)
        if ruling is not None:
            applies = ruling.confirmed
        else:
            applies = rules.unconfirmed_veto_counts and len(raised) >= rules.veto_min_experts
        statuses.append(VetoClaimStatus(code, raised, ruling, applies))
        if applies:
            reasons = tuple(r for _, r in raised)
            if ruling is not None and ruling.reason.strip():
                reasons = (*reasons, ruling.reason)
            applied[code] = reasons
    return applied, tuple(statuses)


def _assess(
    inp: PlatformInput, rubric: Rubric, rules: RuleSettings, checker: SheetChecker | None = None
) -> _Work:
    check = (checker or SheetChecker(rubric)).problems
    valid: list[ScoreSheet] = []
    excluded: dict[str, tuple[SheetProblem, ...]] = {}
    for sheet in inp.sheets:
        problems = check(sheet)
        if problems:
            excluded[sheet.expert_id] = tuple(problems)
        else:
            valid.append(sheet)
    per_area = {s.expert_id: area_points(s, rubric) for s in valid}
    totals = {s.expert_id: expert_total(s, rubric, per_area[s.expert_id]) for s in valid}
    total = summarize(list(totals.values()), rules.trim_min_n) if totals else None
    areas = (
        {
            a.code: summarize([p[a.code] for p in per_area.values()], rules.trim_min_n)
            for a in rubric.areas
        }
        if valid
        else {}
    )
    indicators: Mapping[str, Summary] = (
        IndicatorSummaries(tuple(i.code for i in rubric.indicators), valid, rules.trim_min_n)
        if valid
        else {}
    )
    weights = policy_weights(totals, rules.score_policy, rules.trim_min_n)
    exact_score = weighted(totals, weights) if totals else None
    computed = round_half_up(exact_score, rules.score_decimals) if exact_score is not None else None
    score = (
        round_half_up(to_decimal(inp.adjusted_score), rules.score_decimals)
        if inp.adjusted_score is not None
        else computed
    )
    area_exact = {
        a.code: weighted({e: p[a.code] for e, p in per_area.items()}, weights)
        for a in rubric.areas
        if valid
    }

    vetoes, veto_claims = _veto_status(inp, valid, rules)
    barred = any(rubric.veto(code).bars for code in vetoes)

    floors_missed: tuple[str, ...] = ()
    if rules.area_floor_pct is not None and area_exact:
        floors_missed = tuple(
            a.code
            for a in rubric.areas
            if area_exact[a.code] < Fraction(a.max_points * rules.area_floor_pct / 100)
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
        exact=exact_score,
        computed=computed,
        score=score,
        area_exact=area_exact,
        vetoes=vetoes,
        veto_claims=veto_claims,
        barred=barred,
        floors_missed=floors_missed,
        grade_by_rules=grade_by_rules,
        covered=len(valid) >= rules.min_valid_scores,
        grade=grade_by_rules,
    )


@dataclass(slots=True)
class _Group:
    """Platforms with the same rank key (an exact tie when there are several)."""

    members: list[_Work]
    #: The panel ordered them: ``members`` is in its order and the ranks are distinct.
    ordered: bool = False


def _groups(
    works: Sequence[_Work], rules: RuleSettings, tie_orders: Sequence[Sequence[str]]
) -> list[_Group]:
    """Scored platforms in rank order as groups of exact ties; ranks assigned.

    A group the panel has ordered (a tie order holding every member) is kept in that order
    with distinct ranks. Other groups share a rank; inside them platforms are listed by
    label, which decides nothing.
    """
    scored = sorted(
        (w for w in works if w.score is not None),
        key=lambda w: (w.key(rules.tie_break_area), w.inp.label, w.inp.platform_id),
    )
    groups: list[_Group] = []
    for w in scored:
        if groups and groups[-1].members[0].key(rules.tie_break_area) == w.key(
            rules.tie_break_area
        ):
            groups[-1].members.append(w)
        else:
            groups.append(_Group([w]))
    for group in groups:
        order = _panel_order(group.members, tie_orders)
        if order is not None:
            group.members, group.ordered = order, True
    position = 1
    for group in groups:
        for n, w in enumerate(group.members):
            w.rank = position + n if group.ordered else position
        position += len(group.members)
    return groups


def _panel_order(group: Sequence[_Work], tie_orders: Sequence[Sequence[str]]) -> list[_Work] | None:
    if len(group) < 2:
        return None
    ids = {w.inp.platform_id for w in group}
    for order in reversed(tie_orders):  # the latest order that covers the group
        if ids <= set(order):
            position = {pid: n for n, pid in enumerate(order)}
            return sorted(group, key=lambda w: position[w.inp.platform_id])
    return None


def _mark_tie(
    group: Sequence[_Work], where: TieWhere, ties: list[Tie], *, decided: bool = False
) -> None:
    tie = Tie(where, tuple(w.inp.platform_id for w in group), decided=decided)
    ties.append(tie)
    for w in group:
        if w.tie is None or (w.tie.decided and not decided):
            w.tie = tie


def _apply_quota(
    groups: Sequence[_Group], rules: RuleSettings, ties: list[Tie]
) -> tuple[int | None, int]:
    """Cap 优秀 at floor(share × final results); a not-final platform takes no slot.

    Returns the places and the number of final results. A group of exact ties that spans
    the cut is 并列: the panel's order decides who keeps 优秀; until there is one, its
    members keep their grade by the rules and their results are not final.
    """
    finals = sum(1 for g in groups for w in g.members if w.covered)
    allowed = excellent_quota_count(rules, finals)
    if allowed is None:
        return None, finals
    kept = 0
    for group in groups:
        candidates = [w for w in group.members if w.covered and w.grade is Grade.EXCELLENT]
        if not candidates:
            continue
        if kept + len(candidates) <= allowed:
            kept += len(candidates)
            continue
        if kept < allowed:  # the cut falls inside an exact tie
            _mark_tie(candidates, TieWhere.QUOTA, ties, decided=group.ordered)
            if not group.ordered:
                kept = allowed
                continue
            for w in candidates[allowed - kept :]:
                w.grade = Grade.GOOD
                w.quota_applied = True
            kept = allowed
            continue
        for w in candidates:
            w.grade = Grade.GOOD
            w.quota_applied = True
    return allowed, finals


def split_budget(
    budget: Decimal | float,
    how: BudgetSplit,
    candidates: Sequence[tuple[Decimal, Grade]],
    rules: RuleSettings,
    *,
    tied_with_next: Sequence[bool] | None = None,
) -> tuple[list[Decimal | None], list[int]]:
    """Divide ``budget`` (万元) among candidates (score, grade) in funding order, to 0.01.

    Exact largest-remainder: every candidate gets the floor of its exact share, and the
    leftover hundredths go to the largest remainders, then in funding order. When the last
    leftover falls inside a run of candidates that are exactly tied (``tied_with_next[n]``:
    candidate n and n+1 are tied) with equal remainders, nothing decides who gets it: those
    candidates' amounts are None and their indices are returned as the tie.
    """
    n = len(candidates)
    if not candidates or how is BudgetSplit.NONE:
        return [None] * n, []
    weights: list[Fraction]
    if how is BudgetSplit.EQUAL:
        weights = [Fraction(1)] * n
    elif how is BudgetSplit.BY_SCORE:
        weights = [Fraction(max(score, ZERO)) for score, _ in candidates]
    else:
        weights = [Fraction(rules.tier_weights.get(grade, ZERO)) for _, grade in candidates]
    total_weight = sum(weights, Fraction(0))
    if total_weight <= 0:
        return [Decimal("0.00")] * n, []
    cents = int(round_half_up(to_decimal(budget) * 100, 0))
    exact = [cents * w / total_weight for w in weights]
    floors = [e.numerator // e.denominator for e in exact]
    rests = [e - f for e, f in zip(exact, floors, strict=True)]
    leftover = cents - sum(floors)
    order = sorted(range(n), key=lambda k: (-rests[k], k))
    tied = list(tied_with_next or [False] * n)

    def same_tie(a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return rests[a] == rests[b] and all(tied[k] for k in range(lo, hi))

    undecided: list[int] = []
    if 0 < leftover < n:
        last_in, first_out = order[leftover - 1], order[leftover]
        if same_tie(last_in, first_out):
            undecided = [k for k in range(n) if same_tie(k, last_in)]
    for k in order[:leftover]:
        floors[k] += 1
    amounts: list[Decimal | None] = [Decimal(c).scaleb(-2) for c in floors]
    for k in undecided:
        amounts[k] = None
    return amounts, undecided


def _decide(
    w: _Work,
    rubric: Rubric,
    rules: RuleSettings,
    confirmed_on: dt.date | None,
    kept_deadline: dt.date | None,
) -> Decision:
    earlier = w.inp.earlier
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
    if earlier is not None and earlier.barred_in:
        return Decision(
            DecisionKind.DISQUALIFY,
            Text(
                f"已在“{earlier.barred_in}”因弄虚作假或违反学术道德被取消申报和参加考核评价"
                "资格，本期结果不改变该处理",
                f"Barred in “{earlier.barred_in}” for fraud or misconduct; this cycle's result "
                "does not lift the bar",
            ),
            barred=True,
            carried=True,
        )
    if earlier is not None and earlier.disqualified_in:
        return Decision(
            DecisionKind.DISQUALIFY,
            Text(
                f"已在“{earlier.disqualified_in}”被取消共享服务平台资格",
                f"Status revoked in “{earlier.disqualified_in}”",
            ),
            carried=True,
        )
    if earlier is not None and earlier.rectification_lapsed_in:
        return Decision(
            DecisionKind.DISQUALIFY,
            Text(
                f"“{earlier.rectification_lapsed_in}”的限期整改未通过复核或逾期未整改，"
                "视同连续两次考核不合格，取消共享服务平台资格",
                f"The rectification ordered in “{earlier.rectification_lapsed_in}” failed its "
                "review or is overdue, taken as a second fail: status revoked",
            ),
            carried=True,
        )
    if not w.covered:
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
        why = Text("考核不合格", "Failed the evaluation")
        if w.vetoes:
            names = "、".join(rubric.veto(c).name.zh for c in w.vetoes)
            names_en = ", ".join(rubric.veto(c).name.en for c in w.vetoes)
            why = Text(f"一票否决：{names}", f"Veto: {names_en}")
        if kept_deadline is not None:
            deadline: dt.date | None = kept_deadline
        elif confirmed_on is not None:
            deadline = add_months(confirmed_on, rules.rectification_months)
        else:
            deadline = None
        if deadline is None:
            when = Text(
                f"自结果确定之日起 {rules.rectification_months} 个月内整改",
                f"rectify within {rules.rectification_months} months of the confirmation",
            )
        else:
            when = Text(f"整改期限至 {deadline.isoformat()}", f"rectify by {deadline.isoformat()}")
        return Decision(
            DecisionKind.RECTIFY,
            Text(f"{why.zh}，限期整改，{when.zh}", f"{why.en}; {when.en}"),
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


def _fund(
    groups: Sequence[_Group],
    decisions: dict[str, Decision],
    rules: RuleSettings,
    ties: list[Tie],
) -> None:
    """Funding ranks (shared within an undecided exact tie), the funding cut and the split.

    While a tie at the funding cut is undecided, who is funded is not known, so no amount is
    computed for anyone until the panel orders it.
    """
    candidate_groups = [
        _Group(
            [
                w
                for w in g.members
                if decisions[w.inp.platform_id].kind is DecisionKind.FUNDING_CANDIDATE
            ],
            g.ordered,
        )
        for g in groups
    ]
    candidate_groups = [g for g in candidate_groups if g.members]
    ranks: dict[str, int] = {}
    position = 1
    for g in candidate_groups:
        for n, w in enumerate(g.members):
            ranks[w.inp.platform_id] = position + n if g.ordered else position
        position += len(g.members)
    funded = [w for g in candidate_groups for w in g.members]
    cut_undecided = False
    if rules.funding_places is not None:
        seen = 0
        for g in candidate_groups:
            if seen < rules.funding_places < seen + len(g.members):
                _mark_tie(g.members, TieWhere.FUNDING_CUT, ties, decided=g.ordered)
                cut_undecided = cut_undecided or not g.ordered
            seen += len(g.members)
        funded = funded[: rules.funding_places]
    amounts: dict[str, Decimal | None] = {}
    splits = rules.funding_budget is not None and rules.budget_split is not BudgetSplit.NONE
    if splits and funded and not cut_undecided:
        assert rules.funding_budget is not None
        in_group = {
            w.inp.platform_id: n
            for n, g in enumerate(candidate_groups)
            if not g.ordered
            for w in g.members
        }
        tied_with_next = [
            a.inp.platform_id in in_group
            and in_group[a.inp.platform_id] == in_group.get(b.inp.platform_id)
            for a, b in pairwise(funded)
        ] + [False]
        split, undecided = split_budget(
            rules.funding_budget,
            rules.budget_split,
            [(w.score or ZERO, w.grade or Grade.PASS) for w in funded],
            rules,
            tied_with_next=tied_with_next,
        )
        if undecided:
            _mark_tie([funded[k] for k in undecided], TieWhere.BUDGET, ties)
        amounts = {w.inp.platform_id: a for w, a in zip(funded, split, strict=True)}
    for pid, rank in ranks.items():
        d = decisions[pid]
        decisions[pid] = Decision(
            d.kind,
            d.reason,
            d.deadline,
            d.barred,
            funding_rank=rank,
            funding_amount=amounts.get(pid),
            carried=d.carried,
        )


def compute_results(
    rubric: Rubric,
    rules: RuleSettings,
    platforms: Sequence[PlatformInput],
    *,
    confirmed_on: dt.date | None = None,
    kept_deadlines: Mapping[str, dt.date] | None = None,
    tie_orders: Sequence[Sequence[str]] = (),
) -> CycleResults:
    """Grade every platform of a cycle under ``rules`` and decide what follows for each.

    ``confirmed_on`` is the day the panel confirmed the results: rectification deadlines run
    from it (without it they are not set yet). ``kept_deadlines`` (platform id → date) are
    deadlines fixed by an earlier confirmation, which a recompute never moves.
    ``tie_orders`` are the panel's orders for exact ties, each a list of platform ids.
    """
    checker = SheetChecker(rubric)  # remembers what each score means across the cycle
    works = [_assess(p, rubric, rules, checker) for p in platforms]
    ties: list[Tie] = []
    groups = _groups(works, rules, tie_orders)
    quota_places, final_count = _apply_quota(groups, rules, ties)

    kept = kept_deadlines or {}
    decisions = {
        w.inp.platform_id: _decide(w, rubric, rules, confirmed_on, kept.get(w.inp.platform_id))
        for w in works
    }
    _fund(groups, decisions, rules, ties)

    results = tuple(
        PlatformResult(
            platform_id=w.inp.platform_id,
            n_valid=len(w.valid),
            expert_totals=dict(w.totals),
            total=w.total,
            areas=w.areas,
            indicators=w.indicators,
            area_scores={
                code: round_half_up(value, rules.score_decimals)
                for code, value in w.area_exact.items()
            },
            exact_area_scores=dict(w.area_exact),
            exact_score=w.exact,
            computed_score=w.computed,
            score=w.score,
            adjusted=w.inp.adjusted_score is not None,
            vetoes=w.vetoes,
            veto_claims=w.veto_claims,
            barred=w.barred or decisions[w.inp.platform_id].barred,
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
            covered=w.covered,
            is_final=w.covered and (w.tie is None or w.tie.decided),
            tie=w.tie,
            decision=decisions[w.inp.platform_id],
            excluded=w.excluded,
        )
        for w in works
    )
    triples = [(e, w.inp.platform_id, t) for w in works for e, t in w.totals.items()]
    return CycleResults(
        results,
        leniency(triples),
        quota_places=quota_places,
        final_count=final_count,
        ties=tuple(ties),
        confirmed_on=confirmed_on,
    )
