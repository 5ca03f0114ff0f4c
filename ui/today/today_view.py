"""The Today screen (今日): today's and tomorrow's duties with who is on them, the places
still open, the reminders pending, and the duty list as text for the building chat group.

All data comes from one worker task (:func:`volunteer_app.jobs.overview.today_overview`);
the screen reloads when shown, every minute, and when another screen or a background job
announces changes (``ctx.sig_data_changed``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.texts.errors import error_text
from ui.today.scheduler_bridge import SchedulerBridge
from volunteer_app import changes
from volunteer_app.jobs import chat_text
from volunteer_app.jobs.duties import DutyShift
from volunteer_app.jobs.overview import PendingReminder, TodayOverview, today_overview
from volunteer_app.jobs.scheduler import JobInfo, SchedulerService

REFRESH_MS = 60_000
RELOAD_TOPICS = (changes.SHIFTS, changes.VOLUNTEERS, changes.TEAMS, changes.GRIDS, changes.COMMUNITY, changes.REMINDERS, changes.JOBS)
COLOUR_GAP = QColor("#fbe3df")
COLOUR_GAP_TEXT = QColor("#a93226")
COLOUR_FULL_TEXT = QColor("#1e7d43")
COLOUR_PAST_TEXT = QColor("#9a8b84")
COLOUR_SENT = QColor("#1e7d43")
ROLE_SHIFT = Qt.ItemDataRole.UserRole + 1


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _hhmm(moment: datetime) -> str:
    return QLocale().toString(QTime(moment.hour, moment.minute), "HH:mm")


class DayTable(QTableWidget):
    """The shifts of one day: time, duty, team, place, who is on duty, places open."""

    COLUMNS = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Duty"), self.tr("Team"), self.tr("Grid / place"),
            self.tr("On duty"), self.tr("Open places")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        # One line per duty, elided; the full text is in each cell's tooltip.
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, 110)
        header.setMinimumSectionSize(48)
        self.shifts: tuple[DutyShift, ...] = ()

    def set_shifts(self, shifts: Sequence[DutyShift], now: datetime) -> None:
        self.shifts = tuple(shifts)
        self.clearSelection()
        self.setRowCount(len(self.shifts))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, s in enumerate(self.shifts):
            end = s.end.strftime("%H:%M")
            if s.overnight:
                end = arg(self.tr("%1 (next day)"), end)
            place = s.grid or s.location
            place_tip = " ".join(x for x in (s.grid or "", s.location) if x)
            people = "、".join(p.name for p in s.people) or self.tr("nobody yet")
            if s.gap:
                open_text = self.tr("%n short", "", s.gap)
            else:
                open_text = self.tr("Full")
            cells = [f"{s.start:%H:%M}–{end}", s.title or "", s.team or "", place, people, open_text]
            finished = s.ends <= now
            ongoing = s.begins <= now < s.ends
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ROLE_SHIFT, s.shift_id)
                item.setToolTip(place_tip if col == 3 else text)
                if finished:
                    item.setForeground(QBrush(COLOUR_PAST_TEXT))
                elif s.gap:
                    item.setBackground(QBrush(COLOUR_GAP))
                if col == 5 and not finished:
                    item.setForeground(QBrush(COLOUR_GAP_TEXT if s.gap else COLOUR_FULL_TEXT))
                if ongoing and col == 0:
                    item.setFont(bold)
                    item.setToolTip(self.tr("On duty now"))
                self.setItem(row, col, item)

    def selected_shifts(self) -> list[DutyShift]:
        rows = sorted({i.row() for i in self.selectedIndexes()})
        return [self.shifts[r] for r in rows if r < len(self.shifts)]


class TodayView(QWidget):
    """Today's and tomorrow's duties, gaps, pending reminders and the chat-group text."""

    sig_loaded = Signal(object)  # the TodayOverview now shown
    sig_copied = Signal(str)  # text put on the clipboard

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("todayView")
        self.overview: TodayOverview | None = None
        self.jobs: list[JobInfo] = []
        self.jobs_visible = True  # False when the operator's role may not see the jobs
        self._loading = False

        title = QLabel(self.tr("Today"), self)
        title.setObjectName("pageTitle")
        self.date_label = QLabel(self)
        self.date_label.setObjectName("todayDate")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.date_label)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("todaySummary")
        self.summary_label.setWordWrap(True)
        self.jobs_label = QLabel(self)
        self.jobs_label.setObjectName("hint")
        self.jobs_label.setWordWrap(True)

        self.today_box = QGroupBox(self)
        self.today_table = DayTable(self.today_box)
        QVBoxLayout(self.today_box).addWidget(self.today_table)
        self.tomorrow_box = QGroupBox(self)
        self.tomorrow_table = DayTable(self.tomorrow_box)
        QVBoxLayout(self.tomorrow_box).addWidget(self.tomorrow_table)

        self.reminders_box = QGroupBox(self.tr("Reminders for today and tomorrow"), self)
        self.reminders_table = QTableWidget(0, 4, self.reminders_box)
        self.reminders_table.setHorizontalHeaderLabels(
            [self.tr("Remind at"), self.tr("State"), self.tr("Volunteer"), self.tr("Duty")])
        self.reminders_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reminders_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reminders_table.verticalHeader().setVisible(False)
        self.reminders_table.setAlternatingRowColors(True)
        rh = self.reminders_table.horizontalHeader()
        rh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.reminders_hint = QLabel(self.reminders_box)
        self.reminders_hint.setObjectName("hint")
        self.reminders_hint.setWordWrap(True)
        rl = QVBoxLayout(self.reminders_box)
        rl.addWidget(self.reminders_table)
        rl.addWidget(self.reminders_hint)

        self.chat_box = QGroupBox(self.tr("Text for the building chat group"), self)
        self.chat_scope_label = QLabel(self.chat_box)
        self.chat_scope_label.setObjectName("hint")
        self.chat_scope_label.setWordWrap(True)
        self.chat_preview = QPlainTextEdit(self.chat_box)
        self.chat_preview.setObjectName("chatPreview")
        self.chat_preview.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("Copy as text"), self.chat_box)
        self.copy_button.setObjectName("primary")
        self.copy_status = QLabel(self.chat_box)
        self.copy_status.setObjectName("hint")
        cl = QVBoxLayout(self.chat_box)
        cl.addWidget(self.chat_scope_label)
        cl.addWidget(self.chat_preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.copy_status, 1)
        cl.addLayout(row)

        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.today_box)
        left.addWidget(self.tomorrow_box)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.reminders_box)
        right.addWidget(self.chat_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.setObjectName("todaySplitter")
        body.addWidget(left)
        body.addWidget(right)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([700, 480])

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.jobs_label)
        layout.addWidget(body, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy_text)
        self.today_table.itemSelectionChanged.connect(self._on_today_table_selection_changed)
        self.tomorrow_table.itemSelectionChanged.connect(self._on_tomorrow_table_selection_changed)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._set_day_titles(None)
        self.refresh()

    # -- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload today's data (a worker task; the screen keeps what it shows meanwhile)."""
        if self._loading:
            return
        self._loading = True
        db = self.ctx.db

        def load(session):  # noqa: ANN001, ANN202 - runs on the worker thread
            from volunteer_app.security.permissions import may

            # The jobs' settings and runs are for those who manage them (issue 17).
            jobs = SchedulerService(db).list_jobs() if may(session, "jobs.manage") else None
            return today_overview(session), jobs

        self.ctx.worker.submit(load, self._on_loaded, self._on_load_failed, owner=self,
                               label="today")

    def _on_loaded(self, result: tuple[TodayOverview, list[JobInfo] | None]) -> None:
        self._loading = False
        self.overview, jobs = result
        self.jobs_visible = jobs is not None
        self.jobs = jobs or []
        ov = self.overview
        self._set_day_titles(ov)
        locale = QLocale()
        self.date_label.setText(arg(self.tr("%1, updated %2"),
                                    locale.toString(_qdate(ov.today_date), QLocale.FormatType.LongFormat),
                                    _hhmm(ov.now)))
        self.today_table.set_shifts(ov.today, ov.now)
        self.tomorrow_table.set_shifts(ov.tomorrow, ov.now)
        self._show_summary(ov)
        self._show_reminders(ov.reminders)
        self._show_jobs(ov)
        self._update_chat_text()
        self.sig_loaded.emit(ov)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.summary_label.setText(arg(self.tr("Today's duties could not be loaded: %1"),
                                       error_text(exc)))

    def _set_day_titles(self, ov: TodayOverview | None) -> None:
        if ov is None:
            self.today_box.setTitle(self.tr("Today"))
            self.tomorrow_box.setTitle(self.tr("Tomorrow"))
            return
        locale = QLocale()
        for box, label, day, shifts in (
                (self.today_box, self.tr("Today"), ov.today_date, ov.today),
                (self.tomorrow_box, self.tr("Tomorrow"), ov.tomorrow_date, ov.tomorrow)):
            # A Qt date format, translated with the rest (zh_CN: "M月d日 dddd").
            when = locale.toString(_qdate(day), self.tr("dddd, MMMM d"))
            box.setTitle(arg(self.tr("%1 — %2 — %3"), label, when,
                             self.tr("%n duty(s)", "", len(shifts))))

    def _show_summary(self, ov: TodayOverview) -> None:
        def count(shifts: Sequence[DutyShift]) -> tuple[int, int]:
            return len({p.volunteer_id for s in shifts for p in s.people}), sum(s.gap for s in shifts)

        people_today, gaps_today = count(ov.today)
        people_tomorrow, gaps_tomorrow = count(ov.tomorrow)
        def open_places(gaps: int) -> str:
            return self.tr("%n place(s) open", "", gaps) if gaps else self.tr("every place filled")

        parts = [
            arg(self.tr("Today: %1, %2 on duty, %3."),
                self.tr("%n duty(s)", "", len(ov.today)), people_today, open_places(gaps_today)),
            arg(self.tr("Tomorrow: %1, %2 on duty, %3."),
                self.tr("%n duty(s)", "", len(ov.tomorrow)), people_tomorrow,
                open_places(gaps_tomorrow)),
        ]
        self.summary_label.setText("  ".join(parts))

    def _show_reminders(self, reminders: Sequence[PendingReminder]) -> None:
        table = self.reminders_table
        table.setRowCount(len(reminders))
        locale = QLocale()
        for row, r in enumerate(reminders):
            d = r.duty
            when = locale.toString(_qdate(r.remind_at.date()), "M/d") + " " + _hhmm(r.remind_at)
            state = self.tr("Reminded") if r.state == "sent" else self.tr("Due later")
            end = d.end.strftime("%H:%M")
            if d.overnight:
                end = arg(self.tr("%1 (next day)"), end)
            duty = " ".join(x for x in (
                locale.toString(_qdate(d.date), "M/d"), f"{d.start:%H:%M}–{end}",
                d.title or d.team or "", d.grid or "") if x)
            items = [QTableWidgetItem(when), QTableWidgetItem(state), QTableWidgetItem(d.volunteer),
                     QTableWidgetItem(duty)]
            if r.state == "sent":
                items[1].setForeground(QBrush(COLOUR_SENT))
            items[1].setToolTip(self.tr("%n minute(s) before the duty", "", r.lead_minutes))
            for col, item in enumerate(items):
                table.setItem(row, col, item)
        if not self.overview.reminders_enabled:
            self.reminders_hint.setText(self.tr("Duty reminders are switched off in Settings."))
        elif not reminders:
            self.reminders_hint.setText(self.tr("No reminders are due today or tomorrow."))
        else:
            sent = sum(1 for r in reminders if r.state == "sent")
            self.reminders_hint.setText(arg(self.tr("%1 reminded, %2 still to come."),
                                            sent, len(reminders) - sent))

    def _show_jobs(self, ov: TodayOverview) -> None:
        self.jobs_label.setVisible(self.jobs_visible)
        bridge = SchedulerBridge.of(self.ctx)
        jobs = {j.id: j for j in self.jobs}
        reminders = jobs.get("duty_reminders")
        if bridge is None or not bridge.running:
            self.jobs_label.setText(self.tr("Background jobs are not running in this window: "
                                            "reminders are made when the app runs them."))
        elif reminders is None or not reminders.enabled:
            self.jobs_label.setText(self.tr("Duty reminders are switched off."))
        elif reminders.next_run_time is not None:
            nxt = reminders.next_run_time.replace(tzinfo=None)
            self.jobs_label.setText(arg(self.tr("Reminders are on; next check at %1."), _hhmm(nxt)))
        else:
            self.jobs_label.setText(self.tr("Reminders are on."))

    # -- chat text --------------------------------------------------------------------

    def _on_today_table_selection_changed(self) -> None:
        if self.today_table.selectedIndexes():
            self.tomorrow_table.blockSignals(True)
            self.tomorrow_table.clearSelection()
            self.tomorrow_table.blockSignals(False)
        self._update_chat_text()

    def _on_tomorrow_table_selection_changed(self) -> None:
        if self.tomorrow_table.selectedIndexes():
            self.today_table.blockSignals(True)
            self.today_table.clearSelection()
            self.today_table.blockSignals(False)
        self._update_chat_text()

    def chat_shifts(self) -> tuple[list[DutyShift], str]:
        """The shifts the chat text covers and a description of the choice."""
        for table in (self.today_table, self.tomorrow_table):
            chosen = table.selected_shifts()
            if chosen:
                return chosen, self.tr("%n selected duty(s).", "", len(chosen))
        ov = self.overview
        if ov is None:
            return [], ""
        upcoming = [s for s in ov.tomorrow]
        if upcoming:
            return upcoming, self.tr("All of tomorrow's duties; select rows to copy only those.")
        rest = [s for s in ov.today if s.begins > ov.now]
        if rest:
            return rest, self.tr("Today's remaining duties; select rows to copy only those.")
        return [], self.tr("No duties left today or tomorrow.")

    def _update_chat_text(self) -> None:
        shifts, scope = self.chat_shifts()
        today = self.overview.today_date if self.overview else date.today()
        self.chat_scope_label.setText(scope)
        self.chat_preview.setPlainText(chat_text.shifts_text(shifts, today) if shifts else "")
        self.copy_button.setEnabled(bool(shifts))
        self.copy_status.clear()

    def copy_text(self) -> None:
        """Put the duty reminder text on the clipboard for pasting into the chat group."""
        text = self.chat_preview.toPlainText()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self.copy_status.setText(self.tr("Copied. Paste it into the building chat group."))
        self.sig_copied.emit(text)

    # -- changes elsewhere ------------------------------------------------------------

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in RELOAD_TOPICS:
            self.refresh()
