"""Warnings that jump to their sheet and row (issue 14 item 6): Enter or a double-click on a
dossier finding — in the dossier's 提示 tab or in the import dialog — shows the sheet it names
with its row selected, the named cell current."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView
from test_gui_platforms import open_workspace

from jlpanel.gui.shell.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def write_dossier(folder: Path, services: int, late: int) -> Path:
    """The corpus's sample dossier with ``services`` service records, whose only warning is a
    paid service without a contract at index ``late``; written as ``folder/平台A.xlsx``."""
    import datetime as dt

    from broken_workbooks import PDF, sample_dossier

    from jlpanel.exchange.dossier_writer import write_dossier_workbook

    sample = sample_dossier()
    basic = dataclasses.replace(
        sample.basic, name="吉林省分析测试资源共享服务平台", filing_no="JLKJ-2021-007"
    )
    template = sample.services
    rows = [
        dataclasses.replace(
            template[n % len(template)],
            source_row=n + 2,
            service_date=dt.date(2023, 1, 2) + dt.timedelta(days=n % 700),
            user_unit=f"{template[n % len(template)].user_unit}{n // 3}",
        )
        for n in range(services)
    ]
    rows[late] = dataclasses.replace(rows[late], nature="有偿", fee_yuan=800.0, contract_no=None)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "平台A.xlsx"
    write_dossier_workbook(path, dataclasses.replace(sample, basic=basic, services=tuple(rows)))
    files = folder / "平台A"  # the attachments the sample names
    files.mkdir(exist_ok=True)
    for name in ("论文1.pdf", "工作总结.pdf"):
        (files / name).write_bytes(PDF)
    return path


def locations(findings: Any) -> list[str]:
    return [findings.index(r, findings.LOCATION).data() for r in range(findings.rowCount())]


def choose_row(table: QTableView, row: int) -> None:
    table.selectionModel().setCurrentIndex(
        table.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def double_click(qtbot: Any, table: QTableView, index: QModelIndex) -> None:
    """A double-click on a cell, as a mouse gives it: a click, then the double-click."""
    qtbot.waitUntil(lambda: table.visualRect(index).height() > 0)
    centre = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=centre)
    qtbot.mouseDClick(table.viewport(), LEFT, pos=centre)


def selected_place(table: QTableView) -> tuple[list[str], str, str]:
    """The workbook row numbers of the selected rows, and the current cell's row and column."""
    model = table.model()
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    current = table.currentIndex()
    return (
        [str(model.headerData(r, Qt.Orientation.Vertical)) for r in rows],
        str(model.headerData(current.row(), Qt.Orientation.Vertical)),
        str(model.headerData(current.column(), Qt.Orientation.Horizontal)),
    )


@pytest.mark.parametrize(("services", "late"), [(12, 8), (2500, 2300)])
def test_enter_on_a_finding_selects_its_row_in_its_sheet(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    tmp_path: Path,
    services: int,
    late: int,
) -> None:
    # 2,500 rows arrive in two parts: the row is in the second, after the first is shown.
    from jlpanel.services.intake import import_dossiers
    from jlpanel.services.workspace import open_workspace as open_ws

    path = write_dossier(tmp_path / "材料", services, late)
    with open_ws(workspace_file) as ws:
        outcome = import_dossiers(ws, [path])[0]
    assert outcome.ok and outcome.platform_id is not None
    row = late + 2  # the header is row 1
    open_workspace(window, qtbot, workspace_file)
    view = window.workspace_view
    browser = view.dossier_view
    with qtbot.waitSignal(browser.overview_loaded, timeout=10_000):
        view.open_platform(outcome.platform_id, tab="warnings")
    findings = browser.findings_model
    places = locations(findings)
    assert sorted(places) == ["基本信息 统一社会信用代码", f"服务记录 第{row}行 合同编号"]
    service = places.index(f"服务记录 第{row}行 合同编号")

    window.activateWindow()
    table = browser.ui.warningsTable
    table.setFocus()
    choose_row(table, service)
    signals = [browser.sheet_loaded] + ([browser.sheet_completed] if services > 1000 else [])
    with qtbot.waitSignals(signals, timeout=10_000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    services_table = browser.sheet_tab("services").table
    assert browser.ui.tabs.currentWidget() is services_table
    assert selected_place(services_table) == ([str(row)], str(row), "合同编号")
    assert QApplication.focusWidget() is services_table

    # Back on 提示, a double-click goes there again (the sheet is loaded by now).
    browser.select_tab("warnings")
    services_table.clearSelection()
    double_click(qtbot, table, findings.index(service, findings.MESSAGE))
    assert browser.ui.tabs.currentWidget() is services_table
    assert selected_place(services_table) == ([str(row)], str(row), "合同编号")

    # A 基本信息 finding names no row: its item is selected on 概况.
    browser.select_tab("warnings")
    table.setFocus()
    choose_row(table, places.index("基本信息 统一社会信用代码"))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert browser.ui.tabs.currentWidget() is browser.ui.overviewTab
    basic = browser.ui.basicTable
    assert basic.currentIndex().data() == "统一社会信用代码"
    assert [i.row() for i in basic.selectionModel().selectedRows()] == [basic.currentIndex().row()]


def test_a_finding_in_the_import_dialog_opens_the_dossier_at_its_row(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_dossier(tmp_path / "材料", 12, 9)
    open_workspace(window, qtbot, workspace_file)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(path)], "Excel"))
    )
    window.import_action.trigger()
    dialog = window.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.ui.addFilesButton, LEFT)
    with qtbot.waitSignals(
        [dialog.imported, window.workspace_view.platforms_refreshed], timeout=30_000
    ):
        qtbot.mouseClick(dialog.ui.startButton, LEFT)
    dialog.select_result(0)
    findings = dialog.findings_model
    service = locations(findings).index("服务记录 第11行 合同编号")
    browser = window.workspace_view.dossier_view
    table = dialog.ui.findingsTable
    with qtbot.waitSignal(browser.sheet_loaded, timeout=10_000):
        double_click(qtbot, table, findings.index(service, findings.MESSAGE))
    qtbot.waitUntil(lambda: window.import_dialog is None)
    assert window.workspace_view.browsing_dossier()
    services_table = browser.sheet_tab("services").table
    assert browser.ui.tabs.currentWidget() is services_table
    assert selected_place(services_table) == (["11"], "11", "合同编号")
