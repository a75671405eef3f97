"""The same merge and results on both engines, side by side (issue 15).

W2's 25 signed score files × 200 platforms × 15 indicators are merged into a fresh copy of
the same store, once as a .jlpanel file and once as a PostgreSQL database, then the results
are computed and stored; the figures are medians of several runs, in one process and one
run, so both engines see the same machine.

The PostgreSQL store is a database created for each run on the server of ``--store URL``
(a superuser's URL: the benchmark creates and drops databases ``jlpanel_bench_*`` there), or
on a throwaway local server (initdb and pg_ctl from Debian's ``postgresql``, as the tests
start one: socket only, fsync off) when no URL is given.

    python benchmarks/run.py engines
    python benchmarks/run.py engines --store postgresql://postgres@/postgres?host=/run/postgresql
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import URL, create_engine, make_url, text

ROOT = Path(__file__).resolve().parents[1]
RUNS = 3


@contextlib.contextmanager
def throwaway_server() -> Iterator[URL]:
    """A local PostgreSQL server for the benchmark, as the tests start one; its URL."""
    sys.path.insert(0, str(ROOT / "tests"))
    import pg_server as pg

    bin_dir = pg.find_bin_dir()
    prefix = pg._as_server_user()
    base = Path(tempfile.mkdtemp(prefix="jlpanel-bench-pg-"))
    server = pg.PgServer(bin_dir, base, base / "data", base, base / "server.log")
    pg._hand_to_server_user(base)
    started = False
    try:
        pg._run(
            [
                *prefix,
                str(bin_dir / "initdb"),
                *("--pgdata", str(server.data_dir), "--username", pg.SUPERUSER),
                *("--auth", "trust", "--encoding", "UTF8", "--locale", "C", "--no-sync"),
            ],
            "initdb",
        )
        pg._append_as_server_user(
            prefix, server.data_dir / "postgresql.conf", pg._server_settings(server.socket_dir)
        )
        started = True
        pg._run(
            [
                *prefix,
                str(bin_dir / "pg_ctl"),
                *("--pgdata", str(server.data_dir), "--log", str(server.log_file)),
                *("--wait", "--timeout", "60", "start"),
            ],
            "pg_ctl start",
            server.log_file,
        )
        yield make_url(server.url("postgres"))
    finally:
        if started:
            pg.subprocess.run(
                [
                    *prefix,
                    str(bin_dir / "pg_ctl"),
                    *("--pgdata", str(server.data_dir), "--mode", "immediate", "--wait", "stop"),
                ],
                capture_output=True,
                check=False,
            )
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(server: URL) -> Iterator[URL]:
    """An empty database on ``server`` for one run, dropped after it."""
    admin_url = server.set(drivername="postgresql+psycopg")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"jlpanel_bench_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield admin_url.set(database=name)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _one_run(template: Path, files: list[Path], location: Path | URL) -> tuple[float, float]:
    """Copy the template store to ``location``, then time the merge and the results there."""
    from jlpanel.services.merge import MergeFileStatus, merge_score_files
    from jlpanel.services.results import compute_and_store_results
    from jlpanel.services.workspace import Workspace
    from jlpanel.storage import workspace as store

    source = store.open_engine(template)
    try:
        store.copy_store(source, location)
    finally:
        source.dispose()
    ws = Workspace(location, store.open_workspace(location, backup_dir=None, backup_count=1))
    try:
        t0 = time.perf_counter()
        outcomes = merge_score_files(ws, files, backup_dir=None, backup_count=1)
        merged = time.perf_counter() - t0
        assert all(o.status is MergeFileStatus.MERGED for o in outcomes)
        t0 = time.perf_counter()
        compute_and_store_results(ws)
        results = time.perf_counter() - t0
    finally:
        ws.close()
    return merged, results


def bench_engines(tmp: Path, server: URL | None = None) -> None:
    """W2's merge and the results, on a .jlpanel file and on PostgreSQL, side by side."""
    from bench_merge import PLATFORMS, build_merge_workload

    template, files = build_merge_workload(tmp / "engines")
    scores = len(files) * PLATFORMS * 15
    print(
        f"workload: {len(files)} signed score files × {PLATFORMS} platforms × 15 indicators "
        f"({scores:,} scores), merged into a fresh copy of the same store; medians of {RUNS} runs"
    )
    with contextlib.ExitStack() as stack:
        where = "--store" if server is not None else "a throwaway local server (fsync off)"
        if server is None:
            server = stack.enter_context(throwaway_server())
        from jlpanel.storage.engines import display_name

        print(f"PostgreSQL: {display_name(server) if where == '--store' else where}")
        figures: dict[str, list[tuple[float, float]]] = {"sqlite": [], "postgresql": []}
        for n in range(RUNS):  # alternate, so both see the same machine state
            figures["sqlite"].append(_one_run(template, files, tmp / f"engines-{n}.jlpanel"))
            with fresh_database(server) as url:
                figures["postgresql"].append(_one_run(template, files, url))
    print(f"{'':<44} {'SQLite file':>14} {'PostgreSQL':>14} {'ratio':>8}")
    for index, label in enumerate(("merge 25 score files (verify, check, store)", "results")):
        file_s = statistics.median(run[index] for run in figures["sqlite"])
        server_s = statistics.median(run[index] for run in figures["postgresql"])
        print(
            f"{label:<44} {file_s * 1000:11.1f} ms {server_s * 1000:11.1f} ms "
            f"{server_s / file_s:7.2f}×"
        )
