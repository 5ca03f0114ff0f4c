"""The APScheduler service on a database file: persistence across restarts, catch-up once.

These tests run the real BackgroundScheduler with the real clock; waiting is done on
events set by the service's outcome callback, never by sleeping.
"""

from __future__ import annotations

import threading
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from volunteer_app.db import Database, open_database
from volunteer_app.jobs import settings as cfg
from volunteer_app.jobs.jobs import JobOutcome, backup_files
from volunteer_app.jobs.scheduler import ENTRY, AppJobStore, SchedulerService
from volunteer_app.models import Team, Volunteer
from volunteer_app.models.jobs import APSCHEDULER_TABLE, JobRun, ReminderLog
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.paths import sqlite_url

pytestmark = pytest.mark.sqlite_only
TZ = ZoneInfo("Asia/Shanghai")
WAIT = 60


class Outcomes:
    """Collects outcomes from the scheduler thread; lets the test wait for one job."""

    def __init__(self) -> None:
        self.items: list[JobOutcome] = []
        self._cond = threading.Condition()

    def __call__(self, outcome: JobOutcome) -> None:
        with self._cond:
            self.items.append(outcome)
            self._cond.notify_all()

    def wait_for(self, job_id: str, count: int = 1) -> list[JobOutcome]:
        with self._cond:
            ok = self._cond.wait_for(lambda: len(self.of(job_id)) >= count, timeout=WAIT)
        assert ok, f"{job_id} did not run; got {[o.job_id for o in self.items]}"
        return self.of(job_id)

    def of(self, job_id: str) -> list[JobOutcome]:
        return [o for o in self.items if o.job_id == job_id]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.db"
    open_database(sqlite_url(path)).dispose()
    return path


def reopen(path: Path) -> Database:
    """A new Database on the same file, as after restarting the app."""
    return open_database(sqlite_url(path))


def set_next_run(db: Database, job_id: str, when: datetime) -> None:
    """Pretend the app was closed when ``job_id`` was due: its stored next run lies at ``when``."""
    store = AppJobStore(db)
    job = store.lookup_job(job_id)
    job.next_run_time = when
    store.update_job(job)


def now_local() -> datetime:
    return datetime.now(TZ)


def test_jobs_persist_in_the_database_file_across_restarts(db_file: Path) -> None:
    db = reopen(db_file)
    service = SchedulerService(db)
    assert all(j.next_run_time is None for j in service.list_jobs())  # never started yet
    service.start()
    first = {j.id: j.next_run_time for j in service.list_jobs()}
    assert set(first) == set(cfg.SPEC_BY_ID) and all(first.values())
    assert first[cfg.WEEKLY_PLAN].weekday() == 3 and first[cfg.WEEKLY_PLAN].time() == time(9, 0)
    assert first[cfg.WEEKLY_PLAN].utcoffset() == timedelta(hours=8)
    service.shutdown()
    db.dispose()

    db = reopen(db_file)
    with db.engine.connect() as conn:
        stored = conn.exec_driver_sql(f"select id from {APSCHEDULER_TABLE} order by id").fetchall()
    assert sorted(r[0] for r in stored) == sorted(cfg.SPEC_BY_ID)
    job = AppJobStore(db).lookup_job(cfg.WEEKLY_PLAN)
    assert job.func_ref == ENTRY and job.coalesce and job.misfire_grace_time > 0
    # Read while stopped, and again after a restart: the stored times, not recomputed ones
    # (unless one of them fell due in between).
    assert {j.id: j.next_run_time for j in SchedulerService(db).list_jobs()} == first
    again = SchedulerService(db)
    again.start()
    try:
        after = {j.id: j.next_run_time for j in again.list_jobs()}
        for job_id in (cfg.WEEKLY_PLAN, cfg.NIGHTLY_BACKUP):
            assert after[job_id] == first[job_id]
    finally:
        again.shutdown()
        db.dispose()


