"""The background jobs of the open database, running while the window is open.

:class:`SchedulerBridge` owns the core :class:`~volunteer_app.jobs.scheduler.SchedulerService`
of one :class:`~ui.common.context.AppContext`:

* it starts the scheduler off the UI thread (on the context's database worker) and stops
  it cleanly, waiting for a running job, when the window closes or the database changes;
* jobs run on APScheduler's own worker thread and never touch widgets: the service calls
  back on that thread, and the bridge forwards each outcome through a queued Qt signal
  (:attr:`SchedulerBridge.sig_outcome`), so everything after that runs on the UI thread;
* new reminders and alerts are shown as a system-tray notification where the desktop has
  a tray; what a job wrote (reminders, duties) the core announces to the screens itself
  (see :mod:`volunteer_app.changes`).

Wiring (one call in ``ui/app.py`` after the main window is made)::

    from ui.today.scheduler_bridge import attach_to_window
    attach_to_window(window)

Screens find the running bridge with :meth:`SchedulerBridge.of` (it is a child of the
context). Saving job settings changes the ``"jobs"`` topic; the bridge then reschedules
the jobs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon, QWidget

from ui.common.context import AppContext
from ui.common.i18n import arg
from ui.common.icons import icon
from volunteer_app.jobs.jobs import JobOutcome, Notice
from volunteer_app.jobs.scheduler import SchedulerService

log = logging.getLogger(__name__)

translate = QCoreApplication.translate
TRAY_MESSAGE_MS = 10_000
MAX_LINES_IN_TRAY = 5
# Data topics that change what the jobs do or see.
RELOAD_TOPICS = ("jobs", "community")

JOB_TITLES = {
    "duty_reminders": QT_TRANSLATE_NOOP("Jobs", "Upcoming-duty reminders"),
    "unfilled_alerts": QT_TRANSLATE_NOOP("Jobs", "Unfilled-shift alerts"),
    "overdue_requests": QT_TRANSLATE_NOOP("Jobs", "Overdue residents' requests"),
    "weekly_plan": QT_TRANSLATE_NOOP("Jobs", "Weekly plan from the duty templates"),
    "nightly_backup": QT_TRANSLATE_NOOP("Jobs", "Nightly database backup"),
}
STATUS_TEXT = {
    "ok": QT_TRANSLATE_NOOP("Jobs", "done"),
    "failed": QT_TRANSLATE_NOOP("Jobs", "failed"),
    "skipped": QT_TRANSLATE_NOOP("Jobs", "skipped"),
    "not_available": QT_TRANSLATE_NOOP("Jobs", "not available"),
    "already_done": QT_TRANSLATE_NOOP("Jobs", "already done"),
    "running": QT_TRANSLATE_NOOP("Jobs", "running"),
}
REASON_TEXT = {
    "requests_not_available": QT_TRANSLATE_NOOP("Jobs", "residents' requests are not part of this version"),
    "not_sqlite": QT_TRANSLATE_NOOP("Jobs", "only database files on this computer are backed up by this job"),
    "missed": QT_TRANSLATE_NOOP("Jobs", "missed while the app was closed"),
}


def job_title(job_id: str) -> str:
    """The job's name in the UI language."""
    return translate("Jobs", JOB_TITLES[job_id]) if job_id in JOB_TITLES else job_id


def status_text(status: str) -> str:
    return translate("Jobs", STATUS_TEXT[status]) if status in STATUS_TEXT else status


def reason_text(reason: str) -> str:
    return translate("Jobs", REASON_TEXT[reason]) if reason in REASON_TEXT else reason


def _when(data: dict) -> str:
    overnight = data.get("overnight")
    end = data.get("end", "")
    if overnight:
        end = arg(translate("Jobs", "%1 next day"), end)
    return f"{data.get('date', '')} {data.get('start', '')}-{end}"


