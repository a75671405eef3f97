"""The consensus round (DESIGN §5): adjusted scores with their reasons, and panel opinions.

An adjusted score replaces the platform's computed score for grading. It needs a written
reason and is audited (old → new). Each adjustment is an ``Adjustment`` row and the latest one
counts; earlier ones stay as history. Clearing an adjustment removes the platform's rows (the
table has no way to store "no score") — the audit log keeps every step, clears included.

The panel opinion (专家组意见) starts from a template filled from the results — area scores
with their level words, the weakest indicators, the dossier's warnings, the score and the
grade — which the secretary edits and saves.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jlpanel.domain.exact import format_points, round_half_up, to_decimal
from jlpanel.domain.results import PlatformResult, compute_results
from jlpanel.domain.rubric import Level, Rubric
from jlpanel.domain.rules import Grade, RuleSettings
from jlpanel.domain.text import Text
from jlpanel.services.errors import UserError
from jlpanel.services.rubrics import rubric_from_snapshot
from jlpanel.services.workspace import Workspace, current_actor, record
from jlpanel.storage import models as m

log = logging.getLogger(__name__)

#: How many of the weakest indicators the template names as 主要问题.
WEAK_INDICATORS = 3
#: An indicator is named as weak only below this share of its maximum.
WEAK_SHARE = Fraction(7, 10)

#: The words for an area at each level: 资源整合能力“突出/较好/一般/较弱”.
AREA_WORDS: dict[Level, Text] = {
    Level.EXCELLENT: Text("突出", "strong"),
    Level.GOOD: Text("较好", "good"),
    Level.FAIR: Text("一般", "fair"),
    Level.POOR: Text("较弱", "weak"),
}


@dataclass(frozen=True, slots=True)
class AdjustmentLine:
    """An adjusted score of a platform, with its reason; ``current`` for the one that counts."""

    id: int
    platform_id: int
    filing_no: str
    platform_name: str
    score: Decimal
    reason: str
    author: str
    at: dt.datetime
    current: bool


def _platform(s: Session, platform_id: int) -> m.Platform:
    platform = s.get(m.Platform, platform_id)
    if platform is None:
        raise UserError(
            f"本考核周期中没有该平台（编号 {platform_id}）",
            f"This cycle has no platform with id {platform_id}",
        )
    return platform


def _platform_result(ws: Workspace, platform_id: int) -> tuple[PlatformResult, Rubric]:
    """One platform's result under the cycle's rules.

    Its score, statistics, vetoes and grade by the thresholds depend on its own scores only;
    rank, the 优秀 quota and the funding order need the whole cycle and are not meaningful here.
    """
    from jlpanel.services.results import load_platform_inputs

    with ws.reading() as s:
        _platform(s, platform_id)
        cycle = s.scalars(select(m.Cycle)).one()
        rubric = rubric_from_snapshot(cycle.rubric_json)
        rules = RuleSettings.from_dict(json.loads(cycle.rules_json))
        inputs = load_platform_inputs(s, [platform_id])
    result = compute_results(rubric, rules, inputs)
    return result.platforms[0], rubric


def adjust_score(
    ws: Workspace,
    platform_id: int,
    score: Decimal | float | str | None,
    reason: str,
    *,
    author: str | None = None,
) -> AdjustmentLine | None:
    """Set the consensus-round score of a platform (None clears it), with the required reason.

    The score must be within 0–100; it is rounded as platform scores are. Audited with the
    score that counted before and the one that counts now. Returns the new adjustment (None
    after clearing).
    """
    text = reason.strip()
    if not text:
        raise UserError(
            "调整得分须写明理由（如专家组讨论的结论）",
            "An adjusted score needs a written reason (e.g. the panel's conclusion)",
        )
    info = ws.cycle_info()
    rules = info.rules
    exact: Decimal | None = None
    if score is not None:
        try:
            exact = to_decimal(score)
        except ValueError:
            exact = None
        if exact is None or not 0 <= exact <= info.rubric.total_points:
            total = f"{info.rubric.total_points:g}"
            raise UserError(
                f"调整后的得分 {score!r} 不在 0–{total} 分之间",
                f"The adjusted score {score!r} is not between 0 and {total}",
            )
        exact = round_half_up(exact, rules.score_decimals)
    before, _ = _platform_result(ws, platform_id)
    who = author or current_actor()
    with ws.session() as s:
        platform = _platform(s, platform_id)
        if exact is None:
            if not before.adjusted:
                raise UserError(
                    f"“{platform.name}”没有调整过得分，无需清除",
                    f"The score of {platform.name} was never adjusted; nothing to clear",
                )
            s.execute(delete(m.Adjustment).where(m.Adjustment.platform_id == platform_id))
            row = None
        else:
            row = m.Adjustment(
                platform_id=platform_id, adjusted_score=exact, reason=text, author=who
            )
            s.add(row)
            s.flush()
        record(
            s,
            "adjust_score" if exact is not None else "clear_adjustment",
            "platform",
            platform_id,
            old={
                "score": before.score,
                "computed_score": before.computed_score,
                "adjusted": before.adjusted,
            },
            new={"score": exact if exact is not None else before.computed_score, "reason": text},
        )
        line = (
            None
            if row is None
            else AdjustmentLine(
                row.id,
                platform_id,
                platform.filing_no,
                platform.name,
                row.adjusted_score,
                row.reason,
                row.author,
                row.at,
                True,
            )
        )
    log.info("score of platform %s adjusted %s → %s by %s", platform_id, before.score, exact, who)
    return line


def list_adjustments(ws: Workspace, platform_id: int | None = None) -> list[AdjustmentLine]:
    """Every adjustment held (of one platform with ``platform_id``), oldest first."""
    with ws.reading() as s:
        query = (
            select(m.Adjustment, m.Platform.filing_no, m.Platform.name)
            .join(m.Platform, m.Platform.id == m.Adjustment.platform_id)
            .order_by(m.Adjustment.at, m.Adjustment.id)
        )
        if platform_id is not None:
            query = query.where(m.Adjustment.platform_id == platform_id)
        rows = s.execute(query).all()
    latest = {a.platform_id: a.id for a, _, _ in rows}
    return [
        AdjustmentLine(
            a.id,
            a.platform_id,
            filing_no,
            name,
            a.adjusted_score,
            a.reason,
            a.author,
            a.at,
            latest[a.platform_id] == a.id,
        )
        for a, filing_no, name in rows
    ]


def current_adjustment(ws: Workspace, platform_id: int) -> AdjustmentLine | None:
    """The adjustment that counts for a platform, or None."""
    lines = list_adjustments(ws, platform_id)
    return lines[-1] if lines else None


# ---------------------------------------------------------------------------- opinions


def _fmt(value: Fraction | Decimal) -> str:
    return format_points(value)


def panel_opinion_template(ws: Workspace, platform_id: int, language: str = "zh") -> str:
    """A draft panel opinion filled from the results, for the secretary to edit.

    "资源整合能力…；服务成效…；组织运行管理…；主要问题与建议…；综合得分 XX 分，建议考核等级为 XX".
    Without valid scores the numbers stay XX for the panel to fill in.
    """
    from jlpanel.domain.dossier_checks import FINDING_TITLES
    from jlpanel.services.results import compute_workspace_results

    en = language.startswith("en")
    with ws.reading() as s:
        _platform(s, platform_id)
    # The whole cycle: the grade proposed is the one after the 优秀 quota, if there is one.
    result = compute_workspace_results(ws).by_id(str(platform_id))
    info = ws.cycle_info()
    rubric, policy = info.rubric, info.rules.score_policy
    with ws.reading() as s:
        warnings = Counter(
            s.scalars(
                select(m.DossierFinding.code).where(
                    m.DossierFinding.platform_id == platform_id,
                    m.DossierFinding.severity == "warning",
                )
            )
        )
        messages = dict(
            s.execute(
                select(
                    m.DossierFinding.code,
                    m.DossierFinding.message_en if en else m.DossierFinding.message_zh,
                ).where(m.DossierFinding.platform_id == platform_id)
            ).all()
        )

    outstanding = result.grade is None or result.grade is Grade.EXCELLENT
    parts: list[str] = []
    for area in rubric.areas:
        area_score = result.area_scores.get(area.code)
        name = area.name.get(language)
        if area_score is None:
            parts.append(f"{name}: XX" if en else f"{name}XX（得分 XX 分）")
            continue
        # Over the same experts as the platform score, so the areas add up to it.
        value = area_score
        level = rubric.level_for_share(value, area.max_points)
        # “突出” only for an 优秀 platform: a 良好 one's best area reads “较好” (its band stays).
        worded = Level.GOOD if level is Level.EXCELLENT and not outstanding else level
        word = AREA_WORDS[worded].get(language)
        level_name = rubric.level_name(level).get(language)
        if en:
            parts.append(
                f"{name} {word} ({_fmt(value)} of {area.max_points:g} points, {level_name})"
            )
        else:
            parts.append(
                f"{name}{word}（得分 {_fmt(value)} 分，满分 {area.max_points:g} 分，{level_name}）"
            )

    problems: list[str] = []
    shares = sorted(
        (
            (stat.value(policy) / Fraction(i.max_points), i.code, stat.value(policy), i)
            for i in rubric.indicators
            if (stat := result.indicators.get(i.code)) is not None and i.max_points > 0
        ),
        key=lambda x: (x[0], x[1]),
    )
    weak = [x for x in shares if x[0] < WEAK_SHARE][:WEAK_INDICATORS]
    if weak:
        listed = ("; " if en else "、").join(
            f"{code} {ind.name.get(language)} ({_fmt(v)}/{ind.max_points:g})"
            if en
            else f"{code} {ind.name.zh}（{_fmt(v)}/{ind.max_points:g} 分）"
            for _, code, v, ind in weak
        )
        names = ("; " if en else "、").join(ind.name.get(language) for *_, ind in weak)
        problems.append(
            f"relatively weak: {listed}; strengthen {names}"
            if en
            else f"{listed}相对薄弱，建议加强{names}"
        )
    if warnings:
        listed = ("; " if en else "；").join(
            f"{(FINDING_TITLES[c].get(language) if c in FINDING_TITLES else messages.get(c, c))}"
            + (f" ×{n}" if n > 1 else "")
            for c, n in sorted(warnings.items())
        )
        problems.append(
            f"the dossier shows: {listed}; correct and complete the materials"
            if en
            else f"申报材料存在以下问题：{listed}，应予核实、整改并完善材料"
        )
    for code, reasons in result.vetoes.items():
        veto = rubric.veto(code)
        because = ("; " if en else "；").join(
            dict.fromkeys(r.strip().rstrip("。；;.") for r in reasons if r.strip())
        )
        problems.append(
            f"veto raised: {veto.name.en} ({because})"
            if en
            else f"专家提出一票否决“{veto.name.zh}”：{because}"
        )
    if not problems:
        problems.append(
            "none of note; keep improving the sharing service"
            if en
            else "未发现明显问题，建议继续提升共享服务水平"
        )

    score = "XX" if result.score is None else _fmt(result.score)
    grade = "XX" if result.grade is None else result.grade.label.get(language)
    if result.vetoes and result.grade is not None:
        grade += " (veto)" if en else "（一票否决）"
    if en:
        return (
            "; ".join(parts)
            + "; main problems and suggestions: "
            + "; ".join(problems)
            + f"; overall score {score}, proposed grade {grade}."
        )
    return (
        "；".join(parts)
        + "；主要问题与建议："
        + "；".join(problems)
        + f"；综合得分 {score} 分，建议考核等级为{grade}。"
    )


def panel_opinion(ws: Workspace, platform_id: int) -> str | None:
    """The saved panel opinion of a platform, or None when none was saved."""
    with ws.reading() as s:
        _platform(s, platform_id)
        return s.scalars(
            select(m.PanelOpinion.text).where(m.PanelOpinion.platform_id == platform_id)
        ).one_or_none()


def save_panel_opinion(ws: Workspace, platform_id: int, text: str) -> None:
    """Save (or, with blank text, remove) the panel opinion of a platform, audited."""
    cleaned = text.strip()
    with ws.session() as s:
        _platform(s, platform_id)
        row = s.scalars(
            select(m.PanelOpinion).where(m.PanelOpinion.platform_id == platform_id)
        ).one_or_none()
        old = row.text if row is not None else None
        if (old or "") == cleaned:
            return
        if not cleaned:
            assert row is not None
            s.delete(row)
        elif row is None:
            s.add(m.PanelOpinion(platform_id=platform_id, text=cleaned))
        else:
            row.text = cleaned
        record(s, "save_panel_opinion", "platform", platform_id, old=old, new=cleaned or None)
