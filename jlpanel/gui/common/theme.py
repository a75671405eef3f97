"""The look: Fusion, one restrained palette, the system CJK font, the app's icons."""

from __future__ import annotations

import sys
from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jlpanel.resource_files import resource

ICONS_DIR = resource("icons")

#: The one accent colour (selection, links, headings) and the muted text colour.
ACCENT = "#2c6aa0"
MUTED = "#5f6b76"

#: What a colour says, wherever it is used; each mark also has a shape or a word, so none is
#: read by colour alone. A problem: refused, missing, invalid, a conflict, not final.
WARN = "#b3261e"
#: Done: submitted, merged, imported, all in.
DONE = "#2f7d3b"
#: Look at it: partial, to check, already there, a declared conflict.
CAUTION = "#8a5a00"
#: Text on a CAUTION_BACKGROUND row.
CAUTION_TEXT = "#7a4e00"
#: Edits not yet submitted.
UNSUBMITTED = "#8a3a00"
#: A field that needs an answer (a comment the band requires): its border.
REQUIRED = "#b7791f"
#: The body text (the palette's) and a chart's grid lines.
TEXT = "#1f2933"
GRID = "#d5dbe1"
#: Row tints: an area's or the total's sum row, a shortfall, a row with warnings, the current
#: row of a rubric page, a quiet selection.
SUM_ROW = "#eef2f6"
WARN_BACKGROUND = "#fbe9e7"
CAUTION_BACKGROUND = "#fdf1d6"
CURRENT_ROW = "#e3edf7"
QUIET_SELECTION = "#d6e4f2"
#: The grades in the charts (each with a fill pattern too, for greyscale) and no grade yet.
GRADE_EXCELLENT = "#1f5f99"
GRADE_GOOD = "#3f8f4f"
GRADE_PASS = "#c08a1e"
GRADE_FAIL = "#c0392b"
UNGRADED = "#8a949e"
FONT_POINT_SIZE = 10

_PREFERRED_FONTS_WINDOWS = ("Microsoft YaHei UI", "Microsoft YaHei")
_PREFERRED_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Hiragino Sans GB",
)


def ui_font() -> QFont:
    """The system CJK UI font at a readable size, or the default font when none is present."""
    families = set(QFontDatabase.families())
    preferred = _PREFERRED_FONTS_WINDOWS if sys.platform == "win32" else ()
    font = QFont(QApplication.font())
    for family in (*preferred, *_PREFERRED_FONTS):
        if family in families:
            font = QFont(family)
            break
    font.setPointSize(FONT_POINT_SIZE)
    return font


def palette() -> QPalette:
    """A light, calm palette: grey window, white fields, one blue accent."""
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f8fa",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2933",
        QPalette.ColorRole.PlaceholderText: "#8a949e",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.Button: "#f8f9fa",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e4e7eb",
        QPalette.ColorRole.Mid: "#c5ccd3",
        QPalette.ColorRole.Dark: "#9aa5b1",
        QPalette.ColorRole.Shadow: "#7b8794",
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.LinkVisited: "#5b4a8a",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(disabled, role, QColor("#9aa5b1"))
    p.setColor(disabled, QPalette.ColorRole.Base, QColor("#f3f4f6"))
    return p


class RoomyItemDelegate(QStyledItemDelegate):
    """Item views with a little air: taller rows and text kept clear of the cell edges."""

    PAD_X = 8
    ICON_GAP = 6

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        pad_y: int = 4,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self.pad_y = pad_y
        self.elide = elide

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * self.PAD_X + self.ICON_GAP, size.height() + 2 * self.pad_y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        decoration = QIcon(opt.icon)  # a copy: the option's own is cleared below
        opt.text = ""
        opt.icon = QIcon()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(self.PAD_X, 0, -self.PAD_X, 0)
        if not decoration.isNull():
            size = opt.decorationSize
            top = rect.top() + (rect.height() - size.height()) // 2
            icon_rect = QRect(rect.left(), top, size.width(), size.height())
            mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
            decoration.paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter, mode)
            rect.setLeft(icon_rect.right() + 1 + self.ICON_GAP)
        if not text:
            return
        palette: QPalette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        alignment = opt.displayAlignment
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(palette.color(role))  # the Text colour carries ForegroundRole
        elided = opt.fontMetrics.elidedText(text, self.elide, rect.width())
        painter.drawText(rect, int(alignment | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()


def apply_theme(app: QApplication) -> None:
    """Fusion style, the palette and the font on ``app``."""
    app.setStyle("Fusion")
    app.setPalette(palette())
    app.setFont(ui_font())
    app.setWindowIcon(icon("app"))


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg``."""
    return QIcon(str(ICONS_DIR / f"{name}.svg"))


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """``widget``'s font scaled by ``factor`` (headings)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, QApplication.font().pointSizeF() * factor))
    font.setBold(bold)
    return font


def set_muted(label: QLabel) -> None:
    """Secondary text: the muted colour."""
    p = label.palette()
    p.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
    label.setPalette(p)


def plain_buttons(box: QDialogButtonBox) -> None:
    """Words only on a dialog's buttons (Fusion would add stock icons)."""
    for button in box.buttons():
        button.setIcon(QIcon())


class WrappingItemDelegate(QStyledItemDelegate):
    """Cells whose text wraps onto several lines (findings, explanations), with some air.

    The style draws the cell (icon, wrapped text); only the rectangle is inset, so a row's
    height follows its longest text once the view measures rows to their contents.
    """

    PAD_X = 8
    PAD_Y = 5

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        opt.rect = option.rect.adjusted(0, 0, -2 * self.PAD_X, 0)
        size = super().sizeHint(opt, index)
        return QSize(size.width() + 2 * self.PAD_X, size.height() + 2 * self.PAD_Y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        # The background and selection fill the whole cell; the content sits inset.
        background = QStyleOptionViewItem(opt)
        background.text = ""
        background.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        content = QStyleOptionViewItem(opt)
        content.rect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        content.backgroundBrush = QBrush()
        content.state &= ~QStyle.StateFlag.State_HasFocus
        painter.save()
        painter.setClipRect(opt.rect)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, content, painter, widget)
        painter.restore()


class ElidedLabel(QLabel):
    """A one-line label that ends in … when it is too narrow (the full text is its tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("……") + 4, super().minimumSizeHint().height()
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        elided = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
