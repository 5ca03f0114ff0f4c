"""Shift planning: duty templates, generation batches, shifts, assignments, the week plan.

Time convention: shift dates and times, actual start/end and every ``*_at`` column are
naive local wall-clock values in the community's time zone (``services.community``,
default Asia/Shanghai); see ``models/shifts.py``.

Every way of putting a volunteer on a shift (the planner, the command line, copying a
week, the auto-fill solver) goes through :func:`check_assignment` / :func:`assign`, which
apply the shared rules of ``scheduling.conflicts``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, exists, func, insert, select, update
from sqlalchemy.orm import Session

from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Team, Volunteer
from ..models.shifts import (
    ACTIVE_STATUSES,
    ASSIGNMENT_SOURCES,
    ASSIGNMENT_STATUSES,
    DUTY_TYPES,
    Assignment,
    GenerationBatch,
    Shift,
    ShiftSkip,
    ShiftTemplate,
)
from ..scheduling import holidays as hol
from ..scheduling.conflicts import (
    Conflict,
    DutyFacts,
    ShiftFacts,
    VolunteerFacts,
    check,
    make_shift,
    shift_interval,
)
from ..scheduling.recurrence import Recurrence, cron_problems, occurrence_dates
from ..security.permissions import CAPTAIN, actor_of, require
from ..validation import normalize_text
from . import availability as avail
from . import volunteers as vol_service
from .community import get_community

MAX_NEEDED = 99
MAX_GENERATE_DAYS = 800
# Statuses an assignment may move to from each status; assign() re-activates cancelled ones.
TRANSITIONS = {
    "planned": {"confirmed", "checked_in", "completed", "no_show", "cancelled"},
    "confirmed": {"planned", "checked_in", "completed", "no_show", "cancelled"},
    "checked_in": {"confirmed", "completed", "no_show"},
    "completed": {"checked_in", "no_show"},
    "no_show": {"confirmed", "completed"},
    "cancelled": set(),
}
# Assignments in these statuses are a record of service and block deleting the shift.
RECORD_STATUSES = ("checked_in", "completed", "no_show")
WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


# ---------------------------------------------------------------------------- helpers


def community_zone(session: Session) -> ZoneInfo:
    """The community's time zone."""
    return ZoneInfo(get_community(session).timezone)


def local_now(session: Session) -> datetime:
    """Now as a naive local datetime in the community's time zone."""
    return datetime.now(community_zone(session)).replace(tzinfo=None, microsecond=0)


def parse_week(text: str) -> date:
    """Monday of an ISO week written ``2026-W50``; ValidationError otherwise."""
    m = WEEK_RE.match(str(text).strip())
    if m:
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            pass
    raise ValidationError(FieldProblem("week", "week_invalid", text))


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
    require(session, "shifts.plan", team_id=team_id)
    actor = actor_of(session)
    if team_id is None and not actor.single_user and actor.role == CAPTAIN:
        return actor.team_id
    return team_id


# ---------------------------------------------------------------------------- templates


@dataclass
class TemplateData:
    """What a template form supplies (validated by :func:`save_template`)."""

    name: str
    start_time: time
    end_time: time
    duty_type: str = "patrol"
    team_id: int | None = None
    grid_id: int | None = None
    location: str = ""
    needed: int = 1
    notes: str = ""
    day_of_week: str = "*"
    day: str = "*"
    month: str = "*"
    valid_from: date | None = None
    valid_until: date | None = None
    on_holidays: bool = True
    makeup_as_weekday: bool = True
    active: bool = True


@dataclass(frozen=True)
class TemplateRow:
    """A template as lists show it."""

    id: int
    name: str
    team_id: int | None
    team: str | None
    grid_id: int | None
    grid: str | None
    location: str
    duty_type: str
    start_time: time
    end_time: time
    needed: int
    notes: str
    day_of_week: str
    day: str
    month: str
    valid_from: date | None
    valid_until: date | None
    on_holidays: bool
    makeup_as_weekday: bool
    active: bool
    version: int

    def to_json(self) -> dict:
        return {
            "id": self.id, "name": self.name, "team": self.team, "grid": self.grid,
            "location": self.location, "type": self.duty_type,
            "start": self.start_time.strftime("%H:%M"), "end": self.end_time.strftime("%H:%M"),
            "needed": self.needed, "day_of_week": self.day_of_week, "day": self.day,
            "month": self.month,
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_until": self.valid_until.isoformat() if self.valid_until else None,
            "on_holidays": self.on_holidays, "makeup_as_weekday": self.makeup_as_weekday,
            "active": self.active,
        }


