"""平台名录 (issue 15 item 2): the register window on a real store — filter by status, the
rectifications due and overdue, a platform's timeline across cycles, export, English."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from jlpanel.domain.results import DecisionKind
from jlpanel.domain.rules import Grade
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.common.tasks import pending_tasks
from jlpanel.gui.register.register_dialog import DUE, OVERDUE, RegisterDialog
from jlpanel.services.register import ConfirmedLine, record_review, write_confirmation
from jlpanel.services.workspace import create_workspace


def _line(filing_no: str, grade: Grade | None, kind: DecisionKind, **kw: Any) -> ConfirmedLine:
    return ConfirmedLine(
        filing_no,
        f"吉林省{filing_no}平台",
        "吉林大学",
        grade,
        kind,
        kw.get("reason", ""),
        kw.get("deadline"),
        kw.get("barred", False),
        True,
    )


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """Two earlier cycles in the register: JL-1 failed in 2024 and its rectification is long
    overdue; JL-2 was barred; JL-3 passed twice; JL-4 failed in 2025, due far ahead; JL-5
    failed in 2024 and passed its review."""
    path = tmp_path / "files" / "2026年度.jlpanel"
    path.parent.mkdir(parents=True)
    with create_workspace(path, "2026年度考核评价") as ws:
        with ws.session() as s:
            write_confirmation(
                s,
                cycle_name="2024年度",
                cycle_end=dt.date(2024, 12, 31),
                ref="a:1",
                day=dt.date(2025, 3, 1),
                lines=[
                    _line("JL-1", Grade.FAIL, DecisionKind.RECTIFY, deadline=dt.date(2025, 6, 30)),
                    _line("JL-2", None, DecisionKind.DISQUALIFY, barred=True, reason="弄虚作假"),
                    _line("JL-3", Grade.GOOD, DecisionKind.FUNDING_CANDIDATE),
                    _line("JL-5", Grade.FAIL, DecisionKind.RECTIFY, deadline=dt.date(2025, 6, 30)),
                ],
                actor="秘书",
            )
            write_confirmation(
                s,
                cycle_name="2025年度",
                cycle_end=dt.date(2025, 12, 31),
                ref="b:1",
                day=dt.date(2026, 3, 1),
                lines=[
                    _line("JL-3", Grade.EXCELLENT, DecisionKind.FUNDING_CANDIDATE),
                    _line("JL-4", Grade.FAIL, DecisionKind.RECTIFY, deadline=dt.date(2099, 3, 1)),
                ],
                actor="秘书",
            )
        record_review(ws, "JL-5", passed=True, reason="整改到位", on=dt.date(2025, 5, 1))
    return path


def open_register(qtbot: Any, window: Any, path: Path) -> RegisterDialog:
    window.open_workspace(path)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None)
    assert window.register_action in window.review_menu.actions()
    qtbot.keyClick(
        window,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, RegisterDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    return dialogs[0]


def shown(dialog: RegisterDialog, column: int) -> list[str]:
    model = dialog.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def timeline(dialog: RegisterDialog, column: int) -> list[str]:
    model = dialog.timeline.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_register_filters_by_status_and_shows_the_follow_up(
    qtbot: Any, window: Any, store: Path
) -> None:
    dialog = open_register(qtbot, window, store)
    assert shown(dialog, 0) == ["JL-1", "JL-2", "JL-3", "JL-4", "JL-5"]
    assert shown(dialog, 2) == ["限期整改", "禁止申报", "在册", "限期整改", "在册"]
    assert shown(dialog, 7) == ["逾期", "", "", "待整改", "复核通过"]
    assert dialog.followUpLabel.text() == "整改待跟进 1 个，逾期 1 个"
    assert dialog.countLabel.text() == "共 5 个平台"

    dialog.choose("barred")
    assert shown(dialog, 0) == ["JL-2"]
    assert shown(dialog, 8) == ["弄虚作假"]
    dialog.choose(OVERDUE)
    assert shown(dialog, 0) == ["JL-1"]
    assert shown(dialog, 6) == ["2025-06-30"]
    dialog.choose(DUE)
    assert shown(dialog, 0) == ["JL-4"]
    # The status choice is a keyboard-reachable combo (状态(&S)).
    dialog.statusCombo.setFocus()
    qtbot.keyClick(dialog.statusCombo, Qt.Key.Key_Home)
    assert dialog.countLabel.text() == "共 5 个平台"


def test_a_platforms_timeline_spans_its_cycles(qtbot: Any, window: Any, store: Path) -> None:
    dialog = open_register(qtbot, window, store)
    row = shown(dialog, 0).index("JL-3")
    rect = dialog.table.visualRect(dialog.table.model().index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "JL-3" in dialog.timelineLabel.text()
    assert timeline(dialog, 1) == ["2024年度", "2025年度"]
    assert timeline(dialog, 3) == ["良好", "优秀"]
    assert timeline(dialog, 5) == ["在册 → 在册", "在册 → 在册"]

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # JL-5: failed, then passed its review
    assert timeline(dialog, 1) == ["2024年度", "2024年度"]
    assert timeline(dialog, 2) == ["确认结果", "整改复核"]
    assert timeline(dialog, 5) == ["在册 → 限期整改", "限期整改 → 在册"]
    assert timeline(dialog, 6)[1] == "复核通过：整改到位"

    apply_language("en")
    assert dialog.windowTitle() == "Platform register"
    assert timeline(dialog, 5) == ["Listed → Rectifying", "Rectifying → Listed"]
    assert shown(dialog, 2)[:2] == ["Rectifying", "Barred"]
    assert dialog.table.model().headerData(0, Qt.Orientation.Horizontal) == "Filing no."


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_platforms_shown(
    qtbot: Any,
    window: Any,
    store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    dialog = open_register(qtbot, window, store)
    dialog.choose("rectify")
    target = tmp_path / "out" / f"平台名录{suffix}"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    qtbot.mouseClick(dialog.exportButton, Qt.MouseButton.LeftButton)
    assert str(target) in dialog.exportedLabel.text()
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    else:
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_path(str(target)).get_sheet_by_name("平台名录").to_python()
    header, *body = rows
    assert header[:4] == ["备案编号", "平台名称", "依托单位", "状态"]
    assert [r[0] for r in body] == ["JL-1", "JL-4"]
    assert [r[11] for r in body] == ["是", "否"]  # 逾期


@pytest.fixture
def long_names(tmp_path: Path) -> Path:
    """A register whose platforms have the long names real ones have."""
    path = tmp_path / "files" / "长名称.jlpanel"
    path.parent.mkdir(parents=True)
    lines = [
        _line(f"JL-2024-000{n}", Grade.GOOD, DecisionKind.FUNDING_CANDIDATE) for n in range(1, 4)
    ]
    long = "吉林省{}大型科学仪器共享服务平台"
    lines = [replace(line, name=long.format(line.filing_no)) for line in lines]
    with create_workspace(path, "2026年度考核评价") as ws, ws.session() as s:
        write_confirmation(
            s,
            cycle_name="2024年度",
            cycle_end=dt.date(2024, 12, 31),
            ref="a:1",
            day=dt.date(2025, 3, 1),
            lines=lines,
            actor="秘书",
        )
    return path


def test_the_register_opens_wide_enough_for_its_columns(
    qtbot: Any, window: Any, long_names: Path
) -> None:
    """It opens as wide as its columns want, the screen allowing; in the width a 1366×768
    laptop at 150 % leaves (about 900 px) the names give up width, elided with the whole
    name in their tooltip, and every other column stays in view without scrolling sideways."""
    from jlpanel.gui.common.geometry import available_geometry
    from jlpanel.gui.register.register_dialog import NAME_COLUMN, _columns_width

    dialog = open_register(qtbot, window, long_names)
    table, header = dialog.table, dialog.table.horizontalHeader()
    margins = dialog.layout().contentsMargins()
    wanted = _columns_width(table) + margins.left() + margins.right()
    available = available_geometry(dialog)
    assert available is not None
    assert dialog.width() >= min(wanted, available.width() - 40), (dialog.width(), wanted)
    whole = table.sizeHintForColumn(NAME_COLUMN)
    dialog.resize(max(1100, wanted), 600)
    qtbot.waitUntil(lambda: header.sectionSize(NAME_COLUMN) >= whole, timeout=3000)
    assert table.horizontalScrollBar().maximum() == 0
    dialog.resize(900, 470)
    qtbot.waitUntil(lambda: header.sectionSize(NAME_COLUMN) < whole, timeout=3000)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=3000)
    name = dialog.model.index(0, NAME_COLUMN)
    assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()
    assert name.data().endswith("大型科学仪器共享服务平台")
