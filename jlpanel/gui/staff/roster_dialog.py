"""The result of importing an expert roster: what happened, and every finding with its fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.dossier_models import FindingsModel, findings_text
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import WrappingItemDelegate, icon, scaled_font, set_muted
from jlpanel.gui.staff.import_dialog import STATUS_LOOK

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.experts import RosterImportOutcome


def roster_status_text(status: str) -> str:
    """A roster import status in words."""
    return {
        "imported": translate("RosterDialog", "已导入专家名单"),
        "replaced": translate("RosterDialog", "已替换专家名单"),
        "refused": translate("RosterDialog", "未导入：名单中有错误"),
        "exists": translate("RosterDialog", "未导入：本周期已有专家名单"),
        "locked": translate("RosterDialog", "未导入：已发放评审包，名单不能再替换"),
    }.get(status, status)


def roster_summary(outcome: RosterImportOutcome) -> str:
    """N 位专家 · M 处回避关系 (同单位 a，名单回避单位 b，本人声明 c)."""
    if not outcome.ok:
        return counted(
            len(outcome.errors),
            translate("RosterDialog", "发现 {n} 处错误，工作区未作任何改动。", "one"),
            translate("RosterDialog", "发现 {n} 处错误，工作区未作任何改动。", "other"),
        )
    language = current_language()
    experts = counted(
        len(outcome.experts),
        translate("RosterDialog", "{n} 位专家", "one"),
        translate("RosterDialog", "{n} 位专家", "other"),
    )
    conflicts = counted(
        len(outcome.conflicts),
        translate("RosterDialog", "{n} 处回避关系", "one"),
        translate("RosterDialog", "{n} 处回避关系", "other"),
    )
    separator = translate("RosterDialog", "，")
    sources = separator.join(
        f"{source.label.get(language)} {n}" for source, n in outcome.conflict_counts().items() if n
    )
    text = translate("RosterDialog", "{experts}，{conflicts}").format(
        experts=experts, conflicts=conflicts
    )
    if sources:
        text += translate("RosterDialog", "（{sources}）").format(sources=sources)
    if outcome.possible_conflicts:
        text += "\n" + counted(
            len(outcome.possible_conflicts),
            translate(
                "RosterDialog",
                "{n} 处同名待核实：专家与平台材料中的人员同名，请在「同名核实」中确认回避或排除。",
                "one",
            ),
            translate(
                "RosterDialog",
                "{n} 处同名待核实：专家与平台材料中的人员同名，请在「同名核实」中确认回避或排除。",
                "other",
            ),
        )
    if outcome.assignments_cleared:
        text += "\n" + counted(
            outcome.assignments_cleared,
            translate("RosterDialog", "原有的 {n} 份评审分配已清除，请重新分配专家。", "one"),
            translate("RosterDialog", "原有的 {n} 份评审分配已清除，请重新分配专家。", "other"),
        )
    return text


class RosterResultDialog(QDialog):
    """导入专家名单 — the outcome: a status line, a summary and the findings table."""

    def __init__(self, outcome: RosterImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RosterResultDialog")
        self.outcome = outcome
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        status_row = QHBoxLayout()
        self.status_icon = QLabel(self)
        self.status_label = QLabel(self)
        self.status_label.setFont(scaled_font(self.status_label, 1.2, bold=True))
        self.status_label.setWordWrap(True)
        status_row.addWidget(self.status_icon)
        status_row.addWidget(self.status_label, 1)
        layout.addLayout(status_row)
        self.file_label = QLabel(self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_muted(self.file_label)
        layout.addWidget(self.file_label)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.findings_label = QLabel(self)
        layout.addWidget(self.findings_label)
        self.findings_model = FindingsModel(self)
        self.findings_model.set_findings(outcome.findings)
        table = QTableView(self)
        table.setObjectName("findingsTable")
        table.setModel(self.findings_model)
        table.setItemDelegate(WrappingItemDelegate(table))
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(FindingsModel.LOCATION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FindingsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FindingsModel.FIX, QHeaderView.ResizeMode.Stretch)
        self.findings_table = table
        spreadsheet(table, export_name=lambda: translate("RosterDialog", "名单问题"))
        layout.addWidget(table, 1)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(icon("edit-copy"), "", self)
        self.copy_button.clicked.connect(self.copy_findings)
        self.copy_button.setEnabled(bool(outcome.findings))
        self.close_button = QPushButton(self)
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        look = STATUS_LOOK["imported" if outcome.ok else "refused"]
        self.status_icon.setPixmap(icon(look[0]).pixmap(24, 24))
        table.setVisible(bool(outcome.findings))
        self._retranslate()
        screen = self.screen() or QGuiApplication.primaryScreen()
        width, height = (860, 520) if outcome.findings else (620, 220)
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.9))
            height = min(height, int(available.height() * 0.85))
        self.resize(width, height)

    def _retranslate(self) -> None:
        outcome = self.outcome
        self.setWindowTitle(translate("RosterDialog", "导入专家名单"))
        self.status_label.setText(roster_status_text(outcome.status.value))
        self.file_label.setText(translate("RosterDialog", "文件：{file}").format(file=outcome.path))
        self.summary_label.setText(roster_summary(outcome))
        if outcome.findings:
            self.findings_label.setText(
                counted(
                    len(outcome.findings),
                    translate("RosterDialog", "问题清单（{n} 条）：", "one"),
                    translate("RosterDialog", "问题清单（{n} 条）：", "other"),
                )
            )
        else:
            self.findings_label.setText(translate("RosterDialog", "没有发现问题。"))
        self.copy_button.setText(translate("RosterDialog", "复制问题清单(&C)"))
        self.close_button.setText(translate("RosterDialog", "关闭"))

    def copy_findings(self) -> str:
        """The findings as text, on the clipboard."""
        language = current_language()
        lines = [
            roster_status_text(self.outcome.status.value),
            str(self.outcome.path),
            *findings_text(self.outcome.findings, language),
        ]
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        return text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.findings_model.retranslate()
            self._retranslate()
        super().changeEvent(event)
