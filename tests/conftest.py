"""Test set-up shared by every suite."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never look for a display: CI and this machine have none, and without it the
# platform plugin aborts the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _private_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Preferences, logs and backups of a test go to its own folder, never the real home."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("JLPANEL_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("JLPANEL_DATA_DIR", str(home / "data"))
    yield home
