"""The user's preferences shared by CLI and GUI: language, backups, export folder.

They live in a small JSON file in the user's config folder. Cycle rules are not here — they
belong to each workspace. Set ``JLPANEL_CONFIG_DIR`` / ``JLPANEL_DATA_DIR`` to relocate (tests do).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from jlpanel import APP_NAME

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")


def config_dir() -> Path:
    """Where preferences are kept."""
    override = os.environ.get("JLPANEL_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Where logs and default backups are kept."""
    override = os.environ.get("JLPANEL_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where the log file is written."""
    return data_dir() / "logs"


@dataclass(frozen=True, slots=True)
class Preferences:
    """The user's preferences with their defaults."""

    language: str = "zh"
    #: Backups of workspaces; empty means the default folder under the data dir.
    backup_dir: str = ""
    backup_count: int = 10
    export_dir: str = ""

    def backup_folder(self) -> Path:
        """The folder backups go to."""
        return Path(self.backup_dir) if self.backup_dir else data_dir() / "backups"


def preferences_path() -> Path:
    """The preferences file."""
    return config_dir() / "preferences.json"


def load_preferences() -> Preferences:
    """The saved preferences, or the defaults when there are none or the file is unreadable."""
    path = preferences_path()
    try:
        raw: Any = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable preferences %s: %s", path, exc)
        return Preferences()
    if not isinstance(raw, dict):
        return Preferences()
    known = {f.name for f in fields(Preferences)}
    values = {k: v for k, v in raw.items() if k in known}
    prefs = Preferences(**values)
    if prefs.language not in LANGUAGES or not isinstance(prefs.backup_count, int):
        return Preferences()
    return prefs


def save_preferences(prefs: Preferences) -> None:
    """Write the preferences atomically."""
    from jlpanel.services.files import write_atomic

    write_atomic(
        preferences_path(), json.dumps(asdict(prefs), ensure_ascii=False, indent=2).encode()
    )
