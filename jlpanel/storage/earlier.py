"""An earlier cycle's workspace file, read as history without writing to it.

``jlpanel history STORE EARLIER.jlpanel`` brings an earlier cycle's grades and decisions into
the register. The file may be at any revision this code knows (it is read as it is: opening
it would migrate it) and is never changed: it is opened read-only, after the storage layer's
own checks of its header, revision and application id. Only this module (with the rest of
storage/) knows that such a file is SQLite.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import create_engine, inspect, select
from sqlalchemy.pool import NullPool

from jlpanel.storage import models as m
from jlpanel.storage import workspace as store

log = logging.getLogger(__name__)

#: Why a file could not be read: missing, not a workspace, written by a newer version, or
#: damaged (or locked by another program).
EarlierFault = Literal["missing", "not_a_workspace", "newer", "corrupt"]


class EarlierFileError(Exception):
    """The file cannot be read as an earlier cycle's workspace (``kind`` says why)."""

    def __init__(self, kind: EarlierFault, path: Path) -> None:
        super().__init__(f"{path}: {kind}")
        self.kind: EarlierFault = kind
        self.path = path


@dataclass(frozen=True, slots=True)
class EarlierResult:
    """One platform's stored result in the earlier file."""

    filing_no: str
    name: str | None
    grade: str | None
    is_final: bool | None
    decision: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class EarlierFile:
    """What an earlier workspace file holds for history: its cycles (id, name, period end),
    its platforms' results, and the history it held of cycles before it (the columns its
    revision has)."""

    cycles: list[tuple[str, str, date | None]]
    results: list[EarlierResult]
    history: list[dict[str, Any]] = field(default_factory=list)


def read_earlier_file(path: Path) -> EarlierFile:
    """Read ``path`` as an earlier cycle's workspace, changing nothing in it; raises
    :class:`EarlierFileError` saying why it cannot."""
    if not path.is_file():
        raise EarlierFileError("missing", path)
    try:
        store.check_header(path)
        revisions, tables, application_id = store._inspect_read_only(path)
    except store.WorkspaceError as exc:
        raise EarlierFileError("not_a_workspace", path) from exc
    if application_id not in (0, store.APPLICATION_ID) or not revisions:
        raise EarlierFileError("not_a_workspace", path)
    if set(revisions) - store.known_revisions():
        raise EarlierFileError("newer", path)
    if not {"cycles", "platforms", "results"} <= tables:
        raise EarlierFileError("not_a_workspace", path)

    uri = store.read_only_uri(path)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, timeout=store.BUSY_TIMEOUT_MS / 1000),
        poolclass=NullPool,
        hide_parameters=True,
    )
    try:
        with engine.connect() as conn:
            cycles = [
                (c.id, c.name, c.period_end)
                for c in conn.execute(select(m.Cycle.id, m.Cycle.name, m.Cycle.period_end))
            ]
            results = [
                EarlierResult(*row)
                for row in conn.execute(
                    select(
                        m.Platform.filing_no,
                        m.Platform.name,
                        m.Result.grade,
                        m.Result.is_final,
                        m.Decision.kind,
                        m.Decision.status,
                    )
                    .join(m.Result, m.Result.platform_id == m.Platform.id)
                    .outerjoin(m.Decision, m.Decision.platform_id == m.Platform.id)
                    .order_by(m.Platform.filing_no)
                )
            ]
            history: list[dict[str, Any]] = []
            if "history_entries" in tables:
                # Older files lack the decision, bar and final columns (revision 0003).
                held = {c["name"] for c in inspect(conn).get_columns("history_entries")}
                table = m.HistoryEntry.__table__
                columns = [c for c in table.c if c.name in held and c.name != "id"]
                history = [
                    dict(r._mapping)
                    for r in conn.execute(select(*columns).order_by(table.c.filing_no))
                ]
    except Exception as exc:  # a damaged file: sqlite3 and SQLAlchemy errors alike
        log.warning("cannot read earlier workspace %s: %s", path, exc)
        raise EarlierFileError("corrupt", path) from exc
    finally:
        engine.dispose()
    return EarlierFile(cycles, results, history)
