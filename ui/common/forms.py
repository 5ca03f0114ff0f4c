"""Form helpers shared by the dialogs: an input with its error message under it, and
showing a failed save under the fields it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui.texts.orders import orders_error_text, orders_problem_text
from volunteer_app.errors import ValidationError


class FieldRow(QWidget):
    """An input with its error message right under it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


def show_failure(dialog: QDialog, rows: dict, exc: BaseException) -> bool:
    """Put field problems under their fields; anything else in a message box.

    Worded by the requests' and hours' texts (:mod:`ui.texts.orders`, which fall back to
    the shared ones). Returns True when a message box was shown (the failure is not about
    a field).
    """
    if isinstance(exc, ValidationError):
        shown = False
        for p in exc.problems:
            row = rows.get(p.field)
            if row is not None:
                row.set_error(orders_problem_text(p.field, p.code, include_field=False))
                shown = True
        if shown:
            return False
    QMessageBox.warning(dialog, dialog.windowTitle(), orders_error_text(exc))
    return True
