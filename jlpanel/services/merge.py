"""Merging the experts' signed score files (``*.jlscore``) into the cycle workspace.

Each file is read, parsed and checked against the workspace — the cycle, the package and its
expert, the HMAC signature with the package's own key, the revision (HotCRP's rule for offline
forms: a newer revision replaces the older one, an older or equal one is refused with a reason),
the scores against the rubric snapshot (bounds, step, completeness, comments, veto reasons),
conflicts of interest and the assignment — and is either refused with every reason found, or
stored in its own transaction. One backup of the workspace is taken before the first write.
Merging the same file twice changes nothing (not even the audit log).

An accepted revision replaces wholly what that package gave before: the expert's sheets from
the package, and the expert's sheets for the platforms in the file whatever their origin (a
paper sheet typed in earlier gives way to the signed file, with a warning). Declared conflicts
(回避) in the file are stored as the expert's own; a later revision that says "no conflict"
for a platform withdraws the expert's earlier declaration (with a warning). Conflicts found by
rule or from the roster are never overridden by a file. Sheets of other experts are never
touched.

What was merged last from a package (revision, digests) is kept in the audit log entry of the
merge, which is also where "merging the same file again" is recognised.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from itertools import repeat
from pathlib import Path
from typing import Any, Final, TypeVarTuple, cast

from sqlalchemy import (
    Integer,
    Result,
    Select,
    String,
    Table,
    Update,
    bindparam,
    delete,
    select,
    update,
)
from sqlalchemy.orm import Session

from jlpanel.domain.conflicts import ConflictSource
from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.exact import to_decimal
from jlpanel.domain.identity import identity_key
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.scoresheet import Provenance, ScoreSheet, SheetChecker, expert_total
from jlpanel.domain.text import Text
from jlpanel.exchange import score_file as sf
from jlpanel.services.collector import collector_paused
from jlpanel.services.packages import safe_file_name
from jlpanel.services.workspace import Workspace, backup_to, record
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows
from jlpanel.storage.engines import refresh_planner
from jlpanel.storage.models import utc_now
from jlpanel.storage.scoping import limited

log = logging.getLogger(__name__)
_Ts = TypeVarTuple("_Ts")

SCORE_FILE_SUFFIX: Final = sf.SCORE_FILE_SUFFIX
#: The audit action of an accepted merge; its entry also says which file was merged last.
MERGE_ACTION: Final = "merge_score_file"
BACKUP_REASON: Final = "pre-merge"

#: Called before each step with (steps done, steps in all, the file's name); False cancels.
#: Every file takes two steps: reading and checking it, then storing it.
MergeProgress = Callable[[int, int, str], bool]


class MergeFileStatus(StrEnum):
    """What happened to one score file."""

    MERGED = "merged"
    UNCHANGED = "unchanged"  # this very file was merged before: nothing to do
    REFUSED = "refused"  # nothing changed; the findings say why
    CANCELLED = "cancelled"  # the user cancelled before this file was stored


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    """The result for one file: its status, whose it is, and every finding."""

    path: Path
    status: MergeFileStatus
    expert_name: str | None = None
    revision: int | None = None
    #: Score sheets stored from the file (0 unless merged).
    platforms: int = 0
    #: Errors when refused; warnings (paper sheets replaced, …) when merged or unchanged.
    findings: tuple[Finding, ...] = ()
    #: The revision of the same package this merge replaced (None: the first from it).
    replaced_revision: int | None = None
    package_id: str | None = None
    expert_id: int | None = None
    #: A newer revision of the same package that stands in this file's place: merged after it
    #: in the same run, or before (then this file is refused as stale). None: nothing newer.
    superseded_by: int | None = None

    @property
    def ok(self) -> bool:
        """Whether the file's scores are in the workspace (now or from before)."""
        return self.status in (MergeFileStatus.MERGED, MergeFileStatus.UNCHANGED)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that refused the file."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings that did not stop the merge."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


# ------------------------------------------------------------------------------ findings


def _finding(
    severity: Severity,
    code: str,
    message: Text,
    fix: Text,
    *,
    platform: str | None = None,
    column: str | None = None,
) -> Finding:
    return Finding(severity, code, platform, None, column, message, fix)


def _error(code: str, zh: str, en: str, fix_zh: str, fix_en: str, **where: str | None) -> Finding:
    return _finding(Severity.ERROR, code, Text(zh, en), Text(fix_zh, fix_en), **where)


def _warning(
    code: str, zh: str, en: str, fix_zh: str = "", fix_en: str = "", **where: str | None
) -> Finding:
    return _finding(Severity.WARNING, code, Text(zh, en), Text(fix_zh, fix_en), **where)


_REEXPORT = (
    "请让专家在评审包中“另存评分文件”，重新导出",
    "Ask the expert to save the score file again from the package",
)
_FORMAT_FIXES: Final[dict[str, tuple[str, str]]] = {
    "empty": _REEXPORT,
    "truncated": _REEXPORT,
    "too_large": (
        "请选择专家提交时生成的 .jlscore 评分文件",
        "Choose the .jlscore file written when the expert submitted",
    ),
    "not_json": (
        "请选择专家提交时生成的 .jlscore 评分文件",
        "Choose the .jlscore file written when the expert submitted",
    ),
    "not_a_score_file": (
        "请选择专家提交时生成的 .jlscore 评分文件",
        "Choose the .jlscore file written when the expert submitted",
    ),
    "future_version": (
        "请将本程序升级到最新版本后再合并",
        "Update jlpanel to the newest version, then merge again",
    ),
    "not_a_file": (
        "请选择专家提交时生成的 .jlscore 评分文件；如它在要合并的文件夹中，请将其移出",
        "Choose the .jlscore file written when the expert submitted; if this one is in the "
        "folder being merged, move it out",
    ),
}
_EDITED_FIX = (
    "评分文件的内容被改动过或已损坏；请让专家在评审包中“另存评分文件”，重新导出，不要手工编辑",
    "The file was edited or damaged; ask the expert to save the score file again from the "
    "package, and never edit a score file by hand",
)
_RESUBMIT_FIX = (
    "请让专家在评审包中重新打开评分表，更正后再次提交",
    "Ask the expert to reopen the sheet in the package, correct it and submit again",
)


def _format_error(error: sf.ScoreFileError) -> Finding:
    fix_zh, fix_en = _FORMAT_FIXES.get(error.kind, _EDITED_FIX)
    return _error(
        f"merge.{error.kind}",
        f"不是可用的评分文件：{error.text.zh}",
        f"Not a usable score file: {error.text.en}",
        fix_zh,
        fix_en,
        column=error.where or None,
    )


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


# ------------------------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class _PlatformRef:
    id: int
    filing_no: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.filing_no} {self.name}"


