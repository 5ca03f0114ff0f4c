"""Auto-fill from the database: build the problem, propose, apply as one batch, undo.

The three steps are separate units of work so that no database transaction stays open
during the solve (up to half a minute):

1. :func:`build_problem` reads a scope (a date range, optionally one team or grid) into
   the plain :class:`~volunteer_app.scheduling.autofill.problem.Problem`;
2. :func:`propose` solves it and explains the gaps (no session; run it off the UI thread);
3. :func:`apply` writes the proposal as one :class:`AutofillBatch` in the caller's unit of
   work after re-reading the scope and checking every new assignment against the rules
   again (someone may have changed the roster meanwhile); :func:`undo` removes a batch.

Discarding a proposal needs no database work: nothing is stored until it is applied.
Times are naive local wall-clock values in the community's time zone.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import local_now
from ..errors import ConflictError, FieldProblem, NotFoundError, ValidationError
from ..models import Grid, Team, Volunteer
from ..models.autofill import AutofillBatch, AutofillBatchAssignment
from ..models.shifts import ACTIVE_STATUSES, Assignment, Shift
from ..scheduling.autofill.problem import (
    HISTORY_WEEKS,
    Problem,
    Progress,
    Proposal,
    ShiftInput,
    VolunteerInput,
)
from ..scheduling.autofill.solver import DEFAULT_TIME_LIMIT, solve
from ..scheduling.checker import violations
from ..scheduling.conflicts import MIN_REST, shift_interval, within_availability
from ..scheduling.explain import Gap, explain
from ..security.permissions import actor_of, captain_team, readable_team, require, require_member
from . import availability as avail
from .assignments import load_duties, lock_shifts
from .shifts import RECORD_STATUSES, monday_of, planning_scope

HISTORY_DAYS = 7 * HISTORY_WEEKS
MAX_RANGE_DAYS = 31


@dataclass(frozen=True)
class Scope:
    """What to fill: the shifts dated ``date_from`` to ``date_to``, optionally of one team or grid.

    ``allow_outside_availability``: the coordinator's explicit choice to let the fill place
    volunteers outside the times they offered (off by default, issue 18.6); it is part of
    the scope so that applying re-checks the proposal under the same choice.
    """

    date_from: date
    date_to: date
    team_id: int | None = None
    grid_id: int | None = None
    allow_outside_availability: bool = False

    @classmethod
    def week(cls, monday: date, team_id: int | None = None, grid_id: int | None = None, *,
             allow_outside_availability: bool = False) -> Scope:
        """The ISO week holding ``monday`` (any day of it will do)."""
        first = monday_of(monday)
        if first > date.max - timedelta(days=6):
            raise ValidationError(FieldProblem("week", "autofill_date_out_of_range",
                                               monday.isoformat()))
        return cls(first, first + timedelta(days=6), team_id, grid_id, allow_outside_availability)

    def to_json(self) -> dict:
        return {"date_from": self.date_from.isoformat(), "date_to": self.date_to.isoformat(),
                "team_id": self.team_id, "grid_id": self.grid_id,
                "allow_outside_availability": self.allow_outside_availability}


# The history before and the duties around a scope must stay within the calendar.
FIRST_DAY = date.min + timedelta(days=HISTORY_DAYS + 14)
LAST_DAY = date.max - timedelta(days=14)


def _check_scope(scope: Scope) -> None:
    if not FIRST_DAY <= scope.date_from <= LAST_DAY:
        raise ValidationError(FieldProblem("date_from", "autofill_date_out_of_range",
                                           scope.date_from.isoformat()))
    if not FIRST_DAY <= scope.date_to <= LAST_DAY:
        raise ValidationError(FieldProblem("date_to", "autofill_date_out_of_range",
                                           scope.date_to.isoformat()))
    if scope.date_to < scope.date_from:
        raise ValidationError(FieldProblem("date_to", "end_before_start", scope.date_to.isoformat()))
    if (scope.date_to - scope.date_from).days >= MAX_RANGE_DAYS:
        raise ValidationError(FieldProblem("date_to", "autofill_range_too_long",
                                            scope.date_to.isoformat()))


def _signature(row: Shift, shift_days: int = 0) -> tuple:
    """What makes two shifts the same weekly slot when no template links them."""
    return (row.date + timedelta(days=shift_days), row.start_time, row.end_time, row.team_id,
            row.grid_id, row.location, row.duty_type, row.title)


def build_problem(session: Session, scope: Scope, *, min_rest: timedelta | None = None) -> Problem:
    """Read everything the solver needs for ``scope`` from the database (a captain's: their
    own team's shifts only, whatever team the scope names)."""
    team_id = readable_team(session, "shifts.read", scope.team_id)
    _check_scope(scope)
    if scope.team_id is not None and session.get(Team, scope.team_id) is None:
        raise NotFoundError("team_not_found", name=scope.team_id)
    if scope.grid_id is not None and session.get(Grid, scope.grid_id) is None:
        raise NotFoundError("grid_not_found", name=scope.grid_id)
    conds = [Shift.date >= scope.date_from, Shift.date <= scope.date_to]
    if team_id is not None:
        conds.append(Shift.team_id == team_id)
    if scope.grid_id is not None:
        conds.append(Shift.grid_id == scope.grid_id)
    shifts = list(session.scalars(select(Shift).where(*conds).order_by(Shift.date, Shift.start_time,
                                                                        Shift.id)))
    ids = {s.id for s in shifts}

    pins, declined, overridden = [], set(), set()
    if ids:
        for sid, vid, status, reason in session.execute(
                select(Assignment.shift_id, Assignment.volunteer_id, Assignment.status,
                       Assignment.override_reason)
                .join(Shift, Shift.id == Assignment.shift_id).where(*conds)
                .order_by(Assignment.id)):
            if status in ACTIVE_STATUSES:
                pins.append((sid, vid))
                if reason:
                    overridden.add((sid, vid))
            else:  # cancelled or no-show: never propose the same person again for it
                declined.add((sid, vid))

    # Everyone who could serve: team members (with branch teams under an umbrella), every
    # active volunteer when a duty has no team, and whoever is already pinned.
    lo = monday_of(scope.date_from) - timedelta(days=1)
    hi = monday_of(scope.date_to) + timedelta(days=7)
    facts = avail.volunteer_facts(session, None, between=(lo, hi))
    teams = {s.team_id for s in shifts if s.team_id is not None}
    open_duty = any(s.team_id is None for s in shifts)
    pinned_vols = {vid for _, vid in pins}
    relevant = {vid for vid, f in facts.items()
                if vid in pinned_vols or (f.team_ids & teams) or (open_duty and f.active)}

    duties = load_duties(session, lo, hi)
    for (sid, vid) in session.execute(
            select(Assignment.shift_id, Assignment.volunteer_id)
            .join(Shift, Shift.id == Assignment.shift_id)
            .where(Shift.date >= lo, Shift.date <= hi, Assignment.status.in_(ACTIVE_STATUSES),
                   Assignment.override_reason.is_not(None))):
        overridden.add((sid, vid))
    history: dict[int, int] = defaultdict(int)
    first = scope.date_from - timedelta(days=HISTORY_DAYS)
    for vid, day, st, en in session.execute(
            select(Assignment.volunteer_id, Shift.date, Shift.start_time, Shift.end_time)
            .join(Shift, Shift.id == Assignment.shift_id)
            .where(Shift.date >= first, Shift.date < scope.date_from,
                   Assignment.status.in_(ACTIVE_STATUSES))):
        b, e = shift_interval(day, st, en)
        history[vid] += int((e - b).total_seconds()) // 60
    home = dict(session.execute(select(Volunteer.id, Volunteer.grid_id)).all())

    last_week = _last_week_holders(session, shifts, scope)
    problem_shifts = []
    for s in shifts:
        b, e = shift_interval(s.date, s.start_time, s.end_time)
        problem_shifts.append(ShiftInput(s.id, b, e, s.needed, s.team_id, s.grid_id,
                                            frozenset(last_week.get(s.id, ()))))
    volunteers = []
    for vid in sorted(relevant):
        mine = tuple(d for d in duties.get(vid, ()) if d.shift_id not in ids)
        volunteers.append(VolunteerInput(facts[vid], home.get(vid), history.get(vid, 0), mine))
    return Problem(scope.date_from, scope.date_to, tuple(problem_shifts), tuple(volunteers),
                      tuple(pins), frozenset(overridden),
                      MIN_REST if min_rest is None else min_rest, frozenset(declined),
                      allow_outside_availability=scope.allow_outside_availability)


def _last_week_holders(session: Session, shifts: list[Shift], scope: Scope) -> dict[int, set[int]]:
    """Per shift, the volunteers on the same weekly slot seven days earlier."""
    if not shifts:
        return {}
    by_origin = {(s.template_id, s.origin_date): s.id for s in shifts
                 if s.template_id is not None and s.origin_date is not None}
    by_sig: dict[tuple, int] = {}
    for s in shifts:
        by_sig.setdefault(_signature(s), s.id)
    prev = list(session.scalars(select(Shift).where(
        Shift.date >= scope.date_from - timedelta(days=7), Shift.date <= scope.date_to - timedelta(days=7))))
    match: dict[int, int] = {}
    for p in prev:
        target = None
        if p.template_id is not None and p.origin_date is not None:
            target = by_origin.get((p.template_id, p.origin_date + timedelta(days=7)))
        if target is None:
            target = by_sig.get(_signature(p, 7))
        if target is not None:
            match[p.id] = target
    out: dict[int, set[int]] = defaultdict(set)
    if match:
        for sid, vid in session.execute(
                select(Assignment.shift_id, Assignment.volunteer_id)
                .join(Shift, Shift.id == Assignment.shift_id)
                .where(Shift.date >= scope.date_from - timedelta(days=7),
                       Shift.date <= scope.date_to - timedelta(days=7),
                       Assignment.status.in_(ACTIVE_STATUSES))):
            if sid in match:
                out[match[sid]].add(vid)
    return out


# ---------------------------------------------------------------------------- propose


@dataclass(frozen=True)
class AutofillResult:
    """A proposal for a scope, with the explanation of every place left empty."""

    scope: Scope
    problem: Problem
    proposal: Proposal
    gaps: tuple[Gap, ...] = field(default=())

    def unfilled(self) -> list[tuple[Gap, int]]:
        """One entry per empty place: (gap of its shift, place number within the shift)."""
        return [(g, i) for g in self.gaps for i in range(g.open)]

    def to_json(self) -> dict:
        p = self.proposal
        outside = set(p.outside)
        return {
            "scope": self.scope.to_json(),
            "filled": p.filled, "needed": p.needed, "pinned": p.pinned,
            # each placement outside the volunteer's offered times says so (issue 18.6)
            "assignments": [{"shift_id": s, "volunteer_id": v,
                             "outside_availability": (s, v) in outside}
                            for s, v in p.assignments],
            "unfilled": [{"shift_id": g.shift_id, "reason": g.code, "pool": g.pool,
                          "counts": dict(g.counts)} for g, _ in self.unfilled()],
            "status": p.status, "seconds": round(p.seconds, 3), "cancelled": p.cancelled,
            "spread_hours": round(p.spread_minutes / 60, 2),
            "bounds": {"filled": p.filled_bound,
                       "spread_hours": round(p.spread_bound_minutes / 60, 2)},
            "greedy": {"filled": p.greedy_filled,
                       "spread_hours": round(p.greedy_spread_minutes / 60, 2)},
            "preferences": p.preferences,
            # existing duties that break a hard rule (left as they are; release them)
            "clashes": [c.to_json() for c in p.clashes],
        }


def propose(scope: Scope, problem: Problem, *, time_limit: float = DEFAULT_TIME_LIMIT,
            cancel: threading.Event | None = None,
            progress: Callable[[Progress], None] | None = None) -> AutofillResult:
    """Solve and explain; touches no database. Existing duties that break a hard rule
    are in ``proposal.clashes``: reported, and the rest is filled around them."""
    proposal = solve(problem, time_limit=time_limit, cancel=cancel, progress=progress)
    return AutofillResult(scope, problem, proposal, tuple(explain(problem, proposal.assignments)))


# ---------------------------------------------------------------------------- apply / undo


@dataclass(frozen=True)
class AppliedFill:
    """An applied proposal: the batch that can be undone and how many assignments it made."""

    batch_id: int
    created: int


def apply(session: Session, result: AutofillResult) -> AppliedFill:
    """Write a proposal as one batch in the caller's unit of work.

    The scope is read again and every new assignment checked with the shared rules; if the
    roster changed so that any of them no longer holds, ConflictError ``autofill_stale``
    is raised and nothing is written.
    """
    new = list(result.proposal.assignments)
    # Hold the shifts first, so the re-check below cannot race another coordinator.
    lock_shifts(session, [sid for sid, _ in new])
    now_problem = build_problem(session, result.scope, min_rest=result.problem.min_rest)
    shift_team = {s.id: s.team_id for s in now_problem.shifts}
    for team_id in sorted({shift_team.get(sid) for sid, _ in new}, key=lambda t: (t is None, t)):
        require(session, "shifts.plan", team_id=team_id)
    if not new:
        planning_scope(session, result.scope.team_id)
    if captain_team(session) is not None:  # a captain places their own team's volunteers only
        for vid in sorted({v for _, v in new}):
            require_member(session, "shifts.plan", vid)
    bad = violations(now_problem, new)
    declined = [(s, v) for s, v in new if (s, v) in now_problem.declined]
    if bad or declined:
        raise ConflictError("autofill_stale", count=len(bad) + len(declined),
                            problems=[(v.shift_id, v.volunteer_id, v.code) for v in bad]
                            + [(s, v, "declined") for s, v in declined])
    now = local_now(session)
    p = result.proposal
    batch = AutofillBatch(created_at=now, operator=actor_of(session).name[:40],
                          date_from=result.scope.date_from, date_to=result.scope.date_to,
                          team_id=result.scope.team_id, grid_id=result.scope.grid_id,
                          needed=p.needed, filled_before=p.pinned, created_count=len(new),
                          status=p.status, seconds=round(p.seconds, 3),
                          min_rest_minutes=int(result.problem.min_rest.total_seconds()) // 60)
    session.add(batch)
    # A placement outside the times offered (allowed by the coordinator's choice in the
    # scope) records the rule it went past, as a manual override does: the planner marks it.
    # Asked of the roster as it is now (windows may have changed since the proposal).
    outside = outside_pairs(now_problem, new)
    rows = [Assignment(shift_id=sid, volunteer_id=vid, status="planned", source="autofill",
                       created_at=now,
                       overridden="outside_availability" if (sid, vid) in outside else "")
            for sid, vid in new]
    session.add_all(rows)
    session.flush()
    session.add_all([AutofillBatchAssignment(batch_id=batch.id, assignment_id=r.id) for r in rows])
    session.flush()
    return AppliedFill(batch.id, len(rows))


def outside_pairs(problem: Problem, pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The (shift_id, volunteer_id) pairs whose shift lies outside the volunteer's windows."""
    shifts = {s.id: s for s in problem.shifts}
    vols = {v.id: v for v in problem.volunteers}
    return {(sid, vid) for sid, vid in pairs if sid in shifts and vid in vols
            and not within_availability(vols[vid].facts.windows, shifts[sid].start, shifts[sid].end)}


def undo(session: Session, batch_id: int) -> int:
    """Remove every assignment an applied auto-fill made; returns how many.

    Refused (ConflictError ``autofill_undo_recorded``) once any of them is a record of
    service (checked in, completed, no-show), and for a batch already undone.
    """
    require(session, "shifts.plan")
    batch = session.get(AutofillBatch, batch_id)
    if batch is None:
        raise NotFoundError("autofill_batch_not_found", id=batch_id)
    if batch.undone_at is not None:
        raise ConflictError("autofill_already_undone", id=batch_id)
    rows = list(session.scalars(
        select(Assignment).join(AutofillBatchAssignment,
                                AutofillBatchAssignment.assignment_id == Assignment.id)
        .where(AutofillBatchAssignment.batch_id == batch_id)))
    teams = set(session.scalars(select(Shift.team_id).where(Shift.id.in_([r.shift_id for r in rows]))))
    for team_id in sorted(teams, key=lambda t: (t is None, t)) or [batch.team_id]:
        require(session, "shifts.plan", team_id=team_id)
    recorded = [r for r in rows if r.status in RECORD_STATUSES]
    if recorded:
        raise ConflictError("autofill_undo_recorded", id=batch_id, count=len(recorded))
    for r in rows:
        session.delete(r)
    batch.undone_at = local_now(session)
    session.flush()
    return len(rows)


@dataclass(frozen=True)
class BatchRow:
    """An applied auto-fill as lists show it."""

    id: int
    created_at: str
    operator: str
    date_from: date
    date_to: date
    team_id: int | None
    grid_id: int | None
    needed: int
    filled_before: int
    created_count: int
    remaining: int  # of its assignments still in place
    status: str
    undone: bool

    def to_json(self) -> dict:
        return {"id": self.id, "created_at": self.created_at, "operator": self.operator,
                "date_from": self.date_from.isoformat(), "date_to": self.date_to.isoformat(),
                "team_id": self.team_id, "grid_id": self.grid_id, "needed": self.needed,
                "filled_before": self.filled_before, "created": self.created_count,
                "remaining": self.remaining, "status": self.status, "undone": self.undone}


def list_batches(session: Session) -> list[BatchRow]:
    """Applied auto-fills, newest first (a captain's: those of their own team)."""
    require(session, "shifts.read")
    own = captain_team(session)
    remaining: dict[int, int] = defaultdict(int)
    for (bid,) in session.execute(select(AutofillBatchAssignment.batch_id)):
        remaining[bid] += 1
    out = []
    q = select(AutofillBatch).order_by(AutofillBatch.id.desc())
    if own is not None:
        q = q.where(AutofillBatch.team_id == own)
    for b in session.scalars(q):
        out.append(BatchRow(b.id, b.created_at.isoformat(timespec="minutes"), b.operator,
                            b.date_from, b.date_to, b.team_id, b.grid_id, b.needed,
                            b.filled_before, b.created_count, remaining.get(b.id, 0), b.status,
                            b.undone_at is not None))
    return out


# ---------------------------------------------------------------------------- labels


@dataclass(frozen=True)
class ShiftLabel:
    """How a shift reads in a proposal: when, what, where."""

    id: int
    date: date
    start: str
    end: str
    title: str
    duty_type: str
    team_id: int | None
    team: str
    grid_id: int | None
    grid: str
    location: str
    needed: int


@dataclass(frozen=True)
class Labels:
    """Names for the ids in a proposal (shifts, volunteers, teams), for showing it."""

    shifts: dict[int, ShiftLabel]
    volunteers: dict[int, str]
    teams: dict[int, str]


def labels(session: Session, problem: Problem) -> Labels:
    """Shift, volunteer and team names for a problem's ids."""
    require(session, "shifts.read")
    teams = dict(session.execute(select(Team.id, Team.name)).all())
    grids = dict(session.execute(select(Grid.id, Grid.name)).all())
    names = dict(session.execute(select(Volunteer.id, Volunteer.name)).all())
    ids = [s.id for s in problem.shifts]
    shifts = {}
    for s in session.scalars(select(Shift).where(Shift.id.in_(ids))) if ids else ():
        shifts[s.id] = ShiftLabel(s.id, s.date, s.start_time.strftime("%H:%M"),
                                  s.end_time.strftime("%H:%M"), s.title, s.duty_type, s.team_id,
                                  teams.get(s.team_id, ""), s.grid_id, grids.get(s.grid_id, ""),
                                  s.location, s.needed)
    wanted = {v.id for v in problem.volunteers} | {vid for _, vid in problem.pins}
    return Labels(shifts, {vid: names.get(vid, "") for vid in wanted}, teams)
