"""Dialogs of the hours screen: a manual entry, a correction (a new entry replacing an
old one, as the ledger is append-only), verifying a month, and the year of a certificate.

Fields are checked as the clerk types with the core's own checks
(:func:`~volunteer_app.services.hours.check_manual`, ``check_correction``); the message
stands under the field and Save stays disabled until the form is valid. Saving runs on
the database worker; whatever the core still refuses (a date in the future by the
community's clock, a role that may not) is shown the same way.

What the operator may do is asked of the core once per screen load
(:func:`volunteer_app.services.hours_access.hours_access`) and handed to the dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import FieldRow, search_box_limits, show_failure, within_years
from ui.common.i18n import arg
from ui.common.operator import operator_of
from ui.texts.hours import duty_and_reason, source_text
from ui.texts.orders import orders_error_text, orders_problem_text
from volunteer_app.errors import FieldProblem, ValidationError
from volunteer_app.services import hours as hours_service
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.hours_access import HoursAccess
from volunteer_app.services.hours_listing import EntryFilter, EntryRow
from volunteer_app.services.volunteers import VolunteerFilter, VolunteerRow
from volunteer_app.validation import mask_mobile

PICKER_LIMIT = 30  # volunteers listed for a search; typing more narrows it


def operator_name(ctx: AppContext, access: HoursAccess) -> str:
    """Who records: the logged-in operator, else the clerk named in Settings."""
    return access.operator or operator_of(ctx)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def _buttons(dialog: QDialog, ok_text: str,
             cancel: Callable[[], None] | None = None) -> tuple[QDialogButtonBox, object]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(ok_text)
    save.setObjectName("primary")
    save.setEnabled(False)
    buttons.rejected.connect(cancel or dialog.reject)
    return buttons, save


class _ValidatedForm(QDialog):
    """Shared behaviour: messages under touched fields, Save only when valid."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FieldRow] = {}
        self._touched: set[str] = set()
        self._saving = False
        self.problems: dict[str, FieldProblem] = {}

    def _problems(self) -> list[FieldProblem]:
        raise NotImplementedError

    def _on_field_edited(self, key: str) -> None:
        self._touched.add(key)
        self.revalidate()

    def revalidate(self, show_all: bool = False) -> None:
        """Check the form with the core's checks; show messages; enable Save."""
        problems: dict[str, FieldProblem] = {}
        for p in self._problems():
            problems.setdefault(p.field, p)
        self.problems = problems
        for key, row in self.rows.items():
            p = problems.get(key)
            visible = p is not None and (show_all or key in self._touched or p.code != "required")
            row.set_error(orders_problem_text(p.field, p.code, include_field=False) if visible else "")
        self.save_button.setEnabled(not problems and not self._saving)

    def _on_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        show_failure(self, self.rows, exc)


