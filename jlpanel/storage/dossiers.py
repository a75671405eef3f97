"""Writing a parsed dossier into a workspace and reading its parts back."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jlpanel.domain.dossier import BasicInfo, Dossier, Finding
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows
from jlpanel.storage.limits import text_limits

#: Dossier row sheets: the Dossier attribute and the table it goes to.
ROW_TABLES: tuple[tuple[str, type[m.Base]], ...] = (
    ("resources", m.Resource),
    ("services", m.ServiceRecord),
    ("outcomes", m.Outcome),
    ("staff", m.StaffMember),
    ("funding", m.FundingLine),
    ("regulations", m.Regulation),
    ("major_events", m.MajorEvent),
)


@dataclass(frozen=True, slots=True)
class StoredAttachment:
    """An attachment's bytes with what the workspace records about it."""

    name: str
    media_type: str
    sha256: str
    data: bytes


@dataclass(frozen=True, slots=True)
class DossierRows:
    """A dossier as the rows its tables get: what a worker process hands the one writer.

    Plain tuples of values pickle and unpickle at C speed; a :class:`Dossier`'s thousand
    slotted row objects each go through Python, which made unpickling them the largest part
    of the writer's time in a parallel import.
    """

    basic: BasicInfo
    #: (Dossier attribute, column names, rows of values in that order), for every
    #: :data:`ROW_TABLES` sheet that has rows, in that order.
    tables: tuple[tuple[str, tuple[str, ...], list[tuple[Any, ...]]], ...]
    work_summary: str
    work_summary_attachment: str | None

    def counts(self) -> dict[str, int]:
        """How many rows each sheet has (every sheet of :data:`ROW_TABLES`)."""
        sizes = {attribute: len(rows) for attribute, _, rows in self.tables}
        return {attribute: sizes.get(attribute, 0) for attribute, _ in ROW_TABLES}


def dossier_rows(dossier: Dossier | DossierRows) -> DossierRows:
    """``dossier`` as the rows its tables get."""
    if isinstance(dossier, DossierRows):
        return dossier
    tables = []
    for attribute, _model in ROW_TABLES:
        rows = getattr(dossier, attribute)
        if rows:
            names = _field_names(type(rows[0]))
            values = attrgetter(*names)
            tables.append((attribute, names, list(map(values, rows))))
    return DossierRows(
        dossier.basic, tuple(tables), dossier.work_summary, dossier.work_summary_attachment
    )


def find_platform(session: Session, cycle_id: str, filing_no: str) -> m.Platform | None:
    """The platform of this cycle with ``filing_no``, if it was imported."""
    return session.scalars(
        select(m.Platform).where(m.Platform.cycle_id == cycle_id, m.Platform.filing_no == filing_no)
    ).one_or_none()


def delete_platform(session: Session, platform_id: int) -> None:
    """Remove a platform and, through the database's cascades, everything under it."""
    session.execute(delete(m.Platform).where(m.Platform.id == platform_id))


#: Tables that hold a platform's dossier (not its assignments, scores or results).
DOSSIER_TABLES: tuple[type[m.Base], ...] = (
    *(model for _, model in ROW_TABLES),
    m.WorkSummary,
    m.Attachment,
    m.DossierFinding,
    m.PlatformMetric,
)


def insert_dossier(
    session: Session,
    cycle_id: str,
    dossier: Dossier | DossierRows,
    *,
    findings: Iterable[Finding],
    metrics: Mapping[str, float | None],
    attachments: Iterable[StoredAttachment],
    source_file: str,
    source_sha256: str,
) -> int:
    """Insert a dossier as a new platform of the cycle; returns the platform id."""
    platform = m.Platform(
        cycle_id=cycle_id,
        source_file=source_file,
        source_sha256=source_sha256,
        **dataclasses.asdict(dossier.basic),
    )
    session.add(platform)
    session.flush()
    _insert_parts(session, platform.id, dossier, findings, metrics, attachments)
    return platform.id


def replace_dossier(
    session: Session,
    platform: m.Platform,
    dossier: Dossier | DossierRows,
    *,
    findings: Iterable[Finding],
    metrics: Mapping[str, float | None],
    attachments: Iterable[StoredAttachment],
    source_file: str,
    source_sha256: str,
) -> None:
    """Replace a platform's dossier in place, keeping its id, assignments and scores."""
    for model in DOSSIER_TABLES:
        session.execute(delete(model).where(model.__table__.c.platform_id == platform.id))
    for name, value in dataclasses.asdict(dossier.basic).items():
        setattr(platform, name, value)
    platform.source_file = source_file
    platform.source_sha256 = source_sha256
    platform.imported_at = m.utc_now()
    session.flush()
    _insert_parts(session, platform.id, dossier, findings, metrics, attachments)


def _insert_parts(
    session: Session,
    pid: int,
    dossier: Dossier | DossierRows,
    findings: Iterable[Finding],
    metrics: Mapping[str, float | None],
    attachments: Iterable[StoredAttachment],
) -> None:
    dossier = dossier_rows(dossier)
    models = dict(ROW_TABLES)
    for attribute, names, rows in dossier.tables:
        insert_rows(session, models[attribute], rows, columns=names, fixed={"platform_id": pid})
    session.add(
        m.WorkSummary(
            platform_id=pid,
            text=dossier.work_summary,
            attachment_name=dossier.work_summary_attachment,
        )
    )
    insert_rows(
        session,
        m.DossierFinding,
        (
            {
                "platform_id": pid,
                "severity": f.severity.value,
                "sheet": _clip(f.sheet, _SHEET_LIMIT),
                "row": f.row,
                "column": _clip(f.column, _COLUMN_LIMIT),
                "code": f.code,
                "message_zh": f.message.zh,
                "message_en": f.message.en,
                "fix_zh": f.fix.zh,
                "fix_en": f.fix.en,
            }
            for f in findings
        ),
    )
    insert_rows(
        session,
        m.PlatformMetric,
        ({"platform_id": pid, "key": k, "value": v} for k, v in sorted(metrics.items())),
    )
    insert_rows(
        session,
        m.Attachment,
        (
            {
                "platform_id": pid,
                "name": a.name,
                "media_type": a.media_type,
                "size": len(a.data),
                "sha256": a.sha256,
                "data": a.data,
            }
            for a in attachments
        ),
    )


#: Where a finding points: a sheet's and a column's name as the user's workbook writes them
#: (an .ods sheet name, a header can be any length). They only locate the finding, so a long
#: one is clipped rather than refusing the dossier (storage/limits.py refuses other texts).
_SHEET_LIMIT = text_limits(m.DossierFinding.__table__)["sheet"]
_COLUMN_LIMIT = text_limits(m.DossierFinding.__table__)["column"]


def _clip(text: str | None, limit: int) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def dossier_counts(session: Session, platform_id: int) -> dict[str, int]:
    """How many rows each sheet of a stored dossier has."""
    counts: dict[str, int] = {}
    for attribute, model in ROW_TABLES:
        table = model.__table__
        query = select(func.count()).select_from(table).where(table.c.platform_id == platform_id)
        counts[attribute] = session.execute(query).scalar_one()
    return counts
