"""回避与保密声明: the confidentiality pledge and a declaration on every assigned platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QWidget

from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.table_support import AnyIndex
from jlpanel.gui.common.theme import MUTED, RoomyItemDelegate, scaled_font, set_muted
from jlpanel.gui.forms.ui_declaration_page import Ui_DeclarationPage

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.review import PackageInfo, PlatformEntry, PlatformWork


ERROR_COLOUR = "#b3261e"
CONFLICT_COLOUR = "#8a5a00"


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


class DeclarationModel(QAbstractTableModel):
    """备案编号 · 平台名称 · 依托单位 · 声明 (checkable: 申请回避) · 回避理由 (editable)."""

    FILING, NAME, HOST, DECLARATION, REASON = range(5)
    COLUMNS = 5

    #: A declaration was ticked or a reason typed.
    edited = Signal()
    #: Row ``n`` was just declared a conflict (its reason is wanted next).
    conflict_declared = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeclarationRow] = []
        self.read_only = False

    def set_rows(self, rows: Sequence[DeclarationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[DeclarationRow]:
        return list(self._rows)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1)
            )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.FILING: translate("DeclarationPage", "备案编号"),
            self.NAME: translate("DeclarationPage", "平台名称"),
            self.HOST: translate("DeclarationPage", "依托单位"),
            self.DECLARATION: translate("DeclarationPage", "声明"),
            self.REASON: translate("DeclarationPage", "回避理由"),
        }.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.read_only:
            return flags
        row = self._rows[index.row()]
        if index.column() == self.DECLARATION:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.REASON and row.conflict:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
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
                return translate("DeclarationPage", "空格键：在“无利益冲突”和“申请回避”之间切换")
            if column == self.REASON and row.conflict:
                return row.reason or None
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DECLARATION:
            return Qt.CheckState.Checked if row.conflict else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.REASON and row.missing_reason:
                return QBrush(QColor(ERROR_COLOUR))
            if column == self.DECLARATION and row.conflict:
                return QBrush(QColor(CONFLICT_COLOUR))
            if column == self.FILING:
                return QBrush(QColor(MUTED))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.read_only:
            return False
        row = self._rows[index.row()]
        column = index.column()
        if column == self.DECLARATION and role == Qt.ItemDataRole.CheckStateRole:
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
            newly = state == Qt.CheckState.Checked and not row.conflict
            row.conflict = state == Qt.CheckState.Checked
            if newly and not row.reason:
                self.conflict_declared.emit(index.row())
        elif column == self.REASON and role == Qt.ItemDataRole.EditRole and row.conflict:
            row.reason = str(value or "").strip()
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.COLUMNS - 1))
        self.edited.emit()
        return True

    def set_conflict(self, row: int, conflict: bool, reason: str = "") -> None:
        """Declare row ``row`` (as the table would)."""
        state = Qt.CheckState.Checked if conflict else Qt.CheckState.Unchecked
        self.setData(self.index(row, self.DECLARATION), state, Qt.ItemDataRole.CheckStateRole)
        if conflict and reason:
            self.setData(self.index(row, self.REASON), reason)


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
        # The check box column: Qt's own delegate draws the box beside the words.
        table.setItemDelegateForColumn(DeclarationModel.DECLARATION, QStyledItemDelegate(table))
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
        table = self.ui.declarationsTable
        metrics = table.fontMetrics()
        names = [r.platform.name for r in self.model.rows()]
        hosts = [r.platform.host_unit or "" for r in self.model.rows()]
        table.setColumnWidth(
            DeclarationModel.NAME,
            min(420, max((metrics.horizontalAdvance(n) for n in names), default=120) + 28),
        )
        table.setColumnWidth(
            DeclarationModel.HOST,
            min(300, max((metrics.horizontalAdvance(h) for h in hosts), default=100) + 28),
        )

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
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        table.setFocus()
        table.edit(index)

    def focus_table(self) -> None:
        table = self.ui.declarationsTable
        table.setFocus()
        current = table.currentIndex()
        if self.model.rowCount() and current.column() != DeclarationModel.REASON:
            row = current.row() if current.isValid() else 0
            table.selectionModel().setCurrentIndex(
                self.model.index(row, DeclarationModel.DECLARATION),
                QItemSelectionModel.SelectionFlag.ClearAndSelect,
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
