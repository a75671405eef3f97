"""Table models of the 专家 tab: the roster, the assignment matrix (platforms × experts) and
the same-name checks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jlpanel.gui.common import formatting
from jlpanel.gui.common.formatting import short_name
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import ALIGN_LEFT, ALIGN_RIGHT, AnyIndex, Column, RowsModel
from jlpanel.gui.common.theme import (
    ACCENT,
    CAUTION,
    DONE,
    MUTED,
    SUM_ROW,
    WARN,
    WARN_BACKGROUND,
    icon,
)

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.experts import (
        AssignmentMatrix,
        ExpertLine,
        MatrixCell,
        MatrixPlatform,
        PossibleConflictLine,
    )


_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

#: The marks of the matrix: assigned, a conflict of interest.
ASSIGNED_MARK = "●"
CONFLICT_MARK = "⊘"
ASSIGNED_COLOUR = ACCENT
CONFLICT_COLOUR = WARN
#: Rows of a platform short of experts: a light red wash (and a warning icon in its count).
SHORT_BACKGROUND = WARN_BACKGROUND
TOTAL_BACKGROUND = SUM_ROW

#: A cell's conflict reasons, without the tooltip's decoration (tests read it).
REASON_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class ExpertRow:
    """A row of the roster table: the expert, their conflicts and their load."""

    expert: ExpertLine
    conflicts: int
    load: int


def expert_rows(experts: list[ExpertLine], matrix: AssignmentMatrix | None) -> list[ExpertRow]:
    """The roster with each expert's conflict count and load from the matrix."""
    conflicts: dict[int, int] = {}
    loads: dict[int, int] = {}
    if matrix is not None:
        for row, expert in enumerate(matrix.experts):
            loads[expert.id] = expert.load
            conflicts[expert.id] = sum(1 for cell in matrix.cells[row] if cell.conflicts)
    return [ExpertRow(e, conflicts.get(e.id, 0), loads.get(e.id, 0)) for e in experts]


def _conflicts_tip(item: ExpertRow) -> str:
    if not item.expert.avoid_units:
        return formatting.count(item.conflicts)
    separator = translate("ExpertTableModel", "；")
    return translate("ExpertTableModel", "名单所列回避单位：{units}").format(
        units=separator.join(item.expert.avoid_units)
    )


class ExpertTableModel(RowsModel[ExpertRow]):
    """The roster: 姓名 · 工作单位 · 职称 · 专业领域 · 回避 · 工作量."""

    NAME, INSTITUTION, TITLE, FIELD, CONFLICTS, LOAD = range(6)
    COLUMNS = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(lambda: translate("ExpertTableModel", "姓名"), lambda r: r.expert.name),
                Column(
                    lambda: translate("ExpertTableModel", "工作单位"),
                    lambda r: r.expert.institution or "—",
                ),
                Column(
                    lambda: translate("ExpertTableModel", "职称"),
                    lambda r: r.expert.title or "—",
                    colour=lambda _r: MUTED,
                ),
                Column(
                    lambda: translate("ExpertTableModel", "专业领域"),
                    lambda r: r.expert.field or "—",
                    colour=lambda _r: MUTED,
                ),
                Column(
                    lambda: translate("ExpertTableModel", "回避"),
                    lambda r: formatting.count(r.conflicts),
                    numeric=True,
                    colour=lambda r: CONFLICT_COLOUR if r.conflicts else None,
                    tooltip=_conflicts_tip,
                    header_tip=lambda: translate(
                        "ExpertTableModel",
                        "须回避的平台数（同单位、名单所列回避单位、本人声明、同名核实）",
                    ),
                ),
                Column(
                    lambda: translate("ExpertTableModel", "工作量"),
                    lambda r: formatting.count(r.load),
                    numeric=True,
                    header_tip=lambda: translate("ExpertTableModel", "分配给该专家评审的平台数"),
                ),
            ],
            parent,
        )


