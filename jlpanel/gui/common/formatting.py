"""Numbers and dates as the UI shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from jlpanel.domain.exact import round_half_up, to_decimal

#: What the number formatters take: exact points (Decimal, Fraction) or a plain number.
Points = Decimal | Fraction | float | int


def points(value: Points) -> str:
    """Points without needless decimals: 10, 7.5, 0.25."""
    if isinstance(value, Fraction):
        value = round_half_up(value, 4)
    exact = to_decimal(value).normalize()
    return f"{exact:f}"


def decimals_for(values: Iterable[Points]) -> int:
    """The fewest decimals (0–2) that show every value exactly, so a column lines up."""
    needed = 0
    for v in values:
        for d in (0, 1, 2):
            if round_half_up(v, d) == (v if not isinstance(v, float) else to_decimal(v)):
                needed = max(needed, d)
                break
        else:
            needed = 2
    return needed


def fixed(value: Points, decimals: int) -> str:
    """``value`` with exactly ``decimals`` decimals, rounded half up as on paper."""
    return f"{round_half_up(value, decimals):.{decimals}f}"


def date(value: dt.date | None) -> str:
    """An ISO date (2025-12-31), or an em dash when there is none."""
    return value.isoformat() if value else "—"


def count(value: int) -> str:
    """A whole number with thousands separators: 2,314."""
    return f"{value:,}"


def number(value: Points, decimals: int) -> str:
    """``value`` with thousands separators and exactly ``decimals`` decimals: 1,234.5."""
    return f"{round_half_up(value, decimals):,.{decimals}f}"


def percent(share: float, decimals: int = 1) -> str:
    """A share 0–1 as a percentage with fixed decimals: 0.4567 → 45.7%."""
    return f"{share * 100:.{decimals}f}%"


def file_size(size: int) -> str:
    """A file size in the unit that reads best: 812 B, 14.2 KB, 3.5 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def short_name(name: str) -> str:
    """A platform's name without the province every name starts with: 吉林省X平台 → X平台."""
    for prefix in ("吉林省", "Jilin Provincial "):
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            return name[len(prefix) :]
    return name
