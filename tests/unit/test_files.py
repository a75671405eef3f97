"""Atomic writes: whole files or none, with ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from jlpanel.storage.files import write_atomic


def test_a_write_replaces_the_file_whole_with_umask_permissions(tmp_path):
    target = tmp_path / "sub" / "报告.pdf"
    write_atomic(target, b"old")
    write_atomic(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in target.parent.iterdir()] == ["报告.pdf"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(TypeError):
        write_atomic(target, None)  # type: ignore[arg-type]  # fails inside the write
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xlsx"]


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux's")
def test_while_the_data_is_written_the_folder_shows_no_temporary(
    tmp_path, monkeypatch: pytest.MonkeyPatch
):
    """A writer killed before its rename leaves nothing: the data has no name until then."""
    target = tmp_path / "结果.xlsx"
    target.write_bytes(b"previous")
    seen: list[list[str]] = []
    fsync = os.fsync

    def looking_fsync(fd: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        fsync(fd)

    monkeypatch.setattr(os, "fsync", looking_fsync)
    write_atomic(target, b"new")
    assert seen and seen[0] == ["结果.xlsx"]  # synced, not yet linked: no temporary in sight
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["结果.xlsx"]


def test_a_dead_writers_temporary_goes_with_the_next_write(tmp_path):
    import subprocess
    import sys

    target = tmp_path / "结果.xlsx"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(gone.stdout)  # a process that has ended
    dead = tmp_path / f".结果.xlsx.{dead_pid}.0123abcd.tmp"
    live = tmp_path / f".结果.xlsx.{os.getppid()}.4567cdef.tmp"  # our parent: alive
    other = tmp_path / f".其他.xlsx.{dead_pid}.89abcdef.tmp"  # another file's: not ours
    for leftover in (dead, live, other):
        leftover.write_bytes(b"half")
    write_atomic(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["结果.xlsx", live.name, other.name]
    )
