"""The tables of a cycle workspace (DESIGN §3), as SQLAlchemy 2 typed declarative models.

Portable SQL only: the same models serve an embedded SQLite file and a PostgreSQL server.
Every constraint is named through ``NAMING_CONVENTION`` so Alembic batch migrations can find
them on SQLite. Timestamps are timezone-aware UTC in Python whatever the backend stores.

Children of a platform, an expert or a score sheet are deleted by the database
(``ON DELETE CASCADE``); the relationships are ``passive_deletes`` so the ORM leaves it to it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Dialect,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from jlpanel.storage.columns import NAMING_CONVENTION as NAMING_CONVENTION
from jlpanel.storage.columns import UtcDateTime as UtcDateTime
from jlpanel.storage.columns import utc_now as utc_now

# Enumerations the storage layer itself guarantees; the domain owns the rest (grades, kinds).
FINDING_SEVERITIES = ("error", "warning")
CONFLICT_SOURCES = ("same_institution", "roster", "declared", "same_name")
SCORE_PROVENANCES = ("package", "paper")
VETO_RULINGS = ("confirm", "dismiss")
NAME_CHECK_DECISIONS = ("confirm", "clear")


def new_uuid() -> str:
    """A fresh random UUID as a 36-character string."""
    return str(uuid.uuid4())


def _bind_exact(value: Decimal | int | None) -> float | None:
    """``value`` as the double stored for it; ValueError when it would not come back exactly."""
    if value is None:
        return None
    exact = value if type(value) is Decimal else Decimal(value)
    if not exact.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    # Zero is not cached: 0 and -0.0 are equal keys but each keeps its own sign, as before.
    return _exact_float(exact) if exact else float(exact)


@lru_cache(maxsize=4096)  # a cycle's points are a few hundred values on the rubric's grid
def _exact_float(exact: Decimal) -> float:
    """The double that gives ``exact`` back; ValueError when none does.

    Equal decimals (7.50 and 7.5) share a cache entry, and they share the double too.
    """
    stored = float(exact)
    if Decimal(repr(stored)) != exact:  # numeric equality: 7.50 == 7.5
        raise ValueError(f"{exact!r} has more digits than a score can keep exactly")
    return stored


class ExactPoints(TypeDecorator[Decimal]):
    """Points and amounts as exact ``Decimal`` in Python, stored in a float column.

    A decimal of at most 15 significant digits survives the trip through a double exactly
    (``repr`` of the double gives back the same digits), and every score, threshold and
    amount in a cycle is far shorter than that. Values that would not come back exactly are
    refused rather than rounded.
    """

    impl = Float
    cache_ok = True

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> float | None:
        return _bind_exact(value)

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], float | None]:
        # The value is a float (or None) already, which every dialect's Float takes as it is;
        # skipping the generic wrapper saves a third of the cost of storing a merge's scores.
        return _bind_exact

    def process_result_value(self, value: float | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(repr(float(value)))


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    """The declarative base of every workspace table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


# ---------------------------------------------------------------------------------- cycle


