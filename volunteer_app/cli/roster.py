"""Commands for auto-filling a week's roster: ``roster autofill``, ``roster undo``, ``roster batches``."""

from __future__ import annotations

import argparse
import sys
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

from ..errors import ConflictError
from . import EXIT_FAILURE, EXIT_INVALID, print_json, with_db
from .argtypes import decimal_arg, id_arg, week_text_arg
from .messages import error_text

# The solver (OR-Tools, with numpy and pandas: ~2 s) and the services are imported inside
# the commands: every other command builds this parser too and should not pay for them.
if TYPE_CHECKING:
    from ..db import Database
    from ..scheduling.autofill.problem import Progress
    from ..scheduling.explain import Gap
    from ..services import autofill as svc

MAX_TIME_LIMIT = 3600

# One phrase per explanation bucket; {n} is how many volunteers fall in it.
GAP_PHRASES = {
    "assigned_here": "{n} already on this duty",
    "declined": "{n} cancelled this duty",
    "left": "{n} no longer active",
    "on_leave": "{n} on leave",
    "unavailable": "{n} marked unavailable",
    "busy": "{n} already on a duty at that time",
    "rest": "{n} would get less than {rest} rest between duties",
    "day_limit": "{n} at their daily maximum of duties",
    "week_limit": "{n} at their weekly maximum of duties",
    "outside_availability": "{n} did not offer that time (see --outside-availability)",
    "not_chosen": "{n} could still serve (the search stopped before using them)",
}
PIN_PROBLEMS = {
    "inactive": "the volunteer is no longer active",
    "on_leave": "the volunteer is on leave",
    "not_member": "the volunteer is not in the shift's team",
    "overlap": "overlaps their duty on shift {other}",
    "full": "the shift has more volunteers than it needs",
}


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    roster = sub.add_parser("roster", parents=[common], help="auto-fill a week's roster")
    rsub = roster.add_subparsers(dest="action", required=True)
    p = rsub.add_parser("autofill", parents=[common],
                        help="fill the open places of a week fairly (OR-Tools CP-SAT)")
    p.add_argument("--week", required=True, type=week_text_arg, help="ISO week, e.g. 2026-W50")
    p.add_argument("--team", help="only this team's shifts (name or id)")
    p.add_argument("--grid", help="only this grid's shifts (name or id)")
    p.add_argument("--time-limit", type=decimal_arg(0, MAX_TIME_LIMIT, "seconds"), default=SOLVER_DEFAULT,
                   help="seconds the solver may search (default %(default)s)")
    p.add_argument("--min-rest", type=decimal_arg(0, 24, "hours"), default=None,
                   help="minimum hours between two duties of one person (default 8)")
    p.add_argument("--outside-availability", action="store_true",
                   help="allow placing volunteers outside the times they offered (each such "
                        "placement is marked; off by default)")
    p.add_argument("--dry-run", action="store_true", help="show the proposal, write nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_autofill))
    p = rsub.add_parser("undo", parents=[common], help="remove every assignment of an applied auto-fill")
    p.add_argument("batch_id", type=id_arg)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_undo))
    p = rsub.add_parser("batches", parents=[common], help="applied auto-fills")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_batches))


class _SolverDefault:
    """``--time-limit`` not given: the solver's own default, looked up only when needed.

    Its help shows the number (``str``); the command replaces it with the number before
    use. The number lives in the solver module, whose import loads OR-Tools.
    """

    def __str__(self) -> str:
        return f"{self.value():g}"

    @staticmethod
    def value() -> float:
        from ..scheduling.autofill.solver import DEFAULT_TIME_LIMIT

        return DEFAULT_TIME_LIMIT


SOLVER_DEFAULT = _SolverDefault()


def _hours(td: timedelta) -> str:
    h = td.total_seconds() / 3600
    return f"{h:g} h"


