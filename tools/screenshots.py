"""Grab PNGs of every screen of the GUI, to look at before calling a screen done.

    xvfb-run -a -s "-screen 0 1366x768x24" python tools/screenshots.py [OUT_DIR]

Runs the real app on the current display with settings, logs and a fresh workspace in a
temporary folder, and writes ``<size>-<screen>.png`` (1366×768 and 1920×1080) into OUT_DIR
(default ./screenshots, which git ignores).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SIZES = ((1366, 768), (1920, 1080))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="screenshots", help="folder for the PNGs")
    args = parser.parse_args(argv)
    out = Path(args.out).absolute()
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="jlpanel-shots-") as tmp:
        folder = Path(tmp)
        os.environ["JLPANEL_CONFIG_DIR"] = str(folder / "config")
        os.environ["JLPANEL_DATA_DIR"] = str(folder / "data")
        written = _shoot(folder, out)
    for path in written:
        print(path)
    return 0


def _shoot(folder: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QWidget

    from jlpanel.gui.app import MainWindow, make_app
    from jlpanel.gui.tasks import pending_tasks

    app = make_app(language="zh")
    written: list[Path] = []

    def settle() -> None:
        QThreadPool.globalInstance().waitForDone()
        while pending_tasks():
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    workspaces = folder / "工作区"
    workspaces.mkdir()
    window = MainWindow()
    window.recent.add(workspaces / "2024年度考核评价.jlpanel")  # gone: shown greyed
    target = workspaces / "2026年度考核评价.jlpanel"

    for width, height in SIZES:
        size = f"{width}x{height}"
        window.resize(width, height)
        window.show()
        window.start_page.refresh()
        save(window, f"{size}-start")

        window.new_workspace()
        dialog = window.new_dialog
        assert dialog is not None
        dialog.ui.pathEdit.setText(str(target))
        save(dialog, f"{size}-new-dialog")
        if not target.exists():
            dialog.ok_button.click()
            settle()
        else:
            dialog.reject()
            window.open_workspace(target)
            settle()
        if window.new_dialog is not None:  # the create failed: show why and stop
            sys.exit(f"could not create the workspace: {dialog.ui.errorText.toPlainText()}")

        view = window.workspace_view
        view.select_code("A1")
        view.ui.rubricTree.setFocus()
        save(window, f"{size}-workspace-A1")
        view.select_code("fraud")
        save(window, f"{size}-workspace-veto")
        view.ui.tabs.setCurrentWidget(view.ui.rulesTab)
        save(window, f"{size}-workspace-rules")
        view.ui.tabs.setCurrentWidget(view.ui.rubricTab)

        window.set_language("en")
        view.select_code("A1")
        save(window, f"{size}-workspace-A1-en")
        view.ui.tabs.setCurrentWidget(view.ui.rulesTab)
        save(window, f"{size}-workspace-rules-en")
        view.ui.tabs.setCurrentWidget(view.ui.rubricTab)
        window.close_workspace()
        save(window, f"{size}-start-en")
        window.set_language("zh")
        window.close_workspace()

    window.close()
    app.processEvents()
    return written


if __name__ == "__main__":
    sys.exit(main())
