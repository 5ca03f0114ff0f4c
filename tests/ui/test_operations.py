"""The background-operation helper: callbacks on the UI thread, progress, cancel, owner gone."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from ui.common import operations
from ui.common.operations import BackgroundOp, OpCancelled, run_and_wait


def _idle(qtbot) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: operations.running() == 0, timeout=10_000)


def test_result_and_progress_arrive_on_the_ui_thread(qtbot) -> None:  # noqa: ANN001
    main = threading.get_ident()
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, object, bool]] = []

    def work(op):  # noqa: ANN001, ANN202
        assert threading.get_ident() != main
        for n in range(3):
            op.progress(n, force=True)
        return 42

    BackgroundOp(parent, work, "t") \
        .success(lambda r: seen.append(("done", r, threading.get_ident() == main))) \
        .with_progress(lambda p: seen.append(("progress", p, threading.get_ident() == main))) \
        .run()
    _idle(qtbot)
    assert seen == [("progress", 0, True), ("progress", 1, True), ("progress", 2, True),
                    ("done", 42, True)]


def test_failure_reaches_the_failure_callback(qtbot) -> None:  # noqa: ANN001
    errors: list[BaseException] = []
    BackgroundOp(None, lambda _op: 1 / 0).success(lambda _r: pytest.fail("no result")) \
        .failure(errors.append).run()
    _idle(qtbot)
    assert isinstance(errors[0], ZeroDivisionError)


def test_cancel_stops_a_task_that_checks(qtbot) -> None:  # noqa: ANN001
    errors: list[BaseException] = []
    started = threading.Event()

    def work(op):  # noqa: ANN001, ANN202
        started.set()
        while True:
            op.check_cancelled()
            time.sleep(0.005)

    handle = BackgroundOp(None, work).failure(errors.append).run()
    assert started.wait(5)
    handle.cancel()
    _idle(qtbot)
    assert handle.done and handle.cancelled and isinstance(errors[0], OpCancelled)


def test_callbacks_are_dropped_once_the_parent_is_gone(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    release = threading.Event()
    seen: list[object] = []
    BackgroundOp(parent, lambda _op: release.wait(5)).success(seen.append) \
        .failure(seen.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not operations.shiboken6.isValid(parent), timeout=5000)
    release.set()
    _idle(qtbot)
    assert seen == []


def test_progress_is_throttled_unless_forced(qtbot) -> None:  # noqa: ANN001
    seen: list[int] = []

    def work(op):  # noqa: ANN001, ANN202
        for n in range(1000):
            op.progress(n)

    BackgroundOp(None, work).with_progress(seen.append).run()
    _idle(qtbot)
    assert 1 <= len(seen) < 100 and seen[0] == 0


def test_run_and_wait_returns_or_raises_off_the_ui_thread(qtbot) -> None:  # noqa: ANN001
    main = threading.get_ident()
    assert run_and_wait(lambda _op: threading.get_ident() != main) is True
    with pytest.raises(KeyError):
        run_and_wait(lambda _op: {}["missing"])
