"""Platforms: importing dossiers through the dialog, the platform list, the dossier browser."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import platform_dossier, write_platform
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.gui.staff.import_dialog import ImportDialog
from jlpanel.gui.staff.platform_model import PlatformColumn

LEFT = Qt.MouseButton.LeftButton


# ----------------------------------------------------------------------------- helpers


def open_workspace(window: MainWindow, qtbot: Any, path: Path) -> None:
    view = window.workspace_view
    with qtbot.waitSignals([window.workspace_opened, view.platforms_refreshed], timeout=10_000):
        window.open_workspace(path)


def answer_open_files(monkeypatch: pytest.MonkeyPatch, files: list[Path]) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_a, **_k: ([str(p) for p in files], "Excel")),
    )


def import_dialog(window: MainWindow, qtbot: Any) -> ImportDialog:
    window.import_action.trigger()
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def files_to_import(
    window: MainWindow,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    workspace: Path,
    files: list[Path],
) -> ImportDialog:
    """Open ``workspace``, open the import dialog and add ``files`` with 添加文件 (the file
    dialog answered with them); the dialog, ready to start."""
    open_workspace(window, qtbot, workspace)
    answer_open_files(monkeypatch, files)
    dialog = import_dialog(window, qtbot)
    qtbot.mouseClick(dialog.ui.addFilesButton, LEFT)
    return dialog


def run_import(window: MainWindow, qtbot: Any, dialog: ImportDialog) -> None:
    with qtbot.waitSignals(
        [dialog.imported, window.workspace_view.platforms_refreshed], timeout=30_000
    ):
        qtbot.mouseClick(dialog.ui.startButton, LEFT)


def statuses(dialog: ImportDialog) -> list[str]:
    model = dialog.results_model
    return [model.index(row, model.STATUS).data() for row in range(model.rowCount())]


def stored_platforms(path: Path) -> list[str]:
    from jlpanel.services.dossiers import list_platforms
    from jlpanel.services.workspace import open_workspace as open_ws

    with open_ws(path) as ws:
        return sorted(p.name for p in list_platforms(ws))


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """QDesktopServices.openUrl records the URL instead of starting a program."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


@pytest.fixture
def imported_workspace(workspace_file: Path, dossier_files: list[Path]) -> Path:
    """The workspace with the two valid dossiers imported by the service the GUI calls."""
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import open_workspace as open_ws

    with open_ws(workspace_file) as ws:
        outcomes = import_dossiers(ws, dossier_files[:2])
    assert all(o.ok for o in outcomes)
    return workspace_file


# ------------------------------------------------------------------------------ import


def test_import_two_dossiers_and_refuse_a_broken_one(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    dossier_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    opened_urls: list[QUrl],
) -> None:
    open_workspace(window, qtbot, workspace_file)
    view = window.workspace_view
    assert view.ui.tabs.currentWidget() is view.ui.platformsTab
    listing = view.platform_list
    # No platforms yet: the hint with its two buttons.
    assert listing.ui.pages.currentWidget() is listing.ui.emptyPage
    assert listing.ui.importButton.text() == "导入平台材料(&I)…"
    assert listing.ui.templateButton.text() == "下载材料模板(&T)…"

    answer_open_files(monkeypatch, dossier_files)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.ui.startButton.isEnabled()
    qtbot.mouseClick(dialog.ui.addFilesButton, LEFT)
    assert dialog.files_model.paths() == dossier_files
    assert dialog.ui.startButton.isEnabled()
    run_import(window, qtbot, dialog)

    assert dialog.ui.pages.currentWidget() is dialog.ui.resultsPage
    assert statuses(dialog) == ["已导入", "已导入", "未导入（有错误）"]
    assert dialog.ui.summaryLabel.text() == "已导入 2 个，未导入 1 个"
    model = dialog.results_model
    assert model.index(0, model.PLATFORM).data() == "吉林省分析测试资源共享服务平台"
    assert model.index(2, model.ERRORS).data() == "1"
    # The refused file is selected first; its finding says what is wrong and how to fix it.
    assert dialog.selected_outcomes()[0].path.name == "平台C.xlsx"
    findings = dialog.findings_model
    assert findings.rowCount() == 1
    assert "不是 Excel 工作簿" in findings.index(0, findings.MESSAGE).data()
    assert findings.index(0, findings.FIX).data()
    assert not dialog.ui.openPlatformButton.isEnabled()
    assert not dialog.ui.replaceButton.isEnabled()

    qtbot.mouseClick(dialog.ui.copyButton, LEFT)
    copied = QGuiApplication.clipboard().text()
    assert "文件：平台C.xlsx" in copied
    assert "结果：未导入（有错误）" in copied
    assert "不是 Excel 工作簿" in copied and "处理建议" in copied

    qtbot.mouseClick(dialog.ui.showFolderButton, LEFT)
    assert [u.toLocalFile() for u in opened_urls] == [str(dossier_files[2].parent)]

    # The platform list, the header and the status bar have caught up.
    assert listing.ui.pages.currentWidget() is listing.ui.listPage
    assert listing.model.rowCount() == 2
    assert "2 个平台" in view.ui.countsLabel.text()
    assert window.statusBar().currentMessage() == "已导入 2 个，未导入 1 个"
    assert stored_platforms(workspace_file) == [
        "吉林省农业种质资源库",
        "吉林省分析测试资源共享服务平台",
    ]

    # 打开该平台 closes the dialog and shows the dossier.
    dialog.select_result(0)
    assert dialog.ui.openPlatformButton.isEnabled()
    with qtbot.waitSignal(view.dossier_view.overview_loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ui.openPlatformButton, LEFT)
    qtbot.waitUntil(lambda: window.import_dialog is None)
    assert view.browsing_dossier()
    assert view.dossier_view.ui.nameLabel.text() == "吉林省分析测试资源共享服务平台"


