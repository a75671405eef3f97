"""The workspace schema at work: constraints, cascades, timestamps, bulk writes, the audit log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from jlpanel.storage import insert_rows, record_change
from jlpanel.storage import workspace as ws
from jlpanel.storage.models import (
    Adjustment,
    Assignment,
    Attachment,
    AuditEntry,
    Base,
    BonusScore,
    Conflict,
    Cycle,
    Decision,
    DossierFinding,
    Expert,
    FundingLine,
    IndicatorScore,
    MajorEvent,
    Outcome,
    PanelOpinion,
    Platform,
    PlatformMetric,
    Regulation,
    Resource,
    Result,
    ReviewPackage,
    ScoreSheet,
    ServiceRecord,
    StaffMember,
    VetoClaim,
    WorkSummary,
)

PLATFORM_CHILDREN: tuple[type[Base], ...] = (
    Resource,
    ServiceRecord,
    Outcome,
    StaffMember,
    FundingLine,
    Regulation,
    MajorEvent,
    WorkSummary,
    Attachment,
    DossierFinding,
    PlatformMetric,
    Conflict,
    Assignment,
    ScoreSheet,
    IndicatorScore,
    VetoClaim,
    BonusScore,
    Adjustment,
    PanelOpinion,
    Result,
    Decision,
)


@pytest.fixture
def engine(any_store: str) -> Iterator[Engine]:
    """A new store on each engine: a .jlpanel file, then a PostgreSQL database."""
    engine = ws.create_workspace(ws.parse_location(any_store))
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return ws.session_factory(engine)


def count(session: Session, model: type[Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def full_platform(session: Session, cycle: Cycle, filing_no: str) -> Platform:
    """A platform with one row in every table that hangs off it."""
    platform = Platform(
        cycle=cycle,
        filing_no=filing_no,
        name="吉林省大型科学仪器资源库",
        name_en="Jilin Provincial Large Scientific Instrument Resource Center",
        host_unit="吉林大学",
        credit_code="12220000412755xxxx",
        period_start=date(2023, 1, 1),
        period_end=date(2024, 12, 31),
    )
    platform.resources.append(Resource(resource_code="R1", name="透射电镜", quantity=1))
    platform.service_records.append(
        ServiceRecord(service_date=date(2024, 3, 1), user_unit="长春某公司", resource_codes="R1")
    )
    platform.outcomes.append(Outcome(kind="论文", name="某论文"))
    platform.staff.append(StaffMember(name="李四", full_time=True))
    platform.funding_lines.append(FundingLine(year=2024, category="财政", amount_10k_yuan=50.0))
    platform.regulations.append(Regulation(name="共享服务管理办法"))
    platform.major_events.append(MajorEvent(kind="主要人员变动", reported=True))
    platform.work_summary = WorkSummary(text="工作总结……")
    platform.attachments.append(
        Attachment(name="a.pdf", media_type="application/pdf", size=3, sha256="0" * 64, data=b"%PD")
    )
    platform.findings.append(
        DossierFinding(
            severity="warning",
            sheet="服务记录",
            row=2,
            column="合同编号",
            code="paid_without_contract",
            message_zh="有偿服务缺少合同编号",
            message_en="Paid service without a contract number",
        )
    )
    platform.metrics.append(PlatformMetric(key="service_count", value=1))
    expert = Expert(cycle=cycle, name=f"专家{filing_no}", institution="吉林农业大学")
    session.add_all([platform, expert])
    session.flush()
    package = ReviewPackage(expert=expert, hmac_key=b"k" * 32, file_name="x.jlreview")
    sheet = ScoreSheet(expert=expert, platform=platform, provenance="paper", entered_by="秘书")
    sheet.indicator_scores.append(IndicatorScore(indicator_code="A1", points=8.5))
    sheet.veto_claims.append(VetoClaim(veto_code="fraud", reason="数据造假"))
    sheet.bonus_scores.append(BonusScore(item_code="X1", points=1))
    session.add_all(
        [
            package,
            sheet,
            Conflict(expert=expert, platform=platform, source="roster"),
            Assignment(expert=expert, platform=platform),
            Adjustment(platform=platform, adjusted_score=88, reason="合议", author="秘书"),
            PanelOpinion(platform=platform, text="同意"),
            Result(platform=platform, score=88, rank=1, grade="良好"),
            Decision(platform=platform, kind="funding_candidate", funding_rank=1),
        ]
    )
    session.flush()
    return platform


def test_deleting_a_platform_cascades_to_everything_under_it(sessions) -> None:
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
        doomed = full_platform(session, cycle, "JL-001")
        full_platform(session, cycle, "JL-002")
        doomed_id = doomed.id

    with sessions.begin() as session:
        for model in PLATFORM_CHILDREN:
            assert count(session, model) == 2, model.__name__
        # Core delete: the database, not the ORM, has to remove the children.
        session.execute(delete(Platform).where(Platform.id == doomed_id))

    with sessions() as session:
        assert count(session, Platform) == 1
        for model in PLATFORM_CHILDREN:
            assert count(session, model) == 1, model.__name__
        assert count(session, Expert) == 2  # experts belong to the cycle, not the platform
        assert count(session, ReviewPackage) == 2


def test_deleting_the_cycle_empties_the_workspace(sessions) -> None:
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
        full_platform(session, cycle, "JL-001")

    with sessions.begin() as session:
        session.execute(delete(Cycle))

    with sessions() as session:
        for model in (Platform, Expert, ReviewPackage, *PLATFORM_CHILDREN):
            assert count(session, model) == 0, model.__name__


def test_foreign_keys_are_enforced(sessions) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), sessions.begin() as session:
        session.add(Resource(platform_id=999, name="孤儿"))

    with sessions() as session:
        assert count(session, Resource) == 0


@pytest.mark.parametrize(
    "bad_row",
    [
        {"severity": "fatal"},
        {"provenance": "email"},
        {"source": "rumour"},
    ],
)
def test_check_constraints_refuse_unknown_values(sessions, bad_row: dict[str, str]) -> None:
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
        platform = full_platform(session, cycle, "JL-001")
        expert_id = session.scalars(select(Expert.id)).one()
        platform_id = platform.id
    (column, value) = next(iter(bad_row.items()))
    row: Base
    if column == "severity":
        row = DossierFinding(
            platform_id=platform_id, severity=value, code="x", message_zh="x", message_en="x"
        )
    elif column == "provenance":
        row = ScoreSheet(expert_id=expert_id, platform_id=platform_id, provenance=value)
    else:
        row = Conflict(expert_id=expert_id, platform_id=platform_id, source=value)

    with pytest.raises(IntegrityError, match=r"(?i)check constraint"), sessions.begin() as session:
        session.add(row)


def test_one_score_sheet_per_expert_and_platform(sessions) -> None:
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
        platform = full_platform(session, cycle, "JL-001")
        sheet = session.scalars(select(ScoreSheet)).one()
        expert_id, platform_id = sheet.expert_id, platform.id

    with pytest.raises(IntegrityError, match=r"(?i)unique"), sessions.begin() as session:
        session.add(ScoreSheet(expert_id=expert_id, platform_id=platform_id, provenance="package"))


def test_filing_number_is_unique_within_a_cycle_only(sessions) -> None:
    with sessions.begin() as session:
        first = Cycle(name="c1", rubric_json="{}", rules_json="{}")
        second = Cycle(name="c2", rubric_json="{}", rules_json="{}")
        session.add_all(
            [
                Platform(cycle=first, filing_no="JL-001", name="甲"),
                Platform(cycle=second, filing_no="JL-001", name="甲"),
            ]
        )

    with pytest.raises(IntegrityError, match=r"(?i)unique"), sessions.begin() as session:
        cycle = session.scalars(select(Cycle).where(Cycle.name == "c1")).one()
        session.add(Platform(cycle=cycle, filing_no="JL-001", name="乙"))


def test_timestamps_come_back_aware_and_in_utc(sessions) -> None:
    beijing = timezone(timedelta(hours=8))
    at = datetime(2025, 6, 1, 9, 30, 15, 123456, tzinfo=beijing)
    with sessions.begin() as session:
        session.add(AuditEntry(at=at, actor="秘书", action="edit", entity="result"))

    with sessions() as session:
        stored = session.scalars(select(AuditEntry.at)).one()
    assert stored == at
    assert stored.tzinfo is not None and stored.utcoffset() == timedelta(0)
    assert stored.hour == 1  # 09:30 in Beijing is 01:30 UTC


def test_a_naive_timestamp_is_refused(sessions) -> None:
    with pytest.raises(StatementError, match="naive datetime"), sessions.begin() as session:
        session.add(AuditEntry(at=datetime(2025, 6, 1), actor="x", action="y", entity="z"))


def test_defaults_fill_ids_and_times(sessions) -> None:
    before = datetime.now(UTC)
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
    assert len(cycle.id) == 36
    assert cycle.language == "zh"
    assert before <= cycle.created_at <= datetime.now(UTC)


def test_a_savepoint_rolls_back_only_its_own_work(sessions) -> None:
    # All-or-nothing import of one dossier inside a larger transaction relies on SAVEPOINT,
    # which sqlite3's legacy transaction handling breaks; the workspace engine fixes it.
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
        session.flush()
        session.add(Platform(cycle=cycle, filing_no="JL-001", name="好的"))
        with pytest.raises(IntegrityError), session.begin_nested():
            session.add(Platform(cycle=cycle, filing_no="JL-002", name="坏的"))
            session.flush()
            session.add(Resource(platform_id=999))
            session.flush()

    with sessions() as session:
        assert list(session.scalars(select(Platform.filing_no))) == ["JL-001"]


def test_a_released_savepoint_is_undone_with_its_transaction(sessions) -> None:
    # With sqlite3's legacy handling a SAVEPOINT opened first starts a transaction of its own
    # and its RELEASE commits it, so the outer rollback would not undo it.
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        session.add(cycle)
    cycle_id = cycle.id

    with pytest.raises(RuntimeError, match="abandon"), sessions.begin() as session:
        with session.begin_nested():
            session.add(Platform(cycle_id=cycle_id, filing_no="JL-001", name="甲"))
        raise RuntimeError("abandon the whole import")

    with sessions() as session:
        assert count(session, Platform) == 0


def test_reads_in_one_transaction_are_repeatable(sessions) -> None:
    with sessions.begin() as session:
        session.add(Cycle(name="c", rubric_json="{}", rules_json="{}"))

    with sessions() as reader, reader.begin():
        reader.connection(execution_options={ws.SNAPSHOT: True})  # as Workspace.reading
        assert count(reader, Cycle) == 1
        with sessions.begin() as writer:
            writer.add(Cycle(name="d", rubric_json="{}", rules_json="{}"))
        assert count(reader, Cycle) == 1  # the snapshot taken at the first read holds

    with sessions() as session:
        assert count(session, Cycle) == 2


def test_insert_rows_writes_ten_thousand_service_records(sessions) -> None:
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        platform = Platform(cycle=cycle, filing_no="JL-001", name="甲")
        session.add(platform)
        session.flush()
        platform_id = platform.id
        rows = (
            {
                "platform_id": platform_id,
                "source_row": i + 2,
                "service_date": date(2024, 1, 1) + timedelta(days=i % 365),
                "user_unit": f"用户单位{i % 97}",
                "user_type": "民营企业" if i % 3 == 0 else "高校",
                "is_external": i % 2 == 0,
                "volume": float(i),
                "fee_yuan": 100.0 if i % 5 == 0 else 0.0,
                "nature": "有偿" if i % 5 == 0 else "无偿",
                "satisfaction": 1 + i % 5,
            }
            for i in range(10_000)
        )
        written = insert_rows(session, ServiceRecord, rows, chunk_size=3_000)

    assert written == 10_000
    with sessions() as session:
        assert count(session, ServiceRecord) == 10_000
        assert session.scalar(select(func.sum(ServiceRecord.volume))) == sum(range(10_000))
        last = session.scalars(
            select(ServiceRecord).where(ServiceRecord.source_row == 10_001)
        ).one()
        assert last.platform_id == platform_id
        assert last.service_date == date(2024, 1, 1) + timedelta(days=9_999 % 365)
        assert last.is_external is False
        assert last.satisfaction == 5


def _sheet(session: Session) -> int:
    cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
    platform = Platform(cycle=cycle, filing_no="JL-001", name="甲")
    expert = Expert(cycle=cycle, name="专家甲")
    session.add_all([platform, expert])
    session.flush()
    sheet = ScoreSheet(
        expert_id=expert.id,
        platform_id=platform.id,
        provenance="paper",
        revision=1,
        submitted_at=datetime(2026, 5, 1, tzinfo=UTC),
        merged_at=datetime(2026, 5, 1, tzinfo=UTC),
    )
    session.add(sheet)
    session.flush()
    return sheet.id


def test_exact_points_come_back_as_the_decimals_stored(sessions) -> None:
    """Through the bulk path's own bind processor: every grid value, equal spellings, ints."""
    from decimal import Decimal

    values = [Decimal("7.5"), Decimal("7.50"), Decimal(8), 3, Decimal("0.25"), Decimal("-0.0")]
    with sessions.begin() as session:
        sheet_id = _sheet(session)
        insert_rows(
            session,
            IndicatorScore,
            ((sheet_id, f"A{n}", value, None) for n, value in enumerate(values)),
            columns=("sheet_id", "indicator_code", "points", "comment"),
        )
    with sessions() as session:
        query = select(IndicatorScore.indicator_code, IndicatorScore.points)
        stored = dict(session.execute(query).all())
    assert [stored[f"A{n}"] for n in range(len(values))] == values
    assert all(type(v) is Decimal for v in stored.values())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0.1000000000000000055511151231257827", "more digits than a score can keep"),
        ("NaN", "not a finite number"),
        ("Infinity", "not a finite number"),
    ],
)
def test_points_that_would_not_come_back_exactly_are_refused(
    sessions, value: str, message: str
) -> None:
    from decimal import Decimal

    with pytest.raises(ValueError, match=message), sessions.begin() as session:
        sheet_id = _sheet(session)
        insert_rows(
            session,
            IndicatorScore,
            [(sheet_id, "A1", Decimal(value), None)],
            columns=("sheet_id", "indicator_code", "points", "comment"),
        )
    with sessions() as session:
        assert count(session, IndicatorScore) == 0


