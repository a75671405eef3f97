"""The fast paths of the results (issue 16, W3) give exactly what the plain formulas give.

Each fast path is compared with the definition it replaces, on hostile values: every point
of the grid and off it, out of bounds, x.5 at the rounding place, negative values, ties.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from exact_reference import reference_round
from factories import small_rubric

from jlpanel.domain.rubric import Rubric
from jlpanel.domain.scoresheet import (
    ScoreSheet,
    SheetChecker,
    exact_bonus,
    exact_points,
    expert_total,
    validate_sheet,
)
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


@pytest.mark.parametrize("name", sorted(RUBRICS))
def test_the_checkers_total_is_expert_total_to_the_last_digit(name: str):
    rubric = RUBRICS[name]
    checker = SheetChecker(rubric)
    rnd = random.Random(f"total{name}")
    for n in range(1000):
        s = _hostile_sheet(rnd, rubric, n)
        expected = expert_total(s, rubric)
        got = checker.total(s)
        assert (str(got), type(got)) == (str(expected), type(expected)), s
    full = ScoreSheet("e", "p", {i.code: i.max_points for i in rubric.indicators})
    assert str(checker.total(full)) == str(expert_total(full, rubric))


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


def _hostile_numbers(rnd: random.Random) -> list[Decimal | Fraction | int]:
    """x.5 and x.4999… at the rounding place, negative values, zero, thirds, sevenths."""
    out: list[Decimal | Fraction | int] = [
        Decimal("89.995"),
        Decimal("86.845"),
        Decimal("-86.845"),
        Decimal("-0.004"),
        Decimal("-0.005"),
        Decimal("0.00"),
        Decimal("-0"),
        Decimal("79.9949999999"),
        Decimal("1E+2"),
        Decimal("100.000"),
        Fraction(179990, 2000),
        Fraction(-1, 200),
        Fraction(-1, 3),
        Fraction(0),
        0,
        7,
        -3,
    ]
    for _ in range(3000):
        den = rnd.choice([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 35, 40, 200, 2000])
        out.append(Fraction(rnd.randint(-200000, 200000), den))
        out.append(Decimal(rnd.randint(-100000, 100000)).scaleb(-rnd.randint(0, 4)))
    return out


@pytest.mark.parametrize("decimals", [0, 1, 2, 3, 4])
def test_round_half_up_gives_what_the_fraction_gives(decimals: int):
    from jlpanel.domain.exact import round_half_up, round_ratio_half_up

    for value in _hostile_numbers(random.Random(decimals)):
        expected = reference_round(value, decimals)
        got = round_half_up(value, decimals)
        assert (str(got), got.as_tuple()) == (str(expected), expected.as_tuple()), value
        exact = value if isinstance(value, Fraction) else Fraction(value)
        # Any ratio for the value, in lowest terms or not.
        got = round_ratio_half_up(exact.numerator * 6, exact.denominator * 6, decimals)
        assert (str(got), got.as_tuple()) == (str(expected), expected.as_tuple()), value


def test_weighted_is_the_sum_of_fraction_products():
    from jlpanel.domain.aggregation import ScorePolicy, policy_weights, weighted

    rnd = random.Random(7)
    for _ in range(2000):
        n = rnd.randint(1, 9)
        # Ties at the top and bottom are common: values from a small grid.
        totals = {f"e{k}": Decimal(rnd.randint(0, 20)) / 4 + 70 for k in range(n)}
        if rnd.random() < 0.2:
            totals[f"e{n}"] = Decimal("-1.25")
        for policy in ScorePolicy:
            weights = policy_weights(totals, policy, rnd.choice([3, 5]))
            expected = sum((w * Fraction(totals[e]) for e, w in weights.items() if w), Fraction(0))
            got = weighted(totals, weights)
            assert type(got) is Fraction and got == expected
            assert (got.numerator, got.denominator) == (expected.numerator, expected.denominator)
    assert weighted({}, {}) == Fraction(0)
    assert weighted({"a": Decimal(5)}, {"a": Fraction(0)}) == Fraction(0)


def test_shown_means_are_the_exact_means_rounded():
    from jlpanel.domain.aggregation import summarize

    rnd = random.Random(11)
    for _ in range(2000):
        values = [Decimal(rnd.randint(0, 4000)) / 40 for _ in range(rnd.randint(1, 9))]
        s = summarize(values, rnd.choice([3, 5]))
        assert s.mean == reference_round(s.exact_mean, 2)
        assert str(s.mean) == str(reference_round(s.exact_mean, 2))
        assert str(s.trimmed_mean) == str(reference_round(s.exact_trimmed_mean, 2))
        assert str(s.median) == str(reference_round(s.exact_median, 2))


def test_indicator_summaries_are_computed_when_read_and_are_the_plain_mapping():
    import pickle

    from factories import sheet

    from jlpanel.domain.aggregation import summarize
    from jlpanel.domain.results import PlatformInput, compute_results
    from jlpanel.domain.rules import RuleSettings

    rubric = RUBRICS["small"]
    sheets = [sheet(f"e{n}", "p", 60 + 3.5 * n) for n in range(6)]
    result = compute_results(rubric, RuleSettings(), [PlatformInput("p", sheets)]).platforms[0]
    expected = {
        i.code: summarize([s.points[i.code] or Decimal(0) for s in sheets], 5)
        for i in rubric.indicators
    }
    lazy = result.indicators
    assert len(lazy) == 3 and list(lazy) == ["A1", "B1", "C1"]
    assert "B1" in lazy and "Z9" not in lazy and lazy.get("Z9") is None
    assert lazy == expected and dict(lazy) == expected
    assert repr(lazy) == repr(expected)
    assert pickle.loads(pickle.dumps(lazy)) == expected
    assert type(pickle.loads(pickle.dumps(lazy))) is dict


def test_a_float_is_taken_by_its_shortest_repr_on_the_fast_path_too():
    from jlpanel.domain.exact import to_decimal

    rnd = random.Random(3)
    floats = [0.1, 2.5, 7.0, 1e-7, 123456789.125, -3.75, 0.0, -0.0, 1e300]
    floats += [rnd.randint(-4000, 4000) / rnd.choice([1, 2, 4, 10, 100]) for _ in range(2000)]
    for value in floats:
        got = to_decimal(value)
        assert repr(got) == repr(Decimal(repr(value))), value
    for bad in (float("inf"), float("-inf"), float("nan")):
        with pytest.raises(ValueError):
            to_decimal(bad)


def _reference_trimmed_weights(totals: dict[str, Decimal]) -> dict[str, Fraction]:
    """The trimmed mean's weights as policy_weights worked them out with Fractions."""
    n = len(totals)

    def share(value: Decimal) -> dict[str, Fraction]:
        group = [e for e, t in totals.items() if t == value]
        return dict.fromkeys(group, Fraction(1) / len(group))

    values = sorted(totals.values())
    weights = dict.fromkeys(totals, Fraction(1))
    for expert, w in share(values[-1]).items():
        weights[expert] -= w
    for expert, w in share(values[0]).items():
        weights[expert] -= w
    return {e: w / (n - 2) for e, w in weights.items()}


