"""Start-up of `jlpanel open PACKAGE.jlreview`: what benchmarks/run.py gui_open measures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import IssuedFiles

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def test_quit_after_start_on_a_package_waits_for_the_review_window(issued: IssuedFiles) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jlpanel", "--quit-after-start", "open", str(issued.package)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["shown"]
    logs = list((Path(os.environ["JLPANEL_DATA_DIR"]) / "logs").glob("*.log"))
    assert any("opened review package" in p.read_text(encoding="utf-8") for p in logs)


def test_opening_a_package_leaves_the_migration_tools_unimported() -> None:
    """Alembic and Mako (~0.2 s) are for workspaces; a package never migrates."""
    script = (
        "import sys\n"
        "import jlpanel.cli, jlpanel.gui.shell.app, jlpanel.gui.review.review_window\n"
        "import jlpanel.services.review\n"
        "print(sorted(m for m in ('alembic', 'mako', 'pandas', 'reportlab') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=_env(), capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
