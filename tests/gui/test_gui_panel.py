"""The panel's own decisions in the secretary's GUI (DESIGN §5): a tie at the 优秀 quota shown
as 并列 and ordered through 并列排序 with a reason, 确定结果 refused while it is undecided and
then confirmed, reopening with a reason, and a veto claim on the discussion list ruled on."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import Shown
from meeting_support import CYCLE, EXPERTS, PERIOD, POOR_COMMENT, write_dossiers, write_roster_file
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jlpanel.gui.secretary.panel_dialogs import ReopenDialog, TieOrderDialog, VetoRulingDialog
from jlpanel.gui.secretary.secretary_view import DiscussionPage, ResultsPage
from jlpanel.services import review as rv

pytestmark = pytest.mark.usefixtures("message_boxes")

#: JL-A and JL-B score the same to the last indicator: a tie at a one-place 优秀 quota.
SHARES = {"JL-A": 1.0, "JL-B": 1.0, "JL-C": 0.75}
VETO_REASON = "材料中的服务记录与合同不符"


def _score(package: Path, out: Path, veto: str | None) -> Path:
    with rv.open_package(package) as session:
        for platform in session.platforms:
            rv.declare(session, platform.id, False)
            for ind in session.rubric.indicators:
                top, step = float(ind.max_points), float(ind.step)
                value = round(top * SHARES[platform.filing_no] / step) * step
                rv.set_score(session, platform.id, ind.code, value)
                if ind.requires_comment(value):
                    rv.set_comment(session, platform.id, ind.code, POOR_COMMENT)
            if veto is not None and platform.filing_no == "JL-C":
                rv.set_veto(session, platform.id, veto, VETO_REASON)
        rv.submit(session, out)
    return out


@pytest.fixture(scope="module")
def tied_cycle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three platforms scored by four experts: JL-A and JL-B tied at a one-place quota, and
    one expert claiming a veto on JL-C."""
    import dataclasses

    from jlpanel.services.experts import assign_experts, import_roster
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.merge import merge_score_files
    from jlpanel.services.packages import issue_packages
    from jlpanel.services.workspace import create_workspace, update_rules

    folder = tmp_path_factory.mktemp("tied")
    path = folder / "files" / "2026年度.jlpanel"
    path.parent.mkdir(parents=True)
    with create_workspace(path, CYCLE, period_start=PERIOD[0], period_end=PERIOD[1]) as ws:
        assert all(o.ok for o in import_dossiers(ws, write_dossiers(folder / "材料")))
        assert import_roster(ws, write_roster_file(folder / "名单" / "专家.xlsx")).ok
        assign_experts(ws)
        veto = ws.cycle_info().rubric.vetoes[0].code
        issued = issue_packages(ws, folder / "评审包", paper_sheets=False)
        for n, item in enumerate(sorted(issued, key=lambda i: i.expert_name)):
            claim = veto if item.expert_name == EXPERTS[0] else None
            _score(item.path, folder / "评分" / f"{n}.jlscore", claim)
        assert all(o.ok for o in merge_score_files(ws, [folder / "评分"], backup_dir=None))
        rules = ws.cycle_info().rules
        update_rules(ws, dataclasses.replace(rules, excellent_quota=Decimal("0.34")))
    return path


@pytest.fixture
def workspace(tied_cycle: Path, tmp_path: Path, app: QApplication) -> Iterator[Any]:
    from jlpanel.services.workspace import open_workspace

    target = tmp_path / tied_cycle.name
    shutil.copy2(tied_cycle, target)
    ws = open_workspace(target)
    yield ws
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    ws.close()


def _rank_cells(page: ResultsPage) -> dict[str, tuple[str, str]]:
    """Filing number → (rank cell, its tooltip) as the results table shows them."""
    model = page.results_model
    return {
        line.filing_no: (
            model.index(row, 0).data(),
            model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or "",
        )
        for row, line in enumerate(model.rows())
    }


