"""Restoring from the UI: File → Restore replaces the data after a check and a question;
a database that cannot be opened can be rebuilt from a backup into a new file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ui.admin import database_dialogs
from ui.common import file_actions
from ui.common.context import AppContext
from volunteer_app.backup import create_backup
from volunteer_app.paths import sqlite_url
from volunteer_app.services import volunteers as vs


def _count(db) -> int:  # noqa: ANN001
    with db.session() as s:
        return vs.count(s, vs.VolunteerFilter(active=None))


def test_file_restore_replaces_data_after_confirmation(qtbot, demo_db, db, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    backup = tmp_path / "demo.vabak"
    create_backup(demo_db, backup)
    ctx = AppContext(db)
    asked: list[str] = []
    monkeypatch.setattr(file_actions, "choose_backup_file", lambda parent, d: backup)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append("WARN " + text))
    file_actions.restore_database(ctx, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert not shown[0].startswith("WARN"), shown
    assert "152" in asked[0]  # the question says what the backup holds
    assert _count(db) == 152
    ctx.close()


def test_file_restore_refuses_a_damaged_backup_and_changes_nothing(qtbot, db, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.vabak"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    ctx = AppContext(db)
    monkeypatch.setattr(file_actions, "choose_backup_file", lambda parent, d: bad)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    file_actions.restore_database(ctx, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert _count(db) == 0
    ctx.close()


def test_unopenable_file_can_be_rebuilt_from_a_backup_into_a_new_file(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    backup = tmp_path / "demo.vabak"
    create_backup(demo_db, backup)
    broken = tmp_path / "notes.db"
    broken.write_bytes(b"not a database at all")
    target = tmp_path / "rebuilt.db"
    monkeypatch.setattr(file_actions, "choose_backup_file", lambda parent, d: backup)
    monkeypatch.setattr(database_dialogs, "choose_database", lambda parent, create, current_url=None: sqlite_url(target))

    def press_restore(box: QMessageBox) -> int:
        restore = next(b for b in box.buttons() if "Restore" in b.text() or "恢复" in b.text())
        box.clickedButton = lambda: restore  # noqa: ARG005
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_restore)
    db = database_dialogs.open_interactive(sqlite_url(broken), None)
    assert db is not None and db.url == sqlite_url(target)
    assert _count(db) == 152
    assert broken.read_bytes() == b"not a database at all"  # never written to
    db.dispose()
