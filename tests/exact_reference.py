"""The reference the exact fast paths are checked against (issue 16, W3): rounding half up
through a Fraction, as jlpanel.domain.exact.round_half_up did before it read ratios. Kept
apart from the product's own general path, so a fault in both cannot pass unseen."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction


def reference_round(value: Decimal | Fraction | int, decimals: int) -> Decimal:
    """``value`` rounded half away from zero to ``decimals`` places, through a Fraction."""
    exact = value if isinstance(value, Fraction) else Fraction(value)
    scaled = exact * 10**decimals
    negative = scaled < 0
    magnitude = -scaled if negative else scaled
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    if negative:
        whole = -whole
    return Decimal(whole).scaleb(-decimals).quantize(Decimal(1).scaleb(-decimals))
