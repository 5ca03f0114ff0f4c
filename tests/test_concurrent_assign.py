"""Two coordinators filling the same shift at once over two real connections: the
headcount is enforced in the database transaction, never exceeded."""

from __future__ import annotations

import threading
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select

from volunteer_app.db import Database, open_database
from volunteer_app.errors import AppError
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import availability as avail
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service


def _free(db: Database, *volunteer_ids: int) -> None:
    """Available at any time, no maxima: these tests are about concurrency, and outside
    the times offered or over a maximum is a hard conflict of its own (issue 18.6)."""
    with db.session() as s:
        for vid in volunteer_ids:
            avail.set_windows(s, vid, [])
            avail.set_limits(s, vid, None, None)


@pytest.fixture
def one_place(demo_db: Database) -> tuple[int, list[int]]:
    with demo_db.session() as s:
        tid = team_service.resolve(s, "小喇叭巡逻队")
        members = [m.volunteer_id for m in team_service.members(s, tid) if m.active]
        sid = svc.create_shift(s, svc.ShiftData(date(2031, 3, 4), time(14), time(15), team_id=tid,
                                                needed=1))
    # Two volunteers free at that time (no other duty that day in the demo).
    _free(demo_db, *members[:2])
    return sid, members[:2]


def _filled(db: Database, sid: int) -> int:
    with db.session() as s:
        return svc.get_shift(s, sid).filled


def test_second_coordinator_waits_and_sees_the_place_taken(demo_db: Database, one_place) -> None:  # noqa: ANN001
    sid, (a, b) = one_place
    other = open_database(demo_db.url)
    outcome: dict[str, object] = {}
    started = threading.Event()

    def second() -> None:
        started.set()
        try:
            with other.session() as s:
                assignment_service.assign(s, sid, b)
            outcome["result"] = "assigned"
        except AppError as exc:
            outcome["result"] = exc.code
            outcome["conflicts"] = exc.details.get("conflicts")

    s1 = demo_db.Session()
    try:
        assignment_service.assign(s1, sid, a)  # holds the shift until commit
        t = threading.Thread(target=second)
        t.start()
        started.wait(5)
        t.join(1.0)
        assert t.is_alive(), "the second assignment must wait for the first transaction"
        s1.commit()
    finally:
        s1.close()
    t.join(30)
    other.dispose()
    assert outcome["result"] == "hard_conflict"
    assert outcome["conflicts"] == ["full"]  # the headcount, nothing else
    assert _filled(demo_db, sid) == 1


def test_many_concurrent_fills_never_exceed_headcount(demo_db: Database) -> None:
    with demo_db.session() as s:
        tid = team_service.resolve(s, "点赞联盟文明劝导队")
        members = [m.volunteer_id for m in team_service.members(s, tid) if m.active][:8]
    _free(demo_db, *members)
    with demo_db.session() as s:
        sid = svc.create_shift(s, svc.ShiftData(date(2031, 3, 5), time(14), time(15), team_id=tid,
                                                needed=3))
    results: list[str] = []
    lock = threading.Lock()

    def fill(vid: int) -> None:
        db = open_database(demo_db.url, upgrade=False)
        try:
            with db.session() as s:
                assignment_service.assign(s, sid, vid)
            code = "assigned"
        except AppError as exc:
            code = exc.code
        except Exception as exc:  # SQLite may give up waiting: the unit of work is undone
            code = type(exc).__name__
        finally:
            db.dispose()
        with lock:
            results.append(code)

    threads = [threading.Thread(target=fill, args=(v,)) for v in members]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results.count("assigned") == 3, results
    assert _filled(demo_db, sid) == 3


# ---------------------------------------------------------------------------- double booking
# One volunteer on two *different* shifts whose times overlap: each coordinator locks only
# the shift being filled, so the database itself must refuse the second duty.