@dataclass(frozen=True, slots=True)
class _PackageRef:
    id: str
    expert_id: int
    hmac_key: bytes
    issued_at: dt.datetime


@dataclass(frozen=True, slots=True)
class _Context:
    """What every file is checked against that does not change while merging."""

    cycle_id: str
    cycle_name: str
    rubric: Rubric
    platforms: Mapping[int, _PlatformRef]
    experts: Mapping[int, str]
    assigned: Mapping[int, frozenset[int]]
    packages: Mapping[str, _PackageRef]
    #: Expert id → platforms in conflict found by rule or from the roster (never changed here).
    rule_conflicts: Mapping[int, frozenset[int]]
    #: validate_sheet against ``rubric``, remembering what each value means across the files.
    checker: SheetChecker


def _load_context(ws: Workspace) -> _Context:
    info = ws.cycle_info()
    with ws.session() as s:
        platforms = {
            pid: _PlatformRef(pid, filing_no, name)
            for pid, filing_no, name in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name)
            )
        }
        experts = dict(s.execute(select(m.Expert.id, m.Expert.name)).all())
        assigned: dict[int, set[int]] = defaultdict(set)
        for expert_id, platform_id in s.execute(
            select(m.Assignment.expert_id, m.Assignment.platform_id)
        ):
            assigned[expert_id].add(platform_id)
        rule_conflicts: dict[int, set[int]] = defaultdict(set)
        for expert_id, platform_id in s.execute(
            select(m.Conflict.expert_id, m.Conflict.platform_id).where(
                m.Conflict.source != ConflictSource.DECLARED.value
            )
        ):
            rule_conflicts[expert_id].add(platform_id)
        packages = {
            pid: _PackageRef(pid, expert_id, key, issued_at)
            for pid, expert_id, key, issued_at in s.execute(
                select(
                    m.ReviewPackage.id,
                    m.ReviewPackage.expert_id,
                    m.ReviewPackage.hmac_key,
                    m.ReviewPackage.issued_at,
                )
            )
        }
    return _Context(
        cycle_id=info.id,
        cycle_name=info.name,
        rubric=info.rubric,
        platforms=platforms,
        experts=experts,
        assigned={e: frozenset(ps) for e, ps in assigned.items()},
        packages=packages,
        rule_conflicts={e: frozenset(ps) for e, ps in rule_conflicts.items()},
        checker=SheetChecker(info.rubric, complete=True),
    )


# --------------------------------------------------------------------------------- paths


