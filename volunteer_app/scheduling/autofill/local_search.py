"""Local search on a fill: coordinated moves that raise the least-busy volunteers, relieve
the busiest and trade duties for better preferences, always within the hard rules.
Its results are hints for the CP-SAT phases (:mod:`.solver`), which prove or improve them.
"""

from __future__ import annotations

import threading
import time as _time
from collections import defaultdict
from collections.abc import Callable, Iterable

from .prepared import Prepared


class Roster:
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
