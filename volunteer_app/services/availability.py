"""Volunteers' availability: weekly windows, leave ranges, duty limits, and the plain
facts the conflict rules work on.

Times are naive local wall-clock times in the community's time zone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import delete, select, true
from sqlalchemy.orm import Session

from .. import versions
from ..errors import FieldProblem, NotFoundError, ValidationError
from ..models import Membership, Team, Volunteer
from ..models.availability import LEAVE_KINDS, AvailabilityWindow, VolunteerLeave, VolunteerLimit
from ..parsing import parse_date
from ..scheduling.conflicts import Leave, VolunteerFacts, Window
from ..security.permissions import require, require_member
from ..validation import normalize_text

MAX_LIMIT = 50


@dataclass(frozen=True)
class WindowRow:
    """A weekly availability window (weekday 0 = Monday)."""

    weekday: int
    start: time
    end: time

    def to_json(self) -> dict:
        return {"weekday": self.weekday, "start": self.start.strftime("%H:%M"),
                "end": self.end.strftime("%H:%M")}


@dataclass(frozen=True)
class LeaveRow:
    """A leave or unavailable range, both ends inclusive."""

    id: int
    volunteer_id: int
    start: date
    end: date
    kind: str
    reason: str

    def to_json(self) -> dict:
        return {"id": self.id, "volunteer_id": self.volunteer_id, "start": self.start.isoformat(),
                "end": self.end.isoformat(), "kind": self.kind, "reason": self.reason}


@dataclass(frozen=True)
class AvailabilityInfo:
    """Everything about when one volunteer can serve."""

    volunteer_id: int
    windows: tuple[WindowRow, ...]
    leaves: tuple[LeaveRow, ...]
    max_per_week: int | None
    max_per_day: int | None
    limits_version: int = 0  # 0 when no limits are stored

    def to_json(self) -> dict:
        return {"volunteer_id": self.volunteer_id,
                "windows": [w.to_json() for w in self.windows],
                "leaves": [x.to_json() for x in self.leaves],
                "max_per_week": self.max_per_week, "max_per_day": self.max_per_day}


def _require_edit(session: Session, volunteer_id: int) -> None:
    """Coordinators (planning) and clerks (the register) keep availability; a captain their
    own team's volunteers' only (``availability.edit``, team-scoped)."""
    require(session, "availability.edit")
    _volunteer(session, volunteer_id)
    require_member(session, "availability.edit", volunteer_id)


def _volunteer(session: Session, volunteer_id: int) -> Volunteer:
    vol = session.get(Volunteer, volunteer_id)
    if vol is None:
        raise NotFoundError("volunteer_not_found", id=volunteer_id)
    return vol


def get_availability(session: Session, volunteer_id: int) -> AvailabilityInfo:
    """Windows, leave ranges and limits of a volunteer."""
    require(session, "registers.read")
    _volunteer(session, volunteer_id)
    windows = tuple(
        WindowRow(w.weekday, w.start_time, w.end_time)
        for w in session.scalars(
            select(AvailabilityWindow).where(AvailabilityWindow.volunteer_id == volunteer_id)
            .order_by(AvailabilityWindow.weekday, AvailabilityWindow.start_time)))
    leaves = tuple(
        LeaveRow(x.id, x.volunteer_id, x.start_date, x.end_date, x.kind, x.reason)
        for x in session.scalars(
            select(VolunteerLeave).where(VolunteerLeave.volunteer_id == volunteer_id)
            .order_by(VolunteerLeave.start_date)))
    limit = session.get(VolunteerLimit, volunteer_id)
    return AvailabilityInfo(volunteer_id, windows, leaves,
                            limit.max_per_week if limit else None,
                            limit.max_per_day if limit else None,
                            limit.version if limit else 0)


def set_windows(session: Session, volunteer_id: int,
                windows: Iterable[tuple[int, time, time]]) -> None:
    """Replace a volunteer's weekly windows; an empty list means available at any time."""
    _require_edit(session, volunteer_id)
    rows = list(windows)
    problems = []
    for weekday, start, end in rows:
        if not isinstance(weekday, int) or not 0 <= weekday <= 6:
            problems.append(FieldProblem("weekday", "weekday_invalid", weekday))
        if not isinstance(start, time) or not isinstance(end, time):
            problems.append(FieldProblem("time", "time_invalid", (start, end)))
        elif start == end:
            problems.append(FieldProblem("end", "window_empty", end))
    if problems:
        raise ValidationError(problems)
    session.execute(delete(AvailabilityWindow).where(AvailabilityWindow.volunteer_id == volunteer_id))
    for weekday, start, end in rows:
        session.add(AvailabilityWindow(volunteer_id=volunteer_id, weekday=weekday,
                                       start_time=start, end_time=end))
    session.flush()


def add_leave(session: Session, volunteer_id: int, start: date, end: date,
              kind: str = "leave", reason: str = "") -> int:
    """Record a leave (or unavailable) range; returns its id."""
    _require_edit(session, volunteer_id)
    problems = []
    if kind not in LEAVE_KINDS:
        problems.append(FieldProblem("kind", "leave_kind_invalid", kind))
    dates = {}
    for key, value in (("start", start), ("end", end)):
        try:
            dates[key] = parse_date(value, key)
        except ValidationError as exc:
            problems.extend(exc.problems)
    if len(dates) == 2 and dates["end"] < dates["start"]:
        problems.append(FieldProblem("end", "end_before_start", dates["end"].isoformat()))
    try:
        reason = normalize_text(reason, "reason", 500)
    except ValidationError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    row = VolunteerLeave(volunteer_id=volunteer_id, start_date=dates["start"], end_date=dates["end"], kind=kind,
                         reason=reason)
    session.add(row)
    session.flush()
    return row.id


