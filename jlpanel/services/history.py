"""Grades and decisions of earlier cycles (考核历史), for the rules of DESIGN §5.

History comes from an earlier cycle's workspace (its name, period end, stored results and
decisions, and the history it held, read without writing a byte to it), from a history
sheet or from the program's own results export (``exchange.history_sheet``). Each entry keeps
the grade, the decision, the bar (取消申报资格) and whether the result was final, so that a
bar or a disqualification carries into later cycles even when that result was not final,
while only a final grade counts for two fails in a row (:func:`previous_standing`).

A 备案编号 is matched to this cycle's platforms, and to the history held already, on its
identity key (:func:`jlpanel.domain.identity.identity_key`: case, width, spaces, punctuation,
look-alike letters and invisible characters do not count) and kept as the workspace writes it;
one platform twice in one file refuses the file, naming both.

Importing is all-or-nothing: a bad file, an entry without its period end, or a grade held
already otherwise for the same platform and cycle (unless ``replace``) changes nothing and
comes back with every finding. Audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.identity import clean_text, describe_removed, identity_key
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade, grade_from_label
from jlpanel.domain.text import Text
from jlpanel.exchange.history_sheet import HistoryRow
from jlpanel.services.register import (
    HistoryOutcome,
    PreviousStanding,
    earlier_standing,
    mirror_history,
)
from jlpanel.services.register import (
    UndatedHistoryError as UndatedHistoryError,
)
from jlpanel.services.workspace import WORKSPACE_SUFFIX, Workspace, current_actor, record
from jlpanel.storage import models as m

log = logging.getLogger(__name__)


class HistorySource(StrEnum):
    """What a history file was."""

    WORKSPACE = "workspace"  # an earlier cycle's .jlpanel
    SHEET = "sheet"  # a history workbook


class HistoryStatus(StrEnum):
    """What happened to a history file."""

    IMPORTED = "imported"
    REFUSED = "refused"  # nothing changed


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """A platform's grade and decision in an earlier cycle, as the workspace holds it."""

    filing_no: str
    platform_name: str
    cycle_name: str
    cycle_end: dt.date | None
    grade: Grade
    source: str
    #: Whether a platform of this cycle has this filing number.
    in_cycle: bool
    decision: DecisionKind | None = None
    #: Barred from applying and evaluation in that cycle (carries into every later cycle).
    barred: bool = False
    #: Whether that cycle's result was final (only a final grade counts for two fails).
    is_final: bool = True


@dataclass(frozen=True, slots=True)
class HistoryImportOutcome:
    """The result of importing one history file."""

    path: Path
    status: HistoryStatus
    source: HistorySource | None = None
    #: The earlier cycles the file held, by name.
    cycles: tuple[str, ...] = ()
    #: Rows added and rows that replaced an earlier grade of the same platform and cycle.
    added: int = 0
    replaced: int = 0
    #: Rows the workspace held exactly so already (nothing changed for them).
    unchanged: int = 0
    #: Errors when refused; warnings otherwise.
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the history is now in the workspace."""
        return self.status is HistoryStatus.IMPORTED

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that refused the file."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings that did not."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)


def _finding(
    code: str,
    zh: str,
    en: str,
    fix_zh: str,
    fix_en: str,
    *,
    severity: Severity = Severity.ERROR,
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> Finding:
    return Finding(severity, code, sheet, row, column, Text(zh, en), Text(fix_zh, fix_en))


def _key(row: HistoryRow) -> tuple[str, str]:
    """What one platform's grade in one cycle is known by: the identity key of its 备案编号
    (case, width, spaces, punctuation, look-alike letters and invisible characters do not
    count) and the cycle's name."""
    return identity_key(row.filing_no), row.cycle_name


