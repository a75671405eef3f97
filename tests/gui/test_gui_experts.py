"""The 专家 tab: roster import, conflicts and loads in the matrix, assigning, issuing packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import PANEL, CycleFiles, Shown
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QFileDialog

from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.staff.experts_models import (
    ASSIGNED_MARK,
    CONFLICT_COLOUR,
    CONFLICT_MARK,
    REASON_ROLE,
    ExpertTableModel,
)
from jlpanel.gui.staff.experts_view import ExpertsView
from jlpanel.gui.staff.roster_dialog import RosterResultDialog
from jlpanel.storage.package_file import inspect_package

NAMES = [row[0] for row in PANEL]


@pytest.fixture
def choose_file(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The Open dialog answers the next path put in the list."""
    answers: list[Path] = []

    def get_open_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        return str(answers.pop(0)), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return answers


def open_experts(window: MainWindow, qtbot: Any, workspace: Path) -> ExpertsView:
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(workspace)
    view = window.workspace_view.experts_view
    assert view.data is None  # read when the tab is first shown
    window.show_experts()
    assert window.workspace_view.ui.tabs.currentWidget() is window.workspace_view.ui.expertsTab
    qtbot.waitUntil(lambda: view.data is not None)
    return view


def import_roster(view: ExpertsView, qtbot: Any, choose_file: list[Path], roster: Path) -> Any:
    choose_file.append(roster)
    with qtbot.waitSignal(view.roster_imported, timeout=15_000) as done:
        qtbot.mouseClick(view.ui.importRosterButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        pass
    return done.args[0]


def column_of(view: ExpertsView, name: str) -> int:
    model = view.matrix_model
    return next(
        c
        for c in range(model.count_column)
        if model.headerData(c, Qt.Orientation.Horizontal) == name
    )


def test_roster_import_shows_experts_conflicts_and_the_matrix(
    window: MainWindow, qtbot: Any, cycle_files: CycleFiles, choose_file: list[Path]
) -> None:
    view = open_experts(window, qtbot, cycle_files.workspace)
    assert view.ui.pages.currentWidget() is view.ui.emptyPage
    assert not view.ui.assignButton.isEnabled()
    assert not view.ui.issueButton.isEnabled()

    outcome = import_roster(view, qtbot, choose_file, cycle_files.roster)
    assert outcome.ok
    dialog = view.findChild(RosterResultDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.status_label.text() == "已导入专家名单"
    assert "5 位专家" in dialog.summary_label.text()
    assert "2 处回避关系" in dialog.summary_label.text()
    dialog.accept()

    assert view.ui.pages.currentWidget() is view.ui.contentPage
    model = view.experts_model
    assert [model.index(r, ExpertTableModel.NAME).data() for r in range(5)] == NAMES
    conflicts = {
        model.index(r, 0).data(): model.index(r, ExpertTableModel.CONFLICTS).data()
        for r in range(5)
    }
    assert conflicts == {"王志刚": "1", "刘淑芬": "0", "张宏伟": "1", "陈晓燕": "0", "李建军": "0"}
    assert view.ui.expertsLabel.text() == "专家名单（5 位）"
    assert "5 位专家" in window.workspace_view.ui.countsLabel.text()

    matrix = view.matrix_model
    assert matrix.rowCount() == 3  # two platforms and the load row
    assert matrix.columnCount() == 6  # five experts and the count column
    wang = matrix.index(0, column_of(view, "王志刚"))  # 王志刚 works at the host, 吉林大学
    assert wang.data() == CONFLICT_MARK
    assert "同单位回避" in wang.data(REASON_ROLE)
    assert "吉林大学" in wang.data(Qt.ItemDataRole.ToolTipRole)
    zhang = matrix.index(1, column_of(view, "张宏伟"))  # roster: 回避 吉林农业大学
    assert zhang.data() == CONFLICT_MARK
    assert "名单回避单位" in zhang.data(REASON_ROLE)
    assert matrix.index(0, column_of(view, "刘淑芬")).data() == ""
    assert "尚未分配" in view.ui.matrixLabel.text()
    assert matrix.index(0, matrix.count_column).data() == "0 / 4"
    assert view.ui.assignButton.isEnabled()
    assert not view.ui.issueButton.isEnabled()


def test_assigning_marks_cells_and_counts_loads(
    window: MainWindow, qtbot: Any, cycle_files: CycleFiles, choose_file: list[Path]
) -> None:
    view = open_experts(window, qtbot, cycle_files.workspace)
    import_roster(view, qtbot, choose_file, cycle_files.roster)
    assert view.ui.allRadio.isChecked()
    with qtbot.waitSignal(view.assigned, timeout=10_000):
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.data is not None and view.data.matrix.has_assignment)
    matrix = view.matrix_model
    liu = column_of(view, "刘淑芬")
    assert matrix.index(0, liu).data() == ASSIGNED_MARK
    assert matrix.index(1, liu).data() == ASSIGNED_MARK
    assert matrix.index(0, column_of(view, "王志刚")).data() == CONFLICT_MARK
    loads = {name: matrix.index(matrix.load_row, column_of(view, name)).data() for name in NAMES}
    assert loads == {"王志刚": "1", "刘淑芬": "2", "张宏伟": "1", "陈晓燕": "2", "李建军": "2"}
    assert matrix.index(0, matrix.count_column).data() == "4 / 4"
    assert matrix.index(matrix.load_row, matrix.count_column).data() == "8"
    assert view.experts_model.index(1, ExpertTableModel.LOAD).data() == "2"
    assert "共 8 份评审" in view.ui.matrixLabel.text()
    assert "已分配专家" in window.statusBar().currentMessage()
    assert view.ui.issueButton.isEnabled()
    assert not matrix.short_rows()

    # Every-N mode: three per platform, balanced.
    view.ui.perPlatformSpin.setValue(3)
    assert view.ui.perPlatformRadio.isChecked()
    assert view.per_platform() == 3
    with qtbot.waitSignal(view.assigned, timeout=10_000) as done:
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    assert done.args[0].per_platform == 3
    qtbot.waitUntil(lambda: view.matrix_model.index(0, matrix.count_column).data() == "3 / 4")


def test_assignment_refused_names_the_short_platform(
    window: MainWindow,
    qtbot: Any,
    cycle_files: CycleFiles,
    choose_file: list[Path],
    message_boxes: list[Shown],
) -> None:
    view = open_experts(window, qtbot, cycle_files.workspace)
    import_roster(view, qtbot, choose_file, cycle_files.short_roster)
    matrix = view.matrix_model
    # Two of three experts are free for the first platform: it is highlighted already.
    assert matrix.short_rows() == [0]
    header = matrix.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(header, QBrush) and header.color().name() == CONFLICT_COLOUR
    assert matrix.index(0, matrix.count_column).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "1 个平台专家不足 3 位" in view.ui.matrixLabel.text()

    with qtbot.waitSignal(view.refused, timeout=10_000) as refused:
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    shown = [m for m in message_boxes if m.kind == "warning"]
    assert len(shown) == 1
    assert "吉林省分析测试资源共享服务平台" in shown[0].text
    assert "JLKJ-2021-007" in shown[0].text
    assert "需要 3 位" in shown[0].text
    assert "吉林省分析测试资源共享服务平台" in refused.args[0]
    assert "未能分配专家" in window.statusBar().currentMessage()
    assert not view.data.matrix.has_assignment  # type: ignore[union-attr]


def test_replacing_the_roster_asks_first(
    window: MainWindow,
    qtbot: Any,
    cycle_files: CycleFiles,
    choose_file: list[Path],
    message_boxes: list[Shown],
) -> None:
    view = open_experts(window, qtbot, cycle_files.workspace)
    import_roster(view, qtbot, choose_file, cycle_files.short_roster)
    assert view.experts_model.rowCount() == 3
    outcome = import_roster(view, qtbot, choose_file, cycle_files.roster)
    questions = [m for m in message_boxes if m.kind == "question"]
    assert len(questions) == 1 and "3 位专家" in questions[0].text
    assert outcome.status.value == "replaced"
    assert view.experts_model.rowCount() == 5


def test_a_roster_with_errors_lists_them(
    window: MainWindow,
    qtbot: Any,
    cycle_files: CycleFiles,
    choose_file: list[Path],
    tmp_path: Path,
) -> None:
    view = open_experts(window, qtbot, cycle_files.workspace)
    broken = tmp_path / "名单.xlsx"
    broken.write_text("姓名,工作单位\n", "utf-8")
    choose_file.append(broken)
    with qtbot.waitSignal(view.roster_imported, timeout=15_000) as done:
        qtbot.mouseClick(view.ui.importRosterButton, Qt.MouseButton.LeftButton)
    assert not done.args[0].ok
    dialog = view.findChild(RosterResultDialog)
    assert dialog is not None
    assert dialog.status_label.text() == "未导入：名单中有错误"
    assert dialog.findings_model.rowCount() >= 1
    assert "工作区未作任何改动" in dialog.summary_label.text()
    assert view.ui.pages.currentWidget() is view.ui.emptyPage


def test_issuing_packages_from_the_tab(
    window: MainWindow,
    qtbot: Any,
    cycle_files: CycleFiles,
    choose_file: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    view = open_experts(window, qtbot, cycle_files.workspace)
    import_roster(view, qtbot, choose_file, cycle_files.roster)
    with qtbot.waitSignal(view.assigned, timeout=10_000):
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.ui.issueButton.isEnabled)
    folder = tmp_path / "发放"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(folder))
    )
    with qtbot.waitSignal(view.packages_issued, timeout=30_000) as done:
        qtbot.mouseClick(view.ui.issueButton, Qt.MouseButton.LeftButton)
    issued = done.args[0]
    assert sorted(i.expert_name for i in issued) == sorted(NAMES)
    for item in issued:
        assert item.path.parent == folder
        inspect_package(item.path)  # a real, complete package
        assert item.paper_sheet is not None and item.paper_sheet.is_file()
    dialog = view.issue_dialog
    assert dialog is not None
    assert dialog.ui.pages.currentWidget() is dialog.ui.resultsPage
    model = dialog.model
    rows = {
        model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 2).data())
        for r in range(model.rowCount())
    }
    assert rows["刘淑芬"] == ("刘淑芬-2025年度考核评价.jlreview", "2")
    assert rows["王志刚"][1] == "1"
    assert "已发放 5 份评审包" in dialog.ui.titleLabel.text()
    assert dialog.ui.openFolderButton.isEnabled()
    assert "已发放 5 份评审包" in window.statusBar().currentMessage()
    dialog.accept()
    QApplication.processEvents()
