"""Expert mode, nothing lost unseen: a reopened sheet's unsubmitted revision, and declarations
that read one way, toggle with Space from any cell and take part in undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import IssuedFiles
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyleOptionViewItem,
)
from test_gui_review import CTRL, SaveAnswers, declare_all, focused, open_review, type_score

from jlpanel.exchange.score_file import parse_score_file
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.review.declaration_page import DeclarationModel
from jlpanel.gui.review.indicator_panel import Field
from jlpanel.gui.review.review_window import ReviewWindow
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.services import review as rv

LEFT = Qt.MouseButton.LeftButton


def close_unasked(review: ReviewWindow, qtbot: Any) -> None:
    """Close a review window still open, answering 稍后提交 if it asks."""
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    if review.session is not None and not review.close():
        if review.declarations_box is not None:
            answer(review.declarations_box, qtbot, "放弃修改并关闭")
        if review.session is not None:
            answer(the_question(review, qtbot), qtbot, "稍后提交")
    assert review.session is None


@pytest.fixture
def review(window: MainWindow, qtbot: Any, issued: IssuedFiles) -> Iterator[ReviewWindow]:
    """The reviewer's package open in expert mode; closed after the test, asked or not."""
    opened = open_review(window, qtbot, issued.package)
    yield opened
    close_unasked(opened, qtbot)


