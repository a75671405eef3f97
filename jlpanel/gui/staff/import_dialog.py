"""Importing dossiers: choose files, import them off the GUI thread, act on each file's result."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QWidget,
)

from jlpanel.gui.common.done_message import open_path
from jlpanel.gui.common.dossier_models import FindingsModel, findings_text
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.task_dialog import PathsModel, TaskDialog, select_row, setup_findings_table
from jlpanel.gui.common.theme import (
    ACCENT,
    CAUTION,
    DONE,
    MUTED,
    TEXT,
    WARN,
    RoomyItemDelegate,
    icon,
    scaled_font,
    set_muted,
)
from jlpanel.gui.forms.ui_import_dialog import Ui_ImportDialog

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.intake import ImportOutcome
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

#: Each status: its icon (a distinct shape, so it reads in greyscale) and text colour.
STATUS_LOOK: dict[str, tuple[str, str]] = {
    "imported": ("status-imported", DONE),
    "replaced": ("status-replaced", ACCENT),
    "refused": ("status-refused", WARN),
    "exists": ("status-exists", CAUTION),
    "cancelled": ("status-cancelled", MUTED),
}

#: The outcome of a row (tests and actions read it).
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1


def status_text(status: str) -> str:
    """An import status in words."""
    return {
        "imported": translate("ImportDialog", "已导入"),
        "replaced": translate("ImportDialog", "已替换"),
        "refused": translate("ImportDialog", "未导入（有错误）"),
        "exists": translate("ImportDialog", "已存在"),
        "cancelled": translate("ImportDialog", "已取消"),
    }.get(status, status)


def summary_text(outcomes: Sequence[ImportOutcome]) -> str:
    """已导入 N 个，未导入 M 个."""
    done = sum(1 for o in outcomes if o.ok)
    return translate("ImportDialog", "已导入 {done} 个，未导入 {not_done} 个").format(
        done=done, not_done=len(outcomes) - done
    )


def outcome_report(outcome: ImportOutcome, language: str) -> str:
    """One file's result and its findings as plain text (to email to the host unit)."""
    platform = outcome.platform_name or translate("ImportDialog", "（未能识别平台）")
    if outcome.filing_no:
        platform = translate("ImportDialog", "{name}（备案编号 {no}）").format(
            name=platform, no=outcome.filing_no
        )
    lines = [
        translate("ImportDialog", "文件：{file}").format(file=outcome.path.name),
        translate("ImportDialog", "平台：{platform}").format(platform=platform),
        translate("ImportDialog", "结果：{status}").format(
            status=status_text(outcome.status.value)
        ),
    ]
    if outcome.findings:
        lines.append(
            counted(
                len(outcome.findings),
                translate("ImportDialog", "问题清单（共 {n} 条）：", "one"),
                translate("ImportDialog", "问题清单（共 {n} 条）：", "other"),
            )
        )
        lines.extend(findings_text(outcome.findings, language))
    else:
        lines.append(translate("ImportDialog", "没有发现问题。"))
    return "\n".join(lines)


# ------------------------------------------------------------------------------ models


def _counted_findings(outcome: ImportOutcome, findings: Sequence[object]) -> str:
    counted = outcome.status.value in ("imported", "replaced", "refused")
    return str(len(findings)) if counted else "—"


def _no_tip(_outcome: ImportOutcome) -> None:
    return None


