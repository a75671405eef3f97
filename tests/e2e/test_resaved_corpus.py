"""Re-saved dossiers (issue 12, item 8): LibreOffice and Gnumeric copies import as the original.

Host units open the filled template in LibreOffice or Gnumeric and save it again. Each re-save
in ``tests/corpus/resaved/`` is imported through the command line into a new workspace and
must give what its original gives: the same platform facts, metrics, warnings, row counts and
rows of every sheet, compared through the services (``dossier_overview``, ``sheet_data``).
A refused file must leave the workspace byte-for-byte as it was (:func:`sql_dump`).

How the fixtures were made (``tests/corpus/make_resaves.py``, run once by hand; CI has
neither program, so its output is committed, 790 KB in all):

- ``original/NAME.xlsx``: jlpanel's blank template (drop-down lists cut to 200 rows) with a
  dossier typed in by jlpanel's dossier writer. ``biodiversity`` is the demo platform
  吉林省长白山生物多样性科学数据中心 (seed 2026, its first 120 service records); ``sample`` is
  ``broken_workbooks.sample_dossier()``. No attachment files: their "missing" warnings are the
  same for every copy and are compared too.
- ``libreoffice/NAME.{xlsx,xls,ods}``: ``soffice --headless --convert-to`` with the filters
  ``Calc MS Excel 2007 XML``, ``MS Excel 97`` and ``calc8``; LibreOffice 7.4.7.2 40(Build:2).
- ``gnumeric/NAME.xlsx``: ``ssconvert --export-type=Gnumeric_Excel:xlsx2``; ssconvert
  (Gnumeric) 1.12.55, Debian 12 package ``gnumeric``.

To regenerate: install LibreOffice Calc and Gnumeric, run
``PYTHONPATH=. .venv/bin/python tests/corpus/make_resaves.py`` from the repository root and
update the versions above from what it prints.

Outcomes: every copy — LibreOffice .xlsx, .xls and .ods, Gnumeric .xlsx — imports with the
same data as the original. (Before issue 12 the .xls and .ods copies were refused, and the
Gnumeric copies were refused as "16384 columns": Gnumeric declares 工作总结 as A1:XFD2 and
writes a styled empty cell in every column of its row 2.)
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from factories import dump

from jlpanel.cli import main
from jlpanel.services.dossiers import dossier_overview, list_platforms, sheet_data, sheet_names
from jlpanel.services.workspace import open_workspace

RESAVED = Path(__file__).resolve().parents[1] / "corpus" / "resaved"
DOSSIERS = ("biodiversity", "sample")
FIXTURE_BUDGET = 1_000_000  # bytes, all fixtures together

#: (program, suffix) → None when it imports the same today, else why it does not yet.
RESAVES: dict[tuple[str, str], str | None] = {
    ("libreoffice", "xlsx"): None,
    ("libreoffice", "xls"): None,
    ("libreoffice", "ods"): None,
    # Gnumeric declares 工作总结 as A1:XFD2 and writes 16,384 styled empty cells; the extent is
    # taken from the cells that hold values.
    ("gnumeric", "xlsx"): None,
}


def new_workspace(path: Path) -> Path:
    argv = ["new", str(path), "--cycle", "2026年度", "--start", "2024-01-01", "--end", "2025-12-31"]
    assert main(argv) == 0
    return path


def imported(workspace: Path) -> dict[str, Any]:
    """Everything the services show of the workspace's one dossier, minus its file name."""
    with open_workspace(workspace) as ws:
        (platform,) = list_platforms(ws)
        overview = dossier_overview(ws, platform.id)
        sheets = {}
        for attribute, _name in sheet_names():
            data = sheet_data(ws, platform.id, attribute)
            sheets[attribute] = {
                "columns": [c.field for c in data.columns],
                "rows": data.rows,
                "source_rows": data.source_rows,
            }
    return {
        "platform": (
            platform.filing_no,
            platform.name,
            platform.host_unit,
            platform.resource_type,
            platform.warnings,
        ),
        "basic": overview.basic,
        "metrics": overview.metrics,
        "warnings": [
            (f.severity, f.code, f.sheet, f.row, f.column, f.message.zh, f.fix.zh)
            for f in overview.findings
        ],
        "work_summary": (overview.work_summary, overview.work_summary_attachment),
        "attachments": overview.attachments,
        "counts": overview.counts,
        "sheets": sheets,
    }


