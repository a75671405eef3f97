"""History matched to this cycle's platforms however a 备案编号 is written (issue 12 item 5).

Real history workbooks and earlier workspaces, read through the service and the CLI: lower
case, a zero-width space and full width are one platform, kept as the workspace writes it;
two spellings of one platform in one file are a duplicate naming both; invisible characters
are removed with a warning; a refusal changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from broken_workbooks import sample_dossier, write_dossier_workbook
from factories import dump
from review_support import build_cycle
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_history import (
    DAY,
    PREVIOUS,
    PREVIOUS_END,
    counts,
    entries,
    score_through_packages,
    stored_workspace,
)

from jlpanel.cli import main
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.exchange.history_sheet import HistoryRow, write_history_sheet
from jlpanel.services.history import (
    HistoryStatus,
    import_history,
    list_history,
    previous_standing,
)
from jlpanel.services.results import results_table
from jlpanel.services.workspace import Workspace, open_workspace
from jlpanel.storage import models as m
from jlpanel.storage import workspace as store
from jlpanel.storage.bulk import insert_rows

#: This cycle's platforms (review_support) written four ways in a history sheet.
VARIANTS = {
    "JLPT-2023-101": "jlpt-2023-101",  # lower case
    "JLPT-2023-102": "JLPT\u200b-2023-102",  # a zero-width space
    "JLPT-2023-103": "JLPT-2023-103",  # as the workspace writes it
    "JLPT-2023-104": "ＪＬＰＴ－２０２３－１０４",  # full width
}


@contextmanager
def held_by_an_older_version(ws: Workspace) -> Iterator[Session]:
    """A session on the workspace as the version before the register (revision 0004) wrote
    it; on leaving, this version's migrations bring it to the head (history → register)."""
    store.downgrade(ws.engine, "0004")
    with Session(ws.engine) as s, s.begin():
        yield s
    store.upgrade(ws.engine)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = build_cycle(tmp_path, others_work=False)
    yield workspace
    workspace.close()


def history(path: Path, rows: list[tuple[str, Grade]], cycle: str = PREVIOUS) -> Path:
    write_history_sheet(path, [HistoryRow(f, cycle, g, "", PREVIOUS_END) for f, g in rows])
    return path


def test_four_spellings_in_a_sheet_match_this_cycles_platforms(
    ws: Workspace, tmp_path: Path
) -> None:
    score_through_packages(ws, tmp_path, failing={101, 102, 104})
    path = history(tmp_path / "history.xlsx", [(v, Grade.FAIL) for v in VARIANTS.values()])
    outcome = import_history(ws, path)
    assert outcome.ok, outcome.findings
    assert outcome.added == 4
    # None is an unknown platform; the zero-width space is named by its cell; the lower case
    # is matched and said so. (Full width folds to the same text without a word.)
    by_code = {f.code: f for f in outcome.warnings}
    assert set(by_code) == {"text.invisible_removed", "history.same_filing_no"}
    removed = by_code["text.invisible_removed"]
    assert (removed.sheet, removed.row, removed.column) == ("考核历史", 3, "备案编号")
    assert "U+200B" in removed.message.zh
    same = by_code["history.same_filing_no"]
    assert "jlpt-2023-101 → JLPT-2023-101" in same.message.zh
    assert "JLPT-2023-103" not in same.message.zh and "１０４" not in same.message.zh
    # Stored and shown as the workspace writes each number.
    assert [e[0] for e in entries(ws)] == list(VARIANTS)
    lines = {h.filing_no: h for h in list_history(ws)}
    assert set(lines) == set(VARIANTS) and all(h.in_cycle for h in lines.values())
    # And the rule reads them: a fail last time and a fail now disqualifies. (103 has two
    # conflict-free scores only: not final, but its previous grade is known all the same.)
    table = {x.filing_no: x for x in results_table(ws, decision_date=DAY)}
    assert {f: x.previous_grade for f, x in table.items()} == dict.fromkeys(VARIANTS, Grade.FAIL)
    for filing_no in ("JLPT-2023-101", "JLPT-2023-102", "JLPT-2023-104"):
        assert table[filing_no].decision is DecisionKind.DISQUALIFY, filing_no


