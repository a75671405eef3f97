"""The panel's agreement over a cycle: ICC(2,k) and Kendall's W (DESIGN §5).

Information for the secretary, never applied: nothing here decides a score, grade or rank.
The input is the cycle's matrix of expert totals, ``platform → expert → total`` (the valid,
conflict-free sheets). Experts usually score only some platforms, so the matrix has holes;
each coefficient says how it deals with them and how much of the matrix it used.

**ICC(2,k)** — two-way random effects, absolute agreement, the mean of k experts (Shrout &
Fleiss 1979 ICC(2,k); McGraw & Wong 1996 ICC(A,k)): the share of the variance of a
platform's mean score that is variance between platforms, i.e. how little a platform's score
depends on which experts happened to score it. It uses **every** total. The model
``total = μ + platform + expert + error`` (all random) is fitted by Henderson's Method 1, the
unbiased ANOVA estimator for unbalanced crossed designs (Searle, Casella & McCulloch 1992,
*Variance Components* §5.3): the platform, expert and total sums of squares are set equal to
their expectations under the actual design and the three equations solved for the variance
components σ²_p, σ²_e (expert) and σ²_r (residual). Then

    ICC(2,k) = σ²_p / (σ²_p + (σ²_e + σ²_r) / k),

with k the harmonic mean of the number of experts per platform — the absolute-agreement
coefficient of Putka, Le, McCloy & Diaz (2008) for ill-structured rating designs: the mean
error variance of the platforms' means as they were actually computed. (σ²_e + σ²_r is then
the pooled within-platform mean square, so the coefficient never exceeds 1 while σ²_p > 0.)
On a complete matrix this is exactly Shrout & Fleiss's ICC(2,k) = (BMS − EMS) / (BMS +
(JMS − EMS) / n). The largest complete block was not used here because in an "N experts per
platform" plan it keeps only a handful of platforms. The estimate of σ²_p can be negative
(platforms differ less than chance would have it); the coefficient is then reported as
computed, below 0, and reads as poor.

**Kendall's W** — coefficient of concordance with the correction for ties (Kendall 1948;
Siegel & Castellan 1988 §9.4): how alike the experts order the platforms. W is defined for
experts who all rank the same platforms, so it is computed on the **largest complete block**:
the set of at least 2 experts and at least 2 platforms where every one of those experts
scored every one of those platforms, with the most totals (ties: more experts, then the
experts and platforms that sort first). Every maximal block's expert set is an intersection
of some platforms' expert sets, so those intersections are the candidates searched; for a
design so irregular that there are more than :data:`BLOCK_SEARCH_LIMIT` of them, the search
stops there and the best block found so far is used. Within the block each expert's totals
are ranked (ties share their mean rank) and

    W = 12 S / (m²(n³ − n) − m Σ T),   T = Σ (t³ − t) over each expert's groups of t ties,

with m experts, n platforms and S the sum of squared deviations of the platforms' rank sums.
(The mean-Spearman generalisation for incomplete data, Brückl 2011, was not used: it has no
tie correction and can fall below 0.)

Either coefficient is ``None``, with the reason in its ``scope``, when it cannot be computed:
fewer than 2 platforms or 2 experts, no platform with 2 experts' totals, every total the same,
or a design where experts and platforms cannot be told apart (each expert scored one
platform only).

**Readings** are taken on the value as shown, rounded half up to 2 decimals, so a printed
0.75 never reads as "moderate":

* ICC (Koo & Li 2016): < 0.50 差 poor, 0.50–0.75 一般 moderate, 0.75–0.90 良好 good,
  ≥ 0.90 优秀 excellent.
* W (Schmidt 1997): < 0.10 almost none, 0.10–0.30 weak, 0.30–0.50 moderate, 0.50–0.70
  strong, ≥ 0.70 very strong, and exactly 1 complete.

All arithmetic is exact (fractions) until the coefficient is returned as a float, so a
zero variance or a singular design is recognised as exactly that.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from jlpanel.domain.exact import Number, as_fraction, round_half_up
from jlpanel.domain.text import Text

P = TypeVar("P", bound=Hashable)
E = TypeVar("E", bound=Hashable)

#: Expert totals: platform → expert → total (only the totals that exist).
TotalsMatrix = Mapping[P, Mapping[E, Number]]

#: At most this many candidate expert sets are searched for Kendall's W's complete block.
BLOCK_SEARCH_LIMIT = 20_000


class AgreementKind(StrEnum):
    """Which coefficient of agreement."""

    ICC = "icc_2k"
    KENDALL_W = "kendall_w"

    @property
    def label(self) -> Text:
        """The coefficient's name for people."""
        return _NAMES[self]


