"""Issue 17.2/17.3 in the desktop: backups ask for a passphrase (or use the database key),
restoring a passphrase backup asks for it, and the settings file never holds a database
password."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ui.common import file_actions, passphrase_dialog
from ui.common.context import AppContext
from volunteer_app.backup import create_backup, inspect_backup
from volunteer_app.backup_crypto import MAGIC

PASS = "correct horse battery"


def _capture(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append("WARN " + text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    return shown


def test_backup_with_a_passphrase_from_the_dialog(qtbot, db, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    target = tmp_path / "usb.vabak"
    ctx = AppContext(db)
    monkeypatch.setattr(file_actions.file_dialogs, "ask_save_path", lambda *a: target)
    monkeypatch.setattr(passphrase_dialog, "ask_backup_passphrase", lambda parent: (True, PASS))
    shown = _capture(monkeypatch)
    file_actions.backup_database(ctx, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert not shown[0].startswith("WARN"), shown
    assert target.read_bytes().startswith(MAGIC)
    assert inspect_backup(target, PASS)["encrypted"] == "passphrase"
    ctx.close()


def test_backup_dialog_refuses_differing_or_short_passphrases(qtbot) -> None:  # noqa: ANN001
    dialog = passphrase_dialog.BackupPassphraseDialog()
    qtbot.addWidget(dialog)
    dialog.first.setText(PASS)
    dialog.second.setText(PASS + "x")
    dialog._on_buttons_accepted()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.problem.text()
    dialog.first.setText("short")
    dialog.second.setText("short")
    dialog._on_buttons_accepted()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.first.setText("")
    dialog.second.setText("")
    dialog._on_buttons_accepted()  # empty: the database key
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.passphrase() is None


def test_restore_asks_for_the_passphrase(qtbot, demo_db, db, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    backup = tmp_path / "demo.vabak"
    create_backup(demo_db, backup, passphrase=PASS)
    ctx = AppContext(db)
    monkeypatch.setattr(file_actions, "choose_backup_file", lambda parent, d: backup)
    asked: list[Path] = []
    monkeypatch.setattr(passphrase_dialog, "ask_restore_passphrase",
                        lambda parent, path: asked.append(path) or "wrong horse battery")
    shown = _capture(monkeypatch)
    file_actions.restore_database(ctx, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    assert asked == [backup] and shown[0].startswith("WARN")  # a wrong one: nothing changes
    with db.session() as s:
        from volunteer_app.services import volunteers as vs

        assert vs.count(s, vs.VolunteerFilter(active=None)) == 0
    shown.clear()
    monkeypatch.setattr(passphrase_dialog, "ask_restore_passphrase", lambda parent, path: PASS)
    file_actions.restore_database(ctx, None)
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert not shown[0].startswith("WARN"), shown
    with db.session() as s:
        assert vs.count(s, vs.VolunteerFilter(active=None)) == 152
    ctx.close()


class _FakeKeyring:
    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, name: str, value: str) -> None:
        self.store[(service, name)] = value

    def get_password(self, service: str, name: str) -> str | None:
        return self.store.get((service, name))


@pytest.mark.parametrize("with_keyring", [True, False])
def test_settings_file_never_holds_the_database_password(qtbot, db, monkeypatch, with_keyring: bool) -> None:  # noqa: ANN001
    from ui.common.context import KEY_DB_URL, KEY_RECENT_DBS, make_settings
    from ui.main_window import remember_database
    from volunteer_app import db_password
    from volunteer_app.paths import config_dir
    from volunteer_app.security import keys

    ring = _FakeKeyring()
    monkeypatch.setattr(keys, "_keyring", lambda: ring if with_keyring else None)
    url = "postgresql+psycopg://office:secretpw@192.0.2.1:5432/volunteers"
    settings = make_settings()
    settings.setValue(KEY_RECENT_DBS, ["postgresql://office:oldsecret@192.0.2.9/old"])  # an older version's
    settings.sync()

    class Ctx:  # what remember_database reads
        pass

    ctx = Ctx()
    ctx.settings = settings
    ctx.db = type("Db", (), {"url": url})()
    remember_database(ctx)
    text = (config_dir() / "settings.ini").read_text(encoding="utf-8")
    assert "secretpw" not in text and "oldsecret" not in text
    assert settings.value(KEY_DB_URL) == "postgresql+psycopg://office@192.0.2.1:5432/volunteers"
    reopened = db_password.with_password(settings.value(KEY_DB_URL))
    if with_keyring:  # the password comes back from the keyring for the connection only
        assert reopened == url
    else:  # left to libpq's ~/.pgpass / PGPASSFILE
        assert "secretpw" not in reopened


def test_old_settings_file_is_tightened(tmp_path: Path) -> None:  # noqa: ANN001
    from ui.common.context import make_settings
    from volunteer_app.paths import config_dir

    if sys.platform == "win32":
        pytest.skip("POSIX modes")
    path = config_dir() / "settings.ini"
    path.write_text("[ui]\nlanguage=zh_CN\n", encoding="utf-8")
    os.chmod(path, 0o644)
    make_settings()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
