"""Commands that change the holiday table together with the duties (services.holiday_changes).

``holidays set DATE|FROM..TO --kind holiday|workday [--name] [--replan] [--json]`` writes
the day (or every day of the range) and lists the duties the change affects: shifts to
remove on days that became holidays (or make-up working days for weekend duties) and
shifts to add on make-up working days. Only with ``--replan`` are they removed and added,
in the same unit of work; ``holidays changes`` lists the recorded changes and
``holidays undo CHANGE_ID`` takes one back as a whole.
"""

from __future__ import annotations

import argparse

from ..db import Database
from ..errors import FieldProblem, ValidationError
from ..services import holiday_changes as changes
from . import print_json, with_db
from .argtypes import id_arg


def add_change_commands(hsub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = hsub.add_parser("set", parents=[common],
                        help="add or change a special day or a range of days, listing the duties affected")
    p.add_argument("date", metavar="DATE|FROM..TO", help="a day, or a range such as 2027-02-05..2027-02-11")
    p.add_argument("--kind", choices=("holiday", "workday"), required=True,
                   help="holiday = day off, workday = make-up working day")
    p.add_argument("--name", default="")
    p.add_argument("--replan", action="store_true",
                   help="also remove the duties on the new days off and add those of make-up working days")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_holidays_set))
    p = hsub.add_parser("changes", parents=[common], help="recent changes of the holiday table")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_holidays_changes))
    p = hsub.add_parser("undo", parents=[common],
                        help="take back a change of the table and of the duties it replanned")
    p.add_argument("change_id", type=id_arg)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_holidays_undo))


def _range(text: str) -> tuple[str, str | None]:
    first, sep, last = text.partition("..")
    if sep and not last.strip():
        raise ValidationError(FieldProblem("to", "required", ""))
    return first.strip(), (last.strip() if sep else None)


def _line(a: changes.AffectedShift) -> str:
    who = f"; planned: {', '.join(a.people)}" if a.people else ""
    ident = f"shift {a.shift_id}" if a.shift_id is not None else f"template {a.template_id}"
    return f"  {a.date} {a.start:%H:%M}-{a.end:%H:%M} {a.title} ({a.team or '-'}, {ident}){who}"


def cmd_holidays_set(db: Database, args: argparse.Namespace) -> int:
    first, last = _range(args.date)
    edits = changes.edits_for_range(first, last, args.kind, args.name)
    with db.session() as s:  # the table and the duties: one unit of work
        result = changes.apply_holiday_change(s, edits, replan=args.replan)
    if args.json:
        print_json(result.to_json())
        return 0
    span = f"{edits[0].date}" if len(edits) == 1 else f"{edits[0].date}..{edits[-1].date}"
    print(f"{span}: {args.kind} (change {result.change_id})")
    eff = result.effects
    if eff.empty and not eff.kept:
        print("no duties affected")
        return 0
    done = args.replan
    if eff.remove:
        print(f"{len(eff.remove)} duties {'removed' if done else 'to remove'}:")
        for a in eff.remove:
            print(_line(a))
    if eff.add:
        print(f"{len(eff.add)} duties {'added' if done else 'to add'}:")
        for a in eff.add:
            print(_line(a))
    if eff.kept:
        print(f"{len(eff.kept)} duties kept (served or edited by hand; change them in the planner):")
        for a in eff.kept:
            print(_line(a))
    if eff.people:
        print(f"people {'taken off' if done else 'planned on them'}: {', '.join(eff.people)}")
    if done:
        print(f"undo: volunteer-app holidays undo {result.change_id}")
    elif not eff.empty:
        print("duties unchanged; run again with --replan to change them")
    return 0


def cmd_holidays_changes(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = changes.list_holiday_changes(s)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        state = f"undone {r.undone_at:%Y-%m-%d %H:%M}" if r.undone_at else "applied"
        print(f"{r.id}\t{r.created_at:%Y-%m-%d %H:%M}\t{r.date_from}..{r.date_to}\t"
              f"-{r.removed_count} +{r.added_count}\t{state}")
    return 0


def cmd_holidays_undo(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        row = changes.undo_holiday_change(s, args.change_id)
    if args.json:
        print_json(row.to_json())
    else:
        print(f"holiday change {row.id} undone: {row.removed_count} duties back, "
              f"{row.added_count} removed")
    return 0
