"""Experts of a cycle: importing the roster, conflicts of interest, assignment and its matrix.

* :func:`import_roster` reads ``experts.xlsx`` and stores it all-or-nothing, with the
  conflicts the rules find against the cycle's platforms;
* :func:`refresh_conflicts` recomputes the rule-based conflicts after dossiers change (an
  expert's declared conflicts are kept);
* :func:`assign_experts` stores who scores which platform, or refuses, naming every platform
  with too few conflict-free experts, and changes nothing;
* :func:`assignment_matrix` is the experts × platforms view the GUI shows;
* :func:`list_possible_conflicts` lists experts who share a name with someone a dossier names,
  and where each stands; staff :func:`confirm_possible_conflict` (the same person: a conflict),
  :func:`clear_possible_conflict` (not the same person) or :func:`reopen_possible_conflict`.

Conflict reasons are stored in Chinese, the language of the department's record; the English
text is recomputed when shown.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from jlpanel.domain.assignment import AssignmentError, assign
from jlpanel.domain.conflicts import (
    RULE_SOURCES,
    ConflictFinding,
    ConflictSource,
    ExpertProfile,
    NameCheckDecision,
    NameCheckStatus,
    PlatformPeople,
    PlatformProfile,
    PossibleConflict,
    confirmed_same_name_reason,
    find_conflicts,
    name_check_status,
    same_name_conflicts,
    split_units,
)
from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.identity import identity_key
from jlpanel.domain.rules import RuleSettings
from jlpanel.domain.text import Text
from jlpanel.services.dossiers import platforms_by_filing_no
from jlpanel.services.errors import UserError
from jlpanel.services.workspace import Workspace, backup_to, current_actor, record
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

log = logging.getLogger(__name__)

#: How several 回避单位 are kept in the workspace's one text column.
AVOID_UNITS_SEPARATOR = "；"


# ------------------------------------------------------------------------------- results


class RosterStatus(StrEnum):
    """What happened to a roster file."""

    IMPORTED = "imported"
    REPLACED = "replaced"
    REFUSED = "refused"  # errors in the file: nothing changed
    EXISTS = "exists"  # the cycle has a roster and replacing was not asked for
    LOCKED = "locked"  # packages were issued or scores entered: the roster cannot change


@dataclass(frozen=True, slots=True)
class ExpertLine:
    """An expert as stored."""

    id: int
    name: str
    institution: str | None
    title: str | None
    field: str | None
    contact: str | None
    avoid_units: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ConflictLine:
    """A stored conflict, with the names a person reads."""

    expert_id: int
    expert_name: str
    platform_id: int
    platform_name: str
    filing_no: str
    source: ConflictSource
    reason: Text

    def describe(self, language: str = "zh") -> str:
        """ "王志刚 — 吉林省…平台（JL-001）：同单位回避：专家工作单位…"."""
        return _describe_pair(self, self.source.label, self.reason, language)


_CHECK_KINDS = {
    NameCheckStatus.TO_CHECK: Text("疑似同一人", "possibly the same person"),
    NameCheckStatus.CONFIRMED: Text(
        "已确认为同一人，须回避", "confirmed as the same person, kept off"
    ),
    NameCheckStatus.CLEARED: Text("已排除，不是同一人", "cleared, not the same person"),
}


@dataclass(frozen=True, slots=True)
class PossibleConflictLine:
    """An expert named in a platform's dossier (same name), and where staff's check stands."""

    expert_id: int
    expert_name: str
    platform_id: int
    platform_name: str
    filing_no: str
    #: Where the name appears: the finding now, or (no longer found) the one confirmed.
    reason: Text
    status: NameCheckStatus = NameCheckStatus.TO_CHECK
    #: Who decided, when, with what note: the decision in force, or the clearing that no
    #: longer holds (``reason_changed``). None when never decided.
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    note: str | None = None
    #: Cleared before on another finding: the dossier changed since, so it is to check again.
    reason_changed: bool = False
    #: Whether the dossier still names the expert (a confirmation stays listed when not).
    found: bool = True

    @property
    def open(self) -> bool:
        """Still to check."""
        return self.status is NameCheckStatus.TO_CHECK

    def decision_text(self, language: str = "zh") -> str:
        """Who decided what and when, with the note: "（张三，2026-12-08 核实；备注：…）"."""
        if self.decided_at is None:
            return ""
        day = self.decided_at.astimezone().date().isoformat()
        en = language.startswith("en")
        if self.reason_changed:
            head = (
                f"cleared by {self.decided_by} on {day}, before the dossier changed"
                if en
                else f"{self.decided_by} 曾于 {day} 排除，此后材料有变化"
            )
        else:
            head = f"{self.decided_by}, {day}" if en else f"{self.decided_by}，{day} 核实"
        if self.note:
            head += f"; note: {self.note}" if en else f"；备注：{self.note}"
        return f" ({head})" if en else f"（{head}）"

    def describe(self, language: str = "zh") -> str:
        """ "王志刚 — 吉林省…平台（JL-001）：疑似同一人：专家“王志刚”与…"."""
        text = _describe_pair(self, _CHECK_KINDS[self.status], self.reason, language)
        return text + self.decision_text(language)


@dataclass(frozen=True, slots=True)
class NameCheckOutcome:
    """What confirming, clearing or reopening a same-name match did."""

    #: The match as it stands now (None: reopened, and the dossier no longer names the expert).
    line: PossibleConflictLine | None
    #: False when the same decision, on the same finding and with the same note, was in force.
    changed: bool
    #: Confirmed while the expert is assigned the platform: the assignment must be redone.
    assigned: bool
    #: Same-name matches still to check in the cycle.
    still_open: int


def _describe_pair(
    line: ConflictLine | PossibleConflictLine, kind: Text, reason: Text, language: str
) -> str:
    """An expert and a platform with why they may not go together, in one line."""
    if language.startswith("en"):
        return (
            f"{line.expert_name} — {line.platform_name} ({line.filing_no}): {kind.en}: {reason.en}"
        )
    return f"{line.expert_name} — {line.platform_name}（{line.filing_no}）：{kind.zh}：{reason.zh}"


@dataclass(frozen=True, slots=True)
class ConflictRefresh:
    """What recomputing the rule-based conflicts changed."""

    added: tuple[ConflictLine, ...] = ()
    removed: tuple[ConflictLine, ...] = ()
    #: Conflicts that remain with a new reason (the new one).
    updated: tuple[ConflictLine, ...] = ()
    #: Stored assignments that now have a conflict: (expert name, platform name).
    conflicted_assignments: tuple[tuple[str, str], ...] = ()

    @property
    def changed(self) -> bool:
        """Whether any conflict was added, removed or given a new reason."""
        return bool(self.added or self.removed or self.updated)


@dataclass(frozen=True, slots=True)
class RosterImportOutcome:
    """The result of importing a roster file."""

    path: Path
    status: RosterStatus
    #: The cycle's experts after the import (empty when refused).
    experts: tuple[ExpertLine, ...] = ()
    #: Every conflict stored after the import, declared ones included.
    conflicts: tuple[ConflictLine, ...] = ()
    #: Errors when refused; warnings otherwise.
    findings: tuple[Finding, ...] = ()
    #: Assignments removed because the roster was replaced.
    assignments_cleared: int = 0
    #: Experts who share a name with someone a dossier names, still to check.
    possible_conflicts: tuple[PossibleConflictLine, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the roster is now in the workspace."""
        return self.status in (RosterStatus.IMPORTED, RosterStatus.REPLACED)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that refused the roster."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings that did not."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def conflict_counts(self) -> dict[ConflictSource, int]:
        """How many conflicts each source gave."""
        counts = Counter(c.source for c in self.conflicts)
        return {source: counts.get(source, 0) for source in ConflictSource}


