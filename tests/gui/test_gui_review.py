"""Expert mode on a real review package: declare, score from the keyboard, submit, reopen."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import REVIEWER, IssuedFiles, Shown
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPlainTextEdit

from jlpanel.exchange.score_file import parse_score_file, verify_signature
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.review.declaration_page import DeclarationModel
from jlpanel.gui.review.indicator_panel import Field
from jlpanel.gui.review.review_window import ReviewWindow
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.services import review as rv

REPO = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> Any:
    return QApplication.focusWidget()


def open_review(window: MainWindow, qtbot: Any, package: Path) -> ReviewWindow:
    with qtbot.waitSignal(window.review_opened, timeout=15_000) as opened:
        window.open_workspace(package)  # the same entry as the start page's 打开
    review = opened.args[0]
    assert isinstance(review, ReviewWindow)
    qtbot.waitExposed(review)
    review.activateWindow()
    qtbot.waitUntil(lambda: review.isActiveWindow())
    return review


@pytest.fixture
def review(window: MainWindow, qtbot: Any, issued: IssuedFiles) -> Iterator[ReviewWindow]:
    """The reviewer's package open in expert mode (the start page is hidden meanwhile)."""
    opened = open_review(window, qtbot, issued.package)
    yield opened
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    if opened.session is not None:
        opened.close()


@dataclass
class SaveAnswers:
    """What the patched Save dialog answers, and the names it was offered."""

    paths: list[Path]
    offered: list[str] = field(default_factory=list)


