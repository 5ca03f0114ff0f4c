"""Roles with no way around them (issue 17 point 4): each attack of the issue, made with
accounts on by a captain of 小喇叭巡逻队 (or by nobody logged in) in the demo community,
is refused by the core services, and by the command line where the issue names a command.

The permission matrix over every service function is tests/test_permission_matrix_services.py;
these tests are the issue's attacks one by one, with what must still work beside them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from volunteer_app.cli import main
from volunteer_app.db import Database
from volunteer_app.models import Membership, Team
from volunteer_app.models.holidays import Holiday
from volunteer_app.models.hours import HoursEntry
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.security import accounts
from volunteer_app.security.permissions import LoginRequired, PermissionDenied
from volunteer_app.services import assignments, availability, hours, hours_listing, shifts
from volunteer_app.services import holidays as holiday_service

PATROL = "小喇叭巡逻队"
CIVILITY = "点赞联盟文明劝导队"
CAPTAIN_PW = "captainpw1"
ADMIN_PW = "correct horse"


@dataclass
class Scene:
    db: Database
    url: str
    patrol: int
    civility: int
    own_member: int  # in 小喇叭巡逻队
    other_member: int  # in 点赞联盟文明劝导队 and not in 小喇叭巡逻队
    own_shift: int
    other_shift: int


@pytest.fixture
def scene(demo_db: Database) -> Iterator[Scene]:
    with demo_db.session() as s:
        accounts.enable_accounts(s, "admin", ADMIN_PW)
    accounts.login_unit(demo_db, "admin", ADMIN_PW)
    with demo_db.session() as s:
        patrol = s.scalar(select(Team.id).where(Team.name == PATROL))
        civility = s.scalar(select(Team.id).where(Team.name == CIVILITY))
        accounts.save_operator(s, None, "cap", "captain", display_name="老王队长", team_id=patrol,
                               password=CAPTAIN_PW)
        accounts.save_operator(s, None, "coord", "coordinator", password="coordpass1")
        in_patrol = set(s.scalars(select(Membership.volunteer_id).where(Membership.team_id == patrol)))
        in_civility = set(s.scalars(select(Membership.volunteer_id).where(Membership.team_id == civility)))
        own_shift = s.scalar(select(Shift.id).where(Shift.team_id == patrol).order_by(Shift.id))
        other_shift = s.scalar(select(Shift.id).where(Shift.team_id == civility).order_by(Shift.id))
    demo_db.actor = None
    url = make_url(demo_db.url).render_as_string(hide_password=False)
    yield Scene(demo_db, url, patrol, civility, min(in_patrol), min(in_civility - in_patrol),
                own_shift, other_shift)


def _as_captain(scene: Scene) -> None:
    accounts.login_unit(scene.db, "cap", CAPTAIN_PW)


def _yesterday() -> date:
    return date.today() - timedelta(days=1)


# -- reads without a login ---------------------------------------------------------------


@pytest.mark.parametrize("argv", [["hours", "list"], ["jobs", "list"], ["jobs", "history"],
                                  ["shifts", "status", "1", "1", "confirmed"]])
def test_commands_need_a_login_when_accounts_are_on(scene: Scene, argv: list[str],
                                                    capsys: pytest.CaptureFixture) -> None:
    assert main(["--db", scene.url, *argv]) == 2
    out = capsys.readouterr()
    assert "log" in out.err.lower() and out.out == ""


def test_shift_status_asks_who_is_working_before_looking_at_assignments(scene: Scene) -> None:
    """Whether a volunteer is on a shift is not told to nobody, nor to another team's captain."""
    with scene.db.session() as s:
        on = s.scalar(select(Assignment.volunteer_id).where(Assignment.shift_id == scene.other_shift))
    for vid in (on, scene.own_member):  # on the shift, and (most likely) not on it
        with pytest.raises(LoginRequired), scene.db.session() as s:
            assignments.set_status(s, scene.other_shift, vid, "confirmed")
        with pytest.raises(LoginRequired), scene.db.session() as s:
            assignments.set_status(s, 999_999, vid, "confirmed")
    _as_captain(scene)
    for vid in (on, scene.own_member):
        with pytest.raises(PermissionDenied), scene.db.session() as s:
            assignments.set_status(s, scene.other_shift, vid, "confirmed")


# -- a captain's writes outside their team ---------------------------------------------


def test_a_captain_cannot_add_a_duty_with_no_team(scene: Scene) -> None:
    _as_captain(scene)
    with pytest.raises(PermissionDenied), scene.db.session() as s:
        shifts.create_shift(s, shifts.ShiftData(date(2026, 12, 10), time(9), time(10), team_id=None))
    with scene.db.session() as s:  # their own team's duty they may add
        assert shifts.create_shift(s, shifts.ShiftData(date(2026, 12, 10), time(9), time(10),
                                                       team_id=scene.patrol))