@dataclass(frozen=True, slots=True)
class ExpertLoad:
    """An expert and how many platforms they score."""

    id: int
    name: str
    load: int


@dataclass(frozen=True, slots=True)
class PlatformCoverage:
    """A platform, its assigned experts and how many conflict-free experts it has."""

    id: int
    name: str
    filing_no: str
    assigned: tuple[str, ...]  # expert names, in roster order
    conflict_free: int


@dataclass(frozen=True, slots=True)
class AssignmentSummary:
    """The stored assignment."""

    per_platform: int | None  # None: every expert scores every conflict-free platform
    min_per_platform: int
    experts: tuple[ExpertLoad, ...]
    platforms: tuple[PlatformCoverage, ...]
    #: Assignments stored before, all replaced by this one.
    previous: int
    #: Whether anything differs from the assignment stored before.
    changed: bool
    conflicts: ConflictRefresh
    #: Same-name matches nobody has checked: the assignment does not keep those experts off.
    name_checks_open: int = 0

    @property
    def size(self) -> int:
        """The number of (expert, platform) assignments."""
        return sum(len(p.assigned) for p in self.platforms)

    def describe(self, language: str = "zh") -> list[str]:
        """Lines for the command line: the mode, each expert's load, each platform's experts."""
        en = language.startswith("en")
        loads = [e.load for e in self.experts]
        spread = (max(loads) - min(loads)) if loads else 0
        if en:
            mode = (
                "every expert scores every platform without a conflict"
                if self.per_platform is None
                else f"{self.per_platform} experts per platform, balanced load"
            )
            lines = [
                f"Assigned {self.size} reviews of {len(self.platforms)} platforms to "
                f"{len(self.experts)} experts ({mode}; load spread {spread})"
                + ("" if self.changed else " — unchanged")
            ]
            lines += [f"  {e.name}: {e.load} platform(s)" for e in self.experts]
            lines += [
                f"  {p.name} ({p.filing_no}): {len(p.assigned)} — {', '.join(p.assigned)}"
                for p in self.platforms
            ]
            if self.name_checks_open:
                lines.append(
                    f"{self.name_checks_open} same-name match(es) still to check: the assignment "
                    "does not keep those experts off. Check them (jlpanel experts STORE "
                    "--confirm or --clear EXPERT FILING_NO) and assign again"
                )
        else:
            mode = (
                "每位专家评审所有无回避关系的平台"
                if self.per_platform is None
                else f"每个平台 {self.per_platform} 位专家，工作量均衡"
            )
            lines = [
                f"已分配：{len(self.experts)} 位专家评审 {len(self.platforms)} 个平台，共 "
                f"{self.size} 份（{mode}；工作量差 {spread}）"
                + ("" if self.changed else "，与原分配相同")
            ]
            lines += [f"  {e.name}：{e.load} 个平台" for e in self.experts]
            lines += [
                f"  {p.name}（{p.filing_no}）：{len(p.assigned)} 位 — {'、'.join(p.assigned)}"
                for p in self.platforms
            ]
            if self.name_checks_open:
                lines.append(
                    f"尚有 {self.name_checks_open} 项同名待核实：本次分配未避开这些专家。"
                    "请核实（jlpanel experts 工作区 --confirm 或 --clear 专家 备案编号）后重新分配"
                )
        return lines


@dataclass(frozen=True, slots=True)
class PlatformShortfall:
    """A platform with too few conflict-free experts."""

    platform_id: int
    name: str
    filing_no: str
    available: int
    required: int


