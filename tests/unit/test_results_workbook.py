"""The results workbook and CSV writer: exact rounding, numbers as numbers, formula guard."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from jlpanel.exchange.results_workbook import (
    FORMULA_STARTS,
    Column,
    ColumnKind,
    Sheet,
    cell_text,
    csv_bytes,
    guard_formula,
    text_rows,
    write_workbook,
)

S, P, A, N, T = (
    ColumnKind.SCORE,
    ColumnKind.POINTS,
    ColumnKind.AMOUNT,
    ColumnKind.INTEGER,
    ColumnKind.TEXT,
)

SHEET = Sheet(
    "统计",
    (
        Column("名称", T),
        Column("极差", S),
        Column("均值", S),
        Column("得分", P),
        Column("金额", A),
        Column("名次", N),
        Column("期限", ColumnKind.DATE),
    ),
    [
        # float noise, a mean of three as a Fraction, a half-up case, a number read from JSON
        ("=SUM(A1:A9)", 0.01000000000001933, Fraction(26839, 300), 31.47, "86.845", 1, None),
        (
            "-材料不全",
            Decimal("89.995"),
            Decimal("-1.5"),
            Decimal("7.5"),
            12.5,
            2,
            dt.date(2027, 3, 15),
        ),
        ("+86 0431", None, 60, -0.5, None, None, None),
    ],
)


@pytest.mark.parametrize(
    ("value", "kind", "text"),
    [
        (0.01000000000001933, S, "0.01"),
        (0.009999999999990905, S, "0.01"),
        (Fraction(26839, 300), S, "89.46"),
        (Decimal("86.845"), S, "86.85"),  # half up, where format() on a Decimal rounds half even
        (Decimal("0.125"), S, "0.13"),
        ("89.995", S, "90.00"),  # a statistic stored as a string of an exact decimal
        (92.33, S, "92.33"),
        (7.5, P, "7.50"),
        (12.345, A, "12.35"),
        (-1.5, S, "-1.50"),
        (3, N, "3"),
        (None, S, ""),
        (dt.date(2027, 3, 15), ColumnKind.DATE, "2027-03-15"),
        ("=1+1", T, "=1+1"),  # cell_text does not guard; only the CSV does
    ],
)
def test_cell_text_rounds_half_up_exactly(value: object, kind: ColumnKind, text: str) -> None:
    assert cell_text(value, kind) == text


def test_the_cycles_score_decimals_apply_to_scores_only() -> None:
    assert cell_text(Fraction(26839, 300), S, 1) == "89.5"
    assert cell_text(Decimal("7.5"), P, 1) == "7.50"
    assert cell_text(12.5, A, 0) == "12.50"


@pytest.mark.parametrize(
    ("text", "guarded"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+86 0431", "'+86 0431"),
        ("-材料不全", "'-材料不全"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        # Text that reads as a number or a phone number is guarded too: the rule has no
        # exceptions a spreadsheet could disagree with.
        ("-5", "'-5"),
        ("+86 431 8888 0000", "'+86 431 8888 0000"),
        ("吉林省-平台", "吉林省-平台"),
        (" =1", " =1"),
        ("", ""),
    ],
)
def test_guard_formula(text: str, guarded: str) -> None:
    assert guard_formula(text) == guarded


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_the_csv_guards_text_cells_but_not_negative_numbers() -> None:
    header, *rows = read_csv(csv_bytes(SHEET))
    assert header == ["名称", "极差", "均值", "得分", "金额", "名次", "期限"]
    assert rows == [
        ["'=SUM(A1:A9)", "0.01", "89.46", "31.47", "86.85", "1", ""],
        ["'-材料不全", "90.00", "-1.50", "7.50", "12.50", "2", "2027-03-15"],
        ["'+86 0431", "", "60.00", "-0.50", "", "", ""],
    ]


def test_the_csv_guards_a_negative_number_only_in_a_text_column() -> None:
    sheet = Sheet("x", (Column("说明", T), Column("差", S)), [("-3", -3), (-3, "-3")])
    data = csv_bytes(sheet)
    assert read_csv(data)[1:] == [["'-3", "-3.00"], ["-3", "-3.00"]]
    # Numbers are bare (a reader that takes quoted fields as text keeps them numbers).
    assert data.decode("utf-8-sig").splitlines() == ['"说明","差"', '"\'-3",-3.00', "-3,-3.00"]


#: Text that would start a cell with a formula if the reader split it where the writer did not.
BREAK_OUTS = ("甲\t=1+1", "乙;=2+2", "丙 =3+3", "丁\n=4+4", "戊\r\n@SUM(1)", '己","=5+5', "庚|=6")


@pytest.mark.parametrize("separator", [",", ";", "\t", " ", "|"])
def test_no_separator_in_a_text_cell_starts_a_formula(separator: str) -> None:
    """Excel splits at the list separator (; in much of Europe); LibreOffice at what is ticked."""
    sheet = Sheet("x", (Column("说明", T), Column("差", S)), [(t, -1.5) for t in BREAK_OUTS])
    text = csv_bytes(sheet).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    cells = [cell for row in rows for cell in row if cell != "-1.50"]
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    if separator == ",":
        assert rows[1:] == [[t, "-1.50"] for t in BREAK_OUTS]
    assert text.count(",-1.50\r\n") == len(BREAK_OUTS)  # the number itself stays bare


def test_an_empty_cell_alone_on_its_row_is_still_a_row() -> None:
    sheet = Sheet("x", (Column("说明", T),), [(None,), ("=1",)])
    assert read_csv(csv_bytes(sheet)) == [["说明"], [""], ["'=1"]]


def test_the_workbook_never_writes_a_formula(tmp_path: Path) -> None:
    """The .xlsx needs no apostrophe: text is a string cell, which no spreadsheet evaluates."""
    from python_calamine import CalamineWorkbook

    hostile = ['=HYPERLINK("http://example.invalid","x")', "+86 431", "-5", "@SUM(1)", "\t=1"]
    out = tmp_path / "公式.xlsx"
    write_workbook(
        out, [Sheet("公式", (Column("=1+1", T), Column("差", S)), [(h, -1) for h in hostile])]
    )
    with zipfile.ZipFile(out) as book:
        sheet_xml = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("公式").to_python()
    assert rows == [["=1+1", "差"], *([h, -1.0] for h in hostile)]


def test_a_printed_table_rounds_but_does_not_guard() -> None:
    rows = text_rows(SHEET)
    assert rows[1][:3] == ["=SUM(A1:A9)", "0.01", "89.46"]


def test_the_workbook_writes_rounded_numbers_with_fixed_decimals(tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    out = tmp_path / "统计.xlsx"
    write_workbook(out, [SHEET])
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("统计").to_python()
    assert rows[1][:6] == ["=SUM(A1:A9)", 0.01, 89.46, 31.47, 86.85, 1.0]
    assert rows[2][:6] == ["-材料不全", 90.0, -1.5, 7.5, 12.5, 2.0]
    assert rows[3][:4] == ["+86 0431", "", 60.0, -0.5]
    styles = zipfile.ZipFile(out).read("xl/styles.xml").decode("utf-8")
    assert 'formatCode="0.00"' in styles and 'formatCode="#,##0.00"' in styles
    sheet_xml = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml  # text that looks like a formula stays text in the workbook
