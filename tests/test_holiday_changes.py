"""Issue 18 points 2 and 3: a holiday entered after the duties were generated moves them
(listed first, applied with --replan as one undoable change), and a year the official data
does not cover yet is pre-filled with estimated holidays (预计).

Before: shifts generated before a holiday was entered stayed on it (元旦 2027 kept its
small inspections), a make-up working day silently dropped the week's Saturday duties and
never brought the weekday ones, and 2027's Spring Festival was seven entries by hand.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from volunteer_app.cli import main
from volunteer_app.db import Database
from volunteer_app.errors import ConflictError, ValidationError
from volunteer_app.jobs import settings as cfg
from volunteer_app.jobs.jobs import run_job
from volunteer_app.models import Volunteer
from volunteer_app.models.shifts import Assignment, Shift
from volunteer_app.scheduling import holiday_estimates as est
from volunteer_app.scheduling import holidays as hol
from volunteer_app.services import assignments as assignment_service
from volunteer_app.services import holiday_changes as changes
from volunteer_app.services import holidays as holiday_service
from volunteer_app.services import templates as template_service

NEW_YEAR = date(2027, 1, 1)  # a Friday
MAKEUP_SAT = date(2027, 1, 9)  # a Saturday


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Changes touch the days from today on: fix today at 7 December 2026."""
    monkeypatch.setattr(changes, "local_now", lambda _s: datetime(2026, 12, 7, 9, 0))


def _templates(db: Database) -> dict[str, int]:
    with db.session() as s:
        def t(name: str, **kw: object) -> int:
            return template_service.save_template(s, None, template_service.TemplateData(
                name=name, start_time=time(10), end_time=time(11), **kw))
        return {"inspection": t("日常小排查", duty_type="small_inspection", day_of_week="mon-fri",
                                on_holidays=False),
                "saturday": t("每周大排查", duty_type="big_inspection", day_of_week="sat",
                              on_holidays=False),
                "patrol": t("晚间巡逻", day_of_week="*", on_holidays=True)}


def _shifts(db: Database, day: date) -> dict[int, int]:
    """{template_id: shift_id} of the shifts on a day."""
    with db.session() as s:
        return dict(s.execute(select(Shift.template_id, Shift.id).where(Shift.date == day)).all())


def _generated_before_the_holiday(db: Database) -> dict[str, int]:
    """Templates whose January 2027 shifts were generated while 元旦 was not in the table."""
    ids = _templates(db)
    with db.session() as s:
        holiday_service.remove_holiday(s, NEW_YEAR)  # the estimate, as if never entered
        template_service.generate(s, date(2026, 12, 28), date(2027, 1, 10))
    assert set(_shifts(db, NEW_YEAR)) == {ids["inspection"], ids["patrol"]}
    return ids


def _volunteer(db: Database, name: str = "张三") -> int:
    with db.session() as s:
        v = Volunteer(name=name, mobile="13800000000")
        s.add(v)
        s.flush()
        return v.id


