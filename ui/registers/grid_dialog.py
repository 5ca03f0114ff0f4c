"""Create or edit a grid and its "1+3" people (leader, worker, police officer, instructor)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow
from ui.common.i18n import arg
from ui.texts.errors import error_text, field_problem_text
from ui.texts.registers import person_title
from volunteer_app.errors import ValidationError
from volunteer_app.services import grids as grid_service
from volunteer_app.services.grids import PEOPLE, GridRow


class GridDialog(QDialog):
    """Grid form; the core's validators report bad phones and names under the field."""

    sig_saved = Signal(int)

    def __init__(self, ctx: AppContext, grid: GridRow | None = None, next_number: int = 1,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.grid = grid
        self.setWindowTitle(self.tr("New grid") if grid is None else self.tr("Edit grid"))
        self.setMinimumWidth(620)
        self.number_spin = QSpinBox(self)
        self.number_spin.setRange(1, 9999)
        self.number_spin.setValue(grid.number if grid else next_number)
        self.name_edit = QLineEdit(grid.name if grid else f"{next_number}号网格", self)
        self.area_edit = QPlainTextEdit(grid.area if grid else "", self)
        self.area_edit.setFixedHeight(60)
        self.rows: dict[str, FieldRow] = {
            "number": FieldRow(self.number_spin, self),
            "name": FieldRow(self.name_edit, self),
            "area": FieldRow(self.area_edit, self),
        }
        form = QFormLayout()
        form.addRow(self.tr("Number"), self.rows["number"])
        form.addRow(self.tr("Name *"), self.rows["name"])
        form.addRow(self.tr("Area (compounds, buildings)"), self.rows["area"])
        people_box = QGroupBox(self.tr("The \u201c1+3\u201d people of the grid"), self)
        grid_layout = QGridLayout(people_box)
        grid_layout.addWidget(QLabel(self.tr("Name"), people_box), 0, 1)
        grid_layout.addWidget(QLabel(self.tr("Phone"), people_box), 0, 2)
        self.person_edits: dict[str, tuple[QLineEdit, QLineEdit]] = {}
        for r, role in enumerate(PEOPLE, start=1):
            name = QLineEdit(getattr(grid, f"{role}_name") if grid else "", people_box)
            phone = QLineEdit(getattr(grid, f"{role}_phone") if grid else "", people_box)
            self.person_edits[role] = (name, phone)
            self.rows[f"{role}_name"] = FieldRow(name, people_box)
            self.rows[f"{role}_phone"] = FieldRow(phone, people_box)
            grid_layout.addWidget(QLabel(person_title(role), people_box), r, 0)
            grid_layout.addWidget(self.rows[f"{role}_name"], r, 1)
            grid_layout.addWidget(self.rows[f"{role}_phone"], r, 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("primary")
        self.buttons.accepted.connect(self._on_save_clicked)
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(people_box)
        layout.addWidget(self.buttons)
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes."""
        return (self.number_spin.value(), self.name_edit.text(), self.area_edit.toPlainText(),
                tuple((n.text(), p.text()) for n, p in self.person_edits.values()))

    def _subject(self) -> str:
        if self.grid is not None:
            return arg(self.tr("grid \u201c%1\u201d"), self.grid.name)
        return self.tr("the new grid")

    def _on_save_clicked(self) -> None:
        grid_id = self.grid.id if self.grid else None
        version = self.grid.version if self.grid else None
        number, name, area = self.number_spin.value(), self.name_edit.text(), self.area_edit.toPlainText()
        people = {}
        for role, (n, p) in self.person_edits.items():
            people[f"{role}_name"] = n.text()
            people[f"{role}_phone"] = p.text()
        for row in self.rows.values():
            row.set_error("")
        self.ctx.worker.submit(
            lambda s: grid_service.save_grid(s, grid_id, number, name, area,
                                             expected_version=version, **people),
            self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, grid_id: int) -> None:
        self.sig_saved.emit(grid_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for p in exc.problems:
                row = self.rows.get(p.field)
                if row is not None:
                    row.set_error(field_problem_text(p, include_field=False))
            return
        QMessageBox.warning(self, self.windowTitle(), error_text(exc))
