"""Qt's own file dialogs in the UI's language.

Qt's catalogue translates most of its file dialog (文件名称(&N)：, 打开, 取消), but Qt 6 leaves
the labels "Look in:" and "Files of type:" and the type column's "Folder"/"… File" in English
even with ``qtbase_zh_CN`` installed. Rather than wrap every ``QFileDialog.getOpenFileName`` call
(and every test that replaces one), an application-wide event filter words each file dialog
as it is shown, through our own catalogue, so the labels follow the language switch too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QFileInfo, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QFileIconProvider, QWidget

from jlpanel.gui.common.i18n import translate


class _TypeNames(QFileIconProvider):
    """The file list's 类型 column: 文件夹 and "PDF 文件" rather than Folder and "pdf File"."""

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return translate("FileDialog", "文件夹")
        suffix = info.suffix()
        if not suffix:
            return translate("FileDialog", "文件")
        return translate("FileDialog", "{kind} 文件").format(kind=suffix.upper())


class FileDialogWording(QObject):
    """Words every ``QFileDialog`` the application shows; install once with :func:`install`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._types = _TypeNames()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            word(watched, self._types)
        return False


def word(dialog: QFileDialog, types: QFileIconProvider | None = None) -> None:
    """Set ``dialog``'s labels (and, given one, its type names) in the current language."""
    label = QFileDialog.DialogLabel
    dialog.setLabelText(label.LookIn, translate("FileDialog", "查找范围："))
    dialog.setLabelText(label.FileType, translate("FileDialog", "文件类型："))
    if types is not None and dialog.iconProvider() is not types:
        dialog.setIconProvider(types)


def install(app: QApplication) -> FileDialogWording:
    """Word every file dialog ``app`` shows from now on; returns the filter (kept by ``app``)."""
    wording = FileDialogWording(app)
    app.installEventFilter(wording)
    return wording


def ask_table_file(parent: QWidget, title: str, start: Path) -> Path | None:
    """Ask where to export a table: an Excel workbook or a CSV table, the suffix the chosen
    type's when the name has neither; None when the user cancels."""
    xlsx = translate("FileDialog", "Excel 工作簿 (*.xlsx)")
    csv = translate("FileDialog", "CSV 表格 (*.csv)")
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, title, str(start), f"{xlsx};;{csv}")
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + (".csv" if chosen_filter == csv else ".xlsx"))
    return path
