"""Duties and shifts as plain rows for reminders, the Today screen and calendar exports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Grid, Team, Volunteer
from ..models.shifts import ACTIVE_STATUSES, Assignment, Shift
from ..scheduling.conflicts import ends_next_day, shift_interval
from ..security.permissions import readable_team
from .reminders import Duty


@dataclass(frozen=True)
class Person:
    """A volunteer holding a place on a shift."""

    volunteer_id: int
    name: str
    mobile: str
    status: str


@dataclass(frozen=True)
class DutyShift:
    """A shift with its team, place and the volunteers on it."""

    shift_id: int
    title: str
    team_id: int | None
    team: str | None
    team_colour: str | None
    grid: str | None
    location: str
    duty_type: str
    date: date
    start: time
    end: time
    needed: int
    notes: str
    version: int
    people: tuple[Person, ...] = ()

    @property
    def begins(self) -> datetime:
        return datetime.combine(self.date, self.start)

    @property
    def ends(self) -> datetime:
        return shift_interval(self.date, self.start, self.end)[1]

    @property
    def overnight(self) -> bool:
        return ends_next_day(self.start, self.end)

    @property
    def filled(self) -> int:
        return len(self.people)

    @property
    def gap(self) -> int:
        """Places still open (0 when full or over-filled)."""
        return max(0, self.needed - self.filled)

    def to_json(self) -> dict:
        return {
            "id": self.shift_id, "title": self.title, "team": self.team, "grid": self.grid,
            "location": self.location, "type": self.duty_type, "date": self.date.isoformat(),
            "start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M"),
            "overnight": self.overnight, "needed": self.needed, "filled": self.filled,
            "gap": self.gap,
            "people": [{"id": p.volunteer_id, "name": p.name, "status": p.status}
                       for p in self.people],
        }


def _date_bounds(start: datetime, end: datetime) -> tuple[date, date]:
    # A duty dated the day before may not begin in the range, but it is cheap to include.
    return start.date(), end.date()


def load_duties(session: Session, start: datetime, end: datetime, *,
                statuses: Sequence[str] = ACTIVE_STATUSES, volunteer_id: int | None = None,
                team_id: int | None = None) -> list[Duty]:
    """Duties beginning from ``start`` up to and including ``end`` (naive local), in time order.

    ``end`` is inclusive because a reminder ``lead`` before a duty is due exactly when the
    duty begins at ``now + lead``. A captain reads their own team's duties only.
    """
    team_id = readable_team(session, "shifts.read", team_id)
    first, last = _date_bounds(start, end)
    stmt = (
        select(Assignment.id, Shift.id, Volunteer.id, Volunteer.name, Volunteer.mobile,
               Shift.team_id, Team.name, Grid.name, Shift.location, Shift.title,
               Shift.duty_type, Shift.date, Shift.start_time, Shift.end_time, Assignment.status,
               Shift.version)
        .join(Shift, Shift.id == Assignment.shift_id)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .outerjoin(Team, Team.id == Shift.team_id)
        .outerjoin(Grid, Grid.id == Shift.grid_id)
        .where(Shift.date >= first, Shift.date <= last, Assignment.status.in_(list(statuses)))
        .order_by(Shift.date, Shift.start_time, Shift.id, Assignment.id)
    )
    if volunteer_id is not None:
        stmt = stmt.where(Assignment.volunteer_id == volunteer_id)
    if team_id is not None:
        stmt = stmt.where(Shift.team_id == team_id)
    out = []
    for row in session.execute(stmt):
        duty = Duty(*row)
        if start <= duty.begins <= end:
            out.append(duty)
    return out


def load_shifts(session: Session, first: date, last: date, *,
                team_id: int | None = None) -> list[DutyShift]:
    """Shifts dated ``first`` to ``last`` with the volunteers holding places, in time order
    (a captain's own team's only)."""
    team_id = readable_team(session, "shifts.read", team_id)
    conds = [Shift.date >= first, Shift.date <= last]
    if team_id is not None:
        conds.append(Shift.team_id == team_id)
    people: dict[int, list[Person]] = defaultdict(list)
    for shift_id, vid, name, mobile, status in session.execute(
            select(Assignment.shift_id, Volunteer.id, Volunteer.name, Volunteer.mobile,
                   Assignment.status)
            .join(Shift, Shift.id == Assignment.shift_id)
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .where(*conds, Assignment.status.in_(list(ACTIVE_STATUSES)))
            .order_by(Assignment.id)):
        people[shift_id].append(Person(vid, name, mobile, status))
    rows = session.execute(
        select(Shift.id, Shift.title, Shift.team_id, Team.name, Team.colour, Grid.name,
               Shift.location, Shift.duty_type, Shift.date, Shift.start_time, Shift.end_time,
               Shift.needed, Shift.notes, Shift.version)
        .outerjoin(Team, Team.id == Shift.team_id)
        .outerjoin(Grid, Grid.id == Shift.grid_id)
        .where(*conds)
        .order_by(Shift.date, Shift.start_time, Grid.number, Shift.team_id, Shift.id))
    return [DutyShift(*r, people=tuple(people.get(r[0], ()))) for r in rows]