def test_an_imported_platform_exists_until_replaced(
    window: MainWindow,
    qtbot: Any,
    imported_workspace: Path,
    dossier_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[Any],
) -> None:
    dialog = files_to_import(window, qtbot, monkeypatch, imported_workspace, dossier_files[:1])
    assert not dialog.ui.replaceCheck.isChecked()
    run_import(window, qtbot, dialog)
    assert statuses(dialog) == ["已存在"]
    assert "已导入本考核周期" in dialog.findings_model.index(0, 1).data()
    assert window.statusBar().currentMessage() == "已导入 0 个，未导入 1 个"

    assert dialog.ui.replaceButton.isEnabled()
    run = [dialog.imported, window.workspace_view.platforms_refreshed]
    with qtbot.waitSignals(run, timeout=30_000):
        qtbot.mouseClick(dialog.ui.replaceButton, LEFT)
    assert [m.kind for m in message_boxes] == ["question"]
    assert "平台A.xlsx" in message_boxes[0].text
    assert statuses(dialog) == ["已替换"]
    assert dialog.ui.summaryLabel.text() == "已导入 1 个，未导入 0 个"
    assert not dialog.ui.replaceButton.isEnabled()
    assert window.workspace_view.platform_list.model.rowCount() == 2
    assert len(stored_platforms(imported_workspace)) == 2


def test_replacing_needs_a_yes(
    window: MainWindow,
    qtbot: Any,
    imported_workspace: Path,
    dossier_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    dialog = files_to_import(window, qtbot, monkeypatch, imported_workspace, dossier_files[1:2])
    run_import(window, qtbot, dialog)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.No)
    )
    qtbot.mouseClick(dialog.ui.replaceButton, LEFT)
    assert not dialog.running
    assert statuses(dialog) == ["已存在"]


class _CancelAfterFirst(QObject):
    """Clicks 取消导入 when the worker reports the first file done (it waits for this)."""

    def __init__(self, dialog: ImportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.seen: list[tuple[int, int, str]] = []

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, name: str) -> None:
        self.seen.append((done, total, name))
        if done == 1:
            self.dialog.ui.cancelImportButton.click()


