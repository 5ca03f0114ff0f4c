"""The lexicographic solve: coverage, then fairness, then preferences.

:func:`solve` checks the pins, builds the prepared arrays, takes the greedy fill as the
first hint and runs the phases on one CP-SAT model (:mod:`.cpsat`), each settled before
the next and warm-started from the previous fill. On models of community size each phase
is guided by linear programming (:mod:`.lp_relaxation`, :mod:`.spread_bound`); local
search (:mod:`.local_search`) supplies coordinated moves CP-SAT rarely finds. ``cancel``
stops the solve at once with the best fill found so far.
"""

from __future__ import annotations

import math
import threading
import time as _time
from collections.abc import Callable

from .cpsat import FillModel, lin_weighted
from .greedy import greedy_fill
from .local_search import Roster
from .lp_relaxation import LP_TIME_LIMIT, AssignmentLP, PreferenceLP, held_where_agreeing
from .prepared import Prepared
from .problem import PhaseResult, Problem, Progress, Proposal, pin_problems
from .spread_bound import WindowLP

DEFAULT_TIME_LIMIT = 30.0


class _Solver(FillModel):
    """One lexicographic solve: the phases in order, each guided where it pays."""

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

    def _local(self, chosen: list[int], search: Callable[[Roster], None],
               cost: Callable[[list[int]], float]) -> list[int]:
        """Run a local search from ``chosen``; keep its result only if it is no worse."""
        if self.cancel.is_set():
            return chosen
        roster = Roster(self.prep, [self.prep.pairs[k] for k in chosen], self.cancel)
        search(roster)
        found = sorted(self.var_of[pair] for pair in roster.pairs())
        better = len(found) > len(chosen) or (len(found) == len(chosen)
                                              and cost(found) <= cost(chosen))
        if not better:
            return chosen
        if found != chosen:
            self.found_at = _time.monotonic()
        return found

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


def solve(problem: Problem, *, time_limit: float = DEFAULT_TIME_LIMIT,
          cancel: threading.Event | None = None,
          progress: Callable[[Progress], None] | None = None,
          workers: int | None = None, seed: int = 0) -> Proposal:
    """Fill the open places of ``problem``.

    Pins that break a hard rule (``Proposal.clashes``) stay as they are and hold their
    places; the rest is filled around them. They cannot make the model infeasible: pins are
    not decisions, and the capacities left by them are floored at zero (``Prepared``).

    Blocks for at most about ``time_limit`` seconds (model building comes on top). Run it
    off the UI thread; ``cancel.set()`` from any thread returns the best solution so far.
    """
    t0 = _time.monotonic()
    cancel = cancel or threading.Event()
    clashes = tuple(pin_problems(problem))
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
        clashes=clashes,
        outside=tuple(p for p in assignments if not prep.inside(*prep.pair_key(*p))),
    )
