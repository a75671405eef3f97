"""Kill `jlpanel report` at random points (issue 13, item 7): the folder never mixes two sets.

A real child process writes the demo meeting's report set over an earlier one and is killed
(SIGKILL) 50 times: while it starts, after a random number of its files have appeared in its
staging folder, or while it moves the sets in and out. Right after each kill no two runs'
PDFs stand side by side and the user's own file is untouched; once the next run has
recovered the folder, it holds one whole set — the earlier one exactly as it was, or the
killed run's own if the kill came after its commit — and no staging folder or temp file.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from report_support import child_env, flat, page_texts, run_id_of
from sqlalchemy import select
from test_report_sets import assert_whole, digests

from jlpanel.services.consensus import adjust_score
from jlpanel.services.report_folder import (
    ASIDE_NAME,
    STAGING_PREFIX,
    ReportFolder,
    read_manifest,
)
from jlpanel.services.reporting import write_reports
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: Kills per test: each at a random point of the run (issue 13: 50 per command).
KILLS = 50


def staged_pdfs(folder: Path) -> int:
    """How many finished PDFs the running report has in its staging folder."""
    return sum(
        1
        for staging in folder.glob(f"{STAGING_PREFIX}*")
        if staging.is_dir()
        for _ in staging.glob("*.pdf")
    )


def installing(folder: Path) -> bool:
    """Whether a run has begun to move the previous set aside (its install step)."""
    return any(
        (staging / ASIDE_NAME).exists()
        for staging in folder.glob(f"{STAGING_PREFIX}*")
        if staging.is_dir()
    )


def kill_points(files: int, rng: random.Random) -> list[tuple[int, float]]:
    """(staged PDFs to wait for, seconds more) per kill; ``files + 1`` waits for the install.

    Every count from none (the child still starting) to all of them comes up, and a tenth of
    the kills land in the install step, where the files are moved.
    """
    points = [(n % (files + 1), rng.uniform(0, 0.05)) for n in range(KILLS - KILLS // 10)]
    points += [(files + 1, rng.uniform(0, 0.004)) for _ in range(KILLS // 10)]
    rng.shuffle(points)
    return points


def visible_runs(folder: Path) -> set[str]:
    """The report runs the PDFs a user can see in ``folder`` come from."""
    return {run_id_of(pdf) for pdf in folder.glob("*.pdf")}


def test_a_report_run_killed_at_random_points_leaves_the_set_whole(
    merged_demo: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, workspace)
    out = tmp_path / "评审报告"
    with open_workspace(workspace) as ws:
        write_reports(ws, out, combined=True)
    (out / "备忘.txt").write_text("会议记录", "utf-8")
    first_run = assert_whole(out, others={"备忘.txt"})
    files = len(read_manifest(out).files)  # type: ignore[union-attr]
    with open_workspace(workspace) as ws:  # a change: the new set differs from the old
        with ws.session() as s:
            first = min(s.scalars(select(m.Platform.id)))
        adjust_score(ws, first, 99.5, "专家组合议后调整（测试）", author="秘书")

    command = [sys.executable, "-m", "jlpanel", "report", str(workspace), str(out), "--combined"]
    outcomes: dict[str, int] = {"earlier set kept": 0, "new set installed": 0, "finished": 0}
    for staged, more in kill_points(files, random.Random(13)):
        before = digests(out)
        runs_before = visible_runs(out)
        with subprocess.Popen(
            command, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        ) as child:
            watchdog = threading.Timer(300, child.kill)  # a hung child must not hang the suite
            watchdog.start()
            try:
                while child.poll() is None and not (
                    installing(out) if staged > files else staged_pdfs(out) >= staged
                ):
                    time.sleep(0.002)
                time.sleep(more)
                if child.poll() is None:
                    os.kill(child.pid, signal.SIGKILL)
            finally:
                child.wait()
                watchdog.cancel()
        if child.returncode != 0:  # 0: it finished before the kill came
            assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
        # Right after the kill: no PDF of two runs side by side, and the user's file untouched.
        assert len(visible_runs(out)) <= 1, (staged, sorted(p.name for p in out.iterdir()))
        assert (out / "备忘.txt").read_text("utf-8") == "会议记录"
        # What the next run (or the user's next look after it) finds: one whole set, the
        # earlier one exactly as it was or the killed run's own, and no staging or temp file.
        ReportFolder(out).prepare()
        run = assert_whole(out, others={"备忘.txt"})
        if digests(out) == before:
            outcomes["earlier set kept"] += 1
        else:
            assert run_id_of(out / "汇总表.pdf") == run and {run} != runs_before
            outcomes["finished" if child.returncode == 0 else "new set installed"] += 1

    print(f"{KILLS} report runs: {outcomes}")
    # Most kills land before the install; the last ones, often, after its commit.
    assert outcomes["earlier set kept"] >= KILLS // 2
    finished = subprocess.run(command, env=child_env(), capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr.decode()
    last_run = assert_whole(out, others={"备忘.txt"})  # no staging folder, no temporary file
    assert last_run != first_run
    assert (out / "备忘.txt").read_text("utf-8") == "会议记录"
    assert "99.50" in flat("".join(page_texts(out / "汇总表.pdf")))
