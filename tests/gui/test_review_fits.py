"""The expert's desk fits a laptop: 1366×768, and 1366×768 at 150 % (911×512 logical pixels).

QT_SCALE_FACTOR cannot change inside a running test, so 150 % is its logical size. Nothing
the expert must read is cut: every platform name in the list, every indicator name, the
overview's values (credit code, address) are shown whole. Screenshots go to
/tmp/h14desk-shots/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QPlainTextEdit,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
)
from test_gui_review import declare_all, focused, review  # noqa: F401 (the fixture)

from jlpanel.gui.common.theme import WrappingItemDelegate
from jlpanel.gui.review.declaration_page import DeclarationModel
from jlpanel.gui.review.desk_models import DeskPlatformModel
from jlpanel.gui.review.indicator_panel import Field
from jlpanel.gui.review.review_window import ReviewWindow, keyboard_help
from jlpanel.gui.review.scoring_desk import ScoringDesk
from jlpanel.services import review as rv

SHOTS = Path("/tmp/h14desk-shots")
#: 1366×768 at 100 %, and at 150 % (what the window gets on such a screen).
LAPTOP = QSize(1366, 768)
SCALED = QSize(911, 512)
WIDE = QSize(1920, 1080)


def settle(qtbot: Any) -> None:
    QApplication.processEvents()
    qtbot.wait(60)  # resize timers, wrapped labels' second layout pass
    QApplication.processEvents()


def clipped_cell(view: QAbstractItemView, index: QModelIndex) -> str:
    """Why the cell's text is not shown whole ("" when it is): laid out as the style lays
    it out (word wrap in the delegate's inset rectangle), every line must fit its width and
    all lines its height."""
    delegate = view.itemDelegateForIndex(index)
    if not isinstance(delegate, WrappingItemDelegate):
        return f"{index.data()!r}: one line, elided when narrow ({type(delegate).__name__})"
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    delegate.initStyleOption(option, index)
    cell = view.visualRect(index)
    option.rect = cell.adjusted(delegate.PAD_X, delegate.PAD_Y, -delegate.PAD_X, -delegate.PAD_Y)
    style = view.style()
    text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = text_rect.width() - 2 * margin
    layout = QTextLayout(option.text, option.font)
    text_option = QTextOption()
    text_option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(text_option)
    layout.beginLayout()
    height, widest = 0.0, 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(width, 1))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    if widest > width + 0.5 or height > text_rect.height() + 0.5:
        return (
            f"{option.text!r} needs {widest:.0f}×{height:.0f} px, has {width}×{text_rect.height()}"
        )
    return ""


def clipped_label(label: QLabel) -> str:
    """Why the label's text is not shown whole ("" when it is)."""
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"{label.text()!r} needs {needed} px of height, has {label.height()}"
        return ""
    if label.sizeHint().width() > label.width():
        return f"{label.text()!r} needs {label.sizeHint().width()} px, has {label.width()}"
    return ""


def check_platform_list(desk: ScoringDesk) -> list[str]:
    table = desk.ui.platformTable
    problems = []
    column = DeskPlatformModel.NAME
    # At least four characters a line: a name wrapped a character a line is not readable.
    if table.columnWidth(column) < 2 * 8 + 24 + table.fontMetrics().horizontalAdvance("分析测试"):
        problems.append(f"platform column only {table.columnWidth(column)} px wide")
    for row in range(desk.model.rowCount()):
        problem = clipped_cell(table, desk.model.index(row, column))
        if problem:
            problems.append(f"platform list: {problem}")
    return problems


def check_indicator_names(desk: ScoringDesk, qtbot: Any) -> list[str]:
    panel = desk.panel
    problems = []
    shown = panel.tabs.currentIndex()
    for tab in range(panel.tabs.count() - 1):
        panel.tabs.setCurrentIndex(tab)
        settle(qtbot)
        for code, row in panel.rows.items():
            if row.tab == tab and (problem := clipped_label(row.name_label)):
                problems.append(f"indicator {code}: {problem}")
    panel.tabs.setCurrentIndex(panel.tabs.count() - 1)  # vetoes and bonus items
    settle(qtbot)
    for code, veto in panel.veto_rows.items():
        if veto.check.sizeHint().width() > veto.check.width():
            problems.append(f"veto {code}: {veto.check.text()!r} cut")
    for code, bonus in panel.bonus_rows.items():
        if problem := clipped_label(bonus.name_label):
            problems.append(f"bonus {code}: {problem}")
    panel.tabs.setCurrentIndex(shown)
    if problem := clipped_label(panel.title_label):
        problems.append(f"panel title: {problem}")
    return problems


def check_overview(desk: ScoringDesk) -> list[str]:
    view = desk.dossier_view
    table: QTableView = view.ui.basicTable
    model = view.basic_model
    problems = []
    labels = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    # Every item and value (the credit code and the address among them) shown whole.
    assert {"统一社会信用代码", "注册地址"} <= set(labels) or {
        "Unified social credit code",
        "Registered address",
    } <= set(labels), labels
    for row, label in enumerate(labels):
        for column in (0, 1):
            if problem := clipped_cell(table, model.index(row, column)):
                problems.append(f"overview {label}: {problem}")
    return problems


def fits(size: QSize) -> bool:
    return size.width() <= SCALED.width() and size.height() <= SCALED.height()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_desk_fits_a_laptop_at_100_and_150_percent(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
    language: str,
) -> None:
    # As opened (the declaration shown, the desk not yet): the window can be as small as
    # the screen at 150 %, whichever page it shows.
    assert fits(review.minimumSize()), review.minimumSize()
    if language == "en":
        review.language_actions["en"].trigger()
    declare_all(review, qtbot)
    desk = review.desk
    qtbot.waitUntil(lambda: desk.dossier_view.overview is not None, timeout=10_000)
    settle(qtbot)
    assert fits(review.minimumSize()), review.minimumSize()
    for page in (review.declaration_page, review.submit_page, desk):
        review.stack.setCurrentWidget(page)
        settle(qtbot)
        assert fits(review.minimumSizeHint()), (page, review.minimumSizeHint())
        assert fits(review.minimumSize()), (page, review.minimumSize())
    SHOTS.mkdir(exist_ok=True)

    for size in (LAPTOP, SCALED, WIDE):
        review.resize(size)
        settle(qtbot)
        assert review.size() == size
        name = f"desk-{language}-{size.width()}x{size.height()}.png"
        assert review.grab().save(str(SHOTS / name))
        if size == WIDE:
            continue
        for show, page in (
            (review.show_declaration, "declaration"),
            (review.show_submit, "submit"),
        ):
            show()
            settle(qtbot)
            shot = f"{page}-{language}-{size.width()}x{size.height()}.png"
            assert review.grab().save(str(SHOTS / shot))
        review.show_desk()
        settle(qtbot)
        problems = check_platform_list(desk) + check_indicator_names(desk, qtbot)
        problems += check_overview(desk)
        assert not problems, (size, problems)
        # The desk's three panes are all on screen: none pushed past the window's edge.
        right = desk.ui.panelPane.mapTo(review, desk.ui.panelPane.rect().topRight()).x()
        assert right < size.width(), (size, right)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_invalid_score_says_why_beside_the_field(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
    language: str,
) -> None:
    if language == "en":
        review.language_actions["en"].trigger()
    declare_all(review, qtbot)
    review.resize(SCALED)
    settle(qtbot)
    assert review.size() == SCALED
    panel = review.desk.panel
    code = review.session.rubric.indicators[0].code  # type: ignore[union-attr]
    row = panel.rows[code]
    assert focused() is row.score_edit
    assert not row.error_label.isVisible()
    qtbot.keyClicks(row.score_edit, "12")
    settle(qtbot)
    assert row.score_edit.property("state") == "invalid"
    assert row.error_label.isVisible()
    assert row.error_label.text() == review.statusBar().currentMessage()
    assert ("超出" if language == "zh" else "12") in row.error_label.text()
    assert not clipped_label(row.error_label)
    # Just under the field, in the indicator's card.
    score_bottom = row.score_edit.mapTo(row.card, row.score_edit.rect().bottomLeft()).y()
    label_top = row.error_label.mapTo(row.card, row.error_label.rect().topLeft()).y()
    assert 0 <= label_top - score_bottom <= 2 * row.score_edit.fontMetrics().height()
    review.grab().save(str(SHOTS / f"invalid-{language}-911x512.png"))
    # Corrected: the reason goes.
    qtbot.keyClick(row.score_edit, Qt.Key.Key_Backspace)
    settle(qtbot)
    assert row.score_edit.property("state") == ""
    assert not row.error_label.isVisible()
    # Worded anew in the other language.
    qtbot.keyClicks(row.score_edit, "2")
    other = "zh" if language == "en" else "en"
    review.language_actions[other].trigger()
    settle(qtbot)
    assert row.error_label.isVisible()
    assert ("超出" if other == "zh" else "outside") in row.error_label.text()
    review.language_actions[language].trigger()
    qtbot.keyClick(row.score_edit, Qt.Key.Key_Backspace)
    # A bonus item's score, the same.
    bonus_code, bonus = next(iter(panel.bonus_rows.items()))
    panel.focus_field(Field.BONUS, bonus_code)
    qtbot.keyClicks(bonus.score_edit, "99")
    settle(qtbot)
    assert bonus.error_label.isVisible()
    assert bonus.error_label.text() == review.statusBar().currentMessage()
    assert not clipped_label(bonus.error_label)
    assert not clipped_label(bonus.name_label)


def test_only_the_current_platform_is_highlighted(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
) -> None:
    declare_all(review, qtbot)
    review.resize(LAPTOP)
    settle(qtbot)
    desk = review.desk
    table = desk.ui.platformTable
    highlight = table.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)

    def painted(row: int) -> QColor:
        # What the window's backing store holds (offscreen: what the screen shows), so a row
        # the view was never told to repaint still shows its old highlight.
        rect = table.visualRect(desk.model.index(row, DeskPlatformModel.NAME))
        point = table.viewport().mapTo(review, rect.topLeft()) + rect.center() - rect.topLeft()
        point.setX(table.viewport().mapTo(review, rect.topLeft()).x() + 2)
        shot = review.screen().grabWindow(review.winId()).toImage()
        ratio = shot.devicePixelRatio()
        return shot.pixelColor(int(point.x() * ratio), int(point.y() * ratio))

    def highlighted(row: int) -> bool:
        colour = painted(row)
        return all(
            abs(a - b) <= 12
            for a, b in zip(colour.getRgb()[:3], highlight.getRgb()[:3], strict=True)
        )

    table.setFocus()
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(desk.model.index(0, 0)).center(),
    )
    settle(qtbot)
    assert highlighted(0)
    for step, current in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, 0)):
        qtbot.keyClick(focused(), step, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot)
        assert desk.model.row_of(desk.platform_id) == current  # type: ignore[arg-type]
        selected = [i.row() for i in table.selectionModel().selectedRows()]
        assert selected == [current]
        assert table.currentIndex().row() == current
        assert highlighted(current)
        assert not highlighted(1 - current), step


