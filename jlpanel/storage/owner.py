"""Who has a workspace open for changing: the owner file beside the store.

``<name>.jlpanel.lock`` holds the owner's user, host, process id and start time, and the owner
holds an operating-system lock on it (``flock`` on POSIX, ``msvcrt.locking`` on Windows) for
as long as it keeps the workspace. The lock, not the file, decides: a process that crashed
left its file behind but its lock went with it, so the next one takes the file over. A second
process that cannot take the lock reads who has it (:class:`OwnerBusy`).

A claim either ``keeps`` the workspace (the GUI, for as long as it shows it) or lasts one
change (a command-line write): :func:`claim` waits a while for the second kind to end and
gives up at once on the first, as there is no point in waiting for a window to close.

Within one process a workspace is claimed once and counted, so the GUI and the services it
calls (or a test beside them) can hold it together; the lock is between processes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

log = logging.getLogger(__name__)

__all__ = ["Owner", "OwnerBusy", "claim", "lock_path", "release"]

LOCK_SUFFIX: Final = ".lock"
#: The byte locked on Windows: past anything written, so the owner's details stay readable.
_WINDOWS_LOCK_OFFSET: Final = 1 << 20
#: How often a claim waiting for another process's change tries again.
_POLL_SECONDS: Final = 0.05
#: More than this is not an owner record.
_MAX_RECORD_BYTES: Final = 4096


@dataclass(frozen=True, slots=True)
class Owner:
    """The process that has a workspace open for changing."""

    user: str
    host: str
    pid: int
    since: dt.datetime  # aware
    #: It keeps the workspace open (the GUI); False: one change (a command) and it is gone.
    keeps: bool = True

    def to_json(self) -> str:
        since = self.since.isoformat()
        record = {"user": self.user, "host": self.host, "pid": self.pid, "since": since}
        return json.dumps({**record, "keeps": self.keeps}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Owner | None:
        """The owner a lock file names; None when it names none (being written, or foreign)."""
        try:
            raw: Any = json.loads(text)
            since = dt.datetime.fromisoformat(str(raw["since"]))
            if since.tzinfo is None:
                since = since.replace(tzinfo=dt.UTC)
            keeps = bool(raw.get("keeps", True))
            return cls(str(raw["user"]), str(raw["host"]), int(raw["pid"]), since, keeps)
        except (ValueError, TypeError, KeyError):
            return None


class OwnerBusy(Exception):
    """Another process has the workspace open for changing; ``owner`` None: it did not say who."""

    def __init__(self, path: Path, owner: Owner | None) -> None:
        super().__init__(f"{path} is open in another process: {owner}")
        self.path = path
        self.owner = owner


def lock_path(path: Path) -> Path:
    """The owner file of the workspace at ``path``."""
    return path.with_name(path.name + LOCK_SUFFIX)


def this_process(*, keeps: bool) -> Owner:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        user = "unknown"
    return Owner(user, socket.gethostname(), os.getpid(), dt.datetime.now(dt.UTC), keeps)


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def _key(path: Path) -> Path:
    return Path(path).absolute()


def claim(path: Path, *, keeps: bool, wait: float = 0.0) -> bool:
    """Claim the workspace at ``path`` for this process (counted: call :func:`release` as often).

    Raises :class:`OwnerBusy` when another process has it: at once when it keeps it, after
    up to ``wait`` seconds when it is making one change. Returns False, claiming nothing, when
    no owner file can be written beside it (a read-only folder: nothing changes there anyway).
    """
    key = _key(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            return _claim_now(key, keeps=keeps)
        except OwnerBusy as busy:
            keeps_it = busy.owner is not None and busy.owner.keeps
            if keeps_it or time.monotonic() >= deadline:
                raise
        time.sleep(_POLL_SECONDS)


def _claim_now(key: Path, *, keeps: bool) -> bool:
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return True
        try:
            fd = _take(lock_path(key), keeps=keeps)
        except OwnerBusy:
            raise
        except OSError as exc:
            log.info("no owner file beside %s: %s", key, exc)
            return False
        _held[key] = _Held(fd, 1)
        return True


def release(path: Path) -> None:
    """Give one claim of :func:`claim` back; the last removes the owner file and its lock."""
    key = _key(path)
    with _guard:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        _give_back(lock_path(key), held.fd)


def _take(file: Path, *, keeps: bool) -> int:
    """Open and lock ``file``, writing this process into it; OwnerBusy when locked."""
    for _ in range(20):  # the holder may remove the file between our open and our lock
        fd = os.open(file, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _lock(fd):
                owner = _read(fd)
                raise OwnerBusy(file.with_name(file.name.removesuffix(LOCK_SUFFIX)), owner)
            if not _same_file(fd, file):
                os.close(fd)
                continue
            if os.fstat(fd).st_size:  # a crashed process's record: ours replaces it
                # Not on the new, empty file: truncating to zero makes ext4 (auto_da_alloc)
                # flush the file when it is closed, 3-6 ms each change of an unclaimed store.
                os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, this_process(keeps=keeps).to_json().encode("utf-8"))
            return fd
        except BaseException:
            with contextlib.suppress(OSError):
                os.close(fd)
            raise
    raise OSError(f"{file} keeps being replaced")


def _give_back(file: Path, fd: int) -> None:
    try:
        if sys.platform != "win32":
            file.unlink(missing_ok=True)  # while still locked: nobody takes a dying file
        else:
            os.ftruncate(fd, 0)
    except OSError as exc:
        log.info("could not remove %s: %s", file, exc)
    finally:
        os.close(fd)  # the lock goes with it
    if sys.platform == "win32":
        with contextlib.suppress(OSError):  # another process has it open: it takes it over
            file.unlink(missing_ok=True)


def _same_file(fd: int, file: Path) -> bool:
    if sys.platform == "win32":
        return True  # an open file cannot be removed there
    try:
        return os.path.samestat(os.fstat(fd), file.stat())
    except FileNotFoundError:
        return False


def _read(fd: int) -> Owner | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, _MAX_RECORD_BYTES)
    except OSError:
        return None
    return Owner.from_json(data.decode("utf-8", errors="replace"))


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