class AssignmentRefused(UserError):
    """No assignment: these platforms have too few conflict-free experts. Nothing changed."""

    def __init__(self, shortfalls: Sequence[PlatformShortfall]) -> None:
        self.shortfalls = tuple(shortfalls)
        required = max(s.required for s in self.shortfalls)
        count = len(self.shortfalls)
        super().__init__(
            f"以下 {count} 个平台无回避关系的专家不足 {required} 位，未作分配（工作区未改动）。"
            "请增加专家，或核对工作单位与回避单位：",
            f"{count} platform(s) have fewer than {required} experts without a conflict of "
            "interest; nothing was assigned (the workspace is unchanged). Add experts, or check "
            "their institutions and units to avoid:",
            details=[
                f"{s.name}（{s.filing_no}）：无回避关系的专家 {s.available} 位，"
                f"需要 {s.required} 位"
                for s in self.shortfalls
            ],
        )
        self.details_en = tuple(
            f"{s.name} ({s.filing_no}): {s.available} conflict-free expert(s), {s.required} needed"
            for s in self.shortfalls
        )

    def message(self, language: str = "zh") -> str:
        """The message in ``language``, one platform per line."""
        if not language.startswith("en"):
            return super().message(language)
        return "\n".join([self.en, *(f"  - {d}" for d in self.details_en)])


# ------------------------------------------------------------------------- matrix types


class CellState(StrEnum):
    """What a cell of the assignment matrix shows."""

    ASSIGNED = "assigned"
    CONFLICT = "conflict"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class MatrixConflict:
    """One conflict in a matrix cell."""

    source: ConflictSource
    reason: Text


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """An expert × platform cell."""

    assigned: bool
    conflicts: tuple[MatrixConflict, ...] = ()

    @property
    def state(self) -> CellState:
        """A conflict shows first, even on an assigned cell."""
        if self.conflicts:
            return CellState.CONFLICT
        return CellState.ASSIGNED if self.assigned else CellState.NONE

    @property
    def needs_attention(self) -> bool:
        """Assigned although there is a conflict (it arose after the assignment)."""
        return self.assigned and bool(self.conflicts)

    def reason(self, language: str = "zh") -> str:
        """The conflicts' sources and reasons, one per line."""
        sep = ": " if language.startswith("en") else "："
        return "\n".join(
            f"{c.source.label.get(language)}{sep}{c.reason.get(language)}" for c in self.conflicts
        )


@dataclass(frozen=True, slots=True)
class MatrixExpert:
    """A row of the matrix."""

    id: int
    name: str
    institution: str | None
    title: str | None
    field: str | None
    load: int  # platforms assigned


@dataclass(frozen=True, slots=True)
class MatrixPlatform:
    """A column of the matrix."""

    id: int
    name: str
    filing_no: str
    host_unit: str | None
    assigned: int  # experts assigned
    conflict_free: int  # experts without a conflict


@dataclass(frozen=True, slots=True)
class AssignmentMatrix:
    """Experts (rows) × platforms (columns): assigned, conflict (with reasons) or nothing."""

    experts: tuple[MatrixExpert, ...]
    platforms: tuple[MatrixPlatform, ...]
    #: ``cells[row][column]``, rows in roster order, columns in import order.
    cells: tuple[tuple[MatrixCell, ...], ...]
    min_per_platform: int
    #: The stored rule-based conflicts differ from what the rules give now (a dossier or the
    #: roster changed): :func:`refresh_conflicts` or :func:`assign_experts` brings them up to date.
    conflicts_stale: bool

    def cell(self, row: int, column: int) -> MatrixCell:
        """The cell of expert ``row`` and platform ``column``."""
        return self.cells[row][column]

    @property
    def has_assignment(self) -> bool:
        """Whether any assignment is stored."""
        return any(e.load for e in self.experts)

    @property
    def short_platforms(self) -> tuple[MatrixPlatform, ...]:
        """Platforms with fewer conflict-free experts than a result needs."""
        return tuple(p for p in self.platforms if p.conflict_free < self.min_per_platform)


# ------------------------------------------------------------------------------ helpers


def _rules(session: Session) -> RuleSettings:
    cycle = session.scalars(select(m.Cycle)).one()
    return RuleSettings.from_dict(json.loads(cycle.rules_json))


def _experts(session: Session) -> list[m.Expert]:
    return list(session.scalars(select(m.Expert).order_by(m.Expert.id)))


def _platforms(session: Session) -> list[m.Platform]:
    return list(session.scalars(select(m.Platform).order_by(m.Platform.id)))


def _pairs(session: Session, model: type[m.Conflict] | type[m.Assignment]) -> set[tuple[int, int]]:
    """The (expert id, platform id) pairs of a table."""
    return {(e, p) for e, p in session.execute(select(model.expert_id, model.platform_id))}


def _expert_profile(expert: m.Expert) -> ExpertProfile:
    return ExpertProfile(
        expert.id, expert.name, expert.institution, split_units(expert.avoid_units)
    )


def _platform_profile(platform: m.Platform) -> PlatformProfile:
    return PlatformProfile(platform.id, platform.name, platform.host_unit)


def _rule_conflicts(
    experts: Sequence[m.Expert], platforms: Sequence[m.Platform]
) -> dict[tuple[int, int, ConflictSource], ConflictFinding]:
    found = find_conflicts(
        [_expert_profile(e) for e in experts], [_platform_profile(p) for p in platforms]
    )
    return {(int(f.expert_key), int(f.platform_key), f.source): f for f in found}


def _line(
    expert: m.Expert, platform: m.Platform, source: ConflictSource, reason: Text
) -> ConflictLine:
    return ConflictLine(
        expert.id, expert.name, platform.id, platform.name, platform.filing_no, source, reason
    )


def _live_conflicts(
    session: Session, experts: Sequence[m.Expert], platforms: Sequence[m.Platform]
) -> dict[tuple[int, int, ConflictSource], ConflictFinding]:
    """The conflicts the rules and the confirmed same names give now (for their English)."""
    return {
        **_rule_conflicts(experts, platforms),
        **_confirmed_same_names(session, experts, platforms),
    }


def _audit_line(line: ConflictLine) -> dict[str, str]:
    return {
        "expert": line.expert_name,
        "platform": line.filing_no,
        "source": line.source.value,
        "reason": line.reason.zh,
    }


