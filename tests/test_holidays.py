"""Holidays: chinese_calendar data in an editable table, the weekend fallback beyond its
last year, and how templates treat holidays and make-up working days."""

from __future__ import annotations

from datetime import date, time, timedelta

import chinese_calendar
import pytest

from volunteer_app.errors import NotFoundError, ValidationError
from volunteer_app.scheduling import holidays as hol
from volunteer_app.services import holidays as holiday_service
from volunteer_app.services import shifts as svc
from volunteer_app.services import templates as template_service


def first_uncovered_year() -> int:
    """The first year after 2024 the package has no data for (2027 with today's package)."""
    year = 2024
    while hol.package_covers(year):
        year += 1
    return year


def first_unestimated_year() -> int:
    """The first year neither the package nor the estimates cover (issue 18: 2027-2035 are
    pre-filled with estimated holidays, tests/test_holiday_changes.py)."""
    from volunteer_app.scheduling.holiday_estimates import estimates_known

    year = first_uncovered_year()
    while estimates_known(year):
        year += 1
    return year


def test_package_raises_beyond_its_data() -> None:
    year = first_uncovered_year()
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_holiday(date(year, 3, 2))
    with pytest.raises(NotImplementedError):
        hol.package_rows(year)
    assert hol.package_covers(year - 1)


def test_covered_year_is_imported_once_and_classified(db) -> None:  # noqa: ANN001
    with db.session() as s:
        rows = holiday_service.list_holidays(s, 2026)
        assert holiday_service.year_status(s, 2026).source == "chinese_calendar"
    by_date = {r.date: r for r in rows}
    assert by_date[date(2026, 10, 1)].kind == "holiday"
    assert by_date[date(2026, 10, 1)].code == "national_day"
    assert by_date[date(2026, 10, 10)].kind == "workday"  # a Saturday worked for National Day
    with db.session() as s:
        cal = holiday_service.load_calendar(s, date(2026, 9, 28), date(2026, 10, 11))
    assert not cal.notice
    assert cal.info(date(2026, 10, 1)).kind == hol.HOLIDAY
    assert cal.info(date(2026, 10, 10)).kind == hol.MAKEUP
    assert cal.info(date(2026, 9, 29)).kind == hol.WORKDAY
    assert cal.info(date(2026, 10, 11)).kind == hol.WEEKEND
    # Every day agrees with the package itself.
    day = date(2026, 1, 1)
    with db.session() as s:
        cal = holiday_service.load_calendar(s, day, date(2026, 12, 31))
    while day.year == 2026:
        assert cal.info(day).is_off == chinese_calendar.is_holiday(day), day
        day += timedelta(days=1)


def test_clerk_edits_survive_and_win(db) -> None:  # noqa: ANN001
    losar = date(2026, 2, 18)
    with db.session() as s:
        holiday_service.list_holidays(s, 2026)
        holiday_service.set_holiday(s, date(2026, 3, 3), "holiday", "藏历新年")
        holiday_service.remove_holiday(s, date(2026, 10, 7))
    with db.session() as s:
        holiday_service.ensure_years(s, [2026])  # no re-import over the clerk's edits
        cal = holiday_service.load_calendar(s, date(2026, 1, 1), date(2026, 12, 31))
    assert cal.info(date(2026, 3, 3)).kind == hol.HOLIDAY
    assert cal.info(date(2026, 3, 3)).name == "藏历新年"
    assert cal.info(date(2026, 10, 7)).kind == hol.WORKDAY
    assert cal.info(losar).kind == hol.HOLIDAY  # still the package's Spring Festival
    with db.session() as s:
        assert holiday_service.reimport_year(s, 2026) > 0
        cal = holiday_service.load_calendar(s, date(2026, 1, 1), date(2026, 12, 31))
    assert cal.info(date(2026, 10, 7)).kind == hol.HOLIDAY
    assert cal.info(date(2026, 3, 3)).kind == hol.WORKDAY
    with db.session() as s, pytest.raises(ValidationError):
        holiday_service.set_holiday(s, date(2026, 3, 4), "party", "")
    with db.session() as s, pytest.raises(NotFoundError):
        holiday_service.remove_holiday(s, date(2026, 3, 5))


