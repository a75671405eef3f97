"""Exporting a cycle's results for staff (DESIGN §6): an Excel workbook or a CSV table.

``jlpanel export WORKSPACE OUT.xlsx|OUT.csv`` and the GUI call :func:`export_results`. The
workbook has five sheets — 结果汇总 (ranked results), 评分明细 (every indicator score, bonus
item and veto claim, long format), 指标均分 (platform × indicator means), 决定 (decisions) and
历史 (earlier cycles); a CSV holds one of them, 结果汇总 unless another is asked for. Numbers
are rounded half up to the places they show. Files are written atomically.

No CSV written here (``export … .csv``, ``results --csv``) opens as formulas in Excel, WPS or
LibreOffice: text cells are quoted, and one that begins with = + - @, a tab or a carriage
return gets a leading apostrophe — text that looks like a number too ("-5" → '-5); numbers
and dates are written bare, so a negative number stays a number (``exchange.results_workbook``).

结果汇总 names the cycle and its period end (周期截止) on every row, and 结果汇总 and 历史
carry each platform's decision, bar and whether its result was final, so that the workbook — as
written, or saved again by Excel, WPS or LibreOffice — imports as history in a later cycle
(``jlpanel history``).

``jlpanel results`` prints (or writes as CSV) the shorter :func:`results_listing`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import null, select

from jlpanel.domain.results import DECISION_LABELS, CycleResults
from jlpanel.domain.rubric import Rubric
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
from jlpanel.services.register import earlier_history
from jlpanel.services.results import (
    ResultLine,
    compute_workspace_results,
    results_table,
    stored_decision_date,
)
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m

log = logging.getLogger(__name__)

EXPORT_SUFFIXES = (".xlsx", ".csv")

SHEET_NAMES: Mapping[str, Text] = {
    "results": Text("结果汇总", "Results"),
    "scores": Text("评分明细", "Scores"),
    "means": Text("指标均分", "Indicator means"),
    "decisions": Text("决定", "Decisions"),
    "history": Text("历史", "History"),
}

#: The tables a CSV export can hold (one per file), by the keys of SHEET_NAMES.
EXPORT_TABLES = tuple(SHEET_NAMES)

PROVENANCE: Mapping[str, Text] = {
    "package": Text("评审包", "review package"),
    "paper": Text("纸质评分表", "paper sheet"),
}

_T = Text


def _yes(value: bool, lang: str) -> str:
    return (_T("是", "yes") if value else _T("否", "no")).get(lang)


def _col(
    zh: str, en: str, lang: str, kind: ColumnKind = ColumnKind.TEXT, width: float = 12
) -> Column:
    return Column(_T(zh, en).get(lang), kind, width)


def results_sheet(
    lines: Sequence[ResultLine],
    results: CycleResults,
    lang: str,
    *,
    cycle_name: str,
    cycle_end: dt.date | None,
) -> Sheet:
    """The 结果汇总 table: one row per platform in rank order, with its statistics.

    Each row also names the cycle, its period end and the bar, so that the sheet imports as
    history in a later cycle (``exchange.history_sheet``).
    """
    S, N = ColumnKind.SCORE, ColumnKind.INTEGER
    columns = (
        _col("名次", "Rank", lang, N, 7),
        _col("备案编号", "Filing no.", lang, width=16),
        _col("平台名称", "Platform", lang, width=36),
        _col("依托单位", "Host unit", lang, width=28),
        _col("得分", "Score", lang, S, 9),
        _col("等级", "Grade", lang, width=8),
        _col("处理意见", "Decision", lang, width=16),
        _col("整改期限", "Rectify by", lang, ColumnKind.DATE, 12),
        _col("后补助候选排序", "Funding rank", lang, N, 10),
        _col("有效评分", "Valid scores", lang, N, 9),
        _col("算术平均", "Mean", lang, S, 10),
        _col("截尾平均", "Trimmed mean", lang, S, 10),
        _col("中位数", "Median", lang, S, 9),
        _col("极差", "Range", lang, S, 8),
        _col("标准差", "SD", lang, S, 8),
        _col("计算得分", "Computed score", lang, S, 10),
        _col("合议调整", "Adjusted", lang, width=9),
        _col("需合议", "Discuss", lang, width=8),
        _col("结果可定", "Final", lang, width=10),
        _col("取消申报资格", "Barred", lang, width=10),
        _col("考核周期", "Cycle", lang, width=24),
        _col("周期截止", "Cycle end", lang, ColumnKind.DATE, 12),
    )
    rows = []
    for line in lines:
        t = results.by_id(str(line.platform_id)).total
        rows.append(
            (
                line.rank,
                line.filing_no,
                line.name,
                line.host_unit,
                line.score,
                line.grade_label,
                line.decision_label,
                line.deadline,
                line.funding_rank,
                line.n_valid,
                t.mean if t else None,
                t.trimmed_mean if t else None,
                t.median if t else None,
                t.range if t else None,
                t.stdev if t else None,
                line.computed_score,
                _yes(line.adjusted, lang),
                _yes(line.on_discussion_list, lang),
                _yes(line.is_final, lang),
                _yes(line.barred, lang),
                cycle_name,
                cycle_end,
            )
        )
    return Sheet(SHEET_NAMES["results"].get(lang), columns, rows, frozen_columns=3)


#: What a row of 评分明细 records: an indicator's points, a bonus item's or a veto claim.
ENTRY_KINDS: Mapping[str, Text] = {
    "indicator": Text("指标", "indicator"),
    "bonus": Text("加分项", "bonus"),
    "veto": Text("一票否决", "veto"),
}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One row of 评分明细 before it is labelled: whose sheet, which item, what it says."""

    expert_id: int
    expert: str
    platform_id: int
    filing_no: str
    platform: str
    kind: str  # a key of ENTRY_KINDS
    code: str
    points: Decimal | None
    text: str  # the comment, or the veto claim's reason
    provenance: str
    revision: int


