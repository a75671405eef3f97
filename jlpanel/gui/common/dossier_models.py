"""Table models of the dossier browser: sheets served lazily, basic info, metrics, findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.metrics import METRICS, MetricDefinition
from jlpanel.domain.rubric import Indicator, Rubric
from jlpanel.domain.text import Text
from jlpanel.gui.common import formatting
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.table_support import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    AnyIndex,
    Column,
    RowsModel,
    column_header,
)
from jlpanel.gui.common.theme import MUTED

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.services.dossiers import AttachmentInfo, SheetColumn, SheetData


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)

#: Column kinds shown as numbers (right-aligned).
NUMERIC_KINDS = frozenset({"number", "amount", "integer", "year", "share"})
#: Decimal numbers: shown with the column's fixed decimals.
DECIMAL_KINDS = frozenset({"number", "amount"})


# ------------------------------------------------------------------------------ sheets


@cache
def _choice_labels() -> dict[str, dict[object, str]]:
    """Fields whose choices are stored as other values (专职 → True), value → label."""
    from jlpanel.exchange.dossier_schema import SHEETS

    out: dict[str, dict[object, str]] = {}
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.choice_values:
                out[column.field] = {v: k for k, v in column.choice_values.items()}
    return out


def column_decimals(kind: str, values: Iterable[object]) -> int:
    """The fixed decimals a decimal column needs (0–2), from all its values."""
    if kind not in DECIMAL_KINDS:
        return 0
    needed = 0
    for value in values:
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        for decimals in range(needed, 3):
            if abs(round(value, decimals) - value) < 1e-9:
                needed = decimals
                break
        else:
            return 2
        if needed == 2:
            break
    return needed


@dataclass(frozen=True, slots=True)
class LoadedSheet:
    """A sheet as the browser shows it: its data and each column's decimals."""

    data: SheetData
    decimals: tuple[int, ...]


def prepare_sheet(data: SheetData) -> LoadedSheet:
    """Work out the columns' decimals (off the GUI thread: it reads every row)."""
    decimals = tuple(
        column_decimals(column.kind, (row[n] for row in data.rows))
        if column.kind in DECIMAL_KINDS
        else 0
        for n, column in enumerate(data.columns)
    )
    return LoadedSheet(data, decimals)


