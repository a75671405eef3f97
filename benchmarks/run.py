"""Build synthetic workloads and print the timing figures against their budgets.

``memory`` prints the peak memory of reading the worst workbooks instead (bench_memory.py).

    python benchmarks/run.py            every benchmark but engines
    python benchmarks/run.py results    only those whose name contains "results"
    python benchmarks/run.py engines --store postgresql://…
                                        merge and results on a file and on that server
                                        (without --store: on a throwaway local server)
    python benchmarks/run.py national [--sizes 200,2000] [--engine sqlite|postgresql]
                                      [--steps import,…,gui] [--skip-gui] [--rebuild]
                                        every command and the window at 200 and 2,000
                                        platforms side by side (bench_national.py)

Figures are medians of several runs (min in brackets), measured in this process on this
machine; nothing here is asserted by the test suite.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

ROOT = Path(__file__).resolve().parents[1]


def measure(fn: Callable[[], object], repeat: int = 7) -> tuple[float, float]:
    """Median and minimum wall time of ``fn`` in seconds."""
    fn()  # warm caches and imports once; start-up is measured separately
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def report(name: str, median: float, best: float, budget: float | None, note: str = "") -> None:
    verdict = "" if budget is None else ("  ok" if median <= budget else "  OVER BUDGET")
    limit = "" if budget is None else f"  (budget ≤ {budget:.2f} s)"
    print(f"{name:<58} {median * 1000:8.1f} ms  [min {best * 1000:7.1f}]{limit}{verdict} {note}")


def bench_bundle_start(tmp: Path) -> None:
    """The PyInstaller bundle: size, and process start to first window (build it first)."""
    root = Path(__file__).resolve().parent.parent
    folder = root / "build" / "dist" / "jlpanel"
    exe = folder / ("jlpanel-cli.exe" if sys.platform == "win32" else "jlpanel-cli")
    if not exe.is_file():
        raise FileNotFoundError(f"{exe}: run `python packaging/build.py` first")
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"bundle {folder}: {size / 2**20:.1f} MiB in {len(files)} files")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        JLPANEL_CONFIG_DIR=str(tmp / "cfg"),
        JLPANEL_DATA_DIR=str(tmp / "data"),
    )
    venv = Path(sys.executable).with_name("jlpanel")
    for label, command in (
        ("bundle: start to first window, then quit", [str(exe), "--quit-after-start"]),
        ("installed package, the same (reference)", [str(venv), "--quit-after-start"]),
    ):
        subprocess.run(command, env=env, check=True)  # warm the page cache
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
        report(label, statistics.median(times), min(times), 1.0)


def bench_results(tmp: Path) -> None:
    from workloads import build_scored_cycle

    from jlpanel.domain.results import compute_results
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.results import compute_and_store_results, compute_workspace_results
    from jlpanel.services.workspace import open_workspace

    path = build_scored_cycle(tmp / "w3.jlpanel", platforms=200, experts=7, history_cycles=3)
    size = path.stat().st_size / 1e6
    print(
        f"workload: 200 platforms × 7 experts × 15 indicators, 3 cycles of history "
        f"({size:.1f} MB workspace)"
    )
    with open_workspace(path) as ws:
        med, best = measure(lambda: compute_workspace_results(ws))
        report("W3 results and rules (load from workspace + compute)", med, best, 0.2)

        from jlpanel.services.results import load_platform_inputs

        info = ws.cycle_info()
        with ws.session() as s:
            inputs = load_platform_inputs(s)
        import datetime as dt

        day = dt.date.today()
        med, best = measure(
            lambda: compute_results(info.rubric, RuleSettings(), inputs, confirmed_on=day)
        )
        report("    of which the rules alone (domain compute)", med, best, None)
        med, best = measure(lambda: compute_and_store_results(ws), repeat=5)
        report("W3 results computed and stored (audited)", med, best, None)

    def open_and_read() -> None:
        with open_workspace(path) as ws:
            ws.cycle_info()

    med, best = measure(open_and_read)
    report("open a workspace of that size (backup + migrate check)", med, best, 0.3)


def bench_gui_start(tmp: Path) -> None:
    """Process start to the first window shown, in a fresh interpreter each time."""
    script = (
        "import time, sys\n"
        "from jlpanel.gui.shell.app import make_app, MainWindow\n"
        "app = make_app([])\n"
        "w = MainWindow()\n"
        "w.show()\n"
        "app.processEvents()\n"
        "print('heavy modules:', sorted(m for m in ('pandas', 'sqlalchemy', 'reportlab')"
        " if m in sys.modules))\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        JLPANEL_CONFIG_DIR=str(tmp / "cfg"),
        JLPANEL_DATA_DIR=str(tmp / "data"),
    )
    times = []
    out = ""
    for _ in range(5):
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        times.append(time.perf_counter() - t0)
        out = done.stdout.strip()
    report(
        "GUI start to first window (fresh process)",
        statistics.median(times),
        min(times),
        1.0,
        f"— {out}",
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(
        f"{'    (bare Python interpreter start, for reference)':<58} "
        f"{(time.perf_counter() - t0) * 1000:8.1f} ms"
    )


def bench_gui_open(tmp: Path) -> None:
    """`jlpanel open PACKAGE.jlreview`: process start to the review window shown (demo).

    The command measured (``--quit-after-start`` writes ``shown`` when the review window is
    on screen and quits):

        QT_QPA_PLATFORM=offscreen python -m jlpanel --quit-after-start open PACKAGE.jlreview
    """
    from jlpanel.services.demo import build_demo

    demo = build_demo(tmp / "open-demo")
    package = max(demo.packages, key=lambda p: p.stat().st_size)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        JLPANEL_CONFIG_DIR=str(tmp / "open-cfg"),
        JLPANEL_DATA_DIR=str(tmp / "open-data"),
    )
    command = [sys.executable, "-m", "jlpanel", "--quit-after-start", "open", str(package)]
    times, cpu = [], []
    for _ in range(6):
        t0 = time.perf_counter()
        with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) as proc:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            times.append(time.perf_counter() - t0)
            proc.wait()
        if not line.startswith("shown cpu=") or proc.returncode != 0:
            raise RuntimeError(f"{command}: exit {proc.returncode}, said {line!r}")
        cpu.append(float(line.removeprefix("shown cpu=")))
    times, cpu = times[1:], cpu[1:]  # the first run warms the page cache
    report(
        "jlpanel open PACKAGE.jlreview: start to review window shown",
        statistics.median(times),
        min(times),
        1.0,
        f"— {package.stat().st_size / 1e6:.1f} MB package; processor time "
        f"{statistics.median(cpu) * 1000:.0f} ms (less sensitive to a busy machine)",
    )


def bench_import(tmp: Path) -> None:
    """W1: 200 dossiers with 200,000 service records, against a plain pandas-calamine read."""
    import pandas as pd
    from workloads import build_dossier_folder

    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import create_workspace

    cache = ROOT / "benchmarks" / "out" / "w1-dossiers"
    t0 = time.perf_counter()
    paths = build_dossier_folder(cache, count=200, services_each=1000)
    made = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in paths) / 1e6
    print(
        f"workload: 200 dossier workbooks × 1,000 service records ({size:.0f} MB, "
        f"{'written in ' + format(made, '.0f') + ' s' if made > 5 else 'cached'} "
        f"in benchmarks/out)"
    )

    def plain_read() -> None:
        for p in paths:
            pd.read_excel(p, sheet_name=None, engine="calamine")

    def full_import() -> None:
        ws_path = tmp / f"w1-{time.perf_counter_ns()}.jlpanel"
        with create_workspace(
            ws_path, "W1", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31)
        ) as ws:
            outcomes = import_dossiers(ws, paths)
        assert all(o.ok for o in outcomes), [o.findings for o in outcomes if not o.ok][:1]
        ws_path.unlink()

    read_times, import_times, read_cpu, import_cpu = [], [], [], []
    for _ in range(3):  # alternate, so both see the same machine state
        t0, c0 = time.perf_counter(), time.process_time()
        plain_read()
        read_times.append(time.perf_counter() - t0)
        read_cpu.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        full_import()
        import_times.append(time.perf_counter() - t0)
        import_cpu.append(time.process_time() - c0)
    read, imp = statistics.median(read_times), statistics.median(import_times)
    report(
        "plain pandas.read_excel(engine='calamine') of the 200 files", read, min(read_times), None
    )
    report(
        "W1 import 200 dossiers (read, check, metrics, store)",
        imp,
        min(import_times),
        None,
        f"— ratio {imp / read:.2f}× the plain read (goal ≤ 1.0×, issue 16; issue 12: ≤ 1.9×)",
    )
    # On a shared machine wall time swings with the neighbours; CPU time of this process
    # much less (the import's fsyncs are the part it leaves out).
    cpu_read, cpu_import = statistics.median(read_cpu), statistics.median(import_cpu)
    print(
        f"{'  the same in CPU time of this process':<58} {cpu_import * 1000:8.1f} ms  "
        f"vs {cpu_read * 1000:.1f} ms — ratio {cpu_import / cpu_read:.2f}×"
    )


_DOSSIER_OPEN = """
import statistics, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from jlpanel.gui.shell.app import make_app
from jlpanel.gui.common.dossier_view import DossierView
from jlpanel.services.workspace import open_workspace

