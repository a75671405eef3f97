"""The dossier browser: one platform's material, a tab per part, loaded off the GUI thread."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QIcon,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)

from jlpanel.domain.metrics import METRICS
from jlpanel.domain.text import Text
from jlpanel.gui.common import formatting
from jlpanel.gui.common.crash import show_failure
from jlpanel.gui.common.dossier_models import (
    AttachmentsModel,
    BasicInfoModel,
    FindingsModel,
    LoadedSheet,
    MetricsModel,
    SheetTableModel,
    prepare_sheet,
)
from jlpanel.gui.common.dossier_source import DossierSource, as_source
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.tab_rows import TabRows
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import (
    MUTED,
    RoomyItemDelegate,
    WrappingItemDelegate,
    icon,
    scaled_font,
    set_muted,
)
from jlpanel.gui.forms.ui_dossier_view import Ui_DossierView

if TYPE_CHECKING:  # the services pull in SQLAlchemy
    from jlpanel.domain.dossier import Finding
    from jlpanel.domain.rubric import Rubric
    from jlpanel.services.dossiers import DossierOverview
    from jlpanel.services.workspace import Workspace

# In compact mode, narrower than this the overview's summary goes below its values.
COMPACT_SIDE_BY_SIDE = 560


class PlatformHeading(Protocol):
    """What the header shows before the overview arrives (a PlatformSummary, a PlatformEntry)."""

    @property
    def name(self) -> str: ...
    @property
    def filing_no(self) -> str: ...
    @property
    def host_unit(self) -> str | None: ...


log = logging.getLogger(__name__)

#: Widest a sheet column starts (the user can widen it); narrowest.
MAX_COLUMN_WIDTH = 340
MIN_COLUMN_WIDTH = 56
#: Rows read to size a sheet's columns (never all of them).
SIZE_SAMPLE_ROWS = 60
#: Cell padding of the sheet tables, and what a column adds to its widest text (the padding,
#: the style's own text margins and a little air).
SHEET_PADDING = 5
SHEET_STYLE = (
    f"QTableView::item {{ padding-left: {SHEET_PADDING}px; padding-right: {SHEET_PADDING}px; }}"
)
SHEET_CELL_EXTRA = 2 * SHEET_PADDING + 14


def _load_overview(source: DossierSource, platform_id: int) -> DossierOverview:
    return source.overview(platform_id)


#: Rows fetched first, so a big sheet shows at once; the rest follow in the background.
FIRST_PAGE = 1_000


def _load_sheet(
    source: DossierSource,
    platform_id: int,
    attribute: str,
    offset: int = 0,
    limit: int | None = None,
) -> LoadedSheet:
    return prepare_sheet(source.sheet(platform_id, attribute, offset, limit))


def _save_attachment(source: DossierSource, attachment_id: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return source.save_attachment(attachment_id, folder)


class _AttachmentFolder:
    """One temporary folder per session for attachments handed to the system viewer.

    It is left in place at exit: a viewer may still have a file open.
    """

    path: Path | None = None

    @classmethod
    def get(cls) -> Path:
        if cls.path is None or not cls.path.is_dir():
            cls.path = Path(tempfile.mkdtemp(prefix="jlpanel-attachments-"))
        return cls.path


@dataclass
class SheetTab:
    """A row sheet's tab: its table, model, and whether its rows have arrived."""

    attribute: str
    name: Text
    table: QTableView
    model: SheetTableModel
    loaded: bool = False
    loading: bool = False


