"""The 专家 tab: the roster, conflicts of interest, the assignment matrix, same-name checks,
issuing packages."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QTableView,
    QWidget,
)

from jlpanel.gui.common import formatting
from jlpanel.gui.common.column_fit import content_widths, fit_columns
from jlpanel.gui.common.crash import show_failure
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import (
    CAUTION,
    QUIET_SELECTION,
    TEXT,
    RoomyItemDelegate,
    icon,
    scaled_font,
    set_muted,
)
from jlpanel.gui.forms.ui_experts_view import Ui_ExpertsView
from jlpanel.gui.staff.experts_models import (
    ASSIGNED_MARK,
    CHECK_REASON,
    CONFLICT_MARK,
    AssignmentMatrixModel,
    ExpertRow,
    ExpertTableModel,
    expert_rows,
    name_checks_model,
)
from jlpanel.gui.staff.issue_dialog import IssueDialog
from jlpanel.gui.staff.roster_dialog import RosterResultDialog, roster_status_text

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.experts import (
        AssignmentMatrix,
        AssignmentSummary,
        ExpertLine,
        NameCheckOutcome,
        PossibleConflictLine,
        RosterImportOutcome,
    )
    from jlpanel.services.packages import IssuedPackage
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

_ROSTER_FOLDER_KEY = "roster/lastFolder"
_PACKAGES_FOLDER_KEY = "packages/lastFolder"
#: The roster's columns sized to their texts when it is read (the institution stretches).
_ROSTER_FITTED = tuple(
    c for c in range(ExpertTableModel.COLUMNS) if c != ExpertTableModel.INSTITUTION
)


@dataclass(frozen=True, slots=True)
class ExpertsData:
    """What the tab shows, read in one go off the GUI thread."""

    experts: list[ExpertLine]
    matrix: AssignmentMatrix
    #: The roster's rows with each expert's conflicts and load, counted off the GUI thread.
    rows: list[ExpertRow]
    #: Experts who share a name with someone a dossier names, and where each check stands.
    name_checks: list[PossibleConflictLine]


def _load(workspace: Workspace) -> ExpertsData:
    from jlpanel.services.experts import (
        assignment_matrix,
        list_experts,
        list_possible_conflicts,
    )

    experts = list_experts(workspace)
    matrix = assignment_matrix(workspace)
    return ExpertsData(
        experts, matrix, expert_rows(experts, matrix), list_possible_conflicts(workspace)
    )


def _check_name(
    workspace: Workspace, kind: str, line: PossibleConflictLine, note: str
) -> NameCheckOutcome:
    from jlpanel.services.experts import (
        clear_possible_conflict,
        confirm_possible_conflict,
        reopen_possible_conflict,
    )

    pair = (workspace, line.expert_id, line.platform_id)
    if kind == "reopen":
        return reopen_possible_conflict(*pair)
    decide = confirm_possible_conflict if kind == "confirm" else clear_possible_conflict
    # What the user looked at: refused if the dossier changed since it was shown.
    return decide(*pair, note=note, seen_reason=line.reason.zh)


def _import_roster(
    workspace: Workspace, path: Path, replace: bool, backup_dir: Path, backup_count: int
) -> RosterImportOutcome:
    from jlpanel.services.experts import import_roster

    return import_roster(
        workspace, path, replace=replace, backup_dir=backup_dir, backup_count=backup_count
    )


def _assign(workspace: Workspace, per_platform: int | None) -> AssignmentSummary:
    from jlpanel.services.experts import assign_experts

    return assign_experts(workspace, per_platform=per_platform)


def _write_roster_template(path: Path) -> Path:
    from jlpanel.services.experts import write_roster_template

    write_roster_template(path)
    return path


class ExpertsView(QWidget):
    """Roster on the left, the platforms × experts matrix on the right, actions on top."""

    #: Something happened worth a status-bar line.
    status = Signal(str)
    #: The experts were (re)read; carries how many there are.
    refreshed = Signal(int)
    #: A roster import finished (the RosterImportOutcome).
    roster_imported = Signal(object)
    #: An assignment was stored (the AssignmentSummary).
    assigned = Signal(object)
    #: Assigning or another action was refused; carries the message shown.
    refused = Signal(str)
    #: Review packages were written (the list of IssuedPackage).
    packages_issued = Signal(object)
    #: A same-name match was confirmed, cleared or reopened (the NameCheckOutcome).
    name_checked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ExpertsView()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.workspace: Workspace | None = None
        self.data: ExpertsData | None = None
        self.issue_dialog: IssueDialog | None = None
        self.roster_dialog: RosterResultDialog | None = None
        self._busy = False
        self._generation = 0
        #: The workspace's experts are not read yet: read when the tab is first shown (the
        #: matrix of a large cycle costs the worker seconds the platform list should have).
        self._unread = False

        self.experts_model = ExpertTableModel(self)
        table = self.ui.expertsTable
        table.setModel(self.experts_model)
        table.setItemDelegate(RoomyItemDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # Sized from the texts when the roster is read (_fit_roster): to its contents, every
        # cell of the roster was asked on the GUI thread, twice, when the tab was first shown.
        for column in _ROSTER_FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(ExpertTableModel.INSTITUTION, QHeaderView.ResizeMode.Stretch)
        #: The width the roster's columns need, the institution whole (see _fit_roster).
        self._roster_width = 0
        table.selectionModel().selectionChanged.connect(self._on_expert_selected)
        spreadsheet(table, export_name=lambda: translate("ExpertsView", "专家名单"))

        self.matrix_model = AssignmentMatrixModel(self)
        matrix = self.ui.matrixTable
        matrix.setModel(self.matrix_model)
        matrix.setWordWrap(False)
        vertical = matrix.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(matrix.fontMetrics().height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vertical.setMaximumWidth(380)
        vertical.setHighlightSections(False)
        # The chosen expert's column in a light wash: the marks must stay readable in it.
        selection = matrix.palette()
        selection.setColor(QPalette.ColorRole.Highlight, QColor(QUIET_SELECTION))
        selection.setColor(QPalette.ColorRole.HighlightedText, QColor(TEXT))
        matrix.setPalette(selection)
        horizontal = matrix.horizontalHeader()
        horizontal.setHighlightSections(True)
        # Sized from the names and counts when filled (_size_matrix_columns): to its contents,
        # a 2,000 × 200 matrix would ask for every cell on every layout.
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        horizontal.setStretchLastSection(False)
        # Not sorted: the last row holds each expert's load.
        spreadsheet(matrix, sort=False, export_name=lambda: translate("ExpertsView", "专家分配"))

        self.name_checks_model = name_checks_model(self)
        checks = self.ui.nameChecksTable
        checks.setModel(self.name_checks_model)
        checks.setItemDelegate(RoomyItemDelegate(checks))
        checks.verticalHeader().hide()
        checks.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        checks.verticalHeader().setDefaultSectionSize(checks.fontMetrics().height() + 12)
        checks_header = checks.horizontalHeader()
        checks_header.setHighlightSections(False)
        checks_header.setStretchLastSection(False)
        for column in range(self.name_checks_model.columnCount()):
            checks_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        checks_header.setSectionResizeMode(CHECK_REASON, QHeaderView.ResizeMode.Stretch)
        checks.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        checks.selectionModel().selectionChanged.connect(self._update_buttons)
        spreadsheet(
            checks,
            menu=self._name_checks_menu,
            export_name=lambda: translate("ExpertsView", "同名核实"),
        )
        self.ui.nameChecksLabel.setFont(scaled_font(self.ui.nameChecksLabel, 1.0, bold=True))
        set_muted(self.ui.nameChecksHint)
        self.ui.confirmNameButton.setIcon(icon("progress-conflict"))
        self.ui.clearNameButton.setIcon(icon("progress-done"))
        self.ui.reopenNameButton.setIcon(icon("edit-undo"))
        self.ui.confirmNameButton.clicked.connect(self.confirm_name_check)
        self.ui.clearNameButton.clicked.connect(self.clear_name_check)
        self.ui.reopenNameButton.clicked.connect(self.reopen_name_check)
        self.ui.nameChecksPane.hide()
        self.ui.mainSplitter.setStretchFactor(0, 3)
        self.ui.mainSplitter.setStretchFactor(1, 2)

        self.ui.emptyTitleLabel.setFont(scaled_font(self.ui.emptyTitleLabel, 1.4, bold=True))
        set_muted(self.ui.emptyHintLabel)
        set_muted(self.ui.legendLabel)
        self.ui.expertsLabel.setFont(scaled_font(self.ui.expertsLabel, 1.0, bold=True))
        self.ui.matrixLabel.setFont(scaled_font(self.ui.matrixLabel, 1.0, bold=True))
        self.ui.staleLabel.setStyleSheet(f"color: {CAUTION};")
        self.ui.staleLabel.hide()
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        # Sized to the tables once they are filled (see _fit_splitter), until the user drags.
        self._user_split = False
        self.ui.splitter.splitterMoved.connect(self._on_splitter_moved)

        self.ui.importRosterButton.setIcon(icon("document-import"))
        self.ui.templateButton.setIcon(icon("x-office-spreadsheet"))
        self.ui.issueButton.setIcon(icon("document-new"))
        self.ui.importRosterButton.clicked.connect(self.import_roster)
        self.ui.templateButton.clicked.connect(self.save_roster_template)
        self.ui.assignButton.clicked.connect(self.assign)
        self.ui.issueButton.clicked.connect(self.issue_packages)
        self.ui.perPlatformRadio.toggled.connect(self._update_buttons)
        self.ui.perPlatformSpin.valueChanged.connect(self._on_spin_changed)
        # Shown while the roster and the matrix are read (seconds on a national cycle).
        self.loading_label = QLabel()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_muted(self.loading_label)
        self.ui.pages.addWidget(self.loading_label)
        self._retranslate_loading()
        self.ui.pages.setCurrentWidget(self.ui.emptyPage)
        self._update_buttons()

    def _retranslate_loading(self) -> None:
        self.loading_label.setText(translate("ExpertsView", "正在读取专家名单和评审分配…"))

    # --------------------------------------------------------------------------- state

    def set_workspace(self, workspace: Workspace | None) -> None:
        """The open workspace (None when closed); reads its experts."""
        self.workspace = workspace
        self._user_split = False
        self.data = None
        self.experts_model.set_rows([])
        self.matrix_model.set_matrix(None)
        self.name_checks_model.set_rows([])
        self.ui.nameChecksPane.hide()
        self.ui.noteEdit.clear()
        self.ui.pages.setCurrentWidget(self.ui.emptyPage)
        self._generation += 1
        self._unread = workspace is not None
        if workspace is not None and self.isVisible():
            self.refresh()
        self._update_buttons()

    def refresh(self) -> None:
        """Re-read the roster and the matrix in the background."""
        if self.workspace is None:
            return
        self._unread = False
        if self.data is None:  # nothing to show meanwhile
            self.ui.pages.setCurrentWidget(self.loading_label)
        self._generation += 1
        run_task(
            partial(_load, self.workspace),
            partial(self._on_loaded, self._generation),
            partial(self._on_load_failed, self._generation),
            read=True,
        )

    def _on_loaded(self, generation: int, data: ExpertsData) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.experts_model.set_rows(data.rows)
        self._fit_roster()
        self.matrix_model.set_matrix(data.matrix)
        self._size_matrix_columns()
        self._show_name_checks(data.name_checks)
        self.ui.pages.setCurrentWidget(self.ui.contentPage if data.experts else self.ui.emptyPage)
        if data.experts:
            # Bounds from the cycle's rules and the roster; five a platform unless chosen.
            spin = self.ui.perPlatformSpin
            minimum = data.matrix.min_per_platform
            chosen = self.ui.perPlatformRadio.isChecked()
            spin.blockSignals(True)
            spin.setRange(minimum, max(minimum, len(data.experts)))
            if not chosen:
                spin.setValue(max(minimum, min(5, len(data.experts))))
            spin.blockSignals(False)
        self._show_counts()
        self._update_buttons()
        self._fit_splitter()
        self.refreshed.emit(len(data.experts))

    # ------------------------------------------------------------------------- layout

    def _size_matrix_columns(self) -> None:
        """Each column as wide as its header and its widest text, measured from the matrix's
        names and counts rather than asked of every cell."""
        matrix = self.matrix_model.matrix
        table = self.ui.matrixTable
        header = table.horizontalHeader()
        if matrix is None or not matrix.platforms:
            return
        plain = table.fontMetrics()
        bold_font = table.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        pad = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 8
        marks = max(plain.horizontalAdvance(m) for m in (ASSIGNED_MARK, CONFLICT_MARK))
        for column, expert in enumerate(matrix.experts):
            text = max(marks, bold.horizontalAdvance(formatting.count(expert.load)))
            header.resizeSection(column, max(header.sectionSizeHint(column), text + pad))
        # each distinct count measured once: a handful, not 2,000
        counts = max(
            map(
                plain.horizontalAdvance,
                {f"{p.assigned} / {p.conflict_free}" for p in matrix.platforms},
            ),
            default=0,
        )
        total = bold.horizontalAdvance(formatting.count(sum(p.assigned for p in matrix.platforms)))
        icon_width = table.iconSize().width() if table.iconSize().isValid() else 0
        icon_width = max(icon_width, table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize))
        count_column = self.matrix_model.count_column
        header.resizeSection(
            count_column,
            max(header.sectionSizeHint(count_column), counts + icon_width + 4 + pad, total + pad),
        )

    def _fit_roster(self) -> None:
        """The roster's short columns as wide as their header and widest text, measured
        from the rows rather than asked of every cell (issue 16)."""
        table = self.ui.expertsTable
        model = self.experts_model
        fit_columns(table, model, _ROSTER_FITTED)
        header = table.horizontalHeader()
        institution = ExpertTableModel.INSTITUTION
        wide = content_widths(table, model, [institution])[institution]
        self._roster_width = sum(header.sectionSize(c) for c in _ROSTER_FITTED) + max(
            wide, header.sectionSizeHint(institution)
        )

    def _fit_name_checks(self) -> None:
        """The same-name checks' short columns fitted likewise (the reason stretches)."""
        checks = self.name_checks_model
        columns = [c for c in range(checks.columnCount()) if c != CHECK_REASON]
        fit_columns(self.ui.nameChecksTable, checks, columns)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_split = True

    @staticmethod
    def _table_width(table: QTableView, columns: int) -> int:
        """The width ``table`` needs to show ``columns`` px of columns whole (and its row
        headers and a vertical scroll bar)."""
        vertical = table.verticalHeader()
        rows = vertical.sizeHint().width() if vertical.isVisible() else 0
        bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        return columns + min(rows, vertical.maximumWidth()) + 2 * table.frameWidth() + bar

    def _fit_splitter(self) -> None:
        """The assignment matrix gets the width it needs and the roster the rest (its 工作单位
        whole at 1366 px, where a fixed 2:3 cut it beside 150 px of empty matrix); when both
        do not fit, the matrix first. Once the user drags the handle, theirs."""
        splitter = self.ui.splitter
        if self._user_split or self.data is None or not self.data.experts:
            return
        room = splitter.width() - splitter.handleWidth()
        if room <= 0 or not self.isVisible():
            return
        panes = [self.ui.expertsPane, self.ui.matrixPane]
        tables = [self.ui.expertsTable, self.ui.matrixTable]
        # A pane needs its table's width and its own margins around it.
        # The roster's columns as measured when it was read; the matrix's are sized already.
        columns = [self._roster_width, self.ui.matrixTable.horizontalHeader().length()]
        wanted = [
            self._table_width(table, width) + pane.width() - table.width()
            for pane, table, width in zip(panes, tables, columns, strict=True)
        ]
        roster, matrix = wanted
        # Short of room (150 %), the matrix keeps at least its old three fifths.
        matrix = min(matrix, max(room * 3 // 5, room - roster))
        splitter.setSizes([room - matrix, matrix])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unread:
            self.refresh()
        self._fit_splitter()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_splitter()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if self.ui.pages.currentWidget() is self.loading_label:
            self.ui.pages.setCurrentWidget(self.ui.emptyPage)
        self._report(exc)

    def _show_counts(self) -> None:
        data = self.data
        if data is None:
            self.ui.expertsLabel.setText("—")
            self.ui.matrixLabel.setText("—")
            self.ui.staleLabel.hide()
            return
        matrix = data.matrix
        self.ui.expertsLabel.setText(
            counted(
                len(data.experts),
                translate("ExpertsView", "专家名单（{n} 位）", "one"),
                translate("ExpertsView", "专家名单（{n} 位）", "other"),
            )
        )
        reviews = sum(p.assigned for p in matrix.platforms)
        short = len(self.matrix_model.short_rows())
        if not matrix.platforms:
            text = translate("ExpertsView", "评审分配：工作区中还没有平台材料")
        elif matrix.has_assignment:
            loads = [e.load for e in matrix.experts]
            text = counted(
                reviews,
                translate(
                    "ExpertsView", "评审分配：共 {n} 份评审，每位专家 {low}–{high} 个平台", "one"
                ),
                translate(
                    "ExpertsView", "评审分配：共 {n} 份评审，每位专家 {low}–{high} 个平台", "other"
                ),
            ).format(low=min(loads), high=max(loads))
        else:
            text = translate("ExpertsView", "评审分配：尚未分配（下表标出各平台须回避的专家）")
        if short:
            text += translate("ExpertsView", "；") + counted(
                short,
                translate("ExpertsView", "{n} 个平台专家不足 {min} 位", "one"),
                translate("ExpertsView", "{n} 个平台专家不足 {min} 位", "other"),
            ).replace("{min}", str(matrix.min_per_platform))
        self.ui.matrixLabel.setText(text)
        self.ui.staleLabel.setVisible(matrix.conflicts_stale)
        checks = data.name_checks
        self.ui.nameChecksLabel.setText(
            translate("ExpertsView", "同名核实：待核实 {open} 项，共 {total} 项").format(
                open=sum(1 for c in checks if c.open), total=len(checks)
            )
        )

    def _update_buttons(self, *_args: object) -> None:
        has_workspace = self.workspace is not None and not self._busy
        has_experts = bool(self.data and self.data.experts)
        has_assignment = bool(self.data and self.data.matrix.has_assignment)
        self.ui.importRosterButton.setEnabled(has_workspace)
        self.ui.templateButton.setEnabled(not self._busy)
        for widget in (self.ui.allRadio, self.ui.perPlatformRadio, self.ui.assignButton):
            widget.setEnabled(has_workspace and has_experts)
        self.ui.perPlatformSpin.setEnabled(
            has_workspace and has_experts and self.ui.perPlatformRadio.isChecked()
        )
        self.ui.issueButton.setEnabled(has_workspace and has_assignment)
        line = self.selected_name_check()
        status = None if line is None else line.status.value
        can_decide = has_workspace and line is not None and line.found
        self.ui.confirmNameButton.setEnabled(can_decide and status != "confirmed")
        self.ui.clearNameButton.setEnabled(can_decide and status != "cleared")
        self.ui.reopenNameButton.setEnabled(
            has_workspace and line is not None and line.decided_at is not None
        )
        self.ui.noteEdit.setEnabled(can_decide)

    def _on_spin_changed(self, _value: int) -> None:
        self.ui.perPlatformRadio.setChecked(True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _report(self, exc: BaseException) -> None:
        message = show_failure(self, exc)
        self.refused.emit(message)

    def _on_expert_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        matrix = self.matrix_model.matrix
        if not rows or matrix is None or self.matrix_model.rowCount() == 0:
            return
        # The roster may be sorted otherwise than the matrix's columns: match by expert.
        expert_id = self.experts_model.row(rows[0].row()).expert.id
        column = next((n for n, e in enumerate(matrix.experts) if e.id == expert_id), -1)
        if column < 0:
            return
        index = self.matrix_model.index(0, column)
        self.ui.matrixTable.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Columns,
        )
        self.ui.matrixTable.scrollTo(index)

    # --------------------------------------------------------------------- same names

    def _show_name_checks(self, checks: list[PossibleConflictLine]) -> None:
        """The same-name checks, the selection kept on the same pair (else the first open)."""
        kept = self.selected_name_check()
        key = None if kept is None else (kept.expert_id, kept.platform_id)
        self.name_checks_model.set_rows(checks)
        self._fit_name_checks()
        self.ui.nameChecksPane.setVisible(bool(checks))
        if not checks:
            return
        rows = [(c.expert_id, c.platform_id) for c in checks]
        if key in rows:
            row = rows.index(key)
        else:
            row = next((n for n, c in enumerate(checks) if c.open), 0)
        self.ui.nameChecksTable.selectRow(row)

    def selected_name_check(self) -> PossibleConflictLine | None:
        """The same-name check chosen in the table."""
        rows = self.ui.nameChecksTable.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < self.name_checks_model.rowCount():
            return None
        return self.name_checks_model.row(rows[0].row())

    def confirm_name_check(self) -> None:
        """The chosen expert is the person the dossier names: keep them off the platform."""
        self._check_name("confirm")

    def clear_name_check(self) -> None:
        """The chosen expert is not the person the dossier names."""
        self._check_name("clear")

    def reopen_name_check(self) -> None:
        """Undo the chosen check: to check again."""
        self._check_name("reopen")

    def _check_name(self, kind: str) -> None:
        line = self.selected_name_check()
        if self.workspace is None or self._busy or line is None:
            return
        self._set_busy(True)
        run_task(
            partial(_check_name, self.workspace, kind, line, self.ui.noteEdit.text()),
            partial(self._on_name_checked, kind, line),
            self._on_name_check_failed,
        )

    def _on_name_checked(
        self, kind: str, line: PossibleConflictLine, outcome: NameCheckOutcome
    ) -> None:
        self._set_busy(False)
        self.ui.noteEdit.clear()
        pair = f"{line.expert_name} — {line.filing_no}"
        message = {
            "confirm": translate("ExpertsView", "已确认回避：{pair} 是同一人，分配专家时避开"),
            "clear": translate("ExpertsView", "已排除：{pair} 不是同一人"),
            "reopen": translate("ExpertsView", "已撤销核实：{pair} 重新列为待核实"),
        }[kind].format(pair=pair)
        if not outcome.changed:
            message += translate("ExpertsView", "（与原核实结果相同）")
        if outcome.assigned:
            message += translate("ExpertsView", "；该专家已分配评审此平台，请重新分配专家")
        if outcome.still_open:
            message += translate("ExpertsView", "；尚有 {n} 项同名待核实").format(
                n=outcome.still_open
            )
        self.status.emit(message)
        self.refresh()
        self.name_checked.emit(outcome)

    def _on_name_check_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._report(exc)
        self.refresh()  # what was shown may be out of date

    def _name_checks_menu(self, menu: QMenu, index: QModelIndex) -> None:
        if not index.isValid():
            return
        for button in (
            self.ui.confirmNameButton,
            self.ui.clearNameButton,
            self.ui.reopenNameButton,
        ):
            action = menu.addAction(button.icon(), button.text())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)

    # ------------------------------------------------------------------------- roster

    def _folder(self, key: str) -> str:
        value = app_settings().value(key, "")
        if isinstance(value, str) and value:
            return value
        return str(self.workspace.folder) if self.workspace else ""

    @staticmethod
    def _remember(key: str, folder: Path) -> None:
        settings = app_settings()
        settings.setValue(key, str(folder))
        settings.sync()

    def import_roster(self) -> None:
        """Choose a roster workbook and import it (asking first when one exists)."""
        if self.workspace is None or self._busy:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ExpertsView", "选择专家名单"),
            self._folder(_ROSTER_FOLDER_KEY),
            translate("ExpertsView", "Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)"),
        )
        if not name:
            return
        path = Path(name)
        self._remember(_ROSTER_FOLDER_KEY, path.parent)
        existing = len(self.data.experts) if self.data else self._count_experts()
        replace = False
        if existing:
            answer = QMessageBox.question(
                self,
                translate("ExpertsView", "替换专家名单"),
                counted(
                    existing,
                    translate(
                        "ExpertsView",
                        "本考核周期已有专家名单（{n} 位专家）。用 {file} 替换它吗？\n\n"
                        "同名专家的本人声明保留；原有的评审分配将被清除，须重新分配。"
                        "替换前会先备份工作区，并记入审计日志。",
                        "one",
                    ),
                    translate(
                        "ExpertsView",
                        "本考核周期已有专家名单（{n} 位专家）。用 {file} 替换它吗？\n\n"
                        "同名专家的本人声明保留；原有的评审分配将被清除，须重新分配。"
                        "替换前会先备份工作区，并记入审计日志。",
                        "other",
                    ),
                ).replace("{file}", path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            replace = True
        self.start_roster_import(path, replace=replace)

    def _count_experts(self) -> int:
        """The roster's size before the tab has read it (a small query)."""
        if self.workspace is None:
            return 0
        from jlpanel.services.experts import list_experts

        return len(list_experts(self.workspace))

    def start_roster_import(self, path: Path, *, replace: bool) -> None:
        """Import ``path`` in the background and show its result."""
        if self.workspace is None or self._busy:
            return
        from jlpanel.services.preferences import load_preferences

        preferences = load_preferences()
        self._set_busy(True)
        self.status.emit(
            translate("ExpertsView", "正在导入专家名单 {name}…").format(name=path.name)
        )
        run_task(
            partial(
                _import_roster,
                self.workspace,
                path,
                replace,
                preferences.backup_folder(),
                preferences.backup_count,
            ),
            self._on_roster_imported,
            self._on_task_failed,
        )

    def _on_roster_imported(self, outcome: RosterImportOutcome) -> None:
        self._set_busy(False)
        self.status.emit(roster_status_text(outcome.status.value))
        log.info("roster %s: %s", outcome.path, outcome.status)
        if outcome.ok:
            self.refresh()
        dialog = RosterResultDialog(outcome, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.roster_dialog = dialog
        dialog.open()
        self.roster_imported.emit(outcome)

    def _on_task_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._report(exc)

    def save_roster_template(self) -> None:
        """Ask where to save the blank roster workbook, then write it."""
        name = translate("ExpertsView", "专家名单模板.xlsx")
        folder = self._folder(_ROSTER_FOLDER_KEY)
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            translate("ExpertsView", "保存专家名单模板"),
            str(Path(folder) / name) if folder else name,
            translate("ExpertsView", "Excel 工作簿 (*.xlsx)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._remember(_ROSTER_FOLDER_KEY, path.parent)
        self._set_busy(True)
        run_task(
            partial(_write_roster_template, path),
            self._on_template_written,
            self._on_task_failed,
        )

    def _on_template_written(self, path: Path) -> None:
        self._set_busy(False)
        self.status.emit(translate("ExpertsView", "已保存专家名单模板：{path}").format(path=path))

    # --------------------------------------------------------------------- assignment

    def per_platform(self) -> int | None:
        """The chosen mode: None for every conflict-free expert, else experts per platform."""
        if self.ui.perPlatformRadio.isChecked():
            return self.ui.perPlatformSpin.value()
        return None

    def assign(self) -> None:
        """Assign experts in the chosen mode, in the background."""
        if self.workspace is None or self._busy:
            return
        self._set_busy(True)
        self.status.emit(translate("ExpertsView", "正在分配专家…"))
        run_task(
            partial(_assign, self.workspace, self.per_platform()),
            self._on_assigned,
            self._on_assign_failed,
        )

    def _on_assigned(self, summary: AssignmentSummary) -> None:
        self._set_busy(False)
        loads = [e.load for e in summary.experts]
        message = counted(
            summary.size,
            translate(
                "ExpertsView", "已分配专家：共 {n} 份评审，每位专家 {low}–{high} 个平台", "one"
            ),
            translate(
                "ExpertsView", "已分配专家：共 {n} 份评审，每位专家 {low}–{high} 个平台", "other"
            ),
        ).format(low=min(loads, default=0), high=max(loads, default=0))
        if not summary.changed:
            message += translate("ExpertsView", "（与原分配相同）")
        if summary.name_checks_open:
            message += translate("ExpertsView", "；尚有 {n} 项同名待核实").format(
                n=summary.name_checks_open
            )
        self.status.emit(message)
        self.refresh()
        self.assigned.emit(summary)

    def _on_assign_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.emit(translate("ExpertsView", "未能分配专家"))
        self._report(exc)

    # ----------------------------------------------------------------------- packages

    def issue_packages(self) -> None:
        """Choose a folder, then write every assigned expert's review package into it."""
        if self.workspace is None or self._busy:
            return
        name = QFileDialog.getExistingDirectory(
            self,
            translate("ExpertsView", "选择存放评审包的文件夹"),
            self._folder(_PACKAGES_FOLDER_KEY),
        )
        if not name:
            return
        folder = Path(name)
        self._remember(_PACKAGES_FOLDER_KEY, folder)
        dialog = IssueDialog(self.workspace, folder, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.issued.connect(self._on_issued)
        dialog.finished.connect(self._forget_issue_dialog)
        self.issue_dialog = dialog
        dialog.open()
        dialog.start()

    def _forget_issue_dialog(self) -> None:
        self.issue_dialog = None

    def _on_issued(self, issued: list[IssuedPackage]) -> None:
        self.status.emit(
            counted(
                len(issued),
                translate("ExpertsView", "已发放 {n} 份评审包", "one"),
                translate("ExpertsView", "已发放 {n} 份评审包", "other"),
            )
        )
        self.packages_issued.emit(issued)

    # ----------------------------------------------------------------------- language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self._retranslate_loading()
            self.experts_model.retranslate()
            self.matrix_model.retranslate()
            self.name_checks_model.retranslate()
            self._fit_roster()
            self._fit_name_checks()
            self._show_counts()
        super().changeEvent(event)
