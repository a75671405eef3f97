"""The secretary's dashboard (DESIGN §5): every expert's scores beside the statistics,
disagreements, the discussion list, expert leniency, the panel's agreement and the spread
chart's data.

Experts are shown by name: this is the secretary's view, never a report. Only conflict-free
sheets count; a stored sheet that is invalid is listed as excluded, with its problems.
Leniency and agreement are information for the panel, never applied to a score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from jlpanel.domain.aggregation import DisagreementKind, Summary, median
from jlpanel.domain.agreement import PanelAgreement, panel_agreement
from jlpanel.domain.exact import format_points
from jlpanel.domain.results import TIE_LABELS, CycleResults, PlatformResult
from jlpanel.domain.rubric import Rubric
from jlpanel.domain.rules import Grade
from jlpanel.domain.scoresheet import Provenance, area_points
from jlpanel.services.consensus import AdjustmentLine, current_adjustment
from jlpanel.services.errors import UserError
from jlpanel.services.results import compute_workspace_results, load_platform_inputs
from jlpanel.services.workspace import Workspace
from jlpanel.storage import models as m


@dataclass(frozen=True, slots=True)
class ExpertScores:
    """One conflict-free expert's valid sheet for a platform."""

    expert_id: int
    name: str
    total: Decimal
    areas: Mapping[str, Decimal]
    points: Mapping[str, Decimal | None]
    comments: Mapping[str, str]
    overall_comment: str
    #: Veto code → the expert's reason.
    vetoes: Mapping[str, str]
    provenance: Provenance
    revision: int
    #: Own total minus the median of the totals.
    from_median: Decimal
    #: Flagged as too far from the median.
    outlier: bool


@dataclass(frozen=True, slots=True)
class StatRow:
    """The statistics of one indicator, one area or the total."""

    code: str
    name: str
    max_points: Decimal
    summary: Summary | None


@dataclass(frozen=True, slots=True)
class DisagreementLine:
    """One reason a platform is on the discussion list, in words."""

    kind: DisagreementKind
    amount: Decimal
    expert_id: int | None
    expert_name: str | None
    text: str


@dataclass(frozen=True, slots=True)
class VetoLine:
    """A veto one expert raised on a platform."""

    code: str
    name: str
    expert_id: int
    expert_name: str
    reason: str
    #: Fraud or misconduct: bars the platform when it applies.
    bars: bool
    #: Whether the veto applies under the rules (enough experts raised it).
    applied: bool


@dataclass(frozen=True, slots=True)
class ExcludedSheet:
    """A stored sheet left out of the statistics because it is invalid."""

    expert_id: int
    name: str
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlatformPanel:
    """Everything the secretary sees about one platform's scores."""

    platform_id: int
    filing_no: str
    name: str
    host_unit: str
    experts: tuple[ExpertScores, ...]
    indicators: tuple[StatRow, ...]
    areas: tuple[StatRow, ...]
    total: StatRow
    n_valid: int
    computed_score: Decimal | None
    score: Decimal | None
    grade: Grade | None
    rank: int | None
    is_final: bool
    disagreements: tuple[DisagreementLine, ...]
    vetoes: tuple[VetoLine, ...]
    adjustment: AdjustmentLine | None
    #: Experts off this platform for a conflict of interest.
    conflicted: tuple[str, ...]
    excluded: tuple[ExcludedSheet, ...]

    @property
    def on_discussion_list(self) -> bool:
        """Whether the panel should discuss this platform's scores."""
        return bool(self.disagreements)


@dataclass(frozen=True, slots=True)
class VetoClaimLine:
    """One expert's veto claim on a platform (or a ruling no expert claimed), with its status."""

    code: str
    name: str
    expert_id: int | None
    expert_name: str | None
    reason: str
    #: ``pending`` (待认定), ``confirmed`` (已认定) or ``dismissed`` (已驳回).
    status: str
    #: The panel's reason for its ruling, if any.
    ruling_reason: str
    #: Whether the veto counts in the current result.
    applies: bool
    text: str


VETO_STATUS_LABELS: Mapping[str, tuple[str, str]] = {
    "pending": ("待认定", "awaiting a ruling"),
    "confirmed": ("已认定", "confirmed"),
    "dismissed": ("已驳回", "dismissed"),
}


@dataclass(frozen=True, slots=True)
class DiscussionItem:
    """A platform on the discussion list: experts disagree, a veto is claimed, or a tie that
    matters awaits the panel's order."""

    platform_id: int
    filing_no: str
    name: str
    #: Valid scores; the statistics are None without any.
    n: int
    range: Decimal | None
    minimum: Decimal | None
    median: Decimal | None
    maximum: Decimal | None
    score: Decimal | None
    flags: tuple[DisagreementLine, ...]
    claims: tuple[VetoClaimLine, ...] = ()
    #: Where an undecided tie that matters is (并列), in words; None without one.
    tie: str | None = None


@dataclass(frozen=True, slots=True)
class LeniencyLine:
    """How an expert scores compared with the panels they sat on (information only)."""

    expert_id: int
    name: str
    n: int
    mean_deviation: float
    mean_z: float


