"""Reading imported dossiers back for the platform list, the dossier browser and experts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.identity import identity_key
from jlpanel.domain.text import Text
from jlpanel.exchange.dossier_schema import BASIC_INFO, SHEETS, ColumnSpec, SheetLayout, SheetSpec
from jlpanel.services.errors import UserError
from jlpanel.services.files import write_atomic

if TYPE_CHECKING:  # the workspace's models are imported by the functions that read them:
    # the expert's desk reads a package with these types and never needs them (a tenth of
    # a second at start)
    from jlpanel.services.workspace import Workspace
    from jlpanel.storage import models as m
from jlpanel.storage.engines import code_order

#: The dossier's row sheets (Dossier attributes), in the order of the workspace's
#: ``jlpanel.storage.dossiers.ROW_TABLES`` and the package's (a test keeps the three alike).
ROW_SHEETS = (
    "resources",
    "services",
    "outcomes",
    "staff",
    "funding",
    "regulations",
    "major_events",
)

#: Metrics shown as columns of the platform list.
LIST_METRICS = ("service_count", "distinct_users", "external_user_share", "satisfaction_mean")


@dataclass(frozen=True, slots=True)
class PlatformSummary:
    """One row of the platform list."""

    id: int
    filing_no: str
    name: str
    host_unit: str | None
    resource_type: str | None
    warnings: int
    metrics: dict[str, float | None]
    imported_at: dt.datetime


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    """An attachment's name and size, without its bytes."""

    id: int
    name: str
    media_type: str
    size: int


@dataclass(frozen=True, slots=True)
class DossierOverview:
    """Everything of a dossier but its row sheets: basic info, metrics, findings, files."""

    platform_id: int
    #: 基本信息 items as (Chinese item name, value) in the workbook's order.
    basic: list[tuple[str, Any]]
    metrics: dict[str, float | None]
    findings: list[Finding]
    attachments: list[AttachmentInfo]
    work_summary: str
    work_summary_attachment: str | None
    source_file: str | None
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """A column of a dossier sheet as the browser shows it."""

    field: str
    header: Text
    kind: str


@dataclass(frozen=True, slots=True)
class SheetData:
    """A dossier sheet's columns and all its rows (plain tuples, in workbook order)."""

    name: Text
    columns: list[SheetColumn]
    rows: list[tuple[Any, ...]]
    #: The workbook row each row came from, so "服务记录 第12行" in a finding can be found.
    source_rows: list[int | None] = field(default_factory=list)
    #: Rows of the whole sheet (more than ``rows`` when a page was asked for).
    total: int = 0


def list_platforms(ws: Workspace) -> list[PlatformSummary]:
    """Every platform of the cycle with its warning count and key metrics."""
    from jlpanel.storage import models as m
    from jlpanel.storage.reading import plain_rows

    with ws.reading() as s:
        warnings = dict(
            s.execute(
                select(m.DossierFinding.platform_id, func.count())
                .where(m.DossierFinding.severity == Severity.WARNING.value)
                .group_by(m.DossierFinding.platform_id)
            ).all()
        )
        metrics: dict[int, dict[str, float | None]] = defaultdict(dict)
        # As the driver gives them, all at once: iterated through SQLAlchemy, psycopg fetched
        # these rows one at a time in Python, holding the window's lock while it opened a
        # 2,000-platform store on a server (issue 16).
        for pid, key, value in plain_rows(
            s,
            select(
                m.PlatformMetric.platform_id, m.PlatformMetric.key, m.PlatformMetric.value
            ).where(m.PlatformMetric.key.in_(LIST_METRICS)),
        ):
            metrics[pid][key] = value
        rows = s.execute(
            select(
                m.Platform.id,
                m.Platform.filing_no,
                m.Platform.name,
                m.Platform.host_unit,
                m.Platform.resource_type,
                m.Platform.imported_at,
            ).order_by(m.Platform.id)
        ).all()
    return [
        PlatformSummary(
            pid, filing_no, name, host, rtype, warnings.get(pid, 0), metrics.get(pid, {}), imported
        )
        for pid, filing_no, name, host, rtype, imported in rows
    ]


@dataclass(frozen=True, slots=True)
class PlatformRef:
    """A platform of the cycle by id, with its 备案编号 as the workspace writes it."""

    id: int
    filing_no: str
    name: str


def platforms_by_filing_no(ws: Workspace, filing_nos: Sequence[str]) -> list[PlatformRef]:
    """The cycle's platforms with these filing numbers, however they were typed.

    Compared on the identity key (case, width, spaces, punctuation, look-alike letters and
    invisible characters do not count), as the number as written first. Raises a
    :class:`UserError` naming a number no platform has, or one that two platforms share
    once so compared (only a workspace written before identities were compared holds such).
    """
    from jlpanel.storage import models as m

    with ws.reading() as s:
        rows = s.execute(
            select(m.Platform.id, m.Platform.filing_no, m.Platform.name).order_by(m.Platform.id)
        ).all()
    exact = {f: PlatformRef(pid, f, name) for pid, f, name in rows}
    by_key: dict[str, list[PlatformRef]] = defaultdict(list)
    for ref in exact.values():
        by_key[identity_key(ref.filing_no)].append(ref)
    found: list[PlatformRef] = []
    for typed in filing_nos:
        candidates = [exact[typed]] if typed in exact else by_key.get(identity_key(typed), [])
        if not candidates or not identity_key(typed):
            raise UserError(
                f"本周期没有备案编号为 {typed} 的平台", f"No platform {typed} in this cycle"
            )
        if len(candidates) > 1:
            spellings = [c.filing_no for c in candidates]
            raise UserError(
                f"备案编号 {typed} 可能是 {'、'.join(spellings)} 中的任何一个，请按原样输入",
                f"The filing number {typed} may be any of {', '.join(spellings)}; type it "
                "exactly as listed",
            )
        found.append(candidates[0])
    return found


