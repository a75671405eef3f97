"""Starting the GUI: the application object, its look and language, logging and the window."""

from __future__ import annotations

import logging
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from jlpanel import APP_NAME, __version__
from jlpanel.gui.common.crash import install_excepthook, setup_logging, shutdown_logging
from jlpanel.gui.common.file_dialogs import FileDialogWording
from jlpanel.gui.common.file_dialogs import install as install_file_dialog_wording
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.settings import ORGANISATION
from jlpanel.gui.common.tasks import run_task
from jlpanel.gui.common.theme import apply_theme

if TYPE_CHECKING:
    from jlpanel.gui.review.review_window import OpenedPackage, ReviewWindow
    from jlpanel.gui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

__all__ = ["MainWindow", "make_app", "run_gui"]

#: An expert's review package (the same as main_window.REVIEW_SUFFIX, without its imports).
REVIEW_SUFFIX = ".jlreview"


def __getattr__(name: str) -> Any:
    """``MainWindow``, imported when first asked for: a review package's window comes first."""
    if name == "MainWindow":
        from jlpanel.gui.shell.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: How long a thread may hold Python's lock while another waits for it, in the window's
#: process (Python's default: 5 ms). The window's painting calls Python (its delegates) many
#: times per frame, and each call waits for the lock while a background read runs Python: on
#: a 2,000-platform store on a server, the open's longest GUI-thread gap was 64-113 ms with
#: 5 ms and 63-73 ms with 1 ms, interleaved runs (issue 16). The reads lose little: they
#: hand the lock over only when the window asks for it.
GUI_SWITCH_INTERVAL_S: Final = 0.001


def make_app(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication (created once, reused after), styled and in ``language``.

    ``language`` None means the saved preference. Tests call this instead of ``run_gui``.
    """
    app = QApplication.instance()
    if app is None:
        # At 150 % everything is 1.5× as large, never rounded to 1× or 2×: Qt 6's default,
        # said explicitly because it only counts before the application exists.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    apply_theme(app)
    if app.findChild(FileDialogWording) is None:
        install_file_dialog_wording(app)
    if language is None:
        from jlpanel.services.preferences import load_preferences

        language = load_preferences().language
    apply_language(language)
    return app


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


class _ReviewFirst(QObject):
    """`jlpanel open PACKAGE.jlreview`: the review window first, the main window behind it.

    The package opens in the background while nothing else is built, and its window is shown
    as soon as it is ready. Only then is the main window (the staff's views: a third of a
    second of imports) built and handed the review window, as if it had opened it. When the
    package cannot be opened, the main window opens it its own way and says why.
    """

    shown = Signal()

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.main: MainWindow | None = None
        self.review: ReviewWindow | None = None

    def start(self) -> None:
        if not self.path.is_file():
            self._fall_back()
            return
        from jlpanel.gui.review.review_window import open_review_package

        run_task(partial(open_review_package, self.path), self._ready, self._failed)

    def _ready(self, opened: OpenedPackage) -> None:
        from jlpanel.gui.review.review_window import ReviewWindow

        self.review = ReviewWindow(opened)
        self.review.show()
        self.review.raise_()
        self.review.activateWindow()
        QTimer.singleShot(0, self._adopt)  # after the first paint

    def _adopt(self) -> None:
        self.shown.emit()  # before the main window's imports
        from jlpanel.gui.shell.main_window import MainWindow

        assert self.review is not None
        self.main = MainWindow()
        self.main.adopt_review(self.path, self.review)

    def _failed(self, exc: BaseException) -> None:
        log.info("opening %s failed (%s); the main window tries", self.path, exc)
        self._fall_back()

    def _fall_back(self) -> None:
        from jlpanel.gui.shell.main_window import MainWindow

        self.main = MainWindow()
        self.main.open_review(self.path)


def _quit_when_shown(app: QApplication, starting: _ReviewFirst | MainWindow) -> None:
    """``--quit-after-start``, for measuring start-up (benchmarks/run.py gui_open, bundle_start).

    Leaves as soon as the first window is on screen — for a review package its review window,
    which appears after the package is opened in the background — writing ``shown`` and the
    processor time spent so far (all threads; a figure a busy machine changes less than the
    wall time) to standard output at that moment.
    """

    def leave() -> None:
        sys.stdout.write(f"shown cpu={time.process_time():.3f}\n")
        sys.stdout.flush()
        app.quit()

    if isinstance(starting, _ReviewFirst):
        starting.shown.connect(leave)
    else:
        QTimer.singleShot(0, leave)


def run_gui(
    target: Path | None = None, language: str | None = None, *, quit_after_start: bool = False
) -> int:
    """Run the GUI on ``target`` or the start page; returns the exit status.

    ``target`` is a cycle workspace (``*.jlpanel``) or an expert's review package
    (``*.jlreview``), which opens in expert mode without the staff's window.
    """
    log_path = setup_logging()
    qInstallMessageHandler(_qt_message)
    app = make_app(language=language)
    install_excepthook()
    starting: _ReviewFirst | MainWindow
    if target is not None and Path(target).suffix.lower() == REVIEW_SUFFIX:
        log.info("jlpanel %s: expert mode on %s; logging to %s", __version__, target, log_path)
        starting = _ReviewFirst(Path(target))
        starting.start()
    else:
        from jlpanel.gui.shell.main_window import MainWindow

        starting = MainWindow()
        starting.show()
        log.info("jlpanel %s: window shown; logging to %s", __version__, log_path)
        if target is not None:
            starting.open_workspace(target)
    try:
        if quit_after_start:
            _quit_when_shown(app, starting)
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        qInstallMessageHandler(None)
        shutdown_logging()
