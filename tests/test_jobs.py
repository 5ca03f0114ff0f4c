"""The job bodies and the idempotent runner, with injected clocks, on a real database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from volunteer_app.db import Database
from volunteer_app.errors import ConflictError, NotFoundError, ValidationError
from volunteer_app.jobs import jobs as jobs_module
from volunteer_app.jobs import settings as cfg
from volunteer_app.jobs.jobs import backup_files, run_job
from volunteer_app.jobs.overview import today_overview
from volunteer_app.models import Grid, Team, Volunteer
from volunteer_app.models.jobs import JobRun, ReminderLog
from volunteer_app.models.requests import ResidentRequest
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.services import templates as template_service

DAY = date(2026, 12, 8)  # a Tuesday


def add_shift(s, team: Team, grid: Grid, day: date, start: time, end: time, needed: int,
              volunteers: list[Volunteer], title: str = "晚间巡逻") -> Shift:
    shift = Shift(title=title, team_id=team.id, grid_id=grid.id, date=day, start_time=start,
                  end_time=end, needed=needed, duty_type="patrol")
    s.add(shift)
    s.flush()
    for v in volunteers:
        s.add(Assignment(shift_id=shift.id, volunteer_id=v.id, status="planned"))
    s.flush()
    return shift


@pytest.fixture
def world(db: Database) -> dict:
    """A team, a grid, four volunteers and three shifts around DAY."""
    with db.session() as s:
        team = Team(name="小喇叭巡逻队", kind="patrol")
        grid = Grid(number=3, name="3号网格")
        s.add_all([team, grid])
        s.flush()
        vols = [Volunteer(name=n, mobile=m) for n, m in (
            ("张三", "13812341234"), ("李四", "13900001111"), ("王五", "13700002222"),
            ("赵六", "13600003333"))]
        s.add_all(vols)
        s.flush()
        evening = add_shift(s, team, grid, DAY, time(19), time(21), 2, vols[:2])
        night = add_shift(s, team, grid, DAY, time(22), time(6), 3, vols[2:3], title="夜间巡逻")
        later = add_shift(s, team, grid, DAY + timedelta(days=3), time(9), time(11), 2, [])
        return {"team": team.id, "grid": grid.id, "vols": [v.id for v in vols],
                "evening": evening.id, "night": night.id, "later": later.id}


def log_rows(db: Database, kind: str = "duty") -> list[tuple[str, str, int | None]]:
    with db.session() as s:
        return [(r.key, r.status, r.lead_minutes) for r in s.scalars(
            select(ReminderLog).where(ReminderLog.kind == kind).order_by(ReminderLog.id))]


# ---------------------------------------------------------------------------- settings


def test_last_slot_of_each_kind_of_schedule() -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    every5 = cfg.JobConfig(cfg.DUTY_REMINDERS, True, {})
    assert cfg.last_slot(every5, datetime(2026, 12, 8, 10, 7, 30), tz) == datetime(2026, 12, 8, 10, 5)
    assert cfg.last_slot(every5, datetime(2026, 12, 8, 0, 2), tz) == datetime(2026, 12, 8, 0, 0)
    hourly = cfg.JobConfig(cfg.UNFILLED_ALERTS, True, {})
    assert cfg.last_slot(hourly, datetime(2027, 1, 1, 0, 30), tz) == datetime(2027, 1, 1, 0, 0)
    weekly = cfg.JobConfig(cfg.WEEKLY_PLAN, True, {})
    assert cfg.last_slot(weekly, datetime(2026, 12, 3, 8, 59), tz) == datetime(2026, 11, 26, 9, 0)
    assert cfg.last_slot(weekly, datetime(2026, 12, 3, 9, 0), tz) == datetime(2026, 12, 3, 9, 0)
    nightly = cfg.JobConfig(cfg.NIGHTLY_BACKUP, True, {})
    assert cfg.last_slot(nightly, datetime(2026, 12, 1, 2, 29), tz) == datetime(2026, 11, 30, 2, 30)


def test_settings_defaults_validation_and_storage(db: Database) -> None:
    with db.session() as s:
        configs = {c.job_id: c for c in cfg.list_configs(s)}
        assert set(configs) == set(cfg.SPEC_BY_ID)
        assert all(c.enabled for c in configs.values())
        assert configs[cfg.WEEKLY_PLAN].get("day_of_week") == "thu"
        assert configs[cfg.WEEKLY_PLAN].at == time(9, 0)
        assert configs[cfg.NIGHTLY_BACKUP].get("keep") == 14
        assert cfg.lead_times(configs[cfg.DUTY_REMINDERS]).default == (1440, 120)
        with pytest.raises(ValidationError) as err:
            cfg.save_config(s, cfg.DUTY_REMINDERS, options={
                "every_minutes": 7, "lead_minutes": [0], "bogus": 1})
        assert {p.field for p in err.value.problems} == {"every_minutes", "lead_minutes", "bogus"}
        with pytest.raises(ValidationError) as err:
            cfg.save_config(s, cfg.WEEKLY_PLAN, options={"time": "25:00", "day_of_week": "thursday"})
        assert {p.code for p in err.value.problems} == {"time_invalid", "day_invalid"}
        with pytest.raises(NotFoundError):
            cfg.save_config(s, "no_such_job", enabled=False)
        saved = cfg.save_config(s, cfg.DUTY_REMINDERS, enabled=False, options={
            "lead_minutes": [60, 720, 60], "team_lead_minutes": {"5": [30]}})
        assert saved.options["lead_minutes"] == [720, 60]  # sorted, longest first, no repeats
        version = saved.version
    with db.session() as s:
        again = cfg.get_config(s, cfg.DUTY_REMINDERS)
        assert not again.enabled
        assert cfg.lead_times(again).for_team(5) == (30,)
        assert cfg.lead_times(again).for_team(6) == (720, 60)
        with pytest.raises(ConflictError):
            cfg.save_config(s, cfg.DUTY_REMINDERS, enabled=True, expected_version=version - 1)


# ---------------------------------------------------------------------------- reminders


def test_no_reminder_for_a_duty_the_volunteer_is_away_for(db: Database, world: dict) -> None:
    """Issue 18: reminders still went out after a leave was recorded or a volunteer left."""
    from volunteer_app.models.availability import VolunteerLeave

    zhang, li = world["vols"][0], world["vols"][1]
    with db.session() as s:
        s.add(VolunteerLeave(volunteer_id=zhang, start_date=DAY, end_date=DAY, kind="leave"))
        s.get(Volunteer, li).active = False
    out = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY - timedelta(days=1), time(19, 0)))
    assert out.status == "ok" and out.summary["sent"] == 0
    assert out.summary["skipped_away"] == 2 and out.notices == ()


def test_duty_reminders_job_sends_each_reminder_once(db: Database, world: dict) -> None:
    day_before = datetime.combine(DAY - timedelta(days=1), time(19, 0))
    out = run_job(db, cfg.DUTY_REMINDERS, now=day_before)
    assert out.status == "ok" and out.summary["sent"] == 2
    assert out.slot == day_before
    assert {n.data["volunteer"] for n in out.notices} == {"张三", "李四"}
    assert {n.kind for n in out.notices} == {"duty_reminder"}
    # The same slot again (APScheduler firing twice) does nothing at all.
    again = run_job(db, cfg.DUTY_REMINDERS, now=day_before + timedelta(minutes=3))
    assert again.status == "already_done" and again.notices == ()
    # The next slot: nothing new is due.
    nxt = run_job(db, cfg.DUTY_REMINDERS, now=day_before + timedelta(minutes=5))
    assert nxt.status == "ok" and nxt.summary["sent"] == 0
    # The overnight shift's 24-hour reminder comes at 22:00 the day before.
    late = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY - timedelta(days=1), time(22, 1)))
    assert [n.data["volunteer"] for n in late.notices] == ["王五"]
    # A manual run two hours before the evening duty sends the 2-hour reminders.
    manual = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(17, 0)), manual=True)
    assert manual.summary["sent"] == 2 and {n.data["lead_minutes"] for n in manual.notices} == {120}
    rows = log_rows(db)
    assert len(rows) == 5 and len({k for k, _, _ in rows}) == 5
    assert all(status == "sent" for _, status, _ in rows)
    with db.session() as s:
        runs = s.scalars(select(JobRun).where(JobRun.job_id == cfg.DUTY_REMINDERS)).all()
        assert len(runs) == 4 and {r.status for r in runs} == {"ok"}


def test_caught_up_late_sends_only_the_latest_reminder(db: Database, world: dict) -> None:
    out = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(18, 0)))
    # Evening duty (19:00): both lead times passed, only the 2-hour reminder is sent.
    # Night duty (22:00): only its 24-hour reminder has fallen due.
    assert out.summary == {"sent": 3, "superseded": 2, "duties_checked": 3, "skipped_away": 0}
    assert sorted((n.data["volunteer"], n.data["lead_minutes"], tuple(n.data["superseded"]))
                  for n in out.notices) == [
        ("张三", 120, (1440,)), ("李四", 120, (1440,)), ("王五", 1440, ())]
    rows = log_rows(db)
    assert sorted((st, lead) for _, st, lead in rows) == [
        ("sent", 120), ("sent", 120), ("sent", 1440), ("superseded", 1440), ("superseded", 1440)]
    # Nothing more for the evening duty, ever; the night duty's 2-hour reminder comes at 20:00.
    assert run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(18, 30))).summary["sent"] == 0
    at20 = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(20, 0)))
    assert [(n.data["volunteer"], n.data["lead_minutes"]) for n in at20.notices] == [("王五", 120)]


def test_cancelled_assignment_gets_no_reminder(db: Database, world: dict) -> None:
    with db.session() as s:
        a = s.scalar(select(Assignment).where(Assignment.shift_id == world["evening"],
                                              Assignment.volunteer_id == world["vols"][0]))
        a.status = "cancelled"
    out = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(18, 0)))
    assert [n.data["volunteer"] for n in out.notices
            if n.data["shift_id"] == world["evening"]] == ["李四"]


def test_disabled_reminders_still_run_by_hand_with_team_lead_times(db: Database, world: dict) -> None:
    with db.session() as s:
        cfg.save_config(s, cfg.DUTY_REMINDERS, options={
            "team_lead_minutes": {str(world["team"]): [30]}})
    out = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(17, 0)), manual=True)
    assert out.summary["sent"] == 0  # this team is reminded 30 minutes before only
    out = run_job(db, cfg.DUTY_REMINDERS, now=datetime.combine(DAY, time(18, 30)), manual=True)
    assert out.summary["sent"] == 2 and {n.data["lead_minutes"] for n in out.notices} == {30}


# ---------------------------------------------------------------------------- alerts


def test_unfilled_alerts_within_48_hours_once_per_shift(db: Database, world: dict) -> None:
    now = datetime.combine(DAY, time(8, 0))
    out = run_job(db, cfg.UNFILLED_ALERTS, now=now)
    # The night shift (1 of 3) is within 48 hours; the evening one is full; the one in
    # three days is outside the window.
    assert out.status == "ok"
    assert [(n.data["id"], n.data["gap"]) for n in out.notices] == [(world["night"], 2)]
    assert run_job(db, cfg.UNFILLED_ALERTS, now=now + timedelta(hours=1)).notices == ()
    # Two days later the shift in three days comes into the window.
    out = run_job(db, cfg.UNFILLED_ALERTS, now=now + timedelta(days=2))
    assert [(n.data["id"], n.data["filled"], n.data["needed"]) for n in out.notices] == [(world["later"], 0, 2)]
    with db.session() as s:
        cfg.save_config(s, cfg.UNFILLED_ALERTS, options={"window_hours": 12})
    assert len(log_rows(db, "unfilled")) == 2


def _request(s, due: datetime, status: str = "received") -> int:
    req = ResidentRequest(resident_name="刘阿姨", resident_phone="13512345678", building="3栋2单元",
                          category="repair", description="楼道灯不亮", source="phone",
                          urgency="normal", status=status, received_at=due - timedelta(hours=24),
                          due_at=due, received_by="前台")
    s.add(req)
    s.flush()
    return req.id


def test_overdue_requests_alerted_once(db: Database) -> None:
    now = datetime(2026, 12, 8, 10, 0)
    with db.session() as s:
        late = _request(s, now - timedelta(hours=3))
        _request(s, now + timedelta(hours=3))
        _request(s, now - timedelta(hours=5), status="done")
    out = run_job(db, cfg.OVERDUE_REQUESTS, now=now)
    assert out.status == "ok"
    assert [(n.kind, n.data["request_id"], n.data["hours_late"]) for n in out.notices] == [
        ("overdue_request", late, 3)]
    assert run_job(db, cfg.OVERDUE_REQUESTS, now=now + timedelta(hours=1)).notices == ()


def test_overdue_requests_not_available_without_the_requests_feature(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs_module, "requests_service", lambda: None)
    out = run_job(db, cfg.OVERDUE_REQUESTS, now=datetime(2026, 12, 8, 10, 0))
    assert (out.status, out.reason) == ("not_available", "requests_not_available")
    with db.session() as s:
        assert s.scalar(select(JobRun.status).where(JobRun.job_id == cfg.OVERDUE_REQUESTS)) == "not_available"


# ---------------------------------------------------------------------------- weekly plan


def test_weekly_plan_generates_next_week_once(db: Database, world: dict) -> None:
    with db.session() as s:
        template_service.save_template(s, None, template_service.TemplateData(
            name="香雪佳园晚间巡逻", start_time=time(19, 30), end_time=time(21, 30),
            team_id=world["team"], grid_id=world["grid"], needed=2))
    thursday = datetime(2026, 12, 3, 9, 0, 20)
    out = run_job(db, cfg.WEEKLY_PLAN, now=thursday)
    assert out.status == "ok" and out.slot == datetime(2026, 12, 3, 9, 0)
    assert out.summary["week"] == "2026-W50" and out.summary["created"] == 7
    assert (out.summary["from"], out.summary["to"]) == ("2026-12-07", "2026-12-13")
    assert [n.kind for n in out.notices] == ["plan_generated"]
    assert run_job(db, cfg.WEEKLY_PLAN, now=thursday + timedelta(hours=5)).status == "already_done"
    # Caught up on Wednesday of the planned week: the same slot, nothing new to make.
    assert run_job(db, cfg.WEEKLY_PLAN, now=datetime(2026, 12, 9, 8, 0)).status == "already_done"
    manual = run_job(db, cfg.WEEKLY_PLAN, now=thursday + timedelta(hours=6), manual=True)
    assert manual.summary["created"] == 0 and manual.summary["existing"] == 7
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Shift).where(
            Shift.template_id.is_not(None))) == 7


def test_weekly_plan_caught_up_late_plans_only_the_days_ahead(db: Database, world: dict) -> None:
    with db.session() as s:
        template_service.save_template(s, None, template_service.TemplateData(
            name="日常小排查", start_time=time(10), end_time=time(11), team_id=world["team"]))
    # Closed from Thursday until Saturday of the week to plan... (slot: Thursday 3 December)
    out = run_job(db, cfg.WEEKLY_PLAN, now=datetime(2026, 12, 9, 12, 0))
    assert out.slot == datetime(2026, 12, 3, 9, 0)
    assert out.summary["from"] == "2026-12-09" and out.summary["created"] == 5


# ---------------------------------------------------------------------------- backup


@pytest.mark.sqlite_only
def test_backup_rotation_keeps_exactly_n(demo_db: Database) -> None:
    with demo_db.session() as s:
        cfg.save_config(s, cfg.NIGHTLY_BACKUP, options={"keep": 4})
    db_file = Path(demo_db.engine.url.database)
    folder = db_file.parent / "backups"
    folder.mkdir()
    foreign = folder / "notes.txt"
    foreign.write_text("not a backup")
    other_db = folder / "other-20260101-023000.db"  # another database's backup
    other_db.write_bytes(b"")
    outcomes = [run_job(demo_db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, d, 7, 45))
                for d in range(1, 8)]
    assert [o.status for o in outcomes] == ["ok"] * 7
    assert run_job(demo_db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 7, 9, 0)).status == "already_done"
    kept = backup_files(folder, db_file.stem, ".vabak")
    assert [p.name for p in kept] == [f"{db_file.stem}-202612{d:02d}-023000.vabak" for d in (7, 6, 5, 4)]
    assert foreign.exists() and other_db.exists()
    assert not list(folder.glob("*.part"))
    assert outcomes[-1].summary["removed"] == [f"{db_file.stem}-20261203-023000.vabak"]
    # Encrypted with the database key (issue 17.2): checked and loaded as a restore would.
    from volunteer_app.backup import verify_backup

    assert kept[0].read_bytes()[:8] == b"VABAKENC"
    info = verify_backup(kept[0])
    assert info["encrypted"] == "database_key" and info["rows"]["volunteer"] == 152


@pytest.mark.sqlite_only
def test_plain_nightly_copies_of_older_versions_age_out(demo_db: Database) -> None:
    with demo_db.session() as s:
        cfg.save_config(s, cfg.NIGHTLY_BACKUP, options={"keep": 2})
    db_file = Path(demo_db.engine.url.database)
    folder = db_file.parent / "backups"
    folder.mkdir()
    old = [folder / f"{db_file.stem}-2026110{d}-023000{db_file.suffix}" for d in (1, 2)]
    for p in old:
        p.write_bytes(b"")
    outcome = run_job(demo_db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 1, 7, 45))
    assert outcome.status == "ok" and not old[0].exists() and old[1].exists()
    run_job(demo_db, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 2, 7, 45))
    assert not old[1].exists()


def test_backup_not_available_on_a_server_database(db: Database) -> None:
    server = Database("postgresql+psycopg://office@server/volunteers", db.engine)
    out = run_job(server, cfg.NIGHTLY_BACKUP, now=datetime(2026, 12, 8, 3, 0))
    assert (out.status, out.reason) == ("not_available", "not_sqlite")


# ---------------------------------------------------------------------------- runner


def test_failed_run_is_recorded_and_its_slot_retried(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def broken(session, run):  # noqa: ANN001, ANN202
        calls.append(run.slot)
        raise RuntimeError("disk full")

    monkeypatch.setattr(jobs_module, "unfilled_alerts", broken)
    now = datetime(2026, 12, 8, 10, 30)
    out = run_job(db, cfg.UNFILLED_ALERTS, now=now)
    assert out.status == "failed" and "disk full" in out.error
    with db.session() as s:
        row = s.scalar(select(JobRun).where(JobRun.job_id == cfg.UNFILLED_ALERTS))
        assert row.status == "failed" and "disk full" in row.error and row.finished_at
    monkeypatch.undo()
    retry = run_job(db, cfg.UNFILLED_ALERTS, now=now + timedelta(minutes=10))
    assert retry.status == "ok" and retry.slot == datetime(2026, 12, 8, 10, 0)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(JobRun)) == 1  # the same row, retried


def test_unknown_job_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError):
        run_job(db, "make_coffee")


# ---------------------------------------------------------------------------- Today


def test_today_overview_lists_duties_gaps_and_pending_reminders(db: Database, world: dict) -> None:
    now = datetime.combine(DAY, time(17, 30))
    run_job(db, cfg.DUTY_REMINDERS, now=now)
    with db.session() as s:
        ov = today_overview(s, now)
    assert [sh.shift_id for sh in ov.today] == [world["evening"], world["night"]]
    assert ov.tomorrow == ()
    assert [p.name for p in ov.today[0].people] == ["张三", "李四"]
    assert ov.today[1].gap == 2 and ov.gaps == 2
    states = [(p.duty.volunteer, p.state, p.lead_minutes) for p in ov.reminders]
    assert ("张三", "sent", 120) in states and ("李四", "sent", 120) in states
    assert ("王五", "scheduled", 120) in states  # 20:00 for the 22:00 night patrol
    assert all(p.duty.begins > now for p in ov.reminders)


# ---------------------------------------------------------------------------- operators


def test_jobs_act_as_the_system_whoever_is_logged_in(db: Database, world: dict) -> None:
    from volunteer_app.jobs.scheduler import SchedulerService
    from volunteer_app.security import accounts
    from volunteer_app.security.permissions import LoginRequired, PermissionDenied

    with db.session() as s:
        template_service.save_template(s, None, template_service.TemplateData(
            name="晚间巡逻", start_time=time(19, 30), end_time=time(21, 30), team_id=world["team"]))
        accounts.enable_accounts(s, "admin", "correct horse")
    db.actor = None
    accounts.login_unit(db, "admin", "correct horse")
    with db.session() as s:
        accounts.save_operator(s, None, "clerk1", "clerk", password="another horse 1")
    accounts.login_unit(db, "clerk1", "another horse 1")
    # A clerk may not plan shifts, but the weekly plan is the scheduler's work.
    out = run_job(db, cfg.WEEKLY_PLAN, now=datetime(2026, 12, 3, 9, 0))
    assert out.status == "ok" and out.summary["created"] == 7
    # Changing job settings and running a job by hand need "jobs.manage".
    with pytest.raises(PermissionDenied), db.session() as s:
        cfg.save_config(s, cfg.NIGHTLY_BACKUP, enabled=False)
    with pytest.raises(PermissionDenied):
        SchedulerService(db).run_now(cfg.UNFILLED_ALERTS)
    db.actor = None
    with pytest.raises(LoginRequired), db.session() as s:
        today_overview(s, datetime(2026, 12, 8, 12, 0))
