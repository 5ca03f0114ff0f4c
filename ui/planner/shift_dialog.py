"""A one-off duty (临时任务, issue 18.4): an event that comes from no template, added from the
planner with its date, times, title, team or grid, place, headcount and type.

The core checks everything (``services.shifts.create_shift``: type, headcount, times,
text lengths, team and grid exist, and that a captain adds to their own team only); its
field problems are shown under the fields (:class:`ui.common.forms.FieldRow`). Closing
with something typed asks first (:class:`ui.common.dirty.DirtyTracker`).
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow, show_failure, within_years
from ui.texts.planner import DUTY_TYPES, tr_planner
from volunteer_app.security.permissions import CAPTAIN, PermissionDenied
from volunteer_app.services import grids as grid_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service


class OneOffShiftDialog(QDialog):
    """Form of a new one-off duty; saves through ``create_shift`` and reports its id."""

    sig_loaded = Signal()
    sig_created = Signal(int, object)  # shift id, its date

    def __init__(self, ctx: AppContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.setObjectName("oneOffShiftDialog")
        self.setWindowTitle(self.tr("New one-off duty"))
        self.resize(520, 0)
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        within_years(self.date_edit)
        self.start_edit = QTimeEdit(QTime(9, 0), self)
        self.end_edit = QTimeEdit(QTime(11, 0), self)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.title_edit = QLineEdit(self)
        self.title_edit.setMaxLength(60)
        self.title_edit.setPlaceholderText(self.tr("e.g. Mid-Autumn garden party stewards"))
        self.type_combo = QComboBox(self)
        for code, text in DUTY_TYPES.items():
            self.type_combo.addItem(tr_planner(text), code)
        self.type_combo.setCurrentIndex(self.type_combo.findData("event"))
        self.team_combo = QComboBox(self)
        self.grid_combo = QComboBox(self)
        self.location_edit = QLineEdit(self)
        self.location_edit.setMaxLength(100)
        self.needed_spin = QSpinBox(self)
        self.needed_spin.setRange(1, svc.MAX_NEEDED)
        self.needed_spin.setValue(2)
        self.note = QLabel(self.tr("A one-off duty comes from no template: generating the week "
                                   "leaves it alone."), self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

        times = QWidget(self)
        times_layout = QHBoxLayout(times)
        times_layout.setContentsMargins(0, 0, 0, 0)
        times_layout.addWidget(self.start_edit)
        times_layout.addWidget(QLabel("\u2013", times))
        times_layout.addWidget(self.end_edit)
        times_layout.addStretch(1)
        # Field names as the core reports them (FieldProblem.field) -> the row showing them.
        self.rows = {
            "date": FieldRow(self.date_edit, self), "start": FieldRow(times, self),
            "title": FieldRow(self.title_edit, self), "type": FieldRow(self.type_combo, self),
            "team": FieldRow(self.team_combo, self), "grid": FieldRow(self.grid_combo, self),
            "location": FieldRow(self.location_edit, self), "needed": FieldRow(self.needed_spin, self),
        }
        self.rows["end"] = self.rows["start"]
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.rows["date"])
        form.addRow(self.tr("Time"), self.rows["start"])
        form.addRow(self.tr("Title"), self.rows["title"])
        form.addRow(self.tr("Duty type"), self.rows["type"])
        form.addRow(self.tr("Team"), self.rows["team"])
        form.addRow(self.tr("Grid"), self.rows["grid"])
        form.addRow(self.tr("Place"), self.rows["location"])
        form.addRow(self.tr("People needed"), self.rows["needed"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add duty"))
        self.save_button.setEnabled(False)  # until the teams and grids are loaded
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.dirty = DirtyTracker(self, self.form_values, lambda: self.tr("the new one-off duty"),
                                  busy=lambda: self.saving)
        self.buttons.rejected.connect(self.dirty.cancel)
        self.buttons.accepted.connect(self.save)
        self.load()

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        def work(s):  # noqa: ANN001, ANN202
            try:
                teams = [(tid, name) for tid, name, _p in team_service.team_choices(s)]
                grids = [(g.id, g.name) for g in grid_service.list_grids(s)]
            except PermissionDenied:
                return [], []
            return teams, grids

        self.ctx.worker.submit(work, self._on_loaded, self._on_load_failed, owner=self,
                               label="one-off duty form")

    def _on_loaded(self, result: tuple[list, list]) -> None:
        teams, grids = result
        for combo, rows, none in ((self.team_combo, teams, self.tr("(no team)")),
                                  (self.grid_combo, grids, self.tr("(no grid)"))):
            combo.clear()
            combo.addItem(none, None)
            for rid, name in rows:
                combo.addItem(name, rid)
        actor = self.ctx.db.actor
        if actor is not None and not actor.single_user and actor.role == CAPTAIN:
            # A captain adds duties to their own team only (the core refuses others).
            self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(actor.team_id)))
        self.save_button.setEnabled(True)
        self.dirty.mark_clean()
        self.sig_loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        show_failure(self, self.rows, exc)
        self.reject()

    # -- the form -----------------------------------------------------------------------

    def form_values(self) -> tuple:
        return (self.date_edit.date().toString("yyyy-MM-dd"), self.start_edit.time().toString("HH:mm"),
                self.end_edit.time().toString("HH:mm"), self.title_edit.text(),
                self.type_combo.currentData(), self.team_combo.currentData(),
                self.grid_combo.currentData(), self.location_edit.text(), self.needed_spin.value())

    def data(self) -> svc.ShiftData:
        d, start, end = self.date_edit.date(), self.start_edit.time(), self.end_edit.time()
        return svc.ShiftData(
            date=date(d.year(), d.month(), d.day()), start_time=time(start.hour(), start.minute()),
            end_time=time(end.hour(), end.minute()), duty_type=self.type_combo.currentData(),
            team_id=self.team_combo.currentData(), grid_id=self.grid_combo.currentData(),
            location=self.location_edit.text(), needed=self.needed_spin.value(),
            title=self.title_edit.text())

    def save(self) -> None:
        if self.saving:
            return
        for row in self.rows.values():
            row.set_error("")
        data = self.data()
        self.saving = True
        self.save_button.setEnabled(False)
        self.ctx.worker.submit(lambda s: svc.create_shift(s, data),
                               lambda sid: self._on_saved(sid, data.date), self._on_failed,
                               owner=self, label="one-off duty")

    def _on_saved(self, shift_id: int, day: date) -> None:
        self.saving = False
        self.sig_created.emit(shift_id, day)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        show_failure(self, self.rows, exc)
