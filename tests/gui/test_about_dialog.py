"""关于 jlpanel: the real versions, jlpanel's licence and the shipped components' licences."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication

from jlpanel import __version__
from jlpanel.gui.common.about_dialog import (
    FONT_LICENSE_FILE,
    JLPANEL_LICENSE_FILE,
    AboutDialog,
    ComponentsModel,
    distribution_version,
    read_components,
)
from jlpanel.gui.common.i18n import apply_language
from jlpanel.gui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def open_about(window: MainWindow, qtbot: Any) -> AboutDialog:
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_versions_are_the_running_ones(window: MainWindow, qtbot: Any) -> None:
    dialog = open_about(window, qtbot)
    assert dialog.windowTitle() == "关于 jlpanel"
    assert dialog.productLabel.text() == "吉林省科技资源共享服务平台考核评价"
    assert dialog.versionLabel.text() == f"版本 {__version__}"
    shown = {key: label.text() for key, label in dialog.versions.items()}
    assert shown == {
        "jlpanel": __version__,
        "python": platform.python_version(),
        "qt": qVersion(),
        "pyside": PySide6.__version__,
    }
    assert "Apache-2.0" in dialog.licenceValue.text()
    assert not dialog.iconLabel.pixmap().isNull()
    qtbot.mouseClick(dialog.licenceButton, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == dialog.TEXT_TAB
    assert dialog.textBrowser.toPlainText() == JLPANEL_LICENSE_FILE.read_text("utf-8")
    assert "Apache License" in dialog.textBrowser.toPlainText()


def test_the_components_and_the_font_licence_text(window: MainWindow, qtbot: Any) -> None:
    dialog = open_about(window, qtbot)
    model = dialog.components_model
    rows = {
        model.index(r, ComponentsModel.NAME).data(): (
            model.index(r, ComponentsModel.VERSION).data(),
            model.index(r, ComponentsModel.LICENCE).data(),
        )
        for r in range(model.rowCount())
    }
    assert rows["SQLAlchemy"] == (version("SQLAlchemy"), "MIT")
    # pandas is the analysis extra (jlpanel[analysis]): the program does not ship it
    assert not {"pandas", "NumPy", "python-dateutil"} & set(rows)
    assert rows["XlsxWriter"] == (version("XlsxWriter"), "BSD-2-Clause")
    assert rows["Qt"] == (qVersion(), "LGPL-3.0-only")
    assert rows["Qt for Python (PySide6)"][1] == "LGPL-3.0-only"
    font = next(name for name in rows if "WenQuanYi" in name)
    assert rows[font][1].startswith("Apache-2.0")

    dialog.tabs.setCurrentIndex(dialog.COMPONENTS_TAB)
    row = next(r for r in range(model.rowCount()) if model.component(r).is_font)
    dialog.componentsTable.selectRow(row)
    qtbot.mouseClick(dialog.fullTextButton, Qt.MouseButton.LeftButton)
    assert dialog.tabs.currentIndex() == dialog.TEXT_TAB
    text = dialog.textBrowser.toPlainText()
    assert text == FONT_LICENSE_FILE.read_text("utf-8")
    assert "WenQuanYi Micro Hei" in text and "Apache License" in text


def test_it_speaks_english(window: MainWindow, qtbot: Any, app: QApplication) -> None:
    dialog = open_about(window, qtbot)
    apply_language("en")
    assert dialog.windowTitle() == "About jlpanel"
    assert dialog.versionLabel.text() == f"Version {__version__}"
    assert [dialog.tabs.tabText(n) for n in range(3)] == ["About", "Licences", "Licence texts"]
    assert dialog.components_model.headerData(2, Qt.Orientation.Horizontal) == "Licence"


def test_every_runtime_dependency_is_listed() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    listed = {c.distribution.lower() for c in read_components()}
    for requirement in project["dependencies"]:
        name = requirement.split(">")[0].split("<")[0].split("=")[0].strip().lower()
        name, _, extras = name.partition("[")  # psycopg[binary]: psycopg and psycopg-binary
        assert name in listed, name
        for extra in filter(None, extras.rstrip("]").split(",")):
            assert f"{name}-{extra.strip()}" in listed, (name, extra)
    assert (ROOT / "LICENSE").read_text("utf-8") == JLPANEL_LICENSE_FILE.read_text("utf-8")


def test_pandas_is_the_analysis_extra_and_not_listed() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert not [r for r in project["dependencies"] if r.startswith("pandas")]
    assert project["optional-dependencies"]["analysis"] == ["pandas>=2.2"]
    # the analysis tests need it
    assert "pandas>=2.2" in project["optional-dependencies"]["test"]
    listed = {c.distribution.lower() for c in read_components()}
    assert not {"pandas", "numpy", "python-dateutil"} & listed


def test_a_missing_distribution_reads_as_a_dash() -> None:
    assert distribution_version("no-such-distribution-for-jlpanel") == "—"


def test_opening_it_imports_no_heavy_library() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from jlpanel.gui.common.about_dialog import AboutDialog\n"
        "AboutDialog().show()\n"
        "print(sorted(m for m in ('pandas', 'sqlalchemy', 'reportlab', 'numpy')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert done.stdout.strip() == "[]"
