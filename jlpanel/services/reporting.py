"""The cycle's report documents (DESIGN §6): gather their data, render, write the PDFs.

:func:`gather_report_set` reads a workspace into the plain view models of
:mod:`jlpanel.reports.models`; :func:`write_reports` renders the chosen documents, one PDF
each (and the bound volume on request), and puts them in the folder as one whole set
(:mod:`jlpanel.services.report_folder`). The CLI's ``jlpanel report WORKSPACE OUTDIR`` and
the GUI both call :func:`write_reports`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from jlpanel.domain.aggregation import DisagreementKind, Summary
from jlpanel.domain.agreement import PanelAgreement, format_raters
from jlpanel.domain.exact import format_points
from jlpanel.domain.metrics import metric
from jlpanel.domain.results import (
    DECISION_LABELS,
    TIE_LABELS,
    CycleResults,
    DecisionKind,
    PlatformResult,
)
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rule_words import describe_rules, score_policy_words, setting_number
from jlpanel.domain.rules import GRADE_ORDER, Grade, RuleSettings
from jlpanel.domain.scoresheet import ScoreSheet, bonus_total, expert_total
from jlpanel.domain.text import Text
from jlpanel.reports.labels import join_clauses
from jlpanel.reports.models import (
    AdjustmentNote,
    AgreementRow,
    DecisionNote,
    ExpertComment,
    ExpertPlatformScores,
    ExpertScoreSheet,
    GradeMark,
    IndicatorHead,
    IndicatorLine,
    PanelMember,
    PlatformReport,
    PublicationEntry,
    PublicationList,
    RectificationNotice,
    ReportContext,
    ReportSet,
    ResultsSummary,
    ScoreStats,
    SummaryRow,
    TieNote,
    VetoNote,
    WeakIndicator,
)
from jlpanel.services.consensus import AdjustmentLine, list_adjustments
from jlpanel.services.dashboard import agreement_view
from jlpanel.services.errors import UserError
from jlpanel.services.packages import safe_file_name
from jlpanel.services.panel import confirmation_status
from jlpanel.services.results import (
    compute_workspace_results,
    load_platform_inputs,
    stored_decision_date,
)
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m

if TYPE_CHECKING:
    from jlpanel.reports.layout import PdfMeta

log = logging.getLogger(__name__)


class DocumentKind(StrEnum):
    """The report documents a cycle produces."""

    EVALUATION = "evaluation"  # 评价报告, one per platform
    SUMMARY = "summary"  # 汇总表
    EXPERT_SHEETS = "expert_sheets"  # 专家个人评分表, one per expert
    SIGNATURES = "signatures"  # 专家组签字表
    PUBLICATION = "publication"  # 公示名单
    RECTIFICATION = "rectification"  # 整改通知书, one per failing platform


#: Each document's name, which also starts its file names.
DOCUMENT_NAMES: Mapping[DocumentKind, Text] = {
    DocumentKind.EVALUATION: Text("评价报告", "Evaluation report"),
    DocumentKind.SUMMARY: Text("汇总表", "Results summary"),
    DocumentKind.EXPERT_SHEETS: Text("专家个人评分表", "Expert score sheet"),
    DocumentKind.SIGNATURES: Text("专家组签字表", "Panel signature sheet"),
    DocumentKind.PUBLICATION: Text("公示名单", "Publication list"),
    DocumentKind.RECTIFICATION: Text("整改通知书", "Rectification notice"),
}
COMBINED_NAME = Text("合订本", "All documents")

#: Called before each file with (files done, files in all, the file's name); False cancels.
ReportProgress = Callable[[int, int, str], bool]
#: The longest a document's file name may be before ".pdf" (UTF-8 bytes; folders allow 255).
FILE_STEM_BYTES = 150

#: 基本信息 items printed in an evaluation report, after the platform's name.
FACT_FIELDS = (
    "filing_no",
    "name_en",
    "host_unit",
    "resource_type",
    "supervising_department",
    "director",
    "filing_date",
    "service_start_date",
    "portal_url",
)
PERIOD_LABEL = Text("考核期", "Evaluation period")

#: The objective metrics printed in an evaluation report, when the dossier has them.
REPORT_METRICS = (
    "resource_count",
    "resource_value",
    "service_count",
    "distinct_users",
    "external_user_share",
    "private_enterprise_user_share",
    "free_public_service_count",
    "service_revenue",
    "satisfaction_mean",
    "supported_projects",
    "fulltime_staff",
    "popular_science_activities",
)

#: A failing platform's notice names its indicators below this share of the maximum …
WEAK_SHARE = 0.6
#: … at least this many and at most that many.
WEAK_MIN, WEAK_MAX = 3, 5

COUNT_LABELS: Mapping[str, Text] = {
    "platforms": Text("参评平台", "Platforms"),
    "final": Text("结果可定", "Final results"),
    "funding": Text("后补助候选", "Funding candidates"),
    "rectify": Text("限期整改", "Rectify"),
    "disqualify": Text("取消资格", "Status revoked"),
    "pending": Text("结果待定", "Pending"),
}


# ---------------------------------------------------------------------------- gathering


def _stats(summary: Summary | None) -> ScoreStats | None:
    if summary is None:
        return None
    return ScoreStats(
        n=summary.n,
        mean=summary.mean,
        trimmed_mean=summary.trimmed_mean,
        median=summary.median,
        minimum=summary.minimum,
        maximum=summary.maximum,
        stdev=summary.stdev,
    )


#: Added to the grade of a platform failed by a veto rather than by its score.
VETO_MARK = Text("（一票否决）", " (veto)")

#: Where a veto stands, for the evaluation report.
VETO_STATUS: Mapping[str, Text] = {
    "confirmed": Text("已经专家组认定", "confirmed by the panel"),
    "raised_counts": Text(
        "专家提出，专家组尚未认定（按规则已计入结果）",
        "raised by experts, not yet ruled on by the panel (counts under the rules)",
    ),
    "raised": Text(
        "专家提出，专家组尚未认定（暂不计入结果）",
        "raised by experts, not yet ruled on by the panel (does not count yet)",
    ),
    "dismissed": Text("专家组已驳回", "dismissed by the panel"),
}


def _grade(grade: Grade | None, language: str, *, vetoed: bool = False) -> GradeMark:
    if grade is None:
        return GradeMark(None, "")
    label = grade.label.get(language)
    if vetoed:
        label += VETO_MARK.get(language)
    return GradeMark(grade.value, label)


def _veto_notes(result: PlatformResult, rubric: Rubric, lang: str) -> tuple[VetoNote, ...]:
    """Each veto raised or ruled on: its name, where it stands and every reason given."""
    notes: list[VetoNote] = []
    for claim in result.veto_claims:
        ruling = claim.ruling
        if ruling is None:
            key = "raised_counts" if claim.applies else "raised"
        else:
            key = "confirmed" if ruling.confirmed else "dismissed"
        separator = Text("；", "; ").get(lang)
        status = VETO_STATUS[key].get(lang)
        if claim.claims:
            raised = Text(
                f"{len(claim.claims)} 位专家提出", f"raised by {len(claim.claims)} expert(s)"
            )
            status = join_clauses([status, raised.get(lang)], separator)
        reasons = [r for _, r in claim.claims]
        if ruling is not None and ruling.reason.strip():
            reasons.append(Text("专家组：", "Panel: ").get(lang) + ruling.reason.strip())
        notes.append(
            VetoNote(
                rubric.veto(claim.code).name.get(lang),
                status,
                join_clauses(reasons, separator),
                claim.applies,
            )
        )
    return tuple(notes)


def _format_value(value: Any, language: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.date):
        if language.startswith("en"):
            return value.isoformat()
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def _format_metric(key: str, value: float | None, language: str) -> str:
    if value is None:  # the dossier left the column out, or there is nothing to share
        return "not provided" if language.startswith("en") else "未提供"
    definition = metric(key)
    if definition.is_share:
        return f"{value * 100:.{definition.decimals}f}%"
    unit = definition.unit.get(language)
    text = f"{value:,.{definition.decimals}f}"
    return f"{text} {unit}" if unit else text


def _anonymous_order(platform_id: int, expert_ids: Collection[int]) -> list[int]:
    """Experts in an order that is stable but says nothing about the roster's order."""
    return sorted(
        expert_ids,
        key=lambda e: hashlib.sha256(f"{platform_id}:{e}".encode()).hexdigest(),
    )


