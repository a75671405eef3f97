"""Grab PNGs of every screen of the GUI, to look at before calling a screen done.

    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py [OUT_DIR] [--only NAME]
    xvfb-run -a -s "-screen 0 1920x1080x24" python tools/screenshots.py --guide

``--guide`` writes the images of the user guide instead: ``docs/guide/images/<lang>/<name>.png``
at 1366×768, once in Chinese and once in English, from the shots listed in ``GUIDE_SHOTS``
(one small function each, run in order on one demo cycle). They are optimised with
``pngquant``/``optipng`` when those are installed.

Runs the real app on the current display with settings, logs, a fresh workspace and the demo
cycle (``jlpanel demo``) in a temporary folder, and writes ``<size>-<screen>.png`` (1366×768
and 1920×1080) into OUT_DIR (default ./screenshots, which git ignores). The expert screens go
the whole way: the demo's dossiers → roster → assignment → packages issued from the 专家 tab →
one package opened in expert mode → declaration → desk → submit.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication, QWidget

    from jlpanel.gui.shell.main_window import MainWindow
    from jlpanel.services.demo import DemoSummary

SIZES = ((1366, 768), (1920, 1080))


def _settler(app: QApplication) -> Callable[[], None]:
    """Wait for background work and let the windows repaint: what every shot waits for."""
    from PySide6.QtCore import QThreadPool

    from jlpanel.gui.common.tasks import pending_tasks

    def settle() -> None:
        QThreadPool.globalInstance().waitForDone()
        while pending_tasks():
            app.processEvents()
        for _ in range(5):
            app.processEvents()

    return settle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="screenshots", help="folder for the PNGs")
    parser.add_argument(
        "--only",
        choices=("all", "workspace", "experts", "secretary"),
        default="all",
        help="only the staff's screens of stage 1–2, only the experts' screens, or only the "
        "secretary's (merge, matrix, discussion, results)",
    )
    parser.add_argument(
        "--guide",
        action="store_true",
        help="write the user guide's images into docs/guide/images/<lang>/ instead",
    )
    args = parser.parse_args(argv)
    if args.guide:
        return _guide_main()
    out = Path(args.out).absolute()
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="jlpanel-shots-") as tmp:
        folder = Path(tmp)
        os.environ["JLPANEL_CONFIG_DIR"] = str(folder / "config")
        os.environ["JLPANEL_DATA_DIR"] = str(folder / "data")
        written = _shoot(folder, out, args.only)
    for path in written:
        print(path)
    return 0


def _import_files(demo: DemoSummary, folder: Path) -> list[Path]:
    """Files for the import dialog: one new, one already imported, two refused."""
    from jlpanel.exchange.dossier_reader import read_dossier
    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    folder.mkdir(parents=True)
    sources = sorted(demo.dossiers, key=lambda p: p.name)
    files: list[Path] = []

    def copy_with_attachments(source: Path, target: Path) -> None:
        attachments = source.with_suffix("")
        if attachments.is_dir():
            shutil.copytree(attachments, target.with_suffix(""))

    # A platform not in the demo: a demo dossier under another name and filing number.
    read = read_dossier(sources[0])
    assert read.dossier is not None
    new = folder / "吉林省新材料中试验证平台.xlsx"
    basic = dataclasses.replace(
        read.dossier.basic, name="吉林省新材料中试验证平台", filing_no="JLKJ-2025-031"
    )
    write_dossier_workbook(new, dataclasses.replace(read.dossier, basic=basic))
    copy_with_attachments(sources[0], new)
    files.append(new)

    # A dossier imported already (已存在).
    again = folder / sources[1].name
    shutil.copyfile(sources[1], again)
    copy_with_attachments(sources[1], again)
    files.append(again)

    # A workbook with mistakes a host unit makes: every one is listed with its fix.
    read = read_dossier(sources[2])
    assert read.dossier is not None
    dossier = read.dossier
    services = list(dossier.services)
    services[0] = dataclasses.replace(services[0], fee_yuan=-200.0, satisfaction=7)
    services[1] = dataclasses.replace(services[1], user_type="大学", nature="部分有偿")
    services[2] = dataclasses.replace(services[2], service_date=dt.date(2031, 3, 1))
    bad = folder / "吉林省现代农业装备检测平台.xlsx"
    write_dossier_workbook(
        bad,
        dataclasses.replace(
            dossier,
            basic=dataclasses.replace(
                dossier.basic, name="吉林省现代农业装备检测平台", filing_no=""
            ),
            services=tuple(services),
        ),
    )
    copy_with_attachments(sources[2], bad)
    files.append(bad)

    # A CSV export someone renamed to .xlsx.
    renamed = folder / "吉林省冰雪装备检测平台.xlsx"
    renamed.write_text("平台名称,备案编号\n吉林省冰雪装备检测平台,JLKJ-2025-040\n", "utf-8")
    files.append(renamed)
    return files


def _shoot(folder: Path, out: Path, only: str = "all") -> list[Path]:

    from jlpanel.gui.shell.app import MainWindow, make_app
    from jlpanel.services.demo import build_demo

    app = make_app(language="zh")
    written: list[Path] = []

    settle = _settler(app)

    demo = build_demo(folder / "演示")
    extra_files = _import_files(demo, folder / "待导入")

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    workspaces = folder / "工作区"
    workspaces.mkdir()
    window = MainWindow()
    window.recent.add(workspaces / "2024年度考核评价.jlpanel")  # gone: shown greyed
    target = workspaces / "2026年度考核评价.jlpanel"

    base = _dossier_workspace(demo, folder / "base") if only in ("all", "experts") else None
    for width, height in SIZES:
        size = f"{width}x{height}"
        window.resize(width, height)
        window.show()
        window.start_page.refresh()
        if base is not None:
            package = _shoot_experts(
                window, demo, base, folder / f"experts-{size}", size, settle, save
            )
            _shoot_review(window, package, folder / f"review-{size}", (width, height), settle, save)
            window.resize(width, height)
            window.show()
        if only in ("all", "secretary"):
            _shoot_secretary(window, demo, folder / f"secretary-{size}", size, settle, save)
        if only in ("experts", "secretary"):
            continue
        save(window, f"{size}-start")

        window.new_workspace()
        dialog = window.new_dialog
        assert dialog is not None
        dialog.ui.pathEdit.setText(str(target))
        save(dialog, f"{size}-new-dialog")
        if not target.exists():
            dialog.ok_button.click()
            settle()
        else:
            dialog.reject()
            window.open_workspace(target)
            settle()
        if window.new_dialog is not None:  # the create failed: show why and stop
            sys.exit(f"could not create the workspace: {dialog.ui.errorText.toPlainText()}")

        view = window.workspace_view
        view.select_code("A1")
        view.ui.rubricTree.setFocus()
        save(window, f"{size}-workspace-A1")
        view.select_code("fraud")
        save(window, f"{size}-workspace-veto")
        view.ui.tabs.setCurrentWidget(view.ui.rulesTab)
        save(window, f"{size}-workspace-rules")
        view.ui.tabs.setCurrentWidget(view.ui.rubricTab)

        window.set_language("en")
        view.select_code("A1")
        save(window, f"{size}-workspace-A1-en")
        view.ui.tabs.setCurrentWidget(view.ui.rulesTab)
        save(window, f"{size}-workspace-rules-en")
        view.ui.tabs.setCurrentWidget(view.ui.rubricTab)
        window.close_workspace()
        save(window, f"{size}-start-en")
        window.set_language("zh")
        window.close_workspace()

        _shoot_platforms(window, demo, extra_files, folder / size, size, settle, save)

    window.close()
    app.processEvents()
    return written


def _shoot_platforms(
    window: MainWindow,
    demo: DemoSummary,
    extra_files: list[Path],
    folder: Path,
    size: str,
    settle: Callable[[], None],
    save: Callable[[QWidget, str], None],
) -> None:
    """The demo cycle: platform list, dossier browser, import dialog (in both languages)."""
    folder.mkdir()
    workspace = folder / demo.workspace.name
    shutil.copyfile(demo.workspace, workspace)
    window.open_workspace(workspace)
    settle()
    view = window.workspace_view
    listing = view.platform_list
    save(window, f"{size}-platforms")

    # The platform with the most warnings, so the 提示 tab has something to show.
    platforms = listing.model.platforms()
    chosen = max(platforms, key=lambda p: (p.warnings, p.metrics.get("service_count") or 0))
    view.open_platform(chosen.id, tab="services")
    settle()
    save(window, f"{size}-dossier-services")
    for tab in ("metrics", "warnings", "overview", "attachments"):
        view.dossier_view.select_tab(tab)
        settle()
        save(window, f"{size}-dossier-{tab}")
    view.show_list()
    listing.ui.searchEdit.setText("种质")
    listing.ui.warningFilterCombo.setCurrentIndex(0)
    save(window, f"{size}-platforms-search")
    listing.ui.searchEdit.clear()

    window.import_dossiers()
    dialog = window.import_dialog
    assert dialog is not None
    dialog.add_paths(extra_files)
    save(dialog, f"{size}-import-files")
    dialog.start()
    settle()
    refused = next(
        row
        for row, outcome in enumerate(dialog.results_model.rows())
        if outcome.status.value == "refused"
    )
    dialog.select_result(refused)
    save(dialog, f"{size}-import-results")
    window.set_language("en")
    save(dialog, f"{size}-import-results-en")
    dialog.reject()
    settle()
    save(window, f"{size}-platforms-en")
    view.open_platform(chosen.id, tab="metrics")
    settle()
    save(window, f"{size}-dossier-metrics-en")
    view.dossier_view.select_tab("warnings")
    save(window, f"{size}-dossier-warnings-en")
    window.set_language("zh")
    window.close_workspace()
    settle()


def _shoot_secretary(
    window: MainWindow,
    demo: DemoSummary,
    folder: Path,
    size: str,
    settle: Callable[[], None],
    save: Callable[[QWidget, str], None],
) -> None:
    """The panel secretary on a copy of the demo: merge DIR/scores through the dialog, then
    the matrix, the discussion list with a platform's panel, and the results with charts."""
    folder.mkdir(parents=True, exist_ok=True)
    workspace = folder / demo.workspace.name
    shutil.copyfile(demo.workspace, workspace)
    window.open_workspace(workspace)
    settle()
    view = window.workspace_view
    view.show_summary()
    save(window, f"{size}-secretary-matrix-missing")
    dialog = view.merge_scores()
    assert dialog is not None
    assert demo.score_folder is not None
    # one tampered file beside the real ones, so the dialog shows a refusal too
    tampered = folder / "tampered.jlscore"
    first = sorted(demo.score_folder.glob("*.jlscore"))[0]
    tampered.write_text(
        first.read_text(encoding="utf-8").replace('"revision": 1', '"revision": 9', 1),
        encoding="utf-8",
    )
    dialog.add_paths([demo.score_folder, tampered])  # type: ignore[attr-defined]
    save(dialog, f"{size}-secretary-merge-files")
    dialog.start()  # type: ignore[attr-defined]
    settle()
    save(dialog, f"{size}-secretary-merge-results")
    dialog.accept()  # type: ignore[attr-defined]
    settle()
    save(window, f"{size}-secretary-matrix")
    view.show_discussion()
    save(window, f"{size}-secretary-discussion")
    view.show_results()
    save(window, f"{size}-secretary-results")
    view.results_page.ui.tabs.setCurrentIndex(2)
    save(window, f"{size}-secretary-results-disqualified")
    view.results_page.ui.tabs.setCurrentIndex(0)
    window.set_language("en")
    save(window, f"{size}-secretary-results-en")
    view.show_discussion()
    save(window, f"{size}-secretary-discussion-en")
    view.show_summary()
    save(window, f"{size}-secretary-matrix-en")
    window.set_language("zh")
    window.close_workspace()
    settle()


