"""Auto-fill against a database: building the problem, apply as one batch, undo, stale
proposals, permissions, and the demo community's next week."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlalchemy import func, select

from volunteer_app.errors import ConflictError, ValidationError
from volunteer_app.models.autofill import AutofillBatch, AutofillBatchAssignment
from volunteer_app.models.shifts import Assignment
from volunteer_app.scheduling.checker import violations
from volunteer_app.security.permissions import CAPTAIN, Actor, PermissionDenied
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import autofill as af
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as shifts_service
from volunteer_app.services import teams as team_service
from volunteer_app.services import volunteers as vol_service

MON = date(2026, 12, 7)


@pytest.fixture
def week_db(db):  # noqa: ANN001, ANN201
    """Two teams, six volunteers, a week of patrols and one inspection, a few assignments."""
    with db.session() as s:
        patrol = team_service.save_team(s, None, "小喇叭巡逻队", "patrol")
        publicity = team_service.save_team(s, None, "红蜻蜓义务宣传队", "publicity")
        names = ["扎西次仁", "格桑·伦珠", "王芳", "李强", "卓玛", "陈静"]
        vids = [vol_service.create(s, vol_service.VolunteerData(
            name=n, mobile=f"1390000001{i}", teams=[(patrol if i < 4 else publicity, "member")]))
            for i, n in enumerate(names)]
        evening = [shifts_service.create_shift(s, shifts_service.ShiftData(
            MON + timedelta(days=d), time(19), time(21), team_id=patrol, needed=2, title="晚间巡逻"))
            for d in range(7)]
        flyers = shifts_service.create_shift(s, shifts_service.ShiftData(
            MON + timedelta(days=2), time(9), time(11), "publicity", team_id=publicity, needed=2,
            title="政策宣传"))
        assignment_service.assign(s, evening[0], vids[0])
    return db, {"patrol": patrol, "publicity": publicity}, vids, evening, flyers


def count(db, model) -> int:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def propose(db, scope: af.Scope, **kw) -> af.AutofillResult:  # noqa: ANN001
    with db.session() as s:
        problem = af.build_problem(s, scope, **kw)
    return af.propose(scope, problem, time_limit=20)


def test_build_problem_reads_the_scope(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    with db.session() as s:
        avail.add_leave(s, vids[1], MON, MON + timedelta(days=1))
        p = af.build_problem(s, af.Scope.week(MON + timedelta(days=3)))
        only = af.build_problem(s, af.Scope.week(MON, team_id=teams["publicity"]))
    assert {x.id for x in p.shifts} == set(evening) | {flyers}
    assert p.pins == ((evening[0], vids[0]),)
    assert p.needed == 16
    assert {x.id for x in only.shifts} == {flyers}
    assert {v.id for v in only.volunteers} == set(vids[4:])
    leave = next(v for v in p.volunteers if v.id == vids[1]).facts.leaves
    assert leave and leave[0].start == MON
    with db.session() as s, pytest.raises(ValidationError):
        af.build_problem(s, af.Scope(MON, MON - timedelta(days=1)))


def test_apply_writes_one_batch_and_undo_removes_it(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    result = propose(db, af.Scope.week(MON))
    assert violations(result.problem, result.proposal.assignments) == []
    assert result.proposal.filled == 16
    before = count(db, Assignment)
    with db.session() as s:
        applied = af.apply(s, result)
    assert applied.created == len(result.proposal.assignments) == 15
    assert count(db, Assignment) == before + 15
    with db.session() as s:
        sources = set(s.scalars(select(Assignment.source).where(Assignment.shift_id.in_(evening))))
        pinned = s.scalar(select(Assignment).where(Assignment.shift_id == evening[0],
                                                   Assignment.volunteer_id == vids[0]))
        rows = af.list_batches(s)
    assert sources == {"manual", "autofill"}
    assert pinned.source == "manual"  # the pin stayed as it was
    assert rows[0].id == applied.batch_id and rows[0].created_count == 15 and rows[0].remaining == 15
    # Nothing left to fill: a second run proposes nothing.
    again = propose(db, af.Scope.week(MON))
    assert again.proposal.assignments == () and again.gaps == ()
    with db.session() as s:
        assert af.undo(s, applied.batch_id) == 15
    assert count(db, Assignment) == before
    assert count(db, AutofillBatchAssignment) == 0
    with db.session() as s, pytest.raises(ConflictError) as err:
        af.undo(s, applied.batch_id)
    assert err.value.code == "autofill_already_undone"


def test_undo_refused_once_a_duty_is_a_record_of_service(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    result = propose(db, af.Scope.week(MON, team_id=teams["publicity"]))
    with db.session() as s:
        batch = af.apply(s, result).batch_id
    sid, vid = result.proposal.assignments[0]
    with db.session() as s:
        assignment_service.set_status(s, sid, vid, "checked_in")
    with db.session() as s, pytest.raises(ConflictError) as err:
        af.undo(s, batch)
    assert err.value.code == "autofill_undo_recorded"
    assert count(db, AutofillBatchAssignment) == 2


def test_stale_proposal_is_refused_and_nothing_written(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    result = propose(db, af.Scope.week(MON))
    sid, vid = next((s, v) for s, v in result.proposal.assignments if s == evening[3])
    # Meanwhile a coordinator puts that volunteer on the publicity duty's time... of the
    # same evening, by hand (an overlap the proposal did not know about).
    with db.session() as s:
        other = shifts_service.create_shift(s, shifts_service.ShiftData(
            MON + timedelta(days=3), time(20), time(22), team_id=teams["patrol"], title="加班"))
        assignment_service.assign(s, other, vid)
    before = count(db, Assignment)
    with db.session() as s, pytest.raises(ConflictError) as err:
        af.apply(s, result)
    assert err.value.code == "autofill_stale"
    assert (sid, vid, "overlap") in err.value.details["problems"]
    assert count(db, Assignment) == before and count(db, AutofillBatch) == 0


def test_cancelled_duties_are_not_proposed_again(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    with db.session() as s:
        assignment_service.assign(s, evening[1], vids[1])
        assignment_service.set_status(s, evening[1], vids[1], "cancelled")
    result = propose(db, af.Scope.week(MON))
    assert (evening[1], vids[1]) not in result.proposal.assignments
    assert (evening[1], vids[1]) in result.problem.declined


def test_explanations_from_the_database(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    with db.session() as s:
        # Both publicity members away on Wednesday: the leaflet duty stays empty.
        avail.add_leave(s, vids[4], MON + timedelta(days=2), MON + timedelta(days=2))
        avail.add_leave(s, vids[5], MON, MON + timedelta(days=4), kind="unavailable")
    result = propose(db, af.Scope.week(MON, team_id=teams["publicity"]))
    [gap] = result.gaps
    assert gap.shift_id == flyers and gap.open == 2 and gap.pool == 2
    assert dict(gap.counts) == {"on_leave": 1, "unavailable": 1}
    data = result.to_json()
    assert data["filled"] == 0 and data["needed"] == 2
    assert [u["shift_id"] for u in data["unfilled"]] == [flyers, flyers]


def test_continuity_and_history_come_from_last_weeks(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    with db.session() as s:
        last = shifts_service.create_shift(s, shifts_service.ShiftData(
            MON - timedelta(days=5), time(19), time(21), team_id=teams["patrol"], needed=2,
            title="晚间巡逻"))
        assignment_service.assign(s, last, vids[3])
        p = af.build_problem(s, af.Scope.week(MON))
    wednesday = next(x for x in p.shifts if x.id == evening[2])
    assert wednesday.last_week == frozenset({vids[3]})
    assert next(v for v in p.volunteers if v.id == vids[3]).history_minutes == 120


def test_a_duty_clashing_with_a_leave_is_reported_and_the_week_still_filled(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    with db.session() as s:
        avail.add_leave(s, vids[0], MON, MON)  # the pinned volunteer is now on leave
    result = propose(db, af.Scope.week(MON))
    assert [(p.shift_id, p.volunteer_id, p.code) for p in result.proposal.clashes] == [
        (evening[0], vids[0], "on_leave")]
    assert result.to_json()["clashes"] == [{"shift_id": evening[0], "volunteer_id": vids[0],
                                            "code": "on_leave", "other_shift_id": None}]
    assert result.proposal.assignments  # the rest of the week is filled
    with db.session() as s:
        assert af.apply(s, result).created == len(result.proposal.assignments)


def test_a_captain_applies_only_for_their_team(week_db) -> None:  # noqa: ANN001
    db, teams, vids, evening, flyers = week_db
    result = propose(db, af.Scope.week(MON))
    captain = Actor("队长", CAPTAIN, operator_id=5, team_id=teams["patrol"])
    with db.session() as s:
        s.info["actor"] = captain
        with pytest.raises(PermissionDenied):
            af.apply(s, result)  # includes the publicity team's duty
    mine = propose(db, af.Scope.week(MON, team_id=teams["patrol"]))
    with db.session() as s:
        s.info["actor"] = captain
        assert af.apply(s, mine).created == 13


def test_demo_next_week_is_filled_cleanly(demo_db) -> None:  # noqa: ANN001
    scope = af.Scope.week(date.today() + timedelta(days=7))
    result = propose(demo_db, scope)
    p = result.proposal
    assert violations(result.problem, p.assignments) == []
    assert p.filled >= p.greedy_filled and p.assignments
    assert p.filled + sum(g.open for g in result.gaps) == p.needed
    with demo_db.session() as s:
        af.apply(s, result)
    # Every assignment the fill made passes the planner's own check too.
    with demo_db.session() as s:
        for sid, vid in p.assignments[:40]:
            hard = [c.code for c in assignment_service.check_assignment(s, sid, vid) if c.hard]
            assert hard == [], (sid, vid, hard)