def test_floats_bound_as_they_are_store_what_their_exact_values_store(sessions) -> None:
    """``as_is``: a score file's finite floats go to the driver unconverted, and store the
    very doubles (and read back as the very Decimals) that their exact values store."""
    from decimal import Decimal

    from jlpanel.domain.exact import to_decimal
    from jlpanel.storage.limits import TextTooLong

    floats = [7.5, 0.1, 10.0, 0.0, 2.25, 99.99, 1e-05]
    columns = ("sheet_id", "indicator_code", "points", "comment")
    with sessions.begin() as session:
        sheet_id = _sheet(session)
        insert_rows(
            session,
            IndicatorScore,
            ((sheet_id, f"F{n}", value, None) for n, value in enumerate(floats)),
            columns=columns,
            as_is=("points",),
        )
        insert_rows(
            session,
            IndicatorScore,
            ((sheet_id, f"D{n}", to_decimal(value), None) for n, value in enumerate(floats)),
            columns=columns,
        )
        with pytest.raises(TextTooLong):  # the rows as given are still measured
            insert_rows(
                session,
                IndicatorScore,
                [(sheet_id, "X" * 21, 1.0, None)],
                columns=columns,
                as_is=("points",),
            )
    with sessions() as session:
        raw = dict(
            session.execute(
                select(IndicatorScore.indicator_code, func.printf("%!.17g", IndicatorScore.points))
            ).all()
            if session.get_bind().dialect.name == "sqlite"
            else []
        )
        exact = dict(
            session.execute(select(IndicatorScore.indicator_code, IndicatorScore.points)).all()
        )
    for n, value in enumerate(floats):
        assert exact[f"F{n}"] == exact[f"D{n}"] == to_decimal(value)
        assert str(exact[f"F{n}"]) == str(exact[f"D{n}"])
        assert type(exact[f"F{n}"]) is Decimal
        if raw:
            assert raw[f"F{n}"] == raw[f"D{n}"]


