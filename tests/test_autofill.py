"""Auto-fill core on plain data: hard rules (independent checker), pins, optimality against
brute force on tiny instances, explanations on hand-made cases, cancel and infeasible pins."""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volunteer_app.scheduling.autofill.greedy import greedy_assignments
from volunteer_app.scheduling.autofill.prepared import Prepared
from volunteer_app.scheduling.autofill.problem import (
    Problem,
    Progress,
    Proposal,
    ShiftInput,
    VolunteerInput,
)
from volunteer_app.scheduling.autofill.solver import solve
from volunteer_app.scheduling.checker import violations
from volunteer_app.scheduling.conflicts import (
    DutyFacts,
    Leave,
    VolunteerFacts,
    Window,
    check,
    shift_interval,
)
from volunteer_app.scheduling.explain import NO_MEMBERS, explain

MON = date(2026, 12, 7)
HARD_FOR_PINS = ("inactive", "on_leave", "not_member", "overlap", "full")


def sh(sid: int, day: int, start: float, end: float, needed: int = 1, team: int | None = 1,
       grid: int | None = None, last: tuple[int, ...] = ()) -> ShiftInput:
    b, e = shift_interval(MON + timedelta(days=day), time(int(start), int(start % 1 * 60)),
                          time(int(end) % 24, int(end % 1 * 60)))
    return ShiftInput(sid, b, e, needed, team, grid, frozenset(last))


def vol(vid: int, teams: tuple[int, ...] = (1,), *, active: bool = True, leaves=(), windows=(),
        week: int | None = None, day: int | None = None, grid: int | None = None,
        history: int = 0, duties=()) -> VolunteerInput:
    return VolunteerInput(VolunteerFacts(vid, active, frozenset(teams), tuple(windows),
                                         tuple(leaves), week, day), grid, history, tuple(duties))


def problem(shifts, vols, pins=(), **kw) -> Problem:  # noqa: ANN001
    return Problem(MON, MON + timedelta(days=6), tuple(shifts), tuple(vols), tuple(pins), **kw)


def run(p: Problem, **kw) -> Proposal:  # noqa: ANN001
    kw.setdefault("time_limit", 20)
    return solve(p, **kw)


# ------------------------------------------------------------ hand-made rules


def test_fills_and_keeps_every_hard_rule_on_a_small_week() -> None:
    shifts = [sh(1, 0, 8, 10, 2), sh(2, 0, 19, 21, 2), sh(3, 1, 22, 2, 1),  # overnight
              sh(4, 2, 7, 9, 1), sh(5, 2, 9, 11, 1, team=2)]
    vols = [vol(1), vol(2), vol(3, (1, 2)), vol(4, (2,)), vol(5, active=False)]
    p = problem(shifts, vols)
    result = run(p)
    assert violations(p, result.assignments) == []
    assert result.status == "optimal"
    assert result.filled == result.filled_bound
    assert 5 not in {v for _, v in result.assignments}  # inactive
    assert all(v != 4 for s, v in result.assignments if s != 5)  # team 2 only


def test_overnight_shift_and_minimum_rest_block_the_next_morning() -> None:
    # 22:00-02:00 then 07:00: only 5 hours of rest (< 8) -> one person cannot do both.
    shifts = [sh(1, 0, 22, 2), sh(2, 1, 7, 9)]
    p = problem(shifts, [vol(1)])
    result = run(p)
    assert result.filled == 1 and violations(p, result.assignments) == []
    relaxed = problem(shifts, [vol(1)], min_rest=timedelta(hours=4))
    assert run(relaxed).filled == 2