def test_year_past_the_data_falls_back_with_a_notice(db) -> None:  # noqa: ANN001
    year = first_unestimated_year()
    jan1 = date(year, 1, 1)
    with db.session() as s:
        assert holiday_service.list_holidays(s, year) == []
        assert holiday_service.year_status(s, year).notice
        cal = holiday_service.load_calendar(s, date(year - 1, 12, 28), date(year, 1, 10))
    assert cal.notice and cal.uncovered_years[-1] == year  # (year - 1: estimated, unconfirmed)
    assert not cal.info(jan1).official
    # Weekends are days off, New Year's Day is an ordinary day until the clerk enters it.
    for d in (jan1 + timedelta(days=i) for i in range(10)):
        assert cal.info(d).kind == (hol.WEEKEND if d.weekday() >= 5 else hol.WORKDAY)
    with db.session() as s:
        holiday_service.set_holiday(s, jan1, "holiday", "元旦")
        cal = holiday_service.load_calendar(s, jan1, date(year, 1, 10))
        assert cal.info(jan1).kind == hol.HOLIDAY and cal.notice
        holiday_service.confirm_year(s, year)
        cal = holiday_service.load_calendar(s, jan1, date(year, 1, 10))
    assert not cal.notice and cal.info(jan1).official


def _template(db, **kw) -> int:  # noqa: ANN001, ANN003
    data = {"name": "测试", "start_time": time(9), "end_time": time(11), "duty_type": "patrol"}
    with db.session() as s:
        return template_service.save_template(s, None, template_service.TemplateData(**{**data, **kw}))


def _dates(db, start: date, end: date) -> list[date]:  # noqa: ANN001
    with db.session() as s:
        template_service.generate(s, start, end)
        return [r.date for r in svc.list_shifts(s, start, end)]


def test_templates_skip_holidays_when_told(db) -> None:  # noqa: ANN001
    _template(db, on_holidays=False)
    days = _dates(db, date(2026, 9, 28), date(2026, 10, 11))
    assert date(2026, 9, 30) in days
    assert not any(date(2026, 10, 1) <= d <= date(2026, 10, 7) for d in days)
    assert date(2026, 10, 8) in days


def test_templates_run_on_holidays_by_default(db) -> None:  # noqa: ANN001
    _template(db)
    days = _dates(db, date(2026, 10, 1), date(2026, 10, 7))
    assert len(days) == 7


def test_makeup_working_day_counts_as_weekday(db) -> None:  # noqa: ANN001
    weekday = _template(db, name="工作日", day_of_week="mon-fri", on_holidays=False)
    weekend = _template(db, name="周六", day_of_week="sat")
    with db.session() as s:
        template_service.generate(s, date(2026, 10, 5), date(2026, 10, 11))
        rows = svc.list_shifts(s, date(2026, 10, 5), date(2026, 10, 11))
    by_template = {t: sorted(r.date for r in rows if r.template_id == t) for t in (weekday, weekend)}
    # Sat 10 October 2026 is worked for National Day: weekday duties run, the Saturday one not.
    assert by_template[weekday] == [date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10)]
    assert by_template[weekend] == []


def test_makeup_day_keeps_calendar_weekday_when_flag_is_off(db) -> None:  # noqa: ANN001
    weekday = _template(db, name="工作日", day_of_week="mon-fri", makeup_as_weekday=False)
    weekend = _template(db, name="周六", day_of_week="sat", makeup_as_weekday=False)
    with db.session() as s:
        template_service.generate(s, date(2026, 10, 10), date(2026, 10, 10))
        rows = svc.list_shifts(s, date(2026, 10, 10), date(2026, 10, 10))
    assert [r.template_id for r in rows] == [weekend]
    assert weekday not in [r.template_id for r in rows]


def test_generation_past_the_data_uses_weekends_and_reports(db) -> None:  # noqa: ANN001
    year = first_unestimated_year()
    _template(db, day_of_week="mon-fri", on_holidays=False)
    with db.session() as s:
        res = template_service.generate(s, date(year, 1, 1), date(year, 1, 14))
        days = [r.date for r in svc.list_shifts(s, date(year, 1, 1), date(year, 1, 14))]
    assert res.uncovered_years == (year,)
    assert days == [d for d in (date(year, 1, 1) + timedelta(days=i) for i in range(14))
                    if d.weekday() < 5]
