"""W2: merging 25 signed score files × 200 platforms × 15 indicators into a workspace.

Timed against the floor of the same job: reading the same files with ``json`` and inserting
the same rows with ``sqlite3`` ``executemany`` into a fresh SQLite file holding the same
tables (same DDL and indexes, same WAL and ``synchronous=FULL``, one transaction per file),
in the same run. The merge does more — parse and check the format, verify the HMAC, check
every score against the rubric, back the workspace up once, audit — and the goal is ≤ 1.5×
(issue 16; ≤ 2× before).

A worker process examines the files ahead of the one being stored when workers start at once
(``workers.ready()``: the fork server has served the process before, as in the window after
the packages were issued) and a core is free; the benchmark warms the fork server so, and
also times the merge with ``JLPANEL_WORKERS=2`` (a worker however busy the machine) and
``JLPANEL_WORKERS=1`` (every file examined in the calling process, as from the command line).
CPU time is the calling process's: the worker's is not in it.

    python -c "import sys; sys.path.insert(0, 'benchmarks'); from pathlib import Path; \\
        import tempfile; from bench_merge import bench_merge; \\
        bench_merge(Path(tempfile.mkdtemp()))"
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import secrets
import shutil
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

PLATFORMS = 200
EXPERTS = 25
#: The tables a merge fills from a file's sheets.
SHEET_TABLES = ("score_sheets", "indicator_scores", "veto_claims", "bonus_scores")
COMMENTS = (
    "资源体量较大，开放共享程度较高",
    "服务记录完整，外单位用户占比高",
    "民营企业服务偏少，建议加强",
    "管理制度健全，但更新不及时",
    "专职人员数量不足",
)


def _report(name: str, median: float, best: float, budget: float | None, note: str = "") -> None:
    """The line format of ``benchmarks/run.py``'s ``report()``."""
    verdict = "" if budget is None else ("  ok" if median <= budget else "  OVER BUDGET")
    limit = "" if budget is None else f"  (budget ≤ {budget:.2f} s)"
    print(f"{name:<58} {median * 1000:8.1f} ms  [min {best * 1000:7.1f}]{limit}{verdict} {note}")


def build_merge_workload(folder: Path, *, seed: int = 20260520) -> tuple[Path, list[Path]]:
    """A workspace (200 platforms, 25 experts all assigned, one package each) and 25 files."""
    from jlpanel import __version__
    from jlpanel.exchange import score_file as sf
    from jlpanel.services.workspace import create_workspace
    from jlpanel.storage import models as m
    from jlpanel.storage.bulk import insert_rows

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "w2.jlpanel"
    issued_at = dt.datetime(2026, 5, 18, 1, 0, tzinfo=dt.UTC)
    with create_workspace(
        path, "W2 合并基准", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31)
    ) as ws:
        info = ws.cycle_info()
        rubric = info.rubric
        with ws.session() as s:
            insert_rows(
                s,
                m.Platform,
                (
                    {
                        "cycle_id": info.id,
                        "filing_no": f"JLPT-{n:04d}",
                        "name": f"吉林省第{n}号科技资源共享服务平台",
                        "host_unit": f"依托单位{n}",
                    }
                    for n in range(PLATFORMS)
                ),
            )
            insert_rows(
                s,
                m.Expert,
                (
                    {"cycle_id": info.id, "name": f"专家{n}", "institution": f"专家单位{n}"}
                    for n in range(EXPERTS)
                ),
            )
            platforms = s.execute(
                select(m.Platform.id, m.Platform.filing_no).order_by(m.Platform.id)
            ).all()
            experts = s.execute(select(m.Expert.id, m.Expert.name).order_by(m.Expert.id)).all()
            insert_rows(
                s,
                m.Assignment,
                ({"expert_id": e, "platform_id": p} for e, _ in experts for p, _ in platforms),
            )
            packages = [
                (str(uuid.uuid4()), expert_id, name, secrets.token_bytes(32))
                for expert_id, name in experts
            ]
            insert_rows(
                s,
                m.ReviewPackage,
                (
                    {
                        "id": package_id,
                        "expert_id": expert_id,
                        "issued_at": issued_at,
                        "hmac_key": key,
                        "file_name": f"W2-{name}.jlreview",
                    }
                    for package_id, expert_id, name, key in packages
                ),
            )
    quality = {p: rnd.uniform(0.4, 0.98) for p, _ in platforms}
    files: list[Path] = []
    for package_id, expert_id, name, key in packages:
        leniency = rnd.gauss(0, 0.05)
        sheets = []
        for pid, filing_no in platforms:
            scores: dict[str, float] = {}
            comments: dict[str, str] = {}
            for ind in rubric.indicators:
                share = min(1.0, max(0.0, quality[pid] + leniency + rnd.gauss(0, 0.08)))
                points = round(share * float(ind.max_points) / float(ind.step)) * float(ind.step)
                scores[ind.code] = points
                if ind.requires_comment(Decimal(repr(points))) or rnd.random() < 0.15:
                    comments[ind.code] = rnd.choice(COMMENTS)
            vetoes = {"fraud": "服务记录与合同金额不符"} if rnd.random() < 0.005 else {}
            bonus = {}
            if rubric.bonus_items and rnd.random() < 0.1:
                bonus = {rubric.bonus_items[0].code: rubric.bonus_items[0].step}
            sheets.append(
                sf.SheetEntry(
                    pid,
                    filing_no,
                    scores,
                    comments,
                    vetoes,
                    bonus,
                    overall_comment="总体情况良好，建议继续支持" if rnd.random() < 0.5 else "",
                )
            )
        payload = sf.make_payload(
            cycle_id=info.id,
            package_id=package_id,
            expert_id=expert_id,
            expert_name=name,
            revision=1,
            submitted_at=issued_at + dt.timedelta(hours=2, minutes=rnd.randrange(60)),
            app_version=__version__,
            declarations=[
                sf.DeclarationEntry(pid, filing_no, False, "", issued_at)
                for pid, filing_no in platforms
            ],
            sheets=sheets,
        )
        target = folder / f"W2-{name}-r1{sf.SCORE_FILE_SUFFIX}"
        target.write_bytes(sf.encode_score_file(payload, key))
        files.append(target)
    return path, files