def _discussion_words(result: PlatformResult, rules: RuleSettings, language: str) -> list[str]:
    words: list[str] = []
    for flag in result.disagreements:
        if flag.kind is DisagreementKind.RANGE:
            text = Text(
                f"专家总分极差 {format_points(flag.amount)} 分，"
                f"超过 {setting_number(rules.disagreement_range)} 分",
                f"the expert totals span {format_points(flag.amount)} points, more than "
                f"{setting_number(rules.disagreement_range)}",
            )
        else:
            text = Text(
                f"有专家总分偏离中位数 {format_points(flag.amount)} 分，超过 "
                f"{setting_number(rules.disagreement_from_median)} 分",
                f"an expert's total is {format_points(flag.amount)} from the median, more than "
                f"{setting_number(rules.disagreement_from_median)}",
            )
        words.append(text.get(language))
    return words


def _weak_indicators(result: PlatformResult, rubric: Rubric, language: str) -> list[WeakIndicator]:
    scored = [
        WeakIndicator(i.code, i.name.get(language), i.max_points, result.indicators[i.code].mean)
        for i in rubric.indicators
        if i.code in result.indicators
    ]
    scored.sort(key=lambda w: (w.share, w.code))
    weak = [w for w in scored if w.share < WEAK_SHARE]
    return scored[: max(WEAK_MIN, min(len(weak), WEAK_MAX))]


