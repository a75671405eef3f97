"""The shared strings measured before calamine opens a workbook (issue 12, item 6).

The bounds must hold for whatever calamine does with a part, so the property test builds
odd but readable string tables, lets calamine read them, and checks every string it put in
a cell against the bound for that string.
"""

from __future__ import annotations

import io
import zipfile
from array import array
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jlpanel.exchange.shared_strings import count_strings, shown_text, string_lengths

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _lengths(xml: str | bytes) -> array[int] | None:
    return string_lengths(io.BytesIO(xml.encode() if isinstance(xml, str) else xml))


def test_each_string_is_measured_from_its_start_tag_to_its_end_tag() -> None:
    xml = (
        '<?xml version="1.0"?><sst xmlns="m" xmlns:x="m" uniqueCount="4">'
        "<si><t>ab</t></si><si/><x:si><x:t>ccc</x:t></x:si>"
        "<si><r><t>d</t></r><r><rPr><b/></rPr><t>e</t></r></si></sst>"
    )
    lengths = _lengths(xml)
    assert lengths is not None
    assert list(lengths) == [len("<si><t>ab</t>"), len("<si/>"), len("<x:si><x:t>ccc</x:t>"), 49]
    assert count_strings(io.BytesIO(xml.encode()))[:2] == (4, 4)


def test_strings_follow_calamine_not_the_nesting() -> None:
    # calamine ends a string at the first </si>, a nested one's; elements before <sst> are
    # skipped, and nothing after </sst> is read.
    xml = (
        "<root><si><t>not a string</t></si><sst>"
        "<si><t>a</t><si><t>b</t></si><t>c</t></si><si><t>z</t></si>"
        "</sst><si><t>after</t></si></root>"
    )
    lengths = _lengths(xml)
    assert lengths is not None
    assert list(lengths) == [len("<si><t>a</t><si><t>b</t>"), len("<si><t>z</t>")]


def test_a_part_a_strict_parser_cannot_follow_is_not_measured() -> None:
    assert _lengths("<sst><si><t>a</t></si><si><t>b</sst>") is None  # not well-formed
    assert _lengths('<!DOCTYPE sst [<!ENTITY x "xxxx">]><sst><si><t>&x;</t></si></sst>') is None
    assert _lengths("\ufeff<sst/>".encode("utf-16")) is None
    # what follows the end of the table does not matter to calamine
    assert _lengths("<sst><si><t>a</t></si></sst><junk") == array("Q", [len("<si><t>a</t>")])


def test_every_unique_count_is_read_and_the_largest_kept() -> None:
    xml = b'<x uniqueCount="7"/><sst uniqueCount = "0000000000000000000000012"><si/></sst>'
    assert count_strings(io.BytesIO(xml))[:2] == (1, 12)
    huge = b'<sst uniqueCount="123456789012345678901234567890"/>'
    assert count_strings(io.BytesIO(huge)).declared > 10**18
    assert count_strings(io.BytesIO(b'<sst uniqueCount="1e12"/>')).declared == 0  # not a number


def test_shown_text_counts_every_cell_that_may_show_a_string() -> None:
    lengths = array("Q", [3, 100])

    def shown(cells: bytes) -> int:
        return shown_text(io.BytesIO(b"<sheetData><row>" + cells + b"</row>"), lengths, 100)

    assert shown(b'<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c>') == 6
    assert shown(b'<c r="A1" t="s"><v>1</v></c>') == 100
    assert shown(b'<c r="A1"><v>0</v></c>') == 0  # a number
    # Not the usual form: each taken to show the longest string
    assert shown(b'<c t="s" r="A1"><v>0</v></c>') == 100
    assert shown(b"<x:c r='A1' t='s'><x:v>0</x:v></x:c>") == 100
    assert shown(b'<c r="A1" t="s"><v>0</v><v>1</v></c>') == 100  # calamine keeps the last
    assert shown(b'<c r="A1" t="s"><v>7</v></c>') == 100  # past the table