def import_alone(folder: Path, book: Path) -> dict[str, Any]:
    """Import ``book`` through the CLI into a new workspace of its own; what it holds then."""
    workspace = new_workspace(folder / f"{book.parent.name}-{book.name}.jlpanel")
    assert main(["import", str(workspace), str(book)]) == 0, f"{book} was refused"
    return imported(workspace)


def _resave_cases() -> list[Any]:
    cases = []
    for (program, suffix), reason in RESAVES.items():
        for name in DOSSIERS:
            marks = (
                [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)]
                if reason
                else []
            )
            cases.append(
                pytest.param(
                    program, f"{name}.{suffix}", marks=marks, id=f"{program}-{name}.{suffix}"
                )
            )
    return cases


def test_the_fixtures_are_all_there_and_small() -> None:
    expected = {f"original/{n}.xlsx" for n in DOSSIERS} | {
        f"{program}/{n}.{suffix}" for program, suffix in RESAVES for n in DOSSIERS
    }
    present = {p.relative_to(RESAVED).as_posix() for p in RESAVED.rglob("*.*")}
    assert present == expected
    assert sum((RESAVED / p).stat().st_size for p in present) < FIXTURE_BUDGET


@pytest.mark.parametrize("name", DOSSIERS)
def test_the_original_imports_with_every_sheet_filled(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = import_alone(tmp_path, RESAVED / "original" / f"{name}.xlsx")
    assert "已导入" in capsys.readouterr().out
    assert got["counts"]["services"] > 0 and got["counts"]["resources"] > 0
    assert all(got["sheets"][attr]["rows"] for attr in ("services", "staff", "funding"))
    assert got["metrics"]["service_count"] == got["counts"]["services"]


@pytest.mark.parametrize(("program", "file_name"), _resave_cases())
def test_a_resaved_dossier_imports_with_the_same_data(
    program: str, file_name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stem = Path(file_name).stem
    original = import_alone(tmp_path, RESAVED / "original" / f"{stem}.xlsx")
    capsys.readouterr()
    copy = RESAVED / program / file_name
    workspace = new_workspace(tmp_path / f"{program}-{file_name}.jlpanel")
    code = main(["import", str(workspace), str(copy)])
    assert code == 0, f"{copy.name} refused: {capsys.readouterr().err}"
    got = imported(workspace)
    for part in ("platform", "basic", "counts", "metrics", "warnings", "work_summary"):
        assert got[part] == original[part], part
    for attribute, sheet in original["sheets"].items():
        assert len(got["sheets"][attribute]["rows"]) == len(sheet["rows"]), attribute
        assert got["sheets"][attribute] == sheet, attribute
    assert got == original


def _truncated(folder: Path) -> Path:
    data = (RESAVED / "original" / "biodiversity.xlsx").read_bytes()
    path = folder / "biodiversity.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _ods_named_xlsx(folder: Path) -> Path:
    path = folder / "sample.xlsx"
    shutil.copyfile(RESAVED / "libreoffice" / "sample.ods", path)
    return path


def _empty(folder: Path) -> Path:
    path = folder / "biodiversity.xlsx"
    path.write_bytes(b"")
    return path


def _truncated_ods(folder: Path) -> Path:
    data = (RESAVED / "libreoffice" / "biodiversity.ods").read_bytes()
    path = folder / "biodiversity.ods"
    path.write_bytes(data[: len(data) // 3])
    return path


#: Refused files: how each is made, and a text its refusal must give ("" = only the file name).
REFUSED = {
    "truncated .xlsx": (_truncated, "已损坏"),
    ".ods renamed .xlsx": (_ods_named_xlsx, "OpenDocument"),
    "empty file": (_empty, "空的"),
    # Refused as .ods today and as a broken file once .ods is read: either way refused.
    "truncated .ods": (_truncated_ods, ""),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_file_leaves_the_workspace_byte_identical(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = new_workspace(tmp_path / "cycle.jlpanel")
    assert main(["import", str(workspace), str(RESAVED / "original" / "biodiversity.xlsx")]) == 0
    folder = tmp_path / "in"
    folder.mkdir()
    build, text = REFUSED[case]
    book = build(folder)
    capsys.readouterr()
    before = dump(workspace)
    assert main(["import", str(workspace), str(book)]) == 1
    err = capsys.readouterr().err
    assert book.name in err and text in err, err
    assert dump(workspace) == before
