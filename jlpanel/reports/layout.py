"""The shared look of the report documents: pages, styles, tables, grades, charts.

Every document is A4 with the cycle's name in the header and "第 x 页 / 共 y 页" in the footer.
The page total is only known at the end, so the canvas keeps each finished page and draws the
header and footer on all of them when the document is saved (one layout pass, not two). A
file may hold several documents (the combined file): each restarts its own page count.

Only the bundled CJK font is ever used: every style, table and chart label names it, and the
canvas starts with it, so no base-14 font (Helvetica) is ever added to a PDF.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, partial
from typing import Any
from xml.sax.saxutils import escape

from jlpanel.domain.exact import format_points
from jlpanel.reports.fonts import FONT_NAME, register_fonts, synthetic_bold
from jlpanel.reports.labels import Labels
from jlpanel.reports.models import GradeMark, ReportContext

# reportlab is imported inside functions (the GUI starts without it); the classes that must
# subclass reportlab's are made on first use by ``_classes()``.

MM = 72.0 / 25.4
A4_PORTRAIT = (595.2755905511812, 841.8897637795277)
A4_LANDSCAPE = (A4_PORTRAIT[1], A4_PORTRAIT[0])
#: Side, top and bottom margins (points): the header and footer sit inside the top and bottom.
SIDE_MARGIN = 20 * MM
LANDSCAPE_SIDE_MARGIN = 15 * MM
TOP_MARGIN = 24 * MM
BOTTOM_MARGIN = 20 * MM

BODY_SIZE = 10.5
CELL_SIZE = 9.0

INK = "#000000"
MUTED = "#555555"
RULE = "#7F7F7F"
HEADER_FILL = "#D9D9D9"
AREA_FILL = "#EFEFEF"
TOTAL_FILL = "#E2E2E2"

#: Grade colours: fills of clearly different lightness, so grades still read in greyscale
#: print; 不合格 is white with a heavy frame and dark red text rather than a fill.
GRADE_FILL: dict[str | None, str] = {
    "excellent": "#1E5631",  # dark green, grey ≈ 30 %
    "good": "#7DB88A",  # mid green, grey ≈ 65 %
    "pass": "#DCE6F0",  # pale blue-grey, grey ≈ 90 %
    "fail": "#FFFFFF",
    None: "#FFFFFF",
}
GRADE_TEXT: dict[str | None, str] = {
    "excellent": "#FFFFFF",
    "good": "#000000",
    "pass": "#000000",
    "fail": "#9E0014",
    None: MUTED,
}
FAIL_FRAME = "#9E0014"


@cache
def color(hex_code: str) -> Any:
    """A reportlab colour from ``#RRGGBB``, made once.

    reportlab converts a colour string on every use, at some 30 µs each for hex codes, and a
    table sets the colour of every cell: handing it colour objects saves a third of a report.
    """
    from reportlab.lib.colors import HexColor

    return HexColor(hex_code)


@cache
def _cell_style_class(font_size: float) -> Any:
    """Table cell defaults in the bundled font, so tables need no per-cell commands for them."""
    from reportlab.platypus.tables import CellStyle

    return type(
        "JlCellStyle",
        (CellStyle,),
        {
            "fontname": FONT_NAME,
            "fontsize": font_size,
            "leading": font_size * 1.25,
            "leftPadding": 4,
            "rightPadding": 4,
            "topPadding": 3,
            "bottomPadding": 3,
            "valign": "MIDDLE",
            "color": color(INK),
        },
    )


def _resolve(command: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(color(a) if isinstance(a, str) and a.startswith("#") else a for a in command)


def frame_width(landscape: bool = False) -> float:
    """The width of the text frame of a page."""
    if landscape:
        return A4_LANDSCAPE[0] - 2 * LANDSCAPE_SIDE_MARGIN
    return A4_PORTRAIT[0] - 2 * SIDE_MARGIN


# ------------------------------------------------------------------------------ styles


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of every document (made once: styles are read-only in use)."""

    title: Any
    subtitle: Any
    centred_note: Any
    heading: Any
    subheading: Any
    body: Any
    body_plain: Any
    comment: Any
    note: Any
    cell: Any
    cell_small: Any
    cell_right: Any
    right: Any
    signature: Any


