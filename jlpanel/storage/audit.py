"""The audit log: one ``AuditEntry`` per change, with the old and new values as JSON."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from jlpanel.storage.models import AuditEntry, utc_now


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # exact: 89.995, not 89.99499999999999
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def audit_detail(old: Any, new: Any) -> str:
    """The ``detail_json`` text for a change from ``old`` to ``new``."""
    return json.dumps(
        {"old": old, "new": new}, ensure_ascii=False, sort_keys=True, default=_to_json
    )


def record_change(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | int | None,
    old: Any = None,
    new: Any = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add an audit entry to ``session`` (committed with the change it describes)."""
    entry = AuditEntry(
        at=at or utc_now(),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        detail_json=audit_detail(old, new),
    )
    session.add(entry)
    return entry
