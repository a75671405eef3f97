"""The demo's earlier cycle: the same panel's 2024 evaluation, confirmed in the demo's store.

:func:`build_earlier_cycle` runs that cycle the way a department did, through the same
services: the host units' dossiers for the 考核期 2022–2023, the roster, the assignment, one
review package per expert, every expert's signed score file, the merge, the results confirmed
on :data:`EARLIER_CONFIRMED_ON`, and the rectification follow-up since. So the demo's register
(平台名录) has a real history, and the current cycle's two-fails rule reads it from the store
with no history import:

* 吉林省地质资料科学数据中心 fails in 2024, its 整改报告 is received and its 复核 passed → 在册,
  and it passes now;
* 吉林省延边特色农作物种质资源库 fails in 2024, rectifies and passes its 复核 too, but fails
  again now: two fails in a row → 取消资格;
* every other platform filed before 2024 has its 2024 grade (:data:`_PREVIOUS`).

Packages and score files of the earlier cycle are made in a temporary folder and removed: what
the department keeps of a closed cycle is its store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import tempfile
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from jlpanel.services.demo import _PLANS, _build_dossier
from jlpanel.services.demo_scores import (
    _PREVIOUS,
    _RECOVERED,
    _SECOND_FAIL,
    PREVIOUS_CYCLE,
    PREVIOUS_PERIOD,
    score_demo_packages,
)

if TYPE_CHECKING:
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

#: The day the 2024 panel confirmed its results (the rectification deadlines count from it).
EARLIER_CONFIRMED_ON = dt.date(2024, 6, 28)
#: Who confirmed them.
EARLIER_AUTHOR = "省科技厅平台管理处（演示）"
#: The 2024 fails' follow-up, by plan number: report received, 复核 passed, the reason.
FOLLOW_UP: dict[int, tuple[dt.date, dt.date, str]] = {
    _RECOVERED: (
        dt.date(2025, 3, 14),
        dt.date(2025, 5, 20),
        "整改报告所列问题已逐项整改，经现场复核，服务记录和管理制度符合要求，复核通过。",
    ),
    _SECOND_FAIL: (
        dt.date(2025, 5, 30),
        dt.date(2025, 6, 24),
        "已补充服务记录和用户评价机制，基本完成整改，复核通过；服务量偏少的问题仍需持续关注。",
    ),
}

_REPORT = [
    "针对2024年度考核中专家组指出的问题，平台逐项制定了整改措施：",
    "一、补充完善资源目录和在线服务功能；",
    "二、建立用户评价收集和反馈机制；",
    "三、充实专职服务人员，规范服务记录。",
]


def build_earlier_cycle(
    store_path: Path,
    roster: Path,
    *,
    seed: int,
    numbers: Collection[int] | None = None,
    step: Callable[[str], None] | None = None,
) -> None:
    """Create the store at ``store_path`` with the demo's earlier cycle, run and confirmed.

    ``numbers`` keeps only those platforms (by plan number; the demo's smaller cycles), None
    all of them. ``step`` is told what is being done (progress). Everything goes through the
    services the GUI and the command line use; a failure here is a bug in them, raised as is.
    """
    from jlpanel.exchange.dossier_writer import replace_atomically, write_dossier_workbook
    from jlpanel.reports.simple_pdf import simple_pdf
    from jlpanel.services.experts import assign_experts, import_roster
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.merge import merge_score_files
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.panel import confirm_results
    from jlpanel.services.register import attach_report, record_review
    from jlpanel.services.workspace import create_workspace

    def say(message: str) -> None:
        if step is not None:
            step(message)

    plans = [
        p for p in _PLANS if p.number in _PREVIOUS and (numbers is None or p.number in numbers)
    ]
    with tempfile.TemporaryDirectory(prefix="jlpanel-demo-2024-") as scratch:
        folder = Path(scratch)
        say("生成上一周期（2024年度）的平台材料")
        paths: list[Path] = []
        for plan in plans:
            # The deliberate problems are this cycle's; in 2024 the dossiers were in order.
            built = _build_dossier(seed, dataclasses.replace(plan, problem=None), PREVIOUS_PERIOD)
            path = folder / "dossiers" / f"{plan.name}.xlsx"
            path.parent.mkdir(exist_ok=True)
            write_dossier_workbook(path, built.dossier)
            if built.attachments:
                files = path.parent / path.stem
                files.mkdir()
                for name, (title, paragraphs) in sorted(built.attachments.items()):
                    replace_atomically(files / name, simple_pdf(title, paragraphs))
            paths.append(path)

        say("上一周期：导入材料、分配专家、专家评分、合并评分并确定结果")
        with create_workspace(
            store_path,
            PREVIOUS_CYCLE,
            period_start=PREVIOUS_PERIOD[0],
            period_end=PREVIOUS_PERIOD[1],
            # A cycle being built: backing it up (before confirming, before the follow-up)
            # would only leave a backup folder per demo built.
            backup=False,
        ) as ws:
            refused = [o for o in import_dossiers(ws, paths) if not o.ok]
            if refused:
                raise RuntimeError(f"demo's 2024 dossiers refused: {refused}")
            import_roster(ws, roster)
            assign_experts(ws)
            issued = issue_packages(ws, folder / "packages", paper_sheets=False)
            scores = score_demo_packages(
                folder / "scores", [p.path for p in issued], seed=seed, earlier=True
            )
            merged = merge_score_files(ws, scores, backup_dir=None)
            if not all(o.ok for o in merged):
                raise RuntimeError(f"demo's 2024 score files refused: {merged}")
            _order_ties(ws)
            confirm_results(ws, on=EARLIER_CONFIRMED_ON, author=EARLIER_AUTHOR)

            # The follow-up since: both platforms that failed rectified and passed 复核.
            for plan in plans:
                if plan.number not in FOLLOW_UP:
                    continue
                received, reviewed, reason = FOLLOW_UP[plan.number]
                report = folder / f"{plan.name}整改报告.pdf"
                replace_atomically(report, simple_pdf(f"{plan.name}整改报告", _REPORT))
                attach_report(ws, plan.filing_no, received, report)
                record_review(
                    ws,
                    plan.filing_no,
                    passed=True,
                    reason=reason,
                    on=reviewed,
                    author=EARLIER_AUTHOR,
                )
    log.info("demo's earlier cycle built in %s: %d platforms", store_path, len(plans))


def _order_ties(ws: Workspace) -> None:
    """Order any exact tie that matters the way this panel did: by filing number (the demo's
    scores rarely tie; a real panel decides, and says why)."""
    from sqlalchemy import select

    from jlpanel.services.panel import order_tie
    from jlpanel.services.results import compute_workspace_results
    from jlpanel.storage import models as m

    ties = [t for t in compute_workspace_results(ws).ties if not t.decided]
    if not ties:
        return
    with ws.reading() as s:
        filing = {str(p): f for p, f in s.execute(select(m.Platform.id, m.Platform.filing_no))}
    for tie in ties:
        order_tie(
            ws, sorted(filing[p] for p in tie.members), "演示：专家组复议后按备案先后确定顺序"
        )
