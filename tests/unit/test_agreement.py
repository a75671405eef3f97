"""The panel's agreement: ICC(2,k) and Kendall's W against published examples, hand-worked
incomplete designs, and properties that hold for any totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jlpanel.domain.agreement import (
    AgreementKind,
    concordance_reading,
    format_coefficient,
    format_raters,
    icc_2k,
    icc_reading,
    kendalls_w,
    largest_complete_block,
    panel_agreement,
)

Matrix = dict[str, dict[str, float]]


def by_columns(columns: Sequence[Sequence[float]]) -> Matrix:
    """A complete matrix from one column of scores per rater (rows are the targets)."""
    return {
        f"t{i}": {f"r{j}": column[i] for j, column in enumerate(columns)}
        for i in range(len(columns[0]))
    }


def by_rows(rows: Sequence[Sequence[float]]) -> Matrix:
    """A complete matrix from one row of scores per target."""
    return {f"t{i}": {f"r{j}": v for j, v in enumerate(row)} for i, row in enumerate(rows)}


# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = by_rows(
    [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
)

# The cycle of tests/e2e/test_dashboard.py: 钱晓红 (Q) has a conflict with platform 103.
SMALL_CYCLE: Matrix = {
    "101": {"Z": 90, "Q": 70, "S": 86},
    "102": {"Z": 75, "Q": 77, "S": 73},
    "103": {"Z": 60, "S": 64},
    "104": {"Z": 95, "Q": 80, "S": 97},
}


# ------------------------------------------------------------------- published examples


def test_icc_2k_of_shrout_and_fleiss_table_2_is_0_62() -> None:
    icc = icc_2k(SHROUT_FLEISS)
    assert icc.kind is AgreementKind.ICC
    # Table 4 of the paper: ICC(2,4) = .62 (BMS 11.24, JMS 32.49, EMS 1.02).
    assert icc.value == pytest.approx(0.62, abs=0.005)
    assert (icc.platforms, icc.experts, icc.raters) == (6, 4, 4.0)
    assert icc.reading.zh.startswith("评分一致性一般")
    assert icc.scope.en == "all valid totals; k is a mean"


def test_kendalls_w_of_siegels_three_executives_is_0_16() -> None:
    # Siegel (1956), the coefficient of concordance: three executives rank six applicants.
    w = kendalls_w(by_columns([[1, 6, 3, 2, 5, 4], [1, 5, 6, 4, 2, 3], [6, 3, 2, 5, 4, 1]]))
    # Rank sums 8, 14, 11, 11, 11, 8: S = 25.5, W = 12 · 25.5 / (9 · 210) = 17/105.
    assert w.value == pytest.approx(17 / 105)
    assert format_coefficient(w.value) == "0.16"
    assert (w.platforms, w.experts, w.raters) == (6, 3, 3.0)
    assert w.scope.zh == "全部有效评分"


def test_kendalls_w_corrects_for_ties_as_in_the_irr_anxiety_example() -> None:
    # R irr::kendall(anxiety, correct = TRUE): 20 subjects, 3 raters, Wt = 0.54
    # (Chisq(19) = 30.8 = m (n − 1) Wt). The raters use a 1–6 scale, so ties are many.
    anxiety = by_columns(
        [
            [3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3],
            [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4],
            [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2],
        ]
    )
    w = kendalls_w(anxiety)
    assert w.value is not None
    assert format_coefficient(w.value) == "0.54"
    assert 3 * 19 * w.value == pytest.approx(30.8, abs=0.05)


# --------------------------------------------------------------------- incomplete designs


def test_icc_uses_every_total_of_an_incomplete_design() -> None:
    icc = icc_2k(SMALL_CYCLE)
    # Worked by hand (Henderson's Method 1): N = 11, SS_total = 16210/11, SS_platform =
    # 35012/33, SS_expert = 1352/33; within-platform MS = (SS_total − SS_platform) / 7 =
    # 1238/21; k1 = 31/11, k2 = 41/11 give σ²_platform = 51419/504; k = 4 / (3/3 + 1/2) = 8/3.
    # ICC = σ²_p / (σ²_p + (1238/21) / (8/3)) = 51419/62561.
    assert icc.value == pytest.approx(51419 / 62561, rel=1e-12)
    assert (icc.platforms, icc.experts) == (4, 3)
    assert icc.raters == pytest.approx(8 / 3)
    assert format_raters(icc.raters) == "2.7"
    assert icc.reading.en.startswith("Good agreement")


def test_kendalls_w_uses_the_largest_complete_block() -> None:
    assert largest_complete_block(SMALL_CYCLE) == (("Q", "S", "Z"), ("101", "102", "104"))
    w = kendalls_w(SMALL_CYCLE)
    # Ranks 2 1 3 (Z), 1 2 3 (Q), 2 1 3 (S): sums 5, 4, 9, S = 14, W = 12·14 / (9·24) = 7/9.
    assert w.value == pytest.approx(7 / 9)
    assert (w.platforms, w.experts, w.raters) == (3, 3, 3.0)
    assert w.scope.zh == "3 位专家都评了的平台"  # not 103, which 钱晓红 (Q) did not score


def test_the_block_prefers_more_totals_then_more_experts() -> None:
    # Experts a, b scored p1…p5 (10 totals); a, b, c scored p1, p2 only (6 totals).
    matrix: dict[str, dict[str, float]] = {f"p{n}": {"a": n, "b": n + 1} for n in range(1, 6)}
    matrix["p1"]["c"] = 3
    matrix["p2"]["c"] = 1
    assert largest_complete_block(matrix) == (("a", "b"), ("p1", "p2", "p3", "p4", "p5"))
    # With c on p3 as well: 3 × 3 = 9 < 10, still a and b; on p3 and p4: 12 > 10.
    matrix["p3"]["c"] = 2
    matrix["p4"]["c"] = 2
    assert largest_complete_block(matrix) == (("a", "b", "c"), ("p1", "p2", "p3", "p4"))
    # Equal totals (2 × 6 against 3 × 4): more experts win.
    matrix["p6"] = {"a": 1, "b": 1}
    assert largest_complete_block(matrix)[0] == ("a", "b", "c")


def test_exact_decimals_are_taken_as_they_are() -> None:
    as_decimals = {
        p: {e: Decimal(str(v)) + Decimal("0.5") for e, v in row.items()}
        for p, row in SMALL_CYCLE.items()
    }
    assert icc_2k(as_decimals).value == pytest.approx(icc_2k(SMALL_CYCLE).value, rel=1e-12)
    assert kendalls_w(as_decimals).value == kendalls_w(SMALL_CYCLE).value


# -------------------------------------------------------------------- when there is none


@pytest.mark.parametrize(
    ("matrix", "reason"),
    [
        ({}, "Fewer than 2 platforms have expert totals"),
        ({"p1": {"a": 80, "b": 90}}, "Fewer than 2 platforms have expert totals"),
        ({"p1": {"a": 80}, "p2": {"a": 90}}, "Fewer than 2 experts scored"),
        ({"p1": {"a": 80}, "p2": {"b": 90}}, "No platform has totals from 2 experts"),
        ({"p1": {"a": 80, "b": 80}, "p2": {"a": 80, "b": 80}}, "Every expert total is the same"),
        # Each expert scored one platform: expert and platform effects cannot be told apart.
        (
            {"p1": {"a": 80, "b": 85}, "p2": {"c": 70, "d": 90}},
            "The experts' platforms do not overlap enough to tell experts from platforms",
        ),
        # Platform means 80 and 80.5 against ±10 within: σ²_p estimated well below 0.
        (
            {"p1": {"a": 70, "b": 90}, "p2": {"a": 91, "b": 70}},
            "Platforms differ no more than the scoring error: no estimate",
        ),
    ],
)
def test_icc_says_why_it_cannot_be_computed(matrix: Matrix, reason: str) -> None:
    icc = icc_2k(matrix)
    assert icc.value is None and not icc.available
    assert icc.reading.en == reason and icc.scope == icc.reading
    assert icc.reading.zh


@pytest.mark.parametrize(
    ("matrix", "reason"),
    [
        ({"p1": {"a": 80, "b": 90}}, "Fewer than 2 platforms have expert totals"),
        ({"p1": {"a": 80}, "p2": {"a": 90}}, "Fewer than 2 experts scored"),
        (
            {"p1": {"a": 80, "b": 70}, "p2": {"b": 90, "c": 60}, "p3": {"a": 75, "c": 65}},
            "No 2 experts scored the same 2 platforms",
        ),
        (
            {"p1": {"a": 80, "b": 70}, "p2": {"a": 80, "b": 70}},
            "Each expert gave these platforms the same total: no order to compare",
        ),
    ],
)
def test_kendalls_w_says_why_it_cannot_be_computed(matrix: Matrix, reason: str) -> None:
    w = kendalls_w(matrix)
    assert w.value is None and w.reading.en == reason


def test_one_line_reading_names_a_missing_coefficient() -> None:
    agreement = panel_agreement(
        {"p1": {"a": 80, "b": 70}, "p2": {"b": 90, "c": 60}, "p3": {"a": 75, "c": 65}}
    )
    assert agreement.concordance.value is None
    assert agreement.reading.zh.endswith(
        "Kendall's W 无法计算：没有 2 位专家共同评过 2 个以上平台。"
    )
    assert agreement.reading.en.endswith(
        "; no Kendall's W: no 2 experts scored the same 2 platforms."
    )


def test_one_line_reading_of_the_small_cycle() -> None:
    agreement = panel_agreement(SMALL_CYCLE)
    assert agreement.statistics == (agreement.icc, agreement.concordance)
    assert agreement.reading.zh == (
        "评分一致性良好：平台得分较少取决于由哪几位专家评分；专家对平台的排序高度一致。"
    )
    assert agreement.reading.en == (
        "Good agreement: a platform's score depends little on which experts scored it; "
        "the experts order the platforms very much alike."
    )
    assert AgreementKind.KENDALL_W.label.zh == "肯德尔和谐系数 W"


# ------------------------------------------------------------------------------ readings


@pytest.mark.parametrize(
    ("value", "starts"),
    [
        (0.95, "评分一致性优秀"),
        (0.8995, "评分一致性优秀"),  # shown as 0.90
        (0.8949, "评分一致性良好"),
        (0.749, "评分一致性良好"),  # shown as 0.75
        (0.7449, "评分一致性一般"),
        (0.5, "评分一致性一般"),
        (0.49, "评分一致性差"),
        (-0.3, "评分一致性差"),
    ],
)
def test_icc_reading_follows_koo_and_li_on_the_value_shown(value: float, starts: str) -> None:
    assert icc_reading(value).zh.startswith(starts)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (1.0, "完全一致"),
        (0.999, "高度一致"),
        (0.7, "高度一致"),
        (0.6949, "较为一致"),
        (0.3, "部分一致"),
        (0.1, "一致性较弱"),
        (0.094, "几乎没有一致性"),
        (0.0, "几乎没有一致性"),
    ],
)
def test_concordance_reading_follows_schmidt(value: float, words: str) -> None:
    assert concordance_reading(value).zh.endswith(words)


def test_numbers_for_people() -> None:
    assert format_coefficient(None) == "—"
    assert format_coefficient(0.625) == "0.63"
    assert format_coefficient(-0.125) == "−0.13"
    assert format_raters(5.0) == "5" and format_raters(4.8571) == "4.9"


# ---------------------------------------------------------------------------- properties

score = st.integers(min_value=0, max_value=200).map(lambda n: n / 2)


@st.composite
def complete_matrices(draw: st.DrawFn) -> list[list[float]]:
    n = draw(st.integers(2, 8))
    k = draw(st.integers(2, 6))
    return [[draw(score) for _ in range(k)] for _ in range(n)]


@st.composite
def incomplete_matrices(draw: st.DrawFn) -> Matrix:
    """Up to 10 platforms × 7 experts, each platform scored by 1 to 7 of them."""
    n = draw(st.integers(2, 10))
    matrix: Matrix = {}
    for p in range(n):
        experts = draw(st.sets(st.integers(0, 6), min_size=1, max_size=7))
        matrix[f"p{p}"] = {f"e{e}": draw(score) for e in sorted(experts)}
    return matrix


def shrout_fleiss_icc_2k(rows: Sequence[Sequence[float]]) -> Fraction | None:
    """ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS) / n), the two-way ANOVA of the paper."""
    n, k = len(rows), len(rows[0])
    y = [[Fraction(v) for v in row] for row in rows]
    grand = sum(map(sum, y), Fraction(0)) / (n * k)
    row_means = [sum(row, Fraction(0)) / k for row in y]
    col_means = [sum((row[j] for row in y), Fraction(0)) / n for j in range(k)]
    bms = k * sum((m - grand) ** 2 for m in row_means) / (n - 1)
    jms = n * sum((m - grand) ** 2 for m in col_means) / (k - 1)
    sse = sum(
        (y[i][j] - row_means[i] - col_means[j] + grand) ** 2 for i in range(n) for j in range(k)
    )
    ems = sse / ((n - 1) * (k - 1))
    denominator = bms + (jms - ems) / n
    return None if denominator <= 0 else (bms - ems) / denominator


@given(complete_matrices())
@settings(max_examples=150, deadline=None)
def test_on_a_complete_matrix_icc_is_shrout_and_fleiss_icc_2k(rows: list[list[float]]) -> None:
    assume(len({v for row in rows for v in row}) > 1)
    expected = shrout_fleiss_icc_2k(rows)
    icc = icc_2k(by_rows(rows))
    if expected is None:
        assert icc.value is None
    else:
        assert icc.value == pytest.approx(float(expected), rel=1e-9, abs=1e-12)
        assert icc.raters == len(rows[0])


@given(incomplete_matrices())
@settings(max_examples=200, deadline=None)
def test_coefficients_stay_in_their_ranges(matrix: Matrix) -> None:
    agreement = panel_agreement(matrix)
    w = agreement.concordance.value
    if w is not None:
        assert 0.0 <= w <= 1.0 + 1e-12
        assert agreement.concordance.experts >= 2 and agreement.concordance.platforms >= 2
    icc = agreement.icc
    if icc.value is not None:
        assert icc.value <= 1.0 + 1e-12
        assert 1.0 <= icc.raters <= 7.0
    assert agreement.reading.zh.endswith("。") and agreement.reading.en.endswith(".")


@given(incomplete_matrices(), st.data())
@settings(max_examples=150, deadline=None)
def test_perfect_agreement_gives_one(matrix: Matrix, data: st.DataObject) -> None:
    """Every expert of a platform gives it the same total: ICC = 1 and W = 1."""
    agreed = {p: dict.fromkeys(row, data.draw(score)) for p, row in matrix.items()}
    agreement = panel_agreement(agreed)
    if agreement.icc.value is not None:
        assert agreement.icc.value == pytest.approx(1.0)
    if agreement.concordance.value is not None:
        assert agreement.concordance.value == pytest.approx(1.0)
        assert agreement.concordance.reading.zh == "专家对平台的排序完全一致"


@given(
    incomplete_matrices(),
    st.integers(-50, 50),
    st.sampled_from([Fraction(1, 2), Fraction(2), Fraction(3)]),
)
@settings(max_examples=150, deadline=None)
def test_coefficients_ignore_the_scale_and_the_names(
    matrix: Matrix, shift: int, factor: Fraction
) -> None:
    moved = {
        f"x{p}": {f"y{e}": Fraction(v) * factor + shift for e, v in row.items()}
        for p, row in reversed(list(matrix.items()))
    }
    before, after = panel_agreement(matrix), panel_agreement(moved)
    for a, b in zip(before.statistics, after.statistics, strict=True):
        assert (a.platforms, a.experts) == (b.platforms, b.experts)
        if a.value is None:
            assert b.value is None
        else:
            assert b.value == pytest.approx(a.value, rel=1e-9, abs=1e-12)


def test_the_block_of_an_every_expert_plan_drops_the_conflicted_platforms() -> None:
    """7 experts on 60 platforms but for 14 conflicts: p0…p6 and p40…p46 each miss one."""
    matrix: dict[str, Mapping[str, float]] = {
        f"p{p}": {f"e{e}": (p * 7 + e * 3) % 11 for e in range(7) if e != p % 40} for p in range(60)
    }
    experts, platforms = largest_complete_block(matrix)
    # All 7 experts on the 46 platforms without a conflict (322 totals) beat 6 experts on 48.
    assert len(experts) == 7 and len(platforms) == 46
    assert kendalls_w(matrix).platforms == 46
