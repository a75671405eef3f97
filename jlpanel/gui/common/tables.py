"""Tables that behave like a spreadsheet (STYLE.md "Qt"), and search boxes that lead to them.

:func:`spreadsheet` gives a table or tree view what an office user expects: a header click
sorts (numbers as numbers), Shift/Ctrl select, Ctrl+A selects all, Ctrl+C copies the
selection as tab-separated text with its header row, and a context menu offers 复制,
导出所选… (an .xlsx or .csv written by the results workbook's writers) and, where a row
can be opened, 打开 — the same as a double-click or Enter.

Copied text is guarded like the CSV export (OWASP "CSV injection", see
:mod:`jlpanel.exchange.results_workbook`): a text cell that a spreadsheet would read as a
formula gets a leading apostrophe; a number in a number column is pasted bare.

:func:`search_box` makes a filter box above a table lead to it: ↓ or Enter moves to the
first result, Esc clears the box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QTreeView,
    QWidget,
)

from jlpanel.gui.common.crash import report_exception, show_user_error
from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.table_support import RowsModel, number_in
from jlpanel.gui.common.theme import icon
from jlpanel.services.errors import UserError, store_fault

if TYPE_CHECKING:
    from jlpanel.exchange.results_workbook import Sheet

log = logging.getLogger(__name__)

#: Set on every view :func:`spreadsheet` has fitted out (a test walks the windows for it).
SPREADSHEET_PROPERTY = "jlpanelSpreadsheet"
#: Where this session last exported a selection (a property of the window).
_FOLDER_PROPERTY = "jlpanelTableExportFolder"


# ------------------------------------------------------------------------- the selection


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected cells as text: the header row, then one list per row (shown order).

    ``numeric[c]`` says whether column ``c`` is a number column (right-aligned); a cell of it
    that shows a number is a number, not text.
    """

    headers: list[str]
    rows: list[list[str]]
    numeric: list[bool]

    def is_number(self, column: int, text: str) -> bool:
        return self.numeric[column] and number_in(text) is not None