#: How many experts' entries 评分明细 reads and sorts at a time: a few tens of thousands of
#: rows at national scale (2,000 platforms × 7 experts), never the whole table.
EXPERTS_PER_CHUNK = 20


def _score_entries(ws: Workspace, order: Callable[[_Entry], Any]) -> Iterator[_Entry]:
    """Every indicator score, bonus item and veto claim, sorted by ``order``, read a few
    experts at a time.

    ``order`` must sort by expert name and id first: the experts are taken in that order, and
    only the entries of one chunk of them are held and sorted at once.
    """
    sheet = (
        m.Expert.id,
        m.Expert.name,
        m.Platform.id,
        m.Platform.filing_no,
        m.Platform.name,
    )
    tail = (m.ScoreSheet.provenance, m.ScoreSheet.revision)

    # The cycle's rows by its platforms and experts, as plain Core statements on the session's
    # connection: the scoped session's criteria (a nested IN per table) make SQLite plan these
    # joins at 40 s each for 2,000 platforms, against 0.1 s with the cycle named once here.
    in_cycle: list[Any] = []
    if ws.cycle_id is not None:
        in_cycle = [m.Platform.cycle_id == ws.cycle_id, m.Expert.cycle_id == ws.cycle_id]

    def of_sheets(model: Any, *columns: Any) -> Any:
        return (
            select(*sheet, *columns, *tail)
            .select_from(model)
            .join(m.ScoreSheet, model.sheet_id == m.ScoreSheet.id)
            .join(m.Expert, m.ScoreSheet.expert_id == m.Expert.id)
            .join(m.Platform, m.ScoreSheet.platform_id == m.Platform.id)
            .where(*in_cycle)
        )

    queries = (
        (
            "indicator",
            of_sheets(
                m.IndicatorScore,
                m.IndicatorScore.indicator_code,
                m.IndicatorScore.points,
                m.IndicatorScore.comment,
            ),
        ),
        ("bonus", of_sheets(m.BonusScore, m.BonusScore.item_code, m.BonusScore.points, null())),
        ("veto", of_sheets(m.VetoClaim, m.VetoClaim.veto_code, null(), m.VetoClaim.reason)),
    )
    with ws.reading() as s:
        experts = sorted(
            (name, eid)
            for name, eid in s.execute(
                select(m.Expert.name, m.Expert.id).where(
                    m.Expert.id.in_(select(m.ScoreSheet.expert_id))
                )
            )
        )
        for at in range(0, len(experts), EXPERTS_PER_CHUNK):
            ids = [eid for _, eid in experts[at : at + EXPERTS_PER_CHUNK]]
            chunk = [
                _Entry(
                    eid, expert, pid, filing_no, platform, kind, code, points, text or "", pr, rev
                )
                for kind, query in queries
                for eid, expert, pid, filing_no, platform, code, points, text, pr, rev in (
                    s.connection().execute(query.where(m.ScoreSheet.expert_id.in_(ids)))
                )
            ]
            chunk.sort(key=order)
            yield from chunk