def test_insert_rows_of_nothing_inserts_nothing(sessions) -> None:
    with sessions.begin() as session:
        assert insert_rows(session, AuditEntry, []) == 0
    with sessions() as session:
        assert count(session, AuditEntry) == 0


def test_insert_rows_is_undone_with_its_transaction(sessions) -> None:
    rows = [{"actor": "a", "action": "b", "entity": "c"}] * 3 + [
        {"actor": None, "action": "b", "entity": "c"}  # NOT NULL fails on the last chunk
    ]
    with pytest.raises(IntegrityError), sessions.begin() as session:
        insert_rows(session, AuditEntry, rows, chunk_size=2)
    with sessions() as session:
        assert count(session, AuditEntry) == 0


def test_record_change_keeps_old_and_new_values(sessions) -> None:
    with sessions.begin() as session:
        record_change(
            session,
            actor="秘书",
            action="adjust_score",
            entity="platform",
            entity_id=7,
            old={"score": 78.5, "grade": "合格"},
            new={"score": 80.0, "grade": "良好", "on": date(2025, 6, 1)},
        )

    with sessions() as session:
        entry = session.scalars(select(AuditEntry)).one()
    assert (entry.actor, entry.action, entry.entity, entry.entity_id) == (
        "秘书",
        "adjust_score",
        "platform",
        "7",
    )
    assert "良好" in entry.detail_json  # readable, not \\u-escaped
    assert json.loads(entry.detail_json) == {
        "old": {"score": 78.5, "grade": "合格"},
        "new": {"score": 80.0, "grade": "良好", "on": "2025-06-01"},
    }
    assert entry.at.tzinfo is not None


