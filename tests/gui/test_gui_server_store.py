"""连接服务器… opens a store on a real PostgreSQL server in the window (issue 15 item 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt

from jlpanel.cli import main
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.tasks import pending_tasks

pytestmark = pytest.mark.usefixtures("message_boxes")


def test_a_server_store_opens_from_the_start_page_and_its_password_is_kept_nowhere(
    qtbot: Any, window: Any, pg_url: str, demo_folder: Path
) -> None:
    store = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert main(["new", store, "--cycle", "2026年度（服务器）"]) == 0
    assert main(["import", store, str(demo_folder / "dossiers")]) == 0
    parts = urlsplit(pg_url)
    socket = parse_qs(parts.query)["host"][0]
    database = parts.path.lstrip("/")

    qtbot.mouseClick(window.start_page.ui.serverButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.server_dialog is not None and window.server_dialog.isVisible())
    dialog = window.server_dialog
    dialog.hostEdit.setText(socket)
    dialog.databaseEdit.setText(database)
    dialog.userEdit.setText("postgres")
    qtbot.keyClicks(dialog.passwordEdit, "not-needed-here")  # trust auth: any password
    qtbot.keyClick(dialog.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pending_tasks() == 0 and window.workspace is not None, timeout=30_000)

    ws = window.workspace
    assert ws.file is None
    info = ws.cycle_info()
    assert (info.name, info.platform_count) == ("2026年度（服务器）", 24)
    assert "not-needed-here" not in ws.name and database in ws.name
    assert window.workspace_view.path == ws.name  # the header names it without the password
    settings = app_settings()
    settings.sync()
    stored = Path(settings.fileName()).read_text("utf-8")
    assert database in stored and "not-needed-here" not in stored
    assert window.recent.paths() == []  # a server is no recent file
