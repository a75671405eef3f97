"""The register from the command line (DESIGN §3, §5, §8): confirming writes each platform's
grade and decision to it, reopening reverts that, the rectification's follow-up (report,
review, overdue), and the two-fails rule and barring reading it."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

from sqlalchemy import select
from test_cli import _score

from jlpanel.cli import main
from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.services.audit import audit_log
from jlpanel.services.register import ConfirmedLine, revert_confirmation, write_confirmation
from jlpanel.services.workspace import open_workspace
from jlpanel.storage import models as m

DAY = "2026-03-01"


def _register(capsys, ws_path: Path, *extra: str, lang: str = "zh") -> dict[str, dict[str, str]]:
    """备案编号 → the register's row, from `register --csv`."""
    capsys.readouterr()
    assert main(["--lang", lang, "register", str(ws_path), "--csv", *extra]) == 0
    text = capsys.readouterr().out.removeprefix("\ufeff")
    key = "Filing no." if lang == "en" else "备案编号"
    return {row[key]: row for row in csv.DictReader(io.StringIO(text))}


def _decisions(capsys, ws_path: Path) -> dict[str, str]:
    capsys.readouterr()
    assert main(["results", str(ws_path), "--csv"]) == 0
    text = capsys.readouterr().out.removeprefix("\ufeff")
    return {row["备案编号"]: row["处理意见"] for row in csv.DictReader(io.StringIO(text))}


def _audit(ws_path: Path, action: str) -> list[tuple[str | None, dict]]:
    with open_workspace(ws_path) as ws, ws.session() as s:
        return [
            (entity_id, json.loads(d))
            for entity_id, d in s.execute(
                select(m.AuditEntry.entity_id, m.AuditEntry.detail_json)
                .where(m.AuditEntry.action == action)
                .order_by(m.AuditEntry.id)
            )
        ]


def _confirmed(tmp_path: Path, capsys) -> Path:
    """JL-001 scores 100 (优秀), JL-002 and JL-003 50 (不合格); confirmed on DAY."""
    ws_path = tmp_path / "r.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    _score(ws_path, {"JL-001": [100] * 3, "JL-002": [50] * 3, "JL-003": [50] * 3}, previous={})
    assert main(["confirm", str(ws_path), "--date", DAY]) == 0
    capsys.readouterr()
    return ws_path


def test_confirming_writes_the_register_and_reopening_reverts_it(tmp_path, capsys):
    ws_path = tmp_path / "r.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    _score(ws_path, {"JL-001": [100] * 3, "JL-002": [50] * 3}, previous={})
    assert main(["register", str(ws_path)]) == 0
    assert "平台名录为空" in capsys.readouterr().out  # nothing before the confirmation

    assert main(["confirm", str(ws_path), "--date", DAY]) == 0
    assert "平台名录：在册 1 个，限期整改 1 个（jlpanel register 查看）" in capsys.readouterr().out
    reg = _register(capsys, ws_path)
    assert reg["JL-001"]["状态"] == "在册"
    assert reg["JL-001"]["最近等级"] == "优秀"
    assert reg["JL-001"]["最近考核周期"] == "2026年度"
    assert reg["JL-001"]["整改跟进"] == ""
    assert reg["JL-002"]["状态"] == "限期整改"
    assert reg["JL-002"]["整改期限"] == "2027-03-01"  # 12 months from the confirmation
    assert reg["JL-002"]["整改跟进"] == "待整改"
    assert reg["JL-002"]["逾期"] == "否"
    assert reg["JL-002"]["平台名称"] == "吉林省JL-002平台"
    en = _register(capsys, ws_path, lang="en")
    assert (en["JL-002"]["Status"], en["JL-002"]["Follow-up"]) == ("Rectifying", "Due")
    # The change of status is audited with its reason.
    assert _audit(ws_path, "register_status") == [
        (
            "JL-002",
            {
                "old": {"status": "listed"},
                "new": {
                    "status": "rectify",
                    "reason": "确认“2026年度”的考核结果",
                    "cycle": "2026年度",
                },
            },
        )
    ]

    # The audit log names the platform and the change in words.
    with open_workspace(ws_path) as ws:
        (line,) = audit_log(ws, actions=["register_status"], language="en")
    assert (line.kind("en"), line.platform) == ("Register status changed", "吉林省JL-002平台")

    # Reopening reverts what that confirmation wrote (kept as a record), audited.
    assert main(["--lang", "en", "confirm", str(ws_path), "--reopen", "--reason", "规则有误"]) == 0
    assert "Platform register: Listed 2 (jlpanel register)" in capsys.readouterr().out
    reg = _register(capsys, ws_path)
    assert (reg["JL-002"]["状态"], reg["JL-002"]["整改期限"]) == ("在册", "")
    assert reg["JL-001"]["最近考核周期"] == ""
    ((_, detail),) = _audit(ws_path, "register_revert")
    assert detail["new"] == {"cycle": "2026年度", "events": 2, "reason": "规则有误"}
    with open_workspace(ws_path) as ws, ws.session() as s:
        reverted = s.scalars(select(m.RegisterEvent.revert_reason)).all()
    assert reverted == ["规则有误", "规则有误"]

    # Confirmed again later: the same rectification, its deadline unmoved.
    assert main(["confirm", str(ws_path), "--date", "2026-04-01"]) == 0
    reg = _register(capsys, ws_path)
    assert (reg["JL-002"]["状态"], reg["JL-002"]["整改期限"]) == ("限期整改", "2027-03-01")
    with open_workspace(ws_path) as ws, ws.session() as s:
        assert len(s.scalars(select(m.Rectification)).all()) == 1


