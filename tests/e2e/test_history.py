"""History of earlier cycles: imported from a history sheet or an earlier workspace, all or
nothing, and applied by the two-consecutive-fails rule to a cycle scored through real files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from review_support import build_cycle
from sqlalchemy import func, select

from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.exchange.history_sheet import HistoryRow, write_history_sheet
from jlpanel.services import review as rv
from jlpanel.services.history import HistorySource, HistoryStatus, import_history, list_history
from jlpanel.services.merge import merge_score_files
from jlpanel.services.packages import issue_packages
from jlpanel.services.results import (
    compute_and_store_results,
    disqualification_list,
    rectification_list,
    results_table,
)
from jlpanel.services.workspace import Workspace, create_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows
from jlpanel.storage.workspace import backup_workspace

PREVIOUS = "2024年度考核评价"
PREVIOUS_END = dt.date(2023, 12, 31)
DAY = dt.date(2026, 3, 15)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(ws: Workspace) -> tuple[int, int]:
    """History entries and audit entries: a refused import changes neither."""
    with ws.session() as s:
        return (
            s.scalar(select(func.count()).select_from(m.HistoryEntry)) or 0,
            s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0,
        )


def sheet(path: Path, grades: Mapping[str, Grade], cycle: str = PREVIOUS) -> Path:
    write_history_sheet(
        path,
        [
            HistoryRow(f, cycle, g, f"平台{f[-3:]}", PREVIOUS_END if cycle == PREVIOUS else None)
            for f, g in grades.items()
        ],
    )
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = build_cycle(tmp_path, others_work=False)
    yield workspace
    workspace.close()


def totals(rubric_points: Mapping[str, float], total: float) -> dict[str, float]:
    """Points for every indicator adding up to ``total``: the shortfall from the last ones."""
    points = dict(rubric_points)
    short = sum(points.values()) - total
    for code in reversed(list(points)):
        take = min(short, math.floor(points[code] / 2 / 0.5) * 0.5)
        points[code] -= take
        short -= take
    assert short == 0
    return points


def score_through_packages(ws: Workspace, folder: Path, failing: set[int]) -> None:
    """Every expert scores 80, or 55 on the ``failing`` platforms; the files are merged."""
    files: list[Path] = []
    for package in issue_packages(ws, folder / "packages", paper_sheets=False):
        with rv.open_package(package.path) as session:
            maxima = {i.code: float(i.max_points) for i in session.rubric.indicators}
            for platform in session.platforms:
                rv.declare(session, platform.id, False)
                total = 55.0 if platform.id in failing else 80.0
                for code, value in totals(maxima, total).items():
                    rv.set_score(session, platform.id, code, value)
            files.append(folder / f"{package.expert_id}.jlscore")
            rv.submit(session, files[-1])
    assert all(o.ok for o in merge_score_files(ws, files, backup_dir=None))


# ------------------------------------------------------------------------------- sheets


def test_a_history_sheet_is_imported_and_listed(ws: Workspace, tmp_path: Path) -> None:
    path = sheet(
        tmp_path / "history.xlsx",
        {"JLPT-2023-101": Grade.GOOD, "JLPT-2023-102": Grade.FAIL, "JLPT-2019-999": Grade.PASS},
    )
    outcome = import_history(ws, path)
    assert outcome.ok, outcome.findings
    assert (outcome.source, outcome.cycles, outcome.added, outcome.replaced) == (
        HistorySource.SHEET,
        (PREVIOUS,),
        3,
        0,
    )
    (warning,) = outcome.warnings
    assert warning.code == "history.unknown_platform" and "JLPT-2019-999" in warning.message.zh
    lines = {h.filing_no: h for h in list_history(ws)}
    assert lines["JLPT-2023-102"].grade is Grade.FAIL
    assert lines["JLPT-2023-102"].cycle_end == PREVIOUS_END
    assert lines["JLPT-2023-102"].source == "history.xlsx"
    assert lines["JLPT-2023-101"].in_cycle and not lines["JLPT-2019-999"].in_cycle
    with ws.session() as s:
        entry = s.scalars(select(m.AuditEntry).where(m.AuditEntry.action == "import_history")).one()
    assert json.loads(entry.detail_json)["new"] == {
        "file": "history.xlsx",
        "source": "sheet",
        "cycles": [PREVIOUS],
        "rows": 3,
        "fails": 1,
    }


def test_a_grade_held_already_is_replaced_only_when_asked(ws: Workspace, tmp_path: Path) -> None:
    first = sheet(tmp_path / "a.xlsx", {"JLPT-2023-101": Grade.GOOD, "JLPT-2023-102": Grade.FAIL})
    assert import_history(ws, first).ok
    corrected = sheet(
        tmp_path / "b.xlsx", {"JLPT-2023-102": Grade.PASS, "JLPT-2023-103": Grade.GOOD}
    )
    before = counts(ws)
    refused = import_history(ws, corrected)
    assert refused.status is HistoryStatus.REFUSED
    assert [f.code for f in refused.errors] == ["history.exists"]
    assert (
        "JLPT-2023-102" in refused.errors[0].message.zh and "不合格" in refused.errors[0].message.zh
    )
    assert counts(ws) == before  # all or nothing: 103 was not added either

    replaced = import_history(ws, corrected, replace=True)
    assert (replaced.ok, replaced.added, replaced.replaced) == (True, 1, 1)
    grades = {h.filing_no: h.grade for h in list_history(ws)}
    assert grades == {
        "JLPT-2023-101": Grade.GOOD,
        "JLPT-2023-102": Grade.PASS,
        "JLPT-2023-103": Grade.GOOD,
    }
    with ws.session() as s:
        detail = s.scalars(
            select(m.AuditEntry.detail_json)
            .where(m.AuditEntry.action == "import_history")
            .order_by(m.AuditEntry.id.desc())
        ).first()
    assert detail is not None
    assert json.loads(detail)["old"] == {
        "replaced": [
            {"filing_no": "JLPT-2023-102", "cycle": PREVIOUS, "old": "fail", "new": "pass"}
        ]
    }


def test_bad_sheets_and_a_cycle_that_is_not_earlier_change_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    before = counts(ws)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"%PDF-1.7 this is the rectification notice, not the history")
    assert import_history(ws, broken).status is HistoryStatus.REFUSED
    this_cycle = sheet(tmp_path / "same.xlsx", {"JLPT-2023-101": Grade.GOOD}, ws.cycle_info().name)
    refused = import_history(ws, this_cycle)
    assert [f.code for f in refused.errors] == ["history.not_earlier"]
    later = tmp_path / "later.xlsx"
    write_history_sheet(
        later, [HistoryRow("JLPT-2023-101", "2028年度", Grade.GOOD, "", dt.date(2027, 12, 31))]
    )
    assert [f.code for f in import_history(ws, later).errors] == ["history.not_earlier"]
    assert counts(ws) == before


# ---------------------------------------------------------------------- the rule applied


def test_two_consecutive_fails_disqualify_a_first_fail_rectifies(
    ws: Workspace, tmp_path: Path
) -> None:
    score_through_packages(ws, tmp_path, failing={102, 104})
    history = sheet(
        tmp_path / "history.xlsx",
        {"JLPT-2023-101": Grade.FAIL, "JLPT-2023-102": Grade.FAIL, "JLPT-2023-104": Grade.PASS},
    )
    # 104 failed long ago but passed last time: its most recent grade is what counts.
    older = tmp_path / "older.xlsx"
    write_history_sheet(
        older,
        [HistoryRow("JLPT-2023-104", "2022年度考核评价", Grade.FAIL, "", dt.date(2021, 12, 31))],
    )
    assert import_history(ws, history).ok and import_history(ws, older).ok

    lines = {x.filing_no: x for x in results_table(ws, decision_date=DAY)}
    assert (lines["JLPT-2023-102"].grade, lines["JLPT-2023-102"].decision) == (
        Grade.FAIL,
        DecisionKind.DISQUALIFY,
    )
    assert lines["JLPT-2023-102"].previous_grade is Grade.FAIL
    assert lines["JLPT-2023-104"].decision is DecisionKind.RECTIFY
    assert lines["JLPT-2023-104"].previous_grade is Grade.PASS
    # 101 failed last time and passes now: it keeps its status.
    assert lines["JLPT-2023-101"].decision is DecisionKind.FUNDING_CANDIDATE

    (out,) = disqualification_list(ws, decision_date=DAY)
    assert (out.filing_no, out.barred, out.previous_grade, out.previous_cycle) == (
        "JLPT-2023-102",
        False,
        Grade.FAIL,
        PREVIOUS,
    )
    assert out.reason == "连续两次考核不合格，取消共享服务平台资格"
    (fix,) = rectification_list(ws, decision_date=DAY)
    assert (fix.filing_no, fix.deadline) == ("JLPT-2023-104", dt.date(2027, 3, 15))


# ------------------------------------------------------------------- earlier workspaces


def earlier_workspace(folder: Path, grades: Mapping[str, float], *, store: bool = True) -> Path:
    """The 2024 cycle's workspace: the same platforms, three experts' totals, results stored."""
    path = folder / "2024.jlpanel"
    with create_workspace(
        path, PREVIOUS, period_start=dt.date(2022, 1, 1), period_end=PREVIOUS_END
    ) as old:
        rubric = old.cycle_info().rubric
        cycle_id = old.cycle_info().id
        with old.session() as s:
            insert_rows(
                s,
                m.Platform,
                ({"cycle_id": cycle_id, "filing_no": f, "name": f"平台{f[-3:]}"} for f in grades),
            )
            insert_rows(s, m.Expert, ({"cycle_id": cycle_id, "name": f"专家{n}"} for n in range(3)))
            pids = dict(s.execute(select(m.Platform.filing_no, m.Platform.id)).all())
            eids = list(s.scalars(select(m.Expert.id)))
            for filing_no, share in grades.items():
                n_experts = 2 if filing_no.endswith("104") else 3  # 104: not final
                for eid in eids[:n_experts]:
                    row = m.ScoreSheet(
                        expert_id=eid, platform_id=pids[filing_no], provenance="package"
                    )
                    s.add(row)
                    s.flush()
                    insert_rows(
                        s,
                        m.IndicatorScore,
                        (
                            {
                                "sheet_id": row.id,
                                "indicator_code": i.code,
                                "points": float(i.max_points) * share,
                            }
                            for i in rubric.indicators
                        ),
                    )
        if store:
            compute_and_store_results(old)
    return path


def test_an_earlier_workspace_gives_its_stored_grades_untouched(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "earlier"
    folder.mkdir()
    path = earlier_workspace(
        folder,
        {"JLPT-2023-101": 1.0, "JLPT-2023-102": 0.5, "JLPT-2023-103": 1.0, "JLPT-2023-104": 1.0},
    )
    before = digest(path)
    outcome = import_history(ws, path)
    assert outcome.ok, outcome.findings
    assert (outcome.source, outcome.cycles, outcome.added) == (
        HistorySource.WORKSPACE,
        (PREVIOUS,),
        3,
    )
    (warning,) = outcome.warnings  # 104 had two scores only: no final grade to import
    assert warning.code == "history.not_final"
    assert {(h.filing_no, h.grade, h.cycle_end, h.source) for h in list_history(ws)} == {
        ("JLPT-2023-101", Grade.EXCELLENT, PREVIOUS_END, "2024.jlpanel"),
        ("JLPT-2023-102", Grade.FAIL, PREVIOUS_END, "2024.jlpanel"),
        ("JLPT-2023-103", Grade.EXCELLENT, PREVIOUS_END, "2024.jlpanel"),
    }
    # Read without a write: same bytes, no journal or shared-memory file left beside it.
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["2024.jlpanel"]
    # The same workspace again is refused as a whole.
    again = import_history(ws, path)
    assert {f.code for f in again.errors} == {"history.exists"}


def test_the_current_workspace_or_a_copy_of_it_is_refused(ws: Workspace, tmp_path: Path) -> None:
    before = counts(ws)
    itself = import_history(ws, ws.path)
    assert [f.code for f in itself.errors] == ["history.same_cycle"]
    # A consistent copy (the live file alone may still have its latest pages in the WAL).
    copy = backup_workspace(ws.engine, tmp_path / "copies", 1, "copy")
    assert [f.code for f in import_history(ws, copy).errors] == ["history.same_cycle"]
    assert counts(ws) == before


def test_workspaces_that_cannot_give_history_are_refused(ws: Workspace, tmp_path: Path) -> None:
    before = counts(ws)
    no_results = earlier_workspace(tmp_path, {"JLPT-2023-101": 1.0}, store=False)
    assert [f.code for f in import_history(ws, no_results).errors] == ["history.no_results"]
    fake = tmp_path / "fake.jlpanel"
    fake.write_bytes(b"PK\x03\x04 a zip pretending to be a workspace")
    assert [f.code for f in import_history(ws, fake).errors] == ["history.not_a_workspace"]
    missing = import_history(ws, tmp_path / "nowhere.jlpanel")
    assert [f.code for f in missing.errors] == ["history.missing"]
    assert counts(ws) == before
