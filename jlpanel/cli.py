"""The command line: every job the GUI does, for scripts and tests (DESIGN §8).

Exit status 0 on success, 1 when the input was refused (reasons on standard error),
2 for a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from jlpanel import __version__
from jlpanel.domain.dossier import Finding
from jlpanel.domain.identity import terminal_safe
from jlpanel.services.errors import UserError

if TYPE_CHECKING:
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.panel import ConfirmationStatus, ResultChange
    from jlpanel.services.workspace import Workspace

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
#: An internal error (a bug): sysexits' EX_SOFTWARE.
EXIT_BUG = 70


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _cmd_new(args: argparse.Namespace) -> int:
    from jlpanel.services.preferences import load_preferences
    from jlpanel.services.workspace import create_workspace

    # A new cycle starts with the user's rule defaults (设置 → 新周期默认规则), as in the GUI.
    with create_workspace(
        args.workspace,
        args.cycle,
        rubric_file=Path(args.rubric) if args.rubric else None,
        period_start=args.start,
        period_end=args.end,
        language=args.report_language,
        rules=load_preferences().new_cycle_rules(),
    ) as ws:
        info = ws.cycle_info()
    print(
        f"{ws.name}: {info.name} — {len(info.rubric.indicators)} indicators, "
        f"rubric {info.rubric.id} {info.rubric.version}"
    )
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from jlpanel.services.intake import write_template

    path = Path(args.out)
    write_template(path)
    print(path)
    return EXIT_OK


def _print_findings(findings: Sequence[Finding], language: str, *, file: TextIO) -> None:
    for f in findings:
        where = f.location(language)
        fix = f.fix.get(language)
        text = (
            (f"[{where}] " if where else "")
            + f.message.get(language)
            + (f" — {fix}" if fix else "")
        )
        print(f"    {text}", file=file)


def _cmd_import(args: argparse.Namespace) -> int:
    from jlpanel.services.intake import ImportStatus, folder_leftovers, import_dossiers
    from jlpanel.services.preferences import load_preferences
    from jlpanel.services.workspace import open_workspace

    prefs = load_preferences()
    en = args.lang.startswith("en")
    labels = {
        ImportStatus.IMPORTED: ("imported", "已导入"),
        ImportStatus.REPLACED: ("replaced", "已替换"),
        ImportStatus.REFUSED: ("REFUSED", "未导入"),
        ImportStatus.EXISTS: ("REFUSED (already imported)", "未导入（已存在）"),
        ImportStatus.CANCELLED: ("cancelled", "已取消"),
    }
    # The import takes its own backup (pre-import) before it writes.
    with open_workspace(args.workspace, cycle=args.cycle, preferences=prefs, backup=False) as ws:
        outcomes = import_dossiers(
            ws,
            [Path(p) for p in args.dossiers],
            replace=args.replace,
            backup_dir=prefs.backup_folder(),
            backup_count=prefs.backup_count,
        )
    for path, why in folder_leftovers([Path(p) for p in args.dossiers]):
        print(f"{'not taken' if en else '未导入'}: {path} — {why.en if en else why.zh}")
    if not outcomes:
        raise UserError(
            "没有找到要导入的工作簿（.xlsx、.xlsm、.xls、.ods）",
            "No workbooks (.xlsx, .xlsm, .xls, .ods) to import",
        )
    for o in outcomes:
        label = labels[o.status][0 if en else 1]
        name = f" {o.platform_name}" if o.platform_name else ""
        stream = sys.stdout if o.ok else sys.stderr
        if o.ok:
            tail = f" — {len(o.warnings)} warning(s)" if en else f" — {len(o.warnings)} 条提示"
        else:
            tail = f" — {len(o.findings)} problem(s)" if en else f" — {len(o.findings)} 处问题"
        print(f"{label}: {o.path}{name}{tail}", file=stream)
        _print_findings(
            o.findings if not o.ok or args.verbose_findings else (), args.lang, file=stream
        )
    refused = sum(1 for o in outcomes if not o.ok)
    return EXIT_REFUSED if refused else EXIT_OK


_CHECK_HINT = (
    "核实后：jlpanel experts 工作区 --confirm 专家 备案编号（是同一人，须回避），"
    "或 --clear 专家 备案编号（不是同一人）",
    "Once checked: jlpanel experts STORE --confirm EXPERT FILING_NO (the same person: kept "
    "off), or --clear EXPERT FILING_NO (not the same person)",
)


def _cmd_experts(args: argparse.Namespace) -> int:
    checks = [
        (kind, value)
        for kind, value in (
            ("confirm", args.confirm),
            ("clear", args.clear),
            ("reopen", args.reopen),
        )
        if value
    ]
    if checks:
        if args.roster is not None or args.replace:
            raise UserError(
                "核实同名时不能同时导入专家名单：请分两次运行",
                "Check a same name or import a roster, not both at once",
            )
        kind, (expert, filing_no) = checks[0]
        if args.note is not None and kind == "reopen":
            raise UserError(
                "--note 只用于 --confirm 或 --clear", "--note goes with --confirm or --clear"
            )
        return _check_same_name(args, kind, expert, filing_no)
    if args.note is not None:
        raise UserError(
            "--note 只用于 --confirm 或 --clear", "--note goes with --confirm or --clear"
        )
    if args.roster is None:
        return _list_experts(args)
    return _import_roster(args)


def _import_roster(args: argparse.Namespace) -> int:
    from jlpanel.domain.conflicts import ConflictSource
    from jlpanel.services.experts import import_roster
    from jlpanel.services.preferences import load_preferences
    from jlpanel.services.workspace import open_workspace

    prefs = load_preferences()
    en = args.lang.startswith("en")
    # Replacing a roster takes its own backup (pre-roster) first.
    with open_workspace(
        args.workspace, cycle=args.cycle, preferences=prefs, backup=not args.replace
    ) as ws:
        outcome = import_roster(
            ws,
            Path(args.roster),
            replace=args.replace,
            backup_dir=prefs.backup_folder(),
            backup_count=prefs.backup_count,
        )
    if not outcome.ok:
        head = f"REFUSED: {outcome.path}" if en else f"未导入：{outcome.path}"
        print(f"{head} — {len(outcome.findings)}", file=sys.stderr)
        _print_findings(outcome.findings, args.lang, file=sys.stderr)
        return EXIT_REFUSED
    counts = outcome.conflict_counts()
    same, roster = counts[ConflictSource.SAME_INSTITUTION], counts[ConflictSource.ROSTER]
    if en:
        print(
            f"Roster imported: {len(outcome.experts)} experts; {len(outcome.conflicts)} "
            f"conflicts ({same} same institution, {roster} from the roster)"
        )
    else:
        print(
            f"已导入专家名单：{len(outcome.experts)} 位专家；回避 {len(outcome.conflicts)} 项"
            f"（同单位 {same}，名单回避单位 {roster}）"
        )
    for conflict in outcome.conflicts:
        print(f"  {conflict.describe(args.lang)}")
    if outcome.possible_conflicts:
        print(
            f"Possibly the same person ({len(outcome.possible_conflicts)}), to check:"
            if en
            else f"疑似同一人（{len(outcome.possible_conflicts)} 项），请核实："
        )
        for possible in outcome.possible_conflicts:
            print(f"  {possible.describe(args.lang)}")
        print(_CHECK_HINT[1] if en else _CHECK_HINT[0])
    if args.verbose_findings:
        _print_findings(outcome.warnings, args.lang, file=sys.stdout)
    if outcome.assignments_cleared:
        print(
            "Earlier assignments were cleared: run jlpanel assign again"
            if en
            else "原有分配已清除，请重新运行 jlpanel assign",
            file=sys.stderr,
        )
    return EXIT_OK


def _open_checks_line(count: int, en: bool) -> str:
    if en:
        return (
            f"{count} same-name match(es) still to check"
            if count
            else "No same-name match is left to check"
        )
    return f"尚有 {count} 项同名待核实" if count else "同名情况均已核实"


def _list_experts(args: argparse.Namespace) -> int:
    from jlpanel.services.experts import list_conflicts, list_experts, list_possible_conflicts
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    with open_workspace(args.workspace, cycle=args.cycle, backup=False) as ws:
        experts = list_experts(ws)
        conflicts = list_conflicts(ws)
        checks = list_possible_conflicts(ws)
    if not experts:
        print(
            "No roster yet: jlpanel experts STORE ROSTER.xlsx"
            if en
            else "本周期还没有专家名单：jlpanel experts 工作区 专家名单.xlsx"
        )
        return EXIT_OK
    print(
        f"{len(experts)} expert(s); {len(conflicts)} conflict(s)"
        if en
        else f"{len(experts)} 位专家；回避 {len(conflicts)} 项"
    )
    for conflict in conflicts:
        print(f"  {conflict.describe(args.lang)}")
    if checks:
        print(f"Same names ({len(checks)}):" if en else f"同名核实（{len(checks)} 项）：")
        for check in checks:
            print(f"  {check.describe(args.lang)}")
        still_open = sum(1 for c in checks if c.open)
        print(_open_checks_line(still_open, en))
        if still_open:
            print(_CHECK_HINT[1] if en else _CHECK_HINT[0])
    return EXIT_OK


def _check_same_name(args: argparse.Namespace, kind: str, expert: str, filing_no: str) -> int:
    from jlpanel.services.experts import (
        clear_possible_conflict,
        confirm_possible_conflict,
        find_expert_and_platform,
        reopen_possible_conflict,
    )
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        expert_id, platform_id = find_expert_and_platform(ws, expert, filing_no)
        if kind == "confirm":
            outcome = confirm_possible_conflict(ws, expert_id, platform_id, note=args.note)
        elif kind == "clear":
            outcome = clear_possible_conflict(ws, expert_id, platform_id, note=args.note)
        else:
            outcome = reopen_possible_conflict(ws, expert_id, platform_id)
    heads = {
        "confirm": ("Confirmed: the same person, kept off the platform", "已确认为同一人，须回避"),
        "clear": ("Cleared: not the same person", "已排除，不是同一人"),
        "reopen": ("Check undone: to check again", "已撤销核实结果，重新列为待核实"),
    }
    head = heads[kind][0 if en else 1]
    if not outcome.changed:
        head += " (as before; nothing changed)" if en else "（与原核实结果相同，未作改动）"
    print(head)
    if outcome.line is not None:
        print(f"  {outcome.line.describe(args.lang)}")
    else:
        print(
            f"  {expert} — {filing_no}: the dossier no longer names the expert"
            if en
            else f"  {expert} — {filing_no}：平台材料中已没有与专家同名的人"
        )
    if outcome.assigned:
        print(
            "The expert is assigned this platform: assign the experts again (jlpanel assign)"
            if en
            else "该专家已分配评审此平台，请重新分配专家（jlpanel assign）",
            file=sys.stderr,
        )
    print(_open_checks_line(outcome.still_open, en))
    return EXIT_OK


def _cmd_assign(args: argparse.Namespace) -> int:
    from jlpanel.services.experts import assign_experts
    from jlpanel.services.workspace import open_workspace

    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        summary = assign_experts(ws, per_platform=args.per_platform)
    print("\n".join(summary.describe(args.lang)))
    return EXIT_OK


def _cmd_packages(args: argparse.Namespace) -> int:
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        issued = issue_packages(ws, Path(args.outdir), replace_existing=args.replace)
    for p in issued:
        count = f"{p.platform_count} platforms" if en else f"{p.platform_count} 个平台"
        print(f"{p.expert_name}: {p.path} ({count})")
        if p.paper_sheet:
            print(f"    {p.paper_sheet}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from jlpanel.services.review import check_package

    en = args.lang.startswith("en")
    refused = 0
    for name in args.packages:
        try:
            checked = check_package(Path(name))
        except UserError as exc:
            refused += 1
            print(exc.message(args.lang), file=sys.stderr)
            continue
        info = checked.info
        if en:
            state = f"submitted revision {info.revision}" if info.revision else "not submitted"
            print(
                f"sound: {name} — {info.expert_name}, {info.cycle_name}, "
                f"{checked.platforms} platforms, {state}"
            )
        else:
            state = f"已提交第 {info.revision} 版" if info.revision else "尚未提交"
            print(
                f"完好：{name} — {info.expert_name}，{info.cycle_name}，"
                f"{checked.platforms} 个平台，{state}"
            )
    return EXIT_REFUSED if refused else EXIT_OK


def _cmd_paper(args: argparse.Namespace) -> int:
    from jlpanel.services.paper import import_paper_sheet
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        outcome = import_paper_sheet(ws, Path(args.sheet), replace=args.replace)
    if not outcome.ok:
        print(f"REFUSED: {args.sheet}" if en else f"未录入：{args.sheet}", file=sys.stderr)
        _print_findings(outcome.findings, args.lang, file=sys.stderr)
        return EXIT_REFUSED
    print(
        f"Paper scores of {outcome.expert_name} entered for {outcome.platforms} platforms"
        if en
        else f"已录入 {outcome.expert_name} 的纸质评分：{outcome.platforms} 个平台"
    )
    _print_findings(outcome.warnings, args.lang, file=sys.stdout)
    return EXIT_OK


def _cmd_merge(args: argparse.Namespace) -> int:
    from jlpanel.services.merge import MergeFileStatus, merge_score_files, merge_status
    from jlpanel.services.preferences import load_preferences
    from jlpanel.services.workspace import open_workspace

    prefs = load_preferences()
    en = args.lang.startswith("en")
    labels = {
        MergeFileStatus.MERGED: ("merged", "已合并"),
        MergeFileStatus.UNCHANGED: ("unchanged (merged before)", "无变化（此前已合并）"),
        MergeFileStatus.REFUSED: ("REFUSED", "未合并"),
    }
    # The merge takes its own backup (pre-merge) before its first write.
    with open_workspace(args.workspace, cycle=args.cycle, preferences=prefs, backup=False) as ws:
        outcomes = merge_score_files(
            ws,
            [Path(p) for p in args.files],
            backup_dir=prefs.backup_folder(),
            backup_count=prefs.backup_count,
        )
        status = merge_status(ws)
    if not outcomes:
        raise UserError(
            "没有找到要合并的评分文件（.jlscore）", "No score files (.jlscore) to merge"
        )
    for o in outcomes:
        label = labels.get(o.status, (o.status.value, o.status.value))[0 if en else 1]
        who = f" {o.expert_name}" if o.expert_name else ""
        rev = f" r{o.revision}" if o.revision is not None else ""
        tail = ""
        if o.status is MergeFileStatus.MERGED:
            tail = f" — {o.platforms} platform(s)" if en else f" — {o.platforms} 个平台"
            if o.replaced_revision:
                tail += (
                    f", replaces r{o.replaced_revision}"
                    if en
                    else f"，替换第 {o.replaced_revision} 版"
                )
        stream = sys.stdout if o.ok else sys.stderr
        print(f"{label}: {o.path}{who}{rev}{tail}", file=stream)
        _print_findings(o.findings, args.lang, file=stream)
    missing = status.still_missing
    if en:
        names = ", ".join(f"{e.name} ({e.missing})" for e in missing)
        print(f"still missing: {names}" if missing else "all assigned scores are in")
    else:
        names = "、".join(f"{e.name}（{e.missing} 个平台）" for e in missing)
        print(f"仍缺评分：{names}" if missing else "所有分配的评分均已到齐")
    return EXIT_OK if all(o.ok for o in outcomes) else EXIT_REFUSED


def _platform_id(ws: Workspace, filing_no: str) -> int:
    from jlpanel.services.dossiers import platforms_by_filing_no

    (platform,) = platforms_by_filing_no(ws, [filing_no])
    return platform.id


def _cmd_adjust(args: argparse.Namespace) -> int:
    from jlpanel.services.consensus import adjust_score
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    if (args.score is None) == (not args.clear):
        raise UserError(
            "请给出调整后的得分，或用 --clear 取消调整",
            "Give the adjusted score, or --clear to remove the adjustment",
        )
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        line = adjust_score(
            ws, _platform_id(ws, args.filing_no), None if args.clear else args.score, args.reason
        )
    if line is None:
        print(f"{args.filing_no}: adjustment removed" if en else f"{args.filing_no}：已取消调整")
    else:
        print(
            f"{line.platform_name} ({line.filing_no}): {line.score:.2f} — {line.reason}"
            if en
            else f"{line.platform_name}（{line.filing_no}）：调整为 {line.score:.2f} 分 — "
            f"{line.reason}"
        )
    return EXIT_OK


def _cmd_history(args: argparse.Namespace) -> int:
    from jlpanel.services.history import import_history
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        outcome = import_history(ws, Path(args.file), replace=args.replace)
    if not outcome.ok:
        print(f"REFUSED: {args.file}" if en else f"未导入：{args.file}", file=sys.stderr)
        _print_findings(outcome.findings, args.lang, file=sys.stderr)
        return EXIT_REFUSED
    cycles = "、".join(outcome.cycles)
    print(
        f"History imported: {outcome.added} added, {outcome.replaced} replaced, "
        f"{outcome.unchanged} held already ({cycles})"
        if en
        else f"已导入历史等级：新增 {outcome.added} 条，替换 {outcome.replaced} 条，"
        f"已有且相同 {outcome.unchanged} 条（{cycles}）"
    )
    _print_findings(outcome.warnings, args.lang, file=sys.stdout)
    return EXIT_OK


def _cmd_checkout(args: argparse.Namespace) -> int:
    from jlpanel.services.checkout import checkout

    done = checkout(args.workspace, args.cycle, Path(args.out))
    if args.lang.startswith("en"):
        print(
            f"Checked out “{done.cycle}” to {done.file} ({done.rows} rows); it is read-only in "
            f"the store until `jlpanel checkin {done.file} {args.workspace}`"
        )
    else:
        print(
            f"已将考核周期“{done.cycle}”检出到 {done.file}（{done.rows} 行）；在"
            f" jlpanel checkin {done.file} {args.workspace} 之前，它在存储中只读"
        )
    return EXIT_OK


def _cmd_checkin(args: argparse.Namespace) -> int:
    from jlpanel.services.checkout import checkin

    done = checkin(Path(args.file), args.workspace)
    en = args.lang.startswith("en")
    if done.added:
        print(
            f"Added the cycle “{done.cycle}” to {args.workspace} ({done.rows} rows)"
            if en
            else f"已将考核周期“{done.cycle}”加入 {args.workspace}（{done.rows} 行）"
        )
    else:
        print(
            f"Checked “{done.cycle}” in to {args.workspace} ({done.rows} rows)"
            if en
            else f"已将考核周期“{done.cycle}”检入 {args.workspace}（{done.rows} 行）"
        )
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from jlpanel.services.reporting import write_reports
    from jlpanel.services.workspace import open_workspace

    with open_workspace(args.workspace, cycle=args.cycle, backup=False) as ws:
        written = write_reports(
            ws,
            Path(args.outdir),
            documents=args.documents or None,
            combined=args.combined,
            language=args.report_language,
        )
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from jlpanel.services.export import export_results
    from jlpanel.services.workspace import open_workspace

    with open_workspace(args.workspace, cycle=args.cycle, backup=False) as ws:
        print(export_results(ws, Path(args.out), language=args.report_language, table=args.table))
    return EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _cmd_demo(args: argparse.Namespace) -> int:
    from jlpanel.services.demo import build_demo

    summary = build_demo(Path(args.dir))
    print(summary.describe(args.lang))
    return EXIT_OK


def _write_stdout_bytes(data: bytes) -> None:
    """``data`` to standard output as they are: no newline translation, no locale encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout that takes only text
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def _cmd_results(args: argparse.Namespace) -> int:
    from jlpanel.services.export import results_listing
    from jlpanel.services.panel import confirmation_status, tie_lines
    from jlpanel.services.results import compute_and_store_results
    from jlpanel.services.workspace import open_workspace

    # Results are derived from what the workspace holds: reading them takes no backup.
    with open_workspace(args.workspace, cycle=args.cycle, backup=False) as ws:
        results = compute_and_store_results(ws)
        listing = results_listing(ws, results, args.lang)
        if not args.csv:
            ties = tie_lines(ws, args.lang, results=results)
            status = confirmation_status(ws, results=results)
    if args.csv:
        # The same bytes as an exported CSV (BOM, CRLF), so `> out.csv` opens in Excel.
        _write_stdout_bytes(listing.csv())
    else:
        rows = listing.text_rows()
        widths = [max(len(str(r[n])) for r in rows) for n in range(len(rows[0]))]
        for row in rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        en = args.lang.startswith("en")
        print()
        for tie in ties:
            if en:
                state = "ordered by the panel" if tie.decided else "awaiting the panel's order"
                where = tie.where[:1].upper() + tie.where[1:]
                print(f"{where}: {', '.join(tie.filing_nos)} ({state})")
            else:
                state = "已排序" if tie.decided else "待专家组排序"
                print(f"{tie.where}：{'、'.join(tie.filing_nos)}（{state}）")
        for line in _confirmation_lines(status, args.lang):
            print(line)
    return EXIT_OK


