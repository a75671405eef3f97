"""Opening a damaged workspace in the window: a message naming the newest good backup, an offer
to restore it, no traceback, and the damaged file left as it was (issue 13, item 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from damage import backup_files, damage, filled_workspace, quick_check, sha256
from PySide6.QtWidgets import QMessageBox

from jlpanel.gui.shell.app import MainWindow
from jlpanel.services.preferences import load_preferences
from jlpanel.services.workspace import open_workspace


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path]:
    """A workspace opened once (so it has a good backup), then damaged: (file, backup)."""
    path = filled_workspace(tmp_path / "周期" / "2026年度.jlpanel")
    open_workspace(path).close()
    (good,) = backup_files(load_preferences().backup_folder())
    damage(path)
    return path, good


def test_a_damaged_workspace_offers_its_backup_and_restores_it(
    window: MainWindow, qtbot: Any, damaged: tuple[Path, Path], message_boxes: list[Any]
) -> None:
    path, good = damaged
    before = sha256(path)

    with qtbot.waitSignals([window.task_failed, window.workspace_opened], timeout=30_000):
        window.open_workspace(path)  # the question is answered Yes (see conftest)

    assert [m.kind for m in message_boxes] == ["question", "information"]
    offer = message_boxes[0]
    assert offer.title == "工作区已损坏"
    assert "工作区文件已损坏" in offer.text and str(path) in offer.text
    assert str(good) in offer.text and "打开时" in offer.text and "已校验" in offer.text
    (copy,) = path.parent.glob("2026年度.jlpanel.damaged-*")
    assert sha256(copy) == before
    assert str(copy) in message_boxes[1].text
    assert window.workspace is not None and window.workspace.path == path
    assert window.stack.currentWidget() is window.workspace_view
    assert quick_check(path) == ["ok"]


def test_declining_the_offer_leaves_everything_as_it_was(
    window: MainWindow,
    qtbot: Any,
    damaged: tuple[Path, Path],
    message_boxes: list[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, good = damaged
    before, taken = sha256(path), backup_files(load_preferences().backup_folder())
    asked: list[str] = []

    def decline(_parent: object, _title: str, text: str, *_args: object) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(decline))

    with qtbot.waitSignal(window.task_failed, timeout=10_000) as failed:
        window.open_workspace(path)

    assert len(asked) == 1 and str(good) in asked[0]
    assert "工作区文件已损坏" in failed.args[0]
    assert [m.kind for m in message_boxes] == []  # neither a crash dialog nor a second box
    assert window.workspace is None and not window.busy
    assert window.stack.currentWidget() is window.start_page
    assert "已损坏，未打开" in window.statusBar().currentMessage()
    assert sha256(path) == before
    assert backup_files(load_preferences().backup_folder()) == taken
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "2026年度-rubric.json",
        "2026年度.jlpanel",
    ]


def test_a_damaged_workspace_without_a_backup_is_a_warning(
    window: MainWindow, qtbot: Any, tmp_path: Path, message_boxes: list[Any]
) -> None:
    path = filled_workspace(tmp_path / "2026年度.jlpanel")
    damage(path)

    with qtbot.waitSignal(window.task_failed, timeout=10_000):
        window.open_workspace(path)

    assert [m.kind for m in message_boxes] == ["warning"]
    assert "没有本考核周期校验通过的备份" in message_boxes[0].text
    assert window.workspace is None and not window.busy