def _dossier_workspace(demo: DemoSummary, folder: Path) -> Path:
    """A workspace holding the demo's dossiers and nothing else (no roster yet)."""
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import create_workspace

    folder.mkdir(parents=True)
    path = folder / "2026年度考核评价.jlpanel"
    with create_workspace(
        path,
        "2026年度吉林省科技资源共享服务平台考核评价",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2025, 12, 31),
    ) as ws:
        import_dossiers(ws, list(demo.dossiers))
    return path


def _shoot_experts(
    window: MainWindow,
    demo: DemoSummary,
    base: Path,
    folder: Path,
    size: str,
    settle: Callable[[], None],
    save: Callable[[QWidget, str], None],
) -> Path:
    """The 专家 tab: roster imported, conflicts, assignment, packages issued; returns one."""
    from PySide6.QtWidgets import QFileDialog

    folder.mkdir(parents=True)
    workspace = folder / base.name
    shutil.copyfile(base, workspace)
    window.open_workspace(workspace)
    settle()
    window.show_experts()
    view = window.workspace_view.experts_view
    save(window, f"{size}-experts-empty")

    view.start_roster_import(demo.roster, replace=False)
    settle()
    dialog = view.roster_dialog
    assert dialog is not None, "the roster import shows its result"
    save(dialog, f"{size}-experts-roster-result")
    dialog.accept()
    settle()
    save(window, f"{size}-experts-conflicts")

    view.ui.perPlatformSpin.setValue(5)
    view.assign()
    settle()
    view.ui.expertsTable.selectRow(2)
    save(window, f"{size}-experts-assigned")

    packages = folder / "评审包"
    original = QFileDialog.getExistingDirectory
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: str(packages))  # type: ignore[method-assign]
    try:
        view.issue_packages()
    finally:
        QFileDialog.getExistingDirectory = original  # type: ignore[method-assign]
    settle()
    issue = view.issue_dialog
    assert issue is not None
    save(issue, f"{size}-experts-issued")
    issued = issue.model.rows()
    issue.accept()
    settle()

    window.set_language("en")
    save(window, f"{size}-experts-assigned-en")
    window.set_language("zh")
    window.close_workspace()
    settle()
    # The expert with the most platforms, so the desk's list has something to show.
    chosen = max(issued, key=lambda i: (i.platform_count, i.expert_name))
    return chosen.path