def test_trimmed_weights_share_the_dropped_ones_exactly_as_before():
    from jlpanel.domain.aggregation import ScorePolicy, policy_weights

    rnd = random.Random(5)
    cases = [
        {"a": Decimal(80), "b": Decimal(80), "c": Decimal(80)},  # all tied
        {"a": Decimal("80.0"), "b": Decimal("80.00"), "c": Decimal(70), "d": Decimal(90)},
        {"a": Decimal(90), "b": Decimal(90), "c": Decimal(60), "d": Decimal(60), "e": 75},
    ]
    for _ in range(3000):
        n = rnd.randint(3, 11)
        cases.append({f"e{k}": Decimal(rnd.randint(0, 8)) / 2 + 80 for k in range(n)})
    for totals in cases:
        totals = {e: Decimal(t) for e, t in totals.items()}
        got = policy_weights(totals, ScorePolicy.TRIMMED_MEAN, 3)
        expected = _reference_trimmed_weights(totals)
        assert list(got) == list(expected)  # the experts' order too
        assert got == expected and sum(got.values()) == 1


def test_a_float_rounds_as_its_shortest_repr_does():
    from jlpanel.domain.exact import round_half_up

    rnd = random.Random(9)
    floats = [0.125, 2.675, 1.005, -1.005, 0.0, -0.0, 86.845, 1e-9, 12.344999999999999]
    floats += [rnd.uniform(-100, 100) for _ in range(3000)]
    for value in floats:
        for decimals in (0, 2, 3):
            expected = reference_round(Fraction(Decimal(repr(value))), decimals)
            got = round_half_up(value, decimals)
            assert (str(got), got.as_tuple()) == (str(expected), expected.as_tuple()), value
    for bad in (float("inf"), float("nan")):
        with pytest.raises(ValueError):
            round_half_up(bad)


