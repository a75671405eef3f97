"""The audit log read back for people (services.audit): kinds in words, the platform an entry
concerns, and old → new without JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from review_support import build_cycle

from jlpanel.domain.scoresheet import Provenance, ScoreSheet
from jlpanel.services.audit import audit_kinds, audit_log
from jlpanel.services.consensus import save_panel_opinion
from jlpanel.services.paper import enter_paper_scores, paper_choices


def test_paper_scores_and_an_opinion_read_back_in_words(tmp_path: Path) -> None:
    ws = build_cycle(tmp_path, others_work=False)
    try:
        rubric = ws.cycle_info().rubric
        # 钱晓红 may be given paper scores for her assigned platforms, not her conflict.
        choices = {c.name: c for c in paper_choices(ws)}
        assert [p.id for p in choices["钱晓红"].platforms] == [101, 102, 104]
        sheet = ScoreSheet(
            "900002",
            "102",
            {i.code: i.max_points for i in rubric.indicators},
            provenance=Provenance.PAPER,
        )
        assert enter_paper_scores(ws, 900002, [sheet], entered_by="秘书王").ok
        assert [p.entered for p in paper_choices(ws)[1].platforms] == [None, "paper", None]
        save_panel_opinion(ws, 102, "材料齐全")
        save_panel_opinion(ws, 102, "材料齐全，服务规范")

        lines = audit_log(ws, platform_id=102)
        assert [line.action for line in lines] == [
            "save_panel_opinion",
            "save_panel_opinion",
            "enter_paper_scores",
        ]
        assert lines[0].change_text("zh") == "材料齐全 → 材料齐全，服务规范"
        assert lines[1].change_text("zh") == "— → 材料齐全"
        paper = lines[2]
        assert paper.kind("zh") == "录入纸质评分" and paper.kind("en") == "Paper scores entered"
        assert paper.platform == "吉林省第2分析测试资源共享服务平台"
        text = paper.change_text("zh")
        assert "录入人：秘书王" in text and "专家：钱晓红" in text and "{" not in text
        assert {"enter_paper_scores", "save_panel_opinion", "create_cycle"} <= set(audit_kinds(ws))
        # Dates are the user's days, inclusive.
        today = dt.date.today()
        assert len(audit_log(ws, since=today, until=today)) == len(audit_log(ws))
        assert audit_log(ws, until=today - dt.timedelta(days=1)) == []
        assert audit_log(ws, actions=["adjust_score"]) == []
    finally:
        ws.close()
