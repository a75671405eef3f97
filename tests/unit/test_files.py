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
