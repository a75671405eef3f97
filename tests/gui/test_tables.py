"""Tables behave like a spreadsheet (STYLE.md "Qt"): header sort with numbers as numbers,
Shift/Ctrl selection, Ctrl+A, Ctrl+C as guarded tab-separated text with the header row, a
context menu with 复制 / 导出所选… / 打开, and search boxes whose ↓, Enter and Esc lead to the
table — on the real views, driven by keyboard and mouse."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import PANEL, CycleFiles, write_roster_file
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QFileDialog,
    QMenu,
    QTableView,
    QTreeView,
    QWidget,
)

from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import SPREADSHEET_PROPERTY, selection_tsv, spreadsheet
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.staff.experts_models import ExpertTableModel
from jlpanel.gui.staff.platform_model import PLATFORM_ID_ROLE, PlatformColumn

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# ------------------------------------------------------------------------------ helpers


def row_point(view: QAbstractItemView, row: int, column: int = 0) -> QPoint:
    return view.visualRect(view.model().index(row, column)).center()


def click_row(qtbot: Any, view: QAbstractItemView, row: int, modifier: Any = None) -> None:
    modifiers = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), LEFT, modifiers, row_point(view, row))


def click_header(qtbot: Any, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, 5))


def selected_rows(view: QAbstractItemView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedRows()})


def column_texts(view: QAbstractItemView, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(r, column).data()) for r in range(model.rowCount())]


def press(qtbot: Any, widget: QWidget, key: Qt.Key, modifier: Any = None) -> None:
    modifiers = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(widget, key, modifiers)


def context_menu(view: QAbstractItemView, row: int) -> QMenu:
    """Ask for the context menu over ``row`` (as a right click does); the menu shown."""
    before = set(view.findChildren(QMenu))
    view.customContextMenuRequested.emit(row_point(view, row))
    shown = [m for m in view.findChildren(QMenu) if m not in before and m.isVisible()]
    assert len(shown) == 1
    return shown[0]


def action_names(menu: QMenu) -> list[str]:
    return [a.objectName() for a in menu.actions() if not a.isSeparator()]


def tsv(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.rstrip("\n").split("\n")]


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The Save dialog answers the next path put in the list."""
    answers: list[Path] = []

    def get_save_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(answers.pop(0)), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answers


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def open_workspace(window: MainWindow, qtbot: Any, path: Path) -> None:
    with qtbot.waitSignal(window.workspace_opened, timeout=15_000):
        window.open_workspace(path)


# ---------------------------------------------------------------- the generic row model


@dataclass(frozen=True)
class Item:
    name: str
    count: int


