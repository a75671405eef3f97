"""Opening a store that holds several cycles in the window asks which (选择考核周期)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from jlpanel.gui.common.tasks import pending_tasks

RELEASES = Path(__file__).resolve().parent.parent / "corpus" / "releases"
EARLIER = "2026年度吉林省科技资源共享服务平台考核评价（演示）"
LATER = "2027年度考核评价"

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def two_cycles(tmp_path: Path) -> Path:
    from jlpanel.services.workspace import create_workspace

    path = tmp_path / "store.jlpanel"
    shutil.copyfile(RELEASES / "cycle-0004.jlpanel", path)
    create_workspace(path, LATER).close()
    return path


def test_a_store_of_two_cycles_asks_which_and_opens_the_one_chosen(
    qtbot: Any, window: Any, two_cycles: Path
) -> None:
    window.open_workspace(two_cycles)
    qtbot.waitUntil(lambda: window.cycle_dialog is not None and window.cycle_dialog.isVisible())
    dialog = window.cycle_dialog
    assert window.workspace is None
    combo = dialog.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [LATER, EARLIER]  # newest first
    assert "中有 2 个考核周期" in dialog.labelText()

    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the earlier cycle
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.workspace.cycle_info().name == EARLIER
    assert window.workspace.cycle_info().platform_count == 5


def test_cancelling_the_choice_opens_nothing(qtbot: Any, window: Any, two_cycles: Path) -> None:
    window.open_workspace(two_cycles)
    qtbot.waitUntil(lambda: window.cycle_dialog is not None and window.cycle_dialog.isVisible())
    qtbot.keyClick(window.cycle_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    assert window.workspace is None
    # and the store is free again: the next open claims it
    window.open_workspace(two_cycles, LATER)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.workspace.cycle_info().name == LATER
