"""``hours`` commands: the service-hours ledger, check-in of shifts, verification, reports
and the yearly certificate."""

from __future__ import annotations

import argparse
import re
from datetime import datetime, time
from pathlib import Path

from ..db import Database
from ..errors import ValidationError
from ..parsing import is_id_text, parse_time, shown
from ..security.permissions import accounts_enabled, acting_name
from ..services import checkin as checkin_service
from ..services import hours as hours_service
from ..services import hours_listing as listing_service
from ..services import hours_reports as report_service
from ..services import requests as req_service
from ..services import teams as team_service
from . import UsageError, messages, print_json, with_db
from .argtypes import date_arg, hours_arg, hours_or_zero_arg, id_arg, month_arg, year_arg
from .requests import add_operator, invalid_conflicts, operator_of

_SPEC = re.compile(r"(?P<who>[^@]+?)(?:@(?P<start>[0-9]{1,2}:[0-9]{2})?(?:-(?P<end>[0-9]{1,2}:[0-9]{2})?)?)?")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    hours = sub.add_parser("hours", parents=[common], help="service hours (志愿服务时长)")
    hsub = hours.add_subparsers(dest="action", required=True)

    p = hsub.add_parser("add", parents=[common], help="record hours by hand, with a reason")
    p.add_argument("volunteer_id")
    p.add_argument("--date", required=True, type=date_arg, help="day served, e.g. 2026-12-07")
    p.add_argument("--hours", required=True, type=hours_arg, help="e.g. 1.5 (more than 0, at most 24)")
    p.add_argument("--reason", required=True, help="why the hours are entered by hand")
    p.add_argument("--team", help="team served for (name or id)")
    p.add_argument("--duty", default="", help="what was done")
    add_operator(p, common)
    p.set_defaults(func=with_db(cmd_add))

    p = hsub.add_parser("correct", parents=[common],
                        help="correct an entry (a new entry replaces it; 0 voids it)")
    p.add_argument("entry_id", type=id_arg)
    p.add_argument("--hours", required=True, type=hours_or_zero_arg, help="0 to 24; 0 voids the entry")
    p.add_argument("--reason", required=True)
    add_operator(p, common)
    p.set_defaults(func=with_db(invalid_conflicts(cmd_correct)))

    p = hsub.add_parser("verify", parents=[common],
                        help="verify entries (by id, or a whole month, optionally of one team)")
    p.add_argument("entry_ids", nargs="*", type=id_arg)
    p.add_argument("--month", type=month_arg, help="verify every unverified entry of YYYY-MM")
    p.add_argument("--team", help="with --month: only this team's entries")
    p.add_argument("--shift", type=id_arg, help="verify the hours of everyone on this shift")
    p.add_argument("--by", help="single-user mode only: captain or coordinator who verifies "
                                "(default: --operator or the OS user); with accounts on the "
                                "verifier is the logged-in operator and --by is refused")
    p.set_defaults(func=with_db(invalid_conflicts(cmd_verify)))

    p = hsub.add_parser("list", parents=[common], help="ledger entries")
    p.add_argument("--month", type=month_arg, help="YYYY-MM")
    p.add_argument("--volunteer", help="volunteer id or name")
    p.add_argument("--team")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--unverified", action="store_true")
    g.add_argument("--verified", action="store_true")
    p.add_argument("--history", action="store_true", help="include corrected (superseded) entries")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_list))

    p = hsub.add_parser("report", parents=[common], help="monthly hours report (.xlsx)")
    p.add_argument("--month", required=True, type=month_arg, help="YYYY-MM")
    p.add_argument("--output", "-o", required=True, type=Path)
    p.add_argument("--json", action="store_true", help="print the totals as JSON")
    p.set_defaults(func=with_db(cmd_report))

    p = hsub.add_parser("year", parents=[common], help="a volunteer's verified hours in a year")
    p.add_argument("volunteer_id")
    p.add_argument("--year", required=True, type=year_arg)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_year))

    p = hsub.add_parser("certificate", parents=[common],
                        help="a volunteer's yearly hours certificate (PDF)")
    p.add_argument("volunteer_id")
    p.add_argument("--year", required=True, type=year_arg)
    p.add_argument("--output", "-o", required=True, type=Path)
    p.add_argument("--font", help="Chinese TrueType font file")
    p.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    p.add_argument("--date", type=date_arg, help="date of issue (default today)")
    p.set_defaults(func=with_db(cmd_certificate))

    p = hsub.add_parser(
        "checkin", parents=[common],
        help="check in a shift: show it, or mark who served, arrived or did not come",
        description="VOLUNTEER is an id or a name on the shift, optionally with times: "
                    "'扎西@19:10-21:00', '扎西@-20:30' (left early), '扎西@19:20' (arrival). "
                    "Missing times default to the planned ones.",
    )
    p.add_argument("shift_id", type=id_arg)
    p.add_argument("--all-as-planned", action="store_true",
                   help="everyone not yet marked served the planned times")
    p.add_argument("--completed", action="append", default=[], metavar="VOLUNTEER[@HH:MM-HH:MM]")
    p.add_argument("--arrived", action="append", default=[], metavar="VOLUNTEER[@HH:MM]")
    p.add_argument("--no-show", action="append", default=[], metavar="VOLUNTEER")
    p.add_argument("--json", action="store_true")
    add_operator(p, common)
    p.set_defaults(func=with_db(invalid_conflicts(cmd_checkin)))