def test_a_rows_model_sorts_numbers_as_numbers_and_keeps_the_current_row(qtbot: Any) -> None:
    model: RowsModel[Item] = RowsModel(
        [
            Column(lambda: "名称", lambda i: i.name),
            Column(lambda: "次数", lambda i: str(i.count), numeric=True),
        ]
    )
    model.set_rows([Item("甲", 12), Item("乙", 3), Item("丙", 100), Item("丁", -5)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    spreadsheet(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    # Unsorted until a header is clicked: the order given.
    assert [i.name for i in model.rows()] == ["甲", "乙", "丙", "丁"]
    click_row(qtbot, view, 0)  # 甲 stays current through the sort
    click_header(qtbot, view, 1)
    assert view.isSortingEnabled()
    ascending = column_texts(view, 1)
    if view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        ascending.reverse()
    assert ascending == ["-5", "3", "12", "100"]  # as text: "-5", "100", "12", "3"
    assert model.row(view.currentIndex().row()).name == "甲"
    first = column_texts(view, 1)
    click_header(qtbot, view, 1)
    assert column_texts(view, 1) == first[::-1]
    # New rows keep the chosen order.
    order = view.horizontalHeader().sortIndicatorOrder()
    model.set_rows([Item("戊", 7), Item("己", 20)])
    expected = ["7", "20"] if order == Qt.SortOrder.AscendingOrder else ["20", "7"]
    assert column_texts(view, 1) == expected


def test_a_view_that_cannot_sort_must_say_so(qtbot: Any) -> None:
    from PySide6.QtCore import QStringListModel

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(QStringListModel(["a", "b"]))
    with pytest.raises(TypeError):
        spreadsheet(view)
    spreadsheet(view, sort=False)
    assert not view.isSortingEnabled()
    assert view.property(SPREADSHEET_PROPERTY)


# ----------------------------------------------------------------------- the platform list


@pytest.fixture
def imported_workspace(workspace_file: Path, dossier_files: list[Path]) -> Path:
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import open_workspace as open_ws

    with open_ws(workspace_file) as ws:
        assert all(o.ok for o in import_dossiers(ws, dossier_files[:2]))
    return workspace_file


def test_the_platform_list_is_a_spreadsheet(
    window: MainWindow, qtbot: Any, imported_workspace: Path, save_to: list[Path], tmp_path: Path
) -> None:
    open_workspace(window, qtbot, imported_workspace)
    listing = window.workspace_view.platform_list
    table = listing.ui.platformTable
    qtbot.waitUntil(lambda: listing.proxy.rowCount() == 2)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # A header click sorts the service counts as numbers: 3 before 12.
    click_header(qtbot, table, PlatformColumn.SERVICES)
    counts = column_texts(table, PlatformColumn.SERVICES)
    assert sorted(counts, key=int) in (counts, counts[::-1])

    # Click, Shift+click, Ctrl+click.
    click_row(qtbot, table, 0)
    assert selected_rows(table) == [0]
    click_row(qtbot, table, 1, SHIFT)
    assert selected_rows(table) == [0, 1]
    click_row(qtbot, table, 0, CTRL)
    assert selected_rows(table) == [1]

    # Ctrl+C: the selection as TSV with the header row.
    QApplication.clipboard().clear()
    press(qtbot, table, Qt.Key.Key_C, CTRL)
    lines = tsv(QApplication.clipboard().text())
    assert lines[0][:3] == ["备案编号", "平台名称", "依托单位"]
    assert len(lines) == 2 and lines[1][1] == listing.visible_names()[1]

    # Ctrl+A selects every row (Ctrl+A is also a window shortcut nowhere else).
    press(qtbot, table, Qt.Key.Key_A, CTRL)
    assert selected_rows(table) == [0, 1]
    press(qtbot, table, Qt.Key.Key_C, CTRL)
    assert len(tsv(QApplication.clipboard().text())) == 3

    # The Menu key opens the menu at the current row and keeps the selection (not at the
    # event's point, which is over row 0).
    click_row(qtbot, table, 1)
    before = set(table.findChildren(QMenu))
    key_menu = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), table.mapToGlobal(QPoint(0, 0))
    )
    QApplication.sendEvent(table, key_menu)
    assert [m for m in table.findChildren(QMenu) if m not in before and m.isVisible()]
    assert selected_rows(table) == [1]

    # The context menu: 打开 opens the row as a double-click does; 复制; 导出所选….
    menu = context_menu(table, 0)
    assert action_names(menu) == ["openAction", "copyAction", "selectAllAction", "exportAction"]
    assert [a.text() for a in menu.actions() if a.objectName() == "openAction"] == ["打开"]
    first_id = table.model().index(0, 0).data(PLATFORM_ID_ROLE)
    with qtbot.waitSignal(listing.open_requested) as opened:
        next(a for a in menu.actions() if a.objectName() == "openAction").trigger()
    assert opened.args == [first_id]
    window.workspace_view.show_list()

    # Export the selection (one row) to CSV and read it back.
    click_row(qtbot, table, 1)
    target = tmp_path / "导出" / "平台.csv"
    target.parent.mkdir()
    save_to.append(target)
    menu = context_menu(table, 1)
    next(a for a in menu.actions() if a.objectName() == "exportAction").trigger()
    rows = read_csv(target)
    assert rows[0][:2] == ["备案编号", "平台名称"]
    assert len(rows) == 2 and rows[1][1] == listing.visible_names()[1]
    assert "平台.csv" in window.statusBar().currentMessage()


def test_the_search_box_leads_to_the_table(
    window: MainWindow, qtbot: Any, imported_workspace: Path
) -> None:
    open_workspace(window, qtbot, imported_workspace)
    listing = window.workspace_view.platform_list
    table = listing.ui.platformTable
    search = listing.ui.searchEdit
    qtbot.waitUntil(lambda: listing.proxy.rowCount() == 2)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    search.setFocus()
    qtbot.keyClicks(search, "2022-013")  # the second platform's filing number
    assert search.text() == "2022-013"
    assert listing.visible_names() == ["吉林省农业种质资源库"]
    press(qtbot, search, Qt.Key.Key_Down)
    assert table.hasFocus()
    assert table.currentIndex().row() == 0 and selected_rows(table) == [0]

    search.setFocus()
    search.setText("")
    table.clearSelection()
    press(qtbot, search, Qt.Key.Key_Return)
    assert table.hasFocus() and selected_rows(table) == [0]

    search.setFocus()
    search.setText("资源")
    press(qtbot, search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert len(listing.visible_names()) == 2


# ---------------------------------------------------------------------- the experts tab


@pytest.fixture
def formula_roster(tmp_path: Path) -> Path:
    """The panel, one of whose units reads like a formula."""
    panel = [list(row) for row in PANEL]
    panel[3][1] = "=1+1"
    return write_roster_file(tmp_path / "名单" / "公式.xlsx", [tuple(r) for r in panel])


def test_the_experts_table_copies_guarded_text_and_exports_xlsx(
    window: MainWindow,
    qtbot: Any,
    cycle_files: CycleFiles,
    formula_roster: Path,
    save_to: list[Path],
    tmp_path: Path,
) -> None:
    from jlpanel.services.experts import import_roster
    from jlpanel.services.workspace import open_workspace as open_ws

    with open_ws(cycle_files.workspace) as ws:
        assert import_roster(ws, formula_roster).ok
    open_workspace(window, qtbot, cycle_files.workspace)
    view = window.workspace_view.experts_view
    window.show_experts()
    qtbot.waitUntil(lambda: view.experts_model.rowCount() == 5)
    table = view.ui.expertsTable
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    # Sort by name, both ways; the matrix still follows the expert chosen.
    click_header(qtbot, table, ExpertTableModel.NAME)
    names = column_texts(table, ExpertTableModel.NAME)
    click_header(qtbot, table, ExpertTableModel.NAME)
    assert column_texts(table, ExpertTableModel.NAME) == names[::-1]
    assert names != [row[0] for row in PANEL] or names[::-1] != [row[0] for row in PANEL]
    row = column_texts(table, ExpertTableModel.NAME).index("陈晓燕")
    click_row(qtbot, table, row)
    matrix = view.matrix_model
    column = view.ui.matrixTable.currentIndex().column()
    assert matrix.headerData(column, Qt.Orientation.Horizontal) == "陈晓燕"

    # Ctrl+A, Ctrl+C: every expert under the header row; the formula is kept as text.
    table.setFocus()
    press(qtbot, table, Qt.Key.Key_A, CTRL)
    press(qtbot, table, Qt.Key.Key_C, CTRL)
    lines = tsv(QApplication.clipboard().text())
    assert lines[0] == ["姓名", "工作单位", "职称", "专业领域", "回避", "工作量"]
    assert len(lines) == 6
    chen = next(line for line in lines if line[0] == "陈晓燕")
    assert chen[1] == "'=1+1"
    assert all(line[5].isdigit() for line in lines[1:])  # numbers stay numbers

    # 导出所选 writes a workbook: the unit as text, the loads as numbers.
    target = tmp_path / "专家.xlsx"
    save_to.append(target)
    menu = context_menu(table, 0)
    assert "openAction" not in action_names(menu)  # an expert is not a thing to open
    next(a for a in menu.actions() if a.objectName() == "exportAction").trigger()
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    assert sheet[0][:2] == ["姓名", "工作单位"]
    by_name = {r[0]: r for r in sheet[1:]}
    assert set(by_name) == {row[0] for row in PANEL}
    assert by_name["陈晓燕"][1] == "=1+1"
    assert isinstance(by_name["陈晓燕"][5], int | float)


# ------------------------------------------------------------------- the secretary tabs


@pytest.fixture
def merged(demo: Path, app: QApplication) -> Iterator[Any]:
    from PySide6.QtCore import QThreadPool

    from jlpanel.services.merge import merge_score_files
    from jlpanel.services.workspace import open_workspace as open_ws

    ws = open_ws(demo / "demo.jlpanel")
    outcomes = merge_score_files(ws, [demo / "scores"], backup_dir=None)
    assert all(o.ok for o in outcomes)
    yield ws
    QThreadPool.globalInstance().waitForDone()
    ws.close()


def test_the_results_table_sorts_ranks_as_numbers_and_copies(
    qtbot: Any, merged: Any, message_boxes: Any
) -> None:
    from jlpanel.gui.secretary.secretary_view import ResultsPage

    page = ResultsPage()
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.set_workspace(merged)
    page.show()
    qtbot.waitExposed(page)
    table = page.ui.resultsTable
    assert page.results_model.rowCount() == 24
    ranks = column_texts(table, 0)
    # Sorted by rank, descending: 24 first (as text "9" would be).
    click_header(qtbot, table, 0)
    if table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        click_header(qtbot, table, 0)
    descending = column_texts(table, 0)
    numbers = [int("".join(ch for ch in r if ch.isdigit())) for r in descending]
    assert numbers == sorted(numbers, reverse=True)
    assert sorted(descending) == sorted(ranks)
    # result_lines() follows the table: what an action takes is what the user sees.
    shown = zip(page.results_model.rows(), descending, strict=True)
    assert all(str(line.rank) in text for line, text in shown)

    click_row(qtbot, table, 0)
    click_row(qtbot, table, 2, SHIFT)
    assert selected_rows(table) == [0, 1, 2]
    table.setFocus()
    press(qtbot, table, Qt.Key.Key_C, CTRL)
    lines = tsv(QApplication.clipboard().text())
    headers = [page.results_model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert lines[0][:3] == headers
    assert len(lines) == 4
    assert lines[1][0] == descending[0]
    assert action_names(context_menu(table, 0)) == [
        "copyAction",
        "selectAllAction",
        "exportAction",
    ]


# ------------------------------------------------------------------ every table, walked


#: Tables whose rows have an order a header click would destroy (a matrix with a total row,
#: a rubric tree, a dossier sheet in the workbook's row order), by model class.
UNSORTED = {
    "AssignmentMatrixModel",
    "MatrixModel",
    "PanelScoresModel",
    "BasicInfoModel",
    "MetricsModel",
    "SheetTableModel",
    "RubricTreeModel",
}


def _tables(root: QWidget) -> list[QAbstractItemView]:
    views: list[QAbstractItemView] = [*root.findChildren(QTableView), *root.findChildren(QTreeView)]

    def in_calendar(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QCalendarWidget):
                return True
            parent = parent.parentWidget()
        return False

    return [v for v in views if not in_calendar(v)]


def test_every_table_of_the_main_window_is_a_spreadsheet(
    window: MainWindow, qtbot: Any, demo: Path
) -> None:
    from jlpanel.gui.common.tasks import pending_tasks

    open_workspace(window, qtbot, demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    tabs = window.workspace_view.ui.tabs
    for n in range(tabs.count()):  # every tab shown once, so lazy tables exist
        tabs.setCurrentIndex(n)
        qtbot.waitUntil(lambda: pending_tasks() == 0)
    platform_id = window.workspace_view.platform_list.model.platforms()[0].id
    window.workspace_view.platform_list.open_requested.emit(platform_id)
    qtbot.waitUntil(lambda: pending_tasks() == 0)

    views = _tables(window)
    assert len(views) >= 15, [type(v.model()).__name__ for v in views]
    seen = set()
    for view in views:
        model = type(view.model()).__name__
        seen.add(model)
        where = f"{view.objectName() or type(view).__name__} over {model}"
        assert view.property(SPREADSHEET_PROPERTY), where
        assert view.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection, where
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu, where
        if model not in UNSORTED:
            assert view.isSortingEnabled(), where
        if view.model().rowCount():  # Ctrl+A, Ctrl+C: the header row and the rows
            view.selectAll()
            lines = selection_tsv(view).splitlines()
            assert len(lines) >= 2 and any(lines[0].split("\t")), where
    # The walk reached the staff, rules and secretary tables.
    assert {"PlatformFilterModel", "ExpertTableModel", "RulesTableModel", "RowsModel"} <= seen


def test_an_exported_number_column_keeps_numbers_beside_dashes() -> None:
    from jlpanel.exchange.results_workbook import ColumnKind
    from jlpanel.gui.common.tables import Selection, selection_sheet

    chosen = Selection(
        ["平台", "服务次数", "满意度", "占比"],
        [["甲", "12", "4.50", "85.0%"], ["乙", "—", "—", "—"], ["=1+1", "3", "3.25", "1.0%"]],
        [False, True, True, True],
    )
    sheet, _decimals = selection_sheet(chosen, "平台[列表]")
    assert [c.kind for c in sheet.columns] == [
        ColumnKind.TEXT,
        ColumnKind.INTEGER,
        ColumnKind.POINTS,
        ColumnKind.TEXT,  # a percentage stays as shown
    ]
    assert [list(r) for r in sheet.rows][1] == ["乙", None, None, "—"]
    assert sheet.name == "平台列表"  # no characters a sheet name cannot hold
