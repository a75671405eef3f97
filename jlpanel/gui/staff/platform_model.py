"""The platform list: one row per imported platform, with a proxy that sorts and filters it."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from jlpanel.gui.common import formatting
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.table_support import ALIGN_LEFT, ALIGN_RIGHT, AnyIndex
from jlpanel.gui.common.theme import icon

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.dossiers import PlatformSummary


#: The value a column sorts by (numbers as numbers; a missing number sorts first).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The platform id of a row.
PLATFORM_ID_ROLE = Qt.ItemDataRole.UserRole + 2

#: Background and text of a warning count above zero (with an icon, so it reads in grey).
WARNING_BACKGROUND = "#fdf1d6"
WARNING_TEXT = "#7a4e00"


class PlatformColumn(IntEnum):
    """The columns of the platform list."""

    FILING_NO = 0
    NAME = 1
    HOST_UNIT = 2
    RESOURCE_TYPE = 3
    WARNINGS = 4
    SERVICES = 5
    USERS = 6
    EXTERNAL_SHARE = 7
    SATISFACTION = 8


#: Numeric columns: the metric key and its decimals (a share is shown as a percentage).
_METRIC_COLUMNS: dict[PlatformColumn, tuple[str, int, bool]] = {
    PlatformColumn.SERVICES: ("service_count", 0, False),
    PlatformColumn.USERS: ("distinct_users", 0, False),
    PlatformColumn.EXTERNAL_SHARE: ("external_user_share", 1, True),
    PlatformColumn.SATISFACTION: ("satisfaction_mean", 2, False),
}
NUMERIC_COLUMNS = frozenset({PlatformColumn.WARNINGS, *_METRIC_COLUMNS})


def _header(column: PlatformColumn) -> str:
    return {
        PlatformColumn.FILING_NO: translate("PlatformTableModel", "备案编号"),
        PlatformColumn.NAME: translate("PlatformTableModel", "平台名称"),
        PlatformColumn.HOST_UNIT: translate("PlatformTableModel", "依托单位"),
        PlatformColumn.RESOURCE_TYPE: translate("PlatformTableModel", "资源类型"),
        PlatformColumn.WARNINGS: translate("PlatformTableModel", "提示"),
        PlatformColumn.SERVICES: translate("PlatformTableModel", "服务次数"),
        PlatformColumn.USERS: translate("PlatformTableModel", "服务用户数"),
        PlatformColumn.EXTERNAL_SHARE: translate("PlatformTableModel", "外单位用户占比"),
        PlatformColumn.SATISFACTION: translate("PlatformTableModel", "满意度"),
    }[column]


def _header_tip(column: PlatformColumn) -> str:
    return {
        PlatformColumn.WARNINGS: translate("PlatformTableModel", "材料校验提示的条数"),
        PlatformColumn.SERVICES: translate("PlatformTableModel", "考核期内的服务记录条数"),
        PlatformColumn.USERS: translate("PlatformTableModel", "不同的用户单位数"),
        PlatformColumn.EXTERNAL_SHARE: translate(
            "PlatformTableModel", "外单位用户占全部用户的比例"
        ),
        PlatformColumn.SATISFACTION: translate("PlatformTableModel", "用户满意度均值（1–5 分）"),
    }.get(column, "")


class PlatformTableModel(QAbstractTableModel):
    """The cycle's platforms with their warning counts and key metrics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlatformSummary] = []

    def set_platforms(self, platforms: list[PlatformSummary]) -> None:
        """Show ``platforms``."""
        self.beginResetModel()
        self._rows = list(platforms)
        self.endResetModel()

    def platforms(self) -> list[PlatformSummary]:
        return list(self._rows)

    def platform(self, row: int) -> PlatformSummary:
        return self._rows[row]

    def row_of(self, platform_id: int) -> int:
        """The row of the platform with ``platform_id`` (-1 when it is not listed)."""
        return next((n for n, p in enumerate(self._rows) if p.id == platform_id), -1)

    def resource_types(self) -> list[str]:
        """The resource types that occur, in first-seen order."""
        return list(dict.fromkeys(p.resource_type for p in self._rows if p.resource_type))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PlatformColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(PlatformColumn) - 1)
            )

    # -------------------------------------------------------------------- the Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlatformColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(PlatformColumn):
            return None
        column = PlatformColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _header(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tip(column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column in NUMERIC_COLUMNS else ALIGN_LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        platform = self._rows[index.row()]
        column = PlatformColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(platform, column)
        if role == SORT_ROLE:
            return self._sort_key(platform, column)
        if role == PLATFORM_ID_ROLE:
            return platform.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column in NUMERIC_COLUMNS else ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PlatformColumn.WARNINGS:
                return counted(
                    platform.warnings,
                    translate("PlatformTableModel", "{n} 条材料校验提示", "one"),
                    translate("PlatformTableModel", "{n} 条材料校验提示", "other"),
                )
            if column in (PlatformColumn.NAME, PlatformColumn.HOST_UNIT):
                return self._display(platform, column)
            return None
        if column == PlatformColumn.WARNINGS and platform.warnings > 0:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(WARNING_BACKGROUND))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(WARNING_TEXT))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.DecorationRole:
                return icon("dialog-warning")
        return None

    @staticmethod
    def _metric(platform: PlatformSummary, column: PlatformColumn) -> float | None:
        key = _METRIC_COLUMNS[column][0]
        return platform.metrics.get(key)

    def _display(self, platform: PlatformSummary, column: PlatformColumn) -> str:
        if column == PlatformColumn.FILING_NO:
            return platform.filing_no
        if column == PlatformColumn.NAME:
            return platform.name
        if column == PlatformColumn.HOST_UNIT:
            return platform.host_unit or "—"
        if column == PlatformColumn.RESOURCE_TYPE:
            return platform.resource_type or "—"
        if column == PlatformColumn.WARNINGS:
            return formatting.count(platform.warnings)
        value = self._metric(platform, column)
        if value is None:
            return "—"
        _key, decimals, is_share = _METRIC_COLUMNS[column]
        if is_share:
            return formatting.percent(value, decimals)
        return formatting.number(value, decimals)

    def _sort_key(self, platform: PlatformSummary, column: PlatformColumn) -> Any:
        if column == PlatformColumn.WARNINGS:
            return platform.warnings
        if column in _METRIC_COLUMNS:
            value = self._metric(platform, column)
            return float("-inf") if value is None else float(value)
        return self._display(platform, column)


