"""Two small charts drawn with QPainter (QtCharts is not installed): the spread of the
experts' totals per platform, and the grade distribution.

Both take plain data, size themselves to it and repaint on a language change; colours come
from :mod:`jlpanel.gui.secretary.grades` and every mark also differs in shape, so a
greyscale print reads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QFontMetricsF, QPainter, QPaintEvent, QPen
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


def _common_start(texts: Sequence[str]) -> str:
    """The characters every one of ``texts`` begins with."""
    shortest = min(texts, key=len)
    for n, char in enumerate(shortest):
        if any(t[n] != char for t in texts):
            return shortest[:n]
    return shortest


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
        #: How the labels fit, for a width, a font (key) and the bars (id): the room and how
        #: many leading characters every name drops; and the labels cut to it so far, by row.
        self._labels_cache: tuple[tuple[int, str, int], float, int, dict[int, str]] | None = None
        #: The widest label's advance, for a font (key) and the bars (id); or, when the scan
        #: stopped at a label as wide as the room allows (:meth:`_label_width`), that advance
        #: and the most the label column could take then.
        self._widest: tuple[tuple[str, int], int, int | None] | None = None
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
        self._widest = None
        self._labels_cache = None
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

    def _label_width(self) -> int:
        # measured once for the bars and the font: every paint measured 2,000 names. The
        # column takes at most 38 % of the width: once a name needs that, the others need not
        # be measured (the first paint of a national cycle's chart measured them all, 20 ms)
        cap = int(self.width() * 0.38)
        key = (self.font().key(), id(self._bars))
        cached = self._widest
        if cached is None or cached[0] != key or (cached[2] is not None and cached[2] < cap):
            metrics = QFontMetrics(self.font())
            widest, stopped = 0, None
            for bar in self._bars:
                widest = max(widest, metrics.horizontalAdvance(self._marked(bar)))
                if widest + 12 >= cap:
                    stopped = cap
                    break
            cached = self._widest = (key, widest, stopped)
        return min(cached[1] + 12, cap)

    @staticmethod
    def _marked(bar: SpreadBar, label: str | None = None) -> str:
        text = bar.label if label is None else label
        return f"{FLAG_MARK} {text}" if bar.flagged else text

    def _labels(self) -> list[str]:
        """The platforms' names as they fit beside the bars (see :meth:`_label`)."""
        return [self._label(n) for n in range(len(self._bars))]

    def _label(self, n: int) -> str:
        """The ``n``-th platform's name as it fits beside its bar. When the names must be cut,
        the words all of them begin with (吉林省) go first, so what tells them apart stays; then
        the end is cut (…). The whole name is in the bar's tooltip. Cut when first painted and
        kept until the bars, the width or the font change: cutting a national cycle's 2,000
        names took 40 ms of the chart's first paint, of which a screen shows thirty."""
        key = (self.width(), self.font().key(), id(self._bars))
        if self._labels_cache is None or self._labels_cache[0] != key:
            room, drop = self._fit_labels()
            self._labels_cache = (key, room, drop, {})
        _, room, drop, labels = self._labels_cache
        label = labels.get(n)
        if label is None:
            bar = self._bars[n]
            label = labels[n] = QFontMetricsF(self.font()).elidedText(
                self._marked(bar, bar.label[drop:]), Qt.TextElideMode.ElideRight, room
            )
        return label

    def _fit_labels(self) -> tuple[float, int]:
        """The room for a label and how many leading characters every name drops."""
        metrics = QFontMetricsF(self.font())
        room = self._label_width() - 10
        names = [b.label for b in self._bars]
        if any(metrics.horizontalAdvance(self._marked(b)) > room for b in self._bars):
            prefix = _common_start(names) if len(names) > 1 else ""
            if " " in prefix:  # whole words only
                prefix = prefix[: prefix.rindex(" ") + 1]
            if len(prefix) >= 2 and all(len(n) > len(prefix) for n in names):
                return room, len(prefix)
        return room, 0

    def _axis(self) -> list[tuple[float, str, QRectF]]:
        """The axis values every 10 points (x, text, rectangle), a value left out where it would
        touch the one before it."""
        metrics = QFontMetricsF(self.font())
        row = self._row_height()
        low, high = self._scale()
        left, right = self._label_width(), self.width() - 16
        kept: list[tuple[float, str, QRectF]] = []
        value = low
        while value <= high + 1e-9:
            x = left + (value - low) / (high - low) * (right - left)
            text = f"{value:.0f}"
            advance = math.ceil(metrics.horizontalAdvance(text))
            start = min(max(x - advance / 2, 0.0), self.width() - advance)
            rect = QRectF(start, 0, advance, row)
            if not kept or kept[-1][2].right() + 4 <= rect.left():
                kept.append((x, text, rect))
            value += 10.0
        return kept

    def text_rects(self) -> list[tuple[str, QRectF]]:
        """Every word the chart draws at its present size, with the rectangle it is drawn in."""
        if not self._bars:
            return []
        row = self._row_height()
        line = math.ceil(QFontMetricsF(self.font()).height())
        width = self._label_width() - 8
        texts = [(text, rect) for _, text, rect in self._axis()]
        for n, label in enumerate(self._labels()):
            y = row + 2 + n * row + row / 2
            texts.append((label, QRectF(0, y - line / 2, width, line)))
        return texts

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        row = self._row_height()
        if not self._bars:
            painter.setPen(QColor(MUTED))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                translate("SpreadChart", "还没有专家评分"),
            )
            return
        label_width = self._label_width()
        left = label_width
        right = self.width() - 16
        top = row + 2  # the axis labels go above the bars, visible without scrolling
        bottom = top + row * len(self._bars)
        low, high = self._scale()

        def x_of(value: float) -> float:
            return left + (value - low) / (high - low) * (right - left)

        # grid every 10 points with its value above (where it has room), thresholds dashed
        value = low
        while value <= high + 1e-9:
            x = x_of(value)
            painter.setPen(QPen(_GRID, 1))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            value += 10.0
        painter.setPen(QColor(MUTED))
        for _, text, rect in self._axis():
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        for threshold in self._thresholds:
            if low < threshold < high:
                pen = QPen(QColor(MUTED), 1, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                x = x_of(threshold)
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        # Only the rows in the part to paint: in its scroll area a national cycle's chart is
        # 2,000 rows, of which a screen shows thirty.
        exposed = event.rect()
        first = max(0, (exposed.top() - top) // row - 1)
        last = min(len(self._bars), (exposed.bottom() - top) // row + 2)
        for n in range(first, last):
            bar = self._bars[n]
            y = top + n * row + row / 2
            colour = _FLAGGED if bar.flagged else QColor(ACCENT)
            painter.setPen(_TEXT if not bar.flagged else _FLAGGED)
            # Not by colour alone: a flagged platform's label carries FLAG_MARK and its bar is
            # hatched, so a greyscale print or a colour-blind reader still sees it.
            painter.drawText(
                QRectF(0, y - row / 2, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self._label(n),
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


@dataclass(frozen=True, slots=True)
class _GradeLayout:
    """Where the grade chart draws: words (text, rectangle, alignment), bars and swatches."""

    texts: list[tuple[str, QRectF, int]]
    # (grade value or None, rectangle): a bar of the chart or a swatch of the legend
    marks: list[tuple[str | None, QRectF]]


class GradeChart(QWidget):
    """One bar per grade with its count, in the grade's colour and pattern.

    When the chart is too short for a row of text per grade (the window at 150 % scaling), it
    becomes a stacked bar over a legend, ``■ 优秀 2  ▨ 良好 3 …``, the labels shortened and at
    last left out (the counts stay; the tooltip has every grade whole). Every word has its own
    rectangle measured with the font, so none overlaps another or leaves the chart."""

    _ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    _ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    _MARGIN = 2.0  # around the chart
    _GAP = 6.0  # between a label and its bar, a bar and its count
    _ITEM_GAP = 12.0  # between the legend's items

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (grade value or None, label, count)
        self._rows: list[tuple[str | None, str, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._update_minimum()

    def set_rows(self, rows: Sequence[tuple[str | None, str, int]]) -> None:
        self._rows = list(rows)
        self.setToolTip(" · ".join(f"{label} {count}" for _, label, count in self._rows))
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str | None, str, int]]:
        return list(self._rows)

    def _line(self) -> float:
        return math.ceil(QFontMetricsF(self.font()).height())

    def _row_height(self) -> int:
        return max(22, self.fontMetrics().height() + 10)

    def _update_minimum(self) -> None:
        # two lines of the legend: every grade's count fits at any width the page allows
        line = self._line()
        self.setMinimumSize(120, int(2 * (line + 2) + 2 * self._MARGIN + 1))

    def sizeHint(self) -> QSize:
        return QSize(320, self._row_height() * max(len(self._rows), 4) + 12)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._update_minimum()
        super().changeEvent(event)

    def text_rects(self) -> list[tuple[str, QRectF]]:
        """Every word the chart draws at its present size, with the rectangle it is drawn in."""
        return [(text, rect) for text, rect, _ in self._layout().texts]

    def _layout(self) -> _GradeLayout:
        if not self._rows:
            return _GradeLayout([], [])
        return self._bars_layout() or self._legend_layout()

    def _bars_layout(self) -> _GradeLayout | None:
        """A row per grade: label, bar, count; None when the rows or the words do not fit."""
        metrics = QFontMetricsF(self.font())
        line = self._line()
        width, height = float(self.width()), float(self.height())
        pitch = min(float(self._row_height()), (height - 2 * self._MARGIN) / len(self._rows))
        if pitch < line + 2:
            return None
        label_width = max(math.ceil(metrics.horizontalAdvance(lb)) for _, lb, _ in self._rows)
        count_width = max(math.ceil(metrics.horizontalAdvance(f"{c}")) for _, _, c in self._rows)
        left = self._MARGIN + label_width + self._GAP
        room = width - self._MARGIN - count_width - self._GAP - left
        if room < 24:  # the words would leave no room for the bars
            return None
        most = max(c for _, _, c in self._rows) or 1
        texts: list[tuple[str, QRectF, int]] = []
        marks: list[tuple[str | None, QRectF]] = []
        for n, (grade, label, count) in enumerate(self._rows):
            y = self._MARGIN + n * pitch
            text_y = y + (pitch - line) / 2
            texts.append(
                (label, QRectF(self._MARGIN, text_y, label_width, line), self._ALIGN_RIGHT)
            )
            bar = room * count / most
            if count:
                marks.append((grade, QRectF(left, y + pitch * 0.18, max(bar, 1.0), pitch * 0.64)))
            number = f"{count}"
            texts.append(
                (
                    number,
                    QRectF(
                        left + bar + self._GAP,
                        text_y,
                        math.ceil(metrics.horizontalAdvance(number)),
                        line,
                    ),
                    self._ALIGN_LEFT,
                )
            )
        return _GradeLayout(texts, marks)

    def _legend_layout(self) -> _GradeLayout:
        """A stacked bar (when there is room) over the grades' swatches, labels and counts,
        flowing onto as many lines as fit; the labels are shortened, then left out, until they
        do."""
        metrics = QFontMetricsF(self.font())
        line = self._line()
        width, height = float(self.width()), float(self.height())
        inner = width - 2 * self._MARGIN
        swatch = round(line * 0.6)
        lines_fit = max(1, int((height - 2 * self._MARGIN) // (line + 2)))
        short = metrics.horizontalAdvance("Wwww…")

        def words(level: int, label: str, count: int) -> str:
            if level == 0:
                return f"{label} {count}"
            if level == 1:
                cut = metrics.elidedText(label, Qt.TextElideMode.ElideRight, short)
                return f"{cut} {count}" if cut else f"{count}"
            return f"{count}"

        def flow(level: int) -> list[list[tuple[float, str, str | None]]]:
            """The items in lines: (x, text, grade)."""
            lines: list[list[tuple[float, str, str | None]]] = [[]]
            x = self._MARGIN
            for grade, label, count in self._rows:
                text = words(level, label, count)
                item = swatch + 4 + math.ceil(metrics.horizontalAdvance(text))
                if lines[-1] and x + item > width - self._MARGIN:
                    lines.append([])
                    x = self._MARGIN
                lines[-1].append((x, text, grade))
                x += item + self._ITEM_GAP
            return lines

        for level in range(3):
            placed = flow(level)
            fits = all(
                x + swatch + 4 + metrics.horizontalAdvance(t) <= width - self._MARGIN + 0.01
                for row in placed
                for x, t, _ in row
            )
            if len(placed) <= lines_fit and fits:
                break
        texts: list[tuple[str, QRectF, int]] = []
        marks: list[tuple[str | None, QRectF]] = []
        top = self._MARGIN
        legend_height = len(placed) * (line + 2)
        if height - 2 * self._MARGIN - legend_height >= 12:  # room for the stacked bar
            total = sum(c for _, _, c in self._rows) or 1
            x = self._MARGIN
            for grade, _, count in self._rows:
                if count:
                    part = inner * count / total
                    marks.append((grade, QRectF(x, top, part, 8)))
                    x += part
            top += 12
        for n, row in enumerate(placed):
            y = top + n * (line + 2) + 1
            for x, text, grade in row:
                marks.append((grade, QRectF(x, y + (line - swatch) / 2, swatch, swatch)))
                advance = math.ceil(metrics.horizontalAdvance(text))
                text_x = x + swatch + 4
                advance = min(advance, int(width - self._MARGIN - text_x))
                texts.append((text, QRectF(text_x, y, advance, line), self._ALIGN_LEFT))
        return _GradeLayout(texts, marks)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._rows:
            painter.setPen(QColor(MUTED))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("GradeChart", "还没有结果")
            )
            return
        layout = self._layout()
        for grade, rect in layout.marks:
            painter.setPen(QPen(grade_colour(grade), 1.2))
            painter.setBrush(grade_brush(grade))
            painter.drawRect(rect)
        painter.setPen(_TEXT)
        for text, rect, align in layout.texts:
            painter.drawText(rect, align, text)
        painter.end()
