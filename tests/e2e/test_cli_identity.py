"""Identity that cannot be fooled (issue 12 item 5), through real workbooks and the CLI."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from broken_workbooks import sample_dossier, set_cell, write_dossier_workbook
from factories import dump
from sqlalchemy import func, select

from jlpanel.cli import main
from jlpanel.domain.dossier import Dossier, StaffMember
from jlpanel.exchange.roster_writer import RosterExpert, write_roster
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: What a terminal would act on: NUL, ESC, and the bidi controls.
CONTROLS = ("\x00", "\x1b", "\u202e", "\u2066", "\u200f")

#: Six spellings of the sample's 备案编号 JLKJ-2021-007: as typed, with a zero-width space,
#: full width, lower case, with Cyrillic Ј and К, with spaces and another dash.
SPELLINGS = (
    "JLKJ-2021-007",
    "JLKJ-2021\u200b-007",
    "ＪＬＫＪ－２０２１－００７",
    "jlkj-2021-007",
    "\u0408L\u041a\u0408-2021-007",
    "JLKJ 2021 \u2010 007",
)


def dossier(**basic: object) -> Dossier:
    sample = sample_dossier()
    return dataclasses.replace(sample, basic=dataclasses.replace(sample.basic, **basic))


def roster(path: Path, *experts: RosterExpert) -> Path:
    write_roster(path, experts)
    return path


def test_six_spellings_of_one_filing_number_import_once(workspace, tmp_path, capsys):
    folder = tmp_path / "dossiers"
    folder.mkdir()
    first = write_dossier_workbook(folder / "0.xlsx", dossier(filing_no=SPELLINGS[0]))
    assert main(["import", str(workspace), str(first)]) == 0
    before = dump(workspace)
    capsys.readouterr()
    for n, spelling in enumerate(SPELLINGS[1:], 1):
        book = write_dossier_workbook(folder / f"{n}.xlsx", dossier(filing_no=spelling))
        assert main(["import", str(workspace), str(book)]) == 1, spelling
        err = capsys.readouterr().err
        # The refusal names the platform imported first, by its number, name and file.
        assert "JLKJ-2021-007" in err and "0.xlsx" in err, err
        assert "已导入本考核周期" in err, err
        # Spelled differently once cleaned: the refusal says why they are the same.
        assert ("视为同一编号" in err) == (n in (3, 4, 5)), err
        assert dump(workspace) == before
    with open_workspace(workspace) as ws, ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Platform)) == 1


def test_replace_finds_the_platform_however_its_number_is_spelled(workspace, tmp_path, capsys):
    first = write_dossier_workbook(tmp_path / "a.xlsx", dossier(filing_no=SPELLINGS[0]))
    again = write_dossier_workbook(tmp_path / "b.xlsx", dossier(filing_no=SPELLINGS[2]))
    assert main(["import", str(workspace), str(first)]) == 0
    assert main(["import", "--replace", str(workspace), str(again)]) == 0
    with open_workspace(workspace) as ws, ws.session() as s:
        platform = s.scalars(select(m.Platform)).one()
    # Stored as cleaned (full width folded), not as the identity key.
    assert platform.filing_no == "JLKJ-2021-007"


def test_a_zero_width_space_in_the_host_unit_does_not_defeat_the_same_institution_rule(
    workspace, tmp_path, capsys
):
    book = write_dossier_workbook(tmp_path / "a.xlsx", dossier(host_unit="吉林\u200b大学"))
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert "基本信息" in out and "依托单位" in out and "U+200B" in out
    experts = roster(
        tmp_path / "experts.xlsx",
        RosterExpert("刘洋", "吉林大学"),
        RosterExpert("陈静", "长春工业大学"),
    )
    assert main(["experts", str(workspace), str(experts)]) == 0
    out = capsys.readouterr().out
    assert "同单位 1" in out and "刘洋 — " in out and "陈静 — " not in out
    with open_workspace(workspace) as ws, ws.session() as s:
        platform = s.scalars(select(m.Platform)).one()
        assert platform.host_unit == "吉林大学"
        codes = s.scalars(select(m.DossierFinding.code)).all()
        conflict = s.scalars(select(m.Conflict)).one()
    assert "text.invisible_removed" in codes
    assert conflict.source == "same_institution"


def test_a_zero_width_space_after_a_name_is_the_same_expert(workspace, tmp_path, capsys):
    """Refused as a duplicate (not merged): the roster must say who is meant."""
    experts = roster(
        tmp_path / "experts.xlsx",
        RosterExpert("王志刚", "吉林大学"),
        RosterExpert("王志刚\u200b", "东北师范大学"),
    )
    before = dump(workspace)
    assert main(["experts", str(workspace), str(experts)]) == 1
    err = capsys.readouterr().err
    assert "第 2 行和第 3 行重复出现" in err
    assert dump(workspace) == before


def test_controls_are_removed_with_a_warning_and_never_printed(workspace, tmp_path, capsys):
    name = "吉林省\x1b[2J分析测试\u202e资源共享服务平台\x00"
    book = write_dossier_workbook(
        tmp_path / "a.xlsx", dossier(name=name, contact_person="李四\u2066\u200f")
    )
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    captured = capsys.readouterr()
    for text in (captured.out, captured.err):
        assert not any(c in text for c in CONTROLS), repr(text)
    assert "平台名称" in captured.out and "联系人" in captured.out
    with open_workspace(workspace) as ws, ws.session() as s:
        platform = s.scalars(select(m.Platform)).one()
        findings = s.scalars(
            select(m.DossierFinding).where(m.DossierFinding.code == "text.invisible_removed")
        ).all()
    assert platform.name == "吉林省[2J分析测试资源共享服务平台"
    assert platform.contact_person == "李四"
    assert {f.column for f in findings} == {"平台名称", "联系人"}


def test_a_refusal_quoting_a_bad_cell_prints_no_controls(workspace, tmp_path, capsys):
    def edit(grids):
        set_cell(grids, "服务记录", 2, "服务日期", "2024\x1b[31m\u202e-13-45")

    book = write_dossier_workbook(tmp_path / "a.xlsx", edit=edit)
    assert main(["import", str(workspace), str(book)]) == 1
    captured = capsys.readouterr()
    assert "服务日期" in captured.err
    for text in (captured.out, captured.err):
        assert not any(c in text for c in CONTROLS), repr(text)


def test_an_expert_named_in_a_dossier_is_flagged_with_the_reason(workspace, tmp_path, capsys):
    sample = sample_dossier()
    staff = (*sample.staff, StaffMember(4, "王志刚", "技术员", True, "工程师", "硕士", 1.0))
    platform = dataclasses.replace(
        sample,
        staff=staff,
        basic=dataclasses.replace(sample.basic, director="陈 静", host_unit="吉林省科学院"),
    )
    book = write_dossier_workbook(tmp_path / "a.xlsx", platform)
    assert main(["import", str(workspace), str(book)]) == 0
    experts = roster(
        tmp_path / "experts.xlsx",
        RosterExpert("王志刚\u00a0", "长春工业大学"),
        RosterExpert("陈静", "东北师范大学"),
        RosterExpert("刘洋", "延边大学"),
    )
    capsys.readouterr()
    assert main(["experts", str(workspace), str(experts)]) == 0
    out = capsys.readouterr().out
    assert "疑似同一人（2 项）" in out, out
    lines = [line for line in out.splitlines() if "疑似同一人：" in line]
    assert any(line.startswith("  王志刚 — ") and "人员表第 4 行“王志刚”" in line for line in lines)
    assert any(line.startswith("  陈静 — ") and "平台负责人“陈 静”" in line for line in lines)
    assert not any("刘洋" in line for line in lines)

    # Confirmed by adding the platform to the expert's 回避单位: a roster conflict, no longer
    # a possible one.
    confirmed = roster(
        tmp_path / "experts2.xlsx",
        RosterExpert("王志刚", "长春工业大学", avoid_units=("吉林省科学院",)),
        RosterExpert("陈静", "东北师范大学"),
        RosterExpert("刘洋", "延边大学"),
    )
    assert main(["experts", "--replace", str(workspace), str(confirmed)]) == 0
    out = capsys.readouterr().out
    assert "疑似同一人（1 项）" in out and "名单回避单位 1" in out, out