def _check_refs(session: Session, team_id: int | None, grid_id: int | None) -> list[FieldProblem]:
    problems = []
    if team_id is not None and session.get(Team, team_id) is None:
        problems.append(FieldProblem("team", "unknown_team", team_id))
    if grid_id is not None and session.get(Grid, grid_id) is None:
        problems.append(FieldProblem("grid", "unknown_grid", grid_id))
    return problems


def _check_common(duty_type: object, needed: object, start: object, end: object) -> list[FieldProblem]:
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


def save_template(session: Session, template_id: int | None, data: TemplateData,
                  expected_version: int | None = None) -> int:
    """Create (template_id None) or update a duty template; returns its id.

    Editing a template changes only the shifts generated afterwards.
    """
    require(session, "shifts.plan", team_id=data.team_id)
    problems: list[FieldProblem] = []
    values: dict = {}
    for key, limit in (("name", 60), ("location", 100), ("notes", 2000)):
        try:
            values[key] = normalize_text(getattr(data, key), key, limit)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if not values.get("name") and "name" not in {p.field for p in problems}:
        problems.append(FieldProblem("name", "required", data.name))
    problems += _check_common(data.duty_type, data.needed, data.start_time, data.end_time)
    problems += cron_problems(data.day_of_week, data.day, data.month)
    if data.valid_from and data.valid_until and data.valid_until < data.valid_from:
        problems.append(FieldProblem("valid_until", "end_before_start", data.valid_until))
    problems += _check_refs(session, data.team_id, data.grid_id)
    if problems:
        raise ValidationError(problems)
    row = ShiftTemplate() if template_id is None else session.get(ShiftTemplate, template_id)
    if row is None:
        raise NotFoundError("template_not_found", id=template_id)
    if template_id is not None:
        require(session, "shifts.plan", team_id=row.team_id)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError("stale", id=template_id, version=row.version)
    for key in ("duty_type", "team_id", "grid_id", "needed", "start_time", "end_time",
                "valid_from", "valid_until", "on_holidays", "makeup_as_weekday", "active"):
        setattr(row, key, getattr(data, key))
    row.day_of_week = data.day_of_week or "*"
    row.day, row.month = data.day or "*", data.month or "*"
    for key, val in values.items():
        setattr(row, key, val)
    session.add(row)
    session.flush()
    return row.id


def list_templates(session: Session, *, active_only: bool = False) -> list[TemplateRow]:
    """Every duty template, by team, start time and name."""
    require(session, "shifts.read")
    q = (select(ShiftTemplate, Team.name, Grid.name)
         .outerjoin(Team, Team.id == ShiftTemplate.team_id)
         .outerjoin(Grid, Grid.id == ShiftTemplate.grid_id)
         .order_by(ShiftTemplate.team_id, ShiftTemplate.start_time, ShiftTemplate.name))
    if active_only:
        q = q.where(ShiftTemplate.active.is_(True))
    return [
        TemplateRow(t.id, t.name, t.team_id, tn, t.grid_id, gn, t.location, t.duty_type,
                    t.start_time, t.end_time, t.needed, t.notes, t.day_of_week, t.day, t.month,
                    t.valid_from, t.valid_until, t.on_holidays, t.makeup_as_weekday, t.active,
                    t.version)
        for t, tn, gn in session.execute(q)
    ]


def delete_template(session: Session, template_id: int) -> None:
    """Delete a template; the shifts it produced stay (they no longer point at it)."""
    row = session.get(ShiftTemplate, template_id)
    if row is None:
        raise NotFoundError("template_not_found", id=template_id)
    require(session, "shifts.plan", team_id=row.team_id)
    session.delete(row)
    session.flush()


# ---------------------------------------------------------------------------- generation


@dataclass(frozen=True)
class GenerationResult:
    """Outcome of one generation run."""

    batch_id: int | None  # None when nothing new was created
    created: int
    existing: int  # occurrences that already had their shift (edited or not)
    skipped: int  # occurrences whose shift a coordinator deleted
    date_from: date
    date_to: date
    uncovered_years: tuple[int, ...] = ()

    def to_json(self) -> dict:
        return {"batch": self.batch_id, "created": self.created, "existing": self.existing,
                "skipped": self.skipped, "from": self.date_from.isoformat(),
                "to": self.date_to.isoformat(), "holiday_notice": list(self.uncovered_years)}


def _check_range(start: date, end: date, limit: int) -> None:
    problems = []
    if not isinstance(start, date):
        problems.append(FieldProblem("from", "date_invalid", start))
    if not isinstance(end, date):
        problems.append(FieldProblem("to", "date_invalid", end))
    if not problems and end < start:
        problems.append(FieldProblem("to", "end_before_start", end.isoformat()))
    if not problems and (end - start).days + 1 > limit:
        problems.append(FieldProblem("to", "range_too_long", (end - start).days + 1))
    if problems:
        raise ValidationError(problems)


