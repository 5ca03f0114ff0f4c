"""Database work on one background thread, results delivered on the UI thread (Anki style).

Every task is a function that takes a SQLAlchemy session and returns plain data::

    ctx.worker.submit(
        lambda s: volunteers.fetch_rows(s, ids),   # runs on the worker thread
        on_success=self._on_rows_loaded,           # called on the UI thread with the result
        on_failure=self._on_load_failed,           # called on the UI thread with the exception
        owner=self,                                # callbacks are dropped once self is deleted
    )

Each task runs in its own unit of work (``with db.session() as s``): it commits when the
function returns and rolls back when it raises. Tasks run one after another in the order
they were submitted, so a screen never sees an older result after a newer one. Tasks
submitted with ``background=True`` (prefetching, warming caches) run only when no
ordinary task is waiting, so they never delay what the clerk is waiting for by more than
the one background task already running.

Long tasks (imports) use :meth:`DbWorker.submit_long`: the function also receives a
:class:`TaskContext` to report progress and to ask whether the clerk pressed Cancel; a
cancelled task raises :class:`TaskCancelled` (or the core's own cancel exception) and its
unit of work is rolled back, so nothing is written.

Why a plain Python thread: the work is blocking database I/O; the thread never touches
widgets. Results travel back through a queued Qt signal to an object that lives on the UI
thread, so callbacks may update widgets freely.
"""

from __future__ import annotations

import collections
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from volunteer_app.db import Database

log = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.05  # seconds between progress reports that reach the UI


class TaskCancelled(Exception):
    """The task was cancelled before or while it ran; its unit of work was rolled back."""


class TaskHandle:
    """Returned by submit: lets the caller cancel a queued or running task."""

    def __init__(self, task_id: int, label: str) -> None:
        self.id = task_id
        self.label = label
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop; a queued task is skipped, a long task stops at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class TaskContext:
    """Handed to long tasks on the worker thread: progress reports and the cancel flag."""

    def __init__(self, job: _Job, relay: _Relay) -> None:
        self._job = job
        self._relay = relay
        self._last = 0.0

    def progress(self, done: int, total: int = 0, force: bool = False) -> None:
        """Report ``done`` of ``total`` units (total 0 = unknown); throttled to ~20 per second."""
        now = time.monotonic()
        if force or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._relay.sig_progress.emit((self._job, done, total))

    def cancelled(self) -> bool:
        """Whether the clerk asked to cancel."""
        return self._job.handle.cancelled

    def check_cancelled(self) -> None:
        """Raise TaskCancelled when the clerk asked to cancel."""
        if self._job.handle.cancelled:
            raise TaskCancelled()


@dataclass
class _Job:
    fn: Callable[..., Any]
    handle: TaskHandle
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int], None] | None = None
    owner: QObject | None = None
    with_session: bool = True
    long: bool = False
    result: Any = None
    error: BaseException | None = None
    extra: dict = field(default_factory=dict)


class _Relay(QObject):
    """Lives on the UI thread; signals emitted by the worker thread are queued to it."""

    sig_done = Signal(object)
    sig_progress = Signal(object)


