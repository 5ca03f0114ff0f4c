"""Putting volunteers on shifts: the conflict check, assigning and taking off, status
changes (confirmation, check-in, completion) and the candidates for a shift.

Every way of putting a volunteer on a shift (the planner, the command line, copying a
week, the auto-fill) goes through :func:`check_assignment` / :func:`assign`, which apply
the shared rules of ``scheduling.conflicts``. Attendance recorded here keeps the hours
ledger in step (:func:`.checkin.sync_assignment`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Volunteer
from ..models.shifts import (
    ACTIVE_STATUSES,
    ASSIGNMENT_SOURCES,
    ASSIGNMENT_STATUSES,
    Assignment,
    Shift,
    is_double_booking,
)
from ..scheduling.conflicts import (
    Conflict,
    DutyFacts,
    ShiftFacts,
    VolunteerFacts,
    check,
    conflict,
    make_shift,
    shift_interval,
)
from ..security.permissions import (
    CAPTAIN,
    PermissionDenied,
    actor_of,
    captain_team,
    require,
    require_member,
    team_members,
)
from ..validation import normalize_text
from . import availability as avail
from .checkin import sync_assignment
from .shifts import RECORD_STATUSES, load_shift, monday_of, require_readable

# Statuses an assignment may move to from each status; assign() re-activates cancelled ones.
TRANSITIONS = {
    "planned": {"confirmed", "checked_in", "completed", "no_show", "cancelled"},
    "confirmed": {"planned", "checked_in", "completed", "no_show", "cancelled"},
    "checked_in": {"confirmed", "completed", "no_show"},
    "completed": {"checked_in", "no_show"},
    "no_show": {"confirmed", "completed"},
    "cancelled": set(),
}


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
    """Every conflict of putting a volunteer on a shift (nothing is written); a captain asks
    only about their own team's shifts and volunteers."""
    require(session, "shifts.read")
    shift = load_shift(session, shift_id)
    require_readable(session, shift)
    own = captain_team(session)
    if own is not None and volunteer_id not in team_members(session, own):
        raise PermissionDenied(action="shifts.read", role=CAPTAIN, volunteer_id=volunteer_id)
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
    warnings. A cancelled assignment of the same volunteer is re-activated. A captain puts
    only their own team's volunteers on their own team's shifts, override or not.
    """
    require(session, "shifts.plan")
    require(session, "shifts.plan", team_id=load_shift(session, shift_id).team_id)
    require_member(session, "shifts.plan", volunteer_id)
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
    try:
        # A savepoint: when the database refuses the row, the unit of work goes on to say why.
        with session.begin_nested():
            row = existing or Assignment(shift_id=shift_id, volunteer_id=volunteer_id)
            row.status, row.source, row.created_at = status, source, now
            row.confirmed_at = now if status == "confirmed" else None
            row.override_reason = reason if hard else None
            row.overridden = ",".join(c.code for c in hard)
            row.actual_start = row.actual_end = None
            session.add(row)
            session.flush()
    except IntegrityError as exc:
        if not is_double_booking(exc):
            raise
        # Another coordinator put the volunteer on an overlapping duty of another shift
        # meanwhile (the lock above holds only this shift); the database refused this one
        # once that was committed. Say it as the check would have said it then.
        conflicts = check_assignment(session, shift_id, volunteer_id)
        if "overlap" not in [c.code for c in conflicts]:
            conflicts = [conflict("overlap"), *conflicts]
        raise AssignmentBlocked(conflicts, shift_id=shift_id, volunteer_id=volunteer_id,
                                volunteer_name=name) from None
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
    require(session, "shifts.plan")
    require(session, "shifts.plan", team_id=load_shift(session, shift_id).team_id)
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
    # Attendance (check-in, completion, no-show and their corrections) is a captain's job;
    # planning and confirming is a coordinator's. Who is working is asked before anything
    # is looked up: whether someone is on a shift is not told to whoever may not change it.
    wanted = "shifts.checkin" if status in RECORD_STATUSES else "shifts.plan"
    require(session, wanted)
    shift = load_shift(session, shift_id)
    require(session, wanted, team_id=shift.team_id)
    row = _assignment(session, shift_id, volunteer_id)
    attendance = status in RECORD_STATUSES or row.status in RECORD_STATUSES
    if attendance:
        require(session, "shifts.checkin", team_id=shift.team_id)
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
        sync_assignment(session, row.id, actor_of(session).name)


def confirm(session: Session, shift_id: int, volunteer_id: int) -> None:
    """Mark a planned assignment confirmed (the volunteer said yes)."""
    set_status(session, shift_id, volunteer_id, "confirmed")


def confirm_shift(session: Session, shift_id: int) -> int:
    """Confirm every planned assignment of a shift; returns how many."""
    require(session, "shifts.plan")
    require(session, "shifts.plan", team_id=load_shift(session, shift_id).team_id)
    result = session.execute(
        update(Assignment).where(Assignment.shift_id == shift_id, Assignment.status == "planned")
        .values(status="confirmed", confirmed_at=local_now(session),
                version=Assignment.version + 1)
        .execution_options(synchronize_session=False))
    session.expire_all()
    return result.rowcount or 0


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
    others with their conflict reasons; within a group fewer duties that week first.
    A captain sees only their own team's volunteers, for their own team's shifts."""
    require(session, "shifts.read")
    shift = load_shift(session, shift_id)
    require_readable(session, shift)
    lo, hi = duty_span(shift.date)
    q = select(Volunteer.id, Volunteer.name, Volunteer.mobile, Volunteer.sort_key)
    own = captain_team(session)
    if own is not None:
        q = q.where(Volunteer.id.in_(sorted(team_members(session, own))))
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
