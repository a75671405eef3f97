"""帮助 → 用户指南: the user guide (docs/guide) read inside the program, in the UI language.

The guide is Markdown with relative links between its pages and to its screenshots; a
QTextBrowser follows both when the page is loaded with ``setSource`` on the ``.md`` file.
A PyInstaller build carries the guide at ``<bundle>/docs/guide``; a source checkout has it
beside the package.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import jlpanel
from jlpanel.gui.common.geometry import resize_to_fit
from jlpanel.gui.common.i18n import current_language, translate
from jlpanel.gui.common.theme import icon

# The pages of the guide, in reading order; each exists as ``<lang>/<page>.md``.
GUIDE_PAGES = ("index", "staff", "expert", "secretary", "faq")
# Screenshots wider than this are shown scaled down (they are 1366 px wide).
MAX_IMAGE_WIDTH = 900

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: Chinese characters and full-width punctuation: a soft line break between two of them is
#: no space (Markdown would show one, "评审 包"), so such lines are joined before rendering.
_CJK = r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
_SOFT_BREAK = re.compile(rf"(?<={_CJK})([*_`]*)\n[ \t]*(?=[*_`\[]*{_CJK})")
#: A line that starts a block of its own (list item, table row, heading, quote, fence, rule).
_BLOCK_START = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|[|#>]|```|~~~|$)")
#: A line whose next line is never its continuation: a table row, a heading, a fence.
_WHOLE_LINE = re.compile(r"^[ \t]*(?:[|#]|```|~~~|$)")


def join_chinese_lines(markdown: str) -> str:
    """``markdown`` with the soft line breaks between Chinese characters removed.

    A break stays where the next line starts a block (a list item, a table row …) or
    inside a fenced code block, so the page's structure is unchanged.
    """
    out: list[str] = []
    fenced = False
    for line in markdown.split("\n"):
        starts_block = _BLOCK_START.match(line) is not None
        if out and not fenced and not starts_block and not _WHOLE_LINE.match(out[-1]):
            joined = _SOFT_BREAK.sub(r"\1", f"{out[-1]}\n{line}", count=1)
            if "\n" not in joined:
                out[-1] = joined
                continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        out.append(line)
    return "\n".join(out)


def guide_folder() -> Path | None:
    """The folder holding ``zh/`` and ``en/`` of the user guide, or None when not installed."""
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        folder = Path(bundle) / "docs" / "guide" if bundle else None
    else:
        folder = Path(jlpanel.__file__).resolve().parents[1] / "docs" / "guide"
    return folder if folder is not None and folder.is_dir() else None


def page_title(page: str) -> str:
    """The name of a guide page in the contents list."""
    return {
        "index": translate("HelpWindow", "入门：十分钟演示"),
        "staff": translate("HelpWindow", "部门工作人员"),
        "expert": translate("HelpWindow", "评审专家"),
        "secretary": translate("HelpWindow", "专家组秘书"),
        "faq": translate("HelpWindow", "常见问题"),
    }[page]


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that shows screenshots at a readable width and hides HTML comments."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        data = super().loadResource(kind, name)
        if kind == QTextDocument.ResourceType.MarkdownResource and data is not None:
            text = data if isinstance(data, str) else _as_bytes(data).decode("utf-8")
            return join_chinese_lines(_COMMENT.sub("", text))  # no "shot goes here" notes
        if kind == QTextDocument.ResourceType.ImageResource and data is not None:
            image = _as_image(data)
            # As wide as the page allows (no sideways scrolling), never wider than readable.
            margin = 2 * int(self.document().documentMargin()) + 24
            width = min(MAX_IMAGE_WIDTH, max(320, self.viewport().width() - margin))
            if image is not None and image.width() > width:
                return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return data


def _as_image(data: object) -> QImage | None:
    """An image resource as QTextBrowser hands it over (file bytes, a QImage or a QPixmap)."""
    if isinstance(data, QImage):
        return data
    if isinstance(data, QPixmap):
        return data.toImage()
    if isinstance(data, QByteArray | bytes):
        image = QImage.fromData(_as_bytes(data))
        return None if image.isNull() else image
    return None


def _as_bytes(data: object) -> bytes:
    if isinstance(data, QByteArray):
        return bytes(data.data())
    return data if isinstance(data, bytes) else str(data).encode("utf-8")


class HelpWindow(QWidget):
    """The user guide: a contents list on the left, the page on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("HelpWindow")
        self.folder = guide_folder()
        self.language = current_language()
        self.page = "index"

        self.contents = QListWidget()
        self.contents.setObjectName("guideContents")
        for page in GUIDE_PAGES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, page)
            self.contents.addItem(item)
        self.contents.setMaximumWidth(220)
        self.browser = GuideBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenLinks(False)  # followed in follow_link
        self.missing = QLabel()
        self.missing.setObjectName("guideMissing")
        self.missing.setWordWrap(True)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = QPushButton(icon("go-previous"), "")
        self.forward_button = QPushButton()
        self.home_button = QPushButton()

        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forward_button)
        buttons.addWidget(self.home_button)
        buttons.addStretch(1)
        right = QWidget()
        rlayout = QVBoxLayout(right)
        rlayout.setContentsMargins(0, 0, 0, 0)
        rlayout.addLayout(buttons)
        rlayout.addWidget(self.browser, 1)
        rlayout.addWidget(self.missing, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.contents)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        self.home_button.clicked.connect(lambda: self.show_page("index"))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._on_source_changed)
        self.browser.anchorClicked.connect(self.follow_link)
        self.contents.currentRowChanged.connect(self._on_contents)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        resize_to_fit(self, 1100, 760)
        self._retranslate()
        if self.folder is None:
            self.browser.hide()
            self.contents.setEnabled(False)
            for button in (self.back_button, self.forward_button, self.home_button):
                button.setEnabled(False)
        else:
            self.missing.hide()
            self.show_page("index")

    # ------------------------------------------------------------------------- pages

    def page_path(self, page: str, language: str | None = None) -> Path | None:
        """The Markdown file of ``page`` in ``language`` (the UI language by default)."""
        if self.folder is None:
            return None
        path = self.folder / (language or self.language) / f"{page}.md"
        return path if path.is_file() else None

    def show_page(self, page: str) -> bool:
        """Show a page of the guide; False when it is not there."""
        path = self.page_path(page)
        if path is None:
            return False
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setSource(
            QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource
        )
        return True

    def current_path(self) -> Path | None:
        """The file of the page shown."""
        url = self.browser.source()
        return Path(url.toLocalFile()) if url.isLocalFile() else None

    def title(self) -> str:
        """The heading of the page shown (its first line)."""
        return self.browser.document().firstBlock().text().strip()

    def _on_source_changed(self, url: QUrl) -> None:
        page = Path(url.toLocalFile()).stem if url.isLocalFile() else ""
        if page in GUIDE_PAGES:
            self.page = page
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(GUIDE_PAGES.index(page))
            self.contents.blockSignals(False)
        title = self.title()
        heading = translate("HelpWindow", "jlpanel 用户指南")
        self.setWindowTitle(f"{title} — {heading}" if title and title != heading else heading)

    def _on_contents(self, row: int) -> None:
        if 0 <= row < len(GUIDE_PAGES):
            self.show_page(GUIDE_PAGES[row])

    def follow_link(self, url: QUrl) -> None:
        """A link clicked in a page: another page of the guide here, anything else outside."""
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and target.toLocalFile().endswith(".md"):
            target.setFragment("")
            self.browser.setSource(target, QTextDocument.ResourceType.MarkdownResource)
        else:
            QDesktopServices.openUrl(target)

    # ---------------------------------------------------------------------- language

    def _retranslate(self) -> None:
        for row, page in enumerate(GUIDE_PAGES):
            item = self.contents.item(row)
            if item is not None:
                item.setText(page_title(page))
        self.back_button.setText(translate("HelpWindow", "后退"))
        self.forward_button.setText(translate("HelpWindow", "前进"))
        self.home_button.setText(translate("HelpWindow", "目录"))
        self.missing.setText(
            translate(
                "HelpWindow",
                "没有找到用户指南：本程序安装时未包含 docs/guide 文件夹。"
                "请向提供本程序的部门索取用户指南，或重新安装完整版本。",
            )
        )
        if self.folder is None:
            self.setWindowTitle(translate("HelpWindow", "jlpanel 用户指南"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            language = current_language()
            if language != self.language:
                self.language = language
                self.show_page(self.page)  # the same page in the other language
        super().changeEvent(event)


def open_guide(owner: QWidget, current: HelpWindow | None, page: str | None = None) -> HelpWindow:
    """Show the guide window of ``owner`` (made on first use), at ``page`` if given."""
    window = current if current is not None else HelpWindow(owner)
    if window.folder is not None and page is not None and page != window.page:
        window.show_page(page)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
