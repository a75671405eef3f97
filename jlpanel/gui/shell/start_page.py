"""The start page: the product's name, 新建 / 打开, and the recently opened workspaces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.settings import RecentFiles
from jlpanel.gui.common.table_support import AnyIndex
from jlpanel.gui.common.theme import MUTED, icon, scaled_font, set_muted
from jlpanel.gui.forms.ui_start_page import Ui_StartPage

#: The file's path (a Path) and whether it still exists.
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
EXISTS_ROLE = Qt.ItemDataRole.UserRole + 2
#: The second line under the name: the folder, or that the file is gone.
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3


class RecentFilesModel(QAbstractListModel):
    """The recent workspaces, newest first; a file that has gone is kept, greyed."""

    def __init__(self, recent: RecentFiles, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._recent = recent
        self._rows: list[tuple[Path, bool]] = []
        recent.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list and check which files still exist."""
        self.beginResetModel()
        self._rows = [(p, p.is_file()) for p in self._recent.paths()]
        self.endResetModel()

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        path, exists = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return path.name
        if role == DETAIL_ROLE:
            if exists:
                return str(path.parent)
            return translate("StartPage", "文件已不存在：{folder}").format(folder=path.parent)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == PATH_ROLE:
            return path
        if role == EXISTS_ROLE:
            return exists
        if role == Qt.ItemDataRole.ForegroundRole and not exists:
            return QColor(MUTED)
        return None


class RecentFileDelegate(QStyledItemDelegate):
    """Two lines per file: its name, then its folder in the muted colour."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, 2 * metrics.height() + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        text, option.text = option.text, ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        exists = bool(index.data(EXISTS_ROLE))
        palette: QPalette = option.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = main if selected else QColor(MUTED)
        rect: QRect = option.rect.adjusted(
            self.PADDING * 2, self.PADDING, -self.PADDING * 2, -self.PADDING
        )
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        painter.save()
        painter.setFont(option.font)
        painter.setPen(main if exists else muted)
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setPen(muted)
        detail = str(index.data(DETAIL_ROLE) or "")
        painter.drawText(
            QRect(rect.left(), rect.top() + line + 2, rect.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(detail, Qt.TextElideMode.ElideMiddle, rect.width()),
        )
        painter.restore()


class StartPage(QWidget):
    """What the window shows with no workspace open."""

    new_requested = Signal()
    open_requested = Signal()
    #: 连接服务器…: a store on the department's PostgreSQL server.
    server_requested = Signal()
    #: 打开演示考核周期.
    demo_requested = Signal()
    #: A recent file was chosen (double-click or Enter).
    recent_chosen = Signal(Path)

    def __init__(self, recent: RecentFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_StartPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.recent = recent
        self._demo_folder: Path | None = None
        self.model = RecentFilesModel(recent, self)
        self.ui.recentList.setModel(self.model)
        self.ui.recentList.setItemDelegate(RecentFileDelegate(self.ui.recentList))
        self.ui.titleLabel.setFont(scaled_font(self.ui.titleLabel, 2.0, bold=True))
        self.ui.subtitleLabel.setFont(scaled_font(self.ui.subtitleLabel, 1.1))
        set_muted(self.ui.subtitleLabel)
        set_muted(self.ui.emptyLabel)
        self.ui.recentLabel.setFont(scaled_font(self.ui.recentLabel, 1.1, bold=True))
        set_muted(self.ui.demoHintLabel)
        for button in (self.ui.newButton, self.ui.openButton, self.ui.demoButton):
            button.setFont(scaled_font(button, 1.2))
            # Enter presses the button that has the focus, as in a dialog.
            button.setAutoDefault(True)
        self.ui.newButton.setIcon(icon("document-new"))
        self.ui.openButton.setIcon(icon("document-open"))
        self.ui.demoButton.setIcon(icon("app"))
        self.ui.newButton.clicked.connect(self.new_requested)
        self.ui.openButton.clicked.connect(self.open_requested)
        self.ui.demoButton.clicked.connect(self.demo_requested)
        self.ui.serverButton.setIcon(icon("network-server"))
        self.ui.serverButton.clicked.connect(self.server_requested)
        self.ui.recentList.activated.connect(self._on_activated)

        # Delete forgets the current file; both are also on the list's context menu.
        self.remove_action = QAction(self.ui.recentList)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_current)
        self.clear_action = QAction(self.ui.recentList)
        self.clear_action.triggered.connect(recent.clear)
        self.ui.recentList.addAction(self.remove_action)
        self.ui.recentList.addAction(self.clear_action)
        self.ui.recentList.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._retranslate()
        self.model.modelReset.connect(self._update_empty)
        self._update_empty()

    def refresh(self) -> None:
        """Check again which recent files exist (called whenever the page is shown)."""
        self.model.refresh()

    def set_demo_folder(self, folder: Path) -> None:
        """Say under the demo button where the demo lives (so its score files can be found)."""
        self._demo_folder = folder
        self._retranslate()

    @property
    def first_run(self) -> bool:
        """No workspace has been opened yet: the demo is the most prominent choice."""
        return self.model.rowCount() == 0

    def remove_current(self) -> None:
        """Forget the current file of the list (the file itself is left alone)."""
        path = self.ui.recentList.currentIndex().data(PATH_ROLE)
        if isinstance(path, Path):
            row = self.ui.recentList.currentIndex().row()
            self.recent.remove(path)
            if self.model.rowCount():
                self.ui.recentList.setCurrentIndex(
                    self.model.index(min(row, self.model.rowCount() - 1))
                )

    def _retranslate(self) -> None:
        self.remove_action.setText(translate("StartPage", "从列表中移除(&R)"))
        self.clear_action.setText(translate("StartPage", "清除列表(&C)"))
        hint = translate(
            "StartPage",
            "演示考核周期：虚构的 24 个平台、7 位专家，专家的评分文件已备好，"
            "可直接练习合并评分与生成报告。",
        )
        if self._demo_folder is not None:
            hint += "\n" + translate("StartPage", "演示数据保存在：{folder}").format(
                folder=self._demo_folder
            )
        self.ui.demoHintLabel.setText(hint)

    def _on_activated(self, index: QModelIndex) -> None:
        path = index.data(PATH_ROLE)
        if isinstance(path, Path):
            self.recent_chosen.emit(path)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.ui.recentList.setVisible(not empty)
        self.ui.emptyLabel.setVisible(empty)
        # First run: the demo is the default choice (Enter opens it) and has the focus.
        self.ui.demoButton.setDefault(empty)
        if not empty and not self.ui.recentList.currentIndex().isValid():
            # Current (so Enter opens it once the list has focus) but not highlighted.
            self.ui.recentList.selectionModel().setCurrentIndex(
                self.model.index(0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first_run:
            self.ui.demoButton.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            # Later runs: Enter reopens the most recent workspace.
            self.ui.recentList.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate()
            self.model.retranslate()
        super().changeEvent(event)
