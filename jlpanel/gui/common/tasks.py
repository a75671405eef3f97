"""Run slow work off the GUI thread and deliver its outcome back on it.

One small helper in the spirit of Picard's ``run_task`` and Anki's ``QueryOp``: the work is
a callable over plain data that never touches a widget; its result or its exception comes
back to the main thread through a queued signal and is handed to a callback there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Tasks started and not yet delivered; holding them keeps their relays alive.
_pending: set[_Relay[Any]] = set()


class _Relay(QObject, Generic[T]):
    """Lives in the main thread; the worker's signals queue onto its slots there."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        on_success: Callable[[T], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_error = on_error
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: T) -> None:
        _pending.discard(self)
        self._on_success(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        _pending.discard(self)
        self._on_error(exc)


class _Work(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay[Any]) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # every failure goes back to the main thread
            log.debug("background task failed", exc_info=True)
            self._send("failed", exc)
        else:
            self._send("succeeded", result)

    def _send(self, signal: str, outcome: object) -> None:
        """Queue the outcome to the main thread, unless the relay is gone: the application
        quit while this ran (``--quit-after-start`` on a large store), and nobody waits."""
        if not shiboken6.isValid(self._relay):
            log.info("a background task ended after the application quit; its outcome dropped")
            return
        try:
            getattr(self._relay, signal).emit(outcome)
        except RuntimeError:  # deleted between the check and the emit
            log.info("a background task ended after the application quit; its outcome dropped")


class ProgressRelay(QObject):
    """Carries a worker's progress to its dialog; the signal is emitted on the worker thread.

    Made in the main thread (the dialog's child), so connected slots run there.
    """

    #: (items done, items in all, name of the item about to be done; "" at the end)
    progressed = Signal(int, int, str)

    def report(self, cancel: threading.Event, done: int, total: int, name: str) -> bool:
        """The services' progress callback: pass it on; False once the user cancelled.

        Bind it with ``partial(relay.report, cancel)``.
        """
        self.progressed.emit(done, total, name)
        return not cancel.is_set()


def run_task(
    work: Callable[[], T],
    on_success: Callable[[T], None],
    on_error: Callable[[BaseException], None],
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``work()`` on a pool thread; call ``on_success(result)`` or ``on_error(exc)`` later
    on the main thread. Must be called from the main thread.
    """
    relay: _Relay[T] = _Relay(on_success, on_error)
    _pending.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Work(work, relay))


def pending_tasks() -> int:
    """How many tasks have not yet delivered their outcome (tests wait for none)."""
    return len(_pending)
