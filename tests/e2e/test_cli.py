"""The command line on real workspace files: exit codes, refusals, results, audit."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from jlpanel import __version__
from jlpanel.cli import main
from jlpanel.services.register import HistoryOutcome, mirror_history
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m
from jlpanel.storage.bulk import insert_rows


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_creates_a_workspace_with_the_default_rubric(tmp_path, capsys):
    ws_path = tmp_path / "2026.jlpanel"
    code = main(
        [
            "new",
            str(ws_path),
            "--cycle",
            "2026年度考核评价",
            "--start",
            "2024-01-01",
            "--end",
            "2025-12-31",
        ]
    )
    assert code == 0
    assert "15 indicators" in capsys.readouterr().out
    with open_workspace(ws_path) as ws:
        info = ws.cycle_info()
        assert info.name == "2026年度考核评价"
        assert str(info.period_start) == "2024-01-01"
        assert info.rubric.indicator("B3").max_points == 10
        assert info.rules.trim_min_n == 5
        with ws.session() as s:
            actions = s.scalars(select(m.AuditEntry.action)).all()
    assert actions == ["create_cycle"]


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _sheet_names(path: Path) -> list[str]:
    from python_calamine import CalamineWorkbook

    return list(CalamineWorkbook.from_path(str(path)).sheet_names)


def test_new_with_language_en_makes_english_reports_and_exports(tmp_path, capsys):
    ws_path = tmp_path / "2026.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026 evaluation", "--language", "en"]) == 0
    with open_workspace(ws_path) as ws:
        assert ws.cycle_info().language == "en"

    assert main(["report", str(ws_path), str(tmp_path / "reports"), "--documents", "summary"]) == 0
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        ".jlpanel-reports.json",  # the set's manifest
        "Results summary.pdf",
    ]
    text = _pdf_text(tmp_path / "reports" / "Results summary.pdf")
    assert "Grade distribution" in text and "汇总表" not in text

    assert main(["export", str(ws_path), str(tmp_path / "results.xlsx")]) == 0
    assert _sheet_names(tmp_path / "results.xlsx") == [
        "Results",
        "Scores",
        "Indicator means",
        "Decisions",
        "History",
    ]
    # --language on export is a one-off: the cycle's setting stays English.
    assert main(["export", str(ws_path), str(tmp_path / "结果.xlsx"), "--language", "zh"]) == 0
    assert _sheet_names(tmp_path / "结果.xlsx")[0] == "结果汇总"
    with open_workspace(ws_path) as ws:
        assert ws.cycle_info().language == "en"


def test_new_makes_chinese_reports_whatever_the_message_language(tmp_path, capsys):
    ws_path = tmp_path / "2026.jlpanel"
    assert main(["--lang", "en", "new", str(ws_path), "--cycle", "2026年度"]) == 0
    with open_workspace(ws_path) as ws:
        assert ws.cycle_info().language == "zh"
    assert main(["--lang", "en", "export", str(ws_path), str(tmp_path / "r.xlsx")]) == 0
    assert _sheet_names(tmp_path / "r.xlsx")[0] == "结果汇总"
    assert main(["new", str(tmp_path / "b.jlpanel"), "--cycle", "x", "--language", "fr"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert not (tmp_path / "b.jlpanel").exists()


def test_new_on_an_existing_store_adds_a_cycle_and_leaves_anything_else(tmp_path, capsys):
    """A store holds cycles: `new` on one adds a cycle; a name it has is refused, and a file
    that is not a store is left as it was."""
    ws_path = tmp_path / "a.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "一"]) == 0
    assert main(["new", str(ws_path), "--cycle", "二"]) == 0
    capsys.readouterr()
    before = digest(ws_path)
    assert main(["new", str(ws_path), "--cycle", "二"]) == 1
    assert "已有名为“二”的考核周期，未作改动" in capsys.readouterr().err
    assert digest(ws_path) == before
    other = tmp_path / "notes.txt"
    other.write_text("不要覆盖我", "utf-8")
    assert main(["--lang", "en", "new", str(other), "--cycle", "x"]) == 1
    assert "not a jlpanel workspace" in capsys.readouterr().err
    assert other.read_text("utf-8") == "不要覆盖我"


def test_new_with_a_broken_rubric_lists_every_problem_and_creates_nothing(tmp_path, capsys):
    rubric = tmp_path / "ours.toml"
    rubric.write_text(
        '[rubric]\nid = "x"\nname_zh = "坏细则"\n'
        '[[areas]]\ncode = "A"\nname_zh = "甲"\nmax_points = 100\n'
        '[[areas.indicators]]\ncode = "A1"\nname_zh = "一"\nmax_points = 90\nstep = 7\n',
        "utf-8",
    )
    ws_path = tmp_path / "w.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "c", "--rubric", str(rubric)]) == 1
    err = capsys.readouterr().err
    assert "评分细则文件" in err
    assert "indicator A1: step 7 does not divide max_points 90" in err
    assert "area A: indicator maxima add up to 90, not the area's 100" in err
    assert not ws_path.exists()


def test_new_with_a_period_ending_before_it_starts(tmp_path, capsys):
    ws_path = tmp_path / "w.jlpanel"
    assert (
        main(["new", str(ws_path), "--cycle", "c", "--start", "2025-01-01", "--end", "2024-01-01"])
        == 1
    )
    assert "早于" in capsys.readouterr().err
    assert not ws_path.exists()


def test_usage_errors_exit_2(capsys):
    assert main(["bogus"]) == 2
    assert main(["new", "x.jlpanel"]) == 2  # --cycle is required
    assert main(["new", "x.jlpanel", "--cycle", "c", "--start", "yesterday"]) == 2


def test_version_through_the_installed_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "jlpanel", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"jlpanel {__version__}"


def test_opening_a_file_that_is_not_a_workspace_refuses(tmp_path, capsys):
    fake = tmp_path / "fake.jlpanel"
    fake.write_bytes(b"PK\x03\x04 this is really a zip")
    before = digest(fake)
    assert main(["results", str(fake)]) == 1
    assert "不是 jlpanel 工作区" in capsys.readouterr().err
    assert digest(fake) == before


def test_a_workspace_from_a_newer_version_is_refused_untouched(tmp_path, capsys):
    import sqlite3

    ws_path = tmp_path / "new.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "c"]) == 0
    con = sqlite3.connect(ws_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = digest(ws_path)
    assert main(["--lang", "en", "results", str(ws_path)]) == 1
    assert "newer version of jlpanel" in capsys.readouterr().err
    assert digest(ws_path) == before


def _score(ws_path: Path, totals: dict[str, list[float]], previous: dict[str, str]) -> None:
    """Put complete sheets into a workspace: each expert's points scaled to the given total."""
    with open_workspace(ws_path) as ws:
        rubric = ws.cycle_info().rubric
        with ws.session() as s:
            cycle_id = s.scalars(select(m.Cycle.id)).one()
            insert_rows(
                s,
                m.Platform,
                ({"cycle_id": cycle_id, "filing_no": f, "name": f"吉林省{f}平台"} for f in totals),
            )
            n_experts = max(len(v) for v in totals.values())
            insert_rows(
                s, m.Expert, ({"cycle_id": cycle_id, "name": f"专家{n}"} for n in range(n_experts))
            )
            pids = dict(s.execute(select(m.Platform.filing_no, m.Platform.id)).all())
            eids = list(s.scalars(select(m.Expert.id).order_by(m.Expert.id)))
            for filing_no, expert_totals in totals.items():
                for eid, total in zip(eids, expert_totals, strict=False):
                    sheet = m.ScoreSheet(
                        expert_id=eid, platform_id=pids[filing_no], provenance="package", revision=1
                    )
                    s.add(sheet)
                    s.flush()
                    share = total / 100
                    rows = [
                        {
                            "sheet_id": sheet.id,
                            "indicator_code": i.code,
                            "points": float(i.max_points) * share,
                            "comment": "评语",
                        }
                        for i in rubric.indicators
                    ]
                    insert_rows(s, m.IndicatorScore, rows)
            insert_rows(
                s,
                m.HistoryEntry,
                (
                    {
                        "filing_no": f,
                        "cycle_name": "2024年度",
                        "cycle_end": dt.date(2024, 12, 31),
                        "grade": g,
                    }
                    for f, g in previous.items()
                ),
            )
            # As importing that history does: the register is what the rules read.
            mirror_history(
                s,
                [
                    HistoryOutcome(
                        f, None, "2024年度", dt.date(2024, 12, 31), g, None, False, True, "t"
                    )
                    for f, g in previous.items()
                ],
                "test",
            )


