"""The weekly planner (排班): a week grid of shifts, the selected shift's volunteers, and the
free volunteers for it, eligible first.

Drag a volunteer from the free list onto any shift, or double-click a volunteer to put
them on the selected shift. Hard conflicts ask for an override reason; soft ones warn.
How the week is laid out in rows is :mod:`ui.planner.week_model`'s business.

All database work runs on ``ctx.worker``; the screen keeps only the plain rows the services
return (``WeekPlan``, ``ShiftRow``, ``CandidateRow``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common import roles
from ui.common.context import AppContext
from ui.common.forms import within_years
from ui.common.i18n import arg
from ui.planner.availability_dialog import AvailabilityDialog
from ui.planner.duty_removal import DutyRemoval
from ui.planner.holidays_dialog import HolidaysDialog
from ui.planner.override_dialog import OverrideDialog
from ui.planner.templates_dialog import TemplatesDialog
from ui.planner.volunteer_tables import ROLE_VOLUNTEER_ID, AssignedTable, CandidateTable
from ui.planner.week_model import MODE_GRIDS, MODE_TEAMS, WeekModel
from ui.planner.week_table import WeekTable
from ui.texts.planner import (
    WEEKDAYS,
    assign_result_text,
    conflict_text,
    copy_result_text,
    duty_type_text,
    holiday_text,
    planner_error_text,
    time_span,
    tr_planner,
    week_summary_text,
)
from volunteer_app import changes
from volunteer_app.scheduling.conflicts import Conflict
from volunteer_app.scheduling.holidays import HOLIDAY
from volunteer_app.services import assignment_move
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import templates as template_service
from volunteer_app.services import week_copy as week_copy_service
from volunteer_app.services.assignments import CandidateRow
from volunteer_app.services.shifts import AssignedRow, ShiftRow, WeekPlan


class PlannerView(QWidget):
    """The 排班 screen: week navigation, the week grid, the selected shift and free volunteers."""

    sig_week_loaded = Signal(object)  # the WeekPlan shown
    sig_candidates_loaded = Signal(int)  # shift id whose free volunteers are listed
    sig_assignment_changed = Signal(int)  # shift id changed by this screen
    sig_message = Signal(str)  # result or warning shown under the grid

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("plannerView")
        self.monday = svc.monday_of(date.today())
        self.mode = MODE_TEAMS
        self.plan: WeekPlan | None = None
        self.candidates: list[CandidateRow] = []
        self._selected_shift_id: int | None = None
        self._loads_pending = 0
        self._override_dialog: OverrideDialog | None = None
        self._holidays_dialog: HolidaysDialog | None = None
        self._templates_dialog: TemplatesDialog | None = None
        self._availability_dialog: AvailabilityDialog | None = None
        self._history_dialog: QWidget | None = None
        self._oneoff_dialog: QWidget | None = None

        title = QLabel(self.tr("Schedule"), self)
        title.setObjectName("pageTitle")
        self.prev_button = QPushButton(self.tr("\u25c0 Previous week"), self)
        self.today_button = QPushButton(self.tr("This week"), self)
        self.next_button = QPushButton(self.tr("Next week \u25b6"), self)
        self.week_label = QLabel(self)
        self.week_label.setObjectName("plannerWeekLabel")
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.week_label.setFont(font)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip(self.tr("Go to the week of a date"))
        within_years(self.date_edit)
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(self.tr("Rows: teams"), MODE_TEAMS)
        self.mode_combo.addItem(self.tr("Rows: grids"), MODE_GRIDS)
        self.generate_button = QPushButton(self.tr("Generate from templates"), self)
        self.generate_button.setToolTip(self.tr(
            "Create this week's shifts from the recurring duty templates (shifts already there are kept)"))
        self.templates_button = QPushButton(self.tr("Duty templates\u2026"), self)
        self.templates_button.setToolTip(self.tr("Recurring duties the week's shifts are generated from"))
        self.holidays_button = QPushButton(self.tr("Holidays\u2026"), self)
        self.holidays_button.setToolTip(self.tr("Statutory holidays and make-up working days (editable)"))
        self.copy_button = QPushButton(self.tr("Copy previous week"), self)
        self.copy_button.setToolTip(self.tr(
            "Put last week's volunteers on this week's matching shifts (checked for conflicts)"))
        self.oneoff_button = QPushButton(self.tr("Add one-off duty\u2026"), self)
        self.oneoff_button.setObjectName("plannerOneOffDuty")
        self.oneoff_button.setToolTip(self.tr("An event or duty that comes from no template"))
        self.history_button = QPushButton(self.tr("Batch history\u2026"), self)
        self.history_button.setObjectName("plannerBatchHistory")
        self.history_button.setToolTip(self.tr(
            "Generation runs, copied weeks and applied auto-fills, each with what it did; undo one"))
        self.autofill_button = QPushButton(self.tr("Auto-fill\u2026"), self)
        self.autofill_button.setObjectName("plannerAutofill")
        self.autofill_button.setToolTip(self.tr(
            "Propose volunteers for this week's open places, fairly; you review and apply"))

        # Two rows: in one, the week's title and the tools did not fit 1366 pixels (the most
        # common office screen) and Qt cut their words ("enerate from templa", issue 18.14).
        nav = QHBoxLayout()
        nav.addWidget(title)
        nav.addSpacing(16)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.today_button)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.week_label)
        nav.addStretch(1)
        nav.addWidget(self.date_edit)
        tools = QHBoxLayout()
        tools.addWidget(self.mode_combo)
        tools.addSpacing(12)
        tools.addWidget(self.templates_button)
        tools.addWidget(self.generate_button)
        tools.addWidget(self.holidays_button)
        tools.addWidget(self.copy_button)
        tools.addWidget(self.oneoff_button)
        tools.addStretch(1)
        tools.addWidget(self.history_button)
        tools.addWidget(self.autofill_button)

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("plannerHolidayNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "background: #fef5e7; border: 1px solid #f5cba7; border-radius: 4px; padding: 4px 8px;"
            " color: #7e5109;")
        self.notice_label.hide()

        self.model = WeekModel(self)
        self.table = WeekTable(self)
        self.table.setModel(self.model)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("plannerMessage")
        self.message_label.setWordWrap(True)
        legend = QLabel(self)
        legend.setObjectName("hint")
        legend.setText(self.tr("Colours: green = full, amber = places open, red = nobody yet; "
                               "a name in red is on leave or has left. \u2713 = confirmed. "
                               "Drag a volunteer onto any shift; drag a name from the selected shift's list "
                               "onto another shift to move them."))
        legend.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary_label)
        left_layout.addWidget(legend)
        left_layout.addWidget(self.message_label)

        # The selected shift and who is on it.
        self.shift_box = QGroupBox(self.tr("Selected shift"), self)
        self.shift_title = QLabel(self.shift_box)
        self.shift_title.setWordWrap(True)
        self.shift_title.setObjectName("plannerShiftTitle")
        self.assigned_table = AssignedTable(self.shift_box)
        self.assigned_table.setHorizontalHeaderLabels([self.tr("On this shift"), self.tr("Status")])
        self.remove_button = QPushButton(self.tr("Remove"), self.shift_box)
        self.confirm_button = QPushButton(self.tr("Mark confirmed"), self.shift_box)
        self.confirm_all_button = QPushButton(self.tr("Confirm all"), self.shift_box)
        self.checkin_button = QPushButton(self.tr("Check-in\u2026"), self.shift_box)
        self.checkin_button.setToolTip(self.tr("Record who arrived and left, or did not come"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.confirm_all_button)
        buttons.addWidget(self.checkin_button)
        buttons.addStretch(1)
        shift_layout = QVBoxLayout(self.shift_box)
        shift_layout.addWidget(self.shift_title)
        shift_layout.addWidget(self.assigned_table, 1)
        shift_layout.addLayout(buttons)
        self.removal = DutyRemoval(self)
        duty_buttons = QHBoxLayout()
        duty_buttons.addStretch(1)
        duty_buttons.addWidget(self.removal.delete_button)
        shift_layout.addLayout(duty_buttons)
        left_layout.addWidget(self.removal.undo_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.free_box = QGroupBox(self.tr("Free volunteers"), self)
        self.free_hint = QLabel(self.free_box)
        self.free_hint.setObjectName("hint")
        self.free_hint.setWordWrap(True)
        self.candidate_table = CandidateTable(self.free_box)
        self.candidate_table.setHorizontalHeaderLabels(
            [self.tr("Volunteer"), self.tr("This week"), self.tr("Why not")])
        self.assign_button = QPushButton(self.tr("Assign to shift"), self.free_box)
        self.availability_button = QPushButton(self.tr("Availability\u2026"), self.free_box)
        self.availability_button.setToolTip(self.tr("Weekly times, limits and leave of the selected volunteer"))
        free_layout = QVBoxLayout(self.free_box)
        free_layout.addWidget(self.free_hint)
        free_layout.addWidget(self.candidate_table, 1)
        free_buttons = QHBoxLayout()
        free_buttons.addWidget(self.assign_button, 1)
        free_buttons.addWidget(self.availability_button)
        free_layout.addLayout(free_buttons)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.shift_box, 2)
        right_layout.addWidget(self.free_box, 3)

        splitter = QSplitter(self)
        splitter.setObjectName("plannerSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([900, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(nav)
        layout.addLayout(tools)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)

        roles.deny_unless(self.ctx, "shifts.plan", self.generate_button, self.templates_button,
                          self.copy_button, self.autofill_button, self.assign_button, self.oneoff_button,
                          self.remove_button, self.confirm_button, self.confirm_all_button)
        roles.deny_unless(self.ctx, "holidays.edit", self.holidays_button)
        roles.deny_unless(self.ctx, "availability.edit", self.availability_button)
        roles.deny_unless(self.ctx, "shifts.checkin", self.checkin_button)
        self.prev_button.clicked.connect(self._on_prev_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.today_button.clicked.connect(self._on_today_clicked)
        self.date_edit.dateChanged.connect(self._on_date_edit_changed)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.holidays_button.clicked.connect(self._on_holidays_clicked)
        self.templates_button.clicked.connect(self._on_templates_clicked)
        self.availability_button.clicked.connect(self._on_availability_clicked)
        self.table.selectionModel().currentChanged.connect(self._on_table_current_changed)
        self.model.sig_drop_requested.connect(self._on_model_drop_requested)
        self.table.sig_move_requested.connect(self.move)
        self.model.modelReset.connect(self._on_model_reset)
        self.candidate_table.itemDoubleClicked.connect(self._on_candidate_double_clicked)
        self.candidate_table.itemSelectionChanged.connect(self._update_buttons)
        self.assigned_table.itemSelectionChanged.connect(self._update_buttons)
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.confirm_all_button.clicked.connect(self._on_confirm_all_clicked)
        self.autofill_button.clicked.connect(self._on_autofill_clicked)
        self.history_button.clicked.connect(self._on_history_clicked)
        self.oneoff_button.clicked.connect(self._on_oneoff_clicked)
        self.checkin_button.clicked.connect(self._on_checkin_clicked)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self.sig_message.connect(self.message_label.setText)

        self._show_shift(None)
        self._sync_date_edit()
        self.load_week()

    # -- loading ------------------------------------------------------------------------

    def load_week(self) -> None:
        """Reload the week shown (and the free volunteers of the selected shift)."""
        monday = self.monday
        self._loads_pending += 1
        self.week_label.setText(self._week_text(monday))
        self.ctx.worker.submit(lambda s: svc.week_plan(s, monday),
                               lambda plan: self._on_week_loaded(monday, plan),
                               self._on_load_failed, owner=self, label="planner week")

    def refresh(self) -> None:
        """Called when the screen is shown: reload unless a load is already on its way."""
        if self._loads_pending == 0:
            self.load_week()

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loads_pending = max(0, self._loads_pending - 1)
        self._show_error(exc)

    def _on_week_loaded(self, monday: date, plan: WeekPlan) -> None:
        self._loads_pending = max(0, self._loads_pending - 1)
        if monday != self.monday:
            return  # the clerk moved on to another week meanwhile
        self.plan = plan
        self.model.set_plan(plan, self.mode)
        self._show_notice(plan)
        self.summary_label.setText(week_summary_text(plan))
        self.sig_week_loaded.emit(plan)

    def _on_model_reset(self) -> None:
        self.table.fit_rows(self.model.rows)
        # Keep the selected shift selected across reloads.
        if self._selected_shift_id is not None:
            index = self.model.index_of_shift(self._selected_shift_id)
            if index.isValid():
                self.table.setCurrentIndex(index)
                self._show_shift(self.model.shift_at(index))
                self.load_candidates()
            else:
                self._selected_shift_id = None
                self._show_shift(None)

    def _week_text(self, monday: date) -> str:
        iso = monday.isocalendar()
        sunday = monday + timedelta(days=6)
        return arg(self.tr("%1 week %2 (%3) · %4 – %5"), iso[0], iso[1], svc.week_label(monday),
                   f"{monday:%m-%d}", f"{sunday:%m-%d}")

    def _show_notice(self, plan: WeekPlan) -> None:
        if plan.holiday_notice:
            years = "、".join(str(y) for y in plan.uncovered_years)
            self.notice_label.setText(arg(self.tr(
                "No official holiday schedule for %1 yet: days off are weekends plus the holidays "
                "entered by hand. Statutory holidays and make-up working days may be missing."), years))
            self.notice_label.show()
        else:
            self.notice_label.hide()

    # -- navigation ---------------------------------------------------------------------

    def go_to_week(self, day: date) -> None:
        """Show the ISO week holding ``day``."""
        monday = svc.monday_of(day)
        if monday == self.monday and self.plan is not None:
            return
        self.monday = monday
        self._selected_shift_id = None
        self._show_shift(None)
        self._sync_date_edit()
        self.load_week()

    def _sync_date_edit(self) -> None:
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(self.monday.year, self.monday.month, self.monday.day))
        self.date_edit.blockSignals(False)

    def _on_prev_clicked(self) -> None:
        self.go_to_week(self.monday - timedelta(days=7))

    def _on_next_clicked(self) -> None:
        self.go_to_week(self.monday + timedelta(days=7))

    def _on_today_clicked(self) -> None:
        self.go_to_week(date.today())

    def _on_date_edit_changed(self, qdate: QDate) -> None:
        self.go_to_week(date(qdate.year(), qdate.month(), qdate.day()))

    def set_mode(self, mode: str) -> None:
        """Rows by team (``"teams"``) or by grid (``"grids"``)."""
        i = self.mode_combo.findData(mode)
        if i >= 0 and self.mode_combo.currentIndex() != i:
            self.mode_combo.setCurrentIndex(i)

    def _on_mode_combo_changed(self, _index: int) -> None:
        self.mode = self.mode_combo.currentData()
        if self.plan is not None:
            self.model.set_plan(self.plan, self.mode)

    # -- the selected shift -------------------------------------------------------------

    def select_shift(self, shift_id: int) -> bool:
        """Select a shift in the grid (as a click would); False if it is not shown."""
        index = self.model.index_of_shift(shift_id)
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def selected_shift(self) -> ShiftRow | None:
        return self.model.shift_at(self.table.currentIndex())

    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        shift = self.model.shift_at(current)
        self._selected_shift_id = shift.id if shift else None
        self._show_shift(shift)
        if shift is not None:
            self.load_candidates()

    def _show_shift(self, shift: ShiftRow | None) -> None:
        self.assigned_table.show_shift(shift)
        if shift is None:
            self.shift_title.setText(self.tr("Click a shift in the week to see who is on it "
                                             "and who could take it."))
            self.candidates = []
            self.candidate_table.show_candidates([])
            self.free_hint.setText("")
            self._update_buttons()
            return
        where = " · ".join(x for x in (shift.team, shift.grid, shift.location) if x)
        day = self.model.day((shift.date - self.monday).days + 1)
        special = ""
        if day is not None and day.kind == HOLIDAY:
            special = " · " + (holiday_text(day) or self.tr("Holiday"))
        self.shift_title.setText(
            f"<b>{shift.title or duty_type_text(shift.duty_type)}</b><br>"
            f"{tr_planner(WEEKDAYS[shift.date.weekday()])} {shift.date:%Y-%m-%d} {time_span(shift)}{special}<br>"
            f"{where}<br>" + arg(self.tr("%1 of %2 places filled"), shift.filled, shift.needed)
            + (f"<br><i>{shift.notes}</i>" if shift.notes else ""))
        self.free_hint.setText(self.tr("Loading\u2026"))
        self._update_buttons()

    def load_candidates(self) -> None:
        shift_id = self._selected_shift_id
        if shift_id is None:
            return
        self.ctx.worker.submit(lambda s: assignment_service.candidates(s, shift_id),
                               lambda rows: self._on_candidates_loaded(shift_id, rows),
                               self._show_error, owner=self, label="planner candidates")

    def _on_candidates_loaded(self, shift_id: int, rows: list[CandidateRow]) -> None:
        if shift_id != self._selected_shift_id:
            return
        self.candidates = rows
        self.candidate_table.show_candidates(rows)
        eligible = sum(1 for r in rows if r.eligible)
        self.free_hint.setText(arg(self.tr(
            "%1 can take it; the others are listed with the reason. Double-click or drag onto a shift."),
            eligible))
        self.sig_candidates_loaded.emit(shift_id)

    def _update_buttons(self) -> None:
        shift = self.selected_shift()
        has_candidate = bool(self.candidate_table.selectionModel().selectedRows())
        picked = self._picked_assigned()
        roles.enable(self.assign_button, shift is not None and has_candidate)
        roles.enable(self.availability_button, has_candidate)
        roles.enable(self.remove_button, picked is not None)
        roles.enable(self.confirm_button, picked is not None and picked.status == "planned")
        roles.enable(self.confirm_all_button,
            shift is not None and any(a.status == "planned" for a in shift.assigned))
        roles.enable(self.checkin_button, shift is not None and bool(shift.assigned))
        self.removal.update(shift)

    def keep_selected(self, shift_id: int) -> None:
        """Select this shift once the week has reloaded (a duty just put back)."""
        self._selected_shift_id = shift_id

    def _picked_assigned(self) -> AssignedRow | None:
        shift = self.selected_shift()
        vid = self.assigned_table.picked_volunteer_id()
        if shift is None or vid is None:
            return None
        return next((a for a in shift.assigned if a.volunteer_id == vid), None)

    # -- assigning ----------------------------------------------------------------------

    def _candidate(self, volunteer_id: int) -> CandidateRow | None:
        return next((c for c in self.candidates if c.volunteer_id == volunteer_id), None)

    def assign(self, shift_id: int, volunteer_id: int, override_reason: str | None = None) -> None:
        """Put a volunteer on a shift through the services; hard conflicts ask for a reason."""
        self.ctx.worker.submit(lambda s: assignment_service.assign(s, shift_id, volunteer_id, override_reason),
                               lambda res: self._on_assigned(shift_id, res),
                               lambda exc: self._on_assign_failed(shift_id, volunteer_id, exc),
                               owner=self, label="planner assign")

    def _on_assigned(self, shift_id: int, res: assignment_service.AssignResult) -> None:
        self.sig_message.emit(assign_result_text(res))
        self._changed(shift_id)

    def _on_assign_failed(self, shift_id: int, volunteer_id: int, exc: BaseException) -> None:
        if isinstance(exc, assignment_service.AssignmentBlocked):
            name = str(exc.details.get("volunteer_name") or volunteer_id)
            self._ask_override(shift_id, volunteer_id, name, exc.conflicts)
            return
        self._show_error(exc)

    def _ask_override(self, shift_id: int, volunteer_id: int, name: str,
                      conflicts: Sequence[Conflict]) -> None:
        dialog = OverrideDialog(name, conflicts, self)
        self._override_dialog = dialog
        dialog.accepted.connect(lambda: self.assign(shift_id, volunteer_id, dialog.reason))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _assign_rows(self, rows: list[int]) -> None:
        shift = self.selected_shift()
        if shift is None:
            return
        for r in rows:
            vid = int(self.candidate_table.item(r, 0).data(ROLE_VOLUNTEER_ID))
            cand = self._candidate(vid)
            if cand is not None and not cand.eligible:
                self._ask_override(shift.id, vid, cand.name, cand.conflicts)
            else:
                self.assign(shift.id, vid)

    def _on_candidate_double_clicked(self, item: QTableWidgetItem) -> None:
        self._assign_rows([item.row()])

    def _on_assign_clicked(self) -> None:
        self._assign_rows(sorted({i.row() for i in self.candidate_table.selectionModel().selectedRows()}))

    def _on_model_drop_requested(self, shift_id: int, volunteer_ids: list) -> None:
        selected = self._selected_shift_id
        for vid in volunteer_ids:
            cand = self._candidate(int(vid)) if shift_id == selected else None
            if cand is not None and not cand.eligible:
                self._ask_override(shift_id, cand.volunteer_id, cand.name, cand.conflicts)
            else:
                self.assign(shift_id, int(vid))

    def move(self, from_shift_id: int, to_shift_id: int, volunteer_ids: list) -> None:
        """Volunteers dragged off one duty onto another: each moved in one unit of work;
        a hard conflict refuses the move and says why (they stay where they were)."""
        for vid in volunteer_ids:
            v = int(vid)
            self.ctx.worker.submit(
                lambda s, v=v: assignment_move.move_volunteer(s, from_shift_id, to_shift_id, v),
                lambda res: self._after(to_shift_id, arg(self.tr("Moved: %1"), assign_result_text(res))),
                self._on_move_failed, owner=self, label="planner move")

    def _on_move_failed(self, exc: BaseException) -> None:
        if isinstance(exc, assignment_service.AssignmentBlocked):
            name = str(exc.details.get("volunteer_name") or "")
            text = arg(self.tr("%1 was not moved: %2"), name,
                       "; ".join(conflict_text(c) for c in exc.conflicts if c.hard))
            self.sig_message.emit(text)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Schedule"), text,
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("plannerMoveRefused")
            box.finished.connect(box.deleteLater)
            box.open()
            return
        self._show_error(exc)

    def _on_remove_clicked(self) -> None:
        shift, picked = self.selected_shift(), self._picked_assigned()
        if shift is None or picked is None:
            return
        sid, vid, name = shift.id, picked.volunteer_id, picked.name
        self.ctx.worker.submit(lambda s: assignment_service.unassign(s, sid, vid),
                               lambda _r: self._after(sid, arg(self.tr("%1 removed from the shift."), name)),
                               self._show_error, owner=self)

    def _on_confirm_clicked(self) -> None:
        shift, picked = self.selected_shift(), self._picked_assigned()
        if shift is None or picked is None:
            return
        sid, vid, name = shift.id, picked.volunteer_id, picked.name
        self.ctx.worker.submit(lambda s: assignment_service.confirm(s, sid, vid),
                               lambda _r: self._after(sid, arg(self.tr("%1 confirmed."), name)),
                               self._show_error, owner=self)

    def _on_confirm_all_clicked(self) -> None:
        shift = self.selected_shift()
        if shift is None:
            return
        sid = shift.id
        self.ctx.worker.submit(lambda s: assignment_service.confirm_shift(s, sid),
                               lambda n: self._after(sid, self.tr("%n volunteer(s) confirmed.", "", n)),
                               self._show_error, owner=self)

    def _on_autofill_clicked(self) -> None:
        from ui.planner.autofill_dialog import AutofillDialog

        dialog = AutofillDialog(self.ctx, self.monday, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The dialog announces "shifts" changes itself after apply and undo.
        dialog.open()

    def _on_history_clicked(self) -> None:
        from ui.planner.batch_history_dialog import BatchHistoryDialog

        dialog = BatchHistoryDialog(self.ctx, self)
        self._history_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_oneoff_clicked(self) -> None:
        from ui.planner.shift_dialog import OneOffShiftDialog

        shift = self.selected_shift()
        today = date.today()
        day = shift.date if shift else (today if svc.monday_of(today) == self.monday else self.monday)
        dialog = OneOffShiftDialog(self.ctx, day, self)
        self._oneoff_dialog = dialog
        dialog.sig_created.connect(self._on_oneoff_created)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_oneoff_created(self, shift_id: int, day: date) -> None:
        # The core announced "shifts": the week reloads and selects the new duty.
        if svc.monday_of(day) != self.monday:
            self.go_to_week(day)
        self._selected_shift_id = shift_id
        self.sig_message.emit(self.tr("One-off duty added."))

    def _on_checkin_clicked(self) -> None:
        from ui.hours.checkin_dialog import CheckinDialog

        shift = self.selected_shift()
        if shift is None:
            return
        dialog = CheckinDialog(self.ctx, shift.id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _after(self, shift_id: int, message: str) -> None:
        self.sig_message.emit(message)
        self._changed(shift_id)

    def _changed(self, shift_id: int) -> None:
        # The core announced "shifts": this screen reloads too, see _on_ctx_data_changed.
        self.sig_assignment_changed.emit(shift_id)

    # -- whole-week actions -------------------------------------------------------------

    def _on_generate_clicked(self) -> None:
        monday = self.monday
        self.ctx.worker.submit(lambda s: template_service.generate(s, monday, monday + timedelta(days=6)),
                               self._on_generated, self._show_error, owner=self)

    def _on_generated(self, res: template_service.GenerationResult) -> None:
        if res.created:
            self.sig_message.emit(self.tr("%n shift(s) created from the templates.", "", res.created))
        else:
            self.sig_message.emit(self.tr("Nothing new: every template's shifts are already there."))

    def _on_copy_clicked(self) -> None:
        monday = self.monday
        self.ctx.worker.submit(lambda s: week_copy_service.copy_week(s, monday), self._on_copied,
                               self._show_error, owner=self)

    def _on_copied(self, res: week_copy_service.CopyResult) -> None:
        self.sig_message.emit(copy_result_text(res))

    def _on_templates_clicked(self) -> None:
        dialog = TemplatesDialog(self.ctx, self)
        self._templates_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_availability_clicked(self) -> None:
        rows = self.candidate_table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.candidate_table.item(rows[0].row(), 0)
        vid = int(item.data(ROLE_VOLUNTEER_ID))
        name = item.text()
        dialog = AvailabilityDialog(self.ctx, vid, name, self)
        self._availability_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_holidays_clicked(self) -> None:
        dialog = HolidaysDialog(self.ctx, self.monday.year, self)
        self._holidays_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # -- changes elsewhere --------------------------------------------------------------

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.SHIFTS, changes.VOLUNTEERS, changes.TEAMS, changes.GRIDS, changes.COMMUNITY):
            self.load_week()

    def _show_error(self, exc: BaseException) -> None:
        text = planner_error_text(exc)
        self.sig_message.emit(text)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Schedule"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("plannerErrorBox")
        box.finished.connect(box.deleteLater)
        box.open()