def test_missed_backup_runs_once_at_start_never_twice(db_file: Path) -> None:
    db = reopen(db_file)
    service = SchedulerService(db)
    service.start()
    service.shutdown()
    with db.session() as s:
        config = cfg.get_config(s, cfg.NIGHTLY_BACKUP)
    slot = cfg.last_slot(config, now_local().replace(tzinfo=None), TZ)
    # The app was closed for three nights: three slots missed, the latest one still useful.
    set_next_run(db, cfg.NIGHTLY_BACKUP, (slot - timedelta(days=2)).replace(tzinfo=TZ))
    db.dispose()

    db = reopen(db_file)
    seen = Outcomes()
    service = SchedulerService(db, on_outcome=seen)
    service.start()
    try:
        [outcome] = seen.wait_for(cfg.NIGHTLY_BACKUP)
    finally:
        service.shutdown()
    assert outcome.status == "ok" and outcome.slot == slot and not outcome.manual
    folder = db_file.parent / "backups"
    assert len(backup_files(folder, db_file.stem, ".vabak")) == 1  # coalesced: one run
    next_time = AppJobStore(db).lookup_job(cfg.NIGHTLY_BACKUP).next_run_time
    assert next_time > now_local()
    # As if the app had died before APScheduler stored the new next run time: the same
    # slot fires again at the next start, and the run log stops it.
    set_next_run(db, cfg.NIGHTLY_BACKUP, slot.replace(tzinfo=TZ))
    db.dispose()

    db = reopen(db_file)
    seen = Outcomes()
    service = SchedulerService(db, on_outcome=seen)
    service.start()
    try:
        [outcome] = seen.wait_for(cfg.NIGHTLY_BACKUP)
    finally:
        service.shutdown()
    assert outcome.status == "already_done"
    assert len(backup_files(folder, db_file.stem, ".vabak")) == 1
    with db.session() as s:
        runs = s.scalars(select(JobRun).where(JobRun.job_id == cfg.NIGHTLY_BACKUP)).all()
        assert [(r.slot, r.status, r.run_trigger) for r in runs] == [(slot, "ok", "schedule")]
    db.dispose()


def test_missed_reminder_is_sent_once_after_restart(db_file: Path) -> None:
    db = reopen(db_file)
    start = (now_local() + timedelta(hours=3)).replace(tzinfo=None, second=0, microsecond=0)
    with db.session() as s:
        team = Team(name="小喇叭巡逻队", kind="patrol")
        vol = Volunteer(name="张三", mobile="13812341234")
        s.add_all([team, vol])
        s.flush()
        shift = Shift(title="晚间巡逻", team_id=team.id, date=start.date(), start_time=start.time(),
                      end_time=(start + timedelta(hours=2)).time(), needed=1)
        s.add(shift)
        s.flush()
        s.add(Assignment(shift_id=shift.id, volunteer_id=vol.id))
    service = SchedulerService(db)
    service.start()
    service.shutdown()
    # Closed since yesterday: the 24-hour reminder's time passed while nobody was there.
    set_next_run(db, cfg.DUTY_REMINDERS, now_local() - timedelta(days=1))
    db.dispose()

    for _restart in range(2):
        db = reopen(db_file)
        seen = Outcomes()
        service = SchedulerService(db, on_outcome=seen)
        service.start()
        try:
            first = seen.wait_for(cfg.DUTY_REMINDERS)[0]
        finally:
            service.shutdown()
        assert first.status in ("ok", "already_done")
        set_next_run(db, cfg.DUTY_REMINDERS, now_local() - timedelta(hours=1))
        with db.session() as s:
            rows = s.execute(select(ReminderLog.status, ReminderLog.lead_minutes)
                             .where(ReminderLog.kind == "duty")).all()
        assert rows == [("sent", 1440)]  # once, whatever the number of restarts
        db.dispose()


def test_settings_changes_reschedule_remove_and_add_jobs(db_file: Path) -> None:
    db = reopen(db_file)
    service = SchedulerService(db)
    service.start()
    try:
        with db.session() as s:
            cfg.save_config(s, cfg.NIGHTLY_BACKUP, enabled=False)
            cfg.save_config(s, cfg.WEEKLY_PLAN, options={"day_of_week": "fri", "time": "08:15"})
        service.reload()
        jobs = {j.id: j for j in service.list_jobs()}
        assert not jobs[cfg.NIGHTLY_BACKUP].enabled and jobs[cfg.NIGHTLY_BACKUP].next_run_time is None
        assert AppJobStore(db).lookup_job(cfg.NIGHTLY_BACKUP) is None
        nxt = jobs[cfg.WEEKLY_PLAN].next_run_time
        assert nxt.weekday() == 4 and nxt.time() == time(8, 15) and nxt > now_local()
        with db.session() as s:
            cfg.save_config(s, cfg.NIGHTLY_BACKUP, enabled=True, options={"time": "03:05"})
        service.reload()
        nxt = service.next_run_time(cfg.NIGHTLY_BACKUP)
        assert nxt.time() == time(3, 5) and nxt - now_local() <= timedelta(days=1)
    finally:
        service.shutdown()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(f"select count(*) from {APSCHEDULER_TABLE}").scalar() == len(cfg.SPECS)
    db.dispose()


def test_manual_run_reaches_callbacks_and_engine_survives_shutdown(db_file: Path) -> None:
    db = reopen(db_file)
    seen = Outcomes()
    service = SchedulerService(db, on_outcome=seen)
    service.start()
    outcome = service.run_now(cfg.UNFILLED_ALERTS)
    service.shutdown()
    assert outcome.status == "ok" and outcome.manual and seen.of(cfg.UNFILLED_ALERTS) == [outcome]
    # The job store must not dispose of the app's engine when the scheduler stops.
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(JobRun)) == 1
    service.shutdown()  # twice is harmless
    db.dispose()
