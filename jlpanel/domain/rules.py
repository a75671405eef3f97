"""The cycle's rules: grade thresholds, quota, floors, decisions and funding (DESIGN §5).

Every number here is a setting of the cycle; the defaults are the provincial rules.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.text import Text


class Grade(StrEnum):
    """The four grades, best first."""

    EXCELLENT = "excellent"  # 优秀
    GOOD = "good"  # 良好
    PASS = "pass"  # 合格
    FAIL = "fail"  # 不合格

    @property
    def label(self) -> Text:
        """The grade's display name."""
        return _GRADE_LABELS[self]

    @property
    def rank(self) -> int:
        """0 for the best grade, 3 for 不合格: lower is better."""
        return GRADE_ORDER.index(self)


GRADE_ORDER: tuple[Grade, ...] = (Grade.EXCELLENT, Grade.GOOD, Grade.PASS, Grade.FAIL)
_GRADE_LABELS = {
    Grade.EXCELLENT: Text("优秀", "Excellent"),
    Grade.GOOD: Text("良好", "Good"),
    Grade.PASS: Text("合格", "Pass"),
    Grade.FAIL: Text("不合格", "Fail"),
}


def grade_from_label(label: str) -> Grade:
    """A grade from its code, Chinese name or English name (as found in history sheets)."""
    wanted = label.strip().lower()
    for g in GRADE_ORDER:
        if wanted in (g.value, g.label.zh, g.label.en.lower()):
            return g
    raise ValueError(f"unknown grade {label!r}")


def worse(a: Grade, b: Grade) -> Grade:
    """The lower of two grades."""
    return a if a.rank >= b.rank else b


class BudgetSplit(StrEnum):
    """How an optional post-hoc funding budget is divided among the candidates."""

    NONE = "none"
    EQUAL = "equal"
    BY_SCORE = "by_score"
    BY_TIER = "by_tier"


class RulesError(ValueError):
    """Rule settings that cannot be used; ``problems`` lists every defect."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True, slots=True)
class RuleSettings:
    """All rule settings of a cycle, with the provincial defaults."""

    #: Which statistic of the experts' totals is the platform score.
    score_policy: ScorePolicy = ScorePolicy.TRIMMED_MEAN
    #: The trimmed mean drops one highest and one lowest from this many experts on.
    trim_min_n: int = 5
    #: Disagreement: the range of totals exceeds this …
    disagreement_range: float = 15.0
    #: … or one expert is further than this from the median.
    disagreement_from_median: float = 10.0
    excellent_min: float = 90.0
    good_min: float = 80.0
    pass_min: float = 60.0
    #: Optional cap on the share of 优秀, by rank (e.g. 0.2); None for no cap.
    excellent_quota: float | None = None
    #: Optional floor per area as a percentage of its maximum (e.g. 60); None for none.
    area_floor_pct: float | None = None
    #: The best grade a platform that misses an area floor can get.
    area_floor_max_grade: Grade = Grade.PASS
    #: Ties in the platform score are ranked by this area's score (服务成效).
    tie_break_area: str = "B"
    #: A veto applies when at least this many valid sheets raise it.
    veto_min_experts: int = 1
    #: Grades that make a platform a post-hoc funding (后补助) candidate.
    funding_grades: tuple[Grade, ...] = (Grade.EXCELLENT, Grade.GOOD)
    #: Optional post-hoc funding budget (万元) and how to split it.
    funding_budget: float | None = None
    budget_split: BudgetSplit = BudgetSplit.NONE
    tier_weights: Mapping[Grade, float] = field(
        default_factory=lambda: {Grade.EXCELLENT: 1.5, Grade.GOOD: 1.0}
    )
    #: A first 不合格 must be rectified within this many months.
    rectification_months: int = 12
    #: A result is final only with at least this many valid, conflict-free scores.
    min_valid_scores: int = 3
    #: Platform scores are rounded (half up) to this many decimals before grading.
    score_decimals: int = 2

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise RulesError(problems)

    def problems(self) -> list[str]:
        """Every inconsistency in these settings."""
        out: list[str] = []
        if not (0 <= self.pass_min <= self.good_min <= self.excellent_min <= 100):
            out.append("thresholds must satisfy 0 ≤ pass_min ≤ good_min ≤ excellent_min ≤ 100")
        if self.trim_min_n < 3:
            out.append("trim_min_n must be at least 3")
        if self.disagreement_range < 0 or self.disagreement_from_median < 0:
            out.append("disagreement limits must not be negative")
        if self.excellent_quota is not None and not 0 <= self.excellent_quota <= 1:
            out.append("excellent_quota must be a share between 0 and 1")
        if self.area_floor_pct is not None and not 0 <= self.area_floor_pct <= 100:
            out.append("area_floor_pct must be between 0 and 100")
        if self.veto_min_experts < 1:
            out.append("veto_min_experts must be at least 1")
        if self.funding_budget is not None and self.funding_budget < 0:
            out.append("funding_budget must not be negative")
        if any(w < 0 for w in self.tier_weights.values()):
            out.append("tier weights must not be negative")
        if self.rectification_months < 1:
            out.append("rectification_months must be at least 1")
        if self.min_valid_scores < 1:
            out.append("min_valid_scores must be at least 1")
        if not 0 <= self.score_decimals <= 4:
            out.append("score_decimals must be between 0 and 4")
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (enums as their values)."""
        raw = asdict(self)
        raw["score_policy"] = self.score_policy.value
        raw["area_floor_max_grade"] = self.area_floor_max_grade.value
        raw["funding_grades"] = [g.value for g in self.funding_grades]
        raw["budget_split"] = self.budget_split.value
        raw["tier_weights"] = {g.value: w for g, w in self.tier_weights.items()}
        return raw

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> RuleSettings:
        """Settings from a dict written by ``to_dict``; unknown keys are refused."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - names)
        if unknown:
            raise RulesError([f"unknown rule setting {k!r}" for k in unknown])
        values: dict[str, Any] = dict(raw)
        try:
            if "score_policy" in values:
                values["score_policy"] = ScorePolicy(values["score_policy"])
            if "area_floor_max_grade" in values:
                values["area_floor_max_grade"] = Grade(values["area_floor_max_grade"])
            if "funding_grades" in values:
                values["funding_grades"] = tuple(Grade(g) for g in values["funding_grades"])
            if "budget_split" in values:
                values["budget_split"] = BudgetSplit(values["budget_split"])
            if "tier_weights" in values:
                values["tier_weights"] = {
                    Grade(g): float(w) for g, w in dict(values["tier_weights"]).items()
                }
        except (ValueError, TypeError) as exc:
            raise RulesError([str(exc)]) from exc
        return cls(**values)


def round_half_up(value: float, decimals: int) -> float:
    """Round as people do on paper (86.845 → 86.85), not banker's rounding."""
    from decimal import ROUND_HALF_UP, Decimal

    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def grade_for_score(score: float, rules: RuleSettings) -> Grade:
    """The grade a score earns by the thresholds alone."""
    if score >= rules.excellent_min:
        return Grade.EXCELLENT
    if score >= rules.good_min:
        return Grade.GOOD
    if score >= rules.pass_min:
        return Grade.PASS
    return Grade.FAIL


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def excellent_quota_count(rules: RuleSettings, graded_platforms: int) -> int | None:
    """How many platforms may be 优秀 under the quota (rounded down), or None without one."""
    if rules.excellent_quota is None:
        return None
    return math.floor(rules.excellent_quota * graded_platforms + 1e-9)
