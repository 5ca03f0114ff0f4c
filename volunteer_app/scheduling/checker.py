"""An independent checker of auto-fill results: every hard rule, checked the slow, obvious way.

The CP-SAT model and the greedy baseline work on integer arrays built by
``autofill.prepared.Prepared``; this module does not use them. It takes the plain problem and a
list of new assignments and asks the shared rules in :mod:`.conflicts` about every new
assignment against all of that volunteer's other duties (pins, other new assignments and
duties outside the problem). Rules the planner only warns about (daily and weekly maxima,
minimum rest) are hard for the solver and checked here too; so are availability windows,
unless the problem lets the fill go outside them (issue 18.6).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .autofill.problem import Problem
from .conflicts import DutyFacts, check

# Conflict codes that must never appear on an assignment the solver adds.
SOLVER_HARD_CODES = ("inactive", "on_leave", "not_member", "overlap", "full",
                     "over_week_max", "over_day_max", "short_rest")


@dataclass(frozen=True)
class Violation:
    """A broken rule: which assignment and which rule (a conflict code or a checker code)."""

    shift_id: int
    volunteer_id: int
    # A SOLVER_HARD_CODES entry, or "unknown_shift", "unknown_volunteer", "duplicate",
    # "declined" (the volunteer cancelled that duty).
    code: str


def violations(problem: Problem, new: Iterable[tuple[int, int]]) -> list[Violation]:
    """Every hard rule broken by adding ``new`` (shift_id, volunteer_id) pairs to the pins."""
    new = list(new)
    shifts = {s.id: s for s in problem.shifts}
    vols = {v.id: v for v in problem.volunteers}
    out: list[Violation] = []
    pins = set(problem.pins)
    seen = Counter(new)
    for (sid, vid), n in seen.items():
        if n > 1 or (sid, vid) in pins:
            out.append(Violation(sid, vid, "duplicate"))
    valid = []
    for sid, vid in dict.fromkeys(new):
        if (sid, vid) in problem.declined:
            out.append(Violation(sid, vid, "declined"))
        if sid not in shifts:
            out.append(Violation(sid, vid, "unknown_shift"))
        elif vid not in vols:
            out.append(Violation(sid, vid, "unknown_volunteer"))
        elif (sid, vid) not in pins:
            valid.append((sid, vid))
    every = list(problem.pins) + valid
    per_shift = Counter(sid for sid, _ in every)
    per_vol: dict[int, list[int]] = defaultdict(list)
    for sid, vid in every:
        per_vol[vid].append(sid)
    for sid, vid in valid:
        s, v = shifts[sid], vols[vid]
        others = [DutyFacts(o, shifts[o].start, shifts[o].end) for o in per_vol[vid] if o != sid]
        others += list(v.duties)
        # The places the other assignees of this shift take: over the headcount is "full".
        filled = per_shift[sid] - 1
        for c in check(v.facts, s.facts(filled), others, min_rest=problem.min_rest):
            if c.code in SOLVER_HARD_CODES or (c.code == "outside_availability"
                                               and not problem.allow_outside_availability):
                out.append(Violation(sid, vid, c.code))
    return out
