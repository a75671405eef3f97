"""Columns as wide as their widest cell, found from the rows' texts (issue 16).

Qt's ``ResizeToContents`` asks the delegate for the size of every cell of up to 1,000 rows of
each such column, on the GUI thread, whenever the rows change: for 2,000 platforms that held
the window 100–200 ms after the list arrived. Here each column's texts are measured with the
font (each distinct text once), and only the widest cell of each look (bold or not, with an
icon or not) is asked of the delegate, so the width is the one Qt would have given it.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
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
        texts = list(map(spec.text, rows))
        asked: list[int] = []  # the rows whose cells are asked of the delegate
        if spec.bold is None and spec.icon is None:  # one look: the widest text's first row
            if texts:
                asked.append(texts.index(max(set(texts), key=plain.horizontalAdvance)))
        else:  # bold or not, with an icon or not: each look's widest text
            no = repeat(None)
            bolds = map(spec.bold, rows) if spec.bold is not None else no
            icons = map(spec.icon, rows) if spec.icon is not None else no
            measured: dict[tuple[str, bool], int] = {}
            widest: dict[tuple[bool, bool], tuple[int, int]] = {}  # look → (width, row)
            for n, (text, is_bold, has_icon) in enumerate(zip(texts, bolds, icons, strict=False)):
                look = (bool(is_bold), bool(has_icon))
                width = measured.get((text, look[0]))
                if width is None:
                    width = (bold if look[0] else plain).horizontalAdvance(text)
                    measured[text, look[0]] = width
                if look not in widest or width > widest[look][0]:
                    widest[look] = (width, n)
            asked.extend(n for _, n in widest.values())
        delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
        widths[column] = max(
            (delegate.sizeHint(option, model.index(n, column)).width() + grid for n in asked),
            default=0,
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
