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
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.exchange.history_sheet import HistoryRow, write_history_sheet
from jlpanel.services import review as rv
from jlpanel.services.history import (
    HistorySource,
    HistoryStatus,
    PreviousStanding,
    UndatedHistoryError,
    import_history,
    list_history,
    previous_standing,
)
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
from jlpanel.storage import workspace as store
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


def sheet(
    path: Path, grades: Mapping[str, Grade], cycle: str = PREVIOUS, end: dt.date = PREVIOUS_END
) -> Path:
    write_history_sheet(
        path, [HistoryRow(f, cycle, g, f"平台{f[-3:]}", end) for f, g in grades.items()]
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
        "barred": [],
        "disqualified": [],
        "not_final": 0,
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
    this_cycle = sheet(
        tmp_path / "same.xlsx", {"JLPT-2023-101": Grade.GOOD}, ws.cycle_info().name, PREVIOUS_END
    )
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
        4,
    )
    (warning,) = outcome.warnings  # 104 had two scores only: its result was not final
    assert warning.code == "history.not_final"
    assert {
        (h.filing_no, h.grade, h.cycle_end, h.source, h.is_final) for h in list_history(ws)
    } == {
        ("JLPT-2023-101", Grade.EXCELLENT, PREVIOUS_END, "2024.jlpanel", True),
        ("JLPT-2023-102", Grade.FAIL, PREVIOUS_END, "2024.jlpanel", True),
        ("JLPT-2023-103", Grade.EXCELLENT, PREVIOUS_END, "2024.jlpanel", True),
        ("JLPT-2023-104", Grade.EXCELLENT, PREVIOUS_END, "2024.jlpanel", False),
    }
    # Read without a write: same bytes, no journal or shared-memory file left beside it.
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == ["2024.jlpanel"]
    # The same workspace again changes nothing; a changed one is refused as a whole.
    before_again = counts(ws)
    again = import_history(ws, path)
    assert (again.ok, again.added, again.replaced, again.unchanged) == (True, 0, 0, 4)
    assert counts(ws) == before_again  # not even an audit entry: nothing changed
    with ws.session() as s:
        s.execute(
            update(m.HistoryEntry)
            .where(m.HistoryEntry.filing_no == "JLPT-2023-102")
            .values(grade="pass")
        )
    assert {f.code for f in import_history(ws, path).errors} == {"history.exists"}


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


# ------------------------------------------------------- bars, finality and the period end


def stored_workspace(
    folder: Path,
    results: Mapping[str, tuple[str | None, bool, DecisionKind | None, bool]],
    history: list[dict[str, object]] = (),  # type: ignore[assignment]
    *,
    period_end: dt.date | None = PREVIOUS_END,
) -> Path:
    """The 2024 cycle's workspace with these stored results: filing number → (grade, final,
    decision, barred), and the history it held itself (as its own imports left it)."""
    path = folder / "2024.jlpanel"
    with create_workspace(path, PREVIOUS, period_end=period_end) as old:
        cycle_id = old.cycle_info().id
        with old.session() as s:
            insert_rows(
                s,
                m.Platform,
                ({"cycle_id": cycle_id, "filing_no": f, "name": f"平台{f[-3:]}"} for f in results),
            )
            pids = dict(s.execute(select(m.Platform.filing_no, m.Platform.id)).all())
            insert_rows(
                s,
                m.Result,
                (
                    {"platform_id": pids[f], "grade": grade, "is_final": final}
                    for f, (grade, final, _, _) in results.items()
                ),
            )
            insert_rows(
                s,
                m.Decision,
                (
                    {
                        "platform_id": pids[f],
                        "kind": kind.value,
                        "status": "barred" if barred else None,
                    }
                    for f, (_, _, kind, barred) in results.items()
                    if kind is not None
                ),
            )
            insert_rows(s, m.HistoryEntry, history)
    return path


def entries(ws: Workspace) -> list[tuple[object, ...]]:
    """Every stored history entry, as plain values in a stable order."""
    with ws.session() as s:
        return [
            tuple(row)
            for row in s.execute(
                select(
                    m.HistoryEntry.filing_no,
                    m.HistoryEntry.cycle_name,
                    m.HistoryEntry.cycle_end,
                    m.HistoryEntry.grade,
                    m.HistoryEntry.decision,
                    m.HistoryEntry.barred,
                    m.HistoryEntry.is_final,
                    m.HistoryEntry.source,
                ).order_by(m.HistoryEntry.filing_no, m.HistoryEntry.cycle_name)
            )
        ]


