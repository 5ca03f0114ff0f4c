"""Auto-fill a week's roster: solve off the UI thread, preview the proposal as a diff, apply
it as one batch (undoable) or discard it.

Threads: reading the week (and, later, applying or undoing) are short database tasks on
``ctx.worker``. The solve itself takes up to the time limit and needs no database, so it
runs as a :class:`~ui.common.operations.BackgroundOp`: the database worker stays free for
the other screens, and progress and the result arrive on the UI thread. Cancel sets the
Event the solver watches; it stops within a fraction of a second and hands back the best
proposal found so far (never an invalid one).

Usage from the planner::

    dialog = AutofillDialog(ctx, monday, team_id=None, grid_id=None, parent=self)
    dialog.sig_applied.connect(...)      # batch id; the core announced "shifts"
    dialog.open()
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.common.operations import BackgroundOp, OpContext, OpHandle
from ui.texts.errors import error_text
from volunteer_app.errors import AppError
from volunteer_app.scheduling.autofill.problem import Progress
from volunteer_app.scheduling.autofill.solver import DEFAULT_TIME_LIMIT
from volunteer_app.scheduling.conflicts import MIN_REST
from volunteer_app.scheduling.explain import NO_MEMBERS, Gap
from volunteer_app.services import autofill as svc

NEW_BRUSH = QBrush(QColor("#d5f5e3"))  # proposed assignments
EMPTY_BRUSH = QBrush(QColor("#fdedec"))  # places left empty


class AutofillDialog(QDialog):
    """Propose a fair fill for a week (optionally one team or grid); apply or discard it."""

    sig_solved = Signal(object)  # AutofillResult, on the UI thread
    sig_progress = Signal(object)  # the solver's Progress, on the UI thread
    sig_applied = Signal(int)  # batch id
    sig_undone = Signal(int)  # batch id
    sig_failed = Signal(str)  # a message shown to the coordinator

    def __init__(self, ctx: AppContext, week_start: date, team_id: int | None = None,
                 grid_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scope = svc.Scope.week(week_start, team_id, grid_id)
        # The current proposal (None before the first solve). Not "result": QDialog.result().
        self.outcome: svc.AutofillResult | None = None
        self.labels: svc.Labels | None = None
        self.batch_id: int | None = None
        self._solve: OpHandle | None = None  # the search running (or finished last)
        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(200)
        self._elapsed_timer.timeout.connect(self._on_timer_tick)
        self._started = 0.0
        self._phase = ""
        self._last_progress: Progress | None = None
        self._rows: list[tuple] = []
        self._busy = False
        self.state = "idle"

        self.setObjectName("autofillDialog")
        self.setWindowTitle(self.tr("Auto-fill the roster"))
        self.resize(1040, 680)

        self.scope_label = QLabel(self)
        self.scope_label.setObjectName("heading")
        self.time_spin = QSpinBox(self)
        self.time_spin.setRange(2, 600)
        self.time_spin.setValue(int(DEFAULT_TIME_LIMIT))
        self.time_spin.setSuffix(self.tr(" s"))
        self.rest_spin = QDoubleSpinBox(self)
        self.rest_spin.setRange(0, 24)
        self.rest_spin.setDecimals(1)
        self.rest_spin.setSingleStep(0.5)
        self.rest_spin.setValue(MIN_REST.total_seconds() / 3600)
        self.rest_spin.setSuffix(self.tr(" h"))
        # Off by default: nobody is placed outside the times they offered unless the
        # coordinator chooses so here (issue 18.6); each such placement is then marked.
        self.outside_check = QCheckBox(self.tr("Allow placing volunteers outside the times "
                                               "they offered"), self)
        self.outside_check.setObjectName("autofillOutsideAvailability")
        self.outside_check.setChecked(self.scope.allow_outside_availability)
        self.solve_button = QPushButton(self.tr("Propose again"), self)
        options = QHBoxLayout()
        options.addWidget(self.scope_label, 1)
        options.addWidget(QLabel(self.tr("Search at most"), self))
        options.addWidget(self.time_spin)
        options.addWidget(QLabel(self.tr("Minimum rest between duties"), self))
        options.addWidget(self.rest_spin)
        options.addWidget(self.outside_check)
        options.addWidget(self.solve_button)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("autofillProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Stop and keep the best so far"), self)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("hint")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.roster_table = self._table([self.tr("Day"), self.tr("Time"), self.tr("Duty"),
                                         self.tr("Team"), self.tr("Grid"), self.tr("Volunteer"),
                                         self.tr("Change")])
        self.roster_table.setObjectName("autofillRoster")
        self.changes_only = QCheckBox(self.tr("Show only what the fill changes"), self)
        roster_page = QWidget(self)
        roster_layout = QVBoxLayout(roster_page)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.addWidget(self.changes_only)
        roster_layout.addWidget(self.roster_table, 1)
        self.gaps_table = self._table([self.tr("Day"), self.tr("Time"), self.tr("Duty"),
                                       self.tr("Team"), self.tr("Empty places"), self.tr("Why")])
        self.gaps_table.setObjectName("autofillGaps")
        self.gaps_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(roster_page, self.tr("Proposed roster"))
        self.tabs.addTab(self.gaps_table, self.tr("Left empty"))

        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("primary")
        self.apply_button.setToolTip(self.tr("Write every proposed assignment at once; the whole "
                                             "fill can be undone later."))
        self.undo_button = QPushButton(self.tr("Undo this fill"), self)
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.setToolTip(self.tr("Close without writing anything."))
        self.close_button = QPushButton(self.tr("Close"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.solve_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.stop)
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        self.discard_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self.changes_only.toggled.connect(self._on_changes_only_toggled)
        self._set_state("idle")
        self._show_scope()
        QTimer.singleShot(0, self.start)

    # -- helpers ------------------------------------------------------------------------

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _set_state(self, state: str) -> None:
        """idle | loading | solving | proposed | writing | applied."""
        self._busy = state in ("loading", "solving", "writing")
        self.progress.setVisible(state in ("loading", "solving", "writing"))
        self.cancel_button.setVisible(state == "solving")
        self.cancel_button.setEnabled(state == "solving")
        self.solve_button.setEnabled(state in ("idle", "proposed"))
        self.time_spin.setEnabled(state in ("idle", "proposed"))
        self.rest_spin.setEnabled(state in ("idle", "proposed"))
        self.outside_check.setEnabled(state in ("idle", "proposed"))
        has_new = bool(self.outcome and self.outcome.proposal.assignments)
        self.apply_button.setVisible(state != "applied")
        self.apply_button.setEnabled(state == "proposed" and has_new)
        self.undo_button.setVisible(state == "applied")
        self.discard_button.setVisible(state != "applied")
        self.discard_button.setEnabled(state != "writing")
        self.close_button.setVisible(state == "applied")
        self.state = state

    @property
    def busy(self) -> bool:
        """Loading, solving or writing."""
        return self._busy

    def _show_scope(self) -> None:
        iso = self.scope.date_from.isocalendar()
        week = arg(self.tr("Week %1 of %2 (%3 to %4)"), iso[1], iso[0],
                   self.scope.date_from.isoformat(), self.scope.date_to.isoformat())
        parts = [week]
        if self.labels is not None and self.scope.team_id is not None:
            parts.append(arg(self.tr("team %1"), self.labels.teams.get(self.scope.team_id, "")))
        if self.labels is not None and self.scope.grid_id is not None:
            parts.append(arg(self.tr("grid %1"), self._grid_name(self.scope.grid_id)))
        self.scope_label.setText(self.tr(", ").join(parts))

    def _grid_name(self, grid_id: int) -> str:
        if self.labels is not None:
            for s in self.labels.shifts.values():
                if s.grid_id == grid_id and s.grid:
                    return s.grid
        return str(grid_id)

    def _summary(self, text: str, ok: bool | None) -> None:
        self.summary_label.setText(text)
        self.summary_label.setObjectName(
            "hint" if ok is None else ("okHeading" if ok else "problemsHeading"))
        self.summary_label.style().unpolish(self.summary_label)
        self.summary_label.style().polish(self.summary_label)

    # -- solving --------------------------------------------------------------------------

    def start(self) -> None:
        """Read the week on the database worker, then solve on a thread of its own."""
        if self.busy or self.state == "applied":
            return
        self.outcome = None
        self._fill_tables()
        self._set_state("loading")
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Reading the week\u2026"))
        self._summary(self.tr("Reading the week's duties, volunteers and their availability\u2026"),
                      None)
        scope = self.scope = replace(self.scope,
                                     allow_outside_availability=self.outside_check.isChecked())
        rest = timedelta(hours=self.rest_spin.value())

        def load(session):  # noqa: ANN001, ANN202 (database worker thread)
            problem = svc.build_problem(session, scope, min_rest=rest)
            return problem, svc.labels(session, problem)

        self.ctx.worker.submit(load, self._on_loaded, self._on_load_failed, owner=self,
                               label="autofill load")

    def _on_loaded(self, loaded: tuple) -> None:
        problem, self.labels = loaded
        self._show_scope()
        self._set_state("solving")
        limit = float(self.time_spin.value())
        self.progress.setRange(0, int(limit * 10))
        self.progress.setValue(0)
        self._phase = "greedy"
        self._last_progress = None
        self._update_progress_text()
        self._summary(self.tr("Searching for the fairest fill. You can stop at any time and "
                              "keep the best proposal found so far."), None)
        scope = self.scope

        def work(op: OpContext) -> svc.AutofillResult:  # its own thread: no database, no widgets
            # Every phase change counts: forced, so the throttle never drops one.
            return svc.propose(scope, problem, time_limit=limit, cancel=op.cancel_event,
                               progress=lambda info: op.progress(info, force=True))

        self._started = time.monotonic()
        self._elapsed_timer.start()
        handle: OpHandle | None = None

        def current(callback):  # noqa: ANN001, ANN202 (results of an older search are dropped)
            return lambda value: callback(value) if handle is self._solve else None

        handle = self._solve = (
            BackgroundOp(self, work, label="autofill-solve")
            .success(current(self._on_solver_done))
            .failure(current(self._on_solver_failed))
            .with_progress(current(self._on_solver_progress))
            .run())

    def _on_load_failed(self, exc: BaseException) -> None:
        self._set_state("idle")
        msg = error_text(exc)
        self._summary(msg, False)
        self.sig_failed.emit(msg)

    def stop(self) -> None:
        """Stop the search; the best proposal so far arrives shortly after."""
        if self._solve is not None and not self._solve.done:
            self._solve.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(self.tr("Stopping; keeping the best proposal so far\u2026"))

    def _on_timer_tick(self) -> None:
        elapsed = time.monotonic() - self._started
        self.progress.setValue(min(self.progress.maximum(), int(elapsed * 10)))

    def _on_solver_progress(self, info: Progress) -> None:
        if self.state != "solving":
            return
        self.sig_progress.emit(info)
        self._phase = info.phase
        self._last_progress = info
        self._update_progress_text()

    def _update_progress_text(self) -> None:
        if self._solve is not None and self._solve.cancelled:
            return
        text = {
            "greedy": self.tr("Making a first fill\u2026"),
            "coverage": self.tr("Filling as many places as possible\u2026"),
            "fairness": self.tr("Balancing the load between volunteers\u2026"),
            "preferences": self.tr("Preferring home grids and last week's volunteers\u2026"),
            "done": self.tr("Finishing\u2026"),
        }.get(self._phase, "")
        info = self._last_progress
        if info is not None and info.needed:
            text = arg(self.tr("%1 %2 of %3 places"), text, info.filled, info.needed)
        self.progress.setFormat(text)

    def _on_solver_done(self, result: svc.AutofillResult) -> None:
        self._elapsed_timer.stop()
        self.outcome = result
        self._set_state("proposed")
        self._fill_tables()
        p = result.proposal
        quality = (self.tr("This is the best possible fill.") if p.status == "optimal" else
                   self.tr("This is the best fill found in the time given."))
        if p.cancelled:
            quality = self.tr("The search was stopped; this is the best fill found so far.")
        text = arg(self.tr("%1 of %2 places filled: %3 already assigned, %4 proposed, %5 left "
                           "empty. Busiest and least busy volunteer differ by %6 hours "
                           "(this week and the four before). %7"),
                   p.filled, p.needed, p.pinned, len(p.assignments), p.needed - p.filled,
                   f"{p.spread_minutes / 60:.1f}", quality)
        if not p.assignments:
            text = arg(self.tr("Nothing to add: %1 of %2 places are filled and nobody else can "
                               "take the empty ones (see \u201cLeft empty\u201d)."),
                       p.filled, p.needed) if p.filled < p.needed else \
                self.tr("Nothing to add: every place of this week is already filled.")
        if p.outside:  # the coordinator allowed it; say how often it was used
            text += "\n" + arg(self.tr("%1 of the proposed duties are outside the times the "
                                        "volunteer offered (marked in the roster)."), len(p.outside))
        if p.clashes:  # reported, the rest filled around them (they used to stop the fill)
            lines = [self.tr("These existing duties break hard rules; they were left as they "
                             "are and the rest was filled around them. Release or correct them:")]
            lines += [self._pin_problem_text(c) for c in p.clashes]
            text += "\n" + "\n".join(lines)
        self._summary(text, p.filled == p.needed and not p.clashes)
        if p.assignments:
            self.changes_only.setChecked(False)
        self.sig_solved.emit(result)

    def _on_solver_failed(self, exc: BaseException) -> None:
        self._elapsed_timer.stop()
        self._set_state("idle")
        msg = error_text(exc)
        self._summary(msg, False)
        self.sig_failed.emit(msg)

    def _pin_problem_text(self, p) -> str:  # noqa: ANN001
        reason = {
            "inactive": self.tr("no longer active"),
            "on_leave": self.tr("on leave"),
            "not_member": self.tr("not a member of the duty's team"),
            "overlap": self.tr("on another duty at the same time"),
            "full": self.tr("the duty has more volunteers than it needs"),
        }.get(p.code, p.code)
        return arg(self.tr("%1, %2: %3"), self._shift_text(p.shift_id),
                   self._volunteer_name(p.volunteer_id), reason)

    # -- showing the proposal -------------------------------------------------------------

    def _volunteer_name(self, vid: int) -> str:
        if self.labels is None:
            return str(vid)
        return self.labels.volunteers.get(vid) or str(vid)

    def _shift_text(self, sid: int) -> str:
        sl = self.labels.shifts.get(sid) if self.labels else None
        if sl is None:
            return str(sid)
        return arg(self.tr("%1 %2 %3-%4 %5"), sl.date.isoformat(), self._weekday(sl.date),
                   sl.start, sl.end, sl.title or sl.team)

    def _weekday(self, day: date) -> str:
        return {
            0: self.tr("Mon"), 1: self.tr("Tue"), 2: self.tr("Wed"), 3: self.tr("Thu"),
            4: self.tr("Fri"), 5: self.tr("Sat"), 6: self.tr("Sun"),
        }[day.weekday()]

    def _fill_tables(self) -> None:
        rows: list[tuple] = []  # (sort key, cells, kind)
        gaps: list[Gap] = []
        if self.outcome is not None and self.labels is not None:
            pins: dict[int, list[int]] = {}
            for sid, vid in self.outcome.problem.pins:
                pins.setdefault(sid, []).append(vid)
            new: dict[int, list[int]] = {}
            outside = set(self.outcome.proposal.outside)
            for sid, vid in self.outcome.proposal.assignments:
                new.setdefault(sid, []).append(vid)
            gaps = list(self.outcome.gaps)
            open_by_shift = {g.shift_id: g for g in gaps}
            for sid, sl in self.labels.shifts.items():
                key = (sl.date, sl.start, sl.title, sid)
                base = [f"{sl.date.isoformat()} {self._weekday(sl.date)}", f"{sl.start}-{sl.end}",
                        sl.title, sl.team, sl.grid]
                for vid in pins.get(sid, []):
                    rows.append((key + (0,), base + [self._volunteer_name(vid),
                                                     self.tr("already assigned")], "pinned"))
                for vid in new.get(sid, []):
                    change = (self.tr("new, outside their offered times") if (sid, vid) in outside
                              else self.tr("new"))
                    rows.append((key + (1,), base + [self._volunteer_name(vid), change], "new"))
                gap = open_by_shift.get(sid)
                if gap is not None:
                    for _ in range(gap.open):
                        rows.append((key + (2,), base + ["\u2014", self.tr("left empty")], "empty"))
        rows.sort(key=lambda r: r[0])
        self._rows = rows
        self._render_roster()
        self._fill_gaps(gaps)
        n_new = sum(1 for r in rows if r[2] == "new")
        self.tabs.setTabText(0, arg(self.tr("Proposed roster (%1 new)"), n_new))
        self.tabs.setTabText(1, arg(self.tr("Left empty (%1)"), sum(g.open for g in gaps)))

    def _render_roster(self) -> None:
        rows = self._rows
        if self.changes_only.isChecked():
            rows = [r for r in rows if r[2] != "pinned"]
        table = self.roster_table
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for r, (_key, cells, kind) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, kind)
                if kind == "new":
                    item.setBackground(NEW_BRUSH)
                    item.setFont(bold)
                elif kind == "empty":
                    item.setBackground(EMPTY_BRUSH)
                table.setItem(r, c, item)

    def _on_changes_only_toggled(self, _checked: bool) -> None:
        self._render_roster()

    def _fill_gaps(self, gaps: list[Gap]) -> None:
        table = self.gaps_table
        table.setRowCount(len(gaps))
        for r, g in enumerate(gaps):
            sl = self.labels.shifts.get(g.shift_id) if self.labels else None
            cells = [f"{sl.date.isoformat()} {self._weekday(sl.date)}" if sl else "",
                     f"{sl.start}-{sl.end}" if sl else "", sl.title if sl else "",
                     sl.team if sl else "", str(g.open), self.gap_text(g)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 5:
                    item.setToolTip(text)
                table.setItem(r, c, item)

    def gap_text(self, gap: Gap) -> str:
        """Why a shift's places stayed empty, in the UI language."""
        team = self.labels.teams.get(gap.team_id, "") if (self.labels and gap.team_id) else ""
        if gap.code == NO_MEMBERS:
            return (arg(self.tr("%1 has no members."), team) if gap.team_id is not None
                    else self.tr("There are no active volunteers."))
        who = (arg(self.tr("%1 has %n member(s)", "", gap.pool), team) if gap.team_id is not None
               else self.tr("%n active volunteer(s)", "", gap.pool))
        rest = self.outcome.problem.min_rest if self.outcome else MIN_REST
        parts = [self._reason_phrase(code, n, rest) for code, n in gap.counts]
        return arg(self.tr("%1: %2"), who, self.tr(", ").join(parts)) if parts else who

    def _reason_phrase(self, code: str, n: int, rest: timedelta) -> str:
        if code == "assigned_here":
            return self.tr("%n already on this duty", "", n)
        if code == "declined":
            return self.tr("%n cancelled this duty", "", n)
        if code == "left":
            return self.tr("%n no longer active", "", n)
        if code == "on_leave":
            return self.tr("%n on leave", "", n)
        if code == "unavailable":
            return self.tr("%n marked unavailable", "", n)
        if code == "busy":
            return self.tr("%n already on a duty at that time", "", n)
        if code == "rest":
            hours = f"{rest.total_seconds() / 3600:g}"
            return arg(self.tr("%n would rest less than %1 hours between duties", "", n), hours)
        if code == "day_limit":
            return self.tr("%n at their daily maximum of duties", "", n)
        if code == "week_limit":
            return self.tr("%n at their weekly maximum of duties", "", n)
        if code == "outside_availability":
            return self.tr("%n did not offer that time", "", n)
        if code == "not_chosen":
            return self.tr("%n could still serve (the search was stopped early)", "", n)
        return f"{code} ({n})"

    # -- apply, undo, close -----------------------------------------------------------------

    def apply(self) -> None:
        """Write the proposal in one unit of work, as one batch that can be undone."""
        result = self.outcome
        if result is None or self.busy or not result.proposal.assignments:
            return
        self._set_state("writing")
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Writing the assignments\u2026"))
        self.ctx.worker.submit(lambda s: svc.apply(s, result), self._on_applied,
                               self._on_apply_failed, owner=self, label="autofill apply")

    def _on_applied(self, applied: svc.AppliedFill) -> None:
        self.batch_id = applied.batch_id
        self._set_state("applied")
        self._summary(arg(self.tr("%1 assignments were written. You can undo the whole fill "
                                  "with \u201cUndo this fill\u201d."), applied.created), True)
        self.sig_applied.emit(applied.batch_id)

    def _on_apply_failed(self, exc: BaseException) -> None:
        self._set_state("proposed")
        if isinstance(exc, AppError) and exc.code == "autofill_stale":
            msg = self.tr("The roster changed since this proposal was made, so nothing was "
                          "written. Press \u201cPropose again\u201d for a new proposal.")
            self.apply_button.setEnabled(False)
        else:
            msg = error_text(exc)
        self._summary(msg, False)
        self.sig_failed.emit(msg)

    def undo(self) -> None:
        """Remove every assignment of the applied fill (one unit of work)."""
        batch = self.batch_id
        if batch is None or self.busy:
            return
        self._set_state("writing")
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Removing the fill\u2026"))
        self.ctx.worker.submit(lambda s: svc.undo(s, batch), self._on_undone,
                               self._on_undo_failed, owner=self, label="autofill undo")

    def _on_undone(self, removed: int) -> None:
        batch, self.batch_id = self.batch_id, None
        self._set_state("proposed")
        self._summary(arg(self.tr("The fill was undone: %1 assignments removed."), removed), None)
        self.sig_undone.emit(batch or 0)

    def _on_undo_failed(self, exc: BaseException) -> None:
        self._set_state("applied")
        if isinstance(exc, AppError) and exc.code == "autofill_undo_recorded":
            msg = arg(self.tr("The fill cannot be undone: %1 of its duties already have "
                              "attendance recorded."), exc.details.get("count", ""))
        else:
            msg = error_text(exc)
        self._summary(msg, False)
        self.sig_failed.emit(msg)

    def done(self, result: int) -> None:  # noqa: D102 (Qt override: closing stops the search)
        if self._solve is not None:
            self._solve.cancel()
        self._elapsed_timer.stop()
        super().done(result)

    # -- for tests and the planner -----------------------------------------------------

    def roster_rows(self) -> list[tuple[str, str]]:
        """(volunteer, change) of every row shown in the proposed roster."""
        t = self.roster_table
        return [(t.item(r, 5).text(), t.item(r, 6).text()) for r in range(t.rowCount())]

    def row_kinds(self) -> list[str]:
        """pinned / new / empty for every row shown."""
        t = self.roster_table
        return [t.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(t.rowCount())]
