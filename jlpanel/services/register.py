"""The register of platforms across cycles (平台名录, 动态调整; DESIGN §3).

Each platform is kept by its 备案编号 (matched on its identity key) with its current status
and its status history. What writes to it:

- confirming a cycle's results (:func:`write_confirmation`, in the confirmation's own
  transaction): each platform's grade, decision and the status it gives; a 不合格 opens a
  rectification with its deadline. Reopening the results reverts what that confirmation
  wrote (:func:`revert_confirmation`); the events stay, marked reverted;
- importing earlier cycles' history (:func:`mirror_history`): register events of those
  cycles;
- the follow-up of a rectification: the 整改报告 (:func:`attach_report`) and the 复核
  (:func:`record_review`).

Every status change is audited with its reason. The two-consecutive-fails rule, barring and
lapsed rectifications are read from here (:func:`earlier_standing`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from jlpanel.domain.identity import identity_key
from jlpanel.domain.register import (
    FOLLOW_UP_LABELS,
    STATUS_LABELS,
    FollowUp,
    RegisterStatus,
    follow_up,
    is_lapsed,
    status_after,
)
from jlpanel.domain.results import DECISION_LABELS, DecisionKind
from jlpanel.domain.rules import Grade, grade_from_label
from jlpanel.domain.text import Text
from jlpanel.exchange.results_workbook import (
    Column,
    ColumnKind,
    Sheet,
    csv_bytes,
    text_rows,
)
from jlpanel.services.errors import UserError
from jlpanel.services.files import write_table
from jlpanel.services.workspace import Workspace, current_actor, record
from jlpanel.storage import models as m

if TYPE_CHECKING:
    from jlpanel.services.history import HistoryLine

log = logging.getLogger(__name__)

#: The longest 整改报告 kept in the store (the file itself is stored).
MAX_REPORT_BYTES = 50 * 1024 * 1024


# ------------------------------------------------------------------------------- entries


class _Entries:
    """The register's entries of one session, found by the identity key of a filing number."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, m.RegisterEntry] = {
            identity_key(e.filing_no): e
            for e in session.scalars(
                select(m.RegisterEntry).options(
                    selectinload(m.RegisterEntry.events),
                    selectinload(m.RegisterEntry.rectifications),
                )
            )
        }

    def find(self, filing_no: str) -> m.RegisterEntry | None:
        return self.by_key.get(identity_key(filing_no))

    def get(self, filing_no: str, name: str | None = None) -> m.RegisterEntry:
        entry = self.find(filing_no)
        if entry is None:
            entry = m.RegisterEntry(
                filing_no=filing_no, name=name, status="listed", events=[], rectifications=[]
            )
            self.session.add(entry)
            self.session.flush()
            self.by_key[identity_key(filing_no)] = entry
        elif name and not entry.name:
            entry.name = name
        return entry


def _live(events: Iterable[m.RegisterEvent]) -> list[m.RegisterEvent]:
    """Events that count, in the order they took effect."""
    return sorted(
        (e for e in events if e.reverted_at is None),
        key=lambda e: (e.effective_on or dt.date.min, e.at, e.id or 0),
    )


def _settle(session: Session, entry: m.RegisterEntry, reason: str) -> None:
    """Bring the entry's status, deadline and cycles in line with its live events; audit a
    change of status with ``reason``."""
    session.flush()  # the new events' times and ids, which order them
    live = _live(entry.events)
    before = entry.status
    last = live[-1] if live else None
    entry.status = last.to_status if last else RegisterStatus.LISTED.value
    entry.status_since = last.effective_on if last else None
    entry.status_reason = last.reason if last else None
    cycles = sorted(
        (e for e in live if e.origin != "rectification" and e.cycle_name),
        key=lambda e: (e.cycle_end or dt.date.min, e.id or 0),
    )
    entry.first_cycle = cycles[0].cycle_name if cycles else None
    entry.last_cycle = cycles[-1].cycle_name if cycles else None
    open_ = [r for r in entry.rectifications if r.reverted_at is None and r.review != "pass"]
    entry.deadline = (
        max((r.deadline for r in open_ if r.deadline), default=None)
        if entry.status == RegisterStatus.RECTIFY.value
        else None
    )
    entry.updated_at = m.utc_now()
    if entry.status != before:
        record(
            session,
            "register_status",
            "register",
            entry.filing_no,
            old={"status": before},
            new={"status": entry.status, "reason": reason, "cycle": entry.last_cycle},
        )