class _Tidy:
    """Cleans the text an earlier workspace stored, remembering what went."""

    def __init__(self) -> None:
        self.removed: list[str] = []
        self.values = 0
        self.emptied = 0

    def __call__(self, value: str, *, code: bool = False) -> str:
        cleaned = clean_text(value, code=code)
        if cleaned.removed:
            self.values += 1
            self.emptied += code and not cleaned.text
            self.removed.extend(c for c in cleaned.removed if c not in self.removed)
        return cleaned.text

    def findings(self, name: str) -> list[Finding]:
        if not self.values:
            return []
        codes = describe_removed(tuple(self.removed))
        emptied = (
            (
                f"；其中 {self.emptied} 个备案编号只有这些字符，相应记录未导入",
                f"; {self.emptied} filing numbers held nothing else, and their entries were "
                "not imported",
            )
            if self.emptied
            else ("", "")
        )
        return [
            _finding(
                "text.invisible_removed",
                f"工作区 {name} 中有 {self.values} 个备案编号、平台名称或周期名称含有看不见的"
                f"字符或控制字符（{codes}），已删除{emptied[0]}",
                f"{self.values} filing numbers, platform or cycle names in the workspace {name} "
                f"held invisible or control characters ({codes}); they were removed{emptied[1]}",
                "如需更正，请在该工作区中重新输入这些内容",
                "To correct them, type them again in that workspace",
                severity=Severity.WARNING,
            )
        ]


def write_history_template(path: Path) -> None:
    """Write the blank history workbook (考核历史) staff fill in."""
    from jlpanel.exchange.history_sheet import write_history_template as write

    write(path)


# ------------------------------------------------------------------------ earlier workspace


def _is_workspace_file(path: Path) -> bool:
    if path.suffix.lower() == WORKSPACE_SUFFIX:
        return True
    try:
        with path.open("rb") as file:
            return file.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False