def _volunteer(s, text: str) -> int:  # noqa: ANN001
    return req_service.resolve_volunteer(s, text)


def cmd_add(db: Database, args: argparse.Namespace) -> int:
    on = args.date
    with db.session() as s:
        vid = _volunteer(s, args.volunteer_id)
        team_id = team_service.resolve(s, args.team) if args.team else None
        eid = hours_service.add_manual(s, vid, on, args.hours, args.reason, operator_of(args),
                                       team_id=team_id, duty=args.duty)
        e = listing_service.get_entry(s, eid)
    print(f"hours entry {eid}: {e.volunteer} {e.date} {e.hours:g} h (awaiting verification)")
    return 0


def cmd_correct(db: Database, args: argparse.Namespace) -> int:
    entry_id = args.entry_id
    with db.session() as s:
        new_id = hours_service.correct(s, entry_id, args.hours, args.reason, operator_of(args))
        e = listing_service.get_entry(s, new_id)
    print(f"hours entry {new_id} corrects entry {entry_id}: {e.hours:g} h (awaiting verification)")
    return 0


def cmd_verify(db: Database, args: argparse.Namespace) -> int:
    if sum(map(bool, (args.entry_ids, args.month, args.shift))) != 1:
        raise UsageError("give entry ids, --month or --shift (one of them)")
    if args.team and not args.month:
        raise UsageError("--team only goes with --month")
    ids = args.entry_ids
    with db.session() as s:
        if args.by is not None and accounts_enabled(s):
            # Nobody verifies "by" someone else: the core would record the operator anyway.
            raise UsageError("--by is for single-user mode; with accounts on the verifier is "
                             "the logged-in operator (--operator)")
        by = args.by if args.by is not None else operator_of(args)
        if args.shift:
            n = checkin_service.verify_shift(s, args.shift, by)
        elif args.month:
            team_id = team_service.resolve(s, args.team) if args.team else None
            n = hours_service.verify_month(s, args.month, by, team_id=team_id)
        else:
            n = hours_service.verify(s, ids, by)
        who = acting_name(s, by)
    print(f"{n} entries verified by {who}")
    return 0


