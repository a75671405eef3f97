"""The staff's workspace on a laptop: 1366×768, and 1366×768 at 150 % (911×512 logical).

QT_SCALE_FACTOR cannot change inside a running test, so 150 % is its logical size. The demo
cycle is opened in Chinese and in English; what the staff must read is not cut, and the
header leaves the tables the height. Screenshots go to /tmp/cut-staff-shots/.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication
from test_gui_review import declare_all, review  # noqa: F401 (the fixture)
from test_review_fits import clipped_cell

from jlpanel.domain.metrics import METRICS
from jlpanel.gui.common.dossier_view import DossierView
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.common.theme import RoomyItemDelegate
from jlpanel.gui.review.review_window import ReviewWindow
from jlpanel.gui.shell.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("message_boxes")

SHOTS = Path("/tmp/cut-staff-shots")
LAPTOP = QSize(1366, 768)
SCALED = QSize(911, 512)


def settle(qtbot: Any) -> None:
    QApplication.processEvents()
    qtbot.wait(60)  # resize timers, the second layout pass
    QApplication.processEvents()


def open_demo(window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str) -> None:
    if language == "en":
        window.language_actions["en"].trigger()
    window.resize(size)
    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    qtbot.waitUntil(lambda: window.workspace_view.platform_list.model.rowCount() > 0)
    settle(qtbot)
    assert window.size() == size


def shoot(window: MainWindow, name: str, language: str, size: QSize) -> None:
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / f"test-{name}-{language}-{size.width()}x{size.height()}.png"))


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [LAPTOP, SCALED], ids=["1366", "150%"])
def test_the_cycle_header_is_one_line(
    window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str
) -> None:
    """Name, period, counts, rubric and file on one line (it took three, ~90 px of every
    tab at 1366×768); what is cut to fit is whole in its tooltip."""
    open_demo(window, qtbot, demo, size, language)
    view = window.workspace_view
    ui = view.ui
    shoot(window, "header", language, size)
    header = ui.headerFrame
    labels = [ui.cycleNameLabel, ui.periodLabel, ui.countsLabel, ui.rubricLabel, ui.pathLabel]
    line = max(label.sizeHint().height() for label in labels)
    assert header.height() <= line + 14, (header.height(), line)
    # Left to right on that line, none over another, all inside the frame.
    for left, right in itertools.pairwise(labels):
        assert left.geometry().right() < right.geometry().left(), (left, right)
        assert left.geometry().top() == right.geometry().top()
    assert labels[-1].geometry().right() <= header.contentsRect().right()
    # Nothing lost: the whole texts in the tooltips.
    info = view.info
    assert info is not None
    assert ui.cycleNameLabel.toolTip() == info.name
    assert ui.pathLabel.toolTip() == str(demo / "demo.jlpanel")
    assert info.rubric.version in ui.rubricLabel.toolTip()
    # The period and counts are whole; at 1366 the cycle's name is too (the path and the
    # rubric give way first).
    for label in (ui.periodLabel, ui.countsLabel):
        assert label.width() >= label.sizeHint().width(), label.text()
    if size == LAPTOP:
        assert ui.cycleNameLabel.text() == info.name
    assert window.minimumSizeHint().width() <= SCALED.width()


def roster_cut(view: Any) -> list[str]:
    """The roster's work units not shown whole (the delegate keeps PAD_X clear each side)."""
    table = view.ui.expertsTable
    model = view.experts_model
    column = model.INSTITUTION
    room = table.columnWidth(column) - 2 * RoomyItemDelegate.PAD_X
    metrics = table.fontMetrics()
    texts = [str(model.index(row, column).data()) for row in range(model.rowCount())]
    return [text for text in texts if metrics.horizontalAdvance(text) > room]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_roster_and_the_matrix_share_the_width_they_need(
    window: MainWindow, qtbot: Any, demo: Path, language: str
) -> None:
    """At 1366 the matrix gets the width its columns need, the roster the rest: every 工作单位
    whole (a fixed 2:3 cut 中国科学院… beside 150 px of empty matrix)."""
    open_demo(window, qtbot, demo, LAPTOP, language)
    window.workspace_view.show_experts()
    view = window.workspace_view.experts_view
    qtbot.waitUntil(lambda: view.data is not None and view.experts_model.rowCount() == 7)
    settle(qtbot)
    shoot(window, "experts", language, LAPTOP)
    assert not roster_cut(view)
    matrix = view.ui.matrixTable
    assert matrix.horizontalHeader().length() <= matrix.viewport().width()
    assert view.ui.expertsTable.horizontalHeader().length() <= (
        view.ui.expertsTable.viewport().width()
    )
    # The user's own split is kept when the tab is read again.
    splitter = view.ui.splitter
    fitted = splitter.sizes()
    handle = splitter.handle(1)
    start = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(-120, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(-120, 0))
    dragged = splitter.sizes()
    assert dragged[0] <= fitted[0] - 100, (fitted, dragged)
    view.refresh()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    settle(qtbot)
    assert splitter.sizes() == dragged


