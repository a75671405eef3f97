"""Real workspace files and real damage to them, for the tests of issue 13 (items 1 and 2).

A workspace with enough rows to span a few hundred pages is built through jlpanel's own code;
damage is random bytes written into the middle of one of its tables, as a failing disk or a
torn copy would leave it.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from pathlib import Path

from factories import StoredSheet, small_workspace

#: Bytes of damage: two pages of 4 KiB.
DAMAGE_BYTES = 8192


def filled_workspace(path: Path, *, platforms: int = 60, experts: int = 7) -> Path:
    """A workspace (new cycle, own id) whose score sheets with long comments fill ~200 pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    plats = {
        f"JLPT-{n:04d}": (f"吉林省第{n}号科技资源共享服务平台", f"依托单位{n}")
        for n in range(platforms)
    }
    comment = "资源体量较大，开放共享程度较高，服务记录完整，外单位用户占比高。" * 6
    sheets = [
        StoredSheet(
            expert=f"专家{e}",
            filing_no=filing_no,
            points={"A1": "30", "B1": "35", "C1": "20"},
            comments={"A1": comment, "B1": comment, "C1": comment},
        )
        for e in range(experts)
        for filing_no in plats
    ]
    return small_workspace(path, plats, sheets)


def table_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of ``table`` (or index) in the file, in file order."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    finally:
        connection.close()
    return [page for (page,) in rows]


def page_size(path: Path) -> int:
    with path.open("rb") as file:
        header = file.read(100)
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def damage(path: Path, *, table: str = "indicator_scores", seed: int = 13) -> int:
    """Write DAMAGE_BYTES random bytes into the middle leaf page of ``table`` (the file must
    hold everything: no write-ahead log with frames beside it). Returns the offset written at."""
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "checkpoint the file first"
    pages = table_pages(path, table)
    assert pages, f"{table} has no pages in {path}"
    page = pages[len(pages) // 2]
    offset = (page - 1) * page_size(path) + 100
    with path.open("r+b") as file:
        file.seek(offset)
        file.write(random.Random(seed).randbytes(DAMAGE_BYTES))
    return offset


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quick_check(path: Path) -> list[str]:
    """SQLite's quick check of the file as it is, read without writing: ["ok"] when sound."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()


def cycle_id(path: Path) -> str:
    """The id of the one cycle a workspace (or a backup of it) holds."""
    connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        (found,) = connection.execute("SELECT id FROM cycles").fetchone()
        return str(found)
    finally:
        connection.close()


def backup_files(folder: Path) -> list[Path]:
    """Every workspace backup under the backup folder, in name order."""
    return sorted(folder.rglob("*.jlpanel")) if folder.exists() else []


def cycle_name_in(path: Path) -> str:
    """The cycle name stored in the workspace or backup at ``path``, read without writing."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        (name,) = connection.execute("SELECT name FROM cycles").fetchone()
    finally:
        connection.close()
    return str(name)
