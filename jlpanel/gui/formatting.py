"""Numbers and dates as the UI shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def points(value: float) -> str:
    """Points without needless decimals: 10, 7.5, 0.25."""
    return f"{value:g}"


def decimals_for(values: Iterable[float]) -> int:
    """The fewest decimals (0–2) that show every value exactly, so a column lines up."""
    needed = 0
    for v in values:
        for d in (0, 1, 2):
            if abs(round(v, d) - v) < 1e-9:
                needed = max(needed, d)
                break
        else:
            needed = 2
    return needed


def fixed(value: float, decimals: int) -> str:
    """``value`` with exactly ``decimals`` decimals."""
    return f"{value:.{decimals}f}"


def date(value: dt.date | None) -> str:
    """An ISO date (2025-12-31), or an em dash when there is none."""
    return value.isoformat() if value else "—"


def count(value: int) -> str:
    """A whole number with thousands separators: 2,314."""
    return f"{value:,}"


def number(value: float, decimals: int) -> str:
    """``value`` with thousands separators and exactly ``decimals`` decimals: 1,234.5."""
    return f"{value:,.{decimals}f}"


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
