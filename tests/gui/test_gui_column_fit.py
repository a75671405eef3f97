"""Short columns sized from their texts, not by asking every cell (issue 16).

Qt's ResizeToContents asked the delegate for every cell of up to 1,000 rows of each short
column whenever the rows changed: 100–200 ms of the window's GUI thread for 2,000 platforms
on open, and again for the roster when the 专家 tab was first shown. The widths must stay
what ResizeToContents gave.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.common.theme import RoomyItemDelegate
from jlpanel.gui.staff.platform_list import PlatformListView
from jlpanel.gui.staff.platform_model import PlatformColumn
from jlpanel.services.dossiers import PlatformSummary

pytestmark = pytest.mark.usefixtures("message_boxes")

ROWS = 400
#: The platform list's short columns (the name stretches, the host unit has its own width).
_FITTED = [c for c in PlatformColumn if c not in (PlatformColumn.NAME, PlatformColumn.HOST_UNIT)]


class CountingDelegate(RoomyItemDelegate):
    """The list's own delegate, counting the cells it is asked to size."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.asked = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.asked += 1
        return super().sizeHint(option, index)


def platforms(count: int) -> list[PlatformSummary]:
    """Varied rows: long and short filing numbers, warnings (bold, with an icon) or none,
    missing metrics, a wide count far down the list."""
    rows = []
    for n in range(count):
        services = 123_456_789 if n == count - 7 else n % 40
        rows.append(
            PlatformSummary(
                id=n + 1,
                filing_no=f"JL-{n:04d}" + ("-EXTRA-LONG-SUFFIX" if n == 300 else ""),
                name=f"平台 {n}",
                host_unit="吉林大学" if n % 2 else None,
                resource_type=("大型科学仪器", "科学数据", None)[n % 3],
                warnings=(n * 7) % 5 if n % 4 == 0 else 0,
                metrics={
                    "service_count": services,
                    "distinct_users": None if n % 9 == 0 else n % 13,
                    "external_user_share": (n % 100) / 100,
                    "satisfaction_mean": 3 + (n % 20) / 10,
                },
                imported_at=dt.datetime(2026, 1, 1),
            )
        )
    return rows


def resize_to_contents_widths(table: QTableView) -> dict[int, int]:
    """What ResizeToContents over every row gives each fitted column."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(-1)  # every row, not the first 1,000
    return {c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in _FITTED}


def test_the_platform_list_sizes_its_columns_without_asking_every_cell(qtbot: Any) -> None:
    listing = PlatformListView()
    qtbot.addWidget(listing)
    listing.resize(1366, 700)
    listing.show()
    table = listing.ui.platformTable
    counting = CountingDelegate(table)
    table.setItemDelegate(counting)

    listing.set_platforms(platforms(ROWS))
    qtbot.wait(20)  # laid out and painted: the visible rows are asked for, no more
    # a few cells per column, not 7 columns × 400 rows (840 asked before)
    assert counting.asked < 100, counting.asked

    header = table.horizontalHeader()
    fitted = {c: header.sectionSize(c) for c in _FITTED}
    assert fitted == resize_to_contents_widths(table)
    # the wide count far down the list is whole
    wide = table.fontMetrics().horizontalAdvance("123,456,789")
    assert fitted[PlatformColumn.SERVICES] > wide
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Fixed for c in _FITTED)


def test_the_platform_columns_follow_the_rows_and_the_language(qtbot: Any) -> None:
    from jlpanel.gui.common.i18n import switch_language

    listing = PlatformListView()
    qtbot.addWidget(listing)
    listing.show()
    table = listing.ui.platformTable
    header = table.horizontalHeader()
    listing.set_platforms(platforms(20))
    narrow = header.sectionSize(PlatformColumn.FILING_NO)
    listing.set_platforms(platforms(ROWS))  # now with the extra-long filing number
    assert header.sectionSize(PlatformColumn.FILING_NO) > narrow
    try:
        switch_language("en")
        assert {c: header.sectionSize(c) for c in _FITTED} == resize_to_contents_widths(table)
    finally:
        switch_language("zh")
    assert {c: header.sectionSize(c) for c in _FITTED} == resize_to_contents_widths(table)


def test_the_roster_sizes_its_columns_without_asking_every_cell(
    window: Any, qtbot: Any, demo: Path
) -> None:
    """The 专家 tab first shown: the roster's columns from their texts, and the splitter's
    share from the same measure (it asked every cell again)."""
    from jlpanel.gui.staff.experts_models import ExpertTableModel

    window.resize(1366, 768)
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(demo / "demo.jlpanel")
    view = window.workspace_view.experts_view
    table = view.ui.expertsTable
    counting = CountingDelegate(table)
    table.setItemDelegate(counting)
    window.show_experts()
    qtbot.waitUntil(lambda: view.data is not None and view.experts_model.rowCount() == 7)
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    qtbot.wait(20)
    # each column's widest cell or two, not 6 columns × 7 rows, twice (217 asked before)
    assert counting.asked < 30, counting.asked
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(-1)
    short = [c for c in range(ExpertTableModel.COLUMNS) if c != ExpertTableModel.INSTITUTION]
    assert {c: header.sectionSize(c) for c in short} == {
        c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in short
    }
    # the roster's pane got what every column needs whole, the institution too
    institution = ExpertTableModel.INSTITUTION
    assert header.sectionSize(institution) >= table.sizeHintForColumn(institution)


def test_filling_the_list_filters_its_rows_once(qtbot: Any) -> None:
    """The type filter is set again as it was after each fill: the 2,000 rows were filtered
    a second time, each asked in Python (issue 16)."""
    from jlpanel.gui.staff.platform_model import PlatformFilterModel, WarningFilter

    class CountingFilter(PlatformFilterModel):
        asked = 0

        def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
            CountingFilter.asked += 1
            return super().filterAcceptsRow(source_row, source_parent)

    listing = PlatformListView()
    qtbot.addWidget(listing)
    proxy = CountingFilter(listing)
    proxy.setSourceModel(listing.model)
    listing.proxy = proxy
    listing.ui.platformTable.setModel(proxy)
    listing.set_platforms(platforms(ROWS))
    assert CountingFilter.asked == ROWS
    proxy.set_resource_type(None)
    proxy.set_search("  ")
    proxy.set_warning_filter(WarningFilter.ALL)
    assert CountingFilter.asked == ROWS  # unchanged filters: not filtered again
    proxy.set_resource_type("科学数据")
    assert CountingFilter.asked == 2 * ROWS
    assert proxy.rowCount() == len([n for n in range(ROWS) if n % 3 == 1])
