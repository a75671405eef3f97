"""QSettings for window state and recent files — nothing else lives here.

Cycle rules belong to the workspace and preferences (language, backups) to
``jlpanel.services.preferences``. With ``JLPANEL_CONFIG_DIR`` set (tests, portable use) the
settings are an INI file in that folder, so test runs never touch the real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

ORGANISATION = "jlpanel"
APPLICATION = "jlpanel"
MAX_RECENT = 10
_RECENT_KEY = "recentFiles"


def app_settings() -> QSettings:
    """The application's QSettings, relocated by ``JLPANEL_CONFIG_DIR`` when it is set."""
    folder = os.environ.get("JLPANEL_CONFIG_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(folder) / "gui.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


class RecentFiles(QObject):
    """The most recently opened workspaces, newest first, kept in QSettings."""

    changed = Signal()

    def paths(self) -> list[Path]:
        """The remembered files, newest first."""
        raw = app_settings().value(_RECENT_KEY, [], list)
        items = raw if isinstance(raw, list) else []
        return [Path(p) for p in items if isinstance(p, str) and p]

    def _store(self, paths: list[Path]) -> None:
        settings = app_settings()
        settings.setValue(_RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
        settings.sync()
        self.changed.emit()

    def add(self, path: Path) -> None:
        """Put ``path`` on top of the list."""
        path = path.absolute()
        self._store([path, *(p for p in self.paths() if p != path)])

    def remove(self, path: Path) -> None:
        """Forget ``path``."""
        self._store([p for p in self.paths() if p != path.absolute() and p != path])

    def clear(self) -> None:
        """Forget every file."""
        self._store([])
