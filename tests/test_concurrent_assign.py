"""Two coordinators filling the same shift at once over two real connections: the
headcount is enforced in the database transaction, never exceeded."""

from __future__ import annotations

import threading
from datetime import date, time

import pytest

from volunteer_app.db import Database, open_database
from volunteer_app.errors import AppError
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import teams as team_service


@pytest.fixture
def one_place(demo_db: Database) -> tuple[int, list[int]]:
    with demo_db.session() as s:
        tid = team_service.resolve(s, "小喇叭巡逻队")
        members = [m.volunteer_id for m in team_service.members(s, tid) if m.active]
        sid = svc.create_shift(s, svc.ShiftData(date(2031, 3, 4), time(14), time(15), team_id=tid,
                                                needed=1))
    # Two volunteers free at that time (no other duty that day in the demo).
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
