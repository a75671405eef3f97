"""Columns as wide as their widest cell, found from the rows' texts (issue 16).

Qt's ``ResizeToContents`` asks the delegate for the size of every cell of up to 1,000 rows of
each such column, on the GUI thread, whenever the rows change: for 2,000 platforms that held
the window 100–200 ms after the list arrived. Here each column's texts are measured with the
font (each distinct text once), and only the widest cell of each look (bold or not, with an
icon or not) is asked of the delegate, so the width is the one Qt would have given it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView

from jlpanel.gui.common.table_support import RowsModel


def content_widths(
    table: QTableView, model: RowsModel[Any], columns: Iterable[int]
) -> dict[int, int]:
    """For each of ``columns``, the width its widest cell needs as ``table`` draws it (the
    delegate's size hint, and the grid line), without asking every cell."""
    rows = model.rows()
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    plain = QFontMetrics(option.font)
    bold_font = QFont(option.font)
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    grid = 1 if table.showGrid() else 0
    widths: dict[int, int] = {}
    for column in columns:
        spec = model.column(column)
        measured: dict[tuple[str, bool], int] = {}
        widest: dict[tuple[bool, bool], tuple[int, int]] = {}  # look → (text width, row)
        for n, row in enumerate(rows):
            text = spec.text(row)
            is_bold = bool(spec.bold(row)) if spec.bold is not None else False
            has_icon = bool(spec.icon(row)) if spec.icon is not None else False
            width = measured.get((text, is_bold))
            if width is None:
                width = (bold if is_bold else plain).horizontalAdvance(text)
                measured[text, is_bold] = width
            look = (is_bold, has_icon)
            if look not in widest or width > widest[look][0]:
                widest[look] = (width, n)
        delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
        widths[column] = (
            max(
                (delegate.sizeHint(option, model.index(n, column)).width() + grid)
                for _, n in widest.values()
            )
            if widest
            else 0
        )
    return widths


def fit_columns(table: QTableView, model: RowsModel[Any], columns: Iterable[int]) -> None:
    """Size ``columns`` (fixed: the user does not drag them) to their header and their
    widest cell, as ``ResizeToContents`` would have."""
    header = table.horizontalHeader()
    for column, width in content_widths(table, model, columns).items():
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Fixed:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))