def test_a_report_is_stored_and_a_passed_review_lists_the_platform_again(tmp_path, capsys):
    ws_path = _confirmed(tmp_path, capsys)
    report = tmp_path / "整改报告.pdf"
    report.write_bytes(b"%PDF-1.4 rectification report\x00\xff")
    args = ["rectify", str(ws_path), "jl-002", "--received", "2026-09-01", "--report", str(report)]
    assert main(args) == 0
    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    assert digest in capsys.readouterr().out
    with open_workspace(ws_path) as ws, ws.session() as s:
        rect = s.scalars(select(m.Rectification)).all()
        stored = [(r.report_name, r.report_sha256, r.report_data) for r in rect if r.report_name]
    assert stored == [("整改报告.pdf", digest, report.read_bytes())]
    reg = _register(capsys, ws_path)
    assert (reg["JL-002"]["整改跟进"], reg["JL-002"]["整改报告收到"]) == ("待复核", "2026-09-01")

    review = ["rectify", str(ws_path), "JL-002", "--review", "pass", "--reason", "整改到位"]
    assert main([*review, "--date", "2026-10-01"]) == 0
    assert "复核通过；状态：在册" in capsys.readouterr().out
    reg = _register(capsys, ws_path, "--on", "2028-01-01")  # long after the deadline
    assert (reg["JL-002"]["状态"], reg["JL-002"]["整改跟进"]) == ("在册", "复核通过")
    assert (reg["JL-002"]["状态起始"], reg["JL-002"]["逾期"]) == ("2026-10-01", "否")
    assert reg["JL-002"]["理由"] == "复核通过：整改到位"
    (review_audit,) = _audit(ws_path, "rectify_review")
    assert review_audit == (
        "JL-002",
        {
            "old": {"review": None},
            "new": {"review": "pass", "reason": "整改到位", "reviewed_on": "2026-10-01"},
        },
    )
    ((_, received),) = _audit(ws_path, "rectify_report")
    assert received["new"]["sha256"] == digest

    # Reviewed once: neither a second review nor a new report.
    assert main(review) == 1
    assert "没有待跟进的限期整改" in capsys.readouterr().err


def test_follow_up_refuses_what_it_cannot_record(tmp_path, capsys):
    ws_path = _confirmed(tmp_path, capsys)
    report = tmp_path / "r.pdf"
    report.write_bytes(b"x")
    # JL-001 was not told to rectify.
    assert (
        main(["rectify", str(ws_path), "JL-001", "--received", DAY, "--report", str(report)]) == 1
    )
    assert "JL-001 没有待跟进的限期整改（当前状态：在册）" in capsys.readouterr().err
    assert (
        main(
            ["--lang", "en", "rectify", str(ws_path), "JL-404", "--review", "pass", "--reason", "x"]
        )
        == 1
    )
    assert "No platform JL-404 in the register" in capsys.readouterr().err
    assert main(["rectify", str(ws_path), "JL-002", "--review", "fail"]) == 1
    assert "--reason" in capsys.readouterr().err
    assert main(["rectify", str(ws_path), "JL-002", "--review", "fail", "--reason", " "]) == 1
    assert "须写明理由" in capsys.readouterr().err
    assert main(["rectify", str(ws_path), "JL-002"]) == 1
    assert "二者选一" in capsys.readouterr().err
    missing = tmp_path / "nowhere.pdf"
    assert (
        main(["rectify", str(ws_path), "JL-002", "--received", DAY, "--report", str(missing)]) == 1
    )
    assert "无法读取整改报告" in capsys.readouterr().err
    assert _audit(ws_path, "rectify_report") == _audit(ws_path, "rectify_review") == []