def _cmd_tiebreak(args: argparse.Namespace) -> int:
    from jlpanel.services.panel import order_tie
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        order = " > ".join(order_tie(ws, args.filing_nos, args.reason))
    print(
        f"Tie ordered by the panel: {order} — {args.reason.strip()}"
        if en
        else f"已记录专家组排序：{order} — {args.reason.strip()}"
    )
    return EXIT_OK


def _cmd_veto(args: argparse.Namespace) -> int:
    from jlpanel.services.panel import rule_on_veto
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    confirm = args.ruling == "confirm"
    with open_workspace(args.workspace, cycle=args.cycle) as ws:
        rule_on_veto(ws, args.filing_no, args.code, confirm=confirm, reason=args.reason)
    reason = args.reason.strip()
    if en:
        verb = "confirmed" if confirm else "dismissed"
        print(f"{args.filing_no}: veto {args.code} {verb} — {reason}")
    else:
        verb = "认定" if confirm else "驳回"
        print(f"{args.filing_no}：已{verb}否决项 {args.code} — {reason}")
    return EXIT_OK


_CHANGE_FIELDS = {
    "score": ("score", "得分"),
    "grade": ("grade", "等级"),
    "rank": ("rank", "名次"),
    "decision": ("decision", "决定"),
    "deadline": ("deadline", "整改期限"),
    "barred": ("barred", "取消资格"),
    "funding_rank": ("funding rank", "后补助排序"),
    "funding_amount": ("funding amount", "后补助金额"),
    "final": ("final", "结果确定"),
    "platform": ("platform", "平台"),
}


