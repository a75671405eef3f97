"""Container safety: no workbook can abort or exhaust the reader (issue 12, item 6)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from broken_workbooks import write_dossier_workbook
from hostile_workbooks import (
    S,
    converted,
    far_cell,
    far_cell_without_refs,
    garbage_sheet,
    garbage_xls,
    gnumeric_dimension,
    namespaced,
    upper_case_part,
)

from jlpanel.exchange.dossier_reader import read_dossier
from jlpanel.exchange.history_sheet import read_history_sheet
from jlpanel.exchange.roster_reader import read_roster
from jlpanel.exchange.workbook_container import ExtentCounter, check_workbook, probe_in_child


@pytest.mark.parametrize("row_attr", [False, True])
def test_a_far_cell_is_refused_in_well_under_a_second(tmp_path: Path, row_attr: bool) -> None:
    path = far_cell(tmp_path / "平台A.xlsx", row_attr=row_attr)
    start = time.perf_counter()
    result = read_dossier(path)
    assert time.perf_counter() - start < 1.0
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