@pytest.fixture
def save_score_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SaveAnswers:
    """The Save dialog answers the next path of the list (a USB stick's folder)."""
    stick = tmp_path / "U盘"
    stick.mkdir()
    answers = SaveAnswers([stick / "第一版.jlscore", stick / "第二版.jlscore"])

    def get_save_file_name(_parent: object, _title: str, start: str, *_args: object) -> Any:
        answers.offered.append(start)
        return str(answers.paths[len(answers.offered) - 1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answers


# ------------------------------------------------------------------------------- helpers


def submit_with_keyboard(review: ReviewWindow, qtbot: Any) -> int:
    """Ctrl+Enter, the (patched) Save dialog, the written revision."""
    with qtbot.waitSignal(review.submitted, timeout=15_000) as done:
        qtbot.keyClick(focused() or review, Qt.Key.Key_Return, CTRL)
    return int(done.args[0].revision)


def submitted_and_reopened(review: ReviewWindow, qtbot: Any) -> None:
    """Both platforms scored, revision 1 submitted, then 重新打开修改."""
    declare_all(review, qtbot)
    session = review.session
    assert session is not None
    for work in rv.progress(session):
        for indicator in session.rubric.indicators:
            rv.set_score(
                session, work.platform.id, indicator.code, indicator.max_points - indicator.step
            )
    review.reload()
    assert submit_with_keyboard(review, qtbot) == 1
    qtbot.mouseClick(review.submit_page.ui.reopenButton, LEFT)
    assert not review.locked
    assert review.stack.currentWidget() is review.desk


def change_first_score(review: ReviewWindow, qtbot: Any, value: str = "6") -> tuple[int, str]:
    """Type a new score for the current platform's first indicator; returns where."""
    assert review.session is not None
    code = review.session.rubric.indicators[0].code
    platform = review.desk.platform_id
    assert platform is not None
    review.desk.panel.focus_field(Field.SCORE, code)
    type_score(qtbot, value)
    return platform, code


def the_question(review: ReviewWindow, qtbot: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: review.unsubmitted_box is not None)
    box = review.unsubmitted_box
    assert box is not None
    qtbot.waitExposed(box)
    return box


def answer(box: QMessageBox, qtbot: Any, text: str) -> None:
    """Click the question's button whose words start with ``text``."""
    (button,) = [b for b in box.buttons() if b.text().startswith(text)]
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, LEFT)


@pytest.fixture
def other_package(issued: IssuedFiles, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Open dialog answers another expert's package; records each time it is shown."""
    others = sorted(p for p in issued.package.parent.glob("*.jlreview") if p != issued.package)
    shown: list[str] = []

    def get_open_file_name(*_args: object, **_kwargs: object) -> tuple[str, str]:
        shown.append(str(others[0]))
        return str(others[0]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return shown


@pytest.fixture
def opened_windows(window: MainWindow, qtbot: Any) -> Iterator[list[ReviewWindow]]:
    """Every review window opened during the test; those still open are closed after it."""
    opened: list[ReviewWindow] = []
    window.review_opened.connect(opened.append)
    yield opened
    for other in opened:
        close_unasked(other, qtbot)


# ------------------------------------------------------------- the unsubmitted revision


def test_a_change_after_reopening_is_shown_until_it_is_submitted(
    review: ReviewWindow, qtbot: Any, save_score_as: SaveAnswers
) -> None:
    submitted_and_reopened(review, qtbot)
    desk = review.desk
    # Reopened, nothing changed yet: no banner; the submit page says the secretary has it all.
    assert desk.banner_text() == ""
    assert desk.ui.revisionLabel.isHidden()
    review.show_submit()
    assert review.submit_page.ui.revisionLabel.text() == (
        "秘书处已有第 1 版；重新打开后尚未修改，无须再次提交。"
    )
    review.show_desk()

    platform, code = change_first_score(review, qtbot)
    assert "第 2 版未提交" in desk.banner_text()
    assert "秘书处仍只有第 1 版" in desk.banner_text()
    assert not desk.ui.submitButton.isHidden() and desk.ui.reopenButton.isHidden()
    assert desk.ui.revisionLabel.isVisible()
    assert desk.ui.revisionLabel.text().startswith("第 2 版未提交")
    row = desk.model.row_of(platform)
    assert desk.model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()
    other = 1 - row
    assert desk.model.index(other, 0).data(Qt.ItemDataRole.FontRole) is None
    assert review.saved_label.text().startswith("第 2 版未提交")
    qtbot.keyClick(focused(), Qt.Key.Key_3, CTRL)
    assert review.submit_page.ui.revisionLabel.text() == (
        "秘书处已有第 1 版；当前修改为第 2 版，尚未提交。"
    )
    # No conflict declared: the state says nothing of 回避 (never "另有 0 个已回避").
    assert review.submit_page.ui.stateLabel.text().startswith("2 个平台已全部评完。请核对下表")

    # Undone, the sheet is the submitted one again: no banner; redone, it is back.
    qtbot.keyClick(focused() or review, Qt.Key.Key_Z, CTRL)
    assert desk.banner_text() == ""
    qtbot.keyClick(focused() or review, Qt.Key.Key_Y, CTRL)
    assert "第 2 版未提交" in desk.banner_text()

    # 提交评分… in the banner: revision 2 is written; the banner says submitted and locked.
    with qtbot.waitSignal(review.submitted, timeout=15_000) as done:
        qtbot.mouseClick(desk.ui.submitButton, LEFT)
    assert done.args[0].revision == 2
    assert "第 2 版未提交" not in desk.banner_text()
    assert "评分已提交（第 2 版）" in desk.banner_text()
    assert desk.ui.revisionLabel.isHidden()
    assert desk.model.index(row, 0).data(Qt.ItemDataRole.FontRole) is None
    written = parse_score_file(save_score_as.paths[1].read_bytes())
    assert not isinstance(written, Exception)
    assert written.revision == 2
    assert written.sheets[[s.platform_id for s in written.sheets].index(platform)].scores[
        code
    ] == pytest.approx(6)


@pytest.mark.parametrize("choice", ["取消", "稍后提交", "提交"])
def test_closing_with_an_unsubmitted_revision_asks(
    choice: str,
    review: ReviewWindow,
    window: MainWindow,
    qtbot: Any,
    issued: IssuedFiles,
    save_score_as: SaveAnswers,
    opened_windows: list[ReviewWindow],
) -> None:
    submitted_and_reopened(review, qtbot)
    # Typed but not entered yet: closing stores it, and it counts as a change.
    code = review.session.rubric.indicators[0].code  # type: ignore[union-attr]
    platform = review.desk.platform_id
    assert platform is not None
    review.desk.panel.focus_field(Field.SCORE, code)
    qtbot.keyClicks(focused(), "5")
    qtbot.keyClick(focused(), Qt.Key.Key_W, CTRL)  # 关闭
    box = the_question(review, qtbot)
    assert box.text() == "第 2 版评分尚未提交。"
    assert "秘书处仍只有第 1 版" in box.informativeText()
    assert {b.text() for b in box.buttons()} == {"提交(&S)…", "稍后提交(&L)", "取消"}
    assert not review.close()  # asked again: the same question, still one
    assert review.unsubmitted_box is box

    if choice == "取消":
        with qtbot.assertNotEmitted(review.closed):
            answer(box, qtbot, "取消")
        assert review.isVisible() and review.session is not None
        assert review.unsubmitted_box is None
        assert "第 2 版未提交" in review.desk.banner_text()
        assert len(save_score_as.offered) == 1  # only revision 1's
        return

    with qtbot.waitSignal(review.closed, timeout=15_000):
        answer(box, qtbot, choice)
    assert review.session is None
    session = rv.open_package(issued.package)
    try:
        state = rv.revision_state(session)
        # The score typed is in the package either way.
        assert rv.platform_work(session, platform).sheet.points[code] == 5
    finally:
        session.close()
    if choice == "提交":
        assert state.locked and state.submitted == 2 and not state.unsubmitted
        assert len(save_score_as.offered) == 2
        assert parse_score_file(save_score_as.paths[1].read_bytes()).revision == 2  # type: ignore[union-attr]
        return
    # 稍后提交: kept in the package, and shown as not submitted when it is opened again.
    assert state.unsubmitted and state.current == 2
    assert len(save_score_as.offered) == 1
    again = open_review(window, qtbot, issued.package)
    assert again.desk.isVisible()
    assert "第 2 版未提交" in again.desk.banner_text()
    assert again.desk.ui.revisionLabel.text().startswith("第 2 版未提交")


def test_submit_from_the_question_stays_open_when_the_sheet_is_incomplete(
    review: ReviewWindow, qtbot: Any, save_score_as: SaveAnswers
) -> None:
    submitted_and_reopened(review, qtbot)
    code = review.session.rubric.indicators[0].code  # type: ignore[union-attr]
    review.desk.panel.focus_field(Field.SCORE, code)
    qtbot.keyClick(focused(), Qt.Key.Key_Delete)  # the score cleared: not complete
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    review.close()
    with qtbot.assertNotEmitted(review.closed):
        answer(the_question(review, qtbot), qtbot, "提交")
    assert review.isVisible()
    assert review.stack.currentWidget() is review.submit_page
    assert not review.submit_page.complete
    assert review.submit_page.ui.revisionLabel.text() == (
        "秘书处已有第 1 版；当前修改为第 2 版，尚未提交。"
    )
    assert len(save_score_as.offered) == 1  # only revision 1's
    # Put back and leave for later.
    review.desk.panel.focus_field(Field.SCORE, code)
    review.jump_to(review.desk.platform_id or 0, "missing", code)
    type_score(qtbot, "6")
    review.close()
    with qtbot.waitSignal(review.closed, timeout=15_000):
        answer(the_question(review, qtbot), qtbot, "稍后提交")


@pytest.mark.parametrize("choice", ["取消", "稍后提交", "提交"])
def test_opening_another_package_with_an_unsubmitted_revision_asks(
    choice: str,
    review: ReviewWindow,
    window: MainWindow,
    qtbot: Any,
    save_score_as: SaveAnswers,
    other_package: list[str],
    opened_windows: list[ReviewWindow],
) -> None:
    submitted_and_reopened(review, qtbot)
    change_first_score(review, qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_O, CTRL)  # 打开评审包
    box = the_question(review, qtbot)
    assert not other_package  # nothing opened before the answer
    if choice == "取消":
        answer(box, qtbot, "取消")
        qtbot.wait(50)
        assert not other_package
        assert "第 2 版未提交" in review.desk.banner_text()
        return
    with qtbot.waitSignal(window.review_opened, timeout=15_000) as opened:
        answer(box, qtbot, choice)
    assert other_package  # the Open dialog came after the answer
    assert opened.args[0] is not review
    assert Path(opened.args[0].info.path) == Path(other_package[0])
    assert review.session is not None
    if choice == "提交":
        assert review.locked and review.info.revision == 2
        assert review.desk.banner_text().startswith("评分已提交（第 2 版）")
    else:
        assert "第 2 版未提交" in review.desk.banner_text()
        assert len(save_score_as.offered) == 1


def test_opening_another_package_without_changes_does_not_ask(
    review: ReviewWindow,
    window: MainWindow,
    qtbot: Any,
    save_score_as: SaveAnswers,
    other_package: list[str],
    opened_windows: list[ReviewWindow],
) -> None:
    submitted_and_reopened(review, qtbot)
    with qtbot.waitSignal(window.review_opened, timeout=15_000):
        qtbot.keyClick(focused(), Qt.Key.Key_O, CTRL)
    assert review.unsubmitted_box is None
    assert other_package


# ----------------------------------------------------------------------- the declaration


def test_a_declaration_toggles_with_space_from_any_cell_and_undoes(
    review: ReviewWindow, qtbot: Any
) -> None:
    page = review.declaration_page
    model = page.model
    table = page.ui.declarationsTable
    qtbot.keyClick(page.ui.pledgeCheck, Qt.Key.Key_Space)
    assert focused() is table
    assert not review.undo_action.isEnabled()

    # Space on the platform's name, not on the declaration: the row becomes 申请回避 and
    # its reason's editor opens.
    table.setCurrentIndex(model.index(1, DeclarationModel.NAME))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.index(1, DeclarationModel.DECLARATION).data() == "申请回避"
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    qtbot.keyClicks(focused(), "former adviser")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rows()[1].reason == "former adviser")
    assert review.undo_action.isEnabled()

    # Ctrl+Z: the reason, then the choice; Ctrl+Y brings them back.
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.rows()[1].conflict and model.rows()[1].reason == ""
    assert "已撤销" in review.statusBar().currentMessage()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert not model.rows()[1].conflict
    assert model.index(1, DeclarationModel.DECLARATION).data() == "无利益冲突"
    assert not review.undo_action.isEnabled()
    assert "申请回避 0 个" in page.ui.stateLabel.text()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)  # nothing more here: nothing stored is undone
    assert not model.rows()[1].conflict
    assert rv.history(review.session) == (False, False)  # type: ignore[arg-type]
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert model.rows()[1].conflict and model.rows()[1].reason == "former adviser"

    # Space on the filing number of the other row, twice: there and back.
    table.setCurrentIndex(model.index(0, DeclarationModel.FILING))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.rows()[0].conflict
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))  # its reason is asked for
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: focused() is table)
    table.setCurrentIndex(model.index(0, DeclarationModel.HOST))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert not model.rows()[0].conflict

    # What is confirmed is what the table shows.
    qtbot.mouseClick(page.ui.confirmButton, LEFT)
    assert review.stack.currentWidget() is review.desk
    declared = {w.platform.id: w.declaration for w in rv.progress(review.session)}  # type: ignore[arg-type]
    first, second = (r.platform.id for r in model.rows())
    assert declared[first] is not None and not declared[first].conflict
    assert declared[second] is not None and declared[second].conflict
    assert declared[second].reason == "former adviser"


