"""The desk refuses an altered or damaged package with a message, not a traceback."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import IssuedFiles, Shown

from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.shell.main_window import MainWindow


def with_trigger(issued: IssuedFiles, folder: Path) -> Path:
    path = folder / "被改动的评审包.jlreview"
    shutil.copyfile(issued.package, path)
    connection = sqlite3.connect(path)
    connection.execute(
        "CREATE TRIGGER keep_others_low AFTER INSERT ON scores BEGIN "
        "UPDATE scores SET points = 0 WHERE platform_id <> NEW.platform_id; END"
    )
    connection.commit()
    connection.close()
    return path


def with_deep_rubric(issued: IssuedFiles, folder: Path) -> Path:
    path = folder / "说明损坏的评审包.jlreview"
    shutil.copyfile(issued.package, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE package_meta SET rubric_json = ?", ("[" * 50_000,))
    connection.commit()
    connection.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def open_refused(window: MainWindow, qtbot: Any, path: Path) -> str:
    before = digest(path)
    with qtbot.waitSignal(window.task_failed, timeout=15_000) as failed:
        window.open_workspace(path)  # the start page's 打开, as an expert would
    assert digest(path) == before
    assert not [s for s in ("-wal", "-shm") if path.with_name(path.name + s).exists()]
    assert window.review_windows == [] and not window.busy
    message = failed.args[0]
    assert isinstance(message, str)
    return message


@pytest.mark.parametrize(
    ("make", "named_zh"),
    [
        (with_trigger, "多出触发器“keep_others_low”（属于表“scores”）"),
        (with_deep_rubric, "评审包说明中评分细则（rubric_json）嵌套超过 32 层"),
    ],
)
def test_an_altered_package_is_a_warning_naming_what_is_wrong(
    window: MainWindow,
    qtbot: Any,
    issued: IssuedFiles,
    tmp_path: Path,
    message_boxes: list[Shown],
    make: Any,
    named_zh: str,
) -> None:
    path = make(issued, tmp_path)
    message = open_refused(window, qtbot, path)
    assert [m.kind for m in message_boxes] == ["warning"]  # no crash dialog
    shown = message_boxes[0].text
    assert shown == message
    assert "评审包已损坏或被改动" in shown and str(path) in shown
    assert named_zh in shown and "请向评审秘书重新领取评审包" in shown
    assert "Traceback" not in shown
    assert window.statusBar().currentMessage() == "未能打开评审包"


def test_the_warning_speaks_english_when_the_desk_does(
    window: MainWindow,
    qtbot: Any,
    issued: IssuedFiles,
    tmp_path: Path,
    message_boxes: list[Shown],
) -> None:
    apply_language("en")
    message = open_refused(window, qtbot, with_trigger(issued, tmp_path))
    assert "The review package is damaged or was altered" in message
    assert "an extra trigger “keep_others_low” (on table “scores”)" in message
    assert [m.kind for m in message_boxes] == ["warning"]
