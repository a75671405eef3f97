"""审计日志: every change to the workspace, who made it and when, old → new, for staff and the
panel secretary alike; narrowed by kind, platform and dates, and exported to .xlsx or .csv.

Reading and exporting go through ``services.audit``; the dialog only chooses and shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.crash import show_user_error
from jlpanel.gui.common.file_dialogs import ask_table_file
from jlpanel.gui.common.geometry import resize_to_fit
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import icon, plain_buttons, set_muted
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.services.audit import AuditLine
    from jlpanel.services.workspace import Workspace


def _columns() -> list[Column[AuditLine]]:
    return [
        Column(lambda: translate("AuditLogDialog", "时间"), lambda a: a.local_time()),
        Column(lambda: translate("AuditLogDialog", "操作人"), lambda a: a.actor),
        Column(lambda: translate("AuditLogDialog", "操作"), lambda a: a.kind(current_language())),
        Column(lambda: translate("AuditLogDialog", "平台"), lambda a: a.platform or ""),
        Column(
            lambda: translate("AuditLogDialog", "变更（原值 → 新值）"),
            lambda a: a.change_text(current_language()),
        ),
    ]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class AuditLogDialog(QDialog):
    """The workspace's audit log, newest first, with filters and 导出…."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("AuditLogDialog")
        self.kindLabel = QLabel()
        self.kindCombo = QComboBox()
        self.kindLabel.setBuddy(self.kindCombo)
        self.platformLabel = QLabel()
        self.platformCombo = QComboBox()
        self.platformCombo.setMinimumContentsLength(16)
        self.platformCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.platformLabel.setBuddy(self.platformCombo)
        self.fromLabel = QLabel()
        self.fromEdit = QDateEdit()
        self.fromEdit.setCalendarPopup(True)
        self.fromEdit.setDisplayFormat("yyyy-MM-dd")
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel = QLabel()
        self.toEdit = QDateEdit()
        self.toEdit.setCalendarPopup(True)
        self.toEdit.setDisplayFormat("yyyy-MM-dd")
        self.toLabel.setBuddy(self.toEdit)
        self.resetButton = QPushButton()
        filters = QHBoxLayout()
        for widget in (
            self.kindLabel,
            self.kindCombo,
            self.platformLabel,
            self.platformCombo,
            self.fromLabel,
            self.fromEdit,
            self.toLabel,
            self.toEdit,
            self.resetButton,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model: RowsModel[AuditLine] = RowsModel(_columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        spreadsheet(self.table, export_name=lambda: translate("AuditLog", "审计日志"))
        self.countLabel = QLabel()
        set_muted(self.countLabel)
        self.exportedLabel = QLabel()
        self.exportedLabel.setWordWrap(True)
        self.exportedLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        plain_buttons(self.buttons)
        self.exportButton = QPushButton(icon("x-office-spreadsheet"), "")
        self.buttons.addButton(self.exportButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.exportButton.clicked.connect(self.export)
        self.resetButton.clicked.connect(self.reset_filters)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.countLabel)
        layout.addWidget(self.exportedLabel)
        layout.addWidget(self.buttons)

        self._loading = False
        self._fill_choices()
        self.reset_filters()
        for combo in (self.kindCombo, self.platformCombo):
            combo.currentIndexChanged.connect(self.reload)
        for edit in (self.fromEdit, self.toEdit):
            edit.dateChanged.connect(self.reload)
        self.retranslate()
        resize_to_fit(self, 1100, 640)

    # ----------------------------------------------------------------- filters

    def _fill_choices(self) -> None:
        from jlpanel.services.audit import ACTION_NAMES, audit_kinds, audit_platforms

        language = current_language()
        self._loading = True
        kind, platform = self.kindCombo.currentData(), self.platformCombo.currentData()
        self.kindCombo.clear()
        self.kindCombo.addItem(translate("AuditLogDialog", "全部"), None)
        for action in audit_kinds(self.workspace):
            words = ACTION_NAMES.get(action)
            self.kindCombo.addItem(words.get(language) if words else action, action)
        self.platformCombo.clear()
        self.platformCombo.addItem(translate("AuditLogDialog", "全部"), None)
        for pid, filing_no, name in audit_platforms(self.workspace):
            self.platformCombo.addItem(f"{filing_no}  {name}", pid)
        self.kindCombo.setCurrentIndex(max(0, self.kindCombo.findData(kind)))
        self.platformCombo.setCurrentIndex(max(0, self.platformCombo.findData(platform)))
        self._loading = False

    def reset_filters(self) -> None:
        """Every kind, every platform, from the first entry's day to today."""
        from jlpanel.services.audit import audit_log

        self._loading = True
        self.kindCombo.setCurrentIndex(0)
        self.platformCombo.setCurrentIndex(0)
        lines = audit_log(self.workspace, language=current_language())
        today = dt.date.today()
        first = min((line.at.astimezone().date() for line in lines), default=today)
        self.fromEdit.setDate(_qdate(min(first, today)))
        self.toEdit.setDate(_qdate(max(today, first)))
        self._loading = False
        self.reload()

    def choose_kind(self, action: str | None) -> None:
        self.kindCombo.setCurrentIndex(max(0, self.kindCombo.findData(action)))

    def choose_platform(self, platform_id: int | None) -> None:
        self.platformCombo.setCurrentIndex(max(0, self.platformCombo.findData(platform_id)))

    def reload(self) -> None:
        """Read the log again with the chosen filters."""
        if self._loading:
            return
        from jlpanel.services.audit import audit_log

        kind = self.kindCombo.currentData()
        lines = audit_log(
            self.workspace,
            actions=None if kind is None else [kind],
            platform_id=self.platformCombo.currentData(),
            since=_pydate(self.fromEdit.date()),
            until=_pydate(self.toEdit.date()),
            language=current_language(),
        )
        self.model.set_rows(lines)
        self.countLabel.setText(
            counted(
                len(lines),
                translate("AuditLogDialog", "共 {n} 条", "one"),
                translate("AuditLogDialog", "共 {n} 条", "other"),
            )
        )

    def lines(self) -> list[AuditLine]:
        """The entries shown, in order."""
        return self.model.rows()

    # ------------------------------------------------------------------ export

    def export(self) -> Path | None:
        """导出…: the entries shown to an .xlsx workbook or a .csv table."""
        from jlpanel.services.audit import export_audit_log

        path = ask_table_file(
            self,
            translate("AuditLogDialog", "导出审计日志"),
            self.workspace.folder / translate("AuditLogDialog", "审计日志.xlsx"),
        )
        if path is None:
            return None
        try:
            export_audit_log(path, self.lines(), language=current_language())
        except UserError as exc:
            show_user_error(self, exc)
            return None
        self.exportedLabel.setText(
            counted(
                len(self.lines()),
                translate("AuditLogDialog", "已导出 {n} 条到 {path}", "one"),
                translate("AuditLogDialog", "已导出 {n} 条到 {path}", "other"),
            ).replace("{path}", str(path))
        )
        return path

    # ---------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.setWindowTitle(translate("AuditLogDialog", "审计日志"))
        self.kindLabel.setText(translate("AuditLogDialog", "操作(&K)："))
        self.platformLabel.setText(translate("AuditLogDialog", "平台(&P)："))
        self.fromLabel.setText(translate("AuditLogDialog", "从(&F)："))
        self.toLabel.setText(translate("AuditLogDialog", "至(&T)："))
        self.resetButton.setText(translate("AuditLogDialog", "显示全部(&A)"))
        self.exportButton.setText(translate("AuditLogDialog", "导出(&E)…"))
        self.exportButton.setToolTip(
            translate("AuditLogDialog", "把列出的记录导出为 Excel 工作簿或 CSV 表格")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("AuditLogDialog", "关闭")
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill_choices()
            self.reload()  # the kinds and changes are worded in the language
        super().changeEvent(event)
