"""连接服务器: the server's address is built from the fields, the password only in memory;
the recent servers are remembered without it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.shell.server_dialog import Server, ServerDialog, recent_servers, remember_server


def test_the_address_holds_the_password_and_the_recent_list_never_does(qtbot: Any) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no database nor user yet
    dialog.hostEdit.setText("db.kjt.jl.gov.cn")
    qtbot.keyClicks(dialog.databaseEdit, "jlpanel")
    dialog.userEdit.setText("秘书")  # (QTest types only Latin keys)
    qtbot.keyClicks(dialog.passwordEdit, "p@ss:w/rd")
    assert ok.isEnabled()
    assert dialog.location() == (
        "postgresql://%E7%A7%98%E4%B9%A6:p%40ss%3Aw%2Frd@db.kjt.jl.gov.cn:5432/jlpanel"
    )
    remember_server(dialog.server())
    stored = app_settings().value("servers/recent", [], list)
    assert stored == ["postgresql://%E7%A7%98%E4%B9%A6@db.kjt.jl.gov.cn:5432/jlpanel"]
    assert all("p@ss" not in s and "p%40ss" not in s for s in stored)

    again = ServerDialog()
    qtbot.addWidget(again)
    assert again.recentCombo.count() == 2  # （新的服务器） and the one remembered
    assert again.server() == Server("db.kjt.jl.gov.cn", 5432, "jlpanel", "秘书")
    assert again.passwordEdit.text() == "" and again.passwordEdit.hasFocus() in (True, False)
    qtbot.keyClick(again.recentCombo, Qt.Key.Key_Up)  # back to a new server: fields kept
    assert again.server().database == "jlpanel"


def test_a_local_socket_folder_is_a_host_and_recent_servers_come_back_newest_first() -> None:
    socket = Server("/run/postgresql", 5432, "jlpanel", "postgres")
    assert socket.url() == "postgresql://postgres@/jlpanel?host=/run/postgresql&port=5432"
    assert Server.from_url(socket.url()) == socket
    remote = Server("pg.example", 6543, "考核", "staff")
    assert Server.from_url(remote.url("secret")) == remote
    remember_server(socket)
    remember_server(remote)
    remember_server(socket)
    assert recent_servers() == [socket, remote]
    assert Server.from_url("/tmp/a.jlpanel") is None
