"""The open workspace: the cycle's header, its platforms, its rubric browser and its rules."""

from __future__ import annotations

import dataclasses
import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QWidget

from jlpanel.gui.common import formatting
from jlpanel.gui.common.crash import report_exception, show_user_error
from jlpanel.gui.common.dossier_view import DossierView
from jlpanel.gui.common.eliding import ElideToWidth
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.rubric_detail import detail_html, placeholder_html
from jlpanel.gui.common.rubric_model import Column, RubricTreeModel
from jlpanel.gui.common.rules_model import RulesTableModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import (
    RoomyItemDelegate,
    WrappingItemDelegate,
    scaled_font,
    set_muted,
)
from jlpanel.gui.forms.ui_workspace_view import Ui_WorkspaceView
from jlpanel.gui.secretary.secretary_view import DiscussionPage, ResultsPage, ScoresSummaryPage
from jlpanel.gui.shell.header_row import PriorityRow
from jlpanel.gui.staff.experts_view import ExpertsView
from jlpanel.gui.staff.platform_list import PlatformListView
from jlpanel.services.errors import UserError

if TYPE_CHECKING:  # the services pull in SQLAlchemy, which the start page must not wait for
    from jlpanel.domain.dossier import Finding
    from jlpanel.services.dossiers import PlatformSummary
    from jlpanel.services.workspace import CycleInfo, Workspace

log = logging.getLogger(__name__)


def _list_platforms(workspace: Workspace) -> list[PlatformSummary]:
    from jlpanel.services.dossiers import list_platforms

    return list_platforms(workspace)


def _text_width(text: ElideToWidth) -> int:
    """The width an elided label needs to show its whole text."""
    margins = text.label.contentsMargins()
    return (
        text.label.fontMetrics().horizontalAdvance(text.full) + 2 + margins.left() + margins.right()
    )


