"""The open workspace: the cycle's header, its rubric browser and its rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from jlpanel.gui import formatting
from jlpanel.gui.forms.ui_workspace_view import Ui_WorkspaceView
from jlpanel.gui.i18n import current_language, translate
from jlpanel.gui.rubric_detail import detail_html, placeholder_html
from jlpanel.gui.rubric_model import Column, RubricTreeModel
from jlpanel.gui.rules_model import RulesTableModel
from jlpanel.gui.theme import RoomyItemDelegate, scaled_font, set_muted

if TYPE_CHECKING:  # the services pull in SQLAlchemy, which the start page must not wait for
    from jlpanel.services.workspace import CycleInfo


class WorkspaceView(QWidget):
    """What the window shows while a cycle workspace is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WorkspaceView()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.info: CycleInfo | None = None
        self.path: Path | None = None

        self.ui.cycleNameLabel.setFont(scaled_font(self.ui.cycleNameLabel, 1.6, bold=True))
        for label in (
            self.ui.periodLabel,
            self.ui.rubricLabel,
            self.ui.countsLabel,
            self.ui.pathLabel,
        ):
            set_muted(label)
        set_muted(self.ui.rulesIntroLabel)

        self.rubric_model = RubricTreeModel(self)
        tree = self.ui.rubricTree
        tree.setModel(self.rubric_model)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        tree.setItemDelegate(RoomyItemDelegate(tree, pad_y=2))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.MAX, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.STEP, QHeaderView.ResizeMode.ResizeToContents)
        tree.selectionModel().currentChanged.connect(self._on_current_changed)

        self.rules_model = RulesTableModel(self)
        table = self.ui.rulesTable
        table.setModel(self.rules_model)
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setItemDelegate(RoomyItemDelegate(table))
        rules_header = table.horizontalHeader()
        rules_header.setSectionResizeMode(
            RulesTableModel.RULE, QHeaderView.ResizeMode.ResizeToContents
        )
        rules_header.setSectionResizeMode(
            RulesTableModel.SETTING, QHeaderView.ResizeMode.ResizeToContents
        )
        rules_header.setSectionResizeMode(RulesTableModel.MEANING, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.ui.rubricSplitter.setStretchFactor(0, 2)
        self.ui.rubricSplitter.setStretchFactor(1, 3)
        self.ui.detailBrowser.setHtml(placeholder_html())

    # -------------------------------------------------------------------------- content

    def show_cycle(self, info: CycleInfo, path: Path) -> None:
        """Show the cycle of the workspace at ``path``."""
        self.info = info
        self.path = path
        self.rubric_model.set_rubric(info.rubric)
        self.rules_model.set_rules(info.rules, info.rubric)
        self.ui.rubricTree.expandAll()
        self.ui.tabs.setCurrentWidget(self.ui.rubricTab)
        self._refresh_header()
        first = self.rubric_model.index(0, 0)
        if first.isValid():
            self.ui.rubricTree.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.ui.detailBrowser.setHtml(placeholder_html())

    def clear(self) -> None:
        """Forget the cycle (the workspace was closed)."""
        self.info = None
        self.path = None
        self.rubric_model.set_rubric(None)
        self.rules_model.set_rules(None, None)
        self.ui.detailBrowser.setHtml(placeholder_html())
        for label in (
            self.ui.cycleNameLabel,
            self.ui.periodLabel,
            self.ui.rubricLabel,
            self.ui.countsLabel,
            self.ui.pathLabel,
        ):
            label.setText("—")

    def select_code(self, code: str) -> bool:
        """Make the row with ``code`` current (as if the user had moved to it)."""
        index = self.rubric_model.find(code)
        if not index.isValid():
            return False
        self.ui.rubricTree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.ui.rubricTree.scrollTo(index)
        return True

    def current_code(self) -> str:
        """The code of the row the tree's cursor is on ("" for none or a group row)."""
        node = self.rubric_model.node(self.ui.rubricTree.currentIndex())
        return node.code if node else ""

    def _refresh_header(self) -> None:
        info = self.info
        if info is None:
            return
        lang = current_language()
        self.ui.cycleNameLabel.setText(info.name)
        self.ui.periodLabel.setText(
            translate("WorkspaceView", "考核期：{start} 至 {end}").format(
                start=formatting.date(info.period_start), end=formatting.date(info.period_end)
            )
        )
        self.ui.rubricLabel.setText(
            translate("WorkspaceView", "评分细则：{name}（版本 {version}）").format(
                name=info.rubric.name.get(lang), version=info.rubric.version
            )
        )
        platforms = translate("WorkspaceView", "%n 个平台", None, info.platform_count)
        experts = translate("WorkspaceView", "%n 位专家", None, info.expert_count)
        self.ui.countsLabel.setText(
            translate("WorkspaceView", "{platforms} · {experts}").format(
                platforms=platforms, experts=experts
            )
        )
        self.ui.pathLabel.setText(str(self.path) if self.path else "")
        self.ui.pathLabel.setToolTip(str(self.path) if self.path else "")

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(current)

    def _show_detail(self, index: QModelIndex) -> None:
        rubric = self.rubric_model.rubric
        if rubric is None:
            self.ui.detailBrowser.setHtml(placeholder_html())
            return
        self.ui.detailBrowser.setHtml(detail_html(self.rubric_model.node(index), rubric))

    def detail_text(self) -> str:
        """The detail pane as plain text (what a reader sees)."""
        return self.ui.detailBrowser.toPlainText()

    # ------------------------------------------------------------------------ language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.rubric_model.retranslate()
            self.rules_model.retranslate()
            self._refresh_header()
            self._show_detail(self.ui.rubricTree.currentIndex())
        super().changeEvent(event)