class ImportResultsModel(RowsModel["ImportOutcome"]):
    """One row per file: 文件 · 状态 · 平台 · 错误 · 提示."""

    FILE, STATUS, PLATFORM, ERRORS, WARNINGS = range(5)
    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("ImportDialog", "文件"),
                    lambda o: o.path.name,
                    tooltip=lambda o: str(o.path),
                ),
                Column(
                    lambda: translate("ImportDialog", "结果"),
                    lambda o: status_text(o.status.value),
                    tooltip=_no_tip,
                    colour=lambda o: STATUS_LOOK.get(o.status.value, ("", TEXT))[1],
                    icon=lambda o: STATUS_LOOK.get(o.status.value, ("status-cancelled", ""))[0],
                ),
                Column(
                    lambda: translate("ImportDialog", "平台"),
                    lambda o: o.platform_name or "—",
                    tooltip=lambda o: (
                        f"{o.platform_name}（{o.filing_no}）" if o.filing_no else None
                    ),
                ),
                Column(
                    lambda: translate("ImportDialog", "错误"),
                    lambda o: _counted_findings(o, o.errors),
                    numeric=True,
                    tooltip=_no_tip,
                ),
                Column(
                    lambda: translate("ImportDialog", "提示"),
                    lambda o: _counted_findings(o, o.warnings),
                    numeric=True,
                    tooltip=_no_tip,
                ),
            ],
            parent,
        )

    def update_outcomes(self, outcomes: Sequence[ImportOutcome]) -> None:
        """Put fresh outcomes in place of the rows of the same files."""
        self.replace_rows(outcomes, lambda old, new: old.path == new.path)


# ------------------------------------------------------------------------------ dialog


