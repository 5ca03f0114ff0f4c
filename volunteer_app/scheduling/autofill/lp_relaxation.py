"""The linear relaxation of a fill, and what its duals prove.

Both LP helpers of the auto-fill start from the same relaxation: one column in [0, 1] per
candidate pair (shift, volunteer), at most the open places per shift, at least the places
already covered, at most one of each volunteer's clashing duties, the daily and weekly
maxima. :class:`AssignmentLP` builds it once with GLOP and keeps every row in Python as
well, so that a bound can be recomputed from the duals in plain arithmetic.

That recomputation is what makes the LP usable as a *proof*. For any row multipliers y,
``c·x = y·Ax + d·x`` with the reduced costs ``d = c - yA``; each row term is at most
``max(y·lo, y·hi)`` and each column term at most ``max(d·lb, d·ub)``. Their sum is an upper
bound on every feasible fill whatever y is, so GLOP's tolerances can loosen the bound but
never make it wrong. The same inequality fixes columns: a pair whose reduced cost exceeds
the gap between the bound and a known fill cannot take part in any better fill
(reduced-cost fixing).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ortools.linear_solver import linear_solver_pb2, pywraplp

if TYPE_CHECKING:
    from .prepared import Prepared

INF = math.inf
# Seconds per LP solve; past it the LP decides nothing and CP-SAT carries on alone.
LP_TIME_LIMIT = 2.0


class AssignmentLP:
    """GLOP model of a fill's linear relaxation; columns 0..len(pairs)-1 are the pairs.

    Rows and columns are collected in Python and handed to GLOP in one model proto at
    the first solve (building row by row through the wrapper cost ~0.15 s a model at
    community size, the proto ~0.03 s); after that only bounds and the objective change.
    """

    def __init__(self, prep: Prepared, covered: int,
                 time_limit: float = LP_TIME_LIMIT) -> None:
        self.prep = prep
        self.time_limit = time_limit
        self.solver: pywraplp.Solver | None = None
        self.columns: list[pywraplp.Variable] = []
        self.constraints: list[pywraplp.Constraint] = []
        self.bounds: list[tuple[float, float]] = [(0.0, 1.0)] * len(prep.pairs)
        # Every row as [column indices, coefficients, lo, hi].
        self.rows: list[list] = []
        self.by_vol: dict[int, list[int]] = defaultdict(list)
        by_shift: dict[int, list[int]] = defaultdict(list)
        var_of: dict[tuple[int, int], int] = {}
        for k, (si, vi) in enumerate(prep.pairs):
            by_shift[si].append(k)
            self.by_vol[vi].append(k)
            var_of[(si, vi)] = k
        for si, ks in by_shift.items():
            if len(ks) > prep.open[si]:
                self.add_row(ks, [1.0] * len(ks), -INF, prep.open[si])
        if covered > 0:
            everyone = list(range(len(prep.pairs)))
            self.add_row(everyone, [1.0] * len(everyone), covered, INF)
        for vi in prep.eligible:
            for clique in prep.cliques(vi):
                ks = [var_of[(si, vi)] for si in clique]
                self.add_row(ks, [1.0] * len(ks), -INF, 1)
            for group, cap in prep.caps(vi):
                ks = [var_of[(si, vi)] for si in group]
                self.add_row(ks, [1.0] * len(ks), -INF, cap)

    def add_column(self, lb: float, ub: float) -> int:
        assert self.solver is None, "columns are added before the first solve"
        self.bounds.append((lb, ub))
        return len(self.bounds) - 1

    def add_row(self, cols: list[int], coeffs: list[float], lo: float, hi: float) -> int:
        assert self.solver is None, "rows are added before the first solve"
        self.rows.append([cols, coeffs, lo, hi])
        return len(self.rows) - 1

    def set_row_bounds(self, i: int, lo: float, hi: float) -> None:
        row = self.rows[i]
        if (row[2], row[3]) != (lo, hi):
            row[2], row[3] = lo, hi
            if self.solver is not None:
                self.constraints[i].SetBounds(lo, hi)

    def set_upper(self, j: int, ub: float) -> None:
        lb, old = self.bounds[j]
        if old != ub:
            self.bounds[j] = (lb, ub)
            if self.solver is not None:
                self.columns[j].SetUb(ub)

    def set_objective(self, weights: list[float], maximize: bool) -> None:
        """Objective ``weights · x`` over the pairs (other columns weigh nothing)."""
        self._load()
        objective = self.solver.Objective()
        objective.Clear()
        for k, w in enumerate(weights):
            if w:
                objective.SetCoefficient(self.columns[k], w)
        if maximize:
            objective.SetMaximization()
        else:
            objective.SetMinimization()

    def solve(self) -> int:
        self._load()
        self.solver.SetTimeLimit(max(1, int(self.time_limit * 1000)))
        return self.solver.Solve()

    def _load(self) -> None:
        if self.solver is not None:
            return
        proto = linear_solver_pb2.MPModelProto()
        for lb, ub in self.bounds:
            var = proto.variable.add()
            var.lower_bound, var.upper_bound = lb, ub
        for cols, coeffs, lo, hi in self.rows:
            row = proto.constraint.add()
            row.lower_bound, row.upper_bound = lo, hi
            row.var_index.extend(cols)
            row.coefficient.extend(coeffs)
        solver = pywraplp.Solver.CreateSolver("GLOP")
        if solver is None:  # pragma: no cover - GLOP ships with every OR-Tools wheel
            raise RuntimeError("GLOP is not available")
        error = solver.LoadModelFromProto(proto)
        if error:  # pragma: no cover - the proto is built here
            raise RuntimeError(f"GLOP refused the model: {error}")
        self.solver = solver
        self.columns = solver.variables()
        self.constraints = solver.constraints()

    def maximize(self, weights: list[int]) -> Guide | None:
        """Solve with objective ``weights · x`` (one weight per pair); None when GLOP did
        not reach an optimum in time."""
        self.set_objective(weights, maximize=True)
        if self.solve() != pywraplp.Solver.OPTIMAL:
            return None
        full = [float(w) for w in weights] + [0.0] * (len(self.columns) - len(weights))
        bound, reduced = self.dual_bound(full)
        n = len(weights)
        return Guide(bound, [c.solution_value() for c in self.columns[:n]], reduced[:n])

    def dual_bound(self, objective: list[float], duals: list[float] | None = None
                   ) -> tuple[float, list[float]]:
        """An upper bound on ``objective · x`` over every feasible x, with the reduced costs.

        ``duals`` (one per row) default to the last solve's; any values give a valid
        bound, optimal ones the LP optimum. A dual that would multiply an infinite side
        is dropped.
        """
        if duals is None:
            duals = [row.dual_value() for row in self.constraints]
        d = list(objective)
        row_terms = []
        for y, (cols, coeffs, lo, hi) in zip(duals, self.rows, strict=True):
            side = hi if y > 0 else lo
            if y == 0 or side in (INF, -INF):
                continue
            row_terms.append(y * side)
            for j, a in zip(cols, coeffs, strict=True):
                d[j] -= y * a
        col_terms = (max(dj * lb, dj * ub) for dj, (lb, ub) in zip(d, self.bounds, strict=True)
                     if dj)
        return math.fsum(row_terms) + math.fsum(col_terms), d


@dataclass(frozen=True)
class Guide:
    """What one LP solve says about the best fill: a proven bound, a fractional optimum and
    how much each pair would cost to flip (reduced costs, in objective units)."""

    bound: float
    values: list[float]
    reduced: list[float]

    def proves(self, incumbent: int) -> bool:
        """True when no fill scores above ``incumbent`` (objective values are integers)."""
        return self.bound < incumbent + 1 - _slack(self.bound)

    def fixings(self, incumbent: int) -> dict[int, int]:
        """Pairs whose value in every fill better than ``incumbent`` is known.

        A pair with reduced cost d < 0 taken (or d > 0 left out) costs |d| off the bound;
        once that leaves the bound below ``incumbent + 1`` the pair is settled.
        """
        room = self.bound - (incumbent + 1) + _slack(self.bound)
        fixed = {}
        for k, d in enumerate(self.reduced):
            if d < -room:
                fixed[k] = 0
            elif d > room:
                fixed[k] = 1
        return fixed

    def neighbourhood(self, incumbent: list[int], near: float) -> dict[int, int]:
        """Pairs to hold at the incumbent's value for a search near both it and the LP:
        see :func:`held_where_agreeing`; pairs whose reduced cost is within ``near`` of
        zero (the LP is indifferent to them: alternative optima) stay free as well."""
        return held_where_agreeing(self.values, incumbent,
                                   lambda k: abs(self.reduced[k]) > near)


def held_where_agreeing(values: list[float], incumbent: list[int],
                        also: Callable[[int], bool] | None = None) -> dict[int, int]:
    """Pairs where an LP solution and the incumbent (chosen pair indices) agree, at the
    incumbent's value (and only those ``also`` accepts). A search holding them looks only
    at the pairs where the two differ or the LP is fractional (RINS)."""
    on = set(incumbent)
    held = {}
    for k, v in enumerate(values):
        mine = 1 if k in on else 0
        if abs(v - mine) < 1e-6 and (also is None or also(k)):
            held[k] = mine
    return held


def _slack(bound: float) -> float:
    """Room for rounding in the bound's own arithmetic (sums of ~10^4 doubles)."""
    return 1e-6 * max(1.0, abs(bound))


class PreferenceLP(AssignmentLP):
    """The preference phase's relaxation: coverage kept and every eligible load inside a
    window no wider than the proven fairest spread."""

    def __init__(self, prep: Prepared, unit: int, covered: int, spread: int) -> None:
        super().__init__(prep, covered)
        base, top = prep.unit_loads(unit)
        # Same limits as the CP-SAT model: the busiest carries at least the largest base,
        # the least busy at most the smallest upper bound.
        hi = self.add_column(max(base.values()), max(top.values()))
        lo = self.add_column(min(base.values()), min(top.values()))
        self.add_row([hi, lo], [1.0, -1.0], -INF, spread)
        for vi in prep.eligible:
            ks = self.by_vol[vi]
            minutes = [-float(prep.s_minutes[prep.pairs[k][0]] // unit) for k in ks]
            self.add_row(ks + [hi], minutes + [1.0], base[vi], INF)   # hi >= load
            self.add_row(ks + [lo], minutes + [1.0], -INF, base[vi])  # lo <= load
