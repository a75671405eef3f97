"""The platform list: one row per imported platform, sorted by the model itself (each row's
key computed once a sort) behind a proxy that filters it."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCollator, QLocale, QObject, QSortFilterProxyModel, Qt

from jlpanel.gui.common import formatting
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.table_support import SORT_ROLE, AnyIndex, Column, RowsModel
from jlpanel.gui.common.theme import CAUTION_BACKGROUND, CAUTION_TEXT

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.dossiers import PlatformSummary


#: The platform id of a row.
PLATFORM_ID_ROLE = Qt.ItemDataRole.UserRole + 3

#: Background and text of a warning count above zero (with an icon, so it reads in grey).
WARNING_BACKGROUND = CAUTION_BACKGROUND
WARNING_TEXT = CAUTION_TEXT


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


def _metric_text(platform: PlatformSummary, column: PlatformColumn) -> str:
    key, decimals, is_share = _METRIC_COLUMNS[column]
    value = platform.metrics.get(key)
    if value is None:
        return "—"
    if is_share:
        return formatting.percent(value, decimals)
    return formatting.number(value, decimals)


def _metric_value(platform: PlatformSummary, column: PlatformColumn) -> float:
    """A metric as it sorts: a missing one first."""
    value = platform.metrics.get(_METRIC_COLUMNS[column][0])
    return float("-inf") if value is None else float(value)


def _warnings_tip(platform: PlatformSummary) -> str:
    return counted(
        platform.warnings,
        translate("PlatformTableModel", "{n} 条材料校验提示", "one"),
        translate("PlatformTableModel", "{n} 条材料校验提示", "other"),
    )


def _no_tip(_platform: PlatformSummary) -> None:
    return None


def _column(column: PlatformColumn) -> Column[PlatformSummary]:
    header = partial(_header, column)
    tip = partial(_header_tip, column)
    if column == PlatformColumn.WARNINGS:
        return Column(
            header,
            lambda p: formatting.count(p.warnings),
            numeric=True,
            tooltip=_warnings_tip,
            header_tip=tip,
            sort=lambda p: p.warnings,
            background=lambda p: WARNING_BACKGROUND if p.warnings > 0 else None,
            colour=lambda p: WARNING_TEXT if p.warnings > 0 else None,
            bold=lambda p: p.warnings > 0,
            icon=lambda p: "dialog-warning" if p.warnings > 0 else None,
        )
    if column in _METRIC_COLUMNS:
        return Column(
            header,
            partial(_metric_text, column=column),
            numeric=True,
            tooltip=_no_tip,
            header_tip=tip,
            sort=partial(_metric_value, column=column),
        )
    text: Callable[[PlatformSummary], str] = {
        PlatformColumn.FILING_NO: lambda p: p.filing_no,
        PlatformColumn.NAME: lambda p: p.name,
        PlatformColumn.HOST_UNIT: lambda p: p.host_unit or "—",
        PlatformColumn.RESOURCE_TYPE: lambda p: p.resource_type or "—",
    }[column]
    shown = column in (PlatformColumn.NAME, PlatformColumn.HOST_UNIT)
    return Column(header, text, tooltip=None if shown else _no_tip, header_tip=tip)


class PlatformTableModel(RowsModel["PlatformSummary"]):
    """The cycle's platforms with their warning counts and key metrics."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [_column(c) for c in PlatformColumn], parent, roles={PLATFORM_ID_ROLE: lambda p: p.id}
        )
        self._collator = QCollator(QLocale())

    def set_platforms(self, platforms: list[PlatformSummary]) -> None:
        """Show ``platforms``."""
        self.set_rows(platforms)

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        self._collator = QCollator(QLocale())  # the language's order, as it is now
        return super()._sorted_order(column, order)

    def sort_key(self, value: Any) -> Any:
        """Texts in the language's collation (as a locale-aware sorting proxy compared them),
        numbers by value, nothing first."""
        if isinstance(value, str):
            return (2, self._collator.sortKey(value))
        return (0, 0) if value is None else (1, value)

    def platforms(self) -> list[PlatformSummary]:
        return self.rows()

    def platform(self, row: int) -> PlatformSummary:
        return self.row(row)

    def row_of(self, platform_id: int) -> int:
        """The row of the platform with ``platform_id`` (-1 when it is not listed)."""
        return next((n for n, p in enumerate(self.rows()) if p.id == platform_id), -1)

    def resource_types(self) -> list[str]:
        """The resource types that occur, in first-seen order."""
        return list(dict.fromkeys(p.resource_type for p in self.rows() if p.resource_type))


class WarningFilter(IntEnum):
    """The 提示 filter: every platform, those with warnings, those without."""

    ALL = 0
    WITH_WARNINGS = 1
    WITHOUT_WARNINGS = 2


class PlatformFilterModel(QSortFilterProxyModel):
    """Filters by search text, warnings and type; a header click sorts the source model.

    The proxy's own sort asked the Python model for both rows of every comparison: 44,000
    calls for 2,000 platforms, blocking the window as the list was filled. The source sorts
    by keys computed once a row and the proxy keeps its order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._search = ""
        self._warnings = WarningFilter.ALL
        self._resource_type: str | None = None

    # A filter set again as it was keeps the rows: filtering 2,000 again, each row asked in
    # Python, cost the window 10-15 ms each time the list was filled (issue 16).

    def set_search(self, text: str) -> None:
        """Keep the platforms whose name, host unit or filing number contains ``text``."""
        search = text.strip().casefold()
        if search == self._search:
            return
        self.beginFilterChange()
        self._search = search
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_warning_filter(self, which: WarningFilter) -> None:
        if which == self._warnings:
            return
        self.beginFilterChange()
        self._warnings = which
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_resource_type(self, resource_type: str | None) -> None:
        """Keep only platforms of ``resource_type`` (None: every type)."""
        if (resource_type or None) == self._resource_type:
            return
        self.beginFilterChange()
        self._resource_type = resource_type or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RowsModel):
            model.sort(column, order)

    def sortColumn(self) -> int:
        model = self.sourceModel()
        return model.sorted_by()[0] if isinstance(model, RowsModel) else -1

    def sortOrder(self) -> Qt.SortOrder:
        model = self.sourceModel()
        return model.sorted_by()[1] if isinstance(model, RowsModel) else super().sortOrder()

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
