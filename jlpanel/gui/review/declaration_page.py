"""回避与保密声明: the confidentiality pledge and a declaration on every assigned platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)

from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.table_support import AnyIndex, ItemsTableModel
from jlpanel.gui.common.theme import CAUTION, MUTED, WARN, RoomyItemDelegate, scaled_font, set_muted
from jlpanel.gui.forms.ui_declaration_page import Ui_DeclarationPage

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.review import PackageInfo, PlatformEntry, PlatformWork


ERROR_COLOUR = WARN
CONFLICT_COLOUR = CAUTION

#: The row is the unit of a declaration: it is selected whole, whichever cell is current.
_ROW_SELECTION = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


@dataclass(slots=True)
class DeclarationRow:
    """A platform and what the expert declares about it (as edited, not yet stored)."""

    platform: PlatformEntry
    conflict: bool
    reason: str
    #: Whether a declaration is stored for it, and as what.
    stored: tuple[bool, str] | None

    @property
    def missing_reason(self) -> bool:
        return self.conflict and not self.reason.strip()

    @property
    def changed(self) -> bool:
        """Differs from what is stored (or nothing is stored yet)."""
        wanted = (self.conflict, self.reason.strip() if self.conflict else "")
        return self.stored != wanted


@dataclass(frozen=True, slots=True)
class DeclarationChange:
    """A declaration to store."""

    platform_id: int
    conflict: bool
    reason: str


#: The reason column keeps at least this many characters' width in view.
REASON_CHARACTERS = 16


class DeclarationCommand(QUndoCommand):
    """One row's declaration changed (a choice made or a reason typed): undone as one step."""

    def __init__(
        self,
        model: DeclarationModel,
        row: int,
        before: tuple[bool, str],
        after: tuple[bool, str],
        text: str,
    ) -> None:
        super().__init__(text)
        self.model = model
        self.row = row
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.model.apply(self.row, *self.after)

    def undo(self) -> None:
        self.model.apply(self.row, *self.before)


