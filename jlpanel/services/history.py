"""Grades of earlier cycles (考核历史), for the two-consecutive-fails rule (DESIGN §5).

History comes from an earlier cycle's workspace (its name, period end and stored results,
read without writing a byte to it) or from a history sheet (``exchange.history_sheet``).
Importing is all-or-nothing: a bad file, or a grade already held for the same platform and
cycle (unless ``replace``), changes nothing and comes back with every finding. Audited.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select

from jlpanel.domain.dossier import Finding, Severity
from jlpanel.domain.rules import Grade, grade_from_label
from jlpanel.domain.text import Text
from jlpanel.exchange.history_sheet import HistoryRow
from jlpanel.services.workspace import WORKSPACE_SUFFIX, Workspace, record
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
    """A platform's grade in an earlier cycle, as the workspace holds it."""

    filing_no: str
    platform_name: str
    cycle_name: str
    cycle_end: dt.date | None
    grade: Grade
    source: str
    #: Whether a platform of this cycle has this filing number.
    in_cycle: bool


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
) -> tuple[list[HistoryRow], list[Finding]]:
    """The stored final grades of an earlier cycle's workspace, read without writing to it."""
    import sqlite3

    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from jlpanel.storage import workspace as store

    name = path.name
    not_a_workspace = _finding(
        "history.not_a_workspace",
        f"该文件不是 jlpanel 工作区：{name}",
        f"This file is not a jlpanel workspace: {name}",
        "请选择以往考核周期的 .jlpanel 工作区文件，或考核历史 .xlsx 工作簿",
        "Choose an earlier cycle's .jlpanel workspace or a history .xlsx workbook",
    )
    if not path.is_file():
        return [], [
            _finding(
                "history.missing",
                f"找不到文件：{path}",
                f"File not found: {path}",
                "请检查文件路径",
                "Check the path",
            )
        ]
    try:
        # The storage layer's own read-only checks: header, schema revision, application id.
        store._check_header(path)
        revisions, tables, application_id = store._inspect_read_only(path)
    except store.WorkspaceError:
        return [], [not_a_workspace]
    if application_id not in (0, store.APPLICATION_ID) or not revisions:
        return [], [not_a_workspace]
    if set(revisions) - store.known_revisions():
        return [], [
            _finding(
                "history.newer_workspace",
                f"该工作区由更新版本的 jlpanel 创建，无法读取：{name}",
                f"This workspace was written by a newer version of jlpanel: {name}",
                "请升级本程序后再导入",
                "Update the program, then import it",
            )
        ]
    if not {"cycles", "platforms", "results"} <= tables:
        return [], [not_a_workspace]

    uri = store._read_only_uri(path)
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, timeout=store.BUSY_TIMEOUT_MS / 1000),
        poolclass=NullPool,
    )
    try:
        with engine.connect() as conn:
            cycles = conn.execute(select(m.Cycle.id, m.Cycle.name, m.Cycle.period_end)).all()
            results = conn.execute(
                select(m.Platform.filing_no, m.Platform.name, m.Result.grade, m.Result.is_final)
                .join(m.Result, m.Result.platform_id == m.Platform.id)
                .order_by(m.Platform.filing_no)
            ).all()
    except Exception as exc:  # a damaged file: sqlite3 and SQLAlchemy errors alike
        log.warning("cannot read earlier workspace %s: %s", path, exc)
        return [], [
            _finding(
                "history.corrupt_workspace",
                f"工作区文件已损坏或正被占用，无法读取：{name}",
                f"The workspace is damaged or in use and cannot be read: {name}",
                "关闭正在使用它的程序，或改用它的备份",
                "Close the program using it, or use a backup of it",
            )
        ]
    finally:
        engine.dispose()
    if len(cycles) != 1:
        return [], [not_a_workspace]
    cycle_id, cycle_name, period_end = cycles[0]
    if cycle_id == current_cycle_id:
        return [], [_same_cycle(name)]
    rows: list[HistoryRow] = []
    not_final = 0
    for filing_no, platform_name, grade, is_final in results:
        if grade is None or not is_final:
            not_final += 1
            continue
        try:
            rows.append(
                HistoryRow(
                    filing_no=filing_no,
                    cycle_name=cycle_name,
                    grade=grade_from_label(grade),
                    platform_name=platform_name or "",
                    cycle_end=period_end,
                )
            )
        except ValueError:
            not_final += 1
    findings: list[Finding] = []
    if not rows:
        findings.append(
            _finding(
                "history.no_results",
                f"工作区“{cycle_name}”中没有已确定的考核结果：{name}",
                f"The workspace '{cycle_name}' holds no final results: {name}",
                "请先在该工作区中计算考核结果（jlpanel results），再导入",
                "Compute its results first (jlpanel results), then import it",
            )
        )
    elif not_final:
        findings.append(
            _finding(
                "history.not_final",
                f"工作区“{cycle_name}”中有 {not_final} 个平台的结果尚未确定，未导入",
                f"{not_final} platforms of '{cycle_name}' have no final result and were "
                "not imported",
                "如需导入，请在该工作区中补齐评分并重新计算结果",
                "To include them, complete their scores in that workspace and compute again",
                severity=Severity.WARNING,
            )
        )
    return rows, findings


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
    """Import earlier cycles' grades from an earlier workspace or a history sheet.

    All or nothing. A grade already held for the same platform and cycle refuses the file
    unless ``replace``; the current workspace (or a copy of it) is refused.
    """
    from jlpanel.exchange.history_sheet import read_history_sheet

    path = Path(path)
    info = ws.cycle_info()
    if _same_file(path, ws.path):
        return HistoryImportOutcome(path, HistoryStatus.REFUSED, findings=(_same_cycle(path.name),))
    if _is_workspace_file(path):
        source = HistorySource.WORKSPACE
        rows, found = _read_earlier_workspace(path, info.id)
        findings = list(found)
    else:
        source = HistorySource.SHEET
        read = read_history_sheet(path)
        rows, findings = read.rows, list(read.findings)
    if any(f.severity is Severity.ERROR for f in findings):
        return HistoryImportOutcome(path, HistoryStatus.REFUSED, source, findings=tuple(findings))

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

    with ws.session() as s:
        existing = {
            (e.filing_no, e.cycle_name): e
            for e in s.scalars(
                select(m.HistoryEntry).where(
                    m.HistoryEntry.cycle_name.in_({r.cycle_name for r in rows})
                )
            )
        }
        platforms = dict(s.execute(select(m.Platform.filing_no, m.Platform.name)).all())
        clashes = [r for r in rows if (r.filing_no, r.cycle_name) in existing]
        if clashes and not replace:
            for r in clashes[:20]:
                held = existing[(r.filing_no, r.cycle_name)]
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
        for r in rows:
            earlier = existing.get((r.filing_no, r.cycle_name))
            if earlier is not None:
                replaced.append(
                    {
                        "filing_no": r.filing_no,
                        "cycle": r.cycle_name,
                        "old": earlier.grade,
                        "new": r.grade.value,
                    }
                )
                earlier.grade = r.grade.value
                earlier.cycle_end = r.cycle_end
                earlier.platform_name = r.platform_name or earlier.platform_name
                earlier.source = path.name
            else:
                s.add(
                    m.HistoryEntry(
                        filing_no=r.filing_no,
                        platform_name=r.platform_name or platforms.get(r.filing_no),
                        cycle_name=r.cycle_name,
                        cycle_end=r.cycle_end,
                        grade=r.grade.value,
                        source=path.name,
                    )
                )
        cycles = tuple(sorted({r.cycle_name for r in rows}))
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
            },
        )
    log.info("imported %d history rows from %s (%d replaced)", len(rows), path, len(replaced))
    return HistoryImportOutcome(
        path,
        HistoryStatus.IMPORTED,
        source,
        cycles,
        added=len(rows) - len(replaced),
        replaced=len(replaced),
        findings=tuple(findings),
    )