@dataclass(frozen=True, slots=True)
class ReportSources:
    """A cycle's report data as read: the documents of the whole set (``head``, without the
    evaluation reports and expert score sheets) and what those are built from, one at a time.

    At 2,000 platforms the evaluation reports and score sheets are some 50 MB of view models;
    built only as each file is laid out (:meth:`platform_report`, :meth:`expert_sheet`), they
    are never all alive at once (issue 16).
    """

    #: The report set with ``platforms`` and ``expert_sheets`` empty.
    head: ReportSet
    rubric: Rubric
    rules: RuleSettings
    #: The platforms that have an evaluation report, in their order.
    platform_ids: tuple[int, ...]
    platforms: Mapping[int, m.Platform]
    results: Mapping[int, PlatformResult]
    metrics: Mapping[int, Mapping[str, float | None]]
    sheets: Mapping[int, Sequence[ScoreSheet]]
    opinions: Mapping[int, str]
    adjustments: Mapping[int, Sequence[AdjustmentLine]]
    ranked_count: int
    #: (id, name, institution, title) of the experts with a score sheet, by id in their order.
    experts: Mapping[int, tuple[int, str, str | None, str | None]]
    #: Each expert's score sheets, by expert id.
    expert_sheets: Mapping[int, Sequence[ScoreSheet]]

    def platform_report(self, platform_id: int) -> PlatformReport:
        """The evaluation report of one platform of :attr:`platform_ids`."""
        return _platform_report(
            self.platforms[platform_id],
            self.results[platform_id],
            self.rubric,
            self.rules,
            self.head.context.language,
            self.metrics.get(platform_id, {}),
            self.sheets.get(platform_id, []),
            self.opinions.get(platform_id, ""),
            self.adjustments.get(platform_id, []),
            self.ranked_count,
        )

    def expert_sheet(self, expert_id: int) -> ExpertScoreSheet:
        """The score sheet of one expert of :attr:`experts`."""
        return _expert_sheet(
            self.experts[expert_id],
            self.expert_sheets[expert_id],
            self.platforms,
            self.rubric,
            self.head.context.language,
        )

    def whole(self) -> ReportSet:
        """The report set with every document's data built."""
        return dataclasses.replace(
            self.head,
            platforms=tuple(self.platform_report(pid) for pid in self.platform_ids),
            expert_sheets=tuple(self.expert_sheet(e) for e in self.experts),
        )


def gather_report_set(
    ws: Workspace,
    *,
    language: str | None = None,
    decision_date: dt.date | None = None,
    results: CycleResults | None = None,
    today: dt.date | None = None,
) -> ReportSet:
    """Everything the report documents show, read from the workspace as plain data.

    ``language`` defaults to the cycle's; ``decision_date`` (from which rectification
    deadlines count) to the day the results were confirmed; before that the documents say
    the results are not confirmed and carry ``today``'s date (by default the real one).
    """
    return gather_report_sources(
        ws, language=language, decision_date=decision_date, results=results, today=today
    ).whole()


