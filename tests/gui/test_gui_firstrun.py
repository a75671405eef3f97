"""The first run: the demo cycle from the start page, window sizes, the keyboard throughout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import IssuedFiles, Shown
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from jlpanel.gui.common.geometry import first_run_size, fit_into
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.shortcuts_dialog import ShortcutsDialog, key_text, plain_text
from jlpanel.gui.shell.app import MainWindow

#: Building the demo takes about half a minute; a slow shared machine gets more.
BUILD_TIMEOUT_MS = 240_000


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the user's keys go: the widget with the focus."""
    qtbot.keyClick(focused(), key, modifier)


def activate(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def inside(rect: QRect, area: QRect) -> bool:
    return area.contains(rect.topLeft()) and area.contains(rect.bottomRight())


# ------------------------------------------------------------------------------ the demo


def test_keyboard_only_builds_the_demo_opens_it_and_reaches_every_tab(
    window: MainWindow, qtbot: Any, isolated_dirs: tuple[Path, Path]
) -> None:
    _config, data = isolated_dirs
    page = window.start_page
    assert page.first_run
    activate(qtbot, window)
    # First run: the demo is the default choice and has the focus.
    qtbot.waitUntil(lambda: focused() is page.ui.demoButton)
    assert page.ui.demoButton.isDefault()
    # Tab goes round the start page's buttons and back.
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is page.ui.openButton
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is page.ui.newButton
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.ui.demoButton

    steps: list[str] = []
    with qtbot.waitSignal(window.workspace_opened, timeout=BUILD_TIMEOUT_MS) as opened:
        press(qtbot, Qt.Key.Key_Return)
        dialog = window.demo_dialog
        assert dialog is not None and dialog.isVisible()
        assert str(data / "demo") in dialog.intro_label.text()
        dialog.progress_bar.valueChanged.connect(lambda _v: steps.append(dialog.step_label.text()))
    demo = data / "demo" / "demo.jlpanel"
    assert opened.args == [demo]
    assert window.demo_dialog is None and not window.busy
    assert any("上一周期" in s for s in steps), steps  # the store's 2024 cycle first
    assert any("创建本周期" in s for s in steps), steps
    assert window.workspace_view.info is not None
    assert window.workspace_view.info.platform_count == 24
    assert window.workspace_view.info.expert_count == 7
    assert str(data / "demo" / "scores") in window.statusBar().currentMessage()
    assert any((data / "demo" / "scores").iterdir())

    # The platform list has the focus (the window gets it back from the closed dialog).
    activate(qtbot, window)
    qtbot.waitUntil(
        lambda: window.workspace_view.ui.platformsTab.isAncestorOf(QApplication.focusWidget())
    )

    # Every tab of the workspace by its shortcut, the focus following into the tab.
    tabs = window.workspace_view.ui.tabs
    assert tabs.count() == 7
    for number in (2, 3, 4, 5, 6, 7, 1):
        press(qtbot, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert tabs.currentIndex() == number - 1
        assert tabs.currentWidget().isAncestorOf(focused())

    # Closed and opened again: the demo is opened as it is, not built a second time.
    scores = sorted((data / "demo" / "scores").iterdir())
    stamps = [p.stat().st_mtime_ns for p in scores]
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace is None
    assert not page.first_run  # the demo is now a recent file
    with qtbot.waitSignal(window.workspace_opened, timeout=20_000) as again:
        window.demo_action.trigger()
        assert window.demo_dialog is None
    assert again.args == [demo]
    assert sorted((data / "demo" / "scores").iterdir()) == scores
    assert [p.stat().st_mtime_ns for p in scores] == stamps


def test_cancelling_the_demo_build_leaves_nothing_behind(
    window: MainWindow, qtbot: Any, isolated_dirs: tuple[Path, Path]
) -> None:
    _config, data = isolated_dirs
    window.start_page.ui.demoButton.click()
    dialog = window.demo_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.progress_bar.value() >= 2, timeout=60_000)
    assert (data / "demo" / "dossiers").is_dir()  # the build has begun writing
    with qtbot.waitSignal(dialog.cancelled, timeout=60_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # it waits for the current step, saying so
        assert not dialog.cancel_button.isEnabled()
        assert "停止" in dialog.note_label.text()
    assert window.demo_dialog is None and not window.busy
    assert window.workspace is None
    assert not (data / "demo").exists() or not any((data / "demo").iterdir())
    assert "取消" in window.statusBar().currentMessage()
    assert window.start_page.isEnabled()


def test_start_page_recent_list_keys(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    kept = tmp_path / "kept.jlpanel"
    kept.write_bytes(b"")
    gone = tmp_path / "gone.jlpanel"
    window.recent.add(kept)
    window.recent.add(gone)
    page = window.start_page
    page.refresh()
    assert not page.first_run
    assert not page.ui.demoButton.isDefault()
    listing = page.ui.recentList
    model = page.model
    assert [model.index(r).data() for r in range(model.rowCount())] == [gone.name, kept.name]
    assert model.index(0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert model.index(1).data(Qt.ItemDataRole.ForegroundRole) is None
    listing.setFocus()
    listing.setCurrentIndex(model.index(0))
    qtbot.keyClick(listing, Qt.Key.Key_Delete)
    assert window.recent.paths() == [kept.absolute()]
    assert listing.currentIndex().row() == 0
    with qtbot.waitSignal(page.recent_chosen) as chosen:
        qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert chosen.args == [kept.absolute()]
    page.clear_action.trigger()
    assert window.recent.paths() == []
    assert page.first_run and page.ui.demoButton.isDefault()


# ----------------------------------------------------------------------------- shortcuts


def test_shortcuts_dialog_lists_every_shortcut_of_the_window(
    window: MainWindow, qtbot: Any
) -> None:
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.shortcuts_dialog
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitExposed(dialog)
    rows = {(r.what, r.keys) for r in dialog.rows()}
    with_keys = [a for a in window.findChildren(QAction) if a.shortcuts() and a.text()]
    assert len(with_keys) >= 18
    for action in with_keys:
        assert (plain_text(action.text()), key_text(action)) in rows, action.text()
    groups = {r.group for r in dialog.rows()}
    assert {"文件", "平台", "评审", "帮助"} <= groups
    assert ("打开", QKeySequence("Ctrl+O").toString(QKeySequence.SequenceFormat.NativeText)) in rows
    assert ("键盘快捷键", key_text(window.shortcuts_action)) in rows

    apply_language("en")
    qtbot.waitUntil(
        lambda: (
            ("Keyboard Shortcuts", key_text(window.shortcuts_action))
            in {(r.what, r.keys) for r in dialog.rows()}
        )
    )
    assert dialog.windowTitle() == "Keyboard Shortcuts"
    apply_language("zh")
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_every_shortcut_of_the_main_window_is_unique(window: MainWindow) -> None:
    owners: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in owners, f"{key}: {owners[key]} and {action.text()}"
            owners[key] = action.text()
    assert {"Ctrl+1", "Ctrl+7", "Ctrl+/", "Ctrl+M"} <= owners.keys()


def test_every_menu_and_menu_command_has_a_mnemonic(window: MainWindow) -> None:
    for top in window.menuBar().actions():
        menu = top.menu()
        assert "&" in top.text(), top.text()
        letters: list[str] = []
        for action in menu.actions():  # type: ignore[union-attr]
            text = action.text()
            if action.isSeparator() or text in ("中文", "English"):
                continue
            assert "(&" in text or "&" in text, text
            letters.append(text[text.index("&") + 1].lower())
        assert len(letters) == len(set(letters)), (top.text(), letters)


def test_expert_window_shortcuts_are_unique_and_ctrl_slash_lists_them(
    window: MainWindow, qtbot: Any, issued: IssuedFiles, message_boxes: list[Shown]
) -> None:
    with qtbot.waitSignal(window.review_opened, timeout=15_000) as opened:
        window.open_workspace(issued.package)
    review = opened.args[0]
    qtbot.waitExposed(review)
    owners: dict[str, str] = {}
    for action in review.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in owners, f"{key}: {owners[key]} and {action.text()}"
            owners[key] = action.text()
    assert {"Ctrl+1", "Alt+1", "Ctrl+PgDown", "Ctrl+/"} <= owners.keys()
    hint = review.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 728 - 40, hint
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    qtbot.keyClick(review, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert [m.title for m in message_boxes] == ["键盘操作"]
    assert "Ctrl+PgDown" in message_boxes[0].text
    review.close()


# ------------------------------------------------------------------------------ geometry


def test_first_run_window_fits_the_screen(window: MainWindow) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert inside(window.frameGeometry(), available)
    assert window.width() <= int(available.width() * 0.9)
    assert window.height() <= int(available.height() * 0.9)


def test_a_geometry_saved_off_screen_comes_back_onto_the_screen(
    window: MainWindow, qtbot: Any
) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    window.resize(available.width() + 900, available.height() + 700)
    window.move(available.right() + 3000, available.bottom() + 2000)
    window.close()
    assert app_settings().value("mainWindow/geometry") is not None
    again = MainWindow()
    qtbot.addWidget(again)
    assert inside(QRect(again.pos(), again.size()), available)
    again.show()
    qtbot.waitExposed(again)
    assert inside(again.geometry(), available)


def test_fitting_rectangles_onto_a_small_screen() -> None:
    laptop = QRect(0, 0, 1366, 728)
    # Saved on a 2560×1440 monitor to the right of this one.
    assert fit_into(QRect(3000, 200, 2000, 1200), laptop) == QRect(0, 0, 1366, 728)
    assert fit_into(QRect(-500, -80, 800, 600), laptop) == QRect(0, 0, 800, 600)
    assert fit_into(QRect(1000, 500, 800, 600), laptop) == QRect(566, 128, 800, 600)
    assert fit_into(QRect(100, 50, 800, 600), laptop) == QRect(100, 50, 800, 600)
    assert first_run_size(QSize(1240, 780), laptop) == QSize(1229, 655)
    assert first_run_size(QSize(1240, 780), QRect(0, 0, 2560, 1400)) == QSize(1240, 780)


def test_the_open_workspace_fits_a_1366_by_768_screen(
    window: MainWindow, qtbot: Any, workspace_file: Path
) -> None:
    with qtbot.waitSignal(window.workspace_opened, timeout=20_000):
        window.open_workspace(workspace_file)
    for number in range(1, 8):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 728 - 40, (number, hint)


def test_every_dossier_tab_leaves_the_scoring_panel_room_in_english(
    window: MainWindow, qtbot: Any
) -> None:
    """The dossier sits between the platform list and the scoring panel of the expert's
    desk. At 1366 px in English the attachments tab's one-line hint once made it 776 px wide
    at least, squeezing the scoring panel until its scores and comments were cut off."""
    from PySide6.QtWidgets import QTabWidget

    from jlpanel.gui.common.dossier_view import DossierView

    window.set_language("en")
    dossier = DossierView()
    dossier.set_compact(True)  # as on the desk
    qtbot.addWidget(dossier)
    dossier.resize(600, 600)
    dossier.show()
    qtbot.waitExposed(dossier)
    tabs = dossier.findChild(QTabWidget)
    assert tabs is not None
    for number in range(tabs.count()):
        tabs.setCurrentIndex(number)
        page = tabs.currentWidget()
        assert page.minimumSizeHint().width() <= 420, (tabs.tabText(number), page)


def test_any_demo_cycle_says_where_its_score_files_are(
    window: MainWindow, qtbot: Any, workspace_file: Path, tmp_path: Path
) -> None:
    """`bash dev.sh app` and `jlpanel demo DIR` open a demo outside the data folder; the
    status bar still points at the score files beside it. An ordinary workspace gets no hint."""
    import shutil

    demo = tmp_path / "elsewhere" / "demo.jlpanel"
    demo.parent.mkdir()
    shutil.copy(workspace_file, demo)
    (demo.parent / "scores").mkdir()
    with qtbot.waitSignal(window.workspace_opened, timeout=20_000):
        window.open_workspace(demo)
    assert str(demo.parent / "scores") in window.statusBar().currentMessage()
    window.close_workspace()
    with qtbot.waitSignal(window.workspace_opened, timeout=20_000):
        window.open_workspace(workspace_file)
    assert "scores" not in window.statusBar().currentMessage()
