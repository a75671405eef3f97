"""National scale (issue 16): every command and the window at 200 and at 2,000 platforms.

The 10× workload is W1's at ten times its size: 2,000 dossier workbooks × 1,000 service
records, 200 experts, 7 experts per platform, and one signed score file per expert; the 1×
workload is the first 200 of the same dossiers with 20 experts. Built once and kept in
``benchmarks/out/national`` (ignored by git; ``--rebuild`` drops the stores and score files,
the dossiers are kept):

* ``dossiers/`` — the workbooks, written by W1's generator in worker processes;
* ``roster-N.xlsx`` — N/10 experts, one in ten working at a host unit (a conflict to respect);
* ``store-N.jlpanel`` — the store after import, roster, ``assign --per-platform 7`` and
  ``packages``: it holds the packages' signing keys;
* ``scores-N/`` — each expert's signed score file for their 70 platforms, signed with the
  key of the package ``store-N`` issued them.

Each command runs as ``python -m jlpanel …`` in a process of its own, through a few lines
that run the module (runpy) and then read the process's own high-water resident memory
(VmHWM; ``ru_maxrss`` would carry the parent's over a fork, and ``/usr/bin/time`` reports
the same figure). Worker processes a command starts are sampled every 0.25 s from /proc
(a forkserver's workers are not the command's children, so ``RUSAGE_CHILDREN`` misses
them) and shown apart: the largest peak of any one, and the largest PSS of the command and
all its workers together. The time is the whole command, interpreter start included, as a
user waits for it:

    new, import DOSSIERS, experts ROSTER, assign --per-platform 7, packages OUT
                             on a fresh store (import is W1's command at national size)
    merge SCORES             on a copy of the cached store (its packages signed the files)
    results, report OUT, export OUT.xlsx   on that merged store

The window is the real MainWindow offscreen (``QT_QPA_PLATFORM=offscreen``) in a process of
its own, on the merged store: from ``open_workspace`` to the platform list painted, then to
every background task done; then each tab, twice, from the switch to every background task
done and the window painted. A 5 ms QTimer (precise) ticks on the GUI thread throughout; the
longest interval between two ticks during a step is the longest time the window could not
answer the user in it.

    python benchmarks/run.py national [--sizes 200,2000] [--engine sqlite|postgresql]
                                      [--steps import,merge,…,gui] [--skip-gui] [--rebuild]

``--engine postgresql`` runs the commands and the window against databases on the server
of ``JLPANEL_BENCH_PG`` (a superuser's URL: databases ``jlpanel_bench_*`` are created and
dropped there) or a throwaway local server (as the tests start one; fsync off). The cache
is built on SQLite either way and copied onto the server, untimed, for merge and after.

The figures are printed as a table and written to ``benchmarks/out/national.json`` (or
``national-postgresql.json``) with the command line that printed them. One run each: on a
shared machine they move with the neighbours. Nothing here is asserted by the test suite.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
CACHE = OUT / "national"
SERVICES_EACH = 1000
PER_PLATFORM = 7
PERIOD = ("2024-01-01", "2025-12-31")
CYCLE = "全国规模基准"
NEW_CYCLE = ("--cycle", CYCLE, "--start", PERIOD[0], "--end", PERIOD[1])
MB = 2**20

#: The command steps, in the order they run.
COMMAND_STEPS = ("import", "experts", "assign", "packages", "merge", "results", "report", "export")
ALL_STEPS = (*COMMAND_STEPS, "gui")

# Runs ``python -m jlpanel ARGS`` in this process, then writes what it cost to FIGURES.
_RUN_MODULE = """
import json, resource, runpy, sys, time
figures, sys.argv = sys.argv[1], ["jlpanel", *sys.argv[2:]]
code = 0
try:
    runpy.run_module("jlpanel", run_name="__main__", alter_sys=True)
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
finally:
    with open("/proc/self/status") as status:
        hwm = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:"))
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # those waited for by now
    with open(figures, "w") as out:
        json.dump({"peak_rss": hwm, "cpu": me.ru_utime + me.ru_stime,
                   "workers_cpu": kids.ru_utime + kids.ru_stime}, out)
