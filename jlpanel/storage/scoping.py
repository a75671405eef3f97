"""One cycle of a store that holds several: sessions that see only that cycle's rows.

A store holds cycles (DESIGN §3). The services were written for one cycle per file and read
``select(m.Platform)``, ``select(m.Cycle).one()`` and the like; rather than a cycle filter in
each of their queries (and a forgotten one mixing two cycles' scores), the sessions of an
open cycle add the filter themselves: every ORM ``SELECT``, ``UPDATE`` and ``DELETE`` on a
cycle's table is limited to the cycle (SQLAlchemy's ``with_loader_criteria`` in a
``do_orm_execute`` hook, the documented way to give every statement a global criterion), and
a new tie order, confirmation or audit entry is stamped with the cycle before it is written.

The store's own tables (history imported from earlier files, the register) are not limited.
Statements that are not ORM-enabled (``text()``, a ``Table``'s own ``insert``) are not seen
by the hook: the cycle's rows are inserted with their parent's ids, which are the cycle's.
"""

from __future__ import annotations

from typing import Any, TypeVarTuple

from sqlalchemy import Select, event, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria

from jlpanel.storage import models as m

#: Where a session keeps the id of the cycle it is limited to.
CYCLE_KEY = "jlpanel.cycle_id"
#: Where a session keeps the criteria limiting its statements to that cycle.
_CRITERIA_KEY = "jlpanel.cycle_criteria"

_Ts = TypeVarTuple("_Ts")

#: Tables whose rows belong to one platform, expert or score sheet of a cycle.
_BY_PLATFORM: tuple[type[Any], ...] = (
    m.Resource,
    m.ServiceRecord,
    m.Outcome,
    m.StaffMember,
    m.FundingLine,
    m.Regulation,
    m.MajorEvent,
    m.WorkSummary,
    m.Attachment,
    m.DossierFinding,
    m.PlatformMetric,
    m.Conflict,
    m.NameCheck,
    m.Assignment,
    m.ScoreSheet,
    m.Adjustment,
    m.PanelOpinion,
    m.Result,
    m.Decision,
    m.VetoRuling,
)
_BY_EXPERT: tuple[type[Any], ...] = (m.ReviewPackage,)
_BY_SHEET: tuple[type[Any], ...] = (m.IndicatorScore, m.VetoClaim, m.BonusScore)
#: Tables with a cycle_id of their own; an audit entry without one is the store's.
_STAMPED: tuple[type[Any], ...] = (m.TieOrder, m.Confirmation, m.AuditEntry)


def _criteria(cycle_id: str) -> list[Any]:
    """The loader criteria limiting every cycle table to ``cycle_id``.

    Lambdas, so SQLAlchemy caches the statements and binds the cycle id as a parameter.
    """

    criteria: list[Any] = [
        with_loader_criteria(m.Cycle, lambda cls: cls.id == cycle_id, include_aliases=True),
        with_loader_criteria(
            m.Platform, lambda cls: cls.cycle_id == cycle_id, include_aliases=True
        ),
        with_loader_criteria(m.Expert, lambda cls: cls.cycle_id == cycle_id, include_aliases=True),
    ]
    criteria += [
        with_loader_criteria(
            model,
            lambda cls: cls.platform_id.in_(
                select(m.Platform.id).where(m.Platform.cycle_id == cycle_id)
            ),
            include_aliases=True,
        )
        for model in _BY_PLATFORM
    ]
    criteria += [
        with_loader_criteria(
            model,
            lambda cls: cls.expert_id.in_(select(m.Expert.id).where(m.Expert.cycle_id == cycle_id)),
            include_aliases=True,
        )
        for model in _BY_EXPERT
    ]
    criteria += [
        with_loader_criteria(
            model,
            lambda cls: cls.sheet_id.in_(
                select(m.ScoreSheet.id).where(
                    m.ScoreSheet.platform_id.in_(
                        select(m.Platform.id).where(m.Platform.cycle_id == cycle_id)
                    )
                )
            ),
            include_aliases=True,
        )
        for model in _BY_SHEET
    ]
    criteria += [
        with_loader_criteria(m.TieOrder, lambda cls: cls.cycle_id == cycle_id),
        with_loader_criteria(m.Confirmation, lambda cls: cls.cycle_id == cycle_id),
        with_loader_criteria(
            m.AuditEntry,
            lambda cls: (cls.cycle_id == cycle_id) | cls.cycle_id.is_(None),
        ),
    ]
    return criteria


def limit_to_cycle(sessions: sessionmaker[Session], cycle_id: str) -> None:
    """Make every session of ``sessions`` see and stamp only the cycle ``cycle_id``."""
    criteria = _criteria(cycle_id)

    def limit(state: ORMExecuteState) -> None:
        if state.is_select or state.is_update or state.is_delete:
            state.statement = state.statement.options(*criteria)

    def stamp(session: Session, _context: Any, _instances: Any) -> None:
        for obj in session.new:
            if isinstance(obj, _STAMPED) and obj.cycle_id is None:
                obj.cycle_id = session.info[CYCLE_KEY]

    sessions.configure(info={CYCLE_KEY: cycle_id, _CRITERIA_KEY: criteria})
    event.listen(sessions, "do_orm_execute", limit)
    event.listen(sessions, "before_flush", stamp)


def limited(session: Session, statement: Select[*_Ts]) -> Select[*_Ts]:
    """``statement`` limited to ``session``'s cycle as the session limits its own, for running
    it on the session's connection, where the session's hook does not see it (an ORM-enabled
    statement compiles its criteria on a connection too)."""
    criteria = session.info.get(_CRITERIA_KEY)
    return statement.options(*criteria) if criteria else statement