def notice_text(notice: Notice) -> str:
    """One line describing a notice in the UI language."""
    d = notice.data
    if notice.kind == "duty_reminder":
        what = d.get("title") or d.get("team") or ""
        return arg(translate("Jobs", "%1: duty %2 %3 (reminded %4 min before)"),
                   d.get("volunteer", ""), _when(d), what, d.get("lead_minutes", ""))
    if notice.kind == "unfilled_shift":
        what = d.get("title") or d.get("team") or ""
        return arg(translate("Jobs", "%1 %2 needs %3 more (%4 of %5 filled)"),
                   _when(d), what, d.get("gap", ""), d.get("filled", ""), d.get("needed", ""))
    if notice.kind == "overdue_request":
        return arg(translate("Jobs", "Request of %1 (%2) is %3 h overdue"),
                   d.get("resident", ""), d.get("building", ""), d.get("hours_late", ""))
    if notice.kind == "plan_generated":
        return arg(translate("Jobs", "Week %1: %2 shifts made from the templates (%3 were there)"),
                   d.get("week", ""), d.get("created", 0), d.get("existing", 0))
    if notice.kind == "backup_made":
        removed = len(d.get("removed") or [])
        return arg(translate("Jobs", "Backup written: %1 (%2 old copies removed)"),
                   d.get("file", ""), removed)
    return notice.kind


def notification(outcome: JobOutcome) -> tuple[str, str] | None:
    """Title and text of the tray notification for a run, or None when nothing is new."""
    notices = outcome.notices
    if outcome.status == "failed":
        return (arg(translate("Jobs", "%1 failed"), job_title(outcome.job_id)), outcome.error)
    if outcome.status != "ok" or not notices:
        return None
    titles = {
        "duty_reminders": translate("Jobs", "%n duty reminder(s)", "", len(notices)),
        "unfilled_alerts": translate("Jobs", "%n shift(s) short of volunteers", "", len(notices)),
        "overdue_requests": translate("Jobs", "%n overdue request(s)", "", len(notices)),
    }
    title = titles.get(outcome.job_id, job_title(outcome.job_id))
    lines = [notice_text(n) for n in notices[:MAX_LINES_IN_TRAY]]
    if len(notices) > MAX_LINES_IN_TRAY:
        lines.append(arg(translate("Jobs", "... and %1 more"), len(notices) - MAX_LINES_IN_TRAY))
    return title, "\n".join(lines)


