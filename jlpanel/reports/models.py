"""What the report documents show, as plain data (view models) built by the services.

The renderers in :mod:`jlpanel.reports.documents` take these and nothing else: no workspace, no
session, no rules. Text is already in the report's language; numbers are numbers (the renderer
formats them with fixed decimals). ``grade`` fields hold a grade code ("excellent", "good",
"pass", "fail") or None, so every document can colour a grade the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What every document of a cycle shares: its name, language, period and date."""

    cycle_name: str
    #: "zh" or "en": labels and headings follow it.
    language: str = "zh"
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    #: The date printed on the documents (and from which deadlines were counted).
    issued_on: dt.date = field(default_factory=dt.date.today)
    #: Decimals of platform scores and statistics (the cycle's rounding rule).
    score_decimals: int = 2
    #: The day the panel confirmed the results; None: the documents are a draft.
    confirmed_on: dt.date | None = None
    #: How many result items differ from what the panel confirmed (0: none, or no
    #: confirmation): the documents then say the results await a new confirmation.
    changed_since_confirmation: int = 0
    #: How the platform score is computed, in words ("截尾平均（去掉一个最高分和一个最低分）").
    score_policy: str = ""


@dataclass(frozen=True, slots=True)
class GradeMark:
    """A grade as shown: its code (for the colour) and its label."""

    code: str | None
    label: str


@dataclass(frozen=True, slots=True)
class ScoreStats:
    """Statistics of one set of scores: indicator, area or expert totals."""

    n: int
    mean: Decimal
    trimmed_mean: Decimal
    median: Decimal
    minimum: Decimal
    maximum: Decimal
    stdev: float

    @property
    def range(self) -> Decimal:
        """Highest minus lowest."""
        return self.maximum - self.minimum


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """One indicator's (or one area's) row in the scores table."""

    code: str
    name: str
    max_points: Decimal
    stats: ScoreStats | None
    #: An area subtotal row rather than an indicator.
    is_area: bool = False


@dataclass(frozen=True, slots=True)
class ExpertComment:
    """An anonymised expert's comments on one platform: "专家1", overall and per indicator."""

    label: str
    overall: str
    #: (indicator code and name, comment) in rubric order.
    by_indicator: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class AdjustmentNote:
    """A consensus-round adjustment of a platform's score, with its written reason."""

    computed_score: Decimal | None
    adjusted_score: Decimal
    reason: str
    at: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DecisionNote:
    """What follows from a result, in words, with its deadline or funding rank."""

    kind: str
    label: str
    reason: str
    deadline: dt.date | None = None
    funding_rank: int | None = None
    funding_amount: Decimal | None = None


@dataclass(frozen=True, slots=True)
class VetoNote:
    """A veto raised for a platform (or ruled on by the panel), in words."""

    #: The veto's name ("弄虚作假").
    name: str
    #: Where it stands: confirmed by the panel, raised and not yet ruled on, or dismissed.
    status: str
    #: The experts' reasons and the panel's, joined ("" when none were written).
    reasons: str
    #: Whether it counts in the result.
    applies: bool


@dataclass(frozen=True, slots=True)
class PlatformReport:
    """Everything the evaluation report (评价报告) of one platform shows."""

    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    #: 基本信息 items worth printing, as (label, value) — values already formatted.
    facts: tuple[tuple[str, str], ...]
    #: Key objective metrics as (label, value with unit).
    metrics: tuple[tuple[str, str], ...]
    #: Indicator rows in rubric order, each area followed by its indicators.
    lines: tuple[IndicatorLine, ...]
    #: Statistics of the experts' totals.
    total: ScoreStats | None
    max_total: Decimal
    score: Decimal | None
    grade: GradeMark
    rank: int | None
    ranked_count: int
    is_final: bool
    decision: DecisionNote
    comments: tuple[ExpertComment, ...]
    panel_opinion: str
    adjustments: tuple[AdjustmentNote, ...] = ()
    #: Every veto raised or ruled on, with the panel's ruling.
    vetoes: tuple[VetoNote, ...] = ()
    #: Why the panel discussed the scores, in words (no expert named).
    discussion: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One platform's row in the results summary (汇总表) and the publication list."""

    rank: int | None
    filing_no: str
    name: str
    host_unit: str
    score: Decimal | None
    grade: GradeMark
    decision: str
    n: int
    is_final: bool
    funding_rank: int | None = None
    #: In a tie that matters which the panel has not ordered yet (并列).
    tied: bool = False


