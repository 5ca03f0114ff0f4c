"""Shift planning: recurrence, idempotent generation and batches, shifts, assignments,
copying a week, the demo plan, and the command line through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from volunteer_app.errors import ConflictError, ValidationError
from volunteer_app.models.shifts import Shift
from volunteer_app.scheduling.recurrence import Recurrence, cron_dates, occurrence_dates
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service
from volunteer_app.services import templates as template_service
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services import week_copy as week_copy_service

TZ = ZoneInfo("Asia/Shanghai")


def ordinary(day: date):  # noqa: ANN201
    from volunteer_app.scheduling.holidays import DayInfo

    return DayInfo(day, "weekend" if day.weekday() >= 5 else "workday")


# ------------------------------------------------------------ recurrence (pure)


def test_daily_recurrence_crosses_month_and_year_ends() -> None:
    rec = Recurrence(time(19))
    days = cron_dates(rec, date(2026, 1, 30), date(2026, 2, 2), TZ)
    assert days == [date(2026, 1, 30), date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 2)]
    days = cron_dates(rec, date(2026, 12, 30), date(2027, 1, 2), TZ)
    assert days == [date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)]


def test_day_of_month_31_and_leap_day() -> None:
    rec = Recurrence(time(9), day="31")
    assert cron_dates(rec, date(2026, 1, 1), date(2026, 6, 30), TZ) == [
        date(2026, 1, 31), date(2026, 3, 31), date(2026, 5, 31)]
    leap = Recurrence(time(9), day="29", month="2")
    assert cron_dates(leap, date(2026, 1, 1), date(2028, 12, 31), TZ) == [date(2028, 2, 29)]
    last = Recurrence(time(9), day="last")
    assert cron_dates(last, date(2026, 1, 1), date(2026, 3, 31), TZ) == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]


def test_weekday_names_follow_apscheduler() -> None:
    # 2026-11-30 is a Monday; in APScheduler 0 is Monday too, names avoid any doubt.
    week = (date(2026, 11, 30), date(2026, 12, 6))
    assert [d.weekday() for d in cron_dates(Recurrence(time(8), day_of_week="mon-fri"), *week, TZ)] == [0, 1, 2, 3, 4]
    assert cron_dates(Recurrence(time(9), day_of_week="sat"), *week, TZ) == [date(2026, 12, 5)]
    assert cron_dates(Recurrence(time(9), day_of_week="tue,thu"), *week, TZ) == [
        date(2026, 12, 1), date(2026, 12, 3)]


def test_validity_range_limits_occurrences() -> None:
    rec = Recurrence(time(8), valid_from=date(2026, 3, 30), valid_until=date(2026, 4, 2))
    days = occurrence_dates(rec, date(2026, 3, 1), date(2026, 4, 30), TZ, ordinary)
    assert days == [date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 2)]


def test_overnight_start_time_keeps_its_start_date() -> None:
    # The fire time of a 23:30 start is the shift's date in the community's zone.
    rec = Recurrence(time(23, 30), day_of_week="sun")
    assert cron_dates(rec, date(2026, 11, 30), date(2026, 12, 13), TZ) == [
        date(2026, 12, 6), date(2026, 12, 13)]


# ------------------------------------------------------------ generation and batches


@pytest.fixture
def plan_db(db):  # noqa: ANN001, ANN201
    """A team with members and two templates: a daily evening patrol and a Saturday check."""
    with db.session() as s:
        tid = team_service.save_team(s, None, "小喇叭巡逻队", "patrol")
        vids = [vol_service.create(s, vol_service.VolunteerData(
            name=n, mobile=f"1390000000{i}", teams=[(tid, "member")]))
            for i, n in enumerate(["扎西次仁", "格桑·伦珠", "王芳", "李强"])]
        daily = template_service.save_template(s, None, template_service.TemplateData(
            "晚间巡逻", time(19), time(21), "patrol", team_id=tid, needed=2))
        sat = template_service.save_template(s, None, template_service.TemplateData(
            "每周大排查", time(9), time(11, 30), "big_inspection", team_id=tid, needed=4,
            day_of_week="sat"))
    return db, tid, vids, daily, sat


def count_shifts(db) -> int:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(func.count(Shift.id)))


def test_generation_is_idempotent(plan_db) -> None:  # noqa: ANN001
    db, *_ = plan_db
    with db.session() as s:
        first = template_service.generate(s, date(2026, 11, 28), date(2026, 12, 4))
    assert first.created == 7 + 1 and first.batch_id is not None
    with db.session() as s:
        again = template_service.generate(s, date(2026, 11, 28), date(2026, 12, 4))
    assert again.created == 0 and again.batch_id is None and again.existing == 8
    assert count_shifts(db) == 8
    with db.session() as s:  # overlapping range: only the new days
        wider = template_service.generate(s, date(2026, 11, 25), date(2026, 12, 6))
    assert wider.created == 5 + 1 and wider.existing == 8  # 25-27 Nov, 5-6 Dec; Sat 5 Dec
    with db.session() as s:
        assert len(template_service.list_batches(s)) == 2


def test_shift_spans_month_end(plan_db) -> None:  # noqa: ANN001
    db, *_ = plan_db
    with db.session() as s:
        template_service.generate(s, date(2026, 1, 29), date(2026, 2, 2))
        dates = sorted({r.date for r in svc.list_shifts(s, date(2026, 1, 1), date(2026, 2, 28))})
    assert dates == [date(2026, 1, 29), date(2026, 1, 30), date(2026, 1, 31), date(2026, 2, 1),
                     date(2026, 2, 2)]


def test_hand_edited_shift_is_never_overwritten(plan_db) -> None:  # noqa: ANN001
    db, tid, _v, daily, _sat = plan_db
    with db.session() as s:
        template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13))
        target = next(r for r in svc.list_shifts(s, date(2026, 12, 8), date(2026, 12, 8))
                      if r.template_id == daily)
        # Moved to Wednesday evening, later, with more people.
        svc.update_shift(s, target.id, svc.ShiftData(
            date(2026, 12, 9), time(20), time(22), "patrol", team_id=tid, needed=3,
            notes="改到周三"), expected_version=target.version)
    with db.session() as s:
        res = template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13))
        assert res.created == 0
        edited = svc.get_shift(s, target.id)
    assert (edited.date, edited.start, edited.needed, edited.notes) == (
        date(2026, 12, 9), time(20), 3, "改到周三")
    assert edited.edited_by_hand
    with db.session() as s, pytest.raises(ConflictError) as err:
        svc.update_shift(s, target.id, svc.ShiftData(date(2026, 12, 9), time(20), time(22)),
                         expected_version=target.version)
    assert err.value.code == "stale"


def test_deleted_generated_shift_does_not_come_back(plan_db) -> None:  # noqa: ANN001
    db, *_ = plan_db
    with db.session() as s:
        template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13))
        victim = svc.list_shifts(s, date(2026, 12, 10), date(2026, 12, 10))[0]
        svc.delete_shift(s, victim.id)
    with db.session() as s:
        res = template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13))
    assert res.created == 0 and res.skipped == 1
    assert count_shifts(db) == 7


def test_undo_batch_as_a_whole_only_without_assignments(plan_db) -> None:  # noqa: ANN001
    db, _tid, vids, *_ = plan_db
    with db.session() as s:
        a = template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13)).batch_id
        b = template_service.generate(s, date(2026, 12, 14), date(2026, 12, 20)).batch_id
        one = svc.list_shifts(s, date(2026, 12, 15), date(2026, 12, 15))[0]
        assignment_service.assign(s, one.id, vids[0])
    with db.session() as s, pytest.raises(ConflictError) as err:
        template_service.undo_batch(s, b)
    assert err.value.code == "batch_has_assignments"
    assert count_shifts(db) == 16
    with db.session() as s:
        assert template_service.undo_batch(s, a) == 8
    assert count_shifts(db) == 8
    with db.session() as s, pytest.raises(ConflictError):
        template_service.undo_batch(s, a)
    with db.session() as s:
        batches = {x.id: x for x in template_service.list_batches(s)}
    assert batches[a].undone_at is not None and not batches[a].can_undo
    assert batches[b].with_assignments == 1 and not batches[b].can_undo
    with db.session() as s:  # undone occurrences can be generated again
        assert template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13)).created == 8


def test_generation_validates_range(plan_db) -> None:  # noqa: ANN001
    db, *_ = plan_db
    with db.session() as s, pytest.raises(ValidationError) as err:
        template_service.generate(s, date(2026, 12, 7), date(2026, 12, 1))
    assert err.value.reason == "end_before_start"
    with db.session() as s, pytest.raises(ValidationError) as err:
        template_service.generate(s, date(2026, 1, 1), date(2029, 1, 1))
    assert err.value.reason == "range_too_long"


def test_template_validation(db) -> None:  # noqa: ANN001
    with db.session() as s, pytest.raises(ValidationError) as err:
        template_service.save_template(s, None, template_service.TemplateData(
            "", time(9), time(10), "dancing", needed=0, day_of_week="funday", team_id=999))
    fields = {(p.field, p.code) for p in err.value.problems}
    assert {("name", "required"), ("type", "duty_type_invalid"), ("needed", "needed_invalid"),
            ("day_of_week", "cron_invalid"), ("team", "unknown_team")} <= fields


# ------------------------------------------------------------ overnight shifts


def test_overnight_shift_ends_next_day_and_overlaps(plan_db) -> None:  # noqa: ANN001
    db, tid, vids, *_ = plan_db
    with db.session() as s:
        night = svc.create_shift(s, svc.ShiftData(date(2026, 12, 31), time(22), time(6), "patrol",
                                                  team_id=tid, title="跨年夜巡"))
        morning = svc.create_shift(s, svc.ShiftData(date(2027, 1, 1), time(5), time(8), "patrol",
                                                    team_id=tid))
        row = svc.get_shift(s, night)
        assert row.overnight and row.interval()[1].date() == date(2027, 1, 1)
        assignment_service.assign(s, night, vids[0])
        assert [c.code for c in assignment_service.check_assignment(s, morning, vids[0])] == ["overlap"]
    with db.session() as s:
        week = svc.week_plan(s, date(2026, 12, 31))
        listed = next(r for r in week.shifts if r.id == night)
    data = listed.to_json()
    assert data["start"] == "22:00" and data["end"] == "06:00" and data["overnight"] is True


# ------------------------------------------------------------ assignments and statuses


def test_status_transitions_and_confirm(plan_db) -> None:  # noqa: ANN001
    db, _tid, vids, *_ = plan_db
    with db.session() as s:
        sid = svc.create_shift(s, svc.ShiftData(date(2026, 12, 8), time(19), time(21), needed=3))
        s.get(Shift, sid).team_id = None
        for v in vids[:3]:
            assignment_service.assign(s, sid, v)
        assignment_service.confirm(s, sid, vids[0])
    with db.session() as s:
        assert assignment_service.confirm_shift(s, sid) == 2
        assignment_service.set_status(s, sid, vids[0], "checked_in")
        assignment_service.set_status(s, sid, vids[1], "no_show")
        assignment_service.set_status(s, sid, vids[2], "cancelled")
    with db.session() as s:
        row = svc.get_shift(s, sid)
        assert {a.volunteer_id: a.status for a in row.assigned} == {
            vids[0]: "checked_in", vids[1]: "no_show", vids[2]: "cancelled"}
        assert row.filled == 1 and row.gap == 2
        with pytest.raises(ConflictError) as err:
            assignment_service.set_status(s, sid, vids[2], "completed")
        assert err.value.code == "status_transition"
    with db.session() as s:  # a cancelled volunteer can be assigned again
        assignment_service.assign(s, sid, vids[2])
        assert svc.get_shift(s, sid).filled == 2
    with db.session() as s, pytest.raises(ConflictError) as err:
        svc.delete_shift(s, sid)
    assert err.value.code == "shift_has_record"


def test_volunteer_with_assignments_cannot_be_deleted(plan_db) -> None:  # noqa: ANN001
    db, tid, vids, *_ = plan_db
    with db.session() as s:
        sid = svc.create_shift(s, svc.ShiftData(date(2026, 12, 8), time(19), time(21), team_id=tid))
        assignment_service.assign(s, sid, vids[0])
    with db.session() as s:
        assert vol_service.has_history(s, vids[0])
        assert not vol_service.has_history(s, vids[1])
        with pytest.raises(ConflictError) as err:
            vol_service.delete(s, vids[0])
        assert err.value.code == "has_history"
        vol_service.delete(s, vids[1])


# ------------------------------------------------------------ week plan and copying


def test_parse_week() -> None:
    assert svc.parse_week("2026-W50") == date(2026, 12, 7)
    assert svc.parse_week("2026w01") == date(2025, 12, 29)
    assert svc.week_label(date(2027, 1, 3)) == "2026-W53"
    for bad in ("2026-W54", "2026-12", "W50"):
        with pytest.raises(ValidationError):
            svc.parse_week(bad)


def test_copy_previous_week(plan_db) -> None:  # noqa: ANN001
    db, tid, vids, daily, _sat = plan_db
    prev, this = date(2026, 12, 7), date(2026, 12, 14)
    with db.session() as s:
        template_service.generate(s, prev, prev + timedelta(days=6))  # this week not generated yet
        shifts = svc.list_shifts(s, prev, prev + timedelta(days=6))
        mon = next(r for r in shifts if r.date == prev)
        tue = next(r for r in shifts if r.date == prev + timedelta(days=1))
        one_off = svc.create_shift(s, svc.ShiftData(prev + timedelta(days=2), time(14), time(16),
                                                    "event", team_id=tid, title="消防演练"))
        assignment_service.assign(s, mon.id, vids[0])
        assignment_service.assign(s, mon.id, vids[1])
        assignment_service.assign(s, tue.id, vids[2])
        assignment_service.assign(s, one_off, vids[3])
        from volunteer_app.services import availability as avail
        avail.add_leave(s, vids[2], this, this + timedelta(days=6), "leave")
    with db.session() as s:
        res = week_copy_service.copy_week(s, this)
    assert res.shifts_created == 8 + 1 and res.assignments_copied == 3
    assert [(k.volunteer_id, k.codes) for k in res.skipped] == [(vids[2], ("on_leave",))]
    with db.session() as s:
        week = svc.week_plan(s, this)
        new_mon = next(r for r in week.shifts if r.date == this and r.template_id == daily)
        assert sorted(a.volunteer_id for a in new_mon.assigned) == sorted(vids[:2])
        assert all(a.source == "copy" and a.status == "planned" for a in new_mon.assigned)
        drill = next(r for r in week.shifts if r.title == "消防演练")
        assert drill.date == this + timedelta(days=2)
        # Generation afterwards recognises the copied template occurrences.
        assert template_service.generate(s, this, this + timedelta(days=6)).created == 0
    with db.session() as s:  # copying again adds nothing
        again = week_copy_service.copy_week(s, this)
    assert again.shifts_created == 0 and again.assignments_copied == 0


def test_copy_week_skips_outside_windows_and_over_weekly_maximum(plan_db) -> None:  # noqa: ANN001
    """Issue 18.6: copying checks the times offered and the maxima as hard rules; it used to
    copy a volunteer onto a duty outside their windows with a mere warning."""
    from volunteer_app.services import availability as avail

    db, tid, vids, _daily, _sat = plan_db
    prev, this = date(2026, 12, 7), date(2026, 12, 14)
    with db.session() as s:
        tue = svc.create_shift(s, svc.ShiftData(prev + timedelta(days=1), time(9), time(11),
                                                "patrol", team_id=tid, needed=3, title="早巡"))
        for vid in vids[:3]:
            assignment_service.assign(s, tue, vid)
        busy = svc.create_shift(s, svc.ShiftData(this + timedelta(days=3), time(14), time(16),
                                                 "event", team_id=tid, title="宣传"))
        assignment_service.assign(s, busy, vids[1])
        avail.set_windows(s, vids[0], [(0, time(19), time(22))])  # Monday evenings only
        avail.set_limits(s, vids[1], 1, None)  # one duty a week, already held
    with db.session() as s:
        res = week_copy_service.copy_week(s, this)
    skipped = {k.volunteer_id: k.codes for k in res.skipped}
    assert skipped == {vids[0]: ("outside_availability",), vids[1]: ("over_week_max",)}
    with db.session() as s:
        week = svc.week_plan(s, this)
        copied = next(r for r in week.shifts if r.title == "早巡")
        assert [a.volunteer_id for a in copied.assigned] == [vids[2]]


def test_week_plan_marks_holidays(db) -> None:  # noqa: ANN001
    with db.session() as s:
        week = svc.week_plan(s, date(2026, 10, 7))
    assert week.label == "2026-W41"
    kinds = {d.date: d.kind for d in week.days}
    assert kinds[date(2026, 10, 5)] == "holiday" and kinds[date(2026, 10, 10)] == "makeup_workday"
    assert kinds[date(2026, 10, 8)] == "workday" and kinds[date(2026, 10, 11)] == "weekend"
    assert not week.holiday_notice


def test_demo_has_a_planned_fortnight(demo_db) -> None:  # noqa: ANN001
    today = date.today()
    with demo_db.session() as s:
        templates = template_service.list_templates(s)
        this_week = svc.week_plan(s, today)
        next_week = svc.week_plan(s, today + timedelta(days=7))
    types = {t.duty_type for t in templates}
    assert {"patrol", "small_inspection", "big_inspection"} <= types
    assert any(t.day_of_week == "sat" and t.duty_type == "big_inspection" for t in templates)
    assert len(this_week.shifts) > 40 and len(next_week.shifts) > 40
    assert any(r.overnight for r in this_week.shifts)
    filled = sum(r.filled for r in this_week.shifts)
    assert filled > 0.8 * sum(r.needed for r in this_week.shifts)
    assert any(r.gap > 0 for r in next_week.shifts)  # gaps to fill next week
    # Every demo assignment is clean by the shared rules.
    with demo_db.session() as s:
        for r in this_week.shifts[:20]:
            for a in r.on_shift:
                others = [c.code for c in assignment_service.check_assignment(s, r.id, a.volunteer_id)]
                assert others == [], (r.id, a.volunteer_id, others)


# ------------------------------------------------------------ command line


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "volunteer_app", *args], capture_output=True,
                          text=True, env=dict(os.environ), timeout=120)


@pytest.mark.slow
def test_cli_generate_list_assign_unassign(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("demo", template="demo")
    res = run("templates", "add", "--name", "测试夜巡", "--start", "22:00", "--end", "06:00",
              "--team", "小喇叭巡逻队", "--grid", "3号网格", "--needed", "1", "--db", url)
    assert res.returncode == 0, res.stderr
    res = run("shifts", "generate", "--from", "2026-12-07", "--to", "2026-12-13", "--db", url)
    assert res.returncode == 0, res.stderr
    assert "created" in res.stdout
    res = run("shifts", "generate", "--from", "2026-12-07", "--to", "2026-12-13", "--json", "--db", url)
    assert json.loads(res.stdout)["created"] == 0  # idempotent
    res = run("shifts", "list", "--week", "2026-W50", "--team", "小喇叭巡逻队", "--json", "--db", url)
    assert res.returncode == 0, res.stderr
    rows = json.loads(res.stdout)
    assert rows and all(r["team"] == "小喇叭巡逻队" for r in rows)
    assert {"id", "team", "grid", "date", "start", "end", "type", "needed", "assigned"} <= set(rows[0])
    night = next(r for r in rows if r["start"] == "22:00" and r["date"] == "2026-12-08")
    assert night["grid"] == "3号网格" and night["end"] == "06:00" and night["assigned"] == []

    members = json.loads(run("volunteers", "list", "--team", "小喇叭巡逻队", "--json", "--db", url).stdout)
    outsiders = json.loads(run("volunteers", "list", "--team", "爱骑志愿服务队", "--json", "--db", url).stdout)
    member = members[0]
    res = run("shifts", "assign", str(night["id"]), str(member["id"]), "--db", url)
    assert res.returncode == 0, res.stderr
    res = run("shifts", "assign", str(night["id"]), str(outsiders[0]["id"]), "--db", url)
    assert res.returncode == 2
    assert "not a member of the shift's team" in res.stderr or "already has the people" in res.stderr
    res = run("shifts", "assign", str(night["id"]), str(outsiders[0]["id"]), "--override",
              "临时支援", "--db", url)
    assert res.returncode == 0 and "overridden" in res.stdout
    rows = json.loads(run("shifts", "list", "--week", "2026-W50", "--json", "--db", url).stdout)
    got = next(r for r in rows if r["id"] == night["id"])
    assert {a["id"] for a in got["assigned"]} == {member["id"], outsiders[0]["id"]}
    assert {a["name"] for a in got["assigned"]} == {member["name"], outsiders[0]["name"]}
    res = run("shifts", "unassign", str(night["id"]), str(member["id"]), "--db", url)
    assert res.returncode == 0, res.stderr
    res = run("shifts", "unassign", str(night["id"]), str(member["id"]), "--db", url)
    assert res.returncode == 2 and "not on shift" in res.stderr


@pytest.mark.slow
def test_cli_hard_conflict_message_and_bad_input(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("demo", template="demo")
    res = run("shifts", "add", "--date", "2026-12-09", "--start", "19:00", "--end", "21:00",
              "--team", "红蜻蜓义务宣传队", "--db", url)
    assert res.returncode == 0, res.stderr
    sid = int(res.stdout.split()[1])
    riders = json.loads(run("volunteers", "list", "--team", "爱骑志愿服务队", "--json", "--db", url).stdout)
    res = run("shifts", "assign", str(sid), str(riders[0]["id"]), "--db", url)
    assert res.returncode == 2
    assert "hard conflict: the volunteer is not a member of the shift's team" in res.stderr
    res = run("shifts", "list", "--week", "2026-W60", "--db", url)
    assert res.returncode == 2 and "ISO week" in res.stderr
    res = run("shifts", "generate", "--from", "2026-12-09", "--to", "2026-12-01", "--db", url)
    assert res.returncode == 2 and "to" in res.stderr and "before the start" in res.stderr
    res = run("shifts", "assign", "999999", str(riders[0]["id"]), "--db", url)
    assert res.returncode == 2 and "no shift with id 999999" in res.stderr


@pytest.mark.slow
def test_cli_batches_undo_and_holidays(new_db_url) -> None:  # noqa: ANN001
    url = new_db_url("plain", template="empty")
    assert run("templates", "add", "--name", "巡逻", "--start", "19:00", "--end", "21:00",
               "--days", "mon-fri", "--no-holidays", "--db", url).returncode == 0
    res = run("shifts", "generate", "--from", "2026-09-28", "--to", "2026-10-11", "--json", "--db", url)
    out = json.loads(res.stdout)
    # Nine weekdays and the make-up Saturday, minus the five National Day weekdays.
    assert out["created"] == 10 - 5 + 1
    batches = json.loads(run("shifts", "batches", "--json", "--db", url).stdout)
    assert batches[0]["can_undo"] is True
    res = run("shifts", "undo-batch", str(batches[0]["id"]), "--db", url)
    assert res.returncode == 0 and "6 shifts deleted" in res.stdout
    res = run("holidays", "list", "--year", "2026", "--json", "--db", url)
    days = {d["date"]: d for d in json.loads(res.stdout)}
    assert days["2026-10-01"]["kind"] == "holiday" and days["2026-10-10"]["kind"] == "workday"
    res = run("holidays", "set", "2026-03-03", "--kind", "holiday", "--name", "藏历新年", "--db", url)
    assert res.returncode == 0
    res = run("holidays", "list", "--year", "2099", "--db", url)
    assert res.returncode == 0 and "no official holiday data for 2099" in res.stderr


# ------------------------------------------------------------ permissions


def test_roles_limit_planning(plan_db) -> None:  # noqa: ANN001
    from volunteer_app.security.permissions import CAPTAIN, CLERK, Actor, PermissionDenied
    from volunteer_app.services import availability as avail
    from volunteer_app.services import holidays as holiday_service

    db, tid, vids, *_ = plan_db
    with db.session() as s:
        other = team_service.save_team(s, None, "红蜻蜓义务宣传队", "publicity")
        mine = svc.create_shift(s, svc.ShiftData(date(2026, 12, 8), time(19), time(21), team_id=tid))
        theirs = svc.create_shift(s, svc.ShiftData(date(2026, 12, 9), time(9), time(11), team_id=other))
    captain = Actor("队长", CAPTAIN, operator_id=7, team_id=tid)
    with db.session() as s:
        s.info["actor"] = captain
        assignment_service.assign(s, mine, vids[0])  # own team: allowed
        assignment_service.set_status(s, mine, vids[0], "checked_in")
        with pytest.raises(PermissionDenied):
            assignment_service.assign(s, theirs, vids[1])
        template_service.save_template(s, None, template_service.TemplateData("巡逻", time(8), time(9), team_id=tid))
        with pytest.raises(PermissionDenied):
            template_service.save_template(s, None, template_service.TemplateData("宣传", time(8), time(9), team_id=other))
    with db.session() as s:
        template_service.save_template(s, None, template_service.TemplateData("宣传", time(8), time(9), team_id=other))
    with db.session() as s:
        s.info["actor"] = captain
        res = template_service.generate(s, date(2026, 12, 7), date(2026, 12, 13))
        made = svc.list_shifts(s, date(2026, 12, 7), date(2026, 12, 13))
    # A captain's generation makes only the captain's team's shifts.
    assert res.created == 7 + 1 + 7
    assert {r.team_id for r in made if r.batch_id == res.batch_id} == {tid}
    clerk = Actor("文员", CLERK, operator_id=8)
    with db.session() as s:
        s.info["actor"] = clerk
        assert svc.week_plan(s, date(2026, 12, 7)).shifts  # may look
        holiday_service.set_holiday(s, date(2026, 3, 3), "holiday", "藏历新年")  # keeps the holiday table
        avail.add_leave(s, vids[1], date(2026, 12, 9), date(2026, 12, 9))  # keeps the register
        with pytest.raises(PermissionDenied):
            assignment_service.unassign(s, mine, vids[0])
