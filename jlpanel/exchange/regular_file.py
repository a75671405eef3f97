"""Reading a small file a user named, safely: a regular file only, and never beyond a bound.

A path on a USB stick or typed on the command line may name a folder, a FIFO (opening it
waits for a writer that never comes), a device such as ``/dev/zero`` (which never ends) or a
link to one. :func:`read_regular_file` refuses all of these before reading a byte, and reads
at most ``max_bytes + 1`` bytes whatever the file claims its size to be.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from jlpanel.domain.text import Text

#: Opened without waiting: a FIFO swapped in after the check must not block the open.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


class NotARegularFile(Exception):
    """The path names something other than a regular file; ``what`` says what, in words."""

    def __init__(self, path: Path, what: Text) -> None:
        super().__init__(f"{path}: {what.en}")
        self.path = path
        self.what = what


class FileTooLarge(Exception):
    """The file holds more than the bound: ``size`` bytes at least."""

    def __init__(self, path: Path, size: int, max_bytes: int) -> None:
        super().__init__(f"{path}: {size} bytes, more than {max_bytes}")
        self.path = path
        self.size = size
        self.max_bytes = max_bytes


def _kind_of(mode: int) -> Text:
    if stat.S_ISDIR(mode):
        return Text("文件夹", "a folder")
    if stat.S_ISFIFO(mode):
        return Text("管道（FIFO）", "a pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Text("设备文件", "a device")
    if stat.S_ISSOCK(mode):
        return Text("套接字", "a socket")
    return Text("特殊文件", "a special file")


def _not_regular(path: Path, mode: int) -> NotARegularFile:
    what = _kind_of(mode)
    try:
        linked = stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        linked = False
    if linked:
        what = Text(f"指向{what.zh}的链接", f"a link to {what.en}")
    return NotARegularFile(path, what)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path`` (a link to one is followed).

    Raises :class:`NotARegularFile` or :class:`FileTooLarge` before reading anything it
    should not, and ``OSError`` (``FileNotFoundError``, ``PermissionError`` …) as the system
    gives it.
    """
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    fd = os.open(path, _OPEN_FLAGS)
    with os.fdopen(fd, "rb") as handle:
        # What was opened may not be what was looked at (the name changed in between).
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(path, opened.st_mode)
        if opened.st_size > max_bytes:
            raise FileTooLarge(path, opened.st_size, max_bytes)
        # Asking for the size it claims (a read of max_bytes would allocate that much first),
        # and on only if it grew since.
        data = handle.read(opened.st_size + 1)
        if len(data) > opened.st_size:
            data += handle.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise FileTooLarge(path, len(data), max_bytes)
    return data