def test_a_declaration_cell_has_one_choice_for_each_meaning(
    review: ReviewWindow, qtbot: Any
) -> None:
    page = review.declaration_page
    model = page.model
    table = page.ui.declarationsTable
    page.ui.pledgeCheck.setChecked(True)
    index = model.index(0, DeclarationModel.DECLARATION)
    # No check box whose tick means the opposite of the words beside it.
    assert not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) is None
    delegate = page.choice_delegate
    opt = QStyleOptionViewItem()
    opt.initFrom(table)
    opt.rect = table.visualRect(index)
    opt.widget = table
    no_conflict, conflict = delegate.choice_rects(opt)  # where the choices are drawn
    assert table.visualRect(index).contains(conflict)
    # A click on 申请回避 chooses it; clicking it again keeps it; 无利益冲突 chooses that.
    qtbot.mouseClick(table.viewport(), LEFT, pos=conflict.center())
    assert model.rows()[0].conflict
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    qtbot.mouseClick(table.viewport(), LEFT, pos=conflict.center())
    assert model.rows()[0].conflict
    qtbot.mouseClick(table.viewport(), LEFT, pos=no_conflict.center())
    assert not model.rows()[0].conflict
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert model.rows()[0].conflict
    # The summary after confirming cannot be changed by Space.
    model.set_conflict(0, False)
    qtbot.mouseClick(page.ui.confirmButton, LEFT)
    review.show_declaration()
    assert not page.editing
    table.setCurrentIndex(model.index(0, DeclarationModel.NAME))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert not model.rows()[0].conflict