def gather_report_sources(
    ws: Workspace,
    *,
    language: str | None = None,
    decision_date: dt.date | None = None,
    results: CycleResults | None = None,
    today: dt.date | None = None,
) -> ReportSources:
    """What :func:`gather_report_set` reads, before the platforms' and experts' documents are
    built from it (the same arguments)."""
    info = ws.cycle_info()
    lang = "en" if (language or info.language or "zh").startswith("en") else "zh"
    rubric, rules = info.rubric, info.rules
    stored = stored_decision_date(ws)
    day = decision_date or stored
    with ws.reading() as s:
        loaded = load_platform_inputs(s)
        inputs = {p.platform_id: p for p in loaded}
        platforms = {p.id: p for p in s.scalars(select(m.Platform).order_by(m.Platform.id))}
        for platform in platforms.values():
            s.expunge(platform)
        metrics: dict[int, dict[str, float | None]] = defaultdict(dict)
        for pid, key, value in s.execute(
            select(m.PlatformMetric.platform_id, m.PlatformMetric.key, m.PlatformMetric.value)
        ):
            metrics[pid][key] = value
        opinions: dict[int, str] = dict(
            s.execute(select(m.PanelOpinion.platform_id, m.PanelOpinion.text)).all()
        )
        experts = s.execute(
            select(m.Expert.id, m.Expert.name, m.Expert.institution, m.Expert.title).order_by(
                m.Expert.id
            )
        ).all()
    if results is None:  # from the same sheets: a cycle's are some 30 MB at 2,000 platforms
        results = compute_workspace_results(ws, decision_date=day, inputs=loaded)

    # What the panel confirmed, not the day deadlines are counted from ("as if" confirmed on
    # ``decision_date``): a draft never says it is confirmed.
    confirmed = confirmation_status(ws, results=results if day == stored else None)
    adjustments: dict[int, list[AdjustmentLine]] = defaultdict(list)
    for line in list_adjustments(ws):  # oldest first; the latest counts
        adjustments[line.platform_id].append(line)
    context = ReportContext(
        cycle_name=info.name,
        language=lang,
        period_start=info.period_start,
        period_end=info.period_end,
        issued_on=day or today or dt.date.today(),
        confirmed_on=confirmed.confirmed_on,
        changed_since_confirmation=len(confirmed.changes),
        score_decimals=rules.score_decimals,
        score_policy=score_policy_words(rules).get(lang),
    )
    ranked = results.ranked()
    ranked_count = sum(1 for r in ranked if r.rank is not None)
    by_id = {int(r.platform_id): r for r in ranked}

    ties = _tie_notes(results, platforms, lang)
    summary = dataclasses.replace(
        _summary(ranked, platforms, lang, agreement_view(ws, results=results), ties),
        rules=tuple(
            (s.rule.get(lang), s.setting.get(lang), s.meaning.get(lang))
            for s in describe_rules(rules, rubric)
        ),
    )
    by_expert: dict[int, list[ScoreSheet]] = defaultdict(list)
    for inp in inputs.values():
        for sheet in inp.sheets:
            by_expert[int(sheet.expert_id)].append(sheet)
    panel = tuple(
        PanelMember(name, institution or "", title or "") for _, name, institution, title in experts
    )
    publication = PublicationList(
        tuple(
            PublicationEntry(
                r.rank,
                platforms[int(r.platform_id)].filing_no,
                platforms[int(r.platform_id)].name,
                platforms[int(r.platform_id)].host_unit or "",
                _grade(r.grade, lang, vetoed=r.failed_by_veto),
                r.decision.funding_rank,
            )
            for r in ranked
            if r.is_final and r.grade is not None
        ),
        pending=sum(1 for r in ranked if not r.is_final or r.grade is None),
    )
    notices = tuple(
        _notice(
            platforms[int(r.platform_id)],
            r,
            rubric,
            rules,
            lang,
            opinions.get(int(r.platform_id), ""),
        )
        for r in ranked
        if r.decision.kind is DecisionKind.RECTIFY
    )
    return ReportSources(
        head=ReportSet(context, (), summary, (), panel, publication, notices),
        rubric=rubric,
        rules=rules,
        platform_ids=tuple(pid for pid in platforms if pid in by_id),
        platforms=platforms,
        results=by_id,
        metrics=metrics,
        sheets={int(pid): inp.sheets for pid, inp in inputs.items()},
        opinions=opinions,
        adjustments=adjustments,
        ranked_count=ranked_count,
        experts={
            int(row[0]): (int(row[0]), row[1], row[2], row[3])
            for row in experts
            if by_expert.get(int(row[0]))
        },
        expert_sheets=by_expert,
    )


def _platform_report(
    platform: m.Platform,
    result: PlatformResult,
    rubric: Rubric,
    rules: RuleSettings,
    lang: str,
    metrics: Mapping[str, float | None],
    sheets: Sequence[ScoreSheet],
    opinion: str,
    adjustments: Sequence[AdjustmentLine],
    ranked_count: int,
) -> PlatformReport:
    from jlpanel.exchange.dossier_schema import BASIC_INFO

    columns = {c.field: c for c in BASIC_INFO.columns}

    def label(field: str) -> str:
        column = columns[field]
        if lang == "en":
            return next((a for a in column.aliases if a.isascii()), field)
        return column.header

    facts = [(label(f), _format_value(getattr(platform, f), lang)) for f in FACT_FIELDS]
    if platform.period_start or platform.period_end:
        start = _format_value(platform.period_start, lang)
        end = _format_value(platform.period_end, lang)
        facts.append((PERIOD_LABEL.get(lang), f"{start} – {end}"))
    metric_rows = tuple(
        (metric(key).name.get(lang), _format_metric(key, metrics[key], lang))
        for key in REPORT_METRICS
        if key in metrics
    )

    lines: list[IndicatorLine] = []
    for area in rubric.areas:
        lines.append(
            IndicatorLine(
                area.code,
                area.name.get(lang),
                area.max_points,
                _stats(result.areas.get(area.code)),
                is_area=True,
            )
        )
        lines.extend(
            IndicatorLine(
                i.code, i.name.get(lang), i.max_points, _stats(result.indicators.get(i.code))
            )
            for i in area.indicators
        )

    pid = int(platform.id)
    counted = {int(e) for e in result.expert_totals}
    by_expert = {int(sh.expert_id): sh for sh in sheets if int(sh.expert_id) in counted}
    comments: list[ExpertComment] = []
    for n, expert_id in enumerate(_anonymous_order(pid, by_expert), 1):
        sheet = by_expert[expert_id]
        by_indicator = tuple(
            (f"{i.code} {i.name.get(lang)}", sheet.comments[i.code].strip())
            for i in rubric.indicators
            if sheet.comments.get(i.code, "").strip()
        )
        comments.append(
            ExpertComment(
                Text(f"专家{n}", f"Expert {n}").get(lang),
                sheet.overall_comment.strip(),
                by_indicator,
            )
        )

    notes: list[AdjustmentNote] = []
    previous = result.computed_score
    for adj in adjustments:
        notes.append(AdjustmentNote(previous, adj.score, adj.reason, adj.at.date()))
        previous = adj.score

    d = result.decision
    return PlatformReport(
        platform_id=pid,
        filing_no=platform.filing_no,
        name=platform.name,
        host_unit=platform.host_unit or "",
        facts=tuple(facts),
        metrics=metric_rows,
        lines=tuple(lines),
        total=_stats(result.total),
        max_total=rubric.total_points,
        score=result.score,
        grade=_grade(result.grade, lang, vetoed=result.failed_by_veto),
        rank=result.rank,
        ranked_count=ranked_count,
        is_final=result.is_final,
        decision=DecisionNote(
            d.kind.value,
            DECISION_LABELS[d.kind].get(lang),
            d.reason.get(lang),
            d.deadline,
            d.funding_rank,
            d.funding_amount,
        ),
        comments=tuple(comments),
        panel_opinion=opinion,
        adjustments=tuple(notes),
        vetoes=_veto_notes(result, rubric, lang),
        discussion=tuple(_discussion_words(result, rules, lang)),
    )


