"""A tab widget's tabs in as many rows as its width needs.

The dossier has eleven tabs (概况 … 附件, a tab per sheet, with their counts). A QTabBar puts
them on one line, so beside the scoring desk, in English or at 150 % the last ones were
behind scroll arrows, and cutting their names to fit would leave "Ser…" of each.
:class:`TabRows` shows the same tabs, whole, wrapped onto a second (third) row when the
width runs out; the QTabWidget below it keeps its pages, current index, titles and
Ctrl+Tab, only its own bar is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyle,
    QStyleOptionFocusRect,
    QStyleOptionTab,
    QStyleOptionTabBarBase,
    QTabBar,
    QTabWidget,
    QToolTip,
    QWidget,
)


class TabRows(QWidget):
    """The tabs of ``tabs``, wrapped into rows; call :meth:`sync` after changing a title."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else tabs.parentWidget())
        self.tabs = tabs
        self.bar: QTabBar = tabs.tabBar()
        self.bar.hide()
        # The hidden bar measures the tabs: whole, none stretched.
        self.bar.setElideMode(Qt.TextElideMode.ElideNone)
        self.bar.setExpanding(False)
        self.bar.setUsesScrollButtons(True)
        self.setObjectName(f"{tabs.objectName()}Rows")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMouseTracking(True)
        self._hovered = -1
        self._rects: list[QRect] = []
        self._laid_out_for = -1
        tabs.currentChanged.connect(self.sync)

    # ------------------------------------------------------------------------ geometry

    def _tab_sizes(self) -> list[QSize]:
        """Each tab's natural size: what the hidden bar would give it, uncut."""
        return [self.bar.tabRect(n).size() for n in range(self.tabs.count())]

    def _layout(self, width: int) -> list[QRect]:
        """The tabs' rectangles in rows ``width`` wide (a tab wider than that alone on its row)."""
        rects: list[QRect] = []
        x = y = row_height = 0
        for size in self._tab_sizes():
            if x > 0 and x + size.width() > width:
                x, y = 0, y + row_height
                row_height = 0
            rects.append(QRect(x, y, size.width(), size.height()))
            x += size.width()
            row_height = max(row_height, size.height())
        return rects

    def tab_rects(self) -> list[QRect]:
        """Where each tab is drawn (in this widget's coordinates)."""
        if self._laid_out_for != self.width() or len(self._rects) != self.tabs.count():
            self._rects = self._layout(self.width())
            self._laid_out_for = self.width()
        return self._rects

    def tab_at(self, point: QPoint) -> int:
        return next((n for n, rect in enumerate(self.tab_rects()) if rect.contains(point)), -1)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._layout(width)
        return max((r.bottom() + 1 for r in rects), default=0)

    def sizeHint(self) -> QSize:
        sizes = self._tab_sizes()
        return QSize(sum(s.width() for s in sizes), max((s.height() for s in sizes), default=0))

    def minimumSizeHint(self) -> QSize:
        sizes = self._tab_sizes()
        return QSize(
            max((s.width() for s in sizes), default=0), max((s.height() for s in sizes), default=0)
        )

    def sync(self, *_args: object) -> None:
        """The tabs' titles, icons or number changed: lay them out again."""
        self._laid_out_for = -1
        self.updateGeometry()
        self.update()

    # ----------------------------------------------------------------------- painting

    def _option(self, number: int, rect: QRect, row_end: bool, row_start: bool) -> QStyleOptionTab:
        option = QStyleOptionTab()
        option.initFrom(self)
        option.rect = rect
        option.shape = QTabBar.Shape.RoundedNorth
        option.documentMode = True
        option.text = self.tabs.tabText(number)
        option.icon = self.tabs.tabIcon(number)
        option.iconSize = self.bar.iconSize()
        option.row = 0
        option.tabIndex = number
        if row_start and row_end:
            option.position = QStyleOptionTab.TabPosition.OnlyOneTab
        elif row_start:
            option.position = QStyleOptionTab.TabPosition.Beginning
        elif row_end:
            option.position = QStyleOptionTab.TabPosition.End
        else:
            option.position = QStyleOptionTab.TabPosition.Middle
        state = option.state & ~QStyle.StateFlag.State_HasFocus
        state &= ~QStyle.StateFlag.State_MouseOver
        if number == self.tabs.currentIndex():
            state |= QStyle.StateFlag.State_Selected
            if self.hasFocus():
                state |= QStyle.StateFlag.State_HasFocus
        if number == self._hovered:
            state |= QStyle.StateFlag.State_MouseOver
        if not self.tabs.isTabEnabled(number):
            state &= ~QStyle.StateFlag.State_Enabled
        option.state = state
        return option

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        style = self.style()
        rects = self.tab_rects()
        current = self.tabs.currentIndex()
        # A base line under every row, as under a tab bar.
        rows = sorted({r.top() for r in rects})
        for top in rows:
            in_row = [r for r in rects if r.top() == top]
            base = QStyleOptionTabBarBase()
            base.initFrom(self)
            base.shape = QTabBar.Shape.RoundedNorth
            base.documentMode = True
            height = max(r.height() for r in in_row)
            line = style.pixelMetric(QStyle.PixelMetric.PM_TabBarBaseOverlap, None, self)
            base.rect = QRect(0, top + height - line, self.width(), line)
            selected = [rects[current]] if 0 <= current < len(rects) else []
            base.selectedTabRect = selected[0] if selected and selected[0].top() == top else QRect()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameTabBarBase, base, painter, self)
        order = [n for n in range(len(rects)) if n != current]
        if 0 <= current < len(rects):
            order.append(current)  # drawn last: it overlaps its neighbours
        for number in order:
            rect = rects[number]
            row = [r for r in rects if r.top() == rect.top()]
            option = self._option(number, rect, row_end=rect == row[-1], row_start=rect == row[0])
            # Clipped to its row, as a tab bar clips its tabs (Fusion draws the current one
            # on past its bottom, over the row below).
            height = max(r.height() for r in row)
            painter.save()
            painter.setClipRect(QRect(0, rect.top(), self.width(), height))
            style.drawControl(QStyle.ControlElement.CE_TabBarTab, option, painter, self)
            painter.restore()
            if number == current and self.hasFocus():
                focus = QStyleOptionFocusRect()
                focus.initFrom(self)
                focus.rect = style.subElementRect(
                    QStyle.SubElement.SE_TabBarTabText, option, self
                ).adjusted(-2, 0, 2, 0)
                style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self)

    # ------------------------------------------------------------------------ the user

    def mousePressEvent(self, event: QMouseEvent) -> None:
        number = self.tab_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and number >= 0:
            if self.tabs.isTabEnabled(number):
                self.tabs.setCurrentIndex(number)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        number = self.tab_at(event.position().toPoint())
        if number != self._hovered:
            self._hovered = number
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = -1
        self.update()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = self.tabs.count()
        current = self.tabs.currentIndex()
        step = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Home: -count,
            Qt.Key.Key_End: count,
        }.get(Qt.Key(event.key()))
        if step is None or count == 0:
            super().keyPressEvent(event)
            return
        target = max(0, min(count - 1, current + step))
        self.tabs.setCurrentIndex(target)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            number = self.tab_at(event.pos())
            tip = self.tabs.tabToolTip(number) if number >= 0 else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self, self.tab_rects()[number])
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._laid_out_for = -1