class Cycle(Base):
    """An evaluation cycle: its name, period, rubric snapshot and rule settings."""

    __tablename__ = "cycles"
    # A store holds several cycles, told apart by name (``--cycle NAME``); added in 0005.
    __table_args__ = (UniqueConstraint("name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    name: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8), default="zh", server_default="zh")
    # The rubric snapshot document and the rule settings, as JSON text.
    rubric_json: Mapped[str] = mapped_column(Text)
    rules_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Check-out for a meeting without a network (added in 0005). In the store: the cycle is
    # checked out to ``checked_out_to`` (read-only here until it is checked in). In the file
    # a check-out wrote: ``checked_out_from`` names the store. ``checkout_token`` pairs the
    # two; ``checkout_digest`` is the cycle's rows as they were (JSON, table → digest).
    checkout_token: Mapped[str | None] = mapped_column(String(36))
    checked_out_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    checked_out_by: Mapped[str | None] = mapped_column(String(100))
    checked_out_to: Mapped[str | None] = mapped_column(Text)
    checked_out_from: Mapped[str | None] = mapped_column(Text)
    checkout_digest: Mapped[str | None] = mapped_column(Text)

    platforms: Mapped[list[Platform]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", passive_deletes=True
    )
    experts: Mapped[list[Expert]] = relationship(
        back_populates="cycle", cascade="all, delete-orphan", passive_deletes=True
    )


# ------------------------------------------------------------------------------- platform


def _dossier_children() -> dict[str, Any]:
    return {"back_populates": "platform", "cascade": "all, delete-orphan", "passive_deletes": True}


class Platform(Base):
    """A platform under evaluation, with the 基本信息 sheet of its dossier."""

    __tablename__ = "platforms"
    __table_args__ = (UniqueConstraint("cycle_id", "filing_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[str] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"), index=True)
    # 备案编号: the stable key of a platform across cycles.
    filing_no: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))  # 平台名称
    name_en: Mapped[str | None] = mapped_column(String(300))  # 英文名称
    filing_date: Mapped[date | None] = mapped_column(Date)  # 备案日期
    resource_type: Mapped[str | None] = mapped_column(String(50))  # 资源类型
    host_unit: Mapped[str | None] = mapped_column(String(200))  # 依托单位
    credit_code: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    registered_address: Mapped[str | None] = mapped_column(String(300))  # 注册地址
    supervising_department: Mapped[str | None] = mapped_column(String(200))  # 归口管理部门
    director: Mapped[str | None] = mapped_column(String(100))  # 平台负责人
    contact_person: Mapped[str | None] = mapped_column(String(100))  # 联系人
    contact_phone: Mapped[str | None] = mapped_column(String(50))  # 联系电话
    email: Mapped[str | None] = mapped_column(String(200))  # 电子邮箱
    portal_url: Mapped[str | None] = mapped_column(String(500))  # 门户网址
    service_start_date: Mapped[date | None] = mapped_column(Date)  # 对外服务起始日期
    period_start: Mapped[date | None] = mapped_column(Date)  # 考核期起
    period_end: Mapped[date | None] = mapped_column(Date)  # 考核期止
    source_file: Mapped[str | None] = mapped_column(String(500))
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(default=utc_now)

    cycle: Mapped[Cycle] = relationship(back_populates="platforms")
    resources: Mapped[list[Resource]] = relationship(**_dossier_children())
    service_records: Mapped[list[ServiceRecord]] = relationship(**_dossier_children())
    outcomes: Mapped[list[Outcome]] = relationship(**_dossier_children())
    staff: Mapped[list[StaffMember]] = relationship(**_dossier_children())
    funding_lines: Mapped[list[FundingLine]] = relationship(**_dossier_children())
    regulations: Mapped[list[Regulation]] = relationship(**_dossier_children())
    major_events: Mapped[list[MajorEvent]] = relationship(**_dossier_children())
    work_summary: Mapped[WorkSummary | None] = relationship(**_dossier_children())
    attachments: Mapped[list[Attachment]] = relationship(**_dossier_children())
    findings: Mapped[list[DossierFinding]] = relationship(**_dossier_children())
    metrics: Mapped[list[PlatformMetric]] = relationship(**_dossier_children())


def _cycle_fk() -> Mapped[str]:
    return mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"), index=True)


def _platform_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("platforms.id", ondelete="CASCADE"), index=True)


class Resource(Base):
    """A row of 资源目录."""

    __tablename__ = "resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]  # the workbook row it came from
    resource_code: Mapped[str | None] = mapped_column(String(100))  # 资源编号
    name: Mapped[str | None] = mapped_column(String(300))  # 资源名称
    category: Mapped[str | None] = mapped_column(String(100))  # 资源类别
    quantity: Mapped[float | None] = mapped_column(Float)  # 数量
    unit: Mapped[str | None] = mapped_column(String(50))  # 计量单位
    original_value: Mapped[float | None] = mapped_column(Float)  # 原值(万元)
    funding_source: Mapped[str | None] = mapped_column(String(200))  # 经费来源
    stored_on: Mapped[date | None] = mapped_column(Date)  # 入库日期
    open_share: Mapped[bool | None] = mapped_column(Boolean)  # 是否开放共享
    share_mode: Mapped[str | None] = mapped_column(String(100))  # 共享方式
    online_status: Mapped[str | None] = mapped_column(String(100))  # 在线状态

    platform: Mapped[Platform] = relationship(back_populates="resources")


