"""The results of a real store, computed the fast way (issue 16, W3), are what the plain
formulas give: every sheet read as the store's ExactPoints reads it, every exact score,
area score, rounding, grade and rank — including hostile values put into the store."""

from __future__ import annotations

import shutil
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

from exact_reference import reference_round
from sqlalchemy import select, update

from jlpanel.domain.aggregation import policy_weights, summarize
from jlpanel.domain.rules import grade_for_score
from jlpanel.domain.scoresheet import area_points, expert_total, validate_sheet
from jlpanel.services.results import compute_workspace_results, load_platform_inputs
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    """Equal and written alike (7.50 is not 7.5 here)."""
    return repr(a) == repr(b)


def test_results_of_the_demo_store_are_the_plain_formulas(merged_demo: Path, tmp_path: Path):
    copy = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, copy)
    with open_workspace(copy, backup=False) as ws:
        with ws.session() as s:
            # Hostile stored values: a negative zero (SQLite keeps it as 0), a half point
            # that moves a total onto an x.5, a zero; the store keeps doubles.
            ids = list(s.scalars(select(m.IndicatorScore.id).order_by(m.IndicatorScore.id)))
            assert len(ids) > 100
            s.execute(
                update(m.IndicatorScore).where(m.IndicatorScore.id == ids[0]).values(points=-0.0)
            )
            s.execute(
                update(m.IndicatorScore).where(m.IndicatorScore.id == ids[1]).values(points=2.5)
            )
            s.execute(
                update(m.IndicatorScore).where(m.IndicatorScore.id == ids[2]).values(points=0.0)
            )
        rubric, rules = ws.cycle_info().rubric, ws.cycle_info().rules
        with ws.reading() as s:
            inputs = load_platform_inputs(s)
            stored = {
                (str(e), str(p), code): v
                for e, p, code, v in s.execute(
                    select(
                        m.ScoreSheet.expert_id,
                        m.ScoreSheet.platform_id,
                        m.IndicatorScore.indicator_code,
                        m.IndicatorScore.points,  # through ExactPoints, as the ORM reads it
                    ).join(m.ScoreSheet, m.ScoreSheet.id == m.IndicatorScore.sheet_id)
                )
            }
        read = {
            (sheet.expert_id, sheet.platform_id, code): v
            for inp in inputs
            for sheet in inp.sheets
            for code, v in sheet.points.items()
        }
        assert read.keys() <= stored.keys()
        assert all(_same(v, stored[k]) for k, v in read.items())
        assert sum(repr(v) in ("Decimal('0.0')", "Decimal('2.5')") for v in read.values()) >= 2
        results = compute_workspace_results(ws)

    by_id = {r.platform_id: r for r in results.platforms}
    scored = 0
    for inp in inputs:
        r = by_id[inp.platform_id]
        valid = [sh for sh in inp.sheets if not validate_sheet(sh, rubric)]
        excluded = {sh.expert_id: tuple(validate_sheet(sh, rubric)) for sh in inp.sheets}
        assert dict(r.excluded) == {e: p for e, p in excluded.items() if p}
        assert r.n_valid == len(valid)
        if not valid:
            assert r.exact_score is None
            continue
        scored += 1
        areas = {sh.expert_id: area_points(sh, rubric) for sh in valid}
        totals = {sh.expert_id: expert_total(sh, rubric) for sh in valid}
        assert all(_same(r.expert_totals[e], t) for e, t in totals.items())
        weights = policy_weights(totals, rules.score_policy, rules.trim_min_n)
        exact = sum((w * Fraction(totals[e]) for e, w in weights.items() if w), Fraction(0))
        assert r.exact_score == exact
        assert _same(r.computed_score, reference_round(exact, rules.score_decimals))
        for a in rubric.areas:
            area = sum(
                (w * Fraction(areas[e][a.code]) for e, w in weights.items() if w), Fraction(0)
            )
            assert r.exact_area_scores[a.code] == area
            assert _same(r.area_scores[a.code], reference_round(area, rules.score_decimals))
        total = summarize(list(totals.values()), rules.trim_min_n)
        assert r.total == total
        assert _same(r.total.mean, reference_round(Fraction(total.total) / total.n, 2))
        assert _same(
            r.total.trimmed_mean,
            reference_round(Fraction(total.trimmed_total) / total.trimmed_n, 2),
        )
        for i in rubric.indicators:
            points = [sh.points[i.code] or Decimal(0) for sh in valid]
            assert r.indicators[i.code] == summarize(points, rules.trim_min_n)
        if inp.adjusted_score is None and not r.vetoes and r.grade_by_rules is not None:
            assert r.score is not None
            assert r.grade_by_rules == grade_for_score(r.score, rules) or r.floors_missed
    assert scored >= 10
    # Ranks follow the exact scores: a better score never ranks below a worse one.
    ranked = [r for r in results.ranked() if r.rank is not None and not r.vetoes]
    for better, worse in pairwise(ranked):
        assert better.score is not None and worse.score is not None
        assert better.rank <= worse.rank and better.score >= worse.score  # type: ignore[operator]
