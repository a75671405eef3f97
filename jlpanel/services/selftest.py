"""The self-test (``jlpanel --selftest``): a whole small cycle, end to end, in a scratch folder.

It proves an installation — above all the PyInstaller bundle — carries everything the work
needs: it builds a four-platform demo cycle (dossier workbooks written and read back, the
roster, the review packages, every expert's signed score file), merges the score files,
computes the results, writes the 汇总表 PDF and the results workbook, and checks each
output for what a user would miss first (the embedded Chinese font, the five sheets).
The GUI half (Qt plugins, translations, icons, the main window) is
:mod:`jlpanel.gui.shell.selftest`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

#: Platforms in the self-test's cycle: enough for a grade spread, small enough for seconds.
SELFTEST_PLATFORMS = 4
#: The sheets the results workbook must have, in the order written.
EXPECTED_SHEETS = 5


class SelftestFailure(Exception):
    """A check of the self-test failed; the message says which and what was found."""


@dataclass(frozen=True, slots=True)
class SelftestStep:
    """One finished step: what was checked, what was found, how long it took."""

    name: str
    detail: str
    seconds: float


#: Called with each step as soon as it has passed.
StepReport = Callable[[SelftestStep], None]


class Steps:
    """The self-test's steps as they pass: each timed, reported, its errors made failures."""

    def __init__(self, report: StepReport | None) -> None:
        self.done: list[SelftestStep] = []
        self._report = report

    @contextmanager
    def step(self, name: str) -> Iterator[list[str]]:
        """Time one step; the body appends its detail line to the yielded list."""
        began = time.perf_counter()
        detail: list[str] = []
        try:
            yield detail
        except SelftestFailure:
            raise
        except Exception as exc:
            raise SelftestFailure(f"{name}: {type(exc).__name__}: {exc}") from exc
        finished = SelftestStep(name, "; ".join(detail), time.perf_counter() - began)
        self.done.append(finished)
        if self._report is not None:
            self._report(finished)


def check(condition: bool, message: str) -> None:
    """Fail the self-test with ``message`` unless ``condition``."""
    if not condition:
        raise SelftestFailure(message)


def check_pdf(path: Path) -> str:
    """Check a written PDF is whole and carries the embedded TrueType font; returns a summary."""
    data = path.read_bytes()
    check(data.startswith(b"%PDF-"), f"{path.name}: not a PDF")
    check(data.rstrip().endswith(b"%%EOF"), f"{path.name}: truncated (no %%EOF)")
    check(b"/FontFile2" in data, f"{path.name}: the Chinese font is not embedded")
    for base14 in (b"/Helvetica", b"/Times-Roman", b"/Courier"):
        check(base14 not in data, f"{path.name}: uses the base-14 font {base14.decode()}")
    pages = data.count(b"/Type /Page\n") + data.count(b"/Type /Page ")
    return f"{path.name}: {len(data):,} bytes, font embedded, {pages} page(s)"


def check_pdf_accelerated() -> str:
    """Check reportlab runs on its C accelerators (rl_accel), which a bundle can leave out."""
    from reportlab.lib import rl_accel

    where = getattr(rl_accel.fp_str, "__module__", None)
    check(where == "_rl_accel", f"pdf: reportlab runs without its accelerators ({where})")
    return "reportlab accelerated"


def check_workbook(path: Path, platforms: int) -> str:
    """Check the results workbook reads back with every sheet and one row per platform."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    names = book.sheet_names
    check(len(names) == EXPECTED_SHEETS, f"{path.name}: {len(names)} sheets, not 5: {names}")
    first = book.get_sheet_by_index(0).to_python()
    rows = [r for r in first[1:] if any(str(c).strip() for c in r)]
    check(len(rows) >= platforms, f"{path.name}: {len(rows)} result rows for {platforms}")
    return f"{path.name}: sheets {', '.join(names)}; {len(rows)} result rows"


def run_selftest(folder: Path, report: StepReport | None = None) -> list[SelftestStep]:
    """Run every step in ``folder`` (which must be empty or absent); raise SelftestFailure.

    Returns the steps, each also passed to ``report`` as it finishes.
    """
    from jlpanel.services.demo import build_demo
    from jlpanel.services.export import export_results
    from jlpanel.services.merge import MergeFileStatus, merge_score_files, merge_status
    from jlpanel.services.reporting import write_reports
    from jlpanel.services.results import compute_and_store_results
    from jlpanel.services.workspace import open_workspace

    steps = Steps(report)
    demo_dir = folder / "demo"
    out = folder / "out"
    with steps.step("demo") as detail:
        demo = build_demo(demo_dir, platforms=SELFTEST_PLATFORMS)
        check(
            demo.platform_count == SELFTEST_PLATFORMS,
            f"demo: {demo.platform_count} platforms imported of {SELFTEST_PLATFORMS}",
        )
        check(bool(demo.score_files), "demo: no score files written")
        detail.append(
            f"{demo.platform_count} platforms, {demo.expert_count} experts, "
            f"{len(demo.packages)} packages, {len(demo.score_files)} score files"
        )
    with open_workspace(demo.workspace) as ws:
        with steps.step("merge") as detail:
            outcomes = merge_score_files(
                ws, list(demo.score_files), backup_dir=folder / "backups", backup_count=2
            )
            refused = [o for o in outcomes if o.status is not MergeFileStatus.MERGED]
            check(
                not refused,
                "merge: refused "
                + "; ".join(
                    f"{o.path.name}: {[f.message.en for f in o.findings]}" for o in refused
                ),
            )
            missing = merge_status(ws).still_missing
            check(not missing, f"merge: still missing {[e.name for e in missing]}")
            detail.append(f"{len(outcomes)} score files merged, none missing")
        with steps.step("results") as detail:
            results = compute_and_store_results(ws)
            graded = [r for r in results.platforms if r.grade is not None]
            check(
                len(graded) == SELFTEST_PLATFORMS,
                f"results: {len(graded)} of {SELFTEST_PLATFORMS} platforms graded",
            )
            detail.append(
                ", ".join(f"{r.score:.2f} {r.grade.value}" for r in graded if r.grade is not None)
            )
        with steps.step("pdf") as detail:
            written = write_reports(ws, out, documents=["summary"])
            check(len(written) == 1, f"pdf: {len(written)} files written, not 1")
            detail.append(check_pdf(written[0]))
            detail.append(check_pdf_accelerated())
        with steps.step("workbook") as detail:
            workbook = export_results(ws, out / "results.xlsx")
            detail.append(check_workbook(workbook, SELFTEST_PLATFORMS))
    return steps.done
