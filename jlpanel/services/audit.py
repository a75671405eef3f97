"""Reading the audit log: every change to the workspace, who made it and when, old → new.

The services write the log (``workspace.record``); this module reads it back for people: the
kind of change in words, the platform it concerns, and the detail's old and new values as
"得分：80.5 → 85" rather than JSON. The same lines export to .xlsx or .csv through the results
workbook's writers.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from jlpanel.domain.text import Text
from jlpanel.exchange.results_workbook import Column, ColumnKind, Sheet
from jlpanel.services.errors import UserError
from jlpanel.services.files import write_table
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m
from jlpanel.storage.engines import code_order

log = logging.getLogger(__name__)

#: Each audited action in words. An action missing here is shown by its code.
ACTION_NAMES: Mapping[str, Text] = {
    "create_cycle": Text("创建考核周期", "Cycle created"),
    "update_rules": Text("修改考核规则", "Rules changed"),
    "set_language": Text("修改周期语言", "Cycle language changed"),
    "import_dossier": Text("导入平台材料", "Dossier imported"),
    "replace_dossier": Text("替换平台材料", "Dossier replaced"),
    "import_roster": Text("导入专家名单", "Roster imported"),
    "replace_roster": Text("替换专家名单", "Roster replaced"),
    "refresh_conflicts": Text("更新回避关系", "Conflicts updated"),
    "confirm_same_name": Text("确认同名为同一人", "Same name confirmed"),
    "clear_same_name": Text("排除同名", "Same name cleared"),
    "reopen_same_name": Text("重新核对同名", "Same name reopened"),
    "assign_experts": Text("分配专家", "Experts assigned"),
    "issue_package": Text("发放评审包", "Package issued"),
    "merge_score_file": Text("合并评分文件", "Score file merged"),
    "declare_conflict": Text("声明回避", "Conflict declared"),
    "withdraw_conflict": Text("撤回回避", "Conflict withdrawn"),
    "enter_paper_scores": Text("录入纸质评分", "Paper scores entered"),
    "adjust_score": Text("调整得分", "Score adjusted"),
    "clear_adjustment": Text("撤销得分调整", "Adjustment cleared"),
    "save_panel_opinion": Text("专家组意见", "Panel opinion"),
    "rule_on_veto": Text("否决项认定", "Veto ruled on"),
    "order_tie": Text("并列排序", "Tie ordered"),
    "compute_results": Text("计算结果", "Results computed"),
    "confirm_results": Text("确认结果", "Results confirmed"),
    "reopen_results": Text("重新打开结果", "Results reopened"),
    "import_history": Text("导入历史结果", "History imported"),
    "register_status": Text("名录状态变更", "Register status changed"),
    "register_revert": Text("撤回名录记录", "Register entries reverted"),
    "rectify_report": Text("收到整改报告", "Rectification report received"),
    "rectify_review": Text("整改复核", "Rectification reviewed"),
}

#: The detail's keys in words. A key missing here is shown as it is written.
FIELD_NAMES: Mapping[str, Text] = {
    "score": Text("得分", "score"),
    "computed_score": Text("计算得分", "computed score"),
    "adjusted": Text("已调整", "adjusted"),
    "reason": Text("理由", "reason"),
    "expert": Text("专家", "expert"),
    "expert_id": Text("专家编号", "expert id"),
    "platform": Text("平台", "platform"),
    "platforms": Text("平台数", "platforms"),
    "source": Text("来源", "source"),
    "source_file": Text("文件", "file"),
    "entered_by": Text("录入人", "entered by"),
    "points": Text("各指标得分", "points"),
    "revision": Text("版本", "revision"),
    "ruling": Text("认定", "ruling"),
    "veto": Text("否决项", "veto"),
    "confirmed_on": Text("确认日期", "confirmed on"),
    "order": Text("先后", "order"),
    "grades": Text("等级", "grades"),
    "decision": Text("决定", "decision"),
    "replaced": Text("替换", "replaced"),
    "totals": Text("总分", "totals"),
    "changes": Text("变动", "changes"),
    "warnings": Text("警告", "warnings"),
    "attachments": Text("附件", "attachments"),
    "name": Text("名称", "name"),
    "package_id": Text("评审包", "package"),
    "filing_no": Text("备案编号", "filing no."),
    "file_name": Text("文件", "file"),
    "assignments": Text("分配数", "assignments"),
    "assignments_cleared": Text("清除的分配", "assignments cleared"),
    "by_expert": Text("各专家的平台", "platforms per expert"),
    "min_per_platform": Text("每个平台至少", "at least per platform"),
    "experts": Text("专家", "experts"),
    "added": Text("新增", "added"),
    "removed": Text("删除", "removed"),
    "updated": Text("更新", "updated"),
    "language": Text("语言", "language"),
    "period": Text("考核期", "period"),
    "rubric": Text("评分细则", "rubric"),
    "services": Text("服务记录", "service records"),
    "staff": Text("人员", "staff"),
    "funding": Text("经费", "funding"),
    "outcomes": Text("成果", "outcomes"),
    "regulations": Text("制度", "regulations"),
    "resources": Text("资源", "resources"),
    "major_events": Text("大事记", "major events"),
    "submitted_at": Text("提交时间", "submitted at"),
    "status": Text("状态", "status"),
    "cycle": Text("考核周期", "cycle"),
    "received_on": Text("收到日期", "received on"),
    "review": Text("复核", "review"),
    "reviewed_on": Text("复核日期", "reviewed on"),
    "events": Text("记录数", "entries"),
}

#: Keys too technical for the change column (digests); the export's old/new columns keep them.
TECHNICAL_KEYS = frozenset({"sha256", "content_sha256", "package_id", "expert_id"})

_DECIMAL = re.compile(r"-?\d+\.\d*0")

_NONE = "—"


@dataclass(frozen=True, slots=True)
class AuditChange:
    """One value of an audit entry: its name, and what it was and became (as text)."""

    key: str
    old: str | None
    new: str | None
    #: Both sides name this value, so it reads "old → new"; otherwise it is said as it is.
    compared: bool = True

    def label(self, language: str) -> str:
        name = FIELD_NAMES.get(self.key)
        return name.get(language) if name else self.key


@dataclass(frozen=True, slots=True)
class AuditLine:
    """One entry of the audit log, readable."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    platform_id: int | None
    platform: str | None
    changes: tuple[AuditChange, ...]

    def kind(self, language: str) -> str:
        """The kind of change in words."""
        name = ACTION_NAMES.get(self.action)
        return name.get(language) if name else self.action

    def local_time(self) -> str:
        return self.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")

    def change_text(self, language: str) -> str:
        """Old → new, one value after another: "得分：80.5 → 85；理由：…"."""
        separator = "；" if language == "zh" else "; "
        colon = "：" if language == "zh" else ": "
        parts = []
        for c in self.changes:
            if c.key in TECHNICAL_KEYS:
                continue
            label = f"{c.label(language)}{colon}" if c.key else ""
            if c.compared:
                parts.append(f"{label}{c.old or _NONE} → {c.new or _NONE}")
            else:
                parts.append(f"{label}{c.old or c.new or _NONE}")
        return separator.join(parts)

    def side_text(self, language: str, *, old: bool) -> str:
        """One side (old or new) of every value, for a spreadsheet column."""
        separator = "；" if language == "zh" else "; "
        colon = "：" if language == "zh" else ": "
        parts = []
        for c in self.changes:
            value = c.old if old else c.new
            if value is not None:
                parts.append(f"{c.label(language)}{colon}{value}" if c.key else value)
        return separator.join(parts)


