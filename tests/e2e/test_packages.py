"""Review packages end to end: issue from a workspace, score in the package, submit, verify.

Also the confidentiality scan (a package holds nothing of any other expert) and the paper
score sheet's round trip.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from review_support import (
    CONFLICT,
    CYCLE_NAME,
    EXPERTS,
    PLATFORMS,
    build_cycle,
    key_of,
    refill,
    score_cells,
    score_everything,
)
from sqlalchemy import func, select

from jlpanel.exchange import score_file as sf
from jlpanel.exchange.paper_sheet import SCORE_SHEET, read_paper_sheet
from jlpanel.services import review as rv
from jlpanel.services.dossiers import dossier_overview, sheet_data
from jlpanel.services.errors import UserError
from jlpanel.services.packages import IssuedPackage, issue_packages, safe_file_name
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = build_cycle(tmp_path)
    yield workspace
    workspace.close()


@pytest.fixture
def issued(ws: Workspace, tmp_path: Path) -> dict[int, IssuedPackage]:
    return {p.expert_id: p for p in issue_packages(ws, tmp_path / "out")}


# ------------------------------------------------------------------------------- issuing


def test_one_package_and_paper_sheet_per_expert_recorded_with_a_key(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    assert sorted(issued) == [e for e, _, _ in EXPERTS]
    first = issued[900001]
    assert first.path.name == f"赵明远-{CYCLE_NAME}.jlreview"  # the name first: never elided
    assert first.paper_sheet is not None and first.paper_sheet.name.endswith("纸质评分表.xlsx")
    assert first.platform_count == 4 and issued[900002].platform_count == 3
    assert issued[900002].skipped_conflicts == (103,)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [p.path.name for p in issued.values()]
        + [p.paper_sheet.name for p in issued.values() if p.paper_sheet]
    ), "no temporary files left behind"
    with ws.session() as s:
        packages = s.scalars(select(m.ReviewPackage)).all()
        audit = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "issue_package")).all()
    assert {p.id for p in packages} == {p.package_id for p in issued.values()}
    assert all(len(p.hmac_key) == 32 for p in packages)
    assert len({p.hmac_key for p in packages}) == 3
    assert {p.file_name for p in packages} == {p.path.name for p in issued.values()}
    assert {a.entity_id for a in audit} == {p.package_id for p in issued.values()}
    assert all("hmac" not in a.detail_json for a in audit)
    with rv.open_package(issued[900002].path) as session:
        assert [p.id for p in session.platforms] == [101, 102, 104]
        info = rv.package_info(session)
        assert (info.expert_id, info.expert_name, info.revision, info.locked) == (
            900002,
            "钱晓红",
            0,
            False,
        )
        assert info.cycle_name == CYCLE_NAME and info.rules["pass_min"] == 60


def test_the_desk_sees_the_same_dossier_as_the_workspace(
    ws: Workspace, issued: dict[int, IssuedPackage]
):
    with rv.open_package(issued[900001].path) as session:
        ours = rv.dossier_overview(session, 102)
        theirs = dossier_overview(ws, 102)
        assert ours.basic == theirs.basic
        assert ours.metrics == theirs.metrics == {"service_count": 6.0}
        assert ours.findings == theirs.findings and len(ours.findings) == 1
        assert ours.work_summary == theirs.work_summary == "平台102的工作总结"
        assert ours.counts == theirs.counts
        assert [a.name for a in ours.attachments] == ["服务成效证明.pdf"]
        assert rv.sheet_data(session, 102, "services") == sheet_data(ws, 102, "services")
        page = rv.sheet_data(session, 102, "services", offset=2, limit=3)
        assert page == sheet_data(ws, 102, "services", offset=2, limit=3)
        assert (len(page.rows), page.total) == (3, 6)
        saved = rv.save_attachment(session, ours.attachments[0].id, session.path.parent)
        assert saved.read_bytes() == b"%PDF-102"


def test_issuing_again_makes_a_new_package_and_keeps_the_old(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    again = issue_packages(ws, tmp_path / "again", experts=[900001])
    assert len(again) == 1 and again[0].package_id != issued[900001].package_id
    with ws.session() as s:
        keys = s.scalars(
            select(m.ReviewPackage.hmac_key).where(m.ReviewPackage.expert_id == 900001)
        ).all()
    assert len(keys) == 2 and keys[0] != keys[1]
    assert key_of(ws, issued[900001].package_id) != key_of(ws, again[0].package_id)


def test_existing_files_are_refused_unless_replacing(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    before = {p: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    with ws.session() as s:
        count = s.scalar(select(func.count()).select_from(m.ReviewPackage))
    with pytest.raises(UserError) as info:
        issue_packages(ws, tmp_path / "out")
    assert len(info.value.details) == 6 and "已存在" in info.value.zh
    assert {p: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.ReviewPackage)) == count
    replaced = issue_packages(ws, tmp_path / "out", replace_existing=True)
    assert replaced[0].path.read_bytes() != before[replaced[0].path]


def test_unknown_or_unassigned_experts_are_refused(ws: Workspace, tmp_path: Path):
    with pytest.raises(UserError) as info:
        issue_packages(ws, tmp_path / "x", experts=[900001, 1])
    assert info.value.details == ("1",)
    with ws.session() as s:
        s.add(m.Expert(id=900004, cycle_id=ws.cycle_info().id, name="周无任务"))
    with pytest.raises(UserError) as info:
        issue_packages(ws, tmp_path / "x", experts=[900004])
    assert info.value.details == ("周无任务",)
    assert not (tmp_path / "x").exists()


def test_no_assignment_at_all_is_refused(tmp_path: Path):
    ws = build_cycle(tmp_path)
    try:
        with ws.session() as s:
            s.execute(m.Assignment.__table__.delete())
        with pytest.raises(UserError, match="assign"):
            issue_packages(ws, tmp_path / "out")
    finally:
        ws.close()


def test_file_names_are_safe_everywhere():
    assert safe_file_name('2026/年度:考核*"评审"?') == "2026_年度_考核__评审__"
    assert safe_file_name("  CON  ") == "_CON"
    assert safe_file_name("...") == "_"
    long = safe_file_name("很长的名字" * 100)
    assert len(long.encode()) <= 150 and long.startswith("很长的名字")


# ------------------------------------------------------------------------ confidentiality


def package_cells(path: Path) -> list[tuple[str, str, object]]:
    """Every value of every column of every table of the package, as (table, column, value)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cells: list[tuple[str, str, object]] = []
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cursor = con.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            for row in cursor:
                cells.extend((table, name, value) for name, value in zip(names, row, strict=True))
        return cells
    finally:
        con.close()


