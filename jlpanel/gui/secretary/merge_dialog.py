"""合并评分文件: drop score files or a folder, merge them off the GUI thread with progress and
cancel, then one result per file with its findings (the import dialog's pattern)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.dossier_models import FindingsModel
from jlpanel.gui.common.geometry import resize_to_fit
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.task_dialog import TaskDialog, select_row, setup_findings_table
from jlpanel.gui.common.theme import (
    DONE,
    MUTED,
    TEXT,
    WARN,
    RoomyItemDelegate,
    icon,
    scaled_font,
    set_muted,
)

if TYPE_CHECKING:
    from jlpanel.domain.dossier import Finding
    from jlpanel.services.merge import MergeOutcome
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

#: Each state: its icon (a distinct shape) and colour.
MERGE_STATUS_LOOK: dict[str, tuple[str, str]] = {
    "merged": ("status-imported", DONE),
    "superseded": ("status-replaced", MUTED),
    "unchanged": ("status-exists", MUTED),
    "refused": ("status-refused", WARN),
    "cancelled": ("status-cancelled", MUTED),
}

#: Findings that only explain a harmless result: the same file merged before (无变化), and a
#: revision older than the one merged (已被第 N 版取代). Neither is a problem to deal with.
HARMLESS_FINDINGS = frozenset({"merge.already_merged", "merge.stale_revision"})


def merge_state(outcome: MergeOutcome) -> str:
    """merged, superseded (a newer revision stands in its place), unchanged, refused or
    cancelled."""
    return "superseded" if outcome.superseded_by is not None else outcome.status.value


def merge_status_text(outcome: MergeOutcome) -> str:
    """A file's result in words: 已合并, 已被第 N 版取代, 无变化, 被拒绝, 已取消."""
    state = merge_state(outcome)
    if state == "superseded":
        return translate("MergeDialog", "已被第 {n} 版取代").format(n=outcome.superseded_by)
    return {
        "merged": translate("MergeDialog", "已合并"),
        "unchanged": translate("MergeDialog", "无变化"),
        "refused": translate("MergeDialog", "被拒绝"),
        "cancelled": translate("MergeDialog", "已取消"),
    }.get(state, state)


def problems(outcome: MergeOutcome) -> tuple[Finding, ...]:
    """The findings of a file that need attention (the harmless explanations left out)."""
    return tuple(f for f in outcome.findings if f.code not in HARMLESS_FINDINGS)


def problem_count(outcomes: Sequence[MergeOutcome]) -> int:
    """How many files have a problem to deal with."""
    return sum(1 for o in outcomes if problems(o))


def merge_summary(outcomes: Sequence[MergeOutcome]) -> str:
    """已合并 N 个，已被取代 S 个，无变化 M 个，未合并 K 个 (the zero counts after the first left
    out), then the files with problems."""
    states = [merge_state(o) for o in outcomes]
    merged = states.count("merged")
    superseded = states.count("superseded")
    unchanged = states.count("unchanged")
    parts = [translate("MergeDialog", "已合并 {n} 个").format(n=merged)]
    if superseded:
        parts.append(translate("MergeDialog", "已被取代 {n} 个").format(n=superseded))
    if unchanged:
        parts.append(translate("MergeDialog", "无变化 {n} 个").format(n=unchanged))
    other = len(states) - merged - superseded - unchanged
    if other:
        parts.append(translate("MergeDialog", "未合并 {n} 个").format(n=other))
    count = problem_count(outcomes)
    tail = (
        counted(
            count,
            translate("MergeDialog", "{n} 个文件有问题", "one"),
            translate("MergeDialog", "{n} 个文件有问题", "other"),
        )
        if count
        else translate("MergeDialog", "没有需要处理的问题")
    )
    return translate("MergeDialog", "，").join(parts) + translate("MergeDialog", "；") + tail


def _count(findings: Sequence[Finding], severity: str) -> str:
    return str(sum(1 for f in findings if f.severity.value == severity))


