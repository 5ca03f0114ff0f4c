"""Fixtures of the UI tests: a QApplication set up like the real one, contexts, a window."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from volunteer_app.db import Database  # noqa: E402


@pytest.fixture
def app(qapp):  # noqa: ANN001, ANN201
    """The pytest-qt QApplication with the app's font, style sheet and Chinese translators."""
    from ui.app import create_application
    from ui.common.i18n import install_translators, remove_translators

    create_application()
    install_translators("zh_CN")
    yield qapp
    # Leave the process as Qt starts it: tests of other screens expect the source strings.
    remove_translators()


def _make_ctx(database: Database):  # noqa: ANN202
    from ui.common.context import AppContext

    return AppContext(database)


@pytest.fixture
def ctx(app, demo_db: Database):  # noqa: ANN001, ANN201
    """An AppContext on the demo community."""
    context = _make_ctx(demo_db)
    yield context
    context.close()


@pytest.fixture
def empty_ctx(app, db: Database):  # noqa: ANN001, ANN201
    """An AppContext on an empty database."""
    context = _make_ctx(db)
    yield context
    context.close()


def type_text(widget, text: str) -> None:  # noqa: ANN001
    """Type text as an input method commits it (how Chinese reaches a field); ASCII-safe.

    QTest.keyClicks aborts on characters outside Latin-1, and real clerks type Chinese
    through an IME anyway, so this sends the IME's commit event.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def type_into():  # noqa: ANN201
    """``type_into(widget, text)``: type (Chinese) text into a line edit like an IME does."""
    return type_text


@pytest.fixture
def wait_idle(qtbot):  # noqa: ANN001, ANN201
    """``wait_idle(ctx)``: wait until every worker task has delivered its callbacks."""

    def wait(context, timeout: int = 10_000) -> None:  # noqa: ANN001
        qtbot.waitUntil(lambda: context.worker.pending == 0, timeout=timeout)

    return wait


@pytest.fixture(autouse=True)
def _no_blocking_modals(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN202
    """A modal box or file dialog nobody answers would hang the run (offscreen there is
    no one to click). Unless a test patches them itself (its patch wins), they are
    answered with Cancel here, and a test that showed one anyway — e.g. an error box
    popping up from a late background task — fails instead of hanging."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    shown: list[str] = []

    def box(kind: str):  # noqa: ANN202
        def fake(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202, ARG001
            shown.append(f"{kind}: {title}: {text}")
            return QMessageBox.StandardButton.Cancel
        return fake

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))

    def fake_exec(self):  # noqa: ANN001, ANN202
        shown.append(f"exec: {self.windowTitle()}: {self.text()}")
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    yield shown
    assert not shown, f"unanswered modal dialog(s) during the test: {shown}"
