"""A cycle's scores and results as pandas DataFrames, for department analysts in Jupyter.

    pip install "jlpanel[analysis]"

    from jlpanel import analysis
    scores = analysis.scores("2025年度.jlpanel")     # one row per expert × platform × item
    results = analysis.results("2025年度.jlpanel")   # one row per platform, rank order
    analysis.leniency("2025年度.jlpanel")            # one row per expert
    analysis.register("2025年度.jlpanel")            # every platform's grade, cycle by cycle

Every function takes a store — the path of a ``.jlpanel`` file, or a workspace opened already
(:class:`jlpanel.services.workspace.Workspace`, left open) — and opens a path read-only: no
backup, no claim, nothing written, so a store the desk has open can be read at the same time.
Results are what the desk computes (:mod:`jlpanel.services.results`), not a second reckoning.

Exact numbers: points, scores and amounts are exact decimals in jlpanel (a grade or a rank is
never decided by a binary float). Each comes twice here: ``points`` / ``score`` as float64 for
plotting and statistics, and ``points_exact`` / ``score_exact`` / ``funding_amount_exact`` as
``decimal.Decimal`` objects (object dtype; ``Series.sum()`` on them stays exact). Nothing is
rounded here; compare or total with the ``*_exact`` columns. Only leniency is a float in
jlpanel itself (a statistic for information, never applied to a score).

Grades are ordered categoricals (优秀 > 良好 > 合格 > 不合格, labels in ``language``), dates are
datetime64, nullable integers (a rank, a funding rank) are ``Int64``.

pandas is not a dependency of the desktop program: it is the ``analysis`` extra, imported
only when a function here is called.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import null, select

from jlpanel.domain.results import DECISION_LABELS, CycleResults, DecisionKind
from jlpanel.domain.rules import GRADE_ORDER, Grade
from jlpanel.services.dashboard import leniency_view
from jlpanel.services.results import compute_workspace_results, results_table, stored_decision_date
from jlpanel.services.workspace import Workspace, open_workspace
from jlpanel.storage import models as m

if TYPE_CHECKING:
    import pandas as pd

#: A store: a workspace path, or a workspace opened already.
Store = str | os.PathLike[str] | Workspace

#: What to install when pandas is missing.
INSTALL_HINT = 'pip install "jlpanel[analysis]"'

__all__ = ["INSTALL_HINT", "Store", "leniency", "register", "results", "scores"]


def _pandas() -> Any:
    """pandas, or an ImportError saying how to install it."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            f"jlpanel.analysis needs pandas, which the desktop program does not install: "
            f"{INSTALL_HINT}"
        ) from exc
    return pandas


@contextmanager
def _opened(store: Store) -> Iterator[Workspace]:
    """``store`` open for reading: a path opened read-only (and closed again), a workspace
    as it is."""
    if isinstance(store, Workspace):
        yield store
        return
    # TODO(store URLs): pass ``store`` as it is once open_workspace takes a URL too.
    with open_workspace(Path(store), read_only=True) as ws:
        yield ws


def _cycle_name(ws: Workspace) -> str:
    with ws.reading() as s:
        return s.scalars(select(m.Cycle.name)).one()


def _grades(pd: Any, grades: Sequence[Grade | None], language: str) -> Any:
    """An ordered categorical of grade labels, worst first (so ``max()`` is the best)."""
    labels = [g.label.get(language) for g in reversed(GRADE_ORDER)]
    return pd.Categorical(
        [None if g is None else g.label.get(language) for g in grades],
        categories=labels,
        ordered=True,
    )


def _decimals(pd: Any, values: Sequence[Decimal | None]) -> Any:
    return pd.Series(list(values), dtype=object)


def _floats(pd: Any, values: Sequence[Decimal | None]) -> Any:
    return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")


def _dates(pd: Any, values: Sequence[dt.date | None]) -> Any:
    return pd.to_datetime(pd.Series(list(values), dtype=object)).astype("datetime64[ns]")


def _strings(pd: Any, values: Sequence[str]) -> Any:
    # pandas' own text dtype: ``str`` from pandas 3, object before
    return pd.Series(list(values), dtype="str")


