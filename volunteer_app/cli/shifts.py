"""Commands for shift planning: shifts, templates, holidays and availability."""

from __future__ import annotations

import argparse
import sys
from datetime import date, time

from ..db import Database
from ..errors import ConflictError, ValidationError
from ..models.shifts import ASSIGNMENT_STATUSES, DUTY_TYPES
from ..parsing import parse_time, shown
from ..scheduling import holidays as hol
from ..scheduling.conflicts import Conflict
from ..services import assignments as assignment_service
from ..services import availability as avail
from ..services import grids as grid_service
from ..services import holidays as holiday_service
from ..services import shifts as svc
from ..services import teams as team_service
from ..services import templates as template_service
from ..services import week_copy as week_copy_service
from . import EXIT_INVALID, print_json, with_db
from . import holidays as holiday_commands
from .argtypes import count_arg, date_arg, id_arg, moment_arg, time_arg, week_arg, year_arg
from .messages import error_text, reason_text

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
HOLIDAY_NAMES = {
    "new_years_day": "New Year's Day", "spring_festival": "Spring Festival",
    "tomb_sweeping_day": "Tomb-sweeping Day", "labour_day": "Labour Day",
    "dragon_boat_festival": "Dragon Boat Festival", "national_day": "National Day",
    "mid_autumn_festival": "Mid-autumn Festival", "anti_fascist_70th_day": "Anti-Fascist 70th Day",
}


# Strict types (ASCII digits, the years the app plans for): volunteer_app.parsing.
_date, _time, _datetime, _week = date_arg, time_arg, moment_arg, week_arg
_year, _id = year_arg, id_arg
_needed, _duty_limit = count_arg(1, svc.MAX_NEEDED), count_arg(0, avail.MAX_LIMIT)


def _window(text: str) -> tuple[int, time, time]:
    """``mon 19:00-22:00`` -> (0, 19:00, 22:00)."""
    try:
        day, span = text.split()
        start, end = span.split("-")
        return WEEKDAYS.index(day.strip().lower()[:3]), parse_time(start), parse_time(end)
    except (ValueError, ValidationError):
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a window (use e.g. 'mon 19:00-22:00')") from None


def conflict_text(c: Conflict) -> str:
    """One conflict as an English line."""
    d = c.detail()
    extra = ""
    if c.code == "overlap":
        extra = f" (shift {d.get('shift_id')} at {d.get('start')})"
    elif c.code == "on_leave":
        extra = f" ({d.get('kind')} {d.get('start')} to {d.get('end')})"
    elif c.code == "full":
        extra = f" ({d.get('filled')} of {d.get('needed')})"
    elif c.code in ("over_week_max", "over_day_max"):
        extra = f" ({d.get('count')} > {d.get('limit')})"
    elif c.code == "short_rest":
        extra = f" ({d.get('hours')} h after or before shift {d.get('shift_id')})"
    return f"{c.severity} conflict: {reason_text(c.code)}{extra}"