def _change_text(change: ResultChange, language: str) -> str:
    from jlpanel.domain.rules import Grade

    en = language.startswith("en")
    names = _CHANGE_FIELDS.get(change.field, (change.field, change.field))

    def value(v: object) -> str:
        if v is None:
            return "—"
        if change.field == "grade" and isinstance(v, str) and v in {g.value for g in Grade}:
            return Grade(v).label.get(language)
        if change.field == "platform" and v == "new":
            return "new" if en else "新增"
        return str(v)

    return (
        f"{change.filing_no} {names[0 if en else 1]}: "
        f"{value(change.confirmed)} → {value(change.now)}"
    )


def _confirmation_lines(status: ConfirmationStatus, language: str) -> list[str]:
    en = language.startswith("en")
    if status.confirmed_on is None:
        return ["Results not confirmed yet" if en else "结果尚未确定"]
    day = status.confirmed_on.isoformat()
    if not status.changes:
        return [f"Results confirmed on {day}" if en else f"结果已于 {day} 确定"]
    head = (
        f"Results confirmed on {day} have changed since:"
        if en
        else f"结果已于 {day} 确定，确定后结果有变化："
    )
    return [head, *(f"  {_change_text(c, language)}" for c in status.changes)]


def _cmd_confirm(args: argparse.Namespace) -> int:
    from jlpanel.services.panel import confirm_results, confirmation_status, reopen_results
    from jlpanel.services.workspace import open_workspace

    en = args.lang.startswith("en")
    if args.reopen:
        if args.reason is None or args.date is not None:
            raise UserError(
                "重新打开结果须用 --reason 写明理由（不带 --date）",
                "Reopening needs --reason with the reason (and no --date)",
            )
        with open_workspace(args.workspace, cycle=args.cycle) as ws:
            reopen_results(ws, args.reason)
            register = _register_summary(ws, args.lang)
        print(
            f"Results reopened — {args.reason.strip()}"
            if en
            else f"已重新打开结果 — {args.reason.strip()}"
        )
        print(register)
        return EXIT_OK
    if args.reason is not None:
        raise UserError("--reason 只用于 --reopen", "--reason goes with --reopen only")
    # Confirming takes its own backup (pre-confirm) first.
    with open_workspace(args.workspace, cycle=args.cycle, backup=False) as ws:
        before = confirmation_status(ws)
        after = confirm_results(ws, on=args.date)
        register = _register_summary(ws, args.lang)
    day = (after.confirmed_on or args.date or dt.date.today()).isoformat()
    if before.confirmed:
        print(
            f"Results already confirmed on {day}, unchanged since"
            if en
            else f"结果已于 {day} 确定，此后没有变化"
        )
    elif before.confirmed_on is not None:
        print(
            f"Results confirmed again on {day}; changes since {before.confirmed_on}:"
            if en
            else f"结果已于 {day} 重新确定；与 {before.confirmed_on} 确定的结果相比："
        )
        for change in before.changes:
            print(f"  {_change_text(change, args.lang)}")
    else:
        print(f"Results confirmed on {day}" if en else f"结果已于 {day} 确定")
    print(register)
    return EXIT_OK