class DeclarationModel(ItemsTableModel["DeclarationRow"]):
    """备案编号 · 平台名称 · 依托单位 · 声明 (无利益冲突 / 申请回避) · 回避理由 (editable).

    Every change goes through :attr:`undo_stack`, so Ctrl+Z takes back a choice or a reason
    until the declarations are confirmed (then the package's own journal has them).
    """

    FILING, NAME, HOST, DECLARATION, REASON = range(5)
    COLUMNS = 5
    HEADERS = (
        lambda: translate("DeclarationPage", "备案编号"),
        lambda: translate("DeclarationPage", "平台名称"),
        lambda: translate("DeclarationPage", "依托单位"),
        lambda: translate("DeclarationPage", "声明"),
        lambda: translate("DeclarationPage", "回避理由"),
    )

    #: A declaration was ticked or a reason typed.
    edited = Signal()
    #: Row ``n`` was just declared a conflict (its reason is wanted next).
    conflict_declared = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read_only = False
        self.undo_stack = QUndoStack(self)

    def set_rows(self, rows: Sequence[DeclarationRow]) -> None:
        self.beginResetModel()
        self._items = list(rows)
        self.endResetModel()
        self.undo_stack.clear()

    def rows(self) -> list[DeclarationRow]:
        return list(self._items)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, self.COLUMNS - 1)
            )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.read_only:
            return flags
        row = self._items[index.row()]
        if index.column() == self.REASON and row.conflict:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row = self._items[index.row()]
        platform = row.platform
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.FILING:
                return platform.filing_no
            if column == self.NAME:
                return platform.name
            if column == self.HOST:
                return platform.host_unit or "—"
            if column == self.DECLARATION:
                if row.conflict:
                    return translate("DeclarationPage", "申请回避")
                return translate("DeclarationPage", "无利益冲突")
            if not row.conflict:
                return ""
            return row.reason or translate("DeclarationPage", "（须填写理由：选中后直接输入）")
        if role == Qt.ItemDataRole.EditRole and column == self.REASON:
            return row.reason
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME:
                return platform.name
            if column == self.DECLARATION and not self.read_only:
                return translate(
                    "DeclarationPage",
                    "点选“无利益冲突”或“申请回避”；在本行任一格按空格键切换，Ctrl+Z 撤销",
                )
            if column == self.REASON and row.conflict:
                return row.reason or None
            return None
        if role == Qt.ItemDataRole.EditRole and column == self.DECLARATION:
            return row.conflict
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.REASON and row.missing_reason:
                return QBrush(QColor(ERROR_COLOUR))
            if column == self.DECLARATION and row.conflict:
                return QBrush(QColor(CONFLICT_COLOUR))
            if column == self.FILING:
                return QBrush(QColor(MUTED))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The declaration column takes True (申请回避) or False; the reason column a text."""
        if not index.isValid() or self.read_only or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._items[index.row()]
        column = index.column()
        before = (row.conflict, row.reason)
        if column == self.DECLARATION:
            after = (bool(value), row.reason)
            text = (
                translate("DeclarationPage", "{filing} 申请回避")
                if value
                else translate("DeclarationPage", "{filing} 无利益冲突")
            )
        elif column == self.REASON and row.conflict:
            after = (True, str(value or "").strip())
            text = translate("DeclarationPage", "{filing} 回避理由")
        else:
            return False
        if after != before:
            self._push(index.row(), before, after, text)
        if column == self.DECLARATION and after[0] and not before[0] and not row.reason:
            self.conflict_declared.emit(index.row())
        return True

    def _push(self, row: int, before: tuple[bool, str], after: tuple[bool, str], text: str) -> None:
        filing = self._items[row].platform.filing_no
        self.undo_stack.push(
            DeclarationCommand(self, row, before, after, text.format(filing=filing))
        )

    def apply(self, row: int, conflict: bool, reason: str) -> None:
        """Set row ``row`` (from the undo stack: a change, its undo or its redo)."""
        declared = self._items[row]
        declared.conflict = conflict
        declared.reason = reason
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
        self.edited.emit()

    def toggle(self, row: int) -> bool:
        """Space: 无利益冲突 ↔ 申请回避 on row ``row``."""
        if not 0 <= row < len(self._items):
            return False
        return self.setData(self.index(row, self.DECLARATION), not self._items[row].conflict)

    def set_conflict(self, row: int, conflict: bool, reason: str = "") -> None:
        """Declare row ``row`` (as the table would), with its reason: one step to undo."""
        declared = self._items[row]
        before = (declared.conflict, declared.reason)
        after = (conflict, reason.strip() if conflict and reason.strip() else declared.reason)
        if after != before and not self.read_only:
            text = (
                translate("DeclarationPage", "{filing} 申请回避")
                if conflict
                else translate("DeclarationPage", "{filing} 无利益冲突")
            )
            self._push(row, before, after, text)


class DeclarationDelegate(QStyledItemDelegate):
    """The declaration cell: two radio buttons, 无利益冲突 and 申请回避, the chosen one set.

    The words say what each choice means, so a row reads the same ticked or not; a click on
    either chooses it (the model takes it as an undoable change).
    """

    GAP = 18
    PAD = 8

    @staticmethod
    def choices() -> tuple[str, str]:
        return (
            translate("DeclarationPage", "无利益冲突"),
            translate("DeclarationPage", "申请回避"),
        )

    def _button(self, option: QStyleOptionViewItem, text: str, on: bool) -> QStyleOptionButton:
        button = QStyleOptionButton()
        button.text = text
        button.fontMetrics = option.fontMetrics
        button.palette = QPalette(option.palette)
        button.direction = option.direction
        button.state = QStyle.StateFlag.State_On if on else QStyle.StateFlag.State_Off
        return button

    def choice_rects(self, option: QStyleOptionViewItem) -> list[QRect]:
        style = self._style(option)
        rects = []
        x = option.rect.left() + self.PAD
        for text in self.choices():
            button = self._button(option, text, False)
            width = option.fontMetrics.horizontalAdvance(text)
            size = style.sizeFromContents(
                QStyle.ContentsType.CT_RadioButton,
                button,
                QSize(width, option.fontMetrics.height()),
                option.widget,
            )
            top = option.rect.top() + (option.rect.height() - size.height()) // 2
            rects.append(QRect(x, top, size.width(), size.height()))
            x += size.width() + self.GAP
        return rects

    @staticmethod
    def _style(option: QStyleOptionViewItem) -> QStyle:
        widget = option.widget
        return widget.style() if widget is not None else QApplication.style()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rects = self.choice_rects(opt)
        height = max(r.height() for r in rects)
        return QSize(rects[-1].right() - opt.rect.left() + self.PAD + 1, height + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = self._style(opt)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        model = index.model()
        conflict = bool(model.data(index, Qt.ItemDataRole.EditRole))
        read_only = isinstance(model, DeclarationModel) and model.read_only
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        for number, (text, rect) in enumerate(
            zip(self.choices(), self.choice_rects(opt), strict=True)
        ):
            chosen = conflict == (number == 1)
            button = self._button(opt, text, chosen)
            button.rect = rect
            if not read_only:
                button.state |= QStyle.StateFlag.State_Enabled
            if selected:
                role = QPalette.ColorRole.HighlightedText
                button.palette.setColor(QPalette.ColorRole.WindowText, opt.palette.color(role))
                button.palette.setColor(QPalette.ColorRole.ButtonText, opt.palette.color(role))
            elif chosen and number == 1:
                button.palette.setColor(QPalette.ColorRole.WindowText, QColor(CONFLICT_COLOUR))
                button.palette.setColor(QPalette.ColorRole.ButtonText, QColor(CONFLICT_COLOUR))
            style.drawControl(QStyle.ControlElement.CE_RadioButton, button, painter, opt.widget)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        if (
            isinstance(event, QMouseEvent)
            and event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
        ):
            for number, rect in enumerate(self.choice_rects(option)):
                if rect.contains(event.position().toPoint()):
                    return model.setData(index, number == 1, Qt.ItemDataRole.EditRole)
        return False


def pledge_html(expert: str, cycle: str) -> str:
    """The confidentiality pledge (保密承诺) the expert accepts before scoring."""
    intro = translate(
        "DeclarationPage",
        "本人{expert}受委托参加“{cycle}”专家评审，郑重承诺：",
    ).format(expert=expert, cycle=cycle)
    items = [
        translate(
            "DeclarationPage",
            "对评审中知悉的平台材料、附件、评审意见和评分结果严格保密，不以任何形式复制、"
            "泄露或向他人提供；",
        ),
        translate(
            "DeclarationPage",
            "不向被评审平台、依托单位及其他任何人透露评审情况和本人的评分；",
        ),
        translate(
            "DeclarationPage",
            "依据评分细则独立、客观、公正地评分，不受任何单位和个人的影响；",
        ),
        translate(
            "DeclarationPage",
            "与被评审平台或其依托单位存在任职、合作、亲属等利益关系的，主动申请回避并说明理由；",
        ),
        translate(
            "DeclarationPage",
            "评审结束后，按要求交回或删除评审包及其中的全部材料。",
        ),
    ]
    body = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f"<p>{escape(intro)}</p><ol style='margin-top:2px'>{body}</ol>"


class DeclarationPage(QWidget):
    """The pledge, a declaration per platform, and 确认并开始评审 (or, later, a summary)."""

    #: The expert confirmed; carries the list of DeclarationChange to store (maybe empty).
    confirmed = Signal(object)
    #: 继续评分 from the summary.
    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DeclarationPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.info: PackageInfo | None = None
        self.editing = True
        self.locked = False
        self.model = DeclarationModel(self)
        table = self.ui.declarationsTable
        table.setModel(self.model)
        table.setItemDelegate(RoomyItemDelegate(table))
        self.choice_delegate = DeclarationDelegate(table)
        table.setItemDelegateForColumn(DeclarationModel.DECLARATION, self.choice_delegate)
        table.installEventFilter(self)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(
            DeclarationModel.FILING, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(DeclarationModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DeclarationModel.HOST, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            DeclarationModel.DECLARATION, QHeaderView.ResizeMode.ResizeToContents
        )
        self.ui.titleLabel.setFont(scaled_font(self.ui.titleLabel, 1.4, bold=True))
        set_muted(self.ui.introLabel)
        self.ui.pledgeBrowser.document().setDocumentMargin(10)
        self.ui.buttonsLayout.setStretchFactor(self.ui.stateLabel, 1)
        self.model.edited.connect(self._update_state)
        self.model.conflict_declared.connect(self._ask_reason)
        self.ui.pledgeCheck.toggled.connect(self._on_pledge)
        self.ui.confirmButton.clicked.connect(self.confirm)
        self.ui.editButton.clicked.connect(self.edit)
        self.ui.continueButton.clicked.connect(self.continue_requested)
        self._update_state()

    # ------------------------------------------------------------------------- content

    def set_package(self, info: PackageInfo, works: Sequence[PlatformWork]) -> None:
        """The package's platforms and their stored declarations.

        With every platform declared the page shows a read-only summary; otherwise it asks.
        """
        self.info = info
        self.locked = info.locked
        rows = []
        for work in works:
            declared = work.declaration
            stored = (declared.conflict, declared.reason) if declared else None
            rows.append(
                DeclarationRow(
                    work.platform,
                    declared.conflict if declared else False,
                    declared.reason if declared else "",
                    stored,
                )
            )
        self.model.set_rows(rows)
        complete = all(r.stored is not None for r in rows)
        if complete:
            self.ui.pledgeCheck.setChecked(True)  # the declarations were confirmed with it
        self._set_editing(not complete)
        self._fit_columns()
        self._retranslate()

    def _fit_columns(self) -> None:
        """Names and host units as wide as they need, but never so wide that the choice or
        the reason runs off the table: on a narrow window they share what is left."""
        table = self.ui.declarationsTable
        metrics = table.fontMetrics()
        names = [r.platform.name for r in self.model.rows()]
        hosts = [r.platform.host_unit or "" for r in self.model.rows()]
        name = min(420, max((metrics.horizontalAdvance(n) for n in names), default=120) + 28)
        host = min(300, max((metrics.horizontalAdvance(h) for h in hosts), default=100) + 28)
        header = table.horizontalHeader()
        taken = header.sectionSize(DeclarationModel.FILING) + header.sectionSize(
            DeclarationModel.DECLARATION
        )
        room = table.viewport().width() - taken - metrics.averageCharWidth() * REASON_CHARACTERS
        if room > 0 and name + host > room:
            share = room / (name + host)
            name, host = max(80, int(name * share)), max(60, int(host * share))
        table.setColumnWidth(DeclarationModel.NAME, name)
        table.setColumnWidth(DeclarationModel.HOST, host)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The pledge takes at most a fifth of a low window; the declarations get the rest.
        self.ui.pledgeBrowser.setMaximumHeight(max(72, min(168, self.height() // 5)))
        self._fit_columns()

    @property
    def complete(self) -> bool:
        """Every platform has a stored declaration."""
        rows = self.model.rows()
        return bool(rows) and all(r.stored is not None for r in rows)

    def can_confirm(self) -> bool:
        """The pledge is ticked and every declared conflict has a reason."""
        rows = self.model.rows()
        return (
            self.editing
            and not self.locked
            and self.ui.pledgeCheck.isChecked()
            and bool(rows)
            and not any(r.missing_reason for r in rows)
        )

    def changes(self) -> list[DeclarationChange]:
        """The declarations that differ from those stored."""
        return [
            DeclarationChange(r.platform.id, r.conflict, r.reason.strip() if r.conflict else "")
            for r in self.model.rows()
            if r.changed
        ]

    def confirm(self) -> None:
        """确认并开始评审."""
        if not self.can_confirm():
            return
        self.confirmed.emit(self.changes())

    def edit(self) -> None:
        """修改声明: make the table editable again."""
        if self.locked:
            return
        self._set_editing(True)
        self.focus_table()

    def _set_editing(self, editing: bool) -> None:
        self.editing = editing
        self.model.set_read_only(not editing or self.locked)
        self.ui.pledgeCheck.setEnabled(editing and not self.locked)
        self._update_state()

    def set_locked(self, locked: bool) -> None:
        """A submitted sheet: declarations cannot change until it is reopened."""
        self.locked = locked
        self._set_editing(self.editing and not locked)

    def _on_pledge(self, ticked: bool) -> None:
        self._update_state()
        if ticked and self.editing and self.ui.pledgeCheck.hasFocus():
            self.focus_table()  # ticked from the keyboard: on to the declarations

    def _ask_reason(self, row: int) -> None:
        # After the check box's own event has finished: then the reason's editor opens.
        QTimer.singleShot(0, partial(self._edit_reason, row))

    def _edit_reason(self, row: int) -> None:
        table = self.ui.declarationsTable
        index = self.model.index(row, DeclarationModel.REASON)
        wanted = self.model.rows()[row] if index.isValid() else None
        if wanted is None or not wanted.conflict or wanted.reason:
            return
        table.selectionModel().setCurrentIndex(index, _ROW_SELECTION)
        table.setFocus()
        table.edit(index)

    # ---------------------------------------------------------------- keys and undo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        table = self.ui.declarationsTable
        if (
            watched is table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and table.state() != QAbstractItemView.State.EditingState
        ):
            current = table.currentIndex()
            if current.isValid() and not self.model.read_only:
                self.model.toggle(current.row())
                return True  # from any cell of the row, not only the declaration's
        return super().eventFilter(watched, event)

    @property
    def unconfirmed(self) -> bool:
        """Changed since it was shown and not confirmed (not stored: 确认 stores it)."""
        return self.editing and not self.model.undo_stack.isClean()

    def can_undo(self) -> bool:
        return self.editing and self.model.undo_stack.canUndo()

    def can_redo(self) -> bool:
        return self.editing and self.model.undo_stack.canRedo()

    def undo(self) -> str | None:
        """Ctrl+Z: take back the last choice or reason not confirmed yet; says what it was."""
        return self._step(undo=True)

    def redo(self) -> str | None:
        return self._step(undo=False)

    def _step(self, *, undo: bool) -> str | None:
        stack = self.model.undo_stack
        if not (self.can_undo() if undo else self.can_redo()):
            return None
        command = stack.command(stack.index() - 1 if undo else stack.index())
        text = stack.undoText() if undo else stack.redoText()
        if undo:
            stack.undo()
        else:
            stack.redo()
        if isinstance(command, DeclarationCommand):
            table = self.ui.declarationsTable
            table.selectionModel().setCurrentIndex(
                self.model.index(command.row, DeclarationModel.DECLARATION),
                _ROW_SELECTION,
            )
            table.setFocus()
        return text

    def focus_table(self) -> None:
        table = self.ui.declarationsTable
        table.setFocus()
        current = table.currentIndex()
        if self.model.rowCount() and current.column() != DeclarationModel.REASON:
            row = current.row() if current.isValid() else 0
            table.selectionModel().setCurrentIndex(
                self.model.index(row, DeclarationModel.DECLARATION),
                _ROW_SELECTION,
            )

    def focus_first(self) -> None:
        """Where the keyboard starts: the pledge box, or the table once it is ticked."""
        if self.editing and not self.ui.pledgeCheck.isChecked():
            self.ui.pledgeCheck.setFocus()
        elif self.editing:
            self.focus_table()
        else:
            self.ui.continueButton.setFocus()

    # -------------------------------------------------------------------------- state

    def state_text(self) -> str:
        rows = self.model.rows()
        conflicts = sum(1 for r in rows if r.conflict)
        counts = translate(
            "DeclarationPage", "无利益冲突 {none} 个，申请回避 {conflicts} 个"
        ).format(none=len(rows) - conflicts, conflicts=conflicts)
        if not self.editing:
            if self.locked:
                return translate(
                    "DeclarationPage", "已声明：{counts}。评分已提交并锁定，重新打开后可修改。"
                ).format(counts=counts)
            return translate("DeclarationPage", "已声明：{counts}。").format(counts=counts)
        if not self.ui.pledgeCheck.isChecked():
            return translate("DeclarationPage", "请先阅读并勾选保密承诺。")
        missing = sum(1 for r in rows if r.missing_reason)
        if missing:
            return counted(
                missing,
                translate("DeclarationPage", "还有 {n} 个申请回避的平台未填写理由。", "one"),
                translate("DeclarationPage", "还有 {n} 个申请回避的平台未填写理由。", "other"),
            )
        return translate("DeclarationPage", "{counts}。申请回避的平台不再列入评分。").format(
            counts=counts
        )

    def _update_state(self, *_args: object) -> None:
        editing = self.editing
        self.ui.confirmButton.setVisible(editing)
        self.ui.confirmButton.setEnabled(self.can_confirm())
        self.ui.confirmButton.setDefault(editing)
        self.ui.editButton.setVisible(not editing)
        self.ui.editButton.setEnabled(not self.locked)
        self.ui.continueButton.setVisible(not editing)
        text = self.state_text()
        self.ui.stateLabel.setText(text)
        problem = editing and not self.can_confirm()
        self.ui.stateLabel.setStyleSheet(f"color: {ERROR_COLOUR};" if problem else "")

    def _retranslate(self) -> None:
        info = self.info
        if info is None:
            self.ui.introLabel.setText("—")
            self.ui.pledgeBrowser.clear()
            return
        count = counted(
            len(self.model.rows()),
            translate("DeclarationPage", "{n} 个平台", "one"),
            translate("DeclarationPage", "{n} 个平台", "other"),
        )
        self.ui.introLabel.setText(
            translate(
                "DeclarationPage",
                "评审专家：{expert} · 考核周期：{cycle} · 分配给您评审的 {count}。"
                "开始评分前，请阅读保密承诺，并声明与各平台有无利益冲突。",
            ).format(expert=info.expert_name, cycle=info.cycle_name, count=count)
        )
        self.ui.pledgeBrowser.setHtml(pledge_html(info.expert_name, info.cycle_name))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.model.retranslate()
            self._retranslate()
        super().changeEvent(event)