# ------------------------------------------------------------------------------ scores

#: The kinds of scored item, as in the results export's 评分明细.
SCORE_KINDS = ("indicator", "bonus")


def scores(store: Store, *, language: str = "zh") -> pd.DataFrame:
    """Every score merged into the cycle, long form: one row per expert × platform × item.

    Columns: ``cycle``, ``filing_no``, ``platform``, ``expert_id``, ``expert``, ``kind``
    (``indicator`` or ``bonus``), ``code`` and ``item`` (the indicator's or bonus item's code
    and name in ``language``, from the cycle's rubric), ``points`` (float64),
    ``points_exact`` (``Decimal``, object dtype: the points exactly as stored), ``comment``,
    ``revision`` (the score file's revision; 0 for a paper sheet), ``source`` (``package``:
    a signed score file; ``paper``: a paper sheet typed in), ``source_file`` and ``counted``
    (whether the sheet counts in the results: valid and free of conflicts of interest).

    Veto claims carry no points and are not rows here. Rows are in expert, platform and
    rubric order.
    """
    pd = _pandas()
    with _opened(store) as ws:
        info = ws.cycle_info()
        computed = compute_workspace_results(ws)
        rows = _score_rows(ws)
    counted = {(int(e), int(r.platform_id)) for r in computed.platforms for e in r.expert_totals}
    names: dict[tuple[str, str], tuple[int, str]] = {}
    for i in info.rubric.indicators:
        names["indicator", i.code] = (len(names), i.name.get(language))
    for b in info.rubric.bonus_items:
        names["bonus", b.code] = (len(names), b.name.get(language))

    def order(row: tuple[Any, ...]) -> tuple[Any, ...]:
        eid, expert, _pid, filing_no, _platform, kind, code = row[:7]
        where = names.get((kind, code), (len(names), ""))[0]
        return (expert, eid, filing_no, SCORE_KINDS.index(kind), where, code)

    rows.sort(key=order)
    cols = list(zip(*rows, strict=True)) if rows else [()] * 12
    eids, experts, pids, filing_nos, platforms, kinds, codes, points = cols[:8]
    comments, sources, revisions, files = cols[8:]
    return pd.DataFrame(
        {
            "cycle": _strings(pd, [info.name] * len(rows)),
            "filing_no": _strings(pd, filing_nos),
            "platform": _strings(pd, platforms),
            "expert_id": pd.Series(eids, dtype="int64"),
            "expert": _strings(pd, experts),
            "kind": _strings(pd, kinds),
            "code": _strings(pd, codes),
            "item": _strings(
                pd, [names.get((k, c), (0, ""))[1] for k, c in zip(kinds, codes, strict=True)]
            ),
            "points": _floats(pd, points),
            "points_exact": _decimals(pd, points),
            "comment": _strings(pd, [c or "" for c in comments]),
            "revision": pd.Series(revisions, dtype="int64"),
            "source": _strings(pd, sources),
            "source_file": _strings(pd, [f or "" for f in files]),
            "counted": pd.Series(
                [(e, p) in counted for e, p in zip(eids, pids, strict=True)], dtype="bool"
            ),
        }
    )


def _score_rows(ws: Workspace) -> list[tuple[Any, ...]]:
    """(expert id, expert, platform id, filing no, platform, kind, code, points, comment,
    provenance, revision, source file) of every indicator and bonus score."""
    head = (m.Expert.id, m.Expert.name, m.Platform.id, m.Platform.filing_no, m.Platform.name)
    tail = (m.ScoreSheet.provenance, m.ScoreSheet.revision, m.ScoreSheet.source_file)

    def of_sheets(model: Any, kind: str, *columns: Any) -> Any:
        return (
            select(*head, *columns, *tail)
            .select_from(model)
            .join(m.ScoreSheet, model.sheet_id == m.ScoreSheet.id)
            .join(m.Expert, m.ScoreSheet.expert_id == m.Expert.id)
            .join(m.Platform, m.ScoreSheet.platform_id == m.Platform.id)
        ), kind

    queries = (
        of_sheets(
            m.IndicatorScore,
            "indicator",
            m.IndicatorScore.indicator_code,
            m.IndicatorScore.points,
            m.IndicatorScore.comment,
        ),
        of_sheets(m.BonusScore, "bonus", m.BonusScore.item_code, m.BonusScore.points, null()),
    )
    with ws.reading() as s:
        return [
            (eid, expert, pid, filing_no, platform, kind, code, points, text, prov, rev, src)
            for query, kind in queries
            for eid, expert, pid, filing_no, platform, code, points, text, prov, rev, src in (
                s.execute(query)
            )
        ]


