"""发放评审包: write every assigned expert's review package into a folder, then list them."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from jlpanel.gui.common import formatting
from jlpanel.gui.common.crash import show_failure
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import RoomyItemDelegate, icon, scaled_font, set_muted
from jlpanel.gui.forms.ui_issue_dialog import Ui_IssueDialog

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.packages import IssuedPackage
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)


def _issue(workspace: Workspace, folder: Path) -> list[IssuedPackage]:
    from jlpanel.services.packages import issue_packages

    return issue_packages(workspace, folder)


def _platforms_tip(item: IssuedPackage) -> str | None:
    if not item.skipped_conflicts:
        return None
    return counted(
        len(item.skipped_conflicts),
        translate("IssueDialog", "另有 {n} 个已分配的平台因须回避未放入", "one"),
        translate("IssueDialog", "另有 {n} 个已分配的平台因须回避未放入", "other"),
    )


class IssuedModel(RowsModel["IssuedPackage"]):
    """One row per package: 专家 · 评审包文件 · 平台数 · 纸质评分表."""

    EXPERT, FILE, PLATFORMS, PAPER = range(4)
    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("IssueDialog", "专家"),
                    lambda i: i.expert_name,
                    tooltip=lambda _i: None,
                ),
                Column(
                    lambda: translate("IssueDialog", "评审包文件"),
                    lambda i: i.path.name,
                    tooltip=lambda i: str(i.path),
                ),
                Column(
                    lambda: translate("IssueDialog", "平台数"),
                    lambda i: formatting.count(i.platform_count),
                    numeric=True,
                    tooltip=_platforms_tip,
                ),
                Column(
                    lambda: translate("IssueDialog", "纸质评分表"),
                    lambda i: i.paper_sheet.name if i.paper_sheet else "—",
                    tooltip=lambda i: str(i.paper_sheet) if i.paper_sheet else None,
                ),
            ],
            parent,
        )


class IssueDialog(QDialog):
    """Progress while the packages are written, then the list of files issued."""

    #: The packages were written; carries the list of IssuedPackage.
    issued = Signal(object)
    #: Issuing was refused or failed; carries the message shown.
    failed = Signal(str)

    def __init__(self, workspace: Workspace, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.workspace = workspace
        self.folder = Path(folder)
        self.running = False
        self.model = IssuedModel(self)
        table = self.ui.resultsTable
        table.setModel(self.model)
        table.setItemDelegate(RoomyItemDelegate(table))
        # File names share the cycle's long name: cut them in the middle, the expert shows.
        for column in (IssuedModel.FILE, IssuedModel.PAPER):
            table.setItemDelegateForColumn(
                column, RoomyItemDelegate(table, elide=Qt.TextElideMode.ElideMiddle)
            )
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(IssuedModel.EXPERT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IssuedModel.FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(IssuedModel.PLATFORMS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(IssuedModel.PAPER, QHeaderView.ResizeMode.Stretch)
        spreadsheet(table, export_name=lambda: translate("IssueDialog", "评审包清单"))
        self.ui.titleLabel.setFont(scaled_font(self.ui.titleLabel, 1.25, bold=True))
        set_muted(self.ui.folderLabel)
        set_muted(self.ui.progressNoteLabel)
        set_muted(self.ui.hintLabel)
        self.ui.openFolderButton.setIcon(icon("folder-open"))
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.closeButton.clicked.connect(self.accept)
        self._retranslate()
        self._fit_to_screen()
        self._update_buttons()

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = 860, 480
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.85))
        self.resize(width, height)

    def start(self) -> None:
        """Write the packages in the background."""
        if self.running:
            return
        self.running = True
        self.ui.pages.setCurrentWidget(self.ui.progressPage)
        self._retranslate()
        self._update_buttons()
        log.info("issuing review packages into %s", self.folder)
        run_task(partial(_issue, self.workspace, self.folder), self._on_done, self._on_failed)

    def _on_done(self, issued: list[IssuedPackage]) -> None:
        self.running = False
        self.model.set_rows(issued)
        self.ui.pages.setCurrentWidget(self.ui.resultsPage)
        self._retranslate()
        self._update_buttons()
        self.ui.resultsTable.setFocus()
        self.issued.emit(issued)

    def _on_failed(self, exc: BaseException) -> None:
        self.running = False
        self._update_buttons()
        message = show_failure(self, exc)
        self.failed.emit(message)
        self.reject()

    def summary(self) -> str:
        """发放了几份评审包."""
        issued = self.model.rows()
        platforms = sum(i.platform_count for i in issued)
        return counted(
            len(issued),
            translate("IssueDialog", "已发放 {n} 份评审包（共 {platforms} 份平台评审）", "one"),
            translate("IssueDialog", "已发放 {n} 份评审包（共 {platforms} 份平台评审）", "other"),
        ).replace("{platforms}", formatting.count(platforms))

    def _retranslate(self) -> None:
        if self.ui.pages.currentWidget() is self.ui.resultsPage:
            self.ui.titleLabel.setText(self.summary())
        else:
            self.ui.titleLabel.setText(translate("IssueDialog", "正在生成评审包…"))
        self.ui.folderLabel.setText(
            translate("IssueDialog", "文件夹：{folder}").format(folder=self.folder)
        )

    def _update_buttons(self) -> None:
        done = not self.running and self.model.rowCount() > 0
        self.ui.openFolderButton.setEnabled(done)
        self.ui.closeButton.setEnabled(not self.running)
        self.ui.closeButton.setDefault(done)

    def open_folder(self) -> None:
        """Show the folder of the packages in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def reject(self) -> None:
        if self.running:  # the packages are being written: they must finish or roll back
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.model.retranslate()
            self._retranslate()
        super().changeEvent(event)