def test_new_years_day_entered_late_lists_then_removes_the_inspection(db: Database) -> None:
    ids = _generated_before_the_holiday(db)
    inspection = _shifts(db, NEW_YEAR)[ids["inspection"]]
    vid = _volunteer(db)
    with db.session() as s:
        assignment_service.assign(s, inspection, vid)
        eff = changes.holiday_change_effects(s, [changes.HolidayEdit(NEW_YEAR, "holiday", "元旦")])
    assert [a.shift_id for a in eff.remove] == [inspection]  # not the patrol: it runs on holidays
    assert eff.people == ["张三"] and eff.add == ()
    # Without replan the table changes and the duty stays, listed.
    with db.session() as s:
        res = changes.apply_holiday_change(s, [changes.HolidayEdit(NEW_YEAR, "holiday", "元旦")],
                                           replan=False)
    assert res.removed == () and [a.shift_id for a in res.effects.remove] == [inspection]
    assert ids["inspection"] in _shifts(db, NEW_YEAR)
    # A replan of the same day still finds it, and removes it with its assignment.
    with db.session() as s:
        res = changes.apply_holiday_change(s, [changes.HolidayEdit(NEW_YEAR, "holiday", "元旦")])
    assert res.removed == (inspection,) and res.effects.people == ["张三"]
    assert set(_shifts(db, NEW_YEAR)) == {ids["patrol"]}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Assignment)) == 0
        # Undone as a whole: the shift and the assignment back, the table as it was.
        changes.undo_holiday_change(s, res.change_id)
    assert _shifts(db, NEW_YEAR)[ids["inspection"]] == inspection
    with db.session() as s:
        a = s.scalars(select(Assignment)).one()
        assert (a.shift_id, a.volunteer_id, a.status) == (inspection, vid, "planned")
        cal = holiday_service.load_calendar(s, NEW_YEAR, NEW_YEAR)
        assert cal.info(NEW_YEAR).kind == hol.HOLIDAY  # the first (table-only) change stays
        with pytest.raises(ConflictError) as exc:
            changes.undo_holiday_change(s, res.change_id)
    assert exc.value.code == "holiday_change_undone"


def test_served_duties_are_kept_and_past_days_untouched(db: Database) -> None:
    ids = _generated_before_the_holiday(db)
    inspection = _shifts(db, NEW_YEAR)[ids["inspection"]]
    vid = _volunteer(db)
    with db.session() as s:
        assignment_service.assign(s, inspection, vid)
        s.scalars(select(Assignment)).one().status = "completed"
    with db.session() as s:
        res = changes.apply_holiday_change(s, [changes.HolidayEdit(NEW_YEAR, "holiday")])
    assert res.removed == () and [a.shift_id for a in res.effects.kept] == [inspection]
    assert inspection in _shifts(db, NEW_YEAR).values()
    with db.session() as s:  # beyond what was generated: the weekly plan makes those
        eff = changes.holiday_change_effects(s, [changes.HolidayEdit(date(2027, 1, 23), "workday")])
        assert eff.empty
    with db.session() as s:  # before today: the table changes, the duties never
        res = changes.apply_holiday_change(s, [changes.HolidayEdit(date(2026, 12, 2), "holiday")])
    assert res.effects.empty and res.removed == ()


