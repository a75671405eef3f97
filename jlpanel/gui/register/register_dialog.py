"""平台名录: every platform in the store's register with its status, the rectifications due
and overdue, and one platform's timeline across cycles; filtered by status and exported to
.xlsx or .csv.

Reading and exporting go through ``services.register``; the dialog only chooses and shows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jlpanel.domain.register import FOLLOW_UP_LABELS, STATUS_LABELS, FollowUp, RegisterStatus
from jlpanel.gui.common.crash import show_user_error
from jlpanel.gui.common.file_dialogs import ask_table_file
from jlpanel.gui.common.geometry import resize_to_fit
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import icon, plain_buttons, set_muted
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.services.register import RegisterLine, TimelineLine
    from jlpanel.services.workspace import Workspace

# The filter's choices besides the statuses: rectifications to follow up, and overdue ones.
DUE = "due"
OVERDUE = "overdue"


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _register_columns() -> list[Column[RegisterLine]]:
    def follow(line: RegisterLine) -> str:
        return FOLLOW_UP_LABELS[line.follow_up].get(current_language()) if line.follow_up else ""

    return [
        Column(lambda: translate("RegisterDialog", "备案编号"), lambda r: r.filing_no),
        Column(lambda: translate("RegisterDialog", "平台名称"), lambda r: r.name),
        Column(
            lambda: translate("RegisterDialog", "状态"),
            lambda r: STATUS_LABELS[r.status].get(current_language()),
        ),
        Column(lambda: translate("RegisterDialog", "状态起始"), lambda r: _day(r.status_since)),
        Column(lambda: translate("RegisterDialog", "最近考核周期"), lambda r: r.last_cycle),
        Column(
            lambda: translate("RegisterDialog", "最近等级"),
            lambda r: r.last_grade.label.get(current_language()) if r.last_grade else "",
        ),
        Column(lambda: translate("RegisterDialog", "整改期限"), lambda r: _day(r.deadline)),
        Column(
            lambda: translate("RegisterDialog", "整改跟进"),
            follow,
            bold=lambda r: r.overdue,
            icon=lambda r: "dialog-warning" if r.overdue else None,
        ),
        Column(lambda: translate("RegisterDialog", "理由"), lambda r: r.status_reason),
    ]


def _timeline_columns() -> list[Column[TimelineLine]]:
    from jlpanel.services.register import ORIGIN_LABELS, decision_text

    def change(t: TimelineLine) -> str:
        language = current_language()
        before = STATUS_LABELS[t.from_status].get(language) if t.from_status else "—"
        return f"{before} → {STATUS_LABELS[t.to_status].get(language)}"

    def reverted(t: TimelineLine) -> str:
        if not t.reverted:
            return ""
        return translate("RegisterDialog", "已撤回：{reason}").replace("{reason}", t.revert_reason)

    return [
        Column(lambda: translate("RegisterDialog", "日期"), lambda t: _day(t.effective_on)),
        Column(lambda: translate("RegisterDialog", "考核周期"), lambda t: t.cycle_name),
        Column(
            lambda: translate("RegisterDialog", "来源"),
            lambda t: ORIGIN_LABELS[t.origin].get(current_language()),
        ),
        Column(
            lambda: translate("RegisterDialog", "等级"),
            lambda t: t.grade.label.get(current_language()) if t.grade else "",
        ),
        Column(
            lambda: translate("RegisterDialog", "处理意见"),
            lambda t: decision_text(t.decision, current_language()) if t.decision else "",
        ),
        Column(lambda: translate("RegisterDialog", "状态变化"), change),
        Column(lambda: translate("RegisterDialog", "理由"), lambda t: t.reason),
        Column(lambda: translate("RegisterDialog", "操作人"), lambda t: t.actor),
        Column(lambda: translate("RegisterDialog", "撤回"), reverted),
    ]


def _table(model: RowsModel) -> QTableView:  # type: ignore[type-arg]
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


#: The register's column of platform names: it gives up width (eliding, the whole name in its
#: tooltip) when the screen cannot show every column.
NAME_COLUMN = 1


def _column_width(table: QTableView, column: int) -> int:
    """What ``column`` needs: its contents and header; a stretching last one keeps at least
    the default width (Qt does not make it narrower)."""
    header = table.horizontalHeader()
    width = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
    if header.stretchLastSection() and column == header.count() - 1:
        width = max(width, header.defaultSectionSize())
    return width


def _columns_width(table: QTableView) -> int:
    """What ``table`` needs to show every column whole: the columns' contents, its frame and
    a vertical scroll bar."""
    columns = sum(_column_width(table, c) for c in range(table.horizontalHeader().count()))
    return columns + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()


class RegisterDialog(QDialog):
    """The store's register: filter by status, a platform's timeline, due/overdue, 导出…."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = today
        self.setObjectName("RegisterDialog")
        self.statusLabel = QLabel()
        self.statusCombo = QComboBox()
        self.statusLabel.setBuddy(self.statusCombo)
        self.followUpLabel = QLabel()
        set_muted(self.followUpLabel)
        filters = QHBoxLayout()
        filters.addWidget(self.statusLabel)
        filters.addWidget(self.statusCombo)
        filters.addStretch(1)
        filters.addWidget(self.followUpLabel)

        self.model: RowsModel[RegisterLine] = RowsModel(_register_columns(), self)
        self.table = _table(self.model)
        spreadsheet(self.table, export_name=lambda: translate("RegisterDialog", "平台名录"))
        self.timelineLabel = QLabel()
        self.timelineModel: RowsModel[TimelineLine] = RowsModel(_timeline_columns(), self)
        self.timeline = _table(self.timelineModel)
        spreadsheet(self.timeline, export_name=lambda: translate("RegisterDialog", "状态历史"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.timelineLabel)
        lower_layout.addWidget(self.timeline, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

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

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.countLabel)
        layout.addWidget(self.exportedLabel)
        layout.addWidget(self.buttons)

        self._all: list[RegisterLine] = []
        self._fill_choices()
        self.statusCombo.currentIndexChanged.connect(self.refilter)
        self.table.selectionModel().currentRowChanged.connect(self._show_timeline)
        self._name_fit = QTimer(self)
        self._name_fit.setSingleShot(True)
        self._name_fit.setInterval(0)
        self._name_fit.timeout.connect(self._fit_names)
        self.model.modelReset.connect(self._name_fit.start)
        self.retranslate()
        self.reload()
        # As wide as the columns want (the names, the dates, the reasons), the screen allowing:
        # at 150 % on a 1366×768 laptop the names give up width instead
        margins = layout.contentsMargins()
        wanted = max(_columns_width(self.table), _columns_width(self.timeline))
        resize_to_fit(self, max(1100, wanted + margins.left() + margins.right()), 680)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._name_fit.start()

    def _fit_names(self) -> None:
        """The names' column as wide as the other columns leave (at least about eight
        characters, at most its whole contents): the dates and the follow-up stay in view."""
        table, header = self.table, self.table.horizontalHeader()
        if header.count() <= NAME_COLUMN:
            return
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
        others = sum(_column_width(table, c) for c in range(header.count()) if c != NAME_COLUMN)
        whole = _column_width(table, NAME_COLUMN)
        least = table.fontMetrics().horizontalAdvance("吉") * 8
        width = max(min(least, whole), min(whole, table.viewport().width() - others))
        if header.sectionSize(NAME_COLUMN) != width:
            header.resizeSection(NAME_COLUMN, width)

    # ----------------------------------------------------------------- filters

    def _fill_choices(self) -> None:
        chosen = self.statusCombo.currentData()
        self.statusCombo.blockSignals(True)
        self.statusCombo.clear()
        self.statusCombo.addItem(translate("RegisterDialog", "全部"), None)
        for status in RegisterStatus:
            self.statusCombo.addItem(STATUS_LABELS[status].get(current_language()), status.value)
        self.statusCombo.addItem(translate("RegisterDialog", "整改待跟进"), DUE)
        self.statusCombo.addItem(translate("RegisterDialog", "整改逾期"), OVERDUE)
        self.statusCombo.setCurrentIndex(max(0, self.statusCombo.findData(chosen)))
        self.statusCombo.blockSignals(False)

    def choose(self, value: str | None) -> None:
        """Show one status (a ``RegisterStatus`` value), DUE, OVERDUE or None for all."""
        self.statusCombo.setCurrentIndex(max(0, self.statusCombo.findData(value)))

    def reload(self) -> None:
        """Read the register again."""
        from jlpanel.services.register import register_lines

        self._all = register_lines(self.workspace, today=self.today)
        due = [r for r in self._all if r.follow_up in (FollowUp.DUE, FollowUp.REPORTED)]
        overdue = [r for r in self._all if r.overdue]
        self.followUpLabel.setText(
            translate("RegisterDialog", "整改待跟进 {due} 个，逾期 {overdue} 个")
            .replace("{due}", str(len(due)))
            .replace("{overdue}", str(len(overdue)))
        )
        self.refilter()

    def refilter(self) -> None:
        current = self.table.currentIndex()
        kept = self.model.row(current.row()).filing_no if current.isValid() else None
        chosen = self.statusCombo.currentData()
        if chosen is None:
            lines = self._all
        elif chosen == DUE:
            lines = [r for r in self._all if r.follow_up in (FollowUp.DUE, FollowUp.REPORTED)]
        elif chosen == OVERDUE:
            lines = [r for r in self._all if r.overdue]
        else:
            lines = [r for r in self._all if r.status.value == chosen]
        self.model.set_rows(lines)
        self.countLabel.setText(
            counted(
                len(lines),
                translate("RegisterDialog", "共 {n} 个平台", "one"),
                translate("RegisterDialog", "共 {n} 个平台", "other"),
            )
        )
        if lines:
            # The platform looked at stays chosen when it is still listed (a reload, a language).
            shown = [r.filing_no for r in self.model.rows()]
            self.table.selectRow(shown.index(kept) if kept in shown else 0)
            self._show_timeline()
        else:
            self.timelineModel.set_rows([])
            self.timelineLabel.setText(translate("RegisterDialog", "状态历史"))

    def lines(self) -> list[RegisterLine]:
        """The platforms shown, in order."""
        return self.model.rows()

    def _show_timeline(self, *_: object) -> None:
        from jlpanel.services.register import timeline

        index = self.table.currentIndex()
        if not index.isValid():
            return
        line = self.model.row(index.row())
        self.timelineModel.set_rows(timeline(self.workspace, line.filing_no))
        self.timelineLabel.setText(
            translate("RegisterDialog", "{platform} 的状态历史").replace(
                "{platform}", f"{line.filing_no} {line.name}"
            )
        )

    def timeline_lines(self) -> list[TimelineLine]:
        """The chosen platform's timeline, as shown."""
        return self.timelineModel.rows()

    # ------------------------------------------------------------------ export

    def export(self) -> Path | None:
        """导出…: the platforms shown to an .xlsx workbook or a .csv table."""
        from jlpanel.services.register import export_register

        path = ask_table_file(
            self,
            translate("RegisterDialog", "导出平台名录"),
            self.workspace.folder / translate("RegisterDialog", "平台名录.xlsx"),
        )
        if path is None:
            return None
        try:
            export_register(path, self.lines(), current_language())
        except UserError as exc:
            show_user_error(self, exc)
            return None
        self.exportedLabel.setText(
            counted(
                len(self.lines()),
                translate("RegisterDialog", "已导出 {n} 个平台到 {path}", "one"),
                translate("RegisterDialog", "已导出 {n} 个平台到 {path}", "other"),
            ).replace("{path}", str(path))
        )
        return path

    # ---------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.setWindowTitle(translate("RegisterDialog", "平台名录"))
        self.statusLabel.setText(translate("RegisterDialog", "状态(&S)："))
        self.exportButton.setText(translate("RegisterDialog", "导出(&E)…"))
        self.exportButton.setToolTip(
            translate("RegisterDialog", "把列出的平台导出为 Excel 工作簿或 CSV 表格")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("RegisterDialog", "关闭")
        )
        self.model.retranslate()
        self.timelineModel.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill_choices()
            self.reload()
        super().changeEvent(event)
