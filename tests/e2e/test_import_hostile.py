"""Hostile and re-saved workbooks through the command line (issue 12, items 1 and 6)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from broken_workbooks import write_dossier_workbook
from factories import dump
from hostile_workbooks import (
    converted,
    far_cell,
    garbage_sheet,
    gnumeric_dimension,
    namespaced,
    one_string_everywhere,
    swollen_part,
    unique_count,
    upper_case_part,
)

from jlpanel.cli import main

HOSTILE = {
    "far cell": (far_cell, "工作表“服务记录”有 1,048,575 行"),
    "namespaced": (namespaced, "工作表“服务记录”有 1,048,575 行"),
    "garbage sheet": (garbage_sheet, "工作表“服务记录”无法读取"),
    # workbook.xml is unreadable to the reader here: the sheet is named by its part
    "part named in capitals": (upper_case_part, "工作表“xl/worksheets/sheet3.XML”有 1,048,575 行"),
    # 201 MB of shared strings in a 1.2 MB file: over the dossier's limit (200 MB) and the
    # small readers' (40 MB)
    "swollen shared strings": (
        lambda path: swollen_part(path, "xl/sharedStrings.xml", 201 * 2**20),
        "共享文字表（xl/sharedStrings.xml）解压后有 201.0 MB，超过上限",
    ),
    # 10,000 characters shown in 15,000 cells: a 12 KB file whose cells would hold 450 MB
    "one string everywhere": (
        lambda path: one_string_everywhere(path, 15_000),
        "各工作表的单元格中共有约 430.1 MB 文字（工作表“服务记录”约 430.1 MB），超过上限",
    ),
    "huge uniqueCount": (
        lambda path: unique_count(path, 10**11),
        "共享文字表（xl/sharedStrings.xml）声明有 100,000,000,000 条文字，超过上限 4,000,000 条",
    ),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
@pytest.mark.parametrize("command", ["import", "experts", "history"])
def test_hostile_workbooks_are_refused_and_change_nothing(
    case: str, command: str, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, text = HOSTILE[case]
    book = build(tmp_path / "平台A.xlsx")
    before = dump(workspace)
    assert main([command, str(workspace), str(book)]) != 0
    err = capsys.readouterr().err
    # The roster and history readers read only their own sheet: a garbage 服务记录 is not it.
    if command == "import" or case != "garbage sheet":
        assert text in err
    assert dump(workspace) == before


def test_a_folder_of_xlsx_xls_ods_imports_and_lists_what_it_left(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = tmp_path / "made"
    made.mkdir()
    folder = tmp_path / "in"
    folder.mkdir()
    a = write_dossier_workbook(made / "平台A.xlsx")
    xls = converted(a, "xls", made / "xls")
    ods = converted(a, "ods", made / "ods")
    assert xls is not None and ods is not None
    shutil.copy(gnumeric_dimension(made / "G.xlsx"), folder / "平台G.xlsx")
    shutil.copy(xls, folder / "平台X.xls")
    shutil.copy(ods, folder / "平台O.ods")
    (folder / "说明.docx").write_bytes(b"PK\x03\x04")
    (folder / "~$平台G.xlsx").write_bytes(b"lock")
    (folder / "平台X").mkdir()
    assert main(["import", str(workspace), str(folder)]) == 1  # one platform, three files
    out, err = capsys.readouterr()
    assert "未导入: " + str(folder / "说明.docx") + " — 不是工作簿" in out
    assert "临时锁定文件" in out
    assert "同名工作簿的附件" in out
    assert out.count("已导入") == 1
    assert err.count("已存在") == 2  # the same platform from the .xls and the .ods
