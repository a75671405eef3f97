"""生成评审报告 and 导出结果 from the GUI: documents, progress, cancel, the files, the folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Shown
from meeting_support import NAMES, build_scored_cycle, opened_copy
from pypdf import PdfReader
from PySide6.QtCore import QObject, QPoint, Qt, QThreadPool, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from python_calamine import CalamineWorkbook

from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.secretary.report_dialog import DOCUMENT_CODES, ReportDialog, ResultExport

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def scored_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small cycle scored and merged, built once for the module."""
    return build_scored_cycle(tmp_path_factory.mktemp("cycle")).parent


@pytest.fixture
def workspace(scored_folder: Path, tmp_path: Path, app: QApplication) -> Iterator[Any]:
    """A fresh copy of the scored workspace, open."""
    with opened_copy(scored_folder, tmp_path / "cycle") as ws:
        yield ws


@pytest.fixture
def dialog(workspace: Any, qtbot: Any, message_boxes: list[Shown]) -> Iterator[ReportDialog]:
    shown = ReportDialog(workspace)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QThreadPool.globalInstance().waitForDone()
    qtbot.waitUntil(lambda: pending_tasks() == 0)


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """QDesktopServices.openUrl records the URL instead of starting a program."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def generate(qtbot: Any, dialog: ReportDialog) -> list[Path]:
    with qtbot.waitSignal(dialog.generated, timeout=60_000) as done:
        qtbot.mouseClick(dialog.ui.startButton, LEFT)
    return list(done.args[0])


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_every_document_is_ticked_and_the_folder_is_beside_the_workspace(
    dialog: ReportDialog, workspace: Any
) -> None:
    assert dialog.windowTitle() == "生成评审报告"
    labels = [dialog.document_checks[c].text() for c in DOCUMENT_CODES]
    assert labels == [
        "评价报告",
        "汇总表",
        "专家个人评分表",
        "专家组签字表",
        "公示名单",
        "整改通知书",
    ]
    assert dialog.documents() == list(DOCUMENT_CODES)
    assert not dialog.ui.combinedCheck.isChecked()
    assert "合订本" in dialog.ui.combinedCheck.text()
    assert dialog.output_folder() == workspace.path.parent / "评审报告"
    assert dialog.ui.startButton.isVisible() and dialog.ui.startButton.isEnabled()
    assert not dialog.ui.openFolderButton.isVisible()
    # Nothing ticked, or no folder: nothing to generate.
    dialog.set_documents([])
    assert not dialog.ui.startButton.isEnabled()
    dialog.set_documents(["summary"])
    assert dialog.ui.startButton.isEnabled()
    dialog.ui.folderEdit.clear()
    assert not dialog.ui.startButton.isEnabled()


def test_generating_lists_the_files_and_opens_the_folder(
    dialog: ReportDialog, qtbot: Any, workspace: Any, opened_urls: list[QUrl]
) -> None:
    folder = workspace.path.parent / "评审报告"
    statuses: list[str] = []
    dialog.status.connect(statuses.append)
    written = generate(qtbot, dialog)

    names = sorted(p.name for p in written)
    # the set and its manifest, nothing else
    assert [".jlpanel-reports.json", *names] == sorted(p.name for p in folder.iterdir())
    assert "汇总表.pdf" in names and "公示名单.pdf" in names and "专家组签字表.pdf" in names
    for name in NAMES:
        assert f"评价报告-{name}.pdf" in names
    assert sum(n.startswith("专家个人评分表") for n in names) == 4
    assert [n for n in names if n.startswith("整改通知书")] == ["整改通知书-吉林省丙种质资源库.pdf"]
    assert "合订本.pdf" not in names

    assert dialog.ui.pages.currentWidget() is dialog.ui.resultsPage
    assert dialog.ui.titleLabel.text() == "评审报告已生成"
    assert dialog.ui.summaryLabel.text() == f"已生成 {len(written)} 个文件"
    assert f"文件夹：{folder}" in dialog.ui.resultFolderLabel.text()
    assert statuses == [f"已生成 {len(written)} 个文件：{folder}"]
    model = dialog.files_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [p.name for p in written]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == str(written[0])
    assert dialog.ui.closeButton.text() == "完成"

    qtbot.mouseClick(dialog.ui.openFolderButton, LEFT)
    assert [Path(u.toLocalFile()) for u in opened_urls] == [folder]
    # Enter on a file opens it.
    dialog.ui.filesList.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(dialog.ui.filesList, Qt.Key.Key_Return)
    assert [Path(u.toLocalFile()) for u in opened_urls] == [folder, written[1]]
    assert dialog.isVisible()
    assert "吉林省甲分析测试平台" in pdf_text(folder / "汇总表.pdf")


def test_only_the_chosen_documents_and_the_combined_file(
    dialog: ReportDialog,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    elsewhere = tmp_path / "U盘" / "报告"
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: str(elsewhere))
    )
    qtbot.mouseClick(dialog.ui.browseButton, LEFT)
    assert dialog.ui.folderEdit.text() == str(elsewhere)
    for code in ("evaluation", "expert_sheets", "signatures", "rectification"):
        qtbot.mouseClick(dialog.document_checks[code], LEFT)
    assert dialog.documents() == ["summary", "publication"]
    box = dialog.ui.combinedCheck
    qtbot.mouseClick(box, LEFT, pos=QPoint(10, box.height() // 2))  # on the box, not beyond
    assert box.isChecked()

    written = generate(qtbot, dialog)
    assert [p.name for p in written] == ["汇总表.pdf", "公示名单.pdf", "合订本.pdf"]
    assert all(p.parent == elsewhere and p.is_file() for p in written)
    combined = pdf_text(elsewhere / "合订本.pdf")
    assert "公示" in combined and "吉林省乙科学数据中心" in combined
    # 重新选择 goes back to the choices as they were.
    qtbot.mouseClick(dialog.ui.againButton, LEFT)
    assert dialog.ui.pages.currentWidget() is dialog.ui.choosePage
    assert dialog.documents() == ["summary", "publication"]


class _CancelAfterFirst(QObject):
    """Clicks 取消 when the worker reports the first file done (the worker waits for this)."""

    def __init__(self, dialog: ReportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.seen: list[tuple[int, int, str]] = []
        self.labels: list[str] = []

    @Slot(int, int, str)
    def on_progress(self, done: int, total: int, name: str) -> None:
        self.seen.append((done, total, name))
        self.labels.append(self.dialog.ui.progressFileLabel.text())
        assert self.dialog.ui.progressBar.value() == done
        ui = self.dialog.ui
        assert ui.cancelButton.isVisible() and not ui.closeButton.isVisible()
        if done == 1:
            self.dialog.ui.cancelButton.click()


def test_cancel_leaves_the_folder_as_it_was(dialog: ReportDialog, qtbot: Any) -> None:
    dialog.set_documents(["summary"])
    (summary,) = generate(qtbot, dialog)
    before = summary.read_bytes()
    dialog.set_documents(list(DOCUMENT_CODES))
    qtbot.mouseClick(dialog.ui.againButton, LEFT)
    canceller = _CancelAfterFirst(dialog)
    # Blocking: the worker asks "go on?" only after the click, so the test cannot race it.
    dialog.progress.progressed.connect(
        canceller.on_progress, Qt.ConnectionType.BlockingQueuedConnection
    )
    written = generate(qtbot, dialog)
    (first, total, name), second = canceller.seen[0], canceller.seen[1]
    assert (first, name) == (0, "汇总表.pdf") and second[0] == 1 and total > 5
    assert canceller.labels[0] == f"第 1 / {total} 个文件：汇总表.pdf"
    assert canceller.labels[1] == f"第 2 / {total} 个文件：{second[2]}"
    # nothing of the cancelled run: the previous set as it was
    assert written == []
    assert sorted(p.name for p in summary.parent.iterdir()) == [
        ".jlpanel-reports.json",
        "汇总表.pdf",
    ]
    assert summary.read_bytes() == before
    assert dialog.cancelled
    assert dialog.ui.titleLabel.text() == "评审报告已取消"
    assert dialog.ui.summaryLabel.text() == "已取消；文件夹中原有的评审报告未改动"


def test_esc_while_writing_cancels_instead_of_closing(dialog: ReportDialog, qtbot: Any) -> None:
    class Escape(QObject):
        @Slot(int, int, str)
        def on_progress(self, done: int, _total: int, _name: str) -> None:
            if done == 0:
                dialog.reject()

    escape = Escape()
    dialog.progress.progressed.connect(
        escape.on_progress, Qt.ConnectionType.BlockingQueuedConnection
    )
    written = generate(qtbot, dialog)
    assert written == []
    assert dialog.isVisible()
    assert dialog.ui.summaryLabel.text() == "已取消；文件夹中原有的评审报告未改动"
    assert not dialog.ui.openFolderButton.isEnabled()


def test_a_folder_that_cannot_be_made_is_a_message(
    dialog: ReportDialog, qtbot: Any, tmp_path: Path, message_boxes: list[Shown]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    dialog.ui.folderEdit.setText(str(blocker / "报告"))
    with qtbot.waitSignal(dialog.failed, timeout=30_000):
        qtbot.mouseClick(dialog.ui.startButton, LEFT)
    assert dialog.ui.pages.currentWidget() is dialog.ui.choosePage
    assert [m.kind for m in message_boxes] == ["warning"]
    text = message_boxes[0].text
    assert "无法写入评审报告" in text and str(blocker) in text and "这里需要的是文件夹" in text


# ---------------------------------------------------------------------------- export


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str) -> list[str]:
    """The Save dialog answers ``path`` with ``chosen_filter``; returns the names offered."""
    offered: list[str] = []

    def get_save_file_name(_parent: object, _title: str, start: str, *_a: object) -> Any:
        offered.append(start)
        return str(path), chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    return offered


def test_export_writes_the_workbook_and_says_where(
    workspace: Any, parent: QWidget, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "导出" / "结果"
    target.parent.mkdir()
    offered = answer_save(monkeypatch, target, "Excel 工作簿 (*.xlsx)")
    export = ResultExport(workspace, parent)
    statuses: list[str] = []
    export.status.connect(statuses.append)
    with qtbot.waitSignal(export.exported, timeout=30_000) as done:
        assert export.start()
    path = done.args[0]
    assert path == target.with_name("结果.xlsx")
    assert offered == [str(workspace.path.parent / "2026年度考核评价-考核结果.xlsx")]
    assert statuses == ["正在导出考核结果…", f"已导出考核结果：{path}"]
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["结果汇总", "评分明细", "指标均分", "决定", "历史"]
    rows = book.get_sheet_by_name("结果汇总").to_python()
    header = [str(h) for h in rows[0]]
    assert [r[header.index("平台名称")] for r in rows[1:]] == NAMES


def test_export_as_csv_and_a_cancelled_dialog(
    workspace: Any, parent: QWidget, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "结果"
    answer_save(monkeypatch, target, "CSV 表格，仅结果汇总 (*.csv)")
    export = ResultExport(workspace, parent)
    with qtbot.waitSignal(export.exported, timeout=30_000) as done:
        export.start()
    assert done.args[0] == tmp_path / "结果.csv"
    text = (tmp_path / "结果.csv").read_text("utf-8-sig")
    assert all(name in text for name in NAMES)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    assert not export.start()
    assert not export.running


def test_export_failure_is_a_message(
    workspace: Any,
    parent: QWidget,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_boxes: list[Shown],
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    export = ResultExport(workspace, parent)
    statuses: list[str] = []
    export.status.connect(statuses.append)
    with qtbot.waitSignal(export.failed, timeout=30_000):
        export.start(blocker / "结果.xlsx")
    assert statuses[-1] == "未能导出考核结果"
    assert [m.kind for m in message_boxes] == ["warning"]
    assert not export.running


def test_the_dialog_speaks_english(dialog: ReportDialog, qtbot: Any) -> None:
    from jlpanel.gui.common.i18n import apply_language

    apply_language("en")
    assert dialog.windowTitle() == "Generate reports"
    assert dialog.document_checks["summary"].text() == "Results summary"
    assert dialog.ui.startButton.text() == "&Generate"
    written = generate(qtbot, dialog)
    assert dialog.ui.summaryLabel.text() == f"{len(written)} files written"
    assert dialog.ui.closeButton.text() == "Done"


# ---------------------------------------------------------------------- main window


def test_the_window_offers_reports_and_export(
    window: Any, qtbot: Any, scored_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not window.report_action.isEnabled() and not window.export_action.isEnabled()
    target = tmp_path / "cycle"
    shutil.copytree(scored_folder, target)
    with qtbot.waitSignal(window.workspace_opened, timeout=15_000):
        window.open_workspace(target / "2026年度.jlpanel")
    assert window.report_action.isEnabled() and window.export_action.isEnabled()
    assert window.report_action in window.file_menu.actions()
    assert window.export_action in window.toolbar.actions()
    assert window.report_action.iconText() == "报告"

    window.report_action.trigger()
    dialog = window.report_dialog
    assert isinstance(dialog, ReportDialog) and dialog.isVisible()
    window.report_action.trigger()  # once is enough
    assert window.report_dialog is dialog
    dialog.set_documents(["publication"])
    written = generate(qtbot, dialog)
    assert [p.name for p in written] == ["公示名单.pdf"]
    assert window.statusBar().currentMessage() == f"已生成 1 个文件：{target / '评审报告'}"
    dialog.accept()
    qtbot.waitUntil(lambda: window.report_dialog is None)

    # A cancelled Save dialog exports nothing and leaves the window idle.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a: ("", "")))
    window.export_action.trigger()
    assert window.result_export is None and not window.busy
    answer_save(monkeypatch, tmp_path / "结果", "CSV 表格，仅结果汇总 (*.csv)")
    window.export_action.trigger()
    assert window.busy and not window.close_action.isEnabled()  # the workspace stays open
    qtbot.waitUntil(lambda: window.result_export is None and not window.busy, timeout=30_000)
    assert window.statusBar().currentMessage() == f"已导出考核结果：{tmp_path / '结果.csv'}"
    assert (tmp_path / "结果.csv").is_file()
    from jlpanel.gui.common.i18n import apply_language

    apply_language("en")
    assert window.report_action.text() == "&Generate reports…"
    assert window.export_action.iconText() == "Export"
