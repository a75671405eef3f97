"""录入纸质评分表 in the GUI (issue 14 item 6): the secretary types a paper sheet into the form
and it is stored exactly as ``jlpanel paper`` stores the same sheet; a point off the grid is
said beside its box and stores nothing."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from factories import dump
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from review_support import build_cycle, refill, score_cells
from sqlalchemy import select

from jlpanel.cli import main
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.secretary.paper_dialog import PaperEntryDialog
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: 钱晓红 (900002) scores 101, 102 and 104; 103 is her declared conflict.
EXPERT_ID = 900002
EXPERT = "钱晓红"
ASSIGNED = ("JLPT-2023-101", "JLPT-2023-102", "JLPT-2023-104")
PLATFORM = "吉林省第1分析测试资源共享服务平台"  # JLPT-2023-101
OVERALL = "资源丰富，服务规范"
LOW_COMMENT = "仪器开放时间偏少"


@pytest.fixture
def cycle(tmp_path: Path) -> tuple[Path, Path, Any]:
    """A workspace with packages issued, and 钱晓红's blank paper sheet; the rubric."""
    (tmp_path / "cycle").mkdir()
    ws = build_cycle(tmp_path / "cycle", others_work=False)
    path, rubric = ws.path, ws.cycle_info().rubric
    ws.close()
    assert main(["packages", str(path), str(tmp_path / "packages")]) == 0
    paper = next((tmp_path / "packages").glob(f"*{EXPERT}*.xlsx"))
    return path, paper, rubric


def typed_points(rubric: Any) -> dict[str, Decimal]:
    """Points on the grid, varied: the first indicator low enough to need a comment."""
    points = {}
    for n, ind in enumerate(rubric.indicators):
        points[ind.code] = ind.step if n == 0 else ind.max_points - ind.step * (n % 3)
    return points


def fill_paper(cycle: tuple[Path, Path, Any], target: Path) -> Path:
    """钱晓红's sheet filled in: 101 with a comment, a veto and a bonus; the others plain."""
    _, paper, rubric = cycle
    cells = score_cells(paper)
    first = rubric.indicators[0].code
    veto = rubric.vetoes[0].code
    bonus = rubric.bonus_items[0]
    values: dict[tuple[int, int], object] = {}
    for filing_no in ASSIGNED:
        for code, points in typed_points(rubric).items():
            values[(cells[(filing_no, code)], 4)] = float(points)
        values[(cells[(filing_no, first)], 5)] = LOW_COMMENT
        values[(cells[(filing_no, "总评")], 5)] = OVERALL
    values[(cells[("JLPT-2023-101", veto)], 4)] = "是"
    values[(cells[("JLPT-2023-101", veto)], 5)] = "弄虚作假"
    values[(cells[("JLPT-2023-101", bonus.code)], 4)] = float(bonus.step * 2)
    refill(paper, target, values)
    return target


def stored_sheet(path: Path, platform_id: int) -> dict[str, Any]:
    """What the workspace holds of 钱晓红's sheet for one platform, comparable."""
    with open_workspace(path) as ws, ws.reading() as s:
        sheet = s.scalars(
            select(m.ScoreSheet).where(
                m.ScoreSheet.expert_id == EXPERT_ID, m.ScoreSheet.platform_id == platform_id
            )
        ).one()
        return {
            "provenance": sheet.provenance,
            "overall": sheet.overall_comment,
            "points": {
                i.indicator_code: (Decimal(str(i.points)), i.comment)
                for i in s.scalars(
                    select(m.IndicatorScore).where(m.IndicatorScore.sheet_id == sheet.id)
                )
            },
            "vetoes": {
                v.veto_code: v.reason
                for v in s.scalars(select(m.VetoClaim).where(m.VetoClaim.sheet_id == sheet.id))
            },
            "bonus": {
                b.item_code: Decimal(str(b.points))
                for b in s.scalars(select(m.BonusScore).where(m.BonusScore.sheet_id == sheet.id))
            },
            "entered_by": sheet.entered_by,
        }