def _register_summary(ws: Any, language: str) -> str:
    """The register's platforms by status, in one line (after a confirmation changed it)."""
    from collections import Counter

    from jlpanel.domain.register import STATUS_LABELS, RegisterStatus
    from jlpanel.services.register import register_lines

    counts = Counter(line.status for line in register_lines(ws))
    en = language.startswith("en")
    parts = [
        f"{STATUS_LABELS[status].get(language)} {counts[status]}" + ("" if en else " 个")
        for status in RegisterStatus
        if counts[status]
    ]
    if en:
        return "Platform register: " + (", ".join(parts) or "empty") + " (jlpanel register)"
    return "平台名录：" + ("，".join(parts) or "空") + "（jlpanel register 查看）"


def _cmd_register(args: argparse.Namespace) -> int:
    from jlpanel.services.register import register_csv, register_lines, register_text_rows
    from jlpanel.services.workspace import open_store

    with open_store(args.workspace) as ws:
        lines = register_lines(ws, today=args.on)
    if args.csv:
        _write_stdout_bytes(register_csv(lines, args.lang))
        return EXIT_OK
    if not lines:
        print("The register is empty" if args.lang.startswith("en") else "平台名录为空")
        return EXIT_OK
    rows = register_text_rows(lines, args.lang)
    widths = [max(len(r[n]) for r in rows) for n in range(len(rows[0]))]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


