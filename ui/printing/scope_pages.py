"""The Print screen's scope pages: which grids, volunteers, week, day or month a printout
covers, one page per kind of printout, and the request they describe.

Split from :mod:`ui.printing.print_view` (which keeps the paper, the preview, saving and
printing) because the pages and their lists are most of the form. The lists load on the
database worker; a problem (a failed load, an empty scope) is reported through
:attr:`PrintScope.sig_problem` for the screen's status line.

Translations: the pages keep the Print screen's wording; their strings are in the
``PrintScope`` context.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.forms import within_years
from ui.common.i18n import arg
from ui.texts.errors import error_text
from volunteer_app.printing.jobs import PrintRequest
from volunteer_app.services import grids as grid_service
from volunteer_app.services import shifts as shift_service
from volunteer_app.services import teams as team_service

ROLE_ID = Qt.ItemDataRole.UserRole + 1
KINDS = ("cards", "member_cards", "roster", "signin", "hours")


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class PrintScope(QStackedWidget):
    """One page per kind of printout (in :data:`KINDS` order) and the request it makes."""

    sig_problem = Signal(str)  # a message for the screen's status line

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.addWidget(self._build_cards_page())
        self.addWidget(self._build_member_page())
        self.addWidget(self._build_roster_page())
        self.addWidget(self._build_signin_page())
        self.addWidget(self._build_hours_page())

    def show_kind(self, kind: str) -> None:
        self.setCurrentIndex(KINDS.index(kind))

    # -- pages ----------------------------------------------------------------------

    def _team_combo(self, parent: QWidget, all_label: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(all_label, None)
        return combo

    def _build_cards_page(self) -> QWidget:
        page = QGroupBox(self.tr("Grids"), self)
        layout = QVBoxLayout(page)
        self.cards_all = QCheckBox(self.tr("All grids"), page)
        self.cards_all.setChecked(True)
        self.cards_grids = QListWidget(page)
        self.cards_grids.setObjectName("printGrids")
        self.cards_grids.setEnabled(False)
        self.cards_all.toggled.connect(lambda on: self.cards_grids.setEnabled(not on))
        form = QFormLayout()
        self.cards_copies = QSpinBox(page)
        self.cards_copies.setObjectName("printCopies")
        self.cards_copies.setRange(1, 1000)
        self.cards_copies.setValue(10)
        self.cards_copies.setSuffix(self.tr(" per grid"))
        self.cards_backs = QCheckBox(self.tr("Print the backs too (double-sided)"), page)
        form.addRow(self.tr("Copies"), self.cards_copies)
        layout.addWidget(self.cards_all)
        layout.addWidget(self.cards_grids, 1)
        layout.addLayout(form)
        layout.addWidget(self.cards_backs)
        return page

    def _build_member_page(self) -> QWidget:
        page = QGroupBox(self.tr("Volunteers"), self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.member_team = self._team_combo(page, self.tr("All active volunteers"))
        self.member_team.setObjectName("printMemberTeam")
        self.member_team.currentIndexChanged.connect(self._on_member_team_changed)
        form.addRow(self.tr("Team"), self.member_team)
        layout.addLayout(form)
        self.member_list = QListWidget(page)
        self.member_list.setObjectName("printMembers")
        self.member_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.member_hint = QLabel(self.tr("Choose a team to pick single members; "
                                          "otherwise every active volunteer gets a card."), page)
        self.member_hint.setWordWrap(True)
        layout.addWidget(self.member_hint)
        layout.addWidget(self.member_list, 1)
        return page

    def _build_roster_page(self) -> QWidget:
        page = QGroupBox(self.tr("Week and team"), self)
        form = QFormLayout(page)
        week_row = QHBoxLayout()
        self.roster_prev = QPushButton("\u25c0", page)
        self.roster_prev.setFixedWidth(32)
        self.roster_date = QDateEdit(page)
        self.roster_date.setObjectName("printWeek")
        self.roster_date.setCalendarPopup(True)
        self.roster_date.setDisplayFormat("yyyy-MM-dd")
        self.roster_date.setDate(QDate(date.today()))
        within_years(self.roster_date)
        self.roster_next = QPushButton("\u25b6", page)
        self.roster_next.setFixedWidth(32)
        self.roster_prev.clicked.connect(lambda: self._shift_week(-7))
        self.roster_next.clicked.connect(lambda: self._shift_week(7))
        week_row.addWidget(self.roster_prev)
        week_row.addWidget(self.roster_date, 1)
        week_row.addWidget(self.roster_next)
        self.roster_week_label = QLabel(page)
        self.roster_date.dateChanged.connect(self._on_roster_date_changed)
        self.roster_by = QComboBox(page)
        self.roster_by.setObjectName("printRosterBy")
        self.roster_by.addItem(self.tr("By team"), "team")
        self.roster_by.addItem(self.tr("By grid"), "grid")
        self.roster_team = self._team_combo(page, self.tr("All teams, one after another"))
        self.roster_team.setObjectName("printRosterTeam")
        self.roster_grid = QComboBox(page)
        self.roster_grid.setObjectName("printRosterGrid")
        self.roster_by.currentIndexChanged.connect(self._on_roster_by_changed)
        form.addRow(self.tr("Week"), week_row)
        form.addRow("", self.roster_week_label)
        form.addRow(self.tr("Roster of"), self.roster_by)
        form.addRow(self.tr("Team"), self.roster_team)
        form.addRow(self.tr("Grid"), self.roster_grid)
        self._on_roster_date_changed()
        self._on_roster_by_changed()
        return page

    def _build_signin_page(self) -> QWidget:
        page = QGroupBox(self.tr("Day and shifts"), self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.signin_date = QDateEdit(page)
        self.signin_date.setObjectName("printSigninDate")
        self.signin_date.setCalendarPopup(True)
        self.signin_date.setDisplayFormat("yyyy-MM-dd")
        self.signin_date.setDate(QDate(date.today()))
        within_years(self.signin_date)
        self.signin_team = self._team_combo(page, self.tr("All teams"))
        self.signin_team.setObjectName("printSigninTeam")
        form.addRow(self.tr("Date"), self.signin_date)
        form.addRow(self.tr("Team"), self.signin_team)
        layout.addLayout(form)
        self.signin_shifts = QListWidget(page)
        self.signin_shifts.setObjectName("printShifts")
        self.signin_shifts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(QLabel(self.tr("One sheet for each ticked shift:"), page))
        layout.addWidget(self.signin_shifts, 1)
        self.signin_date.dateChanged.connect(self._load_shifts)
        self.signin_team.currentIndexChanged.connect(self._load_shifts)
        return page

    def _build_hours_page(self) -> QWidget:
        page = QGroupBox(self.tr("Month and team"), self)
        form = QFormLayout(page)
        self.hours_month = QDateEdit(page)
        self.hours_month.setObjectName("printMonth")
        self.hours_month.setCalendarPopup(True)
        self.hours_month.setDisplayFormat("yyyy-MM")
        self.hours_month.setDate(QDate(date.today()))
        within_years(self.hours_month)
        self.hours_team = self._team_combo(page, self.tr("All teams"))
        self.hours_team.setObjectName("printHoursTeam")
        self.hours_per_volunteer = QCheckBox(self.tr("One statement per volunteer"), page)
        self.hours_per_volunteer.setObjectName("printPerVolunteer")
        form.addRow(self.tr("Month"), self.hours_month)
        form.addRow(self.tr("Team"), self.hours_team)
        form.addRow(self.hours_per_volunteer)
        note = QLabel(self.tr("Only hours verified by a captain are added into the totals."),
                      page)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    # -- lists ----------------------------------------------------------------------

    def load(self) -> None:
        """Reload the teams, grids, shifts and members the lists offer."""
        def load(s):  # noqa: ANN001, ANN202 - runs on the database thread
            return team_service.list_teams(s), grid_service.list_grids(s)

        self.ctx.worker.submit(load, self._on_scope_loaded, self._on_scope_failed, owner=self,
                               label="print scope")

    def _on_scope_loaded(self, result: tuple) -> None:
        teams, grids = result
        for combo in (self.member_team, self.roster_team, self.signin_team, self.hours_team):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for t in teams:
                combo.addItem(("    " if t.parent_id else "") + t.name, t.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        current_grid = self.roster_grid.currentData()
        self.roster_grid.clear()
        self.cards_grids.clear()
        for g in grids:
            label = g.name if g.leader_name == "" else f"{g.name}  {g.leader_name}"
            self.roster_grid.addItem(g.name, g.id)
            item = QListWidgetItem(label, self.cards_grids)
            item.setData(ROLE_ID, g.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.roster_grid.setCurrentIndex(max(0, self.roster_grid.findData(current_grid)))
        self._load_shifts()
        self._on_member_team_changed()

    def _on_scope_failed(self, exc: BaseException) -> None:
        self.sig_problem.emit(error_text(exc))

    def _load_shifts(self) -> None:
        day = self.signin_date.date().toPython()
        team_id = self.signin_team.currentData()

        def load(s):  # noqa: ANN001, ANN202
            return shift_service.list_shifts(s, day, day, team_id=team_id)

        self.ctx.worker.submit(load, self._on_shifts_loaded, self._on_scope_failed, owner=self,
                               label="print shifts")

    def _on_shifts_loaded(self, shifts: list) -> None:
        self.signin_shifts.clear()
        for s in shifts:
            who = s.team or s.grid or ""
            text = arg(self.tr("%1–%2  %3  %4  (%5 on it)"), s.start.strftime("%H:%M"),
                       s.end.strftime("%H:%M"), s.title or s.duty_type, who, s.filled)
            item = QListWidgetItem(text, self.signin_shifts)
            item.setData(ROLE_ID, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        if not shifts:
            item = QListWidgetItem(self.tr("No shifts on this day."), self.signin_shifts)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _on_member_team_changed(self) -> None:
        team_id = self.member_team.currentData()
        self.member_list.clear()
        self.member_list.setVisible(team_id is not None)
        self.member_hint.setVisible(team_id is None)
        if team_id is None:
            return

        def load(s):  # noqa: ANN001, ANN202
            return team_service.members(s, team_id)

        self.ctx.worker.submit(load, self._on_members_loaded, self._on_scope_failed, owner=self,
                               label="print members")

    def _on_members_loaded(self, members: list) -> None:
        self.member_list.clear()
        roles = {"captain": self.tr("captain"), "deputy": self.tr("deputy"), "member": ""}
        for m in members:
            if not m.active:
                continue
            role = roles.get(m.role, "")
            item = QListWidgetItem(f"{m.name}  {role}".rstrip(), self.member_list)
            item.setData(ROLE_ID, m.volunteer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)

    def _shift_week(self, days: int) -> None:
        self.roster_date.setDate(self.roster_date.date().addDays(days))

    def _on_roster_date_changed(self) -> None:
        monday = monday_of(self.roster_date.date().toPython())
        sunday = monday + timedelta(days=6)
        self.roster_week_label.setText(arg(self.tr("%1 (%2 to %3)"),
                                           shift_service.week_label(monday),
                                           monday.strftime("%m-%d"), sunday.strftime("%m-%d")))

    def _on_roster_by_changed(self) -> None:
        by_grid = self.roster_by.currentData() == "grid"
        self.roster_team.setEnabled(not by_grid)
        self.roster_grid.setEnabled(by_grid)

    # -- the request ----------------------------------------------------------------

    def _checked_ids(self, widget: QListWidget) -> tuple[int, ...]:
        ids = []
        for i in range(widget.count()):
            item = widget.item(i)
            if item.data(ROLE_ID) is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(ROLE_ID)))
        return tuple(ids)

    def request(self, kind: str) -> PrintRequest | None:
        """The request of ``kind`` the pages describe; None (after ``sig_problem``) when
        the scope is empty."""
        if kind == "cards":
            grid_ids = None if self.cards_all.isChecked() else self._checked_ids(self.cards_grids)
            if grid_ids == ():
                self.sig_problem.emit(self.tr("Tick at least one grid, or choose all grids."))
                return None
            return PrintRequest("cards", grid_ids=grid_ids, copies=self.cards_copies.value(),
                                backs=self.cards_backs.isChecked())
        if kind == "member_cards":
            team_id = self.member_team.currentData()
            ids = self._checked_ids(self.member_list) if team_id is not None else None
            if ids == ():
                self.sig_problem.emit(self.tr("Tick at least one member."))
                return None
            return PrintRequest("member_cards", team_id=team_id, volunteer_ids=ids)
        if kind == "roster":
            week = self.roster_date.date().toPython()
            if self.roster_by.currentData() == "grid":
                grid_id = self.roster_grid.currentData()
                if grid_id is None:
                    self.sig_problem.emit(self.tr("There are no grids yet."))
                    return None
                return PrintRequest("roster", week=week, grid_id=grid_id)
            return PrintRequest("roster", week=week, team_id=self.roster_team.currentData())
        if kind == "signin":
            ids = self._checked_ids(self.signin_shifts)
            if not ids:
                self.sig_problem.emit(self.tr("There is no ticked shift on this day."))
                return None
            return PrintRequest("signin", shift_ids=ids, day=self.signin_date.date().toPython())
        month = self.hours_month.date().toPython().strftime("%Y-%m")
        return PrintRequest("hours", month=month, team_id=self.hours_team.currentData(),
                            per_volunteer=self.hours_per_volunteer.isChecked())
