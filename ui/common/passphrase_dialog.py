"""Asking for a backup's passphrase (issue 17.2).

A backup to a ``.vabak`` file is encrypted: with a passphrase the administrator or clerk
chooses (typed twice, at least 10 characters), or, left empty, with this database's key
(it then opens only on a PC holding that key). Roles that may not see ID numbers are not
offered a passphrase: their backups always use the database key
(:mod:`volunteer_app.backup_access`). A restore asks only when the file is a passphrase
backup. The passphrase never goes to the settings or a log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.common.i18n import arg
from volunteer_app.backup_crypto import MIN_PASSPHRASE

translate = QCoreApplication.translate


class BackupPassphraseDialog(QDialog):
    """Two password fields; empty means "encrypt with the database key"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Passphrase", "Protect the backup"))
        form = QFormLayout(self)
        note = QLabel(arg(translate(
            "Passphrase",
            "The backup is encrypted. With a passphrase (at least %1 characters) it opens on any "
            "PC for whoever knows it. Left empty, it is encrypted with this database's key and "
            "opens only on a PC holding that key (export the key for safe keeping)."), MIN_PASSPHRASE))
        note.setWordWrap(True)
        form.addRow(note)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form.addRow(translate("Passphrase", "Passphrase:"), self.first)
        form.addRow(translate("Passphrase", "Again:"), self.second)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_buttons_accepted(self) -> None:
        first, second = self.first.text(), self.second.text()
        if first != second:
            self.problem.setText(translate("Passphrase", "The two passphrases differ."))
        elif first and len(first.strip()) < MIN_PASSPHRASE:
            self.problem.setText(arg(translate("Passphrase", "At least %1 characters, please."), MIN_PASSPHRASE))
        else:
            self.accept()

    def passphrase(self) -> str | None:
        return self.first.text() or None


def ask_backup_passphrase(parent: QWidget | None) -> tuple[bool, str | None]:
    """(go on, passphrase or None for the database key)."""
    dialog = BackupPassphraseDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.passphrase()


def ask_restore_passphrase(parent: QWidget | None, path: Path) -> str | None:
    """The passphrase of the backup ``path``; None when the clerk cancels."""
    text, ok = QInputDialog.getText(
        parent, translate("Passphrase", "Encrypted backup"),
        arg(translate("Passphrase", "Passphrase of %1:"), path.name), QLineEdit.EchoMode.Password)
    return text if ok and text else None
