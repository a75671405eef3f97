"""Writing files so a crash never leaves half of one (DESIGN §7: every output is atomic)."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from pathlib import Path


def _umask() -> int:
    # os.umask can only be read by setting it; set it back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_directory(directory: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder for fsync."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a synced temporary file in the same folder and a rename.

    The file gets the permissions a plain ``open(path, "wb")`` would (mkstemp's are 0600,
    which would hide reports from colleagues on a shared drive). Where the system has
    ``O_TMPFILE`` (Linux) the data is written to a file without a name and only linked in
    beside the target for the rename, so a writer killed mid-write leaves nothing behind; a
    temporary that does stay (killed in between, or a system without ``O_TMPFILE``) carries
    its writer's process id, and the next write of the same file removes it once that
    process is gone.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_dead_temporaries(path)
    try:
        if _unnamed_supported(path.parent):
            _write_unnamed(path, data)
        else:
            _write_named(path, data)
    except OSError as exc:
        if exc.filename is None:  # a failed write names no file: name the one being written
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


def _write_named(path: Path, data: bytes) -> None:
    tmp = _temporary_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _unnamed_supported(folder: Path) -> bool:
    return hasattr(os, "O_TMPFILE") and Path("/proc/self/fd").is_dir()


def _write_unnamed(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, 0o666 & ~_umask())
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):  # not on this file system
            _write_named(path, data)
            return
        raise
    tmp: Path | None = None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            tmp = _temporary_name(path)
            # linkat(…, AT_SYMLINK_FOLLOW): a dir_fd makes Python call linkat, not link(),
            # which would try to link /proc's symbolic link itself.
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.link(
                    f"/proc/self/fd/{handle.fileno()}",
                    tmp.name,
                    dst_dir_fd=folder,
                    follow_symlinks=True,
                )
            finally:
                os.close(folder)
        tmp.replace(path)
    except BaseException:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise


def _remove_dead_temporaries(path: Path) -> None:
    """Remove ``path``'s temporaries whose writer (by its process id) is gone."""
    if os.name != "posix":  # os.kill(pid, 0) would signal the process on Windows
        return
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[0-9a-f]{{8}}\.tmp$")
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        found = pattern.match(entry.name)
        if found is None or int(found.group(1)) == os.getpid():
            continue
        if not _alive(int(found.group(1))):
            with contextlib.suppress(OSError):
                Path(entry.path).unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or not ours to ask: leave its file
        return True
    return True