def _stored_conflicts(
    session: Session,
    experts: Sequence[m.Expert],
    platforms: Sequence[m.Platform],
    live: dict[tuple[int, int, ConflictSource], ConflictFinding] | None = None,
) -> list[ConflictLine]:
    """Every stored conflict, ordered by expert, platform and source."""
    by_expert = {e.id: e for e in experts}
    by_platform = {p.id: p for p in platforms}
    order = {s: i for i, s in enumerate(ConflictSource)}
    lines: list[ConflictLine] = []
    for expert_id, platform_id, source, reason in session.execute(
        select(m.Conflict.expert_id, m.Conflict.platform_id, m.Conflict.source, m.Conflict.reason)
    ):
        kind = ConflictSource(source)
        current = (live or {}).get((expert_id, platform_id, kind))
        text = (
            current.reason
            if current is not None and current.reason.zh == (reason or "")
            else Text(reason or "", reason or "")
        )
        lines.append(_line(by_expert[expert_id], by_platform[platform_id], kind, text))
    expert_order = {e.id: i for i, e in enumerate(experts)}
    platform_order = {p.id: i for i, p in enumerate(platforms)}
    lines.sort(
        key=lambda c: (expert_order[c.expert_id], platform_order[c.platform_id], order[c.source])
    )
    return lines


def _platform_people(session: Session, platforms: Sequence[m.Platform]) -> list[PlatformPeople]:
    """The people each platform's dossier names: director, contact and the staff sheet."""
    ids = [p.id for p in platforms]
    staff: dict[int, list[tuple[str, int | None]]] = {}
    for platform_id, name, row in session.execute(
        select(m.StaffMember.platform_id, m.StaffMember.name, m.StaffMember.source_row)
        .where(m.StaffMember.name.is_not(None), m.StaffMember.platform_id.in_(ids))
        .order_by(m.StaffMember.platform_id, m.StaffMember.id)
    ):
        staff.setdefault(platform_id, []).append((name or "", row))
    return [
        PlatformPeople(p.id, p.director, p.contact_person, tuple(staff.get(p.id, ())))
        for p in platforms
    ]


def _same_names(
    session: Session, experts: Sequence[m.Expert], platforms: Sequence[m.Platform]
) -> dict[tuple[int, int], PossibleConflict]:
    """The same-name findings now, by (expert id, platform id)."""
    found = same_name_conflicts(
        [_expert_profile(e) for e in experts], _platform_people(session, platforms)
    )
    return {(int(f.expert_key), int(f.platform_key)): f for f in found}


def _name_checks(session: Session) -> dict[tuple[int, int], m.NameCheck]:
    return {(c.expert_id, c.platform_id): c for c in session.scalars(select(m.NameCheck))}


def _possible_conflicts(
    session: Session, experts: Sequence[m.Expert], platforms: Sequence[m.Platform]
) -> list[PossibleConflictLine]:
    """Same-name matches between experts and the people the dossiers name, with their status.

    A pair already kept apart by another conflict (same institution, roster, declared) and
    never checked is left out: there is nothing to decide. A confirmed pair stays listed
    when the dossier no longer names the expert, with the finding it was confirmed on.
    Ordered by expert, then platform.
    """
    findings = _same_names(session, experts, platforms)
    checks = _name_checks(session)
    kept_apart = {
        (e, p)
        for e, p in session.execute(
            select(m.Conflict.expert_id, m.Conflict.platform_id).where(
                m.Conflict.source != ConflictSource.SAME_NAME.value
            )
        )
    }
    by_expert = {e.id: e for e in experts}
    by_platform = {p.id: p for p in platforms}
    out: list[PossibleConflictLine] = []
    for key in findings.keys() | checks.keys():
        found, check = findings.get(key), checks.get(key)
        if key[0] not in by_expert or key[1] not in by_platform:
            continue
        decision = None if check is None else NameCheckDecision(check.decision)
        if found is None and decision is not NameCheckDecision.CONFIRM:
            continue  # cleared, and the name is gone from the dossier: nothing to show
        if check is None and key in kept_apart:
            continue
        status = name_check_status(
            None if found is None else found.reason.zh,
            decision,
            None if check is None else check.reason,
        )
        if found is not None:
            reason = found.reason
        else:  # a confirmation the dossier no longer bears out: the finding it was made on
            assert check is not None
            reason = Text(check.reason, check.reason)
        expert, platform = by_expert[key[0]], by_platform[key[1]]
        out.append(
            PossibleConflictLine(
                expert.id,
                expert.name,
                platform.id,
                platform.name,
                platform.filing_no,
                reason,
                status,
                decided_by=None if check is None else check.author,
                decided_at=None if check is None else check.decided_at,
                note=None if check is None else check.note,
                reason_changed=decision is NameCheckDecision.CLEAR
                and status is NameCheckStatus.TO_CHECK,
                found=found is not None,
            )
        )
    expert_order = {e.id: i for i, e in enumerate(experts)}
    platform_order = {p.id: i for i, p in enumerate(platforms)}
    out.sort(key=lambda line: (expert_order[line.expert_id], platform_order[line.platform_id]))
    return out


def _confirmed_same_names(
    session: Session, experts: Sequence[m.Expert], platforms: Sequence[m.Platform]
) -> dict[tuple[int, int, ConflictSource], ConflictFinding]:
    """The conflicts confirmed same names give now, with their reasons in both languages."""
    findings = _same_names(session, experts, platforms)
    out: dict[tuple[int, int, ConflictSource], ConflictFinding] = {}
    for key, check in _name_checks(session).items():
        found = findings.get(key)
        if check.decision == NameCheckDecision.CONFIRM.value and found is not None:
            out[(*key, ConflictSource.SAME_NAME)] = ConflictFinding(
                key[0],
                key[1],
                ConflictSource.SAME_NAME,
                confirmed_same_name_reason(found.reason, check.note),
            )
    return out


