"""What the auto-fill takes and gives, as plain data: the problem (shifts, volunteers,
pins), the proposal, progress reports, and the check that the pins themselves keep the
hard rules. No solver here: the checker, the explanations and the services use these
types without loading OR-Tools.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..conflicts import MIN_REST, DutyFacts, ShiftFacts, VolunteerFacts, check

HISTORY_WEEKS = 4
# Hard conflicts of .conflicts that make a pin set unusable (soft ones were accepted by
# the coordinator when they placed the pin). Outside the windows and over a maximum are
# hard for new assignments (issue 18.6) but not listed: a duty placed before that, or
# with the coordinator's explicit choice, is no clash to release.
PIN_HARD_CODES = ("inactive", "on_leave", "not_member", "overlap", "full")


@dataclass(frozen=True)
class ShiftInput:
    """One shift to fill: interval, team, grid, headcount, and last week's holders."""

    id: int
    start: datetime
    end: datetime
    needed: int
    team_id: int | None = None
    grid_id: int | None = None
    # Volunteers who held the same weekly slot last week (continuity preference).
    last_week: frozenset[int] = frozenset()

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds()) // 60

    def facts(self, filled: int = 0) -> ShiftFacts:
        """The shift as the conflict rules see it, with ``filled`` places taken."""
        return ShiftFacts(self.id, self.start, self.end, self.team_id, self.needed, filled)


@dataclass(frozen=True)
class VolunteerInput:
    """A volunteer who might serve: rule facts, home grid, recent load, other duties.

    ``duties`` are the volunteer's place-holding assignments on shifts that are NOT part of
    the problem (another team's duty, the Sunday before, ...): they count for overlap,
    rest and the maxima. ``history_minutes`` is the duty time of the previous four weeks.
    """

    facts: VolunteerFacts
    grid_id: int | None = None
    history_minutes: int = 0
    duties: tuple[DutyFacts, ...] = ()

    @property
    def id(self) -> int:
        return self.facts.id


@dataclass(frozen=True)
class Problem:
    """Everything the solver needs, as plain data."""

    date_from: date
    date_to: date
    shifts: tuple[ShiftInput, ...]
    volunteers: tuple[VolunteerInput, ...]
    # Existing place-holding assignments (shift_id, volunteer_id) on the problem's shifts.
    pins: tuple[tuple[int, int], ...] = ()
    # Assignments a coordinator made over a hard conflict, with a reason (shift_id, volunteer_id).
    overridden: frozenset[tuple[int, int]] = frozenset()
    min_rest: timedelta = MIN_REST
    # (shift_id, volunteer_id) pairs never to propose: the volunteer cancelled that duty.
    declined: frozenset[tuple[int, int]] = frozenset()
    # Whether the coordinator chose to let the fill go outside the times volunteers
    # offered (issue 18.6). Off: availability windows are hard like leave. On: they are a
    # preference, and every placement outside them is reported (``outside_availability``).
    allow_outside_availability: bool = False

    @property
    def needed(self) -> int:
        return sum(s.needed for s in self.shifts)


@dataclass(frozen=True)
class PinProblem:
    """A pinned assignment that breaks a hard rule (without a coordinator's override)."""

    shift_id: int
    volunteer_id: int
    code: str  # one of PIN_HARD_CODES
    other_shift_id: int | None = None

    def to_json(self) -> dict:
        return {"shift_id": self.shift_id, "volunteer_id": self.volunteer_id, "code": self.code,
                "other_shift_id": self.other_shift_id}


@dataclass(frozen=True)
class Progress:
    """A progress report from the solve (called on the solving thread)."""

    phase: str  # "greedy", "coverage", "fairness", "preferences", "done"
    elapsed: float
    time_limit: float
    filled: int
    needed: int
    spread_minutes: int | None = None


@dataclass(frozen=True)
class PhaseResult:
    """How one phase of the lexicographic solve ended."""

    name: str  # "coverage", "fairness", "preferences"
    status: str  # "optimal", "feasible", "skipped" (cancelled or out of time before it ran)
    objective: float | None
    bound: float | None
    seconds: float


@dataclass(frozen=True)
class Proposal:
    """A proposed fill: the new assignments and how good they are. Nothing is written."""

    assignments: tuple[tuple[int, int], ...]  # new (shift_id, volunteer_id), sorted
    pinned: int  # places already taken by existing assignments
    filled: int  # pinned + new, counted against headcounts
    needed: int
    status: str  # "optimal" (every phase proven) or "feasible"
    seconds: float
    cancelled: bool
    spread_minutes: int
    # Proven upper bound on ``filled`` and lower bound on ``spread_minutes``.
    filled_bound: int
    spread_bound_minutes: int
    phases: tuple[PhaseResult, ...] = ()
    greedy_filled: int = 0
    greedy_spread_minutes: int = 0
    preferences: dict[str, int] = field(default_factory=dict)
    # When the returned fill was found; the rest of ``seconds`` went into proving it best.
    found_seconds: float = 0.0
    # Existing assignments that break a hard rule (a leave recorded after the duty was
    # given, a departure): reported, left as they are, and the rest of the week is filled
    # around them. Auto-fill used to refuse the whole week over one (issue 18).
    clashes: tuple[PinProblem, ...] = ()
    # New assignments outside the volunteer's availability windows (only ever non-empty
    # when the problem allows it), sorted: each is marked in every view of the proposal.
    outside: tuple[tuple[int, int], ...] = ()

    @property
    def open_places(self) -> int:
        return self.needed - self.filled


def pin_problems(problem: Problem) -> list[PinProblem]:
    """Pinned assignments that break a hard rule and carry no override (empty when usable)."""
    vols = {v.id: v for v in problem.volunteers}
    shifts = {s.id: s for s in problem.shifts}
    pinned_by_vol: dict[int, list[int]] = defaultdict(list)
    count: dict[int, int] = defaultdict(int)
    for sid, vid in problem.pins:
        pinned_by_vol[vid].append(sid)
        count[sid] += 1
    out = []
    for sid, vid in problem.pins:
        if (sid, vid) in problem.overridden:
            continue
        v, s = vols[vid], shifts[sid]
        duties = [DutyFacts(o, shifts[o].start, shifts[o].end) for o in pinned_by_vol[vid] if o != sid]
        duties += [d for d in v.duties]
        found = check(v.facts, s.facts(count[sid] - 1), duties, min_rest=problem.min_rest)
        for c in found:
            if c.code not in PIN_HARD_CODES:
                continue
            other = c.detail().get("shift_id") if c.code == "overlap" else None
            if c.code == "overlap":
                # Overlaps the coordinator accepted on the other duty do not count.
                clashing = [d for d in duties if d.start < s.end and s.start < d.end
                            and (d.shift_id, vid) not in problem.overridden]
                if not clashing:
                    continue
                other = clashing[0].shift_id
            out.append(PinProblem(sid, vid, c.code, other))
    return out

