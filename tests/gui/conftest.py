"""Fixtures for the GUI tests: a window, a real workspace, no modal boxes.

Settings, preferences, logs and backups are isolated by ``isolated_dirs`` in tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.shell.app import MainWindow, make_app


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The styled application in Chinese; back to Chinese afterwards."""
    application = make_app(language="zh")
    yield application
    apply_language("zh")


@dataclass
class Shown:
    """A message box the code asked for."""

    kind: str
    title: str
    text: str


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Record QMessageBox.warning/critical/information/about/question instead of blocking.

    A question is answered Yes.
    """
    shown: list[Shown] = []

    def recorder(kind: str) -> Any:
        def show(_parent: object, title: str, text: str, *_args: object, **_kwargs: object) -> Any:
            shown.append(Shown(kind, title, text))
            if kind == "question":  # the user agrees
                return QMessageBox.StandardButton.Yes
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information", "about", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return shown


@pytest.fixture
def window(app: QApplication, qtbot: Any, message_boxes: list[Shown]) -> Iterator[MainWindow]:
    """The main window, shown, on the start page."""
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    if main.workspace is not None:
        main.workspace.close()
        main.workspace = None


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Make the Save dialog answer ``tmp_path / "cycle"`` (no extension: the dialog adds it)."""
    answer = tmp_path / "files" / "cycle"
    answer.parent.mkdir(parents=True, exist_ok=True)

    def get_save_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(answer), "jlpanel (*.jlpanel)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answer


@pytest.fixture
def workspace_file(tmp_path: Path) -> Path:
    """A real workspace made with the same service the GUI uses."""
    from jlpanel.services.workspace import create_workspace

    path = tmp_path / "files" / "2025年度.jlpanel"
    path.parent.mkdir(parents=True, exist_ok=True)
    with create_workspace(
        path,
        "2025年度考核评价",
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2024, 12, 31),
    ):
        pass
    return path


# ------------------------------------------------------------------- dossier workbooks


def platform_dossier(
    name: str,
    filing_no: str,
    *,
    host_unit: str = "吉林大学",
    services: int = 3,
    paid_without_contract: bool = False,
) -> Any:
    """A valid dossier (the corpus's sample) renamed, with ``services`` service records.

    ``paid_without_contract`` makes the first service a paid one with no contract number,
    which the checks keep as a warning.
    """
    import dataclasses

    from broken_workbooks import sample_dossier

    sample = sample_dossier()
    basic = dataclasses.replace(
        sample.basic,
        name=name,
        filing_no=filing_no,
        host_unit=host_unit,
        credit_code="12220000412755980J",  # the sample's check character is wrong on purpose
    )
    template = sample.services
    rows = []
    for n in range(services):
        record = template[n % len(template)]
        day = dt.date(2023, 1, 2) + dt.timedelta(days=n % 700)
        rows.append(
            dataclasses.replace(
                record, source_row=n + 2, service_date=day, user_unit=f"{record.user_unit}{n // 3}"
            )
        )
    if paid_without_contract and rows:
        rows[0] = dataclasses.replace(rows[0], nature="有偿", fee_yuan=800.0, contract_no=None)
    return dataclasses.replace(sample, basic=basic, services=tuple(rows))


def write_platform(folder: Path, stem: str, dossier: Any) -> Path:
    """Write ``dossier`` as ``folder/stem.xlsx`` with its attachments in ``folder/stem/``."""
    from broken_workbooks import PDF

    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.xlsx"
    write_dossier_workbook(path, dossier)
    files = folder / stem
    files.mkdir(exist_ok=True)
    for name in ("论文1.pdf", "工作总结.pdf"):
        (files / name).write_bytes(PDF)
    return path


@pytest.fixture
def dossier_files(tmp_path: Path) -> list[Path]:
    """Two valid dossiers and a text file named like a workbook."""
    folder = tmp_path / "材料"
    first = write_platform(
        folder,
        "平台A",
        platform_dossier(
            "吉林省分析测试资源共享服务平台",
            "JLKJ-2021-007",
            services=12,
            paid_without_contract=True,
        ),
    )
    second = write_platform(
        folder,
        "平台B",
        platform_dossier(
            "吉林省农业种质资源库", "JLKJ-2022-013", host_unit="吉林农业大学", services=3
        ),
    )
    broken = folder / "平台C.xlsx"
    broken.write_text("平台名称,备案编号\n吉林省X平台,JL-1\n", "utf-8")
    return [first, second, broken]


