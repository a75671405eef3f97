"""The panel secretary's GUI on the demo cycle: merging score files, the matrix, the
discussion list, the consensus round and the results with their lists and charts."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from jlpanel.gui.secretary.charts import GradeChart, SpreadBar, SpreadChart
from jlpanel.gui.secretary.merge_dialog import MergeDialog
from jlpanel.gui.secretary.secretary_models import STATE_ROLE
from jlpanel.gui.secretary.secretary_view import DiscussionPage, ResultsPage, ScoresSummaryPage
from jlpanel.services.demo_scores import (
    EXPECTED_DEMO,
    EXPECTED_DISAGREEMENTS,
    EXPECTED_FUNDING_ORDER,
    FRAUD_PLATFORM,
)

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def workspace(demo: Path, app: QApplication) -> Iterator[Any]:
    from jlpanel.services.workspace import open_workspace

    ws = open_workspace(demo / "demo.jlpanel")
    yield ws
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    ws.close()


@pytest.fixture
def merged(workspace: Any, demo: Path) -> Any:
    """The demo workspace with every expert's score file merged."""
    from jlpanel.services.merge import merge_score_files

    outcomes = merge_score_files(workspace, [demo / "scores"], backup_dir=None)
    assert all(o.status.value == "merged" for o in outcomes)
    return workspace


def _merge_through_dialog(qtbot: Any, dialog: MergeDialog, paths: list[Path]) -> list[Any]:
    dialog.add_paths(paths)
    assert dialog.startButton.isEnabled()
    with qtbot.waitSignal(dialog.merged, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.startButton, Qt.MouseButton.LeftButton)
    return list(blocker.args[0])


def test_the_matrix_counts_each_platforms_sheets_in_and_expected(
    qtbot: Any, workspace: Any, demo: Path
) -> None:
    """The last column: sheets in / assigned experts without a conflict, as the cells say."""
    from jlpanel.services.merge import merge_score_files

    merge_score_files(workspace, [demo / "scores" / "刘淑芬.jlscore"], backup_dir=None)
    page = ScoresSummaryPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace)
    model = page.matrix_model
    last = model.columnCount() - 1
    texts = []
    for row in range(model.rowCount()):
        states = [model.index(row, c).data(STATE_ROLE) for c in range(1, last)]
        done = sum(1 for s in states if s in ("submitted", "paper"))
        expected = sum(1 for s in states if s and s != "conflict")
        texts.append(f"{done} / {expected}")
        assert model.index(row, last).data() == texts[-1]
    assert len({t.split(" / ")[0] for t in texts}) > 1  # some platforms have her sheet


def test_merge_dialog_fills_the_matrix(qtbot: Any, workspace: Any, demo: Path) -> None:
    page = ScoresSummaryPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace)
    assert "仍缺评分" in page.still_missing_text()
    cells = {
        page.matrix_model.index(r, c).data(STATE_ROLE)
        for r in range(page.matrix_model.rowCount())
        for c in range(1, page.matrix_model.columnCount() - 1)
    }
    assert "submitted" not in cells

    dialog = page.open_merge_dialog()
    qtbot.addWidget(dialog)
    outcomes = _merge_through_dialog(qtbot, dialog, [demo / "scores"])

    assert len(outcomes) == 7
    assert {o.status.value for o in outcomes} == {"merged"}
    assert dialog.pages.currentWidget() is dialog.resultsPage
    assert dialog.results_model.rowCount() == 7
    assert "已合并 7 个" in dialog.summaryLabel.text()
    assert page.still_missing_text() == "全部评分已收齐。"
    states = [
        page.matrix_model.index(r, c).data(STATE_ROLE)
        for r in range(page.matrix_model.rowCount())
        for c in range(1, page.matrix_model.columnCount() - 1)
    ]
    assert "missing" not in states
    assert states.count("submitted") > 100
    assert "conflict" in states  # 李建军's declared conflict
    # the same files again change nothing
    dialog._choose_more()
    again = _merge_through_dialog(qtbot, dialog, [demo / "scores"])
    assert {o.status.value for o in again} == {"unchanged"}


def _drop(target: Any, paths: list[Path]) -> None:
    """Drag ``paths`` onto ``target`` and drop them, as a file manager would."""
    from PySide6.QtCore import QMimeData, QPoint, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    assert QApplication.sendEvent(target, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, drop)