class ManualEntryDialog(_ValidatedForm):
    """Record hours by hand (an event without a shift), with the reason why."""

    sig_saved = Signal(int)  # new entry id, after the unit of work committed

    def __init__(self, ctx: AppContext, access: HoursAccess, teams: list[tuple[int, str]],
                 volunteer: tuple[int, str] | None = None, team_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.access = access
        self.volunteer: tuple[int, str] | None = None
        self._search_serial = 0
        self.setObjectName("manualEntryDialog")
        self.setWindowTitle(self.tr("Add hours by hand"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr(
            "For service without a shift or request, e.g. an event. The entry awaits "
            "verification by a captain or coordinator before it counts."), self)
        intro.setObjectName("hint")
        intro.setWordWrap(True)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("volunteerSearch")
        self.search_edit.setPlaceholderText(self.tr("Search name, pinyin, initials or phone digits"))
        self.search_edit.setClearButtonEnabled(True)
        search_box_limits(self.search_edit)
        self.results = QListWidget(self)
        self.results.setObjectName("volunteerResults")
        self.results.setMaximumHeight(130)
        self.chosen_label = QLabel(self.tr("No volunteer chosen yet."), self)
        self.chosen_label.setObjectName("hint")
        picker = QWidget(self)
        picker_layout = QVBoxLayout(picker)
        picker_layout.setContentsMargins(0, 0, 0, 0)
        picker_layout.setSpacing(4)
        picker_layout.addWidget(self.search_edit)
        picker_layout.addWidget(self.results)
        picker_layout.addWidget(self.chosen_label)

        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("entryDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())  # hours are for service done
        within_years(self.date_edit)
        self.hours_edit = QLineEdit(self)
        self.hours_edit.setObjectName("entryHours")
        self.hours_edit.setPlaceholderText(self.tr("e.g. 1.5"))
        self.team_combo = QComboBox(self)
        self.team_combo.setObjectName("entryTeam")
        if access.own_team is None and access.may_record(None):
            self.team_combo.addItem(self.tr("(no team)"), None)
        for tid, name in teams:
            if access.may_record(tid):
                self.team_combo.addItem(name, tid)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team_id)))
        self.duty_edit = QLineEdit(self)
        self.duty_edit.setObjectName("entryDuty")
        self.duty_edit.setPlaceholderText(self.tr("What was done, e.g. 垃圾分类宣传活动"))
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("entryReason")
        self.reason_edit.setPlaceholderText(self.tr("Why by hand, e.g. event without a shift"))
        self.rows = {
            "volunteer": FieldRow(picker, self),
            "date": FieldRow(self.date_edit, self),
            "hours": FieldRow(self.hours_edit, self),
            "team": FieldRow(self.team_combo, self),
            "duty": FieldRow(self.duty_edit, self),
            "reason": FieldRow(self.reason_edit, self),
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Volunteer *"), self.rows["volunteer"])
        form.addRow(self.tr("Date served *"), self.rows["date"])
        form.addRow(self.tr("Hours *"), self.rows["hours"])
        form.addRow(self.tr("Team"), self.rows["team"])
        form.addRow(self.tr("Duty"), self.rows["duty"])
        form.addRow(self.tr("Reason *"), self.rows["reason"])
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, self.form_values, self._subject, busy=lambda: self._saving)
        self.buttons, self.save_button = _buttons(self, self.tr("Save"), self.dirty.cancel)
        self.buttons.accepted.connect(self._on_save_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(120)
        self._search_timer.timeout.connect(self._search)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.results.currentItemChanged.connect(self._on_results_current_changed)
        self.hours_edit.textEdited.connect(lambda _t: self._on_field_edited("hours"))
        self.reason_edit.textEdited.connect(lambda _t: self._on_field_edited("reason"))
        self.duty_edit.textEdited.connect(lambda _t: self._on_field_edited("duty"))
        self.date_edit.dateChanged.connect(lambda _d: self._on_field_edited("date"))
        if volunteer is not None:
            self.choose_volunteer(*volunteer)
        else:
            self._search()
        self.revalidate()
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """What the form holds, for noticing changes (the search text is no entry)."""
        return (self.volunteer, self.date_edit.date().toString("yyyy-MM-dd"),
                self.hours_edit.text(), self.team_combo.currentData(), self.duty_edit.text(),
                self.reason_edit.text())

    def _subject(self) -> str:
        if self.volunteer is not None:
            return arg(self.tr("the new hours entry of %1"), self.volunteer[1])
        return self.tr("the new hours entry")

    # -- the volunteer ----------------------------------------------------------------

    def _search(self) -> None:
        self._search_serial += 1
        serial = self._search_serial
        # Everyone, also those who left since: their last month's hours may still be due.
        flt = VolunteerFilter(search=self.search_edit.text().strip(), active=None)

        def task(s):  # noqa: ANN001, ANN202
            ids = vol_service.query_ids(s, flt)
            return len(ids), vol_service.fetch_rows(s, ids[:PICKER_LIMIT])

        self.ctx.worker.submit(task, lambda result: self._on_search_done(serial, result),
                               self._on_search_failed, owner=self, label="volunteer search")

    def _on_search_done(self, serial: int, result: tuple[int, list[VolunteerRow]]) -> None:
        if serial != self._search_serial:
            return
        total, rows = result
        self.results.blockSignals(True)
        self.results.clear()
        for row in rows:
            teams = "\u3001".join(row.teams)
            left = "" if row.active else self.tr("(left)")
            item = QListWidgetItem(" \u00b7 ".join(
                x for x in (row.name, mask_mobile(row.mobile), teams, left) if x))
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.name, row.teams))
            self.results.addItem(item)
        if total > len(rows):
            more = QListWidgetItem(arg(self.tr("\u2026 and %1 more: type more of the name"), total - len(rows)))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(more)
        self.results.blockSignals(False)

    def _on_search_failed(self, exc: BaseException) -> None:
        self.rows["volunteer"].set_error(orders_error_text(exc))

    def _on_results_current_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if data:
            self.choose_volunteer(*data)

    def choose_volunteer(self, volunteer_id: int, name: str, teams: tuple[str, ...] = ()) -> None:
        """The volunteer the hours are for; with no team chosen yet, their first team."""
        self.volunteer = (volunteer_id, name)
        self.chosen_label.setText(arg(self.tr("Chosen: %1"), name))
        if self.team_combo.currentData() is None:
            for team in teams:
                idx = self.team_combo.findText(team)
                if idx >= 0:
                    self.team_combo.setCurrentIndex(idx)
                    break
        self._on_field_edited("volunteer")

    # -- validation and saving --------------------------------------------------------

    def _problems(self) -> list[FieldProblem]:
        _values, problems = hours_service.check_manual(
            self.hours_edit.text(), self.reason_edit.text(), self.duty_edit.text())
        if self.volunteer is None:
            problems.append(FieldProblem("volunteer", "required", None))
        if self.team_combo.count() == 0:  # the operator may record for no team at all
            problems.append(FieldProblem("team", "required", None))
        return problems

    def _on_save_clicked(self) -> None:
        self.revalidate(show_all=True)
        if self.problems or self._saving or self.volunteer is None:
            return
        vid = self.volunteer[0]
        d = self.date_edit.date()
        on = date(d.year(), d.month(), d.day())
        hours, reason, duty = self.hours_edit.text(), self.reason_edit.text(), self.duty_edit.text()
        team_id = self.team_combo.currentData()
        operator = operator_name(self.ctx, self.access)
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.worker.submit(
            lambda s: hours_service.add_manual(s, vid, on, hours, reason, operator,
                                               team_id=team_id, duty=duty),
            self._on_saved, self._on_failed, owner=self, label="add hours")

    def _on_saved(self, entry_id: int) -> None:
        self._saving = False
        self.sig_saved.emit(entry_id)
        self.accept()


