"""Exact points: decimals on the rubric's grid, and exact rounding (DESIGN §5).

Scores are ``Decimal`` from the rubric to the report. Means and medians may not terminate in
decimal (a mean of three totals), so they are kept as ``Fraction`` until they are rounded,
half up, to the places the cycle shows. A binary float never decides a grade, rank or tie.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from numbers import Rational

Number = Decimal | Fraction | int | float | str

ZERO = Decimal(0)


def to_decimal(value: Number) -> Decimal:
    """``value`` as an exact, finite ``Decimal``.

    A float is taken by its shortest repr (0.1 → Decimal("0.1")), which is what a person
    typed or a spin box showed; a Fraction must terminate in decimal. Raises ValueError
    otherwise.
    """
    if type(value) is Decimal:  # the common cases first
        if value.is_finite():
            return value
    elif type(value) is float and value and math.isfinite(value):  # points read from a file
        return _float_decimal(value)
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        # Zero is not cached: 0.0 and -0.0 are equal keys but must keep their own signs.
        result = _float_decimal(value) if value else Decimal(repr(value))
    elif isinstance(value, Fraction):
        result = _terminating(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation as exc:
            raise ValueError(f"{value!r} is not a number") from exc
    else:
        raise ValueError(f"{value!r} is not a number")
    if not result.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return result


@lru_cache(maxsize=4096)  # points are a few hundred values on the rubric's grid
def _float_decimal(value: float) -> Decimal:
    """``value`` (not zero) by its shortest repr."""
    return Decimal(repr(value))


def _terminating(value: Fraction) -> Decimal:
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{value} has no exact decimal form")
    places = max(twos, fives)
    scaled = value * 10**places
    assert scaled.denominator == 1
    return Decimal(scaled.numerator).scaleb(-places)


def as_fraction(value: Number) -> Fraction:
    """``value`` as an exact Fraction (floats by their shortest repr)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    return Fraction(to_decimal(value))


def round_half_up(value: Number, decimals: int = 2) -> Decimal:
    """Round as people do on paper (89.995 → 90.00, 86.845 → 86.85), exactly.

    Works on the exact value: a Fraction is never passed through a float first.
    """
    kind = type(value)
    if kind is Fraction:  # the common cases read the exact ratio without a new Fraction
        num, den = value.numerator, value.denominator  # type: ignore[union-attr]
    elif kind is Decimal and value.is_finite():  # type: ignore[union-attr]
        num, den = value.as_integer_ratio()  # type: ignore[union-attr]
    elif kind is float:  # by its shortest repr, as as_fraction takes it (ValueError if not finite)
        num, den = to_decimal(value).as_integer_ratio()
    else:
        exact = as_fraction(value)
        num, den = exact.numerator, exact.denominator
    return round_ratio_half_up(num, den, decimals)


def round_ratio_half_up(num: int, den: int, decimals: int = 2) -> Decimal:
    """``num / den`` (den > 0, not necessarily in lowest terms) rounded half up to ``decimals``
    places, exactly: what :func:`round_half_up` gives for that value."""
    if decimals < 0:  # not a number of places any setting allows: the general way
        return _round_fraction_half_up(Fraction(num, den), decimals)
    scaled = num * 10**decimals
    negative = scaled < 0
    whole, rest = divmod(-scaled if negative else scaled, den)
    if 2 * rest >= den:  # the fraction left over is a half or more
        whole += 1
    if negative:
        whole = -whole
    return Decimal(whole).scaleb(-decimals).quantize(_quantum(decimals))


@lru_cache(maxsize=16)
def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def _round_fraction_half_up(exact: Fraction, decimals: int) -> Decimal:
    scale = 10**decimals
    scaled = exact * scale
    negative = scaled < 0
    magnitude = -scaled if negative else scaled
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    if negative:
        whole = -whole
    return Decimal(whole).scaleb(-decimals).quantize(Decimal(1).scaleb(-decimals))


def quantize_places(value: Decimal, decimals: int = 2) -> Decimal:
    """An exact decimal shown with ``decimals`` places, rounded half up."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def is_on_grid(value: Decimal, step: Decimal) -> bool:
    """Whether ``value`` is a whole multiple of ``step`` (both exact)."""
    if step <= 0:
        return False
    return (value % step) == 0


def format_points(value: Number | None, decimals: int = 2) -> str:
    """Points for people: fixed ``decimals`` places, rounded half up; "" for None."""
    if value is None:
        return ""
    return f"{round_half_up(value, decimals):.{decimals}f}"