def _scores_sheet(ws: Workspace, results: CycleResults, rubric: Rubric, lang: str) -> Sheet:
    """评分明细: every indicator score, bonus item and veto claim, one row each (long format).

    The rows are a generator reading the store a few experts at a time (the table has a
    few hundred thousand rows at national scale): the sheet is read once, as it is written.
    """
    counted = {(int(e), int(r.platform_id)) for r in results.platforms for e in r.expert_totals}
    items: dict[tuple[str, str], tuple[int, str]] = {}
    for i in rubric.indicators:
        items["indicator", i.code] = (len(items), i.name.get(lang))
    for b in rubric.bonus_items:
        items["bonus", b.code] = (len(items), b.name.get(lang))
    for v in rubric.vetoes:
        items["veto", v.code] = (len(items), v.name.get(lang))
    kinds = list(ENTRY_KINDS)

    def order(e: _Entry) -> tuple[Any, ...]:
        # Rubric order; an item the rubric does not know goes after the known ones of its kind.
        where = items.get((e.kind, e.code), (len(items), ""))[0]
        return (e.expert, e.expert_id, e.filing_no, kinds.index(e.kind), where, e.code)

    rows = (
        (
            e.expert,
            e.filing_no,
            e.platform,
            ENTRY_KINDS[e.kind].get(lang),
            e.code,
            items.get((e.kind, e.code), (0, ""))[1],
            e.points,
            e.text,
            PROVENANCE[e.provenance].get(lang) if e.provenance in PROVENANCE else e.provenance,
            e.revision,
            _yes((e.expert_id, e.platform_id) in counted, lang),
        )
        for e in _score_entries(ws, order)
    )
    columns = (
        _col("专家", "Expert", lang, width=12),
        _col("备案编号", "Filing no.", lang, width=16),
        _col("平台名称", "Platform", lang, width=36),
        _col("类别", "Kind", lang, width=9),
        _col("编号", "Code", lang, width=11),
        _col("名称", "Name", lang, width=26),
        _col("得分", "Points", lang, ColumnKind.POINTS, 8),
        _col("意见或理由", "Comment or reason", lang, width=40),
        _col("来源", "Provenance", lang, width=12),
        _col("版本", "Revision", lang, ColumnKind.INTEGER, 7),
        _col("计入结果", "Counted", lang, width=9),
    )
    return Sheet(SHEET_NAMES["scores"].get(lang), columns, rows, frozen_columns=1)


def _means_sheet(
    results: CycleResults, rubric: Rubric, lang: str, names: Mapping[int, tuple[str, str]]
) -> Sheet:
    columns = [
        _col("备案编号", "Filing no.", lang, width=16),
        _col("平台名称", "Platform", lang, width=36),
        *(
            Column(f"{i.code} {i.name.get(lang)}（{i.max_points:g}）", ColumnKind.SCORE, 11)
            for i in rubric.indicators
        ),
        *(
            Column(f"{a.code} {a.name.get(lang)}（{a.max_points:g}）", ColumnKind.SCORE, 11)
            for a in rubric.areas
        ),
        _col("专家总分均值", "Mean total", lang, ColumnKind.SCORE, 11),
    ]
    rows = []
    for r in results.ranked():
        filing_no, name = names[int(r.platform_id)]
        rows.append(
            (
                filing_no,
                name,
                *(
                    r.indicators[i.code].mean if i.code in r.indicators else None
                    for i in rubric.indicators
                ),
                *(r.areas[a.code].mean if a.code in r.areas else None for a in rubric.areas),
                r.total.mean if r.total else None,
            )
        )
    return Sheet(SHEET_NAMES["means"].get(lang), tuple(columns), rows, frozen_columns=2)


def _decisions_sheet(lines: Sequence[ResultLine], lang: str) -> Sheet:
    columns = (
        _col("备案编号", "Filing no.", lang, width=16),
        _col("平台名称", "Platform", lang, width=36),
        _col("等级", "Grade", lang, width=8),
        _col("处理意见", "Decision", lang, width=16),
        _col("整改期限", "Rectify by", lang, ColumnKind.DATE, 12),
        _col("后补助候选排序", "Funding rank", lang, ColumnKind.INTEGER, 10),
        _col("后补助金额（万元）", "Funding (10k CNY)", lang, ColumnKind.AMOUNT, 12),
        _col("取消申报和考核资格", "Barred", lang, width=10),
        _col("说明", "Reason", lang, width=50),
        _col("合议调整理由", "Adjustment reason", lang, width=40),
    )
    rows = [
        (
            line.filing_no,
            line.name,
            line.grade_label,
            line.decision_label,
            line.deadline,
            line.funding_rank,
            line.funding_amount,
            _yes(line.barred, lang),
            line.decision_reason,
            line.adjustment_reason,
        )
        for line in lines
    ]
    return Sheet(SHEET_NAMES["decisions"].get(lang), columns, rows, frozen_columns=2)


def _history_sheet(ws: Workspace, lang: str) -> Sheet:
    columns = (
        _col("备案编号", "Filing no.", lang, width=16),
        _col("平台名称", "Platform", lang, width=36),
        _col("考核周期", "Cycle", lang, width=24),
        _col("周期截止", "Cycle end", lang, ColumnKind.DATE, 12),
        _col("等级", "Grade", lang, width=8),
        _col("处理意见", "Decision", lang, width=16),
        _col("取消申报资格", "Barred", lang, width=10),
        _col("结果可定", "Final", lang, width=10),
        _col("来源", "Source", lang, width=30),
    )
    rows = [
        (
            h.filing_no,
            h.platform_name,
            h.cycle_name,
            h.cycle_end,
            h.grade.label.get(lang),
            DECISION_LABELS[h.decision].get(lang) if h.decision is not None else None,
            _yes(h.barred, lang),
            _yes(h.is_final, lang),
            h.source,
        )
        for h in earlier_history(ws, lang)
    ]
    return Sheet(SHEET_NAMES["history"].get(lang), columns, rows, frozen_columns=1)


