"""关于 jlpanel: version, the versions it runs on, its licence and the licences of what it ships.

The component list is data (``resources/licenses/THIRD-PARTY.md``); versions are read at run
time from the installed metadata, without importing SQLAlchemy or reportlab, and show
"—" where the metadata is missing (as it can be in a frozen bundle).
"""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass
from pathlib import Path

import PySide6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jlpanel import __version__
from jlpanel.gui.common.geometry import resize_to_fit
from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.table_support import Column, RowsModel
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import icon, plain_buttons, scaled_font, set_muted
from jlpanel.resource_files import resource

log = logging.getLogger(__name__)

LICENSES_DIR = resource("licenses")
THIRD_PARTY_FILE = LICENSES_DIR / "THIRD-PARTY.md"
JLPANEL_LICENSE_FILE = LICENSES_DIR / "LICENSE-jlpanel.txt"
FONT_LICENSE_FILE = resource("fonts", "LICENSE-WenQuanYi-Micro-Hei.txt")
#: What a version reads when it cannot be found.
UNKNOWN = "—"


def distribution_version(name: str) -> str:
    """The installed version of a Python distribution, or "—" without its metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return UNKNOWN


@dataclass(frozen=True, slots=True)
class Component:
    """One row of THIRD-PARTY.md: what ships, whose version to show, its licence, where from."""

    name: str
    distribution: str
    licence: str
    url: str

    @property
    def version(self) -> str:
        if self.distribution == "qt":
            return qVersion()
        if self.distribution in ("", "-"):
            return ""
        return distribution_version(self.distribution)

    @property
    def is_font(self) -> bool:
        return "WenQuanYi" in self.name


def read_components(path: Path = THIRD_PARTY_FILE) -> list[Component]:
    """The component table of THIRD-PARTY.md (empty, logged, when the file is missing)."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return []
    out: list[Component] = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 4:
            continue
        if cells[0] == "Component" or set(cells[0]) <= {"-", ":"}:
            continue  # the header and its rule
        out.append(Component(*cells))
    return out


def read_text(path: Path) -> str:
    """A licence text, or a line saying where it should have been."""
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        return translate("AboutDialog", "找不到许可证文件：{path}").format(path=path)


class ComponentsModel(RowsModel[Component]):
    """组件 · 版本 · 许可证 · 网址."""

    NAME, VERSION, LICENCE, URL = range(4)

    def __init__(self, components: list[Component], parent: QObject | None = None) -> None:
        versions = {id(c): c.version for c in components}  # looked up once, not per paint
        super().__init__(
            [
                Column(lambda: translate("AboutDialog", "组件"), lambda c: c.name),
                Column(lambda: translate("AboutDialog", "版本"), lambda c: versions[id(c)]),
                Column(lambda: translate("AboutDialog", "许可证", "column"), lambda c: c.licence),
                Column(lambda: translate("AboutDialog", "网址"), lambda c: c.url),
            ],
            parent,
        )
        self.set_rows(components)

    def component(self, row: int) -> Component:
        return self.row(row)


