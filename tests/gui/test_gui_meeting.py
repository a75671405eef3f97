"""A whole meeting through the GUI, on a small cycle built in code.

new workspace → import dossiers → roster → assign → packages → an expert scores and submits
at the desk → merge → consensus → results → reports → export, each through the real window
and its dialogs; then the PDFs' text and the workbook's contents are checked.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import Shown
from meeting_support import (
    CYCLE,
    EXPERTS,
    NAMES,
    PERIOD,
    PLATFORMS,
    points_for,
    score_package,
    write_dossiers,
    write_roster_file,
)
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog
from python_calamine import CalamineWorkbook
from test_gui_review import declare_all, focused, open_review, type_score
from test_gui_workflow import open_new_dialog, type_into

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.review.indicator_panel import Field
from jlpanel.gui.secretary.merge_dialog import MergeDialog
from jlpanel.gui.secretary.report_dialog import ReportDialog
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.staff.roster_dialog import RosterResultDialog

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
ADJUST_REASON = "专家组讨论：服务成效突出"


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> None:
    """The QFileDialog function ``name`` answers ``value`` without showing anything."""
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: value))


def score_at_the_desk(review: Any, qtbot: Any) -> int:
    """Type every field the desk moves to, platform after platform, until the submit step.

    Scores follow the platform's share (as the other experts' do); a score whose band needs
    a comment gets one. Returns how many fields were typed.
    """
    session = review.session
    panel = review.desk.panel
    typed = 0
    while review.stack.currentWidget() is review.desk:
        field = panel.field_of(focused())
        assert field is not None, focused()
        kind, code = field
        filing_no = session.platform(review.desk.platform_id).filing_no
        if kind is Field.SCORE:
            indicator = session.rubric.indicator(code)
            value = points_for(filing_no, indicator.max_points, indicator.step, 0)
            type_score(qtbot, f"{value:g}")
        else:
            assert kind is Field.COMMENT, field
            type_score(qtbot, "little material")  # QTest types ASCII only
        typed += 1
        assert typed < 200, "the desk does not move on"
    return typed


def test_a_whole_meeting_through_the_gui(
    window: MainWindow,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[Shown],
) -> None:
    view = window.workspace_view

    # ---- 新建工作区
    workspace = tmp_path / "会议" / "2026年度.jlpanel"
    workspace.parent.mkdir()
    answer(monkeypatch, "getSaveFileName", (str(workspace), ""))
    dialog = open_new_dialog(window, qtbot)
    type_into(qtbot, dialog.ui.nameEdit, CYCLE)
    dialog.ui.startDateEdit.setDate(QDate(PERIOD[0].year, PERIOD[0].month, PERIOD[0].day))
    dialog.ui.endDateEdit.setDate(QDate(PERIOD[1].year, PERIOD[1].month, PERIOD[1].day))
    qtbot.mouseClick(dialog.ui.pathBrowseButton, LEFT)
    with qtbot.waitSignal(window.workspace_opened, timeout=15_000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert window.workspace is not None and window.workspace.path == workspace

    # ---- 导入平台材料
    answer(
        monkeypatch,
        "getOpenFileNames",
        ([str(p) for p in write_dossiers(tmp_path / "材料")], ""),
    )
    window.import_action.trigger()
    importing = window.import_dialog
    assert importing is not None
    qtbot.mouseClick(importing.ui.addFilesButton, LEFT)
    with qtbot.waitSignals([importing.imported, view.platforms_refreshed], timeout=30_000):
        qtbot.mouseClick(importing.ui.startButton, LEFT)
    assert all(o.ok for o in importing.results_model.rows())
    importing.accept()
    assert window.statusBar().currentMessage() == "已导入 3 个，未导入 0 个"

    # ---- 专家名单, 分配, 评审包
    experts = view.experts_view
    answer(monkeypatch, "getOpenFileName", (str(write_roster_file(tmp_path / "专家.xlsx")), ""))
    with qtbot.waitSignal(experts.roster_imported, timeout=15_000) as done:
        window.roster_action.trigger()
    assert done.args[0].ok
    roster_dialog = experts.findChild(RosterResultDialog)
    assert roster_dialog is not None and "4 位专家" in roster_dialog.summary_label.text()
    roster_dialog.accept()
    qtbot.waitUntil(lambda: experts.data is not None and experts.ui.assignButton.isEnabled())
    with qtbot.waitSignal(experts.assigned, timeout=15_000):
        window.assign_action.trigger()
    qtbot.waitUntil(experts.ui.issueButton.isEnabled)
    packages = tmp_path / "评审包"
    answer(monkeypatch, "getExistingDirectory", str(packages))
    with qtbot.waitSignal(experts.packages_issued, timeout=30_000) as done:
        window.issue_action.trigger()
    issued = {i.expert_name: i for i in done.args[0]}
    assert sorted(issued) == sorted(EXPERTS)
    assert all(i.platform_count == len(PLATFORMS) for i in issued.values())
    assert experts.issue_dialog is not None
    experts.issue_dialog.accept()

    # ---- 专家评审: the first expert at the desk, from the keyboard
    scores = tmp_path / "U盘"
    scores.mkdir()
    first = EXPERTS[0]
    review = open_review(window, qtbot, issued[first].path)
    declare_all(review, qtbot)
    assert review.desk.model.rowCount() == len(PLATFORMS)
    indicators = len(review.session.rubric.indicators)
    assert score_at_the_desk(review, qtbot) >= len(PLATFORMS) * indicators
    assert review.stack.currentWidget() is review.submit_page and review.submit_page.complete
    answer(monkeypatch, "getSaveFileName", (str(scores / f"{first}.jlscore"), ""))
    with qtbot.waitSignal(review.submitted, timeout=15_000) as done:
        qtbot.keyClick(focused() or review, Qt.Key.Key_Return, CTRL)
    assert done.args[0].path == scores / f"{first}.jlscore"
    review.close()
    qtbot.waitUntil(lambda: not window.review_windows)
    # The other three experts score through services.review — the service the desk calls —
    # so the test stays quick; one expert at the desk covers the keyboard path.
    for spread, expert in enumerate(EXPERTS[1:], 1):
        score_package(issued[expert].path, scores / f"{expert}.jlscore", spread % 2)

    # ---- 合并评分文件 (评审 → 合并评分文件…)
    window.activateWindow()
    window.merge_action.trigger()
    merging = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MergeDialog) and w.isVisible()
    )
    merging.add_paths([scores])
    with qtbot.waitSignal(merging.merged, timeout=60_000) as done:
        qtbot.mouseClick(merging.startButton, LEFT)
    outcomes = done.args[0]
    assert len(outcomes) == len(EXPERTS) and all(o.ok for o in outcomes)
    merging.accept()
    assert view.summary_page.still_missing_text() == "全部评分已收齐。"

    # ---- 讨论与共识: the second platform's score adjusted, with its reason
    window.discussion_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    discussion = view.discussion_page
    combo = discussion.ui.platformCombo
    combo.setCurrentIndex(combo.findText(f"{NAMES[1]}（{PLATFORMS[1][0]}）"))
    assert discussion.panel() is not None and discussion.panel().name == NAMES[1]
    adjusting = discussion.adjust_score()
    adjusting.scoreSpin.setValue(80.0)
    adjusting.reasonEdit.insertPlainText(ADJUST_REASON)  # QTest types ASCII only
    qtbot.mouseClick(adjusting.ok_button(), LEFT)

    # ---- 考核结果
    window.results_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    lines = view.results_page.result_lines()
    assert [line.name for line in lines] == NAMES
    grades = [line.grade.label.zh if line.grade else None for line in lines]
    assert grades == ["优秀", "良好", "不合格"]
    assert lines[1].adjusted and lines[1].score == pytest.approx(80.0)
    assert lines[2].decision.value == "rectify"

    # ---- 生成评审报告, then 打开文件夹
    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(QUrl(url)) or True)
    )
    assert window.report_action.shortcut().toString() == "Ctrl+P"
    window.report_action.trigger()  # 文件 → 生成评审报告…
    reporting = window.report_dialog
    assert isinstance(reporting, ReportDialog)
    qtbot.waitExposed(reporting)
    box = reporting.ui.combinedCheck
    qtbot.mouseClick(box, LEFT, pos=QPoint(10, box.height() // 2))
    with qtbot.waitSignal(reporting.generated, timeout=60_000) as done:
        qtbot.mouseClick(reporting.ui.startButton, LEFT)
    written = done.args[0]
    folder = workspace.parent / "评审报告"
    assert {p.parent for p in written} == {folder}
    assert "合订本.pdf" in {p.name for p in written}
    assert window.statusBar().currentMessage().startswith(f"已生成 {len(written)} 个文件")
    qtbot.mouseClick(reporting.ui.openFolderButton, LEFT)
    assert [Path(u.toLocalFile()) for u in opened] == [folder]
    reporting.accept()
    qtbot.waitUntil(lambda: window.report_dialog is None)

    summary = pdf_text(folder / "汇总表.pdf")
    for line in lines:
        assert line.name in summary
        assert f"{line.score:.2f}" in summary
    assert all(grade in summary for grade in ("优秀", "良好", "不合格"))
    report = pdf_text(folder / f"评价报告-{NAMES[1]}.pdf")
    assert "专家1" in report
    assert not any(expert in report for expert in EXPERTS)  # comments are anonymised
    assert ADJUST_REASON in report and "80.00" in report
    assert (folder / f"整改通知书-{NAMES[2]}.pdf").is_file()

    # ---- 导出结果 (文件 → 导出结果…, Ctrl+E)
    export_path = tmp_path / "导出" / "考核结果.xlsx"
    export_path.parent.mkdir()
    answer(monkeypatch, "getSaveFileName", (str(export_path), "Excel 工作簿 (*.xlsx)"))
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.result_export is None and not window.busy, timeout=30_000)
    assert window.statusBar().currentMessage() == f"已导出考核结果：{export_path}"
    book = CalamineWorkbook.from_path(str(export_path))
    assert book.sheet_names == ["结果汇总", "评分明细", "指标均分", "决定", "历史"]
    rows = book.get_sheet_by_name("结果汇总").to_python()
    header = [str(h) for h in rows[0]]
    exported = {r[header.index("平台名称")]: r for r in rows[1:]}
    assert list(exported) == NAMES
    for line in lines:
        row = exported[line.name]
        assert Decimal(row[header.index("得分")]) == line.score
        assert row[header.index("等级")] == line.grade.label.zh  # type: ignore[union-attr]
    long = book.get_sheet_by_name("评分明细").to_python()
    assert len(long) - 1 == len(EXPERTS) * len(PLATFORMS) * indicators
    assert not [m for m in message_boxes if m.kind in ("warning", "critical")]
    qtbot.waitUntil(lambda: pending_tasks() == 0)
