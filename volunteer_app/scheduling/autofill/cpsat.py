"""The CP-SAT model of a fill and one timed, cancellable solve of it.

:class:`FillModel` builds the model once per problem: a boolean per candidate pair, the
headcounts, one at-most-one per clash clique, the daily and weekly caps, the load
variables of the fairness objective and the preference weights. :meth:`FillModel._phase`
solves it as it stands (objective and fixed pairs set by the caller) from a complete
hint, reports progress, stops at once on ``cancel`` and never returns a worse fill than
the hint. The order of the phases is :mod:`.solver`'s.
"""

from __future__ import annotations

import os
import threading
import time as _time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ortools.sat.python import cp_model

from .prepared import Prepared
from .problem import PhaseResult, Progress


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


def lin_weighted(variables: list, weights: list[int]) -> cp_model.LinearExpr:
    """Sum of weight * variable over the non-zero weights."""
    pairs = [(v, w) for v, w in zip(variables, weights, strict=True) if w]
    return cp_model.LinearExpr.weighted_sum([v for v, _ in pairs], [w for _, w in pairs])


class FillModel:
    """The CP-SAT model of one problem, re-solved phase by phase with new objectives."""

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
        # The best fill so far, for progress reports (the phases keep them current).
        self.best_filled = self.pinned
        self.best_spread = 0
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

    def _share(self, fraction: float) -> float:
        """Seconds for a step: a fraction of the time that is left."""
        return max(0.0, (self.time_limit - self.elapsed()) * fraction)

    def _values(self, solver: cp_model.CpSolver) -> list[int]:
        return [k for k, var in enumerate(self.x) if solver.boolean_value(var)]