class ServiceRecord(Base):
    """A row of 服务记录."""

    __tablename__ = "service_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    service_date: Mapped[date | None] = mapped_column(Date)  # 服务日期
    user_unit: Mapped[str | None] = mapped_column(String(300))  # 用户单位
    user_type: Mapped[str | None] = mapped_column(String(50))  # 用户类型
    is_external: Mapped[bool | None] = mapped_column(Boolean)  # 是否外单位
    is_out_of_province: Mapped[bool | None] = mapped_column(Boolean)  # 是否省外
    content: Mapped[str | None] = mapped_column(Text)  # 服务内容
    resource_codes: Mapped[str | None] = mapped_column(Text)  # 使用资源编号 (may list several)
    volume: Mapped[float | None] = mapped_column(Float)  # 服务量
    unit: Mapped[str | None] = mapped_column(String(50))  # 计量单位
    fee_yuan: Mapped[float | None] = mapped_column(Float)  # 收费金额(元)
    nature: Mapped[str | None] = mapped_column(String(20))  # 服务性质: 无偿/有偿
    contract_no: Mapped[str | None] = mapped_column(String(100))  # 合同编号
    public_interest_category: Mapped[str | None] = mapped_column(String(100))  # 公益类别
    supported_project: Mapped[str | None] = mapped_column(String(300))  # 支撑项目
    satisfaction: Mapped[int | None]  # 满意度 1–5

    platform: Mapped[Platform] = relationship(back_populates="service_records")


class Outcome(Base):
    """A row of 服务成效."""

    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    kind: Mapped[str | None] = mapped_column(String(50))  # 类型
    name: Mapped[str | None] = mapped_column(String(500))  # 名称
    outcome_date: Mapped[date | None] = mapped_column(Date)  # 日期
    level: Mapped[str | None] = mapped_column(String(50))  # 级别
    description: Mapped[str | None] = mapped_column(Text)  # 说明
    evidence: Mapped[str | None] = mapped_column(String(500))  # 佐证材料 (attachment name)

    platform: Mapped[Platform] = relationship(back_populates="outcomes")


class StaffMember(Base):
    """A row of 人员."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    name: Mapped[str | None] = mapped_column(String(100))  # 姓名
    role: Mapped[str | None] = mapped_column(String(100))  # 岗位
    full_time: Mapped[bool | None] = mapped_column(Boolean)  # 专职/兼职
    title: Mapped[str | None] = mapped_column(String(100))  # 职称
    education: Mapped[str | None] = mapped_column(String(50))  # 学历
    effort_share: Mapped[float | None] = mapped_column(Float)  # 投入比例 (0–1)

    platform: Mapped[Platform] = relationship(back_populates="staff")


class FundingLine(Base):
    """A row of 经费."""

    __tablename__ = "funding_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    year: Mapped[int | None]  # 年度
    category: Mapped[str | None] = mapped_column(String(50))  # 类别 (财政/…/运行维护/…)
    is_income: Mapped[bool | None] = mapped_column(Boolean)  # 收入 (true) or 支出 (false)
    amount_10k_yuan: Mapped[float | None] = mapped_column(Float)  # 金额(万元)

    platform: Mapped[Platform] = relationship(back_populates="funding_lines")


class Regulation(Base):
    """A row of 管理制度."""

    __tablename__ = "regulations"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    name: Mapped[str | None] = mapped_column(String(300))  # 制度名称
    document_no: Mapped[str | None] = mapped_column(String(100))  # 文号
    issued_on: Mapped[date | None] = mapped_column(Date)  # 发布日期

    platform: Mapped[Platform] = relationship(back_populates="regulations")


class MajorEvent(Base):
    """A row of 重大事项."""

    __tablename__ = "major_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    event_date: Mapped[date | None] = mapped_column(Date)  # 日期
    kind: Mapped[str | None] = mapped_column(String(50))  # 类型
    description: Mapped[str | None] = mapped_column(Text)  # 说明
    reported: Mapped[bool | None] = mapped_column(Boolean)  # 是否已报备

    platform: Mapped[Platform] = relationship(back_populates="major_events")


class WorkSummary(Base):
    """The 工作总结 of a platform: its text, or the name of the attachment that holds it."""

    __tablename__ = "work_summaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("platforms.id", ondelete="CASCADE"), index=True, unique=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    attachment_name: Mapped[str | None] = mapped_column(String(300))

    platform: Mapped[Platform] = relationship(back_populates="work_summary")


class Attachment(Base):
    """A PDF or image that came with a dossier; ``data`` loads only when read."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("platform_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)

    platform: Mapped[Platform] = relationship(back_populates="attachments")


