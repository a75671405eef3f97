"""Opening a workspace another jlpanel has open: who has it, and an offer to open it
read-only (issue 14, item 8)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from jlpanel.gui.shell.app import MainWindow
from jlpanel.services.errors import ReadOnlyWorkspaceError
from jlpanel.services.workspace import update_rules

ROOT = Path(__file__).resolve().parents[2]

_HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from jlpanel.services.workspace import open_workspace\n"
    "ws = open_workspace(Path(sys.argv[1]), claim=True)\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
    "ws.close()\n"
)


@pytest.fixture
def other(workspace_file: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that has the workspace open (claimed, as a window keeps it)."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(workspace_file)],
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process
    finally:
        process.communicate(timeout=60)


def test_the_second_window_says_who_and_opens_it_read_only(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    other: subprocess.Popen[str],
    message_boxes: list[Any],
) -> None:
    with qtbot.waitSignal(window.workspace_opened, timeout=30_000):
        window.open_workspace(workspace_file)  # the question is answered Yes (see conftest)

    (offer,) = message_boxes
    assert offer.kind == "question" and offer.title == "工作区已在别处打开"
    assert f"进程 {other.pid}" in offer.text and str(workspace_file) in offer.text
    assert "以只读方式打开" in offer.text
    workspace = window.workspace
    assert workspace is not None and workspace.read_only
    assert "（只读）" in window.windowTitle()
    assert "已以只读方式打开" in window.statusBar().currentMessage()
    assert window.stack.currentWidget() is window.workspace_view
    rules = workspace.cycle_info().rules
    with pytest.raises(ReadOnlyWorkspaceError):
        update_rules(workspace, rules.__class__(excellent_min=rules.excellent_min + 1))


def test_cancelling_opens_nothing(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    other: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def cancel(_parent: object, _title: str, text: str, *_args: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    with qtbot.waitSignal(window.task_failed, timeout=30_000) as failed:
        window.open_workspace(workspace_file)

    assert len(asked) == 1 and f"进程 {other.pid}" in asked[0]
    assert "正由另一个 jlpanel 打开修改" in failed.args[0]
    assert window.workspace is None and not window.busy
    assert window.stack.currentWidget() is window.start_page
    assert "正由另一个 jlpanel 打开" in window.statusBar().currentMessage()


def test_the_first_window_keeps_its_claim_while_it_shows_the_workspace(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    from jlpanel.storage.owner import lock_path

    with qtbot.waitSignal(window.workspace_opened, timeout=30_000):
        window.open_workspace(workspace_file)
    assert window.workspace is not None and not window.workspace.read_only
    record = lock_path(workspace_file).read_text(encoding="utf-8")
    assert f'"pid": {os.getpid()}' in record and '"keeps": true' in record
    window.close_workspace()
    assert not lock_path(workspace_file).exists()
