"""The CSV outputs opened by LibreOffice, set as a careless user's import dialog may be.

``jlpanel export … .csv`` (every table) and ``jlpanel results --csv`` on a cycle whose names,
comments, reasons and cycle name start with = + - @, a tab or a carriage return, or hide a
tab, semicolon, space or line break before one. LibreOffice imports each CSV splitting at
commas, semicolons, tabs and spaces with "evaluate formulas" on, and saves it as .xlsx: no
cell may be a formula, every cell must be the one a CSV reader finds, and numbers (a negative
one among them) must stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from factories import StoredSheet, small_workspace
from office import convert
from sqlalchemy import update

from jlpanel.cli import main
from jlpanel.exchange.results_workbook import Column, ColumnKind, Sheet, csv_bytes
from jlpanel.services.export import EXPORT_TABLES
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

#: Comma, semicolon, tab and space as separators; quote "; UTF-8; from line 1; default
#: formats and language; quoted fields not forced to text; no special numbers; …; no trimming;
#: …; evaluate formulas — the options of LibreOffice's Text Import dialog, in its order.
WORST_IMPORT = "CSV:44/59/9/32,34,76,1,,0,false,false,false,false,false,-1,true"

HOSTILE_NAME = '=HYPERLINK("http://example.invalid","甲")'
PLATFORMS = {
    "JL-001": (HOSTILE_NAME, "+86 431 8888 0000 吉林省甲研究院"),
    "@JL-002": ("乙平台\t=1+2", "吉林省乙大学;=3+4"),
}
EXPERTS = ("=张三", "-李四", "王五 @SUM(1)")
COMMENTS = {"A1": "\t=1+1", "B1": "\r=2+2", "C1": "-5"}
VETO_REASON = "=cmd|' /C calc'!A0"
ADJUSTMENT = "+专家组复议\n=4+4"
CYCLE = "-2026年度 =5+5"
SHEETS = [
    StoredSheet(e, f, {"A1": "30", "B1": "35", "C1": "20"}, COMMENTS)
    for e in EXPERTS
    for f in PLATFORMS
]
SHEETS[-1] = StoredSheet(
    EXPERTS[-1], "@JL-002", {"A1": "20", "B1": "25", "C1": "15"}, vetoes={"no_service": VETO_REASON}
)


@pytest.fixture
def csv_files(tmp_path: Path, capsysbinary: Any) -> list[Path]:
    store = small_workspace(tmp_path / "周期.jlpanel", PLATFORMS, SHEETS)
    with open_workspace(store) as ws, ws.session() as s:
        s.execute(update(m.Cycle).values(name=CYCLE))
    assert main(["adjust", str(store), "JL-001", "90", "--reason", ADJUSTMENT]) == 0
    files = []
    for table in EXPORT_TABLES:
        files.append(tmp_path / f"{table}.csv")
        assert main(["export", str(store), str(files[-1]), "--table", table]) == 0
    capsysbinary.readouterr()
    assert main(["results", str(store), "--csv"]) == 0
    files.append(tmp_path / "results-stdout.csv")
    files[-1].write_bytes(capsysbinary.readouterr().out)
    # Numbers and dates of every kind, negative ones among them, beside text that looks alike.
    kinds = (ColumnKind.TEXT, ColumnKind.SCORE, ColumnKind.POINTS, ColumnKind.AMOUNT)
    numbers = Sheet(
        "数",
        (
            *(Column(h, k) for h, k in zip("文分点额", kinds, strict=True)),
            Column("次", ColumnKind.INTEGER),
            Column("日", ColumnKind.DATE),
        ),
        [
            ("-5", -1.5, -0.25, -12.5, -3, dt.date(2027, 3, 15)),
            ("+86 431", 89.995, 7.5, 0, 1, None),
        ],
    )
    files.append(tmp_path / "numbers.csv")
    files[-1].write_bytes(csv_bytes(numbers))
    return files


def csv_cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def as_text(value: Any) -> Any:
    """A cell LibreOffice read, as the CSV wrote it: dates in ISO form, line ends as \\n."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return one_line_end(value) if isinstance(value, str) else value


def one_line_end(text: str) -> str:
    # LibreOffice keeps a carriage return inside a cell as a line feed: not our concern here.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def test_libreoffice_finds_no_formula_in_any_csv(csv_files: list[Path], tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    written = {path.stem: csv_cells(path) for path in csv_files}
    everything = "\n".join(c for rows in written.values() for row in rows for c in row)
    starts = (HOSTILE_NAME, "+86 431 8888 0000", "@JL-002", "=张三", "\t=1+1", "\r=2+2", "-5")
    for hostile in (*starts, VETO_REASON, ADJUSTMENT, CYCLE):
        assert "'" + hostile in everything  # guarded where it was written
    for inside in ("乙平台\t=1+2", "吉林省乙大学;=3+4", "王五 @SUM(1)"):
        assert f"\n{inside}\n" in everything  # one cell, as it was
    for opened in convert(csv_files, "xlsx", tmp_path / "office", infilter=WORST_IMPORT):
        with zipfile.ZipFile(opened) as book:
            sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
            xml = "".join(book.read(n).decode("utf-8") for n in sheets)
        formulas = re.findall(r"<f[ >].*?</f>", xml)
        assert sheets and not formulas, f"{opened.name} holds formulas: {formulas}"
        (sheet,) = CalamineWorkbook.from_path(str(opened)).sheet_names
        seen = CalamineWorkbook.from_path(str(opened)).get_sheet_by_name(sheet).to_python()
        expected = written[opened.stem]
        width = max(len(row) for row in expected)
        assert [len(row) for row in seen] == [width] * len(expected), f"{opened.name}: cells split"
        for got, want in zip(seen, expected, strict=True):
            for cell, text in zip(got, want, strict=False):
                if isinstance(cell, float):
                    assert cell == float(text), f"{opened.name}: {text!r} read as {cell}"
                else:
                    assert as_text(cell) == one_line_end(text), (
                        f"{opened.name}: {text!r} read as {cell!r}"
                    )
    numbers = CalamineWorkbook.from_path(str(tmp_path / "office" / "numbers.xlsx"))
    rows = numbers.get_sheet_by_name("numbers").to_python()
    assert rows[1] == ["'-5", -1.5, -0.25, -12.5, -3.0, dt.date(2027, 3, 15)]
    assert rows[2] == ["'+86 431", 90.0, 7.5, 0.0, 1.0, ""]