def cmd_list(db: Database, args: argparse.Namespace) -> int:
    verified = True if args.verified else (False if args.unverified else None)
    with db.session() as s:
        flt = listing_service.EntryFilter(month=args.month, verified=verified,
                                        include_superseded=args.history)
        if args.volunteer:
            flt.volunteer_id = _volunteer(s, args.volunteer)
        if args.team:
            flt.team_id = team_service.resolve(s, args.team)
        rows = listing_service.list_entries(s, flt)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        state = "verified" if r.verified else "pending"
        if r.superseded_by:
            state = f"corrected by {r.superseded_by}"
        fix = f" (corrects {r.corrects_id})" if r.corrects_id else ""
        print(f"{r.id:>6}  {r.date}  {r.volunteer:<10}\t{r.hours:>6.2f} h  {r.source:<10} "
              f"{r.team or '-'}\t{r.duty}\t{state}{fix}")
    counted = sum(r.minutes for r in rows if r.counts)
    print(f"{len(rows)} entries, {hours_service.minutes_to_hours(counted):g} verified hours")
    return 0


def cmd_report(db: Database, args: argparse.Namespace) -> int:
    from ..importexport.hours_report import write_hours_report

    if args.output.suffix.lower() != ".xlsx":
        raise UsageError(f"{args.output}: the report is written as .xlsx")
    with db.session() as s:
        summary = write_hours_report(s, args.month, args.output)
    if args.json:
        print_json({"month": summary.month, "volunteers": summary.volunteers,
                    "teams": summary.teams, "verified_hours": summary.verified_hours,
                    "unverified_hours": summary.unverified_hours, "entries": summary.entries,
                    "output": str(args.output)})
        return 0
    print(f"{args.output}: {summary.month}, {summary.volunteers} volunteers, "
          f"{summary.verified_hours:g} verified hours "
          f"({summary.unverified_hours:g} awaiting verification)")
    return 0


def cmd_year(db: Database, args: argparse.Namespace) -> int:
    with db.session() as s:
        t = report_service.yearly_totals(s, _volunteer(s, args.volunteer_id), args.year)
    if args.json:
        print_json({
            "volunteer_id": t.volunteer_id, "name": t.name, "year": t.year, "hours": t.hours,
            "unverified_hours": hours_service.minutes_to_hours(t.unverified_minutes),
            "duties": t.duties, "no_shows": t.no_shows,
            "by_month": [hours_service.minutes_to_hours(m) for m in t.by_month],
            "by_team": {name or "": hours_service.minutes_to_hours(m) for name, m in t.by_team},
        })
        return 0
    missed = f", {t.no_shows} no-shows" if t.no_shows else ""  # the record has them too
    print(f"{t.name} {t.year}: {t.hours:g} verified hours in {t.duties} duties{missed}")
    return 0


def cmd_certificate(db: Database, args: argparse.Namespace) -> int:
    from ..printing import FontMissing, OutputError, PrintOptions
    from ..printing.jobs import PrintRequest, prepare

    issued = args.date
    with db.session() as s:
        request = PrintRequest("certificate", volunteer_ids=(_volunteer(s, args.volunteer_id),),
                               year=args.year, lang=args.lang)
        prepared = prepare(s, request)
    totals = prepared.data[0]
    try:
        prepared.render(args.output, PrintOptions(font_path=args.font, printed_on=issued))
    except FontMissing as exc:
        if args.font:
            raise UsageError(messages.error_text(exc)) from exc
        raise
    except OutputError as exc:  # "cannot write F (reason)", or F is a device, a folder, read-only
        raise UsageError(messages.error_text(exc)) from exc
    print(f"{args.output}: certificate for {totals.name}, {totals.year}: {totals.hours:g} hours")
    return 0


def _parse_spec(text: str, what: str) -> tuple[str, str | None, str | None]:
    m = _SPEC.fullmatch(text.strip())
    if not m:
        raise UsageError(f"{what} {shown(text)!r}: expected VOLUNTEER or VOLUNTEER@HH:MM-HH:MM")
    return m.group("who").strip(), m.group("start"), m.group("end")


def _clock(text: str, what: str) -> time:
    try:
        return parse_time(text, "time")
    except ValidationError:
        raise UsageError(f"{what}: {shown(text)!r} is not a time like 19:30") from None


