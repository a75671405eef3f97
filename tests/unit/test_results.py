"""Worked examples, computed by hand, for every rule of DESIGN §5."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction

import pytest
from factories import rubric_with_step, sheet, small_rubric

from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.exact import round_half_up
from jlpanel.domain.results import (
    DecisionKind,
    PlatformInput,
    VetoRuling,
    compute_results,
    split_budget,
)
from jlpanel.domain.rules import BudgetSplit, Grade, RuleSettings, add_months

RUBRIC = small_rubric()
DAY = dt.date(2026, 12, 15)


def platform(pid: str, *totals: float, **kwargs: object) -> PlatformInput:
    return PlatformInput(pid, [sheet(f"e{n}", pid, t) for n, t in enumerate(totals, 1)], **kwargs)  # type: ignore[arg-type]


def run(*platforms: PlatformInput, rules: RuleSettings | None = None):
    return compute_results(RUBRIC, rules or RuleSettings(), platforms, confirmed_on=DAY)


def test_trimmed_mean_of_seven_experts_is_86_8():
    # sorted 60 79 85 88 90 92 95 → drop 60 and 95 → (79+85+88+90+92)/5 = 434/5 = 86.8
    res = run(platform("p", 92, 88, 85, 79, 95, 60, 90)).by_id("p")
    assert res.score == D("86.8")
    assert res.total is not None
    assert res.total.mean == D("84.14")  # 589 / 7 = 84.142857…, shown rounded
    assert res.total.median == 88
    assert res.total.range == 35
    assert res.total.n == 7
    assert res.grade is Grade.GOOD


def test_four_experts_are_not_trimmed():
    # n = 4 < 5: plain mean (90+80+70+60)/4 = 75
    assert run(platform("p", 90, 80, 70, 60)).by_id("p").score == 75.0


def test_trim_threshold_is_a_setting():
    # with trimming from n ≥ 4: drop 90 and 60 → (80+70)/2 = 75 … choose values that differ:
    # 95, 80, 70, 60 → mean 76.25; trimmed (80+70)/2 = 75
    p = platform("p", 95, 80, 70, 60)
    assert run(p).by_id("p").score == 76.25
    assert run(p, rules=RuleSettings(trim_min_n=4)).by_id("p").score == 75.0


def test_median_and_mean_policies():
    p = platform("p", 92, 88, 85, 79, 95, 60, 90)
    assert run(p, rules=RuleSettings(score_policy=ScorePolicy.MEDIAN)).by_id("p").score == 88
    # 589 / 7 = 84.142857… → 84.14
    assert run(p, rules=RuleSettings(score_policy=ScorePolicy.MEAN)).by_id("p").score == D("84.14")


def test_sample_standard_deviation():
    # 2 4 4 4 5 5 7 9: mean 5, squared deviations sum 32, sample sd √(32/7) = 2.13809
    from jlpanel.domain.aggregation import summarize

    s = summarize([2, 4, 4, 4, 5, 5, 7, 9])
    assert s.stdev == pytest.approx(2.13809, abs=1e-5)
    assert s.exact_trimmed_mean == Fraction(4 + 4 + 4 + 5 + 5 + 7, 6)


def test_scores_round_half_up_before_grading():
    assert round_half_up(D("86.845"), 2) == D("86.85")
    assert round_half_up(89.995, 2) == 90.0
    # mean of 89.5, 90, 90.5 … pick three totals whose mean is 89.8333 → 89.83 → 良好
    res = run(platform("p", 89.5, 90, 90)).by_id("p")
    assert res.score == D("89.83")
    assert res.grade is Grade.GOOD


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (100, Grade.EXCELLENT),
        (90, Grade.EXCELLENT),
        (89.5, Grade.GOOD),
        (80, Grade.GOOD),
        (79.5, Grade.PASS),
        (60, Grade.PASS),
        (59.5, Grade.FAIL),
        (0, Grade.FAIL),
    ],
)
def test_grade_thresholds(total: float, grade: Grade):
    assert run(platform("p", total, total, total)).by_id("p").grade is grade


def test_disagreement_by_range():
    # 70, 86, 80: range 16 > 15; median 80, 70 is exactly 10 away (not more): no outlier
    res = run(platform("p", 70, 86, 80)).by_id("p")
    kinds = [(d.kind.value, d.expert_id) for d in res.disagreements]
    assert kinds == [("range", None)]
    assert res.on_discussion_list


def test_disagreement_by_distance_from_median():
    # 80, 81, 82, 95: range exactly 15 (not more); median 81.5, e4 is 13.5 away
    res = run(platform("p", 80, 81, 82, 95)).by_id("p")
    assert [(d.kind.value, d.expert_id, d.amount) for d in res.disagreements] == [
        ("outlier", "e4", 13.5)
    ]


def test_no_disagreement_within_limits():
    assert not run(platform("p", 80, 85, 90)).by_id("p").on_discussion_list


def test_fraud_veto_at_95_fails_and_bars():
    p = PlatformInput(
        "p",
        [
            sheet("e1", "p", 95, vetoes={"fraud": "服务记录系伪造"}),
            sheet("e2", "p", 95),
            sheet("e3", "p", 95),
        ],
    )
    res = run(p).by_id("p")
    assert res.score == 95
    assert res.grade is Grade.FAIL
    assert res.barred
    assert res.decision.kind is DecisionKind.DISQUALIFY
    assert res.decision.barred
    assert "取消申报和参加考核评价资格" in res.decision.reason.zh
    assert res.vetoes == {"fraud": ("服务记录系伪造",)}


def test_non_barring_veto_fails_first_time_into_rectification():
    p = PlatformInput(
        "p",
        [
            sheet("e1", "p", 85, vetoes={"no_service": "无外单位服务"}),
            sheet("e2", "p", 85),
            sheet("e3", "p", 85),
        ],
    )
    res = run(p).by_id("p")
    assert res.grade is Grade.FAIL
    assert not res.barred
    assert res.decision.kind is DecisionKind.RECTIFY
    assert res.decision.deadline == dt.date(2027, 12, 15)


def test_veto_quorum_is_a_setting():
    p = PlatformInput(
        "p",
        [
            sheet("e1", "p", 85, vetoes={"no_service": "无外单位服务"}),
            sheet("e2", "p", 85),
            sheet("e3", "p", 85),
        ],
    )
    res = run(p, rules=RuleSettings(veto_min_experts=2)).by_id("p")
    assert res.vetoes == {}
    assert res.grade is Grade.GOOD


def test_panel_confirmed_veto_applies():
    p = platform("p", 91, 92, 93, veto_rulings={"fraud": VetoRuling(True, "专家组认定材料造假")})
    res = run(p).by_id("p")
    assert res.grade is Grade.FAIL and res.barred


def test_quota_of_20_percent_keeps_exactly_the_two_highest_excellent():
    totals = [90, 90.5, 91, 91.5, 92, 92.5, 93, 93.5, 94, 99]
    ps = [platform(f"p{n:02d}", t, t, t) for n, t in enumerate(totals)]
    results = run(*ps, rules=RuleSettings(excellent_quota=0.2))
    excellent = sorted(r.platform_id for r in results.platforms if r.grade is Grade.EXCELLENT)
    assert excellent == ["p08", "p09"]  # 94 and 99
    demoted = [r for r in results.platforms if r.quota_applied]
    assert len(demoted) == 8
    assert all(r.grade is Grade.GOOD and r.grade_by_rules is Grade.EXCELLENT for r in demoted)


def test_area_floor_caps_the_grade():
    # total 85 but area C only 12 of 25 (48 % < 60 %) → at most 合格
    pts = (35.0, 38.0, 12.0)
    p = PlatformInput("p", [sheet(e, "p", points=pts) for e in ("e1", "e2", "e3")])
    assert run(p).by_id("p").grade is Grade.GOOD
    res = run(p, rules=RuleSettings(area_floor_pct=60)).by_id("p")
    assert res.floors_missed == ("C",)
    assert res.grade is Grade.PASS


def test_ties_are_ranked_by_service_outcomes():
    # both 85 in total; q has B1 = 36, p has B1 = 30 → q ranks first
    p = PlatformInput("p", [sheet(e, "p", points=(30.0, 30.0, 25.0)) for e in ("e1", "e2", "e3")])
    q = PlatformInput("q", [sheet(e, "q", points=(25.0, 36.0, 24.0)) for e in ("e1", "e2", "e3")])
    r = run(p, q)
    assert (r.by_id("q").rank, r.by_id("p").rank) == (1, 2)
    # full tie (same score, same B) shares the rank
    p2 = PlatformInput(
        "p2", [sheet(e, "p2", points=(30.0, 30.0, 25.0)) for e in ("e1", "e2", "e3")]
    )
    r = run(p, q, p2)
    assert (r.by_id("q").rank, r.by_id("p").rank, r.by_id("p2").rank) == (1, 2, 2)


def test_vetoed_platforms_rank_below_the_others():
    a = platform("a", 70, 70, 70)
    b = platform("b", 95, 95, 95, veto_rulings={"no_service": VetoRuling(True, "无服务")})
    r = run(a, b)
    assert (r.by_id("a").rank, r.by_id("b").rank) == (1, 2)


def test_second_consecutive_fail_revokes_status():
    first = run(platform("p", 50, 55, 58)).by_id("p")
    assert first.decision.kind is DecisionKind.RECTIFY
    again = run(platform("p", 50, 55, 58, previous_grade=Grade.FAIL)).by_id("p")
    assert again.decision.kind is DecisionKind.DISQUALIFY
    assert not again.decision.barred
    assert "连续两次" in again.decision.reason.zh
    # a pass after a fail is simply a pass
    ok = run(platform("p", 70, 70, 70, previous_grade=Grade.FAIL)).by_id("p")
    assert ok.decision.kind is DecisionKind.MAINTAIN


def test_rectification_deadline_is_a_setting():
    res = run(platform("p", 50, 50, 50), rules=RuleSettings(rectification_months=6)).by_id("p")
    assert res.decision.deadline == dt.date(2027, 6, 15)


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


def test_funding_candidates_ranked_with_equal_split():
    ps = [
        platform("a", 95, 95, 95),
        platform("b", 85, 85, 85),
        platform("c", 82, 82, 82),
        platform("d", 70, 70, 70),
    ]
    r = run(*ps, rules=RuleSettings(funding_budget=100, budget_split=BudgetSplit.EQUAL))
    cands = {
        p.platform_id: p.decision
        for p in r.platforms
        if p.decision.kind is DecisionKind.FUNDING_CANDIDATE
    }
    assert sorted(cands) == ["a", "b", "c"]
    assert [cands[k].funding_rank for k in "abc"] == [1, 2, 3]
    # 100 / 3 = 33.333…: 33.34 + 33.33 + 33.33, summing exactly to the budget
    assert [cands[k].funding_amount for k in "abc"] == [D("33.34"), D("33.33"), D("33.33")]
    assert r.by_id("d").decision.kind is DecisionKind.MAINTAIN


def test_budget_split_by_score_and_by_tier():
    rules = RuleSettings()
    # by score: 95 and 85 share 90 → 90·95/180 = 47.50, 90·85/180 = 42.50
    assert split_budget(
        90, BudgetSplit.BY_SCORE, [(95, Grade.EXCELLENT), (85, Grade.GOOD)], rules
    ) == ([D("47.50"), D("42.50")], [])
    # by tier: weights 1.5 and 1.0 share 100 → 60 and 40
    assert split_budget(
        100, BudgetSplit.BY_TIER, [(95, Grade.EXCELLENT), (85, Grade.GOOD)], rules
    ) == ([D("60.00"), D("40.00")], [])


def test_coverage_below_three_valid_scores_is_not_final():
    bad = sheet("e3", "p", 80)
    incomplete = type(bad)(bad.expert_id, bad.platform_id, {"A1": 30.0, "B1": 30.0})
    p = PlatformInput("p", [sheet("e1", "p", 80), sheet("e2", "p", 84), incomplete])
    res = run(p).by_id("p")
    assert res.n_valid == 2
    assert not res.is_final
    assert res.decision.kind is DecisionKind.PENDING
    assert set(res.excluded) == {"e3"}
    assert res.score == 82.0  # provisional, from the two valid sheets


def test_consensus_adjustment_replaces_the_score():
    res = run(platform("p", 88, 89, 89, adjusted_score=90.0)).by_id("p")
    assert res.computed_score == D("88.67")
    assert res.score == 90.0 and res.adjusted
    assert res.grade is Grade.EXCELLENT


def test_bonus_is_capped_and_total_never_exceeds_100():
    p = PlatformInput(
        "p",
        [
            sheet(
                "e1", "p", points=(35.0, 40.0, 22.0), bonus={"X1": 3, "X2": 3}
            ),  # 97 + min(6,5) → 100
            sheet("e2", "p", points=(30.0, 30.0, 20.0), bonus={"X1": 3, "X2": 3}),  # 80 + 5 = 85
            sheet("e3", "p", points=(30.0, 30.0, 20.0)),
        ],
    )
    res = run(p).by_id("p")
    assert res.expert_totals == {"e1": 100.0, "e2": 85.0, "e3": 80.0}


def test_leniency_shows_the_lenient_expert():
    # e1 gives +6 above the others on every platform
    ps = [
        PlatformInput(
            pid, [sheet("e1", pid, base + 6), sheet("e2", pid, base), sheet("e3", pid, base)]
        )
        for pid, base in (("p", 70), ("q", 80))
    ]
    lv = run(*ps).leniency
    # platform mean = base + 2 → e1 deviates +4, the others −2
    assert lv["e1"].mean_deviation == pytest.approx(4.0)
    assert lv["e2"].mean_deviation == pytest.approx(-2.0)
    assert lv["e1"].mean_z > 1 > 0 > lv["e2"].mean_z
    assert lv["e1"].n == 2


# ------------------------------------------------------------- issue 11: worked examples


def test_a_mean_of_79_995_stays_on_the_funding_list():
    # 0.5-grid totals cannot make 79.995; the 0.01 grid can: (79.99 + 80.00) / 2 = 79.995 → 80.00
    pts_a = (D("28"), D("31.99"), D("20"))
    pts_b = (D("28"), D("32"), D("20"))
    p = PlatformInput("p", [sheet("e1", "p", points=pts_a), sheet("e2", "p", points=pts_b)])  # type: ignore[arg-type]
    res = compute_results(
        rubric_with_step("0.01"), RuleSettings(min_valid_scores=2), [p], confirmed_on=DAY
    ).by_id("p")
    assert res.score == D("80.00") and res.grade is Grade.GOOD
    assert res.decision.kind is DecisionKind.FUNDING_CANDIDATE


def test_ids_never_decide_an_exact_tie_at_the_quota():
    # "10" sorts before "2" as text: the old code gave 10 the only 优秀 place.
    ps = [platform(pid, 95, 95, 95, label=f"JL-{pid}") for pid in ("2", "10")]
    ps.append(platform("3", 70, 70, 70))
    r = run(*ps, rules=RuleSettings(excellent_quota=D("0.34")))  # floor(0.34 × 3) = 1 place
    two, ten = r.by_id("2"), r.by_id("10")
    assert two.rank == ten.rank == 1
    assert two.tie is not None and two.tie == ten.tie and not two.tie.decided
    assert two.tie.where.value == "quota"
    assert not two.is_final and not ten.is_final
    assert two.grade is ten.grade is Grade.EXCELLENT  # provisional until the panel decides
    assert r.ties == (two.tie,)


def test_the_panels_order_decides_the_quota_tie_and_is_remembered():
    ps = [platform(pid, 95, 95, 95, label=f"JL-{pid}") for pid in ("2", "10")]
    ps.append(platform("3", 70, 70, 70))
    rules = RuleSettings(excellent_quota=D("0.34"))
    r = compute_results(RUBRIC, rules, ps, confirmed_on=DAY, tie_orders=[["10", "2"]])
    ten, two = r.by_id("10"), r.by_id("2")
    assert (ten.rank, two.rank) == (1, 2)
    assert (ten.grade, two.grade) == (Grade.EXCELLENT, Grade.GOOD) and two.quota_applied
    assert ten.is_final and two.is_final
    assert ten.tie is not None and ten.tie.decided and r.ties[0].decided


def test_a_not_final_platform_takes_no_excellent_slot():
    # Four final platforms → floor(0.5 × 4) = 2 places; the uncovered 99 takes none of them.
    ps = [platform(p, t, t, t) for p, t in (("a", 98), ("b", 96), ("c", 94), ("d", 70))]
    ps.append(platform("e", 99, 99))  # two valid scores: not final
    r = run(*ps, rules=RuleSettings(excellent_quota=D("0.5")))
    assert r.quota_places == 2 and r.final_count == 4
    assert [r.by_id(p).grade for p in "abc"] == [Grade.EXCELLENT, Grade.EXCELLENT, Grade.GOOD]
    assert not r.by_id("e").is_final


def test_a_tie_at_the_funding_cut_holds_back_the_split():
    ps = [platform(p, t, t, t, label=p) for p, t in (("a", 95), ("b", 85), ("c", 85))]
    rules = RuleSettings(funding_places=2, funding_budget=D("100"), budget_split=BudgetSplit.EQUAL)
    r = run(*ps, rules=rules)
    b, c = r.by_id("b"), r.by_id("c")
    assert b.tie is not None and b.tie.where.value == "funding_cut" and not b.is_final
    assert (b.decision.funding_rank, c.decision.funding_rank) == (2, 2)
    assert all(r.by_id(p).decision.funding_amount is None for p in "abc")
    ordered = compute_results(RUBRIC, rules, ps, confirmed_on=DAY, tie_orders=[["c", "b"]])
    assert ordered.by_id("c").decision.funding_amount == D("50.00")
    assert ordered.by_id("b").decision.funding_amount is None  # third: not funded
    assert ordered.by_id("a").decision.funding_amount == D("50.00")


def test_leftover_cents_inside_an_exact_tie_are_a_budget_tie():
    # 100 split equally among three exact ties: 33.33 each and one cent nobody can claim.
    ps = [platform(p, 85, 85, 85, label=p) for p in "abc"]
    r = run(*ps, rules=RuleSettings(funding_budget=D("100"), budget_split=BudgetSplit.EQUAL))
    assert all(r.by_id(p).decision.funding_amount is None for p in "abc")
    assert r.ties[0].where.value == "budget" and set(r.ties[0].members) == set("abc")
    # the same budget among platforms of different ranks: rank order takes the cent
    ps = [platform(p, t, t, t, label=p) for p, t in (("a", 90), ("b", 85), ("c", 84))]
    r = run(*ps, rules=RuleSettings(funding_budget=D("100"), budget_split=BudgetSplit.EQUAL))
    assert [r.by_id(p).decision.funding_amount for p in "abc"] == [
        D("33.34"),
        D("33.33"),
        D("33.33"),
    ]
    assert r.ties == ()


def test_veto_claims_count_until_the_panel_dismisses_them():
    claim = {"no_service": "考核期内无外单位服务"}
    p = PlatformInput(
        "p", [sheet("e1", "p", 85, vetoes=claim), sheet("e2", "p", 85), sheet("e3", "p", 85)]
    )
    counted = run(p).by_id("p")
    assert counted.grade is Grade.FAIL and counted.failed_by_veto
    (status,) = counted.veto_claims
    assert status.claims == (("e1", "考核期内无外单位服务"),) and status.ruling is None
    assert counted.on_discussion_list
    waiting = run(p, rules=RuleSettings(unconfirmed_veto_counts=False)).by_id("p")
    assert waiting.grade is Grade.GOOD and waiting.veto_claims[0].applies is False
    dismissed = PlatformInput(
        "p", p.sheets, veto_rulings={"no_service": VetoRuling(False, "核实有外单位服务记录")}
    )
    assert run(dismissed).by_id("p").grade is Grade.GOOD
    confirmed = PlatformInput(
        "p", p.sheets, veto_rulings={"no_service": VetoRuling(True, "专家组核实属实")}
    )
    res = run(confirmed, rules=RuleSettings(unconfirmed_veto_counts=False)).by_id("p")
    assert res.grade is Grade.FAIL and res.vetoes["no_service"][-1] == "专家组核实属实"


def test_deadlines_wait_for_the_confirmation_and_never_move():
    p = platform("p", 50, 50, 50)
    draft = compute_results(RUBRIC, RuleSettings(), [p]).by_id("p")
    assert draft.decision.kind is DecisionKind.RECTIFY and draft.decision.deadline is None
    assert "自结果确定之日起 12 个月内整改" in draft.decision.reason.zh
    later = compute_results(
        RUBRIC,
        RuleSettings(),
        [p],
        confirmed_on=dt.date(2027, 2, 1),
        kept_deadlines={"p": dt.date(2027, 12, 15)},
    ).by_id("p")
    assert later.decision.deadline == dt.date(2027, 12, 15)


def test_a_bar_from_an_earlier_cycle_carries_whatever_the_score():
    from jlpanel.domain.results import EarlierStanding

    p = platform("p", 95, 95, 95, earlier=EarlierStanding(barred_in="2024年度"))
    res = run(p).by_id("p")
    assert res.decision.kind is DecisionKind.DISQUALIFY and res.decision.barred
    assert res.decision.carried and res.barred and "2024年度" in res.decision.reason.zh
    lost = run(platform("p", 95, 95, 95, earlier=EarlierStanding(disqualified_in="2024年度")))
    assert lost.by_id("p").decision.kind is DecisionKind.DISQUALIFY
    assert not lost.by_id("p").decision.barred


def test_areas_use_the_experts_of_the_trimmed_mean():
    # Five experts: totals 60, 80, 80, 80, 100 → the trimmed mean drops 60 and 100.
    pts = [(20.0, 20.0, 20.0), (30.0, 30.0, 20.0), (25.0, 35.0, 20.0), (35.0, 25.0, 20.0)]
    pts.append((35.0, 40.0, 25.0))
    p = PlatformInput("p", [sheet(f"e{n}", "p", points=x) for n, x in enumerate(pts)])
    res = run(p).by_id("p")
    assert res.score == 80
    # B over the three middle experts: (30 + 35 + 25) / 3 = 30, not the mean of all five (30)
    # … and A: (30 + 25 + 35) / 3 = 30, C: 20; they add up to the score.
    assert res.area_scores == {"A": D("30.00"), "B": D("30.00"), "C": D("20.00")}
    assert sum(res.exact_area_scores.values()) == Fraction(80)


def test_an_expert_tied_for_highest_shares_the_drop():
    # Totals 70, 80, 90, 90, 60: the two 90s split the dropped highest equally.
    pts = [(25.0, 25.0, 20.0), (30.0, 30.0, 20.0), (35.0, 35.0, 20.0), (30.0, 40.0, 20.0)]
    pts.append((20.0, 20.0, 20.0))
    p = PlatformInput("p", [sheet(f"e{n}", "p", points=x) for n, x in enumerate(pts)])
    res = run(p).by_id("p")
    # kept: 70, 80 and half of each 90 → B = (25 + 30 + (35 + 40) / 2) / 3 = 92.5 / 3
    assert res.exact_area_scores["B"] == Fraction(185, 6)
    assert res.exact_score == Fraction(240, 3)