def test_a_dropped_folder_lists_its_score_files(qtbot: Any, workspace: Any, demo: Path) -> None:
    dialog = MergeDialog(workspace)
    qtbot.addWidget(dialog)
    assert not dialog.startButton.isEnabled()
    _drop(dialog, [demo / "scores"])
    assert sorted(p.name for p in dialog.paths()) == sorted(
        p.name for p in (demo / "scores").glob("*.jlscore")
    )
    assert dialog.filesList.count() == 7
    assert dialog.startButton.isEnabled()
    _drop(dialog, [demo / "scores", demo / "scores" / "刘淑芬.jlscore"])  # nothing twice
    assert dialog.filesList.count() == 7


def test_a_tampered_file_is_refused_with_its_reason(
    qtbot: Any, workspace: Any, demo: Path, tmp_path: Path
) -> None:
    source = sorted((demo / "scores").glob("*.jlscore"))[0]
    tampered = tmp_path / "tampered.jlscore"
    text = source.read_text(encoding="utf-8")
    changed = text.replace('"revision": 1', '"revision": 7', 1)
    assert changed != text
    tampered.write_text(changed, encoding="utf-8")

    page = ScoresSummaryPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace)
    before = page.still_missing_text()
    dialog = page.open_merge_dialog()
    qtbot.addWidget(dialog)
    (outcome,) = _merge_through_dialog(qtbot, dialog, [tampered])

    assert outcome.status.value == "refused"
    assert "未合并 1 个" in dialog.summaryLabel.text()
    messages = [
        dialog.findings_model.index(r, 1).data() for r in range(dialog.findings_model.rowCount())
    ]
    assert any("签名" in m for m in messages), messages
    assert "tampered.jlscore" in dialog.findingsLabel.text()
    assert page.still_missing_text() == before


def test_discussion_list_puts_the_disagreements_first(qtbot: Any, merged: Any) -> None:
    page = DiscussionPage()
    qtbot.addWidget(page)
    page.set_workspace(merged)
    items = page.discussion_items()
    assert {i.filing_no for i in items[:2]} == set(EXPECTED_DISAGREEMENTS)
    assert items[0].range >= items[1].range
    panel = page.panel()
    assert panel is not None and panel.filing_no == items[0].filing_no
    outlier = EXPECTED_DISAGREEMENTS[panel.filing_no]
    headers = [
        page.scores_model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(page.scores_model.columnCount())
    ]
    assert f"{outlier} ⚑" in headers
    assert {"均值", "截尾均值", "中位数", "极差", "标准差", "n"} <= set(headers)
    assert outlier in page.ui.flagsLabel.text()
    # choosing the second item shows its panel
    page.ui.discussionTable.selectRow(1)
    assert page.current_platform_id() == items[1].platform_id
    assert page.leniency_model.rowCount() == 7


def test_the_panels_agreement_is_shown_with_n_k_and_a_reading(qtbot: Any, merged: Any) -> None:
    from jlpanel.gui.common.i18n import apply_language
    from jlpanel.services.dashboard import agreement_view

    page = DiscussionPage()
    qtbot.addWidget(page)
    page.set_workspace(merged)
    expected = agreement_view(merged)
    assert page.agreement() == expected
    model = page.agreement_model

    def cells(row: int) -> list[str]:
        return [model.data(model.index(row, c)) for c in range(model.columnCount())]

    icc, w = expected.icc, expected.concordance
    assert icc.value is not None and w.value is not None
    # The demo's 7 experts score all 24 platforms but for their conflicts: ICC uses them all,
    # W the platforms that all 7 scored.
    assert cells(0) == [
        "组内相关系数 ICC(2,k)",
        f"{icc.value:.2f}",
        "24",
        f"{icc.raters:.1f}",
        "全部有效评分，k 为平均数",
    ]
    assert cells(1) == [
        "肯德尔和谐系数 W",
        f"{w.value:.2f}",
        str(w.platforms),
        "7",
        "7 位专家都评了的平台",
    ]
    assert 2 <= w.platforms < 24
    assert page.ui.agreementTitle.text() == "专家组评分一致性"
    assert page.ui.agreementReading.text() == f"解读：{expected.reading.zh}"
    assert "评分一致性" in page.ui.agreementReading.text()

    apply_language("en")
    page.reload()
    assert page.ui.agreementTitle.text() == "Panel agreement"
    assert cells(0)[0] == "ICC(2,k)" and cells(1)[4] == "the platforms all 7 experts scored"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Platforms n"
    assert page.ui.agreementReading.text() == f"Reading: {expected.reading.en}"

    page.set_workspace(None)
    assert model.rowCount() == 0 and page.ui.agreementReading.text() == ""


