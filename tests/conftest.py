"""Test set-up shared by every suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must never look for a display: CI and this machine have none, and without it the
# platform plugin aborts the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """Each test starts with no preferences, settings, logs or backups: (config, data)."""
    mine = tmp_path_factory.mktemp("user")
    config, data = mine / "config", mine / "data"
    monkeypatch.setenv("JLPANEL_CONFIG_DIR", str(config))
    monkeypatch.setenv("JLPANEL_DATA_DIR", str(data))
    return config, data
