"""Grab PNGs of every screen of the GUI, to look at before calling a screen done.

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py [OUT_DIR]

Runs the real app on the current display with settings, logs, a fresh workspace and the demo
cycle (``jlpanel demo``) in a temporary folder, and writes ``<size>-<screen>.png`` (1366×768
and 1920×1080) into OUT_DIR (default ./screenshots, which git ignores).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from jlpanel.gui.main_window import MainWindow
    from jlpanel.services.demo import DemoSummary

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


def _import_files(demo: DemoSummary, folder: Path) -> list[Path]:
    """Files for the import dialog: one new, one already imported, two refused."""
    from jlpanel.exchange.dossier_reader import read_dossier
    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    folder.mkdir(parents=True)
    sources = sorted(demo.dossiers, key=lambda p: p.name)
    files: list[Path] = []

    def copy_with_attachments(source: Path, target: Path) -> None:
        attachments = source.with_suffix("")
        if attachments.is_dir():
            shutil.copytree(attachments, target.with_suffix(""))

    # A platform not in the demo: a demo dossier under another name and filing number.
    read = read_dossier(sources[0])
    assert read.dossier is not None
    new = folder / "吉林省新材料中试验证平台.xlsx"
    basic = dataclasses.replace(
        read.dossier.basic, name="吉林省新材料中试验证平台", filing_no="JLKJ-2025-031"
    )
    write_dossier_workbook(new, dataclasses.replace(read.dossier, basic=basic))
    copy_with_attachments(sources[0], new)
    files.append(new)

    # A dossier imported already (已存在).
    again = folder / sources[1].name
    shutil.copyfile(sources[1], again)
    copy_with_attachments(sources[1], again)
    files.append(again)

    # A workbook with mistakes a host unit makes: every one is listed with its fix.
    read = read_dossier(sources[2])
    assert read.dossier is not None
    dossier = read.dossier
    services = list(dossier.services)
    services[0] = dataclasses.replace(services[0], fee_yuan=-200.0, satisfaction=7)
    services[1] = dataclasses.replace(services[1], user_type="大学", nature="部分有偿")
    services[2] = dataclasses.replace(services[2], service_date=dt.date(2031, 3, 1))
    bad = folder / "吉林省现代农业装备检测平台.xlsx"
    write_dossier_workbook(
        bad,
        dataclasses.replace(
            dossier,
            basic=dataclasses.replace(
                dossier.basic, name="吉林省现代农业装备检测平台", filing_no=""
            ),
            services=tuple(services),
        ),
    )
    copy_with_attachments(sources[2], bad)
    files.append(bad)

    # A CSV export someone renamed to .xlsx.
    renamed = folder / "吉林省冰雪装备检测平台.xlsx"
    renamed.write_text("平台名称,备案编号\n吉林省冰雪装备检测平台,JLKJ-2025-040\n", "utf-8")
    files.append(renamed)
    return files


def _shoot(folder: Path, out: Path) -> list[Path]:
    from PySide6.QtCore import QThreadPool

    from jlpanel.gui.app import MainWindow, make_app
    from jlpanel.gui.tasks import pending_tasks
    from jlpanel.services.demo import build_demo

    app = make_app(language="zh")
    written: list[Path] = []

    def settle() -> None:
        QThreadPool.globalInstance().waitForDone()
        while pending_tasks():
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    demo = build_demo(folder / "演示")
    extra_files = _import_files(demo, folder / "待导入")

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

        _shoot_platforms(window, demo, extra_files, folder / size, size, settle, save)

    window.close()
    app.processEvents()
    return written


def _shoot_platforms(
    window: MainWindow,
    demo: DemoSummary,
    extra_files: list[Path],
    folder: Path,
    size: str,
    settle: Callable[[], None],
    save: Callable[[QWidget, str], None],
) -> None:
    """The demo cycle: platform list, dossier browser, import dialog (in both languages)."""
    folder.mkdir()
    workspace = folder / demo.workspace.name
    shutil.copyfile(demo.workspace, workspace)
    window.open_workspace(workspace)
    settle()
    view = window.workspace_view
    listing = view.platform_list
    save(window, f"{size}-platforms")

    # The platform with the most warnings, so the 提示 tab has something to show.
    platforms = listing.model.platforms()
    chosen = max(platforms, key=lambda p: (p.warnings, p.metrics.get("service_count") or 0))
    view.open_platform(chosen.id, tab="services")
    settle()
    save(window, f"{size}-dossier-services")
    for tab in ("metrics", "warnings", "overview", "attachments"):
        view.dossier_view.select_tab(tab)
        settle()
        save(window, f"{size}-dossier-{tab}")
    view.show_list()
    listing.ui.searchEdit.setText("种质")
    listing.ui.warningFilterCombo.setCurrentIndex(0)
    save(window, f"{size}-platforms-search")
    listing.ui.searchEdit.clear()

    window.import_dossiers()
    dialog = window.import_dialog
    assert dialog is not None
    dialog.add_paths(extra_files)
    save(dialog, f"{size}-import-files")
    dialog.start()
    settle()
    refused = next(
        row
        for row, outcome in enumerate(dialog.results_model.outcomes())
        if outcome.status.value == "refused"
    )
    dialog.select_result(refused)
    save(dialog, f"{size}-import-results")
    window.set_language("en")
    save(dialog, f"{size}-import-results-en")
    dialog.reject()
    settle()
    save(window, f"{size}-platforms-en")
    view.open_platform(chosen.id, tab="metrics")
    settle()
    save(window, f"{size}-dossier-metrics-en")
    view.dossier_view.select_tab("warnings")
    save(window, f"{size}-dossier-warnings-en")
    window.set_language("zh")
    window.close_workspace()
    settle()


if __name__ == "__main__":
    sys.exit(main())
