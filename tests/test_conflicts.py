"""Conflict rules: the pure function on plain data, and the same rules through the service."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from volunteer_app.errors import ConflictError, ValidationError
from volunteer_app.scheduling.conflicts import (
    CONFLICT_CODES,
    HARD_CODES,
    SOFT_CODES,
    DutyFacts,
    Leave,
    VolunteerFacts,
    Window,
    check,
    make_shift,
    within_availability,
)
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vol_service

DAY = date(2026, 12, 9)  # a Wednesday
TEAM = 7


def codes(conflicts) -> list[str]:  # noqa: ANN001
    return [c.code for c in conflicts]


def vol(**kw) -> VolunteerFacts:  # noqa: ANN003
    base = {"id": 1, "active": True, "team_ids": frozenset({TEAM})}
    return VolunteerFacts(**{**base, **kw})


def evening(day: date = DAY, filled: int = 0, needed: int = 2, team: int | None = TEAM, sid: int = 100):
    return make_shift(sid, day, time(19), time(21), team_id=team, needed=needed, filled=filled)


def duty(day: date, start: time, end: time, sid: int = 1) -> DutyFacts:
    s = make_shift(sid, day, start, end)
    return DutyFacts(sid, s.start, s.end)


def test_clean_assignment_has_no_conflicts() -> None:
    assert check(vol(), evening(), []) == []


def test_every_code_has_one_severity() -> None:
    assert set(HARD_CODES).isdisjoint(SOFT_CODES)
    assert len(CONFLICT_CODES) == len(HARD_CODES) + len(SOFT_CODES)


def test_inactive_is_hard() -> None:
    (c,) = check(vol(active=False), evening(), [])
    assert c.code == "inactive" and c.hard


def test_leave_is_hard_and_inclusive() -> None:
    on = vol(leaves=(Leave(date(2026, 12, 1), DAY, "leave"),))
    (c,) = check(on, evening(), [])
    assert c.code == "on_leave" and c.hard and c.detail()["kind"] == "leave"
    after = vol(leaves=(Leave(date(2026, 12, 10), date(2026, 12, 12), "unavailable"),))
    assert check(after, evening(), []) == []


def test_leave_starting_the_morning_after_an_overnight_shift() -> None:
    night = make_shift(5, DAY, time(22), time(6), team_id=TEAM)
    leave = vol(leaves=(Leave(date(2026, 12, 10), date(2026, 12, 10), "unavailable"),))
    assert codes(check(leave, night, [])) == ["on_leave"]
    # A shift ending exactly at midnight does not touch the next day.
    to_midnight = make_shift(6, DAY, time(22), time(0), team_id=TEAM)
    assert check(leave, to_midnight, []) == []


def test_not_a_team_member_is_hard() -> None:
    (c,) = check(vol(team_ids=frozenset({3})), evening(), [])
    assert c.code == "not_member" and c.hard and c.detail()["team_id"] == TEAM
    assert check(vol(team_ids=frozenset()), evening(team=None), []) == []


def test_overlap_is_hard() -> None:
    other = duty(DAY, time(20), time(22), sid=9)
    found = check(vol(), evening(), [other])
    assert "overlap" in codes(found)
    c = next(c for c in found if c.code == "overlap")
    assert c.hard and c.detail()["shift_id"] == 9


def test_overlap_with_previous_nights_overnight_shift() -> None:
    night_before = duty(date(2026, 12, 8), time(22), time(6), sid=3)
    morning = make_shift(4, DAY, time(5), time(7), team_id=TEAM)
    assert "overlap" in codes(check(vol(), morning, [night_before]))


def test_same_shift_in_duties_is_ignored() -> None:
    sh = evening()
    assert check(vol(), sh, [DutyFacts(sh.id, sh.start, sh.end)]) == []


def test_full_headcount_is_hard() -> None:
    (c,) = check(vol(), evening(filled=2, needed=2), [])
    assert c.code == "full" and c.hard and c.detail() == {"needed": 2, "filled": 2}
    assert check(vol(), evening(filled=1, needed=2), []) == []


def test_outside_availability_is_hard() -> None:
    # Issue 18.6: nobody is put on a duty outside the times they offered without an override.
    weekday = DAY.weekday()
    fits = vol(windows=(Window(weekday, time(18), time(22)),))
    assert check(fits, evening(), []) == []
    short = vol(windows=(Window(weekday, time(18), time(20)),))
    (c,) = check(short, evening(), [])
    assert c.code == "outside_availability" and c.hard
    other_day = vol(windows=(Window((weekday + 1) % 7, time(0), time(23, 59)),))
    assert codes(check(other_day, evening(), [])) == ["outside_availability"]


def test_adjacent_windows_merge_and_overnight_windows_count() -> None:
    wd = DAY.weekday()
    split = [Window(wd, time(18), time(20)), Window(wd, time(20), time(22))]
    s = evening()
    assert within_availability(split, s.start, s.end)
    night = make_shift(1, DAY, time(23), time(2))
    assert within_availability([Window(wd, time(22), time(3))], night.start, night.end)
    assert not within_availability([Window(wd, time(22), time(23, 59))], night.start, night.end)
    # A window starting the evening before covers an early-morning shift.
    early = make_shift(2, DAY, time(1), time(3))
    assert within_availability([Window((wd - 1) % 7, time(22), time(4))], early.start, early.end)


def test_weekly_maximum_is_hard_and_counts_the_iso_week() -> None:
    monday, sunday_before = date(2026, 12, 7), date(2026, 12, 6)
    limited = vol(max_per_week=2)
    two = [duty(monday, time(9), time(10), 1), duty(date(2026, 12, 8), time(9), time(10), 2)]
    (c,) = check(limited, evening(), two)
    assert c.code == "over_week_max" and c.hard and c.detail() == {"limit": 2, "count": 3}
    # A duty of the previous ISO week does not count.
    other_week = [duty(monday, time(9), time(10), 1), duty(sunday_before, time(9), time(10), 2)]
    assert check(limited, evening(), other_week) == []


def test_daily_maximum_is_hard() -> None:
    (c,) = check(vol(max_per_day=1), evening(), [duty(DAY, time(8), time(9))])
    assert c.code == "over_day_max" and c.hard


def test_less_than_eight_hours_rest_is_soft() -> None:
    before = duty(DAY, time(8), time(12), 4)  # ends 7 h before 19:00
    (c,) = check(vol(), evening(), [before])
    assert c.code == "short_rest" and not c.hard and c.detail() == {"shift_id": 4, "hours": 7.0}
    enough = duty(DAY, time(8), time(11))  # exactly 8 h
    assert check(vol(), evening(), [enough]) == []
    next_morning = duty(date(2026, 12, 10), time(4), time(6), 5)  # 7 h after 21:00
    assert codes(check(vol(), evening(), [next_morning])) == ["short_rest"]


def test_hard_conflicts_come_first() -> None:
    found = check(vol(active=False, max_per_day=0), evening(filled=2),
                  [duty(DAY, time(8), time(12), 4)])
    assert codes(found) == ["inactive", "full", "over_day_max", "short_rest"]
    assert [c.hard for c in found] == [True, True, True, False]


# ------------------------------------------------------------ through the service


@pytest.fixture
def team_db(db):  # noqa: ANN001, ANN201
    """A team with three members and one outsider; an evening shift needing two."""
    with db.session() as s:
        tid = team_service.save_team(s, None, "小喇叭巡逻队", "patrol")
        ids = [vol_service.create(s, vol_service.VolunteerData(
            name=n, mobile=f"1380000000{i}", teams=[(tid, "member")] if i < 3 else []))
            for i, n in enumerate(["扎西", "卓玛", "王芳", "李强"])]
        sid = svc.create_shift(s, svc.ShiftData(DAY, time(19), time(21), "patrol", team_id=tid,
                                                needed=2))
    return db, tid, ids, sid


def test_service_blocks_hard_conflicts_and_stores_override(team_db) -> None:  # noqa: ANN001
    db, _tid, (a, b, c, outsider), sid = team_db
    with db.session() as s, pytest.raises(assignment_service.AssignmentBlocked) as err:
        assignment_service.assign(s, sid, outsider)
    assert codes(err.value.conflicts) == ["not_member"]
    with db.session() as s:
        res = assignment_service.assign(s, sid, outsider, "队长同意临时支援")
        assert codes(res.overridden) == ["not_member"]
    with db.session() as s:
        row = next(x for x in svc.get_shift(s, sid).assigned if x.volunteer_id == outsider)
        assert row.override_reason == "队长同意临时支援"
        assignment_service.assign(s, sid, a)
    # Full now (outsider + a): the third member is blocked by the headcount.
    with db.session() as s, pytest.raises(assignment_service.AssignmentBlocked) as err:
        assignment_service.assign(s, sid, b)
    assert codes(err.value.conflicts) == ["full"]
    with db.session() as s, pytest.raises(ValidationError):
        assignment_service.assign(s, sid, b, "   ")  # an override needs a real reason


def test_service_leave_inactive_overlap_and_outside_windows(team_db) -> None:  # noqa: ANN001
    db, tid, (a, b, c, _), sid = team_db
    with db.session() as s:
        avail.add_leave(s, a, DAY, DAY, "leave", "探亲")
        vol_service.deactivate(s, b)
        other = svc.create_shift(s, svc.ShiftData(DAY, time(20), time(22), "event", needed=3))
        assignment_service.assign(s, other, c)
        avail.set_limits(s, c, 5, 1)
    with db.session() as s:
        assert codes(assignment_service.check_assignment(s, sid, a)) == ["on_leave"]
        assert codes(assignment_service.check_assignment(s, sid, b)) == ["inactive"]
        assert codes(assignment_service.check_assignment(s, sid, c)) == ["overlap", "over_day_max"]
        avail.set_windows(s, a, [(DAY.weekday(), time(8), time(12))])
        assert codes(assignment_service.check_assignment(s, sid, a)) == ["on_leave", "outside_availability"]
    with db.session() as s:
        avail.remove_leave(s, avail.get_availability(s, a).leaves[0].id)
        # Outside the times offered: refused without a reason (issue 18.6) ...
        with pytest.raises(assignment_service.AssignmentBlocked) as err:
            assignment_service.assign(s, sid, a)
        assert codes(err.value.conflicts) == ["outside_availability"]
    with db.session() as s:  # ... and accepted with one, which is stored with the code
        res = assignment_service.assign(s, sid, a, "本人电话同意加班")
        assert codes(res.overridden) == ["outside_availability"] and not res.warnings
    with db.session() as s:
        from volunteer_app.models.shifts import Assignment
        row = s.query(Assignment).filter_by(shift_id=sid, volunteer_id=a).one()
        assert row.overridden == "outside_availability" and row.override_reason == "本人电话同意加班"


def test_service_refuses_over_weekly_maximum_without_reason(team_db) -> None:  # noqa: ANN001
    db, tid, (a, *_), sid = team_db
    with db.session() as s:
        earlier = svc.create_shift(s, svc.ShiftData(DAY - timedelta(days=1), time(8), time(10),
                                                    "patrol", team_id=tid))
        assignment_service.assign(s, earlier, a)
        avail.set_limits(s, a, 1, None)
    with db.session() as s, pytest.raises(assignment_service.AssignmentBlocked) as err:
        assignment_service.assign(s, sid, a)
    assert codes(err.value.conflicts) == ["over_week_max"]
    with db.session() as s:
        res = assignment_service.assign(s, sid, a, "本周人手紧张，本人同意")
        assert codes(res.overridden) == ["over_week_max"]


def test_candidates_eligible_first_with_reasons(team_db) -> None:  # noqa: ANN001
    db, _tid, (a, b, c, outsider), sid = team_db
    with db.session() as s:
        avail.set_windows(s, b, [(0, time(8), time(9))])
        assignment_service.assign(s, sid, c)
    with db.session() as s:
        rows = assignment_service.candidates(s, sid)
    assert [r.volunteer_id for r in rows] == [a, b, outsider]  # c is already on it
    assert [r.eligible for r in rows] == [True, False, False]  # outside windows: hard (18.6)
    assert codes(rows[1].conflicts) == ["outside_availability"]
    assert codes(rows[2].conflicts) == ["not_member"]


def test_duplicate_assignment_and_record_protection(team_db) -> None:  # noqa: ANN001
    db, _tid, (a, *_), sid = team_db
    with db.session() as s:
        assignment_service.assign(s, sid, a)
    with db.session() as s, pytest.raises(ConflictError) as err:
        assignment_service.assign(s, sid, a)
    assert err.value.code == "already_assigned"
    with db.session() as s:
        assignment_service.set_status(s, sid, a, "completed")
    with db.session() as s, pytest.raises(ConflictError) as err:
        assignment_service.unassign(s, sid, a)
    assert err.value.code == "assignment_has_record"
    with db.session() as s:
        row = svc.get_shift(s, sid).assigned[0]
        assert row.status == "completed"
    with db.session() as s:
        from volunteer_app.models.shifts import Assignment
        got = s.query(Assignment).one()
        assert got.actual_start == datetime(2026, 12, 9, 19) and got.actual_end == datetime(2026, 12, 9, 21)