def _summary(
    ranked: Sequence[PlatformResult],
    platforms: Mapping[int, m.Platform],
    lang: str,
    agreement: PanelAgreement,
    ties: tuple[TieNote, ...] = (),
) -> ResultsSummary:
    rows = tuple(
        SummaryRow(
            rank=r.rank,
            filing_no=platforms[int(r.platform_id)].filing_no,
            name=platforms[int(r.platform_id)].name,
            host_unit=platforms[int(r.platform_id)].host_unit or "",
            score=r.score,
            grade=_grade(r.grade, lang, vetoed=r.failed_by_veto),
            decision=DECISION_LABELS[r.decision.kind].get(lang),
            n=r.n_valid,
            is_final=r.is_final,
            funding_rank=r.decision.funding_rank,
            tied=r.tie is not None and not r.tie.decided,
        )
        for r in ranked
    )
    grade_counts = tuple(
        (_grade(g, lang), sum(1 for r in ranked if r.grade is g)) for g in GRADE_ORDER
    )
    kinds = [r.decision.kind for r in ranked]
    counts = (
        ("platforms", len(ranked)),
        ("final", sum(1 for r in ranked if r.is_final)),
        ("funding", kinds.count(DecisionKind.FUNDING_CANDIDATE)),
        ("rectify", kinds.count(DecisionKind.RECTIFY)),
        ("disqualify", kinds.count(DecisionKind.DISQUALIFY)),
        ("pending", kinds.count(DecisionKind.PENDING)),
    )
    return ResultsSummary(
        rows,
        grade_counts,
        tuple((COUNT_LABELS[key].get(lang), n) for key, n in counts),
        agreement=tuple(
            AgreementRow(
                a.kind.label.get(lang),
                a.value,
                a.platforms,
                format_raters(a.raters),
                a.scope.get(lang),
            )
            for a in agreement.statistics
        ),
        agreement_reading=agreement.reading.get(lang),
        ties=ties,
    )


def _tie_notes(
    results: CycleResults, platforms: Mapping[int, m.Platform], lang: str
) -> tuple[TieNote, ...]:
    """Every tie that matters, in words, its members in rank order (the panel's, if any)."""
    rank = {r.platform_id: (r.rank or 0, n) for n, r in enumerate(results.ranked())}
    return tuple(
        TieNote(
            TIE_LABELS[t.where].get(lang),
            tuple(
                (platforms[int(p)].filing_no, platforms[int(p)].name)
                for p in sorted(t.members, key=lambda p: rank.get(p, (0, 0)))
                if int(p) in platforms
            ),
            t.decided,
        )
        for t in results.ties
    )


def _expert_sheet(
    expert: tuple[int, str, str | None, str | None],
    sheets: Sequence[ScoreSheet],
    platforms: Mapping[int, m.Platform],
    rubric: Rubric,
    lang: str,
) -> ExpertScoreSheet:
    """The score sheet of the expert (id, name, institution, title) who scored ``sheets``."""
    expert_id, name, institution, title = expert
    heads = tuple(IndicatorHead(i.code, i.name.get(lang), i.max_points) for i in rubric.indicators)
    rows = []
    for sheet in sorted(
        sheets, key=lambda sh: (platforms[int(sh.platform_id)].filing_no, sh.platform_id)
    ):
        pid = int(sheet.platform_id)
        bonus = bonus_total(sheet, rubric)
        rows.append(
            ExpertPlatformScores(
                filing_no=platforms[pid].filing_no,
                name=platforms[pid].name,
                points=tuple(sheet.points.get(i.code) for i in rubric.indicators),
                total=expert_total(sheet, rubric),
                overall_comment=sheet.overall_comment.strip(),
                comments=tuple(
                    (i.code, sheet.comments[i.code].strip())
                    for i in rubric.indicators
                    if sheet.comments.get(i.code, "").strip()
                ),
                bonus=bonus,
            )
        )
    return ExpertScoreSheet(expert_id, name, institution or "", title or "", heads, tuple(rows))


