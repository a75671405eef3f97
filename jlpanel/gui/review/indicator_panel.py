"""The scoring desk's right-hand panel: indicators by area, vetoes, bonus, totals, guidance.

The panel shows one platform's sheet and reports what the expert enters (a score, a comment,
a veto …) through signals; the desk stores it and hands the stored sheet back. Scores are
checked as they are typed (the domain's own checks) and flagged in the field; running
totals follow the typing, so the expert sees the total before pressing Enter.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontMetricsF, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jlpanel.domain.rubric import BonusItem, Indicator, Rubric, Veto
from jlpanel.gui.common import formatting
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.rubric_detail import bonus_guidance_html, guidance_html, veto_guidance_html
from jlpanel.gui.common.theme import MUTED, REQUIRED, WARN, scaled_font, set_muted
from jlpanel.gui.review.score_entry import LEVEL_COLOURS, TypedScore, read_score

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.review import PlatformWork

INVALID_COLOUR = WARN
REQUIRED_COLOUR = REQUIRED

_STYLE = f"""
QFrame#indicatorCard {{ border: 1px solid transparent; border-radius: 4px; }}
QFrame#indicatorCard[current="true"] {{ background: #e6eef7; border: 1px solid #b9cde3; }}
QLineEdit:read-only, QPlainTextEdit[readOnly="true"] {{ background: #f1f3f5; color: #3d4852; }}
QLineEdit[state="invalid"] {{
    border: 2px solid {INVALID_COLOUR}; border-radius: 3px; background: #fff1ef; padding: 1px;
}}
QLineEdit[state="required"], QPlainTextEdit[state="required"] {{
    border: 2px solid {REQUIRED_COLOUR}; border-radius: 3px; background: #fff8ec; padding: 1px;
}}
QLabel[role="fieldError"] {{ color: {INVALID_COLOUR}; }}
"""


class Field(StrEnum):
    """The kinds of entry field on the panel."""

    SCORE = "score"
    COMMENT = "comment"
    VETO = "veto"
    VETO_REASON = "veto_reason"
    BONUS = "bonus"
    OVERALL = "overall"


#: Keys the window handles even while a field has the focus (undo/redo go to the package's
#: journal, not to the field's own undo stack).
_WINDOW_KEYS = ("Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y")


def _is_window_key(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(
        pressed.matches(QKeySequence(k)) == QKeySequence.SequenceMatch.ExactMatch
        for k in _WINDOW_KEYS
    )


class DeskLineEdit(QLineEdit):
    """A line edit that reports focus and leaves undo/redo to the window."""

    focused = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _is_window_key(event)
        ):
            return True  # not accepted: the window's action gets the key
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


class DeskTextEdit(QPlainTextEdit):
    """A multi-line comment box that keeps the desk's keyboard flow.

    Enter stores and moves on (as in a score field); Shift+Enter starts a new line; Tab
    moves to the next field; Ctrl+Enter and undo/redo are left to the window. The box
    grows with its text from ``min_lines`` up to ``max_lines`` (then it scrolls). It speaks
    the line edit's words the panel uses: text(), setText(), returnPressed, editingFinished.
    """

    focused = Signal()
    returnPressed = Signal()  # QLineEdit's names
    editingFinished = Signal()
    textEdited = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, min_lines: int = 1, max_lines: int = 4):
        super().__init__(parent)
        self.min_lines = min_lines
        self.max_lines = max_lines
        self._setting = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_text_changed)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False
        self._fit_height()

    def setCursorPosition(self, position: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(position)
        self.setTextCursor(cursor)

    def _on_text_changed(self) -> None:
        self._fit_height()
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def visual_lines(self) -> int:
        """How many lines the text takes at the box's width."""
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        return lines

    def height_for_lines(self, lines: int) -> int:
        margins = self.contentsMargins()
        document = 2 * int(self.document().documentMargin())
        # A laid-out line is ascent + descent (+ leading): a pixel or two over lineSpacing.
        line = math.ceil(QFontMetricsF(self.font()).height()) + 1
        return lines * line + document + margins.top() + margins.bottom() + 2

    def _fit_height(self) -> None:
        wanted = self.visual_lines()
        # The scroll bar only once the box has stopped growing.
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if wanted > self.max_lines
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        lines = min(self.max_lines, max(self.min_lines, wanted))
        height = self.height_for_lines(lines)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_height)  # the lines are laid out at the new width

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (_is_window_key(event) or _is_ctrl_enter(event))
        ):
            return True  # not accepted: the window's action gets the key
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if modifiers == Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")  # a line break, not a new paragraph mark
                return
            if modifiers == Qt.KeyboardModifier.NoModifier:
                self.returnPressed.emit()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # not the context menu
            self.editingFinished.emit()


