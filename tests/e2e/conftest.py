"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from jlpanel.cli import main


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A new, empty cycle made through the command line, with its period (2024–2025)."""
    path = tmp_path / "cycle.jlpanel"
    args = ["new", str(path), "--cycle", "2026年度", "--start", "2024-01-01", "--end", "2025-12-31"]
    assert main(args) == 0
    return path
