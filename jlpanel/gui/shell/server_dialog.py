"""连接服务器…: the department's store on a PostgreSQL server (DESIGN §3, issue 15).

The dialog asks for the server, the database, the user and the password, and offers the
servers connected to before. The password is asked each time and never written anywhere:
the recent servers are kept without it, and the address the dialog gives back holds it only
in memory, for the one connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlsplit

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jlpanel.gui.common.i18n import translate
from jlpanel.gui.common.settings import app_settings
from jlpanel.gui.common.theme import set_muted

_RECENT_KEY = "servers/recent"
_RECENT_MAX = 8
DEFAULT_PORT = 5432


@dataclass(frozen=True, slots=True)
class Server:
    """Where a store is: host (a name, or the folder of a local socket), port, database,
    user. Never the password."""

    host: str
    port: int
    database: str
    user: str

    def url(self, password: str = "") -> str:
        """The store's address for jlpanel (``postgresql://…``), with ``password`` if any."""
        who = quote(self.user, safe="")
        if password:
            who += ":" + quote(password, safe="")
        database = quote(self.database, safe="")
        if self.host.startswith("/"):  # a local socket's folder
            return (
                f"postgresql://{who}@/{database}?host={quote(self.host, safe='/')}&port={self.port}"
            )
        return f"postgresql://{who}@{self.host}:{self.port}/{database}"

    def label(self) -> str:
        """How the recent list names it: user@host:port/database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> Server | None:
        """The server of a remembered address (None for anything else)."""
        try:
            parts = urlsplit(url)
            if not parts.scheme.startswith("postgresql"):
                return None
            query = parse_qs(parts.query)
            host = query.get("host", [parts.hostname or ""])[0] or "localhost"
            port = int(query.get("port", [parts.port or DEFAULT_PORT])[0])
            return cls(host, port, unquote(parts.path.lstrip("/")), unquote(parts.username or ""))
        except ValueError:
            return None


def shown_location(url: str) -> str:
    """A server's address as the user may see it: the password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"{quote(unquote(user), safe='')}:***@{host}").geturl()


def recent_servers() -> list[Server]:
    """The servers connected to before, newest first."""
    raw = app_settings().value(_RECENT_KEY, [], list)
    items = raw if isinstance(raw, list) else []
    found = [Server.from_url(u) for u in items if isinstance(u, str)]
    return [s for s in found if s is not None]


def remember_server(server: Server) -> None:
    """Put ``server`` first in the recent list (its address only: no password)."""
    kept = [s for s in recent_servers() if s != server]
    settings = app_settings()
    settings.setValue(_RECENT_KEY, [s.url() for s in [server, *kept][:_RECENT_MAX]])
    settings.sync()


class ServerDialog(QDialog):
    """Ask for a server's store; :meth:`location` is its address, password included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recentCombo = QComboBox()
        self.hostEdit = QLineEdit("localhost")
        self.portSpin = QSpinBox()
        self.portSpin.setRange(1, 65535)
        self.portSpin.setValue(DEFAULT_PORT)
        self.databaseEdit = QLineEdit()
        self.userEdit = QLineEdit()
        self.passwordEdit = QLineEdit()
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLabel()
        self.note.setWordWrap(True)
        set_muted(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.form = QFormLayout()
        fields = (
            self.recentCombo,
            self.hostEdit,
            self.portSpin,
            self.databaseEdit,
            self.userEdit,
            self.passwordEdit,
        )
        self.labels = [QLabel() for _ in fields]
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._recent = recent_servers()
        self.recentCombo.currentIndexChanged.connect(self._on_recent)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.hostEdit, self.databaseEdit, self.userEdit):
            edit.textChanged.connect(self._update_ok)
        self._retranslate()
        if self._recent:
            self._fill(self._recent[0])
        self._update_ok()

    def _retranslate(self) -> None:
        self.setWindowTitle(translate("ServerDialog", "连接服务器"))
        labels = (
            translate("ServerDialog", "最近连接(&R)："),
            translate("ServerDialog", "服务器(&S)："),
            translate("ServerDialog", "端口(&T)："),
            translate("ServerDialog", "数据库(&D)："),
            translate("ServerDialog", "用户名(&U)："),
            translate("ServerDialog", "密码(&P)："),
        )
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.hostEdit.setToolTip(
            translate(
                "ServerDialog", "服务器的名称或地址；本机套接字可填其所在文件夹，如 /run/postgresql"
            )
        )
        self.note.setText(
            translate(
                "ServerDialog",
                "部门的考核存储放在 PostgreSQL 服务器上。密码不会保存：每次连接时输入；"
                "最近连接只记住服务器、数据库和用户名。",
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("ServerDialog", "连接")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("ServerDialog", "取消")
        )
        current = self.recentCombo.currentIndex()
        self.recentCombo.blockSignals(True)
        self.recentCombo.clear()
        self.recentCombo.addItem(translate("ServerDialog", "（新的服务器）"))
        for server in self._recent:
            self.recentCombo.addItem(server.label())
        self.recentCombo.setCurrentIndex(max(current, 0))
        self.recentCombo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _on_recent(self, index: int) -> None:
        if 1 <= index <= len(self._recent):
            self._fill(self._recent[index - 1])

    def _fill(self, server: Server) -> None:
        self.hostEdit.setText(server.host)
        self.portSpin.setValue(server.port)
        self.databaseEdit.setText(server.database)
        self.userEdit.setText(server.user)
        self.passwordEdit.clear()
        self.passwordEdit.setFocus()

    def _update_ok(self) -> None:
        ready = all(e.text().strip() for e in (self.hostEdit, self.databaseEdit, self.userEdit))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def server(self) -> Server:
        return Server(
            self.hostEdit.text().strip(),
            self.portSpin.value(),
            self.databaseEdit.text().strip(),
            self.userEdit.text().strip(),
        )

    def location(self) -> str:
        """The store's address, the password in it (held in memory only)."""
        return self.server().url(self.passwordEdit.text())
