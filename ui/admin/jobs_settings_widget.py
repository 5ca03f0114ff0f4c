"""Settings of the background jobs: switch each one on or off, time it, run it now.

A self-contained box for the Settings screen::

    from ui.admin.jobs_settings_widget import JobsSettingsWidget
    layout.addWidget(JobsSettingsWidget(ctx, self))

The settings live in the database (``job_setting``), so every PC of the office shares
them. Saving changes the "jobs" topic (announced by the core); the running scheduler
(:class:`ui.today.scheduler_bridge.SchedulerBridge`) then reschedules its jobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
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
from ui.common.i18n import arg
from ui.texts.errors import error_text
from ui.texts.jobs import job_title, outcome_line, reason_text, status_text
from ui.today.scheduler_bridge import SchedulerBridge
from volunteer_app import changes
from volunteer_app.errors import ValidationError
from volunteer_app.jobs import settings as cfg
from volunteer_app.jobs.jobs import JobOutcome
from volunteer_app.jobs.scheduler import JobInfo, SchedulerService
from volunteer_app.services import teams as team_service


@dataclass(frozen=True)
class JobsState:
    """What the widget loads: settings, scheduler state and the teams (for lead times)."""

    configs: tuple[cfg.JobConfig, ...]
    jobs: tuple[JobInfo, ...]
    teams: tuple[tuple[int, str], ...]


def load_state(db, session) -> JobsState:  # noqa: ANN001
    """Runs on the worker thread."""
    configs = tuple(cfg.list_configs(session))
    teams = tuple((t.id, t.name) for t in team_service.list_teams(session))
    return JobsState(configs, tuple(SchedulerService(db).list_jobs()), teams)


class TeamLeadsDialog(QDialog):
    """Lead times of the duty reminders per team; an empty cell means the default."""

    def __init__(self, teams: tuple[tuple[int, str], ...], leads: dict[str, list[int]],
                 default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reminder lead times per team"))
        self.teams = teams
        hint = QLabel(arg(self.tr("Leave a team empty to use the default (%1). "
                                  "Write lead times like 24h, 2h or 90m."), default), self)
        hint.setWordWrap(True)
        self.table = QTableWidget(len(teams), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Team"), self.tr("Lead times")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (team_id, name) in enumerate(teams):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(cfg.lead_text(leads.get(str(team_id), []))))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        # Esc, the close button and Cancel ask before typed lead times are lost.
        self.dirty = DirtyTracker(
            self, lambda: tuple(self.table.item(r, 1).text() for r in range(self.table.rowCount())),
            lambda: self.tr("the reminder lead times per team"))
        self.dirty.mark_clean()
        buttons.rejected.connect(self.dirty.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(460, 380)
        self.result_leads: dict[str, list[int]] = dict(leads)

    def accept(self) -> None:
        out: dict[str, list[int]] = {}
        for row, (team_id, name) in enumerate(self.teams):
            text = self.table.item(row, 1).text()
            try:
                leads = cfg.parse_lead_text(text)
            except ValidationError:
                self.error_label.setText(arg(self.tr("%1: \u201c%2\u201d is not a list of lead "
                                                     "times like 24h, 2h"), name, text))
                return
            if leads:
                out[str(team_id)] = leads
        self.result_leads = out
        super().accept()


class JobRow:
    """The editors of one job in the grid."""

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.enabled: QCheckBox | None = None
        self.every: QComboBox | None = None
        self.day: QComboBox | None = None
        self.at: QTimeEdit | None = None
        self.extra: dict[str, QWidget] = {}
        self.state_label: QLabel | None = None
        self.run_button: QPushButton | None = None


class JobsSettingsWidget(QGroupBox):
    """One row per background job: on/off, when, its own options, next and last run."""

    sig_loaded = Signal()
    sig_saved = Signal()
    sig_ran = Signal(object)  # JobOutcome of a "Run now"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reminders and background jobs"))
        self.setObjectName("jobsSettings")
        self.ctx = ctx
        self.state: JobsState | None = None
        self.team_leads: dict[str, list[int]] = {}
        self.rows: dict[str, JobRow] = {}

        intro = QLabel(self.tr("The jobs run while the app is open. A job that was due while "
                               "the app was closed runs once at the next start, if it is still "
                               "useful. These settings are shared by every computer of the office."),
                       self)
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(3, 1)
        for r, spec in enumerate(cfg.SPECS):
            self.rows[spec.id] = self._build_row(grid, r, spec)
        self.save_button = QPushButton(self.tr("Save job settings"), self)
        self.save_button.setObjectName("primary")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(bottom)

        self.save_button.clicked.connect(self.save)
        self.ctx.sig_data_changed.connect(self._on_ctx_data_changed)
        self.setEnabled(False)
        self.load()

    # -- building ---------------------------------------------------------------------

    def _every_combo(self) -> QComboBox:
        combo = QComboBox(self)
        for minutes in cfg.EVERY_MINUTES_CHOICES:
            combo.addItem(self.tr("every %n minute(s)", "", minutes), minutes)
        return combo

    def _time_edit(self) -> QTimeEdit:
        edit = QTimeEdit(self)
        edit.setDisplayFormat("HH:mm")
        return edit

    def _build_row(self, grid: QGridLayout, r: int, spec: cfg.JobSpec) -> JobRow:
        row = JobRow(spec.id)
        row.enabled = QCheckBox(job_title(spec.id), self)
        grid.addWidget(row.enabled, r, 0)
        when = QHBoxLayout()
        if spec.schedule == "periodic":
            row.every = self._every_combo()
            when.addWidget(row.every)
        elif spec.schedule == "weekly":
            row.day = QComboBox(self)
            locale = QLocale()
            for i, name in enumerate(cfg.DAY_NAMES, 1):
                row.day.addItem(locale.dayName(i), name)
            row.at = self._time_edit()
            when.addWidget(row.day)
            when.addWidget(row.at)
        else:
            when.addWidget(QLabel(self.tr("daily at"), self))
            row.at = self._time_edit()
            when.addWidget(row.at)
        when.addStretch(1)
        grid.addLayout(when, r, 1)
        extra = QHBoxLayout()
        if spec.id == cfg.DUTY_REMINDERS:
            leads = QLineEdit(self)
            leads.setPlaceholderText(self.tr("e.g. 24h, 2h"))
            leads.setToolTip(self.tr("How long before a duty volunteers are reminded"))
            per_team = QPushButton(self.tr("Per team…"), self)
            per_team.clicked.connect(self._on_per_team_clicked)
            row.extra = {"lead_minutes": leads, "per_team": per_team}
            extra.addWidget(QLabel(self.tr("before the duty:"), self))
            extra.addWidget(leads, 1)
            extra.addWidget(per_team)
        elif spec.id == cfg.UNFILLED_ALERTS:
            window = QSpinBox(self)
            window.setRange(1, 14 * 24)
            window.setSuffix(self.tr(" h from now"))
            row.extra = {"window_hours": window}
            extra.addWidget(QLabel(self.tr("alert for shifts starting within"), self))
            extra.addWidget(window)
            extra.addStretch(1)
        elif spec.id == cfg.WEEKLY_PLAN:
            extra.addWidget(QLabel(self.tr("makes next week's shifts from the duty templates"), self))
            extra.addStretch(1)
        elif spec.id == cfg.NIGHTLY_BACKUP:
            keep = QSpinBox(self)
            keep.setRange(1, cfg.MAX_BACKUPS_KEPT)
            keep.setSuffix(self.tr(" copies"))
            folder = QLineEdit(self)
            folder.setPlaceholderText(self.tr("folder “backups” beside the database"))
            folder.setMinimumWidth(200)
            browse = QPushButton(self.tr("Choose…"), self)
            browse.clicked.connect(self._on_browse_clicked)
            row.extra = {"keep": keep, "directory": folder, "browse": browse}
            extra.addWidget(QLabel(self.tr("keep"), self))
            extra.addWidget(keep)
            extra.addWidget(folder, 1)
            extra.addWidget(browse)
        else:
            extra.addStretch(1)
        grid.addLayout(extra, r, 2)
        row.state_label = QLabel(self)
        row.state_label.setObjectName("hint")
        grid.addWidget(row.state_label, r, 3)
        row.run_button = QPushButton(self.tr("Run now"), self)
        row.run_button.clicked.connect(lambda _c=False, j=spec.id: self.run_now(j))
        grid.addWidget(row.run_button, r, 4)
        row.enabled.toggled.connect(lambda on, rr=row: self._set_row_enabled(rr, on))
        return row

    def _set_row_enabled(self, row: JobRow, on: bool) -> None:
        for w in (row.every, row.day, row.at, *row.extra.values()):
            if w is not None:
                w.setEnabled(on)

    # -- loading ----------------------------------------------------------------------

    def load(self) -> None:
        """Read the settings and the scheduler's next run times (worker thread)."""
        db = self.ctx.db
        self.ctx.worker.submit(lambda s: load_state(db, s), self._on_loaded, self._on_failed,
                               owner=self, label="job settings")

    def _on_loaded(self, state: JobsState) -> None:
        self.state = state
        infos = {j.id: j for j in state.jobs}
        for config in state.configs:
            row = self.rows.get(config.job_id)
            if row is None:
                continue
            row.enabled.setChecked(config.enabled)
            self._set_row_enabled(row, config.enabled)
            if row.every is not None:
                row.every.setCurrentIndex(max(0, row.every.findData(int(config.get("every_minutes")))))
            if row.day is not None:
                row.day.setCurrentIndex(max(0, row.day.findData(config.get("day_of_week"))))
            if row.at is not None:
                at = config.at
                row.at.setTime(QTime(at.hour, at.minute))
            if config.job_id == cfg.DUTY_REMINDERS:
                row.extra["lead_minutes"].setText(cfg.lead_text(config.get("lead_minutes")))
                self.team_leads = dict(config.get("team_lead_minutes") or {})
                self._show_team_leads()
            elif config.job_id == cfg.UNFILLED_ALERTS:
                row.extra["window_hours"].setValue(int(config.get("window_hours")))
            elif config.job_id == cfg.NIGHTLY_BACKUP:
                row.extra["keep"].setValue(int(config.get("keep")))
                row.extra["directory"].setText(str(config.get("directory") or ""))
            self._show_state(row, infos.get(config.job_id))
        self.setEnabled(True)
        self.sig_loaded.emit()

    def _show_team_leads(self) -> None:
        button = self.rows[cfg.DUTY_REMINDERS].extra["per_team"]
        n = len(self.team_leads)
        button.setText(self.tr("Per team (%n)…", "", n) if n else self.tr("Per team…"))

    def _show_state(self, row: JobRow, info: JobInfo | None) -> None:
        parts = []
        locale = QLocale()
        if info is not None and info.enabled and info.next_run_time is not None:
            nxt = info.next_run_time.replace(tzinfo=None)
            parts.append(arg(self.tr("next %1"), _short(locale, nxt)))
        if info is not None and info.last_run is not None:
            last = info.last_run
            text = arg(self.tr("last %1 %2"), _short(locale, last.started_at), status_text(last.status))
            reason = last.summary.get("reason") if isinstance(last.summary, dict) else ""
            if reason and last.status != "ok":
                text += f" ({reason_text(reason)})"
            parts.append(text)
        row.state_label.setText(" · ".join(parts) if parts else self.tr("not run yet"))
        if info is not None and info.last_run is not None and info.last_run.error:
            row.state_label.setToolTip(info.last_run.error)

    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(error_text(exc))
        self.setEnabled(True)

    # -- editing ----------------------------------------------------------------------

    def _on_per_team_clicked(self) -> None:
        if self.state is None:
            return
        row = self.rows[cfg.DUTY_REMINDERS]
        default = row.extra["lead_minutes"].text() or cfg.lead_text(cfg.SPEC_BY_ID[cfg.DUTY_REMINDERS].defaults["lead_minutes"])
        dialog = TeamLeadsDialog(self.state.teams, self.team_leads, default, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.team_leads = dialog.result_leads
            self._show_team_leads()

    def _on_browse_clicked(self) -> None:
        edit = self.rows[cfg.NIGHTLY_BACKUP].extra["directory"]
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the nightly backups"),
                                                  edit.text())
        if chosen:
            edit.setText(chosen)

    def collect(self) -> dict[str, tuple[bool, dict]]:
        """The edited settings: job id -> (enabled, options). Raises ValidationError."""
        out = {}
        for job_id, row in self.rows.items():
            options: dict = {}
            if row.every is not None:
                options["every_minutes"] = int(row.every.currentData())
            if row.day is not None:
                options["day_of_week"] = row.day.currentData()
            if row.at is not None:
                t = row.at.time()
                options["time"] = time(t.hour(), t.minute()).strftime("%H:%M")
            if job_id == cfg.DUTY_REMINDERS:
                options["lead_minutes"] = cfg.parse_lead_text(row.extra["lead_minutes"].text())
                options["team_lead_minutes"] = dict(self.team_leads)
            elif job_id == cfg.UNFILLED_ALERTS:
                options["window_hours"] = row.extra["window_hours"].value()
            elif job_id == cfg.NIGHTLY_BACKUP:
                options["keep"] = row.extra["keep"].value()
                options["directory"] = row.extra["directory"].text().strip()
            out[job_id] = (row.enabled.isChecked(), options)
        return out

    def save(self) -> None:
        """Store every job's settings in one unit of work, then reschedule the jobs."""
        try:
            edited = self.collect()
        except ValidationError as exc:
            self._show_problems(exc)
            return

        # The versions read: another administrator's save meanwhile is stale, not overwritten.
        seen = {c.job_id: c.version for c in self.state.configs} if self.state else {}

        def store(session):  # noqa: ANN001, ANN202 - worker thread
            for job_id, (enabled, options) in edited.items():
                cfg.save_config(session, job_id, enabled=enabled, options=options,
                                expected_version=seen.get(job_id))

        self.save_button.setEnabled(False)
        self.ctx.worker.submit(store, self._on_saved, self._on_save_failed, owner=self,
                               label="save job settings")

    def _on_saved(self, _result: object) -> None:
        self.save_button.setEnabled(True)
        self.status_label.setText(self.tr("Saved. The jobs run on the new schedule."))
        # The core announced "jobs": the scheduler reschedules (its slot runs first).
        self.load()
        self.sig_saved.emit()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_problems(exc)
        else:
            self.status_label.setText(error_text(exc))

    def _show_problems(self, exc: ValidationError) -> None:
        texts = {
            "lead_minutes": self.tr("Lead times must be 1 to 5 values like 24h, 2h or 90m, "
                                    "each at most 7 days."),
            "team_lead_minutes": self.tr("A team's lead times must be like 24h, 2h or 90m."),
            "window_hours": self.tr("The alert window must be 1 to 336 hours."),
            "keep": self.tr("Keep between 1 and 365 backups."),
        }
        lines = [texts.get(p.field, arg(self.tr("%1 is not valid."), p.field)) for p in exc.problems]
        self.status_label.setText("\n".join(dict.fromkeys(lines)))

    # -- running ----------------------------------------------------------------------

    def run_now(self, job_id: str) -> None:
        """Run a job at once (off the UI thread) and show what it did."""
        bridge = SchedulerBridge.of(self.ctx)
        service = bridge.service if bridge is not None else SchedulerService(self.ctx.db)
        self.rows[job_id].run_button.setEnabled(False)
        self.status_label.setText(arg(self.tr("%1 is running…"), job_title(job_id)))
        self.ctx.worker.submit(lambda: service.run_now(job_id), self._on_ran,
                               lambda exc, j=job_id: self._on_run_failed(j, exc),
                               with_session=False, owner=self, label=f"run {job_id}")

    def _on_ran(self, outcome: JobOutcome) -> None:
        self.rows[outcome.job_id].run_button.setEnabled(True)
        text = outcome_line(outcome)
        if outcome.status == "ok":
            text += " " + self.tr("(%n new notice(s))", "", len(outcome.notices))
        if outcome.error:
            text += f"\n{outcome.error}"
        self.status_label.setText(text)
        self.load()
        self.sig_ran.emit(outcome)

    def _on_run_failed(self, job_id: str, exc: BaseException) -> None:
        self.rows[job_id].run_button.setEnabled(True)
        self.status_label.setText(error_text(exc))

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in (changes.TEAMS, changes.COMMUNITY):
            self.load()


def _short(locale: QLocale, moment: datetime) -> str:
    """``11/30 02:30`` in the UI locale's style."""
    day = locale.toString(QDate(moment.year, moment.month, moment.day), "M/d")
    return f"{day} {moment:%H:%M}"
