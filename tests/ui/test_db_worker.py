"""The database worker: order, results on the UI thread, failures, cancel, progress."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from volunteer_app.errors import NotFoundError
from volunteer_app.services import volunteers as vol_service


def test_results_arrive_in_order_on_the_ui_thread(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    main = threading.get_ident()
    seen: list[tuple[int, bool]] = []
    for n in range(50):
        empty_ctx.worker.submit(lambda s, n=n: (n, threading.get_ident() != main),
                                lambda r: seen.append((r[0], r[1] and threading.get_ident() == main)))
    wait_idle(empty_ctx)
    assert seen == [(n, True) for n in range(50)]


def test_failure_rolls_back_and_reaches_on_failure(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    errors: list[BaseException] = []

    def task(s):  # noqa: ANN001, ANN202
        vol_service.create(s, vol_service.VolunteerData(name="回滚", mobile="13500000001"))
        vol_service.get(s, 999_999)  # raises: the whole unit of work rolls back

    empty_ctx.worker.submit(task, lambda _r: None, errors.append)
    wait_idle(empty_ctx)
    assert isinstance(errors[0], NotFoundError)
    with empty_ctx.db.session() as s:
        assert vol_service.count(s) == 0


def test_unhandled_failure_is_signalled(empty_ctx, qtbot) -> None:  # noqa: ANN001
    with qtbot.waitSignal(empty_ctx.worker.sig_unhandled_error) as blocker:
        empty_ctx.worker.submit(lambda s: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)


def test_cancelled_queued_task_never_runs(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.common.db_worker import TaskCancelled

    gate = threading.Event()
    ran: list[str] = []
    failures: list[BaseException] = []
    empty_ctx.worker.submit(lambda s: gate.wait(5), with_session=True)
    handle = empty_ctx.worker.submit(lambda s: ran.append("x"), on_failure=failures.append)
    handle.cancel()
    gate.set()
    wait_idle(empty_ctx)
    assert ran == []
    assert isinstance(failures[0], TaskCancelled)


def test_long_task_reports_progress_and_stops_on_cancel(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    from ui.common.db_worker import TaskCancelled

    progress: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    started = threading.Event()

    def task(s, t):  # noqa: ANN001, ANN202
        started.set()
        for i in range(10_000):
            t.progress(i, 10_000, force=i == 0)
            t.check_cancelled()
            threading.Event().wait(0.001)

    handle = empty_ctx.worker.submit_long(task, None, failures.append,
                                          lambda d, n: progress.append((d, n)))
    qtbot.waitUntil(lambda: bool(progress))
    handle.cancel()
    wait_idle(empty_ctx)
    assert isinstance(failures[0], TaskCancelled)
    assert progress[0] == (0, 10_000)


def test_callbacks_of_a_deleted_owner_are_dropped(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    import shiboken6

    owner = QObject()
    got: list[int] = []
    gate = threading.Event()
    empty_ctx.worker.submit(lambda s: gate.wait(5))
    empty_ctx.worker.submit(lambda s: 1, got.append, owner=owner)
    shiboken6.delete(owner)
    gate.set()
    wait_idle(empty_ctx)
    assert got == []


def test_tasks_after_shutdown_are_dropped(empty_ctx, qtbot) -> None:  # noqa: ANN001
    empty_ctx.worker.shutdown()
    got: list[object] = []
    handle = empty_ctx.worker.submit(lambda s: 1, got.append, got.append)
    assert handle.cancelled and handle.done
    qtbot.wait(50)
    assert got == [] and empty_ctx.worker.pending == 0


def test_background_tasks_wait_for_ordinary_ones(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    gate = threading.Event()
    order: list[str] = []
    empty_ctx.worker.submit(lambda s: gate.wait(5))  # hold the thread while we queue
    empty_ctx.worker.submit(lambda s: "bg1", order.append, background=True)
    empty_ctx.worker.submit(lambda s: "fg1", order.append)
    empty_ctx.worker.submit(lambda s: "bg2", order.append, background=True)
    empty_ctx.worker.submit(lambda s: "fg2", order.append)
    gate.set()
    wait_idle(empty_ctx)
    assert order == ["fg1", "fg2", "bg1", "bg2"]


def test_shutdown_with_queued_tasks_reports_no_errors(empty_ctx, qtbot) -> None:  # noqa: ANN001
    gate = threading.Event()
    errors: list[object] = []
    calls: list[object] = []
    empty_ctx.worker.sig_unhandled_error.connect(errors.append)
    empty_ctx.worker.submit(lambda s: gate.wait(5))
    for _ in range(3):
        empty_ctx.worker.submit(lambda s: 1, calls.append)  # no on_failure
    empty_ctx.worker.submit(lambda s: 1, calls.append, calls.append)
    threading.Timer(0.05, gate.set).start()
    empty_ctx.worker.shutdown(wait=True)
    qtbot.wait(100)
    assert errors == [] and calls == []  # cancelled by the shutdown: nobody is told


def test_a_task_that_writes_announces_its_topics_on_the_ui_thread(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    """Screens learn what changed from the core: no screen calls notify_changed for data."""
    main = threading.get_ident()
    heard: list[tuple[str, bool]] = []
    empty_ctx.sig_data_changed.connect(lambda t: heard.append((t, threading.get_ident() == main)))
    empty_ctx.worker.submit(lambda s: vol_service.create(
        s, vol_service.VolunteerData(name="新人", mobile="13500000002")))
    wait_idle(empty_ctx)
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert ("volunteers", True) in heard
    assert all(on_ui for _t, on_ui in heard)
    assert "shifts" not in {t for t, _ in heard}


def test_a_commit_on_another_thread_reaches_the_screens(empty_ctx, qtbot) -> None:  # noqa: ANN001
    """A scheduled job commits on its own thread; the screens still hear of it."""
    def job() -> None:
        with empty_ctx.db.session() as s:
            vol_service.create(s, vol_service.VolunteerData(name="夜班", mobile="13500000003"))

    with qtbot.waitSignal(empty_ctx.sig_data_changed, timeout=5000,
                          check_params_cb=lambda t: t == "volunteers"):
        threading.Thread(target=job).start()


def test_a_failed_task_announces_nothing(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    heard: list[str] = []
    empty_ctx.sig_data_changed.connect(heard.append)

    def task(s):  # noqa: ANN001, ANN202
        vol_service.create(s, vol_service.VolunteerData(name="回滚", mobile="13500000004"))
        vol_service.get(s, 999_999)

    empty_ctx.worker.submit(task, None, lambda _e: None)
    wait_idle(empty_ctx)
    qtbot.wait(50)
    assert heard == []


def test_a_closed_context_stops_listening(app, db) -> None:  # noqa: ANN001
    from ui.common.context import AppContext

    context = AppContext(db)
    context.close()
    assert db._listeners == []


class _Screen:
    """Stands for a screen a task's closures hold: records the thread that frees it."""

    freed_on: list[str] = []

    def __del__(self) -> None:
        _Screen.freed_on.append(threading.current_thread().name)


def test_a_screen_held_only_by_a_finished_task_is_freed_on_the_ui_thread(empty_ctx, qtbot, wait_idle) -> None:  # noqa: ANN001
    """A dialog discarded while its load ran was freed by the worker thread when it took
    the next task: Qt widgets deleted off the UI thread crash (the segfault of
    test_planner_dialogs_ask). The worker must never hold the last reference."""
    import gc

    _Screen.freed_on.clear()
    gc.disable()  # only reference counting decides where the screen goes
    try:
        for failing in (False, True):
            screen = _Screen()

            def task(_s, screen=screen, failing=failing):  # noqa: ANN001, ANN202
                if failing:
                    raise NotFoundError("volunteer_not_found", id=0)
                return screen

            empty_ctx.worker.submit(task, lambda _r, screen=screen: None, lambda _e, screen=screen: None)
            del screen, task
            wait_idle(empty_ctx)  # callbacks ran on the UI thread, which let go of the job
            empty_ctx.worker.run_sync(lambda _s: None)  # the worker takes the next task
        wait_idle(empty_ctx)
    finally:
        gc.enable()
    assert _Screen.freed_on == ["MainThread", "MainThread"]
