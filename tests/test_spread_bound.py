"""The LP proof of the fairness phase: reachable loads are exact (but for rest across
midnight, which they relax) and it never claims a spread is out of reach when some fill
has it (checked by brute force on tiny weeks)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from volunteer_app.scheduling.autofill.prepared import Prepared
from volunteer_app.scheduling.autofill.spread_bound import spread_unreachable
from volunteer_app.scheduling.checker import violations

sys.path.insert(0, str(Path(__file__).parent))
from test_autofill import problem, sh, tiny_problems, vol  # noqa: E402


def _valid_sets(p, prep: Prepared):  # noqa: ANN001, ANN202
    """Every set of new assignments that keeps every rule (independent checker)."""
    singles = [(p.shifts[si].id, p.volunteers[vi].id) for si, vi in prep.pairs]
    for r in range(len(singles) + 1):
        for combo in itertools.combinations(singles, r):
            if not violations(p, list(combo)):
                yield list(combo)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_problems())
def test_reachable_loads_are_exactly_the_loads_of_valid_duty_sets(p) -> None:  # noqa: ANN001
    prep = Prepared(p)
    unit = prep.load_unit()
    for vi, v in enumerate(p.volunteers):
        mine = [p.shifts[si].id for si in prep.vol_cands[vi]]
        expected = set()
        for r in range(len(mine) + 1):
            for combo in itertools.combinations(mine, r):
                if not violations(p, [(sid, v.id) for sid in combo]):
                    expected.add(sum(prep.s_minutes[prep.shift_index[sid]] for sid in combo) // unit)
        room = max(expected)
        bits = prep.reachable(vi, unit, room)
        got = {k for k in range(room + 1) if bits >> k & 1}
        # Rest between duties on different days is relaxed (the sets are built day by
        # day): never fewer loads than valid sets reach, and exactly those when no two
        # duties of different days clash.
        assert expected <= got
        cands = prep.vol_cands[vi]
        across = any(prep.s_day[a] != prep.s_day[b]
                     and prep.clash(prep.s_start[a], prep.s_end[a], prep.s_start[b], prep.s_end[b])
                     for a in cands for b in cands)
        if not across:
            assert got == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_problems())
def test_never_claims_a_reachable_spread_is_out_of_reach(p) -> None:  # noqa: ANN001
    prep = Prepared(p)
    if not prep.pairs or len(prep.pairs) > 9:
        return
    unit = prep.load_unit()
    best: dict[int, int] = {}  # places covered -> smallest spread
    for chosen in _valid_sets(p, prep):
        spread = prep.spread(chosen) // unit
        best[len(chosen)] = min(best.get(len(chosen), spread), spread)
    for covered in best:
        # Covering at least ``covered`` places: the best spread of any such fill.
        reachable = min(s for c, s in best.items() if c >= covered)
        assert not spread_unreachable(prep, unit, covered, reachable)


def test_whole_duties_prove_what_fractions_cannot() -> None:
    # One two-hour duty, two idle volunteers: whoever takes it is two hours ahead. Shared
    # as fractions the loads would be equal; in whole duties the spread is one duty.
    p = problem([sh(1, 0, 8, 10)], [vol(1), vol(2)])
    prep = Prepared(p)
    unit = prep.load_unit()
    assert unit == 120
    assert spread_unreachable(prep, unit, covered=1, spread=0)
    assert not spread_unreachable(prep, unit, covered=1, spread=1)
    # Nothing to cover: both stay idle, spread 0 is reachable.
    assert not spread_unreachable(prep, unit, covered=0, spread=0)
