"""Reminder computation with injected clocks: midnight, month end, overnight duties, DST."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volunteer_app.jobs.reminders import (
    Duty,
    LeadTimes,
    as_local,
    due_reminders,
    remind_time,
    reminder_key,
    upcoming_reminders,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
DEFAULT = LeadTimes()  # 24 h and 2 h


def duty(day: date, start: time, end: time, *, aid: int = 1, team_id: int | None = 1,
         status: str = "planned", name: str = "张三") -> Duty:
    return Duty(assignment_id=aid, shift_id=100 + aid, volunteer_id=10 + aid, volunteer=name,
                mobile="13812341234", team_id=team_id, team="小喇叭巡逻队", grid="3号网格",
                location="", title="", duty_type="patrol", date=day, start=start, end=end,
                status=status)


def keys(reminders) -> list[tuple[int, int]]:
    return [(r.duty.assignment_id, r.lead_minutes) for r in reminders]


def test_defaults_are_24_hours_and_2_hours() -> None:
    assert DEFAULT.for_team(None) == (1440, 120)
    assert DEFAULT.longest == 1440


def test_nothing_due_before_the_first_lead_time() -> None:
    d = duty(date(2026, 12, 8), time(19), time(21))
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 7, 18, 59)) == []


def test_24_hour_reminder_due_exactly_at_its_time_and_after() -> None:
    d = duty(date(2026, 12, 8), time(19), time(21))
    for now in (datetime(2026, 12, 7, 19, 0), datetime(2026, 12, 8, 16, 59)):
        due = due_reminders([d], DEFAULT, now)
        assert keys(due) == [(1, 1440)]
        assert due[0].remind_at == datetime(2026, 12, 7, 19, 0)
        assert due[0].superseded == ()


def test_sent_reminder_is_not_due_again_and_the_2_hour_one_follows() -> None:
    d = duty(date(2026, 12, 8), time(19), time(21))
    first = due_reminders([d], DEFAULT, datetime(2026, 12, 7, 19, 5))
    sent = {first[0].key}
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 8, 10, 0), sent) == []
    second = due_reminders([d], DEFAULT, datetime(2026, 12, 8, 17, 0), sent)
    assert keys(second) == [(1, 120)] and second[0].superseded == ()


def test_across_midnight_the_reminder_falls_on_the_day_before() -> None:
    # A duty at 00:30 on 8 December: 2 hours before is 22:30 on the 7th.
    d = duty(date(2026, 12, 8), time(0, 30), time(2, 30))
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 7, 22, 29), {reminder_key(1, d.begins, 1440)}) == []
    due = due_reminders([d], DEFAULT, datetime(2026, 12, 7, 22, 30), {reminder_key(1, d.begins, 1440)})
    assert keys(due) == [(1, 120)]
    assert due[0].remind_at == datetime(2026, 12, 7, 22, 30)
    assert due[0].minutes_before(datetime(2026, 12, 7, 22, 30)) == 120


def test_month_and_year_end() -> None:
    # 1 January 08:00: the 24-hour reminder is due on 31 December of the year before.
    d = duty(date(2027, 1, 1), time(8), time(10))
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 31, 7, 59)) == []
    due = due_reminders([d], DEFAULT, datetime(2026, 12, 31, 8, 0))
    assert keys(due) == [(1, 1440)] and due[0].remind_at == datetime(2026, 12, 31, 8, 0)
    # 1 March after a 28-day February.
    d = duty(date(2027, 3, 1), time(1), time(3), aid=2)
    due = due_reminders([d], DEFAULT, datetime(2027, 2, 28, 1, 0))
    assert keys(due) == [(2, 1440)] and due[0].remind_at == datetime(2027, 2, 28, 1, 0)
    # and in a leap year, 29 February.
    d = duty(date(2028, 3, 1), time(1), time(3), aid=3)
    assert due_reminders([d], DEFAULT, datetime(2028, 2, 29, 1, 0))[0].remind_at == datetime(2028, 2, 29, 1)


def test_overnight_duty_is_reminded_before_its_start_not_its_end() -> None:
    d = duty(date(2026, 12, 7), time(22), time(6))
    assert d.overnight and d.ends == datetime(2026, 12, 8, 6, 0)
    due = due_reminders([d], DEFAULT, datetime(2026, 12, 7, 20, 0), {reminder_key(1, d.begins, 1440)})
    assert keys(due) == [(1, 120)]
    # Once it has begun (23:00, still running until 06:00 next day) nothing is due any more.
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 7, 23, 0)) == []
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 8, 5, 0)) == []


def test_app_closed_through_both_lead_times_sends_only_the_latest() -> None:
    d = duty(date(2026, 12, 8), time(19), time(21))
    due = due_reminders([d], DEFAULT, datetime(2026, 12, 8, 18, 0))
    assert keys(due) == [(1, 120)]
    assert due[0].superseded == (1440,)


def test_too_late_once_the_duty_began() -> None:
    d = duty(date(2026, 12, 8), time(19), time(21))
    assert due_reminders([d], DEFAULT, datetime(2026, 12, 8, 19, 0)) == []


def test_only_waiting_assignments_are_reminded() -> None:
    day = date(2026, 12, 8)
    duties = [duty(day, time(19), time(21), aid=i, status=s)
              for i, s in enumerate(("planned", "confirmed", "checked_in", "completed",
                                     "no_show", "cancelled"), 1)]
    due = due_reminders(duties, DEFAULT, datetime(2026, 12, 8, 18, 0))
    assert sorted(r.duty.assignment_id for r in due) == [1, 2]


def test_per_team_lead_times() -> None:
    leads = LeadTimes((1440, 120), {7: (30,)})
    day = date(2026, 12, 8)
    ours = duty(day, time(19), time(21), aid=1, team_id=7)
    other = duty(day, time(19), time(21), aid=2, team_id=8)
    none = duty(day, time(19), time(21), aid=3, team_id=None)
    assert keys(due_reminders([ours, other, none], leads, datetime(2026, 12, 8, 17, 0))) == [(2, 120), (3, 120)]
    assert (1, 30) in keys(due_reminders([ours], leads, datetime(2026, 12, 8, 18, 30)))
    assert leads.longest == 1440


def test_moved_duty_is_reminded_again_for_its_new_time() -> None:
    before = duty(date(2026, 12, 8), time(19), time(21))
    sent = {r.key for r in due_reminders([before], DEFAULT, datetime(2026, 12, 8, 17, 30))}
    moved = duty(date(2026, 12, 8), time(20), time(22))
    again = due_reminders([moved], DEFAULT, datetime(2026, 12, 8, 18, 0), sent)
    assert keys(again) == [(1, 120)] and again[0].key not in sent


def test_upcoming_lists_reminders_still_to_come_in_time_order() -> None:
    d1 = duty(date(2026, 12, 8), time(19), time(21), aid=1)
    d2 = duty(date(2026, 12, 9), time(8), time(10), aid=2)
    now = datetime(2026, 12, 7, 20, 0)
    up = upcoming_reminders([d2, d1], DEFAULT, now, datetime(2026, 12, 9, 0, 0))
    assert [(r.duty.assignment_id, r.lead_minutes, r.remind_at) for r in up] == [
        (2, 1440, datetime(2026, 12, 8, 8, 0)),
        (1, 120, datetime(2026, 12, 8, 17, 0)),
    ]  # d1's 24-hour reminder (19:00 on the 7th) is already past, not upcoming


def test_aware_clock_is_converted_to_the_community_zone() -> None:
    d = duty(date(2026, 12, 8), time(19), time(21))
    utc_now = datetime(2026, 12, 8, 9, 0, tzinfo=ZoneInfo("UTC"))  # 17:00 in Shanghai
    assert as_local(utc_now, SHANGHAI) == datetime(2026, 12, 8, 17, 0)
    assert keys(due_reminders([d], DEFAULT, utc_now, tz=SHANGHAI)) == [(1, 120)]
    with pytest.raises(ValueError):
        as_local(utc_now, None)


def test_lead_times_are_real_hours_across_a_dst_change() -> None:
    # Berlin leaves summer time at 03:00 on 25 October 2026 (clocks go back to 02:00).
    begins = datetime(2026, 10, 25, 8, 0)
    assert remind_time(begins, 24 * 60, BERLIN) == datetime(2026, 10, 24, 9, 0)
    assert remind_time(begins, 24 * 60) == datetime(2026, 10, 24, 8, 0)  # wall clock
    assert remind_time(begins, 120, SHANGHAI) == datetime(2026, 10, 25, 6, 0)


@settings(max_examples=200, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31)),
    minutes=st.integers(min_value=1, max_value=12 * 60),
    offset=st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60),
)
def test_property_at_most_one_reminder_per_duty_and_only_before_it_begins(
        start: datetime, minutes: int, offset: int) -> None:
    begins = start.replace(second=0, microsecond=0)
    d = duty(begins.date(), begins.time(), (begins + timedelta(minutes=minutes)).time())
    now = begins + timedelta(minutes=offset)
    due = due_reminders([d], DEFAULT, now)
    assert len(due) <= 1
    if due:
        r = due[0]
        assert r.remind_at <= now < d.begins
        # It is the shortest lead time that has passed; every longer passed one is folded in.
        passed = [m for m in DEFAULT.default if remind_time(d.begins, m) <= now]
        assert r.lead_minutes == min(passed)
        assert set(r.superseded) == set(passed) - {r.lead_minutes}
    else:
        assert now >= d.begins or now < remind_time(d.begins, 1440)
