"""Work split over worker processes, results taken in order by the one calling process.

Parsing dossiers and laying out PDFs are independent per file and pure Python, so one process
uses one core however many there are. :class:`Workers` runs such a function over a batch in
worker processes and hands the results back in the order of the batch, so the caller — the
only one that writes — sees exactly what a loop in its own process would have seen: the same
results, the same exceptions at the same item, and nothing done past the point where it stops
(cancel). With one core, ``JLPANEL_WORKERS=1`` or a small batch it *is* that loop.

Worker processes never fork the calling process: on Linux they come from a fork server (a fresh
interpreter that has imported only the modules the work needs), elsewhere they are spawned.
The GUI calls this from a pool thread of a process that runs Qt, which must not be forked.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from jlpanel.services.errors import UserError

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

#: The number of worker processes; 1 (or 0) keeps all work in the calling process.
WORKERS_ENV = "JLPANEL_WORKERS"
#: Batches smaller than this stay in the calling process: starting workers costs more.
MIN_BATCH = 4
#: Results computed ahead of the writer, per worker: bounds the memory they hold.
AHEAD_PER_WORKER = 4
#: What the fork server imports once, so each worker starts ready (best effort).
PRELOAD = (
    "jlpanel.services.intake",
    "jlpanel.exchange.dossier_reader",
    "jlpanel.exchange.attachments",
    "jlpanel.exchange.dossier_text",
    "jlpanel.domain.dossier_checks",
    "jlpanel.domain.dossier_metrics",
    "python_calamine",  # the dossier reader's, imported when it first opens a workbook
    "jlpanel.services.reporting",
    "jlpanel.reports.layout",
    "jlpanel.reports.documents",
    "jlpanel.services.packages",
    "jlpanel.services.worker_preload",  # the report font, parsed once for every worker
)


class WorkerFailed(UserError):
    """A worker process died (killed, out of memory) before it finished its part."""

    def __init__(self) -> None:
        super().__init__(
            "后台工作进程意外退出（可能被系统结束或内存不足），本次操作未完成，未做任何更改。",
            "A background worker process ended unexpectedly (stopped by the system or out of "
            "memory); the operation did not finish and changed nothing.",
        )


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def worker_count(jobs: int) -> int:
    """How many worker processes a batch of ``jobs`` gets; 0: run it in this process.

    ``JLPANEL_WORKERS`` sets the number (1 keeps everything in process); by default one per
    core. A batch smaller than :data:`MIN_BATCH` is not worth starting processes for.
    """
    wanted = cores()
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if setting:
        try:
            wanted = int(setting)
        except ValueError:
            log.warning("%s=%r is not a number; using %d", WORKERS_ENV, setting, wanted)
    if wanted <= 1 or jobs < MIN_BATCH:
        return 0
    return min(wanted, jobs)


_context: Any = None
#: Whether a worker of this process has finished a job (:func:`ready`).
_served = False


def ready() -> bool:
    """Whether workers would start at once: the fork server has already served this process,
    its imports done, so a pool starts in milliseconds, not in the second or more a cold one
    takes. For work too short to wait for that (a merge of a few dozen files)."""
    return _served and _mp_context().get_start_method() == "forkserver"


def _note_served(future: Future[Any]) -> None:
    global _served
    if not future.cancelled() and future.exception() is None:
        _served = True


def _mp_context() -> Any:
    """Fork server on Linux (workers start from a clean, preloaded interpreter), else spawn."""
    global _context
    if _context is None:
        if sys.platform.startswith("linux") and not getattr(sys, "frozen", False):
            _context = multiprocessing.get_context("forkserver")
            _context.set_forkserver_preload(list(PRELOAD))
        else:
            _context = multiprocessing.get_context("spawn")
    return _context


def warm_up() -> None:
    """Start the fork server now, in the background, when workers will be wanted.

    The fork server imports :data:`PRELOAD` (and parses the report font) before it forks a
    first worker: a second or more, which a caller about to read its data first (the report
    set, the experts' plans) would otherwise wait for afterwards. Nothing happens when there
    would be no workers, or where workers are spawned.
    """
    if worker_count(MIN_BATCH) == 0:
        return
    context = _mp_context()
    if context.get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    threading.Thread(
        target=forkserver.ensure_running, name="jlpanel-forkserver-start", daemon=True
    ).start()


def _end_with_caller(caller: int) -> None:
    """Worker initializer: end this worker as soon as the process that started it is gone.

    A pool's workers wait for work on a pipe they hold both ends of, so when the caller is
    killed (the user ends jlpanel, the system runs out of memory) nothing else would end them,
    and they would hold its output pipes and a fork server for ever.
    """

    def gone() -> bool:
        if sys.platform == "win32":  # pragma: no cover - Windows: spawned, the caller's child
            parent = multiprocessing.parent_process()
            return parent is not None and not parent.is_alive()
        try:
            os.kill(caller, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        try:  # killed but not yet reaped by its own parent: a zombie
            stat = Path(f"/proc/{caller}/stat").read_bytes()
            return stat.rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
        except (OSError, IndexError):
            return False

    def watch() -> None:
        while not gone():
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="jlpanel-caller-watch", daemon=True).start()


class Workers:
    """A pool of ``count`` worker processes, or none (``count`` 0): the work runs here.

    Use as a context manager; leaving it cancels what has not started and waits for what
    has (so no worker outlives it).
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self._pool: ProcessPoolExecutor | None = None
        #: The work not yet done: a done future leaves at once, since it holds its result (a
        #: whole parsed dossier) for as long as anything refers to it.
        self._futures: set[Future[Any]] = set()

    @property
    def parallel(self) -> bool:
        """Whether work goes to other processes."""
        return self._pool is not None

    def __enter__(self) -> Workers:
        if self.count > 0:
            self._pool = ProcessPoolExecutor(
                self.count,
                mp_context=_mp_context(),
                initializer=_end_with_caller,
                initargs=(os.getpid(),),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Cancel the work not started; stop the workers still at work whose results nobody
        will take (after a cancel or a failure), so closing never waits for them."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if any(not f.done() for f in list(self._futures)):
            # ProcessPoolExecutor has no way to stop running work before Python 3.14
            workers = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in workers:
                process.terminate()
            for process in workers:
                process.join()
        pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()

    def submit(self, fn: Callable[..., R], *args: Any) -> Future[R] | None:
        """``fn(*args)`` started in a worker; None when there are no workers (call it later)."""
        if self._pool is None:
            return None
        try:
            future = self._pool.submit(fn, *args)
        except BrokenProcessPool as exc:
            log.error("a worker process died: %s", exc)
            raise WorkerFailed() from exc
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        future.add_done_callback(_note_served)
        return future

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Generator[R, None, None]:
        """``fn(item)`` for each item, in order; at most a few per worker computed ahead.

        Results come as the caller takes them: when it stops taking (breaks out of its loop),
        the items not yet started are never started. An exception ``fn`` raised in a worker is
        raised here, at its item; a worker that died raises :class:`WorkerFailed`.
        """
        if self._pool is None:
            for item in items:
                yield fn(item)
            return
        pending: deque[Future[R]] = deque()
        source = iter(items)
        ahead = self.count * AHEAD_PER_WORKER
        try:
            for item in source:
                future = self.submit(fn, item)
                assert future is not None
                pending.append(future)
                if len(pending) >= ahead:
                    yield result(pending.popleft())
            while pending:
                yield result(pending.popleft())
        finally:
            for future in pending:
                future.cancel()


def result(future: Future[R]) -> R:
    """The future's result; a dead worker as :class:`WorkerFailed`."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        log.error("a worker process died: %s", exc)
        raise WorkerFailed() from exc
