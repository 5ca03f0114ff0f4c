"""Main window: sidebar order, honest pages, remembered state, status bar, File menu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMessageBox

from volunteer_app.db import Database, open_database
from volunteer_app.paths import sqlite_url
from volunteer_app.services import volunteers as vol_service


def _window(ctx, qtbot):  # noqa: ANN001, ANN202
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def test_sidebar_lists_the_screens_in_order(ctx, qtbot) -> None:  # noqa: ANN001
    window = _window(ctx, qtbot)
    titles = [window._sidebar.item(i).text() for i in range(window._sidebar.count())]
    assert titles == ["今日", "志愿者", "队伍", "网格", "排班", "诉求", "服务时长", "打印", "设置", "操作员", "审计日志"]


def test_every_screen_opens(ctx, qtbot) -> None:  # noqa: ANN001
    """Every sidebar screen builds (the "not built yet" page went with the last screen)."""
    from ui.screens import SCREENS, BrokenPage

    window = _window(ctx, qtbot)
    for spec in SCREENS:
        window.show_screen(spec.key)
        widget = window.screen_widget(spec.key)
        assert not isinstance(widget, BrokenPage), spec.key


def test_status_bar_shows_database_and_counts(ctx, qtbot) -> None:  # noqa: ANN001
    window = _window(ctx, qtbot)
    qtbot.waitUntil(lambda: window.counts is not None)
    text = window._counts_label.text()
    assert "在册 150 人" in text and "已离开 2 人" in text and "队伍 6 支" in text
    assert "网格 11 个" in text
    assert str(Path(ctx.db.engine.url.database)) in window._db_label.text()
    with ctx.db.session() as s:
        vol_service.deactivate(s, vol_service.query_ids(s)[0])
    ctx.notify_changed("volunteers")
    qtbot.waitUntil(lambda: "在册 149 人" in window._counts_label.text())


def test_geometry_and_last_screen_are_remembered(app, demo_db, qtbot) -> None:  # noqa: ANN001
    from ui.common.context import KEY_LAST_SCREEN, AppContext

    window = _window(AppContext(demo_db), qtbot)
    # The offscreen screen is small: keep the minimum width, change the height.
    assert abs(window.height() - 620) > 8
    window.resize(QSize(960, 620))
    window.show_screen("grids")
    window.close()  # saves the state and closes its context
    assert window.ctx.settings.value(KEY_LAST_SCREEN) == "grids"
    again = _window(AppContext(demo_db), qtbot)
    assert again.current_screen_key == "grids"
    assert abs(again.height() - 620) <= 8
    assert again._sidebar.currentItem().text() == "网格"


def test_empty_database_offers_the_demo(empty_ctx, qtbot, monkeypatch) -> None:  # noqa: ANN001
    asked: list[str] = []

    def answer(_parent, _title, text, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = _window(empty_ctx, qtbot)
    window.offer_demo_if_empty()
    qtbot.waitUntil(lambda: window.counts is not None and window.counts.volunteers_active == 150,
                    timeout=20_000)
    assert "林琼社区" in asked[0]


def _save_through(action: str, target: Path, ctx, qtbot, monkeypatch) -> list[str]:  # noqa: ANN001
    """Trigger a File menu action that asks where to save; the messages it showed."""
    from ui.common import file_dialogs

    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *a, **k: target)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    window = _window(ctx, qtbot)
    getattr(window, action).trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    return shown


def test_backup_copies_the_database(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    target = tmp_path / "copy.db"
    shown = _save_through("action_backup", target, ctx, qtbot, monkeypatch)
    assert str(target) in shown[0]
    copy = open_database(sqlite_url(target))
    try:
        with copy.session() as s:
            assert vol_service.count(s) == 152  # active and left
    finally:
        copy.dispose()


def test_export_writes_the_register(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    target = tmp_path / "名册.xlsx"
    shown = _save_through("action_export", target, ctx, qtbot, monkeypatch)
    assert "152" in shown[0] and target.exists()


def test_unreadable_database_offers_another_file(app, qtbot, tmp_path: Path, monkeypatch,  # noqa: ANN001
                                                 db: Database) -> None:
    from ui.admin import database_dialogs
    from ui.common import file_dialogs

    junk = tmp_path / "notes.db"
    junk.write_text("this is not a database", encoding="utf-8")
    good = Path(db.engine.url.database)
    messages: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        messages.append(box.text() + "\n" + box.informativeText())
        next(b for b in box.buttons()
             if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()  # open another
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(file_dialogs, "ask_open_path", lambda *a, **k: good)
    opened = database_dialogs.open_interactive(sqlite_url(junk))
    assert opened is not None and Path(opened.engine.url.database) == good
    opened.dispose()
    assert "不是本软件的数据库文件" in messages[0]
    assert junk.read_text(encoding="utf-8") == "this is not a database"  # left untouched


def test_giving_up_on_a_bad_database_returns_none(app, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from ui.admin import database_dialogs

    junk = tmp_path / "bad.db"
    junk.write_bytes(b"\x00" * 64)

    def fake_exec(box: QMessageBox) -> int:
        next(b for b in box.buttons()
             if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()  # Quit
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert database_dialogs.open_interactive(sqlite_url(junk)) is None


def test_switching_database_rebuilds_screens(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from ui.common.context import KEY_DB_URL

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window = _window(ctx, qtbot)
    window.show_screen("volunteers")
    old_view = window.screen_widget("volunteers")
    qtbot.waitUntil(lambda: old_view.model.loaded_once)
    other = sqlite_url(tmp_path / "other.db")
    assert window.switch_database(other)
    assert window.ctx.db.url == other
    view = window.screen_widget("volunteers")
    assert view is not old_view
    qtbot.waitUntil(lambda: view.model.loaded_once)
    assert view.model.rowCount() == 0
    assert window.ctx.settings.value(KEY_DB_URL) == other
    window.close()


def test_start_up_shows_the_window_then_opens_the_database(app, qtbot, demo_db) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow

    url = demo_db.url
    demo_db.dispose()
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    assert window.ctx is None
    assert not window.action_export.isEnabled()  # nothing to export before a database
    window.show_screen("teams")  # chosen while opening: shown once the database is there
    with qtbot.waitSignal(window.sig_context_ready, timeout=20_000):
        window.open_database_async(url)
    assert window.action_export.isEnabled()
    assert window.current_screen_key == "teams"
    qtbot.waitUntil(lambda: window.counts is not None and window.counts.teams == 6)


def test_start_up_on_a_bad_file_lets_the_clerk_give_up(app, qtbot, tmp_path: Path,  # noqa: ANN001
                                                      monkeypatch) -> None:
    from ui.main_window import MainWindow

    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    shown: list[str] = []

    def give_up(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        next(b for b in box.buttons()
             if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", give_up)
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_open_failed, timeout=20_000):
        window.open_database_async(sqlite_url(junk))
    assert window.ctx is None
    assert "不是本软件的数据库文件" in shown[0]


def test_background_jobs_start_with_the_window_and_stop_on_switch(qtbot, demo_db, new_db_url) -> None:  # noqa: ANN001
    """ui.app starts the scheduler once the database is attached; switching database
    stops the old one and starts one for the new database."""
    from ui import app as app_module
    from ui.common.context import AppContext
    from ui.main_window import MainWindow
    from ui.today.scheduler_bridge import SchedulerBridge

    ctx = AppContext(demo_db)
    window = MainWindow(None)
    qtbot.addWidget(window)
    window.sig_context_ready.connect(lambda _c: app_module._start_background_jobs(window))
    window.attach(ctx)
    first = SchedulerBridge.of(ctx)
    qtbot.waitUntil(lambda: first is not None and first.running, timeout=15000)
    other = new_db_url("other", template="demo")
    assert window.switch_database(other)
    assert not first.running
    second = SchedulerBridge.of(window.ctx)
    qtbot.waitUntil(lambda: second is not None and second.running, timeout=15000)
    window.close()