def _results_columns() -> list[Column[MergeOutcome]]:
    return [
        Column(
            lambda: translate("MergeDialog", "文件"),
            lambda o: o.path.name,
            tooltip=lambda o: str(o.path),
        ),
        Column(
            lambda: translate("MergeDialog", "结果"),
            merge_status_text,
            colour=lambda o: MERGE_STATUS_LOOK.get(merge_state(o), ("", TEXT))[1],
            icon=lambda o: MERGE_STATUS_LOOK.get(merge_state(o), ("status-cancelled", ""))[0],
        ),
        Column(lambda: translate("MergeDialog", "专家"), lambda o: o.expert_name or "—"),
        Column(
            lambda: translate("MergeDialog", "版本"),
            lambda o: "—" if o.revision is None else str(o.revision),
            numeric=True,
        ),
        Column(
            lambda: translate("MergeDialog", "平台数"),
            lambda o: str(o.platforms) if o.status.value == "merged" else "—",
            numeric=True,
        ),
        Column(
            lambda: translate("MergeDialog", "错误"),
            lambda o: _count(problems(o), "error"),
            numeric=True,
        ),
        Column(
            lambda: translate("MergeDialog", "提示"),
            lambda o: _count(problems(o), "warning"),
            numeric=True,
        ),
    ]