@dataclass(frozen=True, slots=True)
class SpreadPoint:
    """One platform's spread of expert totals, for the spread chart."""

    platform_id: int
    filing_no: str
    name: str
    n: int
    minimum: Decimal
    median: Decimal
    maximum: Decimal
    score: Decimal | None
    flagged: bool


def _expert_names(ws: Workspace) -> dict[int, str]:
    with ws.reading() as s:
        return dict(s.execute(select(m.Expert.id, m.Expert.name)).all())


def _platform_facts(ws: Workspace) -> dict[int, tuple[str, str, str]]:
    with ws.reading() as s:
        return {
            pid: (filing_no, name, host or "")
            for pid, filing_no, name, host in s.execute(
                select(m.Platform.id, m.Platform.filing_no, m.Platform.name, m.Platform.host_unit)
            )
        }


def _flag_lines(
    r: PlatformResult, names: Mapping[int, str], language: str
) -> tuple[DisagreementLine, ...]:
    en = language.startswith("en")
    lines: list[DisagreementLine] = []
    for d in r.disagreements:
        eid = int(d.expert_id) if d.expert_id is not None else None
        who = names.get(eid, str(eid)) if eid is not None else None
        if d.kind is DisagreementKind.RANGE:
            amount = format_points(d.amount)
            text = f"totals span {amount} points" if en else f"专家总分极差 {amount} 分"
        else:
            amount = format_points(d.amount)
            text = (
                f"{who} is {amount} points from the median"
                if en
                else f"{who} 的总分偏离中位数 {amount} 分"
            )
        lines.append(DisagreementLine(d.kind, d.amount, eid, who, text))
    return tuple(lines)


def platform_panel(
    ws: Workspace,
    platform_id: int,
    language: str = "zh",
    *,
    results: CycleResults | None = None,
) -> PlatformPanel:
    """Every conflict-free expert's scores of a platform beside their statistics."""
    facts = _platform_facts(ws)
    if platform_id not in facts:
        raise UserError(
            f"本考核周期中没有该平台（编号 {platform_id}）",
            f"This cycle has no platform with id {platform_id}",
        )
    if results is None:
        results = compute_workspace_results(ws)
    r = results.by_id(str(platform_id))
    info = ws.cycle_info()
    rubric = info.rubric
    names = _expert_names(ws)
    with ws.reading() as s:
        (inp,) = load_platform_inputs(s, [platform_id])
        conflicted = sorted(
            {
                names.get(e, str(e))
                for e in s.scalars(
                    select(m.Conflict.expert_id).where(m.Conflict.platform_id == platform_id)
                )
            }
        )
    totals = r.expert_totals
    middle = median(list(totals.values())) if totals else Decimal(0)
    outliers = {d.expert_id for d in r.disagreements if d.expert_id is not None}
    experts = tuple(
        ExpertScores(
            expert_id=int(sheet.expert_id),
            name=names.get(int(sheet.expert_id), sheet.expert_id),
            total=totals[sheet.expert_id],
            areas=area_points(sheet, rubric),
            points={i.code: sheet.points.get(i.code) for i in rubric.indicators},
            comments=dict(sheet.comments),
            overall_comment=sheet.overall_comment,
            vetoes=dict(sheet.vetoes),
            provenance=sheet.provenance,
            revision=sheet.revision,
            from_median=totals[sheet.expert_id] - middle,
            outlier=sheet.expert_id in outliers,
        )
        for sheet in sorted(inp.sheets, key=lambda x: int(x.expert_id))
        if sheet.expert_id in totals
    )
    vetoes = tuple(
        VetoLine(
            code=code,
            name=rubric.veto(code).name.get(language) if _known_veto(rubric, code) else code,
            expert_id=e.expert_id,
            expert_name=e.name,
            reason=reason,
            bars=_known_veto(rubric, code) and rubric.veto(code).bars,
            applied=code in r.vetoes,
        )
        for e in experts
        for code, reason in e.vetoes.items()
    )
    filing_no, name, host = facts[platform_id]
    total_name = "Total" if language.startswith("en") else "总分"
    return PlatformPanel(
        platform_id=platform_id,
        filing_no=filing_no,
        name=name,
        host_unit=host,
        experts=experts,
        indicators=tuple(
            StatRow(i.code, i.name.get(language), i.max_points, r.indicators.get(i.code))
            for i in rubric.indicators
        ),
        areas=tuple(
            StatRow(a.code, a.name.get(language), a.max_points, r.areas.get(a.code))
            for a in rubric.areas
        ),
        total=StatRow("total", total_name, rubric.total_points, r.total),
        n_valid=r.n_valid,
        computed_score=r.computed_score,
        score=r.score,
        grade=r.grade,
        rank=r.rank,
        is_final=r.is_final,
        disagreements=_flag_lines(r, names, language),
        vetoes=vetoes,
        adjustment=current_adjustment(ws, platform_id),
        conflicted=tuple(conflicted),
        excluded=tuple(
            ExcludedSheet(
                int(eid),
                names.get(int(eid), eid),
                tuple(p.message.get(language) for p in problems),
            )
            for eid, problems in sorted(r.excluded.items())
        ),
    )


