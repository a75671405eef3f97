"""A store holds several cycles (issue 15): a file from the last release opens unchanged,
``jlpanel new STORE --cycle NAME`` adds a cycle, ``--cycle`` picks one, and each cycle sees,
changes and deletes only its own rows."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from jlpanel.cli import main
from jlpanel.services.errors import CycleChoiceError
from jlpanel.services.workspace import open_workspace, store_cycles
from jlpanel.storage import models as m
from jlpanel.storage import workspace as store

RELEASES = Path(__file__).resolve().parent.parent / "corpus" / "releases"
RELEASE_CYCLE = "2026年度吉林省科技资源共享服务平台考核评价（演示）"
NEW_CYCLE = "2027年度考核评价"
LATER_CYCLE = "2027年度考核评价（第二周期）"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def release_store(tmp_path: Path) -> Path:
    """A copy of the one-cycle workspace the last release wrote (revision 0004, confirmed)."""
    path = tmp_path / "store.jlpanel"
    shutil.copyfile(RELEASES / "cycle-0004.jlpanel", path)
    return path


def recorded_results() -> str:
    return (RELEASES / "cycle-0004.results.csv").read_bytes().decode("utf-8")


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_a_file_from_the_last_release_opens_with_its_results_unchanged(
    capsys: pytest.CaptureFixture[str], release_store: Path
) -> None:
    assert rows(release_store, "SELECT version_num FROM alembic_version") == [("0004",)]

    code, out, err = run(capsys, "results", str(release_store), "--csv")

    assert (code, err) == (0, "")
    assert out == recorded_results()
    assert rows(release_store, "SELECT version_num FROM alembic_version") == [
        (store.head_revision(),)
    ]
    (cycle_id,) = rows(release_store, "SELECT id FROM cycles")[0]
    # what was the whole file's is now the cycle's: its confirmation and its audit log
    assert rows(release_store, "SELECT DISTINCT cycle_id FROM confirmations") == [(cycle_id,)]
    assert rows(release_store, "SELECT DISTINCT cycle_id FROM audit_entries") == [(cycle_id,)]
    code, out, _ = run(capsys, "results", str(release_store))
    assert code == 0 and "结果已于 2026-12-01 确定" in out


def test_new_adds_a_cycle_to_a_store_and_refuses_a_name_it_has(
    capsys: pytest.CaptureFixture[str], release_store: Path
) -> None:
    code, out, err = run(capsys, "new", str(release_store), "--cycle", NEW_CYCLE)
    assert (code, err) == (0, "")
    assert NEW_CYCLE in out

    code, _, err = run(capsys, "new", str(release_store), "--cycle", NEW_CYCLE)
    assert code == 1
    assert f"已有名为“{NEW_CYCLE}”的考核周期，未作改动" in err
    code, _, err = run(capsys, "new", str(release_store), "--cycle", f"  {RELEASE_CYCLE} ")
    assert code == 1 and "已有名为" in err
    assert [c for (c,) in rows(release_store, "SELECT name FROM cycles ORDER BY created_at")] == [
        RELEASE_CYCLE,
        NEW_CYCLE,
    ]


def test_without_cycle_a_store_shows_its_cycle_at_work_and_asks_only_when_several_are(
    capsys: pytest.CaptureFixture[str], release_store: Path
) -> None:
    # The release's cycle is confirmed: a new one beside it is the cycle at work.
    assert main(["new", str(release_store), "--cycle", NEW_CYCLE]) == 0
    capsys.readouterr()
    with open_workspace(release_store) as ws:
        assert ws.cycle_info().name == NEW_CYCLE
        assert [(c.name, c.confirmed) for c in store_cycles(ws)] == [
            (RELEASE_CYCLE, True),
            (NEW_CYCLE, False),
        ]
    code, out, err = run(capsys, "results", str(release_store), "--cycle", RELEASE_CYCLE, "--csv")
    assert (code, err) == (0, "")
    assert out == recorded_results()

    # Two cycles at work: which one is the user's to say, and nothing is opened.
    assert main(["new", str(release_store), "--cycle", LATER_CYCLE]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "results", str(release_store))
    assert (code, out) == (1, "")
    assert "中有 2 个考核周期的结果尚未确定（共 3 个），请用 --cycle 指定" in err
    assert RELEASE_CYCLE in err and NEW_CYCLE in err and LATER_CYCLE in err
    code, _, err = run(capsys, "results", str(release_store), "--cycle", "2030年度")
    assert code == 1 and "没有名为“2030年度”的考核周期" in err
    with pytest.raises(CycleChoiceError) as refused:
        open_workspace(release_store)
    assert [c.name for c in refused.value.cycles] == [RELEASE_CYCLE, NEW_CYCLE, LATER_CYCLE]


def test_when_every_cycle_is_confirmed_the_newest_period_is_shown() -> None:
    from jlpanel.services.errors import StoredCycle
    from jlpanel.services.workspace import default_cycle

    def cycle(name: str, end: int | None, confirmed: bool = True) -> StoredCycle:
        return StoredCycle(
            name, name, None, None if end is None else dt.date(end, 12, 31), confirmed
        )

    # a cycle checked in later may be an older one: the period decides, not the order added
    newest = default_cycle([cycle("b", 2025), cycle("a", 2023), cycle("c", None)])
    assert newest is not None and newest.name == "b"
    # two with the same period end: the one added last
    tied = default_cycle([cycle("a", 2025), cycle("b", 2025)])
    assert tied is not None and tied.name == "b"
    assert default_cycle([cycle("a", 2025, False), cycle("b", 2023, False)]) is None
    at_work = default_cycle([cycle("a", 2027), cycle("b", 2025, False)])
    assert at_work is not None and at_work.name == "b"


def test_each_cycle_sees_changes_and_deletes_only_its_own_rows(
    capsys: pytest.CaptureFixture[str], release_store: Path, merged_demo: Path
) -> None:
    from jlpanel.services.results import compute_and_store_results

    demo = merged_demo.parent
    assert main(["new", str(release_store), "--cycle", NEW_CYCLE]) == 0
    for args in (
        ["import", str(release_store), "--cycle", NEW_CYCLE, str(demo / "dossiers")],
        ["experts", str(release_store), "--cycle", NEW_CYCLE, str(demo / "experts.xlsx")],
        ["assign", str(release_store), "--cycle", NEW_CYCLE],
    ):
        assert main(args) == 0, args
    capsys.readouterr()
    earlier = {
        table: rows(release_store, f"SELECT * FROM {table} ORDER BY id")
        for table in ("results", "decisions", "assignments", "confirmations", "score_sheets")
    }

    with open_workspace(release_store, cycle=NEW_CYCLE) as ws:
        info = ws.cycle_info()
        assert (info.name, info.platform_count, info.expert_count) == (NEW_CYCLE, 24, 7)
        compute_and_store_results(ws)  # deletes and rewrites the cycle's results only
        with ws.reading() as s:
            assert s.scalar(select(func.count()).select_from(m.Result)) == 24
            assert s.scalar(select(func.count()).select_from(m.ScoreSheet)) == 0
            assert s.scalars(select(m.Confirmation)).all() == []
            actions = set(s.scalars(select(m.AuditEntry.action)))
        assert "confirm_results" not in actions  # the earlier cycle's, not this one's
        assert [c.name for c in store_cycles(ws)] == [RELEASE_CYCLE, NEW_CYCLE]

    for table, before in earlier.items():
        mine = rows(
            release_store,
            f"SELECT * FROM {table} WHERE id IN ({','.join(str(r[0]) for r in before) or '0'}) "
            "ORDER BY id",
        )
        assert mine == before, table
    # the earlier cycle's results read as the last release printed them
    code, out, _ = run(capsys, "results", str(release_store), "--cycle", RELEASE_CYCLE, "--csv")
    assert code == 0 and out == recorded_results()
    # the demo's score files are for another cycle: refused by both, nothing merged
    code, _, err = run(
        capsys, "merge", str(release_store), "--cycle", NEW_CYCLE, str(demo / "scores")
    )
    assert code == 1, err
    assert rows(release_store, "SELECT count(*) FROM score_sheets") == [
        (len(earlier["score_sheets"]),)
    ]


def test_the_next_cycle_in_the_store_reads_the_register_without_a_history_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, merged_demo: Path
) -> None:
    """Two cycles in one store: a platform failed in the first (限期整改) that fails again in
    the second is disqualified, and one barred for fraud in the first stays barred whatever
    it scores in the second; the second cycle imports no history."""
    from jlpanel.services.demo_scores import score_demo_packages

    demo = merged_demo.parent
    store = tmp_path / "store.jlpanel"
    shutil.copyfile(merged_demo, store)
    assert main(["confirm", str(store), "--date", "2026-03-01"]) == 0
    capsys.readouterr()
    code, register, _ = run(capsys, "register", str(store), "--csv")
    assert code == 0
    first = {line.split(",")[0].strip('"\ufeff'): line for line in register.splitlines()[1:]}
    assert "限期整改" in first["JLGX-2025-018"]  # its first fail
    assert "禁止申报" in first["JLGX-2017-016"]  # fraud: barred

    later = ["--cycle", LATER_CYCLE]
    steps = [
        ["new", str(store), *later, "--start", "2026-01-01", "--end", "2027-12-31"],
        ["import", str(store), *later, str(demo / "dossiers")],
        ["experts", str(store), *later, str(demo / "experts.xlsx")],
        ["assign", str(store), *later],
        ["packages", str(store), *later, str(tmp_path / "packages")],
    ]
    for args in steps:
        assert main(args) == 0, args
    packages = sorted((tmp_path / "packages").glob("*.jlreview"))
    score_demo_packages(tmp_path / "scores", packages, seed=2026)  # the same marks again
    assert main(["merge", str(store), *later, str(tmp_path / "scores")]) == 0
    capsys.readouterr()
    # This time nobody claims the fraud veto: only the register can bar the platform.
    with open_workspace(store, cycle=LATER_CYCLE) as ws, ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.VetoClaim)) > 0
        s.execute(delete(m.VetoClaim))
    assert rows(store, "SELECT count(*) FROM veto_claims")[0][0] > 0  # the first cycle's kept

    code, out, err = run(capsys, "results", str(store), *later, "--csv")

    assert (code, err) == (0, ""), err
    lines = {line.split(",")[1].strip('"'): line for line in out.splitlines()[1:]}
    assert "不合格" in lines["JLGX-2025-018"] and "取消资格" in lines["JLGX-2025-018"]
    assert "取消资格" in lines["JLGX-2017-016"]
    # the first cycle's own results are as confirmed
    code, out, _ = run(capsys, "results", str(store), "--cycle", RELEASE_CYCLE, "--csv")
    earlier = {line.split(",")[1].strip('"'): line for line in out.splitlines()[1:]}
    assert "限期整改" in earlier["JLGX-2025-018"]


def test_cycle_may_stand_anywhere_after_the_command() -> None:
    from jlpanel.cli import _cycle_first

    commands = {"experts", "results"}
    assert _cycle_first(["experts", "s.jlpanel", "--cycle", "甲", "r.xlsx"], commands) == [
        "experts",
        "--cycle",
        "甲",
        "s.jlpanel",
        "r.xlsx",
    ]
    assert _cycle_first(["--lang", "en", "experts", "s", "r", "--cycle=乙"], commands) == [
        "--lang",
        "en",
        "experts",
        "--cycle=乙",
        "s",
        "r",
    ]
    assert _cycle_first(["results", "s", "--", "--cycle", "x"], commands) == [
        "results",
        "s",
        "--",
        "--cycle",
        "x",
    ]
    assert _cycle_first(["--version"], commands) == ["--version"]