def list_possible_conflicts(ws: Workspace) -> list[PossibleConflictLine]:
    """Experts who share a name with a platform's director, contact or staff, and their checks.

    Each line says whether it is still to check, confirmed (a conflict) or cleared.
    """
    with ws.reading() as s:
        return _possible_conflicts(s, _experts(s), _platforms(s))


def find_expert_and_platform(ws: Workspace, expert: str, filing_no: str) -> tuple[int, int]:
    """The ids of an expert (by name, or by id) and a platform (by 备案编号).

    Names and numbers are compared on their identity key, so a space, full-width letters or
    an invisible character typed on the command line do not matter.
    """
    wanted_expert = identity_key(expert)
    with ws.reading() as s:
        experts = _experts(s)
    by_name = [e for e in experts if wanted_expert and identity_key(e.name) == wanted_expert]
    if not by_name and expert.strip().isdigit():
        by_name = [e for e in experts if e.id == int(expert.strip())]
    if not by_name:
        raise UserError(
            f"本周期的专家名单中没有“{expert}”", f"No expert '{expert}' on this cycle's roster"
        )
    (platform,) = platforms_by_filing_no(ws, [filing_no])
    return by_name[0].id, platform.id


def confirm_possible_conflict(
    ws: Workspace,
    expert_id: int,
    platform_id: int,
    *,
    note: str | None = None,
    seen_reason: str | None = None,
    author: str | None = None,
) -> NameCheckOutcome:
    """Staff confirm a same-name match: the same person, kept off the platform (audited).

    Stores a ``same_name`` conflict, which assignment, packages and merging respect like any
    other. ``seen_reason`` (the Chinese finding the user looked at) refuses the decision when
    the dossier changed meanwhile. Refused when the dossier does not name the expert.
    """
    return _decide(ws, expert_id, platform_id, NameCheckDecision.CONFIRM, note, seen_reason, author)


def clear_possible_conflict(
    ws: Workspace,
    expert_id: int,
    platform_id: int,
    *,
    note: str | None = None,
    seen_reason: str | None = None,
    author: str | None = None,
) -> NameCheckOutcome:
    """Staff clear a same-name match: not the same person (audited, with an optional note).

    It is no longer listed as to check while the finding stays the same; a confirmation made
    before is withdrawn with its conflict.
    """
    return _decide(ws, expert_id, platform_id, NameCheckDecision.CLEAR, note, seen_reason, author)


def reopen_possible_conflict(
    ws: Workspace, expert_id: int, platform_id: int, *, author: str | None = None
) -> NameCheckOutcome:
    """Undo a confirmation or a clearing: the match is to check again (audited)."""
    return _decide(ws, expert_id, platform_id, None, None, None, author)


def _check_audit(check: m.NameCheck) -> dict[str, Any]:
    return {
        "decision": check.decision,
        "reason": check.reason,
        "note": check.note,
        "author": check.author,
        "decided_at": check.decided_at.isoformat(),
    }


def _decide(
    ws: Workspace,
    expert_id: int,
    platform_id: int,
    decision: NameCheckDecision | None,
    note: str | None,
    seen_reason: str | None,
    author: str | None,
) -> NameCheckOutcome:
    """Store (or with ``decision`` None, remove) staff's decision on one same-name match."""
    note = (note or "").strip() or None
    who = author or current_actor()
    # The write lock first: what is decided on is read in the transaction that records it.
    with ws.session() as s:
        expert, platform = s.get(m.Expert, expert_id), s.get(m.Platform, platform_id)
        if expert is None or platform is None:
            raise UserError(
                "该专家或平台已不在本周期中；请刷新后再核实",
                "The expert or the platform is no longer in this cycle; refresh and check again",
            )
        pair = f"{expert.name} — {platform.name}（{platform.filing_no}）"
        pair_en = f"{expert.name} — {platform.name} ({platform.filing_no})"
        found = _same_names(s, [expert], [platform]).get((expert.id, platform.id))
        check = s.scalars(
            select(m.NameCheck).where(
                m.NameCheck.expert_id == expert.id, m.NameCheck.platform_id == platform.id
            )
        ).one_or_none()
        same_name_conflict = delete(m.Conflict).where(
            m.Conflict.expert_id == expert.id,
            m.Conflict.platform_id == platform.id,
            m.Conflict.source == ConflictSource.SAME_NAME.value,
        )
        changed = True
        if decision is None:
            if check is None:
                raise UserError(f"{pair}：没有核实结果可撤销", f"{pair_en}: no check to undo")
            s.execute(same_name_conflict)
            record(
                s,
                "reopen_same_name",
                "expert",
                expert.id,
                old={"platform": platform.filing_no, **_check_audit(check)},
                new={"platform": platform.filing_no, "decision": None},
            )
            s.delete(check)
        else:
            if found is None:
                raise UserError(
                    f"{pair}：该平台材料中没有与专家同名的人，无需核实",
                    f"{pair_en}: the platform's dossier names nobody of the expert's name; "
                    "there is nothing to check",
                )
            if seen_reason is not None and seen_reason != found.reason.zh:
                raise UserError(
                    f"{pair}：平台材料刚有变化，同名情况已不同；请刷新后再核实",
                    f"{pair_en}: the dossier has just changed and so has the same-name finding; "
                    "refresh and check again",
                )
            changed = check is None or (check.decision, check.reason, check.note) != (
                decision.value,
                found.reason.zh,
                note,
            )
            if changed:
                old = None if check is None else _check_audit(check)
                if check is None:
                    check = m.NameCheck(expert_id=expert.id, platform_id=platform.id)
                    s.add(check)
                check.decision = decision.value
                check.reason = found.reason.zh
                check.note = note
                check.author = who
                check.decided_at = m.utc_now()
                s.execute(same_name_conflict)
                if decision is NameCheckDecision.CONFIRM:
                    s.flush()
                    s.add(
                        m.Conflict(
                            expert_id=expert.id,
                            platform_id=platform.id,
                            source=ConflictSource.SAME_NAME.value,
                            reason=confirmed_same_name_reason(found.reason, note).zh,
                        )
                    )
                record(
                    s,
                    f"{decision.value}_same_name",
                    "expert",
                    expert.id,
                    old=None if old is None else {"platform": platform.filing_no, **old},
                    new={
                        "platform": platform.filing_no,
                        "expert": expert.name,
                        "decision": decision.value,
                        "reason": found.reason.zh,
                        "note": note,
                        "author": who,
                    },
                )
        s.flush()
        lines = _possible_conflicts(s, _experts(s), _platforms(s))
        line = next(
            (x for x in lines if (x.expert_id, x.platform_id) == (expert.id, platform.id)), None
        )
        assigned = decision is NameCheckDecision.CONFIRM and (expert.id, platform.id) in _pairs(
            s, m.Assignment
        )
        outcome = NameCheckOutcome(line, changed, assigned, sum(1 for x in lines if x.open))
    log.info(
        "same-name check %s/%s: %s%s",
        expert_id,
        platform_id,
        decision.value if decision else "reopened",
        "" if changed else " (unchanged)",
    )
    return outcome