def _notice(
    platform: m.Platform,
    result: PlatformResult,
    rubric: Rubric,
    rules: RuleSettings,
    lang: str,
    opinion: str,
) -> RectificationNotice:
    separator = Text("；", "; ").get(lang)
    problems = [
        f"{Text('一票否决', 'Veto').get(lang)}{Text('：', ': ').get(lang)}"
        f"{rubric.veto(code).name.get(lang)}"
        + (
            Text("（{}）", " ({})").get(lang).format(join_clauses(reasons, separator, end=False))
            if any(r.strip() for r in reasons)
            else ""
        )
        for code, reasons in result.vetoes.items()
    ]
    for code in result.floors_missed:
        area = rubric.area(code)
        problems.append(
            Text(
                f"{area.name.zh}得分低于该部分满分的规定比例",
                f"{area.name.en} scored below the floor for that area",
            ).get(lang)
        )
    return RectificationNotice(
        platform_id=int(platform.id),
        filing_no=platform.filing_no,
        name=platform.name,
        host_unit=platform.host_unit or "",
        score=result.score,
        grade=_grade(result.grade, lang, vetoed=result.failed_by_veto),
        deadline=result.decision.deadline,
        weak_indicators=tuple(_weak_indicators(result, rubric, lang)),
        panel_opinion=opinion,
        problems=tuple(problems),
        rectification_months=rules.rectification_months,
    )


# ----------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class Deferred:
    """A document's data not built yet: ``build(key)``, called in this process as the file is
    laid out, so that a large set's data are never all alive at once (issue 16).

    It holds the whole gathered set (:class:`ReportSources`), so it is never sent to a worker
    process: :meth:`PlannedFile.resolved` builds it first.
    """

    build: Callable[[int], Any]
    key: int

    def __call__(self) -> Any:
        return self.build(self.key)

    def __reduce__(self) -> Any:
        raise TypeError("a Deferred document is built before it is sent (PlannedFile.resolved)")


def _built(arg: Any) -> Any:
    return arg() if isinstance(arg, Deferred) else arg


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """A PDF to write: its file name and the documents it holds.

    The documents are given by how to build them — the name of a function of
    :mod:`jlpanel.reports.documents` and its arguments after the context — so a plan can be
    sent to a worker process (a built document holds closures, which cannot). An argument may
    be :class:`Deferred`, built when needed: :meth:`resolved` before it is sent.
    """

    kind: DocumentKind
    file_name: str
    context: ReportContext
    sources: tuple[tuple[str, tuple[Any, ...]], ...]

    @property
    def parts(self) -> tuple[Any, ...]:
        """The documents of the file, built."""
        from jlpanel.reports import documents as docs

        return tuple(
            getattr(docs, name)(self.context, *map(_built, args)) for name, args in self.sources
        )

    def resolved(self) -> PlannedFile:
        """The same plan with its deferred data built: ready to send to a worker process."""
        return dataclasses.replace(
            self, sources=tuple((name, tuple(map(_built, args))) for name, args in self.sources)
        )


def parse_documents(names: Collection[str] | None) -> set[DocumentKind]:
    """Document kinds from their codes or Chinese/English names; None means all."""
    if names is None:
        return set(DocumentKind)
    wanted: set[DocumentKind] = set()
    unknown: list[str] = []
    for name in names:
        key = name.strip().lower()
        found = next(
            (
                k
                for k in DocumentKind
                if key in (k.value, DOCUMENT_NAMES[k].zh, DOCUMENT_NAMES[k].en.lower())
            ),
            None,
        )
        if found is None:
            unknown.append(name)
        else:
            wanted.add(found)
    if unknown:
        known = "、".join(f"{k.value}（{DOCUMENT_NAMES[k].zh}）" for k in DocumentKind)
        raise UserError(
            f"未知的文档类型：{'、'.join(unknown)}；可选：{known}",
            f"Unknown document type: {', '.join(unknown)}; "
            f"choose from {', '.join(k.value for k in DocumentKind)}",
        )
    return wanted


def _unique_names(stems: Sequence[str], keys: Sequence[str]) -> list[str]:
    """File stems made unique: a repeated one gets its key (filing no, expert id) added.

    Repeats are found ignoring case (Windows and macOS folders do), and a long stem is cut to
    make room for the key, which must survive: it is what tells the files apart.
    """
    seen: dict[str, int] = defaultdict(int)
    for stem in stems:
        seen[stem.casefold()] += 1
    out: list[str] = []
    for stem, key in zip(stems, keys, strict=True):
        if seen[stem.casefold()] == 1:
            out.append(stem)
            continue
        suffix = "-" + safe_file_name(key, max_bytes=40)
        room = FILE_STEM_BYTES - len(suffix.encode("utf-8"))
        out.append(safe_file_name(stem, max_bytes=room) + suffix)
    return out


