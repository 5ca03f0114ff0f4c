"""Shifts and the planner's week: shifts as rows with the volunteers on them, adding,
editing and deleting shifts by hand, and the week plan.

Time convention: shift dates and times, actual start/end and every ``*_at`` column are
naive local wall-clock values in the community's time zone (``volunteer_app.clock``,
default Asia/Shanghai); see ``models/shifts.py``.

The rest of planning builds on this module and lives beside it: duty templates and the
runs that generate shifts from them in :mod:`.templates`, putting volunteers on shifts
(the conflict rules every way of assigning goes through) in :mod:`.assignments`, copying
last week's plan in :mod:`.week_copy`. What they share is here: the ISO-week helpers, the
planning scope of a captain and the checks of a duty's fields.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .. import parsing, versions
from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Team, Volunteer
from ..models.shifts import ACTIVE_STATUSES, DUTY_TYPES, Assignment, Shift, ShiftSkip
from ..scheduling.conflicts import ends_next_day, shift_interval
from ..scheduling.holidays import DayInfo, week_days
from ..security.permissions import CAPTAIN, PermissionDenied, actor_of, captain_team, require
from ..validation import normalize_text
from .availability import leave_days
from .holidays import load_calendar

MAX_NEEDED = 99
# Assignments in these statuses are a record of service and block deleting the shift.
RECORD_STATUSES = ("checked_in", "completed", "no_show")
# Duties promised and not yet served: the ones a leave or a departure can clash with.
PROMISED = ("planned", "confirmed")


# ---------------------------------------------------------------------------- helpers


def parse_week(text: str) -> date:
    """Monday of an ISO week written ``2026-W50``; ValidationError otherwise (also for a
    week outside the years the app plans for: :func:`volunteer_app.parsing.parse_week`)."""
    return parsing.parse_week(text, "week")


def week_label(monday: date) -> str:
    """ISO week label of a day, e.g. ``2026-W50``."""
    iso = monday.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def monday_of(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def planning_scope(session: Session, team_id: int | None = None) -> int | None:
    """The team a planning action over many shifts is limited to: the one asked for, or a
    captain's own team (captains plan only their team); None for everyone's shifts."""
    if team_id is None:  # everyone's shifts: a captain's are narrowed to their team below
        require(session, "shifts.plan")
    else:
        require(session, "shifts.plan", team_id=team_id)
    actor = actor_of(session)
    if team_id is None and not actor.single_user and actor.role == CAPTAIN:
        return actor.team_id
    return team_id


def require_readable(session: Session, shift: Shift) -> None:
    """Refuse a captain a shift of another team (or of no team): they read their own only."""
    own = captain_team(session)
    if own is not None and shift.team_id != own:
        raise PermissionDenied(action="shifts.read", role=CAPTAIN, team_id=shift.team_id)


def reference_problems(session: Session, team_id: int | None, grid_id: int | None) -> list[FieldProblem]:
    """Problems with a team or grid id a form names: unknown ones."""
    problems = []
    if team_id is not None and session.get(Team, team_id) is None:
        problems.append(FieldProblem("team", "unknown_team", team_id))
    if grid_id is not None and session.get(Grid, grid_id) is None:
        problems.append(FieldProblem("grid", "unknown_grid", grid_id))
    return problems


def duty_problems(duty_type: object, needed: object, start: object, end: object) -> list[FieldProblem]:
    """Problems with the fields every duty has (type, headcount, times), for templates and
    shifts alike."""
    problems = []
    if duty_type not in DUTY_TYPES:
        problems.append(FieldProblem("type", "duty_type_invalid", duty_type))
    if not isinstance(needed, int) or isinstance(needed, bool) or not 1 <= needed <= MAX_NEEDED:
        problems.append(FieldProblem("needed", "needed_invalid", needed))
    if not isinstance(start, time):
        problems.append(FieldProblem("start", "time_invalid", start))
    if not isinstance(end, time):
        problems.append(FieldProblem("end", "time_invalid", end))
    return problems


# ---------------------------------------------------------------------------- shifts


@dataclass
class ShiftData:
    """What a shift form supplies (validated by :func:`create_shift` / :func:`update_shift`)."""

    date: date
    start_time: time
    end_time: time
    duty_type: str = "patrol"
    team_id: int | None = None
    grid_id: int | None = None
    location: str = ""
    needed: int = 1
    title: str = ""
    notes: str = ""


@dataclass(frozen=True)
class AssignedRow:
    """A volunteer on a shift."""

    assignment_id: int
    volunteer_id: int
    name: str
    status: str
    source: str = "manual"
    override_reason: str | None = None
    # Why the volunteer cannot serve this duty although they hold it (None: they can):
    # "leave" or "unavailable" (a range recorded after the duty was given covers its day),
    # or "left" (marked as left before its day). The planner draws such a name in red.
    clash: str | None = None
    # Conflict codes the assignment was made over (comma-separated, as stored).
    overridden: str = ""

    @property
    def holds_place(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def outside_availability(self) -> bool:
        """Placed outside the times the volunteer offered (an override or an auto-fill the
        coordinator allowed to go outside them, issue 18.6): the planner marks it."""
        return "outside_availability" in self.overridden.split(",")


@dataclass(frozen=True)
class ShiftRow:
    """A shift with its team, grid and the volunteers on it, as lists and the planner show it."""

    id: int
    title: str
    team_id: int | None
    team: str | None
    team_colour: str | None
    grid_id: int | None
    grid: str | None
    location: str
    date: date
    start: time
    end: time
    duty_type: str
    needed: int
    notes: str
    edited_by_hand: bool
    template_id: int | None
    batch_id: int | None
    version: int
    assigned: tuple[AssignedRow, ...] = ()
    grid_number: int | None = None

    @property
    def overnight(self) -> bool:
        return ends_next_day(self.start, self.end)

    @property
    def on_shift(self) -> tuple[AssignedRow, ...]:
        """Assignments that hold a place (not cancelled, not no-show)."""
        return tuple(a for a in self.assigned if a.holds_place)

    @property
    def filled(self) -> int:
        return len(self.on_shift)

    @property
    def gap(self) -> int:
        """Places still open (negative when over-filled)."""
        return self.needed - self.filled

    def interval(self) -> tuple[datetime, datetime]:
        return shift_interval(self.date, self.start, self.end)

    def to_json(self) -> dict:
        return {
            "id": self.id, "team": self.team, "grid": self.grid, "date": self.date.isoformat(),
            "start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M"),
            "type": self.duty_type, "needed": self.needed,
            "assigned": [{"id": a.volunteer_id, "name": a.name} for a in self.on_shift],
            "title": self.title, "location": self.location, "overnight": self.overnight,
            "filled": self.filled, "notes": self.notes,
        }


def _validate_shift(session: Session, data: ShiftData) -> dict:
    problems = duty_problems(data.duty_type, data.needed, data.start_time, data.end_time)
    day = data.date
    try:
        day = parsing.parse_date(data.date, "date")
    except ValidationError as exc:
        problems.extend(exc.problems)
    values = {}
    for key, limit in (("title", 60), ("location", 100), ("notes", 2000)):
        try:
            values[key] = normalize_text(getattr(data, key), key, limit, multiline=key == "notes")
        except ValidationError as exc:
            problems.extend(exc.problems)
    problems += reference_problems(session, data.team_id, data.grid_id)
    if problems:
        raise ValidationError(problems)
    values.update(date=day, start_time=data.start_time, end_time=data.end_time,
                  duty_type=data.duty_type, team_id=data.team_id, grid_id=data.grid_id,
                  needed=data.needed)
    return values


def create_shift(session: Session, data: ShiftData) -> int:
    """Add a one-off shift by hand; returns its id."""
    require(session, "shifts.plan", team_id=data.team_id)
    values = _validate_shift(session, data)
    row = Shift(**values, edited_by_hand=True, created_at=local_now(session))
    session.add(row)
    session.flush()
    return row.id


def load_shift(session: Session, shift_id: int) -> Shift:
    """The shift's row, for the services that change it; NotFoundError when there is none."""
    row = session.get(Shift, shift_id)
    if row is None:
        raise NotFoundError("shift_not_found", id=shift_id)
    return row


