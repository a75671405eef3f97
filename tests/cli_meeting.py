"""A small cycle's meeting through the command line, up to the experts' score files.

Shared by the whole-meeting test (tests/e2e/test_meeting_cli.py, on both engines) and the
tests of several processes changing one store on a server at once.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from broken_workbooks import sample_dossier, write_dossier_workbook

from jlpanel.cli import main
from jlpanel.exchange.roster_writer import RosterExpert, write_roster
from jlpanel.services import review as rv

PLATFORMS = [  # filing no, name, host unit, share of the maximum every expert gives
    ("JL-A", "吉林省甲分析测试平台", "吉林省甲研究所", 1.0),
    ("JL-B", "吉林省乙科学数据中心", "吉林省乙研究所", 0.75),
    ("JL-C", "吉林省丙种质资源库", "吉林省丙研究所", 0.5),
]
EXPERTS = ["赵一鸣", "钱二平", "孙三立", "李四海"]


def on_grid(value: float, step: float) -> float:
    return round(value / step) * step


def new_cycle(store: str) -> None:
    """``jlpanel new`` for the meeting's cycle."""
    command = ["new", store, "--cycle", "2026年度考核评价"]
    assert main([*command, "--start", "2024-01-01", "--end", "2025-12-31"]) == 0


def import_assign_and_issue(store: str, folder: Path) -> Path:
    """Dossiers, roster, assignment and packages, through the CLI; the packages' folder."""
    dossiers = folder / "dossiers"
    dossiers.mkdir()
    base = sample_dossier()
    for filing_no, name, host, _ in PLATFORMS:
        basic = dataclasses.replace(base.basic, filing_no=filing_no, name=name, host_unit=host)
        write_dossier_workbook(dossiers / f"{name}.xlsx", dataclasses.replace(base, basic=basic))
    assert main(["import", store, str(dossiers)]) == 0

    write_roster(
        folder / "experts.xlsx",
        [
            RosterExpert(name, f"外省第{n}大学", "教授", "仪器科学", "", ())
            for n, name in enumerate(EXPERTS)
        ],
    )
    assert main(["experts", store, str(folder / "experts.xlsx")]) == 0
    assert main(["assign", store]) == 0
    assert main(["packages", store, str(folder / "packages")]) == 0
    return folder / "packages"


def score_packages(packages: Path, scores: Path) -> list[Path]:
    """Every expert scores and submits, through the desk's service; the score files."""
    shares = {filing_no: share for filing_no, _, _, share in PLATFORMS}
    made = []
    for n, package in enumerate(sorted(packages.glob("*.jlreview"))):
        with rv.open_package(package) as session:
            for platform in session.platforms:
                rv.declare(session, platform.id, False)
                for ind in session.rubric.indicators:
                    # a little spread between experts, always on the step grid
                    value = on_grid(
                        float(ind.max_points) * shares[platform.filing_no], float(ind.step)
                    )
                    value = max(0.0, value - float(ind.step) * (n % 2))
                    rv.set_score(session, platform.id, ind.code, value)
                    if ind.requires_comment(value):
                        rv.set_comment(session, platform.id, ind.code, "材料不足")
            made.append(scores / f"{n}.jlscore")
            rv.submit(session, made[-1])
    return made