def remove_leave(session: Session, leave_id: int) -> None:
    """Delete a leave range."""
    require(session, "availability.edit")
    row = session.get(VolunteerLeave, leave_id)
    if row is None:
        raise NotFoundError("leave_not_found", id=leave_id)
    _require_edit(session, row.volunteer_id)
    session.delete(row)
    session.flush()


def set_limits(session: Session, volunteer_id: int, max_per_week: int | None,
               max_per_day: int | None, expected_version: int | None = None) -> None:
    """Set (or clear with None) the maximum duties per ISO week and per day.

    ``expected_version``: ``AvailabilityInfo.limits_version`` as the form read it;
    another clerk's save since then is ``ConflictError("stale")``.
    """
    _require_edit(session, volunteer_id)
    problems = []
    for fname, val in (("max_per_week", max_per_week), ("max_per_day", max_per_day)):
        if val is not None and (not isinstance(val, int) or isinstance(val, bool)
                                or not 0 <= val <= MAX_LIMIT):
            problems.append(FieldProblem(fname, "limit_invalid", val))
    if problems:
        raise ValidationError(problems)
    row = session.get(VolunteerLimit, volunteer_id)
    if row is None:
        row = VolunteerLimit(volunteer_id=volunteer_id)
        session.add(row)
    else:
        versions.check(session, row, expected_version)
    row.max_per_week, row.max_per_day = max_per_week, max_per_day
    session.flush()


def team_ancestors(session: Session) -> dict[int, frozenset[int]]:
    """Each team with itself and every team above it (a branch member serves the umbrella)."""
    parents = dict(session.execute(select(Team.id, Team.parent_id)).all())
    out: dict[int, frozenset[int]] = {}
    for tid in parents:
        chain, cur = [], tid
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parents.get(cur)
        out[tid] = frozenset(chain)
    return out


def volunteer_facts(session: Session, volunteer_ids: Iterable[int] | None = None, *,
                    between: tuple[date, date] | None = None) -> dict[int, VolunteerFacts]:
    """Plain facts for the conflict rules, for some volunteers (None: every volunteer).

    ``between`` limits the leave ranges loaded to those touching that span.
    """
    ids = None if volunteer_ids is None else sorted(set(volunteer_ids))
    if ids is not None and not ids:
        return {}

    def only(col):  # noqa: ANN001, ANN202
        return col.in_(ids) if ids is not None else true()

    ancestors = team_ancestors(session)
    teams: dict[int, set[int]] = defaultdict(set)
    for vid, tid in session.execute(select(Membership.volunteer_id, Membership.team_id)
                                    .where(only(Membership.volunteer_id))):
        teams[vid] |= ancestors.get(tid, {tid})
    windows: dict[int, list[Window]] = defaultdict(list)
    for vid, wd, st, en in session.execute(
            select(AvailabilityWindow.volunteer_id, AvailabilityWindow.weekday,
                   AvailabilityWindow.start_time, AvailabilityWindow.end_time)
            .where(only(AvailabilityWindow.volunteer_id))):
        windows[vid].append(Window(wd, st, en))
    leave_q = select(VolunteerLeave.volunteer_id, VolunteerLeave.start_date,
                     VolunteerLeave.end_date, VolunteerLeave.kind).where(
        only(VolunteerLeave.volunteer_id))
    if between is not None:
        leave_q = leave_q.where(VolunteerLeave.start_date <= between[1],
                                VolunteerLeave.end_date >= between[0])
    leaves: dict[int, list[Leave]] = defaultdict(list)
    for vid, st, en, kind in session.execute(leave_q):
        leaves[vid].append(Leave(st, en, kind))
    limits = {vid: (w, d) for vid, w, d in session.execute(
        select(VolunteerLimit.volunteer_id, VolunteerLimit.max_per_week,
               VolunteerLimit.max_per_day).where(only(VolunteerLimit.volunteer_id)))}
    out = {}
    for vid, active in session.execute(select(Volunteer.id, Volunteer.active)
                                       .where(only(Volunteer.id))):
        week, day = limits.get(vid, (None, None))
        out[vid] = VolunteerFacts(vid, bool(active), frozenset(teams.get(vid, ())),
                                  tuple(windows.get(vid, ())), tuple(leaves.get(vid, ())),
                                  week, day)
    return out


def leave_days(session: Session, volunteer_ids: set[int], start: date, end: date) -> dict[tuple[int, date], str]:
    """(volunteer, day) -> kind ("leave" wins over "unavailable") of the leave ranges of
    these volunteers within ``start``..``end``: one query for the whole range, not per shift
    (the planner's week, the reminders job). No permission check: callers read after theirs."""
    if not volunteer_ids:
        return {}
    out: dict[tuple[int, date], str] = {}
    # Filtered by date only (leave rows are few): a year's export with thousands of
    # volunteers would overflow an IN list.
    for vid, first, last, kind in session.execute(
            select(VolunteerLeave.volunteer_id, VolunteerLeave.start_date, VolunteerLeave.end_date,
                   VolunteerLeave.kind)
            .where(VolunteerLeave.end_date >= start, VolunteerLeave.start_date <= end)):
        if vid not in volunteer_ids:
            continue
        day = max(first, start)
        while day <= min(last, end):
            if out.get((vid, day)) != "leave":
                out[(vid, day)] = kind
            day += timedelta(days=1)
    return out
