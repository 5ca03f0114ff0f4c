"""The LP relaxation behind the guided phases: its bound is a proof (above every valid fill,
whatever the duals), reduced-cost fixing never excludes a better fill, and the window LP's
memory of infeasible windows changes no answer. Checked by brute force on tiny weeks."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from volunteer_app.scheduling.autofill.lp_relaxation import AssignmentLP, Guide, PreferenceLP
from volunteer_app.scheduling.autofill.prepared import Prepared
from volunteer_app.scheduling.autofill.solver import _Solver
from volunteer_app.scheduling.autofill.spread_bound import WindowLP

sys.path.insert(0, str(Path(__file__).parent))
from test_autofill import problem, sh, tiny_problems, vol  # noqa: E402
from test_spread_bound import _valid_sets  # noqa: E402

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _fills(p, prep: Prepared) -> list[list[int]]:  # noqa: ANN001
    """Every valid set of new assignments, as pair indices."""
    index = {(p.shifts[si].id, p.volunteers[vi].id): k for k, (si, vi) in enumerate(prep.pairs)}
    return [sorted(index[a] for a in chosen) for chosen in _valid_sets(p, prep)]


def _small(prep: Prepared) -> bool:
    return bool(prep.pairs) and len(prep.pairs) <= 9 and bool(prep.eligible)


@st.composite
def small_weeks(draw):  # noqa: ANN001, ANN201
    """A tiny week with at most 9 candidate pairs, its preparation and every valid fill."""
    p = draw(tiny_problems())
    prep = Prepared(p)
    assume(_small(prep))
    return p, prep, _fills(p, prep)


def _weights(data, prep: Prepared, low: int, high: int) -> list[int]:  # noqa: ANN001
    return data.draw(st.lists(st.integers(low, high), min_size=len(prep.pairs),
                              max_size=len(prep.pairs)))


@SETTINGS
@given(small_weeks(), st.data())
def test_the_bound_is_above_every_fill_whatever_the_duals(week, data) -> None:  # noqa: ANN001
    _p, prep, fills = week
    covered = data.draw(st.integers(0, max(len(f) for f in fills)))
    weights = _weights(data, prep, -5, 20)
    lp = AssignmentLP(prep, covered, time_limit=5)
    guide = lp.maximize(weights)
    assert guide is not None
    best = max(sum(weights[k] for k in f) for f in fills if len(f) >= covered)
    assert guide.bound >= best - 1e-6
    assert guide.proves(best - 1) is False  # the best fill itself is above best - 1
    # Any multipliers give a valid (maybe weaker) bound: that is what makes it a proof.
    duals = data.draw(st.lists(st.floats(-30, 30), min_size=len(lp.rows),
                               max_size=len(lp.rows)))
    bound, _reduced = lp.dual_bound([float(w) for w in weights], duals)
    assert bound >= best - 1e-6


@SETTINGS
@given(small_weeks(), st.data())
def test_fixing_never_excludes_a_better_fill(week, data) -> None:  # noqa: ANN001
    _p, prep, fills = week
    weights = _weights(data, prep, 0, 20)
    guide = AssignmentLP(prep, 0, time_limit=5).maximize(weights)
    assert guide is not None
    scores = sorted({sum(weights[k] for k in f) for f in fills})
    incumbent = data.draw(st.sampled_from(scores))
    fixed = guide.fixings(incumbent)
    for f in fills:
        if sum(weights[k] for k in f) > incumbent:
            on = set(f)
            assert all((k in on) == bool(v) for k, v in fixed.items())
    if incumbent == scores[-1] and guide.proves(incumbent):
        assert not guide.proves(incumbent - 1)


@SETTINGS
@given(small_weeks(), st.data())
def test_the_preference_bound_keeps_to_the_spread(week, data) -> None:  # noqa: ANN001
    p, prep, fills = week
    unit = prep.load_unit()
    covered = data.draw(st.integers(0, max(len(f) for f in fills)))
    spreads = [prep.spread([(p.shifts[prep.pairs[k][0]].id,
                             p.volunteers[prep.pairs[k][1]].id) for k in f]) // unit
               for f in fills]
    within = data.draw(st.sampled_from(sorted({s for f, s in zip(fills, spreads,
                                                               strict=True)
                                               if len(f) >= covered})))
    weights = _weights(data, prep, 0, 9)
    guide = PreferenceLP(prep, unit, covered, within).maximize(weights)
    assert guide is not None
    best = max(sum(weights[k] for k in f) for f, s in zip(fills, spreads, strict=True)
               if len(f) >= covered and s <= within)
    assert guide.bound >= best - 1e-6


def test_neighbourhood_frees_disagreement_and_indifference() -> None:
    guide = Guide(bound=10.0, values=[1.0, 0.0, 0.5, 0.0, 1.0],
                  reduced=[3.0, -4.0, 0.0, -0.2, 2.0])
    # Incumbent takes pairs 0 and 3: pair 3 disagrees with the LP; 2 is fractional.
    held = guide.neighbourhood([0, 3], near=0.5)
    assert held == {0: 1, 1: 0}
    assert 4 not in held  # the LP takes it, the incumbent does not
    # Wider indifference frees pairs whose reduced cost is small.
    assert guide.neighbourhood([0, 3], near=3.5) == {1: 0}


def test_fixed_pairs_are_released_even_when_the_solve_fails() -> None:
    p = problem([sh(1, 0, 8, 10), sh(2, 1, 8, 10)], [vol(1), vol(2)])
    prep = Prepared(p)
    solver = _Solver(prep, time_limit=5, cancel=threading.Event(), progress=None,
                     workers=1, seed=0)
    domains = solver.model.proto.variables
    with pytest.raises(RuntimeError), solver._fixed({0: 1, 1: 0}):
        assert list(domains[solver.x[0].index].domain) == [1, 1]
        assert list(domains[solver.x[1].index].domain) == [0, 0]
        raise RuntimeError
    assert all(list(domains[x.index].domain) == [0, 1] for x in solver.x)


@SETTINGS
@given(tiny_problems())
def test_remembered_infeasible_windows_change_no_answer(p) -> None:  # noqa: ANN001
    prep = Prepared(p)
    if not prep.pairs or not prep.eligible:
        return
    unit = prep.load_unit()
    top = max(prep.ub_minutes[vi] for vi in prep.eligible) // unit
    spreads = list(range(top + 1))
    # Narrowest first (wider windows are not inside remembered ones and must be solved),
    # then widest first (narrower windows lie inside remembered ones).
    for order in (spreads, spreads[::-1]):
        shared = WindowLP(prep, unit, covered=1)
        for spread in order:
            fresh = WindowLP(prep, unit, covered=1)
            assert shared.unreachable(spread) == fresh.unreachable(spread)


def test_a_wider_window_is_solved_after_a_narrow_one_failed() -> None:
    # One two-hour duty, two idle volunteers: spread 0 is out of reach, 1 (a duty) is not.
    p = problem([sh(1, 0, 8, 10)], [vol(1), vol(2)])
    prep = Prepared(p)
    lp = WindowLP(prep, prep.load_unit(), covered=1)
    assert lp.unreachable(0)
    assert lp.infeasible  # remembered
    assert not lp.unreachable(1)
