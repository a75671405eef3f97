"""Fault injection: merge, import and export killed (SIGKILL) at random points, 50 times each.

After every kill the store passes its integrity check, what the command changes is either
as it was or wholly as a complete run leaves it, and no temporary file is left beside the
store or the output. (Issue 13, "Done when"; the report set has its own kill test.)
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from broken_workbooks import sample_dossier, write_dossier_workbook
from review_support import signed_cycle

pytestmark = pytest.mark.slow

KILLS = 50


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(con.execute(query).fetchall(), key=repr)
    finally:
        con.close()


def _integrity(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def _leftovers(*folders: Path) -> list[str]:
    """Temporary files a writer leaves when killed (jlpanel's are hidden, ending .tmp)."""
    return [
        p.name
        for folder in folders
        for p in folder.iterdir()
        if p.name.endswith((".tmp", ".creating", ".partial")) or p.name.startswith(".~")
    ]


def _kill_at_random(
    command: list[str], duration: float, rng: random.Random
) -> subprocess.CompletedProcess[str] | None:
    """Run ``jlpanel COMMAND``, killed after a random part of ``duration`` (None if killed)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "jlpanel", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(rng.uniform(0, duration))
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        return None
    _, err = process.communicate()
    return subprocess.CompletedProcess(command, process.returncode, "", err)


def _timed(command: list[str]) -> float:
    """How long a complete run takes here, so kills land all through it."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "jlpanel", *command], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return time.perf_counter() - start


def _each_kill(
    store: Path,
    fresh: Callable[[], None],
    command: list[str],
    state: Callable[[], object],
    before: object,
    after: object,
    folders: list[Path],
) -> None:
    rng = random.Random(13)
    fresh()
    duration = _timed(command)
    assert state() == after
    for attempt in range(KILLS):
        fresh()
        finished = _kill_at_random(command, duration * 1.1, rng)
        assert finished is None or finished.returncode == 0, (attempt, finished)
        assert _integrity(store) == "ok", attempt
        assert state() in (before, after), attempt
        assert _leftovers(*folders) == [], attempt


def _restorer(store: Path, tmp_path: Path) -> Callable[[], None]:
    """A function putting ``store`` back as it is now, its write-ahead log gone too."""
    pristine = tmp_path / "pristine.jlpanel"
    pristine.write_bytes(store.read_bytes())

    def fresh() -> None:
        for sidecar in (store.with_name(store.name + s) for s in ("-wal", "-shm")):
            sidecar.unlink(missing_ok=True)
        store.write_bytes(pristine.read_bytes())

    return fresh


@pytest.fixture
def cycle(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A workspace of 4 platforms and 3 experts, and each expert's signed score file."""
    return signed_cycle(tmp_path)


def test_a_killed_merge_leaves_each_file_merged_wholly_or_not_at_all(
    cycle: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    store, files = cycle
    fresh = _restorer(store, tmp_path)

    def per_expert() -> dict[object, list[tuple[object, ...]]]:
        rows = _rows(store, "SELECT expert_id, platform_id, revision, provenance FROM score_sheets")
        return {e: [r for r in rows if r[0] == e] for e in {r[0] for r in rows}}

    assert per_expert() == {}
    command = ["merge", str(store), *map(str, files)]
    duration = _timed(command)
    complete = per_expert()
    assert len(complete) == len(files)
    rng = random.Random(13)
    for attempt in range(KILLS):
        fresh()
        finished = _kill_at_random(command, duration * 1.1, rng)
        assert finished is None or finished.returncode == 0, (attempt, finished)
        assert _integrity(store) == "ok", attempt
        # Each expert's file merged wholly (every sheet as a complete run leaves it) or not.
        for expert, sheets in per_expert().items():
            assert sheets == complete[expert], (attempt, expert)
        assert _leftovers(store.parent) == [], attempt


def test_a_killed_import_leaves_the_platform_wholly_there_or_not(
    cycle: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    store, _ = cycle
    fresh = _restorer(store, tmp_path)
    book = write_dossier_workbook(tmp_path / "new.xlsx", sample_dossier())

    def state() -> object:
        return (
            _rows(store, "SELECT filing_no, name FROM platforms"),
            _rows(store, "SELECT count(*) FROM service_records"),
            _rows(store, "SELECT count(*) FROM staff_members"),
            _rows(store, "SELECT count(*) FROM attachments"),
            _rows(store, "SELECT count(*) FROM platform_metrics"),
        )

    before = state()
    command = ["import", str(store), str(book)]
    fresh()
    _timed(command)
    after = state()
    assert after != before
    _each_kill(store, fresh, command, state, before, after, [store.parent])


def test_a_killed_export_leaves_the_old_file_or_the_whole_new_one(
    cycle: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    from python_calamine import CalamineWorkbook

    store, files = cycle
    done = subprocess.run(
        [sys.executable, "-m", "jlpanel", "merge", str(store), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out_dir = tmp_path / "导出"
    out_dir.mkdir()
    out = out_dir / "结果.xlsx"
    old = b"an earlier export"

    def fresh() -> None:
        out.write_bytes(old)

    def state() -> object:
        data = out.read_bytes()
        if data == old:
            return "old"
        with CalamineWorkbook.from_path(str(out)) as workbook:  # whole, or this raises
            return tuple(workbook.sheet_names)

    fresh()
    command = ["export", str(store), str(out)]
    _timed(command)
    after = state()
    assert after != "old"
    _each_kill(store, fresh, command, state, "old", after, [out_dir, store.parent])
