"""Deleting a duty from the planner so that it can be undone (issue 18.4).

:func:`.shifts.delete_shift` deletes a shift with its assignments (refused once one is a
record of service) and remembers a generated occurrence so that generation does not bring
it back. The planner needs more: the clerk confirms naming the duty and the people on it,
and a wrong delete must be undoable. :func:`remove_shift` deletes through
``delete_shift`` and returns what was deleted as plain data; :func:`restore_shift` puts it
back: the same duty (its template occurrence too, so the generation skip is dropped) and
its volunteers with the status they had, each checked again through the conflict rules
(a volunteer who took another duty at that time meanwhile is left out and reported).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import versions
from ..clock import local_now
from ..errors import ConflictError, ValidationError
from ..models import Volunteer
from ..models.shifts import Assignment, GenerationBatch, Shift, ShiftSkip
from ..security.permissions import require
from .assignments import check_assignment
from .shifts import PROMISED, delete_shift, load_shift, reference_problems

# Statuses an undo puts back. A record of service (checked in, completed, no-show) blocks
# the delete in the first place; one handed to restore_shift is refused, not fabricated.
RESTORABLE = (*PROMISED, "cancelled")


@dataclass(frozen=True)
class RemovedAssignment:
    """A volunteer who was on the deleted duty, as they were."""

    volunteer_id: int
    name: str
    status: str
    source: str
    override_reason: str | None = None
    created_at: datetime | None = None
    confirmed_at: datetime | None = None


@dataclass(frozen=True)
class RemovedShift:
    """A deleted duty and its volunteers: what :func:`restore_shift` puts back."""

    shift_id: int
    title: str
    team_id: int | None
    grid_id: int | None
    location: str
    date: date
    start_time: time
    end_time: time
    duty_type: str
    needed: int
    notes: str = ""
    edited_by_hand: bool = False
    template_id: int | None = None
    origin_date: date | None = None
    batch_id: int | None = None
    created_at: datetime | None = None
    assignments: tuple[RemovedAssignment, ...] = ()

    @property
    def people(self) -> int:
        """Volunteers who held a place on it (planned or confirmed)."""
        return sum(1 for a in self.assignments if a.status in PROMISED)


@dataclass(frozen=True)
class RestoreResult:
    """The duty put back (its new id), how many volunteers with it, who was left out."""

    shift_id: int
    restored: int
    skipped: tuple[str, ...] = ()


def remove_shift(session: Session, shift_id: int, expected_version: int | None = None) -> RemovedShift:
    """Delete a duty with its assignments (refused for records of service); returns what
    was deleted for an undo."""
    require(session, "shifts.plan")
    row = load_shift(session, shift_id)
    require(session, "shifts.plan", team_id=row.team_id)
    versions.check(session, row, expected_version)
    people = tuple(
        RemovedAssignment(a.volunteer_id, name, a.status, a.source, a.override_reason,
                          a.created_at, a.confirmed_at)
        for a, name in session.execute(
            select(Assignment, Volunteer.name)
            .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
            .where(Assignment.shift_id == shift_id).order_by(Assignment.id)))
    removed = RemovedShift(row.id, row.title, row.team_id, row.grid_id, row.location, row.date,
                           row.start_time, row.end_time, row.duty_type, row.needed, row.notes,
                           row.edited_by_hand, row.template_id, row.origin_date, row.batch_id,
                           row.created_at, people)
    delete_shift(session, shift_id, force=True)
    return removed


def restore_shift(session: Session, removed: RemovedShift) -> RestoreResult:
    """Put a removed duty back with its volunteers (the undo of :func:`remove_shift`).

    Refused (ConflictError ``shift_restore_taken``) when generation or a copy has made the
    same template occurrence again meanwhile. A volunteer who now has a hard conflict with
    the duty (another duty at that time, leave, left the team) is left out and named.
    """
    require(session, "shifts.plan", team_id=removed.team_id)
    problems = reference_problems(session, removed.team_id, removed.grid_id)
    if problems:
        raise ValidationError(problems)
    template_id, origin = removed.template_id, removed.origin_date
    if template_id is not None and origin is not None:
        taken = session.scalar(select(Shift.id).where(Shift.template_id == template_id,
                                                      Shift.origin_date == origin))
        if taken is not None:
            raise ConflictError("shift_restore_taken", id=taken)
        skip = session.get(ShiftSkip, (template_id, origin))
        if skip is not None:
            session.delete(skip)
    batch_id = removed.batch_id
    if batch_id is not None:
        batch = session.get(GenerationBatch, batch_id)
        if batch is None or batch.undone_at is not None:
            batch_id = None  # the batch was undone meanwhile: the duty stands on its own
    row = Shift(title=removed.title, team_id=removed.team_id, grid_id=removed.grid_id,
                location=removed.location, date=removed.date, start_time=removed.start_time,
                end_time=removed.end_time, duty_type=removed.duty_type, needed=removed.needed,
                notes=removed.notes, edited_by_hand=removed.edited_by_hand,
                template_id=template_id, origin_date=origin, batch_id=batch_id,
                created_at=removed.created_at or local_now(session))
    session.add(row)
    session.flush()
    restored, skipped = 0, []
    for a in removed.assignments:
        if a.status not in RESTORABLE:
            raise ConflictError("assignment_has_record", id=removed.shift_id)
        # An assignment once made despite a hard conflict (with a reason) is put back as it
        # was; any other is checked again: the volunteer's week may have changed.
        if (a.status in PROMISED and not a.override_reason
                and any(c.hard for c in check_assignment(session, row.id, a.volunteer_id))):
            skipped.append(a.name)
            continue
        session.add(Assignment(shift_id=row.id, volunteer_id=a.volunteer_id, status=a.status,
                               source=a.source, override_reason=a.override_reason,
                               created_at=a.created_at or local_now(session),
                               confirmed_at=a.confirmed_at))
        restored += 1
    session.flush()
    return RestoreResult(row.id, restored, tuple(skipped))
