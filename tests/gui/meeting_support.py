"""A small cycle for the report and meeting tests: three platforms' dossiers, four experts,
and the experts' scoring done through services.review (the desk's own service)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from broken_workbooks import sample_dossier

from jlpanel.exchange.dossier_writer import write_dossier_workbook
from jlpanel.exchange.roster_writer import RosterExpert, write_roster
from jlpanel.services import review as rv

CYCLE = "2026年度考核评价"
PERIOD = (dt.date(2024, 1, 1), dt.date(2025, 12, 31))

#: filing no, name, host unit, the share of each indicator's maximum every expert gives.
PLATFORMS = (
    ("JL-A", "吉林省甲分析测试平台", "吉林省甲研究所", 1.0),
    ("JL-B", "吉林省乙科学数据中心", "吉林省乙研究所", 0.75),
    ("JL-C", "吉林省丙种质资源库", "吉林省丙研究所", 0.5),
)
SHARES = {filing_no: share for filing_no, _, _, share in PLATFORMS}
NAMES = [name for _, name, _, _ in PLATFORMS]
EXPERTS = ("赵一鸣", "钱二平", "孙三立", "李四海")
#: A comment for the indicators whose score needs one.
POOR_COMMENT = "材料不足"


def write_dossiers(folder: Path) -> list[Path]:
    """The three platforms' dossier workbooks, variations of the corpus's sample."""
    folder.mkdir(parents=True, exist_ok=True)
    base = sample_dossier()
    paths = []
    for filing_no, name, host, _ in PLATFORMS:
        basic = dataclasses.replace(base.basic, filing_no=filing_no, name=name, host_unit=host)
        path = folder / f"{filing_no}.xlsx"
        write_dossier_workbook(path, dataclasses.replace(base, basic=basic))
        paths.append(path)
    return paths


def write_roster_file(path: Path) -> Path:
    """Four experts from outside the province: no conflicts with any host unit."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_roster(
        path,
        [
            RosterExpert(name, f"外省第{n}大学", "教授", "仪器科学", "", ())
            for n, name in enumerate(EXPERTS, 1)
        ],
    )
    return path


def points_for(filing_no: str, max_points: float, step: float, spread: int) -> float:
    """An expert's points: the platform's share of the maximum, ``spread`` steps lower."""
    max_points, step = float(max_points), float(step)
    value = round(max_points * SHARES[filing_no] / step) * step
    return max(0.0, value - step * spread)


def score_package(package: Path, out: Path, spread: int) -> Path:
    """Score every platform of ``package`` and submit the score file to ``out``."""
    with rv.open_package(package) as session:
        for platform in session.platforms:
            rv.declare(session, platform.id, False)
            for ind in session.rubric.indicators:
                value = points_for(platform.filing_no, ind.max_points, ind.step, spread)
                rv.set_score(session, platform.id, ind.code, value)
                if ind.requires_comment(value):
                    rv.set_comment(session, platform.id, ind.code, POOR_COMMENT)
        rv.submit(session, out)
    return out


def build_scored_cycle(folder: Path) -> Path:
    """A workspace with the three platforms scored by all four experts, merged."""
    from jlpanel.services.experts import assign_experts, import_roster
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.merge import merge_score_files
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.workspace import create_workspace

    path = folder / "files" / "2026年度.jlpanel"
    path.parent.mkdir(parents=True, exist_ok=True)
    with create_workspace(path, CYCLE, period_start=PERIOD[0], period_end=PERIOD[1]) as ws:
        outcomes = import_dossiers(ws, write_dossiers(folder / "材料"))
        assert all(o.ok for o in outcomes), [o.findings for o in outcomes]
        assert import_roster(ws, write_roster_file(folder / "名单" / "专家.xlsx")).ok
        assign_experts(ws)
        issued = issue_packages(ws, folder / "评审包", paper_sheets=False)
        scores = folder / "评分"
        for n, item in enumerate(sorted(issued, key=lambda i: i.expert_name)):
            score_package(item.path, scores / f"{n}.jlscore", n % 2)
        merged = merge_score_files(ws, [scores], backup_dir=None)
        assert all(o.ok for o in merged), [o.findings for o in merged]
    return path


@contextmanager
def opened_copy(scored_folder: Path, target: Path) -> Iterator[Any]:
    """A fresh copy of :func:`build_scored_cycle`'s folder at ``target``, its workspace open
    (closed once the background tasks are done)."""
    from PySide6.QtCore import QThreadPool

    from jlpanel.services.workspace import open_workspace

    shutil.copytree(scored_folder, target)
    ws = open_workspace(target / "2026年度.jlpanel")
    try:
        yield ws
    finally:
        QThreadPool.globalInstance().waitForDone()
        ws.close()
