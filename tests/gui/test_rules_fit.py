"""The 考核规则 tab reads whole: at 1366×768 and at 150 % scaling (911×512 logical), in English
(the longer wording) and Chinese, every rule's explanation wraps onto as many lines as it needs
inside its row, none cut with … and none clipped at the row's foot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QStyle, QTableView

from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.rules_model import RulesTableModel
from jlpanel.gui.common.settings_dialog import RuleAndSettingDelegate
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.common.theme import WrappingItemDelegate

pytestmark = pytest.mark.usefixtures("message_boxes")


def wrapped_lines(table: QTableView, text: str, width: int) -> int:
    """How many lines ``text`` needs, word-wrapped to the text width of a cell ``width`` wide."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    inner = width - 2 * WrappingItemDelegate.PAD_X - 2 * margin
    metrics = QFontMetrics(table.font())
    flags = int(Qt.TextFlag.TextWordWrap)
    height = metrics.boundingRect(QRect(0, 0, inner, 100_000), flags, text).height()
    return max(1, round(height / metrics.lineSpacing()))


def ink_rows(image: QImage, rect: QRect, ratio: float) -> tuple[int, int] | None:
    """The first and last pixel rows (in logical pixels) of ``rect`` with dark text in them."""
    found = []
    for y in range(int(rect.top() * ratio), int((rect.bottom() + 1) * ratio)):
        for x in range(int(rect.left() * ratio), int((rect.right() + 1) * ratio), 2):
            if image.pixelColor(x, y).lightness() < 110:
                found.append(y)
                break
    if not found:
        return None
    return int(found[0] / ratio), int(found[-1] / ratio)


@pytest.mark.parametrize(
    ("size", "language"),
    [((1366, 768), "en"), ((911, 512), "en"), ((911, 512), "zh"), ((1366, 768), "zh")],
)
def test_every_explanation_is_shown_whole(
    qtbot: Any, window: Any, demo: Path, size: tuple[int, int], language: str
) -> None:
    apply_language(language)
    window.resize(*size)
    window.open_workspace(demo / "demo.jlpanel")
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    view = window.workspace_view
    view.show_rules()
    table = view.ui.rulesTable
    model = view.rules_model
    qtbot.waitUntil(lambda: table.isVisible() and model.rowCount() > 10)
    qtbot.wait(50)
    assert window.height() <= size[1]
    metrics = QFontMetrics(table.font())
    long_ones = 0
    for row in range(model.rowCount()):
        index = model.index(row, RulesTableModel.MEANING)
        text = index.data()
        table.scrollTo(index)
        qtbot.wait(1)
        rect = table.visualRect(index)
        assert rect.isValid() and rect.left() >= 0
        assert rect.right() < table.viewport().width()  # the column is in view, no side scroll
        lines = wrapped_lines(table, text, rect.width())
        # the row is tall enough for every line of the explanation
        needed = lines * metrics.lineSpacing() + 2 * WrappingItemDelegate.PAD_Y
        assert rect.height() >= needed - 1, (text, rect, lines)
        if lines < 2:
            continue
        long_ones += 1
        # and every line is drawn: the text's ink reaches the last line (… on one line would
        # leave the lines below it blank)
        image = table.viewport().grab().toImage()
        ratio = image.width() / table.viewport().width()
        ink = ink_rows(image, rect, ratio)
        assert ink is not None, text
        top, bottom = ink
        assert bottom - top >= (lines - 1) * metrics.lineSpacing(), (text, lines, ink, rect)
    if language == "en":
        assert long_ones >= 1  # some explanation needs two lines at this width


@pytest.mark.parametrize(
    ("size", "language"), [((911, 512), "en"), ((1366, 768), "en"), ((911, 512), "zh")]
)
def test_the_settings_explanations_have_room_beside_the_editors(
    qtbot: Any, window: Any, size: tuple[int, int], language: str
) -> None:
    """设置 → 新周期默认规则 at 150 % in English: the dialog fits 911 pixels (it needed 978),
    the setting goes under the rule's name so the explanation keeps a readable width, and
    every rule name and explanation wraps whole, no word cut."""
    apply_language(language)
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.ui.tabs.setCurrentIndex(dialog.RULES_PAGE)
    dialog.resize(*size)
    qtbot.wait(50)
    assert dialog.width() <= size[0], dialog.minimumSizeHint()
    table = dialog.ui.meaningTable
    model = dialog.meaning_model
    meaning = model.columnCount() - 1  # the explanations are the last column
    metrics = QFontMetrics(table.font())
    assert table.columnWidth(meaning) >= metrics.horizontalAdvance("吉") * 15
    assert (
        table.horizontalHeader().sectionViewportPosition(meaning) + table.columnWidth(meaning)
        <= table.viewport().width()
    )
    inset = RuleAndSettingDelegate.inset(table)
    flags = int(Qt.TextFlag.TextWordWrap)
    for row in range(model.rowCount()):
        for column in (0, meaning):
            index = model.index(row, column)
            table.scrollTo(index)
            rect = table.visualRect(index)
            width = rect.width() - 2 * inset
            # the rule's name, then its setting in bold
            parts = RuleAndSettingDelegate.parts(index.data(), table.font())
            if column == meaning:
                parts = parts[:1]
            height = 0
            for text, font in parts:
                metrics = QFontMetrics(font)
                for word in text.split():  # none is wider than its cell (no word is cut)
                    if any("\u4e00" <= c <= "\u9fff" for c in word):
                        continue  # Chinese wraps between any two characters
                    assert metrics.horizontalAdvance(word) <= width, (word, rect)
                if text:
                    height += metrics.boundingRect(QRect(0, 0, width, 10_000), flags, text).height()
            assert rect.height() >= height + 2 * WrappingItemDelegate.PAD_Y - 1, (parts, rect)
    if size[0] > 1000:  # room enough: every rule's name on one line
        names = [r.rule for r in model.rows()]
        longest = max(QFontMetrics(table.font()).horizontalAdvance(n) for n in names)
        assert table.columnWidth(0) - 2 * inset >= longest
    dialog.reject()
