"""Kill `jlpanel report` at random points (issue 13, item 7): the folder never mixes two sets.

A real child process writes the demo meeting's report set over an earlier one and is killed
(SIGKILL) once a random number of files have appeared in its staging folder. Each time the
earlier set must be exactly as it was; after a run that is let finish, the folder must hold
one whole set — every document from the manifest's run — and nothing left over.
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

from report_support import child_env, flat, page_texts
from sqlalchemy import select
from test_report_sets import assert_whole, digests

from jlpanel.services.consensus import adjust_score
from jlpanel.services.report_folder import STAGING_PREFIX, read_manifest
from jlpanel.services.reporting import write_reports
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: Kills per test: each at a random number of staged files.
KILLS = 5


def staged_pdfs(folder: Path) -> int:
    """How many finished PDFs the running report has in its staging folder."""
    return sum(
        1
        for staging in folder.glob(f"{STAGING_PREFIX}*")
        if staging.is_dir()
        for _ in staging.glob("*.pdf")
    )


def test_a_report_run_killed_at_random_points_leaves_the_set_whole(
    merged_demo: Path, tmp_path: Path
) -> None:
    workspace = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, workspace)
    out = tmp_path / "评审报告"
    with open_workspace(workspace) as ws:
        write_reports(ws, out, combined=True)
    (out / "备忘.txt").write_text("会议记录", "utf-8")
    old_run = assert_whole(out, others={"备忘.txt"})
    before = digests(out)
    files = len(read_manifest(out).files)  # type: ignore[union-attr]
    with open_workspace(workspace) as ws:  # a change: the new set differs from the old
        with ws.session() as s:
            first = min(s.scalars(select(m.Platform.id)))
        adjust_score(ws, first, 99.5, "专家组合议后调整（测试）", author="秘书")

    command = [sys.executable, "-m", "jlpanel", "report", str(workspace), str(out), "--combined"]
    rng = random.Random(13)
    points = sorted(rng.sample(range(1, files), KILLS))
    for point in points:
        with subprocess.Popen(
            command, env=child_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        ) as child:
            watchdog = threading.Timer(300, child.kill)  # a hung child must not hang the suite
            watchdog.start()
            try:
                while staged_pdfs(out) < point:
                    assert child.poll() is None, child.stderr.read() if child.stderr else ""
                    time.sleep(0.005)
                os.kill(child.pid, signal.SIGKILL)
            finally:
                child.wait()
                watchdog.cancel()
        assert child.returncode == -signal.SIGKILL
        # the earlier set exactly as it was; the killed run's staging folder beside it
        now = {n: h for n, h in digests(out).items() if not n.startswith(STAGING_PREFIX)}
        assert now == before, point

    finished = subprocess.run(command, env=child_env(), capture_output=True, timeout=300)
    assert finished.returncode == 0, finished.stderr.decode()
    new_run = assert_whole(out, others={"备忘.txt"})  # no staging folder, no temporary file
    assert new_run != old_run
    assert (out / "备忘.txt").read_text("utf-8") == "会议记录"
    assert "99.50" in flat("".join(page_texts(out / "汇总表.pdf")))
