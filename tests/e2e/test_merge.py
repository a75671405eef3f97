"""Merging signed score files end to end: experts score in real packages, the secretary merges.

A good file is stored with its provenance; the same file again changes nothing; a newer
revision replaces the older one wholly; an older one is refused; and every file of the bad
corpus is refused with its reason while the workspace stays byte-for-byte the same.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from bad_score_files import BadScoreFile, CorpusSources, fifos_answered, resigned, write_corpus
from broken_workbooks import sample_dossier, write_dossier_workbook
from factories import dump as dump_file
from review_support import CONFLICT, PLATFORMS, build_cycle, key_of, score_everything
from sqlalchemy import select

from jlpanel.cli import main
from jlpanel.domain.dossier import Severity
from jlpanel.domain.scoresheet import Provenance, ScoreSheet, expert_total
from jlpanel.exchange import score_file as sf
from jlpanel.services import review as rv
from jlpanel.services.intake import ImportStatus, import_dossier
from jlpanel.services.merge import (
    MergeFileStatus,
    MergeOutcome,
    MergeStatus,
    SheetState,
    merge_score_files,
    merge_status,
)
from jlpanel.services.packages import IssuedPackage, issue_packages
from jlpanel.services.paper import enter_paper_scores
from jlpanel.services.workspace import Workspace, open_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

ZHAO, QIAN, SUN = 900001, 900002, 900003
#: A platform of the cycle assigned to nobody.
SPARE = (105, "JLPT-2023-105")
OTHER_CYCLE_NAME = "2024年度吉林省科技资源共享服务平台考核"

Work = Callable[[rv.ReviewSession], None]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = build_cycle(tmp_path)
    spare_platform(workspace)
    yield workspace
    workspace.close()


@pytest.fixture
def issued(ws: Workspace, tmp_path: Path) -> dict[int, IssuedPackage]:
    return {p.expert_id: p for p in issue_packages(ws, tmp_path / "out", paper_sheets=False)}


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def submit(package: IssuedPackage, usb: Path, work: Work | None = None) -> Path:
    """Score everything (the first time), apply ``work``, submit; the file written."""
    with rv.open_package(package.path) as session:
        info = rv.package_info(session)
        if info.locked:
            rv.reopen(session)
        if info.revision == 0:
            score_everything(session)
        if work is not None:
            work(session)
        out = usb / rv.default_score_file_name(session)
        rv.submit(session, out)
    return out


def dump(ws: Workspace) -> list[str]:
    """The whole workspace as SQL, to show that nothing changed."""
    con = sqlite3.connect(f"file:{ws.path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def merge(ws: Workspace, *paths: Path, backups: Path | None = None) -> list[MergeOutcome]:
    return merge_score_files(ws, list(paths), backup_dir=backups, backup_count=5)


def only(outcomes: list[MergeOutcome]) -> MergeOutcome:
    assert len(outcomes) == 1
    return outcomes[0]


def codes(outcome: MergeOutcome) -> list[str]:
    return [f.code for f in outcome.findings]


def sheets_of(ws: Workspace, expert_id: int) -> dict[int, m.ScoreSheet]:
    with ws.session() as s:
        rows = s.scalars(select(m.ScoreSheet).where(m.ScoreSheet.expert_id == expert_id)).all()
        s.expunge_all()
    return {r.platform_id: r for r in rows}


def points_of(ws: Workspace, sheet_id: int) -> dict[str, tuple[float, str | None]]:
    with ws.session() as s:
        return {
            code: (points, comment)
            for code, points, comment in s.execute(
                select(
                    m.IndicatorScore.indicator_code,
                    m.IndicatorScore.points,
                    m.IndicatorScore.comment,
                ).where(m.IndicatorScore.sheet_id == sheet_id)
            )
        }


def audit(ws: Workspace, action: str) -> list[dict[str, Any]]:
    with ws.session() as s:
        return [
            json.loads(d)
            for d in s.scalars(
                select(m.AuditEntry.detail_json)
                .where(m.AuditEntry.action == action)
                .order_by(m.AuditEntry.id)
            )
        ]


def state(status: MergeStatus, expert_id: int, platform_id: int) -> SheetState:
    cell = status.cell(expert_id, platform_id)
    assert cell is not None, (expert_id, platform_id)
    return cell.state


def revision_merged(ws: Workspace, package_id: str) -> int:
    with ws.session() as s:
        package = s.get(m.ReviewPackage, package_id)
        assert package is not None
        return package.revision_merged


# ------------------------------------------------------------------------------ good files


def zhao_work(session: rv.ReviewSession) -> None:
    rv.set_comment(session, 101, "A1", "资源体量大，覆盖面广")
    rv.set_score(session, 102, "B2", 1.0)  # 差: needs the comment below
    rv.set_comment(session, 102, "B2", "民营企业用户很少")
    rv.set_veto(session, 104, "fraud", "服务记录与合同金额不符")
    rv.set_overall_comment(session, 101, "总体良好")
    if session.rubric.bonus_items:
        rv.set_bonus(session, 101, session.rubric.bonus_items[0].code, 0.5)


def qian_declares_104(session: rv.ReviewSession) -> None:
    rv.declare(session, 104, True, "本人是该平台依托单位的兼职教授")


def test_good_files_merge_with_provenance_conflicts_audit_and_one_backup(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path, backups: Path
):
    usb = tmp_path / "usb"
    zhao = submit(issued[ZHAO], usb, zhao_work)
    qian = submit(issued[QIAN], usb, qian_declares_104)
    sun_before = sheets_of(ws, SUN)

    outcomes = merge(ws, usb, backups=backups)  # a folder: both files

    assert [o.path for o in outcomes] == sorted([zhao, qian])
    by_expert = {o.expert_id: o for o in outcomes}
    assert by_expert[ZHAO].status is MergeFileStatus.MERGED, by_expert[ZHAO].findings
    assert (by_expert[ZHAO].expert_name, by_expert[ZHAO].revision) == ("赵明远", 1)
    assert by_expert[ZHAO].platforms == 4 and by_expert[ZHAO].replaced_revision is None
    assert by_expert[ZHAO].findings == ()
    assert by_expert[QIAN].status is MergeFileStatus.MERGED and by_expert[QIAN].platforms == 2
    assert by_expert[QIAN].findings == (), "103 is off her package by the roster: not left out"

    score_file = sf.parse_score_file(zhao.read_bytes())
    assert isinstance(score_file, sf.ScoreFile)
    sheets = sheets_of(ws, ZHAO)
    assert sorted(sheets) == list(PLATFORMS)
    for sheet in sheets.values():
        assert sheet.provenance == "package" and sheet.package_id == issued[ZHAO].package_id
        assert (sheet.revision, sheet.source_file) == (1, zhao.name)
        assert sheet.submitted_at == score_file.submitted_at
        assert sheet.merged_at >= score_file.submitted_at and sheet.entered_by is None
    assert sheets[101].overall_comment == "总体良好"
    stored = points_of(ws, sheets[101].id)
    assert len(stored) == 15 and stored["A1"] == (9.5, "资源体量大，覆盖面广")
    assert points_of(ws, sheets[102].id)["B2"] == (1.0, "民营企业用户很少")
    with ws.session() as s:
        vetoes = s.execute(select(m.VetoClaim.sheet_id, m.VetoClaim.veto_code, m.VetoClaim.reason))
        assert list(vetoes) == [(sheets[104].id, "fraud", "服务记录与合同金额不符")]
        bonus = s.scalars(select(m.BonusScore.sheet_id)).all()
        declared = s.execute(
            select(m.Conflict.expert_id, m.Conflict.platform_id, m.Conflict.reason).where(
                m.Conflict.source == "declared"
            )
        ).all()
    assert bonus == ([sheets[101].id] if ws.cycle_info().rubric.bonus_items else [])
    assert declared == [(QIAN, 104, "本人是该平台依托单位的兼职教授")]

    # 钱晓红's old sheet for 101 gave way; her declared platform has none; 孙立群 is untouched.
    assert sorted(sheets_of(ws, QIAN)) == [101, 102]
    assert sheets_of(ws, QIAN)[101].package_id == issued[QIAN].package_id
    sun_after = sheets_of(ws, SUN)
    assert sorted(sun_after) == sorted(sun_before) == [101]
    assert sun_after[101].overall_comment == "孙立群的机密总评"
    assert points_of(ws, sun_after[101].id) == {"A1": (7.5, "孙立群评语")}

    assert revision_merged(ws, issued[ZHAO].package_id) == 1
    assert revision_merged(ws, issued[SUN].package_id) == 0
    merges = {entry["new"]["expert"]: entry for entry in audit(ws, "merge_score_file")}
    zhao_entry = merges["赵明远"]
    assert zhao_entry["old"] == {"revision": 0, "totals": {}}
    new = zhao_entry["new"]
    assert new["revision"] == 1 and new["sha256"] == score_file.sha256
    assert new["source_file"] == zhao.name
    assert set(new["totals"]) == {f"JLPT-2023-{p}" for p in PLATFORMS}
    qian_old = merges["钱晓红"]["old"]
    assert qian_old["totals"] == {
        "JLPT-2023-101": {"total": "7.5", "provenance": "package", "revision": 1}
    }
    assert [e["new"]["reason"] for e in audit(ws, "declare_conflict")] == [
        "本人是该平台依托单位的兼职教授"
    ]
    taken = sorted(p.name for p in backups.rglob("*.jlpanel"))
    assert len(taken) == 1 and taken[0].endswith("-pre-merge.jlpanel")


def test_the_audited_totals_are_the_expert_totals_of_the_stored_sheets(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    """The merge's totals (worked out by its checker) to the last digit of the definition."""
    usb = tmp_path / "usb"
    usb.mkdir()
    merge(ws, submit(issued[ZHAO], usb, zhao_work), submit(issued[QIAN], usb, qian_declares_104))
    rubric = ws.cycle_info().rubric
    with ws.session() as s:
        filing = dict(s.execute(select(m.Platform.id, m.Platform.filing_no)).all())
    merges = {
        entry["new"]["expert_id"]: entry["new"]["totals"] for entry in audit(ws, "merge_score_file")
    }
    assert set(merges) == {ZHAO, QIAN}
    for expert_id, totals in merges.items():
        expected = {}
        for pid, sheet in sheets_of(ws, expert_id).items():
            points = {code: p for code, (p, _) in points_of(ws, sheet.id).items()}
            with ws.session() as s:
                bonus = dict(
                    s.execute(
                        select(m.BonusScore.item_code, m.BonusScore.points).where(
                            m.BonusScore.sheet_id == sheet.id
                        )
                    ).all()
                )
            total = expert_total(ScoreSheet("", "", points, bonus=bonus), rubric)
            expected[filing[pid]] = json.loads(json.dumps(round(total, 4), default=str))
        assert totals == expected