@dataclass(frozen=True, slots=True)
class TieNote:
    """A tie that matters (并列): where, the platforms, and whether the panel ordered them."""

    where: str
    #: (filing number, name) of each member, in the order the panel gave or by filing number.
    members: tuple[tuple[str, str], ...]
    decided: bool


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """One coefficient of the panel's agreement, in the report's language (information)."""

    name: str
    #: None when it cannot be computed; ``scope`` then says why.
    value: float | None
    #: n: the platforms used.
    platforms: int
    #: k: experts per platform, as shown ("7", "6.5").
    raters: str
    #: Which totals were used, or why there is no value.
    scope: str


@dataclass(frozen=True, slots=True)
class ResultsSummary:
    """The ranked results of the cycle with the grade distribution and counts."""

    rows: tuple[SummaryRow, ...]
    #: Every grade, best first, with how many platforms got it.
    grade_counts: tuple[tuple[GradeMark, int], ...]
    #: Further counts as (label, count): platforms, final, funding candidates, rectify …
    counts: tuple[tuple[str, int], ...]
    #: ICC(2,k) and Kendall's W of the expert totals; empty leaves the section out.
    agreement: tuple[AgreementRow, ...] = ()
    #: Both coefficients in one line of plain words.
    agreement_reading: str = ""
    #: Every tie that matters, decided or not.
    ties: tuple[TieNote, ...] = ()
    #: The cycle's rules as set, in words: (rule, setting, meaning).
    rules: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class IndicatorHead:
    """An indicator as a column of an expert's score sheet."""

    code: str
    name: str
    max_points: Decimal


@dataclass(frozen=True, slots=True)
class ExpertPlatformScores:
    """One expert's scores for one platform."""

    filing_no: str
    name: str
    #: Points per indicator, in the order of the sheet's indicator columns (None: not scored).
    points: tuple[Decimal | None, ...]
    total: Decimal | None
    overall_comment: str
    #: (indicator code, comment) for the indicators the expert commented on.
    comments: tuple[tuple[str, str], ...] = ()
    #: Points from bonus items, included in the total.
    bonus: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class ExpertScoreSheet:
    """An expert's personal score sheet (专家个人评分表), for signing."""

    expert_id: int
    name: str
    institution: str
    title: str
    indicators: tuple[IndicatorHead, ...]
    platforms: tuple[ExpertPlatformScores, ...]


@dataclass(frozen=True, slots=True)
class PanelMember:
    """An expert on the panel signature sheet (专家组签字表)."""

    name: str
    institution: str
    title: str


@dataclass(frozen=True, slots=True)
class PublicationEntry:
    """A platform on the publication list (公示名单)."""

    rank: int | None
    filing_no: str
    name: str
    host_unit: str
    grade: GradeMark
    funding_rank: int | None


@dataclass(frozen=True, slots=True)
class PublicationList:
    """The platforms with a final result, ranked, and how many are still pending."""

    entries: tuple[PublicationEntry, ...]
    pending: int = 0


@dataclass(frozen=True, slots=True)
class WeakIndicator:
    """An indicator where a failing platform scored worst, for the rectification notice."""

    code: str
    name: str
    max_points: Decimal
    mean: Decimal

    @property
    def share(self) -> float:
        """The mean as a share of the maximum."""
        return float(self.mean / self.max_points) if self.max_points else 0.0


@dataclass(frozen=True, slots=True)
class RectificationNotice:
    """A rectification notice (整改通知书) to the host unit of a failing platform."""

    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    score: Decimal | None
    grade: GradeMark
    deadline: dt.date | None
    weak_indicators: tuple[WeakIndicator, ...]
    panel_opinion: str
    #: Vetoes and dossier findings worth naming, in words.
    problems: tuple[str, ...] = ()
    #: Months allowed from the confirmation: what the notice says while there is no deadline.
    rectification_months: int | None = None


@dataclass(frozen=True, slots=True)
class ReportSet:
    """Every document's data for one cycle."""

    context: ReportContext
    platforms: tuple[PlatformReport, ...]
    summary: ResultsSummary
    expert_sheets: tuple[ExpertScoreSheet, ...]
    panel: tuple[PanelMember, ...]
    publication: PublicationList
    notices: tuple[RectificationNotice, ...]
