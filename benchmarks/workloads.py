"""Synthetic workloads for the benchmarks: cycles of realistic size built through the services."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from jlpanel.domain.dossier import Dossier
from jlpanel.domain.rules import GRADE_ORDER
from jlpanel.services.workspace import Workspace, create_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows


def build_scored_cycle(
    path: Path,
    *,
    platforms: int = 200,
    experts: int = 7,
    history_cycles: int = 3,
    seed: int = 20261127,
) -> Path:
    """A workspace with ``platforms`` × ``experts`` complete score sheets and earlier grades."""
    rnd = random.Random(seed)
    ws: Workspace = create_workspace(
        path, "基准测试周期", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31)
    )
    try:
        rubric = ws.cycle_info().rubric
        with ws.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_rows(
                s,
                m.Platform,
                (
                    {
                        "cycle_id": cycle_id,
                        "filing_no": f"JLPT-{n:04d}",
                        "name": f"吉林省第{n}号科技资源共享服务平台",
                        "host_unit": f"依托单位{n}",
                    }
                    for n in range(platforms)
                ),
            )
            insert_rows(
                s,
                m.Expert,
                (
                    {"cycle_id": cycle_id, "name": f"专家{n}", "institution": f"单位{n}"}
                    for n in range(experts)
                ),
            )
            platform_ids = list(s.scalars(select(m.Platform.id).order_by(m.Platform.id)))
            expert_ids = list(s.scalars(select(m.Expert.id).order_by(m.Expert.id)))
            insert_rows(
                s,
                m.ScoreSheet,
                (
                    {"expert_id": e, "platform_id": p, "provenance": "package", "revision": 1}
                    for p in platform_ids
                    for e in expert_ids
                ),
            )
            sheets = s.execute(select(m.ScoreSheet.id, m.ScoreSheet.platform_id)).all()
            quality = {p: rnd.uniform(0.45, 0.98) for p in platform_ids}
            rows = []
            for sheet_id, platform_id in sheets:
                for ind in rubric.indicators:
                    share = min(1.0, max(0.0, quality[platform_id] + rnd.gauss(0, 0.08)))
                    points = round(share * float(ind.max_points) / float(ind.step)) * float(
                        ind.step
                    )
                    low = ind.requires_comment(Decimal(repr(points)))
                    rows.append(
                        {
                            "sheet_id": sheet_id,
                            "indicator_code": ind.code,
                            "points": points,
                            "comment": "材料不足，服务记录偏少" if low else None,
                        }
                    )
            insert_rows(s, m.IndicatorScore, rows)
            insert_rows(
                s,
                m.HistoryEntry,
                (
                    {
                        "filing_no": f"JLPT-{n:04d}",
                        "platform_name": f"吉林省第{n}号科技资源共享服务平台",
                        "cycle_name": f"{2019 + 2 * c}年度考核",
                        "cycle_end": dt.date(2019 + 2 * c, 12, 31),
                        "grade": rnd.choice(GRADE_ORDER).value,
                        "source": "benchmark",
                    }
                    for n in range(platforms)
                    for c in range(history_cycles)
                ),
            )
    finally:
        ws.close()
    return path


def synthetic_dossier(n: int, *, services: int, resources: int = 50, seed: int = 0) -> Dossier:
    """A valid dossier with ``services`` service records, for import workloads."""
    from jlpanel.domain.credit_code import make_credit_code
    from jlpanel.domain.dossier import (
        PUBLIC_INTEREST_CATEGORIES,
        USER_TYPES,
        BasicInfo,
        FundingLine,
        Outcome,
        Regulation,
        Resource,
        ServiceRecord,
        StaffMember,
    )

    rnd = random.Random(seed * 7919 + n)
    codes = [f"R{n:03d}-{k:04d}" for k in range(resources)]
    users = [(f"长春第{k}用户单位", USER_TYPES[k % len(USER_TYPES)]) for k in range(120)]
    start = dt.date(2024, 1, 1)
    rows = []
    for k in range(services):
        unit, kind = rnd.choice(users)
        paid = rnd.random() < 0.6
        rows.append(
            ServiceRecord(
                source_row=k + 2,
                service_date=start + dt.timedelta(days=rnd.randrange(730)),
                user_unit=unit,
                user_type=kind,
                is_external=True,
                is_out_of_province=rnd.random() < 0.2,
                content=f"检测服务{k}",
                resource_codes=rnd.choice(codes),
                volume=float(rnd.randrange(1, 40)),
                unit="机时",
                fee_yuan=float(rnd.randrange(100, 9000)) if paid else 0.0,
                nature="有偿" if paid else "无偿",
                contract_no=f"HT-{n}-{k}" if paid else None,
                public_interest_category=None if paid else rnd.choice(PUBLIC_INTEREST_CATEGORIES),
                supported_project=f"项目{rnd.randrange(60)}",
                satisfaction=rnd.choice((4, 5, 5)),
            )
        )
    return Dossier(
        basic=BasicInfo(
            name=f"吉林省第{n}号分析测试平台",
            filing_no=f"JLBM-{n:04d}",
            name_en=f"Jilin Provincial No {n} Testing Platform",
            resource_type="科研设施与仪器",
            host_unit=f"吉林省第{n}研究所",
            credit_code=make_credit_code(f"12220100MB{n:07d}"[:17]),
            service_start_date=dt.date(2015, 1, 1),
            period_start=start,
            period_end=dt.date(2025, 12, 31),
        ),
        resources=tuple(
            Resource(
                source_row=k + 2,
                resource_code=c,
                name=f"仪器{c}",
                category="分析仪器",
                quantity=1.0,
                unit="台",
                original_value=float(rnd.randrange(5, 900)),
                stored_on=dt.date(2016, 1, 1),
                open_share=True,
                share_mode="线下预约",
                online_status="在线",
            )
            for k, c in enumerate(codes)
        ),
        services=tuple(rows),
        outcomes=(Outcome(source_row=2, kind="论文", name="支撑论文", outcome_date=start),),
        staff=tuple(
            StaffMember(
                source_row=k + 2,
                name=f"人员{k}",
                role="技术员",
                full_time=True,
                title="工程师",
                education="硕士",
                effort_share=1.0,
            )
            for k in range(8)
        ),
        funding=(
            FundingLine(
                source_row=2, year=2024, category="财政", is_income=True, amount_10k_yuan=120.0
            ),
        ),
        regulations=(
            Regulation(
                source_row=2,
                name="开放共享管理办法",
                document_no="1号",
                issued_on=dt.date(2020, 1, 1),
            ),
        ),
        work_summary="本平台考核期内运行良好。",
    )


def build_dossier_folder(folder: Path, *, count: int, services_each: int) -> list[Path]:
    """``count`` dossier workbooks in ``folder`` (kept between runs: writing them is slow)."""
    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"dossier-{n:03d}-{services_each}.xlsx"
        if not path.exists():
            write_dossier_workbook(path, synthetic_dossier(n, services=services_each))
        paths.append(path)
    return paths


def wordy_dossier(n: int, *, services: int) -> Dossier:
    """A valid dossier whose every service row has its own long texts, and a long summary.

    The worst an honest dossier does to the shared strings: user unit, content, contract
    and project differ on every row (four new strings a row, ~300 bytes of UTF-8), and the
    work summary is 12,000 characters.
    """
    import dataclasses

    dossier = synthetic_dossier(n, services=services)
    rows = tuple(
        dataclasses.replace(
            row,
            user_unit=f"长春市第{k}号用户单位新材料科技有限公司",
            content=f"为用户单位开展第{k}批样品的扫描电镜形貌表征、能谱成分分析与结果解读服务",
            contract_no=f"HT-2024-{k:06d}",
            supported_project=f"吉林省科技发展计划项目第{k}号：先进材料微观结构表征研究",
        )
        for k, row in enumerate(dossier.services)
    )
    return dataclasses.replace(
        dossier, services=rows, work_summary="本平台考核期内运行良好，" * 1000
    )


def build_row_limit_dossier(folder: Path, *, services: int = 200_000) -> Path:
    """The wordy dossier at the row limit, in ``folder`` (kept between runs: ~20 s to write)."""
    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"wordy-{services}.xlsx"
    if not path.exists():
        write_dossier_workbook(path, wordy_dossier(1, services=services))
    return path


def build_assigned_cycle(
    path: Path, *, platforms: int = 200, experts: int = 25, services_each: int = 1000
) -> Path:
    """A workspace with imported-looking dossiers, ``experts`` experts all assigned to all."""
    import dataclasses

    from jlpanel.storage.dossiers import ROW_TABLES

    ws = create_workspace(
        path, "评审包基准", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31)
    )
    try:
        with ws.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            template = synthetic_dossier(0, services=services_each)
            insert_rows(
                s,
                m.Platform,
                (
                    {
                        "cycle_id": cycle_id,
                        **dataclasses.asdict(
                            dataclasses.replace(
                                template.basic,
                                filing_no=f"JLBM-{n:04d}",
                                name=f"吉林省第{n}号分析测试平台",
                                host_unit=f"吉林省第{n}研究所",
                            )
                        ),
                    }
                    for n in range(platforms)
                ),
            )
            pids = list(s.scalars(select(m.Platform.id).order_by(m.Platform.id)))
            for attribute, model in ROW_TABLES:
                rows = getattr(template, attribute)
                insert_rows(
                    s,
                    model,
                    (
                        {
                            "platform_id": pid,
                            **{f.name: getattr(r, f.name) for f in dataclasses.fields(r)},
                        }
                        for pid in pids
                        for r in rows
                    ),
                )
            insert_rows(
                s,
                m.PlatformMetric,
                (
                    {"platform_id": pid, "key": "service_count", "value": float(services_each)}
                    for pid in pids
                ),
            )
            insert_rows(
                s,
                m.Expert,
                (
                    {"cycle_id": cycle_id, "name": f"专家{n:02d}", "institution": f"外省大学{n}"}
                    for n in range(experts)
                ),
            )
            eids = list(s.scalars(select(m.Expert.id)))
            insert_rows(
                s, m.Assignment, ({"expert_id": e, "platform_id": p} for e in eids for p in pids)
            )
    finally:
        ws.close()
    return path