def _read_earlier_workspace(
    path: Path, current_cycle_id: str
) -> tuple[list[HistoryRow], list[Finding], dict[tuple[str, str], str]]:
    """An earlier cycle's workspace as history, read without writing to it.

    Its stored results give each platform's grade, decision, bar and whether the result was
    final; a result that was not final is kept (its bar or disqualification carries on, its
    grade does not count for two fails in a row). The history it held of cycles before it
    comes along, so that a bar is not lost by importing only the latest cycle. Returns the
    rows, the findings and the source of each inherited row (by :func:`_key`). Text is
    cleaned as it comes in, with a warning when characters went.
    """
    from jlpanel.storage.earlier import EarlierFileError, read_earlier_file

    name = path.name
    not_a_workspace = _finding(
        "history.not_a_workspace",
        f"该文件不是 jlpanel 工作区：{name}",
        f"This file is not a jlpanel workspace: {name}",
        "请选择以往考核周期的 .jlpanel 工作区文件，或考核历史 .xlsx 工作簿",
        "Choose an earlier cycle's .jlpanel workspace or a history .xlsx workbook",
    )
    faults = {
        "missing": _finding(
            "history.missing",
            f"找不到文件：{path}",
            f"File not found: {path}",
            "请检查文件路径",
            "Check the path",
        ),
        "not_a_workspace": not_a_workspace,
        "newer": _finding(
            "history.newer_workspace",
            f"该工作区由更新版本的 jlpanel 创建，无法读取：{name}",
            f"This workspace was written by a newer version of jlpanel: {name}",
            "请升级本程序后再导入",
            "Update the program, then import it",
        ),
        "corrupt": _finding(
            "history.corrupt_workspace",
            f"工作区文件已损坏或正被占用，无法读取：{name}",
            f"The workspace is damaged or in use and cannot be read: {name}",
            "关闭正在使用它的程序，或改用它的备份",
            "Close the program using it, or use a backup of it",
        ),
    }
    try:
        held = read_earlier_file(path)
    except EarlierFileError as exc:
        return [], [faults[exc.kind]], {}
    cycles = held.cycles
    results = [
        (r.filing_no, r.name, r.grade, r.is_final, r.decision, r.status) for r in held.results
    ]
    inherited = held.history
    if len(cycles) != 1:
        return [], [not_a_workspace], {}
    cycle_id, cycle_name, period_end = cycles[0]
    if cycle_id == current_cycle_id:
        return [], [_same_cycle(name)], {}
    # Kept cleaned, as every text that comes in (issue 12); an older version may have stored
    # invisible characters.
    tidy = _Tidy()
    cycle_name = tidy(cycle_name)
    platform_results = [
        (raw, tidy(raw, code=True), tidy(platform_name or ""), grade, is_final, kind, status)
        for raw, platform_name, grade, is_final, kind, status in results
    ]
    inherited = [
        {
            **e,
            "filing_no": tidy(e["filing_no"], code=True),
            "cycle_name": tidy(e["cycle_name"]),
            "platform_name": tidy(e.get("platform_name") or ""),
        }
        for e in inherited
    ]
    if period_end is None:
        return (
            [],
            [
                _finding(
                    "history.no_cycle_end",
                    f"工作区“{cycle_name}”没有考核期止，无法判断它是哪一次考核：{name}",
                    f"The workspace '{cycle_name}' has no period end, so no one can tell which "
                    f"cycle came before which: {name}",
                    "请导出该工作区的结果（jlpanel export … 结果.xlsx），在“结果汇总”的“周期截止”列"
                    "填写该周期的考核期止后导入该工作簿；或改为导入考核历史表",
                    "Export that workspace's results (jlpanel export … results.xlsx), fill in the "
                    "cycle's period end under 周期截止 on 结果汇总 and import that workbook; or "
                    "import a history sheet instead",
                )
            ],
            {},
        )

    # By the platform as stored (one per filing number there): two whose numbers are one
    # once cleaned stay two rows, and the import refuses them as duplicates.
    by_platform: dict[str, dict[str, Any]] = {}
    for raw, filing_no, platform_name, grade, is_final, kind, status in platform_results:
        seen = by_platform.setdefault(
            raw,
            {
                "filing_no": filing_no,
                "name": platform_name,
                "grade": grade,
                "final": bool(is_final),
                "kinds": [],
            },
        )
        if kind is not None:
            seen["kinds"].append((kind, status))
    rows: list[HistoryRow] = []
    not_final = 0
    no_grade: list[str] = []
    for seen in by_platform.values():
        filing_no = seen["filing_no"]
        if not filing_no:
            continue  # nothing but invisible characters: counted by ``tidy``
        kinds = [k for k, _ in seen["kinds"]]
        barred = any(status == "barred" for _, status in seen["kinds"])
        decision = _stored_decision(kinds)
        try:
            grade = grade_from_label(seen["grade"]) if seen["grade"] else None
        except ValueError:
            log.warning(
                "stored grade %r of %s in %s is not a grade", seen["grade"], filing_no, path
            )
            grade = None
        if grade is None and (barred or decision is DecisionKind.DISQUALIFY):
            grade = Grade.FAIL  # any veto is 不合格, and only a 不合格 loses the status
        if grade is None:
            no_grade.append(filing_no)
            continue
        not_final += not seen["final"]
        rows.append(
            HistoryRow(
                filing_no=filing_no,
                cycle_name=cycle_name,
                grade=grade,
                platform_name=seen["name"],
                cycle_end=period_end,
                decision=decision,
                barred=barred,
                is_final=seen["final"],
            )
        )
    findings: list[Finding] = tidy.findings(name)
    if not rows:
        return (
            [],
            [
                _finding(
                    "history.no_results",
                    f"工作区“{cycle_name}”中没有考核结果：{name}",
                    f"The workspace '{cycle_name}' holds no results: {name}",
                    "请先在该工作区中计算考核结果（jlpanel results），再导入",
                    "Compute its results first (jlpanel results), then import it",
                )
            ],
            {},
        )
    if not_final:
        findings.append(
            _finding(
                "history.not_final",
                f"工作区“{cycle_name}”中有 {not_final} 个平台的结果尚未确定：已按“未确定”导入，"
                "其等级不计入连续两次不合格，取消资格和取消申报资格照样延续",
                f"{not_final} platforms of '{cycle_name}' had no final result: imported as not "
                "final; their grades do not count for two fails in a row, a disqualification "
                "or bar still carries on",
                "如需计入，请在该工作区中补齐评分、重新计算结果后再导入（替换已有的历史）",
                "To count them, complete their scores in that workspace, compute again and "
                "import it again (replacing the history)",
                severity=Severity.WARNING,
            )
        )
    if no_grade:
        listed = "、".join(no_grade[:10]) + ("…" if len(no_grade) > 10 else "")
        findings.append(
            _finding(
                "history.no_grade",
                f"工作区“{cycle_name}”中有 {len(no_grade)} 个平台没有考核等级，也未被取消资格，"
                f"未导入：{listed}",
                f"{len(no_grade)} platforms of '{cycle_name}' have no grade and were not "
                f"disqualified; not imported: {listed}",
                "如需导入，请在该工作区中补齐评分并重新计算结果",
                "To include them, complete their scores in that workspace and compute again",
                severity=Severity.WARNING,
            )
        )
    earlier, sources, more = _inherited_rows(name, inherited, {_key(r) for r in rows})
    findings.extend(more)
    if any(f.severity is Severity.ERROR for f in more):
        return [], findings, {}
    return rows + earlier, findings, sources


