"""Synthetic workloads for the benchmarks: cycles of realistic size built through the services."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sqlalchemy import select

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
                    points = round(share * ind.max_points / ind.step) * ind.step
                    low = ind.requires_comment(points)
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
