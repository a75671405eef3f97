"""The rubric as a tree: areas → indicators, then the vetoes and the bonus items."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from jlpanel.domain.rubric import Area, BonusItem, Indicator, Rubric, Veto
from jlpanel.gui.common.formatting import decimals_for, fixed
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import AnyIndex, column_header


class NodeKind(Enum):
    """What a row of the rubric tree stands for."""

    AREA = "area"
    INDICATOR = "indicator"
    VETOES = "vetoes"
    VETO = "veto"
    BONUS = "bonus"
    BONUS_ITEM = "bonus_item"


@dataclass(eq=False)
class RubricNode:
    """One row of the tree; ``item`` is the domain object it shows (None for group rows)."""

    kind: NodeKind
    item: Area | Indicator | Veto | BonusItem | None
    parent: RubricNode | None = None
    children: list[RubricNode] = field(default_factory=list)

    @property
    def code(self) -> str:
        return "" if self.item is None else self.item.code

    def row(self) -> int:
        siblings = self.parent.children if self.parent else []
        return siblings.index(self)


class Column:
    CODE = 0
    NAME = 1
    MAX = 2
    STEP = 3
    COUNT = 4


#: The headers of the columns, in Column order.
_HEADERS = (
    lambda: translate("RubricTreeModel", "代码"),
    lambda: translate("RubricTreeModel", "名称"),
    lambda: translate("RubricTreeModel", "满分"),
    lambda: translate("RubricTreeModel", "步长"),
)

#: Data roles beyond Qt's: the node itself and its code (tests and the detail pane use them).
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


class RubricTreeModel(QAbstractItemModel):
    """Areas with their indicators, then 一票否决 and 加分项; names in the UI language."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = RubricNode(NodeKind.AREA, None)
        self._rubric: Rubric | None = None
        self._max_decimals = 0
        self._step_decimals = 1

    # -------------------------------------------------------------------------- content

    @property
    def rubric(self) -> Rubric | None:
        return self._rubric

    def set_rubric(self, rubric: Rubric | None) -> None:
        """Show ``rubric`` (or nothing)."""
        self.beginResetModel()
        self._rubric = rubric
        self._root = RubricNode(NodeKind.AREA, None)
        if rubric is not None:
            self._build(rubric)
        self.endResetModel()

    def _build(self, rubric: Rubric) -> None:
        root = self._root
        for area in rubric.areas:
            node = RubricNode(NodeKind.AREA, area, root)
            node.children = [RubricNode(NodeKind.INDICATOR, i, node) for i in area.indicators]
            root.children.append(node)
        if rubric.vetoes:
            group = RubricNode(NodeKind.VETOES, None, root)
            group.children = [RubricNode(NodeKind.VETO, v, group) for v in rubric.vetoes]
            root.children.append(group)
        if rubric.bonus_items:
            group = RubricNode(NodeKind.BONUS, None, root)
            group.children = [RubricNode(NodeKind.BONUS_ITEM, b, group) for b in rubric.bonus_items]
            root.children.append(group)
        maxima = [a.max_points for a in rubric.areas]
        maxima += [i.max_points for i in rubric.indicators]
        maxima += [b.max_points for b in rubric.bonus_items] + [rubric.bonus_cap]
        self._max_decimals = decimals_for(maxima)
        steps = [i.step for i in rubric.indicators] + [b.step for b in rubric.bonus_items]
        self._step_decimals = max(1, decimals_for(steps))

    def retranslate(self) -> None:
        """Re-read every name and header in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, Column.COUNT - 1)
        self._emit_changed(QModelIndex())

    def _emit_changed(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(
                self.index(0, 0, parent), self.index(rows - 1, Column.COUNT - 1, parent)
            )
            for row in range(rows):
                self._emit_changed(self.index(row, 0, parent))

    def node(self, index: AnyIndex) -> RubricNode | None:
        """The node behind ``index`` (None for the invisible root)."""
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, RubricNode) else None

    def find(self, code: str) -> QModelIndex:
        """The index of the row with ``code`` (an area, indicator, veto or bonus item)."""

        def walk(parent: QModelIndex) -> QModelIndex:
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                if self.data(index, CODE_ROLE) == code:
                    return index
                found = walk(index)
                if found.isValid():
                    return found
            return QModelIndex()

        return walk(QModelIndex())

    # -------------------------------------------------------------------- the Qt model

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        owner = self.node(parent) or self._root
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row(), 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self.node(parent) or self._root
        return len(owner.children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return Column.COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(_HEADERS, (Column.MAX, Column.STEP), section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(node, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.MAX, Column.STEP):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.kind in (
            NodeKind.AREA,
            NodeKind.VETOES,
            NodeKind.BONUS,
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == NODE_ROLE:
            return node
        if role == CODE_ROLE:
            return node.code
        return None

    def _display(self, node: RubricNode, column: int) -> str:
        language = current_language()
        item = node.item
        if column == Column.CODE:
            # Veto codes are identifiers (fraud, filing …), not codes people cite.
            return "" if node.kind is NodeKind.VETO else node.code
        if column == Column.NAME:
            if node.kind is NodeKind.VETOES:
                return translate("RubricTreeModel", "一票否决")
            if node.kind is NodeKind.BONUS:
                return translate("RubricTreeModel", "加分项")
            return item.name.get(language) if item is not None else ""
        if column == Column.MAX:
            if isinstance(item, Area | Indicator | BonusItem):
                return fixed(item.max_points, self._max_decimals)
            if node.kind is NodeKind.BONUS and self._rubric is not None:
                return fixed(self._rubric.bonus_cap, self._max_decimals)
            return ""
        if column == Column.STEP and isinstance(item, Indicator | BonusItem):
            return fixed(item.step, self._step_decimals)
        return ""