# ----------------------------------------------------------------------------- results


def _computed(ws: Workspace) -> CycleResults:
    """The results as the desk shows them: decided as of the confirmation in force."""
    return compute_workspace_results(ws, decision_date=stored_decision_date(ws))


def results(store: Store, *, language: str = "zh") -> pd.DataFrame:
    """Every platform's result in rank order (unranked last), as the desk computes it.

    Columns: ``cycle``, ``rank`` (Int64), ``filing_no``, ``platform``, ``host_unit``,
    ``score`` (float64) and ``score_exact`` (``Decimal``: the score that counts, the
    consensus adjustment if any), ``computed_score_exact`` (``Decimal``: the experts'),
    ``adjusted``,
    ``n_valid`` (valid, conflict-free score sheets), ``grade`` (ordered categorical),
    ``final`` (enough valid scores for the result to stand), ``decision`` (label in
    ``language``) and ``decision_code`` (``funding_candidate``, ``maintain``, ``rectify``,
    ``disqualify``, ``pending``), ``deadline`` (datetime64, the rectification deadline),
    ``funding_rank`` (Int64), ``funding_amount_exact`` (``Decimal``, 万元), ``barred``,
    ``previous_grade`` (ordered categorical: the last earlier cycle's final grade).
    """
    pd = _pandas()
    with _opened(store) as ws:
        cycle = _cycle_name(ws)
        lines = results_table(ws, language, results=_computed(ws))
    return pd.DataFrame(
        {
            "cycle": _strings(pd, [cycle] * len(lines)),
            "rank": pd.Series([x.rank for x in lines], dtype="Int64"),
            "filing_no": _strings(pd, [x.filing_no for x in lines]),
            "platform": _strings(pd, [x.name for x in lines]),
            "host_unit": _strings(pd, [x.host_unit for x in lines]),
            "score": _floats(pd, [x.score for x in lines]),
            "score_exact": _decimals(pd, [x.score for x in lines]),
            "computed_score_exact": _decimals(pd, [x.computed_score for x in lines]),
            "adjusted": pd.Series([x.adjusted for x in lines], dtype="bool"),
            "n_valid": pd.Series([x.n_valid for x in lines], dtype="int64"),
            "grade": _grades(pd, [x.grade for x in lines], language),
            "final": pd.Series([x.is_final for x in lines], dtype="bool"),
            "decision": _strings(pd, [x.decision_label for x in lines]),
            "decision_code": _strings(pd, [x.decision.value for x in lines]),
            "deadline": _dates(pd, [x.deadline for x in lines]),
            "funding_rank": pd.Series([x.funding_rank for x in lines], dtype="Int64"),
            "funding_amount_exact": _decimals(pd, [x.funding_amount for x in lines]),
            "barred": pd.Series([x.barred for x in lines], dtype="bool"),
            "previous_grade": _grades(pd, [x.previous_grade for x in lines], language),
        }
    )


# ---------------------------------------------------------------------------- leniency


def leniency(store: Store) -> pd.DataFrame:
    """How each expert scores compared with the panels they sat on, most lenient first.

    Columns: ``cycle``, ``expert_id``, ``expert``, ``n`` (platforms shared with at least one
    other expert), ``mean_deviation`` (mean of own total − that platform's panel mean, in
    points) and ``mean_z`` (mean z-score within each panel). Both are float64, computed in
    floats by jlpanel itself (:func:`jlpanel.domain.aggregation.leniency`): information for
    the panel, never applied to a score.
    """
    pd = _pandas()
    with _opened(store) as ws:
        cycle = _cycle_name(ws)
        lines = leniency_view(ws)
    return pd.DataFrame(
        {
            "cycle": _strings(pd, [cycle] * len(lines)),
            "expert_id": pd.Series([x.expert_id for x in lines], dtype="int64"),
            "expert": _strings(pd, [x.name for x in lines]),
            "n": pd.Series([x.n for x in lines], dtype="int64"),
            "mean_deviation": pd.Series([x.mean_deviation for x in lines], dtype="float64"),
            "mean_z": pd.Series([x.mean_z for x in lines], dtype="float64"),
        }
    )


