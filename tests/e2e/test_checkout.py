"""Check-out to a meeting's file and check-in back (issue 15 item 3, DESIGN §3): the store's
copy is read-only meanwhile, the meeting's merges, decisions, confirmation and audit come
back whole, a store changed meanwhile refuses naming what changed, a file whose cycle the
store lacks adds it, and a failing check-in changes nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jlpanel.cli import main
from jlpanel.services.demo import DEMO_CYCLE_NAME

RELEASES = Path(__file__).resolve().parent.parent / "corpus" / "releases"
RELEASE_CYCLE = "2026年度吉林省科技资源共享服务平台考核评价（演示）"
LATER = "2027年度考核评价"


#: The demo's cycle at work (its store also holds the confirmed 2024 cycle).
DEMO = f"WHERE name = '{DEMO_CYCLE_NAME}'"
SHEETS = (
    "SELECT count(*) FROM score_sheets s JOIN platforms p ON p.id = s.platform_id "
    f"JOIN cycles c ON c.id = p.cycle_id {DEMO.replace('name', 'c.name')}"
)
SCORES = (
    "SELECT count(*) FROM indicator_scores i JOIN score_sheets s ON s.id = i.sheet_id "
    "JOIN platforms p ON p.id = s.platform_id "
    f"JOIN cycles c ON c.id = p.cycle_id {DEMO.replace('name', 'c.name')}"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_store(tmp_path: Path, unmerged_demo: Path) -> Path:
    """A store holding the demo cycle, its score files not yet merged."""
    path = tmp_path / "store.jlpanel"
    shutil.copyfile(unmerged_demo, path)
    assert rows(path, SHEETS) == [(0,)]
    return path


def test_a_meeting_runs_on_a_checked_out_file_and_comes_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_store: Path, unmerged_demo: Path
) -> None:
    scores = unmerged_demo.parent / "scores"
    meeting = tmp_path / "meeting.jlpanel"
    code, out, err = run(capsys, "checkout", str(demo_store), str(meeting))
    assert (code, err) == (0, ""), err
    assert "检出到" in out and meeting.is_file()
    (token,) = rows(demo_store, f"SELECT checkout_token FROM cycles {DEMO}")[0]
    assert rows(meeting, "SELECT checkout_token, checked_out_to FROM cycles") == [(token, None)]

    # the store's copy is read-only meanwhile: a merge there is refused, naming the file
    before = rows(demo_store, SHEETS)
    code, _, err = run(capsys, "merge", str(demo_store), str(scores))
    assert code == 1
    assert "检入之前在此只读" in err and str(meeting.resolve()) in err
    assert rows(demo_store, SHEETS) == before

    # the meeting: merge, adjust a score with a reason, confirm
    assert main(["merge", str(meeting), str(scores)]) == 0
    assert (
        main(["adjust", str(meeting), "JLGX-2017-001", "92.5", "--reason", "专家组讨论一致"]) == 0
    )
    assert main(["confirm", str(meeting), "--date", "2026-12-05"]) == 0
    capsys.readouterr()
    code, meeting_results, _ = run(capsys, "results", str(meeting), "--csv")
    assert code == 0
    merged = rows(meeting, "SELECT count(*) FROM indicator_scores")
    assert merged[0][0] > 2000  # 7 experts' sheets for 24 platforms

    code, out, err = run(capsys, "checkin", str(meeting), str(demo_store))
    assert (code, err) == (0, ""), err
    assert "检入" in out
    code, store_results, _ = run(capsys, "results", str(demo_store), "--csv")
    assert code == 0 and store_results == meeting_results
    assert rows(demo_store, SCORES) == merged
    assert "优秀" in store_results
    code, out, _ = run(capsys, "results", str(demo_store))
    assert "结果已于 2026-12-05 确定" in out
    assert rows(demo_store, "SELECT checkout_token, checked_out_to FROM cycles") == [
        (None, None),
        (None, None),
    ]
    actions = [a for (a,) in rows(demo_store, "SELECT action FROM audit_entries ORDER BY id")]
    for wanted in ("checkout", "merge_score_file", "adjust_score", "confirm_results", "checkin"):
        assert any(a.startswith(wanted.split("_")[0]) for a in actions), (wanted, actions)
    assert actions.index("checkout") < actions.index("checkin")
    # writable again, and the same file cannot come back twice
    code, _, err = run(capsys, "checkin", str(meeting), str(demo_store))
    assert code == 1 and "不是存储中考核周期" in err and "未作改动" in err


def test_a_store_changed_since_the_check_out_refuses_naming_what_changed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_store: Path, unmerged_demo: Path
) -> None:
    meeting = tmp_path / "meeting.jlpanel"
    assert main(["checkout", str(demo_store), str(meeting)]) == 0
    assert main(["merge", str(meeting), str(unmerged_demo.parent / "scores")]) == 0
    # someone changed the store's copy behind the check-out's back (another tool)
    with sqlite3.connect(demo_store) as connection:
        connection.execute(
            "UPDATE platforms SET name = name || '（更名）' WHERE id = (SELECT min(p.id) FROM "
            f"platforms p JOIN cycles c ON c.id = p.cycle_id {DEMO.replace('name', 'c.name')})"
        )
    capsys.readouterr()
    before = sha256(demo_store)

    code, out, err = run(capsys, "checkin", str(meeting), str(demo_store))

    assert (code, out) == (1, "")
    assert "检出之后，存储中考核周期" in err and "平台" in err and "未作改动" in err
    assert "评分" not in err.split("：", 1)[1].split("。")[0]  # only what changed is named
    assert rows(demo_store, SHEETS) == [(0,)]
    assert rows(demo_store, f"SELECT checked_out_to IS NOT NULL FROM cycles {DEMO}") == [(1,)]
    del before  # an open takes a backup but changes nothing of the store's rows


def test_checking_in_a_file_whose_cycle_the_store_lacks_adds_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, merged_demo: Path
) -> None:
    store = tmp_path / "store.jlpanel"
    assert main(["new", str(store), "--cycle", LATER]) == 0
    old_file = tmp_path / "2026.jlpanel"
    shutil.copyfile(merged_demo, old_file)
    capsys.readouterr()
    code, expected, _ = run(capsys, "results", str(old_file), "--csv")
    assert code == 0

    code, out, err = run(capsys, "checkin", str(old_file), str(store))

    assert (code, err) == (0, ""), err
    assert "已将考核周期" in out and "加入" in out
    names = [n for (n,) in rows(store, "SELECT name FROM cycles ORDER BY created_at")]
    assert sorted(names) == sorted([RELEASE_CYCLE, LATER])
    code, got, _ = run(capsys, "results", str(store), "--cycle", RELEASE_CYCLE, "--csv")
    assert code == 0 and got == expected
    # a second time: the store has that cycle now, and the file was never checked out of it
    code, _, err = run(capsys, "checkin", str(old_file), str(store))
    assert code == 1 and "未作改动" in err


def test_rows_written_in_the_meeting_are_renumbered_past_other_cycles(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, merged_demo: Path
) -> None:
    """The meeting's new rows (audit entries, an adjustment) took ids that another cycle of
    the store used meanwhile: they come back under new ids, and nobody's rows are lost."""
    store = tmp_path / "store.jlpanel"
    shutil.copyfile(RELEASES / "cycle-0004.jlpanel", store)
    meeting = tmp_path / "meeting.jlpanel"
    assert main(["checkout", str(store), "--cycle", RELEASE_CYCLE, str(meeting)]) == 0
    # meanwhile the store gets another cycle, whose rows take the next ids
    assert main(["new", str(store), "--cycle", LATER]) == 0
    demo = merged_demo.parent
    assert main(["import", str(store), "--cycle", LATER, str(demo / "dossiers")]) == 0
    later_audit = rows(store, "SELECT id, action FROM audit_entries ORDER BY id")
    # the meeting reopens the results and adjusts a score
    assert main(["confirm", str(meeting), "--reopen", "--reason", "专家组复议"]) == 0
    assert main(["adjust", str(meeting), "JLGX-2017-002", "80", "--reason", "复议后调整"]) == 0
    capsys.readouterr()
    ids_in_meeting = [i for (i,) in rows(meeting, "SELECT id FROM audit_entries")]
    assert set(ids_in_meeting) & {i for (i, _) in later_audit}  # they would collide

    code, _, err = run(capsys, "checkin", str(meeting), str(store))

    assert (code, err) == (0, ""), err
    now = rows(store, "SELECT id, action FROM audit_entries ORDER BY id")
    assert set(later_audit) <= set(now)  # the other cycle's entries kept, ids and all
    actions = [a for (_, a) in now]
    assert "reopen_results" in actions and any(a.startswith("adjust") for a in actions)
    assert rows(
        store,
        "SELECT a.adjusted_score FROM adjustments a JOIN platforms p ON p.id = a.platform_id "
        "WHERE p.filing_no = 'JLGX-2017-002'",
    ) == [(80,)]
    assert rows(store, "SELECT count(*) FROM platforms") == [(5 + 24,)]


