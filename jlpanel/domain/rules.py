"""The cycle's rules: grade thresholds, quota, floors, decisions and funding (DESIGN §5).

Every number here is a setting of the cycle; the defaults are the provincial rules.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any

from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.exact import to_decimal
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
    disagreement_range: Decimal = Decimal(15)
    #: … or one expert is further than this from the median.
    disagreement_from_median: Decimal = Decimal(10)
    excellent_min: Decimal = Decimal(90)
    good_min: Decimal = Decimal(80)
    pass_min: Decimal = Decimal(60)
    #: Optional cap on the share of 优秀 among final results (e.g. 0.2); None for no cap.
    excellent_quota: Decimal | None = None
    #: Optional floor per area as a percentage of its maximum (e.g. 60); None for none.
    area_floor_pct: Decimal | None = None
    #: The best grade a platform that misses an area floor can get.
    area_floor_max_grade: Grade = Grade.PASS
    #: Ties in the platform score are ranked by this area's score (服务成效).
    tie_break_area: str = "B"
    #: A veto applies when at least this many valid sheets raise it.
    veto_min_experts: int = 1
    #: Whether an expert's veto claim counts while the panel has not confirmed or dismissed it.
    unconfirmed_veto_counts: bool = True
    #: Grades that make a platform a post-hoc funding (后补助) candidate.
    funding_grades: tuple[Grade, ...] = (Grade.EXCELLENT, Grade.GOOD)
    #: Optional number of candidates funded (择优), best first; None: every candidate.
    funding_places: int | None = None
    #: Optional post-hoc funding budget (万元) and how to split it.
    funding_budget: Decimal | None = None
    budget_split: BudgetSplit = BudgetSplit.NONE
    tier_weights: Mapping[Grade, Decimal] = field(
        default_factory=lambda: {Grade.EXCELLENT: Decimal("1.5"), Grade.GOOD: Decimal(1)}
    )
    #: A first 不合格 must be rectified within this many months of the confirmation.
    rectification_months: int = 12
    #: A result is final only with at least this many valid, conflict-free scores.
    min_valid_scores: int = 3
    #: Platform scores are rounded (half up) to this many decimals before grading.
    score_decimals: int = 2

    def __post_init__(self) -> None:
        # Numbers arrive as floats from spin boxes and JSON; keep them exact from here on.
        try:
            for name in _DECIMAL_FIELDS:
                value = getattr(self, name)
                if value is not None and not isinstance(value, Decimal):
                    object.__setattr__(self, name, to_decimal(value))
            object.__setattr__(
                self,
                "tier_weights",
                {Grade(g): to_decimal(w) for g, w in dict(self.tier_weights).items()},
            )
        except ValueError as exc:
            raise RulesError([str(exc)]) from exc
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
        if self.funding_places is not None and self.funding_places < 0:
            out.append("funding_places must not be negative")
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
        # JSON numbers: a setting has far fewer than 15 significant digits, so the float's
        # repr gives the exact decimal back (from_dict reads it through to_decimal).
        raw["tier_weights"] = {g.value: float(w) for g, w in self.tier_weights.items()}
        for name in _DECIMAL_FIELDS:
            if raw[name] is not None:
                raw[name] = float(raw[name])
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
                    Grade(g): to_decimal(w) for g, w in dict(values["tier_weights"]).items()
                }
        except (ValueError, TypeError) as exc:
            raise RulesError([str(exc)]) from exc
        return cls(**values)


_DECIMAL_FIELDS = (
    "disagreement_range",
    "disagreement_from_median",
    "excellent_min",
    "good_min",
    "pass_min",
    "excellent_quota",
    "area_floor_pct",
    "funding_budget",
)


def grade_for_score(score: Decimal, rules: RuleSettings) -> Grade:
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


def excellent_quota_count(rules: RuleSettings, final_platforms: int) -> int | None:
    """How many platforms may be 优秀: floor(share × platforms whose result is final).

    None without a quota. Exact: 0.3 × 10 is 3, not 2.9999999999999996.
    """
    if rules.excellent_quota is None:
        return None
    return math.floor(rules.excellent_quota * final_platforms)