class AboutDialog(QDialog):
    """关于 jlpanel: 关于 (versions, licence) · 许可证 (components) · 许可证全文."""

    ABOUT_TAB, COMPONENTS_TAB, TEXT_TAB = range(3)
    JLPANEL_TEXT, FONT_TEXT, THIRD_PARTY_TEXT = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")

        self.iconLabel = QLabel()
        self.iconLabel.setPixmap(icon("app").pixmap(QSize(64, 64)))
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.nameLabel = QLabel("jlpanel")
        self.nameLabel.setFont(scaled_font(self.nameLabel, 1.6, bold=True))
        self.productLabel = QLabel()
        self.productLabel.setFont(scaled_font(self.productLabel, 1.15))
        self.versionLabel = QLabel()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.nameLabel)
        heading.addWidget(self.productLabel)
        heading.addWidget(self.versionLabel)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.iconLabel)
        top.addLayout(heading, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._about_page(), "")
        self.tabs.addTab(self._components_page(), "")
        self.tabs.addTab(self._text_page(), "")

        self.buttonBox = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttonBox.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttonBox)

        self._retranslate()
        resize_to_fit(self, 900, 600)

    # ------------------------------------------------------------------------ pages

    def _about_page(self) -> QWidget:
        page = QWidget()
        self.blurbLabel = QLabel()
        self.blurbLabel.setWordWrap(True)
        self.versions: dict[str, QLabel] = {}
        self.versionLabels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, value in (
            ("jlpanel", __version__),
            ("python", platform.python_version()),
            ("qt", qVersion()),
            ("pyside", PySide6.__version__),
        ):
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.versions[key] = label
            self.versionLabels[key] = QLabel()
            form.addRow(self.versionLabels[key], label)
        self.licenceLabel = QLabel()
        self.licenceValue = QLabel("Apache License 2.0 (Apache-2.0)")
        form.addRow(self.licenceLabel, self.licenceValue)
        self.licenceButton = QPushButton()
        self.licenceButton.clicked.connect(lambda: self.show_text(self.JLPANEL_TEXT))
        buttons = QHBoxLayout()
        buttons.addWidget(self.licenceButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.blurbLabel)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _components_page(self) -> QWidget:
        page = QWidget()
        self.componentsNote = QLabel()
        self.componentsNote.setWordWrap(True)
        set_muted(self.componentsNote)
        self.components_model = ComponentsModel(read_components(), self)
        self.componentsTable = QTableView()
        self.componentsTable.setModel(self.components_model)
        self.componentsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.componentsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.componentsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.componentsTable.verticalHeader().hide()
        self.componentsTable.setAlternatingRowColors(True)
        header = self.componentsTable.horizontalHeader()
        for column in (ComponentsModel.NAME, ComponentsModel.VERSION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # A few licence expressions are long (NumPy's, the font's): they are elided, whole in
        # the tooltip, so the addresses stay readable.
        header.setSectionResizeMode(ComponentsModel.LICENCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ComponentsModel.LICENCE, 230)
        header.setSectionResizeMode(ComponentsModel.URL, QHeaderView.ResizeMode.Stretch)
        self.componentsTable.doubleClicked.connect(self._open_selected_text)
        spreadsheet(
            self.componentsTable,
            open_row=lambda _index: self._open_selected_text(),
            export_name=lambda: translate("AboutDialog", "第三方组件"),
        )
        self.fullTextButton = QPushButton()
        self.fullTextButton.clicked.connect(self._open_selected_text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fullTextButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.componentsNote)
        layout.addWidget(self.componentsTable, 1)
        layout.addLayout(buttons)
        return page

    def _text_page(self) -> QWidget:
        page = QWidget()
        self.textLabel = QLabel()
        self.textCombo = QComboBox()
        self.textLabel.setBuddy(self.textCombo)
        self.textCombo.currentIndexChanged.connect(self._show_chosen_text)
        self.textBrowser = QTextBrowser()
        self.textBrowser.setOpenExternalLinks(True)
        self.textBrowser.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.textBrowser.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        row = QHBoxLayout()
        row.addWidget(self.textLabel)
        row.addWidget(self.textCombo, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.textBrowser, 1)
        return page

    # ------------------------------------------------------------------------ texts

    def text_files(self) -> list[Path]:
        """The full texts offered, in the order of the choice box."""
        return [JLPANEL_LICENSE_FILE, FONT_LICENSE_FILE, THIRD_PARTY_FILE]

    def show_text(self, which: int) -> None:
        """Show one of the full texts on the 许可证全文 tab."""
        self.textCombo.setCurrentIndex(which)
        self._show_chosen_text()
        self.tabs.setCurrentIndex(self.TEXT_TAB)

    def _show_chosen_text(self) -> None:
        which = max(self.textCombo.currentIndex(), 0)
        self.textBrowser.setPlainText(read_text(self.text_files()[which]))

    def _open_selected_text(self) -> None:
        """The font's own licence for the font; the component notes for the others."""
        rows = self.componentsTable.selectionModel().selectedRows()
        font = bool(rows) and self.components_model.component(rows[0].row()).is_font
        self.show_text(self.FONT_TEXT if font else self.THIRD_PARTY_TEXT)

    # ----------------------------------------------------------------------- language

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("AboutDialog", "关于 jlpanel"))
        self.productLabel.setText(translate("AboutDialog", "吉林省科技资源共享服务平台考核评价"))
        self.versionLabel.setText(
            translate("AboutDialog", "版本 {version}").format(version=__version__)
        )
        self.tabs.setTabText(self.ABOUT_TAB, translate("AboutDialog", "关于"))
        self.tabs.setTabText(self.COMPONENTS_TAB, translate("AboutDialog", "许可证"))
        self.tabs.setTabText(self.TEXT_TAB, translate("AboutDialog", "许可证全文"))
        self.blurbLabel.setText(
            translate(
                "AboutDialog",
                "为考核周期的专家评审、评分汇总和结果管理而设计的离线工作台："
                "工作人员管理考核周期，评审专家在自己的电脑上离线评分，评审秘书合并评分、"
                "确定结果并打印报告。",
            )
        )
        for key, text in (
            ("jlpanel", translate("AboutDialog", "jlpanel 版本：")),
            ("python", translate("AboutDialog", "Python 版本：")),
            ("qt", translate("AboutDialog", "Qt 版本：")),
            ("pyside", translate("AboutDialog", "PySide6 版本：")),
        ):
            self.versionLabels[key].setText(text)
        self.licenceLabel.setText(translate("AboutDialog", "许可证："))
        self.licenceButton.setText(translate("AboutDialog", "查看许可证全文(&L)"))
        self.componentsNote.setText(
            translate(
                "AboutDialog",
                "jlpanel 随附以下第三方组件，各自按其许可证使用；版本为当前运行的版本。"
                "选中一行后按「查看许可证全文」阅读许可证。",
            )
        )
        self.components_model.retranslate()
        self.fullTextButton.setText(translate("AboutDialog", "查看许可证全文(&V)"))
        self.textLabel.setText(translate("AboutDialog", "文本(&T)："))
        current = max(self.textCombo.currentIndex(), 0)
        blocked = self.textCombo.blockSignals(True)
        self.textCombo.clear()
        self.textCombo.addItems(
            [
                translate("AboutDialog", "jlpanel 的许可证（Apache License 2.0）"),
                translate("AboutDialog", "文泉驿微米黑字体的许可证（Apache License 2.0）"),
                translate("AboutDialog", "第三方组件及其许可证"),
            ]
        )
        self.textCombo.setCurrentIndex(current)
        self.textCombo.blockSignals(blocked)
        self._show_chosen_text()
        plain_buttons(self.buttonBox)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "textCombo"):
            self._retranslate()
        super().changeEvent(event)