def test_a_captain_cannot_record_hours_for_another_teams_volunteer(scene: Scene) -> None:
    _as_captain(scene)
    for team_id in (scene.patrol, None, scene.civility):
        with pytest.raises(PermissionDenied), scene.db.session() as s:
            hours.add_manual(s, scene.other_member, _yesterday(), 1, "活动补录", "x", team_id=team_id)
    with pytest.raises(PermissionDenied), scene.db.session() as s:  # nor without a team
        hours.add_manual(s, scene.own_member, _yesterday(), 1, "活动补录", "x", team_id=None)
    with scene.db.session() as s:
        eid = hours.add_manual(s, scene.own_member, _yesterday(), 1, "活动补录", "x", team_id=scene.patrol)
        # The one recording is the logged-in operator, whatever name the caller passed.
        assert s.get(HoursEntry, eid).created_by == "老王队长"


def test_a_captain_cannot_set_leave_or_limits_of_another_teams_volunteer(scene: Scene) -> None:
    accounts.login_unit(scene.db, "coord", "coordpass1")
    with scene.db.session() as s:
        leave = availability.add_leave(s, scene.other_member, date(2026, 12, 1), date(2026, 12, 2))
    _as_captain(scene)
    attacks = [
        lambda s: availability.add_leave(s, scene.other_member, date(2026, 12, 21), date(2026, 12, 22)),
        lambda s: availability.set_limits(s, scene.other_member, 0, 0),
        lambda s: availability.set_windows(s, scene.other_member, [(0, time(1), time(2))]),
        lambda s: availability.remove_leave(s, leave),
    ]
    for attack in attacks:
        with pytest.raises(PermissionDenied), scene.db.session() as s:
            attack(s)
    with scene.db.session() as s:  # their own team's member they may keep
        availability.add_leave(s, scene.own_member, date(2026, 12, 21), date(2026, 12, 22))
        availability.set_limits(s, scene.own_member, 2, 1)


