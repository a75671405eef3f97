"""A one-line row of labels that, when short of width, cuts the least important first.

A QHBoxLayout takes the same width from every shrinkable label, so on a laptop the cycle's
name would be cut as much as its file path. :class:`PriorityRow` gives each label its
minimum, then hands out the rest in order of importance, groups sharing fairly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


def share_fairly(room: int, wants: list[int]) -> list[int]:
    """``room`` pixels split over ``wants``: the smallest wants met whole, the rest even."""
    given = [0] * len(wants)
    left = sorted(range(len(wants)), key=lambda n: wants[n])
    while left:
        each = room // len(left)
        n = left[0]
        if wants[n] <= each:
            given[n] = wants[n]
            room -= wants[n]
            left.pop(0)
            continue
        for n in left:
            given[n] = each
        break
    return given


class PriorityRow(QLayout):
    """Widgets in a row; ``groups`` (lists of indexes, most important first) say who gets
    width beyond their minimum first; the widget at index ``right`` and those after it sit
    at the right edge (None: all at the left)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 20) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.groups: list[list[int]] = []
        self.right: int | None = None
        #: The width a widget wants, where its own size hint does not say (an elided label
        #: asks for its shown text's width, not its whole text's).
        self.wanted: dict[int, Callable[[], int]] = {}
        self.setSpacing(spacing)

    # -------------------------------------------------------------------- QLayout's API

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _extent(self, sizes: list[QSize]) -> QSize:
        margins = self.contentsMargins()
        gaps = self.spacing() * max(0, len(sizes) - 1)
        width = sum(s.width() for s in sizes) + gaps + margins.left() + margins.right()
        height = max((s.height() for s in sizes), default=0) + margins.top() + margins.bottom()
        return QSize(width, height)

    def _want(self, n: int) -> QSize:
        hint = self._items[n].sizeHint()
        if n in self.wanted:
            hint.setWidth(max(self.wanted[n](), self._items[n].minimumSize().width()))
        return hint

    def sizeHint(self) -> QSize:
        shown = [n for n, item in enumerate(self._items) if not item.isEmpty()]
        return self._extent([self._want(n) for n in shown])

    def minimumSize(self) -> QSize:
        return self._extent([item.minimumSize() for item in self._shown()])

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        area = self.contentsRect()
        shown = [n for n, item in enumerate(self._items) if not item.isEmpty()]
        if not shown:
            return
        widths = {n: self._items[n].minimumSize().width() for n in shown}
        room = area.width() - self.spacing() * (len(shown) - 1) - sum(widths.values())
        grouped = [[n for n in group if n in widths] for group in self.groups]
        rest = [n for n in shown if not any(n in group for group in grouped)]
        for group in [*grouped, rest]:
            if room <= 0 or not group:
                continue
            wants = [max(0, self._want(n).width() - widths[n]) for n in group]
            for n, extra in zip(group, share_fairly(room, wants), strict=True):
                widths[n] += extra
                room -= extra
        x = area.left()
        for n in shown:
            if self.right is not None and n >= self.right and room > 0:
                x += room  # the rest at the right edge
                room = 0
            item = self._items[n]
            item.setGeometry(QRect(x, area.top(), widths[n], area.height()))
            x += widths[n] + self.spacing()