def _is_ctrl_enter(event: QKeyEvent) -> bool:
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
        modifiers & Qt.KeyboardModifier.ControlModifier
    )


class DeskCheckBox(QCheckBox):
    """A check box that reports focus."""

    focused = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()


def set_state(edit: QWidget, state: str) -> None:
    """Mark a field "" (plain), "invalid" (red) or "required" (amber)."""
    if edit.property("state") == state:
        return
    edit.setProperty("state", state)
    style = edit.style()
    style.unpolish(edit)
    style.polish(edit)


def show_error(edit: QWidget, label: QLabel, error: str) -> None:
    """Flag a score field (red) and say why under it; "" clears both."""
    set_state(edit, "invalid" if error else "")
    label.setText(error)
    label.setVisible(bool(error))


@dataclass(eq=False)
class IndicatorRow:
    """One indicator's widgets."""

    indicator: Indicator
    card: QFrame
    name_label: QLabel
    max_label: QLabel
    score_edit: DeskLineEdit
    level_label: QLabel
    comment_edit: DeskTextEdit
    tab: int
    # Why the typed score is refused, under the field (hidden while it is valid).
    error_label: QLabel


@dataclass(eq=False)
class VetoRow:
    veto: Veto
    card: QFrame
    check: DeskCheckBox
    reason_edit: DeskLineEdit


@dataclass(eq=False)
class BonusRow:
    item: BonusItem
    card: QFrame
    name_label: QLabel
    score_edit: DeskLineEdit
    error_label: QLabel