def expand_score_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the ``*.jlscore`` entries directly inside (sorted).

    Hidden files (a name starting with ``.``, such as a half-written temporary file) in a
    folder are skipped. An entry named like a score file that is not one (a folder, a FIFO,
    a link to a device) is kept, so that the merge refuses it with its reason instead of
    leaving it out unsaid.
    """
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() == SCORE_FILE_SUFFIX and not p.name.startswith(".")
                )
            )
        else:
            out.append(path)
    return out


# ------------------------------------------------------------------------ first look: file


@dataclass(slots=True)
class _Candidate:
    """A file that passed every check that does not depend on what was merged before."""

    index: int
    path: Path
    score_file: sf.ScoreFile
    package: _PackageRef
    expert_name: str
    #: The file's sheets as read: points and bonus as finite floats (``score_file.sheets``).
    sheets: tuple[sf.SheetEntry, ...]
    totals: dict[int, Decimal]
    #: Findings that do not stop the merge.
    warnings: list[Finding] = field(default_factory=list)

    @property
    def content_sha256(self) -> str:
        return hashlib.sha256(self.score_file.canonical).hexdigest()

    @property
    def file_name(self) -> str:
        return file_name_text(self.path)


def _read(path: Path) -> bytes | Finding:
    try:
        data = sf.read_score_file(path)
        return _format_error(data) if isinstance(data, sf.ScoreFileError) else data
    except FileNotFoundError:
        return _error(
            "merge.missing_file",
            f"找不到文件：{path}",
            f"File not found: {path}",
            "检查文件名和所在位置",
            "Check the file's name and where it is",
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _error(
            "merge.unreadable",
            f"无法读取文件（{reason}）：{path}",
            f"Cannot read the file ({reason}): {path}",
            "检查U盘是否插好、文件权限是否允许读取，然后重试",
            "Check that the USB stick is in and the file may be read, then try again",
        )


def file_name_text(path: Path) -> str:
    """``path``'s name as text that can be stored and printed.

    A name whose bytes are not UTF-8 (written in GBK on a USB stick, and seen on Linux) holds
    lone surrogates in Python; they become U+FFFD here instead of failing the store.
    """
    return os.fsencode(path.name).decode("utf-8", "replace")


def _cycle_name_in_file_name(path: Path, expert_name: str, revision: int) -> str | None:
    """The cycle name a default file name carries: ``<expert>-<cycle>-r<n>.jlscore``, or
    ``<cycle>-<expert>-r<n>.jlscore`` as jlpanel named score files before issue 14."""
    expert = safe_file_name(expert_name)
    name = file_name_text(path)
    stem = name[: -len(SCORE_FILE_SUFFIX)] if name.endswith(SCORE_FILE_SUFFIX) else ""
    revision_tail = f"-r{revision}"
    if not stem.endswith(revision_tail):
        return None
    stem = stem[: -len(revision_tail)]
    if stem.startswith(f"{expert}-") and len(stem) > len(expert) + 1:
        return stem[len(expert) + 1 :]
    if stem.endswith(f"-{expert}") and len(stem) > len(expert) + 1:
        return stem[: -len(expert) - 1]
    return None


def _other_cycle(ctx: _Context, path: Path, score_file: sf.ScoreFile) -> Finding:
    named = _cycle_name_in_file_name(path, score_file.expert_name, score_file.revision)
    if named and named != safe_file_name(ctx.cycle_name):
        zh_from, en_from = f"“{named}”", f"“{named}”"
    else:
        zh_from = f"（周期编号 {score_file.cycle_id}）"
        en_from = f"(cycle id {score_file.cycle_id})"
    return _error(
        "merge.other_cycle",
        f"该评分文件来自其他考核周期：{zh_from}，不属于本工作区的“{ctx.cycle_name}”",
        f"This score file is from another cycle: {en_from}, not this workspace's "
        f"“{ctx.cycle_name}”",
        "请合并本考核周期发放的评审包生成的评分文件",
        "Merge the score files written from this cycle's review packages",
    )


def _examine(ctx: _Context, index: int, path: Path) -> _Candidate | MergeOutcome:
    """Every check that needs only the file and the fixed parts of the workspace."""
    data = _read(path)
    if isinstance(data, Finding):
        return MergeOutcome(path, MergeFileStatus.REFUSED, findings=(data,))
    parsed = sf.parse_score_file(data)
    if isinstance(parsed, sf.ScoreFileError):
        return MergeOutcome(path, MergeFileStatus.REFUSED, findings=(_format_error(parsed),))

    def refused(*findings: Finding, expert: str | None = None) -> MergeOutcome:
        return MergeOutcome(
            path,
            MergeFileStatus.REFUSED,
            expert_name=expert or parsed.expert_name,
            revision=parsed.revision,
            findings=findings,
            package_id=parsed.package_id,
            expert_id=parsed.expert_id,
        )

    if parsed.cycle_id != ctx.cycle_id:
        return refused(_other_cycle(ctx, path, parsed))
    package = ctx.packages.get(parsed.package_id)
    if package is None:
        return refused(
            _error(
                "merge.unknown_package",
                f"本工作区没有发放过该评审包（评审包编号 {parsed.package_id}）",
                f"No review package with id {parsed.package_id} was issued from this workspace",
                "核对该文件是否属于本次评审；评审包须由本工作区发放",
                "Check that the file belongs to this evaluation; its package must have been "
                "issued from this workspace",
            )
        )
    expert_name = ctx.experts.get(package.expert_id, parsed.expert_name)
    findings: list[Finding] = []
    if parsed.expert_id != package.expert_id:
        findings.append(
            _error(
                "merge.wrong_expert",
                f"评分文件中的专家“{parsed.expert_name}”（编号 {parsed.expert_id}）不是该评审包"
                f"发放给的专家“{expert_name}”（编号 {package.expert_id}）",
                f"The file names the expert “{parsed.expert_name}” (id {parsed.expert_id}), but "
                f"its package was issued to “{expert_name}” (id {package.expert_id})",
                *_EDITED_FIX,
            )
        )
    if not sf.verify_signature(parsed, package.hmac_key):
        findings.append(
            _error(
                "merge.bad_signature",
                "签名校验失败：文件在专家提交后被改动过，或不是由该评审包生成",
                "The signature does not verify: the file was changed after the expert "
                "submitted it, or was not written by this review package",
                *_EDITED_FIX,
            )
        )
    if findings:  # nothing in an unverified file can be trusted: stop here
        return refused(*findings, expert=expert_name)

    candidate = _Candidate(index, path, parsed, package, expert_name, parsed.sheets, {}, [])
    findings.extend(_check_content(ctx, candidate))
    if any(f.severity is Severity.ERROR for f in findings):
        return refused(*findings, expert=expert_name)
    return candidate


def _check_content(ctx: _Context, c: _Candidate) -> list[Finding]:
    """The platforms and the scores against the workspace and the rubric snapshot."""
    findings: list[Finding] = []
    expert = c.expert_name
    assigned = ctx.assigned.get(c.package.expert_id, frozenset())
    declared = c.score_file.conflicts()
    entries = {s.platform_id: s.filing_no for s in c.score_file.sheets}
    entries.update((d.platform_id, d.filing_no) for d in c.score_file.declarations if d.conflict)
    unknown: set[int] = set()
    for pid, filing_no in entries.items():
        ref = ctx.platforms.get(pid)
        if ref is None:
            unknown.add(pid)
            findings.append(
                _error(
                    "merge.unknown_platform",
                    f"评分文件中的平台（编号 {pid}，备案编号 {filing_no or '—'}）不在本考核周期",
                    f"The file has a platform (id {pid}, filing number {filing_no or '—'}) "
                    "that is not in this cycle",
                    "请合并本考核周期发放的评审包生成的评分文件",
                    "Merge the score files written from this cycle's review packages",
                )
            )
        elif filing_no and identity_key(filing_no) != identity_key(ref.filing_no):
            # Compared on identity keys: a dossier replaced since the package was issued may
            # write the same number otherwise (lower case, full width), and is the same one.
            unknown.add(pid)
            findings.append(
                _error(
                    "merge.platform_mismatch",
                    f"平台编号 {pid} 在本工作区是“{ref.label}”，评分文件中却是备案编号 {filing_no}",
                    f"Platform {pid} is “{ref.label}” in this workspace, but the file gives "
                    f"the filing number {filing_no}",
                    "请合并本考核周期发放的评审包生成的评分文件",
                    "Merge the score files written from this cycle's review packages",
                    platform=ref.label,
                )
            )
    checker = ctx.checker
    for entry in c.sheets:
        pid = entry.platform_id
        if pid in unknown:
            continue
        ref = ctx.platforms[pid]
        if pid in declared:
            findings.append(
                _error(
                    "merge.declared_conflict_scored",
                    f"评分文件声明须回避“{ref.name}”，却又为其评分",
                    f"The file declares a conflict of interest with “{ref.name}” and yet scores it",
                    *_EDITED_FIX,
                    platform=ref.label,
                )
            )
        elif pid not in assigned:
            findings.append(
                _error(
                    "merge.not_assigned",
                    f"“{ref.name}”未分配给 {expert}，不能为其评分",
                    f"“{ref.name}” is not assigned to {expert}, who may not score it",
                    "核对专家分配；评分文件只能包含分配给该专家的平台",
                    "Check the assignment; a score file may only score the expert's platforms",
                    platform=ref.label,
                )
            )
        total = checker.total_if_sound(entry.scores, entry.comments, entry.vetoes, entry.bonus)
        if total is not None:  # what problems() would say, at a dictionary look-up a value
            c.totals[pid] = total
            continue
        for problem in checker.problems(c.score_file.score_sheet(entry)):
            findings.append(
                _error(
                    f"merge.{problem.kind.value}",
                    f"“{ref.name}”：{problem.message.zh}",
                    f"“{ref.name}”: {problem.message.en}",
                    *_RESUBMIT_FIX,
                    platform=ref.label,
                    column=problem.code,
                )
            )
    if not any(f.severity is Severity.ERROR for f in findings):
        for entry in c.sheets:  # a sheet problems() passed that total_if_sound did not
            if entry.platform_id not in c.totals:
                c.totals[entry.platform_id] = checker.total(c.score_file.score_sheet(entry))
        covered = set(entries) | {d.platform_id for d in c.score_file.declarations}
        covered |= ctx.rule_conflicts.get(c.package.expert_id, frozenset())
        left_out = sorted(assigned - covered, key=lambda p: ctx.platforms[p].filing_no)
        if left_out:
            c.warnings.append(
                _warning(
                    "merge.platforms_left_out",
                    f"{expert} 的评分文件未包含这些分配给其的平台："
                    + "、".join(ctx.platforms[p].label for p in left_out),
                    f"The score file of {expert} leaves out these platforms assigned to them: "
                    + ", ".join(ctx.platforms[p].label for p in left_out),
                    "这些平台仍缺该专家的评分；如已另行发放评审包，请合并其评分文件",
                    "These platforms still lack this expert's scores; merge the file of the "
                    "package that covers them",
                )
            )
    return findings


# --------------------------------------------------------------- second look: the workspace


@dataclass(frozen=True, slots=True)
class _LastMerge:
    revision: int
    at: dt.datetime
    sha256: str | None
    content_sha256: str | None


@dataclass(slots=True)
class _Plan:
    """What storing a candidate would do, decided against the workspace as it is now."""

    status: MergeFileStatus
    findings: list[Finding]
    replaced_revision: int | None = None
    superseded_by: int | None = None
    #: Sheet id → (platform id, provenance, package id, revision) of the sheets to delete.
    replaced: dict[int, tuple[int, str, str | None, int]] = field(default_factory=dict)
    #: Declared conflicts to add, to re-word and to withdraw: platform id → reason.
    add_conflicts: dict[int, str] = field(default_factory=dict)
    reword_conflicts: dict[int, tuple[str | None, str]] = field(default_factory=dict)
    withdraw_conflicts: dict[int, str | None] = field(default_factory=dict)


class _Queries:
    """The reads a merge makes for each file, built once per merge and run on the session's
    connection: through the session, each was an ORM execution (its hook adding the cycle's
    criteria anew, a cache key built from them, ORM rows) that cost more than the query — 4
    or 5 a file, 28 ms of a 25-file merge's 500. Limited to the cycle as the session's own
    statements are (:func:`~jlpanel.storage.scoping.limited`); the rows are SQLAlchemy's
    Core rows, their types processed as before (times in particular)."""

    def __init__(self, s: Session) -> None:
        package_id = bindparam("package_id", type_=String())
        expert_id = bindparam("expert_id", type_=Integer())
        self.revision_merged = limited(
            s, select(m.ReviewPackage.revision_merged).where(m.ReviewPackage.id == package_id)
        )
        self.last_merge = limited(
            s,
            select(m.AuditEntry.at, m.AuditEntry.detail_json)
            .where(
                m.AuditEntry.entity == "review_package",
                m.AuditEntry.entity_id == package_id,
                m.AuditEntry.action == MERGE_ACTION,
            )
            .order_by(m.AuditEntry.id.desc())
            .limit(1),
        )
        self.last_sheet = limited(
            s,
            select(m.ScoreSheet.merged_at)
            .where(m.ScoreSheet.package_id == package_id)
            .order_by(m.ScoreSheet.merged_at.desc())
            .limit(1),
        )
        self.newer_package = limited(
            s,
            select(m.ReviewPackage.issued_at)
            .where(
                m.ReviewPackage.expert_id == expert_id,
                m.ReviewPackage.id != package_id,
                m.ReviewPackage.issued_at
                > bindparam("issued_at", type_=m.ReviewPackage.issued_at.type),
                m.ReviewPackage.revision_merged > 0,
            )
            .order_by(m.ReviewPackage.issued_at.desc())
            .limit(1),
        )
        self.conflicts = limited(
            s,
            select(m.Conflict.platform_id, m.Conflict.source, m.Conflict.reason).where(
                m.Conflict.expert_id == expert_id
            ),
        )
        self.sheets = limited(
            s,
            select(
                m.ScoreSheet.id,
                m.ScoreSheet.platform_id,
                m.ScoreSheet.provenance,
                m.ScoreSheet.package_id,
                m.ScoreSheet.revision,
            ).where(m.ScoreSheet.expert_id == expert_id),
        )
        # The package's own row by its key (a package of the cycle: ctx.packages), on the
        # table: the session's ORM update also evaluated it against the objects it holds.
        packages = cast(Table, m.ReviewPackage.__table__)
        self.mark_merged = (
            update(packages)
            .where(packages.c.id == package_id)
            .values(revision_merged=bindparam("revision", type_=Integer()))
        )
        self.sheet_ids = limited(
            s,
            select(m.ScoreSheet.platform_id, m.ScoreSheet.id).where(
                m.ScoreSheet.expert_id == expert_id,
                m.ScoreSheet.package_id == package_id,
            ),
        )

    @staticmethod
    def run_update(s: Session, statement: Update, **params: Any) -> None:
        """``statement`` with ``params`` in ``s``'s transaction."""
        s.connection().execute(statement, params)

    @staticmethod
    def run(s: Session, statement: Select[*_Ts], **params: Any) -> Result[*_Ts]:
        """``statement`` with ``params`` in ``s``'s transaction."""
        return s.connection().execute(statement, params)


