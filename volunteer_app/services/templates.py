"""Duty templates and the runs that generate shifts from them.

A template is a recurring duty (times, team, grid, place, headcount and a cron-style
recurrence that knows holidays and make-up working days). :func:`generate` turns the
active templates into shifts for a date range as one batch, idempotently; a batch (or a
week copied by :mod:`.week_copy`) can be undone as a whole while nobody is assigned to it.
Editing a template changes only the shifts generated afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from .. import versions
from ..clock import community_zone, local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Team
from ..models.shifts import Assignment, GenerationBatch, Shift, ShiftSkip, ShiftTemplate
from ..parsing import parse_date, parse_optional_date, shown
from ..scheduling.recurrence import Recurrence, cron_problems, occurrence_dates
from ..security.permissions import captain_team, require
from ..validation import normalize_text
from .holidays import load_calendar
from .shifts import duty_problems, planning_scope, reference_problems

MAX_GENERATE_DAYS = 800


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
            values[key] = normalize_text(getattr(data, key), key, limit, multiline=key == "notes")
        except ValidationError as exc:
            problems.extend(exc.problems)
    if not values.get("name") and "name" not in {p.field for p in problems}:
        problems.append(FieldProblem("name", "required", data.name))
    problems += duty_problems(data.duty_type, data.needed, data.start_time, data.end_time)
    problems += cron_problems(data.day_of_week, data.day, data.month)
    # The cron parser reads any script's digits ('٣' as 3): ASCII only, as people write them.
    for key, value in (("day_of_week", data.day_of_week), ("day", data.day), ("month", data.month)):
        if isinstance(value, str) and not value.isascii() and key not in {p.field for p in problems}:
            problems.append(FieldProblem(key, "cron_invalid", shown(value)))
    for key, value in (("from", data.valid_from), ("valid_until", data.valid_until)):
        try:
            parse_optional_date(value, key)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if (isinstance(data.valid_from, date) and isinstance(data.valid_until, date)
            and data.valid_until < data.valid_from):
        problems.append(FieldProblem("valid_until", "end_before_start", data.valid_until))
    problems += reference_problems(session, data.team_id, data.grid_id)
    if problems:
        raise ValidationError(problems)
    row = ShiftTemplate() if template_id is None else session.get(ShiftTemplate, template_id)
    if row is None:
        raise NotFoundError("template_not_found", id=template_id)
    if template_id is not None:
        require(session, "shifts.plan", team_id=row.team_id)
    versions.check(session, row, expected_version)
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
    """Every duty template, by team, start time and name (a captain's team's only)."""
    require(session, "shifts.read")
    own = captain_team(session)
    q = (select(ShiftTemplate, Team.name, Grid.name)
         .outerjoin(Team, Team.id == ShiftTemplate.team_id)
         .outerjoin(Grid, Grid.id == ShiftTemplate.grid_id)
         .order_by(ShiftTemplate.team_id, ShiftTemplate.start_time, ShiftTemplate.name))
    if active_only:
        q = q.where(ShiftTemplate.active.is_(True))
    if own is not None:
        q = q.where(ShiftTemplate.team_id == own)
    return [
        TemplateRow(t.id, t.name, t.team_id, tn, t.grid_id, gn, t.location, t.duty_type,
                    t.start_time, t.end_time, t.needed, t.notes, t.day_of_week, t.day, t.month,
                    t.valid_from, t.valid_until, t.on_holidays, t.makeup_as_weekday, t.active,
                    t.version)
        for t, tn, gn in session.execute(q)
    ]


def delete_template(session: Session, template_id: int) -> None:
    """Delete a template; the shifts it produced stay (they no longer point at it)."""
    require(session, "shifts.plan")
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
    for key, value in (("from", start), ("to", end)):
        try:
            parse_date(value, key)
        except ValidationError as exc:
            problems.extend(exc.problems)
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
    cal = load_calendar(session, start, end)
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