def _language(ws: Workspace, language: str | None) -> str:
    chosen = language or ws.cycle_info().language or "zh"
    return "en" if chosen.startswith("en") else "zh"


def export_sheets(
    ws: Workspace,
    *,
    language: str | None = None,
    decision_date: dt.date | None = None,
    tables: Sequence[str] = EXPORT_TABLES,
) -> list[Sheet]:
    """The tables of the results workbook (all five unless ``tables`` names some), as data."""
    unknown = [t for t in tables if t not in SHEET_NAMES]
    if unknown:
        raise UserError(
            f"没有这张表：{'、'.join(unknown)}（可选：{'、'.join(EXPORT_TABLES)}）",
            f"No such table: {', '.join(unknown)} (choose from {', '.join(EXPORT_TABLES)})",
        )
    info = ws.cycle_info()
    lang = _language(ws, language)
    results = compute_workspace_results(ws, decision_date=decision_date or stored_decision_date(ws))
    lines = results_table(ws, lang, results=results)
    names = {line.platform_id: (line.filing_no, line.name) for line in lines}
    builders: Mapping[str, Callable[[], Sheet]] = {
        "results": lambda: results_sheet(
            lines, results, lang, cycle_name=info.name, cycle_end=info.period_end
        ),
        "scores": lambda: _scores_sheet(ws, results, info.rubric, lang),
        "means": lambda: _means_sheet(results, info.rubric, lang, names),
        "decisions": lambda: _decisions_sheet(lines, lang),
        "history": lambda: _history_sheet(ws, lang),
    }
    return [builders[t]() for t in tables]


def export_results(
    ws: Workspace,
    path: Path,
    *,
    language: str | None = None,
    decision_date: dt.date | None = None,
    table: str = "results",
) -> Path:
    """Export the results to ``path``: the five-sheet .xlsx workbook, or one table as .csv.

    ``table`` (a key of :data:`SHEET_NAMES`) picks the CSV's table; the workbook has them all.
    """
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise UserError(
            f"导出文件须为 .xlsx 或 .csv：{path.name}",
            f"The export file must end in .xlsx or .csv: {path.name}",
        )
    decimals = ws.cycle_info().rules.score_decimals
    sheets = export_sheets(
        ws,
        language=language,
        decision_date=decision_date,
        tables=[table] if suffix == ".csv" else EXPORT_TABLES,
    )
    write_table(path, sheets, score_decimals=decimals)
    log.info("exported results to %s", path)
    return path


@dataclass(frozen=True, slots=True)
class ResultsListing:
    """The short results table ``jlpanel results`` prints or writes as CSV."""

    sheet: Sheet
    score_decimals: int

    def csv(self) -> bytes:
        """The table as a CSV file's bytes: a BOM, UTF-8, formula-like text guarded."""
        return csv_bytes(self.sheet, score_decimals=self.score_decimals)

    def text_rows(self) -> list[list[str]]:
        """The header and the rows as text, numbers rounded to their places."""
        return text_rows(self.sheet, score_decimals=self.score_decimals)


def results_listing(ws: Workspace, results: CycleResults, language: str) -> ResultsListing:
    """Every platform in rank order: rank, filing number, name, score, n, grade, decision."""
    lang = "en" if language.startswith("en") else "zh"
    lines = results_table(ws, lang, results=results)
    columns = (
        _col("名次", "Rank", lang, ColumnKind.INTEGER),
        _col("备案编号", "Filing no.", lang),
        _col("平台名称", "Platform", lang),
        _col("得分", "Score", lang, ColumnKind.SCORE),
        _col("有效评分", "Valid scores", lang, ColumnKind.INTEGER),
        _col("等级", "Grade", lang),
        _col("结果可定", "Final", lang),
        _col("处理意见", "Decision", lang),
        _col("整改期限", "Rectify by", lang, ColumnKind.DATE),
    )
    rows = [
        (
            line.rank,
            line.filing_no,
            line.name,
            line.score,
            line.n_valid,
            line.grade_label,
            _yes(line.is_final, lang),
            line.decision_label,
            line.deadline,
        )
        for line in lines
    ]
    sheet = Sheet(SHEET_NAMES["results"].get(lang), columns, rows)
    return ResultsListing(sheet, ws.cycle_info().rules.score_decimals)