def test_a_bar_in_a_result_that_was_not_final_carries_into_this_cycle(
    ws: Workspace, tmp_path: Path
) -> None:
    """Worked example. In 2024, 102 was caught faking service records (fraud veto) but only
    two experts' scores were valid, so its result was not final: it has no grade, yet it was
    disqualified and barred. 104 passed in 2024 without a final result, and failed (final) in
    2022 — history the 2024 workspace held itself. 103 had no result at all."""
    older = "2022年度考核评价"
    path = stored_workspace(
        tmp_path,
        {
            "JLPT-2023-101": ("fail", True, DecisionKind.RECTIFY, False),
            "JLPT-2023-102": (None, False, DecisionKind.DISQUALIFY, True),
            "JLPT-2023-103": (None, False, DecisionKind.PENDING, False),
            "JLPT-2023-104": ("pass", False, DecisionKind.PENDING, False),
        },
        [
            {
                "filing_no": "JLPT-2023-104",
                "platform_name": "平台104",
                "cycle_name": older,
                "cycle_end": dt.date(2021, 12, 31),
                "grade": "fail",
                "source": "2022历史.xlsx",
            }
        ],
    )
    outcome = import_history(ws, path)
    assert outcome.ok, outcome.findings
    assert (outcome.cycles, outcome.added) == ((older, PREVIOUS), 4)
    assert {f.code for f in outcome.warnings} == {"history.not_final", "history.no_grade"}
    assert entries(ws) == [
        ("JLPT-2023-101", PREVIOUS, PREVIOUS_END, "fail", "rectify", False, True, "2024.jlpanel"),
        # No grade, but a veto is 不合格; not final, so the grade counts for nothing.
        (
            "JLPT-2023-102",
            PREVIOUS,
            PREVIOUS_END,
            "fail",
            "disqualify",
            True,
            False,
            "2024.jlpanel",
        ),
        (
            "JLPT-2023-104",
            older,
            dt.date(2021, 12, 31),
            "fail",
            None,
            False,
            True,
            "2024.jlpanel（2022历史.xlsx）",
        ),
        ("JLPT-2023-104", PREVIOUS, PREVIOUS_END, "pass", "pending", False, False, "2024.jlpanel"),
    ]

    with ws.session() as s:
        standing = previous_standing(s)
    assert standing["JLPT-2023-102"] == PreviousStanding(
        grade=None,
        cycle_name=None,
        barred=True,
        disqualified=True,
        barred_in=PREVIOUS,
        disqualified_in=PREVIOUS,
    )
    # 2024's pass was not final: the last final grade is 2022's fail.
    assert standing["JLPT-2023-104"] == PreviousStanding(Grade.FAIL, older, False, False)
    assert standing["JLPT-2023-101"] == PreviousStanding(Grade.FAIL, PREVIOUS, False, False)
    assert "JLPT-2023-103" not in standing

    # In the export of this cycle the bar is there for the next one.
    lines = {h.filing_no: h for h in list_history(ws) if h.cycle_name == PREVIOUS}
    assert (lines["JLPT-2023-102"].barred, lines["JLPT-2023-102"].is_final) == (True, False)
    assert lines["JLPT-2023-102"].decision is DecisionKind.DISQUALIFY


def test_an_earlier_workspace_without_a_period_end_is_refused_by_name(
    ws: Workspace, tmp_path: Path
) -> None:
    before = entries(ws), counts(ws)
    path = stored_workspace(
        tmp_path, {"JLPT-2023-101": ("fail", True, DecisionKind.RECTIFY, False)}, period_end=None
    )
    (error,) = import_history(ws, path).errors
    assert error.code == "history.no_cycle_end"
    assert "2024.jlpanel" in error.message.zh and "2024.jlpanel" in error.message.en
    # So is one that holds undated history of its own.
    (tmp_path / "2024.jlpanel").unlink()
    path = stored_workspace(
        tmp_path,
        {"JLPT-2023-101": ("fail", True, DecisionKind.RECTIFY, False)},
        [{"filing_no": "JLPT-2023-101", "cycle_name": "2022年度", "grade": "pass"}],
    )
    (error,) = import_history(ws, path).errors
    assert error.code == "history.no_cycle_end"
    assert "2024.jlpanel" in error.message.zh and "JLPT-2023-101（2022年度）" in error.message.zh
    assert (entries(ws), counts(ws)) == before


