"""生成评审报告 and 导出结果: the cycle's PDFs and its results workbook, written off the GUI
thread (the import dialog's pattern: choose, progress with 取消, then what was written).

The report dialog also offers the cycle's report language; writing in another one stores it
as the cycle's setting (audited), so the next reports and the export follow it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from jlpanel.gui.common.crash import show_failure
from jlpanel.gui.common.done_message import open_path, show_done
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.rules_model import REPORT_LANGUAGES
from jlpanel.gui.common.task_dialog import PathsModel, ProgressCallback, TaskDialog
from jlpanel.gui.common.tasks import ProgressRelay, run_task
from jlpanel.gui.common.theme import RoomyItemDelegate, icon, scaled_font, set_muted
from jlpanel.gui.forms.ui_report_dialog import Ui_ReportDialog

if TYPE_CHECKING:  # the services pull in SQLAlchemy and reportlab
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)


#: The documents, in the order offered; the codes are reporting.DocumentKind's values.
DOCUMENT_CODES = (
    "evaluation",
    "summary",
    "expert_sheets",
    "signatures",
    "publication",
    "rectification",
)


def default_report_folder(folder: Path) -> Path:
    """Where the reports go unless the user says otherwise: beside the workspace (``folder``
    is the store's, see ``Workspace.folder``)."""
    return folder / translate("ReportDialog", "评审报告")


# The folders chosen in this session live on the main window (a dynamic property), so the next
# report or export starts where the user last chose; before that, the 导出 preference decides.
_REPORT_FOLDER_PROPERTY = "jlpanelReportFolder"
_EXPORT_FOLDER_PROPERTY = "jlpanelExportFolder"


def _session_folder(widget: QWidget | None, name: str) -> Path | None:
    value = widget.window().property(name) if widget is not None else None
    return Path(value) if isinstance(value, str) and value else None


def _remember_folder(widget: QWidget | None, name: str, folder: Path) -> None:
    if widget is not None:
        widget.window().setProperty(name, str(folder))


def preferred_export_folder() -> Path | None:
    """The default export folder of the preferences (设置 → 导出), or None when unset."""
    from jlpanel.services.preferences import load_preferences

    text = load_preferences().export_dir
    return Path(text) if text else None


def starting_report_folder(folder: Path, window: QWidget | None) -> Path:
    """The folder the report dialog offers: this session's choice, the preference, or beside
    the workspace."""
    return (
        _session_folder(window, _REPORT_FOLDER_PROPERTY)
        or preferred_export_folder()
        or default_report_folder(folder)
    )


# ------------------------------------------------------------------ work off the thread


class ReportProgress(ProgressRelay):
    """The report writer's progress, and the report language it stored before writing."""

    # The cycle's report language was changed to this one (and stored) before writing.
    language_stored = Signal(str)


def _write_reports(
    workspace: Workspace,
    folder: Path,
    documents: list[str],
    combined: bool,
    language: str,
    relay: ReportProgress,
    progress: ProgressCallback,
) -> list[Path]:
    from jlpanel.services.reporting import write_reports
    from jlpanel.services.workspace import set_cycle_language

    # The language chosen becomes the cycle's, so the export and the next reports follow it.
    if set_cycle_language(workspace, language):
        relay.language_stored.emit(language)
    return write_reports(
        workspace,
        folder,
        documents=documents,
        combined=combined,
        language=language,
        progress=progress,
    )


# ------------------------------------------------------------------------------ dialog


class ReportDialog(TaskDialog):
    """生成评审报告: tick the documents and the folder, 生成 with progress and 取消, then the
    files written with 打开文件夹."""

    #: Writing finished (complete or cancelled); carries the list of files written.
    generated = Signal(object)
    #: Writing failed as a whole; carries the message shown.
    failed = Signal(str)
    #: One line for the main window's status bar.
    status = Signal(str)
    # The cycle's report language is now this one (stored in the workspace).
    language_changed = Signal(str)

    write_errors = True
    progress: ReportProgress

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, language: str | None = None
    ) -> None:
        """``language`` is the cycle's report language (read from ``workspace`` when None)."""
        super().__init__(parent)
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        ui = self.ui
        self.workspace = workspace
        # The cycle's report language as stored.
        self.cycle_language = language or workspace.cycle_info().language
        self.progress.language_stored.connect(self._on_language_stored)
        self.folder = starting_report_folder(workspace.folder, parent)
        # The message offering to open what was written (the last one shown).
        self.done_message: QMessageBox | None = None

        ui.titleLabel.setFont(scaled_font(ui.titleLabel, 1.25, bold=True))
        ui.summaryLabel.setFont(scaled_font(ui.summaryLabel, 1.1, bold=True))
        for label in (
            ui.languageNote,
            ui.replaceNote,
            ui.progressNoteLabel,
            ui.resultFolderLabel,
        ):
            set_muted(label)

        # ---- choose
        self.document_checks: dict[str, QCheckBox] = dict(
            zip(
                DOCUMENT_CODES,
                (
                    ui.evaluationCheck,
                    ui.summaryCheck,
                    ui.expertSheetsCheck,
                    ui.signaturesCheck,
                    ui.publicationCheck,
                    ui.rectificationCheck,
                ),
                strict=True,
            )
        )
        for code, note in zip(
            DOCUMENT_CODES,
            (
                ui.evaluationNote,
                ui.summaryNote,
                ui.expertSheetsNote,
                ui.signaturesNote,
                ui.publicationNote,
                ui.rectificationNote,
            ),
            strict=True,
        ):
            set_muted(note)
            self.document_checks[code].toggled.connect(self._update_buttons)
        for code, name in REPORT_LANGUAGES:
            ui.languageCombo.addItem(name, code)
        self.set_report_language(self.cycle_language)
        ui.folderEdit.setText(str(self.folder))
        ui.folderEdit.textChanged.connect(self._update_buttons)
        ui.browseButton.setIcon(icon("folder-open"))
        ui.browseButton.clicked.connect(self.choose_folder)

        # ---- progress
        self.set_progress_widgets(
            ui.progressBar,
            ui.progressFileLabel,
            ui.cancelButton,
            title=ui.titleLabel,
            bar_format="%v / %m",  # files done of all, not a percentage
        )

        # ---- results
        self.files_model = PathsModel("document-sign", parent=self)
        ui.filesList.setModel(self.files_model)
        ui.filesList.setItemDelegate(RoomyItemDelegate(ui.filesList, pad_y=3))
        # Double-click or Enter opens a file; Enter stops here, not at the default button.
        ui.filesList.doubleClicked.connect(self._open_file)
        ui.filesList.installEventFilter(self)

        # ---- buttons
        ui.openFolderButton.setIcon(icon("folder-open"))
        ui.openFolderButton.clicked.connect(self.open_folder)
        ui.againButton.clicked.connect(self._choose_again)
        ui.startButton.setIcon(icon("document-sign"))
        ui.startButton.clicked.connect(self.start)
        ui.closeButton.clicked.connect(self.accept)

        ui.pages.setCurrentWidget(ui.choosePage)
        self._show_state()
        self._update_buttons()
        self.resize(640, 500)

    def make_progress_relay(self) -> ReportProgress:
        return ReportProgress(self)

    @property
    def cancelled(self) -> bool:
        """Whether 取消 was asked for in the last run."""
        return self.cancelling

    # -------------------------------------------------------------------- choosing

    def documents(self) -> list[str]:
        """The codes of the ticked documents, in the order offered."""
        return [code for code in DOCUMENT_CODES if self.document_checks[code].isChecked()]

    def set_documents(self, codes: Sequence[str]) -> None:
        """Tick exactly ``codes``."""
        for code, check in self.document_checks.items():
            check.setChecked(code in codes)

    def report_language(self) -> str:
        """The language chosen for the reports: "zh" or "en"."""
        return str(self.ui.languageCombo.currentData())

    def set_report_language(self, language: str) -> None:
        """Choose the reports' language ("zh" or "en")."""
        index = self.ui.languageCombo.findData(language)
        if index >= 0:
            self.ui.languageCombo.setCurrentIndex(index)

    def output_folder(self) -> Path:
        text = self.ui.folderEdit.text().strip()
        return Path(text) if text else self.folder

    def choose_folder(self) -> None:
        """Ask for the folder the PDFs go to."""
        name = QFileDialog.getExistingDirectory(
            self, translate("ReportDialog", "选择存放评审报告的文件夹"), str(self.output_folder())
        )
        if name:
            self.ui.folderEdit.setText(str(Path(name)))

    def _choose_again(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.choosePage)
        self._show_state()
        self._update_buttons()

    # --------------------------------------------------------------------- writing

    def start(self) -> None:
        """Write the ticked documents in the background."""
        documents = self.documents()
        if self.running or not documents or not self.ui.folderEdit.text().strip():
            return
        self.folder = self.output_folder()
        _remember_folder(self.parentWidget(), _REPORT_FOLDER_PROPERTY, self.folder)
        combined = self.ui.combinedCheck.isChecked()
        language = self.report_language()
        log.info(
            "writing reports %s (combined=%s, %s) to %s", documents, combined, language, self.folder
        )
        # After 取消 the folder keeps its previous reports.
        self.start_task(
            partial(
                _write_reports,
                self.workspace,
                self.folder,
                documents,
                combined,
                language,
                self.progress,
            ),
            steps=0,  # busy until the first file is known
            note=translate("ReportDialog", "正在汇总考核结果…"),
        )

    def task_started(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.progressPage)
        self._show_state()
        self._update_buttons()
        self.ui.cancelButton.setFocus()

    def _on_language_stored(self, language: str) -> None:
        self.cycle_language = language
        self.language_changed.emit(language)

    def task_done(self, written: list[Path]) -> None:
        self.files_model.set_paths(written)
        self.ui.pages.setCurrentWidget(self.ui.resultsPage)
        self._show_state()
        self._update_buttons()
        if written:
            self.ui.filesList.setCurrentIndex(self.files_model.index(0, 0))
        self.ui.filesList.setFocus()
        self.status.emit(self.summary())
        if written and not self.cancelled:
            # The combined file when there is one (it holds all), else the first written.
            main = written[-1] if self.ui.combinedCheck.isChecked() else written[0]
            self.done_message = show_done(
                self,
                translate("ReportDialog", "评审报告已生成"),
                self.count_text(),
                file=main,
                folder=self.folder,
                details=translate("ReportDialog", "文件夹：{folder}").format(folder=self.folder)
                + "\n"
                + translate("ReportDialog", "打开文件：{name}").format(name=main.name),
            )
        self.generated.emit(written)

    def task_stopped(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.choosePage)
        self._show_state()
        self._update_buttons()

    def task_failed(self, message: str) -> None:
        self.status.emit(translate("ReportDialog", "未能生成评审报告"))
        self.failed.emit(message)

    # --------------------------------------------------------------------- results

    def written(self) -> list[Path]:
        """The files of the last run."""
        return self.files_model.paths()

    def count_text(self) -> str:
        """已生成 N 个文件, or that 取消 left the folder as it was."""
        n = self.files_model.rowCount()
        if self.cancelled:
            # a report set is written whole or not at all (issue 13)
            return translate("ReportDialog", "已取消；文件夹中原有的评审报告未改动")
        return counted(
            n,
            translate("ReportDialog", "已生成 {n} 个文件", "one"),
            translate("ReportDialog", "已生成 {n} 个文件", "other"),
        )

    def summary(self) -> str:
        """The count and the folder, for the status bar."""
        return translate("ReportDialog", "{summary}：{folder}").format(
            summary=self.count_text(), folder=self.folder
        )

    def open_folder(self) -> None:
        """Show the reports' folder in the system's file manager."""
        open_path(self.folder)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.ui.filesList
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.ui.filesList.currentIndex().isValid()
        ):
            self._open_file(self.ui.filesList.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _open_file(self, index: QModelIndex) -> None:
        paths = self.files_model.paths()
        if 0 <= index.row() < len(paths):
            open_path(paths[index.row()])

    # --------------------------------------------------------------------- looks

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
        self._show_state()

    def _show_state(self) -> None:
        """The texts that depend on the page, the run and the folder (the rest is the form's)."""
        page = self.ui.pages.currentWidget()
        if page is self.ui.progressPage:
            self.ui.titleLabel.setText(
                translate("ReportDialog", "正在取消…")
                if self.cancelling
                else translate("ReportDialog", "正在生成评审报告…")
            )
        elif page is self.ui.resultsPage:
            self.ui.titleLabel.setText(
                translate("ReportDialog", "评审报告已取消")
                if self.cancelled
                else translate("ReportDialog", "评审报告已生成")
            )
        else:
            self.ui.titleLabel.setText(translate("ReportDialog", "生成评审报告"))
        if page is self.ui.resultsPage:
            self.ui.summaryLabel.setText(self.count_text())
        self.ui.resultFolderLabel.setText(
            translate("ReportDialog", "文件夹：{folder}").format(folder=self.folder)
            + "\n"
            + translate("ReportDialog", "双击文件或按回车键，用默认程序打开。")
        )
        self.ui.closeButton.setText(
            translate("ReportDialog", "完成")
            if page is self.ui.resultsPage
            else translate("ReportDialog", "关闭")
        )

    def _update_buttons(self, *_args: object) -> None:
        page = self.ui.pages.currentWidget()
        choosing = page is self.ui.choosePage
        progress = page is self.ui.progressPage
        results = page is self.ui.resultsPage
        self.ui.startButton.setVisible(choosing)
        self.ui.startButton.setEnabled(
            choosing and bool(self.documents()) and bool(self.ui.folderEdit.text().strip())
        )
        self.ui.languageCombo.setEnabled(choosing)
        self.ui.startButton.setDefault(choosing)
        self.ui.cancelButton.setVisible(progress)
        self.ui.cancelButton.setEnabled(progress and not self.cancelling)
        self.ui.closeButton.setVisible(not progress)
        self.ui.closeButton.setDefault(results)
        self.ui.openFolderButton.setVisible(results)
        self.ui.openFolderButton.setEnabled(results and self.files_model.rowCount() > 0)
        self.ui.againButton.setVisible(results)


# ------------------------------------------------------------------------------ export


def _export(workspace: Workspace, path: Path) -> Path:
    from jlpanel.services.export import export_results

    return export_results(workspace, path)


def export_file_name(cycle_name: str) -> str:
    """The name the Save dialog suggests."""
    return translate("ReportDialog", "{cycle}-考核结果.xlsx").format(cycle=cycle_name)


class ResultExport(QObject):
    """导出结果: ask where (.xlsx by default, .csv allowed), then export off the GUI thread."""

    #: The export ended, written or not (before any message is shown).
    finished = Signal()
    #: The results were written to this file.
    exported = Signal(Path)
    #: Exporting failed; carries the message shown.
    failed = Signal(str)
    #: One line for the status bar.
    status = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._window = parent
        self.running = False
        # The message offering to open the exported file (the last one shown).
        self.done_message: QMessageBox | None = None

    def ask_path(self) -> Path | None:
        """The Save dialog; None when cancelled. A name without .xlsx/.csv gets the filter's."""
        xlsx = translate("ReportDialog", "Excel 工作簿 (*.xlsx)")
        csv = translate("ReportDialog", "CSV 表格，仅结果汇总 (*.csv)")
        folder = (
            _session_folder(self._window, _EXPORT_FOLDER_PROPERTY)
            or preferred_export_folder()
            or self.workspace.folder
        )
        start = folder / export_file_name(self.workspace.cycle_info().name)
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            translate("ReportDialog", "导出考核结果"),
            str(start),
            f"{xlsx};;{csv}",
            xlsx,
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + (".csv" if chosen_filter == csv else ".xlsx"))
        _remember_folder(self._window, _EXPORT_FOLDER_PROPERTY, path.parent)
        return path

    def start(self, path: Path | None = None) -> bool:
        """Export to ``path`` (asked for when None); False when nothing was started."""
        if self.running:
            return False
        if path is None:
            path = self.ask_path()
            if path is None:
                return False
        self.running = True
        self.status.emit(translate("ReportDialog", "正在导出考核结果…"))
        log.info("exporting results to %s", path)
        run_task(partial(_export, self.workspace, path), self._on_done, self._on_failed)
        return True

    def _on_done(self, path: Path) -> None:
        self.running = False
        self.finished.emit()
        self.status.emit(translate("ReportDialog", "已导出考核结果：{path}").format(path=path))
        self.done_message = show_done(
            self._window,
            translate("ReportDialog", "导出考核结果"),
            translate("ReportDialog", "已导出考核结果"),
            file=path,
            details=str(path),
        )
        self.exported.emit(path)

    def _on_failed(self, exc: BaseException) -> None:
        self.running = False
        self.finished.emit()
        self.status.emit(translate("ReportDialog", "未能导出考核结果"))
        self.failed.emit(show_failure(self._window, exc, write_errors=True))
