"""The 专家 tab's same-name checks: listed with the reason, confirmed, cleared, undone."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import PANEL, CycleFiles, Shown, write_roster_file
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from sqlalchemy import select

from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.staff.experts_models import CHECK_REASON, CHECK_STATUS, CONFLICT_MARK, REASON_ROLE
from jlpanel.gui.staff.experts_view import ExpertsView
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: The panel and two namesakes of the sample dossiers' people: 王五 is on row 2 of both staff
#: sheets, 李四 is both platforms' contact person.
NAMESAKES = (
    *PANEL,
    ("王五", "长春工业大学", "教授", "仪器科学", ()),
    ("李四", "延边大学", "研究员", "分析化学", ()),
)
FIRST, SECOND = "JLKJ-2021-007", "JLKJ-2022-013"


@pytest.fixture
def experts(
    window: MainWindow, qtbot: Any, cycle_files: CycleFiles, monkeypatch: pytest.MonkeyPatch
) -> ExpertsView:
    """The 专家 tab with the roster of namesakes imported."""
    roster = write_roster_file(cycle_files.roster.with_name("同名.xlsx"), NAMESAKES)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(roster), ""))
    )
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(cycle_files.workspace)
    view = window.workspace_view.experts_view
    window.show_experts()
    qtbot.waitUntil(lambda: view.data is not None)
    with qtbot.waitSignal(view.roster_imported, timeout=15_000):
        qtbot.mouseClick(view.ui.importRosterButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.name_checks_model.rowCount() == 4, timeout=10_000)
    dialog = view.roster_dialog
    assert dialog is not None
    assert "4 处同名待核实：专家与平台材料中的人员同名" in dialog.summary_label.text()
    dialog.accept()
    return view


def rows(view: ExpertsView) -> list[tuple[str, str, str]]:
    """(expert, platform number, status) of every row, as shown."""
    model = view.name_checks_model
    return [
        (
            model.index(r, 0).data(),
            model.index(r, 1).data().split()[0],
            model.index(r, CHECK_STATUS).data(),
        )
        for r in range(model.rowCount())
    ]


def decide(view: ExpertsView, qtbot: Any, button: QWidget) -> Any:
    """Press ``button`` from the keyboard (Space), wait for the decision and the refresh."""
    with qtbot.waitSignal(view.name_checked, timeout=10_000) as done:
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
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


def test_namesakes_are_listed_with_the_reason_to_check(experts: ExpertsView, qtbot: Any) -> None:
    view = experts
    assert view.ui.nameChecksPane.isVisible()
    assert view.ui.nameChecksLabel.text() == "同名核实：待核实 4 项，共 4 项"
    assert rows(view) == [
        ("王五", FIRST, "待核实"),
        ("王五", SECOND, "待核实"),
        ("李四", FIRST, "待核实"),
        ("李四", SECOND, "待核实"),
    ]
    model = view.name_checks_model
    assert (
        model.index(0, CHECK_REASON).data() == "专家“王五”与本平台材料中的人员表第 2 行“王五”同名"
    )
    assert model.index(2, CHECK_REASON).data() == "专家“李四”与本平台材料中的联系人“李四”同名"
    tip = model.index(0, CHECK_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert "吉林省分析测试资源共享服务平台（JLKJ-2021-007）" in tip and "待核实" in tip
    assert model.index(0, CHECK_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    # The first row is chosen: it can be confirmed or cleared, not undone.
    assert view.selected_name_check().expert_name == "王五"  # type: ignore[union-attr]
    assert view.ui.confirmNameButton.isEnabled() and view.ui.clearNameButton.isEnabled()
    assert not view.ui.reopenNameButton.isEnabled()
    # Keyboard: each action has its Alt shortcut, and Tab reaches them from the table.
    assert view.ui.confirmNameButton.shortcut() == QKeySequence("Alt+C")
    assert view.ui.clearNameButton.shortcut() == QKeySequence("Alt+X")
    assert view.ui.reopenNameButton.shortcut() == QKeySequence("Alt+U")
    window = view.window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    view.ui.nameChecksTable.setFocus()
    for expected in ("noteEdit", "confirmNameButton", "clearNameButton"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == expected  # type: ignore[union-attr]


def test_confirming_clearing_and_undoing_from_the_keyboard(
    window: MainWindow, experts: ExpertsView, qtbot: Any
) -> None:
    view = experts
    table = view.ui.nameChecksTable
    table.setFocus()

    # Confirm 王五 for the first platform: a conflict in the matrix, on the expert's row.
    outcome = decide(view, qtbot, view.ui.confirmNameButton)
    assert outcome.changed and outcome.still_open == 3
    assert rows(view)[0] == ("王五", FIRST, "已确认回避")
    assert view.ui.nameChecksLabel.text() == "同名核实：待核实 3 项，共 4 项"
    assert "已确认回避：王五 — JLKJ-2021-007 是同一人" in window.statusBar().currentMessage()
    cell = view.matrix_model.index(0, column_of(view, "王五"))
    assert cell.data() == CONFLICT_MARK
    assert cell.data(REASON_ROLE).startswith("同名核实回避：经核实为同一人：")
    # The selection stays on the decided row: now it can be cleared or undone.
    assert view.selected_name_check().status.value == "confirmed"  # type: ignore[union-attr]
    assert not view.ui.confirmNameButton.isEnabled() and view.ui.reopenNameButton.isEnabled()

    # Down to 王五 and the second platform; clear it with a note.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert view.selected_name_check().filing_no == SECOND  # type: ignore[union-attr]
    view.ui.noteEdit.setFocus()
    view.ui.noteEdit.insert("电话核实，不是同一人")  # typed through the input method
    decide(view, qtbot, view.ui.clearNameButton)
    assert rows(view)[1] == ("王五", SECOND, "已排除")
    record = view.name_checks_model.index(1, 4).data()
    assert record.endswith("；备注：电话核实，不是同一人")
    assert view.ui.noteEdit.text() == ""
    assert view.matrix_model.index(1, column_of(view, "王五")).data() != CONFLICT_MARK

    # Undo the confirmation: to check again, the conflict gone.
    table.selectRow(0)
    decide(view, qtbot, view.ui.reopenNameButton)
    assert rows(view)[0] == ("王五", FIRST, "待核实")
    assert view.matrix_model.index(0, column_of(view, "王五")).data() != CONFLICT_MARK
    assert "已撤销核实：王五 — JLKJ-2021-007" in window.statusBar().currentMessage()

    # Assigning says how many checks are still open.
    with qtbot.waitSignal(view.assigned, timeout=10_000):
        qtbot.mouseClick(view.ui.assignButton, Qt.MouseButton.LeftButton)
    assert "尚有 3 项同名待核实" in window.statusBar().currentMessage()


def test_the_context_menu_offers_the_same_actions(experts: ExpertsView, qtbot: Any) -> None:
    from PySide6.QtWidgets import QMenu

    view = experts
    table = view.ui.nameChecksTable
    position = table.visualRect(view.name_checks_model.index(2, 0)).center()
    table.customContextMenuRequested.emit(position)
    menu = view.findChildren(QMenu)[-1]
    qtbot.waitUntil(menu.isVisible)
    own = menu.actions()[:3]  # then a separator and the table's 复制, 全选, 导出所选…
    assert [a.text() for a in own] == ["确认回避(&C)", "排除(&X)", "撤销核实(&U)"]
    assert [a.isEnabled() for a in own] == [True, True, False]
    assert menu.actions()[3].isSeparator()
    assert view.selected_name_check().expert_name == "李四"  # type: ignore[union-attr]
    with qtbot.waitSignal(view.name_checked, timeout=10_000):
        menu.actions()[1].trigger()
    menu.close()
    qtbot.waitUntil(lambda: rows(view)[2][2] == "已排除", timeout=10_000)


def test_a_decision_on_a_changed_dossier_is_refused_and_the_list_refreshed(
    experts: ExpertsView, qtbot: Any, cycle_files: CycleFiles, message_boxes: list[Shown]
) -> None:
    view = experts
    # Someone replaces the first dossier behind the view's back: 王五 is on row 9 as well.
    with open_workspace(cycle_files.workspace) as ws, ws.session() as s:
        pid = s.scalars(select(m.Platform.id).where(m.Platform.filing_no == FIRST)).one()
        s.add(m.StaffMember(platform_id=pid, name="王五", source_row=9))

    with qtbot.waitSignal(view.refused, timeout=10_000) as refused:
        qtbot.mouseClick(view.ui.clearNameButton, Qt.MouseButton.LeftButton)

    assert "请刷新后再核实" in refused.args[0]
    assert any("请刷新后再核实" in shown.text for shown in message_boxes)

    def reason() -> str:
        return str(view.name_checks_model.index(0, CHECK_REASON).data())

    qtbot.waitUntil(lambda: "人员表第 9 行“王五”" in reason(), timeout=10_000)
    assert rows(view)[0] == ("王五", FIRST, "待核实")  # nothing was decided


def test_in_english(window: MainWindow, experts: ExpertsView, qtbot: Any) -> None:
    view = experts
    decide(view, qtbot, view.ui.confirmNameButton)
    window.set_language("en")
    try:
        model = view.name_checks_model
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert headers == ["Expert", "Platform", "Same name", "Status", "Checked"]
        assert model.index(0, CHECK_STATUS).data() == "Confirmed: same person"
        assert model.index(1, CHECK_STATUS).data() == "To check"
        assert model.index(1, CHECK_REASON).data() == (
            "The expert '王五' has the name of the staff sheet, row 2 '王五' in this "
            "platform's dossier"
        )
        assert view.ui.nameChecksLabel.text() == "Same names: 3 to check of 4"
        assert view.ui.confirmNameButton.text() == "&Confirm conflict"
        assert view.ui.clearNameButton.text() == "C&lear: not the same person"
        assert view.ui.noteLabel.text() == "&Memo:"
    finally:
        window.set_language("zh")
    assert view.ui.nameChecksLabel.text() == "同名核实：待核实 3 项，共 4 项"


def test_no_namesakes_no_section(
    window: MainWindow, qtbot: Any, cycle_files: CycleFiles, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *_a, **_k: (str(cycle_files.roster), "")),
    )
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(cycle_files.workspace)
    view = window.workspace_view.experts_view
    window.show_experts()
    qtbot.waitUntil(lambda: view.data is not None)
    with qtbot.waitSignal(view.roster_imported, timeout=15_000):
        qtbot.mouseClick(view.ui.importRosterButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.ui.pages.currentWidget() is view.ui.contentPage)
    assert view.name_checks_model.rowCount() == 0
    assert not view.ui.nameChecksPane.isVisible()
    assert QApplication.focusWidget() is not view.ui.confirmNameButton
