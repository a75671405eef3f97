"""The tables of a review package (``*.jlreview``, DESIGN §3), one expert's self-contained file.

A package is not migrated with Alembic: it lives for one meeting. ``package_meta`` holds a
``format_version`` (also written to ``PRAGMA user_version``) and a reader refuses a newer one.
The format is a contract between the issuing workspace and the expert's copy of jlpanel:
change a table here and bump :data:`PACKAGE_FORMAT_VERSION`.

Three groups of tables:

* the package itself: ``package_meta`` (one row: cycle, expert, key, revision, lock state);
* the assigned platforms' dossiers, with the workspace's ids and the same columns as the
  workspace tables of the same names, so they are copied with ``INSERT … SELECT``;
* the expert's own work, saved on every edit: declarations, scores, vetoes, bonus points,
  overall comments, the edit journal (undo/redo) and the submissions made.

Nothing of any other expert is ever written here (DESIGN §7 "Confidentiality").
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Final

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from jlpanel.storage.columns import NAMING_CONVENTION, UtcDateTime, utc_now

#: The package format this code writes and the newest it reads.
PACKAGE_FORMAT_VERSION: Final = 1
#: ``PRAGMA application_id`` of a package, "JLRV"; a workspace is "JLPN".
PACKAGE_APPLICATION_ID: Final = 0x4A4C5256
#: Declaration states: declared no conflict, or a declared conflict (回避) with its reason.
DECLARATION_STATES: Final = ("none", "conflict")


class PackageBase(DeclarativeBase):
    """The declarative base of every package table (separate from the workspace's)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


# ------------------------------------------------------------------------------- the package


class PackageMeta(PackageBase):
    """The one row describing the package: whose it is, for which cycle, and its state."""

    __tablename__ = "package_meta"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    #: Never moves or changes type in any format: readers look at it before anything else.
    format_version: Mapped[int]
    package_id: Mapped[str] = mapped_column(String(36))
    cycle_id: Mapped[str] = mapped_column(String(36))
    cycle_name: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    #: The expert's id in the issuing workspace.
    expert_id: Mapped[int]
    expert_name: Mapped[str] = mapped_column(String(100))
    #: The HMAC-SHA256 key that signs this package's score files (the workspace keeps a copy).
    hmac_key: Mapped[bytes] = mapped_column(LargeBinary)
    issued_at: Mapped[datetime]
    #: The jlpanel version that issued the package.
    app_version: Mapped[str] = mapped_column(String(40))
    #: The cycle's rubric snapshot and rule settings (the rules for display only), as JSON.
    rubric_json: Mapped[str] = mapped_column(Text)
    rules_json: Mapped[str] = mapped_column(Text)
    #: The revision of the last score file submitted (0: none yet).
    revision: Mapped[int] = mapped_column(default=0)
    #: Submitted and not reopened: edits are refused.
    locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


# ------------------------------------------------------------------ the assigned platforms


def _platform_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("platforms.id", ondelete="CASCADE"), index=True)


class PackagePlatform(PackageBase):
    """An assigned platform with its 基本信息 (the workspace's id and columns)."""

    __tablename__ = "platforms"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    #: Display order on the expert's desk.
    position: Mapped[int]
    filing_no: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(300))
    filing_date: Mapped[date | None] = mapped_column(Date)
    resource_type: Mapped[str | None] = mapped_column(String(50))
    host_unit: Mapped[str | None] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    registered_address: Mapped[str | None] = mapped_column(String(300))
    supervising_department: Mapped[str | None] = mapped_column(String(200))
    director: Mapped[str | None] = mapped_column(String(100))
    contact_person: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    portal_url: Mapped[str | None] = mapped_column(String(500))
    service_start_date: Mapped[date | None] = mapped_column(Date)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)


class PackageResource(PackageBase):
    """A row of 资源目录."""

    __tablename__ = "resources"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    resource_code: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(50))
    original_value: Mapped[float | None] = mapped_column(Float)
    funding_source: Mapped[str | None] = mapped_column(String(200))
    stored_on: Mapped[date | None] = mapped_column(Date)
    open_share: Mapped[bool | None] = mapped_column(Boolean)
    share_mode: Mapped[str | None] = mapped_column(String(100))
    online_status: Mapped[str | None] = mapped_column(String(100))