def test_closing_with_declarations_not_confirmed_asks(
    review: ReviewWindow, qtbot: Any, issued: IssuedFiles
) -> None:
    page = review.declaration_page
    table = page.ui.declarationsTable
    qtbot.keyClick(page.ui.pledgeCheck, Qt.Key.Key_Space)
    assert review.saved_label.text() == "每项修改即时保存"
    table.setCurrentIndex(page.model.index(0, DeclarationModel.HOST))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert review.saved_label.text() == "回避声明尚未确认"

    # 返回声明: the window stays, the choice with it.
    assert not review.close()
    qtbot.waitUntil(lambda: review.declarations_box is not None)
    box = review.declarations_box
    assert box is not None
    assert "尚未确认" in box.text()
    with qtbot.assertNotEmitted(review.closed):
        answer(box, qtbot, "返回声明")
    assert review.isVisible() and page.model.rows()[0].conflict
    assert review.stack.currentWidget() is page

    # Undone, there is nothing to lose: no question. Redone, 放弃修改并关闭 closes.
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert not page.unconfirmed
    qtbot.keyClick(table, Qt.Key.Key_Y, CTRL)
    assert not review.close()
    qtbot.waitUntil(lambda: review.declarations_box is not None)
    with qtbot.waitSignal(review.closed, timeout=15_000):
        answer(review.declarations_box, qtbot, "放弃修改并关闭")  # type: ignore[arg-type]
    with rv.open_package(issued.package) as session:
        assert all(w.declaration is None for w in rv.progress(session))