def test_results_apply_the_rules_and_are_stored(tmp_path, capsys):
    ws_path = tmp_path / "r.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "c"]) == 0
    # 100 % and 50 % of 10/6/7/5/3 points stay on the 0.5 grid (90 % would not: 5.4 of 6)
    _score(
        ws_path,
        {"JL-001": [100, 100, 100], "JL-002": [50, 50, 50], "JL-003": [50, 50, 50]},
        previous={"JL-003": "不合格"},
    )
    capsys.readouterr()
    assert main(["results", str(ws_path), "--csv"]) == 0
    text = capsys.readouterr().out.removeprefix("\ufeff")
    # the cells, joined again without the quotes every text cell has
    lines = [",".join(row) for row in csv.reader(io.StringIO(text, newline=""))]
    assert lines[0] == "名次,备案编号,平台名称,得分,有效评分,等级,结果可定,处理意见,整改期限"
    assert lines[1].startswith("1,JL-001,吉林省JL-001平台,100.00,3,优秀,是,后补助候选")
    rest = sorted(lines[2:])
    assert rest[0].startswith("2,JL-002,吉林省JL-002平台,50.00,3,不合格,是,限期整改,")
    assert rest[1].startswith("2,JL-003,吉林省JL-003平台,50.00,3,不合格,是,取消资格")
    with open_workspace(ws_path) as ws, ws.session() as s:
        stored = dict(
            s.execute(
                select(m.Platform.filing_no, m.Result.grade).join(
                    m.Result, m.Result.platform_id == m.Platform.id
                )
            ).all()
        )
        kinds = dict(
            s.execute(
                select(m.Platform.filing_no, m.Decision.kind).join(
                    m.Decision, m.Decision.platform_id == m.Platform.id
                )
            ).all()
        )
        audit = s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.action == "compute_results")
        ).one()
    assert stored == {"JL-001": "excellent", "JL-002": "fail", "JL-003": "fail"}
    assert kinds == {"JL-001": "funding_candidate", "JL-002": "rectify", "JL-003": "disqualify"}
    assert json.loads(audit.detail_json)["new"] == {"grades": {"excellent": 1, "fail": 2}}


def test_results_in_english(tmp_path, capsys):
    ws_path = tmp_path / "r.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "c"]) == 0
    _score(ws_path, {"JL-001": [100, 100]}, previous={})
    capsys.readouterr()
    assert main(["--lang", "en", "results", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "Excellent" in out and "Pending (too few valid scores)" in out


@pytest.mark.parametrize(
    "package",
    [
        "jlpanel.domain",
        "jlpanel.storage",
        "jlpanel.services",
        "jlpanel.services.results",
        "jlpanel.cli",
    ],
)
def test_core_packages_load_no_qt(package):
    code = (
        f"import sys, importlib, pkgutil; import {package} as p\n"
        "for mod in pkgutil.walk_packages(getattr(p, '__path__', []), p.__name__ + '.'):\n"
        "    if '.migrations' not in mod.name:\n"
        "        importlib.import_module(mod.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