class DossierFinding(Base):
    """A problem found in a dossier, where it is and what to do about it."""

    __tablename__ = "dossier_findings"
    __table_args__ = (CheckConstraint(_in("severity", FINDING_SEVERITIES), name="severity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    severity: Mapped[str] = mapped_column(String(10))
    sheet: Mapped[str | None] = mapped_column(String(50))
    row: Mapped[int | None]
    column: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(50))
    message_zh: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    # How to fix it (added in revision 0002).
    fix_zh: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    fix_en: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))

    platform: Mapped[Platform] = relationship(back_populates="findings")


class PlatformMetric(Base):
    """An objective metric computed from a dossier (keys from ``jlpanel.domain.metrics``)."""

    __tablename__ = "platform_metrics"
    __table_args__ = (UniqueConstraint("platform_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[float | None] = mapped_column(Float)

    platform: Mapped[Platform] = relationship(back_populates="metrics")


# -------------------------------------------------------------------------------- experts


def _expert_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("experts.id", ondelete="CASCADE"), index=True)


class Expert(Base):
    """A reviewer on the roster of a cycle."""

    __tablename__ = "experts"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[str] = mapped_column(ForeignKey("cycles.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))  # 姓名
    institution: Mapped[str | None] = mapped_column(String(200))  # 工作单位
    title: Mapped[str | None] = mapped_column(String(100))  # 职称
    field: Mapped[str | None] = mapped_column(String(200))  # 专业领域
    contact: Mapped[str | None] = mapped_column(String(200))  # 联系方式
    avoid_units: Mapped[str | None] = mapped_column(Text)  # 回避单位, as listed on the roster

    cycle: Mapped[Cycle] = relationship(back_populates="experts")
    conflicts: Mapped[list[Conflict]] = relationship(
        back_populates="expert", cascade="all, delete-orphan", passive_deletes=True
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="expert", cascade="all, delete-orphan", passive_deletes=True
    )
    packages: Mapped[list[ReviewPackage]] = relationship(
        back_populates="expert", cascade="all, delete-orphan", passive_deletes=True
    )


class Conflict(Base):
    """A conflict of interest (回避) between an expert and a platform, and where it came from."""

    __tablename__ = "conflicts"
    __table_args__ = (
        UniqueConstraint("expert_id", "platform_id", "source"),
        CheckConstraint(_in("source", CONFLICT_SOURCES), name="source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = _expert_fk()
    platform_id: Mapped[int] = _platform_fk()
    source: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)

    expert: Mapped[Expert] = relationship(back_populates="conflicts")
    platform: Mapped[Platform] = relationship()


class NameCheck(Base):
    """Staff's decision on an expert who shares a name with someone a dossier names.

    ``confirm``: the same person (a ``same_name`` conflict is stored with it); ``clear``: not
    the same person. ``reason`` is the same-name finding (in Chinese) the decision was made
    on, so a clearing no longer holds once the dossier names the expert differently. Added in
    revision 0004.
    """

    __tablename__ = "name_checks"
    __table_args__ = (
        UniqueConstraint("expert_id", "platform_id"),
        CheckConstraint(_in("decision", NAME_CHECK_DECISIONS), name="decision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = _expert_fk()
    platform_id: Mapped[int] = _platform_fk()
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(default=utc_now)

    expert: Mapped[Expert] = relationship()
    platform: Mapped[Platform] = relationship()


class Assignment(Base):
    """An expert assigned to review a platform."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("expert_id", "platform_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = _expert_fk()
    platform_id: Mapped[int] = _platform_fk()

    expert: Mapped[Expert] = relationship(back_populates="assignments")
    platform: Mapped[Platform] = relationship()


class ReviewPackage(Base):
    """A review package issued to an expert; the workspace keeps its signing key."""

    __tablename__ = "review_packages"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    expert_id: Mapped[int] = _expert_fk()
    issued_at: Mapped[datetime] = mapped_column(default=utc_now)
    hmac_key: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[str] = mapped_column(String(300))
    # The highest score-file revision merged from this package (0: none yet).
    revision_merged: Mapped[int] = mapped_column(default=0, server_default="0")

    expert: Mapped[Expert] = relationship(back_populates="packages")


# --------------------------------------------------------------------------------- scores


class ScoreSheet(Base):
    """One expert's scores for one platform, from a signed score file or a paper sheet."""

    __tablename__ = "score_sheets"
    __table_args__ = (
        UniqueConstraint("expert_id", "platform_id"),
        CheckConstraint(_in("provenance", SCORE_PROVENANCES), name="provenance"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    expert_id: Mapped[int] = _expert_fk()
    platform_id: Mapped[int] = _platform_fk()
    package_id: Mapped[str | None] = mapped_column(
        ForeignKey("review_packages.id", ondelete="SET NULL"), index=True
    )
    provenance: Mapped[str] = mapped_column(String(10))
    revision: Mapped[int] = mapped_column(default=0, server_default="0")
    source_file: Mapped[str | None] = mapped_column(String(500))
    submitted_at: Mapped[datetime | None]
    merged_at: Mapped[datetime] = mapped_column(default=utc_now)
    entered_by: Mapped[str | None] = mapped_column(String(100))  # who typed a paper sheet in
    overall_comment: Mapped[str | None] = mapped_column(Text)

    expert: Mapped[Expert] = relationship()
    platform: Mapped[Platform] = relationship()
    indicator_scores: Mapped[list[IndicatorScore]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", passive_deletes=True
    )
    veto_claims: Mapped[list[VetoClaim]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", passive_deletes=True
    )
    bonus_scores: Mapped[list[BonusScore]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan", passive_deletes=True
    )


def _sheet_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("score_sheets.id", ondelete="CASCADE"), index=True)


class IndicatorScore(Base):
    """The points (and comment) an expert gave one indicator."""

    __tablename__ = "indicator_scores"
    __table_args__ = (UniqueConstraint("sheet_id", "indicator_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = _sheet_fk()
    indicator_code: Mapped[str] = mapped_column(String(20))
    points: Mapped[Decimal] = mapped_column(ExactPoints)
    comment: Mapped[str | None] = mapped_column(Text)

    sheet: Mapped[ScoreSheet] = relationship(back_populates="indicator_scores")


class VetoClaim(Base):
    """An expert's claim that a veto (一票否决) applies, with the reason."""

    __tablename__ = "veto_claims"
    __table_args__ = (UniqueConstraint("sheet_id", "veto_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = _sheet_fk()
    veto_code: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)

    sheet: Mapped[ScoreSheet] = relationship(back_populates="veto_claims")


class BonusScore(Base):
    """Points an expert gave an optional bonus item."""

    __tablename__ = "bonus_scores"
    __table_args__ = (UniqueConstraint("sheet_id", "item_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = _sheet_fk()
    item_code: Mapped[str] = mapped_column(String(20))
    points: Mapped[Decimal] = mapped_column(ExactPoints)

    sheet: Mapped[ScoreSheet] = relationship(back_populates="bonus_scores")


# ------------------------------------------------------------------------------- outcomes


class Adjustment(Base):
    """A consensus-round adjusted score for a platform, with its written reason."""

    __tablename__ = "adjustments"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    adjusted_score: Mapped[Decimal] = mapped_column(ExactPoints)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utc_now)

    platform: Mapped[Platform] = relationship()


class PanelOpinion(Base):
    """The panel's opinion (专家组意见) on a platform."""

    __tablename__ = "panel_opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("platforms.id", ondelete="CASCADE"), index=True, unique=True
    )
    text: Mapped[str] = mapped_column(Text, default="")

    platform: Mapped[Platform] = relationship()


class Result(Base):
    """A platform's computed score, rank and grade."""

    __tablename__ = "results"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("platforms.id", ondelete="CASCADE"), index=True, unique=True
    )
    score: Mapped[Decimal | None] = mapped_column(ExactPoints)
    rank: Mapped[int | None]
    grade: Mapped[str | None] = mapped_column(String(20))
    is_final: Mapped[bool] = mapped_column(default=False, server_default=false())
    computed_at: Mapped[datetime] = mapped_column(default=utc_now)
    # Statistics, area scores, flags… as JSON text.
    details_json: Mapped[str] = mapped_column(Text, default="{}")

    platform: Mapped[Platform] = relationship()


class Decision(Base):
    """What follows from a result: funding candidate, rectification, loss of status…"""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    kind: Mapped[str] = mapped_column(String(30))
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str | None] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(Text)
    funding_rank: Mapped[int | None]
    funding_amount: Mapped[Decimal | None] = mapped_column(ExactPoints)

    platform: Mapped[Platform] = relationship()


class HistoryEntry(Base):
    """A platform's grade in an earlier cycle, from an earlier workspace or a history sheet."""

    __tablename__ = "history_entries"
    __table_args__ = (UniqueConstraint("filing_no", "cycle_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    filing_no: Mapped[str] = mapped_column(String(64), index=True)
    platform_name: Mapped[str | None] = mapped_column(String(200))
    cycle_name: Mapped[str] = mapped_column(String(200))
    cycle_end: Mapped[date | None] = mapped_column(Date)
    grade: Mapped[str] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(500))
    # Added in revision 0003: what that cycle decided, so a loss of status or a bar carries
    # into later cycles even when that cycle's result was not final.
    decision: Mapped[str | None] = mapped_column(String(30))
    barred: Mapped[bool] = mapped_column(default=False, server_default=false())
    is_final: Mapped[bool] = mapped_column(default=True, server_default=true())


class TieOrder(Base):
    """The order the panel decided for platforms tied where it matters (并列), with why.

    ``filing_nos_json`` lists filing numbers best first. The latest order whose list holds
    every member of a tied group decides that group.
    """

    __tablename__ = "tie_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The cycle whose ties it orders (added in 0005, when a store came to hold several).
    cycle_id: Mapped[str] = _cycle_fk()
    filing_nos_json: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utc_now)


class VetoRuling(Base):
    """The panel's ruling on experts' veto claims for one platform: confirmed or dismissed.

    The latest ruling per (platform, veto code) is in force.
    """

    __tablename__ = "veto_rulings"
    __table_args__ = (CheckConstraint(_in("ruling", VETO_RULINGS), name="ruling"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    veto_code: Mapped[str] = mapped_column(String(20))
    ruling: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utc_now)

    platform: Mapped[Platform] = relationship()


class Confirmation(Base):
    """The panel fixed the cycle's results (确定结果) on ``confirmed_on``.

    ``snapshot_json`` keeps what was confirmed, per filing number (score, grade, rank,
    decision, deadline, barred), so a later recompute can show what changed. The results are
    confirmed while the latest confirmation has not been reopened (``reopened_at`` is NULL).
    """

    __tablename__ = "confirmations"

    id: Mapped[int] = mapped_column(primary_key=True)
    cycle_id: Mapped[str] = _cycle_fk()  # added in 0005
    confirmed_on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    author: Mapped[str] = mapped_column(String(100))
    snapshot_json: Mapped[str] = mapped_column(Text, default="{}")
    reopened_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reopened_by: Mapped[str | None] = mapped_column(String(100))
    reopen_reason: Mapped[str | None] = mapped_column(Text)


class AuditEntry(Base):
    """One change to the workspace: who, when, what, and old → new as JSON."""

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_entity_entity_id", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The cycle changed (added in 0005); NULL for a change to the store itself.
    cycle_id: Mapped[str | None] = mapped_column(
        ForeignKey("cycles.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    detail_json: Mapped[str] = mapped_column(Text, default="{}")


# ------------------------------------------------------------------------------- register
# The store's register of platforms across cycles (平台名录, DESIGN §3). These tables hang off
# no cycle's rows: a cycle's name and period end are copied in, so the register outlives a
# cycle removed from the store.

REGISTER_STATUSES = ("listed", "rectify", "disqualified", "barred")
REGISTER_ORIGINS = ("confirmation", "history", "rectification")
REVIEW_RESULTS = ("pass", "fail")


class RegisterEntry(Base):
    """A platform in the register by its 备案编号: its registration facts and current status.

    The status is the one the latest live status event set (:class:`RegisterEvent`);
    ``deadline`` is the open rectification's, ``barred_until`` None means without end.
    """

    __tablename__ = "register_entries"
    __table_args__ = (CheckConstraint(_in("status", REGISTER_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    filing_no: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str | None] = mapped_column(Text)
    host_unit: Mapped[str | None] = mapped_column(Text)
    first_cycle: Mapped[str | None] = mapped_column(Text)
    last_cycle: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="listed", server_default="listed")
    status_since: Mapped[date | None] = mapped_column(Date)
    status_reason: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    barred_until: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(default=utc_now)

    events: Mapped[list[RegisterEvent]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="RegisterEvent.id",
    )
    rectifications: Mapped[list[Rectification]] = relationship(
        back_populates="entry",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Rectification.id",
    )


class RegisterEvent(Base):
    """One line of a platform's status history: a cycle's grade and decision (confirmed in
    this store or imported as history), or a follow-up that changed the status.

    ``from_status`` → ``to_status`` is the change it made (equal when it changed nothing).
    A reverted event (its confirmation reopened, its history replaced) stays as a record and
    counts for nothing.
    """

    __tablename__ = "register_events"
    __table_args__ = (
        CheckConstraint(_in("origin", REGISTER_ORIGINS), name="origin"),
        CheckConstraint(_in("to_status", REGISTER_STATUSES), name="to_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("register_entries.id", ondelete="CASCADE"), index=True
    )
    origin: Mapped[str] = mapped_column(String(20))
    #: Which confirmation (cycle id and confirmation id) or which history file wrote it.
    origin_ref: Mapped[str | None] = mapped_column(Text)
    cycle_name: Mapped[str | None] = mapped_column(Text)
    cycle_end: Mapped[date | None] = mapped_column(Date)
    grade: Mapped[str | None] = mapped_column(String(20))
    decision: Mapped[str | None] = mapped_column(String(30))
    barred: Mapped[bool] = mapped_column(default=False, server_default=false())
    is_final: Mapped[bool] = mapped_column(default=True, server_default=true())
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    effective_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utc_now)
    reverted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reverted_by: Mapped[str | None] = mapped_column(String(100))
    revert_reason: Mapped[str | None] = mapped_column(Text)

    entry: Mapped[RegisterEntry] = relationship(back_populates="events")


class Rectification(Base):
    """A 限期整改 and its follow-up: the 整改报告 (the file itself, its name and digest) and
    the 复核 (通过 / 未通过, why, when)."""

    __tablename__ = "register_rectifications"
    __table_args__ = (CheckConstraint(_in("review", REVIEW_RESULTS), name="review"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("register_entries.id", ondelete="CASCADE"), index=True
    )
    cycle_name: Mapped[str] = mapped_column(Text)
    ordered_on: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    origin_ref: Mapped[str | None] = mapped_column(Text)
    report_received_on: Mapped[date | None] = mapped_column(Date)
    report_name: Mapped[str | None] = mapped_column(Text)
    report_sha256: Mapped[str | None] = mapped_column(String(64))
    report_data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    review: Mapped[str | None] = mapped_column(String(10))
    review_reason: Mapped[str | None] = mapped_column(Text)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    #: Withdrawn with the confirmation that ordered it (reopened); kept as a record.
    reverted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    entry: Mapped[RegisterEntry] = relationship(back_populates="rectifications")
