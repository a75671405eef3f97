"""The 讨论与共识 page fits a laptop: in the main window at 1366×768, at 150 % scaling (911×512
logical) and at 1920×1080, in Chinese and English, a platform's score table shows at least five
experts' columns whole, and the statistics' jargon (n, z, 截尾均值, 标准差, 极差) is explained in
the headers' tooltips."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.secretary.secretary_view import DiscussionPage

pytestmark = pytest.mark.usefixtures("message_boxes")

H = Qt.Orientation.Horizontal
TIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture(scope="module")
def merged_folder(demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo folder with every expert's score file merged, once for the module."""
    from jlpanel.services.merge import merge_score_files
    from jlpanel.services.workspace import open_workspace

    target = tmp_path_factory.mktemp("merged") / "demo"
    shutil.copytree(demo_folder, target)
    with open_workspace(target / "demo.jlpanel") as ws:
        outcomes = merge_score_files(ws, [target / "scores"], backup_dir=None)
    assert all(o.status.value == "merged" for o in outcomes)
    return target


@pytest.fixture
def merged_demo(merged_folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo"
    shutil.copytree(merged_folder, target)
    return target / "demo.jlpanel"


def open_discussion(qtbot: Any, window: Any, path: Path, size: tuple[int, int]) -> DiscussionPage:
    """Open ``path`` in the window at ``size``, go to 讨论与共识 (Ctrl+4) and click the second
    platform of the discussion list."""
    window.resize(*size)
    window.open_workspace(path)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.workspace_view.discussion_page
    assert window.workspace_view.ui.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.discussion_model.rowCount() >= 2)
    table = page.ui.discussionTable
    rect = table.visualRect(page.discussion_model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.current_platform_id() == page.discussion_items()[1].platform_id
    return page


def expert_columns(page: DiscussionPage) -> list[int]:
    """The columns of the experts' scores: their header's tooltip starts with the full name."""
    model = page.scores_model
    panel = page.panel()
    assert panel is not None
    names = tuple(e.name for e in panel.experts)
    return [
        c
        for c in range(model.columnCount())
        if (model.headerData(c, H, TIP) or "").startswith(names)
    ]


def whole_expert_columns(page: DiscussionPage) -> list[int]:
    """The experts' columns shown whole in the score table's viewport."""
    table = page.ui.scoresTable
    header = table.horizontalHeader()
    width = table.viewport().width()
    shown = []
    for column in expert_columns(page):
        left = header.sectionViewportPosition(column)
        if not header.isSectionHidden(column) and 0 <= left <= width - header.sectionSize(column):
            shown.append(column)
    return shown


@pytest.mark.parametrize(
    ("size", "language"),
    [
        ((1366, 768), "zh"),
        ((1366, 768), "en"),
        ((911, 512), "zh"),  # 1366×768 at 150 %
        ((911, 512), "en"),
        ((1920, 1080), "zh"),
    ],
)
def test_five_experts_columns_are_shown_whole(
    qtbot: Any, window: Any, merged_demo: Path, size: tuple[int, int], language: str
) -> None:
    apply_language(language)
    page = open_discussion(qtbot, window, merged_demo, size)
    table = page.ui.scoresTable
    model = page.scores_model
    panel = page.panel()
    assert panel is not None and len(panel.experts) == 7
    assert table.isVisible() and table.viewport().width() > 0

    header = table.horizontalHeader()
    last = model.columnCount() - 1

    def enough() -> bool:
        return len(whole_expert_columns(page)) >= 5

    def all_whole() -> bool:
        right = header.sectionViewportPosition(last) + header.sectionSize(last)
        return len(whole_expert_columns(page)) == 7 and right <= table.viewport().width()

    laptop = size[0] >= 1366
    with contextlib.suppress(qtbot.TimeoutError):  # the names' column fits after the layout
        qtbot.waitUntil(all_whole if laptop else enough, timeout=3000)
    placed = {
        model.headerData(c, H): (header.sectionViewportPosition(c), header.sectionSize(c))
        for c in range(model.columnCount())
    }
    assert enough(), (table.viewport().width(), placed)
    # the indicator names keep about seven characters, cut with … and whole in the tooltip
    least = table.fontMetrics().horizontalAdvance("吉") * 7
    assert header.sectionSize(0) >= least
    first = model.index(0, 0)
    assert model.data(first, TIP).startswith(panel.indicators[0].code)
    # a short expert header: the full name is in the header's and the cells' tooltips
    assert len(expert_columns(page)) == 7
    column = expert_columns(page)[0]
    expert = panel.experts[0]
    assert expert.name in model.headerData(column, H, TIP)
    assert model.data(model.index(0, column), TIP).startswith(expert.name)
    # the discussion list keeps three platforms in view (the left side scrolls instead)
    listed = page.ui.discussionTable

    def third_in_view() -> bool:
        third = listed.visualRect(page.discussion_model.index(2, 0))
        return third.isValid() and third.bottom() < listed.viewport().height()

    with contextlib.suppress(qtbot.TimeoutError):  # rows are measured after their columns
        qtbot.waitUntil(third_in_view, timeout=3000)
    assert third_in_view(), listed.viewport().height()
    if laptop:  # a laptop shows every column, the statistics too
        assert all_whole(), (table.viewport().width(), placed)
    assert_list_text_whole(qtbot, page)


def assert_list_text_whole(qtbot: Any, page: DiscussionPage) -> None:
    """Every platform's name shows whole in the discussion list: it wraps within its cell,
    whose row is as tall as it needs, never cut with …. What is to discuss is whole in its
    tooltip and, for the platform shown, in the flags above its scores."""
    from PySide6.QtCore import QPoint, QRect

    from jlpanel.gui.common.theme import WrappingItemDelegate

    listed = page.ui.discussionTable
    model = page.discussion_model
    metrics = listed.fontMetrics()
    pad_x, pad_y = WrappingItemDelegate.PAD_X, WrappingItemDelegate.PAD_Y
    assert model.rowCount() >= 3
    for row in range(model.rowCount()):
        name = model.data(model.index(row, 1))
        cell = listed.visualRect(model.index(row, 1))
        room = QRect(0, 0, cell.width() - 2 * pad_x - 8, 10_000)  # less the style's margins
        needed = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, name)
        assert needed.width() <= room.width(), (name, cell)
        assert needed.height() <= cell.height() - 2 * pad_y + 2, (name, needed, cell)
        # a row is no taller than its name needs (the reasons never stretch it)
        assert cell.height() <= needed.height() + 2 * pad_y + 8, (name, needed, cell)
        reasons = model.data(model.index(row, 2))
        assert model.data(model.index(row, 2), TIP).replace("\n", "；") == reasons
    # and, once laid out, the list's rows never lie under the next heading (the left side
    # scrolls instead)
    heading = page.ui.leniencyTitle

    def apart() -> bool:
        last = listed.visualRect(model.index(model.rowCount() - 1, 0))
        bottom = min(listed.viewport().height(), last.bottom())
        below = heading.mapTo(page, QPoint(0, 0)).y()
        return listed.viewport().mapTo(page, QPoint(0, bottom)).y() < below

    qtbot.waitUntil(apart, timeout=3000)
    shown = page.discussion_items()[1]
    flags = page.ui.flagsLabel.text()
    assert all(f.text in flags for f in shown.flags), (flags, shown.flags)


def _header_tips(model: Any) -> dict[str, str]:
    return {
        model.headerData(c, H): model.headerData(c, H, TIP) or ""
        for c in range(model.columnCount())
    }


def test_the_jargon_is_explained_in_the_headers(qtbot: Any, window: Any, merged_demo: Path) -> None:
    page = open_discussion(qtbot, window, merged_demo, (1366, 768))
    trim = window.workspace.cycle_info().rules.trim_min_n
    n_valid = page.panel().n_valid
    assert n_valid >= trim  # the demo's platforms are trimmed

    zh = _header_tips(page.scores_model)
    assert "去掉一个最高分和一个最低分" in zh["截尾均值"]
    assert f"达到 {trim} 份时去掉" in zh["截尾均值"]
    assert f"本平台 {n_valid} 份有效评分：已去掉最高、最低各一份" in zh["截尾均值"]
    assert zh["n"].startswith("n：有效评分份数")
    assert "最高分减最低分" in zh["极差"] and "列入讨论清单" in zh["极差"]
    assert "分散程度" in zh["标准差"] and "均值" in zh["均值"] and "居中" in zh["中位数"]
    leniency = _header_tips(page.leniency_model)
    assert "z 分数" in leniency["平均 z 值"] and "标准差" in leniency["平均 z 值"]
    assert "偏宽" in leniency["平均偏离"] and "+4 分" in leniency["倾向"]
    assert "最高分减最低分" in _header_tips(page.discussion_model)["极差"]

    apply_language("en")
    en = _header_tips(page.scores_model)
    assert "dropping the highest and the lowest" in en["Trim. mean"]
    assert f"{trim} or more valid scores" in en["Trim. mean"]
    assert f"has {n_valid} valid scores: the highest and the lowest are dropped" in en["Trim. mean"]
    assert en["n"].startswith("n: the number of valid scores")
    assert "highest score minus the lowest" in en["Range"]
    assert en["SD"].startswith("SD (standard deviation)")
    leniency = _header_tips(page.leniency_model)
    assert "standard deviations" in leniency["Mean z"] and "z-score" in leniency["Mean z"]
    assert "+4 points" in leniency["Tendency"]
    assert "highest expert total minus the lowest" in _header_tips(page.discussion_model)["Range"]


def test_a_long_name_is_shortened_in_the_header() -> None:
    from jlpanel.gui.secretary.secretary_models import short_name

    assert short_name("王志刚") == "王志刚"
    assert short_name("阿依古丽·买买提") == "阿依古丽"
    assert short_name("Maria de la Cruz") == "M. Cruz"
    assert short_name("Alexander Konstantinopoulos") == "A. Konst…"
    assert short_name("司马相如相如相") == "司马相如…"


def test_the_results_table_keeps_room_for_platform_names_in_english(
    qtbot: Any, window: Any, merged_demo: Path
) -> None:
    """ "Post-hoc funding candidate" is cut to fit, not the platform's name."""
    from jlpanel.gui.secretary.secretary_view import RESULTS_DECISION

    window.resize(1366, 768)
    window.open_workspace(merged_demo)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    apply_language("en")
    try:
        window.results_action.trigger()
        page = window.workspace_view.results_page
        qtbot.waitUntil(lambda: page.results_model.rowCount() == 24)
        qtbot.wait(50)
        table = page.ui.resultsTable
        header = table.horizontalHeader()
        wide = table.fontMetrics().horizontalAdvance("吉")
        assert header.sectionSize(2) >= wide * 10, header.sectionSize(2)
        assert header.sectionSize(RESULTS_DECISION) <= wide * 8 + 1
    finally:
        apply_language("zh")


def test_the_list_keeps_its_rows_apart_from_the_next_heading_after_a_language_change(
    qtbot: Any, window: Any, merged_demo: Path
) -> None:
    """Switching to English re-wraps the names: the list grows and pushes 专家评分尺度 down
    rather than drawing its third row under the heading."""
    page = open_discussion(qtbot, window, merged_demo, (1366, 768))
    listed, heading = page.ui.discussionTable, page.ui.leniencyTitle

    def apart() -> bool:
        third = listed.visualRect(page.discussion_model.index(2, 0))
        bottom = listed.viewport().mapTo(page, third.bottomLeft()).y()
        return bottom < heading.mapTo(page, heading.rect().topLeft()).y()

    qtbot.waitUntil(apart, timeout=3000)
    window.set_language("en")
    try:
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(apart, timeout=3000)
        assert apart(), (listed.geometry(), heading.geometry())
    finally:
        window.set_language("zh")