def test_cancel_after_the_first_file_cancels_the_rest(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    dossier_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = files_to_import(window, qtbot, monkeypatch, workspace_file, dossier_files)
    canceller = _CancelAfterFirst(dialog)
    # Blocking: the worker asks "go on?" only after the click, so the test cannot race it.
    dialog.progress.progressed.connect(
        canceller.on_progress, Qt.ConnectionType.BlockingQueuedConnection
    )
    run_import(window, qtbot, dialog)
    assert canceller.seen[:2] == [(0, 3, "平台A.xlsx"), (1, 3, "平台B.xlsx")]
    assert statuses(dialog) == ["已导入", "已取消", "已取消"]
    assert window.statusBar().currentMessage() == "已导入 1 个，未导入 2 个"
    assert window.workspace_view.platform_list.model.rowCount() == 1
    assert stored_platforms(workspace_file) == ["吉林省分析测试资源共享服务平台"]


def test_esc_while_importing_cancels_instead_of_closing(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    dossier_files: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = files_to_import(window, qtbot, monkeypatch, workspace_file, dossier_files)

    class Escape(QObject):
        @Slot(int, int, str)
        def on_progress(self, done: int, _total: int, _name: str) -> None:
            if done == 0:
                dialog.reject()

    escape = Escape()
    dialog.progress.progressed.connect(
        escape.on_progress, Qt.ConnectionType.BlockingQueuedConnection
    )
    run_import(window, qtbot, dialog)
    assert dialog.isVisible()
    assert statuses(dialog) == ["已取消", "已取消", "已取消"]


# ------------------------------------------------------------------------ platform list


def test_the_platform_list_sorts_numerically_and_filters(
    window: MainWindow, qtbot: Any, imported_workspace: Path
) -> None:
    open_workspace(window, qtbot, imported_workspace)
    listing = window.workspace_view.platform_list
    table = listing.ui.platformTable
    proxy = listing.proxy
    assert listing.ui.countLabel.text() == "共 2 个平台"
    headers = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in PlatformColumn]
    assert headers == [
        "备案编号",
        "平台名称",
        "依托单位",
        "资源类型",
        "提示",
        "服务次数",
        "服务用户数",
        "外单位用户占比",
        "满意度",
    ]

    def row_of(name: str) -> int:
        return listing.visible_names().index(name)

    a = row_of("吉林省分析测试资源共享服务平台")
    assert proxy.index(a, PlatformColumn.SERVICES).data() == "12"
    assert proxy.index(a, PlatformColumn.WARNINGS).data() == "1"
    assert proxy.index(a, PlatformColumn.EXTERNAL_SHARE).data() == "100.0%"
    assert proxy.index(a, PlatformColumn.SATISFACTION).data() == "4.50"
    alignment = proxy.index(a, PlatformColumn.SERVICES).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
    # A warning count above zero is highlighted; zero is not.
    b = row_of("吉林省农业种质资源库")
    assert proxy.index(a, PlatformColumn.WARNINGS).data(Qt.ItemDataRole.BackgroundRole)
    assert proxy.index(b, PlatformColumn.WARNINGS).data(Qt.ItemDataRole.BackgroundRole) is None

    # Clicking the header sorts by the number: 3 before 12 (as text "12" < "3").
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(PlatformColumn.SERVICES) + 5
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, 5))
    first = [proxy.index(r, PlatformColumn.SERVICES).data() for r in range(proxy.rowCount())]
    if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        assert first == ["3", "12"]
    else:
        assert first == ["12", "3"]
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, 5))
    second = [proxy.index(r, PlatformColumn.SERVICES).data() for r in range(proxy.rowCount())]
    assert second == list(reversed(first))

    # Ctrl+F puts the cursor in the search box; typing filters by name, host or filing no.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert listing.ui.searchEdit.hasFocus()
    listing.ui.searchEdit.setText("农业")
    assert listing.visible_names() == ["吉林省农业种质资源库"]
    assert listing.ui.countLabel.text() == "显示 1 个，共 2 个平台"
    listing.ui.searchEdit.setText("2021-007")
    assert listing.visible_names() == ["吉林省分析测试资源共享服务平台"]
    listing.ui.searchEdit.setText("没有这个平台")
    assert listing.visible_names() == []
    assert listing.ui.noMatchLabel.isVisible()
    listing.ui.searchEdit.clear()
    assert len(listing.visible_names()) == 2

    listing.ui.warningFilterCombo.setCurrentIndex(1)  # 有提示
    assert listing.visible_names() == ["吉林省分析测试资源共享服务平台"]
    listing.ui.warningFilterCombo.setCurrentIndex(2)  # 无提示
    assert listing.visible_names() == ["吉林省农业种质资源库"]
    listing.ui.warningFilterCombo.setCurrentIndex(0)
    combo = listing.ui.typeFilterCombo
    combo.setCurrentIndex(combo.findData("科学数据"))
    assert listing.visible_names() == []
    combo.setCurrentIndex(combo.findData("科研设施与仪器"))
    assert len(listing.visible_names()) == 2


