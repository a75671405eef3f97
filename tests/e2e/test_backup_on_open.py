"""The backup on open costs what changed (issue 16, item 5): a store opened again as it was left
reuses its newest verified backup instead of copying the whole file once more; any change —
committed to the file or still waiting in its write-ahead log — is backed up as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from damage import backup_files, cycle_name_in, filled_workspace

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


# ------------------------------------------------ the backup taken after the store is shown
# The window opens with ``backup_later``: the open backup is planned in the check's snapshot
# and copied on another thread while the store is already in use (issue 16, item 5).


def rename_cycle(ws: object, name: str) -> None:
    from sqlalchemy import text

    with ws.session() as s:  # type: ignore[attr-defined]
        s.execute(text("UPDATE cycles SET name = :name"), {"name": name})


def test_a_later_backup_holds_the_store_as_opened(tmp_path: Path, backups: Path) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    before = cycle_name_in(store)

    with open_workspace(store, claim=True, backup_later=True) as ws:
        assert ws.open_backup is not None and ws.open_backup.pending
        assert backup_files(backups) == []  # shown before anything is copied
        rename_cycle(ws, "本次会话改过的名称")  # the session writes while the copy waits
        taken = ws.take_open_backup()
        assert taken is not None and not ws.open_backup.pending
        assert ws.take_open_backup() is None  # once

    assert backup_files(backups) == [taken]
    assert cycle_name_in(taken) == before
    assert cycle_name_in(store) == "本次会话改过的名称"
    assert taken.with_name(taken.name + ".json").is_file()  # recorded as verified


def test_a_later_backup_taken_on_another_thread_while_the_store_is_written(
    tmp_path: Path, backups: Path
) -> None:
    import threading

    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    before = cycle_name_in(store)
    with open_workspace(store, claim=True, backup_later=True) as ws:
        taken: list[Path | None] = []
        copier = threading.Thread(target=lambda: taken.append(ws.take_open_backup()))
        copier.start()
        for n in range(20):
            rename_cycle(ws, f"改名 {n}")
        copier.join()
    (backup,) = taken
    assert backup is not None and cycle_name_in(backup) == before
    assert cycle_name_in(store) == "改名 19"


def test_closing_before_the_later_backup_copies_nothing_and_leaves_nothing(
    tmp_path: Path, backups: Path
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    with open_workspace(store, claim=True, backup_later=True) as ws:
        pending = ws.open_backup
        rename_cycle(ws, "改过")
    assert pending is not None and not pending.pending
    assert ws.take_open_backup() is None
    assert not backups.exists() or list(backups.rglob("*")) == []
    # The snapshot was given up: the log checkpoints into the file on close, as ever.
    wal = store.with_name(store.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_an_unchanged_store_has_no_later_backup_to_take(tmp_path: Path, backups: Path) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    open_and_close(store)
    (first,) = backup_files(backups)
    with open_workspace(store, claim=True, backup_later=True) as ws:
        assert ws.open_backup is None
    assert backup_files(backups) == [first]


def test_a_later_backup_that_cannot_be_written_leaves_the_store_open(
    tmp_path: Path, backups: Path
) -> None:
    """A file where the backup folder should be (a real fault of the folder, which root's
    permissions would not give): the user is told, and the session goes on."""
    from jlpanel.services.errors import OpenBackupError

    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    backups.parent.mkdir(parents=True, exist_ok=True)
    backups.write_text("not a folder")
    with open_workspace(store, claim=True, backup_later=True) as ws:
        with pytest.raises(OpenBackupError) as raised:
            ws.take_open_backup()
        zh, en = raised.value.message("zh"), raised.value.message("en")
        assert "工作区已打开" in zh and "不是文件夹" in zh and "Traceback" not in zh
        assert f"backup folder {backups} (a file is in the way of the folder)" in en
        rename_cycle(ws, "仍可修改")
    assert cycle_name_in(store) == "仍可修改"
    assert backups.read_text() == "not a folder"


def test_a_store_not_in_log_mode_is_backed_up_before_it_is_shown(
    tmp_path: Path, backups: Path
) -> None:
    """A reader held open on a rollback-journal file would keep the session from writing,
    so such a file is copied at once, as before."""
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    connection = sqlite3.connect(store, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    with open_workspace(store, claim=True, backup_later=True) as ws:
        assert ws.open_backup is None
        assert len(backup_files(backups)) == 1
        rename_cycle(ws, "改过")


def test_a_copy_cut_off_long_ago_is_swept_away_by_the_next_backup(
    tmp_path: Path, backups: Path
) -> None:
    """A process killed while copying (kill -9, power off) leaves ``.<hex>.partial`` behind:
    the next backup of the cycle deletes it once it is a day old, never a fresh one that
    another process may still be writing."""
    import os
    import time

    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    open_and_close(store)
    (first,) = backup_files(backups)
    folder = first.parent
    old, old_log, fresh = (
        folder / ".0123abcd.partial",
        folder / ".0123abcd.partial-journal",
        folder / ".4567ef01.partial",
    )
    for leftover in (old, old_log, fresh):
        leftover.write_bytes(b"SQLite format 3\0" + bytes(4096))
    day_ago = time.time() - 25 * 3600
    for leftover in (old, old_log):
        os.utime(leftover, (day_ago, day_ago))

    assert main(["rules", str(store), "--set", "pass_min=61"]) == 0
    open_and_close(store)  # changed since: copied again

    assert len(backup_files(backups)) == 2
    assert not old.exists() and not old_log.exists()
    assert fresh.exists()


_TAKE_IN_A_CHILD = """
import sys
from pathlib import Path
from sqlalchemy import text
from jlpanel.services.workspace import open_workspace

ws = open_workspace(Path(sys.argv[1]), claim=True, backup_later=True)
with ws.session() as s:
    s.execute(text("UPDATE cycles SET name = '会中改过'"))
print("taking", flush=True)
ws.take_open_backup()
print("taken", flush=True)
ws.close()
"""


def test_a_process_killed_while_taking_the_later_backup_loses_nothing(
    tmp_path: Path, backups: Path
) -> None:
    """kill -9 in the middle of the background copy: the store keeps the session's committed
    change and passes its check, the half-written copy is never listed as a backup, and the
    next open works and takes a good backup of the store as it is."""
    import subprocess
    import sys
    import time

    from jlpanel.storage.backups import list_backups

    store = filled_workspace(tmp_path / "2026年度.jlpanel", platforms=600)
    child = subprocess.Popen(
        [sys.executable, "-c", _TAKE_IN_A_CHILD, str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "taking", (
            child.stderr.read() if child.stderr else ""
        )
        deadline = time.monotonic() + 60
        while not list(backups.rglob(".*.partial")):
            assert child.poll() is None, "the copy finished before it could be cut off"
            assert time.monotonic() < deadline
            time.sleep(0.0005)
    finally:
        child.kill()
        child.communicate()
    (cut_off,) = backups.rglob(".*.partial")

    assert backup_files(backups) == []
    assert list_backups(backups, store) == []
    connection = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    assert cycle_name_in(store) == "会中改过"

    open_and_close(store)  # the killed process's claim is stale: the store opens

    (taken,) = backup_files(backups)
    assert cycle_name_in(taken) == "会中改过"
    assert [b.path for b in list_backups(backups, store)] == [taken]
    assert cut_off.exists()  # less than a day old: another process might still be writing it
