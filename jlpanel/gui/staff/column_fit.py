"""Columns as wide as their widest cell, found from the rows' texts (issue 16).

Qt's ``ResizeToContents`` asks the delegate for the size of every cell of up to 1,000 rows of
each such column, on the GUI thread, whenever the rows change: for 2,000 platforms that held
the window 100–200 ms after the list arrived. Here each column's texts are measured with the
font (each distinct text once), and only the widest cell of each look (bold or not, with an
icon or not) is asked of the delegate, so the width is the one Qt would have given it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import Any

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem, QTableView

from jlpanel.gui.common.table_support import Column, RowsModel

#: For each column, each look (bold, with an icon) and each distinct text in it: the first
#: row showing it (the row itself, so the order the model shows them in does not matter).
Texts = dict[int, dict[tuple[bool, bool], dict[str, Any]]]


def distinct_texts(specs: Mapping[int, Column[Any]], rows: Sequence[Any]) -> Texts:
    """Each column's distinct texts by look, from its spec: plain Python, so the background
    task that read ``rows`` can do it (formatting 8,000 numbers was most of the fit)."""
    found: Texts = {}
    for column, spec in specs.items():
        texts = map(spec.text, rows)
        no = repeat(None)
        bolds = map(spec.bold, rows) if spec.bold is not None else no
        icons = map(spec.icon, rows) if spec.icon is not None else no
        looks: dict[tuple[bool, bool], dict[str, Any]] = {}
        for row, text, is_bold, has_icon in zip(rows, texts, bolds, icons, strict=False):
            looks.setdefault((bool(is_bold), bool(has_icon)), {}).setdefault(text, row)
        found[column] = looks
    return found


def content_widths(
    table: QTableView, model: RowsModel[Any], columns: Iterable[int], texts: Texts | None = None
) -> dict[int, int]:
    """For each of ``columns``, the width its widest cell needs as ``table`` draws it (the
    delegate's size hint, and the grid line), without asking every cell. ``texts``: the
    model's rows' :func:`distinct_texts`, when already found."""
    columns = list(columns)
    rows = model.rows()
    if texts is None:
        texts = distinct_texts({c: model.column(c) for c in columns}, rows)
    place = {id(row): n for n, row in enumerate(rows)}
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    plain = QFontMetrics(option.font)
    bold_font = QFont(option.font)
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)
    grid = 1 if table.showGrid() else 0
    widths: dict[int, int] = {}
    for column in columns:
        asked = []  # each look's widest text: the row whose cell is asked of the delegate
        for (is_bold, _icon), first_rows in texts.get(column, {}).items():
            metrics = bold if is_bold else plain
            widest = max(first_rows, key=metrics.horizontalAdvance)
            n = place.get(id(first_rows[widest]))
            if n is not None:
                asked.append(n)
        delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
        widths[column] = max(
            (delegate.sizeHint(option, model.index(n, column)).width() + grid for n in asked),
            default=0,
        )
    return widths


def fit_columns(
    table: QTableView, model: RowsModel[Any], columns: Iterable[int], texts: Texts | None = None
) -> None:
    """Size ``columns`` (fixed: the user does not drag them) to their header and their
    widest cell, as ``ResizeToContents`` would have (``texts``: see :func:`content_widths`)."""
    header = table.horizontalHeader()
    for column, width in content_widths(table, model, columns, texts).items():
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Fixed:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))