def _add_event(
    session: Session,
    entry: m.RegisterEntry,
    *,
    origin: str,
    origin_ref: str | None,
    to_status: RegisterStatus,
    reason: str,
    actor: str,
    effective_on: dt.date | None,
    cycle_name: str | None = None,
    cycle_end: dt.date | None = None,
    grade: str | None = None,
    decision: str | None = None,
    barred: bool = False,
    is_final: bool = True,
) -> m.RegisterEvent:
    event = m.RegisterEvent(
        origin=origin,
        origin_ref=origin_ref,
        cycle_name=cycle_name,
        cycle_end=cycle_end,
        grade=grade,
        decision=decision,
        barred=barred,
        is_final=is_final,
        from_status=entry.status,
        to_status=to_status.value,
        effective_on=effective_on,
        reason=reason,
        actor=actor,
    )
    entry.events.append(event)
    return event


def _revert(event: m.RegisterEvent | m.Rectification, actor: str, reason: str) -> None:
    event.reverted_at = m.utc_now()
    if isinstance(event, m.RegisterEvent):
        event.reverted_by = actor
        event.revert_reason = reason


# ------------------------------------------------------------------------- confirmation


@dataclass(frozen=True, slots=True)
class ConfirmedLine:
    """One platform's confirmed outcome, as the register takes it."""

    filing_no: str
    name: str
    host_unit: str | None
    grade: Grade | None
    decision: DecisionKind
    reason: str
    deadline: dt.date | None
    barred: bool
    is_final: bool


def confirmation_ref(cycle_id: str, confirmation_id: int) -> str:
    """How the register names the confirmation that wrote an event."""
    return f"{cycle_id}:{confirmation_id}"


def write_confirmation(
    session: Session,
    *,
    cycle_name: str,
    cycle_end: dt.date | None,
    ref: str,
    day: dt.date,
    lines: Sequence[ConfirmedLine],
    actor: str,
) -> None:
    """Write a confirmation's outcomes to the register, in its transaction.

    What an earlier confirmation of the same cycle wrote is superseded (reverted, kept). A
    不合格 opens the cycle's rectification with its deadline; one the same cycle opened
    before (with any follow-up recorded) is kept, not opened twice.
    """
    entries = _Entries(session)
    end = cycle_end or day  # a cycle without a period end takes its place by this day
    touched: dict[int, m.RegisterEntry] = {}
    for entry in entries.by_key.values():
        for e in entry.events:
            if e.origin == "confirmation" and e.reverted_at is None and e.cycle_name == cycle_name:
                _revert(e, actor, "再次确认结果")
                touched[entry.id] = entry
    for line in lines:
        entry = entries.get(line.filing_no, line.name)
        entry.name = line.name or entry.name
        entry.host_unit = line.host_unit or entry.host_unit
        _add_event(
            session,
            entry,
            origin="confirmation",
            origin_ref=ref,
            to_status=status_after(
                line.decision, line.grade, line.barred, RegisterStatus(entry.status)
            ),
            reason=line.reason,
            actor=actor,
            effective_on=day,
            cycle_name=cycle_name,
            cycle_end=end,
            grade=line.grade.value if line.grade else None,
            decision=line.decision.value,
            barred=line.barred,
            is_final=line.is_final,
        )
        held = [r for r in entry.rectifications if r.cycle_name == cycle_name]
        if line.decision is DecisionKind.RECTIFY:
            if held:
                held[0].reverted_at = None
                held[0].deadline = held[0].deadline or line.deadline
                held[0].origin_ref = ref
            else:
                entry.rectifications.append(
                    m.Rectification(
                        cycle_name=cycle_name,
                        ordered_on=day,
                        deadline=line.deadline,
                        origin_ref=ref,
                    )
                )
        else:
            for r in held:
                if r.reverted_at is None:
                    _revert(r, actor, "再次确认结果")
        touched[entry.id] = entry
    for entry in touched.values():
        _settle(session, entry, f"确认“{cycle_name}”的考核结果")