_NAMES = {
    AgreementKind.ICC: Text("组内相关系数 ICC(2,k)", "ICC(2,k)"),
    AgreementKind.KENDALL_W: Text("肯德尔和谐系数 W", "Kendall's W"),
}


@dataclass(frozen=True, slots=True)
class AgreementStatistic:
    """One coefficient of agreement and the part of the matrix it was computed on."""

    kind: AgreementKind
    #: The coefficient; None when it cannot be computed (``scope`` says why).
    value: float | None
    #: n: the platforms used.
    platforms: int
    #: The distinct experts used.
    experts: int
    #: k: experts per platform — for ICC the harmonic mean over the platforms used, for W
    #: the experts of the complete block.
    raters: float
    #: Which totals were used, in a few words (n and k say how many); or why there is no
    #: value.
    scope: Text
    #: What the value means in plain words; the reason when there is no value.
    reading: Text

    @property
    def available(self) -> bool:
        """Whether the coefficient could be computed."""
        return self.value is not None


@dataclass(frozen=True, slots=True)
class PanelAgreement:
    """The cycle's ICC(2,k) and Kendall's W with a one-line reading."""

    icc: AgreementStatistic
    concordance: AgreementStatistic

    @property
    def statistics(self) -> tuple[AgreementStatistic, AgreementStatistic]:
        """ICC(2,k) then Kendall's W."""
        return (self.icc, self.concordance)

    @property
    def reading(self) -> Text:
        """Both readings in one line of plain words."""
        parts = [s.reading if s.available else _missing_line(s) for s in self.statistics]
        return Text(
            "；".join(p.zh for p in parts) + "。",
            "; ".join([parts[0].en, *(_lower_first(p.en) for p in parts[1:])]) + ".",
        )


def _missing_line(stat: AgreementStatistic) -> Text:
    name = "ICC(2,k)" if stat.kind is AgreementKind.ICC else "Kendall's W"
    return Text(
        f"{name} 无法计算：{stat.reading.zh}", f"No {name}: {_lower_first(stat.reading.en)}"
    )


def _lower_first(text: str) -> str:
    """ "The experts …" → "the experts …" inside a sentence; "ICC …" stays as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def format_raters(k: float) -> str:
    """Experts per platform for people: a whole number as such, else one decimal."""
    return f"{k:.0f}" if abs(k - round(k)) < 1e-9 else f"{k:.1f}"


def format_coefficient(value: float | None) -> str:
    """A coefficient for people: 2 decimals, rounded half up; "—" when there is none."""
    if value is None:
        return "—"
    shown = round_half_up(value, 2)
    return f"{shown:.2f}".replace("-", "−")


# ------------------------------------------------------------------------------ readings

_ICC_BANDS: tuple[tuple[Fraction, Text], ...] = (
    (
        Fraction(9, 10),
        Text(
            "评分一致性优秀：平台得分几乎不取决于由哪几位专家评分",
            "Excellent agreement: a platform's score hardly depends on which experts scored it",
        ),
    ),
    (
        Fraction(3, 4),
        Text(
            "评分一致性良好：平台得分较少取决于由哪几位专家评分",
            "Good agreement: a platform's score depends little on which experts scored it",
        ),
    ),
    (
        Fraction(1, 2),
        Text(
            "评分一致性一般：换一组专家，平台得分可能有明显差别",
            "Moderate agreement: other experts might well have scored a platform differently",
        ),
    ),
)
_ICC_POOR = Text(
    "评分一致性差：平台得分在很大程度上取决于由哪几位专家评分",
    "Poor agreement: a platform's score depends largely on which experts scored it",
)

_W_COMPLETE = Text("专家对平台的排序完全一致", "The experts order the platforms exactly alike")
_W_BANDS: tuple[tuple[Fraction, Text], ...] = (
    (
        Fraction(7, 10),
        Text("专家对平台的排序高度一致", "The experts order the platforms very much alike"),
    ),
    (
        Fraction(1, 2),
        Text("专家对平台的排序较为一致", "The experts mostly order the platforms alike"),
    ),
    (Fraction(3, 10), Text("专家对平台的排序部分一致", "The experts partly agree on the order")),
    (Fraction(1, 10), Text("专家对平台的排序一致性较弱", "The experts agree little on the order")),
)
_W_NONE = Text("专家对平台的排序几乎没有一致性", "The experts' orders hardly agree at all")


def icc_reading(value: float) -> Text:
    """ICC(2,k) in plain words (Koo & Li 2016), judged on the value shown to 2 decimals."""
    shown = Fraction(round_half_up(value, 2))
    return next((text for bound, text in _ICC_BANDS if shown >= bound), _ICC_POOR)


def concordance_reading(value: float) -> Text:
    """Kendall's W in plain words (Schmidt 1997), judged on the value shown to 2 decimals."""
    if value >= 1.0:
        return _W_COMPLETE
    shown = Fraction(round_half_up(value, 2))
    return next((text for bound, text in _W_BANDS if shown >= bound), _W_NONE)


