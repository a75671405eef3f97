"""`jlpanel import` of values typed the way host units type them, and of attachment folders as
they hand them in (issue 12, "real files from real host units": the corpus through the CLI).

Each case writes a real .xlsx from the sample dossier (``broken_workbooks``), puts its
attachments beside it, imports it through the command line and states the outcome:

- the same data: everything the services show of the dossier (basic info, rows of every sheet,
  metrics, attachments) equals what a reference workbook gives, one whose cells hold what was
  meant (a real date cell, the code in capitals), and the warning that states the reading is
  said once per column, however many cells it covers;
- or a refusal naming the cell, with the workspace's full SQL dump unchanged.

The reader's rules are unit-tested in ``tests/unit/test_dossier_reader_edits.py`` and
``tests/unit/test_attachments.py``; these are the same cases end to end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from broken_workbooks import PDF, Grids, sample_dossier, set_cell, write_dossier_workbook
from factories import dump
from sqlalchemy import select

from jlpanel.cli import main
from jlpanel.domain.credit_code import make_credit_code
from jlpanel.domain.dossier import Dossier
from jlpanel.services.dossiers import dossier_overview, list_platforms, sheet_data, sheet_names
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

S, OUT, REG, EVENTS = "服务记录", "服务成效", "管理制度", "重大事项"
#: The attachments the sample dossier names (服务成效 row 2 and 工作总结).
SAMPLE_FILES = ("论文1.pdf", "工作总结.pdf")
Edit = Callable[[Grids], None]


def new_workspace(path: Path) -> Path:
    argv = ["new", str(path), "--cycle", "2026年度", "--start", "2024-01-01", "--end", "2025-12-31"]
    assert main(argv) == 0
    return path


def dossier_book(
    folder: Path,
    edit: Edit | None = None,
    *,
    dossier: Dossier | None = None,
    files: dict[str, bytes] | None = None,
) -> Path:
    """平台A.xlsx in a folder of its own, with its attachment folder 平台A/ beside it.

    The folder holds the sample's two attachments and ``files`` (a ``None`` for ``files``
    means those two only).
    """
    folder.mkdir(parents=True, exist_ok=True)
    book = write_dossier_workbook(folder / "平台A.xlsx", dossier, edit=edit)
    attachments = folder / "平台A"
    attachments.mkdir()
    for name, data in {**dict.fromkeys(SAMPLE_FILES, PDF), **(files or {})}.items():
        (attachments / name).write_bytes(data)
    return book


def shown(workspace: Path) -> dict[str, Any]:
    """What the services show of the workspace's one dossier, findings by code and place."""
    with open_workspace(workspace) as ws:
        (platform,) = list_platforms(ws)
        overview = dossier_overview(ws, platform.id)
        sheets = {attr: sheet_data(ws, platform.id, attr).rows for attr, _ in sheet_names()}
    return {
        "basic": overview.basic,
        "counts": overview.counts,
        "sheets": sheets,
        "metrics": {k: v for k, v in overview.metrics.items() if k != "dossier_warnings"},
        "attachments": [(a.name, a.media_type, a.size) for a in overview.attachments],
        "work_summary": (overview.work_summary, overview.work_summary_attachment),
        "findings": [(f.code, f.sheet, f.row, f.column) for f in overview.findings],
    }


def reference(tmp_path: Path, edit: Edit | None = None, **kwargs: Any) -> dict[str, Any]:
    """What a workbook holding the intended values shows once imported on its own."""
    workspace = new_workspace(tmp_path / "reference.jlpanel")
    book = dossier_book(tmp_path / "reference", edit, **kwargs)
    assert main(["import", str(workspace), str(book)]) == 0
    return shown(workspace)


def but_one(got: dict[str, Any], code: str) -> dict[str, Any]:
    """``got`` without its one finding of ``code`` (it must have exactly one)."""
    assert [f[0] for f in got["findings"]].count(code) == 1, got["findings"]
    return {**got, "findings": [f for f in got["findings"] if f[0] != code]}