def _stored_decision(kinds: Sequence[str]) -> DecisionKind | None:
    """The decision a workspace stored for a platform (the gravest, should there be two)."""
    known = []
    for kind in kinds:
        try:
            known.append(DecisionKind(kind))
        except ValueError:
            log.warning("stored decision %r is not a decision; ignored", kind)
    for grave in (DecisionKind.DISQUALIFY, DecisionKind.RECTIFY):
        if grave in known:
            return grave
    return known[0] if known else None


def _inherited_rows(
    name: str, entries: Sequence[Mapping[str, Any]], own: set[tuple[str, str]]
) -> tuple[list[HistoryRow], dict[tuple[str, str], str], list[Finding]]:
    """The history an earlier workspace held, as rows with their sources (by :func:`_key`);
    undated entries refuse the file. ``own`` holds the keys of the workspace's own results."""
    undated = [e for e in entries if e.get("cycle_end") is None]
    if undated:
        listed = "、".join(f"{e['filing_no']}（{e['cycle_name']}）" for e in undated[:10])
        more = "…" if len(undated) > 10 else ""
        return (
            [],
            {},
            [
                _finding(
                    "history.no_cycle_end",
                    f"工作区 {name} 所存的考核历史中有 {len(undated)} 条没有考核期止，无法判断"
                    f"哪一次是上一次考核：{listed}{more}",
                    f"{len(undated)} history entries held in the workspace {name} have no period "
                    f"end, so no one can tell which cycle was the previous one: {listed}{more}",
                    "请先在该工作区中重新导入带考核期止的考核历史（替换已有的历史），再导入它；"
                    "或改为导入带考核期止的考核历史表",
                    "First import the history again with its period ends into that workspace "
                    "(replacing it), then import the workspace; or import a history sheet with "
                    "the period ends instead",
                )
            ],
        )
    rows: list[HistoryRow] = []
    sources: dict[tuple[str, str], str] = {}
    skipped: list[str] = []
    for e in entries:
        key = (identity_key(e["filing_no"]), e["cycle_name"])
        if key in own or not e["filing_no"]:
            continue
        try:
            grade = grade_from_label(e["grade"])
            decision = DecisionKind(e["decision"]) if e.get("decision") else None
        except ValueError:
            skipped.append(f"{e['filing_no']}（{e['cycle_name']}）")
            continue
        source = f"{name}（{e['source']}）" if e.get("source") else name
        sources[key] = source[:500]
        rows.append(
            HistoryRow(
                filing_no=e["filing_no"],
                cycle_name=e["cycle_name"],
                grade=grade,
                platform_name=e.get("platform_name") or "",
                cycle_end=e["cycle_end"],
                decision=decision,
                barred=bool(e.get("barred", False)),
                is_final=bool(e.get("is_final", True)),
            )
        )
    if not skipped:
        return rows, sources, []
    listed = "、".join(skipped[:10]) + ("…" if len(skipped) > 10 else "")
    return (
        rows,
        sources,
        [
            _finding(
                "history.bad_entry",
                f"工作区 {name} 所存的考核历史中有 {len(skipped)} 条的等级或处理意见无法识别，"
                f"未导入：{listed}",
                f"{len(skipped)} history entries held in the workspace {name} have a grade or "
                f"decision that is not one: {listed}",
                "请在该工作区中重新导入这些平台的考核历史（替换已有的历史）",
                "Import these platforms' history into that workspace again (replacing it)",
                severity=Severity.WARNING,
            )
        ],
    )


def _same_cycle(name: str) -> Finding:
    return _finding(
        "history.same_cycle",
        f"不能把本考核周期自己的工作区作为历史导入：{name}",
        f"A cycle's own workspace cannot be imported as its history: {name}",
        "请选择以往考核周期的工作区",
        "Choose an earlier cycle's workspace",
    )


# ---------------------------------------------------------------------------- importing


