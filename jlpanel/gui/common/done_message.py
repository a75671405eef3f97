"""The message at the end of confirming, exporting and writing reports: what was done, with
打开文件 / 打开文件夹 / 关闭, so the user goes straight to what was made instead of hunting for
the path in a status-bar line.

The message is not modal: it waits beside the window until the user opens or closes it, and
nothing else is blocked meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QPushButton, QWidget

from jlpanel.gui.common.i18n import translate

#: The message's object name (tests and the guide's pictures find it by this).
OBJECT_NAME = "doneMessage"


def open_url(url: QUrl) -> bool:
    """Open a file or folder with the system's program for it (tests replace this)."""
    return QDesktopServices.openUrl(url)


def open_path(path: Path) -> bool:
    """Open ``path`` (a file, or a folder in the file manager)."""
    return open_url(QUrl.fromLocalFile(str(path)))


def show_done(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    file: Path | None = None,
    folder: Path | None = None,
    details: str = "",
) -> QMessageBox:
    """Say ``text`` and offer 打开文件 (when there is a ``file``), 打开文件夹 (``folder``, or
    the file's) and 关闭; returns the message, already shown."""
    folder = folder if folder is not None else (file.parent if file is not None else None)
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName(OBJECT_NAME)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.NonModal)
    if details:
        box.setInformativeText(details)
    targets: dict[QAbstractButton, Path] = {}
    first: QPushButton | None = None
    if file is not None:
        button = box.addButton(
            translate("DoneMessage", "打开文件(&F)"), QMessageBox.ButtonRole.ActionRole
        )
        targets[button] = file
        first = button
    if folder is not None:
        button = box.addButton(
            translate("DoneMessage", "打开文件夹(&O)"), QMessageBox.ButtonRole.ActionRole
        )
        targets[button] = folder
        first = first or button
    close = box.addButton(translate("DoneMessage", "关闭"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(close)
    box.setDefaultButton(first or close)

    def clicked(button: QAbstractButton) -> None:
        target = targets.get(button)
        if target is not None:
            open_path(target)

    box.buttonClicked.connect(clicked)
    box.show()
    return box
