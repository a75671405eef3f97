"""The backup on open costs what changed (issue 16, item 5): a store opened again as it was left
reuses its newest verified backup instead of copying the whole file once more; any change —
committed to the file or still waiting in its write-ahead log — is backed up as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from damage import backup_files, filled_workspace

from jlpanel.cli import main
from jlpanel.services.preferences import load_preferences
from jlpanel.services.workspace import open_workspace


@pytest.fixture
def backups() -> Path:
    """The backup folder the program uses (the test's own, see tests/conftest.py)."""
    return load_preferences().backup_folder()


def open_and_close(store: Path) -> None:
    with open_workspace(store, claim=True):
        pass


def test_opening_an_unchanged_store_again_copies_nothing(tmp_path: Path, backups: Path) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    open_and_close(store)
    (first,) = backup_files(backups)
    taken = first.stat().st_mtime_ns

    for _ in range(3):
        open_and_close(store)

    assert backup_files(backups) == [first]
    assert first.stat().st_mtime_ns == taken


def test_a_change_is_backed_up_on_the_next_open(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    open_and_close(store)
    assert main(["rules", str(store), "--set", "pass_min=61"]) == 0
    capsys.readouterr()
    after_change = set(backup_files(backups))
    assert len(after_change) == 1  # the command opened it unchanged, then changed it

    open_and_close(store)

    (new,) = set(backup_files(backups)) - after_change
    connection = sqlite3.connect(f"{new.as_uri()}?mode=ro", uri=True)
    try:
        (rules,) = connection.execute("SELECT rules_json FROM cycles").fetchone()
    finally:
        connection.close()
    assert '"pass_min": 61' in rules or '"pass_min":61' in rules


def test_a_change_waiting_in_the_log_is_backed_up(tmp_path: Path, backups: Path) -> None:
    """A writer that has committed but not checkpointed: the file's own size and time are as
    they were, the change is in -wal, and the open copies it."""
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    open_and_close(store)
    (first,) = backup_files(backups)
    before = store.stat()

    writer = sqlite3.connect(store, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE cycles SET name = name || '（改）'")
        assert (store.stat().st_size, store.stat().st_mtime_ns) == (
            before.st_size,
            before.st_mtime_ns,
        )
        open_and_close(store)
    finally:
        writer.close()

    (new,) = set(backup_files(backups)) - {first}
    connection = sqlite3.connect(f"{new.as_uri()}?mode=ro", uri=True)
    try:
        (name,) = connection.execute("SELECT name FROM cycles").fetchone()
    finally:
        connection.close()
    assert name.endswith("（改）")


def test_a_copy_of_the_store_elsewhere_gets_its_own_backup(tmp_path: Path, backups: Path) -> None:
    """The same cycle in another file (same size and time: copied with its stamp) keeps its
    backups in the same folder, but never stands in for the other file's."""
    import os
    import shutil

    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    open_and_close(store)
    (first,) = backup_files(backups)
    copy = tmp_path / "副本" / store.name
    copy.parent.mkdir()
    shutil.copy2(store, copy)
    os.utime(copy, ns=(store.stat().st_atime_ns, store.stat().st_mtime_ns))

    open_and_close(copy)

    assert len(set(backup_files(backups)) - {first}) == 1
