"""Paper score sheets: the secretary enters an expert's scores from paper, marked as such.

An expert who prefers paper fills in the printed sheet (``exchange.paper_sheet``); the
secretary imports the filled workbook, or types the scores in. Either way the sheets are
stored with provenance ``paper`` and who entered them, all-or-nothing, and audited.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.identity import identity_key, terminal_safe
from jlpanel.domain.scoresheet import Provenance, ScoreSheet, validate_sheet
from jlpanel.domain.text import Text
from jlpanel.services.errors import UserError
from jlpanel.services.workspace import Workspace, current_actor, record
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PaperEntryOutcome:
    """What a paper entry stored, or why it was refused."""

    expert_name: str
    platforms: int
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the scores are now in the workspace."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings that did not refuse the sheet."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


def _error(code: str, zh: str, en: str, fix_zh: str, fix_en: str) -> Finding:
    return Finding(Severity.ERROR, code, None, None, None, Text(zh, en), Text(fix_zh, fix_en))


def enter_paper_scores(
    ws: Workspace,
    expert_id: int,
    sheets: Sequence[ScoreSheet],
    *,
    replace: bool = False,
    source_file: str | None = None,
    entered_by: str | None = None,
    declared: Mapping[int, str] | None = None,
) -> PaperEntryOutcome:
    """Store an expert's paper sheets (one per platform) in one transaction, or refuse all.

    ``declared`` holds the conflicts the expert declared on paper (platform id → reason);
    they are kept as declared conflicts so the platform is not counted for this expert.
    """
    info = ws.cycle_info()
    findings: list[Finding] = []
    with ws.session() as s:
        expert = s.get(m.Expert, expert_id)
        if expert is None:
            raise UserError(f"找不到专家（编号 {expert_id}）", f"No expert with id {expert_id}")
        names = dict(s.execute(select(m.Platform.id, m.Platform.name)).all())
        assigned = set(
            s.scalars(select(m.Assignment.platform_id).where(m.Assignment.expert_id == expert_id))
        )
        conflicted = set(
            s.scalars(select(m.Conflict.platform_id).where(m.Conflict.expert_id == expert_id))
        )
        existing: dict[int, str] = dict(
            s.execute(
                select(m.ScoreSheet.platform_id, m.ScoreSheet.provenance).where(
                    m.ScoreSheet.expert_id == expert_id
                )
            ).all()
        )
        for sheet in sheets:
            pid = int(sheet.platform_id)
            name = names.get(pid, sheet.platform_id)
            if pid not in names:
                findings.append(
                    _error(
                        "paper.unknown_platform",
                        f"评分表中的平台（编号 {sheet.platform_id}）不在本考核周期",
                        f"The sheet scores a platform ({sheet.platform_id}) not in this cycle",
                        "请使用本周期发放的纸质评分表",
                        "Use the paper sheet issued for this cycle",
                    )
                )
                continue
            if pid in conflicted:
                findings.append(
                    _error(
                        "paper.conflict",
                        f"{expert.name} 须回避“{name}”，不能为其评分",
                        f"{expert.name} has a conflict of interest with “{name}” "
                        "and may not score it",
                        "删去该平台的评分",
                        "Remove the scores for this platform",
                    )
                )
            elif pid not in assigned:
                findings.append(
                    _error(
                        "paper.not_assigned",
                        f"“{name}”未分配给 {expert.name}",
                        f"“{name}” is not assigned to {expert.name}",
                        "核对专家与评分表是否对应",
                        "Check that the sheet belongs to this expert",
                    )
                )
            if existing.get(pid) == Provenance.PACKAGE.value:
                findings.append(
                    _error(
                        "paper.has_package_scores",
                        f"{expert.name} 已通过评审包提交了“{name}”的评分，纸质评分不能覆盖",
                        f"{expert.name} already submitted scores for “{name}” from the review "
                        "package; a paper sheet cannot replace them",
                        "以评审包提交的评分为准",
                        "The review package's scores stand",
                    )
                )
            elif pid in existing and not replace:
                findings.append(
                    _error(
                        "paper.exists",
                        f"“{name}”已录入过 {expert.name} 的纸质评分",
                        f"Paper scores of {expert.name} for “{name}” were entered before",
                        "如需更正，请选择“替换已录入的纸质评分”",
                        "To correct them, choose to replace the paper scores entered before",
                    )
                )
            for problem in validate_sheet(sheet, info.rubric):
                findings.append(
                    Finding(
                        Severity.ERROR,
                        f"paper.{problem.kind.value}",
                        name,
                        None,
                        problem.code,
                        problem.message,
                        Text(
                            "请核对纸质评分表后重新录入", "Check the paper sheet and enter it again"
                        ),
                    )
                )
        if findings:
            return PaperEntryOutcome(expert.name, 0, tuple(findings))

        who = entered_by or current_actor()
        for pid, reason in (declared or {}).items():
            if pid in names and pid not in conflicted:
                s.add(
                    m.Conflict(
                        expert_id=expert_id,
                        platform_id=pid,
                        source="declared",
                        reason=reason or "纸质评分表中声明回避",
                    )
                )
                record(
                    s,
                    "declare_conflict",
                    "platform",
                    pid,
                    new={"expert": expert.name, "reason": reason, "source": "paper"},
                )
        for sheet in sheets:
            pid = int(sheet.platform_id)
            old = s.scalars(
                select(m.ScoreSheet).where(
                    m.ScoreSheet.expert_id == expert_id, m.ScoreSheet.platform_id == pid
                )
            ).one_or_none()
            if old is not None:
                s.delete(old)
                s.flush()
            row = m.ScoreSheet(
                expert_id=expert_id,
                platform_id=pid,
                provenance=Provenance.PAPER.value,
                revision=0,
                source_file=source_file,
                entered_by=who,
                overall_comment=sheet.overall_comment or None,
            )
            s.add(row)
            s.flush()
            insert_rows(
                s,
                m.IndicatorScore,
                (
                    {
                        "sheet_id": row.id,
                        "indicator_code": code,
                        "points": points,
                        "comment": sheet.comments.get(code) or None,
                    }
                    for code, points in sheet.points.items()
                    if points is not None
                ),
            )
            insert_rows(
                s,
                m.VetoClaim,
                (
                    {"sheet_id": row.id, "veto_code": code, "reason": reason}
                    for code, reason in sheet.vetoes.items()
                ),
            )
            insert_rows(
                s,
                m.BonusScore,
                (
                    {"sheet_id": row.id, "item_code": code, "points": points}
                    for code, points in sheet.bonus.items()
                ),
            )
            record(
                s,
                "enter_paper_scores",
                "score_sheet",
                row.id,
                old=None if old is None else {"replaced": old.id},
                new={
                    "expert": expert.name,
                    "platform": names[pid],
                    "source_file": source_file,
                    "entered_by": who,
                    "points": dict(sheet.points),
                },
            )
    log.info("paper scores of %s for %d platforms entered by %s", expert.name, len(sheets), who)
    return PaperEntryOutcome(expert.name, len(sheets))


def import_paper_sheet(ws: Workspace, path: Path, *, replace: bool = False) -> PaperEntryOutcome:
    """Read a filled paper score sheet and enter its scores; refuses with every problem.

    The sheet's expert is the workspace's expert of its id only if the names agree on their
    identity key: a sheet for someone else is refused.
    """
    from jlpanel.exchange.paper_sheet import read_paper_sheet

    info = ws.cycle_info()
    read = read_paper_sheet(path, info.rubric)
    if not read.ok:
        return PaperEntryOutcome(read.expert_name, 0, read.findings)
    if read.cycle_id != info.id:
        return PaperEntryOutcome(
            read.expert_name,
            0,
            (
                _error(
                    "paper.other_cycle",
                    f"该纸质评分表属于其他考核周期：{path.name}",
                    f"This paper sheet belongs to another cycle: {path.name}",
                    "请使用本周期发放的纸质评分表",
                    "Use the paper sheet issued for this cycle",
                ),
            ),
        )
    if not (read.expert_id.isascii() and read.expert_id.isdigit()) or len(read.expert_id) > 9:
        # The hidden mark was edited: no expert of this workspace has such an id.
        return PaperEntryOutcome(
            read.expert_name,
            0,
            (
                _error(
                    "paper.bad_mark",
                    f"纸质评分表的专家编号“{terminal_safe(read.expert_id)}”无效，表格可能被改动过："
                    f"{path.name}",
                    f"The paper sheet's expert id '{terminal_safe(read.expert_id)}' is not valid; "
                    f"the sheet may have been edited: {path.name}",
                    "请使用本工作区为该专家生成的纸质评分表",
                    "Use the paper sheet this workspace wrote for that expert",
                ),
            ),
        )
    with ws.reading() as s:
        held = s.get(m.Expert, int(read.expert_id))
    if held is not None and identity_key(held.name) != identity_key(read.expert_name):
        return PaperEntryOutcome(
            read.expert_name,
            0,
            (
                _error(
                    "paper.other_expert",
                    f"该纸质评分表是为专家“{read.expert_name}”生成的，本工作区中该编号"
                    f"（{read.expert_id}）的专家却是“{held.name}”：{path.name}",
                    f"This paper sheet was written for the expert '{read.expert_name}', but "
                    f"the expert with its id ({read.expert_id}) in this workspace is "
                    f"'{held.name}': {path.name}",
                    "请使用本工作区为该专家生成的纸质评分表",
                    "Use the paper sheet this workspace wrote for that expert",
                ),
            ),
        )
    outcome = enter_paper_scores(
        ws,
        int(read.expert_id),
        read.sheets,
        replace=replace,
        source_file=path.name,
        declared=read.conflicts,
    )
    # The reader's warnings (characters removed from a cell) stand beside what was entered.
    return dataclasses.replace(outcome, findings=(*read.findings, *outcome.findings))


@dataclass(frozen=True, slots=True)
class PaperPlatformChoice:
    """A platform an expert may be given paper scores for (assigned, no conflict)."""

    id: int
    filing_no: str
    name: str
    #: The stored sheet's provenance (``paper`` or ``package``), or None when none is stored.
    entered: str | None


@dataclass(frozen=True, slots=True)
class PaperExpertChoice:
    """An expert with the platforms a paper sheet of theirs may score."""

    id: int
    name: str
    platforms: tuple[PaperPlatformChoice, ...]


def paper_choices(ws: Workspace) -> list[PaperExpertChoice]:
    """Every expert with an assignment, and their assigned platforms not in conflict.

    The list the paper entry form chooses from; :func:`enter_paper_scores` still checks.
    """
    with ws.reading() as s:
        experts = s.execute(select(m.Expert.id, m.Expert.name).order_by(m.Expert.id)).all()
        platforms = {
            pid: (filing_no, name)
            for pid, filing_no, name in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name).order_by(m.Platform.id)
            )
        }
        assigned = s.execute(select(m.Assignment.expert_id, m.Assignment.platform_id)).all()
        conflicted = set(s.execute(select(m.Conflict.expert_id, m.Conflict.platform_id)).all())
        stored: dict[tuple[int, int], str] = {
            (eid, pid): provenance
            for eid, pid, provenance in s.execute(
                select(m.ScoreSheet.expert_id, m.ScoreSheet.platform_id, m.ScoreSheet.provenance)
            )
        }
    by_expert: dict[int, list[int]] = {}
    for eid, pid in assigned:
        if (eid, pid) not in conflicted and pid in platforms:
            by_expert.setdefault(eid, []).append(pid)
    return [
        PaperExpertChoice(
            eid,
            name,
            tuple(
                PaperPlatformChoice(pid, *platforms[pid], stored.get((eid, pid)))
                for pid in sorted(by_expert[eid])
            ),
        )
        for eid, name in experts
        if eid in by_expert
    ]
