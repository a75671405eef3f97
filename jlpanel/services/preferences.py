"""The user's preferences shared by CLI and GUI: language, backups, export folder, and the rules
a new cycle starts with.

They live in a small JSON file in the user's config folder. The rules of a cycle belong to its
workspace; ``rule_defaults`` only seeds the rules of workspaces created from now on. Set
``JLPANEL_CONFIG_DIR`` / ``JLPANEL_DATA_DIR`` to relocate (tests do).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from jlpanel import APP_NAME
from jlpanel.domain.rules import RulesError, RuleSettings
from jlpanel.services.errors import UserError

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
#: How many backups of each workspace may be kept.
BACKUP_COUNT_RANGE = (1, 100)


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


def default_backup_folder() -> Path:
    """Where backups go when the user has not chosen a folder."""
    return data_dir() / "backups"


@dataclass(frozen=True, slots=True)
class Preferences:
    """The user's preferences with their defaults."""

    language: str = "zh"
    #: Backups of workspaces; empty means the default folder under the data dir.
    backup_dir: str = ""
    backup_count: int = 10
    #: Where reports and exported results start; empty means beside the workspace.
    export_dir: str = ""
    #: The rule settings a new cycle starts with, only those that differ from the
    #: provincial defaults (``RuleSettings.to_dict`` form); see :func:`rule_defaults_for`.
    rule_defaults: Mapping[str, Any] = field(default_factory=dict)

    def backup_folder(self) -> Path:
        """The folder backups go to."""
        return Path(self.backup_dir) if self.backup_dir else default_backup_folder()

    def new_cycle_rules(self) -> RuleSettings:
        """The rules a newly created cycle workspace starts with."""
        try:
            return RuleSettings.from_dict(self.rule_defaults)
        except RulesError as exc:  # only a hand-built Preferences can get here
            log.warning("ignoring invalid rule defaults: %s", exc)
            return RuleSettings()


def rule_defaults_for(rules: RuleSettings) -> dict[str, Any]:
    """The settings of ``rules`` that differ from the provincial defaults, JSON-ready."""
    standard = RuleSettings().to_dict()
    return {k: v for k, v in rules.to_dict().items() if standard[k] != v}


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same_kind(default: object, value: object) -> bool:
    """Whether ``value`` has the JSON kind of the setting whose default is ``default``."""
    if default is None:  # the optional numbers: quota, area floor, budget
        return value is None or _is_number(value)
    if isinstance(default, bool) or isinstance(value, bool):
        return type(default) is type(value)
    if isinstance(default, int):
        return isinstance(value, int)
    if isinstance(default, float):
        return _is_number(value)
    return isinstance(value, type(default))


def clean_rule_defaults(raw: object) -> dict[str, Any]:
    """The usable part of stored rule defaults; every key dropped is logged.

    Unknown settings and bad values are dropped one by one, so one bad entry (from a newer
    version, or a hand edit) does not cost the others. Settings that only make sense together
    (the grade thresholds) are retried until no more can be added.
    """
    if not isinstance(raw, Mapping):
        log.warning("ignoring rule defaults that are not a mapping: %r", raw)
        return {}
    known = {f.name for f in fields(RuleSettings)}
    pending: dict[str, Any] = {}
    for key, value in raw.items():
        if key in known:
            pending[key] = value
        else:
            log.warning("ignoring unknown rule default %r", key)
    standard = RuleSettings().to_dict()
    for key in list(pending):
        if not _same_kind(standard[key], pending[key]):
            log.warning("ignoring rule default %s=%r: wrong kind of value", key, pending.pop(key))
    accepted: dict[str, Any] = {}
    progress = True
    while pending and progress:
        progress = False
        for key in list(pending):
            trial = {**accepted, key: pending[key]}
            try:
                RuleSettings.from_dict(trial)
            except (RulesError, TypeError, ValueError):
                continue
            accepted[key] = pending.pop(key)
            progress = True
    for key, value in pending.items():
        log.warning("ignoring invalid rule default %s=%r", key, value)
    return rule_defaults_for(RuleSettings.from_dict(accepted))


def check_writable_folder(folder: Path) -> None:
    """Make sure ``folder`` exists (creating it) and a file can be written in it.

    Raises a UserError naming the folder and the system's reason otherwise.
    """
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".jlpanel-", suffix=".tmp"):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UserError(
            f"无法在文件夹中写入文件：{folder}（{reason}）",
            f"Cannot write files in the folder {folder} ({reason})",
        ) from exc


def preferences_path() -> Path:
    """The preferences file."""
    return config_dir() / "preferences.json"


def _checked(raw: Mapping[str, Any]) -> Preferences:
    """Preferences from a parsed file: each bad field falls back on its default, logged."""
    standard = Preferences()
    values: dict[str, Any] = {}
    language = raw.get("language", standard.language)
    if language in LANGUAGES:
        values["language"] = language
    else:
        log.warning("ignoring unknown language preference %r", language)
    for name in ("backup_dir", "export_dir"):
        text = raw.get(name, "")
        if isinstance(text, str):
            values[name] = text
        else:
            log.warning("ignoring %s preference %r: not a folder name", name, text)
    count = raw.get("backup_count", standard.backup_count)
    low, high = BACKUP_COUNT_RANGE
    if isinstance(count, int) and not isinstance(count, bool) and low <= count <= high:
        values["backup_count"] = count
    else:
        log.warning("ignoring backup_count preference %r", count)
    if "rule_defaults" in raw:
        values["rule_defaults"] = clean_rule_defaults(raw["rule_defaults"])
    for name in sorted(set(raw) - {f.name for f in fields(Preferences)}):
        log.info("ignoring unknown preference %r", name)
    return Preferences(**values)


def load_preferences() -> Preferences:
    """The saved preferences, or the defaults when there are none or the file is unreadable.

    A file written by an older version (without the newer fields) loads with their defaults.
    """
    path = preferences_path()
    try:
        raw: Any = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return Preferences()
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable preferences %s: %s", path, exc)
        return Preferences()
    if not isinstance(raw, dict):
        log.warning("ignoring preferences %s: not a JSON object", path)
        return Preferences()
    return _checked(raw)


def save_preferences(prefs: Preferences) -> None:
    """Write the preferences atomically."""
    from jlpanel.services.files import write_atomic

    raw = asdict(prefs)
    raw["rule_defaults"] = dict(prefs.rule_defaults)
    write_atomic(preferences_path(), json.dumps(raw, ensure_ascii=False, indent=2).encode())