class DbWorker(QObject):
    """One background thread that runs database tasks in submission order."""

    sig_busy_changed = Signal(bool)  # True while tasks are queued or running
    sig_unhandled_error = Signal(object)  # an exception of a task submitted without on_failure

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # (priority, sequence, job): 0 = ordinary, 1 = background, 2 = stop.
        self._queue: queue.PriorityQueue[tuple[int, int, _Job | None]] = queue.PriorityQueue()
        self._seq = itertools.count()
        self._ids = itertools.count(1)
        self._pending = 0
        self._relay = _Relay()
        # Finished jobs, handed to the UI thread one per sig_done (see _run).
        self._finished: collections.deque[_Job] = collections.deque()
        self._relay.sig_done.connect(self._on_relay_done)
        self._relay.sig_progress.connect(self._on_relay_progress)
        self._thread = threading.Thread(target=self._run, name="db-worker", daemon=True)
        self._stopped = False
        self._thread.start()

    # -- submitting -------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        with_session: bool = True,
        label: str = "",
        background: bool = False,
    ) -> TaskHandle:
        """Run ``fn(session)`` (or ``fn()`` with ``with_session=False``) on the worker thread."""
        return self._put(_Job(fn, TaskHandle(next(self._ids), label), on_success, on_failure,
                              owner=owner, with_session=with_session), background)

    def submit_long(
        self,
        fn: Callable[..., Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        *,
        owner: QObject | None = None,
        with_session: bool = True,
        label: str = "",
    ) -> TaskHandle:
        """Run ``fn(session, task)`` where ``task`` is a :class:`TaskContext`."""
        return self._put(_Job(fn, TaskHandle(next(self._ids), label), on_success, on_failure,
                              on_progress=on_progress, owner=owner, with_session=with_session,
                              long=True), False)

    def _put(self, job: _Job, background: bool) -> TaskHandle:
        if self._stopped:
            # A widget that outlives its database (e.g. a timer firing while the window
            # closes) must not crash the app: the task is dropped, no callback runs.
            log.debug("task %s submitted after shutdown: dropped", job.handle.label)
            job.handle.cancel()
            job.handle.done = True
            return job.handle
        self._pending += 1
        if self._pending == 1:
            self.sig_busy_changed.emit(True)
        self._queue.put((1 if background else 0, next(self._seq), job))
        return job.handle

    @property
    def pending(self) -> int:
        """Tasks queued or running whose callbacks have not run yet."""
        return self._pending

    def run_sync(self, fn: Callable[..., Any], timeout: float | None = None) -> Any:
        """Run ``fn(session)`` on the worker thread and wait for it (start-up and tests only).

        Blocks the UI thread, so screens must not use it for work a clerk triggers.
        """
        done = threading.Event()
        box: dict[str, Any] = {}

        def call(session: Any) -> None:
            try:
                box["result"] = fn(session)
            except BaseException as exc:  # re-raised on the calling thread below
                box["error"] = exc
                raise
            finally:
                done.set()

        self.submit(call, lambda _r: None, lambda _e: None)
        if not done.wait(timeout):
            raise TimeoutError("database task did not finish in time")
        if "error" in box:
            raise box["error"]
        return box.get("result")

    # -- worker thread ----------------------------------------------------------------

    def _run(self) -> None:
        while True:
            _priority, _seq, job = self._queue.get()
            if job is None:
                return
            try:
                if job.handle.cancelled:
                    raise TaskCancelled()
                args: list[Any] = []
                if job.long:
                    args.append(TaskContext(job, self._relay))
                if job.with_session:
                    with self.db.session() as session:
                        job.result = job.fn(session, *args)
                else:
                    job.result = job.fn(*args)
            except BaseException as exc:  # delivered to on_failure on the UI thread
                job.error = exc
            # The worker must never hold the last reference to a job: its callbacks and
            # closures hold screens, and a screen freed on this thread deletes its Qt
            # widgets off the UI thread, which crashes (a discarded dialog whose load
            # finished: the next task dequeued here dropped it; issue 16, the segfault in
            # test_planner_dialogs_ask). So the job goes into a queue the UI thread takes
            # from, one per signal, and this thread lets go of it before signalling.
            self._finished.append(job)
            job = args = None
            self._relay.sig_done.emit(None)

    # -- UI thread --------------------------------------------------------------------

    def _owner_gone(self, job: _Job) -> bool:
        return job.owner is not None and not shiboken6.isValid(job.owner)

    def _on_relay_progress(self, payload: tuple[_Job, int, int]) -> None:
        job, done, total = payload
        if job.on_progress is not None and not job.handle.done and not self._owner_gone(job):
            job.on_progress(done, total)

    def _on_relay_done(self, _none: object = None) -> None:
        job = self._finished.popleft()  # the one this signal was sent for (both in order)
        job.handle.done = True
        self._pending -= 1
        try:
            if self._owner_gone(job):
                return
            if self._stopped and isinstance(job.error, TaskCancelled):
                return  # dropped by shutdown: the screens that asked are going away
            if job.error is None:
                if job.on_success is not None:
                    job.on_success(job.result)
            elif job.on_failure is not None:
                job.on_failure(job.error)
            elif isinstance(job.error, TaskCancelled):
                log.debug("task %s cancelled", job.handle.label or job.handle.id)
            else:
                log.error("database task %s failed", job.handle.label or job.handle.id,
                          exc_info=job.error)
                self.sig_unhandled_error.emit(job.error)
        finally:
            if self._pending == 0:
                self.sig_busy_changed.emit(False)

    @property
    def stopped(self) -> bool:
        return self._stopped

    def shutdown(self, wait: bool = True, timeout: float = 30.0) -> None:
        """Stop accepting tasks (later ones are dropped); queued tasks are cancelled and
        the running one finishes."""
        if self._stopped:
            return
        self._stopped = True
        drained = []
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item[2] is not None:
                item[2].handle.cancel()
                drained.append(item)
        for item in drained:  # the thread skips them as cancelled, without touching the db
            self._queue.put(item)
        self._queue.put((2, next(self._seq), None))
        if wait:
            self._thread.join(timeout)
