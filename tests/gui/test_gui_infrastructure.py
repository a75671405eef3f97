"""The machinery under the window: crash handling, background tasks, settings, forms."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from jlpanel.gui.common import crash
from jlpanel.gui.common.settings import RecentFiles, app_settings
from jlpanel.gui.common.tasks import pending_tasks, run_task
from jlpanel.gui.shell.main_window import MainWindow
from jlpanel.services.errors import UserError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_to_tmp(isolated_dirs: tuple[Path, Path]) -> Any:
    path = crash.setup_logging()
    yield path
    crash.shutdown_logging()


def _raise(exc: BaseException) -> tuple[type[BaseException], BaseException, Any]:
    try:
        raise exc
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_bug_shows_the_crash_dialog_naming_the_log(
    app: Any, message_boxes: list[Any], log_to_tmp: Path
) -> None:
    crash.handle_exception(*_raise(RuntimeError("slot went wrong")))
    assert [m.kind for m in message_boxes] == ["critical"]
    text = message_boxes[0].text
    assert str(log_to_tmp) in text
    assert "RuntimeError: slot went wrong" in text
    assert message_boxes[0].title == "程序错误"
    logged = log_to_tmp.read_text("utf-8")
    assert "Traceback" in logged and "slot went wrong" in logged


def test_the_crash_dialog_speaks_the_ui_language(
    window: MainWindow, message_boxes: list[Any], log_to_tmp: Path
) -> None:
    window.set_language("en")
    crash.handle_exception(*_raise(ValueError("bad")))
    assert message_boxes[-1].title == "Program error"
    assert "The details have been written to the log file" in message_boxes[-1].text
    assert str(log_to_tmp) in message_boxes[-1].text


def test_a_user_error_is_a_warning_not_a_crash(app: Any, message_boxes: list[Any]) -> None:
    crash.handle_exception(*_raise(UserError("文件已存在", "The file exists")))
    assert [(m.kind, m.text) for m in message_boxes] == [("warning", "文件已存在")]


def test_a_bug_in_a_worker_reaches_the_crash_dialog(
    window: MainWindow,
    qtbot: Any,
    workspace_file: Path,
    message_boxes: list[Any],
    monkeypatch: pytest.MonkeyPatch,
    log_to_tmp: Path,
) -> None:
    def broken(*_args: object) -> Any:
        raise KeyError("cycle")

    monkeypatch.setattr("jlpanel.gui.shell.main_window._open_in_background", broken)
    with qtbot.waitSignal(window.task_failed, timeout=10_000):
        window.open_workspace(workspace_file)
    assert [m.kind for m in message_boxes] == ["critical"]
    assert str(log_to_tmp) in message_boxes[0].text
    assert not window.busy
    assert window.stack.currentWidget() is window.start_page


def test_run_task_delivers_on_the_main_thread(app: Any, qtbot: Any) -> None:
    main = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []
    run_task(
        threading.get_ident,
        lambda worker: seen.append(("ok", worker != main, threading.get_ident() == main)),
        lambda exc: seen.append(("error", exc, False)),
    )
    run_task(
        lambda: 1 / 0,
        lambda result: seen.append(("ok", result, False)),
        lambda exc: seen.append(("error", type(exc), threading.get_ident() == main)),
    )
    qtbot.waitUntil(lambda: len(seen) == 2 and pending_tasks() == 0)
    assert sorted(seen, key=str) == sorted(
        [("ok", True, True), ("error", ZeroDivisionError, True)], key=str
    )


def test_settings_stay_in_the_config_dir(app: Any, isolated_dirs: tuple[Path, Path]) -> None:
    config, _ = isolated_dirs
    settings = app_settings()
    assert settings.format() == QSettings.Format.IniFormat
    assert Path(settings.fileName()).parent == config
    recent = RecentFiles()
    for n in range(12):
        recent.add(Path(f"/tmp/{n}.jlpanel"))
    recent.add(Path("/tmp/3.jlpanel"))
    paths = recent.paths()
    assert len(paths) == 10
    assert paths[0] == Path("/tmp/3.jlpanel")
    assert paths[1] == Path("/tmp/11.jlpanel")
    assert (config / "gui.ini").is_file()


def test_window_geometry_is_remembered(app: Any, qtbot: Any, message_boxes: list[Any]) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_compiled_forms_and_translations_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_ui.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_message_has_an_english_translation() -> None:
    ts = ROOT / "resources" / "translations" / "jlpanel_en.ts"
    text = ts.read_text("utf-8")
    assert 'type="unfinished"' not in text
    assert "<translation></translation>" not in text
    assert "<numerusform></numerusform>" not in text
    assert text.count("<message") > 100


def test_a_task_that_outlives_its_relay_ends_quietly(app: Any, qtbot: Any) -> None:
    """The window quit while a worker ran (``jlpanel --quit-after-start open`` on a large store):
    its outcome has nowhere to go and is dropped, not a RuntimeError on the worker thread."""
    import threading

    import shiboken6
    from PySide6.QtCore import QThreadPool

    from jlpanel.gui.common import tasks

    release = threading.Event()
    raised: list[BaseException] = []
    delivered: list[object] = []
    run_task(lambda: release.wait(5) and "done", delivered.append, raised.append)
    (relay,) = tasks._pending
    seen: list[BaseException] = []
    old_hook = threading.excepthook
    threading.excepthook = lambda args: seen.append(args.exc_value)  # type: ignore[assignment]
    try:
        shiboken6.delete(relay)  # what the application's teardown does to it
        release.set()
        QThreadPool.globalInstance().waitForDone()
        qtbot.wait(50)
    finally:
        threading.excepthook = old_hook
        tasks._pending.discard(relay)
    assert (delivered, raised, seen) == ([], [], [])