def _basic_items(platform: m.Platform) -> list[tuple[str, Any]]:
    return [(c.header, getattr(platform, c.field)) for c in BASIC_INFO.columns]


def _table_sheets() -> dict[str, SheetSpec]:
    return {s.dossier_field: s for s in SHEETS if s.layout is SheetLayout.TABLE}


def _english(column: ColumnSpec) -> str:
    """A column's English header: its first ASCII alias."""
    return next((a for a in column.aliases if a.isascii()), column.field)


def dossier_overview(ws: Workspace, platform_id: int) -> DossierOverview:
    """A platform's basic info, metrics, findings and attachment list."""
    from jlpanel.storage import models as m
    from jlpanel.storage.dossiers import dossier_counts

    with ws.reading() as s:
        platform = s.get(m.Platform, platform_id)
        if platform is None:
            raise UserError(
                f"找不到平台（编号 {platform_id}）", f"No platform with id {platform_id}"
            )
        metrics = dict(
            s.execute(
                select(m.PlatformMetric.key, m.PlatformMetric.value).where(
                    m.PlatformMetric.platform_id == platform_id
                )
            ).all()
        )
        findings = [
            Finding(
                Severity(f.severity),
                f.code,
                f.sheet,
                f.row,
                f.column,
                Text(f.message_zh, f.message_en),
                Text(f.fix_zh, f.fix_en),
            )
            for f in s.scalars(
                select(m.DossierFinding)
                .where(m.DossierFinding.platform_id == platform_id)
                .order_by(m.DossierFinding.id)
            )
        ]
        attachments = [
            AttachmentInfo(aid, name, media, size)
            for aid, name, media, size in s.execute(
                select(
                    m.Attachment.id, m.Attachment.name, m.Attachment.media_type, m.Attachment.size
                )
                .where(m.Attachment.platform_id == platform_id)
                .order_by(code_order(m.Attachment.name))
            )
        ]
        summary = s.scalars(
            select(m.WorkSummary).where(m.WorkSummary.platform_id == platform_id)
        ).one_or_none()
        return DossierOverview(
            platform_id=platform_id,
            basic=_basic_items(platform),
            metrics=metrics,
            findings=findings,
            attachments=attachments,
            work_summary=summary.text if summary else "",
            work_summary_attachment=summary.attachment_name if summary else None,
            source_file=platform.source_file,
            counts=dossier_counts(s, platform_id),
        )


def sheet_names() -> list[tuple[str, Text]]:
    """The row sheets a dossier browser shows: (Dossier attribute, sheet name)."""
    sheets = _table_sheets()
    return [(attr, Text(sheets[attr].name, sheets[attr].name_en)) for attr in ROW_SHEETS]


def sheet_data(
    ws: Workspace, platform_id: int, attribute: str, *, offset: int = 0, limit: int | None = None
) -> SheetData:
    """Rows of one dossier sheet (e.g. "services") as tuples, in workbook order.

    Plain tuples straight from a Core select. ``offset``/``limit`` fetch a page, so a browser
    can show the first rows of a 100,000-row sheet at once and load the rest behind them.
    """
    from jlpanel.storage import models as m
    from jlpanel.storage.dossiers import ROW_TABLES

    models = dict(ROW_TABLES)
    if attribute not in models:
        raise KeyError(attribute)
    with ws.reading() as s:
        table = m.Base.metadata.tables[models[attribute].__tablename__]
        return read_sheet_page(s, table, attribute, platform_id, offset=offset, limit=limit)


def read_sheet_page(
    db: Session | Connection,
    table: Table,
    attribute: str,
    platform_id: int,
    *,
    offset: int = 0,
    limit: int | None = None,
) -> SheetData:
    """A page of one dossier sheet's rows from ``table``: a workspace's or a review package's.

    Both hold the same row tables (ROW_TABLES), so the staff's dossier browser and the
    expert's desk read them alike; ``total`` is counted only when a page was asked for.
    """
    sheet = _table_sheets()[attribute]
    columns = [
        SheetColumn(c.field, Text(c.header, _english(c)), c.kind.value)
        for c in sheet.columns
        if c.field in table.c
    ]
    mine = table.c.platform_id == platform_id
    query = (
        select(table.c.source_row, *(table.c[c.field] for c in columns))
        .where(mine)
        .order_by(table.c.source_row.nulls_first(), table.c.id)  # NULL first on both engines
        .offset(offset)
        .limit(limit)
    )
    result = db.execute(query).all()
    total = (
        len(result) + offset
        if limit is None
        else db.execute(select(func.count()).select_from(table).where(mine)).scalar_one()
    )
    return SheetData(
        Text(sheet.name, sheet.name_en),
        columns,
        [tuple(r[1:]) for r in result],
        [r[0] for r in result],
        total,
    )


def save_attachment(ws: Workspace, attachment_id: int, folder: Path) -> Path:
    """Write an attachment's bytes to ``folder`` (for the system viewer); returns the file."""
    from jlpanel.storage import models as m

    with ws.reading() as s:
        row = s.execute(
            select(m.Attachment.name, m.Attachment.data).where(m.Attachment.id == attachment_id)
        ).one_or_none()
    if row is None:
        raise UserError(
            f"找不到附件（编号 {attachment_id}）", f"No attachment with id {attachment_id}"
        )
    name, data = row
    target = folder / Path(name).name  # names were cleaned on import; never leave the folder
    write_atomic(target, data)
    return target