def _workbook(path: Path, table: str, cells: list[str]) -> Path:
    rows = "".join(f'<row r="{n}">{cell}</row>' for n, cell in enumerate(cells, start=1))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            "openxmlformats.org/officeDocument/2006/relationships/officeDocument"
            '" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target='
            '"worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><sheetData>{rows}'
            "</sheetData></worksheet>"
        ),
        "xl/sharedStrings.xml": table,
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data.encode())
    return path


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=12,
)


@st.composite
def _string(draw: st.DrawFn) -> str:
    a, b, c = draw(_TEXT), draw(_TEXT), draw(_TEXT)
    form = draw(st.sampled_from(range(9)))
    if form == 0:
        return f"<si><t>{escape(a)}</t></si>"
    if form == 1:
        return f"<si><r><t>{escape(a)}</t></r><r><rPr><b/></rPr><t>{escape(b)}</t></r></si>"
    if form == 2:
        return "<si/>"
    if form == 3:
        return f"<x:si><x:t>{escape(a)}</x:t></x:si>"
    if form == 4:
        return f'<si><t>{escape(a)}</t><rPh sb="0" eb="1"><t>{escape(b)}</t></rPh></si>'
    if form == 5:
        return f"<si><t>{escape(a)}</t><si><t>{escape(b)}</t></si><t>{escape(c)}</t></si>"
    if form == 6:
        return f"<si><!-- <si> --><t>{escape(a)}</t></si>"
    if form == 7:
        return f"<si><t><![CDATA[{a.replace(']]>', '')}]]></t></si>"
    return f'<si><t xml:space="preserve"> {escape(a)} &amp;&#x1F600;&#65;</t></si>'


def test_the_quick_bound_is_the_longest_stretch_between_end_tags() -> None:
    table = b'<sst count="3"><si><t>ab</t></si><si><t>' + b"x" * 50 + b"</t></si><si/></sst>"
    assert count_strings(io.BytesIO(table)).longest == len(b"<si><t>" + b"x" * 50 + b"</t>")
    # Another spelling of the end tag, a prefix or a document type: not sure.
    for odd in (b"<sst><si><t>a</t></si ></sst>", b"<x:sst><x:si/></x:sst>", b"<!DOCTYPE x><sst/>"):
        assert count_strings(io.BytesIO(odd)).longest == -1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(strings=st.lists(_string(), min_size=1, max_size=12))
def test_no_string_calamine_shows_is_longer_than_its_bound(
    tmp_path: Path, strings: list[str]
) -> None:
    from python_calamine import CalamineWorkbook

    table = f'<?xml version="1.0"?><sst xmlns="{_MAIN}" xmlns:x="{_MAIN}">{"".join(strings)}</sst>'
    lengths = _lengths(table)
    assert lengths is not None
    assert count_strings(io.BytesIO(table.encode())).strings >= len(lengths)
    cells = [f'<c r="A{n + 1}" t="s"><v>{n}</v></c>' for n in range(len(lengths))]
    path = _workbook(tmp_path / "t.xlsx", table, cells)
    with CalamineWorkbook.from_path(str(path)) as workbook:
        grid = workbook.get_sheet_by_name("S").to_python(skip_empty_area=False)
    shown = [row[0] for row in grid]
    assert len(shown) == len(lengths)
    quick = count_strings(io.BytesIO(table.encode())).longest
    for index, value in enumerate(shown):
        assert len(str(value).encode()) <= lengths[index], (index, value, strings)
        # The quick bound, when it is sure, holds every string calamine shows too.
        assert quick == -1 or len(str(value).encode()) <= quick, (index, value, strings)
    sheet = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    total = shown_text(io.BytesIO(sheet), lengths, max(lengths))
    assert total >= sum(len(str(v).encode()) for v in shown)
