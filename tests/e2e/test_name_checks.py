"""Same-name checks on real workspaces: staff confirm (a conflict) or clear each match."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from factories import dump
from review_support import EXPERTS as REVIEWERS
from review_support import build_cycle, score_everything
from sqlalchemy import delete, select, update

from jlpanel.domain.conflicts import ConflictSource, NameCheckStatus
from jlpanel.exchange.roster_writer import RosterExpert, write_roster
from jlpanel.services import review as rv
from jlpanel.services.errors import UserError
from jlpanel.services.experts import (
    PossibleConflictLine,
    assign_experts,
    assignment_matrix,
    clear_possible_conflict,
    confirm_possible_conflict,
    find_expert_and_platform,
    import_roster,
    list_conflicts,
    list_possible_conflicts,
    reopen_possible_conflict,
)
from jlpanel.services.merge import MergeFileStatus, merge_score_files
from jlpanel.services.packages import issue_packages
from jlpanel.services.workspace import Workspace, create_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

#: Four platforms; the first names 王志刚 twice (contact, staff row 4), the second has 陈静 as
#: its director (typed with a space), the third lists 刘洋, whose institution is its host.
PLATFORMS = [
    ("JLKJ-001", "吉林省分析测试资源共享服务平台", "吉林省科学院", None, "王志刚"),
    ("JLKJ-002", "吉林省农作物种质资源库", "吉林省农业科学院", "陈 静", None),
    ("JLKJ-003", "吉林省化学测试中心", "延边大学", None, None),
    ("JLKJ-004", "吉林省长白山森林生物种质资源库", "北华大学", "李四", None),
]
STAFF = [("JLKJ-001", "王志刚", 4), ("JLKJ-001", "张三", 5), ("JLKJ-003", "刘洋", 2)]
EXPERTS = [
    RosterExpert("王志刚", "长春工业大学"),
    RosterExpert("陈静", "东北师范大学"),
    RosterExpert("刘洋", "延边大学"),
    RosterExpert("李建军", "哈尔滨工业大学"),
    RosterExpert("赵丽华", "中国农业大学"),
]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with create_workspace(tmp_path / "cycle.jlpanel", "2026年度考核") as workspace:
        with workspace.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_rows(
                s,
                m.Platform,
                [
                    {
                        "cycle_id": cycle_id,
                        "filing_no": f,
                        "name": n,
                        "host_unit": h,
                        "director": d,
                        "contact_person": c,
                    }
                    for f, n, h, d, c in PLATFORMS
                ],
            )
            ids: dict[str, int] = dict(s.execute(select(m.Platform.filing_no, m.Platform.id)).all())
            insert_rows(
                s,
                m.StaffMember,
                [{"platform_id": ids[f], "name": n, "source_row": r} for f, n, r in STAFF],
            )
        roster = tmp_path / "experts.xlsx"
        write_roster(roster, EXPERTS)
        assert import_roster(workspace, roster).ok
        yield workspace


def pair(ws: Workspace, expert: str, filing_no: str) -> tuple[int, int]:
    return find_expert_and_platform(ws, expert, filing_no)


def line(ws: Workspace, expert: str, filing_no: str) -> PossibleConflictLine:
    (found,) = [
        x
        for x in list_possible_conflicts(ws)
        if (x.expert_name, x.filing_no) == (expert, filing_no)
    ]
    return found


def refusal(call: Callable[..., object], *args: object, **kwargs: object) -> str:
    """The Chinese message of the UserError ``call`` raises."""
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    return caught.value.message("zh")


def audit(ws: Workspace, action: str) -> list[dict[str, object]]:
    with ws.session() as s:
        details = s.scalars(
            select(m.AuditEntry.detail_json)
            .where(m.AuditEntry.action == action)
            .order_by(m.AuditEntry.id)
        ).all()
    return [json.loads(d) for d in details]


def same_name_conflicts(ws: Workspace) -> list[tuple[str, str, str | None]]:
    with ws.session() as s:
        rows = s.execute(
            select(m.Expert.name, m.Platform.filing_no, m.Conflict.reason)
            .join(m.Expert, m.Conflict.expert_id == m.Expert.id)
            .join(m.Platform, m.Conflict.platform_id == m.Platform.id)
            .where(m.Conflict.source == ConflictSource.SAME_NAME.value)
        ).all()
    return [tuple(r) for r in rows]


def test_matches_are_listed_to_check_with_the_reason(ws: Workspace) -> None:
    lines = list_possible_conflicts(ws)

    # 刘洋 works at JLKJ-003's host: kept off by the same-institution rule, nothing to check.
    assert [(x.expert_name, x.filing_no, x.status) for x in lines] == [
        ("王志刚", "JLKJ-001", NameCheckStatus.TO_CHECK),
        ("陈静", "JLKJ-002", NameCheckStatus.TO_CHECK),
    ]
    wang = lines[0]
    assert wang.reason.zh == (
        "专家“王志刚”与本平台材料中的联系人“王志刚”、人员表第 4 行“王志刚”同名"
    )
    assert wang.open and wang.found and wang.decided_at is None
    assert wang.describe("zh") == (
        "王志刚 — 吉林省分析测试资源共享服务平台（JLKJ-001）：疑似同一人：" + wang.reason.zh
    )
    assert wang.describe("en").startswith(
        "王志刚 — 吉林省分析测试资源共享服务平台 (JLKJ-001): possibly the same person: "
        "The expert '王志刚' has the name of the contact person '王志刚'"
    )


def test_confirming_stores_a_same_name_conflict_that_assignment_respects(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")

    outcome = confirm_possible_conflict(ws, expert_id, platform_id, author="张处长")

    assert outcome.changed and not outcome.assigned and outcome.still_open == 1
    assert outcome.line is not None and outcome.line.status is NameCheckStatus.CONFIRMED
    assert outcome.line.decided_by == "张处长" and outcome.line.decided_at is not None
    reason = line(ws, "王志刚", "JLKJ-001").reason
    assert same_name_conflicts(ws) == [("王志刚", "JLKJ-001", f"经核实为同一人：{reason.zh}")]
    (conflict,) = [c for c in list_conflicts(ws) if c.source is ConflictSource.SAME_NAME]
    assert conflict.describe("zh").startswith(
        "王志刚 — 吉林省分析测试资源共享服务平台（JLKJ-001）：同名核实回避：经核实为同一人："
    )
    assert conflict.reason.en == f"Checked by staff and confirmed as the same person: {reason.en}"
    (entry,) = audit(ws, "confirm_same_name")
    assert entry["old"] is None
    assert entry["new"] == {
        "platform": "JLKJ-001",
        "expert": "王志刚",
        "decision": "confirm",
        "reason": reason.zh,
        "note": None,
        "author": "张处长",
    }

    summary = assign_experts(ws)
    wang = next(p for p in summary.platforms if p.filing_no == "JLKJ-001")
    assert "王志刚" not in wang.assigned and wang.conflict_free == 4
    assert summary.name_checks_open == 1  # 陈静 is still to check

    # The same decision again changes nothing and is not audited twice.
    again = confirm_possible_conflict(ws, expert_id, platform_id, author="张处长")
    assert not again.changed
    assert len(audit(ws, "confirm_same_name")) == 1


def test_clearing_keeps_who_when_and_the_note_and_takes_it_off_the_list(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "陈静", "JLKJ-002")

    outcome = clear_possible_conflict(
        ws, expert_id, platform_id, note="  负责人为农科院陈静，非东北师大陈静  ", author="李科员"
    )

    assert outcome.changed and outcome.still_open == 1
    chen = line(ws, "陈静", "JLKJ-002")
    assert chen.status is NameCheckStatus.CLEARED and not chen.open
    assert (chen.decided_by, chen.note) == ("李科员", "负责人为农科院陈静，非东北师大陈静")
    assert chen.describe("zh").startswith(
        "陈静 — 吉林省农作物种质资源库（JLKJ-002）：已排除，不是同一人：专家“陈静”与"
    )
    assert chen.describe("zh").endswith("核实；备注：负责人为农科院陈静，非东北师大陈静）")
    assert same_name_conflicts(ws) == []
    (entry,) = audit(ws, "clear_same_name")
    assert entry["new"]["note"] == "负责人为农科院陈静，非东北师大陈静"  # type: ignore[index]

    summary = assign_experts(ws)
    chen_platform = next(p for p in summary.platforms if p.filing_no == "JLKJ-002")
    assert "陈静" in chen_platform.assigned


def test_clearing_a_confirmed_match_withdraws_its_conflict(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")
    confirm_possible_conflict(ws, expert_id, platform_id)

    clear_possible_conflict(ws, expert_id, platform_id, note="电话核实：不是同一人")

    assert same_name_conflicts(ws) == []
    assert line(ws, "王志刚", "JLKJ-001").status is NameCheckStatus.CLEARED
    (entry,) = audit(ws, "clear_same_name")
    assert entry["old"]["decision"] == "confirm"  # type: ignore[index]


def test_a_cleared_match_comes_back_when_the_finding_changes(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")
    clear_possible_conflict(ws, expert_id, platform_id, note="同名不同人", author="李科员")
    assert line(ws, "王志刚", "JLKJ-001").status is NameCheckStatus.CLEARED

    # A new staff list: 王志刚 now on row 7 as well.
    with ws.session() as s:
        s.add(m.StaffMember(platform_id=platform_id, name="王 志刚", source_row=7))

    back = line(ws, "王志刚", "JLKJ-001")
    assert back.status is NameCheckStatus.TO_CHECK and back.reason_changed
    assert "人员表第 7 行“王 志刚”" in back.reason.zh
    assert back.decided_by == "李科员" and back.note == "同名不同人"
    assert "李科员 曾于 " in back.describe("zh") and "此后材料有变化" in back.describe("zh")
    assert "before the dossier changed" in back.describe("en")

    clear_possible_conflict(ws, expert_id, platform_id, author="李科员")
    again = line(ws, "王志刚", "JLKJ-001")
    assert again.status is NameCheckStatus.CLEARED and not again.reason_changed
    assert again.note is None


def test_a_cleared_match_the_dossier_no_longer_bears_out_is_not_listed(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "陈静", "JLKJ-002")
    clear_possible_conflict(ws, expert_id, platform_id)
    with ws.session() as s:
        s.execute(update(m.Platform).where(m.Platform.id == platform_id).values(director="陈洁"))

    assert [x.expert_name for x in list_possible_conflicts(ws)] == ["王志刚"]


def test_a_confirmation_stands_when_the_dossier_no_longer_names_the_expert(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")
    confirm_possible_conflict(ws, expert_id, platform_id)
    confirmed_on = line(ws, "王志刚", "JLKJ-001").reason.zh
    with ws.session() as s:
        s.execute(
            update(m.Platform).where(m.Platform.id == platform_id).values(contact_person=None)
        )
        s.execute(delete(m.StaffMember).where(m.StaffMember.platform_id == platform_id))

    wang = line(ws, "王志刚", "JLKJ-001")
    assert wang.status is NameCheckStatus.CONFIRMED and not wang.found
    assert wang.reason.zh == confirmed_on
    assert [c[:2] for c in same_name_conflicts(ws)] == [("王志刚", "JLKJ-001")]
    # Nothing left to confirm or clear, but the confirmation can be undone.
    assert "没有与专家同名的人" in refusal(clear_possible_conflict, ws, expert_id, platform_id)
    outcome = reopen_possible_conflict(ws, expert_id, platform_id)
    assert outcome.line is None and same_name_conflicts(ws) == []


def test_reopening_undoes_the_decision_and_its_conflict(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")
    confirm_possible_conflict(ws, expert_id, platform_id, note="本人确认")

    outcome = reopen_possible_conflict(ws, expert_id, platform_id)

    assert outcome.changed and outcome.still_open == 2
    assert outcome.line is not None and outcome.line.status is NameCheckStatus.TO_CHECK
    assert outcome.line.decided_at is None
    assert same_name_conflicts(ws) == []
    (entry,) = audit(ws, "reopen_same_name")
    assert entry["old"]["decision"] == "confirm"  # type: ignore[index]
    assert entry["old"]["note"] == "本人确认"  # type: ignore[index]
    assert entry["new"] == {"platform": "JLKJ-001", "decision": None}
    assert "没有核实结果可撤销" in refusal(reopen_possible_conflict, ws, expert_id, platform_id)


def test_deciding_on_a_pair_with_no_same_name_changes_nothing(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "李建军", "JLKJ-004")
    before = dump(ws.path)

    with pytest.raises(UserError) as refused:
        confirm_possible_conflict(ws, expert_id, platform_id)

    assert "李建军 — 吉林省长白山森林生物种质资源库（JLKJ-004）" in refused.value.message("zh")
    assert "there is nothing to check" in refused.value.message("en")
    assert dump(ws.path) == before


def test_a_decision_on_what_the_user_no_longer_sees_is_refused(ws: Workspace) -> None:
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")
    seen = line(ws, "王志刚", "JLKJ-001").reason.zh
    with ws.session() as s:
        s.execute(delete(m.StaffMember).where(m.StaffMember.platform_id == platform_id))
    before = dump(ws.path)

    message = refusal(clear_possible_conflict, ws, expert_id, platform_id, seen_reason=seen)
    assert message.endswith("平台材料刚有变化，同名情况已不同；请刷新后再核实")

    assert dump(ws.path) == before
    fresh = line(ws, "王志刚", "JLKJ-001").reason.zh
    assert clear_possible_conflict(ws, expert_id, platform_id, seen_reason=fresh).changed


def test_experts_and_platforms_are_found_however_they_are_typed(ws: Workspace) -> None:
    wang = pair(ws, "王志刚", "JLKJ-001")
    assert pair(ws, " 王 志刚\u200b", "ｊｌｋｊ－００１") == wang
    assert pair(ws, str(wang[0]), "JLKJ 001") == wang
    assert refusal(pair, ws, "王志强", "JLKJ-001") == "本周期的专家名单中没有“王志强”"
    assert refusal(pair, ws, "王志刚", "JLKJ-009") == "本周期没有备案编号为 JLKJ-009 的平台"


def test_confirming_after_assignment_says_the_assignment_must_be_redone(ws: Workspace) -> None:
    assign_experts(ws)
    expert_id, platform_id = pair(ws, "王志刚", "JLKJ-001")

    outcome = confirm_possible_conflict(ws, expert_id, platform_id)

    assert outcome.assigned
    matrix = assignment_matrix(ws)
    row = [e.name for e in matrix.experts].index("王志刚")
    column = [p.filing_no for p in matrix.platforms].index("JLKJ-001")
    cell = matrix.cell(row, column)
    assert cell.needs_attention
    assert cell.reason("zh").startswith("同名核实回避：经核实为同一人：")
    assert not matrix.conflicts_stale  # a same-name conflict is not a stale rule conflict


def test_the_assignment_counts_the_checks_still_open(ws: Workspace) -> None:
    summary = assign_experts(ws)
    assert summary.name_checks_open == 2
    assert summary.describe("zh")[-1].startswith("尚有 2 项同名待核实：本次分配未避开这些专家")
    assert summary.describe("en")[-1].startswith("2 same-name match(es) still to check")

    for expert, filing_no in (("王志刚", "JLKJ-001"), ("陈静", "JLKJ-002")):
        clear_possible_conflict(ws, *pair(ws, expert, filing_no))
    summary = assign_experts(ws)
    assert summary.name_checks_open == 0
    assert not any("同名" in text for text in summary.describe("zh"))


def test_a_roster_import_lists_only_the_matches_still_to_check(
    ws: Workspace, tmp_path: Path
) -> None:
    clear_possible_conflict(ws, *pair(ws, "陈静", "JLKJ-002"))
    roster = tmp_path / "again.xlsx"
    write_roster(roster, EXPERTS)

    outcome = import_roster(ws, roster, replace=True)

    assert [(p.expert_name, p.filing_no) for p in outcome.possible_conflicts] == [
        ("王志刚", "JLKJ-001")
    ]
    # The expert kept their id across the replacement, and with it the check.
    assert line(ws, "陈静", "JLKJ-002").status is NameCheckStatus.CLEARED


def test_an_expert_dropped_from_the_roster_takes_their_checks_along(
    ws: Workspace, tmp_path: Path
) -> None:
    confirm_possible_conflict(ws, *pair(ws, "王志刚", "JLKJ-001"))
    roster = tmp_path / "fewer.xlsx"
    write_roster(roster, EXPERTS[1:])

    assert import_roster(ws, roster, replace=True).ok

    with ws.session() as s:
        assert s.scalars(select(m.NameCheck)).all() == []
    assert same_name_conflicts(ws) == []


def test_a_score_file_cannot_undo_a_confirmed_same_name(tmp_path: Path) -> None:
    """Unlike an expert's own declaration, staff's confirmation is not withdrawn by a score
    file that declares no conflict: the scores for that platform are refused."""
    zhao_id, zhao, _ = REVIEWERS[0]
    ws = build_cycle(tmp_path, others_work=False)
    try:
        with ws.session() as s:  # the first platform's director has the expert's name
            s.execute(update(m.Platform).where(m.Platform.id == 101).values(director=zhao))
        (package,) = issue_packages(ws, tmp_path / "out", experts=[zhao_id], paper_sheets=False)
        outcome = confirm_possible_conflict(ws, zhao_id, 101)
        assert outcome.assigned
        with rv.open_package(package.path) as session:
            score_everything(session)  # declares no conflict with every platform, 101 too
            score_file = tmp_path / "usb" / rv.default_score_file_name(session)
            rv.submit(session, score_file)

        (merged,) = merge_score_files(ws, [score_file], backup_dir=None, backup_count=1)

        assert merged.status is MergeFileStatus.REFUSED
        assert "merge.conflict_withdrawn" not in [f.code for f in merged.findings]
        refusal = next(f for f in merged.findings if f.code == "merge.conflict")
        assert "同名核实回避" in refusal.message.zh
        assert [c[:2] for c in same_name_conflicts(ws)] == [(zhao, "JLPT-2023-101")]
    finally:
        ws.close()