def _fill_all(session: object, skip: int | None) -> None:
    """Score every platform but ``skip`` as an expert would (a spread of levels)."""
    import random

    from jlpanel.services import review as rv

    assert isinstance(session, rv.ReviewSession)
    rng = random.Random(7)
    for platform in session.platforms:
        work = rv.platform_work(session, platform.id)
        if work.state is rv.Progress.CONFLICT or platform.id == skip:
            continue
        for indicator in session.rubric.indicators:
            if work.sheet.points.get(indicator.code) is not None:
                continue
            share = rng.choice((0.9, 0.85, 0.75, 0.7, 0.6, 0.5, 0.95))
            maximum, step = float(indicator.max_points), float(indicator.step)
            points = round(maximum * share / step) * step
            rv.set_score(session, platform.id, indicator.code, points)
        for code, value in rv.platform_work(session, platform.id).sheet.points.items():
            indicator = session.rubric.indicator(code)
            if value is not None and indicator.requires_comment(value):
                rv.set_comment(session, platform.id, code, "考核期内基本无新增，材料不足以支撑")


def _shoot_review(
    window: MainWindow,
    package: Path,
    folder: Path,
    size_px: tuple[int, int],
    settle: Callable[[], None],
    save: Callable[[QWidget, str], None],
) -> None:
    """Expert mode on the package: declaration, desk, submit (problems, summary, done)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from jlpanel.gui.review.indicator_panel import Field

    size = f"{size_px[0]}x{size_px[1]}"
    folder.mkdir(parents=True)
    copy = folder / package.name
    shutil.copyfile(package, copy)
    window.open_review(copy)
    settle()
    review = window.review_windows[-1]
    review.resize(*size_px)
    settle()
    save(review, f"{size}-review-declaration")
    page = review.declaration_page
    page.ui.pledgeCheck.setChecked(True)
    page.model.set_conflict(2, True, "本人曾参与该平台建设项目的验收，申请回避")
    settle()
    save(review, f"{size}-review-declaration-filled")
    page.confirm()
    settle()

    desk = review.desk
    panel = desk.panel
    codes = [i.code for i in panel.rubric.indicators] if panel.rubric else []
    for code, text in zip(codes[:4], ("8.5", "4.5", "1", "6"), strict=True):
        panel.focus_field(Field.SCORE, code)
        QTest.keyClicks(panel.rows[code].score_edit, text)
        QTest.keyClick(panel.rows[code].score_edit, Qt.Key.Key_Return)
    settle()
    # A2's 差-band score wants a comment; A5 gets an out-of-bounds value, flagged.
    panel.focus_field(Field.SCORE, codes[4])
    QTest.keyClicks(panel.rows[codes[4]].score_edit, "12")
    desk.dossier_view.select_tab("overview")
    settle()
    save(review, f"{size}-review-desk")
    desk.dossier_view.select_tab("metrics")
    settle()
    save(review, f"{size}-review-desk-metrics")
    review.set_language("en")
    flagged = panel.rows[codes[4]].score_edit
    QTest.keyClick(flagged, Qt.Key.Key_Backspace)
    QTest.keyClicks(flagged, "2")  # the message again, in English
    settle()
    save(review, f"{size}-review-desk-en")
    review.show_declaration()
    save(review, f"{size}-review-declaration-en")
    review.set_language("zh")
    panel.revert(Field.SCORE, codes[4])
    review.show_desk()

    review.show_submit()
    settle()
    save(review, f"{size}-review-submit-problems")
    first = desk.platform_id
    assert review.session is not None
    _fill_all(review.session, None)
    review.reload()
    review.show_submit()
    settle()
    save(review, f"{size}-review-submit-summary")
    review.set_language("en")
    save(review, f"{size}-review-submit-summary-en")
    review.set_language("zh")

    stick = folder / "U盘"
    stick.mkdir()
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign,assignment]
        lambda _parent, _title, start, *_a: (str(stick / Path(start).name), "")
    )
    try:
        review.save_score_file()
        settle()
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    save(review, f"{size}-review-submitted")
    review.show_desk()
    if first is not None:
        desk.show_platform(first, focus=None)
    settle()
    save(review, f"{size}-review-desk-locked")
    review.close()
    settle()


# =========================================================================== the user guide

GUIDE_IMAGES = Path(__file__).resolve().parents[1] / "docs" / "guide" / "images"
GUIDE_SIZE = (1366, 768)
GUIDE_LANGUAGES = ("zh", "en")
#: Where the guide's cycle is built: a fixed name, so the paths the pictures show are stable.
GUIDE_WORK = Path(tempfile.gettempdir()) / "jlpanel-guide"


@dataclasses.dataclass
class GuideRun:
    """What the guide's shots share: the app, its window, the demo and the state so far."""

    window: MainWindow
    demo: DemoSummary
    base: Path  # the demo's dossiers in a cycle with no roster yet
    extra_files: list[Path]
    folder: Path  # this language's working folder
    out: Path  # docs/guide/images/<lang>
    settle: Callable[[], None]
    written: list[Path]
    state: dict[str, object] = dataclasses.field(default_factory=dict)

    def save(self, widget: QWidget, name: str, *, settle: bool = True) -> None:
        """Write ``<name>.png`` of ``widget`` (the window or dialog only, not the screen).

        ``settle=False`` grabs it as it is, while background work is still running.
        """
        if settle:
            self.settle()
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            sys.exit(f"could not write {path}")
        self.written.append(path)

    def close(self, *dialogs: QWidget) -> None:
        """After a shot: close its dialogs and the workspace, back to the start page."""
        for dialog in dialogs:
            dialog.close()
        self.window.close_workspace()
        self.settle()

    def open_copy(self, source: Path, name: str) -> Path:
        """Open a fresh copy of a workspace in the main window."""
        target = self.folder / name / source.name
        target.parent.mkdir(parents=True)
        shutil.copyfile(source, target)
        self.window.open_workspace(target)
        self.settle()
        return target