def plan_files(report_set: ReportSet, documents: Collection[DocumentKind]) -> list[PlannedFile]:
    """The PDFs to write for ``documents``, in the order they are written."""
    return _plan(
        report_set,
        documents,
        [(r.name, r.filing_no, r) for r in report_set.platforms],
        [(e.name, str(e.expert_id), e) for e in report_set.expert_sheets],
    )


def plan_sources(sources: ReportSources, documents: Collection[DocumentKind]) -> list[PlannedFile]:
    """The files :func:`plan_files` plans for the whole set, the evaluation reports and
    expert score sheets :class:`Deferred`: built from ``sources`` as they are laid out."""
    platforms = [sources.platforms[pid] for pid in sources.platform_ids]
    return _plan(
        sources.head,
        documents,
        [(p.name, p.filing_no, Deferred(sources.platform_report, p.id)) for p in platforms],
        [
            (name, str(expert_id), Deferred(sources.expert_sheet, expert_id))
            for expert_id, name, _, _ in sources.experts.values()
        ],
    )


def _plan(
    report_set: ReportSet,
    documents: Collection[DocumentKind],
    platforms: Sequence[tuple[str, str, PlatformReport | Deferred]],
    experts: Sequence[tuple[str, str, ExpertScoreSheet | Deferred]],
) -> list[PlannedFile]:
    """The files for ``documents``: ``platforms`` and ``experts`` give each evaluation report
    and score sheet as (name, key, data), the key telling apart files of the same name."""
    ctx = report_set.context
    lang = ctx.language

    def prefix(kind: DocumentKind) -> str:
        return DOCUMENT_NAMES[kind].get(lang)

    def planned_file(kind: DocumentKind, name: str, build: str, *args: Any) -> PlannedFile:
        return PlannedFile(kind, name, ctx, ((build, args),))

    planned: list[PlannedFile] = []
    if DocumentKind.SUMMARY in documents:
        kind = DocumentKind.SUMMARY
        planned.append(
            planned_file(kind, f"{prefix(kind)}.pdf", "results_summary", report_set.summary)
        )
    if DocumentKind.PUBLICATION in documents:
        kind = DocumentKind.PUBLICATION
        planned.append(
            planned_file(kind, f"{prefix(kind)}.pdf", "publication_list", report_set.publication)
        )
    if DocumentKind.SIGNATURES in documents:
        kind = DocumentKind.SIGNATURES
        planned.append(
            planned_file(
                kind,
                f"{prefix(kind)}.pdf",
                "panel_signature_sheet",
                report_set.panel,
                len(report_set.summary.rows),
            )
        )
    if DocumentKind.EVALUATION in documents:
        kind = DocumentKind.EVALUATION
        stems = _unique_names(
            [safe_file_name(f"{prefix(kind)}-{name}") for name, _, _ in platforms],
            [key for _, key, _ in platforms],
        )
        planned.extend(
            planned_file(kind, f"{stem}.pdf", "evaluation_report", data)
            for stem, (_, _, data) in zip(stems, platforms, strict=True)
        )
    if DocumentKind.EXPERT_SHEETS in documents:
        kind = DocumentKind.EXPERT_SHEETS
        stems = _unique_names(
            [safe_file_name(f"{prefix(kind)}-{name}") for name, _, _ in experts],
            [key for _, key, _ in experts],
        )
        planned.extend(
            planned_file(kind, f"{stem}.pdf", "expert_score_sheet", data)
            for stem, (_, _, data) in zip(stems, experts, strict=True)
        )
    if DocumentKind.RECTIFICATION in documents:
        kind = DocumentKind.RECTIFICATION
        stems = _unique_names(
            [safe_file_name(f"{prefix(kind)}-{n.name}") for n in report_set.notices],
            [n.filing_no for n in report_set.notices],
        )
        planned.extend(
            planned_file(kind, f"{stem}.pdf", "rectification_notice", n)
            for stem, n in zip(stems, report_set.notices, strict=True)
        )
    return planned


def render_planned(plan: PlannedFile, meta: PdfMeta) -> bytes:
    """The PDF bytes of one planned file (in a worker process, or here)."""
    from jlpanel.reports.layout import render_pdf

    return render_pdf(plan.context, plan.parts, meta=meta)


def render_combined(planned: Sequence[PlannedFile], title: str, meta: PdfMeta) -> bytes:
    """The PDF bytes of the bound volume (合订本) of ``planned``."""
    from jlpanel.reports.layout import render_pdf

    parts = [part for plan in planned for part in plan.parts]
    return render_pdf(planned[0].context, parts, title=title, meta=meta, bound=True)