def update_shift(session: Session, shift_id: int, data: ShiftData,
                 expected_version: int | None = None) -> None:
    """Change a shift by hand; generation never touches it afterwards."""
    require(session, "shifts.plan")
    require(session, "shifts.plan", team_id=data.team_id)
    values = _validate_shift(session, data)
    row = load_shift(session, shift_id)
    require(session, "shifts.plan", team_id=row.team_id)
    versions.check(session, row, expected_version)
    for key, val in values.items():
        setattr(row, key, val)
    row.edited_by_hand = True
    session.flush()


def delete_shift(session: Session, shift_id: int, *, force: bool = False) -> None:
    """Delete a shift. Refused when it holds a record of service (checked in, completed,
    no-show), and, unless ``force``, when volunteers are planned on it. A generated shift
    is remembered so that generation does not bring it back."""
    require(session, "shifts.plan")
    row = load_shift(session, shift_id)
    require(session, "shifts.plan", team_id=row.team_id)
    statuses = list(session.scalars(select(Assignment.status).where(Assignment.shift_id == shift_id)))
    if any(s in RECORD_STATUSES for s in statuses):
        raise ConflictError("shift_has_record", id=shift_id)
    if statuses and not force:
        raise ConflictError("shift_has_assignments", id=shift_id, count=len(statuses))
    if row.template_id is not None and row.origin_date is not None:
        if session.get(ShiftSkip, (row.template_id, row.origin_date)) is None:
            session.add(ShiftSkip(template_id=row.template_id, date=row.origin_date))
    session.execute(delete(Assignment).where(Assignment.shift_id == shift_id))
    session.delete(row)
    session.flush()


