"""The 平台 tab's list: every platform of the cycle, searchable, filterable and sortable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from jlpanel.domain.dossier import RESOURCE_TYPES
from jlpanel.gui.common.column_fit import fit_columns
from jlpanel.gui.common.i18n import counted, translate
from jlpanel.gui.common.tables import search_box, spreadsheet
from jlpanel.gui.common.theme import RoomyItemDelegate, icon, scaled_font, set_muted
from jlpanel.gui.forms.ui_platform_list import Ui_PlatformListView
from jlpanel.gui.staff.platform_model import (
    PLATFORM_ID_ROLE,
    PlatformColumn,
    PlatformFilterModel,
    PlatformTableModel,
    WarningFilter,
)

if TYPE_CHECKING:
    from jlpanel.services.dossiers import PlatformSummary

#: Sized to their header and widest cell when the rows change (see column_fit): the name
#: takes the room left and the host unit has its own width.
_FITTED = tuple(
    c for c in PlatformColumn if c not in (PlatformColumn.NAME, PlatformColumn.HOST_UNIT)
)
#: The name column is never narrower than this many characters (or the longest name): on a
#: narrow window the table scrolls sideways rather than squeeze the name to a sliver.
NAME_MIN_CHARS = 14


class PlatformListView(QWidget):
    """The platform table with its search box and filters, or a hint when there is none."""

    #: Open the dossier of this platform (double-click or Enter).
    open_requested = Signal(int)
    import_requested = Signal()
    template_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PlatformListView()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.model = PlatformTableModel(self)
        self.proxy = PlatformFilterModel(self)
        self.proxy.setSourceModel(self.model)

        table = self.ui.platformTable
        table.setModel(self.proxy)
        table.setItemDelegate(RoomyItemDelegate(table))
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        for column in PlatformColumn:
            mode = QHeaderView.ResizeMode.Fixed  # fitted to the rows (_fit_columns)
            if column in (PlatformColumn.NAME, PlatformColumn.HOST_UNIT):
                mode = QHeaderView.ResizeMode.Interactive  # laid out by _share_width
            header.setSectionResizeMode(column, mode)
        # Qt's Stretch would give the name what the other columns leave, down to nothing
        # (at 150 % on a 1366 px screen it was 19 px); the viewport's size drives it instead.
        self._widest_name = self._widest_host = 0
        table.viewport().installEventFilter(self)
        table.sortByColumn(PlatformColumn.FILING_NO, Qt.SortOrder.AscendingOrder)
        table.activated.connect(self._on_activated)
        spreadsheet(table, open_row=self._on_activated, export_name=self._export_name)
        search_box(self.ui.searchEdit, table)

        self.ui.searchEdit.addAction(
            icon("edit-find"), self.ui.searchEdit.ActionPosition.LeadingPosition
        )
        self.ui.searchEdit.textChanged.connect(self.proxy.set_search)
        self.ui.warningFilterCombo.currentIndexChanged.connect(self._on_warning_filter)
        self.ui.typeFilterCombo.currentIndexChanged.connect(self._on_type_filter)
        self.proxy.rowsInserted.connect(self._update_counts)
        self.proxy.rowsRemoved.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)

        self.ui.emptyTitleLabel.setFont(scaled_font(self.ui.emptyTitleLabel, 1.4, bold=True))
        set_muted(self.ui.emptyHintLabel)
        set_muted(self.ui.countLabel)
        set_muted(self.ui.noMatchLabel)
        self.ui.emptyHintLabel.setMaximumWidth(560)
        self.ui.importButton.setIcon(icon("document-import"))
        self.ui.templateButton.setIcon(icon("x-office-spreadsheet"))
        self.ui.importButton.clicked.connect(self.import_requested)
        self.ui.templateButton.clicked.connect(self.template_requested)
        self._fill_type_filter()
        self._fit_columns()
        self._update_counts()

    # -------------------------------------------------------------------------- content

    def set_platforms(self, platforms: list[PlatformSummary]) -> None:
        """Show ``platforms``, keeping the filters and the current platform."""
        current = self.current_platform_id()
        self.model.set_platforms(platforms)
        self._fit_columns()
        self._fill_type_filter()
        if current is not None:
            self.select_platform(current)
        self._update_counts()

    def clear(self) -> None:
        self.ui.searchEdit.clear()
        self.ui.warningFilterCombo.setCurrentIndex(0)
        self.set_platforms([])

    def current_platform_id(self) -> int | None:
        index = self.ui.platformTable.currentIndex()
        value = index.data(PLATFORM_ID_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else None

    def select_platform(self, platform_id: int) -> bool:
        """Make the platform's row current (when the filters show it)."""
        row = self.model.row_of(platform_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.platformTable.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.ui.platformTable.scrollTo(index)
        return True

    def visible_names(self) -> list[str]:
        """The platform names in the order the table shows them."""
        return [
            str(self.proxy.index(row, PlatformColumn.NAME).data())
            for row in range(self.proxy.rowCount())
        ]

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        if self.ui.pages.currentWidget() is self.ui.listPage:
            self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.ui.searchEdit.selectAll()

    def focus_table(self) -> None:
        if self.ui.pages.currentWidget() is self.ui.listPage:
            table = self.ui.platformTable
            table.setFocus()
            if not table.currentIndex().isValid() and self.proxy.rowCount():
                table.selectionModel().setCurrentIndex(
                    self.proxy.index(0, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        else:
            self.ui.importButton.setFocus()

    def _measure_texts(self) -> None:
        """The widest name and host unit, each distinct text measured once (many platforms
        share a host unit) when the rows or the language change, not on every resize."""
        metrics = self.ui.platformTable.fontMetrics()
        platforms = self.model.platforms()
        # the name's floor is capped at NAME_MIN_CHARS characters: its longest name is measured,
        # not all 2,000 (12 ms on the window's thread while a national store opened)
        self._widest_name = metrics.horizontalAdvance(
            max((p.name for p in platforms), key=len, default="")
        )
        self._widest_host = max(
            map(metrics.horizontalAdvance, {p.host_unit or "" for p in platforms}), default=0
        )

    def _host_width(self) -> int:
        """The widest host unit, up to a quarter of the table: whole on a 1366 px screen
        (中国科学院长春光学精密机械与物理研究所), cut on a narrow one so names keep room."""
        table = self.ui.platformTable
        return max(120, min(self._widest_host + 28, table.viewport().width() // 4))

    def _name_width(self) -> int:
        """The least the name column gets: the longest name, up to NAME_MIN_CHARS characters."""
        metrics = self.ui.platformTable.fontMetrics()
        return min(self._widest_name, metrics.horizontalAdvance("国" * NAME_MIN_CHARS)) + 28

    def _share_width(self) -> None:
        """The host unit its width, the name the room the other columns leave, but never less
        than :meth:`_name_width` — then the table scrolls sideways."""
        table = self.ui.platformTable
        header = table.horizontalHeader()
        header.resizeSection(PlatformColumn.HOST_UNIT, self._host_width())
        others = sum(
            header.sectionSize(c)
            for c in PlatformColumn
            if c != PlatformColumn.NAME and not header.isSectionHidden(c)
        )
        room = table.viewport().width() - others
        header.resizeSection(PlatformColumn.NAME, max(self._name_width(), room))

    def _fit_columns(self) -> None:
        """The short columns as wide as their header and widest cell: measured from the
        texts, not asked of up to 1,000 rows' cells as ResizeToContents did (issue 16)."""
        fit_columns(self.ui.platformTable, self.model, _FITTED)
        self._measure_texts()
        self._share_width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # the viewport's width changes with the window and with the vertical scroll bar
        if event.type() == QEvent.Type.Resize and watched is self.ui.platformTable.viewport():
            self._share_width()
        return super().eventFilter(watched, event)

    def _fill_type_filter(self) -> None:
        combo = self.ui.typeFilterCombo
        chosen = combo.currentData()
        types = list(dict.fromkeys([*RESOURCE_TYPES, *self.model.resource_types()]))
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("PlatformListView", "全部类型"), None)
        for name in types:
            combo.addItem(name, name)
        found = combo.findData(chosen) if chosen else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        self.proxy.set_resource_type(combo.currentData())

    def _on_warning_filter(self, index: int) -> None:
        self.proxy.set_warning_filter(WarningFilter(max(index, 0)))

    def _on_type_filter(self, _index: int) -> None:
        self.proxy.set_resource_type(self.ui.typeFilterCombo.currentData())

    @staticmethod
    def _export_name() -> str:
        return translate("PlatformListView", "平台列表")

    def _on_activated(self, index: QModelIndex) -> None:
        platform_id = index.data(PLATFORM_ID_ROLE)
        if isinstance(platform_id, int):
            self.open_requested.emit(platform_id)

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.ui.pages.setCurrentWidget(self.ui.listPage if total else self.ui.emptyPage)
        self.ui.noMatchLabel.setVisible(total > 0 and shown == 0)
        if shown == total:
            text = counted(
                total,
                translate("PlatformListView", "共 {n} 个平台", "one"),
                translate("PlatformListView", "共 {n} 个平台", "other"),
            )
        else:
            text = translate("PlatformListView", "显示 {shown} 个，共 {total} 个平台").format(
                shown=shown, total=total
            )
        self.ui.countLabel.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            filter_index = self.ui.warningFilterCombo.currentIndex()
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]
            self.ui.warningFilterCombo.setCurrentIndex(filter_index)
            self.model.retranslate()
            self._fill_type_filter()
            self._fit_columns()
            self._update_counts()
        super().changeEvent(event)
