"""W4: the 200-platform report set and the results export, against plain reportlab.

    python benchmarks/bench_reports.py            (or wire ``bench_reports`` into run.py)

The report set is every platform's evaluation report (评价报告) plus the results summary
(汇总表). Its yardstick is a minimal reportlab document written directly in the same run: for
each file jlpanel wrote, a canvas with the same number of pages, the same font and the same
text, line by line (``drawString``; no tables, no layout) — what any PDF of those pages costs
at least, font subsetting included. Goal: ≤ 1.0× that, on every core (issue 16; ≤ 1.3× before).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from run import measure, report


def build_report_cycle(path: Path, *, platforms: int = 200, experts: int = 7) -> Path:
    """A scored cycle (W3's) whose platforms also have basic info, metrics and comments."""
    from sqlalchemy import select, update
    from workloads import build_scored_cycle

    from jlpanel.services.workspace import open_workspace
    from jlpanel.storage import models as m
    from jlpanel.storage.bulk import insert_rows

    build_scored_cycle(path, platforms=platforms, experts=experts, history_cycles=1)
    rnd = random.Random(4)
    with open_workspace(path) as ws, ws.session() as s:
        s.execute(
            update(m.Platform).values(
                resource_type="科研设施与仪器",
                supervising_department="吉林省科学技术厅",
                director="张建国",
                filing_date=dt.date(2021, 6, 1),
                service_start_date=dt.date(2020, 3, 1),
                period_start=dt.date(2024, 1, 1),
                period_end=dt.date(2025, 12, 31),
                portal_url="https://kjzy.jl.gov.cn/platform",
            )
        )
        ids = list(s.scalars(select(m.Platform.id)))
        keys = (
            "resource_count",
            "resource_value",
            "service_count",
            "distinct_users",
            "external_user_share",
            "private_enterprise_user_share",
            "service_revenue",
            "satisfaction_mean",
            "fulltime_staff",
            "popular_science_activities",
        )
        insert_rows(
            s,
            m.PlatformMetric,
            (
                {
                    "platform_id": pid,
                    "key": key,
                    "value": rnd.random() if key.endswith("share") else rnd.uniform(5, 900),
                }
                for pid in ids
                for key in keys
            ),
        )
        s.execute(
            update(m.ScoreSheet).values(
                overall_comment="平台资源整合较好，对外服务量稳定增长，建议进一步加强对民营企业的服务，"
                "完善服务记录和用户评价的佐证材料。"
            )
        )
        insert_rows(
            s,
            m.PanelOpinion,
            (
                {
                    "platform_id": pid,
                    "text": "专家组认为该平台运行规范，服务成效较好，同意评审结果。",
                }
                for pid in ids
            ),
        )
    return path


def _page_texts(pdf: Path) -> list[list[str]]:
    from pypdf import PdfReader

    return [
        [line for line in (page.extract_text() or "").splitlines() if line.strip()]
        for page in PdfReader(pdf).pages
    ]


def _plain_pdf(pages: list[list[str]]) -> bytes:
    """The yardstick: a canvas, the same font, the same lines of text, page by page."""
    from reportlab.pdfgen.canvas import Canvas

    from jlpanel.reports.fonts import FONT_NAME, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.27, 841.89), invariant=True, initialFontName=FONT_NAME)
    for lines in pages:
        canvas.setFont(FONT_NAME, 9)
        y = 800.0
        for line in lines:
            canvas.drawString(56, y, line)
            y -= 12
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def bench_reports(tmp: Path) -> None:
    from jlpanel.reports.fonts import register_fonts
    from jlpanel.services.export import export_results
    from jlpanel.services.reporting import write_reports
    from jlpanel.services.workspace import open_workspace
    from jlpanel.storage.files import write_atomic

    t0 = time.perf_counter()
    path = build_report_cycle(tmp / "w4.jlpanel")
    print(
        f"workload: 200 platforms × 7 experts × 15 indicators, basic info, 10 metrics, comments "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )
    register_fonts()  # once per process, as in the app; measured on its own below
    wanted = {"evaluation", "summary"}
    with open_workspace(path) as ws:
        first = tmp / "w4-first"
        t0 = time.perf_counter()
        files = write_reports(ws, first, documents=wanted)
        cold = time.perf_counter() - t0
        pages = [_page_texts(f) for f in files]
        page_count = sum(len(p) for p in pages)

        def ours() -> None:
            write_reports(ws, tmp / "w4-out", documents=wanted)

        def plain() -> None:
            for n, texts in enumerate(pages):
                write_atomic(tmp / "w4-plain" / f"{n}.pdf", _plain_pdf(texts))

        ours_times, plain_times, ours_cpu, plain_cpu = [], [], [], []
        for _ in range(5):  # alternate, so both see the same machine state
            for fn, wall, cpu in ((plain, plain_times, plain_cpu), (ours, ours_times, ours_cpu)):
                t0, c0 = time.perf_counter(), time.process_time()
                fn()
                wall.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
        mine, base = statistics.median(ours_times), statistics.median(plain_times)
        mine_cpu, base_cpu = statistics.median(ours_cpu), statistics.median(plain_cpu)
        print(f"    {len(files)} files, {page_count} pages (first run {cold:.2f} s)")
        report(
            "plain reportlab: same pages, font and text, drawn directly",
            base,
            min(plain_times),
            None,
            f"— CPU {base_cpu:.2f} s",
        )
        report(
            "W4 report set: 200 evaluation reports + summary",
            mine,
            min(ours_times),
            None,
            f"— CPU {mine_cpu:.2f} s; ratio {mine / base:.2f}× plain wall, "
            f"{mine_cpu / base_cpu:.2f}× CPU (goal ≤ 1.0× wall, issue 16)",
        )
        t0 = time.perf_counter()
        every = write_reports(ws, tmp / "w4-all", combined=True)
        report(
            f"    every document + combined file ({len(every)} files, for reference)",
            time.perf_counter() - t0,
            time.perf_counter() - t0,
            None,
        )
        med, best = measure(lambda: export_results(ws, tmp / "w4.xlsx"), repeat=5)
        report("W4 export: results workbook (.xlsx, 5 sheets)", med, best, None)
        med, best = measure(lambda: export_results(ws, tmp / "w4.csv"), repeat=5)
        report("W4 export: results summary (.csv)", med, best, None)


def main() -> int:
    import os

    with tempfile.TemporaryDirectory(prefix="jlpanel-bench-") as tmp:
        os.environ["JLPANEL_CONFIG_DIR"] = str(Path(tmp) / "cfg")
        os.environ["JLPANEL_DATA_DIR"] = str(Path(tmp) / "data")
        bench_reports(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
