"""The GUI half of ``jlpanel --selftest``: what a bundle most easily leaves behind.

Qt's platform and image-format plugins, Qt's own Chinese catalogue (standard buttons read
确定/取消), jlpanel's English catalogue, every icon (SVG, so the svg plugin must be there),
the bundled font, the user guide, and the main window opening a real workspace — rendered to
a PNG whose pixels are checked, so a blank window fails. Runs on any platform plugin,
``offscreen`` included; nothing is shown.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from jlpanel.services.selftest import (
    SelftestFailure,
    SelftestStep,
    StepReport,
    Steps,
    check,
)

#: A standard button's text in Qt's own catalogue (确定 in Chinese).
_QT_OK = ("QPlatformTheme", "OK")
#: The main window's 文件 menu: (context, source) of a message in the English catalogue.
_FILE_MENU = ("MainWindow", "文件(&F)")
#: How long the main window may take to open the workspace.
OPEN_TIMEOUT = 60.0


def _distinct_colours(image: QImage, samples: int = 40) -> int:
    """How many different colours a grid of samples across ``image`` finds."""
    seen = set()
    for i in range(samples):
        for j in range(samples):
            x = (image.width() - 1) * i // (samples - 1)
            y = (image.height() - 1) * j // (samples - 1)
            seen.add(image.pixel(x, y))
    return len(seen)


def run_gui_selftest(
    workspace: Path, folder: Path, report: StepReport | None = None
) -> list[SelftestStep]:
    """Check Qt, translations, icons, font, guide and the main window on ``workspace``."""
    from jlpanel.gui.common.about_dialog import (
        FONT_LICENSE_FILE,
        JLPANEL_LICENSE_FILE,
        THIRD_PARTY_FILE,
        UNKNOWN,
        distribution_version,
    )
    from jlpanel.gui.common.help_window import guide_folder
    from jlpanel.gui.common.i18n import apply_language
    from jlpanel.gui.common.theme import ICONS_DIR
    from jlpanel.gui.shell.app import make_app
    from jlpanel.reports.fonts import FONT_FILE

    steps = Steps(report)
    with steps.step("qt") as detail:
        app = make_app(language="zh")
        ok = QCoreApplication.translate(*_QT_OK)
        check(ok == "确定", f"qt: Qt's Chinese catalogue not loaded (OK reads {ok!r})")
        detail.append(f"platform {app.platformName()}, Qt's Chinese catalogue loaded")

    with steps.step("english") as detail:
        apply_language("en")
        try:
            # A message the main window uses, looked up by name so lupdate does not take
            # this call for another place the message appears.
            english = QCoreApplication.translate(*_FILE_MENU)
        finally:
            apply_language("zh")
        check(english == "&File", f"english: the English catalogue is missing ({english!r})")
        detail.append("jlpanel_en.qm loaded")

    with steps.step("icons") as detail:
        svgs = sorted(ICONS_DIR.glob("*.svg"))
        check(bool(svgs), f"icons: none in {ICONS_DIR}")
        blank = [p.name for p in svgs if QImage(str(p)).isNull()]
        check(not blank, f"icons: cannot render {blank} (Qt's svg plugin missing?)")
        detail.append(f"{len(svgs)} SVG icons render")

    with steps.step("font") as detail:
        font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
        check(font_id != -1, f"font: Qt cannot load {FONT_FILE}")
        detail.append(", ".join(QFontDatabase.applicationFontFamilies(font_id)))

    with steps.step("guide") as detail:
        guide = guide_folder()
        if guide is None:
            raise SelftestFailure("guide: the user guide (docs/guide) is not installed")
        pages = sorted(guide.glob("*/index.md"))
        check(len(pages) >= 2, f"guide: {guide} lacks zh/index.md and en/index.md")
        images = len(list(guide.glob("images/*/*.png")))
        licences = (JLPANEL_LICENSE_FILE, FONT_LICENSE_FILE, THIRD_PARTY_FILE)
        absent = [p.name for p in licences if not p.is_file()]
        check(not absent, f"guide: licence texts missing: {absent}")
        qt_binding = distribution_version("PySide6_Essentials")
        check(qt_binding != UNKNOWN, "guide: package metadata missing (About shows no versions)")
        detail.append(f"{len(pages)} languages, {images} pictures; licences; PySide6 {qt_binding}")

    with steps.step("window") as detail:
        detail.append(_open_main_window(app, workspace, folder))
    return steps.done


def _open_main_window(app: QApplication, workspace: Path, folder: Path) -> str:
    """Open ``workspace`` in a main window, render it to a PNG and check it is not blank."""
    from jlpanel.gui.shell.main_window import MainWindow

    window = MainWindow()
    failures: list[str] = []
    opened: list[Path] = []
    window.workspace_opened.connect(opened.append)
    window.task_failed.connect(failures.append)

    def close_modal() -> None:
        # A dialog opened by a failure would wait for a click nobody makes.
        modal = QApplication.activeModalWidget()
        if modal is not None:
            if isinstance(modal, QMessageBox):
                failures.append(modal.text())
            modal.close()

    closer = QTimer()
    closer.timeout.connect(close_modal)
    closer.start(200)
    try:
        window.resize(1366, 768)
        window.open_workspace(workspace)
        deadline = time.monotonic() + OPEN_TIMEOUT
        while not opened and not failures and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        check(not failures, f"window: opening {workspace.name} failed: {failures}")
        check(bool(opened), f"window: {workspace.name} not open after {OPEN_TIMEOUT:.0f} s")
        app.processEvents()
        shot = folder / "main-window.png"
        image = window.grab().toImage()
        check(image.save(str(shot)), f"window: cannot save {shot}")
        colours = _distinct_colours(image)
        check(colours >= 8, f"window: the rendered window looks blank ({colours} colours)")
        return f"{workspace.name} open, {image.width()}×{image.height()} rendered ({shot.name})"
    finally:
        closer.stop()
        window.close()
        window.deleteLater()
        app.processEvents()
