"""jlpanel packages / paper through the command line: issue, then enter a filled paper sheet."""

from __future__ import annotations

import sqlite3

from review_support import build_cycle, refill, score_cells
from sqlalchemy import select

from jlpanel.cli import main
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m


def dump(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_issue_packages_then_enter_a_paper_sheet(tmp_path, capsys):
    ws = build_cycle(tmp_path, others_work=False)
    ws_path = ws.path
    rubric = ws.cycle_info().rubric
    ws.close()
    out = tmp_path / "packages"
    assert main(["packages", str(ws_path), str(out)]) == 0
    printed = capsys.readouterr().out
    assert "钱晓红" in printed and ".jlreview" in printed
    paper = next(out.glob("*钱晓红*.xlsx"))
    # issuing again into the same folder would overwrite the experts' work: refused
    assert main(["packages", str(ws_path), str(out)]) == 1
    capsys.readouterr()

    cells = score_cells(paper)
    values = {}
    for filing_no in ("JLPT-2023-101", "JLPT-2023-102"):
        for ind in rubric.indicators:
            values[(cells[(filing_no, ind.code)], 4)] = ind.max_points - ind.step
    values[(cells[("JLPT-2023-104", "回避")], 4)] = "是"
    values[(cells[("JLPT-2023-104", "回避")], 5)] = "与依托单位有合作项目"
    filled = tmp_path / "钱晓红-已填.xlsx"
    refill(paper, filled, values)

    assert main(["paper", str(ws_path), str(filled)]) == 0
    assert "已录入 钱晓红 的纸质评分：2 个平台" in capsys.readouterr().out
    with open_workspace(ws_path) as w, w.session() as s:
        sheets = s.scalars(select(m.ScoreSheet).where(m.ScoreSheet.expert_id == 900002)).all()
        assert {(x.platform_id, x.provenance, x.source_file) for x in sheets} == {
            (101, "paper", filled.name),
            (102, "paper", filled.name),
        }
        assert all(x.entered_by for x in sheets)
        declared = s.scalars(select(m.Conflict).where(m.Conflict.source == "declared")).all()
        assert [(c.expert_id, c.platform_id, c.reason) for c in declared] == [
            (900002, 104, "与依托单位有合作项目")
        ]
        audit = s.scalars(select(m.AuditEntry.action)).all()
        assert audit.count("enter_paper_scores") == 2

    # the same sheet again is refused without --replace, and nothing changes
    before = dump(ws_path)
    assert main(["paper", str(ws_path), str(filled)]) == 1
    assert "已录入过 钱晓红 的纸质评分" in capsys.readouterr().err
    assert dump(ws_path) == before
    assert main(["paper", "--replace", str(ws_path), str(filled)]) == 0


def test_a_blank_paper_sheet_is_refused(tmp_path, capsys):
    ws = build_cycle(tmp_path, others_work=False)
    ws_path = ws.path
    ws.close()
    out = tmp_path / "packages"
    assert main(["packages", str(ws_path), str(out)]) == 0
    before = dump(ws_path)
    blank = next(out.glob("*钱晓红*.xlsx"))
    assert main(["--lang", "en", "paper", str(ws_path), str(blank)]) == 1
    assert "REFUSED" in capsys.readouterr().err
    assert dump(ws_path) == before