def _last_merge(
    s: Session, q: _Queries, package_id: str, revision_merged: int
) -> _LastMerge | None:
    if revision_merged < 1:
        return None
    row = q.run(s, q.last_merge, package_id=package_id).one_or_none()
    if row is not None:
        new = json.loads(row.detail_json).get("new") or {}
        if new.get("revision") == revision_merged:
            return _LastMerge(revision_merged, row.at, new.get("sha256"), new.get("content_sha256"))
    # Merged by other means (no audit entry of a merge): when is the latest sheet's time.
    at = q.run(s, q.last_sheet, package_id=package_id).scalar()
    return _LastMerge(revision_merged, at or utc_now(), None, None)


def _plan(s: Session, q: _Queries, ctx: _Context, c: _Candidate) -> _Plan:
    """Refuse, leave alone, or say what storing ``c`` replaces, as the workspace is now."""
    package_id = c.package.id
    expert_id = c.package.expert_id
    revision = c.score_file.revision
    merged = int(q.run(s, q.revision_merged, package_id=package_id).scalar() or 0)
    last = _last_merge(s, q, package_id, merged)
    if last is not None and revision <= last.revision:
        same = c.score_file.sha256 == last.sha256 or c.content_sha256 == last.content_sha256
        if revision == last.revision and same:
            return _Plan(
                MergeFileStatus.UNCHANGED,
                [
                    _warning(
                        "merge.already_merged",
                        f"该文件（第 {revision} 版）已于 {_local(last.at)} 合并，未作改动",
                        f"This file (revision {revision}) was merged on {_local(last.at)}; "
                        "nothing changed",
                    )
                ],
                replaced_revision=last.revision,
            )
        older = "更旧" if revision < last.revision else "内容却不同"
        older_en = "an older one" if revision < last.revision else "the same number, but it differs"
        return _Plan(
            MergeFileStatus.REFUSED,
            [
                _error(
                    "merge.stale_revision" if revision < last.revision else "merge.revision_reused",
                    f"该评审包的第 {last.revision} 版已于 {_local(last.at)} 合并；此文件是第 "
                    f"{revision} 版（{older}），未合并",
                    f"revision {last.revision} was merged on {_local(last.at)}; this file is "
                    f"revision {revision} ({older_en}) and was not merged",
                    "无需处理，以已合并的版本为准；如需更改评分，请专家重新打开评分表并提交新版本",
                    "Nothing to do: the merged revision stands. To change the scores, the expert "
                    "reopens the sheet and submits a new revision",
                )
            ],
            superseded_by=last.revision if revision < last.revision else None,
        )
    newer = q.run(
        s,
        q.newer_package,
        expert_id=expert_id,
        package_id=package_id,
        issued_at=c.package.issued_at,
    ).scalar_one_or_none()
    if newer is not None:
        return _Plan(
            MergeFileStatus.REFUSED,
            [
                _error(
                    "merge.superseded_package",
                    f"{c.expert_name} 已有 {_local(newer)} 重新发放的评审包，且其评分已合并；"
                    f"此文件来自 {_local(c.package.issued_at)} 发放的旧评审包，未合并",
                    f"{c.expert_name} was issued a newer package on {_local(newer)} whose scores "
                    f"are merged; this file comes from the older package of "
                    f"{_local(c.package.issued_at)} and was not merged",
                    "以新评审包的评分为准；如需更改，请专家在新评审包中提交新版本",
                    "The newer package's scores stand; to change them the expert submits a new "
                    "revision from the newer package",
                )
            ],
        )

    findings: list[Finding] = []
    plan = _Plan(MergeFileStatus.MERGED, findings, replaced_revision=merged or None)
    scored = {sh.platform_id for sh in c.sheets}
    declared = c.score_file.conflicts()
    cleared = {d.platform_id for d in c.score_file.declarations if not d.conflict}
    stored_declared: set[int] = set()
    for pid, source, reason in q.run(s, q.conflicts, expert_id=expert_id):
        ref = ctx.platforms[pid]
        if source == ConflictSource.DECLARED.value:
            stored_declared.add(pid)
            if pid in declared:
                if (reason or "") != declared[pid]:
                    plan.reword_conflicts[pid] = (reason, declared[pid])
                continue
            if pid in cleared:  # the expert withdraws their own declaration
                plan.withdraw_conflicts[pid] = reason
                findings.append(
                    _warning(
                        "merge.conflict_withdrawn",
                        f"{c.expert_name} 撤回了此前对“{ref.name}”的回避声明"
                        f"（{reason or '未写理由'}）",
                        f"{c.expert_name} withdrew the conflict of interest declared before with "
                        f"“{ref.name}” ({reason or 'no reason given'})",
                        "如有疑问，请与专家核实",
                        "If in doubt, check with the expert",
                        platform=ref.label,
                    )
                )
                continue
        if pid in scored:
            label = ConflictSource(source).label
            findings.append(
                _error(
                    "merge.conflict",
                    f"{c.expert_name} 须回避“{ref.name}”（{label.zh}：{reason or '—'}），"
                    "不能为其评分",
                    f"{c.expert_name} has a conflict of interest with “{ref.name}” "
                    f"({label.en}: {reason or '—'}) and may not score it",
                    "评分文件中不能含有须回避平台的评分；请与专家核实后重新发放评审包",
                    "A score file may not score a platform in conflict; check with the expert and "
                    "issue the package again",
                    platform=ref.label,
                )
            )
    if findings and any(f.severity is Severity.ERROR for f in findings):
        plan.status = MergeFileStatus.REFUSED
        plan.findings = [f for f in findings if f.severity is Severity.ERROR]
        return plan
    plan.add_conflicts = {p: r for p, r in declared.items() if p not in stored_declared}

    touched = scored | set(declared)
    for sid, pid, provenance, sheet_package, sheet_revision in q.run(
        s, q.sheets, expert_id=expert_id
    ):
        if pid not in touched and sheet_package != package_id:
            continue
        plan.replaced[sid] = (pid, provenance, sheet_package, sheet_revision)
        ref = ctx.platforms[pid]
        if provenance == Provenance.PAPER.value:
            findings.append(
                _warning(
                    "merge.replaces_paper",
                    f"此前录入的 {c.expert_name} 对“{ref.name}”的纸质评分，已由评审包第 "
                    f"{c.score_file.revision} 版的评分替换",
                    f"The paper scores of {c.expert_name} for “{ref.name}” entered before are "
                    f"replaced by revision {c.score_file.revision} from the review package",
                    platform=ref.label,
                )
            )
        elif pid in declared and pid not in scored:
            findings.append(
                _warning(
                    "merge.dropped_for_conflict",
                    f"{c.expert_name} 在第 {c.score_file.revision} 版中声明回避“{ref.name}”，"
                    f"此前（第 {sheet_revision} 版）的评分已删除",
                    f"{c.expert_name} declares a conflict with “{ref.name}” in revision "
                    f"{c.score_file.revision}; the scores of revision {sheet_revision} are "
                    "removed",
                    platform=ref.label,
                )
            )
    return plan


