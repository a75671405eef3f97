"""Import and reports on every core (issue 16, item 3): worker processes, one writer.

Dossiers are read and checked, and PDFs laid out, in worker processes; the calling process
alone writes. Whatever the number of workers, the result must be the one of doing the work
in one process: the same outcomes in the same order, the same rows and audit trail, the same
PDF bytes; a cancel writes nothing after it, and a worker killed mid-way leaves the previous
report set exactly as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from broken_workbooks import CASES, sample_dossier, write_dossier_workbook
from factories import dump
from report_support import child_env
from test_report_kill import staged_pdfs
from test_report_sets import assert_whole, digests

from jlpanel.services import workers
from jlpanel.services.intake import ImportOutcome, ImportStatus, import_dossiers
from jlpanel.services.report_folder import ReportFolder, leftovers
from jlpanel.services.reporting import write_reports
from jlpanel.services.workspace import Workspace, open_workspace

RESAVED = Path(__file__).resolve().parents[1] / "corpus" / "resaved"
MOMENT = dt.datetime(2026, 6, 28, 9, 30, tzinfo=dt.UTC)


def _stamps(lines: list[str]) -> list[str]:
    """A store's dump with the moments rows were written masked (two runs differ in them)."""
    moment = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00:00)?")
    return [moment.sub("<time>", line) for line in lines]


def _dossier(folder: Path, n: int) -> Path:
    basic = dataclasses.replace(
        sample_dossier().basic, filing_no=f"JLKJ-2021-{n:03d}", name=f"吉林省第{n}资源共享服务平台"
    )
    return write_dossier_workbook(
        folder / f"平台{n:02d}.xlsx", dataclasses.replace(sample_dossier(), basic=basic)
    )


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    """Real dossier files: the re-saved corpus (the same two platforms five times over, so
    most are refused as already imported), new platforms, and refused files among them."""
    folder = tmp_path / "材料"
    folder.mkdir()
    corpus = sorted(p for p in RESAVED.rglob("*") if p.is_file())
    broken = next(c for c in CASES if not c.read_kwargs and c.expected)
    bad = broken.build(folder)
    text = folder / "不是工作簿.xlsx"
    text.write_text("not a workbook", "utf-8")
    made = [_dossier(folder, n) for n in range(10, 14)]
    return [made[0], bad, *corpus[:5], made[1], text, *corpus[5:], made[2], made[3]]


class Watch:
    """A progress callback that notes the worker processes alive before each file and can
    cancel before file ``stop``."""

    def __init__(self, stop: int | None = None) -> None:
        self.stop = stop
        self.calls: list[tuple[int, int, str]] = []
        self.workers: list[int] = []

    def __call__(self, done: int, total: int, name: str) -> bool:
        self.calls.append((done, total, name))
        self.workers.append(len(multiprocessing.active_children()))
        return done != self.stop


def _import(
    workspace: Path, copy: Path, files: list[Path], count: str, watch: Watch, monkeypatch
) -> tuple[list[ImportOutcome], list[str]]:
    shutil.copyfile(workspace, copy)
    monkeypatch.setenv(workers.WORKERS_ENV, count)
    with open_workspace(copy) as ws:
        outcomes = import_dossiers(ws, files, progress=watch)
    assert multiprocessing.active_children() == []  # no worker outlives the import
    return outcomes, _stamps(dump(copy))


