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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon, QWidget

from ui.common.context import AppContext
from ui.common.icons import icon
from ui.texts.jobs import notification
from volunteer_app import changes
from volunteer_app.jobs.jobs import JobOutcome
from volunteer_app.jobs.scheduler import SchedulerService

log = logging.getLogger(__name__)

translate = QCoreApplication.translate
TRAY_MESSAGE_MS = 10_000
# Data topics that change what the jobs do or see.
RELOAD_TOPICS = (changes.JOBS, changes.COMMUNITY)

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
        self.ctx.notify_changed(changes.REMINDERS)  # not data: screens showing job state reload

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
