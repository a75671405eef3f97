"""The 考核结果 charts' words never overlap: at 1366×768, at 150 % scaling (911×512 logical)
and far smaller, in Chinese and English, every label and count the charts draw has a rectangle
of its own, measured with the font, inside the chart and apart from every other one."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.secretary.charts import GradeChart, SpreadBar, SpreadChart

pytestmark = pytest.mark.usefixtures("message_boxes")

GRADES = {
    "zh": [
        ("excellent", "优秀", 2),
        ("good", "良好", 3),
        ("pass", "合格", 16),
        ("fail", "不合格", 3),
        (None, "未评定", 1),
    ],
    "en": [
        ("excellent", "Excellent", 2),
        ("good", "Good", 3),
        ("pass", "Pass", 16),
        ("fail", "Fail", 3),
        (None, "Not graded", 1),
    ],
}

PLATFORMS = [
    "吉林省大型科学仪器共享服务平台",
    "吉林省光电子检测服务平台",
    "吉林省农业种质资源库共享服务平台",
    "吉林省生物医药研发服务平台",
]


def assert_words_fit(chart: QWidget, texts: list[tuple[str, QRectF]]) -> None:
    """Every text fits its rectangle by the font's measure; the rectangles lie inside the
    chart and do not meet."""
    metrics = QFontMetricsF(chart.font())
    area = QRectF(chart.rect())
    for text, rect in texts:
        assert text, texts
        assert area.contains(rect), (text, rect, area)
        assert metrics.horizontalAdvance(text) <= rect.width() + 0.5, (text, rect)
        assert metrics.height() <= rect.height() + 0.5, (text, rect)
    for (a, ra), (b, rb) in itertools.combinations(texts, 2):
        assert not ra.intersects(rb), (a, ra, b, rb)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(
    "size", [(540, 160), (330, 120), (330, 46), (240, 60), (160, 46), (120, 30)]
)
def test_the_grade_chart_words_never_overlap(
    qtbot: Any, app: QApplication, language: str, size: tuple[int, int]
) -> None:
    chart = GradeChart()
    qtbot.addWidget(chart)
    chart.set_rows(GRADES[language])
    chart.resize(*size)
    texts = chart.text_rects()
    assert_words_fit(chart, texts)
    # every grade's count is there, whatever the size
    counts = [text for text, _ in texts if text.split()[-1].isdigit()]
    assert len(counts) == len(GRADES[language]), texts
    assert not chart.grab().toImage().isNull()
    # the whole distribution is in the tooltip
    for _, label, count in GRADES[language]:
        assert f"{label} {count}" in chart.toolTip()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_grade_labels_are_whole_where_there_is_room(
    qtbot: Any, app: QApplication, language: str
) -> None:
    chart = GradeChart()
    qtbot.addWidget(chart)
    chart.set_rows(GRADES[language])
    for size in ((540, 200), (330, 46)):  # bars; one line of each grade with its count
        chart.resize(*size)
        shown = " ".join(text for text, _ in chart.text_rects())
        for _, label, _ in GRADES[language]:
            assert label in shown, (size, shown)


@pytest.mark.parametrize("size", [(520, 200), (300, 160), (180, 120), (90, 120)])
def test_the_spread_chart_words_never_overlap(
    qtbot: Any, app: QApplication, size: tuple[int, int]
) -> None:
    chart = SpreadChart()
    qtbot.addWidget(chart)
    chart.set_bars(
        [
            SpreadBar(name, 52.0 + n, 70.0 + n, 98.0, 72.0 + n, n == 1)
            for n, name in enumerate(PLATFORMS)
        ]
    )
    chart.resize(size[0], max(size[1], chart.minimumHeight()))
    texts = chart.text_rects()
    assert_words_fit(chart, texts)
    assert sum(1 for text, _ in texts if text.isdigit()) >= 2  # at least two axis values
    assert not chart.grab().toImage().isNull()


def test_the_spread_labels_tell_the_platforms_apart(qtbot: Any, app: QApplication) -> None:
    """Cut to fit, the names keep the words that differ (not 吉林省…务平台 four times)."""
    chart = SpreadChart()
    qtbot.addWidget(chart)
    chart.set_bars([SpreadBar(name, 60.0, 70.0, 80.0, None, False) for name in PLATFORMS])
    chart.resize(330, chart.minimumHeight())
    labels = [text for text, _ in chart.text_rects() if not text.isdigit()]
    assert len(labels) == len(PLATFORMS)
    assert len(set(labels)) == len(PLATFORMS), labels
    assert all(not label.startswith("吉林省") for label in labels), labels


@pytest.fixture(scope="module")
def merged_folder(demo_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jlpanel.services.merge import merge_score_files
    from jlpanel.services.workspace import open_workspace

    target = tmp_path_factory.mktemp("merged") / "demo"
    shutil.copytree(demo_folder, target)
    with open_workspace(target / "demo.jlpanel") as ws:
        merge_score_files(ws, [target / "scores"], backup_dir=None)
    return target


@pytest.mark.parametrize(
    ("size", "language"),
    [((1366, 768), "zh"), ((1366, 768), "en"), ((911, 512), "zh"), ((911, 512), "en")],
)
def test_the_results_page_charts_fit_the_window(
    qtbot: Any,
    window: Any,
    merged_folder: Path,
    tmp_path: Path,
    size: tuple[int, int],
    language: str,
) -> None:
    shutil.copytree(merged_folder, tmp_path / "demo")
    apply_language(language)
    window.resize(*size)
    window.open_workspace(tmp_path / "demo" / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    window.results_action.trigger()
    page = window.workspace_view.results_page
    qtbot.waitUntil(lambda: page.results_model.rowCount() == 24)
    qtbot.wait(50)
    assert window.height() <= size[1]  # the page does not push the window taller
    grades, spread = page.gradeChart, page.spreadChart
    assert grades.isVisible() and spread.isVisible()
    assert_words_fit(grades, grades.text_rects())
    assert_words_fit(spread, spread.text_rects())
    shown = " ".join(text for text, _ in grades.text_rects())
    for _, label, count in grades.rows():
        assert label in shown and str(count) in shown, shown