def test_adjusting_needs_a_reason_and_shows_in_the_results(qtbot: Any, merged: Any) -> None:
    page = DiscussionPage()
    qtbot.addWidget(page)
    page.set_workspace(merged)
    target = page.discussion_items()[1]
    page.show_platform(target.platform_id)
    dialog = page.adjust_score()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button().isEnabled()
    dialog.scoreSpin.setValue(91.0)
    assert not dialog.ok_button().isEnabled()
    qtbot.keyClicks(dialog.reasonEdit, "   ")
    assert not dialog.ok_button().isEnabled()
    dialog.reasonEdit.insertPlainText("专家组讨论后一致同意")  # QTest types ASCII only
    assert dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    panel = page.panel()
    assert panel is not None and panel.adjustment is not None
    assert panel.score == pytest.approx(91.0)
    assert "专家组讨论后一致同意" in page.ui.notesLabel.text()

    results = ResultsPage()
    qtbot.addWidget(results)
    results.set_workspace(merged)
    (line,) = [r for r in results.result_lines() if r.platform_id == target.platform_id]
    assert line.adjusted and line.score == pytest.approx(91.0)
    assert line.grade is not None and line.grade.value == "excellent"
    row = results.result_lines().index(line)
    assert results.results_model.index(row, 3).data() == "91.00 *"
    assert results.results_model.index(row, 4).data() == "优秀"


def test_the_panel_opinion_is_prefilled_and_saved(qtbot: Any, merged: Any) -> None:
    from jlpanel.services.consensus import panel_opinion

    page = DiscussionPage()
    qtbot.addWidget(page)
    page.set_workspace(merged)
    platform_id = page.current_platform_id()
    assert platform_id is not None
    dialog = page.edit_opinion()
    qtbot.addWidget(dialog)
    draft = dialog.editor.toPlainText()
    assert "资源整合能力" in draft and "综合得分" in draft
    dialog.editor.setPlainText(draft + "\n专家组同意上述意见。")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = panel_opinion(merged, platform_id)
    assert saved is not None and saved.endswith("专家组同意上述意见。")
    # opened again, the saved text comes back rather than the template
    again = page.edit_opinion()
    qtbot.addWidget(again)
    assert again.editor.toPlainText() == saved


def test_results_show_the_expected_decisions_lists_and_charts(qtbot: Any, merged: Any) -> None:
    page = ResultsPage()
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.set_workspace(merged)
    page.show()
    qtbot.waitExposed(page)
    by_filing = {r.filing_no: r for r in page.result_lines()}
    for filing_no, (grade, decision) in EXPECTED_DEMO.items():
        line = by_filing[filing_no]
        assert (line.grade, line.decision) == (grade, decision), filing_no
    funding = [f.filing_no for f in page.funding_model.rows()]
    assert tuple(funding) == EXPECTED_FUNDING_ORDER
    assert page.funding_model.index(0, 1).data() == by_filing[EXPECTED_FUNDING_ORDER[0]].name
    rectify = {r.filing_no for r in page.rectification_model.rows()}
    disqualified = {d.filing_no: d for d in page.disqualification_model.rows()}
    # Not confirmed yet: the deadline runs from the confirmation, which has no date yet.
    assert all(r.deadline is None for r in page.rectification_model.rows())
    assert all("自结果确定之日起" in r.reason for r in page.rectification_model.rows())
    assert rectify == {f for f, (_, d) in EXPECTED_DEMO.items() if d.value == "rectify"}
    assert set(disqualified) == {
        f for f, (_, d) in EXPECTED_DEMO.items() if d.value == "disqualify"
    }
    assert disqualified[FRAUD_PLATFORM].barred
    assert page.not_final_model.rowCount() == 0
    assert page.history_model.rowCount() == 23  # the store's 2024 cycle, from the register
    # the charts hold the data and paint
    assert len(page.spreadChart.bars()) == len(page.result_lines())
    # on the discussion list: the disagreements and the platform with the fraud veto claim
    flagged = len(set(EXPECTED_DISAGREEMENTS) | {FRAUD_PLATFORM})
    assert sum(1 for b in page.spreadChart.bars() if b.flagged) == flagged
    assert sum(c for _, _, c in page.gradeChart.rows()) == len(page.result_lines())
    for chart in (page.spreadChart, page.gradeChart):
        image = chart.grab().toImage()
        assert not image.isNull() and image.width() > 100 and image.height() > 50
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 3  # something was drawn


