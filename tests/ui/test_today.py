"""The Today screen and the scheduler bridge (pytest-qt, offscreen)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from volunteer_app.clock import local_now
from volunteer_app.db import Database
from volunteer_app.jobs.jobs import run_job
from volunteer_app.models import Team, Volunteer
from volunteer_app.models.shifts import Assignment, Shift


def add_duty_soon(db: Database, minutes: int = 90) -> dict:
    """A patrol starting ``minutes`` from now with one demo volunteer on it."""
    with db.session() as s:
        now = local_now(s)
        start = (now + timedelta(minutes=minutes)).replace(second=0)
        team = s.scalar(select(Team).where(Team.name == "小喇叭巡逻队"))
        vol = s.scalar(select(Volunteer).where(Volunteer.active.is_(True)).order_by(Volunteer.id.desc()))
        shift = Shift(title="测试巡逻", team_id=team.id, date=start.date(), start_time=start.time(),
                      end_time=(start + timedelta(hours=1)).time(), needed=2, location="香雪佳园")
        s.add(shift)
        s.flush()
        s.add(Assignment(shift_id=shift.id, volunteer_id=vol.id))
        return {"shift": shift.id, "name": vol.name, "mobile": vol.mobile, "start": start}


def rows(table) -> list[list[str]]:  # noqa: ANN001
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


@pytest.fixture
def view(ctx, qtbot):  # noqa: ANN001, ANN201
    def make():  # noqa: ANN202
        from ui.today.today_view import TodayView

        widget = TodayView(ctx)
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: widget.overview is not None, timeout=15_000)
        return widget

    return make


def test_today_screen_shows_a_reminder_and_copies_the_duty_as_text(ctx, qtbot, view) -> None:  # noqa: ANN001
    duty = add_duty_soon(ctx.db)
    outcome = run_job(ctx.db, "duty_reminders", manual=True)
    assert duty["name"] in [n.data["volunteer"] for n in outcome.notices]
    w = view()

    reminders = rows(w.reminders_table)
    mine = [r for r in reminders if r[2] == duty["name"] and "测试巡逻" in r[3]]
    assert mine and mine[0][1] == w.tr("Reminded")
    notice = next(n for n in outcome.notices if n.data["volunteer"] == duty["name"])
    assert notice.data["lead_minutes"] == 120
    assert mine[0][0].endswith(notice.data["remind_at"][-5:])  # "M/d HH:mm"

    table = w.today_table if duty["start"].date() == w.overview.today_date else w.tomorrow_table
    row = next(i for i, s in enumerate(table.shifts) if s.shift_id == duty["shift"])
    assert duty["name"] in rows(table)[row][4]
    assert rows(table)[row][5] == table.tr("%n short", "", 1) == "缺1人"
    table.selectRow(row)
    assert "测试巡逻" in w.chat_preview.toPlainText()
    with qtbot.waitSignal(w.sig_copied) as copied:
        w.copy_button.click()
    text = QApplication.clipboard().text()
    assert text == copied.args[0]
    masked = duty["mobile"][:3] + "****" + duty["mobile"][7:]
    assert "值班提醒" in text and f"{duty['name']} {masked}" in text and duty["mobile"] not in text
    assert "(尚缺1人)" in text


def test_screen_reloads_when_a_job_announces_reminders(ctx, qtbot, view) -> None:  # noqa: ANN001
    w = view()
    duty = add_duty_soon(ctx.db, minutes=100)
    run_job(ctx.db, "duty_reminders", manual=True)
    with qtbot.waitSignal(w.sig_loaded, timeout=15_000):
        ctx.notify_changed("reminders")
    assert any(r[2] == duty["name"] and r[1] == w.tr("Reminded") for r in rows(w.reminders_table))


def test_bridge_runs_jobs_off_the_ui_thread_and_signals_on_it(ctx, qtbot, view) -> None:  # noqa: ANN001
    from ui.texts.jobs import notification
    from ui.today.scheduler_bridge import SchedulerBridge

    bridge = SchedulerBridge(ctx, tray=False)
    assert SchedulerBridge.of(ctx) is bridge
    with qtbot.waitSignal(bridge.sig_started, timeout=15_000):
        bridge.start()
    assert bridge.running and bridge.service.running
    w = view()
    duty = add_duty_soon(ctx.db, minutes=80)
    seen: list[tuple[object, bool]] = []
    bridge.sig_outcome.connect(lambda o: seen.append((o, QThread.currentThread() is QApplication.instance().thread())))
    job_threads: list[str] = []
    bridge.service.add_outcome_callback(lambda o: job_threads.append(threading.current_thread().name))
    with qtbot.waitSignal(bridge.sig_notified, timeout=15_000) as notified:
        bridge.run_now("duty_reminders")
    qtbot.waitUntil(lambda: bool(seen) and bool(job_threads), timeout=15_000)
    outcome, on_ui_thread = seen[0]
    assert outcome.job_id == "duty_reminders" and outcome.status == "ok"
    assert on_ui_thread and job_threads and job_threads[0] != threading.main_thread().name
    assert notified.args == list(notification(outcome))
    position = [n.data["volunteer"] for n in outcome.notices].index(duty["name"])
    if position < 5:  # the tray lists the first five
        assert duty["name"] in notified.args[1]
    # The Today screen heard about it through ctx.sig_data_changed("reminders").
    qtbot.waitUntil(lambda: any(r[2] == duty["name"] for r in rows(w.reminders_table)), timeout=15_000)
    prefix = w.tr("Reminders are on; next check at %1.").split("%1")[0]
    qtbot.waitUntil(lambda: w.jobs_label.text().startswith(prefix), timeout=15_000)
    bridge.stop()
    assert not bridge.service.running


def test_window_starts_the_scheduler_and_closing_stops_it(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow
    from ui.today.scheduler_bridge import attach_to_window

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    bridge = attach_to_window(window)
    qtbot.waitUntil(lambda: bridge.running, timeout=15_000)
    jobs = {j.id: j for j in bridge.service.list_jobs()}
    assert all(j.next_run_time is not None for j in jobs.values())
    window.show_screen("today")
    today = window.screen_widget("today")
    prefix = today.tr("Reminders are on; next check at %1.").split("%1")[0]
    qtbot.waitUntil(lambda: today.jobs_label.text().startswith(prefix), timeout=15_000)
    window.close()
    assert not bridge.running and not bridge.service.running
