"""Moving a volunteer from one duty to another as one unit of work (issue 18.4)."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from volunteer_app.errors import ConflictError
from volunteer_app.models.shifts import Assignment
from volunteer_app.services import assignment_move
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vol_service
from volunteer_app.services.assignments import AssignmentBlocked

DAY = date(2026, 12, 9)


@pytest.fixture
def duties(db):  # noqa: ANN001, ANN201
    with db.session() as s:
        tid = team_service.save_team(s, None, "小喇叭巡逻队", "patrol")
        vid = vol_service.create(s, vol_service.VolunteerData(
            name="扎西次仁", mobile="13900000001", teams=[(tid, "member")]))
        first = svc.create_shift(s, svc.ShiftData(DAY, time(19), time(21), team_id=tid, title="甲"))
        # Overlaps the first: a move is no double booking, the first is released first.
        second = svc.create_shift(s, svc.ShiftData(DAY, time(20), time(22), team_id=tid, title="乙"))
        later = svc.create_shift(s, svc.ShiftData(date(2026, 12, 11), time(9), time(11), team_id=tid))
        assignment_service.assign(s, first, vid)
    return db, vid, first, second, later


def holder(db, volunteer_id: int) -> list[int]:  # noqa: ANN001
    with db.session() as s:
        return list(s.scalars(select(Assignment.shift_id).where(Assignment.volunteer_id == volunteer_id)))


def test_move_takes_them_off_one_duty_and_onto_another(duties) -> None:  # noqa: ANN001
    db, vid, first, second, _later = duties
    with db.session() as s:
        res = assignment_move.move_volunteer(s, first, second, vid)
    assert res.volunteer_name == "扎西次仁"
    assert holder(db, vid) == [second]


def test_a_hard_conflict_refuses_the_whole_move(duties) -> None:  # noqa: ANN001
    db, vid, first, _second, later = duties
    with db.session() as s:
        avail.add_leave(s, vid, date(2026, 12, 11), date(2026, 12, 11))
    with pytest.raises(AssignmentBlocked) as err, db.session() as s:
        assignment_move.move_volunteer(s, first, later, vid)
    assert "on_leave" in [c.code for c in err.value.conflicts]
    assert holder(db, vid) == [first]  # still where they were


def test_a_record_of_service_is_not_moved(duties) -> None:  # noqa: ANN001
    db, vid, first, second, _later = duties
    with db.session() as s:
        s.scalar(select(Assignment).where(Assignment.shift_id == first)).status = "completed"
    with pytest.raises(ConflictError) as err, db.session() as s:
        assignment_move.move_volunteer(s, first, second, vid)
    assert err.value.code == "assignment_has_record"
    assert holder(db, vid) == [first]
