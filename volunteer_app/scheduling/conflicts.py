"""Conflict rules for putting a volunteer on a shift: pure functions on plain data.

Every way of assigning (the planner, the command line, copying a week, the auto-fill
solver and any independent checker) calls :func:`check` with the same facts, so the
rules live in exactly one place. Nothing here touches the database.

Hard conflicts block unless a coordinator overrides them with a reason; soft conflicts
only warn. Duty outside the times a volunteer offered and over their daily or weekly
maximum are hard (issue 18.6): the national volunteer-service regulation forbids
compelling volunteers, so going beyond what they offered is an explicit, recorded choice. All datetimes are naive local wall-clock times in the community's time zone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

HARD, SOFT = "hard", "soft"

# Codes in the order they are reported; front ends translate them.
HARD_CODES = ("inactive", "on_leave", "not_member", "overlap", "full",
              "outside_availability", "over_week_max", "over_day_max")
SOFT_CODES = ("short_rest",)
CONFLICT_CODES = HARD_CODES + SOFT_CODES
SEVERITY = {**{c: HARD for c in HARD_CODES}, **{c: SOFT for c in SOFT_CODES}}

MIN_REST = timedelta(hours=8)


@dataclass(frozen=True)
class Conflict:
    """One reason against an assignment: a stable code, its severity and details."""

    code: str
    severity: str
    details: tuple[tuple[str, object], ...] = ()

    @property
    def hard(self) -> bool:
        return self.severity == HARD

    def detail(self) -> dict[str, object]:
        """Details as a dict (e.g. ``{"shift_id": 12}`` for an overlap)."""
        return dict(self.details)

    def to_json(self) -> dict:
        return {"code": self.code, "severity": self.severity, **{
            k: (v.isoformat() if isinstance(v, (date, time)) else v) for k, v in self.details
        }}


def conflict(code: str, **details: object) -> Conflict:
    """Build a conflict of the severity its code carries."""
    return Conflict(code, SEVERITY[code], tuple(details.items()))


@dataclass(frozen=True)
class Window:
    """A weekly availability window; ``end <= start`` means it runs past midnight."""

    weekday: int  # 0 = Monday
    start: time
    end: time


@dataclass(frozen=True)
class Leave:
    """A leave or unavailable range, both ends inclusive."""

    start: date
    end: date
    kind: str = "leave"


@dataclass(frozen=True)
class VolunteerFacts:
    """What the rules need to know about a volunteer.

    ``team_ids`` holds the teams the volunteer serves in, including the parents of their
    branch teams (a branch member may serve an umbrella-team duty).
    """

    id: int
    active: bool = True
    team_ids: frozenset[int] = frozenset()
    windows: tuple[Window, ...] = ()
    leaves: tuple[Leave, ...] = ()
    max_per_week: int | None = None
    max_per_day: int | None = None


@dataclass(frozen=True)
class ShiftFacts:
    """A shift as an interval, with its team and headcount.

    ``filled`` counts the places already taken by other volunteers (statuses that hold a
    place: planned, confirmed, checked in, completed).
    """

    id: int | None
    start: datetime
    end: datetime
    team_id: int | None = None
    needed: int = 1
    filled: int = 0

    @property
    def day(self) -> date:
        return self.start.date()


@dataclass(frozen=True)
class DutyFacts:
    """One of the volunteer's other duties (a place-holding assignment)."""

    shift_id: int | None
    start: datetime
    end: datetime


def ends_next_day(start: time, end: time) -> bool:
    """Whether a duty from ``start`` to ``end`` runs past midnight: its end is not after its
    start (22:00-06:00; 08:00-08:00 is a 24-hour duty). The one place this rule lives."""
    return end <= start