def gap_text(gap: Gap, team_name: str, rest: timedelta) -> str:
    """A gap's reason as an English sentence for a coordinator."""
    from ..scheduling.explain import NO_MEMBERS

    if gap.code == NO_MEMBERS:
        return f"{team_name} has no members" if gap.team_id is not None else "no active volunteers"
    who = (f"{team_name} has {gap.pool} member{'s' if gap.pool != 1 else ''}"
           if gap.team_id is not None else f"{gap.pool} active volunteer{'s' if gap.pool != 1 else ''}")
    parts = [GAP_PHRASES[c].format(n=n, rest=_hours(rest)) for c, n in gap.counts]
    return f"{who}: {', '.join(parts)}" if parts else who


def _check_options(args: argparse.Namespace) -> None:
    from . import UsageError

    if args.time_limit is SOLVER_DEFAULT:
        args.time_limit = SOLVER_DEFAULT.value()
    if not 0 < args.time_limit <= MAX_TIME_LIMIT:  # also refuses nan
        raise UsageError(f"--time-limit {args.time_limit:g}: must be more than 0 and at most "
                         f"{MAX_TIME_LIMIT} seconds")
    if args.min_rest is not None and not 0 <= args.min_rest <= 24:
        raise UsageError(f"--min-rest {args.min_rest:g}: must be 0 to 24 hours")


def _solve(scope: svc.Scope, problem, args: argparse.Namespace) -> tuple[svc.AutofillResult, bool]:  # noqa: ANN001
    """Solve on a worker thread so that Ctrl-C stops the search (best so far is kept)."""
    from ..services import autofill as svc

    cancel = threading.Event()
    box: dict[str, object] = {}
    last = [0.0]

    def report(p: Progress) -> None:
        if not args.json and sys.stderr.isatty() and p.elapsed - last[0] >= 1.0:
            last[0] = p.elapsed
            print(f"\r{p.phase}: {p.filled}/{p.needed} places, {p.elapsed:.0f} s", end="",
                  file=sys.stderr, flush=True)

    def work() -> None:
        try:
            box["result"] = svc.propose(scope, problem, time_limit=args.time_limit,
                                        cancel=cancel, progress=report)
        except BaseException as exc:  # re-raised on the main thread
            box["error"] = exc

    thread = threading.Thread(target=work, name="autofill", daemon=True)
    thread.start()
    interrupted = False
    while thread.is_alive():
        try:
            thread.join(0.2)
        except KeyboardInterrupt:
            interrupted = True
            cancel.set()
    if not args.json and sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["result"], interrupted  # type: ignore[return-value]


def _clashes_text(clashes: tuple, labels: svc.Labels) -> str:
    lines = ["these existing duties break hard rules (left as they are; release or correct "
             "them, e.g. with 'availability leave ... --release'):"]
    for p in clashes:
        sl = labels.shifts.get(p.shift_id)
        where = (f"{sl.date} {sl.start}-{sl.end} {sl.title or sl.team}".rstrip()
                 if sl else f"shift {p.shift_id}")
        who = labels.volunteers.get(p.volunteer_id) or f"volunteer {p.volunteer_id}"
        lines.append(f"  shift {p.shift_id} ({where}), {who}: "
                     + PIN_PROBLEMS[p.code].format(other=p.other_shift_id))
    return "\n".join(lines)


def cmd_autofill(db: Database, args: argparse.Namespace) -> int:
    from ..services import autofill as svc
    from ..services import grids as grid_service
    from ..services import teams as team_service
    from ..services.shifts import parse_week, week_label

    _check_options(args)
    monday = parse_week(args.week)
    rest = None if args.min_rest is None else timedelta(hours=args.min_rest)
    with db.session() as s:
        team_id = team_service.resolve(s, args.team) if args.team else None
        grid_id = grid_service.resolve(s, args.grid) if args.grid else None
        scope = svc.Scope.week(monday, team_id, grid_id,
                               allow_outside_availability=args.outside_availability)
        problem = svc.build_problem(s, scope, min_rest=rest)
        labels = svc.labels(s, problem)
    result, interrupted = _solve(scope, problem, args)
    if result.proposal.clashes:  # reported; the rest of the week is filled around them
        print("volunteer-app: warning: " + _clashes_text(result.proposal.clashes, labels), file=sys.stderr)
    batch_id = None
    if not args.dry_run and not interrupted and result.proposal.assignments:
        try:
            with db.session() as s:
                batch_id = svc.apply(s, result).batch_id
        except ConflictError as exc:
            print(f"volunteer-app: {error_text(exc)}", file=sys.stderr)
            return EXIT_INVALID
    if args.json:
        data = result.to_json()
        data["week"] = week_label(monday)
        data["batch_id"] = batch_id
        data["written"] = batch_id is not None
        data["unfilled"] = [
            {"shift_id": g.shift_id, "reason": gap_text(g, labels.teams.get(g.team_id, ""),
                                                        problem.min_rest),
             "code": g.code, "pool": g.pool, "counts": dict(g.counts)}
            for g, _ in result.unfilled()]
        print_json(data)
    else:
        _print_text(result, labels, monday, batch_id, args, interrupted)
    return EXIT_FAILURE if interrupted else 0


