"""What every table model of the GUI shares: the index type, the two cell alignments, and
the generic model of plain rows shown through column descriptions."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from jlpanel.gui.common.theme import icon

#: The index Qt passes to a model's methods.
AnyIndex = QModelIndex | QPersistentModelIndex

#: Numbers are right-aligned, text left-aligned (STYLE.md "The look").
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def column_header(
    headers: Sequence[Callable[[], str]],
    numeric: Collection[int],
    section: int,
    orientation: Qt.Orientation,
    role: int,
) -> Any:
    """``headerData`` of a model whose columns are fixed (a tree, a matrix's row part): the
    header of each column, translated when asked, and numbers' headers right-aligned."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(headers):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return headers[section]()
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return ALIGN_RIGHT if section in numeric else ALIGN_LEFT
    return None


R = TypeVar("R")

#: The row object (tests and actions read it).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The value a column sorts by (for a sorting proxy in front of the model).
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

#: A number as a table shows it: 12, -1.50, 1,234.5, 85.0%, ＋3 (the sign, digits, a point).
_NUMBER = re.compile(r"\s*([+\-−]?)\s*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)\s*%?\s*")


_LEADING_NUMBER = re.compile(
    r"\s*[+\-−]?\s*(?:[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+)%?(?![0-9A-Za-z\-])"
)


def number_in(text: str) -> Decimal | None:
    """The number a cell's text shows, or None when it shows something else ("—", a name)."""
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    try:
        value = Decimal(match.group(2).replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None
    return -value if match.group(1) in ("-", "−") else value


def sort_key(value: Any) -> tuple[int, Any]:
    """A key that orders a column's values: empty first, then numbers by value, then text.

    Numbers and text never compare with each other, so a column mixing "—" and numbers sorts
    without an error, the dashes first.
    """
    if value is None or value == "" or value == "—":
        return (0, 0)
    if isinstance(value, bool):
        return (1, int(value))
    if isinstance(value, int | float | Decimal):
        return (1, value)
    text = str(value)
    # A number with a mark after it ("91.00 *", "3 并列") sorts by its number.
    match = _LEADING_NUMBER.match(text)
    number = number_in(match.group(0)) if match else None
    return (1, number) if number is not None else (2, text.casefold())


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header (translated when asked), its text, and how it looks."""

    header: Callable[[], str]
    text: Callable[[R], str]
    numeric: bool = False
    colour: Callable[[R], str | None] | None = None
    #: The cell's tooltip (None: none); the text itself by default, for an elided cell.
    tooltip: Callable[[R], str | None] | None = None
    #: The name of an icon shown before the text (a shape, so it reads in greyscale).
    icon: Callable[[R], str | None] | None = None
    #: A cell's background (a warning's wash) and whether its text is bold.
    background: Callable[[R], str | None] | None = None
    bold: Callable[[R], bool] | None = None
    #: The header's tooltip: what the column means.
    header_tip: Callable[[], str] | None = None
    #: The value a header click sorts by; the shown text by default, numbers as numbers.
    sort: Callable[[R], Any] | None = None


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows of plain data through column specs; numbers right-aligned.

    The model sorts itself (a header click): :meth:`rows` and :meth:`row` follow the order
    shown, and new rows keep the chosen order. Column -1 is the order the rows were given in.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: QObject | None = None,
        *,
        roles: Mapping[int, Callable[[R], Any]] | None = None,
    ) -> None:
        """``roles`` answers further item roles of every cell from its row (an id …)."""
        super().__init__(parent)
        self._columns = list(columns)
        self._roles = dict(roles or {})
        self._given: list[R] = []
        self._rows: list[R] = []
        #: For each row shown, its place in the order given.
        self._order: list[int] = []
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._order = self._sorted_order(*self._sorted_by)
        self._rows = [self._given[n] for n in self._order]
        self.endResetModel()

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column the rows are sorted by (-1: as given) and the order."""
        return self._sorted_by

    def column(self, n: int) -> Column[R]:
        return self._columns[n]

    def _sorted_order(self, column: int, order: Qt.SortOrder) -> list[int]:
        places = list(range(len(self._given)))
        if not 0 <= column < len(self._columns):
            return places
        spec = self._columns[column]
        value = spec.sort if spec.sort is not None else spec.text
        keys = [self.sort_key(value(row)) for row in self._given]
        # Stable both ways: equal values keep the order given.
        places.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return places

    def sort_key(self, value: Any) -> Any:
        """What a column's sort value sorts by (computed once a row for each sort)."""
        return sort_key(value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sorted_by = (column, order)
        new_order = self._sorted_order(column, order)
        if new_order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        new_place = {given: shown for shown, given in enumerate(new_order)}
        for index in self.persistentIndexList():
            if index.isValid():
                row = new_place[self._order[index.row()]]
                self.changePersistentIndex(index, self.index(row, index.column()))
        self._order = new_order
        self._rows = [self._given[n] for n in new_order]
        self.layoutChanged.emit()

    def replace_rows(self, rows: Sequence[R], same: Callable[[R, R], bool]) -> None:
        """Put each of ``rows`` in place of the row it is the ``same`` as (others are kept)."""
        for new in rows:
            for n, old in enumerate(self._given):
                if same(old, new):
                    self._given[n] = new
                    shown = self._order.index(n)
                    self._rows[shown] = new
                    last = len(self._columns) - 1
                    self.dataChanged.emit(self.index(shown, 0), self.index(shown, last))
                    break

    def rows(self) -> list[R]:
        return list(self._rows)

    def row(self, n: int) -> R:
        return self._rows[n]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header()
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.header_tip() if column.header_tip is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column.numeric else ALIGN_LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == ROW_ROLE:
            return item
        if role in self._roles:
            return self._roles[role](item)
        if role == SORT_ROLE:
            return column.sort(item) if column.sort is not None else column.text(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip else column.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column.numeric else ALIGN_LEFT
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(item)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            wash = column.background(item)
            return QBrush(QColor(wash)) if wash else None
        if role == Qt.ItemDataRole.FontRole and column.bold is not None and column.bold(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            name = column.icon(item)
            return icon(name) if name else None
        return None


class ItemsTableModel(QAbstractTableModel, Generic[R]):
    """A table of plain items whose cells a subclass's ``data`` works out (check states,
    fonts, editing); the plumbing every such model repeats is here: the items, their count,
    the fixed columns' headers and the language switch."""

    #: The columns' headers (translated when asked), in column order.
    HEADERS: ClassVar[Sequence[Callable[[], str]]] = ()
    #: The columns holding numbers: their headers are right-aligned.
    NUMERIC: ClassVar[Collection[int]] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[R] = []

    def _set_items(self, items: Sequence[R]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def _all_changed(self) -> None:
        """Every cell may read differently now (a language switch, a read-only change)."""
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(self.HEADERS) - 1)
            )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        self._all_changed()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(self.HEADERS, self.NUMERIC, section, orientation, role)