class SchedulerBridge(QObject):
    """Runs the background jobs of one AppContext and brings their outcomes to the UI thread."""

    sig_outcome = Signal(object)  # JobOutcome of every run (UI thread)
    sig_notified = Signal(str, str)  # title, text of a notification that was shown
    sig_started = Signal()
    sig_stopped = Signal()
    sig_failed = Signal(object)  # exception raised while starting or running a job by hand
    _sig_relay = Signal(object)  # emitted on scheduler threads, delivered queued

    def __init__(self, ctx: AppContext, *, tray: bool = True) -> None:
        super().__init__(ctx)
        self.setObjectName("schedulerBridge")
        self.ctx = ctx
        self.service = SchedulerService(ctx.db, on_outcome=self._on_service_outcome)
        self._sig_relay.connect(self._on_relay_outcome)
        self._tray: QSystemTrayIcon | None = None
        self._tray_enabled = tray
        self._state = "stopped"  # stopped, starting, running
        ctx.sig_data_changed.connect(self._on_ctx_data_changed)

    @staticmethod
    def of(ctx: AppContext) -> SchedulerBridge | None:
        """The bridge running for ``ctx``, if one was attached."""
        return ctx.findChild(SchedulerBridge, "schedulerBridge")

    @property
    def running(self) -> bool:
        return self._state == "running"

    # -- life cycle -------------------------------------------------------------------

    def start(self) -> None:
        """Start the scheduler on the database worker thread (missed jobs then catch up)."""
        if self._state != "stopped":
            return
        self._state = "starting"
        self.ctx.worker.submit(self._start_on_worker, self._on_started, self._on_start_failed,
                               with_session=False, owner=self, label="start scheduler")

    def _start_on_worker(self) -> None:
        # Runs on the worker thread; a stop() that came first wins (the service's own lock
        # makes a stop() during the start wait for it and then shut it down).
        if self._state == "starting":
            self.service.start()

    def _on_started(self, _result: object) -> None:
        if self._state != "starting":  # stopped meanwhile
            self.service.shutdown(wait=False)
            return
        self._state = "running"
        self._ensure_tray()
        self.sig_started.emit()
        self.ctx.notify_changed("reminders")  # screens showing job state reload

    def _on_start_failed(self, exc: BaseException) -> None:
        self._state = "stopped"
        log.error("the scheduler did not start", exc_info=exc)
        self.sig_failed.emit(exc)

    def stop(self, wait: bool = True) -> None:
        """Stop the scheduler; with ``wait`` a job that is running finishes first."""
        self._state = "stopped"
        self.service.shutdown(wait=wait)
        if self._tray is not None:
            self._tray.hide()
        self.sig_stopped.emit()

    def reload(self) -> None:
        """Apply changed job settings to the running scheduler (on the worker thread)."""
        if self._state == "running":
            self.ctx.worker.submit(lambda: self.service.reload(), None, self.sig_failed.emit,
                                   with_session=False, owner=self, label="reload jobs")

    def run_now(self, job_id: str) -> None:
        """Run a job at once, off the UI thread; its outcome arrives through ``sig_outcome``."""
        self.ctx.worker.submit(lambda: self.service.run_now(job_id), None, self.sig_failed.emit,
                               with_session=False, owner=self, label=f"run {job_id}")

    # -- outcomes ---------------------------------------------------------------------

    def _on_service_outcome(self, outcome: JobOutcome) -> None:
        # Called on a scheduler or worker thread: only hand the outcome on.
        self._sig_relay.emit(outcome)

    def _on_relay_outcome(self, outcome: JobOutcome) -> None:
        if outcome.status == "already_done":
            return
        self.sig_outcome.emit(outcome)  # what the job wrote, the core announced itself
        shown = notification(outcome)
        if shown is not None:
            self._notify(*shown)

    def _ensure_tray(self) -> None:
        if self._tray is None and self._tray_enabled and QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon("app"), self)
            self._tray.setToolTip(translate("Jobs", "Volunteer brigade scheduler: reminders are on"))
        if self._tray is not None:
            self._tray.show()

    def _notify(self, title: str, text: str) -> None:
        if self._tray is not None and self._tray.isVisible():
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information,
                                   TRAY_MESSAGE_MS)
        self.sig_notified.emit(title, text)

    def _on_ctx_data_changed(self, topic: str) -> None:
        if topic in RELOAD_TOPICS:
            self.reload()


class _CloseWatcher(QObject):
    """Stops the bridge when the window is about to close, before the context is closed."""

    def __init__(self, window: QWidget, attach: _Attachment) -> None:
        super().__init__(window)
        self._attach = attach

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close and self._attach.bridge is not None:
            self._attach.bridge.stop(wait=True)
        return False


class _Attachment(QObject):
    """Keeps one bridge running for whichever context the window currently has."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bridge: SchedulerBridge | None = None

    def start_for(self, ctx: AppContext) -> SchedulerBridge:
        if self.bridge is not None:
            self.bridge.stop(wait=True)
        self.bridge = SchedulerBridge(ctx)
        self.bridge.start()
        return self.bridge

    def _on_window_context_replaced(self, ctx: AppContext) -> None:
        self.start_for(ctx)


def attach_to_window(window: QMainWindow) -> SchedulerBridge:
    """Run the background jobs while ``window`` is open, for its current database.

    The window must have ``ctx`` and may have ``sig_context_replaced(ctx)`` (switching
    database); closing the window stops the scheduler before the context is closed.
    """
    attachment = _Attachment(window)
    bridge = attachment.start_for(window.ctx)
    window.installEventFilter(_CloseWatcher(window, attachment))
    replaced = getattr(window, "sig_context_replaced", None)
    if replaced is not None:
        replaced.connect(attachment._on_window_context_replaced)
    return bridge


def outcome_line(outcome: JobOutcome) -> str:
    """``<job>: <status> (<reason>)`` in the UI language, for status labels."""
    text = arg(translate("Jobs", "%1: %2"), job_title(outcome.job_id), status_text(outcome.status))
    if outcome.reason and outcome.status != "ok":
        text += f" ({reason_text(outcome.reason)})"
    return text


def notices_text(notices: Sequence[Notice]) -> str:
    """Several notices, one per line."""
    return "\n".join(notice_text(n) for n in notices)
