"""How the long tasks end, read at a glance: the merge results (a replaced revision says which
revision stands, the same file again is 无变化 and no problem, the problem pane only when there
are problems), and after confirm, export and report a message that opens the file or folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Shown
from meeting_support import build_scored_cycle, opened_copy
from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from review_support import signed_cycle

from jlpanel.gui.common import done_message
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.secretary.merge_dialog import MergeDialog
from jlpanel.gui.secretary.report_dialog import ReportDialog, ResultExport
from jlpanel.gui.secretary.secretary_view import ResultsPage
from jlpanel.services import review as rv

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def cycle(tmp_path: Path, app: QApplication) -> Iterator[tuple[Any, list[Path], Path]]:
    """The small cycle with each expert's signed score file (revision 1), open."""
    from jlpanel.services.workspace import open_workspace

    path, files = signed_cycle(tmp_path)
    ws = open_workspace(path)
    yield ws, files, tmp_path
    QThreadPool.globalInstance().waitForDone()
    ws.close()


@pytest.fixture
def merge_dialog(
    cycle: tuple[Any, list[Path], Path], qtbot: Any, message_boxes: list[Shown]
) -> Iterator[MergeDialog]:
    dialog = MergeDialog(cycle[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def second_revision(folder: Path, files: list[Path]) -> tuple[Path, Path]:
    """One expert reopens the package, changes a score and submits revision 2.

    Returns (revision 1's file, revision 2's file)."""
    package = sorted((folder / "out").glob("*.jlreview"))[0]
    with rv.open_package(package) as session:
        name = rv.package_info(session).expert_name
        rv.reopen(session)
        platform = session.platforms[0]
        indicator = session.rubric.indicators[0]
        rv.set_score(session, platform.id, indicator.code, indicator.max_points)
        second = folder / "usb" / rv.default_score_file_name(session)
        rv.submit(session, second)
    first = next(f for f in files if name in f.name)
    assert first != second
    return first, second


def merge(qtbot: Any, dialog: MergeDialog, paths: list[Path]) -> list[Any]:
    dialog.add_paths(paths)
    with qtbot.waitSignal(dialog.merged, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.startButton, LEFT)
    return list(blocker.args[0])


def results(dialog: MergeDialog) -> dict[str, str]:
    """File name → the 结果 column, for every row."""
    model = dialog.results_model
    return {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}


def every_row_visible(dialog: MergeDialog) -> bool:
    table = dialog.resultsTable
    height = table.viewport().height()
    rows = range(dialog.results_model.rowCount())
    return all(
        table.rowViewportPosition(r) >= 0
        and table.rowViewportPosition(r) + table.rowHeight(r) <= height
        for r in rows
    )


# ------------------------------------------------------------------------------ merge


def test_a_revision_replaced_in_the_same_batch_names_the_revision_that_stands(
    merge_dialog: MergeDialog, cycle: tuple[Any, list[Path], Path], qtbot: Any
) -> None:
    _ws, files, folder = cycle
    first, second = second_revision(folder, files)

    outcomes = merge(qtbot, merge_dialog, [first, second])

    assert [o.status.value for o in outcomes] == ["merged", "merged"]
    assert results(merge_dialog) == {first.name: "已被第 2 版取代", second.name: "已合并"}
    summary = merge_dialog.summaryLabel.text()
    assert "已合并 1 个" in summary and "已被取代 1 个" in summary
    assert "没有需要处理的问题" in summary
    assert merge_dialog.problem_count() == 0
    assert merge_dialog.problemsPane.isHidden()
    assert every_row_visible(merge_dialog)


def test_an_older_revision_after_the_newer_is_replaced_not_a_problem(
    merge_dialog: MergeDialog, cycle: tuple[Any, list[Path], Path], qtbot: Any
) -> None:
    _ws, files, folder = cycle
    first, second = second_revision(folder, files)
    merge(qtbot, merge_dialog, [second])
    qtbot.mouseClick(merge_dialog.moreButton, LEFT)

    (outcome,) = merge(qtbot, merge_dialog, [first])

    assert outcome.status.value == "refused"  # the service still stores nothing from it
    assert results(merge_dialog) == {first.name: "已被第 2 版取代"}
    assert "未合并" not in merge_dialog.summaryLabel.text()
    assert merge_dialog.problem_count() == 0
    assert merge_dialog.problemsPane.isHidden()
    model = merge_dialog.results_model
    assert [model.index(0, c).data() for c in (5, 6)] == ["0", "0"]  # 错误, 提示


def test_the_same_file_again_is_no_change_and_no_problem(
    merge_dialog: MergeDialog, cycle: tuple[Any, list[Path], Path], qtbot: Any
) -> None:
    _ws, files, _folder = cycle
    merge(qtbot, merge_dialog, files)
    assert set(results(merge_dialog).values()) == {"已合并"}
    qtbot.mouseClick(merge_dialog.moreButton, LEFT)

    again = merge(qtbot, merge_dialog, files)

    assert {o.status.value for o in again} == {"unchanged"}
    assert set(results(merge_dialog).values()) == {"无变化"}
    assert merge_dialog.problem_count() == 0
    assert merge_dialog.problemsPane.isHidden()
    assert f"无变化 {len(files)} 个" in merge_dialog.summaryLabel.text()
    assert "没有需要处理的问题" in merge_dialog.summaryLabel.text()
    model = merge_dialog.results_model
    assert {model.index(r, 6).data() for r in range(model.rowCount())} == {"0"}  # 提示
    assert merge_dialog.findings_model.rowCount() == 0
    assert "无变化" in merge_dialog.findingsLabel.text()
    assert every_row_visible(merge_dialog)


def test_a_refused_file_opens_the_problem_pane_below_every_result(
    merge_dialog: MergeDialog, cycle: tuple[Any, list[Path], Path], qtbot: Any
) -> None:
    _ws, files, folder = cycle
    tampered = folder / "tampered.jlscore"
    text = files[0].read_text(encoding="utf-8")
    changed = text.replace('"revision": 1', '"revision": 7', 1)
    assert changed != text
    tampered.write_text(changed, encoding="utf-8")

    merge(qtbot, merge_dialog, [*files, tampered])

    assert results(merge_dialog)[tampered.name] == "被拒绝"
    assert merge_dialog.problem_count() == 1
    assert "1 个文件有问题" in merge_dialog.summaryLabel.text()
    assert not merge_dialog.problemsPane.isHidden()
    # the problem file is selected and its problems shown; every file's row stays in view
    assert merge_dialog.selected_outcomes()[0].path == tampered
    assert merge_dialog.findings_model.rowCount() >= 1
    assert every_row_visible(merge_dialog)
    results_height, problems_height = merge_dialog.resultsSplitter.sizes()
    assert problems_height > results_height > 0  # the list takes what it needs, no more


def test_the_dialog_shows_a_busy_cursor_only_while_it_works(
    merge_dialog: MergeDialog, cycle: tuple[Any, list[Path], Path], qtbot: Any
) -> None:
    shapes: list[Qt.CursorShape] = []
    merge_dialog.progress.progressed.connect(
        lambda *_a: shapes.append(merge_dialog.cursor().shape())
    )
    assert merge_dialog.cursor().shape() == Qt.CursorShape.ArrowCursor
    merge(qtbot, merge_dialog, cycle[1])
    assert shapes and set(shapes) == {Qt.CursorShape.BusyCursor}
    assert merge_dialog.cursor().shape() == Qt.CursorShape.ArrowCursor


# ------------------------------------------------------------- the open-file message

OPEN_FILE, OPEN_FOLDER, CLOSE = "打开文件(&F)", "打开文件夹(&O)", "关闭"


@pytest.fixture(scope="module")
def scored_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small cycle scored and merged, built once for the module."""
    return build_scored_cycle(tmp_path_factory.mktemp("cycle")).parent


@pytest.fixture
def scored(scored_folder: Path, tmp_path: Path, app: QApplication) -> Iterator[Any]:
    with opened_copy(scored_folder, tmp_path / "cycle") as ws:
        yield ws


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, message_boxes: list[Shown]) -> list[Path]:
    """The message's opener records the path instead of starting a program."""
    paths: list[Path] = []

    def open_url(url: QUrl) -> bool:
        paths.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(done_message, "open_url", open_url)
    return paths


def labels(box: QMessageBox) -> list[str]:
    return sorted(b.text() for b in box.buttons())


def click(qtbot: Any, box: QMessageBox, label: str) -> None:
    (button,) = [b for b in box.buttons() if b.text() == label]
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_export_ends_in_a_message_that_opens_the_file_or_its_folder(
    scored: Any, qtbot: Any, tmp_path: Path, opened: list[Path]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    export = ResultExport(scored, parent)
    target = tmp_path / "导出" / "结果.xlsx"
    target.parent.mkdir()
    for label, expected in ((OPEN_FILE, [target]), (OPEN_FOLDER, [target.parent]), (CLOSE, [])):
        opened.clear()
        with qtbot.waitSignal(export.exported, timeout=30_000):
            assert export.start(target)
        box = export.done_message
        assert box is not None and box.isVisible()
        assert box.text() == "已导出考核结果" and str(target) in box.informativeText()
        assert labels(box) == sorted([OPEN_FILE, OPEN_FOLDER, CLOSE])
        assert box.defaultButton().text() == OPEN_FILE
        click(qtbot, box, label)
        assert opened == expected


def test_a_report_ends_in_a_message_that_opens_the_file_or_the_folder(
    scored: Any, qtbot: Any, opened: list[Path]
) -> None:
    dialog = ReportDialog(scored)
    qtbot.addWidget(dialog)
    dialog.show()
    folder = dialog.output_folder()
    for label, combined in ((OPEN_FILE, True), (OPEN_FOLDER, False), (CLOSE, False)):
        opened.clear()
        dialog.set_documents(["publication", "signatures"])
        dialog.ui.combinedCheck.setChecked(combined)
        with qtbot.waitSignal(dialog.generated, timeout=60_000) as done:
            qtbot.mouseClick(dialog.ui.startButton, LEFT)
        written = list(done.args[0])
        box = dialog.done_message
        assert box is not None and box.isVisible()
        assert box.text() == f"已生成 {len(written)} 个文件"
        assert labels(box) == sorted([OPEN_FILE, OPEN_FOLDER, CLOSE])
        # the combined file holds all; without it, the first file written
        main = written[-1] if combined else written[0]
        assert main.name == ("合订本.pdf" if combined else "公示名单.pdf")
        assert f"打开文件：{main.name}" in box.informativeText()
        click(qtbot, box, label)
        assert opened == {OPEN_FILE: [main], OPEN_FOLDER: [folder], CLOSE: []}[label]
        qtbot.mouseClick(dialog.ui.againButton, LEFT)
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_confirming_the_results_ends_in_a_message_that_opens_the_folder(
    scored: Any, qtbot: Any, opened: list[Path]
) -> None:
    page = ResultsPage()
    qtbot.addWidget(page)
    page.set_workspace(scored)
    qtbot.mouseClick(page.ui.confirmButton, LEFT)
    box = page.done_message
    assert box is not None and box.isVisible()
    assert box.text().startswith("考核结果已于") and "Ctrl+E" in box.informativeText()
    assert labels(box) == sorted([OPEN_FOLDER, CLOSE])  # confirming writes no file
    click(qtbot, box, OPEN_FOLDER)
    assert opened == [scored.path.parent]


def test_the_message_speaks_english(scored: Any, qtbot: Any, opened: list[Path]) -> None:
    from jlpanel.gui.common.i18n import apply_language

    apply_language("en")
    parent = QWidget()
    qtbot.addWidget(parent)
    export = ResultExport(scored, parent)
    with qtbot.waitSignal(export.exported, timeout=30_000) as done:
        export.start(scored.path.parent / "results.xlsx")
    box = export.done_message
    assert box is not None
    assert box.text() == "The results were exported"
    assert labels(box) == sorted(["Open &File", "&Open Folder", "Close"])
    click(qtbot, box, "Open &File")
    assert opened == [done.args[0]]