# ---------------------------------------------------------------------- dossier browser


def test_open_a_dossier_and_browse_its_sheets(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    tmp_path: Path,
    opened_urls: list[QUrl],
) -> None:
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import open_workspace as open_ws

    big = write_platform(
        tmp_path / "big",
        "平台D",
        platform_dossier(
            "吉林省大型科学仪器共享平台", "JLKJ-2020-001", services=2500, paid_without_contract=True
        ),
    )
    with open_ws(workspace_file) as ws:
        assert import_dossiers(ws, [big])[0].ok
    open_workspace(window, qtbot, workspace_file)
    view = window.workspace_view
    listing = view.platform_list
    browser = view.dossier_view
    table = listing.ui.platformTable
    table.setFocus()
    table.setCurrentIndex(listing.proxy.index(0, 0))
    with qtbot.waitSignal(browser.overview_loaded, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert view.browsing_dossier()
    assert browser.ui.nameLabel.text() == "吉林省大型科学仪器共享平台"
    details = browser.ui.detailsLabel.text()
    assert "JLKJ-2020-001" in details and "吉林大学" in details and "平台D.xlsx" in details
    assert browser.tab_title("services") == "服务记录 (2,500)"
    assert browser.tab_title("warnings") == "提示 (1)"
    assert browser.tab_title("attachments") == "附件 (2)"
    assert browser.basic_model.value_of("备案编号") == "JLKJ-2020-001"

    # 提示: where, what, how to fix, in the UI language.
    findings = browser.findings_model
    assert findings.index(0, findings.LOCATION).data() == "服务记录 第2行 合同编号"
    assert "没有填写合同编号" in findings.index(0, findings.MESSAGE).data()
    assert "合同编号" in findings.index(0, findings.FIX).data()

    # 客观指标: catalogue names, fixed decimals, and the indicators that use each metric.
    assert browser.metrics_model.value_text("service_count") == "2,500"
    assert browser.metrics_model.value_text("satisfaction_mean").count(".") == 1
    assert "B1 共享服务量" in browser.metrics_model.indicator_text("service_count")

    # 服务记录 arrives in the background: its first page at once, the rest behind it; the
    # view then takes a thousand rows at a time.
    with qtbot.waitSignals([browser.sheet_loaded, browser.sheet_completed], timeout=10_000):
        browser.select_tab("services")
    model = browser.sheet_model("services")
    assert model.total_rows() == 2500
    assert model.rowCount() == 1000
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2000
    services_table = browser.sheet_tab("services").table
    services_table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 2500)
    assert not model.canFetchMore(model.index(-1, -1))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["服务日期", "用户单位", "用户类型"]
    assert model.index(0, 0).data() == "2023-01-02"
    fee = headers.index("收费金额(元)")
    assert model.index(0, fee).data() == "800.0"  # as many decimals as the column needs
    assert model.index(0, fee).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight
    )
    # rows are numbered as in the workbook (row 1 holds the headers), as findings name them
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"

    # 人员 keeps its words: 专职/兼职, not 是/否.
    with qtbot.waitSignal(browser.sheet_loaded, timeout=10_000):
        browser.select_tab("staff")
    staff = browser.sheet_model("staff")
    kinds = [staff.headerData(c, Qt.Orientation.Horizontal) for c in range(staff.columnCount())]
    assert staff.index(0, kinds.index("专职/兼职")).data() == "专职"

    # 附件: 打开 writes the file and hands it to the system viewer.
    browser.select_tab("attachments")
    attachments = browser.attachments_model
    names = [attachments.index(r, 0).data() for r in range(attachments.rowCount())]
    assert names == ["工作总结.pdf", "论文1.pdf"]
    browser.ui.attachmentsTable.setCurrentIndex(attachments.index(1, 0))
    with qtbot.waitSignal(browser.attachment_opened, timeout=10_000) as opened:
        qtbot.mouseClick(browser.ui.openAttachmentButton, LEFT)
    written = opened.args[0]
    assert written.name == "论文1.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert [Path(u.toLocalFile()) for u in opened_urls] == [written]

    # Esc goes back to the list, with the platform still current.
    browser.ui.attachmentsTable.setFocus()
    with qtbot.waitSignal(view.list_shown):
        qtbot.keyClick(browser.ui.attachmentsTable, Qt.Key.Key_Escape)
    assert not view.browsing_dossier()
    assert listing.current_platform_id() == browser.platform_id
    assert table.hasFocus()


