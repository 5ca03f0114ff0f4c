"""The planner's holiday table: which days of a year are statutory holidays and which are
make-up working days, as the week grid and shift generation see them.

A change (a day or a range, e.g. the whole Spring Festival break in one entry) is shown
with the duties it affects before it is applied (:mod:`.holiday_effects_dialog`) and is
applied with them as one change that "Undo last change" takes back (issue 18). Estimated
days of a year without official data are marked 预计 until the year is confirmed.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.dirty import DirtyTracker
from ui.common.forms import within_years
from ui.common.i18n import arg
from ui.planner.colours import COLOUR_HARD, COLOUR_SOFT
from ui.planner.holiday_effects_dialog import REPLAN, HolidayEffectsDialog
from ui.texts.planner import WEEKDAYS, holiday_text, planner_error_text, tr_planner
from volunteer_app.errors import ValidationError
from volunteer_app.scheduling.holidays import HOLIDAY, DayInfo
from volunteer_app.services import holiday_changes as changes
from volunteer_app.services import holidays as holiday_service


class HolidaysDialog(QDialog):
    """The holiday table of one year: statutory holidays and make-up working days, editable.

    Rows come from chinese_calendar where it has data; the clerk adds regional holidays
    (e.g. 藏历新年), corrects days, and for a year without published data enters the
    schedule and marks the year complete, which removes the planner's notice.
    """

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year = year
        self.rows: list[holiday_service.HolidayRow] = []
        self.last_change: int | None = None  # the change "Undo last change" takes back
        self._expected: dict[date, int] = {}
        self.setObjectName("plannerHolidaysDialog")
        self.setWindowTitle(self.tr("Holidays and make-up working days"))
        self.resize(640, 560)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2004, 2100)
        self.year_spin.setValue(year)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Kind"), self.tr("Name"), self.tr("Source")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for col in (0, 1, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate(year, 1, 1))
        # The last day of a range (the Spring Festival break in one entry); the first day
        # alone when it is not after it.
        self.to_edit = QDateEdit(self)
        self.to_edit.setCalendarPopup(True)
        self.to_edit.setDisplayFormat("yyyy-MM-dd")
        self.to_edit.setDate(QDate(year, 1, 1))
        within_years(self.year_spin, self.date_edit, self.to_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Holiday (day off)"), "holiday")
        self.kind_combo.addItem(self.tr("Make-up working day"), "workday")
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. 藏历新年"))
        self.set_button = QPushButton(self.tr("Add / change"), self)
        self.remove_button = QPushButton(self.tr("Make ordinary day"), self)
        self.undo_button = QPushButton(self.tr("Undo last change"), self)
        self.undo_button.setEnabled(False)
        self.confirm_button = QPushButton(self.tr("Mark year complete"), self)
        self.confirm_button.setToolTip(self.tr(
            "Declare that the table now holds this year's official schedule (removes the notice)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # Esc, the close button and Close ask before a day typed in but not added is lost.
        self.dirty = DirtyTracker(self, self.form_values, lambda: arg(
            self.tr("the holiday entry for %1"), self.date_edit.date().toString("yyyy-MM-dd")))
        close.rejected.connect(self.dirty.cancel)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        top.addWidget(self.confirm_button)
        edit = QHBoxLayout()
        edit.addWidget(self.date_edit)
        edit.addWidget(QLabel(self.tr("to"), self))
        edit.addWidget(self.to_edit)
        edit.addWidget(self.kind_combo)
        edit.addWidget(self.name_edit, 1)
        edit.addWidget(self.set_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

        self.year_spin.valueChanged.connect(self._on_year_spin_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.set_button.clicked.connect(self._on_set_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_clicked)
        self.undo_button.clicked.connect(self._on_undo_clicked)
        self.date_edit.dateChanged.connect(self._on_from_changed)
        self.load()

    def load(self) -> None:
        year = self.year
        self.ctx.worker.submit(lambda s: (holiday_service.list_holidays(s, year), holiday_service.year_status(s, year)),
                               lambda res: self._on_loaded(year, *res), self._on_failed, owner=self)

    def _on_loaded(self, year: int, rows: list[holiday_service.HolidayRow], status: holiday_service.YearStatus) -> None:
        if year != self.year:
            return
        self.rows = rows
        if status.source == "chinese_calendar":
            self.status_label.setText(self.tr("Official schedule from chinese_calendar; your changes are kept."))
        elif status.source == "manual":
            self.status_label.setText(self.tr("Entered by hand and marked complete."))
        elif status.estimated:
            self.status_label.setText(self.tr(
                "No official data for this year yet: the days marked estimated are computed from "
                "the lunar calendar (bridging days and make-up working days are not). Enter the "
                "published schedule, then mark the year complete."))
        else:
            self.status_label.setText(self.tr(
                "No official data for this year yet: planning uses weekends plus the days below. "
                "Enter the published schedule, then mark the year complete."))
        self.confirm_button.setEnabled(status.source is None)
        self.table.setRowCount(len(rows))
        for r, h in enumerate(rows):
            day = QTableWidgetItem(f"{h.date:%Y-%m-%d} {tr_planner(WEEKDAYS[h.date.weekday()])}")
            day.setData(Qt.ItemDataRole.UserRole, h.date.isoformat())
            kind = QTableWidgetItem(self.tr("Holiday") if h.kind == "holiday" else self.tr("Make-up working day"))
            kind.setForeground(QBrush(COLOUR_HARD if h.kind == "holiday" else COLOUR_SOFT))
            info = DayInfo(h.date, HOLIDAY, h.code, h.name)
            self.table.setItem(r, 0, day)
            self.table.setItem(r, 1, kind)
            self.table.setItem(r, 2, QTableWidgetItem(holiday_text(info)))
            source = (self.tr("estimated") if h.estimated else self.tr("chinese_calendar")
                      if h.source == "chinese_calendar" else self.tr("by hand"))
            self.table.setItem(r, 3, QTableWidgetItem(source))
        self.remove_button.setEnabled(False)
        self.dirty.mark_clean()

    def form_values(self) -> tuple:
        """The day in the editor, for noticing changes not added to the table."""
        return (self.date_edit.date().toString("yyyy-MM-dd"), self.to_edit.date().toString("yyyy-MM-dd"),
                self.kind_combo.currentData(), self.name_edit.text())

    def _on_from_changed(self, q: QDate) -> None:
        if self.to_edit.date() < q or self.to_edit.date().year() != q.year():
            self.to_edit.setDate(q)

    def _on_year_spin_changed(self, year: int) -> None:
        self.year = year
        self.date_edit.setDate(QDate(year, 1, 1))
        self.load()

    def _selected(self) -> holiday_service.HolidayRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _on_table_selection_changed(self) -> None:
        h = self._selected()
        self.remove_button.setEnabled(h is not None)
        if h is not None:
            self.date_edit.setDate(QDate(h.date.year, h.date.month, h.date.day))
            self.to_edit.setDate(QDate(h.date.year, h.date.month, h.date.day))
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(h.kind))
            self.name_edit.setText(h.name)
            self.dirty.mark_clean()

    def _run(self, fn) -> None:  # noqa: ANN001
        self.ctx.worker.submit(fn, lambda _r: self._on_saved(), self._on_failed, owner=self)

    def _on_set_clicked(self) -> None:
        q, t = self.date_edit.date(), self.to_edit.date()
        first, last = date(q.year(), q.month(), q.day()), date(t.year(), t.month(), t.day())
        kind, name = self.kind_combo.currentData(), self.name_edit.text()
        try:
            edits = changes.edits_for_range(first, max(first, last), kind, name)
        except ValidationError as exc:  # a range too long: said like any refusal
            self._on_failed(exc)
            return
        self._change(edits)

    def _on_remove_clicked(self) -> None:
        h = self._selected()
        if h is not None:
            self._change([changes.HolidayEdit(h.date, None)])

    def _change(self, edits: list[changes.HolidayEdit]) -> None:
        """Show the duties the change affects, then apply it as the clerk chooses."""
        # The days as the table showed them (0: no entry): another clerk's save meanwhile
        # is stale.
        shown = {h.date: h.version for h in self.rows}
        self._expected = {e.date: shown.get(e.date, 0) for e in edits if e.date.year == self.year}
        self.ctx.worker.submit(lambda s: changes.holiday_change_effects(s, edits),
                               lambda eff: self._on_effects(edits, eff), self._on_failed, owner=self)

    def _on_effects(self, edits: list[changes.HolidayEdit], effects: changes.HolidayEffects) -> None:
        if effects.empty and not effects.kept:
            choice: str | None = REPLAN  # no duty moves: just the table
        else:
            choice = HolidayEffectsDialog(effects, self).ask()
        if choice is None:
            return
        replan, expected = choice == REPLAN, dict(self._expected)
        self.ctx.worker.submit(lambda s: changes.apply_holiday_change(s, edits, replan=replan,
                                                                     expected_versions=expected),
                               self._on_applied, self._on_failed, owner=self)

    def _on_applied(self, result: changes.HolidayChangeResult) -> None:
        self.last_change = result.change_id
        self._on_saved()
        if result.removed or result.added:
            self.status_label.setText(arg(self.tr("Applied: %1 duties removed, %2 added. Undo last change takes it back."),
                                          len(result.removed), len(result.added)))

    def _on_undo_clicked(self) -> None:
        change = self.last_change
        if change is not None:
            self.last_change = None
            self._run(lambda s: changes.undo_holiday_change(s, change))

    def _on_confirm_clicked(self) -> None:
        year = self.year
        self._run(lambda s: holiday_service.confirm_year(s, year))

    def _on_saved(self) -> None:
        self.undo_button.setEnabled(self.last_change is not None)
        self.sig_changed.emit()
        self.load()

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(planner_error_text(exc))
