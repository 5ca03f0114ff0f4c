"""Auto-fill of a roster with OR-Tools CP-SAT, on plain data (no database here).

Input (:class:`Problem`): the shifts of a date range, the volunteers who might serve them
(as :class:`~volunteer_app.scheduling.conflicts.VolunteerFacts` plus grid, recent load and
their other duties), and the existing place-holding assignments on those shifts, which
stay fixed ("pins").

Hard constraints are the hard rules of :mod:`.conflicts` (active, leave, team membership,
no overlap including overnight shifts, headcount) plus the rules the planner only warns
about but the solver must keep: weekly and daily maxima and the minimum rest between
duties. Pins may have been placed over such warnings; they stay, and the solver adds
nothing that would break a rule further.

The objective is lexicographic and solved in phases, each warm-started from the previous
solution with hints (the first from the greedy baseline in :mod:`.greedy`):

1. fill as many open places as possible;
2. with that coverage fixed, make the busiest and the least-busy eligible volunteers
   close: minimise max - min of the load (minutes over the planned range plus the
   previous four weeks, which the caller supplies as ``history_minutes``);
3. with coverage and spread fixed, prefer volunteers living in the shift's grid, then
   continuity (the same person in the same weekly slot as last week), then soft
   availability (weights make each criterion strictly dominate the next).

Settling coverage first matters: a single weighted objective at street-office size
spends its time trading fairness against coverage and ends with about twice the greedy
spread. On models of community size each phase is guided by linear programming as well:
coverage and preferences by the LP relaxation (searches near its optimum, then the proof
with the pairs reduced-cost fixing settles held; :mod:`.lp_relaxation`), fairness by an
LP per load window (:mod:`.spread_bound`) that proves most optimal spreads outright and
points the search at the few pairs that must change. CP-SAT alone spent most of its
time finding what the LP points at. At street size CP-SAT's portfolio does that work.
``cancel`` (an Event) stops the search at once; the best solution found so far is
returned, and the greedy solution stands in when no phase has found one yet, so a valid
proposal always comes back.
"""

from __future__ import annotations

import math
import os
import threading
import time as _time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ortools.sat.python import cp_model

from ..errors import ConflictError
from .conflicts import (
    MIN_REST,
    DutyFacts,
    ShiftFacts,
    VolunteerFacts,
    check,
    within_availability,
)
from .lp_relaxation import LP_TIME_LIMIT, AssignmentLP, PreferenceLP, held_where_agreeing
from .spread_bound import WindowLP

HISTORY_WEEKS = 4
DEFAULT_TIME_LIMIT = 30.0
# Hard conflicts of .conflicts that make a pin set unusable (soft ones were accepted by
# the coordinator when they placed the pin).
PIN_HARD_CODES = ("inactive", "on_leave", "not_member", "overlap", "full")

_EPOCH = datetime(2000, 1, 3)  # a Monday; only differences matter
_DAY = 86400


def _secs(dt: datetime) -> int:
    return int((dt - _EPOCH).total_seconds())


# ---------------------------------------------------------------------------------------
# Input and output data
# ---------------------------------------------------------------------------------------


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


class InfeasiblePins(ConflictError):
    """The existing assignments already break hard rules, so no fill can keep them all."""

    code = "autofill_pins_infeasible"

    def __init__(self, problems: list[PinProblem]) -> None:
        self.problems = list(problems)
        super().__init__(self.code, count=len(self.problems), problems=self.problems)


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

    @property
    def open_places(self) -> int:
        return self.needed - self.filled


# ---------------------------------------------------------------------------------------
# Preparation: candidates, conflicts, capacities (shared with the greedy baseline)
# ---------------------------------------------------------------------------------------


def _days_touched(start_s: int, end_s: int) -> tuple[int, int]:
    """First and last day index an interval touches (an end at midnight adds no day)."""
    return start_s // _DAY, (end_s - 1) // _DAY if end_s > start_s else start_s // _DAY


def _week_of(day_index: int) -> tuple[int, int]:
    d = _EPOCH.date() + timedelta(days=day_index)
    iso = d.isocalendar()
    return iso[0], iso[1]


