"""Issue 13, items 1 and 2, through the command line on real files: a damaged workspace is
caught on open and never written or backed up; backups are per cycle, verified, rotated by kind;
``jlpanel backups`` lists them and ``jlpanel restore`` brings one back."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from damage import backup_files, cycle_id, damage, filled_workspace, quick_check, sha256

from jlpanel.cli import main
from jlpanel.services.preferences import Preferences, load_preferences, save_preferences
from jlpanel.services.workspace import open_workspace


@pytest.fixture
def backups() -> Path:
    """The backup folder the program uses (the test's own, see tests/conftest.py)."""
    return load_preferences().backup_folder()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def backed_up(path: Path, backups: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Change the cycle through the command line (which backs it up on open); the backup."""
    before = set(backup_files(backups))
    assert run(capsys, "rules", str(path), "--set", "pass_min=61")[0] == 0
    (made,) = set(backup_files(backups)) - before
    return made


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


# ---------------------------------------------------------------------------- damage caught


def test_a_damaged_workspace_is_refused_never_written_and_never_backed_up(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    good = backed_up(store, backups, capsys)
    damage(store)
    assert quick_check(store) != ["ok"]
    before, taken = sha256(store), backup_files(backups)

    code, out, err = run(capsys, "results", str(store))

    assert code == 1 and out == ""
    assert "Traceback" not in err
    assert "工作区文件已损坏" in err and str(store) in err
    assert f"最新的可用备份：{good}" in err
    assert f'jlpanel restore "{store}" "{good}"' in err
    assert "btreeInitPage" in err or "out of order" in err  # what the check found

    code, out, err = run(capsys, "--lang", "en", "merge", str(store), str(tmp_path / "x.jlscore"))

    assert code == 1
    assert "The workspace file is damaged" in err and f"The newest good backup: {good}" in err

    # Ten more opens, by commands that would each back it up: every good backup stays.
    for _ in range(10):
        assert run(capsys, "assign", str(store))[0] == 1
    assert sha256(store) == before
    assert side_files(store) == []
    assert backup_files(backups) == taken
    assert quick_check(good) == ["ok"]

    from jlpanel.services.errors import DamagedWorkspaceError

    with pytest.raises(DamagedWorkspaceError) as refused:
        open_workspace(store)
    assert refused.value.path == store and refused.value.backup == good


def test_damage_where_the_cycle_is_kept_still_finds_the_cycles_backups(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    good = backed_up(store, backups, capsys)
    damage(store, table="cycles")  # the file can no longer say which cycle it holds

    code, _out, err = run(capsys, "results", str(store))

    assert code == 1 and f"最新的可用备份：{good}" in err
    code, out, _err = run(capsys, "backups", str(store))
    assert code == 0 and str(good) in out and "最新的可用备份" in out


def test_a_damaged_workspace_without_backups_says_so(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    damage(store)

    code, _out, err = run(capsys, "export", str(store), str(tmp_path / "out.xlsx"))

    assert code == 1
    assert "没有本考核周期校验通过的备份" in err and str(backups) in err
    assert not (tmp_path / "out.xlsx").exists() and backup_files(backups) == []


def test_restore_brings_the_backup_back_and_keeps_the_damaged_file(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    good = backed_up(store, backups, capsys)
    damage(store)
    damaged = sha256(store)
    killed = tmp_path / ".2026年度.jlpanel.0123456789abcdef.restoring"  # an earlier run's
    killed.write_bytes(b"half a copy")

    code, out, err = run(capsys, "restore", str(store), str(good))

    assert (code, err) == (0, "")
    (copy,) = tmp_path.glob("2026年度.jlpanel.damaged-*")
    assert f"被替换的文件已另存为：{copy}" in out
    assert sha256(copy) == damaged
    assert quick_check(store) == ["ok"]
    assert side_files(store) == []
    assert list(tmp_path.glob(".*")) == []
    assert cycle_id(store) == cycle_id(good)
    assert _dump(store) == _dump(good)
    assert run(capsys, "results", str(store))[0] == 0
    assert good in backup_files(backups)


def test_restore_over_a_sound_workspace_backs_it_up_first(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    good = backed_up(store, backups, capsys)  # before pass_min became 61
    as_it_was = _dump(store)

    code, out, _err = run(capsys, "--lang", "en", "restore", str(store), str(good))

    assert code == 0
    (safety,) = [b for b in backup_files(backups) if b.name.endswith("-pre-restore.jlpanel")]
    assert f"The workspace as it was is backed up as {safety}" in out
    assert _dump(safety) == as_it_was
    assert _dump(store) == _dump(good)
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_restore_refuses_a_backup_of_another_cycle_or_a_damaged_one(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "a" / "2026年度.jlpanel")
    other = filled_workspace(tmp_path / "b" / "2026年度.jlpanel")
    foreign = backed_up(other, backups, capsys)
    before = sha256(store)

    code, _out, err = run(capsys, "restore", str(store), str(foreign))

    assert code == 1 and "属于另一个考核周期" in err and sha256(store) == before

    own = backed_up(store, backups, capsys)
    before = sha256(store)
    broken = tmp_path / "broken.jlpanel"
    broken.write_bytes(own.read_bytes())
    damage(broken)
    code, _out, err = run(capsys, "--lang", "en", "restore", str(store), str(broken))
    assert code == 1 and "The backup is damaged" in err and sha256(store) == before
    assert list(store.parent.glob(".*restoring")) == []


_HOLD = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1])
connection.execute("SELECT count(*) FROM cycles").fetchone()
print("open", flush=True)
sys.stdin.read()
"""


def test_restore_refuses_a_workspace_another_program_has_open(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    good = backed_up(store, backups, capsys)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        before = _dump(store)

        code, _out, err = run(capsys, "restore", str(store), str(good))

        assert code == 1 and "正被其他程序占用" in err
        assert _dump(store) == before
        assert [b for b in backup_files(backups) if "pre-restore" in b.name] == []
    finally:
        holder.communicate("")


# ----------------------------------------------------------------------- backups that protect


def test_two_cycles_of_the_same_file_name_keep_their_own_backups(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save_preferences(Preferences(backup_count=2))
    first = filled_workspace(tmp_path / "处室" / "2026年度.jlpanel")
    second = filled_workspace(tmp_path / "会议室" / "2026年度.jlpanel")

    for _ in range(3):
        for store in (first, second):
            assert run(capsys, "assign", str(store))[0] == 0

    for store in (first, second):
        own = [b for b in backup_files(backups) if cycle_id(b) == cycle_id(store)]
        assert len(own) == 2, own
    from jlpanel.storage.backups import list_backups

    for store in (first, second):
        own = [b for b in backup_files(backups) if cycle_id(b) == cycle_id(store)]
        assert [b.path for b in list_backups(backups, store)] == own
        assert {b.source for b in list_backups(backups, store)} == {store.absolute()}


def test_read_only_commands_take_no_backup(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "2026年度.jlpanel")

    for command in (
        ["results", str(store)],
        ["results", str(store), "--csv"],
        ["export", str(store), str(tmp_path / "out.xlsx")],
        ["report", str(store), str(tmp_path / "reports"), "--documents", "summary"],
        ["experts", str(store)],
        ["rules", str(store)],
        ["backups", str(store)],
    ):
        assert run(capsys, *command)[0] == 0, command
        assert backup_files(backups) == [], command

    assert run(capsys, "rules", str(store), "--set", "pass_min=61")[0] == 0
    (taken,) = backup_files(backups)
    assert taken.name.endswith("-open.jlpanel")


def test_kinds_rotate_separately(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jlpanel.storage.workspace import backup_workspace

    save_preferences(Preferences(backup_count=3))
    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    backup_workspace(store, backups, 3, "pre-merge")
    backup_workspace(store, backups, 3, "pre-import")

    # Each command opens the store as the one before changed it (an unchanged store reuses
    # its backup, issue 16), so each takes an open backup.
    for n in range(12):
        assert run(capsys, "rules", str(store), "--set", f"pass_min={60 + n % 2}")[0] == 0
    assert run(capsys, "confirm", str(store))[0] == 0

    kinds = [re.sub(r".*-\d{6}-(?=[a-z])", "", b.stem) for b in backup_files(backups)]
    assert sorted(kinds) == ["open"] * 3 + ["pre-confirm", "pre-import", "pre-merge"]


def test_every_backup_is_verified_and_listed_with_kind_time_and_check(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jlpanel.storage.backups import list_backups

    store = filled_workspace(tmp_path / "2026年度.jlpanel")
    good = backed_up(store, backups, capsys)

    record = json.loads(good.with_name(good.name + ".json").read_text("utf-8"))
    assert record["verified"] is True and record["kind"] == "open"
    assert record["source"] == str(store.absolute())
    connection = sqlite3.connect(f"{good.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        for table, count in record["digest"]["counts"].items():
            assert connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == count
    finally:
        connection.close()
    assert record["digest"]["counts"]["indicator_scores"] == 60 * 7 * 3

    code, out, _err = run(capsys, "backups", str(store))
    assert code == 0
    (taken_at,) = [b.taken_at for b in list_backups(backups, store)]
    when = taken_at.strftime("%Y-%m-%d %H:%M:%S")
    assert any(
        line.startswith(when) and "打开时" in line and "已校验" in line and str(good) in line
        for line in out.splitlines()
    ), out
    code, out, _err = run(capsys, "--lang", "en", "backups", str(store))
    assert any("on open" in ln and "verified" in ln and str(good) in ln for ln in out.splitlines())
    assert f"Newest good backup: {good}" in out


def _dump(path: Path) -> list[str]:
    """Every row as SQL, read without writing (nothing is created beside a settled file)."""
    settled = not path.with_name(path.name + "-wal").exists()
    uri = f"{path.absolute().as_uri()}?mode=ro" + ("&immutable=1" if settled else "")
    connection = sqlite3.connect(uri, uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_backups_lists_what_an_earlier_version_left_and_a_deleted_workspaces_backups(
    tmp_path: Path, backups: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = filled_workspace(tmp_path / "处室" / "2026年度.jlpanel")
    stranger = filled_workspace(tmp_path / "会议室" / "2026年度.jlpanel")
    backups.mkdir(parents=True)
    # The flat, file-named backups of jlpanel before issue 13: one of this cycle, one of a
    # same-named workspace of another cycle.
    ours = backups / "2026年度-20260101-090000-000000-open.jlpanel"
    ours.write_bytes(store.read_bytes())
    theirs = backups / "2026年度-20260102-090000-000000-open.jlpanel"
    theirs.write_bytes(stranger.read_bytes())
    good = backed_up(store, backups, capsys)

    code, out, _err = run(capsys, "backups", str(store))

    assert code == 0 and f"  {ours}" in out.splitlines() and str(theirs) not in out
    assert "旧版本留下的备份" in out and str(good) in out
    assert ours.exists() and theirs.exists()  # never rotated

    store.unlink()  # gone: its backups are found by the path they were taken from
    code, out, _err = run(capsys, "--lang", "en", "backups", str(store))
    assert code == 0 and f"Newest good backup: {good}" in out
    assert run(capsys, "restore", str(store), str(good))[0] == 0
    assert quick_check(store) == ["ok"] and cycle_id(store) == cycle_id(good)