def test_a_check_in_killed_midway_leaves_the_store_as_it_was_or_wholly_checked_in(
    tmp_path: Path, demo_store: Path, unmerged_demo: Path
) -> None:
    """kill -9 while the check-in writes: the store holds either its old copy, still checked
    out, or the meeting's, checked in; never part of each."""
    meeting = tmp_path / "meeting.jlpanel"
    assert main(["checkout", str(demo_store), str(meeting)]) == 0
    assert main(["merge", str(meeting), str(unmerged_demo.parent / "scores")]) == 0
    merged = rows(meeting, "SELECT count(*) FROM indicator_scores")
    assert merged[0][0] > 2000
    wal = demo_store.with_name(demo_store.name + "-wal")
    child = subprocess.Popen(
        [sys.executable, "-m", "jlpanel", "checkin", str(meeting), str(demo_store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 256 * 1024:  # deep in its transaction
            break
        time.sleep(0.002)
    killed = child.poll() is None
    child.kill()
    child.wait()

    (state,) = rows(demo_store, f"SELECT checked_out_to IS NOT NULL FROM cycles {DEMO}")[0]
    print("killed" if killed else "finished", "checked out" if state else "checked in")
    scores = rows(demo_store, SCORES)
    if state == 1:  # as it was: nothing of the meeting's
        assert scores == [(0,)]
        assert killed
    else:  # wholly checked in
        assert scores == merged
    assert rows(demo_store, "PRAGMA integrity_check") == [("ok",)]
    assert rows(demo_store, "PRAGMA foreign_key_check") == []


def test_a_full_disk_during_a_check_out_names_the_meeting_file_and_changes_nothing(
    tmp_path: Path, demo_store: Path
) -> None:
    """The meeting's USB stick is full: a real one, a 256 KB tmpfs mounted in a private mount
    namespace (``unshare``, no privileges needed) while the store's disk has room."""
    stick = tmp_path / "U盘"
    stick.mkdir()
    before = rows(demo_store, "SELECT name, checkout_token, checked_out_to FROM cycles")
    script = (
        'mount -t tmpfs -o size=256k tmpfs "$1" || exit 99; '
        '"$2" -m jlpanel checkout "$3" "$1/会议 用.jlpanel"; code=$?; '
        'echo "left: $(ls -A "$1")"; exit $code'
    )
    child = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(stick), sys.executable, str(demo_store)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == 1, (child.returncode, child.stderr)
    assert "磁盘空间不足" in child.stderr and "Traceback" not in child.stderr
    # it names the file being written, not the store being read
    assert "会议 用" in child.stderr and "store.jlpanel" not in child.stderr
    assert child.stdout.strip() == "left:"  # nothing half-written on the stick
    assert rows(demo_store, "SELECT name, checkout_token, checked_out_to FROM cycles") == before
    assert rows(demo_store, "PRAGMA integrity_check") == [("ok",)]


def test_a_meeting_checked_out_of_a_server_comes_back_to_it(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    demo_store: Path,
    unmerged_demo: Path,
    pg_url: str,
) -> None:
    """The department's store on PostgreSQL: the meeting's laptop takes the cycle as a file,
    merges and confirms offline, and checks it back in; the server then reads as the file."""
    server = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert main(["backup", str(demo_store), server]) == 0  # the file's store onto the server
    meeting = tmp_path / "meeting.jlpanel"
    assert main(["checkout", server, str(meeting)]) == 0
    code, _, err = run(capsys, "merge", server, str(unmerged_demo.parent / "scores"))
    assert code == 1 and "检入之前在此只读" in err
    assert main(["merge", str(meeting), str(unmerged_demo.parent / "scores")]) == 0
    assert main(["confirm", str(meeting), "--date", "2026-12-05"]) == 0
    capsys.readouterr()
    code, offline, _ = run(capsys, "results", str(meeting), "--csv")
    assert code == 0

    code, out, err = run(capsys, "checkin", str(meeting), server)

    assert (code, err) == (0, ""), err
    assert "***" in out or "postgres@" in out
    code, online, _ = run(capsys, "results", server, "--csv")
    assert code == 0 and online == offline
    assert "优秀" in online and "后补助候选" in online
    code, out, _ = run(capsys, "register", server, "--csv")
    assert code == 0 and "JLGX-2025-018" in out
    # the server numbers on past what came back
    assert main(["adjust", server, "JLGX-2017-001", "91", "--reason", "复核后调整"]) == 0