#: The shots, in the order they are taken; each is one small function of a GuideRun.
GUIDE_SHOTS: list[Callable[[GuideRun], None]] = []


def guide_shot(shot: Callable[[GuideRun], None]) -> Callable[[GuideRun], None]:
    """Add a shot to the guide's list (in the order of definition)."""
    GUIDE_SHOTS.append(shot)
    return shot


def _guide_main() -> int:
    shutil.rmtree(GUIDE_WORK, ignore_errors=True)
    GUIDE_WORK.mkdir(parents=True)
    try:
        os.environ["JLPANEL_CONFIG_DIR"] = str(GUIDE_WORK / "config")
        os.environ["JLPANEL_DATA_DIR"] = str(GUIDE_WORK / "data")
        written = _shoot_guide(GUIDE_WORK)
    finally:
        shutil.rmtree(GUIDE_WORK, ignore_errors=True)
    _optimise(written)
    for path in written:
        print(f"{path.relative_to(GUIDE_IMAGES.parent)}  {path.stat().st_size // 1024} KB")
    return 0


def _shoot_guide(folder: Path) -> list[Path]:

    from jlpanel.gui.shell.app import MainWindow, make_app
    from jlpanel.services.demo import build_demo

    app = make_app(language="zh")

    settle = _settler(app)

    demo = build_demo(folder / "演示")
    extra_files = _import_files(demo, folder / "待导入")
    base = _dossier_workspace(demo, folder / "base")
    written: list[Path] = []
    for language in GUIDE_LANGUAGES:
        out = GUIDE_IMAGES / language
        shutil.rmtree(out, ignore_errors=True)  # no picture outlives its shot
        out.mkdir(parents=True)
        window = MainWindow()
        window.set_language(language)
        window.resize(*GUIDE_SIZE)
        window.show()
        run = GuideRun(window, demo, base, extra_files, folder / language, out, settle, written)
        run.folder.mkdir()
        for shot in GUIDE_SHOTS:
            shot(run)
        for review in list(window.review_windows):
            review.close()
        window.close()
        settle()
        window.deleteLater()
        settle()
    return written


