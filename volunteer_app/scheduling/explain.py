"""Why places stay empty after an auto-fill, in terms a coordinator understands.

For every shift with open places, everyone who could in principle serve it (the members
of its team, including branch teams below it; every active volunteer for a duty without a
team) is put into exactly one bucket, by the first reason that keeps them off it, asked of
the shared rules in :mod:`.conflicts` against the roster as proposed::

    patrol team has 4 members: 3 on leave, 1 already on a duty at that time

The result is structured data (codes and counts); the command line renders English and the
UI translates the codes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .autofill.problem import Problem
from .conflicts import DutyFacts, check

# Buckets in the order a volunteer is tested against them (first match wins) and reported.
REASON_CODES = (
    "assigned_here",  # already on this very duty (holds one of its places)
    "declined",  # cancelled this very duty earlier
    "left",  # no longer active
    "on_leave",  # a leave range covers the duty
    "unavailable",  # marked unavailable for those days
    "busy",  # already on a duty at that time
    "rest",  # another duty too close before or after (minimum rest)
    "day_limit",  # reached their maximum duties that day
    "week_limit",  # reached their maximum duties that week
    "outside_availability",  # the duty is outside the times they offered (issue 18.6)
    "not_chosen",  # could serve: the search stopped before it used them
)
# Main reasons of a gap that are not about volunteers.
NO_MEMBERS = "no_members"  # the team has nobody (or, without a team, nobody is active)

_FROM_CONFLICT = (
    ("inactive", "left"),
    ("on_leave", None),  # split by leave kind below
    ("overlap", "busy"),
    ("short_rest", "rest"),
    ("over_day_max", "day_limit"),
    ("over_week_max", "week_limit"),
    ("outside_availability", "outside_availability"),  # unless the fill may go outside
)


@dataclass(frozen=True)
class Gap:
    """A shift with places left empty and why: the pool it draws on, bucketed by reason."""

    shift_id: int
    open: int  # places left empty
    needed: int
    team_id: int | None  # None: the duty is open to every active volunteer
    pool: int  # team members (or active volunteers) considered
    counts: tuple[tuple[str, int], ...]  # (reason code, volunteers) in REASON_CODES order, no zeros

    def count(self, code: str) -> int:
        """How many of the pool fall under ``code``."""
        return dict(self.counts).get(code, 0)

    @property
    def code(self) -> str:
        """The main reason: the largest bucket that keeps people off (ties: the earlier code)."""
        if self.pool == 0:
            return NO_MEMBERS
        blocking = [(n, -REASON_CODES.index(c), c) for c, n in self.counts if c != "assigned_here"]
        return max(blocking)[2] if blocking else "assigned_here"

    def to_json(self) -> dict:
        return {"shift_id": self.shift_id, "open": self.open, "needed": self.needed,
                "team_id": self.team_id, "pool": self.pool, "code": self.code,
                "counts": dict(self.counts)}


def reason_of(problem: Problem, volunteer, shift, filled: int, duties: list[DutyFacts]) -> str:  # noqa: ANN001
    """The bucket one volunteer falls in for one shift, given their other duties."""
    found = {c.code: c for c in check(volunteer.facts, shift.facts(filled), duties,
                                      min_rest=problem.min_rest)}
    for code, bucket in _FROM_CONFLICT:
        if code == "outside_availability" and problem.allow_outside_availability:
            continue
        if code in found:
            if code == "on_leave":
                kind = found[code].detail().get("kind", "leave")
                return "unavailable" if kind == "unavailable" else "on_leave"
            return bucket
    return "not_chosen"


def explain(problem: Problem, new: Iterable[tuple[int, int]]) -> list[Gap]:
    """A :class:`Gap` for every shift that still has open places with pins plus ``new``."""
    roster = list(problem.pins) + [p for p in new if p not in set(problem.pins)]
    on_shift: dict[int, set[int]] = defaultdict(set)
    per_vol: dict[int, list[int]] = defaultdict(list)
    for sid, vid in roster:
        on_shift[sid].add(vid)
        per_vol[vid].append(sid)
    shifts = {s.id: s for s in problem.shifts}
    members: dict[int, list] = defaultdict(list)
    for v in problem.volunteers:
        for t in v.facts.team_ids:
            members[t].append(v)
    active = [v for v in problem.volunteers if v.facts.active]
    gaps = []
    for s in sorted(problem.shifts, key=lambda s: (s.start, s.id)):
        filled = len(on_shift[s.id])
        if filled >= s.needed:
            continue
        pool = members.get(s.team_id, []) if s.team_id is not None else active
        counts: dict[str, int] = defaultdict(int)
        for v in pool:
            if v.id in on_shift[s.id]:
                counts["assigned_here"] += 1
                continue
            if (s.id, v.id) in problem.declined:
                counts["declined"] += 1
                continue
            duties = [DutyFacts(o, shifts[o].start, shifts[o].end) for o in per_vol[v.id]]
            duties += list(v.duties)
            counts[reason_of(problem, v, s, filled, duties)] += 1
        ordered = tuple((c, counts[c]) for c in REASON_CODES if counts.get(c))
        gaps.append(Gap(s.id, s.needed - filled, s.needed, s.team_id, len(pool), ordered))
    return gaps