app = make_app([])
ws = open_workspace(Path(sys.argv[1]))
view = DossierView()
view.resize(1366, 700)
view.set_context(ws, ws.cycle_info().rubric)
view.show()
times = []
for _ in range(7):
    done = []
    view.sheet_loaded.connect(lambda name: done.append(name))
    view.sheet_completed.connect(lambda name: done.append("rest"))
    t0 = time.perf_counter()
    view.show_platform(1, tab="services")
    while "services" not in done:
        app.processEvents()
    view.repaint()  # the first rows painted
    times.append(time.perf_counter() - t0)
    while "rest" not in done:  # let the rest arrive before the next round (not timed)
        app.processEvents()
    view.sheet_loaded.disconnect()
    view.sheet_completed.disconnect()
rows = view.sheet_model("services").rowCount()
print(f"{times[0]:.4f} {statistics.median(times[1:]):.4f} {min(times):.4f} {rows}")
ws.close()
"""


_HOSTILE_READ = """
import resource, sys, time
from pathlib import Path
from jlpanel.exchange.dossier_reader import read_dossier
t0 = time.perf_counter()
result = read_dossier(Path(sys.argv[1]))
took = time.perf_counter() - t0
codes = ",".join(sorted({f.code for f in result.errors})) or "read"
who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
peak = max(resource.getrusage(w).ru_maxrss for w in who)
print(f"{took:.6f} {peak // 1024} {codes}")
"""


def bench_reader(tmp: Path) -> None:
    """W1's 200 workbooks read whole by python-calamine itself and through pandas.read_excel
    (its calamine engine), and the cost of importing pandas: why the program reads without
    pandas (issue 15, item 6). Uses the W1 workbooks (run ``import`` first to write them)."""
    from workloads import build_dossier_folder

    paths = build_dossier_folder(
        ROOT / "benchmarks" / "out" / "w1-dossiers", count=200, services_each=1000
    )

    def raw() -> None:
        from python_calamine import CalamineWorkbook

        for p in paths:
            book = CalamineWorkbook.from_path(str(p))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python()

    def through_pandas() -> None:
        import pandas as pd

        for p in paths:
            pd.read_excel(p, sheet_name=None, engine="calamine")

    for name, fn in (
        ("python-calamine, every sheet of the 200 W1 files", raw),
        ("pandas.read_excel(engine='calamine'), the same", through_pandas),
    ):
        median, best = measure(fn, repeat=3)
        report(name, median, best, None)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import pandas"], check=True)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t0
    report(
        "import pandas (a fresh interpreter, less its bare start)",
        statistics.median(times) - bare,
        min(times) - bare,
        None,
    )


def bench_hostile(tmp: Path) -> None:
    """Hostile workbooks (issue 12): each refused in a fresh process, its time and peak RSS."""
    sys.path.insert(0, str(ROOT / "tests"))
    from broken_workbooks import write_dossier_workbook
    from hostile_workbooks import (
        far_cell,
        far_cell_without_refs,
        garbage_sheet,
        garbage_xls,
        gnumeric_dimension,
        namespaced,
    )

    cases = {
        "an honest dossier (reference)": write_dossier_workbook(tmp / "honest.xlsx"),
        "one cell at XFD1048576, rows without r=": far_cell(tmp / "far.xlsx"),
        "one cell at XFD1048576, rows with r=": far_cell(tmp / "far-r.xlsx", row_attr=True),
        "300 columns, cells without r=": far_cell_without_refs(tmp / "wide.xlsx"),
        "far cell behind a namespace prefix": namespaced(tmp / "ns.xlsx"),
        "Gnumeric's A1:XFD1048576 dimension (honest)": gnumeric_dimension(tmp / "gnm.xlsx"),
        "a garbage sheet part": garbage_sheet(tmp / "garbage.xlsx"),
        "a garbage .xls (read in a child process)": garbage_xls(tmp / "garbage.xls"),
    }
    for label, path in cases.items():
        times, peaks = [], []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, "-c", _HOSTILE_READ, str(path)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            times.append(float(out[0]))
            peaks.append(int(out[1]))
            outcome = out[2]
        took = statistics.median(times)
        print(
            f"{label:<48} {took * 1000:7.1f} ms  peak RSS {max(peaks):4d} MiB  "
            f"({path.stat().st_size / 1024:.1f} KiB file) → {outcome}"
        )
    print(
        "  (peak RSS: the reading process, or its child for an .xls/.ods, whichever is larger; "
        "an interpreter with jlpanel's reader imported is ~34 MiB)"
    )


def bench_integrity(tmp: Path) -> None:
    """Issue 13: the quick integrity check every open runs, and opening with and without the
    verified backup, on the W1-sized workspace (200 dossiers × 1,000 records) and the demo."""
    from workloads import build_dossier_folder

    from jlpanel.services.demo import build_demo
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.preferences import Preferences
    from jlpanel.services.workspace import create_workspace, open_workspace
    from jlpanel.storage.sqlite_file import integrity_problems, read_only_connection

    w1 = tmp / "w1-integrity.jlpanel"
    with create_workspace(
        w1, "W1", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31)
    ) as ws:
        paths = build_dossier_folder(
            ROOT / "benchmarks" / "out" / "w1-dossiers", count=200, services_each=1000
        )
        assert all(o.ok for o in import_dossiers(ws, paths))
    demo = build_demo(tmp / "demo-integrity").workspace
    prefs = Preferences(backup_dir=str(tmp / "integrity-backups"), backup_count=3)

    def check(path: Path) -> None:
        with read_only_connection(path) as connection:
            connection.execute("BEGIN")
            assert integrity_problems(connection) == ()

    def opened(path: Path, *, backup: bool) -> None:
        with open_workspace(path, preferences=prefs, backup=backup) as ws:
            ws.cycle_info()

    for label, path in (("W1", w1), ("demo", demo)):
        size = f"{path.stat().st_size / 1e6:.1f} MB"
        med, best = measure(lambda p=path: check(p))
        report(f"quick integrity check, {label} workspace ({size})", med, best, None)
        med, best = measure(lambda p=path: opened(p, backup=False))
        report(f"    open with the check, no backup ({label}: results, report…)", med, best, None)
        med, best = measure(lambda p=path: opened(p, backup=True))
        report(f"    open with the check and a verified backup ({label})", med, best, None)


def bench_dossier_open(tmp: Path) -> None:
    """Opening the dossier of a platform with 20,000 service records in the GUI."""
    from workloads import synthetic_dossier

    from jlpanel.exchange.dossier_writer import write_dossier_workbook
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import create_workspace

    book = tmp / "big.xlsx"
    write_dossier_workbook(book, synthetic_dossier(1, services=20_000))
    ws_path = tmp / "big.jlpanel"
    with create_workspace(
        ws_path, "大平台", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31)
    ) as ws:
        assert import_dossiers(ws, [book])[0].ok
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(
        [sys.executable, "-c", _DOSSIER_OPEN, str(ws_path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    first, warm, best, rows = done.stdout.split()
    report("open a 20,000-record dossier in the GUI, first time", float(first), float(first), None)
    report(
        "    … again (to 服务记录 rows shown, median of 6)",
        float(warm),
        float(best),
        0.3,
        f"— {int(rows):,} rows handed to the view so far",
    )


def bench_packages(tmp: Path) -> None:
    """Issuing 25 packages for 200 platforms; an edit to durable storage; a desk switch."""
    import shutil

    from workloads import build_assigned_cycle

    from jlpanel.services import review as rv
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.workspace import open_workspace

    path = build_assigned_cycle(tmp / "pk.jlpanel", platforms=200, experts=25, services_each=1000)
    size = path.stat().st_size / 1e6
    print(
        f"workload: 200 platforms × 1,000 service records, 25 experts all assigned "
        f"({size:.0f} MB workspace)"
    )
    copies: list[float] = []
    synced: list[float] = []
    builds: list[float] = []
    for n in range(3):  # alternate, so both see the same machine state
        target = tmp / f"copies{n}"
        target.mkdir()
        t0 = time.perf_counter()
        for k in range(25):
            shutil.copyfile(path, target / f"{k}.jlreview")
        copies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for k in range(25):  # what a package must do too: reach the disk
            with (target / f"{k}.jlreview").open("rb+") as handle:
                os.fsync(handle.fileno())
        synced.append(copies[-1] + time.perf_counter() - t0)
        shutil.rmtree(target)
        out = tmp / f"packages{n}"
        with open_workspace(path) as ws:
            t0 = time.perf_counter()
            issued = issue_packages(ws, out, paper_sheets=False)
            builds.append(time.perf_counter() - t0)
        if n < 2:
            shutil.rmtree(out)
    copy, build = statistics.median(copies), statistics.median(builds)
    report("25 plain file copies of the workspace", copy, min(copies), None)
    report(
        "issue 25 review packages (200 platforms each)",
        build,
        min(builds),
        None,
        f"— ratio {build / copy:.1f}× the plain copies",
    )

    def open_and_close() -> None:  # verified first: schema, description, integrity
        rv.open_package(issued[0].path).close()

    med, best = measure(open_and_close, repeat=5)
    report("open a package (verified; 200 platforms × 1,000 services)", med, best, 1.0)

    with rv.open_package(issued[0].path) as session:
        pid = session.platforms[0].id
        rv.declare(session, pid, False)
        codes = [i.code for i in session.rubric.indicators]
        times = []
        for k in range(200):
            ind = session.rubric.indicator(codes[k % len(codes)])
            t0 = time.perf_counter()
            rv.set_score(session, pid, ind.code, ind.max_points - ind.step * (k % 3))
            times.append(time.perf_counter() - t0)
        times.sort()
        report(
            "an edit to durable storage (set_score, 200 calls)",
            statistics.median(times),
            times[0],
            0.02,
            f"— p95 {times[189] * 1000:.1f} ms",
        )

        second = session.platforms[1].id

        def switch() -> None:
            for p in (second, pid):
                rv.platform_work(session, p)
                rv.dossier_overview(session, p)
                rv.sheet_data(session, p, "services", limit=1000)

        med, best = measure(switch, repeat=5)
        report(
            "    desk switch, services part (work + overview + first page)", med / 2, best / 2, 0.1
        )


def bench_merge(tmp: Path) -> None:
    """W2: merging 25 score files × 200 platforms × 15 indicators."""
    from bench_merge import bench_merge as run

    run(tmp)


_DESK_SWITCH = """
import statistics, sys, time
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from jlpanel.gui.shell.app import make_app
from jlpanel.gui.review.review_window import ReviewWindow, open_review_package