def import_history(ws: Workspace, path: Path, *, replace: bool = False) -> HistoryImportOutcome:
    """Import earlier cycles' grades and decisions from an earlier workspace, a history sheet
    or the program's own results export.

    All or nothing. A row without its period end refuses the file. A grade already held for
    the same platform and cycle refuses the file unless ``replace`` — unless it is held
    exactly so already (grade, period end, decision, bar, final), which changes nothing.
    The current workspace (or a copy of it) is refused.
    """
    from jlpanel.exchange.history_sheet import read_history_sheet

    path = Path(path)
    info = ws.cycle_info()
    if ws.file is not None and _same_file(path, ws.file):
        return HistoryImportOutcome(path, HistoryStatus.REFUSED, findings=(_same_cycle(path.name),))
    sources: dict[tuple[str, str], str] = {}
    if _is_workspace_file(path):
        source = HistorySource.WORKSPACE
        rows, found, sources = _read_earlier_workspace(path, info.id)
        findings = list(found)
    else:
        source = HistorySource.SHEET
        read = read_history_sheet(path)
        rows, findings = read.rows, list(read.findings)
    findings.extend(_same_platform_twice(rows, path.name))
    if any(f.severity is Severity.ERROR for f in findings):
        return HistoryImportOutcome(path, HistoryStatus.REFUSED, source, findings=tuple(findings))

    undated = [r for r in rows if r.cycle_end is None]
    if undated:  # the readers refuse these already; history is never stored without its end
        listed = "、".join(f"{r.filing_no}（{r.cycle_name}）" for r in undated[:10])
        findings.append(
            _finding(
                "history.no_cycle_end",
                f"{len(undated)} 条记录没有考核期止，无法判断哪一次是上一次考核：{listed}",
                f"{len(undated)} rows have no period end, so no one can tell which cycle was "
                f"the previous one: {listed}",
                "请填写各周期的考核期止后再导入",
                "Fill in each cycle's period end and import again",
            )
        )
    # Only earlier cycles: a cycle that ends when this one does, or later, is not history.
    for row in rows:
        if row.cycle_name == info.name or (
            row.cycle_end is not None
            and info.period_end is not None
            and row.cycle_end >= info.period_end
        ):
            findings.append(
                _finding(
                    "history.not_earlier",
                    f"“{row.cycle_name}”不是本周期（{info.name}）之前的考核周期",
                    f"'{row.cycle_name}' is not a cycle before this one ({info.name})",
                    "考核历史只收以往周期的等级；请核对考核周期名称和考核期止",
                    "History holds earlier cycles only; check the cycle name and period end",
                    column="考核周期",
                )
            )
            break
    if any(f.severity is Severity.ERROR for f in findings):
        return HistoryImportOutcome(path, HistoryStatus.REFUSED, source, findings=tuple(findings))

    with ws.session() as s:
        platforms = dict(s.execute(select(m.Platform.filing_no, m.Platform.name)).all())
        spelled = s.scalars(
            select(m.HistoryEntry.filing_no).group_by(m.HistoryEntry.filing_no)
        ).all()
        rows, respelled = _as_the_workspace_spells(rows, platforms, spelled)
        # Held entries by identity too: one stored before under another spelling (say before
        # the platform's dossier came in) is the same platform's grade. Files written before
        # identities were compared may even hold two spellings for one cycle.
        existing: dict[tuple[str, str], list[m.HistoryEntry]] = {}
        for e in s.scalars(
            select(m.HistoryEntry)
            .where(m.HistoryEntry.cycle_name.in_({r.cycle_name for r in rows}))
            .order_by(m.HistoryEntry.id)
        ):
            existing.setdefault((identity_key(e.filing_no), e.cycle_name), []).append(e)
        held_alike = {
            _key(r)
            for r in rows
            if _key(r) in existing and all(_same_entry(e, r) for e in existing[_key(r)])
        }
        clashes = [r for r in rows if _key(r) in existing and _key(r) not in held_alike]
        if clashes and not replace:
            for r in clashes[:20]:
                held = existing[_key(r)][0]
                findings.append(
                    _finding(
                        "history.exists",
                        f"已有平台 {r.filing_no} 在“{r.cycle_name}”的等级"
                        f"（{_grade_text(held.grade, 'zh')}，来自 {held.source or '未知'}）",
                        f"Platform {r.filing_no} already has a grade for '{r.cycle_name}' "
                        f"({_grade_text(held.grade, 'en')}, from {held.source or '?'})",
                        "如需以本文件为准，请选择“替换已有的历史等级”",
                        "To use this file's grades instead, choose to replace the history",
                    )
                )
            if len(clashes) > 20:
                findings.append(
                    _finding(
                        "history.exists_more",
                        f"另有 {len(clashes) - 20} 条记录与已有的历史等级重复",
                        f"{len(clashes) - 20} more rows repeat history already held",
                        "如需以本文件为准，请选择“替换已有的历史等级”",
                        "To use this file's grades instead, choose to replace the history",
                    )
                )
        if any(f.severity is Severity.ERROR for f in findings):
            return HistoryImportOutcome(
                path, HistoryStatus.REFUSED, source, findings=tuple(findings)
            )

        if respelled:
            listed = "、".join(f"{typed} → {own}" for typed, own in respelled[:10]) + (
                "…" if len(respelled) > 10 else ""
            )
            findings.append(
                _finding(
                    "history.same_filing_no",
                    f"{len(respelled)} 个备案编号的写法与本工作区不同，视为同一编号"
                    f"（大小写、全角半角、空格、标点和看不见的字符不计），按本工作区的写法记录：{listed}",
                    f"{len(respelled)} filing numbers are written otherwise than in this "
                    "workspace and are taken as the same (case, width, spaces, punctuation and "
                    f"invisible characters do not count); recorded as the workspace writes them: "
                    f"{listed}",
                    "如并非同一平台，请核对备案编号",
                    "If they are not the same platforms, check the filing numbers",
                    severity=Severity.WARNING,
                )
            )
        unknown = sorted({r.filing_no for r in rows} - set(platforms))
        if unknown:
            listed = "、".join(unknown[:10]) + ("…" if len(unknown) > 10 else "")
            findings.append(
                _finding(
                    "history.unknown_platform",
                    f"{len(unknown)} 个备案编号不在本考核周期中（已导入，仅供查询）：{listed}",
                    f"{len(unknown)} filing numbers are not in this cycle (imported for "
                    f"reference only): {listed}",
                    "如应为本周期的平台，请核对备案编号是否与平台材料一致",
                    "If they are this cycle's platforms, check the filing numbers against "
                    "the dossiers",
                    severity=Severity.WARNING,
                )
            )

        replaced: list[dict[str, object]] = []
        added = 0
        for r in rows:
            key = _key(r)
            if key in held_alike:
                continue
            group = existing.get(key, [])
            earlier = group[0] if group else None
            doubles = group[1:]
            for double in doubles:  # one platform's grade twice, under two spellings
                s.delete(double)
            if doubles:
                s.flush()  # before the one kept takes the spelling a deleted one may have
            values = {
                "cycle_end": r.cycle_end,
                "grade": r.grade.value,
                "decision": r.decision.value if r.decision is not None else None,
                "barred": r.barred,
                "is_final": r.is_final,
                "source": sources.get(key, path.name),
            }
            if earlier is not None:
                replaced.append(
                    {
                        "filing_no": r.filing_no,
                        "cycle": r.cycle_name,
                        "old": earlier.grade,
                        "new": r.grade.value,
                        **_changed_flags(earlier, r),
                        **_respelled(earlier, doubles, r),
                    }
                )
                for name, value in values.items():
                    setattr(earlier, name, value)
                earlier.filing_no = r.filing_no
                earlier.platform_name = r.platform_name or earlier.platform_name
            else:
                added += 1
                s.add(
                    m.HistoryEntry(
                        filing_no=r.filing_no,
                        platform_name=r.platform_name or platforms.get(r.filing_no),
                        cycle_name=r.cycle_name,
                        **values,
                    )
                )
        mirror_history(
            s,
            [
                HistoryOutcome(
                    filing_no=r.filing_no,
                    platform_name=r.platform_name or platforms.get(r.filing_no),
                    cycle_name=r.cycle_name,
                    cycle_end=r.cycle_end,
                    grade=r.grade.value,
                    decision=r.decision.value if r.decision is not None else None,
                    barred=r.barred,
                    is_final=r.is_final,
                    source=sources.get(_key(r), path.name),
                )
                for r in rows
                if _key(r) not in held_alike
            ],
            current_actor(),
        )
        cycles = tuple(sorted({r.cycle_name for r in rows}))
        if added or replaced:
            record(
                s,
                "import_history",
                "history",
                None,
                old={"replaced": replaced} if replaced else None,
                new={
                    "file": path.name,
                    "source": source.value,
                    "cycles": list(cycles),
                    "rows": len(rows),
                    "fails": sum(1 for r in rows if r.grade is Grade.FAIL),
                    "barred": sorted({r.filing_no for r in rows if r.barred}),
                    "disqualified": sorted(
                        {r.filing_no for r in rows if r.decision is DecisionKind.DISQUALIFY}
                    ),
                    "not_final": sum(1 for r in rows if not r.is_final),
                },
            )
    log.info(
        "imported %d history rows from %s (%d added, %d replaced, %d held already)",
        len(rows),
        path,
        added,
        len(replaced),
        len(held_alike),
    )
    return HistoryImportOutcome(
        path,
        HistoryStatus.IMPORTED,
        source,
        cycles,
        added=added,
        replaced=len(replaced),
        unchanged=len(held_alike),
        findings=tuple(findings),
    )


