"""Logging in when the database has accounts switched on, and the warning for a shared
database without them.

No session is opened on the UI thread: the login (one Argon2 verification, ~50 ms, and
the unit of work recording the attempt) and the check whether accounts are on run off it
through :func:`~ui.common.operations.run_and_wait`, as the flow around them (start-up,
switching database) waits for the answer and the database worker does not exist yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui.common.operations import run_and_wait
from ui.texts.accounts import login_failure_text

if TYPE_CHECKING:
    from volunteer_app.db import Database

# QSettings key prefix: the shared-database warning is shown once per database URL.
KEY_SHARED_WARNED = "accounts/shared_warned"


class LoginDialog(QDialog):
    """User name and password; on success ``db.actor`` is the logged-in operator."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in"))
        intro = QLabel(self.tr("This database requires operators to log in."), self)
        intro.setWordWrap(True)
        location = QLabel(db.display_name(), self)
        location.setObjectName("loginDatabase")
        location.setWordWrap(True)
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("loginUsername")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("loginMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(location)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def _on_buttons_accepted(self) -> None:
        from volunteer_app.security import accounts

        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self._show_message(self.tr("Enter your user name and password."))
            return
        try:
            self.actor = run_and_wait(
                lambda _op: accounts.login_unit(self.db, username, password), "login")
        except accounts.LoginFailed as exc:
            self._show_message(login_failure_text(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        except Exception as exc:  # database gone, etc.: say so, keep the dialog open
            from ui.texts.errors import error_text

            self._show_message(error_text(exc))
            return
        self.accept()

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()


def accounts_on(db: Database) -> bool:
    """Whether operators must log in to this database (one quick read)."""
    from volunteer_app.security.permissions import accounts_enabled

    def read(_op: object) -> bool:
        with db.session() as s:
            return accounts_enabled(s)

    return run_and_wait(read, "accounts on?")


def gate_database(db: Database, parent: QWidget | None = None,
                  settings: QSettings | None = None) -> bool:
    """Before a database is used: log in if it has accounts; False = the clerk cancelled.

    A PostgreSQL database without accounts is shared by several PCs with nobody
    accountable, so the clerk is warned once per database.
    """
    if accounts_on(db):
        if db.actor is not None:
            return True
        return LoginDialog(db, parent).exec() == QDialog.DialogCode.Accepted
    if db.engine.dialect.name == "postgresql":
        warn_shared_without_accounts(db, parent, settings)
    return True


def warn_shared_without_accounts(db: Database, parent: QWidget | None,
                                 settings: QSettings | None = None) -> bool:
    """Show the shared-database warning unless it was shown for this database; True if shown."""
    if settings is None:
        from ui.common.context import make_settings

        settings = make_settings()
    import hashlib

    # A digest: URLs hold characters QSettings keys must not contain.
    key = f"{KEY_SHARED_WARNED}/{hashlib.sha1(db.display_name().encode()).hexdigest()[:16]}"
    if settings.value(key, "") == db.display_name():
        return False
    settings.setValue(key, db.display_name())
    settings.sync()
    QMessageBox.warning(
        parent, LoginDialog.tr("Shared database without accounts"),
        LoginDialog.tr("This database is on a server and may be shared by several PCs, but "
                       "operator accounts are switched off: everyone may see and change "
                       "everything, and the audit log cannot tell who did what.\n\n"
                       "An administrator should switch accounts on in 操作员 (Operators)."))
    return True