def secrets_of_others(ws: Workspace, expert_id: int) -> list[str | bytes]:
    others = [e for e in EXPERTS if e[0] != expert_id]
    found: list[str | bytes] = []
    for eid, name, institution in others:
        found += [str(eid), name, institution, f"{name}评语", f"{name}的机密总评"]
    found.append(CONFLICT[2])
    with ws.session() as s:
        for package_id, key in s.execute(
            select(m.ReviewPackage.id, m.ReviewPackage.hmac_key).where(
                m.ReviewPackage.expert_id != expert_id
            )
        ):
            found += [package_id, key, key.hex()]
    return found


def test_a_package_holds_nothing_of_any_other_expert(
    ws: Workspace, issued: dict[int, IssuedPackage]
):
    for expert_id, package in issued.items():
        cells = package_cells(package.path)
        text = [(t, c, str(v)) for t, c, v in cells if not isinstance(v, bytes)]
        blobs = [(t, c, v) for t, c, v in cells if isinstance(v, bytes)]
        own_name = next(name for eid, name, _ in EXPERTS if eid == expert_id)
        assert any(own_name in v for _, _, v in text), "the scan must see the expert's own name"
        raw = package.path.read_bytes()
        for secret in secrets_of_others(ws, expert_id):
            if isinstance(secret, bytes):
                assert not [(t, c) for t, c, v in blobs if secret in v], secret
                assert secret not in raw
                continue
            leaks = [(t, c, v) for t, c, v in text if secret in v]
            assert not leaks, f"{secret!r} found in {leaks[:3]}"
            assert not [(t, c) for t, c, v in blobs if secret.encode() in v], secret
            if not secret.isdigit():  # numbers can occur in page bytes by chance
                assert secret.encode("utf-8") not in raw, secret


