"""Same-name checks through the command line: jlpanel experts --confirm / --clear / --reopen."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from broken_workbooks import sample_dossier, write_dossier_workbook
from factories import dump
from sqlalchemy import select

from jlpanel.cli import main
from jlpanel.domain.dossier import Dossier, StaffMember
from jlpanel.exchange.roster_writer import RosterExpert, write_roster
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

PLATFORM = "吉林省分析测试资源共享服务平台（JLKJ-2021-007）"


def dossier(*extra_staff: StaffMember, director: str = "陈 静") -> Dossier:
    """The sample dossier with 王志刚 on row 4 of its staff sheet and 陈静 as its director."""
    sample = sample_dossier()
    staff = (
        *sample.staff,
        StaffMember(4, "王志刚", "技术员", True, "工程师", "硕士", 1.0),
        *extra_staff,
    )
    return dataclasses.replace(
        sample, staff=staff, basic=dataclasses.replace(sample.basic, director=director)
    )


@pytest.fixture
def cycle(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """One platform whose dossier names two experts of the roster; the roster imported."""
    book = write_dossier_workbook(tmp_path / "a.xlsx", dossier())
    assert main(["import", str(workspace), str(book)]) == 0
    roster = tmp_path / "experts.xlsx"
    write_roster(
        roster,
        [
            RosterExpert("王志刚", "长春工业大学"),
            RosterExpert("陈静", "东北师范大学"),
            RosterExpert("刘洋", "延边大学"),
            RosterExpert("李建军", "哈尔滨工业大学"),
            RosterExpert("赵丽华", "中国农业大学"),
        ],
    )
    assert main(["experts", str(workspace), str(roster)]) == 0
    out = capsys.readouterr().out
    assert "疑似同一人（2 项），请核实：" in out, out
    assert "核实后：jlpanel experts 工作区 --confirm 专家 备案编号" in out
    return workspace


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def audit(path: Path) -> list[tuple[str, dict[str, object]]]:
    with open_workspace(path) as ws, ws.session() as s:
        rows = s.execute(
            select(m.AuditEntry.action, m.AuditEntry.detail_json)
            .where(m.AuditEntry.action.like("%same_name"))
            .order_by(m.AuditEntry.id)
        ).all()
    return [(action, json.loads(detail)) for action, detail in rows]


def test_staff_confirm_and_clear_and_assignment_follows(cycle: Path, capsys) -> None:
    code, out, _ = run(capsys, "assign", str(cycle))
    assert code == 0
    assert out.splitlines()[-1].startswith("尚有 2 项同名待核实：本次分配未避开这些专家"), out

    # Platform by its number however it is typed, expert by name.
    code, out, err = run(capsys, "experts", str(cycle), "--confirm", "王志刚", "jlkj 2021 007")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "已确认为同一人，须回避"
    assert lines[1].startswith(
        f"  王志刚 — {PLATFORM}：已确认为同一人，须回避：专家“王志刚”与本平台材料中的"
        "人员表第 4 行“王志刚”同名（"
    ), lines[1]
    assert lines[-1] == "尚有 1 项同名待核实"
    assert "该专家已分配评审此平台，请重新分配专家（jlpanel assign）" in err

    code, out, err = run(
        capsys, "experts", str(cycle), "--clear", "陈 静", "JLKJ-2021-007", "--note", "电话核实"
    )
    assert code == 0, err
    assert out.splitlines()[0] == "已排除，不是同一人"
    assert "平台负责人“陈 静”" in out and "；备注：电话核实）" in out
    assert out.splitlines()[-1] == "同名情况均已核实"
    assert err == ""

    code, out, _ = run(capsys, "experts", str(cycle))
    assert code == 0
    assert out.splitlines()[0] == "5 位专家；回避 1 项"
    assert f"  王志刚 — {PLATFORM}：同名核实回避：经核实为同一人：专家“王志刚”" in out
    assert "同名核实（2 项）：" in out
    assert f"  陈静 — {PLATFORM}：已排除，不是同一人：" in out
    assert out.splitlines()[-1] == "同名情况均已核实"

    code, out, _ = run(capsys, "assign", str(cycle))
    assert code == 0
    (platform_line,) = [line for line in out.splitlines() if "JLKJ-2021-007" in line]
    assert "王志刚" not in platform_line and "陈静" in platform_line
    assert "同名待核实" not in out

    assert [(action, detail["new"]["decision"]) for action, detail in audit(cycle)] == [  # type: ignore[index]
        ("confirm_same_name", "confirm"),
        ("clear_same_name", "clear"),
    ]


def test_a_cleared_name_is_to_check_again_after_a_new_staff_list(
    cycle: Path, tmp_path: Path, capsys
) -> None:
    assert main(["experts", str(cycle), "--clear", "王志刚", "JLKJ-2021-007"]) == 0
    assert main(["experts", str(cycle), "--clear", "陈静", "JLKJ-2021-007"]) == 0
    capsys.readouterr()

    # The new staff list names 王志刚 on row 5 too.
    again = write_dossier_workbook(
        tmp_path / "b.xlsx", dossier(StaffMember(5, "王志刚", "技术员", False, None, None, 0.2))
    )
    assert main(["import", "--replace", str(cycle), str(again)]) == 0
    capsys.readouterr()

    code, out, _ = run(capsys, "experts", str(cycle))
    assert code == 0
    (wang,) = [line for line in out.splitlines() if line.startswith("  王志刚 — ")]
    assert "：疑似同一人：" in wang and "人员表第 5 行“王志刚”" in wang
    assert "曾于 " in wang and "排除，此后材料有变化" in wang
    (chen,) = [line for line in out.splitlines() if line.startswith("  陈静 — ")]
    assert "：已排除，不是同一人：" in chen
    assert "尚有 1 项同名待核实" in out
    assert "核实后：jlpanel experts 工作区 --confirm" in out


def test_in_english(cycle: Path, capsys) -> None:
    code, out, _ = run(
        capsys, "--lang", "en", "experts", str(cycle), "--confirm", "王志刚", "JLKJ-2021-007"
    )
    assert code == 0
    assert out.splitlines()[0] == "Confirmed: the same person, kept off the platform"
    assert (
        "王志刚 — 吉林省分析测试资源共享服务平台 (JLKJ-2021-007): confirmed as the same person, "
        "kept off: The expert '王志刚' has the name of the staff sheet, row 4 '王志刚'"
    ) in out
    assert out.splitlines()[-1] == "1 same-name match(es) still to check"

    code, out, _ = run(
        capsys, "--lang", "en", "experts", str(cycle), "--confirm", "王志刚", "JLKJ-2021-007"
    )
    assert out.splitlines()[0].endswith("(as before; nothing changed)")

    code, out, _ = run(capsys, "--lang", "en", "experts", str(cycle))
    assert "Same name, confirmed by staff: Checked by staff and confirmed as the same" in out

    code, out, _ = run(
        capsys, "--lang", "en", "experts", str(cycle), "--reopen", "王志刚", "JLKJ-2021-007"
    )
    assert code == 0
    assert out.splitlines()[0] == "Check undone: to check again"
    assert ": possibly the same person: " in out
    assert out.splitlines()[-1] == "2 same-name match(es) still to check"

    code, out, _ = run(capsys, "--lang", "en", "assign", str(cycle))
    assert out.splitlines()[-1].startswith("2 same-name match(es) still to check")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--confirm", "王志强", "JLKJ-2021-007"], "本周期的专家名单中没有“王志强”"),
        (["--confirm", "王志刚", "JLKJ-2021-008"], "本周期没有备案编号为 JLKJ-2021-008 的平台"),
        # 刘洋 is named nowhere in the dossier: nothing to check.
        (["--clear", "刘洋", "JLKJ-2021-007"], "该平台材料中没有与专家同名的人，无需核实"),
        (["--reopen", "王志刚", "JLKJ-2021-007"], "没有核实结果可撤销"),
        (["--reopen", "王志刚", "JLKJ-2021-007", "--note", "x"], "--note 只用于"),
        (["--note", "x"], "--note 只用于 --confirm 或 --clear"),
        (["roster.xlsx", "--confirm", "王志刚", "JLKJ-2021-007"], "不能同时导入专家名单"),
    ],
)
def test_refusals_say_why_and_change_nothing(
    cycle: Path, capsys, args: list[str], message: str
) -> None:
    before = dump(cycle)

    code, out, err = run(capsys, "experts", str(cycle), *args)

    assert code == 1
    assert message in err, err
    assert out == ""
    assert dump(cycle) == before


def test_a_check_needs_both_the_expert_and_the_platform(cycle: Path, capsys) -> None:
    code, _, err = run(capsys, "experts", str(cycle), "--confirm", "王志刚")
    assert code == 2
    assert "--confirm: expected 2 arguments" in err
    code, _, err = run(
        capsys,
        "experts",
        str(cycle),
        "--confirm",
        "王志刚",
        "JLKJ-2021-007",
        "--clear",
        "陈静",
        "JLKJ-2021-007",
    )
    assert code == 2 and "not allowed with argument" in err


def test_listing_an_empty_cycle(workspace: Path, capsys) -> None:
    code, out, _ = run(capsys, "experts", str(workspace))
    assert code == 0
    assert out == "本周期还没有专家名单：jlpanel experts 工作区 专家名单.xlsx\n"