@pytest.fixture
def save_score_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SaveAnswers:
    """The Save dialog answers the next path of the list (a USB stick's folder)."""
    stick = tmp_path / "U盘"
    stick.mkdir()
    answers = SaveAnswers([stick / "评分-第一次", stick / "评分-第二次.jlscore"])

    def get_save_file_name(_parent: object, _title: str, start: str, *_args: object) -> Any:
        answers.offered.append(start)
        return str(answers.paths[len(answers.offered) - 1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return answers


def declare_all(review: ReviewWindow, qtbot: Any, conflict_row: int | None = None) -> None:
    page = review.declaration_page
    page.ui.pledgeCheck.setChecked(True)
    if conflict_row is not None:
        page.model.set_conflict(conflict_row, True, "曾任该平台技术顾问")
    qtbot.mouseClick(page.ui.confirmButton, Qt.MouseButton.LeftButton)
    assert review.stack.currentWidget() is review.desk


# ------------------------------------------------------------------------ declaration


def test_the_package_opens_on_the_declaration(
    review: ReviewWindow, window: MainWindow, issued: IssuedFiles
) -> None:
    assert REVIEWER in review.windowTitle()
    assert "2025年度考核评价" in review.windowTitle()
    assert review.stack.currentWidget() is review.declaration_page
    assert not window.isVisible()  # the start page steps aside for expert mode
    page = review.declaration_page
    assert "严格保密" in page.ui.pledgeBrowser.toPlainText()
    names = [page.model.index(r, DeclarationModel.NAME).data() for r in range(2)]
    assert names == issued.platform_names
    assert not review.desk_action.isEnabled()


def test_confirming_needs_the_pledge_and_a_reason_for_each_conflict(
    review: ReviewWindow, qtbot: Any, issued: IssuedFiles
) -> None:
    page = review.declaration_page
    button = page.ui.confirmButton
    assert not button.isEnabled()
    assert "保密承诺" in page.ui.stateLabel.text()
    page.ui.pledgeCheck.setChecked(True)
    assert button.isEnabled()
    page.model.set_conflict(0, True)
    assert not button.isEnabled()
    assert "未填写理由" in page.ui.stateLabel.text()
    reason = page.model.index(0, DeclarationModel.REASON)
    assert page.model.setData(reason, "  ")
    assert not button.isEnabled()
    assert page.model.setData(reason, "本人曾任该平台技术顾问")
    assert button.isEnabled()
    page.ui.pledgeCheck.setChecked(False)
    assert not button.isEnabled()
    page.ui.pledgeCheck.setChecked(True)

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # The declared conflict is off the desk; the other platform is on it.
    desk = review.desk
    assert review.stack.currentWidget() is desk
    listed = [desk.model.work(r).platform.name for r in range(desk.model.rowCount())]
    assert listed == [issued.platform_names[1]]
    assert "已回避 1" in desk.ui.progressLabel.text()
    assert rv.progress(review.session)[0].state is rv.Progress.CONFLICT  # type: ignore[arg-type]
    # Shown again as a summary, with 修改声明.
    review.show_declaration()
    assert not page.editing
    assert page.ui.editButton.isVisible()
    assert "申请回避 1 个" in page.ui.stateLabel.text()
    assert not page.model.flags(page.model.index(0, DeclarationModel.DECLARATION)) & (
        Qt.ItemFlag.ItemIsUserCheckable
    )


def test_withdrawing_a_conflict_puts_the_platform_back(review: ReviewWindow, qtbot: Any) -> None:
    declare_all(review, qtbot, conflict_row=0)
    assert review.desk.model.rowCount() == 1
    review.show_declaration()
    page = review.declaration_page
    qtbot.mouseClick(page.ui.editButton, Qt.MouseButton.LeftButton)
    page.model.set_conflict(0, False)
    qtbot.mouseClick(page.ui.confirmButton, Qt.MouseButton.LeftButton)
    assert review.desk.model.rowCount() == 2


# ------------------------------------------------------------------- keyboard only


def type_score(qtbot: Any, text: str) -> Any:
    """Type into whatever has the focus and press Enter; returns the widget typed into."""
    widget = focused()
    assert isinstance(widget, (QLineEdit, QPlainTextEdit)), widget
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    return widget


def test_a_platform_scored_and_submitted_from_the_keyboard(
    review: ReviewWindow,
    qtbot: Any,
    issued: IssuedFiles,
    save_score_as: SaveAnswers,
    message_boxes: list[Shown],
) -> None:
    session = review.session
    assert session is not None
    rubric = session.rubric
    page = review.declaration_page
    panel = review.desk.panel

    # The declaration: the pledge box has the focus; Space ticks it and moves to the table.
    qtbot.waitUntil(lambda: focused() is page.ui.pledgeCheck)
    qtbot.keyClick(page.ui.pledgeCheck, Qt.Key.Key_Space)
    table = page.ui.declarationsTable
    assert focused() is table
    assert table.currentIndex().column() == DeclarationModel.DECLARATION
    # Space declares a conflict with the first platform; its reason's editor opens.
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit))
    qtbot.keyClicks(focused(), "former adviser")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(page.can_confirm)  # the table's editor commits on the next turn
    qtbot.keyClick(table, Qt.Key.Key_B, ALT)  # 确认并开始评审(&B), an animated click
    qtbot.waitUntil(lambda: review.stack.currentWidget() is review.desk)
    platform = review.desk.platform_id
    assert platform is not None and review.desk.model.rowCount() == 1

    # The cursor waits in the first score field.
    codes = [i.code for i in rubric.indicators]
    assert focused() is panel.rows[codes[0]].score_edit

    # A veto, from the keyboard: Alt+4 (vetoes and bonus), Space, the reason, Enter.
    qtbot.keyClick(focused(), Qt.Key.Key_4, ALT)
    veto = rubric.vetoes[0]
    assert focused() is panel.veto_rows[veto.code].check
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert focused() is panel.veto_rows[veto.code].reason_edit
    type_score(qtbot, "forged service records")
    assert rv.platform_work(session, platform).sheet.vetoes == {veto.code: "forged service records"}
    # Back to the first indicator not scored yet.
    assert focused() is panel.rows[codes[0]].score_edit

    # Out of bounds: flagged, not saved, the cursor stays.
    first = panel.rows[codes[0]].score_edit
    qtbot.keyClicks(first, "12")
    assert first.property("state") == "invalid"
    assert "超出" in review.statusBar().currentMessage()
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert focused() is first
    assert rv.platform_work(session, platform).sheet.points[codes[0]] is None
    qtbot.keyClick(first, Qt.Key.Key_A, CTRL)
    # Off the step, then not a number.
    qtbot.keyClicks(first, "7.3")
    assert first.property("state") == "invalid"
    assert "0.5" in review.statusBar().currentMessage()
    qtbot.keyClick(first, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(first, "x")
    assert "不是数字" in review.statusBar().currentMessage()
    qtbot.keyClick(first, Qt.Key.Key_A, CTRL)

    # Every indicator: a number, Enter; the cursor moves on. A2 gets a 差-band score.
    poor = "A2"
    for number, code in enumerate(codes):
        row = panel.rows[code]
        assert focused() is row.score_edit, (code, focused())
        value = "1" if code == poor else f"{row.indicator.max_points - row.indicator.step:g}"
        type_score(qtbot, value)
        assert rv.platform_work(session, platform).sheet.points[code] == float(value)
        if code == poor:
            assert row.level_label.text() == "差"
            assert row.comment_edit.property("state") == "required"
        if number + 1 < len(codes):
            assert focused() is panel.rows[codes[number + 1]].score_edit
    assert "已保存" in review.saved_label.text()
    # After the last indicator: the comment the 差 band requires.
    assert focused() is panel.rows[poor].comment_edit
    expected_total = panel.total_text()
    type_score(qtbot, "little growth in the period")
    # The platform is complete: there is no other, so on to the submit step.
    assert review.stack.currentWidget() is review.submit_page
    assert review.submit_page.complete
    work = rv.platform_work(session, platform)
    assert work.state is rv.Progress.DONE
    assert work.sheet.comments == {poor: "little growth in the period"}

    # Ctrl+Z undoes the last edit (the comment): back on the desk, in that field.
    qtbot.keyClick(focused() or review, Qt.Key.Key_Z, CTRL)
    assert review.stack.currentWidget() is review.desk
    assert focused() is panel.rows[poor].comment_edit
    assert panel.rows[poor].comment_edit.text() == ""
    assert rv.platform_work(session, platform).state is rv.Progress.PARTIAL
    assert "已撤销" in review.statusBar().currentMessage()
    # Ctrl+Shift+Z brings it back; Ctrl+Z again, and the comment typed anew.
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert rv.platform_work(session, platform).sheet.comments == {
        poor: "little growth in the period"
    }
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)
    assert focused() is panel.rows[poor].comment_edit
    type_score(qtbot, "little growth")
    assert review.submit_page.complete
    summary = review.submit_page.summary_model
    assert summary.rowCount() == 2  # the scored platform and the declared conflict
    assert "（另有 1 个已回避）" in review.submit_page.ui.stateLabel.text()

    # Ctrl+Enter: the save dialog (defaulting to the package's file name), then the file.
    with qtbot.waitSignal(review.submitted, timeout=15_000) as done:
        qtbot.keyClick(focused() or review, Qt.Key.Key_Return, CTRL)
    written = done.args[0]
    assert save_score_as.offered[0].endswith("-r1.jlscore")
    assert written.path == save_score_as.paths[0].with_name("评分-第一次.jlscore")
    assert written.revision == 1
    parsed = parse_score_file(written.path.read_bytes())
    assert not isinstance(parsed, Exception)
    assert verify_signature(parsed, issued.hmac_key)
    assert parsed.revision == 1
    assert parsed.conflicts()  # the declared conflict travels with its reason
    (sheet,) = parsed.sheets
    assert sheet.comments == {poor: "little growth"}
    assert sheet.vetoes == {veto.code: "forged service records"}
    assert f"{sum(sheet.scores.values()):g}" == expected_total
    assert str(written.path) in review.submit_page.ui.resultLabel.text()

    # Locked: nothing can be typed until the sheet is reopened.
    assert review.locked
    assert panel.rows[codes[0]].score_edit.isReadOnly()
    assert not review.desk.ui.lockedFrame.isHidden()
    assert review.reopen_action.isEnabled()
    assert not review.undo_action.isEnabled()

    # 重新打开修改: edit one score, submit again — revision 2.
    qtbot.mouseClick(review.submit_page.ui.reopenButton, Qt.MouseButton.LeftButton)
    assert not review.locked
    assert review.stack.currentWidget() is review.desk
    panel.focus_field(Field.SCORE, codes[0])
    type_score(qtbot, "8")
    with qtbot.waitSignal(review.submitted, timeout=15_000) as again:
        qtbot.keyClick(focused() or review, Qt.Key.Key_Return, CTRL)
    assert again.args[0].revision == 2
    second = parse_score_file(save_score_as.paths[1].read_bytes())
    assert not isinstance(second, Exception)
    assert second.revision == 2 and verify_signature(second, issued.hmac_key)
    assert not [m for m in message_boxes if m.kind in ("warning", "critical")]