def cell_text(column: SheetColumn, value: object, decimals: int = 0) -> str:
    """A sheet cell as text."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        labels = _choice_labels().get(column.field)
        if labels and value in labels:
            return labels[value]
        return translate("SheetTableModel", "是") if value else translate("SheetTableModel", "否")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        if column.kind == "share":
            share = float(value)
            return formatting.percent(
                share, 0 if abs(share * 100 - round(share * 100)) < 1e-9 else 1
            )
        if column.kind in ("integer", "year"):
            return str(int(value))
        if column.kind in DECIMAL_KINDS:
            return formatting.number(float(value), decimals)
        return formatting.points(float(value))
    return str(value)


class SheetTableModel(QAbstractTableModel):
    """One dossier sheet; rows are handed to the view a chunk at a time (fetchMore).

    All rows sit in memory as tuples (a 100,000-row sheet is a few tens of MB); the view
    only learns of them chunk by chunk as it scrolls, so opening a big sheet costs one chunk.
    """

    CHUNK = 1000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: list[SheetColumn] = []
        self._rows: list[tuple[Any, ...]] = []
        self._decimals: tuple[int, ...] = ()
        self._row_numbers: Sequence[int | None] | None = None
        self._alignments: list[int] = []
        self._loaded = 0
        self._total = 0

    def set_sheet(self, sheet: LoadedSheet | None) -> None:
        """Show ``sheet`` (None: nothing), starting with its first chunk."""
        self.beginResetModel()
        if sheet is None:
            self._columns, self._rows, self._decimals = [], [], ()
            self._row_numbers = None
            self._total = 0
        else:
            self._columns = list(sheet.data.columns)
            self._rows = sheet.data.rows
            self._decimals = sheet.decimals
            # The workbook row of each record, as findings name it ("第12行").
            self._row_numbers = sheet.data.source_rows
            self._total = sheet.data.total
        self._alignments = [
            ALIGN_RIGHT if c.kind in NUMERIC_KINDS else ALIGN_LEFT for c in self._columns
        ]
        self._loaded = min(self.CHUNK, len(self._rows))
        self.endResetModel()

    def extend(self, more: LoadedSheet) -> None:
        """Add the rest of a sheet whose first page is shown; the view fetches it on demand."""
        if not self._columns:
            return
        self._rows = [*self._rows, *more.data.rows]
        self._row_numbers = [*(self._row_numbers or ()), *more.data.source_rows]
        self._total = max(self._total, len(self._rows))
        decimals = tuple(max(a, b) for a, b in zip(self._decimals, more.decimals, strict=True))
        if decimals != self._decimals and self._loaded:
            self._decimals = decimals
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._loaded - 1, len(self._columns) - 1)
            )

    @property
    def columns(self) -> list[SheetColumn]:
        return list(self._columns)

    def total_rows(self) -> int:
        """Every row of the sheet, fetched or not."""
        return max(self._total, len(self._rows))

    def arrived_rows(self) -> int:
        """The rows read from the workspace so far (a big sheet arrives in two parts)."""
        return len(self._rows)

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # -------------------------------------------------------------------- the Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        more = min(self.CHUNK, len(self._rows) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                if self._row_numbers is not None and section < len(self._row_numbers):
                    return str(self._row_numbers[section])
                return str(section + 1)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGN_RIGHT
            return None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header.get(current_language())
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{column.header.zh} / {column.header.en}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column.kind in NUMERIC_KINDS else ALIGN_LEFT
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: plain int compares only.
        if role in (_DISPLAY, _TOOLTIP):
            row, col = index.row(), index.column()
            if not (0 <= row < self._loaded and 0 <= col < len(self._columns)):
                return None
            text = cell_text(self._columns[col], self._rows[row][col], self._decimals[col])
            if role == _TOOLTIP:
                return text if len(text) > 12 else None
            return text
        if role == _ALIGNMENT:
            col = index.column()
            if 0 <= col < len(self._alignments):
                return self._alignments[col]
        return None

    def row_of(self, source_row: int) -> int | None:
        """The model row of workbook row ``source_row`` (as findings name it), fetched into the
        view; None when the sheet holds no such row (or not yet)."""
        numbers = self._row_numbers
        if numbers is None:
            row = source_row - 1 if 0 < source_row <= len(self._rows) else None
        else:
            row = next((n for n, number in enumerate(numbers) if number == source_row), None)
        if row is None or row >= len(self._rows):
            return None
        while row >= self._loaded:
            self.fetchMore(QModelIndex())
        return row

    def column_of(self, header: str) -> int | None:
        """The column whose header (either language) or field is ``header``."""
        return next(
            (
                n
                for n, c in enumerate(self._columns)
                if header in (c.header.zh, c.header.en, c.field)
            ),
            None,
        )

    def sample_texts(self, column: int, rows: int = 60) -> list[str]:
        """The texts of the first ``rows`` cells of a column (to size it without reading all)."""
        spec = self._columns[column]
        decimals = self._decimals[column]
        return [cell_text(spec, r[column], decimals) for r in self._rows[:rows]]


# -------------------------------------------------------------------------- basic info


@cache
def _basic_labels() -> dict[str, Text]:
    """基本信息 item names in both languages (the overview gives the Chinese name)."""
    from jlpanel.exchange.dossier_schema import BASIC_INFO

    out: dict[str, Text] = {}
    for column in BASIC_INFO.columns:
        english = next((a for a in column.aliases if a.isascii()), column.header)
        out[column.header] = Text(column.header, english)
    return out


def basic_label(name: str, language: str) -> str:
    """A 基本信息 item name in ``language``."""
    label = _basic_labels().get(name)
    return label.get(language) if label else name


def basic_value(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class BasicInfoModel(RowsModel[tuple[str, Any]]):
    """基本信息 as two columns: 项目 · 内容."""

    ITEM, VALUE = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("BasicInfoModel", "项目"),
                    lambda item: basic_label(item[0], current_language()),
                    colour=lambda _item: MUTED,
                ),
                Column(
                    lambda: translate("BasicInfoModel", "内容"), lambda item: basic_value(item[1])
                ),
            ],
            parent,
        )

    def set_items(self, items: list[tuple[str, Any]]) -> None:
        self.set_rows(items)

    def row_of(self, name: str) -> int | None:
        """The row of item ``name`` (its Chinese name or label in either language)."""
        return next(
            (
                n
                for n, (k, _) in enumerate(self.rows())
                if name in (k, basic_label(k, "zh"), basic_label(k, "en"))
            ),
            None,
        )

    def value_of(self, name: str) -> str:
        """The shown value of item ``name`` (Chinese name), "" when absent."""
        return next((basic_value(v) for k, v in self.rows() if k == name), "")


# ----------------------------------------------------------------------------- metrics


#: The metric groups in catalogue order: the key that starts each group, and its name.
_GROUP_STARTS: tuple[tuple[str, str], ...] = (
    ("resource_count", "resources"),
    ("service_count", "services"),
    ("outcome_papers", "outcomes"),
    ("staff_total", "management"),
)


def _group_name(group: str) -> str:
    return {
        "resources": translate("MetricsModel", "资源"),
        "services": translate("MetricsModel", "服务"),
        "outcomes": translate("MetricsModel", "成效"),
        "management": translate("MetricsModel", "管理"),
    }[group]


def metric_groups() -> list[tuple[str, list[MetricDefinition]]]:
    """The catalogue cut into 资源 / 服务 / 成效 / 管理, in catalogue order."""
    starts = dict(_GROUP_STARTS)
    groups: list[tuple[str, list[MetricDefinition]]] = []
    for definition in METRICS:
        if definition.key in starts or not groups:
            groups.append((starts.get(definition.key, "resources"), []))
        groups[-1][1].append(definition)
    return groups


def metric_value(definition: MetricDefinition, value: float | None) -> str:
    """A metric's value with its catalogue decimals; a share as a percentage."""
    if value is None:
        return "—"
    if definition.is_share:
        return formatting.percent(value, definition.decimals)
    return formatting.number(value, definition.decimals)


