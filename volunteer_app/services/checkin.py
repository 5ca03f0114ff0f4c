"""Check-in of a shift: who arrived, who served until when and who did not come, and the
hours ledger kept in step with it.

Completing an assignment writes its hours to the ledger (unverified); recording different
times later, or a no-show after all, appends a correction (:mod:`.hours`). The planner's
status changes call :func:`sync_assignment` so the ledger agrees whichever screen or
command recorded the attendance. Times are naive local wall-clock datetimes in the
community's time zone; functions that compare with "now" take ``now``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Team, Volunteer
from ..models.hours import HoursEntry
from ..models.shifts import Assignment, Shift
from ..scheduling.conflicts import shift_interval
from ..security.permissions import acting_name, require
from .hours import (
    MAX_MINUTES,
    REASON_CHECKIN_TIMES,
    REASON_NO_SHOW,
    append_correction,
    is_current,
    normalize_operator,
    verify,
)
from .shifts import load_shift, require_readable

# A check-in may be recorded a little ahead of time (the captain fills the sheet while
# people are arriving), but never for a shift that has not happened yet.
CHECKIN_AHEAD = timedelta(minutes=30)
# Actual times may differ from the plan (late arrival, staying on), but not by more than
# this: a larger gap is almost always a typo of the day or of AM/PM.
CHECKIN_SLACK = timedelta(hours=12)
CHECKIN_STATUSES = ("checked_in", "completed", "no_show")


def time_on_shift(on: date, start: time, end: time, t: time) -> datetime:
    """The datetime a clock time ``t`` means for a shift: the one nearest its planned span.

    For a 22:00-06:00 shift of 7 December, 01:30 means 8 December 01:30 and 21:50 means
    7 December 21:50; for a 00:00-04:00 shift, 23:50 means the evening before.
    """
    begin, finish = shift_interval(on, start, end)
    best: datetime | None = None
    best_gap: timedelta | None = None
    for offset in (-1, 0, 1):
        candidate = datetime.combine(on + timedelta(days=offset), t)
        if candidate < begin:
            gap = begin - candidate
        elif candidate > finish:
            gap = candidate - finish
        else:
            gap = timedelta(0)
        if best_gap is None or gap < best_gap:
            best, best_gap = candidate, gap
    assert best is not None
    return best


@dataclass(frozen=True)
class CheckinRow:
    """One volunteer on the check-in sheet of a shift."""

    assignment_id: int
    volunteer_id: int
    name: str
    mobile: str
    status: str
    actual_start: datetime | None
    actual_end: datetime | None
    entry_id: int | None
    minutes: int | None
    verified: bool


@dataclass(frozen=True)
class CheckinSheet:
    """A shift with its planned times and everyone assigned to it (cancelled ones left out)."""

    shift_id: int
    title: str
    duty_type: str
    team_id: int | None
    team: str | None
    grid: str | None
    location: str
    date: date
    start_time: time
    end_time: time
    planned_start: datetime
    planned_end: datetime
    rows: tuple[CheckinRow, ...] = field(default=())

    @property
    def overnight(self) -> bool:
        return self.planned_end.date() > self.planned_start.date()


@dataclass(frozen=True)
class CheckinMark:
    """What the captain marks for one assignment: arrived (checked_in), served
    (completed) or no_show. Missing times default to the planned ones (or, for the
    start of a completed duty, to the recorded arrival)."""

    assignment_id: int
    status: str
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class CheckinResult:
    """What a check-in changed."""

    changed: int
    entries_created: tuple[int, ...] = ()
    entries_corrected: tuple[int, ...] = ()


def checkin_sheet(session: Session, shift_id: int) -> CheckinSheet:
    """The shift and its volunteers with their status, times and current ledger entry
    (a captain's own team's shifts only)."""
    require(session, "shifts.read")
    shift = load_shift(session, shift_id)
    require_readable(session, shift)
    begin, finish = shift_interval(shift.date, shift.start_time, shift.end_time)
    team = session.get(Team, shift.team_id) if shift.team_id else None
    grid = session.get(Grid, shift.grid_id) if shift.grid_id else None
    rows = []
    for a, name, mobile in session.execute(
        select(Assignment, Volunteer.name, Volunteer.mobile)
        .join(Volunteer, Volunteer.id == Assignment.volunteer_id)
        .where(Assignment.shift_id == shift_id, Assignment.status != "cancelled")
        .order_by(Volunteer.sort_key, Assignment.id)
    ):
        entry = _assignment_entry(session, a.id)
        rows.append(CheckinRow(
            assignment_id=a.id, volunteer_id=a.volunteer_id, name=name, mobile=mobile,
            status=a.status, actual_start=a.actual_start, actual_end=a.actual_end,
            entry_id=entry.id if entry else None, minutes=entry.minutes if entry else None,
            verified=bool(entry and entry.verified_at is not None),
        ))
    return CheckinSheet(
        shift_id=shift.id, title=shift.title, duty_type=shift.duty_type,
        team_id=shift.team_id, team=team.name if team else None,
        grid=grid.name if grid else None, location=shift.location, date=shift.date,
        start_time=shift.start_time, end_time=shift.end_time, planned_start=begin,
        planned_end=finish, rows=tuple(rows),
    )


def _assignment_entry(session: Session, assignment_id: int) -> HoursEntry | None:
    return session.scalar(
        select(HoursEntry).where(HoursEntry.assignment_id == assignment_id, is_current())
    )


def _shift_duty(session: Session, shift: Shift) -> str:
    place = shift.location
    if not place and shift.grid_id:
        grid = session.get(Grid, shift.grid_id)
        place = grid.name if grid else ""
    head = shift.title or shift.duty_type
    return " · ".join(p for p in (head, place) if p)[:200]


def record_checkin(
    session: Session,
    shift_id: int,
    marks: Sequence[CheckinMark],
    operator: str,
    *,
    now: datetime | None = None,
) -> CheckinResult:
    """Record who arrived, who left when and who did not come, for one shift.

    Completing an assignment writes its hours to the ledger (unverified); recording
    different times later, or a no-show after all, appends a correction.
    """
    require(session, "shifts.checkin")
    operator = normalize_operator(acting_name(session, operator))
    now = now or local_now(session)
    shift = load_shift(session, shift_id)
    require(session, "shifts.checkin", team_id=shift.team_id)
    begin, finish = shift_interval(shift.date, shift.start_time, shift.end_time)
    duty = _shift_duty(session, shift)
    created: list[int] = []
    corrected: list[int] = []
    changed = 0
    problems: list[FieldProblem] = []
    planned: list[tuple[Assignment, str, datetime | None, datetime | None]] = []
    for mark in marks:
        a = session.get(Assignment, mark.assignment_id)
        if a is None or a.shift_id != shift_id:
            raise NotFoundError("assignment_not_found", id=mark.assignment_id, shift_id=shift_id)
        if mark.status not in CHECKIN_STATUSES:
            problems.append(FieldProblem("status", "checkin_status_invalid", mark.status))
            continue
        if a.status == "cancelled":
            raise ConflictError("assignment_cancelled", id=a.id)
        if mark.status == "checked_in" and a.status == "completed":
            raise ConflictError("assignment_completed", id=a.id)
        start = end = None
        if mark.status in ("checked_in", "completed"):
            start = mark.start or (
                a.actual_start if a.status == "checked_in" and a.actual_start else begin
            )
            if start < begin - CHECKIN_SLACK or start > finish:
                problems.append(FieldProblem("start", "outside_shift", start.isoformat(" ")))
            elif start > now + CHECKIN_AHEAD:
                problems.append(FieldProblem("start", "in_future", start.isoformat(" ")))
        if mark.status == "completed":
            end = mark.end or finish
            if end <= start:
                problems.append(FieldProblem("end", "end_before_start", end.isoformat(" ")))
            elif end - start > timedelta(minutes=MAX_MINUTES):
                problems.append(FieldProblem("end", "hours_too_many", end.isoformat(" ")))
            elif end < begin or end > finish + CHECKIN_SLACK:
                problems.append(FieldProblem("end", "outside_shift", end.isoformat(" ")))
            elif end > now + CHECKIN_AHEAD:
                problems.append(FieldProblem("end", "in_future", end.isoformat(" ")))
        planned.append((a, mark.status, start, end))
    if problems:
        raise ValidationError(problems)  # nothing has been written yet
    for a, status, start, end in planned:
        if (a.status, a.actual_start, a.actual_end) != (status, start, end):
            changed += 1
        a.status, a.actual_start, a.actual_end = status, start, end
        new_id, fixed_id = _sync_entry(session, a, shift, duty, operator, now)
        if new_id is not None:
            created.append(new_id)
        if fixed_id is not None:
            corrected.append(fixed_id)
    session.flush()
    return CheckinResult(changed, tuple(created), tuple(corrected))


def _sync_entry(
    session: Session, a: Assignment, shift: Shift, duty: str, operator: str, now: datetime
) -> tuple[int | None, int | None]:
    """Make the ledger agree with an assignment: a completed duty has one current entry
    with its actual times; any other status has none (or a voiding correction).
    Returns (created entry id, correcting entry id)."""
    entry = _assignment_entry(session, a.id)
    if a.status == "completed" and a.actual_start and a.actual_end and a.actual_end > a.actual_start:
        start, end = a.actual_start, a.actual_end
        minutes = min(MAX_MINUTES, round((end - start).total_seconds() / 60))
        if entry is None:
            new = HoursEntry(
                volunteer_id=a.volunteer_id, team_id=shift.team_id, date=shift.date,
                minutes=minutes, source="assignment", duty=duty, assignment_id=a.id,
                start_at=start, end_at=end, reason="", created_at=now, created_by=operator,
                verified_by="",
            )
            session.add(new)
            session.flush()
            return new.id, None
        if entry.minutes != minutes or entry.start_at != start or entry.end_at != end:
            return None, append_correction(session, entry, minutes, REASON_CHECKIN_TIMES,
                                            operator, now, start_at=start, end_at=end)
        return None, None
    if entry is not None and entry.minutes > 0:
        reason = REASON_NO_SHOW if a.status == "no_show" else REASON_CHECKIN_TIMES
        return None, append_correction(session, entry, 0, reason, operator, now)
    return None, None


def sync_assignment(
    session: Session, assignment_id: int, operator: str, *, now: datetime | None = None
) -> CheckinResult:
    """Bring the ledger in line with an assignment whose status or times were set elsewhere
    (e.g. by the planner's status command): a completed duty gets its hours, a duty that
    is no longer completed has them voided by a correction. Idempotent."""
    operator = normalize_operator(operator)
    a = session.get(Assignment, assignment_id)
    if a is None:
        raise NotFoundError("assignment_not_found", id=assignment_id, shift_id=None)
    shift = load_shift(session, a.shift_id)
    new_id, fixed_id = _sync_entry(session, a, shift, _shift_duty(session, shift), operator,
                                   now or local_now(session))
    return CheckinResult(int(bool(new_id or fixed_id)), (new_id,) if new_id else (),
                         (fixed_id,) if fixed_id else ())


def verify_shift(session: Session, shift_id: int, by: str | None = None, *,
                 now: datetime | None = None) -> int:
    """Verify the current, unverified hours of everyone on one shift (the captain signs
    the sign-in sheet); returns how many entries were verified. The verifier is as in
    :func:`.hours.verify`: the logged-in operator when accounts are on."""
    require(session, "hours.verify")
    shift = load_shift(session, shift_id)
    require(session, "hours.verify", team_id=shift.team_id)
    ids = list(session.scalars(
        select(HoursEntry.id)
        .join(Assignment, Assignment.id == HoursEntry.assignment_id)
        .where(Assignment.shift_id == shift_id, HoursEntry.verified_at.is_(None), is_current(),
               HoursEntry.minutes > 0)
    ))
    return verify(session, ids, by, now=now)


def all_arrived_as_planned(
    session: Session, shift_id: int, operator: str, *, now: datetime | None = None
) -> CheckinResult:
    """Bulk check-in: everyone still planned, confirmed or checked in served the planned
    times (a recorded arrival time is kept). No-shows and completed duties stay as they are."""
    require(session, "shifts.checkin")
    marks = [
        CheckinMark(a_id, "completed")
        for a_id in session.scalars(
            select(Assignment.id).where(
                Assignment.shift_id == shift_id,
                Assignment.status.in_(("planned", "confirmed", "checked_in")),
            )
        )
    ]
    load_shift(session, shift_id)
    return record_checkin(session, shift_id, marks, operator, now=now)
