"""The store keeps SQLite's table statistics current after the changes that add many rows
(issue 16): without ``sqlite_stat1`` the planner drove the cycle-scoped joins of a
2,000-platform store from the wrong end (45 s against 0.8 s)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from jlpanel.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "resaved" / "original"


def analysed(path: Path) -> dict[str, int]:
    """Table → the row count SQLite's statistics give it (the first number of its indexes)."""
    with sqlite3.connect(path) as connection:
        names = {n for (n,) in connection.execute("SELECT name FROM sqlite_master")}
        if "sqlite_stat1" not in names:
            return {}
        rows = connection.execute("SELECT tbl, stat FROM sqlite_stat1").fetchall()
    return {table: int(stat.split()[0]) for table, stat in rows}


def test_an_import_leaves_statistics_the_planner_reads(workspace: Path) -> None:
    assert analysed(workspace) == {}
    dossiers = sorted(CORPUS.glob("*.xlsx"))[:3]
    assert dossiers
    assert main(["import", str(workspace), *map(str, dossiers)]) in (0, 1)
    with sqlite3.connect(workspace) as connection:
        services = connection.execute("SELECT count(*) FROM service_records").fetchone()[0]
    stats = analysed(workspace)
    assert services > 0 and stats.get("service_records") == services


def test_a_merge_refreshes_them_and_a_read_only_store_is_left_alone(
    merged_demo: Path, tmp_path: Path
) -> None:
    # the demo's scores were merged last: their table is counted as it is now
    with sqlite3.connect(merged_demo) as connection:
        scores = connection.execute("SELECT count(*) FROM indicator_scores").fetchone()[0]
    # sampled (analysis_limit): near the count, and far from the 2024 cycle's rows alone
    assert abs(analysed(merged_demo)["indicator_scores"] - scores) <= scores // 20

    copy = tmp_path / "read-only.jlpanel"
    shutil.copyfile(merged_demo, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("DROP TABLE sqlite_stat1")
    copy.chmod(0o444)
    # reading a store changes nothing of it, statistics included
    assert main(["results", str(copy), "--csv"]) == 0
    assert analysed(copy) == {}


def test_a_merge_on_a_server_leaves_statistics_its_planner_reads(
    unmerged_demo: Path, pg_url: str
) -> None:
    """A server's autovacuum analyses a table a minute or more after a change; the results
    are read at once. Right after a merge of 2,000 platforms' scores, the never-analysed
    indicator scores took 0.94 s to read against 0.59 s analysed (issue 16, W3)."""
    import psycopg

    server = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert main(["backup", str(unmerged_demo), server]) == 0
    assert main(["merge", server, str(unmerged_demo.parent / "scores")]) == 0

    with psycopg.connect(server) as connection:
        (scores,) = connection.execute("SELECT count(*) FROM indicator_scores").fetchone()
        (estimate,) = connection.execute(
            "SELECT reltuples FROM pg_class WHERE relname = 'indicator_scores'"
        ).fetchone()
    assert scores > 0 and estimate == scores
