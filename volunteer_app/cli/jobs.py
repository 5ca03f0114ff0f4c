"""Commands for background jobs, reminders and calendar exports.

``jobs list|run|history|set``, ``reminders due --at``, and ``ics`` under the
``volunteers`` and ``teams`` groups (which the registers module creates; this module
attaches its subcommand to them).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from ..clock import community_zone
from ..db import Database
from ..errors import NotFoundError, ValidationError
from ..jobs import settings as cfg
from ..jobs.duties import load_duties
from ..jobs.ics import team_ics, volunteer_ics
from ..jobs.jobs import list_runs
from ..jobs.reminders import REMINDABLE_STATUSES, due_reminders
from ..jobs.scheduler import SchedulerService
from ..models.jobs import ReminderLog
from ..parsing import shown
from ..security.permissions import require
from ..services import teams as team_service
from . import EXIT_FAILURE, UsageError, print_json, with_db
from .argtypes import count_arg, date_arg, id_arg, limit_arg, moment_with_offset_arg
from .messages import JOB_REASONS, JOB_SETTING_REASONS


def _subcommands(sub: argparse._SubParsersAction, group: str) -> argparse._SubParsersAction:
    """The subcommand table of a command group another module created."""
    parser = sub.choices.get(group)
    if parser is None:
        raise RuntimeError(f"command group {group!r} is missing")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError(f"command group {group!r} has no subcommands")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    jobs = sub.add_parser("jobs", parents=[common], help="background jobs (reminders, alerts, plan, backup)")
    jsub = jobs.add_subparsers(dest="action", required=True)
    p = jsub.add_parser("list", parents=[common], help="jobs with their next run time")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_jobs_list))
    p = jsub.add_parser("run", parents=[common], help="run a job now")
    p.add_argument("name", help="job id, e.g. duty_reminders (see: jobs list)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_jobs_run))
    p = jsub.add_parser("history", parents=[common], help="recent runs")
    p.add_argument("name", nargs="?")
    p.add_argument("--limit", type=limit_arg, default=20, help="1 to 1000000 (default 20)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_jobs_history))
    p = jsub.add_parser("set", parents=[common], help="switch a job on or off and time it")
    p.add_argument("name")
    onoff = p.add_mutually_exclusive_group()
    onoff.add_argument("--enable", dest="enabled", action="store_const", const=True)
    onoff.add_argument("--disable", dest="enabled", action="store_const", const=False)
    # Whole numbers in ASCII digits here; the job settings check their ranges and report
    # every bad option at once.
    whole = count_arg(0, 1_000_000)
    p.add_argument("--every", type=whole, help="minutes between runs (periodic jobs)")
    p.add_argument("--at", help="time of day HH:MM (daily and weekly jobs)")
    p.add_argument("--day", help="day of the week (weekly job): mon ... sun")
    p.add_argument("--leads", help="reminder lead times, e.g. 24h,2h or 90m")
    p.add_argument("--team-leads", nargs=2, metavar=("TEAM", "LEADS"),
                   help="lead times of one team (LEADS 'default' removes them)")
    p.add_argument("--window-hours", type=whole, help="unfilled-shift alert window, 1 to 336 hours")
    p.add_argument("--weeks-ahead", type=whole, help="which week the plan job generates, 1 to 4")
    p.add_argument("--keep", type=whole, help=f"backups to keep, 1 to {cfg.MAX_BACKUPS_KEPT}")
    p.add_argument("--directory", help="backup folder ('' = beside the database)")
    p.set_defaults(func=with_db(cmd_jobs_set))

    rem = sub.add_parser("reminders", parents=[common], help="duty reminders")
    rsub = rem.add_subparsers(dest="action", required=True)
    p = rsub.add_parser("due", parents=[common], help="reminders due at a moment (not yet sent)")
    p.add_argument("--at", required=True, type=moment_with_offset_arg,
                   help="local date and time, e.g. 2026-12-07T17:00 (an offset such as +08:00 may follow)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_db(cmd_reminders_due))

    for group, fn, target in (("volunteers", cmd_volunteers_ics, "volunteer_id"),
                              ("teams", cmd_teams_ics, "team")):
        p = _subcommands(sub, group).add_parser(
            "ics", parents=[common], help="duties as an iCalendar file for phone calendars")
        p.add_argument(target, type=id_arg if target == "volunteer_id" else str)
        p.add_argument("--output", "-o", type=Path, required=True)
        p.add_argument("--from", dest="first", type=date_arg, help="first day (default: a week ago)")
        p.add_argument("--to", dest="last", type=date_arg, help="last day (default: a year ahead)")
        p.add_argument("--utc", action="store_true", help="write times in UTC instead of TZID")
        p.set_defaults(func=with_db(fn))


# ---------------------------------------------------------------------------- helpers


def _reason(code: str) -> str:
    text = JOB_SETTING_REASONS.get(code, code.replace("_", " "))
    return text.format(choices=", ".join(map(str, cfg.EVERY_MINUTES_CHOICES)), max_leads=cfg.MAX_LEADS)


def _problems_text(exc: ValidationError) -> str:
    return "\n".join(f"{p.field} ({p.value!r}) {_reason(p.code)}" for p in exc.problems)


def _job_id(name: str) -> str:
    key = name.strip().replace("-", "_")
    if key not in cfg.SPEC_BY_ID:
        raise UsageError(f"no job named {shown(name)!r} (jobs: {', '.join(cfg.SPEC_BY_ID)})")
    return key


def _fmt(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %z") if moment else "-"


def parse_leads(text: str) -> list[int]:
    """``24h,2h,90m`` -> minutes; a bare number is minutes."""
    try:
        return cfg.parse_lead_text(text)
    except ValidationError:
        raise UsageError(f"--leads {shown(text)!r} is not a list of lead times like 24h,2h or 90m") from None


# ---------------------------------------------------------------------------- commands


def cmd_jobs_list(db: Database, args: argparse.Namespace) -> int:
    jobs = SchedulerService(db).list_jobs()
    if args.json:
        print_json([j.to_json() for j in jobs])
        return 0
    for j in jobs:
        state = "on " if j.enabled else "off"
        last = f"last: {j.last_run.status} {j.last_run.started_at:%Y-%m-%d %H:%M}" if j.last_run else "never run"
        print(f"{j.id:<18} {state}  {j.schedule:<14} next: {_fmt(j.next_run_time):<24} {last}\t{j.name}")
    return 0


def cmd_jobs_run(db: Database, args: argparse.Namespace) -> int:
    job_id = _job_id(args.name)
    outcome = SchedulerService(db).run_now(job_id)
    if args.json:
        print_json(outcome.to_json())
    else:
        why = JOB_REASONS.get(outcome.reason, outcome.reason)
        print(f"{job_id}: {outcome.status}" + (f" ({why})" if why and outcome.status != "ok" else ""))
        for key, value in outcome.summary.items():
            print(f"  {key}: {value}")
        if outcome.error:
            print(f"  error: {outcome.error}", file=sys.stderr)
    return EXIT_FAILURE if outcome.status == "failed" else 0


def cmd_jobs_history(db: Database, args: argparse.Namespace) -> int:
    job_id = _job_id(args.name) if args.name else None
    with db.session() as s:
        runs = list_runs(s, job_id, limit=args.limit)
    if args.json:
        print_json([r.to_json() for r in runs])
        return 0
    for r in runs:
        how = "manual" if r.manual else "scheduled"
        reason = r.summary.get("reason") or ""
        note = JOB_REASONS.get(reason, reason)
        print(f"{r.started_at:%Y-%m-%d %H:%M}  {r.job_id:<18} {r.status:<13} {how:<9} slot {r.slot:%Y-%m-%d %H:%M}"
              + (f"  {note}" if note else "") + (f"  {r.error}" if r.error else ""))
    return 0


def cmd_jobs_set(db: Database, args: argparse.Namespace) -> int:
    job_id = _job_id(args.name)
    options: dict = {}
    for attr, key in (("every", "every_minutes"), ("at", "time"), ("day", "day_of_week"),
                      ("window_hours", "window_hours"), ("weeks_ahead", "weeks_ahead"),
                      ("keep", "keep"), ("directory", "directory")):
        value = getattr(args, attr)
        if value is not None:
            options[key] = value
    if args.leads is not None:
        options["lead_minutes"] = parse_leads(args.leads)
    with db.session() as s:
        if args.team_leads:
            team_id = team_service.resolve(s, args.team_leads[0])
            teams = dict(cfg.get_config(s, job_id).get("team_lead_minutes") or {})
            if args.team_leads[1].strip().lower() == "default":
                teams.pop(str(team_id), None)
            else:
                teams[str(team_id)] = parse_leads(args.team_leads[1])
            options["team_lead_minutes"] = teams
        try:
            config = cfg.save_config(s, job_id, enabled=args.enabled, options=options)
        except ValidationError as exc:
            raise UsageError(_problems_text(exc)) from None
    state = "on" if config.enabled else "off"
    print(f"{job_id}: {state}, {config.schedule_text()} (takes effect when the app next starts "
          "or reloads its jobs)")
    return 0


def cmd_reminders_due(db: Database, args: argparse.Namespace) -> int:
    moment = args.at
    from datetime import timedelta

    from sqlalchemy import select

    with db.session() as s:
        require(s, "shifts.read")
        tz = community_zone(s)
        if moment.tzinfo is not None:
            moment = moment.astimezone(tz).replace(tzinfo=None)
        config = cfg.get_config(s, cfg.DUTY_REMINDERS)
        leads = cfg.lead_times(config)
        horizon = moment + timedelta(minutes=leads.longest)
        duties = load_duties(s, moment, horizon, statuses=REMINDABLE_STATUSES)
        sent = set(s.scalars(select(ReminderLog.key).where(
            ReminderLog.kind == "duty", ReminderLog.subject_at >= moment,
            ReminderLog.subject_at <= horizon)))
        due = due_reminders(duties, leads, moment, sent, tz)
    if args.json:
        print_json([{**r.to_json(), "minutes_before": r.minutes_before(moment)} for r in due])
        return 0
    for r in due:
        d = r.duty
        mins = r.minutes_before(moment)
        print(f"{r.remind_at:%Y-%m-%d %H:%M}  {r.lead_minutes:>5} min before  {d.volunteer}\t"
              f"{d.date:%Y-%m-%d} {d.start:%H:%M}-{d.end:%H:%M}  {d.team or '-'}  {d.grid or d.location or '-'}"
              f"  (starts in {mins // 60} h {mins % 60:02d} min)")
    print(f"{len(due)} reminders due at {moment:%Y-%m-%d %H:%M}")
    return 0


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the CRLF line ends RFC 5545 asks for, on every platform.
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def cmd_volunteers_ics(db: Database, args: argparse.Namespace) -> int:
    first, last = args.first, args.last
    if first and last and last < first:
        raise UsageError("--to is before --from")
    with db.session() as s:
        try:
            export = volunteer_ics(s, args.volunteer_id, first=first, last=last, utc=args.utc)
        except NotFoundError:
            raise UsageError(f"no volunteer with id {args.volunteer_id}") from None
    _write(args.output, export.text)
    print(f"{args.output}: {export.events} duties of {export.name}")
    return 0


def cmd_teams_ics(db: Database, args: argparse.Namespace) -> int:
    first, last = args.first, args.last
    if first and last and last < first:
        raise UsageError("--to is before --from")
    with db.session() as s:
        team_id = team_service.resolve(s, args.team)
        export = team_ics(s, team_id, first=first, last=last, utc=args.utc)
    _write(args.output, export.text)
    print(f"{args.output}: {export.events} shifts of {export.name}")
    return 0