def _value_text(value: Any, language: str) -> str | None:
    """A detail value as a reader would write it: no JSON brackets or quotes."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, bool):
        if language == "zh":
            return "是" if value else "否"
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        colon = "：" if language == "zh" else ": "
        inner = [
            f"{FIELD_NAMES[k].get(language) if k in FIELD_NAMES else k}{colon}{text}"
            for k, v in value.items()
            if (text := _value_text(v, language)) is not None
        ]
        return ("，" if language == "zh" else ", ").join(inner) or None
    if isinstance(value, list | tuple):
        inner = [text for v in value if (text := _value_text(v, language)) is not None]
        return ("、" if language == "zh" else ", ").join(inner) or None
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return value.rstrip("0").rstrip(".")  # stored exact as "92.5000": shown 92.5
    return str(value)


def _changes(old: Any, new: Any, language: str) -> tuple[AuditChange, ...]:
    if isinstance(old, Mapping) or isinstance(new, Mapping):
        before = old if isinstance(old, Mapping) else {}
        after = new if isinstance(new, Mapping) else {}
        keys = list(dict.fromkeys([*before, *after]))
        compared, said = [], []
        for key in keys:
            o, n = _value_text(before.get(key), language), _value_text(after.get(key), language)
            if key in before and key in after:
                if o != n:
                    compared.append(AuditChange(key, o, n))
            elif o is not None or n is not None:
                said.append(AuditChange(key, o, n, compared=False))
        if not isinstance(old, Mapping) and old is not None:
            said.insert(0, AuditChange("", _value_text(old, language), None, compared=False))
        if not isinstance(new, Mapping) and new is not None:
            said.append(AuditChange("", None, _value_text(new, language), compared=False))
        # What changed first, then what the entry says besides (who, why, which file).
        return (*compared, *said)
    return (AuditChange("", _value_text(old, language), _value_text(new, language)),)


def _platform_of(
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any],
    by_key: Mapping[str, int],
) -> int | None:
    if entity == "platform" and entity_id and entity_id.isdigit():
        return int(entity_id)
    if entity == "register" and entity_id and entity_id in by_key:  # named by 备案编号
        return by_key[entity_id]
    for side in ("new", "old"):
        value = detail.get(side)
        if isinstance(value, Mapping) and isinstance(value.get("platform"), str):
            return by_key.get(value["platform"])
    return None


def _local_day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min).astimezone()


def audit_platforms(ws: Workspace) -> list[tuple[int, str, str]]:
    """Every platform as (id, filing number, name), to narrow the log to one."""
    with ws.reading() as s:
        rows = s.execute(
            select(m.Platform.id, m.Platform.filing_no, m.Platform.name).order_by(
                code_order(m.Platform.filing_no)  # the same order on a server as in a file
            )
        ).all()
    return [(pid, filing_no, name) for pid, filing_no, name in rows]


def audit_kinds(ws: Workspace) -> list[str]:
    """The actions the log holds, in the order of :data:`ACTION_NAMES` then by code."""
    with ws.reading() as s:
        held = set(s.scalars(select(m.AuditEntry.action).distinct()))
    order = list(ACTION_NAMES)
    return sorted(held, key=lambda a: (order.index(a) if a in order else len(order), a))


def audit_log(
    ws: Workspace,
    *,
    actions: Collection[str] | None = None,
    platform_id: int | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    language: str = "zh",
) -> list[AuditLine]:
    """The audit entries, newest first, narrowed by kind, platform and local dates (inclusive)."""
    lang = "en" if language.startswith("en") else "zh"
    query = select(m.AuditEntry).order_by(m.AuditEntry.at.desc(), m.AuditEntry.id.desc())
    if actions is not None:
        query = query.where(m.AuditEntry.action.in_(list(actions)))
    if since is not None:
        query = query.where(m.AuditEntry.at >= _local_day_start(since))
    if until is not None:
        query = query.where(m.AuditEntry.at < _local_day_start(until + dt.timedelta(days=1)))
    with ws.reading() as s:
        platforms = s.execute(select(m.Platform.id, m.Platform.filing_no, m.Platform.name)).all()
        entries = s.scalars(query).all()
        names = {pid: name for pid, _, name in platforms}
        by_key = {
            **{name: pid for pid, _, name in platforms},
            **{filing_no: pid for pid, filing_no, _ in platforms},
        }
        lines = []
        for entry in entries:
            try:
                detail = json.loads(entry.detail_json or "{}")
            except ValueError:
                detail = {"new": entry.detail_json}
            if not isinstance(detail, dict):
                detail = {"new": detail}
            pid = _platform_of(entry.entity, entry.entity_id, detail, by_key)
            if platform_id is not None and pid != platform_id:
                continue
            lines.append(
                AuditLine(
                    id=entry.id,
                    at=entry.at,
                    actor=entry.actor,
                    action=entry.action,
                    entity=entry.entity,
                    entity_id=entry.entity_id,
                    platform_id=pid,
                    platform=names.get(pid) if pid is not None else None,
                    changes=_changes(detail.get("old"), detail.get("new"), lang),
                )
            )
    return lines


def audit_sheet(lines: Sequence[AuditLine], language: str = "zh") -> Sheet:
    """The lines as a table for the results workbook's writers."""
    lang = "en" if language.startswith("en") else "zh"

    def col(zh: str, en: str, width: float) -> Column:
        return Column(zh if lang == "zh" else en, ColumnKind.TEXT, width)

    return Sheet(
        "审计日志" if lang == "zh" else "Audit log",
        (
            col("时间", "Time", 20),
            col("操作人", "By", 12),
            col("操作", "Kind", 16),
            col("平台", "Platform", 30),
            col("变更", "Change", 60),
            col("原值", "Old", 40),
            col("新值", "New", 40),
        ),
        [
            (
                line.local_time(),
                line.actor,
                line.kind(lang),
                line.platform,
                line.change_text(lang),
                line.side_text(lang, old=True) or None,
                line.side_text(lang, old=False) or None,
            )
            for line in lines
        ],
        frozen_columns=1,
    )


def export_audit_log(path: Path, lines: Sequence[AuditLine], *, language: str = "zh") -> Path:
    """Write ``lines`` to ``path`` as an .xlsx workbook or a .csv table, atomically."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(
            f"导出文件须为 .xlsx 或 .csv：{path.name}",
            f"The export file must end in .xlsx or .csv: {path.name}",
        )
    sheet = audit_sheet(lines, language)
    write_table(path, sheet)
    log.info("exported %d audit entries to %s", len(lines), path)
    return path
