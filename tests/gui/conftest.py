"""Fixtures for the GUI tests: isolated settings, a window, a real workspace, no modal boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from jlpanel.gui.app import MainWindow, make_app
from jlpanel.gui.i18n import apply_language
from jlpanel.gui.tasks import pending_tasks


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Preferences, QSettings, logs and backups of every GUI test live in its tmp_path."""
    config = tmp_path / "config"
    data = tmp_path / "data"
    monkeypatch.setenv("JLPANEL_CONFIG_DIR", str(config))
    monkeypatch.setenv("JLPANEL_DATA_DIR", str(data))
    return config, data


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The styled application in Chinese; back to Chinese afterwards."""
    application = make_app(language="zh")
    yield application
    apply_language("zh")


@dataclass
class Shown:
    """A message box the code asked for."""

    kind: str
    title: str
    text: str


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Record QMessageBox.warning/critical/information/about instead of blocking on them."""
    shown: list[Shown] = []

    def recorder(kind: str) -> Any:
        def show(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> Any:
            shown.append(Shown(kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "about", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return shown


@pytest.fixture
def window(app: QApplication, qtbot: Any, message_boxes: list[Shown]) -> Iterator[MainWindow]:
    """The main window, shown, on the start page."""
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    if main.workspace is not None:
        main.workspace.close()
        main.workspace = None


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Make the Save dialog answer ``tmp_path / "cycle"`` (no extension: the dialog adds it)."""
    answer = tmp_path / "files" / "cycle"
    answer.parent.mkdir(parents=True, exist_ok=True)

    def get_save_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(answer), "jlpanel (*.jlpanel)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answer


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    """A real workspace made with the same service the GUI uses."""
    from jlpanel.services.workspace import create_workspace

    path = tmp_path / "files" / "2025年度.jlpanel"
    path.parent.mkdir(parents=True, exist_ok=True)
    with create_workspace(
        path,
        "2025年度考核评价",
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2024, 12, 31),
    ):
        pass
    return path
