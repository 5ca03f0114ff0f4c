"""The recurring duty templates the week's shifts are generated from, and how their days
(CronTrigger ``day_of_week`` expressions) map to ticked weekday boxes and back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTime, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.i18n import arg
from ui.planner.colours import COLOUR_MUTED
from ui.texts.planner import DUTY_TYPES, WEEKDAYS, planner_error_text, tr_planner
from volunteer_app.scheduling.recurrence import Recurrence, cron_dates
from volunteer_app.services import grids as grid_service
from volunteer_app.services import teams as team_service
from volunteer_app.services import templates as template_service

translate = QCoreApplication.translate

CRON_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class TemplatesDialog(QDialog):
    """The recurring duty templates: list, add, change, delete.

    Days are ticked weekday boxes (stored as CronTrigger day names such as ``mon-fri``);
    a template with extra day-of-month or month rules (made on the command line) keeps them.
    """

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.templates: list[template_service.TemplateRow] = []
        self._current: template_service.TemplateRow | None = None
        self._keep_id: int | None = None  # template to select after a reload
        self.setObjectName("plannerTemplatesDialog")
        self.setWindowTitle(self.tr("Recurring duty templates"))
        self.resize(1100, 580)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Team"), self.tr("Days"), self.tr("Time"), self.tr("Needed")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3, 4):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.name_edit = QLineEdit(self)
        self.type_combo = QComboBox(self)
        for code, text in DUTY_TYPES.items():
            self.type_combo.addItem(tr_planner(text), code)
        self.team_combo = QComboBox(self)
        self.grid_combo = QComboBox(self)
        self.location_edit = QLineEdit(self)
        self.start_edit = QTimeEdit(self)
        self.end_edit = QTimeEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("HH:mm")
        self.needed_spin = QSpinBox(self)
        self.needed_spin.setRange(1, 99)
        self.day_boxes = [QCheckBox(tr_planner(WEEKDAYS[i]), self) for i in range(7)]
        self.holidays_check = QCheckBox(self.tr("Also on statutory holidays"), self)
        self.makeup_check = QCheckBox(self.tr("Make-up working days count as weekdays"), self)
        self.active_check = QCheckBox(self.tr("Active (used when generating)"), self)
        self.extra_label = QLabel(self)
        self.extra_label.setObjectName("hint")
        self.extra_label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New"), self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # Esc, the close button and Close ask before the template's changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        close.rejected.connect(self.dirty.cancel)

        days = QHBoxLayout()
        for box in self.day_boxes:
            days.addWidget(box)
        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel("\u2013", self))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Duty type"), self.type_combo)
        form.addRow(self.tr("Team"), self.team_combo)
        form.addRow(self.tr("Grid"), self.grid_combo)
        form.addRow(self.tr("Place"), self.location_edit)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("People needed"), self.needed_spin)
        form.addRow(self.tr("Days"), days)
        form.addRow("", self.holidays_check)
        form.addRow("", self.makeup_check)
        form.addRow("", self.active_check)
        form.addRow("", self.extra_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.message)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self._on_new_clicked()
        self.load()

    def load(self) -> None:
        def work(s):  # noqa: ANN001, ANN202
            return template_service.list_templates(s), team_service.list_teams(s), grid_service.list_grids(s)

        self.ctx.worker.submit(work, self._on_loaded, self._on_failed, owner=self)

    def _on_loaded(self, result: tuple) -> None:
        templates, teams, grids = result
        self.templates = templates
        for combo, rows, none in ((self.team_combo, teams, self.tr("(no team)")),
                                  (self.grid_combo, grids, self.tr("(no grid)"))):
            keep = combo.currentData()
            combo.clear()
            combo.addItem(none, None)
            for row in rows:
                combo.addItem(row.name, row.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
        keep_id = self._keep_id
        self.table.blockSignals(True)
        self.table.setRowCount(len(templates))
        for r, t in enumerate(templates):
            name = QTableWidgetItem(t.name)
            name.setData(Qt.ItemDataRole.UserRole, t.id)
            cells = [name, QTableWidgetItem(t.team or ""), QTableWidgetItem(days_text(t.day_of_week)),
                     QTableWidgetItem(f"{t.start_time:%H:%M}\u2013{t.end_time:%H:%M}"),
                     QTableWidgetItem(str(t.needed))]
            for c, item in enumerate(cells):
                if not t.active:
                    item.setForeground(QBrush(COLOUR_MUTED))
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        row = next((r for r, t in enumerate(templates) if t.id == keep_id), -1)
        if row >= 0:
            self.table.blockSignals(True)
            self.table.selectRow(row)
            self.table.blockSignals(False)
            self._show(templates[row], keep_message=True)

    def _on_table_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._show(self.templates[rows[0].row()])

    def _show(self, t: template_service.TemplateRow | None, keep_message: bool = False) -> None:
        self._current = t
        self._keep_id = t.id if t else None
        self.delete_button.setEnabled(t is not None)
        if not keep_message:
            self.message.setText("")
        if t is None:
            self.name_edit.clear()
            self.type_combo.setCurrentIndex(0)
            self.team_combo.setCurrentIndex(0)
            self.grid_combo.setCurrentIndex(0)
            self.location_edit.clear()
            self.start_edit.setTime(QTime(19, 0))
            self.end_edit.setTime(QTime(21, 0))
            self.needed_spin.setValue(2)
            for box in self.day_boxes:
                box.setChecked(True)
            self.holidays_check.setChecked(True)
            self.makeup_check.setChecked(True)
            self.active_check.setChecked(True)
            self.extra_label.setText("")
            self.dirty.mark_clean()
            return
        self.name_edit.setText(t.name)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(t.duty_type)))
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(t.team_id)))
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(t.grid_id)))
        self.location_edit.setText(t.location)
        self.start_edit.setTime(QTime(t.start_time.hour, t.start_time.minute))
        self.end_edit.setTime(QTime(t.end_time.hour, t.end_time.minute))
        self.needed_spin.setValue(t.needed)
        fired = weekdays_of(t.day_of_week)
        for i, box in enumerate(self.day_boxes):
            box.setChecked(i in fired)
        self.holidays_check.setChecked(t.on_holidays)
        self.makeup_check.setChecked(t.makeup_as_weekday)
        self.active_check.setChecked(t.active)
        extra = [x for x in (t.day != "*" and f"day={t.day}", t.month != "*" and f"month={t.month}") if x]
        self.extra_label.setText(arg(self.tr("Also limited to: %1"), ", ".join(extra)) if extra else "")
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes."""
        return (self.name_edit.text(), self.type_combo.currentData(), self.team_combo.currentData(),
                self.grid_combo.currentData(), self.location_edit.text(),
                self.start_edit.time().toString("HH:mm"), self.end_edit.time().toString("HH:mm"),
                self.needed_spin.value(), tuple(b.isChecked() for b in self.day_boxes),
                self.holidays_check.isChecked(), self.makeup_check.isChecked(),
                self.active_check.isChecked())

    def _subject(self) -> str:
        if self._current is not None:
            return arg(self.tr("duty template \u201c%1\u201d"), self._current.name)
        return self.tr("the new duty template")

    def _on_new_clicked(self) -> None:
        self.table.clearSelection()
        self._show(None)

    def _data(self) -> template_service.TemplateData | None:
        ticked = [i for i, box in enumerate(self.day_boxes) if box.isChecked()]
        if not ticked:
            self.message.setText(self.tr("Tick at least one day."))
            return None
        start, end = self.start_edit.time(), self.end_edit.time()
        t = self._current
        return template_service.TemplateData(
            name=self.name_edit.text(), start_time=dtime(start.hour(), start.minute()),
            end_time=dtime(end.hour(), end.minute()), duty_type=self.type_combo.currentData(),
            team_id=self.team_combo.currentData(), grid_id=self.grid_combo.currentData(),
            location=self.location_edit.text(), needed=self.needed_spin.value(),
            notes=t.notes if t else "", day_of_week=cron_days(ticked),
            day=t.day if t else "*", month=t.month if t else "*",
            valid_from=t.valid_from if t else None, valid_until=t.valid_until if t else None,
            on_holidays=self.holidays_check.isChecked(),
            makeup_as_weekday=self.makeup_check.isChecked(), active=self.active_check.isChecked())

    def _on_save_clicked(self) -> None:
        data = self._data()
        if data is None:
            return
        tid = self._current.id if self._current else None
        version = self._current.version if self._current else None

        def work(s):  # noqa: ANN001, ANN202
            return template_service.save_template(s, tid, data, expected_version=version)

        self.ctx.worker.submit(work, self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, template_id: int) -> None:
        self._keep_id = template_id
        self.sig_changed.emit()
        self.load()
        self.message.setText(self.tr("Saved. \u201cGenerate from templates\u201d creates the shifts."))

    def _on_delete_clicked(self) -> None:
        if self._current is None:
            return
        tid = self._current.id
        self._current = None
        self.ctx.worker.submit(lambda s: template_service.delete_template(s, tid),
                               lambda _r: (self._show(None), self.sig_changed.emit(), self.load()),
                               self._on_failed, owner=self)

    def _on_failed(self, exc: BaseException) -> None:
        self.message.setText(planner_error_text(exc))


def weekdays_of(day_of_week: str) -> set[int]:
    """Weekdays (0 = Monday) a CronTrigger day_of_week expression fires on."""
    monday = date(2024, 1, 1)
    try:
        fired = cron_dates(Recurrence(dtime(12), day_of_week=day_of_week or "*"), monday,
                           monday + timedelta(days=6), ZoneInfo("UTC"))
    except ValueError:
        return set()
    return {d.weekday() for d in fired}


def cron_days(weekdays: Sequence[int]) -> str:
    """CronTrigger day names for ticked weekdays: ``*``, ``mon-fri``, ``sat,sun``, ``mon,wed``."""
    days = sorted(set(weekdays))
    if days == list(range(7)):
        return "*"
    if days == list(range(5)):
        return "mon-fri"
    return ",".join(CRON_DAYS[d] for d in days)


def days_text(day_of_week: str) -> str:
    """Weekdays of a template for lists: every day, Mon–Fri, or the day names."""
    days = sorted(weekdays_of(day_of_week))
    if days == list(range(7)):
        return translate("PlannerView", "Every day")
    if days == list(range(5)):
        return translate("PlannerView", "Mon\u2013Fri")
    return "\u3001".join(tr_planner(WEEKDAYS[d]) for d in days)