# ------------------------------------------------------------------------------- storing


def _old_totals(s: Session, rubric: Rubric, sheet_ids: Sequence[int]) -> dict[int, Decimal]:
    """Sheet id → expert total of sheets about to be replaced (for the audit log)."""
    if not sheet_ids:
        return {}
    points: dict[int, dict[str, Decimal | None]] = defaultdict(dict)
    bonus: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for sid, code, value in s.execute(
        select(
            m.IndicatorScore.sheet_id, m.IndicatorScore.indicator_code, m.IndicatorScore.points
        ).where(m.IndicatorScore.sheet_id.in_(sheet_ids))
    ):
        points[sid][code] = value
    for sid, code, value in s.execute(
        select(m.BonusScore.sheet_id, m.BonusScore.item_code, m.BonusScore.points).where(
            m.BonusScore.sheet_id.in_(sheet_ids)
        )
    ):
        bonus[sid][code] = value
    return {
        sid: expert_total(ScoreSheet("", "", points[sid], bonus=bonus[sid]), rubric)
        for sid in sheet_ids
    }


def _store(s: Session, q: _Queries, ctx: _Context, c: _Candidate, plan: _Plan) -> None:
    """Write ``c`` as ``plan`` says, in the caller's transaction."""
    score_file = c.score_file
    expert_id = c.package.expert_id
    merged_at = utc_now()
    replaced_ids = list(plan.replaced)
    old_totals = _old_totals(s, ctx.rubric, replaced_ids)
    if replaced_ids:
        # The database cascades to the indicator scores, veto claims and bonus points.
        s.execute(delete(m.ScoreSheet).where(m.ScoreSheet.id.in_(replaced_ids)))

    by_platform = {sh.platform_id: sh for sh in c.sheets}
    insert_rows(
        s,
        m.ScoreSheet,
        ((pid, sheet.overall_comment or None) for pid, sheet in by_platform.items()),
        columns=("platform_id", "overall_comment"),
        fixed={
            "expert_id": expert_id,
            "package_id": c.package.id,
            "provenance": Provenance.PACKAGE.value,
            "revision": score_file.revision,
            "source_file": c.file_name,
            "submitted_at": score_file.submitted_at,
            "merged_at": merged_at,
            "entered_by": None,
        },
    )
    # The scores' foreign-key checks on a server look the sheets up by their index.
    refresh_planner(s.connection(), m.ScoreSheet.__tablename__)
    ids = dict(q.run(s, q.sheet_ids, expert_id=expert_id, package_id=c.package.id).all())
    insert_rows(  # plain tuples: a panel's merge writes tens of thousands of these
        s,
        m.IndicatorScore,
        _indicator_rows(ids, by_platform),
        columns=("sheet_id", "indicator_code", "points", "comment"),
        # The file's finite floats: each is the double its exact value (to_decimal, the
        # shortest repr) is stored as, so it goes to the driver as it is.
        as_is=("points",),
    )
    insert_rows(
        s,
        m.VetoClaim,
        (
            {"sheet_id": ids[pid], "veto_code": code, "reason": reason}
            for pid, sheet in by_platform.items()
            for code, reason in sheet.vetoes.items()
        ),
    )
    insert_rows(
        s,
        m.BonusScore,
        (
            {"sheet_id": ids[pid], "item_code": code, "points": to_decimal(points)}
            for pid, sheet in by_platform.items()
            for code, points in sheet.bonus.items()
        ),
    )

    _store_conflicts(s, ctx, c, plan)
    q.run_update(s, q.mark_merged, package_id=c.package.id, revision=score_file.revision)
    old_by_platform: dict[str, Any] = {}
    for sid, (pid, provenance, _, revision) in plan.replaced.items():
        old_by_platform[ctx.platforms[pid].filing_no] = {
            "total": old_totals[sid],
            "provenance": provenance,
            "revision": revision,
        }
    record(
        s,
        MERGE_ACTION,
        "review_package",
        c.package.id,
        old={"revision": plan.replaced_revision or 0, "totals": old_by_platform},
        new={
            "revision": score_file.revision,
            "expert_id": expert_id,
            "expert": c.expert_name,
            "source_file": c.file_name,
            "sha256": score_file.sha256,
            "content_sha256": c.content_sha256,
            "submitted_at": score_file.submitted_at,
            "totals": {
                ctx.platforms[pid].filing_no: round(total, 4) for pid, total in c.totals.items()
            },
            "declared_conflicts": sorted(
                ctx.platforms[p].filing_no for p in score_file.conflicts()
            ),
        },
    )


