"""设置 → 连接服务器 (issue 18.17): host, port, database, user, password, TLS mode, a test.

Runs without a PostgreSQL server: the URL, a refused port, the answer for a host nothing
listens on, and that connecting keeps the password out of the settings (the switch itself
is the file path's, with an SQLite database standing in for the server).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from volunteer_app import server_connection as sc

SECRET = "p@ss:w/rd#1"


def _settings_view(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.admin.settings_view import SettingsView

    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.show()
    return view


def _fill(dialog, host: str = "192.0.2.7", port: str = "5432", password: str = SECRET) -> None:  # noqa: ANN001
    dialog.host_edit.setText(host)
    dialog.port_edit.setText(port)
    dialog.database_edit.setText("volunteer_hx")
    dialog.user_edit.setText("office")
    dialog.password_edit.setText(password)
    dialog.tls_combo.setCurrentIndex(dialog.tls_combo.findData("require"))


def test_the_url_is_built_with_the_password_encoded(ctx, qtbot) -> None:  # noqa: ANN001
    from sqlalchemy.engine import make_url

    dialog = _settings_view(ctx, qtbot).open_server_dialog()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert dialog.port_edit.text() == "5432"
    _fill(dialog)
    url = make_url(dialog.build_url())
    assert (url.host, url.port, url.database, url.username, url.password) == (
        "192.0.2.7", 5432, "volunteer_hx", "office", SECRET)
    assert url.query == {"sslmode": "require"} and url.drivername == "postgresql+psycopg"
    dialog.reject()


@pytest.mark.parametrize("port", ["0", "65536", "54x", ""])
def test_a_bad_port_is_refused_and_nothing_is_requested(ctx, qtbot, monkeypatch, port: str) -> None:  # noqa: ANN001
    asked: list[str] = []
    monkeypatch.setattr(ctx, "request_database", asked.append)
    dialog = _settings_view(ctx, qtbot).open_server_dialog()
    _fill(dialog, port=port)
    dialog.connect_button.click()
    assert asked == [] and dialog.isVisible()
    assert "65535" in dialog.result_label.text()
    dialog.reject()


def test_an_unreachable_host_is_said_plainly_without_the_password(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.server_dialog import ServerDialog

    dialog = ServerDialog(ctx, timeout_s=2)
    qtbot.addWidget(dialog)
    _fill(dialog, host="127.0.0.1", port="1")
    dialog.test_button.click()
    assert not dialog.test_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.testing, timeout=15000)
    text = dialog.result_label.text()
    assert text == dialog.result_text(sc.ServerCheck(sc.UNREACHABLE))
    assert SECRET not in text and "psycopg" not in text.lower()


def test_every_outcome_has_its_own_text(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.server_dialog import ServerDialog

    dialog = ServerDialog(ctx)
    qtbot.addWidget(dialog)
    texts = {dialog.result_text(sc.ServerCheck(o, "16.4", sc.SCHEMA_CURRENT)) for o in sc.OUTCOMES}
    assert len(texts) == len(sc.OUTCOMES)
    schemas = {dialog.result_text(sc.ServerCheck(sc.CONNECTED, "16.4", s)) for s in sc.SCHEMAS}
    assert len(schemas) == len(sc.SCHEMAS) and all("16.4" in t for t in schemas)


def test_connecting_switches_like_a_file_and_keeps_the_password_out_of_the_settings(
        ctx, qtbot, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    from ui.admin import database_dialogs
    from ui.common.context import KEY_DB_URL, KEY_RECENT_DBS
    from ui.main_window import MainWindow
    from volunteer_app.db import open_database
    from volunteer_app.paths import sqlite_url

    opened: list[str] = []

    def stand_in(url: str):  # noqa: ANN202 - the server, played by an SQLite file
        opened.append(url)
        db = open_database(sqlite_url(tmp_path / "server.db"))
        db.url = url
        return db

    monkeypatch.setattr(database_dialogs, "open_database", stand_in)
    monkeypatch.setattr(MainWindow, "offer_demo_if_empty", lambda _self: None)  # the stand-in is empty
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.ctx.worker.pending == 0)
    settings = window.screen_widget("settings")
    dialog = settings.open_server_dialog()
    _fill(dialog)
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1 and window.ctx.db.url == opened[0], timeout=10000)
    assert SECRET in opened[0].replace("%40", "@").replace("%3A", ":").replace("%2F", "/").replace("%23", "#")
    stored = window.ctx.settings
    stored.sync()
    assert stored.value(KEY_DB_URL) == "postgresql+psycopg://office@192.0.2.7:5432/volunteer_hx?sslmode=require"
    everything = Path(stored.fileName()).read_text(encoding="utf-8") if stored.fileName() else ""
    for value in [stored.value(k) for k in stored.allKeys()] + [everything, str(stored.value(KEY_RECENT_DBS))]:
        assert "p%40ss" not in str(value) and SECRET not in str(value)