def _known_veto(rubric: Rubric, code: str) -> bool:
    return any(v.code == code for v in rubric.vetoes)


def veto_claim_lines(
    r: PlatformResult, rubric: Rubric, names: Mapping[int, str], language: str = "zh"
) -> tuple[VetoClaimLine, ...]:
    """Each expert's veto claim on ``r`` with the panel's ruling, one line each, in words."""
    en = language.startswith("en")
    lines: list[VetoClaimLine] = []
    for c in r.veto_claims:
        veto_name = (
            rubric.veto(c.code).name.get(language) if _known_veto(rubric, c.code) else c.code
        )
        if c.ruling is None:
            status = "pending"
        else:
            status = "confirmed" if c.ruling.confirmed else "dismissed"
        status_text = VETO_STATUS_LABELS[status][1 if en else 0]
        ruling_reason = c.ruling.reason if c.ruling is not None else ""
        claims: list[tuple[int | None, str]] = [(int(e), reason) for e, reason in c.claims]
        for eid, reason in claims or [(None, "")]:
            who = names.get(eid, str(eid)) if eid is not None else None
            if who is None:
                text = (
                    f"panel: {veto_name} — {status_text}"
                    if en
                    else f"专家组：{veto_name}——{status_text}"
                )
            else:
                text = (
                    f"{who}: {veto_name} ({reason}) — {status_text}"
                    if en
                    else f"{who}：{veto_name}（{reason}）——{status_text}"
                )
            if ruling_reason:
                text += f" ({ruling_reason})" if en else f"（{ruling_reason}）"
            lines.append(
                VetoClaimLine(
                    c.code, veto_name, eid, who, reason, status, ruling_reason, c.applies, text
                )
            )
    return tuple(lines)


def discussion_list(
    ws: Workspace, language: str = "zh", *, results: CycleResults | None = None
) -> list[DiscussionItem]:
    """The platforms the panel should discuss: disagreements (the widest spread of totals
    first), then veto claims and undecided ties that matter, whatever their spread."""
    if results is None:
        results = compute_workspace_results(ws)
    facts = _platform_facts(ws)
    names = _expert_names(ws)
    rubric = ws.cycle_info().rubric
    items: list[DiscussionItem] = []
    for r in results.platforms:
        if not r.on_discussion_list:
            continue
        filing_no, name, _ = facts.get(int(r.platform_id), (r.platform_id, "", ""))
        total = r.total
        tie = r.tie
        items.append(
            DiscussionItem(
                platform_id=int(r.platform_id),
                filing_no=filing_no,
                name=name,
                n=total.n if total is not None else 0,
                range=total.range if total is not None else None,
                minimum=total.minimum if total is not None else None,
                median=total.median if total is not None else None,
                maximum=total.maximum if total is not None else None,
                score=r.score,
                flags=_flag_lines(r, names, language),
                claims=veto_claim_lines(r, rubric, names, language),
                tie=TIE_LABELS[tie.where].get(language)
                if tie is not None and not tie.decided
                else None,
            )
        )
    return sorted(
        items,
        key=lambda d: (not d.flags, -(d.range if d.range is not None else Decimal(0)), d.filing_no),
    )


def leniency_view(ws: Workspace, *, results: CycleResults | None = None) -> list[LeniencyLine]:
    """Each expert's mean deviation from the panel and mean z-score, most lenient first."""
    if results is None:
        results = compute_workspace_results(ws)
    names = _expert_names(ws)
    lines = [
        LeniencyLine(
            expert_id=int(eid),
            name=names.get(int(eid), eid),
            n=lenient.n,
            mean_deviation=lenient.mean_deviation,
            mean_z=lenient.mean_z,
        )
        for eid, lenient in results.leniency.items()
    ]
    return sorted(lines, key=lambda x: (-x.mean_deviation, x.name))


def agreement_view(ws: Workspace, *, results: CycleResults | None = None) -> PanelAgreement:
    """The cycle's ICC(2,k) and Kendall's W over the valid, conflict-free expert totals.

    Every platform with a total takes part, final or not; an adjusted score does not (it is
    the panel's, not an expert's).
    """
    if results is None:
        results = compute_workspace_results(ws)
    return panel_agreement(
        {r.platform_id: r.expert_totals for r in results.platforms if r.expert_totals}
    )


def spread_chart_data(ws: Workspace, *, results: CycleResults | None = None) -> list[SpreadPoint]:
    """Per scored platform in rank order: lowest, median and highest expert total."""
    if results is None:
        results = compute_workspace_results(ws)
    facts = _platform_facts(ws)
    points: list[SpreadPoint] = []
    for r in results.ranked():
        if r.total is None:
            continue
        filing_no, name, _ = facts.get(int(r.platform_id), (r.platform_id, "", ""))
        points.append(
            SpreadPoint(
                platform_id=int(r.platform_id),
                filing_no=filing_no,
                name=name,
                n=r.total.n,
                minimum=r.total.minimum,
                median=r.total.median,
                maximum=r.total.maximum,
                score=r.score,
                flagged=r.on_discussion_list,
            )
        )
    return points
