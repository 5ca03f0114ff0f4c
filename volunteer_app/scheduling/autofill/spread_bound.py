"""A fast proof that no fill balances the load better: an LP over load windows.

The fairness phase of the auto-fill (:mod:`.solver`) minimises max - min of the volunteers' loads. The
CP-SAT model proves such optima slowly: its linear relaxation lets a volunteer take
fractions of duties, so it sees a much better balance than whole duties allow, and the
search must close the gap. Most of that gap is closed by two facts it does not see:

* loads grow in whole duties: a volunteer with 3 units of room left and only 2-unit
  duties can add 2, not 3; the loads each volunteer can reach are computed exactly
  (duties that do not clash, daily and weekly maxima) as a bit set by
  :meth:`.prepared.Prepared.reachable`, which also gives each volunteer's upper bound;
* a spread of at most ``d`` means every eligible load lies in one window [L, L + d],
  where L can only range from (largest base load) - d to (smallest reachable maximum).

For each such window the LP keeps only duties that fit, bounds each volunteer's added
load by the nearest reachable values inside the window, and asks whether the places
covered so far can still be covered. If no window is feasible even fractionally, no
integer fill reaches spread ``d``: the incumbent's spread is optimal. The LP never
proves anything false (it is a relaxation); when it cannot decide, CP-SAT does.

A feasible window also points the way: its LP solution nearest to the incumbent differs
from it in a few dozen pairs, and CP-SAT searching only those usually finds a fill of
the smaller spread in hundredths of a second (:meth:`.solver._Solver._descend`).
Windows found infeasible are remembered: any window inside one is infeasible too, which
makes the final proof (one unit below the optimum) mostly free.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ortools.linear_solver import pywraplp

from .lp_relaxation import INF, AssignmentLP

if TYPE_CHECKING:
    from .prepared import Prepared


class WindowLP(AssignmentLP):
    """The LP of one problem and coverage, built once and re-solved per load window."""

    def __init__(self, prep: Prepared, unit: int, covered: int) -> None:
        super().__init__(prep, covered)
        self.unit = unit
        eligible = prep.eligible
        self.base, top = prep.unit_loads(unit)
        self.t_hi = max(self.base.values(), default=0)
        self.t_lo = min(top.values(), default=0)
        self.minutes = [prep.s_minutes[si] // unit for si, _vi in prep.pairs]
        self.load_rows = {
            vi: self.add_row(self.by_vol[vi], [float(self.minutes[k]) for k in self.by_vol[vi]],
                             0, INF)
            for vi in eligible}
        # Windows the LP found infeasible: every window inside one is infeasible too.
        self.infeasible: list[tuple[int, int]] = []

    def _known_infeasible(self, low: int, high: int) -> bool:
        return any(lo <= low and high <= hi for lo, hi in self.infeasible)

    def windows(self, spread: int, toward: list[int] | None = None) -> Iterator[list[float]]:
        """The LP solutions of the windows [L, L + ``spread``] that are feasible (windows
        the LP cannot decide in time count as feasible, with no values).

        With ``toward`` (chosen pair indices) each solution is the one nearest to that fill
        (fewest pairs changed, fractionally): where the two agree, a search can hold the
        fill and look only at the rest. Lowest L first (measured: better than nearest
        to the fill's least load, whose windows' neighbourhoods more often fall short).
        """
        if spread < self.t_hi - self.t_lo or not self.load_rows:
            return
        prep = self.prep
        if toward is None:
            self.set_objective([], maximize=False)
        else:
            on = set(toward)
            self.set_objective([-1.0 if k in on else 1.0 for k in range(len(prep.pairs))],
                               maximize=False)
        for low in range(self.t_hi - spread, self.t_lo + 1):
            high = low + spread
            if self._known_infeasible(low, high):
                continue
            possible = True
            for vi, row in self.load_rows.items():
                room = high - self.base[vi]
                reach = prep.reachable(vi, self.unit, room)
                need = max(0, low - self.base[vi])
                above = reach >> need << need
                if not above:
                    possible = False  # this volunteer cannot land inside the window
                    break
                self.set_row_bounds(row, (above & -above).bit_length() - 1,
                                    reach.bit_length() - 1)
                for k in self.by_vol[vi]:
                    self.set_upper(k, 1.0 if self.minutes[k] <= room else 0.0)
            if not possible:
                continue
            status = self.solve()
            if status == pywraplp.Solver.INFEASIBLE:
                self.infeasible.append((low, high))
                continue
            yield ([self.columns[k].solution_value() for k in range(len(prep.pairs))]
                   if status == pywraplp.Solver.OPTIMAL else [])

    def unreachable(self, spread: int) -> bool:
        """True when no fill covering the places has max - min <= ``spread`` (loads in
        units among the eligible); False when some window's LP is feasible or undecided."""
        if spread < self.t_hi - self.t_lo:
            return True  # below the floor: someone is always that far apart
        if not self.load_rows:
            return False
        return next(self.windows(spread), None) is None

    def lower_bound(self, known: int, deadline: float | None = None) -> int:
        """The smallest spread the LP cannot exclude, given that ``known`` is reachable.

        Exclusion is monotone (a window of a smaller spread lies inside one of a larger
        spread), so a binary search needs a few LPs. Past ``deadline`` (monotonic time)
        it returns what it has proven so far, which is still a valid bound.
        """
        lo, hi = max(0, self.t_hi - self.t_lo), known
        while lo < hi and (deadline is None or time.monotonic() < deadline):
            mid = (lo + hi) // 2
            if self.unreachable(mid):
                lo = mid + 1
            else:
                hi = mid
        return lo


def spread_unreachable(prep: Prepared, unit: int, covered: int, spread: int) -> bool:
    """True when no fill with at least ``covered`` new places has max - min <= ``spread``
    (loads in ``unit`` minutes among ``prep.eligible``); False when the LP cannot tell."""
    return WindowLP(prep, unit, covered).unreachable(spread)
