"""审计日志 (issue 14 item 6): the log the rules page promises, seen — an adjustment made
through the services shows old → new in words, the filters narrow the list, and 导出… writes
a file that reads back the same."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from meeting_support import NAMES, build_scored_cycle
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QFileDialog

from jlpanel.gui.common.audit_log import AuditLogDialog
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.tasks import pending_tasks

REASON = "专家组讨论后一致同意"


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_scored_cycle(tmp_path_factory.mktemp("audit"))


@pytest.fixture
def adjusted(scored: Path, tmp_path: Path) -> tuple[Path, int, str]:
    """A copy of the scored cycle with the second platform's score adjusted to 80."""
    import shutil

    from jlpanel.services.consensus import adjust_score
    from jlpanel.services.dossiers import list_platforms
    from jlpanel.services.workspace import open_workspace

    path = tmp_path / scored.name
    shutil.copy(scored, path)
    with open_workspace(path) as ws:
        platform = next(p for p in list_platforms(ws) if p.name == NAMES[1])
        line = adjust_score(ws, platform.id, Decimal("80"), REASON)
        assert line is not None
    return path, platform.id, platform.name


def open_log(qtbot: Any, window: Any, path: Path) -> AuditLogDialog:
    window.open_workspace(path)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.audit_action.shortcut().toString() == "Ctrl+Shift+L"
    assert window.audit_action in window.review_menu.actions()
    window.audit_action.trigger()
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AuditLogDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def shown(dialog: AuditLogDialog, column: int) -> list[str]:
    model = dialog.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_an_adjustment_shows_old_to_new_and_the_filters_narrow_the_list(
    qtbot: Any, window: Any, adjusted: tuple[Path, int, str]
) -> None:
    path, platform_id, name = adjusted
    dialog = open_log(qtbot, window, path)
    everything = len(dialog.lines())
    kinds = shown(dialog, 2)
    assert kinds[0] == "调整得分"  # newest first
    assert {"创建考核周期", "导入平台材料", "合并评分文件"} <= set(kinds)
    assert shown(dialog, 3)[0] == name
    change = shown(dialog, 4)[0]
    before = dialog.lines()[0].changes[0].old
    assert before is not None and "{" not in change and '"' not in change
    assert f"得分：{before} → 80" in change
    assert f"理由：{REASON}" in change
    assert dialog.countLabel.text() == f"共 {everything} 条"

    # By kind: only the adjustment.
    dialog.choose_kind("adjust_score")
    assert shown(dialog, 2) == ["调整得分"]
    # By platform: its import and its adjustment, nothing of the others.
    dialog.choose_kind(None)
    dialog.choose_platform(platform_id)
    assert set(shown(dialog, 3)) == {name}
    assert set(shown(dialog, 2)) == {"调整得分", "导入平台材料"}
    # By date: nothing before today; all of today.
    dialog.choose_platform(None)
    yesterday = QDate.currentDate().addDays(-1)
    dialog.fromEdit.setDate(yesterday.addDays(-30))
    dialog.toEdit.setDate(yesterday)
    assert dialog.lines() == []
    assert dialog.countLabel.text() == "共 0 条"
    dialog.toEdit.setDate(QDate.currentDate())
    assert len(dialog.lines()) == everything
    dialog.resetButton.click()
    assert len(dialog.lines()) == everything

    # In English the kinds and values are English.
    apply_language("en")
    assert shown(dialog, 2)[0] == "Score adjusted"
    assert "score: " in shown(dialog, 4)[0] and "→ 80" in shown(dialog, 4)[0]
    assert dialog.exportButton.text() == "&Export…"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_entries_shown(
    qtbot: Any,
    window: Any,
    adjusted: tuple[Path, int, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    path, platform_id, name = adjusted
    dialog = open_log(qtbot, window, path)
    dialog.choose_platform(platform_id)
    target = tmp_path / "out" / f"审计日志{suffix}"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target), "")),
    )
    dialog.exportButton.click()
    assert target.exists()
    assert str(target) in dialog.exportedLabel.text()
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    else:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(target))
        rows = book.get_sheet_by_name("审计日志").to_python()
    header, *body = rows
    assert header[:5] == ["时间", "操作人", "操作", "平台", "变更"]
    assert len(body) == len(dialog.lines()) == 2
    assert [r[2] for r in body] == ["调整得分", "导入平台材料"]
    assert {r[3] for r in body} == {name}
    assert body[0][4] == dialog.lines()[0].change_text("zh")
    assert REASON in body[0][6] and "得分：80" in body[0][6]
    assert body[0][0].startswith(dt.date.today().isoformat())
