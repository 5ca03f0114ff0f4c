"""Deleting a duty so that it can be undone (services.shift_removal, issue 18.4)."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from volunteer_app.errors import ConflictError
from volunteer_app.models.shifts import Assignment, Shift, ShiftSkip
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import shift_removal as removal
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service
from volunteer_app.services import templates as template_service
from volunteer_app.services import volunteers as vol_service

WEEK = (date(2026, 12, 7), date(2026, 12, 13))


@pytest.fixture
def plan_db(db):  # noqa: ANN001, ANN201
    with db.session() as s:
        tid = team_service.save_team(s, None, "小喇叭巡逻队", "patrol")
        vids = [vol_service.create(s, vol_service.VolunteerData(
            name=n, mobile=f"1390000000{i}", teams=[(tid, "member")]))
            for i, n in enumerate(["扎西次仁", "格桑·伦珠", "王芳"])]
        template_service.save_template(s, None, template_service.TemplateData(
            "晚间巡逻", time(19), time(21), "patrol", team_id=tid, needed=2))
        template_service.generate(s, *WEEK)
    return db, tid, vids


def shift_on(s, day: date) -> Shift:  # noqa: ANN001
    return s.scalar(select(Shift).where(Shift.date == day))


def test_remove_and_restore_a_generated_duty_with_its_volunteers(plan_db) -> None:  # noqa: ANN001
    db, _tid, vids = plan_db
    day = date(2026, 12, 9)
    with db.session() as s:
        sid = shift_on(s, day).id
        assignment_service.assign(s, sid, vids[0])
        assignment_service.assign(s, sid, vids[1])
        assignment_service.confirm(s, sid, vids[1])
    with db.session() as s:
        removed = removal.remove_shift(s, sid)
    assert removed.people == 2 and [a.name for a in removed.assignments] == ["扎西次仁", "格桑·伦珠"]
    with db.session() as s:
        assert s.get(Shift, sid) is None
        assert s.get(ShiftSkip, (removed.template_id, day)) is not None
        assert template_service.generate(s, *WEEK).created == 0  # not brought back
    with db.session() as s:
        result = removal.restore_shift(s, removed)
    assert result.restored == 2 and result.skipped == ()
    with db.session() as s:
        row = s.get(Shift, result.shift_id)
        assert (row.date, row.template_id, row.origin_date, row.title) == (
            day, removed.template_id, day, "晚间巡逻")
        assert s.get(ShiftSkip, (removed.template_id, day)) is None
        statuses = dict(s.execute(select(Assignment.volunteer_id, Assignment.status)
                                  .where(Assignment.shift_id == row.id)).all())
        assert statuses == {vids[0]: "planned", vids[1]: "confirmed"}


def test_a_record_of_service_blocks_the_delete(plan_db) -> None:  # noqa: ANN001
    db, _tid, vids = plan_db
    with db.session() as s:
        sid = shift_on(s, date(2026, 12, 8)).id
        assignment_service.assign(s, sid, vids[0])
        s.scalar(select(Assignment).where(Assignment.shift_id == sid)).status = "completed"
    with db.session() as s, pytest.raises(ConflictError) as err:
        removal.remove_shift(s, sid)
    assert err.value.code == "shift_has_record"
    with db.session() as s:
        assert s.get(Shift, sid) is not None


def test_restore_refused_when_the_occurrence_was_made_again(plan_db) -> None:  # noqa: ANN001
    db, *_ = plan_db
    with db.session() as s:
        removed = removal.remove_shift(s, shift_on(s, date(2026, 12, 10)).id)
    with db.session() as s:  # someone re-creates the occurrence by hand-copying
        s.add(Shift(title="晚间巡逻", date=date(2026, 12, 10), start_time=time(19), end_time=time(21),
                    template_id=removed.template_id, origin_date=removed.origin_date))
    with db.session() as s, pytest.raises(ConflictError) as err:
        removal.restore_shift(s, removed)
    assert err.value.code == "shift_restore_taken"


def test_restore_leaves_out_a_volunteer_booked_elsewhere_meanwhile(plan_db) -> None:  # noqa: ANN001
    db, tid, vids = plan_db
    day = date(2026, 12, 11)
    with db.session() as s:
        sid = shift_on(s, day).id
        assignment_service.assign(s, sid, vids[0])
        assignment_service.assign(s, sid, vids[2])
    with db.session() as s:
        removed = removal.remove_shift(s, sid)
    with db.session() as s:  # 扎西次仁 takes another duty at the same time meanwhile
        other = svc.create_shift(s, svc.ShiftData(day, time(19), time(21), team_id=tid, title="临时"))
        assignment_service.assign(s, other, vids[0])
    with db.session() as s:
        result = removal.restore_shift(s, removed)
    assert result.restored == 1 and result.skipped == ("扎西次仁",)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Assignment)
                        .where(Assignment.shift_id == result.shift_id)) == 1


def test_a_record_handed_to_restore_is_not_fabricated(plan_db) -> None:  # noqa: ANN001
    db, *_ = plan_db
    with db.session() as s:
        removed = removal.remove_shift(s, shift_on(s, date(2026, 12, 12)).id)
    _db, _tid, vids = plan_db
    forged = removal.RemovedShift(**{**removed.__dict__, "assignments": (
        removal.RemovedAssignment(vids[2], "王芳", "completed", "manual"),)})
    with db.session() as s, pytest.raises(ConflictError):
        removal.restore_shift(s, forged)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Assignment)
                        .where(Assignment.status == "completed")) == 0