class AssignmentMatrixModel(QAbstractTableModel):
    """Platforms (rows) × experts (columns): ● assigned, ⊘ conflict, empty.

    Transposed from the service's experts × platforms: a cycle has many more platforms than
    experts, so platforms scroll down and their names stay in the row header. The last column
    counts each platform's experts; the last row is each expert's load.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: AssignmentMatrix | None = None
        # Read once per matrix, not per cell: Qt asks data() for every visible cell and role.
        self._has_assignment = False
        self._short: list[bool] = []
        self._rows = 0
        self._columns = 0
        self._assigned_brush = QBrush(QColor(ASSIGNED_COLOUR))
        self._conflict_brush = QBrush(QColor(CONFLICT_COLOUR))
        self._short_brush = QBrush(QColor(SHORT_BACKGROUND))
        self._total_brush = QBrush(QColor(TOTAL_BACKGROUND))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_matrix(self, matrix: AssignmentMatrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._has_assignment = matrix is not None and matrix.has_assignment
        self._short = []
        self._rows = self._columns = 0
        if matrix is not None:
            self._short = [self.is_short(p) for p in matrix.platforms]
            if matrix.platforms:
                self._rows = len(matrix.platforms) + 1
                self._columns = len(matrix.experts) + 1
        self.endResetModel()

    def retranslate(self) -> None:
        if self.matrix is not None:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # ------------------------------------------------------------------------- shape

    @property
    def count_column(self) -> int:
        """The column with each platform's expert count."""
        return len(self.matrix.experts) if self.matrix else 0

    @property
    def load_row(self) -> int:
        """The row with each expert's load."""
        return len(self.matrix.platforms) if self.matrix else 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def cell(self, row: int, column: int) -> MatrixCell | None:
        """The cell of platform ``row`` and expert ``column`` (None for the totals)."""
        if self.matrix is None or row >= self.load_row or column >= self.count_column:
            return None
        return self.matrix.cell(column, row)

    def is_short(self, platform: MatrixPlatform) -> bool:
        """Below the minimum: too few conflict-free experts, or too few assigned."""
        assert self.matrix is not None
        minimum = self.matrix.min_per_platform
        if platform.conflict_free < minimum:
            return True
        return self._has_assignment and platform.assigned < minimum

    def short_rows(self) -> list[int]:
        """The rows of the platforms below the minimum."""
        return [r for r, short in enumerate(self._short) if short]

    # --------------------------------------------------------------------- Qt model

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        matrix = self.matrix
        if matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == self.count_column:
                if role == Qt.ItemDataRole.DisplayRole:
                    return translate("AssignmentMatrix", "专家数")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return translate(
                        "AssignmentMatrix",
                        "已分配的专家数 / 无回避关系的专家数；每个平台至少需要 {n} 位",
                    ).format(n=matrix.min_per_platform)
                return None
            if not 0 <= section < len(matrix.experts):
                return None
            expert = matrix.experts[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return expert.name
            if role == Qt.ItemDataRole.ToolTipRole:
                parts = [expert.name, expert.institution or "", expert.title or ""]
                return "\n".join(p for p in parts if p)
            return None
        # vertical: the platforms, then the load row
        if section == self.load_row:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("AssignmentMatrix", "工作量（平台数）")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGN_LEFT
            return None
        if not 0 <= section < len(matrix.platforms):
            return None
        platform = matrix.platforms[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{platform.filing_no}  {short_name(platform.name)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [platform.name, platform.filing_no]
            if platform.host_unit:
                lines.append(
                    translate("AssignmentMatrix", "依托单位：{host}").format(
                        host=platform.host_unit
                    )
                )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT
        if role == Qt.ItemDataRole.ForegroundRole and self._short[section]:
            return self._conflict_brush
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        matrix = self.matrix
        if matrix is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        last_row = self._rows - 1
        if row == last_row:
            return self._load_data(column, role)
        short = self._short[row]
        if column == self._columns - 1:
            return self._count_data(matrix.platforms[row], short, role)
        # the cells: the commonest roles first, with nothing built that is not returned
        if role == Qt.ItemDataRole.DisplayRole:
            cell = matrix.cells[column][row]
            if cell.conflicts:
                return CONFLICT_MARK
            return ASSIGNED_MARK if cell.assigned else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == Qt.ItemDataRole.ForegroundRole:
            return (
                self._conflict_brush
                if matrix.cells[column][row].conflicts
                else (self._assigned_brush)
            )
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._short_brush if short else None
        if role == REASON_ROLE:
            return matrix.cells[column][row].reason(current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            cell = matrix.cells[column][row]
            platform = matrix.platforms[row]
            expert = matrix.experts[column]
            head = f"{expert.name} — {platform.name}"
            if cell.conflicts:
                lines = [head, cell.reason(current_language())]
                if cell.needs_attention:
                    lines.append(
                        translate(
                            "AssignmentMatrix", "注意：已分配，但存在回避关系；请重新分配专家。"
                        )
                    )
                return "\n".join(lines)
            if cell.assigned:
                return f"{head}\n" + translate("AssignmentMatrix", "已分配")
            return None
        return None

    def _count_data(self, platform: MatrixPlatform, short: bool, role: int) -> Any:
        assert self.matrix is not None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{platform.assigned} / {platform.conflict_free}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.DecorationRole and short:
            return icon("dialog-warning")
        if role == Qt.ItemDataRole.ForegroundRole and short:
            return self._conflict_brush
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._short_brush if short else self._total_brush
        if role == Qt.ItemDataRole.ToolTipRole:
            minimum = self.matrix.min_per_platform
            text = translate(
                "AssignmentMatrix", "已分配 {assigned} 位专家；无回避关系的专家 {free} 位"
            ).format(assigned=platform.assigned, free=platform.conflict_free)
            if platform.conflict_free < minimum:
                text += "\n" + translate(
                    "AssignmentMatrix", "无回避关系的专家不足 {n} 位：无法分配，请增加专家"
                ).format(n=minimum)
            elif short:
                text += "\n" + translate("AssignmentMatrix", "已分配的专家不足 {n} 位").format(
                    n=minimum
                )
            return text
        return None

    def _load_data(self, column: int, role: int) -> Any:
        assert self.matrix is not None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._total_brush
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.count_column:
            return formatting.count(sum(p.assigned for p in self.matrix.platforms))
        return formatting.count(self.matrix.experts[column].load)


# ----------------------------------------------------------------------- same names

#: A same-name check's status → icon (a distinct shape, readable in greyscale) and colour.
CHECK_LOOK: dict[str, tuple[str, str]] = {
    "to_check": ("dialog-warning", CAUTION),
    "confirmed": ("progress-conflict", CONFLICT_COLOUR),
    "cleared": ("progress-done", DONE),
}


def check_status_text(line: PossibleConflictLine) -> str:
    """Where a same-name check stands, in words."""
    if line.reason_changed:
        return translate("NameChecks", "待核实（材料有变化）")
    return {
        "to_check": translate("NameChecks", "待核实"),
        "confirmed": translate("NameChecks", "已确认回避"),
        "cleared": translate("NameChecks", "已排除"),
    }[line.status.value]


def check_record_text(line: PossibleConflictLine) -> str:
    """Who checked it, when, the note; and what changed since."""
    if line.decided_at is None:
        return ""
    day = formatting.date(line.decided_at.astimezone().date())
    if line.reason_changed:
        text = translate("NameChecks", "{who} 曾于 {day} 排除，此后平台材料有变化")
    else:
        text = translate("NameChecks", "{who}，{day}")
    text = text.format(who=line.decided_by or "—", day=day)
    if line.note:
        text += translate("NameChecks", "；备注：{note}").format(note=line.note)
    if not line.found:
        text += translate("NameChecks", "（平台材料中已无同名者）")
    return text


def _check_tooltip(line: PossibleConflictLine) -> str:
    parts = [
        f"{line.expert_name} — {line.platform_name}（{line.filing_no}）",
        line.reason.get(current_language()),
        check_status_text(line),
        check_record_text(line),
    ]
    return "\n".join(p for p in parts if p)


#: The columns of the same-name checks that need room: the finding and the status.
CHECK_REASON, CHECK_STATUS = 2, 3


def name_checks_model(parent: QObject | None = None) -> RowsModel[PossibleConflictLine]:
    """专家 · 平台 · 同名情况 · 状态 · 核实记录."""
    return RowsModel(
        [
            Column(lambda: translate("NameChecks", "专家"), lambda c: c.expert_name),
            Column(
                lambda: translate("NameChecks", "平台"),
                lambda c: f"{c.filing_no}  {short_name(c.platform_name)}",
                tooltip=lambda c: f"{c.platform_name}\n{c.filing_no}",
            ),
            Column(
                lambda: translate("NameChecks", "同名情况"),
                lambda c: c.reason.get(current_language()),
                tooltip=_check_tooltip,
            ),
            Column(
                lambda: translate("NameChecks", "状态"),
                check_status_text,
                colour=lambda c: CHECK_LOOK[c.status.value][1],
                icon=lambda c: CHECK_LOOK[c.status.value][0],
                tooltip=_check_tooltip,
            ),
            Column(
                lambda: translate("NameChecks", "核实记录"),
                check_record_text,
                colour=lambda _c: MUTED,
            ),
        ],
        parent,
    )
