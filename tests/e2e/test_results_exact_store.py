"""The results of a real store, computed the fast way (issue 16, W3), are what the plain
formulas give: every sheet read as the store's ExactPoints reads it, every exact score,
area score, rounding, grade and rank — including hostile values put into the store."""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from pathlib import Path

from exact_reference import reference_round
from sqlalchemy import Float, literal, select, update
from sqlalchemy.orm import Session
from stores import is_server

from jlpanel.domain.aggregation import policy_weights, summarize
from jlpanel.domain.results import PlatformInput, PlatformResult, VetoRuling, compute_results
from jlpanel.domain.rules import RuleSettings, grade_for_score
from jlpanel.domain.scoresheet import (
    Provenance,
    ScoreSheet,
    area_points,
    expert_total,
    validate_sheet,
)
from jlpanel.services.history import previous_standing
from jlpanel.services.results import _details, compute_workspace_results, load_platform_inputs
from jlpanel.services.rubrics import rubric_from_snapshot
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m
from jlpanel.storage import workspace as store
from jlpanel.storage.engines import parse_location


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


def _reference_inputs(s: Session) -> list[PlatformInput]:
    """The cycle's inputs read the plain way: ORM objects of the session (limited to its
    cycle), every point through ExactPoints, sheets and platforms in id order."""
    conflicted = set(s.execute(select(m.Conflict.expert_id, m.Conflict.platform_id)).all())
    standing = previous_standing(s)
    adjusted = {
        a.platform_id: a.adjusted_score
        for a in s.scalars(select(m.Adjustment).order_by(m.Adjustment.at, m.Adjustment.id))
    }
    rulings: dict[int, dict[str, VetoRuling]] = {}
    for r in s.scalars(select(m.VetoRuling).order_by(m.VetoRuling.at, m.VetoRuling.id)):
        rulings.setdefault(r.platform_id, {})[r.veto_code] = VetoRuling(
            r.ruling == "confirm", r.reason
        )
    inputs = []
    for p in s.scalars(select(m.Platform).order_by(m.Platform.id)):
        sheets = [
            ScoreSheet(
                expert_id=str(sh.expert_id),
                platform_id=str(sh.platform_id),
                points={i.indicator_code: i.points for i in sh.indicator_scores},
                comments={i.indicator_code: i.comment for i in sh.indicator_scores if i.comment},
                vetoes={v.veto_code: v.reason or "" for v in sh.veto_claims},
                bonus={b.item_code: b.points for b in sh.bonus_scores},
                overall_comment=sh.overall_comment or "",
                provenance=Provenance(sh.provenance),
                revision=sh.revision,
            )
            for sh in s.scalars(
                select(m.ScoreSheet)
                .where(m.ScoreSheet.platform_id == p.id)
                .order_by(m.ScoreSheet.id)
            )
            if (sh.expert_id, p.id) not in conflicted
        ]
        before = standing.get(p.filing_no)
        inputs.append(
            PlatformInput(
                platform_id=str(p.id),
                sheets=sheets,
                previous_grade=before.grade if before else None,
                earlier=None,
                adjusted_score=adjusted.get(p.id),
                veto_rulings=rulings.get(p.id, {}),
                label=p.filing_no,
            )
        )
    return inputs


def _sheet_text(sheet: ScoreSheet) -> str:
    """Everything a sheet holds, each decimal as written (7.50 is not 7.5 here)."""
    return repr(
        (
            sheet.expert_id,
            sorted((c, repr(v)) for c, v in sheet.points.items()),
            sorted(sheet.comments.items()),
            sorted(sheet.vetoes.items()),
            sorted((c, repr(v)) for c, v in sheet.bonus.items()),
            sheet.overall_comment,
            sheet.provenance,
            sheet.revision,
        )
    )


def _result_text(r: PlatformResult) -> str:
    """A result as it is stored and shown, its exact decimals as written."""
    return json.dumps(
        [
            r.platform_id,
            repr(r.score),
            repr(r.exact_score),
            r.rank,
            r.grade.value if r.grade else None,
            r.decision.kind.value,
            str(r.decision.deadline),
            r.decision.funding_rank,
            _details(r),
        ],
        sort_keys=True,
        ensure_ascii=False,
    )


