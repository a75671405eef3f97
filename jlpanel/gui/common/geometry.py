"""Window sizes that fit the screen: a first-run size, and saved geometry kept on a screen.

A geometry saved on a big monitor must not open a window off-screen or taller than a
1366×768 laptop's screen; the first run takes at most a share of the available area.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from jlpanel.gui.common.settings import app_settings

#: The share of the available screen a window takes on its first run.
FIRST_RUN_SHARE = 0.9


def _screen_for(widget: QWidget, point: QPoint | None = None) -> QScreen | None:
    if point is not None:
        found = QGuiApplication.screenAt(point)
        if found is not None:
            return found
    return widget.screen() or QGuiApplication.primaryScreen()


def available_geometry(widget: QWidget) -> QRect | None:
    """The usable area (without taskbars) of the screen ``widget`` is on, or the primary's."""
    screen = _screen_for(widget)
    return screen.availableGeometry() if screen is not None else None


def first_run_size(preferred: QSize, available: QRect, share: float = FIRST_RUN_SHARE) -> QSize:
    """``preferred``, shrunk to at most ``share`` of ``available`` in each direction."""
    return QSize(
        min(preferred.width(), int(available.width() * share)),
        min(preferred.height(), int(available.height() * share)),
    )


def fit_into(rect: QRect, available: QRect) -> QRect:
    """``rect`` made no larger than ``available`` and moved (not resized further) inside it."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    left = min(max(rect.left(), available.left()), available.right() + 1 - width)
    top = min(max(rect.top(), available.top()), available.bottom() + 1 - height)
    return QRect(left, top, width, height)


def _frame_extra(window: QWidget) -> QSize:
    """What the window frame adds to the client size (estimated before the first show)."""
    extra = window.frameGeometry().size() - window.geometry().size()
    if extra.height() > 0:
        return extra
    # Not shown yet: the system has not said; a title bar is about two lines of text.
    return QSize(8, 2 * window.fontMetrics().height() + 8)


def place_first_run(window: QWidget, preferred: QSize) -> None:
    """Size ``window`` for a first run: ``preferred`` or less, centred on its screen."""
    available = available_geometry(window)
    if available is None:
        window.resize(preferred)
        return
    extra = _frame_extra(window)
    size = first_run_size(preferred, available)
    size = size.expandedTo(window.minimumSize()).boundedTo(available.size() - extra)
    window.resize(size)
    frame = size + extra
    window.move(available.center() - QPoint(frame.width() // 2, frame.height() // 2))


def keep_on_screen(window: QWidget) -> None:
    """Bring ``window`` (its frame included) back onto the available area of a screen.

    The screen is the one under the window's centre, or the primary screen when the centre
    is on none; a window larger than that screen is shrunk to fit. A maximized or
    full-screen window is left to the system.
    """
    if window.isMaximized() or window.isFullScreen():
        return
    extra = _frame_extra(window)
    frame = QRect(window.pos(), window.size() + extra)
    screen = _screen_for(window, frame.center())
    if screen is None:
        return
    fitted = fit_into(frame, screen.availableGeometry())
    if fitted != frame:
        window.resize(fitted.size() - extra)
        window.move(fitted.topLeft())


def restore_window_geometry(window: QWidget, key: str, preferred: QSize) -> bool:
    """Restore the geometry saved under ``key`` kept on a screen, else a first-run size.

    Returns whether a saved geometry was used.
    """
    saved = app_settings().value(key)
    if isinstance(saved, QByteArray) and not saved.isEmpty() and window.restoreGeometry(saved):
        keep_on_screen(window)
        return True
    place_first_run(window, preferred)
    return False


def resize_to_fit(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or less where its screen is smaller: a
    dialog never opens taller or wider than a 1366×768 laptop at 150 % (911×512)."""
    available = available_geometry(window)
    size = QSize(width, height)
    if available is not None:
        size = size.boundedTo(available.size() - _frame_extra(window))
    window.resize(size.expandedTo(window.minimumSizeHint().boundedTo(size)))