class WarningFilter(IntEnum):
    """The 提示 filter: every platform, those with warnings, those without."""

    ALL = 0
    WITH_WARNINGS = 1
    WITHOUT_WARNINGS = 2


class PlatformFilterModel(QSortFilterProxyModel):
    """Sorts by value (numbers numerically) and filters by search text, warnings and type."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)
        self.setDynamicSortFilter(True)
        self._search = ""
        self._warnings = WarningFilter.ALL
        self._resource_type: str | None = None

    def set_search(self, text: str) -> None:
        """Keep the platforms whose name, host unit or filing number contains ``text``."""
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_warning_filter(self, which: WarningFilter) -> None:
        self.beginFilterChange()
        self._warnings = which
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_resource_type(self, resource_type: str | None) -> None:
        """Keep only platforms of ``resource_type`` (None: every type)."""
        self.beginFilterChange()
        self._resource_type = resource_type or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtered(self) -> bool:
        """Whether any filter is on."""
        return (
            bool(self._search) or self._warnings != WarningFilter.ALL or bool(self._resource_type)
        )

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, PlatformTableModel):
            return True
        platform = model.platform(source_row)
        if self._warnings == WarningFilter.WITH_WARNINGS and platform.warnings == 0:
            return False
        if self._warnings == WarningFilter.WITHOUT_WARNINGS and platform.warnings > 0:
            return False
        if self._resource_type and platform.resource_type != self._resource_type:
            return False
        if self._search:
            haystack = " ".join(
                (platform.name, platform.host_unit or "", platform.filing_no)
            ).casefold()
            return all(word in haystack for word in self._search.split())
        return True