def _header(view: QAbstractItemView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()  # type: ignore[attr-defined]


def _shown_rows(view: QAbstractItemView) -> list[QModelIndex]:
    """The first-column index of every row shown, top to bottom (a tree's open branches)."""
    model = view.model()
    rows: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            if isinstance(view, QTableView) and view.isRowHidden(row):
                continue
            if isinstance(view, QTreeView) and view.isRowHidden(row, parent):
                continue
            index = model.index(row, 0, parent)
            rows.append(index)
            if isinstance(view, QTreeView) and model.hasChildren(index) and view.isExpanded(index):
                walk(index)

    walk(QModelIndex())
    return rows


def _row_labels(view: QAbstractItemView) -> bool:
    """Whether the table's rows are named in a vertical header (a matrix's platforms)."""
    return isinstance(view, QTableView) and view.verticalHeader().isVisible()


def selection(view: QAbstractItemView, *, everything: bool = False) -> Selection:
    """The selected cells of ``view`` (every cell when ``everything``), in the order shown.

    The columns are those with a selected cell, in their visual order; a cell of those rows
    and columns that is not selected is empty. A matrix's row names come first.
    """
    model = view.model()
    chosen = view.selectionModel()
    header = _header(view)
    columns = [
        logical
        for logical in (header.logicalIndex(v) for v in range(header.count()))
        if not header.isSectionHidden(logical)
    ]
    rows = _shown_rows(view)
    picked = {(i.row(), i.column(), i.internalId()) for i in chosen.selectedIndexes()}

    def selected(index: QModelIndex) -> bool:
        return everything or (index.row(), index.column(), index.internalId()) in picked

    if not everything:
        used = {c for _, c, _ in picked}
        columns = [c for c in columns if c in used]
        rows = [r for r in rows if any(selected(r.siblingAtColumn(c)) for c in columns)]

    def text(value: object) -> str:
        return "" if value is None else str(value)

    def right_aligned(column: int) -> bool:
        value = model.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
        )
        try:
            return bool(int(value or 0) & int(Qt.AlignmentFlag.AlignRight))
        except (TypeError, ValueError):
            return False

    labels = _row_labels(view)
    headers = [text(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    numeric = [right_aligned(c) for c in columns]
    lines: list[list[str]] = []
    for first in rows:
        line = [
            text(first.siblingAtColumn(c).data()) if selected(first.siblingAtColumn(c)) else ""
            for c in columns
        ]
        if labels:
            line.insert(0, text(model.headerData(first.row(), Qt.Orientation.Vertical)))
        lines.append(line)
    if labels:
        headers.insert(0, "")
        numeric.insert(0, False)
    return Selection(headers, lines, numeric)


def _tsv_cell(text: str, number: bool) -> str:
    # The CSV export's guard (the workbook writers load only when a table is copied).
    from jlpanel.exchange.results_workbook import guard_formula

    if not number:
        text = guard_formula(text)
    if any(c in text for c in '\t\n\r"'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def selection_tsv(view: QAbstractItemView, *, everything: bool = False) -> str:
    """The selection as tab-separated text with its header row, guarded against formulas."""
    chosen = selection(view, everything=everything)
    if not chosen.rows:
        return ""
    lines = ["\t".join(_tsv_cell(h, False) for h in chosen.headers)]
    for row in chosen.rows:
        lines.append("\t".join(_tsv_cell(t, chosen.is_number(c, t)) for c, t in enumerate(row)))
    return "\n".join(lines) + "\n"


def copy_selection(view: QAbstractItemView) -> bool:
    """Put the selection on the clipboard; False when nothing is selected."""
    text = selection_tsv(view)
    if not text:
        return False
    QApplication.clipboard().setText(text)
    return True


# ---------------------------------------------------------------------------- exporting


def _number(text: str) -> Decimal | None:
    """A cell's number for a workbook (a percentage stays text: its value would change)."""
    return None if "%" in text else number_in(text)


def selection_sheet(chosen: Selection, name: str) -> tuple[Sheet, int]:
    """The selection as a sheet of the results workbook, and the decimals its scores show.

    A number column whose every cell shows a number (or nothing) is written as numbers with
    the decimals shown; anything else as text.
    """
    from jlpanel.exchange.results_workbook import Column, ColumnKind, Sheet

    kinds: list[ColumnKind] = []
    decimals = 2
    values: list[list[object]] = [list(row) for row in chosen.rows]
    for c, _header_text in enumerate(chosen.headers):
        # A dash is a number column's "none": an empty cell, not a reason to write text.
        cells = ["" if row[c] == "—" else row[c] for row in chosen.rows]
        numbers = [_number(t) if t else None for t in cells]
        if not chosen.numeric[c] or any(
            t and n is None for t, n in zip(cells, numbers, strict=True)
        ):
            kinds.append(ColumnKind.TEXT)
            continue
        places = max(
            (max(0, -int(n.as_tuple().exponent)) for n in numbers if n is not None), default=0
        )
        if places == 0:
            kinds.append(ColumnKind.INTEGER)
        elif places == 2:
            kinds.append(ColumnKind.POINTS)
        else:
            kinds.append(ColumnKind.SCORE)
            decimals = places
        for r, number in enumerate(numbers):
            values[r][c] = number
    columns = tuple(
        Column(h, kind, width=max(8.0, min(40.0, 2.0 * len(h) + 4)))
        for h, kind in zip(chosen.headers, kinds, strict=True)
    )
    safe = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31] or "Sheet1"
    return Sheet(safe, columns, values, frozen_columns=0), decimals


def export_selection(view: QAbstractItemView, path: Path, name: str) -> int:
    """Write the selection (everything when nothing is selected) to ``path``: .csv or .xlsx.

    Returns the number of rows written.
    """
    from jlpanel.exchange.results_workbook import write_csv, write_workbook

    chosen = selection(view)
    if not chosen.rows:
        chosen = selection(view, everything=True)
    sheet, decimals = selection_sheet(chosen, name)
    if path.suffix.lower() == ".csv":
        write_csv(path, sheet, score_decimals=decimals)
    else:
        write_workbook(path, [sheet], score_decimals=decimals)
    log.info("exported %d table rows to %s", len(chosen.rows), path)
    return len(chosen.rows)


def _export_folder(view: QWidget) -> Path:
    value = view.window().property(_FOLDER_PROPERTY)
    if isinstance(value, str) and value:
        return Path(value)
    from jlpanel.services.preferences import load_preferences

    preferred = load_preferences().export_dir
    return Path(preferred) if preferred else Path.home()


def ask_and_export(view: QAbstractItemView, name: str) -> Path | None:
    """Ask where to save the selection, then write it; the path written, or None."""
    xlsx = translate("Tables", "Excel 工作簿 (*.xlsx)")
    csv = translate("Tables", "CSV 表格 (*.csv)")
    start = _export_folder(view) / f"{name}.xlsx"
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        view.window(), translate("Tables", "导出所选"), str(start), f"{xlsx};;{csv}", xlsx
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if chosen_filter == csv else ".xlsx"))
    view.window().setProperty(_FOLDER_PROPERTY, str(path.parent))
    try:
        rows = export_selection(view, path, name)
    except OSError as exc:
        fault: UserError | None = store_fault(exc, path)
        if fault is None:
            where = str(path)
            fault = UserError(
                f"无法写入“{where}”：{exc.strerror or exc}",
                f"Cannot write '{where}': {exc.strerror or exc}",
            )
        show_user_error(view, fault)
        return None
    except Exception as exc:  # a bug: the crash dialog with the log
        report_exception(exc, view)
        return None
    window = view.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            translate("Tables", "已导出 {n} 行：{path}").format(n=rows, path=path), 10000
        )
    return path


