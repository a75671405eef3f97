"""`jlpanel import` of dossiers edited the way host units edit templates (issue 12 items 2–4).

What reaches the workspace: the same data and a warning naming the mapping, or a refusal that
names the cell and leaves the workspace exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from broken_workbooks import sample_dossier, set_cell, write_dossier_workbook
from sqlalchemy import func, select
from test_import import dump

from jlpanel.cli import main
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

S = "服务记录"


def metric(path: Path, key: str) -> float | None:
    with open_workspace(path) as ws, ws.session() as s:
        return s.scalars(select(m.PlatformMetric.value).where(m.PlatformMetric.key == key)).one()


def finding_codes(path: Path) -> list[str]:
    with open_workspace(path) as ws, ws.session() as s:
        return list(s.scalars(select(m.DossierFinding.code)).all())


def test_a_renamed_flag_column_imports_its_values_and_says_so(workspace, tmp_path, capsys):
    def edit(grids):
        grids[S][0][grids[S][0].index("是否外单位")] = "是否为外单位"

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    assert "列“是否为外单位”按“是否外单位”读取" in capsys.readouterr().out
    # Before issue 12 this was 0 and the stored warning suggested a veto.
    assert metric(workspace, "external_user_share") == 1.0
    assert "column.alias" in finding_codes(workspace)


def test_a_renamed_staff_sheet_imports_the_staff(workspace, tmp_path, capsys):
    def edit(grids):
        grids["人员表"] = grids.pop("人员")

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    assert "工作表“人员表”按“人员”读取" in capsys.readouterr().out
    with open_workspace(workspace) as ws, ws.session() as s:
        staff = s.scalar(select(func.count()).select_from(m.StaffMember))
    assert staff == len(sample_dossier().staff)


def test_a_column_left_out_is_stored_as_not_provided(workspace, tmp_path):
    def edit(grids):
        index = grids[S][0].index("是否外单位")
        for row in grids[S]:
            del row[index]

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert main(["import", str(workspace), str(book)]) == 0
    assert metric(workspace, "external_user_share") is None
    # Not a veto hint: the dossier never said its users were all internal.
    codes = finding_codes(workspace)
    assert "external_not_provided" in codes
    assert "no_external_service" not in codes


def test_title_rows_above_basic_info_and_summary_add_nothing(workspace, tmp_path):
    def edit(grids):
        for name in ("基本信息", "工作总结"):
            width = len(grids[name][0])
            grids[name].insert(0, ["吉林省科技资源共享服务平台"] + [None] * (width - 1))

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    (tmp_path / "平台A").mkdir()
    (tmp_path / "平台A" / "论文1.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (tmp_path / "平台A" / "工作总结.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert main(["import", str(workspace), str(book)]) == 0
    # The sample's own warning, as without the title rows: no unknown items, no attachment.
    assert finding_codes(workspace) == ["credit_code_invalid"]
    assert metric(workspace, "dossier_warnings") == 1


def test_a_total_row_is_left_out_and_the_mismatch_kept_as_a_warning(workspace, tmp_path):
    def edit(grids):
        grids["经费"].append(["合计", None, 90.0])

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert main(["import", str(workspace), str(book)]) == 0
    with open_workspace(workspace) as ws, ws.session() as s:
        lines = s.scalar(select(func.count()).select_from(m.FundingLine))
    assert lines == len(sample_dossier().funding)
    assert {"table.total_row", "table.total_mismatch"} <= set(finding_codes(workspace))


def test_an_implausible_fee_is_refused_and_nothing_changes(workspace, tmp_path, capsys):
    def edit(grids):
        set_cell(grids, S, 3, "收费金额(元)", 1e308)

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    before = dump(workspace)
    assert main(["import", str(workspace), str(book)]) == 1
    err = capsys.readouterr().err
    assert "服务记录 第3行 收费金额(元)" in err
    assert "不是可信的数值" in err
    assert dump(workspace) == before


def test_an_ambiguous_header_with_data_is_refused_and_nothing_changes(workspace, tmp_path, capsys):
    def edit(grids):
        grids[S][0][grids[S][0].index("是否外单位")] = "是否"
        grids[S][0][grids[S][0].index("是否省外")] = "备注"

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    before = dump(workspace)
    assert main(["import", str(workspace), str(book)]) == 1
    assert "是否应为“是否外单位”或“是否省外”" in capsys.readouterr().err
    assert dump(workspace) == before
