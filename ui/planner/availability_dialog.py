"""When one volunteer can serve, edited from the planner's free list: weekly windows,
duty limits per week and day, and leave ranges. The services check assignments against
them (conflicts ``outside_availability``, ``over_week_max``, ``over_day_max``, ``on_leave``).
"""

from __future__ import annotations

from datetime import date
from datetime import time as dtime

import shiboken6
from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
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
from ui.common.forms import within_years
from ui.common.i18n import arg
from ui.planner.released_duties_dialog import ReleasedDutiesDialog
from ui.texts.planner import WEEKDAYS, planner_error_text, tr_planner
from volunteer_app.services import availability as avail
from volunteer_app.services import replan


class AvailabilityDialog(QDialog):
    """When one volunteer can serve: weekly windows, duty limits and leave ranges."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, volunteer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.volunteer_id = volunteer_id
        self.volunteer_name = name
        self.released_dialog: ReleasedDutiesDialog | None = None
        self.leaves: list = []
        self.setObjectName("plannerAvailabilityDialog")
        self.setWindowTitle(arg(self.tr("Availability of %1"), name))
        self.resize(620, 600)
        self.windows_table = QTableWidget(0, 3, self)
        self.windows_table.setHorizontalHeaderLabels([self.tr("Weekday"), self.tr("From"), self.tr("To")])
        self.windows_table.verticalHeader().hide()
        self.windows_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_window_button = QPushButton(self.tr("Add window"), self)
        self.remove_window_button = QPushButton(self.tr("Remove window"), self)
        self.week_spin = QSpinBox(self)
        self.day_spin = QSpinBox(self)
        for spin in (self.week_spin, self.day_spin):
            spin.setRange(-1, 50)
            spin.setSpecialValueText(self.tr("no limit"))
            spin.setValue(-1)
        self.save_button = QPushButton(self.tr("Save windows and limits"), self)
        self.save_button.setEnabled(False)  # until the current values are loaded
        self.leave_table = QTableWidget(0, 4, self)
        self.leave_table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("To"), self.tr("Kind"), self.tr("Reason")])
        self.leave_table.verticalHeader().hide()
        self.leave_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.leave_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leave_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.leave_from = QDateEdit(self)
        self.leave_to = QDateEdit(self)
        today = date.today()
        within_years(self.leave_from, self.leave_to)
        for edit in (self.leave_from, self.leave_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(today.year, today.month, today.day))
        self.leave_kind = QComboBox(self)
        self.leave_kind.addItem(self.tr("Leave"), "leave")
        self.leave_kind.addItem(self.tr("Unavailable"), "unavailable")
        self.leave_reason = QLineEdit(self)
        self.leave_reason.setPlaceholderText(self.tr("Reason (optional)"))
        self.add_leave_button = QPushButton(self.tr("Add leave"), self)
        self.remove_leave_button = QPushButton(self.tr("Remove leave"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # Esc, the close button and Close ask before unsaved windows, limits or a leave
        # typed but not added are lost.
        self.dirty = DirtyTracker(self, self.form_values,
                                  lambda: arg(self.tr("the availability of %1"), name))
        close.rejected.connect(self.dirty.cancel)

        windows_box = QGroupBox(self.tr("Weekly availability (none = any time)"), self)
        wl = QVBoxLayout(windows_box)
        wl.addWidget(self.windows_table)
        row = QHBoxLayout()
        row.addWidget(self.add_window_button)
        row.addWidget(self.remove_window_button)
        row.addStretch(1)
        wl.addLayout(row)
        limits = QFormLayout()
        limits.addRow(self.tr("At most per week"), self.week_spin)
        limits.addRow(self.tr("At most per day"), self.day_spin)
        wl.addLayout(limits)
        wl.addWidget(self.save_button)
        leave_box = QGroupBox(self.tr("Leave and unavailable days"), self)
        ll = QVBoxLayout(leave_box)
        ll.addWidget(self.leave_table)
        add = QHBoxLayout()
        add.addWidget(self.leave_from)
        add.addWidget(self.leave_to)
        add.addWidget(self.leave_kind)
        add.addWidget(self.leave_reason, 1)
        ll.addLayout(add)
        row = QHBoxLayout()
        row.addWidget(self.add_leave_button)
        row.addWidget(self.remove_leave_button)
        row.addStretch(1)
        ll.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(windows_box, 1)
        layout.addWidget(leave_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(close)

        self.add_window_button.clicked.connect(lambda: self._add_window_row(0, dtime(18), dtime(22)))
        self.remove_window_button.clicked.connect(self._on_remove_window_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.add_leave_button.clicked.connect(self._on_add_leave_clicked)
        self.remove_leave_button.clicked.connect(self._on_remove_leave_clicked)
        self.load()

    def load(self) -> None:
        vid = self.volunteer_id
        self.ctx.worker.submit(lambda s: avail.get_availability(s, vid), self._on_loaded,
                               self._on_failed, owner=self)

    def _on_loaded(self, info: avail.AvailabilityInfo) -> None:
        self.save_button.setEnabled(True)
        self.windows_table.setRowCount(0)
        for w in info.windows:
            self._add_window_row(w.weekday, w.start, w.end)
        self.week_spin.setValue(-1 if info.max_per_week is None else info.max_per_week)
        self.day_spin.setValue(-1 if info.max_per_day is None else info.max_per_day)
        self.limits_version = info.limits_version
        self.leaves = list(info.leaves)
        self.leave_table.setRowCount(len(self.leaves))
        for r, x in enumerate(self.leaves):
            kind = self.tr("Leave") if x.kind == "leave" else self.tr("Unavailable")
            for c, text in enumerate((x.start.isoformat(), x.end.isoformat(), kind, x.reason)):
                self.leave_table.setItem(r, c, QTableWidgetItem(text))
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds and is not saved yet, for noticing changes."""
        return (tuple(self.windows()), self.week_spin.value(), self.day_spin.value(),
                self.leave_from.date().toString("yyyy-MM-dd"),
                self.leave_to.date().toString("yyyy-MM-dd"), self.leave_kind.currentData(),
                self.leave_reason.text())

    def _add_window_row(self, weekday: int, start: dtime, end: dtime) -> None:
        r = self.windows_table.rowCount()
        self.windows_table.insertRow(r)
        combo = QComboBox(self.windows_table)
        for i, text in enumerate(WEEKDAYS):
            combo.addItem(tr_planner(text), i)
        combo.setCurrentIndex(weekday)
        self.windows_table.setCellWidget(r, 0, combo)
        for c, value in ((1, start), (2, end)):
            edit = QTimeEdit(QTime(value.hour, value.minute), self.windows_table)
            edit.setDisplayFormat("HH:mm")
            self.windows_table.setCellWidget(r, c, edit)

    def windows(self) -> list[tuple[int, dtime, dtime]]:
        out = []
        for r in range(self.windows_table.rowCount()):
            wd = self.windows_table.cellWidget(r, 0).currentData()
            st = self.windows_table.cellWidget(r, 1).time()
            en = self.windows_table.cellWidget(r, 2).time()
            out.append((int(wd), dtime(st.hour(), st.minute()), dtime(en.hour(), en.minute())))
        return out

    def _on_remove_window_clicked(self) -> None:
        row = self.windows_table.currentRow()
        if row < 0:
            row = self.windows_table.rowCount() - 1
        if row >= 0:
            self.windows_table.removeRow(row)

    def _on_save_clicked(self) -> None:
        vid, windows = self.volunteer_id, self.windows()
        week = None if self.week_spin.value() < 0 else self.week_spin.value()
        day = None if self.day_spin.value() < 0 else self.day_spin.value()
        version = getattr(self, "limits_version", None)  # as loaded: a save meanwhile is stale

        def work(s):  # noqa: ANN001, ANN202
            avail.set_windows(s, vid, windows)
            avail.set_limits(s, vid, week, day, expected_version=version)

        self.ctx.worker.submit(work, lambda _r: self._done(self.tr("Saved.")), self._on_failed, owner=self)

    def _on_add_leave_clicked(self) -> None:
        a, b = self.leave_from.date(), self.leave_to.date()
        start, end = date(a.year(), a.month(), a.day()), date(b.year(), b.month(), b.day())
        vid, kind, reason = self.volunteer_id, self.leave_kind.currentData(), self.leave_reason.text()

        def record(s):  # noqa: ANN001, ANN202
            return avail.add_leave(s, vid, start, end, kind, reason)

        # First the duties the leave covers (nothing written yet): with none, the leave is
        # saved as before; with some, the clerk chooses to release or keep them, and the
        # leave is saved with that choice in one unit of work (issue 18).
        self.ctx.worker.submit(lambda s: replan.held_duties(s, vid, start, end) if start <= end else [],
                               lambda held: self._on_held_loaded(held, record, start, end, kind),
                               self._on_failed, owner=self)

    def _on_held_loaded(self, held: list[replan.HeldDuty], record, start: date, end: date,  # noqa: ANN001
                        kind: str) -> None:
        if not held:
            self.ctx.worker.submit(record, lambda _r: self._on_leave_recorded(self.tr("Leave recorded.")),
                                   self._on_failed, owner=self)
            return
        if (self.released_dialog is not None and shiboken6.isValid(self.released_dialog)
                and self.released_dialog.isVisible()):
            return  # a second click while the first one's choice is open
        name = self.volunteer_name
        dialog = ReleasedDutiesDialog(self.ctx, ReleasedDutiesDialog.leave_intro(name, start, end, kind),
                                      [(self.volunteer_id, name, d) for d in held], record, self)
        self.released_dialog = dialog
        dialog.sig_message.connect(self.message.setText)
        dialog.sig_recorded.connect(lambda: self._on_leave_recorded(None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_leave_recorded(self, text: str | None) -> None:
        self.leave_reason.clear()  # added: nothing left to lose
        if text is None:  # the duties dialog said what happened
            self.sig_changed.emit()
            self.load()
        else:
            self._done(text)

    def _on_remove_leave_clicked(self) -> None:
        rows = self.leave_table.selectionModel().selectedRows()
        if not rows:
            return
        leave_id = self.leaves[rows[0].row()].id
        self.ctx.worker.submit(lambda s: avail.remove_leave(s, leave_id),
                               lambda _r: self._done(self.tr("Leave removed.")), self._on_failed,
                               owner=self)

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.sig_changed.emit()
        self.load()

    def _on_failed(self, exc: BaseException) -> None:
        self.message.setText(planner_error_text(exc))
