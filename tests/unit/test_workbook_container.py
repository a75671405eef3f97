"""Container safety: no workbook can abort or exhaust the reader (issue 12, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from broken_workbooks import Grids, column_of, rewrite_zip, write_dossier_workbook
from hostile_workbooks import (
    S,
    converted,
    far_cell,
    far_cell_without_refs,
    garbage_sheet,
    garbage_xls,
    gnumeric_dimension,
    many_strings,
    namespaced,
    swollen_part,
    unique_count,
    upper_case_part,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from jlpanel.exchange.dossier_reader import read_dossier
from jlpanel.exchange.history_sheet import read_history_sheet
from jlpanel.exchange.read_report import column_letter
from jlpanel.exchange.roster_reader import read_roster
from jlpanel.exchange.workbook_container import (
    MAX_SHARED_STRINGS,
    ExtentCounter,
    MemoryLimits,
    check_workbook,
    probe_in_child,
)


@pytest.mark.parametrize("row_attr", [False, True])
def test_a_far_cell_is_refused_naming_the_sheet(tmp_path: Path, row_attr: bool) -> None:
    # How fast and in how little memory: benchmarks/run.py hostile (no timing in tests).
    result = read_dossier(far_cell(tmp_path / "平台A.xlsx", row_attr=row_attr))
    [finding] = result.errors
    assert (finding.code, finding.sheet) == ("sheet.too_many_rows", S)
    assert "1,048,575" in finding.message.zh


def test_a_namespace_prefix_does_not_skip_the_scan(tmp_path: Path) -> None:
    [finding] = read_dossier(namespaced(tmp_path / "平台A.xlsx")).errors
    assert (finding.code, finding.sheet) == ("sheet.too_many_rows", S)


def test_a_sheet_part_named_in_capitals_is_scanned(tmp_path: Path) -> None:
    # calamine finds xl/worksheets/sheet3.XML for sheet3.xml; unscanned, it aborts the process.
    [finding] = read_dossier(upper_case_part(tmp_path / "平台A.xlsx")).errors
    assert finding.code == "sheet.too_many_rows"
    assert "1,048,575" in finding.message.zh


def test_a_shared_text_table_over_its_limit_is_refused_naming_part_size_and_limit(
    tmp_path: Path,
) -> None:
    # calamine reads the whole table on opening, whatever sheet is read: a 900 MB one took
    # 2.8 GB. The limit follows the file size limit; 100 KB allows 200 KB of shared strings.
    path = swollen_part(tmp_path / "平台A.xlsx", "xl/sharedStrings.xml", 300_000)
    assert read_dossier(path).ok  # the padding itself is harmless
    assert MemoryLimits.for_file(100_000).shared_strings == 200_000
    [finding] = read_dossier(path, max_bytes=100_000).errors
    assert finding.code == "file.part_too_large"
    assert finding.message.zh == (
        "“平台A.xlsx”的共享文字表（xl/sharedStrings.xml）解压后有 0.3 MB，超过上限 0.2 MB"
    )
    assert "(xl/sharedStrings.xml) unpacks to 0.3 MB" in finding.message.en
    assert "删除工作簿中多余的内容" in finding.fix.zh


def test_the_shared_text_table_is_found_in_any_case(tmp_path: Path) -> None:
    path = swollen_part(tmp_path / "平台A.xlsx", "xl/sharedStrings.xml", 300_000)
    rewrite_zip(path, lambda n, d: d, rename={"xl/sharedStrings.xml": "xl/SharedStrings.XML"})
    [finding] = read_dossier(path, max_bytes=100_000).errors
    assert finding.code == "file.part_too_large"
    assert "xl/SharedStrings.XML" in finding.message.zh


def test_a_swollen_style_table_is_refused(tmp_path: Path) -> None:
    element = b'<numFmt numFmtId="200" formatCode="0.000"/>'
    path = swollen_part(tmp_path / "平台A.xlsx", "xl/styles.xml", 33 * 2**20, element)
    [finding] = read_dossier(path).errors
    assert finding.code == "file.part_too_large"
    assert "单元格样式表（xl/styles.xml）解压后有 33.0 MB，超过上限 32.0 MB" in finding.message.zh


def test_more_shared_strings_than_allowed_are_refused(tmp_path: Path) -> None:
    # 4 million <si/> are 20 MB that calamine would hold as 100 MB of empty strings.
    path = many_strings(tmp_path / "平台A.xlsx", MAX_SHARED_STRINGS + 1)
    [finding] = read_dossier(path).errors
    assert finding.code == "file.too_many_strings"
    assert "有 4,000,001 条文字，超过上限 4,000,000 条" in finding.message.zh


@pytest.mark.parametrize("reader", [read_dossier, read_roster, read_history_sheet])
def test_a_huge_unique_count_is_refused_not_fatal(tmp_path: Path, reader: object) -> None:
    # calamine reserves room for uniqueCount strings before reading one: 2.4 TB here, and a
    # failed allocation aborts the process.
    path = unique_count(tmp_path / "平台A.xlsx", 10**11)
    findings = reader(path).findings  # type: ignore[operator]
    assert [f.code for f in findings] == ["file.too_many_strings"]
    assert "声明有 100,000,000,000 条文字" in findings[0].message.zh


def test_text_repeated_in_many_cells_is_bounded_by_what_the_cells_will_hold(
    tmp_path: Path,
) -> None:
    # One 10,000-character 服务内容 in 60 rows: the shared-strings table holds it once
    # (34 KB), but calamine copies it into each cell, and Python once more: 1.8 MB.
    def edit(grids: Grids) -> None:
        rows = grids[S]
        content = column_of(grids, S, "服务内容")
        rows[1:] = [rows[1][:] for _ in range(60)]
        for row in rows[1:]:
            row[content] = "长" * 10_000

    path = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert read_dossier(path).ok  # 400 MB allowed for a 100 MB file
    assert MemoryLimits.for_file(100_000).cell_text == 400_000
    [finding] = read_dossier(path, max_bytes=100_000).errors
    assert (finding.code, finding.sheet) == ("file.too_much_text", S)
    assert finding.message.zh == (
        "“平台A.xlsx”各工作表的单元格中共有约 1.8 MB 文字（工作表“服务记录”约 1.8 MB），"
        "超过上限 0.4 MB"
    )
    assert "repeated in many cells" in finding.fix.en


def test_cells_without_refs_are_counted(tmp_path: Path) -> None:
    [finding] = read_dossier(far_cell_without_refs(tmp_path / "平台A.xlsx")).errors
    assert (finding.code, finding.sheet) == ("sheet.too_many_columns", S)
    assert "300 列" in finding.message.zh


def test_a_gnumeric_dimension_is_not_trusted(tmp_path: Path) -> None:
    good = read_dossier(write_dossier_workbook(tmp_path / "good.xlsx"))
    result = read_dossier(gnumeric_dimension(tmp_path / "平台A.xlsx"))
    assert result.ok, result.errors
    assert result.dossier == good.dossier


def test_a_garbage_sheet_is_refused_naming_it(tmp_path: Path) -> None:
    [finding] = read_dossier(garbage_sheet(tmp_path / "平台A.xlsx")).errors
    assert (finding.code, finding.sheet) == ("file.corrupt", S)
    assert "平台A.xlsx" in finding.message.zh


def test_a_garbage_xls_is_refused_not_fatal(tmp_path: Path) -> None:
    [finding] = read_dossier(garbage_xls(tmp_path / "平台A.xls")).errors
    assert finding.code == "file.corrupt"
    assert "平台A.xls" in finding.message.zh


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_libreoffice_re_saves_read_the_same(tmp_path: Path, suffix: str) -> None:
    source = write_dossier_workbook(tmp_path / "平台A.xlsx")
    other = converted(source, suffix, tmp_path / "out")
    result = read_dossier(other)
    assert result.ok, result.errors
    assert result.dossier == read_dossier(source).dossier


@pytest.mark.parametrize("reader", [read_roster, read_history_sheet], ids=["roster", "history"])
def test_the_small_readers_refuse_a_far_cell(tmp_path: Path, reader: object) -> None:
    path = far_cell(tmp_path / "x.xlsx")
    findings = reader(path).findings  # type: ignore[operator]
    assert any(f.code == "sheet.too_many_rows" and f.sheet == S for f in findings)


def test_the_paper_sheet_check_refuses_a_far_cell(tmp_path: Path) -> None:
    findings = check_workbook(far_cell(tmp_path / "x.xlsx"), max_bytes=2**24, max_rows=50_000)
    assert [f.sheet for f in findings] == [S]


def test_a_crashing_child_is_a_failure_not_an_abort(tmp_path: Path) -> None:
    # Read unscanned, the far cell makes calamine abort the process: here only the child.
    probe = probe_in_child(far_cell(tmp_path / "平台A.xlsx"), memory=512 * 2**20)
    assert probe.failure == "crash"


def test_the_extent_counter_follows_rows_and_cells_without_refs() -> None:
    counter = ExtentCounter()
    v = b"<v>1</v>"
    counter.feed(
        b'<row r="3"><c r="B3">'
        + v
        + b"</c></row><row><c>"
        + v
        + b"</c><c>"
        + v
        + b"</c><c>"
        + v
        + b"</c></row>"
    )
    assert (counter.rows, counter.columns) == (4, 3)
    counter.feed(b'<x:row r="10"><x:c r="AA10">' + v + b"</x:c></x:row>")
    assert (counter.rows, counter.columns) == (10, 27)


def test_cells_holding_only_a_style_do_not_widen_the_sheet() -> None:
    # Gnumeric writes <c r="XFD2" s="6"/> for a styled row; calamine stores no value for it.
    counter = ExtentCounter()
    counter.feed(b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="XFD2" s="6"/></row>')
    assert (counter.rows, counter.columns) == (2, 1)
    walked = ExtentCounter()  # the same without r= on the styled cells: the slow walk
    walked.feed(b'<row r="2"><c r="A2"><v>0</v></c>' + b'<c s="6"/>' * 16383 + b"</row>")
    assert (walked.rows, walked.columns) == (2, 1)
    # a far cell with a value still counts, with or without r=
    far = ExtentCounter()
    far.feed(b'<row><c r="XFD1048576"><v>1</v></c></row>')
    assert (far.rows, far.columns) == (1048576, 16384)


_CELLS = st.lists(
    st.tuples(
        st.integers(1, 2_000_000),  # row
        st.integers(0, 20_000),  # column
        st.booleans(),  # holds only a style
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(cells=_CELLS, ascending=st.booleans(), split=st.integers(0, 40))
def test_the_quick_pass_measures_what_the_exact_walk_does(
    cells: list[tuple[int, int, bool]], ascending: bool, split: int
) -> None:
    # Plain-form rows and cells, some far out (hostile), in or out of order, fed in two
    # segments: the quick pass either measures exactly or leaves the segment to the walk.
    by_row: dict[int, list[tuple[int, bool]]] = {}
    for row, column, styled in cells:
        by_row.setdefault(row, []).append((column, styled))
    order = sorted(by_row) if ascending else list(by_row)
    rows = []
    for row in order:
        tags = "".join(
            f'<c r="{column_letter(c)}{row}" s="1"/>'
            if styled
            else f'<c r="{column_letter(c)}{row}"><v>1</v></c>'
            for c, styled in sorted(set(by_row[row]))
        )
        rows.append(f'<row r="{row}" spans="1:2">{tags}</row>'.encode())
    cut = min(split, len(rows))
    segments = [b"".join(rows[:cut]), b"".join(rows[cut:])]
    fed = ExtentCounter()
    walked = ExtentCounter()
    for segment in segments:
        if segment:
            fed.feed(segment)
            walked._feed_walk(segment)
    assert (fed.rows, fed.columns) == (walked.rows, walked.columns)


def test_the_quick_pass_hands_unusual_segments_to_the_exact_passes() -> None:
    v = b"<v>1</v>"
    plain = b'<row r="1"><c r="A1">' + v + b'</c></row><row r="2"><c r="B2">' + v + b"</c></row>"
    assert ExtentCounter()._feed_quick(plain)
    for odd in (
        b'<row r="1"><c r="$XFD$1">' + v + b"</c></row>",  # absolute refs
        b'<row r="1"><c s="1" r="XFD1">' + v + b"</c></row>",  # r= not first
        b'<row r="1"><x:c r="A1">' + v + b"</x:c></row>",  # a prefix
        b'<row r="1"><c r="A1"><f>1+1</f>' + v + b"</c></row>",  # a formula, looked at closely
        b'<row r="1"><c r="A1">' + v + b'</c><c r="A1048576">' + v + b"</c></row>",  # far row
        b'<row r="9"><c r="A9">' + v + b'</c></row><row r="2"><c r="IW2">' + v + b"</c></row>",
    ):
        counter = ExtentCounter()
        assert not counter._feed_quick(odd), odd
        counter.feed(odd)  # and the exact passes measure it
        walked = ExtentCounter()
        walked._feed_walk(odd)
        assert (counter.rows, counter.columns) == (walked.rows, walked.columns), odd


@settings(max_examples=500, deadline=None)
@given(
    bound=st.integers(1, 10**12 - 1),
    row=st.integers(0, 10**13),
    width=st.integers(1, 14),
    columns=st.tuples(st.integers(0, 16_383), st.integers(0, 16_383)),
)
def test_the_quick_pass_takes_a_cell_as_inside_exactly_when_it_is(
    bound: int, row: int, width: int, columns: tuple[int, int]
) -> None:
    # The one search per tag that proves a segment's rows and cells lie within the candidate
    # extent: a row or cell is let through when, and only when, it is at most the bound,
    # leading zeros included; a number written longer than the bound goes to the exact passes.
    from jlpanel.exchange.workbook_container import _outside

    last, column = columns
    digits = str(row).zfill(width)
    letters = column_letter(last)
    rows_outside, cells_outside = _outside(str(bound), letters)
    row_tag = f'<row r="{digits}" spans="1:2">'.encode()
    cell_tag = f'<c r="{column_letter(column)}{digits}" s="1">'.encode()
    inside = row <= bound and len(digits) <= len(str(bound))
    assert (rows_outside.search(row_tag) is None) == inside
    assert (cells_outside.search(cell_tag) is None) == (inside and column <= last)