def revert_confirmation(session: Session, *, cycle_name: str, reason: str, actor: str) -> int:
    """Revert what the cycle's confirmation wrote (the results were reopened); the events
    and rectifications stay as records. The number of events reverted."""
    reverted = 0
    for entry in _Entries(session).by_key.values():
        changed = False
        for e in entry.events:
            if e.origin == "confirmation" and e.reverted_at is None and e.cycle_name == cycle_name:
                _revert(e, actor, reason)
                reverted += 1
                changed = True
        for r in entry.rectifications:
            if r.cycle_name == cycle_name and r.reverted_at is None:
                _revert(r, actor, reason)
                changed = True
        if changed:
            _settle(session, entry, f"重新打开“{cycle_name}”的结果：{reason}")
    if reverted:
        record(
            session,
            "register_revert",
            "register",
            None,
            new={"cycle": cycle_name, "events": reverted, "reason": reason},
        )
    return reverted


# ------------------------------------------------------------------------------ history


@dataclass(frozen=True, slots=True)
class HistoryOutcome:
    """An earlier cycle's outcome for one platform, as imported history holds it."""

    filing_no: str
    platform_name: str | None
    cycle_name: str
    cycle_end: dt.date | None
    grade: str
    decision: str | None
    barred: bool
    is_final: bool
    source: str


def mirror_history(session: Session, outcomes: Sequence[HistoryOutcome], actor: str) -> None:
    """Imported history as register events of earlier cycles, in the import's transaction.

    An outcome of the same platform and cycle imported before is superseded (reverted, kept).
    """
    entries = _Entries(session)
    touched: dict[int, m.RegisterEntry] = {}
    for o in outcomes:
        entry = entries.get(o.filing_no, o.platform_name)
        for e in entry.events:
            if e.origin == "history" and e.reverted_at is None and e.cycle_name == o.cycle_name:
                _revert(e, actor, f"考核历史已由 {o.source} 替换")
        try:
            grade: Grade | None = grade_from_label(o.grade)
        except ValueError:
            grade = None
        try:
            decision = DecisionKind(o.decision) if o.decision else None
        except ValueError:
            decision = None
        _add_event(
            session,
            entry,
            origin="history",
            origin_ref=o.source,
            to_status=status_after(decision, grade, o.barred, None),
            reason=f"考核历史（{o.source}）",
            actor=actor,
            effective_on=o.cycle_end,
            cycle_name=o.cycle_name,
            cycle_end=o.cycle_end,
            grade=o.grade,
            decision=o.decision,
            barred=o.barred,
            is_final=o.is_final,
        )
        touched[entry.id] = entry
    for entry in touched.values():
        _settle(session, entry, "导入考核历史")


# ---------------------------------------------------------------------------- follow-up


def _one_entry(session: Session, filing_no: str) -> m.RegisterEntry:
    entry = _Entries(session).find(filing_no)
    if entry is None or not identity_key(filing_no):
        raise UserError(
            f"平台名录中没有备案编号为 {filing_no} 的平台",
            f"No platform {filing_no} in the register",
        )
    return entry


def _open_rectification(entry: m.RegisterEntry) -> m.Rectification:
    live = sorted(
        (r for r in entry.rectifications if r.reverted_at is None),
        key=lambda r: (r.ordered_on or dt.date.min, r.id),
    )
    if not live or entry.status != RegisterStatus.RECTIFY.value:
        raise UserError(
            f"平台 {entry.filing_no} 没有待跟进的限期整改（当前状态："
            f"{STATUS_LABELS[RegisterStatus(entry.status)].zh}）",
            f"Platform {entry.filing_no} has no rectification to follow up (status: "
            f"{STATUS_LABELS[RegisterStatus(entry.status)].en})",
        )
    return live[-1]


def attach_report(
    ws: Workspace, filing_no: str, received_on: dt.date, report: Path
) -> m.Rectification:
    """Attach the 整改报告 received on ``received_on`` (the file is stored), audited."""
    try:
        data = Path(report).read_bytes()
    except OSError as exc:
        raise UserError(
            f"无法读取整改报告 {report}：{exc.strerror or exc}",
            f"Cannot read the rectification report {report}: {exc.strerror or exc}",
        ) from None
    if len(data) > MAX_REPORT_BYTES:
        raise UserError(
            f"整改报告 {report} 超过 {MAX_REPORT_BYTES // 1024 // 1024} MB",
            f"The rectification report {report} is over {MAX_REPORT_BYTES // 1024 // 1024} MB",
        )
    digest = hashlib.sha256(data).hexdigest()
    with ws.session() as s:
        entry = _one_entry(s, filing_no)
        rect = _open_rectification(entry)
        if rect.review is not None:
            raise UserError(
                f"平台 {entry.filing_no} 的整改已复核，不能再更换整改报告",
                f"Platform {entry.filing_no}'s rectification is reviewed already; its report "
                "cannot change",
            )
        old = (
            None
            if rect.report_name is None
            else {
                "received_on": rect.report_received_on,
                "file_name": rect.report_name,
                "sha256": rect.report_sha256,
            }
        )
        rect.report_received_on = received_on
        rect.report_name = Path(report).name
        rect.report_sha256 = digest
        rect.report_data = data
        record(
            s,
            "rectify_report",
            "register",
            entry.filing_no,
            old=old,
            new={
                "received_on": received_on,
                "file_name": rect.report_name,
                "sha256": digest,
                "cycle": rect.cycle_name,
            },
        )
        s.flush()
        s.expunge(rect)
    log.info("rectification report for %s received %s", filing_no, received_on)
    return rect


