"""Change my password: the current one, the new one twice; for a logged-in operator.

The new password is checked as it is typed against the core's rule (at least
``accounts.MIN_PASSWORD`` characters) and the repetition must match; Save stays disabled
until both hold. The current password is checked by the core when saving (Argon2, on the
database worker); a wrong one is named under its field and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow
from ui.common.i18n import arg
from ui.texts.accounts import password_error_text, role_title
from ui.texts.errors import error_text, reason_text
from volunteer_app.errors import AppError, ValidationError
from volunteer_app.security import accounts


class ChangePasswordDialog(QDialog):
    """The logged-in operator changes their own password."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self._touched: set[str] = set()
        self._wrong_old = False
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(440)
        actor = ctx.db.actor
        who = QLabel(arg(self.tr("Operator: %1 (%2)"), actor.name if actor else "",
                         role_title(actor.role) if actor else ""), self)
        who.setObjectName("hint")
        self.old_edit, self.new_edit, self.repeat_edit = (QLineEdit(self) for _ in range(3))
        for edit, name in ((self.old_edit, "oldPassword"), (self.new_edit, "newPassword"),
                           (self.repeat_edit, "repeatPassword")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        self.rows = {"old": FieldRow(self.old_edit, self), "password": FieldRow(self.new_edit, self),
                     "repeat": FieldRow(self.repeat_edit, self)}
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.rows["old"])
        form.addRow(arg(self.tr("New password (at least %1 characters)"), accounts.MIN_PASSWORD),
                    self.rows["password"])
        form.addRow(self.tr("Repeat the new password"), self.rows["repeat"])
        self.message_label = QLabel(self)
        self.message_label.setObjectName("fieldError")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary")
        self.save_button.setText(self.tr("Change password"))
        self.buttons.accepted.connect(self._on_save_clicked)
        # Esc, the close button and Cancel ask before what was typed is lost.
        self.dirty = DirtyTracker(
            self, lambda: (self.old_edit.text(), self.new_edit.text(), self.repeat_edit.text()),
            lambda: self.tr("your password"), busy=lambda: self._saving)
        self.dirty.mark_clean()
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        for key, edit in (("old", self.old_edit), ("password", self.new_edit),
                          ("repeat", self.repeat_edit)):
            edit.textEdited.connect(lambda _t, k=key: self._on_field_edited(k))
        self.revalidate()

    def _on_field_edited(self, key: str) -> None:
        self._touched.add(key)
        if key == "old":
            self._wrong_old = False
        self.revalidate()

    def problems(self) -> dict[str, str]:
        """Field -> translated message, for what the form holds now."""
        out: dict[str, str] = {}
        if self._wrong_old:  # until the clerk types the current password again
            out["old"] = self.tr("is wrong")
        elif not self.old_edit.text():
            out["old"] = reason_text("required")
        new = self.new_edit.text()
        if len(new) < accounts.MIN_PASSWORD:
            out["password"] = reason_text("password_too_short")
        if self.repeat_edit.text() != new:
            out["repeat"] = self.tr("differs from the new password")
        return out

    def revalidate(self) -> None:
        problems = self.problems()
        for key, row in self.rows.items():
            shown = key in self._touched or (key == "old" and self._wrong_old)
            row.set_error(problems.get(key, "") if shown else "")
        self.save_button.setEnabled(not problems and not self._saving)

    def _on_save_clicked(self) -> None:
        if self.problems() or self._saving:
            return
        old, new = self.old_edit.text(), self.new_edit.text()
        self._saving = True
        self.save_button.setEnabled(False)
        self.message_label.hide()
        self.ctx.worker.submit(lambda s: accounts.change_own_password(s, old, new),
                               self._on_saved, self._on_failed, owner=self, label="password")

    def _on_saved(self, _result: object) -> None:
        self._saving = False
        self.sig_changed.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, accounts.LoginFailed):
            self._wrong_old = True
            self._touched.add("old")
            self.old_edit.selectAll()
            self.old_edit.setFocus()
        elif isinstance(exc, ValidationError):
            self._touched.update(self.rows)
            self.message_label.setText(error_text(exc))
            self.message_label.show()
        elif isinstance(exc, AppError) and exc.code == "no_account":
            self.message_label.setText(password_error_text(exc))
            self.message_label.show()
        else:
            self.message_label.setText(error_text(exc))
            self.message_label.show()
        self.revalidate()
