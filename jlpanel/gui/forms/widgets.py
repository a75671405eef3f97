"""Widgets the Designer forms promote (hand-written, unlike the ``ui_*`` modules here): Qt
only, so the bottom layer of the GUI stays free of the layers above it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTableView


class ShortTableView(QTableView):
    """A table that asks for no more height than its minimum: in a scrolled column the
    layout's stretch gives it the rest, rather than its size hint making the column scroll.

    (A scroll area sizes a column that wraps text by the column's height for its width,
    which adds up its items' size hints; the minimum an owner sets stays honoured.)
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumSizeHint().height(), self.minimumHeight()))