# ------------------------------------------------------------------------- the behaviour


class _Keys(QObject):
    """Ctrl+C copies the selection, even where a window's own shortcut claims the keys; the
    Menu key (or Shift+F10) opens the menu at the current row, keeping the selection."""

    def __init__(self, view: QAbstractItemView, popup: Callable[[QPoint], None]) -> None:
        super().__init__(view)
        self._view = view
        self._popup = popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            current = self._view.currentIndex()
            rect = self._view.visualRect(current) if current.isValid() else None
            self._popup(rect.center() if rect is not None else QPoint(0, 0))
            event.accept()
            return True
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            if event.matches(QKeySequence.StandardKey.Copy):
                if kind == QEvent.Type.KeyPress:
                    copy_selection(self._view)
                event.accept()
                return kind == QEvent.Type.KeyPress
            if event.matches(QKeySequence.StandardKey.SelectAll):
                event.accept()  # the view selects all itself (extended selection)
                if kind == QEvent.Type.KeyPress:
                    self._view.selectAll()
                    return True
        return False


def _default_name() -> str:
    return translate("Tables", "表格")


def _popup(
    view: QAbstractItemView,
    open_row: Callable[[QModelIndex], object] | None,
    export_name: Callable[[], str],
    menu_hook: Callable[[QMenu, QModelIndex], object] | None,
    position: QPoint,
) -> None:
    index = view.indexAt(position)
    chosen = view.selectionModel()
    if index.isValid() and not chosen.isSelected(index):
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        chosen.setCurrentIndex(index, flags)
    menu = QMenu(view)
    if menu_hook is not None:
        menu_hook(menu, index)
        if menu.actions():
            menu.addSeparator()
    table_menu(view, open_row=open_row, export_name=export_name, index=index, menu=menu)
    menu.popup(view.viewport().mapToGlobal(position))


