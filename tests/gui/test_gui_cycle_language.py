"""The cycle's report language in the GUI: chosen when the cycle is made (中文 whatever the UI
speaks), shown on the 考核规则 tab, changed in 生成评审报告 — and the export follows it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from meeting_support import build_scored_cycle
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook
from sqlalchemy import select
from test_gui_workflow import open_new_dialog

from jlpanel.gui.secretary.report_dialog import ReportDialog
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.storage import models as m

LEFT = Qt.MouseButton.LeftButton
ENGLISH_SHEETS = ["Results", "Scores", "Indicator means", "Decisions", "History"]
CHINESE_SHEETS = ["结果汇总", "评分明细", "指标均分", "决定", "历史"]


@pytest.fixture(scope="module")
def scored_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small cycle scored and merged (a Chinese cycle), built once for the module."""
    return build_scored_cycle(tmp_path_factory.mktemp("cycle")).parent


def choose(qtbot: Any, combo: Any, name: str) -> None:
    """Pick ``name`` in a combo box with the arrow keys, as a keyboard user would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != name:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{name} is not offered"


def report_language_row(window: MainWindow) -> tuple[str, str]:
    rows = window.workspace_view.rules_model.rows()
    return rows[-1].rule, rows[-1].setting


def export_through_the_window(
    window: MainWindow, qtbot: Any, monkeypatch: pytest.MonkeyPatch, target: Path
) -> list[str]:
    """文件 → 导出结果 to ``target`` (.xlsx); the sheet names written."""
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_a, **_k: (str(target), "Excel 工作簿 (*.xlsx)")),
    )
    window.export_action.trigger()
    qtbot.waitUntil(lambda: window.result_export is None and not window.busy, timeout=30_000)
    return list(CalamineWorkbook.from_path(str(target)).sheet_names)


def audit_actions(window: MainWindow) -> list[tuple[str, Any]]:
    assert window.workspace is not None
    with window.workspace.session() as s:
        entries = s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)).all()
        return [
            (e.action, json.loads(e.detail_json) if e.detail_json else None)
            for e in entries
            if e.entity == "cycle"
        ]


# ------------------------------------------------------------------------ new workspace


def test_an_english_ui_still_makes_a_chinese_cycle(
    window: MainWindow, qtbot: Any, save_as: Path
) -> None:
    window.set_language("en")
    dialog = open_new_dialog(window, qtbot)
    combo = dialog.ui.languageCombo
    assert [combo.itemText(n) for n in range(combo.count())] == ["中文", "English"]
    assert combo.currentText() == "中文"
    assert dialog.ui.languageLabel.text() == "Report &language:"
    assert dialog.ui.languageHint.isVisible()
    hint = dialog.ui.languageHint.text()
    assert hint == "The PDF reports and exported workbooks use this language"
    qtbot.mouseClick(dialog.ui.pathBrowseButton, LEFT)
    assert dialog.request().language == "zh"

    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert window.workspace is not None
    assert window.workspace.cycle_info().language == "zh"
    assert report_language_row(window) == ("Report language", "中文")
    window.set_language("zh")
    assert report_language_row(window) == ("报告语言", "中文")
    assert audit_actions(window)[0][1]["new"]["language"] == "zh"


def test_english_chosen_in_the_dialog_makes_english_exports(
    window: MainWindow, qtbot: Any, save_as: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_new_dialog(window, qtbot)
    assert dialog.ui.languageLabel.text() == "报告与导出语言(&L)："
    assert dialog.ui.languageHint.text() == "评价报告、汇总表等 PDF 和导出的工作簿使用此语言"
    choose(qtbot, dialog.ui.languageCombo, "English")
    qtbot.mouseClick(dialog.ui.pathBrowseButton, LEFT)
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    assert window.workspace is not None
    assert window.workspace.cycle_info().language == "en"
    assert report_language_row(window) == ("报告语言", "English")
    assert export_through_the_window(window, qtbot, monkeypatch, tmp_path / "r.xlsx") == (
        ENGLISH_SHEETS
    )


def test_the_language_choice_is_frozen_while_creating(
    window: MainWindow, qtbot: Any, save_as: Path
) -> None:
    dialog = open_new_dialog(window, qtbot)
    dialog.set_busy(True)
    assert not dialog.ui.languageCombo.isEnabled()
    dialog.set_busy(False)
    assert dialog.ui.languageCombo.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: window.new_dialog is None)


# -------------------------------------------------------------------------- the reports


def open_scored(window: MainWindow, qtbot: Any, scored_folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "cycle"
    shutil.copytree(scored_folder, target)
    path = target / "2026年度.jlpanel"
    with qtbot.waitSignal(window.workspace_opened, timeout=15_000):
        window.open_workspace(path)
    return target


def open_report_dialog(window: MainWindow, qtbot: Any) -> ReportDialog:
    window.report_action.trigger()
    dialog = window.report_dialog
    assert isinstance(dialog, ReportDialog)
    qtbot.waitExposed(dialog)
    return dialog


def generate(qtbot: Any, dialog: ReportDialog) -> list[Path]:
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as done:
        qtbot.mouseClick(dialog.ui.startButton, LEFT)
    return list(done.args[0])


def close_report_dialog(window: MainWindow, qtbot: Any, dialog: ReportDialog) -> None:
    dialog.accept()
    qtbot.waitUntil(lambda: window.report_dialog is None)


def test_reports_in_another_language_make_it_the_cycles_and_the_export_follows(
    window: MainWindow,
    qtbot: Any,
    scored_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = open_scored(window, qtbot, scored_folder, tmp_path)
    assert report_language_row(window) == ("报告语言", "中文")
    dialog = open_report_dialog(window, qtbot)
    assert dialog.ui.languageCombo.currentText() == "中文"
    assert dialog.ui.languageLabel.text() == "报告语言(&L)："
    assert "之后的报告和导出结果 (Ctrl+E) 也使用它" in dialog.ui.languageNote.text()
    assert dialog.ui.languageNote.isVisible()

    choose(qtbot, dialog.ui.languageCombo, "English")
    dialog.set_documents(["summary"])
    changed: list[str] = []
    dialog.language_changed.connect(changed.append)
    written = generate(qtbot, dialog)
    assert [p.name for p in written] == ["Results summary.pdf"]
    text = "".join(page.extract_text() for page in PdfReader(written[0]).pages)
    assert "Grade distribution" in text
    assert changed == ["en"]
    assert window.workspace is not None
    assert window.workspace.cycle_info().language == "en"
    assert audit_actions(window)[-1] == ("set_language", {"old": "zh", "new": "en"})
    assert report_language_row(window) == ("报告语言", "English")
    close_report_dialog(window, qtbot, dialog)

    # 导出结果 (Ctrl+E) now writes English without being asked.
    sheets = export_through_the_window(window, qtbot, monkeypatch, folder / "结果.xlsx")
    assert sheets == ENGLISH_SHEETS

    # The dialog opens on the stored language; the same language again changes nothing.
    dialog = open_report_dialog(window, qtbot)
    assert dialog.ui.languageCombo.currentText() == "English"
    dialog.set_documents(["publication"])
    before = audit_actions(window)
    assert [p.name for p in generate(qtbot, dialog)] == ["Publication list.pdf"]
    assert audit_actions(window) == before
    # Back to Chinese: stored again, and the export is Chinese again.
    qtbot.mouseClick(dialog.ui.againButton, LEFT)
    choose(qtbot, dialog.ui.languageCombo, "中文")
    assert [p.name for p in generate(qtbot, dialog)] == ["公示名单.pdf"]
    assert audit_actions(window)[-1] == ("set_language", {"old": "en", "new": "zh"})
    assert report_language_row(window) == ("报告语言", "中文")
    close_report_dialog(window, qtbot, dialog)
    sheets = export_through_the_window(window, qtbot, monkeypatch, folder / "结果2.xlsx")
    assert sheets == CHINESE_SHEETS
