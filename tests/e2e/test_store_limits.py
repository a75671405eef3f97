"""A text longer than its field is refused on the way in, the same on both engines (issue 15).

SQLite would keep it; PostgreSQL would refuse it with a DataError naming neither field nor
platform. Either way the user now reads which field, its limit, the platform and the row,
and nothing of the import is stored.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from broken_workbooks import sample_dossier, write_dossier_workbook
from sqlalchemy import func, select

from jlpanel.cli import main
from jlpanel.services.errors import UserError
from jlpanel.services.workspace import create_workspace, open_workspace
from jlpanel.storage import models as m


def test_a_host_unit_too_long_is_refused_naming_the_field_its_limit_and_the_platform(
    tmp_path: Path, any_store: str, capsys
) -> None:
    assert main(["new", any_store, "--cycle", "2026年度"]) == 0
    base = sample_dossier()
    long_unit = "吉林省" + "很长的依托单位名称" * 44  # 399 characters
    basic = dataclasses.replace(base.basic, filing_no="JL-LONG", host_unit=long_unit)
    workbook = tmp_path / "长单位.xlsx"
    write_dossier_workbook(workbook, dataclasses.replace(base, basic=basic))
    capsys.readouterr()

    assert main(["--lang", "zh", "import", any_store, str(workbook)]) == 1
    message = capsys.readouterr().err
    assert "“基本信息”表的“依托单位”过长：最多 200 个字符，这里有 399 个" in message
    assert "JL-LONG" in message and "长单位.xlsx" in message
    assert "Traceback" not in message
    with open_workspace(any_store, backup=False) as ws, ws.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.Platform)) == 0


def test_a_service_row_too_long_names_its_row(any_store: str) -> None:
    base = sample_dossier()
    first = dataclasses.replace(base.services[0], user_unit="长春" * 151)  # 302 > 300
    dossier = dataclasses.replace(base, services=(first, *base.services[1:]))
    with create_workspace(any_store, "2026年度") as ws:
        with pytest.raises(UserError) as refused, ws.session() as s:
            from jlpanel.storage.dossiers import insert_dossier

            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_dossier(
                s,
                cycle_id,
                dossier,
                findings=(),
                metrics={},
                attachments=(),
                source_file="x.xlsx",
                source_sha256="0" * 64,
            )
        english = refused.value.message("en")
        assert "'用户单位'" in english and "at most 300 characters, this one has 302" in english
        assert f"row {first.source_row}" in english and base.basic.filing_no in english
        with ws.reading() as s:
            assert s.scalar(select(func.count()).select_from(m.ServiceRecord)) == 0


def test_a_finding_quoting_a_long_sheet_or_header_is_kept_clipped(any_store: str) -> None:
    # Where a finding points is the user's own text (an .ods sheet name, a header of any
    # length): it is clipped to its column, not a reason to refuse the dossier.
    from jlpanel.domain.dossier import Finding, Severity
    from jlpanel.domain.text import Text
    from jlpanel.storage.dossiers import insert_dossier

    sheet, header = "自定义工作表" * 10, "这一列是平台自己加的说明" * 12  # 60 and 144 characters
    finding = Finding(
        Severity.WARNING,
        "column.unknown",
        sheet,
        1,
        header,
        Text("不认识的列", "Unknown"),
        Text("", ""),
    )
    with create_workspace(any_store, "2026年度") as ws:
        with ws.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_dossier(
                s,
                cycle_id,
                sample_dossier(),
                findings=[finding],
                metrics={},
                attachments=(),
                source_file="x.xlsx",
                source_sha256="0" * 64,
            )
        with ws.reading() as s:
            stored = s.execute(select(m.DossierFinding.sheet, m.DossierFinding.column)).one()
    assert tuple(stored) == (sheet[:49] + "…", header[:99] + "…")
