"""The secretary's pages at national size (issue 16): 讨论与共识 shows a background read's lists
and its platform's panel in two turns of the event loop, never over the user's own choice; a
platform's score table works each cell's text out once per panel, and a new panel never shows
the old one's texts; the spread chart cuts only the names it paints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QApplication, QScrollArea, QStyleOptionViewItem, QTableView
from test_discussion_fits import merged_demo, merged_folder  # noqa: F401

from jlpanel.gui.common.formatting import fixed
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.secretary.charts import SpreadBar, SpreadChart, _common_start
from jlpanel.gui.secretary.secretary_models import PanelScoresModel
from jlpanel.gui.secretary.secretary_view import DiscussionPage, ResultsPage, _CompactDelegate

pytestmark = pytest.mark.usefixtures("message_boxes")


def _page_on(qtbot: Any, page_class: type[Any], ws: Any) -> Any:
    """A secretary page of ``page_class`` at a laptop's size on the workspace ``ws``, unread."""
    page = page_class()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.set_workspace(ws, load=False)
    return page


def _texts(model: PanelScoresModel) -> list[list[Any]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_score_tables_texts_are_kept_per_panel_and_follow_a_new_one(
    qtbot: Any,
    merged_demo: Path,  # noqa: F811
) -> None:
    from jlpanel.services.dashboard import discussion_list, platform_panel
    from jlpanel.services.workspace import open_workspace

    with open_workspace(merged_demo) as ws:
        items = discussion_list(ws, "zh")
        first = platform_panel(ws, items[0].platform_id, "zh")
        second = platform_panel(ws, items[1].platform_id, "zh")
    model = PanelScoresModel()
    model.set_panel(first)
    shown = _texts(model)
    # each text is the one worked out afresh (the exact rounding's, bit for bit) …
    for r, row in enumerate(shown):
        for c, value in enumerate(row):
            expected = model._text(model._rows[r], model._kinds[r], c, model.expert_at(c))
            assert value == expected, (r, c)
    # … kept: asked again, the same texts without working them out again
    assert len(model._texts) == model.rowCount() * model.columnCount()
    assert _texts(model) == shown
    # another platform shows its own texts, never the first one's
    with qtbot.waitSignal(model.modelReset):
        model.set_panel(second)
    assert _texts(model) != shown
    assert _texts(model)[-1][0] == second.total.name
    totals = [model.index(model.rowCount() - 1, c).data() for c in model.expert_columns()]
    assert totals == [fixed(e.total, 1) for e in second.experts]
    # the cells' sizes come from advances kept by font and text: as measured afresh, and
    # another font's are its own
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    kept = _CompactDelegate(view)
    option = QStyleOptionViewItem()
    option.font = view.font()
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(2, 6)]
    first_sizes = [kept.sizeHint(option, i) for i in cells]
    assert [kept.sizeHint(option, i) for i in cells] == first_sizes
    assert first_sizes == [_CompactDelegate(view).sizeHint(option, i) for i in cells]
    option.font = QFont(view.font())
    option.font.setPointSizeF(view.font().pointSizeF() * 2)
    larger = [kept.sizeHint(option, i) for i in cells]
    assert larger == [_CompactDelegate(view).sizeHint(option, i) for i in cells]
    assert all(b.width() > a.width() for a, b in zip(first_sizes, larger, strict=True))
    model.set_panel(None)
    assert model.rowCount() == 0 and model.data(QModelIndex()) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) is None