def test_the_fast_read_of_a_cycle_is_the_plain_read_on_either_engine(
    merged_demo: Path, tmp_path: Path, any_store: str
) -> None:
    """load_platform_inputs reads the driver's rows (issue 16, W3: 1.3 s on a server at
    2,000 platforms through SQLAlchemy's rows): on a file and on a server, it gives what the
    ORM's objects give — limited to the cycle in a store of two scored cycles, hostile stored
    doubles included — and the results computed from either are the same to the last digit."""
    copy = tmp_path / "demo.jlpanel"
    shutil.copyfile(merged_demo, copy)
    # Both cycles of the demo store hold scores: a read not limited to one would mix them.
    assert len(cycles_with_scores(copy)) == 2
    location: str | Path = copy
    if is_server(any_store):
        source = store.open_engine(copy)
        try:
            store.copy_store(source, parse_location(any_store))
        finally:
            source.dispose()
        location = any_store
    # Hostile stored doubles (a server keeps the negative zero, a file makes it 0), bonus
    # points written two ways.
    hostile = [-0.0, 2.5, 0.0, 0.1, 3.3000000000000003, 7.25, 1e-05, 4.0]
    with open_workspace(location, backup=False) as ws, ws.session() as s:
        ids = list(s.scalars(select(m.IndicatorScore.id).order_by(m.IndicatorScore.id)))
        for n, value in enumerate(hostile):
            s.execute(
                update(m.IndicatorScore)
                .where(m.IndicatorScore.id == ids[3 * n])
                .values(points=literal(value, Float()))  # the double itself
            )
        sheets = list(s.scalars(select(m.ScoreSheet.id).order_by(m.ScoreSheet.id)))
        cycle = s.scalars(select(m.Cycle)).one()
        rubric = rubric_from_snapshot(cycle.rubric_json)
        rules = RuleSettings.from_dict(json.loads(cycle.rules_json))
        code = rubric.bonus_items[0].code if rubric.bonus_items else "X1"
        s.add(m.BonusScore(sheet_id=sheets[0], item_code=code, points=Decimal("1.50")))
        s.add(m.BonusScore(sheet_id=sheets[1], item_code=code, points=Decimal("0.5")))
    with open_workspace(location, read_only=True) as ws, ws.reading() as s:
        fast = load_platform_inputs(s)
        plain = _reference_inputs(s)

    assert len(fast) == 24
    # In the order the loader read them (no order asked: as before), to compare what they hold.
    by_id = {p.platform_id: p for p in plain}
    assert sorted(by_id) == sorted(p.platform_id for p in fast)
    plain = []
    for f in fast:
        p = by_id[f.platform_id]
        experts = {sh.expert_id: sh for sh in p.sheets}
        assert sorted(experts) == sorted(sh.expert_id for sh in f.sheets)
        plain.append(
            replace(p, sheets=[experts[sh.expert_id] for sh in f.sheets], earlier=f.earlier)
        )
        assert [_sheet_text(x) for x in f.sheets] == [_sheet_text(x) for x in plain[-1].sheets]
        assert (f.previous_grade, f.adjusted_score, f.veto_rulings, f.label) == (
            p.previous_grade,
            p.adjusted_score,
            p.veto_rulings,
            p.label,
        )
    read = {repr(v) for f in fast for sh in f.sheets for v in sh.points.values()}
    kept = hostile if is_server(any_store) else hostile[1:]
    assert read >= {repr(Decimal(repr(v))) for v in kept}
    assert ("Decimal('-0.0')" in read) == is_server(any_store)
    assert sorted(repr(v) for f in fast for sh in f.sheets for v in sh.bonus.values()) == [
        "Decimal('0.5')",
        "Decimal('1.5')",  # the store keeps a double
    ]
    by_fast, by_plain = (
        compute_results(rubric, rules, inputs, kept_deadlines={}, tie_orders=[])
        for inputs in (fast, plain)
    )
    assert [_result_text(r) for r in by_fast.platforms] == [
        _result_text(r) for r in by_plain.platforms
    ]
    assert sum(r.score is not None for r in by_fast.platforms) >= 10


def cycles_with_scores(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [
            name
            for (name,) in connection.execute(
                "SELECT DISTINCT c.name FROM cycles c JOIN platforms p ON p.cycle_id = c.id "
                "JOIN score_sheets s ON s.platform_id = p.id"
            )
        ]


def test_the_results_are_computed_with_the_collector_paused_and_leave_it_as_it_was(
    merged_demo: Path,
) -> None:
    """A cycle's results make many objects alive at once, which the cycle collector walked
    again and again (100-300 ms of W3 at 2,000 platforms): no collection runs while they are
    computed (one young collection as it ends, of what it deferred), and the collector is as
    it was after, enabled or not."""
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    with open_workspace(merged_demo, read_only=True) as ws:
        gc.callbacks.append(seen)
        try:
            gc.collect()
            collections.clear()
            results = compute_workspace_results(ws)
            during = list(collections)
            junk = [[n] for n in range(10_000)]  # enabled again: collections run
            after = list(collections)
            gc.disable()
            try:
                compute_workspace_results(ws)
                assert not gc.isenabled()
            finally:
                gc.enable()
        finally:
            gc.callbacks.remove(seen)
    assert len(results.platforms) == 24 and len(junk) == 10_000
    assert len(during) <= 1
    assert len(after) > len(during)
