"""Run slow work off the GUI thread and deliver its outcome back on it.

One small helper in the spirit of Picard's ``run_task`` and Anki's ``QueryOp``: the work is
a callable over plain data that never touches a widget; its result or its exception comes
back to the main thread through a queued signal and is handed to a callback there.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


#: The full collection's threshold while a read defers it: never reached.
_DEFERRED = 1 << 30
_deferring_lock = threading.Lock()
_deferring = 0
_threshold: tuple[int, ...] = gc.get_threshold()
_frozen = False


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """Python's full (oldest generation) garbage collections wait until the block ends.

    A read that builds a 2,000-platform store's results keeps millions of objects alive at
    once; a full collection then walks them all holding Python's lock, 300 ms in which the
    GUI thread cannot run a line (the longest gap of 考核结果's first switch). The young
    generations are still collected, so short-lived cycles are freed as before; what the
    read kept is freed by reference counting when it ends. Counted: nested and concurrent
    blocks restore the thresholds once the last one ends.

    The first block also freezes what is alive then (the modules, the window, the open
    store: ``gc.freeze``), so that the full collection the block deferred, when it comes,
    walks only what was made since (160 ms on the GUI thread after 考核结果's read, otherwise).
    """
    global _deferring, _threshold, _frozen
    with _deferring_lock:
        if not _frozen:
            _frozen = True
            gc.freeze()
        if _deferring == 0:
            _threshold = gc.get_threshold()
            gc.set_threshold(_threshold[0], _threshold[1], _DEFERRED)
        _deferring += 1
    try:
        yield
    finally:
        with _deferring_lock:
            _deferring -= 1
            if _deferring == 0:
                gc.set_threshold(*_threshold)


class _Work(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay[Any], *, read: bool) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._read = read

    def run(self) -> None:
        try:
            if self._read:
                with full_collections_deferred():
                    result = self._work()
            else:
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
    read: bool = False,
) -> None:
    """Run ``work()`` on a pool thread; call ``on_success(result)`` or ``on_error(exc)`` later
    on the main thread. Must be called from the main thread.

    ``read``: the work is a bounded read (a page's data), run with
    :func:`full_collections_deferred`; not for long work (an import), whose cyclic garbage
    would then pile up until it ends.
    """
    relay: _Relay[T] = _Relay(on_success, on_error)
    _pending.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Work(work, relay, read=read))


#: Outcomes delivered and still being shown in steps (see :func:`hold`).
_held: set[object] = set()


def hold() -> object:
    """A token that counts as a pending task until given to :func:`release`: an outcome
    shown in steps over several turns of the event loop is not delivered while one is left."""
    token = object()
    _held.add(token)
    return token


def release(token: object) -> None:
    _held.discard(token)


def pending_tasks() -> int:
    """How many tasks have not yet delivered their outcome (tests wait for none)."""
    return len(_pending) + len(_held)
