"""The service-hours ledger: check-in (overnight shifts too), no-shows, manual entries,
corrections as new entries, verification, and reports that equal the ledger."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from volunteer_app.errors import ConflictError, NotFoundError, ValidationError
from volunteer_app.models import Team, Volunteer
from volunteer_app.models.hours import HoursEntry
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.scheduling.conflicts import shift_interval
from volunteer_app.services import checkin as checkin_service
from volunteer_app.services import hours as hs
from volunteer_app.services import hours_listing as listing_service
from volunteer_app.services import hours_reports as report_service
from volunteer_app.services import volunteers as vs

NOW = datetime(2026, 12, 31, 12, 0)


def _team(s, kind: str = "patrol") -> int:
    return s.scalar(select(Team.id).where(Team.kind == kind))


def _vols(s, n: int) -> list[int]:
    return list(s.scalars(select(Volunteer.id).where(Volunteer.active.is_(True))
                          .order_by(Volunteer.id).limit(n)))


def _shift(s, on: date, start: time, end: time, vols: list[int], team: int | None = None,
           title: str = "夜间巡逻") -> tuple[int, list[int]]:
    shift = Shift(title=title, team_id=team or _team(s), date=on, start_time=start, end_time=end,
                  duty_type="patrol", needed=len(vols), location="香雪佳园")
    s.add(shift)
    s.flush()
    ids = []
    for v in vols:
        # Written past the planner's rules: a demo duty of theirs may overlap (the demo is
        # planned around today), which the database admits only as an overridden overlap.
        a = Assignment(shift_id=shift.id, volunteer_id=v, status="planned", overridden="overlap")
        s.add(a)
        s.flush()
        ids.append(a.id)
    return shift.id, ids


def test_shift_span_and_time_on_shift() -> None:
    d = date(2026, 12, 7)
    assert shift_interval(d, time(19), time(21)) == (datetime(2026, 12, 7, 19), datetime(2026, 12, 7, 21))
    assert shift_interval(d, time(22), time(6)) == (datetime(2026, 12, 7, 22), datetime(2026, 12, 8, 6))
    assert shift_interval(d, time(8), time(8))[1] == datetime(2026, 12, 8, 8)  # 24 h duty
    assert checkin_service.time_on_shift(d, time(22), time(6), time(1, 30)) == datetime(2026, 12, 8, 1, 30)
    assert checkin_service.time_on_shift(d, time(22), time(6), time(21, 50)) == datetime(2026, 12, 7, 21, 50)
    assert checkin_service.time_on_shift(d, time(22), time(6), time(6, 20)) == datetime(2026, 12, 8, 6, 20)
    assert checkin_service.time_on_shift(d, time(0), time(4), time(23, 50)) == datetime(2026, 12, 6, 23, 50)
    assert checkin_service.time_on_shift(d, time(9), time(11), time(10)) == datetime(2026, 12, 7, 10)


def test_checkin_defaults_to_planned_times_and_writes_unverified_entries(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 3)
        sid, aids = _shift(s, date(2026, 12, 7), time(19), time(21), vols)
        res = checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed"),
                                         checkin_service.CheckinMark(aids[1], "completed",
                                                        start=datetime(2026, 12, 7, 19, 20),
                                                        end=datetime(2026, 12, 7, 21, 5)),
                                         checkin_service.CheckinMark(aids[2], "no_show")], "队长甲", now=NOW)
        assert res.changed == 3 and len(res.entries_created) == 2
        a0, a1, a2 = (s.get(Assignment, a) for a in aids)
        assert (a0.status, a0.actual_start, a0.actual_end) == (
            "completed", datetime(2026, 12, 7, 19), datetime(2026, 12, 7, 21))
        assert a1.status == "completed" and a2.status == "no_show" and a2.actual_start is None
        sheet = checkin_service.checkin_sheet(s, sid)
        minutes = {r.volunteer_id: r.minutes for r in sheet.rows}
        assert minutes == {vols[0]: 120, vols[1]: 105, vols[2]: None}
        entries = listing_service.list_entries(s, listing_service.EntryFilter(month="2026-12"))
        assert {e.minutes for e in entries} == {120, 105}
        assert all(not e.verified and e.source == "assignment" and e.created_by == "队长甲"
                   for e in entries)
        assert all(e.duty == "夜间巡逻 · 香雪佳园" for e in entries)


def test_overnight_shift_hours(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 3)
        sid, aids = _shift(s, date(2026, 12, 31), time(22), time(6), vols)
        now = datetime(2027, 1, 1, 7, 0)
        res = checkin_service.all_arrived_as_planned(s, sid, "队长甲", now=now)
        assert res.changed == 3
        entries = [listing_service.get_entry(s, e) for e in res.entries_created]
        assert {e.minutes for e in entries} == {480}
        # The duty counts on the shift's date, December, although it ends in January.
        assert {e.date for e in entries} == {date(2026, 12, 31)}
        assert {e.end_at for e in entries} == {datetime(2027, 1, 1, 6)}
        # A volunteer who left at 01:30 served 3.5 hours, not -20.5.
        left = checkin_service.time_on_shift(date(2026, 12, 31), time(22), time(6), time(1, 30))
        res = checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed", end=left)],
                                "队长甲", now=now)
        assert len(res.entries_corrected) == 1
        assert listing_service.get_entry(s, res.entries_corrected[0]).minutes == 210


def test_arrival_then_departure(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 2)
        sid, aids = _shift(s, date(2026, 12, 7), time(22), time(6), vols)
        arrived = datetime(2026, 12, 7, 22, 15)
        checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "checked_in", start=arrived),
                                   checkin_service.CheckinMark(aids[1], "checked_in")], "队长甲",
                          now=datetime(2026, 12, 7, 22, 20))
        a0 = s.get(Assignment, aids[0])
        assert (a0.status, a0.actual_start, a0.actual_end) == ("checked_in", arrived, None)
        assert listing_service.list_entries(s) == []  # no hours before they leave
        # Bulk "all as planned" keeps the recorded arrival.
        res = checkin_service.all_arrived_as_planned(s, sid, "队长甲", now=datetime(2026, 12, 8, 6, 30))
        mins = sorted(listing_service.get_entry(s, e).minutes for e in res.entries_created)
        assert mins == [465, 480]


def test_checkin_refuses_bad_input_and_writes_nothing(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 2)
        sid, aids = _shift(s, date(2026, 12, 7), time(19), time(21), vols)
        bad = [
            [checkin_service.CheckinMark(aids[0], "completed", end=datetime(2026, 12, 7, 18))],  # before start
            [checkin_service.CheckinMark(aids[0], "completed", start=datetime(2026, 12, 1, 19))],  # wrong day
            [checkin_service.CheckinMark(aids[0], "dancing")],
        ]
        for marks in bad:
            with pytest.raises(ValidationError):
                checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[1], "completed"), *marks],
                                  "队长甲", now=NOW)
        # The future cannot be checked in yet.
        with pytest.raises(ValidationError) as err:
            checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed")], "队长甲",
                              now=datetime(2026, 12, 7, 19, 30))
        assert err.value.reason == "in_future"
        assert s.get(Assignment, aids[1]).status == "planned"
        assert listing_service.list_entries(s) == []
        other_sid, other_aids = _shift(s, date(2026, 12, 8), time(9), time(10), vols[:1])
        with pytest.raises(NotFoundError):
            checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(other_aids[0], "completed")], "队长甲", now=NOW)
        with pytest.raises(NotFoundError):
            checkin_service.checkin_sheet(s, 987654)
        cancelled = s.get(Assignment, aids[0])
        cancelled.status = "cancelled"
        s.flush()
        with pytest.raises(ConflictError):
            checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed")], "队长甲", now=NOW)
        assert all(r.assignment_id != aids[0] for r in checkin_service.checkin_sheet(s, sid).rows)


def test_no_show_after_completion_voids_by_correction(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 1)
        sid, aids = _shift(s, date(2026, 12, 7), time(19), time(21), vols)
        first = checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed")], "队长甲", now=NOW)
        hs.verify(s, first.entries_created, "协调员", now=NOW)
        res = checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "no_show")], "队长甲", now=NOW)
        assert s.get(Assignment, aids[0]).status == "no_show"
        chain = listing_service.entry_chain(s, first.entries_created[0])
        assert [e.minutes for e in chain] == [120, 0]
        assert chain[0].superseded_by == chain[1].id and chain[1].reason == hs.REASON_NO_SHOW
        assert chain[0].verified and not chain[0].counts  # kept, but no longer counts
        assert res.entries_corrected == (chain[1].id,)
        assert report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1)) == 0
        # Came after all: a further correction restores the hours.
        checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed")], "队长甲", now=NOW)
        assert [e.minutes for e in listing_service.entry_chain(s, chain[0].id)] == [120, 0, 120]
        assert s.scalar(select(func.count(HoursEntry.id))) == 3  # nothing was overwritten


def test_rechecking_same_times_changes_nothing(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 2)
        sid, aids = _shift(s, date(2026, 12, 7), time(19), time(21), vols)
        checkin_service.all_arrived_as_planned(s, sid, "队长甲", now=NOW)
        res = checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(a, "completed") for a in aids], "队长甲", now=NOW)
        assert res == checkin_service.CheckinResult(0, (), ())
        assert checkin_service.all_arrived_as_planned(s, sid, "队长甲", now=NOW).changed == 0
        with pytest.raises(ConflictError):
            checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "checked_in")], "队长甲", now=NOW)


def test_manual_entries_need_reason_and_sane_hours(demo_db) -> None:
    with demo_db.session() as s:
        v = _vols(s, 1)[0]
        eid = hs.add_manual(s, v, date(2026, 12, 5), "2.5", "社区活动布置", "王芳", now=NOW)
        e = listing_service.get_entry(s, eid)
        assert (e.minutes, e.source, e.reason, e.verified) == (150, "manual", "社区活动布置", False)
        for hours, reason, on, code in [
            ("0", "x", date(2026, 12, 5), "hours_invalid"),
            ("-1", "x", date(2026, 12, 5), "hours_invalid"),
            ("abc", "x", date(2026, 12, 5), "hours_invalid"),
            ("25", "x", date(2026, 12, 5), "hours_too_many"),
            ("nan", "x", date(2026, 12, 5), "hours_invalid"),
            ("1", "", date(2026, 12, 5), "required"),
            ("1", "x", date(2027, 1, 5), "date_in_future"),
        ]:
            with pytest.raises(ValidationError) as err:
                hs.add_manual(s, v, on, hours, reason, "王芳", now=NOW)
            assert err.value.reason == code, (hours, reason, on)
        with pytest.raises(NotFoundError):
            hs.add_manual(s, 999999, date(2026, 12, 5), 1, "x", "王芳", now=NOW)


def test_corrections_are_new_entries(demo_db) -> None:
    with demo_db.session() as s:
        v = _vols(s, 1)[0]
        eid = hs.add_manual(s, v, date(2026, 12, 5), 3, "宣传", "王芳", now=NOW)
        hs.verify(s, [eid], "队长甲", now=NOW)
        fix = hs.correct(s, eid, 2, "实际只有两小时", "王芳", now=NOW)
        assert fix != eid
        old, new = listing_service.get_entry(s, eid), listing_service.get_entry(s, fix)
        assert old.minutes == 180 and old.verified and old.superseded_by == fix
        assert new.minutes == 120 and new.corrects_id == eid and not new.verified
        # The superseded one can be neither corrected nor verified again.
        with pytest.raises(ConflictError) as err:
            hs.correct(s, eid, 1, "again", "王芳", now=NOW)
        assert err.value.code == "entry_superseded"
        with pytest.raises(ConflictError):
            hs.verify(s, [eid], "队长甲", now=NOW)
        with pytest.raises(ValidationError):
            hs.correct(s, fix, 1, "", "王芳", now=NOW)
        # Lists show the current entry only, unless asked for history.
        assert [e.id for e in listing_service.list_entries(s)] == [fix]
        assert {e.id for e in listing_service.list_entries(s, listing_service.EntryFilter(include_superseded=True))} == {eid, fix}
        assert report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1)) == 0  # pending
        hs.verify(s, [fix], "队长甲", now=NOW)
        assert report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1)) == 120


def test_unverified_hours_do_not_count(demo_db) -> None:
    with demo_db.session() as s:
        a, b = _vols(s, 2)
        team = _team(s)
        e1 = hs.add_manual(s, a, date(2026, 12, 5), 2, "活动", "王芳", team_id=team, now=NOW)
        hs.add_manual(s, a, date(2026, 12, 6), 3, "活动", "王芳", team_id=team, now=NOW)
        hs.add_manual(s, b, date(2026, 12, 6), 4, "活动", "王芳", team_id=team, now=NOW)
        hs.verify(s, [e1], "队长甲", now=NOW)
        report = report_service.monthly_report(s, "2026-12")
        assert report.verified_minutes == 120 and report.unverified_minutes == 420
        by_vol = {r.volunteer_id: r for r in report.volunteers}
        assert by_vol[a].verified_minutes == 120 and by_vol[a].unverified_minutes == 180
        assert by_vol[b].verified_minutes == 0 and by_vol[b].hours == 0
        assert report.teams[0].verified_minutes == 120
        totals = report_service.yearly_totals(s, a, 2026)
        assert totals.verified_minutes == 120 and totals.unverified_minutes == 180
        assert totals.by_month[11] == 120 and totals.duties == 1
        statement = report_service.monthly_statement(s, "2026-12")
        assert len(statement) == 3 and sum(not r.verified for r in statement) == 2
        assert hs.verify_month(s, "2026-12", "队长甲", now=NOW) == 2
        assert report_service.monthly_report(s, "2026-12").verified_minutes == 540


def test_verify_month_by_team_only(demo_db) -> None:
    with demo_db.session() as s:
        a, b = _vols(s, 2)
        patrol, cleanup = _team(s, "patrol"), _team(s, "cleanup")
        hs.add_manual(s, a, date(2026, 12, 5), 2, "巡逻", "王芳", team_id=patrol, now=NOW)
        hs.add_manual(s, b, date(2026, 12, 5), 2, "清扫", "王芳", team_id=cleanup, now=NOW)
        hs.add_manual(s, b, date(2026, 11, 5), 2, "清扫", "王芳", team_id=patrol, now=NOW)
        assert hs.verify_month(s, "2026-12", "队长甲", team_id=patrol, now=NOW) == 1
        rows = listing_service.list_entries(s, listing_service.EntryFilter(verified=True))
        assert [r.team_id for r in rows] == [patrol] and rows[0].verified_by == "队长甲"
        with pytest.raises(ValidationError):
            hs.verify_month(s, "2026-13", "队长甲", now=NOW)
        with pytest.raises(ValidationError):
            hs.verify_month(s, "2026-12", " ", now=NOW)


def test_report_totals_equal_the_ledger(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 12)
        teams = list(s.scalars(select(Team.id).order_by(Team.id)))
        # Shifts on the last evening of November and across New Year's Eve.
        for i, (on, start, end) in enumerate([
            (date(2026, 11, 30), time(22), time(6)), (date(2026, 12, 1), time(8), time(12)),
            (date(2026, 12, 15), time(19), time(21, 30)), (date(2026, 12, 31), time(23), time(1)),
        ]):
            sid, aids = _shift(s, on, start, end, vols[i * 3:(i + 1) * 3], team=teams[i + 1])
            checkin_service.all_arrived_as_planned(s, sid, "队长甲", now=datetime(2027, 1, 2))
            checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "no_show")], "队长甲",
                              now=datetime(2027, 1, 2))
        hs.add_manual(s, vols[0], date(2026, 12, 20), 1.25, "入户宣传", "王芳", now=NOW)
        hs.verify_month(s, "2026-12", "协调员", now=NOW)
        hs.add_manual(s, vols[1], date(2026, 12, 21), 2, "未核实", "王芳", now=NOW)
        report = report_service.monthly_report(s, "2026-12")
        ledger = report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1))
        assert report.verified_minutes == ledger
        assert sum(v.verified_minutes for v in report.volunteers) == ledger
        assert sum(t.verified_minutes for t in report.teams) == ledger
        # By hand: Dec 1 (2 x 4 h), Dec 15 (2 x 2.5 h), Dec 31 overnight (2 x 2 h), 1.25 h.
        assert ledger == 2 * 240 + 2 * 150 + 2 * 120 + 75
        # November's overnight shift stays in November (unverified there).
        assert report_service.ledger_minutes(s, date(2026, 11, 1), date(2026, 12, 1), verified_only=False) == 2 * 480
        for t in report.teams:
            if t.team_id is not None:
                assert t.verified_minutes == report_service.ledger_minutes(
                    s, date(2026, 12, 1), date(2027, 1, 1), team_id=t.team_id)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 28), st.integers(1, 96),
                          st.booleans(), st.booleans()), min_size=1, max_size=15))
def test_report_equals_ledger_property(demo_db, ops) -> None:
    """Random manual entries, verifications and corrections: the report always equals a
    direct sum over the ledger table, and per-volunteer totals add up to it."""
    with demo_db.session() as s:
        s.query(HoursEntry).filter(HoursEntry.corrects_id.is_not(None)).delete()
        s.query(HoursEntry).delete()
        vols = _vols(s, 4)
        expected = 0
        for vi, day, quarters, verify, correct in ops:
            eid = hs.add_manual(s, vols[vi], date(2026, 12, day), quarters / 4, "r", "王芳", now=NOW)
            minutes = quarters * 15
            if correct:
                eid = hs.correct(s, eid, quarters / 8, "fix", "王芳", now=NOW)
                minutes = round(quarters * 7.5)
            if verify:
                hs.verify(s, [eid], "队长甲", now=NOW)
                expected += minutes if minutes > 0 else 0
        report = report_service.monthly_report(s, "2026-12")
        assert report.verified_minutes == expected
        assert report.verified_minutes == report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1))
        assert sum(v.verified_minutes for v in report.volunteers) == expected
        stmt = sum(r.minutes for r in report_service.monthly_statement(s, "2026-12") if r.verified)
        assert stmt == expected
        s.rollback()


def test_statement_rows_are_plain_and_filtered_by_team(demo_db) -> None:
    with demo_db.session() as s:
        a, b = _vols(s, 2)
        patrol, cleanup = _team(s, "patrol"), _team(s, "cleanup")
        hs.add_manual(s, a, date(2026, 12, 5), 2, "巡逻", "王芳", team_id=patrol, duty="巡逻", now=NOW)
        hs.add_manual(s, b, date(2026, 12, 6), 1, "清扫", "王芳", team_id=cleanup, now=NOW)
        rows = report_service.monthly_statement(s, "2026-12", team_id=patrol)
        assert len(rows) == 1
        r = rows[0]
        assert (r.volunteer_id, r.team_id, r.date, r.duty, r.hours, r.verified) == (
            a, patrol, date(2026, 12, 5), "巡逻", 2.0, False)
        assert isinstance(r, report_service.StatementRow) and r.volunteer and r.team


def test_yearly_totals_by_month_and_team(demo_db) -> None:
    with demo_db.session() as s:
        v = _vols(s, 1)[0]
        patrol, cleanup = _team(s, "patrol"), _team(s, "cleanup")
        ids = [
            hs.add_manual(s, v, date(2026, 1, 3), 2, "a", "王芳", team_id=patrol, now=NOW),
            hs.add_manual(s, v, date(2026, 6, 3), 3, "b", "王芳", team_id=cleanup, now=NOW),
            hs.add_manual(s, v, date(2026, 6, 9), 1, "c", "王芳", team_id=patrol, now=NOW),
            hs.add_manual(s, v, date(2025, 12, 31), 5, "d", "王芳", now=NOW),
        ]
        hs.verify(s, ids, "协调员", now=NOW)
        t = report_service.yearly_totals(s, v, 2026)
        assert t.verified_minutes == 360 and t.by_month[0] == 120 and t.by_month[5] == 240
        assert dict(t.by_team) == {s.get(Team, patrol).name: 180, s.get(Team, cleanup).name: 180}
        assert (t.first_date, t.last_date, t.duties) == (date(2026, 1, 3), date(2026, 6, 9), 3)
        assert report_service.yearly_totals(s, v, 2025).verified_minutes == 300
        with pytest.raises(NotFoundError):
            report_service.yearly_totals(s, 999999, 2026)


def test_volunteer_with_hours_cannot_be_deleted(demo_db) -> None:
    with demo_db.session() as s:
        v = vs.create(s, vs.VolunteerData(name="新来的", mobile="13912345679"))
        assert not vs.has_history(s, v)
        hs.add_manual(s, v, date(2026, 12, 5), 1, "x", "王芳", now=NOW)
        assert vs.has_history(s, v)
        with pytest.raises(ConflictError):
            vs.delete(s, v)


def test_month_and_hours_parsing() -> None:
    assert hs.month_bounds("2026-12") == (date(2026, 12, 1), date(2027, 1, 1))
    assert hs.month_bounds("2026-02") == (date(2026, 2, 1), date(2026, 3, 1))
    for bad in ("2026-00", "2026-13", "26-12", "2026/12", ""):
        with pytest.raises(ValidationError):
            hs.month_bounds(bad)
    assert hs.hours_to_minutes("1,5") == 90 and hs.hours_to_minutes(0.25) == 15
    assert hs.hours_to_minutes(0, allow_zero=True) == 0


def test_permissions_captain_checks_in_own_team_only(demo_db) -> None:
    from volunteer_app.security.permissions import Actor, PermissionDenied

    with demo_db.session() as s:
        patrol, cleanup = _team(s, "patrol"), _team(s, "cleanup")
        vols = _vols(s, 1)
        sid, aids = _shift(s, date(2026, 12, 7), time(19), time(21), vols, team=patrol)
        s.info["actor"] = Actor(name="队长乙", role="captain", operator_id=7, team_id=cleanup)
        with pytest.raises(PermissionDenied):
            checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed")], "队长乙", now=NOW)
        s.info["actor"] = Actor(name="队长甲", role="captain", operator_id=8, team_id=patrol)
        res = checkin_service.record_checkin(s, sid, [checkin_service.CheckinMark(aids[0], "completed")], "队长甲", now=NOW)
        assert len(res.entries_created) == 1
        # Captains verify their own team's hours only.
        s.info["actor"] = Actor(name="队长乙", role="captain", operator_id=7, team_id=cleanup)
        assert hs.verify_month(s, "2026-12", "队长乙", now=NOW) == 0
        with pytest.raises(PermissionDenied):
            hs.verify(s, res.entries_created, "队长乙", now=NOW)
        s.info["actor"] = Actor(name="队长甲", role="captain", operator_id=8, team_id=patrol)
        assert checkin_service.checkin_sheet(s, sid)  # and the own team's captain may see to it
        s.info["actor"] = Actor(name="协调员", role="coordinator", operator_id=9)
        assert hs.verify(s, res.entries_created, "协调员", now=NOW) == 1


def test_sync_assignment_follows_status_set_elsewhere(demo_db) -> None:
    """The planner may set an assignment's status itself; syncing gives the ledger the
    same picture: hours for a completed duty, voided hours when it was not served."""
    with demo_db.session() as s:
        vols = _vols(s, 1)
        sid, aids = _shift(s, date(2026, 12, 7), time(22), time(6), vols)
        a = s.get(Assignment, aids[0])
        a.status, a.actual_start, a.actual_end = "completed", datetime(2026, 12, 7, 22), datetime(2026, 12, 8, 5)
        s.flush()
        res = checkin_service.sync_assignment(s, aids[0], "协调员", now=NOW)
        assert [listing_service.get_entry(s, e).minutes for e in res.entries_created] == [420]
        assert checkin_service.sync_assignment(s, aids[0], "协调员", now=NOW) == checkin_service.CheckinResult(0, (), ())
        a.status, a.actual_start, a.actual_end = "no_show", None, None
        s.flush()
        res = checkin_service.sync_assignment(s, aids[0], "协调员", now=NOW)
        assert listing_service.get_entry(s, res.entries_corrected[0]).minutes == 0
        with pytest.raises(NotFoundError):
            checkin_service.sync_assignment(s, 987654, "协调员", now=NOW)


def test_verify_shift_verifies_only_that_shift(demo_db) -> None:
    with demo_db.session() as s:
        vols = _vols(s, 4)
        sid1, _ = _shift(s, date(2026, 12, 7), time(19), time(21), vols[:2])
        sid2, _ = _shift(s, date(2026, 12, 8), time(19), time(21), vols[2:])
        checkin_service.all_arrived_as_planned(s, sid1, "队长甲", now=NOW)
        checkin_service.all_arrived_as_planned(s, sid2, "队长甲", now=NOW)
        assert checkin_service.verify_shift(s, sid1, "队长甲", now=NOW) == 2
        assert checkin_service.verify_shift(s, sid1, "队长甲", now=NOW) == 0
        assert report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1)) == 240
        assert report_service.ledger_minutes(s, date(2026, 12, 1), date(2027, 1, 1), verified_only=False) == 480


def test_planner_status_change_keeps_ledger_in_step(demo_db) -> None:  # noqa: ANN001
    """Completing a duty through the planner's status command records its hours; taking
    the completion back voids them with a correction."""
    from volunteer_app.services import assignments as assignment_service

    with demo_db.session() as s:
        patrol = _team(s, "patrol")
        vols = _vols(s, 1)
        sid, _aids = _shift(s, date(2026, 12, 7), time(19), time(21), vols, team=patrol)
        assignment_service.set_status(s, sid, vols[0], "checked_in")
        assignment_service.set_status(s, sid, vols[0], "completed")
    from volunteer_app.models.hours import HoursEntry

    def minutes() -> list[int]:
        with demo_db.session() as s:
            return sorted(e.minutes for e in s.scalars(
                select(HoursEntry).where(HoursEntry.volunteer_id == vols[0],
                                         HoursEntry.date == date(2026, 12, 7))))

    assert minutes() == [120]
    with demo_db.session() as s:
        assignment_service.set_status(s, sid, vols[0], "no_show")
    # The 2 hours are voided by a correction entry (0 h), never edited away.
    assert minutes() == [0, 120]