# ---------------------------------------------------------------------------- register


def register(store: Store, *, language: str = "zh") -> pd.DataFrame:
    """Every platform's grade and decision cycle by cycle: the earlier cycles the store holds
    (考核历史) and this cycle's results as computed now.

    Columns: ``filing_no`` (as this cycle's platform writes it), ``platform``, ``cycle``,
    ``cycle_end`` (datetime64), ``grade`` (ordered categorical), ``decision`` (label in
    ``language``, empty when the history did not say) and ``decision_code``, ``barred``,
    ``final``, ``current`` (True for this cycle's rows) and ``source`` (the file an earlier
    cycle's grade came from; empty for this cycle). Rows are by filing number, oldest cycle
    first.
    """
    pd = _pandas()
    with _opened(store) as ws:
        info = ws.cycle_info()
        rows = _register_rows(ws, info.name, info.period_end, language)
    rows.sort(key=lambda r: (r[0], r[3] or dt.date.min, r[2]))
    cols = list(zip(*rows, strict=True)) if rows else [()] * 11
    filing_nos, platforms, cycles, ends, grades, decisions, codes, barred, final = cols[:9]
    current, sources = cols[9:]
    return pd.DataFrame(
        {
            "filing_no": _strings(pd, filing_nos),
            "platform": _strings(pd, platforms),
            "cycle": _strings(pd, cycles),
            "cycle_end": _dates(pd, ends),
            "grade": _grades(pd, grades, language),
            "decision": _strings(pd, decisions),
            "decision_code": _strings(pd, codes),
            "barred": pd.Series(barred, dtype="bool"),
            "final": pd.Series(final, dtype="bool"),
            "current": pd.Series(current, dtype="bool"),
            "source": _strings(pd, sources),
        }
    )


def _register_rows(
    ws: Workspace, cycle: str, cycle_end: dt.date | None, language: str
) -> list[tuple[Any, ...]]:
    """(filing no, platform, cycle, cycle end, grade, decision label, decision code, barred,
    final, current, source) of every line of the store's register (平台名录) that counts —
    each cycle's confirmed grade and decision and the history imported from earlier files,
    not a reverted line or a follow-up — and of this cycle's results while it is not
    confirmed (``current``)."""
    from sqlalchemy import select

    from jlpanel.storage import models as m

    rows: list[tuple[Any, ...]] = []
    confirmed_here = False
    with ws.reading() as s:
        lines = s.execute(
            select(m.RegisterEntry, m.RegisterEvent)
            .join(m.RegisterEvent, m.RegisterEvent.entry_id == m.RegisterEntry.id)
            .where(m.RegisterEvent.reverted_at.is_(None), m.RegisterEvent.origin != "rectification")
            .order_by(m.RegisterEvent.id)
        ).all()
        for entry, event in lines:
            decision = DecisionKind(event.decision) if event.decision else None
            is_current = event.cycle_name == cycle
            confirmed_here = confirmed_here or (is_current and event.origin == "confirmation")
            rows.append(
                (
                    entry.filing_no,
                    entry.name,
                    event.cycle_name,
                    event.cycle_end,
                    Grade(event.grade) if event.grade else None,
                    DECISION_LABELS[decision].get(language) if decision else "",
                    decision.value if decision else "",
                    event.barred,
                    event.is_final,
                    is_current,
                    event.origin_ref or event.origin,
                )
            )
    if not confirmed_here:
        rows.extend(
            (
                x.filing_no,
                x.name,
                cycle,
                cycle_end,
                x.grade,
                x.decision_label,
                x.decision.value,
                x.barred,
                x.is_final,
                True,
                "",
            )
            for x in results_table(ws, language, results=_computed(ws))
        )
    return rows