def _as_the_workspace_spells(
    rows: Sequence[HistoryRow], platforms: Mapping[str, str], held: Sequence[str]
) -> tuple[list[HistoryRow], list[tuple[str, str]]]:
    """``rows`` with each 备案编号 written as the workspace writes it, and (as written, as
    kept) for those that were written otherwise.

    Matched on identity keys: a platform of this cycle gives the spelling, else a history
    entry held already; a filing number the workspace does not know stays as written.
    """
    own: dict[str, str] = {}
    for filing_no in sorted(held):
        own.setdefault(identity_key(filing_no), filing_no)
    this_cycle: dict[str, str] = {}
    for filing_no in sorted(platforms):
        this_cycle.setdefault(identity_key(filing_no), filing_no)
    own.update(this_cycle)  # this cycle's platform comes first
    out: list[HistoryRow] = []
    respelled: dict[tuple[str, str], None] = {}
    for row in rows:
        kept = own.get(identity_key(row.filing_no), row.filing_no)
        if kept != row.filing_no:
            respelled[(row.filing_no, kept)] = None
            row = dataclasses.replace(row, filing_no=kept)
        out.append(row)
    return out, list(respelled)


def _same_platform_twice(rows: Sequence[HistoryRow], name: str) -> list[Finding]:
    """Errors for two rows of one platform and cycle (a sheet's reader names its rows
    already; this catches an earlier workspace that holds one platform twice)."""
    first: dict[tuple[str, str], HistoryRow] = {}
    out: list[Finding] = []
    for row in rows:
        seen = first.setdefault(_key(row), row)
        if seen is row:
            continue
        out.append(
            _finding(
                "history.duplicate",
                f"{name} 中平台“{seen.filing_no}”和“{row.filing_no}”在“{row.cycle_name}”"
                "各有一条等级：两者视为同一编号（大小写、全角半角、空格、标点和看不见的字符不计）",
                f"{name} holds a grade for '{row.cycle_name}' under both '{seen.filing_no}' "
                f"and '{row.filing_no}', which are one filing number (case, width, spaces, "
                "punctuation and invisible characters do not count)",
                "在该工作区中核对这两个平台的备案编号，保留正确的一个后再导入",
                "Check those platforms' filing numbers in that workspace, keep the right one "
                "and import it again",
            )
        )
    return out


