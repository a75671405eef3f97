"""Tests never touch the real home folder (STYLE "Tests"): ``user_folders`` in tests/conftest.py.

The first test looks at where everything that writes "user files" points during this session.
The second proves it from outside: a pytest run with tests/conftest.py, given a fresh folder as
its home, does what the suite's module-scoped fixtures do before any per-test fixture — the
command line, a workspace opened, preferences saved, the log, the main window with its recent
files, Qt's own file dialog — and afterwards that home folder must still be empty.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir, user_config_dir, user_data_dir
from PySide6.QtCore import QStandardPaths

from jlpanel import APP_NAME
from jlpanel.gui.common.settings import app_settings
from jlpanel.services.preferences import config_dir, data_dir

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent

L = QStandardPaths.StandardLocation


def test_the_session_has_a_home_of_its_own(
    user_folders: Any, isolated_dirs: tuple[Path, Path]
) -> None:
    home = user_folders.home
    assert Path.home() == home != user_folders.real_home
    for folder in (user_config_dir(APP_NAME), user_data_dir(APP_NAME), user_cache_dir(APP_NAME)):
        assert Path(folder).is_relative_to(home), folder
    assert QStandardPaths.isTestModeEnabled()
    for location in (L.GenericConfigLocation, L.AppDataLocation, L.CacheLocation, L.HomeLocation):
        assert Path(QStandardPaths.writableLocation(location)).is_relative_to(home), location
    # jlpanel's own folders: fresh ones for each test, beside the session's.
    config, data = isolated_dirs
    assert (config_dir(), data_dir()) == (config, data)
    assert Path(app_settings().fileName()) == config / "gui.ini"


PROBE = '''
"""What the suite's module-scoped fixtures do, before any per-test fixture has run."""

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QFileDialog

    from jlpanel.cli import main
    from jlpanel.gui.common import crash
    from jlpanel.gui.shell.app import MainWindow, make_app
    from jlpanel.gui.common.settings import RecentFiles
    from jlpanel.services.preferences import Preferences, save_preferences
    from jlpanel.services.workspace import open_workspace

    cycle = tmp_path_factory.mktemp("cycle") / "周期.jlpanel"
    period = ["--start", "2024-01-01", "--end", "2025-12-31"]
    assert main(["new", str(cycle), "--cycle", "2026年度", *period]) == 0
    assert main(["results", str(cycle)]) == 0
    with open_workspace(cycle):
        pass
    save_preferences(Preferences(language="en", backup_count=3))
    crash.setup_logging()
    app = make_app(language="zh")
    window = MainWindow()
    window.show()
    RecentFiles().add(cycle)
    dialog = QFileDialog(window, "probe", str(cycle.parent))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.show()
    app.processEvents()
    dialog.close()
    dialog.deleteLater()  # Qt's file dialog keeps its history in the user's QtProject.conf
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    crash.shutdown_logging()
    return cycle


def test_started(started: Path) -> None:
    assert started.is_file()
'''


def test_a_session_writes_nothing_in_the_home_folder_it_started_with(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "test_probe.py").write_text(PROBE, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "JLPANEL_"))}
    env |= {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT)]),
        "QT_QPA_PLATFORM": "offscreen",
    }
    run = subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", str(probe)),
            *("-p", "conftest", "-p", "no:randomly", "-p", "no:cacheprovider"),
            f"--basetemp={tmp_path / 'basetemp'}",  # never clean up the outer run's folders
        ],
        cwd=probe,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*") if not p.is_dir())
    assert not written, f"written in the home folder: {written}"
    assert not list(home.iterdir())  # not even an empty folder