def _refuse(exc: ConflictError) -> int:
    """A refusal that leaves the data untouched: message and exit 2."""
    if isinstance(exc, assignment_service.AssignmentBlocked):
        lines = [conflict_text(c) for c in exc.conflicts if c.hard]
        lines.append("use --override REASON to assign anyway")
        print("volunteer-app: " + "\n".join(lines), file=sys.stderr)
    else:
        print(f"volunteer-app: {error_text(exc)}", file=sys.stderr)
    return EXIT_INVALID


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    shifts = sub.add_parser("shifts", parents=[common], help="shift planning")
    ssub = shifts.add_subparsers(dest="action", required=True)

    p = ssub.add_parser("generate", parents=[common], help="create shifts from the duty templates")
    p.add_argument("--from", dest="start", type=_date, required=True)
    p.add_argument("--to", dest="end", type=_date, required=True)
    p.add_argument("--template", type=_id, action="append", help="only this template id (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_generate))

    p = ssub.add_parser("list", parents=[common], help="the shifts of an ISO week")
    p.add_argument("--week", type=_week, required=True, help="ISO week, e.g. 2026-W50")
    p.add_argument("--team")
    p.add_argument("--grid")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_list))

    p = ssub.add_parser("assign", parents=[common], help="put a volunteer on a shift")
    p.add_argument("shift_id", type=_id)
    p.add_argument("volunteer_id", type=_id)
    p.add_argument("--override", metavar="REASON", help="assign despite hard conflicts, giving the reason")
    p.add_argument("--confirmed", action="store_true", help="mark the assignment confirmed at once")
    p.set_defaults(func=with_db(cmd_assign))

    p = ssub.add_parser("unassign", parents=[common], help="take a volunteer off a shift")
    p.add_argument("shift_id", type=_id)
    p.add_argument("volunteer_id", type=_id)
    p.set_defaults(func=with_db(cmd_unassign))

    p = ssub.add_parser("check", parents=[common], help="show the conflicts of an assignment without making it")
    p.add_argument("shift_id", type=_id)
    p.add_argument("volunteer_id", type=_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_check))

    p = ssub.add_parser("status", parents=[common], help="set an assignment's status")
    p.add_argument("shift_id", type=_id)
    p.add_argument("volunteer_id", type=_id)
    p.add_argument("status", choices=ASSIGNMENT_STATUSES)
    p.add_argument("--actual-start", type=_datetime)
    p.add_argument("--actual-end", type=_datetime)
    p.set_defaults(func=with_db(cmd_status))

    p = ssub.add_parser("candidates", parents=[common], help="volunteers for a shift, eligible first")
    p.add_argument("shift_id", type=_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_candidates))

    p = ssub.add_parser("copy-week", parents=[common], help="copy the previous week's plan into a week")
    p.add_argument("--week", type=_week, required=True)
    p.add_argument("--team")
    p.set_defaults(func=with_db(cmd_copy_week))

    p = ssub.add_parser("add", parents=[common], help="add a one-off shift")
    p.add_argument("--date", type=_date, required=True)
    p.add_argument("--start", type=_time, required=True)
    p.add_argument("--end", type=_time, required=True)
    p.add_argument("--type", choices=DUTY_TYPES, default="other")
    p.add_argument("--team")
    p.add_argument("--grid")
    p.add_argument("--location", default="")
    p.add_argument("--needed", type=_needed, default=1)
    p.add_argument("--title", default="")
    p.set_defaults(func=with_db(cmd_add))

    p = ssub.add_parser("delete", parents=[common], help="delete a shift")
    p.add_argument("shift_id", type=_id)
    p.add_argument("--force", action="store_true", help="also when volunteers are planned on it")
    p.set_defaults(func=with_db(cmd_delete))

    p = ssub.add_parser("batches", parents=[common], help="list generation and copy runs")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_batches))

    p = ssub.add_parser("undo-batch", parents=[common], help="delete every shift a run created")
    p.add_argument("batch_id", type=_id)
    p.set_defaults(func=with_db(cmd_undo_batch))

    tmpl = sub.add_parser("templates", parents=[common], help="recurring duty templates")
    tsub = tmpl.add_subparsers(dest="action", required=True)
    p = tsub.add_parser("list", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_templates_list))
    p = tsub.add_parser("add", parents=[common])
    p.add_argument("--name", required=True)
    p.add_argument("--start", type=_time, required=True)
    p.add_argument("--end", type=_time, required=True)
    p.add_argument("--type", choices=DUTY_TYPES, default="patrol")
    p.add_argument("--days", default="*", help="cron day_of_week with names, e.g. mon-fri or sat")
    p.add_argument("--day", default="*", help="cron day of month")
    p.add_argument("--month", default="*", help="cron month")
    p.add_argument("--team")
    p.add_argument("--grid")
    p.add_argument("--location", default="")
    p.add_argument("--needed", type=_needed, default=1)
    p.add_argument("--from", dest="valid_from", type=_date)
    p.add_argument("--until", dest="valid_until", type=_date)
    p.add_argument("--no-holidays", action="store_true", help="do not run on statutory holidays")
    p.add_argument("--makeup-as-weekend", action="store_true",
                   help="make-up working days keep their calendar weekday (default: count as weekdays)")
    p.set_defaults(func=with_db(cmd_templates_add))
    p = tsub.add_parser("delete", parents=[common])
    p.add_argument("template_id", type=_id)
    p.set_defaults(func=with_db(cmd_templates_delete))

    hols = sub.add_parser("holidays", parents=[common], help="statutory holidays and make-up working days")
    hsub = hols.add_subparsers(dest="action", required=True)
    p = hsub.add_parser("list", parents=[common])
    p.add_argument("--year", type=_year, default=date.today().year)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_holidays_list))
    holiday_commands.add_change_commands(hsub, common)  # set, changes, undo
    p = hsub.add_parser("remove", parents=[common], help="make a day ordinary again")
    p.add_argument("date", type=_date)
    p.set_defaults(func=with_db(cmd_holidays_remove))
    p = hsub.add_parser("confirm-year", parents=[common],
                        help="declare the table complete for a year without official data")
    p.add_argument("year", type=_year)
    p.set_defaults(func=with_db(cmd_holidays_confirm))
    p = hsub.add_parser("reimport", parents=[common],
                        help="replace a year's table rows with chinese_calendar's data")
    p.add_argument("year", type=_year)
    p.set_defaults(func=with_db(cmd_holidays_reimport))

    av = sub.add_parser("availability", parents=[common], help="volunteers' availability and leave")
    asub = av.add_subparsers(dest="action", required=True)
    p = asub.add_parser("show", parents=[common])
    p.add_argument("volunteer_id", type=_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_avail_show))
    p = asub.add_parser("windows", parents=[common], help="replace the weekly windows")
    p.add_argument("volunteer_id", type=_id)
    p.add_argument("window", nargs="*", type=_window, help="e.g. 'mon 19:00-22:00'; none = any time")
    p.set_defaults(func=with_db(cmd_avail_windows))
    from .replan import add_availability_commands

    add_availability_commands(asub, common)  # leave (listing, --release) and restore-duties
    p = asub.add_parser("remove-leave", parents=[common])
    p.add_argument("leave_id", type=_id)
    p.set_defaults(func=with_db(cmd_avail_remove_leave))
    p = asub.add_parser("limits", parents=[common], help="maximum duties per week and per day")
    p.add_argument("volunteer_id", type=_id)
    p.add_argument("--week", type=_duty_limit, help="per ISO week, 0 to 50 (omit for no limit)")
    p.add_argument("--day", type=_duty_limit, help="per day, 0 to 50 (omit for no limit)")
    p.set_defaults(func=with_db(cmd_avail_limits))