def tabs_out_of_view(view: DossierView) -> list[str]:
    """The dossier's tabs that are not on screen whole: behind scroll arrows, past the
    edge, or their titles cut."""
    tabs = view.ui.tabs
    problems = []
    bar = tabs.tabBar()
    rows = getattr(view, "tab_rows", None)
    if bar.isVisible():
        for number in range(tabs.count()):
            rect = bar.tabRect(number)
            if rect.left() < 0 or rect.right() > bar.width():
                problems.append(f"{tabs.tabText(number)!r} at {rect}, the bar {bar.width()} wide")
        if tabs.usesScrollButtons() and problems:
            problems.append("behind the scroll arrows")
    else:
        assert rows is not None and rows.isVisible()
        metrics = rows.fontMetrics()
        for number, rect in enumerate(rows.tab_rects()):
            text = tabs.tabText(number)
            inside = rows.rect().contains(rect)
            if not inside or rect.width() < metrics.horizontalAdvance(text):
                problems.append(f"{text!r} at {rect} in {rows.rect()}")
    return problems


def open_dossier(
    window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str
) -> DossierView:
    """The demo's first platform in the staff's dossier browser, on its metrics."""
    open_demo(window, qtbot, demo, size, language)
    workspace = window.workspace_view
    first = workspace.platform_list.model.platforms()[0]
    workspace.open_platform(first.id, tab="metrics")
    view = workspace.dossier_view
    qtbot.waitUntil(lambda: view.overview is not None and not view.loading)
    settle(qtbot)
    return view


def open_desk(expert: ReviewWindow, qtbot: Any, language: str) -> DossierView:
    """The expert's scoring desk at 1366×768, its dossier pane on the metrics."""
    if language == "en":
        expert.language_actions["en"].trigger()
    declare_all(expert, qtbot)
    view = expert.desk.dossier_view
    qtbot.waitUntil(lambda: view.overview is not None, timeout=10_000)
    expert.resize(LAPTOP)
    view.select_tab("metrics")
    settle(qtbot)
    return view


def metrics_cut(view: DossierView) -> list[str]:
    """The metrics tree's names and rubric indicators not shown whole."""
    tree = view.ui.metricsTree
    model = view.metrics_model
    problems = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            for column in (model.NAME, model.INDICATORS):
                index = model.index(row, column, parent)
                tree.scrollTo(index)
                delegate = tree.itemDelegateForIndex(index)
                if isinstance(delegate, RoomyItemDelegate):  # one line, elided when narrow
                    text = str(index.data())
                    room = tree.visualRect(index).width() - 2 * delegate.PAD_X
                    if tree.fontMetrics().horizontalAdvance(text) > room:
                        problems.append(f"{text!r} cut to {room} px")
                elif problem := clipped_cell(tree, index):
                    problems.append(problem)
    return problems


def click_every_tab(view: DossierView, qtbot: Any) -> None:
    """Each tab shows its page when clicked where it is drawn."""
    rows = view.tab_rows
    for number, rect in enumerate(rows.tab_rects()):
        qtbot.mouseClick(rows, Qt.MouseButton.LeftButton, pos=rect.center())
        assert view.ui.tabs.currentIndex() == number


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [LAPTOP, SCALED], ids=["1366", "150%"])
def test_every_dossier_tab_is_in_view(
    window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str
) -> None:
    """All eleven tabs on screen whole, wrapped onto a second row where the width runs out
    (at 150 % 重大变更 and 附件 were behind scroll arrows)."""
    view = open_dossier(window, qtbot, demo, size, language)
    shoot(window, "dossier", language, size)
    assert view.ui.tabs.count() == 11
    assert not tabs_out_of_view(view)
    click_every_tab(view, qtbot)
    # The keyboard: Ctrl+Tab in a page, and the arrows on the tabs themselves.
    view.select_tab("overview")
    view.ui.basicTable.setFocus()
    qtbot.keyClick(view.ui.basicTable, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert view.ui.tabs.currentWidget() is view.ui.metricsTab
    view.tab_rows.setFocus()
    qtbot.keyClick(view.tab_rows, Qt.Key.Key_End)
    assert view.ui.tabs.currentWidget() is view.ui.attachmentsTab
    qtbot.keyClick(view.tab_rows, Qt.Key.Key_Left)
    assert view.ui.tabs.currentIndex() == view.ui.tabs.count() - 2


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_dossier_tab_is_in_view_beside_the_scoring_desk(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
    language: str,
) -> None:
    """At 1366 the expert's dossier pane is ~550 px: the tabs after 服务成效 were behind
    scroll arrows, in Chinese as in English."""
    view = open_desk(review, qtbot, language)
    review.grab().save(str(SHOTS / f"test-desk-{language}-1366x768.png"))
    assert not tabs_out_of_view(view)
    click_every_tab(view, qtbot)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("size", [LAPTOP, SCALED], ids=["1366", "150%"])
def test_metric_names_and_indicators_show_whole(
    window: MainWindow, qtbot: Any, demo: Path, size: QSize, language: str
) -> None:
    """The 相关评分指标 column was cut ("A1 Resource volume and coverage; A2 Resource g…") at
    150 %: names and indicators wrap where the width runs out. Where there is room, a
    metric's name stays on one line."""
    view = open_dossier(window, qtbot, demo, size, language)
    shoot(window, "metrics", language, size)
    assert not metrics_cut(view)
    if size == LAPTOP:
        tree = view.ui.metricsTree
        metrics = tree.fontMetrics()
        widest = max(metrics.horizontalAdvance(m.name.get(language)) for m in METRICS)
        assert tree.header().sectionSize(0) >= widest + 2 * tree.indentation()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_metric_indicators_show_whole_beside_the_scoring_desk(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
    language: str,
) -> None:
    """Beside the desk at 1366 the 相关评分指标 column was ~40 px: "A1 …" on every row."""
    view = open_desk(review, qtbot, language)
    review.grab().save(str(SHOTS / f"test-desk-metrics-{language}-1366x768.png"))
    assert not metrics_cut(view)
