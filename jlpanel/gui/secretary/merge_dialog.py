"""合并评分文件: drop score files or a folder, merge them off the GUI thread with progress and
cancel, then one result per file with its findings (the import dialog's pattern)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
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

from jlpanel.gui.common.crash import report_exception, show_user_error
from jlpanel.gui.common.dossier_models import FindingsModel
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import ProgressRelay, run_task
from jlpanel.gui.common.theme import (
    RoomyItemDelegate,
    WrappingItemDelegate,
    icon,
    scaled_font,
    set_muted,
)
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.services.merge import MergeOutcome
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

_LAST_FOLDER_KEY = "merge/lastFolder"

#: Each status: its icon (a distinct shape) and colour.
MERGE_STATUS_LOOK: dict[str, tuple[str, str]] = {
    "merged": ("status-imported", "#2f7d3b"),
    "unchanged": ("status-exists", "#5f6b76"),
    "refused": ("status-refused", "#b3261e"),
    "cancelled": ("status-cancelled", "#5f6b76"),
}


def merge_status_text(status: str) -> str:
    """A merge status in words."""
    return {
        "merged": translate("MergeDialog", "已合并"),
        "unchanged": translate("MergeDialog", "已合并过，无变化"),
        "refused": translate("MergeDialog", "被拒绝"),
        "cancelled": translate("MergeDialog", "已取消"),
    }.get(status, status)


def merge_summary(outcomes: Sequence[MergeOutcome]) -> str:
    """已合并 N 个，无变化 M 个，被拒绝 K 个."""
    merged = sum(1 for o in outcomes if o.status.value == "merged")
    unchanged = sum(1 for o in outcomes if o.status.value == "unchanged")
    return translate(
        "MergeDialog", "已合并 {merged} 个，无变化 {unchanged} 个，未合并 {other} 个"
    ).format(merged=merged, unchanged=unchanged, other=len(outcomes) - merged - unchanged)


def _results_columns() -> list[Column[MergeOutcome]]:
    return [
        Column(
            lambda: translate("MergeDialog", "文件"),
            lambda o: o.path.name,
            tooltip=lambda o: str(o.path),
        ),
        Column(
            lambda: translate("MergeDialog", "结果"),
            lambda o: merge_status_text(o.status.value),
            colour=lambda o: MERGE_STATUS_LOOK.get(o.status.value, ("", "#1f2933"))[1],
            icon=lambda o: MERGE_STATUS_LOOK.get(o.status.value, ("status-cancelled", ""))[0],
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
            lambda: translate("MergeDialog", "错误"), lambda o: str(len(o.errors)), numeric=True
        ),
        Column(
            lambda: translate("MergeDialog", "提示"), lambda o: str(len(o.warnings)), numeric=True
        ),
    ]


def _run_merge(
    workspace: Workspace,
    paths: list[Path],
    relay: ProgressRelay,
    cancel: threading.Event,
    backup_dir: Path,
    backup_count: int,
) -> list[MergeOutcome]:
    from jlpanel.services.merge import merge_score_files

    return merge_score_files(
        workspace,
        paths,
        backup_dir=backup_dir,
        backup_count=backup_count,
        progress=partial(relay.report, cancel),
    )


class MergeDialog(QDialog):
    """合并评分文件: the files, then progress with 取消, then a result per file."""

    #: One merge finished; carries its outcomes.
    merged = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.running = False
        self._cancel = threading.Event()
        self._paths: list[Path] = []
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._on_progress)
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
        self.findingsTable.setModel(self.findings_model)
        self.findingsTable.setItemDelegate(WrappingItemDelegate(self.findingsTable))
        self.findingsTable.verticalHeader().hide()
        self.findingsTable.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        fheader = self.findingsTable.horizontalHeader()
        fheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        fheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        fheader.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        spreadsheet(self.findingsTable, export_name=lambda: translate("MergeDialog", "合并结果"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.resultsTable)
        bottom = QWidget()
        blayout = QVBoxLayout(bottom)
        blayout.setContentsMargins(0, 0, 0, 0)
        blayout.addWidget(self.findingsLabel)
        blayout.addWidget(self.findingsTable)
        splitter.addWidget(bottom)
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
        rlayout.addWidget(splitter, 1)
        rlayout.addLayout(rrow)

        for page in (self.choosePage, self.progressPage, self.resultsPage):
            self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

        self.addFilesButton.clicked.connect(self.add_files)
        self.addFolderButton.clicked.connect(self.add_folder)
        self.removeButton.clicked.connect(self.remove_selected)
        self.startButton.clicked.connect(self.start)
        self.cancelButton.clicked.connect(self.cancel)
        self.closeButton.clicked.connect(self.accept)
        self.moreButton.clicked.connect(self._choose_more)
        self.copyButton.clicked.connect(self.copy_findings)
        self.resultsTable.selectionModel().selectionChanged.connect(self._on_selection)
        self.filesList.itemSelectionChanged.connect(self._update_buttons)

        self.retranslate()
        self.resize(900, 600)
        self._update_buttons()

    # ------------------------------------------------------------------------ language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

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

    def _last_folder(self) -> str:
        value = app_settings().value(_LAST_FOLDER_KEY, "")
        return value if isinstance(value, str) else ""

    def _remember(self, folder: Path) -> None:
        settings = app_settings()
        settings.setValue(_LAST_FOLDER_KEY, str(folder))
        settings.sync()

    def add_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            translate("MergeDialog", "选择评分文件"),
            self._last_folder(),
            translate("MergeDialog", "评分文件 (*.jlscore);;所有文件 (*)"),
        )
        paths = [Path(n) for n in names if n]
        if paths:
            self._remember(paths[0].parent)
            self.add_paths(paths)

    def add_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, translate("MergeDialog", "选择存放评分文件的文件夹"), self._last_folder()
        )
        if name:
            self._remember(Path(name))
            self.add_paths([Path(name)])

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
        from jlpanel.services.preferences import load_preferences

        preferences = load_preferences()
        self.running = True
        self._cancel = threading.Event()
        self.progressTitle.setText(translate("MergeDialog", "正在合并…"))
        self.progressBar.setRange(0, max(2 * len(self._paths), 1))
        self.progressBar.setValue(0)
        self.progressFile.setText(translate("MergeDialog", "正在核对评分文件…"))
        self.cancelButton.setEnabled(True)
        self.pages.setCurrentWidget(self.progressPage)
        self._update_buttons()
        log.info("merging %d score file(s)", len(self._paths))
        run_task(
            partial(
                _run_merge,
                self.workspace,
                list(self._paths),
                self.relay,
                self._cancel,
                preferences.backup_folder(),
                preferences.backup_count,
            ),
            self._on_done,
            self._on_failed,
        )

    def cancel(self) -> None:
        if not self.running or self._cancel.is_set():
            return
        self._cancel.set()
        self.progressTitle.setText(translate("MergeDialog", "正在取消…"))
        self.cancelButton.setEnabled(False)

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if not self.running:
            return
        self.progressBar.setMaximum(max(total, 1))
        self.progressBar.setValue(done)
        self.progressFile.setText(name or translate("MergeDialog", "正在完成…"))

    def _on_done(self, outcomes: list[MergeOutcome]) -> None:
        self.running = False
        self.results_model.set_rows(outcomes)
        self.summaryLabel.setText(merge_summary(outcomes))
        self.pages.setCurrentWidget(self.resultsPage)
        rows = range(len(outcomes))
        first = next((r for r in rows if not outcomes[r].ok), 0) if outcomes else -1
        if first >= 0:
            self.select_result(first)
        self._on_selection()
        self._update_buttons()
        self.merged.emit(outcomes)

    def _on_failed(self, exc: BaseException) -> None:
        self.running = False
        self.pages.setCurrentWidget(self.choosePage)
        self._update_buttons()
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            report_exception(exc, self)

    # ------------------------------------------------------------------------- results

    def select_result(self, row: int) -> None:
        self.resultsTable.selectionModel().setCurrentIndex(
            self.results_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def selected_outcomes(self) -> list[MergeOutcome]:
        rows = sorted({i.row() for i in self.resultsTable.selectionModel().selectedRows()})
        return [self.results_model.row(r) for r in rows]

    def _on_selection(self, *_args: object) -> None:
        chosen = self.selected_outcomes()
        findings = [f for o in chosen for f in o.findings]
        self.findings_model.set_findings(findings)
        if len(chosen) == 1 and findings:
            text = counted(
                len(findings),
                translate("MergeDialog", "{file} 的问题（{n} 条）", "one"),
                translate("MergeDialog", "{file} 的问题（{n} 条）", "other"),
            ).replace("{file}", chosen[0].path.name)
        elif len(chosen) == 1:
            text = translate("MergeDialog", "{file} 没有发现问题").format(file=chosen[0].path.name)
        else:
            text = translate("MergeDialog", "选择一个文件，查看它的问题")
        self.findingsLabel.setText(text)

    def copy_findings(self) -> str:
        """Copy every file's result and findings as text; returns the text."""
        from jlpanel.gui.common.dossier_models import findings_text

        language = current_language()
        blocks = []
        for o in self.results_model.rows():
            lines = [f"{o.path.name}: {merge_status_text(o.status.value)}"]
            lines.extend(findings_text(o.findings, language))
            blocks.append("\n".join(lines))
        text = "\n\n".join(blocks)
        QGuiApplication.clipboard().setText(text)
        return text

    def reject(self) -> None:
        if self.running:
            self.cancel()
            return
        super().reject()