def generate(session: Session, start: date, end: date,
             template_ids: Iterable[int] | None = None) -> GenerationResult:
    """Create the shifts of every active template from ``start`` to ``end`` as one batch.

    Idempotent: an occurrence that already has a shift (even one a coordinator edited or
    moved) or whose shift was deleted by hand gets nothing new. Running it twice
    creates nothing the second time.
    """
    _check_range(start, end, MAX_GENERATE_DAYS)
    scope = planning_scope(session)
    tz = community_zone(session)
    cal = hol.load_calendar(session, start, end)
    q = select(ShiftTemplate).where(ShiftTemplate.active.is_(True)).order_by(ShiftTemplate.id)
    if template_ids is not None:
        q = q.where(ShiftTemplate.id.in_(list(template_ids)))
    if scope is not None:
        q = q.where(ShiftTemplate.team_id == scope)
    templates = list(session.scalars(q))
    ids = [t.id for t in templates]
    have = set(session.execute(
        select(Shift.template_id, Shift.origin_date).where(
            Shift.template_id.in_(ids), Shift.origin_date >= start, Shift.origin_date <= end)).all())
    skips = set(session.execute(
        select(ShiftSkip.template_id, ShiftSkip.date).where(
            ShiftSkip.template_id.in_(ids), ShiftSkip.date >= start, ShiftSkip.date <= end)).all())
    now = local_now(session)
    rows: list[dict] = []
    existing = skipped = 0
    for t in templates:
        rec = Recurrence(t.start_time, t.day_of_week, t.day, t.month, t.valid_from,
                         t.valid_until, t.on_holidays, t.makeup_as_weekday)
        for day in occurrence_dates(rec, start, end, tz, cal.info):
            key = (t.id, day)
            if key in have:
                existing += 1
            elif key in skips:
                skipped += 1
            else:
                rows.append({
                    "title": t.name, "team_id": t.team_id, "grid_id": t.grid_id,
                    "location": t.location, "date": day, "start_time": t.start_time,
                    "end_time": t.end_time, "duty_type": t.duty_type, "needed": t.needed,
                    "notes": t.notes, "edited_by_hand": False, "template_id": t.id,
                    "origin_date": day, "created_at": now, "version": 1,
                })
    batch_id = None
    if rows:
        batch = GenerationBatch(kind="generate", created_at=now, date_from=start, date_to=end,
                                created_count=len(rows))
        session.add(batch)
        session.flush()
        batch_id = batch.id
        for r in rows:
            r["batch_id"] = batch_id
        session.execute(insert(Shift), rows)
        session.flush()
    return GenerationResult(batch_id, len(rows), existing, skipped, start, end,
                            cal.uncovered_years)


@dataclass(frozen=True)
class BatchRow:
    """A generation or copy run and what is left of it."""

    id: int
    kind: str
    created_at: datetime
    date_from: date
    date_to: date
    created_count: int
    remaining: int  # shifts of the batch that still exist
    with_assignments: int  # of those, shifts holding assignments (block undo)
    undone_at: datetime | None

    @property
    def can_undo(self) -> bool:
        return self.undone_at is None and self.with_assignments == 0

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "created_at": self.created_at.isoformat(),
                "from": self.date_from.isoformat(), "to": self.date_to.isoformat(),
                "created": self.created_count, "remaining": self.remaining,
                "with_assignments": self.with_assignments,
                "undone_at": self.undone_at.isoformat() if self.undone_at else None,
                "can_undo": self.can_undo}


def list_batches(session: Session) -> list[BatchRow]:
    """Every generation and copy run, newest first."""
    require(session, "shifts.read")
    remaining = dict(session.execute(
        select(Shift.batch_id, func.count()).where(Shift.batch_id.is_not(None))
        .group_by(Shift.batch_id)).all())
    assigned = dict(session.execute(
        select(Shift.batch_id, func.count(func.distinct(Shift.id)))
        .join(Assignment, Assignment.shift_id == Shift.id)
        .where(Shift.batch_id.is_not(None)).group_by(Shift.batch_id)).all())
    return [
        BatchRow(b.id, b.kind, b.created_at, b.date_from, b.date_to, b.created_count,
                 remaining.get(b.id, 0), assigned.get(b.id, 0), b.undone_at)
        for b in session.scalars(select(GenerationBatch).order_by(GenerationBatch.id.desc()))
    ]