class MergeDialog(TaskDialog):
    """合并评分文件: the files, then progress with 取消, then a result per file."""

    folder_key = "merge/lastFolder"

    #: One merge finished; carries its outcomes.
    merged = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._paths: list[Path] = []
        self.setAcceptDrops(True)

        self.pages = QStackedWidget(self)
        # choose
        self.choosePage = QWidget()
        self.hintLabel = QLabel()
        self.hintLabel.setWordWrap(True)
        # drops anywhere on the dialog (the list accepts none itself, so they reach it)
        self.filesList = QListWidget()
        self.filesList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.addFilesButton = QPushButton(icon("document-open"), "")
        self.addFolderButton = QPushButton(icon("folder-open"), "")
        self.removeButton = QPushButton()
        self.backupLabel = QLabel()
        self.backupLabel.setWordWrap(True)
        set_muted(self.backupLabel)
        self.startButton = QPushButton(icon("document-import"), "")
        self.startButton.setDefault(True)
        buttons = QHBoxLayout()
        for b in (self.addFilesButton, self.addFolderButton, self.removeButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.startButton)
        layout = QVBoxLayout(self.choosePage)
        layout.addWidget(self.hintLabel)
        layout.addWidget(self.filesList, 1)
        layout.addWidget(self.backupLabel)
        layout.addLayout(buttons)
        # progress
        self.progressPage = QWidget()
        self.progressTitle = QLabel()
        self.progressTitle.setFont(scaled_font(self.progressTitle, 1.3, bold=True))
        self.progressBar = QProgressBar()
        self.progressFile = QLabel()
        self.cancelButton = QPushButton()
        playout = QVBoxLayout(self.progressPage)
        playout.addStretch(1)
        playout.addWidget(self.progressTitle)
        playout.addWidget(self.progressBar)
        playout.addWidget(self.progressFile)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancelButton)
        playout.addLayout(row)
        playout.addStretch(2)
        self.set_progress_widgets(
            self.progressBar, self.progressFile, self.cancelButton, title=self.progressTitle
        )
        # results
        self.resultsPage = QWidget()
        self.summaryLabel = QLabel()
        self.summaryLabel.setFont(scaled_font(self.summaryLabel, 1.15, bold=True))
        self.results_model: RowsModel[MergeOutcome] = RowsModel(_results_columns(), self)
        self.resultsTable = QTableView()
        self.resultsTable.setModel(self.results_model)
        self.resultsTable.setItemDelegate(RoomyItemDelegate(self.resultsTable))
        self.resultsTable.verticalHeader().hide()
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.resultsTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        spreadsheet(self.resultsTable, export_name=lambda: translate("MergeDialog", "合并结果"))
        self.findingsLabel = QLabel()
        self.findings_model = FindingsModel(self)
        self.findingsTable = QTableView()
        setup_findings_table(
            self.findingsTable, self.findings_model, lambda: translate("MergeDialog", "合并结果")
        )
        # Every file's row first; the problems below only when there are any, taking only
        # the room the list leaves (the list stretches, the problem pane does not).
        self.resultsSplitter = QSplitter(Qt.Orientation.Vertical)
        self.resultsSplitter.setChildrenCollapsible(False)
        self.resultsSplitter.addWidget(self.resultsTable)
        self.problemsPane = QWidget()
        blayout = QVBoxLayout(self.problemsPane)
        blayout.setContentsMargins(0, 0, 0, 0)
        blayout.addWidget(self.findingsLabel)
        blayout.addWidget(self.findingsTable)
        self.resultsSplitter.addWidget(self.problemsPane)
        self.resultsSplitter.setStretchFactor(0, 1)
        self.resultsSplitter.setStretchFactor(1, 0)
        self.moreButton = QPushButton()
        self.copyButton = QPushButton(icon("edit-copy"), "")
        self.closeButton = QPushButton()
        rrow = QHBoxLayout()
        rrow.addWidget(self.moreButton)
        rrow.addWidget(self.copyButton)
        rrow.addStretch(1)
        rrow.addWidget(self.closeButton)
        rlayout = QVBoxLayout(self.resultsPage)
        rlayout.addWidget(self.summaryLabel)
        rlayout.addWidget(self.resultsSplitter, 1)
        rlayout.addLayout(rrow)

        for page in (self.choosePage, self.progressPage, self.resultsPage):
            self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.addFilesButton.clicked.connect(self.add_files)
        self.addFolderButton.clicked.connect(self.add_folder)
        self.removeButton.clicked.connect(self.remove_selected)
        self.startButton.clicked.connect(self.start)
        self.closeButton.clicked.connect(self.accept)
        self.moreButton.clicked.connect(self._choose_more)
        self.copyButton.clicked.connect(self.copy_findings)
        self.resultsTable.selectionModel().selectionChanged.connect(self._on_selection)
        self.filesList.itemSelectionChanged.connect(self._update_buttons)

        self.retranslate()
        resize_to_fit(self, 900, 600)
        self._update_buttons()

    # ------------------------------------------------------------------------ language

    def retranslate(self) -> None:
        from jlpanel.services.preferences import load_preferences

        self.setWindowTitle(translate("MergeDialog", "合并评分文件"))
        self.hintLabel.setText(
            translate(
                "MergeDialog",
                "把专家提交的评分文件（.jlscore）或存放它们的文件夹拖到下面，或点“添加文件”。"
                "每个文件都会核对签名、版本、考核周期和分值，不合格的文件会被拒绝并说明原因。",
            )
        )
        self.addFilesButton.setText(translate("MergeDialog", "添加文件…"))
        self.addFolderButton.setText(translate("MergeDialog", "添加文件夹…"))
        self.removeButton.setText(translate("MergeDialog", "移除"))
        self.startButton.setText(translate("MergeDialog", "开始合并"))
        self.cancelButton.setText(translate("MergeDialog", "取消"))
        self.moreButton.setText(translate("MergeDialog", "合并更多文件…"))
        self.copyButton.setText(translate("MergeDialog", "复制结果"))
        self.closeButton.setText(translate("MergeDialog", "关闭"))
        self.backupLabel.setText(
            translate("MergeDialog", "合并前会先把工作区备份到：{folder}").format(
                folder=load_preferences().backup_folder()
            )
        )
        self.results_model.retranslate()
        self.findings_model.retranslate()
        if self.results_model.rowCount():
            self.summaryLabel.setText(merge_summary(self.results_model.rows()))

    # -------------------------------------------------------------------- choosing files

    def files_question(self) -> tuple[str, str]:
        return (
            translate("MergeDialog", "选择评分文件"),
            translate("MergeDialog", "评分文件 (*.jlscore);;所有文件 (*)"),
        )

    def add_folder(self) -> None:
        folder = self.ask_folder(translate("MergeDialog", "选择存放评分文件的文件夹"))
        if folder is not None:
            self.add_paths([folder])

    def add_paths(self, paths: Sequence[Path]) -> None:
        """List ``paths`` for merging (folders are expanded to their score files)."""
        from jlpanel.services.merge import expand_score_paths

        for path in expand_score_paths([Path(p) for p in paths]):
            if path not in self._paths:
                self._paths.append(path)
                self.filesList.addItem(f"{path.name}    —    {path.parent}")
                item = self.filesList.item(self.filesList.count() - 1)
                item.setToolTip(str(path))
                item.setIcon(icon("document-sign"))
        self.pages.setCurrentWidget(self.choosePage)
        self._update_buttons()

    def paths(self) -> list[Path]:
        return list(self._paths)

    def remove_selected(self) -> None:
        rows = sorted({self.filesList.row(i) for i in self.filesList.selectedItems()}, reverse=True)
        for row in rows:
            self.filesList.takeItem(row)
            del self._paths[row]
        self._update_buttons()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.running:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and not self.running:
            event.acceptProposedAction()
            self.add_paths(paths)

    def _choose_more(self) -> None:
        self._paths = []
        self.filesList.clear()
        self.pages.setCurrentWidget(self.choosePage)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.startButton.setEnabled(bool(self._paths) and not self.running)
        self.removeButton.setEnabled(bool(self.filesList.selectedItems()))

    # ------------------------------------------------------------------------- merging

    def start(self) -> None:
        """Merge the listed files in the background."""
        if self.running or not self._paths:
            return
        from jlpanel.services.merge import merge_score_files
        from jlpanel.services.preferences import load_preferences

        preferences = load_preferences()
        log.info("merging %d score file(s)", len(self._paths))
        self.start_task(
            partial(
                merge_score_files,
                self.workspace,
                list(self._paths),
                backup_dir=preferences.backup_folder(),
                backup_count=preferences.backup_count,
            ),
            steps=max(2 * len(self._paths), 1),  # each file is checked, then stored
            note=translate("MergeDialog", "正在核对评分文件…"),
            title=translate("MergeDialog", "正在合并…"),
        )

    def task_started(self) -> None:
        self.pages.setCurrentWidget(self.progressPage)
        self._update_buttons()

    def progress_text(self, done: int, total: int, name: str) -> str:
        # The steps are the files checked and then stored: the name alone, no count.
        return name or super().progress_text(done, total, name)

    def task_done(self, outcomes: list[MergeOutcome]) -> None:
        self.results_model.set_rows(outcomes)
        self.summaryLabel.setText(merge_summary(outcomes))
        self.pages.setCurrentWidget(self.resultsPage)
        self._fit_panes()
        # Start on the first file with a problem, else the first file.
        rows = range(len(outcomes))
        first = next((r for r in rows if problems(outcomes[r])), 0) if outcomes else -1
        if first >= 0:
            self.select_result(first)
        self._on_selection()
        self._update_buttons()
        self.merged.emit(outcomes)

    def task_stopped(self) -> None:
        self.pages.setCurrentWidget(self.choosePage)
        self._update_buttons()

    # ------------------------------------------------------------------------- results

    def problem_count(self) -> int:
        """How many of the files shown have a problem to deal with."""
        return problem_count(self.results_model.rows())

    def _fit_panes(self) -> None:
        """The problem pane only when a file has a problem; then the list keeps the height
        its rows need (up to two thirds) and the problems take the rest."""
        has_problems = self.problem_count() > 0
        self.problemsPane.setVisible(has_problems)
        total = self.resultsSplitter.height()
        if not has_problems or total <= 0:
            return
        table = self.resultsTable
        rows = self.results_model.rowCount()
        needed = (
            table.horizontalHeader().sizeHint().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + table.horizontalScrollBar().sizeHint().height()
        )
        top = min(needed, total * 2 // 3)
        self.resultsSplitter.setSizes([top, total - top])

    def select_result(self, row: int) -> None:
        select_row(self.resultsTable, row)

    def selected_outcomes(self) -> list[MergeOutcome]:
        rows = sorted({i.row() for i in self.resultsTable.selectionModel().selectedRows()})
        return [self.results_model.row(r) for r in rows]

    def _on_selection(self, *_args: object) -> None:
        chosen = self.selected_outcomes()
        findings = [f for o in chosen for f in problems(o)]
        self.findings_model.set_findings(findings)
        if len(chosen) == 1 and findings:
            text = counted(
                len(findings),
                translate("MergeDialog", "{file} 的问题（{n} 条）", "one"),
                translate("MergeDialog", "{file} 的问题（{n} 条）", "other"),
            ).replace("{file}", chosen[0].path.name)
        elif len(chosen) == 1:
            text = translate("MergeDialog", "{file}：{result}，没有需要处理的问题").format(
                file=chosen[0].path.name, result=merge_status_text(chosen[0])
            )
        else:
            text = translate("MergeDialog", "选择一个文件，查看它的问题")
        self.findingsLabel.setText(text)

    def copy_findings(self) -> str:
        """Copy every file's result and findings as text; returns the text."""
        from jlpanel.gui.common.dossier_models import findings_text

        language = current_language()
        blocks = []
        for o in self.results_model.rows():
            lines = [f"{o.path.name}: {merge_status_text(o)}"]
            lines.extend(findings_text(o.findings, language))
            blocks.append("\n".join(lines))
        text = "\n\n".join(blocks)
        QGuiApplication.clipboard().setText(text)
        return text