def test_makeup_saturday_lists_both_sides_and_cli_replans_and_undoes(db: Database, capsys) -> None:  # noqa: ANN001
    ids = _generated_before_the_holiday(db)
    saturday = _shifts(db, MAKEUP_SAT)
    assert set(saturday) == {ids["saturday"], ids["patrol"]}
    url = db.url
    assert main(["--db", url, "holidays", "set", str(MAKEUP_SAT), "--kind", "workday", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # Listed, not done: the Saturday duty would go, the weekday inspection would come.
    assert out["removed"] == [] and out["added"] == []
    assert [a["shift_id"] for a in out["effects"]["remove"]] == [saturday[ids["saturday"]]]
    assert [a["template_id"] for a in out["effects"]["add"]] == [ids["inspection"]]
    assert _shifts(db, MAKEUP_SAT) == saturday
    assert main(["--db", url, "holidays", "set", str(MAKEUP_SAT), "--kind", "workday", "--replan",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    now = _shifts(db, MAKEUP_SAT)
    assert out["removed"] == [saturday[ids["saturday"]]]
    assert out["added"] == [now[ids["inspection"]]] and set(now) == {ids["inspection"], ids["patrol"]}
    # Idempotent with generation: a later run creates nothing on that day.
    with db.session() as s:
        assert template_service.generate(s, MAKEUP_SAT, MAKEUP_SAT).created == 0
    assert main(["--db", url, "holidays", "undo", str(out["change"])]) == 0
    assert _shifts(db, MAKEUP_SAT) == saturday
    with db.session() as s:  # the table as the first (listing) change left it
        assert holiday_service.load_calendar(s, MAKEUP_SAT, MAKEUP_SAT).info(MAKEUP_SAT).kind == hol.MAKEUP
        first = changes.list_holiday_changes(s)[-1].id
    assert main(["--db", url, "holidays", "undo", str(first)]) == 0
    with db.session() as s:
        assert holiday_service.load_calendar(s, MAKEUP_SAT, MAKEUP_SAT).info(MAKEUP_SAT).kind == hol.WEEKEND


def test_undo_refused_once_someone_is_on_an_added_duty_or_the_day_changed(db: Database) -> None:
    ids = _generated_before_the_holiday(db)
    with db.session() as s:
        res = changes.apply_holiday_change(s, [changes.HolidayEdit(MAKEUP_SAT, "workday")])
    added = _shifts(db, MAKEUP_SAT)[ids["inspection"]]
    assert res.added == (added,)
    vid = _volunteer(db)
    with db.session() as s:
        assignment_service.assign(s, added, vid)
    with db.session() as s, pytest.raises(ConflictError) as exc:
        changes.undo_holiday_change(s, res.change_id)
    assert exc.value.code == "batch_has_assignments"
    with db.session() as s:
        res2 = changes.apply_holiday_change(s, [changes.HolidayEdit(date(2027, 1, 16), "workday")],
                                            replan=False)
        holiday_service.set_holiday(s, date(2027, 1, 16), "holiday", "改了")
    with db.session() as s, pytest.raises(ConflictError) as exc:
        changes.undo_holiday_change(s, res2.change_id)
    assert exc.value.code == "stale"


def test_cli_range_bad_input_exits_2_naming_the_field(db: Database, capsys) -> None:  # noqa: ANN001
    url = db.url
    assert main(["--db", url, "holidays", "set", "2027-02-11..2027-02-05", "--kind", "holiday"]) == 2
    assert "to" in capsys.readouterr().err
    assert main(["--db", url, "holidays", "set", "2027-02-01..2027-04-01", "--kind", "holiday"]) == 2
    assert "31 days" in capsys.readouterr().err
    assert main(["--db", url, "holidays", "set", "2027-02-30", "--kind", "holiday"]) == 2
    with pytest.raises(ValidationError):
        changes.edits_for_range("2027-02-05", "x", "holiday")


def test_spring_festival_2027_is_estimated_and_a_range_completes_it(db: Database, capsys) -> None:  # noqa: ANN001
    url = db.url
    assert main(["--db", url, "holidays", "list", "--year", "2027", "--json"]) == 0
    rows = {r["date"]: r for r in json.loads(capsys.readouterr().out)}
    for day in ("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"):  # 除夕 to 初三
        assert rows[day]["kind"] == "holiday" and rows[day]["estimated"] is True
        assert rows[day]["code"] == "spring_festival" and "name" in rows[day]
    for day in ("2027-01-01", "2027-04-05", "2027-05-01", "2027-06-09", "2027-09-15", "2027-10-01"):
        assert rows[day]["estimated"] is True
    assert not any(r["kind"] == "workday" for r in rows.values())  # 调休 is not guessed
    with db.session() as s:
        assert holiday_service.year_status(s, 2027).notice  # estimates are not confirmed
        cal = holiday_service.load_calendar(s, date(2027, 2, 1), date(2027, 2, 14))
    assert cal.notice and cal.info(date(2027, 2, 8)).kind == hol.HOLIDAY
    # The published break in one entry: the clerk's rows, no longer estimated.
    assert main(["--db", url, "holidays", "set", "2027-02-05..2027-02-11", "--kind", "holiday",
                 "--name", "春节", "--json"]) == 0
    capsys.readouterr()
    with db.session() as s:
        rows2 = {r.date: r for r in holiday_service.list_holidays(s, 2027)}
        assert all(rows2[date(2027, 2, d)].name == "春节" and not rows2[date(2027, 2, d)].estimated
                   for d in range(5, 12))
        assert rows2[date(2027, 10, 1)].estimated
        holiday_service.confirm_year(s, 2027)
    with db.session() as s:
        assert not any(r.estimated for r in holiday_service.list_holidays(s, 2027))
        assert not holiday_service.year_status(s, 2027).notice


def test_package_upgrade_replaces_estimates_never_the_clerks_rows(db: Database,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    with db.session() as s:
        holiday_service.list_holidays(s, 2027)  # estimates in
        holiday_service.set_holiday(s, date(2027, 2, 9), "holiday", "春节")  # the clerk's
        holiday_service.remove_holiday(s, date(2027, 6, 9))  # the clerk took one out
    official = [(date(2027, 1, 1), "holiday", "new_years_day"),
                (date(2027, 2, 9), "holiday", "spring_festival"),
                (date(2027, 2, 20), "workday", "spring_festival"),
                (date(2027, 10, 8), "holiday", "national_day")]
    monkeypatch.setattr(holiday_service, "package_covers", lambda y: y <= 2027)
    monkeypatch.setattr(holiday_service, "package_rows", lambda y: official if y == 2027 else [])
    with db.session() as s:
        rows = {r.date: r for r in holiday_service.list_holidays(s, 2027)}
        status = holiday_service.year_status(s, 2027)
    assert status.source == "chinese_calendar" and not status.notice
    assert not any(r.estimated for r in rows.values())
    assert date(2027, 2, 5) not in rows  # an estimate the official data does not hold: gone
    assert rows[date(2027, 2, 20)].kind == "workday" and rows[date(2027, 10, 8)].source == "chinese_calendar"
    assert rows[date(2027, 2, 9)].source == "manual" and rows[date(2027, 2, 9)].name == "春节"


def test_estimates_agree_with_the_official_data() -> None:
    """Qingming's formula against every official year with a Qingming holiday; the lunar
    table's rows are holidays and cover the statutory days."""
    import chinese_calendar

    for year in range(2008, 2027):
        assert chinese_calendar.is_holiday(est.qingming(year)), year
        assert chinese_calendar.get_holiday_detail(est.qingming(year))[1] == "Tomb-sweeping Day"
    for year in est.LUNAR_DAYS:
        rows = est.estimated_rows(year)
        assert len([r for r in rows if r[2] == "spring_festival"]) == 4
        assert len(rows) >= 12
    assert est.estimated_rows(2036) == []


def test_weekly_plan_says_when_the_weeks_holidays_are_unconfirmed(db: Database) -> None:
    _templates(db)
    out = run_job(db, cfg.WEEKLY_PLAN, now=datetime(2027, 2, 4, 9, 0, 20))  # plans 8-14 Feb 2027
    kinds = [n.kind for n in out.notices]
    assert kinds == ["plan_generated", "holidays_unconfirmed"]
    assert out.notices[1].data == {"week": "2027-W06", "years": [2027]}
    with db.session() as s:  # the estimated 初三 (8 Feb) was used as it stands
        assert not s.scalar(select(func.count()).select_from(Shift).where(
            Shift.date == date(2027, 2, 8), Shift.duty_type == "small_inspection"))
        holiday_service.confirm_year(s, 2027)
    out = run_job(db, cfg.WEEKLY_PLAN, now=datetime(2027, 2, 11, 9, 0, 20))
    assert [n.kind for n in out.notices] == ["plan_generated"]


def test_a_clerk_changes_the_table_but_a_replan_needs_shifts_plan(db: Database) -> None:
    from volunteer_app.security.permissions import CLERK, Actor, PermissionDenied

    _generated_before_the_holiday(db)
    edit = [changes.HolidayEdit(NEW_YEAR, "holiday", "元旦")]
    with db.session() as s, pytest.raises(PermissionDenied):
        s.info["actor"] = Actor("文员", CLERK, operator_id=98)
        changes.apply_holiday_change(s, edit)
    with db.session() as s:
        s.info["actor"] = Actor("文员", CLERK, operator_id=98)
        res = changes.apply_holiday_change(s, edit, replan=False)  # the table only: theirs
    assert res.removed == () and len(res.effects.remove) == 1
