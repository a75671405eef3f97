"""Aggregating expert scores: summary statistics, disagreement flags and expert leniency.

Everything that can decide a grade, a rank or a tie is exact: totals and medians are
``Decimal`` (a median of two grid values still terminates), means are ``Fraction`` until they
are rounded half up. Only the standard deviation and leniency, which are information for the
secretary and decide nothing, are floats.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from jlpanel.domain.exact import ZERO, round_half_up, round_ratio_half_up, to_decimal

#: Statistics are shown (and exported) rounded half up to this many places.
SHOWN_DECIMALS = 2


class ScorePolicy(StrEnum):
    """Which statistic becomes the platform score."""

    TRIMMED_MEAN = "trimmed_mean"  # drop one highest and one lowest once n ≥ trim_min_n
    MEAN = "mean"
    MEDIAN = "median"


def _trims(n: int, trim_min_n: int) -> bool:
    return n >= max(trim_min_n, 3)


def trimmed_mean(values: Sequence[Decimal], trim_min_n: int = 5) -> Fraction:
    """Mean after dropping one highest and one lowest value, when there are ≥ ``trim_min_n``.

    Below the threshold it is the plain mean. 92, 88, 85, 79, 95, 60, 90 → 86.8. Exact.
    """
    if not values:
        raise ValueError("trimmed_mean of no values")
    ordered = sorted(values)
    if _trims(len(ordered), trim_min_n):
        ordered = ordered[1:-1]
    return Fraction(sum(ordered, ZERO)) / len(ordered)


def median(values: Sequence[Decimal]) -> Decimal:
    """The middle value, or the mean of the two middle values (exact: it terminates)."""
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        raise ValueError("median of no values")
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def sample_stdev(values: Sequence[Decimal | float]) -> float:
    """Sample standard deviation (n − 1); 0 for fewer than two values. Information only."""
    n = len(values)
    if n < 2:
        return 0.0
    floats = [float(v) for v in values]
    mean = math.fsum(floats) / n
    return math.sqrt(math.fsum((v - mean) ** 2 for v in floats) / (n - 1))


@dataclass(frozen=True, slots=True)
class Summary:
    """The statistics the secretary sees side by side for one set of scores.

    ``mean``, ``trimmed_mean`` and ``median`` are shown values, rounded half up to
    ``SHOWN_DECIMALS``; the ``exact_*`` fields are what rules are decided on.
    """

    n: int
    #: The sum of the values, and of those the trimmed mean keeps, with how many it keeps:
    #: exact sums, divided only when a mean is asked for (most never are).
    total: Decimal
    trimmed_total: Decimal
    trimmed_n: int
    exact_median: Decimal
    minimum: Decimal
    maximum: Decimal
    stdev: float  # sample standard deviation; 0 for n = 1; information only

    @property
    def exact_mean(self) -> Fraction:
        """The mean, exact."""
        return Fraction(self.total) / self.n

    @property
    def exact_trimmed_mean(self) -> Fraction:
        """The trimmed mean (the mean below ``trim_min_n`` values), exact."""
        return Fraction(self.trimmed_total) / self.trimmed_n

    @property
    def mean(self) -> Decimal:
        """The mean, rounded half up for people."""
        num, den = self.total.as_integer_ratio()  # total / n, without making the Fraction
        return round_ratio_half_up(num, den * self.n, SHOWN_DECIMALS)

    @property
    def trimmed_mean(self) -> Decimal:
        """The trimmed mean, rounded half up for people."""
        num, den = self.trimmed_total.as_integer_ratio()
        return round_ratio_half_up(num, den * self.trimmed_n, SHOWN_DECIMALS)

    @property
    def median(self) -> Decimal:
        """The median, rounded half up for people."""
        return round_half_up(self.exact_median, SHOWN_DECIMALS)

    @property
    def range(self) -> Decimal:
        """Highest minus lowest (exact)."""
        return self.maximum - self.minimum

    @property
    def shown_stdev(self) -> Decimal:
        """The standard deviation rounded for people."""
        return round_half_up(self.stdev, SHOWN_DECIMALS)

    def as_dict(self) -> dict[str, int | str]:
        """The statistics by name as exact decimal strings (rounded where they do not end)."""
        return {
            "n": self.n,
            "mean": str(self.mean),
            "trimmed_mean": str(self.trimmed_mean),
            "median": str(self.median),
            "min": str(self.minimum),
            "max": str(self.maximum),
            "range": str(self.range),
            "stdev": str(self.shown_stdev),
        }

    def value(self, policy: ScorePolicy) -> Fraction:
        """The exact statistic ``policy`` names."""
        if policy is ScorePolicy.MEAN:
            return self.exact_mean
        if policy is ScorePolicy.MEDIAN:
            return Fraction(self.exact_median)
        return self.exact_trimmed_mean


def summarize(values: Sequence[Decimal], trim_min_n: int = 5) -> Summary:
    """Summary statistics of ``values`` (at least one)."""
    if not values:
        raise ValueError("summarize needs at least one value")
    vals = sorted(v if type(v) is Decimal else to_decimal(v) for v in values)
    n = len(vals)
    total = sum(vals, ZERO)
    trimmed = vals[1:-1] if _trims(n, trim_min_n) else vals
    trimmed_total = total - vals[0] - vals[-1] if len(trimmed) != n else total
    mid = n // 2
    return Summary(
        n=n,
        total=total,
        trimmed_total=trimmed_total,
        trimmed_n=len(trimmed),
        exact_median=vals[mid] if n % 2 else (vals[mid - 1] + vals[mid]) / 2,
        minimum=vals[0],
        maximum=vals[-1],
        stdev=sample_stdev(vals),
    )


def policy_weights(
    totals: Mapping[str, Decimal], policy: ScorePolicy, trim_min_n: int = 5
) -> dict[str, Fraction]:
    """Each expert's weight in the platform score, so area scores use the same experts.

    The weights add up to 1 and Σ weight × total is the policy's statistic exactly. The
    trimmed mean drops "one highest and one lowest": when several experts share the highest
    (or lowest) total, the dropped one is shared among them equally, so no expert's id or
    file order decides whose areas are left out. The median weighs the expert(s) at the
    middle value(s) the same way.
    """
    if not totals:
        return {}
    n = len(totals)
    if policy is ScorePolicy.MEAN or (
        policy is ScorePolicy.TRIMMED_MEAN and not _trims(n, trim_min_n)
    ):
        return dict.fromkeys(totals, Fraction(1, n))

    def share(value: Decimal, weight: Fraction) -> dict[str, Fraction]:
        group = [e for e, t in totals.items() if t == value]
        return dict.fromkeys(group, weight / len(group))

    if policy is ScorePolicy.TRIMMED_MEAN:
        # Each expert keeps 1, less 1/n_top if at the highest total and 1/n_bottom if at the
        # lowest, over the n − 2 totals kept: in integers over n_top · n_bottom · (n − 2),
        # one Fraction per distinct weight (at most four).
        top, bottom = max(totals.values()), min(totals.values())
        n_top = sum(1 for t in totals.values() if t == top)
        n_bottom = sum(1 for t in totals.values() if t == bottom)
        whole = n_top * n_bottom
        den = whole * (n - 2)
        made: dict[int, Fraction] = {}
        weights: dict[str, Fraction] = {}
        for expert, t in totals.items():
            num = whole - (n_bottom if t == top else 0) - (n_top if t == bottom else 0)
            w = made.get(num)
            if w is None:
                w = made[num] = Fraction(num, den)
            weights[expert] = w
        return weights
    values = sorted(totals.values())
    # The median.
    mid = n // 2
    middle = [values[mid]] if n % 2 else [values[mid - 1], values[mid]]
    weights = dict.fromkeys(totals, Fraction(0))
    for value in middle:
        for expert, w in share(value, Fraction(1, len(middle))).items():
            weights[expert] += w
    return weights


def weighted(values: Mapping[str, Decimal], weights: Mapping[str, Fraction]) -> Fraction:
    """Σ weight × value over the experts in ``weights`` (exact).

    Summed as integers over a common denominator and made a Fraction once: the same value
    (a Fraction is always in lowest terms) as adding the products as Fractions.
    """
    terms: list[tuple[int, int]] = []
    for expert, w in weights.items():
        if w:
            value = values[expert]
            num, den = (
                value.as_integer_ratio()
                if type(value) is Decimal and value.is_finite()
                else Fraction(value).as_integer_ratio()
            )
            terms.append((w.numerator * num, w.denominator * den))
    if not terms:
        return Fraction(0)
    common = math.lcm(*(den for _, den in terms))
    return Fraction(sum(num * (common // den) for num, den in terms), common)


class DisagreementKind(StrEnum):
    """Why a platform goes on the discussion list."""

    RANGE = "range"  # the spread of totals exceeds the limit
    OUTLIER = "outlier"  # one expert is too far from the median


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One reason a platform's scores need discussing."""

    kind: DisagreementKind
    amount: Decimal  # the range, or the outlier's distance from the median (exact)
    expert_id: str | None = None


