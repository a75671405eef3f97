"""The shared look of the report documents: pages, styles, tables, grades, charts.

Every document is A4 with the cycle's name in the header and "第 x 页 / 共 y 页" in the footer.
The page total is only known at the end, so the canvas keeps each finished page and draws the
header and footer on all of them when the document is saved (one layout pass, not two). A
file may hold several documents: each restarts its own page count, except in the bound volume
(合订本), numbered straight through, with bookmarks per kind of document and per platform.

Any text lays out: a table cell or title that would be taller than a page allows shows its
first lines and "（全文见附表1）", and the text is printed in full in the document's appendix
(:class:`Overflow`); a word longer than a line is cut; a signature never starts a page alone.

Only the bundled CJK font is ever used: every style, table and chart label names it, and the
canvas starts with it, so no base-14 font (Helvetica) is ever added to a PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, partial
from typing import Any
from xml.sax.saxutils import escape

from jlpanel.domain.exact import format_points
from jlpanel.reports.fonts import FONT_NAME, register_fonts, subset_cache, synthetic_bold
from jlpanel.reports.labels import Labels
from jlpanel.reports.models import GradeMark, ReportContext

log = logging.getLogger(__name__)

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


def fit(text: str, width: float, style: Any, overflow: Overflow, *, what: str = "") -> Any:
    """A table cell ``width`` wide: the plain string when each of its lines fits, else a
    wrapping block, shortened with a reference to the appendix when it would be taller than
    :data:`CELL_MAX_HEIGHT` (a row taller than a page cannot be laid out at all).

    Plain strings cost a fraction of a paragraph to lay out; most cells are short.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - 2 * CELL_PADDING
    lines = text.split("\n")
    if len(lines) * style.leading <= CELL_MAX_HEIGHT and all(
        stringWidth(line, FONT_NAME, style.fontSize) <= room for line in lines
    ):
        return text
    return overflow.block(text, style, room, what=what, max_lines=None)


def ellipsize(text: str, font_name: str, size: float, width: float) -> str:
    """``text`` on one line no wider than ``width``, cut with "…" when it is wider.

    Measured once, character by character (a cut-and-measure loop is quadratic, and a
    32,000-character name took minutes).
    """
    from reportlab.pdfbase.pdfmetrics import getFont

    text = " ".join(text.split())
    face = getFont(font_name).face
    widths: dict[int, float] = face.charWidths
    default = float(face.defaultWidth)
    limit = width * 1000.0 / size
    used = 0.0
    for n, char in enumerate(text):
        used += widths.get(ord(char), default)
        if used > limit:
            ellipsis = widths.get(ord("…"), default)
            while n and used + ellipsis > limit:
                n -= 1
                used -= widths.get(ord(text[n]), default)
            return text[:n] + "…"
    return text


#: The tallest a table cell may be before its text is shortened and printed in full in the
#: document's appendix (附表): a third of a landscape page.
CELL_MAX_HEIGHT = 150.0
#: The padding on each side of a table cell (the cell style's).
CELL_PADDING = 4.0
#: Lines a title may take before it is shortened.
TITLE_MAX_LINES = 3
#: Characters of a name quoted in running text before it is shortened.
INLINE_MAX_CHARS = 120


