"""The week plan marks a volunteer who holds a duty they cannot serve: a leave or an
unavailable range covering its day, or a departure before it (issue 18, point 1: the
planner cell stayed green with the name). Computed in one query for the range, not per
shift."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import event, select

from volunteer_app.db import Database
from volunteer_app.models.shifts import Assignment
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as shifts_service
from volunteer_app.services import volunteers as vol_service


def _held(db: Database) -> tuple[int, int, date]:
    """A volunteer with a duty next week: (volunteer, assignment, its day)."""
    with db.session() as s:
        week = shifts_service.week_plan(s, date.today() + timedelta(days=7))
        _shift, a = next((r, a) for r in week.shifts for a in r.on_shift if a.status in ("planned", "confirmed"))
        return a.volunteer_id, a.assignment_id, _shift.date


def _clashes(db: Database, day: date) -> dict[int, str | None]:
    with db.session() as s:
        week = shifts_service.week_plan(s, day)
        return {a.assignment_id: a.clash for r in week.shifts for a in r.assigned}


def test_no_clash_without_leave(demo_db: Database) -> None:
    vid, aid, day = _held(demo_db)
    assert _clashes(demo_db, day)[aid] is None


def test_a_leave_recorded_after_the_duty_marks_it(demo_db: Database) -> None:
    vid, aid, day = _held(demo_db)
    with demo_db.session() as s:
        avail.add_leave(s, vid, day, day, "leave", "")
    clashes = _clashes(demo_db, day)
    assert clashes[aid] == "leave"
    # Only that volunteer's duties on that day.
    with demo_db.session() as s:
        others = set(s.scalars(select(Assignment.id).where(Assignment.volunteer_id != vid)))
    assert all(c is None for a, c in clashes.items() if a in others)


def test_unavailable_range_is_named_as_such(demo_db: Database) -> None:
    vid, aid, day = _held(demo_db)
    with demo_db.session() as s:
        avail.add_leave(s, vid, day - timedelta(days=3), day + timedelta(days=3), "unavailable", "")
    assert _clashes(demo_db, day)[aid] == "unavailable"


def test_leave_on_another_day_is_no_clash(demo_db: Database) -> None:
    vid, aid, day = _held(demo_db)
    with demo_db.session() as s:
        avail.add_leave(s, vid, day + timedelta(days=1), day + timedelta(days=2), "leave", "")
    assert _clashes(demo_db, day)[aid] is None


def test_departure_before_the_day_marks_it_on_the_last_day_does_not(demo_db: Database) -> None:
    vid, aid, day = _held(demo_db)
    with demo_db.session() as s:
        vol_service.deactivate(s, vid, day)  # their last day: they still serve it
    assert _clashes(demo_db, day)[aid] is None
    with demo_db.session() as s:
        vol_service.reactivate(s, vid)
        vol_service.deactivate(s, vid, day - timedelta(days=1))
    assert _clashes(demo_db, day)[aid] == "left"


def test_a_served_duty_is_no_clash(demo_db: Database) -> None:
    vid, aid, day = _held(demo_db)
    with demo_db.session() as s:
        shift_id = s.get(Assignment, aid).shift_id
        assignment_service.set_status(s, shift_id, vid, "completed")
        avail.add_leave(s, vid, day, day, "leave", "")
    assert _clashes(demo_db, day)[aid] is None


def test_leaves_are_read_once_for_the_week(demo_db: Database) -> None:
    vid, _aid, day = _held(demo_db)
    with demo_db.session() as s:
        avail.add_leave(s, vid, day, day, "leave", "")
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:  # noqa: ANN001
        statements.append(statement)

    engine = demo_db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        with demo_db.session() as s:
            week = shifts_service.week_plan(s, day)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(week.shifts) > 3
    assert len([x for x in statements if "FROM volunteer_leave" in x]) == 1
