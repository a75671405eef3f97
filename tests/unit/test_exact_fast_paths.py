"""The fast paths of the results (issue 16, W3) give exactly what the plain formulas give.

Each fast path is compared with the definition it replaces, on hostile values: every point
of the grid and off it, out of bounds, x.5 at the rounding place, negative values, ties.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from factories import small_rubric

from jlpanel.domain.rubric import Rubric
from jlpanel.domain.scoresheet import ScoreSheet, SheetChecker, validate_sheet
from jlpanel.services.rubrics import default_rubric

RUBRICS = {"default": default_rubric(), "small": small_rubric()}


def _hostile_points(rnd: random.Random, maximum: Decimal, step: Decimal) -> Decimal | None:
    """A grid value mostly; sometimes off the step, out of bounds, negative or missing."""
    roll = rnd.random()
    if roll < 0.03:
        return None
    if roll < 0.06:
        return maximum + step
    if roll < 0.09:
        return -step
    if roll < 0.12:
        return Decimal(rnd.randint(0, int(maximum * 100))) / 100  # off the step, often
    if roll < 0.15:
        return maximum  # the bound itself is fine
    # On the grid, written with varying places (5, 5.0, 5.00 are one value).
    value = step * rnd.randint(0, int(maximum / step))
    return value.quantize(Decimal(1).scaleb(-rnd.randint(0, 3)))


def _hostile_sheet(rnd: random.Random, rubric: Rubric, n: int) -> ScoreSheet:
    points: dict[str, Decimal | None] = {
        i.code: _hostile_points(rnd, i.max_points, i.step) for i in rubric.indicators
    }
    if rnd.random() < 0.05:
        points["Z9"] = Decimal(1)  # not in the rubric
    comments = {i.code: rnd.choice(["", "  ", "评语"]) for i in rubric.indicators}
    vetoes: dict[str, str] = {}
    if rnd.random() < 0.2 and rubric.vetoes:
        vetoes[rnd.choice(rubric.vetoes).code] = rnd.choice(["", " ", "弄虚作假"])
    if rnd.random() < 0.03:
        vetoes["V99"] = "理由"
    bonus: dict[str, Decimal] = {}
    for item in rubric.bonus_items:
        if rnd.random() < 0.3:
            bonus[item.code] = _hostile_points(rnd, item.max_points, item.step) or Decimal(0)
    if rnd.random() < 0.03:
        bonus["X9"] = Decimal(1)
    return ScoreSheet(f"e{n}", "p", points, comments, vetoes, bonus)


@pytest.mark.parametrize("name", sorted(RUBRICS))
@pytest.mark.parametrize("complete", [True, False])
def test_the_sheet_checker_finds_what_validate_sheet_finds(name: str, complete: bool):
    rubric = RUBRICS[name]
    checker = SheetChecker(rubric, complete=complete)  # one checker: its memory is shared
    rnd = random.Random(f"{name}{complete}")
    sound = 0
    for n in range(1000):
        s = _hostile_sheet(rnd, rubric, n)
        expected = validate_sheet(s, rubric, complete=complete)
        assert checker.problems(s) == expected, s
        sound += not expected
    assert 0 < sound < 1000  # both sound and defective sheets were met


def test_the_checker_remembers_values_not_their_places():
    """5, 5.0 and 5.00 are one value: the same meaning, whichever was seen first."""
    rubric = RUBRICS["small"]
    checker = SheetChecker(rubric)
    for c1 in ("7", "7.0", "7.00", "7.000"):  # 差 on C1: a comment is required
        bare = ScoreSheet("e", "p", {"A1": "30", "B1": "30", "C1": c1})
        said = ScoreSheet("e", "p", {"A1": "30", "B1": "30", "C1": c1}, comments={"C1": "差"})
        assert checker.problems(bare) == validate_sheet(bare, rubric) != []
        assert checker.problems(said) == validate_sheet(said, rubric) == []


def test_a_nan_point_is_left_to_the_full_check():
    rubric = RUBRICS["small"]
    s = ScoreSheet("e", "p", {"A1": Decimal("NaN"), "B1": Decimal(30), "C1": Decimal(20)})
    with pytest.raises(ArithmeticError):
        validate_sheet(s, rubric)
    with pytest.raises(ArithmeticError):
        SheetChecker(rubric).problems(s)


def _fraction(value: Decimal | Fraction | int) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)