class PackageServiceRecord(PackageBase):
    """A row of 服务记录."""

    __tablename__ = "service_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    service_date: Mapped[date | None] = mapped_column(Date)
    user_unit: Mapped[str | None] = mapped_column(String(300))
    user_type: Mapped[str | None] = mapped_column(String(50))
    is_external: Mapped[bool | None] = mapped_column(Boolean)
    is_out_of_province: Mapped[bool | None] = mapped_column(Boolean)
    content: Mapped[str | None] = mapped_column(Text)
    resource_codes: Mapped[str | None] = mapped_column(Text)
    volume: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(50))
    fee_yuan: Mapped[float | None] = mapped_column(Float)
    nature: Mapped[str | None] = mapped_column(String(20))
    contract_no: Mapped[str | None] = mapped_column(String(100))
    public_interest_category: Mapped[str | None] = mapped_column(String(100))
    supported_project: Mapped[str | None] = mapped_column(String(300))
    satisfaction: Mapped[int | None]


class PackageOutcome(PackageBase):
    """A row of 服务成效."""

    __tablename__ = "outcomes"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    kind: Mapped[str | None] = mapped_column(String(50))
    name: Mapped[str | None] = mapped_column(String(500))
    outcome_date: Mapped[date | None] = mapped_column(Date)
    level: Mapped[str | None] = mapped_column(String(50))
    description: Mapped[str | None] = mapped_column(Text)
    evidence: Mapped[str | None] = mapped_column(String(500))


class PackageStaffMember(PackageBase):
    """A row of 人员."""

    __tablename__ = "staff_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    name: Mapped[str | None] = mapped_column(String(100))
    role: Mapped[str | None] = mapped_column(String(100))
    full_time: Mapped[bool | None] = mapped_column(Boolean)
    title: Mapped[str | None] = mapped_column(String(100))
    education: Mapped[str | None] = mapped_column(String(50))
    effort_share: Mapped[float | None] = mapped_column(Float)


class PackageFundingLine(PackageBase):
    """A row of 经费."""

    __tablename__ = "funding_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    year: Mapped[int | None]
    category: Mapped[str | None] = mapped_column(String(50))
    is_income: Mapped[bool | None] = mapped_column(Boolean)
    amount_10k_yuan: Mapped[float | None] = mapped_column(Float)


class PackageRegulation(PackageBase):
    """A row of 管理制度."""

    __tablename__ = "regulations"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    name: Mapped[str | None] = mapped_column(String(300))
    document_no: Mapped[str | None] = mapped_column(String(100))
    issued_on: Mapped[date | None] = mapped_column(Date)


class PackageMajorEvent(PackageBase):
    """A row of 重大事项."""

    __tablename__ = "major_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    source_row: Mapped[int | None]
    event_date: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str | None] = mapped_column(String(50))
    description: Mapped[str | None] = mapped_column(Text)
    reported: Mapped[bool | None] = mapped_column(Boolean)


class PackageWorkSummary(PackageBase):
    """The 工作总结 of a platform."""

    __tablename__ = "work_summaries"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("platforms.id", ondelete="CASCADE"), index=True, unique=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    attachment_name: Mapped[str | None] = mapped_column(String(300))