def test_daily_and_weekly_maxima_hold() -> None:
    shifts = [sh(i, i // 2, 8 if i % 2 == 0 else 18, 10 if i % 2 == 0 else 20) for i in range(1, 9)]
    p = problem(shifts, [vol(1, day=1, week=3)])
    result = run(p)
    assert result.filled == 3
    assert violations(p, result.assignments) == []
    days = [next(s for s in shifts if s.id == sid).day for sid, _ in result.assignments]
    assert len(set(days)) == 3


def test_duties_outside_the_problem_count() -> None:
    # The volunteer already serves another team's duty on Monday 08:00-10:00.
    other = DutyFacts(99, datetime(2026, 12, 7, 8), datetime(2026, 12, 7, 10))
    p = problem([sh(1, 0, 9, 11), sh(2, 0, 19, 21)], [vol(1, day=2, duties=[other])])
    result = run(p)
    assert result.assignments == ((2, 1),)
    assert violations(p, result.assignments) == []


def test_pins_never_move_and_count_against_headcount_and_limits() -> None:
    shifts = [sh(1, 0, 8, 10, 2), sh(2, 1, 8, 10, 1), sh(3, 2, 8, 10, 1)]
    p = problem(shifts, [vol(1, week=2), vol(2), vol(3)], pins=[(1, 1), (2, 2)])
    result = run(p)
    assert not set(result.assignments) & {(1, 1), (2, 2)}
    assert result.pinned == 2
    assert violations(p, result.assignments) == []
    per_vol = [v for _, v in result.assignments] + [1, 2]
    assert per_vol.count(1) <= 2
    assert {s for s, _ in result.assignments} == {1, 3}  # shift 2 is already full


def test_declined_pairs_are_never_proposed() -> None:
    p = problem([sh(1, 0, 8, 10)], [vol(1), vol(2)], declined=frozenset({(1, 1)}))
    result = run(p)
    assert result.assignments == ((1, 2),)
    assert [v.code for v in violations(p, [(1, 1)])] == ["declined"]


def test_umbrella_duty_takes_branch_members() -> None:
    # Team 10 is the umbrella; facts carry it for members of branch 1 (see conflicts.py).
    p = problem([sh(1, 0, 9, 11, 2, team=10)], [vol(1, (1, 10)), vol(2, (2,)), vol(3, (10,))])
    result = run(p)
    assert {v for _, v in result.assignments} == {1, 3}


# ------------------------------------------------------------ objective order


def test_fairness_gives_the_duty_to_the_less_loaded() -> None:
    p = problem([sh(1, 0, 8, 10)], [vol(1, history=600), vol(2, history=0)])
    assert run(p).assignments == ((1, 2),)
    assert greedy_assignments(p) == [(1, 2)]


def test_home_grid_then_continuity_then_availability_break_ties() -> None:
    windows = [Window(0, time(6), time(12))]
    base = [vol(1, grid=2), vol(2, grid=1), vol(3, grid=2)]
    p = problem([sh(1, 0, 8, 10, grid=1)], base)
    assert run(p).assignments == ((1, 2),)  # lives in the grid
    p = problem([sh(1, 0, 8, 10, grid=1, last=(3,))], [vol(1, grid=2), vol(3, grid=2)])
    assert run(p).assignments == ((1, 3),)  # held the slot last week
    # (Availability is a preference only when the coordinator allows going outside it.)
    p = problem([sh(1, 0, 13, 15, grid=1)],
                [vol(1, grid=2, windows=windows), vol(3, grid=2)], allow_outside_availability=True)
    assert run(p).assignments == ((1, 3),)  # 1 is available only in the morning
    # Grid outranks continuity.
    p = problem([sh(1, 0, 8, 10, grid=1, last=(3,))], [vol(2, grid=1), vol(3, grid=2)])
    assert run(p).assignments == ((1, 2),)


def test_availability_windows_are_hard_by_default() -> None:
    """Issue 18.6: a volunteer who offered Monday 19-22 is never proposed for Tuesday 9-11,
    by the solver or the greedy baseline; the checker calls it a violation and the gap
    says why."""
    evening = [Window(0, time(19), time(22))]
    p = problem([sh(1, 1, 9, 11), sh(2, 0, 19, 21)], [vol(1, windows=evening)])
    result = run(p)
    assert result.assignments == ((2, 1),) and result.outside == ()
    assert greedy_assignments(p) == [(2, 1)]
    assert [v.code for v in violations(p, [(1, 1)])] == ["outside_availability"]
    (gap,) = explain(p, result.assignments)
    assert gap.shift_id == 1 and gap.code == "outside_availability"
    assert gap.counts == (("outside_availability", 1),)


def test_going_outside_availability_is_a_choice_and_marked() -> None:
    evening = [Window(0, time(19), time(22))]
    p = problem([sh(1, 1, 9, 11), sh(2, 0, 19, 21)], [vol(1, windows=evening), vol(2)],
                allow_outside_availability=True)
    result = run(p)
    assert result.filled == 2 and violations(p, result.assignments) == []
    # Volunteer 2 (no windows: any time) is preferred for Tuesday; 1 keeps Monday evening.
    assert set(result.assignments) == {(1, 2), (2, 1)} and result.outside == ()
    alone = problem([sh(1, 1, 9, 11)], [vol(1, windows=evening)], allow_outside_availability=True)
    result = run(alone)
    assert result.assignments == ((1, 1),) and result.outside == ((1, 1),)
    assert result.preferences["outside_availability"] == 1


def test_coverage_comes_before_fairness() -> None:
    # Volunteer 1 is much busier but is the only one who can take shift 2.
    shifts = [sh(1, 0, 8, 10), sh(2, 0, 18, 20, team=2)]
    p = problem(shifts, [vol(1, (1, 2), history=900), vol(2, (1,))])
    result = run(p)
    assert result.filled == 2 and set(result.assignments) == {(1, 2), (2, 1)}


# ------------------------------------------------------------ brute force on tiny instances


def _lex_key(prep: Prepared, assignments: list[tuple[int, int]]) -> tuple:
    prefs = prep.preference_counts(assignments)
    return (prep.filled(assignments), -prep.spread(assignments), prefs["home_grid"],
            prefs["continuity"], -prefs["outside_availability"])


def _brute_best(p: Problem) -> tuple:
    """The lexicographic optimum over every valid set of new assignments (tiny problems)."""
    prep = Prepared(p)
    pins = set(p.pins)
    singles = [(s.id, v.id) for s in p.shifts for v in p.volunteers
               if (s.id, v.id) not in pins and not violations(p, [(s.id, v.id)])]
    best = [_lex_key(prep, [])]

    def grow(i: int, chosen: list[tuple[int, int]]) -> None:
        for j in range(i, len(singles)):
            trial = chosen + [singles[j]]
            if not violations(p, trial):
                best[0] = max(best[0], _lex_key(prep, trial))
                grow(j + 1, trial)

    grow(0, [])
    return best[0]


@st.composite
def tiny_problems(draw) -> Problem:  # noqa: ANN001
    n_shift = draw(st.integers(1, 4))
    n_vol = draw(st.integers(1, 4))
    shifts = []
    for sid in range(1, n_shift + 1):
        start = draw(st.sampled_from([6, 8, 13, 17, 20, 22]))
        length = draw(st.sampled_from([1, 2, 3, 5]))
        shifts.append(sh(sid, draw(st.integers(0, 2)), start, (start + length) % 24,
                         draw(st.integers(1, 2)), draw(st.sampled_from([None, 1, 2])),
                         draw(st.sampled_from([None, 1, 2])),
                         tuple(draw(st.sets(st.integers(1, n_vol), max_size=1)))))
    vols = []
    for vid in range(1, n_vol + 1):
        leaves = ()
        if draw(st.booleans()) and draw(st.booleans()):
            a = MON + timedelta(days=draw(st.integers(0, 2)))
            leaves = (Leave(a, a, draw(st.sampled_from(["leave", "unavailable"]))),)
        windows = ()
        if draw(st.booleans()):
            windows = tuple(Window(d, time(7), time(14)) for d in range(7))
        vols.append(vol(vid, tuple(draw(st.sets(st.sampled_from([1, 2]), max_size=2))),
                        active=draw(st.integers(0, 9)) > 0, leaves=leaves, windows=windows,
                        week=draw(st.sampled_from([None, None, 1, 2])),
                        day=draw(st.sampled_from([None, None, 1])),
                        grid=draw(st.sampled_from([None, 1, 2])),
                        history=draw(st.sampled_from([0, 0, 60, 120, 240]))))
    rest = timedelta(hours=draw(st.sampled_from([0, 2, 8])))
    outside = draw(st.booleans())  # may the fill go outside the windows (issue 18.6)
    # Pins that keep the hard rules (soft ones such as rest may be broken, as coordinators do).
    pins: list[tuple[int, int]] = []
    for s in shifts:
        for v in vols:
            if draw(st.integers(0, 5)) == 0:
                mine = [DutyFacts(o, x.start, x.end) for o, w in pins if w == v.id
                        for x in shifts if x.id == o]
                filled = sum(1 for o, _ in pins if o == s.id)
                found = check(v.facts, s.facts(filled), mine, min_rest=rest)
                if not [c for c in found if c.code in HARD_FOR_PINS]:
                    pins.append((s.id, v.id))
    return problem(shifts, vols, pins, min_rest=rest, allow_outside_availability=outside)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tiny_problems())
def test_solutions_keep_every_rule_and_are_lexicographically_optimal(p: Problem) -> None:
    result = run(p, time_limit=10)
    assert violations(p, result.assignments) == []
    assert not set(result.assignments) & set(p.pins)
    greedy = greedy_assignments(p)
    assert violations(p, greedy) == []
    prep = Prepared(p)
    assert result.filled >= prep.filled(greedy)
    assert result.status == "optimal"
    assert _lex_key(prep, list(result.assignments)) == _brute_best(p)
    # Every gap is explained, and the explanation adds up to the pool.
    gaps = explain(p, result.assignments)
    assert sum(g.open for g in gaps) == result.needed - result.filled
    for g in gaps:
        assert sum(n for _, n in g.counts) == g.pool
        assert g.count("not_chosen") == 0  # an optimal fill leaves nobody who could serve
    prep_outside = {pair for pair in result.assignments if prep.preference_scores(*prep.pair_key(*pair))[2]}
    assert set(result.outside) == prep_outside
    assert p.allow_outside_availability or not result.outside


# ------------------------------------------------------------ explanations


def test_explains_team_of_four_three_on_leave_one_busy() -> None:
    leave = Leave(MON, MON + timedelta(days=2))
    other = DutyFacts(50, datetime(2026, 12, 7, 18, 30), datetime(2026, 12, 7, 20, 30))
    vols = [vol(1, leaves=[leave]), vol(2, leaves=[leave]), vol(3, leaves=[leave]),
            vol(4, duties=[other]), vol(5, (2,))]
    p = problem([sh(1, 0, 19, 21, 2)], vols)
    result = run(p)
    assert result.assignments == ()
    [gap] = explain(p, result.assignments)
    assert (gap.shift_id, gap.open, gap.pool, gap.team_id) == (1, 2, 4, 1)
    assert dict(gap.counts) == {"on_leave": 3, "busy": 1}
    assert gap.code == "on_leave"


def test_explains_each_reason() -> None:
    other = DutyFacts(50, datetime(2026, 12, 7, 8), datetime(2026, 12, 7, 10))  # Monday morning
    sunday_night = DutyFacts(51, datetime(2026, 12, 6, 22), datetime(2026, 12, 7, 6))
    vols = [
        vol(1, active=False),
        vol(2, leaves=[Leave(MON, MON, "unavailable")]),
        vol(3, duties=[other], day=1),  # day limit (and rest 9 h is fine)
        vol(4, duties=[sunday_night]),  # 06:00 to 19:00 is 13 h: fine ... but week limit 1
        vol(5, duties=[DutyFacts(52, datetime(2026, 12, 7, 14), datetime(2026, 12, 7, 16))]),
        vol(6),  # already on the shift (pinned)
        vol(7),  # cancelled this duty
    ]
    vols[3] = vol(4, duties=[sunday_night, DutyFacts(53, datetime(2026, 12, 8, 8),
                                                     datetime(2026, 12, 8, 10))], week=1)
    p = problem([sh(1, 0, 19, 21, 3)], vols, pins=[(1, 6)], declined=frozenset({(1, 7)}))
    result = run(p)
    assert result.assignments == ()
    [gap] = explain(p, result.assignments)
    assert dict(gap.counts) == {"assigned_here": 1, "declined": 1, "left": 1, "unavailable": 1,
                                "rest": 1, "day_limit": 1, "week_limit": 1}
    assert gap.open == 2 and gap.pool == 7


def test_explains_an_empty_team_and_open_duties() -> None:
    p = problem([sh(1, 0, 8, 10, team=3), sh(2, 0, 8, 10, 3, team=None)], [vol(1), vol(2)])
    result = run(p)
    gaps = {g.shift_id: g for g in explain(p, result.assignments)}
    assert gaps[1].code == NO_MEMBERS and gaps[1].pool == 0
    assert gaps[2].team_id is None and gaps[2].pool == 2 and gaps[2].open == 1
    assert dict(gaps[2].counts) == {"assigned_here": 2}


def test_explanation_after_a_stopped_search_names_who_could_serve() -> None:
    p = problem([sh(1, 0, 8, 10)], [vol(1)])
    [gap] = explain(p, [])
    assert dict(gap.counts) == {"not_chosen": 1}


# ------------------------------------------------------------ infeasible pins


def test_pins_breaking_hard_rules_are_reported_and_the_rest_is_filled() -> None:
    """Issue 18: one clash (a leave recorded after the duty was given) refused the whole
    week; now it is reported and the open places are filled around it."""
    shifts = [sh(1, 0, 8, 10), sh(2, 0, 9, 11), sh(3, 1, 8, 10, team=2), sh(4, 2, 8, 10),
              sh(5, 3, 8, 10, needed=2)]
    vols = [vol(1), vol(2, leaves=[Leave(MON + timedelta(days=2), MON + timedelta(days=2))]),
            vol(3), vol(4, active=False), vol(5), vol(6)]
    p = problem(shifts, vols, pins=[(1, 1), (2, 1), (3, 3), (4, 2), (4, 3)])
    result = run(p)
    found = {(x.shift_id, x.volunteer_id, x.code) for x in result.clashes}
    assert (1, 1, "overlap") in found and (2, 1, "overlap") in found
    assert (3, 3, "not_member") in found
    assert (4, 2, "on_leave") in found
    assert (4, 2, "full") in found and (4, 3, "full") in found
    # The rest is filled: shift 5's two places, by people free that day.
    assert sorted(v for s_, v in result.assignments if s_ == 5) and \
        len([1 for s_, _ in result.assignments if s_ == 5]) == 2
    assert not violations(p, result.assignments)
    # A coordinator's override makes a pin acceptable.
    ok = problem(shifts[:2], vols[:1], pins=[(1, 1), (2, 1)], overridden=frozenset({(2, 1)}))
    assert run(ok).pinned == 2 and not run(ok).clashes


def test_pins_over_soft_limits_are_kept_and_nothing_is_added_on_top() -> None:
    # Two pinned duties 3 h apart (short rest, a warning the coordinator accepted).
    shifts = [sh(1, 0, 8, 10), sh(2, 0, 13, 15), sh(3, 0, 19, 21)]
    p = problem(shifts, [vol(1, day=2)], pins=[(1, 1), (2, 1)])
    result = run(p)
    assert result.assignments == () and result.pinned == 2


# ------------------------------------------------------------ cancel and time limit


def _medium(seed: int = 3) -> Problem:
    import random

    rng = random.Random(seed)
    shifts = []
    sid = 0
    for day in range(7):
        for start in (7, 9, 13, 17, 19, 22):
            for _ in range(3):
                sid += 1
                shifts.append(sh(sid, day, start, (start + 2) % 24, rng.choice([1, 2, 3]),
                                 rng.choice([1, 2, 3]), rng.randint(1, 5)))
    vols = [vol(v, tuple(rng.sample([1, 2, 3], rng.choice([1, 2]))), grid=rng.randint(1, 5),
                history=rng.choice([0, 120, 240, 600, 900]),
                week=rng.choice([None, 2, 3, 4]), day=rng.choice([None, 1]))
            for v in range(1, 61)]
    return problem(shifts, vols)


def test_cancel_before_start_returns_the_greedy_fill() -> None:
    p = _medium()
    cancel = threading.Event()
    cancel.set()
    result = run(p, cancel=cancel)
    assert result.cancelled and result.status == "feasible"
    assert violations(p, result.assignments) == []
    assert result.filled == result.greedy_filled


def test_cancel_during_the_search_returns_a_valid_partial_result() -> None:
    p = _medium()
    cancel = threading.Event()
    phases: list[str] = []

    def progress(info: Progress) -> None:
        phases.append(info.phase)
        if info.phase in ("coverage", "fairness", "preferences"):
            cancel.set()  # the first report from the search: stop at once

    timer = threading.Timer(3.0, cancel.set)  # in case the search reports nothing first
    timer.start()
    try:
        result = run(p, cancel=cancel, time_limit=120, progress=progress)
    finally:
        timer.cancel()
    assert result.cancelled
    assert result.seconds < 60
    assert violations(p, result.assignments) == []
    assert result.filled >= result.greedy_filled
    assert phases[0] == "greedy"


def test_progress_reports_phases_and_a_final_report() -> None:
    p = problem([sh(1, 0, 8, 10, 2), sh(2, 1, 8, 10)], [vol(1, history=60), vol(2), vol(3)])
    seen: list[Progress] = []
    run(p, progress=seen.append)
    assert seen[0].phase == "greedy" and seen[-1].phase == "done"
    assert seen[-1].filled == 3 and seen[-1].needed == 3


def test_empty_problem() -> None:
    result = run(problem([], []))
    assert result.needed == 0 and result.filled == 0 and result.status == "optimal"


def test_found_time_is_within_the_solve_and_greedy_counts_from_the_start() -> None:
    p = _medium()
    cancel = threading.Event()
    cancel.set()
    stopped = run(p, cancel=cancel)
    # Nothing beat the greedy fill: it was found before any search began.
    assert 0 <= stopped.found_seconds <= stopped.seconds
    result = run(p)
    assert 0 <= result.found_seconds <= result.seconds