def _refresh(session: Session) -> ConflictRefresh:
    """Bring the stored rule-based conflicts in line with the rules; audited when changed."""
    experts = _experts(session)
    platforms = _platforms(session)
    by_expert = {e.id: e for e in experts}
    by_platform = {p.id: p for p in platforms}
    wanted = _rule_conflicts(experts, platforms)
    stored = {
        (row.expert_id, row.platform_id, ConflictSource(row.source)): row
        for row in session.scalars(
            select(m.Conflict).where(m.Conflict.source.in_([s.value for s in RULE_SOURCES]))
        )
    }
    added: list[ConflictLine] = []
    removed: list[ConflictLine] = []
    updated: list[tuple[ConflictLine, str]] = []
    stale_ids: list[int] = []
    for key, row in stored.items():
        expert, platform = by_expert[key[0]], by_platform[key[1]]
        finding = wanted.get(key)
        if finding is None:
            stale_ids.append(row.id)
            text = row.reason or ""
            removed.append(_line(expert, platform, key[2], Text(text, text)))
        elif (row.reason or "") != finding.reason.zh:
            updated.append((_line(expert, platform, key[2], finding.reason), row.reason or ""))
            row.reason = finding.reason.zh
    new_rows: list[dict[str, Any]] = []
    for key, finding in wanted.items():
        if key in stored:
            continue
        added.append(_line(by_expert[key[0]], by_platform[key[1]], key[2], finding.reason))
        new_rows.append(
            {
                "expert_id": key[0],
                "platform_id": key[1],
                "source": key[2].value,
                "reason": finding.reason.zh,
            }
        )
    if stale_ids:
        session.execute(delete(m.Conflict).where(m.Conflict.id.in_(stale_ids)))
    session.flush()
    insert_rows(session, m.Conflict, new_rows)

    conflicted = _pairs(session, m.Conflict)
    attention = tuple(
        (by_expert[e].name, by_platform[p].name)
        for e, p in sorted(_pairs(session, m.Assignment))
        if (e, p) in conflicted
    )
    refresh = ConflictRefresh(tuple(added), tuple(removed), tuple(u for u, _ in updated), attention)
    if refresh.changed:
        record(
            session,
            "refresh_conflicts",
            "conflict",
            None,
            old={
                "removed": [_audit_line(c) for c in removed],
                "updated": [{**_audit_line(c), "reason": old} for c, old in updated],
            },
            new={
                "added": [_audit_line(c) for c in added],
                "updated": [_audit_line(c) for c, _ in updated],
            },
        )
    return refresh


# ------------------------------------------------------------------------------- roster


def write_roster_template(path: Path) -> None:
    """Write the blank expert roster workbook to ``path``."""
    from jlpanel.exchange.roster_template import write_roster_template as write

    write(path)


def _exists_finding(count: int) -> Finding:
    return Finding(
        Severity.ERROR,
        "roster.exists",
        None,
        None,
        None,
        Text(
            f"本考核周期已导入专家名单（{count} 位专家），未作改动",
            f"This cycle already has a roster of {count} experts; nothing was changed",
        ),
        Text(
            "如需用新名单替换，请选择“替换专家名单”（命令行：--replace）；原有的专家分配将被清除",
            "To replace it, choose “replace” (command line: --replace); the assignment of "
            "experts is then cleared",
        ),
    )


def _locked_finding(packages: int, sheets: int) -> Finding:
    return Finding(
        Severity.ERROR,
        "roster.locked",
        None,
        None,
        None,
        Text(
            f"已向专家发放评审包（{packages} 份）或已录入评分（{sheets} 份），不能再替换专家名单",
            f"Review packages were issued ({packages}) or scores entered ({sheets}); the roster "
            "can no longer be replaced",
        ),
        Text(
            "如需调整个别专家，请使用专家声明回避；名单须在发放评审包之前确定",
            "Use declared conflicts for individual changes; the roster must be settled before "
            "packages are issued",
        ),
    )


def _refusal(session: Session, replace: bool) -> tuple[RosterStatus, Finding] | None:
    count = session.scalar(select(func.count()).select_from(m.Expert)) or 0
    if not count:
        return None
    if not replace:
        return RosterStatus.EXISTS, _exists_finding(count)
    packages = session.scalar(select(func.count()).select_from(m.ReviewPackage)) or 0
    sheets = session.scalar(select(func.count()).select_from(m.ScoreSheet)) or 0
    if packages or sheets:
        return RosterStatus.LOCKED, _locked_finding(packages, sheets)
    return None