def disagreements(
    totals: Mapping[str, Decimal],
    *,
    max_range: Decimal = Decimal(15),
    max_from_median: Decimal = Decimal(10),
) -> list[Disagreement]:
    """The disagreement flags for one platform's expert totals (expert id → total)."""
    if len(totals) < 2:
        return []
    values = list(totals.values())
    flags: list[Disagreement] = []
    spread = max(values) - min(values)
    if spread > max_range:
        flags.append(Disagreement(DisagreementKind.RANGE, spread))
    middle = median(values)
    for expert_id, total in sorted(totals.items()):
        distance = abs(total - middle)
        if distance > max_from_median:
            flags.append(Disagreement(DisagreementKind.OUTLIER, distance, expert_id))
    return flags


@dataclass(frozen=True, slots=True)
class Leniency:
    """How an expert scores compared with the panel (information only, never applied)."""

    expert_id: str
    n: int
    mean_deviation: float  # mean of (own total − panel mean of that platform)
    mean_z: float  # mean z-score of own total within each platform's panel


def leniency(scores: Iterable[tuple[str, str, Decimal | float]]) -> dict[str, Leniency]:
    """Per-expert leniency from (expert id, platform id, total) triples.

    Platforms scored by one expert only say nothing about leniency and are skipped; a
    platform where every expert gave the same total contributes z = 0.
    """
    by_platform: dict[str, dict[str, float]] = {}
    for expert_id, platform_id, total in scores:
        by_platform.setdefault(platform_id, {})[expert_id] = float(total)
    deviations: dict[str, list[float]] = {}
    zs: dict[str, list[float]] = {}
    for totals in by_platform.values():
        if len(totals) < 2:
            continue
        values = list(totals.values())
        mean = math.fsum(values) / len(values)
        sd = sample_stdev(values)
        for expert_id, total in totals.items():
            deviations.setdefault(expert_id, []).append(total - mean)
            zs.setdefault(expert_id, []).append((total - mean) / sd if sd > 0 else 0.0)
    return {
        expert_id: Leniency(
            expert_id,
            len(devs),
            math.fsum(devs) / len(devs),
            math.fsum(zs[expert_id]) / len(devs),
        )
        for expert_id, devs in sorted(deviations.items())
    }
