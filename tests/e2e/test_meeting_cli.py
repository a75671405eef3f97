"""A whole meeting through the command line, on a small cycle built in code, in a store on
each engine: a .jlpanel file and a PostgreSQL database (issue 15).

new → import dossiers → roster → assign → packages → experts score and submit → merge →
consensus → results → confirm → reports → export. The experts' desk is a GUI; here each expert's
package is scored through the same service the desk calls (services.review).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

from cli_meeting import EXPERTS, PLATFORMS, import_assign_and_issue, new_cycle, score_packages
from pypdf import PdfReader
from python_calamine import CalamineWorkbook
from stores import is_server

from jlpanel.cli import main


def test_a_whole_meeting_through_the_command_line(tmp_path: Path, capsys, any_store) -> None:
    ws = any_store
    new_cycle(ws)
    packages = import_assign_and_issue(ws, tmp_path)
    capsys.readouterr()
    scores = tmp_path / "usb"
    score_packages(packages, scores)

    assert main(["merge", str(ws), str(scores)]) == 0
    assert "所有分配的评分均已到齐" in capsys.readouterr().out
    assert main(["adjust", str(ws), "JL-B", "80", "--reason", "专家组讨论：服务成效突出"]) == 0
    capsys.readouterr()
    assert main(["results", str(ws), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    ranked = [r[2] for r in rows[1:]]  # rank, filing no., name …
    assert ranked == [name for _, name, _, _ in PLATFORMS]
    assert rows[2][3] == "80.00" and "良好" in rows[2]
    assert "不合格" in rows[3] and "限期整改" in rows[3]
    assert main(["confirm", str(ws), "--date", "2026-03-01"]) == 0
    assert "2026-03-01" in capsys.readouterr().out

    reports = tmp_path / "reports"
    assert main(["report", str(ws), str(reports)]) == 0
    summary = "".join(p.extract_text() for p in PdfReader(reports / "汇总表.pdf").pages)
    for _, name, _, _ in PLATFORMS:
        assert name in summary
    assert "优秀" in summary and "良好" in summary and "不合格" in summary
    report_b = "".join(
        p.extract_text() for p in PdfReader(reports / "评价报告-吉林省乙科学数据中心.pdf").pages
    )
    assert "专家组讨论：服务成效突出" in report_b and "80.00" in report_b
    assert not any(name in report_b for name in EXPERTS)  # comments are anonymised
    assert (reports / "整改通知书-吉林省丙种质资源库.pdf").exists()
    sheet = "".join(
        p.extract_text() for p in PdfReader(next(reports.glob("专家个人评分表-赵一鸣*"))).pages
    )
    assert "赵一鸣" in sheet

    out = tmp_path / "结果.xlsx"
    assert main(["export", str(ws), str(out)]) == 0
    book = CalamineWorkbook.from_path(str(out))
    results = book.get_sheet_by_name("结果汇总").to_python()
    header = [str(h) for h in results[0]]
    names = [row[header.index("平台名称")] for row in results[1:]]
    assert names == [name for _, name, _, _ in PLATFORMS]
    long = book.get_sheet_by_name("评分明细").to_python()
    assert len(long) - 1 == len(EXPERTS) * len(PLATFORMS) * 15
    if is_server(ws):
        # no file backups of a server's store: its snapshot is asked for
        capsys.readouterr()
        assert main(["results", ws, "--csv"]) == 0
        confirmed = capsys.readouterr().out
        assert "2027-03-01" in confirmed  # 限期整改's deadline runs from the confirmation
        assert main(["backup", ws, str(tmp_path / "copy.jlpanel")]) == 0
        assert main(["results", str(tmp_path / "copy.jlpanel"), "--csv"]) == 0
        assert capsys.readouterr().out.endswith(confirmed)
        return
    # the workspace itself: one audit trail, nothing outside it changed by the outputs
    digest = hashlib.sha256(Path(ws).read_bytes()).hexdigest()
    assert main(["export", str(ws), str(tmp_path / "again.csv")]) == 0
    assert hashlib.sha256(Path(ws).read_bytes()).hexdigest() == digest