class Overflow:
    """Texts too long for where they stand: shortened there, printed in full in an appendix.

    Each document keeps one. A cell or title that would take more room than it has shows
    its first lines and "…（全文见附表1）"; :meth:`story` gives the appendix (附表), where
    the full text splits across pages like any paragraph. The same text is printed once.
    """

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self._numbers: dict[str, int] = {}
        self.entries: list[tuple[str, str]] = []

    def reference(self, text: str, what: str = "") -> str:
        """The mark that sends a reader to ``text`` in full, adding it to the appendix."""
        number = self._numbers.get(text)
        if number is None:
            self.entries.append((what, text))
            number = self._numbers[text] = len(self.entries)
        return self.labels("see_appendix", n=number)

    def inline(self, text: str, *, what: str = "", limit: int = INLINE_MAX_CHARS) -> str:
        """``text`` for running text: at most ``limit`` characters, then the reference."""
        text = text.strip()
        if len(text) <= limit:
            return text
        return text[:limit].rstrip() + "…" + self.reference(text, what)

    def block(
        self,
        text: str,
        style: Any,
        width: float,
        *,
        what: str = "",
        max_lines: int | None = TITLE_MAX_LINES,
        bold: bool = False,
    ) -> Any:
        """A block of ``text`` ``width`` wide (the text width, without cell padding) in at
        most ``max_lines`` lines (default: what fits in :data:`CELL_MAX_HEIGHT`)."""
        text = text.strip()
        if max_lines is None:
            max_lines = max(2, int(CELL_MAX_HEIGHT // style.leading))
        inner = width - style.leftIndent - style.rightIndent
        lines = break_lines(
            text, style.fontName, style.fontSize, inner, inner - style.firstLineIndent
        )
        block = _classes().TextBlock(text, style, bold=bold)
        if len(lines) > max_lines:
            mark = "…" + self.reference(text, what)
            # room for the mark on the last line kept, or on a line of its own
            keep = lines[: max_lines - 1]
            last = ellipsize(
                lines[max_lines - 1],
                style.fontName,
                style.fontSize,
                max(inner - _width(mark, style), 0.0),
            ).rstrip("…")
            shown = [*keep, last + mark] if last else [*keep, mark.lstrip("…")]
            block = _classes().TextBlock("\n".join(shown), style, bold=bold)
            lines = break_lines(
                block.text, style.fontName, style.fontSize, inner, inner - style.firstLineIndent
            )
        block._wrapped = (width, lines)  # laid out once: the table wraps the cell at this width
        return block

    def story(self) -> list[Any]:
        """The appendix: every text shortened elsewhere, in full (empty when there is none)."""
        if not self.entries:
            return []
        st = styles()
        out: list[Any] = heading(self.labels("appendix_title"))
        for number, (what, text) in enumerate(self.entries, 1):
            label = self.labels("appendix_entry", n=number)
            if what:
                label = f"{label}{self.labels('appendix_sep')}{what}"
            out.append(bold(label, st.subheading))
            out.append(para(text, st.body_plain))
        return out


def _width(text: str, style: Any) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, style.fontName, style.fontSize))


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
    keep: Sequence[tuple[int, int]] = (),
    keep_last: int = 2,
) -> Any:
    """A table in the bundled font that splits across pages, repeating its header rows.

    Columns in ``right`` are right-aligned (numbers), those in ``centre`` centred. A page
    break never falls inside a ``keep`` range of rows (first, last; negative from the end),
    nor among the last ``keep_last`` rows, so no page holds only a table's last row (a total).
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
    if keep_last > 1 and len(rows) - header_rows > keep_last:
        commands.append(("NOSPLIT", (0, -keep_last), (-1, -1)))
    commands.extend(("NOSPLIT", (0, first), (-1, last)) for first, last in keep)
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
) -> list[Any]:
    """A signature line and a date line (and ``extra_rows`` above), to keep together with
    what they sign (:func:`keep_with_end`)."""
    from reportlab.platypus import Spacer

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
    return parts


def keep_with_end(lead: Any, follow: Sequence[Any], *, head: Sequence[Any] = ()) -> Any:
    """``head`` (a heading), ``lead`` (a paragraph or a table) and ``follow`` (a signature
    block), never with ``follow`` alone at the top of a page: when they do not fit, the end
    of ``lead`` moves to the next page with it (a signature always stands under the text it
    signs), and ``head`` stays with the start of ``lead``."""
    return _classes().EndKeeper(lead, list(follow), list(head))


def seal_block(issuer: str, date_text: str) -> list[Any]:
    """The issuer (for the seal) and the date, right-aligned at the end of a notice, to keep
    together with the text above (:func:`keep_with_end`)."""
    from reportlab.platypus import Spacer

    st = styles()
    return [Spacer(1, 14 * MM), para(issuer, st.right), para(date_text, st.right)]


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
    #: The kind of document, when a bound volume holds several ("评价报告"): its bookmark.
    group: str = ""
    #: The document's own bookmark under its group (the platform's or expert's name).
    bookmark: str = ""


#: Characters of a bookmark before it is cut (a viewer's side panel shows about as many).
BOOKMARK_CHARS = 60


def one_line(text: str, limit: int = BOOKMARK_CHARS) -> str:
    """``text`` on one line of at most ``limit`` characters (cut with "…"): a bookmark, a
    PDF title, the name of an appendix entry."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class PdfMeta:
    """What a PDF says about itself beyond its title: when it was made and by which run."""

    #: The creation date written into the PDF (a time zone-aware moment).
    created: dt.datetime
    #: The report run that wrote it: every file of one set carries the same id.
    run_id: str = ""

    @property
    def keywords(self) -> str:
        """The PDF's keywords: the run id, so a file can be matched to its set's manifest."""
        return f"jlpanel-run:{self.run_id}" if self.run_id else ""


