"""Aggregating expert scores: summary statistics, disagreement flags and expert leniency."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class ScorePolicy(StrEnum):
    """Which statistic becomes the platform score."""

    TRIMMED_MEAN = "trimmed_mean"  # drop one highest and one lowest once n ≥ trim_min_n
    MEAN = "mean"
    MEDIAN = "median"


def trimmed_mean(values: Sequence[float], trim_min_n: int = 5) -> float:
    """Mean after dropping one highest and one lowest value, when there are ≥ ``trim_min_n``.

    Below the threshold it is the plain mean. 92, 88, 85, 79, 95, 60, 90 → 86.8.
    """
    if not values:
        raise ValueError("trimmed_mean of no values")
    ordered = sorted(values)
    if len(ordered) >= max(trim_min_n, 3):
        ordered = ordered[1:-1]
    return math.fsum(ordered) / len(ordered)


@dataclass(frozen=True, slots=True)
class Summary:
    """The statistics the secretary sees side by side for one set of scores."""

    n: int
    mean: float
    trimmed_mean: float
    median: float
    minimum: float
    maximum: float
    stdev: float  # sample standard deviation; 0 for n = 1

    @property
    def range(self) -> float:
        """Highest minus lowest."""
        return self.maximum - self.minimum

    def as_dict(self) -> dict[str, float]:
        """The statistics by name, for storing as JSON."""
        return {
            "n": self.n,
            "mean": self.mean,
            "trimmed_mean": self.trimmed_mean,
            "median": self.median,
            "min": self.minimum,
            "max": self.maximum,
            "stdev": self.stdev,
        }

    def value(self, policy: ScorePolicy) -> float:
        """The statistic ``policy`` names."""
        if policy is ScorePolicy.MEAN:
            return self.mean
        if policy is ScorePolicy.MEDIAN:
            return self.median
        return self.trimmed_mean


def median(values: Sequence[float]) -> float:
    """The middle value, or the mean of the two middle values."""
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        raise ValueError("median of no values")
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def sample_stdev(values: Sequence[float]) -> float:
    """Sample standard deviation (n − 1); 0 for fewer than two values.

    Computed with ``math.fsum`` rather than ``statistics.stdev``, whose exact fractions are
    far too slow for thousands of small panels.
    """
    n = len(values)
    if n < 2:
        return 0.0
    mean = math.fsum(values) / n
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))


def summarize(values: Sequence[float], trim_min_n: int = 5) -> Summary:
    """Summary statistics of ``values`` (at least one)."""
    if not values:
        raise ValueError("summarize needs at least one value")
    vals = sorted(float(v) for v in values)
    n = len(vals)
    trimmed = vals[1:-1] if n >= max(trim_min_n, 3) else vals
    return Summary(
        n=n,
        mean=math.fsum(vals) / n,
        trimmed_mean=math.fsum(trimmed) / len(trimmed),
        median=median(vals),
        minimum=vals[0],
        maximum=vals[-1],
        stdev=sample_stdev(vals),
    )


class DisagreementKind(StrEnum):
    """Why a platform goes on the discussion list."""

    RANGE = "range"  # the spread of totals exceeds the limit
    OUTLIER = "outlier"  # one expert is too far from the median


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One reason a platform's scores need discussing."""

    kind: DisagreementKind
    amount: float  # the range, or the outlier's distance from the median
    expert_id: str | None = None


def disagreements(
    totals: Mapping[str, float], *, max_range: float = 15.0, max_from_median: float = 10.0
) -> list[Disagreement]:
    """The disagreement flags for one platform's expert totals (expert id → total)."""
    if len(totals) < 2:
        return []
    values = list(totals.values())
    flags: list[Disagreement] = []
    spread = max(values) - min(values)
    if spread > max_range + 1e-9:
        flags.append(Disagreement(DisagreementKind.RANGE, spread))
    middle = median(values)
    for expert_id, total in sorted(totals.items()):
        distance = abs(total - middle)
        if distance > max_from_median + 1e-9:
            flags.append(Disagreement(DisagreementKind.OUTLIER, distance, expert_id))
    return flags


@dataclass(frozen=True, slots=True)
class Leniency:
    """How an expert scores compared with the panel (information only, never applied)."""

    expert_id: str
    n: int
    mean_deviation: float  # mean of (own total − panel mean of that platform)
    mean_z: float  # mean z-score of own total within each platform's panel


def leniency(scores: Iterable[tuple[str, str, float]]) -> dict[str, Leniency]:
    """Per-expert leniency from (expert id, platform id, total) triples.

    Platforms scored by one expert only say nothing about leniency and are skipped; a
    platform where every expert gave the same total contributes z = 0.
    """
    by_platform: dict[str, dict[str, float]] = {}
    for expert_id, platform_id, total in scores:
        by_platform.setdefault(platform_id, {})[expert_id] = total
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
