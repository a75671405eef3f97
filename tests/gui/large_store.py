"""A store with many platforms, and a heartbeat that measures how long the GUI thread blocks.

The store is built once per session: platforms with a few service records each are written
with storage's bulk insert (importing hundreds of workbooks would take minutes), the roster
is imported and the experts assigned through the services, and most assigned experts have a
score sheet, as after a merge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from jlpanel.gui.common.tasks import pending_tasks

#: A heartbeat every few milliseconds: the longest wait between two beats is how long the GUI
#: thread was busy with something else.
BEAT_MS = 5


class Heartbeat:
    """Measures the longest gap between timer beats on the GUI thread."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._clock = QElapsedTimer()
        self.longest = 0

    def _beat(self) -> None:
        elapsed = self._clock.restart()
        self.longest = max(self.longest, elapsed)

    def measure(self, action: Callable[[], object], *, settle_ms: int = 150) -> int:
        """Run ``action`` and process events until every background task has delivered and
        ``settle_ms`` passed quietly; the longest gap in milliseconds (the action's own time
        included)."""
        app = QApplication.instance()
        assert app is not None
        self.longest = 0
        self._clock.start()
        self._timer.start()
        action()
        self._beat()  # the action itself blocks the thread
        deadline = time.monotonic() + 120
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            app.processEvents()
            if pending_tasks():
                quiet_since = time.monotonic()
            elif (time.monotonic() - quiet_since) * 1000 >= settle_ms:
                break
            time.sleep(0.001)
        self._timer.stop()
        return self.longest


def build_large_store(
    path: Path, *, platforms: int = 500, experts: int = 50, per_platform: int = 7
) -> Path:
    """A cycle with ``platforms`` platforms (3 service records each), ``experts`` experts
    (a few at a platform's host: conflicts), ``per_platform`` assigned to each, 90 % of the
    platforms scored by all their experts."""
    from broken_workbooks import sample_dossier
    from sqlalchemy import select

    from jlpanel.exchange.roster_writer import RosterExpert, write_roster
    from jlpanel.services.experts import assign_experts, import_roster
    from jlpanel.services.workspace import create_workspace
    from jlpanel.storage import models as m
    from jlpanel.storage.bulk import insert_rows
    from jlpanel.storage.dossiers import ROW_TABLES

    rnd = random.Random(16)
    path.parent.mkdir(parents=True, exist_ok=True)
    roster = path.parent / "专家名单.xlsx"
    write_roster(
        roster,
        [
            RosterExpert(
                f"专家{n:03d}",
                f"依托单位{n * 7}" if n % 10 == 0 else f"外省大学{n}",
                "教授",
                "分析测试",
                "13900000000",
                (),
            )
            for n in range(experts)
        ],
    )
    sample = sample_dossier()
    template = dataclasses.replace(sample, services=sample.services[:3])
    ws = create_workspace(
        path, "大规模考核周期", period_start=dt.date(2023, 1, 1), period_end=dt.date(2024, 12, 31)
    )
    try:
        with ws.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_rows(
                s,
                m.Platform,
                (
                    {
                        "cycle_id": cycle_id,
                        **dataclasses.asdict(
                            dataclasses.replace(
                                template.basic,
                                filing_no=f"JLPT-{n:04d}",
                                name=f"吉林省第{n}号科技资源共享服务平台",
                                host_unit=f"依托单位{n}",
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
        assert import_roster(ws, roster).ok
        assign_experts(ws, per_platform=per_platform)
        rubric = ws.cycle_info().rubric
        with ws.session() as s:
            pairs = s.execute(select(m.Assignment.expert_id, m.Assignment.platform_id)).all()
            scored = [(e, p) for e, p in pairs if p % 10 != 0]
            insert_rows(
                s,
                m.ScoreSheet,
                (
                    {"expert_id": e, "platform_id": p, "provenance": "package", "revision": 1}
                    for e, p in scored
                ),
            )
            sheets = s.execute(select(m.ScoreSheet.id, m.ScoreSheet.platform_id)).all()
            quality = {p: rnd.uniform(0.45, 0.98) for p in pids}
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
    finally:
        ws.close()
    return path