def open_form(qtbot: Any, window: Any, path: Path) -> PaperEntryDialog:
    """Open the workspace in the window and 录入纸质评分表 from the 评审 menu's shortcut."""
    window.open_workspace(path)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.paper_action.shortcut().toString() == "Ctrl+Shift+P"
    assert window.paper_action in window.review_menu.actions()
    window.paper_action.trigger()
    view = window.workspace_view
    assert view.ui.tabs.currentWidget() is view.summary_page
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PaperEntryDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    dialogs[0].activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialogs[0])
    return dialogs[0]


def type_into(qtbot: Any, widget: Any, text: str) -> None:
    """Replace the text as a user would; Chinese arrives as an input method commits it."""
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


def type_points(qtbot: Any, box: Any, points: Decimal) -> None:
    """Type the points and press Enter, which goes on to the next field (and saves nothing)."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, f"{points:f}")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not box


def test_a_sheet_typed_in_is_stored_as_jlpanel_paper_stores_it(
    qtbot: Any, window: Any, cycle: tuple[Path, Path, Any], tmp_path: Path
) -> None:
    path, _, rubric = cycle
    by_cli = tmp_path / "cli" / path.name
    by_cli.parent.mkdir()
    shutil.copy(path, by_cli)
    sheet = fill_paper(cycle, tmp_path / "filled.xlsx")
    assert main(["paper", str(by_cli), str(sheet)]) == 0

    dialog = open_form(qtbot, window, path)
    # Only her assigned platforms without a conflict are offered.
    dialog.choose(EXPERT, PLATFORM)
    offered = [dialog.platformCombo.itemText(i) for i in range(dialog.platformCombo.count())]
    assert [o.split()[0] for o in offered] == list(ASSIGNED)
    assert dialog.expertCombo.currentText() == EXPERT
    for code, points in typed_points(rubric).items():
        box = dialog.pointBoxes[code]
        assert box.maximum() == float(rubric.indicator(code).max_points)
        assert box.singleStep() == float(rubric.indicator(code).step)
        type_points(qtbot, box, points)
    first = rubric.indicators[0].code
    type_into(qtbot, dialog.commentEdits[first], LOW_COMMENT)
    veto = rubric.vetoes[0].code
    dialog.vetoChecks[veto].setFocus()
    qtbot.keyClick(dialog.vetoChecks[veto], Qt.Key.Key_Space)
    type_into(qtbot, dialog.vetoReasons[veto], "弄虚作假")
    bonus = rubric.bonus_items[0]
    type_points(qtbot, dialog.bonusBoxes[bonus.code], bonus.step * 2)
    type_into(qtbot, dialog.overallEdit, OVERALL)
    type_into(qtbot, dialog.enteredByEdit, "秘书王")
    # Enter in a points box went on to the next field and saved nothing.
    assert dialog.savedLabel.isHidden() and dialog.messageLabel.isHidden()
    assert dialog.error_text(first) == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.messageLabel.isHidden(), dialog.messageLabel.text()
    assert (
        "已保存 钱晓红 对“吉林省第1分析测试资源共享服务平台”的纸质评分" in dialog.savedLabel.text()
    )
    # The form is cleared and goes on to her next platform.
    assert dialog.platformCombo.currentText().startswith("JLPT-2023-102")
    assert dialog.pointBoxes[first].points() is None
    assert "纸质评分" in window.statusBar().currentMessage()

    typed = stored_sheet(path, 101)
    assert typed.pop("entered_by") == "秘书王"
    from_cli = stored_sheet(by_cli, 101)
    from_cli.pop("entered_by")
    assert typed == from_cli
    assert typed["provenance"] == "paper"
    assert typed["points"][first] == (rubric.indicators[0].step, LOW_COMMENT)
    assert typed["bonus"] == {bonus.code: bonus.step * 2}

    # The entry is audited like the command line's.
    with open_workspace(path) as ws, ws.reading() as s:
        actions = s.scalars(select(m.AuditEntry.action)).all()
    assert "enter_paper_scores" in actions
    # Entering 101 again is refused unless replacing is chosen; then it replaces.
    dialog.choose(EXPERT, PLATFORM)
    assert dialog.replaceCheck.isVisible() and not dialog.replaceCheck.isChecked()
    assert "已录入过" in dialog.enteredLabel.text()
    for ind in rubric.indicators:
        type_points(qtbot, dialog.pointBoxes[ind.code], ind.max_points)
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert "已录入过 钱晓红 的纸质评分" in dialog.messageLabel.text()
    assert stored_sheet(path, 101)["points"][first][0] == rubric.indicators[0].step
    dialog.replaceCheck.setFocus()
    qtbot.keyClick(dialog.replaceCheck, Qt.Key.Key_Space)
    assert dialog.replaceCheck.isChecked()
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.messageLabel.isHidden(), dialog.messageLabel.text()
    replaced = stored_sheet(path, 101)
    assert {c: p for c, (p, _) in replaced["points"].items()} == {
        i.code: i.max_points for i in rubric.indicators
    }
    assert replaced["vetoes"] == {} and replaced["bonus"] == {}


def test_a_point_off_the_grid_is_said_beside_its_box_and_stores_nothing(
    qtbot: Any, window: Any, cycle: tuple[Path, Path, Any]
) -> None:
    path, _, rubric = cycle
    dialog = open_form(qtbot, window, path)
    dialog.choose(EXPERT, PLATFORM)
    codes = [ind.code for ind in rubric.indicators]
    for code in codes:
        type_points(qtbot, dialog.pointBoxes[code], rubric.indicator(code).max_points)
    off, second = codes[0], codes[1]
    type_points(qtbot, dialog.pointBoxes[off], Decimal("3.3"))
    # Said as it is typed, beside the box, and again when saving is tried.
    assert dialog.error_text(off) == f"指标 {off} 得分 3.3 不是 0.5 的整数倍"
    assert dialog.error_text(second) == ""
    dialog.pointBoxes[second].clear_points()
    before = dump(window.workspace.path)
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert "得分 3.3 不是 0.5 的整数倍" in dialog.error_text(off)
    assert "尚未评分" in dialog.error_text(second)
    assert dialog.savedLabel.isHidden()
    assert dump(window.workspace.path) == before
    # In English, the messages are English.
    apply_language("en")
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.error_text(off) == f"indicator {off}: 3.3 is not a multiple of 0.5"
    assert dump(window.workspace.path) == before


def test_a_conflict_declared_on_paper_is_stored_with_its_reason(
    qtbot: Any, window: Any, cycle: tuple[Path, Path, Any]
) -> None:
    path, _, _ = cycle
    dialog = open_form(qtbot, window, path)
    dialog.choose(EXPERT, "吉林省第4分析测试资源共享服务平台")  # JLPT-2023-104
    assert dialog.conflictReason.isHidden()
    assert dialog.platformCombo.currentText().startswith("JLPT-2023-104")
    dialog.conflictCheck.setFocus()
    qtbot.keyClick(dialog.conflictCheck, Qt.Key.Key_Space)
    assert dialog.conflictCheck.isChecked() and dialog.conflictReason.isVisible()
    assert not dialog.pointBoxes[next(iter(dialog.pointBoxes))].isEnabled()
    before = dump(path)
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.conflictError.text() == "请写明专家声明的回避理由"
    assert dump(path) == before
    type_into(qtbot, dialog.conflictReason, "近三年与该平台有合作项目")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "已记录 钱晓红 对“吉林省第4分析测试资源共享服务平台”的回避声明" in (
        dialog.savedLabel.text()
    )
    # The platform is no longer offered for her, and the conflict is hers, declared.
    dialog.choose(EXPERT, "")
    offered = [dialog.platformCombo.itemText(i) for i in range(dialog.platformCombo.count())]
    assert [o.split()[0] for o in offered] == ["JLPT-2023-101", "JLPT-2023-102"]
    with open_workspace(path) as ws, ws.reading() as s:
        conflict = s.execute(
            select(m.Conflict.source, m.Conflict.reason).where(
                m.Conflict.expert_id == EXPERT_ID, m.Conflict.platform_id == 104
            )
        ).one()
        sheets = s.scalars(select(m.ScoreSheet.id).where(m.ScoreSheet.expert_id == EXPERT_ID)).all()
    assert tuple(conflict) == ("declared", "近三年与该平台有合作项目")
    assert sheets == []
