"""Exact numbers: the fast paths give what the general ones gave (issue 13's W2 work)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from jlpanel.domain.exact import to_decimal
from jlpanel.domain.identity import identity_key
from jlpanel.domain.rubric import is_multiple


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("7.50"), "7.50"),  # a Decimal comes back as it is, digits and all
        (7.5, "7.5"),
        (0.1, "0.1"),  # a float by its shortest repr
        (-0.0, "-0.0"),  # zero keeps its sign, whichever zero was seen first
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (3, "3"),
        (Fraction(1, 4), "0.25"),
        (" 2.5 ", "2.5"),
    ],
)
def test_to_decimal_keeps_the_digits(value: object, expected: str) -> None:
    assert str(to_decimal(value)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", [True, Decimal("NaN"), Decimal("Infinity"), float("inf"), float("nan"), "x", None]
)
def test_to_decimal_refuses_what_is_not_a_finite_number(value: object) -> None:
    with pytest.raises(ValueError):
        to_decimal(value)  # type: ignore[arg-type]


def test_is_multiple_on_the_grid_and_off_it() -> None:
    assert is_multiple(Decimal("7.5"), Decimal("0.5"))
    assert is_multiple(7.5, 0.5)
    assert not is_multiple(Decimal("7.25"), Decimal("0.5"))
    assert not is_multiple(Decimal(1), Decimal(0))
    with pytest.raises(ValueError):
        is_multiple(Decimal("NaN"), Decimal("0.5"))
    with pytest.raises(ValueError):
        is_multiple(Decimal(1), Decimal("Infinity"))


def test_a_long_identity_gets_the_same_key_as_a_short_one_would() -> None:
    """Keys of up to 200 characters are cached, longer ones are not; both fold alike."""
    short = "ＪＬ-２０２３\u200b-００１"
    long = short * 40  # 520 characters: past the cache's bound
    assert identity_key(short) == "jl2023001"
    assert identity_key(short) == "jl2023001"  # the cached answer is the same one
    assert identity_key(long) == "jl2023001" * 40
    assert identity_key(None) == identity_key("") == ""