class CorrectionDialog(_ValidatedForm):
    """Correct an entry: a new entry with the right hours replaces it (0 voids it)."""

    sig_saved = Signal(int)  # the correcting entry's id

    def __init__(self, ctx: AppContext, access: HoursAccess, entry: EntryRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.access = access
        self.entry = entry
        self.setObjectName("correctionDialog")
        self.setWindowTitle(arg(self.tr("Correct entry No. %1"), entry.id))
        self.setMinimumWidth(500)
        from ui.hours.hours_model import hours_text

        facts = QLabel(arg(self.tr("%1 \u00b7 %2 \u00b7 %3 hours \u00b7 %4"),
                           entry.volunteer, entry.date.isoformat(), hours_text(entry.minutes),
                           " \u00b7 ".join(x for x in (entry.team or "", source_text(entry.source),
                                                        duty_and_reason(entry)) if x)), self)
        facts.setObjectName("correctionFacts")
        facts.setWordWrap(True)
        intro = QLabel(self.tr(
            "The ledger is never overwritten: the correction is a new entry that replaces "
            "this one, which stays visible as corrected. Enter 0 hours to void the entry. "
            "The correction must be verified again."), self)
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.hours_edit = QLineEdit(f"{hours_service.minutes_to_hours(entry.minutes):g}", self)
        self.hours_edit.setObjectName("correctionHours")
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("correctionReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. left an hour early"))
        self.rows = {"hours": FieldRow(self.hours_edit, self),
                     "reason": FieldRow(self.reason_edit, self)}
        form = QFormLayout()
        form.addRow(self.tr("Correct hours *"), self.rows["hours"])
        form.addRow(self.tr("Reason *"), self.rows["reason"])
        # Esc, the close button and Cancel ask before typed changes are lost.
        self.dirty = DirtyTracker(self, lambda: (self.hours_edit.text(), self.reason_edit.text()),
                                  lambda: arg(self.tr("the correction of entry No. %1"), entry.id),
                                  busy=lambda: self._saving)
        self.buttons, self.save_button = _buttons(self, self.tr("Save correction"), self.dirty.cancel)
        self.buttons.accepted.connect(self._on_save_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.hours_edit.textEdited.connect(lambda _t: self._on_field_edited("hours"))
        self.reason_edit.textEdited.connect(lambda _t: self._on_field_edited("reason"))
        self.revalidate()
        self.dirty.mark_clean()

    def _problems(self) -> list[FieldProblem]:
        return hours_service.check_correction(self.hours_edit.text(), self.reason_edit.text())[1]

    def _on_save_clicked(self) -> None:
        self.revalidate(show_all=True)
        if self.problems or self._saving:
            return
        eid, hours, reason = self.entry.id, self.hours_edit.text(), self.reason_edit.text()
        operator = operator_name(self.ctx, self.access)
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.worker.submit(lambda s: hours_service.correct(s, eid, hours, reason, operator),
                               self._on_saved, self._on_failed, owner=self, label="correct hours")

    def _on_saved(self, entry_id: int) -> None:
        self._saving = False
        self.sig_saved.emit(entry_id)
        self.accept()


class VerifyMonthDialog(QDialog):
    """Verify every entry of a month awaiting verification, for one team or all of them.

    A captain verifies only their own team: the team is fixed to it (and the core
    refuses any other team whatever the form says).
    """

    sig_verified = Signal(str, int)  # month, how many entries were verified

    def __init__(self, ctx: AppContext, access: HoursAccess, teams: list[tuple[int, str]],
                 months: list[str], month: str, team_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.access = access
        self._serial = 0
        self._saving = False
        self.pending: int | None = None
        self.setObjectName("verifyMonthDialog")
        self.setWindowTitle(self.tr("Verify a month"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr(
            "The captain or coordinator confirms the month's hours: every entry still "
            "awaiting verification is marked verified and then counts in reports."), self)
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("verifyMonth")
        for m in months:
            self.month_combo.addItem(m, m)
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(month)))
        self.team_combo = QComboBox(self)
        self.team_combo.setObjectName("verifyTeam")
        if access.own_team is None and access.may_verify(None):
            self.team_combo.addItem(self.tr("All teams"), None)
        for tid, name in teams:
            if access.may_verify(tid):
                self.team_combo.addItem(name, tid)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team_id)))
        self.team_combo.setEnabled(self.team_combo.count() > 1)
        self.by_edit = QLineEdit(operator_name(ctx, access), self)
        self.by_edit.setObjectName("verifiedBy")
        # A logged-in operator verifies under their own name; on a single-user PC the
        # clerk may enter the captain who signed the paper sheet.
        self.by_edit.setReadOnly(access.operator is not None)
        self.by_row = FieldRow(self.by_edit, self)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("verifyPending")
        self.message_label = _error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month_combo)
        form.addRow(self.tr("Team"), self.team_combo)
        form.addRow(self.tr("Verified by *"), self.by_row)
        self.buttons, self.save_button = _buttons(self, self.tr("Verify"))
        self.buttons.accepted.connect(self._on_verify_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.pending_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.month_combo.currentIndexChanged.connect(lambda _i: self._count())
        self.team_combo.currentIndexChanged.connect(lambda _i: self._count())
        self.by_edit.textEdited.connect(lambda _t: self._update_button())
        if self.team_combo.count() == 0:
            self.pending_label.setText(self.tr("Your role may not verify hours."))
        else:
            self._count()

    @property
    def month(self) -> str:
        return self.month_combo.currentData()

    @property
    def team_id(self) -> int | None:
        return self.team_combo.currentData()

    def _count(self) -> None:
        self._serial += 1
        serial = self._serial
        self.pending = None
        self.pending_label.setText(self.tr("Counting\u2026"))
        self._update_button()
        flt = EntryFilter(month=self.month, team_id=self.team_id, verified=False)
        if self.access.own_team is not None:
            flt.team_id = self.access.own_team
        self.ctx.worker.submit(lambda s: len(listing_service.entry_ids(s, flt)),
                               lambda n: self._on_counted(serial, n), self._on_failed, owner=self)

    def _on_counted(self, serial: int, n: int) -> None:
        if serial != self._serial:
            return
        self.pending = n
        if n:
            self.pending_label.setText(self.tr("%n entries await verification.", "", n))
        else:
            self.pending_label.setText(self.tr("Nothing awaits verification in this month."))
        self._update_button()

    def _update_button(self) -> None:
        problem = ""
        try:
            hours_service.normalize_operator(self.by_edit.text(), "verified_by")
        except ValidationError as exc:
            p = exc.problems[0]
            problem = orders_problem_text(p.field, p.code, include_field=False)
        self.by_row.set_error(problem)
        self.save_button.setEnabled(bool(self.pending) and not problem and not self._saving)

    def _on_verify_clicked(self) -> None:
        if self._saving or not self.pending:
            return
        month, team_id, by = self.month, self.team_id, self.by_edit.text()
        self._saving = True
        self.save_button.setEnabled(False)
        self.message_label.hide()
        self.ctx.worker.submit(
            lambda s: hours_service.verify_month(s, month, by, team_id=team_id),
            lambda n: self._on_verified(month, n), self._on_failed, owner=self,
            label="verify month")

    def _on_verified(self, month: str, n: int) -> None:
        self._saving = False
        self.sig_verified.emit(month, n)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.message_label.setText(orders_error_text(exc))
        self.message_label.show()
        self._update_button()


class CertificateDialog(QDialog):
    """Choose the year of a volunteer's service-hours certificate."""

    def __init__(self, name: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateDialog")
        self.setWindowTitle(self.tr("Yearly certificate"))
        text = QLabel(arg(self.tr("Certificate of %1's verified service hours in the year:"), name), self)
        text.setWordWrap(True)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("certificateYear")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save as PDF\u2026"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.year_spin)
        layout.addWidget(buttons)

    @property
    def year(self) -> int:
        return self.year_spin.value()
