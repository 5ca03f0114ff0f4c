"""连接服务器: point this PC at the office's PostgreSQL server (issue 18.17).

Host, port, database, user, password and TLS mode; 测试连接 tries the server in the
background with a short timeout and says what it found in the clerk's words (never the
driver's text); 连接 hands the URL to the same path as opening a file
(``AppContext.request_database`` → ``MainWindow.switch_database`` → ``open_database``), so a
newer version's database or another program's tables are refused the same way. The
password is in the URL only for the connection: the settings keep the URL without it and
the keyring keeps the password (:mod:`volunteer_app.db_password`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.common.operations import BackgroundOp
from volunteer_app import server_connection as sc
from volunteer_app.db import display_url


class ServerDialog(QDialog):
    """Ask for a PostgreSQL server and test it; ``url`` holds the chosen one on accept."""

    def __init__(self, ctx: AppContext | None, parent: QWidget | None = None,
                 timeout_s: int = sc.CONNECT_TIMEOUT_S) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.url: str | None = None
        self.timeout_s = timeout_s
        self.testing = False
        self.host_edit = QLineEdit(self)
        self.host_edit.setPlaceholderText(self.tr("e.g. 192.168.1.10 or server-pc"))
        self.port_edit = QLineEdit(str(sc.DEFAULT_PORT), self)
        self.port_edit.setMaxLength(5)
        self.database_edit = QLineEdit(self)
        self.database_edit.setPlaceholderText(self.tr("one database per community, e.g. volunteer_hx"))
        self.user_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.tls_combo = QComboBox(self)
        for mode, text in (("disable", self.tr("Off (only inside the office network)")),
                           ("prefer", self.tr("Use when the server offers it")),
                           ("require", self.tr("Required (encrypted)")),
                           ("verify-full", self.tr("Required, and check the server's certificate"))):
            self.tls_combo.addItem(text, mode)
        self.tls_combo.setCurrentIndex(self.tls_combo.findData("prefer"))
        self._prefill(ctx.db.url if ctx is not None else "")

        form = QFormLayout()
        form.addRow(self.tr("Server (host)"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_edit)
        form.addRow(self.tr("Database"), self.database_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Encryption (TLS)"), self.tls_combo)
        hint = QLabel(self, objectName="hint", wordWrap=True)
        hint.setText(self.tr("The password is kept in this computer's credential store, never in "
                             "the settings file.") if sc.keyring_available() else
                     self.tr("This computer has no credential store: the password is not kept. Put "
                             "it in the PostgreSQL password file (on Windows "
                             "%APPDATA%\\postgresql\\pgpass.conf) so the next start connects."))
        self.result_label = QLabel(self, objectName="serverResult", wordWrap=True)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton(self.tr("Connect"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("primary")
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.connect_button.clicked.connect(self._on_connect_clicked)
        self.test_button.clicked.connect(self.test_connection)
        self.resize(520, self.sizeHint().height())

    def _prefill(self, current: str) -> None:
        """The server this PC uses now, if any (never its password)."""
        if not current.startswith("postgresql"):
            return
        from urllib.parse import parse_qs, unquote, urlsplit

        parts = urlsplit(current)
        self.host_edit.setText(parts.hostname or "")
        self.port_edit.setText(str(parts.port or sc.DEFAULT_PORT))
        self.database_edit.setText(unquote(parts.path.lstrip("/")))
        self.user_edit.setText(unquote(parts.username or ""))
        mode = (parse_qs(parts.query).get("sslmode") or [""])[0]
        if self.tls_combo.findData(mode) >= 0:
            self.tls_combo.setCurrentIndex(self.tls_combo.findData(mode))

    def build_url(self) -> str | None:
        """The URL of the form, or None with the first bad field named in the result line."""
        try:
            return sc.build_url(self.host_edit.text(), self.port_edit.text(), self.database_edit.text(),
                                self.user_edit.text(), self.password_edit.text(),
                                self.tls_combo.currentData())
        except ValueError as exc:
            field = str(exc)
            texts = {
                "host": self.tr("Enter the server's name or address (no spaces, \u201c/\u201d or \u201c@\u201d)."),
                "port": self.tr("The port is a number from 1 to 65535 (PostgreSQL uses 5432)."),
                "database": self.tr("Enter the name of the community's database."),
                "user": self.tr("Enter the database user."),
                "sslmode": self.tr("Choose an encryption mode."),
            }
            self.result_label.setText(texts.get(field, texts["host"]))
            widget = {"host": self.host_edit, "port": self.port_edit, "database": self.database_edit,
                      "user": self.user_edit}.get(field)
            if widget is not None:
                widget.setFocus()
            return None

    def test_connection(self) -> None:
        url = self.build_url()
        if url is None or self.testing:
            return
        self.testing = True
        self.test_button.setEnabled(False)
        self.result_label.setText(arg(self.tr("Connecting to %1\u2026"), display_url(url)))
        timeout = self.timeout_s
        BackgroundOp(self, lambda _op: sc.check_server(url, timeout), "server check") \
            .success(self._on_checked).failure(lambda _e: self._on_checked(sc.ServerCheck(sc.FAILED))) \
            .run()

    def _on_checked(self, check: sc.ServerCheck) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self.result_label.setText(self.result_text(check))

    def result_text(self, check: sc.ServerCheck) -> str:
        """What a connection test found, in the clerk's words."""
        if check.outcome == sc.CONNECTED:
            schema = {
                sc.SCHEMA_CURRENT: self.tr("The community's data is there and up to date."),
                sc.SCHEMA_EMPTY: self.tr("The database is empty: connecting creates the tables."),
                sc.SCHEMA_OLDER: self.tr("The data was made by an older version: connecting upgrades "
                                         "it (back it up first)."),
                sc.SCHEMA_NEWER: self.tr("The data was written by a newer version of this application: "
                                         "update the application on this PC first."),
                sc.SCHEMA_FOREIGN: self.tr("The database holds tables of another program: this "
                                           "application will not use it."),
            }.get(check.schema, "")
            return arg(self.tr("Connected: PostgreSQL %1."), check.version) + " " + schema
        return {
            sc.AUTH_FAILED: self.tr("The server refused the user or password (or does not accept "
                                    "this computer; see pg_hba.conf)."),
            sc.UNREACHABLE: self.tr("The server cannot be reached: check the address and port, that "
                                    "PostgreSQL runs, and that the firewall lets port 5432 through."),
            sc.DATABASE_MISSING: self.tr("The server has no database of that name."),
            sc.TLS_FAILED: self.tr("The encrypted connection failed: the server does not offer the "
                                   "chosen encryption, or its certificate does not check out."),
        }.get(check.outcome, self.tr("The connection failed. Check the details and try again."))

    def _on_connect_clicked(self) -> None:
        url = self.build_url()
        if url is None:
            return
        self.url = url
        self.accept()