def _notice(years: tuple[int, ...] | list[int]) -> None:
    if years:
        listed = ", ".join(str(y) for y in years)
        print(f"notice: no official holiday data for {listed}; planning uses weekends plus the "
              "holiday table (volunteer-app holidays confirm-year YEAR once it is complete)",
              file=sys.stderr)


def cmd_generate(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        res = template_service.generate(s, args.start, args.end, args.template)
    if args.json:
        print_json(res.to_json())
    else:
        batch = f" (batch {res.batch_id})" if res.batch_id else ""
        print(f"{res.date_from} to {res.date_to}: created {res.created} shifts{batch}, "
              f"{res.existing} already there, {res.skipped} deleted by hand left out")
    _notice(res.uncovered_years)
    return 0


def _team_grid(s, args: argparse.Namespace) -> tuple[int | None, int | None]:  # noqa: ANN001
    team_id = team_service.resolve(s, args.team) if getattr(args, "team", None) else None
    grid_id = grid_service.resolve(s, args.grid) if getattr(args, "grid", None) else None
    return team_id, grid_id


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        team_id, grid_id = _team_grid(s, args)
        plan = svc.week_plan(s, args.week, team_id=team_id, grid_id=grid_id)
    if args.json:
        print_json([r.to_json() for r in plan.shifts])
        _notice(plan.uncovered_years)
        return 0
    print(f"{plan.label}  {plan.monday} to {plan.days[-1].date}")
    special = {d.date: d for d in plan.days if d.kind in (hol.HOLIDAY, hol.MAKEUP)}
    for d in special.values():
        what = "holiday" if d.kind == hol.HOLIDAY else "make-up working day"
        name = d.name or HOLIDAY_NAMES.get(d.code, d.code)
        print(f"  {d.date} {what}{': ' + name if name else ''}")
    for r in plan.shifts:
        names = "、".join(a.name for a in r.on_shift) or "-"
        where = r.grid or r.location or ""
        night = " (overnight)" if r.overnight else ""
        print(f"{r.id:>6}  {r.date} {r.start:%H:%M}-{r.end:%H:%M}{night}  {r.duty_type:<16} "
              f"{r.team or '-'}  {where}  {r.filled}/{r.needed}  {names}")
    print(f"{len(plan.shifts)} shifts")
    _notice(plan.uncovered_years)
    return 0


def cmd_assign(db: Database, args: argparse.Namespace) -> int:
    try:
        with db.session() as s:
            res = assignment_service.assign(s, args.shift_id, args.volunteer_id, args.override,
                             status="confirmed" if args.confirmed else "planned")
    except ConflictError as exc:
        return _refuse(exc)
    for c in res.overridden:
        print(f"overridden {conflict_text(c)}")
    for c in res.warnings:
        print(f"warning: {conflict_text(c)}")
    print(f"volunteer {args.volunteer_id} assigned to shift {args.shift_id}")
    return 0


def cmd_unassign(db: Database, args: argparse.Namespace) -> int:
    try:
        with db.session() as s:
            assignment_service.unassign(s, args.shift_id, args.volunteer_id)
    except ConflictError as exc:
        return _refuse(exc)
    print(f"volunteer {args.volunteer_id} removed from shift {args.shift_id}")
    return 0


def cmd_check(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        conflicts = assignment_service.check_assignment(s, args.shift_id, args.volunteer_id)
    if args.json:
        print_json([c.to_json() for c in conflicts])
    else:
        for c in conflicts:
            print(conflict_text(c))
        if not conflicts:
            print("no conflicts")
    return 0


def cmd_status(db: Database, args: argparse.Namespace) -> int:
    try:
        with db.session() as s:
            assignment_service.set_status(s, args.shift_id, args.volunteer_id, args.status,
                           actual_start=args.actual_start, actual_end=args.actual_end)
    except ConflictError as exc:
        return _refuse(exc)
    print(f"shift {args.shift_id}, volunteer {args.volunteer_id}: {args.status}")
    return 0


def cmd_candidates(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = assignment_service.candidates(s, args.shift_id)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        mark = "ok " if r.eligible else "-- "
        why = "; ".join(conflict_text(c) for c in r.conflicts)
        print(f"{mark}{r.volunteer_id:>6}  {r.name:<10}\t{r.week_duties} this week\t{why}")
    return 0


def cmd_copy_week(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        team_id, _ = _team_grid(s, args)
        res = week_copy_service.copy_week(s, args.week, team_id=team_id)
    print(f"{svc.week_label(args.week)}: {res.shifts_created} shifts created, "
          f"{res.assignments_copied} assignments copied, {len(res.skipped)} skipped")
    for sk in res.skipped:
        why = ", ".join(reason_text(c) for c in sk.codes)
        print(f"  skipped {sk.name} (volunteer {sk.volunteer_id}) on shift {sk.target_shift_id}: {why}")
    return 0


def cmd_add(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        team_id, grid_id = _team_grid(s, args)
        sid = svc.create_shift(s, svc.ShiftData(
            date=args.date, start_time=args.start, end_time=args.end, duty_type=args.type,
            team_id=team_id, grid_id=grid_id, location=args.location, needed=args.needed,
            title=args.title))
    print(f"shift {sid} added")
    return 0


def cmd_delete(db: Database, args: argparse.Namespace) -> int:
    try:
        with db.session() as s:
            svc.delete_shift(s, args.shift_id, force=args.force)
    except ConflictError as exc:
        return _refuse(exc)
    print(f"shift {args.shift_id} deleted")
    return 0


def cmd_batches(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = template_service.list_batches(s)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for b in rows:
        state = "undone" if b.undone_at else ("can be undone" if b.can_undo else
                                              f"{b.with_assignments} shifts have assignments")
        print(f"{b.id:>5}  {b.kind:<8} {b.created_at:%Y-%m-%d %H:%M}  {b.date_from} to {b.date_to}  "
              f"{b.created_count} created, {b.remaining} left  {state}")
    return 0


def cmd_undo_batch(db: Database, args: argparse.Namespace) -> int:
    try:
        with db.session() as s:
            n = template_service.undo_batch(s, args.batch_id)
    except ConflictError as exc:
        return _refuse(exc)
    print(f"batch {args.batch_id} undone: {n} shifts deleted")
    return 0


def cmd_templates_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = template_service.list_templates(s)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for t in rows:
        flags = []
        if not t.on_holidays:
            flags.append("not on holidays")
        if not t.active:
            flags.append("inactive")
        print(f"{t.id:>4}  {t.name}\t{t.duty_type}\t{t.day_of_week} {t.start_time:%H:%M}-{t.end_time:%H:%M}"
              f"\t{t.team or '-'}\t{t.grid or t.location or '-'}\tneeds {t.needed}"
              f"{'  (' + ', '.join(flags) + ')' if flags else ''}")
    return 0


def cmd_templates_add(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        team_id, grid_id = _team_grid(s, args)
        tid = template_service.save_template(s, None, template_service.TemplateData(
            name=args.name, start_time=args.start, end_time=args.end, duty_type=args.type,
            team_id=team_id, grid_id=grid_id, location=args.location, needed=args.needed,
            day_of_week=args.days, day=args.day, month=args.month, valid_from=args.valid_from,
            valid_until=args.valid_until, on_holidays=not args.no_holidays,
            makeup_as_weekday=not args.makeup_as_weekend))
    print(f"template {tid} added")
    return 0


def cmd_templates_delete(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        template_service.delete_template(s, args.template_id)
    print(f"template {args.template_id} deleted")
    return 0


def cmd_holidays_list(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        rows = holiday_service.list_holidays(s, args.year)
        status = holiday_service.year_status(s, args.year)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        for r in rows:
            what = "holiday" if r.kind == "holiday" else "make-up working day"
            name = r.name or HOLIDAY_NAMES.get(r.code, r.code)
            source = "预计 estimated" if r.estimated else r.source
            print(f"{r.date}  {r.date:%a}  {what:<20} {name}\t({source})")
        print(f"{len(rows)} special days in {args.year}")
    if status.notice:
        _notice([args.year])
    return 0


def cmd_holidays_remove(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        holiday_service.remove_holiday(s, args.date)
    print(f"{args.date}: ordinary day")
    return 0


def cmd_holidays_confirm(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        holiday_service.confirm_year(s, args.year)
    print(f"holidays of {args.year} confirmed complete")
    return 0


def cmd_holidays_reimport(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        n = holiday_service.reimport_year(s, args.year)
    print(f"holidays of {args.year}: {n} days imported from chinese_calendar")
    return 0


def cmd_avail_show(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        info = avail.get_availability(s, args.volunteer_id)
    if args.json:
        print_json(info.to_json())
        return 0
    if not info.windows:
        print("windows: any time")
    for w in info.windows:
        print(f"window: {WEEKDAYS[w.weekday]} {w.start:%H:%M}-{w.end:%H:%M}")
    for x in info.leaves:
        print(f"{x.kind} #{x.id}: {x.start} to {x.end} {x.reason}")
    print(f"max per week: {info.max_per_week if info.max_per_week is not None else '-'}, "
          f"per day: {info.max_per_day if info.max_per_day is not None else '-'}")
    return 0


def cmd_avail_windows(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        avail.set_windows(s, args.volunteer_id, args.window)
    print(f"volunteer {args.volunteer_id}: {len(args.window)} windows")
    return 0


def cmd_avail_remove_leave(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        avail.remove_leave(s, args.leave_id)
    print(f"leave #{args.leave_id} removed")
    return 0


def cmd_avail_limits(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        avail.set_limits(s, args.volunteer_id, args.week, args.day)
    print(f"volunteer {args.volunteer_id}: max {args.week} per week, {args.day} per day")
    return 0
