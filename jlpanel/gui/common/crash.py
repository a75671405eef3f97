"""Errors in the GUI: a user's mistake gets a message, a bug gets the crash dialog.

The split follows qutebrowser: :class:`~jlpanel.services.errors.UserError` is something the
user can fix and is shown as a warning in their language; anything else is a bug, logged
with its traceback to the rotating log file and reported in a dialog that names that file.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.services.errors import UserError
from jlpanel.services.preferences import log_dir

log = logging.getLogger(__name__)

LOG_NAME = "jlpanel.log"
LOG_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class _LogState:
    handler: logging.handlers.RotatingFileHandler | None = None
    showing_crash = False


def log_file() -> Path:
    """The file the GUI logs to."""
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the log folder; returns the file. Safe to call again."""
    path = log_file()
    old = _LogState.handler
    if old is not None and Path(old.baseFilename) == path.absolute():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    if old is not None:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    _LogState.handler = handler
    return path


def shutdown_logging() -> None:
    """Detach and close the log file (the end of a GUI session, and tests)."""
    handler = _LogState.handler
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
        _LogState.handler = None


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """A problem the user can fix, as a warning in the UI language."""
    log.info("refused: %s", error.message("en"))
    QMessageBox.warning(
        _parent(parent),
        translate("Errors", "无法完成操作"),
        error.message(current_language()),
    )


def crash_message(exc: BaseException, log_path: Path) -> str:
    """The crash dialog's text: what happened, where the details are, that work is safe."""
    return translate(
        "Errors",
        "程序出现了一个错误，当前操作未能完成。\n\n{error}\n\n"
        "详细信息已写入日志文件：\n{log}\n\n"
        "请将该文件发送给技术支持人员。已保存在工作区中的内容不受影响。",
    ).format(error=f"{type(exc).__name__}: {exc}", log=log_path)


def handle_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    parent: QWidget | None = None,
) -> None:
    """``sys.excepthook`` for the GUI: a warning for a UserError, the crash dialog for a bug."""
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(exc, UserError):
        show_user_error(parent, exc)
        return
    log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is None:  # too early (or too late) for a dialog
        sys.__excepthook__(exc_type, exc, tb)
        return
    if _LogState.showing_crash:  # a bug while the dialog is up: logged, not stacked
        return
    _LogState.showing_crash = True
    try:
        QMessageBox.critical(
            _parent(parent),
            translate("Errors", "程序错误"),
            crash_message(exc, log_file()),
        )
    finally:
        _LogState.showing_crash = False


def report_exception(exc: BaseException, parent: QWidget | None = None) -> None:
    """Route an exception caught elsewhere (e.g. from a worker thread) to the handler."""
    handle_exception(type(exc), exc, exc.__traceback__, parent)


def install_excepthook() -> None:
    """Send every uncaught exception on the GUI thread to :func:`handle_exception`."""
    sys.excepthook = handle_exception


def show_failure(parent: QWidget, exc: BaseException, *, write_errors: bool = False) -> str:
    """Show why a task or an action failed and return the message: a user's fault in their
    language, a file that could not be written (with ``write_errors``) likewise, a bug in the
    crash dialog."""
    if isinstance(exc, UserError):
        show_user_error(parent, exc)
        return exc.message(current_language())
    if write_errors and isinstance(exc, OSError):
        message = translate("TaskDialog", "无法写入文件：\n{error}").format(error=exc)
        show_user_error(parent, UserError(message, message))
        return message
    report_exception(exc, parent)
    return str(exc)