class IndicatorPanel(QWidget):
    """Indicators by area (a tab each), then vetoes, bonus and the overall comment."""

    #: (indicator code, points or None, advance): the expert entered a score.
    score_committed = Signal(str, object, bool)
    #: (indicator code, text, advance)
    comment_committed = Signal(str, str, bool)
    #: (veto code, reason or None to withdraw, advance)
    veto_committed = Signal(str, object, bool)
    #: (bonus item code, points or None, advance)
    bonus_committed = Signal(str, object, bool)
    #: (text, advance)
    overall_committed = Signal(str, bool)
    #: A message for the status line; True when it says what is wrong.
    message = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("IndicatorPanel")
        self.setStyleSheet(_STYLE)
        self.rubric: Rubric | None = None
        self.work: PlatformWork | None = None
        self.metrics: Mapping[str, float | None] | None = None
        self.locked = False
        self.rows: dict[str, IndicatorRow] = {}
        self.veto_rows: dict[str, VetoRow] = {}
        self.bonus_rows: dict[str, BonusRow] = {}
        self.current: tuple[Field, str] | None = None
        #: What each score field holds, read when its text changes (not on every look).
        self._typed: dict[str, TypedScore] = {}
        self._guidance_html = ""
        self._loading = False
        self._error_shown = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.title_label = QLabel("—", self)
        self.title_label.setObjectName("titleLabel")
        self.title_label.setFont(scaled_font(self.title_label, 1.15, bold=True))
        self.title_label.setWordWrap(True)  # a long name on two lines, not cut off
        layout.addWidget(self.title_label)
        self.totals_label = QLabel("—", self)
        self.totals_label.setObjectName("totalsLabel")
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setWordWrap(True)
        layout.addWidget(self.totals_label)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        layout.addWidget(self.notice_label)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName("areaTabs")
        self.tabs.setDocumentMode(True)
        # Every area's tab in view, its name cut to fit (whole in the tooltip), rather than
        # the last ones behind scroll arrows on a narrow or English window.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.guidance = QTextBrowser(self.splitter)
        self.guidance.setObjectName("guidanceBrowser")
        self.guidance.setOpenLinks(False)
        self.guidance.document().setDocumentMargin(8)
        self.guidance.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.guidance)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self._totals_timer = QTimer(self)
        self._totals_timer.setSingleShot(True)
        self._totals_timer.setInterval(0)
        self._totals_timer.timeout.connect(self._show_totals)

    # ------------------------------------------------------------------------ building

    def set_rubric(self, rubric: Rubric) -> None:
        """Build a row per indicator, veto and bonus item (once per package)."""
        self.rubric = rubric
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.rows.clear()
        self.veto_rows.clear()
        self.bonus_rows.clear()
        for number, area in enumerate(rubric.areas):
            container, box = self._page()
            for indicator in area.indicators:
                row = self._indicator_row(container, indicator, number)
                box.addWidget(row.card)
                self.rows[indicator.code] = row
            box.addStretch(1)
            self.tabs.addTab(self._scroll(container), "")
        container, box = self._page()
        for veto in rubric.vetoes:
            veto_row = self._veto_row(container, veto)
            box.addWidget(veto_row.card)
            self.veto_rows[veto.code] = veto_row
        self.bonus_heading = QLabel(container)
        self.bonus_heading.setFont(scaled_font(self.bonus_heading, 1.0, bold=True))
        box.addWidget(self.bonus_heading)
        for item in rubric.bonus_items:
            bonus_row = self._bonus_row(container, item)
            box.addWidget(bonus_row.card)
            self.bonus_rows[item.code] = bonus_row
        self.overall_label = QLabel(container)
        self.overall_label.setFont(scaled_font(self.overall_label, 1.0, bold=True))
        box.addWidget(self.overall_label)
        self.overall_edit = DeskTextEdit(container, min_lines=3, max_lines=8)
        self.overall_edit.setObjectName("overallEdit")
        self.overall_edit.returnPressed.connect(lambda: self._overall_entered(advance=True))
        self.overall_edit.editingFinished.connect(lambda: self._overall_entered(advance=False))
        self.overall_edit.focused.connect(lambda: self._set_current(Field.OVERALL, ""))
        box.addWidget(self.overall_edit)
        box.addStretch(1)
        self.tabs.addTab(self._scroll(container), "")
        self._fit_splitter()
        # Tab walks score, comment, next score … (the widgets share a window only now).
        order: list[QWidget] = []
        for row in self.rows.values():
            order += [row.score_edit, row.comment_edit]
        for veto_row in self.veto_rows.values():
            order += [veto_row.check, veto_row.reason_edit]
        order += [b.score_edit for b in self.bonus_rows.values()]
        order.append(self.overall_edit)
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self._retranslate()

    def _fit_splitter(self) -> None:
        """The indicators as tall as the longest area needs; the guidance gets the rest, and
        at least a third on a low screen (1366×768 at 150 %: the indicators scroll)."""
        if self.rubric is None or not self.rows:
            return
        card = next(iter(self.rows.values())).card
        longest = max(len(a.indicators) for a in self.rubric.areas)
        wanted = self.tabs.tabBar().sizeHint().height() + longest * (card.sizeHint().height() + 2)
        wanted += 16
        height = self.splitter.height()
        if height > 0:
            wanted = min(wanted, height * 2 // 3)
        total = max(height, wanted + 160)
        self.splitter.setSizes([wanted, total - wanted])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_splitter()

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(2, 4, 6, 4)
        box.setSpacing(2)
        return container, box

    def _scroll(self, container: QWidget) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(container)
        return scroll

    def _card(self, parent: QWidget) -> tuple[QFrame, QGridLayout]:
        card = QFrame(parent)
        card.setObjectName("indicatorCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        return card, grid

    def _indicator_row(self, parent: QWidget, indicator: Indicator, tab: int) -> IndicatorRow:
        # code · name (wrapped, whole) · score · /max · level; the refusal under them when
        # the typed score is wrong; the comment box below, as wide as the card.
        card, grid = self._card(parent)
        code_label = QLabel(indicator.code, card)
        code_label.setFont(scaled_font(code_label, 1.0, bold=True))
        name = QLabel(card)
        name.setObjectName(f"name_{indicator.code}")
        name.setWordWrap(True)
        name.setMinimumWidth(name.fontMetrics().horizontalAdvance("资源体量") + 4)
        score = DeskLineEdit(card)
        score.setObjectName(f"score_{indicator.code}")
        score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        score.setFixedWidth(score.fontMetrics().horizontalAdvance("0–10.5") + 26)  # "0–10" hint
        score.setMaxLength(8)
        maximum = QLabel(card)
        set_muted(maximum)
        maximum.setMinimumWidth(maximum.fontMetrics().horizontalAdvance("/10") + 2)
        level = QLabel(card)
        level.setObjectName(f"level_{indicator.code}")
        level.setMinimumWidth(level.fontMetrics().horizontalAdvance("Excellent") + 4)
        error = self._error_label(card, f"error_{indicator.code}")
        comment = DeskTextEdit(card, min_lines=1, max_lines=4)
        comment.setObjectName(f"comment_{indicator.code}")
        comment.setMinimumWidth(120)
        grid.addWidget(code_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(name, 0, 1)
        grid.addWidget(score, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(maximum, 0, 3)
        grid.addWidget(level, 0, 4)
        grid.addWidget(error, 1, 1, 1, 4)
        grid.addWidget(comment, 2, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        code = indicator.code
        score.textEdited.connect(lambda _text, c=code: self._score_edited(c))
        score.returnPressed.connect(lambda c=code: self._score_entered(c, advance=True))
        score.editingFinished.connect(lambda c=code: self._score_entered(c, advance=False))
        score.focused.connect(lambda c=code: self._set_current(Field.SCORE, c))
        comment.textEdited.connect(lambda _text, c=code: self._update_comment_state(c))
        comment.returnPressed.connect(lambda c=code: self._comment_entered(c, advance=True))
        comment.editingFinished.connect(lambda c=code: self._comment_entered(c, advance=False))
        comment.focused.connect(lambda c=code: self._set_current(Field.COMMENT, c))
        return IndicatorRow(indicator, card, name, maximum, score, level, comment, tab, error)

    def _error_label(self, card: QWidget, name: str) -> QLabel:
        label = QLabel(card)
        label.setObjectName(name)
        label.setProperty("role", "fieldError")
        label.setWordWrap(True)
        label.setFont(scaled_font(label, 0.9))
        label.hide()
        return label

    def _veto_row(self, parent: QWidget, veto: Veto) -> VetoRow:
        card, grid = self._card(parent)
        check = DeskCheckBox(card)
        check.setObjectName(f"veto_{veto.code}")
        reason = DeskLineEdit(card)
        reason.setObjectName(f"vetoReason_{veto.code}")
        grid.addWidget(check, 0, 0)
        grid.addWidget(reason, 1, 0)
        code = veto.code
        check.toggled.connect(lambda on, c=code: self._veto_toggled(c, on))
        check.focused.connect(lambda c=code: self._set_current(Field.VETO, c))
        reason.textEdited.connect(lambda _text, c=code: self._update_veto_state(c))
        reason.returnPressed.connect(lambda c=code: self._veto_entered(c, advance=True))
        reason.editingFinished.connect(lambda c=code: self._veto_entered(c, advance=False))
        reason.focused.connect(lambda c=code: self._set_current(Field.VETO_REASON, c))
        return VetoRow(veto, card, check, reason)

    def _bonus_row(self, parent: QWidget, item: BonusItem) -> BonusRow:
        card, grid = self._card(parent)
        name = QLabel(card)
        name.setWordWrap(True)
        score = DeskLineEdit(card)
        score.setObjectName(f"bonus_{item.code}")
        score.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        score.setFixedWidth(score.fontMetrics().horizontalAdvance("00.0") + 28)
        error = self._error_label(card, f"bonusError_{item.code}")
        grid.addWidget(score, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(name, 0, 1)
        grid.addWidget(error, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        code = item.code
        score.textEdited.connect(lambda _text, c=code: self._bonus_edited(c))
        score.returnPressed.connect(lambda c=code: self._bonus_entered(c, advance=True))
        score.editingFinished.connect(lambda c=code: self._bonus_entered(c, advance=False))
        score.focused.connect(lambda c=code: self._set_current(Field.BONUS, c))
        return BonusRow(item, card, name, score, error)

    # -------------------------------------------------------------------------- content

    def show_work(
        self, work: PlatformWork | None, metrics: Mapping[str, float | None] | None = None
    ) -> None:
        """Show a platform's stored sheet (None: nothing), discarding anything half typed."""
        self.work = work
        self.metrics = metrics
        self._fill(keep_typing=False)

    def apply_work(self, work: PlatformWork) -> None:
        """The same platform's sheet after an edit was stored: fields that hold an invalid
        value the expert is still correcting keep it."""
        self.work = work
        self._fill(keep_typing=True)

    def set_metrics(self, metrics: Mapping[str, float | None] | None) -> None:
        """The platform's objective metrics arrived (shown in the guidance)."""
        self.metrics = metrics
        self._show_guidance()

    def _fill(self, *, keep_typing: bool) -> None:
        self._loading = True
        try:
            sheet = self.work.sheet if self.work else None
            for code, row in self.rows.items():
                stored = sheet.points.get(code) if sheet else None
                typed = row.score_edit.property("state") == "invalid"
                if not (keep_typing and typed):
                    row.score_edit.setText("" if stored is None else formatting.points(stored))
                    show_error(row.score_edit, row.error_label, "")
                comment = sheet.comments.get(code, "") if sheet else ""
                if row.comment_edit.text().strip() != comment or not keep_typing:
                    row.comment_edit.setText(comment)
                    row.comment_edit.setCursorPosition(0)  # the start of a long comment
                self._update_row(code)
            for code, veto_row in self.veto_rows.items():
                reason = sheet.vetoes.get(code) if sheet else None
                veto_row.check.blockSignals(True)
                veto_row.check.setChecked(reason is not None)
                veto_row.check.blockSignals(False)
                veto_row.reason_edit.setText(reason or "")
                veto_row.reason_edit.setCursorPosition(0)
                self._update_veto_state(code)
            for code, bonus_row in self.bonus_rows.items():
                value = sheet.bonus.get(code) if sheet else None
                typed = bonus_row.score_edit.property("state") == "invalid"
                if not (keep_typing and typed):
                    bonus_row.score_edit.setText("" if value is None else formatting.points(value))
                    show_error(bonus_row.score_edit, bonus_row.error_label, "")
            if self.rows:
                self.overall_edit.setText(sheet.overall_comment if sheet else "")
                self.overall_edit.setCursorPosition(0)
        finally:
            self._loading = False
        self._show_title()
        self._show_totals()
        self._show_guidance()
        self._apply_lock()

    def set_locked(self, locked: bool) -> None:
        """A submitted sheet: everything read-only until it is reopened."""
        self.locked = locked
        self._apply_lock()

    def _apply_lock(self) -> None:
        editable = not self.locked and self.work is not None
        for row in self.rows.values():
            row.score_edit.setReadOnly(not editable)
            row.comment_edit.setReadOnly(not editable)
        for veto_row in self.veto_rows.values():
            veto_row.check.setEnabled(editable)
            veto_row.reason_edit.setReadOnly(not editable)
        for bonus_row in self.bonus_rows.values():
            bonus_row.score_edit.setReadOnly(not editable)
        if self.rows:
            self.overall_edit.setReadOnly(not editable)

    # --------------------------------------------------------------------- the values

    def stored_points(self, code: str) -> Decimal | None:
        return self.work.sheet.points.get(code) if self.work else None

    def stored_comment(self, code: str) -> str:
        return self.work.sheet.comments.get(code, "") if self.work else ""

    def typed(self, code: str) -> TypedScore:
        """What indicator ``code``'s score field holds."""
        text = self.rows[code].score_edit.text()
        known = self._typed.get(code)
        if known is None or known.text != text:
            assert self.rubric is not None
            known = self._typed[code] = read_score(text, self.rubric, code)
        return known

    def effective_points(self, code: str) -> Decimal | None:
        """The typed score when it is valid, the stored one otherwise (for live totals)."""
        typed = self.typed(code)
        if typed.valid:
            return typed.value
        return self.stored_points(code)

    def needs_comment(self, code: str) -> bool:
        """The (typed or stored) score is in a band that needs a comment and there is none."""
        value = self.effective_points(code)
        row = self.rows[code]
        return (
            value is not None
            and row.indicator.requires_comment(value)
            and not row.comment_edit.text().strip()
        )

    # ----------------------------------------------------------------------- typing

    def _score_edited(self, code: str) -> None:
        typed = self.typed(code)
        show_error(self.rows[code].score_edit, self.rows[code].error_label, typed.error)
        self._say(typed.error)
        self._update_row(code)
        self._totals_timer.start()
        self._show_guidance()

    def _score_entered(self, code: str, *, advance: bool) -> None:
        if self._loading or self.work is None or self.locked:
            return
        typed = self.typed(code)
        if not typed.valid:
            if advance:
                self._say(typed.error)
            return
        if not advance and typed.value == self.stored_points(code):
            return
        self.score_committed.emit(code, typed.value, advance)

    def _update_row(self, code: str) -> None:
        row = self.rows[code]
        assert self.rubric is not None
        value = self.effective_points(code)
        if value is None:
            row.level_label.setText("—")
            row.level_label.setStyleSheet(f"color: {MUTED};")
        else:
            level = row.indicator.level_of(value)
            row.level_label.setText(self.rubric.level_name(level).get(current_language()))
            row.level_label.setStyleSheet(f"color: {LEVEL_COLOURS[level]}; font-weight: bold;")
        self._update_comment_state(code)

    def _update_comment_state(self, code: str) -> None:
        row = self.rows[code]
        required = self.needs_comment(code)
        value = self.effective_points(code)
        if value is not None and row.indicator.requires_comment(value):
            assert self.rubric is not None
            level = self.rubric.level_name(row.indicator.level_of(value)).get(current_language())
            row.comment_edit.setPlaceholderText(
                translate("IndicatorPanel", "须填写评语（“{level}”档）").format(level=level)
            )
        else:
            row.comment_edit.setPlaceholderText(translate("IndicatorPanel", "评语（选填）"))
        set_state(row.comment_edit, "required" if required else "")

    def _comment_entered(self, code: str, *, advance: bool) -> None:
        if self._loading or self.work is None or self.locked:
            return
        text = self.rows[code].comment_edit.text().strip()
        if not advance and text == self.stored_comment(code):
            return
        self.comment_committed.emit(code, text, advance)

    def _veto_toggled(self, code: str, on: bool) -> None:
        if self._loading or self.work is None or self.locked:
            return
        row = self.veto_rows[code]
        self._update_veto_state(code)
        if on:
            row.reason_edit.setFocus()
            self._say(translate("IndicatorPanel", "请写明否决理由，按 Enter 保存"), error=False)
        elif code in self.work.sheet.vetoes:
            self.veto_committed.emit(code, None, False)

    def _update_veto_state(self, code: str) -> None:
        row = self.veto_rows[code]
        missing = row.check.isChecked() and not row.reason_edit.text().strip()
        set_state(row.reason_edit, "required" if missing else "")
        row.reason_edit.setPlaceholderText(
            translate("IndicatorPanel", "否决理由（必填）")
            if row.check.isChecked()
            else translate("IndicatorPanel", "勾选后填写否决理由")
        )

    def _veto_entered(self, code: str, *, advance: bool) -> None:
        if self._loading or self.work is None or self.locked:
            return
        row = self.veto_rows[code]
        text = row.reason_edit.text().strip()
        stored = self.work.sheet.vetoes.get(code)
        if not text:
            if advance and row.check.isChecked():
                self._say(translate("IndicatorPanel", "否决项须写明理由"))
            return
        if not row.check.isChecked():
            row.check.blockSignals(True)
            row.check.setChecked(True)
            row.check.blockSignals(False)
        if not advance and text == stored:
            return
        self.veto_committed.emit(code, text, advance)

    def _bonus_edited(self, code: str) -> None:
        assert self.rubric is not None
        typed = read_score(self.bonus_rows[code].score_edit.text(), self.rubric, code, bonus=True)
        row = self.bonus_rows[code]
        show_error(row.score_edit, row.error_label, typed.error)
        self._say(typed.error)
        self._totals_timer.start()

    def _bonus_entered(self, code: str, *, advance: bool) -> None:
        if self._loading or self.work is None or self.locked:
            return
        assert self.rubric is not None
        typed = read_score(self.bonus_rows[code].score_edit.text(), self.rubric, code, bonus=True)
        if not typed.valid:
            if advance:
                self._say(typed.error)
            return
        if not advance and typed.value == self.work.sheet.bonus.get(code):
            return
        self.bonus_committed.emit(code, typed.value, advance)

    def _overall_entered(self, *, advance: bool) -> None:
        if self._loading or self.work is None or self.locked:
            return
        text = self.overall_edit.text().strip()
        if not advance and text == (self.work.sheet.overall_comment or ""):
            return
        self.overall_committed.emit(text, advance)

    def _say(self, text: str, *, error: bool = True) -> None:
        # Only changes are reported, so a valid keystroke does not wipe the status line.
        if text or self._error_shown:
            self.message.emit(text, error and bool(text))
        self._error_shown = bool(text) and error

    # --------------------------------------------------------------------- totals

    def totals(self) -> tuple[dict[str, Decimal], Decimal, Decimal]:
        """Points per area, the capped bonus and the total, from what is typed (exact)."""
        assert self.rubric is not None
        rubric = self.rubric
        zero = Decimal(0)
        areas = {
            area.code: sum((self.effective_points(i.code) or zero for i in area.indicators), zero)
            for area in rubric.areas
        }
        bonus = zero
        for code, row in self.bonus_rows.items():
            typed = read_score(row.score_edit.text(), rubric, code, bonus=True)
            if typed.valid and typed.value is not None:
                bonus += max(typed.value, zero)
            elif self.work is not None and code in self.work.sheet.bonus:
                bonus += max(self.work.sheet.bonus[code], zero)
        bonus = min(bonus, rubric.bonus_cap)
        total = min(sum(areas.values()) + bonus, rubric.total_points)
        return areas, bonus, total

    def _show_totals(self) -> None:
        rubric = self.rubric
        if rubric is None:
            return
        language = current_language()
        for number, area in enumerate(rubric.areas):
            self.tabs.setTabText(number, f"{area.code} {area.name.get(language)}")
            if self.work is not None:
                scored = sum(
                    1 for i in area.indicators if self.effective_points(i.code) is not None
                )
                self.tabs.setTabToolTip(
                    number,
                    f"{area.code} {area.name.get(language)}\n"
                    + translate("IndicatorPanel", "已评 {scored}/{count} 项 · Alt+{key}").format(
                        scored=scored, count=len(area.indicators), key=number + 1
                    ),
                )
        if self.work is None:
            self.totals_label.setText("—")
            return
        areas, bonus, total = self.totals()
        parts = [
            f"<span style='color:{MUTED}'>{area.code}</span> "
            f"{formatting.points(areas[area.code])}"
            f"<span style='color:{MUTED}'>/{formatting.points(area.max_points)}</span>"
            for area in rubric.areas
        ]
        if rubric.bonus_items:
            bonus_word = translate("IndicatorPanel", "加分")
            parts.append(
                f"<span style='color:{MUTED}'>{bonus_word}</span> {formatting.points(bonus)}"
            )
        total_text = translate("IndicatorPanel", "总分")
        parts.append(
            f"<b>{total_text} <span style='font-size:large'>{formatting.points(total)}</span></b>"
            f"<span style='color:{MUTED}'>/{formatting.points(rubric.total_points)}</span>"
        )
        self.totals_label.setText("&nbsp;&nbsp;·&nbsp;&nbsp;".join(parts))

    def total_text(self) -> str:
        """The running total as shown."""
        return formatting.points(self.totals()[2])

    # ------------------------------------------------------------------- focus & guidance

    def _set_current(self, field: Field, code: str) -> None:
        old = self.current
        self.current = (field, code)
        if old is not None and old[1] != code:
            self._mark_card(old, False)
        self._mark_card(self.current, True)
        self._show_guidance()

    def _card_of(self, where: tuple[Field, str]) -> QFrame | None:
        field, code = where
        if field in (Field.SCORE, Field.COMMENT) and code in self.rows:
            return self.rows[code].card
        if field in (Field.VETO, Field.VETO_REASON) and code in self.veto_rows:
            return self.veto_rows[code].card
        if field is Field.BONUS and code in self.bonus_rows:
            return self.bonus_rows[code].card
        return None

    def _mark_card(self, where: tuple[Field, str], on: bool) -> None:
        card = self._card_of(where)
        if card is None or bool(card.property("current")) == on:
            return
        card.setProperty("current", on)
        card.style().unpolish(card)
        card.style().polish(card)

    def _show_guidance(self) -> None:
        if self.guidance.isHidden():  # F1 hid it: shown again when it is back
            return
        rubric = self.rubric
        if rubric is None or self.current is None:
            if rubric is not None and rubric.indicators:
                first = rubric.indicators[0]
                self._set_guidance(guidance_html(first, rubric, self.metrics, None))
            return
        field, code = self.current
        if field in (Field.SCORE, Field.COMMENT):
            self._set_guidance(
                guidance_html(
                    self.rows[code].indicator, rubric, self.metrics, self.effective_points(code)
                )
            )
        elif field in (Field.VETO, Field.VETO_REASON):
            self._set_guidance(veto_guidance_html(self.veto_rows[code].veto))
        elif field is Field.BONUS:
            self._set_guidance(bonus_guidance_html(self.bonus_rows[code].item, rubric))

    def _set_guidance(self, html: str) -> None:
        # Laying out the guidance is the dearest part of a switch: only when it changed.
        if html != self._guidance_html:
            self._guidance_html = html
            self.guidance.setHtml(html)

    def guidance_text(self) -> str:
        """The guidance pane as plain text."""
        return self.guidance.toPlainText()

    def toggle_guidance(self) -> bool:
        """F1: show or hide the guidance pane; returns whether it is shown."""
        shown = not self.guidance.isVisible()
        self.guidance.setVisible(shown)
        self._show_guidance()
        return shown

    def widget_of(self, field: Field, code: str) -> QWidget | None:
        """The entry widget of a field."""
        if field is Field.SCORE and code in self.rows:
            return self.rows[code].score_edit
        if field is Field.COMMENT and code in self.rows:
            return self.rows[code].comment_edit
        if field is Field.VETO and code in self.veto_rows:
            return self.veto_rows[code].check
        if field is Field.VETO_REASON and code in self.veto_rows:
            return self.veto_rows[code].reason_edit
        if field is Field.BONUS and code in self.bonus_rows:
            return self.bonus_rows[code].score_edit
        if field is Field.OVERALL and self.rows:
            return self.overall_edit
        return None

    def focus_field(self, field: Field, code: str) -> bool:
        """Put the cursor in a field (its tab shown, its text selected)."""
        widget = self.widget_of(field, code)
        if widget is None:
            return False
        tab = (
            self.rows[code].tab if field in (Field.SCORE, Field.COMMENT) else self.tabs.count() - 1
        )
        self.tabs.setCurrentIndex(tab)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, (QLineEdit, DeskTextEdit)):
            widget.selectAll()
        scroll = self.tabs.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(widget, 20, 40)
        self._set_current(field, code)
        return True

    def show_area(self, number: int) -> bool:
        """Alt+N: area tab ``number`` (0-based; the last is vetoes and bonus), its first
        unscored indicator (or its first) in focus."""
        if not 0 <= number < self.tabs.count() or self.rubric is None:
            return False
        if number < len(self.rubric.areas):
            indicators = self.rubric.areas[number].indicators
            target = next(
                (i for i in indicators if self.stored_points(i.code) is None), indicators[0]
            )
            return self.focus_field(Field.SCORE, target.code)
        if self.rubric.vetoes:
            return self.focus_field(Field.VETO, self.rubric.vetoes[0].code)
        if self.rubric.bonus_items:
            return self.focus_field(Field.BONUS, self.rubric.bonus_items[0].code)
        return self.focus_field(Field.OVERALL, "")

    def field_of(self, widget: QObject | None) -> tuple[Field, str] | None:
        """Which field ``widget`` is (None when it is none of the panel's)."""
        for code, row in self.rows.items():
            if widget is row.score_edit:
                return Field.SCORE, code
            if widget is row.comment_edit:
                return Field.COMMENT, code
        for code, veto_row in self.veto_rows.items():
            if widget is veto_row.check:
                return Field.VETO, code
            if widget is veto_row.reason_edit:
                return Field.VETO_REASON, code
        for code, bonus_row in self.bonus_rows.items():
            if widget is bonus_row.score_edit:
                return Field.BONUS, code
        if self.rows and widget is self.overall_edit:
            return Field.OVERALL, ""
        return None

    def revert(self, field: Field, code: str) -> bool:
        """Put back the stored value of a field the expert has typed into; False when the
        field already shows what is stored."""
        if self.work is None:
            return False
        sheet = self.work.sheet
        widget = self.widget_of(field, code)
        if not isinstance(widget, (QLineEdit, DeskTextEdit)):
            return False
        if field is Field.SCORE:
            stored_points = sheet.points.get(code)
            stored = "" if stored_points is None else formatting.points(stored_points)
        elif field is Field.COMMENT:
            stored = sheet.comments.get(code, "")
        elif field is Field.VETO_REASON:
            stored = sheet.vetoes.get(code, "")
        elif field is Field.BONUS:
            bonus = sheet.bonus.get(code)
            stored = "" if bonus is None else formatting.points(bonus)
        else:
            stored = sheet.overall_comment or ""
        if widget.text().strip() == stored:
            return False
        widget.setText(stored)
        widget.selectAll()
        set_state(widget, "")
        if field is Field.SCORE:
            self.rows[code].error_label.hide()
            self._update_row(code)
        if field is Field.BONUS:
            self.bonus_rows[code].error_label.hide()
        self._say("")
        self._show_totals()
        return True

    # ---------------------------------------------------------------------- language

    def _show_title(self) -> None:
        work = self.work
        if work is None:
            self.title_label.setText("—")
            self.title_label.setToolTip("")
            return
        platform = work.platform
        self.title_label.setText(f"{platform.filing_no}  {platform.name}")
        self.title_label.setToolTip(platform.name)

    def _retranslate(self) -> None:
        rubric = self.rubric
        if rubric is None:
            return
        language = current_language()
        self._typed.clear()  # a refusal is worded in the language it was read in
        for row in self.rows.values():
            indicator = row.indicator
            row.name_label.setText(indicator.name.get(language))
            row.max_label.setText(f"/{formatting.points(indicator.max_points)}")
            row.max_label.setToolTip(
                translate("IndicatorPanel", "满分 {max} 分").format(
                    max=formatting.points(indicator.max_points)
                )
            )
            row.score_edit.setPlaceholderText(
                translate("IndicatorPanel", "0–{max}").format(
                    max=formatting.points(indicator.max_points)
                )
            )
            row.score_edit.setToolTip(
                translate(
                    "IndicatorPanel", "{code} 得分：0–{max} 分，步长 {step}；输入后按 Enter 保存"
                ).format(
                    code=indicator.code,
                    max=formatting.points(indicator.max_points),
                    step=formatting.points(indicator.step),
                )
            )
            self._update_row(indicator.code)
            if row.error_label.text():
                show_error(row.score_edit, row.error_label, self.typed(indicator.code).error)
        for code, veto_row in self.veto_rows.items():
            veto_row.check.setText(
                translate("IndicatorPanel", "否决：{name}").format(
                    name=veto_row.veto.name.get(language)
                )
            )
            self._update_veto_state(code)
        self.bonus_heading.setText(
            translate("IndicatorPanel", "加分项（合计不超过 {cap} 分）").format(
                cap=formatting.points(rubric.bonus_cap)
            )
        )
        self.bonus_heading.setVisible(bool(rubric.bonus_items))
        for bonus_row in self.bonus_rows.values():
            item = bonus_row.item
            bonus_row.name_label.setText(
                translate("IndicatorPanel", "{code} {name}（最多 {max} 分）").format(
                    code=item.code,
                    name=item.name.get(language),
                    max=formatting.points(item.max_points),
                )
            )
            bonus_row.name_label.setToolTip(item.name.get(language))
            bonus_row.score_edit.setPlaceholderText("0")
            if bonus_row.error_label.text():
                typed = read_score(bonus_row.score_edit.text(), rubric, item.code, bonus=True)
                show_error(bonus_row.score_edit, bonus_row.error_label, typed.error)
        self.overall_label.setText(translate("IndicatorPanel", "总体评价（选填）"))
        self.overall_edit.setPlaceholderText(
            translate("IndicatorPanel", "对该平台的总体意见，按 Enter 保存，Shift+Enter 换行")
        )
        self.tabs.setTabText(self.tabs.count() - 1, translate("IndicatorPanel", "否决·加分"))
        self._show_totals()
        self._show_guidance()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