def test_merging_the_same_file_again_changes_nothing(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path, backups: Path
):
    zhao = submit(issued[ZHAO], tmp_path / "usb")
    assert only(merge(ws, zhao, backups=backups)).status is MergeFileStatus.MERGED
    before, taken = dump(ws), sorted(backups.rglob("*"))

    again = only(merge(ws, zhao, backups=backups))

    assert again.status is MergeFileStatus.UNCHANGED and again.ok
    assert codes(again) == ["merge.already_merged"]
    assert again.findings[0].severity is Severity.WARNING
    assert "revision 1" in again.findings[0].message.en
    assert "nothing changed" in again.findings[0].message.en
    assert "未作改动" in again.findings[0].message.zh
    assert dump(ws) == before
    assert sorted(backups.rglob("*")) == taken, "nothing to write, nothing to back up"

    # The same content in another layout (re-indented) is the same file too.
    copy = tmp_path / "copy.jlscore"
    copy.write_bytes(json.dumps(json.loads(zhao.read_bytes())).encode())
    assert only(merge(ws, copy)).status is MergeFileStatus.UNCHANGED
    assert dump(ws) == before


def test_revision_2_replaces_revision_1_wholly_and_revision_1_is_then_stale(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    r1 = submit(issued[ZHAO], tmp_path / "usb")
    assert only(merge(ws, r1)).status is MergeFileStatus.MERGED
    first = sheets_of(ws, ZHAO)

    def second_thoughts(session: rv.ReviewSession) -> None:
        rv.set_score(session, 101, "A1", 6.0)
        rv.declare(session, 103, True, "发现本人学生在该平台任职")

    r2 = submit(issued[ZHAO], tmp_path / "usb", second_thoughts)
    assert r2.name.endswith("-r2.jlscore")
    outcome = only(merge(ws, r2))

    assert outcome.status is MergeFileStatus.MERGED, outcome.findings
    assert (outcome.revision, outcome.replaced_revision, outcome.platforms) == (2, 1, 3)
    assert codes(outcome) == ["merge.dropped_for_conflict"]
    assert "the scores of revision 1 are removed" in outcome.findings[0].message.en
    sheets = sheets_of(ws, ZHAO)
    assert sorted(sheets) == [101, 102, 104], "rev 2 declared a conflict with 103"
    assert {s.revision for s in sheets.values()} == {2}
    assert {s.source_file for s in sheets.values()} == {r2.name}
    assert all(s.merged_at > first[101].merged_at for s in sheets.values())
    assert points_of(ws, sheets[101].id)["A1"] == (6.0, None)
    assert revision_merged(ws, issued[ZHAO].package_id) == 2
    with ws.session() as s:
        orphans = s.scalars(
            select(m.IndicatorScore.id).where(
                m.IndicatorScore.sheet_id.not_in(select(m.ScoreSheet.id))
            )
        ).all()
        zhao_points = s.scalars(
            select(m.IndicatorScore.id).join(m.ScoreSheet).where(m.ScoreSheet.expert_id == ZHAO)
        ).all()
        conflict = s.execute(
            select(m.Conflict.reason).where(
                m.Conflict.expert_id == ZHAO, m.Conflict.source == "declared"
            )
        ).scalar_one()
    assert orphans == [] and len(zhao_points) == 3 * 15
    assert conflict == "发现本人学生在该平台任职"
    entry = audit(ws, "merge_score_file")[-1]
    old, new = entry["old"], entry["new"]

    assert old["revision"] == 1 and new["revision"] == 2
    assert old["totals"]["JLPT-2023-101"]["total"] == str(Decimal(100) - 15 * Decimal("0.5"))
    assert Decimal(new["totals"]["JLPT-2023-101"]) == Decimal("92.5") - Decimal("9.5") + 6
    assert "JLPT-2023-103" in old["totals"] and "JLPT-2023-103" not in new["totals"]
    assert new["declared_conflicts"] == ["JLPT-2023-103"]

    before = dump(ws)
    stale = only(merge(ws, r1))
    assert stale.status is MergeFileStatus.REFUSED and codes(stale) == ["merge.stale_revision"]
    message = stale.findings[0].message
    assert "revision 2 was merged on" in message.en and "this file is revision 1" in message.en
    assert "第 2 版已于" in message.zh and "此文件是第 1 版" in message.zh
    assert dump(ws) == before


def test_revisions_1_and_2_in_one_folder_end_with_revision_2_and_refuse_nothing(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    usb = tmp_path / "usb"
    submit(issued[ZHAO], usb)
    submit(issued[ZHAO], usb, lambda session: rv.set_score(session, 102, "A1", 8.0))
    outcomes = merge(ws, usb)
    assert [o.revision for o in outcomes] == [1, 2]
    assert [o.status for o in outcomes] == [MergeFileStatus.MERGED] * 2
    assert outcomes[1].replaced_revision == 1
    assert revision_merged(ws, issued[ZHAO].package_id) == 2
    assert {s.revision for s in sheets_of(ws, ZHAO).values()} == {2}


def test_a_package_revision_replaces_the_experts_paper_sheet_and_says_so(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    rubric = ws.cycle_info().rubric
    paper = ScoreSheet(
        str(SUN),
        "102",
        {i.code: i.max_points for i in rubric.indicators},
        provenance=Provenance.PAPER,
    )
    assert enter_paper_scores(ws, SUN, [paper], source_file="孙立群纸质.xlsx").ok
    sun = submit(issued[SUN], tmp_path / "usb")

    outcome = only(merge(ws, sun))

    assert outcome.status is MergeFileStatus.MERGED
    assert codes(outcome) == ["merge.replaces_paper"]
    assert outcome.findings[0].severity is Severity.WARNING
    assert "paper scores of 孙立群" in outcome.findings[0].message.en
    assert "纸质评分" in outcome.findings[0].message.zh
    sheet = sheets_of(ws, SUN)[102]
    assert sheet.provenance == "package" and sheet.source_file == sun.name
    assert points_of(ws, sheet.id)["A1"] == (9.5, None), "the package's scores, not the paper's"


def test_a_later_revision_may_withdraw_the_experts_own_declaration(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    r1 = submit(issued[QIAN], tmp_path / "usb", qian_declares_104)
    assert only(merge(ws, r1)).ok

    def withdraw(session: rv.ReviewSession) -> None:
        rv.declare(session, 104, False)
        for indicator in session.rubric.indicators:
            rv.set_score(session, 104, indicator.code, indicator.max_points)

    outcome = only(merge(ws, submit(issued[QIAN], tmp_path / "usb", withdraw)))

    assert outcome.status is MergeFileStatus.MERGED and outcome.platforms == 3
    assert codes(outcome) == ["merge.conflict_withdrawn"]
    assert "withdrew the conflict of interest" in outcome.findings[0].message.en
    with ws.session() as s:
        sources = s.execute(
            select(m.Conflict.platform_id, m.Conflict.source).where(m.Conflict.expert_id == QIAN)
        ).all()
    assert sources == [(CONFLICT[1], "roster")], "the roster conflict stays"
    assert sorted(sheets_of(ws, QIAN)) == [101, 102, 104]
    assert [e["old"]["reason"] for e in audit(ws, "withdraw_conflict")] == [
        "本人是该平台依托单位的兼职教授"
    ]


def test_a_file_from_a_superseded_package_is_refused(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    old = submit(issued[ZHAO], tmp_path / "old")
    again = {p.expert_id: p for p in issue_packages(ws, tmp_path / "again", experts=[ZHAO])}
    assert only(merge(ws, submit(again[ZHAO], tmp_path / "new"))).ok
    before = dump(ws)

    outcome = only(merge(ws, old))

    assert outcome.status is MergeFileStatus.REFUSED
    assert codes(outcome) == ["merge.superseded_package"]
    assert "was issued a newer package" in outcome.findings[0].message.en
    assert dump(ws) == before


def test_cancelling_stores_nothing(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path, backups: Path
):
    zhao = submit(issued[ZHAO], tmp_path / "usb")
    before = dump(ws)
    seen: list[tuple[int, int, str]] = []

    def cancel_at_storing(done: int, total: int, name: str) -> bool:
        seen.append((done, total, name))
        return done < 1

    outcome = only(
        merge_score_files(
            ws, [zhao], backup_dir=backups, backup_count=5, progress=cancel_at_storing
        )
    )
    assert outcome.status is MergeFileStatus.CANCELLED and not outcome.ok
    assert seen == [(0, 2, zhao.name), (1, 2, zhao.name)]
    assert dump(ws) == before and not backups.exists()


def test_a_missing_file_is_refused_and_folders_hold_only_score_files(ws: Workspace, tmp_path: Path):
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "readme.txt").write_text("not a score file")
    (folder / ".half-written.jlscore").write_bytes(b"{")
    assert merge(ws, folder) == []
    outcome = only(merge(ws, tmp_path / "nowhere.jlscore"))
    assert outcome.status is MergeFileStatus.REFUSED and codes(outcome) == ["merge.missing_file"]
    assert "File not found" in outcome.findings[0].message.en


def test_a_dossier_replaced_with_its_number_written_otherwise_still_takes_the_scores(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    """The package was issued for JLPT-2023-101; the host unit's corrected workbook writes it
    jlpt-2023-101, which replaces the same platform's dossier (issue 12 item 5)."""
    usb = tmp_path / "usb"
    zhao = submit(issued[ZHAO], usb)
    sample = sample_dossier()
    basic = dataclasses.replace(sample.basic, filing_no="jlpt-2023-101")
    book = write_dossier_workbook(tmp_path / "101.xlsx", dataclasses.replace(sample, basic=basic))
    replaced = import_dossier(ws, book, replace=True)
    assert (replaced.status, replaced.platform_id) == (ImportStatus.REPLACED, 101)
    outcome = only(merge(ws, zhao))
    assert outcome.status is MergeFileStatus.MERGED, outcome.findings
    assert sorted(sheets_of(ws, ZHAO)) == list(PLATFORMS)


def test_a_file_that_gives_a_platform_another_filing_number_is_refused(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    zhao = submit(issued[ZHAO], tmp_path / "usb")
    key = key_of(ws, issued[ZHAO].package_id)

    def other_number(doc: dict[str, Any]) -> None:
        doc["sheets"][0]["filing_no"] = SPARE[1]

    tampered = tmp_path / "tampered.jlscore"
    tampered.write_bytes(resigned(zhao.read_bytes(), key, other_number))
    before = sheets_of(ws, ZHAO)
    outcome = only(merge(ws, tampered))
    assert outcome.status is MergeFileStatus.REFUSED
    assert codes(outcome) == ["merge.platform_mismatch"]
    assert SPARE[1] in outcome.findings[0].message.zh
    assert sheets_of(ws, ZHAO).keys() == before.keys()


# ---------------------------------------------------------------------------- the corpus


@dataclass(frozen=True)
class World:
    """A cycle with 赵明远's revision 2 merged, his revision 1 kept, and the bad corpus."""

    ws: Workspace
    issued: dict[int, IssuedPackage]
    cases: dict[str, BadScoreFile]
    r1: Path
    r2: Path


def spare_platform(ws: Workspace) -> None:
    with ws.session() as s:
        insert_rows(
            s,
            m.Platform,
            [
                {
                    "id": SPARE[0],
                    "cycle_id": ws.cycle_info().id,
                    "filing_no": SPARE[1],
                    "name": "吉林省第5分析测试资源共享服务平台",
                    "host_unit": "吉林省第5研究院",
                }
            ],
        )


def build_world(folder: Path) -> World:
    ws = build_cycle(folder)
    spare_platform(ws)
    issued = {p.expert_id: p for p in issue_packages(ws, folder / "out", paper_sheets=False)}
    usb = folder / "usb"
    r1 = submit(issued[ZHAO], usb)
    r2 = submit(issued[ZHAO], usb, lambda session: rv.set_score(session, 101, "A1", 8.0))
    assert [o.status for o in merge(ws, r2)] == [MergeFileStatus.MERGED]
    other_folder = folder / "other"
    other_folder.mkdir()
    other = build_cycle(other_folder)
    try:
        with other.session() as s:
            s.scalars(select(m.Cycle)).one().name = OTHER_CYCLE_NAME
        other_issued = issue_packages(other, other_folder / "out", paper_sheets=False)
        other_file = submit(other_issued[0], other_folder / "usb")
        other_id = other.cycle_info().id
    finally:
        other.close()
    sources = CorpusSources(
        good=submit(issued[SUN], usb).read_bytes(),
        good_key=key_of(ws, issued[SUN].package_id),
        good_expert="孙立群",
        other_expert=(ZHAO, "赵明远"),
        other_key=key_of(ws, issued[ZHAO].package_id),
        conflicted=submit(issued[QIAN], usb).read_bytes(),
        conflicted_key=key_of(ws, issued[QIAN].package_id),
        conflicted_platform=(CONFLICT[1], f"JLPT-2023-{CONFLICT[1]}"),
        unassigned_platform=SPARE,
        other_cycle=other_file.read_bytes(),
        other_cycle_file_name=other_file.name,
        other_cycle_name=OTHER_CYCLE_NAME,
        other_cycle_id=other_id,
    )
    cases = {c.name: c for c in write_corpus(folder / "bad", sources)}
    return World(ws, issued, cases, r1, r2)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Shared by the tests that merge only files that must be refused (each checks that)."""
    built = build_world(tmp_path_factory.mktemp("corpus"))
    yield built
    built.ws.close()


CORPUS = [
    "changed_score",
    "changed_expert",
    "signed_with_another_packages_key",
    "wrong_cycle",
    "wrong_cycle_renamed",
    "unknown_package",
    "empty",
    "truncated",
    "not_json",
    "not_a_score_file",
    "future_format_version",
    "malformed_signature",
    "score_out_of_bounds",
    "score_below_zero",
    "score_off_step",
    "unknown_indicator",
    "incomplete_sheet",
    "poor_score_without_comment",
    "veto_without_reason",
    "scores_a_platform_in_conflict",
    "declares_a_conflict_and_scores_it",
    "scores_an_unassigned_platform",
    "scores_an_unknown_platform",
    "infinite_number_in_an_extra_field",
    "integer_of_5000_digits",
    "lone_surrogate_in_a_comment",
    "lone_surrogate_in_a_key",
    "nul_in_a_comment",
    "submitted_in_year_1",
    "submitted_in_year_9999",
    "declared_in_year_1",
    "revision_2_63",
    "nested_100_deep",
    "nested_100000_deep",
    "dev_zero",
    "fifo",
    "folder_named_like_a_score_file",
    "link_to_dev_zero",
    "larger_than_the_bound",
]


def test_the_corpus_is_complete(world: World):
    assert sorted(world.cases) == sorted(CORPUS)


@pytest.mark.parametrize("name", CORPUS)
def test_each_bad_file_is_refused_with_its_reason_and_changes_nothing(
    world: World, name: str, tmp_path: Path
):
    case = world.cases[name]
    backups = tmp_path / "backups"
    before = dump(world.ws)

    with fifos_answered([case.path]):
        outcome = only(merge(world.ws, case.argument, backups=backups))

    assert outcome.path == case.path
    assert outcome.status is MergeFileStatus.REFUSED and not outcome.ok
    assert outcome.errors and outcome.errors == outcome.findings
    assert case.code in codes(outcome), outcome.findings
    finding = next(f for f in outcome.findings if f.code == case.code)
    assert case.en in finding.message.en, finding.message.en
    assert case.zh in finding.message.zh, finding.message.zh
    assert finding.fix.zh and finding.fix.en
    assert dump(world.ws) == before
    assert not backups.exists(), "a refused file needs no backup"


def test_a_tampered_expert_is_named_and_the_signature_too(world: World):
    before = dump(world.ws)
    outcome = only(merge(world.ws, world.cases["changed_expert"].path))
    assert codes(outcome) == ["merge.wrong_expert", "merge.bad_signature"]
    assert dump(world.ws) == before


def test_content_errors_name_the_platform_and_the_indicator(world: World):
    before = dump(world.ws)
    outcome = only(merge(world.ws, world.cases["score_out_of_bounds"].path))
    assert len(outcome.findings) == 1
    finding = outcome.findings[0]
    assert finding.sheet == "JLPT-2023-101 吉林省第1分析测试资源共享服务平台"
    assert finding.column == "A1"
    assert finding.location("en") == "JLPT-2023-101 吉林省第1分析测试资源共享服务平台, A1"
    assert dump(world.ws) == before


def test_an_older_revision_and_a_reused_revision_are_refused(world: World, tmp_path: Path):
    ws = world.ws
    before = dump(ws)
    stale = only(merge(ws, world.r1))
    assert codes(stale) == ["merge.stale_revision"]
    assert "revision 2 was merged on" in stale.findings[0].message.en

    def edit(doc: dict[str, Any]) -> None:
        doc["sheets"][0]["scores"]["A1"] = 7.0

    reused = tmp_path / "reused.jlscore"
    key = key_of(ws, world.issued[ZHAO].package_id)
    reused.write_bytes(resigned(world.r2.read_bytes(), key, edit))
    outcome = only(merge(ws, reused))
    assert codes(outcome) == ["merge.revision_reused"]
    assert "this file is revision 2" in outcome.findings[0].message.en
    assert "differs" in outcome.findings[0].message.en

    twice = only(merge(ws, world.r2))
    assert twice.status is MergeFileStatus.UNCHANGED and twice.ok
    assert dump(ws) == before


def test_good_and_bad_files_together_each_get_their_own_outcome(tmp_path: Path):
    own = build_world(tmp_path)
    try:
        good = submit(own.issued[QIAN], tmp_path / "later")
        paths = [own.cases["truncated"].path, good, own.cases["changed_score"].path]
        outcomes = merge(own.ws, *paths)
        assert [o.status for o in outcomes] == [
            MergeFileStatus.REFUSED,
            MergeFileStatus.MERGED,
            MergeFileStatus.REFUSED,
        ]
        assert sheets_of(own.ws, QIAN)[101].source_file == good.name
    finally:
        own.ws.close()


def test_a_file_named_in_gbk_merges_and_does_not_stop_the_others(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    """A name whose bytes are not UTF-8 (GBK, from a zip made on Chinese Windows) on Linux."""
    usb = tmp_path / "usb"
    written = submit(issued[ZHAO], usb)
    gbk = Path(os.fsdecode(os.fsencode(usb) + b"/\xc6\xc0\xb7\xd6.jlscore"))  # 评分 in GBK
    written.rename(gbk)
    other = submit(issued[SUN], tmp_path / "other")

    outcomes = merge(ws, gbk, other)

    assert [o.status for o in outcomes] == [MergeFileStatus.MERGED] * 2
    stored = {s.source_file for s in sheets_of(ws, ZHAO).values()}
    assert stored == {"\ufffd\ufffd\ufffd\ufffd.jlscore"}
    assert {s.source_file for s in sheets_of(ws, SUN).values()} == {other.name}


def refusals(stderr: str, header: str, paths: list[Path]) -> dict[Path, str]:
    """The CLI's refusals of ``paths``: each path → the lines of reasons printed under it.

    A refusal is a line ``<header> <path>[ <expert> r<n>]`` followed by indented reasons.
    """
    blocks: dict[Path, str] = {}
    current: Path | None = None
    for line in stderr.splitlines():
        if line.startswith(header):
            rest = line.removeprefix(header)
            current = next(p for p in paths if rest == str(p) or rest.startswith(f"{p} "))
            assert current not in blocks, f"{current} refused twice"
            blocks[current] = ""
        elif current is not None and line.startswith("    "):
            blocks[current] += line + "\n"
    return blocks


def test_the_cli_merges_the_good_files_of_a_batch_and_refuses_each_bad_one_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    own = build_world(tmp_path)
    good = [submit(own.issued[expert], tmp_path / "later") for expert in (QIAN, SUN)]
    store = own.ws.path
    own.ws.close()
    bad = [own.cases[name] for name in CORPUS]
    arguments = [str(p) for p in good] + [str(c.argument) for c in bad]
    capsys.readouterr()

    with fifos_answered(c.path for c in bad):
        status = main(["merge", str(store), *arguments])

    out, err = capsys.readouterr()
    assert status == 1, "some files were refused"
    assert "Traceback" not in out + err
    for path in good:
        assert f"已合并: {path} " in out
    refused = refusals(err, "未合并: ", [c.path for c in bad])
    assert sorted(refused) == sorted(c.path for c in bad)
    for case in bad:
        assert case.zh in refused[case.path], (case.name, refused[case.path])
    merged = dump_file(store)

    with fifos_answered(c.path for c in bad):
        status = main(["--lang", "en", "merge", str(store), *arguments])

    out, err = capsys.readouterr()
    assert status == 1
    for path in good:
        assert f"unchanged (merged before): {path} " in out
    refused = refusals(err, "REFUSED: ", [c.path for c in bad])
    assert sorted(refused) == sorted(c.path for c in bad)
    # 钱晓红's revision 2 is merged now: her revision 1 is older before it is anything else.
    reasons = {"scores_a_platform_in_conflict": "this file is revision 1 (an older one)"}
    for case in bad:
        assert reasons.get(case.name, case.en) in refused[case.path], case.name
    assert dump_file(store) == merged, "refused files change nothing, merged ones stay"
    with open_workspace(store) as ws:
        for expert, path in zip((QIAN, SUN), good, strict=True):
            assert {s.source_file for s in sheets_of(ws, expert).values()} == {path.name}


# ---------------------------------------------------------------------------- the status


def test_merge_status_shows_who_is_still_missing(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    status = merge_status(ws)
    # build_cycle left sheets of 钱晓红 and 孙立群 for platform 101.
    assert state(status, QIAN, CONFLICT[1]) is SheetState.CONFLICT
    assert state(status, QIAN, 101) is SheetState.SUBMITTED
    assert state(status, ZHAO, 101) is SheetState.MISSING
    assert status.cell(ZHAO, SPARE[0]) is None
    progress = {e.expert_id: e for e in status.experts}
    assert (progress[ZHAO].assigned, progress[ZHAO].missing, progress[ZHAO].submitted) == (4, 4, 0)
    assert (progress[QIAN].conflicts, progress[QIAN].missing) == (1, 2)
    assert progress[QIAN].partial and not progress[ZHAO].partial

    rubric = ws.cycle_info().rubric
    paper = ScoreSheet(str(SUN), "102", {i.code: i.max_points for i in rubric.indicators})
    assert enter_paper_scores(ws, SUN, [paper]).ok
    assert only(merge(ws, submit(issued[ZHAO], tmp_path / "usb"))).ok

    status = merge_status(ws)
    progress = {e.expert_id: e for e in status.experts}
    assert progress[ZHAO].complete and progress[ZHAO].revision == 1
    assert progress[ZHAO].submitted == 4
    cell = status.cell(ZHAO, 102)
    assert cell is not None and cell.state is SheetState.SUBMITTED and cell.revision == 1
    assert cell.source_file and cell.source_file.endswith("-r1.jlscore")
    assert state(status, SUN, 102) is SheetState.PAPER
    assert [e.name for e in status.still_missing] == ["孙立群", "钱晓红"]
    assert not status.complete


@pytest.mark.parametrize("style", ["expert first", "cycle first (before issue 14)"])
def test_a_file_from_another_cycle_is_named_by_its_cycle_in_either_file_name_style(
    world: World, style: str, tmp_path: Path
):
    case = world.cases["wrong_cycle"]
    expert = case.path.name.split("-", 1)[0]
    stem = (
        f"{expert}-{OTHER_CYCLE_NAME}"
        if style == "expert first"
        else (f"{OTHER_CYCLE_NAME}-{expert}")
    )
    renamed = tmp_path / f"{stem}-r1.jlscore"
    shutil.copyfile(case.path, renamed)

    outcome = only(merge(world.ws, renamed))

    finding = next(f for f in outcome.findings if f.code == "merge.other_cycle")
    assert f"“{OTHER_CYCLE_NAME}”" in finding.message.zh


def _stored_sheet_rows(path: Path, expert_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """The rows a merge writes for ``expert_id``, raw from SQLite: each number by its bits
    (``float.hex``: -0.0 is not 0.0) and its storage class, ids replaced by platforms."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.create_function("bits", 1, lambda v: v.hex() if isinstance(v, float) else repr(v))
    sheet = "JOIN score_sheets sh ON sh.id = t.sheet_id WHERE sh.expert_id = ?"
    queries = {
        "score_sheets": "SELECT platform_id, package_id, provenance, revision, source_file, "
        "submitted_at, typeof(submitted_at), entered_by, overall_comment FROM score_sheets t "
        "WHERE expert_id = ? ORDER BY platform_id",
        "indicator_scores": "SELECT sh.platform_id, indicator_code, typeof(points), bits(points), "
        f"comment FROM indicator_scores t {sheet} ORDER BY sh.platform_id, t.id",
        "veto_claims": f"SELECT sh.platform_id, veto_code, reason FROM veto_claims t {sheet} "
        "ORDER BY sh.platform_id, t.id",
        "bonus_scores": "SELECT sh.platform_id, item_code, typeof(points), bits(points) "
        f"FROM bonus_scores t {sheet} ORDER BY sh.platform_id, t.id",
    }
    try:
        return {table: con.execute(sql, (expert_id,)).fetchall() for table, sql in queries.items()}
    finally:
        con.close()


def test_the_merge_stores_the_rows_the_exact_values_give_through_the_orm(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    """The merge binds a file's floats straight into the insert. The reference path — the
    file's sheets made exact (ScoreFile.score_sheets) and stored through the ORM and the
    points column's own binding — stores the very same bits, signed zeros and whole numbers
    written without a point included."""
    package = issued[ZHAO]
    written = submit(package, tmp_path / "sent", zhao_work)

    def edit(doc: dict[str, Any]) -> None:
        for sheet in doc["sheets"]:
            sheet["comments"] = dict.fromkeys(sheet["scores"], "评语")
        first, second, third = doc["sheets"][:3]
        first["scores"]["A1"] = -0.0
        first["scores"]["A2"] = 0.0
        second["scores"]["A1"] = 10  # an integer in the JSON text
        third["scores"]["A3"] = 6.5
        if ws.cycle_info().rubric.bonus_items:
            first["bonus"] = {"X1": 2.5, "X2": 0.0}

    usb = tmp_path / "usb"
    usb.mkdir()
    path = usb / written.name
    path.write_bytes(resigned(written.read_bytes(), key_of(ws, package.package_id), edit))
    reference = tmp_path / "reference.jlpanel"
    source = sqlite3.connect(ws.path)
    target = sqlite3.connect(reference)
    source.backup(target)
    source.close()
    target.close()

    assert only(merge(ws, path)).status is MergeFileStatus.MERGED

    score_file = sf.parse_score_file(path.read_bytes())
    assert isinstance(score_file, sf.ScoreFile)
    with open_workspace(reference) as ref, ref.session() as s:
        for sheet in score_file.score_sheets():
            row = m.ScoreSheet(
                expert_id=ZHAO,
                platform_id=int(sheet.platform_id),
                package_id=package.package_id,
                provenance=Provenance.PACKAGE.value,
                revision=score_file.revision,
                source_file=path.name,
                submitted_at=score_file.submitted_at,
                merged_at=score_file.submitted_at,
                overall_comment=sheet.overall_comment or None,
            )
            s.add(row)
            s.flush()
            s.add_all(
                m.IndicatorScore(
                    sheet_id=row.id,
                    indicator_code=code,
                    points=points,
                    comment=sheet.comments.get(code) or None,
                )
                for code, points in sheet.points.items()
            )
            s.add_all(
                m.VetoClaim(sheet_id=row.id, veto_code=code, reason=reason)
                for code, reason in sheet.vetoes.items()
            )
            s.add_all(
                m.BonusScore(sheet_id=row.id, item_code=code, points=points)
                for code, points in sheet.bonus.items()
            )
    merged, expected = _stored_sheet_rows(ws.path, ZHAO), _stored_sheet_rows(reference, ZHAO)
    assert merged == expected
    scores = {(p, code): bits for p, code, _, bits, _ in merged["indicator_scores"]}
    first, second, third = (s.platform_id for s in score_file.sheets[:3])
    # SQLite keeps no sign of a zero: -0.0 and 0.0 are stored alike on either path.
    assert (scores[first, "A1"], scores[first, "A2"]) == ((0.0).hex(), (0.0).hex())
    assert (scores[second, "A1"], scores[third, "A3"]) == ((10.0).hex(), (6.5).hex())
    assert {kind for _, _, kind, _, _ in merged["indicator_scores"]} == {"real"}
    assert len(merged["indicator_scores"]) == 15 * len(PLATFORMS)


# ---------------------------------------------------------------------- a worker ahead


def _merge_batch(ws: Workspace, issued: dict[int, IssuedPackage], usb: Path) -> list[Path]:
    """Revision 2 before revision 1, the same file twice, a tampered one and a conflict."""
    zhao1 = submit(issued[ZHAO], usb / "1", zhao_work)
    zhao2 = submit(issued[ZHAO], usb / "2", lambda s: rv.set_comment(s, 103, "A1", "第二版"))
    qian = submit(issued[QIAN], usb / "1", qian_declares_104)
    sun = submit(issued[SUN], usb / "1")
    tampered = usb / "tampered.jlscore"
    tampered.write_bytes(sun.read_bytes().replace("孙".encode(), "损".encode(), 1))
    return [zhao2, qian, tampered, zhao1, sun, zhao1]


def _rows(path: Path) -> dict[str, list[str]]:
    """Every table's rows, the times a merge stamps (merged, audited) masked."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        out: dict[str, list[str]] = {}
        for table in tables:
            cursor = db.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            names = [d[0] for d in cursor.description]
            out[table] = [
                repr(
                    tuple(
                        "<time>" if n in ("merged_at", "at") else v
                        for n, v in zip(names, row, strict=True)
                    )
                )
                for row in cursor
            ]
    return out


def test_a_worker_examines_each_file_as_this_process_does(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    import multiprocessing
    import pickle

    from jlpanel.services import merge as mg

    files = _merge_batch(ws, issued, tmp_path / "usb")
    ctx = mg._load_context(ws)
    here = [mg._examine(ctx, n, path) for n, path in enumerate(files)]
    context = multiprocessing.get_context("forkserver")
    marks = context.RawArray("i", 2)
    results, sending = context.Pipe(duplex=False)
    worker = context.Process(
        target=mg._examine_serially, args=(pickle.dumps(ctx), files, marks, sending)
    )
    worker.start()
    sending.close()
    elsewhere: list[tuple[int, object]] = []
    with results:
        while True:
            try:
                elsewhere.append(pickle.loads(results.recv_bytes()))
            except EOFError:
                break
    worker.join()
    assert worker.exitcode == 0
    assert elsewhere == list(enumerate(here))[1:]  # the first is always examined here
    kinds = [type(e).__name__ for e in here]
    assert kinds == ["_Candidate"] * 2 + ["MergeOutcome"] + ["_Candidate"] * 3


def test_a_merge_with_a_worker_ahead_stores_what_a_merge_in_one_process_stores(
    ws: Workspace,
    issued: dict[int, IssuedPackage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
):
    import logging
    import multiprocessing
    import time

    from jlpanel.services import workers

    def unhurried(done: int, total: int, name: str) -> bool:
        time.sleep(0.05)  # a window's progress: the worker has time to get ahead
        return True

    files = _merge_batch(ws, issued, tmp_path / "usb")
    twin_path = tmp_path / "twin.jlpanel"
    with sqlite3.connect(ws.path) as source, sqlite3.connect(twin_path) as target:
        source.backup(target)
    target.close()
    twin = open_workspace(twin_path, backup=False)
    try:
        monkeypatch.setenv(workers.WORKERS_ENV, "1")
        alone = merge(ws, *files, backups=tmp_path / "b1")
        monkeypatch.setenv(workers.WORKERS_ENV, "2")
        with workers.Workers(2) as pool:  # the fork server started and ready, as in the window
            assert list(pool.map(abs, range(-4, 0))) == [4, 3, 2, 1]
        assert workers.ready()
        with caplog.at_level(logging.INFO, logger="jlpanel.services.merge"):
            ahead = merge_score_files(
                twin, files, backup_dir=tmp_path / "b2", backup_count=5, progress=unhurried
            )
        assert multiprocessing.active_children() == []  # no worker outlives the merge
    finally:
        twin.close()
    assert [o.status.value for o in alone] == [
        "merged",
        "merged",
        "refused",
        "merged",
        "merged",
        "unchanged",
    ]
    assert ahead == alone
    assert _rows(twin_path) == _rows(ws.path)
    (taken,) = [r.args for r in caplog.records if r.msg.startswith("a worker examined")]
    assert taken[0] >= 1 and taken[1] == len(files)  # the worker's results were taken