class PackageAttachment(PackageBase):
    """A PDF or image of a dossier; ``data`` loads only when read."""

    __tablename__ = "attachments"
    __table_args__ = (UniqueConstraint("platform_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class PackageFinding(PackageBase):
    """A warning found in a dossier at import (shown to the expert beside the facts)."""

    __tablename__ = "dossier_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    severity: Mapped[str] = mapped_column(String(10))
    sheet: Mapped[str | None] = mapped_column(String(50))
    row: Mapped[int | None]
    column: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(50))
    message_zh: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    fix_zh: Mapped[str] = mapped_column(Text, default="")
    fix_en: Mapped[str] = mapped_column(Text, default="")


class PackageMetric(PackageBase):
    """An objective metric computed from a dossier."""

    __tablename__ = "platform_metrics"
    __table_args__ = (UniqueConstraint("platform_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = _platform_fk()
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[float | None] = mapped_column(Float)


#: Dossier row sheets: the Dossier attribute and its table, named as in the workspace
#: (``jlpanel.storage.dossiers.ROW_TABLES``; a test keeps the two alike).
ROW_TABLES: Final[tuple[tuple[str, type[PackageBase]], ...]] = (
    ("resources", PackageResource),
    ("services", PackageServiceRecord),
    ("outcomes", PackageOutcome),
    ("staff", PackageStaffMember),
    ("funding", PackageFundingLine),
    ("regulations", PackageRegulation),
    ("major_events", PackageMajorEvent),
)

#: The dossier tables copied from the workspace, children of ``platforms`` (in copy order).
DOSSIER_CHILD_TABLES: Final[tuple[type[PackageBase], ...]] = (
    PackageResource,
    PackageServiceRecord,
    PackageOutcome,
    PackageStaffMember,
    PackageFundingLine,
    PackageRegulation,
    PackageMajorEvent,
    PackageWorkSummary,
    PackageAttachment,
    PackageFinding,
    PackageMetric,
)

# ------------------------------------------------------------------------ the expert's work


def _work_platform_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("platforms.id", ondelete="CASCADE"), primary_key=True)


class Declaration(PackageBase):
    """The expert's 回避 declaration for a platform: no conflict, or a conflict and why."""

    __tablename__ = "declarations"
    __table_args__ = (
        CheckConstraint("state IN ('none', 'conflict')", name="state"),
        CheckConstraint("state = 'none' OR length(trim(reason)) > 0", name="conflict_reason"),
    )

    platform_id: Mapped[int] = _work_platform_fk()
    state: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text, default="")
    declared_at: Mapped[datetime] = mapped_column(default=utc_now)


class Score(PackageBase):
    """The expert's points and comment for one indicator of one platform."""

    __tablename__ = "scores"

    platform_id: Mapped[int] = _work_platform_fk()
    indicator_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    points: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)


class VetoMark(PackageBase):
    """A veto (一票否决) the expert raises on a platform, with the required reason."""

    __tablename__ = "vetoes"
    __table_args__ = (CheckConstraint("length(trim(reason)) > 0", name="reason"),)

    platform_id: Mapped[int] = _work_platform_fk()
    veto_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)


class BonusMark(PackageBase):
    """Points the expert gives a bonus item of a platform."""

    __tablename__ = "bonus_scores"

    platform_id: Mapped[int] = _work_platform_fk()
    item_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    points: Mapped[float] = mapped_column(Float)


class OverallComment(PackageBase):
    """The expert's overall comment on a platform."""

    __tablename__ = "overall_comments"

    platform_id: Mapped[int] = _work_platform_fk()
    text: Mapped[str] = mapped_column(Text)


class JournalEntry(PackageBase):
    """One edit, for undo and redo: which row (table and key as JSON), old → new.

    ``old``/``new`` are the row's values as a JSON object, or JSON ``null`` for no row. Undone
    entries form a suffix of the journal; a new edit deletes them (the redo branch is lost).
    """

    __tablename__ = "journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utc_now)
    table_name: Mapped[str] = mapped_column(String(40))
    key_json: Mapped[str] = mapped_column(Text)
    old_json: Mapped[str] = mapped_column(Text)
    new_json: Mapped[str] = mapped_column(Text)
    undone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Submission(PackageBase):
    """A score file written from this package; its bytes are kept to write it again."""

    __tablename__ = "submissions"

    revision: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    submitted_at: Mapped[datetime]
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


#: The expert's work tables (what undo and redo may touch).
WORK_TABLES: Final[tuple[type[PackageBase], ...]] = (
    Declaration,
    Score,
    VetoMark,
    BonusMark,
    OverallComment,
)