def test_double_click_opens_and_backspace_goes_back(
    window: MainWindow, qtbot: Any, imported_workspace: Path
) -> None:
    open_workspace(window, qtbot, imported_workspace)
    view = window.workspace_view
    listing = view.platform_list
    table = listing.ui.platformTable
    listing.ui.searchEdit.setText("农业")
    index = listing.proxy.index(0, PlatformColumn.NAME)
    qtbot.waitUntil(lambda: table.visualRect(index).height() > 0)
    centre = table.visualRect(index).center()
    with qtbot.waitSignal(view.dossier_view.overview_loaded, timeout=10_000):
        qtbot.mouseClick(table.viewport(), LEFT, pos=centre)
        qtbot.mouseDClick(table.viewport(), LEFT, pos=centre)
    assert view.dossier_view.ui.nameLabel.text() == "吉林省农业种质资源库"
    assert view.dossier_view.tab_title("warnings") == "提示 (0)"
    view.dossier_view.ui.basicTable.setFocus()
    with qtbot.waitSignal(view.list_shown):
        qtbot.keyClick(view.dossier_view.ui.basicTable, Qt.Key.Key_Backspace)
    assert listing.ui.searchEdit.text() == "农业"  # the filter is kept


def test_the_dossier_browser_speaks_english(
    window: MainWindow, qtbot: Any, imported_workspace: Path
) -> None:
    open_workspace(window, qtbot, imported_workspace)
    view = window.workspace_view
    window.set_language("en")
    try:
        listing = view.platform_list
        assert view.ui.tabs.tabText(0) == "Platform list"
        assert listing.proxy.headerData(PlatformColumn.NAME, Qt.Orientation.Horizontal) == (
            "Platform name"
        )
        assert listing.ui.countLabel.text() == "2 platforms"
        platform_id = listing.model.platform(0).id
        with qtbot.waitSignal(view.dossier_view.overview_loaded, timeout=10_000):
            view.open_platform(platform_id, tab="warnings")
        browser = view.dossier_view
        assert browser.tab_title("warnings") == "Warnings (1)"
        location = browser.findings_model.index(0, 0).data()
        assert location == "服务记录, row 2, 合同编号"
        assert "contract" in browser.findings_model.index(0, 1).data().lower()
        assert browser.basic_model.index(0, 0).data() == "Platform name"
        with qtbot.waitSignal(browser.sheet_loaded, timeout=10_000):
            browser.select_tab("services")
        assert browser.tab_title("services").startswith("Services (")
    finally:
        window.set_language("zh")


# ----------------------------------------------------------------------------- template


def test_the_template_action_writes_the_blank_workbook(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = tmp_path / "发给依托单位" / "材料模板"
    answer.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(answer), ""))
    )
    # No workspace is needed for the template.
    assert window.template_action.isEnabled()
    with qtbot.waitSignal(window.template_written, timeout=30_000) as written:
        window.template_action.trigger()
    path = written.args[0]
    assert path == answer.with_name("材料模板.xlsx")
    assert zipfile.is_zipfile(path)
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
    for sheet in ("基本信息", "资源目录", "服务记录", "服务成效", "人员", "经费", "工作总结"):
        assert f'name="{sheet}"' in workbook
    assert window.statusBar().currentMessage() == f"已保存材料模板：{path}"


def test_the_empty_list_offers_import_and_template(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    open_workspace(window, qtbot, workspace_file)
    listing = window.workspace_view.platform_list
    assert listing.ui.importButton.isVisible()
    qtbot.mouseClick(listing.ui.importButton, LEFT)
    assert window.import_dialog is not None
    window.import_dialog.reject()
    qtbot.waitUntil(lambda: window.import_dialog is None)

    answer = tmp_path / "模板.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(answer), ""))
    )
    with qtbot.waitSignal(window.template_written, timeout=30_000):
        qtbot.mouseClick(listing.ui.templateButton, LEFT)
    assert answer.is_file()