class ImportDialog(TaskDialog):
    """导入平台材料: the files, then progress with 取消, then a result per file."""

    folder_key = "import/lastFolder"

    #: One import run finished; carries its outcomes (a list of ImportOutcome).
    imported = Signal(object)
    #: The user wants to see this platform's dossier.
    open_platform = Signal(int)
    #: The user wants to see where a finding is: (platform id, Finding) of an imported file.
    open_finding = Signal(int, object)
    #: Importing failed as a whole (the message shown).
    failed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.workspace = workspace
        self._replacing = False
        self.set_progress_widgets(
            self.ui.progressBar,
            self.ui.progressFileLabel,
            self.ui.cancelImportButton,
            title=self.ui.progressTitleLabel,
            bar_format="%v / %m",  # files done of all, not a percentage
        )

        self.files_model = PathsModel("x-office-spreadsheet", with_folder=True, parent=self)
        self.ui.filesList.setModel(self.files_model)
        self.ui.filesList.setItemDelegate(RoomyItemDelegate(self.ui.filesList, pad_y=3))
        self.results_model = ImportResultsModel(self)
        self.findings_model = FindingsModel(self)

        results = self.ui.resultsTable
        results.setModel(self.results_model)
        results.setItemDelegate(RoomyItemDelegate(results))
        results.verticalHeader().hide()
        results.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        results.verticalHeader().setDefaultSectionSize(results.fontMetrics().height() + 12)
        header = results.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ImportResultsModel.FILE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            ImportResultsModel.STATUS, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(ImportResultsModel.PLATFORM, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            ImportResultsModel.ERRORS, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            ImportResultsModel.WARNINGS, QHeaderView.ResizeMode.ResizeToContents
        )
        results.selectionModel().selectionChanged.connect(self._on_selection)
        results.activated.connect(self._on_result_activated)
        spreadsheet(results, open_row=self._on_result_activated, export_name=self._export_name)

        setup_findings_table(self.ui.findingsTable, self.findings_model, self._export_name)
        self.ui.findingsTable.activated.connect(self._on_finding_activated)
        self.ui.resultsSplitter.setStretchFactor(0, 2)
        self.ui.resultsSplitter.setStretchFactor(1, 3)

        self.ui.progressTitleLabel.setFont(scaled_font(self.ui.progressTitleLabel, 1.3, bold=True))
        self.ui.summaryLabel.setFont(scaled_font(self.ui.summaryLabel, 1.15, bold=True))
        for label in (self.ui.backupLabel, self.ui.progressNoteLabel):
            set_muted(label)
        self.ui.addFilesButton.setIcon(icon("x-office-spreadsheet"))
        self.ui.addFolderButton.setIcon(icon("folder-open"))
        self.ui.openPlatformButton.setIcon(icon("document-open"))
        self.ui.replaceButton.setIcon(icon("view-refresh"))
        self.ui.copyButton.setIcon(icon("edit-copy"))
        self.ui.showFolderButton.setIcon(icon("folder-open"))
        self.ui.startButton.setIcon(icon("document-import"))

        self.ui.addFilesButton.clicked.connect(self.add_files)
        self.ui.addFolderButton.clicked.connect(self.add_folder)
        self.ui.removeButton.clicked.connect(self.remove_selected)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.ui.filesList)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        self.ui.startButton.clicked.connect(self.start)
        self.ui.closeButton.clicked.connect(self.reject)
        self.ui.moreButton.clicked.connect(self._choose_more)
        self.ui.openPlatformButton.clicked.connect(self._open_selected)
        self.ui.replaceButton.clicked.connect(self.replace_selected)
        self.ui.copyButton.clicked.connect(self.copy_findings)
        self.ui.showFolderButton.clicked.connect(self.show_in_folder)
        self.files_model.rowsInserted.connect(self._update_buttons)
        self.files_model.rowsRemoved.connect(self._update_buttons)
        self.files_model.modelReset.connect(self._update_buttons)
        self.ui.filesList.selectionModel().selectionChanged.connect(self._update_buttons)

        self._show_backup_folder()
        self.ui.pages.setCurrentWidget(self.ui.choosePage)
        self._update_buttons()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 980, 640
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.88))
        self.resize(width, height)

    def _show_backup_folder(self) -> None:
        from jlpanel.services.preferences import load_preferences

        folder = load_preferences().backup_folder()
        self.ui.backupLabel.setText(
            translate("ImportDialog", "导入前会先把工作区备份到：{folder}").format(folder=folder)
        )

    # -------------------------------------------------------------------- choosing files

    def files_question(self) -> tuple[str, str]:
        # add_files asks for dossier workbooks
        return (
            translate("ImportDialog", "选择平台材料"),
            translate("ImportDialog", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)"),
        )

    def add_folder(self) -> None:
        """Ask for a folder and list the workbooks directly inside it."""
        folder = self.ask_folder(translate("ImportDialog", "选择存放平台材料的文件夹"))
        if folder is None:
            return
        from jlpanel.services.intake import expand_dossier_paths

        found = expand_dossier_paths([folder])
        if not found:
            QMessageBox.information(
                self,
                translate("ImportDialog", "导入平台材料"),
                translate("ImportDialog", "文件夹中没有 Excel 文件：\n{folder}").format(
                    folder=folder
                ),
            )
            return
        self.add_paths(found)

    def add_paths(self, paths: Sequence[Path]) -> None:
        """List ``paths`` for import (folders are expanded to their workbooks)."""
        from jlpanel.services.intake import expand_dossier_paths

        self.files_model.add(expand_dossier_paths([Path(p) for p in paths]))
        self.ui.pages.setCurrentWidget(self.ui.choosePage)
        self._update_buttons()

    def remove_selected(self) -> None:
        rows = [i.row() for i in self.ui.filesList.selectionModel().selectedIndexes()]
        self.files_model.remove_rows(rows)

    def _choose_more(self) -> None:
        self.files_model.clear()
        self.ui.replaceCheck.setChecked(False)
        self.ui.pages.setCurrentWidget(self.ui.choosePage)
        self._update_buttons()
        self.ui.addFilesButton.setFocus()

    # ------------------------------------------------------------------------ importing

    def start(self) -> None:
        """Import the listed files in the background."""
        paths = self.files_model.paths()
        if self.running or not paths:
            return
        self._begin(paths, replace=self.ui.replaceCheck.isChecked(), replacing=False)

    def _begin(self, paths: list[Path], *, replace: bool, replacing: bool) -> None:
        from jlpanel.services.intake import import_dossiers
        from jlpanel.services.preferences import load_preferences

        preferences = load_preferences()
        self._replacing = replacing
        log.info("importing %d file(s), replace=%s", len(paths), replace)
        # The files not imported after 取消 are marked cancelled.
        self.start_task(
            partial(
                import_dossiers,
                self.workspace,
                paths,
                replace=replace,
                backup_dir=preferences.backup_folder(),
                backup_count=preferences.backup_count,
            ),
            steps=len(paths),
            note=translate("ImportDialog", "正在备份工作区…"),
            title=translate("ImportDialog", "正在替换导入…")
            if replacing
            else translate("ImportDialog", "正在导入…"),
        )

    def task_started(self) -> None:
        self.ui.pages.setCurrentWidget(self.ui.progressPage)
        self._update_buttons()
        self.ui.cancelImportButton.setFocus()

    def task_done(self, outcomes: list[ImportOutcome]) -> None:
        if self._replacing:
            self.results_model.update_outcomes(outcomes)
        else:
            self.results_model.set_rows(outcomes)
        self._show_results()
        self.imported.emit(outcomes)

    def task_stopped(self) -> None:
        self.ui.pages.setCurrentWidget(
            self.ui.resultsPage if self._replacing else self.ui.choosePage
        )
        self._update_buttons()

    def task_failed(self, message: str) -> None:
        self.failed.emit(message)

    # -------------------------------------------------------------------------- results

    def _show_results(self) -> None:
        outcomes = self.results_model.rows()
        self.ui.summaryLabel.setText(summary_text(outcomes))
        self.ui.pages.setCurrentWidget(self.ui.resultsPage)
        table = self.ui.resultsTable
        table.horizontalHeader().resizeSection(ImportResultsModel.FILE, self._file_width())
        # Start on the first file that needs attention, else the first file.
        rows = range(len(outcomes))
        first = next((r for r in rows if not outcomes[r].ok), 0) if outcomes else -1
        if first >= 0:
            select_row(table, first)
        self._on_selection()
        table.setFocus()

    def _file_width(self) -> int:
        metrics = self.ui.resultsTable.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(o.path.name) for o in self.results_model.rows()),
            default=120,
        )
        return max(160, min(widest + 36, 360))

    def selected_outcomes(self) -> list[ImportOutcome]:
        """The outcomes of the selected result rows, in table order."""
        rows = sorted({i.row() for i in self.ui.resultsTable.selectionModel().selectedRows()})
        return [self.results_model.row(r) for r in rows]

    def select_result(self, row: int) -> None:
        select_row(self.ui.resultsTable, row)

    def _on_selection(self, *_args: object) -> None:
        chosen = self.selected_outcomes()
        findings = [f for o in chosen for f in o.findings]
        self.findings_model.set_findings(findings)
        if len(chosen) == 1:
            outcome = chosen[0]
            if findings:
                text = counted(
                    len(findings),
                    translate("ImportDialog", "{file} 的问题（{n} 条）", "one"),
                    translate("ImportDialog", "{file} 的问题（{n} 条）", "other"),
                ).replace("{file}", outcome.path.name)
            elif outcome.status.value == "cancelled":
                text = translate("ImportDialog", "{file} 未导入：导入已取消").format(
                    file=outcome.path.name
                )
            else:
                text = translate("ImportDialog", "{file} 没有发现问题").format(
                    file=outcome.path.name
                )
        elif chosen:
            text = counted(
                len(findings),
                translate("ImportDialog", "所选 {files} 个文件的问题（{n} 条）", "one"),
                translate("ImportDialog", "所选 {files} 个文件的问题（{n} 条）", "other"),
            ).replace("{files}", str(len(chosen)))
        else:
            text = translate("ImportDialog", "选择一个文件，查看它的问题")
        self.ui.findingsLabel.setText(text)
        self._update_buttons()

    @staticmethod
    def _export_name() -> str:
        return translate("ImportDialog", "导入结果")

    def _on_result_activated(self, index: QModelIndex) -> None:
        outcome = self.results_model.row(index.row())
        if outcome.ok:
            self._open_selected()

    def _open_selected(self) -> None:
        chosen = [o for o in self.selected_outcomes() if o.ok and o.platform_id is not None]
        if not chosen:
            return
        platform_id = chosen[0].platform_id
        assert platform_id is not None
        self.accept()
        self.open_platform.emit(platform_id)

    def _on_finding_activated(self, index: QModelIndex) -> None:
        """Double-click or Enter on a finding of an imported file: its sheet and row."""
        shown = index.model()
        if shown is not self.findings_model and hasattr(shown, "mapToSource"):
            index = shown.mapToSource(index)  # a sorting proxy in between
        finding = self.findings_model.finding(index.row())
        for outcome in self.selected_outcomes():
            if any(f is finding for f in outcome.findings):
                if outcome.ok and outcome.platform_id is not None:
                    self.accept()
                    self.open_finding.emit(outcome.platform_id, finding)
                return

    def replace_selected(self) -> None:
        """Import the selected 已存在 files again, replacing the dossiers imported before."""
        chosen = [o for o in self.selected_outcomes() if o.status.value == "exists"]
        if self.running or not chosen:
            return
        names = "\n".join(f"· {o.path.name}（{o.platform_name or '—'}）" for o in chosen)
        answer = QMessageBox.question(
            self,
            translate("ImportDialog", "替换导入"),
            translate(
                "ImportDialog",
                "用下列文件替换已导入的同一平台材料？\n\n{files}\n\n"
                "原有的材料、附件和校验提示将被替换；替换前会先备份工作区，并记入审计日志。",
            ).format(files=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._begin([o.path for o in chosen], replace=True, replacing=True)

    def copy_findings(self) -> str:
        """Copy the selected files' results and findings as text; returns the text."""
        chosen = self.selected_outcomes()
        if not chosen:
            return ""
        language = current_language()
        text = "\n\n".join(outcome_report(o, language) for o in chosen)
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text)
        self._flash(
            counted(
                len(chosen),
                translate("ImportDialog", "已复制问题清单（{n} 个文件）", "one"),
                translate("ImportDialog", "已复制问题清单（{n} 个文件）", "other"),
            )
        )
        return text

    def show_in_folder(self) -> None:
        """Open the folder of the selected file in the system's file manager."""
        chosen = self.selected_outcomes()
        if chosen:
            open_path(chosen[0].path.parent)

    def _flash(self, message: str) -> None:
        self.ui.findingsLabel.setText(message)

    # -------------------------------------------------------------------------- buttons

    def _update_buttons(self, *_args: object) -> None:
        page = self.ui.pages.currentWidget()
        choosing = page is self.ui.choosePage
        progress = page is self.ui.progressPage
        results = page is self.ui.resultsPage
        self.ui.startButton.setVisible(choosing)
        self.ui.startButton.setEnabled(choosing and self.files_model.rowCount() > 0)
        self.ui.startButton.setDefault(choosing)
        self.ui.removeButton.setEnabled(bool(self.ui.filesList.selectionModel().selectedIndexes()))
        self.ui.cancelImportButton.setVisible(progress)
        self.ui.cancelImportButton.setEnabled(progress and not self.cancelling)
        self.ui.closeButton.setVisible(not progress)
        self.ui.closeButton.setText(
            translate("ImportDialog", "完成") if results else translate("ImportDialog", "关闭")
        )
        self.ui.moreButton.setVisible(results)
        chosen = self.selected_outcomes() if results else []
        self.ui.openPlatformButton.setEnabled(
            any(o.ok and o.platform_id is not None for o in chosen)
        )
        self.ui.replaceButton.setEnabled(
            not self.running and any(o.status.value == "exists" for o in chosen)
        )
        self.ui.copyButton.setEnabled(bool(chosen))
        self.ui.showFolderButton.setEnabled(bool(chosen))

    # ---------------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
        self.results_model.retranslate()
        self.findings_model.retranslate()
        self._show_backup_folder()
        if self.ui.pages.currentWidget() is self.ui.resultsPage:
            self.ui.summaryLabel.setText(summary_text(self.results_model.rows()))
        self._on_selection()
