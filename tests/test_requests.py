"""Residents' requests: intake, every allowed and forbidden transition, overdue flags with
an injected clock, month counts, dispatch suggestions and hours from completed requests."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from volunteer_app.errors import ConflictError, NotFoundError, ValidationError
from volunteer_app.models import Grid, Team, Volunteer
from volunteer_app.models.hours import HoursEntry
from volunteer_app.models.requests import OPEN_STATUSES, REQUEST_STATUSES, RequestEvent
from volunteer_app.security.permissions import Actor, PermissionDenied
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services import requests as rs
from volunteer_app.services import volunteers as vs

T0 = datetime(2026, 12, 7, 9, 0)


def _ids(s):
    grid = s.scalar(select(Grid.id).where(Grid.number == 3))
    team = s.scalar(select(Team.id).where(Team.kind == "patrol"))
    vol = s.scalar(select(Volunteer.id).where(Volunteer.active.is_(True), Volunteer.grid_id == grid)
                   .order_by(Volunteer.id))
    return grid, team, vol


def _new(s, urgency: str = "normal", category: str = "safety_hazard", at: datetime = T0) -> int:
    grid, _team, _vol = _ids(s)
    return rs.create_request(
        s,
        rs.RequestData(resident_name="卓玛", resident_phone="13800138000", building="香雪佳园3栋",
                       grid_id=grid, category=category, description="楼道灯不亮,有安全隐患",
                       source="chat_group", urgency=urgency, received_at=at),
        "王芳", now=at,
    )


# Arguments each target status needs to be reachable.
def _args(to: str, team: int, vol: int) -> dict:
    return {
        "dispatched": {"team_id": team, "volunteer_id": vol},
        "followed_up": {"satisfaction": 5, "note": "很满意"},
        "cancelled": {"note": "居民自行解决"},
        "done": {"note": "已更换灯泡"},
    }.get(to, {})


# A path of transitions that brings a fresh request into each status.
PATHS = {
    "received": [],
    "dispatched": ["dispatched"],
    "accepted": ["dispatched", "accepted"],
    "in_progress": ["dispatched", "accepted", "in_progress"],
    "done": ["dispatched", "accepted", "in_progress", "done"],
    "followed_up": ["dispatched", "accepted", "in_progress", "done", "followed_up"],
    "cancelled": ["cancelled"],
}
ALLOWED = {
    ("received", "dispatched"), ("received", "cancelled"),
    ("dispatched", "dispatched"), ("dispatched", "accepted"), ("dispatched", "cancelled"),
    ("accepted", "dispatched"), ("accepted", "in_progress"), ("accepted", "cancelled"),
    ("in_progress", "done"), ("in_progress", "cancelled"),
    ("done", "followed_up"),
}


def _bring_to(s, status: str) -> tuple[int, datetime]:
    grid, team, vol = _ids(s)
    rid = _new(s)
    clock = T0
    for step in PATHS[status]:
        clock += timedelta(minutes=30)
        rs.change_status(s, rid, step, "王芳", now=clock, **_args(step, team, vol))
    return rid, clock


@pytest.mark.parametrize("start,target", list(itertools.product(REQUEST_STATUSES, REQUEST_STATUSES)))
def test_every_transition_allowed_or_refused(demo_db, start: str, target: str) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid, clock = _bring_to(s, start)
        before = s.scalar(select(RequestEvent.id).where(RequestEvent.request_id == rid)
                          .order_by(RequestEvent.id.desc()))
        clock += timedelta(minutes=30)
        if (start, target) in ALLOWED:
            res = rs.change_status(s, rid, target, "李明", now=clock, **_args(target, team, vol))
            assert (res.from_status, res.to_status) == (start, target)
            detail = rs.get_request(s, rid, now=clock)
            assert detail.row.status == target
            last = detail.events[-1]
            assert (last.from_status, last.to_status, last.operator, last.at) == (
                start, target, "李明", clock)
        else:
            with pytest.raises(rs.InvalidTransition) as err:
                rs.change_status(s, rid, target, "李明", now=clock, **_args(target, team, vol))
            assert err.value.code == "invalid_transition"
            assert err.value.details == {"id": rid, "from_status": start, "to_status": target}
            detail = rs.get_request(s, rid, now=clock)
            assert detail.row.status == start
            after = s.scalar(select(RequestEvent.id).where(RequestEvent.request_id == rid)
                             .order_by(RequestEvent.id.desc()))
            assert after == before  # nothing recorded


def test_transition_table_matches_allowed_set() -> None:
    table = {(a, b) for a, targets in rs.TRANSITIONS.items() for b in targets}
    assert table == ALLOWED
    # Cancelling is possible from exactly the open states.
    assert {a for a, b in ALLOWED if b == "cancelled"} == set(OPEN_STATUSES)
    assert rs.allowed_transitions("received") == ("dispatched", "cancelled")


def test_full_flow_records_times_operator_and_details(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid = _new(s)
        rs.dispatch(s, rid, team, "王芳", volunteer_id=vol, note="请今天处理",
                    now=T0 + timedelta(minutes=10))
        rs.change_status(s, rid, "accepted", "扎西", now=T0 + timedelta(minutes=20))
        rs.change_status(s, rid, "in_progress", "扎西", now=T0 + timedelta(hours=1))
        res = rs.change_status(s, rid, "done", "扎西", note="已更换灯泡",
                               now=T0 + timedelta(hours=2, minutes=30))
        rs.change_status(s, rid, "followed_up", "王芳", satisfaction=4, note="希望以后快一点",
                         now=T0 + timedelta(days=1))
        d = rs.get_request(s, rid, now=T0 + timedelta(days=2))
        assert d.row.status == "followed_up" and d.row.satisfaction == 4
        assert d.row.team_id == team and d.row.volunteer_id == vol
        assert d.result == "已更换灯泡" and d.follow_up_remark == "希望以后快一点"
        assert [e.to_status for e in d.events] == [
            "received", "dispatched", "accepted", "in_progress", "done", "followed_up"]
        assert [e.operator for e in d.events] == ["王芳", "王芳", "扎西", "扎西", "扎西", "王芳"]
        assert d.events[1].team is not None and d.events[1].volunteer is not None
        assert d.events[1].note == "请今天处理"
        assert d.allowed == ()
        # Hours measured from "in progress" to "done" went to the ledger, unverified.
        assert res.hours_entry_id is not None
        entry = listing_service.get_entry(s, res.hours_entry_id)
        assert (entry.volunteer_id, entry.minutes, entry.source, entry.verified) == (
            vol, 90, "request", False)
        assert entry.request_id == rid and entry.team_id == team


def test_done_with_explicit_hours_and_without_volunteer(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid = _new(s)
        rs.dispatch(s, rid, team, "王芳", now=T0)  # team only, no volunteer
        rs.change_status(s, rid, "accepted", "王芳", now=T0)
        rs.change_status(s, rid, "in_progress", "王芳", now=T0)
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "done", "王芳", hours=2, now=T0 + timedelta(hours=3))
        assert ("volunteer", "required_for_hours") in {(p.field, p.code) for p in err.value.problems}
        res = rs.change_status(s, rid, "done", "王芳", now=T0 + timedelta(hours=3))
        assert res.hours_entry_id is None  # hours belong to people, not teams

        rid2 = _new(s)
        rs.dispatch(s, rid2, team, "王芳", volunteer_id=vol, now=T0)
        rs.change_status(s, rid2, "accepted", "王芳", now=T0)
        rs.change_status(s, rid2, "in_progress", "王芳", now=T0)
        # Three days elapsed are not three days of work: no automatic entry ...
        res = rs.change_status(s, rid2, "done", "王芳", now=T0 + timedelta(days=3))
        assert res.hours_entry_id is None
        rid3 = _new(s)
        rs.dispatch(s, rid3, team, "王芳", volunteer_id=vol, now=T0)
        rs.change_status(s, rid3, "accepted", "王芳", now=T0)
        rs.change_status(s, rid3, "in_progress", "王芳", now=T0)
        # ... unless the clerk says how long it took.
        res = rs.change_status(s, rid3, "done", "王芳", hours="1.5", now=T0 + timedelta(days=3))
        assert listing_service.get_entry(s, res.hours_entry_id).minutes == 90


def test_transition_arguments_are_checked(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid = _new(s)
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "dispatched", "王芳", now=T0)
        assert err.value.field == "team" and err.value.reason == "required"
        with pytest.raises(ValidationError):
            rs.change_status(s, rid, "dispatched", "王芳", team_id=99999, now=T0)
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "cancelled", "王芳", now=T0)
        assert err.value.field == "reason"
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "dispatched", "", team_id=team, now=T0)
        assert err.value.field == "operator"
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "nonsense", "王芳", now=T0)
        assert err.value.reason == "status_invalid"
        with pytest.raises(NotFoundError):
            rs.change_status(s, 424242, "dispatched", "王芳", team_id=team, now=T0)
        # An inactive volunteer cannot be sent.
        gone = s.scalar(select(Volunteer.id).where(Volunteer.active.is_(False)))
        with pytest.raises(ValidationError) as err:
            rs.dispatch(s, rid, team, "王芳", volunteer_id=gone, now=T0)
        assert err.value.reason == "volunteer_inactive"
        # Back-dating: not before the previous transition, not in the future.
        rs.dispatch(s, rid, team, "王芳", now=T0 + timedelta(hours=1))
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "accepted", "王芳", at=T0, now=T0 + timedelta(hours=2))
        assert err.value.reason == "before_previous"
        with pytest.raises(ValidationError) as err:
            rs.change_status(s, rid, "accepted", "王芳", at=T0 + timedelta(hours=5),
                             now=T0 + timedelta(hours=2))
        assert err.value.reason == "in_future"
        res = rs.change_status(s, rid, "accepted", "王芳", at=T0 + timedelta(hours=1, minutes=30),
                               now=T0 + timedelta(hours=2))
        assert rs.get_request(s, rid, now=T0).events[-1].at == T0 + timedelta(hours=1, minutes=30)
        assert res.to_status == "accepted"
        # satisfaction must be 1..5
        rs.change_status(s, rid, "in_progress", "王芳", now=T0 + timedelta(hours=3))
        rs.change_status(s, rid, "done", "王芳", now=T0 + timedelta(hours=3))
        for bad in (0, 6, None):
            with pytest.raises(ValidationError):
                rs.change_status(s, rid, "followed_up", "王芳", satisfaction=bad,
                                 now=T0 + timedelta(hours=4))


def test_stale_version_is_refused(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid = _new(s)
        seen = rs.get_request(s, rid, now=T0).row.version
        rs.dispatch(s, rid, team, "王芳", now=T0, expected_version=seen)
        with pytest.raises(ConflictError) as err:
            rs.change_status(s, rid, "cancelled", "李明", note="重复", now=T0,
                             expected_version=seen)
        assert err.value.code == "stale"


def test_intake_validation(demo_db) -> None:
    with demo_db.session() as s:
        with pytest.raises(ValidationError) as err:
            rs.create_request(s, rs.RequestData(resident_name="", resident_phone="123",
                                                category="fire", source="fax", urgency="now",
                                                grid_id=9999), "王芳", now=T0)
        fields = {(p.field, p.code) for p in err.value.problems}
        assert fields >= {("resident_name", "required"), ("resident_phone", "phone_invalid"),
                          ("description", "required"), ("category", "category_invalid"),
                          ("source", "source_invalid"), ("urgency", "urgency_invalid"),
                          ("grid", "unknown_grid")}
        with pytest.raises(ValidationError) as err:
            rs.create_request(s, rs.RequestData(resident_name="卓玛", description="x",
                                                received_at=T0 + timedelta(days=1)), "王芳", now=T0)
        assert err.value.reason == "in_future"


@pytest.mark.parametrize("urgency,hours", [("emergency", 2), ("urgent", 24), ("normal", 72),
                                           ("low", 168)])
def test_due_time_and_overdue_with_injected_clock(demo_db, urgency: str, hours: int) -> None:
    with demo_db.session() as s:
        rid = _new(s, urgency=urgency)
        due = T0 + timedelta(hours=hours)
        assert rs.get_request(s, rid, now=T0).row.due_at == due
        assert not rs.get_request(s, rid, now=due).row.overdue  # due exactly now: not yet
        late = due + timedelta(minutes=1)
        assert rs.get_request(s, rid, now=late).row.overdue
        assert [r.id for r in rs.list_requests(s, rs.RequestFilter(overdue_only=True), now=late)] == [rid]
        assert rs.list_requests(s, rs.RequestFilter(overdue_only=True), now=due) == []


def test_overdue_only_for_open_requests(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        later = T0 + timedelta(days=30)
        for status in REQUEST_STATUSES:
            rid, _ = _bring_to(s, status)
            row = rs.get_request(s, rid, now=later).row
            assert row.overdue == (status in OPEN_STATUSES), status
        done_late = _bring_to(s, "done")[0]
        assert not rs.get_request(s, done_late, now=later).row.late  # done within 72 h


def test_list_filters_and_order(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        a = _new(s, urgency="low")
        b = _new(s, urgency="emergency")
        c = _new(s, urgency="normal", category="environment")
        rs.dispatch(s, c, team, "王芳", now=T0)
        now = T0 + timedelta(hours=3)  # b is overdue
        ids = [r.id for r in rs.list_requests(s, now=now)]
        assert ids[0] == b and set(ids) == {a, b, c}
        assert [r.id for r in rs.list_requests(s, rs.RequestFilter(statuses=("dispatched",)), now=now)] == [c]
        assert [r.id for r in rs.list_requests(s, rs.RequestFilter(team_id=team), now=now)] == [c]
        assert [r.id for r in rs.list_requests(s, rs.RequestFilter(category="environment"), now=now)] == [c]
        assert len(rs.list_requests(s, rs.RequestFilter(grid_id=grid), now=now)) == 3
        assert rs.list_requests(s, rs.RequestFilter(month="2026-11"), now=now) == []
        assert len(rs.list_requests(s, rs.RequestFilter(search="香雪"), now=now)) == 3
        assert rs.list_requests(s, rs.RequestFilter(search="不存在的楼"), now=now) == []
        assert rs.list_requests(s, now=now)[0].to_json()["overdue"] is True


def test_month_counts_per_grid_and_category(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        other_grid = s.scalar(select(Grid.id).where(Grid.number == 7))
        _new(s, category="safety_hazard")
        _new(s, category="safety_hazard")
        _new(s, category="dispute")
        rs.create_request(s, rs.RequestData(resident_name="次仁", grid_id=other_grid,
                                            category="environment", description="垃圾堆放",
                                            received_at=T0), "王芳", now=T0)
        rs.create_request(s, rs.RequestData(resident_name="次仁", grid_id=None, category="care",
                                            description="独居老人需要代买药",
                                            received_at=T0), "王芳", now=T0)
        # Another month does not count.
        _new(s, at=datetime(2026, 11, 30, 23, 59))
        counts = rs.month_counts(s, "2026-12", now=T0 + timedelta(hours=1))
        assert counts.total == 5
        assert counts.by_category["safety_hazard"] == 2 and counts.by_category["care"] == 1
        by_grid = {g.grid_id: g for g in counts.grids}
        assert len(counts.grids) == 12  # 11 grids, all listed, plus "no grid"
        assert by_grid[grid].total == 3 and by_grid[grid].by_category["dispute"] == 1
        assert by_grid[other_grid].by_category["environment"] == 1
        assert by_grid[None].total == 1
        assert sum(g.total for g in counts.grids) == counts.total
        assert counts.by_status["received"] == 5
        later = rs.month_counts(s, "2026-12", now=T0 + timedelta(days=10))
        assert later.overdue_open == 5


def test_dispatch_options_suggest_team_by_category(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        expected = {"safety_hazard": "patrol", "dispute": "civility", "environment": "cleanup",
                    "care": "rider", "repair": "other", "other": "other"}
        for category, kind in expected.items():
            assert rs.suggested_team_kind(category) == kind
            rid = _new(s, category=category)
            opts = rs.dispatch_options(s, rid)
            assert opts.teams[0].suggested and opts.teams[0].kind == kind
            assert opts.suggested_team_id == opts.teams[0].team_id
            vols = opts.volunteers
            assert vols and all(v.volunteer_id for v in vols)
            grid_ids = set(s.scalars(select(Volunteer.grid_id).where(
                Volunteer.id.in_([v.volunteer_id for v in vols]))))
            assert grid_ids == {grid}
            # Members of the suggested team come first.
            flags = [opts.suggested_team_id in v.team_ids for v in vols]
            assert flags == sorted(flags, reverse=True)


def test_volunteer_with_requests_cannot_be_deleted(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        fresh = vs.create(s, vs.VolunteerData(name="新来的", mobile="13912345678", grid_id=grid))
        assert not vs.has_history(s, fresh)
        rid = _new(s)
        rs.dispatch(s, rid, team, "王芳", volunteer_id=fresh, now=T0)
        assert vs.has_history(s, fresh)
        with pytest.raises(ConflictError) as err:
            vs.delete(s, fresh)
        assert err.value.code == "has_history"
        # Re-dispatching to someone else keeps the history of who had it.
        rs.dispatch(s, rid, team, "王芳", volunteer_id=vol, now=T0)
        assert vs.has_history(s, fresh)


def test_completing_twice_after_correction_keeps_one_current_entry(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid, clock = _bring_to(s, "in_progress")
        res = rs.change_status(s, rid, "done", "王芳", hours=1, now=clock)
        entries = s.scalars(select(HoursEntry).where(HoursEntry.request_id == rid)).all()
        assert [e.id for e in entries] == [res.hours_entry_id]
        assert rs.get_request(s, rid, now=clock).hours_entry_ids == (res.hours_entry_id,)


def test_permissions_requests_need_clerk_role(demo_db) -> None:
    from volunteer_app.security.permissions import Actor, PermissionDenied

    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid = _new(s)
        s.info["actor"] = Actor(name="队长甲", role="captain", operator_id=7, team_id=team)
        with pytest.raises(PermissionDenied):
            rs.dispatch(s, rid, team, "队长甲", now=T0)
        with pytest.raises(PermissionDenied):
            rs.list_requests(s, now=T0)
        s.info["actor"] = Actor(name="王芳", role="clerk", operator_id=8)
        assert rs.dispatch(s, rid, team, "王芳", now=T0).to_status == "dispatched"


def _edit(**changes) -> rs.RequestData:
    data = dict(resident_name="卓玛", resident_phone="13800138000", building="香雪佳园3栋",
                category="safety_hazard", description="楼道灯不亮,有安全隐患",
                source="chat_group", urgency="normal")
    data.update(changes)
    return rs.RequestData(**data)


def test_editing_an_open_request_corrects_it_and_moves_the_due_time(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid, clock = _bring_to(s, "dispatched")
        seen = rs.get_request(s, rid, now=clock).row
        rs.update_request(s, rid, _edit(grid_id=grid, resident_phone="139 0013 9000",
                                        urgency="urgent", description="3栋楼道灯全坏",
                                        received_at=T0 - timedelta(hours=1)),
                          "王芳", expected_version=seen.version, now=clock)
        after = rs.get_request(s, rid, now=clock)
        assert after.row.resident_phone == "13900139000"
        assert after.row.urgency == "urgent" and after.row.description == "3栋楼道灯全坏"
        assert after.row.received_at == T0 - timedelta(hours=1)
        assert after.row.due_at == T0 - timedelta(hours=1) + timedelta(hours=24)
        # The intake entry of the history moved with the time received; the rest stayed.
        assert after.events[0].to_status == "received" and after.events[0].at == after.row.received_at
        assert after.row.status == "dispatched" and after.row.team_id == team
        # No time given: it stays as it is (it does not become "now").
        rs.update_request(s, rid, _edit(grid_id=grid, urgency="urgent"), "王芳", now=clock)
        assert rs.get_request(s, rid, now=clock).row.received_at == T0 - timedelta(hours=1)


def test_editing_is_checked_and_writes_nothing_when_refused(demo_db) -> None:
    with demo_db.session() as s:
        grid, team, vol = _ids(s)
        rid, clock = _bring_to(s, "accepted")
        seen = rs.get_request(s, rid, now=clock).row
        with pytest.raises(ValidationError) as err:
            rs.update_request(s, rid, _edit(resident_phone="123", description=""), "王芳", now=clock)
        assert {(p.field, p.code) for p in err.value.problems} == {
            ("resident_phone", "phone_invalid"), ("description", "required")}
        # Received after it was dispatched: the history would run backwards.
        with pytest.raises(ValidationError) as err:
            rs.update_request(s, rid, _edit(received_at=clock), "王芳", now=clock)
        assert err.value.problems[0].field == "received_at"
        with pytest.raises(ConflictError) as err:
            rs.update_request(s, rid, _edit(), "王芳", expected_version=seen.version - 1, now=clock)
        assert err.value.code == "stale"
        assert rs.get_request(s, rid, now=clock).row == seen
        done, clock = _bring_to(s, "done")
        with pytest.raises(ConflictError) as err:
            rs.update_request(s, done, _edit(), "王芳", now=clock)
        assert err.value.code == "request_closed"
        s.info["actor"] = Actor(name="队长甲", role="captain", operator_id=7, team_id=team)
        with pytest.raises(PermissionDenied):
            rs.update_request(s, rid, _edit(), "队长甲", now=clock)