def test_platform_switching_and_area_keys(
    review: ReviewWindow, qtbot: Any, issued: IssuedFiles
) -> None:
    declare_all(review, qtbot)
    desk = review.desk
    panel = desk.panel
    first, second = (desk.model.work(r).platform.id for r in range(2))
    assert desk.platform_id == first
    qtbot.waitUntil(lambda: desk.dossier_view.overview is not None)
    with qtbot.waitSignal(desk.dossier_view.overview_loaded, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert desk.platform_id == second
    assert issued.platform_names[1] in panel.title_label.text()
    assert desk.dossier_view.ui.nameLabel.text() == issued.platform_names[1]
    # The guidance shows the indicator's levels and this platform's own metric values.
    guidance = panel.guidance_text()
    a1 = review.session.rubric.indicators[0]  # type: ignore[union-attr]
    assert a1.guidance[0].text.zh in guidance
    assert "8–10 分" in guidance
    assert "客观指标（本平台）" in guidance
    count = desk.dossier_view.overview.metrics["resource_count"]  # type: ignore[union-attr]
    assert f"资源条目数\n{count:,.0f}\n条" in guidance  # the second platform's own value
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, CTRL)
    assert desk.platform_id == first
    # Alt+2: the second area's first indicator.
    qtbot.keyClick(focused(), Qt.Key.Key_2, ALT)
    b_first = review.session.rubric.areas[1].indicators[0].code  # type: ignore[union-attr]
    assert focused() is panel.rows[b_first].score_edit
    assert panel.tabs.currentIndex() == 1
    # F1 hides and shows the guidance.
    assert panel.guidance.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_F1)
    assert not panel.guidance.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_F1)
    assert panel.guidance.isVisible()


