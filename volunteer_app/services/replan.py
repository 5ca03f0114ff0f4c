"""Duties a change in someone's time leaves behind: listed, released, and given back.

Recording a leave or a departure ignored the duties the person already held: the planner
cell stayed green with the name, reminders went out, and auto-fill then refused the whole
week (issue 18). Now whoever records it is shown the duties it covers
(:func:`held_duties`), may release them in one unit of work (:func:`release_duties`:
each becomes ``cancelled``, which the planner shows as an open place, auto-fill never gives
back to the same person and reminders skip), and may undo that
(:func:`restore_released`: each goes back to planned, or confirmed if it had been).
Filling the places is the planner's candidates list or an auto-fill of the week.

Records of service (checked in, completed, no-show) are never released: the hours are
real. A captain releases and restores only their own team's duties; every change goes
through the ORM and so into the audit log like any other status change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import ConflictError, NotFoundError
from ..models import Team
from ..models.shifts import Assignment, Shift
from ..security.permissions import readable_team, require, require_member

# Duties a leave can still take someone off: promised, not yet served.
RELEASABLE = ("planned", "confirmed")


@dataclass(frozen=True)
class HeldDuty:
    """One duty a volunteer holds in a date range."""

    assignment_id: int
    shift_id: int
    date: date
    start: time
    end: time
    title: str
    team: str
    status: str

    def to_json(self) -> dict:
        return {"assignment_id": self.assignment_id, "shift_id": self.shift_id,
                "date": self.date.isoformat(), "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M"), "title": self.title, "team": self.team,
                "status": self.status}


def held_duties(session: Session, volunteer_id: int, first: date, last: date | None = None) -> list[HeldDuty]:
    """The planned or confirmed duties of a volunteer from ``first`` to ``last`` (None: on
    and on), in time order. A captain sees those of their own team's duties."""
    team_id = readable_team(session, "shifts.read", None)
    stmt = (select(Assignment.id, Shift.id, Shift.date, Shift.start_time, Shift.end_time,
                   Shift.title, Team.name, Assignment.status)
            .join(Shift, Shift.id == Assignment.shift_id)
            .outerjoin(Team, Team.id == Shift.team_id)
            .where(Assignment.volunteer_id == volunteer_id, Assignment.status.in_(RELEASABLE),
                   Shift.date >= first)
            .order_by(Shift.date, Shift.start_time, Shift.id))
    if last is not None:
        stmt = stmt.where(Shift.date <= last)
    if team_id is not None:
        stmt = stmt.where(Shift.team_id == team_id)
    return [HeldDuty(a, s, d, st, en, title or "", team or "", status)
            for a, s, d, st, en, title, team, status in session.execute(stmt)]


def _assignments(session: Session, assignment_ids: Iterable[int]) -> list[tuple[Assignment, Shift]]:
    ids = sorted(set(assignment_ids))
    rows = session.execute(select(Assignment, Shift).join(Shift, Shift.id == Assignment.shift_id)
                           .where(Assignment.id.in_(ids))).all()
    found = {a.id for a, _ in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError("assignment_id_not_found", id=missing[0])
    return [(a, s) for a, s in rows]


def release_duties(session: Session, volunteer_id: int, assignment_ids: Iterable[int]) -> list[int]:
    """Take the volunteer off these duties (status ``cancelled``); returns the ids released.

    All or nothing: a duty of someone else, or one already served, refuses the lot."""
    require(session, "shifts.plan")
    require_member(session, "shifts.plan", volunteer_id)
    rows = _assignments(session, assignment_ids)
    for a, shift in rows:
        require(session, "shifts.plan", team_id=shift.team_id)
        if a.volunteer_id != volunteer_id:
            raise NotFoundError("assignment_id_not_found", id=a.id)
        if a.status not in RELEASABLE:
            raise ConflictError("assignment_has_record", shift_id=shift.id, volunteer_id=volunteer_id,
                                status=a.status)
    for a, _ in rows:
        a.status = "cancelled"
        a.actual_start = a.actual_end = None
    session.flush()
    return sorted(a.id for a, _ in rows)


def restore_released(session: Session, assignment_ids: Iterable[int]) -> list[int]:
    """Undo :func:`release_duties`: each cancelled duty goes back to confirmed (if it had
    been confirmed) or planned. Refused as a whole if one of them is not cancelled, or if
    the database finds the volunteer on another duty at that time meanwhile."""
    require(session, "shifts.plan")
    rows = _assignments(session, assignment_ids)
    for a, shift in rows:
        require(session, "shifts.plan", team_id=shift.team_id)
        require_member(session, "shifts.plan", a.volunteer_id)
        if a.status != "cancelled":
            raise ConflictError("not_released", id=a.id, status=a.status)
    for a, _ in rows:
        a.status = "confirmed" if a.confirmed_at is not None else "planned"
    session.flush()  # the double-booking guard speaks here (ConflictError double_booking)
    return sorted(a.id for a, _ in rows)
