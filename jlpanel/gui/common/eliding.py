"""A label from a form that shows as much of its text as its width allows, the rest elided.

A QLabel asks for the width of its whole text, so one long path or name sets a window's
minimum width (past a 1366×768 screen at 150 %). :class:`ElideToWidth` gives such a label a
small minimum and cuts its text to the width it gets, each time it is resized; the whole
text is its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy

#: The fewest characters' width a label keeps (then it elides the rest).
MINIMUM_CHARACTERS = 12


class ElideToWidth(QObject):
    """Keeps ``label``'s text elided to its current width; set the text with :meth:`set_text`."""

    def __init__(self, label: QLabel, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(label)
        self.label = label
        self.mode = mode
        self.full = ""
        policy = label.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        label.setSizePolicy(policy)
        label.setMinimumWidth(label.fontMetrics().averageCharWidth() * MINIMUM_CHARACTERS)
        label.installEventFilter(self)

    def set_text(self, text: str) -> None:
        self.full = text
        self.label.setToolTip(text)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self._fit()
        return False

    def _fit(self) -> None:
        width = max(self.label.contentsRect().width(), self.label.minimumWidth())
        self.label.setText(self.label.fontMetrics().elidedText(self.full, self.mode, width))