def cmd_checkin(db: Database, args: argparse.Namespace) -> int:
    shift_id = args.shift_id
    operator = operator_of(args)
    with db.session() as s:
        sheet = checkin_service.checkin_sheet(s, shift_id)
        by_vid = {r.volunteer_id: r for r in sheet.rows}
        by_name: dict[str, list] = {}
        for r in sheet.rows:
            by_name.setdefault(r.name, []).append(r)

        def row_for(who: str, what: str):  # noqa: ANN202
            if is_id_text(who) and int(who) in by_vid:
                return by_vid[int(who)]
            found = by_name.get(who, [])
            if len(found) != 1:
                raise UsageError(f"{what} {shown(who)!r}: not (exactly one) volunteer on shift {shift_id}")
            return found[0]

        def at(text: str | None, what: str) -> datetime | None:
            if text is None:
                return None
            return checkin_service.time_on_shift(sheet.date, sheet.start_time, sheet.end_time,
                                               _clock(text, what))

        marks: list[checkin_service.CheckinMark] = []
        for spec in args.completed:
            who, start, end = _parse_spec(spec, "--completed")
            r = row_for(who, "--completed")
            marks.append(checkin_service.CheckinMark(
                r.assignment_id, "completed", at(start, "--completed"), at(end, "--completed")))
        for spec in args.arrived:
            who, start, end = _parse_spec(spec, "--arrived")
            if end:
                raise UsageError(f"--arrived {shown(spec)!r}: use --completed to give a departure time")
            r = row_for(who, "--arrived")
            marks.append(checkin_service.CheckinMark(r.assignment_id, "checked_in",
                                                   at(start, "--arrived")))
        for spec in args.no_show:
            who, start, end = _parse_spec(spec, "--no-show")
            if start or end:
                raise UsageError(f"--no-show {shown(spec)!r} takes no times")
            marks.append(checkin_service.CheckinMark(row_for(who, "--no-show").assignment_id,
                                                   "no_show"))
        seen = [m.assignment_id for m in marks]
        if len(seen) != len(set(seen)):
            raise UsageError("a volunteer is marked more than once")
        created: list[int] = []
        corrected: list[int] = []
        if marks:
            res = checkin_service.record_checkin(s, shift_id, marks, operator)
            created += res.entries_created
            corrected += res.entries_corrected
        if args.all_as_planned:
            res = checkin_service.all_arrived_as_planned(s, shift_id, operator)
            created += res.entries_created
            corrected += res.entries_corrected
        sheet = checkin_service.checkin_sheet(s, shift_id)
    if args.json:
        print_json({
            "shift_id": sheet.shift_id, "title": sheet.title, "date": sheet.date.isoformat(),
            "planned_start": sheet.planned_start.isoformat(timespec="minutes"),
            "planned_end": sheet.planned_end.isoformat(timespec="minutes"),
            "entries_created": created, "entries_corrected": corrected,
            "volunteers": [{
                "assignment_id": r.assignment_id, "volunteer_id": r.volunteer_id, "name": r.name,
                "status": r.status,
                "actual_start": r.actual_start.isoformat(timespec="minutes") if r.actual_start else None,
                "actual_end": r.actual_end.isoformat(timespec="minutes") if r.actual_end else None,
                "hours": hours_service.minutes_to_hours(r.minutes) if r.minutes is not None else None,
                "verified": r.verified,
            } for r in sheet.rows],
        })
        return 0
    title = sheet.title or sheet.duty_type
    print(f"shift {sheet.shift_id} {title} {sheet.planned_start:%Y-%m-%d %H:%M} - "
          f"{sheet.planned_end:%Y-%m-%d %H:%M} {sheet.team or ''}")
    for r in sheet.rows:
        times = ""
        if r.actual_start:
            times = f"{r.actual_start:%m-%d %H:%M} - {r.actual_end:%m-%d %H:%M}" if r.actual_end \
                else f"{r.actual_start:%m-%d %H:%M} -"
        hours = f"{hours_service.minutes_to_hours(r.minutes):g} h" if r.minutes else ""
        print(f"  {r.volunteer_id:>6}  {r.name:<10}\t{r.status:<10} {times:<27} {hours}")
    if created or corrected:
        print(f"{len(created)} hours entries written, {len(corrected)} corrected "
              "(awaiting verification)")
    return 0