def test_typing_then_switching_platform_keeps_the_score(review: ReviewWindow, qtbot: Any) -> None:
    declare_all(review, qtbot)
    desk = review.desk
    first = desk.platform_id
    code = review.session.rubric.indicators[0].code  # type: ignore[union-attr]
    qtbot.keyClicks(focused(), "6.5")  # no Enter
    qtbot.keyClick(focused(), Qt.Key.Key_PageDown, CTRL)
    assert desk.platform_id != first
    assert rv.platform_work(review.session, first).sheet.points[code] == 6.5  # type: ignore[arg-type]


def test_incomplete_sheet_lists_problems_and_jumps_to_them(
    review: ReviewWindow, qtbot: Any, save_score_as: SaveAnswers
) -> None:
    declare_all(review, qtbot)
    qtbot.keyClicks(focused(), "1")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # Ctrl+Enter: not complete
    page = review.submit_page
    assert review.stack.currentWidget() is page
    assert not page.complete
    problems = page.problems_model.problems()
    kinds = {p.kind for p in problems}
    assert {"missing", "comment_required"} <= kinds
    assert "处需要处理" in page.ui.stateLabel.text()
    assert not save_score_as.offered
    row = next(r for r, p in enumerate(problems) if p.kind == "comment_required")
    index = page.problems_model.index(row, 0)
    page.ui.problemsTable.setCurrentIndex(index)
    qtbot.keyClick(page.ui.problemsTable, Qt.Key.Key_Return)
    assert review.stack.currentWidget() is review.desk
    code = problems[row].code
    assert focused() is review.desk.panel.rows[code].comment_edit


# ---------------------------------------------------------------------- kill test

