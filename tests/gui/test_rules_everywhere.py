"""Rules as set, everywhere (issue 11 item 8): every setting changed from its default, then
every place that states a rule — the rules tab, the settings dialog, the summary PDF, the
discussion note, the spread chart's threshold lines and ``jlpanel rules`` — says the cycle's
own value, from the one wording in ``domain/rule_words``."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from jlpanel.cli import main
from jlpanel.domain.aggregation import ScorePolicy
from jlpanel.domain.rule_words import describe_rules
from jlpanel.domain.rules import BudgetSplit, Grade, RuleSettings
from jlpanel.gui.common.rules_model import RulesTableModel
from jlpanel.gui.common.settings_dialog import SettingsDialog
from jlpanel.gui.secretary.secretary_view import DiscussionPage, ResultsPage
from jlpanel.services.reporting import write_reports
from jlpanel.services.rubrics import default_rubric
from jlpanel.services.workspace import create_workspace, update_rules

#: Every field differs from its default.
CHANGED = RuleSettings(
    score_policy=ScorePolicy.TRIMMED_MEAN,
    trim_min_n=6,
    disagreement_range=Decimal("12.5"),
    disagreement_from_median=Decimal("8"),
    excellent_min=Decimal("93"),
    good_min=Decimal("83"),
    pass_min=Decimal("65"),
    excellent_quota=Decimal("0.25"),
    area_floor_pct=Decimal("55"),
    area_floor_max_grade=Grade.GOOD,
    tie_break_area="A",
    veto_min_experts=2,
    unconfirmed_veto_counts=False,
    funding_grades=(Grade.EXCELLENT,),
    funding_places=3,
    funding_budget=Decimal("120"),
    budget_split=BudgetSplit.BY_TIER,
    tier_weights={Grade.EXCELLENT: Decimal("2"), Grade.GOOD: Decimal("1.25")},
    rectification_months=6,
    min_valid_scores=4,
    score_decimals=1,
)

#: What each setting must read as, in Chinese, wherever the rules are listed.
EXPECTED_ZH = (
    "6 位及以上专家时去掉一个最高分和一个最低分",
    "> 12.5 分",
    "> 8 分",
    "≥ 93 分",
    "≥ 83 分",
    "≥ 65 分",
    "< 65 分",
    "25%",
    "55%",
    "否则最高评为良好",
    "A 资源整合能力",
    "≥ 2 位专家",
    "暂不计入",
    "3 个",
    "120.00 万元",
    "优秀 ×2",
    "良好 ×1.25",
    "6 个月",
    "4 份",
    "1 位",
)


def test_every_setting_differs_from_its_default() -> None:
    default = RuleSettings()
    same = [
        f.name
        for f in dataclasses.fields(RuleSettings)
        if getattr(CHANGED, f.name) == getattr(default, f.name)
        and f.name != "score_policy"  # trimmed mean is the default; the threshold changes
    ]
    assert same == []
    # and the one wording names every setting
    words = " ".join(
        f"{s.rule.zh} {s.setting.zh} {s.meaning.zh}"
        for s in describe_rules(CHANGED, default_rubric())
    )
    missing = [text for text in EXPECTED_ZH if text not in words]
    assert missing == []
    assert "优秀" in words and "良好 ×1.25" in words


def _table_text(model: RulesTableModel) -> str:
    return " ".join(f"{r.rule} {r.setting} {r.meaning}" for r in model.rows())


def test_the_rules_tab_and_the_settings_dialog_say_the_cycles_values(qtbot: Any) -> None:
    model = RulesTableModel()
    model.set_rules(CHANGED, default_rubric())
    text = _table_text(model)
    assert [t for t in EXPECTED_ZH if t not in text] == []

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show_rules(CHANGED)
    dialog_text = _table_text(dialog.meaning_model)
    # The dialog shows the rules it edits, with the shipped rubric's area names.
    assert [t for t in EXPECTED_ZH if t not in dialog_text] == []
    # Settings without an editor are kept, not reset to their defaults.
    assert dialog.edited_rules() == CHANGED


@pytest.fixture
def cycle(tmp_path: Path) -> Path:
    path = tmp_path / "规则.jlpanel"
    with create_workspace(path, "2026年度规则测试") as ws:
        update_rules(ws, CHANGED)
    return path


def test_the_discussion_note_and_the_chart_lines_follow_the_rules(qtbot: Any, cycle: Path) -> None:
    from jlpanel.services.workspace import open_workspace

    with open_workspace(cycle) as ws:
        discussion = DiscussionPage()
        qtbot.addWidget(discussion)
        discussion.set_workspace(ws)
        note = discussion.ui.listNote.text()
        assert "超过 12.5 分" in note and "超过 8 分" in note and "15" not in note

        results = ResultsPage()
        qtbot.addWidget(results)
        results.set_workspace(ws)
        assert results.spreadChart.thresholds() == (65.0, 83.0, 93.0)
        # Re-wording (a language switch) keeps the cycle's limits without the workspace.
        discussion.set_workspace(None, load=False)
        results.set_workspace(None, load=False)
        discussion.retranslate()
        assert "超过 12.5 分" in discussion.ui.listNote.text()


def test_the_summary_pdf_and_the_command_line_state_the_rules(
    cycle: Path, tmp_path: Path, capsys: Any
) -> None:
    from jlpanel.services.workspace import open_workspace

    with open_workspace(cycle) as ws:
        (summary,) = write_reports(ws, tmp_path / "reports", documents=["summary"])
    text = "".join(page.extract_text() for page in PdfReader(summary).pages).replace("\n", "")
    assert "本周期考核规则" in text
    assert [t for t in EXPECTED_ZH if t not in text] == []

    capsys.readouterr()
    assert main(["rules", str(cycle)]) == 0
    out = capsys.readouterr().out
    assert [t for t in EXPECTED_ZH if t not in out] == []
