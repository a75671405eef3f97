"""Qt's file dialogs speak the UI's language (issue 14, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from jlpanel.gui.common.file_dialogs import install
from jlpanel.gui.common.i18n import apply_language

LABEL = QFileDialog.DialogLabel


@pytest.fixture
def wording(qapp: QApplication):
    filter_ = install(qapp)
    yield filter_
    qapp.removeEventFilter(filter_)
    filter_.setParent(None)
    apply_language("zh")


@pytest.mark.parametrize(
    ("language", "look_in", "file_type", "folder"),
    [("zh", "查找范围：", "文件类型：", "文件夹"), ("en", "Look in:", "Files of type:", "Folder")],
)
def test_a_shown_file_dialog_is_worded_in_the_ui_language(
    qtbot, wording, tmp_path: Path, language: str, look_in: str, file_type: str, folder: str
) -> None:
    apply_language(language)
    (tmp_path / "子文件夹").mkdir()
    dialog = QFileDialog(None, "选择", str(tmp_path), "工作区 (*.jlpanel)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.labelText(LABEL.LookIn) == look_in
    assert dialog.labelText(LABEL.FileType) == file_type
    assert dialog.iconProvider().type(QFileInfo(str(tmp_path / "子文件夹"))) == folder


def test_the_static_dialogs_the_windows_call_are_worded_too(qtbot, wording, tmp_path) -> None:
    """``QFileDialog.getOpenFileName`` builds its own dialog; the filter reaches it as well."""
    apply_language("zh")
    seen: dict[str, str] = {}

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QFileDialog) and widget.isVisible():
                seen["look_in"] = widget.labelText(LABEL.LookIn)
                seen["file_type"] = widget.labelText(LABEL.FileType)
                widget.reject()

    QTimer.singleShot(300, look)
    QFileDialog.getOpenFileName(
        None, "选择", str(tmp_path), options=QFileDialog.Option.DontUseNativeDialog
    )
    assert seen == {"look_in": "查找范围：", "file_type": "文件类型："}
