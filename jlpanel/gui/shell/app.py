"""Starting the GUI: the application object, its look and language, logging and the window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from jlpanel import APP_NAME, __version__
from jlpanel.gui.common.crash import install_excepthook, setup_logging, shutdown_logging
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.settings import ORGANISATION
from jlpanel.gui.common.theme import apply_theme
from jlpanel.gui.shell.main_window import REVIEW_SUFFIX, MainWindow

log = logging.getLogger(__name__)

__all__ = ["MainWindow", "make_app", "run_gui"]


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
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    apply_theme(app)
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


def _quit_when_shown(app: QApplication, window: MainWindow, *, review: bool) -> None:
    """``--quit-after-start``, for measuring start-up (benchmarks/run.py gui_open, bundle_start).

    Leaves as soon as the first window is on screen — for a review package its review window,
    which appears after the package is opened in the background — writing ``shown`` to
    standard output at that moment.
    """

    def shown() -> None:
        sys.stdout.write("shown\n")
        sys.stdout.flush()
        app.quit()

    if review:  # after the review window's first paint
        window.review_opened.connect(lambda _window: QTimer.singleShot(0, shown))
    else:
        QTimer.singleShot(0, shown)


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
    window = MainWindow()
    review = target is not None and Path(target).suffix.lower() == REVIEW_SUFFIX
    if target is not None and review:
        log.info("jlpanel %s: expert mode on %s; logging to %s", __version__, target, log_path)
        window.open_review(Path(target))
    else:
        window.show()
        log.info("jlpanel %s: window shown; logging to %s", __version__, log_path)
        if target is not None:
            window.open_workspace(target)
    try:
        if quit_after_start:
            _quit_when_shown(app, window, review=review)
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        qInstallMessageHandler(None)
        shutdown_logging()