app = make_app(language="zh")
window = ReviewWindow(open_review_package(Path(sys.argv[1])))
window.resize(1366, 768)
window.show()
app.processEvents()
if not window.declaration_page.complete:
    window.declaration_page.ui.pledgeCheck.setChecked(True)
    window.declaration_page.confirm()
for _ in range(20):
    app.processEvents()
desk = window.desk
times = []
for n in range(30):
    done = []
    desk.dossier_view.overview_loaded.connect(lambda pid: done.append(pid))
    widget = QApplication.focusWidget() or window
    t0 = time.perf_counter()
    QTest.keyClick(widget, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    while not done:
        app.processEvents()
    desk.repaint()
    times.append(time.perf_counter() - t0)
    desk.dossier_view.overview_loaded.disconnect()
times.sort()
print(f"{statistics.median(times):.4f} {times[0]:.4f} {times[26]:.4f} {desk.model.rowCount()}")
window.close()
"""


def bench_desk_switch(tmp: Path) -> None:
    """Ctrl+PgDown on the expert's desk until the indicators and dossier are shown (demo)."""
    from jlpanel.services.demo import build_demo

    demo = build_demo(tmp / "demo")
    package = max(demo.packages, key=lambda p: p.stat().st_size)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(
        [sys.executable, "-c", _DESK_SWITCH, str(package)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    median, best, p90, platforms = done.stdout.split()
    report(
        "switch platform on the desk (to panel + dossier painted)",
        float(median),
        float(best),
        0.1,
        f"— p90 {float(p90) * 1000:.0f} ms over 30 switches, {platforms} platforms",
    )


def bench_reports(tmp: Path) -> None:
    """W4: the 200-platform report set plus the summary, and the export."""
    from bench_reports import bench_reports as run

    run(tmp)


def bench_memory(tmp: Path) -> None:
    """Peak memory of reading the honest and the worst allowed dossier; refusals (issue 12)."""
    from bench_memory import bench_memory as run

    run(tmp)


def bench_engines(tmp: Path) -> None:
    from bench_engines import bench_engines as run

    from jlpanel.storage.engines import parse_location

    server = parse_location(SERVER_STORE) if SERVER_STORE else None
    if isinstance(server, Path):
        raise ValueError(f"--store wants a postgresql:// URL, not {SERVER_STORE}")
    run(tmp, server)


#: ``--store URL``: the PostgreSQL server the ``engines`` benchmark uses.
SERVER_STORE: str | None = None

BENCHMARKS: dict[str, Callable[[Path], None]] = {
    "engines": bench_engines,
    "memory": bench_memory,
    "reports": bench_reports,
    "desk_switch": bench_desk_switch,
    "merge": bench_merge,
    "packages": bench_packages,
    "dossier_open": bench_dossier_open,
    "integrity": bench_integrity,
    "import": bench_import,
    "reader": bench_reader,
    "hostile": bench_hostile,
    "results": bench_results,
    "gui_start": bench_gui_start,
    "gui_open": bench_gui_open,
    "bundle_start": bench_bundle_start,
}


def main(argv: list[str]) -> int:
    global SERVER_STORE
    args = list(argv[1:])
    if args[:1] == ["national"]:  # its own options; never part of a run of every benchmark
        from bench_national import bench_national as national

        return national(args[1:])
    if "--store" in args:
        at = args.index("--store")
        SERVER_STORE = args[at + 1]
        del args[at : at + 2]
    wanted = args or [name for name in BENCHMARKS if name != "engines"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="jlpanel-bench-") as tmp:
        os.environ["JLPANEL_CONFIG_DIR"] = str(Path(tmp) / "cfg")
        os.environ["JLPANEL_DATA_DIR"] = str(Path(tmp) / "data")
        failed = []
        for name, bench in BENCHMARKS.items():
            if any(w in name for w in wanted):
                try:
                    bench(Path(tmp))
                except Exception as exc:  # report and go on to the next benchmark
                    failed.append(name)
                    detail = getattr(exc, "stderr", "") or ""
                    print(f"{name}: FAILED — {exc!r}\n{detail[-2000:]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