def test_comments_are_multi_line_boxes_that_keep_the_keyboard_flow(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
) -> None:
    declare_all(review, qtbot)
    review.resize(SCALED)
    settle(qtbot)
    assert review.size() == SCALED
    session = review.session
    assert session is not None
    desk = review.desk
    panel = desk.panel
    platform = desk.platform_id
    first, second = (i.code for i in session.rubric.indicators[:2])
    box = panel.rows[first].comment_edit
    assert isinstance(box, QPlainTextEdit)
    panel.focus_field(Field.COMMENT, first)
    one_line = box.height()
    # Shift+Enter: a new line, and the box grows with it.
    qtbot.keyClicks(box, "catalogue complete")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "but of low value")
    settle(qtbot)
    assert focused() is box
    assert box.height() > one_line
    assert box.height() >= box.height_for_lines(2)
    assert not box.verticalScrollBar().isVisible()  # both lines in view
    review.grab().save(str(SHOTS / "comment-zh-911x512.png"))
    # Enter: stored, and on to the next thing to do (the first unscored indicator).
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert rv.platform_work(session, platform).sheet.comments == {  # type: ignore[arg-type]
        first: "catalogue complete\nbut of low value"
    }
    assert focused() is panel.rows[first].score_edit
    # The keyboard map (Ctrl+/) and the 总体评价 box say so.
    assert any(keys.startswith("Shift+Enter") for keys, _what in keyboard_help())
    assert "Shift+Enter" in panel.overall_edit.placeholderText()
    # Tab walks on from a comment box to the next score field (no tab typed into it).
    panel.focus_field(Field.COMMENT, first)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert focused() is panel.rows[second].score_edit
    assert "\t" not in box.toPlainText()
    # Ctrl+PgDown from a comment box: the next platform (the box does not take the key).
    panel.focus_field(Field.COMMENT, first)
    qtbot.keyClick(box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert desk.platform_id != platform
    qtbot.keyClick(focused(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert desk.platform_id == platform
    # 总体评价: a taller box; Ctrl+Enter still goes to the submit step, with the text stored.
    overall = panel.overall_edit
    assert isinstance(overall, QPlainTextEdit)
    assert overall.height() >= overall.height_for_lines(3)
    panel.focus_field(Field.OVERALL, "")
    qtbot.keyClicks(overall, "runs well")
    qtbot.keyClick(overall, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert review.stack.currentWidget() is review.submit_page
    assert overall.toPlainText() == "runs well"
    work = rv.platform_work(session, platform)  # type: ignore[arg-type]
    assert work.sheet.overall_comment == "runs well"


@pytest.mark.parametrize("size", [SCALED, QSize(1366, 768)])
def test_the_declaration_fits_a_laptop_whole(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
    size: QSize,
) -> None:
    """At 1366×768 at 150 % the choice and the reason are in view without scrolling sideways,
    and the pledge leaves the declarations most of the page."""
    review.resize(size)
    settle(qtbot)
    page = review.declaration_page
    table = page.ui.declarationsTable
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    reason_starts = header.sectionViewportPosition(DeclarationModel.REASON)
    assert 0 < reason_starts < table.viewport().width() - 100
    assert page.ui.pledgeBrowser.height() <= max(72, page.height() // 5)
    row = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() >= 4 * row, (table.viewport().height(), row)


@pytest.mark.parametrize("size", [SCALED, QSize(1366, 768)])
def test_every_area_tab_is_in_view_in_english(
    review: ReviewWindow,  # noqa: F811 (the fixture)
    qtbot: Any,
    size: QSize,
) -> None:
    """No area behind scroll arrows: each tab shows (its name cut to fit, whole in the tip)."""
    review.language_actions["en"].trigger()
    declare_all(review, qtbot)
    review.resize(size)
    settle(qtbot)
    tabs = review.desk.panel.tabs
    bar = tabs.tabBar()
    assert not tabs.usesScrollButtons()
    for number in range(tabs.count()):
        rect = bar.tabRect(number)
        assert rect.left() >= 0 and rect.right() <= bar.width(), (number, rect, bar.width())
    area = review.session.rubric.areas[2]  # type: ignore[union-attr]
    assert tabs.tabToolTip(2).startswith(f"{area.code} {area.name.en}")