def record_review(
    ws: Workspace,
    filing_no: str,
    *,
    passed: bool,
    reason: str,
    on: dt.date | None = None,
    author: str | None = None,
) -> RegisterStatus:
    """Record the 复核 of a rectification, with its reason (audited); the status after.

    A pass puts the platform back 在册. A fail keeps it 限期整改 with the follow-up failed:
    the next cycle takes it as a second fail (:func:`jlpanel.domain.register.is_lapsed`).
    """
    text = reason.strip()
    if not text:
        raise UserError("复核结论须写明理由", "A review needs a written reason")
    day = on or dt.date.today()
    who = author or current_actor()
    with ws.session() as s:
        entry = _one_entry(s, filing_no)
        rect = _open_rectification(entry)
        if rect.review is not None:
            raise UserError(
                f"平台 {entry.filing_no} 的整改已于 {rect.reviewed_on} 复核",
                f"Platform {entry.filing_no}'s rectification was reviewed on {rect.reviewed_on}",
            )
        rect.review = "pass" if passed else "fail"
        rect.review_reason = text
        rect.reviewed_on = day
        rect.reviewed_by = who
        after = RegisterStatus.LISTED if passed else RegisterStatus.RECTIFY
        _add_event(
            s,
            entry,
            origin="rectification",
            origin_ref=str(rect.id),
            to_status=after,
            reason=f"复核{'通过' if passed else '未通过'}：{text}",
            actor=who,
            effective_on=day,
            cycle_name=rect.cycle_name,
        )
        record(
            s,
            "rectify_review",
            "register",
            entry.filing_no,
            old={"review": None},
            new={"review": rect.review, "reason": text, "reviewed_on": day},
        )
        _settle(s, entry, f"复核{'通过' if passed else '未通过'}：{text}")
    return after


def report_file(ws: Workspace, filing_no: str) -> tuple[str, bytes] | None:
    """The latest 整改报告 stored for a platform: its name and bytes; None without one."""
    with ws.reading() as s:
        entry = _one_entry(s, filing_no)
        held = sorted(
            (r for r in entry.rectifications if r.report_data is not None),
            key=lambda r: (r.report_received_on or dt.date.min, r.id),
        )
        if not held:
            return None
        return held[-1].report_name or "", held[-1].report_data or b""


# ------------------------------------------------------------------------ the two rules


@dataclass(frozen=True, slots=True)
class PreviousStanding:
    """What earlier cycles say about one platform, for this cycle's rules (DESIGN §5)."""

    #: The grade of the most recent earlier cycle with a final result (by period end, then
    #: cycle name): what the two-consecutive-fails rule reads. None without one.
    grade: Grade | None
    #: That cycle's name.
    cycle_name: str | None
    #: Barred (fraud, misconduct) in any earlier cycle, final or not: barred still.
    barred: bool
    #: Disqualified (取消资格) in any earlier cycle, final or not.
    disqualified: bool
    #: The most recent earlier cycle that barred it / disqualified it.
    barred_in: str | None = None
    disqualified_in: str | None = None
    #: An earlier cycle whose rectification failed its review or is overdue.
    rectification_lapsed_in: str | None = None