def _optimise(paths: list[Path]) -> None:
    """Make the PNGs smaller with pngquant and optipng, when they are installed."""
    import subprocess

    pngquant, optipng = shutil.which("pngquant"), shutil.which("optipng")
    if pngquant is None and optipng is None:
        print("pngquant/optipng not found: the PNGs are left as Qt wrote them")
        return
    files = [str(p) for p in paths]
    if pngquant is not None:
        subprocess.run(
            [pngquant, "--force", "--skip-if-larger", "--ext", ".png", "--quality=80-95", *files],
            check=False,
        )
    if optipng is not None:
        subprocess.run([optipng, "-quiet", "-o2", *files], check=True)


def _modal_file_dialog(then: Callable[[QWidget], None]) -> None:
    """When the next file dialog opens: call ``then`` on it, then accept what it suggests."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(100, answer)
            return
        for _ in range(10):
            QApplication.processEvents()
        then(dialog)
        dialog.accept()

    QTimer.singleShot(300, answer)


# ------------------------------------------------------------ 入门 (index.md), first run


@guide_shot
def start_first_run(run: GuideRun) -> None:
    """The start page as on first run: nothing opened yet, the demo button the default."""
    run.window.recent.clear()
    run.window.start_page.refresh()
    run.window.start_page.ui.demoButton.setFocus()
    run.save(run.window, "start-demo")


@guide_shot
def demo_build(run: GuideRun) -> None:
    """打开演示考核周期 on first run: the progress dialog mid-build, then the demo opened."""
    import time

    from PySide6.QtWidgets import QApplication

    from jlpanel.gui.shell.demo_build import demo_folder

    shutil.rmtree(demo_folder(), ignore_errors=True)  # built again for each language
    window = run.window
    window.start_page.ui.demoButton.click()
    dialog = window.demo_dialog
    assert dialog is not None
    # Grab it a few steps in (while it is still building), not once it is done.
    deadline = time.monotonic() + 120
    while dialog.progress_bar.value() < 6:
        if time.monotonic() > deadline or window.demo_dialog is None:
            sys.exit("the demo build showed no progress")
        QApplication.processEvents()
        time.sleep(0.01)
    run.save(dialog, "demo-build", settle=False)
    run.settle()
    if window.workspace is None:
        sys.exit("the demo was built but not opened")


@guide_shot
def settings(run: GuideRun) -> None:
    window = run.window
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.ui.tabs.setCurrentIndex(dialog.RULES_PAGE)
    run.save(dialog, "settings-rules")
    dialog.ui.tabs.setCurrentIndex(dialog.BACKUP_PAGE)
    run.save(dialog, "settings-backup")
    dialog.reject()
    run.settle()


@guide_shot
def shortcuts(run: GuideRun) -> None:
    window = run.window
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    assert dialog is not None
    run.save(dialog, "shortcuts")
    dialog.close()


@guide_shot
def about(run: GuideRun) -> None:
    window = run.window
    window.show_about()
    dialog = window.about_dialog
    assert dialog is not None
    dialog.tabs.setCurrentIndex(dialog.COMPONENTS_TAB)
    run.save(dialog, "about-licences")
    run.close(dialog)


# ----------------------------------------------------------------- 部门工作人员 (staff.md)


@guide_shot
def start_page(run: GuideRun) -> None:
    """The start page later on: the demo among the recently opened workspaces."""
    run.window.start_page.refresh()
    run.save(run.window, "start")


@guide_shot
def new_workspace(run: GuideRun) -> None:
    run.window.new_workspace()
    dialog = run.window.new_dialog
    assert dialog is not None
    dialog.ui.pathEdit.setText(str(run.folder / "2026年度考核评价.jlpanel"))
    run.save(dialog, "new-workspace")
    dialog.reject()


@guide_shot
def rules(run: GuideRun) -> None:
    run.open_copy(run.demo.workspace, "staff")
    view = run.window.workspace_view
    view.ui.tabs.setCurrentWidget(view.ui.rulesTab)
    run.save(run.window, "rules")
    view.ui.tabs.setCurrentWidget(view.ui.rubricTab)
    view.select_code("A1")
    view.ui.rubricTree.setFocus()
    run.save(run.window, "rubric")


@guide_shot
def platforms(run: GuideRun) -> None:
    run.window.show_platforms()
    run.save(run.window, "platforms")


@guide_shot
def dossier(run: GuideRun) -> None:
    view = run.window.workspace_view
    listing = view.platform_list.model.platforms()
    chosen = max(listing, key=lambda p: (p.warnings, p.metrics.get("service_count") or 0))
    view.open_platform(chosen.id, tab="warnings")
    run.settle()
    run.save(run.window, "dossier-warnings")
    view.dossier_view.select_tab("metrics")
    run.save(run.window, "dossier-metrics")
    view.show_list()


@guide_shot
def import_dossiers(run: GuideRun) -> None:
    window = run.window
    window.import_dossiers()
    dialog = window.import_dialog
    assert dialog is not None
    dialog.add_paths(run.extra_files)
    dialog.start()
    run.settle()
    refused = next(
        row
        for row, outcome in enumerate(dialog.results_model.rows())
        if outcome.status.value == "refused"
    )
    dialog.select_result(refused)
    run.save(dialog, "import-results")
    run.close(dialog)


@guide_shot
def roster(run: GuideRun) -> None:
    run.open_copy(run.base, "experts")
    run.window.show_experts()
    view = run.window.workspace_view.experts_view
    view.start_roster_import(run.demo.roster, replace=False)
    run.settle()
    dialog = view.roster_dialog
    assert dialog is not None
    run.save(dialog, "roster-result")
    dialog.accept()
    run.settle()
    run.save(run.window, "experts-conflicts")


@guide_shot
def assignment(run: GuideRun) -> None:
    view = run.window.workspace_view.experts_view
    view.assign()
    run.settle()
    view.ui.expertsTable.selectRow(2)
    run.save(run.window, "experts-assigned")


@guide_shot
def issue_packages(run: GuideRun) -> None:
    from PySide6.QtWidgets import QFileDialog

    view = run.window.workspace_view.experts_view
    packages = run.folder / "评审包"
    original = QFileDialog.getExistingDirectory
    QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: str(packages))  # type: ignore[method-assign]
    try:
        view.issue_packages()
    finally:
        QFileDialog.getExistingDirectory = original  # type: ignore[method-assign]
    run.settle()
    issue = view.issue_dialog
    assert issue is not None
    run.save(issue, "issue-packages")
    issued = issue.model.rows()
    issue.accept()
    run.settle()
    chosen = max(issued, key=lambda i: (i.platform_count, i.expert_name))
    run.state["package"] = chosen.path
    run.close()


# ---------------------------------------------------------------- 评审专家 (expert.md)


def _review(run: GuideRun) -> object:
    from jlpanel.gui.review.review_window import ReviewWindow

    review = run.state["review"]
    assert isinstance(review, ReviewWindow)
    return review


@guide_shot
def declaration(run: GuideRun) -> None:
    package = run.state["package"]
    assert isinstance(package, Path)
    run.window.open_review(package)
    run.settle()
    review = run.window.review_windows[-1]
    review.resize(*GUIDE_SIZE)
    run.state["review"] = review
    page = review.declaration_page
    page.ui.pledgeCheck.setChecked(True)
    page.model.set_conflict(2, True, "本人曾参与该平台建设项目的验收，申请回避")
    run.save(review, "review-declaration")
    page.confirm()
    run.settle()


@guide_shot
def scoring_desk(run: GuideRun) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from jlpanel.gui.review.indicator_panel import Field
    from jlpanel.gui.review.review_window import ReviewWindow

    review = _review(run)
    assert isinstance(review, ReviewWindow)
    panel = review.desk.panel
    codes = [i.code for i in panel.rubric.indicators] if panel.rubric else []
    for code, text in zip(codes[:4], ("8.5", "4.5", "6", "6"), strict=True):
        panel.focus_field(Field.SCORE, code)
        QTest.keyClicks(panel.rows[code].score_edit, text)
        QTest.keyClick(panel.rows[code].score_edit, Qt.Key.Key_Return)
    run.settle()
    panel.focus_field(Field.SCORE, codes[4])
    review.desk.dossier_view.select_tab("metrics")
    run.save(review, "review-desk")


@guide_shot
def submit_problems(run: GuideRun) -> None:
    from jlpanel.gui.review.review_window import ReviewWindow

    review = _review(run)
    assert isinstance(review, ReviewWindow)
    review.show_submit()
    run.save(review, "review-submit-problems")
    assert review.session is not None
    _fill_all(review.session, None)
    review.reload()
    review.show_submit()
    run.save(review, "review-submit-ready")


@guide_shot
def submitted(run: GuideRun) -> None:
    from PySide6.QtWidgets import QFileDialog

    from jlpanel.gui.review.review_window import ReviewWindow

    review = _review(run)
    assert isinstance(review, ReviewWindow)
    stick = run.folder / "U盘"
    stick.mkdir()
    original = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign,assignment]
        lambda _parent, _title, start, *_a: (str(stick / Path(start).name), "")
    )
    try:
        review.save_score_file()
        run.settle()
    finally:
        QFileDialog.getSaveFileName = original  # type: ignore[method-assign]
    run.save(review, "review-submitted")
    review.show_desk()
    run.settle()
    run.save(review, "review-desk-locked")
    review.close()
    run.settle()
    run.window.show()


# ------------------------------------------------------------- 专家组秘书 (secretary.md)


@guide_shot
def merge(run: GuideRun) -> None:
    """Six of the seven score files and a tampered one: the seventh is still on its way."""
    assert run.demo.score_folder is not None
    scores = sorted(run.demo.score_folder.glob("*.jlscore"))
    run.open_copy(run.demo.workspace, "secretary")
    view = run.window.workspace_view
    view.show_summary()
    dialog = view.merge_scores()
    assert dialog is not None
    tampered = run.folder / "secretary" / f"{scores[0].stem}-改过.jlscore"
    tampered.write_text(
        scores[0].read_text(encoding="utf-8").replace('"revision": 1', '"revision": 9', 1),
        encoding="utf-8",
    )
    run.state["late"] = scores[-1]
    dialog.add_paths([*scores[:-1], tampered])  # type: ignore[attr-defined]
    dialog.start()  # type: ignore[attr-defined]
    run.settle()
    dialog.select_result(len(scores) - 1)  # type: ignore[attr-defined]
    run.save(dialog, "merge-results")
    dialog.accept()  # type: ignore[attr-defined]
    run.settle()
    run.save(run.window, "matrix-missing")


@guide_shot
def matrix(run: GuideRun) -> None:
    view = run.window.workspace_view
    dialog = view.merge_scores()
    assert dialog is not None
    late = run.state["late"]
    assert isinstance(late, Path)
    dialog.add_paths([late])  # type: ignore[attr-defined]
    dialog.start()  # type: ignore[attr-defined]
    run.settle()
    dialog.accept()  # type: ignore[attr-defined]
    run.settle()
    run.save(run.window, "matrix")


@guide_shot
def discussion(run: GuideRun) -> None:
    view = run.window.workspace_view
    view.show_discussion()
    run.settle()
    page = view.discussion_page
    items = page.discussion_items()
    if items:
        page.show_platform(items[0].platform_id)
    run.save(run.window, "discussion")


@guide_shot
def adjust_score(run: GuideRun) -> None:
    page = run.window.workspace_view.discussion_page
    dialog = page.adjust_score()
    assert dialog is not None
    dialog.scoreSpin.setValue(dialog.scoreSpin.value() + 2)
    dialog.reasonEdit.setPlainText(
        "专家组复核服务记录原件后认为B1服务量认定偏低，经讨论一致同意上调。"
    )
    run.save(dialog, "adjust-score")
    dialog.reject()


@guide_shot
def panel_opinion(run: GuideRun) -> None:
    page = run.window.workspace_view.discussion_page
    dialog = page.edit_opinion()
    assert dialog is not None
    run.save(dialog, "panel-opinion")
    dialog.reject()


@guide_shot
def results(run: GuideRun) -> None:
    view = run.window.workspace_view
    view.show_results()
    run.settle()
    run.save(run.window, "results")
    tabs = view.results_page.ui.tabs
    tabs.setCurrentIndex(2)
    run.save(run.window, "results-disqualified")
    tabs.setCurrentIndex(0)


@guide_shot
def reports(run: GuideRun) -> None:
    window = run.window
    window.make_reports()
    dialog = window.report_dialog
    assert dialog is not None
    run.save(dialog, "reports-choose")
    dialog.start()
    run.settle()
    run.save(dialog, "reports-written")
    dialog.accept()
    run.settle()


@guide_shot
def export(run: GuideRun) -> None:
    _modal_file_dialog(lambda dialog: run.save(dialog, "export"))
    run.window.export_results()
    run.settle()
    if not list((run.folder / "secretary").glob("*.xlsx")):
        sys.exit("the export wrote no workbook")


@guide_shot
def user_guide(run: GuideRun) -> None:
    run.window.show_guide()
    help_window = run.window.help_window
    assert help_window is not None
    help_window.resize(*GUIDE_SIZE)
    help_window.show_page("expert")
    run.save(help_window, "help-window")
    run.close(help_window)


if __name__ == "__main__":
    sys.exit(main())