def _cmd_rectify(args: argparse.Namespace) -> int:
    from jlpanel.domain.register import STATUS_LABELS
    from jlpanel.services.register import attach_report, record_review
    from jlpanel.services.workspace import open_store

    en = args.lang.startswith("en")
    reporting = args.received is not None or args.report is not None
    if reporting == (args.review is not None):
        raise UserError(
            "请给出 --received 日期和 --report 文件，或 --review pass|fail 和 --reason，二者选一",
            "Give either --received DATE with --report FILE, or --review pass|fail with --reason",
        )
    with open_store(args.workspace, backup=True) as ws:
        if reporting:
            if args.received is None or args.report is None or args.reason is not None:
                raise UserError(
                    "整改报告须同时给出 --received 日期和 --report 文件（不带 --reason）",
                    "A report needs both --received DATE and --report FILE (and no --reason)",
                )
            rect = attach_report(ws, args.filing_no, args.received, Path(args.report))
            print(
                f"Rectification report {rect.report_name} received on {args.received} "
                f"(SHA-256 {rect.report_sha256})"
                if en
                else f"已登记 {args.received} 收到的整改报告 {rect.report_name}"
                f"（SHA-256 {rect.report_sha256}）"
            )
            return EXIT_OK
        if args.reason is None:
            raise UserError("复核结论须用 --reason 写明理由", "A review needs --reason")
        after = record_review(
            ws, args.filing_no, passed=args.review == "pass", reason=args.reason, on=args.date
        )
    label = STATUS_LABELS[after].get(args.lang)
    if args.review == "pass":
        print(f"Review passed; status: {label}" if en else f"复核通过；状态：{label}")
    else:
        print(
            f"Review failed; status: {label}, follow-up overdue: the next cycle takes it as a "
            "second fail"
            if en
            else f"复核未通过；状态：{label}，整改逾期：下一周期视同连续两次不合格"
        )
    return EXIT_OK


def _rule_value(name: str, kind: str, text: str) -> Any:
    """One rule setting's value from the command line, as ``RuleSettings.from_dict`` reads it."""
    from decimal import Decimal, InvalidOperation

    from jlpanel.domain.rules import grade_from_label

    word = text.strip()
    if word.lower() in ("none", "null", "") and "None" in kind:
        return None
    try:
        if kind.startswith("bool"):
            if word.lower() not in ("true", "false"):
                raise ValueError(word)
            return word.lower() == "true"
        if kind.startswith("int"):
            return int(word)
        if kind.startswith("Decimal"):
            number = Decimal(word)
            if not number.is_finite():
                raise ValueError(word)
            return number
        if kind.startswith("Grade"):
            return grade_from_label(word).value
        if kind.startswith("tuple[Grade"):
            return [grade_from_label(g).value for g in word.split(",") if g.strip()]
        if kind.startswith("Mapping[Grade"):
            weights: dict[str, Decimal] = {}
            for item in word.split(","):
                grade, _, weight = item.partition(":")
                weights[grade_from_label(grade).value] = Decimal(weight.strip())
            return weights
    except (ValueError, InvalidOperation):
        raise UserError(
            f"考核规则 {name} 的取值 {text!r} 无法识别（应为 {kind}）",
            f"Rule setting {name}: cannot read the value {text!r} (expected {kind})",
        ) from None
    return word


def _rule_text(value: object) -> str:
    """A rule setting as ``--set`` takes it: exact numbers, enums by their values."""
    from decimal import Decimal
    from enum import Enum

    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):  # 92, not 92.0 as the stored JSON float reads back
        return format(value.normalize(), "f")
    if isinstance(value, list | tuple):
        return ",".join(_rule_text(v) for v in value)
    if isinstance(value, Mapping):
        return ",".join(f"{_rule_text(k)}:{_rule_text(v)}" for k, v in value.items())
    return str(value)


def _rule_texts(rules: RuleSettings) -> dict[str, str]:
    from dataclasses import fields

    return {f.name: _rule_text(getattr(rules, f.name)) for f in fields(rules)}


def _cmd_rules(args: argparse.Namespace) -> int:
    from dataclasses import fields

    from jlpanel.domain.rule_words import describe_rules
    from jlpanel.domain.rules import RuleSettings
    from jlpanel.services.workspace import open_workspace, parse_rules, update_rules

    en = args.lang.startswith("en")
    kinds = {f.name: str(f.type) for f in fields(RuleSettings)}
    with open_workspace(args.workspace, cycle=args.cycle, backup=bool(args.set)) as ws:
        current = ws.cycle_info().rules
        before = _rule_texts(current)
        if args.set:
            raw = current.to_dict()
            for item in args.set:
                key, sep, text = item.partition("=")
                key = key.strip()
                if not sep or key not in kinds:
                    known = ", ".join(kinds)
                    raise UserError(
                        f"无法识别的考核规则设置 {item!r}：应为 KEY=VALUE，KEY 可选：{known}",
                        f"Cannot read the rule setting {item!r}: give KEY=VALUE, KEY one of "
                        f"{known}",
                    )
                raw[key] = _rule_value(key, kinds[key], text)
            update_rules(ws, parse_rules(raw))
        rules, rubric = ws.cycle_info().rules, ws.cycle_info().rubric
        after = _rule_texts(rules)
    for key, value in after.items():
        print(f"{key} = {value}")
    # The same words as the rules tab and the reports.
    language = "en" if en else "zh"
    print()
    for statement in describe_rules(rules, rubric):
        print(
            f"{statement.rule.get(language)}: {statement.setting.get(language)} — "
            f"{statement.meaning.get(language)}"
        )
    if args.set:
        changed = [k for k in after if after[k] != before.get(k)]
        if not changed:
            print("The rules are unchanged" if en else "考核规则没有变化")
        for key in changed:
            old, new = before.get(key), after[key]
            print(f"changed: {key} {old} → {new}" if en else f"已修改：{key} {old} → {new}")
    return EXIT_OK