def shift_interval(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    """Start and end of a shift; it ends on the next day when ``end`` is not after ``start``."""
    begin = datetime.combine(day, start)
    finish = datetime.combine(day, end)
    if ends_next_day(start, end):
        finish += timedelta(days=1)
    return begin, finish


def make_shift(shift_id: int | None, day: date, start: time, end: time, *,
               team_id: int | None = None, needed: int = 1, filled: int = 0) -> ShiftFacts:
    """ShiftFacts from a shift's stored date and times."""
    begin, finish = shift_interval(day, start, end)
    return ShiftFacts(shift_id, begin, finish, team_id, needed, filled)


def _days_touched(begin: datetime, finish: datetime) -> tuple[date, date]:
    """First and last calendar day an interval touches (an end at midnight touches no more)."""
    last = (finish - timedelta(microseconds=1)).date() if finish > begin else begin.date()
    return begin.date(), last


def _window_intervals(windows: Iterable[Window], first: date, last: date) -> list[tuple[datetime, datetime]]:
    """Concrete intervals of weekly windows on the days from ``first`` to ``last``, merged."""
    spans = []
    day = first
    while day <= last:
        for w in windows:
            if w.weekday == day.weekday():
                spans.append(shift_interval(day, w.start, w.end))
        day += timedelta(days=1)
    spans.sort()
    merged: list[tuple[datetime, datetime]] = []
    for b, e in spans:
        if merged and b <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((b, e))
    return merged


def within_availability(windows: Sequence[Window], begin: datetime, finish: datetime) -> bool:
    """True if the volunteer has no windows (always available) or one merged window holds the shift."""
    if not windows:
        return True
    first, last = _days_touched(begin, finish)
    spans = _window_intervals(windows, first - timedelta(days=1), last)
    return any(b <= begin and finish <= e for b, e in spans)


def iso_week(day: date) -> tuple[int, int]:
    """(ISO year, ISO week number) of a day."""
    iso = day.isocalendar()
    return iso[0], iso[1]


def check(volunteer: VolunteerFacts, shift: ShiftFacts, duties: Iterable[DutyFacts], *,
          min_rest: timedelta = MIN_REST) -> list[Conflict]:
    """Every conflict of putting ``volunteer`` on ``shift``, hard ones first.

    ``duties`` are the volunteer's other place-holding assignments (those on this very
    shift are ignored). An empty list means the assignment is clean.
    """
    hard: list[Conflict] = []
    soft: list[Conflict] = []
    if not volunteer.active:
        hard.append(conflict("inactive"))
    first, last = _days_touched(shift.start, shift.end)
    for leave in volunteer.leaves:
        if leave.start <= last and first <= leave.end:
            hard.append(conflict("on_leave", kind=leave.kind, start=leave.start, end=leave.end))
            break
    if shift.team_id is not None and shift.team_id not in volunteer.team_ids:
        hard.append(conflict("not_member", team_id=shift.team_id))
    others = [d for d in duties if shift.id is None or d.shift_id != shift.id]
    overlapping = [d for d in others if d.start < shift.end and shift.start < d.end]
    if overlapping:
        hard.append(conflict("overlap", shift_id=overlapping[0].shift_id,
                             start=overlapping[0].start.isoformat(timespec="minutes")))
    if shift.filled >= shift.needed:
        hard.append(conflict("full", needed=shift.needed, filled=shift.filled))

    if not within_availability(volunteer.windows, shift.start, shift.end):
        hard.append(conflict("outside_availability"))
    if volunteer.max_per_week is not None:
        week = iso_week(shift.day)
        count = sum(1 for d in others if iso_week(d.start.date()) == week) + 1
        if count > volunteer.max_per_week:
            hard.append(conflict("over_week_max", limit=volunteer.max_per_week, count=count))
    if volunteer.max_per_day is not None:
        count = sum(1 for d in others if d.start.date() == shift.day) + 1
        if count > volunteer.max_per_day:
            hard.append(conflict("over_day_max", limit=volunteer.max_per_day, count=count))
    rests = []
    for d in others:
        if d in overlapping:
            continue
        gap = shift.start - d.end if d.end <= shift.start else d.start - shift.end
        if gap < min_rest:
            rests.append((gap, d))
    if rests:
        gap, d = min(rests, key=lambda r: r[0])
        soft.append(conflict("short_rest", shift_id=d.shift_id,
                             hours=round(gap.total_seconds() / 3600, 1)))
    return hard + soft