def test_a_tie_at_the_quota_is_ordered_then_the_results_are_confirmed(
    qtbot: Any, workspace: Any, message_boxes: list[Shown]
) -> None:
    page = ResultsPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace)

    cells = _rank_cells(page)
    assert cells["JL-A"][0] == cells["JL-B"][0] == "1（并列）"
    assert "优秀比例线上并列" in cells["JL-A"][1]
    assert "尚未确定" in page.confirmation_text()
    assert "1 处并列" in page.confirmation_text()
    assert page.ui.tieButton.isEnabled() and not page.ui.reopenButton.isEnabled()

    # 确定结果 is refused while the tie is undecided, naming the tied platforms
    qtbot.mouseClick(page.ui.confirmButton, Qt.MouseButton.LeftButton)
    assert message_boxes[-1].kind == "warning"
    assert "并列" in message_boxes[-1].text and "JL-A、JL-B" in message_boxes[-1].text
    assert "尚未确定" in page.confirmation_text()

    # 并列排序: B before A, with a reason
    dialog = page.order_tie()
    assert isinstance(dialog, TieOrderDialog)
    assert dialog.order() == ["JL-A", "JL-B"]
    assert not dialog.ok_button().isEnabled()  # no reason yet
    dialog.memberList.setCurrentRow(1)
    qtbot.mouseClick(dialog.upButton, Qt.MouseButton.LeftButton)
    assert dialog.order() == ["JL-B", "JL-A"]
    assert not dialog.upButton.isEnabled() and dialog.downButton.isEnabled()
    dialog.reasonEdit.setPlainText("乙平台服务成效的年度增幅更大")
    assert dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted

    cells = _rank_cells(page)
    assert (cells["JL-B"][0], cells["JL-A"][0]) == ("1", "2")
    assert not page.ui.tieButton.isEnabled()

    # now it can be confirmed
    qtbot.mouseClick(page.ui.confirmButton, Qt.MouseButton.LeftButton)
    assert "已于" in page.confirmation_text() and "确定" in page.confirmation_text()
    assert not page.ui.confirmButton.isEnabled() and page.ui.reopenButton.isEnabled()

    # 重新打开 asks for a reason
    reopen = page.reopen_results()
    assert isinstance(reopen, ReopenDialog)
    assert not reopen.ok_button().isEnabled()
    reopen.reasonEdit.setPlainText("预算调整后须修改后补助规则")
    qtbot.mouseClick(reopen.ok_button(), Qt.MouseButton.LeftButton)
    assert "尚未确定" in page.confirmation_text()
    assert page.ui.confirmButton.isEnabled()


def test_a_veto_claim_is_on_the_discussion_list_and_dismissing_it_changes_the_grade(
    qtbot: Any, workspace: Any
) -> None:
    page = DiscussionPage()
    qtbot.addWidget(page)
    page.set_workspace(workspace)

    items = {d.filing_no: d for d in page.discussion_items()}
    assert {"JL-A", "JL-B", "JL-C"} <= set(items)  # the tie and the claim, no disagreement
    (claim,) = items["JL-C"].claims
    assert claim.expert_name == EXPERTS[0] and claim.reason == VETO_REASON
    assert claim.status == "pending" and "待认定" in claim.text
    assert items["JL-A"].tie == "优秀比例线上并列"
    row = [d.filing_no for d in page.discussion_items()].index("JL-C")
    reasons = page.discussion_model.index(row, 2).data()
    assert EXPERTS[0] in reasons and VETO_REASON in reasons and "待认定" in reasons

    page.show_platform(items["JL-C"].platform_id)
    panel = page.panel()
    assert panel is not None and panel.grade is not None
    assert panel.grade.value == "fail"
    assert page.ui.vetoButton.isEnabled()

    dialog = page.rule_on_veto()
    assert isinstance(dialog, VetoRulingDialog)
    assert VETO_REASON in dialog.claimsLabel.text()
    dialog.reasonEdit.setPlainText("经核实服务记录与合同相符")
    assert not dialog.ok_button().isEnabled()  # no ruling chosen yet
    dialog.dismissRadio.setChecked(True)
    assert dialog.ok_button().isEnabled()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    panel = page.panel()
    assert panel is not None and panel.filing_no == "JL-C"
    assert panel.grade is not None and panel.grade.value == "pass"
    (claim,) = {d.filing_no: d for d in page.discussion_items()}["JL-C"].claims
    assert claim.status == "dismissed" and "已驳回" in claim.text


def test_the_page_buttons_have_distinct_mnemonics(qtbot: Any, app: QApplication) -> None:
    import re

    results, discussion = ResultsPage(), DiscussionPage()
    qtbot.addWidget(results)
    qtbot.addWidget(discussion)
    for page in (results, discussion):
        keys = [
            m.group(1).upper()
            for b in (page.findChildren(type(results.ui.confirmButton)))
            if (m := re.search(r"&(\w)", b.text()))
        ]
        assert len(keys) == len(set(keys)), keys
        # never a top-level menu's letter (文件 F, 设置 S, 帮助 H, 平台 P, 专家 E, 评审 R)
        assert not set(keys) & set("FSHPER"), keys
