"""jlpanel experts / assign through the command line, on dossiers imported the usual way."""

from __future__ import annotations

import dataclasses

from broken_workbooks import sample_dossier, write_dossier_workbook

from jlpanel.cli import main
from jlpanel.exchange.roster_writer import RosterExpert, write_roster


def test_roster_conflicts_and_assignment(tmp_path, capsys):
    ws = tmp_path / "c.jlpanel"
    assert (
        main(["new", str(ws), "--cycle", "周期", "--start", "2024-01-01", "--end", "2025-12-31"])
        == 0
    )
    base = sample_dossier()  # host unit 吉林大学
    for n, host in enumerate(["吉林大学", "延边大学", "北华大学"]):
        basic = dataclasses.replace(
            base.basic, filing_no=f"JL-{n}", host_unit=host, name=f"吉林省第{n}资源共享服务平台"
        )
        write_dossier_workbook(tmp_path / f"d{n}.xlsx", dataclasses.replace(base, basic=basic))
    assert main(["import", str(ws), *(str(tmp_path / f"d{n}.xlsx") for n in range(3))]) == 0
    experts = [
        RosterExpert("王一", "吉林大学化学学院", "教授", "化学", "", ()),
        RosterExpert("李二", "长春工业大学", "教授", "材料", "", ("延边大学",)),
        RosterExpert("张三", "东北师范大学", "研究员", "生物", "", ()),
        RosterExpert("赵四", "长春理工大学", "教授", "光电", "", ()),
    ]
    write_roster(tmp_path / "experts.xlsx", experts)
    capsys.readouterr()
    assert main(["experts", str(ws), str(tmp_path / "experts.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "4 位专家；回避 2 项（同单位 1，名单回避单位 1）" in out
    assert "王一 — 吉林省第0资源共享服务平台（JL-0）：同单位回避" in out
    # a second import without --replace is refused
    assert main(["experts", str(ws), str(tmp_path / "experts.xlsx")]) == 1
    capsys.readouterr()

    assert main(["assign", str(ws)]) == 0
    out = capsys.readouterr().out
    assert "4 位专家评审 3 个平台，共 10 份" in out  # 12 pairs less the 2 conflicts
    # four experts, one conflicted on each of two platforms: 4 per platform is impossible
    assert main(["--lang", "en", "assign", str(ws), "--per-platform", "4"]) == 1
    err = capsys.readouterr().err
    assert "吉林省第0资源共享服务平台 (JL-0): 3 conflict-free expert(s), 4 needed" in err
    assert main(["assign", str(ws), "--per-platform", "0"]) == 2