def write_reports(
    ws: Workspace,
    outdir: Path,
    *,
    documents: Collection[str] | None = None,
    combined: bool = False,
    language: str | None = None,
    progress: ReportProgress | None = None,
    decision_date: dt.date | None = None,
    created: dt.datetime | None = None,
) -> list[Path]:
    """Write the chosen documents (all by default) as PDFs in ``outdir``; returns the files.

    One file per document — ``汇总表.pdf``, ``评价报告-<平台>.pdf`` … — and with ``combined``
    also ``合订本.pdf`` holding all of them, numbered straight through with bookmarks. The
    files replace the folder's previous set as a whole (see :mod:`.report_folder`): a run
    that fails, is cancelled or is killed leaves the previous set as it was, and documents of
    the previous set that this run does not write are removed; other files stay.

    ``progress`` is called before each file with (files done, files in all, file name); when
    it returns False the run stops and nothing changes (an empty list is returned).
    ``created`` is the creation date every PDF carries (default: now, or the time
    ``SOURCE_DATE_EPOCH`` gives, for reproducible files).
    """
    from jlpanel.reports.layout import PdfMeta, now
    from jlpanel.services.report_folder import ReportFolder
    from jlpanel.services.workers import Workers, result, warm_up, worker_count

    warm_up()  # the workers' fork server starts while the report set is gathered
    kinds = parse_documents(documents)
    moment = created or now()
    sources = gather_report_sources(
        ws, language=language, decision_date=decision_date, today=moment.date()
    )
    # Each evaluation report and score sheet is built here as its file goes to be laid out,
    # and let go once sent: at 2,000 platforms all of them are some 50 MB (issue 16).
    planned = plan_sources(sources, kinds)
    ctx = sources.head.context
    meta = PdfMeta(moment, _run_id(sources, kinds, combined, moment, created is not None))
    combined_name = f"{COMBINED_NAME.get(ctx.language)}.pdf"
    title = f"{ctx.cycle_name} {COMBINED_NAME.get(ctx.language)}"
    total = len(planned) + (1 if combined and planned else 0)
    folder = ReportFolder(outdir)
    folder.prepare()
    # Worker processes lay the documents out; this process alone writes the staged set and
    # installs it, so the set stays all-or-nothing however the workers end.
    with folder.staging(meta.run_id) as staging, Workers(worker_count(total)) as workers:
        # The bound volume is as long as all the rest: started first, it runs beside them.
        bound = None
        ready: Iterable[PlannedFile] = (plan.resolved() for plan in planned)
        if total > len(planned):  # it needs every document at once: built once for both
            ready = planned = [plan.resolved() for plan in planned]
            bound = workers.submit(render_combined, planned, title, meta)
        rendered = workers.map(partial(render_planned, meta=meta), ready)
        try:
            for n, plan in enumerate(planned):
                if progress is not None and not progress(n, total, plan.file_name):
                    log.info("reports cancelled after %d of %d files; nothing changed", n, total)
                    return []
                staging.add(plan.file_name, next(rendered), plan.kind.value)
        finally:
            rendered.close()
        if combined and planned:
            if progress is not None and not progress(len(planned), total, combined_name):
                log.info("reports cancelled before the combined file; nothing changed")
                return []
            data = result(bound) if bound is not None else render_combined(planned, title, meta)
            staging.add(combined_name, data, "combined")
        written = staging.install(
            created=moment.isoformat(timespec="seconds"),
            cycle=ctx.cycle_name,
            language=ctx.language,
        )
    if progress is not None:
        progress(total, total, "")
    log.info("wrote %d report files to %s (run %s)", len(written), outdir, meta.run_id)
    return written


def _run_id(
    sources: ReportSources,
    kinds: Collection[DocumentKind],
    combined: bool,
    moment: dt.datetime,
    pinned: bool,
) -> str:
    """A new run's id: random, unless the time is pinned (``created``, SOURCE_DATE_EPOCH).

    Pinned, the same data give the same id, so the files come out byte for byte the same.
    """
    from jlpanel.reports.layout import source_date
    from jlpanel.services.report_folder import new_run_id

    if not pinned and source_date() is None:
        return new_run_id()
    digest = hashlib.sha256()
    digest.update(moment.isoformat().encode())
    for text in set_text(sources, kinds, combined):
        digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def set_text(
    sources: ReportSources, kinds: Collection[DocumentKind], combined: bool
) -> Iterator[str]:
    """``repr((sorted(kinds), combined, sources.whole()))`` in pieces, each document's data
    built as its piece is made: what a pinned run's id digests, never all in memory at once."""
    head = sources.head
    built = {
        "platforms": (sources.platform_report(pid) for pid in sources.platform_ids),
        "expert_sheets": (sources.expert_sheet(expert_id) for expert_id in sources.experts),
    }
    yield f"({sorted(kinds)!r}, {combined!r}, {type(head).__qualname__}("
    for n, item in enumerate(f for f in dataclasses.fields(head) if f.repr):
        yield f"{', ' if n else ''}{item.name}="
        if item.name in built:
            yield from _tuple_text(built[item.name])
        else:
            yield repr(getattr(head, item.name))
    yield "))"


def _tuple_text(items: Iterable[Any]) -> Iterator[str]:
    """``repr(tuple(items))`` in pieces."""
    yield "("
    count = 0
    for item in items:
        yield f"{', ' if count else ''}{item!r}"
        count += 1
    yield ",)" if count == 1 else ")"