def list_shifts(session: Session, start: date, end: date, *, team_id: int | None = None,
                grid_id: int | None = None) -> list[ShiftRow]:
    """Shifts from ``start`` to ``end`` (by date), with the volunteers on them, in time order.

    A captain reads their own team's shifts only (asking for another team's is refused).
    """
    require(session, "shifts.read")
    own = captain_team(session)
    if own is not None:
        if team_id is not None and team_id != own:
            raise PermissionDenied(action="shifts.read", role=CAPTAIN, team_id=team_id)
        team_id = own
    conds = [Shift.date >= start, Shift.date <= end]
    if team_id is not None:
        conds.append(Shift.team_id == team_id)
    if grid_id is not None:
        conds.append(Shift.grid_id == grid_id)
    found = session.execute(
        select(Assignment.id, Assignment.shift_id, Assignment.volunteer_id, Volunteer.name,
               Assignment.status, Assignment.source, Assignment.override_reason, Shift.date,
               Volunteer.active, Volunteer.left_on, Assignment.overridden)
        .join(Shift, Shift.id == Assignment.shift_id)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .where(*conds).order_by(Assignment.id)).all()
    away = leave_days(session, {r[2] for r in found if r[4] in PROMISED}, start, end)
    assigned: dict[int, list[AssignedRow]] = defaultdict(list)
    for a_id, s_id, v_id, name, status, source, reason, day, active, left_on, codes in found:
        clash = None
        if status in PROMISED:  # a duty served (checked in, completed) is no clash
            if not active and (left_on is None or day > left_on):
                clash = "left"
            else:
                clash = away.get((v_id, day))
        assigned[s_id].append(AssignedRow(a_id, v_id, name, status, source, reason, clash,
                                          codes or ""))
    rows = session.execute(
        select(Shift.id, Shift.title, Shift.team_id, Team.name, Team.colour, Shift.grid_id,
               Grid.name, Shift.location, Shift.date, Shift.start_time, Shift.end_time,
               Shift.duty_type, Shift.needed, Shift.notes, Shift.edited_by_hand,
               Shift.template_id, Shift.batch_id, Shift.version, Grid.number)
        .outerjoin(Team, Team.id == Shift.team_id)
        .outerjoin(Grid, Grid.id == Shift.grid_id)
        .where(*conds)
        .order_by(Shift.date, Shift.start_time, Grid.number, Shift.team_id, Shift.id))
    return [ShiftRow(*r[:-1], assigned=tuple(assigned.get(r[0], ())), grid_number=r[-1])
            for r in rows]


def get_shift(session: Session, shift_id: int) -> ShiftRow:
    """One shift with its volunteers (a captain's own team's only)."""
    require(session, "shifts.read")
    row = load_shift(session, shift_id)
    require_readable(session, row)
    for s in list_shifts(session, row.date, row.date):
        if s.id == shift_id:
            return s
    raise NotFoundError("shift_not_found", id=shift_id)  # pragma: no cover - just created


@dataclass(frozen=True)
class WeekPlan:
    """One ISO week: its days (holidays marked) and its shifts."""

    monday: date
    days: tuple[DayInfo, ...]
    shifts: tuple[ShiftRow, ...]
    uncovered_years: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        return week_label(self.monday)

    @property
    def holiday_notice(self) -> bool:
        """True when the week's holidays are a weekend fallback (no official data)."""
        return bool(self.uncovered_years)


def week_plan(session: Session, monday: date, *, team_id: int | None = None,
              grid_id: int | None = None) -> WeekPlan:
    """The planner's week: seven days with holiday information and every shift."""
    require(session, "shifts.read")
    monday = parsing.parse_week(monday, "week")
    sunday = monday + timedelta(days=6)
    cal = load_calendar(session, monday, sunday)
    days = tuple(cal.info(d) for d in week_days(monday))
    shifts = tuple(list_shifts(session, monday, sunday, team_id=team_id, grid_id=grid_id))
    return WeekPlan(monday, days, shifts, cal.uncovered_years)