def _respelled(
    entry: m.HistoryEntry, doubles: Sequence[m.HistoryEntry], row: HistoryRow
) -> dict[str, object]:
    """For the audit: the spellings a replaced entry (and its doubles) were held under."""
    before = [entry.filing_no, *(d.filing_no for d in doubles)]
    if before == [row.filing_no]:
        return {}
    return {"held_as": before}


def _entry_grade(entry: m.HistoryEntry) -> Grade | None:
    try:
        return grade_from_label(entry.grade)
    except ValueError:
        return None


def _same_entry(entry: m.HistoryEntry, row: HistoryRow) -> bool:
    """Whether the workspace holds ``row`` exactly so already."""
    return (
        _entry_grade(entry) is row.grade
        and entry.cycle_end == row.cycle_end
        and entry.decision == (row.decision.value if row.decision is not None else None)
        and bool(entry.barred) == row.barred
        and bool(entry.is_final) == row.is_final
    )


def _changed_flags(entry: m.HistoryEntry, row: HistoryRow) -> dict[str, object]:
    """What a replaced entry said besides its grade, where the new row differs (for audit)."""
    new_decision = row.decision.value if row.decision is not None else None
    changed: dict[str, object] = {}
    if entry.decision != new_decision:
        changed["decision"] = [entry.decision, new_decision]
    if bool(entry.barred) != row.barred:
        changed["barred"] = [bool(entry.barred), row.barred]
    if bool(entry.is_final) != row.is_final:
        changed["is_final"] = [bool(entry.is_final), row.is_final]
    if entry.cycle_end != row.cycle_end:
        changed["cycle_end"] = [
            entry.cycle_end.isoformat() if entry.cycle_end else None,
            row.cycle_end.isoformat() if row.cycle_end else None,
        ]
    return changed