def _indicator_rows(
    ids: Mapping[int, int], sheets: Mapping[int, sf.SheetEntry]
) -> list[tuple[int, str, float, str | None]]:
    """(sheet id, code, points, comment or None) of every score, a sheet's zipped at C speed."""
    rows: list[tuple[int, str, float, str | None]] = []
    for pid, sheet in sheets.items():
        scores, comments = sheet.scores, sheet.comments
        if "" in comments.values():  # an empty comment is stored as none
            comments = {code: text for code, text in comments.items() if text}
        rows += zip(repeat(ids[pid]), scores, scores.values(), map(comments.get, scores))
    return rows


def _store_conflicts(s: Session, ctx: _Context, c: _Candidate, plan: _Plan) -> None:
    expert_id = c.package.expert_id
    declared = ConflictSource.DECLARED.value
    insert_rows(
        s,
        m.Conflict,
        (
            {"expert_id": expert_id, "platform_id": pid, "source": declared, "reason": reason}
            for pid, reason in plan.add_conflicts.items()
        ),
    )
    for pid, (_, new) in plan.reword_conflicts.items():
        s.execute(
            update(m.Conflict)
            .where(
                m.Conflict.expert_id == expert_id,
                m.Conflict.platform_id == pid,
                m.Conflict.source == declared,
            )
            .values(reason=new)
        )
    if plan.withdraw_conflicts:
        s.execute(
            delete(m.Conflict).where(
                m.Conflict.expert_id == expert_id,
                m.Conflict.platform_id.in_(list(plan.withdraw_conflicts)),
                m.Conflict.source == declared,
            )
        )
    changes: list[tuple[str, int, Any, Any]] = [
        ("declare_conflict", pid, None, reason) for pid, reason in plan.add_conflicts.items()
    ]
    changes += [
        ("declare_conflict", p, old, new) for p, (old, new) in plan.reword_conflicts.items()
    ]
    changes += [("withdraw_conflict", p, old, None) for p, old in plan.withdraw_conflicts.items()]
    for action, pid, old, new in changes:
        record(
            s,
            action,
            "platform",
            pid,
            old=None if old is None else {"expert": c.expert_name, "reason": old},
            new=None
            if new is None
            else {
                "expert": c.expert_name,
                "reason": new,
                "source": "package",
                "package_id": c.package.id,
                "revision": c.score_file.revision,
            },
        )


# ---------------------------------------------------------------------------------- merge


def merge_score_files(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    backup_dir: Path | None,
    backup_count: int = 10,
    progress: MergeProgress | None = None,
) -> list[MergeOutcome]:
    """Merge score files (folders: their ``*.jlscore`` files), each all-or-nothing.

    Returns one outcome per file, in the order given. Files of the same package are stored in
    revision order, so a folder holding revisions 1 and 2 ends with revision 2 and refuses
    nothing. One backup (reason ``pre-merge``) goes to ``backup_dir`` before the first write;
    ``None`` takes none.
    """
    # One claim of the workspace for the whole run, not one per file's transaction (writing
    # and removing the owner file each time).
    with ws.changing():
        return _merge(ws, paths, backup_dir, backup_count, progress)