def indicators_by_metric(rubric: Rubric | None) -> dict[str, list[Indicator]]:
    """Which rubric indicators show each metric beside them."""
    out: dict[str, list[Indicator]] = {}
    if rubric is not None:
        for indicator in rubric.indicators:
            for key in indicator.metrics:
                out.setdefault(key, []).append(indicator)
    return out


@dataclass(eq=False)
class _MetricNode:
    group: str
    definition: MetricDefinition | None = None
    parent: _MetricNode | None = None
    children: list[_MetricNode] = field(default_factory=list)


#: The metrics table's headers, in column order.
_METRIC_HEADERS = (
    lambda: translate("MetricsModel", "指标"),
    lambda: translate("MetricsModel", "数值"),
    lambda: translate("MetricsModel", "单位"),
    lambda: translate("MetricsModel", "相关评分指标"),
)


class MetricsModel(QAbstractItemModel):
    """Objective metrics grouped 资源 / 服务 / 成效 / 管理: name · value · unit · indicators."""

    NAME, VALUE, UNIT, INDICATORS = range(4)
    COLUMNS = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, float | None] = {}
        self._used_by: dict[str, list[Indicator]] = {}
        self._root = _MetricNode("")
        for group, definitions in metric_groups():
            node = _MetricNode(group, parent=self._root)
            node.children = [_MetricNode(group, d, node) for d in definitions]
            self._root.children.append(node)

    def set_metrics(self, values: dict[str, float | None], rubric: Rubric | None) -> None:
        """New values (another platform): the tree's shape never changes, so the rows are
        updated in place and the view keeps its expanded groups (no reset, no re-layout)."""
        used_by = indicators_by_metric(rubric)
        if used_by != self._used_by:
            self.beginResetModel()
            self._values = dict(values)
            self._used_by = used_by
            self.endResetModel()
            return
        self._values = dict(values)
        for row, group in enumerate(self._root.children):
            parent = self.createIndex(row, 0, group)
            if group.children:
                self.dataChanged.emit(
                    self.index(0, self.VALUE, parent),
                    self.index(len(group.children) - 1, self.VALUE, parent),
                    [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
                )

    def value_text(self, key: str) -> str:
        """The shown value of metric ``key``."""
        for group in self._root.children:
            for node in group.children:
                if node.definition is not None and node.definition.key == key:
                    return metric_value(node.definition, self._values.get(key))
        raise KeyError(key)

    def indicator_text(self, key: str) -> str:
        language = current_language()
        separator = translate("MetricsModel", "；")
        return separator.join(
            f"{i.code} {i.name.get(language)}" for i in self._used_by.get(key, [])
        )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        self.layoutChanged.emit()

    # -------------------------------------------------------------------- the Qt model

    def _node(self, index: AnyIndex) -> _MetricNode:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _MetricNode)
        return node

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._node(parent).children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        owner = node.parent
        if owner is None or owner is self._root:
            return QModelIndex()
        return self.createIndex(self._root.children.index(owner), 0, owner)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_header(_METRIC_HEADERS, (self.VALUE,), section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        definition = node.definition
        language = current_language()
        if definition is None:  # a group row
            if role == Qt.ItemDataRole.DisplayRole and column == self.NAME:
                return _group_name(node.group)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return definition.name.get(language)
            if column == self.VALUE:
                return metric_value(definition, self._values.get(definition.key))
            if column == self.UNIT:
                return "" if definition.is_share else definition.unit.get(language)
            text = self.indicator_text(definition.key)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text.replace(translate("MetricsModel", "；"), "\n") or None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if column == self.VALUE else ALIGN_LEFT
        return None


# ---------------------------------------------------------------------------- findings


def _where(finding: Finding) -> str:
    return finding.location(current_language()) or translate("FindingsModel", "整个文件")


class FindingsModel(RowsModel[Finding]):
    """Findings as 位置 · 问题 · 处理建议 in the UI language; an icon tells errors apart."""

    LOCATION, MESSAGE, FIX = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    lambda: translate("FindingsModel", "位置"),
                    _where,
                    icon=lambda f: (
                        "status-refused" if f.severity is Severity.ERROR else "dialog-warning"
                    ),
                ),
                Column(
                    lambda: translate("FindingsModel", "问题"),
                    lambda f: f.message.get(current_language()),
                ),
                Column(
                    lambda: translate("FindingsModel", "处理建议"),
                    lambda f: f.fix.get(current_language()),
                ),
            ],
            parent,
        )

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.set_rows(findings)

    def findings(self) -> list[Finding]:
        return self.rows()

    def finding(self, row: int) -> Finding:
        """The finding shown in ``row`` (in the order on screen)."""
        return self.row(row)


