"""A store of several cycles in the window: it opens the cycle at work, asks which (选择考核周期)
when several are, and 文件 → 切换考核周期 (Ctrl+Shift+Y) opens another."""

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
LATEST = "2028年度考核评价"

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def two_cycles(tmp_path: Path) -> Path:
    """The last release's confirmed cycle and a new one at work."""
    from jlpanel.services.workspace import create_workspace

    path = tmp_path / "store.jlpanel"
    shutil.copyfile(RELEASES / "cycle-0004.jlpanel", path)
    create_workspace(path, LATER).close()
    return path


@pytest.fixture
def two_at_work(two_cycles: Path) -> Path:
    """…and a second new one: two cycles at work, so opening must ask."""
    from jlpanel.services.workspace import create_workspace

    create_workspace(two_cycles, LATEST).close()
    return two_cycles


def test_a_store_of_two_cycles_at_work_asks_which_and_opens_the_one_chosen(
    qtbot: Any, window: Any, two_at_work: Path
) -> None:
    window.open_workspace(two_at_work)
    qtbot.waitUntil(lambda: window.cycle_dialog is not None and window.cycle_dialog.isVisible())
    dialog = window.cycle_dialog
    assert window.workspace is None
    combo = dialog.findChild(QComboBox)
    # newest first, the closed one marked
    assert [combo.itemText(i) for i in range(combo.count())] == [
        LATEST,
        LATER,
        f"{EARLIER}（结果已确定）",
    ]
    assert "中有 3 个考核周期" in dialog.labelText()

    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the earlier cycle
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.workspace.cycle_info().name == EARLIER
    assert window.workspace.cycle_info().platform_count == 5


def test_cancelling_the_choice_opens_nothing(qtbot: Any, window: Any, two_at_work: Path) -> None:
    window.open_workspace(two_at_work)
    qtbot.waitUntil(lambda: window.cycle_dialog is not None and window.cycle_dialog.isVisible())
    qtbot.keyClick(window.cycle_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    assert window.workspace is None
    # and the store is free again: the next open claims it
    window.open_workspace(two_at_work, LATER)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.workspace.cycle_info().name == LATER


def test_the_cycle_at_work_opens_and_ctrl_shift_y_switches_to_the_confirmed_one(
    qtbot: Any, window: Any, two_cycles: Path
) -> None:
    window.open_workspace(two_cycles)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.cycle_dialog is None  # nothing to ask: one cycle is at work
    assert window.workspace.cycle_info().name == LATER
    assert window.cycle_action.isEnabled()
    assert window.cycle_action.shortcut().toString() == "Ctrl+Shift+Y"

    window.cycle_action.trigger()
    dialog = window.cycle_dialog
    assert dialog is not None and dialog.isVisible()
    combo = dialog.findChild(QComboBox)
    assert combo.currentText() == LATER  # the one shown
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == f"{EARLIER}（结果已确定）"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            pending_tasks() == 0
            and window.workspace is not None
            and window.workspace.cycle_info().name == EARLIER
        )
    )
    assert window.workspace.cycle_info().platform_count == 5
    assert EARLIER in window.windowTitle()

    # choosing the cycle shown changes nothing
    window.cycle_action.trigger()
    shown = window.workspace
    qtbot.keyClick(window.cycle_dialog, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert pending_tasks() == 0 and window.workspace is shown
