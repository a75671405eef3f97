"""Properties that must hold for any scores: invariance, bounds, monotonicity, quota."""

from __future__ import annotations

import datetime as dt
import random

from factories import sheet, small_rubric
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.domain.aggregation import ScorePolicy, summarize, trimmed_mean
from jlpanel.domain.results import PlatformInput, compute_results
from jlpanel.domain.rules import RuleSettings

RUBRIC = small_rubric()
DAY = dt.date(2026, 12, 15)

halves = st.integers(min_value=0, max_value=200).map(lambda n: n / 2)
# A1, B1, C1 points on the 0.5 grid within their maxima
points = st.tuples(
    st.integers(0, 70).map(lambda n: n / 2),
    st.integers(0, 80).map(lambda n: n / 2),
    st.integers(0, 50).map(lambda n: n / 2),
)
rules_strategy = st.builds(
    RuleSettings,
    score_policy=st.sampled_from(list(ScorePolicy)),
    trim_min_n=st.integers(3, 7),
    excellent_quota=st.one_of(st.none(), st.floats(0, 1)),
    area_floor_pct=st.one_of(st.none(), st.sampled_from([50.0, 60.0])),
)


def cycle(panel: list[list[tuple[float, float, float]]]) -> list[PlatformInput]:
    return [
        PlatformInput(f"p{n}", [sheet(f"e{m}", f"p{n}", points=pts) for m, pts in enumerate(row)])
        for n, row in enumerate(panel)
    ]


panels = st.lists(st.lists(points, min_size=1, max_size=7), min_size=1, max_size=8)


@given(st.lists(st.floats(0, 100), min_size=1, max_size=15))
def test_trimmed_mean_lies_within_min_and_max(values: list[float]):
    t = trimmed_mean(values)
    assert min(values) - 1e-9 <= t <= max(values) + 1e-9


@given(st.lists(halves, min_size=1, max_size=15), st.randoms())
def test_summary_is_order_invariant(values: list[float], rnd: random.Random):
    shuffled = values[:]
    rnd.shuffle(shuffled)
    a, b = summarize(values), summarize(shuffled)
    assert (a.n, a.median, a.minimum, a.maximum) == (b.n, b.median, b.minimum, b.maximum)
    assert abs(a.trimmed_mean - b.trimmed_mean) < 1e-9 and abs(a.mean - b.mean) < 1e-9


@given(panels, rules_strategy, st.randoms())
@settings(max_examples=60, deadline=None)
def test_results_do_not_depend_on_the_order_of_sheets_or_platforms(panel, rules, rnd):
    plain = compute_results(RUBRIC, rules, cycle(panel), decision_date=DAY)
    shuffled_inputs = [
        PlatformInput(p.platform_id, rnd.sample(list(p.sheets), len(p.sheets)))
        for p in cycle(panel)
    ]
    rnd.shuffle(shuffled_inputs)
    shuffled = compute_results(RUBRIC, rules, shuffled_inputs, decision_date=DAY)
    for p in plain.platforms:
        q = shuffled.by_id(p.platform_id)
        assert (p.score, p.grade, p.rank) == (q.score, q.grade, q.rank)


@given(panels, rules_strategy, st.data())
@settings(max_examples=80, deadline=None)
def test_raising_one_score_never_lowers_that_platforms_score_or_grade(panel, rules, data):
    before = compute_results(RUBRIC, rules, cycle(panel), decision_date=DAY)
    n = data.draw(st.integers(0, len(panel) - 1))
    m = data.draw(st.integers(0, len(panel[n]) - 1))
    which = data.draw(st.integers(0, 2))
    maxima = (35.0, 40.0, 25.0)
    raised = list(panel[n][m])
    raised[which] = data.draw(st.integers(int(raised[which] * 2), int(maxima[which] * 2))) / 2
    panel2 = [row[:] for row in panel]
    panel2[n][m] = (raised[0], raised[1], raised[2])
    after = compute_results(RUBRIC, rules, cycle(panel2), decision_date=DAY)
    b, a = before.by_id(f"p{n}"), after.by_id(f"p{n}")
    assert b.score is not None and a.score is not None
    assert a.score >= b.score
    assert b.grade is not None and a.grade is not None
    assert a.grade.rank <= b.grade.rank


@given(panels, rules_strategy, st.data())
@settings(max_examples=60, deadline=None)
def test_a_veto_never_raises_a_grade(panel, rules, data):
    n = data.draw(st.integers(0, len(panel) - 1))
    code = data.draw(st.sampled_from(["fraud", "no_service"]))
    inputs = cycle(panel)
    vetoed = list(inputs)
    vetoed[n] = PlatformInput(inputs[n].platform_id, inputs[n].sheets, panel_vetoes={code: "理由"})
    b = compute_results(RUBRIC, rules, inputs, decision_date=DAY).by_id(f"p{n}")
    a = compute_results(RUBRIC, rules, vetoed, decision_date=DAY).by_id(f"p{n}")
    assert a.grade is not None and b.grade is not None
    assert a.grade.rank >= b.grade.rank


@given(panels, st.floats(0, 1))
@settings(max_examples=80, deadline=None)
def test_the_excellent_quota_is_never_exceeded(panel, quota):
    import math

    results = compute_results(
        RUBRIC, RuleSettings(excellent_quota=quota), cycle(panel), decision_date=DAY
    )
    excellent = [
        p for p in results.platforms if p.grade is not None and p.grade.value == "excellent"
    ]
    assert len(excellent) <= math.floor(quota * len(panel) + 1e-9)
    # and those kept are the best-ranked of the platforms that earned 优秀 by the thresholds
    earned = [
        p
        for p in results.platforms
        if p.grade_by_rules is not None and p.grade_by_rules.value == "excellent"
    ]
    if excellent:
        worst_kept = max(p.rank or 0 for p in excellent)
        assert all((p.rank or 0) >= worst_kept for p in earned if p not in excellent)