def _print_text(result: svc.AutofillResult, labels: svc.Labels, monday, batch_id, args,  # noqa: ANN001
                interrupted: bool) -> None:
    from ..services.shifts import week_label

    p = result.proposal
    scope = []
    if result.scope.team_id is not None:
        scope.append(labels.teams.get(result.scope.team_id, str(result.scope.team_id)))
    if result.scope.grid_id is not None:
        scope.append(f"grid {args.grid}")
    head = f"{week_label(monday)} ({', '.join(scope) or 'all teams and grids'})"
    out = sys.stdout
    out.write(f"{head}: {p.filled} of {p.needed} places filled "
              f"({p.pinned} already assigned, {len(p.assignments)} new); "
              f"{p.status}, {p.seconds:.1f} s\n")
    out.write(f"load spread {p.spread_minutes / 60:.1f} h (greedy baseline: "
              f"{p.greedy_filled} filled, spread {p.greedy_spread_minutes / 60:.1f} h)\n")
    if p.assignments:
        out.write("new assignments:\n")
        outside = set(p.outside)
        for sid, vid in p.assignments:
            sl = labels.shifts[sid]
            what = " ".join(x for x in (sl.title, sl.team, sl.grid) if x)
            mark = " [outside their available times]" if (sid, vid) in outside else ""
            out.write(f"  {sl.date} {sl.start}-{sl.end} {what}: "
                      f"{labels.volunteers.get(vid, vid)} ({vid}){mark}\n")
    if result.gaps:
        out.write("left empty:\n")
        for g in result.gaps:
            sl = labels.shifts[g.shift_id]
            what = " ".join(x for x in (sl.title, sl.team, sl.grid) if x)
            places = f"{g.open} place{'s' if g.open != 1 else ''}"
            out.write(f"  {sl.date} {sl.start}-{sl.end} {what}: {places} empty: "
                      f"{gap_text(g, labels.teams.get(g.team_id, ''), result.problem.min_rest)}\n")
    if interrupted:
        out.write("interrupted: nothing written\n")
    elif batch_id is not None:
        out.write(f"applied as batch {batch_id} (undo with: volunteer-app roster undo {batch_id})\n")
    elif args.dry_run:
        out.write("dry run: nothing written\n")
    else:
        out.write("nothing to add\n")


def cmd_undo(db: Database, args: argparse.Namespace) -> int:
    from ..services import autofill as svc

    try:
        with db.session() as s:
            n = svc.undo(s, args.batch_id)
    except ConflictError as exc:
        print(f"volunteer-app: {error_text(exc)}", file=sys.stderr)
        return EXIT_INVALID
    if args.json:
        print_json({"batch_id": args.batch_id, "removed": n})
    else:
        print(f"batch {args.batch_id} undone: {n} assignments removed")
    return 0


def cmd_batches(db: Database, args: argparse.Namespace) -> int:
    from ..services import autofill as svc

    with db.session() as s:
        rows = svc.list_batches(s)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        state = "undone" if r.undone else f"{r.remaining} in place"
        print(f"{r.id:>4}  {r.created_at}  {r.date_from} to {r.date_to}  "
              f"{r.created_count} created ({state})  {r.status}  {r.operator}")
    return 0

