"""设置: language, backups, the export folder and the rules new cycles start with."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from jlpanel.gui.common.settings_dialog import SettingsDialog
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.services.preferences import load_preferences, preferences_path
from jlpanel.storage.workspace import list_backups

LEFT = Qt.MouseButton.LeftButton


def open_settings(window: MainWindow, qtbot: Any) -> SettingsDialog:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot: Any, widget: QWidget, text: str) -> None:
    """Select all and type, as a user would (ASCII only)."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def click_box(qtbot: Any, box: QWidget) -> None:
    """Click a check box or radio button on its box, not in the empty space beyond its text."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))


def open_and_wait(window: MainWindow, qtbot: Any, path: Path) -> None:
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        window.open_workspace(path)


def test_the_menu_entry_and_its_shortcut(window: MainWindow) -> None:
    assert window.settings_action in window.settings_menu.actions()
    assert window.settings_action.text() == "设置(&P)…"
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    # The language menu stays.
    assert window.language_menu.menuAction() in window.settings_menu.actions()


def test_choosing_english_switches_the_windows_at_once_and_is_saved(
    window: MainWindow, qtbot: Any
) -> None:
    dialog = open_settings(window, qtbot)
    assert dialog.windowTitle() == "设置"
    assert dialog.ui.zhRadio.isChecked()
    click_box(qtbot, dialog.ui.enRadio)
    assert window.file_menu.title() == "文件(&F)"  # nothing happens before OK / Apply
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert window.file_menu.title() == "&File"
    assert window.settings_menu.title() == "&Settings"
    assert window.language_actions["en"].isChecked()
    assert dialog.windowTitle() == "Settings"
    assert dialog.ui.tabs.tabText(dialog.RULES_PAGE) == "Rules for new cycles"
    assert load_preferences().language == "en"
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: window.settings_dialog is None)


def test_backups_and_the_export_folder_are_saved_and_used(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    tmp_path: Path,
    monkeypatch: Any,
    isolated_dirs: tuple[Path, Path],
) -> None:
    _config, data = isolated_dirs
    backups = tmp_path / "我的备份"
    exports = tmp_path / "导出"
    dialog = open_settings(window, qtbot)
    assert dialog.ui.backupFolderEdit.placeholderText() == str(data / "backups")
    dialog.ui.backupFolderEdit.setText(str(backups))
    retype(qtbot, dialog.ui.backupCountSpin, "2")
    assert dialog.ui.backupCountSpin.text() == "2 份备份"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(exports))
    )
    qtbot.mouseClick(dialog.ui.exportBrowseButton, LEFT)
    assert dialog.ui.exportFolderEdit.text() == str(exports)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: window.settings_dialog is None)

    saved = json.loads(preferences_path().read_text("utf-8"))
    assert saved["backup_dir"] == str(backups)
    assert saved["backup_count"] == 2
    assert saved["export_dir"] == str(exports)
    assert backups.is_dir() and exports.is_dir()  # checked by writing in them

    # Every open of a changed store backs up into the chosen folder, keeping the chosen
    # number (an unchanged one reuses its backup, issue 16).
    from jlpanel.cli import main

    for n in range(3):
        open_and_wait(window, qtbot, workspace_file)
        window.close_workspace()
        assert main(["rules", str(workspace_file), "--set", f"pass_min={60 + n % 2}"]) == 0
    open_and_wait(window, qtbot, workspace_file)
    assert len(list_backups(backups, workspace_file)) == 2
    assert not (data / "backups").exists()

    # Reports and exports start in the export folder …
    window.make_reports()
    report = window.report_dialog
    assert report is not None
    assert report.output_folder() == exports
    report.reject()
    from jlpanel.gui.secretary.report_dialog import ResultExport

    starts: list[str] = []

    def save_file_name(_parent: object, _title: str, start: str, *_a: object) -> tuple[str, str]:
        starts.append(start)
        return str(tmp_path / "别处" / "结果.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    assert window.workspace is not None
    export = ResultExport(window.workspace, window)
    assert export.ask_path() == tmp_path / "别处" / "结果.xlsx"
    # … until the user chooses another folder in this session.
    export.ask_path()
    assert [Path(s).parent for s in starts] == [exports, tmp_path / "别处"]


def test_a_rule_default_reaches_new_workspaces_from_the_gui_and_the_cli(
    window: MainWindow, qtbot: Any, workspace_file: Path, tmp_path: Path
) -> None:
    from jlpanel.cli import main
    from jlpanel.services.workspace import open_workspace

    dialog = open_settings(window, qtbot)
    dialog.ui.tabs.setCurrentIndex(dialog.RULES_PAGE)
    retype(qtbot, dialog.ui.excellentSpin, "92")
    retype(qtbot, dialog.ui.monthsSpin, "6")
    retype(qtbot, dialog.ui.quotaSpin, "20")
    click_box(qtbot, dialog.fundingChecks[dialog_grade("good")])
    assert dialog.ui.monthsSpin.text() == "6 个月"
    # The meaning table follows the editors.
    rows = {r.rule: r.setting for r in dialog.meaning_model.rows()}
    assert rows["优秀"] == "≥ 92 分"
    assert rows["整改期限"] == "6 个月"
    assert rows["后补助候选"] == "优秀"
    qtbot.mouseClick(dialog.ok_button, LEFT)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert dict(load_preferences().rule_defaults) == {
        "excellent_min": 92.0,
        "excellent_quota": 0.2,
        "funding_grades": ["excellent"],
        "rectification_months": 6,
    }

    # jlpanel new
    made = tmp_path / "cli.jlpanel"
    assert main(["new", str(made), "--cycle", "2027年度考核评价"]) == 0
    with open_workspace(made) as ws:
        rules = ws.cycle_info().rules
    assert (rules.excellent_min, rules.excellent_quota, rules.rectification_months) == (
        92,
        Decimal("0.2"),
        6,
    )

    # 新建工作区 in the window
    from test_gui_workflow import open_new_dialog

    new = open_new_dialog(window, qtbot)
    new.ui.pathEdit.setText(str(tmp_path / "gui.jlpanel"))
    with qtbot.waitSignal(window.workspace_opened, timeout=10_000):
        qtbot.mouseClick(new.ok_button, LEFT)
    assert window.workspace is not None
    rules = window.workspace.cycle_info().rules
    assert rules.excellent_min == 92.0 and rules.rectification_months == 6
    assert window.workspace_view.rules_model.rows()[3].setting == "≥ 92 分"

    # A workspace that already existed keeps its own rules.
    with open_workspace(workspace_file) as ws:
        assert ws.cycle_info().rules.excellent_min == 90.0


def dialog_grade(code: str) -> Any:
    from jlpanel.domain.rules import Grade

    return Grade(code)


def test_restore_defaults_puts_the_provincial_rules_back(window: MainWindow, qtbot: Any) -> None:
    dialog = open_settings(window, qtbot)
    dialog.ui.tabs.setCurrentIndex(dialog.RULES_PAGE)
    retype(qtbot, dialog.ui.passSpin, "55")
    retype(qtbot, dialog.ui.budgetSpin, "300")
    assert dialog.ui.splitCombo.isEnabled()
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert load_preferences().rule_defaults == {"pass_min": 55.0, "funding_budget": 300.0}

    qtbot.mouseClick(dialog.ui.restoreButton, LEFT)
    assert dialog.ui.passSpin.value() == 60.0
    assert dialog.ui.budgetSpin.text() == "无"
    assert not dialog.ui.splitCombo.isEnabled()
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert load_preferences().rule_defaults == {}


def test_a_folder_that_cannot_be_written_is_refused_and_nothing_is_saved(
    window: MainWindow, qtbot: Any, tmp_path: Path, message_boxes: list[Any]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    dialog = open_settings(window, qtbot)
    click_box(qtbot, dialog.ui.enRadio)
    dialog.ui.backupFolderEdit.setText(str(blocker / "备份"))
    qtbot.mouseClick(dialog.ok_button, LEFT)

    assert [b.kind for b in message_boxes] == ["warning"]
    assert message_boxes[0].text.startswith("无法在文件夹中写入文件：")
    assert str(blocker / "备份") in message_boxes[0].text
    assert dialog.isVisible()
    assert dialog.ui.tabs.currentIndex() == dialog.BACKUP_PAGE
    assert dialog.focusWidget() is dialog.ui.backupFolderEdit
    assert not preferences_path().exists()
    assert window.file_menu.title() == "文件(&F)"  # the language was not switched either

    # A relative path and thresholds out of order are refused too, in the user's words.
    dialog.ui.backupFolderEdit.setText("backups")
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert message_boxes[-1].text == "备份文件夹须是完整的路径：backups"
    dialog.ui.backupFolderEdit.clear()
    dialog.ui.goodSpin.setValue(95)
    qtbot.mouseClick(dialog.apply_button, LEFT)
    assert message_boxes[-1].text == "等次分数线须满足：合格 ≤ 良好 ≤ 优秀。"
    assert dialog.ui.tabs.currentIndex() == dialog.RULES_PAGE
    assert not preferences_path().exists()


def test_escape_cancels_and_every_field_is_a_tab_stop(window: MainWindow, qtbot: Any) -> None:
    dialog = open_settings(window, qtbot)
    editors: list[QWidget] = [
        dialog.ui.zhRadio,
        dialog.ui.backupFolderEdit,
        dialog.ui.backupBrowseButton,
        dialog.ui.backupCountSpin,
        dialog.ui.exportFolderEdit,
        dialog.ui.policyCombo,
        dialog.ui.excellentSpin,
        dialog.ui.floorSpin,
        dialog.ui.tieCombo,
        dialog.ui.budgetSpin,
        dialog.ui.monthsSpin,
        dialog.ui.restoreButton,
        *dialog.fundingChecks.values(),
    ]
    for widget in editors:
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget
    labels = [dialog.ui.backupFolderLabel, dialog.ui.backupCountLabel, dialog.ui.exportFolderLabel]
    labels += [dialog.ui.policyLabel, dialog.ui.monthsLabel, dialog.ui.languageLabel]
    for label in labels:
        assert "&" in label.text() and label.buddy() is not None, label.text()

    retype(qtbot, dialog.ui.backupCountSpin, "7")
    qtbot.keyClick(dialog.ui.backupCountSpin, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert not preferences_path().exists()


@pytest.mark.parametrize("contents", ['{"language": "en"}', "{broken", "[1, 2]"])
def test_the_dialog_opens_on_old_or_broken_preferences(
    window: MainWindow, qtbot: Any, contents: str
) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(contents, "utf-8")
    dialog = open_settings(window, qtbot)
    assert dialog.ui.enRadio.isChecked() == (contents == '{"language": "en"}')
    assert dialog.ui.backupCountSpin.value() == 10
    assert dialog.ui.excellentSpin.value() == 90.0
    dialog.reject()


def test_the_review_window_offers_the_same_dialog(
    window: MainWindow, qtbot: Any, issued: Any
) -> None:
    with qtbot.waitSignal(window.review_opened, timeout=20_000) as opened:
        window.open_review(issued.package)
    review = opened.args[0]
    assert review.settings_action in review.settings_menu.actions()
    review.settings_action.trigger()
    dialog = review.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    click_box(qtbot, dialog.ui.enRadio)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert review.settings_menu.title() == "&Settings"
    assert review.language_actions["en"].isChecked()
    review.close()