class UndatedHistoryError(UserError):
    """History entries without a period end: which cycle came last cannot be told."""

    def __init__(self, entries: Sequence[tuple[str, str, str]]) -> None:
        self.filing_nos: tuple[str, ...] = tuple(sorted({f for f, _, _ in entries}))
        listed = "、".join(self.filing_nos[:10]) + ("…" if len(self.filing_nos) > 10 else "")
        super().__init__(
            f"考核历史中有 {len(entries)} 条记录没有考核期止，无法判断哪一次是上一次考核"
            f"（备案编号：{listed}）。请重新导入这些周期带考核期止的考核历史表或工作区，"
            "并选择替换已有的历史等级",
            f"{len(entries)} history entries have no period end, so no one can tell which "
            f"cycle was the previous one (filing numbers: {listed}). Import those cycles "
            "again from a history sheet or workspace with the period end, replacing the "
            "history held",
            details=[
                f"{filing_no}：{cycle}" + (f"（{source}）" if source else "")
                for filing_no, cycle, source in entries
            ],
        )


def earlier_standing(
    session: Session,
    *,
    cycle_name: str,
    period_end: dt.date | None,
    spelled: Mapping[str, str],
    today: dt.date | None = None,
) -> dict[str, PreviousStanding]:
    """What the register says about each platform's earlier cycles, by filing number.

    Earlier cycles are every cycle but ``cycle_name`` that ended before ``period_end`` (all
    others when this cycle has no period end). Reverted events count for nothing.

    - The two-fails rule reads the grade of the most recent earlier cycle whose result was
      final: a grade that was not final is no fail (nor a pass) for it.
    - A bar or a loss of status in any earlier cycle carries, final or not.
    - An earlier rectification whose review failed, or whose deadline passed before this
      cycle's period end (today without one) without a passed review, carries as a loss of
      status.
    - An event of an earlier cycle without its period end refuses to answer
      (:class:`UndatedHistoryError`) rather than guess where that cycle comes.

    ``spelled`` maps identity keys to the filing number as this cycle writes it; the result
    is keyed by it (else by the register's own spelling).
    """
    reference = period_end or today or dt.date.today()
    rows = session.execute(
        select(m.RegisterEntry.filing_no, m.RegisterEvent)
        .join(m.RegisterEvent, m.RegisterEvent.entry_id == m.RegisterEntry.id)
        .where(m.RegisterEvent.reverted_at.is_(None), m.RegisterEvent.origin != "rectification")
        .order_by(m.RegisterEntry.filing_no, m.RegisterEvent.id)
    ).all()

    def earlier(e: m.RegisterEvent) -> bool:
        if e.cycle_name == cycle_name:
            return False
        return period_end is None or e.cycle_end is None or e.cycle_end < period_end

    held = [(f, e) for f, e in rows if earlier(e)]
    undated = [(f, e.cycle_name or "", e.origin_ref or "") for f, e in held if e.cycle_end is None]
    if undated:
        raise UndatedHistoryError(undated)
    earlier_cycles = {(identity_key(f), e.cycle_name) for f, e in held}
    lapsed: dict[str, str] = {}
    for f, r in session.execute(
        select(m.RegisterEntry.filing_no, m.Rectification)
        .join(m.Rectification, m.Rectification.entry_id == m.RegisterEntry.id)
        .where(m.Rectification.reverted_at.is_(None), m.Rectification.cycle_name != cycle_name)
    ):
        if (identity_key(f), r.cycle_name) not in earlier_cycles:
            continue  # ordered by this cycle or a later one
        state = follow_up(r.deadline, r.report_received_on, r.review, reference)
        if is_lapsed(state):
            lapsed[identity_key(f)] = r.cycle_name

    by_key: dict[str, list[tuple[str, m.RegisterEvent]]] = {}
    for f, e in held:
        by_key.setdefault(identity_key(f), []).append((f, e))
    out: dict[str, PreviousStanding] = {}
    for key in by_key.keys() | lapsed.keys():
        events = sorted(
            (e for _, e in by_key.get(key, [])), key=lambda e: (e.cycle_end, e.cycle_name, e.id)
        )
        filing_no = spelled.get(key) or (by_key[key][0][0] if key in by_key else next(iter([key])))
        graded: tuple[Grade, str] | None = None
        barred_in: str | None = None
        disqualified_in: str | None = None
        for e in events:
            if e.is_final and e.grade:
                try:
                    graded = (grade_from_label(e.grade), e.cycle_name or "")
                except ValueError:
                    log.warning(
                        "register grade %r of %s is not a grade; ignored", e.grade, filing_no
                    )
            if e.barred:
                barred_in = e.cycle_name
            if e.decision == DecisionKind.DISQUALIFY.value:
                disqualified_in = e.cycle_name
        out[filing_no] = PreviousStanding(
            grade=graded[0] if graded else None,
            cycle_name=graded[1] if graded else None,
            barred=barred_in is not None,
            disqualified=disqualified_in is not None,
            barred_in=barred_in,
            disqualified_in=disqualified_in,
            rectification_lapsed_in=lapsed.get(key),
        )
    return out