class WorkspaceView(QWidget):
    """What the window shows while a cycle workspace is open."""

    #: The platform list has been (re)read; carries how many platforms there are.
    platforms_refreshed = Signal(int)
    #: The dossier browser now shows this platform.
    platform_opened = Signal(int)
    #: The platform list is shown again.
    list_shown = Signal()
    import_requested = Signal()
    template_requested = Signal()
    #: A sentence for the status bar (from the secretary's pages).
    status = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WorkspaceView()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._lay_out_header()
        self.info: CycleInfo | None = None
        self.path: Path | str | None = None
        self.workspace: Workspace | None = None
        self._refresh_generation = 0

        self.platform_list = PlatformListView(self.ui.platformStack)
        self.dossier_view = DossierView(self.ui.platformStack)
        self.ui.platformStack.addWidget(self.platform_list)
        self.ui.platformStack.addWidget(self.dossier_view)
        self.platform_list.open_requested.connect(self.open_platform)
        self.platform_list.import_requested.connect(self.import_requested)
        self.platform_list.template_requested.connect(self.template_requested)
        self.dossier_view.back_requested.connect(self.show_list)
        self.experts_view = ExpertsView(self.ui.expertsTab)
        self.ui.expertsTabLayout.addWidget(self.experts_view)
        self.experts_view.refreshed.connect(self._on_experts_refreshed)
        # The panel secretary's pages, after 专家: 评分汇总 · 讨论与共识 · 考核结果.
        self.summary_page = ScoresSummaryPage()
        self.discussion_page = DiscussionPage()
        self.results_page = ResultsPage()
        at = self.ui.tabs.indexOf(self.ui.expertsTab) + 1
        for n, page in enumerate(self.secretary_pages()):
            self.ui.tabs.insertTab(at + n, page, "")
            page.changed.connect(partial(self._on_secretary_changed, page))
            page.status_message.connect(self.status)
        self._retranslate_secretary_tabs()
        self.ui.platformStack.currentChanged.connect(self._fit_header)
        self.ui.tabs.currentChanged.connect(self._fit_header)

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
        spreadsheet(tree, sort=False, export_name=lambda: translate("WorkspaceView", "评分细则"))

        self.rules_model = RulesTableModel(self)
        table = self.ui.rulesTable
        table.setModel(self.rules_model)
        table.verticalHeader().hide()
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setItemDelegate(RoomyItemDelegate(table))
        # the explanations wrap (in English most need two lines at 150 %), never cut with …
        table.setItemDelegateForColumn(RulesTableModel.MEANING, WrappingItemDelegate(table))
        rules_header = table.horizontalHeader()
        rules_header.setSectionResizeMode(
            RulesTableModel.RULE, QHeaderView.ResizeMode.ResizeToContents
        )
        rules_header.setSectionResizeMode(
            RulesTableModel.SETTING, QHeaderView.ResizeMode.ResizeToContents
        )
        rules_header.setSectionResizeMode(RulesTableModel.MEANING, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        spreadsheet(table, export_name=lambda: translate("WorkspaceView", "考核规则"))

        self.ui.rubricSplitter.setStretchFactor(0, 2)
        self.ui.rubricSplitter.setStretchFactor(1, 3)
        self.ui.detailBrowser.setHtml(placeholder_html())

    def _lay_out_header(self) -> None:
        """The cycle on one line above the tabs, so the tables get the height: name, period,
        counts, rubric, and the file at the right. Short of width, the rubric and the path
        are cut first (in the middle for the path), the name last; each whole in its tip."""
        ui = self.ui
        ui.cycleNameLabel.setFont(scaled_font(ui.cycleNameLabel, 1.2, bold=True))
        self._name_text = ElideToWidth(ui.cycleNameLabel)
        self._rubric_text = ElideToWidth(ui.rubricLabel)
        self._path_text = ElideToWidth(ui.pathLabel, Qt.TextElideMode.ElideMiddle)
        row = self._header_row = PriorityRow(ui.headerFrame)
        row.setContentsMargins(10, 5, 10, 5)
        labels = (
            ui.cycleNameLabel,
            ui.periodLabel,
            ui.countsLabel,
            ui.rubricLabel,
            ui.pathLabel,
        )
        for label in labels:
            row.addWidget(label)
        name, period, counts, rubric, path = range(len(labels))
        for n, text in (
            (name, self._name_text),
            (rubric, self._rubric_text),
            (path, self._path_text),
        ):
            row.wanted[n] = partial(_text_width, text)
        row.groups = [[name], [counts], [period], [rubric, path]]
        row.right = path
        policy = ui.headerFrame.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)  # one line, never taller
        ui.headerFrame.setSizePolicy(policy)

    # -------------------------------------------------------------------------- content

    def show_cycle(
        self, info: CycleInfo, path: Path | str, workspace: Workspace | None = None
    ) -> None:
        """Show the cycle of the workspace at ``path`` (a file, or a server's store named
        without its password; ``workspace`` is it, open)."""
        self.info = info
        self.path = path
        self.workspace = workspace
        self.rubric_model.set_rubric(info.rubric)
        self.rules_model.set_rules(info.rules, info.rubric, info.language)
        self.ui.rubricTree.expandAll()
        self.dossier_view.set_context(workspace, info.rubric)
        self.experts_view.set_workspace(workspace)
        for page in self.secretary_pages():
            page.set_workspace(workspace, load=False)  # read when first shown
        self.ui.platformStack.setCurrentWidget(self.platform_list)
        self.ui.tabs.setCurrentWidget(self.ui.platformsTab)
        self._refresh_header()
        self.refresh_platforms()
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
        self.workspace = None
        self._refresh_generation += 1
        self.dossier_view.set_context(None, None)
        self.experts_view.set_workspace(None)
        for page in self.secretary_pages():
            page.set_workspace(None, load=False)
        self.platform_list.clear()
        self.ui.platformStack.setCurrentWidget(self.platform_list)
        self.rubric_model.set_rubric(None)
        self.rules_model.set_rules(None, None)
        self.ui.detailBrowser.setHtml(placeholder_html())
        for label in (self.ui.periodLabel, self.ui.countsLabel):
            label.setText("—")
        for text in (self._name_text, self._path_text, self._rubric_text):
            text.set_text("—")
        self._header_row.invalidate()

    # ------------------------------------------------------------------------ platforms

    def refresh_platforms(self, *, then_select: int | None = None) -> None:
        """Re-read the platform list in the background."""
        if self.workspace is None:
            self.platform_list.set_platforms([])
            return
        self._refresh_generation += 1
        run_task(
            partial(_list_platforms, self.workspace),
            partial(self._on_platforms, self._refresh_generation, then_select),
            partial(self._on_platforms_failed, self._refresh_generation),
        )

    def _on_platforms(
        self, generation: int, then_select: int | None, platforms: list[PlatformSummary]
    ) -> None:
        if generation != self._refresh_generation:
            return
        self.platform_list.set_platforms(platforms)
        if then_select is not None:
            self.platform_list.select_platform(then_select)
        if self.info is not None and self.info.platform_count != len(platforms):
            self.info = dataclasses.replace(self.info, platform_count=len(platforms))
            self._refresh_header()
        self.platforms_refreshed.emit(len(platforms))

    def _on_platforms_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._refresh_generation:
            return
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            report_exception(exc, self)

    def open_platform(self, platform_id: int, tab: str = "") -> None:
        """Show a platform's dossier in place of the list."""
        if self.workspace is None:
            return
        row = self.platform_list.model.row_of(platform_id)
        summary = self.platform_list.model.platform(row) if row >= 0 else None
        self.ui.tabs.setCurrentWidget(self.ui.platformsTab)
        self.ui.platformStack.setCurrentWidget(self.dossier_view)
        self.dossier_view.show_platform(platform_id, summary, tab=tab)
        self.dossier_view.focus_content()
        if row < 0:  # listed after an import still being read: pick it when it arrives
            self.refresh_platforms(then_select=platform_id)
        else:
            self.platform_list.select_platform(platform_id)
        self.platform_opened.emit(platform_id)

    def open_finding(self, platform_id: int, finding: Finding) -> None:
        """Show a platform's dossier at the sheet and row a finding names."""
        self.open_platform(platform_id)
        self.dossier_view.go_to_finding(finding)

    def show_list(self) -> None:
        """Back from the dossier browser to the platform list."""
        self.ui.tabs.setCurrentWidget(self.ui.platformsTab)
        self.ui.platformStack.setCurrentWidget(self.platform_list)
        if self.dossier_view.platform_id is not None:
            self.platform_list.select_platform(self.dossier_view.platform_id)
        self.platform_list.focus_table()
        self.list_shown.emit()

    def _on_experts_refreshed(self, count: int) -> None:
        for page in self.secretary_pages():  # assignments or conflicts may have changed
            page.stale = True
        if self.info is not None and self.info.expert_count != count:
            self.info = dataclasses.replace(self.info, expert_count=count)
            self._refresh_header()

    def show_experts(self) -> None:
        """The 专家 tab."""
        self.ui.tabs.setCurrentWidget(self.ui.expertsTab)

    def _fit_header(self, *_args: object) -> None:
        # The dossier browser needs the rows more than the cycle needs its header (the
        # window title still names the cycle); 1366×768 shows six more rows without it.
        self.ui.headerFrame.setVisible(not self.browsing_dossier())

    def browsing_dossier(self) -> bool:
        """Whether the dossier browser is showing."""
        return (
            self.ui.tabs.currentWidget() is self.ui.platformsTab
            and self.ui.platformStack.currentWidget() is self.dossier_view
        )

    def focus_search(self) -> None:
        """Show the platform list and put the cursor in its search box."""
        if self.workspace is None:
            return
        self.ui.tabs.setCurrentWidget(self.ui.platformsTab)
        self.ui.platformStack.setCurrentWidget(self.platform_list)
        self.platform_list.focus_search()

    def focus_platforms(self) -> None:
        """Keyboard focus on the platform list (or its empty-state buttons)."""
        self.ui.tabs.setCurrentWidget(self.ui.platformsTab)
        if self.browsing_dossier():
            self.dossier_view.focus_content()
        else:
            self.platform_list.focus_table()

    # --------------------------------------------------------------------------- rubric

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
        self._name_text.set_text(info.name)
        self.ui.periodLabel.setText(
            translate("WorkspaceView", "考核期：{start} 至 {end}").format(
                start=formatting.date(info.period_start), end=formatting.date(info.period_end)
            )
        )
        rubric = translate("WorkspaceView", "评分细则：{name}（版本 {version}）").format(
            name=info.rubric.name.get(lang), version=info.rubric.version
        )
        self._rubric_text.set_text(rubric)
        platforms = counted(
            info.platform_count,
            translate("WorkspaceView", "{n} 个平台", "one"),
            translate("WorkspaceView", "{n} 个平台", "other"),
        )
        experts = counted(
            info.expert_count,
            translate("WorkspaceView", "{n} 位专家", "one"),
            translate("WorkspaceView", "{n} 位专家", "other"),
        )
        self.ui.countsLabel.setText(
            translate("WorkspaceView", "{platforms} · {experts}").format(
                platforms=platforms, experts=experts
            )
        )
        # Cut to the width there is (a path in the middle: its folder's start and the file
        # name stay), never setting the window's minimum width past a laptop at 150 %.
        self._path_text.set_text(str(self.path) if self.path else "")
        self._header_row.invalidate()  # the texts' widths changed

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_detail(current)

    def _show_detail(self, index: QModelIndex) -> None:
        rubric = self.rubric_model.rubric
        if rubric is None:
            self.ui.detailBrowser.setHtml(placeholder_html())
            return
        self.ui.detailBrowser.setHtml(detail_html(self.rubric_model.node(index), rubric))

    # ------------------------------------------------------------------- the secretary

    def secretary_pages(self) -> tuple[ScoresSummaryPage, DiscussionPage, ResultsPage]:
        return (self.summary_page, self.discussion_page, self.results_page)

    def _retranslate_secretary_tabs(self) -> None:
        tabs = self.ui.tabs
        tabs.setTabText(tabs.indexOf(self.summary_page), translate("WorkspaceView", "评分汇总"))
        tabs.setTabText(
            tabs.indexOf(self.discussion_page), translate("WorkspaceView", "讨论与共识")
        )
        tabs.setTabText(tabs.indexOf(self.results_page), translate("WorkspaceView", "考核结果"))

    def _on_secretary_changed(self, source: QWidget) -> None:
        """A merge, an adjustment or new rules: the other pages reload when next shown."""
        for page in self.secretary_pages():
            if page is not source:
                page.stale = True
                if page.isVisible():
                    page.reload_in_background()
        if self.workspace is not None:
            self.info = self.workspace.cycle_info()
            self.rules_model.set_rules(self.info.rules, self.info.rubric, self.info.language)

    def set_report_language(self, language: str) -> None:
        """The cycle's report language was changed (and stored): show the new one."""
        if self.info is not None and self.info.language != language:
            self.info = dataclasses.replace(self.info, language=language)
            self.rules_model.set_rules(self.info.rules, self.info.rubric, language)

    def show_summary(self) -> None:
        """The 评分汇总 tab."""
        self.ui.tabs.setCurrentWidget(self.summary_page)

    def show_discussion(self) -> None:
        """The 讨论与共识 tab."""
        self.ui.tabs.setCurrentWidget(self.discussion_page)

    def show_results(self) -> None:
        """The 考核结果 tab."""
        self.ui.tabs.setCurrentWidget(self.results_page)

    def show_rubric(self) -> None:
        """The 评分细则 tab."""
        self.ui.tabs.setCurrentWidget(self.ui.rubricTab)

    def show_rules(self) -> None:
        """The 考核规则 tab."""
        self.ui.tabs.setCurrentWidget(self.ui.rulesTab)

    def focus_current_tab(self) -> None:
        """Keyboard focus on the first control of the tab shown (after a tab's shortcut)."""
        page = self.ui.tabs.currentWidget()
        focused = self.focusWidget()
        if page is None or (focused is not None and page.isAncestorOf(focused)):
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page and page.isAncestorOf(widget):
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.ui.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def merge_scores(self) -> QWidget | None:
        """评分汇总 with 合并评分文件 open."""
        self.show_summary()
        dialog: QWidget | None = self.summary_page.open_merge_dialog()
        return dialog

    def detail_text(self) -> str:
        """The detail pane as plain text (what a reader sees)."""
        return self.ui.detailBrowser.toPlainText()

    # ------------------------------------------------------------------------ language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate_secretary_tabs()
            self.rubric_model.retranslate()
            self.rules_model.retranslate()
            self._refresh_header()
            self._show_detail(self.ui.rubricTree.currentIndex())
        super().changeEvent(event)