def test_a_failed_review_or_a_passed_deadline_shows_as_overdue(tmp_path, capsys):
    ws_path = _confirmed(tmp_path, capsys)
    fail = ["rectify", str(ws_path), "JL-002", "--review", "fail", "--reason", "未按期整改到位"]
    assert main([*fail, "--date", "2026-12-01"]) == 0
    assert "整改逾期" in capsys.readouterr().out
    on_deadline = _register(capsys, ws_path, "--on", "2027-03-01")
    # A failed review is overdue at once; JL-003 on its deadline day is not yet.
    assert (on_deadline["JL-002"]["整改跟进"], on_deadline["JL-002"]["逾期"]) == (
        "复核未通过",
        "是",
    )
    assert on_deadline["JL-002"]["状态"] == "限期整改"
    assert (on_deadline["JL-003"]["整改跟进"], on_deadline["JL-003"]["逾期"]) == ("待整改", "否")
    after = _register(capsys, ws_path, "--on", "2027-03-02", lang="en")
    assert (after["JL-003"]["Follow-up"], after["JL-003"]["Overdue"]) == ("Overdue", "yes")
    # The printed table says the same.
    assert main(["register", str(ws_path), "--on", "2027-03-02"]) == 0
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if x.startswith("JL-003")]
    assert "逾期" in line and "2027-03-01" in line


def _earlier_cycle(ws_path: Path, lines: list[ConfirmedLine], *, end: dt.date | None) -> None:
    """An earlier cycle of the same store, confirmed: its outcomes in the register."""
    with open_workspace(ws_path) as ws, ws.session() as s:
        write_confirmation(
            s,
            cycle_name="2024年度",
            cycle_end=end,
            ref="earlier:1",
            day=dt.date(2025, 3, 1),
            lines=lines,
            actor="test",
        )


def _line(
    filing_no: str,
    grade: Grade | None,
    decision: DecisionKind,
    *,
    deadline: dt.date | None = None,
    barred: bool = False,
    final: bool = True,
) -> ConfirmedLine:
    return ConfirmedLine(
        filing_no, f"吉林省{filing_no}平台", None, grade, decision, "", deadline, barred, final
    )


def test_the_two_fails_rule_barring_and_lapsed_rectifications_read_the_register(tmp_path, capsys):
    """Worked example. In 2024: JL-001 failed (final); JL-002 was barred for fraud though
    its result was not final; JL-003 failed and its rectification is overdue; JL-004 failed
    but that result was not final; JL-005 failed and its rectification passed review."""
    ws_path = tmp_path / "r.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    scores = {f"JL-00{n}": [50] * 3 for n in (1, 4, 5)} | {"JL-002": [100] * 3, "JL-003": [100] * 3}
    scores["JL-005"] = [100] * 3
    _score(ws_path, scores, previous={})
    june = dt.date(2025, 6, 30)
    _earlier_cycle(
        ws_path,
        [
            _line("JL-001", Grade.FAIL, DecisionKind.RECTIFY, deadline=june),
            _line("JL-002", None, DecisionKind.DISQUALIFY, barred=True, final=False),
            _line("JL-003", Grade.FAIL, DecisionKind.RECTIFY, deadline=june),
            _line("JL-004", Grade.FAIL, DecisionKind.PENDING, final=False),
            _line("JL-005", Grade.FAIL, DecisionKind.RECTIFY, deadline=june),
        ],
        end=dt.date(2024, 12, 31),
    )
    assert (
        main(
            [
                "rectify",
                str(ws_path),
                "JL-005",
                "--review",
                "pass",
                "--reason",
                "已整改",
                "--date",
                "2025-05-01",
            ]
        )
        == 0
    )
    decisions = _decisions(capsys, ws_path)
    assert decisions["JL-001"] == "取消资格"  # 不合格 in 2024 and now
    assert decisions["JL-002"] == "取消资格"  # barred in 2024: 100 points change nothing
    assert decisions["JL-003"] == "取消资格"  # its rectification lapsed: a second fail
    assert decisions["JL-004"] == "限期整改"  # a fail that was not final is no first fail
    assert decisions["JL-005"] == "后补助候选"
    assert main(["confirm", str(ws_path), "--date", DAY]) == 0
    reg = _register(capsys, ws_path)
    assert {f: r["状态"] for f, r in reg.items()} == {
        "JL-001": "取消资格",
        "JL-002": "禁止申报",
        "JL-003": "取消资格",
        "JL-004": "限期整改",
        "JL-005": "在册",
    }
    assert "限期整改未通过复核或逾期未整改" in reg["JL-003"]["理由"]
    assert [f for f, r in reg.items() if r["禁止申报至"]] == ["JL-002"]
    assert reg["JL-002"]["禁止申报至"] == "长期"  # the Measures set no end to a bar

    # Reverting that earlier confirmation (reopened) takes it out of the rules.
    assert main(["confirm", str(ws_path), "--reopen", "--reason", "重算"]) == 0
    with open_workspace(ws_path) as ws, ws.session() as s:
        revert_confirmation(s, cycle_name="2024年度", reason="2024 年结果重新打开", actor="t")
    decisions = _decisions(capsys, ws_path)
    assert decisions["JL-001"] == "限期整改"
    assert decisions["JL-002"] == decisions["JL-003"] == "后补助候选"


