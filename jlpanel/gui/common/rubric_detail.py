"""The detail pane beside the rubric tree, as HTML for a QTextBrowser."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from html import escape

from jlpanel.domain.exact import to_decimal
from jlpanel.domain.metrics import metric
from jlpanel.domain.rubric import Area, BonusItem, Indicator, Rubric, Veto
from jlpanel.gui.common.formatting import Points, points
from jlpanel.gui.common.i18n import counted, current_language, translate
from jlpanel.gui.common.rubric_model import NodeKind, RubricNode
from jlpanel.gui.common.theme import ACCENT, CURRENT_ROW, MUTED

_CSS = f"""
h2 {{ color: {ACCENT}; margin-bottom: 2px; }}
h3 {{ margin-top: 14px; margin-bottom: 4px; }}
p.meta {{ color: {MUTED}; margin-top: 0; }}
p.note {{ color: {MUTED}; }}
td {{ padding: 4px 8px 4px 0; vertical-align: top; }}
td.level {{ font-weight: bold; white-space: nowrap; }}
td.band {{ white-space: nowrap; color: {MUTED}; }}
td.num {{ text-align: right; white-space: nowrap; }}
"""


def _page(body: str) -> str:
    return f"<html><head><style>{_CSS}</style></head><body>{body}</body></html>"


def band_text(low: Points, high: Points) -> str:
    """A points band in words: "8–10 分" / "8–10 points"."""
    return translate("RubricDetail", "{low}–{high} 分").format(low=points(low), high=points(high))


def placeholder_html() -> str:
    """What the pane shows before anything is selected."""
    hint = translate("RubricDetail", "在左侧选择一个分区、指标、否决项或加分项，这里显示它的说明。")
    return _page(f"<p class='note'>{escape(hint)}</p>")


def detail_html(node: RubricNode | None, rubric: Rubric) -> str:
    """The description of whatever ``node`` shows."""
    if node is None:
        return placeholder_html()
    item = node.item
    if isinstance(item, Indicator):
        return _page(_indicator(item, rubric))
    if isinstance(item, Area):
        return _page(_area(item))
    if isinstance(item, Veto):
        return _page(_veto(item, heading=True))
    if isinstance(item, BonusItem):
        return _page(_bonus_item(item, heading=True))
    if node.kind is NodeKind.VETOES:
        return _page(_vetoes(rubric))
    if node.kind is NodeKind.BONUS:
        return _page(_bonus(rubric))
    return placeholder_html()


def _indicator(indicator: Indicator, rubric: Rubric) -> str:
    lang = current_language()
    area = rubric.area(indicator.area_code)
    meta = translate("RubricDetail", "满分 {max} 分 · 步长 {step} 分 · 所属分区：{area}").format(
        max=points(indicator.max_points),
        step=points(indicator.step),
        area=f"{area.code} {area.name.get(lang)}",
    )
    parts = [
        f"<h2>{escape(indicator.code)} {escape(indicator.name.get(lang))}</h2>",
        f"<p class='meta'>{escape(meta)}</p>",
    ]
    if indicator.description.get(lang):
        parts.append(f"<p>{escape(indicator.description.get(lang))}</p>")

    heading = translate("RubricDetail", "评分指引")
    parts.append(f"<h3>{escape(heading)}</h3><table cellspacing='0' cellpadding='3'>")
    for guidance in indicator.guidance:
        level = rubric.level_name(guidance.level).get(lang)
        parts.append(
            "<tr>"
            f"<td class='level'>{escape(level)}</td>"
            f"<td class='band'>{escape(band_text(guidance.band.low, guidance.band.high))}</td>"
            f"<td>{escape(guidance.text.get(lang))}</td>"
            "</tr>"
        )
    parts.append("</table>")

    if indicator.evidence:
        heading = translate("RubricDetail", "依据材料")
        parts.append(f"<h3>{escape(heading)}</h3><ul>")
        parts += [f"<li>{escape(e.get(lang))}</li>" for e in indicator.evidence]
        parts.append("</ul>")

    if indicator.metrics:
        heading = translate("RubricDetail", "客观指标")
        parts.append(f"<h3>{escape(heading)}</h3><ul>")
        for key in indicator.metrics:
            definition = metric(key)
            unit = definition.unit.get(lang)
            name = definition.name.get(lang)
            label = (
                translate("RubricDetail", "{name}（{unit}）").format(name=name, unit=unit)
                if unit
                else name
            )
            parts.append(f"<li>{escape(label)}</li>")
        parts.append("</ul>")
        note = translate("RubricDetail", "导入平台材料后，评分时在指标旁显示这些数值。")
        parts.append(f"<p class='note'>{escape(note)}</p>")

    heading = translate("RubricDetail", "评语")
    required = [g.level for g in indicator.guidance if g.level in indicator.comment_required_levels]
    if required:
        separator = translate("RubricDetail", "、")
        names = separator.join(rubric.level_name(level).get(lang) for level in required)
        rule = translate("RubricDetail", "评为“{levels}”时必须填写评语。").format(levels=names)
    else:
        rule = translate("RubricDetail", "评语可选填。")
    parts.append(f"<h3>{escape(heading)}</h3><p>{escape(rule)}</p>")
    return "".join(parts)


def _area(area: Area) -> str:
    lang = current_language()
    meta = counted(
        len(area.indicators),
        translate("RubricDetail", "满分 {max} 分，共 {n} 项指标", "one"),
        translate("RubricDetail", "满分 {max} 分，共 {n} 项指标", "other"),
    ).replace("{max}", points(area.max_points))
    points_label = translate("RubricDetail", "{max} 分")
    rows = "".join(
        "<tr>"
        f"<td>{escape(i.code)}</td>"
        f"<td>{escape(i.name.get(lang))}</td>"
        f"<td class='num'>{escape(points_label.format(max=points(i.max_points)))}</td>"
        "</tr>"
        for i in area.indicators
    )
    return (
        f"<h2>{escape(area.code)} {escape(area.name.get(lang))}</h2>"
        f"<p class='meta'>{escape(meta)}</p>"
        f"<table cellspacing='0' cellpadding='3'>{rows}</table>"
    )


def _veto(veto: Veto, *, heading: bool) -> str:
    lang = current_language()
    title = (
        f"<h2>{escape(veto.name.get(lang))}</h2>"
        if heading
        else f"<h3>{escape(veto.name.get(lang))}</h3>"
    )
    if veto.bars:
        consequence = translate(
            "RubricDetail",
            "成立时：考核结果为不合格，取消平台资格，并取消申报和参加考核评价的资格。",
        )
    else:
        consequence = translate("RubricDetail", "成立时：考核结果为不合格。")
    parts = [title]
    if heading:
        kind = translate("RubricDetail", "一票否决")
        parts.append(f"<p class='meta'>{escape(kind)}</p>")
    if veto.description.get(lang):
        parts.append(f"<p>{escape(veto.description.get(lang))}</p>")
    parts.append(f"<p><b>{escape(consequence)}</b></p>")
    return "".join(parts)


def _vetoes(rubric: Rubric) -> str:
    title = translate("RubricDetail", "一票否决")
    intro = translate(
        "RubricDetail", "任何一项否决经专家组确认成立，无论得分多少，考核结果均为不合格。"
    )
    return f"<h2>{escape(title)}</h2><p>{escape(intro)}</p>" + "".join(
        _veto(v, heading=False) for v in rubric.vetoes
    )


def _bonus_item(item: BonusItem, *, heading: bool) -> str:
    lang = current_language()
    name = escape(item.name.get(lang))
    title = (
        f"<h2>{escape(item.code)} {name}</h2>"
        if heading
        else f"<h3>{escape(item.code)} {name}</h3>"
    )
    meta = translate("RubricDetail", "最多加 {max} 分 · 步长 {step} 分").format(
        max=points(item.max_points), step=points(item.step)
    )
    parts = [title, f"<p class='meta'>{escape(meta)}</p>"]
    if item.description.get(lang):
        parts.append(f"<p>{escape(item.description.get(lang))}</p>")
    return "".join(parts)


def _bonus(rubric: Rubric) -> str:
    title = translate("RubricDetail", "加分项")
    intro = translate(
        "RubricDetail", "加分项合计不超过 {cap} 分，专家总分（含加分）不超过 100 分。"
    ).format(cap=points(rubric.bonus_cap))
    return f"<h2>{escape(title)}</h2><p>{escape(intro)}</p>" + "".join(
        _bonus_item(b, heading=False) for b in rubric.bonus_items
    )


# ------------------------------------------------------------------ the scoring desk's guidance

_DESK_CSS = f"""
h3 {{ color: {ACCENT}; margin-top: 0; margin-bottom: 2px; }}
h4 {{ margin-top: 10px; margin-bottom: 3px; }}
p.meta {{ color: {MUTED}; margin-top: 0; }}
p.note {{ color: {MUTED}; }}
p.rule {{ margin-top: 8px; }}
td {{ padding: 3px 6px 3px 0; vertical-align: top; }}
td.level {{ font-weight: bold; white-space: nowrap; }}
td.band {{ white-space: nowrap; color: {MUTED}; }}
td.num {{ text-align: right; white-space: nowrap; }}
tr.current td {{ background-color: {CURRENT_ROW}; }}
"""


def _desk_page(body: str) -> str:
    return f"<html><head><style>{_DESK_CSS}</style></head><body>{body}</body></html>"


def guidance_html(
    indicator: Indicator,
    rubric: Rubric,
    metrics: Mapping[str, float | None] | None,
    score: Decimal | float | None = None,
) -> str:
    """An indicator's guidance beside the score field: levels with their point bands (the
    level of ``score`` marked), the platform's objective metrics, the evidence to read and
    when a comment is required.
    """
    from jlpanel.gui.common.dossier_models import metric_value

    lang = current_language()
    meta = translate("RubricDetail", "满分 {max} 分 · 步长 {step} 分").format(
        max=points(indicator.max_points), step=points(indicator.step)
    )
    parts = [
        f"<h3>{escape(indicator.code)} {escape(indicator.name.get(lang))}</h3>",
        f"<p class='meta'>{escape(meta)}</p>",
    ]
    if indicator.description.get(lang):
        parts.append(f"<p>{escape(indicator.description.get(lang))}</p>")
    current = indicator.level_of(to_decimal(score)) if score is not None else None
    parts.append("<table cellspacing='0' cellpadding='3' width='100%'>")
    for guidance in indicator.guidance:
        level = rubric.level_name(guidance.level).get(lang)
        css = " class='current'" if guidance.level is current else ""
        parts.append(
            f"<tr{css}>"
            f"<td class='level'>{escape(level)}</td>"
            f"<td class='band'>{escape(band_text(guidance.band.low, guidance.band.high))}</td>"
            f"<td>{escape(guidance.text.get(lang))}</td>"
            "</tr>"
        )
    parts.append("</table>")

    if indicator.metrics:
        heading = translate("RubricDetail", "客观指标（本平台）")
        parts.append(f"<h4>{escape(heading)}</h4><table cellspacing='0' cellpadding='2'>")
        for key in indicator.metrics:
            definition = metric(key)
            value = metrics.get(key) if metrics is not None else None
            shown = metric_value(definition, value) if metrics is not None else "…"
            unit = "" if definition.is_share else definition.unit.get(lang)
            parts.append(
                "<tr>"
                f"<td>{escape(definition.name.get(lang))}</td>"
                f"<td class='num'><b>{escape(shown)}</b></td>"
                f"<td class='band'>{escape(unit)}</td>"
                "</tr>"
            )
        parts.append("</table>")

    if indicator.evidence:
        heading = translate("RubricDetail", "依据材料")
        parts.append(f"<h4>{escape(heading)}</h4><ul style='margin-top:0'>")
        parts += [f"<li>{escape(e.get(lang))}</li>" for e in indicator.evidence]
        parts.append("</ul>")

    required = [g.level for g in indicator.guidance if g.level in indicator.comment_required_levels]
    if required:
        separator = translate("RubricDetail", "、")
        names = separator.join(rubric.level_name(level).get(lang) for level in required)
        rule = translate("RubricDetail", "评为“{levels}”时必须填写评语。").format(levels=names)
        parts.append(f"<p class='rule'><b>{escape(rule)}</b></p>")
    return _desk_page("".join(parts))


def veto_guidance_html(veto: Veto) -> str:
    """A veto beside its check box on the desk."""
    rule = translate("RubricDetail", "勾选后须写明理由（事实与依据）。")
    return _desk_page(_veto(veto, heading=False) + f"<p class='rule'>{escape(rule)}</p>")


def bonus_guidance_html(item: BonusItem, rubric: Rubric) -> str:
    """A bonus item beside its score field on the desk."""
    cap = translate(
        "RubricDetail", "加分项合计不超过 {cap} 分，专家总分（含加分）不超过 100 分。"
    ).format(cap=points(rubric.bonus_cap))
    return _desk_page(_bonus_item(item, heading=False) + f"<p class='note'>{escape(cap)}</p>")
