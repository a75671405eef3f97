"""One base for the dialogs that run a long task: choose, then progress with 取消, then results.

The import, merge and report dialogs differ in what they choose and what they show; the
plumbing in between is this: the task on a pool thread (``tasks.run_task``), its progress on
a bar and a line, 取消 (and Esc, and the close button) asking it to stop after the item at
hand, and its end — the result to the subclass, a failure shown in the user's language.

A subclass names its progress widgets once (``set_progress_widgets``), starts with
``start_task`` and implements the hooks ``task_started``, ``task_done``, ``task_stopped`` and,
when it wants them, ``task_failed`` and ``retranslate``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QWidget,
)

from jlpanel.gui.common.crash import show_failure
from jlpanel.gui.common.dossier_models import FindingsModel
from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.table_support import AnyIndex
from jlpanel.gui.common.tables import spreadsheet
from jlpanel.gui.common.tasks import ProgressRelay, run_task
from jlpanel.gui.common.theme import WrappingItemDelegate, icon

# The services' progress callback: (items done, items in all, item about to be done) → go on?
ProgressCallback = Callable[[int, int, str], bool]


def select_row(view: QAbstractItemView, row: int) -> None:
    """Make ``row`` of ``view`` the current and only selected row."""
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def setup_findings_table(
    view: QTableView, model: FindingsModel, export_name: Callable[[], str] | None = None
) -> None:
    """A results page's findings: 位置 as wide as it needs, the message and the fix wrapped,
    and the table copied, selected and exported like a spreadsheet."""
    view.setModel(model)
    view.setItemDelegate(WrappingItemDelegate(view))
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(FindingsModel.LOCATION, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(FindingsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(FindingsModel.FIX, QHeaderView.ResizeMode.Stretch)
    spreadsheet(view, export_name=export_name)


class PathsModel(QAbstractListModel):
    """Files to work on or written: each name (and its folder, with ``with_folder``), an
    icon, and the full path as a tooltip."""

    def __init__(
        self, icon_name: str, *, with_folder: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._icon_name = icon_name
        self._with_folder = with_folder
        self._paths: list[Path] = []

    def paths(self) -> list[Path]:
        return list(self._paths)

    def set_paths(self, paths: Sequence[Path]) -> None:
        self.beginResetModel()
        self._paths = list(paths)
        self.endResetModel()

    def clear(self) -> None:
        self.set_paths([])

    def add(self, paths: Sequence[Path]) -> int:
        """Add the files not listed yet; returns how many were new."""
        known = set(self._paths)
        new = [p for p in dict.fromkeys(paths) if p not in known]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._paths), len(self._paths) + len(new) - 1)
            self._paths.extend(new)
            self.endInsertRows()
        return len(new)

    def remove_rows(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._paths):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._paths[row]
                self.endRemoveRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._paths)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._paths):
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{path.name}    —    {path.parent}" if self._with_folder else path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(self._icon_name)
        return None


class TaskDialog(QDialog):
    """A dialog that runs one long task at a time, off the GUI thread, with 取消."""

    # The settings key of the folder files were last chosen from ("" keeps none).
    folder_key = ""
    # Whether an OSError of the task is a file that could not be written (not a bug).
    write_errors = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self._cancel = threading.Event()
        self.progress = self.make_progress_relay()
        self.progress.progressed.connect(self._on_progress)
        self._bar: QProgressBar | None = None
        self._note: QLabel | None = None
        self._title: QLabel | None = None
        self._cancel_button: QAbstractButton | None = None

    def make_progress_relay(self) -> ProgressRelay:
        """The relay the task reports its progress through (a subclass may add signals)."""
        return ProgressRelay(self)

    def set_progress_widgets(
        self,
        bar: QProgressBar,
        note: QLabel,
        cancel_button: QAbstractButton,
        *,
        title: QLabel | None = None,
        bar_format: str | None = None,
    ) -> None:
        """The bar, the line naming the item at hand, 取消, and the title that says 正在取消…"""
        self._bar, self._note, self._cancel_button, self._title = bar, note, cancel_button, title
        if bar_format is not None:
            bar.setFormat(bar_format)
        cancel_button.clicked.connect(self.cancel)

    @property
    def cancelling(self) -> bool:
        """Whether 取消 was asked for in the task running (or the last one)."""
        return self._cancel.is_set()

    # ------------------------------------------------------------------------- the task

    def start_task(
        self,
        work: Callable[..., Any],
        *,
        steps: int,
        note: str,
        title: str | None = None,
    ) -> None:
        """Run ``work(progress=…)`` in the background, ``progress`` being the services'
        callback; ``steps`` 0 keeps the bar busy until the first report. ``task_started``
        shows the progress; the result goes to ``task_done``, a failure is shown and then
        goes to ``task_stopped`` and ``task_failed``."""
        self.running = True
        self._cancel = threading.Event()
        # Arrow and hourglass: busy, and 取消 can still be clicked.
        self.setCursor(Qt.CursorShape.BusyCursor)
        if self._title is not None and title is not None:
            self._title.setText(title)
        if self._bar is not None:
            self._bar.setRange(0, steps)
            self._bar.setValue(0)
        if self._note is not None:
            self._note.setText(note)
        if self._cancel_button is not None:
            self._cancel_button.setEnabled(True)
        self.task_started()
        run_task(
            partial(work, progress=partial(self.progress.report, self._cancel)),
            self._on_done,
            self._on_failed,
        )

    def cancel(self) -> None:
        """Stop after the item being worked on; the rest is left undone."""
        if not self.running or self._cancel.is_set():
            return
        self._cancel.set()
        if self._title is not None:
            self._title.setText(translate("TaskDialog", "正在取消…"))
        if self._cancel_button is not None:
            self._cancel_button.setEnabled(False)
        self.task_cancelling()

    def progress_text(self, done: int, total: int, name: str) -> str:
        """The line under the bar: the item about to be done, or that the task is finishing."""
        if not name:
            return translate("TaskDialog", "正在完成…")
        return translate("TaskDialog", "第 {n} / {total} 个文件：{name}").format(
            n=done + 1, total=total, name=name
        )

    def _on_progress(self, done: int, total: int, name: str) -> None:
        if not self.running:
            return
        if self._bar is not None:
            self._bar.setRange(0, max(total, 1))
            self._bar.setValue(done)
        if self._note is not None:
            self._note.setText(self.progress_text(done, total, name))

    def _on_done(self, result: Any) -> None:
        self.running = False
        self.unsetCursor()
        self.task_done(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.running = False
        self.unsetCursor()
        self.task_stopped()
        self.task_failed(show_failure(self, exc, write_errors=self.write_errors))

    # ---------------------------------------------------------------------------- hooks

    def task_started(self) -> None:
        """Show the progress (the page, the buttons, the focus)."""

    def task_cancelling(self) -> None:
        """取消 was asked for (the title and the cancel button already say so)."""

    def task_done(self, result: Any) -> None:
        """Show the task's result."""

    def task_stopped(self) -> None:
        """The task failed: leave the progress (before the failure is shown)."""

    def task_failed(self, message: str) -> None:
        """The task failed with ``message`` (after it was shown)."""

    def retranslate(self) -> None:
        """Put the texts in the UI language again."""

    # ------------------------------------------------------------------- choosing files

    def last_folder(self) -> str:
        """The folder files were last chosen from ("" before the first time)."""
        value = app_settings().value(self.folder_key, "") if self.folder_key else ""
        return value if isinstance(value, str) else ""

    def remember_folder(self, folder: Path) -> None:
        if self.folder_key:
            settings = app_settings()
            settings.setValue(self.folder_key, str(folder))
            settings.sync()

    def files_question(self) -> tuple[str, str]:
        """The Open dialog's title and its file-type filters."""
        return "", ""

    def add_files(self) -> None:
        """Ask for files (several at once, from the folder chosen last) and list them."""
        title, filters = self.files_question()
        names, _ = QFileDialog.getOpenFileNames(self, title, self.last_folder(), filters)
        paths = [Path(n) for n in names if n]
        if paths:
            self.remember_folder(paths[0].parent)
            self.add_paths(paths)

    def add_paths(self, paths: Sequence[Path]) -> None:
        """List ``paths`` for the task."""

    def ask_folder(self, title: str) -> Path | None:
        """The folder the user picks (remembered), or None."""
        name = QFileDialog.getExistingDirectory(self, title, self.last_folder())
        if not name:
            return None
        self.remember_folder(Path(name))
        return Path(name)

    # -------------------------------------------------------------------------- closing

    def reject(self) -> None:
        # Esc while the task runs cancels the rest; the dialog stays until the item is done.
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
