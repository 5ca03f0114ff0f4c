"""Form helpers shared by the dialogs: an input with its error message under it, and
showing a failed save under the fields it concerns."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.texts.orders import orders_error_text, orders_problem_text
from volunteer_app.errors import ValidationError
from volunteer_app.parsing import FIRST_DAY, LAST_DAY, SEARCH_MAX, YEAR_MAX, YEAR_MIN


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


def within_years(*editors: QDateTimeEdit | QSpinBox) -> None:
    """Keep date (and date-time) editors and year spin boxes within the years the core
    accepts (:mod:`volunteer_app.parsing`); a narrower range an editor already has stays."""
    first, last = QDate(FIRST_DAY), QDate(LAST_DAY)
    for editor in editors:
        if isinstance(editor, QDateTimeEdit):
            editor.setMinimumDate(max(editor.minimumDate(), first))
            editor.setMaximumDate(min(editor.maximumDate(), last))
        else:
            editor.setRange(max(editor.minimum(), YEAR_MIN), min(editor.maximum(), YEAR_MAX))


def search_box_limits(*edits: QWidget) -> None:
    """Search boxes take at most as much text as the core searches for (a paste of
    40,000 characters is cut, not sent to the database)."""
    for edit in edits:
        edit.setMaxLength(SEARCH_MAX)
