"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from jlpanel.cli import main
from jlpanel.services.workspace import Workspace, open_workspace


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A new, empty cycle made through the command line, with its period (2024–2025)."""
    path = tmp_path / "cycle.jlpanel"
    args = ["new", str(path), "--cycle", "2026年度", "--start", "2024-01-01", "--end", "2025-12-31"]
    assert main(args) == 0
    return path


@pytest.fixture(scope="session")
def merged_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo cycle with every score file merged (built once; copy it before changing it)."""
    from report_support import build_merged_demo

    folder = tmp_path_factory.mktemp("merged-demo")
    with pytest.MonkeyPatch.context() as patch:  # before the per-test private user folders
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        return build_merged_demo(folder)


@pytest.fixture(scope="session")
def unmerged_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo cycle as built: its experts' score files written beside it (``scores``), none
    merged yet (built once; copy it before changing it)."""
    from jlpanel.services.demo import build_demo

    folder = tmp_path_factory.mktemp("unmerged") / "demo"
    with pytest.MonkeyPatch.context() as patch:  # before the per-test private user folders
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder.parent / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder.parent / "data"))
        summary = build_demo(folder)
    return summary.workspace


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small cycle of test_reports, scored through real packages (built once per module;
    copy it before changing it)."""
    from test_reports import build_scored_cycle

    folder = tmp_path_factory.mktemp("scored")
    # Module scope runs before the function-scoped fixture that keeps user folders private.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JLPANEL_CONFIG_DIR", str(folder / "config"))
        patch.setenv("JLPANEL_DATA_DIR", str(folder / "data"))
        return build_scored_cycle(folder)


@pytest.fixture
def ws(scored: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of that cycle, open (modules with other needs define their own)."""
    copy = tmp_path / "cycle.jlpanel"
    shutil.copyfile(scored, copy)
    with open_workspace(copy) as workspace:
        yield workspace