# ------------------------------------------------------------------- experts and packages

#: The panel of the expert-mode tests. 王志刚 works at 吉林大学, the host of the first platform
#: (a same-institution conflict); 张宏伟's roster names 吉林农业大学, the second's host.
PANEL = (
    ("王志刚", "吉林大学", "教授", "材料科学与工程", ()),
    ("刘淑芬", "东北师范大学", "研究员", "分析化学", ()),
    ("张宏伟", "东北林业大学", "教授", "林木遗传育种", ("吉林农业大学",)),
    ("陈晓燕", "吉林省科学技术信息研究所", "研究员", "科技管理与情报", ()),
    ("李建军", "哈尔滨工业大学", "教授", "仪器科学与技术", ()),
)
#: The expert whose package the expert-mode tests open (no conflict with either platform).
REVIEWER = "刘淑芬"


def write_roster_file(path: Path, panel: Any = PANEL) -> Path:
    """An expert roster workbook made with the app's own writer."""
    from jlpanel.exchange.roster_writer import RosterExpert, write_roster

    path.parent.mkdir(parents=True, exist_ok=True)
    write_roster(
        path,
        [
            RosterExpert(name, unit, title, field, "13900000000", tuple(avoid))
            for name, unit, title, field, avoid in panel
        ],
    )
    return path


@dataclass
class CycleFiles:
    """A workspace with two imported dossiers, and roster workbooks to import into it."""

    workspace: Path
    roster: Path
    #: Only three experts, one at the first platform's host: assigning must be refused.
    short_roster: Path


@pytest.fixture
def cycle_files(tmp_path: Path, dossier_files: list[Path]) -> CycleFiles:
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import open_workspace

    workspace = tmp_path / "files" / "2025年度.jlpanel"
    if not workspace.exists():
        from jlpanel.services.workspace import create_workspace

        workspace.parent.mkdir(parents=True, exist_ok=True)
        create_workspace(
            workspace,
            "2025年度考核评价",
            period_start=dt.date(2023, 1, 1),
            period_end=dt.date(2024, 12, 31),
        ).close()
    with open_workspace(workspace) as ws:
        outcomes = import_dossiers(ws, dossier_files[:2])
    assert all(o.ok for o in outcomes), [o.findings for o in outcomes]
    roster = write_roster_file(tmp_path / "名单" / "专家名单.xlsx")
    short = write_roster_file(tmp_path / "名单" / "三位专家.xlsx", [PANEL[0], PANEL[1], PANEL[3]])
    return CycleFiles(workspace, roster, short)


@dataclass
class IssuedFiles:
    """Packages issued from a real workspace; the reviewer's, and the workspace's key for it."""

    workspace: Path
    package: Path
    hmac_key: bytes
    platform_names: list[str]


def issue_cycle_packages(cycle: CycleFiles, outdir: Path) -> IssuedFiles:
    """Import the roster, assign every conflict-free expert, issue the packages."""
    from sqlalchemy import select

    from jlpanel.services.experts import assign_experts, import_roster
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.workspace import open_workspace
    from jlpanel.storage import models as m

    with open_workspace(cycle.workspace) as ws:
        assert import_roster(ws, cycle.roster).ok
        assign_experts(ws)
        issued = issue_packages(ws, outdir, paper_sheets=False)
        mine = next(i for i in issued if i.expert_name == REVIEWER)
        with ws.session() as s:
            key = s.scalars(
                select(m.ReviewPackage.hmac_key).where(m.ReviewPackage.id == mine.package_id)
            ).one()
            names = list(s.scalars(select(m.Platform.name).order_by(m.Platform.id)))
    return IssuedFiles(cycle.workspace, mine.path, key, names)


@pytest.fixture
def issued(cycle_files: CycleFiles, tmp_path: Path) -> IssuedFiles:
    """The reviewer's package, issued from the cycle with both platforms assigned."""
    return issue_cycle_packages(cycle_files, tmp_path / "评审包")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo cycle built once per module: workspace, score files, history imported."""
    from jlpanel.services.demo import build_demo

    folder = tmp_path_factory.mktemp("demo") / "demo"
    build_demo(folder)
    return folder


@pytest.fixture
def demo(demo_folder: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo folder for one test (merging changes the workspace)."""
    target = tmp_path / "demo"
    shutil.copytree(demo_folder, target)
    return target