sys.exit(code)
"""


# ----------------------------------------------------------------------------- workload


def _write_dossier(job: tuple[int, str]) -> None:
    from workloads import synthetic_dossier

    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    n, path = job
    partial = Path(path).with_suffix(".partial.xlsx")
    write_dossier_workbook(partial, synthetic_dossier(n, services=SERVICES_EACH))
    partial.replace(path)


def dossier_paths(count: int) -> list[Path]:
    """The first ``count`` national dossiers, written where missing (in worker processes).

    The first 200 are W1's workbooks (the same generator and seeds): copied from W1's
    folder when it is there.
    """
    folder = CACHE / "dossiers"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"dossier-{n:04d}.xlsx" for n in range(count)]
    w1 = OUT / "w1-dossiers"
    missing = []
    for n, path in enumerate(paths):
        if path.exists():
            continue
        twin = w1 / f"dossier-{n:03d}-{SERVICES_EACH}.xlsx"
        if twin.exists():
            shutil.copyfile(twin, path)
        else:
            missing.append((n, str(path)))
    if missing:
        t0 = time.perf_counter()
        workers = max(1, min(os.cpu_count() or 1, len(missing) // 20 or 1))
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_write_dossier, missing, chunksize=10))
        print(
            f"  wrote {len(missing):,} dossier workbooks in {time.perf_counter() - t0:.0f} s "
            f"({workers} processes)"
        )
    return paths


def roster_path(experts: int) -> Path:
    """The roster of ``experts`` experts; one in ten works at a host unit."""
    from jlpanel.exchange.roster_writer import RosterExpert, write_roster

    path = CACHE / f"roster-{experts}.xlsx"
    if not path.exists():
        write_roster(
            path,
            [
                RosterExpert(
                    f"专家{k:03d}",
                    f"吉林省第{k * 7}研究所" if k % 10 == 3 else f"外省大学{k}",
                    "教授",
                    "仪器科学与技术",
                    f"1390431{k:04d}",
                )
                for k in range(experts)
            ],
        )
    return path


def write_score_files(store: Path, folder: Path, *, seed: int = 20261207) -> list[Path]:
    """Each expert's signed score file for their assigned platforms, with the key of the
    package ``store`` issued them (as in W2's workload)."""
    from sqlalchemy import select

    from jlpanel import __version__
    from jlpanel.exchange import score_file as sf
    from jlpanel.services.workspace import open_workspace
    from jlpanel.storage import models as m

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    with open_workspace(store, backup=False) as ws:
        info = ws.cycle_info()
        rubric = info.rubric
        with ws.session() as s:
            filing = dict(s.execute(select(m.Platform.id, m.Platform.filing_no)).tuples().all())
            names = dict(s.execute(select(m.Expert.id, m.Expert.name)).tuples().all())
            assigned: dict[int, list[int]] = {}
            for expert_id, platform_id in s.execute(
                select(m.Assignment.expert_id, m.Assignment.platform_id).order_by(
                    m.Assignment.platform_id
                )
            ).tuples():
                assigned.setdefault(expert_id, []).append(platform_id)
            packages = s.execute(
                select(m.ReviewPackage.id, m.ReviewPackage.expert_id, m.ReviewPackage.hmac_key)
            ).all()
            issued_at = s.scalars(select(m.ReviewPackage.issued_at)).first()
    issued = (issued_at or dt.datetime(2026, 5, 18)).replace(tzinfo=dt.UTC)
    quality = {p: rnd.uniform(0.4, 0.98) for p in filing}
    for package_id, expert_id, key in packages:
        leniency = rnd.gauss(0, 0.05)
        sheets = []
        for pid in assigned.get(expert_id, []):
            scores: dict[str, float] = {}
            comments: dict[str, str] = {}
            for ind in rubric.indicators:
                share = min(1.0, max(0.0, quality[pid] + leniency + rnd.gauss(0, 0.08)))
                points = round(share * float(ind.max_points) / float(ind.step)) * float(ind.step)
                scores[ind.code] = points
                if ind.requires_comment(Decimal(repr(points))) or rnd.random() < 0.15:
                    comments[ind.code] = "服务记录完整，外单位用户占比较高"
            sheets.append(
                sf.SheetEntry(
                    pid, filing[pid], scores, comments, {}, {}, overall_comment="总体情况良好"
                )
            )
        payload = sf.make_payload(
            cycle_id=info.id,
            package_id=package_id,
            expert_id=expert_id,
            expert_name=names[expert_id],
            revision=1,
            submitted_at=issued + dt.timedelta(hours=2),
            app_version=__version__,
            declarations=[
                sf.DeclarationEntry(pid, filing[pid], False, "", issued)
                for pid in assigned.get(expert_id, [])
            ],
            sheets=sheets,
        )
        target = folder / f"{names[expert_id]}-r1{sf.SCORE_FILE_SUFFIX}"
        target.write_bytes(sf.encode_score_file(payload, key))
        files.append(target)
    return files


# --------------------------------------------------------------------------- measuring


@dataclass
class Figure:
    """One step at one size."""

    seconds: float
    command: str
    peak_rss: int | None = None
    workers_peak_rss: int = 0  # sampled: the largest VmHWM of any worker process
    tree_peak_pss: int = 0  # sampled: the command and its workers together
    cpu: float | None = None
    workers_cpu: float = 0.0
    longest_gap: float | None = None  # GUI steps: the longest GUI-thread gap
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, "")}