def test_an_earlier_cycle_without_a_period_end_or_a_later_one_is_never_guessed(tmp_path, capsys):
    ws_path = tmp_path / "r.jlpanel"
    args = [
        "new",
        str(ws_path),
        "--cycle",
        "2026年度",
        "--start",
        "2025-01-01",
        "--end",
        "2026-12-31",
    ]
    assert main(args) == 0
    _score(ws_path, {"JL-001": [50] * 3}, previous={})
    # A cycle that ends after this one is not an earlier one: its fail does not count.
    with open_workspace(ws_path) as ws, ws.session() as s:
        write_confirmation(
            s,
            cycle_name="2028年度",
            cycle_end=dt.date(2028, 12, 31),
            ref="later:1",
            day=dt.date(2029, 3, 1),
            lines=[_line("JL-001", Grade.FAIL, DecisionKind.RECTIFY)],
            actor="t",
        )
    assert _decisions(capsys, ws_path)["JL-001"] == "限期整改"
    # History without a period end: the rules refuse to guess where it comes.
    with open_workspace(ws_path) as ws, ws.session() as s:
        entry = s.scalars(select(m.RegisterEntry)).one()
        s.add(
            m.RegisterEvent(
                entry_id=entry.id,
                origin="history",
                origin_ref="旧.xlsx",
                cycle_name="甲批",
                grade="fail",
                to_status="rectify",
                actor="t",
            )
        )
    assert main(["results", str(ws_path)]) == 1
    err = capsys.readouterr().err
    assert "没有考核期止" in err and "JL-001：甲批（旧.xlsx）" in err


def test_history_imported_from_a_sheet_is_register_history_and_replacing_it_is_tracked(
    tmp_path, capsys
):
    from jlpanel.exchange.history_sheet import HistoryRow, write_history_sheet

    ws_path = tmp_path / "r.jlpanel"
    assert main(["new", str(ws_path), "--cycle", "2026年度"]) == 0
    _score(ws_path, {"JL-001": [50] * 3, "JL-002": [50] * 3}, previous={})
    end = dt.date(2024, 12, 31)
    sheet = tmp_path / "2024.xlsx"
    write_history_sheet(
        sheet,
        [
            HistoryRow("JL-001", "2024年度", Grade.FAIL, "吉林省JL-001平台", end),
            HistoryRow(
                "JL-002",
                "2024年度",
                Grade.FAIL,
                "吉林省JL-002平台",
                end,
                DecisionKind.DISQUALIFY,
                barred=True,
            ),
        ],
    )
    assert main(["history", str(ws_path), str(sheet)]) == 0
    reg = _register(capsys, ws_path)
    assert {f: (r["状态"], r["最近考核周期"]) for f, r in reg.items()} == {
        "JL-001": ("限期整改", "2024年度"),
        "JL-002": ("禁止申报", "2024年度"),
    }
    decisions = _decisions(capsys, ws_path)
    assert decisions == {"JL-001": "取消资格", "JL-002": "取消资格"}

    # The sheet corrected: JL-001 had passed in 2024. The register follows, the old line kept.
    write_history_sheet(
        sheet, [HistoryRow("JL-001", "2024年度", Grade.PASS, "吉林省JL-001平台", end)]
    )
    assert main(["history", str(ws_path), str(sheet), "--replace"]) == 0
    assert _register(capsys, ws_path)["JL-001"]["状态"] == "在册"
    assert _decisions(capsys, ws_path)["JL-001"] == "限期整改"
    with open_workspace(ws_path) as ws, ws.session() as s:
        events = s.execute(
            select(m.RegisterEvent.grade, m.RegisterEvent.reverted_at.is_(None))
            .join(m.RegisterEntry)
            .where(m.RegisterEntry.filing_no == "JL-001")
            .order_by(m.RegisterEvent.id)
        ).all()
    assert [tuple(e) for e in events] == [("fail", False), ("pass", True)]