def test_discussion_shows_the_lists_then_the_panel_in_the_next_turn(
    qtbot: Any,
    merged_demo: Path,  # noqa: F811
) -> None:
    from jlpanel.services.workspace import open_workspace

    with open_workspace(merged_demo) as ws:
        page = _page_on(qtbot, DiscussionPage, ws)
        page.show()  # the first showing reads in the background
        qtbot.waitUntil(lambda: page.discussion_model.rowCount() > 0, timeout=20_000)
        # then the panel of the first platform to discuss
        first = page.discussion_items()[0].platform_id
        qtbot.waitUntil(lambda: page.current_platform_id() == first)
        assert page.scores_model.rowCount() > 0
        assert page.ui.discussionTable.selectionModel().selectedRows()[0].row() == 0
        qtbot.waitUntil(lambda: pending_tasks() == 0)

        # a read delivered (a change elsewhere), and the user chooses the second platform
        # before its panel is shown: the read's panel does not take the choice away
        data = DiscussionPage.read(ws, "zh", first)
        page._generation += 1
        page._on_read(page._generation, data)
        second = page.discussion_items()[1].platform_id
        table = page.ui.discussionTable
        rect = table.visualRect(page.discussion_model.index(1, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert page.current_platform_id() == second
        qtbot.wait(50)
        assert page.current_platform_id() == second
        panel = page.panel()
        assert panel is not None and panel.platform_id == second
        # without a choice meanwhile the read's panel is shown, the same platform kept
        data = DiscussionPage.read(ws, "zh", second)
        page._generation += 1
        page._on_read(page._generation, data)
        assert page.panel() is panel  # not yet
        qtbot.waitUntil(lambda: page.panel() is data.panel)
        # a read whose panel is overtaken by newer data shown (the user's own change, read at
        # once) shows no panel of its own
        page._on_read(page._generation, DiscussionPage.read(ws, "zh", first))
        page.refresh()
        fresh = page.panel()
        assert fresh is not None and fresh is not data.panel
        qtbot.wait(50)
        assert page.panel() is fresh
        # the step left counts as a pending task (tests and the benchmark wait for none) …
        qtbot.waitUntil(lambda: pending_tasks() == 0)
        page._on_read(page._generation, DiscussionPage.read(ws, "zh", second))
        assert pending_tasks() == 1
        qtbot.waitUntil(lambda: pending_tasks() == 0)
        page.set_workspace(None, load=False)
        # … until the page is gone, its step never run
        other = DiscussionPage()
        other.set_workspace(ws, load=False)
        other._on_read(other._generation, DiscussionPage.read(ws, "zh", None))
        assert pending_tasks() == 1
        other.deleteLater()
        qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_results_show_the_lists_and_charts_then_the_table(
    qtbot: Any,
    merged_demo: Path,  # noqa: F811
) -> None:
    from jlpanel.services.workspace import open_workspace

    with open_workspace(merged_demo) as ws:
        page = _page_on(qtbot, ResultsPage, ws)
        page._on_read(page._generation, ResultsPage.read(ws, "zh"))
        assert page.funding_model.rowCount() > 0
        assert page.results_model.rowCount() == 0 and not page.spreadChart.bars()
        assert pending_tasks() == 1
        qtbot.waitUntil(lambda: pending_tasks() == 0)
        assert page.results_model.rowCount() == 24
        assert len(page.spreadChart.bars()) == 24
        assert "24" in page.ui.summaryLabel.text()
        page.set_workspace(None, load=False)


def test_the_spread_chart_cuts_only_the_names_it_paints(qtbot: Any, app: QApplication) -> None:
    names = [f"吉林省第{n}号黑土地保护与利用科技创新大型科学仪器共享服务平台" for n in range(2000)]
    bars = [SpreadBar(name, 50.0, 70.0, 90.0, 70.0, n % 7 == 0) for n, name in enumerate(names)]
    chart = SpreadChart()
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidgetResizable(True)
    area.setWidget(chart)
    area.resize(700, 500)
    chart.set_bars(bars)
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: chart._labels_cache is not None)
    assert chart._labels_cache is not None
    cut = chart._labels_cache[3]
    assert 0 < len(cut) < 100  # the rows painted, not the 2,000
    # the names measured stop at the first that needs the whole room
    assert chart._widest is not None and chart._widest[2] is not None
    # as every name measured and cut at once (as before) would have it, bit for bit
    metrics = QFontMetrics(chart.font())
    marked = [chart._marked(b) for b in bars]
    width = min(max(metrics.horizontalAdvance(m) for m in marked) + 12, int(chart.width() * 0.38))
    assert chart._label_width() == width
    room = width - 10
    prefix = _common_start(names)
    assert len(prefix) >= 2
    elided = [
        QFontMetricsF(chart.font()).elidedText(
            chart._marked(b, b.label[len(prefix) :]), Qt.TextElideMode.ElideRight, room
        )
        for b in bars
    ]
    assert chart._labels() == elided
    # a wider window measures the names again, as far as the new room needs
    area.resize(1400, 500)
    qtbot.waitUntil(lambda: chart.width() > 1000)
    wider = min(max(metrics.horizontalAdvance(m) for m in marked) + 12, int(chart.width() * 0.38))
    assert chart._label_width() == wider