@dataclass
class Run:
    """Where the subprocesses run, and what they found."""

    scratch: Path
    env: dict[str, str]
    figures: dict[str, Figure] = field(default_factory=dict)

    def jlpanel(self, step: str | None, *args: str | Path) -> Figure:
        """``python -m jlpanel ARGS`` in a process of its own; recorded under ``step``."""
        shown = ["python", "-m", "jlpanel", *(_shown(a) for a in args)]
        figures = self.scratch / "figures.json"
        figures.unlink(missing_ok=True)
        logs = self.scratch / "command.log"
        t0 = time.perf_counter()
        with logs.open("w+") as log:
            process = subprocess.Popen(
                [sys.executable, "-c", _RUN_MODULE, str(figures), *map(str, args)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            workers = WorkerWatch(process.pid)
            while process.poll() is None:
                workers.sample()
                time.sleep(0.25)
            took = time.perf_counter() - t0
            if process.returncode != 0:
                log.seek(0)
                raise RuntimeError(
                    f"{shlex.join(shown)}: exit {process.returncode}\n{log.read()[-3000:]}"
                )
        cost = json.loads(figures.read_text())
        figure = Figure(took, shlex.join(shown), **cost)
        figure.workers_peak_rss, figure.tree_peak_pss = workers.peak, workers.tree_peak
        if step is not None:
            self.figures[step] = figure
            print(f"  {step:<10} {took:8.1f} s  peak RSS {_peak(figure)}", flush=True)
        return figure


class WorkerWatch:
    """Samples the processes a command starts (its worker processes, however started:
    a forkserver's children are not the command's, so ``RUSAGE_CHILDREN`` misses them):
    the largest peak resident memory (VmHWM) of any one, and the largest sum of the
    proportional set sizes (PSS) of the command and all of them at one sample — the
    memory the whole command holds, shared pages counted once."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak = 0
        self.tree_peak = 0

    def _descendants(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    stat = Path(entry.path, "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
        found, todo = [], [self.root]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found

    @staticmethod
    def _field(path: str, name: str) -> int:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(name):
                    return int(line.split()[1]) * 1024
        except OSError:  # it ended meanwhile
            pass
        return 0

    def sample(self) -> None:
        descendants = self._descendants()
        if not descendants:
            return
        for pid in descendants:
            self.peak = max(self.peak, self._field(f"/proc/{pid}/status", "VmHWM:"))
        total = sum(
            self._field(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in [self.root, *descendants]
        )
        self.tree_peak = max(self.tree_peak, total)


def _peak(figure: Figure) -> str:
    """The command's peak resident memory, and its workers' where it had any."""
    text = _mb(figure.peak_rss)
    if figure.workers_peak_rss:
        text += (
            f" (workers ≤ {_mb(figure.workers_peak_rss)} each, "
            f"all ≤ {_mb(figure.tree_peak_pss)} PSS)"
        )
    return text


def _shown(arg: str | Path) -> str:
    """An argument as the printed command shows it: paths inside the cache or the scratch
    folder by a short name, a server URL without its password."""
    text = str(arg)
    if "://" in text:
        from jlpanel.storage.engines import display_text

        return display_text(text)
    path = Path(text)
    if path.is_absolute():
        with contextlib.suppress(ValueError):
            return str(path.relative_to(ROOT))
        return path.name
    return text


def gui_figures(run: Run, store: str | Path) -> None:
    """The window on ``store``: open, then every tab twice (see the module)."""
    out = run.scratch / "gui.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "national_gui.py"), str(store), str(out)]
    done = subprocess.run(command, env=run.env, capture_output=True, text=True, timeout=7200)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"GUI run: exit {done.returncode}\n{done.stderr[-3000:]}")
    found = json.loads(out.read_text())
    peak = found.pop("peak_rss")
    shown = "QT_QPA_PLATFORM=offscreen " + shlex.join(
        ["python", "benchmarks/national_gui.py", _shown(store), "OUT.json"]
    )
    count = found.pop("open: platforms listed")[0]
    for name, (took, gap) in found.items():
        run.figures[f"gui {name}"] = Figure(
            took, shown, peak_rss=peak, longest_gap=gap, note=f"{count} platforms listed"
        )
        print(f"  {'gui ' + name:<40} {took:8.2f} s  longest GUI-thread gap {gap * 1000:7.0f} ms")


def results_in_process(run: Run, store: str | Path) -> None:
    """W3 at this size: the results loaded and computed in one process, the store already
    open (benchmarks/results_in_process.py; the ``results`` command adds start-up, the
    integrity check of the open and storing them)."""
    out = run.scratch / "w3.json"
    script = ROOT / "benchmarks" / "results_in_process.py"
    done = subprocess.run(
        [sys.executable, str(script), str(store), str(out)],
        env=run.env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"results in process: exit {done.returncode}\n{done.stderr[-3000:]}")
    found = json.loads(out.read_text())
    shown = shlex.join(["python", "benchmarks/results_in_process.py", _shown(store)])
    run.figures["results (in process)"] = Figure(
        found["seconds"], shown, peak_rss=found["peak_rss"], cpu=found["cpu"], note="W3"
    )
    print(f"  {'W3 results (in process)':<24} {found['seconds']:8.2f} s", flush=True)


# ------------------------------------------------------------------------------ engines


@contextlib.contextmanager
def _server(engine: str) -> Iterator[Any]:
    if engine == "sqlite":
        yield None
        return
    from sqlalchemy import make_url

    url = os.environ.get("JLPANEL_BENCH_PG")
    if url:
        yield make_url(url)
        return
    from bench_engines import throwaway_server

    with throwaway_server() as server:
        yield server


class Stores:
    """Fresh stores for one run: files in the scratch folder, or databases on a server."""

    def __init__(self, scratch: Path, server: Any, stack: contextlib.ExitStack) -> None:
        self.scratch, self.server, self.stack = scratch, server, stack

    def fresh(self, name: str) -> str:
        """A location for a new store (not yet created)."""
        if self.server is None:
            return str(self.scratch / f"{name}.jlpanel")
        from bench_engines import fresh_database

        url = self.stack.enter_context(fresh_database(self.server))
        return url.set(drivername="postgresql").render_as_string(hide_password=False)

    def copy_of(self, source: Path, name: str) -> str:
        """A copy of the store file ``source`` (untimed)."""
        if self.server is None:
            target = self.scratch / f"{name}.jlpanel"
            shutil.copyfile(source, target)
            return str(target)
        from jlpanel.storage import workspace as store
        from jlpanel.storage.engines import parse_location

        location = self.fresh(name)
        engine = store.open_engine(source)
        try:
            store.copy_store(engine, parse_location(location))
        finally:
            engine.dispose()
        return location


# ---------------------------------------------------------------------------------- run


def run_size(
    size: int,
    steps: Sequence[str],
    engine: str,
    server: Any,
    figures: dict[str, Figure],
    *,
    rebuild: bool,
) -> None:
    """Every step at ``size`` platforms into ``figures`` (those measured before a failure
    stay there)."""
    experts = max(PER_PLATFORM, size // 10)
    cached = CACHE / f"store-{size}.jlpanel"
    scores = CACHE / f"scores-{size}"
    if rebuild:
        cached.unlink(missing_ok=True)
        shutil.rmtree(scores, ignore_errors=True)
    t0 = time.perf_counter()
    dossiers = dossier_paths(size)
    roster = roster_path(experts)
    made = time.perf_counter() - t0
    print(
        f"{size:,} platforms: {size:,} dossiers × {SERVICES_EACH:,} service records "
        f"({sum(p.stat().st_size for p in dossiers) / 1e6:.0f} MB), {experts} experts, "
        f"{PER_PLATFORM} per platform — dossiers and roster ready in {made:.0f} s",
        flush=True,
    )
    folder = CACHE / f"dossiers-{size}"  # the command takes a folder: the first SIZE files
    if not folder.is_dir() or len(list(folder.glob("*.xlsx"))) != size:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for path in dossiers:
            os.link(path, folder / path.name)
    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=OUT, prefix="nat-")))
        env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            QT_QPA_PLATFORM="offscreen",
            JLPANEL_CONFIG_DIR=str(scratch / "cfg"),
            JLPANEL_DATA_DIR=str(scratch / "data"),
        )
        run = Run(scratch, env, figures)
        building = not (cached.exists() and scores.is_dir())
        if building:  # the cache is built by the measured commands on a file
            print(f"  building {cached.relative_to(ROOT)} and its score files", flush=True)
            work = str(scratch / "build.jlpanel")
            run.jlpanel(None, "new", work, *NEW_CYCLE)
            run.jlpanel("import" if engine == "sqlite" else None, "import", work, folder)
            run.jlpanel("experts" if engine == "sqlite" else None, "experts", work, roster)
            run.jlpanel(
                "assign" if engine == "sqlite" else None,
                "assign",
                work,
                "--per-platform",
                str(PER_PLATFORM),
            )
            run.jlpanel(
                "packages" if engine == "sqlite" else None, "packages", work, scratch / "pk"
            )
            shutil.rmtree(scratch / "pk")
            t1 = time.perf_counter()
            shutil.copyfile(work, cached)
            Path(work).unlink()
            write_score_files(cached, scores)
            print(f"  score files signed in {time.perf_counter() - t1:.1f} s", flush=True)
        stores = Stores(scratch, server, stack)
        fresh_steps = [s for s in ("import", "experts", "assign", "packages") if s in steps]
        if fresh_steps and not (building and engine == "sqlite"):
            if "import" in steps:
                work = stores.fresh("fresh")
                run.jlpanel(None, "new", work, *NEW_CYCLE)
                run.jlpanel("import", "import", work, folder)
                run.jlpanel("experts", "experts", work, roster)
                run.jlpanel("assign", "assign", work, "--per-platform", str(PER_PLATFORM))
            else:  # the cached store is imported and assigned already
                work = stores.copy_of(cached, "fresh")
            if "packages" in steps:
                run.jlpanel("packages", "packages", work, scratch / "pk")
                shutil.rmtree(scratch / "pk")
        later = [s for s in ("merge", "results", "report", "export", "gui") if s in steps]
        if later:
            merged = stores.copy_of(cached, "merged")
            run.jlpanel("merge" if "merge" in steps else None, "merge", merged, scores)
            if "results" in steps:
                run.jlpanel("results", "results", merged)
                results_in_process(run, merged)
            if "report" in steps:
                run.jlpanel("report", "report", merged, scratch / "reports")
                shutil.rmtree(scratch / "reports")
            if "export" in steps:
                run.jlpanel("export", "export", merged, scratch / "results.xlsx")
            if "gui" in steps:
                gui_figures(run, merged)


def _mb(value: int | None) -> str:
    return "—" if value is None else f"{value / MB:.0f} MB"


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (a Chinese character takes two)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _lay_out(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[k]) for r in rows) for k in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append(
            " | ".join(
                c + " " * (w - _width(c)) if k == 0 else " " * (w - _width(c)) + c
                for k, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return lines


def table(sizes: Sequence[int], found: dict[int, dict[str, Figure]]) -> str:
    """The figures side by side: each step at each size, the growth, and the peak resident
    memory of each command or the longest GUI-thread gap of each step in the window."""
    names: list[str] = []
    for figures in found.values():
        names += [n for n in figures if n not in names]
    wide = len(sizes) > 1
    out: list[str] = []
    for gui in (False, True):
        chosen = [n for n in names if n.startswith("gui ") == gui]
        if not chosen:
            continue
        extra = "longest gap" if gui else "peak RSS"
        rows = [
            [
                "window (5 ms heartbeat)" if gui else "command",
                *(f"{s:,}" for s in sizes),
                *(["growth"] if wide else []),
                *(f"{extra} {s:,}" for s in sizes),
            ]
        ]
        for name in chosen:
            at = [found.get(s, {}).get(name) for s in sizes]
            row = [name.removeprefix("gui "), *(_seconds(f.seconds if f else None) for f in at)]
            if wide:
                a, b = at[0], at[-1]
                row.append(f"{b.seconds / a.seconds:.1f}×" if a and b and a.seconds else "—")
            for f in at:
                if gui:
                    gap = None if f is None else f.longest_gap
                    row.append("—" if gap is None else f"{gap * 1000:.0f} ms")
                else:
                    row.append(_peak(f) if f else "—")
            rows.append(row)
        out += _lay_out(rows)
        if gui:
            peaks = ", ".join(
                f"{s:,}: {_mb(f.peak_rss)}"
                for s in sizes
                if (f := found.get(s, {}).get(chosen[0])) is not None
            )
            out.append(f"window process peak RSS — {peaks}")
        out.append("")
    return "\n".join(out).rstrip()


def bench_national(argv: Sequence[str]) -> int:
    """``run.py national [options]``: see the module."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py national",
        description=(__doc__ or "").split("\n\n")[0],
        epilog="The figures also go to benchmarks/out/national.json; see bench_national.py.",
    )
    parser.add_argument("--sizes", default="200,2000", help="platform counts (default 200,2000)")
    parser.add_argument(
        "--engine",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the stores: .jlpanel files, or databases on JLPANEL_BENCH_PG's server (a "
        "superuser's URL) or else on a throwaway local one",
    )
    parser.add_argument(
        "--steps", default=",".join(ALL_STEPS), help=f"some of {','.join(ALL_STEPS)}"
    )
    parser.add_argument("--skip-gui", action="store_true", help="leave the window out")
    parser.add_argument(
        "--rebuild", action="store_true", help="rebuild the cached stores and score files"
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = sorted(set(steps) - set(ALL_STEPS))
    if unknown or not sizes or min(sizes) < 10:
        parser.error(f"unknown steps {unknown}" if unknown else "--sizes wants counts ≥ 10")
    if args.skip_gui:
        steps = [s for s in steps if s != "gui"]
    command = shlex.join(["python", "benchmarks/run.py", "national", *argv])
    began = time.perf_counter()
    found: dict[int, dict[str, Figure]] = {}
    failed = False
    with _server(args.engine) as server:
        for size in sizes:
            t0 = time.perf_counter()
            figures = found[size] = {}
            try:
                run_size(size, steps, args.engine, server, figures, rebuild=args.rebuild)
            except Exception as exc:  # print what was measured, and why the rest is missing
                failed = True
                print(f"  {size:,} platforms: FAILED — {exc}", flush=True)
            # The cache's build measures import to packages whether asked for or not.
            for name in [n for n in figures if n.split()[0] not in steps]:
                del figures[name]
            print(f"  {size:,} platforms done in {time.perf_counter() - t0:.0f} s\n", flush=True)
    took = time.perf_counter() - began
    load = os.getloadavg()
    print(
        f"national benchmark, engine {args.engine}, {os.cpu_count()} cores, load "
        f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end; one run each ({took:.0f} s)"
    )
    print(table(sizes, found))
    print(f"printed by: {command}")
    print(f"the steps at {sizes[-1]:,} platforms ran (in a scratch folder, since removed):")
    for name, figure in found[sizes[-1]].items():
        if not name.startswith("gui ") or name.startswith("gui open: platform"):
            print(f"  {figure.command}")
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / ("national.json" if args.engine == "sqlite" else f"national-{args.engine}.json")
    target.write_text(
        json.dumps(
            {
                "command": command,
                "engine": args.engine,
                "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": {
                    "cores": os.cpu_count(),
                    "loadavg_at_end": load,
                    "python": platform.python_version(),
                    "system": platform.platform(),
                },
                "seconds_total": took,
                "sizes": {
                    str(size): {name: f.as_json() for name, f in figures.items()}
                    for size, figures in found.items()
                },
                "table": table(sizes, found),
            },
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"written to {target.relative_to(ROOT)}")
    return 1 if failed else 0