class Prepared:
    """The problem turned into index arrays: who may take which open place, and what clashes.

    Built once per problem and shared by the CP-SAT model and the greedy baseline. The
    rule logic here is an integer re-implementation of :mod:`.conflicts` for speed; tests
    hold every solution against :mod:`.checker`, which uses the rules module itself.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        shifts, vols = problem.shifts, problem.volunteers
        self.shift_index = {s.id: i for i, s in enumerate(shifts)}
        self.vol_index = {v.id: i for i, v in enumerate(vols)}
        if len(self.shift_index) != len(shifts) or len(self.vol_index) != len(vols):
            raise ValueError("duplicate shift or volunteer ids in the problem")
        rest = int(problem.min_rest.total_seconds())
        self.rest = rest
        self.s_start = [_secs(s.start) for s in shifts]
        self.s_end = [_secs(s.end) for s in shifts]
        self.s_day = [st // _DAY for st in self.s_start]
        self.s_week = [_week_of(d) for d in self.s_day]
        self.s_minutes = [s.minutes for s in shifts]
        in_range = (_secs(datetime.combine(problem.date_from, datetime.min.time())) // _DAY,
                    _secs(datetime.combine(problem.date_to, datetime.min.time())) // _DAY)

        # Pins and fixed duties per volunteer.
        self.pinned_on: list[set[int]] = [set() for _ in shifts]  # shift -> volunteer indices
        fixed: list[list[tuple[int, int]]] = [[] for _ in vols]  # (start, end) seconds
        fixed_day: list[dict[int, int]] = [defaultdict(int) for _ in vols]
        fixed_week: list[dict[tuple[int, int], int]] = [defaultdict(int) for _ in vols]
        self.base_minutes = [v.history_minutes for v in vols]
        for sid, vid in problem.pins:
            if sid not in self.shift_index or vid not in self.vol_index:
                raise ValueError(f"pin ({sid}, {vid}) names an unknown shift or volunteer")
            si, vi = self.shift_index[sid], self.vol_index[vid]
            if vi in self.pinned_on[si]:
                raise ValueError(f"pin ({sid}, {vid}) given twice")
            self.pinned_on[si].add(vi)
            fixed[vi].append((self.s_start[si], self.s_end[si]))
            fixed_day[vi][self.s_day[si]] += 1
            fixed_week[vi][self.s_week[si]] += 1
            self.base_minutes[vi] += self.s_minutes[si]
        for vi, v in enumerate(vols):
            for d in v.duties:
                st, en = _secs(d.start), _secs(d.end)
                fixed[vi].append((st, en))
                fixed_day[vi][st // _DAY] += 1
                fixed_week[vi][_week_of(st // _DAY)] += 1
                if in_range[0] <= st // _DAY <= in_range[1]:
                    self.base_minutes[vi] += (en - st) // 60
        self.fixed = fixed
        self.fixed_day = fixed_day
        self.fixed_week = fixed_week
        self.pinned_count = [len(p) for p in self.pinned_on]
        self.open = [max(0, s.needed - self.pinned_count[i]) for i, s in enumerate(shifts)]

        # Candidate pairs for open places.
        by_team: dict[int, list[int]] = defaultdict(list)
        for vi, v in enumerate(vols):
            for t in v.facts.team_ids:
                by_team[t].append(vi)
        everyone = list(range(len(vols)))
        self.cands: list[list[int]] = [[] for _ in shifts]  # shift -> volunteer indices
        for si, s in enumerate(shifts):
            if self.open[si] == 0:
                continue
            pool = by_team.get(s.team_id, []) if s.team_id is not None else everyone
            st, en = self.s_start[si], self.s_end[si]
            first, last = _days_touched(st, en)
            for vi in pool:
                if self._static_ok(vi, si, st, en, first, last):
                    self.cands[si].append(vi)
        self.vol_cands: list[list[int]] = [[] for _ in vols]  # volunteer -> shift indices
        for si, cs in enumerate(self.cands):
            for vi in cs:
                self.vol_cands[vi].append(si)
        # Eligible volunteers: those with at least one open place they could take. The
        # load spread is measured over them (someone on leave all week is not "idle").
        self.eligible = [vi for vi in range(len(vols)) if self.vol_cands[vi]]
        self.pairs = [(si, vi) for si, cs in enumerate(self.cands) for vi in cs]
        # Availability depends on the weekday and times only: cache it per window set.
        self._win_id: list[int] = []
        win_ids: dict[tuple, int] = {}
        for v in vols:
            self._win_id.append(win_ids.setdefault(v.facts.windows, len(win_ids)) if v.facts.windows else -1)
        self._avail_cache: dict[tuple, bool] = {}
        self._pref_cache: dict[tuple[int, int], tuple[int, int, int]] = {}
        self._reach_cache: dict[tuple[int, int], int] = {}
        # The CP-SAT model and up to three LPs ask for the same cliques and caps.
        self._clique_cache: dict[int, list[list[int]]] = {}
        self._cap_cache: dict[int, list[tuple[list[int], int]]] = {}
        self.ub_minutes = [self._upper_load(vi) for vi in range(len(vols))]

    def _static_ok(self, vi: int, si: int, st: int, en: int, first: int, last: int) -> bool:
        v = self.problem.volunteers[vi]
        f = v.facts
        if not f.active or vi in self.pinned_on[si]:
            return False
        if self.problem.declined and (self.problem.shifts[si].id, v.id) in self.problem.declined:
            return False
        d0 = _EPOCH.date() + timedelta(days=first)
        d1 = _EPOCH.date() + timedelta(days=last)
        for lv in f.leaves:
            if lv.start <= d1 and d0 <= lv.end:
                return False
        for a, b in self.fixed[vi]:
            if self.clash(st, en, a, b):
                return False
        if f.max_per_day is not None and self.fixed_day[vi].get(self.s_day[si], 0) >= f.max_per_day:
            return False
        return not (f.max_per_week is not None
                    and self.fixed_week[vi].get(self.s_week[si], 0) >= f.max_per_week)

    def clash(self, s1: int, e1: int, s2: int, e2: int) -> bool:
        """Two duties of one person clash: they overlap or leave less than the minimum rest."""
        return s1 < e2 + self.rest and s2 < e1 + self.rest

    def cliques(self, vi: int) -> list[list[int]]:
        """Maximal sets of this volunteer's candidate shifts that pairwise clash.

        Duties stretched by the rest time form an interval graph, whose maximal cliques
        are found by one sweep; one at-most-one per clique covers every clashing pair and
        is much tighter for the LP than pairwise constraints. (Cached: do not modify.)
        """
        found = self._clique_cache.get(vi)
        if found is None:
            found = self._clique_cache[vi] = self._cliques(vi)
        return found

    def _cliques(self, vi: int) -> list[list[int]]:
        events = []
        for si in self.vol_cands[vi]:
            events.append((self.s_start[si], 1, si))
            events.append((self.s_end[si] + self.rest, 0, si))
        events.sort()  # at equal times removals (0) come before additions: half-open
        out, active, grew = [], set(), False
        for _t, kind, si in events:
            if kind == 1:
                active.add(si)
                grew = True
            else:
                if grew and len(active) > 1:
                    out.append(sorted(active))
                active.discard(si)
                grew = False
        return out

    def caps(self, vi: int) -> list[tuple[list[int], int]]:
        """(shift indices, remaining capacity) for the daily and weekly maxima of a volunteer.

        Cached: do not modify.
        """
        found = self._cap_cache.get(vi)
        if found is None:
            found = self._cap_cache[vi] = self._caps(vi)
        return found

    def _caps(self, vi: int) -> list[tuple[list[int], int]]:
        f = self.problem.volunteers[vi].facts
        out = []
        if f.max_per_day is not None:
            by_day: dict[int, list[int]] = defaultdict(list)
            for si in self.vol_cands[vi]:
                by_day[self.s_day[si]].append(si)
            for day, group in by_day.items():
                cap = f.max_per_day - self.fixed_day[vi].get(day, 0)
                if len(group) > cap:
                    out.append((group, max(0, cap)))
        if f.max_per_week is not None:
            by_week: dict[tuple[int, int], list[int]] = defaultdict(list)
            for si in self.vol_cands[vi]:
                by_week[self.s_week[si]].append(si)
            for week, group in by_week.items():
                cap = f.max_per_week - self.fixed_week[vi].get(week, 0)
                if len(group) > cap:
                    out.append((group, max(0, cap)))
        return out

    # -- measures shared by the solver, the greedy baseline and the benchmark ----------

    def pair_key(self, shift_id: int, volunteer_id: int) -> tuple[int, int]:
        return self.shift_index[shift_id], self.vol_index[volunteer_id]

    def loads(self, assignments: Iterable[tuple[int, int]]) -> list[int]:
        """Load in minutes of every volunteer (history + planned range) with new assignments."""
        load = list(self.base_minutes)
        for sid, vid in assignments:
            si, vi = self.pair_key(sid, vid)
            load[vi] += self.s_minutes[si]
        return load

    def load_unit(self) -> int:
        """The gcd of every base load and duty length: loads in this unit keep the
        solver's coefficients small and lose nothing."""
        unit = 0
        for vi in self.eligible:
            unit = math.gcd(unit, self.base_minutes[vi])
        for si, _vi in self.pairs:
            unit = math.gcd(unit, self.s_minutes[si])
        return unit or 1

    def unit_loads(self, unit: int) -> tuple[dict[int, int], dict[int, int]]:
        """Each eligible volunteer's base load and most reachable load, in ``unit``."""
        return ({vi: self.base_minutes[vi] // unit for vi in self.eligible},
                {vi: self.ub_minutes[vi] // unit for vi in self.eligible})

    def spread(self, assignments: Iterable[tuple[int, int]]) -> int:
        """Max minus min load in minutes among eligible volunteers."""
        if not self.eligible:
            return 0
        load = self.loads(assignments)
        vals = [load[vi] for vi in self.eligible]
        return max(vals) - min(vals)

    def filled(self, assignments: Iterable[tuple[int, int]]) -> int:
        """Places taken (pins count up to the headcount) with the new assignments."""
        pinned = sum(min(p, s.needed)
                     for p, s in zip(self.pinned_count, self.problem.shifts, strict=True))
        return pinned + sum(1 for _ in assignments)

    def preference_scores(self, si: int, vi: int) -> tuple[int, int, int]:
        """(in the shift's grid, held this slot last week, outside soft availability) as 0/1."""
        key = (si, vi)
        found = self._pref_cache.get(key)
        if found is not None:
            return found
        s = self.problem.shifts[si]
        v = self.problem.volunteers[vi]
        grid = int(s.grid_id is not None and v.grid_id == s.grid_id)
        cont = int(v.id in s.last_week)
        outside = 0
        if self._win_id[vi] >= 0:
            akey = (self._win_id[vi], s.start.weekday(), s.start.time(), self.s_end[si] - self.s_start[si])
            inside = self._avail_cache.get(akey)
            if inside is None:
                inside = self._avail_cache[akey] = within_availability(v.facts.windows, s.start, s.end)
            outside = int(not inside)
        found = self._pref_cache[key] = (grid, cont, outside)
        return found

    def _upper_load(self, vi: int) -> int:
        """Most minutes a volunteer could carry: base plus the most they could add.

        It tells the solver how low the least-busy volunteer's load must stay, which
        proves many fairness optima without search.
        """
        cands = self.vol_cands[vi]
        if not cands:
            return self.base_minutes[vi]
        unit = math.gcd(*(self.s_minutes[si] for si in cands)) or 1
        room = sum(self.s_minutes[si] for si in cands) // unit
        return self.base_minutes[vi] + (self.reachable(vi, unit, room).bit_length() - 1) * unit

    def reachable(self, vi: int, unit: int, room: int) -> int:
        """The loads (in ``unit`` minutes, at most ``room``) volunteer ``vi`` could add, as bits.

        Bit ``k`` is set when some set of their candidate duties that pairwise do not clash
        (rest included) and keeps the daily and weekly maxima adds exactly ``k`` units:
        interval scheduling per day under the daily cap, combined over each ISO week under
        the weekly cap; only rest across midnight is relaxed. Loads come in whole duties,
        which is what the fairness bounds (:mod:`.spread_bound`) rest on.
        """
        if room < 0:
            return 0
        # Loads only grow as duties are added, so the loads up to ``room`` are those of
        # the whole set below ``room``: computed once per volunteer and unit, then masked.
        key = (vi, unit)
        every = self._reach_cache.get(key)
        if every is None:
            most = sum(self.s_minutes[si] // unit for si in self.vol_cands[vi])
            every = self._reach_cache[key] = self._reachable(vi, unit, most)
        return every & ((1 << (room + 1)) - 1)

    def _reachable(self, vi: int, unit: int, room: int) -> int:
        f = self.problem.volunteers[vi].facts
        limit = (1 << (room + 1)) - 1
        by_day: dict[int, list[int]] = defaultdict(list)
        for si in self.vol_cands[vi]:
            if self.s_minutes[si] // unit <= room:
                by_day[self.s_day[si]].append(si)
        by_week: dict[tuple[int, int], list[list[int]]] = defaultdict(list)
        for day, group in by_day.items():
            cap = len(group)
            if f.max_per_day is not None:
                cap = min(cap, f.max_per_day - self.fixed_day[vi].get(day, 0))
            cap = max(0, cap)
            items = sorted(group, key=lambda si: self.s_end[si])
            ends = [self.s_end[si] + self.rest for si in items]
            # sets[i][c]: loads reachable with c duties among the first i (by end time).
            sets = [[1] + [0] * cap]
            for i, si in enumerate(items, start=1):
                p = i - 1
                while p > 0 and ends[p - 1] > self.s_start[si]:
                    p -= 1
                u = self.s_minutes[si] // unit
                row = list(sets[i - 1])
                for c in range(1, cap + 1):
                    row[c] |= (sets[p][c - 1] << u) & limit
                sets.append(row)
            by_week[_week_of(day)].append(sets[-1])
        total = 1
        for week, days in by_week.items():
            k = sum(len(d) - 1 for d in days)
            if f.max_per_week is not None:
                k = min(k, max(0, f.max_per_week - self.fixed_week[vi].get(week, 0)))
            counts = [1] + [0] * k  # counts[c]: loads reachable with c duties this week
            for day in days:
                nxt = [0] * (k + 1)
                for c, have in enumerate(counts):
                    if have:
                        for j, add in enumerate(day[:k - c + 1]):
                            if add:
                                nxt[c + j] |= _bit_sums(have, add, limit)
                counts = nxt
            week_loads = 0
            for have in counts:
                week_loads |= have
            total = _bit_sums(total, week_loads, limit)
        return total

    def preference_counts(self, assignments: Iterable[tuple[int, int]]) -> dict[str, int]:
        """How many new assignments are in the home grid, continue last week, break availability."""
        g = c = o = 0
        for sid, vid in assignments:
            a, b, d = self.preference_scores(*self.pair_key(sid, vid))
            g, c, o = g + a, c + b, o + d
        return {"home_grid": g, "continuity": c, "outside_availability": o}


def _bit_sums(a: int, b: int, limit: int) -> int:
    """The sum set of two bit sets (bit k set when some i in a and j in b have i + j = k)."""
    out, shift = 0, 0
    while b:
        if b & 1:
            out |= a << shift
        b >>= 1
        shift += 1
    return out & limit


class _Roster:
    """A mutable fill (new assignments only) for local search, kept consistent with the rules.

    Local search finds what CP-SAT's own neighbourhoods rarely do: the least-busy
    volunteers need *coordinated* moves (one person takes a duty from a busier one who
    takes another in turn), and max - min only improves when every volunteer at the
    minimum moves. Its results are hints; CP-SAT proves (or improves) them.
    """

    def __init__(self, prep: Prepared, pairs: Iterable[tuple[int, int]],
                 cancel: threading.Event | None = None) -> None:
        self.prep = prep
        self.cancel = cancel or threading.Event()
        self.facts = [v.facts for v in prep.problem.volunteers]
        self.cand = [set(c) for c in prep.cands]
        self.by_shift: list[set[int]] = [set() for _ in prep.problem.shifts]
        self.by_vol: list[set[int]] = [set() for _ in prep.problem.volunteers]
        self.load = list(prep.base_minutes)
        self.day = [defaultdict(int, d) for d in prep.fixed_day]
        self.week = [defaultdict(int, w) for w in prep.fixed_week]
        self.open = list(prep.open)
        for si, vi in pairs:
            self.add(si, vi)

    def _over(self, deadline: float) -> bool:
        return self.cancel.is_set() or _time.monotonic() >= deadline

    def pairs(self) -> list[tuple[int, int]]:
        return [(si, vi) for si, vs in enumerate(self.by_shift) for vi in vs]

    def add(self, si: int, vi: int) -> None:
        p = self.prep
        self.by_shift[si].add(vi)
        self.by_vol[vi].add(si)
        self.load[vi] += p.s_minutes[si]
        self.day[vi][p.s_day[si]] += 1
        self.week[vi][p.s_week[si]] += 1
        self.open[si] -= 1

    def remove(self, si: int, vi: int) -> None:
        p = self.prep
        self.by_shift[si].discard(vi)
        self.by_vol[vi].discard(si)
        self.load[vi] -= p.s_minutes[si]
        self.day[vi][p.s_day[si]] -= 1
        self.week[vi][p.s_week[si]] -= 1
        self.open[si] += 1

    def can_take(self, vi: int, si: int, drop: int | None = None) -> bool:
        """Whether ``vi`` may take ``si`` (headcount aside), after giving up ``drop``."""
        if vi not in self.cand[si] or si in self.by_vol[vi]:
            return False
        p = self.prep
        st, en = p.s_start[si], p.s_end[si]
        for other in self.by_vol[vi]:
            if other != drop and p.clash(st, en, p.s_start[other], p.s_end[other]):
                return False
        f = self.facts[vi]
        if f.max_per_day is not None:
            n = self.day[vi][p.s_day[si]] - (drop is not None and p.s_day[drop] == p.s_day[si])
            if n >= f.max_per_day:
                return False
        if f.max_per_week is not None:
            n = self.week[vi][p.s_week[si]] - (drop is not None and p.s_week[drop] == p.s_week[si])
            if n >= f.max_per_week:
                return False
        return True

    # -- fairness ---------------------------------------------------------------------

    def raise_floor(self, ceiling: int, deadline: float) -> None:
        """Lift the least-busy eligible volunteers as long as all of them can be lifted."""
        eligible = self.prep.eligible
        while not self._over(deadline):
            floor = min(self.load[vi] for vi in eligible)
            lows = [vi for vi in eligible if self.load[vi] == floor]
            for vi in lows:
                if self.load[vi] == floor and not self._lift(vi, floor, ceiling):
                    return  # this one cannot be lifted: the minimum stays
                if self._over(deadline):
                    return

    def lower_ceiling(self, base_max: int, deadline: float) -> None:
        """Relieve the busiest eligible volunteers while they carry more than the largest
        base load (below that the maximum cannot go)."""
        eligible = self.prep.eligible
        while not self._over(deadline):
            top = max(self.load[vi] for vi in eligible)
            if top <= base_max:
                return
            for vi in [v for v in eligible if self.load[v] == top]:
                if self.load[vi] == top and not self._relieve(vi, top):
                    return
                if self._over(deadline):
                    return

    def _relieve(self, vi: int, top: int) -> bool:
        """Take one duty off ``vi``: give it to someone who stays below ``top``, or swap it
        for a shorter duty of theirs."""
        p = self.prep
        mins = p.s_minutes
        for si in sorted(self.by_vol[vi], key=lambda s: -mins[s]):
            takers = [w for w in p.cands[si]
                      if w != vi and self.load[w] + mins[si] < top and self.can_take(w, si)]
            if takers:
                w = min(takers, key=lambda w: self.load[w])
                self.remove(si, vi)
                self.add(si, w)
                return True
            for w in p.cands[si]:
                if w == vi:
                    continue
                for s2 in list(self.by_vol[w]):
                    gain = mins[si] - mins[s2]
                    if gain <= 0 or self.load[w] + gain >= top or vi not in self.cand[s2]:
                        continue
                    if self.can_take(w, si, drop=s2) and self.can_take(vi, s2, drop=si):
                        self.remove(si, vi)
                        self.remove(s2, w)
                        self.add(si, w)
                        self.add(s2, vi)
                        return True
        return False

    def balance(self, base_max: int, deadline: float) -> None:
        """Alternate lowering the busiest and lifting the least busy until neither moves."""
        eligible = self.prep.eligible
        last = None
        while not self._over(deadline):
            self.lower_ceiling(base_max, deadline)
            self.raise_floor(max(self.load[v] for v in eligible), deadline)
            now = (max(self.load[v] for v in eligible), min(self.load[v] for v in eligible))
            if now == last:
                return
            last = now

    def _lift(self, vi: int, floor: int, ceiling: int) -> bool:
        """Give ``vi`` one more duty: an open place, one from a busier volunteer, or one
        from a volunteer who in turn takes a duty from someone busier (a chain of two)."""
        p = self.prep
        mins = p.s_minutes
        options = [si for si in p.vol_cands[vi]
                   if self.load[vi] + mins[si] <= ceiling and self.can_take(vi, si)]
        options.sort(key=lambda si: -mins[si])
        for si in options:
            if self.open[si] > 0:
                self.add(si, vi)
                return True
        best = None
        for si in options:
            for u in self.by_shift[si]:
                if self.load[u] - mins[si] > floor and (best is None or self.load[u] > best[0]):
                    best = (self.load[u], si, u)
        if best is not None:
            _, si, u = best
            self.remove(si, u)
            self.add(si, vi)
            return True
        for si in options:
            for u in list(self.by_shift[si]):
                for s2 in p.vol_cands[u]:
                    if s2 == si:
                        continue
                    after = self.load[u] - mins[si] + mins[s2]
                    if after <= floor or after > ceiling or not self.can_take(u, s2, drop=si):
                        continue
                    if self.open[s2] > 0:
                        giver = None
                    else:
                        givers = [w for w in self.by_shift[s2] if w != vi
                                  and self.load[w] - mins[s2] > floor]
                        if not givers:
                            continue
                        giver = max(givers, key=lambda w: self.load[w])
                    self.remove(si, u)
                    self.add(si, vi)
                    if giver is not None:
                        self.remove(s2, giver)
                    if self.can_take(u, s2):
                        self.add(s2, u)
                        return True
                    # Taking si changed nothing for u's other duties, so this cannot
                    # happen; undo defensively all the same.
                    if giver is not None:
                        self.add(s2, giver)
                    self.remove(si, vi)
                    self.add(si, u)
        return self._upgrade(vi, floor, ceiling)

    def _upgrade(self, vi: int, floor: int, ceiling: int) -> bool:
        """Trade one of ``vi``'s duties for a longer one (for someone at a weekly or daily
        cap): swap with the longer duty's holder, or hand the short duty to a third person."""
        p = self.prep
        mins = p.s_minutes
        for old in sorted(self.by_vol[vi], key=lambda si: mins[si]):
            for si in sorted(p.vol_cands[vi], key=lambda si: -mins[si]):
                gain = mins[si] - mins[old]
                if gain <= 0 or self.load[vi] + gain > ceiling \
                        or not self.can_take(vi, si, drop=old):
                    continue
                for u in list(self.by_shift[si]):
                    if self.load[u] - gain > floor and self.can_take(u, old, drop=si):
                        self.remove(si, u)
                        self.remove(old, vi)
                        self.add(si, vi)
                        self.add(old, u)
                        return True
                holders = [u for u in self.by_shift[si] if self.load[u] - mins[si] > floor]
                if self.open[si] <= 0 and not holders:
                    continue
                for x in p.cands[old]:
                    if x == vi or self.load[x] + mins[old] > ceiling or not self.can_take(x, old):
                        continue
                    self.remove(old, vi)
                    self.add(old, x)
                    if self.open[si] <= 0:
                        self.remove(si, max(holders, key=lambda u: self.load[u]))
                    if self.can_take(vi, si):
                        self.add(si, vi)
                        return True
                    raise AssertionError("local search lost track of a volunteer's duties")
        return False

    # -- preferences ------------------------------------------------------------------

    def improve(self, weight: Callable[[int, int], int], low: int, high: int,
                deadline: float) -> None:
        """Swap volunteers to raise the preference score; every load stays in [low, high]."""
        p = self.prep
        mins = p.s_minutes
        eligible = set(p.eligible)

        def fits(vi: int, delta: int) -> bool:
            return vi not in eligible or low <= self.load[vi] + delta <= high

        improved = True
        while improved and not self._over(deadline):
            improved = False
            for si in range(len(self.by_shift)):
                for u in list(self.by_shift[si]):
                    if u not in self.by_shift[si]:
                        continue
                    mine = weight(si, u)
                    better = [w for w in p.cands[si] if weight(si, w) > mine]
                    better.sort(key=lambda w: -weight(si, w))
                    for w in better:
                        # Straight replacement.
                        if fits(u, -mins[si]) and fits(w, mins[si]) and self.can_take(w, si):
                            self.remove(si, u)
                            self.add(si, w)
                            improved = True
                            break
                        # Swap: w gives one of their duties to u.
                        done = False
                        for s2 in list(self.by_vol[w]):
                            if u not in self.cand[s2]:
                                continue
                            gain = weight(si, w) + weight(s2, u) - mine - weight(s2, w)
                            if gain <= 0:
                                continue
                            du, dw = mins[s2] - mins[si], mins[si] - mins[s2]
                            if not (fits(u, du) and fits(w, dw)):
                                continue
                            if not (self.can_take(w, si, drop=s2) and self.can_take(u, s2, drop=si)):
                                continue
                            self.remove(si, u)
                            self.remove(s2, w)
                            self.add(si, w)
                            self.add(s2, u)
                            done = improved = True
                            break
                        if done:
                            break
                        # Hand-off: w passes one duty to a third volunteer x, then takes si.
                        if not fits(u, -mins[si]):
                            continue
                        for s2 in list(self.by_vol[w]):
                            dw = mins[si] - mins[s2]
                            if not fits(w, dw) or not self.can_take(w, si, drop=s2):
                                continue
                            base_gain = weight(si, w) - mine - weight(s2, w)
                            for x in p.cands[s2]:
                                if x in (u, w) or not fits(x, mins[s2]):
                                    continue
                                if base_gain + weight(s2, x) <= 0 or not self.can_take(x, s2):
                                    continue
                                self.remove(s2, w)
                                self.add(s2, x)
                                self.remove(si, u)
                                self.add(si, w)
                                done = improved = True
                                break
                            if done:
                                break
                        if done:
                            break
                if self._over(deadline):
                    return


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


# ---------------------------------------------------------------------------------------
# The solve
# ---------------------------------------------------------------------------------------


def default_workers(pairs: int) -> int:
    """Search workers for a model of this many candidate pairs.

    Small models are proven fastest by one or two LP-driven workers; big ones need CP-SAT's
    portfolio (large neighbourhood search finds the improvements), even on two cores.
    """
    if pairs < SMALL_MODEL:
        return 1
    return max(4, min(8, os.cpu_count() or 1))


SMALL_MODEL = 30_000  # candidate pairs


class _Watch(cp_model.CpSolverSolutionCallback):
    """Reports each improving solution; stops the search when asked to cancel."""

    def __init__(self, on_solution: Callable[[float], None], cancel: threading.Event,
                 stop_at: Callable[[float, float], bool] | None = None) -> None:
        super().__init__()
        self._on_solution = on_solution
        self._cancel = cancel
        self._stop_at = stop_at
        self.reached = False
        self.best: float | None = None
        self.found_at = _time.monotonic()

    def on_solution_callback(self) -> None:
        obj = self.best = self.objective_value
        self.found_at = _time.monotonic()
        if self._stop_at is not None and self._stop_at(obj, self.best_objective_bound):
            self.reached = True
            self.stop_search()
        if self._cancel.is_set():
            self.stop_search()
        self._on_solution(obj)


class _Solver:
    """One lexicographic solve: a CP-SAT model re-solved phase by phase with new objectives."""

    def __init__(self, prep: Prepared, *, time_limit: float, cancel: threading.Event,
                 progress: Callable[[Progress], None] | None, workers: int | None,
                 seed: int) -> None:
        self.prep = prep
        self.time_limit = time_limit
        self.cancel = cancel
        self.progress = progress
        self.workers = workers or default_workers(len(prep.pairs))
        self.seed = seed
        self.t0 = _time.monotonic()
        self.found_at = self.t0  # when the current best fill was found
        self.needed = prep.problem.needed
        self.pinned = prep.filled(())
        self.model = cp_model.CpModel()
        self.x = [self.model.new_bool_var("") for _ in prep.pairs]
        # Community size: LPs guide the phases. Street size: CP-SAT's portfolio, where the
        # LPs would cost more than they save.
        self.small = len(self.x) < SMALL_MODEL
        self._build()

    def elapsed(self) -> float:
        return _time.monotonic() - self.t0

    def _report(self, phase: str, filled: int, spread: int | None = None) -> None:
        if self.progress is not None:
            self.progress(Progress(phase, self.elapsed(), self.time_limit, filled, self.needed,
                                   spread))

    def _build(self) -> None:
        prep, m, x = self.prep, self.model, self.x
        lin = cp_model.LinearExpr
        by_shift: dict[int, list[int]] = defaultdict(list)
        by_vol: dict[int, list[int]] = defaultdict(list)
        var_of: dict[tuple[int, int], int] = {}
        for k, (si, vi) in enumerate(prep.pairs):
            by_shift[si].append(k)
            by_vol[vi].append(k)
            var_of[(si, vi)] = k
        self.var_of = var_of
        for si, ks in by_shift.items():
            if len(ks) > prep.open[si]:
                m.add(lin.sum([x[k] for k in ks]) <= prep.open[si])
        for vi in by_vol:
            for clique in prep.cliques(vi):
                m.add_at_most_one([x[var_of[(si, vi)]] for si in clique])
            for group, cap in prep.caps(vi):
                m.add(lin.sum([x[var_of[(si, vi)]] for si in group]) <= cap)
        self.total = lin.sum(x)

        self.unit = unit = prep.load_unit()
        base, ub = prep.unit_loads(unit)
        # The busiest carries at least the largest base; the least busy at most the smallest
        # upper bound. Only volunteers who can cross those lines need linking to max / min.
        self.t_hi = t_hi = max(base.values())
        self.t_lo = t_lo = min(ub.values())
        short_to = min(t_lo, t_hi)
        self.max_load = m.new_int_var(t_hi, max(ub.values()), "max_load")
        self.min_load = m.new_int_var(min(base.values()), t_lo, "min_load")
        self.loads: dict[int, cp_model.IntVar] = {}
        self.short: dict[int, cp_model.IntVar] = {}
        self.over: dict[int, cp_model.IntVar] = {}
        for vi in prep.eligible:
            to_max, to_min = ub[vi] > t_hi, base[vi] < t_lo
            if not (to_max or to_min):
                continue
            load = self.loads[vi] = m.new_int_var(base[vi], ub[vi], "")
            ks = by_vol[vi]
            m.add(load == base[vi] + lin.weighted_sum([x[k] for k in ks],
                                                      [prep.s_minutes[prep.pairs[k][0]] // unit
                                                       for k in ks]))
            if to_max:
                m.add(self.max_load >= load)
                over = self.over[vi] = m.new_int_var(0, ub[vi] - t_hi, "")
                m.add(over >= load - t_hi)
            if to_min:
                m.add(self.min_load <= load)
                if base[vi] < short_to:
                    short = self.short[vi] = m.new_int_var(0, short_to - base[vi], "")
                    m.add(short >= short_to - load)
        self.short_to = short_to
        self.spread_expr = self.max_load - self.min_load
        # Shortfall below the floor and excess over the ceiling, summed: a secondary fairness
        # term that gives the search a slope (max - min alone only moves when every
        # volunteer at the extreme moves at once). One unit of spread outweighs all of it.
        self.deviation = lin.sum(list(self.short.values()) + list(self.over.values()))
        self.dev_weight = sum(short_to - base[vi] for vi in self.short) + \
            sum(ub[vi] - t_hi for vi in self.over) + 1

        # Preferences, strictly ordered: one grid match outweighs every continuity match,
        # which outweighs every availability miss (each count is at most the open places).
        n = self.pref_step = sum(prep.open) + 1
        self.weights = []
        for si, vi in prep.pairs:
            g, c, o = prep.preference_scores(si, vi)
            self.weights.append(g * n * n + c * n - o)

    # -- values of a candidate solution (list of chosen pair indices) ------------------

    def _load_units(self, chosen: list[int]) -> dict[int, int]:
        prep = self.prep
        load = {vi: prep.base_minutes[vi] // self.unit for vi in prep.eligible}
        for k in chosen:
            si, vi = prep.pairs[k]
            load[vi] += prep.s_minutes[si] // self.unit
        return load

    def _spread_units(self, chosen: list[int]) -> int:
        loads = self._load_units(chosen).values()
        return max(loads) - min(loads)

    def _deviation(self, chosen: list[int]) -> int:
        load = self._load_units(chosen)
        return (sum(max(0, self.short_to - load[vi]) for vi in self.short)
                + sum(max(0, load[vi] - self.t_hi) for vi in self.over))

    def _balance(self, chosen: list[int]) -> int:
        return self._spread_units(chosen) * self.dev_weight + self._deviation(chosen)

    def _pref(self, chosen: list[int]) -> int:
        return sum(self.weights[k] for k in chosen)

    def _hint(self, chosen: list[int]) -> None:
        """A complete hint: every variable, so CP-SAT starts from a known feasible solution."""
        self.model.clear_hints()
        hint = self.model.proto.solution_hint
        on = set(chosen)
        hint.vars.extend(var.index for var in self.x)
        hint.values.extend(1 if k in on else 0 for k in range(len(self.x)))
        load = self._load_units(chosen)
        values = load.values()
        pairs = [(self.max_load, max(values)), (self.min_load, min(min(values), self.t_lo))]
        pairs += [(var, load[vi]) for vi, var in self.loads.items()]
        pairs += [(var, max(0, self.short_to - load[vi])) for vi, var in self.short.items()]
        pairs += [(var, max(0, load[vi] - self.t_hi)) for vi, var in self.over.items()]
        hint.vars.extend(var.index for var, _ in pairs)
        hint.values.extend(val for _, val in pairs)

    def _phase(self, name: str, budget: float, hint: list[int],
               score: Callable[[list[int]], float], maximize: bool,
               stop_at: Callable[[float, float], bool] | None = None, follow_hint: bool = True,
               ) -> tuple[list[int], PhaseResult]:
        """Solve the model as it stands; keep the hint when the solver finds nothing better.

        ``follow_hint=False`` skips CP-SAT's first dive along the hint (it still starts
        from the hint as a solution): on a model whose LP is nearly integral, diving from
        the LP finds better fills sooner.
        """
        t = _time.monotonic()
        if self.cancel.is_set() or budget <= 0.05:
            return hint, PhaseResult(name, "skipped", score(hint), None, 0.0)
        self._hint(hint)
        solver = cp_model.CpSolver()
        p = solver.parameters
        p.max_time_in_seconds = budget
        p.num_workers = self.workers
        p.random_seed = self.seed
        # Re-solving the same model with a complete hint: presolve (and symmetry detection)
        # cost more than they save at every size measured; at street size presolve alone
        # outlasts a 30 s limit.
        p.cp_model_presolve = False
        p.symmetry_level = 0
        if not follow_hint:
            p.hint_conflict_limit = 0

        def seen(obj: float) -> None:
            if name == "coverage":
                self._report(name, self.pinned + int(round(obj)))
            elif name == "fairness":
                self._report(name, self.best_filled,
                             int(obj // self.dev_weight) * self.unit)
            else:
                self._report(name, self.best_filled, self.best_spread * self.unit)

        watch = _Watch(seen, self.cancel, stop_at)
        stop = threading.Event()
        if stop_at is not None:
            # The bound also moves between solutions: stop as soon as what matters is proven.
            def on_bound(bound: float) -> None:
                if watch.best is not None and not watch.reached and stop_at(watch.best, bound):
                    watch.reached = True
                    solver.stop_search()

            solver.best_bound_callback = on_bound

        def watcher() -> None:  # a solution callback alone would miss cancels between solutions
            while not stop.wait(0.05):
                if self.cancel.is_set():
                    solver.stop_search()
                    return

        thread = threading.Thread(target=watcher, name="autofill-cancel", daemon=True)
        thread.start()
        try:
            status = solver.solve(self.model, watch)
        finally:
            stop.set()
            thread.join()
        seconds = _time.monotonic() - t
        if status == cp_model.INFEASIBLE:  # only a model with fixed pairs can be
            return hint, PhaseResult(name, "infeasible", score(hint), None, seconds)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return hint, PhaseResult(name, "feasible", score(hint), None, seconds)
        chosen = self._values(solver)
        worse = score(chosen) < score(hint) if maximize else score(chosen) > score(hint)
        if worse:
            chosen = hint
        elif score(chosen) != score(hint):
            self.found_at = watch.found_at
        state = "optimal" if status == cp_model.OPTIMAL or watch.reached else "feasible"
        return chosen, PhaseResult(name, state, score(chosen), solver.best_objective_bound, seconds)

    @contextmanager
    def _fixed(self, values: dict[int, int]) -> Iterator[None]:
        """Pairs fixed to 0 or 1 for the solves inside the block (by their domains)."""
        variables = self.model.proto.variables  # each .proto builds a new wrapper
        domains = [variables[self.x[k].index].domain for k in values]
        for domain, v in zip(domains, values.values(), strict=True):
            domain[0] = domain[1] = v
        try:
            yield
        finally:
            for domain in domains:
                domain[0], domain[1] = 0, 1

    def _descend(self, lp: WindowLP, chosen: list[int], deadline: float
                 ) -> tuple[list[int], bool]:
        """Lower the spread a unit at a time, each step guided by the window LP.

        For a target one below the incumbent's spread, each load window the LP finds
        feasible gives the fractional fill nearest to the incumbent; CP-SAT then searches
        only the pairs where the two differ (typically a few dozen of thousands), holding
        the rest. When no window is feasible the incumbent's spread is proven optimal
        (True). Stops (False) when no window's neighbourhood reaches the target.
        """
        w = self.dev_weight
        self.model.minimize(self.spread_expr * w + self.deviation)
        while not self.cancel.is_set() and _time.monotonic() < deadline:
            target = self._spread_units(chosen) - 1
            feasible = improved = False
            for values in lp.windows(target, toward=chosen):
                feasible = True
                if not values or self.cancel.is_set():
                    break  # the LP ran out of time: it cannot tell
                with self._fixed(held_where_agreeing(values, chosen)):
                    found, _ph = self._phase(
                        "fairness", min(deadline - _time.monotonic(), self._share(0.1)),
                        chosen, self._balance, False,
                        stop_at=lambda obj, bound: int(obj + 0.5) // w
                        <= int(math.floor(bound + 1e-6)) // w)
                if self._spread_units(found) <= target:
                    chosen, improved = found, True
                    break
            if not feasible:
                return chosen, True
            if not improved:
                break
        return chosen, False

    def _guidable(self, budget: float) -> bool:
        """Whether a phase with ``budget`` seconds runs LP-guided (:meth:`_guided`)."""
        return self.small and budget > 0.05 and not self.cancel.is_set()

    def _guided(self, name: str, lp: AssignmentLP, weights: list[int], chosen: list[int],
                score: Callable[[list[int]], int], budget: float, nears: tuple[float, ...]
                ) -> tuple[list[int], PhaseResult]:
        """Maximise ``weights · x`` (the model's objective) on a small model, guided by its LP.

        CP-SAT alone spends most of such a phase finding the optimum: its single worker
        proves the LP bound within a fraction of a second but walks from the hint slowly.
        So: one LP solve; searches among the pairs where the LP and the incumbent disagree
        or the LP is (nearly) indifferent, the rest held, which land on or next to the
        optimum; then the proof on the full model minus the pairs that reduced-cost fixing
        settles for every better fill. The LP bound is recomputed from its duals in plain
        arithmetic (:mod:`.lp_relaxation`), so it is a proof whatever GLOP's tolerances.
        """
        t = _time.monotonic()
        deadline = t + budget
        lp.time_limit = min(LP_TIME_LIMIT, budget / 4)
        guide = lp.maximize(weights)
        if guide is None or self.cancel.is_set():
            return self._phase(name, deadline - _time.monotonic(), chosen, score, True)
        # Each entry of ``nears`` is one search, held where flipping a pair costs the LP
        # more than that; later ones are wider and run only while the LP proves nothing.
        for near in nears:
            if guide.proves(score(chosen)) or self.cancel.is_set():
                break
            with self._fixed(guide.neighbourhood(chosen, near)):
                chosen, _near = self._phase(
                    name, (deadline - _time.monotonic()) * 0.3, chosen, score, True,
                    stop_at=lambda obj, _bound: guide.proves(int(round(obj))),
                    follow_hint=False)
        best = score(chosen)
        if guide.proves(best):
            return chosen, PhaseResult(name, "optimal", best, best, _time.monotonic() - t)
        with self._fixed(guide.fixings(best)):
            chosen, ph = self._phase(name, deadline - _time.monotonic(), chosen, score, True,
                                     follow_hint=False)
        best = score(chosen)
        # Fills outside the fixings score at most ``best``: the restricted answer is global.
        if ph.status in ("optimal", "infeasible"):
            return chosen, PhaseResult(name, "optimal", best, best, _time.monotonic() - t)
        bound = guide.bound if ph.bound is None else min(guide.bound, max(best, ph.bound))
        return chosen, PhaseResult(name, ph.status, best, bound, _time.monotonic() - t)

    def _share(self, fraction: float) -> float:
        """Seconds for a step: a fraction of the time that is left."""
        return max(0.0, (self.time_limit - self.elapsed()) * fraction)

    def _local(self, chosen: list[int], search: Callable[[_Roster], None],
               cost: Callable[[list[int]], float]) -> list[int]:
        """Run a local search from ``chosen``; keep its result only if it is no worse."""
        if self.cancel.is_set():
            return chosen
        roster = _Roster(self.prep, [self.prep.pairs[k] for k in chosen], self.cancel)
        search(roster)
        found = sorted(self.var_of[pair] for pair in roster.pairs())
        better = len(found) > len(chosen) or (len(found) == len(chosen)
                                              and cost(found) <= cost(chosen))
        if not better:
            return chosen
        if found != chosen:
            self.found_at = _time.monotonic()
        return found

    def _values(self, solver: cp_model.CpSolver) -> list[int]:
        return [k for k, var in enumerate(self.x) if solver.boolean_value(var)]

    def run(self, greedy: list[int]) -> tuple[list[int], list[PhaseResult]]:
        prep, m = self.prep, self.model
        phases = []
        chosen = greedy
        self.best_filled = self.pinned + len(chosen)
        self.best_spread = self._spread_units(chosen)

        # Phase 1: coverage. Greedy often already fills every place anyone could take.
        trivial = sum(min(prep.open[si], len(prep.cands[si])) for si in range(len(prep.open)))
        if len(chosen) >= trivial:
            phases.append(PhaseResult("coverage", "optimal", len(chosen), trivial, 0.0))
            self.coverage_bound = trivial
        else:
            m.maximize(self.total)
            budget = self.time_limit * 0.3 - self.elapsed()
            if self._guidable(budget):
                lp = AssignmentLP(prep, 0)
                # Coverage weighs every pair alike, so its LP is indifferent to most of
                # them: hold every pair where the LP and the incumbent agree.
                chosen, ph = self._guided("coverage", lp, [1] * len(self.x), chosen, len,
                                          budget, nears=(-1.0,))
            else:
                chosen, ph = self._phase("coverage", budget, chosen, len, True)
            phases.append(ph)
            bound = trivial if ph.bound is None else min(trivial, int(math.floor(ph.bound + 1e-6)))
            self.coverage_bound = len(chosen) if ph.status == "optimal" else max(bound, len(chosen))
        covered = len(chosen)
        self.best_filled = self.pinned + covered
        m.add(self.total >= covered)

        # Phase 2: fairness. The spread can never go below the floor (largest base load
        # minus smallest upper bound): reaching it proves the optimum without more search.
        # ``lower`` is the best proven lower bound on the spread so far.
        lower = floor_spread = max(0, self.t_hi - self.t_lo)
        self.spread_bound = floor_spread
        if self._spread_units(chosen) > floor_spread:
            base_max = self.t_hi * self.unit
            chosen = self._local(chosen, lambda r: r.balance(
                base_max, _time.monotonic() + self._share(0.2)), self._balance)
            if len(chosen) > covered:  # lifting used open places nobody had taken
                covered = len(chosen)
                self.best_filled = self.pinned + covered
                m.add(self.total >= covered)
        spread = self._spread_units(chosen)
        t = _time.monotonic()
        window_lp = None
        if spread > floor_spread and self.small and not self.cancel.is_set():
            window_lp = WindowLP(prep, self.unit, covered)
        if spread <= floor_spread:
            phases.append(PhaseResult("fairness", "optimal", floor_spread, floor_spread, 0.0))
            proven = True
        elif window_lp is not None:
            chosen, proven = self._descend(window_lp, chosen,
                                           _time.monotonic() + self._share(0.3))
            spread = self._spread_units(chosen)
            if proven:
                self.spread_bound = spread
                phases.append(PhaseResult("fairness", "optimal", spread, spread,
                                          _time.monotonic() - t))
        else:
            proven = False
        if not proven:
            # The LP still bounds the spread from below: CP-SAT may stop on reaching it.
            if window_lp is not None:
                lower = window_lp.lower_bound(spread - 1, _time.monotonic() + self._share(0.1))
            self.spread_bound = lower
            m.minimize(self.spread_expr * self.dev_weight + self.deviation)
            budget = (self.time_limit - self.elapsed()) * 0.6
            w = self.dev_weight
            # Only the spread must be optimal; the shortfall term just guides the search.
            chosen, ph = self._phase(
                "fairness", budget, chosen, self._balance, False,
                stop_at=lambda obj, bound: int(obj + 0.5) // w <= max(
                    lower, int(math.floor(bound + 1e-6)) // w))
            spread = self._spread_units(chosen)
            status = "optimal" if ph.status == "optimal" or spread <= lower else ph.status
            if status == "optimal":
                self.spread_bound = spread
            elif ph.bound is not None:
                self.spread_bound = max(lower, int(ph.bound + 1e-6) // w)
            phases.append(PhaseResult("fairness", status, spread, self.spread_bound,
                                      _time.monotonic() - t))
        self.best_spread = self._spread_units(chosen)
        m.add(self.spread_expr <= self.best_spread)

        # Phase 3: preferences (grid, then continuity, then availability).
        if any(self.weights):
            loads = [v * self.unit for v in self._load_units(chosen).values()]
            low, high = min(loads), max(loads)
            weights = dict(zip(self.prep.pairs, self.weights, strict=True))
            chosen = self._local(chosen, lambda r: r.improve(
                lambda si, vi: weights[(si, vi)], low, high,
                _time.monotonic() + self._share(0.3)), lambda c: -self._pref(c))
            m.maximize(lin_weighted(self.x, self.weights))
            # CP-SAT needs a moment to stop its workers on a big model: keep a margin.
            margin = 0.0 if self.small else 0.03 * self.time_limit
            budget = self.time_limit - self.elapsed() - margin
            if self._guidable(budget):
                lp = PreferenceLP(prep, self.unit, len(chosen), self.best_spread)
                # Held where flipping costs the LP more than one step of the next
                # criterion (measured: tighter first searches cost more than they save).
                chosen, ph = self._guided("preferences", lp, self.weights, chosen, self._pref,
                                          budget, nears=(self.pref_step,))
            else:
                chosen, ph = self._phase("preferences", budget, chosen, self._pref, True)
            phases.append(ph)
        self._report("done", self.pinned + len(chosen), self._spread_units(chosen) * self.unit)
        return chosen, phases


def lin_weighted(variables: list, weights: list[int]) -> cp_model.LinearExpr:
    """Sum of weight * variable over the non-zero weights."""
    pairs = [(v, w) for v, w in zip(variables, weights, strict=True) if w]
    return cp_model.LinearExpr.weighted_sum([v for v, _ in pairs], [w for _, w in pairs])


def solve(problem: Problem, *, time_limit: float = DEFAULT_TIME_LIMIT,
          cancel: threading.Event | None = None,
          progress: Callable[[Progress], None] | None = None,
          workers: int | None = None, seed: int = 0) -> Proposal:
    """Fill the open places of ``problem``; raises :class:`InfeasiblePins` when pins break rules.

    Blocks for at most about ``time_limit`` seconds (model building comes on top). Run it
    off the UI thread; ``cancel.set()`` from any thread returns the best solution so far.
    """
    from .greedy import greedy_fill  # greedy builds on Prepared from this module

    t0 = _time.monotonic()
    cancel = cancel or threading.Event()
    bad = pin_problems(problem)
    if bad:
        raise InfeasiblePins(bad)
    prep = Prepared(problem)
    greedy_pairs = greedy_fill(prep)
    greedy_assign = [(problem.shifts[si].id, problem.volunteers[vi].id) for si, vi in greedy_pairs]
    greedy_spread = prep.spread(greedy_assign)
    if progress is not None:
        progress(Progress("greedy", _time.monotonic() - t0, time_limit,
                          prep.filled(greedy_assign), problem.needed, greedy_spread))
    phases: list[PhaseResult] = []
    if prep.pairs:
        solver = _Solver(prep, time_limit=max(0.0, time_limit - (_time.monotonic() - t0)),
                         cancel=cancel, progress=progress, workers=workers, seed=seed)
        index = {pair: k for k, pair in enumerate(prep.pairs)}
        chosen, phases = solver.run(sorted(index[p] for p in greedy_pairs))
        assignments = sorted((problem.shifts[prep.pairs[k][0]].id,
                              problem.volunteers[prep.pairs[k][1]].id) for k in chosen)
        filled_bound = solver.pinned + solver.coverage_bound
        spread_bound = solver.spread_bound * solver.unit
        found = solver.found_at - t0
    else:
        found = _time.monotonic() - t0
        assignments = []
        filled_bound = prep.filled(())
        spread_bound = prep.spread(())
    optimal = all(ph.status == "optimal" for ph in phases)
    spread = prep.spread(assignments)
    return Proposal(
        assignments=tuple(assignments),
        pinned=prep.filled(()),
        filled=prep.filled(assignments),
        needed=problem.needed,
        status="optimal" if optimal and not cancel.is_set() else "feasible",
        seconds=_time.monotonic() - t0,
        cancelled=cancel.is_set(),
        spread_minutes=spread,
        filled_bound=filled_bound,
        spread_bound_minutes=min(spread_bound, spread),
        phases=tuple(phases),
        greedy_filled=prep.filled(greedy_assign),
        greedy_spread_minutes=greedy_spread,
        preferences=prep.preference_counts(assignments),
        found_seconds=found,
    )