def test_the_funding_budget_is_split(qtbot: Any, merged: Any) -> None:
    page = ResultsPage()
    qtbot.addWidget(page)
    page.set_workspace(merged)
    page.ui.budgetSpin.setValue(100.0)
    page.ui.splitCombo.setCurrentIndex(page.ui.splitCombo.findData("equal"))
    page.ui.applyBudgetButton.click()
    amounts = [f.amount for f in page.funding_model.rows()]
    assert amounts == [pytest.approx(20.0)] * 5
    assert page.funding_model.index(0, 5).data() == "20.00"
    assert merged.cycle_info().rules.funding_budget == pytest.approx(100.0)


def test_empty_charts_paint(qtbot: Any, app: QApplication) -> None:
    spread, grades = SpreadChart(), GradeChart()
    for chart in (spread, grades):
        qtbot.addWidget(chart)
        chart.resize(400, 200)
        assert not chart.grab().toImage().isNull()
    spread.set_bars([SpreadBar("平台", 60.0, 70.0, 80.0, None, True)])
    grades.set_rows([("fail", "不合格", 1), (None, "未评定", 2)])
    assert not spread.grab().toImage().isNull()
    assert not grades.grab().toImage().isNull()


def test_a_platform_to_discuss_reads_in_greyscale(qtbot: Any, app: QApplication) -> None:
    """Its bar is hatched, not only red: in greyscale its inside is not one flat grey."""
    from PySide6.QtGui import QImage

    chart = SpreadChart()
    qtbot.addWidget(chart)
    chart.set_bars(
        [
            SpreadBar("甲平台", 40.0, 70.0, 95.0, None, False),
            SpreadBar("乙平台", 40.0, 70.0, 95.0, None, True),
        ]
    )
    chart.resize(600, chart.minimumHeight())
    grey = chart.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    ratio = grey.width() / chart.width()
    row = chart._row_height()

    def changes(n: int) -> int:
        """How often the grey changes along the bar of row ``n``, past its median tick."""
        y = int((row + 2 + n * row + row / 2 - 1) * ratio)
        xs = range(int(chart.width() * 0.72 * ratio), int(chart.width() * 0.9 * ratio))
        values = [grey.pixelColor(x, y).value() for x in xs]
        return sum(1 for a, b in itertools.pairwise(values) if abs(a - b) > 8)

    plain, hatched = changes(0), changes(1)
    assert hatched >= 2 * plain + 6, (plain, hatched)  # a flat tint crossed by grid lines only


def test_the_window_has_the_secretary_tabs_and_menu(
    qtbot: Any, window: Any, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jlpanel.gui.common.i18n import apply_language
    from jlpanel.gui.common.tasks import pending_tasks

    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    view = window.workspace_view
    tabs = [view.ui.tabs.tabText(i) for i in range(view.ui.tabs.count())]
    after = tabs.index("专家与分配") + 1
    assert tabs[after : after + 3] == ["评分汇总", "讨论与共识", "考核结果"]
    assert window.merge_action.shortcut().toString() == "Ctrl+M"
    assert window.merge_action.isEnabled()
    window.merge_action.trigger()
    assert view.ui.tabs.currentWidget() is view.summary_page
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MergeDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    outcomes = _merge_through_dialog(qtbot, dialogs[0], [demo / "scores"])
    assert all(o.ok for o in outcomes)
    dialogs[0].accept()
    assert view.summary_page.still_missing_text() == "全部评分已收齐。"
    assert "已合并 7 个" in window.statusBar().currentMessage()
    # the results tab reads the merged scores when shown
    window.results_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    assert view.results_page.results_model.rowCount() == 24
    apply_language("en")
    tabs = [view.ui.tabs.tabText(i) for i in range(view.ui.tabs.count())]
    assert {"Score summary", "Discussion and consensus", "Results"} <= set(tabs)
    assert view.results_page.results_model.headerData(0, Qt.Orientation.Horizontal) == "Rank"
    assert window.review_menu.title() == "&Review"


def test_another_workspace_does_not_inherit_the_shown_platform(
    qtbot: Any, window: Any, demo: Path, workspace_file: Path
) -> None:
    from jlpanel.gui.common.i18n import apply_language
    from jlpanel.gui.common.tasks import pending_tasks

    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    window.discussion_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    view = window.workspace_view
    assert view.discussion_page.current_platform_id() is not None
    window.close_workspace()
    window.open_workspace(workspace_file)  # no platforms at all
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    apply_language("en")  # every page retranslates; none may ask for the old platform
    window.discussion_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    assert view.discussion_page.current_platform_id() is None
    assert view.discussion_page.discussion_items() == []
    window.results_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    assert view.results_page.result_lines() == []
    window.summary_action.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0)  # read in the background
    assert view.summary_page.still_missing_text() == "No expert roster imported yet"