def stored_findings(
    workspace: Path, code: str
) -> list[tuple[str | None, int | None, str | None, str]]:
    """(sheet, row, column, Chinese message) of every stored finding of ``code``."""
    with open_workspace(workspace) as ws, ws.session() as s:
        rows = s.scalars(select(m.DossierFinding).where(m.DossierFinding.code == code)).all()
        return [(f.sheet, f.row, f.column, f.message_zh) for f in rows]


@pytest.fixture
def stocked(workspace: Path, tmp_path: Path) -> Path:
    """The workspace holding another platform already, so "unchanged" covers stored data."""
    other = dataclasses.replace(
        sample_dossier().basic, filing_no="JLKJ-2020-001", name="吉林省另一个共享服务平台"
    )
    book = dossier_book(
        tmp_path / "other", dossier=dataclasses.replace(sample_dossier(), basic=other)
    )
    assert main(["import", str(workspace), str(book)]) == 0
    return workspace


def refused(workspace: Path, book: Path, capsys: pytest.CaptureFixture[str], *texts: str) -> str:
    """Import ``book``, which must be refused with ``texts`` and change nothing; its stderr."""
    capsys.readouterr()
    before = dump(workspace)
    assert main(["import", str(workspace), str(book)]) == 1
    err = capsys.readouterr().err
    assert "未导入: " + str(book) in err, err
    for text in texts:
        assert text in err, err
    assert dump(workspace) == before
    return err


# ------------------------------------------------------------------------- typed dates