def test_attachment_data_loads_only_when_asked(sessions) -> None:
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        platform = Platform(cycle=cycle, filing_no="JL-001", name="甲")
        payload = bytes(range(256)) * 100
        platform.attachments.append(
            Attachment(
                name="证明.pdf",
                media_type="application/pdf",
                size=len(payload),
                sha256="0" * 64,
                data=payload,
            )
        )
        session.add(platform)

    with sessions() as session:
        attachment = session.scalars(select(Attachment)).one()
        assert "data" not in attachment.__dict__
        assert attachment.data == payload


def test_a_bulk_insert_that_fails_is_an_integrity_error_and_stores_nothing(sessions) -> None:
    # Resources have no Python-side defaults: the fast path (COPY on PostgreSQL) writes them.
    rows = [(None, 1, "透射电镜"), (999, 2, "扫描电镜")]
    with pytest.raises(IntegrityError), sessions.begin() as session:
        insert_rows(session, Resource, rows, columns=("platform_id", "source_row", "name"))
    with sessions() as session:
        assert count(session, Resource) == 0


def test_bulk_rows_are_stored_as_sqlalchemy_stores_them(sessions) -> None:
    """The bulk path hands a column on as it is when the type would not change its values
    (bools, floats) and turns SQLite's dates into text itself: what is stored must be what
    SQLAlchemy's own insert stores, value and type, for those columns and for the mixed ones
    (an int in a number column, 0/1 in a yes/no column, a missing date) that still go value
    by value."""
    from sqlalchemy import insert, text

    columns = ("source_row", "service_date", "is_external", "is_out_of_province", "volume")
    d = date(2024, 2, 29)
    uniform = [(2, d, True, False, 1.5), (3, d + timedelta(days=1), False, None, 2.0)]
    mixed = [(4, None, 1, 0, 3), (5, d, None, True, None), (6, d, 0, None, 0.25)]
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        bulk, core = (
            Platform(cycle=cycle, filing_no="A", name="甲"),
            Platform(cycle=cycle, filing_no="B", name="乙"),
        )
        session.add_all([bulk, core])
        session.flush()
        for rows in (uniform, mixed):
            insert_rows(
                session, ServiceRecord, rows, columns=columns, fixed={"platform_id": bulk.id}
            )
            session.execute(
                insert(ServiceRecord),
                [{"platform_id": core.id, **dict(zip(columns, row, strict=True))} for row in rows],
            )
        bulk_id, core_id = bulk.id, core.id

    def stored(session: Session, platform_id: int) -> list[tuple[object, ...]]:
        if session.get_bind().dialect.name == "sqlite":
            picked = ", ".join(f"typeof({c}), {c}" for c in columns)
        else:
            picked = ", ".join(columns)
        query = text(
            f"SELECT {picked} FROM service_records WHERE platform_id = :p ORDER BY source_row"
        )
        return [tuple(row) for row in session.execute(query, {"p": platform_id})]

    with sessions() as session:
        by_bulk, by_core = stored(session, bulk_id), stored(session, core_id)
    assert len(by_bulk) == 5
    assert by_bulk == by_core
    with sessions() as session:
        back = session.scalars(
            select(ServiceRecord).where(ServiceRecord.platform_id == bulk_id)
        ).all()
    assert [(r.service_date, r.is_external, r.volume) for r in back][:2] == [
        (d, True, 1.5),
        (d + timedelta(days=1), False, 2.0),
    ]


