"""The panel's decisions from the command line: tie orders, veto rulings, confirming the
results and changing the rules, with worked examples (DESIGN §5, §8)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from test_cli import _score

from jlpanel.cli import main
from jlpanel.domain.rules import Grade
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m


def _grades(capsys, ws_path: Path) -> dict[str, tuple[str, str]]:
    """备案编号 → (名次, 等级) from `results --csv`."""
    capsys.readouterr()
    assert main(["results", str(ws_path), "--csv"]) == 0
    text = capsys.readouterr().out.removeprefix("\ufeff")
    return {
        row["备案编号"]: (row["名次"], row["等级"]) for row in csv.DictReader(io.StringIO(text))
    }


def _audit(ws_path: Path, action: str) -> list[dict]:
    with open_workspace(ws_path) as ws, ws.session() as s:
        return [
            json.loads(d)
            for d in s.scalars(
                select(m.AuditEntry.detail_json)
                .where(m.AuditEntry.action == action)
                .order_by(m.AuditEntry.id)
            )
        ]


def _tied_workspace(tmp_path: Path, capsys) -> Path:
    """JL-001 and JL-002 score exactly 100 (areas alike), JL-003 50; the 优秀 quota of 0.34
    gives floor(0.34 × 3) = 1 place, so the cut falls inside the tie of the two."""
    ws_path = tmp_path / "tie.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    _score(ws_path, {"JL-001": [100] * 3, "JL-002": [100] * 3, "JL-003": [50] * 3}, previous={})
    assert main(["rules", str(ws_path), "--set", "excellent_quota=0.34"]) == 0
    assert "excellent_quota = 0.34" in capsys.readouterr().out
    return ws_path


def test_a_tie_at_the_quota_is_ordered_then_confirmed_then_reopened_for_a_rule_change(
    tmp_path, capsys
):
    ws_path = _tied_workspace(tmp_path, capsys)

    # Printed results name the tie and say the results are not confirmed.
    assert main(["results", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "优秀比例线上并列：JL-001、JL-002（待专家组排序）" in out
    assert "结果尚未确定" in out
    assert _grades(capsys, ws_path)["JL-001"][0] == _grades(capsys, ws_path)["JL-002"][0] == "1"

    # Confirming is refused while the tie is undecided, naming both platforms.
    assert main(["confirm", str(ws_path), "--date", "2026-03-01"]) == 1
    err = capsys.readouterr().err
    assert "并列" in err and "JL-001、JL-002" in err
    assert main(["--lang", "en", "confirm", str(ws_path)]) == 1
    assert "await the panel's order" in capsys.readouterr().err
    assert main(["--lang", "en", "results", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "Tied at the 优秀 quota: JL-001, JL-002 (awaiting the panel's order)" in out
    assert "Results not confirmed yet" in out

    # The panel orders the tie, with its reason: distinct ranks, the first keeps 优秀.
    args = ["tiebreak", str(ws_path), "JL-002", "JL-001", "--reason", "服务成效案例更具代表性"]
    assert main(args) == 0
    assert "JL-002 > JL-001" in capsys.readouterr().out
    grades = _grades(capsys, ws_path)
    assert grades["JL-002"] == ("1", "优秀")
    assert grades["JL-001"] == ("2", "良好")
    assert _audit(ws_path, "order_tie")[-1]["new"]["order"] == ["JL-002", "JL-001"]
    assert main(["results", str(ws_path)]) == 0
    assert "待专家组排序" not in capsys.readouterr().out

    # Confirmed on 1 March 2026: JL-003's first 不合格 must be rectified 12 months on.
    assert main(["confirm", str(ws_path), "--date", "2026-03-01"]) == 0
    assert "结果已于 2026-03-01 确定" in capsys.readouterr().out
    with open_workspace(ws_path) as ws, ws.session() as s:
        deadline = s.scalars(
            select(m.Decision.deadline)
            .join(m.Platform, m.Decision.platform_id == m.Platform.id)
            .where(m.Platform.filing_no == "JL-003")
        ).one()
    assert deadline.isoformat() == "2027-03-01"
    assert main(["results", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "2027-03-01" in out and "结果已于 2026-03-01 确定" in out
    # Confirming again with nothing changed keeps the first day.
    assert main(["confirm", str(ws_path), "--date", "2026-04-01"]) == 0
    assert "2026-03-01" in capsys.readouterr().out

    # The rules cannot change while the results are confirmed …
    assert main(["rules", str(ws_path), "--set", "excellent_min=92"]) == 1
    assert "确定" in capsys.readouterr().err
    assert not _audit(ws_path, "update_rules")[1:]  # only the quota set above
    # … until the panel reopens them, with a reason.
    assert main(["confirm", str(ws_path), "--reopen"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main(["confirm", str(ws_path), "--reopen", "--reason", "厅里要求提高优秀线"]) == 0
    assert main(["rules", str(ws_path), "--set", "excellent_min=92"]) == 0
    assert "excellent_min = 92" in capsys.readouterr().out
    assert _audit(ws_path, "reopen_results")[-1]["new"] == {"reason": "厅里要求提高优秀线"}
    change = _audit(ws_path, "update_rules")[-1]
    assert change["old"] == {"excellent_min": 90.0} and change["new"] == {"excellent_min": 92.0}
    with open_workspace(ws_path) as ws:
        assert ws.cycle_info().rules.excellent_min == 92


def test_reconfirming_after_a_change_lists_the_differences(tmp_path, capsys):
    ws_path = _tied_workspace(tmp_path, capsys)
    assert main(["tiebreak", str(ws_path), "JL-001", "JL-002", "--reason", "r"]) == 0
    assert main(["confirm", str(ws_path), "--date", "2026-03-01"]) == 0
    # A consensus-round adjustment after the confirmation lifts JL-003 to 合格.
    assert main(["adjust", str(ws_path), "JL-003", "65", "--reason", "复议后调整"]) == 0
    capsys.readouterr()
    assert main(["results", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "确定后结果有变化" in out
    assert "JL-003 等级: 不合格 → 合格" in out and "JL-003 整改期限: 2027-03-01 → —" in out
    assert main(["confirm", str(ws_path), "--date", "2026-03-05"]) == 0
    out = capsys.readouterr().out
    assert "结果已于 2026-03-05 重新确定" in out and "JL-003 得分: 50.00 → 65.00" in out
    assert main(["--lang", "en", "results", str(ws_path)]) == 0
    assert "Results confirmed on 2026-03-05" in capsys.readouterr().out


def test_tiebreak_on_platforms_that_are_not_tied_is_refused(tmp_path, capsys):
    ws_path = _tied_workspace(tmp_path, capsys)
    assert main(["tiebreak", str(ws_path), "JL-001", "JL-003", "--reason", "x"]) == 1
    assert "没有并列" in capsys.readouterr().err
    assert (
        main(["--lang", "en", "tiebreak", str(ws_path), "JL-001", "JL-009", "--reason", "x"]) == 1
    )
    assert "No platform JL-009" in capsys.readouterr().err
    assert main(["tiebreak", str(ws_path), "JL-001", "JL-002", "--reason", "  "]) == 1
    assert "理由" in capsys.readouterr().err
    assert main(["tiebreak", str(ws_path), "JL-001", "JL-002"]) == 2  # --reason is required
    assert _audit(ws_path, "order_tie") == []


def test_a_dismissed_veto_stops_counting_and_a_confirmed_one_restores_it(tmp_path, capsys):
    ws_path = tmp_path / "veto.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    _score(ws_path, {"JL-001": [100] * 3, "JL-002": [50] * 3}, previous={})
    with open_workspace(ws_path) as ws, ws.session() as s:
        sheet_id = s.scalars(
            select(m.ScoreSheet.id)
            .join(m.Platform, m.ScoreSheet.platform_id == m.Platform.id)
            .where(m.Platform.filing_no == "JL-001")
            .order_by(m.ScoreSheet.id)
        ).first()
        s.add(m.VetoClaim(sheet_id=sheet_id, veto_code="filing", reason="依托单位已注销"))
    # An unconfirmed claim counts by default: 100 points, yet 不合格.
    assert _grades(capsys, ws_path)["JL-001"][1] == "不合格"

    args = ["veto", str(ws_path), "JL-001", "filing", "dismiss", "--reason", "经核实仍在存续"]
    assert main(args) == 0
    assert "已驳回否决项 filing" in capsys.readouterr().out
    assert _grades(capsys, ws_path)["JL-001"] == ("1", "优秀")  # graded by its score again

    assert main(["veto", str(ws_path), "JL-001", "filing", "confirm", "--reason", "工商注销"]) == 0
    assert _grades(capsys, ws_path)["JL-001"][1] == "不合格"
    rulings = [a["new"]["ruling"] for a in _audit(ws_path, "rule_on_veto")]
    assert rulings == ["dismiss", "confirm"]

    assert main(["veto", str(ws_path), "JL-001", "bogus", "confirm", "--reason", "x"]) == 1
    assert "bogus" in capsys.readouterr().err
    assert main(["veto", str(ws_path), "JL-001", "filing", "maybe", "--reason", "x"]) == 2


def test_rules_lists_every_setting_and_refuses_bad_input(tmp_path, capsys):
    ws_path = tmp_path / "rules.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    capsys.readouterr()
    assert main(["rules", str(ws_path)]) == 0
    out = capsys.readouterr().out
    assert "excellent_min = 90" in out and "funding_grades = excellent,good" in out
    assert "unconfirmed_veto_counts = true" in out and "funding_places = none" in out

    args = [
        "rules",
        str(ws_path),
        "--set",
        "funding_grades=优秀",
        "tier_weights=excellent:2,good:1",
        "funding_places=3",
        "unconfirmed_veto_counts=false",
        "--set",
        "excellent_quota=0.2",
    ]
    assert main(args) == 0
    with open_workspace(ws_path) as ws:
        rules = ws.cycle_info().rules
    assert [g.value for g in rules.funding_grades] == ["excellent"]
    assert rules.funding_places == 3 and rules.unconfirmed_veto_counts is False
    assert rules.excellent_quota == Decimal("0.2")
    assert rules.tier_weights == {Grade.EXCELLENT: 2, Grade.GOOD: 1}
    assert main(["rules", str(ws_path), "--set", "funding_places=none"]) == 0
    capsys.readouterr()

    audited = len(_audit(ws_path, "update_rules"))
    assert main(["rules", str(ws_path), "--set", "excellent_mni=92"]) == 1
    assert "excellent_mni" in capsys.readouterr().err
    assert main(["--lang", "en", "rules", str(ws_path), "--set", "trim_min_n=five"]) == 1
    assert "cannot read the value 'five'" in capsys.readouterr().err
    assert main(["rules", str(ws_path), "--set", "good_min=95"]) == 1  # above excellent_min
    assert "good_min" in capsys.readouterr().err
    assert main(["rules", str(ws_path), "--set", "excellent_min"]) == 1
    assert len(_audit(ws_path, "update_rules")) == audited


def test_the_panel_can_revise_its_order_and_the_tie_stays_listed_as_ordered(tmp_path, capsys):
    ws_path = _tied_workspace(tmp_path, capsys)
    assert (
        main(["tiebreak", str(ws_path), "JL-002", "JL-001", "--reason", "服务成效材料更充分"]) == 0
    )
    grades = _grades(capsys, ws_path)
    assert (grades["JL-002"], grades["JL-001"]) == (("1", "优秀"), ("2", "良好"))
    capsys.readouterr()
    assert main(["results", str(ws_path)]) == 0
    assert "优秀比例线上并列：JL-002、JL-001（已排序）" in capsys.readouterr().out
    # A second order with its own reason replaces the first; both are audited.
    assert main(["tiebreak", str(ws_path), "JL-001", "JL-002", "--reason", "复议后改定"]) == 0
    grades = _grades(capsys, ws_path)
    assert (grades["JL-001"], grades["JL-002"]) == (("1", "优秀"), ("2", "良好"))
    assert [e["new"]["order"] for e in _audit(ws_path, "order_tie")] == [
        ["JL-002", "JL-001"],
        ["JL-001", "JL-002"],
    ]


def test_three_processes_confirming_at_once_record_one_confirmation(tmp_path, capsys):
    # Each process reads, computes and writes; the write takes the lock first and re-checks,
    # so the confirmations never interleave into two decisions.
    import subprocess
    import sys

    ws_path = tmp_path / "race.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    _score(ws_path, {"JL-001": [100] * 3, "JL-002": [50] * 3}, previous={})
    command = [sys.executable, "-m", "jlpanel", "confirm", str(ws_path)]
    runs = [
        subprocess.Popen(
            [*command, "--date", f"2026-03-0{n}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for n in (1, 2, 3)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert b"Traceback" not in err
    with open_workspace(ws_path) as ws, ws.session() as s:
        standing = s.scalars(
            select(m.Confirmation).where(m.Confirmation.reopened_at.is_(None))
        ).all()
        assert len(standing) == 1
        audited = s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.action == "confirm_results")
        ).all()
        assert len(audited) == 1
