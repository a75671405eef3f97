"""The register's rules (domain) and its service on real stores: a SQLite file made by the
migrations, and a PostgreSQL database (the register's own tables; portable SQL only)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import Session, sessionmaker

from jlpanel.domain.register import FollowUp, RegisterStatus, follow_up, is_lapsed, status_after
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.services.register import (
    ConfirmedLine,
    HistoryOutcome,
    UndatedHistoryError,
    earlier_standing,
    mirror_history,
    revert_confirmation,
    write_confirmation,
)
from jlpanel.storage import models as m
from jlpanel.storage import workspace as store

END_2022 = dt.date(2022, 12, 31)
END_2024 = dt.date(2024, 12, 31)


# --------------------------------------------------------------------------------- domain


@pytest.mark.parametrize(
    ("decision", "grade", "barred", "before", "after"),
    [
        (DecisionKind.DISQUALIFY, None, True, None, RegisterStatus.BARRED),
        (DecisionKind.PENDING, None, True, RegisterStatus.LISTED, RegisterStatus.BARRED),
        (DecisionKind.DISQUALIFY, Grade.FAIL, False, None, RegisterStatus.DISQUALIFIED),
        (DecisionKind.RECTIFY, Grade.FAIL, False, None, RegisterStatus.RECTIFY),
        (DecisionKind.MAINTAIN, Grade.PASS, False, RegisterStatus.RECTIFY, RegisterStatus.LISTED),
        (DecisionKind.FUNDING_CANDIDATE, Grade.GOOD, False, None, RegisterStatus.LISTED),
        # A history sheet with a grade only.
        (None, Grade.FAIL, False, None, RegisterStatus.RECTIFY),
        (None, Grade.EXCELLENT, False, RegisterStatus.RECTIFY, RegisterStatus.LISTED),
        # Pending changes nothing.
        (DecisionKind.PENDING, None, False, RegisterStatus.RECTIFY, RegisterStatus.RECTIFY),
        (DecisionKind.PENDING, None, False, None, RegisterStatus.LISTED),
    ],
)
def test_the_status_a_cycle_outcome_gives(decision, grade, barred, before, after) -> None:
    assert status_after(decision, grade, barred, before) is after


def test_a_rectification_is_overdue_from_the_day_after_its_deadline() -> None:
    deadline = dt.date(2027, 3, 1)
    assert follow_up(deadline, None, None, deadline) is FollowUp.DUE
    assert follow_up(deadline, deadline, None, deadline) is FollowUp.REPORTED
    after = deadline + dt.timedelta(days=1)
    # A report without a passed review does not stop the clock.
    assert follow_up(deadline, deadline, None, after) is FollowUp.OVERDUE
    assert follow_up(deadline, None, "pass", after) is FollowUp.PASSED
    assert follow_up(deadline, None, "fail", deadline) is FollowUp.FAILED
    assert follow_up(None, None, None, after) is FollowUp.DUE
    assert [s for s in FollowUp if is_lapsed(s)] == [FollowUp.FAILED, FollowUp.OVERDUE]


# --------------------------------------------------------------------------- the service


@pytest.fixture(params=["sqlite", "postgresql"])
def sessions(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine: Engine
    if request.param == "sqlite":
        engine = store.create_workspace(tmp_path / "store.jlpanel")
    else:
        engine = create_engine(request.getfixturevalue("pg_url"))
        tables = [
            t.__table__
            for t in (m.Cycle, m.RegisterEntry, m.RegisterEvent, m.Rectification, m.AuditEntry)
        ]
        m.Base.metadata.create_all(engine, tables=tables)  # type: ignore[arg-type]
    try:
        yield sessionmaker(engine, expire_on_commit=False)
    finally:
        engine.dispose()


def _history(filing_no: str, cycle: str, end: dt.date | None, grade: str, **kw) -> HistoryOutcome:
    return HistoryOutcome(
        filing_no=filing_no,
        platform_name=kw.get("name"),
        cycle_name=cycle,
        cycle_end=end,
        grade=grade,
        decision=kw.get("decision"),
        barred=kw.get("barred", False),
        is_final=kw.get("final", True),
        source=kw.get("source", "h.xlsx"),
    )


def _standing(s: Session, cycle: str = "2026年度", end: dt.date | None = None, **kw):
    return earlier_standing(s, cycle_name=cycle, period_end=end, spelled=kw.get("spelled", {}))


def test_the_two_fails_rule_reads_the_latest_final_grade(sessions) -> None:
    with sessions.begin() as s:
        mirror_history(
            s,
            [
                _history("JL-1", "2022年度", END_2022, "fail"),
                _history("JL-1", "2024年度", END_2024, "pass", final=False),  # not final
                _history("JL-2", "2022年度", END_2022, "fail"),
                _history("JL-2", "2024年度", END_2024, "good"),
            ],
            "t",
        )
    with sessions() as s:
        standing = _standing(s)
    # JL-1's 2024 result was not final: its grade is no pass for the rule, 2022's fail is.
    assert (standing["JL-1"].grade, standing["JL-1"].cycle_name) == (Grade.FAIL, "2022年度")
    assert (standing["JL-2"].grade, standing["JL-2"].cycle_name) == (Grade.GOOD, "2024年度")
    with sessions() as s:
        entry = s.scalars(select(m.RegisterEntry).where(m.RegisterEntry.filing_no == "JL-2")).one()
        assert (entry.status, entry.first_cycle, entry.last_cycle) == (
            "listed",
            "2022年度",
            "2024年度",
        )


def test_a_bar_in_a_result_that_was_not_final_carries_and_is_audited(sessions) -> None:
    with sessions.begin() as s:
        mirror_history(
            s,
            [
                _history(
                    "JL-1",
                    "2024年度",
                    END_2024,
                    "fail",
                    decision="disqualify",
                    barred=True,
                    final=False,
                ),
            ],
            "t",
        )
    with sessions() as s:
        (p,) = _standing(s).values()
        assert (p.barred, p.barred_in, p.grade) == (True, "2024年度", None)
        entry = s.scalars(select(m.RegisterEntry)).one()
        assert entry.status == RegisterStatus.BARRED.value
        detail = s.scalars(
            select(m.AuditEntry.detail_json).where(m.AuditEntry.action == "register_status")
        ).one()
    assert json.loads(detail)["new"]["status"] == "barred"


def test_history_is_one_platform_by_identity_and_a_replacement_supersedes(sessions) -> None:
    with sessions.begin() as s:
        mirror_history(s, [_history("jl-1", "2024年度", END_2024, "fail")], "t")
    with sessions.begin() as s:
        mirror_history(s, [_history("JL-1", "2024年度", END_2024, "good", source="new.xlsx")], "t")
    with sessions() as s:
        standing = _standing(s, spelled={"jl1": "JL-1"})
        assert set(standing) == {"JL-1"}
        assert standing["JL-1"].grade is Grade.GOOD
        events = s.scalars(select(m.RegisterEvent).order_by(m.RegisterEvent.id)).all()
        assert [(e.grade, e.reverted_at is None) for e in events] == [
            ("fail", False),
            ("good", True),
        ]
        assert events[0].revert_reason == "考核历史已由 new.xlsx 替换"
        assert len(s.scalars(select(m.RegisterEntry)).all()) == 1


def test_only_earlier_cycles_count_and_undated_ones_refuse(sessions) -> None:
    with sessions.begin() as s:
        mirror_history(
            s,
            [
                _history("JL-1", "2026年度", END_2024, "fail"),  # this cycle itself
                _history("JL-2", "2028年度", dt.date(2028, 12, 31), "fail"),  # a later one
            ],
            "t",
        )
    with sessions() as s:
        assert _standing(s, end=dt.date(2026, 12, 31)) == {}
    with sessions.begin() as s:
        mirror_history(s, [_history("JL-3", "甲批", None, "fail", source="旧.xlsx")], "t")
    with sessions() as s, pytest.raises(UndatedHistoryError) as raised:
        _standing(s, end=dt.date(2026, 12, 31))
    assert raised.value.details == ("JL-3：甲批（旧.xlsx）",)


def _line(filing_no: str, grade: Grade, decision: DecisionKind, deadline=None) -> ConfirmedLine:
    return ConfirmedLine(
        filing_no, filing_no, "某大学", grade, decision, "r", deadline, False, True
    )


def test_confirming_again_supersedes_and_keeps_the_rectification(sessions) -> None:
    deadline = dt.date(2025, 6, 30)
    for ref, day in (("c:1", dt.date(2024, 6, 30)), ("c:2", dt.date(2024, 7, 1))):
        with sessions.begin() as s:
            write_confirmation(
                s,
                cycle_name="2024年度",
                cycle_end=END_2024,
                ref=ref,
                day=day,
                lines=[_line("JL-1", Grade.FAIL, DecisionKind.RECTIFY, deadline)],
                actor="t",
            )
    with sessions() as s:
        entry = s.scalars(select(m.RegisterEntry)).one()
        assert (entry.status, entry.deadline, entry.host_unit) == ("rectify", deadline, "某大学")
        assert [e.reverted_at is None for e in entry.events] == [False, True]
        (rect,) = entry.rectifications
        assert (rect.deadline, rect.origin_ref, rect.ordered_on) == (
            deadline,
            "c:2",
            dt.date(2024, 6, 30),
        )
        # Not reviewed and past its deadline by the next cycle's end: lapsed, a second fail.
        p = _standing(s, end=dt.date(2026, 12, 31))["JL-1"]
        assert p.rectification_lapsed_in == "2024年度"
    with sessions.begin() as s:
        assert revert_confirmation(s, cycle_name="2024年度", reason="重开", actor="t") == 1
    with sessions() as s:
        entry = s.scalars(select(m.RegisterEntry)).one()
        assert (entry.status, entry.deadline, entry.last_cycle) == ("listed", None, None)
        assert _standing(s, end=dt.date(2026, 12, 31)) == {}


def test_a_store_from_before_the_register_brings_its_history_into_it(tmp_path: Path) -> None:
    """Migration 0006: history held by revision 0004 becomes register events, one entry per
    platform however its number was written, its status from the latest cycle."""
    engine = store.create_workspace(tmp_path / "old.jlpanel")
    try:
        store.downgrade(engine, "0004")
        with Session(engine) as s, s.begin():
            for filing_no, cycle, end, grade, decision in (
                ("JL-1", "2024年度", END_2024, "fail", "rectify"),
                ("jl1", "2022年度", END_2022, "good", None),
                ("JL-2", "2024年度", END_2024, "fail", "disqualify"),
            ):
                s.add(
                    m.HistoryEntry(
                        filing_no=filing_no,
                        platform_name="平台",
                        cycle_name=cycle,
                        cycle_end=end,
                        grade=grade,
                        decision=decision,
                        source="h.xlsx",
                    )
                )
        store.upgrade(engine)
        with Session(engine) as s:
            entries = {e.filing_no: e for e in s.scalars(select(m.RegisterEntry))}
            assert set(entries) == {"jl1", "JL-2"}
            assert (entries["jl1"].status, entries["jl1"].last_cycle) == ("rectify", "2024年度")
            assert entries["jl1"].first_cycle == "2022年度"
            assert entries["JL-2"].status == "disqualified"
            assert [(e.from_status, e.to_status) for e in entries["jl1"].events] == [
                (None, "listed"),
                ("listed", "rectify"),
            ]
            standing = _standing(s, end=dt.date(2026, 12, 31))
        assert standing["jl1"].grade is Grade.FAIL
        assert standing["JL-2"].disqualified_in == "2024年度"
    finally:
        engine.dispose()


def test_a_rectification_of_a_later_cycle_does_not_lapse_into_an_earlier_one(sessions) -> None:
    with sessions.begin() as s:
        write_confirmation(
            s,
            cycle_name="2028年度",
            cycle_end=dt.date(2028, 12, 31),
            ref="later:1",
            day=dt.date(2029, 3, 1),
            lines=[_line("JL-1", Grade.FAIL, DecisionKind.RECTIFY, dt.date(2030, 3, 1))],
            actor="t",
        )
        rect = s.scalars(select(m.Rectification)).one()
        rect.review, rect.review_reason = "fail", "未整改"
    with sessions() as s:
        assert _standing(s, end=dt.date(2026, 12, 31)) == {}
        # For a cycle after it, the failed review is a second fail.
        later = _standing(s, "2030年度", end=dt.date(2030, 12, 31))
    assert later["JL-1"].rectification_lapsed_in == "2028年度"