def _grade_text(stored: str, language: str) -> str:
    try:
        return grade_from_label(stored).label.get(language)
    except ValueError:
        return stored


def list_history(ws: Workspace) -> list[HistoryLine]:
    """Every history entry, newest cycle first, then by filing number.

    An entry whose grade is not a grade (written by hand into the database) is left out.
    """
    lines: list[HistoryLine] = []
    with ws.session() as s:
        platforms = dict(s.execute(select(m.Platform.filing_no, m.Platform.name)).all())
        for e in s.scalars(select(m.HistoryEntry)):
            try:
                grade = grade_from_label(e.grade)
            except ValueError:
                log.warning("history grade %r of %s is not a grade; left out", e.grade, e.filing_no)
                continue
            lines.append(
                HistoryLine(
                    filing_no=e.filing_no,
                    platform_name=e.platform_name or platforms.get(e.filing_no) or "",
                    cycle_name=e.cycle_name,
                    cycle_end=e.cycle_end,
                    grade=grade,
                    source=e.source or "",
                    in_cycle=e.filing_no in platforms,
                )
            )
    return sorted(
        lines,
        key=lambda h: (-(h.cycle_end or dt.date.min).toordinal(), h.cycle_name, h.filing_no),
    )


def history_rows(lines: Sequence[HistoryLine]) -> list[HistoryRow]:
    """History lines as sheet rows, e.g. to write them out as a history workbook."""
    return [
        HistoryRow(h.filing_no, h.cycle_name, h.grade, h.platform_name, h.cycle_end) for h in lines
    ]
