"""Importing through the dialog on every core (issue 16, item 3).

The dialog runs the import on a pool thread of a process that runs Qt; the workbooks are read
by worker processes that are never forked from it, and cancelling after a file stops them and
stores nothing after that file.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from conftest import platform_dossier, write_platform
from PySide6.QtCore import QObject, Qt, Slot
from test_gui_platforms import (
    files_to_import,
    run_import,
    statuses,
    stored_platforms,
)

from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.staff.import_dialog import ImportDialog
from jlpanel.services.workers import WORKERS_ENV

LEFT = Qt.MouseButton.LeftButton


class _CancelAfterTwo(QObject):
    """Notes the worker processes at each file and clicks 取消导入 after the second one."""

    def __init__(self, dialog: ImportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.seen: list[tuple[int, int]] = []

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, _name: str) -> None:
        self.seen.append((done, len(multiprocessing.active_children())))
        if done == 2:
            self.dialog.ui.cancelImportButton.click()


def test_the_dialog_imports_on_worker_processes_and_cancels_them(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(WORKERS_ENV, "2")
    folder = tmp_path / "材料"
    files = [
        write_platform(
            folder,
            f"平台{n}",
            platform_dossier(f"吉林省第{n}资源共享服务平台", f"JLKJ-2021-{n:03d}"),
        )
        for n in range(1, 7)
    ]
    dialog = files_to_import(window, qtbot, monkeypatch, workspace_file, files)
    canceller = _CancelAfterTwo(dialog)
    dialog.progress.progressed.connect(
        canceller.on_progress, Qt.ConnectionType.BlockingQueuedConnection
    )
    run_import(window, qtbot, dialog)
    assert [done for done, _ in canceller.seen[:3]] == [0, 1, 2]
    assert canceller.seen[2][1] == 2  # two workers read ahead while the first files were stored
    assert statuses(dialog) == ["已导入"] * 2 + ["已取消"] * 4
    assert stored_platforms(workspace_file) == [
        "吉林省第1资源共享服务平台",
        "吉林省第2资源共享服务平台",
    ]
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=10_000)