def test_a_conflicted_platform_leaves_no_trace_in_the_package(issued: dict[int, IssuedPackage]):
    raw = issued[900002].path.read_bytes()
    assert "吉林省第2分析测试资源共享服务平台".encode() in raw
    for text in ("吉林省第3分析测试资源共享服务平台", "长春用户单位103-2", "平台103的工作总结"):
        assert text.encode() not in raw, text
    assert b"%PDF-103" not in raw


def test_the_paper_sheet_holds_nothing_of_any_other_expert(
    ws: Workspace, issued: dict[int, IssuedPackage]
):
    from python_calamine import CalamineWorkbook

    paper = issued[900001].paper_sheet
    assert paper is not None
    workbook = CalamineWorkbook.from_path(str(paper))
    text = "\n".join(
        str(cell)
        for name in workbook.sheet_names
        for row in workbook.get_sheet_by_name(name).to_python()
        for cell in row
    )
    assert "赵明远" in text
    for secret in secrets_of_others(ws, 900001):
        if isinstance(secret, str):
            assert secret not in text, secret


# ------------------------------------------------------------------------------- scoring


def test_scores_set_then_submitted_verify_with_the_workspace_key(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    package = issued[900001]
    with rv.open_package(package.path) as session:
        assert {w.state for w in rv.progress(session)} == {rv.Progress.NOT_STARTED}
        score_everything(session)
        rv.set_comment(session, 101, "A1", "资源体量大，覆盖面广")
        rv.set_veto(session, 104, "fraud", "服务记录与合同金额不符")
        rv.set_overall_comment(session, 101, "总体良好")
        if session.rubric.bonus_items:
            rv.set_bonus(session, 101, session.rubric.bonus_items[0].code, 0.5)
        assert {w.state for w in rv.progress(session)} == {rv.Progress.DONE}
        work = rv.platform_work(session, 101)
        assert work.total == pytest.approx(
            min(100.0, 100 - 0.5 * 15 + (0.5 if work.sheet.bonus else 0))
        )
        assert rv.check_complete(session) == []
        name = rv.default_score_file_name(session)
        assert name.endswith("-r1.jlscore") and "赵明远" in name
        result = rv.submit(session, tmp_path / "usb" / name)
        assert result.revision == 1
        assert rv.package_info(session).locked
    data = (tmp_path / "usb" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == result.sha256
    score_file = sf.parse_score_file(data)
    assert isinstance(score_file, sf.ScoreFile)
    assert sf.verify_signature(score_file, key_of(ws, package.package_id))
    assert not sf.verify_signature(score_file, key_of(ws, issued[900002].package_id))
    assert (score_file.cycle_id, score_file.package_id) == (ws.cycle_info().id, package.package_id)
    assert (score_file.expert_id, score_file.expert_name, score_file.revision) == (
        900001,
        "赵明远",
        1,
    )
    assert [s.platform_id for s in score_file.sheets] == list(PLATFORMS)
    first = score_file.sheets[0]
    assert first.filing_no == "JLPT-2023-101"
    assert first.scores["A1"] == 9.5 and len(first.scores) == 15
    assert first.comments == {"A1": "资源体量大，覆盖面广"}
    assert first.overall_comment == "总体良好"
    assert score_file.sheets[3].vetoes == {"fraud": "服务记录与合同金额不符"}
    assert all(not d.conflict for d in score_file.declarations)


def test_an_incomplete_sheet_is_refused_with_everything_to_do(
    issued: dict[int, IssuedPackage], tmp_path: Path
):
    with rv.open_package(issued[900001].path) as session:
        score_everything(session)
        rv.set_score(session, 101, "A1", None)
        rv.set_score(session, 102, "B2", 1.0)  # 差: needs a comment
        journal = rv.history(session)
        with pytest.raises(rv.IncompleteSheetError) as info:
            rv.submit(session, tmp_path / "s.jlscore")
        problems = {(p.platform_id, p.kind, p.code) for p in info.value.problems}
        assert problems == {(101, "missing", "A1"), (102, "comment_required", "B2")}
        assert "A1" in info.value.message("en") and "须填写评语" in info.value.message("zh")
        assert not (tmp_path / "s.jlscore").exists()
        assert rv.package_info(session).revision == 0 and not rv.package_info(session).locked
        assert rv.history(session) == journal
        assert rv.platform_work(session, 102).state is rv.Progress.PARTIAL
    with rv.open_package(issued[900003].path) as other:
        rv.declare(other, 101, False)
        problems_of_other = rv.check_complete(other)
        undeclared = {p.platform_id for p in problems_of_other if p.kind == "undeclared"}
        assert undeclared == {102, 103, 104}
        assert len([p for p in problems_of_other if p.kind == "missing"]) == 4 * 15


@pytest.mark.parametrize("points", [10.5, -0.5, 3.3, 9.75, math.nan, math.inf, True, "8"])
def test_bad_points_are_refused_as_typed_and_nothing_is_stored(
    issued: dict[int, IssuedPackage], points: Any
):
    with rv.open_package(issued[900001].path) as session:
        rv.set_score(session, 101, "A1", 8.0)
        before = rv.history(session), rv.platform_work(session, 101).sheet
        with pytest.raises(UserError) as info:
            rv.set_score(session, 101, "A1", points)
        assert info.value.zh and info.value.en and info.value.zh != info.value.en
        assert (rv.history(session), rv.platform_work(session, 101).sheet) == before
        assert rv.platform_work(session, 101).sheet.points["A1"] == 8.0


def test_bounds_step_and_codes_are_checked_for_every_kind_of_edit(issued: dict[int, IssuedPackage]):
    with rv.open_package(issued[900001].path) as session:
        with pytest.raises(UserError, match="0–10"):
            rv.set_score(session, 101, "A1", 11)
        with pytest.raises(UserError, match=r"multiple of 0\.5"):
            rv.set_score(session, 101, "A1", 7.25)
        with pytest.raises(UserError, match="not in the rubric"):
            rv.set_score(session, 101, "Z9", 1)
        with pytest.raises(UserError, match="not in the rubric"):
            rv.set_veto(session, 101, "nope", "x")
        with pytest.raises(UserError, match="needs a reason"):
            rv.set_veto(session, 101, "fraud", "   ")
        with pytest.raises(UserError, match="no platform"):
            rv.set_score(session, 103 + 1000, "A1", 1)
        with pytest.raises(UserError, match="needs a reason"):
            rv.declare(session, 101, True, " ")
        # Exactly on the grid or refused: 7.499999999 is not silently taken as 7.5.
        with pytest.raises(UserError, match=r"not a multiple of 0\.5"):
            rv.set_score(session, 101, "A1", 7.499999999)
        rv.set_score(session, 101, "A1", 7.5)
        assert rv.platform_work(session, 101).sheet.points["A1"] == Decimal("7.5")


def test_undo_and_redo_walk_the_journal(issued: dict[int, IssuedPackage]):
    with rv.open_package(issued[900001].path) as session:
        assert rv.undo(session) is None and rv.history(session) == (False, False)
        rv.declare(session, 101, False)
        rv.set_score(session, 101, "A1", 8.0)
        rv.set_score(session, 101, "A1", 9.0)
        rv.set_comment(session, 101, "A1", "好")
        rv.set_veto(session, 101, "fraud", "理由")

        def a1() -> tuple[float | None, str | None, dict[str, str]]:
            sheet = rv.platform_work(session, 101).sheet
            return sheet.points["A1"], sheet.comments.get("A1"), dict(sheet.vetoes)

        assert a1() == (9.0, "好", {"fraud": "理由"})
        assert rv.undo(session) == rv.Edit("vetoes", 101, "fraud")
        assert rv.undo(session) == rv.Edit("scores", 101, "A1")
        assert a1() == (9.0, None, {})
        rv.undo(session)
        assert a1() == (8.0, None, {})
        assert rv.history(session) == (True, True)
        assert rv.redo(session) == rv.Edit("scores", 101, "A1")
        assert a1() == (9.0, None, {})
        rv.undo(session)
        rv.undo(session)
        assert a1() == (None, None, {})
        assert rv.undo(session) == rv.Edit("declarations", 101, None)
        assert rv.platform_work(session, 101).declaration is None
        assert rv.undo(session) is None
        rv.redo(session)
        assert rv.platform_work(session, 101).declaration is not None
        rv.set_score(session, 101, "A2", 5.0)  # a new edit ends the redo branch
        assert rv.redo(session) is None
        assert a1() == (None, None, {})
        # An edit that changes nothing is not journaled.
        rv.set_score(session, 101, "A2", 5.0)
        rv.undo(session)
        assert rv.platform_work(session, 101).sheet.points["A2"] is None
    with rv.open_package(issued[900001].path) as session:  # the journal survives reopening
        assert rv.redo(session) == rv.Edit("scores", 101, "A2")


def test_submit_locks_reopen_starts_the_next_revision(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    package = issued[900001]
    with rv.open_package(package.path) as session:
        score_everything(session)
        first = rv.submit(session, tmp_path / "r1.jlscore")
        for edit in (
            lambda: rv.set_score(session, 101, "A1", 5.0),
            lambda: rv.set_comment(session, 101, "A1", "x"),
            lambda: rv.declare(session, 101, True, "x"),
            lambda: rv.undo(session),
            lambda: rv.submit(session, tmp_path / "again.jlscore"),
        ):
            with pytest.raises(UserError, match="locked"):
                edit()
        assert not (tmp_path / "again.jlscore").exists()
        copy = rv.save_copy(session, tmp_path / "copy.jlscore")
        assert (tmp_path / "copy.jlscore").read_bytes() == (tmp_path / "r1.jlscore").read_bytes()
        assert copy.revision == 1 and copy.sha256 == first.sha256
        rv.reopen(session)
        assert not rv.package_info(session).locked
        assert rv.default_score_file_name(session).endswith("-r2.jlscore")
        rv.set_score(session, 101, "A1", 5.0)
        second = rv.submit(session, tmp_path / "r2.jlscore")
    assert second.revision == 2
    key = key_of(ws, package.package_id)
    files = [sf.parse_score_file((tmp_path / n).read_bytes()) for n in ("r1.jlscore", "r2.jlscore")]
    assert all(isinstance(f, sf.ScoreFile) and sf.verify_signature(f, key) for f in files)
    r1, r2 = files
    assert isinstance(r1, sf.ScoreFile) and isinstance(r2, sf.ScoreFile)
    assert (r1.revision, r2.revision) == (1, 2)
    assert (r1.sheets[0].scores["A1"], r2.sheets[0].scores["A1"]) == (9.5, 5.0)
    assert r1.submitted_at < r2.submitted_at


def test_a_declared_conflict_takes_the_platform_off_the_sheet(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    with rv.open_package(issued[900001].path) as session:
        score_everything(session)
        rv.declare(session, 102, True, "本人为该平台依托单位兼职研究员")
        work = {w.platform.id: w for w in rv.progress(session)}
        assert work[102].state is rv.Progress.CONFLICT
        assert work[102].declaration and work[102].declaration.conflict
        with pytest.raises(UserError, match="conflict"):
            rv.set_score(session, 102, "A1", 1.0)
        with pytest.raises(UserError, match="conflict"):
            rv.set_veto(session, 102, "fraud", "x")
        rv.submit(session, tmp_path / "s.jlscore")
        rv.reopen(session)
        rv.declare(session, 102, False)  # withdrawn: the scores are back
        assert rv.platform_work(session, 102).state is rv.Progress.DONE
    score_file = sf.parse_score_file((tmp_path / "s.jlscore").read_bytes())
    assert isinstance(score_file, sf.ScoreFile)
    assert [s.platform_id for s in score_file.sheets] == [101, 103, 104]
    assert score_file.conflicts() == {102: "本人为该平台依托单位兼职研究员"}
    assert sf.verify_signature(score_file, key_of(ws, issued[900001].package_id))


def test_a_damaged_or_foreign_file_is_a_clear_user_error(ws: Workspace, tmp_path: Path):
    with pytest.raises(UserError) as info:
        rv.open_package(ws.path)
    assert "不是 jlpanel 评审包" in info.value.zh
    cut = tmp_path / "cut.jlreview"
    packages = issue_packages(ws, tmp_path / "out", experts=[900001])
    cut.write_bytes(packages[0].path.read_bytes()[:8192])
    with pytest.raises(UserError) as info:
        rv.open_package(cut)
    assert "不完整" in info.value.zh and "incomplete" in info.value.en


# ---------------------------------------------------------------------------- paper sheet


def test_a_filled_paper_sheet_reads_back_as_paper_scores(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    paper = issued[900002].paper_sheet
    assert paper is not None
    rubric = ws.cycle_info().rubric
    blank = read_paper_sheet(paper, rubric)
    assert not blank.ok and {f.code for f in blank.findings} == {"paper.not_filled"}
    cells = score_cells(paper)
    assert ("JLPT-2023-103", "A1") not in cells, "no block for the conflicted platform"
    values: dict[tuple[int, int], object] = {}
    expected: dict[str, dict[str, float]] = {}
    for n, filing_no in enumerate(("JLPT-2023-101", "JLPT-2023-102")):
        expected[filing_no] = {}
        for ind in rubric.indicators:
            points = ind.max_points - ind.step * (n + 1)
            expected[filing_no][ind.code] = points
            # Typed as a number, or as text with full-width digits and 分.
            values[(cells[(filing_no, ind.code)], 4)] = (
                points
                if n == 0
                else f"{points:g}分".translate(
                    str.maketrans("0123456789.", "０１２３４５６７８９．")
                )
            )
    values[(cells[("JLPT-2023-101", "A1")], 5)] = "资源丰富"
    values[(cells[("JLPT-2023-101", "fraud")], 4)] = "是"
    values[(cells[("JLPT-2023-101", "fraud")], 5)] = "数据造假"
    values[(cells[("JLPT-2023-101", "总评")], 5)] = "总体较好"
    values[(cells[("JLPT-2023-104", "回避")], 4)] = "是"
    values[(cells[("JLPT-2023-104", "回避")], 5)] = "与依托单位有合作项目"
    filled = tmp_path / "filled.xlsx"
    refill(paper, filled, values)
    result = read_paper_sheet(filled, rubric)
    assert result.ok, [f.message.en for f in result.findings]
    assert result.expert_id == "900002" and result.expert_name == "钱晓红"
    assert result.package_id == issued[900002].package_id
    assert result.cycle_id == ws.cycle_info().id
    assert result.conflicts == {104: "与依托单位有合作项目"}
    sheets = {s.platform_id: s for s in result.sheets}
    assert set(sheets) == {"101", "102"}
    assert sheets["101"].points == expected["JLPT-2023-101"]
    assert sheets["102"].points == expected["JLPT-2023-102"]
    assert sheets["101"].comments == {"A1": "资源丰富"}
    assert sheets["101"].vetoes == {"fraud": "数据造假"}
    assert sheets["101"].overall_comment == "总体较好"
    assert all(s.provenance.value == "paper" for s in result.sheets)


def test_a_badly_filled_paper_sheet_names_every_cell(
    ws: Workspace, issued: dict[int, IssuedPackage], tmp_path: Path
):
    paper = issued[900001].paper_sheet
    assert paper is not None
    rubric = ws.cycle_info().rubric
    cells = score_cells(paper)
    values: dict[tuple[int, int], object] = {}
    for filing_no in ("JLPT-2023-101", "JLPT-2023-102", "JLPT-2023-104"):
        for ind in rubric.indicators:
            values[(cells[(filing_no, ind.code)], 4)] = ind.max_points
    a1 = cells[("JLPT-2023-101", "A1")]
    values[(a1, 4)] = 12  # out of bounds
    values[(cells[("JLPT-2023-101", "A2")], 4)] = 3.3  # off step
    values[(cells[("JLPT-2023-102", "B1")], 4)] = "很好"  # not a number
    values[(cells[("JLPT-2023-102", "B2")], 4)] = 1  # 差 without a comment
    values[(cells[("JLPT-2023-104", "回避")], 4)] = "是"  # a conflict without reason, yet scored
    values[(cells[("JLPT-2023-101", "fraud")], 4)] = "也许"
    filled = tmp_path / "bad.xlsx"
    refill(paper, filled, values)
    result = read_paper_sheet(filled, rubric)
    assert not result.ok
    found = {(f.code, f.row, f.column) for f in result.findings}
    assert ("paper.out_of_bounds", a1 + 1, "E") in found
    assert ("paper.off_step", cells[("JLPT-2023-101", "A2")] + 1, "E") in found
    assert ("paper.not_a_number", cells[("JLPT-2023-102", "B1")] + 1, "E") in found
    assert ("paper.comment_required", cells[("JLPT-2023-102", "B2")] + 1, "F") in found
    assert ("paper.not_yes_no", cells[("JLPT-2023-101", "fraud")] + 1, "E") in found
    codes = {f.code for f in result.findings}
    assert {"paper.conflict_reason", "paper.conflict_scored", "paper.not_filled"} <= codes
    assert all(f.sheet in (SCORE_SHEET, None) and f.message.zh for f in result.findings)


def test_junk_is_not_a_paper_sheet(ws: Workspace, tmp_path: Path):
    rubric = ws.cycle_info().rubric
    for name, content in (("a.xlsx", b"not a workbook"), ("b.xlsx", b"PK\x03\x04junk")):
        (tmp_path / name).write_bytes(content)
        result = read_paper_sheet(tmp_path / name, rubric)
        assert [f.code for f in result.findings] == ["paper.not_a_sheet"]
    from jlpanel.services.intake import write_template

    write_template(tmp_path / "template.xlsx")  # a real workbook, but not ours
    result = read_paper_sheet(tmp_path / "template.xlsx", rubric)
    assert [f.code for f in result.findings] == ["paper.not_a_sheet"]


def test_the_paper_sheet_prints_on_a4_landscape(issued: dict[int, IssuedPackage], tmp_path: Path):
    import zipfile

    paper = issued[900001].paper_sheet
    assert paper is not None
    with zipfile.ZipFile(paper) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        workbook_xml = archive.read("xl/workbook.xml").decode()
    assert 'paperSize="9"' in sheet_xml and 'orientation="landscape"' in sheet_xml
    assert '<pageSetUpPr fitToPage="1"/>' in sheet_xml and 'fitToHeight="0"' in sheet_xml
    assert "专家：赵明远" in sheet_xml and "&amp;8" not in sheet_xml
    assert "<rowBreaks" in sheet_xml and 'count="3"' in sheet_xml  # four platforms
    assert "_xlnm.Print_Titles" in workbook_xml
    assert 'state="hidden"' in workbook_xml