# -------------------------------------------------------------------------- the listing


@dataclass(frozen=True, slots=True)
class RegisterLine:
    """A platform in the register, as ``jlpanel register`` and the 平台名录 window show it."""

    filing_no: str
    name: str
    host_unit: str
    status: RegisterStatus
    status_since: dt.date | None
    status_reason: str
    first_cycle: str
    last_cycle: str
    last_grade: Grade | None
    deadline: dt.date | None
    #: Barred until this day; None with a bar means without end (the Measures set none).
    barred_until: dt.date | None
    follow_up: FollowUp | None
    report_received_on: dt.date | None
    report_name: str | None
    review_reason: str | None
    reviewed_on: dt.date | None

    @property
    def overdue(self) -> bool:
        """A rectification whose review failed or whose deadline passed without a pass."""
        return self.follow_up is not None and is_lapsed(self.follow_up)


def register_lines(ws: Workspace, *, today: dt.date | None = None) -> list[RegisterLine]:
    """Every platform in the register, by filing number."""
    day = today or dt.date.today()
    out: list[RegisterLine] = []
    with ws.reading() as s:
        for entry in s.scalars(select(m.RegisterEntry).order_by(m.RegisterEntry.filing_no)):
            live = [e for e in _live(entry.events) if e.origin != "rectification" and e.grade]
            live.sort(key=lambda e: (e.cycle_end or dt.date.min, e.id))
            try:
                grade = grade_from_label(live[-1].grade or "") if live else None
            except ValueError:
                grade = None
            rects = sorted(
                (r for r in entry.rectifications if r.reverted_at is None),
                key=lambda r: (r.ordered_on or dt.date.min, r.id),
            )
            rect = rects[-1] if rects else None
            state = (
                follow_up(rect.deadline, rect.report_received_on, rect.review, day)
                if rect is not None
                else None
            )
            out.append(
                RegisterLine(
                    filing_no=entry.filing_no,
                    name=entry.name or "",
                    host_unit=entry.host_unit or "",
                    status=RegisterStatus(entry.status),
                    status_since=entry.status_since,
                    status_reason=entry.status_reason or "",
                    first_cycle=entry.first_cycle or "",
                    last_cycle=entry.last_cycle or "",
                    last_grade=grade,
                    deadline=rect.deadline if rect is not None else None,
                    barred_until=entry.barred_until,
                    follow_up=state,
                    report_received_on=rect.report_received_on if rect else None,
                    report_name=rect.report_name if rect else None,
                    review_reason=rect.review_reason if rect else None,
                    reviewed_on=rect.reviewed_on if rect else None,
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class TimelineLine:
    """One event of a platform's status history."""

    effective_on: dt.date | None
    cycle_name: str
    origin: str
    grade: Grade | None
    decision: str
    from_status: RegisterStatus | None
    to_status: RegisterStatus
    reason: str
    actor: str
    reverted: bool
    revert_reason: str


def earlier_history(ws: Workspace, language: str = "zh") -> list[HistoryLine]:
    """The earlier cycles the open cycle's decisions read, as the register holds them: each
    cycle confirmed in this store and the history imported from earlier files and sheets,
    every one that ended before this cycle's period end (all others without one), reverted
    lines left out; by filing number, oldest cycle first.

    ``source`` is the file the history came from, or for a cycle of this store when it was
    confirmed (in ``language``).
    """
    from jlpanel.services.history import HistoryLine

    info = ws.cycle_info()
    with ws.reading() as s:
        here = {
            identity_key(f)
            for (f,) in s.execute(
                select(m.Platform.filing_no).where(m.Platform.cycle_id == info.id)
            )
        }
        rows = s.execute(
            select(m.RegisterEntry, m.RegisterEvent)
            .join(m.RegisterEvent, m.RegisterEvent.entry_id == m.RegisterEntry.id)
            .where(
                m.RegisterEvent.reverted_at.is_(None),
                m.RegisterEvent.origin.in_(("confirmation", "history")),
                m.RegisterEvent.cycle_name != info.name,
            )
        ).all()
    out: list[HistoryLine] = []
    for entry, event in rows:
        end = event.cycle_end
        if info.period_end is not None and end is not None and end >= info.period_end:
            continue  # a later cycle, or one beside this one: not this cycle's history
        try:
            grade = grade_from_label(event.grade) if event.grade else None
            decision = DecisionKind(event.decision) if event.decision else None
        except ValueError:
            grade, decision = None, None
        if grade is None:
            continue  # nothing a rule reads
        if event.origin == "confirmation":
            day = event.effective_on.isoformat() if event.effective_on else "?"
            source = (
                f"confirmed in this store on {day}"
                if language.startswith("en")
                else f"本存储，{day} 确定"
            )
        else:
            source = event.origin_ref or ""
        out.append(
            HistoryLine(
                filing_no=entry.filing_no,
                platform_name=entry.name or "",
                cycle_name=event.cycle_name or "",
                cycle_end=end,
                grade=grade,
                source=source,
                in_cycle=identity_key(entry.filing_no) in here,
                decision=decision,
                barred=event.barred,
                is_final=event.is_final,
            )
        )
    out.sort(key=lambda h: (h.filing_no, h.cycle_end or dt.date.min, h.cycle_name))
    return out


def timeline(ws: Workspace, filing_no: str) -> list[TimelineLine]:
    """A platform's status history across cycles, reverted events included (marked)."""
    with ws.reading() as s:
        entry = _one_entry(s, filing_no)
        events = sorted(
            entry.events, key=lambda e: (e.effective_on or dt.date.min, e.at, e.id or 0)
        )
        out = []
        for e in events:
            try:
                grade = grade_from_label(e.grade) if e.grade else None
            except ValueError:
                grade = None
            out.append(
                TimelineLine(
                    effective_on=e.effective_on,
                    cycle_name=e.cycle_name or "",
                    origin=e.origin,
                    grade=grade,
                    decision=e.decision or "",
                    from_status=RegisterStatus(e.from_status) if e.from_status else None,
                    to_status=RegisterStatus(e.to_status),
                    reason=e.reason,
                    actor=e.actor,
                    reverted=e.reverted_at is not None,
                    revert_reason=e.revert_reason or "",
                )
            )
        return out


def _col(zh: str, en: str, language: str, kind: ColumnKind = ColumnKind.TEXT) -> Column:
    return Column(en if language.startswith("en") else zh, kind)


def _barred_until(line: RegisterLine, language: str) -> str:
    if line.status is not RegisterStatus.BARRED:
        return ""
    if line.barred_until is None:
        return "indefinitely" if language == "en" else "长期"
    return line.barred_until.isoformat()


def register_sheet(lines: Sequence[RegisterLine], language: str = "zh") -> Sheet:
    """The register as a table: what ``jlpanel register`` prints or writes as CSV."""
    lang = "en" if language.startswith("en") else "zh"
    columns = (
        _col("备案编号", "Filing no.", lang),
        _col("平台名称", "Platform", lang),
        _col("依托单位", "Host unit", lang),
        _col("状态", "Status", lang),
        _col("状态起始", "Since", lang, ColumnKind.DATE),
        _col("最近考核周期", "Last cycle", lang),
        _col("最近等级", "Last grade", lang),
        _col("整改期限", "Rectify by", lang, ColumnKind.DATE),
        _col("整改跟进", "Follow-up", lang),
        _col("整改报告收到", "Report received", lang, ColumnKind.DATE),
        _col("禁止申报至", "Barred until", lang),
        _col("逾期", "Overdue", lang),
        _col("理由", "Reason", lang),
    )
    yes, no = ("yes", "no") if lang == "en" else ("是", "否")
    rows = [
        (
            line.filing_no,
            line.name,
            line.host_unit,
            STATUS_LABELS[line.status].get(lang),
            line.status_since,
            line.last_cycle,
            line.last_grade.label.get(lang) if line.last_grade else "",
            line.deadline,
            FOLLOW_UP_LABELS[line.follow_up].get(lang) if line.follow_up else "",
            line.report_received_on,
            _barred_until(line, lang),
            (yes if line.overdue else no) if line.follow_up else "",
            line.status_reason,
        )
        for line in lines
    ]
    return Sheet("平台名录" if lang == "zh" else "Register", columns, rows)


def register_csv(lines: Sequence[RegisterLine], language: str = "zh") -> bytes:
    """The register as CSV bytes (BOM, CRLF), as every CSV the program writes."""
    return csv_bytes(register_sheet(lines, language))


def register_text_rows(lines: Sequence[RegisterLine], language: str = "zh") -> list[list[str]]:
    """The register's header and rows as text, for printing."""
    return text_rows(register_sheet(lines, language))


def decision_text(decision: str, language: str = "zh") -> str:
    """A stored decision in words."""
    try:
        return DECISION_LABELS[DecisionKind(decision)].get(language)
    except ValueError:
        return decision


ORIGIN_LABELS: Mapping[str, Text] = {
    "confirmation": Text("确认结果", "Confirmed results"),
    "history": Text("考核历史", "History"),
    "rectification": Text("整改复核", "Rectification review"),
}


def export_register(path: Path, lines: Sequence[RegisterLine], language: str = "zh") -> Path:
    """The register (the lines given, e.g. those a filter shows) as .xlsx or .csv."""
    path = Path(path)
    sheet = register_sheet(lines, language)
    write_table(path, sheet)
    log.info("exported the register (%d platforms) to %s", len(lines), path)
    return path


# -------------------------------------------------------------- check-out and check-in

#: What a revert adds to a status line, and a follow-up or a revert to a rectification: the
#: fields a line both stores hold may gain.
_EVENT_REVERT = ("reverted_at", "reverted_by", "revert_reason")
_RECTIFICATION_FOLLOW_UP = (
    "report_received_on",
    "report_name",
    "report_sha256",
    "report_data",
    "review",
    "review_reason",
    "reviewed_on",
    "reviewed_by",
    "reverted_at",
)
_EVENT_FIELDS = (
    "origin",
    "origin_ref",
    "cycle_name",
    "cycle_end",
    "grade",
    "decision",
    "barred",
    "is_final",
    "from_status",
    "to_status",
    "effective_on",
    "reason",
    "actor",
    "at",
    *_EVENT_REVERT,
)
_RECTIFICATION_FIELDS = (
    "cycle_name",
    "ordered_on",
    "deadline",
    "origin_ref",
    *_RECTIFICATION_FOLLOW_UP,
)


def _event_key(e: m.RegisterEvent) -> tuple[object, ...]:
    return (e.origin, e.origin_ref, e.cycle_name, e.to_status, e.effective_on, e.at)


def _rectification_key(r: m.Rectification) -> tuple[object, ...]:
    return (r.cycle_name, r.origin_ref, r.ordered_on)


def merge_register(source: Session, target: Session, reason: str) -> int:
    """Bring ``source``'s register into ``target``'s (a check-in, or the copy a check-out
    writes): lines ``target`` lacks are added, a revert or a follow-up ``source`` recorded
    on a line both hold is added to it, nothing of ``target``'s is removed; the touched
    platforms' statuses are settled again. Returns the lines added or completed."""
    mine = {identity_key(e.filing_no): e for e in target.scalars(select(m.RegisterEntry)).all()}
    changed = 0
    for theirs in source.scalars(select(m.RegisterEntry)).all():
        entry = mine.get(identity_key(theirs.filing_no))
        if entry is None:
            entry = m.RegisterEntry(
                filing_no=theirs.filing_no, name=theirs.name, host_unit=theirs.host_unit
            )
            target.add(entry)
            mine[identity_key(theirs.filing_no)] = entry
        touched = False
        events = {_event_key(e): e for e in entry.events}
        for event in theirs.events:
            held = events.get(_event_key(event))
            if held is None:
                entry.events.append(
                    m.RegisterEvent(**{f: getattr(event, f) for f in _EVENT_FIELDS})
                )
                touched = True
            elif held.reverted_at is None and event.reverted_at is not None:
                for field in _EVENT_REVERT:
                    setattr(held, field, getattr(event, field))
                touched = True
        held_rect = {_rectification_key(r): r for r in entry.rectifications}
        for rect in theirs.rectifications:
            kept = held_rect.get(_rectification_key(rect))
            if kept is None:
                entry.rectifications.append(
                    m.Rectification(**{f: getattr(rect, f) for f in _RECTIFICATION_FIELDS})
                )
                touched = True
                continue
            for field in _RECTIFICATION_FOLLOW_UP:
                if getattr(kept, field) is None and getattr(rect, field) is not None:
                    setattr(kept, field, getattr(rect, field))
                    touched = True
        if touched:
            changed += 1
            if theirs.name:
                entry.name = theirs.name
            if theirs.host_unit:
                entry.host_unit = theirs.host_unit
            _settle(target, entry, reason)
    return changed