def test_a_time_every_bulk_row_shares_is_stored_as_the_driver_stores_it_row_by_row(
    sessions,
) -> None:
    """A fixed time (a merge's submitted and merged times on each sheet) is handed to SQLite's
    driver as the text its own adapter makes of it, once for the chunk instead of once a row:
    the rows must hold what the driver stores when each row brings the time itself (the
    bulk path before; on a server, SQLAlchemy's own insert), value and type, and read back
    as the same aware times."""
    from sqlalchemy import insert, text

    submitted = datetime(2026, 5, 18, 3, 7, 9, 123456, tzinfo=UTC)
    merged = datetime(2026, 5, 20, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    columns = ("expert_id", "platform_id", "overall_comment", "provenance", "revision")
    columns += ("submitted_at", "merged_at")
    with sessions.begin() as session:
        cycle = Cycle(name="c", rubric_json="{}", rules_json="{}")
        platforms = [Platform(cycle=cycle, filing_no=f"P{n}", name=f"平台{n}") for n in range(4)]
        bulk, rowwise = Expert(cycle=cycle, name="甲"), Expert(cycle=cycle, name="乙")
        session.add_all([*platforms, bulk, rowwise])
        session.flush()
        rows = [(p.id, f"意见{p.id}" if p.id % 2 else None) for p in platforms]
        insert_rows(
            session,
            ScoreSheet,
            rows,
            columns=("platform_id", "overall_comment"),
            fixed={"expert_id": bulk.id, "provenance": "paper", "revision": 1}
            | {"submitted_at": submitted, "merged_at": merged},
        )
        connection = session.connection()
        if connection.dialect.name == "sqlite":  # the times as naive UTC, each row its own
            naive = [t.astimezone(UTC).replace(tzinfo=None) for t in (submitted, merged)]
            connection.exec_driver_sql(
                f"INSERT INTO score_sheets ({', '.join(columns)}) VALUES "
                f"({', '.join('?' for _ in columns)})",
                [(rowwise.id, p, c, "paper", 1, *naive) for p, c in rows],
            )
        else:
            session.execute(
                insert(ScoreSheet),
                [
                    dict(
                        zip(columns, (rowwise.id, p, c, "paper", 1, submitted, merged), strict=True)
                    )
                    for p, c in rows
                ],
            )
        bulk_id, rowwise_id = bulk.id, rowwise.id

    picked = "platform_id, submitted_at, merged_at, overall_comment"
    if sessions.kw["bind"].dialect.name == "sqlite":
        picked += ", typeof(submitted_at), typeof(merged_at)"
    query = text(f"SELECT {picked} FROM score_sheets WHERE expert_id = :e ORDER BY platform_id")
    with sessions() as session:
        by_bulk = [tuple(r) for r in session.execute(query, {"e": bulk_id})]
        by_row = [tuple(r) for r in session.execute(query, {"e": rowwise_id})]
        back = session.scalars(select(ScoreSheet).where(ScoreSheet.expert_id == bulk_id)).all()
    assert len(by_bulk) == 4
    assert by_bulk == by_row
    assert {(s.submitted_at, s.merged_at) for s in back} == {(submitted, merged)}