@pytest.mark.parametrize(
    "spelling", ["jlpt-2023-101", "JLPT\u200b-2023-101", "ＪＬＰＴ－２０２３－１０１"]
)
def test_two_spellings_of_one_platform_in_one_sheet_are_refused_naming_both_rows(
    ws: Workspace, tmp_path: Path, spelling: str
) -> None:
    path = history(
        tmp_path / "history.xlsx",
        [("JLPT-2023-101", Grade.GOOD), ("JLPT-2023-102", Grade.PASS), (spelling, Grade.FAIL)],
    )
    before = dump(ws.path)
    outcome = import_history(ws, path)
    assert outcome.status is HistoryStatus.REFUSED
    (error,) = outcome.errors
    assert (error.code, error.row) == ("history.duplicate", 4)
    assert "第 2 行和第 4 行" in error.message.zh
    assert dump(ws.path) == before


def test_history_stored_before_the_dossier_came_in_is_the_platforms(
    ws: Workspace, tmp_path: Path
) -> None:
    """Stored as the sheet wrote it (the workspace did not know the number yet), the entry
    is matched later, and a sheet in the workspace's spelling is the same entry."""
    with held_by_an_older_version(ws) as s:
        insert_rows(
            s,
            m.HistoryEntry,
            [
                {
                    "filing_no": "jlpt-2023-101",
                    "cycle_name": PREVIOUS,
                    "cycle_end": PREVIOUS_END,
                    "grade": "fail",
                    "source": "旧.xlsx",
                }
            ],
        )
    with ws.session() as s:
        assert previous_standing(s)["JLPT-2023-101"].grade is Grade.FAIL
    (line,) = list_history(ws)
    assert (line.filing_no, line.in_cycle) == ("JLPT-2023-101", True)

    same = import_history(ws, history(tmp_path / "a.xlsx", [("JLPT-2023-101", Grade.FAIL)]))
    assert (same.ok, same.added, same.unchanged) == (True, 0, 1)
    before = counts(ws)
    other = history(tmp_path / "b.xlsx", [("JLPT-2023-101", Grade.PASS)])
    refused = import_history(ws, other)
    assert [f.code for f in refused.errors] == ["history.exists"]
    assert counts(ws) == before
    replaced = import_history(ws, other, replace=True)
    assert (replaced.ok, replaced.added, replaced.replaced) == (True, 0, 1)
    # Replaced, it takes the workspace's spelling; the audit says how it was held.
    assert [e[:4] for e in entries(ws)] == [("JLPT-2023-101", PREVIOUS, PREVIOUS_END, "pass")]
    with ws.session() as s:
        detail = s.scalars(
            select(m.AuditEntry.detail_json).where(m.AuditEntry.action == "import_history")
        ).one()
    assert json.loads(detail)["old"]["replaced"] == [
        {
            "filing_no": "JLPT-2023-101",
            "cycle": PREVIOUS,
            "old": "fail",
            "new": "pass",
            "held_as": ["jlpt-2023-101"],
        }
    ]


def test_one_platforms_grade_held_twice_by_an_older_version_is_made_one_on_replace(
    ws: Workspace, tmp_path: Path
) -> None:
    def entry(filing_no: str, grade: str) -> dict[str, object]:
        return {
            "filing_no": filing_no,
            "cycle_name": PREVIOUS,
            "cycle_end": PREVIOUS_END,
            "grade": grade,
            "source": "旧.xlsx",
        }

    with held_by_an_older_version(ws) as s:
        insert_rows(
            s, m.HistoryEntry, [entry("JLPT-2023-101", "pass"), entry("jlpt2023101", "fail")]
        )
    # Read as one platform; the entry stored last counts.
    with ws.session() as s:
        standing = previous_standing(s)
    assert set(standing) == {"JLPT-2023-101"}
    assert standing["JLPT-2023-101"].grade is Grade.FAIL
    outcome = import_history(
        ws, history(tmp_path / "h.xlsx", [("JLPT-2023-101", Grade.GOOD)]), replace=True
    )
    assert (outcome.ok, outcome.added, outcome.replaced) == (True, 0, 1)
    assert [e[:4] for e in entries(ws)] == [("JLPT-2023-101", PREVIOUS, PREVIOUS_END, "good")]


