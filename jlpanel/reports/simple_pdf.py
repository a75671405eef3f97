"""A small A4 PDF of a title and paragraphs, in Chinese, with the CJK font embedded.

The font is the bundled WenQuanYi Micro Hei, registered by :mod:`jlpanel.reports.fonts`.
reportlab embeds a subset of a TrueType font, only the glyphs the document uses, so a page of
text stays small and opens on machines without any CJK font.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from jlpanel.reports.fonts import FONT_FILE, FONT_NAME, register_fonts

#: The name the bundled CJK font is registered under with reportlab (kept for callers).
CJK_FONT_NAME = FONT_NAME
CJK_FONT_FILE = FONT_FILE


def register_cjk_font() -> str:
    """Register the bundled CJK font with reportlab (once per process); returns its name."""
    return register_fonts()


def simple_pdf(title: str, paragraphs: Sequence[str], *, author: str = "jlpanel") -> bytes:
    """A4 PDF bytes: ``title`` as a heading, then each paragraph, with page numbers.

    Text is plain (no markup); line breaks inside a paragraph are kept. The same input gives
    the same bytes (no time stamps or random ids), so demo files are reproducible.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    font = register_cjk_font()
    heading = ParagraphStyle(
        "jlpanel-title", fontName=font, fontSize=16, leading=24, alignment=1, spaceAfter=6 * mm
    )
    body = ParagraphStyle(
        "jlpanel-body",
        fontName=font,
        fontSize=10.5,
        leading=17,
        firstLineIndent=21,  # two characters, as Chinese prose is set
        spaceAfter=3 * mm,
        wordWrap="CJK",
    )

    def footer(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(font, 9)  # type: ignore[attr-defined]
        page = canvas.getPageNumber()  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"第 {page} 页")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        initialFontName=font,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=25 * mm,
        title=title,
        author=author,
        creator="jlpanel",
        invariant=True,
    )
    story: list[object] = [Paragraph(_markup(title), heading)]
    story.extend(Paragraph(_markup(p), body) for p in paragraphs if p.strip())
    if len(story) == 1:
        story.append(Spacer(1, 1))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().split("\n"))
