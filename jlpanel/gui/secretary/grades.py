"""The four grades' colours and fill patterns, the same in every table and chart.

Each grade has a colour of its own lightness (dark for 优秀, light for 不合格 is avoided: the
fail colour is a strong red of middle lightness) and a fill pattern, so the grades still tell
apart when printed in greyscale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from jlpanel.gui.common.theme import GRADE_EXCELLENT, GRADE_FAIL, GRADE_GOOD, GRADE_PASS, UNGRADED

if TYPE_CHECKING:
    from jlpanel.domain.rules import Grade

#: grade value → (colour, fill pattern); from darkest to lightest in greyscale.
GRADE_LOOK: dict[str, tuple[str, Qt.BrushStyle]] = {
    "excellent": (GRADE_EXCELLENT, Qt.BrushStyle.SolidPattern),
    "good": (GRADE_GOOD, Qt.BrushStyle.Dense3Pattern),
    "pass": (GRADE_PASS, Qt.BrushStyle.BDiagPattern),
    "fail": (GRADE_FAIL, Qt.BrushStyle.DiagCrossPattern),
}
UNGRADED_COLOUR = UNGRADED


def grade_colour(grade: Grade | str | None) -> QColor:
    """The text and bar colour of a grade (grey when there is none)."""
    key = getattr(grade, "value", grade)
    look = GRADE_LOOK.get(key) if isinstance(key, str) else None
    return QColor(look[0] if look else UNGRADED_COLOUR)


def grade_brush(grade: Grade | str | None) -> QBrush:
    """The fill of a grade's bar: its colour in its own pattern."""
    key = getattr(grade, "value", grade)
    look = GRADE_LOOK.get(key) if isinstance(key, str) else None
    if look is None:
        return QBrush(QColor(UNGRADED_COLOUR), Qt.BrushStyle.Dense5Pattern)
    return QBrush(QColor(look[0]), look[1])
