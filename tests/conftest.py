"""Test set-up shared by every suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# A real PostgreSQL server for the tests that ask for ``pg_url`` (started on first use).
from pg_server import pg_server, pg_url  # noqa: F401

# STORE on both engines, a file and a PostgreSQL database, for the store's own tests.
from stores import any_store  # noqa: F401

# Qt must never look for a display: CI and this machine have none, and without it the
# platform plugin aborts the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

#: The home folder the run started with, before any fixture: the one no test may write to.
REAL_HOME = Path.home()

#: The XDG base folders, and where each is under a home folder when it is not set.
XDG_FOLDERS = {
    "XDG_CONFIG_HOME": ".config",
    "XDG_DATA_HOME": ".local/share",
    "XDG_STATE_HOME": ".local/state",
    "XDG_CACHE_HOME": ".cache",
}


@dataclass(frozen=True, slots=True)
class UserFolders:
    """Where the test session's user lives instead of the real home folder."""

    real_home: Path
    home: Path
    #: jlpanel's preferences, QSettings, logs and backups between tests (module-scoped
    #: fixtures write there); each test gets fresh ones of its own (``isolated_dirs``).
    config: Path
    data: Path


def _qt_test_mode(enabled: bool) -> None:
    """QStandardPaths' test mode: Qt's own config, data and cache under ~/.qttest."""
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # the domain's unit tests run without PySide6
        return
    QStandardPaths.setTestModeEnabled(enabled)


@pytest.fixture(scope="session", autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[UserFolders]:
    """The whole session runs with a home folder of its own (STYLE "Tests").

    Everything a test, a module-scoped fixture, the GUI, the CLI or a child process writes to
    "the user's folders" — jlpanel's preferences, QSettings, logs and backups, Qt's file dialog
    history, font and dconf caches, LibreOffice's and PyInstaller's caches — lands here: HOME,
    the XDG folders and jlpanel's own JLPANEL_CONFIG_DIR / JLPANEL_DATA_DIR point into a
    temporary folder, and Qt runs in QStandardPaths' test mode.
    """
    home = tmp_path_factory.mktemp("home")
    folders = UserFolders(REAL_HOME, home, home / "jlpanel-config", home / "jlpanel-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(home))
        patch.setenv("USERPROFILE", str(home))  # Path.home() on Windows
        for name, below in XDG_FOLDERS.items():
            patch.setenv(name, str(home / below))
        patch.setenv("JLPANEL_CONFIG_DIR", str(folders.config))
        patch.setenv("JLPANEL_DATA_DIR", str(folders.data))
        _qt_test_mode(True)
        try:
            yield folders
        finally:
            _qt_test_mode(False)


@pytest.fixture(autouse=True)
def isolated_dirs(
    user_folders: UserFolders,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, Path]:
    """Each test starts with no preferences, settings, logs or backups: (config, data)."""
    mine = tmp_path_factory.mktemp("user")
    config, data = mine / "config", mine / "data"
    monkeypatch.setenv("JLPANEL_CONFIG_DIR", str(config))
    monkeypatch.setenv("JLPANEL_DATA_DIR", str(data))
    return config, data
