"""The roster, conflicts and assignment on real workspaces and real roster workbooks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import dump
from sqlalchemy import select, update

from jlpanel.domain.conflicts import ConflictSource
from jlpanel.exchange.roster_writer import RosterExpert, write_roster
from jlpanel.services.errors import UserError
from jlpanel.services.experts import (
    AssignmentRefused,
    CellState,
    RosterStatus,
    assign_experts,
    assignment_matrix,
    import_roster,
    list_conflicts,
    refresh_conflicts,
    write_roster_template,
)
from jlpanel.services.workspace import Workspace, create_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

PLATFORMS = [
    ("JLKJ-001", "吉林省分析测试资源共享服务平台", "吉林大学"),
    ("JLKJ-002", "吉林省高分子材料资源共享服务平台", "中国科学院长春应用化学研究所"),
    ("JLKJ-003", "吉林省农作物种质资源库", "吉林省农业科学院"),
    ("JLKJ-004", "吉林省长白山森林生物种质资源库", "北华大学林学院"),
    ("JLKJ-005", "吉林省化学测试中心", "吉林大学化学学院"),
]

EXPERTS = [
    RosterExpert("王志刚", "吉林大学", "教授", "材料科学与工程", "13904310218"),
    RosterExpert("刘淑芬", "中国科学院长春应用化学研究所", "研究员", "高分子化学与物理"),
    RosterExpert("张宏伟", "东北林业大学", "教授", "林木遗传育种", "", ("北华大学",)),
    RosterExpert(
        "陈晓燕",
        "吉林省科学技术信息研究所",
        "研究员",
        "科技管理与情报",
        "0431-85682207",
        ("吉林省农业科学院", "吉林农业大学"),
    ),
    RosterExpert("李建军", "哈尔滨工业大学", "教授", "仪器科学与技术"),
    RosterExpert("赵丽华", "中国农业大学", "教授", "作物遗传育种", "", ("长白山森林生物种质",)),
    RosterExpert("周文博", "大连理工大学", "教授", "化学工程与技术"),
]

#: Every conflict the rules find between EXPERTS and PLATFORMS, with its exact reason.
EXPECTED_CONFLICTS = [
    ("王志刚", "JLKJ-001", "same_institution", "专家工作单位“吉林大学”与依托单位“吉林大学”相同"),
    (
        "王志刚",
        "JLKJ-005",
        "same_institution",
        "依托单位“吉林大学化学学院”的名称包含专家工作单位“吉林大学”，视为同一单位",
    ),
    (
        "刘淑芬",
        "JLKJ-002",
        "same_institution",
        "专家工作单位“中国科学院长春应用化学研究所”与依托单位“中国科学院长春应用化学研究所”相同",
    ),
    (
        "张宏伟",
        "JLKJ-004",
        "roster",
        "依托单位“北华大学林学院”的名称包含专家名单所列回避单位“北华大学”",
    ),
    (
        "陈晓燕",
        "JLKJ-003",
        "roster",
        "专家名单所列回避单位“吉林省农业科学院”与依托单位“吉林省农业科学院”相同",
    ),
    (
        "赵丽华",
        "JLKJ-004",
        "roster",
        "平台名称“吉林省长白山森林生物种质资源库”包含专家名单所列回避单位“长白山森林生物种质”",
    ),
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
                    {"cycle_id": cycle_id, "filing_no": f, "name": n, "host_unit": h}
                    for f, n, h in PLATFORMS
                ],
            )
        yield workspace


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "experts.xlsx"
    write_roster(path, EXPERTS)
    return path


def stored_conflicts(ws: Workspace) -> list[tuple[str, str, str, str | None]]:
    with ws.session() as s:
        rows = s.execute(
            select(m.Expert.name, m.Platform.filing_no, m.Conflict.source, m.Conflict.reason)
            .join(m.Expert, m.Conflict.expert_id == m.Expert.id)
            .join(m.Platform, m.Conflict.platform_id == m.Platform.id)
            .order_by(m.Expert.id, m.Platform.id, m.Conflict.source)
        ).all()
    return [tuple(r) for r in rows]


def audit(ws: Workspace, action: str) -> list[dict[str, object]]:
    with ws.session() as s:
        details = s.scalars(
            select(m.AuditEntry.detail_json)
            .where(m.AuditEntry.action == action)
            .order_by(m.AuditEntry.id)
        ).all()
    return [json.loads(d) for d in details]


def declare(ws: Workspace, expert: str, filing_no: str, reason: str) -> None:
    with ws.session() as s:
        expert_id = s.scalars(select(m.Expert.id).where(m.Expert.name == expert)).one()
        platform_id = s.scalars(
            select(m.Platform.id).where(m.Platform.filing_no == filing_no)
        ).one()
        s.add(
            m.Conflict(
                expert_id=expert_id, platform_id=platform_id, source="declared", reason=reason
            )
        )


# ------------------------------------------------------------------------------ roster


def test_importing_the_roster_stores_experts_conflicts_and_audit(
    ws: Workspace, roster: Path
) -> None:
    outcome = import_roster(ws, roster)
    assert outcome.status is RosterStatus.IMPORTED and outcome.ok
    assert [e.name for e in outcome.experts] == [e.name for e in EXPERTS]
    chen = outcome.experts[3]
    assert chen.institution == "吉林省科学技术信息研究所"
    assert chen.avoid_units == ("吉林省农业科学院", "吉林农业大学")
    assert outcome.experts[1].contact is None  # blank cells are stored as NULL

    assert stored_conflicts(ws) == EXPECTED_CONFLICTS
    assert outcome.conflict_counts() == {
        ConflictSource.SAME_INSTITUTION: 3,
        ConflictSource.ROSTER: 3,
        ConflictSource.DECLARED: 0,
        ConflictSource.SAME_NAME: 0,
    }
    first = outcome.conflicts[0]
    assert first.describe("zh") == (
        "王志刚 — 吉林省分析测试资源共享服务平台（JLKJ-001）：同单位回避："
        "专家工作单位“吉林大学”与依托单位“吉林大学”相同"
    )
    assert first.reason.en == "The expert's institution '吉林大学' is the host unit '吉林大学'"

    with ws.session() as s:
        avoid = s.scalars(select(m.Expert.avoid_units).where(m.Expert.name == "陈晓燕")).one()
    assert avoid == "吉林省农业科学院；吉林农业大学"
    (entry,) = audit(ws, "import_roster")
    assert entry["old"] is None
    new = entry["new"]
    assert isinstance(new, dict)
    assert new["source_file"] == "experts.xlsx" and new["experts"] == [e.name for e in EXPERTS]
    (refresh,) = audit(ws, "refresh_conflicts")
    added = refresh["new"]["added"]
    assert {"expert": "王志刚", "platform": "JLKJ-001", "source": "same_institution"}.items() <= (
        added[0].items()
    )
    assert len(added) == len(EXPECTED_CONFLICTS)


def test_a_broken_roster_changes_nothing(ws: Workspace, roster: Path, tmp_path: Path) -> None:
    assert import_roster(ws, roster).ok
    before = dump(ws.path)
    broken = tmp_path / "broken.xlsx"
    write_roster(broken, [RosterExpert("王志刚", "吉林大学"), RosterExpert("王志刚", "吉林大学")])
    outcome = import_roster(ws, broken, replace=True)
    assert outcome.status is RosterStatus.REFUSED and not outcome.ok
    assert [f.code for f in outcome.errors] == ["roster.duplicate_name"]
    assert outcome.experts == () and outcome.conflicts == ()
    assert dump(ws.path) == before


def test_a_roster_with_errors_into_an_empty_workspace_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    before = dump(ws.path)
    broken = tmp_path / "broken.xlsx"
    broken.write_text("姓名,工作单位\n王志刚,吉林大学\n", encoding="utf-8")
    outcome = import_roster(ws, broken)
    assert outcome.status is RosterStatus.REFUSED
    assert outcome.errors[0].code == "file.text"
    assert dump(ws.path) == before


def test_an_existing_roster_is_kept_unless_replace_is_asked(ws: Workspace, roster: Path) -> None:
    assert import_roster(ws, roster).ok
    before = dump(ws.path)
    outcome = import_roster(ws, roster)
    assert outcome.status is RosterStatus.EXISTS
    (finding,) = outcome.findings
    assert "已导入专家名单（7 位专家）" in finding.message.zh and "--replace" in finding.fix.zh
    assert dump(ws.path) == before


def test_replacing_keeps_same_name_experts_and_their_declarations_and_clears_assignment(
    ws: Workspace, roster: Path, tmp_path: Path
) -> None:
    assert import_roster(ws, roster).ok
    declare(ws, "李建军", "JLKJ-002", "曾参与该平台验收")
    assign_experts(ws)
    with ws.session() as s:
        li_id = s.scalars(select(m.Expert.id).where(m.Expert.name == "李建军")).one()

    changed = [e for e in EXPERTS if e.name != "周文博"]
    changed[4] = RosterExpert("李建军", "哈尔滨工业大学", "教授", "仪器科学", "13503611487")
    changed.append(RosterExpert("孙立新", "吉林大学化学学院", "教授", "分析化学"))
    path = tmp_path / "experts-v2.xlsx"
    write_roster(path, changed)
    backups = tmp_path / "backups"
    outcome = import_roster(ws, path, replace=True, backup_dir=backups)
    assert outcome.status is RosterStatus.REPLACED
    assert outcome.assignments_cleared == 28  # 29 conflict-free pairs less the declared one
    assert [e.name for e in outcome.experts][-1] == "孙立新"
    assert "周文博" not in [e.name for e in outcome.experts]
    assert any(backups.rglob("*pre-roster*"))
    with ws.session() as s:
        assert s.scalars(select(m.Expert.id).where(m.Expert.name == "李建军")).one() == li_id
        assert s.scalars(select(m.Assignment)).all() == []
    conflicts = stored_conflicts(ws)
    assert ("李建军", "JLKJ-002", "declared", "曾参与该平台验收") in conflicts
    # The new expert works at a faculty of 吉林大学: both 吉林大学 platforms are off limits.
    assert [(c[0], c[1]) for c in conflicts if c[0] == "孙立新"] == [
        ("孙立新", "JLKJ-001"),
        ("孙立新", "JLKJ-005"),
    ]
    (entry,) = audit(ws, "replace_roster")
    new = entry["new"]
    assert isinstance(new, dict)
    assert new["added"] == ["孙立新"] and new["removed"] == ["周文博"]
    assert new["changed"] == {
        "李建军": {"field": ["仪器科学与技术", "仪器科学"], "contact": [None, "13503611487"]}
    }
    assert new["assignments_cleared"] == 28


def test_replacing_is_refused_once_packages_were_issued(
    ws: Workspace, roster: Path, tmp_path: Path
) -> None:
    assert import_roster(ws, roster).ok
    with ws.session() as s:
        expert_id = s.scalars(select(m.Expert.id)).first()
        s.add(m.ReviewPackage(expert_id=expert_id, hmac_key=b"k" * 32, file_name="王志刚.jlreview"))
    before = dump(ws.path)
    outcome = import_roster(ws, roster, replace=True)
    assert outcome.status is RosterStatus.LOCKED
    assert "已向专家发放评审包（1 份）" in outcome.findings[0].message.zh
    assert dump(ws.path) == before
    with pytest.raises(UserError, match="Review packages were issued"):
        assign_experts(ws)
    assert dump(ws.path) == before


def test_the_roster_template_reads_as_an_empty_roster(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    write_roster_template(path)
    outcome = import_roster(ws, path)
    assert outcome.status is RosterStatus.REFUSED
    assert [f.code for f in outcome.findings] == ["roster.empty"]


# --------------------------------------------------------------------------- conflicts


def test_refreshing_conflicts_follows_a_changed_dossier_and_keeps_declarations(
    ws: Workspace, roster: Path
) -> None:
    assert import_roster(ws, roster).ok
    declare(ws, "周文博", "JLKJ-003", "与平台负责人有合作项目")
    assert refresh_conflicts(ws).changed is False
    assert audit(ws, "refresh_conflicts")[1:] == []

    # The 农作物 platform is re-imported with 吉林大学 as its host unit.
    with ws.session() as s:
        s.execute(
            update(m.Platform)
            .where(m.Platform.filing_no == "JLKJ-003")
            .values(host_unit="吉林大学")
        )
    assert assignment_matrix(ws).conflicts_stale
    refresh = refresh_conflicts(ws)
    assert [(c.expert_name, c.filing_no, c.source) for c in refresh.added] == [
        ("王志刚", "JLKJ-003", ConflictSource.SAME_INSTITUTION)
    ]
    assert [(c.expert_name, c.filing_no, c.source) for c in refresh.removed] == [
        ("陈晓燕", "JLKJ-003", ConflictSource.ROSTER)
    ]
    assert not assignment_matrix(ws).conflicts_stale
    assert ("周文博", "JLKJ-003", "declared", "与平台负责人有合作项目") in stored_conflicts(ws)
    entry = audit(ws, "refresh_conflicts")[-1]
    assert entry["old"]["removed"][0]["expert"] == "陈晓燕"
    assert entry["new"]["added"][0]["expert"] == "王志刚"
    lines = list_conflicts(ws)
    assert [c.source for c in lines if c.filing_no == "JLKJ-003"] == [
        ConflictSource.SAME_INSTITUTION,
        ConflictSource.DECLARED,
    ]


def test_refresh_reports_assignments_that_now_have_a_conflict(ws: Workspace, roster: Path) -> None:
    assert import_roster(ws, roster).ok
    assign_experts(ws)
    with ws.session() as s:
        s.execute(
            update(m.Platform)
            .where(m.Platform.filing_no == "JLKJ-002")
            .values(host_unit="大连理工大学")
        )
    refresh = refresh_conflicts(ws)
    assert refresh.conflicted_assignments == (("周文博", "吉林省高分子材料资源共享服务平台"),)
    matrix = assignment_matrix(ws)
    cell = matrix.cell(6, 1)
    assert cell.needs_attention and cell.state is CellState.CONFLICT


# -------------------------------------------------------------------------- assignment


def test_default_assignment_gives_every_expert_every_conflict_free_platform(
    ws: Workspace, roster: Path
) -> None:
    assert import_roster(ws, roster).ok
    summary = assign_experts(ws)
    assert summary.per_platform is None and summary.changed
    assert summary.size == 7 * 5 - len(EXPECTED_CONFLICTS)
    conflicted = {(c[0], c[1]) for c in EXPECTED_CONFLICTS}
    with ws.session() as s:
        pairs = set(
            s.execute(
                select(m.Expert.name, m.Platform.filing_no)
                .join(m.Assignment, m.Assignment.expert_id == m.Expert.id)
                .join(m.Platform, m.Assignment.platform_id == m.Platform.id)
            ).all()
        )
    expected = {(e.name, f) for e in EXPERTS for f, _, _ in PLATFORMS} - conflicted
    assert {(e, f) for e, f in pairs} == expected
    assert {e.name: e.load for e in summary.experts}["王志刚"] == 3
    (entry,) = audit(ws, "assign_experts")
    assert entry["new"]["assignments"] == 29
    assert entry["new"]["by_expert"]["王志刚"] == ["JLKJ-002", "JLKJ-003", "JLKJ-004"]
    assert entry["old"] == {"assignments": 0, "by_expert": {}}
    text = "\n".join(summary.describe("zh"))
    assert "已分配：7 位专家评审 5 个平台，共 29 份" in text

    # The same assignment again changes nothing and logs nothing.
    before = dump(ws.path)
    again = assign_experts(ws)
    assert not again.changed and again.previous == 29
    assert dump(ws.path) == before


def test_n_per_platform_balances_the_load_and_replaces_the_earlier_assignment(
    ws: Workspace, roster: Path
) -> None:
    assert import_roster(ws, roster).ok
    assign_experts(ws)
    summary = assign_experts(ws, per_platform=3)
    assert summary.previous == 29 and summary.size == 15
    loads = sorted(e.load for e in summary.experts)
    assert loads == [2, 2, 2, 2, 2, 2, 3]
    assert all(len(p.assigned) == 3 for p in summary.platforms)
    conflicted = {(c[0], c[1]) for c in EXPECTED_CONFLICTS}
    for platform in summary.platforms:
        assert not {(name, platform.filing_no) for name in platform.assigned} & conflicted
    with ws.session() as s:
        assert len(s.scalars(select(m.Assignment)).all()) == 15
    entries = audit(ws, "assign_experts")
    assert len(entries) == 2 and entries[1]["new"]["per_platform"] == 3
    assert entries[1]["old"]["assignments"] == 29


def test_too_few_conflict_free_experts_refuses_naming_the_platforms(
    ws: Workspace, roster: Path
) -> None:
    assert import_roster(ws, roster).ok
    assign_experts(ws)
    before = dump(ws.path)
    with pytest.raises(AssignmentRefused) as caught:
        assign_experts(ws, per_platform=6)
    refused = caught.value
    assert [(s.filing_no, s.available, s.required) for s in refused.shortfalls] == [
        ("JLKJ-004", 5, 6)
    ]
    assert refused.message("zh").splitlines()[1] == (
        "  - 吉林省长白山森林生物种质资源库（JLKJ-004）：无回避关系的专家 5 位，需要 6 位"
    )
    assert "JLKJ-004): 5 conflict-free expert(s), 6 needed" in refused.message("en")
    assert dump(ws.path) == before


def test_the_default_minimum_of_three_refuses_small_rosters(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "small.xlsx"
    write_roster(
        path,
        [
            RosterExpert("王志刚", "吉林大学"),
            RosterExpert("李建军", "哈尔滨工业大学"),
            RosterExpert("周文博", "大连理工大学"),
        ],
    )
    assert import_roster(ws, path).ok
    before = dump(ws.path)
    with pytest.raises(AssignmentRefused) as caught:
        assign_experts(ws)
    assert [s.filing_no for s in caught.value.shortfalls] == ["JLKJ-001", "JLKJ-005"]
    assert "以下 2 个平台无回避关系的专家不足 3 位" in caught.value.message("zh")
    assert dump(ws.path) == before


def test_fewer_per_platform_than_a_result_needs_is_refused(ws: Workspace, roster: Path) -> None:
    assert import_roster(ws, roster).ok
    with pytest.raises(UserError) as caught:
        assign_experts(ws, per_platform=2)
    assert "至少需要 3 位专家" in caught.value.message("zh")


def test_assignment_needs_platforms_and_experts(tmp_path: Path, roster: Path) -> None:
    with create_workspace(tmp_path / "empty.jlpanel", "空周期") as empty:
        with pytest.raises(UserError, match="no platforms"):
            assign_experts(empty)
        assert import_roster(empty, roster).ok  # a roster before any dossier: no conflicts yet
        assert stored_conflicts(empty) == []


def test_experts_before_platforms_get_their_conflicts_on_assignment(
    tmp_path: Path, roster: Path
) -> None:
    with create_workspace(tmp_path / "later.jlpanel", "周期") as later:
        assert import_roster(later, roster).ok
        with later.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_rows(
                s,
                m.Platform,
                [
                    {"cycle_id": cycle_id, "filing_no": f, "name": n, "host_unit": h}
                    for f, n, h in PLATFORMS
                ],
            )
        summary = assign_experts(later)
        assert summary.conflicts.changed and len(summary.conflicts.added) == 6
        assert stored_conflicts(later) == EXPECTED_CONFLICTS


# ------------------------------------------------------------------------------ matrix


def test_the_matrix_shows_assignments_conflicts_loads_and_coverage(
    ws: Workspace, roster: Path
) -> None:
    assert import_roster(ws, roster).ok
    declare(ws, "李建军", "JLKJ-002", "曾参与该平台验收")
    before = assignment_matrix(ws)
    assert not before.has_assignment
    assert [p.conflict_free for p in before.platforms] == [6, 5, 6, 5, 6]
    assert before.short_platforms == ()

    assign_experts(ws, per_platform=3)
    matrix = assignment_matrix(ws)
    assert [e.name for e in matrix.experts] == [e.name for e in EXPERTS]
    assert [p.filing_no for p in matrix.platforms] == [f for f, _, _ in PLATFORMS]
    assert len(matrix.cells) == 7 and all(len(row) == 5 for row in matrix.cells)
    wang_p1 = matrix.cell(0, 0)
    assert wang_p1.state is CellState.CONFLICT and not wang_p1.assigned
    assert wang_p1.reason("zh") == "同单位回避：专家工作单位“吉林大学”与依托单位“吉林大学”相同"
    assert wang_p1.reason("en") == (
        "Same institution: The expert's institution '吉林大学' is the host unit '吉林大学'"
    )
    li_p2 = matrix.cell(4, 1)
    assert li_p2.state is CellState.CONFLICT
    assert li_p2.conflicts[0].source is ConflictSource.DECLARED
    assert li_p2.reason("zh") == "专家声明回避：曾参与该平台验收"
    states = [cell.state for row in matrix.cells for cell in row]
    assert states.count(CellState.ASSIGNED) == 15
    assert states.count(CellState.CONFLICT) == 7
    assert states.count(CellState.NONE) == 35 - 15 - 7
    assert [p.assigned for p in matrix.platforms] == [3, 3, 3, 3, 3]
    assert sum(e.load for e in matrix.experts) == 15
    for row, expert in enumerate(matrix.experts):
        assert expert.load == sum(cell.assigned for cell in matrix.cells[row])
    assert not matrix.conflicts_stale