def _cmd_backups(args: argparse.Namespace) -> int:
    from jlpanel.services.backups import list_workspace_backups
    from jlpanel.services.workspace import backup_kind_label, file_store

    en = args.lang.startswith("en")
    listing = list_workspace_backups(file_store(args.workspace))
    if listing.legacy:
        print(
            "Backups an earlier version left, by file name (not verified):"
            if en
            else "旧版本留下的备份（按文件名对应，未校验）："
        )
        for path in listing.legacy:
            print(f"  {path}")
    if not listing.backups:
        print(
            f"No backups of {listing.store} in {listing.folder}"
            if en
            else f"备份文件夹 {listing.folder} 中没有 {listing.store} 的备份"
        )
        return EXIT_OK
    names = {b.cycle_name for b in listing.backups if b.cycle_name}
    cycle = "、".join(sorted(names))
    if en:
        print(f"Backups of {listing.store} (cycle {cycle}) in {listing.folder}, oldest first:")
    else:
        print(f"{listing.store}（考核周期：{cycle}）的备份，在 {listing.folder}，按时间先后：")
    rows = [
        ("time", "kind", "check", "file") if en else ("时间", "类型", "校验", "文件"),
        *(
            (
                b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                backup_kind_label(b.kind)[1 if en else 0],
                ("verified" if en else "已校验")
                if b.verified
                else ("not verified" if en else "未校验"),
                str(b.path),
            )
            for b in listing.backups
        ),
    ]
    widths = [max(_display_width(r[n]) for r in rows) for n in range(3)]
    for row in rows:
        cells = [c + " " * (w - _display_width(c)) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[3]]))
    good = listing.newest_good
    if good is None:
        print(
            "None of them checks out now: no backup to restore"
            if en
            else "其中没有一份现在仍能通过校验，没有可用来恢复的备份"
        )
    else:
        command = f'jlpanel restore "{listing.store}" "{good.path}"'
        print(
            f"Newest good backup: {good.path}\nRestore it with: {command}"
            if en
            else f"最新的可用备份：{good.path}\n恢复：{command}"
        )
    return EXIT_OK


def _display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cmd_backup(args: argparse.Namespace) -> int:
    from jlpanel.services.workspace import open_workspace, snapshot, store_name

    en = args.lang.startswith("en")
    target = store_name(args.out)
    with open_workspace(args.workspace, backup=False) as ws:
        counts = snapshot(ws, args.out)
        source = ws.name
    rows = sum(counts.values())
    print(
        f"Copied {source} to {target}: {rows} rows in {len(counts)} tables, checked"
        if en
        else f"已将 {source} 复制到 {target}：{len(counts)} 个表共 {rows} 行，已核对"
    )
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from jlpanel.services.backups import restore_workspace
    from jlpanel.services.workspace import file_store

    en = args.lang.startswith("en")
    done = restore_workspace(file_store(args.workspace), Path(args.backup))
    print(
        f"Restored {done.store} from {done.backup}"
        if en
        else f"已用备份恢复工作区：{done.store} ← {done.backup}"
    )
    if done.damaged_copy is not None:
        print(
            f"The file it replaced is kept as {done.damaged_copy}"
            if en
            else f"被替换的文件已另存为：{done.damaged_copy}"
        )
    if done.safety_backup is not None:
        print(
            f"The workspace as it was is backed up as {done.safety_backup}"
            if en
            else f"恢复前的工作区已备份为：{done.safety_backup}"
        )
    return EXIT_OK


def _cmd_selftest(args: argparse.Namespace) -> int:
    """A small cycle end to end in a scratch folder, then the GUI's parts; exit 0 when all pass."""
    import shutil
    import tempfile
    import time

    from jlpanel.services.selftest import SelftestFailure, SelftestStep, run_selftest

    def report(step: SelftestStep) -> None:
        print(f"ok  {step.name:<9} {step.seconds:6.2f} s  {step.detail}", flush=True)

    began = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="jlpanel-selftest-"))
    # The self-test's settings, recent files, logs and backups stay in its own folder.
    os.environ["JLPANEL_CONFIG_DIR"] = str(folder / "config")
    os.environ["JLPANEL_DATA_DIR"] = str(folder / "data")
    print(f"jlpanel {__version__} self-test in {folder}", flush=True)
    passed = False
    try:
        steps = run_selftest(folder, report)
        from jlpanel.gui.shell.selftest import run_gui_selftest

        steps += run_gui_selftest(folder / "demo" / "demo.jlpanel", folder, report)
        passed = True
    except SelftestFailure as exc:
        print(f"FAILED  {exc}", file=sys.stderr)
    finally:
        if args.keep or not passed:
            print(f"files kept in {folder}", file=sys.stderr if not passed else sys.stdout)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    if not passed:
        return EXIT_REFUSED
    print(f"self-test passed: {len(steps)} steps in {time.perf_counter() - began:.1f} s")
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from jlpanel.gui.shell.app import run_gui
    from jlpanel.services.workspace import file_store

    target = file_store(args.file) if getattr(args, "file", None) else None
    # --quit-after-start: for measuring start-up (benchmarks/run.py bundle_start).
    return run_gui(target, language=args.lang, quit_after_start=args.quit_after_start)


_STORE_HELP = "the store: a .jlpanel file or a postgresql:// URL"


