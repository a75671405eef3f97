"""The discussion list measures its rows' wrapped heights as they come into view (issue 16):
Qt's ResizeToContents asked the delegates for all 800 rows of a 2,000-platform cycle's list on
every layout. And choosing a platform reads its panel once."""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView
from test_discussion_fits import merged_demo, merged_folder, open_discussion  # noqa: F401

from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.theme import WrappingItemDelegate
from jlpanel.gui.secretary.secretary_view import MEASURE_ALL_ROWS, _RowsToContents

NAMES = ["吉林省黑土地保护与利用科技创新大型科学仪器共享服务平台", "短名", "吉林省中医药平台"]


def table_of(rows: int) -> tuple[QTableView, RowsModel[str], _RowsToContents]:
    model: RowsModel[str] = RowsModel(
        [Column(lambda: "编号", lambda s: s.split("|")[0]), Column(lambda: "平台", lambda s: s)]
    )
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(1, WrappingItemDelegate(view))
    view.setWordWrap(True)
    view.setColumnWidth(1, 120)
    view.resize(400, 300)
    fit = _RowsToContents(view)
    model.set_rows([f"{n}|{NAMES[n % 3]}" for n in range(rows)])
    return view, model, fit


def rows_in_view(view: QTableView) -> list[int]:
    first = view.rowAt(0)
    last = view.rowAt(view.viewport().height() - 1)
    last = view.model().rowCount() - 1 if last < 0 else last
    return list(range(first, last + 1))


def assert_whole(view: QTableView, rows: list[int]) -> None:
    for row in rows:
        assert view.rowHeight(row) == view.sizeHintForRow(row), row


def test_a_long_list_measures_the_rows_in_view(app: QApplication, qtbot: Any) -> None:
    view, model, fit = table_of(800)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    shown = rows_in_view(view)
    qtbot.waitUntil(lambda: set(shown) <= fit.measured_rows())
    assert len(fit.measured_rows()) < 40  # not the 800
    assert_whole(view, shown)
    # the long name wraps onto more lines than the short one
    assert view.rowHeight(0) > view.rowHeight(1)
    # scrolled to the end: the rows now in view are measured too
    view.scrollToBottom()
    qtbot.waitUntil(lambda: set(rows_in_view(view)) <= fit.measured_rows())
    assert_whole(view, rows_in_view(view))
    assert len(fit.measured_rows()) < 80
    # a narrower column wraps them again
    view.setColumnWidth(1, 80)
    qtbot.waitUntil(lambda: set(rows_in_view(view)) <= fit.measured_rows())
    assert_whole(view, rows_in_view(view))
    # moving the current row with the keyboard brings rows into view, measured
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for _ in range(30):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: set(rows_in_view(view)) <= fit.measured_rows())
    assert_whole(view, rows_in_view(view))


def test_a_short_list_measures_every_row(app: QApplication, qtbot: Any) -> None:
    view, _model, fit = table_of(MEASURE_ALL_ROWS)
    qtbot.addWidget(view)
    assert fit.measured_rows() == set(range(MEASURE_ALL_ROWS))
    assert_whole(view, list(range(MEASURE_ALL_ROWS)))


@pytest.mark.usefixtures("message_boxes")
def test_choosing_a_platform_reads_its_panel_once(
    qtbot: Any,
    window: Any,
    merged_demo: Path,  # noqa: F811
) -> None:
    """Selecting the shown platform's row (show_platform does it) reads nothing again."""
    page = open_discussion(qtbot, window, merged_demo, (1366, 768))
    table = page.ui.discussionTable
    third = page.discussion_items()[2].platform_id
    rect = table.visualRect(page.discussion_model.index(2, 0))
    profile = cProfile.Profile()
    profile.enable()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    profile.disable()
    assert page.current_platform_id() == third
    calls = {
        name: count
        for (_file, _line, name), (count, *_rest) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
    }
    assert calls.get("platform_panel") == 1
    # choosing it in the combo box selects its row without reading it again
    profile = cProfile.Profile()
    profile.enable()
    page.show_platform(page.discussion_items()[0].platform_id)
    profile.disable()
    calls = {
        name: count
        for (_file, _line, name), (count, *_rest) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
    }
    assert calls.get("platform_panel") == 1
    assert table.selectionModel().selectedRows()[0].row() == 0


@pytest.mark.usefixtures("message_boxes")
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_scores_cells_measure_as_the_style_does(
    qtbot: Any,
    window: Any,
    merged_demo: Path,  # noqa: F811
    language: str,
) -> None:
    """The score table's cells are measured from their text's advance: the same size the
    style's own measure (which asks the model for every role) gives, bold rows too."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from jlpanel.gui.common.i18n import apply_language
    from jlpanel.gui.common.theme import RoomyItemDelegate

    page = open_discussion(qtbot, window, merged_demo, (1366, 768))
    try:
        apply_language(language)
        table = page.ui.scoresTable
        model = table.model()
        delegate = table.itemDelegate()
        assert model.rowCount() > 5
        measured = 0
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                option = QStyleOptionViewItem()
                option.initFrom(table)
                option.font = table.font()
                option.fontMetrics = table.fontMetrics()
                option.widget = table
                fast = delegate.sizeHint(option, index)
                style = RoomyItemDelegate.sizeHint(delegate, option, index)
                assert fast == style, (row, column, index.data(), fast, style)
                measured += bool(index.data())
        assert measured > 20
    finally:
        apply_language("zh")
