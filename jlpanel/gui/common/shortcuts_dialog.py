"""帮助 → 键盘快捷键: every shortcut of a window, read from its actions.

The list is generated from the actions' own ``shortcuts()`` and ``text()``, menu by menu, so
it cannot drift from what the keys do, and it follows the interface language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.geometry import available_geometry
from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.theme import plain_buttons, set_muted


@dataclass(frozen=True, slots=True)
class ShortcutRow:
    """One action's keys, under the menu it is in."""

    group: str
    what: str
    keys: str


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and trailing ellipsis: 「打开(&O)…」 → 「打开」."""
    text = text.replace("&&", "\0").strip().rstrip("….")
    text = re.sub(r"\(&\w\)$", "", text)  # Chinese style: 文件(&F)
    return text.replace("&", "").replace("\0", "&").strip()


def key_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them, alternatives joined by " / ".

    Return and the keypad's Enter are one key to a reader: an action bound to both is shown
    once, as "Enter" (the guide's word), not "Ctrl+Return / Ctrl+Enter".
    """
    keys = action.shortcuts()
    names = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in keys]
    shown = [
        k
        for k, name in zip(keys, names, strict=True)
        if not (name.endswith("Return") and f"{name[:-6]}Enter" in names)
    ]
    return " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in shown)


def _menu_rows(menu: QMenu, group: str, seen: set[int]) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows.extend(_menu_rows(sub, group, seen))
            continue
        seen.add(id(action))
        if action.isSeparator() or not action.shortcuts():
            continue
        rows.append(ShortcutRow(group, plain_text(action.text()), key_text(action)))
    return rows


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every shortcut of ``window``: its menus' actions in menu order, then any others."""
    seen: set[int] = set()
    rows: list[ShortcutRow] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows.extend(_menu_rows(menu, plain_text(menu.title()), seen))
    other = translate("ShortcutsDialog", "其他")
    for action in window.findChildren(QAction):
        if id(action) in seen or not action.shortcuts() or not action.text():
            continue
        seen.add(id(action))
        rows.append(ShortcutRow(other, plain_text(action.text()), key_text(action)))
    return rows


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of ``window``, grouped by menu; Esc or 关闭 closes it."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("ShortcutsDialog")
        self._window = window
        self.model = QStandardItemModel(self)
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(self)
        self.intro_label.setWordWrap(True)
        set_muted(self.intro_label)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        # Grouped by menu, as the menus are: not sorted.
        spreadsheet(
            self.view, sort=False, export_name=lambda: translate("ShortcutsDialog", "快捷键")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        plain_buttons(self.buttons)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self._fill()
        self._size()

    def rows(self) -> list[ShortcutRow]:
        """What the dialog lists, in order."""
        found: list[ShortcutRow] = []
        for g in range(self.model.rowCount()):
            group = self.model.item(g, 0)
            for r in range(group.rowCount()):
                what, keys = group.child(r, 0), group.child(r, 1)
                found.append(ShortcutRow(group.text(), what.text(), keys.text()))
        return found

    def _fill(self) -> None:
        self.setWindowTitle(translate("ShortcutsDialog", "键盘快捷键"))
        self.intro_label.setText(
            translate(
                "ShortcutsDialog",
                "菜单里的命令都可以用 Alt 加括号中的字母打开；下面是可直接按的快捷键。",
            )
        )
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [translate("ShortcutsDialog", "命令"), translate("ShortcutsDialog", "快捷键")]
        )
        groups: dict[str, QStandardItem] = {}
        for row in shortcut_rows(self._window):
            group = groups.get(row.group)
            if group is None:
                group = QStandardItem(row.group)
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[row.group] = group
                self.model.appendRow([group, QStandardItem("")])
            group.appendRow([QStandardItem(row.what), QStandardItem(row.keys)])
        self.view.expandAll()
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setCurrentIndex(self.model.index(0, 0))

    def _size(self) -> None:
        """Wide enough for the words, tall enough for every row (less on a small screen)."""
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance("模") * 36
        lines = sum(1 + self.model.item(g, 0).rowCount() for g in range(self.model.rowCount()))
        row = max(self.view.sizeHintForRow(0), metrics.height())
        height = (lines + 2) * row + 6 * metrics.height()
        available = available_geometry(self._window)
        if available is not None:
            height = min(height, int(available.height() * 0.85))
        self.resize(width, height)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # After the window has retranslated its actions (the order of the events is open).
            QTimer.singleShot(0, self._fill)
        super().changeEvent(event)