@cache
def styles() -> Styles:
    """The shared paragraph styles, every one in the bundled font."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    font = register_fonts()
    base = ParagraphStyle(
        "jl-base",
        fontName=font,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.6,
        wordWrap="CJK",
        textColor=color(INK),
        alignment=TA_LEFT,
    )

    def derive(name: str, **kw: Any) -> Any:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        title=derive("jl-title", fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4),
        subtitle=derive("jl-subtitle", fontSize=14, leading=20, alignment=TA_CENTER),
        centred_note=derive(
            "jl-centred-note",
            fontSize=9.5,
            leading=14,
            alignment=TA_CENTER,
            textColor=color(MUTED),
        ),
        heading=derive("jl-heading", fontSize=12.5, leading=18, spaceBefore=9, spaceAfter=5),
        subheading=derive("jl-subheading", fontSize=10.5, leading=15, spaceBefore=5, spaceAfter=1),
        body=derive("jl-body", firstLineIndent=2 * BODY_SIZE, spaceAfter=3),
        body_plain=derive("jl-body-plain", spaceAfter=3),
        comment=derive(
            "jl-comment", fontSize=10, leading=15, leftIndent=2 * BODY_SIZE, spaceAfter=1
        ),
        note=derive("jl-note", fontSize=9, leading=13.5, textColor=color(MUTED), spaceBefore=2),
        cell=derive("jl-cell", fontSize=CELL_SIZE, leading=CELL_SIZE * 1.3),
        cell_small=derive("jl-cell-small", fontSize=8.5, leading=11.5),
        cell_right=derive(
            "jl-cell-right", fontSize=CELL_SIZE, leading=CELL_SIZE * 1.3, alignment=TA_RIGHT
        ),
        right=derive("jl-right", alignment=TA_RIGHT),
        signature=derive("jl-signature", fontSize=11, leading=18),
    )


def markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().split("\n"))


def para(text: str, style: Any) -> Any:
    """A block of plain ``text`` in ``style``, wrapped to the width it is given."""
    return _classes().TextBlock(text.strip(), style)


def bold(text: str, style: Any) -> Any:
    """A block of plain ``text`` drawn in synthetic bold (headings, titles, labels)."""
    return _classes().TextBlock(text.strip(), style, bold=True)


#: Characters a line must not start with (closing punctuation), nor end with (opening).
NO_LINE_START = frozenset("，。、；：！？）」』”’》〉】〕…—,.;:!?)]}%·")
NO_LINE_END = frozenset("（「『“‘《〈【〔([{")
_TOKEN = re.compile(r"[\x21-\x7e]+|\s|.")


def break_lines(
    text: str, font_name: str, size: float, width: float, first_width: float | None = None
) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (the first no wider than
    ``first_width``).

    Chinese breaks between any two characters, Latin between words; no line starts with
    closing punctuation or ends with opening punctuation; hard line breaks are kept. Widths
    come straight from the font's advance widths: reportlab's paragraphs measure each
    character through several layers, and wrapping was a fifth of a report's time.
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    face = getFont(font_name).face
    widths: dict[int, float] = face.charWidths
    default = float(face.defaultWidth)
    scale = size / 1000.0

    def measure(token: str) -> float:
        return sum(widths.get(ord(c), default) for c in token) * scale

    lines: list[str] = []
    limit = first_width if first_width is not None else width
    for hard in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for token in _TOKEN.findall(hard):
            w = measure(token)
            if used + w <= limit + 1e-6:
                if current or not token.isspace():
                    current.append(token)
                    used += w
                continue
            if token.isspace():  # a space where the line breaks is dropped
                lines.append("".join(current).rstrip())
                current, used, limit = [], 0.0, width
                continue
            carried: list[str] = []
            if token[0] in NO_LINE_START and len(current) > 1:
                carried.append(current.pop())
            while len(current) > 1 and current[-1][-1] in NO_LINE_END:
                carried.insert(0, current.pop())
            if current:
                lines.append("".join(current).rstrip())
                limit = width
            current = [t for t in carried if not t.isspace()] if carried else []
            used = sum(measure(t) for t in current)
            if not current and w > limit:  # a word longer than a line: cut it
                piece = ""
                for c in token:
                    cw = measure(c)
                    if piece and used + cw > limit:
                        lines.append(piece)
                        piece, used, limit = "", 0.0, width
                    piece += c
                    used += cw
                current = [piece]
                continue
            current.append(token)
            used += w
        lines.append("".join(current).rstrip())
    return lines


def heading(text: str, *, room: float = 30 * MM, sub: bool = False) -> list[Any]:
    """A (sub)heading in bold that starts a new page when less than ``room`` is left.

    A conditional page break rather than ``keepWithNext``: that wraps heading and follower in
    a group laid out twice, which costs a tenth of a report.
    """
    from reportlab.platypus import CondPageBreak

    st = styles()
    return [CondPageBreak(room), bold(text, st.subheading if sub else st.heading)]


def fit(text: str, width: float, style: Any) -> Any:
    """A table cell: the plain string when it fits on one line, else a wrapping paragraph.

    Plain strings cost a fraction of a paragraph to lay out; most cells are short.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if "\n" not in text and stringWidth(text, FONT_NAME, style.fontSize) <= width - 8:
        return text
    return para(text, style)


