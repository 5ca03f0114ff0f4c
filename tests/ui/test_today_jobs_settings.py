"""The job settings box: switch jobs on/off, time them, reschedule, run one now."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime

from volunteer_app.jobs import settings as cfg


def test_settings_are_saved_and_the_scheduler_reschedules(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.jobs_settings_widget import JobsSettingsWidget
    from ui.today.scheduler_bridge import SchedulerBridge

    bridge = SchedulerBridge(ctx, tray=False)
    with qtbot.waitSignal(bridge.sig_started, timeout=15_000):
        bridge.start()
    w = JobsSettingsWidget(ctx)
    qtbot.addWidget(w)
    qtbot.waitUntil(w.isEnabled, timeout=15_000)
    rows = w.rows
    assert rows["duty_reminders"].extra["lead_minutes"].text() == "24h, 2h"
    assert rows["weekly_plan"].day.currentData() == "thu"
    assert rows["weekly_plan"].at.time() == QTime(9, 0)
    assert rows["nightly_backup"].extra["keep"].value() == 14
    assert all(r.enabled.isChecked() for r in rows.values())

    rows["nightly_backup"].enabled.setChecked(False)
    assert not rows["nightly_backup"].at.isEnabled()
    rows["weekly_plan"].day.setCurrentIndex(rows["weekly_plan"].day.findData("fri"))
    rows["weekly_plan"].at.setTime(QTime(10, 15))
    rows["duty_reminders"].extra["lead_minutes"].setText("12h，90m")
    rows["unfilled_alerts"].every.setCurrentIndex(rows["unfilled_alerts"].every.findData(15))
    w.team_leads = {"3": [30]}
    with qtbot.waitSignal(w.sig_saved, timeout=15_000):
        w.save_button.click()
    qtbot.waitUntil(lambda: w.isEnabled() and w.state is not None
                    and not dict((c.job_id, c.enabled) for c in w.state.configs)["nightly_backup"],
                    timeout=15_000)

    with ctx.db.session() as s:
        configs = {c.job_id: c for c in cfg.list_configs(s)}
    assert not configs["nightly_backup"].enabled
    assert configs["weekly_plan"].get("day_of_week") == "fri" and configs["weekly_plan"].at == time(10, 15)
    assert configs["duty_reminders"].get("lead_minutes") == [720, 90]
    assert configs["duty_reminders"].get("team_lead_minutes") == {"3": [30]}
    assert configs["unfilled_alerts"].get("every_minutes") == 15

    def rescheduled() -> bool:
        jobs = {j.id: j for j in bridge.service.list_jobs()}
        weekly = jobs["weekly_plan"].next_run_time
        return (jobs["nightly_backup"].next_run_time is None and weekly is not None
                and weekly.weekday() == 4 and weekly.time() == time(10, 15))

    qtbot.waitUntil(rescheduled, timeout=15_000)
    assert w.rows["weekly_plan"].state_label.text()  # shows the next run
    bridge.stop()


def test_bad_lead_times_are_refused_and_nothing_is_saved(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.jobs_settings_widget import JobsSettingsWidget

    w = JobsSettingsWidget(ctx)
    qtbot.addWidget(w)
    qtbot.waitUntil(w.isEnabled, timeout=15_000)
    w.rows["duty_reminders"].extra["lead_minutes"].setText("soon")
    w.rows["nightly_backup"].enabled.setChecked(False)
    w.save_button.click()
    assert w.status_label.text() == w.tr("Lead times must be 1 to 5 values like 24h, 2h or 90m, "
                                         "each at most 7 days.")
    with ctx.db.session() as s:
        assert cfg.get_config(s, "nightly_backup").enabled


def test_run_now_without_a_running_scheduler(ctx, qtbot) -> None:  # noqa: ANN001
    from ui.admin.jobs_settings_widget import JobsSettingsWidget
    from ui.texts.jobs import job_title

    w = JobsSettingsWidget(ctx)
    qtbot.addWidget(w)
    qtbot.waitUntil(w.isEnabled, timeout=15_000)
    with qtbot.waitSignal(w.sig_ran, timeout=15_000) as ran:
        w.rows["unfilled_alerts"].run_button.click()
    outcome = ran.args[0]
    assert outcome.job_id == "unfilled_alerts" and outcome.status == "ok" and outcome.manual
    assert w.status_label.text().startswith(job_title("unfilled_alerts"))
    qtbot.waitUntil(lambda: w.rows["unfilled_alerts"].run_button.isEnabled(), timeout=15_000)
    qtbot.waitUntil(lambda: w.rows["unfilled_alerts"].state_label.text() != w.tr("not run yet"),
                    timeout=15_000)
