"""Check-in of one shift for captains: who arrived, who left when, who did not come.

Times default to the planned ones; "All arrived as planned" marks everyone not marked
as a no-show as having served the planned times (a recorded arrival is kept). Saving
writes the assignments' status and times and the service hours to the ledger (awaiting
verification) on the database worker. Overnight shifts are handled: a departure at
01:30 after a 22:00 start means the next morning.

The planner screen opens it with ``CheckinDialog(ctx, shift_id, parent)``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.i18n import arg
from ui.common.operator import logged_in_name, operator_of
from ui.texts.orders import orders_error_text
from volunteer_app.services import checkin as checkin_service
from volunteer_app.services.checkin import CheckinMark, CheckinResult, CheckinRow, CheckinSheet

# Choices of the status column; "" keeps a planned or confirmed duty unmarked.
CHOICES = ("", "checked_in", "completed", "no_show")
COL_NAME, COL_STATUS, COL_START, COL_END, COL_HOURS, COL_LEDGER = range(6)


def _qtime(dt: datetime) -> QTime:
    return QTime(dt.hour, dt.minute)


class CheckinDialog(QDialog):
    """The check-in sheet of a shift as a form."""

    sig_saved = Signal(int)  # shift id, after the unit of work committed
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, shift_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shift_id = shift_id
        self.sheet: CheckinSheet | None = None
        self.result: CheckinResult | None = None
        self._status: dict[int, QComboBox] = {}
        self._start: dict[int, QTimeEdit] = {}
        self._end: dict[int, QTimeEdit] = {}
        self.setWindowTitle(self.tr("Check-in"))
        self.setMinimumSize(760, 460)
        self.header = QLabel(self.tr("Loading\u2026"), self)
        self.header.setObjectName("pageTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("checkinTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Volunteer"), self.tr("Status"), self.tr("Arrived"), self.tr("Left"),
            self.tr("Hours"), self.tr("Ledger")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_STATUS, COL_START, COL_END, COL_HOURS, COL_LEDGER):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # Captains (or coordinators) may sign the hours off at once, like signing the paper
        # sign-in sheet; otherwise they wait in the ledger for verification.
        self.verify_check = QCheckBox(self.tr("Verify these hours now, as"), self)
        self.verify_check.setObjectName("verifyNow")
        self.verifier_edit = QLineEdit(operator_of(ctx), self)
        self.verifier_edit.setObjectName("verifier")
        self.verifier_edit.setEnabled(False)
        self.verify_check.toggled.connect(self.verifier_edit.setEnabled)
        # A logged-in operator verifies under their own name (the core records it so too).
        self.verifier_edit.setReadOnly(logged_in_name(ctx) is not None)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_check)
        verify_row.addWidget(self.verifier_edit, 1)
        self.all_button = QPushButton(self.tr("All arrived as planned"), self)
        self.all_button.setObjectName("allAsPlanned")
        self.all_button.setEnabled(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary")
        self.save_button.setEnabled(False)
        self.buttons.addButton(self.all_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._on_save_clicked)
        # Esc, the close button and Cancel ask before marks not saved are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(verify_row)
        layout.addWidget(self.buttons)
        self.all_button.clicked.connect(self.mark_all_as_planned)
        ctx.worker.submit(lambda s: checkin_service.checkin_sheet(s, shift_id),
                          self._on_sheet_loaded, self._on_load_failed, owner=self)

    # -- loading ----------------------------------------------------------------------

    def _on_sheet_loaded(self, sheet: CheckinSheet) -> None:
        self.sheet = sheet
        title = sheet.title or sheet.location or sheet.team or ""
        start_text = f"{sheet.planned_start:%Y-%m-%d %H:%M}"
        end_text = f"{sheet.planned_end:%H:%M}"
        if sheet.overnight:
            span = arg(self.tr("%1 \u2013 %2 the next morning"), start_text, end_text)
        else:
            span = f"{start_text} \u2013 {end_text}"
        self.header.setText(arg(self.tr("%1 \u00b7 %2"), title, span))
        place = " \u00b7 ".join(x for x in (sheet.team, sheet.grid, sheet.location) if x)
        self.hint.setText(arg(self.tr(
            "%1\nMark who arrived and when they left; times start at the planned ones. Served "
            "duties go to the hours ledger, where a captain or coordinator verifies them."), place))
        self.setWindowTitle(arg(self.tr("Check-in: %1"), title))
        self.table.setRowCount(len(sheet.rows))
        for r, row in enumerate(sheet.rows):
            self._fill_row(r, row)
        self.all_button.setEnabled(bool(sheet.rows))
        self.save_button.setEnabled(bool(sheet.rows))
        if not sheet.rows:
            self.hint.setText(self.tr("Nobody is assigned to this shift."))
        self.dirty.mark_clean()
        self.sig_loaded.emit()

    def form_values(self) -> tuple:
        """The marks and times the form shows, for noticing changes."""
        rows = tuple((aid, combo.currentData(), self._start[aid].time().toString("HH:mm"),
                      self._end[aid].time().toString("HH:mm")) for aid, combo in self._status.items())
        return rows, self.verify_check.isChecked(), self.verifier_edit.text()

    def _subject(self) -> str:
        sheet = self.sheet
        title = (sheet.title or sheet.location or sheet.team or "") if sheet else ""
        return arg(self.tr("the check-in of %1"), title) if title else self.tr("the check-in")

    def _fill_row(self, r: int, row: CheckinRow) -> None:
        sheet = self.sheet
        assert sheet is not None
        self.table.setItem(r, COL_NAME, QTableWidgetItem(f"{row.name}  {row.mobile}"))
        combo = QComboBox(self.table)
        combo.setObjectName(f"status_{row.assignment_id}")
        labels = {"": self.tr("Not marked"), "checked_in": self.tr("Arrived"),
                  "completed": self.tr("Served"), "no_show": self.tr("No-show")}
        for code in CHOICES:
            if code == "" and row.status not in ("planned", "confirmed"):
                continue  # a recorded check-in cannot be un-recorded, only corrected
            if code == "checked_in" and row.status == "completed":
                continue
            combo.addItem(labels[code], code)
        current = row.status if row.status in CHOICES else ""
        combo.setCurrentIndex(max(0, combo.findData(current)))
        start = QTimeEdit(_qtime(row.actual_start or sheet.planned_start), self.table)
        end = QTimeEdit(_qtime(row.actual_end or sheet.planned_end), self.table)
        for edit, name in ((start, "start"), (end, "end")):
            edit.setDisplayFormat("HH:mm")
            edit.setObjectName(f"{name}_{row.assignment_id}")
            edit.timeChanged.connect(lambda _t, aid=row.assignment_id: self._update_row(aid))
        combo.currentIndexChanged.connect(lambda _i, aid=row.assignment_id: self._update_row(aid))
        self._status[row.assignment_id] = combo
        self._start[row.assignment_id] = start
        self._end[row.assignment_id] = end
        self.table.setCellWidget(r, COL_STATUS, combo)
        self.table.setCellWidget(r, COL_START, start)
        self.table.setCellWidget(r, COL_END, end)
        hours = QTableWidgetItem("")
        hours.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(r, COL_HOURS, hours)
        if row.entry_id is None:
            ledger = ""
        elif row.verified:
            ledger = self.tr("verified")
        else:
            ledger = self.tr("awaiting verification")
        self.table.setItem(r, COL_LEDGER, QTableWidgetItem(ledger))
        self._update_row(row.assignment_id)

    def _on_load_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.windowTitle(), orders_error_text(exc))
        self.reject()

    # -- the form ---------------------------------------------------------------------

    def _row_index(self, assignment_id: int) -> int:
        assert self.sheet is not None
        return next(i for i, r in enumerate(self.sheet.rows) if r.assignment_id == assignment_id)

    def times_of(self, assignment_id: int) -> tuple[datetime, datetime]:
        """The arrival and departure the form shows, as datetimes on the shift."""
        sheet = self.sheet
        assert sheet is not None
        s, e = self._start[assignment_id].time(), self._end[assignment_id].time()
        from datetime import time as _time

        start = checkin_service.time_on_shift(sheet.date, sheet.start_time, sheet.end_time,
                                            _time(s.hour(), s.minute()))
        end = checkin_service.time_on_shift(sheet.date, sheet.start_time, sheet.end_time,
                                          _time(e.hour(), e.minute()))
        return start, end

    def _update_row(self, assignment_id: int) -> None:
        status = self._status[assignment_id].currentData()
        self._start[assignment_id].setEnabled(status in ("checked_in", "completed"))
        self._end[assignment_id].setEnabled(status == "completed")
        item = self.table.item(self._row_index(assignment_id), COL_HOURS)
        if item is None:
            return
        if status == "completed":
            start, end = self.times_of(assignment_id)
            minutes = round((end - start).total_seconds() / 60)
            item.setText(f"{minutes / 60:.2f}" if minutes > 0 else "\u2013")
        else:
            item.setText("")

    def set_status(self, assignment_id: int, status: str) -> None:
        """Choose a status for one volunteer ("checked_in", "completed", "no_show")."""
        combo = self._status[assignment_id]
        idx = combo.findData(status)
        if idx >= 0:
            combo.setCurrentIndex(idx)

    def set_times(self, assignment_id: int, start: QTime | None = None,
                  end: QTime | None = None) -> None:
        if start is not None:
            self._start[assignment_id].setTime(start)
        if end is not None:
            self._end[assignment_id].setTime(end)

    def mark_all_as_planned(self) -> None:
        """Everyone not marked as a no-show served; unrecorded times become the planned ones."""
        sheet = self.sheet
        if sheet is None:
            return
        for row in sheet.rows:
            combo = self._status[row.assignment_id]
            if combo.currentData() == "no_show" or row.status == "completed":
                continue
            if row.actual_start is None:
                self._start[row.assignment_id].setTime(_qtime(sheet.planned_start))
            self._end[row.assignment_id].setTime(_qtime(sheet.planned_end))
            self.set_status(row.assignment_id, "completed")

    def marks(self) -> list[CheckinMark]:
        """What changed in the form, as marks for the core."""
        sheet = self.sheet
        if sheet is None:
            return []
        out = []
        for row in sheet.rows:
            status = self._status[row.assignment_id].currentData()
            if not status:
                continue
            start, end = self.times_of(row.assignment_id)
            if status == "no_show":
                if row.status != "no_show":
                    out.append(CheckinMark(row.assignment_id, "no_show"))
            elif status == "checked_in":
                if row.status != "checked_in" or row.actual_start != start:
                    out.append(CheckinMark(row.assignment_id, "checked_in", start=start))
            elif (row.status != "completed" or row.actual_start != start
                  or row.actual_end != end):
                out.append(CheckinMark(row.assignment_id, "completed", start=start, end=end))
        return out

    # -- saving -----------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        marks = self.marks()
        verifier = self.verifier_edit.text() if self.verify_check.isChecked() else None
        if not marks and verifier is None:
            self.accept()
            return
        shift_id, operator = self.shift_id, operator_of(self.ctx)

        def task(s):  # noqa: ANN001, ANN202
            # One unit of work: the check-in and its verification stand or fall together.
            result = checkin_service.record_checkin(s, shift_id, marks, operator) if marks \
                else CheckinResult(0)
            if verifier is not None:
                checkin_service.verify_shift(s, shift_id, verifier)
            return result

        self.save_button.setEnabled(False)
        self.all_button.setEnabled(False)
        self.ctx.worker.submit(task, self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, result: CheckinResult) -> None:
        self.result = result
        self.sig_saved.emit(self.shift_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.all_button.setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), orders_error_text(exc))