def _grade_text(stored: str, language: str) -> str:
    try:
        return grade_from_label(stored).label.get(language)
    except ValueError:
        return stored


def list_history(ws: Workspace) -> list[HistoryLine]:
    """Every history entry, newest cycle first, then by filing number.

    An entry whose grade is not a grade (written by hand into the database) is left out;
    entries without a period end (from older files) come last.
    """
    lines: list[HistoryLine] = []
    with ws.reading() as s:
        platforms = _platforms_by_key(s)
        for e in s.scalars(select(m.HistoryEntry)):
            grade = _entry_grade(e)
            if grade is None:
                log.warning("history grade %r of %s is not a grade; left out", e.grade, e.filing_no)
                continue
            # Shown as this cycle's platform writes its number, however the entry was stored.
            filing_no, name = platforms.get(identity_key(e.filing_no), (e.filing_no, ""))
            lines.append(
                HistoryLine(
                    filing_no=filing_no,
                    platform_name=e.platform_name or name,
                    cycle_name=e.cycle_name,
                    cycle_end=e.cycle_end,
                    grade=grade,
                    source=e.source or "",
                    in_cycle=identity_key(e.filing_no) in platforms,
                    decision=_decision_or_none(e.decision, e.filing_no),
                    barred=bool(e.barred),
                    is_final=bool(e.is_final),
                )
            )
    return sorted(
        lines,
        key=lambda h: (-(h.cycle_end or dt.date.min).toordinal(), h.cycle_name, h.filing_no),
    )


def _platforms_by_key(session: Session) -> dict[str, tuple[str, str]]:
    """This cycle's platforms by the identity key of their 备案编号: (filing no, name)."""
    return {
        identity_key(filing_no): (filing_no, name)
        for filing_no, name in session.execute(
            select(m.Platform.filing_no, m.Platform.name).order_by(m.Platform.id.desc())
        )
    }


def _decision_or_none(stored: str | None, filing_no: str) -> DecisionKind | None:
    if not stored:
        return None
    try:
        return DecisionKind(stored)
    except ValueError:
        log.warning("history decision %r of %s is not a decision; ignored", stored, filing_no)
        return None


def history_rows(lines: Sequence[HistoryLine]) -> list[HistoryRow]:
    """History lines as sheet rows, e.g. to write them out as a history workbook."""
    return [
        HistoryRow(
            h.filing_no,
            h.cycle_name,
            h.grade,
            h.platform_name,
            h.cycle_end,
            h.decision,
            h.barred,
            h.is_final,
        )
        for h in lines
    ]


# ------------------------------------------------------------- standing from earlier cycles


def previous_standing(session: Session) -> dict[str, PreviousStanding]:
    """What earlier cycles say about each platform, by filing number, read from the register
    (:func:`jlpanel.services.register.earlier_standing`: this store's earlier cycles and the
    history imported into it).

    Entries are one platform's whenever their filing numbers share an identity key, and are
    listed under the number as this cycle's platform writes it (else as the register holds
    it). The grade is the one of the most recent earlier cycle whose result was final; a bar
    or a disqualification in any earlier cycle counts whether or not that result was final.
    Entries without a period end raise :class:`UndatedHistoryError` rather than being
    guessed to be the oldest.
    """
    cycle = session.scalars(select(m.Cycle)).one()
    platforms = _platforms_by_key(session)
    return earlier_standing(
        session,
        cycle_name=cycle.name,
        period_end=cycle.period_end,
        spelled={key: spelled for key, (spelled, _) in platforms.items()},
    )
