"""One platform however its 备案编号 is written, after the fact (issue 12 item 5).

A dossier replaced by the host unit's corrected workbook may write the number otherwise
(lower case, full width): the confirmation, the deadline it fixed and the panel's tie order,
all stored by filing number, still belong to that platform. A number typed on the command
line (adjust, veto, tiebreak) is found however it is typed, and kept as the workspace writes
it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from broken_workbooks import sample_dossier, write_dossier_workbook
from review_support import build_cycle
from sqlalchemy import select, update
from test_cli_panel import _grades, _tied_workspace
from test_history import score_through_packages

from jlpanel.cli import main
from jlpanel.services.intake import ImportStatus, import_dossier
from jlpanel.services.panel import confirm_results, confirmation_status, reopen_results
from jlpanel.services.results import rectification_list
from jlpanel.services.workspace import Workspace, open_workspace
from jlpanel.storage import models as m

CONFIRMED = dt.date(2026, 3, 15)
LATER = dt.date(2026, 6, 1)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = build_cycle(tmp_path, others_work=False)
    yield workspace
    workspace.close()


def replace_dossier(ws: Workspace, folder: Path, platform_id: int, filing_no: str) -> None:
    """The platform's dossier replaced by a workbook that writes its number ``filing_no``."""
    sample = sample_dossier()
    basic = dataclasses.replace(sample.basic, filing_no=filing_no)
    book = write_dossier_workbook(
        folder / f"{platform_id}.xlsx", dataclasses.replace(sample, basic=basic)
    )
    outcome = import_dossier(ws, book, replace=True)
    assert (outcome.status, outcome.platform_id) == (ImportStatus.REPLACED, platform_id)


def test_a_confirmation_and_its_deadline_survive_a_number_written_otherwise(
    ws: Workspace, tmp_path: Path
) -> None:
    score_through_packages(ws, tmp_path, failing={104})
    confirm_results(ws, on=CONFIRMED)
    (fix,) = rectification_list(ws)
    assert fix.deadline == dt.date(2027, 3, 15)

    replace_dossier(ws, tmp_path, 104, "jlpt-2023-104")
    # Nothing about the results changed: still confirmed, nothing listed as changed.
    status = confirmation_status(ws)
    assert status.confirmed and status.changes == ()
    # Reopened and confirmed again later, the deadline told before does not move.
    reopen_results(ws, "核对材料")
    confirm_results(ws, on=LATER)
    (fix,) = rectification_list(ws)
    assert (fix.filing_no, fix.deadline) == ("jlpt-2023-104", dt.date(2027, 3, 15))


def test_a_tie_order_holds_after_the_number_is_written_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws_path = _tied_workspace(tmp_path, capsys)
    assert main(["tiebreak", str(ws_path), "JL-002", "JL-001", "--reason", "材料更充分"]) == 0
    # JL-002's dossier replaced by one that writes its number in lower case.
    with open_workspace(ws_path) as ws, ws.session() as s:
        s.execute(
            update(m.Platform).where(m.Platform.filing_no == "JL-002").values(filing_no="jl-002")
        )
    grades = _grades(capsys, ws_path)
    assert (grades["jl-002"], grades["JL-001"]) == (("1", "优秀"), ("2", "良好"))
    assert main(["results", str(ws_path)]) == 0
    assert "待专家组排序" not in capsys.readouterr().out


# ------------------------------------------------------------- typed on the command line


def test_a_tie_order_typed_otherwise_is_kept_as_the_workspace_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws_path = _tied_workspace(tmp_path, capsys)
    typed = ["jl-002", "ＪＬ－００１"]
    assert main(["tiebreak", str(ws_path), *typed, "--reason", "服务成效材料更完整"]) == 0
    assert "JL-002 > JL-001" in capsys.readouterr().out
    with open_workspace(ws_path) as ws, ws.session() as s:
        stored = s.scalars(select(m.TieOrder.filing_nos_json)).one()
    assert json.loads(stored) == ["JL-002", "JL-001"]
    assert _grades(capsys, ws_path)["JL-002"] == ("1", "优秀")
    # One platform typed twice is still no order.
    assert main(["tiebreak", str(ws_path), "JL-001", "jl 001", "--reason", "r"]) == 1
    assert "至少两个不同的" in capsys.readouterr().err


def test_numbers_typed_on_the_command_line_find_their_platform(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    score_through_packages(ws, tmp_path, failing=set())
    path = ws.path
    ws.close()
    assert main(["adjust", str(path), "jlpt 2023 101", "85", "--reason", "合议"]) == 0
    assert "（JLPT-2023-101）：调整为 85.00 分" in capsys.readouterr().out
    veto = ["veto", str(path), "JLPT\u200b-2023-104", "fraud", "dismiss", "--reason", "无据"]
    assert main(veto) == 0
    with open_workspace(path) as again, again.session() as s:
        assert s.scalars(select(m.Adjustment.platform_id)).all() == [101]
        assert s.scalars(select(m.VetoRuling.platform_id)).all() == [104]
    # A number no platform has is still refused, naming it.
    assert main(["adjust", str(path), "JLPT-2023-199", "85", "--reason", "合议"]) == 1
    assert "本周期没有备案编号为 JLPT-2023-199 的平台" in capsys.readouterr().err


def test_a_batch_finds_its_own_new_platforms_however_their_numbers_are_written(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Within one batch, a later file whose number is written otherwise is the platform an
    earlier file of the batch added; the batch reads the cycle's numbers once, not once per
    file (that grew with the square of the batch: 17 s of 2,000 files on a server)."""
    from sqlalchemy import event

    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workers import WORKERS_ENV

    monkeypatch.setenv(WORKERS_ENV, "1")
    sample = sample_dossier()

    def book(name: str, filing_no: str) -> Path:
        basic = dataclasses.replace(sample.basic, filing_no=filing_no, name=f"平台{name}")
        return write_dossier_workbook(
            tmp_path / f"{name}.xlsx", dataclasses.replace(sample, basic=basic)
        )

    files = [
        book("甲", "JLKJ-2099-001"),
        book("乙", "jlkj-2099-001"),  # 甲's number, lower case
        book("丙", "JLKJ-2099-002"),
        book("丁", "JLKJ 2099 002"),  # 丙's, spaced
    ]
    scans: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        words = " ".join(statement.split())
        if words.startswith("SELECT platforms.id, platforms.filing_no FROM platforms") and (
            "platforms.filing_no =" not in words
        ):
            scans.append(words)

    event.listen(ws.engine, "before_cursor_execute", seen)
    try:
        outcomes = import_dossiers(ws, files)
    finally:
        event.remove(ws.engine, "before_cursor_execute", seen)

    statuses = [o.status for o in outcomes]
    assert statuses == [
        ImportStatus.IMPORTED,
        ImportStatus.EXISTS,
        ImportStatus.IMPORTED,
        ImportStatus.EXISTS,
    ], [o.findings for o in outcomes]
    assert outcomes[1].platform_id == outcomes[0].platform_id
    assert outcomes[3].platform_id == outcomes[2].platform_id
    assert len(scans) == 1, scans

    again = import_dossiers(ws, [files[1]], replace=True)
    assert [(o.status, o.platform_id) for o in again] == [
        (ImportStatus.REPLACED, outcomes[0].platform_id)
    ]