def _merge(
    ws: Workspace,
    paths: Sequence[Path],
    backup_dir: Path | None,
    backup_count: int,
    progress: MergeProgress | None,
) -> list[MergeOutcome]:
    """Each file examined, then stored as soon as its turn has come: files are stored in
    revision order, input order otherwise (a stable sort), so a revision 1 — the least there
    is — is stored once every file before it is examined, and later revisions wait for the
    last file. The store and the outcomes are those of examining every file, sorting, then
    storing; the steps are counted as they are done."""
    files = expand_score_paths(paths)
    steps = 2 * len(files)
    ctx = _load_context(ws)
    outcomes: dict[int, MergeOutcome] = {}
    writer = _Writer(ws, ctx, backup_dir, backup_count)
    done = 0

    def step(name: str) -> bool:
        """Report the step about to start; False: the user cancelled."""
        return progress is None or progress(done, steps, name)

    def cancelled() -> list[MergeOutcome]:
        for n, path in enumerate(files):
            outcomes.setdefault(n, MergeOutcome(path, MergeFileStatus.CANCELLED))
        log.info("merge cancelled after %d of %d steps", done, steps)
        return _mark_superseded([outcomes[n] for n in range(len(files))])

    later: list[_Candidate] = []  # revisions above 1: stored after every file is examined
    with _Examiner(ctx, files) as examiner:
        for n, path in enumerate(files):
            if not step(path.name):
                return cancelled()
            examined = examiner.examine(n)
            done += 1
            if isinstance(examined, MergeOutcome):
                outcomes[n] = examined
                log.info("refused %s: %s", path, [f.code for f in examined.findings])
            elif examined.score_file.revision > 1:
                later.append(examined)
            else:
                if not step(path.name):
                    return cancelled()
                outcomes[n] = writer.store(examined)
                done += 1
    later.sort(key=lambda c: c.score_file.revision)  # stable: input order otherwise
    for c in later:
        if not step(c.path.name):
            return cancelled()
        outcomes[c.index] = writer.store(c)
        done += 1
    if any(o.ok for o in outcomes.values()):
        ws.refresh_statistics()
    if progress is not None:
        progress(steps, steps, "")
    return _mark_superseded([outcomes[n] for n in range(len(files))])


def _examine_serially(context: bytes, files: list[Path], marks: Any, results: Any) -> None:
    """A worker process: :func:`_examine` each file from the second on, in order, sending
    ``(index, result)`` pickled for each. ``marks[0]`` is the file the caller has passed
    (the files before it were examined there: skipped), ``marks[1]`` the file this worker
    is examining. It stops at the first error, and when the caller closes its end: the
    caller examines whatever it did not get itself."""
    ctx = pickle.loads(context)
    try:
        for n in range(1, len(files)):
            if n < marks[0]:
                continue
            marks[1] = n
            with collector_paused():
                examined = _examine(ctx, n, files[n])
            results.send_bytes(pickle.dumps((n, examined), pickle.HIGHEST_PROTOCOL))
    except Exception:  # the caller examines this file itself, and says what went wrong
        return
    finally:
        results.close()


def _core_free() -> bool:
    """Whether the last minute's load leaves a core free for a worker (less than one core's
    worth short of them all busy); where the system does not say, yes."""
    from jlpanel.services.workers import cores

    if not hasattr(os, "getloadavg"):
        return True
    try:
        load = os.getloadavg()[0]
    except OSError:
        return True
    return load < cores() - 1


class _Examiner:
    """The files examined in order, the next ones by a worker process while this one stores.

    Reading, parsing, verifying the HMAC and checking the scores against the rubric depend
    on nothing but the file and the merge's fixed context, so the worker gives what examining
    here gives (the same candidate or refusal, pickled). This process takes a file's result
    when the worker has sent it, waits for it when the worker is examining it (it comes
    sooner than examining it again here would), and otherwise examines the file itself (the
    worker skips it, or its result is dropped): the first file, or any a busy core left
    behind, is examined here. One worker, with a pipe this process reads
    itself: the writer, storing, is the slower of the two, and a pool's threads in this
    process took Python's lock from the writer at every hand-over (twice as many context
    switches, and a slower merge on a busy machine).

    A worker is started only when it starts at once (:func:`workers.ready`: the fork server
    has served this process before, as after the packages were issued in the window); a
    cold one takes longer than a merge of a few dozen files, so a merge from the command
    line, or with ``JLPANEL_WORKERS=1``, examines every file here. And, unless
    ``JLPANEL_WORKERS`` asks for workers, only when a core is free (:func:`_core_free`): on
    a machine whose cores are all busy the worker only takes turns with the writer, and the
    merge took longer (W2 at a load of 5 on 2 cores: 2.6× the plain floor against 1.8×).
    """

    def __init__(self, ctx: _Context, files: Sequence[Path]) -> None:
        from jlpanel.services.workers import MIN_BATCH, WORKERS_ENV, ready, worker_count

        self.ctx = ctx
        self.files = files
        self.process: Any = None
        self.results: Any = None
        self.marks: Any = None
        #: Files whose result came from the worker.
        self.taken = 0
        if len(files) < MIN_BATCH or not worker_count(len(files)) or not ready():
            return
        if not os.environ.get(WORKERS_ENV, "").strip() and not _core_free():
            return
        context = multiprocessing.get_context("forkserver")
        self.marks = context.RawArray("i", [0, 0])  # passed here, being examined there
        self.results, sending = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_examine_serially,
            args=(pickle.dumps(ctx, pickle.HIGHEST_PROTOCOL), list(files), self.marks, sending),
            name="jlpanel-merge-examine",
        )
        try:
            self.process.start()
        except OSError:
            log.warning("no merge worker: the files are examined in this process", exc_info=True)
            self.results.close()
            self.process = self.results = None
        finally:
            sending.close()

    def __enter__(self) -> _Examiner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker (done, or its results no longer wanted)."""
        process, self.process = self.process, None
        if process is not None:
            self.results.close()
            process.terminate()
            process.join()
            process.close()
            log.info("a worker examined %d of the %d files", self.taken, len(self.files))

    def examine(self, n: int) -> _Candidate | MergeOutcome:
        """The ``n``-th file examined, by the worker or here."""
        if self.process is not None:
            try:
                while self.results.poll() or (n and self.marks[1] == n):  # sent, or coming
                    index, examined = pickle.loads(self.results.recv_bytes())
                    if index == n:
                        self.taken += 1
                        return cast(_Candidate | MergeOutcome, examined)
                    # index < n: a file examined here meanwhile; its result is dropped
            except (EOFError, OSError):  # the worker stopped: what it would give, given here
                self.close()
            else:
                self.marks[0] = n + 1
        with collector_paused():
            return _examine(self.ctx, n, self.files[n])


class _Writer:
    """Stores the candidates one by one, each in its own transaction, after one backup of
    the workspace before the first that changes it."""

    def __init__(
        self, ws: Workspace, ctx: _Context, backup_dir: Path | None, backup_count: int
    ) -> None:
        self.ws = ws
        self.ctx = ctx
        self.backup_dir = backup_dir
        self.backup_count = backup_count
        self.backed_up = backup_dir is None
        self.queries: _Queries | None = None

    def store(self, c: _Candidate) -> MergeOutcome:
        ws, ctx = self.ws, self.ctx
        if not self.backed_up:
            with ws.reading() as s:
                queries = self.queries = self.queries or _Queries(s)
                plan = _plan(s, queries, ctx, c)
            if plan.status is MergeFileStatus.MERGED:
                assert self.backup_dir is not None
                backup_to(ws, self.backup_dir, self.backup_count, BACKUP_REASON)
                self.backed_up = True
        with collector_paused(), ws.session() as s:
            queries = self.queries = self.queries or _Queries(s)
            plan = _plan(s, queries, ctx, c)
            if plan.status is MergeFileStatus.MERGED:
                _store(s, queries, ctx, c, plan)
        log.info(
            "%s %s (%s, revision %d)",
            plan.status.value,
            c.path,
            c.expert_name,
            c.score_file.revision,
        )
        return _outcome(c, plan)


def _mark_superseded(outcomes: list[MergeOutcome]) -> list[MergeOutcome]:
    """Say of each file whose scores are in that a newer revision of its package was merged
    after it in the same run (a folder holding revisions 1 and 2 stores both, in order)."""
    newest: dict[str, int] = {}
    for o in outcomes:
        if o.status is MergeFileStatus.MERGED and o.package_id and o.revision is not None:
            newest[o.package_id] = max(newest.get(o.package_id, 0), o.revision)
    marked = []
    for o in outcomes:
        newer = newest.get(o.package_id or "", 0)
        if o.ok and o.revision is not None and o.revision < newer:
            o = replace(o, superseded_by=newer)
        marked.append(o)
    return marked


def _outcome(c: _Candidate, plan: _Plan) -> MergeOutcome:
    merged = plan.status is MergeFileStatus.MERGED
    findings = (
        plan.findings
        if plan.status is MergeFileStatus.REFUSED
        else [
            *c.warnings,
            *plan.findings,
        ]
    )
    return MergeOutcome(
        path=c.path,
        status=plan.status,
        expert_name=c.expert_name,
        revision=c.score_file.revision,
        platforms=len(c.sheets) if merged else 0,
        findings=tuple(findings),
        replaced_revision=plan.replaced_revision if merged else None,
        package_id=c.package.id,
        expert_id=c.package.expert_id,
        superseded_by=plan.superseded_by,
    )


# ------------------------------------------------------------------------------- status


class SheetState(StrEnum):
    """Where an expert stands on one assigned platform."""

    SUBMITTED = "submitted"  # a signed score file from the package is merged
    PAPER = "paper"  # a paper sheet was typed in
    MISSING = "missing"
    CONFLICT = "conflict"  # a conflict of interest: no score expected (or counted)


@dataclass(frozen=True, slots=True)
class StatusCell:
    """An expert × assigned platform."""

    expert_id: int
    platform_id: int
    state: SheetState
    revision: int | None = None
    source_file: str | None = None
    submitted_at: dt.datetime | None = None
    merged_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class ExpertProgress:
    """How far one expert's scores have come in."""

    expert_id: int
    name: str
    assigned: int
    submitted: int
    paper: int
    missing: int
    conflicts: int
    #: The highest revision merged from any of the expert's packages (0: none yet).
    revision: int

    @property
    def complete(self) -> bool:
        """Every assigned, conflict-free platform has a sheet."""
        return self.missing == 0

    @property
    def partial(self) -> bool:
        """Some sheets are in, some are still missing."""
        return self.missing > 0 and (self.submitted + self.paper) > 0