def test_a_sheet_row_without_its_period_end_is_refused_and_nothing_is_stored(
    ws: Workspace, tmp_path: Path
) -> None:
    assert import_history(ws, sheet(tmp_path / "a.xlsx", {"JLPT-2023-101": Grade.PASS})).ok
    before = entries(ws), counts(ws)
    path = tmp_path / "b.xlsx"
    write_history_sheet(
        path,
        [
            HistoryRow("JLPT-2023-102", PREVIOUS, Grade.FAIL, "", PREVIOUS_END),
            HistoryRow("JLPT-2023-103", "2022年度考核评价", Grade.FAIL, "", None),
        ],
    )
    outcome = import_history(ws, path, replace=True)
    assert outcome.status is HistoryStatus.REFUSED
    (error,) = outcome.errors
    assert (error.code, error.sheet, error.row) == ("history.no_cycle_end", "考核历史", 3)
    assert "第 3 行" in error.message.zh and "Row 3" in error.message.en
    assert (entries(ws), counts(ws)) == before  # 102's good row was not stored either


def test_the_previous_cycle_is_the_latest_period_end_whatever_the_names(
    ws: Workspace, tmp_path: Path
) -> None:
    """Cycle names do not sort by time (乙批 after 甲批 here), and files come in any order."""
    later = tmp_path / "later.xlsx"
    write_history_sheet(
        later,
        [
            HistoryRow("JL-1", "乙批", Grade.PASS, "", dt.date(2023, 12, 31)),
            HistoryRow("JL-2", "乙批", Grade.FAIL, "", dt.date(2023, 12, 31)),
            # Not final: ignored for the grade, though it is the latest.
            HistoryRow("JL-3", "丙批", Grade.GOOD, "", dt.date(2024, 6, 30), is_final=False),
            HistoryRow("JL-3", "乙批", Grade.FAIL, "", dt.date(2023, 12, 31)),
        ],
    )
    earlier = tmp_path / "earlier.xlsx"
    write_history_sheet(
        earlier,
        [
            HistoryRow("JL-1", "甲批", Grade.FAIL, "", dt.date(2021, 12, 31)),
            HistoryRow("JL-2", "甲批", Grade.GOOD, "", dt.date(2021, 12, 31)),
        ],
    )
    assert import_history(ws, later).ok and import_history(ws, earlier).ok
    with ws.session() as s:
        standing = previous_standing(s)
    assert {f: (p.grade, p.cycle_name) for f, p in standing.items()} == {
        "JL-1": (Grade.PASS, "乙批"),
        "JL-2": (Grade.FAIL, "乙批"),
        "JL-3": (Grade.FAIL, "乙批"),
    }
    assert [h.cycle_name for h in list_history(ws)][:1] == ["丙批"]


def test_history_stored_without_a_period_end_is_never_guessed(ws: Workspace) -> None:
    """Files written before the period end was required may hold such rows; opened by this
    version, they become register history (migration 0006), undated still."""
    store.downgrade(ws.engine, "0004")
    with Session(ws.engine) as s, s.begin():
        insert_rows(
            s,
            m.HistoryEntry,
            [
                {
                    "filing_no": "JL-1",
                    "cycle_name": "甲批",
                    "cycle_end": None,
                    "grade": "fail",
                    "source": "旧.xlsx",
                },
                {
                    "filing_no": "JL-2",
                    "cycle_name": "乙批",
                    "cycle_end": dt.date(2023, 12, 31),
                    "grade": "pass",
                    "source": "新.xlsx",
                },
            ],
        )
    store.upgrade(ws.engine)
    with ws.session() as s, pytest.raises(UndatedHistoryError) as raised:
        previous_standing(s)
    assert raised.value.filing_nos == ("JL-1",)
    assert "JL-1" in raised.value.zh and "考核期止" in raised.value.zh
    assert "JL-1" in raised.value.en and "period end" in raised.value.en
    assert raised.value.details == ("JL-1：甲批（旧.xlsx）",)


