"""Nothing lost: kill the scoring process (SIGKILL) and every score it reported saved is there.

A child process opens a review package through ``services.review`` and sets scores one by one
through ``set_score`` — the save path the GUI uses — printing ``saved …`` after each call
returns. The test kills it after some saves, without warning, and reopens the package.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from review_support import build_cycle

from jlpanel.services import review as rv
from jlpanel.services.packages import issue_packages
from jlpanel.storage.package_file import inspect_package

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

REPO = Path(__file__).resolve().parents[2]

SCORER = """
import sys, time
from pathlib import Path
from jlpanel.services import review as rv

session = rv.open_package(Path(sys.argv[1]))
pause = float(sys.argv[2])
n = 0
for platform in session.platforms:
    rv.declare(session, platform.id, False)
    for indicator in session.rubric.indicators:
        points = indicator.max_points - indicator.step * (n % 3)
        rv.set_score(session, platform.id, indicator.code, points)
        print(f"saved {platform.id} {indicator.code} {points}", flush=True)
        n += 1
        time.sleep(pause)
print("finished", flush=True)
time.sleep(120)
"""


@pytest.fixture
def package(tmp_path: Path) -> Path:
    ws = build_cycle(tmp_path, others_work=False)
    try:
        (issued,) = issue_packages(ws, tmp_path / "out", experts=[900001], paper_sheets=False)
    finally:
        ws.close()
    return issued.path


@pytest.mark.parametrize(("pause", "kill_after"), [(0.02, 20), (0.0, 33)])
def test_every_score_reported_saved_survives_sigkill(package: Path, pause: float, kill_after: int):
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    with subprocess.Popen(
        [sys.executable, "-c", SCORER, str(package), str(pause)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        watchdog = threading.Timer(120, child.kill)  # a hung child must not hang the suite
        watchdog.start()
        try:
            assert child.stdout is not None and child.stderr is not None
            saved: list[str] = []
            while len(saved) < kill_after:
                line = child.stdout.readline()
                assert line, f"the scorer stopped early: {child.stderr.read()}"
                assert line.startswith("saved "), line
                saved.append(line)
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            # Anything printed before the kill landed was reported saved as well.
            saved += [
                line for line in child.stdout.read().splitlines() if line.startswith("saved ")
            ]
        finally:
            watchdog.cancel()
            if child.poll() is None:
                child.kill()
    assert child.returncode == -signal.SIGKILL
    assert package.with_name(package.name + "-wal").exists(), "the edits are still in the WAL"

    inspect_package(package)  # not corrupt after the kill
    with rv.open_package(package) as session:
        points = {
            (w.platform.id, code): value
            for w in rv.progress(session)
            for code, value in w.sheet.points.items()
            if value is not None
        }
    reported = {}
    for line in saved:
        _, platform_id, code, value = line.split()
        reported[(int(platform_id), code)] = float(value)
    assert len(reported) >= kill_after
    missing = {k: v for k, v in reported.items() if points.get(k) != v}
    assert not missing, f"saved but lost after SIGKILL: {missing}"
    # At most the one edit in flight when the kill landed was saved without being reported.
    assert len(points) - len(reported) in (0, 1)
