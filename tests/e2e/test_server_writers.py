"""Several processes changing one store on a PostgreSQL server at once (issue 15 §4).

Each change takes the store's write lock (pg_advisory_xact_lock) as its first statement, so
two ``jlpanel merge`` processes wait for each other instead of interleaving, and neither
loses the other's score sheets. The test holds the lock itself until both are waiting on
it, so the two really do meet.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from cli_meeting import EXPERTS, PLATFORMS, import_assign_and_issue, new_cycle, score_packages
from sqlalchemy import create_engine, func, select, text

from jlpanel.storage import models as m
from jlpanel.storage.engines import WRITE_LOCK_KEY

ROOT = Path(__file__).resolve().parents[2]


def waiting_for_the_lock(connection) -> int:
    return connection.execute(
        text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    ).scalar_one()


def merge_at_once(store: str, pg_url: str, batches: list[list[Path]]) -> list[tuple[int, str]]:
    """Start one ``jlpanel merge`` per batch while holding the store's write lock, let them
    go once all are waiting for it; each one's exit status and standard output."""
    engine = create_engine(pg_url)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        with engine.connect() as holder, engine.connect() as watcher:
            holder.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK_KEY)))
            merges = [
                subprocess.Popen(
                    [sys.executable, "-m", "jlpanel", "--lang", "en", "merge", store, *batch],
                    env=env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for batch in batches
            ]
            deadline = time.monotonic() + 60
            while waiting_for_the_lock(watcher) < len(merges):
                assert time.monotonic() < deadline, "the merges never waited for the lock"
                assert all(p.poll() is None for p in merges), [p.communicate() for p in merges]
                watcher.rollback()
                time.sleep(0.05)
            holder.rollback()  # let them go: one after the other
            outcomes = [p.communicate(timeout=120) for p in merges]
    finally:
        engine.dispose()
    assert [p.returncode for p in merges] == [0] * len(merges), outcomes
    return [(p.returncode, out) for p, (out, _) in zip(merges, outcomes, strict=True)]


def sheets_and_experts(pg_url: str) -> tuple[int, int]:
    engine = create_engine(pg_url)
    try:
        with engine.connect() as connection:
            sheets = connection.execute(select(func.count()).select_from(m.ScoreSheet))
            experts = connection.execute(select(func.count(func.distinct(m.ScoreSheet.expert_id))))
            return sheets.scalar_one(), experts.scalar_one()
    finally:
        engine.dispose()


def test_two_processes_merging_different_score_files_at_once_lose_nothing(
    tmp_path: Path, pg_url: str
) -> None:
    store = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    new_cycle(store)
    files = score_packages(import_assign_and_issue(store, tmp_path), tmp_path / "usb")
    assert len(files) == len(EXPERTS)

    merge_at_once(store, pg_url, [files[:2], files[2:]])

    assert sheets_and_experts(pg_url) == (len(EXPERTS) * len(PLATFORMS), len(EXPERTS))


def test_two_processes_merging_the_same_files_at_once_store_them_once(
    tmp_path: Path, pg_url: str
) -> None:
    # Without the lock the second failed on the unique score sheet (issue 15's survey).
    store = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    new_cycle(store)
    files = score_packages(import_assign_and_issue(store, tmp_path), tmp_path / "usb")

    outputs = [out for _, out in merge_at_once(store, pg_url, [files, files])]

    assert sum(out.count("merged: ") for out in outputs) == len(files)
    assert sheets_and_experts(pg_url) == (len(EXPERTS) * len(PLATFORMS), len(EXPERTS))