def _expert_line(expert: m.Expert) -> ExpertLine:
    return ExpertLine(
        expert.id,
        expert.name,
        expert.institution,
        expert.title,
        expert.field,
        expert.contact,
        split_units(expert.avoid_units),
    )


_EXPERT_FIELDS = ("institution", "title", "field", "contact", "avoid_units")


def import_roster(
    ws: Workspace,
    path: Path,
    *,
    replace: bool = False,
    backup_dir: Path | None = None,
    backup_count: int = 10,
) -> RosterImportOutcome:
    """Import the expert roster in one transaction, with the conflicts the rules find.

    A roster with errors changes nothing (status REFUSED, every error listed). An existing
    roster is kept unless ``replace``; replacing keeps experts of the same name (so their
    declared conflicts stay), removes the others, clears the assignment, and is refused once
    packages were issued or scores entered. ``backup_dir`` takes a backup before replacing.
    """
    from jlpanel.exchange.roster_reader import read_roster

    read = read_roster(path)
    if not read.ok:
        return RosterImportOutcome(path, RosterStatus.REFUSED, findings=tuple(read.findings))
    with ws.reading() as s:
        refusal = _refusal(s, replace)
        had_roster = bool(s.scalar(select(func.count()).select_from(m.Expert)))
    if refusal is not None:
        return RosterImportOutcome(path, refusal[0], findings=(refusal[1],))
    if had_roster and backup_dir is not None:
        backup_to(ws, backup_dir, backup_count, "pre-roster")
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()

    with ws.session() as s:
        refusal = _refusal(s, replace)  # again, inside the transaction that writes
        if refusal is not None:
            return RosterImportOutcome(path, refusal[0], findings=(refusal[1],))
        cycle = s.scalars(select(m.Cycle)).one()
        # Experts are one person however the name was typed (zero-width, width, look-alikes).
        by_key = {identity_key(e.name): e for e in _experts(s)}
        existing = {e.name: e for e in by_key.values()}
        replacing = bool(existing)
        old_names = list(existing)
        changed: dict[str, dict[str, list[str | None]]] = {}
        kept: set[str] = set()
        for row in read.experts:
            values = {
                "institution": row.institution or None,
                "title": row.title or None,
                "field": row.field or None,
                "contact": row.contact or None,
                "avoid_units": AVOID_UNITS_SEPARATOR.join(row.avoid_units) or None,
            }
            expert = by_key.get(identity_key(row.name))
            if expert is None:
                s.add(m.Expert(cycle_id=cycle.id, name=row.name, **values))
                continue
            kept.add(expert.name)
            if expert.name != row.name:  # the same person, the name now typed cleanly
                changed.setdefault(row.name, {})["name"] = [expert.name, row.name]
                expert.name = row.name
            diff = {
                k: [getattr(expert, k), v] for k, v in values.items() if getattr(expert, k) != v
            }
            for k, v in values.items():
                setattr(expert, k, v)
            if diff:
                changed.setdefault(row.name, {}).update(diff)
        cleared = 0
        if replacing:
            cleared = s.scalar(select(func.count()).select_from(m.Assignment)) or 0
            s.execute(delete(m.Assignment))
        gone = [e.id for name, e in existing.items() if name not in kept]
        if gone:
            s.execute(delete(m.Expert).where(m.Expert.id.in_(gone)))
        s.flush()
        new_names = [e.name for e in read.experts]
        record(
            s,
            "replace_roster" if replacing else "import_roster",
            "roster",
            cycle.id,
            old={"experts": old_names} if replacing else None,
            new={
                "source_file": path.name,
                "sha256": sha256,
                "experts": new_names,
                "added": [n for n in new_names if identity_key(n) not in by_key],
                "removed": [n for n in old_names if n not in kept],
                "changed": changed,
                "assignments_cleared": cleared,
            },
        )
        _refresh(s)
        experts = _experts(s)
        platforms = _platforms(s)
        lines = _stored_conflicts(s, experts, platforms, _live_conflicts(s, experts, platforms))
        possible = tuple(p for p in _possible_conflicts(s, experts, platforms) if p.open)
        stored = tuple(_expert_line(e) for e in experts)
    status = RosterStatus.REPLACED if replacing else RosterStatus.IMPORTED
    log.info("%s roster %s: %d experts, %d conflicts", status, path, len(stored), len(lines))
    return RosterImportOutcome(
        path,
        status,
        stored,
        tuple(lines),
        tuple(read.findings),
        assignments_cleared=cleared,
        possible_conflicts=possible,
    )


def list_experts(ws: Workspace) -> list[ExpertLine]:
    """The cycle's experts, in roster order."""
    with ws.reading() as s:
        return [_expert_line(e) for e in _experts(s)]


def list_conflicts(ws: Workspace) -> list[ConflictLine]:
    """Every stored conflict, by expert, platform and source."""
    with ws.reading() as s:
        experts, platforms = _experts(s), _platforms(s)
        return _stored_conflicts(s, experts, platforms, _live_conflicts(s, experts, platforms))


def refresh_conflicts(ws: Workspace) -> ConflictRefresh:
    """Recompute the same-institution and roster conflicts (after dossiers change).

    Declared conflicts are kept as they are. Audited when anything changed. Assignments are
    left alone; those that now have a conflict are listed in the result.
    """
    with ws.session() as s:
        return _refresh(s)


# --------------------------------------------------------------------------- assignment


