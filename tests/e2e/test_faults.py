"""Faults a user can fix, and several processes on one store (issue 13, items 3 and 4).

Each fault is real: processes started at once on one workspace, a lock held by another
process, a file size limit (RLIMIT_FSIZE) for a full disk, a read-only file for a user who
may not write it, a folder where a file goes. Each ends with a message naming the path and
exit 1, never a traceback, and leaves the workspace as it was.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from broken_workbooks import sample_dossier, write_dossier_workbook
from factories import dump
from review_support import signed_cycle
from sqlalchemy import select

from jlpanel.cli import main
from jlpanel.services.merge import MERGE_ACTION
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m
from jlpanel.storage import workspace as store

pytestmark = pytest.mark.slow


def integrity(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def cycle(tmp_path: Path) -> tuple[Path, list[Path]]:
    """A workspace of 4 platforms and 3 experts, and each expert's signed score file."""
    return signed_cycle(tmp_path)


def cli(*args: str, **popen: object) -> subprocess.Popen[str]:
    """``jlpanel ARGS`` in its own process."""
    return subprocess.Popen(
        [sys.executable, "-m", "jlpanel", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,  # type: ignore[call-overload]
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def merged_sheets(path: Path) -> list[tuple[int, int, int]]:
    with open_workspace(path) as ws, ws.session() as s:
        rows = s.execute(
            select(m.ScoreSheet.expert_id, m.ScoreSheet.platform_id, m.ScoreSheet.revision)
        ).all()
    return sorted((e, p, r) for e, p, r in rows)


# ------------------------------------------------------------------ several processes


def test_seven_merges_at_once_wait_for_each_other_and_store_each_file_once(
    cycle: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    path, files = cycle
    alone = tmp_path / "alone.jlpanel"
    alone.write_bytes(path.read_bytes())
    assert main(["merge", str(alone), *map(str, files)]) == 0

    runs = [finished(p) for p in [cli("merge", str(path), *map(str, files)) for _ in range(7)]]
    for code, _, err in runs:
        assert code == 0, err
        assert "Traceback" not in err and "locked" not in err
    # The same sheets as one merge alone, each file merged by exactly one of the seven.
    assert merged_sheets(path) == merged_sheets(alone)
    with open_workspace(path) as ws, ws.session() as s:
        merges = s.scalars(
            select(m.AuditEntry.entity_id).where(m.AuditEntry.action == MERGE_ACTION)
        ).all()
    assert len(merges) == len(files)
    assert integrity(path) == "ok"


def test_import_results_and_export_at_once_all_finish(
    cycle: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    path, files = cycle
    assert main(["merge", str(path), *map(str, files)]) == 0
    dossier = sample_dossier()
    book = write_dossier_workbook(tmp_path / "new.xlsx", dossier)
    runs = [
        finished(p)
        for p in [
            cli("import", str(path), str(book)),
            cli("results", str(path)),
            cli("export", str(path), str(tmp_path / "out.xlsx")),
            cli("results", str(path)),
            cli("merge", str(path), *map(str, files)),
        ]
    ]
    for code, _, err in runs:
        assert code == 0, err
    assert (tmp_path / "out.xlsx").stat().st_size > 0
    with open_workspace(path) as ws, ws.session() as s:
        names = s.scalars(select(m.Platform.filing_no)).all()
    assert dossier.basic.filing_no in names
    assert integrity(path) == "ok"


_HOLD_LOCK = textwrap.dedent(
    """
    import sqlite3, sys, time
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    con.execute("ROLLBACK")
    """
)


def test_a_writer_kept_waiting_too_long_says_so_and_stores_nothing(
    cycle: tuple[Path, list[Path]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, files = cycle
    before = dump(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path), "60"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        monkeypatch.setattr(store, "BUSY_TIMEOUT_MS", 300)
        assert main(["merge", str(path), *map(str, files)]) == 1
        err = capsys.readouterr().err
        assert "正在被另一个 jlpanel 修改" in err and str(path) in err
        assert "Traceback" not in err
    finally:
        holder.kill()
        holder.communicate()
    assert dump(path) == before


# ------------------------------------------------------------------------ full disk


def _file_size_limit(limit: int) -> None:  # pragma: no cover - in the child
    # Ignore SIGXFSZ so that a write past the limit fails with EFBIG, as on a full disk.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_during_a_merge_is_a_message_and_stores_nothing(
    cycle: tuple[Path, list[Path]],
) -> None:
    path, files = cycle
    before = dump(path)
    # No file may grow past 16 KB: the pre-merge backup and the write-ahead log hit it. A
    # reader keeps the store's shared-memory file in place (it is larger than that).
    reader = sqlite3.connect(path)
    try:
        reader.execute("SELECT count(*) FROM platforms").fetchone()
        code, _, err = finished(
            cli("merge", str(path), *map(str, files), preexec_fn=lambda: _file_size_limit(16_384))
        )
    finally:
        reader.close()
    assert code == 1, err
    # Past a file size limit SQLite reports a disk I/O error (a full disk: "database or disk
    # is full"); either way the message names the store and says it is the disk.
    # The verified pre-merge backup meets the limit first; its message names the backup
    # folder and the disk.
    assert "磁盘" in err and "Traceback" not in err
    assert dump(path) == before
    assert integrity(path) == "ok"


def test_a_full_disk_during_an_export_is_a_message_naming_the_file(
    cycle: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    path, files = cycle
    assert main(["merge", str(path), *map(str, files)]) == 0
    out = tmp_path / "结果 导出.xlsx"
    # A reader keeps the store's shared-memory file in place, so the export itself meets the
    # limit when it writes its workbook (the store needs no new file to be read).
    reader = sqlite3.connect(path)
    try:
        reader.execute("SELECT count(*) FROM platforms").fetchone()
        code, _, err = finished(
            cli("export", str(path), str(out), preexec_fn=lambda: _file_size_limit(2_000))
        )
    finally:
        reader.close()
    assert code == 1, err
    assert "磁盘空间不足" in err and "结果 导出" in err and "Traceback" not in err


# ------------------------------------------------------------- permissions and paths


def test_an_output_path_that_is_a_folder_is_a_message(
    cycle: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = cycle
    folder = tmp_path / "out.csv"
    folder.mkdir()
    assert main(["export", str(path), str(folder)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and str(folder) in err


def test_an_output_folder_that_is_a_file_is_a_message(
    cycle: tuple[Path, list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = cycle
    (tmp_path / "reports").write_text("not a folder")
    assert main(["export", str(path), str(tmp_path / "reports" / "out.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "reports" in err


class _AsNobody:
    """The test process acts as the user nobody inside the block: root passes every
    permission check, so a read-only file is only read-only to someone else."""

    def __enter__(self) -> None:
        self.was_root = os.geteuid() == 0
        if self.was_root:
            os.setegid(65534)
            os.seteuid(65534)

    def __exit__(self, *exc: object) -> None:
        if self.was_root:
            os.seteuid(0)
            os.setegid(0)


@pytest.fixture
def shared_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder anyone may write in, holding jlpanel's data folder too (backups go there)."""
    folder = Path("/tmp") / f"jlpanel-faults-{os.getpid()}"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    (folder / "data").mkdir(mode=0o777)
    (folder / "data").chmod(0o777)
    monkeypatch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
    try:
        yield folder
    finally:
        for leftover in sorted(folder.rglob("*"), reverse=True):
            leftover.unlink() if not leftover.is_dir() else leftover.rmdir()
        folder.rmdir()


def test_a_read_only_workspace_is_a_message_and_stays_as_it_was(
    cycle: tuple[Path, list[Path]], shared_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, signed = cycle
    files = []  # where the other user may read them
    for file in signed:
        files.append(shared_folder / file.name)
        files[-1].write_bytes(file.read_bytes())
    warm = shared_folder / "warm.jlpanel"
    warm.write_bytes(path.read_bytes())
    assert main(["merge", str(warm), *map(str, files)]) == 0  # every lazy import done as root
    for made in (shared_folder / "data").rglob("*"):  # the backups it took: the other user's too
        made.chmod(0o777)
    target = shared_folder / "只读 工作区.jlpanel"
    target.write_bytes(path.read_bytes())
    target.chmod(0o444)
    before = dump(target)
    capsys.readouterr()
    with _AsNobody():
        code = main(["merge", str(target), *map(str, files)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "只读" in err and str(target) in err and "Traceback" not in err
    assert dump(target) == before


# ------------------------------------------------------------------------------ bugs


def test_a_bug_goes_to_the_log_and_the_terminal_gets_no_user_data(
    cycle: tuple[Path, list[Path]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from sqlalchemy.exc import IntegrityError

    path, _ = cycle

    def broken(*_args: object, **_kwargs: object) -> None:
        raise IntegrityError(
            "INSERT INTO comments VALUES (?)", ("专家的私密评语：该平台造假",), Exception("boom")
        )

    # Run once as it is first: a module the command imports for the first time while the
    # stand-in is in place (services.panel, at its top) would keep it after the test, and
    # every later test in the process would compute its results with it.
    assert main(["results", str(path)]) == 0
    capsys.readouterr()
    monkeypatch.setattr("jlpanel.services.results.compute_and_store_results", broken)
    monkeypatch.setenv("JLPANEL_DATA_DIR", str(tmp_path / "data"))
    code = main(["results", str(path)])
    err = capsys.readouterr().err
    assert code == 70
    assert "内部错误" in err and "IntegrityError" in err
    assert "私密评语" not in err and "INSERT" not in err
    logs = list((tmp_path / "data").rglob("jlpanel-cli.log"))
    assert logs and "IntegrityError" in logs[0].read_text(encoding="utf-8")


def test_what_a_writer_read_is_still_true_when_it_writes(
    cycle: tuple[Path, list[Path]],
) -> None:
    # Another process's write waits until this one is done; before, it went in between and
    # this one's write failed at once with "database is locked".
    import threading
    import time

    from sqlalchemy import func, update

    path, _ = cycle
    first, second = open_workspace(path), open_workspace(path)
    started = threading.Event()
    failures: list[BaseException] = []

    def other_writer() -> None:
        started.set()
        try:
            with second.session() as s:
                s.execute(update(m.Platform).values(host_unit="另一个进程写的"))
        except BaseException as exc:  # reported below
            failures.append(exc)

    try:
        with first.session() as s:
            count = s.scalar(select(func.count()).select_from(m.Platform))
            thread = threading.Thread(target=other_writer)
            thread.start()
            started.wait()
            time.sleep(0.5)  # let the other writer reach its write
            s.execute(update(m.Platform).values(director=f"{count} 个平台"))
        thread.join()
    finally:
        first.close()
        second.close()
    assert failures == []
    with open_workspace(path) as ws, ws.session() as s:
        assert set(s.execute(select(m.Platform.director, m.Platform.host_unit)).all()) == {
            (f"{count} 个平台", "另一个进程写的")
        }


_WRITE_TABLE = """
import sys
from pathlib import Path
from jlpanel.exchange.results_workbook import Column, Sheet
from jlpanel.services.errors import FaultError
from jlpanel.services.files import write_table
rows = [(f"JLPT-{n:05d}", "吉林省科技资源共享服务平台" * 4) for n in range(5000)]
try:
    write_table(Path(sys.argv[1]), Sheet("平台名录", (Column("备案编号"), Column("平台")), rows))
except FaultError as fault:
    print(fault.message("zh"))
    sys.exit(3)
"""


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_full_disk_while_a_table_is_written_names_the_file_asked_for(
    tmp_path: Path, suffix: str
) -> None:
    """Every table the user saves (the register, the audit log, the results) goes through
    services.files.write_table: a workbook is written through xlsxwriter's own temporary
    files, and the message still names the user's file, never those."""
    out = tmp_path / f"平台名录 导出{suffix}"
    child = subprocess.run(
        [sys.executable, "-c", _WRITE_TABLE, str(out)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: _file_size_limit(4_096),
        timeout=120,
    )
    assert child.returncode == 3, child.stderr
    assert "磁盘空间不足" in child.stdout and str(out) in child.stdout, child.stdout
    assert "tmp" not in child.stdout.replace(str(tmp_path), ""), child.stdout
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == []
