"""New → open → browse, driven through the real widgets as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.shell.new_workspace_dialog import NewWorkspaceDialog, default_period
from jlpanel.gui.shell.start_page import EXISTS_ROLE
from jlpanel.services.rubrics import default_rubric

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def open_new_dialog(window: MainWindow, qtbot: Any) -> NewWorkspaceDialog:
    qtbot.mouseClick(window.start_page.ui.newButton, Qt.MouseButton.LeftButton)
    dialog = window.new_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Replace the text as a user would: select all, delete, then type.

    Chinese arrives the way an input method delivers it (a committed string); QTest can
    only synthesise Latin-1 key presses.
    """
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def test_start_page_is_shown_first(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.ui.titleLabel.text() == "吉林省科技资源共享服务平台考核评价"
    assert window.start_page.ui.emptyLabel.isVisible()
    assert window.file_menu.title() == "文件(&F)"
    assert not window.close_action.isEnabled()


def test_new_workspace_through_the_dialog(window: MainWindow, qtbot: Any, save_as: Path) -> None:
    dialog = open_new_dialog(window, qtbot)
    start, end = default_period(dt.date.today())
    assert dialog.ui.startDateEdit.date() == QDate(start.year, start.month, start.day)
    assert dialog.ui.endDateEdit.date() == QDate(end.year, end.month, end.day)
    # Nothing is valid until a file is chosen.
    assert not dialog.ok_button.isEnabled()
    # Qt's own catalogue makes the standard button Chinese.
    assert dialog.ui.buttonBox.button(CANCEL).text() == "取消"

    type_into(qtbot, dialog.ui.nameEdit, "2027年度考核评价")
    qtbot.mouseClick(dialog.ui.pathBrowseButton, Qt.MouseButton.LeftButton)
    expected = save_as.with_name("cycle.jlpanel")
    assert dialog.ui.pathEdit.text() == str(expected)
    assert dialog.ok_button.isEnabled()

    with qtbot.waitSignal(window.workspace_opened, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert opened.args == [expected]
    assert expected.is_file()
    assert window.stack.currentWidget() is window.workspace_view
    assert window.workspace_view.ui.cycleNameLabel.text() == "2027年度考核评价"
    assert "已新建 2027年度考核评价" in window.statusBar().currentMessage()
    assert window.recent.paths()[0] == expected
    assert window.windowTitle().startswith("2027年度考核评价")
    assert window.close_action.isEnabled()
    qtbot.waitUntil(lambda: window.new_dialog is None)


def test_ok_needs_a_name_and_a_sane_period(window: MainWindow, qtbot: Any, save_as: Path) -> None:
    dialog = open_new_dialog(window, qtbot)
    qtbot.mouseClick(dialog.ui.pathBrowseButton, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.ui.nameEdit, "   ")
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.ui.nameEdit, "周期")
    dialog.ui.endDateEdit.setDate(QDate(2020, 1, 1))
    dialog.ui.startDateEdit.setDate(QDate(2021, 1, 1))
    assert not dialog.ok_button.isEnabled()
    assert "结束日期早于开始日期" in dialog.ok_button.toolTip()
    dialog.ui.endDateEdit.setDate(QDate(2022, 12, 31))
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ui.fileRubricRadio, Qt.MouseButton.LeftButton)
    assert dialog.ui.rubricPathEdit.isEnabled()
    assert not dialog.ok_button.isEnabled()


