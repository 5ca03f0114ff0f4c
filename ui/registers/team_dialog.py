"""Create or edit a team: name, kind, parent team, colour, description."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow
from ui.common.i18n import arg
from ui.texts.errors import error_text, field_problem_text
from ui.texts.registers import kind_text
from volunteer_app.errors import ValidationError
from volunteer_app.models import TEAM_KINDS
from volunteer_app.services import teams as team_service
from volunteer_app.services.teams import TeamRow


class TeamDialog(QDialog):
    """Team form; errors from the core appear under the field at fault."""

    sig_saved = Signal(int)

    def __init__(self, ctx: AppContext, teams: list[TeamRow], team: TeamRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team = team
        self.setWindowTitle(self.tr("New team") if team is None else self.tr("Edit team"))
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        for kind in TEAM_KINDS:
            self.kind_combo.addItem(kind_text(kind), kind)
        self.parent_combo = QComboBox(self)
        self.parent_combo.addItem(self.tr("(none: a top-level team)"), None)
        for t in teams:
            if team is None or t.id != team.id:
                self.parent_combo.addItem(t.name, t.id)
        self._colour = QColor(team.colour if team else "#c0392b")
        self.colour_button = QPushButton(self)
        self.colour_button.clicked.connect(self._on_colour_clicked)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setFixedHeight(80)
        self.rows = {"name": FieldRow(self.name_edit, self),
                     "kind": FieldRow(self.kind_combo, self),
                     "parent": FieldRow(self.parent_combo, self),
                     "description": FieldRow(self.description_edit, self)}
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.rows["name"])
        form.addRow(self.tr("Kind"), self.rows["kind"])
        form.addRow(self.tr("Parent team"), self.rows["parent"])
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Description"), self.rows["description"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("primary")
        self.buttons.accepted.connect(self._on_save_clicked)
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if team is not None:
            self.name_edit.setText(team.name)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(team.kind)))
            self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(team.parent_id)))
            self.description_edit.setPlainText(team.description)
        elif teams:
            self.parent_combo.setCurrentIndex(1)  # new teams are usually branches
        self.name_edit.textChanged.connect(self._update_save)
        self._show_colour()
        self._update_save()
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes."""
        return (self.name_edit.text(), self.kind_combo.currentData(),
                self.parent_combo.currentData(), self._colour.name(),
                self.description_edit.toPlainText())

    def _subject(self) -> str:
        if self.team is not None:
            return arg(self.tr("team \u201c%1\u201d"), self.team.name)
        return self.tr("the new team")

    def _update_save(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            bool(self.name_edit.text().strip()))

    def _show_colour(self) -> None:
        self.colour_button.setText(self._colour.name())
        self.colour_button.setStyleSheet(
            f"background: {self._colour.name()}; color: white; padding: 4px 12px;")

    def _on_colour_clicked(self) -> None:
        colour = QColorDialog.getColor(self._colour, self, self.tr("Team colour"))
        if colour.isValid():
            self._colour = colour
            self._show_colour()

    def _on_save_clicked(self) -> None:
        team_id = self.team.id if self.team else None
        version = self.team.version if self.team else None  # another clerk's save meanwhile: stale
        values = (self.name_edit.text(), self.kind_combo.currentData(),
                  self.parent_combo.currentData(), self._colour.name(),
                  self.description_edit.toPlainText())
        for row in self.rows.values():
            row.set_error("")
        self.ctx.worker.submit(lambda s: team_service.save_team(s, team_id, *values,
                                                                expected_version=version),
                               self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, team_id: int) -> None:
        self.sig_saved.emit(team_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for p in exc.problems:
                row = self.rows.get(p.field)
                if row is not None:
                    row.set_error(field_problem_text(p, include_field=False))
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.windowTitle(), error_text(exc))