def source_date() -> dt.datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` asks documents to carry (reproducible builds), if set."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), dt.UTC)
    except (ValueError, OverflowError, OSError):
        log.warning("SOURCE_DATE_EPOCH=%r is not a time stamp; using the time now", raw)
        return None


def now() -> dt.datetime:
    """The time now with the local UTC offset, or ``SOURCE_DATE_EPOCH``'s when set."""
    return source_date() or dt.datetime.now().astimezone()


class _PdfTimeStamp:
    """The moment a PDF's creation date says, in the shape reportlab's ``PDFDate`` reads."""

    def __init__(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.astimezone()
        offset = moment.utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        self.t = moment.timestamp()
        self.YMDhms = moment.timetuple()[:6]
        self.dhh = int(minutes / 60)  # towards zero, as reportlab writes it: +05'30', -03'30'
        self.dmm = abs(minutes) % 60


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

        def _getFirstPossibleSplitRowPosition(
            self, availHeight: float, ignoreSpans: int = 0
        ) -> int:
            split_at = int(super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans))
            at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
            state = self.__dict__  # reportlab's own attribute, out of mypy's sight
            kept: list[Any] = state["_nosplitCmds"]
            if split_at <= self.repeatRows and kept and at_top:
                # rows kept together that are taller than a whole page: split them after all
                state["_nosplitCmds"] = []
                try:
                    split_at = int(
                        super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
                    )
                finally:
                    state["_nosplitCmds"] = kept
            return split_at

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
            # no single line left at the foot of a page or carried over to the next: a block
            # of three lines or fewer moves whole
            fits = min(fits, len(lines) - 2)
            if fits < 2:
                return []
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

    class EndKeeper(Flowable):  # type: ignore[misc]
        """A flowable and what must not be parted from its end (see :func:`keep_with_end`).

        Like reportlab's KeepTogether it is never drawn itself: its height is given as
        enormous, so the frame asks it to split, and it hands back its parts to lay out.
        """

        def __init__(self, lead: Any, follow: list[Any], head: list[Any]) -> None:
            super().__init__()
            self.lead = lead
            self.follow = follow
            self.head = head

        def getSpaceBefore(self) -> float:
            return float((self.head or [self.lead])[0].getSpaceBefore())

        def _height(self, flowables: list[Any], width: float, height: float) -> float:
            canvas = getattr(self, "canv", None)
            return float(
                sum(
                    f.wrapOn(canvas, width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                    for f in flowables
                )
            )

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return available_width, 0xFFFFFF  # always split: the parts are laid out

        def split(self, available_width: float, available_height: float) -> list[Any]:
            head = self._height(self.head, available_width, available_height)
            lead = self._height([self.lead], available_width, available_height)
            rest = self._height(self.follow, available_width, available_height)
            if head + lead + rest <= available_height:
                return [*self.head, self.lead, *self.follow]
            frame = getattr(self, "_frame", None)
            at_top = bool(frame is not None and getattr(frame, "_atTop", False))
            # leave as much of the lead here as fits, but always carry some of it over
            room = min(available_height - head, lead - 1.0)
            parts = self.lead.split(available_width, room) if room > 0 else []
            if len(parts) >= 2:
                return [*self.head, *parts[:-1], EndKeeper(parts[-1], self.follow, [])]
            if at_top:  # the whole is taller than a page and the lead cannot split: give up
                return [*self.head, self.lead, *self.follow]
            return []  # all of it on the next page

    class SectionStart(Flowable):  # type: ignore[misc]
        """Marks where a document starts in a file: its pages are numbered on their own, and
        in a bound volume it gets its bookmarks (the kind of document, then the platform)."""

        def __init__(self, index: int, part: DocumentPart, group_start: bool, marks: bool) -> None:
            super().__init__()
            self.index = index
            self.marks = marks
            self.title = part.title
            self.group = part.group
            self.bookmark = part.bookmark or part.title
            self.group_start = group_start
            self.width = self.height = 0

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return (0, 0)

        def draw(self) -> None:
            canvas = self.canv
            canvas.jl_section = self.index
            canvas.jl_title = self.title
            if not self.marks:
                return
            key = f"jl-part-{self.index}"
            if self.group:
                if self.group_start:
                    canvas.jl_marks.append((f"{key}-group", one_line(self.group), 0))
                canvas.jl_marks.append((key, one_line(self.bookmark), 1))
            else:
                canvas.jl_marks.append((key, one_line(self.bookmark), 0))

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Keeps finished pages and draws header and footer on them when saved.

        Bookmarks are added then too: reportlab ties a bookmark to the page being drawn, which
        is only known once the kept pages are written out.
        """

        def __init__(
            self, *args: Any, context: ReportContext, meta: PdfMeta, continuous: bool, **kwargs: Any
        ) -> None:
            super().__init__(*args, **kwargs)
            self.jl_context = context
            self.jl_continuous = continuous
            self.jl_section = 0
            self.jl_title = ""
            self.jl_marks: list[tuple[str, str, int]] = []
            self.jl_pages: list[dict[str, Any]] = []
            # The date the document says it was made: reportlab's invariant mode (kept for
            # stable object ids) would pin it to 2000-01-01.
            self._doc._timeStamp = _PdfTimeStamp(meta.created)

        def showPage(self) -> None:
            self.jl_pages.append(dict(self.__dict__))
            self.jl_marks = []
            self._startPage()

        def save(self) -> None:
            pages = self.jl_pages
            totals: dict[int, int] = {}
            for state in pages:
                totals[state["jl_section"]] = totals.get(state["jl_section"], 0) + 1
            seen: dict[int, int] = {}
            outline = False
            for number, state in enumerate(pages, 1):
                self.__dict__.update(state)
                section = state["jl_section"]
                seen[section] = seen.get(section, 0) + 1
                for key, title, level in state["jl_marks"]:
                    self.bookmarkPage(key, fit="XYZ", top=None, left=None, zoom=None)
                    self.addOutlineEntry(title, key, level=level)
                    outline = True
                if self.jl_continuous:
                    _draw_furniture(
                        self, self.jl_context, number, len(pages), (seen[section], totals[section])
                    )
                else:
                    _draw_furniture(self, self.jl_context, seen[section], totals[section])
                Canvas.showPage(self)
            if outline:
                self.showOutline()
            Canvas.save(self)

    class Namespace:
        pass

    ns = Namespace()
    ns.SectionStart = SectionStart  # type: ignore[attr-defined]
    ns.EndKeeper = EndKeeper  # type: ignore[attr-defined]
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


def _draw_furniture(
    canvas: Any,
    context: ReportContext,
    page: int,
    total: int,
    own: tuple[int, int] | None = None,
) -> None:
    """The header (cycle name, document title, a rule) and the footer (page x of y; in a
    bound volume also the document's own page, ``own``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    labels = Labels(context.language)
    width, height = canvas._pagesize
    side = LANDSCAPE_SIDE_MARGIN if width > height else SIDE_MARGIN
    room = width - 2 * side
    canvas.saveState()
    canvas.setFont(FONT_NAME, 8.5)
    canvas.setFillColor(color(MUTED))
    top = height - 14 * MM
    title = getattr(canvas, "jl_title", "")
    # the cycle's name first; the document's title gets the rest, and at least half if needed
    gap = 12 * MM
    title_room = min(stringWidth(title, FONT_NAME, 8.5), room / 2) + gap if title else 0.0
    cycle = ellipsize(context.cycle_name, FONT_NAME, 8.5, room - title_room)
    canvas.drawString(side, top, cycle)
    if title:
        title = ellipsize(title, FONT_NAME, 8.5, room - stringWidth(cycle, FONT_NAME, 8.5) - gap)
        canvas.drawRightString(width - side, top, title)
    canvas.setStrokeColor(color(RULE))
    canvas.setLineWidth(0.6)
    canvas.line(side, top - 2.2 * MM, width - side, top - 2.2 * MM)
    canvas.setFont(FONT_NAME, 9)
    canvas.drawCentredString(width / 2, 11 * MM, labels("footer", page=page, total=total))
    if own is not None:
        canvas.setFont(FONT_NAME, 8)
        canvas.drawRightString(
            width - side, 11 * MM, labels("footer_part", page=own[0], total=own[1])
        )
    canvas.restoreState()


def render_pdf(
    context: ReportContext,
    parts: Sequence[DocumentPart],
    *,
    title: str | None = None,
    meta: PdfMeta | None = None,
    bound: bool = False,
) -> bytes:
    """PDF bytes of ``parts``, one after the other, each numbering its own pages.

    A ``bound`` volume (合订本) numbers its pages straight through (each document's own page
    numbers beside) and has a bookmark per kind of document and per platform or expert.
    ``meta`` gives the creation date and the run id (default: now, or ``SOURCE_DATE_EPOCH``);
    the same input and ``meta`` give the same bytes (no random ids).
    """
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak
    from reportlab.platypus import PageTemplate as Template

    if not parts:
        raise ValueError("render_pdf needs at least one document")
    font = register_fonts()
    ns = _classes()
    meta = meta or PdfMeta(now())

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
        title=one_line(title or parts[0].title),
        author="jlpanel",
        creator="jlpanel",
        subject=one_line(context.cycle_name),
        keywords=meta.keywords,
        invariant=True,  # stable ids; the creation date is set from ``meta`` instead
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
    previous_group: str | None = None
    for index, part in enumerate(parts):
        if index:
            story.append(NextPageTemplate("landscape" if part.landscape else "portrait"))
            story.append(PageBreak())
        story.append(ns.SectionStart(index, part, part.group != previous_group, bound))
        previous_group = part.group
        story.extend(part.build())
    with subset_cache():
        doc.build(
            story,
            canvasmaker=partial(ns.NumberedCanvas, context=context, meta=meta, continuous=bound),
        )
    return buffer.getvalue()