# ------------------------------------------------------------- the program's own export


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A scored cycle (test_reports) holding a bar from before it, exported in both languages."""
    from test_reports import DAY as REPORT_DAY
    from test_reports import build_scored_cycle

    from jlpanel.services.export import export_results
    from jlpanel.services.workspace import open_workspace

    folder = tmp_path_factory.mktemp("exported")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        # a bar from before the cycle, imported as a department does (it reaches the register)
        earlier = folder / "2024.xlsx"
        write_history_sheet(
            earlier,
            [
                HistoryRow(
                    "JLPT-2023-104",
                    PREVIOUS,
                    Grade.FAIL,
                    cycle_end=PREVIOUS_END,
                    decision=DecisionKind.DISQUALIFY,
                    barred=True,
                    is_final=False,
                )
            ],
        )
        with open_workspace(build_scored_cycle(folder)) as cycle:
            assert import_history(cycle, earlier).ok
            return {
                "cycle": cycle.path,
                "zh": export_results(cycle, folder / "结果.xlsx", decision_date=REPORT_DAY),
                "en": export_results(
                    cycle, folder / "results.xlsx", language="en", decision_date=REPORT_DAY
                ),
            }


def next_cycle(folder: Path) -> Workspace:
    folder.mkdir(parents=True, exist_ok=True)
    return create_workspace(
        folder / "2027.jlpanel",
        "2027年度考核评价",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2027, 12, 31),
    )


def imported_history(folder: Path, path: Path) -> list[tuple[object, ...]]:
    """``path`` imported as history into a fresh later cycle: its entries, sources aside."""
    with next_cycle(folder) as later:
        outcome = import_history(later, path)
        assert outcome.ok, outcome.findings
        assert outcome.source is HistorySource.SHEET
        # Every column of the export is known: none is reported as left unread. (The later
        # cycle has no platforms yet, so all are named as not in it.)
        assert [f.code for f in outcome.warnings] == ["history.unknown_platform"]
        return [e[:-1] for e in entries(later)]


def test_the_exported_workbook_of_a_cycle_imports_as_history(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    from review_support import CYCLE_NAME
    from test_reports import DAY as REPORT_DAY

    from jlpanel.services.workspace import open_workspace

    # What the export showed of its cycle (computed as it was written, under its rules).
    with open_workspace(exported["cycle"]) as cycle:
        end = cycle.cycle_info().period_end
        shown = results_table(cycle, decision_date=REPORT_DAY)
    assert not all(x.is_final for x in shown)  # a result that was not final, too
    expected = sorted(
        [
            (
                x.filing_no,
                CYCLE_NAME,
                end,
                x.grade.value if x.grade else "fail",
                x.decision.value,
                x.barred,
                x.is_final,
            )
            for x in shown
            if x.grade or x.barred or x.decision is DecisionKind.DISQUALIFY
        ]
        + [("JLPT-2023-104", PREVIOUS, PREVIOUS_END, "fail", "disqualify", True, False)]
    )
    assert len(expected) == len(shown) + 1
    assert imported_history(tmp_path / "zh", exported["zh"]) == expected
    assert imported_history(tmp_path / "en", exported["en"]) == expected

    with next_cycle(tmp_path / "standing") as later:
        assert import_history(later, exported["zh"]).ok
        with later.session() as s:
            standing = previous_standing(s)
    # Barred in PREVIOUS, and the exported cycle carried the bar on: the latest cycle that
    # barred it is the exported one.
    assert standing["JLPT-2023-104"].barred and standing["JLPT-2023-104"].barred_in is not None
    assert standing["JLPT-2023-103"].grade is None  # not final in the exported cycle


def soffice_convert(source: Path, to: str, out: Path) -> Path:
    """``source`` opened and saved again by LibreOffice as ``to`` (xlsx, ods)."""
    from office import resave

    return resave(source, to, out)


def test_the_export_saved_again_by_libreoffice_imports_the_same(
    exported: dict[str, Path], tmp_path: Path
) -> None:
    as_written = imported_history(tmp_path / "written", exported["zh"])
    resaved = soffice_convert(exported["zh"], "xlsx", tmp_path / "resaved")
    assert resaved.read_bytes() != exported["zh"].read_bytes()
    assert imported_history(tmp_path / "libreoffice", resaved) == as_written
    # Saved as .ods (LibreOffice's own format) it imports the same too (issue 12).
    ods = soffice_convert(exported["zh"], "ods", tmp_path / "ods")
    assert imported_history(tmp_path / "ods-cycle", ods) == as_written