@dataclass(frozen=True, slots=True)
class StatusPlatform:
    """A platform of the cycle, for the columns of the matrix."""

    id: int
    filing_no: str
    name: str


@dataclass(frozen=True, slots=True)
class MergeStatus:
    """Experts × assigned platforms: submitted / paper / missing / conflict."""

    experts: tuple[ExpertProgress, ...]
    platforms: tuple[StatusPlatform, ...]
    #: (expert id, platform id) → cell, for assigned pairs only.
    cells: Mapping[tuple[int, int], StatusCell]

    def cell(self, expert_id: int, platform_id: int) -> StatusCell | None:
        """The cell of an assigned pair (None when the expert is not assigned the platform)."""
        return self.cells.get((expert_id, platform_id))

    @property
    def still_missing(self) -> tuple[ExpertProgress, ...]:
        """The experts whose scores are not all in, most missing first."""
        return tuple(
            sorted((e for e in self.experts if e.missing), key=lambda e: (-e.missing, e.name))
        )

    @property
    def complete(self) -> bool:
        """Every assigned, conflict-free pair has a sheet."""
        return not any(e.missing for e in self.experts)


def merge_status(ws: Workspace) -> MergeStatus:
    """Who has submitted what: per expert × assigned platform, and who is still missing."""
    with ws.session() as s:
        experts = s.execute(select(m.Expert.id, m.Expert.name).order_by(m.Expert.id)).all()
        platforms = tuple(
            StatusPlatform(pid, filing_no, name)
            for pid, filing_no, name in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name).order_by(m.Platform.id)
            )
        )
        assigned = s.execute(select(m.Assignment.expert_id, m.Assignment.platform_id)).all()
        conflicted = set(s.execute(select(m.Conflict.expert_id, m.Conflict.platform_id)).all())
        sheets = {
            (e, p): (provenance, revision, source, submitted, merged)
            for e, p, provenance, revision, source, submitted, merged in s.execute(
                select(
                    m.ScoreSheet.expert_id,
                    m.ScoreSheet.platform_id,
                    m.ScoreSheet.provenance,
                    m.ScoreSheet.revision,
                    m.ScoreSheet.source_file,
                    m.ScoreSheet.submitted_at,
                    m.ScoreSheet.merged_at,
                )
            )
        }
        revisions: dict[int, int] = defaultdict(int)
        for expert_id, revision_merged in s.execute(
            select(m.ReviewPackage.expert_id, m.ReviewPackage.revision_merged)
        ):
            revisions[expert_id] = max(revisions[expert_id], revision_merged)
    cells: dict[tuple[int, int], StatusCell] = {}
    counts: dict[int, dict[SheetState, int]] = defaultdict(lambda: dict.fromkeys(SheetState, 0))
    for expert_id, platform_id in assigned:
        key = (expert_id, platform_id)
        sheet = sheets.get(key)
        if key in conflicted:
            cell = StatusCell(expert_id, platform_id, SheetState.CONFLICT)
        elif sheet is None:
            cell = StatusCell(expert_id, platform_id, SheetState.MISSING)
        else:
            provenance, revision, source, submitted, merged = sheet
            state = (
                SheetState.PAPER if provenance == Provenance.PAPER.value else SheetState.SUBMITTED
            )
            cell = StatusCell(expert_id, platform_id, state, revision, source, submitted, merged)
        cells[key] = cell
        counts[expert_id][cell.state] += 1
    progress = tuple(
        ExpertProgress(
            expert_id=eid,
            name=name,
            assigned=sum(counts[eid].values()),
            submitted=counts[eid][SheetState.SUBMITTED],
            paper=counts[eid][SheetState.PAPER],
            missing=counts[eid][SheetState.MISSING],
            conflicts=counts[eid][SheetState.CONFLICT],
            revision=revisions.get(eid, 0),
        )
        for eid, name in experts
    )
    return MergeStatus(progress, platforms, cells)