def assign_experts(ws: Workspace, *, per_platform: int | None = None) -> AssignmentSummary:
    """Assign experts to platforms and store it, replacing the earlier assignment.

    Brings the rule-based conflicts up to date first. With ``per_platform=None`` every expert
    scores every platform they have no conflict with; with ``N`` each platform gets ``N``
    experts with balanced load. Raises :class:`AssignmentRefused` (a UserError naming each
    platform with too few conflict-free experts) or UserError, and then changes nothing.
    """
    with ws.session() as s:
        minimum = _rules(s).min_valid_scores
        if per_platform is not None and per_platform < minimum:
            raise UserError(
                f"每个平台至少需要 {minimum} 位专家评分（考核规则：有效评分数下限），"
                f"不能只分配 {per_platform} 位",
                f"A platform needs at least {minimum} experts' scores (the cycle's minimum of "
                f"valid scores); {per_platform} per platform is not enough",
            )
        experts = _experts(s)
        platforms = _platforms(s)
        if not platforms:
            raise UserError(
                "工作区中还没有平台材料，请先导入平台材料", "The workspace has no platforms yet"
            )
        if not experts:
            raise UserError(
                "工作区中还没有专家，请先导入专家名单（jlpanel experts）",
                "The workspace has no experts yet; import the roster first (jlpanel experts)",
            )
        packages = s.scalar(select(func.count()).select_from(m.ReviewPackage)) or 0
        if packages:
            raise UserError(
                f"已向专家发放评审包（{packages} 份），不能再重新分配",
                f"Review packages were issued ({packages}); the assignment can no longer change",
            )
        refresh = _refresh(s)
        conflicted = _pairs(s, m.Conflict)
        expert_ids = [e.id for e in experts]
        platform_ids = [p.id for p in platforms]
        try:
            plan = assign(
                expert_ids,
                platform_ids,
                conflicted,
                per_platform=per_platform,
                min_per_platform=minimum,
            )
        except AssignmentError as exc:
            by_id = {p.id: p for p in platforms}
            raise AssignmentRefused(
                [
                    PlatformShortfall(
                        int(sf.platform_key),
                        by_id[int(sf.platform_key)].name,
                        by_id[int(sf.platform_key)].filing_no,
                        sf.available,
                        sf.required,
                    )
                    for sf in exc.shortfalls
                ]
            ) from exc

        old = _pairs(s, m.Assignment)
        new = {(int(e), int(p)) for e, p in plan.pairs()}
        names = {e.id: e.name for e in experts}
        filing = {p.id: p.filing_no for p in platforms}
        changed = old != new
        if changed:
            s.execute(delete(m.Assignment))
            s.flush()
            insert_rows(
                s,
                m.Assignment,
                ({"expert_id": e, "platform_id": p} for e, p in sorted(new)),
            )

            def by_expert(pairs: set[tuple[int, int]]) -> dict[str, list[str]]:
                out: dict[str, list[str]] = {}
                for e, p in sorted(pairs):
                    out.setdefault(names[e], []).append(filing[p])
                return out

            record(
                s,
                "assign_experts",
                "assignment",
                None,
                old={"assignments": len(old), "by_expert": by_expert(old)},
                new={
                    "per_platform": per_platform,
                    "min_per_platform": minimum,
                    "assignments": len(new),
                    "by_expert": by_expert(new),
                },
            )
        allowed = {
            p.id: sum(1 for e in experts if (e.id, p.id) not in conflicted) for p in platforms
        }
        summary = AssignmentSummary(
            per_platform=per_platform,
            min_per_platform=minimum,
            experts=tuple(ExpertLoad(e.id, e.name, plan.loads[e.id]) for e in experts),
            platforms=tuple(
                PlatformCoverage(
                    p.id,
                    p.name,
                    p.filing_no,
                    tuple(names[int(e)] for e in plan.experts_by_platform[p.id]),
                    allowed[p.id],
                )
                for p in platforms
            ),
            previous=len(old),
            changed=changed,
            conflicts=refresh,
            name_checks_open=sum(1 for c in _possible_conflicts(s, experts, platforms) if c.open),
        )
    log.info("assignment: %d reviews, changed=%s", summary.size, changed)
    if changed:
        ws.refresh_statistics()
    return summary


def assignment_matrix(ws: Workspace) -> AssignmentMatrix:
    """Experts × platforms as stored: assigned, conflicts with reasons, loads and coverage."""
    with ws.reading() as s:
        minimum = _rules(s).min_valid_scores
        experts = _experts(s)
        platforms = _platforms(s)
        live = _rule_conflicts(experts, platforms)
        lines = _stored_conflicts(
            s, experts, platforms, {**live, **_confirmed_same_names(s, experts, platforms)}
        )
        assigned = _pairs(s, m.Assignment)
    stored_rule = {
        (c.expert_id, c.platform_id, c.source): c.reason.zh
        for c in lines
        if c.source in RULE_SOURCES
    }
    stale = stored_rule != {key: f.reason.zh for key, f in live.items()}
    by_pair: dict[tuple[int, int], list[MatrixConflict]] = {}
    for c in lines:
        by_pair.setdefault((c.expert_id, c.platform_id), []).append(
            MatrixConflict(c.source, c.reason)
        )
    # A national cycle has 2,000 × 200 cells, nearly all empty or plainly assigned: those
    # share two immutable cells; only a conflict's cell is its own.
    plain = {False: MatrixCell(False), True: MatrixCell(True)}
    cells = tuple(
        tuple(
            MatrixCell((e.id, p.id) in assigned, tuple(by_pair[(e.id, p.id)]))
            if (e.id, p.id) in by_pair
            else plain[(e.id, p.id) in assigned]
            for p in platforms
        )
        for e in experts
    )
    loads = Counter(e for e, _ in assigned)
    coverage = Counter(p for _, p in assigned)
    roster = {e.id for e in experts}
    conflicted = Counter(p for e, p in by_pair if e in roster)
    return AssignmentMatrix(
        experts=tuple(
            MatrixExpert(e.id, e.name, e.institution, e.title, e.field, loads.get(e.id, 0))
            for e in experts
        ),
        platforms=tuple(
            MatrixPlatform(
                p.id,
                p.name,
                p.filing_no,
                p.host_unit,
                coverage.get(p.id, 0),
                len(experts) - conflicted.get(p.id, 0),
            )
            for p in platforms
        ),
        cells=cells,
        min_per_platform=minimum,
        conflicts_stale=stale,
    )
