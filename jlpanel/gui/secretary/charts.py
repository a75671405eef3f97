"""Two small charts drawn with QPainter (QtCharts is not installed): the spread of the
experts' totals per platform, and the grade distribution.

Both take plain data, size themselves to it and repaint on a language change; colours come
from :mod:`jlpanel.gui.secretary.grades` and every mark also differs in shape, so a
greyscale print reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.theme import ACCENT, GRID, MUTED, TEXT, WARN
from jlpanel.gui.secretary.grades import grade_brush, grade_colour

_TEXT = QColor(TEXT)
_GRID = QColor(GRID)
_FLAGGED = QColor(WARN)
#: Before the name of a platform on the discussion list (with its hatched bar).
FLAG_MARK = "▲"
#: Grade thresholds drawn as reference lines on the spread chart.
#: The default rules' grade thresholds, until a cycle's own are set.
_THRESHOLDS = (60.0, 80.0, 90.0)


@dataclass(frozen=True, slots=True)
class SpreadBar:
    """One platform's lowest, median and highest expert total, and the score that counts."""

    label: str
    minimum: float
    median: float
    maximum: float
    score: float | None
    flagged: bool
    tooltip: str = ""


class SpreadChart(QWidget):
    """Per platform a bar from the lowest to the highest expert total, a tick at the median
    and a diamond at the platform's score; platforms on the discussion list in red, hatched
    and marked ▲ (readable in greyscale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[SpreadBar] = []
        self._thresholds: tuple[float, ...] = _THRESHOLDS
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)
        self.setMouseTracking(True)

    def set_thresholds(self, thresholds: Sequence[float]) -> None:
        """The grade thresholds drawn as dashed lines: the cycle's, from its rules."""
        self._thresholds = tuple(thresholds)
        self.update()

    def thresholds(self) -> tuple[float, ...]:
        return self._thresholds

    def set_bars(self, bars: Sequence[SpreadBar]) -> None:
        self._bars = list(bars)
        # every platform keeps a readable row; a scroll area around the chart does the rest
        self.setMinimumHeight(self._row_height() * (len(self._bars) + 2))
        self.updateGeometry()
        self.update()

    def bars(self) -> list[SpreadBar]:
        return list(self._bars)

    def _row_height(self) -> int:
        return max(20, self.fontMetrics().height() + 8)

    def sizeHint(self) -> QSize:
        return QSize(520, self._row_height() * max(len(self._bars), 3) + 3 * self._row_height())

    def _scale(self) -> tuple[float, float]:
        if not self._bars:
            return 0.0, 100.0
        low = min(b.minimum for b in self._bars)
        high = max(b.maximum for b in self._bars)
        low = max(0.0, (int(low) // 10) * 10.0 - (10.0 if low % 10 < 2 else 0.0))
        high = min(100.0, (int(high) // 10 + 1) * 10.0)
        return low, max(high, low + 10.0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update()
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        row = self._row_height()
        if not self._bars:
            painter.setPen(QColor(MUTED))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                translate("SpreadChart", "还没有专家评分"),
            )
            return
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12,
            int(self.width() * 0.38),
        )
        left = label_width
        right = self.width() - 16
        top = row + 2  # the axis labels go above the bars, visible without scrolling
        bottom = top + row * len(self._bars)
        low, high = self._scale()

        def x_of(value: float) -> float:
            return left + (value - low) / (high - low) * (right - left)

        # grid and axis labels every 10 points, grade thresholds dashed
        painter.setPen(QPen(_GRID, 1))
        value = low
        while value <= high + 1e-9:
            x = x_of(value)
            painter.setPen(QPen(_GRID, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            painter.setPen(QColor(MUTED))
            text = f"{value:.0f}"
            painter.drawText(QRectF(x - 20, 0, 40, row), Qt.AlignmentFlag.AlignCenter, text)
            value += 10.0
        for threshold in self._thresholds:
            if low < threshold < high:
                pen = QPen(QColor(MUTED), 1, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                x = x_of(threshold)
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        for n, bar in enumerate(self._bars):
            y = top + n * row + row / 2
            colour = _FLAGGED if bar.flagged else QColor(ACCENT)
            painter.setPen(_TEXT if not bar.flagged else _FLAGGED)
            # Not by colour alone: a flagged platform's label carries FLAG_MARK and its bar is
            # hatched, so a greyscale print or a colour-blind reader still sees it.
            text = f"{FLAG_MARK} {bar.label}" if bar.flagged else bar.label
            label = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, label_width - 10)
            painter.drawText(
                QRectF(0, y - row / 2, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            x1, x2 = x_of(bar.minimum), x_of(bar.maximum)
            thickness = max(6.0, row * 0.42)
            painter.setPen(QPen(colour, 1))
            fill = QColor(colour)
            fill.setAlpha(70)
            painter.setBrush(fill)
            painter.drawRect(QRectF(x1, y - thickness / 2, max(x2 - x1, 2.0), thickness))
            if bar.flagged:
                painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
                painter.drawRect(QRectF(x1, y - thickness / 2, max(x2 - x1, 2.0), thickness))
            # the median: a tall tick
            painter.setPen(QPen(colour, 2.5))
            xm = x_of(bar.median)
            painter.drawLine(QPointF(xm, y - thickness * 0.8), QPointF(xm, y + thickness * 0.8))
            # the score that counts: a dark diamond
            if bar.score is not None:
                xs = x_of(bar.score)
                d = thickness * 0.55
                painter.setPen(QPen(_TEXT, 1))
                painter.setBrush(_TEXT)
                painter.drawPolygon(
                    [
                        QPointF(xs, y - d),
                        QPointF(xs + d, y),
                        QPointF(xs, y + d),
                        QPointF(xs - d, y),
                    ]
                )
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            index = int((pos.y() - self._row_height() - 2) // self._row_height())
            if 0 <= index < len(self._bars) and self._bars[index].tooltip:
                self.setToolTip(self._bars[index].tooltip)
            else:
                self.setToolTip("")
        return super().event(event)


class GradeChart(QWidget):
    """One bar per grade with its count, in the grade's colour and pattern."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (grade value or None, label, count)
        self._rows: list[tuple[str | None, str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(40)

    def set_rows(self, rows: Sequence[tuple[str | None, str, int]]) -> None:
        self._rows = list(rows)
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str | None, str, int]]:
        return list(self._rows)

    def _row_height(self) -> int:
        return max(22, self.fontMetrics().height() + 10)

    def sizeHint(self) -> QSize:
        return QSize(320, self._row_height() * max(len(self._rows), 4) + 12)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        # squeezed: every grade keeps a (thinner) row rather than falling off the bottom
        row = min(self._row_height(), max((self.height() - 8) // max(len(self._rows), 1), 8))
        if not self._rows:
            painter.setPen(QColor(MUTED))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("GradeChart", "还没有结果")
            )
            return
        label_width = max(metrics.horizontalAdvance(label) for _, label, _ in self._rows) + 14
        count_width = metrics.horizontalAdvance("0000") + 8
        left = label_width
        right = self.width() - count_width
        most = max((c for _, _, c in self._rows), default=0) or 1
        for n, (grade, label, count) in enumerate(self._rows):
            y = 6 + n * row
            painter.setPen(_TEXT)
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            width = (right - left) * count / most
            bar = QRectF(left, y + row * 0.18, max(width, 1.0 if count else 0.0), row * 0.64)
            painter.setPen(QPen(grade_colour(grade), 1.2))
            painter.setBrush(grade_brush(grade))
            if count:
                painter.drawRect(bar)
            painter.setPen(_TEXT)
            painter.drawText(
                QRectF(left + width + 6, y, count_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{count}",
            )
        painter.end()