def undo_batch(session: Session, batch_id: int) -> int:
    """Delete every shift a run created, as a whole; refused once any has an assignment."""
    require(session, "shifts.plan")
    batch = session.get(GenerationBatch, batch_id)
    if batch is None:
        raise NotFoundError("batch_not_found", id=batch_id)
    if batch.undone_at is not None:
        raise ConflictError("batch_undone", id=batch_id)
    for team_id in session.scalars(select(Shift.team_id).where(Shift.batch_id == batch_id).distinct()):
        require(session, "shifts.plan", team_id=team_id)
    busy = session.scalar(
        select(func.count(func.distinct(Shift.id))).join(Assignment, Assignment.shift_id == Shift.id)
        .where(Shift.batch_id == batch_id))
    if busy:
        raise ConflictError("batch_has_assignments", id=batch_id, count=busy)
    result = session.execute(delete(Shift).where(Shift.batch_id == batch_id))
    batch.undone_at = local_now(session)
    session.flush()
    session.expire_all()
    return result.rowcount or 0


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

    @property
    def holds_place(self) -> bool:
        return self.status in ACTIVE_STATUSES


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
        return self.end <= self.start

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
    problems = _check_common(data.duty_type, data.needed, data.start_time, data.end_time)
    if not isinstance(data.date, date):
        problems.append(FieldProblem("date", "date_invalid", data.date))
    values = {}
    for key, limit in (("title", 60), ("location", 100), ("notes", 2000)):
        try:
            values[key] = normalize_text(getattr(data, key), key, limit)
        except ValidationError as exc:
            problems.extend(exc.problems)
    problems += _check_refs(session, data.team_id, data.grid_id)
    if problems:
        raise ValidationError(problems)
    values.update(date=data.date, start_time=data.start_time, end_time=data.end_time,
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


def _shift(session: Session, shift_id: int) -> Shift:
    row = session.get(Shift, shift_id)
    if row is None:
        raise NotFoundError("shift_not_found", id=shift_id)
    return row


def update_shift(session: Session, shift_id: int, data: ShiftData,
                 expected_version: int | None = None) -> None:
    """Change a shift by hand; generation never touches it afterwards."""
    require(session, "shifts.plan", team_id=data.team_id)
    values = _validate_shift(session, data)
    row = _shift(session, shift_id)
    require(session, "shifts.plan", team_id=row.team_id)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError("stale", id=shift_id, version=row.version)
    for key, val in values.items():
        setattr(row, key, val)
    row.edited_by_hand = True
    session.flush()


def delete_shift(session: Session, shift_id: int, *, force: bool = False) -> None:
    """Delete a shift. Refused when it holds a record of service (checked in, completed,
    no-show), and, unless ``force``, when volunteers are planned on it. A generated shift
    is remembered so that generation does not bring it back."""
    row = _shift(session, shift_id)
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
    """Shifts from ``start`` to ``end`` (by date), with the volunteers on them, in time order."""
    require(session, "shifts.read")
    conds = [Shift.date >= start, Shift.date <= end]
    if team_id is not None:
        conds.append(Shift.team_id == team_id)
    if grid_id is not None:
        conds.append(Shift.grid_id == grid_id)
    assigned: dict[int, list[AssignedRow]] = defaultdict(list)
    for a_id, s_id, v_id, name, status, source, reason in session.execute(
            select(Assignment.id, Assignment.shift_id, Assignment.volunteer_id, Volunteer.name,
                   Assignment.status, Assignment.source, Assignment.override_reason)
            .join(Shift, Shift.id == Assignment.shift_id)
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .where(*conds).order_by(Assignment.id)):
        assigned[s_id].append(AssignedRow(a_id, v_id, name, status, source, reason))
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
    """One shift with its volunteers."""
    row = _shift(session, shift_id)
    for s in list_shifts(session, row.date, row.date):
        if s.id == shift_id:
            return s
    raise NotFoundError("shift_not_found", id=shift_id)  # pragma: no cover - just created


@dataclass(frozen=True)
class WeekPlan:
    """One ISO week: its days (holidays marked) and its shifts."""

    monday: date
    days: tuple[hol.DayInfo, ...]
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
    monday = monday_of(monday)
    sunday = monday + timedelta(days=6)
    cal = hol.load_calendar(session, monday, sunday)
    days = tuple(cal.info(d) for d in hol.week_days(monday))
    shifts = tuple(list_shifts(session, monday, sunday, team_id=team_id, grid_id=grid_id))
    return WeekPlan(monday, days, shifts, cal.uncovered_years)


# ---------------------------------------------------------------------------- assignments


class AssignmentBlocked(ConflictError):
    """Hard conflicts block the assignment; ``conflicts`` lists every reason."""

    code = "hard_conflict"

    def __init__(self, conflicts: Sequence[Conflict], **details: object) -> None:
        self.conflicts = tuple(conflicts)
        super().__init__("hard_conflict", conflicts=[c.code for c in self.conflicts], **details)


@dataclass(frozen=True)
class AssignResult:
    """An assignment made, with the conflicts it had (soft ones warn, hard ones overridden)."""

    assignment_id: int
    conflicts: tuple[Conflict, ...] = ()
    volunteer_name: str = ""

    @property
    def warnings(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if not c.hard)

    @property
    def overridden(self) -> tuple[Conflict, ...]:
        return tuple(c for c in self.conflicts if c.hard)


def _shift_facts(session: Session, shift: Shift, exclude_volunteer: int | None) -> ShiftFacts:
    q = select(func.count()).where(Assignment.shift_id == shift.id,
                                   Assignment.status.in_(ACTIVE_STATUSES))
    if exclude_volunteer is not None:
        q = q.where(Assignment.volunteer_id != exclude_volunteer)
    filled = session.scalar(q) or 0
    return make_shift(shift.id, shift.date, shift.start_time, shift.end_time,
                      team_id=shift.team_id, needed=shift.needed, filled=filled)


def duty_span(day: date) -> tuple[date, date]:
    """Dates whose shifts can matter for a shift on ``day``: its ISO week plus a day
    either side (overnight duties, rest between duties)."""
    monday = monday_of(day)
    return monday - timedelta(days=1), monday + timedelta(days=7)


def load_duties(session: Session, start: date, end: date,
                volunteer_ids: Iterable[int] | None = None) -> dict[int, list[DutyFacts]]:
    """Place-holding duties of volunteers on shifts dated ``start`` to ``end``."""
    q = (select(Assignment.volunteer_id, Shift.id, Shift.date, Shift.start_time, Shift.end_time)
         .join(Shift, Shift.id == Assignment.shift_id)
         .where(Shift.date >= start, Shift.date <= end, Assignment.status.in_(ACTIVE_STATUSES)))
    if volunteer_ids is not None:
        q = q.where(Assignment.volunteer_id.in_(list(volunteer_ids)))
    out: dict[int, list[DutyFacts]] = defaultdict(list)
    for vid, sid, day, st, en in session.execute(q):
        b, e = shift_interval(day, st, en)
        out[vid].append(DutyFacts(sid, b, e))
    return out


def check_assignment(session: Session, shift_id: int, volunteer_id: int) -> list[Conflict]:
    """Every conflict of putting a volunteer on a shift (nothing is written)."""
    require(session, "shifts.read")
    shift = _shift(session, shift_id)
    facts = _volunteer_facts(session, volunteer_id, shift.date)
    lo, hi = duty_span(shift.date)
    duties = load_duties(session, lo, hi, [volunteer_id]).get(volunteer_id, [])
    return check(facts, _shift_facts(session, shift, volunteer_id), duties)


def _volunteer_facts(session: Session, volunteer_id: int, day: date) -> VolunteerFacts:
    facts = avail.volunteer_facts(session, [volunteer_id],
                                  between=(day - timedelta(days=1), day + timedelta(days=1)))
    if volunteer_id not in facts:
        raise NotFoundError("volunteer_not_found", id=volunteer_id)
    return facts[volunteer_id]


def lock_shifts(session: Session, shift_ids: Iterable[int]) -> None:
    """Hold the shifts' rows for the rest of the unit of work before counting places.

    Two coordinators filling the same shift at once must not both see a free place:
    a no-op UPDATE takes the row lock on PostgreSQL and the write lock on SQLite, so the
    second one waits, then counts the first one's assignment. (A SELECT would not do:
    under READ COMMITTED, or SQLite's autocommit reads, both would count the same free
    place.)
    """
    ids = sorted(set(shift_ids))
    for start in range(0, len(ids), 900):
        session.execute(update(Shift).where(Shift.id.in_(ids[start:start + 900]))
                        .values(needed=Shift.needed).execution_options(synchronize_session=False))


def assign(session: Session, shift_id: int, volunteer_id: int,
           override_reason: str | None = None, *, source: str = "manual",
           status: str = "planned") -> AssignResult:
    """Put a volunteer on a shift after the conflict checks.

    Hard conflicts raise :class:`AssignmentBlocked` unless ``override_reason`` is given,
    which is then stored with the codes it overrode. Soft conflicts are returned as
    warnings. A cancelled assignment of the same volunteer is re-activated.
    """
    require(session, "shifts.plan", team_id=_shift(session, shift_id).team_id)
    if source not in ASSIGNMENT_SOURCES:
        raise ValidationError(FieldProblem("source", "source_invalid", source))
    if status not in ("planned", "confirmed"):
        raise ValidationError(FieldProblem("status", "status_invalid", status))
    reason = None
    if override_reason is not None:
        reason = normalize_text(override_reason, "override", 500) or None
        if reason is None:
            raise ValidationError(FieldProblem("override", "required", override_reason))
    lock_shifts(session, [shift_id])
    existing = session.scalar(select(Assignment).where(
        Assignment.shift_id == shift_id, Assignment.volunteer_id == volunteer_id))
    if existing is not None and existing.status != "cancelled":
        raise ConflictError("already_assigned", shift_id=shift_id, volunteer_id=volunteer_id)
    conflicts = check_assignment(session, shift_id, volunteer_id)
    hard = [c for c in conflicts if c.hard]
    name = session.scalar(select(Volunteer.name).where(Volunteer.id == volunteer_id)) or ""
    if hard and reason is None:
        raise AssignmentBlocked(conflicts, shift_id=shift_id, volunteer_id=volunteer_id,
                                volunteer_name=name)
    now = local_now(session)
    row = existing or Assignment(shift_id=shift_id, volunteer_id=volunteer_id)
    row.status, row.source, row.created_at = status, source, now
    row.confirmed_at = now if status == "confirmed" else None
    row.override_reason = reason if hard else None
    row.overridden = ",".join(c.code for c in hard)
    row.actual_start = row.actual_end = None
    session.add(row)
    session.flush()
    return AssignResult(row.id, tuple(conflicts), name)


def _assignment(session: Session, shift_id: int, volunteer_id: int) -> Assignment:
    row = session.scalar(select(Assignment).where(
        Assignment.shift_id == shift_id, Assignment.volunteer_id == volunteer_id))
    if row is None:
        raise NotFoundError("assignment_not_found", shift_id=shift_id, volunteer_id=volunteer_id)
    return row


def unassign(session: Session, shift_id: int, volunteer_id: int) -> None:
    """Take a volunteer off a shift. Refused once the duty is a record of service
    (checked in, completed, no-show): correct its status instead."""
    require(session, "shifts.plan", team_id=_shift(session, shift_id).team_id)
    row = _assignment(session, shift_id, volunteer_id)
    if row.status in RECORD_STATUSES:
        raise ConflictError("assignment_has_record", shift_id=shift_id,
                            volunteer_id=volunteer_id, status=row.status)
    session.delete(row)
    session.flush()


def set_status(session: Session, shift_id: int, volunteer_id: int, status: str, *,
               actual_start: datetime | None = None, actual_end: datetime | None = None) -> None:
    """Move an assignment along planned → confirmed → checked in → completed (or no-show /
    cancelled). Checking in and completing fill in the actual times (naive local) from the
    shift when none are given."""
    if status not in ASSIGNMENT_STATUSES:
        raise ValidationError(FieldProblem("status", "status_invalid", status))
    row = _assignment(session, shift_id, volunteer_id)
    shift = _shift(session, shift_id)
    # Attendance (check-in, completion, no-show and their corrections) is a captain's job;
    # planning and confirming is a coordinator's.
    attendance = status in RECORD_STATUSES or row.status in RECORD_STATUSES
    require(session, "shifts.checkin" if attendance else "shifts.plan", team_id=shift.team_id)
    if status != row.status and status not in TRANSITIONS[row.status]:
        raise ConflictError("status_transition", current=row.status, status=status)
    begin, finish = shift_interval(shift.date, shift.start_time, shift.end_time)
    start = actual_start or row.actual_start
    end = actual_end or row.actual_end
    if status in ("checked_in", "completed") and start is None:
        start = begin
    if status == "completed" and end is None:
        end = finish
    if status in ("planned", "confirmed", "no_show", "cancelled"):
        start = actual_start
        end = actual_end
    if start is not None and end is not None and end <= start:
        raise ValidationError(FieldProblem("actual_end", "end_before_start", end.isoformat()))
    if status == "confirmed" and row.status != "confirmed":
        row.confirmed_at = local_now(session)
    row.status, row.actual_start, row.actual_end = status, start, end
    session.flush()
    if attendance:
        # Completed duties are service hours: keep the ledger in step with attendance
        # whichever screen or command recorded it.
        from . import hours

        hours.sync_assignment(session, row.id, actor_of(session).name)


def confirm(session: Session, shift_id: int, volunteer_id: int) -> None:
    """Mark a planned assignment confirmed (the volunteer said yes)."""
    set_status(session, shift_id, volunteer_id, "confirmed")


def confirm_shift(session: Session, shift_id: int) -> int:
    """Confirm every planned assignment of a shift; returns how many."""
    require(session, "shifts.plan", team_id=_shift(session, shift_id).team_id)
    result = session.execute(
        update(Assignment).where(Assignment.shift_id == shift_id, Assignment.status == "planned")
        .values(status="confirmed", confirmed_at=local_now(session),
                version=Assignment.version + 1)
        .execution_options(synchronize_session=False))
    session.expire_all()
    return result.rowcount or 0


def _has_assignments(session: Session, volunteer_id: int) -> bool:
    return bool(session.scalar(select(exists().where(Assignment.volunteer_id == volunteer_id))))


if _has_assignments not in vol_service.HISTORY_CHECKS:
    vol_service.HISTORY_CHECKS.append(_has_assignments)


# ---------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class CandidateRow:
    """A volunteer who could take a shift, with the conflicts that speak against it."""

    volunteer_id: int
    name: str
    mobile: str
    member: bool  # serves in the shift's team (or the shift has none)
    week_duties: int
    conflicts: tuple[Conflict, ...] = ()

    @property
    def eligible(self) -> bool:
        """No hard conflict."""
        return not any(c.hard for c in self.conflicts)

    def to_json(self) -> dict:
        return {"id": self.volunteer_id, "name": self.name, "eligible": self.eligible,
                "week_duties": self.week_duties,
                "conflicts": [c.to_json() for c in self.conflicts]}


def candidates(session: Session, shift_id: int, *, include_inactive: bool = False) -> list[CandidateRow]:
    """Volunteers not yet on a shift, eligible first (clean, then with warnings), then the
    others with their conflict reasons; within a group fewer duties that week first."""
    require(session, "shifts.read")
    shift = _shift(session, shift_id)
    lo, hi = duty_span(shift.date)
    q = select(Volunteer.id, Volunteer.name, Volunteer.mobile, Volunteer.sort_key)
    if not include_inactive:
        q = q.where(Volunteer.active.is_(True))
    people = session.execute(q).all()
    on_it = set(session.scalars(select(Assignment.volunteer_id).where(
        Assignment.shift_id == shift_id, Assignment.status.in_(ACTIVE_STATUSES))))
    facts = avail.volunteer_facts(session, None,
                                  between=(shift.date - timedelta(days=1),
                                           shift.date + timedelta(days=1)))
    duties = load_duties(session, lo, hi)
    sf = _shift_facts(session, shift, None)
    week = shift.date.isocalendar()[:2]
    out = []
    for vid, name, mobile, key in people:
        if vid in on_it:
            continue
        vf = facts[vid]
        mine = duties.get(vid, [])
        conflicts = tuple(check(vf, sf, mine))
        member = shift.team_id is None or shift.team_id in vf.team_ids
        n_week = sum(1 for d in mine if d.start.date().isocalendar()[:2] == week)
        out.append((CandidateRow(vid, name, mobile, member, n_week, conflicts), key))
    out.sort(key=lambda r: (
        not r[0].eligible, bool(r[0].conflicts), not r[0].member,
        len([c for c in r[0].conflicts if c.hard]), r[0].week_duties, r[1]))
    return [r for r, _ in out]


# ---------------------------------------------------------------------------- copy a week


@dataclass(frozen=True)
class CopySkip:
    """An assignment of the previous week that could not be copied, and why."""

    volunteer_id: int
    name: str
    source_shift_id: int
    target_shift_id: int | None
    codes: tuple[str, ...]


@dataclass(frozen=True)
class CopyResult:
    """Outcome of copying the previous week into a week."""

    batch_id: int | None
    shifts_created: int
    assignments_copied: int
    skipped: tuple[CopySkip, ...] = field(default=())


def _signature(row: Shift | ShiftRow, shift_days: int = 0) -> tuple:
    start = row.start_time if isinstance(row, Shift) else row.start
    end = row.end_time if isinstance(row, Shift) else row.end
    return (row.date + timedelta(days=shift_days), start, end, row.team_id, row.grid_id,
            row.location, row.duty_type, row.title)


def copy_week(session: Session, target_monday: date, *, team_id: int | None = None) -> CopyResult:
    """Copy the previous week's plan into the week of ``target_monday``.

    Each shift of the previous week is matched with this week's shift of the same template
    occurrence (or the same team, grid, place, times and type); missing shifts are created
    (as one batch that can be undone). The volunteers are then assigned as *planned*
    through the same conflict rules: hard conflicts skip the volunteer (reported), soft
    ones are accepted.
    """
    team_id = planning_scope(session, team_id)
    monday = monday_of(target_monday)
    prev = monday - timedelta(days=7)
    conds = [] if team_id is None else [Shift.team_id == team_id]
    source = list(session.scalars(select(Shift).where(
        Shift.date >= prev, Shift.date < monday, *conds).order_by(Shift.date, Shift.start_time)))
    target = list(session.scalars(select(Shift).where(
        Shift.date >= monday, Shift.date < monday + timedelta(days=7), *conds)))
    by_origin = {(s.template_id, s.origin_date): s for s in target if s.template_id is not None}
    by_sig = {}
    for s in target:
        by_sig.setdefault(_signature(s), s)
    skips = set(session.execute(select(ShiftSkip.template_id, ShiftSkip.date).where(
        ShiftSkip.date >= monday, ShiftSkip.date < monday + timedelta(days=7))).all())
    now = local_now(session)
    batch: GenerationBatch | None = None
    pairs: list[tuple[Shift, Shift]] = []
    created = 0
    for src in source:
        dst = None
        origin = src.origin_date + timedelta(days=7) if src.origin_date else None
        if src.template_id is not None and origin is not None:
            dst = by_origin.get((src.template_id, origin))
            if dst is None and (src.template_id, origin) in skips:
                continue  # the coordinator deleted this week's occurrence on purpose
        if dst is None:
            dst = by_sig.get(_signature(src, 7))
        if dst is None:
            if batch is None:
                batch = GenerationBatch(kind="copy", created_at=now, date_from=monday,
                                        date_to=monday + timedelta(days=6), created_count=0)
                session.add(batch)
                session.flush()
            dst = Shift(title=src.title, team_id=src.team_id, grid_id=src.grid_id,
                        location=src.location, date=src.date + timedelta(days=7),
                        start_time=src.start_time, end_time=src.end_time,
                        duty_type=src.duty_type, needed=src.needed, notes=src.notes,
                        edited_by_hand=src.edited_by_hand, template_id=src.template_id,
                        origin_date=origin if src.template_id is not None else None,
                        batch_id=batch.id, created_at=now)
            session.add(dst)
            session.flush()
            created += 1
            if dst.template_id is not None:
                by_origin[(dst.template_id, dst.origin_date)] = dst
            by_sig.setdefault(_signature(dst), dst)
        pairs.append((src, dst))
    if batch is not None:
        batch.created_count = created
    # Assignments: check each in turn against everything already planned, in memory.
    src_ids = [s.id for s, _ in pairs]
    src_assign: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for sid, vid, name in session.execute(
            select(Assignment.shift_id, Assignment.volunteer_id, Volunteer.name)
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .where(Assignment.shift_id.in_(src_ids), Assignment.status.in_(ACTIVE_STATUSES))
            .order_by(Assignment.id)):
        src_assign[sid].append((vid, name))
    volunteer_ids = {vid for rows in src_assign.values() for vid, _ in rows}
    facts = avail.volunteer_facts(session, volunteer_ids,
                                  between=(monday - timedelta(days=1), monday + timedelta(days=8)))
    duties = load_duties(session, monday - timedelta(days=1), monday + timedelta(days=7),
                         volunteer_ids)
    dst_ids = [d.id for _, d in pairs]
    existing: dict[int, set[int]] = defaultdict(set)
    filled: dict[int, int] = defaultdict(int)
    for sid, vid, status in session.execute(
            select(Assignment.shift_id, Assignment.volunteer_id, Assignment.status)
            .where(Assignment.shift_id.in_(dst_ids))):
        existing[sid].add(vid)
        if status in ACTIVE_STATUSES:
            filled[sid] += 1
    copied = 0
    skipped: list[CopySkip] = []
    for src, dst in pairs:
        for vid, name in src_assign.get(src.id, ()):
            if vid in existing[dst.id]:
                continue
            sf = make_shift(dst.id, dst.date, dst.start_time, dst.end_time,
                            team_id=dst.team_id, needed=dst.needed, filled=filled[dst.id])
            conflicts = check(facts[vid], sf, duties[vid])
            hard = tuple(c.code for c in conflicts if c.hard)
            if hard:
                skipped.append(CopySkip(vid, name, src.id, dst.id, hard))
                continue
            session.add(Assignment(shift_id=dst.id, volunteer_id=vid, status="planned",
                                   source="copy", created_at=now))
            existing[dst.id].add(vid)
            filled[dst.id] += 1
            duties[vid].append(DutyFacts(dst.id, sf.start, sf.end))
            copied += 1
    session.flush()
    return CopyResult(batch.id if batch else None, created, copied, tuple(skipped))