def table_menu(
    view: QAbstractItemView,
    *,
    open_row: Callable[[QModelIndex], object] | None = None,
    export_name: Callable[[], str] = _default_name,
    index: QModelIndex | None = None,
    menu: QMenu | None = None,
) -> QMenu:
    """The context menu of a table (or ``menu`` with them added): 打开 (when rows open),
    复制, 全选, 导出所选…"""
    if menu is None:
        menu = QMenu(view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    has_selection = view.selectionModel().hasSelection()
    if open_row is not None:
        target = index if index is not None and index.isValid() else view.currentIndex()
        opening = menu.addAction(icon("document-open"), translate("Tables", "打开"))
        opening.setObjectName("openAction")
        opening.setShortcut(QKeySequence(Qt.Key.Key_Return))
        opening.setEnabled(target.isValid())
        opening.triggered.connect(partial(open_row, QModelIndex(target)))
        menu.addSeparator()
    copying = menu.addAction(icon("edit-copy"), translate("Tables", "复制"))
    copying.setObjectName("copyAction")
    copying.setShortcut(QKeySequence.StandardKey.Copy)
    copying.setEnabled(has_selection)
    copying.triggered.connect(partial(copy_selection, view))
    selecting = menu.addAction(icon("edit-select-all"), translate("Tables", "全选"))
    selecting.setObjectName("selectAllAction")
    selecting.setShortcut(QKeySequence.StandardKey.SelectAll)
    selecting.triggered.connect(view.selectAll)
    menu.addSeparator()
    exporting = menu.addAction(icon("document-export"), translate("Tables", "导出所选…"))
    exporting.setObjectName("exportAction")
    exporting.setEnabled(view.model() is not None and view.model().rowCount() > 0)
    exporting.triggered.connect(lambda: ask_and_export(view, export_name()))
    for action in menu.actions():  # the keys are the view's own; the menu only shows them
        action.setShortcutVisibleInContextMenu(True)
    return menu


#: How many rows a column sized to its contents measures (those in view first).
FIT_ROWS = 40


def _sorts_itself(model: QAbstractItemModel | None) -> bool:
    return isinstance(model, RowsModel | QSortFilterProxyModel)


def spreadsheet(
    view: QAbstractItemView,
    *,
    open_row: Callable[[QModelIndex], object] | None = None,
    export_name: Callable[[], str] | None = None,
    sort: bool = True,
    menu: Callable[[QMenu, QModelIndex], object] | None = None,
) -> None:
    """Make ``view`` behave like a spreadsheet (see the module's notes).

    ``open_row`` opens a row (what double-click and Enter do); it adds 打开 to the menu.
    ``export_name`` names the exported file and sheet. ``sort`` is False for a table whose
    order means something a header click would destroy (a matrix with a total row); a table
    whose model neither sorts itself nor sits behind a sorting proxy must say so too.
    ``menu`` adds the view's own actions to the top of its context menu.
    """
    if sort:
        if not _sorts_itself(view.model()):
            raise TypeError(f"{type(view.model()).__name__} cannot sort: use RowsModel or a proxy")
        header = _header(view)
        if isinstance(view, QTableView | QTreeView):
            # Enabling sorting sorts by the indicator: keep the order the model has now (the
            # order given, until a header is clicked).
            model = view.model()
            if isinstance(model, QSortFilterProxyModel):
                header.setSortIndicator(model.sortColumn(), model.sortOrder())
            elif isinstance(model, RowsModel):
                header.setSortIndicator(*model.sorted_by())
            header.setSectionsClickable(True)
            header.setSortIndicatorShown(True)
            view.setSortingEnabled(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    if isinstance(view, QTableView):
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # A column fitted to its contents measures the rows in view and around them, up to
        # FIT_ROWS, not all of a 2,000-platform cycle's on every layout (Qt's default 1,000).
        view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
    popup = partial(_popup, view, open_row, export_name or _default_name, menu)
    view.installEventFilter(_Keys(view, popup))
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(popup)
    view.setProperty(SPREADSHEET_PROPERTY, True)


# -------------------------------------------------------------------------- search boxes


class _SearchKeys(QObject):
    def __init__(self, edit: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(edit)
        self._edit = edit
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and self._edit.text():
            event.accept()
            if kind == QEvent.Type.KeyPress:
                self._edit.clear()
            return kind == QEvent.Type.KeyPress
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if kind == QEvent.Type.KeyPress:
                return first_result(self._view)
            event.accept()
        return False


def first_result(view: QAbstractItemView) -> bool:
    """Focus ``view`` on its first row; False when it shows none."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return False
    first = model.index(0, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
        flags |= QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().setCurrentIndex(first, flags)
    view.scrollTo(first)
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def search_box(edit: QLineEdit, view: QAbstractItemView) -> None:
    """↓ or Enter in ``edit`` moves to the first row of ``view``; Esc clears ``edit``."""
    edit.installEventFilter(_SearchKeys(edit, view))
    edit.setClearButtonEnabled(True)


__all__ = [
    "SPREADSHEET_PROPERTY",
    "Selection",
    "ask_and_export",
    "copy_selection",
    "export_selection",
    "first_result",
    "search_box",
    "selection",
    "selection_tsv",
    "spreadsheet",
    "table_menu",
]