# ---------------------------------------------------------------------------- the matrix


def _exact(totals: TotalsMatrix[P, E]) -> dict[P, dict[E, Fraction]]:
    """The matrix with exact values, platforms without any total left out."""
    return {
        platform: {expert: as_fraction(v) for expert, v in row.items()}
        for platform, row in totals.items()
        if row
    }


def _order(key: Hashable) -> tuple[str, str]:
    return (type(key).__name__, str(key))


def _unavailable(
    kind: AgreementKind, reason: Text, platforms: int = 0, experts: int = 0, raters: float = 0.0
) -> AgreementStatistic:
    return AgreementStatistic(kind, None, platforms, experts, raters, reason, reason)


_FEW_PLATFORMS = Text("有专家评分的平台少于 2 个", "Fewer than 2 platforms have expert totals")
_FEW_EXPERTS = Text("评分专家少于 2 位", "Fewer than 2 experts scored")
_ALL_EQUAL = Text("所有专家总分都相同，无从比较", "Every expert total is the same")


# -------------------------------------------------------------------------------- ICC(2,k)


def icc_2k(totals: TotalsMatrix[P, E]) -> AgreementStatistic:
    """ICC(2,k) over every total: two-way random, absolute agreement, mean of k experts.

    Variance components by Henderson's Method 1 for the unbalanced design; k is the harmonic
    mean of experts per platform (see the module's docstring).
    """
    kind = AgreementKind.ICC
    rows = _exact(totals)
    by_expert: dict[E, list[Fraction]] = {}
    for row in rows.values():
        for expert, total in row.items():
            by_expert.setdefault(expert, []).append(total)
    n_platforms, n_experts = len(rows), len(by_expert)
    n_cells = sum(len(row) for row in rows.values())
    harmonic = (
        Fraction(n_platforms) / sum(Fraction(1, len(row)) for row in rows.values())
        if rows
        else Fraction(0)
    )
    seen = (n_platforms, n_experts, float(harmonic))
    if n_platforms < 2:
        return _unavailable(kind, _FEW_PLATFORMS, *seen)
    if n_experts < 2:
        return _unavailable(kind, _FEW_EXPERTS, *seen)
    if n_cells == n_platforms:
        return _unavailable(
            kind,
            Text("没有哪个平台有 2 位以上专家的评分", "No platform has totals from 2 experts"),
            *seen,
        )
    values = [v for row in rows.values() for v in row.values()]
    if min(values) == max(values):
        return _unavailable(kind, _ALL_EQUAL, *seen)

    total_n = Fraction(n_cells)
    grand = sum(values, Fraction(0)) / total_n
    ss_total = sum(((v - grand) ** 2 for v in values), Fraction(0))
    ss_platforms = sum(
        (len(row) * (_mean(row.values()) - grand) ** 2 for row in rows.values()), Fraction(0)
    )
    ss_experts = sum(
        (len(col) * (_mean(col) - grand) ** 2 for col in by_expert.values()), Fraction(0)
    )
    # σ²_e + σ²_r: the pooled within-platform mean square (total minus platform equation).
    within = (ss_total - ss_platforms) / (total_n - n_platforms)
    k1 = sum((Fraction(len(row)) ** 2 for row in rows.values()), Fraction(0)) / total_n
    k2 = sum((Fraction(len(col)) ** 2 for col in by_expert.values()), Fraction(0)) / total_n
    # The platform and expert equations of Method 1 with σ²_r = within − σ²_e substituted:
    #   SS_p − (P − 1)·within = (N − k1)·σ²_p + (1 − k2)·σ²_e
    #   SS_e − (E − 1)·within = (E − k1)·σ²_p + (N − k2 − E + 1)·σ²_e
    a11, a12 = total_n - k1, 1 - k2
    a21, a22 = n_experts - k1, total_n - k2 - n_experts + 1
    b1 = ss_platforms - (n_platforms - 1) * within
    b2 = ss_experts - (n_experts - 1) * within
    det = a11 * a22 - a12 * a21
    if det == 0:
        return _unavailable(
            kind,
            Text(
                "各专家评分的平台没有交叉，无法区分专家与平台的差异",
                "The experts' platforms do not overlap enough to tell experts from platforms",
            ),
            *seen,
        )
    var_platforms = (b1 * a22 - a12 * b2) / det
    error = within / harmonic
    if var_platforms + error <= 0:
        return _unavailable(
            kind,
            Text(
                "平台之间的差异不大于评分误差，无法估计",
                "Platforms differ no more than the scoring error: no estimate",
            ),
            *seen,
        )
    value = float(var_platforms / (var_platforms + error))
    return AgreementStatistic(
        kind,
        value,
        n_platforms,
        n_experts,
        float(harmonic),
        Text("全部有效评分，k 为平均数", "all valid totals; k is a mean"),
        icc_reading(value),
    )


