"""The holiday table the clerk keeps: copied from the official schedule once per year,
then edited (a regional holiday such as 藏历新年 added, a day removed or changed), and
read into the :class:`~volunteer_app.scheduling.holidays.HolidayCalendar` planning uses.

The ``chinese_calendar`` data of a year is copied into the ``holiday`` table once
(recorded in ``holiday_year``); a day the clerk entered first keeps the clerk's version.
A year the package does not cover yet is pre-filled once with *estimated* statutory days
(:mod:`..scheduling.holiday_estimates`, shown as 预计; the ``holiday_year`` row says
``estimated``): planning uses them but still reports the year as unconfirmed. When the
clerk confirms the year they become the clerk's; when an upgraded package brings the
year, its data replaces the estimates, never the clerk's own rows.
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
from ..scheduling.holiday_estimates import estimated_rows
from ..scheduling.holidays import HolidayCalendar, package_covers, package_rows
from ..security.permissions import require
from ..validation import normalize_text


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def _in_year(year: int):  # noqa: ANN202 - a SQL condition
    return (Holiday.date >= date(year, 1, 1)) & (Holiday.date <= date(year, 12, 31))


def ensure_years(session: Session, years: Iterable[int]) -> None:
    """Copy chinese_calendar's data into the table for covered years not imported yet
    (replacing estimates, keeping the clerk's rows); pre-fill estimates once for a year
    the package does not cover yet."""
    wanted = sorted(set(years))
    if not wanted:
        return
    marks = {y.year: y for y in session.scalars(select(HolidayYear).where(HolidayYear.year.in_(wanted)))}
    changed = False
    for year in wanted:
        mark = marks.get(year)
        if mark is not None and not mark.estimated:
            continue  # imported or confirmed complete
        if package_covers(year):
            # Official data replaces the estimates; a day the clerk entered (before the data
            # or over an estimate) keeps the clerk's version.
            session.execute(delete(Holiday).where(_in_year(year), Holiday.estimated.is_(True)))
            manual = set(session.scalars(select(Holiday.date).where(_in_year(year))))
            for day, kind, code in package_rows(year):
                if day not in manual:
                    session.add(Holiday(date=day, kind=kind, code=code, name="",
                                        source="chinese_calendar", estimated=False))
            if mark is None:
                session.add(HolidayYear(year=year, source="chinese_calendar", recorded_at=_now()))
            else:
                mark.source, mark.estimated, mark.recorded_at = "chinese_calendar", False, _now()
            changed = True
        elif mark is None:
            rows = estimated_rows(year)
            if not rows:
                continue  # beyond the estimates too: weekends plus the clerk's table
            manual = set(session.scalars(select(Holiday.date).where(_in_year(year))))
            for day, kind, code in rows:
                if day not in manual:
                    session.add(Holiday(date=day, kind=kind, code=code, name="",
                                        source="manual", estimated=True))
            session.add(HolidayYear(year=year, source="manual", recorded_at=_now(), estimated=True))
            changed = True
    if changed:
        session.flush()


def load_calendar(session: Session, start: date, end: date) -> HolidayCalendar:
    """The holiday calendar from ``start`` to ``end`` (importing package data as needed)."""
    years = range(start.year, end.year + 1)
    ensure_years(session, years)
    covered = frozenset(session.scalars(
        select(HolidayYear.year).where(HolidayYear.year.in_(list(years)),
                                       HolidayYear.estimated.is_(False))))
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
    estimated: bool = False  # 预计: computed, not yet the published schedule

    def to_json(self) -> dict:
        return {"date": self.date.isoformat(), "kind": self.kind, "code": self.code,
                "name": self.name, "source": self.source, "estimated": self.estimated}


@dataclass(frozen=True)
class YearStatus:
    """Whether a year's holidays are official (imported/confirmed) or a weekend fallback."""

    year: int
    source: str | None  # chinese_calendar, manual, or None when not covered
    package_covers: bool
    estimated: bool = False  # pre-filled with estimates, not confirmed

    @property
    def notice(self) -> bool:
        return self.source is None or self.estimated


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
        HolidayRow(h.date, h.kind, h.code, h.name, h.source, h.version, h.estimated)
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
    if row is not None and row.estimated:
        return YearStatus(year, None, package_covers(year), True)
    return YearStatus(year, row.source if row else None, package_covers(year))


def set_holiday(session: Session, day: date, kind: str, name: str = "",
                expected_version: int | None = None) -> None:
    """Add or change a special day (the clerk's edit wins over imported data).

    ``expected_version``: the day's version the form showed (0: the form showed no entry);
    another clerk's save since then is ``ConflictError("stale")``.
    """
    _require_edit(session)
    day, kind, name = _check_entry(day, kind, name)
    _write_holiday(session, day, kind, name, expected_version)


def _check_entry(day: date, kind: str, name: str = "") -> tuple[date, str, str]:
    """A day, kind and name as the clerk typed them, checked (``ValidationError``)."""
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
    return day, kind, name


def _write_holiday(session: Session, day: date, kind: str, name: str,
                  expected_version: int | None = None) -> None:
    """Store a checked entry as the clerk's (callers check permission and input)."""
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
    row.kind, row.name, row.source, row.estimated = kind, name, "manual", False
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
    mark = session.get(HolidayYear, year)
    if mark is None:
        session.add(HolidayYear(year=year, source="manual", recorded_at=_now()))
    elif mark.estimated:
        # The clerk checked the table against the published schedule: the estimates
        # still in it are the clerk's now (no longer 预计, never replaced by an import).
        mark.estimated, mark.source, mark.recorded_at = False, "manual", _now()
        for row in session.scalars(select(Holiday).where(_in_year(year), Holiday.estimated.is_(True))):
            row.estimated = False
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
