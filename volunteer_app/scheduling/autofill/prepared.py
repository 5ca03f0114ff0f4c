"""The problem turned into index arrays (:class:`Prepared`), built once per problem and
shared by the greedy baseline, the CP-SAT model, the linear programs, local search and
the benchmark: who may take which open place, what clashes, the daily and weekly caps,
loads, and the loads each volunteer can reach.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from ..conflicts import within_availability
from .problem import Problem

_EPOCH = datetime(2000, 1, 3)  # a Monday; only differences matter
_DAY = 86400


def _secs(dt: datetime) -> int:
    return int((dt - _EPOCH).total_seconds())


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
    rule logic here is an integer re-implementation of :mod:`..conflicts` for speed; tests
    hold every solution against :mod:`..checker`, which uses the rules module itself.
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

        # Availability depends on the weekday and times only: cache it per window set.
        self._win_id: list[int] = []
        win_ids: dict[tuple, int] = {}
        for v in vols:
            self._win_id.append(win_ids.setdefault(v.facts.windows, len(win_ids)) if v.facts.windows else -1)
        self._avail_cache: dict[tuple, bool] = {}

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
        if (f.max_per_week is not None
                and self.fixed_week[vi].get(self.s_week[si], 0) >= f.max_per_week):
            return False
        # Outside the times offered: hard unless the coordinator chose otherwise (issue 18.6).
        return self.problem.allow_outside_availability or self.inside(si, vi)

    def inside(self, si: int, vi: int) -> bool:
        """Whether shift ``si`` lies within volunteer ``vi``'s availability windows (cached
        per window set, weekday, start and length)."""
        if self._win_id[vi] < 0:
            return True
        s = self.problem.shifts[si]
        key = (self._win_id[vi], s.start.weekday(), s.start.time(), self.s_end[si] - self.s_start[si])
        found = self._avail_cache.get(key)
        if found is None:
            found = self._avail_cache[key] = within_availability(
                self.problem.volunteers[vi].facts.windows, s.start, s.end)
        return found

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
        """(in the shift's grid, held this slot last week, outside availability) as 0/1."""
        key = (si, vi)
        found = self._pref_cache.get(key)
        if found is not None:
            return found
        s = self.problem.shifts[si]
        v = self.problem.volunteers[vi]
        grid = int(s.grid_id is not None and v.grid_id == s.grid_id)
        cont = int(v.id in s.last_week)
        outside = int(not self.inside(si, vi))
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

