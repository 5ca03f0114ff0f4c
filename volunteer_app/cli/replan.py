"""Commands for duties left behind by a leave or a departure (services.replan).

``availability leave ... [--release]`` and ``volunteers leave VOLUNTEER_ID --date DATE
[--release]`` list the duties the leave or departure covers; with ``--release`` they are
taken off in the same unit of work as the leave, and the ids printed can be given back to
``availability restore-duties`` to undo it. Filling the places is ``roster autofill``.
"""

from __future__ import annotations

import argparse

from ..db import Database
from ..services import availability as avail
from ..services import replan
from ..services import volunteers as vol_service
from . import print_json, with_db
from .argtypes import date_arg, id_arg


def add_volunteer_leave(vsub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = vsub.add_parser("leave", parents=[common],
                        help="mark a volunteer as left from a date, listing (or releasing) their duties")
    p.add_argument("volunteer_id", type=id_arg)
    p.add_argument("--date", dest="left_on", type=date_arg, required=True, help="the last day of service")
    p.add_argument("--release", action="store_true", help="take them off their duties after that day")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_volunteer_leave))


def add_availability_commands(asub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = asub.add_parser("leave", parents=[common], help="record a leave or unavailable range")
    p.add_argument("volunteer_id", type=id_arg)
    p.add_argument("--from", dest="start", type=date_arg, required=True)
    p.add_argument("--to", dest="end", type=date_arg, required=True)
    p.add_argument("--kind", choices=("leave", "unavailable"), default="leave")
    p.add_argument("--reason", default="")
    p.add_argument("--release", action="store_true", help="take them off the duties the leave covers")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_availability_leave))
    p = asub.add_parser("restore-duties", parents=[common],
                        help="give back duties released with --release (undo)")
    p.add_argument("assignment_ids", type=id_arg, nargs="+", metavar="ASSIGNMENT_ID")
    p.set_defaults(func=with_db(cmd_restore_duties))


def _report(what: str, duties: list[replan.HeldDuty], released: list[int], as_json: bool,
            extra: dict) -> None:
    if as_json:
        print_json({**extra, "duties": [d.to_json() for d in duties], "released": released})
        return
    print(what)
    if not duties:
        print("no duties held in that time")
        return
    verb = "released" if released else "still held (use --release to take them off)"
    print(f"{len(duties)} duties {verb}:")
    for d in duties:
        print(f"  assignment {d.assignment_id}: {d.date} {d.start:%H:%M}-{d.end:%H:%M} "
              f"{d.title or d.team} (shift {d.shift_id}, {d.status})")
    if released:
        print("undo: volunteer-app availability restore-duties " + " ".join(map(str, released)))
        print("fill the places: volunteer-app roster autofill --week YYYY-Www")


def cmd_availability_leave(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:  # the leave and the release: one unit of work
        lid = avail.add_leave(s, args.volunteer_id, args.start, args.end, args.kind, args.reason)
        duties = replan.held_duties(s, args.volunteer_id, args.start, args.end)
        released = (replan.release_duties(s, args.volunteer_id, [d.assignment_id for d in duties])
                    if args.release and duties else [])
    _report(f"{args.kind} #{lid} recorded", duties, released, args.json,
            {"leave_id": lid, "kind": args.kind})
    return 0


def cmd_volunteer_leave(db: Database, args: argparse.Namespace) -> int:
    from datetime import timedelta

    with db.session() as s:
        vol_service.deactivate(s, args.volunteer_id, args.left_on)
        duties = replan.held_duties(s, args.volunteer_id, args.left_on + timedelta(days=1))
        released = (replan.release_duties(s, args.volunteer_id, [d.assignment_id for d in duties])
                    if args.release and duties else [])
    _report(f"volunteer {args.volunteer_id} marked as left on {args.left_on}", duties, released,
            args.json, {"volunteer_id": args.volunteer_id, "left_on": args.left_on.isoformat()})
    return 0


def cmd_restore_duties(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        restored = replan.restore_released(s, args.assignment_ids)
    print(f"{len(restored)} duties given back: " + ", ".join(map(str, restored)))
    return 0
