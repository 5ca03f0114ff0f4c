"""Duty reminders, computed from plain rows and a clock handed in (``now``).

Nothing here reads the clock or the database: the job, the Today screen, the command
line (``reminders due --at``) and the tests all pass ``now`` themselves.

Rules:

* a duty gets one reminder per lead time of its team (default 24 hours and 2 hours before
  it starts), due at ``start - lead``;
* a reminder is useful only before the duty starts: once it has begun none is due;
* when several lead times have passed unsent (the app was closed, or the volunteer was put
  on the duty late), only the shortest one is sent and the longer ones are *superseded*,
  so a volunteer never gets two reminders for one duty at the same moment;
* a reminder is identified by assignment, duty start and lead time (:func:`reminder_key`):
  if the coordinator moves the duty, the volunteer is reminded of the new time.

Times are naive local wall-clock datetimes in the community's time zone. With ``tz`` given,
lead times are measured in real elapsed time across daylight-saving changes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ..scheduling.conflicts import ends_next_day, shift_interval

# Assignments still waiting for their duty; checked-in, completed, no-show and cancelled
# ones need no reminder.
REMINDABLE_STATUSES = ("planned", "confirmed")
DEFAULT_LEADS = (24 * 60, 120)


@dataclass(frozen=True)
class Duty:
    """One volunteer on one shift, as reminders, the Today screen and exports need it."""

    assignment_id: int
    shift_id: int
    volunteer_id: int
    volunteer: str
    mobile: str
    team_id: int | None
    team: str | None
    grid: str | None
    location: str
    title: str
    duty_type: str
    date: date
    start: time
    end: time
    status: str = "planned"
    version: int = 1

    @property
    def begins(self) -> datetime:
        return datetime.combine(self.date, self.start)

    @property
    def ends(self) -> datetime:
        """End of the duty; an overnight duty ends on the following day."""
        return shift_interval(self.date, self.start, self.end)[1]

    @property
    def overnight(self) -> bool:
        return ends_next_day(self.start, self.end)


@dataclass(frozen=True)
class LeadTimes:
    """Reminder lead times in minutes, longest first: a default and per-team overrides."""

    default: tuple[int, ...] = DEFAULT_LEADS
    per_team: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def for_team(self, team_id: int | None) -> tuple[int, ...]:
        if team_id is not None and team_id in self.per_team:
            return self.per_team[team_id]
        return self.default

    @property
    def longest(self) -> int:
        """The longest lead time of any team (how far ahead duties must be looked at)."""
        every = [*self.default, *(m for v in self.per_team.values() for m in v)]
        return max(every, default=0)


@dataclass(frozen=True)
class Reminder:
    """A reminder of one duty, due at ``remind_at`` (``lead_minutes`` before it begins)."""

    duty: Duty
    lead_minutes: int
    remind_at: datetime
    # Longer lead times that fell due unsent and are folded into this reminder.
    superseded: tuple[int, ...] = ()

    @property
    def key(self) -> str:
        return reminder_key(self.duty.assignment_id, self.duty.begins, self.lead_minutes)

    def minutes_before(self, now: datetime) -> int:
        """Whole minutes from ``now`` until the duty begins."""
        return int((self.duty.begins - now).total_seconds() // 60)

    def to_json(self) -> dict:
        d = self.duty
        return {
            "key": self.key, "assignment_id": d.assignment_id, "shift_id": d.shift_id,
            "volunteer_id": d.volunteer_id, "volunteer": d.volunteer, "team": d.team,
            "grid": d.grid, "location": d.location, "title": d.title,
            "date": d.date.isoformat(), "start": d.start.strftime("%H:%M"),
            "end": d.end.strftime("%H:%M"), "overnight": d.overnight,
            "lead_minutes": self.lead_minutes,
            "remind_at": self.remind_at.isoformat(timespec="minutes"),
            "superseded": list(self.superseded),
        }


def reminder_key(assignment_id: int, begins: datetime, lead_minutes: int) -> str:
    """Identity of a reminder in the log: assignment, duty start, lead time."""
    return f"a{assignment_id}@{begins:%Y%m%dT%H%M}-{lead_minutes}m"


def as_local(moment: datetime, tz: ZoneInfo | None) -> datetime:
    """A naive local datetime: aware ones are converted to ``tz`` first."""
    if moment.tzinfo is None:
        return moment
    if tz is None:
        raise ValueError("an aware datetime needs the community time zone")
    return moment.astimezone(tz).replace(tzinfo=None)


def remind_time(begins: datetime, lead_minutes: int, tz: ZoneInfo | None = None) -> datetime:
    """When the reminder ``lead_minutes`` before ``begins`` falls due (naive local)."""
    if tz is None:
        return begins - timedelta(minutes=lead_minutes)
    # Subtract in UTC so that "2 hours before" is two real hours across a DST change.
    utc = begins.replace(tzinfo=tz).astimezone(timezone.utc) - timedelta(minutes=lead_minutes)
    return utc.astimezone(tz).replace(tzinfo=None)


def _passed(duty: Duty, leads: LeadTimes, now: datetime, tz: ZoneInfo | None) -> list[tuple[int, datetime]]:
    out = []
    for lead in leads.for_team(duty.team_id):
        at = remind_time(duty.begins, lead, tz)
        if at <= now:
            out.append((lead, at))
    return out


def due_reminders(duties: Iterable[Duty], leads: LeadTimes, now: datetime,
                  sent: Collection[str] = (), tz: ZoneInfo | None = None) -> list[Reminder]:
    """The reminders due at ``now`` that were not sent yet, earliest duty first.

    ``sent`` holds the keys already in the log (sent or superseded).
    """
    now = as_local(now, tz)
    out = []
    for duty in duties:
        if duty.status not in REMINDABLE_STATUSES or now >= duty.begins:
            continue
        passed = _passed(duty, leads, now, tz)
        if not passed:
            continue
        lead, at = min(passed)  # the shortest lead that passed: the freshest reminder
        if reminder_key(duty.assignment_id, duty.begins, lead) in sent:
            continue
        older = tuple(sorted(
            (m for m, _ in passed
             if m != lead and reminder_key(duty.assignment_id, duty.begins, m) not in sent),
            reverse=True))
        out.append(Reminder(duty, lead, at, older))
    out.sort(key=lambda r: (r.duty.begins, r.duty.shift_id, r.duty.volunteer, r.duty.assignment_id))
    return out


def upcoming_reminders(duties: Iterable[Duty], leads: LeadTimes, now: datetime, until: datetime,
                       sent: Collection[str] = (), tz: ZoneInfo | None = None) -> list[Reminder]:
    """Reminders that will fall due after ``now`` and no later than ``until``, in time order."""
    now, until = as_local(now, tz), as_local(until, tz)
    out = []
    for duty in duties:
        if duty.status not in REMINDABLE_STATUSES or now >= duty.begins:
            continue
        for lead in leads.for_team(duty.team_id):
            at = remind_time(duty.begins, lead, tz)
            key = reminder_key(duty.assignment_id, duty.begins, lead)
            if now < at <= until and key not in sent:
                out.append(Reminder(duty, lead, at))
    out.sort(key=lambda r: (r.remind_at, r.duty.begins, r.duty.volunteer, r.duty.assignment_id))
    return out