class DossierView(QWidget):
    """One platform's dossier: 概况, 客观指标, 提示, a tab per row sheet, 附件."""

    back_requested = Signal()
    #: The overview of this platform is shown.
    overview_loaded = Signal(int)
    #: A sheet's rows have arrived (its Dossier attribute, e.g. "services").
    sheet_loaded = Signal(str)
    #: Every row of a big sheet has arrived (after its first page was shown).
    sheet_completed = Signal(str)
    #: An attachment was written to this file and handed to the system viewer.
    attachment_opened = Signal(Path)
    #: Loading failed; carries the message shown.
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DossierView()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.source: DossierSource | None = None
        self.rubric: Rubric | None = None
        self.platform_id: int | None = None
        # Narrow minimums and wrapped overview values (the scoring desk).
        self._compact = False
        self.overview: DossierOverview | None = None
        self._summary: PlatformHeading | None = None
        self._generation = 0
        self._pending = 0
        self.sheet_tabs: dict[str, SheetTab] = {}
        self._metrics_laid_out = False
        #: A finding to go to once its sheet has arrived: (tab, workbook row, column header).
        self._jump: tuple[str, int | None, str | None] | None = None

        self.ui.nameLabel.setFont(scaled_font(self.ui.nameLabel, 1.35, bold=True))
        set_muted(self.ui.detailsLabel)
        set_muted(self.ui.loadingLabel)
        for label in (
            self.ui.metricsIntroLabel,
            self.ui.warningsIntroLabel,
            self.ui.attachmentHintLabel,
        ):
            set_muted(label)
        self.ui.summaryLabel.setFont(scaled_font(self.ui.summaryLabel, 1.0, bold=True))
        self.ui.summaryText.document().setDocumentMargin(10)
        self.ui.backButton.setIcon(icon("go-previous"))
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.openAttachmentButton.setIcon(icon("document-open"))
        self._back_shortcuts: list[QShortcut] = []
        for key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.back_requested)
            self._back_shortcuts.append(shortcut)

        self.basic_model = BasicInfoModel(self)
        self._setup_table(self.ui.basicTable, self.basic_model)
        basic_header = self.ui.basicTable.horizontalHeader()
        basic_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        basic_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # In the form's order, not sorted.
        spreadsheet(self.ui.basicTable, sort=False, export_name=self._export_name)
        self.ui.overviewSplitter.setStretchFactor(0, 1)
        self.ui.overviewSplitter.setStretchFactor(1, 1)

        self.metrics_model = MetricsModel(self)
        self.metrics_model.modelReset.connect(self._forget_metrics_layout)
        tree = self.ui.metricsTree
        tree.setModel(self.metrics_model)
        tree.setItemDelegate(RoomyItemDelegate(tree, pad_y=2))
        # A metric's name and its rubric indicators wrap where the pane is narrow (beside
        # the scoring desk, at 150 %) instead of ending in "A1 …"; rows grow to fit.
        for column in (MetricsModel.NAME, MetricsModel.INDICATORS):
            tree.setItemDelegateForColumn(column, _TreeWrappingDelegate(tree))
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        self._metrics_relayout = QTimer(self)
        self._metrics_relayout.setSingleShot(True)
        self._metrics_relayout.setInterval(0)
        self._metrics_relayout.timeout.connect(tree.doItemsLayout)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree_header = tree.header()
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(MetricsModel.NAME, QHeaderView.ResizeMode.Interactive)
        tree_header.setSectionResizeMode(
            MetricsModel.VALUE, QHeaderView.ResizeMode.ResizeToContents
        )
        tree_header.setSectionResizeMode(MetricsModel.UNIT, QHeaderView.ResizeMode.ResizeToContents)
        tree_header.setSectionResizeMode(MetricsModel.INDICATORS, QHeaderView.ResizeMode.Stretch)
        tree_header.sectionResized.connect(self._metrics_relayout.start)
        tree.viewport().installEventFilter(self)
        tree.expandAll()
        spreadsheet(tree, sort=False, export_name=self._export_name)  # a tree by indicator

        self.findings_model = FindingsModel(self)
        self._setup_table(self.ui.warningsTable, self.findings_model, fixed_rows=False)
        self.ui.warningsTable.setItemDelegate(WrappingItemDelegate(self.ui.warningsTable))
        findings_header = self.ui.warningsTable.horizontalHeader()
        findings_header.setSectionResizeMode(
            FindingsModel.LOCATION, QHeaderView.ResizeMode.ResizeToContents
        )
        findings_header.setSectionResizeMode(FindingsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        findings_header.setSectionResizeMode(FindingsModel.FIX, QHeaderView.ResizeMode.Stretch)
        spreadsheet(self.ui.warningsTable, export_name=self._export_name)
        self.ui.warningsTable.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # Double-click or Enter on a finding: its sheet, with its row selected.
        self.ui.warningsTable.activated.connect(self._on_finding_activated)

        self.attachments_model = AttachmentsModel(self)
        self._setup_table(self.ui.attachmentsTable, self.attachments_model)
        attachments_header = self.ui.attachmentsTable.horizontalHeader()
        attachments_header.setSectionResizeMode(
            AttachmentsModel.NAME, QHeaderView.ResizeMode.Stretch
        )
        attachments_header.setSectionResizeMode(
            AttachmentsModel.KIND, QHeaderView.ResizeMode.ResizeToContents
        )
        attachments_header.setSectionResizeMode(
            AttachmentsModel.SIZE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.ui.attachmentsTable.activated.connect(self._on_attachment_activated)
        spreadsheet(
            self.ui.attachmentsTable,
            open_row=self._on_attachment_activated,
            export_name=self._export_name,
        )
        self.ui.openAttachmentButton.clicked.connect(self.open_current_attachment)
        self.ui.attachmentsTable.selectionModel().currentChanged.connect(
            self._update_attachment_button
        )
        self.ui.tabs.currentChanged.connect(self._on_tab_changed)
        # Every tab in view, whole, in as many rows as the width needs (not the last ones
        # behind scroll arrows beside the scoring desk, in English or at 150 %).
        self.tab_rows = TabRows(self.ui.tabs, self)
        self.ui.outerLayout.insertWidget(self.ui.outerLayout.indexOf(self.ui.tabs), self.tab_rows)
        self.setTabOrder(self.ui.backButton, self.tab_rows)
        self._update_attachment_button()
        self._set_loading(False)

    @staticmethod
    def _setup_table(table: QTableView, model: object, *, fixed_rows: bool = True) -> None:
        table.setModel(model)  # type: ignore[arg-type]
        table.setItemDelegate(RoomyItemDelegate(table))
        table.verticalHeader().hide()
        table.horizontalHeader().setHighlightSections(False)
        if fixed_rows:
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)

    # ------------------------------------------------------------------ the sheet tabs

    def _ensure_sheet_tabs(self) -> None:
        """Make a tab per row sheet (once: the sheets come from the services)."""
        if self.sheet_tabs:
            return
        from jlpanel.services.dossiers import sheet_names

        position = self.ui.tabs.indexOf(self.ui.attachmentsTab)
        for attribute, name in sheet_names():
            model = SheetTableModel(self)
            table = QTableView(self.ui.tabs)
            table.setObjectName(f"{attribute}Table")
            table.setModel(model)
            # Qt's own delegate paints in C++: a Python paint per cell would make a big sheet
            # stutter. The style sheet gives the cells the same air as the other tables.
            table.setStyleSheet(SHEET_STYLE)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.setShowGrid(False)
            table.setWordWrap(False)
            table.setTabKeyNavigation(False)
            table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            # Uniform rows: the view never measures a row, whatever the sheet's size.
            vertical = table.verticalHeader()
            vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
            vertical.setDefaultAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            set_muted_header(vertical)
            horizontal = table.horizontalHeader()
            horizontal.setHighlightSections(False)
            horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            horizontal.setStretchLastSection(False)  # a number column stays by its header
            # In the workbook's row order: the row numbers are the source rows.
            spreadsheet(table, sort=False, export_name=self._export_name)
            tab = SheetTab(attribute, name, table, model)
            self.sheet_tabs[attribute] = tab
            self.ui.tabs.insertTab(position, table, name.get(current_language()))
            position += 1
        self.setTabOrder(self.ui.warningsTable, next(iter(self.sheet_tabs.values())).table)
        self.tab_rows.sync()

    def sheet_tab(self, attribute: str) -> SheetTab:
        """The tab of a row sheet ("services" …); made on the first dossier shown."""
        self._ensure_sheet_tabs()
        return self.sheet_tabs[attribute]

    def sheet_model(self, attribute: str) -> SheetTableModel:
        return self.sheet_tab(attribute).model

    # -------------------------------------------------------------------------- content

    def set_context(self, source: DossierSource | Workspace | None, rubric: Rubric | None) -> None:
        """Where dossiers are read (a source or an open workspace) and the cycle's rubric.

        None when the workspace or package was closed.
        """
        self.source = as_source(source)
        self.rubric = rubric
        if self.source is None:
            self.clear()

    def set_compact(self, compact: bool) -> None:
        """Narrower minimums, for the scoring desk where the dossier shares the width.

        There the overview's values wrap (a credit code or an address shown whole, not cut
        to "长春市前进大…"), and the summary goes below them when the pane is narrow.
        """
        self._compact = compact
        self.ui.basicTable.setMinimumWidth(160 if compact else 360)
        self.ui.summaryText.setMinimumWidth(160 if compact else 320)
        if compact:
            table = self.ui.basicTable
            table.setItemDelegate(WrappingItemDelegate(table))
            table.setWordWrap(True)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        # A hidden splitter does not tell the tab's layout its minimum changed: the window
        # would keep the wide one (1027 px, wider than 1366×768 at 150 %).
        self.ui.overviewSplitter.updateGeometry()
        self._fit_overview()

    def _fit_overview(self) -> None:
        if not self._compact:
            return
        narrow = self.width() < COMPACT_SIDE_BY_SIDE
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        splitter = self.ui.overviewSplitter
        if splitter.orientation() != orientation:
            splitter.setOrientation(orientation)
            splitter.updateGeometry()
            if narrow:  # the values above get two thirds, the summary below the rest
                splitter.setSizes([2 * max(splitter.height(), 300) // 3, splitter.height() // 3])
        # The item names wrap in a column of their own width at most a third of the table:
        # the values (a credit code does not break) get the rest.
        table = self.ui.basicTable
        share = self.width() if narrow else self.width() // 2
        least = table.fontMetrics().horizontalAdvance("统一社会信用") + 24
        wanted = table.sizeHintForColumn(0) if self.basic_model.rowCount() else least
        table.horizontalHeader().resizeSection(0, min(wanted, max(least, share // 3)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_overview()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.metricsTree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_metrics_names()  # a page is sized when shown, not with the view
        return super().eventFilter(watched, event)

    def set_back_enabled(self, enabled: bool) -> None:
        """Whether 返回列表 (and Esc/Backspace) is offered; the scoring desk has no list."""
        self.ui.backButton.setVisible(enabled)
        for shortcut in self._back_shortcuts:
            shortcut.setEnabled(enabled)

    def show_platform(
        self, platform_id: int, summary: PlatformHeading | None = None, *, tab: str = ""
    ) -> None:
        """Show a platform's dossier, loading its parts in the background.

        ``tab`` names the tab to show first: "overview", "metrics", "warnings",
        "attachments" or a sheet's attribute ("services"); "" keeps the current one.
        """
        if self.source is None:
            return
        self._ensure_sheet_tabs()
        self._generation += 1
        self._jump = None
        self.platform_id = platform_id
        self.overview = None
        self._summary = summary
        self._pending = 0
        self.basic_model.set_items([])
        self.metrics_model.set_metrics({}, self.rubric)
        self.findings_model.set_findings([])
        self.attachments_model.set_attachments([])
        self.ui.summaryText.clear()
        for sheet in self.sheet_tabs.values():
            sheet.model.set_sheet(None)
            sheet.loaded = sheet.loading = False
        self._show_header()
        self._retitle_tabs()
        if tab:
            self.select_tab(tab)
        self._start(partial(_load_overview, self.source, platform_id), self._on_overview)
        self._load_current_sheet()

    def clear(self) -> None:
        """Forget the platform shown."""
        self._generation += 1
        self._jump = None
        self._pending = 0
        self.platform_id = None
        self.overview = None
        self._summary = None
        self.basic_model.set_items([])
        self.metrics_model.set_metrics({}, None)
        self.findings_model.set_findings([])
        self.attachments_model.set_attachments([])
        self.ui.summaryText.clear()
        for sheet in self.sheet_tabs.values():
            sheet.model.set_sheet(None)
            sheet.loaded = sheet.loading = False
        self._set_loading(False)

    def _tab_widget(self, name: str) -> QWidget | None:
        fixed = {
            "overview": self.ui.overviewTab,
            "metrics": self.ui.metricsTab,
            "warnings": self.ui.warningsTab,
            "attachments": self.ui.attachmentsTab,
        }
        widget: QWidget | None = fixed.get(name)
        if widget is None and name in self.sheet_tabs:
            widget = self.sheet_tabs[name].table
        return widget

    def select_tab(self, name: str) -> None:
        """Show the tab called ``name`` (see :meth:`show_platform`)."""
        widget = self._tab_widget(name)
        if widget is not None:
            self.ui.tabs.setCurrentWidget(widget)

    def focus_content(self) -> None:
        """Put the keyboard focus in the current tab's table."""
        widget = self.ui.tabs.currentWidget()
        targets = {
            self.ui.overviewTab: self.ui.basicTable,
            self.ui.metricsTab: self.ui.metricsTree,
            self.ui.warningsTab: self.ui.warningsTable,
            self.ui.attachmentsTab: self.ui.attachmentsTable,
        }
        target = targets.get(widget, widget)
        if target is not None:
            target.setFocus()

    # ------------------------------------------------------------------ loading in the back

    def _start(self, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        generation = self._generation
        self._pending += 1
        self._set_loading(True)
        run_task(
            work,
            partial(self._delivered, generation, deliver),
            partial(self._failed, generation),
        )

    def _delivered(self, generation: int, deliver: Callable[[Any], None], result: object) -> None:
        if generation != self._generation:
            return  # another platform is shown by now
        self._pending = max(0, self._pending - 1)
        self._set_loading(self._pending > 0)
        deliver(result)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending = max(0, self._pending - 1)
        self._set_loading(self._pending > 0)
        message = show_failure(self, exc)
        self.failed.emit(message)

    def _set_loading(self, loading: bool) -> None:
        self.ui.loadingLabel.setVisible(loading)

    @property
    def loading(self) -> bool:
        return self._pending > 0

    def _on_overview(self, overview: DossierOverview) -> None:
        self.overview = overview
        self.basic_model.set_items(overview.basic)
        self._fit_overview()
        self.metrics_model.set_metrics(overview.metrics, self.rubric)
        if not self._metrics_laid_out:  # the shape is fixed: expand and size it once
            self.ui.metricsTree.expandAll()
            self.ui.metricsTree.header().resizeSection(
                MetricsModel.NAME, self._metrics_name_width()
            )
            self._metrics_laid_out = True
        self.findings_model.set_findings(overview.findings)
        self.attachments_model.set_attachments(overview.attachments)
        if overview.attachments:
            self.ui.attachmentsTable.selectionModel().setCurrentIndex(
                self.attachments_model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_summary()
        self._show_header()
        self._retitle_tabs()
        self._update_attachment_button()
        self._apply_jump()
        self.overview_loaded.emit(overview.platform_id)

    def _forget_metrics_layout(self) -> None:
        self._metrics_laid_out = False

    def _metrics_name_width(self) -> int:
        """The longest metric name's width, but at most a third of a narrow pane (the
        names wrap there, leaving the indicators room)."""
        tree = self.ui.metricsTree
        metrics = tree.fontMetrics()
        language = current_language()
        widest = max(metrics.horizontalAdvance(m.name.get(language)) for m in METRICS) + 64
        least = metrics.horizontalAdvance("资源原值总额") + 2 * tree.indentation() + 24
        return min(widest, max(least, tree.viewport().width() // 3))

    def _fit_metrics_names(self) -> None:
        header = self.ui.metricsTree.header()
        header.resizeSection(MetricsModel.NAME, self._metrics_name_width())

    def _on_tab_changed(self, _index: int) -> None:
        self._load_current_sheet()

    def _load_current_sheet(self) -> None:
        widget = self.ui.tabs.currentWidget()
        for sheet in self.sheet_tabs.values():
            if sheet.table is widget:
                self.load_sheet(sheet.attribute)

    def load_sheet(self, attribute: str) -> None:
        """Fetch a sheet's rows in the background (once per platform shown)."""
        sheet = self.sheet_tab(attribute)
        if self.source is None or self.platform_id is None or sheet.loaded or sheet.loading:
            return
        sheet.loading = True
        self._start(
            partial(_load_sheet, self.source, self.platform_id, attribute, 0, FIRST_PAGE),
            partial(self._on_sheet, attribute),
        )

    def _on_sheet(self, attribute: str, loaded: LoadedSheet) -> None:
        sheet = self.sheet_tabs[attribute]
        sheet.loading = False
        sheet.loaded = True
        sheet.model.set_sheet(loaded)
        self._size_columns(sheet)
        self._retitle_tabs()
        self._apply_jump()
        self.sheet_loaded.emit(attribute)
        fetched = len(loaded.data.rows)
        if (
            self.source is not None
            and self.platform_id is not None
            and (loaded.data.total > fetched)
        ):
            self._start(
                partial(_load_sheet, self.source, self.platform_id, attribute, fetched),
                partial(self._on_rest_of_sheet, attribute),
            )

    def _on_rest_of_sheet(self, attribute: str, loaded: LoadedSheet) -> None:
        self.sheet_tabs[attribute].model.extend(loaded)
        self._apply_jump(complete=True)
        self.sheet_completed.emit(attribute)

    def _size_columns(self, sheet: SheetTab) -> None:
        """Widths from the header and the first rows only: never a pass over every row."""
        table = sheet.table
        metrics = table.fontMetrics()
        header_metrics = table.horizontalHeader().fontMetrics()
        pad = SHEET_CELL_EXTRA
        model = sheet.model
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widest = header_metrics.horizontalAdvance(title) + 28
            for text in model.sample_texts(column, SIZE_SAMPLE_ROWS):
                widest = max(widest, metrics.horizontalAdvance(text) + pad)
            table.setColumnWidth(column, max(MIN_COLUMN_WIDTH, min(widest, MAX_COLUMN_WIDTH)))

    # ----------------------------------------------------------------- going to a finding

    def finding_tab(self, sheet: str | None) -> str | None:
        """The tab that shows a finding's sheet (named in either language): a sheet's
        attribute, or "overview" for 基本信息 and 工作总结; None for a whole-file finding."""
        if not sheet:
            return None
        from jlpanel.exchange.dossier_schema import sheet_for

        self._ensure_sheet_tabs()
        spec = sheet_for(sheet)
        if spec is not None and spec.dossier_field in self.sheet_tabs:
            return spec.dossier_field
        if spec is not None and spec.dossier_field in ("basic", "work_summary"):
            return "overview"
        return next(
            (a for a, tab in self.sheet_tabs.items() if sheet in (tab.name.zh, tab.name.en)),
            None,
        )

    def go_to_finding(self, finding: Finding) -> bool:
        """Show the sheet ``finding`` names with its row (and cell) selected, now or as soon
        as the sheet has arrived; False when it names no sheet shown here."""
        tab = self.finding_tab(finding.sheet)
        if tab is None:
            return False
        self._jump = (tab, finding.row, finding.column)
        self.select_tab(tab)
        if tab in self.sheet_tabs:
            self.load_sheet(tab)
        self._apply_jump()
        return True

    def _on_finding_activated(self, index: QModelIndex) -> None:
        shown = index.model()
        if shown is not self.findings_model and hasattr(shown, "mapToSource"):
            index = shown.mapToSource(index)  # a sorting proxy in between
        if index.isValid():
            self.go_to_finding(self.findings_model.finding(index.row()))

    def _apply_jump(self, *, complete: bool = False) -> None:
        """Select the pending finding's row once its sheet is here.

        A big sheet arrives in two parts: a row not in the first stays pending until the rest.
        """
        if self._jump is None:
            return
        tab, row, column = self._jump
        if tab == "overview":
            if self.overview is None:
                return
            self._jump = None
            basic = self.basic_model.row_of(column) if column else None
            if basic is not None:
                self._select_cell(self.ui.basicTable, basic, 0)
            return
        sheet = self.sheet_tabs[tab]
        if not sheet.loaded:
            return
        model = sheet.model
        found = model.row_of(row) if row is not None else None
        if found is None and not complete and model.arrived_rows() < model.total_rows():
            return  # the rest of a big sheet is on its way: the row may be in it
        self._jump = None
        if found is None:
            sheet.table.setFocus()
            return
        cell = model.column_of(column) if column else None
        self._select_cell(sheet.table, found, cell)

    @staticmethod
    def _select_cell(table: QTableView, row: int, column: int | None) -> None:
        model = table.model()
        index = model.index(row, column if column is not None else 0)
        selection = table.selectionModel()
        selection.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        table.setFocus()

    # --------------------------------------------------------------------------- header

    def _show_header(self) -> None:
        summary = self._summary
        overview = self.overview
        name = summary.name if summary else ""
        filing = summary.filing_no if summary else ""
        host = summary.host_unit if summary else None
        if overview is not None:
            items = dict(overview.basic)
            name = str(items.get("平台名称") or name)
            filing = str(items.get("备案编号") or filing)
            host = str(items.get("依托单位") or host or "") or None
        self.ui.nameLabel.setText(name or "—")
        parts = [translate("DossierView", "备案编号 {no}").format(no=filing or "—")]
        parts.append(translate("DossierView", "依托单位 {host}").format(host=host or "—"))
        if overview is not None and overview.source_file:
            parts.append(
                translate("DossierView", "来源文件 {file}").format(file=overview.source_file)
            )
        self.ui.detailsLabel.setText("  ·  ".join(parts))

    def _retitle_tabs(self) -> None:
        tabs = self.ui.tabs
        counts = self.overview.counts if self.overview else {}

        def titled(name: str, count: int | None) -> str:
            if count is None:
                return name
            return translate("DossierView", "{name} ({count})").format(
                name=name, count=formatting.count(count)
            )

        findings = len(self.overview.findings) if self.overview else None
        attachments = len(self.overview.attachments) if self.overview else None
        tabs.setTabText(tabs.indexOf(self.ui.overviewTab), translate("DossierView", "概况"))
        tabs.setTabText(tabs.indexOf(self.ui.metricsTab), translate("DossierView", "客观指标"))
        tabs.setTabText(
            tabs.indexOf(self.ui.warningsTab), titled(translate("DossierView", "提示"), findings)
        )
        tabs.setTabIcon(
            tabs.indexOf(self.ui.warningsTab),
            icon("dialog-warning") if findings else QIcon(),
        )
        tabs.setTabText(
            tabs.indexOf(self.ui.attachmentsTab),
            titled(translate("DossierView", "附件"), attachments),
        )
        language = current_language()
        for sheet in self.sheet_tabs.values():
            count = counts.get(sheet.attribute)
            if count is None and sheet.loaded:
                count = sheet.model.total_rows()
            tabs.setTabText(tabs.indexOf(sheet.table), titled(sheet.name.get(language), count))
        self.tab_rows.sync()

    def tab_title(self, name: str) -> str:
        """The title of the tab called ``name`` (see :meth:`show_platform`)."""
        widget = self._tab_widget(name)
        return self.ui.tabs.tabText(self.ui.tabs.indexOf(widget)) if widget else ""

    def _show_summary(self) -> None:
        overview = self.overview
        if overview is None:
            self.ui.summaryText.clear()
            return
        text = overview.work_summary.strip()
        if overview.work_summary_attachment:
            note = translate("DossierView", "工作总结见附件：{name}").format(
                name=overview.work_summary_attachment
            )
            text = f"{note}\n\n{text}" if text else note
        if not text:
            text = translate("DossierView", "（未填写工作总结）")
        self.ui.summaryText.setPlainText(text)

    # ---------------------------------------------------------------------- attachments

    def _update_attachment_button(self, *_args: object) -> None:
        self.ui.openAttachmentButton.setEnabled(
            self.ui.attachmentsTable.currentIndex().isValid() and self.source is not None
        )

    def _export_name(self) -> str:
        """A table exported from the dossier is named after its platform and tab."""
        tab = self.ui.tabs.tabText(self.ui.tabs.currentIndex()).replace("&", "")
        name = self.ui.nameLabel.text()
        return f"{name}-{tab}" if name else tab

    def _on_attachment_activated(self, index: QModelIndex) -> None:
        self.open_attachment(index.row())

    def open_current_attachment(self) -> None:
        index = self.ui.attachmentsTable.currentIndex()
        if index.isValid():
            self.open_attachment(index.row())

    def open_attachment(self, row: int) -> None:
        """Write the attachment to the temporary folder and open it in the system viewer."""
        if self.source is None or not 0 <= row < self.attachments_model.rowCount():
            return
        item = self.attachments_model.attachment(row)
        folder = _AttachmentFolder.get() / str(self.platform_id or 0)
        self._start(
            partial(_save_attachment, self.source, item.id, folder),
            self._on_attachment_saved,
        )

    def _on_attachment_saved(self, path: Path) -> None:
        log.info("opening attachment %s", path)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            log.warning("no viewer opened %s", path)
        self.attachment_opened.emit(path)

    # ------------------------------------------------------------------------ language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            for model in (
                self.basic_model,
                self.metrics_model,
                self.findings_model,
                self.attachments_model,
            ):
                model.retranslate()
            for sheet in self.sheet_tabs.values():
                sheet.model.retranslate()
            self._metrics_laid_out = False
            if self.overview is not None:
                self.ui.metricsTree.header().resizeSection(
                    MetricsModel.NAME, self._metrics_name_width()
                )
            self._show_header()
            self._show_summary()
            self._retitle_tabs()
        super().changeEvent(event)


class _TreeWrappingDelegate(WrappingItemDelegate):
    """Wrapped cells in a tree view. A tree asks for a row's height without the column's
    width (so a wrapped cell would get one line): the width is taken from its header, less
    the indentation in the tree's own column. One-line rows as tall as the tree's others."""

    PAD_Y = 2

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        tree = self.parent()
        if not isinstance(tree, QTreeView):
            return super().sizeHint(option, index)
        width = tree.header().sectionSize(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= tree.indentation() * (depth + int(tree.rootIsDecorated()))
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, max(width, 1), max(option.rect.height(), 1))
        return super().sizeHint(opt, index)


def set_muted_header(header: QHeaderView) -> None:
    """Row numbers in the muted colour: they are a guide, not content."""
    palette = header.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(MUTED))
    header.setPalette(palette)
