"""The holiday table the clerk keeps: copied from the official schedule once per year,
then edited (a regional holiday such as 藏历新年 added, a day removed or changed), and
read into the :class:`~volunteer_app.scheduling.holidays.HolidayCalendar` planning uses.

The ``chinese_calendar`` data of a year is copied into the ``holiday`` table once
(recorded in ``holiday_year``); a day the clerk entered first keeps the clerk's version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import versions
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models.holidays import HOLIDAY_KINDS, Holiday, HolidayYear
from ..parsing import parse_date, parse_year
from ..scheduling.holidays import HolidayCalendar, package_covers, package_rows
from ..security.permissions import require
from ..validation import normalize_text


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def ensure_years(session: Session, years: Iterable[int]) -> None:
    """Copy chinese_calendar's data into the table for covered years not imported yet."""
    wanted = sorted(set(years))
    if not wanted:
        return
    done = set(session.scalars(select(HolidayYear.year).where(HolidayYear.year.in_(wanted))))
    for year in wanted:
        if year in done or not package_covers(year):
            continue
        manual = set(session.scalars(
            select(Holiday.date).where(Holiday.date >= date(year, 1, 1),
                                       Holiday.date <= date(year, 12, 31))))
        for day, kind, code in package_rows(year):
            # A day the clerk entered before the data arrived keeps the clerk's version.
            if day not in manual:
                session.add(Holiday(date=day, kind=kind, code=code, name="",
                                    source="chinese_calendar"))
        session.add(HolidayYear(year=year, source="chinese_calendar", recorded_at=_now()))
    session.flush()


def load_calendar(session: Session, start: date, end: date) -> HolidayCalendar:
    """The holiday calendar from ``start`` to ``end`` (importing package data as needed)."""
    years = range(start.year, end.year + 1)
    ensure_years(session, years)
    covered = frozenset(session.scalars(
        select(HolidayYear.year).where(HolidayYear.year.in_(list(years)))))
    special = {
        d: (k, c, n)
        for d, k, c, n in session.execute(
            select(Holiday.date, Holiday.kind, Holiday.code, Holiday.name)
            .where(Holiday.date >= start, Holiday.date <= end))
    }
    uncovered = tuple(y for y in years if y not in covered)
    return HolidayCalendar(special, covered, uncovered)


@dataclass(frozen=True)
class HolidayRow:
    """One row of the holiday table as the clerk sees it."""

    date: date
    kind: str
    code: str
    name: str
    source: str
    version: int

    def to_json(self) -> dict:
        return {"date": self.date.isoformat(), "kind": self.kind, "code": self.code,
                "name": self.name, "source": self.source}


@dataclass(frozen=True)
class YearStatus:
    """Whether a year's holidays are official (imported/confirmed) or a weekend fallback."""

    year: int
    source: str | None  # chinese_calendar, manual, or None when not covered
    package_covers: bool

    @property
    def notice(self) -> bool:
        return self.source is None


def _require_edit(session: Session) -> None:
    """The clerk keeps the holiday table; coordinators who plan may correct it too. Not a
    captain: the table is the whole community's (``holidays.edit``; ``shifts.plan`` alone
    let a captain give every team a day off)."""
    require(session, "holidays.edit")


def list_holidays(session: Session, year: int) -> list[HolidayRow]:
    """Every special day of a year in date order (importing package data if due)."""
    require(session, "shifts.read")
    year = parse_year(year, "year")
    ensure_years(session, [year])
    return [
        HolidayRow(h.date, h.kind, h.code, h.name, h.source, h.version)
        for h in session.scalars(
            select(Holiday).where(Holiday.date >= date(year, 1, 1), Holiday.date <= date(year, 12, 31))
            .order_by(Holiday.date))
    ]


def year_status(session: Session, year: int) -> YearStatus:
    """Where a year's holiday data comes from."""
    require(session, "shifts.read")
    year = parse_year(year, "year")
    ensure_years(session, [year])
    row = session.get(HolidayYear, year)
    return YearStatus(year, row.source if row else None, package_covers(year))


def set_holiday(session: Session, day: date, kind: str, name: str = "",
                expected_version: int | None = None) -> None:
    """Add or change a special day (the clerk's edit wins over imported data).

    ``expected_version``: the day's version the form showed (0: the form showed no entry);
    another clerk's save since then is ``ConflictError("stale")``.
    """
    _require_edit(session)
    problems = []
    if kind not in HOLIDAY_KINDS:
        problems.append(FieldProblem("kind", "holiday_kind_invalid", kind))
    try:
        day = parse_date(day, "date")
    except ValidationError as exc:
        problems.extend(exc.problems)
    try:
        name = normalize_text(name, "name", 60)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    # Import the year first, so a later import cannot overwrite this edit.
    ensure_years(session, [day.year])
    row = session.get(Holiday, day)
    if row is None:
        if expected_version:  # removed meanwhile
            raise ConflictError("stale", id=day.isoformat(), version=0)
        row = Holiday(date=day, code="")
        session.add(row)
    else:
        versions.check(session, row, expected_version)
    if row.kind is not None and row.kind != kind:
        row.code = ""  # the package's name no longer describes the day
    row.kind, row.name, row.source = kind, name, "manual"
    session.flush()


def remove_holiday(session: Session, day: date) -> None:
    """Make a day ordinary again (a weekday or weekend by the calendar)."""
    _require_edit(session)
    day = parse_date(day, "date")
    ensure_years(session, [day.year])
    row = session.get(Holiday, day)
    if row is None:
        raise NotFoundError("holiday_not_found", date=day.isoformat())
    session.delete(row)
    session.flush()


def confirm_year(session: Session, year: int) -> None:
    """The clerk declares the table complete for a year the package does not cover."""
    _require_edit(session)
    year = parse_year(year, "year")
    if session.get(HolidayYear, year) is None:
        session.add(HolidayYear(year=year, source="manual", recorded_at=_now()))
        session.flush()


def reimport_year(session: Session, year: int) -> int:
    """Throw away the table's rows for a covered year and copy the package's data again."""
    _require_edit(session)
    year = parse_year(year, "year")
    if not package_covers(year):
        raise ValidationError(FieldProblem("year", "holidays_not_covered", year))
    session.execute(delete(Holiday).where(Holiday.date >= date(year, 1, 1),
                                          Holiday.date <= date(year, 12, 31)))
    session.execute(delete(HolidayYear).where(HolidayYear.year == year))
    session.flush()
    session.expire_all()
    ensure_years(session, [year])
    return len(package_rows(year))