@pytest.mark.parametrize("typed", [20240104, "20240104"], ids=["number", "text"])
def test_a_service_date_typed_as_digits_is_that_day(
    typed: object, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", typed)

    def meant(grids: Grids) -> None:
        set_cell(grids, S, 2, "服务日期", dt.date(2024, 1, 4))

    book = dossier_book(tmp_path / "in", edit)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert "已导入: " + str(book) in out
    assert "服务日期" not in out  # read as written, nothing to say
    got = shown(workspace)
    assert got["sheets"]["services"][0][0] == dt.date(2024, 1, 4)
    assert got == reference(tmp_path, meant)


def test_text_serial_dates_are_read_with_one_warning_for_the_column(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A date column turned into text (WPS 转换为文本) keeps Excel's day numbers: 45295 …"""
    days = [dt.date(2024, 1, 4) + dt.timedelta(days=i) for i in range(8)]

    def rows(grids: Grids, values: list[object]) -> None:
        first = grids[S][1]
        grids[S][1:] = [first[:] for _ in values]
        for excel_row, value in enumerate(values, start=2):
            set_cell(grids, S, excel_row, "服务日期", value)

    book = dossier_book(tmp_path / "in", lambda g: rows(g, [str(45295 + i) for i in range(8)]))
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert out.count("是文本形式的 Excel 日期序号，按日期读取") == 1, out
    assert "[服务记录 第2行 服务日期] 服务日期是文本形式的 Excel 日期序号" in out
    [(sheet, row, column, message)] = stored_findings(workspace, "cell.text_serial")
    assert (sheet, row, column) == (S, 2, "服务日期")
    assert "第 2 行 “45295” → 2024-01-04；第 3 行 “45296” → 2024-01-05" in message
    assert message.endswith(" 等 8 处"), message
    got = shown(workspace)
    assert [r[0] for r in got["sheets"]["services"]] == days
    assert but_one(got, "cell.text_serial") == reference(tmp_path, lambda g: rows(g, days))


OPTIONAL_DATES = {
    "管理制度 发布日期": (REG, "发布日期", "regulations", 2),
    "服务成效 日期": (OUT, "日期", "outcomes", 2),
}


@pytest.mark.parametrize("where", OPTIONAL_DATES, ids=["regulation-issued", "outcome-date"])
def test_month_only_dates_in_an_optional_column_are_the_first_day_with_one_warning(
    where: str, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet, header, attribute, index = OPTIONAL_DATES[where]
    firsts = [dt.date(2021, 10, 1), dt.date(2019, 11, 1)]

    def dated(values: list[object]) -> Edit:
        def edit(grids: Grids) -> None:
            if sheet == REG:
                grids[REG].append(["设备共享收费管理办法", None, None])
            for excel_row, value in enumerate(values, start=2):
                set_cell(grids, sheet, excel_row, header, value)

        return edit

    book = dossier_book(tmp_path / "in", dated(["2021年10月", 2019.11]))
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert out.count("只写了年月，按当月 1 日读取") == 1, out
    [(found_sheet, row, column, message)] = stored_findings(workspace, "cell.month_only")
    assert (found_sheet, row, column) == (sheet, 2, header)
    assert "第 2 行 2021年10月 → 2021-10-01；第 3 行 2019.11 → 2019-11-01" in message
    got = shown(workspace)
    assert [r[index] for r in got["sheets"][attribute]] == firsts
    assert but_one(got, "cell.month_only") == reference(tmp_path, dated(firsts))


@pytest.mark.parametrize(
    ("sheet", "header", "typed"),
    [(S, "服务日期", "2024年3月"), (S, "服务日期", 2024.03), (EVENTS, "日期", "2024.07")],
    ids=["service-date-text", "service-date-number", "event-date-text"],
)
def test_a_month_only_date_in_a_required_column_is_refused_naming_the_cell(
    sheet: str,
    header: str,
    typed: object,
    stocked: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def edit(grids: Grids) -> None:
        set_cell(grids, sheet, 2, header, typed)

    book = dossier_book(tmp_path / "in", edit)
    refused(stocked, book, capsys, f"[{sheet} 第2行 {header}]", f"只有年月，{header}须写到日")


def test_each_date_reading_is_stated_once_per_column_however_many_cells(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    months: list[object] = [
        "2021年10月",
        "2021年10月",
        "2019.11",
        2019.11,
        "2020年1月份",
        "2018-06",
        "2017/3",
    ]

    def edit(grids: Grids) -> None:
        grids[REG][1:] = [[f"管理制度{n}", None, value] for n, value in enumerate(months, 1)]
        set_cell(grids, OUT, 2, "日期", "2024年6月")
        set_cell(grids, OUT, 3, "日期", "2024.5")

    book = dossier_book(tmp_path / "in", edit)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    # One line per column, each with the fix once: not a line per cell.
    assert out.count("只写了年月，按当月 1 日读取") == 2, out
    assert out.count("如果知道具体日期，请写到日") == 2, out
    found = stored_findings(workspace, "cell.month_only")
    assert [(sheet, row, column) for sheet, row, column, _ in found] == [
        (OUT, 2, "日期"),
        (REG, 2, "发布日期"),
    ]
    outcomes, regulations = (message for *_, message in found)
    assert outcomes.endswith("第 2 行 2024年6月 → 2024-06-01；第 3 行 2024.5 → 2024-05-01")
    assert regulations.startswith(
        "发布日期只写了年月，按当月 1 日读取：第 2 行 2021年10月 → 2021-10-01；"
        "第 3 行 2021年10月 → 2021-10-01；第 4 行 2019.11 → 2019-11-01；"
        "第 5 行 2019.11 → 2019-11-01；第 6 行 2020年1月份 → 2020-01-01"
    )
    assert regulations.endswith(" 等 7 处"), regulations
    got = shown(workspace)
    assert [r[2] for r in got["sheets"]["regulations"]] == [
        dt.date(2021, 10, 1),
        dt.date(2021, 10, 1),
        dt.date(2019, 11, 1),
        dt.date(2019, 11, 1),
        dt.date(2020, 1, 1),
        dt.date(2018, 6, 1),
        dt.date(2017, 3, 1),
    ]


# ------------------------------------------------------------------------- credit code


def test_a_credit_code_typed_in_lower_case_is_stored_in_capitals(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = make_credit_code("91220101MA0Y0XXXX")  # a valid Jilin code with letters in it
    sample = sample_dossier()

    def with_code(text: str) -> Dossier:
        return dataclasses.replace(
            sample, basic=dataclasses.replace(sample.basic, credit_code=text)
        )

    book = dossier_book(tmp_path / "in", dossier=with_code(code.lower()))
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    assert "统一社会信用代码" not in capsys.readouterr().out
    with open_workspace(workspace) as ws, ws.session() as s:
        assert s.scalars(select(m.Platform.credit_code)).one() == code
    assert shown(workspace) == reference(tmp_path, dossier=with_code(code))


# ------------------------------------------------------------------------- attachments


def _linked_file(folder: Path, outside: Path) -> Edit | None:
    (folder / "平台A").mkdir()
    (folder / "平台A" / "工作总结.pdf").write_bytes(PDF)
    (folder / "平台A" / "论文1.pdf").symlink_to(outside / "论文1.pdf")
    return None


def _linked_folder(folder: Path, outside: Path) -> Edit | None:
    (folder / "平台A").symlink_to(outside, target_is_directory=True)
    return None


def _linked_folder_inside(folder: Path, outside: Path) -> Edit | None:
    (folder / "平台A").mkdir()
    (folder / "平台A" / "工作总结.pdf").write_bytes(PDF)
    (folder / "平台A" / "论文").symlink_to(outside, target_is_directory=True)

    def edit(grids: Grids) -> None:
        set_cell(grids, OUT, 2, "佐证材料", "论文/论文1.pdf")

    return edit


def _linked_zip(folder: Path, outside: Path) -> Edit | None:
    with zipfile.ZipFile(outside / "附件.zip", "w") as archive:
        for name in SAMPLE_FILES:
            archive.writestr(name, PDF)
    (folder / "平台A.zip").symlink_to(outside / "附件.zip")
    return None


#: How the attachments are linked out → what the refusal must say.
LINKED: dict[str, tuple[Callable[[Path, Path], Edit | None], tuple[str, ...]]] = {
    # The baseline: a link to a file.
    "linked file": (
        _linked_file,
        ("[服务成效 第2行 佐证材料] 附件“论文1.pdf”是指向附件文件夹以外的链接",),
    ),
    "linked attachment folder": (
        _linked_folder,
        ("附件文件夹“平台A”是指向别处的链接，其中的文件不会导入", "放在工作簿旁边"),
    ),
    "linked folder inside it": (
        _linked_folder_inside,
        ("[服务成效 第2行 佐证材料] 附件“论文/论文1.pdf”是指向附件文件夹以外的链接",),
    ),
    "linked attachment zip": (
        _linked_zip,
        ("附件压缩包“平台A.zip”是指向别处的链接，其中的文件不会导入",),
    ),
}


@pytest.mark.parametrize("case", LINKED, ids=[c.replace(" ", "-") for c in LINKED])
def test_attachments_linked_from_outside_are_refused_like_a_linked_file(
    case: str, stocked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for name in SAMPLE_FILES:
        (outside / name).write_bytes(PDF)
    folder = tmp_path / "in"
    folder.mkdir()
    link, texts = LINKED[case]
    edit = link(folder, outside)
    book = write_dossier_workbook(folder / "平台A.xlsx", edit=edit)
    refused(stocked, book, capsys, *texts, "（而不是快捷方式或链接）")


@pytest.mark.parametrize(
    "name",
    ["aux.pdf", "CON.pdf", "报告.pdf."],
    ids=["aux", "CON", "trailing-dot"],
)
def test_an_attachment_name_windows_cannot_save_is_refused_with_a_rename_hint(
    name: str, stocked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file is there under that very name (made on a Mac, or unpacked on Linux)."""

    def edit(grids: Grids) -> None:
        set_cell(grids, OUT, 2, "佐证材料", name)

    book = dossier_book(tmp_path / "in", edit, files={name: PDF})
    refused(
        stocked,
        book,
        capsys,
        "[服务成效 第2行 佐证材料]",
        name.strip(),
        "请把文件改名",
        "并同时修改表格中的名字",
    )


def test_a_space_after_a_name_in_the_cell_is_no_part_of_the_file_name(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A space left after the name in the cell is not the file's: 报告.pdf is found."""

    def edit(grids: Grids) -> None:
        set_cell(grids, OUT, 2, "佐证材料", "报告.pdf ")

    book = dossier_book(tmp_path / "in", edit, files={"报告.pdf": PDF})
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    assert "附件" not in capsys.readouterr().out
    assert [a[0] for a in shown(workspace)["attachments"]] == ["工作总结.pdf", "报告.pdf"]


def test_a_file_whose_name_ends_in_a_space_is_found_as_windows_would(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Made on a Mac or unpacked on Linux: "报告 .pdf " on disk is the cell's "报告 .pdf",
    as Windows would take it, and is stored under the name the cell gives."""

    def edit(grids: Grids) -> None:
        set_cell(grids, OUT, 2, "佐证材料", "报告 .pdf ")

    book = dossier_book(tmp_path / "in", edit, files={"报告 .pdf ": PDF})
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    assert "附件" not in capsys.readouterr().out
    assert [a[0] for a in shown(workspace)["attachments"]] == ["工作总结.pdf", "报告 .pdf"]


def test_files_differing_only_in_case_are_refused_as_ambiguous(
    stocked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Which of two files Windows would take for one is never chosen by listing order."""

    def edit(grids: Grids) -> None:
        set_cell(grids, OUT, 2, "佐证材料", "report.pdf")

    files = {"Report.PDF": PDF + b"% a\n", "REPORT.pdf": PDF + b"% b\n"}
    book = dossier_book(tmp_path / "in", edit, files=files)
    refused(stocked, book, capsys, "[服务成效 第2行 佐证材料]", "REPORT.pdf", "Report.PDF")


def test_two_thousand_attachments_named_in_another_case_are_all_imported(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Filled on Windows, where Report_0001.PDF and report_0001.pdf are one file."""
    count = 2000
    files = {f"Report_{i:04d}.PDF": PDF + f"% {i}\n".encode() for i in range(1, count + 1)}

    def edit(grids: Grids) -> None:
        grids[OUT][1:] = [
            ["论文", f"论文{i}", None, None, None, f"report_{i:04d}.pdf"]
            for i in range(1, count + 1)
        ]

    book = dossier_book(tmp_path / "in", edit, files=files)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert "已导入: " + str(book) in out
    assert "附件" not in out, out
    with open_workspace(workspace) as ws, ws.session() as s:
        stored = dict(s.execute(select(m.Attachment.name, m.Attachment.sha256)).all())
    # Stored under the name the sheet gives, each with its own file's bytes.
    assert stored == {
        "工作总结.pdf": hashlib.sha256(PDF).hexdigest(),
        **{
            f"report_{i:04d}.pdf": hashlib.sha256(files[f"Report_{i:04d}.PDF"]).hexdigest()
            for i in range(1, count + 1)
        },
    }
    assert shown(workspace)["counts"]["outcomes"] == count


# ------------------------------------------------------------------------- extra sheets


def test_a_sheet_unlike_any_of_the_template_is_named_as_not_imported(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def edit(grids: Grids) -> None:
        grids["统计图数据"] = [["月份", "服务次数"], ["1月", 12], ["2月", 15], ["3月", 9]]
        grids["Sheet3"] = [[None]]  # empty: nothing to say

    book = dossier_book(tmp_path / "in", edit)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert "[统计图数据] 工作表“统计图数据”不是模板中的工作表，其中的内容没有导入" in out
    assert "Sheet3" not in out
    [(sheet, row, column, _)] = stored_findings(workspace, "sheet.not_read")
    assert (sheet, row, column) == ("统计图数据", None, None)
    assert but_one(shown(workspace), "sheet.not_read") == reference(tmp_path)