def test_a_captain_cannot_change_the_communitys_holidays(scene: Scene,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _as_captain(scene)
    with scene.db.session() as s:
        before = s.get(Holiday, date(2026, 10, 1))
        assert before is not None or holiday_service.list_holidays(s, 2026)  # readable
    attacks = [
        lambda s: holiday_service.set_holiday(s, date(2026, 12, 9), "holiday", "巡逻队放假"),
        lambda s: holiday_service.remove_holiday(s, date(2026, 10, 1)),
        lambda s: holiday_service.reimport_year(s, 2026),
        lambda s: holiday_service.confirm_year(s, 2031),
    ]
    for attack in attacks:
        with pytest.raises(PermissionDenied), scene.db.session() as s:
            attack(s)
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", CAPTAIN_PW)
    for argv in (["holidays", "set", "2026-12-09", "--kind", "holiday", "--name", "放假"],
                 ["holidays", "reimport", "2026"]):
        assert main(["--db", scene.url, "--operator", "cap", *argv]) == 1, argv
    with scene.db.session() as s:
        assert s.get(Holiday, date(2026, 12, 9)) is None


def test_a_captain_cannot_pull_another_teams_member_onto_a_duty_with_override(scene: Scene) -> None:
    _as_captain(scene)
    with pytest.raises(PermissionDenied), scene.db.session() as s:
        assignments.assign(s, scene.own_shift, scene.other_member, override_reason="人手不够")
    with pytest.raises(PermissionDenied), scene.db.session() as s:
        assignments.assign(s, scene.own_shift, scene.other_member)
    with pytest.raises(PermissionDenied), scene.db.session() as s:  # nor onto another team's duty
        assignments.assign(s, scene.other_shift, scene.own_member, override_reason="人手不够")


def test_the_verifier_is_the_logged_in_operator(scene: Scene, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture) -> None:
    _as_captain(scene)
    with scene.db.session() as s:
        eid = hours.add_manual(s, scene.own_member, _yesterday(), 1, "活动补录", "x", team_id=scene.patrol)
        other = hours.add_manual(s, scene.own_member, _yesterday(), 2, "活动补录", "x", team_id=scene.patrol)
    with scene.db.session() as s:
        assert hours.verify(s, [eid], "王主任") == 1
        assert s.get(HoursEntry, eid).verified_by == "老王队长"
    monkeypatch.setenv("VOLUNTEER_APP_PASSWORD", CAPTAIN_PW)
    # With accounts on, --by is refused: whoever logged in verifies.
    assert main(["--db", scene.url, "--operator", "cap", "hours", "verify", str(other), "--by", "王主任"]) == 2
    assert "--by" in capsys.readouterr().err
    assert main(["--db", scene.url, "--operator", "cap", "hours", "verify", str(other)]) == 0
    with scene.db.session() as s:
        assert s.get(HoursEntry, other).verified_by == "老王队长"


# -- a captain's reads ---------------------------------------------------------------------


def test_a_captains_hours_listing_holds_their_team_only(scene: Scene) -> None:
    accounts.login_unit(scene.db, "coord", "coordpass1")
    with scene.db.session() as s:
        mine = hours.add_manual(s, scene.own_member, _yesterday(), 1, "补录", "x", team_id=scene.patrol)
        theirs = hours.add_manual(s, scene.other_member, _yesterday(), 1, "补录", "x", team_id=scene.civility)
        loose = hours.add_manual(s, scene.other_member, _yesterday(), 1, "补录", "x")
    _as_captain(scene)
    with scene.db.session() as s:
        listed = {r.id for r in hours_listing.list_entries(s)}
        ids = set(hours_listing.entry_ids(s))
        fetched = {r.id for r in hours_listing.fetch_entries(s, [mine, theirs, loose])}
        totals = {t.volunteer_id for t in hours_listing.ledger_totals(s).volunteers}
        assert hours_listing.get_entry(s, mine).id == mine
        with pytest.raises(PermissionDenied):
            hours_listing.get_entry(s, theirs)
        with pytest.raises(PermissionDenied):
            hours_listing.entry_chain(s, loose)
    assert mine in listed and mine in fetched and listed == ids
    assert not {theirs, loose} & (listed | ids | fetched)
    assert totals <= _patrol_members(scene)


def test_a_captains_shift_reads_hold_their_team_only(scene: Scene) -> None:
    _as_captain(scene)
    with scene.db.session() as s:
        week = shifts.week_plan(s, date(2026, 12, 7))
        assert week.shifts and {r.team_id for r in week.shifts} == {scene.patrol}
        with pytest.raises(PermissionDenied):
            shifts.get_shift(s, scene.other_shift)
        people = {c.volunteer_id for c in assignments.candidates(s, scene.own_shift)}
    assert people and people <= _patrol_members(scene)


def test_a_captain_sees_their_own_teams_auto_fills_only(scene: Scene) -> None:
    from volunteer_app.services import autofill

    accounts.login_unit(scene.db, "coord", "coordpass1")
    with scene.db.session() as s:
        made = {}
        for team in (scene.patrol, scene.civility):
            scope = autofill.Scope.week(date(2027, 3, 1), team)
            result = autofill.propose(scope, autofill.build_problem(s, scope), time_limit=1)
            made[team] = autofill.apply(s, result).batch_id
    _as_captain(scene)
    with scene.db.session() as s:
        assert {b.id for b in autofill.list_batches(s)} == {made[scene.patrol]}
        with pytest.raises(PermissionDenied):
            autofill.undo(s, made[scene.civility])


def _patrol_members(scene: Scene) -> set[int]:
    with scene.db.engine.connect() as conn:
        return set(conn.scalars(select(Membership.volunteer_id).where(Membership.team_id == scene.patrol)))


def test_nobody_logged_in_reads_nothing(scene: Scene) -> None:
    reads = [
        lambda s: hours_listing.list_entries(s),
        lambda s: hours_listing.get_entry(s, 1),
        lambda s: shifts.get_shift(s, scene.own_shift),
        lambda s: shifts.load_shift(s, scene.own_shift) and assignments.check_assignment(
            s, scene.own_shift, scene.own_member),
    ]
    for read in reads:
        with pytest.raises(LoginRequired), scene.db.session() as s:
            read(s)
    with scene.db.engine.connect() as conn:  # the scene has shifts to read
        assert conn.scalar(select(Shift.id).limit(1))


def test_a_captains_register_holds_their_team_only(scene: Scene) -> None:
    """The register (names, phones) was the whole community's for a captain."""
    from volunteer_app.services import teams as team_service
    from volunteer_app.services import volunteers as vol_service

    _as_captain(scene)
    mine = _patrol_members(scene)
    with scene.db.session() as s:
        listed = {r.id for r in vol_service.list_rows(s, vol_service.VolunteerFilter(active=None))}
        counted = vol_service.count(s, vol_service.VolunteerFilter(active=None))
        keys = set(vol_service.search_keys(s))
        fetched = {r.id for r in vol_service.fetch_rows(s, [scene.own_member, scene.other_member])}
        assert vol_service.get(s, scene.own_member).id == scene.own_member
        with pytest.raises(PermissionDenied):
            vol_service.get(s, scene.other_member)
        others = {m.volunteer_id for m in team_service.members(s, scene.civility)}
    assert listed == mine == keys and counted == len(mine)
    assert fetched == {scene.own_member}
    assert scene.other_member not in others and others <= mine
    accounts.login_unit(scene.db, "coord", "coordpass1")
    with scene.db.session() as s:  # other roles keep the whole register
        assert vol_service.count(s, vol_service.VolunteerFilter(active=None)) > len(mine)
