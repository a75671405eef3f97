"""Table models of expert mode: the desk's platform list, submit problems, the summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from jlpanel.domain.rubric import Level, Rubric
from jlpanel.domain.text import Text
from jlpanel.gui.common import formatting
from jlpanel.gui.common.formatting import short_name
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import ALIGN_LEFT, ALIGN_RIGHT, AnyIndex, ItemsTableModel
from jlpanel.gui.common.theme import CAUTION, DONE, MUTED, icon
from jlpanel.gui.review.score_entry import LEVEL_COLOURS

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.review import PlatformWork, SubmitProblem


#: The state of a platform on the desk: its icon (a distinct shape) and colour.
PROGRESS_LOOK: dict[str, tuple[str, str]] = {
    "not_started": ("progress-not-started", MUTED),
    "partial": ("progress-partial", CAUTION),
    "done": ("progress-done", DONE),
    "conflict": ("progress-conflict", MUTED),
}


def progress_text(state: str) -> str:
    """未开始 / 进行中 / 已完成 / 已回避."""
    return {
        "not_started": translate("DeskModels", "未开始"),
        "partial": translate("DeskModels", "进行中"),
        "done": translate("DeskModels", "已完成"),
        "conflict": translate("DeskModels", "已回避"),
    }.get(state, state)


class DeskPlatformModel(ItemsTableModel["PlatformWork"]):
    """The platforms the expert scores: 平台 (with a progress icon) · 进度 · 总分."""

    NAME, PROGRESS, TOTAL = range(3)
    COLUMNS = 3
    HEADERS = (
        lambda: translate("DeskModels", "平台"),
        lambda: translate("DeskModels", "已评"),
        lambda: translate("DeskModels", "总分"),
    )
    NUMERIC = (
        PROGRESS,
        TOTAL,
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._indicators = 0
        #: Platforms changed since the last submitted score file (a reopened sheet).
        self._changed: frozenset[int] = frozenset()

    def set_works(self, works: Sequence[PlatformWork], indicators: int) -> None:
        """The platforms in desk order (declared conflicts are left off by the caller)."""
        self.beginResetModel()
        self._items = list(works)
        self._indicators = indicators
        self.endResetModel()

    def update_work(self, work: PlatformWork) -> int:
        """Put a platform's fresh work in its row; returns the row (-1: not listed)."""
        row = self.row_of(work.platform.id)
        if row >= 0:
            self._items[row] = work
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
        return row

    def set_changed(self, changed: frozenset[int]) -> None:
        """Mark the platforms whose changes are not submitted yet (bold, and in the tip)."""
        if changed == self._changed:
            return
        self._changed = changed
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, self.COLUMNS - 1)
            )

    def changed(self, row: int) -> bool:
        return self._items[row].platform.id in self._changed

    def works(self) -> list[PlatformWork]:
        return list(self._items)

    def work(self, row: int) -> PlatformWork:
        return self._items[row]

    def row_of(self, platform_id: int) -> int:
        return next((r for r, w in enumerate(self._items) if w.platform.id == platform_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        work = self._items[index.row()]
        platform = work.platform
        column = index.column()
        state = work.state.value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return short_name(platform.name)
            if column == self.PROGRESS:
                return f"{work.scored}/{self._indicators}"
            if work.state.value == "not_started":
                return "—"
            return formatting.points(work.total)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [platform.name, platform.filing_no]
            if platform.host_unit:
                lines.append(platform.host_unit)
            lines.append(progress_text(state))
            if platform.id in self._changed:
                lines.append(translate("DeskModels", "修改尚未提交"))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and platform.id in self._changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return icon(PROGRESS_LOOK.get(state, PROGRESS_LOOK["not_started"])[0])
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROGRESS:
            return QBrush(QColor(PROGRESS_LOOK.get(state, PROGRESS_LOOK["not_started"])[1]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT if column == self.NAME else ALIGN_RIGHT
        return None


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """A row of the problems list: one problem, or a platform's unscored indicators."""

    platform_id: int
    filing_no: str
    platform_name: str
    kind: str
    code: str
    message: Text
    #: Unscored indicators this row stands for (1: a single problem).
    count: int = 1
    #: Whether they are all the rubric's indicators (the platform is not started).
    all_indicators: bool = False


def problem_rows(problems: Sequence[SubmitProblem], indicators: int) -> list[ProblemRow]:
    """The problems with each platform's unscored indicators folded into one row (a platform
    not started is one line, not fifteen)."""
    missing: dict[int, list[SubmitProblem]] = {}
    for problem in problems:
        if problem.kind == "missing":
            missing.setdefault(problem.platform_id, []).append(problem)
    rows: list[ProblemRow] = []
    placed: set[int] = set()
    for p in problems:
        group = missing.get(p.platform_id, []) if p.kind == "missing" else [p]
        if len(group) == 1:
            rows.append(
                ProblemRow(p.platform_id, p.filing_no, p.platform_name, p.kind, p.code, p.message)
            )
            continue
        if p.platform_id in placed:
            continue
        placed.add(p.platform_id)
        codes = [g.code for g in group]
        everything = len(codes) >= indicators
        message = (
            Text(f"尚未开始评分（{len(codes)} 项指标）", f"not started ({len(codes)} indicators)")
            if everything
            else Text(
                f"{len(codes)} 项指标尚未评分：{'、'.join(codes)}",
                f"{len(codes)} indicators not scored yet: {', '.join(codes)}",
            )
        )
        rows.append(
            ProblemRow(
                p.platform_id,
                p.filing_no,
                p.platform_name,
                p.kind,
                p.code,
                message,
                len(codes),
                everything,
            )
        )
    return rows


class ProblemsModel(ItemsTableModel["ProblemRow"]):
    """What stops a submission: 平台 · 指标 · 问题."""

    PLATFORM, ITEM, PROBLEM = range(3)
    COLUMNS = 3
    HEADERS = (
        lambda: translate("DeskModels", "平台"),
        lambda: translate("DeskModels", "指标"),
        lambda: translate("DeskModels", "需要处理"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rubric: Rubric | None = None

    def set_problems(self, problems: Sequence[SubmitProblem], rubric: Rubric | None) -> None:
        """``check_complete``'s problems, a platform's unscored indicators on one row."""
        self.beginResetModel()
        self._items = problem_rows(problems, len(rubric.indicators) if rubric else 0)
        self.rubric = rubric
        self.endResetModel()

    def problem(self, row: int) -> ProblemRow:
        return self._items[row]

    def problems(self) -> list[ProblemRow]:
        return list(self._items)

    def platforms(self) -> int:
        """How many platforms have something to do."""
        return len({p.platform_id for p in self._items})

    def item_text(self, problem: ProblemRow) -> str:
        """The indicator, veto or bonus item a problem is about, by name."""
        rubric = self.rubric
        code = problem.code
        if not code:
            return translate("DeskModels", "回避声明")
        if problem.all_indicators:
            return translate("DeskModels", "全部指标")
        if problem.count > 1:
            return translate("DeskModels", "{code} 等 {n} 项").format(code=code, n=problem.count)
        language = current_language()
        if rubric is not None:
            for finder in (rubric.indicator, rubric.veto, rubric.bonus_item):
                try:
                    found = finder(code)
                except KeyError:
                    continue
                return f"{code} {found.name.get(language)}"
        return code

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        problem = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.PLATFORM:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return f"{problem.platform_name}（{problem.filing_no}）"
                return f"{problem.filing_no} {short_name(problem.platform_name)}"
            if column == self.ITEM:
                return self.item_text(problem)
            return problem.message.get(current_language())
        if role == Qt.ItemDataRole.DecorationRole and column == self.PROBLEM:
            return icon("dialog-warning")
        return None


class SummaryModel(QAbstractTableModel):
    """The sheet before it is signed: 平台 · each area (points and level) · 加分 · 总分 · 否决."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._works: list[PlatformWork] = []
        self.rubric: Rubric | None = None

    def set_works(self, works: Sequence[PlatformWork], rubric: Rubric) -> None:
        self.beginResetModel()
        self._works = list(works)
        self.rubric = rubric
        self.endResetModel()

    def works(self) -> list[PlatformWork]:
        return list(self._works)

    @property
    def areas(self) -> int:
        return len(self.rubric.areas) if self.rubric else 0

    @property
    def bonus_column(self) -> int:
        return 1 + self.areas

    @property
    def total_column(self) -> int:
        return 2 + self.areas

    @property
    def veto_column(self) -> int:
        return 3 + self.areas

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._works:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._works) - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._works)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.rubric is None else 4 + self.areas

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        rubric = self.rubric
        if orientation != Qt.Orientation.Horizontal or rubric is None:
            return None
        language = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return translate("DeskModels", "平台")
            if 1 <= section <= self.areas:
                area = rubric.areas[section - 1]
                return translate("DeskModels", "{code}（{max}）\n{name}").format(
                    code=area.code,
                    name=area.name.get(language),
                    max=formatting.points(area.max_points),
                )
            if section == self.bonus_column:
                return translate("DeskModels", "加分")
            if section == self.total_column:
                return translate("DeskModels", "总分")
            if section == self.veto_column:
                return translate("DeskModels", "否决")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT if section in (0, self.veto_column) else ALIGN_RIGHT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rubric = self.rubric
        if rubric is None or not index.isValid() or not 0 <= index.row() < len(self._works):
            return None
        work = self._works[index.row()]
        column = index.column()
        language = current_language()
        conflict = work.state.value == "conflict"
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return f"{work.platform.filing_no}  {short_name(work.platform.name)}"
            if conflict:
                if column == self.total_column:
                    return "—"
                if column == self.veto_column and work.declaration is not None:
                    return translate("DeskModels", "已声明回避：{reason}").format(
                        reason=work.declaration.reason
                    )
                return ""
            if 1 <= column <= self.areas:
                area = rubric.areas[column - 1]
                value = work.areas.get(area.code, Decimal(0))
                level = rubric.level_for_share(value, area.max_points)
                return translate("DeskModels", "{points}（{level}）").format(
                    points=formatting.fixed(value, 1), level=rubric.level_name(level).get(language)
                )
            if column == self.bonus_column:
                bonus = sum(work.sheet.bonus.values())
                return formatting.fixed(min(bonus, rubric.bonus_cap), 1) if bonus else "—"
            if column == self.total_column:
                return formatting.fixed(work.total, 1)
            if column == self.veto_column:
                separator = translate("DeskModels", "；")
                return (
                    separator.join(
                        rubric.veto(code).name.get(language) for code in work.sheet.vetoes
                    )
                    or "—"
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return work.platform.name
            if conflict and work.declaration is not None:
                return translate("DeskModels", "已声明回避：{reason}").format(
                    reason=work.declaration.reason
                )
            if column == self.veto_column and work.sheet.vetoes:
                return "\n".join(
                    f"{rubric.veto(code).name.get(language)}：{reason}"
                    for code, reason in work.sheet.vetoes.items()
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if conflict:
                return QBrush(QColor(MUTED))
            if 1 <= column <= self.areas:
                area = rubric.areas[column - 1]
                value = work.areas.get(area.code, Decimal(0))
                level = rubric.level_for_share(value, area.max_points)
                return QBrush(QColor(LEVEL_COLOURS[level]))
            if column == self.veto_column and work.sheet.vetoes:
                return QBrush(QColor(LEVEL_COLOURS[Level.POOR]))
        if role == Qt.ItemDataRole.FontRole and column == self.total_column and not conflict:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_LEFT if column in (0, self.veto_column) else ALIGN_RIGHT
        return None
