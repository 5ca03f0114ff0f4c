"""One helper for every long task that is not a database unit of work (Anki's ``QueryOp``).

Database work goes to the context's :class:`~ui.common.db_worker.DbWorker` (one thread,
one unit of work a task). Everything else that may take longer than a blink — solving a
roster, typesetting a PDF, opening (and upgrading) a database before a context exists —
runs through :class:`BackgroundOp`::

    BackgroundOp(self, lambda op: solve(problem, cancel=op.cancel_event,
                                        progress=op.progress)) \\
        .success(self._on_solved) \\
        .failure(self._on_solve_failed) \\
        .with_progress(self._on_solver_progress) \\
        .run()

``fn`` runs on a thread of its own and receives an :class:`OpContext`: it reports
progress (any object; reports closer than :data:`PROGRESS_INTERVAL` apart are dropped
unless forced) and asks whether the clerk cancelled. The callbacks run on the UI thread,
and only while the ``parent`` widget is alive: a dialog closed meanwhile never hears of
its task again. ``run()`` returns an :class:`OpHandle` to cancel the task.

Why threads of their own rather than a pool: a solve may run for minutes and must not hold
up a PDF, and a daemon thread never keeps the application from quitting. Why a relay
object: a signal emitted on the task's thread reaches a QObject living on the UI thread as
a queued call, so callbacks may touch widgets freely.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_INTERVAL = 0.05  # seconds between progress reports that reach the UI
_ids = itertools.count(1)
# Relays of running operations: a relay must outlive its thread's last emit.
_running: dict[int, _Relay] = {}


class OpCancelled(Exception):
    """Raised by :meth:`OpContext.check_cancelled` once the clerk asked to stop."""


class OpHandle:
    """Lets the caller stop an operation and see whether it has finished."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.cancel_event = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the task to stop at its next check (it decides what it keeps)."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class OpContext:
    """Handed to the task on its thread: progress reports and the cancel flag."""

    def __init__(self, handle: OpHandle, relay: _Relay) -> None:
        self._handle = handle
        self._relay = relay
        self._last = 0.0

    @property
    def cancel_event(self) -> threading.Event:
        """For core functions that take a ``threading.Event`` to stop (the solver)."""
        return self._handle.cancel_event

    def cancelled(self) -> bool:
        return self._handle.cancelled

    def check_cancelled(self) -> None:
        if self._handle.cancelled:
            raise OpCancelled()

    def progress(self, info: object, force: bool = False) -> None:
        """Report progress (any object the UI callback understands), throttled."""
        now = time.monotonic()
        if force or now - self._last >= PROGRESS_INTERVAL:
            self._last = now
            self._relay.sig_progress.emit(info)


class _Relay(QObject):
    """Lives on the UI thread; the task's thread emits, Qt queues the calls to its slots.

    The callbacks are called from the relay's own slots (not connected directly) so that
    the receiver of every connection is a QObject of the UI thread.
    """

    sig_progress = Signal(object)
    sig_done = Signal(object)
    sig_failed = Signal(object)

    def __init__(self, done: Callable[[object], None], failed: Callable[[BaseException], None],
                 progressed: Callable[[object], None]) -> None:
        super().__init__()
        self._done, self._failed, self._progressed = done, failed, progressed
        self.sig_done.connect(self._on_done)
        self.sig_failed.connect(self._on_failed)
        self.sig_progress.connect(self._on_progress)

    def release(self) -> None:
        """Let go of the callbacks and have Qt delete this relay on the UI thread."""
        noop = lambda *_a: None  # noqa: E731 - a late signal finds nothing to call
        self._done = self._failed = self._progressed = noop
        self.deleteLater()

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._done(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._failed(exc)

    @Slot(object)
    def _on_progress(self, info: object) -> None:
        self._progressed(info)


class BackgroundOp(Generic[T]):
    """A long task off the UI thread with callbacks on it; build, then :meth:`run`."""

    def __init__(self, parent: QObject | None, fn: Callable[[OpContext], T],
                 label: str = "") -> None:
        self._parent = parent
        self._fn = fn
        self._label = label or getattr(fn, "__name__", "operation")
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[Any], None] | None = None

    def success(self, callback: Callable[[T], None]) -> BackgroundOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> BackgroundOp[T]:
        self._on_failure = callback
        return self

    def with_progress(self, callback: Callable[[Any], None]) -> BackgroundOp[T]:
        self._on_progress = callback
        return self

    def run(self) -> OpHandle:
        """Start the task on a thread of its own (call on the UI thread)."""
        handle = OpHandle(self._label)
        key = next(_ids)
        parent, on_success, on_failure, on_progress = (
            self._parent, self._on_success, self._on_failure, self._on_progress)

        def alive() -> bool:
            return parent is None or shiboken6.isValid(parent)

        def finished() -> None:
            handle.done = True
            relay_ = _running.pop(key, None)
            if relay_ is not None:
                # The task's thread may still hold the relay for a moment: it must not be
                # the one that frees the callbacks (they hold screens, whose widgets may
                # only be deleted on this thread), nor the relay (a QObject of this thread).
                relay_.release()

        def done(result: object) -> None:
            finished()
            if alive() and on_success is not None:
                on_success(result)  # type: ignore[arg-type]

        def failed(exc: BaseException) -> None:
            finished()
            if not alive():
                return
            if on_failure is not None:
                on_failure(exc)
            elif not isinstance(exc, OpCancelled):
                log.error("background operation %s failed", handle.label, exc_info=exc)

        def progressed(info: object) -> None:
            if on_progress is not None and not handle.done and alive():
                on_progress(info)

        relay = _Relay(done, failed, progressed)
        _running[key] = relay
        # Taken out by the thread before it reports: the function's closure holds screens
        # too, and dropping the last reference to one must happen on the UI thread.
        task = [self._fn, OpContext(handle, relay)]

        def work() -> None:  # the task's own thread: no widgets here
            fn, context = task
            task.clear()
            try:
                result = fn(context)
            except BaseException as exc:  # delivered to the UI thread
                del fn, context
                relay.sig_failed.emit(exc)
            else:
                del fn, context
                relay.sig_done.emit(result)

        threading.Thread(target=work, name=f"op-{self._label}", daemon=True).start()
        return handle


def run_and_wait(fn: Callable[[OpContext], T], label: str = "") -> T:
    """Run ``fn`` off the UI thread and wait for it, the window still painting meanwhile.

    For the few steps that must finish before the flow around them goes on and that come
    before any screen (opening a database the clerk picked, logging in): the work runs on a
    thread of its own while a local event loop keeps the UI painted; the clerk's input
    waits (no re-entrant clicks). Raises what ``fn`` raised.
    """
    loop = QEventLoop()
    box: dict[str, Any] = {}

    def finish(key: str, value: object) -> None:
        box[key] = value
        loop.quit()

    BackgroundOp(None, fn, label) \
        .success(lambda result: finish("result", result)) \
        .failure(lambda exc: finish("error", exc)) \
        .run()
    # The callbacks are queued to this thread, so they run inside exec(), never before it.
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in box:
        raise box["error"]
    return box["result"]


def running() -> int:
    """How many operations have not reported back yet (tests wait for 0)."""
    return len(_running)
