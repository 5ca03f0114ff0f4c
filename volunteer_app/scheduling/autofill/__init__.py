"""Auto-fill of a roster with OR-Tools CP-SAT, on plain data (no database here).

Input (:class:`~.problem.Problem`): the shifts of a date range, the volunteers who might serve them
(as :class:`~volunteer_app.scheduling.conflicts.VolunteerFacts` plus grid, recent load and
their other duties), and the existing place-holding assignments on those shifts, which
stay fixed ("pins").

Hard constraints are the hard rules of :mod:`..conflicts` (active, leave, team membership,
no overlap including overnight shifts, headcount) plus the rules the planner only warns
about but the solver must keep: weekly and daily maxima and the minimum rest between
duties. Pins may have been placed over such warnings; they stay, and the solver adds
nothing that would break a rule further.

The objective is lexicographic and solved in phases, each warm-started from the previous
solution with hints (the first from the greedy baseline in :mod:`.greedy`):

1. fill as many open places as possible;
2. with that coverage fixed, make the busiest and the least-busy eligible volunteers
   close: minimise max - min of the load (minutes over the planned range plus the
   previous four weeks, which the caller supplies as ``history_minutes``);
3. with coverage and spread fixed, prefer volunteers living in the shift's grid, then
   continuity (the same person in the same weekly slot as last week), then soft
   availability (weights make each criterion strictly dominate the next).

Settling coverage first matters: a single weighted objective at street-office size
spends its time trading fairness against coverage and ends with about twice the greedy
spread. On models of community size each phase is guided by linear programming as well:
coverage and preferences by the LP relaxation (searches near its optimum, then the proof
with the pairs reduced-cost fixing settles held; :mod:`.lp_relaxation`), fairness by an
LP per load window (:mod:`.spread_bound`) that proves most optimal spreads outright and
points the search at the few pairs that must change. CP-SAT alone spent most of its
time finding what the LP points at. At street size CP-SAT's portfolio does that work.
``cancel`` (an Event) stops the search at once; the best solution found so far is
returned, and the greedy solution stands in when no phase has found one yet, so a valid
proposal always comes back.

The package, by concern (each module imports only those above it):

* :mod:`.problem`: the input (:class:`~.problem.Problem` and its shifts and volunteers)
  and output (:class:`~.problem.Proposal`, progress reports), and the pin check;
* :mod:`.prepared`: the problem as index arrays (:class:`~.prepared.Prepared`): candidate
  pairs, clashes, caps, loads; shared by every phase and the benchmark;
* :mod:`.greedy`: the greedy baseline and first hint;
* :mod:`.lp_relaxation` and :mod:`.spread_bound`: the linear programs that guide and prove;
* :mod:`.local_search`: coordinated moves for fairness and preferences (hints);
* :mod:`.cpsat`: the CP-SAT model of a fill and one timed, cancellable solve of it;
* :mod:`.solver`: the lexicographic solve itself, :func:`~.solver.solve`.

The independent checker of results is :mod:`volunteer_app.scheduling.checker`, which uses
the rules of :mod:`volunteer_app.scheduling.conflicts` and nothing here.
"""