TYPIST = r"""
import sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from jlpanel.gui.shell.app import make_app
from jlpanel.gui.review.review_window import ReviewWindow, open_review_package

app = make_app(language="zh")
window = ReviewWindow(open_review_package(Path(sys.argv[1])))
window.show()
window.activateWindow()
app.processEvents()
page = window.declaration_page
page.ui.pledgeCheck.setChecked(True)
page.confirm()
app.processEvents()
rubric = window.session.rubric
print("ready", flush=True)
n = 0
while True:
    for platform in range(window.desk.model.rowCount()):
        for indicator in rubric.indicators:
            widget = QApplication.focusWidget()
            field = window.desk.panel.field_of(widget)
            assert field is not None and field[1] == indicator.code, (field, indicator.code)
            points = indicator.max_points - indicator.step * (n % 3)
            platform_id = window.desk.platform_id
            QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(widget, f"{points:g}")
            QTest.keyClick(widget, Qt.Key.Key_Return)
            print(f"typed {platform_id} {indicator.code} {points:g}", flush=True)
            n += 1
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_every_score_typed_survives_sigkill(issued: IssuedFiles, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    kill_after = 22  # past the first platform, into the second
    with subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(issued.package)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        watchdog = threading.Timer(120, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None and child.stderr is not None
            assert child.stdout.readline().strip() == "ready", child.stderr.read()
            typed: list[tuple[int, str, float]] = []
            while len(typed) < kill_after:
                line = child.stdout.readline()
                assert line.startswith("typed "), line + child.stderr.read()
                _, platform, code, points = line.split()
                typed.append((int(platform), code, float(points)))
            child.send_signal(signal.SIGKILL)
            child.wait(30)
        finally:
            watchdog.cancel()
    assert child.returncode == -signal.SIGKILL
    session = rv.open_package(issued.package)
    try:
        for platform, code, points in typed:
            assert rv.platform_work(session, platform).sheet.points[code] == points, code
        assert {p for p, _, _ in typed} == {p.id for p in session.platforms}
    finally:
        session.close()


def test_expert_mode_in_english(review: ReviewWindow, qtbot: Any) -> None:
    review.language_actions["en"].trigger()
    page = review.declaration_page
    assert review.windowTitle().endswith("jlpanel expert review")
    assert page.ui.titleLabel.text() == "Conflicts of interest and confidentiality"
    assert "strictly confidential" in page.ui.pledgeBrowser.toPlainText()
    assert page.model.index(0, DeclarationModel.DECLARATION).data() == "No conflict"
    assert page.ui.stateLabel.text() == "Read and tick the confidentiality pledge first."
    declare_all(review, qtbot)
    panel = review.desk.panel
    assert panel.tabs.tabText(0) == "A Resource integration capability"
    assert panel.tabs.tabText(panel.tabs.count() - 1) == "Vetoes · bonus"
    code = review.session.rubric.indicators[0].code  # type: ignore[union-attr]
    assert panel.rows[code].comment_edit.placeholderText() == "Comment (optional)"
    assert "Not started 2" in review.desk.ui.progressLabel.text()
    assert "Excellent" in panel.guidance_text()
    qtbot.keyClicks(focused(), "x")
    assert review.statusBar().currentMessage() == f"{code}: “x” is not a number"
    review.show_submit()
    assert "2 platform(s) not complete" in review.submit_page.ui.stateLabel.text()
    assert review.submit_step_action.text() == "③ Submit"


OPENER = r"""
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from jlpanel.gui.review.review_window import ReviewWindow

def exec_until_expert_mode(self=None):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        QApplication.processEvents()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        if any(isinstance(w, ReviewWindow) for w in shown):
            print("shown:", ",".join(sorted(type(w).__name__ for w in shown)), flush=True)
            review = next(w for w in shown if isinstance(w, ReviewWindow))
            print("title:", review.windowTitle(), flush=True)
            review.close()
            return 0
        time.sleep(0.01)
    return 3

QApplication.exec = exec_until_expert_mode
from jlpanel.cli import main
sys.exit(main(["open", sys.argv[1]]))
"""


def test_jlpanel_open_a_package_starts_expert_mode(issued: IssuedFiles, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JLPANEL_CONFIG_DIR": str(tmp_path / "cfg"),
        "JLPANEL_DATA_DIR": str(tmp_path / "data"),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    result = subprocess.run(
        [sys.executable, "-c", OPENER, str(issued.package)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # Expert mode alone: the staff's window is not shown.
    assert "shown: ReviewWindow\n" in result.stdout
    assert f"title: {REVIEWER} · 2025年度考核评价" in result.stdout


def test_submit_is_spelled_ctrl_enter_everywhere(review: ReviewWindow) -> None:
    """The menu, the shortcut list and the guide all say Ctrl+Enter; Ctrl+Return still works."""
    from PySide6.QtGui import QKeySequence

    from jlpanel.gui.common.shortcuts_dialog import key_text

    action = review.submit_action
    assert action.shortcut().toString() == "Ctrl+Enter"  # what the menu shows
    native = QKeySequence("Ctrl+Enter").toString(QKeySequence.SequenceFormat.NativeText)
    assert key_text(action) == native  # once: "Ctrl+回车" in Chinese, not twice
    assert {s.toString() for s in action.shortcuts()} == {"Ctrl+Enter", "Ctrl+Return"}