def number(value: Decimal | Fraction | float | None, decimals: int) -> str:
    """``value`` with fixed decimals, rounded half up as on paper; an em dash for none."""
    return "—" if value is None else format_points(value, decimals)


def percent(value: float | None, decimals: int = 1) -> str:
    """A share (0–1) as a percentage."""
    return "—" if value is None else f"{value * 100:.{decimals}f}%"


# ------------------------------------------------------------------------------ tables


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    right: Sequence[int] = (),
    centre: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
    font_size: float = CELL_SIZE,
    row_heights: Sequence[float] | None = None,
    grid: bool = True,
) -> Any:
    """A table in the bundled font that splits across pages, repeating its header rows.

    Columns in ``right`` are right-aligned (numbers), those in ``centre`` centred.
    """
    from reportlab.platypus import TableStyle

    Table = _classes().FastTable
    # Font, colour, padding and alignment defaults come with the cells' style class (the
    # same as FONT/VALIGN/… commands over every cell, without running them cell by cell).
    commands: list[tuple[Any, ...]] = []
    if grid:
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.9, INK),
        ]
    for col in right:
        commands.append(("ALIGN", (col, header_rows), (col, -1), "RIGHT"))
    for col in centre:
        commands.append(("ALIGN", (col, header_rows), (col, -1), "CENTER"))
    commands.extend(extra)
    data = [list(r) for r in rows]
    cell = _cell_style_class(font_size)
    result = Table(
        data,
        colWidths=list(widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        repeatRows=header_rows,
        hAlign="LEFT",
        cellStyles=[[cell("jl") for _ in row] for row in data],
    )
    result.setStyle(TableStyle([_resolve(c) for c in commands]))
    return result


def grade_cell_style(col: int, row: int, code: str | None) -> list[tuple[Any, ...]]:
    """Table style commands that colour the grade in cell (col, row)."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (col, row), (col, row), GRADE_FILL[code]),
        ("TEXTCOLOR", (col, row), (col, row), GRADE_TEXT[code]),
        ("ALIGN", (col, row), (col, row), "CENTER"),
    ]
    if code == "fail":
        commands.append(("BOX", (col, row), (col, row), 1.6, FAIL_FRAME))
    return commands


def grade_text(grade: GradeMark) -> str:
    """The grade label, or an em dash when there is none."""
    return grade.label or "—"


# ------------------------------------------------------------------------------- blocks


def signature_block(
    labels: Labels, sign_label: str, *, width: float, extra_rows: Sequence[str] = ()
) -> Any:
    """A signature line and a date line that stay together at the end of a document."""
    from reportlab.platypus import KeepTogether, Spacer

    st = styles()
    line = "_" * 22
    rows = [[sign_label, line, labels("date"), labels("date_blank")]]
    widths = [width * 0.26, width * 0.34, width * 0.1, width * 0.3]
    block = table(
        rows,
        widths,
        header_rows=0,
        grid=False,
        font_size=11,
        extra=[("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (2, 0), (2, 0), "RIGHT")],
    )
    parts: list[Any] = [Spacer(1, 10 * MM)]
    parts.extend(para(text, st.body_plain) for text in extra_rows)
    parts.append(block)
    return KeepTogether(parts)


def seal_block(issuer: str, date_text: str) -> Any:
    """The issuer (for the seal) and the date, right-aligned at the end of a notice."""
    from reportlab.platypus import KeepTogether, Spacer

    st = styles()
    return KeepTogether([Spacer(1, 14 * MM), para(issuer, st.right), para(date_text, st.right)])


def blank_box(width: float, height: float) -> Any:
    """An empty framed box to write in by hand."""
    return table([[""]], [width], header_rows=0, row_heights=[height])


def grade_chart(counts: Sequence[tuple[GradeMark, int]], width: float, labels: Labels) -> Any:
    """A bar chart of how many platforms got each grade, in the bundled font."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String

    height = 62 * MM
    drawing = Drawing(width, height)
    # The renderer starts every drawing in the state defaults' font (Helvetica) unless told.
    drawing.initialFontName = FONT_NAME
    drawing.initialFontSize = 9
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 22
    chart.width, chart.height = width - 60, height - 40
    values = [n for _, n in counts]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [g.label for g, _ in counts]
    top = max([*values, 1])
    step = max(1, -(-top // 5))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * (-(-top // step) + 1)
    chart.valueAxis.valueStep = step
    for axis_labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis_labels.fontName = FONT_NAME
        axis_labels.fontSize = 9
    chart.barLabels.fontName = FONT_NAME
    chart.barLabels.fontSize = 9
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 7
    chart.barWidth = 18
    chart.groupSpacing = 14
    chart.bars.strokeColor = color(INK)
    chart.bars.strokeWidth = 0.6
    for n, (grade, _) in enumerate(counts):
        bar = chart.bars[(0, n)]
        bar.fillColor = color(GRADE_FILL[grade.code])
        if grade.code == "fail":
            bar.strokeColor = color(FAIL_FRAME)
            bar.strokeWidth = 1.6
            bar.strokeDashArray = (3, 2)
    drawing.add(chart)
    drawing.add(
        String(
            4,
            height - 10,
            labels("col_count"),
            fontName=FONT_NAME,
            fontSize=8.5,
            fillColor=color(MUTED),
        )
    )
    return drawing


# ---------------------------------------------------------------------- page furniture


@dataclass(frozen=True, slots=True)
class DocumentPart:
    """One document to render: its title (header, metadata) and how to build its story.

    The story is built when rendered (flowables are used up by a layout), so the same part
    can go into its own file and into the combined file.
    """

    title: str
    build: Callable[[], list[Any]]
    landscape: bool = False


@cache
def _classes() -> Any:
    """reportlab subclasses, defined on first use so reportlab loads only when needed."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, Table

    class FastTable(Table):  # type: ignore[misc]
        """A table that draws all its plain-text cells in one PDF text object.

        reportlab draws each cell with its own text object (BT … ET, font, position), which
        made cell text the larger part of a report's time; one text object per table with a
        position per cell is the same page, drawn in a third of the time. Flowable cells and
        links still go through reportlab's own cell drawing.
        """

        def draw(self) -> None:
            self._jl_text: Any = None
            super().draw()

        def _drawLines(self) -> None:
            self._jl_flush()  # the text before the rules, inside the table's saved state
            super()._drawLines()

        def _jl_flush(self) -> None:
            if self._jl_text is not None:
                self.canv.drawText(self._jl_text)
                self._jl_text = None

        def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
            if (
                isinstance(cellval, tuple | list | Flowable)
                or cellstyle.href
                or cellstyle.destination
                or cellstyle.direction
                or cellstyle.shaping
                or cellstyle.alignment not in ("LEFT", "RIGHT", "CENTER", "CENTRE")
            ):
                self._jl_flush()
                self._curcellstyle = None  # reportlab sets the canvas font and colour again
                super()._drawCell(cellval, cellstyle, pos, size)
                return
            lines = str(cellval).split("\n")
            if not any(lines):
                return
            text = self._jl_text
            if text is None:
                text = self._jl_text = self.canv.beginText()
                text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
                text.setFillColor(cellstyle.color)
                self._jl_state = (cellstyle.fontname, cellstyle.fontsize, cellstyle.color)
            font, size_, colour = self._jl_state
            if (cellstyle.fontname, cellstyle.fontsize) != (font, size_):
                text.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            if cellstyle.color != colour:
                text.setFillColor(cellstyle.color)
            self._jl_state = (cellstyle.fontname, cellstyle.fontsize, cellstyle.color)
            col_x, row_y = pos
            width, height = size
            leading, font_size = cellstyle.leading, cellstyle.fontsize
            n = len(lines)
            if cellstyle.valign == "TOP":
                y = row_y + height - cellstyle.topPadding - font_size
            elif cellstyle.valign == "BOTTOM":
                y = row_y + cellstyle.bottomPadding + n * leading - font_size
            else:
                y = (
                    row_y
                    + (cellstyle.bottomPadding + height - cellstyle.topPadding + n * leading) / 2.0
                    - font_size
                )
            align = cellstyle.alignment
            for line in lines:
                if line:
                    if align == "LEFT":
                        x = col_x + cellstyle.leftPadding
                    else:
                        w = stringWidth(line, cellstyle.fontname, font_size)
                        if align == "RIGHT":
                            x = col_x + width - cellstyle.rightPadding - w
                        else:
                            x = (
                                col_x
                                + (width + cellstyle.leftPadding - cellstyle.rightPadding - w) / 2
                            )
                    _place(text, x, y)
                    text._textOut(line)  # no cursor advance: each line is placed
                y -= leading

    class TextBlock(Flowable):  # type: ignore[misc]
        """Plain text wrapped to its width and drawn in one text object; splits by lines.

        Stands in for reportlab's Paragraph where no markup is needed (all of jlpanel's
        text), at a fraction of the cost: see :func:`break_lines`.
        """

        def __init__(
            self,
            text: str,
            style: Any,
            *,
            bold: bool = False,
            first: bool = True,
            label: str = "",
        ) -> None:
            super().__init__()
            self.text = text
            self.style = style
            self.bold = bold
            #: A bold line above the text (an expert's number over the comments), kept with it.
            self.label = label
            #: Whether the block starts its paragraph (first-line indent, space before).
            self.first = first
            self.last = True
            self._wrapped: tuple[float, list[str]] | None = None

        def getSpaceBefore(self) -> float:
            return float(self.style.spaceBefore) if self.first else 0.0

        def getSpaceAfter(self) -> float:
            return float(self.style.spaceAfter) if self.last else 0.0

        def _lines(self, width: float) -> list[str]:
            if self._wrapped is None or self._wrapped[0] != width:
                st = self.style
                inner = width - st.leftIndent - st.rightIndent
                first = inner - st.firstLineIndent if self.first else inner
                lines = break_lines(self.text, st.fontName, st.fontSize, inner, first)
                self._wrapped = (width, lines)
            return self._wrapped[1]

        def _label_height(self) -> float:
            return self.style.leading * 1.25 if self.label else 0.0

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            lines = self._lines(available_width)
            self.width = available_width
            self.height = len(lines) * self.style.leading + self._label_height()
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            lines = self._lines(available_width)
            room = available_height - self._label_height()
            fits = int((room + 1e-6) // self.style.leading)
            if fits < 1 or len(lines) < 2:
                return []
            if fits >= len(lines):
                return [self]
            head = TextBlock(
                "\n".join(lines[:fits]),
                self.style,
                bold=self.bold,
                first=self.first,
                label=self.label,
            )
            head._wrapped = (available_width, lines[:fits])
            head.last = False
            tail = TextBlock("\n".join(lines[fits:]), self.style, bold=self.bold, first=False)
            tail._wrapped = (available_width, lines[fits:])
            tail.last = self.last
            return [head, tail]

        def draw(self) -> None:
            st = self.style
            lines = self._lines(self.width)
            canvas = self.canv
            text = canvas.beginText()
            text.setFont(st.fontName, st.fontSize, st.leading)
            text.setFillColor(st.textColor)
            y = self.height - st.fontSize
            if self.label:
                size = st.fontSize * 1.05
                with synthetic_bold(canvas, st.textColor, size):
                    canvas.setFont(st.fontName, size)
                    canvas.setFillColor(st.textColor)
                    canvas.drawString(0, y, self.label)
                y -= self._label_height()
            left = st.leftIndent
            right = self.width - st.rightIndent
            for n, line in enumerate(lines):
                if line:
                    x = left + (st.firstLineIndent if n == 0 and self.first else 0)
                    if st.alignment in (1, 2):  # centred, right
                        w = stringWidth(line, st.fontName, st.fontSize)
                        x = (x + right - w) / 2 if st.alignment == 1 else right - w
                    _place(text, x, y)
                    text._textOut(line)  # no cursor advance: each line is placed
                y -= st.leading
            if self.bold:
                with synthetic_bold(canvas, st.textColor, st.fontSize):
                    canvas.drawText(text)
            else:
                canvas.drawText(text)

    class SectionStart(Flowable):  # type: ignore[misc]
        """Marks where a document starts in a file, so its pages are numbered on their own."""

        def __init__(self, index: int, title: str) -> None:
            super().__init__()
            self.index = index
            self.title = title
            self.width = self.height = 0

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return (0, 0)

        def draw(self) -> None:
            self.canv.jl_section = self.index
            self.canv.jl_title = self.title

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Keeps finished pages and draws header and footer on them when saved."""

        def __init__(self, *args: Any, context: ReportContext, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.jl_context = context
            self.jl_section = 0
            self.jl_title = ""
            self.jl_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.jl_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = self.jl_pages
            totals: dict[int, int] = {}
            for state in pages:
                totals[state["jl_section"]] = totals.get(state["jl_section"], 0) + 1
            seen: dict[int, int] = {}
            for state in pages:
                self.__dict__.update(state)
                section = state["jl_section"]
                seen[section] = seen.get(section, 0) + 1
                _draw_furniture(self, self.jl_context, seen[section], totals[section])
                Canvas.showPage(self)
            Canvas.save(self)

    class Namespace:
        pass

    ns = Namespace()
    ns.SectionStart = SectionStart  # type: ignore[attr-defined]
    ns.FastTable = FastTable  # type: ignore[attr-defined]
    ns.TextBlock = TextBlock  # type: ignore[attr-defined]
    ns.NumberedCanvas = NumberedCanvas  # type: ignore[attr-defined]
    return ns


def _place(text: Any, x: float, y: float) -> None:
    """Move a text object's origin to (x, y), as ``setTextOrigin`` does on a bottom-up page.

    reportlab formats the numbers in pure Python (``fp_str``) when its C accelerator is not
    installed; once per table cell that was a twentieth of a report's time.
    """
    text._code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")


def _draw_furniture(canvas: Any, context: ReportContext, page: int, total: int) -> None:
    """The header (cycle name, document title, a rule) and the footer (page x of y)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    labels = Labels(context.language)
    width, height = canvas._pagesize
    side = LANDSCAPE_SIDE_MARGIN if width > height else SIDE_MARGIN
    canvas.saveState()
    canvas.setFont(FONT_NAME, 8.5)
    canvas.setFillColor(color(MUTED))
    top = height - 14 * MM
    canvas.drawString(side, top, context.cycle_name)
    title = getattr(canvas, "jl_title", "")
    if title:
        room = width - 2 * side - stringWidth(context.cycle_name, FONT_NAME, 8.5) - 12 * MM
        while title and stringWidth(title, FONT_NAME, 8.5) > room:
            title = title[:-2] + "…"
        canvas.drawRightString(width - side, top, title)
    canvas.setStrokeColor(color(RULE))
    canvas.setLineWidth(0.6)
    canvas.line(side, top - 2.2 * MM, width - side, top - 2.2 * MM)
    canvas.setFont(FONT_NAME, 9)
    canvas.drawCentredString(width / 2, 11 * MM, labels("footer", page=page, total=total))
    canvas.restoreState()


def render_pdf(
    context: ReportContext, parts: Sequence[DocumentPart], *, title: str | None = None
) -> bytes:
    """PDF bytes of ``parts``, one after the other, each numbering its own pages.

    The same input gives the same bytes (no time stamps or random ids).
    """
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak
    from reportlab.platypus import PageTemplate as Template

    if not parts:
        raise ValueError("render_pdf needs at least one document")
    font = register_fonts()
    ns = _classes()

    def template(name: str, landscape: bool) -> Any:
        size = A4_LANDSCAPE if landscape else A4_PORTRAIT
        side = LANDSCAPE_SIDE_MARGIN if landscape else SIDE_MARGIN
        frame = Frame(
            side,
            BOTTOM_MARGIN,
            size[0] - 2 * side,
            size[1] - TOP_MARGIN - BOTTOM_MARGIN,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=f"{name}-frame",
        )
        return Template(id=name, frames=[frame], pagesize=size)

    first = "landscape" if parts[0].landscape else "portrait"
    other = "portrait" if first == "landscape" else "landscape"
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4_LANDSCAPE if parts[0].landscape else A4_PORTRAIT,
        title=title or parts[0].title,
        author="jlpanel",
        creator="jlpanel",
        subject=context.cycle_name,
        invariant=True,
        initialFontName=font,
        initialFontSize=BODY_SIZE,
        initialLeading=BODY_SIZE * 1.6,
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        allowSplitting=1,
    )
    doc.addPageTemplates(
        [template(first, first == "landscape"), template(other, other == "landscape")]
    )
    story: list[Any] = []
    for index, part in enumerate(parts):
        if index:
            story.append(NextPageTemplate("landscape" if part.landscape else "portrait"))
            story.append(PageBreak())
        story.append(ns.SectionStart(index, part.title))
        story.extend(part.build())
    doc.build(story, canvasmaker=partial(ns.NumberedCanvas, context=context))
    return buffer.getvalue()
