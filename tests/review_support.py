"""Shared by the review-package tests: a small cycle built in code, and paper-sheet filling."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import select

from jlpanel.exchange.paper_sheet import SCORE_SHEET
from jlpanel.services import review as rv
from jlpanel.services.workspace import Workspace, create_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

CYCLE_NAME = "2026年度吉林省科技资源共享服务平台考核"


PLATFORMS = (101, 102, 103, 104)


#: id, name, institution — none of these strings occurs in any dossier.
EXPERTS = (
    (900001, "赵明远", "吉林大学化学学院"),
    (900002, "钱晓红", "东北师范大学生命科学学院"),
    (900003, "孙立群", "中国科学院长春光学精密机械与物理研究所"),
)


CONFLICT = (900002, 103, "曾任该平台技术顾问（钱晓红本人声明）")


def build_cycle(folder: Path, *, others_work: bool = True) -> Workspace:
    """A workspace with 4 platforms with dossiers, 3 experts all assigned, one conflict.

    With ``others_work`` the workspace also holds merged scores of experts 2 and 3, which must
    never reach expert 1's package.
    """
    ws = create_workspace(
        folder / "cycle.jlpanel",
        CYCLE_NAME,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2025, 12, 31),
    )
    cycle_id = ws.cycle_info().id
    with ws.session() as s:
        insert_rows(
            s,
            m.Platform,
            [
                {
                    "id": pid,
                    "cycle_id": cycle_id,
                    "filing_no": f"JLPT-2023-{pid}",
                    "name": f"吉林省第{n}分析测试资源共享服务平台",
                    "host_unit": f"吉林省第{n}研究院",
                    "director": f"负责人{n}",
                    "contact_phone": f"0431-8500{n}",
                    "service_start_date": dt.date(2020, 1, n),
                }
                for n, pid in enumerate(PLATFORMS, 1)
            ],
        )
        insert_rows(
            s,
            m.ServiceRecord,
            [
                {
                    "platform_id": pid,
                    "source_row": row,
                    "service_date": dt.date(2024, row, 1),
                    "user_unit": f"长春用户单位{pid}-{row}",
                    "user_type": "民营企业",
                    "is_external": True,
                    "volume": float(row),
                    "nature": "无偿",
                    "public_interest_category": "公益性科研",
                    "satisfaction": 5,
                }
                for pid in PLATFORMS
                for row in range(2, 8)
            ],
        )
        insert_rows(
            s,
            m.StaffMember,
            [
                {"platform_id": pid, "source_row": 2, "name": f"工程师{pid}", "full_time": True}
                for pid in PLATFORMS
            ],
        )
        insert_rows(
            s,
            m.Attachment,
            [
                {
                    "platform_id": pid,
                    "name": "服务成效证明.pdf",
                    "media_type": "application/pdf",
                    "size": 9,
                    "sha256": hashlib.sha256(b"%PDF-" + str(pid).encode()).hexdigest(),
                    "data": b"%PDF-" + str(pid).encode(),
                }
                for pid in PLATFORMS
            ],
        )
        insert_rows(
            s,
            m.DossierFinding,
            [
                {
                    "platform_id": 102,
                    "severity": "warning",
                    "sheet": "服务记录",
                    "row": 3,
                    "column": "合同编号",
                    "code": "service.paid_without_contract",
                    "message_zh": "有偿服务缺少合同编号",
                    "message_en": "paid service without a contract number",
                }
            ],
        )
        insert_rows(
            s,
            m.PlatformMetric,
            [{"platform_id": pid, "key": "service_count", "value": 6.0} for pid in PLATFORMS],
        )
        insert_rows(
            s,
            m.WorkSummary,
            [{"platform_id": pid, "text": f"平台{pid}的工作总结"} for pid in PLATFORMS],
        )
        insert_rows(
            s,
            m.Expert,
            [
                {"id": eid, "cycle_id": cycle_id, "name": name, "institution": inst}
                for eid, name, inst in EXPERTS
            ],
        )
        insert_rows(
            s,
            m.Assignment,
            [{"expert_id": eid, "platform_id": pid} for eid, _, _ in EXPERTS for pid in PLATFORMS],
        )
        expert, platform, reason = CONFLICT
        insert_rows(
            s,
            m.Conflict,
            [{"expert_id": expert, "platform_id": platform, "source": "roster", "reason": reason}],
        )
        if others_work:
            for eid, name, _ in EXPERTS[1:]:
                sheet = m.ScoreSheet(
                    expert_id=eid,
                    platform_id=101,
                    provenance="package",
                    revision=1,
                    overall_comment=f"{name}的机密总评",
                )
                s.add(sheet)
                s.flush()
                s.add(
                    m.IndicatorScore(
                        sheet_id=sheet.id, indicator_code="A1", points=7.5, comment=f"{name}评语"
                    )
                )
    return ws


def key_of(ws: Workspace, package_id: str) -> bytes:
    with ws.session() as s:
        return s.scalars(
            select(m.ReviewPackage.hmac_key).where(m.ReviewPackage.id == package_id)
        ).one()


def score_everything(session: rv.ReviewSession, *, points: float | None = None) -> None:
    """Declare no conflict on every platform and give every indicator a valid score."""
    for platform in session.platforms:
        rv.declare(session, platform.id, False)
        for indicator in session.rubric.indicators:
            value = points if points is not None else indicator.max_points - indicator.step
            rv.set_score(session, platform.id, indicator.code, value)


def refill(source: Path, target: Path, values: dict[tuple[int, int], object]) -> None:
    """Write a copy of a workbook with some cells filled, as a person would in Excel."""
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(source))
    out = xlsxwriter.Workbook(str(target))
    for name in workbook.sheet_names:
        grid = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        sheet = out.add_worksheet(name)
        for r, row in enumerate(grid):
            for c, value in enumerate(row):
                if value != "":
                    sheet.write(r, c, value)
        if name == SCORE_SHEET:
            for (r, c), value in values.items():
                sheet.write(r, c, value)
        else:
            sheet.hide()
    out.close()


def score_cells(path: Path) -> dict[tuple[str, str], int]:
    """(filing no, code in column A) → 0-based row, found by reading the blank sheet."""
    from python_calamine import CalamineWorkbook

    grid = (
        CalamineWorkbook.from_path(str(path))
        .get_sheet_by_name(SCORE_SHEET)
        .to_python(skip_empty_area=False)
    )
    cells: dict[tuple[str, str], int] = {}
    filing_no = ""
    for r, row in enumerate(grid):
        if row and row[0] == "备案编号":
            filing_no = str(row[1])
        elif row and row[0] and filing_no:
            cells[(filing_no, str(row[0]))] = r
    return cells


def signed_cycle(folder: Path) -> tuple[Path, list[Path]]:
    """:func:`build_cycle` (closed), and each expert's signed score file, everything scored."""
    from jlpanel.services.packages import issue_packages

    ws = build_cycle(folder, others_work=False)
    files = []
    for package in issue_packages(ws, folder / "out", paper_sheets=False):
        with rv.open_package(package.path) as session:
            score_everything(session)
            out = folder / "usb" / rv.default_score_file_name(session)
            out.parent.mkdir(exist_ok=True)
            rv.submit(session, out)
        files.append(out)
    path = ws.path
    ws.close()
    return path, files
