"""Statutory holidays and make-up working days: the official schedule and the calendar
planning reads, on plain data (the holiday table is kept by :mod:`..services.holidays`).

The ``chinese_calendar`` package knows the official schedule for the years up to its
latest published one and raises ``NotImplementedError`` beyond. For a year the package
does not cover and the clerk has not confirmed, planning uses the clerk's table plus
ordinary weekends and :class:`HolidayCalendar` reports the year as ``uncovered`` so front
ends can show a notice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, timedelta

WORKDAY, WEEKEND, HOLIDAY, MAKEUP = "workday", "weekend", "holiday", "makeup_workday"


@functools.lru_cache(maxsize=1)
def _package_data() -> tuple[dict[date, tuple[str, str]], dict[date, tuple[str, str]]]:
    """chinese_calendar's holidays and make-up days as {date: (kind, code)}."""
    import chinese_calendar
    from chinese_calendar.constants import Holiday as CCHoliday

    codes = {h.value: h.name for h in CCHoliday}
    offs = {d: ("holiday", codes.get(n, "")) for d, n in chinese_calendar.holidays.items()}
    works = {d: ("workday", codes.get(n, "")) for d, n in chinese_calendar.workdays.items()}
    return offs, works


@functools.lru_cache(maxsize=64)
def package_covers(year: int) -> bool:
    """True when chinese_calendar has official data for ``year``."""
    import chinese_calendar

    try:
        chinese_calendar.is_holiday(date(year, 7, 1))
    except NotImplementedError:
        return False
    return True


def package_rows(year: int) -> list[tuple[date, str, str]]:
    """(date, kind, code) of every special day chinese_calendar lists for a year.

    Raises NotImplementedError, like the package, for a year it does not cover.
    """
    if not package_covers(year):
        raise NotImplementedError(f"chinese_calendar has no data for {year}")
    offs, works = _package_data()
    rows = [(d, k, c) for d, (k, c) in offs.items() if d.year == year]
    rows += [(d, k, c) for d, (k, c) in works.items() if d.year == year]
    return sorted(rows)


@dataclass(frozen=True)
class DayInfo:
    """What kind of day a date is for planning, and where the knowledge comes from."""

    date: date
    kind: str  # workday, weekend, holiday, makeup_workday
    code: str = ""  # chinese_calendar holiday code, translated by front ends
    name: str = ""  # the clerk's own name for the day
    official: bool = True  # False when the year has no published or confirmed schedule

    @property
    def is_off(self) -> bool:
        """True on weekends and holidays (not on make-up working days)."""
        return self.kind in (WEEKEND, HOLIDAY)


@dataclass
class HolidayCalendar:
    """The holiday table for a span of dates, ready to classify days quickly."""

    special: dict[date, tuple[str, str, str]] = field(default_factory=dict)  # kind, code, name
    covered_years: frozenset[int] = frozenset()
    uncovered_years: tuple[int, ...] = ()

    @property
    def notice(self) -> bool:
        """True when some year in the span falls back to weekends plus the table."""
        return bool(self.uncovered_years)

    def info(self, day: date) -> DayInfo:
        official = day.year in self.covered_years
        entry = self.special.get(day)
        if entry is not None:
            kind, code, name = entry
            return DayInfo(day, HOLIDAY if kind == "holiday" else MAKEUP, code, name, official)
        return DayInfo(day, WEEKEND if day.weekday() >= 5 else WORKDAY, "", "", official)


def week_days(monday: date) -> list[date]:
    """The seven days of the week starting on ``monday``."""
    return [monday + timedelta(days=i) for i in range(7)]
