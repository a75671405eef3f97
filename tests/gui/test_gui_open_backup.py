"""The window shows a store before its open backup is copied, then copies it on a thread of
its own (issue 16, item 5: the copy of a 2,000-platform store took 3–4 s of every first open
after a change). A backup that cannot be written is a message; the store stays open."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from damage import backup_files, cycle_name_in, filled_workspace

from jlpanel.gui.shell.app import MainWindow
from jlpanel.services.preferences import load_preferences


def test_the_store_is_shown_first_and_backed_up_after(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    backups = load_preferences().backup_folder()
    order: list[str] = []
    window.workspace_opened.connect(lambda _p: order.append("shown"))
    window.open_backup_taken.connect(lambda _b: order.append("backed up"))

    with qtbot.waitSignal(window.open_backup_taken, timeout=30_000) as taken:
        window.open_workspace(store)

    assert order == ["shown", "backed up"]
    (backup,) = backup_files(backups)
    assert taken.args == [backup]
    assert cycle_name_in(backup) == cycle_name_in(store)

    # Opened again unchanged: nothing to copy, so nothing is taken after.
    window.open_workspace(store)
    qtbot.waitUntil(lambda: order.count("shown") == 2, timeout=30_000)
    qtbot.wait(200)
    assert order == ["shown", "backed up", "shown"]
    assert backup_files(backups) == [backup]


def test_a_backup_that_cannot_be_written_is_a_message_and_the_store_stays_open(
    window: MainWindow, qtbot: Any, tmp_path: Path, message_boxes: list[Any]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    backups = load_preferences().backup_folder()
    backups.parent.mkdir(parents=True, exist_ok=True)
    backups.write_text("a file where the backup folder should be")

    with qtbot.waitSignal(window.open_backup_failed, timeout=30_000) as failed:
        window.open_workspace(store)

    assert (
        "未能在备份文件夹中写入打开工作区时的备份" in failed.args[0]
        and "工作区已打开" in failed.args[0]
    )
    assert [m.kind for m in message_boxes] == ["warning"]
    assert str(backups) in message_boxes[0].text
    assert window.workspace is not None and window.workspace.file == store
    assert window.stack.currentWidget() is window.workspace_view
    assert "未能写入打开时的备份" in window.statusBar().currentMessage()


def test_closing_the_window_while_the_backup_waits_leaves_the_store_whole(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    with qtbot.waitSignal(window.workspace_opened, timeout=30_000):
        window.open_workspace(store)
    window.close()
    assert window.workspace is None
    backups = load_preferences().backup_folder()
    leftovers = [p for p in backups.rglob("*") if p.name.endswith(".partial")]
    assert leftovers == []
    assert len(backup_files(backups)) <= 1  # taken before the close, or given up: never half
    assert sqlite3.connect(store).execute("PRAGMA quick_check").fetchone() == ("ok",)
