"""The greedy baseline for auto-fill: most-constrained shift first, least-loaded volunteer.

It is what a careful coordinator does by hand, and it gives the CP-SAT model its first
solution (as hints) and the benchmark its yardstick. The shift with the least slack
(volunteers who could still take it minus places still open) is filled next, one place at
a time, with the eligible volunteer whose load (previous four weeks plus the planned range)
is lowest; ties go to someone living in the shift's grid, then to last week's holder of
the slot, then to someone inside their availability windows.
"""

from __future__ import annotations

import heapq
import threading
from collections import defaultdict

from .prepared import Prepared
from .problem import Problem


def greedy_fill(prep: Prepared, cancel: threading.Event | None = None) -> list[tuple[int, int]]:
    """New assignments as (shift index, volunteer index) pairs; hard rules always hold."""
    problem = prep.problem
    n_vol = len(problem.volunteers)
    load = list(prep.base_minutes)
    # Per volunteer: their new duties (start, end) and counts per day and per ISO week.
    busy: list[list[tuple[int, int]]] = [[] for _ in range(n_vol)]
    day_count: list[dict[int, int]] = [defaultdict(int, d) for d in prep.fixed_day]
    week_count: list[dict[tuple[int, int], int]] = [defaultdict(int, w) for w in prep.fixed_week]
    open_places = list(prep.open)
    alive = [set(cs) for cs in prep.cands]
    prefs = {}

    def feasible(si: int, vi: int) -> bool:
        st, en = prep.s_start[si], prep.s_end[si]
        for a, b in busy[vi]:
            if prep.clash(st, en, a, b):
                return False
        f = problem.volunteers[vi].facts
        if f.max_per_day is not None and day_count[vi][prep.s_day[si]] >= f.max_per_day:
            return False
        return f.max_per_week is None or week_count[vi][prep.s_week[si]] < f.max_per_week

    def key(si: int) -> tuple:
        return (len(alive[si]) - open_places[si], len(alive[si]), prep.s_start[si], si)

    heap = [key(si) for si in range(len(problem.shifts)) if open_places[si] and alive[si]]
    heapq.heapify(heap)
    out: list[tuple[int, int]] = []
    while heap:
        if cancel is not None and cancel.is_set():
            break
        entry = heapq.heappop(heap)
        si = entry[-1]
        if not open_places[si] or not alive[si] or entry != key(si):
            continue  # stale entry: a newer one is in the heap (or the shift is done)

        def rank(vi: int, si: int = si) -> tuple:
            if (si, vi) not in prefs:
                prefs[(si, vi)] = prep.preference_scores(si, vi)
            grid, cont, outside = prefs[(si, vi)]
            return (load[vi], -grid, -cont, outside, problem.volunteers[vi].id)

        vi = min(alive[si], key=rank)
        out.append((si, vi))
        open_places[si] -= 1
        load[vi] += prep.s_minutes[si]
        busy[vi].append((prep.s_start[si], prep.s_end[si]))
        day_count[vi][prep.s_day[si]] += 1
        week_count[vi][prep.s_week[si]] += 1
        alive[si].discard(vi)
        touched = {si}
        for other in prep.vol_cands[vi]:
            if vi in alive[other] and not feasible(other, vi):
                alive[other].discard(vi)
                touched.add(other)
        for other in touched:
            if open_places[other] and alive[other]:
                heapq.heappush(heap, key(other))
    return out


def greedy_assignments(problem: Problem) -> list[tuple[int, int]]:
    """The greedy fill of a problem as sorted (shift_id, volunteer_id) pairs."""
    prep = Prepared(problem)
    return sorted((problem.shifts[si].id, problem.volunteers[vi].id) for si, vi in greedy_fill(prep))