def test_an_existing_file_that_is_not_a_store_is_refused_in_the_dialog(
    window: MainWindow, qtbot: Any, save_as: Path
) -> None:
    """(An existing store would take the new cycle: a store holds several.)"""
    target = save_as.with_name("cycle.jlpanel")
    target.write_bytes(b"someone else's file")
    dialog = open_new_dialog(window, qtbot)
    qtbot.mouseClick(dialog.ui.pathBrowseButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.task_failed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.errorText.isVisible()
    assert "该文件不是 jlpanel 工作区" in dialog.ui.errorText.toPlainText()
    assert target.read_bytes() == b"someone else's file"
    assert window.stack.currentWidget() is window.start_page
    assert dialog.ok_button.isEnabled()


def test_a_broken_rubric_lists_its_problems_and_creates_nothing(
    window: MainWindow, qtbot: Any, save_as: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    broken = tmp_path / "broken.toml"
    broken.write_text('[rubric]\nid = "x"\nname_zh = "坏细则"\n', "utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(broken), ""))
    )
    dialog = open_new_dialog(window, qtbot)
    qtbot.mouseClick(dialog.ui.fileRubricRadio, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ui.rubricBrowseButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.rubricPathEdit.text() == str(broken)
    qtbot.mouseClick(dialog.ui.pathBrowseButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.task_failed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    text = dialog.ui.errorText.toPlainText()
    assert "评分细则文件" in text and "处问题" in text
    assert "the rubric has no areas" in text
    assert not save_as.with_name("cycle.jlpanel").exists()


def test_open_a_workspace_from_the_recent_list(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    window.recent.add(workspace_file)
    recent = window.start_page.ui.recentList
    assert recent.isVisible()
    assert recent.model().rowCount() == 1
    recent.setFocus()
    recent.setCurrentIndex(recent.model().index(0, 0))
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.workspace_view.ui.cycleNameLabel.text() == "2025年度考核评价"
    assert "2023-01-01 至 2024-12-31" in window.workspace_view.ui.periodLabel.text()
    assert "0 个平台" in window.workspace_view.ui.countsLabel.text()
    assert window.statusBar().currentMessage().startswith("已打开 2025年度考核评价")

    with qtbot.waitSignal(window.workspace_closed):
        window.close_action.trigger()
    assert window.stack.currentWidget() is window.start_page
    assert window.workspace is None

    # A double-click opens too (QTest's double-click is only the second click's events).
    index = recent.model().index(0, 0)
    qtbot.waitUntil(lambda: recent.visualRect(index).height() > 0)
    centre = recent.visualRect(index).center()
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(recent.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_missing_recent_file_is_greyed_then_removed(
    window: MainWindow, qtbot: Any, tmp_path: Path, message_boxes: list[Any]
) -> None:
    gone = tmp_path / "gone.jlpanel"
    window.recent.add(gone)
    model = window.start_page.model
    assert model.rowCount() == 1
    assert model.data(model.index(0), EXISTS_ROLE) is False
    recent = window.start_page.ui.recentList
    recent.setFocus()
    recent.setCurrentIndex(model.index(0))
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert [m.kind for m in message_boxes] == ["warning"]
    assert str(gone) in message_boxes[0].text
    assert "已将它从最近打开列表中移除" in message_boxes[0].text
    assert window.recent.paths() == []
    assert model.rowCount() == 0
    assert window.start_page.ui.emptyLabel.isVisible()


def test_a_file_that_is_not_a_workspace_gets_a_warning(
    window: MainWindow, qtbot: Any, tmp_path: Path, message_boxes: list[Any]
) -> None:
    fake = tmp_path / "notes.jlpanel"
    fake.write_text("这不是工作区，只是一份笔记。\n" * 20, "utf-8")
    with qtbot.waitSignal(window.task_failed, timeout=10_000):
        window.open_workspace(fake)
    assert [m.kind for m in message_boxes] == ["warning"]
    assert "不是 jlpanel 工作区" in message_boxes[0].text
    assert window.stack.currentWidget() is window.start_page
    assert window.workspace is None
    assert not window.busy
    assert fake.read_text("utf-8").startswith("这不是工作区")
    assert "未能打开 notes.jlpanel" in window.statusBar().currentMessage()


def _open(window: MainWindow, qtbot: Any, path: Path) -> None:
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(path)


def test_browse_to_a1_with_the_keyboard(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    _open(window, qtbot, workspace_file)
    view = window.workspace_view
    tree = view.ui.rubricTree
    assert tree.hasFocus() or tree.focusPolicy() & Qt.FocusPolicy.TabFocus
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Home)
    assert view.current_code() == "A"
    assert "满分 35 分，共 5 项指标" in view.detail_text()

    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert view.current_code() == "A1"
    a1 = default_rubric().indicator("A1")
    detail = view.detail_text()
    assert a1.guidance[0].text.zh in detail
    assert "8–10 分" in detail
    assert a1.evidence[0].zh in detail
    assert "资源条目数" in detail  # an objective metric, by its catalogue name
    assert "评为“差”时必须填写评语" in detail

    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert view.current_code() == "A2"
    qtbot.keyClick(tree, Qt.Key.Key_End)
    assert view.current_code() == "X3"
    assert "步长 0.5 分" in view.detail_text()


def test_vetoes_and_bonus_items_close_the_tree(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    _open(window, qtbot, workspace_file)
    model = window.workspace_view.rubric_model
    names = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert names == ["资源整合能力", "服务成效", "组织运行管理", "一票否决", "加分项"]
    vetoes = model.index(3, 0)
    assert model.rowCount(vetoes) == 3
    assert model.index(0, 1, vetoes).data() == "弄虚作假、违反学术道德"
    window.workspace_view.ui.rubricTree.setCurrentIndex(model.index(0, 0, vetoes))
    assert "取消申报和参加考核评价的资格" in window.workspace_view.detail_text()
    a1 = model.find("A1")
    assert model.index(a1.row(), 2, a1.parent()).data() == "10"
    assert model.index(a1.row(), 3, a1.parent()).data() == "0.5"
    assert model.index(a1.row(), 2, a1.parent()).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )


def test_the_rules_panel_says_every_rule_in_plain_words(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    _open(window, qtbot, workspace_file)
    model = window.workspace_view.rules_model
    rows = {row.rule: row for row in model.rows()}
    assert "5 位及以上专家时去掉一个最高分和一个最低分" in rows["平台得分"].meaning
    assert rows["优秀"].setting == "≥ 90 分"
    assert rows["良好"].setting == "≥ 80 分"
    assert rows["合格"].setting == "≥ 60 分"
    assert rows["优秀比例上限"].setting == "无"
    assert rows["分区下限"].setting == "无"
    assert rows["同分排序"].setting == "B 服务成效"
    assert rows["整改期限"].setting == "12 个月"
    assert rows["最少有效评分"].setting == "3 份"
    excellent = next(n for n, row in enumerate(model.rows()) if row.rule == "优秀")
    alignment = model.index(excellent, 1).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "规则"


def test_switching_to_english_retranslates_everything_and_is_saved(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    from jlpanel.services.preferences import load_preferences

    _open(window, qtbot, workspace_file)
    view = window.workspace_view
    view.select_code("A1")
    window.language_actions["en"].trigger()

    assert window.file_menu.title() == "&File"
    assert window.settings_menu.title() == "&Settings"
    assert window.new_action.iconText() == "New"
    tabs = view.ui.tabs
    assert [tabs.tabText(n) for n in range(tabs.count())] == [
        "Platform list",
        "Experts and assignment",
        "Score summary",
        "Discussion and consensus",
        "Results",
        "Scoring criteria",
        "Assessment rules",
    ]
    experts = view.experts_view
    assert experts.ui.importRosterButton.text() == "Import &roster…"
    assert experts.ui.emptyTitleLabel.text() == "No expert roster yet"
    a1 = default_rubric().indicator("A1")
    detail = view.detail_text()
    assert a1.guidance[0].text.en in detail
    assert "8–10 points" in detail
    assert a1.guidance[0].text.zh not in detail
    assert view.rubric_model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert view.rubric_model.index(0, 1).data() == "Resource integration capability"
    assert view.ui.countsLabel.text() == "0 platforms · 0 experts"
    assert view.rules_model.index(0, 0).data() == "Platform score"
    assert window.statusBar().currentMessage() == "Interface language: English"
    assert load_preferences().language == "en"
    assert window.language_actions["en"].isChecked()

    window.language_actions["zh"].trigger()
    assert window.file_menu.title() == "文件(&F)"
    assert a1.guidance[0].text.zh in view.detail_text()
    assert load_preferences().language == "zh"


def test_the_start_page_and_dialog_follow_the_language(window: MainWindow, qtbot: Any) -> None:
    window.set_language("en")
    assert window.start_page.ui.newButton.text() == "New Workspace"
    assert window.start_page.ui.recentLabel.text() == "Recent workspaces"
    dialog = open_new_dialog(window, qtbot)
    assert dialog.windowTitle() == "New Workspace"
    assert dialog.ok_button.text() == "Create"
    assert dialog.ui.nameEdit.text() == f"{dt.date.today().year} annual evaluation"
    assert dialog.ui.buttonBox.button(CANCEL).text() == "Cancel"
    dialog.reject()


def test_about_names_the_version(window: MainWindow, qtbot: Any) -> None:
    from jlpanel import __version__

    window.about_action.trigger()
    assert window.about_dialog is not None
    qtbot.waitExposed(window.about_dialog)
    assert __version__ in window.about_dialog.versionLabel.text()
    window.about_dialog.reject()


def test_shortcuts_and_the_recent_menu(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.new_dialog is not None
    window.new_dialog.reject()
    qtbot.waitUntil(lambda: window.new_dialog is None)

    window.recent.add(workspace_file)
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&1")]
    assert [a.text() for a in entries] == [f"&1 {workspace_file.name}"]
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        entries[0].trigger()
    assert window.stack.currentWidget() is window.workspace_view

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.workspace_closed):
        qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.start_page
    assert "已关闭 2025年度考核评价" in window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_menu_entry_that_opens_a_tab_is_named_as_the_tab(
    window: MainWindow, qtbot: Any, workspace_file: Path, language: str
) -> None:
    """平台列表 in the menu opens the 平台列表 tab, not one named 平台 (issue 14, item 9)."""
    import re

    from jlpanel.gui.common.i18n import apply_language

    _open(window, qtbot, workspace_file)
    apply_language(language)
    tabs = window.workspace_view.ui.tabs
    actions = [
        window.platforms_action,
        window.experts_action,
        window.summary_action,
        window.discussion_action,
        window.results_action,
        window.rubric_action,
        window.rules_action,
    ]
    try:
        for action in actions:
            action.trigger()
            name = re.sub(r"\(&\w\)|&", "", action.text()).rstrip("…").strip()
            assert tabs.tabText(tabs.currentIndex()).casefold() == name.casefold()
    finally:
        apply_language("zh")


def test_a_status_line_goes_after_a_while_but_a_busy_one_stays(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No stale status text (issue 14): a line about what happened does not outstay it."""
    from jlpanel.gui.shell import main_window

    monkeypatch.setattr(main_window, "STATUS_SHOWN_MS", 200)
    bar = window.statusBar()
    window.status("已导出")
    assert bar.currentMessage() == "已导出"
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=3000)
    window._begin_busy("正在打开 demo.jlpanel…")
    qtbot.wait(400)
    assert bar.currentMessage() == "正在打开 demo.jlpanel…"  # still at work: it stays
    window._end_busy()
    assert bar.currentMessage() == ""  # done: "正在打开…" no longer describes anything


def test_a_workspace_deep_in_long_folders_still_fits_a_laptop_at_150_percent(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    """A long path is cut in the middle in the header, whole in its tooltip, and never sets
    the window's minimum width past 911 px (1366×768 at 150 %)."""
    import shutil

    from jlpanel.services.workspace import create_workspace

    folder = (
        tmp_path / ("吉林省科技厅资源共享服务平台考核评价工作组文件夹" * 2) / "2025年度第二批次"
    )
    folder.mkdir(parents=True)
    path = folder / "2025年度吉林省科技资源共享服务平台考核评价（第二批）.jlpanel"
    with create_workspace(
        path,
        "2025年度考核评价",
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2024, 12, 31),
    ):
        pass
    _open(window, qtbot, path)
    label = window.workspace_view.ui.pathLabel
    assert label.toolTip() == str(path)
    assert window.minimumSizeHint().width() <= 911, window.minimumSizeHint()
    window.resize(911, 512)
    qtbot.waitUntil(lambda: "…" in label.text())
    assert label.text().endswith(".jlpanel") and label.text().startswith("/")
    # Where there is room the whole rubric name shows: it is cut only to fit.
    rubric = window.workspace_view.ui.rubricLabel
    window.resize(1920, 1000)
    qtbot.waitUntil(lambda: rubric.text() == rubric.toolTip())
    shutil.rmtree(folder)


def test_the_merge_dialog_opens_within_the_screen(window: MainWindow, qtbot: Any, tmp_path) -> None:
    from jlpanel.gui.common.geometry import available_geometry
    from jlpanel.gui.secretary.merge_dialog import MergeDialog
    from jlpanel.services.workspace import create_workspace, open_workspace

    path = tmp_path / "w.jlpanel"
    with create_workspace(
        path, "周期", period_start=dt.date(2023, 1, 1), period_end=dt.date(2024, 12, 31)
    ):
        pass
    with open_workspace(path) as ws:
        dialog = MergeDialog(ws, parent=window)
        qtbot.addWidget(dialog)
        available = available_geometry(dialog)
        assert available is not None
        # The offscreen screen is 800×600: a fixed 900×600 dialog did not fit it.
        assert dialog.width() <= min(900, available.width())
        assert dialog.height() <= min(600, available.height())
