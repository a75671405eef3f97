"""The staff's workspace on a laptop: 1366×768, and 1366×768 at 150 % (911×512 logical).

QT_SCALE_FACTOR cannot change inside a running test, so 150 % is its logical size. The demo
cycle is opened in Chinese and in English; what the staff must read is not cut, and the
header leaves the tables the height. Screenshots go to /tmp/cut-staff-shots/.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("message_boxes")

SHOTS = Path("/tmp/cut-staff-shots")
LAPTOP = QSize(1366, 768)
SCALED = QSize(911, 512)


def settle(qtbot: Any) -> None:
    QApplication.processEvents()
    qtbot.wait(60)  # resize timers, the second layout pass
    QApplication.processEvents()


def open_demo(window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str) -> None:
    if language == "en":
        window.language_actions["en"].trigger()
    window.resize(size)
    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    qtbot.waitUntil(lambda: window.workspace_view.platform_list.model.rowCount() > 0)
    settle(qtbot)
    assert window.size() == size


def shoot(window: MainWindow, name: str, language: str, size: QSize) -> None:
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / f"test-{name}-{language}-{size.width()}x{size.height()}.png"))


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [LAPTOP, SCALED], ids=["1366", "150%"])
def test_the_cycle_header_is_one_line(
    window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str
) -> None:
    """Name, period, counts, rubric and file on one line (it took three, ~90 px of every
    tab at 1366×768); what is cut to fit is whole in its tooltip."""
    open_demo(window, qtbot, demo, size, language)
    view = window.workspace_view
    ui = view.ui
    shoot(window, "header", language, size)
    header = ui.headerFrame
    labels = [ui.cycleNameLabel, ui.periodLabel, ui.countsLabel, ui.rubricLabel, ui.pathLabel]
    line = max(label.sizeHint().height() for label in labels)
    assert header.height() <= line + 14, (header.height(), line)
    # Left to right on that line, none over another, all inside the frame.
    for left, right in itertools.pairwise(labels):
        assert left.geometry().right() < right.geometry().left(), (left, right)
        assert left.geometry().top() == right.geometry().top()
    assert labels[-1].geometry().right() <= header.contentsRect().right()
    # Nothing lost: the whole texts in the tooltips.
    info = view.info
    assert info is not None
    assert ui.cycleNameLabel.toolTip() == info.name
    assert ui.pathLabel.toolTip() == str(demo / "demo.jlpanel")
    assert info.rubric.version in ui.rubricLabel.toolTip()
    # The period and counts are whole; at 1366 the cycle's name is too (the path and the
    # rubric give way first).
    for label in (ui.periodLabel, ui.countsLabel):
        assert label.width() >= label.sizeHint().width(), label.text()
    if size == LAPTOP:
        assert ui.cycleNameLabel.text() == info.name
    assert window.minimumSizeHint().width() <= SCALED.width()