def test_an_earlier_workspace_is_cleaned_and_matched_and_one_platform_twice_is_refused(
    ws: Workspace, tmp_path: Path
) -> None:
    good = (Grade.GOOD.value, True, DecisionKind.FUNDING_CANDIDATE, False)
    first = tmp_path / "first"
    first.mkdir()
    path = stored_workspace(
        first,
        {"jlpt-2023-101": good, "JLPT-2023-102\u200b": good, "JLPT-2019-999": good},
        [
            {
                "filing_no": "ＪＬＰＴ－２０２３－１０３",
                "cycle_name": "2022年度\u200b",
                "cycle_end": dt.date(2021, 12, 31),
                "grade": "fail",
                "source": "2022.xlsx",
            }
        ],
    )
    outcome = import_history(ws, path)
    assert outcome.ok, outcome.findings
    assert {f.code for f in outcome.warnings} == {
        "text.invisible_removed",
        "history.same_filing_no",
        "history.unknown_platform",
    }
    removed = next(f for f in outcome.warnings if f.code == "text.invisible_removed")
    # 102's number and name, and the cycle name of the history it held.
    assert "U+200B" in removed.message.zh and "3 个" in removed.message.zh
    assert [e[:4] for e in entries(ws)] == [
        ("JLPT-2019-999", PREVIOUS, PREVIOUS_END, "good"),
        ("JLPT-2023-101", PREVIOUS, PREVIOUS_END, "good"),
        ("JLPT-2023-102", PREVIOUS, PREVIOUS_END, "good"),
        ("JLPT-2023-103", "2022年度", dt.date(2021, 12, 31), "fail"),
    ]

    before = dump(ws.path)
    second = tmp_path / "second"
    second.mkdir()
    twice = stored_workspace(second, {"JLPT-2023-104": good, "jlpt 2023 104": good})
    refused = import_history(ws, twice, replace=True)
    (error,) = refused.errors
    assert error.code == "history.duplicate"
    assert "JLPT-2023-104" in error.message.zh and "jlpt 2023 104" in error.message.zh
    assert dump(ws.path) == before


# ----------------------------------------------------------------------- command line


def dossier_with(filing_no: str, name: str) -> object:
    sample = sample_dossier()
    return dataclasses.replace(
        sample, basic=dataclasses.replace(sample.basic, filing_no=filing_no, name=name)
    )


def test_jlpanel_history_matches_the_spellings_and_says_so(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n, filing_no in enumerate(("JL-2024-001", "JL-2024-002", "JL-2024-003"), 1):
        book = write_dossier_workbook(
            tmp_path / f"{n}.xlsx", dossier_with(filing_no, f"吉林省第{n}资源共享服务平台")
        )
        assert main(["import", str(workspace), str(book)]) == 0
    path = history(
        tmp_path / "history.xlsx",
        [
            ("jl-2024-001", Grade.FAIL),
            ("JL\u200b-2024-002", Grade.PASS),
            ("ＪＬ－２０２４－００３", Grade.GOOD),
        ],
    )
    capsys.readouterr()
    assert main(["history", str(workspace), str(path)]) == 0
    out = capsys.readouterr().out
    assert "新增 3 条" in out
    assert "jl-2024-001 → JL-2024-001" in out and "U+200B" in out
    assert "不在本考核周期" not in out
    with open_workspace(workspace) as ws:
        assert {(h.filing_no, h.grade, h.in_cycle) for h in list_history(ws)} == {
            ("JL-2024-001", Grade.FAIL, True),
            ("JL-2024-002", Grade.PASS, True),
            ("JL-2024-003", Grade.GOOD, True),
        }


def test_jlpanel_history_refuses_one_platform_twice_and_changes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = history(
        tmp_path / "history.xlsx",
        [("JL-2024-001", Grade.FAIL), ("JL-2024-002", Grade.PASS), ("jl-2024-001", Grade.GOOD)],
    )
    before = dump(workspace)
    assert main(["--lang", "en", "history", str(workspace), str(path)]) == 1
    err = capsys.readouterr().err
    assert "REFUSED" in err and "rows 2 and 4" in err
    assert "'JL-2024-001' and 'jl-2024-001' are one filing number" in err
    assert dump(workspace) == before
