"""The desktop checks the audit log's chain when a database opens (on the database worker,
not the UI thread) and shows a red banner above the screens when anything was changed
outside the app, or when this computer lacks the database's key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from volunteer_app.db import sqlite_path
from volunteer_app.security import keys


def _window(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_an_intact_log_shows_no_banner(ctx, qtbot) -> None:  # noqa: ANN001
    window = _window(ctx, qtbot)
    qtbot.waitUntil(lambda: window.audit_report is not None)
    assert window.audit_report.ok
    assert not window._audit_banner.isVisible()


def test_logins_switched_off_behind_the_apps_back_show_the_banner(ctx, qtbot) -> None:  # noqa: ANN001
    from volunteer_app.security import accounts

    with ctx.db.session() as s:
        accounts.enable_accounts(s, "admin", "correct horse")
    con = sqlite3.connect(sqlite_path(ctx.db.url))
    con.execute("UPDATE app_setting SET value = '0' WHERE key = 'accounts_enabled'")
    con.commit()
    con.close()
    # Logins stay on all the same (the settings do not match their seal): log in, as the
    # desktop's login dialog would ask.
    accounts.login_unit(ctx.db, "admin", "correct horse")
    window = _window(ctx, qtbot)
    qtbot.waitUntil(lambda: window.audit_report is not None)
    assert window._audit_banner.isVisible()
    text = window._audit_banner.text()
    assert "volunteer-app audit verify" in text
    assert "审计日志" in text or "audit log" in text  # the Chinese text once translated


def test_a_computer_without_the_key_is_told_how_to_get_it(ctx, qtbot, tmp_path: Path,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.ENV_KEYS_DIR, str(tmp_path / "no-keys-here"))
    keys.forget_cache()
    try:
        window = _window(ctx, qtbot)
        qtbot.waitUntil(lambda: window.audit_report is not None)
        assert window._audit_banner.isVisible()
        assert "keys import" in window._audit_banner.text()
    finally:
        monkeypatch.undo()
        keys.forget_cache()