def _plain_schema(workspace: Path) -> list[str]:
    """The workspace's DDL (tables and indexes) for the tables a merge fills."""
    con = sqlite3.connect(workspace)
    try:
        marks = ",".join("?" for _ in SHEET_TABLES)
        return [
            sql
            for (sql,) in con.execute(
                f"SELECT sql FROM sqlite_master WHERE tbl_name IN ({marks}) AND sql IS NOT NULL "
                "ORDER BY type DESC",  # tables before their indexes
                SHEET_TABLES,
            )
        ]
    finally:
        con.close()


def plain_json_and_executemany(files: list[Path], target: Path, schema: list[str]) -> None:
    """The floor: ``json.loads`` each file and insert its rows with ``executemany``."""
    con = sqlite3.connect(target, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        for sql in schema:
            con.execute(sql)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
        for path in files:
            doc = json.loads(path.read_bytes())
            expert_id = doc["expert"]["id"]
            con.execute("BEGIN")
            con.executemany(
                "INSERT INTO score_sheets (expert_id, platform_id, package_id, provenance, "
                "revision, source_file, submitted_at, merged_at, overall_comment) "
                "VALUES (?, ?, ?, 'package', ?, ?, ?, ?, ?)",
                [
                    (
                        expert_id,
                        sheet["platform_id"],
                        doc["package_id"],
                        doc["revision"],
                        path.name,
                        doc["submitted_at"],
                        now,
                        sheet["overall_comment"] or None,
                    )
                    for sheet in doc["sheets"]
                ],
            )
            ids = dict(
                con.execute(
                    "SELECT platform_id, id FROM score_sheets WHERE expert_id = ?", (expert_id,)
                ).fetchall()
            )
            con.executemany(
                "INSERT INTO indicator_scores (sheet_id, indicator_code, points, comment) "
                "VALUES (?, ?, ?, ?)",
                [
                    (ids[sheet["platform_id"]], code, points, sheet["comments"].get(code))
                    for sheet in doc["sheets"]
                    for code, points in sheet["scores"].items()
                ],
            )
            con.executemany(
                "INSERT INTO veto_claims (sheet_id, veto_code, reason) VALUES (?, ?, ?)",
                [
                    (ids[sheet["platform_id"]], code, reason)
                    for sheet in doc["sheets"]
                    for code, reason in sheet["vetoes"].items()
                ],
            )
            con.executemany(
                "INSERT INTO bonus_scores (sheet_id, item_code, points) VALUES (?, ?, ?)",
                [
                    (ids[sheet["platform_id"]], code, points)
                    for sheet in doc["sheets"]
                    for code, points in sheet["bonus"].items()
                ],
            )
            con.execute("COMMIT")
    finally:
        con.close()


def _merge_once(
    template: Path, files: list[Path], scratch: Path, *, backup: bool
) -> tuple[float, float]:
    """Merge ``files`` into a fresh copy of ``template``; the wall and CPU seconds it took."""
    from jlpanel.services.merge import MergeFileStatus, merge_score_files
    from jlpanel.services.workspace import Workspace
    from jlpanel.storage import workspace as store

    target = scratch / f"merge-{time.perf_counter_ns()}.jlpanel"
    shutil.copyfile(template, target)
    ws = Workspace(target, store.open_workspace(target, backup_dir=None, backup_count=1))
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        outcomes = merge_score_files(
            ws, files, backup_dir=scratch / "backups" if backup else None, backup_count=2
        )
        took = time.perf_counter() - t0, time.process_time() - c0
    finally:
        ws.close()
    assert all(o.status is MergeFileStatus.MERGED for o in outcomes), [
        f for o in outcomes for f in o.findings
    ][:3]
    target.unlink()
    return took


def _workers(setting: str, run: Callable[[], tuple[float, float]]) -> tuple[float, float]:
    """``run()`` with ``JLPANEL_WORKERS=setting``: ``1`` no worker, ``2`` one, busy or not."""
    before = os.environ.get("JLPANEL_WORKERS")
    os.environ["JLPANEL_WORKERS"] = setting
    try:
        return run()
    finally:
        if before is None:
            del os.environ["JLPANEL_WORKERS"]
        else:
            os.environ["JLPANEL_WORKERS"] = before


def bench_merge(tmp: Path) -> None:
    """W2: 25 score files × 200 platforms × 15 indicators merged, against json + executemany."""
    t0 = time.perf_counter()
    template, files = build_merge_workload(tmp / "w2")
    made = time.perf_counter() - t0
    size = sum(p.stat().st_size for p in files) / 1e6
    print(
        f"workload: {len(files)} signed score files × {PLATFORMS} platforms × 15 indicators "
        f"({size:.1f} MB, {len(files) * PLATFORMS * 15:,} scores; built in {made:.1f} s)"
    )
    schema = _plain_schema(template)
    scratch = tmp / "w2-runs"
    scratch.mkdir()
    from jlpanel.services.workers import Workers, cores, ready, worker_count

    _merge_once(template, files, scratch, backup=True)  # warm imports and caches
    with Workers(worker_count(len(files))) as workers:  # the fork server, as in the window
        list(workers.map(abs, range(len(files))))  # started and ready
    plain_times: list[float] = []
    merge_times: list[float] = []
    bare_times: list[float] = []
    alone_times: list[float] = []
    ahead_times: list[float] = []
    plain_cpu: list[float] = []
    merge_cpu: list[float] = []
    alone_cpu: list[float] = []
    ahead_cpu: list[float] = []
    loads: list[float] = []
    for n in range(7):  # alternate, so all see the same machine state
        target = scratch / f"plain{n}.sqlite"
        t0, c0 = time.perf_counter(), time.process_time()
        plain_json_and_executemany(files, target, schema)
        plain_times.append(time.perf_counter() - t0)
        plain_cpu.append(time.process_time() - c0)
        loads.append(os.getloadavg()[0])
        wall, cpu = _merge_once(template, files, scratch, backup=True)
        merge_times.append(wall)
        merge_cpu.append(cpu)
        bare_times.append(_merge_once(template, files, scratch, backup=False)[0])
        wall, cpu = _workers("2", lambda: _merge_once(template, files, scratch, backup=True))
        ahead_times.append(wall)
        ahead_cpu.append(cpu)
        wall, cpu = _workers("1", lambda: _merge_once(template, files, scratch, backup=True))
        alone_times.append(wall)
        alone_cpu.append(cpu)
    plain = statistics.median(plain_times)
    merged = statistics.median(merge_times)
    bare = statistics.median(bare_times)
    alone = statistics.median(alone_times)
    ahead = statistics.median(ahead_times)
    # CPU time shrugs off other processes on a busy machine; fsync waits are not in it.
    plain_c = statistics.median(plain_cpu)
    cpu_ratio = statistics.median(merge_cpu) / plain_c
    alone_cpu_ratio = statistics.median(alone_cpu) / plain_c
    ahead_cpu_ratio = statistics.median(ahead_cpu) / plain_c
    worker = (
        f"a worker when a core is free: load {min(loads):.1f}–{max(loads):.1f} on {cores()} cores"
        if ready() and worker_count(len(files))
        else "no worker"
    )
    _report("plain json.loads + sqlite3 executemany of the 25 files", plain, min(plain_times), None)
    _report(
        "W2 merge 25 score files (verify, check, back up, store)",
        merged,
        min(merge_times),
        None,
        f"— ratio {merged / plain:.2f}× the plain read + insert (goal ≤ 1.5×, issue 16; "
        f"CPU time of this process {cpu_ratio:.2f}×; {worker})",
    )
    _report(
        "    the same without the pre-merge backup",
        bare,
        min(bare_times),
        None,
        f"— ratio {bare / plain:.2f}×",
    )
    _report(
        "    the same with a worker, busy or not (JLPANEL_WORKERS=2)",
        ahead,
        min(ahead_times),
        None,
        f"— ratio {ahead / plain:.2f}× (CPU time of this process {ahead_cpu_ratio:.2f}×)",
    )
    _report(
        "    the same in one process (JLPANEL_WORKERS=1)",
        alone,
        min(alone_times),
        None,
        f"— ratio {alone / plain:.2f}× (CPU time {alone_cpu_ratio:.2f}×)",
    )