def test_parallel_import_gives_the_outcomes_rows_and_audit_of_the_serial_one(
    workspace: Path, tmp_path: Path, batch: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = Watch(), Watch()
    serial = _import(workspace, tmp_path / "1.jlpanel", batch, "1", one, monkeypatch)
    parallel = _import(workspace, tmp_path / "2.jlpanel", batch, "2", two, monkeypatch)
    assert max(one.workers) == 0 and max(two.workers) == 2  # the work really went elsewhere
    statuses = [o.status for o in serial[0]]
    assert statuses.count(ImportStatus.IMPORTED) == 6
    assert statuses.count(ImportStatus.REFUSED) == 2 and ImportStatus.EXISTS in statuses
    assert statuses[1] is ImportStatus.REFUSED and statuses[0] is ImportStatus.IMPORTED
    assert parallel[0] == serial[0]  # same files, statuses, findings and counts, in order
    assert parallel[1] == serial[1]  # same rows, attachments, metrics and audit entries
    assert two.calls == one.calls


def test_a_result_taken_is_not_kept_by_the_pool() -> None:
    """Each parsed dossier is freed once stored: the pool kept every done future, and with it
    every result, until it closed (a 2,000-dossier import peaked at 1.9 GB instead of 90 MB)."""
    import collections
    import gc
    import weakref

    alive: list[weakref.ref[collections.OrderedDict[int, int]]] = []
    with workers.Workers(2) as pool:
        assert pool.parallel
        for result in pool.map(collections.OrderedDict, [[(n, n)] for n in range(12)]):
            alive.append(weakref.ref(result))
            del result
        gc.collect()
        # still inside the pool: only what is yet to be taken may be held
        assert sum(r() is not None for r in alive) == 0


def test_a_cancel_mid_way_writes_nothing_after_it(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "材料"
    folder.mkdir()
    files = [_dossier(folder, n) for n in range(20, 32)]
    serial = _import(workspace, tmp_path / "1.jlpanel", files, "1", Watch(stop=3), monkeypatch)
    watch = Watch(stop=3)
    parallel = _import(workspace, tmp_path / "2.jlpanel", files, "2", watch, monkeypatch)
    assert watch.workers[3] == 2 and watch.calls[3][0] == 3
    assert [o.status for o in parallel[0]] == [ImportStatus.IMPORTED] * 3 + [
        ImportStatus.CANCELLED
    ] * 9
    assert parallel == serial
    assert sum('INSERT INTO "platforms"' in line for line in parallel[1]) == 3


def test_a_worker_hands_the_writer_rows_of_plain_values(tmp_path: Path) -> None:
    """What crosses from a worker is tuples of values, not a Dossier's slotted row objects:
    unpickling those, one Python call a row, was most of the single writer's time."""
    import pickle

    from jlpanel.services.intake import PreparedDossier, prepare_dossier
    from jlpanel.storage.dossiers import ROW_TABLES, dossier_rows

    prepared = prepare_dossier(_dossier(tmp_path, 40), None)
    assert isinstance(prepared, PreparedDossier)
    sent = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
    for name in ("ServiceRecord", "Resource", "Outcome", "StaffMember", "FundingLine"):
        assert name.encode() not in sent
    rows = pickle.loads(sent).dossier
    whole = sample_dossier()
    assert rows.counts() == {attr: len(getattr(whole, attr)) for attr, _ in ROW_TABLES}
    assert rows == dossier_rows(rows)


def test_an_import_claims_the_workspace_once_for_all_its_files(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner file stays for the whole batch: each file's transaction wrote and removed it
    (a few ms a file, on the single writer)."""
    from jlpanel.storage.owner import lock_path

    folder = tmp_path / "材料"
    folder.mkdir()
    files = [_dossier(folder, n) for n in range(50, 56)]
    copy = tmp_path / "c.jlpanel"
    shutil.copyfile(workspace, copy)
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    owned: list[bool] = []

    def progress(done: int, total: int, name: str) -> bool:
        owned.append(lock_path(copy).exists())
        return True

    with open_workspace(copy, backup=False) as ws:
        outcomes = import_dossiers(ws, files, progress=progress)
    assert [o.status for o in outcomes] == [ImportStatus.IMPORTED] * 6
    assert owned[:6] == [True] * 6  # before each file (the last call comes after them)
    assert not lock_path(copy).exists()


def test_warm_up_starts_the_fork_server_in_the_background() -> None:
    """The fork server imports its modules and parses the report font (a second or more)
    while the caller reads its data, not after, when the first worker is asked for."""
    script = (
        "import time\n"
        "from multiprocessing import forkserver\n"
        "from jlpanel.services import workers\n"
        "started = time.monotonic()\n"
        "workers.warm_up()\n"
        "returned = time.monotonic() - started\n"
        "server = forkserver._forkserver\n"
        "while server._forkserver_pid is None and time.monotonic() < started + 60:\n"
        "    time.sleep(0.02)\n"
        "print(returned < 0.5, server._forkserver_pid is not None)\n"
    )
    env = {**child_env(), workers.WORKERS_ENV: "2"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["True", "True"], done.stderr


def test_one_core_one_worker_or_a_small_batch_stays_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(workers.WORKERS_ENV, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})  # a one-core machine
    assert workers.worker_count(200) == 0
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    assert workers.worker_count(200) == 4
    assert workers.worker_count(workers.MIN_BATCH - 1) == 0
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    assert workers.worker_count(200) == 0
    monkeypatch.setenv(workers.WORKERS_ENV, "3")
    assert workers.worker_count(200) == 3
    assert workers.worker_count(5) == 3
    monkeypatch.setenv(workers.WORKERS_ENV, "lots")
    assert workers.worker_count(200) == 4


# ----------------------------------------------------------------------------- reports


def test_reports_laid_out_by_workers_are_the_same_bytes(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    one = Watch()
    serial = write_reports(ws, tmp_path / "1", combined=True, created=MOMENT, progress=one)
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    two = Watch()
    parallel = write_reports(ws, tmp_path / "2", combined=True, created=MOMENT, progress=two)
    assert max(one.workers) == 0 and max(two.workers) == 2
    assert len(parallel) > 10 and [p.name for p in parallel] == [p.name for p in serial]
    assert digests(tmp_path / "2") == digests(tmp_path / "1")
    assert two.calls == one.calls
    assert multiprocessing.active_children() == []


def test_a_killed_worker_leaves_the_previous_set_as_it_was(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "报告"
    monkeypatch.setenv(workers.WORKERS_ENV, "1")
    write_reports(ws, out, documents={"summary", "evaluation"})
    (out / "备忘.txt").write_text("mine", "utf-8")
    before = digests(out)
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    killed: list[int] = []

    def kill_a_worker(done: int, total: int, name: str) -> bool:
        if done == 2:
            victim = multiprocessing.active_children()[0]
            os.kill(victim.pid, signal.SIGKILL)  # what the OOM killer or a task manager does
            victim.join(10)
            killed.append(victim.pid)
        return True

    with pytest.raises(workers.WorkerFailed) as failed:
        write_reports(ws, out, combined=True, progress=kill_a_worker)
    assert killed and "未做任何更改" in failed.value.message("zh")
    assert digests(out) == before
    assert leftovers(out) == []
    assert_whole(out, others={"备忘.txt"})
    assert multiprocessing.active_children() == []
    # and the next run writes the whole set
    write_reports(ws, out, combined=True)
    assert_whole(out, others={"备忘.txt"})


def test_a_cancelled_parallel_run_stops_its_workers_and_changes_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "报告"
    write_reports(ws, out, documents={"summary"})
    before = digests(out)
    monkeypatch.setenv(workers.WORKERS_ENV, "2")
    watch = Watch(stop=3)
    t0 = time.perf_counter()
    assert write_reports(ws, out, combined=True, progress=watch) == []
    assert watch.workers[3] == 2 and watch.calls[3][0] == 3
    assert time.perf_counter() - t0 < 60
    assert digests(out) == before and leftovers(out) == []
    assert multiprocessing.active_children() == []


def test_the_workers_of_a_killed_run_end_with_it(ws: Workspace, tmp_path: Path) -> None:
    """Killed mid-way, a run's workers go too: none lives on holding its output pipe."""
    out = tmp_path / "报告"
    ws.close()
    command = [sys.executable, "-m", "jlpanel", "report", str(ws.path), str(out), "--combined"]
    env = {**child_env(), workers.WORKERS_ENV: "2"}
    with subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as child:
        assert child.stderr is not None
        deadline = time.monotonic() + 120
        while child.poll() is None and staged_pdfs(out) < 2 and time.monotonic() < deadline:
            time.sleep(0.005)
        workers_of_run = (
            [
                int(pid)
                for pid in Path(f"/proc/{child.pid}/task/{child.pid}/children").read_text().split()
            ]
            if child.poll() is None
            else []
        )
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL  # killed while its workers were at work
        assert workers_of_run  # the fork server (or the workers, spawned) at least
        # Its stderr reaches its end once every process holding it has ended.
        pipe = child.stderr.fileno()
        deadline = time.monotonic() + 30
        while True:
            ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, "a worker of the killed run lives on"
            if not os.read(pipe, 1 << 16):
                break
    ReportFolder(out).prepare()
    assert leftovers(out) == []
