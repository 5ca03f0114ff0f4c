"""Expanding recurring duty templates into dates with APScheduler's CronTrigger.

The cron fields (``day_of_week``, ``day``, ``month``) follow APScheduler 3: use day names
(``mon-fri``, ``sat``) because 0 means Monday there, unlike classic cron. The trigger is
fed time-zone-aware datetimes in the community's zone, and the dates of its fire times
are the local dates of the shifts.

Holiday rules on top of the cron match:
- ``on_holidays`` false: no shift on a statutory holiday.
- ``makeup_as_weekday`` true: a make-up working day (调休上班, usually a Saturday or
  Sunday) counts as an ordinary weekday. Templates that run on every weekday Monday to
  Friday run on it; templates that do not (weekend or particular-weekday duties) do not.
  With the flag false the calendar weekday decides, as for any other day.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from ..errors import FieldProblem
from .holidays import HOLIDAY, MAKEUP, DayInfo


@dataclass(frozen=True)
class Recurrence:
    """When a template runs: cron fields, validity range and holiday behaviour."""

    start_time: time
    day_of_week: str = "*"
    day: str = "*"
    month: str = "*"
    valid_from: date | None = None
    valid_until: date | None = None
    on_holidays: bool = True
    makeup_as_weekday: bool = True


def cron_problems(day_of_week: str, day: str, month: str) -> list[FieldProblem]:
    """Field problems of cron expressions that CronTrigger refuses (empty when valid)."""
    problems = []
    for fname, value in (("day_of_week", day_of_week), ("day", day), ("month", month)):
        try:
            CronTrigger(**{fname: value or "*"}, timezone="UTC")
        except (ValueError, TypeError):
            problems.append(FieldProblem(fname, "cron_invalid", value))
    return problems


def _aware(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at).replace(tzinfo=tz)


def cron_dates(rec: Recurrence, start: date, end: date, tz: ZoneInfo,
               *, day_of_week: str | None = None) -> list[date]:
    """Local dates from ``start`` to ``end`` (inclusive) on which the cron fields fire."""
    if rec.valid_from and rec.valid_from > start:
        start = rec.valid_from
    if rec.valid_until and rec.valid_until < end:
        end = rec.valid_until
    if end < start:
        return []
    trigger = CronTrigger(
        day_of_week=day_of_week if day_of_week is not None else (rec.day_of_week or "*"),
        day=rec.day or "*", month=rec.month or "*",
        hour=rec.start_time.hour, minute=rec.start_time.minute, second=0,
        timezone=tz, start_date=_aware(start, time(0), tz),
        end_date=_aware(end, time(23, 59, 59), tz),
    )
    out: list[date] = []
    now = _aware(start, time(0), tz)
    previous = None
    while True:
        fire = trigger.get_next_fire_time(previous, now)
        if fire is None:
            break
        out.append(fire.astimezone(tz).date())
        previous = now = fire + timedelta(seconds=1)
    return out


@functools.lru_cache(maxsize=256)
def runs_every_weekday(day_of_week: str) -> bool:
    """True when a day_of_week expression fires on each of Monday to Friday."""
    monday = date(2024, 1, 1)  # a Monday
    fired = cron_dates(Recurrence(time(12), day_of_week=day_of_week), monday,
                       monday + timedelta(days=6), ZoneInfo("UTC"))
    return {d.weekday() for d in fired} >= {0, 1, 2, 3, 4}


def occurrence_dates(rec: Recurrence, start: date, end: date, tz: ZoneInfo,
                     day_info: Callable[[date], DayInfo]) -> list[date]:
    """Dates from ``start`` to ``end`` on which the template produces a shift."""
    dates = set(cron_dates(rec, start, end, tz))
    makeup_rule = rec.makeup_as_weekday
    weekday_duty = makeup_rule and runs_every_weekday(rec.day_of_week or "*")
    if weekday_duty:
        # Make-up working days join in when day and month fields allow the date.
        lo = max(start, rec.valid_from) if rec.valid_from else start
        hi = min(end, rec.valid_until) if rec.valid_until else end
        day = lo
        while day <= hi:
            if day not in dates and day_info(day).kind == MAKEUP:
                if cron_dates(rec, day, day, tz, day_of_week="*"):
                    dates.add(day)
            day += timedelta(days=1)
    out = []
    for day in sorted(dates):
        info = day_info(day)
        if info.kind == HOLIDAY and not rec.on_holidays:
            continue
        if info.kind == MAKEUP and makeup_rule and not weekday_duty:
            continue
        out.append(day)
    return out