def _store_argument(p: argparse.ArgumentParser) -> None:
    """STORE and ``--cycle NAME``, for a command on one cycle of a store."""
    p.add_argument("workspace", metavar="STORE", help=_STORE_HELP)
    p.add_argument(
        "--cycle",
        metavar="NAME",
        help="the cycle, where the store holds several. Left out: the one cycle whose results "
        "are not confirmed, or the newest when all are",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``jlpanel``."""
    parser = argparse.ArgumentParser(
        prog="jlpanel",
        description="吉林省科技资源共享服务平台考核评价 — evaluation desk for Jilin Provincial "
        "S&T resource sharing service platforms. Without a command: the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"jlpanel {__version__}")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="language of messages (default: zh)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log to standard error")
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check this installation: a small cycle end to end in a temporary folder "
        "(demo, merge, results, one PDF, one workbook) and the GUI's parts; exit 0 when all pass",
    )
    parser.add_argument(
        "--keep", action="store_true", help="with --selftest: keep the temporary folder"
    )
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="the GUI on a workspace or a review package")
    p.add_argument("file")
    p.set_defaults(func=_cmd_gui)

    p = sub.add_parser("new", help="create a store with a cycle, or add a cycle to a store")
    p.add_argument(
        "workspace",
        metavar="STORE",
        help="a .jlpanel file or a postgresql:// database: created, or given a new cycle",
    )
    p.add_argument(
        "--cycle",
        required=True,
        help="the cycle's name, e.g. 2026年度考核评价; a name the store has is refused",
    )
    p.add_argument("--rubric", help="a rubric file (.toml or .json); default: the built-in rubric")
    p.add_argument("--start", type=_date, help="first day of the evaluation period (YYYY-MM-DD)")
    p.add_argument("--end", type=_date, help="last day of the evaluation period (YYYY-MM-DD)")
    p.add_argument(
        "--language",
        dest="report_language",
        choices=("zh", "en"),
        default="zh",
        help="the language of the cycle's PDF reports and exported workbooks, whatever --lang "
        "says (default: zh); `report` and `export` can override it once with their --language",
    )
    p.set_defaults(func=_cmd_new)

    p = sub.add_parser("demo", help="a complete demo cycle in DIR (workspace, dossiers, roster)")
    p.add_argument("dir")
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("template", help="write the blank dossier workbook")
    p.add_argument("out", help="the .xlsx to write")
    p.set_defaults(func=_cmd_template)

    p = sub.add_parser("import", help="import dossier workbooks (files or folders)")
    _store_argument(p)
    p.add_argument("dossiers", nargs="+", metavar="DOSSIER")
    p.add_argument(
        "--replace", action="store_true", help="replace a platform's dossier imported before"
    )
    p.add_argument(
        "--warnings",
        dest="verbose_findings",
        action="store_true",
        help="also list the warnings of imported dossiers",
    )
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser(
        "experts",
        help="import the expert roster and find conflicts of interest; without a roster, list "
        "them; or confirm or clear an expert who shares a name with someone a dossier names",
    )
    _store_argument(p)
    p.add_argument("roster", nargs="?", help="the roster workbook (专家名单) to import")
    p.add_argument("--replace", action="store_true", help="replace the roster imported before")
    p.add_argument(
        "--warnings",
        dest="verbose_findings",
        action="store_true",
        help="also list the roster's warnings",
    )
    pair = ("EXPERT", "FILING_NO")
    check = p.add_mutually_exclusive_group()
    check.add_argument(
        "--confirm",
        nargs=2,
        metavar=pair,
        help="the expert (name or id) is the person the platform's (备案编号) dossier names: "
        "keep them off it (audited)",
    )
    check.add_argument(
        "--clear",
        nargs=2,
        metavar=pair,
        help="the expert is not that person: no longer to check while the dossier says the same "
        "(audited)",
    )
    check.add_argument(
        "--reopen", nargs=2, metavar=pair, help="undo a confirmation or a clearing (audited)"
    )
    p.add_argument("--note", help="with --confirm or --clear: how it was checked (kept)")
    p.set_defaults(func=_cmd_experts)

    p = sub.add_parser("assign", help="assign experts to platforms, conflicts respected")
    _store_argument(p)
    p.add_argument(
        "--per-platform",
        type=_positive,
        metavar="N",
        help="N experts per platform with balanced load (default: every expert "
        "scores every platform they have no conflict with)",
    )
    p.set_defaults(func=_cmd_assign)

    p = sub.add_parser("packages", help="write each expert's review package and paper sheet")
    _store_argument(p)
    p.add_argument("outdir")
    p.add_argument(
        "--replace",
        action="store_true",
        help="overwrite packages already in OUTDIR (an expert's work in them is lost)",
    )
    p.set_defaults(func=_cmd_packages)

    p = sub.add_parser(
        "check", help="verify review packages as the desk would open them, changing nothing"
    )
    p.add_argument("packages", nargs="+", metavar="PACKAGE", help="*.jlreview files")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("paper", help="enter an expert's filled paper score sheet")
    _store_argument(p)
    p.add_argument("sheet", help="the filled paper score sheet (.xlsx)")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace paper scores entered before for the same platforms",
    )
    p.set_defaults(func=_cmd_paper)

    p = sub.add_parser("merge", help="merge experts' signed score files (files or folders)")
    _store_argument(p)
    p.add_argument("files", nargs="+", metavar="SCOREFILE")
    p.set_defaults(func=_cmd_merge)

    p = sub.add_parser(
        "report",
        help="write the PDF reports the panel signs",
        description="Write the cycle's PDF reports into OUTDIR as one set: it replaces the set "
        "written there before as a whole (a run that fails or is stopped changes nothing), and "
        "documents of that set which this run does not write are removed; other files stay.",
    )
    _store_argument(p)
    p.add_argument("outdir")
    p.add_argument(
        "--documents",
        nargs="+",
        metavar="DOC",
        help="only these (the set is then just these): evaluation summary expert_sheets "
        "signatures publication rectification",
    )
    p.add_argument("--combined", action="store_true", help="also one file with every document")
    p.add_argument(
        "--language",
        dest="report_language",
        choices=("zh", "en"),
        help="the reports' language (default: the cycle's)",
    )
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("export", help="export results and raw scores (.xlsx or .csv)")
    _store_argument(p)
    p.add_argument("out", help="OUT.xlsx (five sheets) or OUT.csv (one table)")
    p.add_argument(
        "--language",
        dest="report_language",
        choices=("zh", "en"),
        help="the export's language (default: the cycle's)",
    )
    p.add_argument(
        "--table",
        choices=("results", "scores", "means", "decisions", "history"),
        default="results",
        help="the table a .csv holds: 结果汇总, 评分明细 (scores, bonus, vetoes), 指标均分, "
        "决定 or 历史 (default: results)",
    )
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("history", help="import earlier cycles' grades (a .jlpanel or a sheet)")
    _store_argument(p)
    p.add_argument(
        "file",
        help="an earlier cycle's workspace, a history workbook (.xlsx), or an earlier "
        "cycle's exported results workbook",
    )
    p.add_argument(
        "--replace", action="store_true", help="replace grades imported before that differ"
    )
    p.set_defaults(func=_cmd_history)

    p = sub.add_parser("adjust", help="set a platform's consensus-round score, with a reason")
    _store_argument(p)
    p.add_argument("filing_no", metavar="FILING_NO", help="the platform's 备案编号")
    p.add_argument("score", type=float, nargs="?", help="the adjusted score (0–100)")
    p.add_argument("--reason", required=True, help="why (kept in the audit log and reports)")
    p.add_argument("--clear", action="store_true", help="remove the adjustment")
    p.set_defaults(func=_cmd_adjust)

    p = sub.add_parser("results", help="compute and print the cycle's results")
    _store_argument(p)
    p.add_argument("--csv", action="store_true", help="comma-separated values")
    p.set_defaults(func=_cmd_results)

    p = sub.add_parser("tiebreak", help="the panel's order for platforms tied where it matters")
    _store_argument(p)
    p.add_argument(
        "filing_nos",
        nargs="+",
        metavar="FILING_NO",
        help="the tied platforms' 备案编号, best first",
    )
    p.add_argument("--reason", required=True, help="why (kept in the audit log and reports)")
    p.set_defaults(func=_cmd_tiebreak)

    p = sub.add_parser("veto", help="confirm or dismiss the experts' veto claim for a platform")
    _store_argument(p)
    p.add_argument("filing_no", metavar="FILING_NO", help="the platform's 备案编号")
    p.add_argument("code", metavar="CODE", help="the veto's code in the rubric, e.g. filing")
    p.add_argument("ruling", choices=("confirm", "dismiss"))
    p.add_argument("--reason", required=True, help="why (kept in the audit log and reports)")
    p.set_defaults(func=_cmd_veto)

    p = sub.add_parser(
        "confirm", help="fix the results (deadlines run from this day), or --reopen them"
    )
    _store_argument(p)
    p.add_argument("--date", type=_date, help="the confirmation day (YYYY-MM-DD; default: today)")
    p.add_argument(
        "--reopen", action="store_true", help="reopen confirmed results so the rules can change"
    )
    p.add_argument("--reason", help="with --reopen: why (kept in the audit log)")
    p.set_defaults(func=_cmd_confirm)

    p = sub.add_parser("register", help="every platform's status across cycles (平台名录)")
    p.add_argument("workspace")
    p.add_argument("--csv", action="store_true", help="comma-separated values")
    p.add_argument("--on", type=_date, help="overdue as of this day (YYYY-MM-DD; default: today)")
    p.set_defaults(func=_cmd_register)

    p = sub.add_parser(
        "rectify", help="a rectification's follow-up: the report received, or the review"
    )
    p.add_argument("workspace")
    p.add_argument("filing_no", metavar="FILING_NO", help="the platform's 备案编号")
    p.add_argument("--received", type=_date, help="the day the 整改报告 came in (YYYY-MM-DD)")
    p.add_argument("--report", metavar="FILE", help="the 整改报告 (stored in the store)")
    p.add_argument("--review", choices=("pass", "fail"), help="the 复核's conclusion")
    p.add_argument("--reason", help="with --review: why (kept in the register and audit log)")
    p.add_argument("--date", type=_date, help="with --review: its day (default: today)")
    p.set_defaults(func=_cmd_rectify)

    p = sub.add_parser("rules", help="show or change the cycle's rules (audited)")
    _store_argument(p)
    p.add_argument(
        "--set",
        nargs="+",
        action="extend",
        metavar="KEY=VALUE",
        help="change settings: numbers, none, true/false, grades comma separated "
        "(excellent,good), tier weights as excellent:1.5,good:1",
    )
    p.set_defaults(func=_cmd_rules)

    p = sub.add_parser(
        "checkout",
        help="check a cycle out of the store into a file, for a meeting without a network",
        description="Write one cycle of STORE into the new file OUT (everything the meeting "
        "needs) and mark it checked out: read-only in the store until it is checked in.",
    )
    _store_argument(p)
    p.add_argument("out", metavar="OUT.jlpanel", help="the new file for the meeting")
    p.set_defaults(func=_cmd_checkout)

    p = sub.add_parser(
        "checkin",
        help="bring a checked-out cycle back into the store (or add a file's cycle to it)",
        description="Replace the store's copy of the cycle with FILE's, in one transaction: "
        "refused, naming what changed, when the store's copy changed since the check-out. A "
        "file whose cycle the store does not hold adds that cycle.",
    )
    p.add_argument("file", metavar="FILE.jlpanel", help="the file the meeting used")
    p.add_argument("workspace", metavar="STORE", help=_STORE_HELP)
    p.set_defaults(func=_cmd_checkin)

    p = sub.add_parser(
        "backups",
        help="list the backups of the workspace's cycle: time, kind, whether each was verified",
    )
    p.add_argument("workspace")
    p.set_defaults(func=_cmd_backups)

    p = sub.add_parser(
        "backup",
        help="copy the whole store, in one snapshot, into a new .jlpanel file (a portable "
        "backup of a server's store that `jlpanel open` reads) or an empty postgresql:// "
        "database (a file's store moved onto a server)",
    )
    p.add_argument("workspace")
    p.add_argument("out", metavar="OUT", help="the new .jlpanel file, or postgresql://…")
    p.set_defaults(func=_cmd_backup)

    p = sub.add_parser(
        "restore",
        help="replace the workspace with one of its backups (the file replaced is kept: a "
        "damaged one as a copy beside it, a sound one as a backup)",
    )
    p.add_argument("workspace")
    p.add_argument("backup", metavar="BACKUP", help="the backup file (see jlpanel backups)")
    p.set_defaults(func=_cmd_restore)
    return parser


class _TerminalSafe:
    """A text stream that passes everything on without control sequences (issue 12).

    Names, units and messages come from workbooks written by others: NUL, ESC or a bidi
    override in them must not reach the terminal. Bytes written to ``buffer`` (a file sent to
    standard output on purpose) pass untouched.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``jlpanel`` with ``argv``; returns the exit status."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = cast("TextIO", _TerminalSafe(stdout))
    sys.stderr = cast("TextIO", _TerminalSafe(stderr))
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _cycle_first(argv: Sequence[str], commands: set[str]) -> list[str]:
    """``argv`` with a command's ``--cycle NAME`` moved to just after the command's name, so
    it may stand anywhere: argparse gives an optional positional (``experts STORE [ROSTER]``)
    only the first run of positionals, and ``STORE --cycle NAME ROSTER`` lost the roster."""
    args = list(argv)
    command = next((i for i, a in enumerate(args) if a in commands), None)
    if command is None:
        return args
    for i in range(command + 1, len(args)):
        if args[i] == "--":
            break
        if args[i] == "--cycle" and i + 1 < len(args):
            moved = args[i : i + 2]
        elif args[i].startswith("--cycle="):
            moved = args[i : i + 1]
        else:
            continue
        del args[i : i + len(moved)]
        args[command + 1 : command + 1] = moved
        break
    return args


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    try:
        args = parser.parse_args(_cycle_first(sys.argv[1:] if argv is None else argv, commands))
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    from jlpanel.services.preferences import load_preferences

    if args.lang is None:
        args.lang = load_preferences().language
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    func: Callable[[argparse.Namespace], int] = getattr(args, "func", _cmd_gui)
    if args.selftest:
        func = _cmd_selftest
    try:
        return func(args)
    except UserError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `jlpanel results … | head`: the reader left; not an error
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:
        from jlpanel.services.errors import store_fault

        fault = store_fault(exc, None)
        if fault is not None:  # a full disk, a read-only file, a path that is a folder …
            print(fault.message(args.lang), file=sys.stderr)
            return EXIT_REFUSED
        return _report_bug(exc, args.lang)


def _report_bug(exc: Exception, language: str) -> int:
    """A bug: its traceback to the log file, a short message on the terminal.

    The terminal never gets the exception's text, which may quote experts' comments or
    scores from SQL parameters; the log file (the user's own) keeps the details.
    """
    import logging.handlers

    from jlpanel.services.preferences import log_dir

    where = log_dir() / "jlpanel-cli.log"
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            where, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        try:
            log.error("internal error", exc_info=exc)
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()
        shown: Path | str = where
    except OSError:  # the log folder cannot be written either
        shown = "（无法写入日志 / the log could not be written）"
    name = type(exc).__name__
    if language.startswith("en"):
        print(
            f"Internal error ({name}): this is a bug in jlpanel, not something you did. "
            f"The details are in {shown}; please send that file to the maintainers.",
            file=sys.stderr,
        )
    else:
        print(
            f"内部错误（{name}）：这是 jlpanel 的缺陷，不是您的操作问题。详情已记入 {shown}，"
            "请把该文件发给维护人员。",
            file=sys.stderr,
        )
    return EXIT_BUG
