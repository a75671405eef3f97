"""The Qt binding in use, and what the GUI loads at start-up."""

from __future__ import annotations

import subprocess
import sys


def test_void_qt_calls_do_not_leak_references_to_none(qapp: object) -> None:
    # PySide6 6.12.0 returned None from every void method without a reference, so after a few
    # thousand calls CPython 3.11 aborted ("none_dealloc"). pyproject pins a binding without
    # the defect; this test fails if a release with it comes back.
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) >= before - 50


def test_the_window_starts_without_the_database_or_spreadsheet_libraries() -> None:
    code = (
        "import sys\n"
        "from jlpanel.gui.shell.app import MainWindow, make_app\n"
        "app = make_app(language='zh')\n"
        "window = MainWindow()\n"
        "heavy = ('sqlalchemy', 'pandas', 'xlsxwriter', 'python_calamine', 'reportlab')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == ""