def _mean(values: Iterable[Fraction]) -> Fraction:
    items = list(values)
    return sum(items, Fraction(0)) / len(items)


# ------------------------------------------------------------------------------ Kendall's W


def largest_complete_block(totals: TotalsMatrix[P, E]) -> tuple[tuple[E, ...], tuple[P, ...]]:
    """The experts and platforms of the largest complete block (every expert scored every
    platform), at least 2 × 2; empty tuples when there is none.

    Largest means the most totals; ties go to more experts, then to the experts and the
    platforms that sort first. Searches at most :data:`BLOCK_SEARCH_LIMIT` expert sets.
    """
    panels: dict[P, frozenset[E]] = {p: frozenset(row) for p, row in totals.items() if row}
    distinct = sorted(
        {s for s in panels.values() if len(s) >= 2}, key=lambda s: sorted(map(_order, s))
    )
    found: set[frozenset[E]] = set(distinct)
    frontier = list(distinct)
    while frontier and len(found) < BLOCK_SEARCH_LIMIT:
        new: list[frozenset[E]] = []
        for group in frontier:
            for other in distinct:
                common = group & other
                if len(common) >= 2 and common not in found:
                    found.add(common)
                    new.append(common)
        frontier = new

    best: tuple[tuple[int, int], tuple[E, ...], tuple[P, ...]] | None = None
    for group in sorted(found, key=lambda s: sorted(map(_order, s))):
        platforms = tuple(sorted((p for p, s in panels.items() if group <= s), key=_order))
        if len(platforms) < 2:
            continue
        size = (len(group) * len(platforms), len(group))
        if best is None or size > best[0]:
            best = (size, tuple(sorted(group, key=_order)), platforms)
    if best is None:
        return (), ()
    return best[1], best[2]


def _midranks(values: Sequence[Fraction]) -> tuple[list[Fraction], int]:
    """Ranks 1…n with ties sharing their mean rank, and Σ (t³ − t) over the tie groups."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [Fraction(0)] * len(values)
    ties = 0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = Fraction(start + end + 2, 2)
        for i in order[start : end + 1]:
            ranks[i] = shared
        t = end - start + 1
        ties += t**3 - t
        start = end + 1
    return ranks, ties


def kendalls_w(totals: TotalsMatrix[P, E]) -> AgreementStatistic:
    """Kendall's W, corrected for ties, on the largest complete block of the matrix."""
    kind = AgreementKind.KENDALL_W
    rows = _exact(totals)
    experts_seen = {e for row in rows.values() for e in row}
    if len(rows) < 2:
        return _unavailable(kind, _FEW_PLATFORMS, len(rows), len(experts_seen))
    if len(experts_seen) < 2:
        return _unavailable(kind, _FEW_EXPERTS, len(rows), len(experts_seen))
    experts, platforms = largest_complete_block(rows)
    if not experts:
        return _unavailable(
            kind,
            Text(
                "没有 2 位专家共同评过 2 个以上平台",
                "No 2 experts scored the same 2 platforms",
            ),
            len(rows),
            len(experts_seen),
        )
    m, n = len(experts), len(platforms)
    rank_sums = [Fraction(0)] * n
    ties = 0
    for expert in experts:
        ranks, t = _midranks([rows[p][expert] for p in platforms])
        ties += t
        rank_sums = [a + b for a, b in zip(rank_sums, ranks, strict=True)]
    middle = Fraction(m * (n + 1), 2)
    spread = sum(((r - middle) ** 2 for r in rank_sums), Fraction(0))
    denominator = m * m * (n**3 - n) - m * ties
    if denominator == 0:
        return _unavailable(
            kind,
            Text(
                "每位专家给这些平台的总分都相同，无从排序",
                "Each expert gave these platforms the same total: no order to compare",
            ),
            n,
            m,
            float(m),
        )
    exact = 12 * spread / denominator
    value = float(exact)
    whole = n == len(rows) and m == len(experts_seen)
    scope = (
        Text("全部有效评分", "all valid totals")
        if whole
        else Text(f"{m} 位专家都评了的平台", f"the platforms all {m} experts scored")
    )
    reading = _W_COMPLETE if exact == 1 else concordance_reading(value)
    return AgreementStatistic(kind, value, n, m, float(m), scope, reading)


def panel_agreement(totals: TotalsMatrix[P, E]) -> PanelAgreement:
    """ICC(2,k) and Kendall's W of the cycle's expert totals (platform → expert → total)."""
    return PanelAgreement(icc_2k(totals), kendalls_w(totals))
