"""The report documents of a cycle (DESIGN §6), each built from its view model.

Each function returns a :class:`~jlpanel.reports.layout.DocumentPart`; render one or several
with :func:`~jlpanel.reports.layout.render_pdf`. Nothing here reads a workspace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from jlpanel.domain.agreement import format_coefficient
from jlpanel.reports.fonts import FONT_NAME
from jlpanel.reports.labels import Labels
from jlpanel.reports.layout import (
    AREA_FILL,
    CELL_SIZE,
    INK,
    MM,
    TOTAL_FILL,
    DocumentPart,
    Overflow,
    _classes,
    blank_box,
    bold,
    fit,
    frame_width,
    grade_cell_style,
    grade_chart,
    grade_text,
    heading,
    keep_with_end,
    number,
    one_line,
    para,
    percent,
    seal_block,
    signature_block,
    styles,
    table,
)
from jlpanel.reports.models import (
    ExpertScoreSheet,
    GradeMark,
    PanelMember,
    PlatformReport,
    PublicationList,
    RectificationNotice,
    ReportContext,
    ResultsSummary,
    ScoreStats,
)

#: Decimals of indicator maxima and of the points experts give (the step is 0.5).
POINT_DECIMALS = 1
#: An area kept on one page has at most this many rows (a long area may split).
MAX_KEPT_ROWS = 12


def _date(day: dt.date | None, labels: Labels) -> str:
    if day is None:
        return "—"
    if labels.english:
        return day.isoformat()
    return f"{day.year}年{day.month}月{day.day}日"


def _heading_block(
    ctx: ReportContext, over: Overflow, title: str, subtitle: str | None = None
) -> list[Any]:
    from reportlab.platypus import Spacer

    st = styles()
    labels = Labels(ctx.language)
    width = frame_width()
    out: list[Any] = [bold(title, st.title)]
    if subtitle:
        out.append(over.block(subtitle, st.subtitle, width, what=labels("col_platform"), bold=True))
    note = over.inline(ctx.cycle_name, what=labels("cycle"))
    if ctx.period_start and ctx.period_end:
        period = labels(
            "period", start=_date(ctx.period_start, labels), end=_date(ctx.period_end, labels)
        )
        note = f"{note}　{period}"
    out.append(para(note, st.centred_note))
    out.append(para(confirmation_line(ctx), st.centred_note))
    out.append(Spacer(1, 4 * MM))
    return out


def grade_cell(grade: GradeMark, width: float) -> str:
    """The grade label for a narrow cell: a mark such as "（一票否决）" on a line of its own
    when the whole does not fit (a plain string keeps the grade's colour and centring)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = grade_text(grade)
    if stringWidth(text, FONT_NAME, CELL_SIZE) <= width - 8:
        return text
    for mark in ("（", " ("):
        head, sep, tail = text.partition(mark)
        if sep and head:
            return f"{head}\n{sep.strip()}{tail}"
    return text


def _grade_room(grades: Sequence[GradeMark], width: float) -> float:
    """How much wider a grade column must be for its widest line (see :func:`grade_cell`)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max(
        (
            stringWidth(line, FONT_NAME, CELL_SIZE) + 8
            for g in grades
            for line in grade_cell(g, width).split("\n")
        ),
        default=0.0,
    )
    # a grade label is the program's own words; never let one squeeze the other columns away
    return min(max(0.0, widest - width), width)


def confirmation_line(ctx: ReportContext) -> str:
    """Whether the results are confirmed, and since when: every document says it."""
    labels = Labels(ctx.language)
    if ctx.confirmed_on is None:
        return labels("draft")
    day = _date(ctx.confirmed_on, labels)
    if ctx.changed_since_confirmation:
        return labels("changed", day=day, count=ctx.changed_since_confirmation)
    return labels("confirmed", day=day)


# ---------------------------------------------------------------- evaluation report


def evaluation_report(ctx: ReportContext, report: PlatformReport) -> DocumentPart:
    """The evaluation report (评价报告) of one platform."""
    labels = Labels(ctx.language)

    def build() -> list[Any]:
        from reportlab.platypus import KeepTogether

        st = styles()
        width = frame_width()
        over = Overflow(labels)
        story = _heading_block(ctx, over, labels("eval_title"), report.name)
        story.extend(heading(labels("sec_facts")))
        story.append(_pairs_table(report.facts, width, over, label_share=0.17))
        story.extend(heading(labels("sec_metrics")))
        if report.metrics:
            story.append(_pairs_table(report.metrics, width, over, label_share=0.29))
        else:
            story.append(para(labels("no_metrics"), st.note))
        story.extend(heading(labels("sec_scores")))
        story.extend(_scores_section(ctx, report, width, labels, over))
        story.extend(heading(labels("sec_result")))
        story.extend(_result_section(ctx, report, width, labels, over))
        story.extend(heading(labels("sec_comments")))
        story.extend(_comments_section(report, labels))
        # the panel opinion (or the box to write it in), its heading and the leader's
        # signature under it stay on one page; a long opinion keeps its end with the signature
        title = bold(labels("sec_opinion"), st.heading)
        signature = signature_block(labels, labels("leader_sign"), width=width)
        if report.panel_opinion.strip():
            opinion = para(report.panel_opinion, st.body)
            story.append(keep_with_end(opinion, signature, head=[title]))
        else:
            box = [para(labels("no_opinion"), st.note), blank_box(width, 32 * MM)]
            story.append(KeepTogether([title, *box, *signature]))
        story.extend(over.story())
        return story

    return DocumentPart(
        f"{labels('eval_short')} — {report.name}",
        build,
        group=labels("eval_short"),
        bookmark=report.name,
    )


def _pairs_table(
    pairs: Sequence[tuple[str, str]], width: float, over: Overflow, *, label_share: float
) -> Any:
    """(label, value) pairs two to a row: label, value, label, value."""
    st = styles()
    label_w = width * label_share
    value_w = width / 2 - label_w
    rows: list[list[Any]] = []
    for n in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[n : n + 2]:
            row += [
                fit(label, label_w, st.cell, over),
                fit(value, value_w, st.cell, over, what=label),
            ]
        row += [""] * (4 - len(row))
        rows.append(row)
    fills = [("BACKGROUND", (c, 0), (c, -1), AREA_FILL) for c in (0, 2)]
    return table(rows, [label_w, value_w, label_w, value_w], header_rows=0, extra=fills)


def _stats_cells(stats: ScoreStats | None, decimals: int) -> list[str]:
    if stats is None:
        return ["—", "—", "—", "—", "0"]
    return [
        number(stats.mean, decimals),
        number(stats.minimum, decimals),
        number(stats.maximum, decimals),
        number(stats.range, decimals),
        str(stats.n),
    ]


def _scores_section(
    ctx: ReportContext, report: PlatformReport, width: float, labels: Labels, over: Overflow
) -> list[Any]:
    st = styles()
    d = ctx.score_decimals
    widths = [0.07, 0.37, 0.08, 0.1, 0.1, 0.1, 0.08, 0.1]
    col = [width * w for w in widths]
    rows: list[list[Any]] = [
        [
            labels("col_code"),
            labels("col_indicator"),
            labels("col_max"),
            labels("col_mean"),
            labels("col_low"),
            labels("col_high"),
            labels("col_range"),
            labels("col_n"),
        ]
    ]
    extra: list[tuple[Any, ...]] = [("ALIGN", (1, 1), (1, -1), "LEFT")]
    groups: list[list[int]] = []  # each area's rows: a page break falls between areas
    for line in report.lines:
        if line.is_area or not groups:
            groups.append([])
        groups[-1].append(len(rows))
        rows.append(
            [
                fit(line.code, col[0], st.cell, over),
                fit(line.name, col[1], st.cell, over),
                number(line.max_points, POINT_DECIMALS),
                *_stats_cells(line.stats, d),
            ]
        )
        if line.is_area:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), AREA_FILL))
    rows.append(
        [
            "",
            labels("total_row"),
            number(report.max_total, POINT_DECIMALS),
            *_stats_cells(report.total, d),
        ]
    )
    extra.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_FILL))
    extra.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, "#000000"))
    if groups:  # the total stays with the last area
        groups[-1].append(len(rows) - 1)
    keep = [(g[0], g[-1]) for g in groups if len(g) > 1 and g[-1] - g[0] < MAX_KEPT_ROWS]
    out: list[Any] = [
        table(rows, col, right=(2, 3, 4, 5, 6, 7), centre=(0,), extra=extra, keep=keep)
    ]
    if report.total is not None:
        t = report.total
        stat_rows = [
            [
                labels("stat_mean"),
                labels("stat_trimmed"),
                labels("stat_median"),
                labels("stat_range"),
                labels("stat_sd"),
                labels("stat_n"),
            ],
            [
                number(t.mean, d),
                number(t.trimmed_mean, d),
                number(t.median, d),
                number(t.range, d),
                number(t.stdev, d),
                str(t.n),
            ],
        ]
        from reportlab.platypus import Spacer

        out.append(Spacer(1, 2.5 * MM))
        out.append(table(stat_rows, [width / 6] * 6, right=range(6)))
    if ctx.score_policy:
        out.append(para(labels("score_policy", policy=ctx.score_policy), st.note))
    return out


def _result_section(
    ctx: ReportContext, report: PlatformReport, width: float, labels: Labels, over: Overflow
) -> list[Any]:
    st = styles()
    d = ctx.score_decimals
    col = [width * 0.18, width * 0.32, width * 0.18, width * 0.32]
    wide = col[1] + col[2] + col[3]
    rank = (
        labels("rank_of", rank=report.rank, count=report.ranked_count)
        if report.rank is not None
        else "—"
    )
    rows: list[list[Any]] = [
        [
            labels("res_score"),
            number(report.score, d),
            labels("res_grade"),
            grade_text(report.grade),
        ],
        [
            labels("res_rank"),
            rank,
            labels("res_decision"),
            fit(report.decision.label, col[3], st.cell, over),
        ],
        [labels("res_reason"), fit(report.decision.reason, wide, st.cell, over), "", ""],
    ]
    if report.decision.deadline is not None:
        rows.append([labels("res_deadline"), _date(report.decision.deadline, labels), "", ""])
    if report.decision.funding_rank is not None:
        amount = report.decision.funding_amount
        rows.append(
            [
                labels("res_funding"),
                str(report.decision.funding_rank),
                labels("res_amount") if amount is not None else "",
                number(amount, 2) if amount is not None else "",
            ]
        )
    for adj in report.adjustments:
        text = labels(
            "adjustment",
            old=number(adj.computed_score, d),
            new=number(adj.adjusted_score, d),
            reason=adj.reason,
        )
        rows.append(
            [
                labels("res_adjusted"),
                fit(text, wide, st.cell, over, what=labels("res_adjusted")),
                "",
                "",
            ]
        )
    for veto in report.vetoes:
        words = labels("veto_line", name=veto.name, status=veto.status)
        if veto.reasons:
            words += "\n" + labels("veto_reasons", reasons=veto.reasons)
        rows.append(
            [labels("res_veto"), fit(words, wide, st.cell, over, what=labels("res_veto")), "", ""]
        )
    for note in report.discussion:
        rows.append([labels("res_discussed"), fit(note, wide, st.cell, over), "", ""])
    extra: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (0, -1), AREA_FILL),
        ("BACKGROUND", (2, 0), (2, 1), AREA_FILL),
        ("ALIGN", (1, 0), (1, 0), "RIGHT"),
        ("FONT", (1, 0), (1, 0), FONT_NAME, 11, 14),
        ("FONT", (3, 0), (3, 0), FONT_NAME, 11, 14),
        *grade_cell_style(3, 0, report.grade.code),
    ]
    for n, row in enumerate(rows[2:], 2):
        if row[2] == "" and row[3] == "":
            extra.append(("SPAN", (1, n), (3, n)))
    out: list[Any] = [table(rows, col, header_rows=0, extra=extra)]
    if not report.is_final:
        out.append(para(labels("res_pending"), st.note))
    return out


def _comments_section(report: PlatformReport, labels: Labels) -> list[Any]:
    st = styles()
    if not report.comments:
        return [para(labels("no_comments"), st.note)]
    out: list[Any] = []
    for comment in report.comments:
        # one paragraph per expert, a line per comment: a tenth the layout work of one each
        lines = []
        if comment.overall.strip():
            lines.append(f"{labels('overall')}{labels('colon')}{comment.overall}")
        lines += [f"{ind}{labels('colon')}{text}" for ind, text in comment.by_indicator]
        text = "\n".join(lines) or labels("no_comments")
        out.append(_classes().TextBlock(text, st.comment, label=comment.label))
    return out


# ---------------------------------------------------------------- results summary


def results_summary(ctx: ReportContext, summary: ResultsSummary) -> DocumentPart:
    """The results summary (汇总表): ranked table, grade distribution, counts."""
    labels = Labels(ctx.language)

    def build() -> list[Any]:
        from reportlab.platypus import KeepTogether, Spacer

        st = styles()
        width = frame_width()
        d = ctx.score_decimals
        over = Overflow(labels)
        story = _heading_block(ctx, over, labels("summary_title"))
        shares = [0.06, 0.14, 0.3, 0.2, 0.085, 0.085, 0.13]
        extra_share = _grade_room([r.grade for r in summary.rows], width * shares[5]) / width
        shares[5] += extra_share  # taken from the name and host columns
        shares[2] -= extra_share / 2
        shares[3] -= extra_share / 2
        col = [width * s for s in shares]
        rows: list[list[Any]] = [
            [
                labels("col_rank"),
                labels("col_filing"),
                labels("col_platform"),
                labels("col_host"),
                labels("col_score"),
                labels("col_grade"),
                labels("col_decision"),
            ]
        ]
        extra: list[tuple[Any, ...]] = []
        for n, row in enumerate(summary.rows, 1):
            score = number(row.score, d)
            rank = "" if row.rank is None else str(row.rank)
            if row.tied:
                rank = f"{rank}\n{labels('tied_mark')}".strip()
            rows.append(
                [
                    rank,
                    fit(row.filing_no, col[1], st.cell_small, over),
                    fit(row.name, col[2], st.cell, over, what=labels("col_platform")),
                    fit(row.host_unit, col[3], st.cell, over, what=labels("col_host")),
                    score,
                    grade_cell(row.grade, col[5]),
                    fit(row.decision, col[6], st.cell_small, over),
                ]
            )
            extra += grade_cell_style(5, n, row.grade.code)
        story.append(table(rows, col, right=(0, 4), extra=extra))
        if summary.ties:
            story.append(Spacer(1, 3 * MM))
            story.append(bold(labels("sec_ties"), st.subheading))
            for tie in summary.ties:
                members = labels("list_sep").join(
                    labels(
                        "tie_member",
                        name=over.inline(name, what=labels("col_platform")),
                        filing=over.inline(filing, what=labels("col_filing")),
                    )
                    for filing, name in tie.members
                )
                state = labels("tie_decided" if tie.decided else "tie_open")
                story.append(
                    para(labels("tie_line", where=tie.where, members=members, state=state), st.note)
                )
        story.append(Spacer(1, 6 * MM))
        total = sum(n for _, n in summary.grade_counts) or 1
        dist_rows: list[list[Any]] = [
            [labels("col_grade"), labels("col_count"), labels("col_share")],
            *([grade_text(g), str(n), percent(n / total)] for g, n in summary.grade_counts),
        ]
        dist_extra: list[tuple[Any, ...]] = []
        for n, (g, _) in enumerate(summary.grade_counts, 1):
            dist_extra += grade_cell_style(0, n, g.code)
        counts_rows: list[list[Any]] = [
            [labels("sec_counts"), labels("col_count")],
            *([label, str(count)] for label, count in summary.counts),
        ]
        side = width * 0.36
        tables = table(
            [
                [
                    table(
                        dist_rows,
                        [side * 0.4, side * 0.3, side * 0.3],
                        right=(1, 2),
                        extra=dist_extra,
                    )
                ],
                [Spacer(1, 4 * MM)],
                [table(counts_rows, [side * 0.7, side * 0.3], right=(1,))],
            ],
            [side],
            header_rows=0,
            grid=False,
            extra=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")],
        )
        chart = grade_chart(summary.grade_counts, width - side - 8 * MM, labels)
        layout = table(
            [[chart, tables]],
            [width - side - 4 * MM, side + 4 * MM],
            header_rows=0,
            grid=False,
            extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
        story.append(KeepTogether([bold(labels("sec_distribution"), st.heading), layout]))
        if summary.agreement:
            story.append(KeepTogether(_agreement_block(summary, labels, width, over)))
        if summary.rules:
            story.extend(_rules_block(summary, labels, width, over))
        story.extend(over.story())
        return story

    return DocumentPart(labels("summary_title"), build)


def _rules_block(
    summary: ResultsSummary, labels: Labels, width: float, over: Overflow
) -> list[Any]:
    """The cycle's rules as set, in the words the rules tab uses (DESIGN §5)."""
    st = styles()
    col = [width * s for s in (0.2, 0.18, 0.62)]
    rows: list[list[Any]] = [
        [labels("col_rule"), labels("col_setting"), labels("col_meaning")],
        *(
            [
                fit(rule, col[0], st.cell, over),
                fit(setting, col[1], st.cell, over),
                fit(meaning, col[2], st.cell, over),
            ]
            for rule, setting, meaning in summary.rules
        ),
    ]
    return [bold(labels("sec_rules"), st.heading), table(rows, col)]


def _agreement_block(
    summary: ResultsSummary, labels: Labels, width: float, over: Overflow
) -> list[Any]:
    """ICC(2,k) and Kendall's W with n, k, the totals used and the reading (information)."""
    from reportlab.platypus import Spacer

    st = styles()
    col = [width * s for s in (0.27, 0.1, 0.12, 0.12, 0.39)]
    rows: list[list[Any]] = [
        [
            labels("col_statistic"),
            labels("col_value"),
            labels("col_platforms_n"),
            labels("col_experts_k"),
            labels("col_scope"),
        ],
        *(
            [
                fit(a.name, col[0], st.cell, over),
                format_coefficient(a.value),
                "—" if a.value is None else str(a.platforms),
                "—" if a.value is None else a.raters,
                fit(a.scope, col[4], st.cell, over),
            ]
            for a in summary.agreement
        ),
    ]
    return [
        bold(labels("sec_agreement"), st.heading),
        table(rows, col, right=(1, 2, 3)),
        Spacer(1, 2 * MM),
        para(labels("agreement_reading", reading=summary.agreement_reading), st.body_plain),
        para(labels("agreement_note"), st.note),
    ]


# ---------------------------------------------------------------- expert score sheet


def expert_score_sheet(ctx: ReportContext, sheet: ExpertScoreSheet) -> DocumentPart:
    """An expert's personal score sheet (专家个人评分表), landscape, with a signature line."""
    labels = Labels(ctx.language)

    def build() -> list[Any]:
        st = styles()
        width = frame_width(landscape=True)
        over = Overflow(labels)
        story = _heading_block(ctx, over, labels("sheet_title"))
        col = [width * s for s in (0.08, 0.14, 0.08, 0.42, 0.06, 0.22)]
        who = [
            [
                labels("expert_name"),
                fit(sheet.name, col[1], st.cell, over, what=labels("expert_name")),
                labels("expert_institution"),
                fit(sheet.institution or "—", col[3], st.cell, over),
                labels("expert_title"),
                fit(sheet.title or "—", col[5], st.cell, over),
            ]
        ]
        story.append(
            table(
                who,
                col,
                header_rows=0,
                extra=[("BACKGROUND", (c, 0), (c, 0), AREA_FILL) for c in (0, 2, 4)],
            )
        )
        story.extend(heading(labels("sec_sheet_scores")))
        if not sheet.platforms:
            story.append(para(labels("no_platforms"), st.note))
        else:
            story.append(_score_matrix(sheet, width, labels, over))
            story.extend(_sheet_comments(sheet, width, labels, over))
        signature = signature_block(
            labels, labels("expert_sign"), width=width * 0.8, extra_rows=[labels("sheet_pledge")]
        )
        # the pledge and signature stay under the last rows they sign for
        story[-1] = keep_with_end(story[-1], signature)
        story.extend(over.story())
        return story

    return DocumentPart(
        f"{labels('sheet_title')} — {sheet.name}",
        build,
        landscape=True,
        group=labels("sheet_title"),
        bookmark=sheet.name,
    )


def _score_matrix(sheet: ExpertScoreSheet, width: float, labels: Labels, over: Overflow) -> Any:
    st = styles()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    n = len(sheet.indicators)
    longest = max((stringWidth(p.filing_no, FONT_NAME, 8.5) for p in sheet.platforms), default=0)
    no_w, total_w = 22.0, 40.0
    filing_w = min(max(56.0, longest + 10), 110.0)
    name_w = max(110.0, width - no_w - filing_w - total_w - n * 32.0)
    ind_w = (width - no_w - filing_w - total_w - name_w) / max(n, 1)
    size = 8.5 if ind_w >= 30 else 7.5
    header = [
        labels("col_no"),
        labels("col_filing"),
        labels("col_platform"),
        *(
            fit(f"{i.code}\n{number(i.max_points, POINT_DECIMALS)}", ind_w, st.cell_small, over)
            for i in sheet.indicators
        ),
        labels("col_total"),
    ]
    rows: list[list[Any]] = [header]
    for k, p in enumerate(sheet.platforms, 1):
        rows.append(
            [
                str(k),
                fit(p.filing_no, filing_w, st.cell_small, over),
                fit(p.name, name_w, st.cell_small, over, what=labels("col_platform")),
                *(number(v, POINT_DECIMALS) for v in p.points),
                number(p.total, POINT_DECIMALS),
            ]
        )
    right = tuple(range(3, 4 + n))
    return table(
        rows,
        [no_w, filing_w, name_w, *([ind_w] * n), total_w],
        right=right,
        centre=(0,),
        font_size=size,
        extra=[("BACKGROUND", (3 + n, 1), (3 + n, -1), AREA_FILL)],
    )


def _sheet_comments(
    sheet: ExpertScoreSheet, width: float, labels: Labels, over: Overflow
) -> list[Any]:
    st = styles()
    names = {i.code: f"{i.code} {i.name}" for i in sheet.indicators}
    rows: list[list[Any]] = [
        [labels("col_platform"), labels("col_indicator"), labels("col_comment")]
    ]
    col = [width * 0.28, width * 0.22, width * 0.5]
    extra: list[tuple[Any, ...]] = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    for p in sheet.platforms:
        entries: list[tuple[str, str]] = []
        if p.overall_comment.strip():
            entries.append((labels("overall"), p.overall_comment))
        entries += [(names.get(code, code), text) for code, text in p.comments]
        if p.bonus:
            entries.append(("", labels("bonus_note", bonus=number(p.bonus, POINT_DECIMALS))))
        first = len(rows)
        for k, (what, text) in enumerate(entries):
            rows.append(
                [
                    fit(p.name, col[0], st.cell_small, over) if k == 0 else "",
                    fit(what, col[1], st.cell_small, over),
                    fit(text, col[2], st.cell_small, over, what=f"{one_line(p.name, 40)} — {what}"),
                ]
            )
        if entries:
            # a heavier rule where each platform's comments begin
            extra.append(("LINEABOVE", (0, first), (-1, first), 0.9, INK))
    if len(rows) == 1:
        return []
    return [
        *heading(labels("sec_sheet_comments")),
        table(rows, col, font_size=8.5, extra=extra),
    ]


# ---------------------------------------------------------------- panel signature sheet


def panel_signature_sheet(
    ctx: ReportContext, members: Sequence[PanelMember], platform_count: int
) -> DocumentPart:
    """The panel signature sheet (专家组签字表): every expert with signature and date cells."""
    labels = Labels(ctx.language)

    def build() -> list[Any]:
        from reportlab.platypus import Spacer

        st = styles()
        width = frame_width()
        over = Overflow(labels)
        story = _heading_block(ctx, over, labels("panel_title"))
        story.append(para(labels("panel_intro", count=platform_count), st.body))
        story.append(Spacer(1, 3 * MM))
        col = [width * s for s in (0.07, 0.13, 0.34, 0.14, 0.18, 0.14)]
        rows: list[list[Any]] = [
            [
                labels("col_no"),
                labels("col_name"),
                labels("expert_institution"),
                labels("expert_title"),
                labels("col_signature"),
                labels("col_date"),
            ]
        ]
        for n, member in enumerate(members, 1):
            rows.append(
                [
                    str(n),
                    fit(member.name, col[1], st.cell, over, what=labels("col_name")),
                    fit(member.institution or "—", col[2], st.cell, over),
                    fit(member.title or "—", col[3], st.cell, over),
                    "",
                    "",
                ]
            )
        heights = [None] + [11 * MM] * len(members)
        # a row grows when its text needs more than the 11 mm left for signing
        sized = [
            None if any(not isinstance(cell, str) for cell in row) else height
            for row, height in zip(rows, heights, strict=True)
        ]
        members_table = table(rows, col, centre=(0,), row_heights=sized)  # type: ignore[arg-type]
        story.append(
            keep_with_end(
                members_table, signature_block(labels, labels("leader_sign"), width=width)
            )
        )
        story.extend(over.story())
        return story

    return DocumentPart(labels("panel_title"), build)


# ---------------------------------------------------------------- publication list


def publication_list(ctx: ReportContext, publication: PublicationList) -> DocumentPart:
    """The publication list (公示名单) with its notice text and a 公示期 to fill in."""
    labels = Labels(ctx.language)

    def build() -> list[Any]:
        from reportlab.platypus import Spacer

        st = styles()
        width = frame_width()
        over = Overflow(labels)
        story = _heading_block(ctx, over, labels("pub_title"))
        cycle = over.inline(ctx.cycle_name, what=labels("cycle"))
        story.append(para(labels("pub_notice", cycle=cycle), st.body))
        story.append(para(labels("pub_funding_note"), st.body))
        story.append(para(labels("pub_objection"), st.body))
        story.append(Spacer(1, 3 * MM))
        shares = [0.07, 0.15, 0.33, 0.22, 0.1, 0.13]
        extra_share = _grade_room([e.grade for e in publication.entries], width * shares[4]) / width
        shares[4] += extra_share  # taken from the name and host columns
        shares[2] -= extra_share / 2
        shares[3] -= extra_share / 2
        col = [width * s for s in shares]
        rows: list[list[Any]] = [
            [
                labels("col_rank"),
                labels("col_filing"),
                labels("col_platform"),
                labels("col_host"),
                labels("col_grade"),
                labels("col_funding"),
            ]
        ]
        extra: list[tuple[Any, ...]] = []
        for n, entry in enumerate(publication.entries, 1):
            funding = (
                labels("funding_yes", rank=entry.funding_rank)
                if entry.funding_rank is not None
                else ""
            )
            rows.append(
                [
                    "" if entry.rank is None else str(entry.rank),
                    fit(entry.filing_no, col[1], st.cell_small, over),
                    fit(entry.name, col[2], st.cell, over, what=labels("col_platform")),
                    fit(entry.host_unit, col[3], st.cell, over, what=labels("col_host")),
                    grade_cell(entry.grade, col[4]),
                    fit(funding, col[5], st.cell_small, over),
                ]
            )
            extra += grade_cell_style(4, n, entry.grade.code)
        story.append(table(rows, col, right=(0,), centre=(5,), extra=extra))
        if publication.pending:
            story.append(para(labels("pub_pending", count=publication.pending), st.note))
        seal = seal_block(labels("notice_seal"), _date(ctx.issued_on, labels))
        story[-1] = keep_with_end(story[-1], seal)
        story.extend(over.story())
        return story

    return DocumentPart(labels("pub_title"), build)


# ---------------------------------------------------------------- rectification notice


def rectification_notice(ctx: ReportContext, notice: RectificationNotice) -> DocumentPart:
    """A rectification notice (整改通知书) to the host unit of a failing platform."""
    labels = Labels(ctx.language)

    def build() -> list[Any]:
        from reportlab.platypus import Spacer

        st = styles()
        width = frame_width()
        over = Overflow(labels)
        name = over.inline(notice.name, what=labels("col_platform"))
        filing = over.inline(notice.filing_no, what=labels("col_filing"))
        host = over.inline(notice.host_unit, what=labels("col_host")) if notice.host_unit else name
        story: list[Any] = [
            bold(labels("notice_title"), st.title),
            para(confirmation_line(ctx), st.centred_note),
            para(labels("notice_no", filing=filing), st.right),
            Spacer(1, 4 * MM),
            para(labels("notice_greeting", host=host), st.body_plain),
            para(
                labels(
                    "notice_body",
                    platform=name,
                    filing=filing,
                    cycle=over.inline(ctx.cycle_name, what=labels("cycle")),
                    score=number(notice.score, ctx.score_decimals),
                    grade=grade_text(notice.grade),
                ),
                st.body,
            ),
            *heading(labels("notice_problems")),
        ]
        if notice.weak_indicators:
            story.append(para(labels("notice_weak"), st.body_plain))
            col = [width * s for s in (0.1, 0.48, 0.14, 0.14, 0.14)]
            rows: list[list[Any]] = [
                [
                    labels("col_code"),
                    labels("col_indicator"),
                    labels("col_max"),
                    labels("col_mean"),
                    labels("col_rate"),
                ],
                *(
                    [
                        fit(w.code, col[0], st.cell, over),
                        fit(w.name, col[1], st.cell, over),
                        number(w.max_points, POINT_DECIMALS),
                        number(w.mean, ctx.score_decimals),
                        percent(w.share),
                    ]
                    for w in notice.weak_indicators
                ),
            ]
            story.append(table(rows, col, centre=(0,), right=(2, 3, 4)))
        for problem in notice.problems:
            story.append(para(f"· {problem}", st.body_plain))
        if notice.panel_opinion.strip():
            story.append(Spacer(1, 2 * MM))
            story.append(para(labels("notice_opinion"), st.body_plain))
            story.append(para(notice.panel_opinion, st.body))
        story.extend(heading(labels("notice_requirements")))
        if notice.deadline is not None:
            story.append(
                para(labels("notice_deadline", deadline=_date(notice.deadline, labels)), st.body)
            )
        elif notice.rectification_months is not None:
            months = labels("notice_deadline_months", months=notice.rectification_months)
            story.append(para(months, st.body))
        else:
            story.append(para(labels("notice_deadline_open"), st.body))
        story.extend(heading(labels("notice_basis")))
        seal = seal_block(labels("notice_seal"), _date(ctx.issued_on, labels))
        story.append(keep_with_end(para(labels("notice_policy"), st.body), seal))
        story.extend(over.story())
        return story

    return DocumentPart(
        f"{labels('notice_title')} — {notice.name}",
        build,
        group=labels("notice_title"),
        bookmark=notice.name,
    )
