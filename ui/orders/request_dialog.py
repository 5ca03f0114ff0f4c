"""Residents' requests in the UI: the intake dialog (收单) and the dialog for the other
steps of the status flow (accept, start, done, follow-up, cancel). Their texts are in
:mod:`ui.texts.orders`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow, show_failure, within_years
from ui.common.i18n import arg
from ui.common.operator import operator_of
from ui.texts.orders import category_text, source_text, status_text, urgency_text
from volunteer_app import changes
from volunteer_app.errors import AppError
from volunteer_app.models.requests import REQUEST_CATEGORIES, REQUEST_SOURCES, URGENCIES
from volunteer_app.services import grids as grid_service
from volunteer_app.services import requests as req_service
from volunteer_app.services.grids import GridRow
from volunteer_app.services.request_duplicates import PossibleDuplicate, find_duplicate
from volunteer_app.services.requests import RequestRow


def to_py(dt: QDateTime) -> datetime:
    """A QDateTime from an editor as a naive local datetime to the minute."""
    d, t = dt.date(), dt.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def not_now(at: datetime) -> datetime | None:
    """None when the editor still shows (about) now: the core then stamps the community's
    local time to the second; an earlier time the clerk set is kept."""
    return None if abs((datetime.now() - at).total_seconds()) < 90 else at


class RequestDialog(QDialog):
    """Take in a resident's request (收单), or correct an open one (``row`` given). Saving
    runs on the database worker; the core's validators report problems under the field
    they concern."""

    sig_saved = Signal(int)  # request id, after the unit of work committed

    def __init__(self, ctx: AppContext, grids: list[GridRow] | None = None,
                 parent: QWidget | None = None, row: RequestRow | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        if row is None:
            self.setWindowTitle(self.tr("New resident request"))
        else:
            self.setWindowTitle(arg(self.tr("Edit request %1"), row.id))
        self.setMinimumWidth(560)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("residentName")
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setObjectName("residentPhone")
        self.building_edit = QLineEdit(self)
        self.building_edit.setPlaceholderText(self.tr("e.g. 香雪佳园 3栋2单元"))
        self.grid_combo = QComboBox(self)
        self.grid_combo.setObjectName("gridCombo")
        self.grid_combo.addItem(self.tr("(not known)"), None)
        self.category_combo = QComboBox(self)
        self.category_combo.setObjectName("categoryCombo")
        for code in REQUEST_CATEGORIES:
            self.category_combo.addItem(category_text(code), code)
        self.source_combo = QComboBox(self)
        for code in REQUEST_SOURCES:
            self.source_combo.addItem(source_text(code), code)
        self.urgency_combo = QComboBox(self)
        self.urgency_combo.setObjectName("urgencyCombo")
        for code in URGENCIES:
            self.urgency_combo.addItem(urgency_text(code), code)
        self.urgency_combo.setCurrentIndex(URGENCIES.index("normal"))
        self.received_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        within_years(self.received_edit)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("description")
        self.description_edit.setPlaceholderText(self.tr("What the resident asks for, where, since when"))
        self.description_edit.setFixedHeight(110)
        self.rows = {
            "resident_name": FieldRow(self.name_edit, self),
            "resident_phone": FieldRow(self.phone_edit, self),
            "building": FieldRow(self.building_edit, self),
            "grid": FieldRow(self.grid_combo, self),
            "category": FieldRow(self.category_combo, self),
            "source": FieldRow(self.source_combo, self),
            "urgency": FieldRow(self.urgency_combo, self),
            "received_at": FieldRow(self.received_edit, self),
            "description": FieldRow(self.description_edit, self),
        }
        form = QFormLayout()
        form.addRow(self.tr("Resident *"), self.rows["resident_name"])
        form.addRow(self.tr("Phone"), self.rows["resident_phone"])
        form.addRow(self.tr("Building or compound"), self.rows["building"])
        form.addRow(self.tr("Grid"), self.rows["grid"])
        form.addRow(self.tr("Category"), self.rows["category"])
        form.addRow(self.tr("Urgency"), self.rows["urgency"])
        form.addRow(self.tr("Source"), self.rows["source"])
        form.addRow(self.tr("Received at"), self.rows["received_at"])
        form.addRow(self.tr("Request *"), self.rows["description"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("primary")
        self.buttons.accepted.connect(self._on_save_clicked)
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if row is not None:
            self._show_row(row)
        self.dirty.mark_clean()
        if grids is None:
            ctx.worker.submit(grid_service.list_grids, self._fill_grids, self._on_failed,
                              owner=self)
        else:
            self._fill_grids(grids)

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes."""
        return (self.name_edit.text(), self.phone_edit.text(), self.building_edit.text(),
                self.grid_combo.currentData(), self.category_combo.currentData(),
                self.source_combo.currentData(), self.urgency_combo.currentData(),
                self.received_edit.dateTime().toString("yyyy-MM-dd HH:mm"),
                self.description_edit.toPlainText())

    def _subject(self) -> str:
        if self.row is not None:
            return arg(self.tr("request %1"), self.row.id)
        return self.tr("the new request")

    def _show_row(self, row: RequestRow) -> None:
        self.name_edit.setText(row.resident_name)
        self.phone_edit.setText(row.resident_phone)
        self.building_edit.setText(row.building)
        for combo, code in ((self.category_combo, row.category), (self.source_combo, row.source),
                            (self.urgency_combo, row.urgency)):
            combo.setCurrentIndex(max(0, combo.findData(code)))
        at = row.received_at
        self.received_edit.setDateTime(QDateTime(QDate(at.year, at.month, at.day),
                                                 QTime(at.hour, at.minute)))
        self.description_edit.setPlainText(row.description)

    def _fill_grids(self, grids: list[GridRow]) -> None:
        untouched = not self.dirty.is_dirty()
        for g in grids:
            self.grid_combo.addItem(g.name, g.id)
        if self.row is not None and self.row.grid_id is not None:
            self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(self.row.grid_id)))
        if untouched:  # the stored grid shown is no change of the clerk's
            self.dirty.mark_clean()

    def data(self) -> req_service.RequestData:
        """What the form holds, for the core to validate."""
        received = to_py(self.received_edit.dateTime())
        if self.row is not None:
            # Untouched, the editor shows the stored time without its seconds: keep it.
            received = None if received == self.row.received_at.replace(second=0, microsecond=0) \
                else received
        else:
            received = not_now(received)
        return req_service.RequestData(
            resident_name=self.name_edit.text(), resident_phone=self.phone_edit.text(),
            building=self.building_edit.text(), grid_id=self.grid_combo.currentData(),
            category=self.category_combo.currentData(), source=self.source_combo.currentData(),
            urgency=self.urgency_combo.currentData(),
            description=self.description_edit.toPlainText(),
            received_at=received,
        )

    def _on_save_clicked(self) -> None:
        for row in self.rows.values():
            row.set_error("")
        data, operator = self.data(), operator_of(self.ctx)
        self.save_button.setEnabled(False)
        row = self.row
        if row is None:
            # Residents call twice about the same thing: look for it before taking it in.
            self.ctx.worker.submit(lambda s: find_duplicate(s, data),
                                   lambda dup: self._create(data, operator, dup),
                                   self._on_failed, owner=self)
            return

        def save(s) -> int:  # noqa: ANN001
            req_service.update_request(s, row.id, data, operator, expected_version=row.version)
            return row.id

        self.ctx.worker.submit(save, self._on_saved, self._on_failed, owner=self)

    def _create(self, data: req_service.RequestData, operator: str,
                duplicate: PossibleDuplicate | None) -> None:
        """Save the new request, after the clerk confirmed it if it looks taken in already."""
        if duplicate is not None and not self._confirm_duplicate(duplicate):
            self.save_button.setEnabled(True)
            return
        self.ctx.worker.submit(lambda s: req_service.create_request(s, data, operator),
                               self._on_saved, self._on_failed, owner=self)

    def _confirm_duplicate(self, dup: PossibleDuplicate) -> bool:
        """Ask whether to take in a request like ``dup`` again (issue 18.15); No is the default."""
        text = arg(self.tr("Request %1, received %2 (%3), has the same phone, category and "
                           "request text.\nTake this one in as well?"),
                   dup.id, f"{dup.received_at:%Y-%m-%d %H:%M}", status_text(dup.status))
        answer = QMessageBox.question(
            self, self.tr("Possible duplicate"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _on_saved(self, request_id: int) -> None:
        self.sig_saved.emit(request_id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_failure(self, self.rows, exc)


class TransitionDialog(QDialog):
    """Record one step of a request other than dispatching: accepted, work started, done
    (result and the volunteer's hours), followed up (satisfaction 1-5 and remark) or
    cancelled (reason). The time defaults to now and may be set earlier."""

    sig_done = Signal(int)  # request id

    def __init__(self, ctx: AppContext, row: RequestRow, to_status: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.to_status = to_status
        self.setWindowTitle(arg(self.tr("Request %1: %2"), row.id, status_text(to_status)))
        self.setMinimumWidth(460)
        info = QLabel(arg(self.tr("%1 \u00b7 %2 \u00b7 %3"), row.resident_name,
                          category_text(row.category), row.building or row.grid or ""), self)
        info.setObjectName("hint")
        info.setWordWrap(True)
        self.at_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.at_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at_edit.setCalendarPopup(True)
        within_years(self.at_edit)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setFixedHeight(80)
        self.rows = {"at": FieldRow(self.at_edit, self), "note": FieldRow(self.note_edit, self)}
        form = QFormLayout()
        form.addRow(self.tr("Time"), self.rows["at"])
        self.hours_spin: QDoubleSpinBox | None = None
        self.score_group: QButtonGroup | None = None
        if to_status == "done":
            self.hours_spin = QDoubleSpinBox(self)
            self.hours_spin.setObjectName("hoursSpin")
            self.hours_spin.setRange(0, 24)
            self.hours_spin.setSingleStep(0.5)
            self.hours_spin.setDecimals(2)
            self.hours_spin.setSpecialValueText(self.tr("measure from \u201cwork started\u201d"))
            self.rows["hours"] = FieldRow(self.hours_spin, self)
            form.addRow(self.tr("Result"), self.rows["note"])
            if row.volunteer_id is not None:
                form.addRow(arg(self.tr("Hours of %1"), row.volunteer or ""), self.rows["hours"])
            else:
                self.hours_spin.hide()
        elif to_status == "followed_up":
            self.score_group = QButtonGroup(self)
            scores = QWidget(self)
            score_layout = QHBoxLayout(scores)
            score_layout.setContentsMargins(0, 0, 0, 0)
            words = [self.tr("very unsatisfied"), self.tr("unsatisfied"), self.tr("fair"),
                     self.tr("satisfied"), self.tr("very satisfied")]
            for n in range(1, 6):
                button = QRadioButton(f"{n} {words[n - 1]}", scores)
                button.setObjectName(f"score{n}")
                self.score_group.addButton(button, n)
                score_layout.addWidget(button)
            self.rows["satisfaction"] = FieldRow(scores, self)
            form.addRow(self.tr("Satisfaction"), self.rows["satisfaction"])
            form.addRow(self.tr("Remark"), self.rows["note"])
        elif to_status == "cancelled":
            self.rows["reason"] = self.rows["note"]
            form.addRow(self.tr("Reason *"), self.rows["note"])
        else:
            form.addRow(self.tr("Note"), self.rows["note"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("primary")
        self.buttons.accepted.connect(self._on_ok_clicked)
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject)
        self.buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes."""
        return (self.at_edit.dateTime().toString("yyyy-MM-dd HH:mm"), self.note_edit.toPlainText(),
                self.hours_spin.value() if self.hours_spin is not None else None,
                self.score_group.checkedId() if self.score_group is not None else None)

    def _subject(self) -> str:
        return arg(self.tr("the step \u201c%1\u201d of request %2"), status_text(self.to_status),
                   self.row.id)

    def _on_ok_clicked(self) -> None:
        for r in self.rows.values():
            r.set_error("")
        rid, status, version = self.row.id, self.to_status, self.row.version
        note = self.note_edit.toPlainText()
        at = to_py(self.at_edit.dateTime())
        hours = None
        if self.hours_spin is not None and self.hours_spin.isVisible() and self.hours_spin.value() > 0:
            hours = self.hours_spin.value()
        score = None
        if self.score_group is not None and self.score_group.checkedId() > 0:
            score = self.score_group.checkedId()
        operator = operator_of(self.ctx)
        when = not_now(at)
        self.ok_button.setEnabled(False)
        self.ctx.worker.submit(
            lambda s: req_service.change_status(
                s, rid, status, operator, note=note, satisfaction=score, hours=hours, at=when,
                expected_version=version),
            self._on_saved, self._on_failed, owner=self)

    def _on_saved(self, _result: object) -> None:
        self.sig_done.emit(self.row.id)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not show_failure(self, self.rows, exc):
            return
        if isinstance(exc, AppError) and exc.code in ("invalid_transition", "stale"):
            self.ctx.notify_changed(changes.ORDERS)  # changed elsewhere: screens reload
            self.reject()