def findings_text(findings: Sequence[Finding], language: str) -> list[str]:
    """Findings as numbered lines: 1. 位置：问题 → 处理建议."""
    lines = []
    for number, finding in enumerate(findings, 1):
        where = finding.location(language) or translate("FindingsModel", "整个文件")
        lines.append(
            translate("FindingsModel", "{n}. 【{where}】{message}\n   处理建议：{fix}").format(
                n=number,
                where=where,
                message=finding.message.get(language),
                fix=finding.fix.get(language),
            )
        )
    return lines


# ------------------------------------------------------------------------- attachments


def attachment_kind(media_type: str, name: str) -> str:
    """A media type in words: PDF 文档, 图片, or the file's suffix."""
    if media_type == "application/pdf":
        return translate("AttachmentsModel", "PDF 文档")
    if media_type.startswith("image/"):
        return translate("AttachmentsModel", "图片（{kind}）").format(
            kind=media_type.split("/", 1)[1].upper()
        )
    suffix = name.rsplit(".", 1)[-1].upper() if "." in name else ""
    return suffix or media_type


class AttachmentsModel(RowsModel["AttachmentInfo"]):
    """A dossier's attachments: 名称 · 类型 · 大小."""

    NAME, KIND, SIZE = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(lambda: translate("AttachmentsModel", "名称"), lambda a: a.name),
                Column(
                    lambda: translate("AttachmentsModel", "类型"),
                    lambda a: attachment_kind(a.media_type, a.name),
                ),
                Column(
                    lambda: translate("AttachmentsModel", "大小"),
                    lambda a: formatting.file_size(a.size),
                    numeric=True,
                    sort=lambda a: a.size,
                ),
            ],
            parent,
        )

    def set_attachments(self, items: Sequence[AttachmentInfo]) -> None:
        self.set_rows(items)

    def attachment(self, row: int) -> AttachmentInfo:
        return self.row(row)
