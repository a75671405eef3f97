"""The demo cycle of the start page: built once in the user's data folder, then opened.

Building takes about half a minute, so it runs off the GUI thread behind a small progress
dialog. ``build_demo`` reports each step through its progress callback and removes what it
made when anything goes wrong, so cancelling raises from that callback: the build stops
when the current step is done and leaves no half-built demo behind.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import plain_buttons, set_muted

if TYPE_CHECKING:
    from jlpanel.services.demo import DemoSummary

log = logging.getLogger(__name__)

#: The demo's folder under the user's data folder.
DEMO_FOLDER_NAME = "demo"


class DemoCancelled(Exception):
    """The user stopped the build; nothing of it is left."""


def demo_folder() -> Path:
    """Where the demo cycle lives: ``<data folder>/demo``."""
    from jlpanel.services.preferences import data_dir

    return data_dir() / DEMO_FOLDER_NAME


def demo_workspace(folder: Path | None = None) -> Path:
    """The demo's workspace file in ``folder`` (the user's demo folder by default)."""
    from jlpanel.services.demo import WORKSPACE_NAME

    return (folder if folder is not None else demo_folder()) / WORKSPACE_NAME


def step_text(message: str) -> str:
    """One of ``build_demo``'s step messages (Chinese) in the interface language."""
    fixed = {
        "写入专家名单": translate("DemoBuild", "写入专家名单"),
        "创建工作区": translate("DemoBuild", "创建工作区"),
        "导入专家名单、分配专家并发放评审包": translate(
            "DemoBuild", "导入专家名单、分配专家并发放评审包"
        ),
        "模拟专家评分并提交评分文件": translate("DemoBuild", "模拟专家评分并提交评分文件"),
        "完成": translate("DemoBuild", "完成"),
    }
    if message in fixed:
        return fixed[message]
    if message.startswith("生成 "):
        return translate("DemoBuild", "生成 {name}").format(name=message[3:])
    if message.startswith("导入 "):
        return translate("DemoBuild", "导入 {name}").format(name=message[3:])
    if message.startswith("模拟专家评分："):
        expert = message.removeprefix("模拟专家评分：")
        return translate("DemoBuild", "模拟专家评分：{name}").format(name=expert)
    return message


class _StepRelay(QObject):
    """Lives in the main thread; the worker's step signals queue onto the dialog there."""

    step = Signal(int, int, str)


def _build(folder: Path, stop: threading.Event, relay: _StepRelay) -> DemoSummary:
    from jlpanel.services.demo import build_demo

    def progress(done: int, total: int, message: str) -> None:
        # The last report comes after the build is complete: too late to stop it.
        if stop.is_set() and done < total:
            raise DemoCancelled
        relay.step.emit(done, total, message)

    return build_demo(folder, progress=progress)


class DemoBuildDialog(QDialog):
    """Builds the demo in ``folder`` while showing its steps; Cancel (or Esc) stops it.

    Emits ``built`` with the DemoSummary, ``failed`` with the exception, or ``cancelled``;
    then closes itself.
    """

    built = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DemoBuildDialog")
        self.folder = folder
        self._stop = threading.Event()
        self._relay = _StepRelay(self)
        self._relay.step.connect(self._on_step)
        self._running = False
        self.setWindowTitle(translate("DemoBuild", "正在生成演示考核周期"))
        self.setWindowModality(Qt.WindowModality.WindowModal)

        layout = QVBoxLayout(self)
        self.intro_label = QLabel(
            translate(
                "DemoBuild",
                "第一次打开时先生成演示数据，大约需要半分钟。生成的文件保存在：\n{folder}",
            ).format(folder=folder),
            self,
        )
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_label = QLabel(translate("DemoBuild", "准备中…"), self)
        self.step_label.setWordWrap(True)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 0)
        self.note_label = QLabel("", self)
        self.note_label.setWordWrap(True)
        self.note_label.hide()
        set_muted(self.note_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        plain_buttons(self.buttons)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        width = self.fontMetrics().horizontalAdvance("模") * 34
        self.setMinimumWidth(width)

    @property
    def cancel_button(self) -> QWidget:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button

    def start(self) -> None:
        """Show the dialog and begin building in the background."""
        self._running = True
        self.open()
        run_task(
            partial(_build, self.folder, self._stop, self._relay),
            self._on_built,
            self._on_failed,
        )

    def _on_step(self, done: int, total: int, message: str) -> None:
        if self._stop.is_set():
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.step_label.setText(
            translate("DemoBuild", "第 {done}/{total} 步：{step}").format(
                done=min(done + 1, total), total=total, step=step_text(message)
            )
        )

    def reject(self) -> None:
        """Cancel or Esc while building: stop after the current step (the dialog stays)."""
        if not self._running:
            super().reject()
            return
        if self._stop.is_set():
            return
        self._stop.set()
        self.cancel_button.setEnabled(False)
        self.note_label.setText(
            translate("DemoBuild", "正在停止：等当前一步做完，再删除已生成的文件…")
        )
        self.note_label.show()

    def _finish(self) -> None:
        self._running = False
        self.done(QDialog.DialogCode.Rejected)

    def _on_built(self, summary: DemoSummary) -> None:
        self._finish()
        log.info("demo built in %s", summary.folder)
        self.built.emit(summary)

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, DemoCancelled):
            log.info("demo build cancelled; %s left as it was", self.folder)
            self.cancelled.emit()
        else:
            self.failed.emit(exc)
