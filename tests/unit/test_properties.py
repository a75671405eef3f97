"""Properties that must hold for any scores, checked against an exact Fraction reference.

The reference below is written from DESIGN §5 alone, with Fractions and nothing shared with
the code under test, on the 0.5, 0.1 and 0.01 grids.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal
from fractions import Fraction

import pytest
from factories import rubric_with_step, sheet
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.domain.aggregation import ScorePolicy, summarize, trimmed_mean
from jlpanel.domain.results import PlatformInput, VetoRuling, compute_results
from jlpanel.domain.rules import Grade, RuleSettings

DAY = dt.date(2026, 12, 15)
MAXIMA = (35, 40, 25)  # A1, B1, C1 of the test rubric


GRIDS = {step: rubric_with_step(step) for step in ("0.5", "0.1", "0.01")}


def grid_points(step: str) -> st.SearchStrategy[tuple[Decimal, Decimal, Decimal]]:
    unit = Decimal(step)
    per = int(1 / unit)
    return st.tuples(*(st.integers(0, m * per).map(lambda k: k * unit) for m in MAXIMA))


def panels(step: str) -> st.SearchStrategy[list[list[tuple[Decimal, Decimal, Decimal]]]]:
    return st.lists(st.lists(grid_points(step), min_size=1, max_size=7), min_size=1, max_size=8)


rules_strategy = st.builds(
    RuleSettings,
    score_policy=st.sampled_from(list(ScorePolicy)),
    trim_min_n=st.integers(3, 7),
    excellent_quota=st.one_of(st.none(), st.sampled_from(["0.1", "0.2", "0.3", "0.5", "1"])),
    area_floor_pct=st.one_of(st.none(), st.sampled_from(["50", "60"])),
)


def cycle(panel: list[list[tuple[Decimal, Decimal, Decimal]]]) -> list[PlatformInput]:
    return [
        PlatformInput(
            f"p{n}",
            [sheet(f"e{m}", f"p{n}", points=pts) for m, pts in enumerate(row)],  # type: ignore[arg-type]
            label=f"p{n}",
        )
        for n, row in enumerate(panel)
    ]


# ------------------------------------------------------------------------- the reference


def ref_half_up(x: Fraction, places: int = 2) -> Fraction:
    scale = 10**places
    return Fraction(math.floor(x * scale + Fraction(1, 2)), scale)


def ref_statistic(totals: list[Fraction], rules: RuleSettings) -> Fraction:
    ordered = sorted(totals)
    n = len(ordered)
    if rules.score_policy is ScorePolicy.MEDIAN:
        mid = n // 2
        return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    if rules.score_policy is ScorePolicy.TRIMMED_MEAN and n >= max(rules.trim_min_n, 3):
        ordered = ordered[1:-1]
    return sum(ordered, Fraction(0)) / len(ordered)


def ref_grade(score: Fraction, rules: RuleSettings) -> Grade:
    if score >= Fraction(rules.excellent_min):
        return Grade.EXCELLENT
    if score >= Fraction(rules.good_min):
        return Grade.GOOD
    if score >= Fraction(rules.pass_min):
        return Grade.PASS
    return Grade.FAIL


# ------------------------------------------------------------------------------ properties


@pytest.mark.parametrize("step", list(GRIDS))
def test_scores_and_grades_match_the_fraction_reference(step: str):
    @given(panels(step), rules_strategy)
    @settings(max_examples=120, deadline=None)
    def check(panel, rules):
        rules = RuleSettings(
            score_policy=rules.score_policy, trim_min_n=rules.trim_min_n
        )  # no quota or floor: the grade is the thresholds' alone
        results = compute_results(GRIDS[step], rules, cycle(panel), confirmed_on=DAY)
        for n, row in enumerate(panel):
            r = results.by_id(f"p{n}")
            totals = [sum((Fraction(p) for p in pts), Fraction(0)) for pts in row]
            exact = ref_statistic(totals, rules)
            assert r.exact_score == exact
            assert r.score is not None and Fraction(r.score) == ref_half_up(exact)
            assert r.grade is ref_grade(ref_half_up(exact), rules)
            # the areas use the same experts as the total, so they add up to it exactly
            assert sum(r.exact_area_scores.values(), Fraction(0)) == exact

    check()


@pytest.mark.parametrize("step", list(GRIDS))
def test_ranks_follow_score_then_area_b_exactly(step: str):
    @given(panels(step), st.sampled_from(list(ScorePolicy)))
    @settings(max_examples=80, deadline=None)
    def check(panel, policy):
        rules = RuleSettings(score_policy=policy)
        results = compute_results(GRIDS[step], rules, cycle(panel), confirmed_on=DAY)
        keyed = []
        for r in results.platforms:
            assert r.score is not None
            keyed.append(((Fraction(r.score), r.exact_area_scores["B"]), r.rank))
        for key_a, rank_a in keyed:
            for key_b, rank_b in keyed:
                if key_a > key_b:
                    assert rank_a is not None and rank_b is not None and rank_a < rank_b
                elif key_a == key_b:
                    assert rank_a == rank_b  # an exact tie shares its rank

    check()


def test_a_mean_of_89_995_is_90_and_excellent_on_the_0_01_grid():
    # totals 89.99 and 90.00: the mean is exactly 89.995 → half up → 90.00 优秀
    a = (Decimal("35"), Decimal("34.99"), Decimal("20"))
    b = (Decimal("35"), Decimal("35"), Decimal("20"))
    p = PlatformInput("p", [sheet("e1", "p", points=a), sheet("e2", "p", points=b)])  # type: ignore[arg-type]
    res = compute_results(
        GRIDS["0.01"], RuleSettings(min_valid_scores=1), [p], confirmed_on=DAY
    ).by_id("p")
    assert res.exact_score == Fraction(89995, 1000)
    assert res.score == Decimal("90.00")
    assert res.grade is Grade.EXCELLENT


@given(st.lists(st.integers(0, 10000).map(lambda k: Decimal(k) / 100), min_size=1, max_size=15))
def test_trimmed_mean_lies_within_min_and_max(values: list[Decimal]):
    t = trimmed_mean(values)
    assert min(values) <= t <= max(values)


@given(
    st.lists(st.integers(0, 200).map(lambda k: Decimal(k) / 2), min_size=1, max_size=15),
    st.randoms(),
)
def test_summary_is_order_invariant(values: list[Decimal], rnd: random.Random):
    shuffled = values[:]
    rnd.shuffle(shuffled)
    a, b = summarize(values), summarize(shuffled)
    assert a == b


@given(panels("0.1"), rules_strategy, st.randoms())
@settings(max_examples=60, deadline=None)
def test_results_do_not_depend_on_the_order_of_sheets_or_platforms(panel, rules, rnd):
    rubric = GRIDS["0.1"]
    plain = compute_results(rubric, rules, cycle(panel), confirmed_on=DAY)
    shuffled_inputs = [
        PlatformInput(p.platform_id, rnd.sample(list(p.sheets), len(p.sheets)), label=p.label)
        for p in cycle(panel)
    ]
    rnd.shuffle(shuffled_inputs)
    shuffled = compute_results(rubric, rules, shuffled_inputs, confirmed_on=DAY)
    for p in plain.platforms:
        q = shuffled.by_id(p.platform_id)
        assert (p.score, p.grade, p.rank, p.is_final, p.tie) == (
            q.score,
            q.grade,
            q.rank,
            q.is_final,
            q.tie,
        )
        assert p.area_scores == q.area_scores


@given(panels("0.5"), rules_strategy, st.data())
@settings(max_examples=80, deadline=None)
def test_raising_one_score_never_lowers_that_platforms_score_or_grade(panel, rules, data):
    rules = RuleSettings(
        score_policy=rules.score_policy,
        trim_min_n=rules.trim_min_n,
        area_floor_pct=rules.area_floor_pct,
    )  # without a quota, which may demote by rank
    rubric = GRIDS["0.5"]
    before = compute_results(rubric, rules, cycle(panel), confirmed_on=DAY)
    n = data.draw(st.integers(0, len(panel) - 1))
    m = data.draw(st.integers(0, len(panel[n]) - 1))
    which = data.draw(st.integers(0, 2))
    raised = list(panel[n][m])
    raised[which] = Decimal(data.draw(st.integers(int(raised[which] * 2), MAXIMA[which] * 2))) / 2
    panel2 = [row[:] for row in panel]
    panel2[n][m] = (raised[0], raised[1], raised[2])
    after = compute_results(rubric, rules, cycle(panel2), confirmed_on=DAY)
    b, a = before.by_id(f"p{n}"), after.by_id(f"p{n}")
    assert b.score is not None and a.score is not None
    assert a.score >= b.score
    assert b.grade is not None and a.grade is not None
    # a floor can only be missed less often when a score goes up, except by the median or
    # trimmed mean moving to other experts: compare the thresholds' grade
    assert a.grade_by_rules is not None and b.grade_by_rules is not None
    if rules.area_floor_pct is None:
        assert a.grade.rank <= b.grade.rank


@given(panels("0.5"), rules_strategy, st.data())
@settings(max_examples=60, deadline=None)
def test_a_veto_never_raises_a_grade(panel, rules, data):
    n = data.draw(st.integers(0, len(panel) - 1))
    code = data.draw(st.sampled_from(["fraud", "no_service"]))
    inputs = cycle(panel)
    vetoed = list(inputs)
    vetoed[n] = PlatformInput(
        inputs[n].platform_id, inputs[n].sheets, veto_rulings={code: VetoRuling(True, "理由")}
    )
    rubric = GRIDS["0.5"]
    b = compute_results(rubric, rules, inputs, confirmed_on=DAY).by_id(f"p{n}")
    a = compute_results(rubric, rules, vetoed, confirmed_on=DAY).by_id(f"p{n}")
    assert a.grade is not None and b.grade is not None
    assert a.grade.rank >= b.grade.rank


@given(panels("0.5"), st.sampled_from(["0", "0.1", "0.2", "0.3", "0.5", "1"]))
@settings(max_examples=80, deadline=None)
def test_the_excellent_quota_is_never_exceeded(panel, quota):
    results = compute_results(
        GRIDS["0.5"], RuleSettings(excellent_quota=quota), cycle(panel), confirmed_on=DAY
    )
    finals = [p for p in results.platforms if p.covered]
    places = math.floor(Fraction(quota) * len(finals))
    assert results.quota_places == places
    settled = [p for p in finals if p.tie is None and p.grade is Grade.EXCELLENT]
    tied = [p for p in finals if p.tie is not None and p.grade is Grade.EXCELLENT]
    assert len(settled) <= places
    # a tie at the cut keeps its members provisional, never silently picks one
    assert all(not p.is_final for p in tied)
    if tied:
        assert len(settled) < places < len(settled) + len(tied)
    # those kept are the best-ranked of the platforms that earned 优秀 by the thresholds
    earned = [p for p in finals if p.grade_by_rules is Grade.EXCELLENT]
    if settled:
        worst_kept = max(p.rank or 0 for p in settled)
        assert all((p.rank or 0) >= worst_kept for p in earned if p not in settled)