def _member_and_team(db: Database, team: str = "小喇叭巡逻队") -> tuple[int, int]:
    with db.session() as s:
        tid = team_service.resolve(s, team)
        vid = next(m.volunteer_id for m in team_service.members(s, tid) if m.active)
    _free(db, vid)
    return vid, tid


def _shift(db: Database, tid: int, day: date, start: time, end: time, needed: int = 2) -> int:
    with db.session() as s:
        return svc.create_shift(s, svc.ShiftData(day, start, end, team_id=tid, needed=needed))


def _active_duties(db: Database, vid: int, shift_ids: list[int]) -> list[int]:
    from sqlalchemy import select

    from volunteer_app.models.shifts import ACTIVE_STATUSES, Assignment

    with db.session() as s:
        return sorted(s.scalars(select(Assignment.shift_id).where(
            Assignment.volunteer_id == vid, Assignment.shift_id.in_(shift_ids),
            Assignment.status.in_(ACTIVE_STATUSES))))


@pytest.mark.parametrize(("first", "second"), [
    ((date(2031, 3, 4), time(14), time(16)), (date(2031, 3, 4), time(15), time(17))),
    # overnight: the first duty ends at 06:00 the next morning
    ((date(2031, 3, 4), time(22), time(6)), (date(2031, 3, 5), time(5), time(8))),
], ids=["same_day", "overnight"])
def test_two_coordinators_cannot_double_book_one_volunteer(demo_db: Database, first, second) -> None:  # noqa: ANN001
    vid, tid = _member_and_team(demo_db)
    s1, s2 = _shift(demo_db, tid, *first), _shift(demo_db, tid, *second)
    other = open_database(demo_db.url)
    outcome: dict[str, object] = {}

    def second_coordinator() -> None:
        try:
            with other.session() as s:
                assignment_service.assign(s, s2, vid)
            outcome["result"] = "assigned"
        except AppError as exc:
            outcome["result"] = exc.code
            outcome["conflicts"] = exc.details.get("conflicts")

    sa = demo_db.Session()
    try:
        assignment_service.assign(sa, s1, vid)  # not committed yet: the other sees no overlap
        t = threading.Thread(target=second_coordinator)
        t.start()
        t.join(1.0)
        sa.commit()
    finally:
        sa.close()
    t.join(30)
    other.dispose()
    assert outcome["result"] == "hard_conflict", outcome
    assert "overlap" in outcome["conflicts"]
    assert _active_duties(demo_db, vid, [s1, s2]) == [s1]
    # The second coordinator may still assign deliberately, with a reason.
    with demo_db.session() as s:
        res = assignment_service.assign(s, s2, vid, "两处相邻，队长同意")
    assert [c.code for c in res.overridden] == ["overlap"]
    assert _active_duties(demo_db, vid, [s1, s2]) == [s1, s2]