def _hostile_float(rnd: random.Random, maximum: Decimal, step: Decimal) -> float:
    """A score as a file holds it: a float on the grid mostly; sometimes off it, out of
    bounds, negative, a signed zero, or a float sum that misses the grid by float noise."""
    roll = rnd.random()
    if roll < 0.05:
        return rnd.choice([0.0, -0.0])
    if roll < 0.08:
        return float(maximum + step)
    if roll < 0.11:
        return -float(step)
    if roll < 0.15:
        return rnd.uniform(0, float(maximum))  # off the step, almost always
    if roll < 0.18:
        return float(step) * 3 + 0.1 + 0.2 - 0.3  # float noise off the grid
    return float(step * rnd.randint(0, int(maximum / step)))


@pytest.mark.parametrize("name", sorted(RUBRICS))
@pytest.mark.parametrize("complete", [True, False])
def test_the_float_check_and_total_are_those_of_the_exact_sheet(name: str, complete: bool):
    """A score file's floats checked and summed without making Decimals give what the sheet
    of their exact values (ScoreFile.score_sheets) gives: the same verdict, and the same total
    to the last digit and exponent."""
    rubric = RUBRICS[name]
    checker = SheetChecker(rubric, complete=complete)
    rnd = random.Random(f"floats{name}{complete}")
    sound = 0
    for n in range(1500):
        points = {
            i.code: _hostile_float(rnd, i.max_points, i.step)
            for i in rubric.indicators
            if rnd.random() > 0.02
        }
        if rnd.random() < 0.03:
            points["Z9"] = 1.0
        comments = {i.code: rnd.choice(["", "  ", "评语"]) for i in rubric.indicators}
        vetoes: dict[str, str] = {}
        if rnd.random() < 0.2 and rubric.vetoes:
            vetoes[rnd.choice(rubric.vetoes).code] = rnd.choice(["", "弄虚作假"])
        bonus = {
            b.code: _hostile_float(rnd, b.max_points, b.step)
            for b in rubric.bonus_items
            if rnd.random() < 0.3
        }
        sheet = ScoreSheet(f"e{n}", "p", exact_points(points), comments, vetoes, exact_bonus(bonus))
        expected = validate_sheet(sheet, rubric, complete=complete)
        got = checker.total_if_sound(points, comments, vetoes, bonus)
        assert (got is not None) == (not expected), sheet
        if got is not None:
            sound += 1
            want = expert_total(sheet, rubric)
            assert (str(got), type(got)) == (str(want), type(want)), sheet
    assert 0 < sound < 1500
    # An int (never in a parsed file) is not vouched for, and does not spoil the memory.
    codes = [i.code for i in rubric.indicators]
    ints = dict.fromkeys(codes, 0)
    assert checker.total_if_sound(ints, {}, {}, {}) is None
    zeros = dict.fromkeys(codes, 0.0)
    sheet = ScoreSheet("e", "p", exact_points(zeros))
    assert (checker.total_if_sound(zeros, {}, {}, {}) is not None) == (
        not validate_sheet(sheet, rubric, complete=complete)
    )
