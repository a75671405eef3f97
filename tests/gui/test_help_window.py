"""帮助 → 用户指南: the guide window on the repository's docs/guide."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

import jlpanel
from jlpanel.gui.common import help_window
from jlpanel.gui.common.help_window import GUIDE_PAGES, MAX_IMAGE_WIDTH, HelpWindow, guide_folder
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.shell.main_window import MainWindow

REPO_GUIDE = Path(jlpanel.__file__).resolve().parents[1] / "docs" / "guide"


def _fragments(window: HelpWindow) -> list[tuple[int, int, str, str]]:
    """(position, length, link, image) of every text fragment of the page shown."""
    found = []
    block = window.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            image = fmt.toImageFormat().name() if fmt.isImageFormat() else ""
            found.append((fragment.position(), fragment.length(), fmt.anchorHref(), image))
            it += 1
        block = block.next()
    return found


def test_the_guide_is_found_in_the_repository() -> None:
    assert guide_folder() == REPO_GUIDE
    for language in ("zh", "en"):
        for page in GUIDE_PAGES:
            assert (REPO_GUIDE / language / f"{page}.md").is_file()


def test_a_frozen_build_looks_in_its_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert guide_folder() is None  # the bundle holds no guide
    (tmp_path / "docs" / "guide").mkdir(parents=True)
    assert guide_folder() == tmp_path / "docs" / "guide"


def test_opens_on_the_chinese_contents(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.title() == "jlpanel 用户指南"
    assert window.current_path() == REPO_GUIDE / "zh" / "index.md"
    assert window.contents.currentRow() == 0
    assert window.contents.item(1).text() == "部门工作人员"
    assert "jlpanel 用户指南" in window.windowTitle()
    assert "<!--" not in window.browser.toPlainText()


def test_clicking_a_link_opens_that_page(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = HelpWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window)
    position, length, _, _ = next(f for f in _fragments(window) if f[2] == "staff.md")
    cursor = QTextCursor(window.browser.document())
    cursor.setPosition(position + length // 2)
    window.browser.setTextCursor(cursor)
    window.browser.ensureCursorVisible()
    point = window.browser.cursorRect(cursor).center() + QPoint(0, 0)
    qtbot.mouseClick(window.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_path() == REPO_GUIDE / "zh" / "staff.md"
    assert window.title() == "部门工作人员"
    assert window.contents.currentRow() == GUIDE_PAGES.index("staff")
    assert window.back_button.isEnabled()
    window.back_button.click()
    assert window.current_path() == REPO_GUIDE / "zh" / "index.md"


def test_screenshots_load_scaled_to_the_page(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = HelpWindow()
    qtbot.addWidget(window)
    images = [f[3] for f in _fragments(window) if f[3]]
    assert images
    for name in images:
        file = Path(window.browser.source().resolved(QUrl(name)).toLocalFile())
        assert file.is_file() and file.parent == REPO_GUIDE / "images" / "zh"
        loaded = window.browser.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(name)
        )
        image = loaded if isinstance(loaded, QImage) else loaded.toImage()
        assert 0 < image.width() <= MAX_IMAGE_WIDTH


def test_the_contents_list_and_the_language_switch(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = HelpWindow()
    qtbot.addWidget(window)
    window.contents.setCurrentRow(GUIDE_PAGES.index("faq"))
    assert window.current_path() == REPO_GUIDE / "zh" / "faq.md"
    apply_language("en")
    try:
        assert window.current_path() == REPO_GUIDE / "en" / "faq.md"
        assert window.contents.item(4).text() == "FAQ"
        assert window.title() == "FAQ and troubleshooting"
    finally:
        apply_language("zh")
    assert window.current_path() == REPO_GUIDE / "zh" / "faq.md"


def test_without_a_guide_it_says_so(
    app: QApplication,
    qtbot,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(help_window, "guide_folder", lambda: None)
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.browser.isHidden()
    assert "没有找到用户指南" in window.missing.text()
    assert not window.show_page("staff")


def test_f1_in_the_main_window_opens_the_guide(app: QApplication, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.guide_action.shortcut().toString() == "F1"
    assert window.guide_action in window.help_menu.actions()
    window.guide_action.trigger()
    guide = window.help_window
    assert guide is not None and guide.isVisible()
    assert guide.current_path() == REPO_GUIDE / "zh" / "index.md"
    guide.close()


_CJK = r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]"
CJK_SPACE_CJK = f"{_CJK} {_CJK}"


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_chinese_pages_read_without_stray_spaces_where_lines_were_wrapped(
    app: QApplication, qtbot, page: str
) -> None:  # type: ignore[no-untyped-def]
    """A wrapped line of Chinese is one run of text, not "评审 包" (issue 14, item 9)."""
    import re

    window = HelpWindow()
    qtbot.addWidget(window)
    assert window.show_page(page)
    shown = window.browser.toPlainText()
    source = (REPO_GUIDE / "zh" / f"{page}.md").read_text("utf-8")
    # A space the writer typed on one line (markup and link targets aside) is meant.
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", source).replace("*", "").replace("`", "")
    meant = set(re.findall(CJK_SPACE_CJK, plain))
    stray = [m for m in re.findall(CJK_SPACE_CJK, shown) if m not in meant]
    assert stray == [], stray[:5]
    assert "评审秘书" in shown or page != "expert"  # a word the source wraps across lines
