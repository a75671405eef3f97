"""A paper score sheet typed in again: its 备案编号 matched on the identity key (issue 12 item 5).

The secretary (or the expert) may type a block's filing number again, in lower case, full
width or pasted with a zero-width space: it is still that platform. A second block of one
platform is a duplicate naming both rows; comments are kept cleaned with a warning; a sheet
whose expert is not the workspace's expert of that id is refused; a refusal changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import dump
from review_support import build_cycle, refill, score_cells
from sqlalchemy import select, update

from jlpanel.cli import main
from jlpanel.services.paper import import_paper_sheet
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: 钱晓红 (900002) scores 101, 102 and 104 (103 is her declared conflict).
ASSIGNED = ("JLPT-2023-101", "JLPT-2023-102", "JLPT-2023-104")
RETYPED = {
    "JLPT-2023-101": "jlpt-2023-101",
    "JLPT-2023-102": "JLPT\u200b-2023-102",
    "JLPT-2023-104": "ＪＬＰＴ－２０２３－１０４",
}


@pytest.fixture
def issued(tmp_path: Path) -> tuple[Path, Path, dict[tuple[str, str], int], object]:
    """The workspace, 钱晓红's blank paper sheet, its cells and the rubric."""
    ws = build_cycle(tmp_path, others_work=False)
    path, rubric = ws.path, ws.cycle_info().rubric
    ws.close()
    assert main(["packages", str(path), str(tmp_path / "packages")]) == 0
    paper = next((tmp_path / "packages").glob("*钱晓红*.xlsx"))
    return path, paper, score_cells(paper), rubric


def filled(
    issued: tuple[Path, Path, dict[tuple[str, str], int], object],
    target: Path,
    block_numbers: dict[str, str],
    comment: str = "资源丰富，服务规范",
) -> Path:
    """Every assigned platform scored; each block's 备案编号 typed in as ``block_numbers``."""
    _, paper, cells, rubric = issued
    values: dict[tuple[int, int], object] = {}
    for filing_no in ASSIGNED:
        for ind in rubric.indicators:  # type: ignore[attr-defined]
            values[(cells[(filing_no, ind.code)], 4)] = ind.max_points - ind.step
        values[(cells[(filing_no, "总评")], 5)] = comment
        # The block's first row is the one above its 回避 line.
        values[(cells[(filing_no, "回避")] - 1, 1)] = block_numbers.get(filing_no, filing_no)
    refill(paper, target, values)
    return target


def test_block_numbers_typed_in_again_are_the_platforms(issued, tmp_path, capsys):
    path, *_ = issued
    sheet = filled(issued, tmp_path / "filled.xlsx", RETYPED, "资源丰富，\u200b服务规范")
    capsys.readouterr()
    assert main(["paper", str(path), str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "已录入 钱晓红 的纸质评分：3 个平台" in out
    # Warned where characters went: 102's number and each overall comment.
    assert out.count("U+200B") == 4 and "备案编号" in out and "评语 / 理由" in out
    with open_workspace(path) as ws, ws.session() as s:
        stored = s.execute(
            select(m.ScoreSheet.platform_id, m.ScoreSheet.overall_comment).where(
                m.ScoreSheet.expert_id == 900002
            )
        ).all()
    # Full-width punctuation in Chinese text stays as typed; the zero-width space went.
    assert sorted(stored) == [(p, "资源丰富，服务规范") for p in (101, 102, 104)]


def test_one_platform_twice_is_refused_naming_both_rows(issued, tmp_path, capsys):
    path, _, cells, _ = issued
    # 102's block is given 101's number, typed otherwise.
    sheet = filled(issued, tmp_path / "filled.xlsx", {"JLPT-2023-102": "jlpt 2023 101"})
    first = cells[("JLPT-2023-101", "回避")]  # 1-based row of 101's block start
    second = cells[("JLPT-2023-102", "回避")]
    before = dump(path)
    capsys.readouterr()
    assert main(["paper", str(path), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert f"备案编号 JLPT-2023-101 出现了两次（第 {first} 行和第 {second} 行）" in err
    assert "“JLPT-2023-101”和“jlpt 2023 101”视为同一编号" in err
    assert "评分表中找不到平台 JLPT-2023-102 的评分栏" in err
    assert dump(path) == before


def test_a_sheet_for_another_expert_of_that_id_is_refused(issued, tmp_path):
    path, *_ = issued
    sheet = filled(issued, tmp_path / "filled.xlsx", {})
    with open_workspace(path) as ws:
        with ws.session() as s:
            s.execute(update(m.Expert).where(m.Expert.id == 900002).values(name="钱晓宏"))
        before = dump(path)
        outcome = import_paper_sheet(ws, sheet)
        assert [f.code for f in outcome.findings] == ["paper.other_expert"]
        assert "钱晓红" in outcome.findings[0].message.zh
        assert "钱晓宏" in outcome.findings[0].message.zh
        assert dump(path) == before
        # Written otherwise but the same name (full-width space): the same expert.
        with ws.session() as s:
            s.execute(update(m.Expert).where(m.Expert.id == 900002).values(name="钱\u3000晓红"))
        assert import_paper_sheet(ws, sheet).ok


@pytest.mark.parametrize("mark", ["12abc", "", "9" * 40])
def test_an_edited_expert_id_mark_is_refused_not_a_crash(issued, tmp_path, capsys, mark):
    # The hidden mark's expert id edited by hand: a refusal naming it, nothing stored.
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    path, *_ = issued
    sheet = filled(issued, tmp_path / "filled.xlsx", {})
    edited = tmp_path / "edited.xlsx"
    source = CalamineWorkbook.from_path(str(sheet))
    out = xlsxwriter.Workbook(str(edited))
    for name in source.sheet_names:
        grid = source.get_sheet_by_name(name).to_python(skip_empty_area=False)
        target = out.add_worksheet(name)
        for r, row in enumerate(grid):
            if row and row[0] == "expert_id":
                row = [row[0], mark]
            for c, value in enumerate(row):
                if value != "":
                    target.write_string(r, c, str(value)) if c else target.write(r, c, value)
    out.close()
    before = dump(path)
    assert main(["paper", str(path), str(edited)]) == 1
    err = capsys.readouterr().err
    assert "专家编号" in err and "可能被改动过" in err
    assert "Traceback" not in err
    assert dump(path) == before
