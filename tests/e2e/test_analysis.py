"""jlpanel.analysis: the merged demo cycle as DataFrames, value for value what the services say,
and the README's "Analysis in Jupyter" example run as written."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd  # noqa: TID253 (this module is about pandas)
import pytest
from pandas.api import types  # noqa: TID253
from sqlalchemy import func, select

from jlpanel import analysis
from jlpanel.cli import main
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import GRADE_ORDER
from jlpanel.services.dashboard import leniency_view
from jlpanel.services.demo_scores import (
    EXPECTED_DEMO,
    FRAUD_PLATFORM,
    LENIENT_EXPERT,
    PREVIOUS_CYCLE,
)
from jlpanel.services.register import register_lines
from jlpanel.services.results import compute_workspace_results, results_table
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
GRADES_ZH = ["不合格", "合格", "良好", "优秀"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def frames(merged_demo: Path) -> dict[str, pd.DataFrame]:
    """The four frames of the merged demo, read once; the store must not change."""
    before = digest(merged_demo)
    out = {
        "scores": analysis.scores(merged_demo),
        "results": analysis.results(str(merged_demo)),
        "leniency": analysis.leniency(merged_demo),
        "register": analysis.register(merged_demo),
    }
    assert digest(merged_demo) == before
    return out


def is_text(series: pd.Series) -> bool:
    return types.is_string_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype)


def test_scores_are_every_stored_point_in_long_form_exactly(
    merged_demo: Path, frames: dict[str, pd.DataFrame]
) -> None:
    scores = frames["scores"]
    with open_workspace(merged_demo, read_only=True) as ws:
        with ws.reading() as s:
            stored = s.scalar(select(func.count()).select_from(m.IndicatorScore)) or 0
            bonus = s.scalar(select(func.count()).select_from(m.BonusScore)) or 0
            sheets = s.scalar(select(func.count()).select_from(m.ScoreSheet)) or 0
            points = {
                (expert, filing_no, code): p
                for expert, filing_no, code, p in s.execute(
                    select(
                        m.Expert.name,
                        m.Platform.filing_no,
                        m.IndicatorScore.indicator_code,
                        m.IndicatorScore.points,
                    )
                    .join(m.ScoreSheet, m.IndicatorScore.sheet_id == m.ScoreSheet.id)
                    .join(m.Expert, m.ScoreSheet.expert_id == m.Expert.id)
                    .join(m.Platform, m.ScoreSheet.platform_id == m.Platform.id)
                )
            }
        info = ws.cycle_info()
        computed = compute_workspace_results(ws)
    indicators = len(info.rubric.indicators)
    # long form: one row per stored item, every sheet complete
    assert len(scores) == stored + bonus == sheets * indicators
    assert stored > 2000
    assert list(scores.columns) == [
        "cycle",
        "filing_no",
        "platform",
        "expert_id",
        "expert",
        "kind",
        "code",
        "item",
        "points",
        "points_exact",
        "comment",
        "revision",
        "source",
        "source_file",
        "counted",
    ]
    for text in ("cycle", "filing_no", "platform", "expert", "kind", "code", "item", "source"):
        assert is_text(scores[text]), text
    assert scores["points"].dtype == "float64"
    assert scores["points_exact"].dtype == object
    assert scores["expert_id"].dtype == "int64" and scores["revision"].dtype == "int64"
    assert scores["counted"].dtype == bool
    assert set(scores["cycle"]) == {info.name}
    assert set(scores["kind"]) == {"indicator"}
    assert set(scores["source"]) == {"package"} and set(scores["revision"]) == {1}
    # exact: the Decimal each row holds is the stored one, the float is its value
    assert all(type(p) is Decimal for p in scores["points_exact"])
    got = {
        (e, f, c): p
        for e, f, c, p in zip(
            scores["expert"],
            scores["filing_no"],
            scores["code"],
            scores["points_exact"],
            strict=True,
        )
    }
    assert got == points
    assert (scores["points"] == scores["points_exact"].map(float)).all()
    # the rubric names the items, in rubric order within each sheet
    names = {i.code: i.name.zh for i in info.rubric.indicators}
    assert (scores["item"] == scores["code"].map(names)).all()
    first = scores[(scores["expert"] == scores["expert"].iloc[0])]
    one_sheet = first[first["filing_no"] == first["filing_no"].iloc[0]]
    assert list(one_sheet["code"]) == [i.code for i in info.rubric.indicators]
    # counted: exactly the sheets behind the results, whose exact sums are the experts' totals
    counted = scores[scores["counted"]]
    sums = counted.groupby(["filing_no", "expert_id"])["points_exact"].sum()
    filing = {r.platform_id: r for r in computed.platforms}
    with open_workspace(merged_demo, read_only=True) as ws, ws.reading() as s:
        numbers = dict(s.execute(select(m.Platform.id, m.Platform.filing_no)).all())
    expected = {
        (numbers[int(pid)], int(e)): total
        for pid, r in filing.items()
        for e, total in r.expert_totals.items()
    }
    assert dict(sums.items()) == expected
    assert scores["counted"].all()  # the demo's conflicts were declared before scoring


def test_a_sheet_left_out_for_a_conflict_is_listed_but_not_counted(
    merged_demo: Path, tmp_path: Path
) -> None:
    store = tmp_path / "cycle.jlpanel"
    shutil.copyfile(merged_demo, store)
    before = analysis.results(store).set_index("filing_no")["n_valid"]
    # a conflict that came to light after the merge (as test_experts declares one)
    with open_workspace(store, backup=False) as ws, ws.session() as s:
        expert_id, platform_id, filing_no = s.execute(
            select(m.ScoreSheet.expert_id, m.ScoreSheet.platform_id, m.Platform.filing_no)
            .join(m.Platform, m.ScoreSheet.platform_id == m.Platform.id)
            .order_by(m.ScoreSheet.id)
            .limit(1)
        ).one()
        s.add(
            m.Conflict(
                expert_id=expert_id, platform_id=platform_id, source="declared", reason="亲属"
            )
        )
    scores = analysis.scores(store)
    mine = (scores["expert_id"] == expert_id) & (scores["filing_no"] == filing_no)
    assert mine.sum() > 0
    assert not scores.loc[mine, "counted"].any()
    assert scores.loc[~mine, "counted"].all()
    after = analysis.results(store).set_index("filing_no")["n_valid"]
    assert after[filing_no] == before[filing_no] - 1


def test_results_are_the_services_results(
    merged_demo: Path, frames: dict[str, pd.DataFrame]
) -> None:
    results = frames["results"]
    with open_workspace(merged_demo, read_only=True) as ws:
        lines = results_table(ws)
    assert len(results) == len(lines) == 24
    assert list(results["filing_no"]) == [x.filing_no for x in lines]
    assert results["rank"].dtype == "Int64" and results["funding_rank"].dtype == "Int64"
    assert list(results["rank"]) == [x.rank for x in lines]
    assert results["score"].dtype == "float64"
    assert results["score_exact"].dtype == object
    assert list(results["score_exact"]) == [x.score for x in lines]
    assert all(type(v) is Decimal for v in results["score_exact"])
    assert list(results["computed_score_exact"]) == [x.computed_score for x in lines]
    assert list(results["score"]) == [float(x.score) for x in lines if x.score is not None]
    assert types.is_datetime64_any_dtype(results["deadline"])
    assert [None if pd.isna(d) else d.date() for d in results["deadline"]] == [
        x.deadline for x in lines
    ]
    assert results["final"].dtype == bool and results["final"].all()
    assert is_text(results["decision"]) and is_text(results["decision_code"])
    # grades: ordered, worst first, the Chinese labels by default
    grade = results["grade"]
    assert isinstance(grade.dtype, pd.CategoricalDtype) and grade.dtype.ordered
    assert list(grade.cat.categories) == GRADES_ZH
    assert grade.max() == "优秀" and grade.min() == "不合格"
    by_filing = dict(
        zip(results["filing_no"], zip(grade, results["decision_code"], strict=True), strict=True)
    )
    assert {f: by_filing[f] for f in EXPECTED_DEMO} == {
        f: (g.label.zh, d.value) for f, (g, d) in EXPECTED_DEMO.items()
    }
    assert Counter(grade) == Counter(x.grade_label for x in lines)
    assert list(results["previous_grade"].astype(object).fillna("")) == [
        x.previous_grade.label.zh if x.previous_grade else "" for x in lines
    ]
    english = analysis.results(merged_demo, language="en")
    assert list(english["grade"].cat.categories) == [g.label.en for g in reversed(GRADE_ORDER)]
    assert list(english["decision"]) == [x.decision_label for x in results_table_en(merged_demo)]


def results_table_en(store: Path) -> list[Any]:
    with open_workspace(store, read_only=True) as ws:
        return results_table(ws, "en")


def test_leniency_is_the_dashboards(merged_demo: Path, frames: dict[str, pd.DataFrame]) -> None:
    leniency = frames["leniency"]
    with open_workspace(merged_demo, read_only=True) as ws:
        lines = leniency_view(ws)
    assert len(leniency) == len(lines) == 7
    assert leniency["expert"].iloc[0] == LENIENT_EXPERT
    assert list(leniency["expert"]) == [x.name for x in lines]
    assert list(leniency["mean_deviation"]) == [x.mean_deviation for x in lines]
    assert list(leniency["mean_z"]) == [x.mean_z for x in lines]
    assert list(leniency["n"]) == [x.n for x in lines]
    assert leniency["mean_deviation"].dtype == "float64" and leniency["n"].dtype == "int64"


def test_the_register_is_the_history_and_this_cycle(
    merged_demo: Path, frames: dict[str, pd.DataFrame]
) -> None:
    register = frames["register"]
    results = frames["results"]
    with open_workspace(merged_demo, read_only=True) as ws:
        earlier_lines = register_lines(ws)
        info = ws.cycle_info()
    # The store's earlier cycle, confirmed, for every platform filed before it ended.
    assert len(register) == len(earlier_lines) + len(results) == 23 + 24
    assert types.is_datetime64_any_dtype(register["cycle_end"])
    assert isinstance(register["grade"].dtype, pd.CategoricalDtype)
    assert register["current"].dtype == bool
    earlier = register[~register["current"]]
    assert set(earlier["cycle"]) == {PREVIOUS_CYCLE}
    assert Counter(zip(earlier["filing_no"], earlier["grade"], strict=True)) == Counter(
        (x.filing_no, x.last_grade.label.zh) for x in earlier_lines if x.last_grade
    )
    now = register[register["current"]].set_index("filing_no")
    assert set(now["cycle"]) == {info.name}
    assert {d.date() for d in now["cycle_end"]} == {info.period_end}
    assert dict(now["grade"]) == dict(zip(results["filing_no"], results["grade"], strict=True))
    # oldest first per platform: the platform that failed twice reads 不合格, 不合格
    (twice,) = (
        f
        for f, (_, d) in EXPECTED_DEMO.items()
        if d is DecisionKind.DISQUALIFY and f != FRAUD_PLATFORM
    )
    rows = register[register["filing_no"] == twice]
    assert list(rows["grade"]) == ["不合格", "不合格"]
    assert list(rows["current"]) == [False, True]
    assert list(rows["decision_code"])[-1] == "disqualify"


def test_an_empty_cycle_gives_empty_frames_with_their_types(workspace: Path) -> None:
    scores = analysis.scores(workspace)
    results = analysis.results(workspace)
    register = analysis.register(workspace)
    leniency = analysis.leniency(workspace)
    assert len(scores) == len(results) == len(register) == len(leniency) == 0
    assert scores["points"].dtype == "float64" and scores["points_exact"].dtype == object
    assert scores["counted"].dtype == bool and is_text(scores["expert"])
    assert results["rank"].dtype == "Int64"
    assert list(results["grade"].cat.categories) == GRADES_ZH
    assert types.is_datetime64_any_dtype(register["cycle_end"])
    assert leniency["mean_z"].dtype == "float64"


def test_an_open_workspace_is_read_and_left_open(merged_demo: Path) -> None:
    with open_workspace(merged_demo, read_only=True) as ws:
        first = analysis.results(ws)
        again = analysis.leniency(ws)
        assert ws.cycle_info().platform_count == len(first) == 24  # still open
    assert len(again) == 7


def test_without_pandas_it_says_what_to_install(merged_demo: Path) -> None:
    script = (
        "import sys\n"
        "import jlpanel.analysis as a\n"
        "assert 'pandas' not in sys.modules, 'imported at once'\n"
        "sys.modules['pandas'] = None  # as if not installed\n"
        "try:\n"
        "    a.scores(sys.argv[1])\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(merged_demo)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert 'pip install "jlpanel[analysis]"' in done.stdout


def readme_section() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index("## Analysis in Jupyter")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def test_the_readme_example_runs_on_a_demo_built_by_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = readme_section()
    (shell,) = re.findall(r"```bash\n(.*?)```", section, re.S)
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    commands = [shlex.split(line) for line in shell.splitlines() if line.strip()]
    assert commands[0][:2] == ["pip", "install"] and commands[0][2] == "jlpanel[analysis]"
    monkeypatch.chdir(tmp_path)
    for command in commands[1:]:
        assert command[0] == "jlpanel"
        assert main(command[1:]) == 0, command
    names: dict[str, Any] = {}
    exec(compile(code, "README.md", "exec"), names)
    store = tmp_path / "demo" / "demo.jlpanel"
    with open_workspace(store, read_only=True) as ws:
        computed = compute_workspace_results(ws)
        info = ws.cycle_info()
        with ws.reading() as s:
            numbers = dict(s.execute(select(m.Platform.id, m.Platform.filing_no)).all())
            experts = dict(s.execute(select(m.Expert.id, m.Expert.name)).all())
    assert names["by_indicator"].shape == (len(info.rubric.indicators), 7)
    totals = names["totals"]
    assert totals.dtype == object
    assert dict(totals.items()) == {
        (numbers[int(r.platform_id)], experts[int(e)]): total
        for r in computed.platforms
        for e, total in r.expert_totals.items()
    }
    moved = names["moved"]
    assert list(moved.columns) == ["filing_no", "previous_grade", "grade"]
    with open_workspace(store, read_only=True) as ws:
        lines = results_table(ws)
    assert len(moved) == sum(1 for x in lines if x.grade != x.previous_grade) > 0
    assert names["leniency"]["expert"].iloc[0] == LENIENT_EXPERT
    assert len(names["register"]) == len(names["results"]) + 23


def test_a_confirmed_cycle_is_read_from_the_register_once(
    merged_demo: Path, tmp_path: Path
) -> None:
    """After 确定结果 the cycle's lines come from the register (the confirmation wrote them),
    not again from the results."""
    store = tmp_path / "store.jlpanel"
    shutil.copyfile(merged_demo, store)
    assert main(["confirm", str(store), "--date", "2026-03-01"]) == 0
    register = analysis.register(store)
    now = register[register["current"]]
    assert len(register) == 23 + 24 and len(now) == 24
    with open_workspace(store, read_only=True) as ws:
        cycle_id = ws.cycle_info().id
    assert all(source.startswith(f"{cycle_id}:") for source in now["source"])
    disqualified = set(now[now["decision_code"] == "disqualify"]["filing_no"])
    assert disqualified == {
        f for f, (_, d) in EXPECTED_DEMO.items() if d is DecisionKind.DISQUALIFY
    }
