"""Importing dossiers through the command line: all-or-nothing, replace, the broken corpus."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from broken_workbooks import CASES, sample_dossier, set_cell, write_dossier_workbook
from factories import dump
from sqlalchemy import func, select

from jlpanel.cli import main
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "cycle.jlpanel"
    assert (
        main(
            [
                "new",
                str(path),
                "--cycle",
                "2026年度",
                "--start",
                "2024-01-01",
                "--end",
                "2025-12-31",
            ]
        )
        == 0
    )
    return path


def test_a_valid_dossier_imports_with_its_rows_metrics_and_audit(workspace, tmp_path, capsys):
    book = write_dossier_workbook(tmp_path / "平台A.xlsx")
    assert main(["import", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert "已导入" in out and "吉林省分析测试资源共享服务平台" in out
    expected = sample_dossier()
    with open_workspace(workspace) as ws, ws.session() as s:
        platform = s.scalars(select(m.Platform)).one()
        assert platform.filing_no == expected.basic.filing_no
        assert platform.credit_code == expected.basic.credit_code
        services = s.scalar(select(func.count()).select_from(m.ServiceRecord))
        assert services == len(expected.services)
        metric = s.scalar(
            select(m.PlatformMetric.value).where(m.PlatformMetric.key == "service_count")
        )
        assert metric is not None and metric > 0
        audit = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "import_dossier")).one()
        assert json.loads(audit.detail_json)["new"]["filing_no"] == expected.basic.filing_no


def test_warnings_stay_with_the_dossier(workspace, tmp_path, capsys):
    def edit(grids):
        set_cell(grids, "服务记录", 2, "服务性质", "有偿")
        set_cell(grids, "服务记录", 2, "合同编号", None)

    book = write_dossier_workbook(tmp_path / "平台A.xlsx", edit=edit)
    assert main(["import", "--warnings", str(workspace), str(book)]) == 0
    out = capsys.readouterr().out
    assert "服务记录 第2行 合同编号" in out
    with open_workspace(workspace) as ws, ws.session() as s:
        codes = s.scalars(select(m.DossierFinding.code)).all()
        fix = s.scalars(select(m.DossierFinding.fix_zh)).first()
    assert "paid_without_contract" in codes
    assert fix


def test_a_second_dossier_for_the_platform_needs_replace(workspace, tmp_path, capsys):
    book = write_dossier_workbook(tmp_path / "平台A.xlsx")
    assert main(["import", str(workspace), str(book)]) == 0
    before = dump(workspace)
    capsys.readouterr()
    assert main(["import", str(workspace), str(book)]) == 1
    assert "已导入本考核周期" in capsys.readouterr().err
    assert dump(workspace) == before

    fewer = dataclasses.replace(sample_dossier(), services=sample_dossier().services[:1])
    newer = write_dossier_workbook(tmp_path / "平台A-修订.xlsx", fewer)
    with open_workspace(workspace) as ws, ws.session() as s:
        old_id = s.scalars(select(m.Platform.id)).one()
    assert main(["import", "--replace", str(workspace), str(newer)]) == 0
    assert "已替换" in capsys.readouterr().out
    with open_workspace(workspace) as ws, ws.session() as s:
        assert s.scalars(select(m.Platform.id)).all() == [old_id]  # same platform, new dossier
        assert s.scalar(select(func.count()).select_from(m.ServiceRecord)) == 1
        entry = s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.action == "replace_dossier")
        ).one()
    detail = json.loads(entry.detail_json)
    assert detail["old"]["source_file"] == "平台A.xlsx"
    assert detail["new"]["source_file"] == "平台A-修订.xlsx"
    assert detail["old"]["services"] == len(sample_dossier().services)


def test_a_folder_imports_its_workbooks_and_one_bad_file_does_not_stop_the_rest(
    workspace, tmp_path, capsys
):
    folder = tmp_path / "材料"
    folder.mkdir()
    write_dossier_workbook(folder / "甲.xlsx")
    other = dataclasses.replace(
        sample_dossier(),
        basic=dataclasses.replace(
            sample_dossier().basic, filing_no="JLKJ-2021-008", name="吉林省第二资源共享服务平台"
        ),
    )
    write_dossier_workbook(folder / "乙.xlsx", other)
    (folder / "丙.xlsx").write_text("not a workbook", "utf-8")
    (folder / "~$甲.xlsx").write_bytes(b"lock file")
    assert main(["import", str(workspace), str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("已导入") == 2
    assert "丙.xlsx" in captured.err and "~$" not in captured.err
    with open_workspace(workspace) as ws, ws.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Platform)) == 2


# Two cases lower the reader's limits (size, rows) to keep the files small; the import path uses
# the real limits, so those two are exercised by the reader's own tests instead.
CORPUS = [c for c in CASES if not c.read_kwargs]


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_every_broken_workbook_is_refused_with_its_message_and_nothing_changes(
    case, workspace, tmp_path, capsys
):
    folder = tmp_path / "in"
    folder.mkdir()
    book = case.build(folder)
    before = dump(workspace)
    assert main(["import", str(workspace), str(book)]) == 1
    err = capsys.readouterr().err
    for expected in case.expected:
        assert expected.text in err, (case.name, expected)
    assert dump(workspace) == before