def test_the_database_refuses_an_overlapping_active_duty_whoever_writes(demo_db: Database) -> None:
    """Past the services (another program, a bug): the database refuses the row itself.
    Only active duties count; touching duties, an overridden overlap, a cancelled or
    no-show duty do not; moving a shift or re-activating a duty onto another is refused."""
    from volunteer_app.errors import ConflictError
    from volunteer_app.models.shifts import Assignment

    vid, tid = _member_and_team(demo_db)
    day = date(2031, 4, 8)
    base = _shift(demo_db, tid, day, time(14), time(16))
    clash = _shift(demo_db, tid, day, time(15, 59), time(18))
    touching = _shift(demo_db, tid, day, time(16), time(18))
    night = _shift(demo_db, tid, day - timedelta(days=1), time(22), time(14, 30))  # to 14:30 today

    def put(shift_id: int, **values: object) -> None:
        with demo_db.session() as s:
            s.add(Assignment(shift_id=shift_id, volunteer_id=vid, **values))

    put(base)
    with pytest.raises(ConflictError) as err:
        put(clash)
    assert err.value.code == "double_booking"
    with pytest.raises(ConflictError):
        put(night)
    put(touching)  # 14:00-16:00 and 16:00-18:00 do not overlap
    put(night, status="cancelled")
    put(clash, status="no_show")
    assert _active_duties(demo_db, vid, [base, clash, touching, night]) == [base, touching]
    with pytest.raises(ConflictError) as err, demo_db.session() as s:  # no-show -> completed
        assignment_service.set_status(s, clash, vid, "completed")
    assert err.value.code == "double_booking"
    with pytest.raises(ConflictError) as err, demo_db.session() as s:  # cancelled -> planned
        row = s.scalars(select(Assignment).where(Assignment.shift_id == night)).one()
        row.status = "planned"
    assert err.value.code == "double_booking"
    # Moving a shift moves its duties: onto another duty of the volunteer is refused.
    with pytest.raises(ConflictError) as err, demo_db.session() as s:
        svc.update_shift(s, touching, svc.ShiftData(day, time(15), time(17), team_id=tid, needed=2))
    assert err.value.code == "double_booking"
    with demo_db.session() as s:  # moved clear of it: fine, and the guard follows the move
        svc.update_shift(s, touching, svc.ShiftData(day, time(20), time(2), team_id=tid, needed=2))
    with pytest.raises(ConflictError):
        put(_shift(demo_db, tid, day + timedelta(days=1), time(1), time(3)))
    # An overlap the coordinator overrode is outside the guard.
    put(clash_too := _shift(demo_db, tid, day, time(15), time(16)), overridden="not_member,overlap",
        override_reason="临时支援")
    assert clash_too in _active_duties(demo_db, vid, [clash_too])
    assert _active_duties(demo_db, vid, [base, touching, clash_too]) == sorted([base, touching, clash_too])


DOUBLE_BOOKING_ROUNDS = 30


def _assign_loop(url: str, vid: int, shift_ids: list[int], start, out) -> None:  # noqa: ANN001
    """One coordinator's process: assign the volunteer to each shift in turn, each round
    started together with the other process."""
    from volunteer_app.errors import AppError

    db = open_database(url, upgrade=False)
    assigned: list[int] = []
    try:
        for sid in shift_ids:
            start.wait(60)
            try:
                with db.session() as s:
                    assignment_service.assign(s, sid, vid)
                assigned.append(sid)
            except AppError:
                pass
    finally:
        db.dispose()
        out.put(assigned)


@pytest.mark.slow
def test_two_processes_never_double_book(demo_db: Database) -> None:
    """Two processes, 30 rounds: each round both put one volunteer on one of two
    overlapping duties (every other round an overnight one). Before: 30 of 30 rounds
    double-booked on PostgreSQL, 0 of 30 on SQLite."""
    import multiprocessing

    vid, tid = _member_and_team(demo_db)
    pairs = []
    for r in range(DOUBLE_BOOKING_ROUNDS):
        day = date(2032, 1, 5) + timedelta(days=3 * r)
        if r % 2:
            pairs.append((_shift(demo_db, tid, day, time(22), time(6)),
                          _shift(demo_db, tid, day + timedelta(days=1), time(5), time(9))))
        else:
            pairs.append((_shift(demo_db, tid, day, time(14), time(16)),
                          _shift(demo_db, tid, day, time(15), time(17))))
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_assign_loop, args=(demo_db.url, vid, [p[i] for p in pairs], start, out))
             for i in (0, 1)]
    for p in procs:
        p.start()
    confirmed = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(60)
    both = sum(1 for a, b in pairs if len(_active_duties(demo_db, vid, [a, b])) == 2)
    print(f"\ndouble booking: {DOUBLE_BOOKING_ROUNDS} rounds, {both} double-booked, "
          f"{sum(map(len, confirmed))} assignments confirmed")
    assert both == 0
    assert sum(map(len, confirmed)) == DOUBLE_BOOKING_ROUNDS  # one of each pair, every round
