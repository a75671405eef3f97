"""Start-up of `jlpanel open PACKAGE.jlreview`: what benchmarks/run.py gui_open measures."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import IssuedFiles, Shown

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
    (line,) = done.stdout.splitlines()
    assert line.startswith("shown cpu=") and float(line.removeprefix("shown cpu=")) > 0
    logs = list((Path(os.environ["JLPANEL_DATA_DIR"]) / "logs").glob("*.log"))
    assert any("opened review package" in p.read_text(encoding="utf-8") for p in logs)


def test_opening_a_package_leaves_the_migration_tools_and_the_staff_window_unimported() -> None:
    """Alembic and Mako (~0.2 s) are for workspaces, and a package never migrates; neither
    are the workspace's ORM models (~0.1 s); the main window with the staff's views (~0.3 s)
    is built after the review window is shown."""
    script = (
        "import sys\n"
        "import jlpanel.cli, jlpanel.gui.shell.app, jlpanel.gui.review.review_window\n"
        "import jlpanel.services.review\n"
        "late = ('alembic', 'mako', 'pandas', 'reportlab', 'jlpanel.gui.shell.main_window',\n"
        "        'jlpanel.storage.models', 'jlpanel.services.workspace')\n"
        "print(sorted(m for m in late if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=_env(), capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_review_window_comes_first_and_the_main_window_takes_it_over(
    app: Any, qtbot: Any, issued: IssuedFiles
) -> None:
    from jlpanel.gui.shell.app import _ReviewFirst

    starting = _ReviewFirst(issued.package)
    with qtbot.waitSignal(starting.shown, timeout=30_000):
        starting.start()
    review = starting.review
    assert review is not None and review.isVisible()
    main = starting.main
    assert main is not None and main.review_windows == [review]
    qtbot.addWidget(main)
    assert not main.isVisible()  # expert mode: no staff window behind the desk
    assert issued.package.absolute() in main.recent.paths()
    review.close()
    qtbot.waitUntil(lambda: main.review_windows == [])


def test_a_package_that_cannot_be_opened_is_left_to_the_main_window(
    app: Any, qtbot: Any, tmp_path: Path, message_boxes: list[Shown]
) -> None:
    from jlpanel.gui.shell.app import _ReviewFirst

    bad = tmp_path / "不是评审包.jlreview"
    bad.write_bytes(b"not a package" * 100)
    starting = _ReviewFirst(bad)
    starting.start()
    qtbot.waitUntil(lambda: starting.main is not None and not starting.main.busy, timeout=30_000)
    main = starting.main
    assert main is not None
    qtbot.addWidget(main)
    assert starting.review is None and main.review_windows == []
    assert main.isVisible()  # the start page, with the reason
    assert [m.kind for m in message_boxes] in (["warning"], ["critical"])


def test_the_row_sheets_are_the_same_in_the_workspace_the_package_and_the_views() -> None:
    from jlpanel.services.dossiers import ROW_SHEETS
    from jlpanel.storage import package_models as pm
    from jlpanel.storage.dossiers import ROW_TABLES

    workspace = [(attribute, model.__tablename__) for attribute, model in ROW_TABLES]
    package = [(attribute, model.__tablename__) for attribute, model in pm.ROW_TABLES]
    assert workspace == package
    assert [attribute for attribute, _ in workspace] == list(ROW_SHEETS)


_WARM_UP = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from jlpanel.gui.shell.app import make_app\n"
    "from jlpanel.gui.shell.main_window import WARM_UP_DELAY_MS, MainWindow\n"
    "store = ('sqlalchemy.orm', 'jlpanel.services.workspace', 'jlpanel.services.results')\n"
    "once = ('alembic.runtime.migration', 'jlpanel.gui.shell.server_dialog', 'psycopg',\n"
    "        'sqlalchemy.dialects.postgresql.psycopg')\n"
    "app = make_app([])\n"
    "window = MainWindow()\n"
    "show = len(sys.argv) > 1\n"
    "if show:\n"
    "    window.show()\n"
    "app.processEvents()\n"
    "print(sorted(m for m in store if m in sys.modules))\n"
    "QTimer.singleShot(WARM_UP_DELAY_MS + 3000, app.quit)\n"
    "app.exec()\n"
    "print(sorted(m for m in store if m in sys.modules))\n"
    "print(sorted(m for m in once if m in sys.modules))\n"
    "models = sys.modules.get('jlpanel.storage.models')\n"
    "print('mappers configured' if models and not models.Base.registry._new_mappers else '-')\n"
    "workspace = sys.modules.get('jlpanel.storage.workspace')\n"
    "print(workspace._script_directory.cache_info().currsize if workspace else 0)\n"
)


@functools.cache
def _warmed_up_window() -> list[str]:
    """The lines a shown staff window prints once its warm-up is done (run once per session)."""
    shown = subprocess.run(
        [sys.executable, "-c", _WARM_UP, "show"],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return shown.stdout.splitlines()


def test_the_shown_window_imports_what_a_store_needs_while_the_user_chooses_one() -> None:
    """Imported by the open's own background task, SQLAlchemy and the services held Python's
    lock against the window while the store was being shown (issue 16): the staff's window
    imports them in the background once shown, not before it is painted; an expert's hidden
    main window (expert mode) never does."""
    before, after, *_ = _warmed_up_window()[-5:]
    assert before == "[]"
    assert after == "['jlpanel.services.results', 'jlpanel.services.workspace', 'sqlalchemy.orm']"

    hidden = subprocess.run(
        [sys.executable, "-c", _WARM_UP], env=_env(), capture_output=True, text=True, check=True
    )
    assert hidden.stdout.splitlines()[-5:] == ["[]", "[]", "[]", "-", "0"]


def test_the_warm_up_does_an_opens_one_time_work_too() -> None:
    """A PostgreSQL store's open held the window 150-200 ms at any size (issue 16): its
    driver and dialect loaded, the ORM's mappers configured, the schema's revisions read and
    the server dialog's module imported, all on the open's way. The warm-up does them while
    the start page waits, so an open finds them done."""
    once, mappers, revisions = _warmed_up_window()[-3:]
    assert once == (
        "['alembic.runtime.migration', 'jlpanel.gui.shell.server_dialog', 'psycopg', "
        "'sqlalchemy.dialects.postgresql.psycopg']"
    )
    assert mappers == "mappers configured"
    assert revisions == "1"


def test_the_window_takes_pythons_lock_back_within_a_millisecond() -> None:
    """Each Python call a paint makes waits for the lock while a background read holds it; at
    Python's 5 ms the open of a 2,000-platform store on a server held the window up to 113 ms
    (issue 16). The window's process asks for 1 ms; other processes keep the default."""
    script = (
        "import sys\n"
        "from jlpanel.gui.shell.app import make_app\n"
        "print(sys.getswitchinterval())\n"
        "make_app(language='zh')\n"
        "print(sys.getswitchinterval())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == ["0.005", "0.001"]
