"""Score-sheet validation: bounds, steps, completeness, required comments, vetoes, bonus."""

from __future__ import annotations

from factories import sheet, small_rubric

from jlpanel.domain.scoresheet import ProblemKind, ScoreSheet, expert_total, validate_sheet

RUBRIC = small_rubric()


def kinds(s: ScoreSheet, complete: bool = True) -> list[tuple[str, str]]:
    return [(p.kind.value, p.code) for p in validate_sheet(s, RUBRIC, complete=complete)]


def test_a_complete_sheet_is_valid():
    assert kinds(sheet("e", "p", 80)) == []


def test_missing_out_of_bounds_and_off_step():
    s = ScoreSheet("e", "p", {"A1": 36.0, "B1": 20.25, "Z9": 1.0}, comments={})
    assert kinds(s) == [
        ("unknown_indicator", "Z9"),
        ("out_of_bounds", "A1"),
        ("off_step", "B1"),
        ("missing", "C1"),
    ]


def test_negative_points_are_out_of_bounds():
    s = ScoreSheet("e", "p", {"A1": -0.5, "B1": 30.0, "C1": 20.0})
    assert ("out_of_bounds", "A1") in kinds(s)


def test_a_poor_score_needs_a_comment():
    # 差 on a 25-point indicator is 0–7 (30 % of 25 = 7.5 → 差 ends one step below)
    s = ScoreSheet("e", "p", {"A1": 30.0, "B1": 30.0, "C1": 7.0})
    assert kinds(s) == [("comment_required", "C1")]
    problem = validate_sheet(s, RUBRIC)[0]
    assert "差" in problem.message.zh and "Poor" in problem.message.en
    s7_5 = ScoreSheet("e", "p", {"A1": 30.0, "B1": 30.0, "C1": 7.5})
    assert kinds(s7_5) == []
    commented = ScoreSheet(
        "e", "p", {"A1": 30.0, "B1": 30.0, "C1": 7.0}, comments={"C1": "制度缺失"}
    )
    assert kinds(commented) == []


def test_work_in_progress_check_skips_completeness():
    s = ScoreSheet("e", "p", {"A1": 3.0, "B1": None})
    assert kinds(s, complete=False) == []
    assert ("missing", "B1") in kinds(s)


def test_vetoes_need_a_known_code_and_a_reason():
    s = sheet("e", "p", 80, vetoes={"fraud": "  ", "made_up": "x"})
    assert kinds(s) == [("veto_reason_required", "fraud"), ("unknown_veto", "made_up")]


def test_bonus_bounds_and_steps():
    s = sheet("e", "p", 80, bonus={"X1": 3.5, "X2": 0.3, "X9": 1})
    assert kinds(s) == [
        ("bonus_out_of_bounds", "X1"),
        ("bonus_off_step", "X2"),
        ("unknown_bonus", "X9"),
    ]


def test_expert_total_adds_capped_bonus():
    assert expert_total(sheet("e", "p", 80, bonus={"X1": 3, "X2": 3}), RUBRIC) == 85.0
    assert expert_total(sheet("e", "p", 99, bonus={"X1": 2}), RUBRIC) == 100.0


def test_problem_kinds_are_all_reachable():
    # Guard against a kind that validation can never produce.
    seen = set()
    for s in (
        ScoreSheet("e", "p", {"A1": 36.0, "B1": 20.25, "Z9": 1.0}),
        ScoreSheet("e", "p", {"A1": 30.0, "B1": 30.0, "C1": 7.0}),
        sheet(
            "e",
            "p",
            80,
            vetoes={"fraud": "", "made_up": "x"},
            bonus={"X1": 3.5, "X2": 0.3, "X9": 1},
        ),
    ):
        seen |= {p.kind for p in validate_sheet(s, RUBRIC)}
    assert seen == set(ProblemKind)
